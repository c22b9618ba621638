//! The queries the reader's search bar kept, across runs: `search-history` beside the marks in
//! the user's data folder, one query a line, the most recent last. Like the marks, it belongs
//! to the user and is replaced whole and atomically; it is read within a size and never
//! trusted to be text a terminal may see as it is.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::loader::read_regular_file;
use crate::sanitize::sanitize_line;

/// How many queries are kept; the oldest go first.
const KEPT: usize = 200;
/// Larger files are not read: two hundred queries take a few kilobytes.
const MAX_BYTES: u64 = 256 * 1024;

/// Queries, the most recent last, each once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchHistory {
    queries: Vec<String>,
}

impl SearchHistory {
    /// Adds `query` as the most recent, taking it from where it was before; an empty query is
    /// not kept.
    pub fn push(&mut self, query: &str) {
        let query = query.trim();
        if query.is_empty() {
            return;
        }
        self.queries.retain(|kept| kept != query);
        self.queries.push(query.to_owned());
        let over = self.queries.len().saturating_sub(KEPT);
        self.queries.drain(..over);
    }

    /// The queries, the most recent last.
    pub fn queries(&self) -> &[String] {
        &self.queries
    }
}

/// Where the history is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryFile {
    path: PathBuf,
}

impl HistoryFile {
    /// The history file at `path`, whether or not it exists yet.
    pub fn new(path: PathBuf) -> HistoryFile {
        HistoryFile { path }
    }

    /// `search-history` in the folder of the marks file `marks`.
    pub fn beside(marks: &Path) -> HistoryFile {
        let folder = marks.parent().unwrap_or(Path::new("."));
        HistoryFile::new(folder.join("search-history"))
    }

    /// The queries kept; none when the file is missing or cannot be read (a history is worth
    /// no warning).
    pub fn open(&self) -> SearchHistory {
        let mut history = SearchHistory::default();
        if let Ok((bytes, _)) = read_regular_file(&self.path, MAX_BYTES) {
            for line in String::from_utf8_lossy(&bytes).lines() {
                history.push(&sanitize_line(line));
            }
        }
        history
    }

    /// Replaces the file with `history`, atomically.
    pub fn save(&self, history: &SearchHistory) -> io::Result<()> {
        // Losing the last query to a crash costs little: no sync.
        crate::replace_file::replace(&self.path, false, |out| {
            for query in history.queries() {
                // A query is one line: line breaks were folded when it was typed or read.
                writeln!(out, "{query}")?;
            }
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latest_comes_last_once_and_the_oldest_go() {
        let mut history = SearchHistory::default();
        for query in ["oil", "gas", " oil ", "", "   "] {
            history.push(query);
        }
        assert_eq!(history.queries(), ["gas", "oil"]);
        for n in 0..KEPT + 5 {
            history.push(&format!("q{n}"));
        }
        assert_eq!(history.queries().len(), KEPT);
        assert_eq!(history.queries().last().map(String::as_str), Some("q204"));
    }

    #[test]
    fn a_saved_history_reads_back_and_a_hostile_one_is_cleaned() {
        let dir = tempfile::tempdir().unwrap();
        let file = HistoryFile::new(dir.path().join("search-history"));
        assert_eq!(file.open(), SearchHistory::default(), "missing: empty");
        let mut history = SearchHistory::default();
        history.push("label:negative date:>=7d");
        history.push("\"central bank\"");
        file.save(&history).unwrap();
        assert_eq!(file.open(), history);
        std::fs::write(dir.path().join("search-history"), "oil\u{1b}[2J\n\ngas\n").unwrap();
        assert_eq!(file.open().queries(), ["oil", "gas"]);
    }
}
