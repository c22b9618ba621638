//! jusText's classes for lines of plain text (after Pomikálek's description of jusText; our
//! own code): each line is first judged alone, by its length and the share of its words that
//! are stop words, then short and middling lines take the class of the text around them.
//!
//! Plain text has no links and no tags, so jusText's link density and heading rules are left
//! out (every short line without a full stop looks like a heading, which made menus look like
//! text); the stop-word thresholds are a little lower than jusText's, which on the dev pages
//! kept more of the article and little more furniture.

use super::furniture::is_furniture;
use super::lines::Line;
use super::stoplists::Stoplist;

/// Lines shorter than this (in characters, CJK counted three) are too short to judge alone.
const LENGTH_LOW: usize = 70;
/// Lines longer than this with enough stop words are good on their own.
const LENGTH_HIGH: usize = 200;
/// Stop-word shares at which a line reads as prose.
const STOP_LOW: f64 = 0.25;
const STOP_HIGH: f64 = 0.27;

/// Middling lines in a row (short ones between them aside) that read as text together, on a
/// page with fewer than [`FEW_GOOD`] good lines.
const NEAR_GOOD_RUN: usize = 3;
const FEW_GOOD: usize = 3;

/// What a line is to the classifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Article text.
    Good,
    /// Page furniture.
    Bad,
    /// Too short to tell alone.
    Short,
    /// Somewhat like text; decided by its neighbours.
    NearGood,
}

/// Each line's class once its neighbours are taken into account: only `Good` and `Bad`.
pub fn classify(lines: &[Line], stoplist: Stoplist) -> Vec<Class> {
    let mut classes: Vec<Class> = lines.iter().map(|line| judge(line, stoplist)).collect();
    // A page written in short paragraphs has few lines long enough to be good alone; there,
    // three middling lines in a row (short lines and furniture between them aside) are its
    // text, as is every middling line of a page with no good line at all.
    let goods = classes.iter().filter(|c| **c == Class::Good).count();
    let no_good = goods == 0;
    let runs_count = goods < FEW_GOOD;
    let mut runs: Vec<Vec<usize>> = vec![Vec::new()];
    for (i, (class, line)) in classes.iter().zip(lines).enumerate() {
        match class {
            Class::NearGood => runs.last_mut().into_iter().for_each(|run| run.push(i)),
            // An `Advertisement` between paragraphs does not end them.
            Class::Short => {}
            Class::Bad if is_furniture(line.text) => {}
            _ => runs.push(Vec::new()),
        }
    }
    for run in runs {
        if no_good || runs_count && run.len() >= NEAR_GOOD_RUN {
            for at in run {
                classes[at] = Class::Good;
            }
        }
    }
    // Short lines between two good ones are good, between two bad ones bad; beside a bad one
    // and a middling one, good when the middling one is nearer.
    let revised: Vec<(usize, Class)> = (0..lines.len())
        .filter(|&i| classes[i] == Class::Short)
        .map(|i| (i, short_by_neighbours(&classes, i)))
        .collect();
    for (i, class) in revised {
        classes[i] = class;
    }
    for i in 0..lines.len() {
        if classes[i] == Class::NearGood {
            let before = neighbour(&classes, i, Step::Back, true);
            let after = neighbour(&classes, i, Step::On, true);
            classes[i] = match (before, after) {
                (Class::Bad, Class::Bad) => Class::Bad,
                _ => Class::Good,
            };
        }
    }
    classes
}

/// A line's class on its own.
fn judge(line: &Line, stoplist: Stoplist) -> Class {
    if is_furniture(line.text) {
        return Class::Bad;
    }
    // A line without a letter or digit (`}` in code, `* * *`) goes with its neighbours.
    if line.length < LENGTH_LOW || !line.text.chars().any(char::is_alphanumeric) {
        return Class::Short;
    }
    let (low, high) = match stoplist.is_none() {
        true => (0.0, 0.0),
        false => (STOP_LOW, STOP_HIGH),
    };
    let density = stoplist.density(&line.counts);
    if density >= high {
        match line.length > LENGTH_HIGH {
            true => Class::Good,
            // A middling line that does not end as a sentence does (a headline in a list of
            // other articles, a teaser) goes with its neighbours, as a short one does.
            false if !ends_as_sentence(line.text) => Class::Short,
            false => Class::NearGood,
        }
    } else if density >= low && ends_as_sentence(line.text) {
        Class::NearGood
    } else if density >= low {
        Class::Short
    } else {
        Class::Bad
    }
}

fn short_by_neighbours(classes: &[Class], i: usize) -> Class {
    let before = neighbour(classes, i, Step::Back, true);
    let after = neighbour(classes, i, Step::On, true);
    match (before, after) {
        (Class::Good, Class::Good) => Class::Good,
        (Class::Bad, Class::Bad) => Class::Bad,
        (Class::Bad, _) if neighbour(classes, i, Step::Back, false) == Class::NearGood => {
            Class::Good
        }
        (_, Class::Bad) if neighbour(classes, i, Step::On, false) == Class::NearGood => Class::Good,
        _ => Class::Bad,
    }
}

#[derive(Clone, Copy)]
enum Step {
    Back,
    On,
}

/// The class of the nearest line before or after `i` that is good or bad (or middling, unless
/// `skip_near_good`); past either end of the page, bad.
fn neighbour(classes: &[Class], i: usize, step: Step, skip_near_good: bool) -> Class {
    let mut at = i;
    loop {
        at = match step {
            Step::Back => match at.checked_sub(1) {
                Some(at) => at,
                None => return Class::Bad,
            },
            Step::On => at + 1,
        };
        match classes.get(at) {
            None => return Class::Bad,
            Some(class @ (Class::Good | Class::Bad)) => return *class,
            Some(Class::NearGood) if !skip_near_good => return Class::NearGood,
            Some(_) => {}
        }
    }
}

/// True when `text` ends as sentences do: with a full stop, a question or exclamation mark, a
/// colon or semicolon, or a closing quote or bracket after one.
fn ends_as_sentence(text: &str) -> bool {
    let end = text.trim_end_matches(['"', '\'', ')', '”', '’', ']']);
    end.ends_with(['.', '!', '?', ':', ';', '…'])
}
