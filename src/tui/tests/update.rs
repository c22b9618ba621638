//! `update`: an action in, the model out.

use crate::article::Bucket;
use crate::query::Query;
use crate::query::SortOrder;
use crate::tui::model::action::{Action, Effect};
use crate::tui::model::app::{Mode, Screen};

use super::*;

#[test]
fn moves_within_the_list() {
    let mut app = app();
    assert_eq!(app.shown(), 33);
    send(&mut app, Action::Up);
    assert_eq!(app.list.selected, 0, "no row above the first");
    send(&mut app, Action::Down);
    send(&mut app, Action::Down);
    assert_eq!(app.list.selected, 2);
    send(&mut app, Action::Bottom);
    assert_eq!(app.list.selected, 32);
    send(&mut app, Action::Down);
    assert_eq!(app.list.selected, 32, "no row below the last");
    assert!(app.list.offset > 0, "the last row is scrolled into view");
    assert!(app.list.offset + 28 > 32);
    send(&mut app, Action::Top);
    assert_eq!((app.list.selected, app.list.offset), (0, 0));
}

#[test]
fn pages_by_the_height_of_the_list() {
    let mut app = app_sized(100, 12);
    send(&mut app, Action::PageDown);
    assert_eq!(app.list.selected, 10, "12 rows less header and status");
    send(&mut app, Action::PageDown);
    send(&mut app, Action::PageDown);
    send(&mut app, Action::PageDown);
    assert_eq!(app.list.selected, 32);
    send(&mut app, Action::PageUp);
    assert_eq!(app.list.selected, 22);
}

#[test]
fn paging_an_empty_list_stays_put() {
    let mut app = app();
    send(&mut app, Action::StartSearch);
    type_text(&mut app, "zzzzqqq");
    assert_eq!(app.shown(), 0);
    send(&mut app, Action::SearchKeep);
    for action in [
        Action::PageDown,
        Action::PageUp,
        Action::Bottom,
        Action::Down,
        Action::Up,
        Action::Scroll(3),
    ] {
        send(&mut app, action);
        assert_eq!((app.list.selected, app.list.offset), (0, 0));
    }
    assert_eq!(send(&mut app, Action::Open), None, "nothing to open");
    assert!(matches!(app.screen, Screen::List));
}

#[test]
fn the_list_follows_the_query_as_it_is_typed() {
    let mut app = app();
    send(&mut app, Action::StartSearch);
    assert_eq!(app.mode(), Mode::Search);
    type_text(&mut app, "o");
    let after_o = app.shown();
    type_text(&mut app, "il");
    let library = app.catalog.library().unwrap();
    let expected = library.search(&Query::parse("oil").unwrap()).count();
    assert_eq!(app.shown(), expected);
    assert!(
        expected < after_o && expected > 0,
        "{expected} of {after_o}"
    );
    send(&mut app, Action::SearchBackspace);
    assert_eq!(app.search.text, "oi");
    type_text(&mut app, "l");
    send(&mut app, Action::SearchKeep);
    assert_eq!(app.mode(), Mode::List);
    assert_eq!(app.search.applied, "oil");
    assert_eq!(app.shown(), expected, "Enter keeps the query");
}

#[test]
fn escape_in_the_bar_clears_the_query() {
    let mut app = app();
    send(&mut app, Action::StartSearch);
    type_text(&mut app, "oil");
    send(&mut app, Action::SearchClear);
    assert_eq!(app.mode(), Mode::List);
    assert_eq!(app.search.text, "");
    assert!(app.query.is_empty());
    assert_eq!(app.shown(), 33);
}

