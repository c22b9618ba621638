//! `moodwire import`: feeds of every format, real feeds, lists of subscriptions and pages,
//! served by a server of the test's own on 127.0.0.1, become article files once each.

mod common;

use std::fs;

use common::news::{Home, extra, fixture};
use common::server::{Route, Server};

fn serve_fixtures(server: &Server) {
    for (path, name, kind) in [
        ("/rss2.xml", "rss2.xml", "application/rss+xml"),
        ("/rss1.rdf", "rss1.rdf", "application/rdf+xml"),
        ("/rss091.xml", "rss091.xml", "text/xml"),
        ("/atom.xml", "atom.xml", "application/atom+xml"),
        ("/feed.json", "feed.json", "application/feed+json"),
    ] {
        server.route(path, Route::body(fixture(name), kind));
    }
}

fn date(article: &moodwire::Article) -> String {
    article
        .date
        .as_ref()
        .map(|d| d.to_iso())
        .unwrap_or_default()
}

#[test]
fn each_format_becomes_articles_with_their_fields() {
    let server = Server::start();
    serve_fixtures(&server);
    let home = Home::new();
    let urls: Vec<String> = [
        "/rss2.xml",
        "/rss1.rdf",
        "/rss091.xml",
        "/atom.xml",
        "/feed.json",
    ]
    .iter()
    .map(|p| server.url(p))
    .collect();
    let sources: Vec<&str> = urls.iter().map(String::as_str).collect();
    let run = home.import(&sources);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("imported 5 sources, 8 new articles in "),
        "{}",
        run.stdout
    );
    assert_eq!(run.stdout.lines().count(), 1, "one summary line");
    assert_eq!(home.names().len(), 8, "{:?}", home.names());
    assert!(
        home.names()
            .contains(&"2026-03-03-port-volumes-rebound-to-a-record-high.md".to_owned())
    );

    // RSS 2.0, with its content, categories and creator.
    let port = home.article("Port volumes rebound to a record high");
    assert_eq!(date(&port), "2026-03-03T08:30:00Z");
    assert_eq!(
        port.source_url.as_deref(),
        Some("https://gazette.example/2026/03/port-volumes")
    );
    assert_eq!(port.category.as_deref(), Some("Trade"));
    assert_eq!(port.tags, ["Trade", "Shipping"]);
    assert_eq!(extra(&port, "author"), Some("Ana Lima"));
    assert!(port.body.contains("**record high**"), "{}", port.body);
    assert!(
        port.body
            .contains("[The backlog](https://gazette.example/2026/02/backlog)"),
        "relative links are made absolute: {}",
        port.body
    );
    assert!(port.sentiment.is_estimated(), "estimated when read");
    // An item with a summary alone takes the feed's title as its category.
    let ferry = home.article("Ferry strike called off");
    assert_eq!(ferry.category.as_deref(), Some("Harbour Gazette"));
    assert!(ferry.tags.is_empty());
    assert_eq!(
        ferry.body.trim(),
        "The ferry workers’ union called off Friday's strike after talks."
    );

    // RSS 1.0.
    let sky = home.article("Sky survey releases its first year of data");
    assert_eq!(date(&sky), "2026-02-27T16:00:00Z");
    assert_eq!(extra(&sky, "author"), Some("R. Okafor"));
    assert_eq!(sky.category.as_deref(), Some("Science Notes"));

    // RSS 0.91 in ISO-8859-1 with a DOCTYPE, undated: named by the day it was imported.
    let cafe = home.article("Café owners welcome the new square");
    assert_eq!(
        cafe.source_url.as_deref(),
        Some("http://oldwire.example/cafe-square.html")
    );
    let today = jiff::Timestamp::now().strftime("%Y-%m-%d").to_string();
    assert!(
        home.names()
            .contains(&format!("{today}-café-owners-welcome-the-new-square.md")),
        "{:?}",
        home.names()
    );

    // Atom: xml:base, the published date, a category's label, HTML content, and a title of
    // type html read as its text.
    let fusion = home.article("Fusion experiment sustains record plasma");
    assert_eq!(
        fusion.source_url.as_deref(),
        Some("https://energy.example/2026/01/fusion")
    );
    assert_eq!(date(&fusion), "2026-01-12T05:15:00Z");
    assert_eq!(fusion.category.as_deref(), Some("Science"));
    assert!(
        fusion.body.contains("- a record\n- a milestone"),
        "{}",
        fusion.body
    );
    let grid = home.article("Grid operators plan for a cold week");
    assert_eq!(
        grid.source_url.as_deref(),
        Some("tag:energy.example,2026:grid"),
        "an entry without a link is known by its id, as feedparser does"
    );
    assert!(grid.body.contains("Reserves are *ample*."), "{}", grid.body);
    assert_eq!(extra(&grid, "author"), Some("Energy Desk"));

    // JSON Feed: tags, a relative address, plain text, an item without a title.
    let chip = home.article("Chip designer posts record quarterly revenue");
    assert_eq!(date(&chip), "2025-10-31T01:05:00Z");
    assert_eq!(chip.tags, ["Tech", "Earnings"]);
    assert_eq!(extra(&chip, "author"), Some("Markets Team"));
    let oil = home.article("Analysts trimmed their oil outlook.");
    assert_eq!(
        oil.source_url.clone().unwrap(),
        server.url("/oil-outlook"),
        "read against the feed's own address"
    );
    assert_eq!(extra(&oil, "author"), Some("J. Park"));
}

