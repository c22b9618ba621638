//! The status bar: a notice, loading progress, or the keys that matter here; in the reader,
//! the position in the article.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::render::Palette;
use crate::tui::keys::Keymap;
use crate::tui::model::app::{App, Confirm, Mode};
use crate::tui::model::reader::Reader;
use crate::tui::ui::theme;

use super::text::{fit, thousands};

/// A hint: the actions whose keys it shows (`j/k`), and what they do. The keys are looked up in
/// the keymap in use, so that a remapped key is the one shown.
type Hint = (&'static [&'static str], &'static str);

const LIST_HINTS: &[Hint] = &[
    (&["down", "up"], "move"),
    (&["open"], "read"),
    (&["search"], "search"),
    (&["cycle-filter"], "sentiment"),
    (&["categories"], "category"),
    (&["sort"], "sort"),
    (&["dashboard"], "dashboard"),
    (&["star"], "star"),
    (&["help"], "help"),
    (&["quit"], "quit"),
];

const PICKER_HINTS: &[Hint] = &[
    (&["down", "up"], "move"),
    (&["open"], "show this category"),
    (&["back"], "back"),
    (&["help"], "help"),
];

const SAVED_HINTS: &[Hint] = &[
    (&["down", "up"], "move"),
    (&["open"], "search with it"),
    (&["back"], "back"),
    (&["help"], "help"),
];

const DASHBOARD_HINTS: &[Hint] = &[(&["back"], "back"), (&["help"], "help")];

const TAG_HINTS: &[Hint] = &[
    (&["down", "up"], "label"),
    (&["score-down", "score-up"], "score"),
    (&["write-tag"], "write"),
    (&["back"], "cancel"),
    (&["help"], "help"),
];

const LINK_HINTS: &[Hint] = &[
    (&["down", "up"], "move"),
    (&["open"], "open"),
    (&["copy-link"], "copy"),
    (&["back"], "back"),
    (&["help"], "help"),
];

const CONFIRM_HINTS: &[Hint] = &[(&["yes"], "yes"), (&["no"], "no")];

const READER_HINTS: &[Hint] = &[
    (&["next-match", "prev-match"], "match"),
    (&["open-source"], "open source"),
    (&["links"], "links"),
    (&["back"], "back"),
    (&["help"], "help"),
    (&["tag"], "tag"),
];

pub struct Status<'a> {
    pub app: &'a App,
}

impl Widget for Status<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let mut spans = Vec::new();
        if let Some(progress) = progress(app) {
            spans.push(Span::styled(progress, theme::accent(&app.look.palette)));
            spans.push(Span::styled(" · ", theme::DIM));
        }
        match (&app.notice, app.confirm) {
            (_, Some(asked)) => {
                spans.push(Span::styled(
                    question(asked),
                    theme::accent(&app.look.palette),
                ));
                spans.push(Span::raw("  "));
                let room = usize::from(area.width).saturating_sub(line_width(&spans));
                let palette = &app.look.palette;
                spans.extend(hints(
                    &app.keys,
                    Mode::Confirm,
                    CONFIRM_HINTS,
                    palette,
                    room,
                ));
            }
            (Some(notice), None) => push_notice(&mut spans, notice, area.width),
            (None, None) => {
                let mode = app.screen_mode();
                let shown = match mode {
                    Mode::Categories => PICKER_HINTS,
                    Mode::Saved => SAVED_HINTS,
                    Mode::Dashboard => DASHBOARD_HINTS,
                    Mode::Tag => TAG_HINTS,
                    _ => LIST_HINTS,
                };
                let room = usize::from(area.width).saturating_sub(line_width(&spans));
                spans.extend(hints(&app.keys, mode, shown, &app.look.palette, room));
            }
        }
        Line::from(spans).render(area, buf);
    }
}

/// `notice` after `spans`, cut with `…` where the bar of `width` columns ends.
fn push_notice(spans: &mut Vec<Span<'_>>, notice: &str, width: u16) {
    let room = usize::from(width).saturating_sub(line_width(spans));
    spans.extend(fit(vec![Span::raw(notice.to_owned())], room));
}

/// The question the reader waits on, in words.
fn question(asked: Confirm) -> String {
    match asked {
        Confirm::MarkShownRead(1) => "mark 1 article read?".to_owned(),
        Confirm::MarkShownRead(unread) => format!("mark {} articles read?", thousands(unread)),
    }
}

/// `reading 5,123 / 20,000` while the library loads.
pub fn progress(app: &App) -> Option<String> {
    let load = &app.load;
    if !load.active {
        return None;
    }
    let verb = if load.reloading {
        "reloading"
    } else {
        "reading"
    };
    Some(match load.files {
        None => format!("{verb}: looking for files"),
        Some(files) => format!("{verb} {} / {}", thousands(load.done()), thousands(files)),
    })
}