#[test]
fn a_malformed_query_says_why_and_keeps_the_rows() {
    let mut app = app();
    send(&mut app, Action::StartSearch);
    type_text(&mut app, "oil score");
    let rows = app.list.visible.clone();
    type_text(&mut app, ":>");
    let error = app.search.error.clone().expect("the bar shows an error");
    assert!(error.contains("score"), "{error}");
    assert_eq!(app.list.visible, rows, "the last good query's rows stay");
    assert_eq!(app.search.applied, "oil score");
    assert_eq!(
        app.search.text, "oil score:>",
        "the bar keeps what was typed"
    );
    type_text(&mut app, "7");
    assert_eq!(app.search.error, None, "score:>7 parses");
    assert_eq!(app.search.applied, "oil score:>7");
    send(&mut app, Action::SearchBackspace);
    assert!(app.search.error.is_some());
    send(&mut app, Action::SearchKeep);
    assert_eq!(
        app.search.text, "oil score:>7",
        "Enter returns to the query the list shows"
    );
    assert_eq!(app.search.error, None);
    let notice = app
        .notice
        .clone()
        .expect("Enter says the text was not kept");
    assert!(
        notice.starts_with("query not kept: ") && notice.ends_with("; still /oil score:>7"),
        "{notice}"
    );
}

#[test]
fn sentiment_filters_combine_with_the_query() {
    let mut app = app();
    let mut counts = 0;
    for bucket in [
        Some(Bucket::Positive),
        Some(Bucket::Neutral),
        Some(Bucket::Negative),
        None,
    ] {
        send(&mut app, Action::SetFilter(bucket));
        let count = app
            .catalog
            .articles()
            .filter(|a| bucket.is_none() || a.sentiment.bucket == bucket)
            .count();
        assert_eq!(app.shown(), count, "{bucket:?}");
        assert!(count > 0);
        counts += count;
        for &doc in &app.list.visible {
            let article = app.catalog.article(doc).unwrap();
            assert!(bucket.is_none() || article.sentiment.bucket == bucket);
        }
    }
    assert_eq!(
        counts,
        2 * app.catalog.len(),
        "every article is in one bucket, by its file or by an estimate"
    );
    send(&mut app, Action::StartSearch);
    type_text(&mut app, "oil");
    send(&mut app, Action::SearchKeep);
    send(&mut app, Action::SetFilter(Some(Bucket::Negative)));
    assert_eq!(app.shown(), 1, "oil and negative, by its file");
    send(&mut app, Action::ClearAll);
    assert_eq!(
        (app.shown(), app.bucket, app.search.applied.as_str()),
        (33, None, "")
    );
}

#[test]
fn f_cycles_the_filter() {
    let mut app = app();
    let mut seen = Vec::new();
    for _ in 0..4 {
        send(&mut app, Action::CycleFilter);
        seen.push(app.bucket);
    }
    assert_eq!(
        seen,
        [
            Some(Bucket::Positive),
            Some(Bucket::Neutral),
            Some(Bucket::Negative),
            None
        ]
    );
}

#[test]
fn s_cycles_the_sort_and_keeps_the_article() {
    let mut app = app();
    send(&mut app, Action::Down);
    send(&mut app, Action::Down);
    let title = selected_title(&app);
    send(&mut app, Action::CycleSort);
    assert_eq!(app.order, SortOrder::Score);
    assert_eq!(selected_title(&app), title);
    let scores: Vec<Option<f64>> = app
        .list
        .visible
        .iter()
        .map(|&d| app.catalog.article(d).unwrap().sentiment.score)
        .collect();
    assert_eq!(scores[0], Some(9.0));
    assert!(scores.windows(2).all(|w| match (w[0], w[1]) {
        (Some(a), Some(b)) => a >= b,
        (None, Some(_)) => false,
        _ => true,
    }));
    send(&mut app, Action::CycleSort);
    assert_eq!(app.order, SortOrder::Title);
    let first = app.catalog.article(app.list.visible[0]).unwrap();
    assert!(first.title.starts_with("Airline"), "{}", first.title);
    send(&mut app, Action::CycleSort);
    assert_eq!(app.order, SortOrder::Date);
}

