//! The search bar as a line editor, as a readline prompt edits: a cursor, words and the start
//! of the line deleted at once, and the queries kept before, older and newer.

use crate::history::SearchHistory;

/// How the query being typed changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// The cursor one character left.
    Left,
    /// The cursor one character right.
    Right,
    /// The cursor to the start.
    Home,
    /// The cursor to the end.
    End,
    /// The character under the cursor deleted.
    Delete,
    /// The word before the cursor deleted, with the white space after it (Ctrl-W).
    DeleteWord,
    /// Everything before the cursor deleted (Ctrl-U).
    DeleteToStart,
    /// The query kept before the one shown.
    Older,
    /// The query kept after the one shown, or what was being typed.
    Newer,
}

/// The query as typed, which may not parse yet.
#[derive(Debug, Default, Clone)]
pub struct SearchBar {
    /// The text in the bar.
    pub text: String,
    /// Where the cursor is, as a byte offset into `text` at a character's start.
    pub cursor: usize,
    /// True while the bar has the keys.
    pub editing: bool,
    /// The text of the query the list shows: `text` when it parses.
    pub applied: String,
    /// Why `text` does not parse; the list keeps the last query that did.
    pub error: Option<String>,
    /// Which kept query is shown, counted back from the latest, while going through them.
    browsing: Option<usize>,
    /// What was typed before going through the kept queries.
    draft: String,
}

impl SearchBar {
    /// Starts editing with the cursor at the end.
    pub fn start(&mut self) {
        self.editing = true;
        self.cursor = self.text.len();
        self.browsing = None;
    }

    /// Types `c` at the cursor.
    pub fn insert(&mut self, c: char) {
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
    }

    /// Deletes the character before the cursor.
    pub fn backspace(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
            self.text.remove(self.cursor);
        }
    }

    /// Applies `edit`; true when the text changed.
    pub fn edit(&mut self, edit: Edit, history: &SearchHistory) -> bool {
        let before = self.text.len();
        match edit {
            Edit::Left => self.cursor = self.previous_boundary(),
            Edit::Right => self.cursor = self.next_boundary(),
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.text.len(),
            Edit::Delete => {
                if self.cursor < self.text.len() {
                    self.text.remove(self.cursor);
                }
            }
            Edit::DeleteWord => {
                let head = &self.text[..self.cursor];
                let word_end = head.trim_end().len();
                let start = head[..word_end]
                    .rfind(char::is_whitespace)
                    .map_or(0, |at| at + 1);
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            Edit::DeleteToStart => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            Edit::Older => return self.browse(history, 1),
            Edit::Newer => return self.browse(history, -1),
        }
        self.text.len() != before
    }

    /// Shows the kept query `step` further back (or forward), the draft past the latest.
    fn browse(&mut self, history: &SearchHistory, step: isize) -> bool {
        let kept = history.queries();
        let next = match (self.browsing, step) {
            (None, 1) if !kept.is_empty() => Some(0),
            (None, _) => return false,
            (Some(at), 1) => Some((at + 1).min(kept.len() - 1)),
            (Some(0), _) => None,
            (Some(at), _) => Some(at - 1),
        };
        if self.browsing.is_none() {
            self.draft = self.text.clone();
        }
        self.browsing = next;
        self.text = match next {
            Some(at) => kept[kept.len() - 1 - at].clone(),
            None => std::mem::take(&mut self.draft),
        };
        self.cursor = self.text.len();
        true
    }

    fn previous_boundary(&self) -> usize {
        let head = &self.text[..self.cursor];
        head.char_indices().next_back().map_or(0, |(at, _)| at)
    }

    fn next_boundary(&self) -> usize {
        let tail = &self.text[self.cursor..];
        tail.chars()
            .next()
            .map_or(self.cursor, |c| self.cursor + c.len_utf8())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(text: &str) -> SearchBar {
        let mut bar = SearchBar {
            text: text.to_owned(),
            ..SearchBar::default()
        };
        bar.start();
        bar
    }

    #[test]
    fn edits_as_a_readline_prompt_does() {
        let none = SearchHistory::default();
        let mut b = bar("oil gas");
        b.edit(Edit::Left, &none);
        b.edit(Edit::Left, &none);
        b.edit(Edit::Left, &none);
        b.insert('x');
        assert_eq!((b.text.as_str(), b.cursor), ("oil xgas", 5));
        b.edit(Edit::Home, &none);
        b.edit(Edit::Delete, &none);
        assert_eq!(b.text, "il xgas");
        b.edit(Edit::End, &none);
        b.edit(Edit::DeleteWord, &none);
        assert_eq!(b.text, "il ");
        let mut b = bar("label:negative  oil  ");
        b.edit(Edit::DeleteWord, &none);
        assert_eq!(b.text, "label:negative  ");
        b.edit(Edit::Left, &none);
        b.edit(Edit::DeleteToStart, &none);
        assert_eq!((b.text.as_str(), b.cursor), (" ", 0));
        let mut b = bar("é");
        b.edit(Edit::Left, &none);
        b.edit(Edit::Right, &none);
        b.backspace();
        assert_eq!(b.text, "", "characters, not bytes");
    }

    #[test]
    fn up_and_down_go_through_the_kept_queries_and_back_to_the_draft() {
        let mut history = SearchHistory::default();
        history.push("first");
        history.push("second");
        let mut b = bar("typing");
        assert!(b.edit(Edit::Older, &history));
        assert_eq!(b.text, "second");
        b.edit(Edit::Older, &history);
        b.edit(Edit::Older, &history);
        assert_eq!(b.text, "first", "stays at the oldest");
        b.edit(Edit::Newer, &history);
        assert_eq!(b.text, "second");
        b.edit(Edit::Newer, &history);
        assert_eq!((b.text.as_str(), b.cursor), ("typing", 6));
        assert!(
            !b.edit(Edit::Newer, &history),
            "nothing newer than the draft"
        );
    }
}
