//! Prometheus metrics: a scrape of `/metrics` after real calls counts them.

use futures::StreamExt;
use sayso::client::AnalyzeOptions;
use sayso::config::ServerConfig;
use sayso::pb;

use crate::util::{TestServer, http_get, sample};

const TEXT: &str = "“We are ready to talk,” Putin said on Friday.";

#[tokio::test]
async fn scrape_counts_calls_documents_and_bytes() {
    let (server, metrics_addr) = TestServer::start_with_metrics(ServerConfig::default()).await;
    let mut client = server.client().await;
    let options = AnalyzeOptions::default();
    for _ in 0..3 {
        client.analyze(TEXT, &options).await.expect("a good call");
    }
    let bad = client.analyze(TEXT, &AnalyzeOptions::default().reference_date("tomorrow")).await;
    assert_eq!(bad.expect_err("a bad reference date").code(), tonic::Code::InvalidArgument);
    let requests = [options.clone().id("a").request(TEXT), options.clone().id("b").request("")];
    let responses: Vec<_> =
        client.analyze_many(futures::stream::iter(requests)).await.expect("a stream").collect().await;
    assert_eq!(responses.len(), 2);

    let (status, text) = http_get(metrics_addr, "/metrics").await;
    assert!(status.contains("200"), "{status}");
    let expect = |series: &str, value: f64| {
        assert_eq!(sample(&text, series), value, "{series} in:\n{text}");
    };
    expect(r#"sayso_calls_total{method="Analyze",code="OK"}"#, 3.0);
    expect(r#"sayso_calls_total{method="Analyze",code="INVALID_ARGUMENT"}"#, 1.0);
    expect(r#"sayso_calls_total{method="AnalyzeStream",code="OK"}"#, 1.0);
    expect(r#"sayso_call_duration_seconds_count{method="Analyze"}"#, 4.0);
    expect(r#"sayso_calls_in_flight{method="Analyze"}"#, 0.0);
    // 3 + 1 from Analyze, 2 from the stream (the empty text is an error document).
    let documents: f64 = ["OK", "INVALID_ARGUMENT"]
        .iter()
        .map(|code| sample(&text, &format!(r#"sayso_documents_total{{code="{code}"}}"#)))
        .sum();
    assert_eq!(documents, 6.0, "{text}");
    // Analysed: the three good calls, the bad one (rejected inside the engine) and both streamed.
    expect("sayso_analysis_duration_seconds_count", 6.0);
    expect("sayso_document_bytes_total", (5 * TEXT.len()) as f64);
    assert!(text.lines().all(|l| l.starts_with("# ") || l.starts_with("sayso_")), "{text}");

    let (status, _) = http_get(metrics_addr, "/nothing").await;
    assert!(status.contains("404"), "{status}");
    server.stop().await;
}

#[tokio::test]
async fn request_id_is_echoed_or_made_up() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let mut request = tonic::Request::new(pb::AnalyzeRequest { text: TEXT.into(), ..Default::default() });
    request.metadata_mut().insert("x-request-id", "abc-123".parse().expect("metadata"));
    let response = client.inner().analyze(request).await.expect("call");
    assert_eq!(response.metadata().get("x-request-id").and_then(|v| v.to_str().ok()), Some("abc-123"));
    let request = tonic::Request::new(pb::AnalyzeRequest { text: TEXT.into(), ..Default::default() });
    let response = client.inner().analyze(request).await.expect("call");
    let made_up = response.metadata().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(!made_up.is_empty());
    server.stop().await;
}
