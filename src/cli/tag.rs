//! `moodwire tag`: estimate sentiment for untagged articles and, with `--write`, write it
//! into their files.

use std::io::{self, Write};

use anyhow::bail;
use serde::Serialize;

use moodwire::article::{Article, Origin};
use moodwire::config::Config;
use moodwire::library::LibrarySource;
use moodwire::loader::{FileStamp, Severity, Source, display_path, read_found, walk};
use moodwire::parallel;
use moodwire::parse::{estimate_missing_tldr, parse_article_estimating_sentiment};
use moodwire::reading::Reading;
use moodwire::sentiment::{self, Estimate};
use moodwire::tagger::{self, Tag};

use super::args::{TagArgs, TagFormat};
use super::source::{self, DEFAULT_FOLDER};

/// What became of one file.
#[derive(Debug, Serialize)]
#[serde(rename_all = "lowercase")]
enum Status {
    /// Dry run: the tag that would be written.
    Proposed,
    Tagged,
    Failed,
}

#[derive(Debug, Serialize)]
struct Outcome {
    path: String,
    title: Option<String>,
    status: Status,
    score: Option<f64>,
    label: Option<String>,
    /// The words that weighed most, the strongest first.
    reasons: Vec<ReasonJson>,
    /// True when the file's own sentiment is kept and only a TL;DR is written (`--tldr`).
    sentiment_kept: bool,
    error: Option<String>,
}

#[derive(Debug, Serialize)]
struct ReasonJson {
    text: String,
    weight: f64,
}

#[derive(Debug, Default, Serialize)]
struct Summary {
    written: bool,
    tagged: usize,
    proposed: usize,
    skipped: usize,
    failed: usize,
}

/// Runs the command; true when some file failed.
pub fn run(args: &TagArgs, config: &Config) -> anyhow::Result<bool> {
    let reading = config.reading();
    let paths = match source::resolve(&args.paths, &config.library)? {
        (LibrarySource::Paths(paths), _) => paths,
        (LibrarySource::BuiltIn, _) => bail!(
            "no PATH given and no ./{DEFAULT_FOLDER} folder; the built-in samples are not files \
             that can be tagged, so name the files or folders to tag"
        ),
    };
    if args.paths.is_empty() {
        match config.library.is_empty() {
            true => eprintln!("moodwire: no PATH given; tagging ./{DEFAULT_FOLDER}"),
            false => eprintln!("moodwire: no PATH given; tagging the configuration's library"),
        }
    }
    // The paths named are the roots: nothing outside them, every link followed, is written.
    let batch = tagger::Batch::new(tagger::Options {
        replace: args.force,
        read_only: args.force,
        ..tagger::Options::within(&paths)
    });
    let found = walk(&paths, &reading.limits);
    let mut summary = Summary {
        written: args.write,
        ..Summary::default()
    };
    // What kept a file from being read is a failure; what the walk passed over on purpose (a
    // link out of the library, the rest of a library past `max_files`) is said, as `check`
    // says it, and fails nothing.
    let (errors, warnings): (Vec<_>, Vec<_>) = found
        .problems
        .iter()
        .partition(|problem| problem.severity == Severity::Error);
    for warning in warnings {
        let path = display_path(&warning.path);
        eprintln!("moodwire: {path}: warning: {}", warning.message);
    }
    let mut outcomes: Vec<Outcome> = errors
        .into_iter()
        .map(|problem| failed(display_path(&problem.path), None, problem.message.clone()))
        .collect();
    // Phase one on all cores: read, estimate, and write each file's new bytes beside it.
    let mut staged = Vec::new();
    parallel::for_each(
        &found.sources,
        |source| tag_one(source, args, &batch, &reading),
        |_, outcome| match outcome {
            Some((outcome, written)) => {
                if let Some(written) = written {
                    staged.push((outcomes.len(), written));
                }
                outcomes.push(outcome);
            }
            None => summary.skipped += 1,
        },
    );
    // Then all at once: sync, rename what did not change meanwhile, sync the renames.
    let (at, staged): (Vec<usize>, Vec<_>) = staged.into_iter().unzip();
    for (at, result) in at.into_iter().zip(tagger::commit(staged)) {
        let outcome = &mut outcomes[at];
        match result {
            Ok(_) => outcome.status = Status::Tagged,
            Err(error) => {
                outcome.status = Status::Failed;
                outcome.error = Some(error.to_string());
            }
        }
    }
    outcomes.sort_by(|a, b| a.path.cmp(&b.path));
    for outcome in &outcomes {
        match outcome.status {
            Status::Proposed => summary.proposed += 1,
            Status::Tagged => summary.tagged += 1,
            Status::Failed => summary.failed += 1,
        }
    }
    // One line an article: buffered, or each line would be a write of its own.
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.format {
        TagFormat::Json => {
            #[derive(Serialize)]
            struct Report<'a> {
                summary: &'a Summary,
                articles: &'a [Outcome],
            }
            let report = Report {
                summary: &summary,
                articles: &outcomes,
            };
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
        TagFormat::Table => write_table(&mut out, &outcomes, &summary)?,
    }
    out.flush()?;
    Ok(summary.failed > 0)
}

