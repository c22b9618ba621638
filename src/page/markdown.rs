//! An article's DOM as Markdown, in one walk without recursion: the Markdown the reader shows
//! (headings, lists, quotes, emphasis, links, code), the same Markdown with each link given as
//! its text alone (the article's text, which `show --format json` gives as `body`: a link's
//! address is not part of what the article says), the links' addresses, and the article's
//! lines as plain text (to tell which of the page's lines it left out).

use dom_query::NodeRef;

use super::table::{self, Cell, Rows};
use super::visible::push_collapsed;
use super::walk::{Visit, is_block, is_hidden, walk};

/// An article converted.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Converted {
    /// Markdown for display.
    pub markdown: String,
    /// The same Markdown, links as their text and without images.
    pub text: String,
    /// The addresses of the links, in order.
    pub links: Vec<String>,
    /// The article's lines as plain text.
    pub lines: Vec<String>,
}

/// Converts the children of `root`.
pub fn convert(root: &NodeRef) -> Converted {
    let mut writer = Writer::default();
    walk(root, |visit| match visit {
        Visit::Open(node, name) => writer.open(node, name),
        Visit::Close(name) => {
            writer.close(name);
            true
        }
        Visit::Text(text) => {
            writer.text(text);
            true
        }
    });
    writer.write_table();
    writer.flush();
    let mut converted = writer.done;
    for out in [&mut converted.markdown, &mut converted.text] {
        if !out.is_empty() {
            out.push('\n');
        }
    }
    converted
}

enum Container {
    Quote,
    List { ordered: bool, next: u64 },
    Item { marker: String, started: bool },
}

/// An inline element open: where its content starts in the paragraph being written.
struct Mark {
    name: String,
    at: (usize, usize),
    generation: usize,
    href: Option<String>,
}

#[derive(Default)]
struct Writer {
    done: Converted,
    /// The paragraph being written, as Markdown and as text.
    markdown: String,
    text: String,
    /// Its plain text, a line for each `br`.
    plain: String,
    containers: Vec<Container>,
    marks: Vec<Mark>,
    /// Bumped at each paragraph written: marks of an earlier one no longer apply.
    generation: usize,
    heading: Option<usize>,
    pre: usize,
    /// True when the last block written was a list item's first line.
    after_item: bool,
    /// The rows of the table of data being read (`page/table.rs`), written when it closes.
    table: Option<Rows>,
    /// True inside a cell of that table: its blocks and breaks are spaces, as a cell is one
    /// line of a row.
    in_cell: bool,
}

impl Writer {
    fn open(&mut self, node: &NodeRef, name: &str) -> bool {
        if is_hidden(node, name) || name == "img" || name == "picture" {
            return false;
        }
        if self.in_cell
            && let Some(go_in) = self.open_in_cell(name)
        {
            return go_in;
        }
        match name {
            "table" if self.table.is_none() && table::is_data_table(node) => {
                self.flush();
                self.table = Some(Rows::default());
                return true;
            }
            "tr" if self.table.is_some() => {
                self.flush();
                if let Some(rows) = self.table.as_mut() {
                    rows.start_row();
                }
                return true;
            }
            "td" | "th" if self.table.is_some() => {
                self.flush();
                self.in_cell = true;
                return true;
            }
            _ => {}
        }
        match name {
            "br" => {
                self.hard_break();
                return false;
            }
            "hr" => {
                self.flush();
                return false;
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                self.heading = name[1..].parse().ok();
            }
            "ul" | "ol" => {
                self.flush();
                let start = node.attr("start").and_then(|s| s.trim().parse().ok());
                self.containers.push(Container::List {
                    ordered: name == "ol",
                    next: start.unwrap_or(1),
                });
            }
            "li" => {
                self.flush();
                let marker = match self.containers.iter_mut().rev().find_map(|c| match c {
                    Container::List { ordered, next } => Some((ordered, next)),
                    _ => None,
                }) {
                    Some((true, next)) => {
                        *next += 1;
                        format!("{}. ", *next - 1)
                    }
                    _ => "- ".to_owned(),
                };
                self.containers.push(Container::Item {
                    marker,
                    started: false,
                });
            }
            "blockquote" => {
                self.flush();
                self.containers.push(Container::Quote);
            }
            "pre" => {
                self.flush();
                self.pre += 1;
            }
            "td" | "th" if !self.plain.trim().is_empty() => {
                self.push_both(" | ");
                self.plain.push_str(" | ");
            }
            "td" | "th" => {}
            // A code block is shown as it is written: nothing in it is marked up.
            "strong" | "b" | "em" | "i" | "code" | "a" | "del" | "s" | "strike" if self.pre > 0 => {
            }
            "strong" | "b" | "em" | "i" | "code" | "a" | "del" | "s" | "strike" => {
                let href = (name == "a")
                    .then(|| node.attr("href"))
                    .flatten()
                    .map(|h| h.trim().to_owned())
                    .filter(|h| is_followable(h));
                self.marks.push(Mark {
                    name: name.to_owned(),
                    at: (self.markdown.len(), self.text.len()),
                    generation: self.generation,
                    href,
                });
            }
            _ if is_block(name) => self.flush(),
            _ => {}
        }
        true
    }

