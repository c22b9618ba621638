//! Deterministic generator of a realistic article library, for benchmarking moodwire's
//! loading, searching and memory use against tools such as ripgrep on a corpus of known size.
//!
//! Usage: `cargo run --release --example gen_library -- DIR N [--seed S]`
//!
//! Writes N news articles under `DIR/<category>/<YYYY>/<MM>/`: about 90% Markdown with YAML
//! front matter (varied the way real feeds vary), 2% Hugo-style TOML and 8% scraped `.txt`.
//! Text is built from sentence templates filled from a vocabulary of a few thousand words
//! drawn with a Zipf-like skew, so word frequencies and phrase queries behave like real news.
//! The same N and seed give byte-identical files: all randomness comes from a splitmix64
//! generator seeded per article, never from the clock or from hash-map iteration order.

use std::collections::{BTreeSet, HashSet};
use std::{env, fs, path::Path, process};

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
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// Log-uniform index with an offset, P(k) ~ 1/(k + 8): lists ordered from common to rare
    /// get a Zipf-like frequency curve without one word dominating.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((8.0 * ((n as f64 + 8.0) / 8.0).powf(u) - 8.0) as usize).min(n - 1)
    }
}

/// The splitmix64 finaliser, also used to turn (seed, index) into independent streams.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

struct Category {
    name: &'static str,
    slug: String,
    weight: usize,
    phrases: Vec<&'static str>,
    words: Vec<&'static str>,
}

