//! Shell integration: completion scripts and the manual page, generated from the command-line
//! definition.

mod common;

use std::process::Command;

use common::{moodwire, repository};

const SUBCOMMANDS: [&str; 8] = [
    "list",
    "show",
    "check",
    "stats",
    "tag",
    "config",
    "completions",
    "man",
];

#[test]
fn completions_for_every_shell_name_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let run = moodwire(&["completions", shell], repository());
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        for name in SUBCOMMANDS {
            assert!(run.stdout.contains(name), "{shell} completion lacks {name}");
        }
        assert!(run.stdout.contains("no-cache"), "{shell}");
        assert!(run.stdout.contains("query"), "{shell}");
    }
    let unknown = moodwire(&["completions", "tcsh"], repository());
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("invalid value 'tcsh'"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn the_bash_completion_is_valid_bash_and_completes_subcommands() {
    let script = moodwire(&["completions", "bash"], repository()).stdout;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("moodwire.bash");
    std::fs::write(&path, &script).unwrap();
    // Load the script and ask it, as bash would on Tab, to complete `moodwire st`.
    let probe = format!(
        "source {}; COMP_WORDS=(moodwire st); COMP_CWORD=1; COMP_LINE='moodwire st'; COMP_POINT=11; \
         _moodwire moodwire st moodwire; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        path.display()
    );
    let Ok(output) = Command::new("bash").args(["--norc", "-c", &probe]).output() else {
        return eprintln!("no bash here: the completion script is not run");
    };
    let replies = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let replies: Vec<&str> = replies.lines().collect();
    assert!(replies.contains(&"stats"), "{replies:?}");
    assert!(
        !replies.contains(&"list"),
        "only what starts with st: {replies:?}"
    );
}

#[test]
fn the_manual_page_is_roff_for_every_subcommand() {
    let run = moodwire(&["man"], repository());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with(".ie"),
        "{}",
        &run.stdout[..80.min(run.stdout.len())]
    );
    assert!(run.stdout.contains(".TH moodwire 1"), "no title header");
    assert!(
        run.stdout
            .contains("A terminal news reader with sentiment tagging")
    );
    for name in SUBCOMMANDS {
        assert!(
            run.stdout.contains(&format!("moodwire\\-{name}")),
            "man page lacks {name}"
        );
    }
    assert!(run.stdout.contains("\\-\\-no\\-watch"));
    assert!(run.stdout.contains("\\-\\-config"));
}
