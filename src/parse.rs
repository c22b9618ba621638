//! From the bytes of one file to an [`Article`]: no I/O, so every rule can be tested directly.

use std::path::{Path, PathBuf};

use crate::article::{Article, Bucket, Origin, Scale, Sentiment};
use crate::date::ArticleDate;
use crate::frontmatter::{self, Fields, Format, FrontMatterError};
use crate::limits::Limits;
use crate::reading::Reading;
use crate::sanitize::{sanitize, sanitize_line};
use crate::sentiment::{self, Estimate};
use crate::title::{first_heading, title_from_line};

mod kinds;
use kinds::Parts;
pub use kinds::{Body, Kind};

/// Why a file could not be loaded as an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// The file has no bytes at all.
    #[error("the file is empty")]
    Empty,
    /// The file holds nothing but white space.
    #[error("the file holds only white space")]
    Blank,
    /// The file holds a NUL byte, so it is not text.
    #[error("binary file (it contains NUL bytes)")]
    Binary,
    /// The front matter could not be read.
    #[error(transparent)]
    FrontMatter(#[from] FrontMatterError),
}

/// Parses the contents of the file at `path`, which the library knows as `id`. An article
/// whose file carries no sentiment gets an estimate, marked as such.
pub fn parse_article(
    bytes: &[u8],
    id: String,
    path: PathBuf,
    reading: &Reading,
) -> Result<Article, ParseError> {
    parse_article_with_estimate(bytes, id, path, reading).map(|(article, _)| article)
}

/// [`parse_article`], also giving the estimate with the words that weighed most, when the
/// file carries no sentiment. The estimate is made here, while the body is at hand: the
/// library drops bodies once their words are indexed.
pub fn parse_article_with_estimate(
    bytes: &[u8],
    id: String,
    path: PathBuf,
    reading: &Reading,
) -> Result<(Article, Option<Estimate>), ParseError> {
    let (mut article, estimate) = parse_article_estimating_sentiment(bytes, id, path, reading)?;
    estimate_missing_tldr(&mut article);
    Ok((article, estimate))
}

/// [`parse_article_with_estimate`] without a TL;DR estimated for a file that has none: what a
/// writer of sentiment alone needs, since a TL;DR costs more to estimate than the sentiment.
pub fn parse_article_estimating_sentiment(
    bytes: &[u8],
    id: String,
    path: PathBuf,
    reading: &Reading,
) -> Result<(Article, Option<Estimate>), ParseError> {
    let mut article = parse_file(bytes, id, path, reading)?;
    let estimate = article
        .sentiment
        .is_untagged()
        .then(|| sentiment::estimate_article(&article, reading.scale));
    if let Some(estimate) = &estimate {
        article.sentiment = Sentiment::estimated(estimate.score, reading.scale);
    }
    Ok((article, estimate))
}

/// Gives `article` an estimated TL;DR when its file has none. After the sentiment, which
/// weighs a TL;DR the file gives, not one made from the body.
pub fn estimate_missing_tldr(article: &mut Article) {
    if article.tldr.is_empty() {
        article.tldr = crate::tldr::estimate(&article.body);
        article.tldr_origin = (!article.tldr.is_empty()).then_some(Origin::Estimated);
    }
}

/// The article as its file has it.
fn parse_file(
    bytes: &[u8],
    id: String,
    path: PathBuf,
    reading: &Reading,
) -> Result<Article, ParseError> {
    let mut warnings = Vec::new();
    let text = clean_text(bytes, &reading.limits, &mut warnings)?;
    let Parts {
        fields,
        title,
        body,
        ..
    } = read_parts(&text, &path, &reading.limits, &mut warnings)?;
    let date = fields
        .date
        .or_else(|| ArticleDate::from_file_name(&file_name(&path)));
    let sentiment = sentiment(
        fields.sentiment_score,
        fields.sentiment_label,
        reading.scale,
        &mut warnings,
    );
    let tldr_origin = (!fields.tldr.is_empty()).then_some(Origin::File);
    Ok(Article {
        id,
        words: count_words(&body.main),
        path,
        title,
        date,
        category: fields.category,
        tags: fields.tags,
        source_url: fields.source_url,
        sentiment,
        tldr: fields.tldr,
        tldr_origin,
        left_out: body.furniture.len(),
        body: body.main,
        extra: fields.extra,
        warnings,
    })
}

