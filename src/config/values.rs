//! Reading one setting's value, with the message a user sees when it is wrong.

use std::path::{Path, PathBuf};

use super::Colour;
use crate::article::Scale;
use crate::date_format::DateFormat;
use crate::limits::Limits;
use crate::query::SortOrder;
use crate::web::WebLimits;

pub fn sort(text: &str) -> Result<SortOrder, String> {
    match text.to_ascii_lowercase().as_str() {
        "date" => Ok(SortOrder::Date),
        "score" => Ok(SortOrder::Score),
        "title" => Ok(SortOrder::Title),
        _ => Err(format!("`sort` must be date, score or title, not `{text}`")),
    }
}

pub fn date_format(text: &str) -> Result<DateFormat, String> {
    DateFormat::new(text).map_err(|reason| format!("`date_format` `{text}` {reason}"))
}

/// The cut points must leave each bucket a part of the 1 to 10 scale.
pub fn check_scale(scale: &Scale) -> Result<(), String> {
    let ordered = 1.0 < scale.neutral_from
        && scale.neutral_from <= scale.positive_from
        && scale.positive_from <= 10.0;
    match ordered {
        true => Ok(()),
        false => Err(format!(
            "`buckets` must satisfy 1 < negative_below <= positive_from <= 10 (found {} and {})",
            scale.neutral_from, scale.positive_from
        )),
    }
}

/// A colour by name (`green`, `light-red`, `dark-gray`), 256-colour index or `#rrggbb`.
pub fn colour(text: &str) -> Result<Colour, String> {
    Colour::parse(text).ok_or_else(|| {
        format!(
            "`{text}` is not a colour (a name such as green or light-blue, a number 0 to 255, or #rrggbb)"
        )
    })
}

pub const LIMIT_KEYS: &[&str] = &[
    "max_file_bytes",
    "max_yaml_nesting",
    "max_yaml_alias_events",
    "max_tldr_items",
    "max_rendered_lines",
    "max_line_chars",
    "max_files",
    "max_cache_bytes",
];

pub fn set_limit(limits: &mut Limits, name: &str, value: u64) {
    let count = usize::try_from(value).unwrap_or(usize::MAX);
    match name {
        "max_file_bytes" => limits.max_file_bytes = value,
        "max_yaml_nesting" => limits.max_nesting = count,
        "max_yaml_alias_events" => limits.max_alias_events = count,
        "max_tldr_items" => limits.max_tldr_items = count,
        "max_rendered_lines" => limits.max_rendered_lines = count,
        "max_line_chars" => limits.max_line_chars = count,
        "max_files" => limits.max_files = count,
        "max_cache_bytes" => limits.max_cache_bytes = value,
        _ => {}
    }
}

pub const FETCH_KEYS: &[&str] = &["connect_timeout", "timeout", "max_bytes"];

/// Sets one of `fetch:`'s values: seconds for the time limits, bytes for the size.
pub fn set_fetch(limits: &mut WebLimits, name: &str, value: u64) {
    match name {
        "connect_timeout" => limits.connect_timeout = std::time::Duration::from_secs(value),
        "timeout" => limits.timeout = std::time::Duration::from_secs(value),
        "max_bytes" => limits.max_bytes = value,
        _ => {}
    }
}

/// `~/news` is in the home folder; a relative folder is taken from the configuration's folder,
/// so that the file means the same wherever moodwire is started.
pub fn folder(text: &str, base: &Path) -> PathBuf {
    let home = || directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf());
    if text == "~"
        && let Some(home) = home()
    {
        return home;
    }
    if let Some(rest) = text.strip_prefix("~/")
        && let Some(home) = home()
    {
        return home.join(rest);
    }
    base.join(text)
}
