//! The command-line definition.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// A terminal news reader with sentiment tagging.
///
/// moodwire reads a library of Markdown and plain-text articles (YAML or TOML front matter may
/// carry a sentiment score, label and TL;DR) and lets you list, read, check and count them.
/// With no PATH it reads the folders the configuration names, else ./sample-articles, else the
/// sample library built into it.
#[derive(Debug, Parser)]
#[command(name = "moodwire", version)]
#[command(
    after_help = "Exit codes: 0 success, 1 problems found (check), files that failed to tag (tag), or sources or items that failed (import, fetch), 2 usage or configuration error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Article files or folders to open (default: the configuration's `library`, else
    /// ./sample-articles, else the built-in samples)
    pub paths: Vec<PathBuf>,

    /// Read the configuration from this file instead of the user's config.yaml (also
    /// MOODWIRE_CONFIG)
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Do not follow changes to the library's folders while the reader is open
    #[arg(long)]
    pub no_watch: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List articles, newest first
    List(ListArgs),
    /// Show one article for reading
    Show(ShowArgs),
    /// Report every file that failed to load or loaded with warnings
    Check(CheckArgs),
    /// Count articles by sentiment, label, category, score and month
    Stats(StatsArgs),
    /// Estimate sentiment for articles whose files carry none, and write it with --write
    Tag(TagArgs),
    /// Import feeds (RSS, Atom, JSON Feed), lists of subscriptions (OPML) and web pages, from
    /// files or http(s) addresses, as new articles
    Import(ImportArgs),
    /// Subscribe to feeds (`feeds add URL|OPML`), list them, remove them
    Feeds(FeedsArgs),
    /// Fetch every subscribed feed and import its new articles
    Fetch(FetchArgs),
    /// Show where the configuration is, or write a commented default one
    Config(ConfigArgs),
    /// Print a completion script for a shell
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `moodwire man | man -l -`
    Man,
}

/// Where new articles go and what they carry.
#[derive(Debug, Default, Args)]
pub struct WritingArgs {
    /// Write new articles into this folder (default: the configuration's `import_into`, else
    /// its first `library` folder)
    #[arg(long, value_name = "DIR")]
    pub into: Option<PathBuf>,

    /// For an item whose feed carries only a summary, fetch the linked page and keep its
    /// article instead
    #[arg(long)]
    pub full: bool,

    /// Also write the estimated sentiment and TL;DR into each new file, as `tag --write
    /// --tldr` does (without it they are estimated when the file is read)
    #[arg(long)]
    pub tag: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Feeds, OPML files and web pages: files or http(s) addresses
    #[arg(required = true, value_name = "SOURCE")]
    pub sources: Vec<String>,

    #[command(flatten)]
    pub writing: WritingArgs,
}

#[derive(Debug, Args)]
pub struct FetchArgs {
    #[command(flatten)]
    pub writing: WritingArgs,
}

#[derive(Debug, Args)]
pub struct FeedsArgs {
    #[command(subcommand)]
    pub action: FeedsAction,
}

