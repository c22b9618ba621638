//! A web server of the test's own on 127.0.0.1, so that no test touches the internet: it
//! serves what the test puts at each path, answers conditional requests, redirects, and plays
//! the hostile server (a reply that never comes, one of any size, one that drips).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// What the server answers at a path.
#[derive(Debug, Clone)]
pub enum Route {
    /// A body, with its type, and the validators it is served with; a request that sends
    /// them back is answered 304.
    Body {
        body: Vec<u8>,
        content_type: String,
        etag: Option<String>,
        last_modified: Option<String>,
        /// Sent as `Content-Encoding` (the body is already encoded).
        encoding: Option<String>,
    },
    /// A redirect to this address, with this status.
    Redirect(String, u16),
    /// An error status.
    Status(u16),
    /// This many bytes of `<`, as fast as the client reads them; with `length`, the size is
    /// announced, else the reply is chunked.
    Huge { bytes: u64, length: bool },
    /// The request is read and never answered.
    Silent,
    /// A feed's head, then a byte every 100 ms, for ever; chunked, so that no size is
    /// announced and only a deadline can end it.
    Drip,
}

impl Route {
    /// A body of this type, with no validators.
    pub fn body(body: impl Into<Vec<u8>>, content_type: &str) -> Route {
        Route::Body {
            body: body.into(),
            content_type: content_type.to_owned(),
            etag: None,
            last_modified: None,
            encoding: None,
        }
    }

    /// An RSS or Atom document.
    pub fn xml(body: impl Into<Vec<u8>>) -> Route {
        Route::body(body, "application/xml")
    }
}

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub path: String,
    /// Header names in lower case.
    pub headers: HashMap<String, String>,
    /// The status answered.
    pub status: u16,
}

/// The server; it stops accepting when dropped.
pub struct Server {
    port: u16,
    routes: Arc<Mutex<HashMap<String, Route>>>,
    seen: Arc<Mutex<Vec<Seen>>>,
    stop: Arc<AtomicBool>,
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a port on 127.0.0.1");
        let port = listener.local_addr().unwrap().port();
        let server = Server {
            port,
            routes: Arc::default(),
            seen: Arc::default(),
            stop: Arc::default(),
        };
        let (routes, seen, stop) = (
            server.routes.clone(),
            server.seen.clone(),
            server.stop.clone(),
        );
        thread::spawn(move || {
            for stream in listener.incoming() {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (routes, seen, stop) = (routes.clone(), seen.clone(), stop.clone());
                thread::spawn(move || serve(stream, &routes, &seen, &stop));
            }
        });
        server
    }

    /// The address of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn route(&self, path: &str, route: Route) {
        self.routes.lock().unwrap().insert(path.to_owned(), route);
    }

    /// The requests answered so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        // Wakes the accepting thread so that it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve(
    stream: TcpStream,
    routes: &Mutex<HashMap<String, Route>>,
    seen: &Mutex<Vec<Seen>>,
    stop: &AtomicBool,
) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(clone) => clone,
        Err(_) => return,
    });
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    let path = first.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let mut headers = HashMap::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
        }
    }
    let route = routes.lock().unwrap().get(&path).cloned();
    let mut stream = stream;
    let status = match route {
        None => answer(&mut stream, 404, &[], b"not here"),
        Some(Route::Status(code)) => answer(&mut stream, code, &[], b"no"),
        Some(Route::Redirect(to, code)) => answer(&mut stream, code, &[("Location", to)], b""),
        Some(Route::Silent) => {
            while !stop.load(Ordering::Relaxed) {
                thread::sleep(Duration::from_millis(50));
                // Reading tells when the client has gone.
                let _ = stream.set_read_timeout(Some(Duration::from_millis(10)));
                let mut byte = [0u8; 1];
                if matches!(reader.get_mut().read(&mut byte), Ok(0)) {
                    break;
                }
            }
            0
        }
        Some(Route::Huge { bytes, length }) => huge(&mut stream, bytes, length),
        Some(Route::Drip) => drip(&mut stream, stop),
        Some(Route::Body {
            body,
            content_type,
            etag,
            last_modified,
            encoding,
        }) => {
            let fresh_etag = etag.is_some() && headers.get("if-none-match") == etag.as_ref();
            let fresh_date = last_modified.is_some()
                && headers.get("if-modified-since") == last_modified.as_ref();
            let mut extra = vec![("Content-Type", content_type)];
            extra.extend(etag.map(|e| ("ETag", e)));
            extra.extend(last_modified.map(|l| ("Last-Modified", l)));
            if fresh_etag || fresh_date {
                answer(&mut stream, 304, &extra, b"")
            } else {
                extra.extend(encoding.map(|e| ("Content-Encoding", e)));
                answer(&mut stream, 200, &extra, &body)
            }
        }
    };
    seen.lock().unwrap().push(Seen {
        path,
        headers,
        status,
    });
}

fn answer(stream: &mut TcpStream, status: u16, headers: &[(&str, String)], body: &[u8]) -> u16 {
    let mut head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        reason(status),
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut reply = head.into_bytes();
    if status != 304 {
        reply.extend_from_slice(body);
    }
    let _ = stream.write_all(&reply);
    let _ = stream.flush();
    status
}

fn huge(stream: &mut TcpStream, bytes: u64, length: bool) -> u16 {
    let head = match length {
        true => format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: {bytes}\r\nConnection: close\r\n\r\n"
        ),
        false => "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n".to_owned(),
    };
    if stream.write_all(head.as_bytes()).is_err() {
        return 200;
    }
    let chunk = vec![b'<'; 64 * 1024];
    let mut sent = 0u64;
    while sent < bytes {
        let n = chunk.len().min((bytes - sent) as usize);
        let written = match length {
            true => stream.write_all(&chunk[..n]),
            false => stream
                .write_all(format!("{n:x}\r\n").as_bytes())
                .and_then(|()| stream.write_all(&chunk[..n]))
                .and_then(|()| stream.write_all(b"\r\n")),
        };
        if written.is_err() {
            return 200;
        }
        sent += n as u64;
    }
    if !length {
        let _ = stream.write_all(b"0\r\n\r\n");
    }
    200
}

fn drip(stream: &mut TcpStream, stop: &AtomicBool) -> u16 {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    let start = "<rss version=\"2.0\"><channel>";
    let mut sent = stream
        .write_all(head.as_bytes())
        .and_then(|()| write!(stream, "{:x}\r\n{start}\r\n", start.len()))
        .and_then(|()| stream.flush());
    while sent.is_ok() && !stop.load(Ordering::Relaxed) {
        thread::sleep(Duration::from_millis(100));
        sent = stream
            .write_all(b"1\r\n \r\n")
            .and_then(|()| stream.flush());
    }
    200
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        404 => "Not Found",
        410 => "Gone",
        500 => "Internal Server Error",
        _ => "Whatever",
    }
}
