//! The event loop: waits for the next message (a key, the mouse, a resize, the loading
//! thread, a signal), lets `update` apply it and everything already queued behind it, performs
//! the effects, and redraws once if anything changed. It never waits on a timer.

use std::io;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event as Input, MouseButton, MouseEvent, MouseEventKind};

use ratatui::layout::Size;

use crate::history::{HistoryFile, SearchHistory};
use crate::library::{Library, LibrarySource};
use crate::loader::display_path;
use crate::marks::store::MarksFile;
use crate::opener::Opener;
use crate::query::SavedQueries;
use crate::query::SortOrder;
use crate::render::Look;

use crate::tui::keys::Keymap;
use crate::tui::model::action::{Action, Effect};
use crate::tui::model::app::App;
use crate::tui::runtime::clipboard;
use crate::tui::runtime::fetching::{self, FetchSetup};
use crate::tui::runtime::loading::{self, CacheWrites, LoadPlan};
use crate::tui::runtime::saver::MarksSaver;
use crate::tui::runtime::terminal::{Guard, watch_signals};
use crate::tui::runtime::trace::Trace;
use crate::tui::runtime::watch;
use crate::tui::runtime::worker::Worker;
use crate::tui::runtime::writes;
use crate::tui::ui;
use crate::tui::ui::theme::color_wanted;
use crate::tui::update::update;
use signal_hook::consts::{SIGCONT, SIGTSTP};

/// Lines the mouse wheel scrolls per notch.
const WHEEL_LINES: i32 = 3;

/// Everything the loop waits for.
enum Event {
    Input(Input),
    /// Reading the terminal failed: it has gone away.
    InputFailed(io::Error),
    Action(Action),
    Signal(i32),
}

/// How long a quit waits on a cache being written before it says so.
const CACHE_WAIT_NOTICE: Duration = Duration::from_millis(300);

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A signal asked it to stop; the exit status should say so (128 + the signal number).
    Signal(i32),
}

/// What the configuration and the command line say about the reader.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Which key does what, with the configuration's changes.
    pub keys: Keymap,
    /// The order the list starts in.
    pub order: SortOrder,
    /// Where read and starred marks are kept; `None` keeps them for the session only.
    pub marks: Option<MarksFile>,
    /// Warnings to show in the status bar when the reader opens (they were printed too).
    pub warnings: Vec<String>,
    /// The colours and date format to draw with.
    pub look: Look,
    /// Saved searches, which `@name` in a query stands for.
    pub saved: SavedQueries,
    /// Where the search bar's queries are kept, and those kept so far.
    pub history_file: Option<HistoryFile>,
    /// The queries kept so far.
    pub history: SearchHistory,
    /// The programs that open links.
    pub opener: Opener,
    /// How the fetch key fetches the subscribed feeds.
    pub fetch: FetchSetup,
}

