//! The article being read: laid out once per width, with the query's matches marked, so that
//! drawing only copies the lines on screen. The layout itself is a job for another thread
//! (see [`LayoutJob`]); the reader asks for one whenever its article or width changed, and
//! shows the lines it has until the new ones come.

use std::sync::Arc;

use ratatui::text::Span;

use crate::article::Article;
use crate::limits::Limits;
use crate::query::Query;
use crate::render::{Lines, Look, theme};
use crate::tui::model::layout::{Layout, LayoutJob};
use crate::tui::model::links::{self, LinkList, LinkRow};

/// Wider than this, lines of prose are hard to follow; the reader centres a column this wide.
pub const MAX_TEXT_WIDTH: usize = 100;
/// The renderer lays text out at no fewer columns than this; a narrower terminal shows the
/// left part of each line rather than text wrapped to nothing.
const MIN_TEXT_WIDTH: usize = 20;

/// An open article.
#[derive(Debug)]
pub struct Reader {
    /// The article with its body once read; until then the body is empty. Shared with the
    /// layout jobs, which read it on another thread.
    pub article: Arc<Article>,
    pub lines: Lines,
    /// The targets of the links of its text, in the order the text numbers them (from 1).
    pub links: Vec<String>,
    /// The links view, when it is open.
    pub link_list: Option<LinkList>,
    /// Line numbers holding a match of the query, ascending.
    pub matches: Vec<usize>,
    /// The first line on screen.
    pub scroll: usize,
    /// The width the lines were laid out for.
    pub width: usize,
    /// Why the body could not be read, shown in place of it.
    pub error: Option<String>,
    /// True until the body has been read.
    pub pending: bool,
    /// True when the article's fields changed since it was laid out, and its body is read
    /// again.
    changed: bool,
    /// Longer body lines are cut, and longer bodies, when laid out.
    pub limits: Limits,
    /// The colours and date format it is laid out in.
    pub look: Look,
    /// Counts the changes to the article that call for a new layout.
    revision: u64,
    /// The width and revision the lines are for.
    laid_out: (usize, u64),
    /// The width and revision of the layout asked for last, until it comes.
    asked: Option<(usize, u64)>,
    /// The whole text of a scrape or a saved page, when furniture was left out of its body;
    /// while it is shown, the body it stands in for.
    pub other_text: Option<String>,
    /// True while the whole text is shown.
    pub showing_whole: bool,
    /// The key that shows the whole text, for the note that says what was left out.
    pub whole_key: Option<String>,
    /// The end was asked for (`G`) while the text or its layout was on its way: the end of
    /// the text is shown when it comes, not the end of what was on screen then.
    pub follow_end: bool,
    /// The line scrolled to (`j`, a page down) while the text was on its way, past the end of
    /// what was on screen then: it is shown when the text comes, as far as the text goes.
    pub scroll_ahead: Option<usize>,
    /// The whole text was asked for before the body came: it is shown when the body does.
    whole_asked: bool,
}

impl Reader {
    /// The reader for `article` (whose body is not read yet), laid out for `columns` in
    /// `look` within `limits`. Without its body an article is a few lines, laid out at once.
    pub fn new(
        article: Article,
        columns: u16,
        query: &Query,
        limits: Limits,
        look: Look,
    ) -> Reader {
        let width = text_width(columns);
        let mut reader = Reader {
            article: Arc::new(article),
            lines: Lines::new(),
            links: Vec::new(),
            link_list: None,
            matches: Vec::new(),
            scroll: 0,
            width,
            error: None,
            pending: true,
            changed: false,
            limits,
            look,
            revision: 0,
            laid_out: (width, 0),
            asked: None,
            other_text: None,
            showing_whole: false,
            whole_key: None,
            follow_end: false,
            scroll_ahead: None,
            whole_asked: false,
        };
        let layout = reader.job(width, query).lay_out();
        reader.lines = layout.lines;
        reader.matches = layout.matches;
        reader.links = layout.links;
        reader
    }

    /// The body as read from the file, or why it could not be, and the whole text when page
    /// furniture was left out of the body; laid out again unless the article is as it was
    /// shown (a file read again after a change elsewhere in the library).
    pub fn set_body(&mut self, body: Result<String, String>, whole: Option<String>) {
        let first = self.pending;
        let whole = whole.filter(|_| self.article.left_out > 0);
        let shown = match self.showing_whole {
            true => self.other_text.as_ref(),
            false => Some(&self.article.body),
        };
        let unchanged = !first
            && !self.changed
            && self.error.is_none()
            && body.as_ref().ok() == shown
            && whole.as_ref() == self.whole_text();
        if !unchanged {
            // A text read again is shown as the article alone, as it was when first opened.
            self.other_text = whole;
            self.showing_whole = false;
        }
        self.pending = false;
        self.changed = false;
        if unchanged {
            return;
        }
        match body {
            Ok(body) => {
                Arc::make_mut(&mut self.article).body = body;
                self.error = None;
            }
            Err(error) => self.error = Some(error),
        }
        if std::mem::take(&mut self.whole_asked) {
            self.swap_texts();
        }
        self.relayout();
        if first {
            // Shown until the body's lines come; a text read again stays as it was meanwhile.
            let note = "laying the article out…";
            self.lines.push_spans(vec![Span::raw("")]);
            self.lines.push_spans(vec![Span::styled(note, theme::DIM)]);
        }
    }

