//! Server configuration: every setting is a flag of `sayso-server` and a
//! `SAYSO_*` environment variable (the flag wins), with defaults that suit a
//! developer's machine.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Parser, ValueEnum};

use crate::analysis::{StanceTarget, stance};
use crate::convert::Limits;

/// Log line format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// `sayso-server` settings.
#[derive(Debug, Clone, Parser)]
#[command(name = "sayso-server", version, about = "Serves the sayso.v1.Analyzer gRPC service")]
pub struct ServerConfig {
    /// Address to listen on.
    #[arg(long, env = "SAYSO_LISTEN", default_value = "127.0.0.1:50051")]
    pub listen: SocketAddr,

    /// Log format; the level comes from RUST_LOG (default "info").
    #[arg(long, env = "SAYSO_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,

    /// Every this many seconds, log at info level what was served (calls,
    /// documents, failures, bytes); 0: never. Each call is logged at debug
    /// level (RUST_LOG=sayso=debug), failed ones at info (but for those
    /// turned away while the server is full).
    #[arg(long, env = "SAYSO_LOG_SUMMARY_SECS", default_value_t = 60)]
    pub log_summary_secs: u64,

    /// Largest accepted text, in bytes; larger texts get RESOURCE_EXHAUSTED.
    #[arg(long, env = "SAYSO_MAX_TEXT_BYTES", default_value_t = 1 << 20)]
    pub max_text_bytes: usize,

    /// Most documents analysed or waiting at once, over all calls; beyond
    /// it calls fail fast with RESOURCE_EXHAUSTED.
    #[arg(long, env = "SAYSO_MAX_CONCURRENT_CALLS", default_value_t = 256)]
    pub max_concurrent_calls: usize,

    /// Threads that run analyses (0: one per core).
    #[arg(long, env = "SAYSO_ANALYSIS_THREADS", default_value_t = 0)]
    pub analysis_threads: usize,

    /// Most documents of one AnalyzeStream call in flight at once.
    #[arg(long, env = "SAYSO_STREAM_WINDOW", default_value_t = 8)]
    pub stream_window: usize,

    /// Default stance targets file (`name | keyword, keyword` per line);
    /// unset: the built-in targets.
    #[arg(long, env = "SAYSO_TARGETS_FILE")]
    pub targets_file: Option<PathBuf>,

    /// Close connections after this many seconds (with a grace period) so
    /// clients re-resolve and spread over new replicas; 0 keeps them open.
    #[arg(long, env = "SAYSO_MAX_CONNECTION_AGE_SECS", default_value_t = 300)]
    pub max_connection_age_secs: u64,

    /// On SIGTERM or SIGINT, report NOT_SERVING for this many seconds before
    /// closing the listener, so load balancers stop sending new calls.
    #[arg(long, env = "SAYSO_DRAIN_SECS", default_value_t = 0)]
    pub drain_secs: u64,

    /// After the listener closes, how long calls in flight may take to
    /// finish before the server stops anyway, in seconds.
    #[arg(long, env = "SAYSO_SHUTDOWN_GRACE_SECS", default_value_t = 30)]
    pub shutdown_grace_secs: u64,

    /// Longest time one call may take, in seconds, whatever its deadline.
    #[arg(long, env = "SAYSO_MAX_CALL_SECS", default_value_t = 60)]
    pub max_call_secs: u64,

    /// Address of the Prometheus metrics endpoint (`/metrics`, plain
    /// HTTP); empty or `off` turns it off.
    #[arg(long, env = "SAYSO_METRICS_LISTEN", default_value = "127.0.0.1:9464")]
    pub metrics_listen: MetricsListen,

    /// PEM certificate chain: with --tls-key, serves TLS (rustls) instead of
    /// plain HTTP/2.
    #[arg(long, env = "SAYSO_TLS_CERT", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,

    /// PEM private key of --tls-cert.
    #[arg(long, env = "SAYSO_TLS_KEY", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,

    /// File of bearer tokens (one per line, `#` comments): calls to the
    /// Analyzer and reflection then need `authorization: Bearer <token>`;
    /// health stays open.
    #[arg(long, env = "SAYSO_AUTH_TOKENS_FILE")]
    pub auth_tokens_file: Option<PathBuf>,

