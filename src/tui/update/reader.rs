//! The reader: scrolling, jumping between matches, and from one article to the next.

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
    let moves = matches!(
        action,
        Action::Down
            | Action::Up
            | Action::PageDown
            | Action::PageOrNextUnread
            | Action::PageUp
            | Action::Scroll(_)
            | Action::Top
            | Action::Bottom
            | Action::NextMatch
            | Action::PrevMatch
    );
    if moves {
        reader.follow_end = matches!(action, Action::Bottom) && reader.awaiting_text();
        // A move down before the text is in goes as far in the text that comes.
        let ahead = match action {
            Action::Down => Some(1),
            Action::PageDown | Action::PageOrNextUnread => Some(page),
            Action::Scroll(lines) if lines > 0 => Some(lines as isize),
            _ => None,
        };
        reader.scroll_ahead = match (ahead, reader.awaiting_text()) {
            (Some(by), true) => {
                let from = reader.scroll_ahead.unwrap_or(reader.scroll);
                Some(from.saturating_add_signed(by))
            }
            _ => None,
        };
    }
    match action {
        Action::Down => reader.scroll = scroll_to(reader.scroll + 1),
        Action::Up => reader.scroll = reader.scroll.saturating_sub(1),
        Action::PageDown => reader.scroll = scroll_to(reader.scroll.saturating_add_signed(page)),
        Action::PageOrNextUnread if reader.scroll >= max && !reader.pending => {
            return next_unread(app);
        }
        Action::PageOrNextUnread => {
            reader.scroll = scroll_to(reader.scroll.saturating_add_signed(page))
        }
        Action::NextArticle => return step(app, 1),
        Action::PreviousArticle => return step(app, -1),
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
        Action::OpenSource => return super::links::open_source(app),
        Action::OpenLink(number) => return super::links::open_numbered(app, number),
        Action::ShowLinks => super::links::show(app),
        Action::ToggleWholeText => match reader.toggle_whole() {
            true => {}
            false => app.notice = Some("nothing was left out of this article".to_owned()),
        },
        Action::Back | Action::Quit => app.screen = Screen::List,
        Action::ShowHelp => app.help = true,
        _ => {}
    }
    None
}

/// Opens the article `by` rows away in the list as it is filtered and sorted, which follows,
/// so that leaving the reader comes back to the article last read.
fn step(app: &mut App, by: isize) -> Option<Effect> {
    let to = app.list.selected.checked_add_signed(by);
    match to.filter(|&row| row < app.list.visible.len()) {
        Some(row) => {
            app.list.selected = row;
            super::list::keep_in_view(app);
            super::list::open(app)
        }
        None => {
            let end = if by > 0 { "last" } else { "first" };
            app.notice = Some(format!("this is the {end} article of the list"));
            None
        }
    }
}

/// Opens the next unread article below the one read, in the list's order.
fn next_unread(app: &mut App) -> Option<Effect> {
    let from = app.list.selected + 1;
    let unread = (app.list.visible.iter().enumerate().skip(from))
        .find(|&(_, &doc)| app.catalog.id(doc).is_some_and(|id| !app.marks.is_read(id)));
    match unread {
        Some((row, _)) => {
            app.list.selected = row;
            super::list::keep_in_view(app);
            super::list::open(app)
        }
        None => {
            app.notice = Some("no unread article below this one".to_owned());
            None
        }
    }
}

/// After a reload, the article being read follows its file: read again when it is still in
/// the library (the reader keeps its place when the text arrives), or said to be gone.
pub(super) fn follow_file(app: &mut App) -> Option<Effect> {
    let Screen::Reader(reader) = &mut app.screen else {
        return None;
    };
    let library = app.catalog.library()?;
    let path = reader.article.path.clone();
    let same_file = |article: &&crate::article::Article| article.path == path;
    match library.find(&reader.article.id).filter(same_file) {
        Some(article) => {
            reader.refresh(article.clone());
            Some(Effect::ReadBody(Box::new(article.clone())))
        }
        None => {
            let shown = crate::loader::display_path(&path);
            let problem = (library.problems().iter()).find(|problem| problem.path == path);
            if let Some(article) =
                renamed_to(library, &reader.article).filter(|_| problem.is_none())
            {
                // Names alone when it was renamed in its folder: whole paths fill the bar.
                let name = |path: &std::path::Path| {
                    let name = path.file_name().map(std::path::Path::new).unwrap_or(path);
                    crate::loader::display_path(name)
                };
                let (from, to) = match article.path.parent() == path.parent() {
                    true => (name(&path), name(&article.path)),
                    false => (shown, crate::loader::display_path(&article.path)),
                };
                app.notice = Some(format!("{from} is gone; reading {to}, the same article"));
                reader.refresh(article.clone());
                return Some(Effect::ReadBody(Box::new(article.clone())));
            }
            app.notice = Some(match problem {
                Some(problem) => format!("{shown} no longer loads: {}", problem.message),
                None => format!("{shown} is gone; the text shown is as it was read"),
            });
            None
        }
    }
}

/// Where the file of `gone` went, when the library holds one article, and one only, at
/// another path with its title, date and count of words: a file renamed or moved, which a
/// reload sees as one file gone and another come.
fn renamed_to<'l>(
    library: &'l crate::library::Library,
    gone: &crate::article::Article,
) -> Option<&'l crate::article::Article> {
    let mut same = (library.articles().iter()).filter(|article| {
        article.path != gone.path
            && article.title == gone.title
            && article.date == gone.date
            && article.words == gone.words
    });
    let first = same.next()?;
    same.next().is_none().then_some(first)
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

pub(super) fn page(app: &App) -> usize {
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