/// Runs the reader over the library `plan` describes until the user quits. `started` is when
/// the program started, for the timing trace.
pub fn run(plan: LoadPlan, settings: Settings, started: Instant) -> io::Result<Ending> {
    let mut trace = Trace::from_env(started);
    let (sender, events) = mpsc::channel();
    let warnings = settings.warnings;
    // Shown once the marks are read, with any warning they bring.
    let mut app = App::new(plan.source.label(), Size::default(), true);
    app.keys = settings.keys;
    app.order = settings.order;
    app.look = settings.look;
    app.saved = settings.saved;
    app.history = settings.history;
    app.today = jiff::Zoned::now().date();
    app.reading = plan.reading;
    if let LibrarySource::Paths(roots) = &plan.source {
        app.roots = roots.clone();
    }
    let mut guard = Guard::enter()?;
    app.viewport = guard.terminal.size()?;
    app.color = color_wanted(std::env::var_os("NO_COLOR"));
    let cache_writes = CacheWrites::default();
    start_loading(&plan, app.generation, &cache_writes, &sender);
    read_input(&sender)?;
    let signals = sender.clone();
    watch_signals(move |signal| {
        let _ = signals.send(Event::Signal(signal));
    })?;
    guard.terminal.draw(|frame| ui::draw(frame, &app))?;
    trace.first_frame();
    app.notice = (!warnings.is_empty()).then(|| warnings.join("; "));
    let results = sender.clone();
    let worker = Worker::start(move |action| {
        let _ = results.send(Event::Action(action));
    });
    let laid_out = sender.clone();
    let layouts = Worker::latest("moodwire-layout", move |action| {
        let _ = laid_out.send(Event::Action(action));
    });
    let previewed = sender.clone();
    let previews = Worker::latest("moodwire-preview", move |action| {
        let _ = previewed.send(Event::Action(action));
    });
    let watch_pending = plan.watch;
    let mut looper = Looper {
        guard,
        app,
        plan,
        sender,
        cache_writes,
        saver: None,
        worker,
        history_file: settings.history_file,
        opener: settings.opener,
        layouts,
        previews,
        watch_pending,
        ending: Ending::Quit,
        fetch: settings.fetch,
    };
    // Read after the first frame, which shows no article yet: a hundred thousand marks take
    // tens of milliseconds to read, and nothing is saved before they are in.
    if let Some(file) = settings.marks {
        let opened = file.open(true);
        looper.dispatch(Action::MarksLoaded {
            marks: opened.marks,
            warning: opened.warning,
        })?;
        let failures = looper.sender.clone();
        looper.saver = Some(MarksSaver::start(file, move |text| {
            let _ = failures.send(Event::Action(Action::Notice(text)));
        }));
    }
    loop {
        let first = events.recv().map_err(io::Error::other)?;
        let began = Instant::now();
        let mut changed = looper.handle(first)?;
        while !looper.app.quit
            && let Ok(next) = events.try_recv()
        {
            changed |= looper.handle(next)?;
        }
        looper.follow_changes_once_loaded();
        if looper.app.quit {
            break;
        }
        let updated = began.elapsed();
        if changed {
            let app = &looper.app;
            looper.guard.terminal.draw(|frame| ui::draw(frame, app))?;
        }
        trace.event(&looper.app, updated, began.elapsed());
    }
    if let Some(saver) = looper.saver {
        saver.finish();
    }
    drop(looper.guard);
    // The terminal is the user's again; a library shown is worth its cache, unless a signal
    // (Ctrl-C, or one before the quit) says to end at once.
    if looper.ending == Ending::Quit
        && let Some(signal) = wait_for_cache_writes(&looper.cache_writes, &events)
    {
        looper.ending = Ending::Signal(signal);
    }
    Ok(looper.ending)
}

/// Waits for the caches being written, saying so after a moment; a signal ends the wait and
/// is returned.
fn wait_for_cache_writes(writes: &CacheWrites, events: &Receiver<Event>) -> Option<i32> {
    let waiting = Instant::now();
    let mut told = false;
    let mut signalled = None;
    writes.wait_unless(|| {
        if !told && waiting.elapsed() >= CACHE_WAIT_NOTICE {
            eprintln!("moodwire: writing the library's cache (Ctrl-C skips it)");
            told = true;
        }
        if let Ok(Event::Signal(signal)) = events.try_recv() {
            signalled = Some(signal);
        }
        signalled.is_some()
    });
    signalled
}

/// In debug builds only, F12 panics when `MOODWIRE_TEST_PANIC` is set: the end-to-end tests
/// use it to prove that a panic inside the interface leaves the terminal usable. A release
/// build has no such key.
#[cfg(debug_assertions)]
fn panic_if_asked(input: &Input) {
    let is_f12 = matches!(input, Input::Key(key) if key.code == event::KeyCode::F(12));
    if is_f12 && std::env::var_os("MOODWIRE_TEST_PANIC").is_some() {
        panic!("F12 with MOODWIRE_TEST_PANIC set");
    }
}

struct Looper {
    /// The terminal, taken over.
    guard: Guard,
    app: App,
    plan: LoadPlan,
    sender: Sender<Event>,
    cache_writes: CacheWrites,
    saver: Option<MarksSaver>,
    /// Reads bodies and writes tags off the loop.
    worker: Worker,
    /// Where the search bar's queries are kept; `None` keeps them for the session only.
    history_file: Option<HistoryFile>,
    /// The programs that open links.
    opener: Opener,

