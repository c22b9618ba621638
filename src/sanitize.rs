//! Making untrusted text safe to draw in a terminal.
//!
//! Article files are written by strangers. A single escape sequence in a title could clear the
//! screen, rewrite the clipboard (OSC 52) or forge a hyperlink (OSC 8), so every piece of text is
//! cleaned once, when it is loaded, and nothing downstream has to think about it again.
//!
//! Safety does not depend on recognising sequences: every control character except newline is
//! removed, so whatever survives is inert. Sequences are recognised only so that their parameters
//! (`[2J`, `]52;c;...`) do not litter the text.

/// Columns between tab stops. Four matches CommonMark, so expanding tabs before Markdown parsing
/// keeps indented code blocks and list nesting meaning what they meant.
pub const TAB_STOP: usize = 4;

const ESC: char = '\u{1b}';
const BEL: char = '\u{07}';
/// The 8-bit String Terminator.
const ST: char = '\u{9c}';

/// Returns `text` with escape sequences, control characters (except `\n`), bidirectional
/// overrides and marks, and the characters terminals draw at other widths than they are
/// measured at (see [`is_invisible`]) removed, line endings normalised to `\n` and tabs
/// expanded to spaces.
pub fn sanitize(text: &str) -> String {
    if is_all_plain(text) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut column = 0;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        rest = match c {
            ESC => skip_escape(after),
            '\u{9b}' => skip_csi(after),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(after),
            '\t' => {
                let spaces = TAB_STOP - column % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
                after
            }
            '\r' => {
                // CRLF becomes LF; a lone CR (which would move the cursor back over the line) too.
                if !after.starts_with('\n') {
                    out.push('\n');
                    column = 0;
                }
                after
            }
            '\n' => {
                out.push('\n');
                column = 0;
                after
            }
            c if is_unsafe(c) || is_invisible(c) => after,
            ZWJ if joins_emoji(out.chars().next_back(), after.chars().next()) => after,
            c => {
                out.push(c);
                column += 1;
                after
            }
        };
    }
    out
}

/// True when `text` holds a character that starts an escape sequence (ESC, or an 8-bit CSI,
/// DCS, SOS, OSC, PM or APC): text that must be cleaned by [`sanitize`] before anything is
/// put between its characters, or the sequence's parameters are left behind as text.
pub fn starts_a_sequence(text: &str) -> bool {
    text.contains([
        ESC, '\u{9b}', '\u{90}', '\u{98}', '\u{9d}', '\u{9e}', '\u{9f}',
    ])
}

/// [`sanitize`] of a text owned already, given back as it is when nothing in it needs
/// attention (nearly every value of every front matter), rather than copied.
pub fn sanitize_owned(text: String) -> String {
    match is_all_plain(&text) {
        true => text,
        false => sanitize(&text),
    }
}

/// [`sanitize_line`] of a text owned already, given back as it is when it is one line of
/// printable ASCII with single spaces between its words and none at its ends, as nearly every
/// title and value of a front matter is.
pub fn sanitize_line_owned(text: String) -> String {
    match is_one_clean_line(&text) {
        true => text,
        false => sanitize_line(&text),
    }
}

/// Whether `text` is what [`sanitize_line`] makes of it without looking further: printable
/// ASCII only, and no space at either end or next to another.
fn is_one_clean_line(text: &str) -> bool {
    let mut after_space = true;
    for &byte in text.as_bytes() {
        if !(0x20..0x7f).contains(&byte) || byte == b' ' && after_space {
            return false;
        }
        after_space = byte == b' ';
    }
    !after_space || text.is_empty()
}

