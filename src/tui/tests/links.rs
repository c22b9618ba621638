//! The article's links through `update`: opening by number, the links view, copying.

use crate::tui::model::action::{Action, Effect};
use crate::tui::model::app::{App, Mode, Screen};

use super::*;

const BODY: &str = "Markets fell ([report](/markets/today.html)). Ask [the desk](mailto:desk@news.example) \
or see [this](javascript:alert(1)) and [the data](https://data.example/set?a=1).";

/// An article of the samples being read, with `BODY` as its text and `source` as its address.
fn reading(source: Option<&str>) -> App {
    let mut app = app();
    open_selected(&mut app);
    let Screen::Reader(reader) = &mut app.screen else {
        unreachable!()
    };
    std::sync::Arc::make_mut(&mut reader.article).source_url = source.map(str::to_owned);
    let id = reader.article.id.clone();
    let body = Ok(BODY.to_owned());
    send(
        &mut app,
        Action::BodyRead {
            id,
            body,
            whole: None,
        },
    );
    app
}

fn opened(effect: Option<Effect>) -> Option<String> {
    match effect {
        Some(Effect::OpenUrl(address)) => Some(address),
        None => None,
        other => panic!("{other:?}"),
    }
}

#[test]
fn digits_open_the_links_the_text_numbers() {
    let mut app = reading(Some("https://news.example/world/story.html"));
    assert_eq!(
        opened(send(&mut app, Action::OpenLink(1))).as_deref(),
        Some("https://news.example/markets/today.html"),
        "a relative link is read against the article's address"
    );
    assert_eq!(
        app.notice.as_deref(),
        Some("opening https://news.example/markets/today.html")
    );
    assert_eq!(
        opened(send(&mut app, Action::OpenLink(2))).as_deref(),
        Some("mailto:desk@news.example")
    );
    assert_eq!(opened(send(&mut app, Action::OpenLink(3))), None);
    assert_eq!(
        app.notice.as_deref(),
        Some("link 3 not opened: only http, https and mailto links are opened")
    );
    assert_eq!(opened(send(&mut app, Action::OpenLink(9))), None);
    assert_eq!(app.notice.as_deref(), Some("this article has 4 links"));
    // The text shows the numbers the keys use.
    let text = screen_text(&app);
    assert!(
        text.contains("report[1]") && text.contains("the data[4]"),
        "{text}"
    );
}

#[test]
fn a_relative_link_without_the_articles_address_is_not_opened() {
    let mut app = reading(None);
    assert_eq!(opened(send(&mut app, Action::OpenLink(1))), None);
    let notice = app.notice.clone().unwrap();
    assert!(
        notice.starts_with("link 1 not opened: a relative link"),
        "{notice}"
    );
    assert!(opened(send(&mut app, Action::OpenLink(4))).is_some());
}

#[test]
fn the_links_view_lists_opens_and_copies_and_closes() {
    let mut app = reading(Some("https://news.example/world/story.html"));
    send(&mut app, Action::ShowLinks);
    assert_eq!(app.mode(), Mode::Links);
    let text = screen_text(&app);
    for row in [
        "source  https://news.example/world/story.html",
        "     1  https://news.example/markets/today.html",
        "     2  mailto:desk@news.example",
        "     3  javascript:alert(1)  (not opened: only http, https and mailto links are opened)",
        "     4  https://data.example/set?a=1",
    ] {
        assert!(text.contains(row), "{row:?} in\n{text}");
    }
    assert!(
        text.contains("y copy"),
        "the status bar says how to copy:\n{text}"
    );

    assert_eq!(
        opened(send(&mut app, Action::Open)).as_deref(),
        Some("https://news.example/world/story.html")
    );
    send(&mut app, Action::Bottom);
    assert_eq!(
        send(&mut app, Action::CopyLink),
        Some(Effect::Copy("https://data.example/set?a=1".to_owned()))
    );
    assert_eq!(
        app.notice.as_deref(),
        Some("copied https://data.example/set?a=1 (through the terminal)")
    );
    send(&mut app, Action::Up);
    assert_eq!(
        opened(send(&mut app, Action::Open)),
        None,
        "javascript: is never opened"
    );
    assert_eq!(
        opened(send(&mut app, Action::OpenLink(2))).as_deref(),
        Some("mailto:desk@news.example")
    );
    send(&mut app, Action::Back);
    assert_eq!(app.mode(), Mode::Reader);
    send(&mut app, Action::Back);
    assert_eq!(app.mode(), Mode::List);
}

#[test]
fn an_article_without_links_says_so() {
    let mut app = app();
    open_selected(&mut app);
    let Screen::Reader(reader) = &mut app.screen else {
        unreachable!()
    };
    std::sync::Arc::make_mut(&mut reader.article).source_url = None;
    let id = reader.article.id.clone();
    send(
        &mut app,
        Action::BodyRead {
            id,
            body: Ok("No links here.".to_owned()),

            whole: None,
        },
    );
    send(&mut app, Action::ShowLinks);
    assert_eq!(app.mode(), Mode::Reader);
    assert_eq!(app.notice.as_deref(), Some("this article has no links"));
    send(&mut app, Action::OpenLink(1));
    assert_eq!(app.notice.as_deref(), Some("this article has no links"));
    send(&mut app, Action::OpenSource);
    assert_eq!(
        app.notice.as_deref(),
        Some("this article has no source link")
    );
}
