//! `sayso bench`: a load generator over the generated client. N concurrent
//! callers for a duration or a count, Analyze or AnalyzeStream, over the
//! seeds or given files; prints requests/s, MB/s, latency percentiles,
//! counts per status code, and CPU time per call of this client and (with
//! `--watch-pid`) of the server (`--json` for machines). It keeps its own
//! cost low, as it shares the machine with the server: one thread and one
//! connection by default.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::ValueEnum;
use futures::StreamExt;
use hdrhistogram::Histogram;
use sayso::client::Client;
use sayso::pb;
use tokio::sync::mpsc;

/// Arguments of `sayso bench`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Documents to send (files or directories); default: `seeds/`.
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    connection: crate::ConnectArgs,
    /// Concurrent callers.
    #[arg(long, short = 'c', default_value_t = 32)]
    concurrency: usize,
    /// Connections the callers share (HTTP/2 multiplexes the calls; one
    /// is the cheapest for both sides).
    #[arg(long, default_value_t = 1)]
    connections: usize,
    /// Threads of this load generator (it shares the machine with the
    /// server it measures; one keeps its own cost lowest).
    #[arg(long, default_value_t = 1)]
    threads: usize,
    /// How long to run, in seconds (ignored when --requests is given).
    #[arg(long, short = 'd', default_value_t = 10.0)]
    duration: f64,
    /// Stop after this many documents instead of after --duration.
    #[arg(long, short = 'n')]
    requests: Option<u64>,
    /// Which RPC to drive.
    #[arg(long, value_enum, default_value_t = Mode::Analyze)]
    mode: Mode,
    /// Share of requests made invalid on purpose (empty text or a bad
    /// reference date), for soak tests of the error paths.
    #[arg(long, default_value_t = 0.0)]
    invalid_ratio: f64,
    /// Per-call deadline in milliseconds (0: none).
    #[arg(long, default_value_t = 0)]
    deadline_ms: u64,
    /// Report the resident memory of this process (the server) at the start
    /// and end of the run, and the CPU time it used per call.
    #[arg(long)]
    watch_pid: Option<u32>,
    /// Print one JSON object instead of a report.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Mode {
    /// One unary Analyze call per document.
    Analyze,
    /// Each caller keeps one AnalyzeStream open and sends documents over it.
    Stream,
}

/// What the callers measured.
#[derive(Debug)]
struct Tally {
    latency_us: Histogram<u64>,
    /// Calls per status code, indexed by the code's number.
    codes: [u64; 17],
    /// The first message seen for each failing code.
    examples: BTreeMap<String, String>,
    bytes: u64,
}

impl Tally {
    fn new() -> anyhow::Result<Self> {
        Ok(Self {
            latency_us: Histogram::new_with_bounds(1, 600_000_000, 3)?,
            codes: [0; 17],
            examples: BTreeMap::new(),
            bytes: 0,
        })
    }

    fn record(&mut self, latency: Duration, code: tonic::Code, bytes: usize) {
        let micros = u64::try_from(latency.as_micros()).unwrap_or(u64::MAX).max(1);
        let _ = self.latency_us.record(micros.min(self.latency_us.high()));
        if let Some(n) = self.codes.get_mut(code as usize) {
            *n += 1;
        }
        if code == tonic::Code::Ok {
            self.bytes += bytes as u64;
        }
    }

    /// Records a failed call, keeping the first message of its code.
    fn record_error(&mut self, latency: Duration, status: &tonic::Status) {
        self.record(latency, status.code(), 0);
        self.examples.entry(code_name(status.code())).or_insert_with(|| status.message().to_owned());
    }

    /// Calls per status code name, the codes seen only.
    fn codes(&self) -> BTreeMap<String, u64> {
        (0..self.codes.len() as i32)
            .map(tonic::Code::from_i32)
            .filter(|&code| self.codes[code as usize] > 0)
            .map(|code| (code_name(code), self.codes[code as usize]))
            .collect()
    }

    fn merge(&mut self, other: Tally) -> anyhow::Result<()> {
        self.latency_us.add(other.latency_us)?;
        for (mine, theirs) in self.codes.iter_mut().zip(other.codes) {
            *mine += theirs;
        }
        for (code, message) in other.examples {
            self.examples.entry(code).or_insert(message);
        }
        self.bytes += other.bytes;
        Ok(())
    }
}

