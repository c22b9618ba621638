//! `moodwire show`: one article, for reading or as JSON.

use std::io::{self, Write};
use std::path::Path;

use anyhow::bail;

use moodwire::article::Article;
use moodwire::config::Config;
use moodwire::library::Library;
use moodwire::loader::{self, Severity, display_path};
use moodwire::parse::Body;
use moodwire::reading::Reading;
use moodwire::render::render_article;
use moodwire::sanitize::sanitize_line;
use moodwire::words::{is_unspaced, letters_worth, words};

use super::args::{ShowArgs, ShowFormat};
use super::json::ArticleJson;
use super::output::Output;
use super::settings;
use super::source::open_library;

pub fn run(args: &ShowArgs, config: &Config, output: &Output) -> anyhow::Result<()> {
    let (mut article, body) = find(args, config)?;
    let limits = &config.limits;
    let mut out = io::stdout().lock();
    match args.format {
        ShowFormat::Text => {
            if let (true, Some(whole)) = (args.all, &body.whole) {
                article.body = whole.clone();
            }
            output.write_laid_out(
                &mut out,
                &render_article(
                    &article,
                    output.reading_width(args.width),
                    limits,
                    &output.look,
                )
                .lines,
            )?
        }
        ShowFormat::Json => {
            serde_json::to_writer_pretty(
                &mut out,
                &ArticleJson::full(&article, &body, args.all, &settings::marks()),
            )?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// A file path is read directly; anything else is looked up as an id in the library. The
/// article comes with its body and what was left out of it.
fn find(args: &ShowArgs, config: &Config) -> anyhow::Result<(Article, Body)> {
    let reading = config.reading();
    let path = Path::new(&args.target);
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        if meta.is_dir() {
            bail!("{} is a folder; show takes one article", display_path(path));
        }
        let mut loaded = loader::load(&[path.to_path_buf()], &reading);
        if let Some(problem) = loaded.problems.pop() {
            bail!("{problem}");
        }
        if let Some(article) = loaded.articles.pop() {
            return with_body(&reading, &article);
        }
    }
    // No id starts so: a path that leads nowhere is not looked for in a library.
    if ["/", "./", "../"]
        .iter()
        .any(|start| args.target.starts_with(start))
    {
        bail!("{}: no such file", display_path(path));
    }
    let library: &Library = open_library(&args.library, args.cache, config)?;
    if let Some(article) = library.find(&args.target) {
        return with_body(&reading, article);
    }
    // A file of the library that failed to load is named by its problem.
    let failed = library
        .problems()
        .iter()
        .filter(|p| p.severity == Severity::Error);
    if let Some(problem) = failed.into_iter().find(|p| p.path.ends_with(&args.target)) {
        bail!("{problem}");
    }
    let target = sanitize_line(&args.target);
    match picked_out(library, &args.target).as_slice() {
        [one] => with_body(&reading, one),
        [] if loader::is_article_file(path) => bail!(
            "{}: no such file, nor an article with that id in the library; `moodwire list` \
             shows the articles",
            display_path(path)
        ),
        [] => bail!(
            "no article file, id or title matches \"{target}\"; `moodwire list` shows the articles"
        ),
        several => {
            let shown: Vec<String> = several
                .iter()
                .take(MAX_CANDIDATES)
                .map(|a| format!("  {}  {}", a.id, a.title))
                .collect();
            let more = several.len().saturating_sub(MAX_CANDIDATES);
            let more = if more > 0 {
                format!("\n  … and {more} more")
            } else {
                String::new()
            };
            bail!(
                "\"{target}\" matches {} articles; name one by its id:\n{}{more}",
                several.len(),
                shown.join("\n")
            )
        }
    }
}

/// The article with its body, which the library reads from the file only when it is shown.
fn with_body(reading: &Reading, article: &Article) -> anyhow::Result<(Article, Body)> {
    let body = Library::read_body_parts(article, reading)
        .map_err(|problem| anyhow::anyhow!("{problem}"))?;
    let article = Article {
        body: body.main.clone(),
        ..article.clone()
    };
    Ok((article, body))
}

/// Words shorter than this in all pick out too much to be meant as a title (`show -- -x`).
const MIN_PICK_CHARS: usize = 3;

/// Candidates listed when words match several articles.
const MAX_CANDIDATES: usize = 10;

/// Articles whose id contains `text`, or whose title has a word starting with each of its words,
/// so that `moodwire show fusion record` finds an article without its file name.
///
/// Chinese and Japanese, each character a word of its own and two or three of them a word of
/// the language, are looked for in the title as written, and a character counts as three.
fn picked_out<'a>(library: &'a Library, text: &str) -> Vec<&'a Article> {
    let wanted: Vec<String> = words(text).map(|w| w.into_owned()).collect();
    let unspaced = text.chars().any(is_unspaced);
    if wanted
        .iter()
        .flat_map(|w| w.chars())
        .map(letters_worth)
        .sum::<usize>()
        < MIN_PICK_CHARS
    {
        return Vec::new();
    }
    let lowered = text.to_lowercase();
    library
        .articles()
        .iter()
        .filter(|a| {
            a.id.to_lowercase().contains(&lowered)
                || (unspaced && a.title.to_lowercase().contains(lowered.trim()))
                || (!unspaced
                    && !wanted.is_empty()
                    && wanted
                        .iter()
                        .all(|w| words(&a.title).any(|t| t.starts_with(w.as_str()))))
        })
        .collect()
}