    fn close(&mut self, name: &str) {
        if self.in_cell {
            match name {
                "td" | "th" => return self.end_cell(),
                _ if is_block(name) => return self.space(),
                _ => {}
            }
        }
        match name {
            "table" if self.table.is_some() => return self.write_table(),
            "tr" | "thead" | "tbody" | "tfoot" if self.table.is_some() => return,
            _ => {}
        }
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                self.heading = None;
            }
            "ul" | "ol" | "li" | "blockquote" => {
                self.flush();
                self.containers.pop();
            }
            "pre" => {
                self.flush();
                self.pre = self.pre.saturating_sub(1);
            }
            "td" | "th" => {}
            "strong" | "b" | "em" | "i" | "code" | "a" | "del" | "s" | "strike" if self.pre > 0 => {
            }
            "strong" | "b" | "em" | "i" | "code" | "a" | "del" | "s" | "strike" => {
                if let Some(mark) = self.marks.pop()
                    && mark.generation == self.generation
                    && mark.name == name
                {
                    self.decorate(mark);
                }
            }
            _ if is_block(name) => self.flush(),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        // A character reference can bring an escape sequence back (`&#27;]0;title&#7;`). It is
        // taken out whole here, before Markdown's escapes are added: a backslash put before
        // its `]` would make `ESC \` a sequence of its own, and the rest would stay as text.
        let cleaned;
        let text = match crate::sanitize::starts_a_sequence(text) {
            true => {
                cleaned = crate::sanitize::sanitize(text);
                cleaned.as_str()
            }
            false => text,
        };
        if self.pre > 0 {
            self.markdown.push_str(text);
            self.text.push_str(text);
            self.plain.push_str(text);
            return;
        }
        let before = self.plain.len();
        push_collapsed(&mut self.plain, text);
        let added = self.plain[before..].to_owned();
        let mut escaped = escape(&added);
        if self.in_cell {
            escaped = escaped.replace('|', "\\|");
        }
        self.push_both(&escaped);
    }

    /// What an element opened inside a cell of a table of data is: `Some(go in)` for a block
    /// or a break, which is a space there; `None` for the rest, read as anywhere.
    fn open_in_cell(&mut self, name: &str) -> Option<bool> {
        match name {
            "br" | "hr" => {
                self.space();
                Some(false)
            }
            "td" | "th" | "tr" | "table" => None,
            _ if is_block(name) => {
                self.space();
                Some(true)
            }
            _ => None,
        }
    }

    /// A space between words, once, where a cell's block or break was: a line's end in its
    /// plain text, as the page's visible lines end there.
    fn space(&mut self) {
        if !self.plain.is_empty() && !self.plain.ends_with([' ', '\n']) {
            self.push_both(" ");
            self.plain.push('\n');
        }
    }

    /// Ends the cell being read: what it holds joins its row.
    fn end_cell(&mut self) {
        self.in_cell = false;
        self.generation += 1;
        self.marks.clear();
        let one_line = |text: String| text.split_whitespace().collect::<Vec<_>>().join(" ");
        let cell = Cell {
            markdown: one_line(std::mem::take(&mut self.markdown)),
            text: one_line(std::mem::take(&mut self.text)),
            plain: (std::mem::take(&mut self.plain).lines())
                .map(|line| one_line(line.to_owned()))
                .filter(|line| !line.is_empty())
                .collect::<Vec<_>>()
                .join("\n"),
        };
        if let Some(rows) = self.table.as_mut() {
            rows.push_cell(cell);
        }
    }

    /// Writes the table of data being read, if any, as a block of Markdown.
    fn write_table(&mut self) {
        if self.in_cell {
            self.end_cell();
        }
        let Some(rows) = self.table.take() else {
            return;
        };
        self.flush();
        let Some((markdown, text)) = rows.written() else {
            return;
        };
        self.done.lines.extend(rows.plain_lines());
        let (first, rest, _) = self.prefixes();
        let separator = if self.done.markdown.is_empty() {
            ""
        } else {
            "\n\n"
        };
        for (block, out) in [
            (markdown, &mut self.done.markdown),
            (text, &mut self.done.text),
        ] {
            out.push_str(separator);
            push_prefixed(out, block.lines(), &first, &rest);
        }
        self.generation += 1;
        self.after_item = false;
    }

    fn push_both(&mut self, text: &str) {
        self.markdown.push_str(text);
        self.text.push_str(text);
    }

    fn hard_break(&mut self) {
        if self.pre > 0 {
            self.push_both("\n");
            self.plain.push('\n');
        } else if !self.plain.trim().is_empty() {
            let trimmed = self.markdown.trim_end().len();
            self.markdown.truncate(trimmed);
            let trimmed = self.text.trim_end().len();
            self.text.truncate(trimmed);
            self.push_both("\\\n");
            self.plain.push('\n');
        }
    }

    /// Puts the markers of the inline element `mark` around its content, with white space
    /// at its edges moved outside them (Markdown reads `** a **` as text).
    fn decorate(&mut self, mark: Mark) {
        let (marker, link) = match mark.name.as_str() {
            "strong" | "b" => ("**", false),
            "em" | "i" => ("*", false),
            "code" => ("`", false),
            "del" | "s" | "strike" => ("~~", false),
            _ => ("", true),
        };
        if mark.at.0 > self.markdown.len() || mark.at.1 > self.text.len() {
            return;
        }
        let content = self.markdown[mark.at.0..].to_owned();
        let inner = content.trim();
        if inner.is_empty() || (marker == "`" && inner.contains('`')) || inner.ends_with('\\') {
            return;
        }
        let lead = &content[..content.len() - content.trim_start().len()];
        let trail = &content[content.trim_end().len()..];
        let decorated = match (link, &mark.href) {
            (true, Some(href)) => {
                self.done.links.push(href.clone());
                format!("{lead}[{inner}]({}){trail}", link_target(href))
            }
            (true, None) => return,
            (false, _) => format!("{lead}{marker}{inner}{marker}{trail}"),
        };
        self.markdown.truncate(mark.at.0);
        self.markdown.push_str(&decorated);
        if !link {
            let content = self.text[mark.at.1..].to_owned();
            let inner = content.trim();
            let lead = &content[..content.len() - content.trim_start().len()];
            let trail = &content[content.trim_end().len()..];
            let decorated = format!("{lead}{marker}{inner}{marker}{trail}");
            self.text.truncate(mark.at.1);
            self.text.push_str(&decorated);
        }
    }

    /// Writes the paragraph being written as a block, and starts a new one.
    fn flush(&mut self) {
        self.generation += 1;
        self.marks.clear();
        let markdown = std::mem::take(&mut self.markdown);
        let text = std::mem::take(&mut self.text);
        let plain = std::mem::take(&mut self.plain);
        if plain.trim().is_empty() {
            return;
        }
        for line in plain.lines().map(str::trim).filter(|l| !l.is_empty()) {
            self.done.lines.push(line.to_owned());
        }
        let (first, rest, starts_item) = self.prefixes();
        let separator = match (
            self.done.markdown.is_empty(),
            starts_item && self.after_item,
        ) {
            (true, _) => "",
            (false, true) => "\n",
            (false, false) => "\n\n",
        };
        let heading = self
            .heading
            .map(|level| format!("{} ", "#".repeat(level)))
            .unwrap_or_default();
        for (block, out) in [
            (markdown, &mut self.done.markdown),
            (text, &mut self.done.text),
        ] {
            out.push_str(separator);
            if self.pre > 0 {
                let fence = if block.contains("```") { "~~~~" } else { "```" };
                out.push_str(&first);
                out.push_str(fence);
                for line in block.trim_matches('\n').lines() {
                    out.push('\n');
                    out.push_str(&rest);
                    out.push_str(line);
                }
                out.push('\n');
                out.push_str(&rest);
                out.push_str(fence);
                continue;
            }
            let lines = block
                .trim()
                .lines()
                .map(|l| escape_line_start(l.trim_start()));
            push_prefixed(out, lines, &format!("{first}{heading}"), &rest);
        }
        self.after_item = starts_item
            || self
                .containers
                .iter()
                .any(|c| matches!(c, Container::Item { .. }));
    }

    /// The prefix of the block's first line and of the lines after it, and whether it starts
    /// a list item.
    fn prefixes(&mut self) -> (String, String, bool) {
        let mut first = String::new();
        let mut rest = String::new();
        let mut starts_item = false;
        for container in &mut self.containers {
            match container {
                Container::Quote => {
                    first.push_str("> ");
                    rest.push_str("> ");
                }
                Container::List { .. } => {}
                Container::Item { marker, started } => {
                    let indent = " ".repeat(marker.len());
                    if *started {
                        first.push_str(&indent);
                    } else {
                        first.push_str(marker);
                        *started = true;
                        starts_item = true;
                    }
                    rest.push_str(&indent);
                }
            }
        }
        (first, rest, starts_item)
    }
}

