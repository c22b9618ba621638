//! The shape of the code, kept by a test: modules depend downward only, on floors that a
//! newcomer can read off the folders (README, "Architecture"), no loop of imports joins two
//! modules, the core and the configuration know nothing of terminals, and no setting is
//! process-wide state.
//!
//! Every `.rs` file under `src/` is read, tests included; what a file names as `crate::module`
//! (or `moodwire::module` in the binary's `cli`) is an edge from its top-level module to that
//! one. Comments are left out, so that a doc link is not taken for an import.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each top-level module and its floor, bottom first. A module may use the modules of its own
/// floor (as long as no loop forms) and of the floors below.
const FLOORS: &[(&str, u8)] = &[
    // 1. model and text
    ("address", 1),
    ("article", 1),
    ("codec", 1),
    ("date", 1),
    ("date_format", 1),
    ("limits", 1),
    ("opener", 1),
    ("packed", 1),
    ("parallel", 1),
    ("reading", 1),
    ("replace_file", 1),
    ("samples", 1),
    ("sanitize", 1),
    ("title", 1),
    ("words", 1),
    // 2. reading one file
    ("frontmatter", 2),
    ("page", 2),
    ("parse", 2),
    ("scrape", 2),
    ("sentiment", 2),
    ("tldr", 2),
    // 3. many files
    ("cache", 3),
    ("history", 3),
    ("index", 3),
    ("loader", 3),
    ("marks", 3),
    ("query", 3),
    ("tagger", 3),
    // 4. the loaded set
    ("library", 4),
    // 5. fetching
    ("feed", 5),
    ("import", 5),
    ("subscriptions", 5),
    ("web", 5),
    // 6. presentation and configuration
    ("config", 6),
    ("render", 6),
    // 7. front ends
    ("cli", 7),
    ("tui", 7),
];

/// The floors that must not know the terminal: everything below presentation, and the
/// configuration.
fn knows_no_terminal(module: &str) -> bool {
    module == "config" || floor(module) < 6
}

const PRESENTATION: &[&str] = &["render", "cli", "tui"];
const TERMINAL_CRATES: &[&str] = &["ratatui", "crossterm"];

fn floor(module: &str) -> u8 {
    FLOORS
        .iter()
        .find(|(name, _)| *name == module)
        .map(|(_, floor)| *floor)
        .unwrap_or_else(|| panic!("src/{module} has no floor in tests/architecture.rs"))
}

/// The source of every file of every top-level module, comments left out.
fn sources() -> BTreeMap<String, Vec<(PathBuf, String)>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    collect(&src, &mut files);
    let mut by_module: BTreeMap<String, Vec<(PathBuf, String)>> = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(&src).unwrap();
        let first = relative.components().next().unwrap().as_os_str();
        let module = first.to_string_lossy().trim_end_matches(".rs").to_owned();
        if module == "lib" || module == "main" {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        by_module
            .entry(module)
            .or_default()
            .push((relative.to_path_buf(), without_comments(&text)));
    }
    by_module
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// The text with every `//` comment cut off its line (a `//` inside a string cuts the rest of
/// that line too, which can only hide an edge, never make one up).
fn without_comments(text: &str) -> String {
    let lines = text.lines().map(|line| match line.find("//") {
        Some(at) => &line[..at],
        None => line,
    });
    lines.collect::<Vec<_>>().join("\n")
}

/// The names that follow `prefix` in `text`: `crate::library::Library` gives `library`.
fn names_after<'a>(text: &'a str, prefix: &str) -> BTreeSet<&'a str> {
    let mut names = BTreeSet::new();
    for (at, _) in text.match_indices(prefix) {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &text[at + prefix.len()..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        names.insert(&rest[..end]);
    }
    names
}

/// Each module's uses of other modules, with a file that makes each.
fn edges() -> BTreeMap<String, BTreeMap<String, PathBuf>> {
    let mut edges: BTreeMap<String, BTreeMap<String, PathBuf>> = BTreeMap::new();
    for (module, files) in sources() {
        let prefix = if module == "cli" {
            "moodwire::"
        } else {
            "crate::"
        };
        let uses = edges.entry(module.clone()).or_default();
        for (path, text) in files {
            for name in names_after(&text, prefix) {
                if name != module && FLOORS.iter().any(|(known, _)| *known == name) {
                    uses.entry(name.to_owned()).or_insert_with(|| path.clone());
                }
            }
        }
    }
    edges
}

