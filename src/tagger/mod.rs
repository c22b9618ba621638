//! Writing sentiment into article files without losing a byte.
//!
//! The writer puts `sentiment_score` and `sentiment_label` into a file's front matter as two
//! new lines and keeps every other byte as it was: comments, key order, quoting, line endings
//! and the body. A file without front matter gets a new YAML block at the top. Before anything
//! is written, the new bytes are parsed as the loader would parse them, and the write is
//! refused unless they read back as the tag asked for, with the same title.
//!
//! Writes are atomic and durable: the new bytes go to a temporary file in the same folder,
//! given the file's owner, group, mode and extended attributes before a byte is written, which
//! is synced to disk and then renamed over the file. A write is refused when the file no
//! longer holds the bytes it was read with, so that an edit made meanwhile is never lost; when
//! the file, every link followed, lies outside the library's roots ([`Roots`]); when it is
//! read-only (unless asked to) or has other names (hard links, which a rename would part);
//! and when its owner, group or extended attributes cannot be kept.
//!
//! One file is written by [`tag_file`] and its kin. Many files are written faster in a batch:
//! [`stage`] each into a [`Batch`] (in parallel if you like), then [`commit`] them all, which
//! syncs their data in one pass before renaming any. A batch resolves each folder's links
//! once.
//!
//! This is the API the interactive reader uses to tag by hand:
//!
//! ```no_run
//! use moodwire::tagger::{self, Tag};
//!
//! # fn main() -> Result<(), moodwire::tagger::TagError> {
//! let path = std::path::Path::new("articles/2026-02-01-story.md");
//! let tag = Tag::new(7.0, "Bullish/Positive")?;
//! let reading = moodwire::Reading::default();
//! let options = tagger::Options {
//!     replace: true,
//!     ..tagger::Options::within(&["articles".into()])
//! };
//! let written = tagger::tag_file(path, &tag, None, &options, &reading)?;
//! // Later, to undo: restores the previous bytes unless the file changed since.
//! tagger::undo(&written)?;
//! # Ok(()) }
//! ```

mod atomic;
mod batch;
mod check;
mod create;
mod durable;
mod folders;
mod insert;
mod keep;
mod roots;
mod staged;
mod temporary;

use std::path::{Path, PathBuf};

use crate::article::Article;
use crate::loader::FileStamp;
use crate::parse::{parse_article, parse_title_and_sentiment_after};
use crate::reading::Reading;

pub use atomic::replace_file;
pub use batch::commit;
pub use create::{NewFile, create_all};
use folders::Folders;
use insert::with_tag;
pub use roots::Roots;
pub use staged::Staged;

/// A sentiment to write: a score on the house scale and a label; and maybe a TL;DR.
#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    score: f64,
    /// The label, written as it is.
    pub label: String,
    /// A TL;DR to write as a `tldr:` list beside the sentiment (`tag --tldr`), if any.
    pub tldr: Vec<String>,
    /// False for a TL;DR written alone into a file whose sentiment stays as it is.
    writes_sentiment: bool,
}

impl Tag {
    /// A tag; the score must be on the scale of 1 to 10 and the label one line.
    pub fn new(score: f64, label: impl Into<String>) -> Result<Tag, TagError> {
        let label = label.into();
        if !(1.0..=10.0).contains(&score) {
            return Err(TagError::Invalid(format!(
                "the score {score} is not on the scale of 1 to 10"
            )));
        }
        if label.trim().is_empty() || label.chars().any(char::is_control) {
            return Err(TagError::Invalid(
                "the label must be one line of text".into(),
            ));
        }
        Ok(Tag {
            score,
            label,
            tldr: Vec::new(),
            writes_sentiment: true,
        })
    }

    /// A TL;DR alone, for a file that carries a sentiment already, which is kept as it is.
    pub fn tldr_alone(tldr: Vec<String>) -> Result<Tag, TagError> {
        if tldr.is_empty() {
            return Err(TagError::Invalid("an empty TL;DR".into()));
        }
        Tag {
            score: 5.5,
            label: String::new(),
            tldr: Vec::new(),
            writes_sentiment: false,
        }
        .with_tldr(tldr)
    }

    /// Whether the sentiment is written (else only the TL;DR is, [`Tag::tldr_alone`]).
    pub fn writes_sentiment(&self) -> bool {
        self.writes_sentiment
    }

    /// The same tag with a TL;DR to write too; its items must be one line each.
    pub fn with_tldr(self, tldr: Vec<String>) -> Result<Tag, TagError> {
        if tldr
            .iter()
            .any(|item| item.trim().is_empty() || item.chars().any(char::is_control))
        {
            return Err(TagError::Invalid(
                "each TL;DR item must be one line of text".into(),
            ));
        }
        Ok(Tag { tldr, ..self })
    }

    /// The score, on the scale of 1 to 10.
    pub fn score(&self) -> f64 {
        self.score
    }

    /// The score as written: `6`, `7.5`.
    pub fn score_text(&self) -> String {
        if self.score.fract() == 0.0 {
            format!("{:.0}", self.score)
        } else {
            self.score.to_string()
        }
    }
}