/// Actions whose hints stay when the bar is too narrow for all: how to find the others and how
/// to leave.
const ESSENTIAL: &[&str] = &["help", "quit", "back"];

/// The hints that fit in `room` columns: the others go first, from the last, so that help and
/// the way out are always shown.
fn hints(
    keys: &Keymap,
    mode: Mode,
    shown: &[Hint],
    palette: &Palette,
    room: usize,
) -> Vec<Span<'static>> {
    let mut kept: Vec<(bool, String, &str)> = shown
        .iter()
        .filter_map(|(actions, what)| {
            let essential = actions.iter().any(|action| ESSENTIAL.contains(action));
            hint_keys(keys, mode, actions).map(|key| (essential, key, *what))
        })
        .collect();
    let width = |kept: &[(bool, String, &str)]| -> usize {
        let words: usize = (kept.iter())
            .map(|(_, key, what)| key.width() + 1 + what.width())
            .sum();
        words + 2 * kept.len().saturating_sub(1)
    };
    while width(&kept) > room {
        match kept.iter().rposition(|(essential, _, _)| !essential) {
            Some(at) => drop(kept.remove(at)),
            None => break,
        }
    }
    let mut spans = Vec::with_capacity(kept.len() * 3);
    for (_, key, what) in kept {
        if !spans.is_empty() {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(key, theme::key(palette)));
        spans.push(Span::styled(format!(" {what}"), theme::DIM));
    }
    spans
}

fn line_width(spans: &[Span]) -> usize {
    spans.iter().map(Span::width).sum()
}

/// The first key of each of `actions` in `mode`, joined by `/`: `j/k`. `None` when an action
/// has no key (the configuration gave it to another).
fn hint_keys(keys: &Keymap, mode: Mode, actions: &[&str]) -> Option<String> {
    let names: Option<Vec<String>> = (actions.iter())
        .map(|action| keys.key_of(mode, action))
        .collect();
    names.map(|names| names.join("/"))
}

/// Whether a hint of the reader's names something the open article has: no `n/N` without a
/// match, no `o` without a source address, no `L` without links.
fn reader_hint_applies(reader: &Reader, actions: &[&str]) -> bool {
    match actions.first().copied() {
        Some("next-match") => !reader.matches.is_empty(),
        Some("open-source") => reader.article.source_url.is_some(),
        Some("links") => !reader.links.is_empty(),
        _ => true,
    }
}

pub struct ReaderStatus<'a> {
    pub app: &'a App,
    pub reader: &'a Reader,
    /// Rows of the article on screen.
    pub text_height: u16,
}

impl Widget for ReaderStatus<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let reader = self.reader;
        let palette = &self.app.look.palette;
        let total = reader.lines.len();
        let bottom = (reader.scroll + usize::from(self.text_height)).min(total);
        let percent = match total {
            0 => 100,
            _ => bottom * 100 / total,
        };
        let mut spans = vec![Span::styled(
            format!(
                "line {}/{total} {percent}%",
                (reader.scroll + 1).min(total.max(1))
            ),
            theme::accent(palette),
        )];
        if !reader.matches.is_empty() {
            let lines = match reader.matches.len() {
                1 => "1 line matches".to_owned(),
                n => format!("{n} lines match"),
            };
            spans.push(Span::styled(format!(" · {lines}"), theme::DIM));
        }
        spans.push(Span::styled(" · ", theme::DIM));
        match &self.app.notice {
            Some(notice) => push_notice(&mut spans, notice, area.width),
            None if self.app.tagging.is_some() => {
                let room = usize::from(area.width).saturating_sub(line_width(&spans));
                spans.extend(hints(&self.app.keys, Mode::Tag, TAG_HINTS, palette, room))
            }
            None if self.reader.link_list.is_some() => {
                let room = usize::from(area.width).saturating_sub(line_width(&spans));
                spans.extend(hints(
                    &self.app.keys,
                    Mode::Links,
                    LINK_HINTS,
                    palette,
                    room,
                ))
            }
            None => {
                let room = usize::from(area.width).saturating_sub(line_width(&spans));
                let shown: Vec<Hint> = (READER_HINTS.iter())
                    .filter(|(actions, _)| reader_hint_applies(reader, actions))
                    .copied()
                    .collect();
                spans.extend(hints(&self.app.keys, Mode::Reader, &shown, palette, room))
            }
        }
        Line::from(spans).render(area, buf);
    }
}
