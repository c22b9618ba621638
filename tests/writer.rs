//! `moodwire tag --write` writes only where it should and keeps what a file has: only inside
//! the library's folders as they resolve, never a read-only file unasked, never one half of a
//! hard link, with the owner, group, extended attributes and the rest of each replaced line
//! kept, and a private file private throughout.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::moodwire;

const UNTAGGED: &str = "---\ntitle: Markets slump on weak earnings\n---\nShares fell.\n";

/// A library folder `lib` beside a folder `outside` holding a file that is not the library's.
fn library_beside_outside() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let lib = root.join("lib");
    let outside = root.join("outside");
    fs::create_dir_all(&lib).unwrap();
    fs::create_dir_all(&outside).unwrap();
    fs::write(lib.join("article.md"), UNTAGGED).unwrap();
    (dir, lib, outside)
}

fn tagged(path: &Path) -> bool {
    fs::read_to_string(path)
        .unwrap()
        .contains("sentiment_score")
}

#[cfg(unix)]
#[test]
fn a_link_to_a_file_outside_the_library_is_not_written_through() {
    let (dir, lib, outside) = library_beside_outside();
    let bashrc = outside.join("bashrc");
    fs::write(&bashrc, "Markets slump\nexport PATH=/bin\n").unwrap();
    std::os::unix::fs::symlink("../outside/bashrc", lib.join("note.md")).unwrap();
    let run = moodwire(&["tag", "lib", "--write"], dir.path());
    assert_eq!(
        fs::read_to_string(&bashrc).unwrap(),
        "Markets slump\nexport PATH=/bin\n"
    );
    assert!(tagged(&lib.join("article.md")), "{}", run.stdout);
    // The walk passes the link over and says why, as `check` does: a warning, not a failure.
    assert!(
        run.stderr
            .contains("moodwire: lib/note.md: warning: symbolic link to a file outside"),
        "{}",
        run.stderr
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(!run.stdout.contains("note.md"), "{}", run.stdout);
}

#[cfg(unix)]
#[test]
fn a_link_to_a_folder_outside_the_library_is_not_written_into() {
    let (dir, lib, outside) = library_beside_outside();
    let readme = outside.join("README.md");
    fs::write(&readme, "# My notes\n\nPrivate.\n").unwrap();
    std::os::unix::fs::symlink(&outside, lib.join("archive")).unwrap();
    let run = moodwire(&["tag", "lib", "--write"], dir.path());
    assert_eq!(
        fs::read_to_string(&readme).unwrap(),
        "# My notes\n\nPrivate.\n"
    );
    assert!(tagged(&lib.join("article.md")), "{}", run.stdout);
}

/// A file named on its own is its own root; a link inside the library to one of its own
/// files is written through, and the link stays a link.
#[cfg(unix)]
#[test]
fn a_link_inside_the_library_is_written_through_and_stays_a_link() {
    let (dir, lib, _) = library_beside_outside();
    fs::create_dir(lib.join("sub")).unwrap();
    fs::write(lib.join("sub/real.txt"), "Chip maker posts record profit\n").unwrap();
    std::os::unix::fs::symlink("sub/real.txt", lib.join("alias.md")).unwrap();
    let run = moodwire(&["tag", "lib/alias.md", "--write"], dir.path());
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(tagged(&lib.join("sub/real.txt")));
    assert!(
        fs::symlink_metadata(lib.join("alias.md"))
            .unwrap()
            .is_symlink()
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_refused_by_name_unless_forced() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, lib, _) = library_beside_outside();
    let path = lib.join("article.md");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let run = moodwire(&["tag", "lib", "--write"], dir.path());
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("article.md is read-only"),
        "{}",
        run.stdout
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), UNTAGGED);
    let forced = moodwire(&["tag", "lib", "--write", "--force"], dir.path());
    assert_eq!(forced.code, 0, "{}", forced.stdout);
    assert!(tagged(&path));
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o444, "still read-only");
}

#[test]
fn a_file_with_a_name_of_250_bytes_is_tagged() {
    let (dir, lib, _) = library_beside_outside();
    let name = format!("{}.md", "n".repeat(247));
    assert_eq!(name.len(), 250);
    fs::write(lib.join(&name), UNTAGGED).unwrap();
    let run = moodwire(&["tag", "lib", "--write"], dir.path());
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(tagged(&lib.join(&name)));
}

