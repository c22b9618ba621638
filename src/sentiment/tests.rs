use super::*;

fn headline(title: &str) -> Estimate {
    estimate(title, &[], "", Scale::default())
}

fn bucket(title: &str) -> Bucket {
    headline(title).bucket
}

#[test]
fn plain_good_and_bad_news() {
    assert_eq!(
        bucket("Chip designer posts record profit"),
        Bucket::Positive
    );
    assert_eq!(bucket("Carmaker announces 3,000 layoffs"), Bucket::Negative);
    assert_eq!(bucket("City council meets on Tuesday"), Bucket::Neutral);
}

#[test]
fn negation_turns_a_word_around() {
    assert!(headline("Talks end without agreement").compound < 0.0);
    assert!(headline("Trial finds no serious safety concerns").compound > 0.0);
    let reasons = headline("Trial finds no serious safety concerns").reasons;
    assert_eq!(reasons[0].text, "no concerns");
}

#[test]
fn bad_things_going_down_are_good_news() {
    assert_eq!(bucket("Unemployment falls to 3.9%"), Bucket::Positive);
    assert_eq!(bucket("Unemployment rises to 6%"), Bucket::Negative);
    assert_eq!(bucket("A sharp rise in jobless claims"), Bucket::Negative);
    assert_eq!(
        bucket("Inflation cools for a third month"),
        Bucket::Positive
    );
    let reasons = headline("Unemployment falls").reasons;
    assert_eq!(reasons[0].text, "unemployment falls");
}

#[test]
fn what_follows_but_weighs_more() {
    let e = headline("Sales rose slightly, but profit collapsed");
    assert_eq!(e.bucket, Bucket::Negative);
    let e = headline("Profit fell, but the outlook brightened on record orders and strong demand");
    assert!(e.compound > 0.0, "{e:?}");
}

#[test]
fn intensifiers_and_dampeners_scale() {
    let plain = headline("Exports fall").compound;
    let sharp = headline("Exports fall sharply").compound;
    assert!(sharp < plain, "{sharp} {plain}");
    let slight = headline("Exports fall slightly").compound;
    assert!(plain < slight, "{plain} {slight}");
    let severe = headline("A severe drought").compound;
    assert!(severe < headline("A drought").compound);
}

#[test]
fn neutral_markers_hold_a_report_in_the_middle() {
    assert_eq!(
        bucket("Central bank holds rates steady, as expected"),
        Bucket::Neutral
    );
}

#[test]
fn the_title_weighs_more_than_the_body() {
    let body = "Analysts had feared a weak quarter.";
    let e = estimate("Retailer posts record profit", &[], body, Scale::default());
    assert_eq!(e.bucket, Bucket::Positive);
}

#[test]
fn estimates_are_whole_numbers_on_the_house_scale_and_agree_with_their_bucket() {
    for title in [
        "Catastrophic floods kill hundreds as dams collapse",
        "Markets open",
        "Record profit, booming sales and a breakthrough",
    ] {
        let e = headline(title);
        assert!(
            (1.0..=10.0).contains(&e.score) && e.score.fract() == 0.0,
            "{e:?}"
        );
        assert_eq!(Scale::default().bucket(e.score), e.bucket);
        assert_eq!(e.label(), e.bucket.canonical_label());
    }
}

#[test]
fn reasons_are_the_heaviest_words_strongest_first() {
    let e = headline("War and famine deepen a humanitarian crisis");
    let texts: Vec<&str> = e.reasons.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, ["famine", "war", "crisis"], "ties in order of text");
    assert!(e.reasons.iter().all(|r| r.weight < 0.0));
}

#[test]
fn the_lexicon_is_consistent() {
    // Building it checks in debug builds that no word is listed twice.
    let lexicon = lexicon::Lexicon::get();
    assert!(lexicon.exact("layoffs").is_some());
    for word in [
        "surged", "surging", "surges", "worries", "slashing", "cutting",
    ] {
        assert!(lexicon.word(word).is_some(), "{word}");
    }
}

/// A word whose stem ends in two equal bytes inside one character (`၁`, a Myanmar digit, is
/// E1 81 81) is not a doubled consonant, and must not be cut inside that character.
#[test]
fn inflections_are_undone_by_characters_not_bytes() {
    let lexicon = lexicon::Lexicon::get();
    for suffix in ["ed", "ing", "s", "es", "ies", "ied"] {
        for stem in ["x၁", "၁၁", "xyz၁", "é", "ßß"] {
            let word = format!("{stem}{suffix}");
            assert_eq!(lexicon.word(&word), None, "{word}");
        }
    }
    assert_eq!(bucket("Markets x၁ed and x၁ing"), Bucket::Neutral);
}

/// The table of inflected words gives what trying each rule on a word gives: for every form
/// in the table, those forms with a letter more or less, and every word of the sample
/// articles.
#[test]
fn the_inflection_table_agrees_with_the_rules() {
    let lexicon = lexicon::Lexicon::get();
    let mut words: Vec<String> = lexicon.known_forms().map(str::to_owned).collect();
    assert!(words.len() > 5_000, "{}", words.len());
    for form in words.clone() {
        let mut shorter = form.clone();
        shorter.pop();
        words.push(shorter);
        for more in ["s", "d", "e", "ed", "ing", "es", "ies"] {
            words.push(format!("{form}{more}"));
        }
    }
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-articles");
    for entry in std::fs::read_dir(samples).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        words.extend(crate::words::words(&text).map(|w| w.to_lowercase()));
    }
    for word in &words {
        assert_eq!(lexicon.word(word), lexicon.word_by_rules(word), "{word}");
    }
}
