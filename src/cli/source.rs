//! Choosing and loading the library a command works on.

use std::path::{Path, PathBuf};

use moodwire::cache::CacheStore;
use moodwire::config::Config;
use moodwire::library::Library;
use moodwire::library::{LibrarySource, Progress};
use moodwire::loader::{cut_short_message, display_path};

use super::args::CacheArgs;

use anyhow::bail;

/// The folder read when no path is given, if it exists.
pub const DEFAULT_FOLDER: &str = "sample-articles";

/// Which library `paths` name: the paths themselves; with none, the configuration's `library`
/// folders, else `./sample-articles` if it exists, else the built-in samples. A path named on
/// the command line that does not exist is a usage error, not an empty library. A configured
/// folder that does not exist (a drive not mounted) is left out with a warning, said on stderr
/// and returned, as long as another one is left.
pub fn resolve(
    paths: &[PathBuf],
    configured: &[PathBuf],
) -> anyhow::Result<(LibrarySource, Vec<String>)> {
    let mut warnings = Vec::new();
    let exists = |path: &PathBuf| std::fs::symlink_metadata(path).is_ok();
    let paths = match paths.is_empty() {
        true => {
            // A link whose target is not there is a folder not there (a drive not mounted).
            let (found, missing): (Vec<PathBuf>, Vec<PathBuf>) =
                (configured.iter().cloned()).partition(|path| std::fs::metadata(path).is_ok());
            if !missing.is_empty() && found.is_empty() {
                let names: Vec<String> = missing.iter().map(|p| display_path(p)).collect();
                bail!(
                    "{}: no such file or folder (named in the configuration's `library`; \
                     `moodwire config path` tells where that is)",
                    names.join(", ")
                );
            }
            for path in &missing {
                let warning = format!(
                    "{}: no such file or folder, named in the configuration's `library`; \
                     reading the rest of the library",
                    display_path(path)
                );
                eprintln!("moodwire: warning: {warning}");
                warnings.push(warning);
            }
            found
        }
        false => {
            if let Some(missing) = paths.iter().find(|p| !exists(p)) {
                bail!("{}: no such file or folder", display_path(missing));
            }
            paths.to_vec()
        }
    };
    let source = if !paths.is_empty() {
        LibrarySource::Paths(paths)
    } else if Path::new(DEFAULT_FOLDER).is_dir() {
        LibrarySource::Paths(vec![PathBuf::from(DEFAULT_FOLDER)])
    } else {
        LibrarySource::BuiltIn
    };
    Ok((source, warnings))
}

/// The user's cache, unless `--no-cache` was given.
pub fn cache_store(cache: CacheArgs) -> Option<CacheStore> {
    match cache.no_cache {
        true => None,
        false => CacheStore::user(),
    }
}

/// The library a command works on, for as long as the process runs. It is never dropped: a
/// command ends the process soon after, and freeing a large library piece by piece takes
/// longer than the operating system takes to reclaim it at exit.
pub fn open_library(
    paths: &[PathBuf],
    cache: CacheArgs,
    config: &Config,
) -> anyhow::Result<&'static Library> {
    load_library(paths, cache, config).map(|library| &*Box::leak(Box::new(library)))
}

/// Loads the library `paths` name (see [`resolve`]). Says on stderr which default it chose,
/// since output may be piped.
fn load_library(paths: &[PathBuf], cache: CacheArgs, config: &Config) -> anyhow::Result<Library> {
    let (source, _) = resolve(paths, &config.library)?;
    let reading = config.reading();
    if paths.is_empty() && config.library.is_empty() {
        match &source {
            LibrarySource::BuiltIn => {
                eprintln!("moodwire: no PATH given; reading the built-in sample library")
            }
            LibrarySource::Paths(_) => {
                eprintln!("moodwire: no PATH given; reading ./{DEFAULT_FOLDER}")
            }
        }
    }
    Ok(match source {
        LibrarySource::Paths(paths) => {
            let cache = cache_store(cache);
            let mut cut_short = false;
            let library =
                Library::open_with_progress(&paths, &reading, cache.as_ref(), &mut |step| {
                    cut_short |= matches!(
                        step,
                        Progress::Found {
                            cut_short: true,
                            ..
                        }
                    )
                });
            if cut_short {
                let message = cut_short_message(reading.limits.max_files);
                eprintln!("moodwire: {message}");
            }
            library
        }
        LibrarySource::BuiltIn => Library::built_in(&reading),
    })
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
