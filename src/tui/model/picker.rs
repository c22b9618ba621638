//! The pickers over the list: every category with its count, or every saved search with how
//! many articles it finds. Choosing a row narrows the list.

use std::collections::HashMap;

use crate::library::Catalog;

/// One row of a picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// What the row stands for: a category or a saved search's name; `None` for "all".
    pub value: Option<String>,
    /// How many articles the row would show, when known.
    pub count: Option<usize>,
    /// More about the row: a saved search's query.
    pub detail: Option<String>,
}

/// A picker's rows and the one selected.
#[derive(Debug, Clone)]
pub struct Picker {
    /// The rows.
    pub choices: Vec<Choice>,
    /// The selected row.
    pub selected: usize,
}

impl Picker {
    /// All categories of the catalog's articles, most common first, after an "all" row; the
    /// row of `current` is selected.
    pub fn categories(catalog: &Catalog, current: Option<&str>) -> Picker {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for category in catalog.articles().filter_map(|a| a.category.as_deref()) {
            *counts.entry(category).or_default() += 1;
        }
        let mut named: Vec<(&str, usize)> = counts.into_iter().collect();
        named.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let mut choices = vec![Choice {
            value: None,
            count: Some(catalog.len()),
            detail: None,
        }];
        choices.extend(named.into_iter().map(|(name, count)| Choice {
            value: Some(name.to_owned()),
            count: Some(count),
            detail: None,
        }));
        let selected = choices
            .iter()
            .position(|c| c.value.as_deref() == current)
            .unwrap_or(0);
        Picker { choices, selected }
    }

    /// Saved searches, by name: each with its query and how many articles it finds.
    pub fn saved(searches: Vec<(String, String, Option<usize>)>) -> Picker {
        let choices = searches
            .into_iter()
            .map(|(name, query, count)| Choice {
                value: Some(name),
                count,
                detail: Some(query),
            })
            .collect();
        Picker {
            choices,
            selected: 0,
        }
    }

    /// The selected row.
    pub fn chosen(&self) -> Option<&Choice> {
        self.choices.get(self.selected)
    }
}
