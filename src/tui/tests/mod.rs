//! Tests of the reader without a terminal: `update` alone, and each screen drawn on a
//! `TestBackend`.

mod follow_end;
mod follow_file;
mod keys;
mod links;
mod preview;
mod reading;
mod relative_dates;
mod screens;
mod streaming;
mod tagging;
mod update;

use std::path::PathBuf;

use ratatui::layout::Size;

use crate::library::Library;
use crate::reading::Reading;

use crate::library::LoadEvent;

use crate::tui::model::action::{Action, Effect};
use crate::tui::model::app::App;
use crate::tui::update::update;

/// The sample library as the reader shows it once loaded, on a terminal of `width` x `height`.
fn app_sized(width: u16, height: u16) -> App {
    app_of(sample_library(), width, height)
}

/// `library` as the reader shows it once loaded, on a terminal of `width` x `height`.
fn app_of(library: Library, width: u16, height: u16) -> App {
    let mut app = App::new("sample-articles".to_owned(), Size::new(width, height), true);
    let orders = library.warmup().orders();
    send(&mut app, finished(library));
    send(
        &mut app,
        Action::Load {
            generation: 0,
            event: LoadEvent::Sorted(Box::new(orders)),
        },
    );
    assert!(app.catalog.library().is_some_and(Library::has_orders));
    app
}

fn app() -> App {
    app_sized(100, 30)
}

fn sample_library() -> Library {
    let folder = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/sample-articles"));
    Library::load(&[folder], &Reading::default())
}

fn finished(library: Library) -> Action {
    Action::Load {
        generation: 0,
        event: LoadEvent::Finished {
            library: Box::new(library),
            cache_to_write: false,
        },
    }
}

/// Applies `action` and lays the article out when it asks for that, as the loop would;
/// returns the effect it asks for, other than saving the marks.
fn send(app: &mut App, action: Action) -> Option<Effect> {
    let mut other = None;
    for effect in update(app, action) {
        match effect {
            Effect::LayOut(job) => {
                if let Some(effect) = send(app, job.perform()) {
                    other.get_or_insert(effect);
                }
            }
            Effect::SaveMarks(_) => {}
            effect => {
                other.get_or_insert(effect);
            }
        }
    }
    other
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        send(app, Action::SearchInput(c));
    }
}

/// The selected article's title.
fn selected_title(app: &App) -> String {
    let doc = app.selected_doc().expect("a row is selected");
    app.catalog.article(doc).unwrap().title.clone()
}

/// The screen as text, one line a row, drawn as the terminal would show it.
fn screen_text(app: &App) -> String {
    let size = app.viewport;
    let backend = ratatui::backend::TestBackend::new(size.width, size.height);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal
        .draw(|frame| crate::tui::ui::draw(frame, app))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// True when `effects` ask for the marks to be saved.
fn saves_marks(effects: &[Effect]) -> bool {
    effects
        .iter()
        .any(|effect| matches!(effect, Effect::SaveMarks(_)))
}

/// Opens the selected article, leaving its body unread: the article whose body opening asked
/// for, and the other effects it asked for.
fn open_unread(app: &mut App) -> (Box<crate::article::Article>, Vec<Effect>) {
    let mut effects = update(app, Action::Open);
    let at = effects
        .iter()
        .position(|effect| matches!(effect, Effect::ReadBody(_)));
    let Some(Effect::ReadBody(article)) = at.map(|at| effects.remove(at)) else {
        panic!("opening asks for the body");
    };
    (article, effects)
}

/// Opens the selected article and performs the body read as the loop would; returns the
/// other effects opening asked for.
fn open_selected(app: &mut App) -> Vec<Effect> {
    let (article, effects) = open_unread(app);
    read_body(app, &article);
    effects
}

/// Reads the body of `article`, opened with [`open_unread`], and hands it to the reader as
/// the loop would, with the whole text of a scrape or a page.
fn read_body(app: &mut App, article: &crate::article::Article) {
    let body = Library::read_body_parts(article, &app.reading).map_err(|p| p.message);
    let whole = body.as_ref().ok().and_then(|body| body.whole.clone());
    send(
        app,
        Action::BodyRead {
            id: article.id.clone(),
            body: body.map(|body| body.main),
            whole,
        },
    );
}
