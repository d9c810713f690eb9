//! A typed client for the `sayso.v1.Analyzer` service: the generated tonic
//! client plus small conveniences.
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use sayso::client::{AnalyzeOptions, Client};
//!
//! let mut client = Client::connect("http://127.0.0.1:50051").await?;
//! let options = AnalyzeOptions::default().reference_date("2023-11-21").target("negotiations", &["talks"]);
//! let response = client
//!     .analyze("“We are ready to talk,” Putin said on Friday.", &options)
//!     .await?;
//! for quote in &response.quotes {
//!     println!("{}: {}", quote.speaker, quote.text);
//! }
//! # Ok(())
//! # }
//! ```

use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use futures::Stream;
use tokio::sync::{Notify, mpsc, watch};
use tonic::transport::channel::Change;
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Endpoint};
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;

use crate::pb;
pub use crate::pb::analyzer_client::AnalyzerClient;

/// Options for one analysis; the builder methods fill an
/// [`pb::AnalyzeRequest`].
#[derive(Debug, Clone, Default)]
pub struct AnalyzeOptions {
    request: pb::AnalyzeRequest,
}

impl AnalyzeOptions {
    /// The document id echoed in the response.
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.request.id = id.into();
        self
    }

    /// The ISO 8601 reference date ("2023-11-21").
    pub fn reference_date(mut self, date: impl Into<String>) -> Self {
        self.request.reference_date = date.into();
        self
    }

    /// A language code to use instead of detection.
    pub fn language_hint(mut self, code: impl Into<String>) -> Self {
        self.request.language_hint = code.into();
        self
    }

    /// Runs this extractor (call once per feature; none means all).
    pub fn feature(mut self, feature: pb::Feature) -> Self {
        self.request.features.push(feature as i32);
        self
    }

    /// Adds a stance target with its keywords (none: the name and its
    /// variants).
    pub fn target(mut self, name: impl Into<String>, keywords: &[&str]) -> Self {
        self.request
            .stance_targets
            .push(pb::StanceTarget { name: name.into(), keywords: keywords.iter().map(|k| (*k).to_owned()).collect() });
        self
    }

    /// The unit of the response's offsets.
    pub fn encoding(mut self, encoding: pb::EncodingType) -> Self {
        self.request.encoding_type = encoding as i32;
        self
    }

    /// The request for `text` with these options.
    pub fn request(&self, text: impl Into<String>) -> pb::AnalyzeRequest {
        pb::AnalyzeRequest { text: text.into(), ..self.request.clone() }
    }
}

/// A connection to one sayso server, or to several with calls spread over
/// them.
///
/// Given several addresses, or a host name (which may resolve to many
/// addresses, like a Kubernetes headless Service), the client balances
/// calls over the servers that answer their health check: a background task
/// probes every address each [`PROBE_INTERVAL`], re-resolves names, and adds
/// or removes servers; a call that meets an unreachable server
/// (`UNAVAILABLE`) triggers a probe at once and is retried on the others.
#[derive(Debug, Clone)]
pub struct Client {
    inner: AnalyzerClient<Channel>,
    balancer: Option<Arc<Balancer>>,
    authorization: Option<tonic::metadata::AsciiMetadataValue>,
}

/// How to reach servers that serve TLS or require a bearer token.
#[derive(Debug, Clone, Default)]
pub struct ConnectOptions {
    /// PEM certificate of the CA that signed the servers' certificates,
    /// used for `https://` addresses.
    pub ca_certificate: Option<Vec<u8>>,
    /// The name to verify in the servers' certificates (default: the host
    /// of each address).
    pub tls_domain: Option<String>,
    /// Bearer token sent with every call.
    pub token: Option<String>,
}

impl ConnectOptions {
    /// The TLS settings for an endpoint to `host`, when it is `https`.
    fn tls_for(&self, host: &str) -> ClientTlsConfig {
        let mut tls = ClientTlsConfig::new().domain_name(self.tls_domain.clone().unwrap_or_else(|| host.to_owned()));
        if let Some(ca) = &self.ca_certificate {
            tls = tls.ca_certificate(Certificate::from_pem(ca));
        }
        tls
    }
}

/// How often the balancer probes the servers' health and re-resolves names.
pub const PROBE_INTERVAL: Duration = Duration::from_secs(2);
/// How long one health probe may take before its server counts as down.
const PROBE_TIMEOUT: Duration = Duration::from_secs(1);
/// How long a failed call waits for a fresh probe before its retry.
const REFRESH_WAIT: Duration = Duration::from_secs(3);
/// Attempts of one unary call when balancing (the first and the retries).
const ATTEMPTS: usize = 3;
/// The service whose health decides whether a server gets calls.
const HEALTH_SERVICE: &str = "sayso.v1.Analyzer";

