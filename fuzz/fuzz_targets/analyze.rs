//! Any UTF-8 text through the whole analyzer: no panic, and every span on
//! character boundaries with `text[span] == quote.text`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sayso::engine::Engine;
use sayso::pb;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let engine = Engine::default();
    let request = pb::AnalyzeRequest { text: text.to_owned(), reference_date: "2023-11-21".into(), ..Default::default() };
    let Ok(response) = engine.analyze(&request) else { return };
    for q in &response.quotes {
        let span = q.span.unwrap_or_default();
        assert_eq!(text.get(span.start as usize..span.end as usize), Some(q.text.as_str()));
    }
    for d in &response.dates {
        let span = d.span.unwrap_or_default();
        assert_eq!(text.get(span.start as usize..span.end as usize), Some(d.text.as_str()));
    }
});
