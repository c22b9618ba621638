//! What a query's words may refer to beyond themselves: saved searches (`@energy`), which the
//! configuration names, and today's date, from which `date:7d` counts back.

use std::collections::BTreeMap;

use jiff::civil::Date;

/// Saved searches by name, as the configuration's `queries:` gives them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SavedQueries {
    by_name: BTreeMap<String, String>,
}

impl SavedQueries {
    /// Saved searches from `(name, query)` pairs; a name given twice keeps its last query.
    pub fn new(pairs: impl IntoIterator<Item = (String, String)>) -> SavedQueries {
        SavedQueries {
            by_name: pairs.into_iter().collect(),
        }
    }

    /// The query text saved as `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.by_name.get(name).map(String::as_str)
    }

    /// Every saved search, by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        (self.by_name.iter()).map(|(name, query)| (name.as_str(), query.as_str()))
    }

    /// How many searches are saved.
    pub fn len(&self) -> usize {
        self.by_name.len()
    }

    /// True when none is.
    pub fn is_empty(&self) -> bool {
        self.by_name.is_empty()
    }

    /// The names, for a message that lists them.
    pub fn names(&self) -> Vec<&str> {
        self.by_name.keys().map(String::as_str).collect()
    }
}

/// What queries are read in: the saved searches `@name` refers to, and today's date by the
/// local calendar, from which relative dates count back.
#[derive(Debug, Clone, Copy)]
pub struct QueryContext<'a> {
    /// The saved searches.
    pub saved: &'a SavedQueries,
    /// Today.
    pub today: Date,
}

impl QueryContext<'_> {
    /// `saved`, read on today's date by the system's clock and time zone.
    pub fn now(saved: &SavedQueries) -> QueryContext<'_> {
        QueryContext {
            saved,
            today: jiff::Zoned::now().date(),
        }
    }
}
