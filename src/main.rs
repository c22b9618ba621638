//! The `moodwire` binary: everything happens in the library and the `cli` module.

#![forbid(unsafe_code)]

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