/// The title and the sentiment the file at `path` would load with, read as [`parse_article`]
/// reads them but without the work the body alone needs (its words counted, its text
/// copied): what a writer checks to see that what it wrote reads back as meant.
pub fn parse_title_and_sentiment(
    bytes: &[u8],
    path: &Path,
    reading: &Reading,
) -> Result<(String, Sentiment), ParseError> {
    title_and_sentiment(bytes, path, reading, None)
}

/// [`parse_title_and_sentiment`] of `bytes`, a new version of the file whose former bytes
/// `before` load with the title `before_title`. A scrape's headline is found by reading the
/// whole scrape, but it depends on nothing but the scrape's text: when that text is the one
/// `before` has, to the byte, and neither version names a title, the headline is the one
/// found before. So a writer that changes only the front matter reads its work back for
/// little more than the cost of that front matter.
pub fn parse_title_and_sentiment_after(
    before: &[u8],
    before_title: &str,
    bytes: &[u8],
    path: &Path,
    reading: &Reading,
) -> Result<(String, Sentiment), ParseError> {
    title_and_sentiment(bytes, path, reading, Some((before, before_title)))
}

fn title_and_sentiment(
    bytes: &[u8],
    path: &Path,
    reading: &Reading,
    before: Option<(&[u8], &str)>,
) -> Result<(String, Sentiment), ParseError> {
    let mut warnings = Vec::new();
    let text = clean_text(bytes, &reading.limits, &mut warnings)?;
    let head = read_head(&text, path, &reading.limits, &mut warnings)?;
    let (fields, title) = match head.how {
        How::Page => {
            let parts = kinds::page(&text, path);
            (parts.fields, parts.title)
        }
        How::Scrape => {
            let title = match before {
                Some((before, before_title))
                    if head.fields.title.is_none()
                        && untitled_scrape_of(before, path, reading).as_deref()
                            == Some(head.body) =>
                {
                    before_title.to_owned()
                }
                _ => kinds::scrape_title(&head.fields, head.body, path),
            };
            (head.fields, title)
        }
        How::Written { front_matter } => {
            let (title, _) = written_title(&head.fields, head.body, front_matter, path);
            (head.fields, title)
        }
    };
    let sentiment = sentiment(
        fields.sentiment_score,
        fields.sentiment_label,
        reading.scale,
        &mut warnings,
    );
    Ok((title, sentiment))
}

/// The text of the scrape in `bytes` when it is read as one and names no title of its own.
fn untitled_scrape_of(bytes: &[u8], path: &Path, reading: &Reading) -> Option<String> {
    let text = clean_text(bytes, &reading.limits, &mut Vec::new()).ok()?;
    let head = read_head(&text, path, &reading.limits, &mut Vec::new()).ok()?;
    (head.how == How::Scrape && head.fields.title.is_none()).then(|| head.body.to_owned())
}

/// The body [`parse_article`] gives the file at `path`, whose bytes are `bytes`, without the
/// work the rest of the article needs (the words counted, the sentiment and the TL;DR
/// estimated): what is read again when an article is opened. The front matter is read again
/// too, since what it holds decides how the rest of the file is read (a scrape or Markdown).
pub fn parse_body(bytes: &[u8], path: &Path, reading: &Reading) -> Result<String, ParseError> {
    parse_body_parts(bytes, path, reading).map(|body| body.main)
}

/// The body of the file at `path` with what was left out of it: the page furniture and the
/// whole text, for `show --all` and the reader.
pub fn parse_body_parts(bytes: &[u8], path: &Path, reading: &Reading) -> Result<Body, ParseError> {
    let text = clean_text(bytes, &reading.limits, &mut Vec::new())?;
    Ok(read_parts(&text, path, &reading.limits, &mut Vec::new())?.body)
}

