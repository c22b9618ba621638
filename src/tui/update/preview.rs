//! The preview's text: asking for the selected article's body when the preview would show
//! some of it, and making the excerpt when it arrives or the query changes.

use crate::tui::model::action::Effect;
use crate::tui::model::app::{App, Screen};
use crate::tui::model::preview::PreviewText;
use crate::tui::ui::layout::list_areas;

/// After any action: the body of the selected article is asked for when the preview is on
/// screen and would show some of it (there is no TL;DR, or a query), and the excerpt follows
/// the query.
pub(super) fn follow(app: &mut App) -> Option<Effect> {
    let area = ratatui::layout::Rect::from((ratatui::layout::Position::ORIGIN, app.viewport));
    if !matches!(app.screen, Screen::List) || list_areas(area).preview.is_none() {
        return None;
    }
    let article = app.catalog.article(app.selected_doc()?)?;
    let has_tldr = !article.tldr.is_empty();
    if has_tldr && app.query.is_empty() {
        return None;
    }
    match &mut app.preview {
        Some(preview) if preview.id == article.id => {
            if preview.made_for != app.search.applied {
                preview.refresh(&app.query, &app.search.applied, has_tldr);
            }
            None
        }
        _ => {
            app.preview = Some(PreviewText::reading(article.id.clone()));
            Some(Effect::ReadPreview(Box::new(article.clone())))
        }
    }
}

/// The body of the article `id` arrived: kept if it is still the one selected.
pub(super) fn arrived(app: &mut App, id: &str, body: Result<String, String>) {
    let selected = (app.selected_doc()).and_then(|doc| app.catalog.article(doc));
    let Some(article) = selected.filter(|article| article.id == id) else {
        return;
    };
    let article = crate::article::Article {
        body: body.unwrap_or_default(),
        ..article.clone()
    };
    let Some(preview) = app.preview.as_mut().filter(|preview| preview.id == id) else {
        return;
    };
    preview.body = Some(article.body_without_title().to_owned());
    preview.refresh(&app.query, &app.search.applied, !article.tldr.is_empty());
}
