//! Article dates, read leniently and kept as written.
//!
//! News files carry dates in many shapes (`2026-02-01 06:48:05`, RFC 3339, Ruby's
//! `2024-03-21 4:00:00 +0000`). moodwire shows and sorts them as written: no time-zone
//! conversion, so a post dated 23:30 in its own zone is not shown as the next day.

use std::cmp::Ordering;
use std::fmt;

use jiff::civil::{Date, DateTime, Time};

/// A date as written in an article, with the precision and offset it was written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleDate {
    /// The wall-clock date and time as written (midnight for a date alone).
    pub datetime: DateTime,
    /// How much of the time of day was written.
    pub precision: Precision,
    /// The UTC offset, when one was written.
    pub offset: Option<Offset>,
}

/// How much of the time of day the source gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    /// A date alone.
    Day,
    /// Hours and minutes.
    Minute,
    /// Hours, minutes and whole seconds.
    Second,
    /// Seconds with a fraction of this many digits (at most 9).
    Fraction(u8),
}

/// The UTC offset written after a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offset {
    /// `Z`, `UTC` or `GMT`.
    Utc,
    /// Minutes east of UTC.
    Minutes(i16),
}

impl ArticleDate {
    /// Reads a date, a date and time, or an RFC 3339 timestamp.
    pub fn parse(text: &str) -> Result<ArticleDate, DateError> {
        parse(text.trim()).ok_or_else(|| DateError(text.trim().chars().take(60).collect()))
    }

    /// The date from a Jekyll-style file name such as `2026-02-01-slug.md`.
    pub fn from_file_name(name: &str) -> Option<ArticleDate> {
        // Cut only where ASCII lies: a name such as `123456789é.md` has no boundary at 10.
        let prefix = name.get(..11).filter(|prefix| prefix.is_ascii())?;
        let (date, dash) = prefix.split_at(10);
        if dash != "-"
            || !date
                .bytes()
                .enumerate()
                .all(|(i, b)| matches!(i, 4 | 7) == (b == b'-'))
        {
            return None;
        }
        let (date, _) = parse_date(date)?;
        Some(ArticleDate {
            datetime: date.to_datetime(Time::midnight()),
            precision: Precision::Day,
            offset: None,
        })
    }

    /// The calendar day, without the time.
    pub fn date(&self) -> Date {
        self.datetime.date()
    }

    /// ISO 8601, as precise as the source: `2026-02-01`, `2026-02-01T06:48:05`,
    /// `2024-03-21T04:00:00+00:00`.
    pub fn to_iso(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for ArticleDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let dt = self.datetime;
        write!(f, "{:04}-{:02}-{:02}", dt.year(), dt.month(), dt.day())?;
        if self.precision == Precision::Day {
            return Ok(());
        }
        write!(f, "T{:02}:{:02}", dt.hour(), dt.minute())?;
        if self.precision >= Precision::Second {
            write!(f, ":{:02}", dt.second())?;
        }
        if let Precision::Fraction(digits) = self.precision {
            let nanos = format!("{:09}", dt.subsec_nanosecond());
            write!(f, ".{}", &nanos[..usize::from(digits).min(9)])?;
        }
        match self.offset {
            None => Ok(()),
            Some(Offset::Utc) => f.write_str("Z"),
            Some(Offset::Minutes(minutes)) => {
                let sign = if minutes < 0 { '-' } else { '+' };
                let minutes = minutes.unsigned_abs();
                write!(f, "{sign}{:02}:{:02}", minutes / 60, minutes % 60)
            }
        }
    }
}

/// Dates order by their wall-clock time as written; at the same time, a less precise date
/// comes first, then one without an offset, then by offset, so that the order is total and
/// agrees with equality.
impl Ord for ArticleDate {
    fn cmp(&self, other: &Self) -> Ordering {
        let offset = |date: &ArticleDate| match date.offset {
            None => (0, 0),
            Some(Offset::Utc) => (1, 0),
            Some(Offset::Minutes(minutes)) => (2, minutes),
        };
        self.datetime
            .cmp(&other.datetime)
            .then(self.precision.cmp(&other.precision))
            .then(offset(self).cmp(&offset(other)))
    }
}

impl PartialOrd for ArticleDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A date value that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unreadable date \"{0}\"")]
pub struct DateError(String);