#[cfg(unix)]
#[test]
fn a_file_with_hard_links_is_refused_and_every_name_keeps_the_same_text() {
    let (dir, lib, outside) = library_beside_outside();
    let other = outside.join("same.md");
    fs::hard_link(lib.join("article.md"), &other).unwrap();
    let run = moodwire(&["tag", "lib", "--write"], dir.path());
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("article.md has 2 names (hard links)"),
        "{}",
        run.stdout
    );
    assert_eq!(
        fs::read_to_string(lib.join("article.md")).unwrap(),
        UNTAGGED
    );
    assert_eq!(fs::read_to_string(&other).unwrap(), UNTAGGED);
}

#[test]
fn force_keeps_the_comment_and_the_line_ending_of_a_replaced_line() {
    let (dir, lib, _) = library_beside_outside();
    let path = lib.join("article.md");
    fs::write(
        &path,
        "---\ntitle: Markets slump\r\nsentiment_score: 3 # checked by Ana\r\nsentiment_label: Negative\n---\nText\n",
    )
    .unwrap();
    let run = moodwire(&["tag", "lib", "--write", "--force"], dir.path());
    assert_eq!(run.code, 0, "{}", run.stdout);
    let text = fs::read_to_string(&path).unwrap();
    let score = text
        .split('\n')
        .find(|l| l.starts_with("sentiment_score"))
        .unwrap();
    assert!(score.ends_with(" # checked by Ana\r"), "{text:?}");
    assert!(text.starts_with("---\ntitle: Markets slump\r\nsentiment_score: "));
    assert!(
        text.ends_with("\nsentiment_label: \"Bearish/Negative\"\n---\nText\n"),
        "{text:?}"
    );
}

/// Root tags a file that belongs to another user and group: they still own it after.
#[cfg(unix)]
#[test]
fn the_owner_and_group_of_a_file_are_kept() {
    use std::os::unix::fs::MetadataExt;
    if !is_root() {
        eprintln!("skipped: changing a file's owner needs root");
        return;
    }
    let (dir, lib, _) = library_beside_outside();
    let path = lib.join("article.md");
    std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
    let run = moodwire(&["tag", "lib", "--write"], dir.path());
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(tagged(&path));
    let meta = fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (65534, 65534));
}

/// Another user, who may write into the folder but may not give a file away, is refused
/// with the reason rather than left owning someone else's file.
#[cfg(target_os = "linux")]
#[test]
fn a_file_whose_owner_cannot_be_kept_is_refused_with_the_reason() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    if !is_root() || !has_setpriv() {
        eprintln!("skipped: running as another user needs root and setpriv");
        return;
    }
    let (dir, lib, _) = library_beside_outside();
    let path = lib.join("article.md");
    // Owned by one user, writable by all, in a folder all may write: another user could
    // rewrite it, and a rename would make it theirs.
    std::os::unix::fs::chown(&path, Some(4242), Some(4242)).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o666)).unwrap();
    for folder in [dir.path(), &lib] {
        fs::set_permissions(folder, fs::Permissions::from_mode(0o777)).unwrap();
    }
    let cache = tempfile::tempdir().unwrap();
    fs::set_permissions(cache.path(), fs::Permissions::from_mode(0o777)).unwrap();
    let output = std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(env!("CARGO_BIN_EXE_moodwire"))
        .args(["tag", "lib", "--write"])
        .current_dir(dir.path())
        .env("MOODWIRE_CACHE_DIR", cache.path())
        .env("MOODWIRE_DATA_DIR", cache.path())
        .env("XDG_CONFIG_HOME", cache.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("cannot keep the owner and group of")
            && stdout.contains("(user 4242, group 4242): permission denied"),
        "{stdout}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), UNTAGGED);
    let meta = fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (4242, 4242));
}

