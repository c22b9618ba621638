//! The reader: scrolling, jumping between matches, and opening the source.

use ratatui::layout::{Position, Rect};

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

/// A new layout of the article being read, when it or the width changed: the layout is a
/// job for another thread, and the lines on screen stay until it is done.
pub(super) fn layout(app: &mut App) -> Option<Effect> {
    let Screen::Reader(reader) = &mut app.screen else {
        return None;
    };
    let job = reader.layout_job(app.viewport.width, &app.query)?;
    Some(Effect::LayOut(Box::new(job)))
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

/// Asks the loop to open the article's source, if it is a web address: a `file:` or
/// `javascript:` URL from a stranger's file must not reach the system opener.
fn open_source(app: &mut App) -> Option<Effect> {
    let Screen::Reader(reader) = &app.screen else {
        return None;
    };
    let Some(url) = reader.article.source_url.clone() else {
        app.notice = Some("this article has no source link".to_owned());
        return None;
    };
    if !is_web_address(&url) {
        app.notice = Some("only http and https links are opened".to_owned());
        return None;
    }
    app.notice = Some(format!("opening {url}"));
    Some(Effect::OpenUrl(url))
}

/// True for `http://` and `https://` URLs with something after the scheme and no white space
/// or control characters that an opener might read as a second argument.
pub fn is_web_address(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return false;
    };
    !rest.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}
