//! What loading a library costs at the least, on all cores, to compare a load with.
//!
//! ```sh
//! cargo build --release --example load_floor
//! target/release/examples/load_floor stat DIR    # list every folder, `stat` every file
//! target/release/examples/load_floor read DIR    # list every folder, read every file
//! target/release/examples/load_floor words DIR   # ... and map each word to its files
//! target/release/examples/load_floor tokens DIR  # ... or only give each word a number
//! ```
//!
//! `stat` is the least a warm start does (a file rewritten in place shows only in its stamp);
//! `read` the least a cold start does. `words` is a plain word index and no more: runs of
//! ASCII letters and digits (other bytes count as letters) lowercased, each looked up in a
//! hash map and its file added to the word's list once; no parsing, no positions, nothing
//! written. A cleverer index could cost less; this is what the straightforward one costs.
//! Each prints a count, so that the work cannot be left out.

use std::fs;
use std::path::PathBuf;
use std::process::ExitCode;

use moodwire::parallel;
use rustc_hash::FxHashMap;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [mode, dir] = args.as_slice() else {
        eprintln!("usage: load_floor stat|read|words DIR");
        return ExitCode::from(2);
    };
    let per_file: fn(&fs::DirEntry) -> u64 = match mode.as_str() {
        "stat" => |entry| entry.metadata().map_or(0, |meta| meta.len()),
        "read" => |entry| fs::read(entry.path()).map_or(0, |bytes| bytes.len() as u64),
        "words" => |entry| fs::read(entry.path()).map_or(0, |bytes| index_words(&bytes)),
        "tokens" => |entry| fs::read(entry.path()).map_or(0, |bytes| number_words(&bytes)),
        _ => {
            eprintln!("load_floor: unknown mode {mode:?}");
            return ExitCode::from(2);
        }
    };
    let folders = parallel::explore(vec![PathBuf::from(dir)], |folder: &PathBuf| {
        let mut total = 0;
        let mut subfolders = Vec::new();
        for entry in fs::read_dir(folder).into_iter().flatten().flatten() {
            if entry.file_type().is_ok_and(|kind| kind.is_dir()) {
                subfolders.push(entry.path());
            } else {
                total += per_file(&entry);
            }
        }
        (total, subfolders)
    });
    println!("{}", folders.values().sum::<u64>());
    ExitCode::SUCCESS
}

/// Each thread's words, each with the files it is in, by the files' numbers; and how many
/// files the thread has read.
#[derive(Default)]
struct WordIndex {
    files: FxHashMap<Box<[u8]>, Vec<u32>>,
    read: u32,
}

thread_local! {
    static WORDS: std::cell::RefCell<WordIndex> = Default::default();
}

/// Adds the file's words to this thread's map, and returns how many words the map holds.
fn index_words(text: &[u8]) -> u64 {
    let is_word_byte = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    WORDS.with_borrow_mut(|index| {
        index.read += 1;
        let file = index.read;
        let words = &mut index.files;
        let mut word = [0u8; 64];
        for run in text
            .split(|&b| !is_word_byte(b))
            .filter(|run| !run.is_empty())
        {
            let len = run.len().min(word.len());
            for (lower, byte) in word.iter_mut().zip(&run[..len]) {
                *lower = byte.to_ascii_lowercase();
            }
            let key = &word[..len];
            match words.get_mut(key) {
                Some(list) if list.last() == Some(&file) => {}
                Some(list) => list.push(file),
                None => {
                    words.insert(key.into(), vec![file]);
                }
            }
        }
        words.len() as u64
    })
}

/// Each thread's words by their bytes packed in one number (words of up to 16 bytes; longer
/// ones are cut, which only makes this cheaper), and every word's number in file order.
#[derive(Default)]
struct WordNumbers {
    ids: FxHashMap<u128, u32>,
    stream: Vec<u32>,
}

thread_local! {
    static NUMBERS: std::cell::RefCell<WordNumbers> = Default::default();
}

/// Gives each word of the file its number, as every word index must at the least, and
/// returns how many words this thread has numbered.
fn number_words(text: &[u8]) -> u64 {
    NUMBERS.with_borrow_mut(|numbers| {
        let mut key = 0u128;
        let mut len = 0u32;
        for &byte in text {
            if byte.is_ascii_alphanumeric() || byte >= 0x80 {
                if len < 16 {
                    key |= u128::from(byte.to_ascii_lowercase()) << (8 * len);
                }
                len += 1;
            } else if len > 0 {
                let next = numbers.ids.len() as u32;
                let id = *numbers.ids.entry(key).or_insert(next);
                numbers.stream.push(id);
                key = 0;
                len = 0;
            }
        }
        numbers.stream.len() as u64
    })
}