#[derive(Debug, Subcommand)]
pub enum FeedsAction {
    /// Subscribe to feeds: http(s) addresses, or OPML files whose feeds are all added
    Add {
        #[arg(required = true, value_name = "URL|OPML")]
        feeds: Vec<String>,
    },
    /// List the subscriptions, numbered, with what their last fetch said
    List,
    /// Unsubscribe from feeds, named by address or by their number in `feeds list`
    Remove {
        #[arg(required = true, value_name = "URL|NUMBER")]
        feeds: Vec<String>,
    },
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub action: ConfigAction,
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Print the path of the configuration file moodwire reads
    Path,
    /// Write a commented configuration with every default (refused if the file exists)
    Init {
        /// Replace an existing file
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, elvish or powershell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Where the articles come from.
#[derive(Debug, Args)]
pub struct LibraryArgs {
    /// Article files or folders (folders are searched recursively for .md, .markdown, .mdx,
    /// .txt and .text files)
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub cache: CacheArgs,
}

#[derive(Debug, Clone, Copy, Args)]
pub struct CacheArgs {
    /// Read every file instead of reusing the cache of unchanged ones (kept in the user's cache
    /// directory, or in MOODWIRE_CACHE_DIR)
    #[arg(long)]
    pub no_cache: bool,
}

/// Which articles to include.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Only articles with this sentiment: positive (or bullish), neutral, negative (or
    /// bearish), untagged, or else any label containing this text
    #[arg(long, value_name = "LABEL")]
    pub label: Option<String>,

    /// Only articles matching the query: words match the start of words in the title, TL;DR,
    /// body, category or tags; "a phrase" matches words in a row; -word excludes; title:,
    /// category:, tag:, source: and label: restrict; score:>=7 and date:2026-02 compare
    /// (the README lists every rule)
    #[arg(long, short, value_name = "QUERY", allow_hyphen_values = true)]
    pub query: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub library: LibraryArgs,
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Order of the list (default: the configuration's `sort`, else date)
    #[arg(long, value_enum)]
    pub sort: Option<SortArg>,

    /// Show at most this many articles
    #[arg(long, short = 'n', value_name = "N")]
    pub limit: Option<usize>,

    /// Output format
    #[arg(long, short, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// An article file; or the id of an article in the library (its path relative to the
    /// library folder, the `id` of `list --format json`); or words that pick out one article
    /// by its id or title
    #[arg(value_name = "PATH|ID")]
    pub target: String,

    /// Library folders in which to look up an id (default: ./sample-articles, else the
    /// built-in samples)
    #[arg(long = "library", short = 'l', value_name = "PATH")]
    pub library: Vec<PathBuf>,

    #[command(flatten)]
    pub cache: CacheArgs,

    /// Output format
    #[arg(long, short, value_enum, default_value_t = ShowFormat::Text)]
    pub format: ShowFormat,

    /// Wrap the text to N columns (0: do not wrap). Without it, `COLUMNS` or the terminal's
    /// width (up to 100) is used; output that is not a terminal is not wrapped
    #[arg(long, short, value_name = "N")]
    pub width: Option<usize>,

    /// Show the whole text of a scrape or a saved page, with the page furniture (menus,
    /// captions, share buttons, comment forms) that is otherwise left out
    #[arg(long, short)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub library: LibraryArgs,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub library: LibraryArgs,
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Output format
    #[arg(long, short, value_enum, default_value_t = StatsFormat::Table)]
    pub format: StatsFormat,
}

#[derive(Debug, Args)]
pub struct TagArgs {
    /// Article files or folders to tag (default: ./sample-articles)
    pub paths: Vec<PathBuf>,

    /// Write the estimates into the files (without it, nothing is written)
    #[arg(long)]
    pub write: bool,

    /// Also estimate (and with --write, replace) the sentiment of files that carry one, and
    /// write read-only files
    #[arg(long)]
    pub force: bool,

    /// With --write, also write the estimated TL;DR of each file that has none (a `tldr:`
    /// list; a plain-text file's new front matter also keeps its headline as `title:`), into
    /// files that carry a sentiment already too, keeping it
    #[arg(long)]
    pub tldr: bool,

    /// Output format
    #[arg(long, short, value_enum, default_value_t = TagFormat::Table)]
    pub format: TagFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TagFormat {
    /// One line per article with the words that weighed most, then a summary
    Table,
    /// One JSON object with a summary and each article
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Newest first
    Date,
    /// Most positive first
    Score,
    /// Alphabetical
    Title,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned columns for reading
    Table,
    /// One JSON array
    Json,
    /// One JSON object per line
    Ndjson,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    /// The article for reading
    Text,
    /// One JSON object, with the body
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// Counts with bars
    Table,
    /// One JSON object
    Json,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
