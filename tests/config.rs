//! The configuration file through the binary: where it is, `config init`, broken files and
//! their exact messages, and each setting taking effect, the resource limits included.

mod common;

use std::path::Path;

use common::{Run, moodwire_with_env, repository};

/// Runs moodwire with the configuration `text` (written to `dir/config.yaml`), in `dir`.
fn with_config(dir: &Path, text: &str, args: &[&str]) -> Run {
    let path = dir.join("config.yaml");
    std::fs::write(&path, text).unwrap();
    moodwire_with_env(
        args,
        dir,
        &[("MOODWIRE_CONFIG", &path.display().to_string())],
    )
}

/// A library of one article, written into `dir/library`.
fn one_article(dir: &Path, name: &str, text: &str) -> String {
    let library = dir.join("library");
    std::fs::create_dir_all(&library).unwrap();
    std::fs::write(library.join(name), text).unwrap();
    library.display().to_string()
}

#[test]
fn config_path_follows_the_flag_the_variable_and_the_user_folder() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("xdg");
    let xdg = home.display().to_string();
    let run = moodwire_with_env(
        &["config", "path"],
        dir.path(),
        &[("XDG_CONFIG_HOME", &xdg)],
    );
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        format!("{}\n", home.join("moodwire/config.yaml").display())
    );

    let run = moodwire_with_env(
        &["config", "path"],
        dir.path(),
        &[
            ("XDG_CONFIG_HOME", &xdg),
            ("MOODWIRE_CONFIG", "/srv/mw.yaml"),
        ],
    );
    assert_eq!(run.stdout, "/srv/mw.yaml\n");

    let run = moodwire_with_env(
        &["--config", "given.yaml", "config", "path"],
        dir.path(),
        &[("MOODWIRE_CONFIG", "/srv/mw.yaml")],
    );
    assert_eq!(run.stdout, "given.yaml\n");
}

#[test]
fn config_init_writes_a_default_that_reads_back_and_never_overwrites_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let xdg = dir.path().join("xdg").display().to_string();
    let env = [("XDG_CONFIG_HOME", xdg.as_str())];
    let run = moodwire_with_env(&["config", "init"], dir.path(), &env);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let path = dir.path().join("xdg/moodwire/config.yaml");
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(
        written.starts_with("# moodwire configuration."),
        "{written}"
    );
    assert!(written.contains("max_line_chars: 20000"));

    // Read back: no warning, and the samples list as they do without it.
    let listed = moodwire_with_env(&["list", "--format", "ndjson"], repository(), &env);
    assert_eq!(listed.code, 0);
    assert!(!listed.stderr.contains("warning"), "{}", listed.stderr);
    assert_eq!(listed.stdout.lines().count(), 33);

    std::fs::write(&path, "sort: title\n").unwrap();
    let again = moodwire_with_env(&["config", "init"], dir.path(), &env);
    assert_eq!(again.code, 2);
    assert_eq!(
        again.stderr,
        format!(
            "moodwire: {} already exists; --force replaces it\n",
            path.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "sort: title\n");
    let forced = moodwire_with_env(&["config", "init", "--force"], dir.path(), &env);
    assert_eq!(forced.code, 0);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), written);
}

#[test]
fn broken_configurations_exit_2_with_path_line_and_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.yaml").display().to_string();
    let cases = [
        (
            "sort: newest\n",
            "1: `sort` must be date, score or title, not `newest`",
        ),
        (
            "# colours\ntheme:\n  positive: greenish\n",
            "3: `greenish` is not a colour (a name such as green or light-blue, a number 0 to 255, or #rrggbb)",
        ),
        (
            "keys:\n  quit: [x]\n  jump: g\n",
            "3: `jump` is not an action; the actions are down, up, top, bottom, page-down,",
        ),
        (
            "limits:\n  max_file_bytes: -5\n",
            "2: `max_file_bytes` must be at least 1, not -5",
        ),
        ("library: [\n", "1: invalid YAML: unclosed bracket '['"),
        (
            "theme:\n\tpositive: red\n",
            "2: invalid YAML: tabs disallowed within this context (block indentation)",
        ),
    ];
    for (text, expected) in cases {
        let run = with_config(dir.path(), text, &["list"]);
        assert_eq!(run.code, 2, "{text:?}: {}", run.stderr);
        assert_eq!(run.stdout, "");
        let stderr = run
            .stderr
            .strip_prefix(&format!("moodwire: {path}:"))
            .unwrap_or_else(|| {
                panic!("{text:?}: {}", run.stderr);
            });
        assert!(stderr.starts_with(expected), "{text:?}: {}", run.stderr);
        assert_eq!(stderr.lines().count(), 1, "one line: {}", run.stderr);
    }
}

