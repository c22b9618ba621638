//! Measuring how deeply YAML flow collections nest, without parsing.
//!
//! libyaml's cost grows with the square of flow nesting (`[[[[…`): 100,000 brackets, 200 KB of
//! text, take it a minute to reject. Block nesting is cheap for it and is bounded after parsing.
//! This scan finds the flow depth in one linear pass so that deep input is refused at once.
//!
//! It errs on the side of counting: a bracket is taken to open a collection wherever a YAML node
//! could start (after indentation, `- `, `? `, `: `, `--- `, and anchors or tags), so text that
//! is only plain scalar content may be counted too, but a real collection is never missed.

/// The deepest flow-collection nesting in `text`. The scan stops early once the depth passes
/// `stop_after`, so the answer is exact up to that point and "more than `stop_after`" beyond.
pub fn max_flow_depth(text: &str, stop_after: usize) -> usize {
    let mut scan = Scan {
        depth: 0,
        deepest: 0,
        quote: None,
        previous: ' ',
    };
    for line in text.lines() {
        let rest = if scan.depth > 0 || scan.quote.is_some() {
            scan.flow(line)
        } else {
            Some(line)
        };
        if let Some(rest) = rest {
            scan.block(rest, rest.len() == line.len());
        }
        if scan.deepest > stop_after {
            break;
        }
    }
    scan.deepest
}

struct Scan {
    depth: usize,
    deepest: usize,
    /// The quote character of an open quoted scalar, which may run over several lines.
    quote: Option<char>,
    /// The last character seen outside a quoted scalar in flow context.
    previous: char,
}

impl Scan {
    /// Block context: walks from node start to node start, entering flow or quoted text where
    /// a node begins with a bracket or a quote.
    fn block(&mut self, line: &str, at_line_start: bool) {
        let mut rest = line;
        let mut node_start = at_line_start;
        loop {
            rest = rest.trim_start_matches([' ', '\t']);
            let Some(first) = rest.chars().next() else {
                return;
            };
            if !node_start {
                // Inside a plain scalar: the next `: ` starts a value, ` #` a comment.
                match find_indicator(rest) {
                    Some(after) => {
                        rest = after;
                        node_start = true;
                    }
                    None => return,
                }
                continue;
            }
            let separated =
                |len: usize| rest[len..].is_empty() || rest[len..].starts_with([' ', '\t']);
            rest = match first {
                '[' | '{' | '"' | '\'' => {
                    self.previous = ' ';
                    match self.flow(rest) {
                        Some(after) => after,
                        None => return,
                    }
                }
                '#' | '|' | '>' => return,
                '&' | '!' => rest.find([' ', '\t']).map_or("", |end| &rest[end..]),
                '-' | '?' | ':' if separated(1) => &rest[1..],
                '-' | '.'
                    if (rest.starts_with("---") || rest.starts_with("...")) && separated(3) =>
                {
                    &rest[3..]
                }
                _ => {
                    node_start = false;
                    continue;
                }
            };
            if !rest.starts_with([' ', '\t'])
                && !rest.is_empty()
                && matches!(first, '[' | '{' | '"' | '\'')
            {
                node_start = false;
            }
        }
    }

    /// Flow context or a quoted scalar: returns what follows once both are closed, or `None`
    /// when the line ends first.
    fn flow<'a>(&mut self, text: &'a str) -> Option<&'a str> {
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if let Some(quote) = self.quote {
                if c == '\\' && quote == '"' {
                    chars.next();
                } else if c == quote {
                    if quote == '\'' && chars.peek().is_some_and(|&(_, next)| next == '\'') {
                        chars.next();
                    } else {
                        self.quote = None;
                        self.previous = c;
                        if self.depth == 0 {
                            return Some(&text[at + 1..]);
                        }
                    }
                }
                continue;
            }
            match c {
                '"' | '\'' if " \t[{,:".contains(self.previous) => self.quote = Some(c),
                '#' if " \t".contains(self.previous) => return None,
                '[' | '{' => {
                    self.depth += 1;
                    self.deepest = self.deepest.max(self.depth);
                }
                ']' | '}' => {
                    self.depth = self.depth.saturating_sub(1);
                    if self.depth == 0 {
                        return Some(&text[at + 1..]);
                    }
                }
                _ => {}
            }
            self.previous = c;
        }
        None
    }
}

/// In a plain scalar, the text after the next mapping indicator (`:` then space or the end),
/// or `None` when a comment or the end of the line comes first.
fn find_indicator(text: &str) -> Option<&str> {
    let mut previous = ' ';
    for (at, c) in text.char_indices() {
        match c {
            '#' if previous == ' ' || previous == '\t' => return None,
            ':' => {
                let after = &text[at + 1..];
                if after.is_empty() || after.starts_with([' ', '\t']) {
                    return Some(after);
                }
            }
            _ => {}
        }
        previous = c;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_flow_nesting() {
        assert_eq!(max_flow_depth("a: [1, [2, {b: [3]}]]\n", 100), 4);
        assert_eq!(max_flow_depth("a: [\n  [1],\n  [[2]]\n]\n", 100), 3);
        assert_eq!(max_flow_depth("{a: [[1]]}\n", 100), 3);
    }

    #[test]
    fn ignores_brackets_in_plain_and_quoted_text() {
        assert_eq!(max_flow_depth("title: Why [[[ matters\n", 100), 0);
        assert_eq!(
            max_flow_depth("title: \"[[[\"\ntldr:\n  - '[[[ it''s ['\n", 100),
            0
        );
        assert_eq!(max_flow_depth("a: [\"]]]\", [x]]\n", 100), 2);
        assert_eq!(max_flow_depth("a: [Russia's, [b]]\n", 100), 2);
        assert_eq!(max_flow_depth("url: http://x.org/a[1]\n", 100), 0);
    }

    #[test]
    fn finds_collections_behind_anchors_tags_and_document_markers() {
        for prefix in [
            "a: &x ",
            "a: !!seq ",
            "a: &x !custom ",
            "--- ",
            "- - ",
            "? ",
            ": ",
            "a:\t",
            "\"key\": ",
            "a: |\n",
        ] {
            let text = format!("{prefix}{}", "[".repeat(200));
            assert_eq!(max_flow_depth(&text, 1000), 200, "{prefix:?}");
        }
        assert_eq!(
            max_flow_depth("a:\n  [[[1]]]\n", 100),
            3,
            "a value on the next line"
        );
    }

    #[test]
    fn quoted_closers_cannot_hide_depth() {
        let sneaky = format!("a: {}", "[ \"]\", ".repeat(500));
        assert_eq!(max_flow_depth(&sneaky, 1000), 500);
    }

    #[test]
    fn ignores_comments() {
        assert_eq!(max_flow_depth("a: [1] # [[[[\n# [[[[\nb: c # [[\n", 100), 1);
    }

    #[test]
    fn stops_early_once_past_the_limit() {
        let deep_lines = "[\n".repeat(1000);
        let depth = max_flow_depth(&format!("a: {deep_lines}"), 64);
        assert!((65..=66).contains(&depth), "{depth}");
    }
}
