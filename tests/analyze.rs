use std::time::Duration;

use sayso::client::AnalyzeOptions;
use sayso::config::ServerConfig;
use sayso::pb;
use tonic::Code;

use crate::util::{TestServer, seeds};

/// Asserts the invariants every response keeps: spans inside the text on
/// character boundaries, `text[span] == quote.text`, ids that resolve.
pub(crate) fn assert_well_formed(text: &str, r: &pb::AnalyzeResponse) {
    let slice = |s: &pb::Span| -> &str {
        let (start, end) = (s.start as usize, s.end as usize);
        assert!(start <= end && end <= text.len(), "span {start}..{end} outside the text");
        text.get(start..end).unwrap_or_else(|| panic!("span {start}..{end} not on char boundaries"))
    };
    let speaker_ids: Vec<&str> = r.speakers.iter().map(|s| s.id.as_str()).collect();
    let quote_ids: Vec<&str> = r.quotes.iter().map(|q| q.id.as_str()).collect();
    for q in &r.quotes {
        assert_eq!(slice(q.span.as_ref().expect("quote span")), q.text, "quote {} text", q.id);
        if let Some(cue) = &q.cue_span {
            assert_eq!(slice(cue), q.cue, "quote {} cue", q.id);
        }
        if !q.speaker_id.is_empty() {
            assert!(speaker_ids.contains(&q.speaker_id.as_str()), "quote {} speaker", q.id);
        }
    }
    for s in &r.speakers {
        for m in &s.mentions {
            slice(m);
        }
        for q in &s.quote_ids {
            assert!(quote_ids.contains(&q.as_str()), "speaker {} quote {q}", s.id);
        }
    }
    for d in &r.dates {
        assert_eq!(slice(d.span.as_ref().expect("date span")), d.text);
        assert!(!d.value.is_empty(), "date {:?} has no value", d.text);
    }
    for s in &r.stances {
        for q in &s.evidence_quote_ids {
            assert!(quote_ids.contains(&q.as_str()), "stance evidence {q}");
        }
    }
}

#[tokio::test]
async fn analyzes_every_seed() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    for (name, text) in seeds() {
        let response = client.analyze(text.clone(), &AnalyzeOptions::default().id(name.clone())).await.expect(&name);
        assert_eq!(response.id, name);
        assert_eq!(response.language.as_ref().map(|l| l.code.as_str()), Some("eng"), "{name}");
        assert!(response.error.is_none());
        assert_well_formed(&text, &response);
    }
    server.stop().await;
}

#[tokio::test]
async fn bad_input_is_invalid_argument_naming_the_field() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let cases = [
        (pb::AnalyzeRequest { text: String::new(), ..Default::default() }, "text"),
        (pb::AnalyzeRequest { text: " \n\t".into(), ..Default::default() }, "text"),
        (
            pb::AnalyzeRequest { text: "Hi.".into(), reference_date: "21/11/2023".into(), ..Default::default() },
            "reference_date",
        ),
        (pb::AnalyzeRequest { text: "Hi.".into(), encoding_type: 17, ..Default::default() }, "encoding_type"),
        (pb::AnalyzeRequest { text: "Hi.".into(), features: vec![99], ..Default::default() }, "features[0]"),
        (
            pb::AnalyzeRequest {
                text: "Hi.".into(),
                stance_targets: vec![pb::StanceTarget { name: String::new(), keywords: vec![] }],
                ..Default::default()
            },
            "stance_targets[0].name",
        ),
    ];
    for (request, field) in cases {
        let status = client.analyze_request(request).await.expect_err(field);
        assert_eq!(status.code(), Code::InvalidArgument, "{field}: {status:?}");
        assert!(status.message().starts_with(&format!("{field}:")), "{field}: {}", status.message());
    }
    server.stop().await;
}

#[tokio::test]
async fn text_over_the_limit_is_resource_exhausted_and_the_limit_itself_is_fine() {
    let config = ServerConfig { max_text_bytes: 4096, ..ServerConfig::default() };
    let server = TestServer::start_with(config).await;
    let mut client = server.client().await;
    let limit = 4096;
    let at_limit = format!("{}{}", "word ".repeat(limit / 5), "x".repeat(limit % 5));
    assert_eq!(at_limit.len(), limit);
    client.analyze(at_limit.clone(), &AnalyzeOptions::default()).await.expect("a text of exactly the limit");
    let status = client.analyze(at_limit + "y", &AnalyzeOptions::default()).await.expect_err("one byte over");
    assert_eq!(status.code(), Code::ResourceExhausted);
    assert!(status.message().contains("max_text_bytes"), "{}", status.message());
    // Far over the limit: refused before decoding (tonic answers OUT_OF_RANGE
    // there, naming the message limit), still with a status.
    let status = client.analyze("z".repeat(3 << 20), &AnalyzeOptions::default()).await.expect_err("3 MiB");
    assert!(matches!(status.code(), Code::ResourceExhausted | Code::OutOfRange), "{status:?}");
    assert!(status.message().contains("limit"), "{}", status.message());
    // The server keeps serving.
    client.analyze("Still here.", &AnalyzeOptions::default()).await.expect("next call");
    server.stop().await;
}

#[tokio::test]
async fn a_passed_deadline_ends_the_call_and_the_server_goes_on() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let text = "“We are ready to talk on Friday,” the minister said in Kyiv on 12 March 2024. ".repeat(12_000);
    let mut request = tonic::Request::new(AnalyzeOptions::default().request(text));
    request.set_timeout(Duration::from_millis(1));
    let status = client.inner().analyze(request).await.expect_err("1 ms is too short");
    assert!(matches!(status.code(), Code::DeadlineExceeded | Code::Cancelled), "{status:?}");
    client.analyze("Still here.", &AnalyzeOptions::default()).await.expect("next call");
    server.stop().await;
}

#[tokio::test]
async fn offsets_follow_the_requested_encoding() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let text = "Пресс-секретарь 😀 сказал. On 12 March 2024, “We are ready to talk,” Putin said.";
    let utf8 = client.analyze(text, &AnalyzeOptions::default()).await.expect("utf8");
    let utf16 =
        client.analyze(text, &AnalyzeOptions::default().encoding(pb::EncodingType::Utf16)).await.expect("utf16");
    let utf32 =
        client.analyze(text, &AnalyzeOptions::default().encoding(pb::EncodingType::Utf32)).await.expect("utf32");
    assert_well_formed(text, &utf8);
    let spans = |r: &pb::AnalyzeResponse| -> Vec<(u32, u32)> {
        r.quotes
            .iter()
            .filter_map(|q| q.span)
            .chain(r.dates.iter().filter_map(|d| d.span))
            .map(|s| (s.start, s.end))
            .collect()
    };
    let to_units =
        |byte: u32, f: fn(char) -> usize| -> u32 { text[..byte as usize].chars().map(f).sum::<usize>() as u32 };
    let expected16: Vec<_> =
        spans(&utf8).iter().map(|&(s, e)| (to_units(s, char::len_utf16), to_units(e, char::len_utf16))).collect();
    let expected32: Vec<_> = spans(&utf8).iter().map(|&(s, e)| (to_units(s, |_| 1), to_units(e, |_| 1))).collect();
    assert_eq!(spans(&utf16), expected16);
    assert_eq!(spans(&utf32), expected32);
    server.stop().await;
}
