//! Overload and shutdown: beyond the limit calls fail fast and the server
//! stays up; SIGTERM turns health NOT_SERVING first and every accepted call
//! completes.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use sayso::client::{AnalyzeOptions, Client};
use sayso::config::ServerConfig;
use tonic::Code;
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;

use crate::util::{TestServer, seeds};

/// A document that takes a while to analyse.
fn heavy_document() -> String {
    seeds().into_iter().map(|(_, text)| text).collect::<Vec<_>>().join("\n\n").repeat(12)
}

#[tokio::test]
async fn ten_times_the_limit_of_callers_all_get_an_answer() {
    let limit = 4;
    let config = ServerConfig { max_concurrent_calls: limit, analysis_threads: 1, ..ServerConfig::default() };
    let server = TestServer::start_with(config).await;
    let client = server.client().await;
    let text = heavy_document();
    let mut calls = tokio::task::JoinSet::new();
    for i in 0..limit * 10 {
        let mut client = client.clone();
        let text = text.clone();
        calls.spawn(async move {
            let started = Instant::now();
            let result = client.analyze(text, &AnalyzeOptions::default().id(format!("c{i}"))).await;
            (result.map(|_| ()).map_err(|s| s.code()), started.elapsed())
        });
    }
    let (mut ok, mut shed) = (0, 0);
    while let Some(joined) = calls.join_next().await {
        match joined.expect("caller task") {
            (Ok(()), _) => ok += 1,
            (Err(Code::ResourceExhausted), elapsed) => {
                shed += 1;
                assert!(elapsed < Duration::from_secs(1), "a refused call must fail fast, took {elapsed:?}");
            }
            (Err(code), _) => panic!("unexpected status {code:?}"),
        }
    }
    eprintln!("{ok} answered, {shed} refused with RESOURCE_EXHAUSTED");
    assert_eq!(ok + shed, limit * 10);
    assert!(ok >= limit, "at least the admitted calls are answered");
    assert!(shed > 0, "beyond the limit calls are refused");
    // Still serving.
    let mut client = server.client().await;
    client.analyze("Still here.", &AnalyzeOptions::default()).await.expect("the server stays up");
    server.stop().await;
}

/// A free loopback port (bound, then released for the server to take).
fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

async fn health_status(addr: &str) -> Option<i32> {
    let channel = tonic::transport::Endpoint::from_shared(addr.to_owned()).ok()?.connect().await.ok()?;
    let mut health = HealthClient::new(channel);
    let response = health.check(HealthCheckRequest { service: "sayso.v1.Analyzer".into() }).await.ok()?;
    Some(response.into_inner().status)
}

#[tokio::test]
async fn sigterm_drains_in_flight_calls_after_health_turns_not_serving() {
    let port = free_port();
    let addr = format!("http://127.0.0.1:{port}");
    let mut child = Command::new(env!("CARGO_BIN_EXE_sayso-server"))
        .env("SAYSO_LISTEN", format!("127.0.0.1:{port}"))
        .env("SAYSO_METRICS_LISTEN", "")
        .env("SAYSO_DRAIN_SECS", "1")
        .env("SAYSO_ANALYSIS_THREADS", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start sayso-server");
    let started = Instant::now();
    while health_status(&addr).await != Some(ServingStatus::Serving as i32) {
        assert!(started.elapsed() < Duration::from_secs(10), "server did not come up");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    eprintln!("serving after {:?}", started.elapsed());

    let client = Client::connect(&addr).await.expect("connect");
    let text = heavy_document();
    let mut calls = tokio::task::JoinSet::new();
    for i in 0..8 {
        let mut client = client.clone();
        let text = text.clone();
        calls.spawn(async move { client.analyze(text, &AnalyzeOptions::default().id(format!("c{i}"))).await });
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let status = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().expect("kill");
    assert!(status.success());

    // During the drain the server says NOT_SERVING and still answers.
    let mut saw_not_serving = false;
    for _ in 0..40 {
        if health_status(&addr).await == Some(ServingStatus::NotServing as i32) {
            saw_not_serving = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(saw_not_serving, "health must turn NOT_SERVING before the listener closes");

    let mut completed = 0;
    while let Some(joined) = calls.join_next().await {
        joined.expect("caller task").expect("every accepted call completes");
        completed += 1;
    }
    assert_eq!(completed, 8);
    let exit = tokio::task::spawn_blocking(move || child.wait()).await.expect("join").expect("wait");
    assert!(exit.success(), "exit status {exit:?}");
}
