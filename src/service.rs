//! The `sayso.v1.Analyzer` gRPC service: admission control, analysis on a
//! fixed pool of threads off the async reactor, and the mapping of errors
//! to statuses.

use std::collections::VecDeque;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use futures::{Stream, StreamExt};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, mpsc, oneshot};
use tokio_stream::wrappers::ReceiverStream;
use tonic::metadata::{Ascii, MetadataValue};
use tonic::{Request, Response, Status, Streaming};
use tracing::Instrument;

use crate::convert::RequestError;
use crate::engine::Engine;
use crate::metrics::Metrics;
use crate::pb;
use crate::pb::analyzer_server::Analyzer;

/// Runs analyses on a fixed set of threads fed by one queue, and admits at
/// most `max_pending` documents (running or waiting) at once: the rest are
/// turned away at once instead of queueing without bound.
///
/// The threads live as long as the pool (and its clones). Under load they
/// never sleep: each takes the next document as soon as it is done with
/// one, so a call costs one queue push and one wake-up of the waiting task,
/// not a thread hand-off each way. The async workers only move bytes, so a
/// big document never holds up the reactor.
#[derive(Debug, Clone)]
pub struct AnalysisPool {
    workers: Arc<Workers>,
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
            workers: Arc::new(Workers::start(threads.max(1))),
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

    /// Runs `work`, the analysis of a document of `bytes` (for the log if
    /// it panics), on a worker thread once one is free.
    pub async fn run<T: Send + 'static>(
        &self,
        admission: &Admission,
        bytes: usize,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Status> {
        self.run_timed(admission, bytes, work).await.map(|(result, _)| result)
    }

    /// Like [`AnalysisPool::run`], also returning how long `work` waited
    /// for a thread and how long it ran.
    pub async fn run_timed<T: Send + 'static>(
        &self,
        _admission: &Admission,
        bytes: usize,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<(T, Timing), Status> {
        let queued = Instant::now();
        let (tx, rx) = oneshot::channel();
        let job: Job = Box::new(move || {
            if tx.is_closed() {
                return; // the caller went away (deadline, cancel) while it waited
            }
            let started = Instant::now();
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
            let timing = Timing { waited: started - queued, ran: started.elapsed() };
            let _ = tx.send(result.map(|result| (result, timing)));
        });
        if let Err(job) = self.workers.submit(job) {
            // No worker thread could be started: fall back to the runtime's
            // blocking threads.
            tokio::task::spawn_blocking(job).await.map_err(|_| panicked(bytes))?;
        }
        match rx.await {
            Ok(Ok(done)) => Ok(done),
            Ok(Err(_)) => Err(panicked(bytes)),
            Err(_) => Err(Status::unavailable("shutting down")),
        }
    }
}

/// The status of a document whose analysis panicked (the details, if any,
/// were logged where it happened).
fn panicked(bytes: usize) -> Status {
    tracing::error!(bytes, "analysis task panicked");
    Status::internal("internal error")
}

/// A unit of work for the analysis threads.
type Job = Box<dyn FnOnce() + Send + 'static>;

/// The analysis threads and their queue; dropping it lets the threads
/// finish what is queued and exit.
#[derive(Debug)]
struct Workers {
    queue: Arc<Queue>,
    /// Threads that started.
    threads: usize,
}

#[derive(Debug, Default)]
struct Queue {
    state: Mutex<QueueState>,
    ready: Condvar,
}

#[derive(Default)]
struct QueueState {
    jobs: VecDeque<Job>,
    /// Threads waiting for a job.
    idle: usize,
    closed: bool,
}

impl std::fmt::Debug for QueueState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("QueueState")
            .field("jobs", &self.jobs.len())
            .field("idle", &self.idle)
            .field("closed", &self.closed)
            .finish()
    }
}

