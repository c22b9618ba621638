//! The list: moving through it, choosing what it shows, and the category picker.

use crate::article::Bucket;
use crate::query::{Query, QueryContext, SortOrder};
use crate::tui::model::action::{Action, Effect};
use crate::tui::model::app::{App, Mode, Screen};
use crate::tui::model::picker::Picker;
use crate::tui::model::reader::Reader;
use crate::tui::model::stats::Stats;
use crate::tui::ui::layout::list_areas;

use super::moved;

pub(super) fn update(app: &mut App, action: Action) -> Option<Effect> {
    match action {
        Action::Down => select_by(app, 1),
        Action::Up => select_by(app, -1),
        Action::PageDown => select_by(app, page(app) as isize),
        Action::PageUp => select_by(app, -(page(app) as isize)),
        Action::Scroll(lines) => select_by(app, lines as isize),
        Action::Top => select(app, 0),
        Action::Bottom => select(app, app.list.visible.len().saturating_sub(1)),
        Action::Click { column, row } => click(app, column, row),
        Action::Open => return open(app),
        Action::StartSearch => app.search.start(),
        Action::SetFilter(bucket) => {
            app.bucket = bucket;
            refresh(app, Keep::Top);
        }
        Action::ToggleUnreadOnly => {
            app.unread_only = !app.unread_only;
            refresh(app, Keep::Selected);
        }
        Action::CycleFilter => {
            app.bucket = next_bucket(app.bucket);
            refresh(app, Keep::Top);
        }
        Action::CycleSort => {
            app.order = next_order(app.order);
            refresh(app, Keep::Selected);
        }
        Action::ClearAll => {
            app.search = Default::default();
            app.query = Default::default();
            app.bucket = None;
            app.category = None;
            refresh(app, Keep::Top);
        }
        Action::OpenCategories => {
            app.screen =
                Screen::Categories(Picker::categories(&app.catalog, app.category.as_deref()))
        }
        Action::OpenSaved => app.screen = Screen::Saved(saved_searches(app)),
        Action::ShowDashboard => {
            let stats = Stats::of(&app.catalog, &app.list.visible, app.reading.scale);
            app.screen = Screen::Dashboard(Box::new(stats));
        }
        Action::ShowHelp => app.help = true,
        Action::Reload => return reload_asked(app),
        _ => {}
    }
    None
}

/// What stays selected when the rows change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Keep {
    /// The first row: the rows answer a new question.
    Top,
    /// The article selected before, if it is still shown: the same rows in another order,
    /// more rows arriving, or the same library indexed.
    Selected,
}

/// Chooses the rows again after the query, filter, order or articles changed.
pub(super) fn refresh(app: &mut App, keep: Keep) {
    let before = match keep {
        Keep::Selected => selected_id(app),
        Keep::Top => None,
    };
    app.list.visible = app.catalog.select(&app.selection());
    reselect(app, before.as_deref());
}

pub(super) fn selected_id(app: &App) -> Option<String> {
    let doc = app.selected_doc()?;
    app.catalog.id(doc).map(str::to_owned)
}

/// The row showing the article `id`, if any.
fn row_of(app: &App, id: Option<&str>) -> Option<usize> {
    let id = id?;
    app.list
        .visible
        .iter()
        .position(|&doc| app.catalog.id(doc) == Some(id))
}

/// After a reload: the list keeps its scroll and the article `id` stays selected, wherever it
/// moved; if it is gone, the row at the same place is selected, so that an article deleted
/// under the cursor leaves the cursor where it was.
pub(super) fn reselect_near(app: &mut App, id: Option<&str>) {
    if let Some(at) = row_of(app, id) {
        app.list.selected = at;
    }
    refresh_view(app);
}

/// Selects the article `id` if it is among the rows, keeping its place on screen; else the
/// first row.
pub(super) fn reselect(app: &mut App, id: Option<&str>) {
    match row_of(app, id) {
        Some(at) => {
            let on_screen = app.list.selected.saturating_sub(app.list.offset);
            app.list.selected = at;
            app.list.offset = at.saturating_sub(on_screen);
        }
        None => {
            app.list.selected = 0;
            app.list.offset = 0;
        }
    }
    refresh_view(app);
}

/// Keeps the selection on screen and the dashboard, if open, about the rows now shown.
fn refresh_view(app: &mut App) {
    keep_in_view(app);
    if let Screen::Dashboard(stats) = &mut app.screen {
        **stats = Stats::of(&app.catalog, &app.list.visible, app.reading.scale);
    }
}

/// Rows of the list on screen.
pub(super) fn page(app: &App) -> usize {
    let area = ratatui::layout::Rect::from((ratatui::layout::Position::ORIGIN, app.viewport));
    usize::from(list_areas(area).list.height).max(1)
}

fn select_by(app: &mut App, delta: isize) {
    select(app, moved(app.list.selected, delta, app.list.visible.len()));
}

fn select(app: &mut App, row: usize) {
    app.list.selected = row;
    keep_in_view(app);
}