/// Why a client could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    /// An address could not be parsed.
    #[error("invalid address {address:?}: {source}")]
    Address {
        /// The address as given.
        address: String,
        /// What was wrong with it.
        source: tonic::transport::Error,
    },
    /// The bearer token cannot be sent in a header.
    #[error("the token is not printable ASCII")]
    BadToken,
    /// The address list was empty.
    #[error("no address given")]
    NoAddress,
    /// None of several servers (or of a name's addresses) answered its
    /// health check as serving.
    #[error("no server of {addresses} is serving")]
    NoneServing {
        /// The addresses as given.
        addresses: String,
    },
    /// The server could not be reached.
    #[error("cannot connect to {address}: {source}")]
    Connect {
        /// The address as given.
        address: String,
        /// The transport error.
        source: tonic::transport::Error,
    },
}

impl Client {
    /// Connects to `addresses`: one URL (`http://127.0.0.1:50051`), or
    /// several separated by commas, over which calls are spread.
    ///
    /// One address with an IP literal connects directly (and fails at once
    /// if the server is down). Several addresses, or a host name, are
    /// balanced (see [`Client`]); that fails if no server answers its health
    /// check.
    pub async fn connect(addresses: &str) -> Result<Self, ConnectError> {
        Self::connect_with(addresses, &ConnectOptions::default()).await
    }

    /// Like [`Client::connect`], with TLS settings and a bearer token.
    pub async fn connect_with(addresses: &str, options: &ConnectOptions) -> Result<Self, ConnectError> {
        let endpoints = endpoints_with(addresses, options)?;
        let authorization = match &options.token {
            Some(token) => Some(format!("Bearer {}", token.trim()).parse().map_err(|_| ConnectError::BadToken)?),
            None => None,
        };
        match endpoints.as_slice() {
            [endpoint] if is_ip_literal(endpoint) => {
                let channel = endpoint
                    .connect()
                    .await
                    .map_err(|source| ConnectError::Connect { address: addresses.to_owned(), source })?;
                Ok(Self { authorization, ..Self::from_channel(channel) })
            }
            _ => {
                let (channel, balancer) = Balancer::start(endpoints, options.clone()).await;
                if balancer.serving() == 0 {
                    return Err(ConnectError::NoneServing { addresses: addresses.to_owned() });
                }
                Ok(Self { balancer: Some(Arc::new(balancer)), authorization, ..Self::from_channel(channel) })
            }
        }
    }

    /// A client over an existing channel.
    pub fn from_channel(channel: Channel) -> Self {
        let inner =
            AnalyzerClient::new(channel).max_decoding_message_size(64 << 20).max_encoding_message_size(64 << 20);
        Self { inner, balancer: None, authorization: None }
    }

    /// `message` as a call, with the bearer token when one is set; for calls
    /// made through [`Client::inner`].
    pub fn request<T>(&self, message: T) -> tonic::Request<T> {
        let mut request = tonic::Request::new(message);
        if let Some(value) = &self.authorization {
            request.metadata_mut().insert("authorization", value.clone());
        }
        request
    }

    /// Servers that passed their last health probe, when balancing.
    pub fn serving(&self) -> Option<usize> {
        self.balancer.as_ref().map(|b| b.serving())
    }

    /// When balancing and no server is known to serve: probes once more,
    /// and fails with `UNAVAILABLE` if none does.
    async fn ensure_serving(&self) -> Result<(), tonic::Status> {
        let Some(balancer) = &self.balancer else { return Ok(()) };
        if balancer.serving() == 0 {
            balancer.refresh().await;
            if balancer.serving() == 0 {
                return Err(tonic::Status::unavailable("no server is serving (all failed their health probes)"));
            }
        }
        Ok(())
    }

    /// The generated client, for anything the wrapper does not cover. Its
    /// calls are balanced too, but not retried.
    pub fn inner(&mut self) -> &mut AnalyzerClient<Channel> {
        &mut self.inner
    }

    /// Analyses `text` with `options`.
    pub async fn analyze(
        &mut self,
        text: impl Into<String>,
        options: &AnalyzeOptions,
    ) -> Result<pb::AnalyzeResponse, tonic::Status> {
        self.analyze_request(options.request(text)).await
    }

