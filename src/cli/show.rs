//! `moodwire show`: one article, for reading or as JSON.

use std::io::{self, Write};
use std::path::Path;

use anyhow::bail;

use moodwire::article::Article;
use moodwire::library::Library;
use moodwire::limits::Limits;
use moodwire::loader;
use moodwire::render::render_article;

use super::args::{ShowArgs, ShowFormat};
use super::json::ArticleJson;
use super::output::Output;
use super::source::open_library;

pub fn run(args: &ShowArgs, limits: &Limits, output: &Output) -> anyhow::Result<()> {
    let article = find(args, limits)?;
    let mut out = io::stdout().lock();
    match args.format {
        ShowFormat::Text => output.write_lines(
            &mut out,
            &render_article(&article, output.reading_width()).lines,
        )?,
        ShowFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &ArticleJson::full(&article))?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// A file path is read directly; anything else is looked up as an id in the library.
fn find(args: &ShowArgs, limits: &Limits) -> anyhow::Result<Article> {
    let path = Path::new(&args.target);
    if path.is_file() {
        let mut loaded = loader::load(&[path.to_path_buf()], limits);
        if let Some(problem) = loaded.problems.pop() {
            bail!("{problem}");
        }
        if let Some(article) = loaded.articles.pop() {
            return Ok(article);
        }
    }
    let library: Library = open_library(&args.library, limits);
    match library.find(&args.target) {
        Some(article) => Ok(article.clone()),
        None => bail!(
            "no article file or id \"{}\"; `moodwire list` shows the ids",
            moodwire::sanitize::sanitize_line(&args.target)
        ),
    }
}
