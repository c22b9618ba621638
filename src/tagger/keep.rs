//! What a file keeps when new bytes are renamed over it: its owner and group, its mode, and
//! its extended attributes (where its ACLs live). A rename puts a new file in its place, so
//! each is given to the temporary file before a byte is written; one that cannot be given is a
//! refusal with the reason, never a silent loss (a file tagged by root that its owner can no
//! longer write, or a shared folder's ACL gone).

use std::fs::{File, Metadata};
use std::path::Path;

use super::TagError;
use super::temporary::io;

/// Gives `file`, just created, the owner, group and mode of the file `meta` describes.
#[cfg(unix)]
pub fn owner_and_mode(file: &File, meta: &Metadata, target: &Path) -> Result<(), TagError> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let made = file.metadata().map_err(io(target))?;
    let uid = (made.uid() != meta.uid()).then_some(meta.uid());
    let gid = (made.gid() != meta.gid()).then_some(meta.gid());
    if uid.is_some() || gid.is_some() {
        std::os::unix::fs::fchown(file, uid, gid).map_err(|source| TagError::Owner {
            path: target.to_owned(),
            uid: meta.uid(),
            gid: meta.gid(),
            source,
        })?;
    }
    // Also after a change of owner, which clears the set-id bits.
    if uid.is_some() || gid.is_some() || made.mode() & 0o7777 != meta.mode() & 0o7777 {
        let mode = std::fs::Permissions::from_mode(meta.mode() & 0o7777);
        file.set_permissions(mode).map_err(io(target))?;
    }
    Ok(())
}

#[cfg(not(unix))]
pub fn owner_and_mode(file: &File, meta: &Metadata, target: &Path) -> Result<(), TagError> {
    file.set_permissions(meta.permissions()).map_err(io(target))
}

/// Gives `file` the extended attributes of the file at `target` (its ACLs among them), and
/// takes away any it was given on creation that `target` lacks (a folder's default ACL), as far
/// as the system lets.
#[cfg(target_os = "linux")]
pub fn attributes(file: &File, target: &Path) -> Result<(), TagError> {
    use rustix::fs::{XattrFlags, fgetxattr, fremovexattr, fsetxattr, getxattr};
    let listed = |list: rustix::io::Result<Vec<Vec<u8>>>| list.map_err(|e| io(target)(e.into()));
    let wanted = listed(names(|buffer| rustix::fs::listxattr(target, buffer)))?;
    let made = listed(names(|buffer| rustix::fs::flistxattr(file, buffer)))?;
    if wanted.is_empty() && made.is_empty() {
        return Ok(());
    }
    let refuse = |name: &[u8], error: rustix::io::Errno| TagError::Attribute {
        path: target.to_owned(),
        name: printable(name),
        source: error.into(),
    };
    for name in &wanted {
        let value = value(|buffer| getxattr(target, name.as_slice(), buffer))
            .map_err(|e| refuse(name, e))?;
        let has = value_of(|buffer| fgetxattr(file, name.as_slice(), buffer));
        // Set only where it differs: a security label the system gave the new file already
        // is the one it had, and setting it could need a privilege for nothing.
        if has.as_deref() != Some(value.as_slice()) {
            fsetxattr(file, name.as_slice(), &value, XattrFlags::empty())
                .map_err(|e| refuse(name, e))?;
        }
    }
    for name in made.iter().filter(|name| !wanted.contains(name)) {
        // Best effort: what the system insists on for a new file stays.
        let _ = fremovexattr(file, name.as_slice());
    }
    Ok(())
}

#[cfg(not(target_os = "linux"))]
pub fn attributes(_: &File, _: &Path) -> Result<(), TagError> {
    Ok(())
}

/// Attribute names as the system lists them: NUL-terminated, one after the other.
#[cfg(target_os = "linux")]
fn names(
    list: impl Fn(&mut [u8]) -> rustix::io::Result<usize>,
) -> rustix::io::Result<Vec<Vec<u8>>> {
    let bytes = value(list)?;
    Ok(bytes
        .split(|&b| b == 0)
        .filter(|name| !name.is_empty())
        .map(<[u8]>::to_vec)
        .collect())
}

/// The bytes `read` gives, asked with a buffer large enough (the size asked first may have
/// grown by the time they are read: asked again then).
#[cfg(target_os = "linux")]
fn value(read: impl Fn(&mut [u8]) -> rustix::io::Result<usize>) -> rustix::io::Result<Vec<u8>> {
    // Most files have no attributes: one call tells.
    let mut buffer = vec![0; 256];
    loop {
        match read(&mut buffer) {
            Ok(len) => {
                buffer.truncate(len);
                return Ok(buffer);
            }
            Err(rustix::io::Errno::RANGE) if buffer.len() < 1 << 20 => {
                let size = read(&mut [])?;
                buffer.resize(size.max(buffer.len() * 2), 0);
            }
            Err(rustix::io::Errno::NOTSUP) => return Ok(Vec::new()),
            Err(error) => return Err(error),
        }
    }
}

#[cfg(target_os = "linux")]
fn value_of(read: impl Fn(&mut [u8]) -> rustix::io::Result<usize>) -> Option<Vec<u8>> {
    value(read).ok()
}

/// An attribute's name, safe to print.
#[cfg(target_os = "linux")]
fn printable(name: &[u8]) -> String {
    String::from_utf8_lossy(name)
        .chars()
        .map(|c| {
            if crate::sanitize::is_unsafe(c) {
                '?'
            } else {
                c
            }
        })
        .collect()
}
