//! Accumulates inline content (text under a stack of nested styles) until the enclosing block
//! ends and it can be wrapped, and numbers link targets for the reference markers.

use std::collections::HashMap;

use ratatui::style::Style;

use super::text::clean_inline;
use super::wrap::Piece;

/// Inline content of the block being built. Styles nest (a link inside bold inside a heading),
/// so the effective style is every open style patched over the previous ones.
#[derive(Default)]
pub(crate) struct Inline {
    pieces: Vec<Piece>,
    styles: Vec<Style>,
}

impl Inline {
    pub(crate) fn style(&self) -> Style {
        self.styles.last().copied().unwrap_or_default()
    }

    /// Each entry is the style in force, every style pushed before it applied: asking for it
    /// costs nothing however deep links and images nest.
    pub(crate) fn push_style(&mut self, style: Style) {
        self.styles.push(self.style().patch(style));
    }

    /// Unbalanced pops are ignored: the parser balances its events, and a mistake here should
    /// cost a style, never a panic.
    pub(crate) fn pop_style(&mut self) {
        self.styles.pop();
    }

    /// Adds text in the current style.
    pub(crate) fn text(&mut self, text: &str) {
        let style = self.style();
        self.styled(style, text);
    }

    /// Adds prose in an explicit style. Runs of spaces collapse to one, as a browser shows
    /// them, so authors' double spaces after full stops do not leave holes in wrapped text.
    pub(crate) fn styled(&mut self, style: Style, text: &str) {
        let mut after_space = match self.pieces.last() {
            Some(Piece::Text(_, t)) => t.ends_with(' '),
            _ => false,
        };
        let mut collapsed = String::with_capacity(text.len());
        for c in clean_inline(text).chars() {
            if c == ' ' && after_space {
                continue;
            }
            after_space = c == ' ';
            collapsed.push(c);
        }
        self.push(style, collapsed);
    }

    /// Adds text whose spacing matters (inline code) exactly as given, controls cleaned.
    pub(crate) fn verbatim(&mut self, style: Style, text: &str) {
        self.push(style, clean_inline(text));
    }

    /// Appends to the previous piece when the style matches, so that entity-split text
    /// (`a&amp;b` arrives as three events) wraps as one word.
    fn push(&mut self, style: Style, text: String) {
        if text.is_empty() {
            return;
        }
        match self.pieces.last_mut() {
            Some(Piece::Text(s, t)) if *s == style => t.push_str(&text),
            _ => self.pieces.push(Piece::Text(style, text)),
        }
    }

    pub(crate) fn hard_break(&mut self) {
        self.pieces.push(Piece::Break);
    }

    /// Removes `suffix` from the end of the text if it is there; used to turn an image opener
    /// `[image: ` into `[image` when the image has no alt text.
    pub(crate) fn strip_suffix(&mut self, suffix: &str) -> bool {
        if let Some(Piece::Text(_, t)) = self.pieces.last_mut()
            && let Some(kept) = t.strip_suffix(suffix)
        {
            let kept_len = kept.len();
            t.truncate(kept_len);
            if t.is_empty() {
                self.pieces.pop();
            }
            return true;
        }
        false
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }

    pub(crate) fn take(&mut self) -> Vec<Piece> {
        std::mem::take(&mut self.pieces)
    }
}

/// Link targets numbered by first appearance, so the same URL always gets the same `[n]`.
#[derive(Default)]
pub(crate) struct LinkTable {
    urls: Vec<String>,
    index: HashMap<String, usize>,
}

impl LinkTable {
    /// The 1-based reference number for `url`, registering it if new.
    pub(crate) fn number(&mut self, url: &str) -> usize {
        if let Some(&n) = self.index.get(url) {
            return n;
        }
        self.urls.push(url.to_string());
        let n = self.urls.len();
        self.index.insert(url.to_string(), n);
        n
    }

    pub(crate) fn into_urls(self) -> Vec<String> {
        self.urls
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn nested_styles_combine_and_unwind() {
        let mut inline = Inline::default();
        inline.push_style(Style::new().add_modifier(Modifier::BOLD));
        inline.push_style(Style::new().add_modifier(Modifier::ITALIC));
        assert!(
            inline
                .style()
                .add_modifier
                .contains(Modifier::BOLD | Modifier::ITALIC)
        );
        inline.pop_style();
        inline.pop_style();
        inline.pop_style();
        assert_eq!(inline.style(), Style::default());
    }

    #[test]
    fn same_style_text_merges_and_controls_are_cleaned() {
        let mut inline = Inline::default();
        inline.text("a");
        inline.text("&");
        inline.text("b\tc  d ");
        inline.text(" e");
        inline.verbatim(Style::default(), "  f");
        assert_eq!(
            inline.take(),
            vec![Piece::Text(Style::default(), "a&b c d e  f".into())]
        );
    }

    #[test]
    fn strip_suffix_only_removes_a_real_suffix() {
        let mut inline = Inline::default();
        inline.text("[image: ");
        assert!(!inline.strip_suffix("xyz"));
        assert!(inline.strip_suffix(": "));
        assert_eq!(
            inline.take(),
            vec![Piece::Text(Style::default(), "[image".into())]
        );
    }

    #[test]
    fn repeated_urls_reuse_numbers() {
        let mut links = LinkTable::default();
        assert_eq!(links.number("https://a"), 1);
        assert_eq!(links.number("https://b"), 2);
        assert_eq!(links.number("https://a"), 1);
        assert_eq!(links.into_urls(), ["https://a", "https://b"]);
    }
}
