//! `moodwire man`: the manual page. The commands and their options come from the command-line
//! definition; the keys, the query language and the configuration from the tables the program
//! itself uses, so that none of it falls behind; the files and the environment are listed here.

use std::io::{self, Write};

use clap::CommandFactory;
use clap_mangen::roff::{Inline, Roff, bold, roman};

use moodwire::config::DEFAULT_FILE;
use moodwire::query::guide;
use moodwire::tui::keys::key_rows;

use super::args::Cli;

/// What moodwire reads and writes, and where.
const FILES: &[(&str, &str)] = &[
    (
        "$XDG_CONFIG_HOME/moodwire/config.yaml",
        "the configuration (on macOS under ~/Library/Application Support); `moodwire config \
         path` says where it is looked for, `--config` or `MOODWIRE_CONFIG` names another. Read, \
         never written but by `moodwire config init`.",
    ),
    (
        "$XDG_DATA_HOME/moodwire/state.json",
        "the reader's read and starred marks, by article id (or in `MOODWIRE_DATA_DIR`). \
         Private (0600), replaced atomically on each change.",
    ),
    (
        "$XDG_DATA_HOME/moodwire/search-history",
        "the queries the search bar kept, latest last. Private.",
    ),
    (
        "$XDG_CONFIG_HOME/moodwire/feeds.opml",
        "the subscriptions `moodwire fetch` reads, an OPML file any feed reader can import; \
         written by `moodwire feeds add` and `feeds remove`.",
    ),
    (
        "$XDG_DATA_HOME/moodwire/feeds-state.json",
        "what the last fetch of each subscription said (its ETag and Last-Modified, sent back \
         so that an unchanged feed costs one small reply; its title; why it failed). Private.",
    ),
    (
        "$XDG_DATA_HOME/moodwire/imported-items",
        "a hash of each item `import` and `fetch` wrote, so that none is written twice, even \
         after its file was deleted or moved. Private.",
    ),
    (
        "$XDG_CACHE_HOME/moodwire/library-*.cache, library-*.roots",
        "one cache per set of library folders: the articles without their bodies and the \
         search index (or in `MOODWIRE_CACHE_DIR`); private, kept under \
         `limits.max_cache_bytes`; `--no-cache` does without.",
    ),
    (
        "article files",
        "read; written only by `moodwire tag --write` and the reader's `t` (and `U`, which puts \
         the previous bytes back), and only inside the library's folders. `import`, `fetch` \
         and the reader's `F` add new files to the folder they import into and never \
         overwrite one.",
    ),
];

/// The variables moodwire reads.
const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "BROWSER",
        "the programs that open links, apart by `:`; `%s` stands for the address. Before the \
         configuration's `browser`, which comes before xdg-open (open on macOS).",
    ),
    (
        "COLUMNS",
        "the width `show` wraps to when `--width` is not given.",
    ),
    ("NO_COLOR", "when set and not empty, no colour anywhere."),
    (
        "MOODWIRE_CONFIG",
        "the configuration file to read instead of the default one.",
    ),
    (
        "MOODWIRE_CACHE_DIR, MOODWIRE_DATA_DIR",
        "the folders for the caches, and for the marks and the search history.",
    ),
    (
        "MOODWIRE_TRACE_TIMING",
        "a file the reader appends the times of its first frame and loads to, for measuring.",
    ),
];

/// Exit codes and what they mean.
const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "success"),
    (
        "1",
        "problems found: `check` found a file that could not be loaded (warnings alone exit \
         0), `tag` could not tag one, or `import` or `fetch` could not read a source or write \
         an item",
    ),
    (
        "2",
        "usage or configuration error, including an article that `show` cannot find or a file \
         it cannot load",
    ),
];

pub fn man() -> io::Result<()> {
    let mut out = io::stdout().lock();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    out.write_all(extra_sections().render().as_bytes())?;
    out.flush()
}

/// The sections after the commands and options.
fn extra_sections() -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["KEYS"]);
    paragraph(
        &mut roff,
        "The interactive reader's keys out of the box; the configuration's `keys:` gives an \
         action other keys (its name follows each key here), and `?` shows the keys in use.",
    );
    let mut place = "";
    for row in key_rows() {
        if row.place != place {
            place = row.place;
            roff.control("SS", [place]);
        }
        let mut what = code_spans(row.what);
        if !row.action.is_empty() {
            what.push(roman(" ("));
            what.push(bold(row.action));
            what.push(roman(")"));
        }
        item(&mut roff, vec![bold(row.keys)], what);
    }

    roff.control("SH", ["QUERY LANGUAGE"]);
    paragraph(
        &mut roff,
        "`list --query`, `stats --query` and the reader's search bar read the same language.",
    );
    paragraph(&mut roff, guide::COMBINING);
    for (written, meaning) in guide::TERMS {
        item(
            &mut roff,
            vec![bold(written.join(", "))],
            code_spans(meaning),
        );
    }
    paragraph(&mut roff, guide::WORDS);

    roff.control("SH", ["CONFIGURATION"]);
    paragraph(
        &mut roff,
        "Every key is optional. `moodwire config init` writes this file, the defaults with \
         their comments:",
    );
    roff.control("nf", []);
    for line in DEFAULT_FILE.lines() {
        roff.text([roman(line)]);
    }
    roff.control("fi", []);

    for (title, rows) in [
        ("FILES", FILES),
        ("ENVIRONMENT", ENVIRONMENT),
        ("EXIT STATUS", EXIT_STATUS),
    ] {
        roff.control("SH", [title]);
        for (name, what) in rows {
            item(&mut roff, vec![bold(*name)], code_spans(what));
        }
    }
    roff
}

fn paragraph(roff: &mut Roff, text: &str) {
    roff.control("PP", []);
    roff.text(code_spans(text));
}

/// A tagged paragraph: `tag` on its line, `text` indented under it.
fn item(roff: &mut Roff, tag: Vec<Inline>, text: Vec<Inline>) {
    roff.control("TP", []);
    roff.text(tag);
    roff.text(text);
}

/// `text` with its `code` spans in bold, as a manual page shows what is typed.
fn code_spans(text: &str) -> Vec<Inline> {
    (text.split('`').enumerate())
        .filter(|(_, part)| !part.is_empty())
        .map(|(at, part)| match at % 2 {
            0 => roman(part),
            _ => bold(part),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_are_bold() {
        assert_eq!(
            code_spans("press `q` to quit"),
            [roman("press "), bold("q"), roman(" to quit")]
        );
    }

    /// The manual names every key action, every query term, every configuration key and
    /// every file.
    #[test]
    fn the_manual_documents_keys_queries_configuration_and_files() {
        let page = extra_sections().render();
        for row in key_rows().iter().filter(|row| !row.action.is_empty()) {
            // Roff writes a hyphen escaped.
            assert!(
                page.contains(&row.action.replace('-', "\\-")),
                "{}",
                row.action
            );
        }
        for (written, _) in guide::TERMS {
            assert!(
                page.contains(&written.join(", ").replace('-', "\\-")),
                "{written:?}"
            );
        }
        for key in [
            "library:",
            "browser:",
            "queries:",
            "max_file_bytes:",
            "theme:",
        ] {
            assert!(page.contains(key), "{key}");
        }
        assert!(page.contains("state.json") && page.contains("search\\-history"));
        for written in ["feeds.opml", "feeds\\-state.json", "imported\\-items"] {
            assert!(page.contains(written), "FILES names {written}");
        }
        assert!(
            page.contains("could not read a source"),
            "EXIT STATUS names import"
        );
    }
}
