//! TLS with a certificate made in the test, and bearer-token auth.

use sayso::client::{AnalyzeOptions, Client, ConnectOptions};
use sayso::config::ServerConfig;
use tonic::Code;
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_client::HealthClient;

use crate::util::TestServer;

const TOKEN: &str = "test-token-5b1c8e0f2a7d4c93";

/// A scratch directory removed when dropped.
struct TempDir(std::path::PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("sayso-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        Self(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[tokio::test]
async fn serves_tls_with_a_self_signed_certificate() {
    let certified = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).expect("certificate");
    let dir = TempDir::new("tls");
    let (cert, key) = (dir.0.join("cert.pem"), dir.0.join("key.pem"));
    std::fs::write(&cert, certified.cert.pem()).expect("write cert");
    std::fs::write(&key, certified.signing_key.serialize_pem()).expect("write key");
    let config = ServerConfig { tls_cert: Some(cert), tls_key: Some(key), ..ServerConfig::default() };
    let server = TestServer::start_with(config).await;

    let options = ConnectOptions {
        ca_certificate: Some(certified.cert.pem().into_bytes()),
        tls_domain: Some("localhost".into()),
        ..ConnectOptions::default()
    };
    let url = format!("https://{}", server.addr);
    let mut client = Client::connect_with(&url, &options).await.expect("TLS connect");
    let text = "“We are ready to discuss an acceptable solution with all those involved,” Putin said on Sunday.";
    let response = client.analyze(text, &AnalyzeOptions::default().id("tls")).await.expect("over TLS");
    assert_eq!(response.id, "tls");
    assert_eq!(response.language.map(|l| l.code), Some("eng".to_owned()));

    // Plain HTTP/2 to a TLS port gets no answer; a wrong CA is refused.
    let mut plain = Client::connect(&server.url()).await.expect("TCP connects");
    assert!(plain.analyze("Hello.", &AnalyzeOptions::default()).await.is_err());
    let other = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).expect("another certificate");
    let wrong = ConnectOptions { ca_certificate: Some(other.cert.pem().into_bytes()), ..options };
    let refused = match Client::connect_with(&url, &wrong).await {
        Err(_) => true,
        Ok(mut c) => c.analyze("Hello.", &AnalyzeOptions::default()).await.is_err(),
    };
    assert!(refused, "a certificate from another CA must not be trusted");
    server.stop().await;
}

#[tokio::test]
async fn bearer_tokens_guard_the_analyzer_but_not_health() {
    let config = ServerConfig { auth_tokens: Some(TOKEN.into()), ..ServerConfig::default() };
    let server = TestServer::start_with(config).await;

    let mut anonymous = server.client().await;
    let status = anonymous.analyze("Hello.", &AnalyzeOptions::default()).await.expect_err("no token");
    assert_eq!(status.code(), Code::Unauthenticated);

    let wrong = ConnectOptions { token: Some("wrong-token-0123456789abcdef".into()), ..ConnectOptions::default() };
    let mut intruder = Client::connect_with(&server.url(), &wrong).await.expect("connect");
    let status = intruder.analyze("Hello.", &AnalyzeOptions::default()).await.expect_err("wrong token");
    assert_eq!(status.code(), Code::Unauthenticated);
    assert!(!status.message().contains(TOKEN));

    let right = ConnectOptions { token: Some(TOKEN.into()), ..ConnectOptions::default() };
    let mut client = Client::connect_with(&server.url(), &right).await.expect("connect");
    client.analyze("Hello.", &AnalyzeOptions::default()).await.expect("a valid token");
    let mut stream = client
        .analyze_many(futures::stream::iter([AnalyzeOptions::default().id("a").request("Hello.")]))
        .await
        .expect("streams carry the token too");
    assert_eq!(stream.message().await.expect("response").map(|r| r.id), Some("a".to_owned()));

    let mut health = HealthClient::new(server.channel().await);
    health.check(HealthCheckRequest { service: String::new() }).await.expect("health needs no token");
    server.stop().await;
}
