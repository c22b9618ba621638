//! The event loop and the threads around it: the terminal, loading and watching the library,
//! saving the marks, and slow I/O. Each tells the loop what happened as an action.

mod clipboard;
pub mod fetching;
pub mod loading;
pub mod run;
mod saver;
mod terminal;
mod trace;
mod watch;
pub(crate) mod worker;
pub(crate) mod writes;
