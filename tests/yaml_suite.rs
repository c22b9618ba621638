//! The inputs of the official YAML test suite (`$MOODWIRE_CORPORA/yaml-test-suite`), each used
//! as an article's front matter: every file loads or is reported with a reason, nothing hangs,
//! and the inputs the suite calls invalid are rejected, but for those that cannot reach the
//! YAML parser as they are, each listed with why.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use moodwire::Reading;
use moodwire::library::Library;
use moodwire::loader::Severity;

/// Far longer than loading 402 small files takes; reaching it means something hangs.
const PATIENCE: Duration = Duration::from_secs(120);

struct Case {
    id: String,
    invalid: bool,
    input: Vec<u8>,
}

fn cases(suite: &Path) -> Vec<Case> {
    let index = std::fs::read_to_string(suite.join("index.tsv")).unwrap();
    index
        .lines()
        .skip(1)
        .map(|line| {
            let mut columns = line.split('\t');
            let id = columns.next().unwrap().to_owned();
            let invalid = columns.next() == Some("yes");
            let input = std::fs::read(suite.join("cases").join(format!("{id}.yaml"))).unwrap();
            Case { id, invalid, input }
        })
        .collect()
}

/// The input without a first line that only starts the document: the front matter's opening
/// fence already does that, and the same line again would close the front matter at once.
fn without_document_start(input: &[u8]) -> &[u8] {
    let first_line_end = input.iter().position(|&b| b == b'\n');
    match first_line_end {
        Some(end) if input[..end].trim_ascii_end() == b"---" => &input[end + 1..],
        _ => input,
    }
}

/// Invalid inputs the YAML parser itself accepts.
const PARSER_LENIENCY: [(&str, &str); 1] = [(
    "9C9N",
    "the parser accepts flow sequence lines indented less than their key",
)];

/// Why an input the suite calls invalid is not refused, if it cannot be.
fn why_not_rejected(id: &str, input: &[u8]) -> Option<&'static str> {
    if let Some((_, reason)) = PARSER_LENIENCY.iter().find(|(known, _)| *known == id) {
        return Some(reason);
    }
    let text = String::from_utf8_lossy(without_document_start(input));
    let closes_front_matter = text
        .lines()
        .any(|line| matches!(line.trim_end(), "---" | "..."));
    if closes_front_matter {
        return Some(
            "a `---` or `...` line ends the front matter there, so the invalid part is body text",
        );
    }
    None
}

#[test]
fn every_yaml_suite_input_as_front_matter_is_loaded_or_reported_and_invalid_ones_rejected() {
    let Some(root) = std::env::var_os("MOODWIRE_CORPORA") else {
        eprintln!("skipped: MOODWIRE_CORPORA is not set");
        return;
    };
    let cases = cases(&Path::new(&root).join("yaml-test-suite"));
    assert_eq!(cases.len(), 402, "the suite has 402 inputs");
    assert_eq!(cases.iter().filter(|c| c.invalid).count(), 94);

    let dir = tempfile::tempdir().unwrap();
    for case in &cases {
        let mut file = b"---\n".to_vec();
        file.extend_from_slice(without_document_start(&case.input));
        if !case.input.ends_with(b"\n") {
            file.push(b'\n');
        }
        file.extend_from_slice(b"---\nBody.\n");
        std::fs::write(dir.path().join(format!("{}.md", case.id)), file).unwrap();
    }

    let folder = dir.path().to_path_buf();
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(Library::load(&[folder], &Reading::default()));
    });
    let library = receiver
        .recv_timeout(PATIENCE)
        .expect("loading the suite's inputs hangs");

    let path_of = |case: &Case| dir.path().join(format!("{}.md", case.id));
    let loaded: Vec<&PathBuf> = library.articles().iter().map(|a| &a.path).collect();
    let refused: Vec<&PathBuf> = library
        .problems()
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| &p.path)
        .collect();
    let mut exceptions = Vec::new();
    for case in &cases {
        let path = path_of(case);
        let is_loaded = loaded.contains(&&path);
        let is_refused = refused.contains(&&path);
        assert!(
            is_loaded != is_refused,
            "{}: loaded {is_loaded}, refused {is_refused}",
            case.id
        );
        if case.invalid && is_loaded {
            let reason = why_not_rejected(&case.id, &case.input).unwrap_or_else(|| {
                panic!(
                    "{}: invalid YAML was accepted:\n{}",
                    case.id,
                    String::from_utf8_lossy(&case.input)
                )
            });
            exceptions.push((case.id.as_str(), reason));
        }
    }
    let invalid = cases.iter().filter(|c| c.invalid).count();
    println!(
        "{} of {invalid} invalid inputs rejected; not rejected, and why:",
        invalid - exceptions.len()
    );
    for (id, reason) in &exceptions {
        println!("  {id}: {reason}");
    }
    // Every message names the file's line, not the block's: none points before the block.
    for problem in library.problems() {
        assert!(!problem.message.contains("line 0"), "{}", problem.message);
    }
}
