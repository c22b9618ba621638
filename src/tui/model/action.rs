//! Everything that can happen to the reader, as data: keys and mouse after the keymap has
//! read them, messages from the loading thread, and the results of effects. `update` is the
//! only place that acts on them.

use crate::article::{Article, Bucket};
use crate::history::SearchHistory;
use crate::library::LoadEvent;
use crate::loader::FileStamp;
use crate::marks::Marks;
use crate::tagger::Written;

use crate::tui::model::layout::{Layout, LayoutJob};
use crate::tui::model::search::Edit;
use crate::tui::model::tagging::{TagRequest, Undo};

/// One thing that happened, to be applied to the model by `update`.
#[derive(Debug)]
pub enum Action {
    /// Move the selection (or scroll the reader) one line down.
    Down,
    /// Move the selection (or scroll the reader) one line up.
    Up,
    /// Go to the first row (or the top of the article).
    Top,
    /// Go to the last row (or the end of the article).
    Bottom,
    /// One screenful down.
    PageDown,
    /// One screenful up.
    PageUp,
    /// The mouse wheel: this many lines, down when positive.
    Scroll(i32),
    /// A mouse click at this column and row of the terminal.
    Click { column: u16, row: u16 },
    /// Open the selected article in the reader, or choose the highlighted category.
    Open,
    /// Leave the reader, dashboard, help or picker for the screen below it.
    Back,
    /// Start editing the query in the search bar.
    StartSearch,
    /// A character typed into the search bar.
    SearchInput(char),
    /// Delete the character before the cursor in the search bar.
    SearchBackspace,
    /// Move the search bar's cursor, delete more than a character, or go through the queries
    /// kept before.
    SearchEdit(Edit),
    /// Keep the query being edited and return to the list.
    SearchKeep,
    /// Clear the query being edited and return to the list.
    SearchClear,
    /// Show only articles in this bucket, or all with `None`.
    SetFilter(Option<Bucket>),
    /// Show only unread articles, or all again.
    ToggleUnreadOnly,
    /// Open the next article of the list, as it is filtered and sorted.
    NextArticle,
    /// Open the previous article of the list.
    PreviousArticle,
    /// A page down; at the end of the article, the next unread article of the list.
    PageOrNextUnread,
    /// All, positive, neutral, negative, then all again.
    CycleFilter,
    /// Open the category picker.
    OpenCategories,
    /// Open the saved searches, each with how many articles it finds.
    OpenSaved,
    /// Date, score, title, then date again.
    CycleSort,
    /// Read the library again from disk.
    Reload,
    /// Open the dashboard for the current query and filter.
    ShowDashboard,
    /// Show the keys.
    ShowHelp,
    /// Clear the query, the sentiment filter and the category.
    ClearAll,
    /// Jump to the next search match in the reader.
    NextMatch,
    /// Jump to the previous search match in the reader.
    PrevMatch,
    /// Open the article's source in the browser.
    OpenSource,
    /// Open the article's link of this number, as its text numbers them.
    OpenLink(usize),
    /// The links view: every link of the article, to open or copy.
    ShowLinks,
    /// Copy the chosen link's address to the clipboard.
    CopyLink,
    /// Show the whole text of a scrape or a saved page in the reader, furniture and all, or
    /// the article alone again.
    ToggleWholeText,
    /// Open the picker to set the selected article's label and score by hand.
    TagByHand,
    /// Raise the score in the tag picker by one.
    ScoreUp,
    /// Lower the score in the tag picker by one.
    ScoreDown,
    /// Write the picker's tag into the article's file.
    WriteTag,
    /// Take back the last tag written this session, restoring the file's previous bytes.
    UndoTag,
    /// Mark the selected article (or the one being read) unread if it is read, else read.
    ToggleRead,
    /// Star the selected article (or the one being read), or take its star away.
    ToggleStar,
    /// Mark every article the list shows (with its query, filter and category) read.
    MarkShownRead,
    /// Yes to the question asked.
    Confirm,
    /// No to the question asked.
    Refuse,
    /// Fetch every subscribed feed in the background; new articles arrive by live reload.
    Fetch,
    /// A fetch ended: its summary line, or why it could not run.
    Fetched(Result<String, String>),
    /// Leave the reader program.
    Quit,
    /// Give the terminal back and stop, as Ctrl-z does in a shell; `fg` comes back.
    Suspend,
    /// The terminal now has this many columns and rows.
    Resize { width: u16, height: u16 },
    /// A step of the load number `generation`, from the loading thread.
    Load { generation: u64, event: LoadEvent },
    /// The body of the article `id`, read from its file (or why it could not be read), and
    /// its whole text when page furniture was left out of the body.
    BodyRead {
        id: String,
        body: Result<String, String>,
        whole: Option<String>,
    },
    /// The body of the article `id` the preview asked for (or why it could not be read).
    PreviewRead {
        id: String,
        body: Result<String, String>,
    },
    /// The article `id` laid out at the text width `width`, as it was at `revision`.
    LaidOut {
        id: String,
        width: usize,
        revision: u64,
        layout: Box<Layout>,
    },
    /// The loop tried the write `request`: the write and the file's stamp after it (if it could
    /// be taken), or why it was not made.
    TagWritten {
        request: Box<TagRequest>,
        result: Result<(Written, Option<FileStamp>), String>,
    },
    /// The loop tried to undo a write: the file's stamp after the undo (if it could be taken),
    /// or why the file was left as it is.
    TagUndone {
        undo: Box<Undo>,
        result: Result<Option<FileStamp>, String>,
    },
    /// Articles were added, changed or removed in the library's folders.
    LibraryChanged,
    /// Something worth a line in the status bar, such as an opener that failed.
    Notice(String),
    /// The system refused to watch the library's folders, for this reason.
    NotWatching(String),
    /// The read and starred marks, read from the user's data folder once the first frame is
    /// shown, with a warning if the file could not be read.
    MarksLoaded {
        marks: Marks,
        warning: Option<String>,
    },
    /// The local date changed while the reader was open: relative dates in queries
    /// (`date:today`, `date:>=7d`) count from this day from now on.
    NewDay(jiff::civil::Date),
}

/// I/O that `update` asks the event loop to perform, so that `update` itself stays pure.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Read the body of this article from its file.
    ReadBody(Box<Article>),
    /// Read the body of this article for the preview; a read asked for later makes this one
    /// needless.
    ReadPreview(Box<Article>),
    /// Lay an article out for the reader, off the loop.
    LayOut(Box<LayoutJob>),
    /// Open this http, https or mailto address with the user's browser.
    OpenUrl(String),
    /// Put this text on the clipboard, through the terminal (OSC 52).
    Copy(String),
    /// Start loading the library again; messages will carry this generation.
    Reload { generation: u64 },
    /// Write a tag into an article's file through the tagger, replacing the sentiment it has.
    WriteTag(Box<TagRequest>),
    /// Put back the bytes a tag write replaced, unless the file changed since.
    UndoTag(Box<Undo>),
    /// Save the read and starred marks.
    SaveMarks(Marks),
    /// Save the queries the search bar kept.
    SaveHistory(SearchHistory),
    /// Fetch every subscribed feed, off the loop.
    Fetch,
    /// Give the terminal back and stop the process until it is continued.
    Suspend,
}
