//! Articles in the cache: every field but the body and the id, with the stamp of the file.
//!
//! An article's id is given by the walk that finds its file (the same folders named another
//! way name it differently), and so is its path: the cache keeps the path only to find the
//! article by it, in one buffer for all articles rather than one allocation each.
//!
//! The rest of an article is written as one value with its length before it, so that opening
//! the cache only copies it aside ([`EncodedArticles`]): an article is decoded when it is
//! first used, and a search that shows a few articles of a large library decodes those few.

use std::io::{Read, Write};
use std::path::PathBuf;

use crate::article::{Article, Bucket, Origin, Sentiment};
use crate::codec::{Damaged, Decoder, Encoder};
use crate::date::ArticleDate;
use crate::loader::FileStamp;

/// The fewest bytes an encoded article takes: its file's stamp alone takes this many.
pub const MIN_BYTES: u64 = 8 + 16 + 16;

pub fn encode<W: Write>(out: &mut Encoder<W>, article: &Article, stamp: &FileStamp) {
    out.u64(stamp.size);
    out.i128(stamp.modified);
    out.i128(stamp.changed);
    out.bytes(article.path.as_os_str().as_encoded_bytes());
    out.sized(|out| encode_rest(out, article));
}

fn encode_rest<W: Write>(out: &mut Encoder<W>, article: &Article) {
    out.str(&article.title);
    out.option_str(article.date.map(|d| d.to_iso()).as_deref());
    out.option_str(article.category.as_deref());
    out.strs(&article.tags);
    out.option_str(article.source_url.as_deref());
    let sentiment = &article.sentiment;
    match sentiment.score {
        Some(score) => {
            out.u8(1);
            out.f64(score);
        }
        None => out.u8(0),
    }
    out.option_str(sentiment.label.as_deref());
    out.u8(match sentiment.bucket {
        None => 0,
        Some(Bucket::Positive) => 1,
        Some(Bucket::Neutral) => 2,
        Some(Bucket::Negative) => 3,
    });
    out.u8(origin_byte(sentiment.origin));
    out.strs(&article.tldr);
    out.u64(article.words as u64);
    out.len(article.extra.len());
    for (key, value) in &article.extra {
        out.str(key);
        out.str(value);
    }
    out.strs(&article.warnings);
    // Since cache version 13: where the TL;DR came from, and the lines left out of the body.
    out.u8(origin_byte(article.tldr_origin));
    out.u64(article.left_out as u64);
}

fn origin_byte(origin: Option<Origin>) -> u8 {
    match origin {
        None => 0,
        Some(Origin::File) => 1,
        Some(Origin::Estimated) => 2,
    }
}

fn origin_of(byte: u8) -> Result<Option<Origin>, Damaged> {
    match byte {
        0 => Ok(None),
        1 => Ok(Some(Origin::File)),
        2 => Ok(Some(Origin::Estimated)),
        _ => Err(Damaged),
    }
}

/// Reads an article written by [`encode`] as far as opening the cache needs: its stamp, its
/// path's bytes (added to `paths`) and the rest of it as it is (added to `encoded`).
pub fn decode_listed<R: Read>(
    input: &mut Decoder<R>,
    paths: &mut Vec<u8>,
    encoded: &mut EncodedRun,
) -> Result<FileStamp, Damaged> {
    let stamp = FileStamp {
        size: input.u64()?,
        modified: input.i128()?,
        changed: input.i128()?,
    };
    input.bytes_into(paths)?;
    input.bytes_into(&mut encoded.bytes)?;
    encoded.ends.push(encoded.bytes.len());
    Ok(stamp)
}

/// The articles of a cache file as they were written, but for their stamps and paths: a
/// buffer for each section of articles, as it was read.
#[derive(Debug, Default)]
pub struct EncodedArticles {
    runs: Vec<EncodedRun>,
    /// How many articles come before each run.
    firsts: Vec<usize>,
    len: usize,
}

/// The articles of one section, in one buffer.
#[derive(Debug, Default)]
pub struct EncodedRun {
    bytes: Vec<u8>,
    /// Where each article ends in `bytes`; it starts where the one before ends.
    ends: Vec<usize>,
}

impl EncodedRun {
    pub(super) fn with_capacity(articles: usize) -> EncodedRun {
        EncodedRun {
            bytes: Vec::new(),
            ends: Vec::with_capacity(articles),
        }
    }

    fn get(&self, at: usize) -> Option<&[u8]> {
        let start = match at.checked_sub(1) {
            Some(before) => *self.ends.get(before)?,
            None => 0,
        };
        self.bytes.get(start..*self.ends.get(at)?)
    }
}

impl EncodedArticles {
    pub fn len(&self) -> usize {
        self.len
    }

    /// Adds the articles of the next section.
    pub(super) fn push(&mut self, run: EncodedRun) {
        self.firsts.push(self.len);
        self.len += run.ends.len();
        self.runs.push(run);
    }

