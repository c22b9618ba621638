//! Relative dates in the reader's queries count from the day the reader knows, which moves on
//! when the calendar does, not from the day it was started.

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
