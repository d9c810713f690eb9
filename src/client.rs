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

use futures::Stream;
use tonic::transport::{Channel, Endpoint};

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
#[derive(Debug, Clone)]
pub struct Client {
    inner: AnalyzerClient<Channel>,
}

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
    /// The address list was empty.
    #[error("no address given")]
    NoAddress,
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
    pub async fn connect(addresses: &str) -> Result<Self, ConnectError> {
        let endpoints = endpoints(addresses)?;
        let channel = if endpoints.len() == 1 {
            let endpoint = endpoints.into_iter().next().ok_or(ConnectError::NoAddress)?;
            endpoint
                .connect()
                .await
                .map_err(|source| ConnectError::Connect { address: addresses.to_owned(), source })?
        } else {
            Channel::balance_list(endpoints.into_iter())
        };
        Ok(Self::from_channel(channel))
    }

    /// A client over an existing channel.
    pub fn from_channel(channel: Channel) -> Self {
        let inner =
            AnalyzerClient::new(channel).max_decoding_message_size(64 << 20).max_encoding_message_size(64 << 20);
        Self { inner }
    }

    /// The generated client, for anything the wrapper does not cover.
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
    pub async fn analyze_request(&mut self, request: pb::AnalyzeRequest) -> Result<pb::AnalyzeResponse, tonic::Status> {
        Ok(self.inner.analyze(request).await?.into_inner())
    }

    /// Sends many requests over one AnalyzeStream call; responses come back
    /// in request order, one per request.
    pub async fn analyze_many(
        &mut self,
        requests: impl Stream<Item = pb::AnalyzeRequest> + Send + 'static,
    ) -> Result<tonic::Streaming<pb::AnalyzeResponse>, tonic::Status> {
        Ok(self.inner.analyze_stream(requests).await?.into_inner())
    }
}

/// Parses a comma-separated address list; a bare `host:port` gets `http://`.
pub fn endpoints(addresses: &str) -> Result<Vec<Endpoint>, ConnectError> {
    let list: Vec<&str> = addresses.split(',').map(str::trim).filter(|a| !a.is_empty()).collect();
    if list.is_empty() {
        return Err(ConnectError::NoAddress);
    }
    list.into_iter()
        .map(|address| {
            let url = if address.contains("://") { address.to_owned() } else { format!("http://{address}") };
            Endpoint::from_shared(url)
                .map(|e| e.tcp_nodelay(true).connect_timeout(std::time::Duration::from_secs(5)))
                .map_err(|source| ConnectError::Address { address: address.to_owned(), source })
        })
        .collect()
}
