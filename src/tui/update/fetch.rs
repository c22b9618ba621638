//! The fetch key: the subscribed feeds fetched in the background, one fetch at a time; the
//! new articles arrive as any new file does, by live reload, and the summary in the status
//! bar.

use crate::tui::model::action::Effect;
use crate::tui::model::app::App;

/// Starts a fetch, unless one is running.
pub(super) fn start(app: &mut App) -> Option<Effect> {
    if app.fetching {
        app.notice = Some("already fetching the subscribed feeds".to_owned());
        return None;
    }
    app.fetching = true;
    app.notice = Some("fetching the subscribed feeds…".to_owned());
    Some(Effect::Fetch)
}

/// A fetch ended.
pub(super) fn done(app: &mut App, result: Result<String, String>) {
    app.fetching = false;
    app.notice = Some(match result {
        Ok(summary) => summary,
        Err(reason) => format!("fetch: {reason}"),
    });
}
