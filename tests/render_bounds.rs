//! Articles made to be costly to lay out, just under the 8 MiB file limit: a table of
//! one-letter cells, paragraphs whose style changes every other character, long lists. `show`
//! lays each out within 40 bytes of memory per byte of the file at its peak and within the
//! harness's minute, stops at the limit on lines saying what it left out, and the reader stays
//! live while it lays one out.

mod common;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::tmux::{Tmux, reader_command, shell_quote, skip};

/// Just under the default `limits.max_file_bytes` of 8 MiB, front matter included.
const SIZE: usize = 8 * 1024 * 1024 - 4096;

/// The aim: memory at the peak within this many bytes per byte of the file.
const BYTES_PER_BYTE: u64 = 40;

/// A debug build on a shared machine is slow; the work must still be bounded.
const DEADLINE: Duration = Duration::from_secs(60);

/// An article of `title` whose body repeats what `unit` makes until the file is just under
/// the limit.
fn article(head: &str, unit: impl Fn(usize) -> String) -> String {
    let mut text = format!("---\ntitle: Costly\n---\n{head}");
    for i in 0.. {
        let more = unit(i);
        if text.len() + more.len() > SIZE {
            break;
        }
        text.push_str(&more);
    }
    text
}

/// A table of eight columns of one letter each: a row of 17 bytes.
fn table() -> String {
    article("|a|b|c|d|e|f|g|h|\n|-|-|-|-|-|-|-|-|\n", |_| {
        "|x|y|x|y|x|y|x|y|\n".to_owned()
    })
}

/// Paragraphs whose style changes every other character, and long lists.
fn prose_and_lists() -> String {
    article("", |i| match i % 2 {
        0 => format!("{}\n\n", "*a*b **c**d ".repeat(30)),
        _ => "- one\n- two\n  - three\n1. four\n\n".repeat(20),
    })
}

/// What `moodwire show` printed, the peak of its resident memory in bytes (Linux only), and
/// how long it took.
struct Shown {
    stdout: String,
    peak: Option<u64>,
    took: Duration,
}

/// Runs `moodwire show FILE` in `dir`. `show` prints nothing until the whole article is laid
/// out, so when its first byte arrives the peak has passed: its high-water mark is read then,
/// while it waits on the pipe, and the rest of its output afterwards.
fn show_measured(dir: &Path, file: &str) -> Shown {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_moodwire"))
        .args(["show", file])
        .current_dir(dir)
        .env("MOODWIRE_CACHE_DIR", dir.join("cache"))
        .env("MOODWIRE_DATA_DIR", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env_remove("MOODWIRE_CONFIG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the moodwire binary starts");
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let (first, arrived) = mpsc::channel();
    let (go_on, resume) = mpsc::channel::<()>();
    let reader = std::thread::spawn(move || {
        let mut bytes = vec![0u8; 1];
        let read = stdout.read(&mut bytes).unwrap_or(0);
        bytes.truncate(read);
        let _ = first.send(());
        let _ = resume.recv();
        let _ = stdout.read_to_end(&mut bytes);
        bytes
    });
    if arrived.recv_timeout(DEADLINE).is_err() {
        let _ = child.kill();
        panic!("moodwire show {file} laid nothing out within {DEADLINE:?}");
    }
    let peak = high_water_mark(child.id());
    let _ = go_on.send(());
    let bytes = reader.join().expect("stdout reader");
    let status = child.wait().expect("the child can be waited on");
    assert!(status.success(), "moodwire show {file}: {status}");
    Shown {
        stdout: String::from_utf8_lossy(&bytes).into_owned(),
        peak,
        took: started.elapsed(),
    }
}

/// The process's peak resident memory so far, from `/proc` (`VmHWM`).
fn high_water_mark(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

fn within_bounds(what: &str, text: &str) -> Shown {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), text).unwrap();
    let shown = show_measured(dir.path(), "a.md");
    let size = text.len() as u64;
    match shown.peak {
        Some(peak) => {
            println!(
                "{what}: {size} bytes, peak {peak} bytes ({:.1} per byte), {:?}",
                peak as f64 / size as f64,
                shown.took
            );
            assert!(
                peak <= BYTES_PER_BYTE * size,
                "{what}: a peak of {peak} bytes for a file of {size}"
            );
        }
        None => println!("{what}: no /proc here; memory not measured"),
    }
    shown
}

