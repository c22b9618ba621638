//! The bounds on what one fetch may cost.

use std::time::Duration;

/// How long a fetch may take and how much it may bring; each is a setting (`fetch:` in the
/// configuration).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WebLimits {
    /// To connect to a site (resolving its name, TLS included).
    pub connect_timeout: Duration,
    /// For the whole fetch, redirects and the body included.
    pub timeout: Duration,
    /// The largest reply read, in bytes, after gzip is undone; a larger one is refused.
    pub max_bytes: u64,
}

impl Default for WebLimits {
    fn default() -> Self {
        WebLimits {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(60),
            max_bytes: 20 * 1024 * 1024,
        }
    }
}