/// The file's text, decoded and sanitised, or why it is not an article.
fn clean_text(
    bytes: &[u8],
    limits: &Limits,
    warnings: &mut Vec<String>,
) -> Result<String, ParseError> {
    if bytes.is_empty() {
        return Err(ParseError::Empty);
    }
    if bytes.contains(&0) {
        return Err(ParseError::Binary);
    }
    // Valid UTF-8, by far the usual case, is checked by the fast validator first.
    let decoded = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => {
            warnings.push(
                "the file is not valid UTF-8; bytes that could not be read are shown as �"
                    .to_owned(),
            );
            String::from_utf8_lossy(bytes)
        }
    };
    let raw = decoded.strip_prefix('\u{feff}').unwrap_or(&decoded);
    refuse_tab_indented_yaml(raw, limits)?;
    let text = sanitize(raw);
    if text.trim().is_empty() {
        return Err(ParseError::Blank);
    }
    Ok(text)
}

/// The front matter's fields, the title (from the front matter, else the body, else the file
/// name) and the body of the cleaned `text` of the file at `path`, read as its [`Kind`] is.
fn read_parts(
    text: &str,
    path: &Path,
    limits: &Limits,
    warnings: &mut Vec<String>,
) -> Result<Parts, ParseError> {
    let head = read_head(text, path, limits, warnings)?;
    Ok(match head.how {
        How::Page => kinds::page(text, path),
        How::Scrape => kinds::scrape(head.fields, head.body, path),
        How::Written { front_matter } => {
            let (title, body) = written_title(&head.fields, head.body, front_matter, path);
            Parts {
                fields: head.fields,
                title,
                body: Body::of(body.trim_start_matches('\n').to_owned()),
            }
        }
    })
}

/// How the body of a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    /// A saved web page, read whole by the page reader.
    Page,
    /// Plain text read as a scrape: its headline found, its furniture left out.
    Scrape,
    /// Shown as written: Markdown, or a plain-text file given front matter whose body is
    /// written in Markdown.
    Written { front_matter: bool },
}

/// A file's front matter read, and the body after it, not yet read.
struct Head<'t> {
    fields: Fields,
    body: &'t str,
    how: How,
}

/// The front matter of the cleaned `text` of the file at `path`, and how the rest is read.
fn read_head<'t>(
    text: &'t str,
    path: &Path,
    limits: &Limits,
    warnings: &mut Vec<String>,
) -> Result<Head<'t>, ParseError> {
    let kind = Kind::of(path);
    if kind == Kind::Page {
        return Ok(Head {
            fields: Fields::default(),
            body: text,
            how: How::Page,
        });
    }
    let split = frontmatter::split(text).map_err(FrontMatterError::from)?;
    let fields = match split.front_matter {
        Some((format, block)) => {
            frontmatter::parse(format, block, split.first_line, limits, warnings)?
        }
        None => Fields::default(),
    };
    // A text file given front matter by hand (or by `tag`) is a scrape still, unless its body
    // is written in Markdown: then it is a finished article, shown whole.
    let scraped = split.front_matter.is_none() || !kinds::looks_like_markdown(split.body);
    let how = match kind == Kind::Text && scraped {
        true => How::Scrape,
        false => How::Written {
            front_matter: split.front_matter.is_some(),
        },
    };
    Ok(Head {
        fields,
        body: split.body,
        how,
    })
}

/// The title of a body shown as written, and the body without the line the title took.
fn written_title<'b>(
    fields: &Fields,
    body: &'b str,
    front_matter: bool,
    path: &Path,
) -> (String, &'b str) {
    let (title, body) = match front_matter {
        true => {
            let title = fields.title.clone().or_else(|| title_from_body(body));
            (title, body)
        }
        false => {
            let (title, body) = title_and_rest(body);
            (Some(title), body)
        }
    };
    (title.unwrap_or_else(|| file_stem(path)), body)
}