/// Reads and estimates one file and, with `--write`, stages its new bytes (the outcome then
/// says `Tagged` until the commit tells otherwise); `None` when it is skipped because it
/// already carries sentiment.
fn tag_one(
    source: &Source,
    args: &TagArgs,
    batch: &tagger::Batch,
    reading: &Reading,
) -> Option<(Outcome, Option<tagger::Staged>)> {
    let path = display_path(&source.path);
    let (bytes, stamp) = match read_found(source, reading.limits.max_file_bytes) {
        Ok(read) => read,
        Err(message) => return Some((failed(path, None, message), None)),
    };
    // The TL;DR is estimated only when it is to be written: it costs more than the sentiment.
    let parsed =
        parse_article_estimating_sentiment(&bytes, source.id.clone(), source.path.clone(), reading);
    let (mut article, estimate) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => return Some((failed(path, None, error.to_string()), None)),
    };
    let estimate = match estimate {
        Some(estimate) => estimate,
        None if args.force => sentiment::estimate_article(&article, reading.scale),
        None if args.tldr && article.tldr_origin != Some(Origin::File) => {
            return tldr_alone(source, &bytes, stamp, article, args, batch, reading);
        }
        None => return None,
    };
    let title = Some(article.title.clone());
    if !args.write {
        return Some((
            outcome(path, title, Status::Proposed, &estimate, None),
            None,
        ));
    }
    if args.tldr {
        estimate_missing_tldr(&mut article);
    }
    let tldr = match (args.tldr, article.tldr_origin) {
        (true, Some(Origin::Estimated)) => article.tldr.clone(),
        _ => Vec::new(),
    };
    let tag = Tag::new(estimate.score, estimate.label()).and_then(|tag| tag.with_tldr(tldr));
    let staged = tag.and_then(|tag| {
        tagger::stage(
            &source.path,
            &bytes,
            Some(stamp),
            &article,
            &tag,
            batch,
            reading,
        )
    });
    Some(match staged {
        Ok(staged) => (
            outcome(path, title, Status::Tagged, &estimate, None),
            Some(staged),
        ),
        Err(error) => {
            let error = Some(error.to_string());
            (outcome(path, title, Status::Failed, &estimate, error), None)
        }
    })
}

