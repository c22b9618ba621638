//! The configuration a command runs with: read once, its warnings printed once, and handed to
//! the command as a value.

use std::path::Path;

use moodwire::config::{self, Config, ConfigError};
use moodwire::loader::display_path;
use moodwire::marks::Marks;
use moodwire::marks::store::MarksFile;
use moodwire::tui::keys::Keymap;

/// The settings a command runs with.
pub struct Settings {
    pub config: Config,
    /// The reader's keys, the configuration's remaps applied. They are read for every command,
    /// so that a wrong key is reported whichever command meets it first.
    pub keys: Keymap,
    /// The configuration's warnings, already printed.
    pub warnings: Vec<String>,
}

/// Reads the configuration `--config` names, else `MOODWIRE_CONFIG`'s, else the user's. A file
/// named explicitly must exist; the user's may not.
pub fn load(explicit: Option<&Path>) -> Result<Settings, ConfigError> {
    let named = explicit.is_some()
        || std::env::var_os("MOODWIRE_CONFIG").is_some_and(|value| !value.is_empty());
    let loaded = config::load(config::location(explicit), named)?;
    for warning in &loaded.warnings {
        eprintln!("moodwire: warning: {warning}");
    }
    let path = loaded.path.clone().unwrap_or_default();
    let keys = Keymap::with(&loaded.config.keys).map_err(|(line, message)| ConfigError {
        path: path.clone(),
        line,
        message,
    })?;
    let mut warnings = loaded.warnings;
    for (line, message) in keys.unbound(&loaded.config.keys) {
        let warning = format!("{}:{line}: {message}", display_path(&path));
        eprintln!("moodwire: warning: {warning}");
        warnings.push(warning);
    }
    Ok(Settings {
        config: loaded.config,
        keys,
        warnings,
    })
}

/// The read and starred marks, for `is:` terms and JSON output. Commands only read them: a
/// file that cannot be understood is reported and left for the reader to set aside.
pub fn marks() -> Marks {
    let Some(file) = MarksFile::user() else {
        return Marks::default();
    };
    let opened = file.open(false);
    if let Some(warning) = opened.warning {
        eprintln!("moodwire: warning: {warning}");
    }
    opened.marks
}
