//! Embeds `sample-articles/` in the binary, so that an installed `moodwire` can show a
//! library anywhere, even where no sample folder exists; and fingerprints the code that turns
//! a file into an article, so that a cache of articles read by other code is not used.

use std::fmt::Write;
use std::path::Path;
use std::{env, fs};

fn main() {
    let folder = Path::new("sample-articles");
    println!("cargo::rerun-if-changed={}", folder.display());
    let mut names: Vec<String> = fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
                .filter_map(|entry| entry.file_name().into_string().ok())
                .filter(|name| !name.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code = String::from(
        "/// The sample library: file names and contents.\npub static SAMPLES: &[(&str, &[u8])] = &[\n",
    );
    for name in &names {
        let _ = writeln!(
            code,
            "    ({name:?}, include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/sample-articles/\", {name:?}))),"
        );
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("samples.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
    fingerprint_the_reading();
}

/// The modules whose code decides what a file reads as (and so what a cache holds): their
/// files' bytes hashed. A change to any of them gives the cache another header.
const READING_CODE: &[&str] = &[
    "src/address.rs",
    "src/article.rs",
    "src/date.rs",
    "src/frontmatter",
    "src/packed.rs",
    "src/page",
    "src/parse.rs",
    "src/parse",
    "src/sanitize.rs",
    "src/scrape",
    "src/sentiment",
    "src/title.rs",
    "src/tldr",
    "src/words.rs",
];

fn fingerprint_the_reading() {
    let mut files = Vec::new();
    for path in READING_CODE {
        println!("cargo::rerun-if-changed={path}");
        collect(Path::new(path), &mut files);
    }
    files.sort();
    // FNV-1a: stable across builds and platforms, unlike the standard library's hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in files {
        let bytes = fs::read(&file).unwrap_or_default();
        for byte in file.to_string_lossy().bytes().chain(bytes) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo::rustc-env=MOODWIRE_READING_FINGERPRINT={hash:016x}");
}

fn collect(path: &Path, files: &mut Vec<std::path::PathBuf>) {
    match fs::read_dir(path) {
        Ok(entries) => {
            for entry in entries.filter_map(Result::ok) {
                collect(&entry.path(), files);
            }
        }
        Err(_) if path.is_file() => files.push(path.to_path_buf()),
        Err(_) => {}
    }
}
