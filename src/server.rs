//! The server assembly, in one place: the Analyzer service with its limits,
//! health, reflection (v1 and v1alpha), HTTP/2 settings and graceful
//! shutdown that turns health to NOT_SERVING first.

use std::future::Future;
use std::time::Duration;

use tokio::net::TcpListener;
use tonic::codec::CompressionEncoding;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::server::TcpIncoming;
use tonic::transport::{Server, ServerTlsConfig};

use crate::config::{ConfigError, ServerConfig};
use crate::engine::Engine;
use crate::metrics::Metrics;
use crate::pb;
use crate::pb::analyzer_server::AnalyzerServer;
use crate::service::{AnalysisPool, AnalyzerService};

/// Why the server could not run.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The configuration is unusable.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// Reflection could not be built from the descriptor sets.
    #[error("reflection: {0}")]
    Reflection(#[from] tonic_reflection::server::Error),
    /// The metrics endpoint could not listen.
    #[error("metrics endpoint {addr}: {source}")]
    MetricsListen {
        /// The configured address.
        addr: std::net::SocketAddr,
        /// Why it could not listen.
        source: std::io::Error,
    },
    /// The transport failed.
    #[error("transport: {0}")]
    Transport(#[from] tonic::transport::Error),
}

/// Bytes a request may carry on top of its text (ids, targets, framing).
const REQUEST_OVERHEAD_BYTES: usize = 1 << 20;

/// Serves on `listener` until `shutdown` completes; then reports
/// NOT_SERVING, waits `drain_secs`, stops accepting, finishes the calls in
/// flight and returns. Metrics are served on `config.metrics_listen`
/// unless it is off.
pub async fn serve(
    config: ServerConfig,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    let metrics_listener = match config.metrics_listen.0 {
        Some(addr) => Some(TcpListener::bind(addr).await.map_err(|source| ServeError::MetricsListen { addr, source })?),
        None => None,
    };
    serve_with_metrics(config, listener, metrics_listener, shutdown).await
}

/// Like [`serve`], with the metrics endpoint on `metrics_listener` (if any)
/// whatever `config.metrics_listen` says.
pub async fn serve_with_metrics(
    config: ServerConfig,
    listener: TcpListener,
    metrics_listener: Option<TcpListener>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    let engine = Engine::new(config.default_targets()?, config.limits());
    let pool = AnalysisPool::new(config.analysis_threads(), config.max_concurrent_calls);
    let metrics = Metrics::new();
    // The endpoint lives as long as this function: dropping the guard stops it.
    let _metrics_endpoint = metrics_listener.map(|listener| {
        tracing::info!(addr = ?listener.local_addr().ok(), "metrics at /metrics");
        AbortOnDrop(tokio::spawn(crate::metrics::serve(listener, metrics.clone())))
    });
    let auth = config.auth().map_err(ConfigError::from)?;
    let tls = config.tls_identity()?;
    let service = AnalyzerService::new(engine, pool, config.stream_window).with_metrics(metrics);
    let served = service.served();
    // The periodic summary of what was served; per-call lines are at debug level.
    let _summary = config.log_summary_interval().map(|period| {
        let served = service.served();
        AbortOnDrop(tokio::spawn(async move {
            let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                ticks.tick().await;
                served.log_summary();
            }
        }))
    });
    let analyzer = AnalyzerServer::new(service)
        .max_decoding_message_size(config.max_text_bytes.saturating_add(REQUEST_OVERHEAD_BYTES))
        .max_encoding_message_size(usize::MAX)
        .accept_compressed(CompressionEncoding::Gzip)
        .accept_compressed(CompressionEncoding::Zstd)
        .send_compressed(CompressionEncoding::Gzip)
        .send_compressed(CompressionEncoding::Zstd);

    let (health, health_service) = tonic_health::server::health_reporter();
    health.set_serving::<AnalyzerServer<AnalyzerService>>().await;

    let reflection = || {
        tonic_reflection::server::Builder::configure()
            .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
            .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
            // Each reflection version lists both, so either kind of client sees them all.
            .register_encoded_file_descriptor_set(tonic_reflection::pb::v1::FILE_DESCRIPTOR_SET)
            .register_encoded_file_descriptor_set(tonic_reflection::pb::v1alpha::FILE_DESCRIPTOR_SET)
            .include_reflection_service(false)
    };
    // The Analyzer and reflection need a bearer token when tokens are set;
    // health stays open for probes.
    let reflection_v1 = InterceptedService::new(reflection().build_v1()?, auth.clone());
    let reflection_v1alpha = InterceptedService::new(reflection().build_v1alpha()?, auth.clone());
    let analyzer = InterceptedService::new(analyzer, auth.clone());

    let drain = Duration::from_secs(config.drain_secs);
    let reporter = health.clone();
    // Set once the listener closes; from then on calls in flight have
    // `shutdown_grace_secs` to finish before the server stops regardless (a
    // client that vanished mid-stream must not hold the exit hostage).
    let closing = std::sync::Arc::new(tokio::sync::Notify::new());
    let closed = std::sync::Arc::clone(&closing);
    let stopping = async move {
        shutdown.await;
        tracing::info!(drain_secs = drain.as_secs(), "shutting down: health NOT_SERVING, draining");
        reporter.set_not_serving::<AnalyzerServer<AnalyzerService>>().await;
        reporter.set_service_status("", tonic_health::ServingStatus::NotServing).await;
        tokio::time::sleep(drain).await;
        closed.notify_one();
    };
    let grace = Duration::from_secs(config.shutdown_grace_secs);

    let mut builder = Server::builder();
    if let Some(identity) = tls {
        builder = builder.tls_config(ServerTlsConfig::new().identity(identity))?;
    }
    let mut builder = builder
        .tcp_nodelay(true)
        .timeout(Duration::from_secs(config.max_call_secs.max(1)))
        .http2_keepalive_interval(Some(Duration::from_secs(30)))
        .http2_keepalive_timeout(Some(Duration::from_secs(10)))
        .http2_adaptive_window(Some(true))
        .max_concurrent_streams(Some(1024));
    if let Some(age) = config.max_connection_age() {
        builder = builder.max_connection_age(age).max_connection_age_grace(Duration::from_secs(30));
    }
    let local = listener.local_addr().ok();
    tracing::info!(addr = ?local, threads = config.analysis_threads(), "serving");
    let serving = builder
        .add_service(health_service)
        .add_service(reflection_v1)
        .add_service(reflection_v1alpha)
        .add_service(analyzer)
        // Accepted sockets get TCP_NODELAY here: the builder's setting only
        // reaches sockets the server binds itself.
        .serve_with_incoming_shutdown(TcpIncoming::from(listener).with_nodelay(Some(true)), stopping);
    tokio::select! {
        result = serving => result?,
        () = async { closing.notified().await; tokio::time::sleep(grace).await } => {
            tracing::warn!(grace_secs = grace.as_secs(), "calls still open after the shutdown grace period; stopping anyway");
        }
    }
    // What was served since the last summary.
    served.log_summary();
    tracing::info!("stopped");
    Ok(())
}

/// Aborts a task when dropped.
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Completes on SIGTERM or SIGINT (Ctrl-C).
pub async fn termination_signal() {
    let interrupt = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for SIGINT");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}
