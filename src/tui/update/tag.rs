//! Tagging by hand: opening the picker, choosing in it, asking the loop to write or undo, and
//! taking the result into the model.

use std::path::Path;

use crate::article::Sentiment;
use crate::loader::FileStamp;
use crate::marks::Mark;
use crate::samples;
use crate::tui::model::action::{Action, Effect};
use crate::tui::model::app::{App, Screen};
use crate::tui::model::tagging::{Step, TagPicker, TagRequest, UNDO_DEPTH, Undo};

use super::list::{Keep, keep_in_view, refresh, selected_id};

/// Opens the picker for the article in the reader, or else the selected one.
pub(super) fn open(app: &mut App) {
    if let Some(refusal) = refusal(app) {
        app.notice = Some(refusal.to_owned());
        return;
    }
    let doc = match &app.screen {
        Screen::Reader(reader) => docs_with_path(app, &reader.article.path).next(),
        _ => app.selected_doc(),
    };
    let Some((doc, library)) = doc.zip(app.catalog.library()) else {
        return;
    };
    let Some(article) = library.article(doc) else {
        return;
    };
    if article.path.starts_with(samples::ORIGIN) {
        app.notice = Some(
            "built-in sample articles are not files and cannot be tagged; \
             open a folder with `moodwire PATH`"
                .to_owned(),
        );
        return;
    }
    app.tagging = Some(TagPicker::new(article, library.stamp(doc), app.reading));
}

/// Why nothing can be written now, if so: a library loading for the first time would be
/// replaced, with what was written or not, by the one being read. A reload (which a write
/// itself sets off) is no reason: a file written during it changes the folders again, and
/// the library is read once more when it is done.
fn refusal(app: &App) -> Option<&'static str> {
    (app.load.active && !app.load.reloading)
        .then_some("the library is still loading; tag once it is read")
}

/// The picker's keys.
pub(super) fn picker(app: &mut App, action: Action) -> Option<Effect> {
    let picker = app.tagging.as_mut()?;
    match action {
        Action::Up => picker.move_bucket(-1),
        Action::Down => picker.move_bucket(1),
        Action::ScoreUp => picker.change_score(1),
        Action::ScoreDown => picker.change_score(-1),
        Action::WriteTag => {
            let request = picker.request(app.roots.clone());
            app.tagging = None;
            return Some(Effect::WriteTag(Box::new(request)));
        }
        Action::Back => app.tagging = None,
        Action::ShowHelp => app.help = true,
        _ => {}
    }
    None
}

/// Takes back the latest write, if there is one.
pub(super) fn undo(app: &mut App) -> Option<Effect> {
    if let Some(refusal) = refusal(app) {
        app.notice = Some(refusal.to_owned());
        return None;
    }
    match app.undo.pop() {
        Some(Step::Tag(undo)) => Some(Effect::UndoTag(Box::new(undo))),
        Some(Step::MarkedRead(ids)) => {
            for id in &ids {
                app.marks.put(Mark::Read, id, false);
            }
            app.notice = Some(match ids.len() {
                1 => "1 article is unread again".to_owned(),
                n => format!("{n} articles are unread again"),
            });
            refresh(app, Keep::Selected);
            None
        }
        None => {
            app.notice = Some("nothing done in this session to undo".to_owned());
            None
        }
    }
}

/// The result of a write.
pub(super) fn written(
    app: &mut App,
    request: TagRequest,
    result: Result<(crate::tagger::Written, Option<FileStamp>), String>,
) {
    let (written, stamp) = match result {
        Ok(done) => done,
        Err(reason) => {
            app.notice = Some(format!("not tagged: {reason}"));
            return;
        }
    };
    let previous = docs_with_path(app, &request.path)
        .next()
        .and_then(|doc| app.catalog.article(doc))
        .map(|article| article.sentiment.clone())
        .unwrap_or_default();
    let sentiment = request.sentiment();
    let undo = (app.keys.hint(app.screen_mode(), "undo-tag", "undoes it"))
        .map(|hint| format!("; {hint}"))
        .unwrap_or_default();
    app.notice = Some(format!(
        "tagged {} {} {}{undo}",
        request.id,
        request.tag.label,
        request.tag.score_text()
    ));
    set_sentiment(app, &request.path, sentiment, stamp);
    remember(
        app,
        Step::Tag(Undo {
            id: request.id,
            path: request.path,
            written,
            previous,
        }),
    );
}

/// Keeps `step` for `U`, the oldest going once there are [`UNDO_DEPTH`].
pub(super) fn remember(app: &mut App, step: Step) {
    if app.undo.len() == UNDO_DEPTH {
        app.undo.remove(0);
    }
    app.undo.push(step);
}

/// The result of an undo. One that failed is not kept: the file no longer holds what was
/// written, so it would fail again.
pub(super) fn undone(app: &mut App, undo: Undo, result: Result<Option<FileStamp>, String>) {
    match result {
        Ok(stamp) => {
            app.notice = Some(format!("{} is as it was before the tag", undo.id));
            set_sentiment(app, &undo.path, undo.previous, stamp);
        }
        Err(reason) => app.notice = Some(format!("could not undo: {reason}")),
    }
}

/// Gives every article read from `path` its new sentiment, in the library, the reader and
/// the rows, which may now leave the filter.
fn set_sentiment(app: &mut App, path: &Path, sentiment: Sentiment, stamp: Option<FileStamp>) {
    let docs: Vec<u32> = docs_with_path(app, path).collect();
    if let Some(library) = app.catalog.library_mut() {
        for doc in docs {
            library.set_sentiment(doc, sentiment.clone(), stamp);
        }
    }
    if let Screen::Reader(reader) = &mut app.screen
        && reader.article.path == path
    {
        std::sync::Arc::make_mut(&mut reader.article).sentiment = sentiment;
        reader.relayout();
    }
    let before = selected_id(app);
    let place = app.list.selected;
    refresh(app, Keep::Selected);
    if selected_id(app) != before {
        // The article left the rows: the selection stays where it was on screen.
        app.list.selected = place;
        keep_in_view(app);
    }
}

fn docs_with_path<'a>(app: &'a App, path: &'a Path) -> impl Iterator<Item = u32> + 'a {
    app.catalog.docs_with_path(path)
}
