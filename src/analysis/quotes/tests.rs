use super::*;

fn run(text: &str) -> Attribution {
    extract(&Document::new(text))
}

/// (kind, text, speaker name) of each quote.
fn quotes(text: &str) -> Vec<(QuoteKind, String, String)> {
    let a = run(text);
    check_invariants(text, &a);
    a.quotes
        .iter()
        .map(|q| {
            let who = q.speaker.map(|s| a.speakers[s].name.clone()).unwrap_or_default();
            (q.kind, q.span.slice(text).to_string(), who)
        })
        .collect()
}

fn check_invariants(text: &str, a: &Attribution) {
    for (i, q) in a.quotes.iter().enumerate() {
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        assert!(!q.span.slice(text).is_empty());
        if let Some(s) = q.speaker {
            assert!(a.speakers[s].quotes.contains(&i));
        }
        if let Some(c) = q.continues {
            assert!(c < i);
        }
    }
    for w in a.quotes.windows(2) {
        assert!(w[0].span.start <= w[1].span.start);
    }
    for (s, sp) in a.speakers.iter().enumerate() {
        for &q in &sp.quotes {
            assert_eq!(a.quotes[q].speaker, Some(s));
        }
    }
}

#[allow(unused_imports)]
use QuoteKind::{Direct, Indirect, Mixed};

fn q(kind: QuoteKind, text: &str, who: &str) -> (QuoteKind, String, String) {
    (kind, text.to_string(), who.to_string())
}

#[test]
fn direct_quote_with_trailing_attribution() {
    assert_eq!(
        quotes("“We are ready to talk,” Kremlin spokesman Dmitry Peskov said on Monday."),
        [q(Direct, "We are ready to talk,", "Dmitry Peskov")]
    );
}
