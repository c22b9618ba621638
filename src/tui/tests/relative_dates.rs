//! Relative dates in the reader's queries count from the day the reader knows, which moves on
//! when the calendar does, not from the day it was started.

use std::collections::BTreeSet;

use crate::tui::model::action::Action;

use super::*;

fn day(text: &str) -> jiff::civil::Date {
    text.parse().expect("a date")
}

#[test]
fn date_today_counts_from_the_new_day_once_the_date_changes() {
    let mut app = app();
    send(&mut app, Action::NewDay(day("2026-03-18")));
    send(&mut app, Action::StartSearch);
    type_text(&mut app, "date:today");
    assert_eq!(app.shown(), 1);
    assert_eq!(
        selected_title(&app),
        "WHO updates guidance on treating high blood pressure"
    );
    send(&mut app, Action::NewDay(day("2026-03-12")));
    send(&mut app, Action::SearchBackspace);
    type_text(&mut app, "y");
    assert_eq!(app.shown(), 1);
    assert_eq!(
        selected_title(&app),
        "Drought-tolerant wheat lifts yields by up to 20% in field trials"
    );
    send(&mut app, Action::NewDay(day("2026-03-19")));
    send(&mut app, Action::SearchBackspace);
    type_text(&mut app, "y");
    assert_eq!(app.shown(), 0, "nothing among the samples is from that day");
}

/// A date format of wide characters pads by the columns a date takes, so that the list's
/// badges line up whether a row has a date or not.
#[test]
fn a_date_format_of_wide_characters_keeps_the_columns_in_line() {
    let mut app = app();
    app.look.dates = crate::date_format::DateFormat::new("%Y年%m月%d日").unwrap();
    let screen = screen_text(&app);
    let badge_columns: BTreeSet<usize> = screen
        .lines()
        .filter_map(|line| {
            let at = line.find(['●', '▲', '▼'])?;
            Some(unicode_width::UnicodeWidthStr::width(&line[..at]))
        })
        .collect();
    assert!(screen.contains("年"), "{screen}");
    assert_eq!(badge_columns.len(), 1, "{badge_columns:?}\n{screen}");
}
