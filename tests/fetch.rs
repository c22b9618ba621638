//! Subscriptions (`moodwire feeds add|list|remove`) and `moodwire fetch`: conditional
//! requests, the summary line and the exit status, against a server of the test's own.

mod common;

use std::fs;

use common::news::{Home, fixture};
use common::server::{Route, Server};

fn library_config(home: &Home) {
    // A library folder is there: one that is not is a drive not mounted, never written into.
    std::fs::create_dir_all(home.library()).unwrap();
    home.configure(&format!("library:\n  - {}\n", home.library().display()));
}

#[test]
fn feeds_are_added_listed_and_removed() {
    let home = Home::new();
    library_config(&home);
    let run = home.run(&["feeds", "add", "https://a.example/feed.xml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "added https://a.example/feed.xml\n");
    let opml = r#"<opml version="2.0"><body><outline text="Tech">
        <outline text="B" xmlUrl="https://b.example/rss"/>
        <outline text="A again" xmlUrl="https://a.example/feed.xml"/>
        <outline text="Local" xmlUrl="file:///etc/passwd"/></outline>
        <outline text="C" xmlUrl="http://c.example/atom"/></body></opml>"#;
    fs::write(home.path().join("subs.opml"), opml).unwrap();
    let run = home.run(&["feeds", "add", "subs.opml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "added https://b.example/rss\nadded http://c.example/atom\n"
    );
    assert!(
        run.stderr
            .contains("already subscribed to https://a.example/feed.xml")
    );
    assert!(
        run.stderr.contains("skipped file:///etc/passwd: "),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("2 feeds added; 3 subscriptions in "),
        "{}",
        run.stderr
    );

    let list = home.run(&["feeds", "list"]);
    let lines: Vec<&str> = list.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", list.stdout);
    assert!(
        lines[0].starts_with("  1  https://a.example/feed.xml"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains("https://b.example/rss  B  (not fetched yet)"),
        "{}",
        lines[1]
    );

    let run = home.run(&["feeds", "remove", "2", "http://c.example/atom"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "removed https://b.example/rss\nremoved http://c.example/atom\n"
    );
    let run = home.run(&["feeds", "remove", "9"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no subscription is 9"),
        "{}",
        run.stderr
    );
    let list = home.run(&["feeds", "list"]);
    assert_eq!(list.stdout.lines().count(), 1);

    for refused in [
        "file:///etc/passwd",
        "ftp://x.example/feed",
        "not an address",
    ] {
        let run = home.run(&["feeds", "add", refused]);
        assert_eq!(run.code, 2, "{refused}");
    }

    // The list is OPML in the configuration folder, private to the user.
    let path = home.config().join("feeds.opml");
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("xmlUrl=\"https://a.example/feed.xml\""),
        "{text}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

#[test]
fn fetch_asks_for_what_changed_only() {
    let server = Server::start();
    server.route(
        "/etag.xml",
        Route::Body {
            body: fixture("rss2.xml"),
            content_type: "application/rss+xml".into(),
            etag: Some("\"v1\"".into()),
            last_modified: None,
            encoding: None,
        },
    );
    server.route(
        "/dated.xml",
        Route::Body {
            body: fixture("atom.xml"),
            content_type: "application/atom+xml".into(),
            etag: None,
            last_modified: Some("Tue, 03 Mar 2026 08:00:00 GMT".into()),
            encoding: None,
        },
    );
    let home = Home::new();
    library_config(&home);
    for path in ["/etag.xml", "/dated.xml"] {
        assert_eq!(home.run(&["feeds", "add", &server.url(path)]).code, 0);
    }
    let first = home.run(&["fetch"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_eq!(
        first.stdout,
        format!(
            "fetched 2 feeds (0 unchanged), 4 new articles in {}, 0 failures\n",
            home.library().display()
        )
    );
    assert_eq!(
        first.stderr, "",
        "nothing but the summary when not on a terminal"
    );
    let second = home.run(&["fetch"]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(
        second
            .stdout
            .starts_with("fetched 2 feeds (2 unchanged), 0 new articles"),
        "{}",
        second.stdout
    );
    let seen = server.seen();
    let again: Vec<_> = seen.iter().skip(2).collect();
    assert_eq!(again.len(), 2);
    for request in &again {
        assert_eq!(request.status, 304, "{request:?}");
    }
    let etag = again.iter().find(|r| r.path == "/etag.xml").unwrap();
    assert_eq!(
        etag.headers.get("if-none-match").map(String::as_str),
        Some("\"v1\"")
    );
    let dated = again.iter().find(|r| r.path == "/dated.xml").unwrap();
    assert_eq!(
        dated.headers.get("if-modified-since").map(String::as_str),
        Some("Tue, 03 Mar 2026 08:00:00 GMT")
    );
    let agent = &seen[0].headers["user-agent"];
    assert!(
        agent.starts_with(concat!("moodwire/", env!("CARGO_PKG_VERSION"), " (+http")),
        "{agent}"
    );
    // The state is private, in the data folder; the list shows it.
    let list = home.run(&["feeds", "list"]);
    assert!(
        list.stdout.contains("Harbour Gazette  (fetched 20"),
        "{}",
        list.stdout
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let state = home.data().join("feeds-state.json");
        assert_eq!(
            fs::metadata(state).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

#[test]
fn one_failing_feed_never_stops_the_others() {
    let server = Server::start();
    server.route("/good.xml", Route::xml(fixture("rss2.xml")));
    server.route(
        "/page.html",
        Route::body("<html><body><p>hi</p></body></html>", "text/html"),
    );
    server.route(
        "/bomb.xml",
        Route::xml(
            "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\
             <rss version=\"2.0\"><channel><title>&b;</title></channel></rss>",
        ),
    );
    let home = Home::new();
    library_config(&home);
    let good = server.url("/good.xml");
    let missing = server.url("/missing.xml");
    let page = server.url("/page.html");
    let bomb = server.url("/bomb.xml");
    for url in [&missing, &good, &page, &bomb] {
        assert_eq!(home.run(&["feeds", "add", url]).code, 0);
    }
    let run = home.run(&["fetch"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        format!(
            "fetched 1 feed (0 unchanged), 2 new articles in {}, 3 failures\n",
            home.library().display()
        )
    );
    let mut lines: Vec<&str> = run.stderr.lines().collect();
    lines.sort();
    let mut want = vec![
        format!("moodwire: {missing}: the server answered 404 Not Found"),
        format!("moodwire: {page}: it is a web page, not a feed"),
        format!(
            "moodwire: {bomb}: the document declares XML entities (an entity bomb or a way to read local files); it is refused, not expanded"
        ),
    ];
    want.sort();
    assert_eq!(lines, want);
    let list = home.run(&["feeds", "list"]);
    assert!(
        list.stdout
            .contains("(failed: the server answered 404 Not Found)"),
        "{}",
        list.stdout
    );
}

#[test]
fn fetch_without_subscriptions_says_so() {
    let home = Home::new();
    library_config(&home);
    let run = home.run(&["fetch"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr.contains("no subscriptions in "),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("`moodwire feeds add URL` adds one"));
}

/// In the reader, `F` fetches in the background: the summary comes to the status bar and the
/// new articles into the list by live reload.
#[test]
fn the_readers_fetch_key_brings_new_articles_in() {
    use common::tmux::{Tmux, reader_command, shell_quote, skip};
    let server = Server::start();
    server.route("/gazette.xml", Route::xml(fixture("rss2.xml")));
    let state = tempfile::tempdir().unwrap();
    let library = state.path().join("library");
    common::copy_samples(&library);
    let data = state.path().join("data").display().to_string();
    let config = state.path().join("config").display().to_string();
    let run = common::moodwire_with_env(
        &["feeds", "add", &server.url("/gazette.xml")],
        state.path(),
        &[("MOODWIRE_DATA_DIR", &data), ("XDG_CONFIG_HOME", &config)],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let command = reader_command(&shell_quote(&library.display().to_string()), state.path());
    let Some(tmux) = Tmux::start("fetch", 100, 30, state.path(), &command) else {
        return skip();
    };
    tmux.wait_for("· 33 / 33 ·");
    tmux.press(&["F"]);
    tmux.wait_for("fetched 1 feed (0 unchanged): 2 new articles");
    let screen = tmux.wait_for("· 35 / 35 ·");
    assert!(
        screen.contains("Port volumes rebound to a record h"),
        "{screen}"
    );
    assert!(
        library
            .join("2026-03-03-port-volumes-rebound-to-a-record-high.md")
            .exists()
    );
    tmux.press(&["F"]);
    tmux.wait_for("fetched 1 feed (0 unchanged): 0 new articles");
    tmux.press(&["q"]);
    tmux.wait_for("EXIT=0");
}
