//! The tag writes `update` asks for, performed through the tagger. Each is a file written in
//! about a millisecond, so the loop performs them in turn and hands the result straight back
//! as an action; the tests perform them the same way.

use std::path::Path;

use crate::loader::FileStamp;
use crate::tagger;

use crate::tui::model::action::Action;
use crate::tui::model::tagging::{TagRequest, Undo};

/// Writes the requested tag, replacing the sentiment the file carries, refused if the file's
/// stamp is no longer the one the library read.
pub fn write_tag(request: Box<TagRequest>) -> Action {
    // No writing of read-only files here: the reader has no `--force`, and says why instead.
    let options = tagger::Options {
        replace: true,
        ..tagger::Options::within(&request.roots)
    };
    let (path, tag, expected) = (&request.path, &request.tag, request.expected);
    let result = tagger::tag_file(path, tag, expected, &options, &request.reading)
        .map(|written| (written, stamp_of(&request.path)))
        .map_err(|error| error.to_string());
    Action::TagWritten { request, result }
}

/// Puts back the bytes a write replaced, refused if the file changed since.
pub fn undo_tag(undo: Box<Undo>) -> Action {
    let result = tagger::undo(&undo.written)
        .map(|()| stamp_of(&undo.path))
        .map_err(|error| error.to_string());
    Action::TagUndone { undo, result }
}

/// The stamp of the file at `path` now, taken as the tagger takes it, for the next write's
/// check.
fn stamp_of(path: &Path) -> Option<FileStamp> {
    std::fs::metadata(path)
        .ok()
        .map(|meta| FileStamp::of(&meta))
}
