//! Scrapes written for these tests, laid out as real pages are: menus, a kicker, a photo's
//! caption and credit, a byline, sharing buttons, related stories, a comment form, a cookie
//! notice and a footer around an article.

use super::*;

const NEWS_PAGE: &str = "\
Skip to content

Home

World

Business

Markets

Subscribe

MARKETS

Harbour cranes stand idle at the container terminal on Tuesday.

Photo: Jane Doe/Reuters

Port Strike Halts Grain Exports as Talks Stall for a Third Week

By Maria Lopez

Published March 3, 2024

Share this:

Dock workers at the country's largest port extended their strike on Tuesday, leaving more than forty grain ships waiting offshore and pushing up the price of wheat in regional markets for the third week in a row.

The union said it would not return to work until the port authority agreed to a new pay scale, while the authority said it had already offered the largest increase in a decade and accused the union of holding the harvest hostage.

Talks

Farmers in the north said their silos were full and that they had started to store grain in the open, where a week of rain could ruin it. Several cooperatives have asked the government to step in and order the port reopened.

The transport minister said on Monday that the government would not intervene for now, but that it was watching the situation closely and would act if food prices kept rising through the end of the month.

Advertisement

Related posts

Wheat prices climb to a two-year high

Union leaders meet port authority

Leave a Comment

Your email address will not be published. Required fields are marked *

We use cookies to improve your experience on our site. Accept all cookies

© 2024 Harbour Daily. All rights reserved.

Scroll to Top
";

#[test]
fn a_news_page_gives_its_headline_and_article_without_furniture() {
    let scraped = read(NEWS_PAGE);
    assert_eq!(
        scraped.title.as_deref(),
        Some("Port Strike Halts Grain Exports as Talks Stall for a Third Week")
    );
    assert!(
        scraped
            .body
            .starts_with("Dock workers at the country's largest port")
    );
    assert!(scraped.body.contains("\n\nTalks\n\n"), "{}", scraped.body);
    assert!(
        scraped
            .body
            .trim_end()
            .ends_with("through the end of the month.")
    );
    for furniture in [
        "Skip to content",
        "MARKETS",
        "Harbour cranes stand idle at the container terminal on Tuesday.",
        "Photo: Jane Doe/Reuters",
        "By Maria Lopez",
        "Share this:",
        "Advertisement",
        "Related posts",
        "Wheat prices climb to a two-year high",
        "Leave a Comment",
        "Scroll to Top",
    ] {
        assert!(!scraped.body.contains(furniture), "{furniture} in the body");
        assert!(
            scraped.furniture.iter().any(|line| line == furniture),
            "{furniture} not listed as furniture"
        );
    }
    // Every line is either the headline, the article's or furniture.
    let lines = NEWS_PAGE.lines().filter(|l| !l.trim().is_empty()).count();
    let body_lines = scraped
        .body
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count();
    assert_eq!(1 + body_lines + scraped.furniture.len(), lines);
}

/// Laid out as seed 004 is: a photo's caption above the headline, the article, then a comment
/// form and a link back to the top.
const CAPTION_ABOVE: &str = "\
Ministers at the summit in Geneva

Europe Struggles to Replace Russian Gas Before Winter

On Monday, drowned out by the noise of the election campaign, the energy ministers of the union agreed on a plan to fill their gas storage to ninety per cent before the first of November.

For the past two years, the union has tried to replace pipeline gas with shipments of liquefied gas, and prices have fallen from their peak, but storage sites in the east are still only half full.

Storage

Analysts said the plan would work only if the winter was mild and if Asian buyers did not outbid Europe for the cargoes that are still available this autumn.

Read the rest at the Daily Ledger.

Jan Novak is an energy analyst at the Institute for Policy.

Leave a Comment

Your email address will not be published. Required fields are marked *

Scroll to Top
";

