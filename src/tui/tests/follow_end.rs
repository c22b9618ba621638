//! Keys pressed before the text is in, or before its new layout is, act on the text that
//! comes: `G` shows its end, `j` scrolls it, `a` shows its whole text, not what was on screen
//! when they were pressed.

use crate::tui::model::action::{Action, Effect};
use crate::tui::model::app::{App, Screen};

use super::*;

/// The reader's first line on screen, and the line `G` puts there once everything is in.
fn scroll_and_end(app: &mut App) -> (usize, usize) {
    let scroll = reader_scroll(app);
    send(app, Action::Bottom);
    (scroll, reader_scroll(app))
}

fn reader_scroll(app: &App) -> usize {
    match &app.screen {
        Screen::Reader(reader) => reader.scroll,
        _ => panic!("the reader is open"),
    }
}

/// Selects the first article in the list for which `wanted` holds.
fn select(app: &mut App, wanted: impl Fn(&crate::article::Article) -> bool) {
    let row = (app.list.visible.iter())
        .position(|&doc| wanted(app.catalog.article(doc).unwrap()))
        .expect("such an article among the samples");
    app.list.selected = row;
}

#[test]
fn the_end_asked_for_while_the_body_is_read_is_the_end_of_the_body() {
    let mut app = app_sized(100, 20);
    select(&mut app, |article| article.words > 400);
    let (article, _) = open_unread(&mut app);
    update(&mut app, Action::Bottom);
    read_body(&mut app, &article);
    let (scroll, end) = scroll_and_end(&mut app);
    assert!(end > 0, "the article is longer than the screen");
    assert_eq!(scroll, end, "G before the body came shows the body's end");
    send(&mut app, Action::Top);
    send(&mut app, Action::Down);
    assert_eq!(reader_scroll(&app), 1, "a later key moves from where it is");
}

/// `j` and a page down pressed before the body came scroll the body that comes, as far as it
/// goes; a move up or to the top before it came is a move from the top.
#[test]
fn lines_scrolled_while_the_body_is_read_are_scrolled_in_the_body() {
    let mut app = app_sized(100, 20);
    select(&mut app, |article| article.words > 400);
    let (article, _) = open_unread(&mut app);
    for _ in 0..4 {
        update(&mut app, Action::Down);
    }
    read_body(&mut app, &article);
    assert_eq!(reader_scroll(&app), 4);
    send(&mut app, Action::Down);
    assert_eq!(reader_scroll(&app), 5, "a later key moves from where it is");

    send(&mut app, Action::Back);
    let (article, _) = open_unread(&mut app);
    update(&mut app, Action::Down);
    update(&mut app, Action::Top);
    read_body(&mut app, &article);
    assert_eq!(reader_scroll(&app), 0);
}

#[test]
fn the_end_asked_for_while_the_whole_text_is_laid_out_is_the_end_of_the_whole_text() {
    let mut app = app_sized(100, 20);
    select(&mut app, |article| article.left_out > 0);
    open_selected(&mut app);
    let effects = update(&mut app, Action::ToggleWholeText);
    let Some(Effect::LayOut(job)) = effects
        .into_iter()
        .find(|effect| matches!(effect, Effect::LayOut(_)))
    else {
        panic!("the whole text asks for a layout");
    };
    update(&mut app, Action::Bottom);
    send(&mut app, job.perform());
    let (scroll, end) = scroll_and_end(&mut app);
    assert!(end > 0, "the whole text is longer than the screen");
    assert_eq!(
        scroll, end,
        "G before the layout came shows the whole text's end"
    );
}

#[test]
fn the_whole_text_asked_for_while_the_body_is_read_is_shown_when_it_comes() {
    let mut app = app_sized(100, 20);
    select(&mut app, |article| article.left_out > 0);
    let (article, _) = open_unread(&mut app);
    update(&mut app, Action::ToggleWholeText);
    assert_eq!(app.notice, None, "nothing is said to be missing yet");
    let body = Library::read_body_parts(&article, &app.reading).map_err(|p| p.message);
    let whole = body.as_ref().ok().and_then(|body| body.whole.clone());
    assert!(whole.is_some(), "a scrape keeps its whole text");
    send(
        &mut app,
        Action::BodyRead {
            id: article.id.clone(),
            body: body.map(|body| body.main),
            whole,
        },
    );
    let Screen::Reader(reader) = &app.screen else {
        panic!("the reader is open");
    };
    assert!(reader.showing_whole, "the whole text is shown");
    assert!(
        reader.article.body.contains("Scroll to Top"),
        "furniture and all"
    );
    send(&mut app, Action::ToggleWholeText);
    let Screen::Reader(reader) = &app.screen else {
        panic!("the reader is open");
    };
    assert!(
        !reader.article.body.contains("Scroll to Top"),
        "the article alone again"
    );
}
