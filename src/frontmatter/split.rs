//! Finding the front matter block at the top of a file.

/// The kinds of front matter block moodwire reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Between `---` lines (closed by `---` or `...`), as Jekyll writes it.
    Yaml,
    /// Between `+++` lines, as Hugo writes it.
    Toml,
}

impl Format {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Format::Yaml => "YAML",
            Format::Toml => "TOML",
        }
    }

    fn fence(self) -> &'static str {
        match self {
            Format::Yaml => "---",
            Format::Toml => "+++",
        }
    }
}

/// A file's text divided into its front matter and its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'a> {
    /// The front matter and its format, without the fences.
    pub front_matter: Option<(Format, &'a str)>,
    pub body: &'a str,
    /// The 1-based line of the file on which the front matter text starts, for error messages.
    pub first_line: usize,
}

/// A front matter block that is opened but never closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("front matter opened by {} on line 1 is never closed", .0.fence())]
pub struct Unterminated(pub Format);

/// Splits `text` (already free of `\r` and of a byte-order mark) at its front matter fences. A
/// fence is the first line of the file, and may carry trailing spaces.
pub fn split(text: &str) -> Result<Split<'_>, Unterminated> {
    let no_front_matter = Split {
        front_matter: None,
        body: text,
        first_line: 1,
    };
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let format = match first.trim_end() {
        "---" => Format::Yaml,
        "+++" => Format::Toml,
        _ => return Ok(no_front_matter),
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let bare = line.trim_end();
        let closes = bare == format.fence() || (format == Format::Yaml && bare == "...");
        if closes {
            return Ok(Split {
                front_matter: Some((format, &rest[..offset])),
                body: &rest[offset + line.len()..],
                first_line: 2,
            });
        }
        offset += line.len();
    }
    Err(Unterminated(format))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_yaml_front_matter() {
        let split = split("---\ntitle: A\n---\nBody\n").unwrap();
        assert_eq!(split.front_matter, Some((Format::Yaml, "title: A\n")));
        assert_eq!(split.body, "Body\n");
    }

    #[test]
    fn splits_toml_front_matter() {
        let split = split("+++\ntitle = \"A\"\n+++\nBody").unwrap();
        assert_eq!(split.front_matter, Some((Format::Toml, "title = \"A\"\n")));
        assert_eq!(split.body, "Body");
    }

    #[test]
    fn accepts_fences_with_trailing_spaces() {
        let split = split("--- \ntitle: A\n---  \nBody").unwrap();
        assert_eq!(split.front_matter, Some((Format::Yaml, "title: A\n")));
        assert_eq!(split.body, "Body");
    }

    #[test]
    fn accepts_yaml_closed_by_dots() {
        let split = split("---\ntitle: A\n...\nBody").unwrap();
        assert_eq!(split.front_matter, Some((Format::Yaml, "title: A\n")));
        assert_eq!(split.body, "Body");
    }

    #[test]
    fn accepts_empty_front_matter_and_missing_body() {
        let split = split("---\n---").unwrap();
        assert_eq!(split.front_matter, Some((Format::Yaml, "")));
        assert_eq!(split.body, "");
    }

    #[test]
    fn text_without_a_fence_is_all_body() {
        let text = "Title\n---\nnot front matter\n";
        assert_eq!(split(text).unwrap().front_matter, None);
        assert_eq!(split("--- title: A\n---\n").unwrap().front_matter, None);
    }

    #[test]
    fn reports_an_unclosed_fence() {
        assert_eq!(
            split("---\ntitle: A\nbody\n"),
            Err(Unterminated(Format::Yaml))
        );
        assert_eq!(split("+++\n"), Err(Unterminated(Format::Toml)));
        let message = Unterminated(Format::Yaml).to_string();
        assert_eq!(
            message,
            "front matter opened by --- on line 1 is never closed"
        );
    }
}
