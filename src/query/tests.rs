//! One test per rule of the query language, matched by the plain scan.

use super::*;
use crate::parse::parse_article;
use crate::reading::Reading;

fn article(front_matter: &str, body: &str) -> Article {
    let text = format!("---\n{front_matter}\n---\n{body}");
    parse_article(
        text.as_bytes(),
        "a.md".into(),
        "a.md".into(),
        &Reading::default(),
    )
    .unwrap()
}

fn chips() -> Article {
    article(
        "title: Russia's chips factory opens\ncategory: Technology\ntags: [trade war, exports]\n\
         tldr: [Oil prices fell, Sanctions bite]\nsource_url: https://www.FT.com/content/1\n\
         sentiment_score: 7.5\nsentiment_label: Bullish/Positive\ndate: 2026-02-01 06:48:05",
        "The supply-chain for the U.S. market imports parts.\n",
    )
}

fn matches(query: &str, article: &Article) -> bool {
    Query::parse(query)
        .unwrap_or_else(|e| panic!("{query}: {e}"))
        .matches(article)
}

#[test]
fn words_are_letter_and_digit_runs_lowercased() {
    assert!(matches("russia", &chips()) && matches("RUSSIA", &chips()));
    assert!(matches("s", &chips()), "Russia's gives russia and s");
}

#[test]
fn a_dotted_capital_i_is_found_by_a_plain_i() {
    let article = article("title: İSTANBUL talks", "Ankara and İzmir.");
    for query in ["istanbul", "İstanbul", "izm", "\"istanbul talks\""] {
        assert!(matches(query, &article), "{query}");
    }
}

#[test]
fn a_bare_word_matches_the_start_of_a_word_in_any_field() {
    for query in [
        "chip", "technol", "trade", "export", "oil", "sanction", "supply", "market",
    ] {
        assert!(matches(query, &chips()), "{query}");
    }
}

#[test]
fn a_bare_word_does_not_match_inside_a_word() {
    assert!(!matches("port", &chips()), "port is inside imports");
    assert!(!matches("hips", &chips()));
}

#[test]
fn several_words_in_one_term_match_in_a_row_with_the_last_as_prefix() {
    assert!(matches("supply-chain", &chips()));
    assert!(matches("u.s", &chips()));
    assert!(matches("\"oil pri\"", &chips()));
    assert!(!matches("\"oil fell\"", &chips()), "not in a row");
    assert!(!matches("\"pri oil\"", &chips()), "not in that order");
    assert!(
        !matches("\"oi prices\"", &chips()),
        "only the last word is a prefix"
    );
}

#[test]
fn a_phrase_does_not_run_across_fields_or_items() {
    // "opens" ends the title and "technology" is the category; "fell" ends one TL;DR item and
    // "sanctions" starts the next.
    assert!(!matches("\"opens technology\"", &chips()));
    assert!(!matches("\"fell sanctions\"", &chips()));
    assert!(!matches("\"war exports\"", &chips()), "two tags");
}

#[test]
fn a_minus_excludes_terms_phrases_and_field_terms() {
    assert!(!matches("-chips", &chips()));
    assert!(matches("-bananas", &chips()));
    assert!(!matches("-\"oil prices\"", &chips()));
    assert!(!matches("-title:russia", &chips()));
    assert!(matches("-title:technology", &chips()));
    assert!(!matches("-score:>=7", &chips()));
}

#[test]
fn title_category_and_tag_terms_search_only_their_field() {
    assert!(matches("title:\"chips factory\"", &chips()));
    assert!(!matches("title:oil", &chips()));
    assert!(matches("category:tech", &chips()), "matches Technology");
    assert!(!matches("category:chips", &chips()));
    assert!(matches("tag:\"trade war\"", &chips()) && matches("tag:exp", &chips()));
    assert!(!matches("tag:technology", &chips()));
}

