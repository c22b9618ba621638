//! File names for imported articles: `YYYY-MM-DD-slug.md`, where the slug is made of the
//! title's letters and digits alone, lower case, joined by dashes, and bounded in length. A
//! title such as `../../.bashrc`, or one full of control characters, makes a plain name
//! (`bashrc`), never a path.

use jiff::civil::Date;

/// The longest slug, in characters.
const MAX_SLUG_CHARS: usize = 60;
/// And in bytes, so that a name in a script of long characters stays far below the 255 bytes
/// file systems allow.
const MAX_SLUG_BYTES: usize = 120;
/// The slug of a title with no letter or digit.
const NO_SLUG: &str = "article";

/// The file stem (the name without `.md`) of an article of `day` titled by `words`.
pub fn stem(day: Date, words: &str) -> String {
    format!("{}-{}", day.strftime("%Y-%m-%d"), slug(words))
}

/// `words` as a slug: letters and digits (of any script), lower case, each run of anything
/// else one dash, no dash at the ends, at most `MAX_SLUG_CHARS` characters, cut at a dash
/// where one is near.
pub fn slug(words: &str) -> String {
    let mut slug = String::new();
    let mut dash = false;
    for c in words.chars() {
        if c.is_alphanumeric() {
            if dash && !slug.is_empty() {
                slug.push('-');
            }
            dash = false;
            slug.extend(c.to_lowercase().filter(|c| c.is_alphanumeric()));
        } else {
            dash = true;
        }
        if slug.chars().count() >= MAX_SLUG_CHARS || slug.len() >= MAX_SLUG_BYTES {
            break;
        }
    }
    let slug = cut(&slug);
    match slug.is_empty() {
        true => NO_SLUG.to_owned(),
        false => slug.to_owned(),
    }
}

/// `slug` within the bounds, cut at its last dash when that keeps most of it.
fn cut(slug: &str) -> &str {
    let mut end = 0;
    for (count, (at, c)) in slug.char_indices().enumerate() {
        if count >= MAX_SLUG_CHARS || at + c.len_utf8() > MAX_SLUG_BYTES {
            break;
        }
        end = at + c.len_utf8();
    }
    if end == slug.len() {
        return slug;
    }
    let kept = &slug[..end];
    match kept.rfind('-') {
        Some(dash) if dash >= end / 2 => &kept[..dash],
        _ => kept.trim_end_matches('-'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_letters_digits_and_dashes() {
        for (title, want) in [
            (
                "Oil prices fall 5% as OPEC+ meets",
                "oil-prices-fall-5-as-opec-meets",
            ),
            ("../../.bashrc", "bashrc"),
            ("../../x", "x"),
            ("a\u{1b}[2J\u{7}b\u{0}c\r\nd", "a-2j-b-c-d"),
            ("  -- Café, Ünïcode & 東京 --  ", "café-ünïcode-東京"),
            ("/etc/passwd", "etc-passwd"),
            ("", "article"),
            ("\u{202e}\u{200b}...", "article"),
            ("C:\\Windows\\system32", "c-windows-system32"),
        ] {
            assert_eq!(slug(title), want, "{title:?}");
        }
    }

    #[test]
    fn slugs_are_bounded() {
        let long = "word ".repeat(100);
        let got = slug(&long);
        assert!(got.chars().count() <= MAX_SLUG_CHARS, "{got}");
        assert!(got.ends_with("word"), "cut at a dash: {got}");
        let wide = "東".repeat(500);
        assert!(slug(&wide).len() <= MAX_SLUG_BYTES);
        let no_dash = "x".repeat(500);
        assert_eq!(slug(&no_dash).len(), MAX_SLUG_CHARS);
    }

    #[test]
    fn stems_start_with_the_day() {
        let day = Date::new(2010, 9, 6).unwrap();
        assert_eq!(stem(day, "Hello, world"), "2010-09-06-hello-world");
    }
}
