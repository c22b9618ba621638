//! The persistent cache: reopening an unchanged library parses nothing.
//!
//! One file per set of library folders, in the user's cache directory, holds every article
//! (without its body) with the size, modification time and change time its file had when it
//! was read, and the built index. A file whose stamp still matches is not read again. A cache that is
//! damaged, from another version or made with other reading is ignored and replaced, silently:
//! it only ever saves time.

mod article;
mod later;
mod prune;
mod sections;

use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::codec::Damaged;
pub(crate) use article::EncodedArticles;
use article::EncodedRun;
use rustc_hash::FxHashMap;
use sections::SectionWriter;

use crate::article::Article;
use crate::index::{HeadAsRead, Index, Shard, ShardToWrite};
use crate::loader::{FileStamp, open_regular_file};
use crate::parallel;
use crate::reading::Reading;
use crate::replace_file;

/// Bumped whenever the layout changes, so that an older cache is ignored.
const FORMAT_VERSION: u32 = 13;
const MAGIC: &[u8] = b"moodwire cache\n";

/// Where cache files are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheStore {
    dir: PathBuf,
}

/// What a cache file held.
#[derive(Debug)]
pub(crate) struct Cached {
    /// In date order, the index's document order, as they were written: an article is
    /// decoded when it is used, with the id and path the walk that finds its file gives.
    pub articles: EncodedArticles,
    /// The path each article was read from, to find it by.
    pub paths: CachedPaths,
    pub stamps: Vec<FileStamp>,
    pub index: Index,
    /// Where the file holds each shard's postings and word streams.
    pub sections: ShardSections,
}

/// Where a cache file holds the postings and word streams of the shards of the index read
/// from it, so that the next cache written can copy them as they are (they are most of the
/// file) when it keeps those shards.
#[derive(Debug, Clone)]
pub(crate) struct ShardSections {
    file: Arc<fs::File>,
    /// Each shard's postings section and word streams section, in shard order.
    sections: Vec<(Range<u64>, Range<u64>)>,
    /// The number, in the index to be written, of the first of these shards.
    first_shard: usize,
}

impl ShardSections {
    /// The same shards, numbered from `first_shard` in the index to be written.
    pub fn numbered_from(self, first_shard: usize) -> ShardSections {
        ShardSections {
            first_shard,
            ..self
        }
    }

    /// Only the shards `keep` marks, in order.
    pub fn keeping(self, keep: &[bool]) -> ShardSections {
        let sections = (self.sections.into_iter().zip(keep))
            .filter_map(|(sections, &kept)| kept.then_some(sections))
            .collect();
        ShardSections { sections, ..self }
    }

    /// The postings and word streams sections of shard `at` of the index to be written, if it
    /// is one of these.
    fn of(&self, at: usize) -> Option<(&fs::File, Range<u64>, Range<u64>)> {
        let (postings, streams) = self.sections.get(at.checked_sub(self.first_shard)?)?;
        Some((&self.file, postings.clone(), streams.clone()))
    }
}

impl<'a> ShardOut<'a> {
    /// Shard `at` of the index, copied if `copied` says where it lies in a cache file.
    fn copy(copied: Option<&'a ShardSections>, at: usize, shard: &'a Shard) -> Option<Self> {
        let (file, postings, streams) = copied?.of(at)?;
        Some(ShardOut::Copied(
            shard.head_as_read()?,
            file,
            postings,
            streams,
        ))
    }
}

/// How a shard goes into a cache file.
enum ShardOut<'a> {
    /// Its postings and word streams copied from the cache file it was read from.
    Copied(HeadAsRead<'a>, &'a fs::File, Range<u64>, Range<u64>),
    /// Written from memory.
    Written(ShardToWrite<'a>),
}

/// Each cached article's path as bytes ([`std::ffi::OsStr::as_encoded_bytes`]), all in one
/// buffer, and a table to find an article by its path.
#[derive(Debug, Default)]
pub(crate) struct CachedPaths {
    bytes: Vec<u8>,
    /// Where each path ends in `bytes`; it starts where the one before ends.
    ends: Vec<usize>,
    /// Each path's article by the path's hash. It is made on the thread that reads the cache,
    /// which finishes before the walk of the folders does, so that matching the walk's files
    /// to cached articles is only looking up. Two paths with the same hash are each other's
    /// only rivals: the second is left out and its file read again, which is right, only
    /// slower.
    by_hash: FxHashMap<u64, u32>,
}

