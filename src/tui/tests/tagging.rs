//! Tagging by hand through `update`: the picker, the write and undo effects performed as the
//! loop performs them, on a copy of the sample library in a temporary folder.

use std::fs;
use std::path::{Path, PathBuf};

use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Size;
use ratatui::style::Modifier;

use crate::article::{Bucket, Origin, Sentiment};
use crate::library::Library;
use crate::reading::Reading;
use crate::tagger::Tag;
use crate::tui::model::action::{Action, Effect};
use crate::tui::model::app::{App, Mode, Screen};
use crate::tui::model::stats::Stats;
use crate::tui::runtime::writes::{undo_tag, write_tag};
use crate::tui::ui::draw;

use super::{finished, send};

/// A plain-text scrape without sentiment: estimated negative 4.
const ESTIMATED: &str = "regional-banks-report-weaker-earnings.txt";
/// Labelled neutral 5 in its front matter; the first row by date.
const NEUTRAL: &str = "2026-03-18-who-updates-hypertension-guidelines.md";

/// The reader over a copy of the sample library, loaded as the loading thread loads it.
fn copied() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("sample-articles");
    fs::create_dir(&folder).unwrap();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-articles");
    for entry in fs::read_dir(samples).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), folder.join(entry.file_name())).unwrap();
    }
    let mut app = App::new("sample-articles".to_owned(), Size::new(100, 30), true);
    let library = Library::load(std::slice::from_ref(&folder), &Reading::default());
    app.roots = vec![folder];
    send(&mut app, finished(library));
    (dir, app)
}

fn select(app: &mut App, id: &str) {
    let at = app
        .list
        .visible
        .iter()
        .position(|&doc| app.catalog.id(doc) == Some(id))
        .expect("the article is shown");
    app.list.selected = at;
    crate::tui::update::keep_in_view(app);
}

fn sentiment_of(app: &App, id: &str) -> Sentiment {
    let mut articles = app.catalog.articles();
    articles.find(|a| a.id == id).unwrap().sentiment.clone()
}

fn path_of(app: &App, id: &str) -> PathBuf {
    let mut articles = app.catalog.articles();
    articles.find(|a| a.id == id).unwrap().path.clone()
}

/// Performs a write or undo effect as the loop does and applies its result.
fn perform(app: &mut App, effect: Option<Effect>) {
    let action = match effect {
        Some(Effect::WriteTag(request)) => write_tag(request),
        Some(Effect::UndoTag(undo)) => undo_tag(undo),
        other => panic!("expected a tag effect, got {other:?}"),
    };
    assert_eq!(send(app, action), None);
}

/// What the file says when it is read again from disk.
fn on_disk(path: &Path) -> Sentiment {
    let library = Library::load(&[path.to_owned()], &Reading::default());
    library.articles()[0].sentiment.clone()
}

#[test]
fn the_picker_starts_from_the_sentiment_and_keeps_label_and_score_in_step() {
    let (_dir, mut app) = copied();
    select(&mut app, NEUTRAL);
    send(&mut app, Action::TagByHand);
    assert_eq!(app.mode(), Mode::Tag);
    let picker = app.tagging.clone().unwrap();
    assert_eq!((picker.bucket, picker.score), (Bucket::Neutral, 5));
    let doc = app.selected_doc().unwrap();
    assert_eq!(picker.stamp, app.catalog.library().unwrap().stamp(doc));
    assert!(picker.stamp.is_some());

    let state = |app: &App| {
        let picker = app.tagging.as_ref().unwrap();
        (picker.bucket, picker.score)
    };
    send(&mut app, Action::Up);
    assert_eq!(
        state(&app),
        (Bucket::Positive, 7),
        "into the bucket's scores"
    );
    send(&mut app, Action::Up);
    assert_eq!(
        state(&app),
        (Bucket::Positive, 7),
        "no label above positive"
    );
    for _ in 0..5 {
        send(&mut app, Action::ScoreUp);
    }
    assert_eq!(state(&app), (Bucket::Positive, 10), "10 is the top");
    send(&mut app, Action::Down);
    assert_eq!(state(&app), (Bucket::Neutral, 6));
    send(&mut app, Action::Down);
    assert_eq!(state(&app), (Bucket::Negative, 4));
    send(&mut app, Action::ScoreUp);
    assert_eq!(
        state(&app),
        (Bucket::Neutral, 5),
        "the label follows the score"
    );
    for _ in 0..6 {
        send(&mut app, Action::ScoreDown);
    }
    assert_eq!(state(&app), (Bucket::Negative, 1), "1 is the bottom");

    assert_eq!(
        send(&mut app, Action::Back),
        None,
        "cancelling writes nothing"
    );
    assert!(app.tagging.is_none());
    assert_eq!(app.mode(), Mode::List);
    assert_eq!(sentiment_of(&app, NEUTRAL).score, Some(5.0));
}

