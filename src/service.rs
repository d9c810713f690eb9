//! The `sayso.v1.Analyzer` gRPC service: admission control, analysis on a
//! bounded pool off the async reactor, and the mapping of errors to statuses.

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use futures::{Stream, StreamExt};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, mpsc};
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status, Streaming};
use tracing::Instrument;

use crate::engine::Engine;
use crate::metrics::Metrics;
use crate::pb;
use crate::pb::analyzer_server::Analyzer;

/// Runs analyses on at most `threads` blocking threads, and admits at most
/// `max_pending` documents (running or waiting) at once: the rest are turned
/// away at once instead of queueing without bound.
#[derive(Debug, Clone)]
pub struct AnalysisPool {
    running: Arc<Semaphore>,
    admitted: Arc<Semaphore>,
    max_pending: usize,
}

/// A place in the pool, held while a document waits and runs.
#[derive(Debug)]
pub struct Admission(#[allow(dead_code)] OwnedSemaphorePermit);

impl AnalysisPool {
    /// A pool of `threads` workers admitting `max_pending` documents.
    pub fn new(threads: usize, max_pending: usize) -> Self {
        let max_pending = max_pending.max(1);
        Self {
            running: Arc::new(Semaphore::new(threads.max(1))),
            admitted: Arc::new(Semaphore::new(max_pending)),
            max_pending,
        }
    }

    /// Takes a place for one document, or fails at once with
    /// RESOURCE_EXHAUSTED when the pool is full.
    pub fn admit(&self) -> Result<Admission, Status> {
        self.admitted.clone().try_acquire_owned().map(Admission).map_err(|_| {
            Status::resource_exhausted(format!(
                "server busy: {} documents in flight (max_concurrent_calls); retry with backoff",
                self.max_pending
            ))
        })
    }

    /// Documents admitted now (running or waiting).
    pub fn in_flight(&self) -> usize {
        self.max_pending - self.admitted.available_permits()
    }

    /// Runs `work` on a worker thread once one is free.
    pub async fn run<T: Send + 'static>(
        &self,
        admission: &Admission,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Status> {
        self.run_timed(admission, work).await.map(|(result, _)| result)
    }

    /// Like [`AnalysisPool::run`], also returning how long `work` waited
    /// for a thread and how long it ran.
    pub async fn run_timed<T: Send + 'static>(
        &self,
        _admission: &Admission,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<(T, Timing), Status> {
        let queued = Instant::now();
        let permit = self.running.clone().acquire_owned().await.map_err(|_| Status::unavailable("shutting down"))?;
        tokio::task::spawn_blocking(move || {
            let started = Instant::now();
            let result = work();
            let timing = Timing { waited: started - queued, ran: started.elapsed() };
            drop(permit);
            (result, timing)
        })
        .await
        .map_err(|error| {
            tracing::error!(%error, "analysis task failed");
            Status::internal("internal error")
        })
    }
}

/// Where one piece of work spent its time in the pool.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    /// Waiting for a worker thread.
    pub waited: Duration,
    /// Running on it.
    pub ran: Duration,
}

/// The Analyzer service.
#[derive(Debug, Clone)]
pub struct AnalyzerService {
    engine: Arc<Engine>,
    pool: AnalysisPool,
    stream_window: usize,
    metrics: Metrics,
}