#[test]
fn source_is_part_of_the_url_in_any_case() {
    assert!(matches("source:ft.com", &chips()) && matches("source:FT.COM/content", &chips()));
    assert!(!matches("source:reuters", &chips()));
}

#[test]
fn label_takes_bucket_names_untagged_or_part_of_the_label() {
    assert!(matches("label:positive", &chips()) && matches("label:bullish", &chips()));
    assert!(!matches("label:negative", &chips()) && !matches("label:bearish", &chips()));
    assert!(!matches("label:neutral", &chips()));
    assert!(matches("label:ish/pos", &chips()), "part of the raw label");
    assert!(!matches("label:untagged", &chips()));
    assert!(matches("label:untagged", &article("title: T", "")));
}

#[test]
fn score_compares_with_operators_and_ranges() {
    assert!(matches("score:>=7", &chips()) && matches("score:>7", &chips()));
    assert!(!matches("score:<=7", &chips()) && matches("score:<8", &chips()));
    assert!(matches("score:7..8", &chips()) && !matches("score:3..5", &chips()));
    assert!(matches("score:=7.5", &chips()) && matches("score:7.5", &chips()));
}

#[test]
fn date_compares_with_a_year_a_month_or_a_day_as_written() {
    for yes in [
        "date:2026",
        "date:2026-02",
        "date:2026-02-01",
        "date:>=2026-01-15",
        "date:2025-12-01..2026-02-01",
    ] {
        assert!(matches(yes, &chips()), "{yes}");
    }
    for no in [
        "date:2025",
        "date:2026-03",
        "date:>2026-02",
        "date:<2026-02-01",
        "date:2025-12-01..2026-01-15",
    ] {
        assert!(!matches(no, &chips()), "{no}");
    }
}

#[test]
fn articles_without_a_score_or_date_never_match_those_terms() {
    // A label without a score is sentiment from the file, so nothing is estimated.
    let bare = article("title: T\nsentiment_label: Neutral", "");
    for query in ["score:>=1", "score:<100", "date:>1900", "date:<3000"] {
        assert!(!matches(query, &bare), "{query}");
    }
}

#[test]
fn estimates_answer_label_and_score_but_stay_untagged() {
    let estimated = article("title: Carmaker announces 3,000 layoffs", "");
    assert!(estimated.sentiment.is_estimated());
    for query in [
        "label:negative",
        "label:bearish",
        "score:<4.5",
        "label:untagged",
    ] {
        assert!(matches(query, &estimated), "{query}");
    }
    for query in ["label:positive", "score:>=4.5", "-label:untagged"] {
        assert!(!matches(query, &estimated), "{query}");
    }
    assert!(!matches("label:untagged", &chips()));
}

#[test]
fn all_terms_must_hold() {
    assert!(matches("chips oil label:positive", &chips()));
    assert!(!matches("chips bananas", &chips()));
}

#[test]
fn an_empty_query_matches_everything() {
    for empty in ["", "   ", "- \"\" ... --"] {
        let query = Query::parse(empty).unwrap();
        assert!(query.is_empty(), "{empty:?}");
        assert!(query.matches(&chips()) && query.matches(&article("title: T", "")));
    }
}

#[test]
fn an_unknown_field_is_plain_text() {
    let query = Query::parse("mood:supply").unwrap();
    assert_eq!(
        query.clauses()[0].test,
        Test::Text(TextTest {
            field: TextField::Any,
            words: vec!["mood".into(), "supply".into()]
        })
    );
    assert!(!query.matches(&chips()));
    assert!(
        matches("the:supply", &chips()),
        "\"the supply\" is in the body"
    );
}

#[test]
fn malformed_values_are_errors_that_say_what_was_expected() {
    let error = |text: &str| Query::parse(text).unwrap_err().to_string();
    assert_eq!(
        error("score:>=abc"),
        "\"score:>=abc\": expected a score such as 7, >=7, <3 or 3..5"
    );
    assert_eq!(
        error("oil date:2026-13"),
        "\"date:2026-13\": expected a date such as 2026-02, >=2026-01-15, 2025-12..2026-01, today or >=7d"
    );
    assert_eq!(error("title:"), "title: needs a word or a \"phrase\"");
    assert_eq!(
        error("label:"),
        "label: needs positive, neutral, negative, untagged or part of a label"
    );
    assert!(Query::parse("-score:").is_err());
}

