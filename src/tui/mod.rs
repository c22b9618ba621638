//! The interactive reader, in The Elm Architecture: one model (`app::App`), the things that
//! can happen to it (`action::Action`), one function that applies them (`update::update`) and
//! hands back I/O to do (`action::Effect`), and views that only read the model (`ui`). The
//! event loop in [`run`] ties them to the terminal; the library loads on a thread that streams
//! articles in.

mod action;
mod app;
mod dashboard;
mod default_keys;
pub mod keymap;
mod keys;
mod loading;
mod picker;
mod reader;
mod run;
mod saver;
mod tagging;
mod terminal;
mod theme;
mod trace;
mod ui;
mod update;
mod watch;
mod worker;
mod writes;

#[cfg(test)]
mod tests;

pub use loading::LoadPlan;
pub use run::{Ending, Settings, run};