#[test]
fn a_named_configuration_that_is_missing_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let run = moodwire_with_env(&["--config", "nowhere.yaml", "list"], dir.path(), &[]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "moodwire: nowhere.yaml: no such file or folder\n"
    );
}

#[test]
fn unknown_keys_are_warned_about_and_the_rest_applies() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.yaml").display().to_string();
    let library = repository().join("sample-articles").display().to_string();
    let run = with_config(
        dir.path(),
        "colour: blue\nsort: title\nlimits:\n  max_rows: 3\n",
        &["list", &library, "--format", "ndjson"],
    );
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stderr,
        format!(
            "moodwire: warning: {path}:1: unknown key `colour`, ignored\n\
             moodwire: warning: {path}:4: unknown key `max_rows` in `limits`, ignored\n"
        )
    );
    let first: serde_json::Value =
        serde_json::from_str(run.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(
        first["title"],
        "Airline group returns to record profit as travel demand soars"
    );
}

#[test]
fn library_sort_date_format_and_buckets_take_effect() {
    let dir = tempfile::tempdir().unwrap();
    let library = one_article(
        dir.path(),
        "a.md",
        "---\ntitle: Six out of ten\ndate: 2026-02-01\nsentiment_score: 6\n---\nBody.\n",
    );
    std::fs::write(
        dir.path().join("library/b.md"),
        "---\ntitle: Another\ndate: 2026-01-01\nsentiment_score: 2\n---\nBody.\n",
    )
    .unwrap();
    let config = "library: [library]\nsort: score\ndate_format: '%d %b %Y'\n\
                  buckets:\n  negative_below: 3\n  positive_from: 6\n";
    // No PATH: the configured folder, relative to the configuration's folder.
    let run = with_config(dir.path(), config, &["list"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(
        lines[1].starts_with("•  01 Feb 2026  ▲ pos 6"),
        "{}",
        run.stdout
    );
    assert!(
        lines[2].starts_with("•  01 Jan 2026  ▼ neg 2"),
        "{}",
        run.stdout
    );
    assert!(!library.is_empty());
    // Without the configuration, 6 is neutral.
    let plain = moodwire_with_env(
        &[
            "list",
            &library,
            "--query",
            "label:neutral",
            "--format",
            "ndjson",
        ],
        dir.path(),
        &[],
    );
    assert_eq!(plain.stdout.lines().count(), 1);
    let configured = with_config(
        dir.path(),
        config,
        &["list", "--query", "label:neutral", "--format", "ndjson"],
    );
    assert_eq!(
        configured.stdout.lines().count(),
        0,
        "{}",
        configured.stdout
    );
}

#[test]
fn limit_max_file_bytes_reports_larger_files() {
    let dir = tempfile::tempdir().unwrap();
    let library = one_article(
        dir.path(),
        "big.md",
        &format!("---\ntitle: Big\n---\n{}\n", "word ".repeat(400)),
    );
    let run = with_config(
        dir.path(),
        "limits:\n  max_file_bytes: 1000\n",
        &["check", &library],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("big.md: error: the file is 2.0 KiB, over the limit of 1000 bytes"),
        "{}",
        run.stdout
    );
    let default = with_config(dir.path(), "", &["check", &library]);
    assert_eq!(default.code, 0, "{}", default.stdout);
}

#[test]
fn limit_max_yaml_nesting_refuses_deeper_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    let library = one_article(
        dir.path(),
        "deep.md",
        "---\ntitle: Deep\nextra: [[[[1]]]]\n---\nBody.\n",
    );
    let run = with_config(
        dir.path(),
        "limits:\n  max_yaml_nesting: 3\n",
        &["check", &library],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("YAML front matter nests deeper than 3 levels"),
        "{}",
        run.stdout
    );
    assert_eq!(with_config(dir.path(), "", &["check", &library]).code, 0);
}

#[test]
fn limit_max_yaml_alias_events_stops_alias_expansion() {
    let dir = tempfile::tempdir().unwrap();
    let library = one_article(
        dir.path(),
        "laughs.md",
        "---\ntitle: Laughs\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b]\n---\nBody.\n",
    );
    let run = with_config(
        dir.path(),
        "limits:\n  max_yaml_alias_events: 100\n",
        &["check", &library],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("aliases expand it to too many values"),
        "{}",
        run.stdout
    );
    assert_eq!(with_config(dir.path(), "", &["check", &library]).code, 0);
}

#[test]
fn limit_max_tldr_items_drops_the_rest_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let library = one_article(
        dir.path(),
        "long.md",
        "---\ntitle: Long\ntldr: [one, two, three, four]\n---\nBody.\n",
    );
    let run = with_config(
        dir.path(),
        "limits:\n  max_tldr_items: 2\n",
        &["list", &library, "--format", "json"],
    );
    let items: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(items[0]["tldr"], serde_json::json!(["one", "two"]));
    assert_eq!(
        items[0]["warnings"],
        serde_json::json!(["`tldr` has more than 2 items; the rest are left out"])
    );
}

