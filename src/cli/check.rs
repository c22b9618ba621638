//! `moodwire check`: every problem in a library, one line each.

use std::io::{self, Write};

use moodwire::config::Config;
use moodwire::loader::{Problem, Severity};

use super::args::CheckArgs;
use super::source::open_library;

/// Prints every problem and a summary. Returns true when some file could not be loaded.
pub fn run(args: &CheckArgs, config: &Config) -> anyhow::Result<bool> {
    let library = open_library(&args.library.paths, args.library.cache, config)?;
    let mut problems: Vec<Problem> = library.problems().to_vec();
    for article in library.articles() {
        problems.extend(
            article
                .warnings
                .iter()
                .map(|w| Problem::warning(&article.path, w.clone())),
        );
    }
    problems.sort_by(|a, b| a.path.cmp(&b.path).then(a.severity.cmp(&b.severity)));
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    let summary = format!(
        "{} {}, {errors} {}, {warnings} {}",
        library.articles().len(),
        plural(library.articles().len(), "article", "articles"),
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings"),
    );
    match write_report(&problems, &summary) {
        // The reader stopped reading (`check | head`); the verdict still stands.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {}
        result => result?,
    }
    Ok(errors > 0)
}

fn write_report(problems: &[Problem], summary: &str) -> io::Result<()> {
    // A line a problem: buffered, or each line would be a write of its own.
    let mut out = io::BufWriter::new(io::stdout().lock());
    for problem in problems {
        writeln!(out, "{problem}")?;
    }
    writeln!(out, "{summary}")?;
    out.flush()
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}