#[test]
fn field_names_ignore_case() {
    assert!(matches("TITLE:chips Score:>5", &chips()));
}

#[test]
fn highlights_cover_matched_words_and_whole_phrases() {
    let query = Query::parse("oil \"supply chain\" title:chips -import").unwrap();
    let text = "Oil and supply chains; supply of oilseed. Chips!";
    let words: Vec<&str> = query
        .highlights(text, Place::Body)
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(
        words,
        ["Oil", "supply", "chains", "oilseed"],
        "title: terms do not apply to the body"
    );
    let words: Vec<&str> = query
        .highlights(text, Place::Title)
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(words, ["Oil", "supply", "chains", "oilseed", "Chips"]);
    assert!(
        Query::parse("-oil")
            .unwrap()
            .highlights(text, Place::Body)
            .is_empty(),
        "exclusions highlight nothing"
    );
}

#[test]
fn is_terms_follow_the_marks() {
    let article = chips();
    let mut marks = Marks::default();
    let holds =
        |query: &str, marks: &Marks| Query::parse(query).unwrap().matches_marked(&article, marks);
    assert!(holds("is:unread", &marks));
    assert!(!holds("is:read", &marks));
    assert!(!holds("is:starred", &marks));
    marks.put(Mark::Read, &article.id, true);
    marks.put(Mark::Starred, &article.id, true);
    assert!(holds("is:read is:starred chips", &marks));
    assert!(
        holds("IS:READ", &marks),
        "field names and values ignore case"
    );
    assert!(!holds("-is:starred", &marks));
    assert!(!holds("is:unstarred", &marks));
    assert!(
        !matches("is:read", &article),
        "without marks nothing is read"
    );
    let error = Query::parse("is:new").unwrap_err();
    assert_eq!(
        error.to_string(),
        "\"is:new\": expected is:read, is:unread, is:starred or is:unstarred"
    );
}

fn oil() -> Article {
    article(
        "title: Oil prices fall\ncategory: Energy\nsentiment_score: 6",
        "Crude slid.\n",
    )
}

fn gas() -> Article {
    article(
        "title: Gas shortage\ncategory: Energy\nsentiment_score: 2",
        "Winter.\n",
    )
}

fn sport() -> Article {
    article(
        "title: Cup final\ncategory: Sport\nsentiment_score: 2",
        "Oil on the pitch.\n",
    )
}

#[test]
fn or_matches_either_and_binds_looser_than_terms_side_by_side() {
    assert!(matches("oil OR gas", &oil()) && matches("oil OR gas", &gas()));
    assert!(!matches(
        "oil OR gas",
        &article("title: Wheat", "Harvest.\n")
    ));
    // `title:oil crude OR gas` is `(title:oil crude) OR gas`.
    assert!(matches("title:oil crude OR gas", &oil()));
    assert!(matches("title:oil crude OR gas", &gas()));
    assert!(!matches("title:oil crude OR gas", &sport()));
    // A lower-case `or` is a word, which must be there.
    assert!(!matches("oil or gas", &oil()));
}

#[test]
fn parentheses_group_and_a_minus_excludes_a_group() {
    let query = "(label:negative OR score:<3) -category:sport";
    assert!(matches(query, &gas()));
    assert!(!matches(query, &sport()), "sport is excluded");
    assert!(!matches(query, &oil()), "neither negative nor under 3");
    assert!(matches(
        "-(oil OR gas)",
        &article("title: Wheat", "Harvest.\n")
    ));
    assert!(!matches("-(oil OR gas)", &gas()));
    assert!(matches("energy (oil OR gas)", &gas()));
    assert!(!matches("energy (oil OR gas)", &sport()));
    assert!(
        matches("\"(oil\"", &oil()),
        "a parenthesis in quotes is text"
    );
}