/// Every list the generator draws from, split once at start-up.
struct Vocab {
    nouns: Vec<(&'static str, String)>,
    verbs: Vec<[String; 4]>,
    lists: Vec<Vec<&'static str>>,
    cats: Vec<Category>,
}

/// Indexes into `Vocab::lists`, in the order of `LISTS`.
const ADJ: usize = 0;
const ADV: usize = 1;
const COUNTRY: usize = 2;
const CITY: usize = 3;
const FIRST: usize = 4;
const LAST: usize = 5;
const CO_PRE: usize = 6;
const CO_END: usize = 7;
const CO_KIND: usize = 8;
const ROLE: usize = 9;
const ORG: usize = 10;
const OUTLET: usize = 11;
const SENT: usize = 12;
const TITLE: usize = 13;
const HEAD: usize = 14;
const QUOTE: usize = 15;
const ITEM: usize = 16;
const JUNK: usize = 17;
/// The first list of the tone-dependent pairs in `TONED`: up at `TONE + 2i`, down just after.
const TONE: usize = 18;

/// Splits on `|` when present (phrases, templates), otherwise on whitespace; drops repeats
/// so that a word listed twice does not get double weight.
fn items(list: &'static str) -> Vec<&'static str> {
    let mut seen = HashSet::new();
    let parts: Vec<&str> = if list.contains('|') {
        list.split('|').map(str::trim).collect()
    } else {
        list.split_whitespace().collect()
    };
    parts.into_iter().filter(|w| !w.is_empty() && seen.insert(*w)).collect()
}

/// Regular English plurals; the word lists avoid nouns these rules would get wrong, and `~`
/// marks uncountable nouns, which stay singular.
fn plural(w: &str) -> String {
    let b = w.as_bytes();
    if w.ends_with('y') && !b"aeiou".contains(&b[b.len() - 2]) {
        format!("{}ies", &w[..w.len() - 1])
    } else if ["s", "x", "z", "ch", "sh"].iter().any(|e| w.ends_with(e)) {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

/// Base, third person, past and -ing forms of a regular verb; `*` marks a doubled final
/// consonant (`plan*` gives planned, planning).
fn verb_forms(spec: &'static str) -> [String; 4] {
    let w = spec.trim_end_matches('*');
    let stem = &w[..w.len() - 1];
    let cons_y = w.ends_with('y') && !b"aeiou".contains(&w.as_bytes()[w.len() - 2]);
    let third = if w.ends_with('o') { format!("{w}es") } else { plural(w) };
    let (past, ing) = if spec.ends_with('*') {
        let last = &w[w.len() - 1..];
        (format!("{w}{last}ed"), format!("{w}{last}ing"))
    } else if cons_y {
        (format!("{stem}ied"), format!("{w}ing"))
    } else if w.ends_with("ee") {
        (format!("{w}d"), format!("{w}ing"))
    } else if w.ends_with('e') {
        (format!("{w}d"), format!("{stem}ing"))
    } else {
        (format!("{w}ed"), format!("{w}ing"))
    };
    [w.to_string(), third, past, ing]
}

impl Vocab {
    fn new() -> Vocab {
        let nouns = items(NOUNS).into_iter().map(|w| match w.strip_suffix('~') {
            Some(s) => (s, s.to_string()),
            None => (w, plural(w)),
        });
        let lists = LISTS.iter().chain(TONED.iter().flatten()).map(|l| items(l));
        let cats = CATEGORIES.iter().map(|&(name, weight, phrases, words)| Category {
            name,
            slug: name.to_lowercase(),
            weight,
            phrases: items(phrases),
            words: items(words),
        });
        Vocab {
            nouns: nouns.collect(),
            verbs: items(VERBS).into_iter().map(verb_forms).collect(),
            lists: lists.collect(),
            cats: cats.collect(),
        }
    }
}

/// One article being written: its random stream, topic, tone and recurring cast.
struct Ctx<'a> {
    rng: Rng,
    v: &'a Vocab,
    cat: &'a Category,
    /// +1 bullish, -1 bearish, 0 neutral; biases every tone-dependent word choice.
    tone: i8,
    year: usize,
    month: usize,
    companies: [String; 3],
    people: [String; 3],
    places: [&'static str; 4],
}

impl Ctx<'_> {
    fn list(&mut self, i: usize) -> &'static str {
        let v = self.v;
        v.lists[i][self.rng.below(v.lists[i].len())]
    }
    fn zipf_list(&mut self, i: usize) -> &'static str {
        let v = self.v;
        v.lists[i][self.rng.zipf(v.lists[i].len())]
    }
    /// Recurring names come mostly from the article's own cast, as in real reporting.
    fn cast(&mut self, i: usize) -> usize {
        [0, 0, 0, 1, 1, 2][self.rng.below(6)] + i
    }

    /// Expands `$x` slots in a template; see the match arms for the codes.
    fn fill(&mut self, template: &str, out: &mut String) {
        let mut chars = template.chars();
        while let Some(c) = chars.next() {
            if c != '$' {
                out.push(c);
                continue;
            }
            let v = self.v;
            let r = &mut self.rng;
            match chars.next().unwrap_or(' ') {
                'n' => out.push_str(v.nouns[r.zipf(v.nouns.len())].0),
                'N' => out.push_str(&v.nouns[r.zipf(v.nouns.len())].1),
                c @ ('v' | 's' | 'd' | 'g') => {
                    let forms = &v.verbs[r.zipf(v.verbs.len())];
                    out.push_str(&forms["vsdg".find(c).unwrap_or(0)]);
                }
                't' => out.push_str(self.cat.phrases[r.zipf(self.cat.phrases.len())]),
                'w' => out.push_str(self.cat.words[r.zipf(self.cat.words.len())]),
                'a' => out.push_str(self.zipf_list(ADJ)),
                'b' => out.push_str(self.zipf_list(ADV)),
                'C' => out.push_str(&self.companies[self.cast(0) % 3]),
                'c' => out.push_str(&self.companies[1]),
                'H' => out.push_str(&self.people[self.cast(0) % 3]),
                'X' if r.chance(80) => out.push_str(self.places[r.below(2)]),
                'X' | 'x' => out.push_str(self.list(COUNTRY)),
                'Y' if r.chance(80) => out.push_str(self.places[2 + r.below(2)]),
                'Y' => out.push_str(self.list(CITY)),
                'R' => out.push_str(self.list(ROLE)),
                'O' => out.push_str(self.list(ORG)),
                'F' => out.push_str(self.list(OUTLET)),
                'D' => out.push_str(r.pick(&["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])),
                'Q' => out.push_str(&match r.below(5) {
                    0 => format!("early {}", self.year - r.below(2)),
                    1 => format!("late {}", self.year - 1),
                    2 => r.pick(&["the first quarter", "the second quarter", "the third quarter"]).to_string(),
                    _ => r.pick(&MONTHS[..]).to_string(),
                }),
                'M' => {
                    out.push_str(r.pick(&["$", "$", "$", "€", "£"]));
                    out.push_str(&match r.below(5) {
                        0 | 1 => format!("{}.{} billion", 1 + r.zipf(60), r.below(10)),
                        2 => format!("{} billion", 1 + r.zipf(90)),
                        _ => format!("{} million", 5 * (1 + r.zipf(190))),
                    });
                }
                'P' if r.chance(65) => out.push_str(&format!("{}%", 1 + r.zipf(45))),
                'P' => out.push_str(&format!("{}.{}%", r.zipf(12), 1 + r.below(9))),
                'K' => out.push_str(&match r.below(3) {
                    0 => thousands(10 * (10 + r.zipf(990)) as u64),
                    1 => format!("{}", 2 + r.zipf(95)),
                    _ => format!("{}.{} million", 1 + r.zipf(20), r.below(10)),
                }),
                'q' => {
                    let quote = self.list(QUOTE);
                    self.fill(quote, out);
                }
                code => {
                    let Some(i) = TONED_CODES.find(code) else { continue };
                    let up = r.chance([15, 50, 85][(self.tone + 1) as usize]);
                    out.push_str(self.list(TONE + 2 * i + usize::from(!up)));
                }
            }
        }
    }

    /// A template from list `i`, filled and capitalised, appended to `out`.
    fn sentence(&mut self, i: usize, out: &mut String) {
        let start = out.len();
        let template = self.list(i);
        self.fill(template, out);
        capitalise(out, start);
    }

    /// Two to five sentences; the first is also offered as a tl;dr line.
    fn paragraph(&mut self, out: &mut String, tldr: Option<&mut Vec<String>>) -> usize {
        let start = out.len();
        for i in 0..2 + self.rng.below(4) {
            if i > 0 {
                out.push(' ');
            }
            self.sentence(SENT, out);
            if i == 0
                && let Some(t) = tldr.as_ref()
                && t.len() < 4
            {
                let first = out[start..].replace('"', "'");
                tldr.map(|t| t.push(first));
                break_if_none();
            }
        }
        out[start..].split_ascii_whitespace().count()
    }
}

fn break_if_none() {}

fn capitalise(s: &mut String, at: usize) {
    if let Some(c) = s[at..].chars().next().filter(char::is_ascii_lowercase) {
        s.replace_range(at..at + 1, &c.to_ascii_uppercase().to_string());
    }
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

fn main() {}

const NOUNS: &str = "";
const VERBS: &str = "";
const LISTS: [&str; 18] = [""; 18];
const TONED: [[&str; 2]; 8] = [[""; 2]; 8];
const TONED_CODES: &str = "SZTUeIJW";
const CATEGORIES: [(&str, usize, &str, &str); 0] = [];
