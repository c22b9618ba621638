use super::*;

const ARTICLE: &str = "\
Port workers extended their strike on Tuesday, leaving more than forty grain ships waiting offshore.

Photo: Jane Doe/Reuters

The strike has halted grain exports from the country's largest port for three weeks, and wheat prices have risen in every regional market since it began.

The union wants a new pay scale before its members return to work at the port. The port authority says it already offered the largest pay increase in a decade.

Share this:

Farmers say their silos are full and that grain stored in the open could rot within a week of rain. Several cooperatives have asked the government to order the port reopened so that grain exports can resume.

The transport minister said the government would not intervene for now. Analysts expect wheat prices to keep rising while the grain ships wait and the strike at the port goes on.

Is this the end of cheap bread?

Leave a Comment
";

#[test]
fn two_or_three_sentences_of_the_article_verbatim() {
    let tldr = estimate(ARTICLE);
    assert!((2..=3).contains(&tldr.len()), "{tldr:?}");
    for sentence in &tldr {
        assert!(
            ARTICLE.contains(sentence.as_str()),
            "{sentence} is not verbatim"
        );
        assert!(sentence.ends_with('.'), "{sentence}");
    }
}

#[test]
fn never_furniture_a_caption_or_a_question() {
    for sentence in estimate(ARTICLE) {
        for left_out in ["Photo", "Share", "Leave", "bread?"] {
            assert!(!sentence.contains(left_out), "{sentence}");
        }
    }
}

#[test]
fn not_the_first_sentences_only() {
    let tldr = estimate(ARTICLE);
    let first_three = [
        "Port workers extended their strike",
        "The strike has halted grain exports",
        "The union wants a new pay scale",
    ];
    assert!(
        tldr.iter()
            .any(|s| !first_three.iter().any(|f| s.starts_with(f))),
        "{tldr:?}"
    );
}

#[test]
fn in_the_order_of_the_article() {
    let tldr = estimate(ARTICLE);
    let places: Vec<usize> = tldr
        .iter()
        .map(|s| ARTICLE.find(s.as_str()).unwrap())
        .collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "{tldr:?}");
}

#[test]
fn markdown_comes_off_the_sentences() {
    let body = "# Title\n\nThe **central bank** kept [its rates](https://bank.example/rates) where they were on Thursday, as expected.\n\nInflation has fallen for six months in a row and is close to the bank's target of two per cent.\n";
    let tldr = estimate(body);
    assert_eq!(
        tldr,
        [
            "The central bank kept its rates where they were on Thursday, as expected.",
            "Inflation has fallen for six months in a row and is close to the bank's target of two per cent."
        ]
    );
}

#[test]
fn too_little_text_gives_none() {
    assert!(estimate("").is_empty());
    assert!(estimate("Only one sentence here that is long enough to count as one.").is_empty());
    assert!(estimate("Menu\n\nHome\n\nShare this:").is_empty());
}

#[test]
fn words_are_counted_as_split_whitespace_counts_them() {
    for text in [
        "",
        "  one  ",
        "a\tb\nc\x0bd\x0ce\rf g",
        "Café au lait\u{a0}noir, s'il vous plaît.",
        "x\x1cy",
    ] {
        assert_eq!(
            count_words(text),
            text.split_whitespace().count(),
            "{text:?}"
        );
    }
}

/// Scripts without capitals start their sentences with any letter.
#[test]
fn an_article_in_a_script_without_capitals_gets_one_too() {
    let arabic = "\
صوت مجلس المدينة يوم الثلاثاء على بناء حاجز متحرك للفيضانات عند مدخل الميناء بعد سنوات طويلة من النقاش. وقال المسؤولون إن الحاجز سيحمي البلدة القديمة من ارتفاع مستوى البحر في السنوات المقبلة.

ومن المتوقع أن تبلغ تكلفة المشروع نحو مئتين وأربعين مليون يورو وأن ينتهي العمل فيه بحلول عام ألفين وواحد وثلاثين. وقال المهندسون إن الحاجز سيحمي نحو ثمانية عشر ألف منزل ومتجر من العواصف.

وافق أعضاء المجلس على الخطة بأغلبية واحد وثلاثين صوتا مقابل اثني عشر صوتا في جلسة طويلة. وقال المعارضون إن الأموال كان من الأفضل إنفاقها على رفع الجدران البحرية واستعادة الأراضي الرطبة.
";
    let tldr = estimate(arabic);
    assert!((2..=3).contains(&tldr.len()), "{tldr:?}");
    for sentence in &tldr {
        assert!(arabic.contains(sentence.as_str()), "{sentence}");
        assert!(sentence.ends_with('.'), "{sentence}");
    }
}

/// Chinese and Japanese put no space after a sentence nor between words: sentences end at
/// their full-width marks, and words are read as pairs of characters.
#[test]
fn chinese_and_japanese_articles_get_a_tldr_of_their_own_sentences() {
    let chinese = "中国人民银行周五宣布，将于下周一起下调金融机构存款准备金率0.5个百分点。此举预计将释放长期资金约一万亿元。分析人士认为，这一措施旨在支持实体经济发展，缓解企业融资压力。\n\n\
        央行表示，此次降准将优化金融机构资金结构，增强金融服务实体经济的能力。市场对此反应积极，上证综指当日上涨1.2%。部分经济学家预计，今年晚些时候可能还会有进一步的宽松措施。\n\n\
        不过，也有专家提醒，房地产市场的风险仍需关注。";
    let japanese = "日本銀行は金曜日、金融政策決定会合で現行の政策金利を据え置くことを決めた。植田総裁は記者会見で、物価の動向を慎重に見極める考えを示した。市場では追加利上げの時期をめぐる観測が続いている。\n\n\
        円相場は発表後、対ドルで小幅に上昇した。「賃金交渉の結果が次の判断材料になる」と一部のエコノミストは指摘している。";
    for body in [chinese, japanese] {
        let tldr = estimate(body);
        assert!((2..=3).contains(&tldr.len()), "{tldr:?}");
        for sentence in &tldr {
            assert!(
                body.contains(sentence.as_str()),
                "{sentence} is not verbatim"
            );
            assert!(sentence.ends_with('。'), "one sentence: {sentence}");
            assert_eq!(
                sentence.matches('。').count(),
                1,
                "one sentence: {sentence}"
            );
        }
    }
    // The sentences that carry the article's recurring words: the cut and what it does.
    let tldr = estimate(chinese);
    assert!(tldr.iter().any(|s| s.contains("存款准备金率")), "{tldr:?}");
}

#[test]
fn a_chinese_run_counts_a_word_for_every_two_characters() {
    assert_eq!(count_words("央行宣布降准"), 3);
    assert_eq!(count_words("Prices 上涨了 today"), 4);
    assert_eq!(count_words("Café au lait"), 3);
}
