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

    /// Starts a server with `config` (its `listen` is ignored).
    pub(crate) async fn start_with(config: ServerConfig) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind an ephemeral port");
        let addr = listener.local_addr().expect("local address");
        let (tx, rx) = oneshot::channel::<()>();
        let handle = tokio::spawn(sayso::server::serve(config, listener, async {
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