impl CachedPaths {
    /// The path of article `doc`.
    pub fn get(&self, doc: usize) -> Option<&[u8]> {
        let end = *self.ends.get(doc)?;
        let start = doc.checked_sub(1).map_or(0, |before| self.ends[before]);
        self.bytes.get(start..end)
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    fn append(&mut self, other: CachedPaths) {
        if self.ends.is_empty() {
            *self = other;
            return;
        }
        let offset = self.bytes.len();
        self.bytes.extend_from_slice(&other.bytes);
        self.ends.extend(other.ends.iter().map(|end| end + offset));
    }

    /// Makes the table [`CachedPaths::find`] looks paths up in.
    fn make_table(&mut self) {
        let mut by_hash = FxHashMap::with_capacity_and_hasher(self.len(), Default::default());
        for doc in 0..self.len() {
            if let Some(path) = self.get(doc) {
                by_hash.entry(hash(path)).or_insert(doc as u32);
            }
        }
        self.by_hash = by_hash;
    }

    /// The article read from `path`, given as bytes.
    pub fn find(&self, path: &[u8]) -> Option<u32> {
        let doc = *self.by_hash.get(&hash(path))?;
        (self.get(doc as usize) == Some(path)).then_some(doc)
    }
}

fn hash(bytes: &[u8]) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(bytes)
}

impl CacheStore {
    /// The cache files kept in `dir`.
    pub fn new(dir: PathBuf) -> CacheStore {
        CacheStore { dir }
    }

    /// The user's cache directory (`$XDG_CACHE_HOME/moodwire` on Linux), or the folder in
    /// `MOODWIRE_CACHE_DIR` when that is set.
    pub fn user() -> Option<CacheStore> {
        if let Some(dir) = std::env::var_os("MOODWIRE_CACHE_DIR").filter(|d| !d.is_empty()) {
            return Some(CacheStore::new(dir.into()));
        }
        let dirs = directories::ProjectDirs::from("", "", "moodwire")?;
        Some(CacheStore::new(dirs.cache_dir().to_path_buf()))
    }

    /// The cache of the library made of `roots`, if there is a usable one. Its sections are
    /// decoded on all cores, each read as a stream, so the file is never held in memory
    /// beside what it describes. The index's postings and word streams are left in the
    /// file until a search needs them (a search for a word reads only the postings of that
    /// word); the index keeps the file open for that, so a cache written over it meanwhile
    /// (always by renaming another file into its place) does not change what it reads.
    ///
    /// The file is opened as articles are (a named pipe or a device in its place is passed
    /// over, never waited on or read), and no larger than `limits.max_cache_bytes`; opening
    /// it marks it used, and then the folder is pruned (see [`prune`]).
    pub(crate) fn load(&self, roots: &[PathBuf], reading: &Reading) -> Option<Cached> {
        let path = self.file_for(roots);
        let max_bytes = reading.limits.max_cache_bytes;
        let opened = open_regular_file(&path, max_bytes).ok();
        if let Some((file, _)) = &opened {
            // Its modification time is when it was last used, which the pruning goes by.
            let _ = file.set_modified(std::time::SystemTime::now());
        }
        prune::prune(&self.dir, max_bytes);
        let (file, _) = opened?;
        decode(Arc::new(file), &path, &header(roots, reading)).ok()
    }

