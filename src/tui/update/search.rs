//! The search bar: the list follows the query as it is typed.

use crate::query::Query;
use crate::tui::model::action::{Action, Effect};
use crate::tui::model::app::App;

use super::list::{Keep, refresh};

pub(super) fn update(app: &mut App, action: Action) -> Option<Effect> {
    match action {
        Action::SearchInput(c) => {
            app.search.text.push(c);
            apply(app);
        }
        Action::SearchBackspace => {
            app.search.text.pop();
            apply(app);
        }
        Action::SearchKeep => {
            app.search.editing = false;
            if app.search.error.take().is_some() {
                // The list shows the last query that parsed; the bar says so too.
                app.search.text = app.search.applied.clone();
            }
        }
        Action::SearchClear | Action::Back => {
            app.search = Default::default();
            app.query = Query::default();
            refresh(app, Keep::Top);
        }
        _ => {}
    }
    None
}

/// Runs the query as typed; one that does not parse leaves the rows as they were and says why.
fn apply(app: &mut App) {
    match Query::parse(&app.search.text) {
        Ok(query) => {
            app.search.error = None;
            app.search.applied = app.search.text.clone();
            app.query = query;
            refresh(app, Keep::Top);
        }
        Err(error) => app.search.error = Some(error.to_string()),
    }
}
