//! Finding a title in text that has no `title:` key.

/// Titles taken from a line of text are cut to this many characters, so that a file whose
/// first line is a whole paragraph still gets a usable title.
const MAX_LINE_TITLE_CHARS: usize = 160;

/// The text of an ATX heading line (`# Title`, `## Title ##`), if `line` is one.
pub fn atx_heading_text(line: &str) -> Option<&str> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let line = &line[indent..];
    let hashes = line.len() - line.trim_start_matches('#').len();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rest = rest.trim();
    // A closing sequence of hashes is decoration, but only when set off by a space.
    let without_closing = rest.trim_end_matches('#');
    let text = if without_closing.is_empty() || without_closing.ends_with([' ', '\t']) {
        without_closing.trim_end()
    } else {
        rest
    };
    Some(text)
}

/// The text of the first ATX heading in a Markdown body, outside fenced code blocks.
pub fn first_heading(body: &str) -> Option<&str> {
    let mut fence: Option<&str> = None;
    for line in body.lines() {
        let trimmed = line.trim_start();
        if let Some(open) = fence {
            if trimmed.starts_with(open) {
                fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
            continue;
        }
        if let Some(text) = atx_heading_text(line).filter(|t| !t.is_empty()) {
            return Some(text);
        }
    }
    None
}

/// A title made from one line of text: the whole line when it is short, else its start cut at
/// a word boundary. The flag says whether the line was used whole.
pub fn title_from_line(line: &str) -> (String, bool) {
    let line = line.trim();
    // A line of sixty characters of Chinese is a paragraph, not a headline.
    let weight = crate::words::letters_worth;
    if line.chars().map(weight).sum::<usize>() <= MAX_LINE_TITLE_CHARS {
        return (line.to_owned(), true);
    }
    let mut room = MAX_LINE_TITLE_CHARS;
    let cut: String = line
        .chars()
        .take_while(|&c| match room.checked_sub(weight(c)) {
            Some(left) => {
                room = left;
                true
            }
            None => false,
        })
        .collect();
    let at_word = cut
        .rfind(' ')
        .filter(|&at| at > MAX_LINE_TITLE_CHARS / 2)
        .unwrap_or(cut.len());
    (format!("{}…", cut[..at_word].trim_end()), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_chinese_is_a_title_while_short_and_cut_when_a_paragraph() {
        assert_eq!(
            title_from_line("央行宣布下调存款准备金率"),
            ("央行宣布下调存款准备金率".to_owned(), true)
        );
        let paragraph = "中国人民银行周五宣布，将于下周一起下调金融机构存款准备金率0.5个百分点。此举预计将释放长期资金约一万亿元。分析人士认为，这一措施旨在支持实体经济发展。";
        let (title, whole) = title_from_line(paragraph);
        assert!(!whole && title.ends_with('…'), "{title}");
        assert!(title.chars().count() <= 60, "{title}");
    }

    #[test]
    fn reads_atx_headings() {
        assert_eq!(atx_heading_text("# Title"), Some("Title"));
        assert_eq!(atx_heading_text("### Title ###"), Some("Title"));
        assert_eq!(atx_heading_text("   ## Title"), Some("Title"));
        assert_eq!(atx_heading_text("# Hash #1"), Some("Hash #1"));
        assert_eq!(atx_heading_text("#"), Some(""));
    }

    #[test]
    fn rejects_what_is_not_a_heading() {
        assert_eq!(atx_heading_text("#hashtag"), None);
        assert_eq!(atx_heading_text("    # code"), None);
        assert_eq!(atx_heading_text("####### seven"), None);
        assert_eq!(atx_heading_text("Title"), None);
    }

    #[test]
    fn finds_the_first_heading_outside_code() {
        let body = "Intro\n```\n# not a heading\n```\n## Real\n# Later\n";
        assert_eq!(first_heading(body), Some("Real"));
        assert_eq!(first_heading("no headings\n"), None);
    }

    #[test]
    fn long_lines_make_shortened_titles() {
        assert_eq!(
            title_from_line("  Short headline  "),
            ("Short headline".to_owned(), true)
        );
        let long = "word ".repeat(100);
        let (title, whole) = title_from_line(&long);
        assert!(!whole);
        assert!(
            title.ends_with("word…") && title.chars().count() <= MAX_LINE_TITLE_CHARS + 1,
            "{title}"
        );
    }
}