#[test]
fn every_module_has_a_floor_and_uses_none_above_its_own() {
    let mut upward = Vec::new();
    for (module, uses) in edges() {
        for (used, file) in uses {
            if floor(&used) > floor(&module) {
                upward.push(format!(
                    "{module} (floor {}) uses {used} (floor {}) in src/{}",
                    floor(&module),
                    floor(&used),
                    file.display()
                ));
            }
        }
    }
    assert!(upward.is_empty(), "{}", upward.join("\n"));
}

#[test]
fn no_loop_of_imports_joins_two_modules() {
    let edges = edges();
    // Depth-first search; a module met again while still on the path closes a loop.
    fn visit<'a>(
        module: &'a str,
        edges: &'a BTreeMap<String, BTreeMap<String, PathBuf>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|m| *m == module) {
            let mut cycle: Vec<String> = path[at..].iter().map(|m| m.to_string()).collect();
            cycle.push(module.to_owned());
            return Some(cycle);
        }
        if !done.insert(module) {
            return None;
        }
        path.push(module);
        for used in edges.get(module).into_iter().flat_map(|uses| uses.keys()) {
            if let Some(cycle) = visit(used, edges, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for module in edges.keys() {
        if let Some(cycle) = visit(module, &edges, &mut Vec::new(), &mut done) {
            panic!("a loop of imports: {}", cycle.join(" -> "));
        }
    }
}

#[test]
fn the_core_and_the_configuration_know_nothing_of_terminals() {
    let mut found = Vec::new();
    for (module, files) in sources() {
        if !knows_no_terminal(&module) {
            continue;
        }
        for (path, text) in files {
            for name in TERMINAL_CRATES.iter().chain(PRESENTATION) {
                let named = names_after(&text, &format!("{name}::")).len()
                    + names_after(&text, &format!("crate::{name}")).len();
                if named > 0 {
                    found.push(format!("src/{} names {name}", path.display()));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// Settings (limits, scale, colours, date format, keys) are values handed down, never state
/// installed once and read from anywhere.
#[test]
fn no_setting_is_process_wide() {
    let mut found = Vec::new();
    for files in sources().values() {
        for (path, text) in files {
            for pattern in ["fn install(", "fn current()", "static INSTALLED"] {
                if text.contains(pattern) {
                    found.push(format!("src/{}: {pattern}", path.display()));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The checks above find what they look for.
#[test]
fn the_checks_see_imports_and_skip_comments() {
    let text = without_comments(
        "use crate::library::Library; // crate::tui\nlet x = crate::query::Query::parse(q);\n\
         my_crate::other;",
    );
    assert_eq!(
        names_after(&text, "crate::")
            .into_iter()
            .collect::<Vec<_>>(),
        ["library", "query"]
    );
}

/// The cache is keyed by a fingerprint of the code that turns a file into an article
/// (`build.rs`, `READING_CODE`): every module that code uses, outside tests, is in it, so that
/// a build that reads files otherwise never takes another build's articles for its own. The
/// limits and the scale are in the cache's header as values.
#[test]
fn the_cache_fingerprint_covers_every_module_that_reads_a_file() {
    let build =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("build.rs")).unwrap();
    let listed: BTreeSet<String> = build
        .lines()
        .filter_map(|line| line.trim().strip_prefix("\"src/"))
        .map(|rest| {
            rest.trim_end_matches("\",")
                .trim_end_matches(".rs")
                .to_owned()
        })
        .collect();
    let sources = sources();
    let mut reached: Vec<String> = vec!["parse".to_owned()];
    let mut seen = BTreeSet::new();
    while let Some(module) = reached.pop() {
        if !seen.insert(module.clone()) {
            continue;
        }
        let files = sources.get(&module).into_iter().flatten();
        let code = files.filter(|(path, _)| !path.to_string_lossy().contains("tests"));
        for (_, text) in code {
            let used = names_after(text, "crate::").into_iter();
            let known = used.filter(|name| FLOORS.iter().any(|(m, _)| m == name));
            reached.extend(known.map(str::to_owned));
        }
    }
    let values = ["limits", "reading", "samples", "render"];
    let missing: Vec<&String> = seen
        .iter()
        .filter(|m| !listed.contains(*m) && !values.contains(&m.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "not in build.rs READING_CODE: {missing:?}"
    );
}