/// Cleans a single-line value such as a title or a file name: as [`sanitize`], with line breaks
/// folded into single spaces and the ends trimmed.
pub fn sanitize_line(text: &str) -> String {
    let clean = sanitize(text);
    let mut out = String::with_capacity(clean.len());
    for word in clean.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// True when no character of `text` needs attention: the fast path for clean text. This runs
/// over every byte of every file, so runs of ASCII (nearly all of most text) are judged a
/// block at a time without a branch per byte, and only other characters are decoded.
fn is_all_plain(text: &str) -> bool {
    const BLOCK: usize = 32;
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        while let Some(block) = bytes.get(at..at + BLOCK) {
            if !block
                .iter()
                .fold(true, |plain, &b| plain & is_plain_ascii(b))
            {
                break;
            }
            at += BLOCK;
        }
        let Some(&byte) = bytes.get(at) else {
            return true;
        };
        if byte.is_ascii() {
            if !is_plain_ascii(byte) {
                return false;
            }
            at += 1;
        } else {
            match text.get(at..).and_then(|rest| rest.chars().next()) {
                Some(c) if is_plain(c) => at += c.len_utf8(),
                _ => return false,
            }
        }
    }
}

/// [`is_plain`] for an ASCII byte: printable, or a newline.
pub(crate) fn is_plain_ascii(byte: u8) -> bool {
    byte == b'\n' || (0x20..0x7f).contains(&byte)
}

/// True for characters that need no attention at all: the fast path for clean text.
fn is_plain(c: char) -> bool {
    c != '\t' && c != '\r' && c != ZWJ && (c == '\n' || !(is_unsafe(c) || is_invisible(c)))
}

/// The zero width joiner: it joins emoji into one picture (a family, a profession), which some
/// terminals draw as one and others as each emoji side by side, two columns each; and it
/// joins letters in scripts that need it (Indic, Arabic), where it takes no room anywhere.
const ZWJ: char = '\u{200d}';

/// Characters with no width of their own that terminals and width tables do not agree on:
/// the default-ignorable format characters (the soft hyphen, which some terminals draw one
/// column wide; zero width spaces and joiners; variation selectors, which widen some emoji in
/// one reckoning and not in another; the bidirectional marks; invisible operators and tags)
/// and the emoji skin tone modifiers, which terminals draw as a square of their own. Left in,
/// a line is drawn wider or narrower than it was laid out, and text is left behind on the
/// screen. The zero width non-joiner stays: Persian spelling needs it, and it takes no room.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
        | '\u{180b}'..='\u{180f}' | '\u{200b}' | '\u{200e}' | '\u{200f}'
        | '\u{2060}'..='\u{206f}' | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}'
        | '\u{ffa0}' | '\u{1bca0}'..='\u{1bca3}' | '\u{1d173}'..='\u{1d17a}'
        | '\u{1f3fb}'..='\u{1f3ff}' | '\u{e0000}'..='\u{e0fff}')
}

/// True when a zero width joiner between `before` and `after` joins emoji, where it is
/// dropped: each emoji is then drawn on its own, the same on every terminal.
fn joins_emoji(before: Option<char>, after: Option<char>) -> bool {
    before.is_some_and(is_pictographic) || after.is_some_and(is_pictographic)
}

/// Emoji and other pictographs, by the blocks they live in.
fn is_pictographic(c: char) -> bool {
    matches!(c,
        '\u{a9}' | '\u{ae}' | '\u{203c}' | '\u{2049}' | '\u{2122}' | '\u{2139}'
        | '\u{2194}'..='\u{21aa}' | '\u{231a}'..='\u{23ff}' | '\u{24c2}'
        | '\u{25aa}'..='\u{27bf}' | '\u{2934}' | '\u{2935}' | '\u{2b05}'..='\u{2b55}'
        | '\u{3030}' | '\u{303d}' | '\u{3297}' | '\u{3299}' | '\u{1f000}'..='\u{1faff}')
}

/// `text` without the characters [`is_invisible`] names and without joiners between emoji,
/// for text that reaches the screen by another way than loading (Markdown entities).
pub fn without_invisibles(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let joined = c == ZWJ && joins_emoji(out.chars().next_back(), chars.peek().copied());
        if !is_invisible(c) && !joined {
            out.push(c);
        }
    }
    out
}

/// Control characters (C0, DEL, C1), the bidirectional embedding, override and isolate
/// controls and the bidirectional marks, which can make displayed text read differently from
/// what it is.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{61c}')
}

