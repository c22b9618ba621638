//! Cutting lines too long to be worth showing: a minified page or an image inlined as a data
//! URL can put megabytes on one line, which would be wrapped into thousands of screen lines of
//! noise. What is cut is said, so nothing is lost silently.

use std::borrow::Cow;

/// `text` with every line longer than `max_chars` characters cut there and a note added.
pub fn cut_long_lines(text: &str, max_chars: usize) -> Cow<'_, str> {
    // Cheap test first: a line can only be too long if the text has more bytes than the limit.
    if text.len() <= max_chars
        || !text
            .lines()
            .any(|line| line.len() > max_chars && too_long(line, max_chars))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len().min(1 << 20));
    for line in text.split_inclusive('\n') {
        let (content, ending) = match line.strip_suffix('\n') {
            Some(content) => (content, "\n"),
            None => (line, ""),
        };
        match content.char_indices().nth(max_chars) {
            Some((cut, _)) => {
                let left_out = content[cut..].chars().count();
                out.push_str(&content[..cut]);
                out.push_str(&format!(" … [{left_out} more characters not shown]"));
            }
            None => out.push_str(content),
        }
        out.push_str(ending);
    }
    Cow::Owned(out)
}

fn too_long(line: &str, max_chars: usize) -> bool {
    line.chars().nth(max_chars).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_left_alone() {
        let text = "one line\nanother line\n";
        assert!(matches!(cut_long_lines(text, 12), Cow::Borrowed(_)));
    }

    #[test]
    fn a_long_line_is_cut_and_says_so() {
        let text = format!("before\n{}\nafter", "é".repeat(30));
        let cut = cut_long_lines(&text, 10);
        assert_eq!(
            cut,
            format!(
                "before\n{} … [20 more characters not shown]\nafter",
                "é".repeat(10)
            )
        );
    }
}
