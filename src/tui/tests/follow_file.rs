//! The reader following the files it shows as the library reloads: the preview, the open
//! article edited, deleted or renamed.

use crate::tui::model::action::{Action, Effect};
use crate::tui::model::app::Screen;

use super::preview::{perform_reads, read_previews};
use super::*;

/// The reload that follows a change in the library's folders, with the library as it is now.
fn reloaded(app: &mut App, folder: &std::path::Path) -> Vec<Effect> {
    let Some(Effect::Reload { generation }) = send(app, Action::LibraryChanged) else {
        panic!("a change in the folders asks for a reload");
    };
    let library = Library::load(&[folder.to_path_buf()], &app.reading);
    let event = LoadEvent::Finished {
        library: Box::new(library),
        cache_to_write: false,
    };
    update(app, Action::Load { generation, event })
}

/// The preview of the selected article follows its file when the library reloads.
#[test]
fn the_preview_follows_an_edited_file() {
    let folder = tempfile::tempdir().unwrap();
    for name in ["one", "two"] {
        let text = format!("---\ntitle: {name}\n---\nThe old text of {name}.\n");
        std::fs::write(folder.path().join(format!("{name}.md")), text).unwrap();
    }
    let mut app = app_of(
        Library::load(&[folder.path().to_path_buf()], &Reading::default()),
        120,
        30,
    );
    assert_eq!(read_previews(&mut app, Action::Down), 1);
    let name = selected_title(&app);
    assert!(screen_text(&app).contains(&format!("The old text of {name}")));
    let file = folder.path().join(format!("{name}.md"));
    std::fs::write(
        &file,
        format!("---\ntitle: {name}\n---\nThe new text, edited.\n"),
    )
    .unwrap();
    let effects = reloaded(&mut app, folder.path());
    let reads = perform_reads(&mut app, effects);
    assert_eq!(selected_title(&app), name);
    assert_eq!(reads, 1, "read again");
    let screen = screen_text(&app);
    assert!(
        screen.contains("The new text") && !screen.contains("The old text"),
        "{screen}"
    );
}

/// An open article follows its file: edited, the new text shows at the same place; deleted,
/// the status bar says so and the text stays.
#[test]
fn an_open_article_follows_its_file() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("story.md");
    let paragraphs: Vec<String> = (1..=40)
        .map(|n| format!("Paragraph {n} of the story."))
        .collect();
    std::fs::write(&file, format!("# Story\n\n{}\n", paragraphs.join("\n\n"))).unwrap();
    let mut app = app_of(
        Library::load(&[folder.path().to_path_buf()], &Reading::default()),
        100,
        30,
    );
    open_selected(&mut app);
    for _ in 0..5 {
        send(&mut app, Action::Down);
    }
    let scroll = |app: &App| match &app.screen {
        Screen::Reader(reader) => reader.scroll,
        _ => panic!("still reading"),
    };
    assert_eq!(scroll(&app), 5);

    std::fs::write(
        &file,
        format!("# Story\n\n{}\n", paragraphs.join("\n\nEdited. ")),
    )
    .unwrap();
    let effects = reloaded(&mut app, folder.path());
    let Some(Effect::ReadBody(article)) = effects.into_iter().next() else {
        panic!("the open article's file is read again");
    };
    let body = Library::read_body(&article, &app.reading).map_err(|p| p.message);
    send(
        &mut app,
        Action::BodyRead {
            id: article.id.clone(),
            body,

            whole: None,
        },
    );
    assert!(
        screen_text(&app).contains("Edited. Paragraph"),
        "{}",
        screen_text(&app)
    );
    assert_eq!(scroll(&app), 5, "the reader keeps its place");

    std::fs::remove_file(&file).unwrap();
    reloaded(&mut app, folder.path());
    assert_eq!(scroll(&app), 5);
    let notice = app.notice.clone().unwrap_or_default();
    assert!(
        notice.ends_with("story.md is gone; the text shown is as it was read"),
        "{notice}"
    );
    assert!(screen_text(&app).contains("Edited. Paragraph"));
}

/// A file renamed while it is read is followed to its new name, so that the next edit shows;
/// when two files could be it, neither is taken for it.
#[test]
fn an_open_article_follows_its_file_renamed() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("story.md");
    std::fs::write(&file, "---\ntitle: Story\n---\nThe text of the story.\n").unwrap();
    std::fs::write(
        folder.path().join("other.md"),
        "---\ntitle: Other\n---\nOther text.\n",
    )
    .unwrap();
    let mut app = app_of(
        Library::load(&[folder.path().to_path_buf()], &Reading::default()),
        100,
        30,
    );
    let reading_story = |app: &App| matches!(&app.screen, Screen::Reader(reader) if reader.article.title == "Story");
    for _ in 0..2 {
        open_selected(&mut app);
        if reading_story(&app) {
            break;
        }
        send(&mut app, Action::Back);
        send(&mut app, Action::Down);
    }
    assert!(reading_story(&app));
    let renamed = folder.path().join("renamed.md");
    std::fs::rename(&file, &renamed).unwrap();
    let effects = reloaded(&mut app, folder.path());
    let Some(Effect::ReadBody(article)) = effects.into_iter().next() else {
        panic!("the renamed file is read: {:?}", app.notice);
    };
    assert_eq!(article.path, renamed);
    let notice = app.notice.clone().unwrap_or_default();
    assert_eq!(
        notice,
        "story.md is gone; reading renamed.md, the same article"
    );
    // A notice longer than the bar is cut with `…`, not at the edge.
    app.notice = Some(format!("{notice} {}", "and more ".repeat(20)));
    let screen = screen_text(&app);
    let status = screen.lines().last().unwrap_or_default().trim_end();
    assert!(status.ends_with('…'), "{status}");
    let Screen::Reader(reader) = &app.screen else {
        panic!("still reading");
    };
    assert_eq!(reader.article.path, renamed);

    // Renamed again, beside a copy of itself: either could be it.
    std::fs::copy(&renamed, folder.path().join("copy.md")).unwrap();
    std::fs::rename(&renamed, folder.path().join("third.md")).unwrap();
    let effects = reloaded(&mut app, folder.path());
    assert!(effects.is_empty(), "{effects:?}");
    let notice = app.notice.clone().unwrap_or_default();
    assert!(
        notice.ends_with("renamed.md is gone; the text shown is as it was read"),
        "{notice}"
    );
}