/// Skips what follows an ESC: a CSI, a string sequence (OSC, DCS, SOS, PM, APC) or a short
/// escape (intermediate bytes then one final byte). Returns the text after the sequence.
fn skip_escape(after: &str) -> &str {
    match after.chars().next() {
        Some('[') => skip_csi(&after[1..]),
        Some(']' | 'P' | 'X' | '^' | '_') => skip_string(&after[1..]),
        Some(_) => {
            let intermediates = after
                .find(|c: char| !('\u{20}'..='\u{2f}').contains(&c))
                .unwrap_or(after.len());
            match after[intermediates..].chars().next() {
                Some(c @ '\u{30}'..='\u{7e}') => &after[intermediates + c.len_utf8()..],
                _ => &after[intermediates..],
            }
        }
        None => after,
    }
}

/// Skips the parameter, intermediate and final bytes of a control sequence. A malformed
/// sequence ends at the first byte that cannot belong to it, which is then kept.
fn skip_csi(after: &str) -> &str {
    for (at, c) in after.char_indices() {
        match c {
            '\u{20}'..='\u{3f}' => continue,
            '\u{40}'..='\u{7e}' => return &after[at + 1..],
            _ => return &after[at..],
        }
    }
    ""
}

/// Skips the body of an OSC, DCS or similar string up to its terminator (BEL, ESC \ or the
/// 8-bit ST). Without a terminator only the introducer is dropped: the body is then plain,
/// harmless text, and dropping the rest of the article would lose it.
fn skip_string(after: &str) -> &str {
    let mut chars = after.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            BEL | ST => return &after[at + c.len_utf8()..],
            ESC => {
                if let Some((next_at, '\\')) = chars.peek().copied() {
                    return &after[next_at + 1..];
                }
                // Any other ESC ends the string too, as terminals do; it starts a new sequence.
                return &after[at..];
            }
            '\n' => return after,
            _ => {}
        }
    }
    after
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owned_text_is_cleaned_as_borrowed_text_is() {
        for text in [
            "",
            " ",
            "Plain title",
            " leading",
            "trailing ",
            "two  spaces",
            "line\nbreak",
            "tab\there",
            "cr\r\nlf",
            "\u{1b}[2Jcleared",
            "bell\u{7}",
            "Français ünïcödé",
            "bidi \u{202e}override",
            "no\u{a0}break",
            "~ and \u{7f} delete",
        ] {
            assert_eq!(sanitize_owned(text.to_owned()), sanitize(text), "{text:?}");
            assert_eq!(
                sanitize_line_owned(text.to_owned()),
                sanitize_line(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn clean_text_is_unchanged() {
        let text = "Plain text, ünïcödé, 中文, emoji 🎉\nsecond line";
        assert_eq!(sanitize(text), text);
    }

    #[test]
    fn removes_clear_screen_and_colours() {
        assert_eq!(sanitize("a\x1b[2Jb\x1b[1;31mred\x1b[0m"), "abred");
    }

    #[test]
    fn removes_osc_52_clipboard_write_with_either_terminator() {
        assert_eq!(sanitize("x\x1b]52;c;ZWNobyBwd25lZA==\x07y"), "xy");
        assert_eq!(sanitize("x\x1b]52;c;ZWNobyBwd25lZA==\x1b\\y"), "xy");
    }

    #[test]
    fn removes_osc_8_hyperlink_but_keeps_its_text() {
        let link = "\x1b]8;;https://evil.example\x1b\\click me\x1b]8;;\x1b\\";
        assert_eq!(sanitize(link), "click me");
    }

    #[test]
    fn removes_eight_bit_csi_and_osc() {
        assert_eq!(sanitize("a\u{9b}2Jb"), "ab");
        assert_eq!(sanitize("a\u{9d}0;title\u{9c}b"), "ab");
    }

    #[test]
    fn removes_dcs_and_apc_strings() {
        assert_eq!(sanitize("a\x1bPq#0;2;0;0;0\x1b\\b"), "ab");
        assert_eq!(sanitize("a\x1b_payload\x1b\\b"), "ab");
    }

    #[test]
    fn unterminated_string_keeps_following_text() {
        assert_eq!(sanitize("a\x1b]0;title\nnext line"), "a0;title\nnext line");
        assert_eq!(sanitize("tail\x1b]"), "tail");
    }

    #[test]
    fn removes_short_escapes_and_trailing_escape() {
        assert_eq!(sanitize("a\x1bcb"), "ab", "RIS (full reset)");
        assert_eq!(sanitize("a\x1b(Bb"), "ab", "charset designation");
        assert_eq!(sanitize("end\x1b"), "end");
    }

    #[test]
    fn removes_bell_backspace_delete_and_other_controls() {
        assert_eq!(sanitize("a\x07b\x08c\x7fd\x00e\u{85}f"), "abcdef");
    }

    #[test]
    fn removes_bidi_overrides_and_isolates() {
        assert_eq!(
            sanitize("abc\u{202e}fed\u{202c} \u{2066}x\u{2069}"),
            "abcfed x"
        );
    }

    #[test]
    fn normalises_line_endings() {
        assert_eq!(sanitize("a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn expands_tabs_to_stops_of_four() {
        assert_eq!(sanitize("\tx\nab\tc"), "    x\nab  c");
    }

    #[test]
    fn malformed_csi_keeps_the_byte_that_ended_it() {
        assert_eq!(sanitize("a\x1b[12\u{e9}b"), "a\u{e9}b");
    }

    #[test]
    fn sanitize_line_folds_whitespace() {
        assert_eq!(
            sanitize_line("  Big\n news\x1b[2J\ttoday  "),
            "Big news today"
        );
    }

    #[test]
    fn output_never_contains_control_characters() {
        let nasty: String = (0u32..0x250)
            .filter_map(char::from_u32)
            .collect::<String>()
            .repeat(3);
        let clean = sanitize(&nasty);
        assert!(
            clean.chars().all(|c| c == '\n' || !is_unsafe(c)),
            "{clean:?}"
        );
    }

    /// Clean text is judged in blocks: a character needing attention is found wherever it
    /// falls, at either end of a block or inside one, among ASCII or other plain characters.
    #[test]
    fn a_character_needing_attention_is_found_anywhere_in_long_text() {
        for filler in ["a", "é", "—", "a\n"] {
            let plain = filler.repeat(100);
            assert!(is_all_plain(&plain), "{filler:?}");
            assert_eq!(sanitize(&plain), plain);
            for at in plain.char_indices().map(|(at, _)| at) {
                for odd in ['\t', '\r', '\x1b', '\x07', '\x7f', '\u{9b}', '\u{202e}'] {
                    let mut text = plain.clone();
                    text.insert(at, odd);
                    assert!(!is_all_plain(&text), "{odd:?} at {at} in {filler:?}");
                    assert!(
                        !sanitize(&text).contains(odd),
                        "{odd:?} at {at} in {filler:?}"
                    );
                }
            }
        }
    }

    /// Characters drawn at other widths than they are measured at go; what scripts need stays.
    #[test]
    fn invisible_and_ambiguous_characters_go() {
        assert_eq!(sanitize("co\u{ad}op\u{200b}er\u{2060}ate"), "cooperate");
        assert_eq!(sanitize("\u{200e}left\u{200f}right\u{61c}"), "leftright");
        assert_eq!(sanitize("I \u{2764}\u{fe0f} it"), "I \u{2764} it");
        assert_eq!(sanitize("\u{1f44d}\u{1f3fd}"), "\u{1f44d}");
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}";
        assert_eq!(sanitize(family), "\u{1f468}\u{1f469}\u{1f467}");
        // A flag is two regional indicators, as wide everywhere; it stays.
        assert_eq!(sanitize("\u{1f1ec}\u{1f1e7}"), "\u{1f1ec}\u{1f1e7}");
        // Persian needs the non-joiner, Devanagari the joiner: they take no room anywhere.
        assert_eq!(
            sanitize("\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{645}"),
            "\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{645}"
        );
        assert_eq!(
            sanitize("\u{915}\u{94d}\u{200d}\u{937}"),
            "\u{915}\u{94d}\u{200d}\u{937}"
        );
        assert_eq!(
            without_invisibles("a\u{ad}b\u{1f468}\u{200d}\u{1f469}"),
            "ab\u{1f468}\u{1f469}"
        );
    }
}