impl Queue {
    /// The state; a panic elsewhere while it was held cannot leave it
    /// inconsistent (jobs run outside the lock), so a poisoned lock is used
    /// as it is.
    fn lock(&self) -> MutexGuard<'_, QueueState> {
        self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Workers {
    fn start(threads: usize) -> Self {
        let queue = Arc::new(Queue::default());
        let mut started = 0;
        for n in 0..threads {
            let queue = Arc::clone(&queue);
            match std::thread::Builder::new().name(format!("sayso-analysis-{n}")).spawn(move || work(&queue)) {
                Ok(_) => started += 1,
                Err(error) => tracing::error!(%error, "cannot start an analysis thread"),
            }
        }
        Self { queue, threads: started }
    }

    /// Queues `job`; gives it back when there is no thread to run it.
    fn submit(&self, job: Job) -> Result<(), Job> {
        if self.threads == 0 {
            return Err(job);
        }
        let mut state = self.queue.lock();
        state.jobs.push_back(job);
        let wake = state.idle > 0;
        drop(state);
        if wake {
            self.queue.ready.notify_one();
        }
        Ok(())
    }
}

impl Drop for Workers {
    fn drop(&mut self) {
        self.queue.lock().closed = true;
        self.queue.ready.notify_all();
    }
}

/// An analysis thread: runs jobs until the queue is closed and empty.
fn work(queue: &Queue) {
    loop {
        let job = {
            let mut state = queue.lock();
            loop {
                if let Some(job) = state.jobs.pop_front() {
                    break job;
                }
                if state.closed {
                    return;
                }
                state.idle += 1;
                state = queue.ready.wait(state).unwrap_or_else(std::sync::PoisonError::into_inner);
                state.idle -= 1;
            }
        };
        job();
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
    served: Arc<Served>,
}

/// Counts of what the service answered, for the periodic summary in the
/// log (per-call lines are at debug level: at thousands of calls a second,
/// formatting and writing a line each would cost a good share of a call).
#[derive(Debug)]
pub struct Served {
    /// When the counts were last taken.
    since: Mutex<Instant>,
    calls: AtomicU64,
    streams: AtomicU64,
    documents: AtomicU64,
    failed: AtomicU64,
    shed: AtomicU64,
    bytes: AtomicU64,
}

/// What [`Served`] counted since its last [`Served::take`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ServedCounts {
    /// Analyze calls.
    pub calls: u64,
    /// AnalyzeStream calls.
    pub streams: u64,
    /// Documents answered (one per Analyze call, one per streamed request).
    pub documents: u64,
    /// Documents that failed, other than those shed.
    pub failed: u64,
    /// Documents turned away because the server was full.
    pub shed: u64,
    /// Text bytes of the documents analysed.
    pub bytes: u64,
}

impl Default for Served {
    fn default() -> Self {
        Self {
            since: Mutex::new(Instant::now()),
            calls: AtomicU64::new(0),
            streams: AtomicU64::new(0),
            documents: AtomicU64::new(0),
            failed: AtomicU64::new(0),
            shed: AtomicU64::new(0),
            bytes: AtomicU64::new(0),
        }
    }
}

impl Served {
    fn document(&self, code: tonic::Code, shed: bool) {
        self.documents.fetch_add(1, Ordering::Relaxed);
        if shed {
            self.shed.fetch_add(1, Ordering::Relaxed);
        } else if code != tonic::Code::Ok {
            self.failed.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// The counts since the last call (or the start), resetting them to
    /// zero, and how long that was.
    pub fn take(&self) -> (ServedCounts, Duration) {
        let now = Instant::now();
        let since = match self.since.lock() {
            Ok(mut since) => std::mem::replace(&mut *since, now),
            Err(poisoned) => std::mem::replace(&mut *poisoned.into_inner(), now),
        };
        let take = |n: &AtomicU64| n.swap(0, Ordering::Relaxed);
        let counts = ServedCounts {
            calls: take(&self.calls),
            streams: take(&self.streams),
            documents: take(&self.documents),
            failed: take(&self.failed),
            shed: take(&self.shed),
            bytes: take(&self.bytes),
        };
        (counts, now - since)
    }

    /// Logs, at info level, what was served since the last summary, if
    /// anything was.
    pub fn log_summary(&self) {
        let (n, period) = self.take();
        if n != ServedCounts::default() {
            tracing::info!(
                calls = n.calls,
                streams = n.streams,
                documents = n.documents,
                failed = n.failed,
                shed = n.shed,
                bytes = n.bytes,
                seconds = period.as_secs_f64().round() as u64,
                "served"
            );
        }
    }
}

/// The request id of a call: the caller's `x-request-id` when it sent a
/// usable one, else a new one unique within this process.
fn request_id(metadata: &tonic::metadata::MetadataMap) -> MetadataValue<Ascii> {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    if let Some(value) = metadata.get("x-request-id")
        && value.to_str().is_ok_and(|v| !v.is_empty() && v.len() <= 128)
    {
        return value.clone();
    }
    let made = format!("{:x}-{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
    // Hex digits and a dash are always a valid value.
    MetadataValue::try_from(made).unwrap_or_else(|_| MetadataValue::from_static("-"))
}

/// A request id as text, for the log.
fn id_text(value: &MetadataValue<Ascii>) -> &str {
    value.to_str().unwrap_or_default()
}

impl AnalyzerService {
    /// A service analysing with `engine` on `pool`; each stream keeps at
    /// most `stream_window` documents in flight.
    pub fn new(engine: Engine, pool: AnalysisPool, stream_window: usize) -> Self {
        Self {
            engine: Arc::new(engine),
            pool,
            stream_window: stream_window.max(1),
            metrics: Metrics::default(),
            served: Arc::default(),
        }
    }

    /// Records into `metrics` instead of a private registry.
    pub fn with_metrics(mut self, metrics: Metrics) -> Self {
        self.metrics = metrics;
        self
    }

    /// The counts behind the periodic summary in the log.
    pub fn served(&self) -> Arc<Served> {
        Arc::clone(&self.served)
    }

    /// Analyses one request on the pool; gives the request back for the log.
    async fn analyze_one(
        &self,
        admission: &Admission,
        request: pb::AnalyzeRequest,
    ) -> Result<(Result<pb::AnalyzeResponse, RequestError>, pb::AnalyzeRequest), Status> {
        let engine = Arc::clone(&self.engine);
        let bytes = request.text.len();
        let ((result, request), timing) = self
            .pool
            .run_timed(admission, bytes, move || {
                let result = engine.analyze(&request);
                (result, request)
            })
            .await?;
        self.metrics.analysis(bytes, timing.waited, timing.ran);
        self.served.bytes.fetch_add(bytes as u64, Ordering::Relaxed);
        Ok((result, request))
    }
}

type ResponseStream = Pin<Box<dyn Stream<Item = Result<pb::AnalyzeResponse, Status>> + Send>>;

#[tonic::async_trait]
impl Analyzer for AnalyzerService {
    async fn analyze(&self, request: Request<pb::AnalyzeRequest>) -> Result<Response<pb::AnalyzeResponse>, Status> {
        let request_id = request_id(request.metadata());
        let request = request.into_inner();
        let bytes = request.text.len();
        let _in_flight = self.metrics.call_started("Analyze");
        let started = Instant::now();
        // Counts the call when it ends, also if the caller goes away first.
        let mut outcome = CallOutcome::new(&self.metrics, "Analyze", started);
        self.served.calls.fetch_add(1, Ordering::Relaxed);
        let (result, id) = match self.pool.admit() {
            Ok(admission) => match self.analyze_one(&admission, request).await {
                Ok((result, request)) => (result.map_err(|e| e.to_status()), Some(request.id)),
                Err(status) => (Err(status), None),
            },
            Err(status) => {
                outcome.code = status.code();
                self.metrics.document(outcome.code);
                self.served.document(outcome.code, true);
                tracing::debug!(request_id = id_text(&request_id), id = %request.id, bytes, "shed: server busy");
                return Err(status);
            }
        };
        let micros = started.elapsed().as_micros() as u64;
        outcome.code = result.as_ref().map_or_else(Status::code, |_| tonic::Code::Ok);
        self.metrics.document(outcome.code);
        self.served.document(outcome.code, false);
        let id = id.as_deref().unwrap_or_default();
        match result {
            Ok(response) => {
                tracing::debug!(
                    request_id = id_text(&request_id),
                    id,
                    bytes,
                    micros,
                    quotes = response.quotes.len(),
                    dates = response.dates.len(),
                    "analyzed"
                );
                let mut response = Response::new(response);
                response.metadata_mut().insert("x-request-id", request_id);
                Ok(response)
            }
            Err(status) => {
                tracing::info!(
                    request_id = id_text(&request_id),
                    id,
                    bytes,
                    micros,
                    code = ?status.code(),
                    reason = status.message(),
                    "rejected"
                );
                Err(status)
            }
        }
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
        let span = tracing::info_span!("analyze_stream", request_id = id_text(&request_id));
        let in_flight = self.metrics.call_started("AnalyzeStream");
        self.served.streams.fetch_add(1, Ordering::Relaxed);
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
        response.metadata_mut().insert("x-request-id", request_id);
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
        let (outcome, shed) = match self.pool.admit() {
            Ok(admission) => {
                let engine = Arc::clone(&self.engine);
                let bytes = request.text.len();
                let id = request.id.clone();
                let ran = self.pool.run_timed(&admission, bytes, move || engine.analyze_or_error(&request)).await;
                let outcome = ran.map(|(response, timing)| {
                    self.metrics.analysis(bytes, timing.waited, timing.ran);
                    self.served.bytes.fetch_add(bytes as u64, Ordering::Relaxed);
                    response
                });
                (outcome.map_err(|status| (status, id)), false)
            }
            Err(status) => (Err((status, request.id)), true),
        };
        let code = match &outcome {
            Ok(response) => response.error.as_ref().map_or(tonic::Code::Ok, |e| tonic::Code::from_i32(e.code)),
            Err((status, _)) => status.code(),
        };
        self.metrics.document(code);
        self.served.document(code, shed);
        outcome.unwrap_or_else(|(status, id)| pb::AnalyzeResponse {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_pool_runs_work_and_a_panic_costs_only_that_document() {
        let pool = AnalysisPool::new(1, 4);
        let admission = pool.admit().expect("a place");
        assert_eq!(pool.run(&admission, 1, || 6 * 7).await.ok(), Some(42));
        let status = pool.run(&admission, 1, || -> u32 { panic!("a bug in a rule") }).await.expect_err("a panic");
        assert_eq!(status.code(), tonic::Code::Internal);
        assert_eq!(pool.run(&admission, 1, || 1).await.ok(), Some(1), "the thread goes on");
    }

    #[tokio::test]
    async fn a_full_pool_turns_documents_away() {
        let pool = AnalysisPool::new(1, 2);
        let held = [pool.admit().expect("first"), pool.admit().expect("second")];
        assert_eq!(pool.in_flight(), 2);
        assert_eq!(pool.admit().expect_err("full").code(), tonic::Code::ResourceExhausted);
        drop(held);
        assert!(pool.admit().is_ok());
    }

    #[test]
    fn dropping_the_pool_stops_its_threads() {
        let workers = Workers::start(2);
        assert_eq!(workers.threads, 2);
        let queue = Arc::downgrade(&workers.queue);
        drop(workers);
        let started = Instant::now();
        while queue.upgrade().is_some() {
            assert!(started.elapsed() < Duration::from_secs(5), "the threads did not exit");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn served_counts_reset_when_taken() {
        let served = Served::default();
        served.calls.fetch_add(2, Ordering::Relaxed);
        served.document(tonic::Code::Ok, false);
        served.document(tonic::Code::InvalidArgument, false);
        served.document(tonic::Code::ResourceExhausted, true);
        let (counts, _) = served.take();
        assert_eq!(counts, ServedCounts { calls: 2, documents: 3, failed: 1, shed: 1, ..ServedCounts::default() });
        assert_eq!(served.take().0, ServedCounts::default());
    }
}