/// Why a file was not tagged.
#[derive(Debug, thiserror::Error)]
pub enum TagError {
    /// The file already carries a sentiment, and replacing it was not asked for.
    #[error("the file already carries sentiment (--force replaces it)")]
    AlreadyTagged,
    /// The file no longer holds the bytes it was read with.
    #[error("the file changed since it was read; read it again and retry")]
    Changed,
    /// The tag cannot be written as it is: why, in a sentence.
    #[error("{0}")]
    Invalid(String),
    /// The file is not one the writer can tag safely: why, in a sentence.
    #[error("cannot tag this file: {0}")]
    Unsupported(String),
    /// No temporary file could be written in the folder beside the file.
    #[error(
        "cannot write a temporary file beside it in {}: {}",
        crate::loader::display_path(.folder),
        crate::loader::describe_io_error(.source)
    )]
    Temporary {
        /// The folder of the file.
        folder: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file, every link followed, lies outside the library's roots.
    #[error(
        "{} leads to {}, outside the library's folders; nothing is written there",
        crate::loader::display_path(.path),
        crate::loader::display_path(.target)
    )]
    Outside {
        /// The path as named.
        path: PathBuf,
        /// Where it leads.
        target: PathBuf,
    },
    /// The file is read-only, and writing read-only files was not asked for.
    #[error(
        "{} is read-only; `moodwire tag --write --force` writes it all the same",
        crate::loader::display_path(.path)
    )]
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// The file has other names, which a new file renamed into its place would leave with the
    /// old text.
    #[error(
        "{} has {links} names (hard links), which writing it would part: the others would keep the old text",
        crate::loader::display_path(.path)
    )]
    HardLinks {
        /// The file.
        path: PathBuf,
        /// How many names it has.
        links: u64,
    },
    /// The new file could not be given the file's owner and group.
    #[error(
        "cannot keep the owner and group of {} (user {uid}, group {gid}): {}",
        crate::loader::display_path(.path),
        crate::loader::describe_io_error(.source)
    )]
    Owner {
        /// The file.
        path: PathBuf,
        /// Its owner.
        uid: u32,
        /// Its group.
        gid: u32,
        /// What the system said.
        source: std::io::Error,
    },
    /// The new file could not be given one of the file's extended attributes.
    #[error(
        "cannot keep the extended attribute `{name}` of {}: {}",
        crate::loader::display_path(.path),
        crate::loader::describe_io_error(.source)
    )]
    Attribute {
        /// The file.
        path: PathBuf,
        /// The attribute's name, safe to print.
        name: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file could not be read as an article file (missing, not a regular file, over the
    /// size limit), said as the loader says it.
    #[error("{}: {reason}", crate::loader::display_path(.path))]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why, in a few words.
        reason: String,
    },
    /// The file, its temporary file or its folder could not be read, synced or replaced.
    #[error("{}: {}", crate::loader::display_path(.path), crate::loader::describe_io_error(.source))]
    Io {
        /// The path the system refused.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

/// How to tag, and where writing is allowed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Replace the sentiment a file already carries, instead of refusing.
    pub replace: bool,
    /// Write a read-only file too, instead of refusing (`tag --write --force`).
    pub read_only: bool,
    /// The library's roots: a file that lies outside them, every link followed, is refused.
    /// None (the default) refuses every file.
    pub roots: Roots,
}

impl Options {
    /// Writing inside the library made of `roots` (folders, and files named on their own),
    /// as they resolve now.
    pub fn within(roots: &[PathBuf]) -> Options {
        Options {
            roots: Roots::new(roots),
            ..Options::default()
        }
    }
}

/// A write that happened, with what is needed to undo it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The file written (symbolic links resolved).
    pub path: PathBuf,
    /// The bytes before the write.
    pub previous: Vec<u8>,
    /// The bytes written.
    pub written: Vec<u8>,
    /// How it was written: an undo writes back under the same rules.
    pub options: Options,
}

/// Reads the file at `path` as `reading` says and writes the tag into it, refused unless the
/// file still has the stamp `expected` (for a caller that read it earlier).
pub fn tag_file(
    path: &Path,
    tag: &Tag,
    expected: Option<FileStamp>,
    options: &Options,
    reading: &Reading,
) -> Result<Written, TagError> {
    let (bytes, stamp) = crate::loader::read_regular_file(path, reading.limits.max_file_bytes)
        .map_err(|reason| TagError::Unreadable {
            path: path.to_owned(),
            reason,
        })?;
    if expected.is_some_and(|expected| expected != stamp) {
        return Err(TagError::Changed);
    }
    let before = read_article(path, &bytes, reading)?;
    tag_parsed(path, &bytes, Some(stamp), &before, tag, options, reading)
}

/// Writes the tag into the file at `path`, which was read as `bytes`; refused if the file no
/// longer holds them.
pub fn tag_bytes(
    path: &Path,
    bytes: &[u8],
    tag: &Tag,
    options: &Options,
    reading: &Reading,
) -> Result<Written, TagError> {
    let before = read_article(path, bytes, reading)?;
    tag_parsed(path, bytes, None, &before, tag, options, reading)
}

