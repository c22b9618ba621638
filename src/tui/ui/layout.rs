//! Where each region goes. `update` uses the same arithmetic for page sizes and mouse clicks,
//! so it lives apart from drawing.

use ratatui::layout::{Constraint, Layout, Rect};

/// From this many columns the list has a preview beside it.
pub const WIDE: u16 = 100;
/// Below this many rows there is room for the list alone.
const ROOM_FOR_BARS: u16 = 3;
/// The preview takes this share of the width (in percent), but no more than `PREVIEW_MOST`
/// columns: a wider terminal gives the list's titles the room, not the preview's margins.
const PREVIEW_SHARE: u16 = 42;
const PREVIEW_MOST: u16 = 64;

/// The regions of the list screen; the header and status are empty on a very short terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListAreas {
    pub header: Rect,
    pub list: Rect,
    pub preview: Option<Rect>,
    pub status: Rect,
}

pub fn list_areas(area: Rect) -> ListAreas {
    let (header, middle, status) = bars(area);
    if area.width < WIDE {
        return ListAreas {
            header,
            list: middle,
            preview: None,
            status,
        };
    }
    let preview_width = (middle.width * PREVIEW_SHARE / 100).min(PREVIEW_MOST);
    let [list, preview] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(preview_width)]).areas(middle);
    ListAreas {
        header,
        list,
        preview: Some(preview),
        status,
    }
}

/// A one-line header, the body, and a one-line status bar, as far as the height allows.
pub fn bars(area: Rect) -> (Rect, Rect, Rect) {
    if area.height < ROOM_FOR_BARS {
        let none = Rect::new(area.x, area.y, area.width, 0);
        return (none, area, none);
    }
    let [header, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    (header, body, status)
}

/// The rows the reader scrolls through, and its status bar below them.
pub fn reader_areas(area: Rect) -> (Rect, Rect) {
    if area.height < ROOM_FOR_BARS {
        return (area, Rect::new(area.x, area.bottom(), area.width, 0));
    }
    let [text, status] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    (text, status)
}