/// The status code as gRPC names it ("RESOURCE_EXHAUSTED").
fn code_name(code: tonic::Code) -> String {
    let camel = format!("{code:?}");
    let mut out = String::with_capacity(camel.len() + 4);
    for (i, c) in camel.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

/// The documents to send, as requests; every k-th one spoiled when
/// `invalid_ratio` asks for it.
fn workload(args: &Args) -> anyhow::Result<Vec<pb::AnalyzeRequest>> {
    let inputs = if args.inputs.is_empty() { vec![PathBuf::from("seeds")] } else { args.inputs.clone() };
    let mut files = Vec::new();
    for input in &inputs {
        if input.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(input)
                .with_context(|| format!("reading {}", input.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect();
            entries.sort();
            files.extend(entries);
        } else {
            files.push(input.clone());
        }
    }
    anyhow::ensure!(!files.is_empty(), "no documents to send (give files or run where seeds/ is)");
    let mut requests = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
        requests.push(pb::AnalyzeRequest { id: file.display().to_string(), text, ..Default::default() });
    }
    if args.invalid_ratio > 0.0 {
        let every = (1.0 / args.invalid_ratio.clamp(0.001, 1.0)).round().max(1.0) as usize;
        let valid = requests.clone();
        requests = (0..valid.len() * every)
            .map(|i| {
                let mut r = valid[i % valid.len()].clone();
                if i % every == every - 1 {
                    if (i / every).is_multiple_of(2) {
                        r.text.clear();
                    } else {
                        r.reference_date = "not a date".into();
                    }
                }
                r
            })
            .collect();
    }
    Ok(requests)
}

/// Resident set size of a process, in MiB (Linux).
fn rss_mib(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// CPU time (user and system) a process has used so far: this one, or
/// `pid` (Linux).
fn cpu_time(pid: Option<u32>) -> Option<Duration> {
    let path = pid.map_or_else(|| "/proc/self/stat".to_owned(), |pid| format!("/proc/{pid}/stat"));
    let stat = std::fs::read_to_string(path).ok()?;
    // The fields after the command name (in parentheses, which may hold
    // spaces) start at the 3rd of stat(5); utime and stime are the 14th and
    // 15th, in clock ticks of 1/100 s (USER_HZ on Linux).
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// What the run cost: the server's memory and CPU time (with --watch-pid)
/// and this load generator's own CPU time.
#[derive(Debug, Default)]
struct Cost {
    rss_start: Option<f64>,
    rss_end: Option<f64>,
    server_cpu: Option<Duration>,
    client_cpu: Option<Duration>,
}

/// Readings at the start of a run, to subtract at its end.
struct Readings {
    rss: Option<f64>,
    server_cpu: Option<Duration>,
    client_cpu: Option<Duration>,
}

impl Readings {
    fn now(watch_pid: Option<u32>) -> Self {
        Self {
            rss: watch_pid.and_then(rss_mib),
            server_cpu: watch_pid.and_then(|pid| cpu_time(Some(pid))),
            client_cpu: cpu_time(None),
        }
    }

    fn since(self, start: Readings) -> Cost {
        let minus = |end: Option<Duration>, start: Option<Duration>| Some(end?.saturating_sub(start?));
        Cost {
            rss_start: start.rss,
            rss_end: self.rss,
            server_cpu: minus(self.server_cpu, start.server_cpu),
            client_cpu: minus(self.client_cpu, start.client_cpu),
        }
    }
}

pub(crate) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let requests = Arc::new(workload(&args)?);
    let runtime = match args.threads {
        0 | 1 => tokio::runtime::Builder::new_current_thread().enable_all().build()?,
        threads => tokio::runtime::Builder::new_multi_thread().worker_threads(threads).enable_all().build()?,
    };
    runtime.block_on(drive(args, requests))
}

async fn drive(args: Args, requests: Arc<Vec<pb::AnalyzeRequest>>) -> anyhow::Result<ExitCode> {
    let mut clients = Vec::new();
    for _ in 0..args.connections.max(1) {
        clients.push(args.connection.connect().await.context("connecting")?);
    }
    let readings = Readings::now(args.watch_pid);
    let issued = Arc::new(AtomicU64::new(0));
    let limit = args.requests;
    let stop_at = Instant::now() + Duration::from_secs_f64(args.duration.max(0.01));
    let next = move |issued: &AtomicU64| -> Option<u64> {
        let n = issued.fetch_add(1, Ordering::Relaxed);
        match limit {
            Some(limit) => (n < limit).then_some(n),
            None => (Instant::now() < stop_at).then_some(n),
        }
    };
    let deadline = (args.deadline_ms > 0).then(|| Duration::from_millis(args.deadline_ms));

    let started = Instant::now();
    let mut callers = tokio::task::JoinSet::new();
    for caller in 0..args.concurrency.max(1) {
        let mut client = clients[caller % clients.len()].clone();
        let requests = Arc::clone(&requests);
        let issued = Arc::clone(&issued);
        let mode = args.mode;
        callers.spawn(async move {
            let mut tally = Tally::new()?;
            match mode {
                Mode::Analyze => {
                    while let Some(n) = next(&issued) {
                        let request = requests[(n as usize) % requests.len()].clone();
                        let bytes = request.text.len();
                        let mut call = client.request(request);
                        if let Some(d) = deadline {
                            call.set_timeout(d);
                        }
                        let sent = Instant::now();
                        match client.inner().analyze(call).await {
                            Ok(_) => tally.record(sent.elapsed(), tonic::Code::Ok, bytes),
                            Err(status) => tally.record_error(sent.elapsed(), &status),
                        }
                    }
                }
                Mode::Stream => stream_caller(&mut client, &requests, &issued, &next, &mut tally).await?,
            }
            anyhow::Ok(tally)
        });
    }
    let mut total = Tally::new()?;
    while let Some(joined) = callers.join_next().await {
        total.merge(joined??)?;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let cost = Readings::now(args.watch_pid).since(readings);
    report(&args, &total, elapsed, &cost);
    Ok(ExitCode::SUCCESS)
}

/// One caller over one AnalyzeStream: documents go out as fast as the
/// stream takes them; latency is from send to the matching response.
async fn stream_caller(
    client: &mut Client,
    requests: &[pb::AnalyzeRequest],
    issued: &AtomicU64,
    next: &(impl Fn(&AtomicU64) -> Option<u64> + Sync),
    tally: &mut Tally,
) -> anyhow::Result<()> {
    let (tx, rx) = mpsc::channel::<pb::AnalyzeRequest>(16);
    let mut responses = client.analyze_many(tokio_stream::wrappers::ReceiverStream::new(rx)).await?;
    let mut in_flight: std::collections::VecDeque<(Instant, usize)> = std::collections::VecDeque::new();
    let window = 16;
    let mut sender = Some(tx);
    loop {
        while in_flight.len() < window {
            let Some(tx) = &sender else { break };
            match next(issued) {
                Some(n) => {
                    let request = requests[(n as usize) % requests.len()].clone();
                    let bytes = request.text.len();
                    if tx.send(request).await.is_err() {
                        sender = None;
                        break;
                    }
                    in_flight.push_back((Instant::now(), bytes));
                }
                None => {
                    sender = None; // end of the request stream
                }
            }
        }
        if in_flight.is_empty() {
            break;
        }
        match responses.next().await {
            Some(Ok(response)) => {
                let (sent, bytes) = in_flight.pop_front().unwrap_or((Instant::now(), 0));
                match &response.error {
                    None => tally.record(sent.elapsed(), tonic::Code::Ok, bytes),
                    Some(e) => {
                        let code = tonic::Code::from_i32(e.code);
                        tally.record(sent.elapsed(), code, 0);
                        tally.examples.entry(code_name(code)).or_insert_with(|| e.message.clone());
                    }
                }
            }
            Some(Err(status)) => {
                for (sent, _) in in_flight.drain(..) {
                    tally.record_error(sent.elapsed(), &status);
                }
                break;
            }
            None => break,
        }
    }
    Ok(())
}

fn report(args: &Args, t: &Tally, elapsed: f64, cost: &Cost) {
    let codes = t.codes();
    let calls: u64 = codes.values().sum();
    let ms = |q: f64| t.latency_us.value_at_quantile(q) as f64 / 1000.0;
    // CPU time per call, in microseconds.
    let per_call = |cpu: Option<Duration>| cpu.map(|cpu| cpu.as_secs_f64() * 1e6 / calls.max(1) as f64);
    let summary = serde_json::json!({
        "mode": format!("{:?}", args.mode).to_lowercase(),
        "concurrency": args.concurrency,
        "connections": args.connections,
        "seconds": elapsed,
        "calls": calls,
        "requests_per_second": calls as f64 / elapsed,
        "mb_per_second": t.bytes as f64 / 1e6 / elapsed,
        "latency_ms": {
            "p50": ms(0.50), "p90": ms(0.90), "p99": ms(0.99),
            "max": t.latency_us.max() as f64 / 1000.0,
        },
        "codes": codes,
        "first_errors": t.examples,
        "server_rss_mib": {"start": cost.rss_start, "end": cost.rss_end},
        "cpu_us_per_call": {"server": per_call(cost.server_cpu), "client": per_call(cost.client_cpu)},
    });
    if args.json {
        println!("{summary}");
        return;
    }
    println!(
        "{} calls in {elapsed:.2} s ({:?}, {} callers over {} connections)",
        calls, args.mode, args.concurrency, args.connections
    );
    println!("  {:>10.0} requests/s   {:>8.2} MB/s of text", calls as f64 / elapsed, t.bytes as f64 / 1e6 / elapsed);
    println!(
        "  latency ms: p50 {:.2}  p90 {:.2}  p99 {:.2}  max {:.2}",
        ms(0.50),
        ms(0.90),
        ms(0.99),
        t.latency_us.max() as f64 / 1000.0
    );
    for (code, n) in &codes {
        match t.examples.get(code) {
            Some(example) => println!("  {code:<20} {n}   first: {example}"),
            None => println!("  {code:<20} {n}"),
        }
    }
    if let (Some(start), Some(end)) = (cost.rss_start, cost.rss_end) {
        println!("  server RSS: {start:.1} MiB at start, {end:.1} MiB at end");
    }
    match (per_call(cost.server_cpu), per_call(cost.client_cpu)) {
        (Some(server), Some(client)) => println!("  CPU per call: server {server:.0} µs, this client {client:.0} µs"),
        (None, Some(client)) => println!("  CPU per call: this client {client:.0} µs (--watch-pid for the server's)"),
        _ => {}
    }
}
