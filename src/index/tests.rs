//! The index must answer exactly what a plain scan of the articles answers.

use super::*;
use crate::parse::parse_article;
use crate::query::{Query, Test};
use crate::reading::Reading;

/// Words with shared prefixes, so that prefix and phrase matching have something to get wrong.
const VOCABULARY: [&str; 28] = [
    "ΕΛΛΑΣ",
    "ελλάς",
    "ΦΩΣ",
    "Straße",
    "oil",
    "oils",
    "oilseed",
    "price",
    "prices",
    "prime",
    "supply",
    "supplier",
    "chain",
    "chains",
    "chip",
    "chips",
    "factory",
    "Russia's",
    "U.S.",
    "bank",
    "banks",
    "central",
    "rates",
    "rate",
    "trade",
    "war",
    "Ölpreis",
    "東京",
];

/// A small deterministic generator (xorshift64*), so failures can be replayed.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn word(&mut self) -> &'static str {
        VOCABULARY[self.below(VOCABULARY.len())]
    }

    fn text(&mut self, max_words: usize) -> String {
        let count = 1 + self.below(max_words);
        let separators = [" ", " ", " ", ", ", "-", ". ", " (", "\n"];
        let mut text = String::new();
        for i in 0..count {
            if i > 0 {
                text.push_str(separators[self.below(separators.len())]);
            }
            text.push_str(self.word());
        }
        text
    }
}

fn random_article(random: &mut Random, n: usize) -> Article {
    let tldr: Vec<String> = (0..random.below(3))
        .map(|_| format!("  - \"{}\"", random.text(4).replace('\n', " ")))
        .collect();
    let tags: Vec<String> = (0..random.below(3))
        .map(|_| format!("\"{}\"", random.text(2).replace('\n', " ")))
        .collect();
    let text = format!(
        "---\ntitle: \"{}\"\ncategory: \"{}\"\ntags: [{}]\ntldr:\n{}\n---\n{}\n",
        random.text(5).replace('\n', " "),
        random.text(2).replace('\n', " "),
        tags.join(", "),
        tldr.join("\n"),
        random.text(40),
    );
    parse_article(
        text.as_bytes(),
        format!("{n}.md"),
        format!("{n}.md").into(),
        &Reading::default(),
    )
    .unwrap_or_else(|e| panic!("generated article {n} did not parse: {e}\n{text}"))
}

fn random_query(random: &mut Random) -> String {
    let mut terms = Vec::new();
    for _ in 0..1 + random.below(3) {
        let word = random.word();
        let cut = 1 + random.below(word.chars().count());
        let prefix: String = word.chars().take(cut).collect();
        let mut term = match random.below(7) {
            0 => word.to_owned(),
            1 => prefix,
            2 => format!("\"{} {prefix}\"", random.word()),
            3 => format!("\"{} {} {prefix}\"", random.word(), random.word()),
            4 => format!("title:{prefix}"),
            5 => format!("category:\"{} {prefix}\"", random.word()),
            _ => format!("tag:{prefix}"),
        };
        if random.below(4) == 0 {
            term.insert(0, '-');
        }
        terms.push(term);
    }
    // Alternatives and groups, excluded or not, as the query language allows.
    match random.below(6) {
        0 => terms.join(" OR "),
        1 if terms.len() > 1 => {
            let rest = terms.split_off(1).join(" OR ");
            format!("{} ({rest})", terms[0])
        }
        2 if terms.len() > 1 => {
            let rest = terms.split_off(1).join(" ");
            format!("-({rest}) OR {}", terms[0])
        }
        _ => terms.join(" "),
    }
}

/// `index` written and read back as the cache does.
fn through_encoding(index: &Index) -> Index {
    let shards = index
        .shards()
        .iter()
        .map(|shard| shard::through_encoding(shard).unwrap())
        .collect();
    Index::from_shards(shards, index.len()).unwrap()
}

/// What the index answers for the text terms of `query`, combined as the library combines them.
fn index_answer(index: &Index, query: &Query) -> Vec<u32> {
    let mut answer = |test: &Test, _: &DocSet| {
        let Test::Text(test) = test else {
            unreachable!("only text terms are generated")
        };
        index.find(test).unwrap()
    };
    let all = DocSet::full(index.len());
    select(query.expr(), all, &mut answer).iter().collect()
}

