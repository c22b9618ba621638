//! Comparisons for `score:` and `date:` terms: `>=7`, `<2026-02`, `3..5`, `2026`.

use std::ops::Bound;

use jiff::civil::Date;

/// An interval of values; both ends may be open.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval<T> {
    pub lower: Bound<T>,
    pub upper: Bound<T>,
}

impl<T: PartialOrd> Interval<T> {
    pub fn contains(&self, value: &T) -> bool {
        let above = match &self.lower {
            Bound::Included(low) => value >= low,
            Bound::Excluded(low) => value > low,
            Bound::Unbounded => true,
        };
        let below = match &self.upper {
            Bound::Included(high) => value <= high,
            Bound::Excluded(high) => value < high,
            Bound::Unbounded => true,
        };
        above && below
    }
}

/// A value that covers a span: a score covers one point, `2026-02` covers a month. Dates may
/// count back from `today`.
trait Span: Sized + Copy {
    fn parse(text: &str, today: Date) -> Option<(Self, Self)>;
}

impl Span for f64 {
    fn parse(text: &str, _today: Date) -> Option<(f64, f64)> {
        let value: f64 = text.trim().parse().ok().filter(|v: &f64| v.is_finite())?;
        Some((value, value))
    }
}

impl Span for Date {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the first and last day it covers; or one day before
    /// `today`: `today`, `7d`, `2w`, `3m` (days, weeks, months back, by the calendar).
    fn parse(text: &str, today: Date) -> Option<(Date, Date)> {
        if let Some(day) = days_back(text.trim(), today) {
            return Some((day, day));
        }
        let parts: Vec<&str> = text.trim().split('-').collect();
        let number = |part: &str, len: usize| -> Option<i16> {
            (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        };
        match parts.as_slice() {
            [year] => {
                let year = number(year, 4)?;
                Some((Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?))
            }
            [year, month] => {
                let first =
                    Date::new(number(year, 4)?, i8::try_from(number(month, 2)?).ok()?, 1).ok()?;
                Some((first, first.last_of_month()))
            }
            [year, month, day] => {
                let month = i8::try_from(number(month, 2)?).ok()?;
                let day = i8::try_from(number(day, 2)?).ok()?;
                let date = Date::new(number(year, 4)?, month, day).ok()?;
                Some((date, date))
            }
            _ => None,
        }
    }
}

/// `today`, or a number of days (`7d`), weeks (`2w`) or months (`3m`) before it.
fn days_back(text: &str, today: Date) -> Option<Date> {
    if text.eq_ignore_ascii_case("today") {
        return Some(today);
    }
    let unit = text.chars().next_back()?.to_ascii_lowercase();
    let count = &text[..text.len() - 1];
    if count.is_empty() || !count.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let count: i32 = count.parse().ok()?;
    let span = match unit {
        'd' => jiff::Span::new().try_days(count).ok()?,
        'w' => jiff::Span::new().try_weeks(count).ok()?,
        'm' => jiff::Span::new().try_months(count).ok()?,
        _ => return None,
    };
    today.checked_sub(span).ok()
}

/// Reads `>=V`, `<=V`, `>V`, `<V`, `=V`, `V`, `A..B`, `A..` or `..B`.
fn parse_interval<T: Span + PartialOrd>(text: &str, today: Date) -> Option<Interval<T>> {
    let text = text.trim();
    let (lower, upper) = if let Some(rest) = text.strip_prefix(">=") {
        (Bound::Included(T::parse(rest, today)?.0), Bound::Unbounded)
    } else if let Some(rest) = text.strip_prefix("<=") {
        (Bound::Unbounded, Bound::Included(T::parse(rest, today)?.1))
    } else if let Some(rest) = text.strip_prefix('>') {
        (Bound::Excluded(T::parse(rest, today)?.1), Bound::Unbounded)
    } else if let Some(rest) = text.strip_prefix('<') {
        (Bound::Unbounded, Bound::Excluded(T::parse(rest, today)?.0))
    } else if let Some((from, to)) = text.split_once("..") {
        // `3...5` is a slip, not the range 3 to 0.5.
        if from.ends_with('.') || to.starts_with('.') {
            return None;
        }
        let lower = if from.is_empty() {
            Bound::Unbounded
        } else {
            Bound::Included(T::parse(from, today)?.0)
        };
        let upper = if to.is_empty() {
            Bound::Unbounded
        } else {
            Bound::Included(T::parse(to, today)?.1)
        };
        if from.is_empty() && to.is_empty() {
            return None;
        }
        (lower, upper)
    } else {
        let (first, last) = T::parse(text.strip_prefix('=').unwrap_or(text), today)?;
        (Bound::Included(first), Bound::Included(last))
    };
    if let (Bound::Included(low), Bound::Included(high)) = (&lower, &upper)
        && low > high
    {
        // A range from high to low holds nothing; it is written by mistake.
        return None;
    }
    Some(Interval { lower, upper })
}

pub fn parse_scores(text: &str) -> Option<Interval<f64>> {
    // Scores never count back from a date; any date would do.
    parse_interval(text, Date::default())
}

pub fn parse_dates(text: &str, today: Date) -> Option<Interval<Date>> {
    parse_interval(text, today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn scores(text: &str, value: f64) -> bool {
        parse_scores(text)
            .unwrap_or_else(|| panic!("{text} should parse"))
            .contains(&value)
    }

    fn dates(text: &str, value: &str) -> bool {
        let value: Date = value.parse().unwrap();
        parse_dates(text, date(2026, 3, 15))
            .unwrap_or_else(|| panic!("{text} should parse"))
            .contains(&value)
    }

    #[test]
    fn score_comparisons() {
        assert!(scores(">=7", 7.0) && !scores(">=7", 6.9));
        assert!(scores(">7", 7.5) && !scores(">7", 7.0));
        assert!(scores("<=3", 3.0) && !scores("<=3", 3.1));
        assert!(scores("<3", 2.5) && !scores("<3", 3.0));
        assert!(scores("=5", 5.0) && scores("5", 5.0) && !scores("5", 5.5));
        assert!(scores("3..5", 3.0) && scores("3..5", 5.0) && !scores("3..5", 5.5));
        assert!(scores("6.5..", 9.0) && scores("..4.5", 1.0));
    }

    #[test]
    fn date_values_cover_a_year_a_month_or_a_day() {
        assert!(
            dates("2026", "2026-01-01")
                && dates("2026", "2026-12-31")
                && !dates("2026", "2025-12-31")
        );
        assert!(dates("2026-02", "2026-02-28") && !dates("2026-02", "2026-03-01"));
        assert!(dates("2026-02-01", "2026-02-01") && !dates("2026-02-01", "2026-02-02"));
    }

    #[test]
    fn date_comparisons_respect_what_the_value_covers() {
        assert!(dates(">=2026-01-15", "2026-01-15") && !dates(">=2026-01-15", "2026-01-14"));
        assert!(dates(">2026-02", "2026-03-01") && !dates(">2026-02", "2026-02-28"));
        assert!(dates("<2026", "2025-12-31") && !dates("<2026", "2026-01-01"));
        assert!(dates("<=2026-02", "2026-02-28") && !dates("<=2026-02", "2026-03-01"));
        assert!(
            dates("2025-12-01..2026-01-15", "2026-01-15")
                && !dates("2025-12-01..2026-01-15", "2026-01-16")
        );
        assert_eq!(
            parse_dates("2025-12..2026-01", date(2026, 3, 15)).map(|i| i.upper),
            Some(Bound::Included(date(2026, 1, 31)))
        );
    }

    #[test]
    fn slips_and_reversed_ranges_are_rejected() {
        for bad in ["3...5", "5..3", "7.5..7"] {
            assert!(parse_scores(bad).is_none(), "{bad}");
        }
        for bad in ["2026..2025", "2026-03..2026-02", "2026-02...2026-03"] {
            assert!(parse_dates(bad, date(2026, 3, 15)).is_none(), "{bad}");
        }
        assert!(
            parse_scores("5..5").is_some()
                && parse_dates("2026-02..2026-02", date(2026, 3, 15)).is_some()
        );
    }

    #[test]
    fn malformed_values_are_rejected() {
        for bad in [">=abc", "", "..", "abc", "7..x", ">=nan", "inf"] {
            assert!(parse_scores(bad).is_none(), "{bad}");
        }
        for bad in [
            "2026-13",
            "2026-02-30",
            "26",
            "2026-1",
            "2026/02",
            ">=",
            "yesterday",
            "2026-02-01T10:00",
        ] {
            assert!(parse_dates(bad, date(2026, 3, 15)).is_none(), "{bad}");
        }
    }
}
