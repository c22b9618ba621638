//! Problems found while loading: one line each, naming the file.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The file was not loaded.
    Error,
    /// The file was loaded, but something in it was odd or ignored.
    Warning,
}

impl Severity {
    /// The word a problem's line uses for it: `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A problem with one file or folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file or folder the problem is with.
    pub path: PathBuf,
    /// Whether the problem kept the file from loading.
    pub severity: Severity,
    /// One line, already safe to print.
    pub message: String,
}

impl Problem {
    /// A problem that kept the file or folder at `path` from loading.
    pub fn error(path: &Path, message: String) -> Problem {
        Problem {
            path: path.to_path_buf(),
            severity: Severity::Error,
            message,
        }
    }

    /// A problem with the file or folder at `path` that kept nothing from loading.
    pub fn warning(path: &Path, message: String) -> Problem {
        Problem {
            path: path.to_path_buf(),
            severity: Severity::Warning,
            message,
        }
    }
}

/// `path: error: message`, with the path made safe to print.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {}",
            display_path(&self.path),
            self.severity.as_str(),
            self.message
        )
    }
}

/// A path as text that is safe to print: a file name can hold any byte but `/` and NUL,
/// including escape sequences, so control characters are shown as `?` (as `ls` does).
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy()
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

/// An I/O error as a short lower-case reason, without the OS error number.
pub fn describe_io_error(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => {
            let text = error.to_string();
            let text = match text.find(" (os error") {
                Some(at) => &text[..at],
                None => &text,
            };
            crate::sanitize::sanitize_line(&text.to_lowercase())
        }
    }
}
