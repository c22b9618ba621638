//! The headline of a scrape: the line just above where the article's text starts that reads
//! like a headline, passing over what a page puts around one: the caption and credit of the
//! photo above it, a kicker in capitals, menu items, breadcrumbs, the byline and the date.

use rustc_hash::FxHashSet;

use super::folded::with_folded;
use super::furniture::is_furniture;
use super::lines::Line;

/// How many lines above the start of the text may hold the headline.
pub const WINDOW: usize = 40;
/// What it is worth to a line that all its words are words of the article: a headline says
/// what the article says; a menu item or a call to action rarely does.
const SHARED_WEIGHT: f64 = 2.5;

/// A word (lowercased) that says what a line is about: three letters or more, and no stop
/// word.
pub fn is_content_word(word: &str) -> bool {
    word.chars().count() >= 3 && super::stoplists::languages_of(word) == 0
}

/// The share of the content words of `line` ([`is_content_word`]) that the article's text
/// uses too.
fn shared_words(line: &str, text_words: &FxHashSet<String>) -> f64 {
    let (mut words, mut shared) = (0, 0);
    super::lines::for_each_stop_word(line, &mut String::new(), |w| {
        if is_content_word(w) {
            words += 1;
            shared += usize::from(text_words.contains(w));
        }
    });
    if words == 0 {
        return 0.0;
    }
    shared as f64 / words as f64
}

/// Words that start a call to action or a link in a menu: `Request a demo`, `View all`.
const ACTIONS: &[&str] = &[
    "request",
    "get",
    "book",
    "schedule",
    "view",
    "learn",
    "contact",
    "advertise",
    "subscribe",
    "sign",
    "join",
    "download",
    "start",
    "try",
    "shop",
    "buy",
    "explore",
    "discover",
    "see",
    "meet",
    "connect",
    "follow",
    "visit",
    "read",
    "watch",
    "listen",
    "go",
    "back",
    "register",
    "login",
    "log",
    "search",
    "show",
    "browse",
    "order",
    "claim",
    "save",
    "share",
];

/// The headline among `lines`, whose article text starts at line `start` and uses the words
/// `text_words` (lowercased): the best-scoring line of the window above it (or the first line
/// of the text itself), if any scores above nothing.
pub fn find(lines: &[Line], start: usize, text_words: &FxHashSet<String>) -> Option<usize> {
    let first = start.saturating_sub(WINDOW);
    let last = start.min(lines.len().checked_sub(1)?);
    // What each line of the window (and the few below it) is, worked out once.
    let kinds: Vec<Kind> = lines[first..lines.len().min(last + 4)]
        .iter()
        .map(|line| Kind::of(line.text))
        .collect();
    let mut best: Option<(f64, usize)> = None;
    for i in first..=last {
        let distance = if i < start { (start - i) as f64 } else { 1.5 };
        let below = &kinds[i + 1 - first..(i + 4).min(start.max(i + 1)) - first];
        let score = score(lines[i].text, &kinds[i - first], below) - 0.12 * distance
            + SHARED_WEIGHT * shared_words(lines[i].text, text_words);
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, i));
        }
    }
    best.filter(|(score, _)| *score > 0.0).map(|(_, i)| i)
}

/// What a line near the headline is, as far as the headline's score goes.
struct Kind {
    credit: bool,
    dated: bool,
    furniture: bool,
}

impl Kind {
    fn of(line: &str) -> Kind {
        Kind {
            credit: is_credit(line),
            dated: is_date_line(line) || is_byline(line),
            furniture: is_furniture(line),
        }
    }
}

