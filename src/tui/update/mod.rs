//! `update`: the only function that changes the model. It takes one [`Action`] and may hand
//! back an [`Effect`] for the event loop to perform.

mod fetch;
mod links;
mod list;
mod load;
mod marks;
mod preview;
mod reader;
mod search;
mod tag;

use crate::marks::Mark;
use crate::tui::model::action::{Action, Effect};
use crate::tui::model::app::{App, Confirm, Mode, Screen};

pub(super) use list::keep_in_view;

/// Applies `action` to `app`, and hands back the I/O it asks for: whatever the action's own
/// effect is, and the marks to save if they changed.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let revision = app.marks.revision();
    let loads_marks = matches!(action, Action::MarksLoaded { .. });
    let mut effects: Vec<Effect> = apply(app, action).into_iter().collect();
    effects.extend(preview::follow(app));
    effects.extend(reader::layout(app));
    if app.marks.revision() != revision && !loads_marks {
        effects.push(Effect::SaveMarks(app.marks.clone()));
    }
    effects
}

fn apply(app: &mut App, action: Action) -> Option<Effect> {
    match action {
        Action::Resize { width, height } => {
            app.viewport = ratatui::layout::Size::new(width, height);
            list::keep_in_view(app);
            reader::clamp(app);
            None
        }
        Action::Load { generation, event } => match generation == app.generation {
            true => load::apply(app, event),
            false => None,
        },
        Action::BodyRead { id, body, whole } => {
            if let Screen::Reader(reader) = &mut app.screen
                && reader.article.id == id
            {
                reader.set_body(body, whole);
            }
            None
        }
        Action::NewDay(date) => {
            app.today = date;
            None
        }
        Action::PreviewRead { id, body } => {
            preview::arrived(app, &id, body);
            None
        }
        Action::LaidOut {
            id,
            width,
            revision,
            layout,
        } => {
            if let Screen::Reader(reader) = &mut app.screen
                && reader.article.id == id
            {
                reader.laid_out(width, revision, *layout);
            }
            reader::clamp(app);
            None
        }
        Action::TagWritten { request, result } => {
            tag::written(app, *request, result);
            None
        }
        Action::TagUndone { undo, result } => {
            tag::undone(app, *undo, result);
            None
        }
        Action::LibraryChanged => list::library_changed(app),
        Action::Notice(text) => {
            app.notice = Some(text);
            None
        }
        Action::NotWatching(reason) => {
            let reload = (app.keys.hint(Mode::List, "reload", "reloads"))
                .map(|hint| format!("; {hint}"))
                .unwrap_or_default();
            app.notice = Some(format!(
                "not following changes to the library ({reason}){reload}"
            ));
            None
        }
        Action::Fetched(result) => {
            fetch::done(app, result);
            None
        }
        Action::MarksLoaded { marks, warning } => {
            marks::loaded(app, marks, warning);
            None
        }
        Action::Quit => {
            app.quit = true;
            None
        }
        Action::Suspend => Some(Effect::Suspend),
        action => {
            app.notice = None;
            by_mode(app, action)
        }
    }
}

/// Actions whose meaning depends on the screen.
fn by_mode(app: &mut App, action: Action) -> Option<Effect> {
    match (app.mode(), action) {
        (Mode::List | Mode::Reader, Action::TagByHand) => {
            tag::open(app);
            None
        }
        (Mode::List | Mode::Reader, Action::UndoTag) => tag::undo(app),
        (Mode::List | Mode::Reader, Action::ToggleRead) => {
            marks::toggle(app, Mark::Read);
            None
        }
        (Mode::List | Mode::Reader, Action::ToggleStar) => {
            marks::toggle(app, Mark::Starred);
            None
        }
        (Mode::List, Action::MarkShownRead) => {
            marks::mark_shown_read(app, list::page(app));
            None
        }
        (Mode::Confirm, action) => {
            let asked = app.confirm.take();
            match (asked, action) {
                (Some(Confirm::MarkShownRead(_)), Action::Confirm) => marks::mark_read_now(app),
                (Some(_), Action::Refuse) => app.notice = Some("nothing changed".to_owned()),
                // Any other key leaves the question open.
                (asked, _) => app.confirm = asked,
            }
            None
        }
        (Mode::List, Action::Fetch) => fetch::start(app),
        (mode, action) => by_screen(app, mode, action),
    }
}

fn by_screen(app: &mut App, mode: Mode, action: Action) -> Option<Effect> {
    match mode {
        Mode::Help => {
            help(app, action);
            None
        }
        Mode::Search => search::update(app, action),
        Mode::List => list::update(app, action),
        Mode::Reader => reader::update(app, action),
        Mode::Links => {
            let page = reader::page(app).saturating_sub(1);
            links::update(app, action, page)
        }
        Mode::Categories | Mode::Saved => list::picker(app, action),
        Mode::Tag => tag::picker(app, action),
        // Answered in `by_mode`; the question never reaches here.
        Mode::Confirm => None,
        Mode::Dashboard => {
            match action {
                Action::Back | Action::ShowDashboard => app.screen = Screen::List,
                Action::ShowHelp => app.help = true,
                _ => {}
            }
            None
        }
    }
}

/// The help: scrolling, on a terminal too small for all of it, and closing.
fn help(app: &mut App, action: Action) {
    let max = crate::tui::ui::help::max_scroll(&app.keys, app.screen_mode(), app.viewport);
    let page = usize::from(app.viewport.height.saturating_sub(2)).max(1) as isize;
    let by = |delta: isize| moved(app.help_scroll, delta, max + 1);
    app.help_scroll = match action {
        Action::Down => by(1),
        Action::Up => by(-1),
        Action::Scroll(lines) => by(lines as isize),
        Action::PageDown => by(page),
        Action::PageUp => by(-page),
        Action::Top => 0,
        Action::Bottom => max,
        Action::Back | Action::ShowHelp => {
            app.help = false;
            0
        }
        _ => app.help_scroll,
    };
}

/// Moves `position` by `delta` within `0..len`.
fn moved(position: usize, delta: isize, len: usize) -> usize {
    position
        .saturating_add_signed(delta)
        .min(len.saturating_sub(1))
}
