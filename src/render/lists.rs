//! List bookkeeping: which lists are tight and how many items they have (known only after the
//! whole list is parsed, so found by a pre-pass), and the marker each item gets.

use pulldown_cmark::{Event, Tag, TagEnd};

/// Facts about a list that its start event does not carry but its layout needs up front.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ListInfo {
    pub(crate) tight: bool,
    pub(crate) items: u64,
}

/// State of an open list while its items are laid out.
#[derive(Debug, Clone)]
pub(crate) struct ListState {
    /// A tight list has no blank lines between its items or between blocks inside them.
    pub(crate) tight: bool,
    /// Next item number for an ordered list; `None` for a bullet list.
    pub(crate) next: Option<u64>,
    /// Columns for the widest number, so `9.` and `10.` items align.
    pub(crate) number_width: usize,
    /// Nesting level among bullet lists, choosing the bullet glyph.
    pub(crate) bullet_level: usize,
}

impl ListState {
    /// `start` is the first number of an ordered list, `None` for bullets.
    pub(crate) fn new(info: ListInfo, start: Option<u64>, bullet_level: usize) -> Self {
        let last = start.map(|s| s.saturating_add(info.items.saturating_sub(1)));
        ListState {
            tight: info.tight,
            next: start,
            number_width: last.map_or(0, |n| n.to_string().len()),
            bullet_level,
        }
    }
}

/// One entry per list in order of appearance, from a pass over the events before they are
/// laid out. pulldown-cmark wraps item text in paragraphs only in loose lists, which is how
/// tightness is recognised.
pub(crate) fn scan_lists<'a>(events: impl IntoIterator<Item = Event<'a>>) -> Vec<ListInfo> {
    let mut infos: Vec<ListInfo> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut parent_is_item: Vec<bool> = Vec::new();
    for event in events {
        match event {
            Event::Start(tag) => {
                let current = open.last().and_then(|&i| infos.get_mut(i));
                match &tag {
                    Tag::List(_) => {
                        open.push(infos.len());
                        infos.push(ListInfo {
                            tight: true,
                            items: 0,
                        });
                    }
                    Tag::Item => {
                        if let Some(info) = current {
                            info.items = info.items.saturating_add(1);
                        }
                    }
                    Tag::Paragraph if parent_is_item.last() == Some(&true) => {
                        if let Some(info) = current {
                            info.tight = false;
                        }
                    }
                    _ => {}
                }
                parent_is_item.push(matches!(tag, Tag::Item));
            }
            Event::End(end) => {
                parent_is_item.pop();
                if matches!(end, TagEnd::List(_)) {
                    open.pop();
                }
            }
            _ => {}
        }
    }
    infos
}

/// The marker for the next item of `list`, advancing its number. Bullets change shape with
/// depth so nesting stays visible even where the indent is lost at narrow widths.
pub(crate) fn item_marker(list: &mut ListState) -> String {
    match list.next {
        Some(n) => {
            list.next = Some(n.saturating_add(1));
            format!("{n:>width$}. ", width = list.number_width)
        }
        None => match list.bullet_level % 3 {
            0 => "• ".to_string(),
            1 => "◦ ".to_string(),
            _ => "▪ ".to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::Parser;

    fn scan(md: &str) -> Vec<(bool, u64)> {
        scan_lists(Parser::new(md))
            .iter()
            .map(|i| (i.tight, i.items))
            .collect()
    }

    #[test]
    fn tightness_and_item_counts_per_list() {
        assert_eq!(scan("- a\n- b\n  - c\n"), [(true, 2), (true, 1)]);
        assert_eq!(scan("- a\n\n- b\n"), [(false, 2)]);
        // The inner list is loose, the outer one stays tight.
        assert_eq!(scan("- x\n  - a\n\n  - b\n- y\n"), [(true, 2), (false, 2)]);
    }

    #[test]
    fn markers_count_up_and_align() {
        let info = ListInfo {
            tight: true,
            items: 3,
        };
        let mut list = ListState::new(info, Some(8), 0);
        let markers: Vec<String> = (0..3).map(|_| item_marker(&mut list)).collect();
        assert_eq!(markers, [" 8. ", " 9. ", "10. "]);
        let mut bullets = ListState::new(info, None, 1);
        assert_eq!(item_marker(&mut bullets), "◦ ");
        let mut huge = ListState::new(info, Some(u64::MAX), 0);
        assert_eq!(item_marker(&mut huge), format!("{}. ", u64::MAX));
    }
}
