//! Integration tests: one binary (one link on CI), one module per behaviour.
//! Each test starts the real server on an ephemeral port and talks to it
//! over gRPC through the generated client.

mod util;

/// Analyze: every seed, bad input, limits, deadlines.
mod analyze;
/// The `sayso` CLI: local and remote runs agree.
mod cli;
/// Health and reflection.
mod health;
/// AnalyzeStream: ordering, per-document errors.
mod stream;