#[test]
fn enter_asks_for_the_write_with_the_files_stamp() {
    let (_dir, mut app) = copied();
    select(&mut app, ESTIMATED);
    send(&mut app, Action::TagByHand);
    let picker = app.tagging.clone().unwrap();
    assert_eq!(
        (picker.bucket, picker.score),
        (Bucket::Negative, 1),
        "the estimate is the starting point"
    );
    send(&mut app, Action::ScoreUp);
    send(&mut app, Action::ScoreUp);
    let Some(Effect::WriteTag(request)) = send(&mut app, Action::WriteTag) else {
        panic!("Enter asks for a write");
    };
    let doc = app.selected_doc().unwrap();
    assert_eq!(request.path, path_of(&app, ESTIMATED));
    assert_eq!(request.id, ESTIMATED);
    assert_eq!(request.tag, Tag::new(3.0, "Bearish/Negative").unwrap());
    assert_eq!(request.expected, app.catalog.library().unwrap().stamp(doc));
    assert!(app.tagging.is_none(), "the picker closes");
}

#[test]
fn a_write_updates_the_model_at_once_and_undo_restores_it() {
    let (_dir, mut app) = copied();
    let path = path_of(&app, ESTIMATED);
    let original = fs::read(&path).unwrap();
    let stats_before = Stats::of(&app.catalog, &app.list.visible, app.reading.scale);
    select(&mut app, ESTIMATED);
    send(&mut app, Action::TagByHand);
    send(&mut app, Action::ScoreUp);
    send(&mut app, Action::ScoreUp);
    let effect = send(&mut app, Action::WriteTag);
    perform(&mut app, effect);

    let expected = Sentiment {
        score: Some(3.0),
        label: Some("Bearish/Negative".to_owned()),
        bucket: Some(Bucket::Negative),
        origin: Some(Origin::File),
    };
    assert_eq!(sentiment_of(&app, ESTIMATED), expected);
    assert_eq!(on_disk(&path), expected, "the file carries it");
    let notice = app.notice.clone().unwrap();
    assert!(
        notice.contains("tagged") && notice.contains("; U undoes it"),
        "{notice}"
    );
    assert_eq!(app.undo.len(), 1);
    // The dashboard counts it as the file's now, no longer as an estimate.
    let stats = Stats::of(&app.catalog, &app.list.visible, app.reading.scale);
    assert_eq!(stats.estimated[2], stats_before.estimated[2] - 1);
    assert_eq!(stats.buckets, stats_before.buckets);
    // `score:` queries and the score order see the new score.
    send(&mut app, Action::StartSearch);
    for c in "score:3".chars() {
        send(&mut app, Action::SearchInput(c));
    }
    let shown: Vec<&str> = app
        .list
        .visible
        .iter()
        .map(|&d| app.catalog.id(d).unwrap())
        .collect();
    assert!(shown.contains(&ESTIMATED), "{shown:?}");
    send(&mut app, Action::SearchClear);

    let effect = send(&mut app, Action::UndoTag);
    assert!(matches!(effect, Some(Effect::UndoTag(_))));
    perform(&mut app, effect);
    assert_eq!(
        fs::read(&path).unwrap(),
        original,
        "the previous bytes are back"
    );
    assert!(sentiment_of(&app, ESTIMATED).is_estimated());
    assert_eq!(sentiment_of(&app, ESTIMATED).score, Some(1.0));
    assert!(app.notice.clone().unwrap().contains("as it was"));
    assert!(app.undo.is_empty());
    assert_eq!(send(&mut app, Action::UndoTag), None);
    assert!(
        app.notice
            .clone()
            .unwrap()
            .contains("nothing done in this session to undo")
    );
}

