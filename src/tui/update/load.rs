//! The steps of a load: articles arriving, then the finished library, then its orders.

use crate::library::{Catalog, LoadEvent, Selection};
use crate::loader::Severity;
use crate::tui::model::action::Effect;
use crate::tui::model::app::{App, Screen};

use super::list::{reselect, reselect_near, selected_id};

/// Applies a step of the current load; a load that finds the folders changed under it asks
/// for the next one.
pub(super) fn apply(app: &mut App, event: LoadEvent) -> Option<Effect> {
    match event {
        LoadEvent::Found { files, cut_short } => {
            app.load.files = Some(files);
            if cut_short {
                let limit = app.reading.limits.max_files;
                app.notice = Some(crate::loader::cut_short_message(limit));
            }
        }
        LoadEvent::Cached { articles } => app.load.cached = articles,
        LoadEvent::Read { .. } if app.load.reloading => {}
        LoadEvent::Read { articles, done } => {
            app.load.read = done;
            let selected = app.selected_doc();
            if let Catalog::Arriving(arriving) = &mut app.catalog {
                let from = arriving.extend(articles);
                // Field by field, so that the rows can change while the rest is read.
                let selection = Selection {
                    query: &app.query,
                    bucket: app.bucket,
                    category: app.category.as_deref(),
                    order: app.order,
                    marks: &app.marks,
                    unread_only: app.unread_only,
                };
                arriving.admit_new(from, &selection, &mut app.list.visible);
                keep_selected_doc(app, selected);
            }
        }
        LoadEvent::Finished { library, .. } => {
            let failed = (library.problems().iter())
                .filter(|problem| problem.severity == Severity::Error)
                .count();
            // Each load says how many files failed as of now: the count of an earlier load
            // goes, once the files are mended, and another notice (a configured folder not
            // there) keeps its place, the count after it.
            let telling_failures = (app.notice.as_deref()).is_some_and(|n| n.ends_with(FAILED));
            app.notice = match (app.notice.take(), failed_notice(failed)) {
                (Some(other), Some(count)) if !telling_failures => {
                    Some(format!("{other} · {count}"))
                }
                (Some(other), None) if !telling_failures => Some(other),
                (_, count) => count,
            };
            let reloaded = app.load.reloading;
            // As while articles arrive: until the user moves (or opens an article), the top of
            // the list is selected. With a cache, only new files arrive before the rest joins
            // them here.
            let moved = app.list.selected > 0 || !matches!(app.screen, Screen::List);
            let selected = selected_id(app).filter(|_| reloaded || moved);
            app.catalog = Catalog::Loaded(library);
            app.load.active = false;
            app.load.reloading = false;
            app.list.visible = app.catalog.select(&app.selection());
            match reloaded {
                // The same place in the list, even when the selected article is gone.
                true => reselect_near(app, selected.as_deref()),
                false => reselect(app, selected.as_deref()),
            }
            if std::mem::take(&mut app.load.stale) {
                return super::list::reload(app);
            }
            if reloaded {
                // The selected article's file may have changed: its preview is read again.
                app.preview = None;
                return super::reader::follow_file(app);
            }
        }
        // The rows were already sorted as the orders sort them; from now on sorting is quick.
        LoadEvent::Sorted(orders) => {
            if let Some(library) = app.catalog.library_mut() {
                library.set_orders(*orders);
            }
        }
    }
    None
}

/// How a notice of files that failed to load ends.
const FAILED: &str = " could not be loaded · moodwire check says why";

fn failed_notice(failed: usize) -> Option<String> {
    match failed {
        0 => None,
        1 => Some(format!("1 file{FAILED}")),
        n => Some(format!("{n} files{FAILED}")),
    }
}

/// Arriving articles only ever join the end of the catalog, so the selected document keeps
/// its number; the row it is on may move as earlier-dated articles arrive. A selection still
/// on the first row stays there: until the user moves, the top of the list is what they see.
fn keep_selected_doc(app: &mut App, doc: Option<u32>) {
    let Some(doc) = doc.filter(|_| app.list.selected > 0) else {
        return;
    };
    if let Some(at) = app.list.visible.iter().position(|&d| d == doc) {
        let on_screen = app.list.selected.saturating_sub(app.list.offset);
        app.list.selected = at;
        app.list.offset = at.saturating_sub(on_screen);
    }
    super::keep_in_view(app);
}
