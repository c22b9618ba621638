//! The same articles as raw pages (`--raw`): a plain-text scrape with the page furniture a
//! naive scraper keeps (menus, a kicker, a byline and date, share buttons, related stories, a
//! comment form, a cookie notice, a footer), or a saved web page with the markup, metadata,
//! navigation, sidebar, scripts and footer of a news site around the article.

/// What a raw page is made from.
pub struct Parts<'a> {
    pub heading: &'a str,
    pub category: &'a str,
    pub author: &'a str,
    pub date: &'a str,
    pub url: &'a str,
    /// The body as Markdown.
    pub body: &'a str,
    /// Headlines of other articles, for the related stories.
    pub related: [&'a str; 3],
}

const MENU: [&str; 7] = [
    "Home",
    "World",
    "Business",
    "Markets",
    "Technology",
    "Opinion",
    "Subscribe",
];

/// The article as a plain-text scrape, furniture and all.
pub fn scrape(p: &Parts) -> String {
    let mut lines: Vec<String> = MENU.iter().map(|m| m.to_string()).collect();
    lines.push(p.category.to_uppercase());
    lines.push(p.heading.to_owned());
    lines.push(format!("By {}", p.author));
    lines.push(format!("Published {}", p.date));
    lines.push("Share this:".to_owned());
    for block in blocks(p.body) {
        lines.push(text_of(&block));
    }
    lines.push("Advertisement".to_owned());
    lines.push("Related posts".to_owned());
    lines.extend(p.related.iter().map(|r| r.to_string()));
    lines.push("Leave a Comment".to_owned());
    lines.push("Your email address will not be published. Required fields are marked *".to_owned());
    lines.push("We use cookies to improve your experience. Accept all cookies".to_owned());
    lines.push("© 2026 The Daily Ledger. All rights reserved.".to_owned());
    lines.push("Scroll to Top".to_owned());
    let mut text = lines.join("\n\n");
    text.push('\n');
    text
}

/// The article as a saved web page.
pub fn page(p: &Parts) -> String {
    let mut html = String::with_capacity(p.body.len() * 2 + 4096);
    html += "<!DOCTYPE html>\n<html lang=\"en\"><head>\n<meta charset=\"utf-8\">\n";
    html += &format!("<title>{} | The Daily Ledger</title>\n", escape(p.heading));
    html += &format!("<link rel=\"canonical\" href=\"{}\">\n", p.url);
    html += &format!(
        "<meta property=\"og:title\" content=\"{}\">\n",
        escape(p.heading)
    );
    html += &format!(
        "<meta property=\"article:published_time\" content=\"{}\">\n",
        p.date
    );
    html += "<link rel=\"stylesheet\" href=\"/static/site.css\">\n";
    html += "<style>body{margin:0;font:16px/1.5 Georgia,serif}.nav a{padding:0 8px}</style>\n";
    html += "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}</script>\n";
    html += "</head>\n<body>\n<header class=\"site-header\"><nav class=\"nav\"><ul>\n";
    for item in MENU {
        html += &format!("<li><a href=\"/{}\">{item}</a></li>\n", item.to_lowercase());
    }
    html += "</ul></nav></header>\n<div class=\"container\"><main id=\"main\"><article class=\"post\">\n";
    html += &format!(
        "<p class=\"kicker\"><a href=\"/{0}\">{0}</a></p>\n",
        escape(p.category)
    );
    html += &format!("<h1 class=\"headline\">{}</h1>\n", escape(p.heading));
    html += &format!(
        "<div class=\"byline\">By <a rel=\"author\" href=\"/authors\">{}</a> · <time datetime=\"{}\">{}</time></div>\n",
        escape(p.author),
        p.date,
        p.date
    );
    html += "<div class=\"share\"><a href=\"#\">Share</a> <a href=\"#\">Tweet</a> <a href=\"#\">Email</a></div>\n";
    html += "<div class=\"entry-content\">\n";
    for block in blocks(p.body) {
        html += &block_html(&block);
        html.push('\n');
    }
    html += "</div>\n</article>\n";
    html += "<section class=\"related\"><h3>Related posts</h3><ul>\n";
    for related in p.related {
        html += &format!("<li><a href=\"/related\">{}</a></li>\n", escape(related));
    }
    html += "</ul></section>\n<section id=\"comments\"><h3>Leave a Comment</h3>\n";
    html += "<form method=\"post\" action=\"/comment\"><p>Your email address will not be published. Required fields are marked *</p>";
    html += "<textarea name=\"comment\"></textarea><input type=\"submit\" value=\"Post Comment\"></form></section>\n";
    html += "</main><aside class=\"sidebar\"><div class=\"ad\">Advertisement</div><h3>Newsletter</h3><p>Sign up for our morning briefing.</p></aside></div>\n";
    html += "<footer class=\"site-footer\"><p>© 2026 The Daily Ledger. All rights reserved.</p>";
    html += "<p><a href=\"/privacy\">Privacy policy</a> · <a href=\"/terms\">Terms of use</a></p></footer>\n";
    html += "<script src=\"/static/app.js\"></script>\n</body></html>\n";
    html
}

