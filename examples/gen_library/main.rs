//! Deterministic generator of a realistic article library, for benchmarking moodwire's
//! loading, searching and memory use against tools such as ripgrep on a corpus of known size.
//!
//! Usage: `cargo run --release --example gen_library -- DIR N [--seed S] [--untagged PERCENT]
//! [--raw yes]`
//!
//! `--untagged 100` leaves the sentiment keys out of every front matter, as scraped feeds do,
//! for measuring `moodwire tag`. `--raw yes` writes the same articles as raw pages: each that
//! would be Markdown is a plain-text scrape with page furniture or a saved web page instead,
//! one or the other at even odds (for comparing the two libraries' loads side by side).
//!
//! Writes N news articles under `DIR/<category>/<YYYY>/<MM>/`: about 90% Markdown with YAML
//! front matter (varied the way real feeds vary), 2% Hugo-style TOML and 8% scraped `.txt`.
//! Text comes from sentence templates filled from a vocabulary of a few thousand words drawn
//! with a Zipf-like skew, so word frequencies and phrase queries behave like real news. The
//! same N and seed give byte-identical files: all randomness comes from a splitmix64 stream
//! per article, never from the clock or from hash-map iteration order.

mod raw;
mod vocabulary;

use std::collections::HashSet;

use std::{env, fs, path::Path, process};
use vocabulary::{CATEGORIES, DATA};

/// splitmix64: tiny, fast and statistically good enough for synthetic text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }
    /// Uniform in `0..n` by multiply-shift; the bias is negligible for list-sized `n`.
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    /// `a` with the given chance, else `b`.
    fn of<'s>(&mut self, percent: usize, a: &'s str, b: &'s str) -> &'s str {
        if self.chance(percent) { a } else { b }
    }
    /// Log-uniform index with an offset, P(k) ~ 1/(k + 8): a list ordered from common to
    /// rare gets a Zipf-like frequency curve without a single word dominating.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((8.0 * ((n as f64 + 8.0) / 8.0).powf(u) - 8.0) as usize).min(n.max(1) - 1)
    }
}

/// The splitmix64 finaliser, also used to turn (seed, index) into independent streams.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Splits a `;`-separated list of phrases or templates, or else a whitespace-separated word
/// list, dropping repeated words so that none gets double weight.
fn items(list: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    match list.contains(';') {
        true => list.split(';').map(|s| s.trim().to_string()).collect(),
        false => list
            .split_whitespace()
            .filter(|w| seen.insert(*w))
            .map(String::from)
            .collect(),
    }
}

