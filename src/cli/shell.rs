//! `moodwire completions SHELL`, generated from the command-line definition so that it never
//! falls behind it.

use std::io::{self, Write};

use clap::CommandFactory;

use super::args::Cli;

pub fn completions(shell: clap_complete::Shell) -> io::Result<()> {
    let mut command = Cli::command();
    let mut out = io::stdout().lock();
    clap_complete::generate(shell, &mut command, "moodwire", &mut out);
    out.flush()
}