#[test]
fn opening_reads_the_body_and_back_returns() {
    let mut app = app();
    let title = selected_title(&app);
    let id = app
        .catalog
        .article(app.selected_doc().unwrap())
        .unwrap()
        .id
        .clone();
    assert!(!app.marks.is_read(&id));
    let effects = open_selected(&mut app);
    assert_eq!(app.mode(), Mode::Reader);
    assert!(app.marks.is_read(&id), "opening marks the article read");
    assert!(saves_marks(&effects), "and asks for the marks to be saved");
    let Screen::Reader(reader) = &app.screen else {
        unreachable!()
    };
    assert!(!reader.pending);
    assert!(reader.lines.len() > 20, "the body is laid out");
    let first: String = reader.lines.text(0).to_owned();
    assert_eq!(first, title);
    send(&mut app, Action::Back);
    assert_eq!(app.mode(), Mode::List);
    assert_eq!(selected_title(&app), title);
}

#[test]
fn the_reader_scrolls_within_the_article() {
    let mut app = app_sized(100, 10);
    open_selected(&mut app);
    send(&mut app, Action::Bottom);
    let Screen::Reader(reader) = &app.screen else {
        unreachable!()
    };
    let last = reader.scroll;
    assert_eq!(
        last,
        reader.lines.len() - 9,
        "the end at the bottom of the screen"
    );
    send(&mut app, Action::PageDown);
    send(&mut app, Action::Down);
    let Screen::Reader(reader) = &app.screen else {
        unreachable!()
    };
    assert_eq!(reader.scroll, last);
    send(&mut app, Action::Top);
    send(&mut app, Action::PageDown);
    let Screen::Reader(reader) = &app.screen else {
        unreachable!()
    };
    assert_eq!(reader.scroll, 9);
}

#[test]
fn n_and_shift_n_jump_between_matches() {
    let mut app = app_sized(100, 10);
    send(&mut app, Action::StartSearch);
    type_text(&mut app, "diesel");
    send(&mut app, Action::SearchKeep);
    open_selected(&mut app);
    let Screen::Reader(reader) = &app.screen else {
        unreachable!()
    };
    let matches = reader.matches.clone();
    assert!(matches.len() >= 3, "{matches:?}");
    assert_eq!(matches[0], 0, "the title says diesel");
    send(&mut app, Action::NextMatch);
    let scroll = |app: &App| match &app.screen {
        Screen::Reader(reader) => reader.scroll,
        _ => unreachable!(),
    };
    assert_eq!(scroll(&app), matches[1]);
    send(&mut app, Action::NextMatch);
    assert_eq!(scroll(&app), matches[2]);
    send(&mut app, Action::PrevMatch);
    assert_eq!(scroll(&app), matches[1]);
    send(&mut app, Action::PrevMatch);
    send(&mut app, Action::PrevMatch);
    assert_eq!(scroll(&app), 0);
    assert_eq!(app.notice.as_deref(), Some("no more matches above"));
}

#[test]
fn o_opens_only_web_addresses() {
    let mut app = app();
    open_selected(&mut app);
    let effect = send(&mut app, Action::OpenSource);
    let Some(Effect::OpenUrl(url)) = effect else {
        panic!("{effect:?}");
    };
    assert!(url.starts_with("https://"), "{url}");
    assert_eq!(app.notice, Some(format!("opening {url}")));
    // What is opened is what a browser reads, and what is shown as the article's site.
    let Screen::Reader(reader) = &mut app.screen else {
        unreachable!()
    };
    std::sync::Arc::make_mut(&mut reader.article).source_url =
        Some(r"https://evil.example\@www.reuters.com/".to_owned());
    assert!(send(&mut app, Action::OpenSource).is_none());
    assert!(app.notice.as_deref().unwrap().contains("backslash"));
    for (url, opens) in [
        ("javascript:alert(1)", false),
        ("file:///etc/passwd", false),
        ("https://", false),
        ("HTTP://example.com/a", true),
        ("https://example.com/a b", false),
        ("https://example.com/a?b=1", true),
        (";rm -rf ~", false),
        ("$(touch x)", false),
        ("https://example.com/;rm -rf ~", false),
        ("https://example.com/a\nrm -rf ~", false),
        ("https://example.com/a\u{1b}]8;;x", false),
        // No shell ever sees it: it is one argument to the opener, harmless as a URL.
        ("https://example.com/$(touch%20x)", true),
    ] {
        let Screen::Reader(reader) = &mut app.screen else {
            unreachable!()
        };
        std::sync::Arc::make_mut(&mut reader.article).source_url = Some(url.to_owned());
        let effect = send(&mut app, Action::OpenSource);
        assert_eq!(effect.is_some(), opens, "{url}");
    }
}