/// [`tag_one`] for a file that carries a sentiment already, with `--tldr`: its estimated
/// TL;DR written alone, its sentiment kept; `None` when no TL;DR can be estimated for it.
fn tldr_alone(
    source: &Source,
    bytes: &[u8],
    stamp: FileStamp,
    mut article: Article,
    args: &TagArgs,
    batch: &tagger::Batch,
    reading: &Reading,
) -> Option<(Outcome, Option<tagger::Staged>)> {
    estimate_missing_tldr(&mut article);
    if article.tldr_origin != Some(Origin::Estimated) {
        return None;
    }
    let kept = |status, error| Outcome {
        path: display_path(&source.path),
        title: Some(article.title.clone()),
        status,
        score: article.sentiment.score,
        label: article.sentiment.label.clone(),
        reasons: Vec::new(),
        sentiment_kept: true,
        error,
    };
    if !args.write {
        return Some((kept(Status::Proposed, None), None));
    }
    let staged = Tag::tldr_alone(article.tldr.clone()).and_then(|tag| {
        let path = &source.path;
        tagger::stage(path, bytes, Some(stamp), &article, &tag, batch, reading)
    });
    Some(match staged {
        Ok(staged) => (kept(Status::Tagged, None), Some(staged)),
        Err(error) => (kept(Status::Failed, Some(error.to_string())), None),
    })
}

fn outcome(
    path: String,
    title: Option<String>,
    status: Status,
    estimate: &Estimate,
    error: Option<String>,
) -> Outcome {
    Outcome {
        path,
        title,
        status,
        score: Some(estimate.score),
        label: Some(estimate.label().to_owned()),
        reasons: estimate
            .reasons
            .iter()
            .map(|r| ReasonJson {
                text: r.text.clone(),
                weight: (r.weight * 100.0).round() / 100.0,
            })
            .collect(),
        sentiment_kept: false,
        error,
    }
}

fn failed(path: String, title: Option<String>, error: String) -> Outcome {
    Outcome {
        path,
        title,
        status: Status::Failed,
        score: None,
        label: None,
        reasons: Vec::new(),
        sentiment_kept: false,
        error: Some(error),
    }
}

/// One line per article: what was (or would be) written and why; failures with their reason;
/// then the summary.
fn write_table(out: &mut impl Write, outcomes: &[Outcome], summary: &Summary) -> io::Result<()> {
    let width = outcomes
        .iter()
        .map(|o| o.path.chars().count())
        .max()
        .unwrap_or(0);
    for o in outcomes {
        // The path padded to the widest, as `{:width$}` pads: by characters.
        let (path, pad) = (&o.path, width.saturating_sub(o.path.chars().count()));
        match (&o.status, o.score, o.label.as_deref()) {
            (Status::Failed, _, _) => writeln!(
                out,
                "{path}{:pad$}  failed: {}",
                "",
                o.error.as_deref().unwrap_or("unknown error")
            )?,
            _ if o.sentiment_kept => {
                let score = o.score.map_or("-".to_owned(), |score| score.to_string());
                let label = o.label.as_deref().unwrap_or("-");
                let what = match summary.written {
                    true => "its own sentiment kept; TL;DR written",
                    false => "its own sentiment kept; a TL;DR to write",
                };
                writeln!(out, "{path}{:pad$}  {score:>2}  {label:<16}  {what}", "")?;
            }
            (_, Some(score), Some(label)) => {
                write!(out, "{path}{:pad$}  {score:>2}  {label:<16}  ", "")?;
                if o.reasons.is_empty() {
                    write!(out, "no words that carry sentiment")?;
                }
                for (i, reason) in o.reasons.iter().enumerate() {
                    let comma = if i == 0 { "" } else { ", " };
                    write!(out, "{comma}{} {:+.1}", reason.text, reason.weight)?;
                }
                writeln!(out)?;
            }
            _ => {}
        }
    }
    let done = match summary.written {
        true => format!("{} tagged", summary.tagged),
        false => format!(
            "{} to tag (dry run: nothing written; --write writes)",
            summary.proposed
        ),
    };
    writeln!(
        out,
        "{done}, {} skipped (already tagged), {} failed",
        summary.skipped, summary.failed
    )
}
