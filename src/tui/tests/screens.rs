//! Each screen drawn on a `TestBackend`. The snapshots hold the text of the screen; styles
//! that carry meaning (match marking, the selected row) are checked cell by cell.

use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use crate::article::Bucket;
use crate::tui::model::action::Action;
use crate::tui::model::app::App;
use crate::tui::ui::draw;

use super::*;

fn screen(app: &App) -> Terminal<TestBackend> {
    let size = app.viewport;
    let mut terminal = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    terminal.draw(|frame| draw(frame, app)).unwrap();
    terminal
}

/// The column where `text` starts on row `y`.
fn find(buffer: &Buffer, y: u16, text: &str) -> Option<u16> {
    let row: String = (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol().chars().next().unwrap_or(' '))
        .collect();
    row.find(text).map(|at| row[..at].chars().count() as u16)
}

#[test]
fn list_wide() {
    let app = app();
    let terminal = screen(&app);
    assert_snapshot!(terminal.backend());
    let buffer = terminal.backend().buffer();
    assert!(
        buffer[(3, 1)].modifier.contains(Modifier::REVERSED),
        "the first row is selected"
    );
    assert!(!buffer[(3, 2)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn search_marks_the_matched_words() {
    let mut app = app();
    send(&mut app, Action::StartSearch);
    type_text(&mut app, "record");
    let terminal = screen(&app);
    assert_snapshot!(terminal.backend());
    let buffer = terminal.backend().buffer();
    let style = |x: u16, y: u16| buffer[(x, y)].modifier;
    let rows: Vec<(u16, u16)> = (1..29)
        .filter_map(|y| find(buffer, y, "record").map(|x| (x, y)))
        .filter(|&(x, _)| x < 58)
        .collect();
    assert!(rows.len() >= 3, "{rows:?}");
    for (x, y) in rows {
        // The selected row is reversed already: its matches are underlined instead.
        let mark = match y {
            1 => Modifier::UNDERLINED,
            _ => Modifier::REVERSED,
        };
        assert!(
            style(x, y).contains(mark) && style(x + 5, y).contains(mark),
            "row {y}"
        );
        assert!(!style(x - 1, y).contains(mark), "row {y}: before the word");
        assert!(!style(x + 6, y).contains(mark), "row {y}: after the word");
    }
}

#[test]
fn a_malformed_query_is_shown_in_the_bar() {
    let mut app = app();
    send(&mut app, Action::StartSearch);
    type_text(&mut app, "date:2026-13");
    assert_snapshot!(screen(&app).backend());
}

#[test]
fn filters() {
    for (bucket, name) in [
        (Some(Bucket::Positive), "positive"),
        (Some(Bucket::Neutral), "neutral"),
        (Some(Bucket::Negative), "negative"),
    ] {
        let mut app = app();
        send(&mut app, Action::SetFilter(bucket));
        assert_snapshot!(format!("filter_{name}"), screen(&app).backend());
    }
}

/// The three plain-text scrapes carry no sentiment: their estimates are dimmed and marked `~`
/// in the row, and called estimated in the preview, as `moodwire list` and `show` do.
#[test]
fn estimates_are_marked_in_the_list_and_the_preview() {
    let mut app = app();
    send(&mut app, Action::SetFilter(Some(Bucket::Negative)));
    // The scrape of the import-substitution article sorts last by its headline; the regional
    // banks' scrape is the row above it.
    send(&mut app, Action::Bottom);
    send(&mut app, Action::Up);
    let terminal = screen(&app);
    let buffer = terminal.backend().buffer();
    let estimated_row = 12;
    // The badge's column: after the unread and star marks, a space and the date.
    let badge = 14;
    assert_eq!(
        find(buffer, estimated_row, "▼  ~1 Regional banks"),
        Some(badge)
    );
    assert!(
        buffer[(badge, estimated_row)]
            .modifier
            .contains(Modifier::DIM)
    );
    let from_file_row = 1;
    assert_eq!(find(buffer, from_file_row, "▼   2 Floods"), Some(badge));
    assert!(
        !buffer[(badge, from_file_row)]
            .modifier
            .contains(Modifier::DIM)
    );
    let preview: String = (1..29)
        .map(|y| {
            (59..100)
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect::<String>()
        })
        .collect();
    assert!(
        preview.contains("Bearish/Negative ~1 (estimated)"),
        "{preview}"
    );
}

#[test]
fn reader() {
    let mut app = app();
    send(&mut app, Action::StartSearch);
    type_text(&mut app, "sanctions");
    send(&mut app, Action::SearchKeep);
    open_selected(&mut app);
    assert_snapshot!(screen(&app).backend());
    send(&mut app, Action::Bottom);
    assert_snapshot!("reader_end", screen(&app).backend());
}

#[test]
fn dashboard() {
    let mut app = app();
    send(&mut app, Action::ShowDashboard);
    let terminal = screen(&app);
    assert_snapshot!(terminal.backend());
    // The estimated part of the negative bar is shaded and dimmed; the rest is solid.
    let buffer = terminal.backend().buffer();
    let shaded = find(buffer, 4, "▒").expect("the negative row has an estimated part");
    assert!(buffer[(shaded, 4)].modifier.contains(Modifier::DIM));
    assert_eq!(buffer[(shaded - 1, 4)].symbol(), "█");
    assert!(!buffer[(shaded - 1, 4)].modifier.contains(Modifier::DIM));
}

#[test]
fn help() {
    let mut app = app_sized(120, 40);
    send(&mut app, Action::ShowHelp);
    assert_snapshot!(screen(&app).backend());
}

/// Every description is shown whole, however narrow its column: a long one goes on over the
/// next lines, broken between words, instead of being cut at the column's edge.
#[test]
fn help_wraps_long_descriptions_and_cuts_none() {
    for width in [60, 100] {
        let mut app = app_sized(width, 200);
        send(&mut app, Action::ShowHelp);
        let shown = screen_text(&app);
        // The rows as one text: the frame and runs of spaces out.
        let words: Vec<&str> = shown
            .split(|c: char| c.is_whitespace() || "│┌┐└┘─".contains(c))
            .filter(|w| !w.is_empty())
            .collect();
        let text = format!(" {} ", words.join(" "));
        // The help's own keys are named by its frame.
        for section in app
            .keys
            .sections
            .iter()
            .filter(|s| s.mode != crate::tui::model::app::Mode::Help)
        {
            for binding in &section.bindings {
                let desc = binding
                    .desc
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                // In two columns, a wrapped line's rest follows the row of the other column.
                let last = desc.rsplit(' ').next().unwrap();
                let first = desc.split(' ').next().unwrap();
                assert!(
                    text.contains(&format!(" {last} ")) && text.contains(&format!(" {first}")),
                    "{width} columns: {desc:?} is cut:\n{shown}"
                );
                if width == 60 {
                    assert!(text.contains(&format!(" {desc} ")), "{desc:?}:\n{shown}");
                }
            }
        }
    }
}

/// On a terminal too small for every key, the help scrolls, and the last key can be reached.
#[test]
fn help_scrolls_on_a_small_terminal() {
    let mut app = app_sized(60, 14);
    send(&mut app, Action::ShowHelp);
    let text = |app: &App| format!("{:?}", screen(app).backend());
    let top = text(&app);
    assert!(top.contains("j/k scroll, lines 1–12 of"), "{top}");
    assert!(!top.contains("wheel scrolls"), "{top}");
    send(&mut app, Action::Bottom);
    let bottom = text(&app);
    assert!(bottom.contains("wheel scrolls, click selects"), "{bottom}");
    assert!(!bottom.contains("next article"), "{bottom}");
    send(&mut app, Action::Down);
    assert_eq!(text(&app), bottom, "no further than the end");
    send(&mut app, Action::Top);
    assert_eq!(text(&app), top);
    send(&mut app, Action::Back);
    assert!(!app.help);
    send(&mut app, Action::ShowHelp);
    assert_eq!(text(&app), top, "it opens at the top again");
}

#[test]
fn category_picker() {
    let mut app = app();
    send(&mut app, Action::OpenCategories);
    send(&mut app, Action::Down);
    assert_snapshot!(screen(&app).backend());
}

#[test]
fn narrow() {
    let mut app = app_sized(60, 16);
    assert_snapshot!("narrow_list", screen(&app).backend());
    open_selected(&mut app);
    assert_snapshot!("narrow_reader", screen(&app).backend());
}

#[test]
fn tiny() {
    let mut app = app_sized(20, 6);
    assert_snapshot!("tiny_list", screen(&app).backend());
    open_selected(&mut app);
    assert_snapshot!("tiny_reader", screen(&app).backend());
}

/// Every size from 1x1 to 20x6, on every screen: something is drawn and nothing panics.
#[test]
fn very_small_terminals_never_panic() {
    for width in 1..=20 {
        for height in 1..=6 {
            let mut app = app_sized(width, height);
            screen(&app);
            send(&mut app, Action::StartSearch);
            type_text(&mut app, "score:>>");
            screen(&app);
            send(&mut app, Action::SearchClear);
            for action in [
                Action::ShowDashboard,
                Action::OpenCategories,
                Action::ShowHelp,
            ] {
                send(&mut app, action);
                screen(&app);
                send(&mut app, Action::Back);
                send(&mut app, Action::Back);
            }
            app.quit = false;
            app.screen = crate::tui::model::app::Screen::List;
            app.help = false;
            open_selected(&mut app);
            send(&mut app, Action::PageDown);
            screen(&app);
        }
    }
}

/// Titles and categories of emoji sequences that are wider whole than their characters one by
/// one (`❤` and U+FE0F: two columns, not one), at many widths: the list and the dashboard
/// draw them. (Padding computed from a cut that came out too wide once crashed them.)
#[test]
fn wide_sequences_are_drawn_at_any_width() {
    let dir = tempfile::tempdir().unwrap();
    let heart = "❤\u{fe0f}";
    for (name, title, category) in [
        ("a.md", heart.repeat(100), "News".to_owned()),
        (
            "b.md",
            "Plain".to_owned(),
            format!("{}{}", "a".repeat(15), heart.repeat(5)),
        ),
        ("c.md", format!("x{}", heart.repeat(40)), heart.repeat(30)),
    ] {
        let text = format!("---\ntitle: \"{title}\"\ncategory: \"{category}\"\n---\nBody\n");
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    for width in (20..=140).step_by(7) {
        let library = Library::load(&[dir.path().to_path_buf()], &Reading::default());
        let mut app = app_of(library, width, 20);
        screen(&app);
        send(&mut app, Action::ShowDashboard);
        screen(&app);
    }
}

#[test]
fn no_color_keeps_symbols_and_drops_colours() {
    let mut app = app();
    app.color = false;
    let terminal = screen(&app);
    let buffer = terminal.backend().buffer();
    assert!(
        buffer
            .content
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    let text: String = buffer.content.iter().map(|c| c.symbol()).collect();
    assert!(text.contains('▲') && text.contains('▼') && text.contains('●'));
    app.color = true;
    let coloured = screen(&app);
    assert!(
        coloured
            .backend()
            .buffer()
            .content
            .iter()
            .any(|c| c.fg == Color::Green)
    );
}

#[test]
fn while_loading_the_progress_shows() {
    let mut app = App::new("lib".to_owned(), ratatui::layout::Size::new(100, 8), true);
    assert_snapshot!("loading_start", screen(&app).backend());
    send(
        &mut app,
        Action::Load {
            generation: 0,
            event: crate::library::LoadEvent::Found {
                files: 20000,
                cut_short: false,
            },
        },
    );
    let articles = sample_library().articles()[..3].to_vec();
    send(
        &mut app,
        Action::Load {
            generation: 0,
            event: crate::library::LoadEvent::Read {
                articles,
                done: 5123,
            },
        },
    );
    assert_snapshot!("loading_progress", screen(&app).backend());
}

/// On a wide terminal the titles take the room the preview does not need: at 160 columns a
/// title of 68 characters is shown whole, and every row's category ends in the same column.
#[test]
fn wide_terminals_give_titles_the_room() {
    let app = app_sized(160, 12);
    let text = super::screen_text(&app);
    assert!(
        text.contains("Sky survey releases first year of data as scientists begin analysis"),
        "{text}"
    );
    let ends: Vec<usize> = text
        .lines()
        .skip(1)
        .take(8)
        .map(|line| {
            line.split('│')
                .next()
                .unwrap_or_default()
                .trim_end()
                .chars()
                .count()
        })
        .collect();
    assert!(ends.iter().all(|&end| end == ends[0]), "{ends:?}\n{text}");
}

/// The reader's status bar names only what the open article has: `o` with a source address,
/// `L` with links, `n/N` with a match.
#[test]
fn reader_hints_name_only_what_the_article_has() {
    let last_line = |file: &str, search: Option<&str>| {
        let folder = tempfile::tempdir().unwrap();
        std::fs::write(folder.path().join("post.md"), file).unwrap();
        let library = Library::load(&[folder.path().to_owned()], &Reading::default());
        let mut app = app_of(library, 100, 20);
        if let Some(query) = search {
            send(&mut app, Action::StartSearch);
            type_text(&mut app, query);
            send(&mut app, Action::SearchKeep);
        }
        open_selected(&mut app);
        screen_text(&app).lines().last().unwrap().to_owned()
    };
    let bare = "---\ntitle: Bare\n---\nA body with no links at all, about harbours.\n";
    let status = last_line(bare, None);
    for absent in ["open source", "links", "match"] {
        assert!(!status.contains(absent), "{absent:?} in {status:?}");
    }
    assert!(status.contains("q back"), "{status:?}");
    let full = "---\ntitle: Full\nsource_url: https://example.com/story\n---\n\
                A body about harbours with [a link](https://example.com/more).\n";
    let status = last_line(full, Some("harbours"));
    for present in ["o open source", "L links", "n/N match"] {
        assert!(status.contains(present), "{present:?} not in {status:?}");
    }
}