/// Scrolls the list so that the selected row is on screen and no space is wasted below the
/// last row.
pub fn keep_in_view(app: &mut App) {
    let height = page(app);
    let list = &mut app.list;
    list.selected = list.selected.min(list.visible.len().saturating_sub(1));
    if list.selected < list.offset {
        list.offset = list.selected;
    } else if list.selected >= list.offset + height {
        list.offset = list.selected + 1 - height;
    }
    list.offset = list.offset.min(list.visible.len().saturating_sub(height));
}

fn click(app: &mut App, column: u16, row: u16) {
    let area = ratatui::layout::Rect::from((ratatui::layout::Position::ORIGIN, app.viewport));
    let list = list_areas(area).list;
    if !list.contains((column, row).into()) {
        return;
    }
    let at = app.list.offset + usize::from(row - list.y);
    if at < app.list.visible.len() {
        select(app, at);
    }
}

pub(super) fn open(app: &mut App) -> Option<Effect> {
    let doc = app.selected_doc()?;
    let article = app.catalog.article(doc)?.clone();
    super::marks::opened(app, &article.id);
    let effect = Effect::ReadBody(Box::new(article.clone()));
    let mut reader = Reader::new(
        article,
        app.viewport.width,
        &app.query,
        app.reading.limits,
        app.look.clone(),
    );
    reader.whole_key = app.keys.key_of(Mode::Reader, "whole-text");
    app.screen = Screen::Reader(Box::new(reader));
    Some(effect)
}

/// The folders changed: read the library again (through the cache, so only what changed is
/// parsed), or once the load under way is done.
pub(super) fn library_changed(app: &mut App) -> Option<Effect> {
    match app.load.active {
        true => {
            app.load.stale = true;
            None
        }
        false => reload(app),
    }
}

/// `r`: read the library again; the list stays as it is until the new one is complete.
fn reload_asked(app: &mut App) -> Option<Effect> {
    if app.load.active {
        app.notice = Some("the library is still loading".to_owned());
        return None;
    }
    reload(app)
}

pub(super) fn reload(app: &mut App) -> Option<Effect> {
    app.generation += 1;
    app.load = crate::tui::model::app::LoadState {
        active: true,
        reloading: true,
        ..Default::default()
    };
    Some(Effect::Reload {
        generation: app.generation,
    })
}

/// The category and saved-search pickers.
pub(super) fn picker(app: &mut App, action: Action) -> Option<Effect> {
    let page = page(app) as isize;
    let (Screen::Categories(picker) | Screen::Saved(picker)) = &mut app.screen else {
        return None;
    };
    let len = picker.choices.len();
    match action {
        Action::Down => picker.selected = moved(picker.selected, 1, len),
        Action::Up => picker.selected = moved(picker.selected, -1, len),
        Action::Scroll(lines) => picker.selected = moved(picker.selected, lines as isize, len),
        Action::PageDown => picker.selected = moved(picker.selected, page, len),
        Action::PageUp => picker.selected = moved(picker.selected, -page, len),
        Action::Top => picker.selected = 0,
        Action::Bottom => picker.selected = len.saturating_sub(1),
        Action::Open => {
            let chosen = picker.chosen().and_then(|c| c.value.clone());
            match std::mem::replace(&mut app.screen, Screen::List) {
                Screen::Saved(_) => {
                    if let Some(name) = chosen {
                        search_for(app, &format!("@{name}"));
                    }
                }
                _ => {
                    app.category = chosen;
                    refresh(app, Keep::Top);
                }
            }
        }
        Action::Back | Action::OpenCategories | Action::OpenSaved => app.screen = Screen::List,
        Action::ShowHelp => app.help = true,
        _ => {}
    }
    None
}

/// The saved searches, each with how many of the library's articles it finds now (none while
/// the library is still arriving and a search would see only part of it).
fn saved_searches(app: &App) -> Picker {
    let context = QueryContext {
        saved: &app.saved,
        today: app.today,
    };
    let rows = app
        .saved
        .iter()
        .map(|(name, text)| {
            let count = (app.catalog.library())
                .zip(Query::parse_in(text, &context).ok())
                .map(|(library, query)| library.search_marked(&query, &app.marks).count());
            (name.to_owned(), text.to_owned(), count)
        })
        .collect();
    Picker::saved(rows)
}

/// Shows the rows `text` selects, as if it was typed in the search bar and kept.
fn search_for(app: &mut App, text: &str) {
    let context = QueryContext {
        saved: &app.saved,
        today: app.today,
    };
    match Query::parse_in(text, &context) {
        Ok(query) => {
            app.search.text = text.to_owned();
            app.search.applied = text.to_owned();
            app.search.error = None;
            app.query = query;
            refresh(app, Keep::Top);
        }
        Err(error) => app.notice = Some(error.to_string()),
    }
}

fn next_bucket(bucket: Option<Bucket>) -> Option<Bucket> {
    match bucket {
        None => Some(Bucket::Positive),
        Some(Bucket::Positive) => Some(Bucket::Neutral),
        Some(Bucket::Neutral) => Some(Bucket::Negative),
        Some(Bucket::Negative) => None,
    }
}

fn next_order(order: SortOrder) -> SortOrder {
    match order {
        SortOrder::Date => SortOrder::Score,
        SortOrder::Score => SortOrder::Title,
        SortOrder::Title => SortOrder::Date,
    }
}