    fn get(&self, doc: usize) -> Option<&[u8]> {
        let run = self
            .firsts
            .partition_point(|&first| first <= doc)
            .checked_sub(1)?;
        self.runs.get(run)?.get(doc - self.firsts[run])
    }

    /// Article `doc`, known by `id` and read from `path`. Its bytes were checked against the
    /// cache file's checksum when the file was opened, so they only fail to decode if the
    /// program wrote what it cannot read; the article is then shown by its id with a warning
    /// rather than lost.
    pub fn decode(&self, doc: usize, id: String, path: PathBuf) -> Article {
        let mut article = (self.get(doc))
            .and_then(|bytes| {
                let mut input = Decoder::of_checked(bytes);
                let article = decode_rest(&mut input).ok()?;
                input.finish_checked().ok().map(|()| article)
            })
            .unwrap_or_else(|| unreadable(&id));
        article.id = id;
        article.path = path;
        article
    }
}

/// An article whose cached copy cannot be decoded, shown by its id.
fn unreadable(id: &str) -> Article {
    Article {
        id: String::new(),
        path: PathBuf::new(),
        title: id.to_owned(),
        date: None,
        category: None,
        tags: Vec::new(),
        source_url: None,
        sentiment: Sentiment::default(),
        tldr: Vec::new(),
        tldr_origin: None,
        body: String::new(),
        left_out: 0,
        words: 0,
        extra: Vec::new(),
        warnings: vec![
            "its copy in the cache could not be read (--no-cache reads its file)".to_owned(),
        ],
    }
}

/// The rest of an article, as [`encode_rest`] wrote it.
fn decode_rest<R: Read>(input: &mut Decoder<R>) -> Result<Article, Damaged> {
    let title = input.string()?;
    let date = match input.option_string()? {
        Some(iso) => Some(ArticleDate::parse(&iso).map_err(|_| Damaged)?),
        None => None,
    };
    let category = input.option_string()?;
    let tags = input.strings()?;
    let source_url = input.option_string()?;
    let score = match input.u8()? {
        0 => None,
        1 => Some(input.f64()?),
        _ => return Err(Damaged),
    };
    let label = input.option_string()?;
    let bucket = match input.u8()? {
        0 => None,
        1 => Some(Bucket::Positive),
        2 => Some(Bucket::Neutral),
        3 => Some(Bucket::Negative),
        _ => return Err(Damaged),
    };
    let origin = origin_of(input.u8()?)?;
    let tldr = input.strings()?;
    let words = usize::try_from(input.u64()?).map_err(|_| Damaged)?;
    let extra_count = input.len(16)?;
    let mut extra = Vec::new();
    for _ in 0..extra_count {
        extra.push((input.string()?, input.string()?));
    }
    let warnings = input.strings()?;
    let tldr_origin = origin_of(input.u8()?)?;
    let left_out = usize::try_from(input.u64()?).map_err(|_| Damaged)?;
    Ok(Article {
        id: String::new(),
        path: PathBuf::new(),
        title,
        date,
        category,
        tags,
        source_url,
        sentiment: Sentiment {
            score,
            label,
            bucket,
            origin,
        },
        tldr,
        tldr_origin,
        body: String::new(),
        left_out,
        words,
        extra,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An article whose bytes passed the checksum but cannot be decoded (only a program that
    /// wrote what it cannot read makes one) is shown by its id with a warning: not lost, and
    /// no panic.
    #[test]
    fn an_article_that_cannot_be_decoded_is_shown_by_its_id() {
        let mut articles = EncodedArticles::default();
        articles.push(EncodedRun {
            bytes: vec![0xff; 12],
            ends: vec![4, 12],
        });
        assert_eq!(articles.len(), 2);
        for doc in [0, 1, 2] {
            let article = articles.decode(doc, "a.md".to_owned(), PathBuf::from("/l/a.md"));
            assert_eq!(article.title, "a.md");
            assert_eq!(article.path, PathBuf::from("/l/a.md"));
            assert_eq!(article.warnings.len(), 1, "{:?}", article.warnings);
        }
    }

    #[test]
    fn articles_are_found_across_runs() {
        let encode = |title: &str| {
            let mut out = Encoder::new(Vec::new());
            let mut article = unreadable(title);
            article.warnings.clear();
            out.sized(|out| encode_rest(out, &article));
            let mut bytes = out.finish().unwrap();
            bytes.truncate(bytes.len() - 8);
            bytes.split_off(8)
        };
        let mut articles = EncodedArticles::default();
        for titles in [&["a", "b"][..], &[], &["c"]] {
            let mut run = EncodedRun::with_capacity(titles.len());
            for title in titles {
                run.bytes.extend(encode(title));
                run.ends.push(run.bytes.len());
            }
            articles.push(run);
        }
        let titles: Vec<String> = (0..4)
            .map(|doc| articles.decode(doc, String::new(), PathBuf::new()).title)
            .collect();
        assert_eq!(titles, ["a", "b", "c", ""]);
    }
}
