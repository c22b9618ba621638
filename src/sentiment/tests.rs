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
    assert!(headline("Inflation cools for a third month").compound > 0.0);
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
    assert_eq!(texts.len(), 3);
    for word in ["famine", "war", "crisis"] {
        assert!(texts.contains(&word), "{texts:?}");
    }
    assert!(e.reasons.iter().all(|r| r.weight < 0.0));
    let weights: Vec<f64> = e.reasons.iter().map(|r| r.weight.abs()).collect();
    assert!(weights.windows(2).all(|w| w[0] >= w[1]), "{weights:?}");
}

/// The bucket and the first reason of a sentence.
fn read(sentence: &str) -> (Bucket, String) {
    let e = headline(sentence);
    let first = e
        .reasons
        .first()
        .map(|r| r.text.clone())
        .unwrap_or_default();
    (e.bucket, first)
}

#[test]
fn factual_sentences_with_one_weak_word_stay_neutral() {
    for sentence in [
        "According to the company, the new plant will employ 120 people.",
        "The investment will be financed with a bank loan.",
        "The agreement was signed in Helsinki on Tuesday.",
        "The company will release its results on 28 October.",
        "The fund is managed by a team based in Stockholm.",
        "The value of the contract is about EUR 3 mn.",
        "Shares of the company closed at EUR 12.40 on Friday.",
        "The report contains information concerning the subsidiaries.",
        "The total cost of the project is estimated at USD 40 million.",
    ] {
        assert_eq!(bucket(sentence), Bucket::Neutral, "{sentence}");
    }
}

#[test]
fn which_way_a_measure_went_decides_not_the_measure() {
    assert_eq!(
        read("Operating profit fell to EUR 3 mn from EUR 5 mn."),
        (Bucket::Negative, "profit fell from 5 to 3".into())
    );
    assert_eq!(
        bucket("Net sales increased by 14% to EUR 95 mn."),
        Bucket::Positive
    );
    assert_eq!(
        bucket("The company cut its full-year guidance."),
        Bucket::Negative
    );
    assert_eq!(
        bucket("Costs fell by 10% thanks to the restructuring."),
        Bucket::Positive
    );
}

#[test]
fn figures_alone_can_give_the_direction() {
    assert_eq!(
        read("Revenue was EUR 150 mn, up from EUR 101 mn."),
        (Bucket::Positive, "revenue up from 101 to 150".into())
    );
    assert_eq!(
        read("Operating profit was EUR 2.1 mn, compared with EUR 6.8 mn a year earlier."),
        (Bucket::Negative, "profit down from 6.8 to 2.1".into())
    );
    assert_eq!(
        bucket("Shares were down 2 percent in early trading."),
        Bucket::Negative
    );
    assert_eq!(
        bucket("The broker raised its price target to $162 from $149."),
        Bucket::Positive
    );
    assert_eq!(
        bucket("Sales fell from EUR 22 mn to EUR 18 mn."),
        Bucket::Negative
    );
}

#[test]
fn a_narrowing_loss_is_better_than_a_widening_one() {
    let narrower = headline("The operating loss narrowed to EUR 1.2 mn.");
    let wider = headline("The operating loss widened to EUR 7.7 mn.");
    assert!(narrower.compound > 0.0 && wider.compound < 0.0);
    assert_eq!(wider.bucket, Bucket::Negative);
    assert_eq!(
        read("The company swung to a profit of EUR 2 mn.").0,
        Bucket::Positive
    );
}

#[test]
fn a_loss_against_a_profit_before_is_bad_news_and_the_other_way_good() {
    assert_eq!(
        read("Pretax loss was EUR 16 mn, compared with a profit of EUR 25 mn a year earlier."),
        (Bucket::Negative, "loss against a profit before".into())
    );
    assert_eq!(
        read("Operating profit was EUR 4 mn, compared with a loss of EUR 2 mn."),
        (Bucket::Positive, "profit against a loss before".into())
    );
    assert_eq!(
        read("Net income swung from a profit of EUR 5 mn to a loss of EUR 2 mn.").0,
        Bucket::Negative
    );
}

#[test]
fn negation_reaches_across_small_words() {
    let e = headline("The company is not expected to face any losses.");
    assert!(e.compound > 0.0, "{e:?}");
    assert_eq!(e.reasons[0].text, "not losses");
    let e = headline("We have never been more bullish about the outlook.");
    assert_eq!(e.bucket, Bucket::Positive, "{e:?}");
}

#[test]
fn words_are_read_in_their_sense() {
    assert_eq!(
        bucket("The plant is a biofuel-fired power plant."),
        Bucket::Neutral
    );
    assert_eq!(bucket("Shares closed higher on Friday."), Bucket::Positive);
    assert_eq!(bucket("The bank was fined EUR 2 mn."), Bucket::Negative);
    assert_eq!(
        bucket("The restructuring will bring annual cost savings of EUR 10 mn."),
        Bucket::Positive
    );
}

#[test]
fn some_sentiment_needs_no_word_of_the_lexicon() {
    assert_eq!(bucket("$XYZ rated buy at a major broker"), Bucket::Positive);
    assert_eq!(
        bucket("The bank downgraded the stock to neutral."),
        Bucket::Negative
    );
    assert_eq!(
        bucket("Quarterly earnings beat estimates"),
        Bucket::Positive
    );
    assert_eq!(bucket("Retailer misses on revenue"), Bucket::Negative);
}

#[test]
fn links_and_tickers_decide_nothing() {
    let plain = headline("Chip designer posts record profit");
    let tweet = headline("$CHIP Chip designer posts record profit https://t.co/AbCdEf");
    assert_eq!(plain, tweet);
}

#[test]
fn a_neutral_estimate_says_what_made_it_neutral() {
    let e = headline("Sales were in line with the company's guidance, as expected.");
    assert_eq!(e.bucket, Bucket::Neutral);
    assert!(
        e.reasons.iter().any(|r| r.text.starts_with("neutral: ")),
        "{e:?}"
    );
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
