//! Walking a parsed page without recursion: a page may nest thousands of elements deep, and a
//! recursive walk would overflow its thread's stack on it.

use dom_query::NodeRef;

/// What the walk meets, in document order.
pub enum Visit<'a, 'n> {
    /// An element, before its children; the visitor says whether to go into them.
    Open(&'a NodeRef<'n>, &'a str),
    /// The same element's name, after its children (only for elements gone into).
    Close(&'a str),
    /// A text node's text.
    Text(&'a str),
}

/// Walks the children of `root` depth first. `visit` answers `true` to an `Open` to go into
/// the element.
pub fn walk<'n>(root: &NodeRef<'n>, mut visit: impl FnMut(Visit<'_, 'n>) -> bool) {
    enum Step<'n> {
        Enter(NodeRef<'n>),
        Leave(String),
    }
    let mut stack: Vec<Step<'n>> = root.children_it(true).map(Step::Enter).collect();
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(node) => {
                if node.is_text() {
                    visit(Visit::Text(&node.text()));
                } else if node.is_element() {
                    let name = node
                        .node_name()
                        .map(|n| n.to_ascii_lowercase())
                        .unwrap_or_default();
                    if visit(Visit::Open(&node, &name)) {
                        let children = node.children_it(true).map(Step::Enter);
                        stack.push(Step::Leave(name));
                        stack.extend(children);
                    }
                }
            }
            Step::Leave(name) => {
                visit(Visit::Close(&name));
            }
        }
    }
}

/// Elements whose content is never text to read or show.
pub const HIDDEN: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "select", "audio", "video", "textarea", "input", "button", "title", "meta", "link",
];

/// True when the element is hidden from a reader: one of [`HIDDEN`], or marked hidden.
pub fn is_hidden(node: &NodeRef, name: &str) -> bool {
    if HIDDEN.contains(&name) || node.has_attr("hidden") {
        return true;
    }
    if node
        .attr("aria-hidden")
        .is_some_and(|v| v.as_ref() == "true")
    {
        return true;
    }
    node.attr("style").is_some_and(|style| {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
        let style = style.to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

/// Elements that end a line of text.
pub fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "br"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
            | "html"
    )
}
