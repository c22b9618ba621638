//! Articles arriving from the loading thread while the user moves and types.

use ratatui::layout::Size;

use crate::article::Article;
use crate::library::LoadEvent;
use crate::tui::model::action::Action;
use crate::tui::model::app::App;

use super::*;

fn load(generation: u64, event: LoadEvent) -> Action {
    Action::Load { generation, event }
}

fn finished_load(library: Library) -> LoadEvent {
    LoadEvent::Finished {
        library: Box::new(library),
        cache_to_write: false,
    }
}

fn batch(articles: &[Article], done: usize) -> Action {
    load(
        0,
        LoadEvent::Read {
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
    send(
        &mut app,
        load(
            0,
            LoadEvent::Found {
                files: 33,
                cut_short: false,
            },
        ),
    );
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

    send(&mut app, load(0, finished_load(library)));
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
    send(&mut app, load(0, finished_load(library)));
    assert!(app.shown() >= streamed);
    assert_eq!(app.search.text, "oil", "still editing");
    assert!(app.search.editing);
}

#[test]
fn messages_from_an_abandoned_load_are_ignored() {
    let mut app = super::app();
    send(&mut app, Action::Reload);
    let old = sample_library();
    send(&mut app, load(0, finished_load(old)));
    assert!(app.load.active, "generation 0 is over");
    send(
        &mut app,
        load(
            1,
            LoadEvent::Read {
                articles: Vec::new(),
                done: 5,
            },
        ),
    );
    assert_eq!(app.shown(), 33, "a reload does not empty the list");
    send(&mut app, load(1, finished_load(sample_library())));
    assert!(!app.load.active);
    assert_eq!(app.shown(), 33);
}

#[test]
fn until_the_user_moves_the_first_row_stays_selected() {
    let library = sample_library();
    let all = library.articles();
    let mut app = App::new("x".to_owned(), Size::new(100, 30), true);
    send(&mut app, batch(&all[20..], 13));
    send(&mut app, batch(&all[..20], 33));
    assert_eq!(app.list.selected, 0);
    assert_eq!(selected_title(&app), all[0].title, "the newest, at the top");
}

/// With a cache, only the files new since it was written arrive one by one, and the cached
/// articles come with the finished library. Until the user moves, the top of the whole list
/// is selected then, not the new article that happened to be first to arrive.
#[test]
fn until_the_user_moves_the_first_row_stays_selected_when_the_cached_articles_join() {
    let library = sample_library();
    let all = library.articles().to_vec();
    let mut app = App::new("x".to_owned(), Size::new(100, 30), true);
    send(&mut app, batch(&all[30..], 3));
    assert_eq!(selected_title(&app), all[30].title);
    send(&mut app, load(0, finished_load(library)));
    assert_eq!(app.list.selected, 0);
    assert_eq!(selected_title(&app), all[0].title, "the newest, at the top");

    // Once the user has moved, their article stays selected.
    let library = sample_library();
    let mut app = App::new("x".to_owned(), Size::new(100, 30), true);
    send(&mut app, batch(&all[30..], 3));
    send(&mut app, Action::Down);
    let chosen = selected_title(&app);
    send(&mut app, load(0, finished_load(library)));
    assert_eq!(selected_title(&app), chosen);

    // So does the article opened from the first row: `q` comes back to it.
    let library = sample_library();
    let mut app = App::new("x".to_owned(), Size::new(100, 30), true);
    send(&mut app, batch(&all[30..], 3));
    open_selected(&mut app);
    send(&mut app, load(0, finished_load(library)));
    send(&mut app, Action::Back);
    assert_eq!(selected_title(&app), all[30].title);
}

#[test]
fn a_change_to_the_folders_reloads_and_one_during_a_load_reloads_after_it() {
    let mut app = app();
    send(&mut app, Action::Down);
    send(&mut app, Action::Down);
    let chosen = selected_title(&app);
    let Some(Effect::Reload { generation }) = send(&mut app, Action::LibraryChanged) else {
        panic!("a change reloads");
    };
    assert!(
        app.load.reloading,
        "the list stays while the library is read again"
    );
    assert_eq!(
        send(&mut app, Action::LibraryChanged),
        None,
        "one load at a time"
    );
    assert!(app.load.stale);

    // The library read again without its first article: the selection stays on its article
    // and the list keeps its scroll.
    let first = sample_library().articles()[0].id.clone();
    let fewer = without(&first);
    let again = send(&mut app, load(generation, finished_load(fewer)));
    assert!(
        matches!(again, Some(Effect::Reload { .. })),
        "the change seen during the load is read now"
    );
    assert!(!app.load.stale);
    assert_eq!(selected_title(&app), chosen);
    assert_eq!(app.list.selected, 1);
}

#[test]
fn an_article_deleted_under_the_cursor_leaves_the_cursor_in_place() {
    let mut app = app();
    for _ in 0..5 {
        send(&mut app, Action::Down);
    }
    let gone = app
        .catalog
        .article(app.selected_doc().unwrap())
        .unwrap()
        .id
        .clone();
    let Some(Effect::Reload { generation }) = send(&mut app, Action::LibraryChanged) else {
        panic!("a change reloads");
    };
    let fewer = without(&gone);
    send(&mut app, load(generation, finished_load(fewer)));
    assert_eq!(app.list.selected, 5);
    assert_eq!(app.shown(), 32);
}

/// The sample library without the article `id`, as a reload after its file was deleted reads it.
fn without(id: &str) -> Library {
    let articles = sample_library()
        .articles()
        .iter()
        .filter(|a| a.id != id)
        .cloned()
        .collect();
    Library::from_loaded(
        crate::loader::Loaded {
            articles,
            problems: Vec::new(),
        },
        &Reading::default(),
    )
}

#[test]
fn a_walk_cut_short_at_the_limit_is_said_in_the_status_bar() {
    let mut app = App::new("x".to_owned(), Size::new(100, 30), true);
    app.reading.limits.max_files = 7;
    let found = |cut_short| LoadEvent::Found {
        files: 7,
        cut_short,
    };
    send(&mut app, load(0, found(false)));
    assert_eq!(app.notice, None);
    send(&mut app, load(0, found(true)));
    let notice = app.notice.clone().unwrap_or_default();
    assert!(notice.starts_with("stopped at 7 files"), "{notice}");
}

/// The reader tells when files failed to load, as `list` does.
#[test]
fn files_that_failed_to_load_are_told() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.md"), "---\ntitle: Good\n---\nText.\n").unwrap();
    std::fs::write(dir.path().join("empty.md"), "").unwrap();
    std::fs::write(dir.path().join("broken.md"), "---\ntitle: [\n---\nText.\n").unwrap();
    let library = Library::load(
        &[dir.path().to_path_buf()],
        &crate::reading::Reading::default(),
    );
    let mut app = App::new("lib".to_owned(), Size::new(100, 20), true);
    send(&mut app, load(0, finished_load(library)));
    assert_eq!(
        app.notice.as_deref(),
        Some("2 files could not be loaded · moodwire check says why")
    );
}

/// A reload after the files were mended takes the count back, and one after another file
/// broke updates it; a notice about something else stays, the count after it.
#[test]
fn the_count_of_files_that_failed_follows_each_load() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.md"), "---\ntitle: Good\n---\nText.\n").unwrap();
    let broken = dir.path().join("broken.md");
    std::fs::write(&broken, "---\ntitle: [\n---\nText.\n").unwrap();
    let read = || Library::load(&[dir.path().to_path_buf()], &Reading::default());
    let mut app = App::new("lib".to_owned(), Size::new(100, 20), true);
    send(&mut app, load(0, finished_load(read())));
    let told = "1 file could not be loaded · moodwire check says why";
    assert_eq!(app.notice.as_deref(), Some(told));

    std::fs::write(&broken, "---\ntitle: Mended\n---\nText.\n").unwrap();
    let Some(Effect::Reload { generation }) = send(&mut app, Action::LibraryChanged) else {
        panic!("a change reloads");
    };
    send(&mut app, load(generation, finished_load(read())));
    assert_eq!(app.notice, None, "the failure is gone");
    assert_eq!(app.list.visible.len(), 2);

    std::fs::write(&broken, "").unwrap();
    std::fs::write(dir.path().join("also.md"), "---\ntitle: [\n---\n").unwrap();
    app.notice = Some("1 file could not be loaded · moodwire check says why".to_owned());
    let Some(Effect::Reload { generation }) = send(&mut app, Action::LibraryChanged) else {
        panic!("a change reloads");
    };
    send(&mut app, load(generation, finished_load(read())));
    assert_eq!(
        app.notice.as_deref(),
        Some("2 files could not be loaded · moodwire check says why")
    );

    let warning = "nope: no such file or folder, named in the configuration's `library`";
    app.notice = Some(warning.to_owned());
    let Some(Effect::Reload { generation }) = send(&mut app, Action::LibraryChanged) else {
        panic!("a change reloads");
    };
    send(&mut app, load(generation, finished_load(read())));
    assert_eq!(
        app.notice,
        Some(format!(
            "{warning} · 2 files could not be loaded · moodwire check says why"
        ))
    );
    std::fs::write(&broken, "---\ntitle: Mended\n---\nText.\n").unwrap();
    std::fs::remove_file(dir.path().join("also.md")).unwrap();
    app.notice = Some(warning.to_owned());
    let Some(Effect::Reload { generation }) = send(&mut app, Action::LibraryChanged) else {
        panic!("a change reloads");
    };
    send(&mut app, load(generation, finished_load(read())));
    assert_eq!(app.notice.as_deref(), Some(warning));
}