    /// Bearer tokens, comma-separated (in addition to the file).
    #[arg(long, env = "SAYSO_AUTH_TOKENS", hide_env_values = true)]
    pub auth_tokens: Option<String>,
}

/// Where the metrics endpoint listens, if anywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MetricsListen(pub Option<SocketAddr>);

impl std::str::FromStr for MetricsListen {
    type Err = std::net::AddrParseError;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        match value.trim() {
            "" | "off" => Ok(Self(None)),
            address => address.parse().map(|a| Self(Some(a))),
        }
    }
}

impl std::fmt::Display for MetricsListen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(address) => write!(f, "{address}"),
            None => f.write_str("off"),
        }
    }
}

impl Default for ServerConfig {
    fn default() -> Self {
        // No arguments and no environment: the declared defaults.
        Self::parse_from(["sayso-server"])
    }
}

/// Why the configuration cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The targets file could not be read.
    #[error("cannot read the targets file {path}: {source}")]
    TargetsFile {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A TLS certificate or key file could not be read.
    #[error("cannot read the TLS file {path}: {source}")]
    TlsFile {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The bearer tokens could not be loaded.
    #[error(transparent)]
    Auth(#[from] crate::auth::AuthError),
    /// The targets file is malformed.
    #[error("bad targets file {path}: {message}")]
    Targets {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

impl ServerConfig {
    /// The bearer tokens calls must present (none: authentication off).
    pub fn auth(&self) -> Result<crate::auth::BearerAuth, crate::auth::AuthError> {
        crate::auth::BearerAuth::load(self.auth_tokens_file.as_deref(), self.auth_tokens.as_deref())
    }

    /// The TLS identity to serve with, read from the PEM files.
    pub fn tls_identity(&self) -> Result<Option<tonic::transport::Identity>, ConfigError> {
        let (Some(cert), Some(key)) = (&self.tls_cert, &self.tls_key) else { return Ok(None) };
        let read =
            |path: &PathBuf| std::fs::read(path).map_err(|source| ConfigError::TlsFile { path: path.clone(), source });
        Ok(Some(tonic::transport::Identity::from_pem(read(cert)?, read(key)?)))
    }

    /// The request limits this configuration sets.
    pub fn limits(&self) -> Limits {
        Limits { max_text_bytes: self.max_text_bytes, ..Limits::default() }
    }

    /// Threads for analysis: the configured number, or one per core.
    pub fn analysis_threads(&self) -> usize {
        if self.analysis_threads > 0 {
            self.analysis_threads
        } else {
            std::thread::available_parallelism().map_or(2, usize::from)
        }
    }

    /// The default stance targets: from the targets file, or built in.
    pub fn default_targets(&self) -> Result<Vec<StanceTarget>, ConfigError> {
        let Some(path) = &self.targets_file else {
            return Ok(stance::default_targets());
        };
        let file =
            std::fs::read_to_string(path).map_err(|source| ConfigError::TargetsFile { path: path.clone(), source })?;
        stance::parse_targets(&file).map_err(|message| ConfigError::Targets { path: path.clone(), message })
    }

    /// See [`ServerConfig::log_summary_secs`].
    pub fn log_summary_interval(&self) -> Option<Duration> {
        (self.log_summary_secs > 0).then(|| Duration::from_secs(self.log_summary_secs))
    }

    /// See [`ServerConfig::max_connection_age_secs`].
    pub fn max_connection_age(&self) -> Option<Duration> {
        (self.max_connection_age_secs > 0).then(|| Duration::from_secs(self.max_connection_age_secs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_listen_is_an_address_or_off() {
        assert_eq!(
            "127.0.0.1:9464".parse::<MetricsListen>().ok(),
            Some(MetricsListen(Some(([127, 0, 0, 1], 9464).into())))
        );
        assert_eq!("".parse::<MetricsListen>().ok(), Some(MetricsListen(None)));
        assert_eq!("off".parse::<MetricsListen>().ok(), Some(MetricsListen(None)));
        assert!("9464".parse::<MetricsListen>().is_err());
        assert_eq!(ServerConfig::default().metrics_listen.to_string(), "127.0.0.1:9464");
        let off = ServerConfig::parse_from(["sayso-server", "--metrics-listen", ""]);
        assert_eq!(off.metrics_listen, MetricsListen(None));
    }
}
