use std::path::Path;

use super::read;
use super::*;

fn read(text: &str) -> Result<read::Read, read::Problem> {
    read::config(text, Path::new("/etc/moodwire"))
}

#[test]
fn the_commented_default_is_the_default() {
    let (config, warnings) = read(DEFAULT_FILE).unwrap();
    assert_eq!(config, Config::default());
    assert_eq!(warnings, []);
}

#[test]
fn every_key_is_read() {
    let text = "\
library:
  - ~/news
  - feeds
sort: score
date_format: '%d %b %Y'
buckets:
  negative_below: 4
  positive_from: 7.5
theme:
  positive: '#00ff00'
  negative: light-red
  star: 214
keys:
  quit: [x, Ctrl-q]
  down: J
limits:
  max_file_bytes: 1000
  max_yaml_nesting: 4
  max_yaml_alias_events: 10
  max_tldr_items: 3
  max_rendered_lines: 500
  max_line_chars: 80
";
    let (config, warnings) = read(text).unwrap();
    assert_eq!(warnings, []);
    let home = directories::BaseDirs::new()
        .unwrap()
        .home_dir()
        .to_path_buf();
    assert_eq!(
        config.library,
        [
            home.join("news"),
            Path::new("/etc/moodwire/feeds").to_path_buf()
        ]
    );
    assert_eq!(config.sort, SortOrder::Score);
    assert_eq!(config.date_format.pattern(), "%d %b %Y");
    assert_eq!(config.scale.neutral_from, 4.0);
    assert_eq!(config.scale.positive_from, 7.5);
    assert_eq!(config.theme.positive, Colour::Rgb(0, 255, 0));
    assert_eq!(config.theme.negative, Colour::Named(Named::LightRed));
    assert_eq!(config.theme.star, Colour::Indexed(214));
    assert_eq!(config.theme.neutral, Theme::default().neutral);
    assert_eq!(
        config.keys,
        [
            KeyRemap {
                action: "quit".into(),
                line: 14,
                keys: vec![("x".into(), 14), ("Ctrl-q".into(), 14)]
            },
            KeyRemap {
                action: "down".into(),
                line: 15,
                keys: vec![("J".into(), 15)]
            }
        ]
    );
    let limits = config.limits;
    assert_eq!(
        (
            limits.max_file_bytes,
            limits.max_nesting,
            limits.max_alias_events,
            limits.max_tldr_items,
            limits.max_rendered_lines,
            limits.max_line_chars
        ),
        (1000, 4, 10, 3, 500, 80)
    );
}

#[test]
fn unknown_keys_are_warnings_with_their_line() {
    let text = "sort: title\ncolour: blue\ntheme:\n  positive: green\n  background: black\n";
    let (config, warnings) = read(text).unwrap();
    assert_eq!(config.sort, SortOrder::Title);
    assert_eq!(
        warnings,
        [
            (2, "unknown key `colour`, ignored".to_owned()),
            (5, "unknown key `background` in `theme`, ignored".to_owned())
        ]
    );
}

#[test]
fn an_empty_or_comment_only_file_is_the_default() {
    assert_eq!(read("").unwrap().0, Config::default());
    assert_eq!(read("# nothing yet\n").unwrap().0, Config::default());
}

#[test]
fn unusable_values_name_their_line() {
    let cases: &[(&str, u64, &str)] = &[
        (
            "sort: newest\n",
            1,
            "`sort` must be date, score or title, not `newest`",
        ),
        ("\nsort: [date]\n", 2, "`sort` must be text, not a list"),
        (
            "library: 3\n",
            1,
            "`library` must list folders, found a number",
        ),
        (
            "library:\n  - ok\n  - {a: b}\n",
            3,
            "`library` must list folders, found a mapping",
        ),
        (
            "date_format: '%Q'\n",
            1,
            "`date_format` `%Q` is not a date format",
        ),
        (
            "buckets:\n  negative_below: 8\n  positive_from: 6\n",
            1,
            "`buckets` must satisfy 1 < negative_below <= positive_from <= 10 (found 8 and 6)",
        ),
        (
            "buckets:\n  positive_from: high\n",
            2,
            "`positive_from` must be a number, not text",
        ),
        (
            "theme:\n  positive: greenish\n",
            2,
            "`greenish` is not a colour",
        ),
        ("theme: red\n", 1, "`theme` must be a mapping, not text"),
        ("keys:\n  quit: []\n", 2, "`quit` needs at least one key"),
        (
            "limits:\n  max_file_bytes: 0\n",
            2,
            "`max_file_bytes` must be at least 1, not 0",
        ),
        (
            "limits:\n  max_tldr_items: 2.5\n",
            2,
            "`max_tldr_items` must be a whole number, not a number",
        ),
        (
            "- a\n- b\n",
            1,
            "expected a mapping of settings, found a list",
        ),
        ("sort: date\n  bad indent: x\n", 2, "invalid YAML"),
        ("sort: 'unclosed\n", 2, "invalid YAML"),
    ];
    for (text, line, message) in cases {
        let error = read(text).expect_err(text);
        assert_eq!(error.0, *line, "{text:?}: {error:?}");
        assert!(error.1.starts_with(message), "{text:?}: {error:?}");
        assert!(!error.1.contains('\n'), "one line: {error:?}");
    }
}

