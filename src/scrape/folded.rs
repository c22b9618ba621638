//! Lines case folded for matching: every line of every scrape and article is matched against
//! furniture, credits and bylines, nearly all of them short ASCII lines, which are folded into a
//! buffer on the stack rather than a new string.

/// ASCII lines up to this many bytes are folded on the stack.
const SHORT: usize = 256;

/// Calls `f` with `text` lowercased exactly as `str::to_lowercase` would.
pub fn with_folded<R>(text: &str, f: impl FnOnce(&str) -> R) -> R {
    if !text.is_ascii() || text.len() > SHORT {
        return f(&text.to_lowercase());
    }
    if !text.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(text);
    }
    let mut buffer = [0u8; SHORT];
    let buffer = &mut buffer[..text.len()];
    buffer.copy_from_slice(text.as_bytes());
    buffer.make_ascii_lowercase();
    match std::str::from_utf8(buffer) {
        Ok(folded) => f(folded),
        // ASCII stays ASCII when lowercased.
        Err(_) => f(&text.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_as_to_lowercase_does() {
        let long = "ABC ".repeat(100);
        for text in [
            "",
            "plain",
            "Mixed Case: 12",
            "ÉTÉ Straße ΟΔΟΣ",
            "İstanbul",
            &long,
        ] {
            assert_eq!(
                with_folded(text, str::to_owned),
                text.to_lowercase(),
                "{text}"
            );
        }
    }
}
