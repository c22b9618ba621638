//! The user's settings: `config.yaml` in the user's configuration folder (on Linux
//! `$XDG_CONFIG_HOME/moodwire/config.yaml`), or the file named by `--config` or
//! `MOODWIRE_CONFIG`.
//!
//! Every key is optional and a missing file is the defaults. A key moodwire does not know is a
//! warning, since it may come from a newer version; a value it cannot use is an error that
//! names the file and the line, because silently ignoring a setting the user wrote would be
//! worse than refusing to start.

mod node;
mod read;
mod theme;
mod values;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::article::Scale;
use crate::date_format::DateFormat;
use crate::limits::Limits;
use crate::loader::display_path;
use crate::query::{SavedQueries, SortOrder};
use crate::reading::Reading;
use crate::sanitize::sanitize_line;
use crate::web::WebLimits;

pub use read::KeyRemap;
pub use theme::{Colour, Named, Theme};

/// The commented default written by `moodwire config init`; reading it gives
/// [`Config::default`] (a test checks that they agree).
pub const DEFAULT_FILE: &str = include_str!("default.yaml");

/// Settings, each already checked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    /// Folders read when no PATH is given, in order.
    pub library: Vec<PathBuf>,
    /// Where `import` and `fetch` write new articles; `None`: the first library folder.
    pub import_into: Option<PathBuf>,
    /// What one fetch from the web may cost.
    pub fetch: WebLimits,
    /// The order of `list` and of the reader when it starts.
    pub sort: SortOrder,
    /// How dates are shown in lists and article headers.
    pub date_format: DateFormat,
    /// The score cut points between the sentiment buckets.
    pub scale: Scale,
    /// The colours of the command line and the reader.
    pub theme: Theme,
    /// Reader actions given other keys, in the order written.
    pub keys: Vec<KeyRemap>,
    /// Saved searches, which `@name` in a query stands for.
    pub queries: SavedQueries,
    /// The bounds on what one article file may cost to read.
    pub limits: Limits,
    /// The program that opens links and its arguments (`%s` stands for the address); empty
    /// when not set.
    pub browser: Vec<String>,
}

impl Config {
    /// How article files are read, by these settings.
    pub fn reading(&self) -> Reading {
        Reading {
            limits: self.limits,
            scale: self.scale,
        }
    }
}

/// A configuration file and what it said.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The settings, the defaults where the file says nothing.
    pub config: Config,
    /// Where it was looked for; it may not exist.
    pub path: Option<PathBuf>,
    /// Keys that were ignored, as `path:line: message`.
    pub warnings: Vec<String>,
}

/// A configuration that cannot be used: `path:line: message`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ConfigError {
    /// The configuration file.
    pub path: PathBuf,
    /// 0 when the problem is the file as a whole.
    pub line: u64,
    /// What is wrong, on one line.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            0 => write!(f, "{}: {}", display_path(&self.path), self.message),
            line => write!(f, "{}:{line}: {}", display_path(&self.path), self.message),
        }
    }
}

/// Where the configuration is read from: `explicit` (`--config`), else `MOODWIRE_CONFIG`, else
/// the user's configuration folder. `None` only when no home folder can be found.
pub fn location(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = explicit {
        return Some(path.to_path_buf());
    }
    if let Some(path) = std::env::var_os("MOODWIRE_CONFIG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let dirs = directories::ProjectDirs::from("", "", "moodwire")?;
    Some(dirs.config_dir().join("config.yaml"))
}

/// Reads the configuration at `path`. A file that does not exist is the defaults, unless it was
/// named explicitly (`required`), in which case its absence is an error.
pub fn load(path: Option<PathBuf>, required: bool) -> Result<Loaded, ConfigError> {
    let Some(path) = path else {
        return Ok(Loaded {
            config: Config::default(),
            path: None,
            warnings: Vec::new(),
        });
    };
    let text = match std::fs::read(&path) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| ConfigError {
            path: path.clone(),
            line: 0,
            message: "not UTF-8 text".to_owned(),
        })?,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound && !required => {
            return Ok(Loaded {
                config: Config::default(),
                path: Some(path),
                warnings: Vec::new(),
            });
        }
        Err(error) => {
            return Err(ConfigError {
                path,
                line: 0,
                message: crate::loader::describe_io_error(&error),
            });
        }
    };
    parse(&text, path)
}

/// Reads configuration `text` as the file at `path` (which names it in messages, and from
/// whose folder relative library folders are taken).
pub fn parse(text: &str, path: PathBuf) -> Result<Loaded, ConfigError> {
    let base = path.parent().unwrap_or(Path::new("."));
    match read::config(text, base) {
        Ok((config, warnings)) => Ok(Loaded {
            warnings: warnings
                .into_iter()
                .map(|(line, message)| {
                    format!(
                        "{}:{line}: {}",
                        display_path(&path),
                        sanitize_line(&message)
                    )
                })
                .collect(),
            config,
            path: Some(path),
        }),
        // Messages quote what the file says, which may hold line breaks or escapes.
        Err((line, message)) => Err(ConfigError {
            path,
            line,
            message: sanitize_line(&message),
        }),
    }
}

#[cfg(test)]
mod tests;