/// It took 3 GB and 13 s in a release build before, and more than the minute in a debug one.
#[test]
fn an_eight_megabyte_table_is_shown_within_bounds_and_says_what_it_left_out() {
    let shown = within_bounds("table", &table());
    let lines: Vec<&str> = shown.stdout.lines().collect();
    assert!(
        lines.len() <= 100_000 + 10,
        "{} lines, over the limit of 100,000",
        lines.len()
    );
    assert!(
        lines.iter().any(|l| l.starts_with("x │ y │ x")),
        "the rows are shown"
    );
    let note: String = lines[lines.len().saturating_sub(4)..].join(" ");
    assert!(
        note.contains("[the rest of the article, ")
            && note.contains(" characters, is not shown: it passes the limit of 100,000 lines")
            && note.contains("limits.max_rendered_lines"),
        "the output ends with what was left out: {note}"
    );
}

/// 170 MB and 120 MB per MiB of input before.
#[test]
fn eight_megabytes_of_styled_paragraphs_and_lists_are_shown_within_bounds() {
    let shown = within_bounds("prose and lists", &prose_and_lists());
    assert!(
        shown.stdout.contains("ab cd ab cd"),
        "the paragraphs are shown"
    );
    assert!(shown.stdout.contains("  ◦ three"), "the lists are shown");
}

/// One paragraph of eight megabytes whose style changes at every other character, shown into a
/// pipe, where it is not wrapped: a single line of millions of spans. 50 bytes a byte before.
#[test]
fn one_unwrapped_paragraph_whose_style_changes_at_every_character_is_shown_within_bounds() {
    let text = article("", |_| format!("{}\n", ["*a* **b**"; 8].join(" ")));
    let shown = within_bounds("one styled paragraph", &text);
    assert!(
        shown.stdout.lines().any(|line| line.len() > 1_000_000),
        "the paragraph is one line"
    );
}

/// The reader lays the table out on a thread of its own: while it does, keys still work, and
/// once it is done the article ends with the note.
#[test]
fn the_reader_stays_live_while_it_lays_out_an_eight_megabyte_table() {
    let state = tempfile::tempdir().unwrap();
    let library = state.path().join("library");
    std::fs::create_dir(&library).unwrap();
    std::fs::write(library.join("big.md"), table()).unwrap();
    let args = shell_quote(&library.display().to_string());
    let command = reader_command(&args, &state.path().join("state"));
    let Some(tmux) = Tmux::start("bounds", 100, 30, state.path(), &command) else {
        return skip();
    };
    tmux.wait_for("· 1 / 1 ·");
    tmux.press(&["Enter"]);
    // Before, the loop laid the article out itself, drawing nothing and reading no key for
    // as long as that took.
    tmux.wait_for("laying the article out…");
    let at_once = Duration::from_secs(5);
    tmux.press(&["?"]);
    tmux.wait("the help while it lays out", at_once, |screen| {
        screen.contains("Esc or ? closes")
    });
    tmux.press(&["?"]);
    tmux.wait("the reader again", at_once, |screen| {
        screen.contains("line 1/")
    });
    tmux.press(&["q"]);
    tmux.wait("the list again", at_once, |screen| {
        screen.contains("j/k move")
    });
    tmux.press(&["Enter"]);
    tmux.wait("the table laid out", DEADLINE, |screen| {
        screen.contains("x │ y │ x")
    });
    tmux.press(&["G"]);
    tmux.wait("the note at its end", Duration::from_secs(10), |screen| {
        screen.contains("limits.max_rendered_lines")
    });
    tmux.press(&["q", "q"]);
    tmux.wait_for("EXIT=0");
}
