//! Test helpers: a real server on an ephemeral port, and the seed articles.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use sayso::client::Client;
use sayso::config::ServerConfig;
use tokio::sync::oneshot;

/// A server running in this process on 127.0.0.1 and a free port.
pub(crate) struct TestServer {
    pub(crate) addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    handle: tokio::task::JoinHandle<Result<(), sayso::server::ServeError>>,
}

impl TestServer {
    /// Starts a server with the default configuration.
    pub(crate) async fn start() -> Self {
        Self::start_with(ServerConfig::default()).await
    }

    /// Starts a server with `config` (its `listen` is ignored, and it
    /// serves no metrics, so servers don't fight over the metrics port).
    pub(crate) async fn start_with(config: ServerConfig) -> Self {
        Self::start_inner(config, None).await
    }

    /// Starts a server that serves metrics on an ephemeral port too; returns
    /// it and the metrics address.
    pub(crate) async fn start_with_metrics(config: ServerConfig) -> (Self, SocketAddr) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind an ephemeral metrics port");
        let addr = listener.local_addr().expect("metrics address");
        (Self::start_inner(config, Some(listener)).await, addr)
    }

    async fn start_inner(config: ServerConfig, metrics: Option<tokio::net::TcpListener>) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind an ephemeral port");
        let addr = listener.local_addr().expect("local address");
        let (tx, rx) = oneshot::channel::<()>();
        let handle = tokio::spawn(sayso::server::serve_with_metrics(config, listener, metrics, async {
            let _ = rx.await;
        }));
        Self { addr, shutdown: Some(tx), handle }
    }

    /// The server's URL.
    pub(crate) fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// A connected client.
    pub(crate) async fn client(&self) -> Client {
        Client::connect(&self.url()).await.expect("connect to the test server")
    }

    /// A raw channel to the server, for the other services' clients.
    pub(crate) async fn channel(&self) -> tonic::transport::Channel {
        tonic::transport::Endpoint::from_shared(self.url()).expect("url").connect().await.expect("connect")
    }

    /// Shuts the server down and waits for it to finish.
    pub(crate) async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        (&mut self.handle).await.expect("server task").expect("server ran cleanly");
    }
}

/// The project root.
pub(crate) fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The seed articles, sorted by name: (file name, text).
pub(crate) fn seeds() -> Vec<(String, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("seeds"))
        .expect("seeds/")
        .map(|e| e.expect("seed entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no seeds found");
    paths
        .into_iter()
        .map(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
            (name, std::fs::read_to_string(&p).expect("read a seed"))
        })
        .collect()
}

/// GETs `path` from the HTTP endpoint at `addr`: (status line, body).
pub(crate) async fn http_get(addr: SocketAddr, path: &str) -> (String, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect to the HTTP endpoint");
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.expect("send the request");
    let mut raw = String::new();
    stream.read_to_string(&mut raw).await.expect("read the response");
    let (head, body) = raw.split_once("\r\n\r\n").expect("a header block");
    (head.lines().next().unwrap_or_default().to_owned(), body.to_owned())
}

/// The value of the sample whose name and labels are exactly `series`
/// (`sayso_calls_total{method="Analyze",code="OK"}`), 0 if absent.
pub(crate) fn sample(metrics: &str, series: &str) -> f64 {
    metrics
        .lines()
        .filter_map(|line| line.strip_prefix(series)?.strip_prefix(' '))
        .find_map(|value| value.trim().parse().ok())
        .unwrap_or(0.0)
}
