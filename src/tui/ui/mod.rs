//! Drawing: each region of the screen is a small widget that borrows the model and only
//! reads it.

mod dashboard;
mod header;
pub mod help;
pub mod layout;
mod links;
mod list;
mod picker;
mod preview;
mod reader;
mod search;
mod status;
mod tag;
mod text;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget};

use crate::tui::model::app::{App, Screen};

/// Narrower or shorter than this, only a note fits.
const MIN_WIDTH: u16 = 12;

/// Draws the whole screen for `app`.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height == 0 {
        Paragraph::new("enlarge me").render(area, frame.buffer_mut());
    } else {
        draw_screen(frame, app, area);
    }
    if !app.color {
        theme::strip_colors(frame.buffer_mut());
    }
}

fn draw_screen(frame: &mut Frame, app: &App, area: Rect) {
    let buffer = frame.buffer_mut();
    match &app.screen {
        Screen::Reader(reader) => {
            let (text, status) = layout::reader_areas(area);
            reader::ReaderView { reader }.render(text, buffer);
            if let Some(list) = &reader.link_list {
                let palette = &app.look.palette;
                links::LinksView { list, palette }.render(text, buffer);
            }
            status::ReaderStatus {
                app,
                reader,
                text_height: text.height,
            }
            .render(status, buffer);
        }
        screen => {
            let areas = layout::list_areas(area);
            header::Header { app }.render(areas.header, buffer);
            match screen {
                Screen::Dashboard(stats) => {
                    let middle = areas.list.union(areas.preview.unwrap_or(areas.list));
                    dashboard::Dashboard {
                        stats,
                        palette: &app.look.palette,
                    }
                    .render(middle, buffer);
                }
                Screen::Categories(picker) | Screen::Saved(picker) => {
                    let (title, all) = match screen {
                        Screen::Saved(_) => ("Saved searches", "all articles"),
                        _ => ("Category", "all categories"),
                    };
                    picker::PickerView { picker, title, all }.render(areas.list, buffer);
                    if let Some(preview) = areas.preview {
                        preview::Preview { app }.render(preview, buffer);
                    }
                }
                _ => {
                    list::List { app }.render(areas.list, buffer);
                    if let Some(preview) = areas.preview {
                        preview::Preview { app }.render(preview, buffer);
                    }
                }
            }
            if app.search.editing {
                let cursor = search::SearchBar {
                    search: &app.search,
                    palette: &app.look.palette,
                    keys: &app.keys,
                }
                .draw(areas.status, buffer);
                frame.set_cursor_position(cursor);
            } else {
                status::Status { app }.render(areas.status, buffer);
            }
        }
    }
    if let Some(picker) = &app.tagging {
        tag::TagBox {
            picker,
            palette: &app.look.palette,
            keys: &app.keys,
        }
        .render(area, frame.buffer_mut());
    }
    if app.help {
        help::Help {
            keys: &app.keys,
            from: app.screen_mode(),
            scroll: app.help_scroll,
            palette: &app.look.palette,
        }
        .render(area, frame.buffer_mut());
    }
}