/// Real feeds, as NetNewsWire's tests keep them: every item is a file whose title, link and
/// date are feedparser's reading of the feed (its figures, taken once and written here).
#[test]
fn real_feeds_become_one_article_per_item() {
    let server = Server::start();
    let home = Home::new();
    for name in [
        "EMarley.rss",
        "manton.rss",
        "kc0011.rss",
        "bio.rdf",
        "qemu.atom",
    ] {
        server.route(
            &format!("/{name}"),
            Route::xml(fixture(&format!("netnewswire/{name}"))),
        );
    }
    let counts = [
        ("EMarley.rss", 10),
        ("manton.rss", 10),
        ("kc0011.rss", 20),
        ("bio.rdf", 30),
        ("qemu.atom", 10),
    ];
    for (name, count) in counts {
        let library = home.path().join(name);
        let url = server.url(&format!("/{name}"));
        let run = home.run(&["import", &url, "--into", library.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        let articles = common::news::articles(&library);
        assert_eq!(articles.len(), count, "{name}");
    }
    let find = |feed: &str, title: &str| {
        common::news::articles(&home.path().join(feed))
            .into_iter()
            .map(|(_, a)| a)
            .find(|a| a.title == title)
            .unwrap_or_else(|| panic!("{feed}: no {title:?}"))
    };
    let ui = find("EMarley.rss", "UI Automation & screenshots");
    assert_eq!(
        ui.source_url.as_deref(),
        Some(
            "https://medium.com/@emarley/ui-automation-screenshots-c44a41af38d1?source=rss-b4981c59ffa5------2"
        )
    );
    assert_eq!(date(&ui), "2016-05-07T23:53:30Z");
    let coin = find("kc0011.rss", "建国35周年纪念，华表，和平鸽");
    assert_eq!(
        coin.source_url.as_deref(),
        Some("http://www.kc0011.net/dispbbs.asp?BoardID=10&ID=25164257&Page=1")
    );
    assert_eq!(date(&coin), "2020-01-10T14:33:00Z", "as written");
    let qemu = find("qemu.atom", "QEMU version 10.1.0 released");
    assert_eq!(
        qemu.source_url.clone().unwrap(),
        server.url("/2025/08/26/qemu-10-1-0/"),
        "a relative link is read against the feed's address"
    );
    assert_eq!(date(&qemu), "2025-08-26T23:25:00Z");
    // manton.rss's posts have empty titles: the file has none, and the loader takes the
    // body's first line, as for any article.
    for (name, article) in common::news::articles(&home.path().join("manton.rss")) {
        assert!(!article.title.is_empty(), "{name}");
        assert!(article.source_url.is_some(), "{name}");
    }
}

#[test]
fn a_list_of_subscriptions_imports_every_feed_it_lists() {
    let server = Server::start();
    serve_fixtures(&server);
    let home = Home::new();
    let opml = format!(
        r#"<?xml version="1.0"?>
<opml version="2.0"><head><title>Mine</title></head><body>
<outline text="News">
  <outline text="Gazette" xmlUrl="{}"/>
  <outline text="Energy" xmlUrl="{}"/>
</outline>
<outline text="Markets" xmlUrl="{}"/>
<outline text="Science" xmlUrl="{}"/>
<outline text="Old" xmlUrl="{}"/>
<outline text="Not web" xmlUrl="file:///etc/passwd"/>
<outline text="Local" xmlUrl="/etc/passwd"/>
<outline text="Gone" xmlUrl="{}"/>
</body></opml>"#,
        server.url("/rss2.xml"),
        server.url("/atom.xml"),
        server.url("/feed.json"),
        server.url("/rss1.rdf"),
        server.url("/rss091.xml"),
        server.url("/gone.xml"),
    );
    fs::write(home.path().join("subs.opml"), opml).unwrap();
    let run = home.import(&["subs.opml"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("imported 5 sources, 8 new articles in "),
        "the five good feeds the list gives (the three others are failures): {}",
        run.stdout
    );
    assert!(run.stdout.ends_with(", 3 failures\n"), "{}", run.stdout);
    assert_eq!(home.names().len(), 8);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stderr);
    assert!(
        lines.contains(
            &"moodwire: file:///etc/passwd: only http and https addresses are fetched, not file:"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("moodwire: /etc/passwd: not a web address"),
        "a list never reads this machine's files: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains(&format!(
            "moodwire: {}: the server answered 404 Not Found",
            server.url("/gone.xml")
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn a_second_run_writes_nothing_and_a_deleted_article_never_comes_back() {
    let server = Server::start();
    serve_fixtures(&server);
    let home = Home::new();
    let url = server.url("/rss2.xml");
    let first = home.import(&[&url]);
    assert!(
        first.stdout.contains(", 2 new articles in "),
        "{}",
        first.stdout
    );
    let before = common::snapshot(&home.library());
    let second = home.import(&[&url]);
    assert_eq!(second.code, 0);
    assert!(
        second.stdout.contains(", 0 new articles in ")
            && second.stdout.ends_with(", 0 failures, 2 imported before\n"),
        "the summary says why nothing was written: {}",
        second.stdout
    );
    assert!(
        !first.stdout.contains("imported before"),
        "{}",
        first.stdout
    );
    assert_eq!(common::snapshot(&home.library()), before, "nothing touched");

    // One article deleted, the other moved out of the library: neither comes back.
    let names = home.names();
    fs::remove_file(home.library().join(&names[0])).unwrap();
    fs::rename(home.library().join(&names[1]), home.path().join("kept.md")).unwrap();
    let third = home.import(&[&url]);
    assert!(
        third.stdout.contains(", 0 new articles in "),
        "{}",
        third.stdout
    );
    assert!(home.names().is_empty());

    // The record is private, in the data folder.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&home.data().join("imported-items")), 0o600);
        assert_eq!(mode(&home.data()), 0o700);
    }
}

#[test]
fn the_target_is_into_else_import_into_else_the_first_library_folder() {
    let server = Server::start();
    serve_fixtures(&server);
    let url = server.url("/rss1.rdf");

    let home = Home::new();
    let run = home.run(&["import", &url]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("nowhere to put new articles"),
        "{}",
        run.stderr
    );

    // The first library folder not there (a drive not mounted): nothing is written, as
    // anything written would be hidden once the drive is back.
    home.configure("library:\n  - first\n  - second\n");
    fs::create_dir_all(home.config().join("second")).unwrap();
    let run = home.run(&["import", &url]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("the first `library` folder, where new articles go, is not there"),
        "{}",
        run.stderr
    );
    assert!(!home.config().join("first").exists());
    assert!(common::news::names(&home.config().join("second")).is_empty());

    fs::create_dir_all(home.config().join("first")).unwrap();
    let run = home.run(&["import", &url]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(common::news::names(&home.config().join("first")).len(), 1);

    let home = Home::new();
    home.configure("library: [first]\nimport_into: inbox\n");
    let run = home.run(&["import", &url]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(common::news::names(&home.config().join("inbox")).len(), 1);

    let run = home.run(&["import", &server.url("/atom.xml"), "--into", "elsewhere"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(common::news::names(&home.path().join("elsewhere")).len(), 2);
}

#[test]
fn a_name_already_taken_gets_a_suffix_and_nothing_is_overwritten() {
    let server = Server::start();
    serve_fixtures(&server);
    let home = Home::new();
    fs::create_dir_all(home.library()).unwrap();
    let taken = home
        .library()
        .join("2026-03-03-port-volumes-rebound-to-a-record-high.md");
    fs::write(&taken, "mine").unwrap();
    let run = home.import(&[&server.url("/rss2.xml")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(fs::read_to_string(&taken).unwrap(), "mine");
    let suffixed = home
        .library()
        .join("2026-03-03-port-volumes-rebound-to-a-record-high-2.md");
    assert!(
        fs::read_to_string(suffixed)
            .unwrap()
            .contains("record high")
    );
}

#[test]
fn a_page_imported_by_address_is_its_article() {
    let server = Server::start();
    let page = fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages/harbour.html"),
    )
    .unwrap()
    .replace("https://harbour.example/wheat", "/wheat");
    server.route(
        "/news/port-strike",
        Route::body(page, "text/html; charset=utf-8"),
    );
    let home = Home::new();
    let url = server.url("/news/port-strike");
    let run = home.import(&[&url]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        home.names(),
        ["2024-03-05-port-strike-halts-grain-exports.md"]
    );
    let article = home.article("Port strike halts grain exports");
    assert_eq!(
        article.source_url.as_deref(),
        Some("https://harbour.example/news/2024/03/05/port-strike"),
        "the page's canonical address"
    );
    assert_eq!(extra(&article, "author"), Some("Maria Lopez"));
    let site = url.trim_start_matches("http://").split('/').next().unwrap();
    assert_eq!(
        article.category.as_deref(),
        Some(site),
        "the site it came from"
    );
    assert!(
        article
            .body
            .contains("Dock workers at the country's **largest port**")
    );
    assert!(
        article
            .body
            .contains("Several cooperatives have asked the government")
    );
    assert!(
        article
            .body
            .contains(&format!("]({})", server.url("/wheat"))),
        "a relative link made absolute against the page's address: {}",
        article.body
    );
    for furniture in [
        "Advertisement",
        "Leave a Reply",
        "SCRIPT-TEXT",
        "Privacy policy",
    ] {
        assert!(
            !article.body.contains(furniture),
            "{furniture}: {}",
            article.body
        );
    }
    let again = home.import(&[&url]);
    assert!(
        again.stdout.contains(", 0 new articles"),
        "{}",
        again.stdout
    );
}

#[test]
fn tag_writes_the_estimates_and_full_fetches_the_linked_page() {
    let server = Server::start();
    let page = fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages/harbour.html"),
    )
    .unwrap()
    .replace("https://harbour.example/wheat", "/wheat");
    server.route("/port-strike", Route::body(page, "text/html"));
    let feed = format!(
        r#"<rss version="2.0"><channel><title>Teasers</title>
        <item><title>Port strike halts grain exports</title><link>{}</link>
        <pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>
        <description>Dock workers extended their strike.</description></item>
        <item><title>Missing page</title><link>{}</link>
        <description>Only this summary.</description></item>
        </channel></rss>"#,
        server.url("/port-strike"),
        server.url("/missing")
    );
    server.route("/teasers.xml", Route::xml(feed));
    let home = Home::new();
    let library = home.library().display().to_string();
    let url = server.url("/teasers.xml");
    let run = home.run(&["import", &url, "--into", &library, "--full", "--tag"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("the linked page was not fetched (the server answered 404 Not Found); the feed's summary is kept"),
        "{}",
        run.stderr
    );
    let strike = home.article("Port strike halts grain exports");
    assert!(
        strike.body.contains("Several cooperatives"),
        "{}",
        strike.body
    );
    assert_eq!(strike.sentiment.origin, Some(moodwire::Origin::File));
    assert_eq!(strike.tldr_origin, Some(moodwire::Origin::File));
    let missing = home.article("Missing page");
    assert_eq!(missing.body.trim(), "Only this summary.");
}

#[test]
fn a_feed_file_is_imported_as_one_from_the_web() {
    let home = Home::new();
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/feeds/rss2.xml");
    let run = home.import(&[path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(home.names().len(), 2);
    let missing = home.import(&["no-such-feed.xml"]);
    assert_eq!(missing.code, 1);
    assert!(
        missing.stderr.contains("no-such-feed.xml: "),
        "{}",
        missing.stderr
    );
}

/// A named pipe in place of the record of imported items hangs nothing: the import stops with
/// one line that names the record and says why, once.
#[test]
fn a_named_pipe_in_place_of_the_record_stops_the_import_with_one_clear_line() {
    let home = Home::new();
    std::fs::create_dir_all(home.data()).unwrap();
    let record = home.data().join("imported-items");
    let made = std::process::Command::new("mkfifo").arg(&record).status();
    if !made.is_ok_and(|status| status.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/feeds/rss2.xml");
    let run = home.import(&[path.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("the record of imported items")
            && run.stderr.matches("not a regular file").count() == 1,
        "{}",
        run.stderr
    );
    assert!(
        home.names().is_empty(),
        "nothing is imported without the record"
    );
}

/// On a terminal a bar counts the sources while they are read, and goes before the summary is
/// printed; off one, stderr stays empty, so that a script reads the summary alone.
#[test]
fn a_progress_bar_on_a_terminal_and_nothing_but_the_summary_off_one() {
    use common::tmux::{Tmux, reader_command, shell_quote, skip};
    let server = Server::start();
    server.route("/rss2.xml", Route::xml(fixture("rss2.xml")));
    // Keeps the bar on the screen at 1/2 until fetch.timeout gives up on it.
    server.route("/silent.xml", Route::Silent);
    let home = Home::new();
    let quiet = home.import(&[&server.url("/rss2.xml")]);
    assert_eq!(quiet.code, 0, "{}", quiet.stderr);
    assert_eq!(quiet.stderr, "");
    assert_eq!(quiet.stdout.lines().count(), 1, "{}", quiet.stdout);

    let state = tempfile::tempdir().unwrap();
    let config = state.path().join("config/moodwire");
    fs::create_dir_all(&config).unwrap();
    fs::write(config.join("config.yaml"), "fetch:\n  timeout: 4\n").unwrap();
    let library = state.path().join("library").display().to_string();
    let args = format!(
        "import {} {} --into {}",
        shell_quote(&server.url("/rss2.xml")),
        shell_quote(&server.url("/silent.xml")),
        shell_quote(&library)
    );
    let Some(tmux) = Tmux::start(
        "progress",
        100,
        10,
        state.path(),
        &reader_command(&args, state.path()),
    ) else {
        return skip();
    };
    tmux.wait_for("] 1/2 sources");
    let screen = tmux.wait_for("EXIT=1");
    assert!(!screen.contains(" sources"), "the bar is gone:\n{screen}");
    assert!(
        screen.contains("imported 1 source, 2 new articles in "),
        "{screen}"
    );
    assert!(
        screen.contains("silent.xml: no complete answer within 4 s (fetch.timeout)"),
        "{screen}"
    );
}

/// An item with nothing to read (an empty Atom `<entry>`, a JSON Feed `{}`) becomes no file,
/// and a link a browser would run (`javascript:`) is no source; an Atom `tag:` id stays one,
/// as feedparser gives it.
#[test]
fn empty_items_are_left_out_and_script_links_are_no_source() {
    let home = Home::new();
    let feed = home.path().join("feed.json");
    fs::write(
        &feed,
        r#"{"version": "https://jsonfeed.org/version/1.1", "title": "F", "items": [
            {},
            {"id": "1", "title": "Script link", "url": "javascript:alert(1)",
             "content_text": "Some text."},
            {"id": "2", "title": "Web link", "url": "https://example.com/a",
             "content_text": "More text."}
        ]}"#,
    )
    .unwrap();
    let atom = home.path().join("feed.atom");
    fs::write(
        &atom,
        r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
        <id>urn:a</id><updated>2026-03-01T00:00:00Z</updated>
        <entry><id>tag:example.com,2026:empty</id><updated>2026-03-01T00:00:00Z</updated></entry>
        <entry><id>tag:example.com,2026:1</id><title>Tagged</title>
        <updated>2026-03-01T00:00:00Z</updated><content>Text.</content></entry></feed>"#,
    )
    .unwrap();
    let run = home.import(&[feed.to_str().unwrap(), atom.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(", 3 new articles in "),
        "{}",
        run.stdout
    );
    assert_eq!(home.article("Script link").source_url, None);
    assert_eq!(
        home.article("Tagged").source_url.as_deref(),
        Some("tag:example.com,2026:1")
    );
    assert_eq!(
        home.article("Web link").source_url.as_deref(),
        Some("https://example.com/a")
    );
}

/// A feed read from a file has no address; its relative links are read against the site it
/// names, so that the article's `source_url` can be opened.
#[test]
fn relative_links_of_a_feed_file_are_read_against_its_site() {
    let home = Home::new();
    let feed = home.path().join("site.xml");
    fs::write(
        &feed,
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Site</title>
        <link>https://news.example/blog/</link>
        <item><title>Rooted</title><link>/posts/one</link><description>One.</description></item>
        <item><title>Beside</title><link>two.html</link><description>Two.</description></item>
        <item><title>Whole</title><link>https://other.example/3</link><description>3.</description></item>
        </channel></rss>"#,
    )
    .unwrap();
    let run = home.import(&[feed.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for (title, link) in [
        ("Rooted", "https://news.example/posts/one"),
        ("Beside", "https://news.example/blog/two.html"),
        ("Whole", "https://other.example/3"),
    ] {
        assert_eq!(home.article(title).source_url.as_deref(), Some(link));
    }
}
