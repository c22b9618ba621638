//! The reader's model: the state, the actions that change it, and what each screen holds.

pub mod action;
pub mod app;
pub mod layout;
pub mod links;
pub mod picker;
pub mod preview;
pub mod reader;
pub mod search;
pub mod stats;
pub mod tagging;