#[test]
fn limit_max_line_chars_cuts_long_lines_when_shown() {
    let dir = tempfile::tempdir().unwrap();
    let long = "x".repeat(5000);
    let library = one_article(
        dir.path(),
        "wide.md",
        &format!("---\ntitle: Wide\n---\nStart {long} end\n"),
    );
    let file = format!("{library}/wide.md");
    let run = with_config(
        dir.path(),
        "limits:\n  max_line_chars: 100\n",
        &["show", &file],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("[4910 more characters not shown]"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("end"), "{}", run.stdout);
    let uncut = with_config(dir.path(), "", &["show", &file]);
    assert!(uncut.stdout.contains("end"));
    assert!(!uncut.stdout.contains("not shown"));
}

#[test]
fn limit_max_rendered_lines_stops_the_article_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let paragraphs = "A short paragraph.\n\n".repeat(100);
    let library = one_article(
        dir.path(),
        "long.md",
        &format!("---\ntitle: Long\n---\n{paragraphs}The end.\n"),
    );
    let file = format!("{library}/long.md");
    let run = with_config(
        dir.path(),
        "limits:\n  max_rendered_lines: 20\n",
        &["show", &file],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let body = run.stdout.lines().filter(|l| l.contains("A short")).count();
    assert_eq!(
        body, 10,
        "ten paragraphs and their blank lines:\n{}",
        run.stdout
    );
    // Ninety paragraphs and the last line are left out.
    let note = "[the rest of the article, 1,809 characters, is not shown: it passes the limit of \
                20 lines, which limits.max_rendered_lines in the configuration raises]";
    assert!(
        run.stdout.replace('\n', " ").contains(note),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("The end."), "{}", run.stdout);
    let whole = with_config(dir.path(), "", &["show", &file]);
    assert!(whole.stdout.contains("The end."));
    assert!(!whole.stdout.contains("not shown"));
}

#[test]
fn remapped_keys_drive_the_reader_and_its_help() {
    use common::tmux::{Tmux, reader_command, shell_quote, skip};
    let state = tempfile::tempdir().unwrap();
    // The user's own configuration folder, as the reader's environment names it.
    let folder = state.path().join("config/moodwire");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("config.yaml"),
        "keys:\n  quit: x\n  star: s\nsort: title\n",
    )
    .unwrap();
    let library = repository().join("sample-articles").display().to_string();
    let command = reader_command(&shell_quote(&library), state.path());
    let Some(tmux) = Tmux::start("keys", 100, 34, state.path(), &command) else {
        return skip();
    };
    // `s` was sort's: the reader starts by saying sort has no key left.
    tmux.wait_for("`sort` has no key left in list");
    tmux.press(&["j"]);
    // Once loaded, the status bar's hints name the keys in use.
    let screen = tmux.wait_for("s star  ? help  x quit");
    assert!(
        screen.contains("· 33 / 33 · by title"),
        "the configured sort: {screen}"
    );
    tmux.press(&["?"]);
    let help = tmux.wait_for("Esc or ? closes");
    assert!(
        help.lines()
            .any(|l| l.contains(" x ") && l.contains("quit")),
        "{help}"
    );
    tmux.press(&["?"]);
    tmux.wait_for("j/k move");
    tmux.press(&["s"]);
    tmux.wait_for("starred");
    tmux.press(&["q"]);
    // That a key does nothing can only be seen by waiting a moment.
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(!tmux.screen().contains("EXIT="), "q no longer quits");
    tmux.press(&["x"]);
    tmux.wait_for("EXIT=0");
}

