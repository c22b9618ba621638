//! Greedy word wrapping of styled inline text to a column budget.
//!
//! Breaks at spaces, between CJK characters (which are written without spaces), and at explicit
//! breaks; a word wider than the budget is broken between characters so nothing overflows.

use std::borrow::Cow;

use ratatui::style::Style;
use ratatui::text::Span;

use super::text::{is_address, is_cjk, is_no_break_before, str_width, units};

/// Inline content before layout: styled text or a forced line break.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Piece {
    Text(Style, String),
    Break,
}

/// A styled fragment of a line.
pub(crate) type Frag = (Style, String);

/// Below this much room left on a line, a long word starts on a fresh line instead of being
/// split right at the edge, which would leave a stub of one or two characters.
const MIN_ROOM_FOR_SPLIT: usize = 4;

/// A line being filled; adjacent fragments of one style are merged to keep span counts low.
#[derive(Default)]
struct LineBuf {
    frags: Vec<(Style, Cow<'static, str>)>,
    width: usize,
}

impl LineBuf {
    fn push(&mut self, style: Style, text: &str) {
        if text.is_empty() {
            return;
        }
        self.width = self.width.saturating_add(str_width(text));
        match self.frags.last_mut() {
            Some((s, t)) if *s == style => t.to_mut().push_str(text),
            _ => self.frags.push((style, fragment(text))),
        }
    }

    fn extend(&mut self, frags: &[Frag]) {
        for (style, text) in frags {
            self.push(*style, text);
        }
    }

    fn is_empty(&self) -> bool {
        self.frags.is_empty()
    }

    fn into_spans(self) -> Vec<Span<'static>> {
        self.frags
            .into_iter()
            .map(|(style, text)| Span::styled(text, style))
            .collect()
    }
}

/// Where finished lines go: a list of them, or the writer that puts them under their
/// containers' prefixes and stops at its limit.
pub(crate) trait LineSink {
    fn line(&mut self, spans: Vec<Span<'static>>);

    /// Records that the lines from now on come from byte `offset` of the document.
    fn at(&mut self, _offset: usize) {}

    /// True when no more lines are taken, so that making them can stop.
    fn is_full(&self) -> bool {
        false
    }
}

impl LineSink for Vec<Vec<Span<'static>>> {
    fn line(&mut self, spans: Vec<Span<'static>>) {
        self.push(spans);
    }
}

/// Every ASCII character, for fragments of one: text whose style changes at every character
/// (a line of `*a* **b**`) is a fragment a character, and one laid out unwrapped is a line of
/// millions of them, each of which would otherwise take an allocation of its own.
static ASCII: [u8; 128] = {
    let mut all = [0; 128];
    let mut c = 0;
    while c < 128 {
        all[c] = c as u8;
        c += 1;
    }
    all
};

/// `text` as the start of a fragment: borrowed when it is one ASCII character.
fn fragment(text: &str) -> Cow<'static, str> {
    match text.as_bytes() {
        &[c] if c.is_ascii() => {
            let one = &ASCII[usize::from(c)..=usize::from(c)];
            std::str::from_utf8(one).map_or_else(|_| Cow::Owned(text.to_owned()), Cow::Borrowed)
        }
        _ => Cow::Owned(text.to_owned()),
    }
}

fn frags_text(frags: &[Frag]) -> String {
    frags.iter().map(|(_, text)| text.as_str()).collect()
}

fn frags_width(frags: &[Frag]) -> usize {
    frags.iter().map(|(_, t)| str_width(t)).sum()
}

/// Appends text to the last fragment list, starting a new fragment when the style changes.
fn append(frags: &mut Vec<Frag>, style: Style, c: char) {
    match frags.last_mut() {
        Some((s, t)) if *s == style => t.push(c),
        _ => frags.push((style, c.to_string())),
    }
}