/// Extended attributes, and the ACL that lives in one, are on the file after a tag.
#[cfg(target_os = "linux")]
#[test]
fn extended_attributes_and_acls_are_kept() {
    let (dir, lib, _) = library_beside_outside();
    let path = lib.join("article.md");
    if rustix::fs::setxattr(
        &path,
        "user.origin",
        b"wire",
        rustix::fs::XattrFlags::empty(),
    )
    .is_err()
    {
        eprintln!("skipped: this file system keeps no user attributes");
        return;
    }
    // The owner may read and write, user 4242 and the group read, the others read.
    let any = u32::MAX;
    let acl = access_acl(&[
        (0x01, 6, any),
        (0x02, 4, 4242),
        (0x04, 4, any),
        (0x10, 4, any),
        (0x20, 4, any),
    ]);
    let flags = rustix::fs::XattrFlags::empty();
    let with_acl = rustix::fs::setxattr(&path, "system.posix_acl_access", &acl, flags).is_ok();
    let run = moodwire(&["tag", "lib", "--write"], dir.path());
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(tagged(&path));
    let mut value = [0u8; 64];
    let len = rustix::fs::getxattr(&path, "user.origin", &mut value[..]).unwrap();
    assert_eq!(&value[..len], b"wire");
    if with_acl {
        let mut value = [0u8; 256];
        let len = rustix::fs::getxattr(&path, "system.posix_acl_access", &mut value[..])
            .expect("the ACL is kept");
        assert_eq!(&value[..len], &acl[..]);
    } else {
        eprintln!("ACL part skipped: this file system keeps no ACLs");
    }
}

/// The bytes of a POSIX access ACL as the kernel keeps it in `system.posix_acl_access`: a
/// version, then (tag, permissions, id) for each entry, in tag order.
#[cfg(target_os = "linux")]
fn access_acl(entries: &[(u16, u16, u32)]) -> Vec<u8> {
    let mut bytes = 2u32.to_le_bytes().to_vec();
    for (tag, perm, id) in entries {
        bytes.extend_from_slice(&tag.to_le_bytes());
        bytes.extend_from_slice(&perm.to_le_bytes());
        bytes.extend_from_slice(&id.to_le_bytes());
    }
    bytes
}

/// The temporary file that takes a private article's new bytes is created private: traced
/// with strace, its creation asks for the article's own mode (0600), never 0666 with the mode
/// put right after the bytes are in.
#[cfg(target_os = "linux")]
#[test]
fn a_private_article_is_never_readable_by_others_while_it_is_rewritten() {
    use std::os::unix::fs::PermissionsExt;
    if std::process::Command::new("strace")
        .arg("-V")
        .output()
        .is_err()
    {
        eprintln!("skipped: strace is not installed");
        return;
    }
    let (dir, lib, _) = library_beside_outside();
    fs::set_permissions(lib.join("article.md"), fs::Permissions::from_mode(0o600)).unwrap();
    let trace = dir.path().join("trace");
    let cache = dir.path().join("cache");
    let output = std::process::Command::new("strace")
        .args(["-f", "-e", "trace=openat,open,creat", "-o"])
        .arg(&trace)
        .arg(env!("CARGO_BIN_EXE_moodwire"))
        .args(["tag", "lib", "--write"])
        .current_dir(dir.path())
        .env("MOODWIRE_CACHE_DIR", &cache)
        .env("MOODWIRE_DATA_DIR", &cache)
        .output()
        .unwrap();
    if !output.status.success() {
        eprintln!("skipped: strace cannot trace here");
        return;
    }
    let trace = fs::read_to_string(trace).unwrap();
    let folder = format!("\"{}/", lib.display());
    let created: Vec<&str> = trace
        .lines()
        .filter(|line| line.contains("O_CREAT") && line.contains(&folder))
        .collect();
    assert_eq!(created.len(), 1, "{trace}");
    assert!(created[0].contains(", 0600)"), "{}", created[0]);
    assert_eq!(
        fs::metadata(lib.join("article.md"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
}

fn is_root() -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // The owner of a file just made is whoever runs the tests.
        let probe = tempfile::NamedTempFile::new().unwrap();
        probe.as_file().metadata().unwrap().uid() == 0
    }
    #[cfg(not(unix))]
    false
}

fn has_setpriv() -> bool {
    std::process::Command::new("setpriv")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}
