//! Prometheus metrics: one registry per server (so many servers can run in
//! one process, as the integration tests do), served as text at `/metrics`
//! on a port of its own.
//!
//! Every name starts with `sayso_`:
//!
//! | metric | type | labels | meaning |
//! |---|---|---|---|
//! | `sayso_calls_total` | counter | `method`, `code` | finished gRPC calls, by gRPC status code name |
//! | `sayso_call_duration_seconds` | histogram | `method` | call latency, from arrival to answer (a whole stream for `AnalyzeStream`) |
//! | `sayso_calls_in_flight` | gauge | `method` | calls being served now |
//! | `sayso_documents_total` | counter | `code` | documents answered (one per `Analyze`, one per streamed request) |
//! | `sayso_document_bytes_total` | counter | | text bytes of the documents that were analysed |
//! | `sayso_queue_wait_seconds` | histogram | | time a document waited for an analysis thread |
//! | `sayso_analysis_duration_seconds` | histogram | | time to validate, analyse and convert one document |
//!
//! The analysis core stays free of metrics: the analysis time is measured
//! around the engine as a whole, not per extractor.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use tokio::net::TcpListener;

/// The content type of the OpenMetrics text format that
/// [`prometheus_client`] writes.
const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CallLabels {
    method: &'static str,
    code: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct MethodLabels {
    method: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CodeLabels {
    code: &'static str,
}

type HistogramFamily<L> = Family<L, Histogram, fn() -> Histogram>;

/// Latency buckets: 0.25 ms to about 16 s, doubling.
fn latency_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.000_25, 2.0, 17))
}

#[derive(Debug)]
struct Inner {
    registry: Registry,
    calls: Family<CallLabels, Counter>,
    call_duration: HistogramFamily<MethodLabels>,
    in_flight: Family<MethodLabels, Gauge>,
    documents: Family<CodeLabels, Counter>,
    document_bytes: Counter,
    queue_wait: Histogram,
    analysis_duration: Histogram,
}

/// The metrics of one server; clones share them.
#[derive(Debug, Clone)]
pub struct Metrics {
    inner: Arc<Inner>,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    /// A fresh registry with every `sayso_` metric registered.
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("sayso");
        let calls = Family::<CallLabels, Counter>::default();
        let call_duration = HistogramFamily::<MethodLabels>::new_with_constructor(latency_histogram as fn() -> _);
        let in_flight = Family::<MethodLabels, Gauge>::default();
        let documents = Family::<CodeLabels, Counter>::default();
        let document_bytes = Counter::default();
        let queue_wait = latency_histogram();
        let analysis_duration = latency_histogram();
        registry.register("calls", "Finished gRPC calls by method and status code", calls.clone());
        registry.register_with_unit(
            "call_duration",
            "gRPC call latency by method (a whole stream for AnalyzeStream)",
            prometheus_client::registry::Unit::Seconds,
            call_duration.clone(),
        );
        registry.register("calls_in_flight", "gRPC calls being served now", in_flight.clone());
        registry.register("documents", "Documents answered, by status code", documents.clone());
        registry.register("document_bytes", "Text bytes of the documents analysed", document_bytes.clone());
        registry.register_with_unit(
            "queue_wait",
            "Time a document waited for an analysis thread",
            prometheus_client::registry::Unit::Seconds,
            queue_wait.clone(),
        );
        registry.register_with_unit(
            "analysis_duration",
            "Time to validate, analyse and convert one document (all extractors together)",
            prometheus_client::registry::Unit::Seconds,
            analysis_duration.clone(),
        );
        let inner = Inner {
            registry,
            calls,
            call_duration,
            in_flight,
            documents,
            document_bytes,
            queue_wait,
            analysis_duration,
        };
        Self { inner: Arc::new(inner) }
    }

    /// Marks a call of `method` as started; the guard marks it finished
    /// when dropped, so cancelled calls are counted out too.
    pub fn call_started(&self, method: &'static str) -> InFlight {
        let gauge = self.inner.in_flight.get_or_create_owned(&MethodLabels { method });
        gauge.inc();
        InFlight(gauge)
    }

    /// Records a finished call.
    pub fn call_finished(&self, method: &'static str, code: tonic::Code, elapsed: Duration) {
        self.inner.calls.get_or_create(&CallLabels { method, code: code_name(code) }).inc();
        self.inner.call_duration.get_or_create(&MethodLabels { method }).observe(elapsed.as_secs_f64());
    }

    /// Records one answered document.
    pub fn document(&self, code: tonic::Code) {
        self.inner.documents.get_or_create(&CodeLabels { code: code_name(code) }).inc();
    }

    /// Records one analysis: its text size, its wait for a thread and its
    /// run time.
    pub fn analysis(&self, bytes: usize, waited: Duration, ran: Duration) {
        self.inner.document_bytes.inc_by(bytes as u64);
        self.inner.queue_wait.observe(waited.as_secs_f64());
        self.inner.analysis_duration.observe(ran.as_secs_f64());
    }

    /// The metrics in the OpenMetrics text format.
    pub fn render(&self) -> String {
        let mut text = String::new();
        if let Err(error) = prometheus_client::encoding::text::encode(&mut text, &self.inner.registry) {
            tracing::error!(%error, "cannot encode the metrics");
        }
        text
    }
}