#[test]
fn a_second_write_to_the_same_file_uses_the_stamp_of_the_first() {
    let (_dir, mut app) = copied();
    select(&mut app, NEUTRAL);
    for steps in [vec![Action::Up], vec![Action::Down, Action::Down]] {
        send(&mut app, Action::TagByHand);
        for step in steps {
            send(&mut app, step);
        }
        let effect = send(&mut app, Action::WriteTag);
        perform(&mut app, effect);
        assert!(
            app.notice.clone().unwrap().starts_with("tagged"),
            "{:?}",
            app.notice
        );
    }
    assert_eq!(sentiment_of(&app, NEUTRAL).bucket, Some(Bucket::Negative));
    assert_eq!(app.undo.len(), 2);
}

#[test]
fn a_file_changed_since_it_was_read_is_not_written() {
    let (_dir, mut app) = copied();
    let path = path_of(&app, NEUTRAL);
    select(&mut app, NEUTRAL);
    send(&mut app, Action::TagByHand);
    send(&mut app, Action::Up);
    let effect = send(&mut app, Action::WriteTag);
    let mut edited = fs::read(&path).unwrap();
    edited.extend_from_slice(b"\nA line someone added meanwhile.\n");
    fs::write(&path, &edited).unwrap();
    perform(&mut app, effect);
    let notice = app.notice.clone().unwrap();
    assert!(
        notice.starts_with("not tagged: the file changed since it was read"),
        "{notice}"
    );
    assert_eq!(fs::read(&path).unwrap(), edited, "the edit is kept");
    assert_eq!(sentiment_of(&app, NEUTRAL).bucket, Some(Bucket::Neutral));
    assert!(app.undo.is_empty());
}

#[test]
fn undo_is_refused_when_the_file_changed_after_the_write() {
    let (_dir, mut app) = copied();
    let path = path_of(&app, NEUTRAL);
    select(&mut app, NEUTRAL);
    send(&mut app, Action::TagByHand);
    send(&mut app, Action::Up);
    let effect = send(&mut app, Action::WriteTag);
    perform(&mut app, effect);
    let mut edited = fs::read(&path).unwrap();
    edited.extend_from_slice(b"\nLater edit.\n");
    fs::write(&path, &edited).unwrap();
    let effect = send(&mut app, Action::UndoTag);
    perform(&mut app, effect);
    let notice = app.notice.clone().unwrap();
    assert!(notice.starts_with("could not undo: "), "{notice}");
    assert_eq!(fs::read(&path).unwrap(), edited);
    assert_eq!(sentiment_of(&app, NEUTRAL).bucket, Some(Bucket::Positive));
}

#[test]
fn a_tag_that_leaves_the_filter_leaves_the_rows() {
    let (_dir, mut app) = copied();
    send(&mut app, Action::SetFilter(Some(Bucket::Neutral)));
    let shown = app.shown();
    select(&mut app, NEUTRAL);
    send(&mut app, Action::TagByHand);
    send(&mut app, Action::Down);
    let effect = send(&mut app, Action::WriteTag);
    perform(&mut app, effect);
    assert_eq!(app.shown(), shown - 1);
    send(&mut app, Action::SetFilter(Some(Bucket::Negative)));
    assert!(
        app.list
            .visible
            .iter()
            .any(|&d| app.catalog.id(d) == Some(NEUTRAL))
    );
}

#[test]
fn tagging_from_the_reader_updates_its_meta_line() {
    let (_dir, mut app) = copied();
    select(&mut app, ESTIMATED);
    send(&mut app, Action::Open);
    assert_eq!(app.mode(), Mode::Reader);
    send(&mut app, Action::TagByHand);
    assert_eq!(app.mode(), Mode::Tag);
    send(&mut app, Action::Up);
    let effect = send(&mut app, Action::WriteTag);
    perform(&mut app, effect);
    assert_eq!(app.mode(), Mode::Reader);
    let Screen::Reader(reader) = &app.screen else {
        panic!("still reading");
    };
    assert_eq!(reader.article.sentiment.score, Some(5.0));
    let text: String = reader
        .lines
        .iter()
        .take(3)
        .map(|line| line.to_string())
        .collect();
    assert!(
        text.contains("● Neutral 5") && !text.contains("estimated"),
        "{text}"
    );
}

