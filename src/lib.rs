#![forbid(unsafe_code)]
pub mod article;
pub mod date;
pub mod frontmatter;
pub mod limits;
pub mod parse;
pub mod sanitize;
pub mod title;
