//! `moodwire completions SHELL` and `moodwire man`, both generated from the command-line
//! definition so that they never fall behind it.

use std::io::{self, Write};

use clap::CommandFactory;

use super::args::Cli;

pub fn completions(shell: clap_complete::Shell) -> io::Result<()> {
    let mut command = Cli::command();
    let mut out = io::stdout().lock();
    clap_complete::generate(shell, &mut command, "moodwire", &mut out);
    out.flush()
}

pub fn man() -> io::Result<()> {
    let mut out = io::stdout().lock();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    out.flush()
}