/// Greedy wrapping of text as it arrives: a line is handed on as soon as the word after it
/// does not fit, so that a paragraph of megabytes holds one line and one word at a time
/// rather than all its words at once.
///
/// Spaces at a wrap point are dropped; spaces at the start of the text or after an explicit
/// break are kept, so indentation in raw HTML survives.
pub(crate) struct Wrapper {
    width: usize,
    line: LineBuf,
    /// Spaces since the last word placed; they go on the line only if a word follows there.
    pending: Vec<Frag>,
    /// The word being read, which may change style midway.
    word: Vec<Frag>,
    /// Whether a word is being read (it may be empty of text only before its first character).
    in_word: bool,
    /// The word follows the one before with no space between (CJK text); a line may still
    /// break there.
    glued: bool,
    /// The last character read, to decide whether a CJK boundary allows a break.
    prev: Option<char>,
    keep_leading: bool,
}

impl Wrapper {
    /// A wrapper filling lines no wider than `width` columns (at least 1 is assumed).
    pub(crate) fn new(width: usize) -> Wrapper {
        Wrapper {
            width: width.max(1),
            line: LineBuf::default(),
            pending: Vec::new(),
            word: Vec::new(),
            in_word: false,
            glued: false,
            prev: None,
            keep_leading: true,
        }
    }

    /// Reads `text` in `style`, handing each line it completes to `out`.
    pub(crate) fn text(&mut self, style: Style, text: &str, out: &mut impl LineSink) {
        for c in text.chars() {
            if c == ' ' {
                self.end_word(out);
                if !self.line.is_empty() || self.keep_leading {
                    append(&mut self.pending, style, c);
                }
                self.prev = Some(c);
                continue;
            }
            let cjk_boundary = self
                .prev
                .is_some_and(|p| p != ' ' && (is_cjk(p) || is_cjk(c)))
                && !is_no_break_before(c);
            if self.in_word && cjk_boundary {
                self.end_word(out);
                self.in_word = true;
                self.glued = true;
            } else if !self.in_word {
                self.in_word = true;
                self.glued = false;
            }
            append(&mut self.word, style, c);
            self.prev = Some(c);
        }
    }

    /// An explicit line break: the line so far is handed on, even when empty.
    pub(crate) fn hard_break(&mut self, out: &mut impl LineSink) {
        self.end_word(out);
        out.line(std::mem::take(&mut self.line).into_spans());
        self.pending.clear();
        self.keep_leading = true;
        self.prev = None;
    }

    /// Hands on the last line.
    pub(crate) fn finish(mut self, out: &mut impl LineSink) {
        self.end_word(out);
        if !self.line.is_empty() {
            out.line(self.line.into_spans());
        }
    }

    /// Places the word just read: on this line if it fits after the pending spaces, else on
    /// the next, and broken between characters when it is wider than a whole line, unless it
    /// is an address, which is never broken: it takes a line of its own that runs past.
    fn end_word(&mut self, out: &mut impl LineSink) {
        if !self.in_word {
            return;
        }
        self.in_word = false;
        let frags = std::mem::take(&mut self.word);
        if self.glued {
            // No space separates glued words; nothing pending can belong here.
            self.pending.clear();
        }
        let width = self.width;
        let word = frags_width(&frags);
        let gap = frags_width(&self.pending);
        let used = self.line.width.saturating_add(gap);
        if used.saturating_add(word) <= width {
            self.line.extend(&self.pending);
            self.line.extend(&frags);
        } else if word <= width || is_address(&frags_text(&frags)) {
            if !self.line.is_empty() {
                out.line(std::mem::take(&mut self.line).into_spans());
            }
            self.keep_leading = false;
            self.line.extend(&frags);
        } else {
            if self.line.is_empty() || width.saturating_sub(used) < MIN_ROOM_FOR_SPLIT {
                if !self.line.is_empty() {
                    out.line(std::mem::take(&mut self.line).into_spans());
                }
            } else {
                self.line.extend(&self.pending);
            }
            self.keep_leading = false;
            break_into(&frags, width, &mut self.line, out);
        }
        self.pending.clear();
    }
}

/// Wraps `pieces` into lines no wider than `width` columns (at least 1 is assumed).
pub(crate) fn wrap(pieces: &[Piece], width: usize) -> Vec<Vec<Span<'static>>> {
    let mut lines = Vec::new();
    let mut wrapper = Wrapper::new(width);
    for piece in pieces {
        match piece {
            Piece::Text(style, text) => wrapper.text(*style, text, &mut lines),
            Piece::Break => wrapper.hard_break(&mut lines),
        }
    }
    wrapper.finish(&mut lines);
    lines
}

