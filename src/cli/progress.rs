//! A progress bar on stderr while sources are read, when stderr is a terminal; nothing at all
//! when it is not, so that a script sees the summary alone.

use std::io::{IsTerminal, Write};

use moodwire::import::Event;
use moodwire::loader::display_path;

/// Columns of the bar itself.
const WIDTH: usize = 24;

/// Draws the bar as an import tells how it goes.
pub struct Progress {
    on_terminal: bool,
    total: usize,
    done: usize,
    what: &'static str,
    drawn: bool,
}

impl Progress {
    /// A bar counting `what` (`feeds`, `sources`), drawn only if stderr is a terminal.
    pub fn new(what: &'static str) -> Progress {
        Progress {
            on_terminal: std::io::stderr().is_terminal(),
            total: 0,
            done: 0,
            what,
            drawn: false,
        }
    }

    /// Takes one event.
    pub fn event(&mut self, event: Event) {
        match event {
            Event::Waiting(lock) => {
                self.clear();
                eprintln!(
                    "moodwire: another import is running (it holds {}); waiting for it",
                    display_path(lock)
                );
            }
            Event::Total(total) => self.total = total,
            Event::Done(_, done) => self.done = done,
        }
        self.draw();
    }

    fn draw(&mut self) {
        if !self.on_terminal || self.total == 0 {
            return;
        }
        let filled = WIDTH * self.done.min(self.total) / self.total;
        let bar = format!("{}{}", "#".repeat(filled), "-".repeat(WIDTH - filled));
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r\x1b[2K[{bar}] {}/{} {}",
            self.done, self.total, self.what
        );
        let _ = err.flush();
        self.drawn = true;
    }

    /// Takes the bar off the screen, before lines are printed.
    pub fn clear(&mut self) {
        if self.drawn {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
            self.drawn = false;
        }
    }
}
