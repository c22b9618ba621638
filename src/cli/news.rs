//! What `import` and `fetch` share: where new articles go, the files kept about them, and the
//! lines that tell how it went.

use std::path::{Path, PathBuf};

use anyhow::bail;

use moodwire::config::Config;
use moodwire::import::{self, Places, Settings};
use moodwire::loader::display_path;
use moodwire::subscriptions::{self, FetchPlan, Summary};

use super::args::WritingArgs;

/// Where new articles go: `--into`, else the configuration's `import_into` (either made if it
/// is missing), else its first library folder, which must be there: one that is not (a drive
/// not mounted) would be made, and what was written into it hidden once the drive is back.
pub fn target(args: &WritingArgs, config: &Config) -> anyhow::Result<PathBuf> {
    let named = args.into.clone().or_else(|| config.import_into.clone());
    if let Some(target) = named {
        return Ok(target);
    }
    match config.library.first() {
        Some(first) if std::fs::symlink_metadata(first).is_err() => bail!(
            "{}, the first `library` folder, where new articles go, is not there (a drive not \
             mounted?); nothing is written: give --into DIR, or set `import_into`",
            display_path(first)
        ),
        Some(first) => Ok(first.clone()),
        None => bail!(
            "nowhere to put new articles: give --into DIR, or set `import_into` or `library` in \
             the configuration (`moodwire config path` says where it is)"
        ),
    }
}

/// The user's data folder, where the record of imported items and the feeds' state are kept.
pub fn data_folder() -> anyhow::Result<PathBuf> {
    match import::data_folder() {
        Some(folder) => Ok(folder),
        None => bail!("no home folder, so no data folder; set MOODWIRE_DATA_DIR"),
    }
}

/// Where an import writes, and the files it keeps.
pub fn places(args: &WritingArgs, config: &Config) -> anyhow::Result<Places> {
    Ok(Places::in_data_folder(
        data_folder()?,
        target(args, config)?,
    ))
}

/// How an import reads and writes, by the flags and the configuration.
pub fn settings(args: &WritingArgs, config: &Config) -> Settings {
    Settings {
        full: args.full,
        tag: args.tag,
        reading: config.reading(),
        web: config.fetch,
    }
}

/// The list of subscriptions: `feeds.opml` beside the configuration file.
pub fn subscriptions_file(explicit: Option<&Path>) -> anyhow::Result<PathBuf> {
    let Some(config) = moodwire::config::location(explicit) else {
        bail!("no home folder, so no configuration folder; use --config PATH");
    };
    let folder = config.parent().unwrap_or(Path::new("."));
    Ok(folder.join(subscriptions::FILE_NAME))
}

/// The state of the subscriptions, in the data folder.
pub fn state_file() -> anyhow::Result<PathBuf> {
    Ok(data_folder()?.join("feeds-state.json"))
}

/// Everything `fetch` (and the reader's fetch key) needs.
pub fn fetch_plan(
    args: &WritingArgs,
    config: &Config,
    explicit: Option<&Path>,
) -> anyhow::Result<FetchPlan> {
    Ok(FetchPlan {
        subscriptions: subscriptions_file(explicit)?,
        state: state_file()?,
        places: places(args, config)?,
        settings: settings(args, config),
    })
}

/// Prints a line on stderr for each failure and warning, then `headline` and the rest of the
/// summary on stdout; true when something failed.
pub fn report(headline: &str, summary: &Summary, into: &Path) -> bool {
    for warning in &summary.warnings {
        eprintln!("moodwire: warning: {warning}");
    }
    for failure in &summary.failures {
        eprintln!("moodwire: {failure}");
    }
    let new = plural(summary.written, "new article", "new articles");
    let failed = plural(summary.failures.len(), "failure", "failures");
    // Items met again are said, so that a run that writes nothing says why.
    let already = match summary.already {
        0 => String::new(),
        n => format!(", {n} imported before"),
    };
    println!(
        "{headline}, {new} in {}, {failed}{already}",
        display_path(into)
    );
    !summary.failures.is_empty()
}

/// `1 feed`, `2 feeds`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}