/// The blocks of a Markdown body: the runs of lines between blank lines.
fn blocks(body: &str) -> Vec<String> {
    body.split("\n\n")
        .map(|b| b.trim().to_owned())
        .filter(|b| !b.is_empty())
        .collect()
}

/// A block as a scraper sees it: its text, markup taken off, a line per list item.
fn text_of(block: &str) -> String {
    block
        .lines()
        .map(|line| {
            let line = line.trim_start_matches(['#', '>', '-', '|', ' ']);
            inline_text(&line.replace(" | ", " ").replace('|', ""))
        })
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with("---"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn block_html(block: &str) -> String {
    if let Some(heading) = block.strip_prefix("## ") {
        return format!("<h2>{}</h2>", inline_html(heading));
    }
    let lines: Vec<&str> = block.lines().collect();
    if lines.iter().all(|l| l.starts_with("- ")) {
        let items: String = lines
            .iter()
            .map(|l| format!("<li>{}</li>", inline_html(&l[2..])))
            .collect();
        return format!("<ul>{items}</ul>");
    }
    if lines.iter().all(|l| l.starts_with('>')) {
        let text: Vec<&str> = lines
            .iter()
            .map(|l| l.trim_start_matches(['>', ' ']))
            .collect();
        return format!(
            "<blockquote><p>{}</p></blockquote>",
            inline_html(&text.join(" "))
        );
    }
    if lines.iter().all(|l| l.starts_with('|')) {
        let rows: String = lines
            .iter()
            .filter(|l| !l.contains("---"))
            .map(|l| {
                let cells: String = l
                    .trim_matches('|')
                    .split('|')
                    .map(|c| format!("<td>{}</td>", inline_html(c.trim())))
                    .collect();
                format!("<tr>{cells}</tr>")
            })
            .collect();
        return format!("<table>{rows}</table>");
    }
    format!("<p>{}</p>", inline_html(&lines.join(" ")))
}

/// `[text](url)` as its text, `**` and `*` taken off.
fn inline_text(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        out += &rest[..open];
        let after = &rest[open + 1..];
        match (after.find("]("), after.find(')')) {
            (Some(close), Some(end)) if close < end => {
                out += &after[..close];
                rest = &after[end + 1..];
            }
            _ => {
                out.push('[');
                rest = after;
            }
        }
    }
    out += rest;
    out.replace("**", "").replace('*', "")
}

/// `[text](url)` as a link, `**x**` as strong; the rest escaped.
fn inline_html(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 32);
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        out += &escape(&rest[..open]);
        let after = &rest[open + 1..];
        match (after.find("]("), after.find(')')) {
            (Some(close), Some(end)) if close < end => {
                let (text, url) = (&after[..close], &after[close + 2..end]);
                out += &format!("<a href=\"{}\">{}</a>", escape(url), escape(text));
                rest = &after[end + 1..];
            }
            _ => {
                out.push('[');
                rest = after;
            }
        }
    }
    out += &escape(rest);
    let mut strong = false;
    while let Some(at) = out.find("**") {
        out.replace_range(at..at + 2, if strong { "</strong>" } else { "<strong>" });
        strong = !strong;
    }
    if strong {
        out += "</strong>";
    }
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
