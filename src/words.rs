//! Words, as search sees them: maximal runs of Unicode letters and digits, lowercased.
//! `Russia's` gives `russia` and `s`; `U.S.` gives `u` and `s`.

use std::borrow::Cow;

/// The words of `text` with their byte offsets, as written (not lowercased).
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let mut rest = text;
    let mut offset = 0;
    std::iter::from_fn(move || {
        let start = rest.find(char::is_alphanumeric)?;
        let after_start = &rest[start..];
        let len = after_start
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(after_start.len());
        let word = &after_start[..len];
        let at = offset + start;
        offset = at + len;
        rest = &after_start[len..];
        Some((at, word))
    })
}

/// A word in the form search compares: lowercased, without allocating when it already is.
pub fn normalize(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| !b.is_ascii_uppercase() && b.is_ascii())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// The normalised words of `text`.
pub fn words(text: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    word_spans(text).map(|(_, word)| normalize(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        words(text).map(Cow::into_owned).collect()
    }

    #[test]
    fn splits_on_anything_but_letters_and_digits() {
        assert_eq!(
            all("Russia's U.S. supply-chain 5G"),
            ["russia", "s", "u", "s", "supply", "chain", "5g"]
        );
        assert_eq!(all("  ...  "), Vec::<String>::new());
    }

    #[test]
    fn lowercases_any_script() {
        assert_eq!(
            all("ÉCONOMIE Straße ΑΘΗΝΑ 東京"),
            ["économie", "straße", "αθηνα", "東京"]
        );
    }

    #[test]
    fn reports_byte_offsets_of_words_as_written() {
        let spans: Vec<(usize, &str)> = word_spans("Oil, Ölpreis!").collect();
        assert_eq!(spans, [(0, "Oil"), (5, "Ölpreis")]);
    }
}
