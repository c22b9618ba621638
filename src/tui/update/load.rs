//! Messages from the loading thread: articles arriving, then the finished library.

use crate::tui::action::LoadMessage;
use crate::tui::app::App;
use crate::tui::catalog::{Catalog, Selection};

use super::list::{reselect, selected_id};

pub(super) fn apply(app: &mut App, message: LoadMessage) {
    match message {
        LoadMessage::Found { files } => app.load.files = Some(files),
        LoadMessage::Cached { articles } => app.load.cached = articles,
        LoadMessage::Batch { articles, done } => {
            app.load.read = done;
            // A reload keeps the old list on screen until the new library is complete.
            if app.load.reloading {
                return;
            }
            if let Catalog::Streaming(streamed) = &mut app.catalog {
                let from = streamed.len();
                streamed.extend(articles);
                let selected = app.selected_doc();
                let selection = Selection {
                    query: &app.query,
                    bucket: app.bucket,
                    category: app.category.as_deref(),
                    order: app.order,
                    marks: &app.marks,
                };
                app.catalog
                    .admit_new(from, &selection, &mut app.list.visible);
                keep_selected_doc(app, selected);
            }
        }
        LoadMessage::Finished(loaded) => {
            let selected = selected_id(app);
            app.catalog = Catalog::Loaded(loaded);
            app.load.active = false;
            app.load.reloading = false;
            app.list.visible = app.catalog.select(&app.selection());
            reselect(app, selected.as_deref());
        }
        // The rows were already sorted as the orders sort them; from now on sorting is quick.
        LoadMessage::Sorted(orders) => {
            if let Some(loaded) = app.catalog.loaded_mut() {
                loaded.set_orders(*orders);
            }
        }
    }
}

/// Streamed articles only ever join the end of the catalog, so the selected document keeps
/// its number; the row it is on may move as earlier-dated articles arrive.
fn keep_selected_doc(app: &mut App, doc: Option<u32>) {
    let Some(doc) = doc else {
        return;
    };
    if let Some(at) = app.list.visible.iter().position(|&d| d == doc) {
        let on_screen = app.list.selected.saturating_sub(app.list.offset);
        app.list.selected = at;
        app.list.offset = at.saturating_sub(on_screen);
    }
    super::keep_in_view(app);
}
