//! Running the `moodwire` binary as a user would, with a deadline so that a hang fails the
//! test instead of stalling the suite.

#![allow(dead_code)]

pub mod news;
pub mod server;
pub mod tmux;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;
use std::time::{Duration, Instant};

/// What a run printed and how it ended.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    /// stdout as bytes, for checks on what reaches the terminal.
    pub raw_stdout: Vec<u8>,
}

/// No command over the test libraries should come anywhere near this.
const DEADLINE: Duration = Duration::from_secs(60);

/// The binary with `args`, run in `dir`, using a cache under cargo's temporary folder and a
/// configuration and marks folder of its own: never the user's. A test that needs a folder of
/// its own sets `MOODWIRE_CACHE_DIR`, `MOODWIRE_DATA_DIR` or `MOODWIRE_CONFIG` again.
fn command(args: &[&str], dir: &Path) -> Command {
    static RUNS: AtomicU64 = AtomicU64::new(0);
    let run = RUNS.fetch_add(1, Ordering::Relaxed);
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let own = tmp.join(format!("run-{}-{run}", std::process::id()));
    let mut command = Command::new(env!("CARGO_BIN_EXE_moodwire"));
    command
        .args(args)
        .current_dir(dir)
        .env("MOODWIRE_CACHE_DIR", tmp.join("cache"))
        .env("MOODWIRE_DATA_DIR", own.join("data"))
        .env("XDG_CONFIG_HOME", own.join("config"))
        .env_remove("MOODWIRE_CONFIG")
        // A width or a browser of the shell that runs the tests is not the test's.
        .env_remove("COLUMNS")
        .env_remove("BROWSER");
    command
}

pub fn moodwire(args: &[&str], dir: &Path) -> Run {
    moodwire_with_env(args, dir, &[])
}

pub fn moodwire_with_env(args: &[&str], dir: &Path, env: &[(&str, &str)]) -> Run {
    let mut child = command(args, dir)
        .envs(env.iter().copied())
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the moodwire binary starts");
    let mut stdout_pipe = child.stdout.take().expect("stdout is piped");
    let mut stderr_pipe = child.stderr.take().expect("stderr is piped");
    let out_reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stdout_pipe.read_to_end(&mut bytes);
        bytes
    });
    let err_reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stderr_pipe.read_to_end(&mut bytes);
        bytes
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("the child can be waited on") {
            break status;
        }
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!("moodwire {args:?} did not finish within {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let raw_stdout = out_reader.join().expect("stdout reader");
    let stderr = String::from_utf8_lossy(&err_reader.join().expect("stderr reader")).into_owned();
    assert!(
        !stderr.contains("panicked"),
        "moodwire {args:?} panicked:\n{stderr}"
    );
    Run {
        code: status
            .code()
            .expect("moodwire exits normally, not by a signal"),
        stdout: String::from_utf8_lossy(&raw_stdout).into_owned(),
        stderr,
        raw_stdout,
    }
}

/// The folder holding Cargo.toml, where `./sample-articles` is.
pub fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Characters that could act on a terminal: C0 controls other than newline, DEL, C1 controls
/// and bidirectional overrides.
pub fn control_characters(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        })
        .collect()
}

/// Fails when `text` holds anything that could act on a terminal.
pub fn assert_terminal_safe(text: &str, context: &str) {
    let found = control_characters(text);
    assert!(
        found.is_empty(),
        "{context}: control characters {found:?} in:\n{text}"
    );
}

/// Runs `moodwire ARGS` in `dir` with its output read by nobody (the reader closed the pipe,
/// as `head` does) and returns its exit code and what it said on stderr.
pub fn moodwire_with_closed_stdout(args: &[&str], dir: &Path) -> (Option<i32>, String) {
    let mut child = command(args, dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the moodwire binary starts");
    drop(child.stdout.take());
    let output = child
        .wait_with_output()
        .expect("the child can be waited on");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        !stderr.contains("panicked"),
        "moodwire {args:?} panicked:\n{stderr}"
    );
    (output.status.code(), stderr)
}

/// Copies the sample library's files into a new folder `to`.
pub fn copy_samples(to: &Path) {
    std::fs::create_dir(to).unwrap();
    for entry in std::fs::read_dir(repository().join("sample-articles")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

/// Everything a write could change about an entry: its kind, bytes and modification time.
#[derive(Debug, PartialEq, Eq)]
pub struct Entry {
    kind: &'static str,
    bytes: Vec<u8>,
    modified: Option<SystemTime>,
}

/// Every entry under `root`, hidden ones too, by path.
pub fn snapshot(root: &Path) -> BTreeMap<PathBuf, Entry> {
    let mut entries = BTreeMap::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let (kind, bytes) = if meta.is_dir() {
                pending.push(path.clone());
                ("folder", Vec::new())
            } else if meta.file_type().is_symlink() {
                let target = std::fs::read_link(&path).unwrap();
                ("link", target.to_string_lossy().into_owned().into_bytes())
            } else {
                ("file", std::fs::read(&path).unwrap())
            };
            entries.insert(
                path,
                Entry {
                    kind,
                    bytes,
                    modified: meta.modified().ok(),
                },
            );
        }
    }
    entries
}
