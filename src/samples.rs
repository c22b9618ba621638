//! The sample library built into the binary: the files of `sample-articles/`, embedded by
//! `build.rs`, which [`Library::built_in`](crate::library::Library::built_in) reads.

include!(concat!(env!("OUT_DIR"), "/samples.rs"));

/// How the built-in articles' paths begin, so that no one mistakes them for files on disk.
pub const ORIGIN: &str = "(built-in)";

/// The bytes of the built-in file `name`.
pub fn file(name: &str) -> Option<&'static [u8]> {
    SAMPLES
        .iter()
        .find(|(sample, _)| *sample == name)
        .map(|(_, bytes)| *bytes)
}
