//! The `moodwire` command line: parse arguments, run one command, map the outcome to an exit
//! code. Errors are printed once, here.

mod args;
mod check;
mod filter;
mod json;
mod list;
mod output;
mod show;
mod source;
mod stats;
mod style;
mod table;
mod tag;

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

use moodwire::limits::Limits;

use moodwire::tui::{self, Ending, LoadPlan};

use args::{CacheArgs, Cli, Command};
use output::Output;

/// Exit code when `check` found a file that could not be loaded, or `tag` could not tag one.
const PROBLEMS_FOUND: u8 = 1;
/// Exit code for usage and configuration errors, as clap uses for bad arguments.
const USAGE_ERROR: u8 = 2;

pub fn main() -> ExitCode {
    let started = Instant::now();
    let cli = Cli::parse();
    let output = Output::detect();
    let limits = Limits::default();
    let result = match &cli.command {
        Some(Command::List(args)) => list::run(args, &limits, &output).map(|()| ExitCode::SUCCESS),
        Some(Command::Show(args)) => show::run(args, &limits, &output).map(|()| ExitCode::SUCCESS),
        Some(Command::Stats(args)) => {
            stats::run(args, &limits, &output).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Check(args)) => check::run(args, &limits).map(problems_code),
        Some(Command::Tag(args)) => tag::run(args, &limits).map(problems_code),
        None => open_reader(cli.paths, &limits, started),
    };
    match result {
        Ok(code) => code,
        // A reader such as `head` closed the pipe: the output was wanted no further.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("moodwire: {error:#}");
            ExitCode::from(USAGE_ERROR)
        }
    }
}

fn problems_code(found: bool) -> ExitCode {
    match found {
        true => ExitCode::from(PROBLEMS_FOUND),
        false => ExitCode::SUCCESS,
    }
}

/// `moodwire [PATH...]`: the interactive reader, which needs a terminal on both ends.
fn open_reader(paths: Vec<PathBuf>, limits: &Limits, started: Instant) -> anyhow::Result<ExitCode> {
    // A missing path is the more useful thing to hear about, terminal or not.
    let source = source::resolve(&paths)?;
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        eprintln!(
            "moodwire: the reader needs a terminal; `moodwire list` prints the articles instead"
        );
        return Ok(ExitCode::from(USAGE_ERROR));
    }
    let plan = LoadPlan {
        source,
        cache: source::cache_store(CacheArgs { no_cache: false }),
        limits: *limits,
    };
    match tui::run(plan, started)? {
        Ending::Quit => Ok(ExitCode::SUCCESS),
        // As a shell reports a process ended by a signal.
        Ending::Signal(signal) => Ok(ExitCode::from(128u8.saturating_add(signal as u8))),
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        let kind = cause
            .downcast_ref::<io::Error>()
            .map(io::Error::kind)
            .or_else(|| {
                cause
                    .downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            });
        kind == Some(io::ErrorKind::BrokenPipe)
    })
}
