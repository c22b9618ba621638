//! Driving the reader in a real terminal: tmux runs the binary in a detached session of a fixed
//! size, `send-keys` types and `capture-pane` reads the screen. Every wait polls the screen
//! until the expected text appears, with a deadline, never a fixed sleep.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A tmux server of our own (its own socket) holding one session; killed when dropped, so a
/// failing test leaves nothing running.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Runs `command` in `dir` on a `width` x `height` terminal; after it ends the pane shows
    /// `EXIT=` and its status. `None` when tmux is not installed.
    pub fn start(name: &str, width: u16, height: u16, dir: &Path, command: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            return None;
        }
        let tmux = Tmux {
            socket: format!("moodwire-test-{}-{name}", std::process::id()),
        };
        let script = format!(
            "cd {} && {command}; echo EXIT=$?; sleep 600",
            shell_quote(&dir.display().to_string())
        );
        let output = tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            &script,
        ]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        Some(tmux)
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("tmux runs")
    }

    /// Types `text` as it is.
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "t", "-l", text]);
    }

    /// Presses keys by tmux's names: `Enter`, `Escape`, `q`.
    pub fn press(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend(keys);
        self.run(&args);
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    /// Waits until the screen satisfies `ready`, and returns it.
    pub fn wait(&self, what: &str, deadline: Duration, ready: impl Fn(&str) -> bool) -> String {
        let started = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                started.elapsed() < deadline,
                "waited {deadline:?} for {what}; the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn wait_for(&self, text: &str) -> String {
        self.wait(text, Duration::from_secs(20), |screen| {
            screen.contains(text)
        })
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

pub fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// The reader with `args`, its cache, marks and configuration folder all under `state`, so
/// that a test never sees the user's (or another test's) settings and marks.
pub fn reader_command(args: &str, state: &Path) -> String {
    let under = |name: &str| shell_quote(&state.join(name).display().to_string());
    format!(
        "env -u MOODWIRE_CONFIG MOODWIRE_CACHE_DIR={} MOODWIRE_DATA_DIR={} XDG_CONFIG_HOME={} {} {args}",
        shell_quote(&state.display().to_string()),
        under("data"),
        under("config"),
        shell_quote(env!("CARGO_BIN_EXE_moodwire"))
    )
}

pub fn skip() {
    eprintln!(
        "tmux is not installed: the end-to-end test of the reader is skipped (.ci/run installs it)"
    );
}
