//! The preview beside the list: the body reads it asks for, performed as the loop performs
//! them, and what it shows.

use crate::tui::model::action::{Action, Effect};

use super::*;

/// Sends `action` and performs the preview's body reads it asks for as the loop does; how
/// many there were.
pub(super) fn read_previews(app: &mut App, action: Action) -> usize {
    let effects = update(app, action);
    perform_reads(app, effects)
}

/// Performs the preview's body reads among `effects` as the loop does; how many there were.
pub(super) fn perform_reads(app: &mut App, effects: Vec<Effect>) -> usize {
    let mut reads = 0;
    for effect in effects {
        if let Effect::ReadPreview(article) = effect {
            reads += 1;
            let body = Library::read_body(&article, &app.reading).map_err(|p| p.message);
            let id = article.id.clone();
            update(app, Action::PreviewRead { id, body });
        }
    }
    reads
}

/// The preview is never empty: an article without a TL;DR shows the start of its text, and
/// with a query, the lines of the text it matched; a narrow terminal, which has no preview,
/// reads nothing.
#[test]
fn the_preview_shows_the_start_of_the_text_or_the_lines_the_query_matched() {
    let mut app = app();
    // Holding an article with a TL;DR and no query, the preview reads nothing.
    assert_eq!(read_previews(&mut app, Action::Down), 0);

    // An article whose file has no TL;DR: the one estimated from its text (the start of its
    // text when none can be, which `model::preview` tests), read once and then kept.
    send(&mut app, Action::StartSearch);
    let reads =
        type_reading(&mut app, "title:lithium") + read_previews(&mut app, Action::SearchKeep);
    assert!(reads >= 1);
    assert!(selected_title(&app).starts_with("Lithium Glut"));
    assert_eq!(read_previews(&mut app, Action::Top), 0);
    let screen = screen_text(&app);
    assert!(
        screen.contains("TL;DR (estimated)") && screen.contains("Lithium producers are cutting"),
        "the estimated TL;DR:\n{screen}"
    );

    // With a query, the lines of the text it matched, under the TL;DR.
    send(&mut app, Action::ClearAll);
    send(&mut app, Action::StartSearch);
    type_reading(&mut app, "sanctions");
    read_previews(&mut app, Action::SearchKeep);
    assert!(selected_title(&app).starts_with("Russia struggles"));
    let screen = screen_text(&app);
    assert!(screen.contains("TL;DR"), "{screen}");
    assert!(
        screen.contains("International sanctions have played a"),
        "a line the query matched:\n{screen}"
    );

    let mut narrow = app_sized(80, 30);
    send(&mut narrow, Action::StartSearch);
    let reads = type_reading(&mut narrow, "title:lithium");
    assert_eq!(reads + read_previews(&mut narrow, Action::SearchKeep), 0);
}

/// Types `text` into the search bar, performing the preview's reads as the loop does.
fn type_reading(app: &mut App, text: &str) -> usize {
    text.chars()
        .map(|c| read_previews(app, Action::SearchInput(c)))
        .sum()
}