#[test]
fn the_category_picker_narrows_the_list() {
    let mut app = app();
    send(&mut app, Action::OpenCategories);
    let Screen::Categories(picker) = &app.screen else {
        panic!("the picker is open");
    };
    assert_eq!(picker.choices[0].value, None);
    assert_eq!(picker.choices[0].count, Some(33));
    let second = picker.choices[1].clone();
    send(&mut app, Action::Down);
    send(&mut app, Action::Open);
    assert_eq!(app.mode(), Mode::List);
    assert_eq!(app.category, second.value);
    assert_eq!(Some(app.shown()), second.count);
    send(&mut app, Action::OpenCategories);
    send(&mut app, Action::Back);
    assert_eq!(app.category, second.value, "Esc leaves it unchanged");
    send(&mut app, Action::ClearAll);
    assert_eq!(app.category, None);
}

#[test]
fn the_dashboard_counts_the_shown_articles() {
    let mut app = app();
    send(&mut app, Action::SetFilter(Some(Bucket::Negative)));
    send(&mut app, Action::ShowDashboard);
    let Screen::Dashboard(stats) = &app.screen else {
        panic!("the dashboard is open");
    };
    // Ten negative by their files, two plain-text scrapes by the estimate.
    assert_eq!(stats.articles, 12);
    assert_eq!(stats.buckets, [0, 0, 12]);
    assert!(!stats.weeks.is_empty());
    assert!(stats.weeks.windows(2).all(|w| w[0].label < w[1].label));
    send(&mut app, Action::Back);
    assert_eq!(app.mode(), Mode::List);
}

#[test]
fn help_opens_over_any_screen_and_closes() {
    let mut app = app();
    send(&mut app, Action::ShowHelp);
    assert_eq!(app.mode(), Mode::Help);
    send(&mut app, Action::Quit);
    assert!(app.quit, "Ctrl-c quits even from the help");
    let mut app = super::app();
    open_selected(&mut app);
    send(&mut app, Action::ShowHelp);
    send(&mut app, Action::Back);
    assert_eq!(
        app.mode(),
        Mode::Reader,
        "closing the help returns to the reader"
    );
}

#[test]
fn q_quits_from_the_list_but_leaves_the_reader() {
    let mut app = app();
    open_selected(&mut app);
    send(&mut app, Action::Back);
    assert!(!app.quit);
    assert_eq!(app.mode(), Mode::List);
    send(&mut app, Action::Back);
    assert!(!app.quit, "nothing is below the list to go back to");
    send(&mut app, Action::Quit);
    assert!(app.quit, "q in the list quits");
}

#[test]
fn a_click_selects_a_row_and_the_wheel_moves() {
    let mut app = app();
    send(&mut app, Action::Click { column: 5, row: 4 });
    assert_eq!(
        app.list.selected, 3,
        "row 4 is the fourth article under the header"
    );
    send(&mut app, Action::Click { column: 80, row: 4 });
    assert_eq!(
        app.list.selected, 3,
        "a click in the preview selects nothing"
    );
    send(&mut app, Action::Scroll(3));
    assert_eq!(app.list.selected, 6);
    send(&mut app, Action::Scroll(-30));
    assert_eq!(app.list.selected, 0);
}

#[test]
fn reload_asks_for_a_new_load_and_keeps_the_list() {
    let mut app = app();
    let Some(Effect::Reload { generation }) = send(&mut app, Action::Reload) else {
        panic!("reload is an effect");
    };
    assert_eq!(generation, 1);
    assert!(app.load.active && app.load.reloading);
    assert_eq!(
        app.shown(),
        33,
        "the old list stays while the new one loads"
    );
    assert_eq!(send(&mut app, Action::Reload), None, "one load at a time");
}

