//! Any text as a YAML front matter block: whatever the fast path for plain front matter reads,
//! the YAML parser reads the same, and does not refuse.

#![no_main]

use libfuzzer_sys::fuzz_target;
use moodwire::Limits;
use moodwire::frontmatter::yaml_both_ways;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    if let (Some(fast), parsed) = yaml_both_ways(text, &Limits::default()) {
        assert_eq!(Ok(fast), parsed, "{text:?}");
    }
});