#[test]
fn the_index_answers_what_a_scan_answers() {
    let mut random = Random(0x5eed_1234_abcd_ef01);
    let articles: Vec<Article> = (0..250).map(|n| random_article(&mut random, n)).collect();
    let docs: Vec<DocText> = articles.iter().map(DocText::Article).collect();
    let sharded = [
        Index::build_sharded(&docs, 1),
        Index::build_sharded(&docs, 3),
        Index::build_sharded(&docs, 7),
    ];
    // Rebuilt from another index's words, in shards of other sizes, as after a cache load.
    let from_words: Vec<DocText> = (0..docs.len() as u32)
        .map(|n| DocText::Indexed(&sharded[2], n))
        .collect();
    let rebuilt = Index::build_sharded(&from_words, 2);
    // And through the cache's encoding.
    let decoded = through_encoding(&rebuilt);
    // Built as file readers build it: documents dealt out to three builders in turn, numbered
    // afterwards.
    let mut builders: Vec<ShardBuilder> = (0..3).map(|_| ShardBuilder::default()).collect();
    let mut globals = vec![Vec::new(); 3];
    for (n, article) in articles.iter().enumerate() {
        builders[n % 3].add_article(article);
        globals[n % 3].push(n as u32);
    }
    let dealt: Vec<Shard> = builders
        .into_iter()
        .zip(globals)
        .map(|(builder, globals)| {
            let mut shard = builder.finish();
            shard.set_globals(globals);
            shard
        })
        .collect();
    let dealt = Index::from_shards(dealt, articles.len()).unwrap();
    let indexes: Vec<&Index> = sharded.iter().chain([&rebuilt, &decoded, &dealt]).collect();
    let mut non_trivial = 0;
    for _ in 0..700 {
        let text = random_query(&mut random);
        let query = Query::parse(&text).unwrap();
        let scanned: Vec<u32> = (0..articles.len() as u32)
            .filter(|&n| query.matches(&articles[n as usize]))
            .collect();
        if !scanned.is_empty() && scanned.len() < articles.len() {
            non_trivial += 1;
        }
        for index in &indexes {
            assert_eq!(
                index_answer(index, &query),
                scanned,
                "query {text:?}, {} shards",
                index.shards.len()
            );
        }
    }
    assert!(
        non_trivial > 250,
        "only {non_trivial} queries told articles apart"
    );
}

#[test]
fn empty_libraries_and_empty_articles_are_indexed() {
    let index = Index::build(&[]);
    assert!(index.is_empty());
    let blank = parse_article(
        b"---\ntitle: '!!!'\n---\n...\n",
        "a.md".into(),
        "a.md".into(),
        &Reading::default(),
    )
    .unwrap();
    let index = Index::build_sharded(&[DocText::Article(&blank)], 2);
    let query = Query::parse("anything").unwrap();
    assert_eq!(index_answer(&index, &query), Vec::<u32>::new());
}

/// An article whose body is `len` words of filler with `words` put at the given positions.
fn long_article(n: usize, len: usize, words: &[(usize, &str)]) -> Article {
    let mut body = vec!["trade"; len];
    for &(at, word) in words {
        body[at] = word;
    }
    let text = format!("---\ntitle: Long {n}\n---\n{}\n", body.join(" "));
    parse_article(
        text.as_bytes(),
        format!("{n}.md"),
        format!("{n}.md").into(),
        &Reading::default(),
    )
    .unwrap()
}

/// A phrase check starts where the phrase's words first occur (kept in steps, and only so far),
/// so phrases are put before, at and far beyond where that record ends.
#[test]
fn phrases_are_found_wherever_they_start_in_long_documents() {
    let articles = [
        // The first word early and alone, the phrase far beyond the last step kept.
        long_article(
            0,
            6_000,
            &[(10, "central"), (4_500, "central"), (4_501, "bank")],
        ),
        // The second word first, the phrase later and across a step's edge.
        long_article(1, 600, &[(3, "bank"), (15, "central"), (16, "banks")]),
        // Both words far out, the first word alone again after the phrase.
        long_article(
            2,
            9_000,
            &[(8_190, "central"), (8_191, "bank"), (8_500, "central")],
        ),
        // Both words, never together.
        long_article(3, 5_000, &[(4_200, "bank"), (4_300, "central")]),
        // A three-word phrase whose last two words first occur long before it.
        long_article(
            4,
            7_000,
            &[
                (1, "rates"),
                (2, "bank"),
                (5_000, "central"),
                (5_001, "rates"),
                (5_002, "bank"),
            ],
        ),
    ];
    let docs: Vec<DocText> = articles.iter().map(DocText::Article).collect();
    let built = Index::build_sharded(&docs, 2);
    let decoded = through_encoding(&built);
    let expected: [(&str, &[u32]); 6] = [
        ("\"central bank\"", &[0, 1, 2]),
        ("\"central bank\" -\"central banks\"", &[0, 2]),
        ("\"trade central ban\"", &[0, 1, 2]),
        ("\"bank central\"", &[]),
        ("\"central rates bank\"", &[4]),
        ("\"rates bank\"", &[4]),
    ];
    for (text, answer) in expected {
        let query = Query::parse(text).unwrap();
        let scanned: Vec<u32> = (0..articles.len() as u32)
            .filter(|&n| query.matches(&articles[n as usize]))
            .collect();
        assert_eq!(scanned, answer, "the scan, for {text}");
        for index in [&built, &decoded] {
            assert_eq!(index_answer(index, &query), answer, "the index, for {text}");
        }
    }
}

/// The scan finds "İSTANBUL" by "istanbul" (see the query's tests); so does the index.
#[test]
fn a_dotted_capital_i_is_found_by_a_plain_i() {
    let text = "---\ntitle: İSTANBUL talks\n---\nAnkara and İzmir.";
    let article = parse_article(
        text.as_bytes(),
        "a.md".into(),
        "a.md".into(),
        &Reading::default(),
    )
    .unwrap();
    let index = Index::build(std::slice::from_ref(&article));
    let query = Query::parse("istanbul").unwrap();
    let Test::Text(test) = &query.clauses()[0].test else {
        panic!("a word is a text test")
    };
    assert!(index.find(test).unwrap().contains(0), "the index agrees");
}