fn parse(text: &str) -> Option<ArticleDate> {
    let (date, rest) = parse_date(text)?;
    let (time, precision, rest) = match rest.strip_prefix(['T', 't', ' ']) {
        Some(after) => match parse_time(after.trim_start()) {
            Some((time, precision, rest)) => (time, precision, rest),
            None => (Time::midnight(), Precision::Day, rest),
        },
        None => (Time::midnight(), Precision::Day, rest),
    };
    let offset = parse_trailer(rest, date.year())?;
    Some(ArticleDate {
        datetime: date.to_datetime(time),
        precision,
        offset,
    })
}

/// `YYYY-M-D` with one- or two-digit month and day, then whatever follows.
fn parse_date(text: &str) -> Option<(Date, &str)> {
    let (year, rest) = digits(text, 4, 4)?;
    let (month, rest) = digits(rest.strip_prefix('-')?, 1, 2)?;
    let (day, rest) = digits(rest.strip_prefix('-')?, 1, 2)?;
    let date = Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()?;
    Some((date, rest))
}

/// `H:MM`, `HH:MM:SS` or `HH:MM:SS.fraction`, then whatever follows.
fn parse_time(text: &str) -> Option<(Time, Precision, &str)> {
    let (hour, rest) = digits(text, 1, 2)?;
    let (minute, mut rest) = digits(rest.strip_prefix(':')?, 2, 2)?;
    let (mut second, mut nanos, mut precision) = (0, 0, Precision::Minute);
    if let Some(after) = rest.strip_prefix(':') {
        let (s, after) = digits(after, 2, 2)?;
        (second, precision, rest) = (s, Precision::Second, after);
        if let Some(after) = rest.strip_prefix(['.', ',']) {
            let end = after
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(after.len());
            if end > 0 {
                let digits = end.min(9);
                let fraction = &after[..digits];
                nanos = fraction.parse::<u32>().ok()? * 10u32.pow(9 - digits as u32);
                (precision, rest) = (Precision::Fraction(digits as u8), &after[end..]);
            }
        }
    }
    let time = Time::new(
        i8::try_from(hour).ok()?,
        i8::try_from(minute).ok()?,
        i8::try_from(second).ok()?,
        i32::try_from(nanos).ok()?,
    )
    .ok()?;
    Some((time, precision, rest))
}

/// What may follow the time: an offset (`Z`, `+01:00`, ` +0000`, ` UTC`), and, as some
/// generators write, the year again (`2023-01-29 18:30:22 2023 -0800`).
fn parse_trailer(rest: &str, year: i16) -> Option<Option<Offset>> {
    let mut offset = None;
    let mut rest = rest.trim_start();
    while !rest.is_empty() {
        if let Some((parsed, after)) = parse_offset(rest) {
            if offset.replace(parsed).is_some() {
                return None;
            }
            rest = after.trim_start();
        } else if let Some((_, after)) =
            digits(rest, 4, 4).filter(|(y, _)| i64::from(*y) == i64::from(year))
        {
            rest = after.trim_start();
        } else {
            return None;
        }
    }
    Some(offset)
}

fn parse_offset(text: &str) -> Option<(Offset, &str)> {
    for utc in ["Z", "z", "UTC", "GMT"] {
        if let Some(after) = text.strip_prefix(utc) {
            return Some((Offset::Utc, after));
        }
    }
    let sign: i16 = match text.chars().next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let (hours, rest) = two_digits(&text[1..])?;
    let (minutes, rest) = match rest.strip_prefix(':') {
        Some(after) => two_digits(after)?,
        None => two_digits(rest).unwrap_or((0, rest)),
    };
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if hours > 23 || minutes > 59 {
        return None;
    }
    Some((Offset::Minutes(sign * (hours * 60 + minutes) as i16), rest))
}

/// Reads exactly two ASCII digits, whatever follows (offsets run hours and minutes together).
fn two_digits(text: &str) -> Option<(u32, &str)> {
    let pair = text
        .get(..2)
        .filter(|p| p.bytes().all(|b| b.is_ascii_digit()))?;
    Some((pair.parse().ok()?, &text[2..]))
}