    /// Lays articles out off the loop.
    layouts: Worker,
    /// Reads the text the preview shows; holding `j` asks for one per row, and only the
    /// latest is read.
    previews: Worker,
    /// True until the library's folders are watched, which starts once it is first loaded.
    watch_pending: bool,
    ending: Ending,
    /// How the fetch key fetches.
    fetch: FetchSetup,
}

impl Looper {
    /// Starts watching the folders once the first load is done: the system reports every file
    /// opened under a watched folder, and a first load opens them all.
    fn follow_changes_once_loaded(&mut self) {
        if self.watch_pending && !self.app.load.active {
            self.watch_pending = false;
            follow_changes(&self.plan.source, &self.sender);
        }
    }

    /// Reads from now on the configured folders that were not there when the reader
    /// started (a drive mounted since), watching them as the others are, and says so.
    fn take_arrived_folders(&mut self) {
        let arrived = self.plan.take_arrived();
        if arrived.is_empty() {
            return;
        }
        if let LibrarySource::Paths(roots) = &self.plan.source {
            self.app.roots = roots.clone();
        }
        self.app.source = self.plan.source.label();
        if self.plan.watch && !self.watch_pending {
            let arrived = LibrarySource::Paths(arrived.clone());
            follow_changes(&arrived, &self.sender);
        }
        let names: Vec<String> = arrived.iter().map(|p| display_path(p)).collect();
        self.app.notice = Some(format!("{}: there now, and read", names.join(", ")));
    }

    /// Applies one event; true when the screen may have changed.
    fn handle(&mut self, event: Event) -> io::Result<bool> {
        let action = match event {
            Event::Input(input) => {
                #[cfg(debug_assertions)]
                panic_if_asked(&input);
                // A reader left open past midnight: the query typed next counts relative
                // dates from the new day.
                let today = jiff::Zoned::now().date();
                if today != self.app.today {
                    self.dispatch(Action::NewDay(today))?;
                }
                match self.translate(input) {
                    Some(action) => action,
                    None => return Ok(false),
                }
            }
            Event::InputFailed(error) => return Err(error),
            Event::Action(action) => action,
            Event::Signal(SIGTSTP) => Action::Suspend,
            // Continued after a stop this loop did not ask for: the terminal may be anyhow.
            Event::Signal(SIGCONT) => {
                self.guard.resume()?;
                return Ok(true);
            }
            Event::Signal(signal) => {
                self.ending = Ending::Signal(signal);
                Action::Quit
            }
        };
        self.dispatch(action)?;
        Ok(true)
    }

    fn translate(&self, input: Input) -> Option<Action> {
        match input {
            Input::Key(key) => self.app.keys.action_for(self.app.mode(), key),
            Input::Mouse(mouse) => mouse_action(mouse),
            Input::Resize(width, height) => Some(Action::Resize { width, height }),
            _ => None,
        }
    }

    fn dispatch(&mut self, action: Action) -> io::Result<()> {
        for effect in update(&mut self.app, action) {
            self.perform(effect)?;
        }
        Ok(())
    }