#[test]
fn built_in_samples_and_a_loading_library_are_not_tagged() {
    let mut app = App::new("built-in samples".to_owned(), Size::new(100, 30), true);
    send(
        &mut app,
        finished(crate::library::Library::built_in(&Reading::default())),
    );
    send(&mut app, Action::TagByHand);
    assert!(app.tagging.is_none());
    assert!(
        app.notice
            .clone()
            .unwrap()
            .contains("built-in sample articles")
    );

    let mut app = App::new("sample-articles".to_owned(), Size::new(100, 30), true);
    send(
        &mut app,
        Action::Load {
            generation: 0,
            event: crate::library::LoadEvent::Found {
                files: 33,
                cut_short: false,
            },
        },
    );
    send(&mut app, Action::TagByHand);
    assert!(app.tagging.is_none());
    assert!(app.notice.clone().unwrap().contains("still loading"));
}

#[test]
fn tag_picker() {
    let (_dir, mut app) = copied();
    select(&mut app, ESTIMATED);
    send(&mut app, Action::TagByHand);
    send(&mut app, Action::ScoreDown);
    send(&mut app, Action::ScoreDown);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|frame| draw(frame, &app)).unwrap();
    assert_snapshot!(terminal.backend());
    // The chosen label's row is in reverse video; the others are not.
    let buffer = terminal.backend().buffer();
    let reversed = |y: u16| buffer[(32, y)].modifier.contains(Modifier::REVERSED);
    assert!(reversed(16) && !reversed(15) && !reversed(14));
}

/// The notice after a write names the key that undoes it, remapped or not, and none when the
/// undo has no key.
#[test]
fn the_notice_after_a_write_names_the_undo_key_in_use() {
    let remap = |keys: &[&str]| {
        let remaps = [crate::config::KeyRemap {
            action: "undo-tag".to_owned(),
            line: 1,
            keys: keys.iter().map(|k| (k.to_string(), 1)).collect(),
        }];
        crate::tui::keys::Keymap::with(&remaps).unwrap()
    };
    for (keys, expected) in [(Some(&["z"][..]), Some("; z undoes it")), (None, None)] {
        let (_dir, mut app) = copied();
        app.keys = match keys {
            Some(keys) => remap(keys),
            // The undo's key taken by another action.
            None => {
                let remaps = [crate::config::KeyRemap {
                    action: "star".to_owned(),
                    line: 1,
                    keys: vec![("U".to_owned(), 1)],
                }];
                crate::tui::keys::Keymap::with(&remaps).unwrap()
            }
        };
        select(&mut app, ESTIMATED);
        send(&mut app, Action::TagByHand);
        let effect = send(&mut app, Action::WriteTag);
        perform(&mut app, effect);
        let notice = app.notice.clone().unwrap();
        assert!(notice.starts_with("tagged"), "{notice}");
        match expected {
            Some(hint) => assert!(notice.ends_with(hint), "{notice}"),
            None => assert!(!notice.contains("undoes"), "{notice}"),
        }
    }
}

/// A write sets off a reload of the folders; undoing it meanwhile is not refused.
#[test]
fn a_write_can_be_undone_while_the_library_reloads() {
    let (_dir, mut app) = copied();
    select(&mut app, ESTIMATED);
    send(&mut app, Action::TagByHand);
    let effect = send(&mut app, Action::WriteTag);
    perform(&mut app, effect);
    assert!(matches!(
        send(&mut app, Action::LibraryChanged),
        Some(Effect::Reload { .. })
    ));
    assert!(app.load.active && app.load.reloading);
    let effect = send(&mut app, Action::UndoTag);
    assert!(
        matches!(effect, Some(Effect::UndoTag(_))),
        "{:?}",
        app.notice
    );
    perform(&mut app, effect);
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .contains("as it was before the tag")
    );
}