    /// Sends one prepared request.
    ///
    /// A call that fails in transport (the server it went to is down, or
    /// its connection closed under it) is retried: once on a lone server,
    /// on the servers still up when balancing. The analysis has no side
    /// effects, so a retry is safe.
    pub async fn analyze_request(&mut self, request: pb::AnalyzeRequest) -> Result<pb::AnalyzeResponse, tonic::Status> {
        // One more attempt on a lone server covers a connection that closed
        // under the call (a recycled connection); more when balancing.
        let attempts = if self.balancer.is_some() { ATTEMPTS } else { 2 };
        let mut attempt = 1;
        loop {
            self.ensure_serving().await?;
            match self.inner.analyze(self.request(request.clone())).await {
                Ok(response) => return Ok(response.into_inner()),
                Err(status) if is_transport_failure(&status) && attempt < attempts => {
                    tracing::debug!(attempt, %status, "server unavailable, probing and retrying");
                    if let Some(balancer) = &self.balancer {
                        balancer.refresh().await;
                    }
                    attempt += 1;
                }
                Err(status) => return Err(status),
            }
        }
    }

    /// Sends many requests over one AnalyzeStream call; responses come back
    /// in request order, one per request.
    pub async fn analyze_many(
        &mut self,
        requests: impl Stream<Item = pb::AnalyzeRequest> + Send + 'static,
    ) -> Result<tonic::Streaming<pb::AnalyzeResponse>, tonic::Status> {
        self.ensure_serving().await?;
        Ok(self.inner.analyze_stream(self.request(requests)).await?.into_inner())
    }
}

/// Whether a call failed in transport rather than in the server: no server
/// answered it (UNAVAILABLE), or its connection broke (tonic reports that as
/// UNKNOWN "transport error"). The sayso server itself never answers UNKNOWN.
fn is_transport_failure(status: &tonic::Status) -> bool {
    match status.code() {
        tonic::Code::Unavailable => true,
        tonic::Code::Unknown => status.message().contains("transport error"),
        _ => false,
    }
}

/// Whether the endpoint's host is an IP address rather than a name.
fn is_ip_literal(endpoint: &Endpoint) -> bool {
    endpoint
        .uri()
        .host()
        .is_some_and(|h| h.trim_start_matches('[').trim_end_matches(']').parse::<std::net::IpAddr>().is_ok())
}

/// What the probe task last found.
#[derive(Debug, Clone, Copy, Default)]
struct Membership {
    /// Probe rounds started.
    started: u64,
    /// Probe rounds finished.
    finished: u64,
    /// Servers that passed their last probe.
    serving: usize,
}

/// The client side of the probe task: its findings and a way to wake it.
#[derive(Debug)]
struct Balancer {
    membership: watch::Receiver<Membership>,
    wake: Arc<Notify>,
}

impl Balancer {
    /// Starts probing `targets` and returns the balanced channel once the
    /// first round is done. The task ends when the channel is dropped.
    async fn start(targets: Vec<Endpoint>, options: ConnectOptions) -> (Channel, Self) {
        let (channel, changes) = Channel::balance_channel::<SocketAddr>(1024);
        let (membership_tx, membership) = watch::channel(Membership::default());
        let wake = Arc::new(Notify::new());
        let last_resolved = vec![Vec::new(); targets.len()];
        let mut prober =
            Prober { targets, last_resolved, changes, membership: membership_tx, probes: HashMap::new(), options };
        // The first round runs here, so the client starts with what is up.
        let current = prober.round(&HashSet::new()).await;
        let task_wake = Arc::clone(&wake);
        tokio::spawn(async move { prober.run(current, task_wake).await });
        (channel, Self { membership, wake })
    }

    /// Servers that passed their last probe.
    fn serving(&self) -> usize {
        self.membership.borrow().serving
    }

    /// Asks for a probe round now and waits (a bounded time) until a round
    /// started after this call has finished.
    async fn refresh(&self) {
        let mut membership = self.membership.clone();
        let started = membership.borrow_and_update().started;
        self.wake.notify_one();
        let _ = tokio::time::timeout(REFRESH_WAIT, membership.wait_for(|m| m.finished > started)).await;
    }
}

/// The probe task's state.
struct Prober {
    /// TLS settings for `https` targets.
    options: ConnectOptions,
    /// The endpoints as given; names are resolved every round.
    targets: Vec<Endpoint>,
    /// Each target's addresses at its last successful resolution.
    last_resolved: Vec<Vec<(SocketAddr, Endpoint)>>,
    /// Adds and removes servers of the balanced channel.
    changes: mpsc::Sender<Change<SocketAddr, Endpoint>>,
    membership: watch::Sender<Membership>,
    /// One health client per resolved address, reused across rounds.
    probes: HashMap<SocketAddr, (Endpoint, HealthClient<Channel>)>,
}

impl Prober {
    /// Probes every round, on a timer or when woken, until the balanced
    /// channel is gone.
    async fn run(mut self, mut current: HashSet<SocketAddr>, wake: Arc<Notify>) {
        loop {
            tokio::select! {
                () = self.changes.closed() => return,
                () = tokio::time::sleep(PROBE_INTERVAL) => {}
                () = wake.notified() => {}
            }
            current = self.round(&current).await;
            if self.changes.is_closed() {
                return;
            }
        }
    }