/// The request id of a call: the caller's `x-request-id` when it sent a
/// usable one, else a new one unique within this process.
fn request_id(metadata: &tonic::metadata::MetadataMap) -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    metadata
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 128)
        .map(str::to_owned)
        .unwrap_or_else(|| format!("{:x}-{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed)))
}

impl AnalyzerService {
    /// A service analysing with `engine` on `pool`; each stream keeps at
    /// most `stream_window` documents in flight.
    pub fn new(engine: Engine, pool: AnalysisPool, stream_window: usize) -> Self {
        Self { engine: Arc::new(engine), pool, stream_window: stream_window.max(1), metrics: Metrics::default() }
    }

    /// Records into `metrics` instead of a private registry.
    pub fn with_metrics(mut self, metrics: Metrics) -> Self {
        self.metrics = metrics;
        self
    }

    /// Analyses one request on the pool.
    async fn analyze_one(
        &self,
        admission: &Admission,
        request: pb::AnalyzeRequest,
    ) -> Result<pb::AnalyzeResponse, Status> {
        let engine = Arc::clone(&self.engine);
        let bytes = request.text.len();
        let (result, timing) = self.pool.run_timed(admission, move || engine.analyze(&request)).await?;
        self.metrics.analysis(bytes, timing.waited, timing.ran);
        result.map_err(|e| e.to_status())
    }
}

type ResponseStream = Pin<Box<dyn Stream<Item = Result<pb::AnalyzeResponse, Status>> + Send>>;

#[tonic::async_trait]
impl Analyzer for AnalyzerService {
    async fn analyze(&self, request: Request<pb::AnalyzeRequest>) -> Result<Response<pb::AnalyzeResponse>, Status> {
        let request_id = request_id(request.metadata());
        let request = request.into_inner();
        let span = tracing::info_span!("analyze", %request_id, id = %request.id, bytes = request.text.len());
        async {
            let _in_flight = self.metrics.call_started("Analyze");
            let started = Instant::now();
            // Counts the call when it ends, also if the caller goes away first.
            let mut outcome = CallOutcome::new(&self.metrics, "Analyze", started);
            let admission = self.pool.admit();
            let result = match admission {
                Ok(admission) => self.analyze_one(&admission, request).await,
                Err(status) => Err(status),
            };
            let micros = started.elapsed().as_micros() as u64;
            outcome.code = result.as_ref().map_or_else(Status::code, |_| tonic::Code::Ok);
            self.metrics.document(outcome.code);
            match &result {
                Ok(r) => tracing::info!(micros, quotes = r.quotes.len(), dates = r.dates.len(), "analyzed"),
                Err(status) => tracing::info!(micros, code = ?status.code(), reason = status.message(), "rejected"),
            }
            result.map(|response| {
                let mut response = Response::new(response);
                if let Ok(value) = request_id.parse() {
                    response.metadata_mut().insert("x-request-id", value);
                }
                response
            })
        }
        .instrument(span)
        .await
    }

    type AnalyzeStreamStream = ResponseStream;

    async fn analyze_stream(
        &self,
        request: Request<Streaming<pb::AnalyzeRequest>>,
    ) -> Result<Response<Self::AnalyzeStreamStream>, Status> {
        let request_id = request_id(request.metadata());
        let mut incoming = request.into_inner();
        let (tx, rx) = mpsc::channel::<Result<pb::AnalyzeResponse, Status>>(self.stream_window);
        let service = self.clone();
        let span = tracing::info_span!("analyze_stream", %request_id);
        let in_flight = self.metrics.call_started("AnalyzeStream");
        tokio::spawn(
            async move {
                let _in_flight = in_flight;
                let started = Instant::now();
                // Counts the call when this task ends, however it ends.
                let mut outcome = CallOutcome::new(&service.metrics, "AnalyzeStream", started);
                let mut documents = 0usize;
                // Documents run concurrently up to the window; responses leave in request order.
                let mut pending = futures::stream::FuturesOrdered::new();
                loop {
                    let window_full = pending.len() >= service.stream_window;
                    tokio::select! {
                        biased;
                        Some(response) = pending.next(), if !pending.is_empty() => {
                            if tx.send(Ok(response)).await.is_err() {
                                return; // the caller went away
                            }
                        }
                        message = incoming.next(), if !window_full => match message {
                            Some(Ok(request)) => {
                                documents += 1;
                                let service = service.clone();
                                pending.push_back(async move { service.stream_document(request).await });
                            }
                            Some(Err(status)) => {
                                // The request stream itself is broken (bad framing or encoding):
                                // answer what was accepted, then end the call with the error.
                                while let Some(response) = pending.next().await {
                                    if tx.send(Ok(response)).await.is_err() {
                                        return;
                                    }
                                }
                                tracing::info!(code = ?status.code(), reason = status.message(), "stream broken");
                                outcome.code = status.code();
                                let _ = tx.send(Err(status)).await;
                                return;
                            }
                            None => break,
                        },
                        else => break,
                    }
                }
                while let Some(response) = pending.next().await {
                    if tx.send(Ok(response)).await.is_err() {
                        return;
                    }
                }
                outcome.code = tonic::Code::Ok;
                tracing::info!(documents, micros = started.elapsed().as_micros() as u64, "stream done");
            }
            .instrument(span),
        );
        let mut response = Response::new(Box::pin(ReceiverStream::new(rx)) as Self::AnalyzeStreamStream);
        if let Ok(value) = request_id.parse() {
            response.metadata_mut().insert("x-request-id", value);
        }
        Ok(response)
    }
}

/// Records a call in the metrics when dropped: `code` is the outcome so far
/// (`CANCELLED` until the call completes or fails).
struct CallOutcome<'a> {
    metrics: &'a Metrics,
    method: &'static str,
    started: Instant,
    code: tonic::Code,
}

impl<'a> CallOutcome<'a> {
    fn new(metrics: &'a Metrics, method: &'static str, started: Instant) -> Self {
        Self { metrics, method, started, code: tonic::Code::Cancelled }
    }
}

impl Drop for CallOutcome<'_> {
    fn drop(&mut self) {
        self.metrics.call_finished(self.method, self.code, self.started.elapsed());
    }
}

impl AnalyzerService {
    /// One document of a stream: every outcome becomes a response carrying
    /// the request's id, so the stream goes on.
    async fn stream_document(&self, request: pb::AnalyzeRequest) -> pb::AnalyzeResponse {
        let id = request.id.clone();
        let outcome = match self.pool.admit() {
            Ok(admission) => {
                let engine = Arc::clone(&self.engine);
                let bytes = request.text.len();
                let ran = self.pool.run_timed(&admission, move || engine.analyze_or_error(&request)).await;
                ran.map(|(response, timing)| {
                    self.metrics.analysis(bytes, timing.waited, timing.ran);
                    response
                })
            }
            Err(status) => Err(status),
        };
        let code = match &outcome {
            Ok(response) => response.error.as_ref().map_or(tonic::Code::Ok, |e| tonic::Code::from_i32(e.code)),
            Err(status) => status.code(),
        };
        self.metrics.document(code);
        outcome.unwrap_or_else(|status| pb::AnalyzeResponse {
            id,
            error: Some(pb::DocumentError {
                code: status.code() as i32,
                message: status.message().to_owned(),
                field: String::new(),
            }),
            ..Default::default()
        })
    }
}
