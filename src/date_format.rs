//! How dates are shown: a strftime format from the configuration (`%Y-%m-%d` by default).

use jiff::civil::Date;
use unicode_width::UnicodeWidthStr;

use crate::date::ArticleDate;

/// A checked date format, with the width of the widest date it makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateFormat {
    pattern: String,
    /// The widest date the pattern makes, so that date columns line up.
    width: usize,
}

impl Default for DateFormat {
    fn default() -> DateFormat {
        DateFormat {
            pattern: "%Y-%m-%d".to_owned(),
            width: 10,
        }
    }
}

impl DateFormat {
    /// A strftime pattern (`%d %b %Y`). Refused when it does not format or makes control
    /// characters, which would reach the terminal.
    pub fn new(pattern: &str) -> Result<DateFormat, String> {
        let samples = [(2026, 12, 31), (2026, 9, 30), (2026, 5, 3)];
        let mut width = 0;
        for (year, month, day) in samples {
            let date = Date::new(year, month, day).map_err(|e| e.to_string())?;
            let shown =
                jiff::fmt::strtime::format(pattern, date).map_err(|e| refusal(pattern, &e))?;
            if shown.chars().any(char::is_control) {
                return Err("makes control characters".to_owned());
            }
            if shown.trim().is_empty() {
                return Err("shows nothing".to_owned());
            }
            width = width.max(shown.width());
        }
        Ok(DateFormat {
            pattern: pattern.to_owned(),
            width,
        })
    }

    /// The strftime pattern, as the configuration gave it.
    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    /// Columns the longest date takes.
    pub fn width(&self) -> usize {
        self.width
    }

    /// The day of `date` in this format.
    pub fn day(&self, date: &ArticleDate) -> String {
        jiff::fmt::strtime::format(self.pattern.as_str(), date.date())
            .unwrap_or_else(|_| date.date().to_string())
    }
}

/// Why `pattern` does not format a day, in a user's words.
fn refusal(pattern: &str, error: &jiff::Error) -> String {
    // One that formats a time of day asks for what a day does not have (`%H`, `%R`, `%c`).
    let noon = Date::new(2026, 12, 31).map(|day| day.at(12, 0, 0, 0));
    match noon.map(|noon| jiff::fmt::strtime::format(pattern, noon)) {
        // The time is shown beside the day where an article gives one (the reader's meta
        // line), in 24-hour form.
        Ok(Ok(_)) => "asks for the time of day; it formats the day alone, and the reader shows \
                      the time beside it where an article gives one"
            .to_owned(),
        _ => format!("is not a date format: {error}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_days_and_knows_its_widest() {
        let format = DateFormat::new("%d %b %Y").unwrap();
        let date = ArticleDate::parse("2026-02-01").unwrap();
        assert_eq!(format.day(&date), "01 Feb 2026");
        assert_eq!(format.width(), 11);
        assert_eq!(DateFormat::default().day(&date), "2026-02-01");
    }

    #[test]
    fn refuses_what_cannot_be_shown() {
        assert!(DateFormat::new("%Q").is_err());
        assert!(DateFormat::new("%Y\u{1b}[2J").is_err());
        assert!(DateFormat::new("   ").is_err());
        for pattern in ["%Y-%m-%d %H:%M", "%R %d", "%c", "%X", "%f", "%_I", "%^p"] {
            let error = DateFormat::new(pattern).unwrap_err();
            assert!(
                error.starts_with("asks for the time of day;"),
                "{pattern}: {error}"
            );
            assert!(!error.contains("strftime"), "{pattern}: {error}");
        }
    }
}
