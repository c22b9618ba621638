//! Resource limits that keep a hostile file, or a folder named by mistake, from exhausting
//! time, memory or disk.

/// Bounds applied while loading. The defaults suit any real library; each exists because some
/// file could otherwise make loading slow or memory-hungry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Files larger than this are reported, not read.
    pub max_file_bytes: u64,
    /// How deeply front matter may nest lists and mappings.
    pub max_nesting: usize,
    /// How many YAML events aliases may replay in one front matter block: "billion laughs"
    /// documents stop here.
    pub max_alias_events: usize,
    /// TL;DR items beyond this are dropped with a warning.
    pub max_tldr_items: usize,
    /// An article's body is laid out in no more lines than this (counting its links
    /// section); the rest is left out with a note saying how much. The bound keeps the time
    /// and memory a layout takes within reach however the file is made.
    pub max_rendered_lines: usize,
    /// A line of an article longer than this many characters (a minified page, an inline
    /// image as a data URL) is cut when rendered, with a note saying how much was left out.
    pub max_line_chars: usize,
    /// A walk of the library's folders stops after this many article files, with a message,
    /// so that a folder named by mistake (`~`, `/`) costs seconds, not the whole system.
    pub max_files: usize,
    /// The cache folder is kept under this many bytes: the caches used least recently go
    /// first.
    pub max_cache_bytes: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_bytes: 8 * 1024 * 1024,
            max_nesting: 32,
            max_alias_events: 10_000,
            max_tldr_items: 50,
            max_rendered_lines: 100_000,
            max_line_chars: 20_000,
            max_files: 200_000,
            max_cache_bytes: 1024 * 1024 * 1024,
        }
    }
}