/// A call in flight; dropping it counts the call out.
#[derive(Debug)]
pub struct InFlight(Gauge);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.dec();
    }
}

/// The canonical name of a gRPC status code (`OK`, `INVALID_ARGUMENT`).
pub fn code_name(code: tonic::Code) -> &'static str {
    use tonic::Code;
    match code {
        Code::Ok => "OK",
        Code::Cancelled => "CANCELLED",
        Code::Unknown => "UNKNOWN",
        Code::InvalidArgument => "INVALID_ARGUMENT",
        Code::DeadlineExceeded => "DEADLINE_EXCEEDED",
        Code::NotFound => "NOT_FOUND",
        Code::AlreadyExists => "ALREADY_EXISTS",
        Code::PermissionDenied => "PERMISSION_DENIED",
        Code::ResourceExhausted => "RESOURCE_EXHAUSTED",
        Code::FailedPrecondition => "FAILED_PRECONDITION",
        Code::Aborted => "ABORTED",
        Code::OutOfRange => "OUT_OF_RANGE",
        Code::Unimplemented => "UNIMPLEMENTED",
        Code::Internal => "INTERNAL",
        Code::Unavailable => "UNAVAILABLE",
        Code::DataLoss => "DATA_LOSS",
        Code::Unauthenticated => "UNAUTHENTICATED",
    }
}

/// Serves `GET /metrics` (HTTP/1.1) on `listener` until the returned
/// future is dropped; any other path gets 404.
pub async fn serve(listener: TcpListener, metrics: Metrics) {
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(error) => {
                // Out of file descriptors and the like: wait, don't spin.
                tracing::warn!(%error, "metrics: cannot accept");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let metrics = metrics.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |request| {
                let metrics = metrics.clone();
                async move { Ok::<_, Infallible>(respond(&request, &metrics)) }
            });
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(Duration::from_secs(10))
                .serve_connection(TokioIo::new(stream), service);
            if let Err(error) = connection.await {
                tracing::debug!(%error, %peer, "metrics: connection failed");
            }
        });
    }
}

fn respond(request: &Request<Incoming>, metrics: &Metrics) -> Response<Full<Bytes>> {
    let (status, content_type, body) = match (request.method(), request.uri().path()) {
        (&Method::GET, "/metrics") => (StatusCode::OK, CONTENT_TYPE, metrics.render()),
        (&Method::GET, _) => (StatusCode::NOT_FOUND, "text/plain; charset=utf-8", "not found: try /metrics\n".into()),
        _ => (StatusCode::METHOD_NOT_ALLOWED, "text/plain; charset=utf-8", "GET only\n".into()),
    };
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = status;
    if let Ok(value) = hyper::header::HeaderValue::from_str(content_type) {
        response.headers_mut().insert(hyper::header::CONTENT_TYPE, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_every_metric_with_the_prefix() {
        let metrics = Metrics::new();
        let guard = metrics.call_started("Analyze");
        metrics.call_finished("Analyze", tonic::Code::Ok, Duration::from_millis(3));
        metrics.document(tonic::Code::InvalidArgument);
        metrics.analysis(120, Duration::from_micros(10), Duration::from_millis(2));
        let text = metrics.render();
        assert!(text.contains("sayso_calls_in_flight{method=\"Analyze\"} 1"), "{text}");
        drop(guard);
        let text = metrics.render();
        for line in [
            "sayso_calls_total{method=\"Analyze\",code=\"OK\"} 1",
            "sayso_calls_in_flight{method=\"Analyze\"} 0",
            "sayso_call_duration_seconds_count{method=\"Analyze\"} 1",
            "sayso_documents_total{code=\"INVALID_ARGUMENT\"} 1",
            "sayso_document_bytes_total 120",
            "sayso_queue_wait_seconds_count 1",
            "sayso_analysis_duration_seconds_count 1",
        ] {
            assert!(text.lines().any(|l| l == line), "missing {line:?} in:\n{text}");
        }
        assert!(text.lines().all(|l| l.starts_with("# ") || l.starts_with("sayso_")), "{text}");
    }
}
