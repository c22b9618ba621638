//! Articles arriving from the loading thread while the user moves and types.

use ratatui::layout::Size;

use crate::article::Article;
use crate::tui::action::{Action, LoadMessage};
use crate::tui::app::App;
use crate::tui::catalog::Loaded;

use super::*;

fn load(generation: u64, message: LoadMessage) -> Action {
    Action::Load {
        generation,
        message,
    }
}

fn batch(articles: &[Article], done: usize) -> Action {
    load(
        0,
        LoadMessage::Batch {
            articles: articles.to_vec(),
            done,
        },
    )
}

fn titles(app: &App) -> Vec<String> {
    app.list
        .visible
        .iter()
        .map(|&d| app.catalog.article(d).unwrap().title.clone())
        .collect()
}

#[test]
fn rows_arrive_in_order_and_the_selection_stays_on_its_article() {
    let library = sample_library();
    let all = library.articles();
    let mut app = App::new("x".to_owned(), Size::new(100, 30), true);
    assert!(app.load.active);
    send(&mut app, load(0, LoadMessage::Found { files: 33 }));
    // The older articles first, newest last, as parallel reading may deliver them.
    let mut older = all[20..].to_vec();
    older.reverse();
    send(&mut app, batch(&older, 13));
    assert_eq!(app.shown(), 13);
    assert_eq!(app.load.done(), 13);
    assert_eq!(titles(&app)[0], all[20].title, "date order while streaming");
    send(&mut app, Action::Down);
    send(&mut app, Action::Down);
    let chosen = selected_title(&app);
    send(&mut app, batch(&all[..20], 33));
    assert_eq!(app.shown(), 33);
    assert_eq!(
        selected_title(&app),
        chosen,
        "newer rows above do not move the selection"
    );
    assert_eq!(app.list.selected, 22);
    let expected: Vec<String> = all.iter().map(|a| a.title.clone()).collect();
    assert_eq!(titles(&app), expected);

    send(
        &mut app,
        load(0, LoadMessage::Finished(Box::new(Loaded::new(library)))),
    );
    assert!(!app.load.active);
    assert_eq!(
        selected_title(&app),
        chosen,
        "the finished library keeps the selection"
    );
    assert_eq!(titles(&app), expected);
}

#[test]
fn a_query_typed_while_streaming_applies_to_what_arrives() {
    let library = sample_library();
    let all = library.articles();
    let mut app = App::new("x".to_owned(), Size::new(100, 30), true);
    send(&mut app, batch(&all[..10], 10));
    send(&mut app, Action::StartSearch);
    type_text(&mut app, "oil");
    let early = app.shown();
    send(&mut app, batch(&all[10..], 33));
    let streamed = app.shown();
    assert!(streamed >= early);
    for title in titles(&app) {
        assert!(!title.is_empty());
    }
    // Bodies are searched once the index is there.
    send(
        &mut app,
        load(0, LoadMessage::Finished(Box::new(Loaded::new(library)))),
    );
    assert!(app.shown() >= streamed);
    assert_eq!(app.search.text, "oil", "still editing");
    assert!(app.search.editing);
}

#[test]
fn messages_from_an_abandoned_load_are_ignored() {
    let mut app = super::app();
    send(&mut app, Action::Reload);
    let old = sample_library();
    send(
        &mut app,
        load(0, LoadMessage::Finished(Box::new(Loaded::new(old)))),
    );
    assert!(app.load.active, "generation 0 is over");
    send(
        &mut app,
        load(
            1,
            LoadMessage::Batch {
                articles: Vec::new(),
                done: 5,
            },
        ),
    );
    assert_eq!(app.shown(), 33, "a reload does not empty the list");
    send(
        &mut app,
        load(
            1,
            LoadMessage::Finished(Box::new(Loaded::new(sample_library()))),
        ),
    );
    assert!(!app.load.active);
    assert_eq!(app.shown(), 33);
}
