//! The reader: scrolling, jumping between matches, and opening the source.

use ratatui::layout::{Position, Rect};

use crate::address::WebAddress;
use crate::tui::model::action::{Action, Effect};
use crate::tui::model::app::{App, Screen};
use crate::tui::ui::layout::reader_areas;

pub(super) fn update(app: &mut App, action: Action) -> Option<Effect> {
    let page = page(app) as isize;
    let max = max_scroll(app);
    let Screen::Reader(reader) = &mut app.screen else {
        return None;
    };
    let scroll_to = |line: usize| line.min(max);
    match action {
        Action::Down => reader.scroll = scroll_to(reader.scroll + 1),
        Action::Up => reader.scroll = reader.scroll.saturating_sub(1),
        Action::PageDown => reader.scroll = scroll_to(reader.scroll.saturating_add_signed(page)),
        Action::PageUp => reader.scroll = reader.scroll.saturating_add_signed(-page),
        Action::Scroll(lines) => {
            reader.scroll = scroll_to(reader.scroll.saturating_add_signed(lines as isize))
        }
        Action::Top => reader.scroll = 0,
        Action::Bottom => reader.scroll = max,
        Action::NextMatch => match reader.next_match() {
            Some(line) if scroll_to(line) > reader.scroll => reader.scroll = scroll_to(line),
            _ => app.notice = Some(no_more(reader.matches.is_empty(), "below")),
        },
        Action::PrevMatch => match reader.previous_match() {
            Some(line) => reader.scroll = line,
            None => app.notice = Some(no_more(reader.matches.is_empty(), "above")),
        },
        Action::OpenSource => return open_source(app),
        Action::ToggleWholeText => {
            let columns = app.viewport.width;
            if !reader.toggle_whole(columns, &app.query) {
                app.notice = Some("nothing was left out of this article".to_owned());
            }
        }
        Action::Back | Action::Quit => app.screen = Screen::List,
        Action::ShowHelp => app.help = true,
        _ => {}
    }
    None
}

fn no_more(none_at_all: bool, direction: &str) -> String {
    match none_at_all {
        true => "no matches of the query in this article".to_owned(),
        false => format!("no more matches {direction}"),
    }
}

/// Keeps the scroll position within the article after the terminal changed size.
pub(super) fn clamp(app: &mut App) {
    let max = max_scroll(app);
    if let Screen::Reader(reader) = &mut app.screen {
        reader.scroll = reader.scroll.min(max);
    }
}

fn text_area(app: &App) -> Rect {
    reader_areas(Rect::from((Position::ORIGIN, app.viewport))).0
}

fn page(app: &App) -> usize {
    usize::from(text_area(app).height).max(1)
}

/// The last scroll position: the end of the article at the bottom of the screen.
fn max_scroll(app: &App) -> usize {
    match &app.screen {
        Screen::Reader(reader) => reader
            .lines
            .len()
            .saturating_sub(usize::from(text_area(app).height)),
        _ => 0,
    }
}

/// Asks the loop to open the article's source, if it is a web address a browser reads as it
/// looks: a `file:` or `javascript:` URL from a stranger's file must not reach the system
/// opener, nor one that opens another site than it shows.
fn open_source(app: &mut App) -> Option<Effect> {
    let Screen::Reader(reader) = &app.screen else {
        return None;
    };
    let Some(url) = reader.article.source_url.clone() else {
        app.notice = Some("this article has no source link".to_owned());
        return None;
    };
    match WebAddress::parse(&url) {
        Ok(address) => {
            app.notice = Some(format!("opening {address}"));
            Some(Effect::OpenUrl(address.as_str().to_owned()))
        }
        Err(refused) => {
            app.notice = Some(format!("not opened: {refused}"));
            None
        }
    }
}
