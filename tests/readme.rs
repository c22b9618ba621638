//! The README's examples are what the program prints: each `$ moodwire ...` line of a
//! `console` block is run in the repository root, and the lines under it must be its output,
//! in order, where `...` stands for lines left out. A command piped into another program is
//! not run; an illustration over a library of one's own goes in a `text` block instead.

mod common;

use common::{moodwire, repository};

/// One `$ moodwire` line and the output shown under it.
struct Example {
    line: usize,
    command: String,
    shown: Vec<String>,
}

fn examples(readme: &str) -> Vec<Example> {
    let mut examples: Vec<Example> = Vec::new();
    let mut in_console = false;
    for (at, line) in readme.lines().enumerate() {
        if line.starts_with("```") {
            in_console = line == "```console";
            continue;
        }
        if !in_console {
            continue;
        }
        match line.strip_prefix("$ ") {
            Some(command) => examples.push(Example {
                line: at + 1,
                command: command.to_owned(),
                shown: Vec::new(),
            }),
            None => {
                if let Some(example) = examples.last_mut() {
                    example.shown.push(line.to_owned());
                }
            }
        }
    }
    // A blank line between two commands parts them; it is not output.
    for example in &mut examples {
        while example
            .shown
            .last()
            .is_some_and(|line| line.trim().is_empty())
        {
            example.shown.pop();
        }
    }
    examples
}

/// The words of a command line, with single quotes kept together as a shell would.
fn words(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in command.chars() {
        match c {
            '\'' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Where `shown` does not match `output`: `...` skips any number of lines, every other line
/// must be the next line of the output (trailing spaces aside).
fn mismatch(shown: &[String], output: &str) -> Option<String> {
    let output: Vec<&str> = output.lines().map(str::trim_end).collect();
    let mut at = 0;
    let mut skipping = false;
    for expected in shown {
        let expected = expected.trim_end();
        if expected == "..." {
            skipping = true;
            continue;
        }
        let found = match skipping {
            true => (at..output.len()).find(|&i| output[i] == expected),
            false => (output.get(at) == Some(&expected)).then_some(at),
        };
        match found {
            Some(i) => at = i + 1,
            None => {
                let actual = output.get(at).copied().unwrap_or("(the end of the output)");
                return Some(format!("expected {expected:?}, found {actual:?}"));
            }
        }
        skipping = false;
    }
    None
}

#[test]
fn the_readmes_examples_are_what_the_program_prints() {
    let readme = std::fs::read_to_string(repository().join("README.md")).unwrap();
    let examples = examples(&readme);
    let mut run = 0;
    let mut wrong = Vec::new();
    for example in &examples {
        let words = words(&example.command);
        if words.first().map(String::as_str) != Some("moodwire")
            || example.command.contains('|')
            || example.shown.iter().all(|line| line.trim().is_empty())
        {
            continue;
        }
        let args: Vec<&str> = words[1..].iter().map(String::as_str).collect();
        let output = moodwire(&args, repository());
        run += 1;
        if let Some(problem) = mismatch(&example.shown, &output.stdout) {
            wrong.push(format!(
                "README.md:{} `{}`: {problem}",
                example.line, example.command
            ));
        }
    }
    assert!(run >= 5, "only {run} examples were run");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_matcher_skips_only_where_told() {
    let shown = |lines: &[&str]| -> Vec<String> { lines.iter().map(|l| l.to_string()).collect() };
    assert_eq!(mismatch(&shown(&["a", "...", "d"]), "a\nb\nc\nd\n"), None);
    assert!(mismatch(&shown(&["a", "c"]), "a\nb\nc\n").is_some());
    assert!(mismatch(&shown(&["a", "...", "e"]), "a\nb\n").is_some());
}