    /// Replaces the cache of the library made of `roots`. The shards `copied` says where to
    /// find in the cache file they were read from are copied from there as they are. Failing
    /// to write is not an error: the next start is only slower.
    pub(crate) fn save(
        &self,
        roots: &[PathBuf],
        reading: &Reading,
        articles: &[Article],
        stamps: &[FileStamp],
        index: &Index,
        copied: Option<&ShardSections>,
    ) {
        // The others are read back now if they were left in a cache file; if that cannot be
        // done, the index is lost with that file, and this library's cache is written again
        // once it is read from its files.
        let Ok(shards) = (index.shards().iter().enumerate())
            .map(|(at, shard)| match ShardOut::copy(copied, at, shard) {
                Some(copy) => Ok(copy),
                None => shard.to_write().map(ShardOut::Written),
            })
            .collect::<Result<Vec<ShardOut>, Damaged>>()
        else {
            return;
        };
        if stamps.len() != articles.len() {
            return;
        }
        let header = header(roots, reading);
        let per_section = articles.len().div_ceil(parallel::cores()).max(1);
        let section_starts = (0..articles.len()).step_by(per_section);
        let path = self.file_for(roots);
        replace_file::remove_stale(&self.dir);
        // The cache only saves time, so it is not worth a sync: a crash leaves the old one.
        let written = crate::replace_file::replace(&path, false, |out| {
            let mut sections = SectionWriter::new(out);
            sections.section(|out| {
                out.bytes(&header);
                out.len(section_starts.len());
                for start in section_starts.clone() {
                    out.len(per_section.min(articles.len() - start));
                }
                out.len(shards.len());
            })?;
            for start in section_starts {
                let end = articles.len().min(start + per_section);
                sections.section(|out| {
                    for doc in start..end {
                        article::encode(out, &articles[doc], &stamps[doc]);
                    }
                })?;
            }
            for shard in &shards {
                match shard {
                    ShardOut::Copied(head, file, postings, streams) => {
                        sections.section(|out| head.encode(out))?;
                        sections.copy(file, postings.clone())?;
                        sections.copy(file, streams.clone())?;
                    }
                    ShardOut::Written(shard) => {
                        sections.section(|out| shard.encode_head(out))?;
                        sections.section(|out| shard.encode_postings(out))?;
                        sections.section(|out| shard.encode_streams(out))?;
                    }
                }
            }
            sections.finish().map(drop)
        });
        // A section to copy no longer matched its checksum: the cache file it was to be
        // copied from was damaged since it was read, and is removed (unless another was
        // written in its place since), so that the next start writes a new one.
        let copy_refused = written
            .as_ref()
            .err()
            .and_then(|error| error.get_ref())
            .is_some_and(|error| error.is::<Damaged>());
        if let (true, Some(copied)) = (copy_refused, copied) {
            later::remove_if_same(&path, &copied.file);
        }
        if written.is_ok() {
            prune::write_roots(&path, &resolved_roots(roots));
        }
        prune::prune(&self.dir, reading.limits.max_cache_bytes);
    }

    fn file_for(&self, roots: &[PathBuf]) -> PathBuf {
        let key = crate::codec::checksum::checksum(&canonical_roots(roots).join("\n").into_bytes());
        self.dir.join(format!("library-{key:016x}.cache"))
    }
}

/// The roots in a form that does not depend on how they were typed or ordered.
fn canonical_roots(roots: &[PathBuf]) -> Vec<String> {
    let mut roots: Vec<String> = resolved_roots(roots)
        .iter()
        .map(|root| root.to_string_lossy().into_owned())
        .collect();
    roots.sort();
    roots.dedup();
    roots
}

/// The roots, each as it resolves (as named, if it does not).
fn resolved_roots(roots: &[PathBuf]) -> Vec<PathBuf> {
    roots
        .iter()
        .map(|root| fs::canonicalize(root).unwrap_or_else(|_| root.clone()))
        .collect()
}

/// What must match for a cache to be used: the format, the code that read the articles, the
/// library's folders, and the limits and scale the articles were read with.
fn header(roots: &[PathBuf], reading: &Reading) -> Vec<u8> {
    let mut header = MAGIC.to_vec();
    header.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    // Articles read by other code (a new estimator, a new rule) are not these articles.
    header.extend_from_slice(env!("MOODWIRE_READING_FINGERPRINT").as_bytes());
    for root in canonical_roots(roots) {
        header.extend_from_slice(root.as_bytes());
        header.push(0);
    }
    for limit in [
        reading.limits.max_file_bytes,
        reading.limits.max_nesting as u64,
        reading.limits.max_alias_events as u64,
        reading.limits.max_tldr_items as u64,
    ] {
        header.extend_from_slice(&limit.to_le_bytes());
    }
    // Buckets are decided while reading, so a cache made with other cut points is not used.
    let scale = reading.scale;
    for cut in [scale.neutral_from, scale.positive_from] {
        header.extend_from_slice(&cut.to_le_bytes());
    }
    header
}

/// One section of the cache's contents, to be decoded on a core of its own.
enum Part {
    /// A run of consecutive articles, this many.
    Articles(Range<u64>, usize),
    /// A shard, and the two sections after it that hold its postings and its word streams.
    Shard(Range<u64>, Range<u64>, Range<u64>),
}

enum Decoded {
    Articles(EncodedRun, Vec<FileStamp>, CachedPaths),
    Shard(Shard),
}