#[test]
fn a_caption_above_the_headline_is_passed_over() {
    let scraped = read(CAPTION_ABOVE);
    assert_eq!(
        scraped.title.as_deref(),
        Some("Europe Struggles to Replace Russian Gas Before Winter")
    );
    assert_eq!(
        scraped.furniture,
        [
            "Ministers at the summit in Geneva",
            "Leave a Comment",
            "Your email address will not be published. Required fields are marked *",
            "Scroll to Top"
        ]
    );
    for kept in [
        "On Monday, drowned out",
        "\n\nStorage\n\n",
        "Read the rest at the Daily Ledger.",
        "Jan Novak is an energy analyst",
    ] {
        assert!(scraped.body.contains(kept), "{kept} left out");
    }
}

/// A caption long enough to read as a sentence, with its credit at its end, above a kicker-less
/// headline, each line of the page on a line of its own with none blank between.
const CREDITED_CAPTION: &str = "\
Home | News | Sport | Business | Weather
WORLD NEWS
The barrier will stretch 400 metres across the harbour mouth. Photo: City Council.
Harbour City Approves New Flood Barrier
By Maria Jensen
4 March 2026
Share on Facebook Share on Twitter
The city council voted on Tuesday to build a movable flood barrier across the harbour mouth, ending a decade of debate over how to protect the old town from rising seas.
The barrier, which will cost an estimated 240 million euros, is expected to be finished by 2031. Engineers said it would protect about 18,000 homes and businesses from storm surges.
Councillors approved the plan by 31 votes to 12. Opponents argued that the money would be better spent on raising sea walls and restoring wetlands along the estuary.
The national government has promised to cover half of the cost. Construction is due to begin next spring.
Advertisement
Related posts
";

#[test]
fn a_caption_that_ends_in_its_credit_does_not_start_the_article() {
    let scraped = read(CREDITED_CAPTION);
    assert_eq!(
        scraped.title.as_deref(),
        Some("Harbour City Approves New Flood Barrier")
    );
    assert!(
        scraped
            .body
            .starts_with("The city council voted on Tuesday"),
        "{}",
        scraped.body
    );
    assert!(
        scraped
            .furniture
            .iter()
            .any(|l| l.ends_with("Photo: City Council."))
    );
}

/// A scraper keeps each block of a page on a line of its own, often with no blank line
/// between; each is a paragraph, which Markdown would otherwise run together. Text wrapped by
/// hand keeps its lines as they are.
#[test]
fn lines_with_no_blank_line_between_are_paragraphs_unless_wrapped_by_hand() {
    let scraped = read(CREDITED_CAPTION);
    for joint in [
        "rising seas.\n\nThe barrier, which will cost",
        "storm surges.\n\nCouncillors approved",
    ] {
        assert!(scraped.body.contains(joint), "{}", scraped.body);
    }
    let wrapped = "Harbour City Approves New Flood Barrier\n\n\
        The city council voted on Tuesday to build a movable flood barrier\n\
        across the harbour mouth, ending a decade of debate over how to\n\
        protect the old town from rising seas. The barrier will cost an\n\
        estimated 240 million euros and is expected to be finished by 2031.\n";
    let scraped = read(wrapped);
    assert!(
        scraped
            .body
            .contains("flood barrier\nacross the harbour mouth"),
        "{}",
        scraped.body
    );
}

#[test]
fn a_short_note_keeps_every_line_and_its_first_line_as_title() {
    let scraped = read("Shopping list\n\nMilk and eggs.\nBread.\n");
    assert_eq!(scraped.title.as_deref(), Some("Shopping list"));
    assert_eq!(scraped.body, "Milk and eggs.\nBread.\n");
    assert!(scraped.furniture.is_empty());
}

#[test]
fn a_heading_line_gives_its_text() {
    let scraped = read("# Rates on hold\n\nThe central bank kept its rates where they were.\n");
    assert_eq!(scraped.title.as_deref(), Some("Rates on hold"));
    assert_eq!(
        scraped.body,
        "The central bank kept its rates where they were.\n"
    );
}

