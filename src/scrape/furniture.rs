//! Lines that are page furniture by what they say: comment forms, sharing and navigation,
//! recirculation, advertising and sign-ups, cookie notices, photo credits and site
//! boilerplate. Matched against the whole line, case folded, so that a sentence of the article
//! that merely mentions a newsletter is not taken for one.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::folded::with_folded;

/// Lines that are furniture when they say exactly this (trailing `.`, `!` and `:` ignored).
const WHOLE: &[&str] = &[
    "leave a comment",
    "leave a reply",
    "post a comment",
    "add a comment",
    "add comment",
    "comment",
    "comments",
    "reply",
    "cancel reply",
    "scroll to top",
    "back to top",
    "go to top",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this post",
    "tweet",
    "email",
    "print",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "reddit",
    "pinterest",
    "copy link",
    "related",
    "related posts",
    "related articles",
    "related stories",
    "related content",
    "more stories",
    "most popular",
    "most read",
    "trending",
    "advertisement",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "menu",
    "main menu",
    "toggle navigation",
    "search",
    "home",
    "login",
    "log in",
    "log out",
    "sign in",
    "register",
    "close",
    "previous",
    "previous post",
    "previous article",
    "next",
    "next post",
    "next article",
    "cookie policy",
    "cookie settings",
    "privacy policy",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "contact us",
    "about us",
    "getty images",
    "loading",
    "accept",
    "accept all",
    "reject all",
    "manage cookies",
];

/// Lines that are furniture when they start with this (followed by the end of a word), as
/// long as they are short: a long line that starts so is more likely a sentence.
const STARTS: &[&str] = &[
    "your email address will not be published",
    "required fields are marked",
    "you must be logged in to post a comment",
    "share on",
    "share via",
    "share this:",
    "you may also like",
    "you might also like",
    "recommended for you",
    "read more",
    "read next",
    "continue reading",
    "subscribe",
    "sign up",
    "newsletter",
    "get our newsletter",
    "follow us",
    "tags:",
    "tagged:",
    "tagged with",
    "filed under",
    "categories:",
    "category:",
    "posted in",
    "all rights reserved",
    "copyright",
    "photo:",
    "photo credit",
    "photograph:",
    "image:",
    "image credit",
    "credit:",
    "picture:",
    "we use cookies",
    "this site uses cookies",
    "this website uses cookies",
    "by continuing to use",
    "click here",
    "download the app",
];

/// Furniture wherever it stands in a short line.
const ANYWHERE: &[&str] = &[
    "accept all cookies",
    "accept cookies",
    "uses cookies",
    "/ getty images",
    "via getty images",
    "all rights reserved",
];

/// Lines longer than this are taken for prose whatever they start with.
const MAX_CHARS: usize = 160;

/// Lines that open a page's comments or its links to other articles: what follows them is
/// not the article. (Not "Related": news pages put a box of related links inside articles.)
const SECTION_STARTS: &[&str] = &[
    "comments",
    "leave a comment",
    "leave a reply",
    "add new comment",
    "add a comment",
    "post a comment",
    "join the discussion",
    "join the conversation",
    "discussion",
    "responses",
    "reader comments",
    "comments are closed",
    "show comments",
    "view comments",
    "you may also like",
    "you might also like",
    "recommended for you",
    "more stories",
    "most popular",
    "most read",
];

/// True when `line` opens the comments or the links to other articles.
pub fn opens_section(line: &str) -> bool {
    let line = line.trim();
    if line.chars().count() > 60 {
        return false;
    }
    with_folded(line, |folded| {
        let bare = folded.trim_end_matches(['.', '!', ':', ' ', '*', '›', '»', '→']);
        SECTION_STARTS.contains(&bare)
            || is_comment_count(bare)
            || (bare.contains(" thoughts on ") || bare.contains(" responses to "))
                && bare.starts_with(|c: char| c.is_ascii_digit())
    })
}

/// [`WHOLE`] as a set, and [`STARTS`] by their first word: a constant table built once, not
/// a setting. Every line of every scrape is looked up here.
static WHOLE_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| WHOLE.iter().copied().collect());
/// No line longer than the longest of [`WHOLE`] can be one of them, so is not looked up.
const LONGEST_WHOLE: usize = crate::words::longest_len(WHOLE);
static STARTS_BY_WORD: LazyLock<FxHashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    let mut map: FxHashMap<&'static str, Vec<&'static str>> = FxHashMap::default();
    for start in STARTS {
        map.entry(first_word(start)).or_default().push(start);
    }
    map
});

/// The first word of a line, up to a space or a colon.
fn first_word(line: &str) -> &str {
    line.split([' ', ':']).next().unwrap_or("")
}

/// True when `line` is page furniture by what it says.
pub fn is_furniture(line: &str) -> bool {
    let line = line.trim();
    // `&` looked for first: a substring search costs more than a byte's.
    if line.contains('©') || line.as_bytes().contains(&b'&') && line.contains("&copy") {
        return true;
    }
    // A line of at most MAX_CHARS bytes has at most as many characters.
    if line.len() > MAX_CHARS * 4 || line.len() > MAX_CHARS && line.chars().count() > MAX_CHARS {
        return false;
    }
    with_folded(line, is_folded_furniture)
}

fn is_folded_furniture(folded: &str) -> bool {
    let bare = folded.trim_end_matches(['.', '!', ':', ' ', '*', '›', '»', '→']);
    if bare.len() <= LONGEST_WHOLE && WHOLE_SET.contains(bare) || is_comment_count(bare) {
        return true;
    }
    let starts = STARTS_BY_WORD
        .get(first_word(folded))
        .is_some_and(|starts| {
            starts.iter().any(|start| {
                folded.strip_prefix(start).is_some_and(|rest| {
                    start.ends_with(':') || !rest.starts_with(|c: char| c.is_alphanumeric())
                })
            })
        });
    let may_hold =
        folded.contains("cookie") || folded.contains("getty") || folded.contains("rights");
    starts || may_hold && ANYWHERE.iter().any(|part| folded.contains(part))
}

/// `12 comments`, `1 Comment`, `3 replies`.
fn is_comment_count(bare: &str) -> bool {
    let Some((number, word)) = bare.split_once(' ') else {
        return false;
    };
    !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
        && matches!(
            word.trim(),
            "comment" | "comments" | "reply" | "replies" | "shares" | "responses"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines_are_known_by_what_they_say() {
        for line in [
            "Leave a Comment",
            "Your email address will not be published. Required fields are marked *",
            "Scroll to Top",
            "Share this:",
            "Related posts",
            "Advertisement",
            "ADVERTISEMENT",
            "Subscribe to our newsletter",
            "We use cookies to improve your experience. Accept all cookies",
            "Photo: Jane Doe/Getty Images",
            "© 2024 Example News",
            "12 Comments",
            "Skip to content",
            "Tags: economy, trade",
        ] {
            assert!(is_furniture(line), "{line}");
        }
    }

    #[test]
    fn sentences_that_mention_furniture_words_are_not_furniture() {
        for line in [
            "Subscribers to the service rose by a fifth last year.",
            "Read the rest at Asia Times.",
            "The company will share more details next month.",
            "Home prices fell for the third month in a row.",
            "On February 8, drowned out by the flood of commentary that followed his interview.",
            "Advertisement revenue at the group fell 12 per cent, the company said on Tuesday, as brands cut back on spending across Europe and Asia during the quarter.",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
    }
}
