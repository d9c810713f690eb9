//! Integration tests: one binary (one link on CI), one module per behaviour.
//! Each test starts the real server on an ephemeral port and talks to it
//! over gRPC through the generated client.

mod util;

/// Analyze: every seed, bad input, limits, deadlines.
mod analyze;
/// Client-side balancing over several servers.
mod balance;
/// The `sayso` CLI: local and remote runs agree.
mod cli;
/// Health and reflection.
mod health;
/// Prometheus metrics and request ids.
mod metrics;
/// AnalyzeStream: ordering, per-document errors.
mod stream;