    fn perform(&mut self, effect: Effect) -> io::Result<()> {
        let done = match effect {
            Effect::ReadBody(article) => {
                let reading = self.app.reading;
                self.worker.run(move || {
                    let body = Library::read_body_parts(&article, &reading);
                    let whole = body.as_ref().ok().and_then(|body| body.whole.clone());
                    Some(Action::BodyRead {
                        id: article.id,
                        body: body
                            .map(|body| body.main)
                            .map_err(|problem| problem.message),
                        whole,
                    })
                })
            }
            Effect::ReadPreview(article) => {
                let reading = self.app.reading;
                self.previews.run(move || {
                    let body = Library::read_body(&article, &reading);
                    Some(Action::PreviewRead {
                        id: article.id,
                        body: body.map_err(|problem| problem.message),
                    })
                })
            }
            Effect::LayOut(job) => self.layouts.run(move || Some(job.perform())),
            Effect::OpenUrl(url) => {
                open_in_browser(&self.opener, url, self.sender.clone());
                None
            }
            Effect::Copy(text) => {
                clipboard::copy(self.guard.terminal.backend_mut(), &text)?;
                None
            }
            Effect::Reload { generation } => {
                self.take_arrived_folders();
                start_loading(&self.plan, generation, &self.cache_writes, &self.sender);
                None
            }
            Effect::WriteTag(request) => self.worker.run(move || Some(writes::write_tag(request))),
            Effect::UndoTag(undo) => self.worker.run(move || Some(writes::undo_tag(undo))),
            Effect::SaveHistory(history) => {
                let file = self.history_file.clone();
                self.worker.run(move || {
                    let failed = file?.save(&history).err()?;
                    Some(Action::Notice(format!(
                        "search history not saved: {}",
                        crate::loader::describe_io_error(&failed)
                    )))
                })
            }
            Effect::SaveMarks(marks) => {
                if let Some(saver) = &self.saver {
                    saver.save(marks);
                }
                None
            }
            Effect::Suspend => {
                self.guard.suspend()?;
                None
            }
            Effect::Fetch => {
                let sender = self.sender.clone();
                fetching::spawn(&self.fetch, move |action| {
                    let _ = sender.send(Event::Action(action));
                });
                None
            }
        };
        match done {
            Some(action) => self.dispatch(action),
            None => Ok(()),
        }
    }
}

fn mouse_action(mouse: MouseEvent) -> Option<Action> {
    match mouse.kind {
        MouseEventKind::ScrollDown => Some(Action::Scroll(WHEEL_LINES)),
        MouseEventKind::ScrollUp => Some(Action::Scroll(-WHEEL_LINES)),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
            column: mouse.column,
            row: mouse.row,
        }),
        _ => None,
    }
}

/// Watches the library's folders, if it has any; a watch the system refuses is a notice, and
/// `r` still reloads.
fn follow_changes(source: &LibrarySource, sender: &Sender<Event>) {
    let LibrarySource::Paths(roots) = source else {
        return;
    };
    let changes = sender.clone();
    let failures = sender.clone();
    watch::watch(
        roots.clone(),
        move || changes.send(Event::Action(Action::LibraryChanged)).is_ok(),
        move |reason| {
            let _ = failures.send(Event::Action(Action::NotWatching(reason)));
        },
    );
}

fn start_loading(plan: &LoadPlan, generation: u64, writes: &CacheWrites, sender: &Sender<Event>) {
    let sender = sender.clone();
    loading::spawn(plan.clone(), generation, writes, move |action| {
        sender.send(Event::Action(action)).is_ok()
    });
}

/// Reads the terminal on a thread of its own, so that the loop waits on one channel.
fn read_input(sender: &Sender<Event>) -> io::Result<()> {
    let sender = sender.clone();
    thread::Builder::new()
        .name("moodwire-input".to_owned())
        .spawn(move || {
            loop {
                let sent = match event::read() {
                    Ok(input) => sender.send(Event::Input(input)),
                    Err(error) => {
                        let _ = sender.send(Event::InputFailed(error));
                        break;
                    }
                };
                if sent.is_err() {
                    break;
                }
            }
        })?;
    Ok(())
}

/// Starts the opener with `url` as one argument (never through a shell) and reports a failure
/// as a notice: a program that could not be started at once, or one that ended in failure.
fn open_in_browser(opener: &Opener, url: String, sender: Sender<Event>) {
    let notice = |text: String| Event::Action(Action::Notice(text));
    match opener.open(&url) {
        Err(error) => {
            let _ = sender.send(notice(error.to_string()));
        }
        // Waited for on a thread so that it is not left a zombie and a failure is told.
        Ok((program, mut child)) => {
            let _ = thread::Builder::new().spawn(move || {
                if let Ok(status) = child.wait()
                    && !status.success()
                {
                    let _ = sender.send(notice(format!("{program} could not open {url}")));
                }
            });
        }
    }
}
