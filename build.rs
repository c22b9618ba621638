//! Embeds `sample-articles/` in the binary, so that an installed `moodwire` can show a
//! library anywhere, even where no sample folder exists.

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
}