/// [`tag_bytes`] for a caller that has already parsed the bytes into `before`, and may know
/// the file's stamp from before it read them (`read_stamp`), which spares reading the file
/// again to see that it did not change.
pub fn tag_parsed(
    path: &Path,
    bytes: &[u8],
    read_stamp: Option<FileStamp>,
    before: &Article,
    tag: &Tag,
    options: &Options,
    reading: &Reading,
) -> Result<Written, TagError> {
    let new = tagged_bytes(path, bytes, before, tag, options.replace, reading)?;
    let path = replace_file(path, bytes, read_stamp, &new, options)?;
    Ok(Written {
        path,
        previous: bytes.to_vec(),
        written: new,
        options: options.clone(),
    })
}

/// Many files written together: each is [`stage`]d, on any thread, then all are
/// [`commit`]ted at once.
#[derive(Debug, Default)]
pub struct Batch {
    /// How to tag, and where writing is allowed.
    pub options: Options,
    folders: Folders,
}

impl Batch {
    /// A batch written as `options` say.
    pub fn new(options: Options) -> Batch {
        Batch {
            options,
            folders: Folders::default(),
        }
    }
}

/// The first half of [`tag_parsed`] for a batch: the tagged bytes, checked, written to a
/// temporary file beside the file but not yet synced or renamed; [`commit`] does the rest.
pub fn stage(
    path: &Path,
    bytes: &[u8],
    read_stamp: Option<FileStamp>,
    before: &Article,
    tag: &Tag,
    batch: &Batch,
    reading: &Reading,
) -> Result<Staged, TagError> {
    let options = &batch.options;
    let new = tagged_bytes(path, bytes, before, tag, options.replace, reading)?;
    Staged::write(
        batch.folders.resolve(path, options)?,
        bytes,
        read_stamp,
        &new,
    )
}

/// Puts back the bytes a write replaced, unless the file changed since.
pub fn undo(written: &Written) -> Result<(), TagError> {
    replace_file(
        &written.path,
        &written.written,
        None,
        &written.previous,
        &written.options,
    )
    .map(drop)
}

fn read_article(path: &Path, bytes: &[u8], reading: &Reading) -> Result<Article, TagError> {
    parse_article(bytes, String::new(), path.to_owned(), reading)
        .map_err(|e| TagError::Unsupported(e.to_string()))
}

/// The bytes of the file (parsed as `before`) with the tag in, checked by parsing them as the
/// loader would.
fn tagged_bytes(
    path: &Path,
    bytes: &[u8],
    before: &Article,
    tag: &Tag,
    replace: bool,
    reading: &Reading,
) -> Result<Vec<u8>, TagError> {
    let read_back = |new: &[u8]| {
        parse_title_and_sentiment_after(bytes, &before.title, new, path, reading).map_err(|e| {
            TagError::Unsupported(format!(
                "the front matter would not read back as written ({e}); tag it by hand"
            ))
        })
    };
    if crate::parse::Kind::of(path) == crate::parse::Kind::Page {
        return Err(TagError::Unsupported(
            "a saved web page is not written into (its sentiment is estimated as it is read)"
                .into(),
        ));
    }
    // A scrape given a TL;DR keeps its headline as its title, as a finished article does.
    let keeps_title =
        !tag.tldr.is_empty() && crate::parse::Kind::of(path) == crate::parse::Kind::Text;
    let mut inserted = with_tag(
        bytes,
        tag,
        replace,
        keeps_title.then_some(before.title.as_str()),
    )?;
    let (mut title, mut sentiment) = read_back(&inserted.bytes)?;
    if inserted.new_block && title != before.title && !keeps_title {
        // A heading further down would become the title: the block names the old one.
        inserted = with_tag(bytes, tag, replace, Some(&before.title))?;
        (title, sentiment) = read_back(&inserted.bytes)?;
    }
    let reads_back = match tag.writes_sentiment {
        true => {
            sentiment.origin == Some(crate::article::Origin::File)
                && sentiment.score == Some(tag.score)
                && sentiment.label.as_deref() == Some(tag.label.as_str())
        }
        false => sentiment == before.sentiment,
    };
    if !reads_back || title != before.title || !tldr_reads_back(&inserted.bytes, path, tag, reading)
    {
        return Err(TagError::Unsupported(
            "the front matter would not read back as written; tag it by hand".into(),
        ));
    }
    Ok(inserted.bytes)
}

/// True when the TL;DR `tag` writes (if any) reads back from `bytes` as the file's own.
fn tldr_reads_back(bytes: &[u8], path: &Path, tag: &Tag, reading: &Reading) -> bool {
    if tag.tldr.is_empty() {
        return true;
    }
    parse_article(bytes, String::new(), path.to_owned(), reading).is_ok_and(|article| {
        article.tldr == tag.tldr && article.tldr_origin == Some(crate::article::Origin::File)
    })
}

#[cfg(test)]
mod tests;
