//! Pages a React server sent as a stream (Next.js sites among them): parts of the body come
//! late, at the end of the page, each in a `<div hidden id="S:n">`, and a script moves each to
//! the `<template id="P:n">` (or after the `<template id="B:n">`) left for it. No script runs
//! here, so the moves are made before the article is looked for: without them the article is
//! hidden, and such a page reads as its menus.

use std::collections::HashMap;

use dom_query::{Document, NodeRef};

/// What React writes at the start of each part it sends late.
const LATE_PART: &str = "<div hidden id=\"S:";

/// Puts each part of `doc` (parsed from `html`) that a React stream sent late where its script
/// would, shown.
pub fn put_in_place(html: &str, doc: &Document) {
    // Most pages are not streamed: a search of the text spares them a walk of the tree.
    if !html.contains(LATE_PART) {
        return;
    }
    // The places by their names, looked up rather than selected: a selector made of a page's
    // text could be one the selector parser refuses.
    let templates = doc.select("template[id]");
    let places: HashMap<String, NodeRef> = (templates.nodes().iter())
        .filter_map(|node| Some((node.attr("id")?.to_string(), *node)))
        .collect();
    for part in doc.select(r#"div[hidden][id^="S:"]"#).nodes() {
        let Some(number) = part
            .attr("id")
            .and_then(|id| id.strip_prefix("S:").map(str::to_owned))
        else {
            continue;
        };
        part.remove_attr("hidden");
        if let Some(place) = places.get(&format!("P:{number}")) {
            place.replace_with(part);
        } else if let Some(place) = places.get(&format!("B:{number}")) {
            place.insert_after(part);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body_text(html: &str) -> String {
        let doc = Document::from(html);
        put_in_place(html, &doc);
        let shown = doc.select("body > *:not([hidden])");
        let texts: Vec<String> = shown.nodes().iter().map(|n| n.text().to_string()).collect();
        texts
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn late_parts_take_the_places_left_for_them_and_are_shown() {
        let html = r#"<html><body><nav>Menu</nav><main><template id="P:2"></template></main>
            <div hidden=""><template id="B:0"></template></div><footer>Foot</footer>
            <div hidden id="S:2"><p>The article.</p></div><div hidden id="S:0"><p>Late.</p></div>
            </body></html>"#;
        let doc = Document::from(html);
        put_in_place(html, &doc);
        assert_eq!(
            doc.select(r#"main > div[id="S:2"] > p"#).text().as_ref(),
            "The article."
        );
        assert!(
            doc.select("template").nodes().len() == 1,
            "the placeholder is replaced"
        );
        assert!(
            doc.select("[hidden] p").text().contains("Late."),
            "B:0's place is hidden"
        );
        assert!(
            body_text(html).starts_with("Menu The article. Foot"),
            "{}",
            body_text(html)
        );
    }

    #[test]
    fn names_that_are_no_selector_are_only_names() {
        let html = r#"<body><template id='P:1"] , *'></template>
            <div hidden id='S:1"] , *'><p>Odd.</p></div><div hidden id="S:"><p>Empty.</p></div>
            <div hidden id="S:9"><p>No place.</p></div></body>"#;
        let doc = Document::from(html);
        put_in_place(html, &doc);
        assert!(
            doc.select("template").nodes().is_empty(),
            "the odd name is a name"
        );
        assert_eq!(body_text(html), "Odd. Empty. No place.");
    }

    #[test]
    fn a_page_not_streamed_is_left_as_it_is() {
        let html = r#"<body><div hidden id="x"><p>Hidden.</p></div><p>Shown.</p></body>"#;
        assert_eq!(body_text(html), "Shown.");
    }
}
