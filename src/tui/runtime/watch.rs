//! Following the library's folders while the reader is open (the notify crate: inotify on
//! Linux, FSEvents on macOS). A burst of changes, such as a sync tool writing a hundred files,
//! becomes one reload: after the first change that concerns an article, the watcher waits for
//! the folders to be quiet for a moment before it tells the event loop.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use notify::{Event, EventKind, RecursiveMode, Watcher};

use crate::loader::is_article_file;

/// How long the folders must be quiet before a reload: short enough that a change shows
/// within a second, long enough that a burst of writes is one reload.
const QUIET: Duration = Duration::from_millis(150);
/// A stream of changes that never pauses still reloads this often.
const AT_MOST_EVERY: Duration = Duration::from_millis(600);

/// Watches `roots` recursively on a thread of its own (registering every folder with the
/// system takes a while in a large library, and must not hold up the reader), and calls
/// `changed` once per burst of changes to articles, until it returns false. `failed` hears why,
/// if the system will not watch (too many folders for inotify's limit, for example); the reader
/// then works as before, with `r` to reload.
pub fn watch(
    roots: Vec<PathBuf>,
    changed: impl Fn() -> bool + Send + 'static,
    failed: impl FnOnce(String) + Send + 'static,
) {
    // Without a thread to watch on, the reader works as with --no-watch.
    let _ = thread::Builder::new()
        .name("moodwire-watch".to_owned())
        .spawn(move || {
            let (sender, events) = mpsc::channel::<notify::Result<Event>>();
            // Links are not followed: the library reads a link only when it leads inside
            // one of its folders, which are watched already, and following one to `/` would
            // watch the whole system.
            let config = notify::Config::default().with_follow_symlinks(false);
            let watching =
                notify::RecommendedWatcher::new(sender, config).and_then(|mut watcher| {
                    for root in &roots {
                        watcher.watch(root, RecursiveMode::Recursive)?;
                    }
                    Ok(watcher)
                });
            match watching {
                // The watcher lives as long as this thread listens to it.
                Ok(_watcher) => debounce(&events, changed),
                Err(error) => failed(error.to_string()),
            }
        });
}

fn debounce(events: &mpsc::Receiver<notify::Result<Event>>, changed: impl Fn() -> bool) {
    while let Ok(event) = events.recv() {
        if !concerns_articles(&event) {
            continue;
        }
        let first = Instant::now();
        loop {
            let waited = first.elapsed();
            if waited >= AT_MOST_EVERY {
                break;
            }
            match events.recv_timeout(QUIET.min(AT_MOST_EVERY - waited)) {
                Ok(_) => continue,
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        if !changed() {
            return;
        }
    }
}

/// True for a change that may add, change or remove an article: a file the loader reads, or
/// a folder (which may hold some). Reads, and moodwire's own temporary files, are not changes.
fn concerns_articles(event: &notify::Result<Event>) -> bool {
    let Ok(event) = event else {
        // The watcher lost track (its queue overflowed): reload to be safe.
        return true;
    };
    if matches!(event.kind, EventKind::Access(_)) {
        return false;
    }
    event.need_rescan() || event.paths.iter().any(|path| may_hold_articles(path))
}

fn may_hold_articles(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .is_some_and(|name| name.to_string_lossy().starts_with('.'));
    !hidden && (is_article_file(path) || path.extension().is_none())
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, CreateKind, ModifyKind};

    fn event(kind: EventKind, path: &str) -> notify::Result<Event> {
        Ok(Event::new(kind).add_path(PathBuf::from(path)))
    }

    #[test]
    fn only_changes_to_articles_and_folders_count() {
        let create = EventKind::Create(CreateKind::File);
        assert!(concerns_articles(&event(create, "/lib/world/a.md")));
        assert!(concerns_articles(&event(create, "/lib/notes.txt")));
        assert!(concerns_articles(&event(
            EventKind::Create(CreateKind::Folder),
            "/lib/new"
        )));
        assert!(!concerns_articles(&event(create, "/lib/picture.png")));
        assert!(!concerns_articles(&event(
            create,
            "/lib/.a.md.moodwire-12-0.tmp"
        )));
        assert!(!concerns_articles(&event(
            EventKind::Access(AccessKind::Read),
            "/lib/a.md"
        )));
        assert!(concerns_articles(&event(
            EventKind::Modify(ModifyKind::Any),
            "/lib/a.markdown"
        )));
    }
}
