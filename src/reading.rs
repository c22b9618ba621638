//! How article files are read: the bounds that keep a hostile file cheap, and the sentiment
//! scale that puts scores into buckets. One value, resolved from the configuration once and
//! handed down to everything that reads a file, so that reading depends on nothing hidden.

use crate::article::Scale;
use crate::limits::Limits;

/// Everything that decides what a file reads as.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Reading {
    /// The bounds on what one file may make the reader do.
    pub limits: Limits,
    /// Where scores are cut into buckets.
    pub scale: Scale,
}
