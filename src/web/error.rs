//! Why a fetch failed, in a line that says which limit or which rule stopped it.

use std::time::Duration;

use super::{MAX_REDIRECTS, WebLimits, seconds, size_text};

/// Why a fetch brought nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebError {
    /// The address is not one that is fetched.
    #[error("{reason}")]
    Address {
        /// Why, in a few words.
        reason: String,
    },
    /// A redirect led to another scheme than http or https.
    #[error("a redirect leads to {to}, which is not http or https; not followed")]
    RedirectScheme {
        /// Where it led, safe to print.
        to: String,
    },
    /// Redirects went on past [`MAX_REDIRECTS`].
    #[error("more than {MAX_REDIRECTS} redirects; given up")]
    TooManyRedirects,
    /// The reply is larger than the limit.
    #[error("the reply is larger than {} (fetch.max_bytes); not read further", size_text(*.limit))]
    TooBig {
        /// The limit, in bytes.
        limit: u64,
    },
    /// A time limit passed.
    #[error("{}", timeout_text(*.limit, *.connecting))]
    Timeout {
        /// The limit that passed.
        limit: Duration,
        /// True when it was the limit to connect.
        connecting: bool,
    },
    /// The server answered with an error.
    #[error("the server answered {code} {reason}")]
    Status {
        /// The status code.
        code: u16,
        /// Its reason phrase.
        reason: String,
    },
    /// The site could not be reached or the exchange broke off.
    #[error("{0}")]
    Network(String),
}

fn timeout_text(limit: Duration, connecting: bool) -> String {
    match connecting {
        true => format!(
            "could not connect within {} (fetch.connect_timeout)",
            seconds(limit)
        ),
        false => format!(
            "no complete answer within {} (fetch.timeout)",
            seconds(limit)
        ),
    }
}

impl WebError {
    pub(super) fn from_ureq(error: ureq::Error, limits: &WebLimits) -> WebError {
        use ureq::Error as E;
        use ureq::Timeout as T;
        match error {
            E::Timeout(T::Connect | T::Resolve) => WebError::Timeout {
                limit: limits.connect_timeout,
                connecting: true,
            },
            E::Timeout(_) => WebError::Timeout {
                limit: limits.timeout,
                connecting: false,
            },
            E::HostNotFound => WebError::Network("the site's name is not found".to_owned()),
            E::ConnectionFailed => WebError::Network("could not connect to the site".to_owned()),
            E::BodyExceedsLimit(_) => WebError::TooBig {
                limit: limits.max_bytes,
            },
            E::TooManyRedirects => WebError::TooManyRedirects,
            E::Io(error) => WebError::from_io(error, limits),
            other => WebError::Network(crate::sanitize::sanitize_line(&other.to_string())),
        }
    }

    pub(super) fn from_io(error: std::io::Error, limits: &WebLimits) -> WebError {
        // ureq hands its own errors (a timeout while the body is read) back inside io errors.
        let inner = error
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<ureq::Error>());
        if let Some(ureq::Error::Timeout(_)) = inner {
            return WebError::Timeout {
                limit: limits.timeout,
                connecting: false,
            };
        }
        match error.kind() {
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => WebError::Timeout {
                limit: limits.timeout,
                connecting: false,
            },
            std::io::ErrorKind::ConnectionRefused => {
                WebError::Network("the site refused the connection".to_owned())
            }
            _ => WebError::Network(crate::loader::describe_io_error(&error)),
        }
    }
}