/// `lines` onto `out` as a block: the first after `first`, each other on a line of its own
/// after `rest` (the markers of the quotes and list items the block is in).
fn push_prefixed(
    out: &mut String,
    lines: impl Iterator<Item = impl AsRef<str>>,
    first: &str,
    rest: &str,
) {
    for (at, line) in lines.enumerate() {
        match at {
            0 => out.push_str(first),
            _ => {
                out.push('\n');
                out.push_str(rest);
            }
        }
        out.push_str(line.as_ref());
    }
}

/// Links a reader can follow: not scripts or local files, not anchors within the page.
fn is_followable(href: &str) -> bool {
    !(href.is_empty() || href.starts_with('#') || crate::address::runs_or_reads_locally(href))
}

/// A link's address as Markdown reads it whole.
fn link_target(href: &str) -> String {
    // Cleaned as the list of links is (`Body::links`), escape sequences taken out whole, so
    // that `show` and its JSON name the same address.
    let cleaned: String = crate::sanitize::sanitize_line(href)
        .chars()
        .filter(|c| !matches!(c, '<' | '>'))
        .collect();
    if cleaned.contains([' ', '(', ')']) {
        format!("<{cleaned}>")
    } else {
        cleaned
    }
}

/// `text` with the characters Markdown would read as markup escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A line starting with what Markdown reads as a block (`#`, `>`, `- `, `1.`) escaped there.
fn escape_line_start(line: &str) -> String {
    if line.starts_with(['#', '>', '+', '-', '=', '|', '~']) {
        return format!("\\{line}");
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && line[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line.to_owned()
}