    /// One round: resolve, probe, and move the balanced channel from
    /// `current` to the servers serving now, which it returns.
    async fn round(&mut self, current: &HashSet<SocketAddr>) -> HashSet<SocketAddr> {
        self.membership.send_modify(|m| m.started += 1);
        let resolved = self.resolve().await;
        self.probes.retain(|addr, _| resolved.contains_key(addr));
        for (addr, endpoint) in resolved {
            self.probes.entry(addr).or_insert_with(|| (endpoint.clone(), HealthClient::new(endpoint.connect_lazy())));
        }
        let checks = self.probes.iter().map(|(addr, (_, health))| {
            let mut health = health.clone();
            let addr = *addr;
            async move {
                let request = HealthCheckRequest { service: HEALTH_SERVICE.to_owned() };
                let status = tokio::time::timeout(PROBE_TIMEOUT, health.check(request)).await;
                let serving =
                    matches!(&status, Ok(Ok(response)) if response.get_ref().status == ServingStatus::Serving as i32);
                (addr, serving)
            }
        });
        let serving: HashSet<SocketAddr> =
            futures::future::join_all(checks).await.into_iter().filter_map(|(addr, up)| up.then_some(addr)).collect();
        for gone in current.difference(&serving) {
            tracing::info!(addr = %gone, "server left the balancer");
            let _ = self.changes.send(Change::Remove(*gone)).await;
        }
        for new in serving.difference(current) {
            if let Some((endpoint, _)) = self.probes.get(new) {
                tracing::debug!(addr = %new, "server joined the balancer");
                let _ = self.changes.send(Change::Insert(*new, endpoint.clone())).await;
            }
        }
        let count = serving.len();
        self.membership.send_modify(|m| {
            m.finished += 1;
            m.serving = count;
        });
        serving
    }

    /// Every address of every target, each with an endpoint to it that
    /// keeps the target's scheme. A name that fails to resolve keeps the
    /// addresses it had.
    async fn resolve(&mut self) -> HashMap<SocketAddr, Endpoint> {
        for (target, last) in self.targets.iter().zip(self.last_resolved.iter_mut()) {
            let uri = target.uri();
            let Some(host) = uri.host() else { continue };
            let host = host.trim_start_matches('[').trim_end_matches(']');
            let https = uri.scheme_str() == Some("https");
            let port = uri.port_u16().unwrap_or(if https { 443 } else { 80 });
            let scheme = if https { "https" } else { "http" };
            match tokio::net::lookup_host((host, port)).await {
                Ok(addrs) => {
                    *last = addrs
                        .filter_map(|addr| {
                            let mut endpoint = Endpoint::from_shared(format!("{scheme}://{addr}")).ok()?;
                            if https {
                                endpoint = endpoint.tls_config(self.options.tls_for(host)).ok()?;
                            }
                            Some((addr, endpoint.tcp_nodelay(true).connect_timeout(CONNECT_TIMEOUT)))
                        })
                        .collect();
                }
                Err(error) => tracing::debug!(%host, %error, "cannot resolve; keeping its last addresses"),
            }
        }
        self.last_resolved.iter().flatten().cloned().collect()
    }
}

/// How long connecting to a server may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// Parses a comma-separated address list; a bare `host:port` gets `http://`.
pub fn endpoints(addresses: &str) -> Result<Vec<Endpoint>, ConnectError> {
    endpoints_with(addresses, &ConnectOptions::default())
}

/// Like [`endpoints`], with TLS settings for `https://` addresses.
pub fn endpoints_with(addresses: &str, options: &ConnectOptions) -> Result<Vec<Endpoint>, ConnectError> {
    let list: Vec<&str> = addresses.split(',').map(str::trim).filter(|a| !a.is_empty()).collect();
    if list.is_empty() {
        return Err(ConnectError::NoAddress);
    }
    list.into_iter()
        .map(|address| {
            let url = if address.contains("://") { address.to_owned() } else { format!("http://{address}") };
            let endpoint = Endpoint::from_shared(url)
                .map(|e| e.tcp_nodelay(true).connect_timeout(CONNECT_TIMEOUT))
                .map_err(|source| ConnectError::Address { address: address.to_owned(), source })?;
            if endpoint.uri().scheme_str() != Some("https") {
                return Ok(endpoint);
            }
            let host =
                endpoint.uri().host().unwrap_or_default().trim_start_matches('[').trim_end_matches(']').to_owned();
            endpoint
                .tls_config(options.tls_for(&host))
                .map_err(|source| ConnectError::Address { address: address.to_owned(), source })
        })
        .collect()
}
