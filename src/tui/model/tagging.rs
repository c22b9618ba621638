//! Tagging by hand: the picker's model, the write it asks for, and what undoing a write needs.

use std::ops::RangeInclusive;
use std::path::PathBuf;

use crate::article::{Article, Bucket, Scale, Sentiment};
use crate::loader::FileStamp;
use crate::reading::Reading;
use crate::tagger::{Tag, Written};

/// The lowest and highest score of the house scale, which the picker offers.
const SCORES: RangeInclusive<u8> = 1..=10;

/// How many writes `u` can take back; each holds two copies of a file.
pub const UNDO_DEPTH: usize = 20;

/// The picker open over the list or the reader.
#[derive(Debug, Clone, PartialEq)]
pub struct TagPicker {
    /// The article's id, for messages.
    pub id: String,
    pub path: PathBuf,
    pub title: String,
    /// The sentiment it has now, shown for comparison.
    pub current: Sentiment,
    /// Its file's stamp when the library read it: the write is refused if it changed since.
    pub stamp: Option<FileStamp>,
    pub bucket: Bucket,
    pub score: u8,
    /// How the library reads files: the write is checked by reading it back the same way,
    /// and the scale decides which bucket a score is in.
    pub reading: Reading,
}

impl TagPicker {
    /// A picker for `article`, starting from its sentiment (estimated or not) so that
    /// confirming an estimate takes one key; neutral 5 when it has none.
    pub fn new(article: &Article, stamp: Option<FileStamp>, reading: Reading) -> TagPicker {
        let scale = reading.scale;
        let sentiment = &article.sentiment;
        let bucket = sentiment
            .bucket
            .or_else(|| sentiment.score.map(|score| scale.bucket(score)))
            .unwrap_or(Bucket::Neutral);
        let score = sentiment
            .score
            .map(|s| s.round().clamp(1.0, 10.0) as u8)
            .unwrap_or(5);
        TagPicker {
            id: article.id.clone(),
            path: article.path.clone(),
            title: article.title.clone(),
            current: sentiment.clone(),
            stamp,
            bucket,
            score: nearest_in(bucket, score, scale),
            reading,
        }
    }

    /// Moves to the bucket `delta` rows away (positive, neutral, negative), bringing the score
    /// into it.
    pub fn move_bucket(&mut self, delta: isize) {
        let at = Bucket::ALL
            .iter()
            .position(|&b| b == self.bucket)
            .unwrap_or(1);
        let to = at.saturating_add_signed(delta).min(Bucket::ALL.len() - 1);
        self.bucket = Bucket::ALL[to];
        self.score = nearest_in(self.bucket, self.score, self.reading.scale);
    }

    /// Raises or lowers the score within the scale; the bucket follows it, so that the label
    /// written always agrees with the score.
    pub fn change_score(&mut self, delta: i8) {
        let score = self.score.saturating_add_signed(delta);
        self.score = score.clamp(*SCORES.start(), *SCORES.end());
        self.bucket = self.reading.scale.bucket(f64::from(self.score));
    }

    /// The tag to write: the score and the bucket's canonical label.
    pub fn tag(&self) -> Tag {
        Tag::new(f64::from(self.score), self.bucket.canonical_label())
            .expect("the picker keeps the score on the scale and the label is canonical")
    }

    /// The write the picker asks for, into a file inside `roots`.
    pub fn request(&self, roots: Vec<PathBuf>) -> TagRequest {
        TagRequest {
            id: self.id.clone(),
            path: self.path.clone(),
            tag: self.tag(),
            expected: self.stamp,
            reading: self.reading,
            roots,
        }
    }
}

/// The whole scores of `bucket` on `scale`: at the house cut points, negative 1 to 4,
/// neutral 5 and 6, positive 7 to 10.
fn scores_of(bucket: Bucket, scale: Scale) -> RangeInclusive<u8> {
    let in_bucket = |s: &u8| scale.bucket(f64::from(*s)) == bucket;
    let lowest = SCORES.clone().find(in_bucket);
    let highest = SCORES.clone().rev().find(in_bucket);
    lowest.unwrap_or(1)..=highest.unwrap_or(10)
}

fn nearest_in(bucket: Bucket, score: u8, scale: Scale) -> u8 {
    let scores = scores_of(bucket, scale);
    score.clamp(*scores.start(), *scores.end())
}

/// A tag to write into the file of article `id` at `path`, refused unless the file still has
/// the stamp `expected`.
#[derive(Debug, Clone, PartialEq)]
pub struct TagRequest {
    pub id: String,
    pub path: PathBuf,
    pub tag: Tag,
    pub expected: Option<FileStamp>,
    /// How the library reads the file.
    pub reading: Reading,
    /// The library's folders and files: the file must lie inside them, every link followed.
    pub roots: Vec<PathBuf>,
}

impl TagRequest {
    /// The sentiment the article has once the tag is in its file.
    pub fn sentiment(&self) -> Sentiment {
        Sentiment::from_file(
            Some(self.tag.score()),
            Some(self.tag.label.clone()),
            self.reading.scale,
        )
    }
}

/// Something `U` can take back: a tag written, or articles marked read all at once.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// A tag written into a file.
    Tag(Undo),
    /// These articles were marked read by `M`; they were unread before.
    MarkedRead(Vec<String>),
}

/// A write that `U` can take back.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    pub id: String,
    /// The article's path, as the library knows it.
    pub path: PathBuf,
    pub written: Written,
    /// The sentiment the article had before the write, which it has again after the undo.
    pub previous: Sentiment,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_cover_the_scale_at_the_house_cut_points() {
        let scale = Scale::default();
        assert_eq!(scores_of(Bucket::Negative, scale), 1..=4);
        assert_eq!(scores_of(Bucket::Neutral, scale), 5..=6);
        assert_eq!(scores_of(Bucket::Positive, scale), 7..=10);
    }
}
