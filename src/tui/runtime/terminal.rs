//! Taking the terminal over and giving it back, in one place: on quit, on error (the guard's
//! `Drop`), on panic (a hook) and on SIGTERM, SIGINT and SIGHUP (a thread that turns them into
//! messages for the event loop, which then leaves as it does on quit).

use std::io::{self, Stdout, stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

pub type Screen = Terminal<CrosstermBackend<Stdout>>;

/// The terminal in raw mode on the alternate screen; restored when dropped.
pub struct Guard {
    pub terminal: Screen,
}

impl Guard {
    pub fn enter() -> io::Result<Guard> {
        install_panic_hook();
        enable_raw_mode()?;
        TAKEN_OVER.store(true, Ordering::SeqCst);
        // From here on the guard exists in spirit: undo what was done if the rest fails.
        let entered = execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)
            .and_then(|()| Terminal::new(CrosstermBackend::new(stdout())));
        match entered {
            Ok(mut terminal) => {
                terminal.hide_cursor()?;
                terminal.clear()?;
                Ok(Guard { terminal })
            }
            Err(error) => {
                restore();
                Err(error)
            }
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Whether the terminal is in raw mode on the alternate screen, so that it is given back once:
/// leaving the alternate screen a second time would move the cursor back over whatever was
/// printed since, such as a panic's message.
static TAKEN_OVER: AtomicBool = AtomicBool::new(false);

/// Puts the terminal back as it was. Safe to call more than once; errors are ignored because
/// there is nowhere left to report them, and each step is tried regardless.
pub fn restore() {
    if !TAKEN_OVER.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), DisableMouseCapture, LeaveAlternateScreen, Show);
}

/// Restores the terminal before the panic message is printed, so that it can be read.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Calls `on_signal` with each SIGTERM, SIGINT or SIGHUP received, on a thread of its own.
/// In raw mode Ctrl-c arrives as a key, not as SIGINT; a SIGINT comes from `kill`.
pub fn watch_signals(mut on_signal: impl FnMut(i32) + Send + 'static) -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGINT, SIGHUP])?;
    thread::Builder::new()
        .name("moodwire-signals".to_owned())
        .spawn(move || {
            for signal in signals.forever() {
                on_signal(signal);
            }
        })?;
    Ok(())
}
