//! The article's links: opening one by its number or its source, and the links view, which
//! lists them all to open or copy.

use crate::tui::model::action::{Action, Effect};
use crate::tui::model::app::{App, Screen};
use crate::tui::model::links::{LinkList, LinkRow};

use super::moved;

/// `1`-`9` in the reader: the link of that number, as the text numbers it.
pub(super) fn open_numbered(app: &mut App, number: usize) -> Option<Effect> {
    let Screen::Reader(reader) = &app.screen else {
        return None;
    };
    match reader.link(number) {
        Some(row) => open(app, &row),
        None => {
            app.notice = Some(match reader.links.len() {
                0 => "this article has no links".to_owned(),
                1 => "this article has 1 link".to_owned(),
                n => format!("this article has {n} links"),
            });
            None
        }
    }
}

/// `o`: the article's own address.
pub(super) fn open_source(app: &mut App) -> Option<Effect> {
    let Screen::Reader(reader) = &app.screen else {
        return None;
    };
    let source = (reader.all_links().into_iter()).find(|row| row.label == "source");
    match source {
        Some(row) => open(app, &row),
        None => {
            app.notice = Some("this article has no source link".to_owned());
            None
        }
    }
}

/// `L`: the links view, its first row chosen.
pub(super) fn show(app: &mut App) {
    let Screen::Reader(reader) = &mut app.screen else {
        return;
    };
    let rows = reader.all_links();
    if rows.is_empty() {
        app.notice = Some("this article has no links".to_owned());
        return;
    }
    reader.link_list = Some(LinkList { rows, selected: 0 });
}

/// The keys of the links view, whose page is `page` rows.
pub(super) fn update(app: &mut App, action: Action, page: usize) -> Option<Effect> {
    let Screen::Reader(reader) = &mut app.screen else {
        return None;
    };
    let list = reader.link_list.as_mut()?;
    let len = list.rows.len();
    let page = page.max(1) as isize;
    let by = |delta: isize| moved(list.selected, delta, len);
    list.selected = match action {
        Action::Down => by(1),
        Action::Up => by(-1),
        Action::PageDown => by(page),
        Action::PageUp => by(-page),
        Action::Scroll(lines) => by(lines as isize),
        Action::Top => 0,
        Action::Bottom => len.saturating_sub(1),
        _ => list.selected,
    };
    let chosen = list.rows.get(list.selected).cloned();
    match (action, chosen) {
        (Action::Open, Some(row)) => open(app, &row),
        (Action::OpenLink(number), _) => open_numbered(app, number),
        (Action::CopyLink, Some(row)) => {
            app.notice = Some(format!("copied {} (through the terminal)", row.copied()));
            Some(Effect::Copy(row.copied().to_owned()))
        }
        (Action::Back | Action::Quit | Action::ShowLinks, _) => {
            reader.link_list = None;
            None
        }
        (Action::ShowHelp, _) => {
            app.help = true;
            None
        }
        _ => None,
    }
}

/// Asks the loop to open `row`'s address, or says why it is not opened: only an http, https
/// or mailto address a browser reads as it looks ever reaches the opener.
fn open(app: &mut App, row: &LinkRow) -> Option<Effect> {
    match &row.address {
        Ok(address) => {
            app.notice = Some(format!("opening {address}"));
            Some(Effect::OpenUrl(address.clone()))
        }
        Err(why) => {
            app.notice = Some(match row.label.as_str() {
                "source" => format!("not opened: {why}"),
                number => format!("link {number} not opened: {why}"),
            });
            None
        }
    }
}
