//! A hostile web: feeds and servers made to hurt. Each ends in a clear line, in bounded time,
//! and nothing outside the target folder is touched (the data folder aside, where moodwire
//! keeps its record).

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::news::{Home, fixture};
use common::server::{Route, Server};
use common::{Run, snapshot};

/// Imports `url` into the home's library and checks that nothing but the library and the
/// data folder changed.
fn import_alone(home: &Home, url: &str) -> Run {
    // Everything in the home but the library and the data folder, which are not read.
    let outside = |home: &Home| {
        let mut all = std::collections::BTreeMap::new();
        for entry in std::fs::read_dir(home.path()).unwrap() {
            let path = entry.unwrap().path();
            if path == home.library() || path == home.data() {
                continue;
            }
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let bytes = match meta.is_dir() {
                true => format!("{:?}", snapshot(&path)).into_bytes(),
                false => std::fs::read(&path).unwrap(),
            };
            all.insert(path, (bytes, meta.modified().ok()));
        }
        all
    };
    std::fs::write(home.path().join("neighbour.md"), "keep me").unwrap();
    let before = outside(home);
    let run = home.import(&[url]);
    assert_eq!(
        outside(home),
        before,
        "something outside the library changed"
    );
    run
}

fn one_failure(run: &Run, url: &str, reason: &str) {
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stderr, format!("moodwire: {url}: {reason}\n"));
    assert!(
        run.stdout.contains(", 0 new articles in "),
        "{}",
        run.stdout
    );
}

#[test]
fn a_reply_of_100_mb_is_read_no_further_than_the_limit() {
    let server = Server::start();
    let hundred_mb = 100 * 1024 * 1024;
    server.route(
        "/chunked.xml",
        Route::Huge {
            bytes: hundred_mb,
            length: false,
        },
    );
    server.route(
        "/long.xml",
        Route::Huge {
            bytes: hundred_mb,
            length: true,
        },
    );
    let home = Home::new();
    for path in ["/chunked.xml", "/long.xml"] {
        let url = server.url(path);
        let started = Instant::now();
        let run = import_alone(&home, &url);
        one_failure(
            &run,
            &url,
            "the reply is larger than 20 MiB (fetch.max_bytes); not read further",
        );
        assert!(started.elapsed() < Duration::from_secs(30), "{path}");
    }
    assert!(home.names().is_empty());
}

#[test]
fn a_gzip_bomb_is_read_no_further_than_the_limit() {
    let server = Server::start();
    server.route(
        "/bomb.xml",
        Route::Body {
            body: fixture("bomb.xml.gz"),
            content_type: "application/xml".into(),
            etag: None,
            last_modified: None,
            encoding: Some("gzip".into()),
        },
    );
    let home = Home::new();
    home.configure("fetch:\n  max_bytes: 1000000\n");
    let url = server.url("/bomb.xml");
    let run = import_alone(&home, &url);
    one_failure(
        &run,
        &url,
        "the reply is larger than 976.6 KiB (fetch.max_bytes); not read further",
    );
}

#[test]
fn an_entity_bomb_is_refused_not_expanded() {
    let server = Server::start();
    let mut bomb =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
    for n in 1..10 {
        let previous = if n == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", n - 1)
        };
        bomb.push_str(&format!(
            " <!ENTITY lol{n} \"{}\">\n",
            format!("&{previous};").repeat(10)
        ));
    }
    bomb.push_str("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title><item><title>&lol9;</title><link>http://x.example/</link></item></channel></rss>\n");
    server.route("/lol.xml", Route::xml(bomb));
    server.route(
        "/xxe.xml",
        Route::xml(
            "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\
             <rss version=\"2.0\"><channel><item><title>&x;</title></item></channel></rss>",
        ),
    );
    let home = Home::new();
    for path in ["/lol.xml", "/xxe.xml"] {
        let url = server.url(path);
        let run = import_alone(&home, &url);
        one_failure(
            &run,
            &url,
            "the document declares XML entities (an entity bomb or a way to read local files); it is refused, not expanded",
        );
    }
}

#[test]
fn a_redirect_to_a_local_file_is_never_followed() {
    let server = Server::start();
    server.route(
        "/feed.xml",
        Route::Redirect("file:///etc/passwd".into(), 302),
    );
    server.route(
        "/other.xml",
        Route::Redirect("ftp://x.example/feed".into(), 301),
    );
    let home = Home::new();
    let url = server.url("/feed.xml");
    let run = import_alone(&home, &url);
    one_failure(
        &run,
        &url,
        "a redirect leads to file:///etc/passwd, which is not http or https; not followed",
    );
    let run = home.import(&[&server.url("/other.xml")]);
    assert!(
        run.stderr
            .contains("a redirect leads to ftp://x.example/feed"),
        "{}",
        run.stderr
    );
    let run = home.import(&["file:///etc/passwd"]);
    one_failure(
        &run,
        "file:///etc/passwd",
        "only http and https addresses are fetched, not file:",
    );
}