fn decode(file: Arc<fs::File>, path: &Path, expected_header: &[u8]) -> Result<Cached, Damaged> {
    let sections = sections::read_table(&file)?;
    let (contents, parts) = sections.split_first().ok_or(Damaged)?;
    let mut contents = sections::open(&file, contents.clone())?;
    if contents.bytes()? != expected_header {
        return Err(Damaged);
    }
    let article_sections = contents.len(8)?;
    let mut article_counts = Vec::with_capacity(article_sections);
    for _ in 0..article_sections {
        article_counts.push(count(contents.u64()?)?);
    }
    let shard_count = count(contents.u64()?)?;
    contents.finish()?;
    if parts.len()
        != shard_count
            .saturating_mul(3)
            .saturating_add(article_sections)
    {
        return Err(Damaged);
    }
    let (article_parts, shard_parts) = parts.split_at(article_sections);
    let shard_sections = ShardSections {
        file: Arc::clone(&file),
        sections: shard_parts
            .chunks_exact(3)
            .map(|three| (three[1].clone(), three[2].clone()))
            .collect(),
        first_shard: 0,
    };
    // Shards first: they are the larger sections, so cores stay busy to the end.
    let jobs: Vec<Part> = shard_parts
        .chunks_exact(3)
        .map(|three| Part::Shard(three[0].clone(), three[1].clone(), three[2].clone()))
        .chain(
            article_parts
                .iter()
                .zip(article_counts)
                .map(|(range, count)| Part::Articles(range.clone(), count)),
        )
        .collect();
    let mut decoded: Vec<Option<Result<Decoded, Damaged>>> = Vec::new();
    decoded.resize_with(jobs.len(), || None);
    parallel::for_each(
        &jobs,
        |job| decode_part(&file, path, job),
        |at, result| decoded[at] = Some(result),
    );
    let decoded = decoded
        .into_iter()
        .map(|part| part.ok_or(Damaged)?)
        .collect::<Result<Vec<Decoded>, Damaged>>()?;
    let mut articles = EncodedArticles::default();
    let mut paths = CachedPaths::default();
    let mut stamps = Vec::new();
    let mut shards = Vec::new();
    // In job order: shards, then the articles in their order.
    for part in decoded {
        match part {
            Decoded::Shard(shard) => shards.push(shard),
            Decoded::Articles(run, mut run_stamps, run_paths) => {
                articles.push(run);
                if stamps.is_empty() {
                    stamps = run_stamps;
                } else {
                    stamps.append(&mut run_stamps);
                }
                paths.append(run_paths);
            }
        }
    }
    let index = Index::from_shards(shards, articles.len()).ok_or(Damaged)?;
    paths.make_table();
    Ok(Cached {
        articles,
        paths,
        stamps,
        index,
        sections: shard_sections,
    })
}

/// A count of what lies in other sections, which therefore cannot be checked against the
/// bytes left in this one.
fn count(value: u64) -> Result<usize, Damaged> {
    usize::try_from(value).map_err(|_| Damaged)
}

fn decode_part(file: &Arc<fs::File>, path: &Path, part: &Part) -> Result<Decoded, Damaged> {
    match part {
        Part::Shard(range, postings, streams) => {
            let mut input = sections::open(file, range.clone())?;
            let postings = later::postings(file, path, postings.clone());
            let streams = later::streams(file, path, streams.clone());
            let shard = Shard::decode(&mut input, postings, streams)?;
            input.finish()?;
            Ok(Decoded::Shard(shard))
        }
        Part::Articles(range, count) => {
            let mut input = sections::open(file, range.clone())?;
            // Every article takes at least its stamp's bytes, so a damaged count cannot
            // reserve more than the section's size allows.
            let fits = (range.end.saturating_sub(range.start) / article::MIN_BYTES) as usize;
            let capacity = (*count).min(fits);
            let mut run = EncodedRun::with_capacity(capacity);
            let mut stamps = Vec::with_capacity(capacity);
            let mut paths = CachedPaths::default();
            paths.ends.reserve_exact(capacity);
            for _ in 0..*count {
                let stamp = article::decode_listed(&mut input, &mut paths.bytes, &mut run)?;
                stamps.push(stamp);
                paths.ends.push(paths.bytes.len());
            }
            input.finish()?;
            Ok(Decoded::Articles(run, stamps, paths))
        }
    }
}

#[cfg(test)]
mod tests;
