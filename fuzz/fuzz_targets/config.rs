//! Any text as a configuration file: reading it never panics, and an error or warning is one
//! line that names the file and a line of it.

#![no_main]

use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let path = PathBuf::from("/fuzz/config.yaml");
    match moodwire::config::parse(text, path) {
        Ok(loaded) => {
            for warning in &loaded.warnings {
                assert!(warning.starts_with("/fuzz/config.yaml:"), "{warning}");
                assert!(!warning.contains('\n'), "{warning}");
            }
        }
        Err(error) => {
            let shown = error.to_string();
            assert!(shown.starts_with("/fuzz/config.yaml"), "{shown}");
            assert!(!shown.contains('\n'), "{shown}");
        }
    }
});
