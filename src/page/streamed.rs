//! Pages a React server sent as a stream (Next.js sites among them): parts of the body come
//! late, at the end of the page, each in a `<div hidden id="S:n">`, and a script moves each to
//! the `<template id="P:n">` left for it, or puts it in place of the fallback after the
//! `<template id="B:n">` of a boundary ("Loading…"). No script runs here, so the moves are
//! made before the article is looked for: without them the article is hidden, and such a page
//! reads as its menus.

use std::collections::HashMap;

use dom_query::{Document, NodeData, NodeRef};

/// Puts each part of `doc` (parsed from `html`) that a React stream sent late where its script
/// would, shown, as long as the page stays within `max_depth` levels of nesting (parts placed
/// inside parts could nest it deeper than the page was measured to be); a part that would nest
/// it deeper is shown where it is.
pub fn put_in_place(html: &str, doc: &Document, max_depth: usize) {
    // Most pages are not streamed: a search of the text spares them a walk of the tree.
    if !html.contains("S:") || !html.contains("hidden") {
        return;
    }
    // The places by their names, looked up rather than selected: a selector made of a page's
    // text could be one the selector parser refuses. The first of a name is the place, as a
    // browser's `getElementById` finds it.
    let templates = doc.select("template[id]");
    let mut places: HashMap<String, NodeRef> = HashMap::new();
    for node in templates.nodes() {
        if let Some(id) = node.attr("id") {
            places.entry(id.to_string()).or_insert(*node);
        }
    }
    for part in doc.select(r#"div[hidden][id^="S:"]"#).nodes() {
        let Some(number) = part
            .attr("id")
            .and_then(|id| id.strip_prefix("S:").map(str::to_owned))
        else {
            continue;
        };
        part.remove_attr("hidden");
        let (place, boundary) = match places.get(&format!("P:{number}")) {
            Some(place) => (place, false),
            None => match places.get(&format!("B:{number}")) {
                Some(place) => (place, true),
                None => continue,
            },
        };
        // A part holding its own place would be moved into itself.
        let Some(depth) = depth_outside(place, part) else {
            continue;
        };
        if depth + height_of(part) > max_depth {
            continue;
        }
        if boundary {
            remove_fallback(place);
            place.insert_after(part);
        } else {
            place.replace_with(part);
        }
    }
}

/// How many elements `node` is inside, if `part` is not one of them.
fn depth_outside(node: &NodeRef, part: &NodeRef) -> Option<usize> {
    let mut depth = 0;
    for ancestor in node.ancestors_it(None) {
        if ancestor.id == part.id {
            return None;
        }
        depth += 1;
    }
    Some(depth)
}

/// How many levels `node` and what it holds nest, itself one.
fn height_of(node: &NodeRef) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(*node, 1)];
    while let Some((node, level)) = stack.pop() {
        deepest = deepest.max(level);
        stack.extend(node.children_it(false).map(|child| (child, level + 1)));
    }
    deepest
}

/// Takes away what a boundary shows until its part comes: the nodes after its template up to
/// the comment that closes it (`<!--/$-->`), boundaries inside it skipped whole.
fn remove_fallback(template: &NodeRef) {
    let mut open = 0usize;
    let mut next = template.next_sibling();
    while let Some(node) = next {
        next = node.next_sibling();
        match comment(&node).as_deref() {
            Some("/$") if open == 0 => return,
            Some("/$") => open -= 1,
            Some("$" | "$?" | "$!") => open += 1,
            _ => {}
        }
        node.remove_from_parent();
    }
}

fn comment(node: &NodeRef) -> Option<String> {
    node.query(|tree_node| match &tree_node.data {
        NodeData::Comment { contents } => Some(contents.to_string()),
        _ => None,
    })
    .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body_text(html: &str) -> String {
        let doc = Document::from(html);
        put_in_place(html, &doc, 1_000);
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
        put_in_place(html, &doc, 1_000);
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
    fn a_boundary_s_fallback_gives_way_to_its_part() {
        let html = r#"<body><main><!--$?--><template id="B:0"></template>
            <p>The rest of this story is loading.</p><!--$--><p>Inner.</p><!--/$-->
            <!--/$--><p>After.</p></main>
            <div hidden id="S:0"><p>The story itself.</p></div></body>"#;
        let text = body_text(html);
        assert!(
            text.starts_with("The story itself.") && text.ends_with("After."),
            "{text}"
        );
        assert!(
            !text.contains("loading") && !text.contains("Inner"),
            "{text}"
        );
    }

    #[test]
    fn names_that_are_no_selector_are_only_names() {
        let html = r#"<body><template id='P:1"] , *'></template>
            <div hidden id='S:1"] , *'><p>Odd.</p></div><div hidden id="S:"><p>Empty.</p></div>
            <div hidden id="S:9"><p>No place.</p></div></body>"#;
        let doc = Document::from(html);
        put_in_place(html, &doc, 1_000);
        assert!(
            doc.select("template").nodes().is_empty(),
            "the odd name is a name"
        );
        assert_eq!(body_text(html), "Odd. Empty. No place.");
    }

    /// Parts placed inside parts nest the page no deeper than it may be read at: a chain of
    /// them, each holding the next one's place, stops where the next would go too deep, and
    /// what is not placed is shown where it came.
    #[test]
    fn parts_are_placed_no_deeper_than_allowed() {
        let deep = |n: usize| {
            format!(
                "{}<p>Part {n}.</p><template id=\"P:{}\"></template>{}",
                "<div>".repeat(40),
                n + 1,
                "</div>".repeat(40)
            )
        };
        let parts: String = (1..=20)
            .map(|n| format!("<div hidden id=\"S:{n}\">{}</div>", deep(n)))
            .collect();
        let html = format!("<body><main><template id=\"P:1\"></template></main>{parts}</body>");
        let doc = Document::from(html.as_str());
        put_in_place(&html, &doc, 200);
        assert!(
            height_of(&doc.root()) <= 200 + 1,
            "{}",
            height_of(&doc.root())
        );
        let text = doc
            .select("body")
            .text()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for n in 1..=20 {
            assert!(text.contains(&format!("Part {n}.")), "{n}: {text}");
        }
        assert!(doc.select("[hidden]").nodes().is_empty());
    }

    #[test]
    fn a_part_that_holds_its_own_place_stays_where_it_is() {
        let html =
            r#"<body><div hidden id="S:0"><template id="P:0"></template><p>Self.</p></div></body>"#;
        assert_eq!(body_text(html), "Self.");
    }

    #[test]
    fn a_page_not_streamed_is_left_as_it_is() {
        let html = r#"<body><div hidden id="x"><p>Hidden.</p></div><p>Shown.</p></body>"#;
        assert_eq!(body_text(html), "Shown.");
    }
}
