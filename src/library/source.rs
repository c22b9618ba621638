//! Where a library comes from: folders and files, or the samples built into the program.

use std::path::PathBuf;

use crate::loader::display_path;

/// Where the library comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LibrarySource {
    /// These files and folders.
    Paths(Vec<PathBuf>),
    /// The sample library built into the program.
    BuiltIn,
}

impl LibrarySource {
    /// How a front end names the library.
    pub fn label(&self) -> String {
        match self {
            LibrarySource::BuiltIn => "built-in samples".to_owned(),
            LibrarySource::Paths(paths) => {
                let names: Vec<String> = paths.iter().map(|p| display_path(p)).collect();
                names.join(", ")
            }
        }
    }
}
