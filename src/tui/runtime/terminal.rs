//! Taking the terminal over and giving it back, in one place: on quit, on error (the guard's
//! `Drop`), on panic (a hook), on SIGTERM, SIGINT and SIGHUP (a thread that turns them into
//! messages for the event loop, which then leaves as it does on quit), and around a suspension
//! (Ctrl-z or SIGTSTP gives the terminal back and stops; SIGCONT takes it over again).

use std::io::{self, Stdout, stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

pub type Screen = Terminal<CrosstermBackend<Stdout>>;

/// The terminal in raw mode on the alternate screen; restored when dropped.
pub struct Guard {
    pub terminal: Screen,
}

impl Guard {
    pub fn enter() -> io::Result<Guard> {
        install_panic_hook();
        take_over()?;
        match Terminal::new(CrosstermBackend::new(stdout())) {
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

    /// Gives the terminal back and stops the process, as a shell's job control expects of
    /// Ctrl-z; once continued (`fg`), takes the terminal over again. The caller draws the
    /// whole screen anew.
    pub fn suspend(&mut self) -> io::Result<()> {
        restore();
        stop_job()?;
        self.resume()
    }

    /// Takes the terminal over again after the process was continued, whatever stopped it:
    /// raw mode, the alternate screen and the hidden cursor, and a cleared screen, so that the
    /// next frame is drawn whole.
    pub fn resume(&mut self) -> io::Result<()> {
        if !TAKEN_OVER.load(Ordering::SeqCst) {
            take_over()?;
        }
        self.terminal.hide_cursor()?;
        // Not `Terminal::clear`, which asks the terminal where its cursor is: the input thread
        // is reading the terminal, and the answer would never reach this one.
        execute!(stdout(), Clear(ClearType::All))?;
        // Both buffers blank: the next frame is compared with nothing and drawn whole.
        self.terminal.swap_buffers();
        self.terminal.swap_buffers();
        Ok(())
    }
}

/// Raw mode, the alternate screen and the mouse; undone if any of it fails.
fn take_over() -> io::Result<()> {
    enable_raw_mode()?;
    TAKEN_OVER.store(true, Ordering::SeqCst);
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture).inspect_err(|_| restore())
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

/// Calls `on_signal` with each SIGTERM, SIGINT, SIGHUP, SIGTSTP or SIGCONT received, on a
/// thread of its own. In raw mode Ctrl-c and Ctrl-z arrive as keys, not as SIGINT and SIGTSTP;
/// those come from `kill`. Catching SIGTSTP keeps the process from stopping before it has
/// given the terminal back.
pub fn watch_signals(mut on_signal: impl FnMut(i32) + Send + 'static) -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGINT, SIGHUP, SIGTSTP, SIGCONT])?;
    thread::Builder::new()
        .name("moodwire-signals".to_owned())
        .spawn(move || {
            for signal in signals.forever() {
                on_signal(signal);
            }
        })?;
    Ok(())
}

/// Stops the job the reader runs in, as the terminal's Ctrl-z would have had raw mode not
/// taken the key: the whole process group, so that a script that started the reader stops
/// with it and the shell gets its prompt back (`fg` continues them all). With `SIGSTOP`,
/// which no process catches: `SIGTSTP` would come back to the reader's own handler.
#[cfg(target_os = "linux")]
fn stop_job() -> io::Result<()> {
    rustix::process::kill_current_process_group(rustix::process::Signal::STOP)?;
    Ok(())
}

/// Stops the reader alone where the process group cannot be stopped without unsafe code.
#[cfg(not(target_os = "linux"))]
fn stop_job() -> io::Result<()> {
    signal_hook::low_level::emulate_default_handler(SIGTSTP)
}