#[test]
fn errors_read_path_line_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.yaml");
    std::fs::write(&path, "sort: newest\n").unwrap();
    let error = load(Some(path.clone()), true).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "{}:1: `sort` must be date, score or title, not `newest`",
            path.display()
        )
    );
}

#[test]
fn a_missing_file_is_the_default_unless_it_was_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.yaml");
    let loaded = load(Some(path.clone()), false).unwrap();
    assert_eq!(loaded.config, Config::default());
    let error = load(Some(path.clone()), true).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!("{}: no such file or folder", path.display())
    );
}

#[test]
fn a_file_that_is_not_text_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.yaml");
    std::fs::write(&path, b"sort: \xff\xfe\n").unwrap();
    let error = load(Some(path), true).unwrap_err();
    assert!(error.to_string().ends_with(": not UTF-8 text"), "{error}");
}

/// The README shows the default file as `config init` writes it.
#[test]
fn the_readme_shows_the_commented_default() {
    let readme = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"));
    assert!(
        readme.contains(DEFAULT_FILE),
        "README.md should show src/config/default.yaml as it is"
    );
}

#[test]
fn messages_stay_on_one_line_whatever_the_file_quotes() {
    let error = parse("sort: \"new\\nest\\u001b[2J\"\n", "c.yaml".into()).unwrap_err();
    let shown = error.to_string();
    assert!(shown.starts_with("c.yaml:1: `sort` must be"), "{shown}");
    assert!(
        !shown.contains('\n') && !shown.contains('\u{1b}'),
        "{shown:?}"
    );
    let loaded = parse("\"odd\\nkey\": 1\n", "c.yaml".into()).unwrap();
    assert_eq!(loaded.warnings.len(), 1);
    assert!(!loaded.warnings[0].contains('\n'), "{:?}", loaded.warnings);
}

#[test]
fn saved_searches_are_read_and_checked() {
    let text = "queries:\n  energy: category:energy OR tag:oil\n  grim: '@energy label:negative'\n";
    let (config, warnings) = read(text).unwrap();
    assert_eq!(warnings, []);
    assert_eq!(config.queries.get("grim"), Some("@energy label:negative"));
    let error = read("queries:\n  ok: oil\n  broken: '(oil OR gas'\n").unwrap_err();
    assert_eq!(error.0, 3);
    assert_eq!(
        error.1,
        "the saved search `broken` does not read: `(` is never closed"
    );
    let error = read("queries:\n  a: '@b'\n").unwrap_err();
    assert!(
        error.1.contains("no saved search is called `b`"),
        "{error:?}"
    );
}

#[test]
fn the_browser_is_a_command_as_text_or_as_words() {
    let words = |text: &str| read(text).unwrap().0.browser;
    assert_eq!(
        words("browser: firefox --new-tab\n"),
        ["firefox", "--new-tab"]
    );
    assert_eq!(
        words("browser: [my browser, '%s']\n"),
        ["my browser", "%s"],
        "a list keeps each word whole"
    );
    assert!(words("browser: \"\"\n").is_empty());
    assert!(read("browser: {a: 1}\n").is_err());
}

#[test]
fn the_import_folder_and_the_fetch_limits_are_read() {
    let text =
        "import_into: inbox\nfetch:\n  connect_timeout: 3\n  timeout: 7\n  max_bytes: 1000\n";
    let (config, warnings) = read(text).unwrap();
    assert_eq!(warnings, []);
    assert!(config.import_into.unwrap().ends_with("inbox"));
    assert_eq!(
        config.fetch.connect_timeout,
        std::time::Duration::from_secs(3)
    );
    assert_eq!(config.fetch.timeout, std::time::Duration::from_secs(7));
    assert_eq!(config.fetch.max_bytes, 1000);
    assert_eq!(read("import_into: null\n").unwrap().0.import_into, None);
    let error = read("fetch:\n  timeout: 0\n").unwrap_err();
    assert_eq!(error, (2, "`timeout` must be at least 1, not 0".to_owned()));
    let (_, warnings) = read("fetch:\n  retries: 3\n").unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
}

#[test]
fn a_recursive_alias_is_said_in_the_user_s_words() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.yaml");
    std::fs::write(&path, "sort: date\nlibrary: &a [*a]\n").unwrap();
    let error = load(Some(path.clone()), true).unwrap_err().to_string();
    assert!(
        error.ends_with("invalid YAML: an alias refers to the value it is inside of"),
        "{error}"
    );
    assert!(
        error.starts_with(&format!("{}:", path.display())),
        "{error}"
    );
}
