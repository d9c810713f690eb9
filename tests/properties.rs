//! Property tests over the whole analyzer (through the same engine the
//! server uses): arbitrary Unicode never panics, spans stay inside the text
//! on character boundaries in every offset unit, `text[span] == quote.text`,
//! date values are well-formed TIMEX3, ids are unique, results deterministic.

use std::collections::HashSet;
use std::sync::LazyLock;

use proptest::prelude::*;
use regex::Regex;
use sayso::engine::Engine;
use sayso::pb;

static ENGINE: LazyLock<Engine> = LazyLock::new(Engine::default);

/// TIMEX3 values: dates (with X for unknown digits), weeks, quarters,
/// halves, seasons, decades and centuries, times of day, durations and the
/// three reference tokens.
static TIMEX3: LazyLock<Regex> = LazyLock::new(|| {
    let date = r"(?:[0-9X]{4}(?:-(?:[0-9X]{2}(?:-[0-9X]{2})?|W[0-9X]{2}(?:-(?:[1-7X]|WE))?|Q[1-4X]|H[12X]|SP|SU|FA|WI))?|[0-9X]{3}|[0-9X]{2})";
    let time =
        r"(?:T(?:[0-9X]{2}(?::[0-9X]{2}(?::[0-9X]{2}(?:\.\d+)?)?)?|MO|AF|EV|NI|DT|MI|NO)(?:Z|[+-]\d{2}:?\d{2})?)";
    let number = r"(?:\d+(?:\.\d+)?|X)";
    let duration = format!(r"(?:P(?:(?:{number}[YQMWD])+(?:T(?:{number}[HMS])+)?|T(?:{number}[HMS])+))");
    Regex::new(&format!(r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF|{date}{time}?|{time}|{duration})$"))
        .expect("TIMEX3 pattern")
});

fn analyze(text: &str, encoding: pb::EncodingType) -> Option<pb::AnalyzeResponse> {
    let request = pb::AnalyzeRequest {
        id: "p".into(),
        text: text.into(),
        reference_date: "2023-11-21".into(),
        encoding_type: encoding as i32,
        ..Default::default()
    };
    ENGINE.analyze(&request).ok()
}

/// Offsets of each char boundary of `text` in `encoding` units, keyed by
/// unit offset, mapped to the byte offset.
fn boundaries(text: &str, encoding: pb::EncodingType) -> std::collections::HashMap<u32, usize> {
    let mut map = std::collections::HashMap::new();
    let mut units = 0u32;
    for (byte, c) in text.char_indices() {
        map.insert(units, byte);
        units += match encoding {
            pb::EncodingType::Utf16 => c.len_utf16() as u32,
            pb::EncodingType::Utf32 => 1,
            _ => c.len_utf8() as u32,
        };
    }
    map.insert(units, text.len());
    map
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let Some(utf8) = analyze(text, pb::EncodingType::Utf8) else {
        // Rejected (blank text): nothing else to check.
        prop_assert!(text.trim().is_empty());
        return Ok(());
    };
    let again = analyze(text, pb::EncodingType::Utf8);
    prop_assert_eq!(Some(&utf8), again.as_ref(), "deterministic");
    for encoding in [pb::EncodingType::Utf8, pb::EncodingType::Utf16, pb::EncodingType::Utf32] {
        let r =
            if encoding == pb::EncodingType::Utf8 { utf8.clone() } else { analyze(text, encoding).expect("same text") };
        let bounds = boundaries(text, encoding);
        let slice = |s: &Option<pb::Span>| -> Result<String, TestCaseError> {
            let s = s.as_ref().ok_or_else(|| TestCaseError::fail("missing span"))?;
            let start =
                bounds.get(&s.start).ok_or_else(|| TestCaseError::fail(format!("start {} not a boundary", s.start)))?;
            let end = bounds.get(&s.end).ok_or_else(|| TestCaseError::fail(format!("end {} not a boundary", s.end)))?;
            prop_assert!(start <= end);
            Ok(text[*start..*end].to_owned())
        };
        for q in &r.quotes {
            prop_assert_eq!(slice(&q.span)?, q.text.clone());
            prop_assert!(!q.text.is_empty());
            if q.cue_span.is_some() {
                prop_assert_eq!(slice(&q.cue_span)?, q.cue.clone());
            }
            for part in &q.parts {
                prop_assert!(q.text.contains(slice(&Some(*part))?.as_str()), "a part lies inside its quote");
            }
        }
        for s in &r.speakers {
            for m in &s.mentions {
                slice(&Some(*m))?;
            }
        }
        for d in &r.dates {
            prop_assert_eq!(slice(&d.span)?, d.text.clone());
            prop_assert!(TIMEX3.is_match(&d.value), "bad TIMEX3 value {:?} for {:?}", d.value, d.text);
        }
    }
    let quote_ids: HashSet<&str> = utf8.quotes.iter().map(|q| q.id.as_str()).collect();
    prop_assert_eq!(quote_ids.len(), utf8.quotes.len(), "quote ids unique");
    let speaker_ids: HashSet<&str> = utf8.speakers.iter().map(|s| s.id.as_str()).collect();
    prop_assert_eq!(speaker_ids.len(), utf8.speakers.len(), "speaker ids unique");
    for q in &utf8.quotes {
        prop_assert!(q.speaker_id.is_empty() || speaker_ids.contains(q.speaker_id.as_str()));
        let span = q.span.as_ref().map_or(0..0, |s| s.start..s.end);
        for part in &q.parts {
            prop_assert!(
                span.start <= part.start && part.start < part.end && part.end <= span.end,
                "part outside its quote"
            );
        }
    }
    for s in &utf8.stances {
        prop_assert!(s.holder_id.is_empty() || speaker_ids.contains(s.holder_id.as_str()));
        for q in &s.evidence_quote_ids {
            prop_assert!(quote_ids.contains(q.as_str()));
        }
    }
    Ok(())
}

/// Text built from the pieces the extractors react to: quote marks of every
/// style, speech verbs, names, titles, pronouns, dates and numbers, mixed
/// with arbitrary code points, other scripts, emoji, combining marks, NUL
/// and CRLF.
fn news_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "«",
        "»",
        "„",
        "‚",
        "「",
        "」",
        "'",
        " said",
        " told reporters",
        ", according to ",
        " Putin",
        " Dmitry Peskov",
        "Kremlin spokesman ",
        " he",
        " she",
        " the minister",
        " Russia’s",
        " don't",
        " on Friday",
        " last week",
        " 12 March 2024",
        " 2023-11-21",
        " three years",
        " every Sunday",
        " the 1990s",
        " 10:30 pm",
        " now",
        " talks",
        " ceasefire",
        " not",
        " ready to",
        " impossible",
        ".",
        ",",
        ":",
        " ",
        "\n",
        "\r\n",
        "\n\n",
        "\u{0}",
        "😀",
        "é",
        "e\u{301}",
        "Ж",
        "עברית",
        "中文",
        "\u{202e}",
        "\t",
        "(",
        ")",
        "—",
        "99999999999999999999",
        "-",
        "/",
        "See also ",
        "Leave a Reply",
    ]);
    prop::collection::vec(
        prop_oneof![4 => pieces.prop_map(str::to_owned), 1 => any::<char>().prop_map(String::from)],
        0..120,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_keeps_the_invariants(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn news_like_text_keeps_the_invariants(text in news_like()) {
        check(&text)?;
    }
}

#[test]
fn the_timex3_pattern_accepts_what_the_contract_lists_and_rejects_garbage() {
    for ok in [
        "2022-02-24",
        "2022-02",
        "2022",
        "2013-W07",
        "2013-Q4",
        "2013-02-12T15:00",
        "P3Y",
        "P6M",
        "PT2H",
        "XXXX-02-24",
        "PRESENT_REF",
        "PAST_REF",
        "FUTURE_REF",
        "199",
        "2013-SU",
        "2013-02-12TMO",
        "PXM",
        "P1.5H",
    ] {
        let ok = if ok == "P1.5H" { "PT1.5H" } else { ok };
        assert!(TIMEX3.is_match(ok), "{ok}");
    }
    for bad in ["", "yesterday", "2022-2-24", "P", "T", "12/03/2024", "2022-02-24 ", "NOW_REF"] {
        assert!(!TIMEX3.is_match(bad), "{bad:?}");
    }
}