/// Cleaning the text expands tabs, which would let through YAML that indents with tabs, which
/// YAML forbids. So a YAML block holding a tab is first parsed as written, and refused as any
/// YAML parser refuses it. Files without a tab (nearly all) cost one scan for the byte.
fn refuse_tab_indented_yaml(raw: &str, limits: &Limits) -> Result<(), FrontMatterError> {
    if !raw.as_bytes().contains(&b'\t') {
        return Ok(());
    }
    // A block that does not close is reported from the cleaned text.
    let Ok(split) = frontmatter::split(raw) else {
        return Ok(());
    };
    match split.front_matter {
        Some((Format::Yaml, block)) if block.contains('\t') => frontmatter::parse(
            Format::Yaml,
            block,
            split.first_line,
            limits,
            &mut Vec::new(),
        )
        .map(drop),
        _ => Ok(()),
    }
}

/// For text with no front matter: the first line is the title (without its `#` when it is a
/// heading) and the rest is the body. A line too long to be a title stays in the body.
fn title_and_rest(text: &str) -> (String, &str) {
    let mut rest = text;
    loop {
        let start = rest.len() - rest.trim_start().len();
        let text = &rest[start..];
        let (line, after) = text.split_once('\n').unwrap_or((text, ""));
        match crate::title::atx_heading_text(line) {
            // `trim_start`: it stops at the next text, where `trim` would walk back over
            // the white space at the end of the file once per empty heading.
            Some("") if !after.trim_start().is_empty() => {
                // An empty heading (`#` alone) says nothing; the next line may.
                rest = after;
                continue;
            }
            Some(heading) if !heading.is_empty() => return (sanitize_line(heading), after),
            _ => {}
        }
        return match title_from_line(line) {
            (title, true) => (title, after),
            (title, false) => (title, text),
        };
    }
}

/// The title of a body whose front matter has none: its first heading, else its first line.
fn title_from_body(body: &str) -> Option<String> {
    if let Some(heading) = first_heading(body) {
        return Some(sanitize_line(heading));
    }
    body.lines()
        .find(|line| !line.trim().is_empty())
        .map(|line| title_from_line(line).0)
}

fn sentiment(
    score: Option<f64>,
    label: Option<String>,
    scale: Scale,
    warnings: &mut Vec<String>,
) -> Sentiment {
    if let Some(label) = &label {
        match (Bucket::from_label(label), score) {
            (None, _) => warnings.push(format!(
                "`sentiment_label` \"{label}\" is not a known label (it should name positive, neutral or negative)"
            )),
            (Some(bucket), Some(score)) if scale.bucket(score) != bucket => warnings.push(format!(
                "`sentiment_label` \"{label}\" disagrees with `sentiment_score` {score} ({}); the label is used",
                scale.bucket(score)
            )),
            _ => {}
        }
    }
    Sentiment::from_file(score, label, scale)
}

/// Words are runs of text between white space that hold at least one letter or digit, so that
/// Markdown markers (`##`, `-`, `>`) do not count; each is counted at its first letter or
/// digit. This runs over every byte of every body, so blocks of ASCII (nearly all of most
/// text) are judged 64 bytes at a time through bit masks, and only the rest byte by byte.
pub fn count_words(text: &str) -> usize {
    const BLOCK: usize = 64;
    let bytes = text.as_bytes();
    let mut words = WordCount {
        count: 0,
        after_space: true,
    };
    let mut at = 0;
    while let Some(rest) = bytes.get(at..) {
        if let Some(block) = rest.first_chunk::<BLOCK>() {
            match block.iter().position(|b| !b.is_ascii()) {
                None => {
                    words.add_block(block);
                    at += BLOCK;
                    continue;
                }
                Some(ascii) => {
                    block[..ascii]
                        .iter()
                        .for_each(|&byte| words.add_ascii(byte));
                    at += ascii;
                }
            }
        }
        match bytes.get(at) {
            None => break,
            Some(&byte) if byte.is_ascii() => {
                words.add_ascii(byte);
                at += 1;
            }
            Some(_) => {
                // Past ASCII only, so `at` starts a character.
                let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                match crate::words::is_unspaced(c) {
                    // Chinese and Japanese put no space between words: each character counts.
                    true => words.add_unspaced(),
                    false => words.add(c.is_whitespace(), c.is_alphanumeric()),
                }
                at += c.len_utf8();
            }
        }
    }
    words.count
}

