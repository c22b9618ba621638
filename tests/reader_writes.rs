//! What the reader writes, in a real terminal (tmux): a tag by hand refused, with the reason in
//! the status bar, for a read-only file, and the marks saved private.

mod common;

use common::copy_samples;
use common::tmux::{Tmux, reader_command, shell_quote, skip};

#[cfg(unix)]
#[test]
fn tagging_a_read_only_file_by_hand_is_refused_and_the_marks_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("articles");
    copy_samples(&library);
    let id = "regional-banks-report-weaker-earnings.txt";
    let path = library.join(id);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let original = std::fs::read(&path).unwrap();
    let state = dir.path().join("state");
    let args = shell_quote(&library.display().to_string());
    let command = reader_command(&args, &state);
    let Some(tmux) = Tmux::start("read-only-tag", 160, 30, dir.path(), &command) else {
        return skip();
    };
    tmux.wait_for("· 33 / 33 ·");
    tmux.type_text("/title:regional");
    tmux.wait_for("· 1 / 33 ·");
    tmux.press(&["Enter"]);
    tmux.wait_for("j/k move");
    tmux.press(&["t"]);
    tmux.wait_for("Tag by hand");
    tmux.press(&["Enter"]);
    let screen = tmux.wait_for("is read-only");
    assert!(screen.contains(&format!("{id} is read-only")), "{screen}");
    assert_eq!(std::fs::read(&path).unwrap(), original);
    tmux.press(&["m"]);
    tmux.wait_for("★");
    tmux.press(&["q"]);
    tmux.wait_for("EXIT=0");
    let mode =
        |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&state.join("data/state.json")), 0o600);
    assert_eq!(mode(&state.join("data")), 0o700);
}
