//! Committing many staged writes at once: their data made durable together, then each renamed
//! over its file, then the renames made durable.
//!
//! Syncing file by file costs a disk flush and a journal commit each, and renaming over a
//! file whose new data is not yet on disk makes ext4 start writing it then and there (its
//! `auto_da_alloc` guard against empty files), one small write at a time. Syncing everything
//! first turns both into one pass over the disk.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

use super::TagError;
use super::durable;
use super::staged::Staged;
use crate::parallel;
use crate::replace_file;

/// Renames each staged file over its original, in order, and returns what became of each:
/// the path written, or why not. A file that changed since it was read is refused with
/// [`TagError::Changed`] and the others still go ahead. Every temporary file not renamed is
/// removed, and on return every rename is durable (or reported as failed).
pub fn commit(staged: Vec<Staged>) -> Vec<Result<PathBuf, TagError>> {
    if let Err((path, error)) = durable::sync_data(&staged) {
        // Renaming data that may not be on disk is what leaves empty files after a power
        // loss; better to write nothing. Dropping `staged` removes the temporaries.
        let path = path.to_owned();
        return staged
            .iter()
            .map(|_| Err(io_error(&path, &error)))
            .collect();
    }
    // On all cores: the checks and renames are system calls that wait on folder locks, and
    // one thread leaves the other core idle.
    let mut results: Vec<Result<PathBuf, TagError>> = Vec::with_capacity(staged.len());
    // Every slot is filled below, as each item is worked once.
    results.resize_with(staged.len(), || Err(TagError::Changed));
    parallel::for_each(
        &staged,
        |file| file.rename().map(|()| file.target().to_owned()),
        |at, result| results[at] = result,
    );
    let mut folders: HashMap<&Path, Option<io::Error>> = HashMap::new();
    for file in staged.iter().filter(|file| file.is_renamed()) {
        folders.entry(file.folder()).or_insert(None);
    }
    for (folder, failure) in &mut folders {
        *failure = durable::sync_folder(folder).err();
        // Cheap here, as the folder was just written: a run killed before its renames left
        // temporaries that no later run would otherwise clear.
        replace_file::remove_stale(folder);
    }
    for (file, result) in staged.iter().zip(&mut results) {
        if let Some(Some(error)) = folders.get(file.folder())
            && result.is_ok()
        {
            *result = Err(io_error(file.folder(), error));
        }
    }
    results
}

/// An error for each of many files from one shared cause, which `io::Error` cannot be cloned
/// to give.
fn io_error(path: &Path, error: &io::Error) -> TagError {
    TagError::Io {
        path: path.to_owned(),
        source: io::Error::new(error.kind(), error.to_string()),
    }
}

#[cfg(test)]
#[path = "batch_tests.rs"]
mod tests;