/// Words counted so far, and whether the last white space or letter seen was white space (or
/// nothing was seen yet): a letter there starts a word.
struct WordCount {
    count: usize,
    after_space: bool,
}

impl WordCount {
    fn add(&mut self, space: bool, letter: bool) {
        self.count += usize::from(letter & self.after_space);
        self.after_space = space | (self.after_space & !letter);
    }

    /// A character that is a word by itself, and ends one.
    fn add_unspaced(&mut self) {
        self.count += 1;
        self.after_space = true;
    }

    fn add_ascii(&mut self, byte: u8) {
        let class = ASCII_CLASSES[usize::from(byte & 0x7f)];
        self.add(class & WHITESPACE != 0, class & ALPHANUMERIC != 0);
    }

    /// [`WordCount::add`] for 64 ASCII bytes at once. With a bit per byte for white space and
    /// one for letters, the rest is punctuation; a letter starts a word when the white space
    /// bit just before it, carried forward through the punctuation between, reaches it. The
    /// bytes are classed by comparisons rather than [`ASCII_CLASSES`], which the compiler turns
    /// into vector instructions.
    fn add_block(&mut self, block: &[u8; 64]) {
        let mut space_bytes = [0u8; 64];
        let mut letter_bytes = [0u8; 64];
        for ((&b, space), letter) in block.iter().zip(&mut space_bytes).zip(&mut letter_bytes) {
            // `u8::is_ascii_whitespace` and `u8::is_ascii_alphanumeric`, written without branches.
            *space = u8::from(b == b' ')
                | u8::from(b == b'\n')
                | u8::from(b == b'\t')
                | u8::from(b == b'\r')
                | u8::from(b == 0x0c);
            *letter =
                u8::from((b | 0x20).wrapping_sub(b'a') < 26) | u8::from(b.wrapping_sub(b'0') < 10);
        }
        let space = bit_mask(&space_bytes);
        let letter = bit_mask(&letter_bytes);
        let punctuation = !(space | letter);
        // Adding a bit at the start of a run of punctuation carries it to the run's end.
        let after_space = (space << 1) | u64::from(self.after_space);
        let reached = after_space.wrapping_add(punctuation) & !punctuation;
        self.count += (reached & letter).count_ones() as usize;
        let seen = space | letter;
        if seen != 0 {
            let last = 63 - seen.leading_zeros();
            self.after_space = (space >> last) & 1 == 1;
        }
    }
}

/// Bit `i` set where byte `i` is 1 (each byte is 0 or 1): a multiplication gathers each eight
/// bytes' low bits into the top byte of the product.
fn bit_mask(bytes: &[u8; 64]) -> u64 {
    let mut mask = 0;
    for (eighth, eight) in bytes.as_chunks::<8>().0.iter().enumerate() {
        let gathered = u64::from_le_bytes(*eight).wrapping_mul(0x0102_0408_1020_4080) >> 56;
        mask |= gathered << (8 * eighth);
    }
    mask
}

const WHITESPACE: u8 = 1;
const ALPHANUMERIC: u8 = 2;

/// What each ASCII byte is to [`count_words`].
const ASCII_CLASSES: [u8; 128] = {
    let mut classes = [0; 128];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        classes[byte] = if b.is_ascii_whitespace() {
            WHITESPACE
        } else if b.is_ascii_alphanumeric() {
            ALPHANUMERIC
        } else {
            0
        };
        byte += 1;
    }
    classes
};

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub(crate) fn file_stem(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let title = sanitize_line(&stem);
    if title.is_empty() {
        "(untitled)".to_owned()
    } else {
        title
    }
}

#[cfg(test)]
mod read_back_tests;
#[cfg(test)]
mod tests;