/// Layouts are jobs the loop runs on another thread: `update` only asks for them, keeps the
/// lines it has meanwhile, and takes a layout only for the article and width as they are.
#[test]
fn layouts_are_asked_for_and_stale_ones_ignored() {
    let mut app = app();
    let (article, _) = open_unread(&mut app);
    let body = Library::read_body(&article, &app.reading).map_err(|p| p.message);
    let id = article.id.clone();
    let effects = update(
        &mut app,
        Action::BodyRead {
            id,
            body,
            whole: None,
        },
    );
    let [Effect::LayOut(wide)] = effects.as_slice() else {
        panic!("the body asks for a layout: {effects:?}");
    };
    let resize = Action::Resize {
        width: 50,
        height: 20,
    };
    let effects = update(&mut app, resize);
    let [Effect::LayOut(narrow)] = effects.as_slice() else {
        panic!("a resize asks for another: {effects:?}");
    };
    assert_eq!((wide.width, narrow.width), (98, 48));
    let reader = |app: &App| match &app.screen {
        Screen::Reader(reader) => (reader.width, reader.lines.len()),
        _ => unreachable!(),
    };
    let waiting = reader(&app);
    assert!(
        waiting.1 < 20,
        "the title and a note until the body is laid out"
    );
    let (wide, narrow) = (wide.clone(), narrow.clone());
    assert!(update(&mut app, narrow.perform()).is_empty());
    let laid_out = reader(&app);
    assert_eq!(laid_out.0, 48);
    assert!(laid_out.1 > 20, "the body is laid out");
    assert!(update(&mut app, wide.perform()).is_empty());
    assert_eq!(
        reader(&app),
        laid_out,
        "the layout for the old width is ignored"
    );
    assert!(
        update(&mut app, Action::Down).is_empty(),
        "nothing more to lay out"
    );
}

#[test]
fn a_resize_lays_the_article_out_again() {
    let mut app = app();
    open_selected(&mut app);
    let lines_at = |app: &App| match &app.screen {
        Screen::Reader(reader) => (reader.width, reader.lines.len()),
        _ => unreachable!(),
    };
    let wide = lines_at(&app);
    send(
        &mut app,
        Action::Resize {
            width: 50,
            height: 20,
        },
    );
    let narrow = lines_at(&app);
    assert_eq!(narrow.0, 48);
    assert!(narrow.1 > wide.1);
}

/// The fetch key starts one fetch at a time, off the loop; its summary arrives as an action.
#[test]
fn the_fetch_key_fetches_once_at_a_time_and_says_how_it_went() {
    let mut app = app();
    assert_eq!(send(&mut app, Action::Fetch), Some(Effect::Fetch));
    assert!(app.fetching);
    assert_eq!(
        app.notice.as_deref(),
        Some("fetching the subscribed feeds…")
    );
    assert_eq!(send(&mut app, Action::Fetch), None, "one fetch at a time");
    assert_eq!(
        app.notice.as_deref(),
        Some("already fetching the subscribed feeds")
    );
    send(&mut app, Action::Down);
    send(
        &mut app,
        Action::Fetched(Ok("fetched 2 feeds (1 unchanged): 3 new articles".into())),
    );
    assert!(!app.fetching);
    assert_eq!(
        app.notice.as_deref(),
        Some("fetched 2 feeds (1 unchanged): 3 new articles")
    );
    assert_eq!(send(&mut app, Action::Fetch), Some(Effect::Fetch));
    send(
        &mut app,
        Action::Fetched(Err("nowhere to put new articles".into())),
    );
    assert_eq!(
        app.notice.as_deref(),
        Some("fetch: nowhere to put new articles")
    );
    // Only the list fetches: in the reader, F is not a key.
    open_selected(&mut app);
    assert_eq!(send(&mut app, Action::Fetch), None);
}
