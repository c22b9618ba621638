//! Fetching feeds and pages from a web that may be hostile.
//!
//! Only `http` and `https` addresses are fetched, at every step: redirects are followed here,
//! one at a time (at most [`MAX_REDIRECTS`]), so that one to `file:` or any other scheme is
//! refused before anything is opened. Each fetch has a time limit to connect and one for the
//! whole of it, redirects and body included, and a reply (after gzip is undone) is read no
//! further than its size limit. The client names itself ([`user_agent`]) and sends the
//! validators of an earlier reply, so that a feed that has not changed costs one small reply.
//!
//! Proxies: none, unless the environment names one (`ALL_PROXY`, `HTTPS_PROXY`,
//! `HTTP_PROXY`, with `NO_PROXY`, in either case, as curl reads them); this machine's own
//! addresses (`localhost`, `127.0.0.0/8`, `::1`) are never fetched through one.

mod error;
mod limits;

use std::io::Read;
use std::time::{Duration, Instant};

use ureq::Agent;
use url::Url;

pub use error::WebError;
pub use limits::WebLimits;

/// The project's home, which the client names in every request; one place to change it.
pub const PROJECT_URL: &str = "https://example.org/moodwire";

/// Redirects followed before a fetch is given up.
pub const MAX_REDIRECTS: usize = 5;

/// What the client calls itself: `moodwire/0.1.0 (+https://example.org/moodwire)`.
pub fn user_agent() -> String {
    format!("moodwire/{} (+{PROJECT_URL})", env!("CARGO_PKG_VERSION"))
}

/// What the client asks for: feeds first, pages next, anything last.
const ACCEPT: &str = "application/rss+xml, application/atom+xml, application/feed+json, \
     application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, \
     application/json;q=0.8, text/html;q=0.7, */*;q=0.5";

/// What an earlier reply said of its version, sent back to ask for a newer one only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// Its `ETag`, exactly as received.
    pub etag: Option<String>,
    /// Its `Last-Modified`, exactly as received.
    pub last_modified: Option<String>,
}

/// A reply with a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The body, as received (gzip undone).
    pub bytes: Vec<u8>,
    /// The address that answered, after redirects: relative links are read against it.
    pub address: String,
    /// Its `Content-Type`, if it gave one.
    pub content_type: Option<String>,
    /// Its validators, for the next fetch.
    pub validators: Validators,
}

/// What a fetch brought.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// A new body.
    Fresh(Fetched),
    /// Nothing changed since the validators sent.
    NotModified,
}

/// An HTTP client with the limits it fetches within. Cheap to share between threads: one
/// connection pool serves all of them.
#[derive(Debug, Clone)]
pub struct Client {
    agent: Agent,
    limits: WebLimits,
}

impl Client {
    /// A client fetching within `limits`.
    pub fn new(limits: WebLimits) -> Client {
        let agent: Agent = Agent::config_builder()
            .user_agent(user_agent())
            .accept(ACCEPT)
            // Followed here, where each hop's scheme is checked.
            .max_redirects(0)
            .http_status_as_error(false)
            .timeout_connect(Some(limits.connect_timeout))
            .timeout_global(Some(limits.timeout))
            .build()
            .into();
        Client { agent, limits }
    }

    /// The limits it fetches within.
    pub fn limits(&self) -> WebLimits {
        self.limits
    }

    /// Fetches `address`, sending `validators` to ask for a newer version only.
    pub fn get(&self, address: &str, validators: &Validators) -> Result<Reply, WebError> {
        let started = Instant::now();
        let mut url = web_url(address).map_err(|reason| WebError::Address { reason })?;
        for _hop in 0..=MAX_REDIRECTS {
            let remaining = self
                .limits
                .timeout
                .checked_sub(started.elapsed())
                .filter(|left| !left.is_zero())
                .ok_or(WebError::Timeout {
                    limit: self.limits.timeout,
                    connecting: false,
                })?;
            let mut request = self
                .agent
                .get(url.as_str())
                .config()
                .timeout_global(Some(remaining));
            if is_loopback(&url) {
                request = request.proxy(None);
            }
            let mut request = request.build();
            if let Some(etag) = &validators.etag {
                request = request.header("If-None-Match", etag.as_str());
            }
            if let Some(modified) = &validators.last_modified {
                request = request.header("If-Modified-Since", modified.as_str());
            }
            let mut response = request
                .call()
                .map_err(|e| WebError::from_ureq(e, &self.limits))?;
            let status = response.status().as_u16();
            if status == 304 {
                return Ok(Reply::NotModified);
            }
            if (300..400).contains(&status) {
                let location = header(&response, "location").ok_or(WebError::Status {
                    code: status,
                    reason: "a redirect without a Location".to_owned(),
                })?;
                url = redirect(&url, &location)?;
                continue;
            }
            if !(200..300).contains(&status) {
                let reason = response
                    .status()
                    .canonical_reason()
                    .unwrap_or("")
                    .to_owned();
                return Err(WebError::Status {
                    code: status,
                    reason,
                });
            }
            let declared: Option<u64> =
                header(&response, "content-length").and_then(|l| l.parse().ok());
            if declared.is_some_and(|length| length > self.limits.max_bytes) {
                return Err(WebError::TooBig {
                    limit: self.limits.max_bytes,
                });
            }
            let fetched = Fetched {
                address: url.to_string(),
                content_type: header(&response, "content-type"),
                validators: Validators {
                    etag: header(&response, "etag"),
                    last_modified: header(&response, "last-modified"),
                },
                bytes: Vec::new(),
            };
            let mut bytes = Vec::new();
            response
                .body_mut()
                .as_reader()
                .take(self.limits.max_bytes.saturating_add(1))
                .read_to_end(&mut bytes)
                .map_err(|e| WebError::from_io(e, &self.limits))?;
            if bytes.len() as u64 > self.limits.max_bytes {
                return Err(WebError::TooBig {
                    limit: self.limits.max_bytes,
                });
            }
            return Ok(Reply::Fresh(Fetched { bytes, ..fetched }));
        }
        Err(WebError::TooManyRedirects)
    }
}

