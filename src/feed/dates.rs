//! Dates as feeds write them, read as feedparser reads them: RFC 822 (with or without a
//! weekday, two-digit years, US zone names), ISO 8601 and RFC 3339 (with or without a zone,
//! `T` or a space), asctime; to the second, in UTC.
//!
//! feedparser's rules are followed where they are a reading of the text (an unknown zone
//! name such as `CEST`, even `PM`, counts as UTC; a malformed offset as none; an RFC 822 date
//! without a zone is no date). One rule is not: feedparser reads `2020/1/10 14:33` as the year
//! 2020 with the month it is run in and day 1; here it is 10 January 2020, as written.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

/// Reads a feed's date, or `None` when it is not one.
pub fn parse_date(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    let bytes = text.as_bytes();
    if bytes.len() < 8 {
        return None;
    }
    let iso = bytes[0].is_ascii_digit() && bytes.get(4) == Some(&b'-');
    let basic = bytes[..8].iter().all(u8::is_ascii_digit);
    let slashed = bytes[..4].iter().all(u8::is_ascii_digit) && bytes[4] == b'/';
    if iso || basic {
        iso_8601(text)
    } else if slashed {
        slashed_date(text)
    } else {
        rfc_822(text)
    }
}

/// `2010-09-06T00:01:00+02:00`, `2010-09-06 00:01`, `2010-09-06`, `20100906T000100Z` (of
/// which feedparser keeps the day).
fn iso_8601(text: &str) -> Option<Timestamp> {
    if !text.contains('-') {
        let date = date(&text[..4], &text[4..6], &text[6..8])?;
        return utc(date, Time::midnight(), 0);
    }
    let date = date(text.get(..4)?, text.get(5..7)?, text.get(8..10)?)?;
    if text.get(7..8) != Some("-") {
        return None;
    }
    let rest = &text[10..];
    if rest.is_empty() {
        return utc(date, Time::midnight(), 0);
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let zone_at = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
    let time = clock(rest[..zone_at].trim())?;
    let offset = match zone_at == rest.len() {
        true => 0,
        false => zone(&rest[zone_at..])?,
    };
    utc(date, time, offset)
}

/// `2020/1/10 14:33:00`: a date as written, with its time if any, in UTC.
fn slashed_date(text: &str) -> Option<Timestamp> {
    let mut parts = text.split_whitespace();
    let mut ymd = parts.next()?.split('/');
    let date = date(ymd.next()?, ymd.next()?, ymd.next()?)?;
    let time = match parts.next() {
        Some(time) => clock(time)?,
        None => Time::midnight(),
    };
    utc(date, time, 0)
}

/// `Mon, 06 Sep 2010 00:01:00 +0000`, `06 Sep 10 00:01 GMT`, `Sep 06 2010 00:01:00 EST`,
/// asctime's `Mon Sep 06 00:01:00 UTC 2010`.
fn rfc_822(text: &str) -> Option<Timestamp> {
    let mut tokens: Vec<&str> = text.split([' ', ',']).filter(|t| !t.is_empty()).collect();
    let first = tokens.first()?;
    if is_weekday(first) {
        tokens.remove(0);
    } else if first.chars().all(char::is_alphabetic) && month(first).is_none() {
        // A weekday in another language: feedparser gives up, and so does this.
        return None;
    }
    if tokens.len() < 4 {
        return None;
    }
    let (day, month_number, year, rest): (&str, u32, &str, Vec<&str>) =
        if let Some(m) = month(tokens[0]) {
            let asctime = tokens[1].bytes().all(|b| b.is_ascii_digit()) && tokens[2].contains(':');
            if asctime {
                let year = tokens.last()?;
                let mut rest = vec![tokens[2]];
                rest.extend_from_slice(&tokens[3..tokens.len() - 1]);
                (tokens[1], m, year, rest)
            } else {
                (tokens[1], m, tokens[2], tokens[3..].to_vec())
            }
        } else {
            (
                tokens[0],
                month(tokens[1])?,
                tokens[2],
                tokens[3..].to_vec(),
            )
        };
    let year: i16 = year.parse().ok()?;
    let year = match year {
        0..=90 => year + 2000,
        91..=99 => year + 1900,
        _ => year,
    };
    let day: i8 = day.parse().ok()?;
    let date = Date::new(year, i8::try_from(month_number).ok()?, day).ok()?;
    let time = clock(rest.first()?)?;
    // Without a zone, feedparser gives no date.
    let offset = zone(rest.get(1)?)?;
    utc(date, time, offset)
}

fn date(year: &str, month: &str, day: &str) -> Option<Date> {
    Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?).ok()
}

