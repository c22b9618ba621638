//! A part of a shard left in the cache file and read the first time it is needed.

use std::fmt;
use std::sync::OnceLock;

use crate::codec::Damaged;

/// Reads a part of a shard from where it was kept.
pub type Source<T> = Box<dyn Fn() -> Result<T, Damaged> + Send + Sync>;

/// A part of a shard, in memory or read the first time it is asked for. If it cannot be read
/// then (the cache file was damaged since it was opened), it never will be: the shard says
/// so, and the library answers from the articles' files instead.
pub struct Lazy<T> {
    value: OnceLock<Result<T, Damaged>>,
    source: Option<Source<T>>,
}

impl<T> Lazy<T> {
    pub fn loaded(value: T) -> Lazy<T> {
        Lazy {
            value: OnceLock::from(Ok(value)),
            source: None,
        }
    }

    pub fn later(source: Source<T>) -> Lazy<T> {
        Lazy {
            value: OnceLock::new(),
            source: Some(source),
        }
    }

    /// The value, read now if it was not yet, and refused unless `fits` accepts it.
    pub fn get(&self, fits: impl FnOnce(&T) -> bool) -> Result<&T, Damaged> {
        let read = self.value.get_or_init(|| {
            let read = self.source.as_ref().ok_or(Damaged)?;
            let value = read()?;
            fits(&value).then_some(value).ok_or(Damaged)
        });
        read.as_ref().map_err(|&damaged| damaged)
    }

    /// The value held in memory, to be forged by a test.
    #[cfg(test)]
    pub fn get_mut(&mut self) -> &mut T {
        match self.value.get_mut() {
            Some(Ok(value)) => value,
            _ => panic!("only a value in memory can be changed"),
        }
    }
}

impl<T> fmt::Debug for Lazy<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.value.get() {
            Some(Ok(_)) => "read",
            Some(Err(_)) => "unreadable",
            None => "not read yet",
        })
    }
}