/// `text` as an address to fetch: http or https only.
pub fn web_url(text: &str) -> Result<Url, String> {
    let text = text.trim();
    let url = Url::parse(text).map_err(|error| format!("not a web address ({error})"))?;
    match url.scheme() {
        "http" | "https" if url.host_str().is_some_and(|h| !h.is_empty()) => Ok(url),
        "http" | "https" => Err("the address names no site".to_owned()),
        scheme => Err(format!(
            "only http and https addresses are fetched, not {}:",
            crate::sanitize::sanitize_line(scheme)
        )),
    }
}

/// Where a redirect from `from` to `location` leads, refused unless it is http or https.
fn redirect(from: &Url, location: &str) -> Result<Url, WebError> {
    let to = from
        .join(location.trim())
        .map_err(|error| WebError::Address {
            reason: format!("a redirect to an address that does not read ({error})"),
        })?;
    match to.scheme() {
        "http" | "https" => Ok(to),
        _ => Err(WebError::RedirectScheme {
            to: crate::sanitize::sanitize_line(to.as_str()),
        }),
    }
}

/// A header's value as text, if it is text.
fn header(response: &ureq::http::Response<ureq::Body>, name: &str) -> Option<String> {
    let value = response.headers().get(name)?.to_str().ok()?;
    (!value.trim().is_empty()).then(|| value.trim().to_owned())
}

/// True for this machine's own addresses, which no proxy should see.
fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// A byte count for people: `20 MiB`, `1.5 MiB`, `512 bytes`.
pub(crate) fn size_text(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * KIB;
    match bytes {
        b if b >= MIB && b % MIB == 0 => format!("{} MiB", b / MIB),
        b if b >= MIB => format!("{:.1} MiB", b as f64 / MIB as f64),
        b if b >= KIB => format!("{:.1} KiB", b as f64 / KIB as f64),
        b => format!("{b} bytes"),
    }
}

/// Seconds for people: `10 s`, `1.5 s`.
fn seconds(duration: Duration) -> String {
    let seconds = duration.as_secs_f64();
    match seconds.fract() == 0.0 {
        true => format!("{seconds:.0} s"),
        false => format!("{seconds:.1} s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_fetched_and_followed() {
        assert!(web_url("https://example.com/feed").is_ok());
        for text in [
            "file:///etc/passwd",
            "ftp://e.com/x",
            "javascript:x",
            "e.com/feed",
            "http://",
        ] {
            assert!(web_url(text).is_err(), "{text}");
        }
        let from = Url::parse("https://e.com/a/b").unwrap();
        assert_eq!(redirect(&from, "../c").unwrap().as_str(), "https://e.com/c");
        assert_eq!(
            redirect(&from, "http://x.org/").unwrap().as_str(),
            "http://x.org/"
        );
        let refused = redirect(&from, "file:///etc/passwd").unwrap_err();
        assert_eq!(
            refused.to_string(),
            "a redirect leads to file:///etc/passwd, which is not http or https; not followed"
        );
    }

    #[test]
    fn the_client_names_itself_and_the_project() {
        let agent = user_agent();
        assert!(agent.starts_with(concat!("moodwire/", env!("CARGO_PKG_VERSION"), " (+")));
        assert!(agent.contains(PROJECT_URL));
    }

    #[test]
    fn loopback_addresses_are_known() {
        for (text, loopback) in [
            ("http://127.0.0.1:8000/", true),
            ("http://127.9.9.9/", true),
            ("http://localhost/", true),
            ("http://[::1]/", true),
            ("http://example.com/", false),
            ("http://10.0.0.1/", false),
        ] {
            assert_eq!(is_loopback(&Url::parse(text).unwrap()), loopback, "{text}");
        }
        assert_eq!(seconds(Duration::from_secs(10)), "10 s");
        assert_eq!(seconds(Duration::from_millis(1500)), "1.5 s");
    }
}
