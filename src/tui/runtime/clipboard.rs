//! Copying text through the terminal: the OSC 52 sequence asks the terminal itself to put it
//! on the clipboard, which works over SSH and inside tmux (with `set-clipboard on`), where no
//! clipboard program of this machine would reach the user's.

use std::io::{self, Write};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// The sequence that puts `text` on the clipboard. Base64 leaves nothing in it that a terminal
/// could read as another sequence.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", STANDARD.encode(text))
}

/// Writes the sequence for `text` to the terminal.
pub fn copy(terminal: &mut impl Write, text: &str) -> io::Result<()> {
    terminal.write_all(osc52(text).as_bytes())?;
    terminal.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_travels_in_base64_and_nothing_else_escapes() {
        assert_eq!(
            osc52("https://example.com/a?b=1"),
            "\x1b]52;c;aHR0cHM6Ly9leGFtcGxlLmNvbS9hP2I9MQ==\x07"
        );
        let hostile = osc52("x\x07\x1b]52;c;evil\x1b\\");
        let inner = &hostile["\x1b]52;c;".len()..hostile.len() - 1];
        assert!(
            inner
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+/=".contains(c))
        );
    }
}
