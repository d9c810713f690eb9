//! Client-side balancing over several servers: calls spread over them and
//! go on succeeding when one of them stops.

use sayso::client::{AnalyzeOptions, Client, ConnectError};
use sayso::config::ServerConfig;

use crate::util::{TestServer, http_get, sample};

const TEXT: &str = "“We are ready to talk,” Putin said on Friday.";
const ANALYZE_OK: &str = r#"sayso_calls_total{method="Analyze",code="OK"}"#;

#[tokio::test]
async fn calls_spread_over_servers_and_skip_a_stopped_one() {
    let (first, first_metrics) = TestServer::start_with_metrics(ServerConfig::default()).await;
    let (second, second_metrics) = TestServer::start_with_metrics(ServerConfig::default()).await;
    let mut client = Client::connect(&format!("{},{}", first.url(), second.url())).await.expect("connect");
    assert_eq!(client.serving(), Some(2));
    let options = AnalyzeOptions::default();
    for n in 0..40 {
        client.analyze(TEXT, &options).await.unwrap_or_else(|status| panic!("call {n} with both up: {status}"));
    }
    let served_first = sample(&http_get(first_metrics, "/metrics").await.1, ANALYZE_OK);
    let served_second = sample(&http_get(second_metrics, "/metrics").await.1, ANALYZE_OK);
    assert_eq!(served_first + served_second, 40.0);
    assert!(served_first >= 5.0 && served_second >= 5.0, "uneven spread: {served_first} and {served_second}");

    second.stop().await;
    let mut failures = Vec::new();
    for n in 0..40 {
        if let Err(status) = client.analyze(TEXT, &options).await {
            failures.push(format!("call {n}: {status}"));
        }
    }
    assert!(failures.is_empty(), "{} of 40 calls failed after one server stopped: {failures:#?}", failures.len());
    assert_eq!(client.serving(), Some(1));
    assert_eq!(sample(&http_get(first_metrics, "/metrics").await.1, ANALYZE_OK), served_first + 40.0);

    first.stop().await;
    let status = client.analyze(TEXT, &options).await.expect_err("no server left");
    assert_eq!(status.code(), tonic::Code::Unavailable, "{status}");
}

#[tokio::test]
async fn a_host_name_is_resolved_and_balanced() {
    let server = TestServer::start().await;
    // "localhost" may resolve to ::1 too, where nothing listens: that address is skipped.
    let mut client = Client::connect(&format!("localhost:{}", server.addr.port())).await.expect("connect by name");
    assert_eq!(client.serving(), Some(1));
    for _ in 0..5 {
        client.analyze(TEXT, &AnalyzeOptions::default()).await.expect("call by name");
    }
    server.stop().await;
}

#[tokio::test]
async fn connecting_fails_when_no_server_serves() {
    let server = TestServer::start().await;
    let url = server.url();
    server.stop().await;
    let error = Client::connect(&format!("{url},{url}")).await.expect_err("nothing serves");
    assert!(matches!(error, ConnectError::NoneServing { .. }), "{error}");
}

#[tokio::test]
async fn a_draining_server_leaves_the_balancer_before_it_closes() {
    let first = TestServer::start().await;
    let draining = ServerConfig { drain_secs: 5, ..ServerConfig::default() };
    let (second, second_metrics) = TestServer::start_with_metrics(draining).await;
    let mut client = Client::connect(&format!("{},{}", first.url(), second.url())).await.expect("connect");
    assert_eq!(client.serving(), Some(2));
    // Shutdown turns health NOT_SERVING at once, then keeps serving for the drain.
    let stopping = tokio::spawn(second.stop());
    tokio::time::sleep(sayso::client::PROBE_INTERVAL + std::time::Duration::from_secs(1)).await;
    assert!(!stopping.is_finished(), "the drain is still running");
    assert_eq!(client.serving(), Some(1), "the draining server is out of the balancer");
    let before = sample(&http_get(second_metrics, "/metrics").await.1, ANALYZE_OK);
    for _ in 0..20 {
        client.analyze(TEXT, &AnalyzeOptions::default()).await.expect("call during the drain");
    }
    let after = sample(&http_get(second_metrics, "/metrics").await.1, ANALYZE_OK);
    assert_eq!(before, after, "no call went to the draining server");
    stopping.await.expect("stop");
    first.stop().await;
}
