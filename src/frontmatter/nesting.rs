//! Measuring how deeply YAML flow collections nest, without parsing.
//!
//! libyaml's cost grows with the square of flow nesting (`[[[[…`): 100,000 brackets, 200 KB of
//! text, take it a minute to reject. Block nesting is cheap for it and is bounded after parsing.
//! This scan finds the flow depth in one linear pass so that deep input is refused at once.

/// The deepest flow-collection nesting in `text`, counting up to `stop_after` at most.
pub fn max_flow_depth(text: &str, stop_after: usize) -> usize {
    let mut scan = Scan {
        depth: 0,
        deepest: 0,
        quote: None,
        previous: '\n',
    };
    for line in text.lines() {
        if scan.depth == 0 && scan.quote.is_none() {
            scan.block_line(line);
        } else {
            scan.flow_text(line);
        }
        if scan.deepest > stop_after {
            break;
        }
        scan.previous = '\n';
    }
    scan.deepest
}

struct Scan {
    depth: usize,
    deepest: usize,
    /// The quote character of an open quoted scalar, which may run over several lines.
    quote: Option<char>,
    /// The last character seen outside a quoted scalar, to tell where a scalar may begin.
    previous: char,
}

impl Scan {
    /// A line in block context: only a value that starts with `[` or `{` opens flow, and only a
    /// value that starts with a quote opens a quoted scalar. Anything else is plain text.
    fn block_line(&mut self, line: &str) {
        let mut value = line.trim_start();
        while let Some(rest) = value
            .strip_prefix("- ")
            .or_else(|| value.strip_prefix("? "))
        {
            value = rest.trim_start();
        }
        if !value.starts_with(['[', '{', '"', '\'']) {
            match value.find(": ") {
                Some(colon) if !value[..colon].contains(" #") => {
                    value = value[colon + 2..].trim_start()
                }
                _ => return,
            }
        }
        if value.starts_with(['[', '{', '"', '\'']) {
            self.previous = ' ';
            self.flow_text(value);
        }
    }

    /// Text inside flow context or a quoted scalar.
    fn flow_text(&mut self, text: &str) {
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if let Some(quote) = self.quote {
                if c == '\\' && quote == '"' {
                    chars.next();
                } else if c == quote {
                    if quote == '\'' && chars.peek() == Some(&'\'') {
                        chars.next();
                    } else {
                        self.quote = None;
                        self.previous = c;
                    }
                }
                continue;
            }
            match c {
                '"' | '\'' if " \t[{,:".contains(self.previous) => self.quote = Some(c),
                '#' if " \t".contains(self.previous) => return,
                '[' | '{' => {
                    self.depth += 1;
                    self.deepest = self.deepest.max(self.depth);
                }
                ']' | '}' => {
                    self.depth = self.depth.saturating_sub(1);
                    if self.depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
            self.previous = c;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_flow_nesting() {
        assert_eq!(max_flow_depth("a: [1, [2, {b: [3]}]]\n", 100), 4);
        assert_eq!(max_flow_depth("a: [\n  [1],\n  [[2]]\n]\n", 100), 3);
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
    }

    #[test]
    fn quoted_closers_cannot_hide_depth() {
        let sneaky = format!("a: {}", "[ \"]\", ".repeat(500));
        assert_eq!(max_flow_depth(&sneaky, 1000), 500);
    }

    #[test]
    fn ignores_comments() {
        assert_eq!(max_flow_depth("a: [1] # [[[[\n# [[[[\n", 100), 1);
    }

    #[test]
    fn stops_counting_past_the_limit() {
        let deep = format!("a: {}", "[".repeat(100_000));
        assert_eq!(
            max_flow_depth(&deep, 64),
            100_000,
            "a single line is scanned whole"
        );
        let deep_lines = "[\n".repeat(1000);
        assert!(max_flow_depth(&format!("a: {deep_lines}"), 64) <= 66);
    }
}
