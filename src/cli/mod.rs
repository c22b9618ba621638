//! The `moodwire` command line: parse arguments, run one command, map the outcome to an exit
//! code. Errors are printed once, here.

mod args;
mod check;
mod config;
mod feeds;
mod fetch;
mod filter;
mod import;
mod json;
mod list;
mod manual;
mod news;
mod output;
mod progress;
mod settings;
mod shell;
mod show;
mod source;
mod stats;
mod style;
mod table;
mod tag;

use std::io::{self, IsTerminal};
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

use moodwire::config::Config;
use moodwire::history::HistoryFile;
use moodwire::marks::store::MarksFile;
use moodwire::opener::Opener;
use moodwire::render::Look;
use moodwire::tui::keys::Keymap;
use moodwire::tui::{self, Ending, FetchSetup, LoadPlan, Settings};

use args::{CacheArgs, Cli, Command};
use output::Output;

/// Exit code when `check` found a file that could not be loaded, `tag` could not tag one, or
/// `import` or `fetch` could not read a source or write an item.
const PROBLEMS_FOUND: u8 = 1;
/// Exit code for usage and configuration errors, as clap uses for bad arguments.
const USAGE_ERROR: u8 = 2;

pub fn main() -> ExitCode {
    let started = Instant::now();
    let cli = Cli::parse();
    let explicit = cli.config.as_deref();
    // These work whatever the configuration says, so that a broken one can be found and
    // replaced.
    let early = match &cli.command {
        Some(Command::Config(args)) => Some(config::run(&args.action, explicit)),
        Some(Command::Completions(args)) => {
            Some(shell::completions(args.shell).map_err(Into::into))
        }
        Some(Command::Man) => Some(manual::man().map_err(Into::into)),
        _ => None,
    };
    if let Some(result) = early {
        return finish(result.map(|()| ExitCode::SUCCESS));
    }
    let settings::Settings {
        config,
        keys,
        warnings,
    } = match settings::load(explicit) {
        Ok(loaded) => loaded,
        Err(error) => {
            eprintln!("moodwire: {error}");
            return ExitCode::from(USAGE_ERROR);
        }
    };
    let output = Output::detect(&config);
    let result = match &cli.command {
        Some(Command::List(args)) => list::run(args, &config, &output).map(|()| ExitCode::SUCCESS),
        Some(Command::Show(args)) => show::run(args, &config, &output).map(|()| ExitCode::SUCCESS),
        Some(Command::Stats(args)) => {
            stats::run(args, &config, &output).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Check(args)) => check::run(args, &config).map(problems_code),
        Some(Command::Tag(args)) => tag::run(args, &config).map(problems_code),
        Some(Command::Import(args)) => import::run(args, &config).map(problems_code),
        Some(Command::Feeds(args)) => {
            feeds::run(&args.action, explicit).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Fetch(args)) => fetch::run(args, &config, explicit).map(problems_code),
        Some(Command::Config(_) | Command::Completions(_) | Command::Man) => Ok(ExitCode::SUCCESS),
        None => open_reader(&cli, config, keys, warnings, started),
    };
    finish(result)
}

/// The exit code of a command's outcome, with its error printed once.
fn finish(result: anyhow::Result<ExitCode>) -> ExitCode {
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
fn open_reader(
    cli: &Cli,
    config: Config,
    keys: Keymap,
    mut warnings: Vec<String>,
    started: Instant,
) -> anyhow::Result<ExitCode> {
    // A missing path is the more useful thing to hear about, terminal or not.
    let (source, missing) = source::resolve(&cli.paths, &config.library)?;
    warnings.extend(missing);
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        eprintln!(
            "moodwire: the reader needs a terminal; `moodwire list` prints the articles instead"
        );
        return Ok(ExitCode::from(USAGE_ERROR));
    }
    let plan = LoadPlan {
        source,
        cache: source::cache_store(CacheArgs { no_cache: false }),
        reading: config.reading(),
        watch: !cli.no_watch,
        configured: match cli.paths.is_empty() {
            true => config.library.clone(),
            false => Vec::new(),
        },
    };
    let marks = MarksFile::user();
    let history_file = marks.as_ref().map(|file| HistoryFile::beside(file.path()));
    let history = history_file
        .as_ref()
        .map(HistoryFile::open)
        .unwrap_or_default();
    // New articles go where `fetch` puts them; with neither `import_into` nor `library`
    // configured, into the first folder the reader shows, so that they appear in it.
    let writing = args::WritingArgs {
        into: (config.import_into.is_none() && config.library.is_empty())
            .then(|| cli.paths.first().filter(|p| p.is_dir()).cloned())
            .flatten(),
        ..Default::default()
    };
    let fetch = match news::fetch_plan(&writing, &config, cli.config.as_deref()) {
        Ok(plan) => FetchSetup::Ready(Box::new(plan)),
        Err(error) => FetchSetup::Unavailable(error.to_string()),
    };
    let settings = Settings {
        keys,
        order: config.sort,
        marks,
        warnings,
        look: Look::of(&config),
        saved: config.queries.clone(),
        history_file,
        history,
        opener: Opener::new(std::env::var("BROWSER").ok().as_deref(), &config.browser),
        fetch,
    };
    match tui::run(plan, settings, started)? {
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
