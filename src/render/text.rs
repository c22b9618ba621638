//! Character-level helpers shared by the renderer: display width, cleaning text for a terminal,
//! and splitting text into units that must never be separated when a line is broken.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns between tab stops in code and HTML blocks; four matches how CommonMark reads tabs.
use crate::sanitize::{TAB_STOP, is_unsafe, without_invisibles};

/// Display width as ratatui measures it (`Line::width` sums `UnicodeWidthStr::width` per span),
/// so our own bookkeeping agrees with the width invariant callers check.
pub(crate) fn str_width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// The longest start of `text` that takes at most `width` columns drawn. Measured whole, as
/// the terminal draws it: a sequence can be wider than its characters one by one (`❤` with
/// U+FE0F takes two columns, not one).
pub fn prefix_within(text: &str, width: usize) -> &str {
    let mut used = 0;
    let mut end = text.len();
    for (at, c) in text.char_indices() {
        used += c.width().unwrap_or(0);
        if used > width {
            end = at;
            break;
        }
    }
    let mut prefix = &text[..end];
    while str_width(prefix) > width {
        let last = prefix.chars().next_back().map_or(0, char::len_utf8);
        prefix = &prefix[..prefix.len() - last];
    }
    prefix
}

/// Schemes (and the `www.` people write without one) that make a word a web or mail address.
const ADDRESS_STARTS: [&str; 4] = ["https://", "http://", "mailto:", "www."];

/// True when `word` is an address (after any opening bracket or quote): a line is never broken
/// inside one, so that a terminal that finds addresses in its text finds all of it, and one
/// copied from the screen works.
pub(crate) fn is_address(word: &str) -> bool {
    let word = word.trim_start_matches(['(', '<', '[', '"', '\'', '*', '_']);
    ADDRESS_STARTS.iter().any(|start| {
        word.get(..start.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(start))
            && word.len() > start.len()
    })
}

/// True when one of the words of `text` is an address.
pub(crate) fn holds_address(text: &str) -> bool {
    text.split(' ').any(is_address)
}

/// Replacement for a control character: terminals would act on it instead of showing it, and a
/// visible mark keeps the reader aware that something was there.
const REPLACEMENT: char = '\u{FFFD}';

/// Text for inline flow: line breaks and tabs are just whitespace there, any other control
/// character is replaced so nothing can move the cursor or change the terminal state.
pub(crate) fn clean_inline(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if is_unsafe(c) => REPLACEMENT,
            c => c,
        })
        .collect();
    without_invisibles(&cleaned)
}

/// One line of preformatted text (code, raw HTML) with tabs expanded to the next tab stop, so
/// columns line up as the author saw them, and other control characters replaced.
pub(crate) fn expand_tabs(line: &str) -> String {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let mut out = String::with_capacity(line.len());
    let mut col = 0;
    for c in line.chars() {
        match c {
            '\t' => {
                let pad = TAB_STOP - col % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', pad));
                col += pad;
            }
            c if is_unsafe(c) => {
                out.push(REPLACEMENT);
                col += 1;
            }
            c => {
                out.push(c);
                col += c.width().unwrap_or(0);
            }
        }
    }
    without_invisibles(&out)
}

/// Splits text into a base character plus the zero-width characters that follow it (combining
/// marks, variation selectors, joiners), so a hard break never strands an accent or selector at
/// the start of a line.
pub(crate) fn units(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let mut chars = rest.char_indices();
        chars.next()?;
        let end = chars
            .find(|&(_, c)| c.width().unwrap_or(0) != 0)
            .map_or(rest.len(), |(i, _)| i);
        let (unit, tail) = rest.split_at(end);
        rest = tail;
        Some(unit)
    })
}

/// Scripts written without spaces between words, where a line may break between any two
/// characters; without this a long CJK sentence would be treated as one giant word.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF   // radicals
        | 0x3040..=0x30FF // hiragana, katakana
        | 0x3100..=0x312F // bopomofo
        | 0x31F0..=0x31FF // katakana extensions
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0x20000..=0x3FFFF)
}

/// Punctuation that must not begin a line (kinsoku): it stays glued to the character before.
pub(crate) fn is_no_break_before(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '，'
            | '．'
            | '：'
            | '；'
            | '！'
            | '？'
            | '）'
            | '」'
            | '』'
            | '】'
            | '〉'
            | '》'
            | '〕'
            | 'ー'
            | 'ッ'
            | 'ャ'
            | 'ュ'
            | 'ョ'
            | 'っ'
            | 'ゃ'
            | 'ゅ'
            | 'ょ'
            | ')'
            | ','
            | '.'
            | '!'
            | '?'
            | ':'
            | ';'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefix_within_a_width_is_measured_whole() {
        let heart = "❤\u{fe0f}";
        assert_eq!(prefix_within("abcdef", 3), "abc");
        assert_eq!(prefix_within("中文标题", 5), "中文");
        // `❤` alone is one column; with U+FE0F after it, two.
        assert_eq!(prefix_within(&format!("a{heart}b"), 2), "a❤");
        assert_eq!(prefix_within(&format!("a{heart}b"), 3), format!("a{heart}"));
        assert_eq!(prefix_within("abc", 10), "abc");
    }

    #[test]
    fn clean_inline_replaces_controls() {
        assert_eq!(clean_inline("a\tb\nc\u{7}d"), "a b c\u{FFFD}d");
    }

    /// Markdown entities (`&#x202e;`) are decoded after loading, so the renderer must catch
    /// what the loader's sanitising could not see.
    #[test]
    fn bidi_overrides_are_replaced_like_controls() {
        assert_eq!(clean_inline("a\u{202e}b\u{2066}c"), "a\u{FFFD}b\u{FFFD}c");
        assert_eq!(expand_tabs("a\u{202e}b"), "a\u{FFFD}b");
    }

    #[test]
    fn expand_tabs_aligns_to_stops() {
        assert_eq!(expand_tabs("a\tb"), "a   b");
        assert_eq!(expand_tabs("\tx"), "    x");
        assert_eq!(expand_tabs("abcd\tx\r"), "abcd    x");
    }

    #[test]
    fn units_keep_combining_marks_with_base() {
        let parts: Vec<&str> = units("e\u{301}x☺\u{FE0F}").collect();
        assert_eq!(parts, vec!["e\u{301}", "x", "☺\u{FE0F}"]);
        assert_eq!(units("").count(), 0);
        // A leading zero-width character still forms a unit rather than vanishing.
        assert_eq!(units("\u{301}a").collect::<Vec<_>>(), vec!["\u{301}", "a"]);
    }

    #[test]
    fn wide_characters_measure_two_columns() {
        assert_eq!(str_width("日本"), 4);
        assert_eq!(str_width("🎉"), 2);
        assert!(is_cjk('日') && !is_cjk('a'));
    }
}
