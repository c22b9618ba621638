//! The search bar: the list follows the query as it is typed, and keeps what it showed while
//! the text does not read as a query.

use crate::query::{Query, QueryContext};
use crate::sanitize::sanitize_line;
use crate::tui::model::action::{Action, Effect};
use crate::tui::model::app::App;

use super::list::{Keep, refresh};

pub(super) fn update(app: &mut App, action: Action) -> Option<Effect> {
    match action {
        Action::SearchInput(c) => {
            app.search.insert(c);
            apply(app);
        }
        Action::SearchBackspace => {
            app.search.backspace();
            apply(app);
        }
        Action::SearchEdit(edit) if app.search.edit(edit, &app.history) => apply(app),
        Action::SearchKeep => {
            app.search.editing = false;
            if let Some(error) = app.search.error.take() {
                // The list shows the last query that parsed; the bar says so too, and a
                // notice says what became of the rest.
                let notice = match app.search.applied.is_empty() {
                    true => format!("query not kept: {error}"),
                    false => format!("query not kept: {error}; still /{}", app.search.applied),
                };
                app.notice = Some(sanitize_line(&notice));
                app.search.text = app.search.applied.clone();
            }
            app.history.push(&app.search.applied);
            return Some(Effect::SaveHistory(app.history.clone()));
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
    let context = QueryContext {
        saved: &app.saved,
        today: app.today,
    };
    match Query::parse_in(&app.search.text, &context) {
        Ok(query) => {
            app.search.error = None;
            app.search.applied = app.search.text.clone();
            app.query = query;
            refresh(app, Keep::Top);
        }
        Err(error) => app.search.error = Some(error.to_string()),
    }
}