/// Regular English plurals; the word lists avoid nouns these rules would get wrong.
fn plural(w: &str) -> String {
    if w.ends_with('y') && !w[..w.len() - 1].ends_with(['a', 'e', 'o', 'u']) {
        format!("{}ies", &w[..w.len() - 1])
    } else if w.ends_with(['s', 'x', 'z']) || w.ends_with("ch") || w.ends_with("sh") {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

/// Base, third-person, past and -ing forms of a regular verb; `*` marks a doubled final
/// consonant (`plan*`: planned, planning). Irregular verbs appear only inside templates.
fn verb_forms(spec: &str) -> [String; 4] {
    let w = spec.trim_end_matches('*');
    let (stem, last) = w.split_at(w.len() - 1);
    let (past, ing) = if spec.ends_with('*') {
        (format!("{w}{last}ed"), format!("{w}{last}ing"))
    } else if last == "y" && !stem.ends_with(['a', 'e', 'o', 'u']) {
        (format!("{stem}ied"), format!("{w}ing"))
    } else if last == "e" && !stem.ends_with('e') {
        (format!("{w}d"), format!("{stem}ing"))
    } else {
        (
            format!("{w}{}", if last == "e" { "d" } else { "ed" }),
            format!("{w}ing"),
        )
    };
    [w.to_string(), plural(w), past, ing]
}

/// The -ly adverb of an adjective, for the endings where the regular rule is reliable.
fn adverb(a: &str) -> Option<String> {
    if let Some(stem) = a.strip_suffix("ble") {
        Some(format!("{stem}bly"))
    } else if ["tic", "mic", "fic"].iter().any(|e| a.ends_with(e)) {
        Some(format!("{a}ally"))
    } else {
        let regular = ["al", "ful", "ive", "ous", "ent", "ant"]
            .iter()
            .any(|e| a.ends_with(e));
        regular.then(|| format!("{a}ly"))
    }
}

/// Every list, indexed by the ASCII code of its slot in `DATA`. A tone-dependent slot keeps
/// its bearish items at code + 128; category `i` keeps its phrases and words at 256 + 2i.
struct Vocab {
    lists: Vec<Vec<String>>,
    /// Category names and weights in percent.
    cats: Vec<(&'static str, usize)>,
}

fn vocabulary() -> Vocab {
    let mut lists = vec![Vec::new(); 256];
    for section in DATA.split("\n=").skip(1) {
        let code = section.as_bytes()[0] as usize;
        let (up, down) = section[1..]
            .split_once(" / ")
            .unwrap_or((&section[1..], ""));
        (lists[code], lists[code + 128]) = (items(up), items(down));
    }
    let mut cats = Vec::new();
    for cat in CATEGORIES.split('#').skip(1) {
        let (name, rest) = cat.split_once(' ').unwrap_or_default();
        let (weight, rest) = rest.split_once(':').unwrap_or_default();
        let (phrases, words) = rest.split_once('|').unwrap_or_default();
        cats.push((name, weight.parse().unwrap_or(1)));
        lists.extend([items(phrases), items(words)]);
    }
    // `~` marks an uncountable noun, which is left out of the plurals.
    for noun in std::mem::take(&mut lists['n' as usize]) {
        if !noun.ends_with('~') {
            lists['N' as usize].push(plural(&noun));
        }
        lists['n' as usize].push(noun.trim_end_matches('~').to_string());
    }
    for verb in std::mem::take(&mut lists['v' as usize]) {
        for (code, form) in "vsdg".chars().zip(verb_forms(&verb)) {
            lists[code as usize].push(form);
        }
    }
    // Adverbs: the listed ones, then those derived from adjectives not marked `~`.
    let mut seen: HashSet<String> = lists['b' as usize].iter().cloned().collect();
    for adjective in std::mem::take(&mut lists['a' as usize]) {
        let plain = adjective.trim_end_matches('~');
        if plain == adjective {
            lists['b' as usize].extend(adverb(plain).filter(|a| seen.insert(a.clone())));
        }
        lists['a' as usize].push(plain.to_string());
    }
    Vocab { lists, cats }
}

/// One article being written: its random stream, topic, tone and recurring cast.
struct Ctx<'a> {
    rng: Rng,
    v: &'a Vocab,
    cat: usize,
    /// +1 bullish, -1 bearish, 0 neutral; biases every tone-dependent word choice.
    tone: i8,
    date: (usize, usize),
    /// Three companies, then three people.
    cast: [String; 6],
    /// Two countries, then two cities, each pair different.
    places: [&'a str; 4],
}

impl<'a> Ctx<'a> {
    /// An item of list `i`: long word lists, ordered from common to rare, are drawn
    /// Zipf-like; short lists and templates uniformly.
    fn pick(&mut self, i: usize) -> &'a str {
        let list = &self.v.lists[i];
        let k = match list.len() > 60 {
            true => self.rng.zipf(list.len()),
            false => self.rng.below(list.len()),
        };
        list.get(k).map_or("", String::as_str)
    }

    fn expand(&mut self, template: &str) -> String {
        let mut out = String::new();
        self.fill(template, &mut out);
        out
    }

    /// Copies `template`, expanding each `@x` slot and capitalising after `@^x`.
    fn fill(&mut self, template: &str, out: &mut String) {
        let mut chars = template.chars();
        while let Some(c) = chars.next() {
            match (c, if c == '@' { chars.next() } else { None }) {
                ('@', Some('^')) => self.sentence(chars.next().unwrap_or(' '), out),
                ('@', Some(code)) => self.slot(code, out),
                _ => out.push(c),
            }
        }
    }

    /// Slots: C company (c: the second), H person, X country (x: the one not named last), Y
    /// city, y/z this/last year, # small number, 0 digit, ! company with ticker, L link, t/w
    /// topical phrase/word; any other code is a list from `DATA`, whose items may hold slots.
    fn slot(&mut self, code: char, out: &mut String) {
        // The article's own cast recurs, the first name most, as in real reporting.
        let i = [0, 0, 0, 1, 1, 2][self.rng.below(6)];
        match code {
            'C' | 'H' => out.push_str(&self.cast[i + 3 * usize::from(code == 'H')]),
            'c' => out.push_str(&self.cast[1]),
            'x' => out.push_str(self.places[0]),
            // The article's two countries (or cities) take turns, so that the second mention
            // in "talks between X and Y" differs from the first.
            'X' | 'Y' if self.rng.chance(80) => {
                let k = 2 * usize::from(code == 'Y');
                out.push_str(self.places[k]);
                self.places.swap(k, k + 1);
            }
            'y' | 'z' => out.push_str(&(self.date.0 - usize::from(code == 'z')).to_string()),
            '#' => out.push_str(&(1 + self.rng.zipf(30)).to_string()),
            '0' => out.push(char::from(b'0' + self.rng.below(10) as u8)),
            '!' => {
                let name = &self.cast[0];
                out.push_str(&format!("{name} (`{}`)", name[..4].to_uppercase()));
            }
            'L' => {
                let tail = self.expand("@a-@n-@d");
                out.push_str(&self.url(&tail));
            }
            't' | 'w' => out.push_str(self.pick(256 + 2 * self.cat + usize::from(code == 'w'))),
            _ => {
                let code = code as usize & 127;
                let toned = !self.v.lists[code + 128].is_empty();
                let up = !toned || self.rng.chance([15, 50, 85][(self.tone + 1) as usize]);
                let item = self.pick(code + if up { 0 } else { 128 });
                self.fill(item, out);
            }
        }
    }

    fn sentence(&mut self, code: char, out: &mut String) {
        let start = out.len();
        self.slot(code, out);
        capitalise(out, start);
    }

    /// Two to five sentences; the first is also offered as a tl;dr line.
    fn paragraph(&mut self, out: &mut String, tldr: Option<&mut Vec<String>>) -> usize {
        let start = out.len();
        self.sentence('1', out);
        if let Some(t) = tldr.filter(|t| t.len() < 4) {
            t.push(out[start..].replace('"', "'"));
        }
        for _ in 0..1 + self.rng.below(4) {
            out.push(' ');
            self.sentence('1', out);
        }
        out[start..].split_ascii_whitespace().count()
    }

    /// The text below the title, about `target` words. Markdown gets `##` sections and now
    /// and then a list, quote, table, link or sources section, as real feeds do; scraped
    /// text gets bare paragraphs and the odd plain subheading.
    fn body(&mut self, md: bool, target: usize, tldr: &mut Vec<String>) -> String {
        let mut out = String::with_capacity(target * 8);
        let gap = self.rng.of(60, "\n", "\n\n");
        let (mut words, mut section) = (0, 0);
        while words < target {
            if section > 0 && (md || self.rng.chance(40)) {
                out += if md { "\n\n## " } else { "\n\n" };
                let start = out.len();
                self.slot('3', &mut out);
                title_case(&mut out, start);
                out += if md { gap } else { "\n\n" };
            } else if section > 0 {
                out += "\n\n";
            }
            for p in 0..1 + self.rng.below(2 + usize::from(section > 0)) {
                if p > 0 && words >= target {
                    break;
                }
                out += if p > 0 { "\n\n" } else { "" };
                words += self.paragraph(&mut out, (p == 0).then_some(&mut *tldr));
            }
            if md && section > 0 && self.rng.chance(25) {
                out += "\n\n";
                self.slot('8', &mut out);
            }
            section += 1;
        }
        if md && self.rng.chance(15) {
            out += "\n\n";
            self.slot('9', &mut out);
        }
        out.push('\n');
        out
    }

    fn url(&mut self, tail: &str) -> String {
        let site = self.pick('F' as usize).to_lowercase();
        let site = site.trim_start_matches("the ").replace(' ', "-");
        let (cat, (year, month)) = (self.v.cats[self.cat].0.to_lowercase(), self.date);
        format!("https://www.{site}.com/{cat}/{year}/{month:02}/{tail}")
    }
}

fn capitalise(s: &mut String, at: usize) {
    if let Some(c) = s[at..].chars().next().filter(char::is_ascii_lowercase) {
        s.replace_range(at..at + 1, &c.to_ascii_uppercase().to_string());
    }
}

/// Headline capitalisation, as the `# Title` lines of the samples use.
fn title_case(s: &mut String, start: usize) {
    const SMALL: &str = " a an the of to in on at by for and or as with from over ";
    let mut words: Vec<String> = s[start..].split(' ').map(String::from).collect();
    for (i, w) in words.iter_mut().enumerate() {
        if i == 0 || !SMALL.contains(&format!(" {w} ")) {
            capitalise(w, 0);
        }
    }
    s.truncate(start);
    s.push_str(&words.join(" "));
}

/// Builds article `index`: (folder, file stem, extension, text). The random stream depends
/// only on (seed, index), so each article is the same whatever N is.
fn article(
    v: &Vocab,
    seed: u64,
    index: u64,
    untagged: usize,
    as_raw: bool,
) -> (String, String, &'static str, String) {
    let mut r = Rng(mix(seed ^ mix(index ^ 0x5EED)));
    let kind = r.below(100); // 0..8 scraped text, 8..10 TOML, else YAML
    let roll = r.below(100); // the category whose cumulative weight first exceeds it
    let exceeds_roll = |i: &usize| roll < v.cats[..=*i].iter().map(|c| c.1).sum::<usize>();
    let cat = (0..v.cats.len()).find(exceeds_roll).unwrap_or(0);
    let m = r.below(42); // 2023-01 to 2026-06
    let (year, month) = (2023 + m / 12, m % 12 + 1);
    let feb = if year % 4 == 0 { 29 } else { 28 };
    let day = 1 + r.below([31, feb, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]);
    let ymd = format!("{year}-{month:02}-{day:02}");
    let clock = format!("{:02}:{:02}:{:02}", r.below(24), r.below(60), r.below(60));
    let score = 1 + (r.below(10) + r.below(10)).div_ceil(2);
    let mood = usize::from(score <= 6) + usize::from(score <= 4); // bullish, neutral, bearish
    let (cast, tone) = (Default::default(), 1 - mood as i8);
    let mut cx = Ctx {
        rng: r,
        v,
        cat,
        tone,
        date: (year, month),
        cast,
        places: [""; 4],
    };
    let [x, y] = ['X' as usize, 'Y' as usize];
    cx.places = [cx.pick(x), cx.pick(x), cx.pick(y), cx.pick(y)];
    while cx.places[1] == cx.places[0] || cx.places[3] == cx.places[2] {
        cx.places = [cx.places[0], cx.pick(x), cx.places[2], cx.pick(y)];
    }
    cx.cast = ["@B", "@B", "@B", "@f @l", "@f @l", "@f @l"].map(|t| cx.expand(t));
    let title = cx.expand("@^2");
    let mut heading = title.clone();
    title_case(&mut heading, 0);
    let lower = title.to_lowercase();
    let mut words: Vec<&str> = lower.split(|c: char| !c.is_ascii_alphanumeric()).collect();
    words.retain(|w| !w.is_empty());
    let slug = words[..words.len().min(8)].join("-");
    let target = 280 + cx.rng.below(241) + cx.rng.below(241);
    let mut tldr = Vec::new();
    let body = cx.body(kind >= 8, target, &mut tldr);
    let (cat, cat_words) = (v.cats[cat].0, &v.lists[257 + 2 * cat]);
    let folder = format!("{}/{year}/{month:02}", cat.to_lowercase());
    let stem = format!("{ymd}-{slug}");
    if kind < 8 {
        let caption = cx.rng.of(30, "@H in @Y\n\n", "");
        let caption = cx.expand(caption);
        let head = if cx.rng.chance(50) { &title } else { &heading };
        let junk: String = (0..2 + cx.rng.below(3))
            .map(|_| cx.expand("\n@^6\n"))
            .collect();
        let text = format!("{caption}{head}\n\n{body}{junk}");
        return (folder, stem, "txt", text);
    }
    let author = cx.expand("@f @l");
    let url = cx.url(&format!("{day:02}/{slug}"));
    if as_raw {
        // From a stream of its own, so that the article itself is the one the Markdown
        // library has.
        let mut own = Rng(mix(seed ^ mix(index ^ 0x4A3)));
        let related = [cx.expand("@^2"), cx.expand("@^2"), cx.expand("@^2")];
        let parts = raw::Parts {
            heading: &heading,
            category: cat,
            author: &author,
            date: &ymd,
            url: &url,
            body: &body,
            related: [&related[0], &related[1], &related[2]],
        };
        return match own.chance(50) {
            true => (folder, stem, "html", raw::page(&parts)),
            false => (folder, stem, "txt", raw::scrape(&parts)),
        };
    }
    let r = &mut cx.rng;
    const LABELS: [&str; 3] = ["Bullish/Positive", "Neutral", "Bearish/Negative"];
    const ODD: &str = "bullish Positive BULLISH Mixed neutral NEUTRAL BEARISH bearish Negative";
    let odd = ODD.split(' ').nth(mood * 3 + r.below(3));
    let label = odd.filter(|_| r.chance(6)).unwrap_or(LABELS[mood]);
    let lq = r.of(if label == LABELS[mood] { 85 } else { 0 }, "\"", "");
    let half = score < 10 && r.chance(12);
    let score = format!("{score}{}", if half { ".5" } else { "" });
    let n = 2 + r.below(3);
    let mut tags: Vec<&str> = (0..n)
        .map(|_| &*cat_words[r.below(cat_words.len())])
        .collect();
    tags.sort_unstable();
    tags.dedup();
    let (sure, tldr_odds) = (100, 80 * usize::from(!tldr.is_empty()));
    // Each front matter line with its odds of appearing: TOML as Hugo writes it, YAML as in
    // the seeds, with the variations real feeds show.
    let (fence, lines) = if kind < 10 {
        let date = match r.chance(50) {
            true => format!("{ymd}T{clock}Z"),
            false => format!("\"{ymd} {clock}\""),
        };
        let sentiment = format!("sentiment_score = {score}\nsentiment_label = \"{label}\"");
        let tldr = format!("tldr = [\"{}\"]", tldr.join("\", \""));
        let lines = vec![
            (sure, format!("title = \"{title}\"\ndate = {date}")),
            (sure, format!("categories = [\"{cat}\"]")),
            (50, format!("tags = [\"{}\"]", tags.join("\", \""))),
            (80, sentiment),
            (tldr_odds * 3 / 4, tldr),
        ];
        ("+++", lines)
    } else {
        // A plain YAML scalar must not start with an indicator character or contain `: `.
        let plain = title.starts_with(|c: char| c.is_ascii_alphanumeric()) && !title.contains(':');
        let q = r.of(75 + 25 * usize::from(!plain), "\"", "");
        let category = match r.below(100) {
            0..90 => format!("category: \"{cat}\""),
            90..97 => format!("category: {cat}"),
            _ => format!("categories: [{cat}]"),
        };
        let zone = ["Z", "Z", "Z", "+01:00", "-05:00", "+08:00"][r.below(6)];
        let date = match r.below(100) {
            0..80 => format!("{ymd} {clock}"),
            80..85 => format!("\"{ymd} {clock}\""),
            _ => format!("{ymd}T{clock}{zone}"),
        };
        let tags = match r.chance(50) {
            true => format!("tags: [{}]", tags.join(", ")),
            false => format!("tags:\n  - \"{}\"", tags.join("\"\n  - \"")),
        };
        let sentiment = r.below(100);
        let (score_odds, label_odds) = match sentiment {
            0..70 => (sure, sure),
            70..78 => (sure, 0),
            78..85 => (0, sure),
            _ => (0, 0),
        };
        let layout = r.of(95, "layout: post", "layout: article").to_string();
        let head = format!("title: {q}{title}{q}\n{category}\ndate: {date}");
        let tldr = format!("tldr:\n  - \"{}\"", tldr.join("\"\n  - \""));
        let lines = vec![
            (85, layout),
            (sure, head),
            (10, format!("author: \"{author}\"")),
            (95, format!("source_url: \"{url}\"")),
            (score_odds, format!("sentiment_score: {score}")),
            (label_odds, format!("sentiment_label: {lq}{label}{lq}")),
            (20, tags),
            (tldr_odds, tldr),
        ];
        ("---", lines)
    };
    let mut text = format!("{fence}\n");
    // Drawn from its own stream so that the other articles stay as they were.
    let strip = Rng(mix(seed ^ mix(index ^ 0x7A6))).below(100) < untagged;
    for (_, line) in lines.into_iter().filter(|(odds, _)| r.chance(*odds)) {
        let line = match strip {
            true => line
                .lines()
                .filter(|l| !l.starts_with("sentiment_"))
                .collect::<Vec<_>>()
                .join("\n"),
            false => line,
        };
        if line.is_empty() {
            continue;
        }
        text += &format!("{line}\n");
    }
    let gap = r.of(70, "\n", "\n\n");
    text += &format!("{fence}\n\n# {heading}{gap}{body}");
    (folder, stem, "md", text)
}

fn main() {
    if let Err(e) = run() {
        eprintln!("gen_library: {e}");
        process::exit(1);
    }
}

fn run() -> Result<(), String> {
    const USAGE: &str = "usage: gen_library DIR N [--seed S] [--untagged PERCENT] [--raw yes]";
    let args: Vec<String> = env::args().skip(1).collect();
    let [dir, n, flags @ ..] = args.as_slice() else {
        return Err(USAGE.into());
    };
    let (mut seed, mut untagged, mut as_raw) = ("1", "0", false);
    for pair in flags.chunks(2) {
        match pair {
            [flag, value] if flag == "--seed" => seed = value,
            [flag, value] if flag == "--untagged" => untagged = value,
            [flag, value] if flag == "--raw" => as_raw = value == "yes",
            _ => return Err(USAGE.into()),
        }
    }
    let untagged: usize = untagged.parse().map_err(|_| USAGE)?;
    let n: u64 = n.parse().map_err(|_| USAGE)?;
    let seed: u64 = seed.parse().map_err(|_| USAGE)?;
    let (root, vocab) = (Path::new(dir), vocabulary());
    let (mut files, mut bytes) = (HashSet::new(), 0);
    for index in 0..n {
        let (folder, stem, ext, text) = article(&vocab, seed, index, untagged, as_raw);
        // The same headline can come up twice on one day; a suffix keeps both articles.
        let mut file = format!("{folder}/{stem}.{ext}");
        for k in 2.. {
            if files.insert(file.clone()) {
                break;
            }
            file = format!("{folder}/{stem}-{k}.{ext}");
        }
        fs::create_dir_all(root.join(&folder)).map_err(|e| format!("{folder}: {e}"))?;
        fs::write(root.join(&file), &text).map_err(|e| format!("{file}: {e}"))?;
        bytes += text.len();
    }
    println!("wrote {n} articles ({bytes} bytes) to {dir}");
    Ok(())
}
