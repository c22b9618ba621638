//! The category picker's model: every category in the library with its count.

use std::collections::HashMap;

use crate::library::Catalog;

/// One row of the picker: a category, or `None` for all of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub category: Option<String>,
    pub count: usize,
}

#[derive(Debug, Clone)]
pub struct Picker {
    pub choices: Vec<Choice>,
    pub selected: usize,
}

impl Picker {
    /// All categories of the catalog's articles, most common first, after an "all" row; the
    /// row of `current` is selected.
    pub fn new(catalog: &Catalog, current: Option<&str>) -> Picker {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for category in catalog.articles().filter_map(|a| a.category.as_deref()) {
            *counts.entry(category).or_default() += 1;
        }
        let mut named: Vec<(&str, usize)> = counts.into_iter().collect();
        named.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let mut choices = vec![Choice {
            category: None,
            count: catalog.len(),
        }];
        choices.extend(named.into_iter().map(|(name, count)| Choice {
            category: Some(name.to_owned()),
            count,
        }));
        let selected = choices
            .iter()
            .position(|c| c.category.as_deref() == current)
            .unwrap_or(0);
        Picker { choices, selected }
    }

    pub fn chosen(&self) -> Option<&Choice> {
        self.choices.get(self.selected)
    }
}
