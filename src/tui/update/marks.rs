//! Read and starred marks: `u`, `m` and `M`, and opening an article, which marks it read.
//! The marks change here; the event loop saves them when `marks_unsaved` says so.

use crate::marks::Mark;
use crate::tui::app::{App, Screen};

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
    app.marks_unsaved = true;
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
    if app.marks.put(Mark::Read, id, true) {
        app.marks_unsaved = true;
    }
}

/// `M`: every row the list shows, and only those, becomes read.
pub(super) fn mark_shown_read(app: &mut App) {
    let mut changed = 0usize;
    app.marks.reserve(Mark::Read, app.list.visible.len());
    for &doc in &app.list.visible {
        if let Some(id) = app.catalog.id(doc)
            && app.marks.put(Mark::Read, id, true)
        {
            changed += 1;
        }
    }
    app.marks_unsaved |= changed > 0;
    let shown = app.list.visible.len();
    app.notice = Some(match changed {
        1 => "1 article marked read".to_owned(),
        n => format!("{n} articles marked read ({shown} shown)"),
    });
}
