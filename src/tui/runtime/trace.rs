//! Optional timing log for measuring the reader: with `MOODWIRE_TRACE_TIMING=FILE`, the time
//! from start to the first frame, to the complete library, and how long each event took to
//! apply and draw are appended to FILE, one line each.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::time::{Duration, Instant};

use crate::tui::model::app::App;

pub struct Trace {
    file: Option<File>,
    started: Instant,
    loaded: bool,
}

impl Trace {
    pub fn from_env(started: Instant) -> Trace {
        let file = std::env::var_os("MOODWIRE_TRACE_TIMING")
            .and_then(|path| OpenOptions::new().create(true).append(true).open(path).ok());
        Trace {
            file,
            started,
            loaded: false,
        }
    }

    pub fn first_frame(&mut self) {
        let since = self.started.elapsed();
        self.line(format_args!("first-frame {:.3} ms", ms(since)));
    }

    /// After each batch of events: how long updating took and updating plus drawing.
    pub fn event(&mut self, app: &App, updated: Duration, drawn: Duration) {
        if self.file.is_none() {
            return;
        }
        if !self.loaded && !app.load.active {
            self.loaded = true;
            let since = self.started.elapsed();
            self.line(format_args!(
                "loaded {:.3} ms articles {}",
                ms(since),
                app.total()
            ));
        }
        self.line(format_args!(
            "event update {:.3} ms frame {:.3} ms shown {} loading {}",
            ms(updated),
            ms(drawn),
            app.shown(),
            app.load.active
        ));
    }

    fn line(&mut self, text: std::fmt::Arguments) {
        if let Some(file) = &mut self.file {
            let _ = writeln!(file, "{text}");
        }
    }
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