/// How much `line` (which is `kind`) reads like a headline, given what the lines `below` it
/// (up to the text) are.
fn score(line: &str, kind: &Kind, below: &[Kind]) -> f64 {
    let words: Vec<&str> = line.split_whitespace().collect();
    let n = words.len();
    let mut score = match n {
        0..=2 => -3.0, // a menu item, a section name, a kicker
        3..=25 => 2.0,
        _ => -2.0,
    };
    if line.chars().count() > 200 {
        score -= 3.0;
    }
    if crate::title::atx_heading_text(line).is_some_and(|t| !t.is_empty()) {
        score += 3.0;
    }
    // Captions and sentences end with a full stop; headlines rarely do.
    if line.ends_with('.') && !line.ends_with("...") {
        score -= 2.0;
    }
    if kind.credit {
        score -= 3.0;
    }
    if kind.dated {
        score -= 4.0;
    }
    if kind.furniture {
        score -= 5.0;
    }
    let first_word = line
        .split_whitespace()
        .next()
        .map(|w| w.to_lowercase())
        .unwrap_or_default();
    if n <= 5 && ACTIONS.contains(&first_word.as_str()) {
        score -= 2.0; // a call to action, a menu's link
    }
    if line.contains(['»', '|', '→', '›', '←']) || line.ends_with(':') {
        score -= 3.0; // breadcrumbs, menu arrows, labels
    }
    let letters = line.chars().filter(|c| c.is_alphabetic());
    let all_caps = letters.clone().all(|c| !c.is_lowercase()) && letters.count() > 0;
    if all_caps && n <= 4 {
        score -= 2.0; // a kicker
    }
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    score += capitalised as f64 / n.max(1) as f64;
    // A headline sits above its byline and date; a caption sits above its credit.
    if below.iter().take(3).any(|k| k.dated) {
        score += 1.5;
    }
    if below.first().is_some_and(|k| k.credit) {
        score -= 2.0;
    }
    score
}

/// A photo credit or agency line: `Photo: Jane Doe/Reuters`, `(AP Photo/...)`.
pub fn is_credit(line: &str) -> bool {
    with_folded(line, is_folded_credit)
}

fn is_folded_credit(folded: &str) -> bool {
    // The words of a credit. Most short lines hold none of them at all, even as parts of
    // words; only those that do are split into words. `ap` first: most long lines hold it.
    const PARTS: [&str; 11] = [
        "ap",
        "photo",
        "image",
        "picture",
        "credit",
        "getty",
        "reuters",
        "afp",
        "shutterstock",
        "illustration",
        "courtesy",
    ];
    if !PARTS.iter().any(|part| folded.contains(part)) {
        return false;
    }
    let mut by_word = false;
    super::lines::for_each_word(folded, &mut String::new(), |w| {
        by_word |= PARTS.contains(&w) || matches!(w, "photos" | "images");
    });
    by_word || folded.contains("/ap") || folded.contains("/ afp")
}

/// A caption that ends in its photo's credit: `The barrier will span the harbour. Photo: City
/// Council.`, `Crowds in the square (AP Photo/Jane Doe)`: a few words of credit after a
/// sentence, which no paragraph of an article ends with.
pub fn ends_with_credit(line: &str) -> bool {
    const MARKS: [&str; 8] = [
        "photo:",
        "photograph:",
        "photo by ",
        "image:",
        "picture:",
        "credit:",
        "(ap photo",
        "photo/",
    ];
    let folded = line.to_lowercase();
    MARKS.iter().any(|mark| {
        let Some(at) = folded.rfind(mark) else {
            return false;
        };
        let (caption, credit) = folded.split_at(at);
        let caption = caption.trim_end();
        // A mark in brackets sets itself apart; the others follow a sentence or a divider.
        let apart = mark.starts_with('(') || caption.ends_with(['.', '|', '-', '–', '—', ',', ';']);
        !caption.is_empty() && apart && credit.split_whitespace().count() <= 8
    })
}