/// Reads `min..=max` ASCII digits at the start of `text`; fails when fewer are there or when a
/// further digit follows.
fn digits(text: &str, min: usize, max: usize) -> Option<(u32, &str)> {
    let len = text.bytes().take_while(u8::is_ascii_digit).count();
    if len < min || len > max {
        return None;
    }
    Some((text[..len].parse().ok()?, &text[len..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str) -> String {
        ArticleDate::parse(text)
            .map(|d| d.to_iso())
            .unwrap_or_else(|e| e.to_string())
    }

    #[test]
    fn reads_the_house_format() {
        assert_eq!(iso("2026-02-01 06:48:05"), "2026-02-01T06:48:05");
    }

    #[test]
    fn reads_a_date_alone() {
        assert_eq!(iso("2026-02-01"), "2026-02-01");
    }

    #[test]
    fn reads_rfc3339_with_z_or_offset_without_converting() {
        assert_eq!(iso("2026-02-01T06:48:05Z"), "2026-02-01T06:48:05Z");
        assert_eq!(
            iso("2026-02-01T23:30:00-05:00"),
            "2026-02-01T23:30:00-05:00"
        );
        assert_eq!(
            iso("2026-02-01T06:48:05.250+01:00"),
            "2026-02-01T06:48:05.250+01:00"
        );
        assert_eq!(iso("2019-10-20T12:00:00.000Z"), "2019-10-20T12:00:00.000Z");
    }

    #[test]
    fn reads_ruby_style_offsets_and_one_digit_hours() {
        assert_eq!(
            iso("2026-02-01 06:48:05 +0000"),
            "2026-02-01T06:48:05+00:00"
        );
        assert_eq!(
            iso("2010-01-10 13:07:09 +00:00"),
            "2010-01-10T13:07:09+00:00"
        );
        assert_eq!(
            iso("2018-06-05 09:00:00 -0500"),
            "2018-06-05T09:00:00-05:00"
        );
        assert_eq!(iso("2024-03-21 4:00:00 +0000"), "2024-03-21T04:00:00+00:00");
    }

    #[test]
    fn reads_a_repeated_year_before_the_offset() {
        assert_eq!(
            iso("2023-01-29 18:30:22 2023 -0800"),
            "2023-01-29T18:30:22-08:00"
        );
    }

    #[test]
    fn reads_minutes_precision_and_utc_words() {
        assert_eq!(iso("2019-03-03 10:00"), "2019-03-03T10:00");
        assert_eq!(iso("2019-03-03 10:00:00 UTC"), "2019-03-03T10:00:00Z");
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for bad in [
            "yesterday",
            "2026-13-01",
            "2026-02-30",
            "2026-02-01 25:00",
            "2026-02-01 06:48:05 nonsense",
            "",
        ] {
            assert!(
                ArticleDate::parse(bad).is_err(),
                "{bad:?} should be rejected"
            );
        }
        assert_eq!(iso("last Tuesday"), "unreadable date \"last Tuesday\"");
    }

    #[test]
    fn reads_jekyll_file_names() {
        let date = ArticleDate::from_file_name("2026-02-01-russia-tech.md").map(|d| d.to_iso());
        assert_eq!(date.as_deref(), Some("2026-02-01"));
        assert_eq!(ArticleDate::from_file_name("2026-02-01.md"), None);
        assert_eq!(ArticleDate::from_file_name("2026-99-01-x.md"), None);
        assert_eq!(ArticleDate::from_file_name("notes.md"), None);
        assert_eq!(ArticleDate::from_file_name("20260-2-01-x.md"), None);
        // Byte 10 falls inside a character here: no date, and no cut inside it.
        assert_eq!(ArticleDate::from_file_name("123456789é.md"), None);
        assert_eq!(ArticleDate::from_file_name("12345678\u{fffd}.md"), None);
        assert_eq!(ArticleDate::from_file_name("2026-02-0é-x.md"), None);
    }

    #[test]
    fn ordering_agrees_with_equality() {
        let dates: Vec<ArticleDate> = [
            "2026-02-01T10:00:00Z",
            "2026-02-01T10:00:00+00:00",
            "2026-02-01T10:00:00-05:00",
            "2026-02-01T10:00:00",
        ]
        .iter()
        .map(|text| ArticleDate::parse(text).unwrap())
        .collect();
        for a in &dates {
            for b in &dates {
                assert_eq!(a.cmp(b) == Ordering::Equal, a == b, "{a} and {b}");
            }
        }
    }

    #[test]
    fn orders_by_wall_clock_time_as_written() {
        let a = ArticleDate::parse("2026-02-01").unwrap();
        let b = ArticleDate::parse("2026-02-01 00:00:00").unwrap();
        let c = ArticleDate::parse("2026-02-01T23:00:00-05:00").unwrap();
        let d = ArticleDate::parse("2026-02-02T01:00:00+09:00").unwrap();
        let mut dates = vec![d, c, b, a];
        dates.sort();
        assert_eq!(dates, vec![a, b, c, d]);
    }
}
