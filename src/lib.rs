#![forbid(unsafe_code)]
pub mod article;
pub mod date;
pub mod frontmatter;
pub mod library;
pub mod limits;
pub mod loader;
pub mod parse;
pub mod query;
pub mod render;
pub mod samples;
pub mod sanitize;
pub mod title;
