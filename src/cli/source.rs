//! Choosing and loading the library a command works on.

use std::path::{Path, PathBuf};

use moodwire::cache::CacheStore;
use moodwire::library::Library;
use moodwire::limits::Limits;
use moodwire::loader::display_path;
use moodwire::samples;

use super::args::CacheArgs;

use anyhow::bail;

/// The folder read when no path is given, if it exists.
pub const DEFAULT_FOLDER: &str = "sample-articles";

/// The library a command works on, for as long as the process runs. It is never dropped: a
/// command ends the process soon after, and freeing a large library piece by piece takes
/// longer than the operating system takes to reclaim it at exit.
pub fn open_library(
    paths: &[PathBuf],
    cache: CacheArgs,
    limits: &Limits,
) -> anyhow::Result<&'static Library> {
    load_library(paths, cache, limits).map(|library| &*Box::leak(Box::new(library)))
}

/// Loads the articles under `paths`; with none, `./sample-articles` if it exists, else the
/// built-in samples. Says on stderr which default it chose, since output may be piped. A path
/// that does not exist is a usage error, not an empty library.
fn load_library(paths: &[PathBuf], cache: CacheArgs, limits: &Limits) -> anyhow::Result<Library> {
    if let Some(missing) = paths.iter().find(|p| std::fs::symlink_metadata(p).is_err()) {
        bail!("{}: no such file or folder", display_path(missing));
    }
    let store = if cache.no_cache {
        None
    } else {
        CacheStore::user()
    };
    if !paths.is_empty() {
        return Ok(Library::open(paths, limits, store.as_ref()));
    }
    if Path::new(DEFAULT_FOLDER).is_dir() {
        eprintln!("moodwire: no PATH given; reading ./{DEFAULT_FOLDER}");
        Ok(Library::open(
            &[PathBuf::from(DEFAULT_FOLDER)],
            limits,
            store.as_ref(),
        ))
    } else {
        eprintln!("moodwire: no PATH given; reading the built-in sample library");
        Ok(samples::library(limits))
    }
}

/// Tells on stderr how many files could not be loaded, since a listing alone would hide them.
pub fn mention_errors(library: &Library) {
    let errors = library
        .problems()
        .iter()
        .filter(|p| p.severity == moodwire::loader::Severity::Error)
        .count();
    match errors {
        0 => {}
        1 => eprintln!("moodwire: 1 file could not be loaded; `moodwire check` says why"),
        n => eprintln!("moodwire: {n} files could not be loaded; `moodwire check` says why"),
    }
}
