//! The table's text read back exactly, and words keyed as the table keys them.

use super::*;

#[test]
fn a_weight_is_read_as_parsing_reads_it() {
    let table = include_str!("weights.tsv");
    let shipped = table
        .lines()
        .filter(|line| !line.starts_with('#'))
        .flat_map(|line| line.split('\t').skip(2));
    let written = (-1200..=1200).map(|hundredths| rounded(f64::from(hundredths) / 100.0));
    let odd = [
        "0.5",
        "-0.00",
        "+1.25",
        "1e3",
        "12345678901.25",
        "007.10",
        "1.",
        ".25",
        "-",
        "--1.00",
        "1.2.3",
        "1,25",
        "",
        "inf",
        "NaN",
        "0.125",
        "-3.999",
    ];
    let texts: Vec<String> = shipped
        .map(str::to_owned)
        .chain(written)
        .chain(odd.map(str::to_owned))
        .collect();
    assert!(texts.len() > 20_000, "{}", texts.len());
    for text in &texts {
        let expected: Option<f64> = text.parse().ok();
        assert_eq!(
            parse_weight(text).map(f64::to_bits),
            expected.map(f64::to_bits),
            "{text:?}"
        );
    }
}

#[test]
fn a_short_key_is_the_words_bytes_then_its_length() {
    let text = "abcdefghijklmnopé’";
    for end in (0..=text.len()).filter(|&end| text.is_char_boundary(end)) {
        let word = &text[..end];
        let mut expected = [0; 16];
        match word.len() {
            0..=15 => {
                expected[..word.len()].copy_from_slice(word.as_bytes());
                expected[15] = word.len() as u8;
                assert_eq!(
                    Words::short_key(word),
                    Some((
                        u64::from_le_bytes(expected[..8].try_into().unwrap()),
                        u64::from_le_bytes(expected[8..].try_into().unwrap())
                    )),
                    "{word}"
                );
            }
            _ => assert_eq!(Words::short_key(word), None, "{word}"),
        }
    }
}
