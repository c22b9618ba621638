//! Reading the library in turn: marks read and starred and their saving, `J` and `K`, space
//! at the end of an article, unread articles only, marking a screenful read, and the saved
//! searches.

use crate::tui::model::action::{Action, Effect};
use crate::tui::model::app::{Mode, Screen};

use super::*;

#[test]
fn u_m_and_shift_m_change_the_marks_and_ask_for_a_save() {
    let mut app = app();
    let id = |app: &App| {
        app.catalog
            .article(app.selected_doc().unwrap())
            .unwrap()
            .id
            .clone()
    };
    let first = id(&app);
    let effects = update(&mut app, Action::ToggleStar);
    assert!(app.marks.is_starred(&first));
    assert!(saves_marks(&effects));
    send(&mut app, Action::ToggleRead);
    assert!(app.marks.is_read(&first));
    send(&mut app, Action::ToggleRead);
    assert!(!app.marks.is_read(&first));
    assert_eq!(app.notice.as_deref(), Some("marked unread"));

    // In the reader, u marks the article being read unread again.
    open_selected(&mut app);
    assert!(app.marks.is_read(&first));
    send(&mut app, Action::ToggleRead);
    assert!(!app.marks.is_read(&first));
    send(&mut app, Action::Back);

    // M marks only the rows shown.
    send(&mut app, Action::StartSearch);
    type_text(&mut app, "oil");
    send(&mut app, Action::SearchKeep);
    let shown: Vec<String> = app
        .list
        .visible
        .iter()
        .map(|&d| app.catalog.article(d).unwrap().id.clone())
        .collect();
    assert_eq!(shown.len(), 3);
    let effects = update(&mut app, Action::MarkShownRead);
    assert!(saves_marks(&effects));
    assert_eq!(
        app.notice.as_deref(),
        Some("3 articles marked read (3 shown); U undoes it")
    );
    send(&mut app, Action::ClearAll);
    let read: Vec<&str> = app
        .catalog
        .articles()
        .filter(|a| app.marks.is_read(&a.id))
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(read.len(), 3, "{read:?}");
    assert!(shown.iter().all(|id| app.marks.is_read(id)));

    // is: terms follow the marks.
    send(&mut app, Action::StartSearch);
    type_text(&mut app, "is:starred");
    assert_eq!(app.list.visible.len(), 1);
    assert_eq!(id(&app), first);
}

/// Saving the marks is an effect asked for only when they changed; the marks read from the
/// data folder arrive as an action, are not saved back, and answer `is:` terms at once.
#[test]
fn marks_are_saved_when_they_change_and_arrive_as_an_action() {
    let mut app = app();
    assert!(!saves_marks(&update(&mut app, Action::Down)));
    send(&mut app, Action::StartSearch);
    type_text(&mut app, "is:starred");
    send(&mut app, Action::SearchKeep);
    assert_eq!(app.shown(), 0);
    let id = app.catalog.id(0).unwrap().to_owned();
    let marks = crate::marks::Marks::from_ids(Vec::new(), vec![id.clone()]);
    let effects = update(
        &mut app,
        Action::MarksLoaded {
            marks,
            warning: Some("marks file set aside".to_owned()),
        },
    );
    assert!(
        !saves_marks(&effects),
        "what was just read is not written back"
    );
    assert_eq!(app.shown(), 1, "is:starred sees the marks read");
    assert_eq!(app.notice.as_deref(), Some("marks file set aside"));
    assert!(saves_marks(&update(&mut app, Action::ToggleStar)));
    assert_eq!(
        app.shown(),
        1,
        "the list keeps its rows until the query runs again"
    );
}

/// `@` lists the saved searches with how many articles each finds; choosing one searches
/// with it, as `@name` typed in the bar does.
#[test]
fn the_saved_searches_list_their_counts_and_search() {
    let mut app = app();
    app.saved = crate::query::SavedQueries::new([
        ("records".to_owned(), "record".to_owned()),
        ("grim".to_owned(), "label:negative".to_owned()),
    ]);
    send(&mut app, Action::OpenSaved);
    assert_eq!(app.mode(), Mode::Saved);
    let Screen::Saved(picker) = &app.screen else {
        panic!("the saved searches are open");
    };
    let rows: Vec<(Option<String>, Option<usize>)> = picker
        .choices
        .iter()
        .map(|c| (c.value.clone(), c.count))
        .collect();
    assert_eq!(
        rows,
        [
            (Some("grim".to_owned()), Some(12)),
            (Some("records".to_owned()), Some(8))
        ]
    );
    send(&mut app, Action::Down);
    send(&mut app, Action::Open);
    assert_eq!(app.mode(), Mode::List);
    assert_eq!(app.search.applied, "@records");
    assert_eq!(app.shown(), 8);
}