/// A byline: `By Jane Doe`, `Written by ...`, `von`, `par`, `por`, `di`, `door`.
pub fn is_byline(line: &str) -> bool {
    (line.len() < 120 || line.chars().count() < 120)
        && with_folded(line, |folded| {
            let rest = ["written ", "posted ", "reviewed ", "edited "]
                .iter()
                .find_map(|p| folded.strip_prefix(p))
                .unwrap_or(folded);
            ["by", "von", "par", "por", "di", "door"].iter().any(|by| {
                rest.strip_prefix(by)
                    .map(|after| after.trim_start_matches(':'))
                    .is_some_and(|after| after.starts_with(' ') && after.trim().len() > 1)
            })
        })
}

/// A line that is a date, maybe with `Updated`, `Published` or a weekday before it.
pub fn is_date_line(line: &str) -> bool {
    if line.len() > 80 && line.chars().count() > 80 {
        return false;
    }
    // Every year a date line must have is written in digits: most lines have none.
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let folded = line.to_lowercase();
    let words: Vec<String> = super::lines::stop_words(&folded).collect();
    if words.is_empty() || words.len() > 10 {
        return false;
    }
    let has_year = words.iter().any(|w| {
        w.len() == 4
            && (w.starts_with("19") || w.starts_with("20"))
            && w.bytes().all(|b| b.is_ascii_digit())
            || w.len() == 10 && w.as_bytes()[4] == b'-' && w.starts_with("20")
    }) || folded
        .split(|c: char| c.is_whitespace())
        .any(is_numeric_date);
    const MONTHS: &[&str] = &[
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    const LEADS: &[&str] = &[
        "updated",
        "published",
        "posted",
        "last",
        "on",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "am",
        "pm",
        "at",
        "et",
        "gmt",
        "utc",
        "min",
        "read",
        "hours",
        "ago",
    ];
    let dated = words.iter().any(|w| MONTHS.contains(&w.as_str())) || has_year;
    // Most of the line must be date words, numbers and the words that go with them.
    let other = words
        .iter()
        .filter(|w| {
            !(MONTHS.contains(&w.as_str())
                || LEADS.contains(&w.as_str())
                || w.bytes().all(|b| b.is_ascii_digit())
                || w.bytes().any(|b| b.is_ascii_digit()))
        })
        .count();
    dated && has_year && other <= 2
}

/// `12/03/2024`, `2024-03-12`, `12.03.2024`.
fn is_numeric_date(token: &str) -> bool {
    let parts: Vec<&str> = token
        .split(['/', '-', '.'])
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| p.bytes().all(|b| b.is_ascii_digit()) && p.len() <= 4)
        && parts.iter().any(|p| p.len() == 4 || p.len() == 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caption_ends_in_a_few_words_of_credit() {
        for caption in [
            "The barrier will span the harbour mouth. Photo: City Council.",
            "Crowds gather in the square (AP Photo/Jane Doe)",
            "Harbour cranes stand idle. Photograph: Jane Doe/Reuters",
            "Storm clouds over the bay | Image: Getty Images",
        ] {
            assert!(ends_with_credit(caption), "{caption}");
        }
        for sentence in [
            "Photo: Jane Doe/Reuters",
            "The company's image has suffered since the recall, analysts said.",
            "He took a photo: it was blurry, and it showed nothing of the storm that night.",
            "The council approved the plan on Tuesday.",
        ] {
            assert!(!ends_with_credit(sentence), "{sentence}");
        }
    }

    #[test]
    fn bylines_dates_and_credits_are_told_apart_from_headlines() {
        assert!(is_byline("By Jane Doe"));
        assert!(is_byline("Written by: Jane Doe"));
        assert!(!is_byline("Bypass roads reopen"));
        assert!(is_date_line("Published March 3, 2024"));
        assert!(is_date_line("Updated 12:30 PM ET, Tue March 5, 2024"));
        assert!(is_date_line("2024-03-05"));
        assert!(!is_date_line(
            "Markets fell in March 2024 as rates rose sharply again"
        ));
        assert!(is_credit("Photo: Jane Doe/Reuters"));
        assert!(is_credit("(AP Photo/John Smith)"));
        assert!(!is_credit(
            "US Has Failed to Counter Russia's Import Substitution Strategy"
        ));
    }
}