/// `14:33`, `14:33:07`, `14:33:07.250` (the fraction dropped).
fn clock(text: &str) -> Option<Time> {
    let mut parts = text.split(':');
    let hour: i8 = parts.next()?.parse().ok()?;
    let minute: i8 = parts.next()?.parse().ok()?;
    let second: i8 = match parts.next() {
        Some(second) => second.split('.').next()?.parse().ok()?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    Time::new(hour, minute, second, 0).ok()
}

/// A zone's offset east of UTC, in seconds: `+0200`, `-05:00`, `+02`, `Z`, `GMT`, `EST`...
/// Any other name counts as UTC, and a malformed number as no offset, as in feedparser.
fn zone(text: &str) -> Option<i32> {
    let text = text.trim();
    if let Some(sign) = text.chars().next().filter(|c| matches!(c, '+' | '-'))
        && text.len() >= 3
    {
        let digits: String = text[1..].chars().filter(|&c| c != ':').collect();
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (hours, minutes): (i32, i32) = match digits.len() {
            2 => (digits.parse().ok()?, 0),
            4 => (digits[..2].parse().ok()?, digits[2..].parse().ok()?),
            _ => (0, 0),
        };
        let seconds = hours * 3600 + minutes * 60;
        return Some(if sign == '-' { -seconds } else { seconds });
    }
    let hours = match text.to_ascii_uppercase().as_str() {
        "UT" | "UTC" | "GMT" | "Z" => 0,
        "EST" => -5,
        "EDT" => -4,
        "CST" => -6,
        "CDT" => -5,
        "MST" => -7,
        "MDT" => -6,
        "PST" => -8,
        "PDT" => -7,
        name if name.chars().all(|c| c.is_ascii_alphabetic()) && !name.is_empty() => 0,
        _ => return None,
    };
    Some(hours * 3600)
}

fn utc(date: Date, time: Time, offset_seconds: i32) -> Option<Timestamp> {
    let local = DateTime::from_parts(date, time)
        .to_zoned(TimeZone::UTC)
        .ok()?;
    local
        .timestamp()
        .checked_sub(SignedDuration::from_secs(i64::from(offset_seconds)))
        .ok()
}

fn month(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let head = word.get(..3)?.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == head)
        .map(|at| at as u32 + 1)
}

fn is_weekday(word: &str) -> bool {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    word.get(..3)
        .is_some_and(|head| DAYS.contains(&head.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<String> {
        parse_date(text).map(|t| t.to_string())
    }

    #[test]
    fn dates_are_read_as_feedparser_reads_them() {
        let cases = [
            (
                "Mon, 06 Sep 2010 00:01:00 +0000",
                Some("2010-09-06T00:01:00Z"),
            ),
            (
                "Mon, 06 Sep 2010 00:01:00 GMT",
                Some("2010-09-06T00:01:00Z"),
            ),
            ("06 Sep 2010 00:01:00 EST", Some("2010-09-06T05:01:00Z")),
            ("Mon, 6 Sep 10 0:01:00 +02:00", Some("2010-09-05T22:01:00Z")),
            ("Sat, Dec 16 2023 02:02:33 PM", Some("2023-12-16T02:02:33Z")),
            (
                "Mon, 06 Sep 2010 00:01:00 CEST",
                Some("2010-09-06T00:01:00Z"),
            ),
            ("Mon, 06 Sep 2010 00:01:00", None),
            ("mer, 16 nov 2022 10:00:00 +0100", None),
            ("Mon Sep 06 00:01:00 UTC 2010", Some("2010-09-06T00:01:00Z")),
            ("2010-09-06T00:01:00Z", Some("2010-09-06T00:01:00Z")),
            (
                "2007-12-04T21:07:00.001-08:00",
                Some("2007-12-05T05:07:00Z"),
            ),
            ("2010-09-06T00:01:00", Some("2010-09-06T00:01:00Z")),
            ("2010-09-06 00:01:00", Some("2010-09-06T00:01:00Z")),
            ("2010-09-06T00:01Z", Some("2010-09-06T00:01:00Z")),
            ("2010-09-06", Some("2010-09-06T00:00:00Z")),
            ("20100906T000100Z", Some("2010-09-06T00:00:00Z")),
            ("2020/1/10 14:33:00", Some("2020-01-10T14:33:00Z")),
            ("yesterday", None),
            ("", None),
            ("2010-13-45", None),
            ("Mon, 31 Feb 2010 00:01:00 GMT", None),
            ("Mon, 06 Sep 2010 24:00:00 GMT", None),
        ];
        for (text, want) in cases {
            assert_eq!(read(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn odd_text_never_panics() {
        for text in [
            "é€ü 2010",
            "2010-0é-01",
            "2010-09-06T",
            "+++++++++",
            "Mon, 06 Sep 99999 00:01 Z",
            "0000-00-00",
            "9999-12-31T23:59:59-23:59",
            "Sep 06 ::: UTC 2010",
        ] {
            let _ = parse_date(text);
        }
    }
}
