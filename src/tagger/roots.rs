//! Where the writer may write: inside the library's roots as they resolve, and nowhere else.
//!
//! A library holds what strangers wrote, symbolic links included: `note.md -> ../../.bashrc`,
//! or a folder `archive -> ~`. A path is therefore judged by where it leads once every link
//! in it is followed, never by how it is spelled, and so are the roots.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The folders (and files) a write may land in, each resolved: a folder holds everything
/// below it, and a file named on its own is its own root.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roots {
    resolved: Arc<[PathBuf]>,
}

impl Roots {
    /// The roots `paths` name, as they resolve now. A path that does not resolve (it does not
    /// exist) holds nothing: nothing can be written under it.
    pub fn new(paths: &[PathBuf]) -> Roots {
        let mut resolved: Vec<PathBuf> = paths
            .iter()
            .filter_map(|path| fs::canonicalize(path).ok())
            .collect();
        resolved.sort();
        resolved.dedup();
        Roots {
            resolved: resolved.into(),
        }
    }

    /// True when `resolved`, a path with every link followed, is a root or lies below one.
    pub fn hold(&self, resolved: &Path) -> bool {
        // Component by component: `/lib` does not hold `/library`.
        self.resolved.iter().any(|root| resolved.starts_with(root))
    }

    /// The roots as they resolved, for messages.
    pub fn paths(&self) -> &[PathBuf] {
        &self.resolved
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn a_root_holds_what_lies_below_it_once_resolved_and_a_file_holds_itself() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().canonicalize().unwrap();
        fs::create_dir_all(real.join("lib/sub")).unwrap();
        fs::create_dir_all(real.join("library")).unwrap();
        fs::write(real.join("alone.md"), "x").unwrap();
        symlink(real.join("lib"), real.join("via-link")).unwrap();
        let roots = Roots::new(&[real.join("via-link"), real.join("alone.md")]);
        assert!(roots.hold(&real.join("lib")));
        assert!(roots.hold(&real.join("lib/sub/a.md")));
        assert!(roots.hold(&real.join("alone.md")));
        assert!(
            !roots.hold(&real.join("library/a.md")),
            "not a prefix by bytes"
        );
        assert!(!roots.hold(&real.join("other.md")));
        assert!(!roots.hold(&real));
        assert!(!Roots::new(&[real.join("missing")]).hold(&real.join("missing")));
        assert!(!Roots::default().hold(&real.join("lib/a.md")));
    }
}