    /// The article as the library now has it, after its file changed: shown when its body
    /// arrives, at the same place.
    pub fn refresh(&mut self, article: Article) {
        let fresh = Article {
            body: self.article.body.clone(),
            ..article
        };
        self.changed |= fresh != *self.article;
        self.article = Arc::new(fresh);
    }

    /// The whole text, whether it is shown or kept aside.
    fn whole_text(&self) -> Option<&String> {
        match self.showing_whole {
            true => Some(&self.article.body),
            false => self.other_text.as_ref(),
        }
    }

    /// Shows the whole text in place of the article's (or the article's again); false when
    /// nothing was left out, so there is nothing else to show.
    ///
    /// Asked for before the body came, the whole text of an article some lines were left out
    /// of is shown when it comes.
    pub fn toggle_whole(&mut self) -> bool {
        if self.pending && self.article.left_out > 0 {
            self.whole_asked = !self.whole_asked;
            return true;
        }
        let swapped = self.swap_texts();
        if swapped {
            self.relayout();
        }
        swapped
    }

    /// Puts the text kept aside in place of the one shown; false when none is kept.
    fn swap_texts(&mut self) -> bool {
        let Some(other) = self.other_text.take() else {
            return false;
        };
        let shown = std::mem::replace(&mut Arc::make_mut(&mut self.article).body, other);
        self.other_text = Some(shown);
        self.showing_whole = !self.showing_whole;
        true
    }

    /// The note below the body of an article some lines were left out of.
    fn left_out_note(&self) -> Option<String> {
        let lines = self.article.left_out;
        if lines == 0 || self.pending {
            return None;
        }
        let counted = match lines {
            1 => "1 line".to_owned(),
            n => format!("{n} lines"),
        };
        let key = self.whole_key.as_deref();
        Some(match (self.showing_whole, key) {
            (false, Some(key)) => {
                format!("{counted} of page furniture left out · {key} shows the whole text")
            }
            (false, None) => format!("{counted} of page furniture left out"),
            (true, Some(key)) => {
                format!(
                    "The whole text, with {counted} of page furniture · {key} shows the article alone"
                )
            }
            (true, None) => format!("The whole text, with {counted} of page furniture"),
        })
    }

    /// Link `number` of the text (from 1), if it has one.
    pub fn link(&self, number: usize) -> Option<LinkRow> {
        links::numbered(self.article.source_url.as_deref(), &self.links, number)
    }

    /// Every link of the article, its source first.
    pub fn all_links(&self) -> Vec<LinkRow> {
        links::all(self.article.source_url.as_deref(), &self.links)
    }

    /// The article changed (such as its sentiment): it is laid out again.
    pub fn relayout(&mut self) {
        self.revision += 1;
    }

    /// The layout to ask for, when the lines are not for the article as it is at the width
    /// `columns` give and no such layout has been asked for yet.
    pub fn layout_job(&mut self, columns: u16, query: &Query) -> Option<LayoutJob> {
        let wanted = (text_width(columns), self.revision);
        if self.laid_out == wanted || self.asked == Some(wanted) {
            return None;
        }
        self.asked = Some(wanted);
        Some(self.job(wanted.0, query))
    }

    fn job(&self, width: usize, query: &Query) -> LayoutJob {
        LayoutJob {
            article: Arc::clone(&self.article),
            width,
            revision: self.revision,
            error: self.error.clone(),
            note: self.left_out_note(),
            limits: self.limits,
            look: self.look.clone(),
            query: query.clone(),
        }
    }

    /// Lines laid out at `width` for `revision` of the article. Taken when they are the ones
    /// asked for last, or the first for the article as it is (better than older ones while
    /// the right width is still being laid out); ignored otherwise.
    pub fn laid_out(&mut self, width: usize, revision: u64, layout: Layout) {
        let asked = self.asked == Some((width, revision));
        let newer = revision == self.revision && self.laid_out.1 != revision;
        if !asked && !newer {
            return;
        }
        if asked {
            self.asked = None;
        }
        self.laid_out = (width, revision);
        self.width = width;
        self.lines = layout.lines;
        self.matches = layout.matches;
        self.links = layout.links;
        let last = self.lines.len().saturating_sub(1);
        self.scroll = match (self.follow_end, self.scroll_ahead) {
            // The reader's update keeps the last page in view.
            (true, _) => last,
            (false, Some(ahead)) => ahead.min(last),
            (false, None) => self.scroll.min(last),
        };
        self.follow_end &= self.awaiting_text();
        if !self.awaiting_text() {
            self.scroll_ahead = None;
        }
    }

    /// True while the body is being read or the lines are not yet laid out for the text as
    /// it is: what is on screen is not yet all there will be.
    pub fn awaiting_text(&self) -> bool {
        self.pending || self.laid_out.1 != self.revision
    }

    /// The first match below the top line, if any.
    pub fn next_match(&self) -> Option<usize> {
        self.matches.iter().copied().find(|&n| n > self.scroll)
    }

    /// The last match above the top line, if any.
    pub fn previous_match(&self) -> Option<usize> {
        self.matches
            .iter()
            .copied()
            .rev()
            .find(|&n| n < self.scroll)
    }
}

/// The width articles are laid out at on a terminal `columns` wide: a column's margin each
/// side, and no wider than reads well.
pub fn text_width(columns: u16) -> usize {
    usize::from(columns)
        .saturating_sub(2)
        .clamp(MIN_TEXT_WIDTH, MAX_TEXT_WIDTH)
}