#[test]
fn a_scrape_in_german_uses_the_german_list() {
    let text = "Startseite\n\nPolitik\n\nWirtschaft\n\nHafenstreik legt Getreideexporte lahm\n\n\
        Die Hafenarbeiter haben ihren Streik am Dienstag verlängert, und mehr als vierzig Schiffe \
        mit Getreide warten nun vor der Küste, während die Preise für Weizen auf den regionalen \
        Märkten zum dritten Mal in Folge steigen.\n\nDie Gewerkschaft sagte, sie werde die Arbeit \
        erst dann wieder aufnehmen, wenn die Hafenbehörde einer neuen Lohntabelle zustimme, und \
        die Behörde sagte, sie habe schon die größte Erhöhung seit zehn Jahren angeboten.\n\n\
        Impressum\n\nDatenschutz\n";
    let scraped = read(text);
    assert_eq!(
        scraped.title.as_deref(),
        Some("Hafenstreik legt Getreideexporte lahm")
    );
    assert!(scraped.body.starts_with("Die Hafenarbeiter"));
    assert!(!scraped.body.contains("Impressum"));
    assert!(!scraped.body.contains("Startseite"));
}

#[test]
fn nothing_breaks_on_odd_input() {
    for text in [
        "",
        "\n\n",
        "©",
        "a",
        "Menu\nSearch\nHome",
        &"word ".repeat(10_000),
    ] {
        let scraped = read(text);
        assert!(scraped.body.len() <= text.len() + 1);
    }
}

#[test]
fn debug_file() {
    let Ok(path) = std::env::var("SCRAPE_DEBUG") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let lines = lines::lines(&text);
    let stoplist = Stoplist::choose(
        lines.iter().map(|l| &l.counts),
        LANGUAGE_WORDS,
        MIN_LANGUAGE_SHARE,
    );
    let classes = classes::classify(&lines, stoplist);
    for (line, class) in lines.iter().zip(&classes) {
        let d = stoplist.density(&line.counts);
        eprintln!(
            "{:?} {:4} {:.2} {}",
            class,
            line.length,
            d,
            &line.text[..line.text.len().min(90)]
        );
    }
}

/// News written in short paragraphs, as wire services write it, with a long notice in the
/// footer that reads as prose: no paragraph of the article is long enough to be good alone.
const SHORT_PARAGRAPHS: &str = "\
Home

World

Business

Wheat Prices Jump as Port Strike Enters Fourth Week

By Jane Doe

March 5, 2024

Wheat prices rose for a fourth week on Tuesday as a strike at the country's largest port kept grain ships waiting offshore.

The union said talks with the port authority had broken down again on Monday evening.

Advertisement

Farmers said their silos were full and that grain stored in the open could be ruined by rain.

The government has so far refused to intervene, but officials said they were watching prices.

Traders expect prices to keep rising until the ships can be loaded again at the port.

Most Read

Central bank holds rates steady

Storm warnings for the coast

We use cookies and similar technologies on this website to give you the best experience, to analyse how the site is used and to show you advertising that is relevant to you, as described in our policy, which you can read at any time from the foot of every page.

Terms of use
";

#[test]
fn short_paragraphs_of_news_are_kept() {
    let scraped = read(SHORT_PARAGRAPHS);
    assert_eq!(
        scraped.title.as_deref(),
        Some("Wheat Prices Jump as Port Strike Enters Fourth Week")
    );
    for kept in [
        "Wheat prices rose for a fourth week",
        "The union said talks",
        "Farmers said their silos",
        "The government has so far refused",
        "Traders expect prices",
    ] {
        assert!(
            scraped.body.contains(kept),
            "{kept} left out:\n{}",
            scraped.body
        );
    }
    for left_out in [
        "Advertisement",
        "Most Read",
        "Central bank holds",
        "We use cookies",
        "By Jane Doe",
    ] {
        assert!(
            !scraped.body.contains(left_out),
            "{left_out} kept:\n{}",
            scraped.body
        );
    }
}
