//! The interactive reader, in The Elm Architecture, one folder per role:
//!
//! - `model`: the state (`App`), everything that can happen to it (`Action`) and the I/O it
//!   asks for (`Effect`);
//! - [`keys`]: which key means which action on each screen, with the words the help uses;
//! - `update`: the only function that changes the model, one file per screen;
//! - `ui`: views that only read the model, one region of the screen per file;
//! - `runtime`: the event loop that ties them to the terminal, and the threads that load the
//!   library, watch its folders, save the marks and do slow I/O, each answering with actions.

pub mod keys;
pub(crate) mod model;
pub(crate) mod runtime;
mod ui;
mod update;

#[cfg(test)]
mod tests;

pub use runtime::fetching::FetchSetup;
pub use runtime::loading::LoadPlan;
pub use runtime::run::{Ending, Settings, run};
