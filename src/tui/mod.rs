//! The interactive reader, in The Elm Architecture: one model ([`App`]), the things that can
//! happen to it ([`Action`]), one function that applies them ([`update`]) and hands back I/O
//! to do ([`Effect`]), and views that only read the model ([`ui`]). The event loop in [`run`]
//! ties them to the terminal; the library loads on a thread that streams articles in.

pub mod action;
pub mod app;
pub mod catalog;
pub mod dashboard;
pub mod keymap;
pub mod loading;
pub mod picker;
pub mod reader;
mod run;
mod terminal;
pub mod theme;
mod trace;
pub mod ui;
pub mod update;

#[cfg(test)]
mod tests;

pub use action::{Action, Effect, LoadMessage};
pub use app::App;
pub use loading::{LibrarySource, LoadPlan};
pub use run::{Ending, run};
pub use update::update;
