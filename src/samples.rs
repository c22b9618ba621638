//! The sample library built into the binary.

use crate::library::Library;
use crate::limits::Limits;
use crate::loader;

include!(concat!(env!("OUT_DIR"), "/samples.rs"));

/// How the built-in articles' paths begin, so that no one mistakes them for files on disk.
pub const ORIGIN: &str = "(built-in)";

/// The sample articles as a library.
pub fn library(limits: &Limits) -> Library {
    Library::from_loaded(loader::load_embedded(SAMPLES, ORIGIN, limits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sample_file_is_built_in_and_loads_cleanly() {
        let on_disk = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/sample-articles"))
            .unwrap()
            .count();
        assert_eq!(SAMPLES.len(), on_disk);
        let library = library(&Limits::default());
        assert_eq!(library.articles().len(), on_disk);
        assert!(library.problems().is_empty(), "{:?}", library.problems());
        for article in library.articles() {
            assert!(
                article.warnings.is_empty(),
                "{}: {:?}",
                article.id,
                article.warnings
            );
        }
    }
}