/// J and K open the next and the previous article of the list as it is filtered and sorted,
/// marking each read; the list follows, so that leaving the reader comes back to the last.
#[test]
fn j_and_k_read_one_article_after_another() {
    let mut app = app();
    send(&mut app, Action::CycleFilter);
    let first = selected_title(&app);
    open_selected(&mut app);
    let Some(Effect::ReadBody(next)) = send(&mut app, Action::NextArticle) else {
        panic!("J opens the next article");
    };
    assert_eq!(app.list.selected, 1);
    assert!(app.marks.is_read(&next.id), "opening marks it read");
    assert_eq!(
        next.sentiment.bucket,
        Some(crate::article::Bucket::Positive)
    );
    let Some(Effect::ReadBody(back)) = send(&mut app, Action::PreviousArticle) else {
        panic!("K opens the previous one");
    };
    assert_eq!(back.title, first);
    assert!(send(&mut app, Action::PreviousArticle).is_none());
    assert_eq!(
        app.notice.as_deref(),
        Some("this is the first article of the list")
    );
    send(&mut app, Action::Back);
    assert_eq!((app.mode(), selected_title(&app)), (Mode::List, first));
}

/// Space pages down, and at the end of the article opens the next unread one below.
#[test]
fn space_at_the_end_opens_the_next_unread_article() {
    let mut app = app();
    let third = app.catalog.id(app.list.visible[2]).unwrap().to_owned();
    let second = app.catalog.id(app.list.visible[1]).unwrap().to_owned();
    app.marks.put(crate::marks::Mark::Read, &second, true);
    open_selected(&mut app);
    send(&mut app, Action::Bottom);
    let Some(Effect::ReadBody(next)) = send(&mut app, Action::PageOrNextUnread) else {
        panic!("Space at the end opens the next unread article");
    };
    assert_eq!(next.id, third, "the read second one is passed over");
    assert_eq!(app.list.selected, 2);
}

/// `a` shows only unread articles (the header says so), and all again.
#[test]
fn a_shows_only_the_unread_articles() {
    let mut app = app();
    let first = app.catalog.id(app.list.visible[0]).unwrap().to_owned();
    app.marks.put(crate::marks::Mark::Read, &first, true);
    send(&mut app, Action::ToggleUnreadOnly);
    assert_eq!(app.shown(), 32);
    assert!(screen_text(&app).contains("unread only"));
    send(&mut app, Action::ToggleUnreadOnly);
    assert_eq!(app.shown(), 33);
}

/// `M` over more rows than the screen holds asks first: `n` changes nothing, `y` marks them,
/// and `U` makes exactly those unread again.
#[test]
fn marking_more_than_a_screenful_read_asks_first_and_can_be_undone() {
    let mut app = app_sized(100, 12);
    let first = app.catalog.id(app.list.visible[0]).unwrap().to_owned();
    send(&mut app, Action::ToggleRead);
    assert!(app.marks.is_read(&first));
    let unread = |app: &App| {
        (app.catalog.articles())
            .filter(|a| !app.marks.is_read(&a.id))
            .count()
    };
    assert_eq!(unread(&app), 32);

    let effects = update(&mut app, Action::MarkShownRead);
    assert!(
        !saves_marks(&effects),
        "nothing is marked before the answer"
    );
    assert_eq!(app.mode(), Mode::Confirm);
    assert!(screen_text(&app).contains("mark 32 articles read?  y yes  n no"));
    // Any other key leaves the question open; n closes it.
    send(&mut app, Action::Down);
    assert_eq!(app.mode(), Mode::Confirm);
    send(&mut app, Action::Refuse);
    assert_eq!(app.mode(), Mode::List);
    assert_eq!(app.notice.as_deref(), Some("nothing changed"));
    assert_eq!(unread(&app), 32);

    send(&mut app, Action::MarkShownRead);
    let effects = update(&mut app, Action::Confirm);
    assert!(saves_marks(&effects));
    assert_eq!(unread(&app), 0);
    assert_eq!(
        app.notice.as_deref(),
        Some("32 articles marked read (33 shown); U undoes it")
    );

    let effects = update(&mut app, Action::UndoTag);
    assert!(saves_marks(&effects));
    assert_eq!(app.notice.as_deref(), Some("32 articles are unread again"));
    assert_eq!(unread(&app), 32);
    assert!(app.marks.is_read(&first), "the one read before stays read");
    send(&mut app, Action::UndoTag);
    assert_eq!(
        app.notice.as_deref(),
        Some("nothing done in this session to undo")
    );
}
