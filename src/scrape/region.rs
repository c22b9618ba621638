//! The article is one run of text: a good-looking paragraph far from it (a teaser in the
//! footer, a sidebar's blurb) is left out.

use super::lines::Line;

/// Kept lines separated by at least this many characters of left-out text belong to
/// different runs.
const GAP: usize = 400;
/// A run with at least this share of the largest run's characters is kept too.
const RUN_SHARE: f64 = 0.25;

/// Keeps the run of kept lines with the most characters, and any run at least a quarter its
/// size; clears `keep` for the rest.
pub fn keep_densest(lines: &[Line], keep: &mut [bool]) {
    let mut runs: Vec<(Vec<usize>, usize)> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let mut current_chars = 0;
    let mut gap = 0;
    for (i, line) in lines.iter().enumerate() {
        if keep[i] {
            current.push(i);
            current_chars += line.length;
            gap = 0;
        } else {
            gap += line.length;
            if gap >= GAP && !current.is_empty() {
                runs.push((std::mem::take(&mut current), current_chars));
                current_chars = 0;
            }
        }
    }
    if !current.is_empty() {
        runs.push((current, current_chars));
    }
    let largest = runs.iter().map(|(_, chars)| *chars).max().unwrap_or(0);
    for (run, chars) in runs {
        if (chars as f64) < RUN_SHARE * largest as f64 {
            for i in run {
                keep[i] = false;
            }
        }
    }
}

/// Keeps the short sentences that follow the article's last paragraph, one after another,
/// such as a closing line and the author's note: lines too short to judge alone, which their
/// neighbours (the page's furniture after the article) would otherwise take with them.
pub fn keep_closing_sentences(
    lines: &[Line],
    keep: &mut [bool],
    is_sentence: impl Fn(&Line) -> bool,
) {
    let Some(last) = keep.iter().rposition(|&k| k) else {
        return;
    };
    for i in last + 1..lines.len() {
        if !is_sentence(&lines[i]) {
            break;
        }
        keep[i] = true;
    }
}

/// Leaves out what follows the line that opens the comments or the links to other articles,
/// when less of the article would be kept after it than before it (a page's comments and
/// teasers are prose too, and would otherwise be taken for more of the article).
pub fn cut_at_section(lines: &[Line], keep: &mut [bool], opens_section: impl Fn(&str) -> bool) {
    let Some(start) = keep.iter().position(|&k| k) else {
        return;
    };
    let total: usize = lines
        .iter()
        .zip(keep.iter())
        .filter(|(_, k)| **k)
        .map(|(l, _)| l.length)
        .sum();
    let mut before = 0;
    for i in start..lines.len() {
        if keep[i] {
            before += lines[i].length;
        } else if opens_section(lines[i].text) && before * 2 >= total {
            keep[i..].iter_mut().for_each(|k| *k = false);
            return;
        }
    }
}
