//! The folders of one batch of writes, each resolved once.
//!
//! Resolving a path follows every link in it, a system call for each component, and a batch
//! of thousands of files in a few folders would resolve the same folders thousands of times.
//! A batch resolves each folder once and then looks at the file alone. That leaves a folder
//! swapped for a link after it was resolved no more room than a batch leaves it anyway: its
//! renames come after every file is staged, and follow the path as it stands then. So the
//! memory lives as long as one batch, never longer.

use std::collections::HashMap;
use std::fs::{self, Metadata};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use super::temporary::{self, io};
use super::{Options, TagError};
use crate::replace_file::folder_of;

/// The folders a batch has resolved so far, by their names as the batch was given them.
#[derive(Debug, Default)]
pub struct Folders {
    resolved: Mutex<HashMap<PathBuf, PathBuf>>,
}

impl Folders {
    /// What [`temporary::resolve`] gives for `path`, resolving its folder at most once per
    /// batch. A file that is itself a link is resolved in full, as a lone write would be.
    pub fn resolve(&self, path: &Path, options: &Options) -> Result<(PathBuf, Metadata), TagError> {
        let Some(name) = path.file_name() else {
            return temporary::resolve(path, options);
        };
        let target = self.folder(folder_of(path)).map_err(io(path))?.join(name);
        let meta = fs::symlink_metadata(&target).map_err(io(path))?;
        if meta.file_type().is_symlink() {
            return temporary::resolve(path, options);
        }
        let target = temporary::inside(path, target, options)?;
        temporary::writable(target, meta, options)
    }

    fn folder(&self, folder: &Path) -> io::Result<PathBuf> {
        if let Some(resolved) = self.lock().get(folder) {
            return Ok(resolved.clone());
        }
        // Resolved without the lock held: a slow file system must not hold up the others.
        let resolved = fs::canonicalize(folder)?;
        self.lock().insert(folder.to_owned(), resolved.clone());
        Ok(resolved)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<PathBuf, PathBuf>> {
        // The map holds only finished entries, so one a panicking thread left is sound.
        self.resolved.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    /// What a batch resolves is what a lone write resolves, file by file, the second time a
    /// folder is met (from memory) as the first.
    #[test]
    fn a_batch_resolves_and_refuses_as_a_lone_write_does() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let (lib, outside) = (root.join("lib"), root.join("outside"));
        fs::create_dir_all(lib.join("sub")).unwrap();
        fs::create_dir_all(&outside).unwrap();
        for file in ["lib/a.md", "lib/sub/b.md", "outside/c.md"] {
            fs::write(root.join(file), "---\ntitle: A\n---\n").unwrap();
        }
        symlink(lib.join("sub"), lib.join("via")).unwrap();
        symlink(&outside, lib.join("away")).unwrap();
        symlink("sub/b.md", lib.join("alias.md")).unwrap();
        symlink("../outside/c.md", lib.join("out.md")).unwrap();
        fs::hard_link(lib.join("a.md"), lib.join("twin.md")).unwrap();
        let options = Options::within(std::slice::from_ref(&lib));
        let folders = Folders::default();
        let paths = [
            "lib/sub/b.md",
            "lib/via/b.md",
            "lib/alias.md",
            "lib/away/c.md",
            "lib/out.md",
            "lib/twin.md",
            "lib/missing.md",
            "lib/sub",
        ];
        let outcome = |result: Result<(PathBuf, Metadata), TagError>| match result {
            Ok((target, _)) => Ok(target),
            Err(error) => Err(error.to_string()),
        };
        for _ in 0..2 {
            for path in paths.map(|p| root.join(p)) {
                let alone = outcome(temporary::resolve(&path, &options));
                let batched = outcome(folders.resolve(&path, &options));
                assert_eq!(batched, alone, "{}", path.display());
            }
        }
        let target = |p: &str| outcome(folders.resolve(&root.join(p), &options));
        assert_eq!(target("lib/via/b.md"), Ok(lib.join("sub/b.md")));
        assert_eq!(target("lib/alias.md"), Ok(lib.join("sub/b.md")));
        for refused in ["lib/away/c.md", "lib/out.md", "lib/twin.md", "lib/sub"] {
            assert!(target(refused).is_err(), "{refused}");
        }
    }
}
