//! The file a write replaces, and its new bytes in a temporary file beside it.

use std::fs::{self, Metadata};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Options, TagError, keep};
use crate::replace_file::{create_temporary, folder_of};

/// The file a write to `path` really replaces, every symbolic link followed (so that a link
/// stays a link), with its metadata; refused unless it lies inside the roots `options` gives,
/// is a regular file with one name, and is writable (or `options` allows read-only files).
pub fn resolve(path: &Path, options: &Options) -> Result<(PathBuf, Metadata), TagError> {
    let target = inside(path, fs::canonicalize(path).map_err(io(path))?, options)?;
    let meta = fs::metadata(&target).map_err(io(&target))?;
    writable(target, meta, options)
}

/// `target`, what `path` resolves to, if it lies inside the roots `options` gives.
pub fn inside(path: &Path, target: PathBuf, options: &Options) -> Result<PathBuf, TagError> {
    match options.roots.hold(&target) {
        true => Ok(target),
        false => Err(TagError::Outside {
            path: path.to_owned(),
            target,
        }),
    }
}

/// `target`, with its metadata `meta`, if it is a regular file with one name that `options`
/// allow writing.
pub fn writable(
    target: PathBuf,
    meta: Metadata,
    options: &Options,
) -> Result<(PathBuf, Metadata), TagError> {
    if !meta.is_file() {
        return Err(TagError::Unsupported("not a regular file".into()));
    }
    if meta.permissions().readonly() && !options.read_only {
        return Err(TagError::ReadOnly { path: target });
    }
    let links = link_count(&meta);
    if links > 1 {
        return Err(TagError::HardLinks {
            path: target,
            links,
        });
    }
    Ok((target, meta))
}

/// Writes `new` to a fresh temporary file beside `target`, which already has the owner, group,
/// mode and extended attributes of `target` (described by `meta`) before a byte is written,
/// and returns its path; nothing is left behind when that fails. Not synced: the caller
/// decides when the data must reach the disk.
pub fn write_beside(target: &Path, meta: &Metadata, new: &[u8]) -> Result<PathBuf, TagError> {
    let folder = folder_of(target);
    let temporary_error = |source| TagError::Temporary {
        folder: folder.to_owned(),
        source,
    };
    let (temporary, mut file) = create_temporary(folder, mode(meta)).map_err(temporary_error)?;
    let written = keep::owner_and_mode(&file, meta, target)
        .and_then(|()| keep::attributes(&file, target))
        .and_then(|()| file.write_all(new).map_err(temporary_error));
    match written {
        Ok(()) => Ok(temporary),
        Err(error) => {
            let _ = fs::remove_file(&temporary);
            Err(error)
        }
    }
}

#[cfg(unix)]
fn mode(meta: &Metadata) -> u32 {
    std::os::unix::fs::PermissionsExt::mode(&meta.permissions())
}

#[cfg(not(unix))]
fn mode(_: &Metadata) -> u32 {
    0o666
}

#[cfg(unix)]
fn link_count(meta: &Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn link_count(_: &Metadata) -> u64 {
    1
}

pub fn io(path: &Path) -> impl FnOnce(std::io::Error) -> TagError {
    let path = path.to_owned();
    move |source| TagError::Io { path, source }
}