#[test]
fn five_redirects_are_followed_and_a_sixth_is_not() {
    let server = Server::start();
    server.route("/feed.xml", Route::xml(fixture("rss1.rdf")));
    for n in 1..=6 {
        let next = match n {
            1 => "/feed.xml".to_owned(),
            n => format!("/hop{}", n - 1),
        };
        server.route(&format!("/hop{n}"), Route::Redirect(next, 302));
    }
    let home = Home::new();
    let run = home.import(&[&server.url("/hop5")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(home.names().len(), 1);
    let url = server.url("/hop6");
    let run = import_alone(&home, &url);
    one_failure(&run, &url, "more than 5 redirects; given up");
}

#[test]
fn hostile_titles_make_plain_names_in_the_target_folder() {
    let server = Server::start();
    let titles = [
        "../../x",
        "../../.bashrc",
        "/etc/passwd",
        "a\u{1b}[2J\u{1b}]0;pwned\u{7}b\u{0}c\r\nd",
        "\u{202e}gpj.exe",
        "...",
        &"long ".repeat(200),
    ];
    let mut feed = String::from("<rss version=\"2.0\"><channel><title>T</title>\n");
    for (n, title) in titles.iter().enumerate() {
        let escaped = title
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('\u{1b}', "&#x1b;")
            .replace('\u{7}', "&#x7;")
            .replace('\u{0}', "")
            .replace('\r', "&#13;");
        feed.push_str(&format!(
            "<item><title>{escaped}</title><guid>g{n}</guid><pubDate>Mon, 06 Sep 2010 00:01:00 GMT</pubDate>\
             <description>Text {n}.</description></item>\n"
        ));
    }
    feed.push_str("</channel></rss>\n");
    server.route("/titles.xml", Route::xml(feed));
    let home = Home::new();
    let run = import_alone(&home, &server.url("/titles.xml"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let names = home.names();
    assert_eq!(names.len(), titles.len(), "{names:?}");
    for name in &names {
        assert!(
            name.starts_with("2010-09-06-") && name.ends_with(".md"),
            "{name}"
        );
        let slug = &name["2010-09-06-".len()..name.len() - 3];
        assert!(
            slug.chars().all(|c| c.is_alphanumeric() || c == '-'),
            "{name}"
        );
        assert!(name.len() < 100, "{name}");
    }
    for want in [
        "2010-09-06-x.md",
        "2010-09-06-bashrc.md",
        "2010-09-06-etc-passwd.md",
    ] {
        assert!(names.contains(&want.to_owned()), "{want} in {names:?}");
    }
    assert!(!home.path().join("x").exists());
    // The titles are cleaned as every article's text is.
    for (_, article) in home.articles() {
        common::assert_terminal_safe(&article.title, "title");
        assert!(!article.title.contains('\u{202e}'), "{:?}", article.title);
    }
    let escape = home
        .articles()
        .into_iter()
        .find(|(_, a)| a.body.contains("Text 3."))
        .unwrap()
        .1;
    assert_eq!(escape.title, "abc d", "escape sequences removed whole");
}

#[test]
fn a_server_that_never_answers_is_given_up_on_time() {
    let server = Server::start();
    server.route("/silent.xml", Route::Silent);
    let home = Home::new();
    home.configure("fetch:\n  timeout: 2\n");
    let url = server.url("/silent.xml");
    let started = Instant::now();
    let run = import_alone(&home, &url);
    one_failure(&run, &url, "no complete answer within 2 s (fetch.timeout)");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_server_that_drips_its_reply_is_given_up_on_time() {
    let server = Server::start();
    server.route("/drip.xml", Route::Drip);
    let home = Home::new();
    home.configure("fetch:\n  timeout: 2\n");
    let url = server.url("/drip.xml");
    let started = Instant::now();
    let run = import_alone(&home, &url);
    one_failure(&run, &url, "no complete answer within 2 s (fetch.timeout)");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_site_that_cannot_be_reached_is_one_line() {
    // A port nothing listens on: the connection is refused at once.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let home = Home::new();
    let url = format!("http://127.0.0.1:{port}/feed.xml");
    let run = import_alone(&home, &url);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(&format!("moodwire: {url}: ")),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

/// A feed of 50,000 items, each a file; the second run writes nothing.
#[test]
fn a_feed_of_fifty_thousand_items() {
    let server = Server::start();
    let mut feed = String::from("<rss version=\"2.0\"><channel><title>Flood</title>\n");
    for n in 0..50_000 {
        feed.push_str(&format!(
            "<item><title>Item {n}</title><link>http://flood.example/{n}</link></item>\n"
        ));
    }
    feed.push_str("</channel></rss>\n");
    server.route("/flood.xml", Route::xml(feed));
    let home = Home::new();
    let url = server.url("/flood.xml");
    let run = import_alone(&home, &url);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(", 50000 new articles in "),
        "{}",
        run.stdout
    );
    assert_eq!(std::fs::read_dir(home.library()).unwrap().count(), 50_000);
    let again = home.import(&[&url]);
    assert!(
        again.stdout.contains(", 0 new articles in "),
        "{}",
        again.stdout
    );
    assert!(Path::new(&home.data().join("imported-items")).exists());
}