/// An article of 9.6 MiB, over the default limit of 8 MiB and allowed by the configured one,
/// is read wherever it is used: `show` by path and by id, search by a word at its end (cold,
/// then from the cache), and the reader, which opens it and finds that word.
#[test]
fn an_article_allowed_by_the_configured_limit_is_read_everywhere() {
    use common::tmux::{Tmux, reader_command, shell_quote, skip};
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "A paragraph of the long report on harbour dredging and the tides.\n\n";
    let mut text = String::from("---\ntitle: The long report\n---\n\n");
    while text.len() < 9_600 * 1024 {
        text.push_str(paragraph);
    }
    text.push_str("The last word is zanzibarite.\n");
    let library = one_article(dir.path(), "long-report.md", &text);
    // Its 300,000 lines are past the default limit on lines too.
    let config = "limits:\n  max_file_bytes: 33554432\n  max_rendered_lines: 1000000\n";
    let cache = dir.path().join("cache").display().to_string();
    let run = |args: &[&str]| {
        let path = dir.path().join("config.yaml");
        std::fs::write(&path, config).unwrap();
        moodwire_with_env(
            args,
            dir.path(),
            &[
                ("MOODWIRE_CONFIG", &path.display().to_string()),
                ("MOODWIRE_CACHE_DIR", &cache),
            ],
        )
    };
    let file = format!("{library}/long-report.md");
    let by_path = run(&["show", &file]);
    assert_eq!(by_path.code, 0, "{}", by_path.stderr);
    assert!(by_path.stdout.contains("zanzibarite"));
    let by_id = run(&["show", "long-report.md", "-l", &library, "--format", "json"]);
    assert_eq!(by_id.code, 0, "{}", by_id.stderr);
    assert!(by_id.stdout.contains("The last word is zanzibarite."));
    for temperature in ["cold", "warm"] {
        let found = run(&["list", &library, "--query", "zanzibarite", "-f", "ndjson"]);
        assert_eq!(found.code, 0, "{temperature}: {}", found.stderr);
        assert!(found.stdout.contains("long-report.md"), "{temperature}");
    }

    let folder = dir.path().join("config/moodwire");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("config.yaml"), config).unwrap();
    let command = reader_command(&shell_quote(&library), dir.path());
    let Some(tmux) = Tmux::start("large", 100, 30, dir.path(), &command) else {
        return skip();
    };
    tmux.wait_for("1 / 1");
    tmux.press(&["/"]);
    tmux.type_text("zanzibarite");
    tmux.press(&["Enter"]);
    tmux.wait_for("1 / 1 · /zanzibarite");
    tmux.press(&["Enter"]);
    tmux.wait_for("A paragraph of the long report");
    tmux.press(&["n"]);
    let screen = tmux.wait_for("The last word is zanzibarite.");
    assert!(!screen.contains("over the limit"), "{screen}");
    // Tagged by hand, read within the same limit.
    tmux.press(&["t"]);
    tmux.wait_for("Tag by hand");
    tmux.press(&["Enter"]);
    tmux.wait_for("tagged long-report.md");
    let written = std::fs::read_to_string(format!("{library}/long-report.md")).unwrap();
    assert!(
        written.contains("sentiment_score: "),
        "the tag is in the file"
    );
    tmux.press(&["q", "q"]);
    tmux.wait_for("EXIT=0");
}

