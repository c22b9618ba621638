//! Any text as an article body: rendering never panics, emits no control character and keeps
//! every line within the width.

#![no_main]

use libfuzzer_sys::fuzz_target;
use moodwire::render::{Palette, render_markdown, to_plain};

fuzz_target!(|input: (u8, &str)| {
    let (width, markdown) = input;
    let width = usize::from(width);
    let rendered = render_markdown(markdown, width, &Palette::default());
    let text = to_plain(&rendered.lines);
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "control character in {text:?}"
    );
    let widest = width.max(20);
    assert!(
        rendered.lines.iter().all(|line| line.width() <= widest),
        "a line is wider than {widest}"
    );
});
