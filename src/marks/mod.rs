//! Read and starred marks, per article id. They live apart from the articles (in the user's
//! data folder, see [`store`]) because the library's files belong to the user and are never
//! written to keep reading state; keyed by id, they follow a library that moves.

pub mod store;

use rustc_hash::FxHashSet;
use std::sync::Arc;

/// What can be marked on an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// The article has been read.
    Read,
    /// The user starred the article, to find it again.
    Starred,
}

/// The marks of every article, by id. An article not named is unread and not starred.
///
/// Cloning is cheap: the sets are shared until one of the copies changes, so that the reader
/// can hand a copy to the thread that saves them on every keystroke that changes a mark, even
/// with a hundred thousand marks.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    read: Arc<FxHashSet<String>>,
    starred: Arc<FxHashSet<String>>,
    /// How many changes these marks have seen, so that a front end knows when to save them.
    revision: u64,
}

/// Marks are equal when they mark the same articles, however many changes led there.
impl PartialEq for Marks {
    fn eq(&self, other: &Marks) -> bool {
        self.read == other.read && self.starred == other.starred
    }
}

impl Eq for Marks {}

impl Marks {
    /// True when `id` carries `mark`.
    pub fn has(&self, mark: Mark, id: &str) -> bool {
        self.set(mark).contains(id)
    }

    /// True when `id` has been read.
    pub fn is_read(&self, id: &str) -> bool {
        self.read.contains(id)
    }

    /// True when `id` is starred.
    pub fn is_starred(&self, id: &str) -> bool {
        self.starred.contains(id)
    }

    /// Puts `mark` on or off `id`; true when that changed anything.
    pub fn put(&mut self, mark: Mark, id: &str, on: bool) -> bool {
        let set = Arc::make_mut(match mark {
            Mark::Read => &mut self.read,
            Mark::Starred => &mut self.starred,
        });
        let changed = match on {
            true => set.insert(id.to_owned()),
            false => set.remove(id),
        };
        self.revision += u64::from(changed);
        changed
    }

    /// A number that moves whenever a mark is put on or taken off.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Flips `mark` on `id` and says whether it is now on.
    pub fn toggle(&mut self, mark: Mark, id: &str) -> bool {
        let on = !self.has(mark, id);
        self.put(mark, id, on);
        on
    }

    /// Makes room for `more` marks of this kind, before many are put at once.
    pub fn reserve(&mut self, mark: Mark, more: usize) {
        let set = match mark {
            Mark::Read => &mut self.read,
            Mark::Starred => &mut self.starred,
        };
        Arc::make_mut(set).reserve(more);
    }

    fn set(&self, mark: Mark) -> &FxHashSet<String> {
        match mark {
            Mark::Read => &self.read,
            Mark::Starred => &self.starred,
        }
    }

    /// The ids carrying `mark`, sorted, so that the saved file is the same for the same marks.
    pub fn sorted(&self, mark: Mark) -> Vec<&str> {
        let mut ids: Vec<&str> = self.set(mark).iter().map(String::as_str).collect();
        ids.sort_unstable();
        ids
    }

    /// The marks that say the ids in `read` are read and those in `starred` are starred.
    pub fn from_ids(read: Vec<String>, starred: Vec<String>) -> Marks {
        Marks {
            read: Arc::new(read.into_iter().collect()),
            starred: Arc::new(starred.into_iter().collect()),
            revision: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_toggle_per_article() {
        let mut marks = Marks::default();
        assert!(!marks.is_read("a.md"));
        assert!(marks.toggle(Mark::Read, "a.md"));
        assert!(marks.is_read("a.md"));
        assert!(!marks.is_starred("a.md"));
        assert!(marks.toggle(Mark::Starred, "b.md"));
        assert!(!marks.toggle(Mark::Read, "a.md"));
        assert!(!marks.is_read("a.md"));
        let revision = marks.revision();
        assert!(!marks.put(Mark::Starred, "b.md", true), "already starred");
        assert_eq!(marks.revision(), revision, "nothing changed");
        assert!(marks.put(Mark::Starred, "b.md", false));
        assert!(marks.revision() > revision);
        marks.put(Mark::Starred, "b.md", true);
        assert_eq!(marks.sorted(Mark::Starred), ["b.md"]);
    }
}