/// A hint names the key in use: with the undo given `z`, the notice after a tag by hand says
/// `z undoes it`, and `z` does.
#[test]
fn hints_name_remapped_keys() {
    use common::tmux::{Tmux, reader_command, shell_quote, skip};
    let state = tempfile::tempdir().unwrap();
    let folder = state.path().join("config/moodwire");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("config.yaml"), "keys:\n  undo-tag: z\n").unwrap();
    let library = state.path().join("articles");
    common::copy_samples(&library);
    let command = reader_command(&shell_quote(&library.display().to_string()), state.path());
    let Some(tmux) = Tmux::start("hints", 100, 30, state.path(), &command) else {
        return skip();
    };
    tmux.wait_for("· 33 / 33 ·");
    tmux.press(&["t"]);
    tmux.wait_for("Tag by hand");
    tmux.press(&["Enter"]);
    tmux.wait_for("z undoes it");
    tmux.press(&["z"]);
    tmux.wait_for("as it was before the tag");
    tmux.press(&["q"]);
    tmux.wait_for("EXIT=0");
}

/// A remap that leaves an action without a key is warned about when moodwire starts, naming it.
#[test]
fn an_action_left_without_a_key_is_warned_about_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.yaml").display().to_string();
    let run = with_config(dir.path(), "keys:\n  star: [m, s]\n", &["list"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "moodwire: warning: {path}:2: `sort` has no key left in list (its keys went to `star`)"
        )),
        "{}",
        run.stderr
    );
}

/// A configured folder that is not there (a drive not mounted) leaves the rest of the library
/// readable, with a warning naming the setting; with none of them there, nothing is read and
/// the error names the setting too. A path named on the command line must exist.
#[test]
fn a_missing_configured_folder_is_left_out_with_a_warning_unless_none_is_left() {
    let dir = tempfile::tempdir().unwrap();
    one_article(
        dir.path(),
        "a.md",
        "---\ntitle: Still here\ndate: 2026-02-01\n---\nBody.\n",
    );
    let both = "library: [library, unmounted]\n";
    for args in [&["list"][..], &["tag"], &["stats"]] {
        let run = with_config(dir.path(), both, args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains(
                "unmounted: no such file or folder, named in the configuration's `library`; \
                 reading the rest of the library"
            ),
            "{args:?}: {}",
            run.stderr
        );
        assert_eq!(
            run.stderr
                .lines()
                .filter(|l| l.contains("unmounted"))
                .count(),
            1
        );
    }
    let list = with_config(dir.path(), both, &["list"]);
    assert!(list.stdout.contains("Still here"), "{}", list.stdout);

    let none = with_config(dir.path(), "library: [unmounted, gone]\n", &["list"]);
    assert_eq!(none.code, 2, "{}", none.stdout);
    assert_eq!(none.stdout, "");
    assert!(
        none.stderr.contains(
            "gone: no such file or folder (named in the configuration's `library`; \
             `moodwire config path` tells where that is)"
        ),
        "{}",
        none.stderr
    );
    assert!(
        none.stderr.contains("unmounted, ") && none.stderr.contains("/gone: no such"),
        "both are named: {}",
        none.stderr
    );
    // A link to a folder not there is a folder not there.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.path().join("gone"), dir.path().join("link")).unwrap();
        let linked = with_config(dir.path(), "library: [library, link]\n", &["list"]);
        assert_eq!(linked.code, 0, "{}", linked.stderr);
        assert!(
            linked
                .stderr
                .contains("link: no such file or folder, named"),
            "{}",
            linked.stderr
        );
        let alone = with_config(dir.path(), "library: [link]\n", &["list"]);
        assert_eq!(alone.code, 2, "{}", alone.stderr);
    }
    let named = with_config(dir.path(), both, &["list", "unmounted"]);
    assert_eq!(named.code, 2);
    assert!(
        named.stderr.contains("unmounted: no such file or folder\n"),
        "{}",
        named.stderr
    );
}
