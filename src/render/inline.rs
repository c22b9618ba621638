//! Inline content on its way to being wrapped: the stack of nested styles, and spaces
//! collapsed as a browser collapses them.

use ratatui::style::Style;

use super::text::clean_inline;

/// The styles in force. Styles nest (a link inside bold inside a heading), so the effective
/// style is every open style patched over the previous ones.
#[derive(Default)]
pub(crate) struct Styles {
    stack: Vec<Style>,
}

impl Styles {
    pub(crate) fn current(&self) -> Style {
        self.stack.last().copied().unwrap_or_default()
    }

    /// Each entry is the style in force, every style pushed before it applied: asking for it
    /// costs nothing however deep links and images nest.
    pub(crate) fn push(&mut self, style: Style) {
        self.stack.push(self.current().patch(style));
    }

    /// Unbalanced pops are ignored: the parser balances its events, and a mistake here should
    /// cost a style, never a panic.
    pub(crate) fn pop(&mut self) {
        self.stack.pop();
    }
}

/// Prose text cleaned for the terminal with runs of spaces collapsed to one, as a browser
/// shows them, so authors' double spaces after full stops do not leave holes in wrapped
/// text. `after_space` says whether the text before ended in a space, and is updated.
pub(crate) fn collapse(text: &str, after_space: &mut bool) -> String {
    let mut collapsed = String::with_capacity(text.len());
    for c in clean_inline(text).chars() {
        if c == ' ' && *after_space {
            continue;
        }
        *after_space = c == ' ';
        collapsed.push(c);
    }
    collapsed
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn nested_styles_combine_and_unwind() {
        let mut styles = Styles::default();
        styles.push(Style::new().add_modifier(Modifier::BOLD));
        styles.push(Style::new().add_modifier(Modifier::ITALIC));
        assert!(
            styles
                .current()
                .add_modifier
                .contains(Modifier::BOLD | Modifier::ITALIC)
        );
        styles.pop();
        styles.pop();
        styles.pop();
        assert_eq!(styles.current(), Style::default());
    }

    #[test]
    fn spaces_collapse_across_texts_and_controls_are_cleaned() {
        let mut after_space = false;
        let text: String = ["a", "&", "b\tc  d ", " e"]
            .iter()
            .map(|t| collapse(t, &mut after_space))
            .collect();
        assert_eq!(text, "a&b c d e");
        assert!(!after_space);
    }
}