/// Places `frags` unit by unit, starting a new line whenever the next unit would not fit.
fn break_into(frags: &[Frag], width: usize, line: &mut LineBuf, out: &mut impl LineSink) {
    for (style, text) in frags {
        for unit in units(text) {
            let w = str_width(unit);
            if !line.is_empty() && line.width.saturating_add(w) > width {
                out.line(std::mem::take(line).into_spans());
            }
            line.push(*style, unit);
        }
    }
}

/// The text of wrapped lines without their styles.
pub(crate) fn plain(lines: &[Vec<Span<'static>>]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l.iter().map(|s| s.content.as_ref()).collect())
        .collect()
}

/// Breaks preformatted text (code, over-wide lines) between characters only, keeping every
/// space, so that no line exceeds `width`. Empty input yields one empty line.
pub(crate) fn break_hard(frags: &[Frag], width: usize) -> Vec<Vec<Span<'static>>> {
    let mut lines = Vec::new();
    let mut line = LineBuf::default();
    break_into(frags, width.max(1), &mut line, &mut lines);
    lines.push(line.into_spans());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    fn text(s: &str) -> Piece {
        Piece::Text(Style::default(), s.to_string())
    }

    #[test]
    fn wraps_at_word_boundaries() {
        let lines = wrap(&[text("the quick brown fox jumps over the lazy dog")], 15);
        assert_eq!(
            plain(&lines),
            ["the quick brown", "fox jumps over", "the lazy dog"]
        );
    }

    #[test]
    fn keeps_styles_across_a_word_and_merges_runs() {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let pieces = [
            text("plain "),
            Piece::Text(bold, "bold".into()),
            text("tail more"),
        ];
        let lines = wrap(&pieces, 12);
        assert_eq!(plain(&lines), ["plain", "boldtail", "more"]);
        let second = lines.get(1).map(Vec::len);
        assert_eq!(
            second,
            Some(2),
            "bold and plain halves of one word stay separate spans"
        );
    }

    #[test]
    fn long_word_is_broken_by_characters() {
        let lines = wrap(&[text("see abcdefghijklmnopqrstuvwxyz now")], 10);
        assert_eq!(
            plain(&lines),
            ["see abcdef", "ghijklmnop", "qrstuvwxyz", "now"]
        );
    }

    #[test]
    fn an_address_is_never_broken_and_runs_past_on_a_line_of_its_own() {
        let url = "https://example.com/a/very/long/path/that/does/not/fit";
        let lines = wrap(&[text(&format!("see ({url}) for more"))], 20);
        assert_eq!(
            plain(&lines),
            ["see", format!("({url})").as_str(), "for more"]
        );
        let mail = "mailto:someone.with.a.long.name@example.com";
        assert_eq!(plain(&wrap(&[text(mail)], 10)), [mail]);
        // Words that only look a little like addresses are broken as before.
        let lines = wrap(&[text("httpsxxxxxxxxxxxxxxxxxxxxxxx")], 10);
        assert_eq!(lines.len(), 3);
    }

    #[test]
    fn cjk_breaks_between_characters_by_display_width() {
        let lines = wrap(&[text("日本語の文章はスペースなしで書かれる。")], 10);
        for line in plain(&lines) {
            assert!(str_width(&line) <= 10, "{line}");
        }
        assert_eq!(
            plain(&lines).concat(),
            "日本語の文章はスペースなしで書かれる。"
        );
        assert!(!plain(&lines).iter().any(|l| l.starts_with('。')));
    }

    #[test]
    fn hard_break_and_leading_indent_are_kept() {
        let lines = wrap(&[text("  a b"), Piece::Break, text("    c")], 20);
        assert_eq!(plain(&lines), ["  a b", "    c"]);
    }

    #[test]
    fn break_hard_keeps_spaces() {
        let frags = [(Style::default(), "ab  cd  ef".to_string())];
        assert_eq!(plain(&break_hard(&frags, 4)), ["ab  ", "cd  ", "ef"]);
        assert_eq!(plain(&break_hard(&[], 4)), [""]);
    }
}
