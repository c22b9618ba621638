//! Read and starred marks: `u`, `m` and `M`, and opening an article, which marks it read.
//! The marks change here; `update` asks for them to be saved whenever they did.

use crate::marks::{Mark, Marks};
use crate::tui::model::app::{App, Confirm, Mode, Screen};
use crate::tui::model::tagging::Step;

/// The marks read from the user's data folder, which `is:` terms and the rows' marks show
/// from now on; a warning about the file goes to the status bar.
pub(super) fn loaded(app: &mut App, marks: Marks, warning: Option<String>) {
    app.marks = marks;
    if let Some(warning) = warning {
        app.notice = Some(match app.notice.take() {
            Some(notice) => format!("{notice}; {warning}"),
            None => warning,
        });
    }
    if app.query.has_marks() {
        super::list::refresh(app, super::list::Keep::Selected);
    }
}

/// The article `u` and `m` act on: the one being read, else the selected row.
fn target_id(app: &App) -> Option<String> {
    match &app.screen {
        Screen::Reader(reader) => Some(reader.article.id.clone()),
        _ => {
            let doc = app.selected_doc()?;
            app.catalog.id(doc).map(str::to_owned)
        }
    }
}

pub(super) fn toggle(app: &mut App, mark: Mark) {
    let Some(id) = target_id(app) else {
        return;
    };
    let on = app.marks.toggle(mark, &id);
    app.notice = Some(
        match (mark, on) {
            (Mark::Read, true) => "marked read",
            (Mark::Read, false) => "marked unread",
            (Mark::Starred, true) => "starred",
            (Mark::Starred, false) => "star taken away",
        }
        .to_owned(),
    );
}

/// Marks `id` read, as opening it does.
pub(super) fn opened(app: &mut App, id: &str) {
    app.marks.put(Mark::Read, id, true);
}

/// `M`: every row the list shows, and only those, becomes read; more than a screenful is
/// asked about first.
pub(super) fn mark_shown_read(app: &mut App, screenful: usize) {
    let unread = (app.list.visible.iter())
        .filter_map(|&doc| app.catalog.id(doc))
        .filter(|id| !app.marks.is_read(id))
        .count();
    if unread > screenful {
        app.confirm = Some(Confirm::MarkShownRead(unread));
        return;
    }
    mark_read_now(app);
}

/// Marks the rows read, keeping which were unread so that `U` can take it back.
pub(super) fn mark_read_now(app: &mut App) {
    let mut changed = Vec::new();
    app.marks.reserve(Mark::Read, app.list.visible.len());
    for &doc in &app.list.visible {
        if let Some(id) = app.catalog.id(doc)
            && app.marks.put(Mark::Read, id, true)
        {
            changed.push(id.to_owned());
        }
    }
    let shown = app.list.visible.len();
    let undo = (app.keys.hint(Mode::List, "undo-tag", "undoes it"))
        .map(|hint| format!("; {hint}"))
        .unwrap_or_default();
    app.notice = Some(match changed.len() {
        1 => format!("1 article marked read{undo}"),
        n => format!("{n} articles marked read ({shown} shown){undo}"),
    });
    if !changed.is_empty() {
        super::tag::remember(app, Step::MarkedRead(changed));
    }
}
