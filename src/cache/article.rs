//! Articles in the cache: every field but the body and the id, with the stamp of the file.
//!
//! An article's id is given by the walk that finds its file (the same folders named another
//! way name it differently), and so is its path: the cache keeps the path only to find the
//! article by it, in one buffer for all articles rather than one allocation each.

use std::io::{Read, Write};
use std::path::PathBuf;

use super::codec::{Damaged, Decoder, Encoder};
use crate::article::{Article, Bucket, Origin, Sentiment};
use crate::date::ArticleDate;
use crate::loader::FileStamp;

/// The fewest bytes an encoded article takes: its file's stamp alone takes this many.
pub const MIN_BYTES: u64 = 8 + 16 + 16;

pub fn encode<W: Write>(out: &mut Encoder<W>, article: &Article, stamp: &FileStamp) {
    out.u64(stamp.size);
    out.i128(stamp.modified);
    out.i128(stamp.changed);
    out.bytes(article.path.as_os_str().as_encoded_bytes());
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
    out.u8(match sentiment.origin {
        None => 0,
        Some(Origin::File) => 1,
        Some(Origin::Estimated) => 2,
    });
    out.strs(&article.tldr);
    out.u64(article.words as u64);
    out.len(article.extra.len());
    for (key, value) in &article.extra {
        out.str(key);
        out.str(value);
    }
    out.strs(&article.warnings);
}

/// Reads an article written by [`encode`], without its id and path: the path's bytes are
/// added to `paths`.
pub fn decode<R: Read>(
    input: &mut Decoder<R>,
    paths: &mut Vec<u8>,
) -> Result<(Article, FileStamp), Damaged> {
    let stamp = FileStamp {
        size: input.u64()?,
        modified: input.i128()?,
        changed: input.i128()?,
    };
    input.bytes_into(paths)?;
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
    let origin = match input.u8()? {
        0 => None,
        1 => Some(Origin::File),
        2 => Some(Origin::Estimated),
        _ => return Err(Damaged),
    };
    let tldr = input.strings()?;
    let words = usize::try_from(input.u64()?).map_err(|_| Damaged)?;
    let extra_count = input.len(16)?;
    let mut extra = Vec::new();
    for _ in 0..extra_count {
        extra.push((input.string()?, input.string()?));
    }
    let warnings = input.strings()?;
    let article = Article {
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
        body: String::new(),
        words,
        extra,
        warnings,
    };
    Ok((article, stamp))
}