#[test]
fn badly_formed_groups_are_errors() {
    let error = |text: &str| Query::parse(text).unwrap_err().to_string();
    assert_eq!(error("(oil OR gas"), "`(` is never closed");
    assert_eq!(error("oil) gas"), "`)` closes no `(`");
    assert_eq!(error("oil OR"), "`OR` needs a term on each side");
    assert_eq!(error("OR oil"), "`OR` needs a term on each side");
    assert_eq!(error("oil OR OR gas"), "`OR` needs a term on each side");
    assert_eq!(error("()"), "`( )` holds no term");
    assert!(error(&"(".repeat(100)).contains("nest more than"));
}

#[test]
fn a_saved_search_stands_for_its_query() {
    let saved = SavedQueries::new([
        ("energy".to_owned(), "category:energy OR tag:oil".to_owned()),
        ("grim".to_owned(), "@energy label:negative".to_owned()),
        ("loop".to_owned(), "oil @loop".to_owned()),
    ]);
    let context = QueryContext {
        saved: &saved,
        today: jiff::civil::date(2026, 3, 15),
    };
    let parse = |text: &str| Query::parse_in(text, &context);
    let energy = parse("@energy label:negative").unwrap();
    assert!(energy.matches(&gas()) && !energy.matches(&oil()) && !energy.matches(&sport()));
    assert!(parse("@grim").unwrap().matches(&gas()));
    assert!(parse("-@energy").unwrap().matches(&sport()));
    let unknown = parse("@sports").unwrap_err().to_string();
    assert_eq!(
        unknown,
        "no saved search is called `sports`; saved: energy, grim, loop"
    );
    assert!(
        parse("@loop")
            .unwrap_err()
            .to_string()
            .contains("refers to itself")
    );
}

#[test]
fn dates_count_back_from_today() {
    let saved = SavedQueries::default();
    let context = QueryContext {
        saved: &saved,
        today: jiff::civil::date(2026, 3, 15),
    };
    let dated = |date: &str| article(&format!("title: T\ndate: {date}"), "Body.\n");
    let holds = |query: &str, date: &str| {
        Query::parse_in(query, &context)
            .unwrap_or_else(|e| panic!("{query}: {e}"))
            .matches(&dated(date))
    };
    assert!(holds("date:today", "2026-03-15") && !holds("date:today", "2026-03-14"));
    assert!(holds("date:>=7d", "2026-03-08") && !holds("date:>=7d", "2026-03-07"));
    assert!(holds("date:<2w", "2026-02-28") && !holds("date:<2w", "2026-03-01"));
    assert!(holds("date:1m", "2026-02-15"));
    assert!(holds("date:3m..1m", "2026-01-01") && !holds("date:3m..1m", "2026-03-01"));
    assert!(Query::parse_in("date:>=7y", &context).is_err());
}

#[test]
fn chinese_and_japanese_words_are_found_inside_the_text_they_are_written_in() {
    let chinese = article(
        "title: 央行宣布下调存款准备金率",
        "上证综指当日上涨1.2%。部分经济学家预计，今年晚些时候可能还会有进一步的宽松措施。\n",
    );
    for query in [
        "央行",
        "存款准备金率",
        "准备金",
        "上涨",
        "经济学家",
        "title:下调",
    ] {
        assert!(matches(query, &chinese), "{query}");
    }
    for query in ["存款银行", "日本", "title:上涨"] {
        assert!(!matches(query, &chinese), "{query}");
    }
    let japanese = article(
        "title: 日銀が金融政策を据え置き",
        "植田総裁は記者会見で述べた。\n",
    );
    for query in ["金融政策", "据え置き", "植田総裁", "\"記者会見\""] {
        assert!(matches(query, &japanese), "{query}");
    }
}
