//! Integration tests: one binary (one link on CI), one module per behaviour.
//! The gRPC tests start the real server on an ephemeral port and talk to it
//! through the generated client.

mod util;

/// Adversarial input: bounded, near-linear time, no panic.
mod adversarial;
/// Analyze: every seed, bad input, limits, deadlines, offset units.
mod analyze;
/// Client-side balancing over several servers.
mod balance;
/// The `sayso` CLI: local and remote runs agree.
mod cli;
/// Golden files for the seeds.
mod golden;
/// Health and reflection.
mod health;
/// Prometheus metrics and request ids.
mod metrics;
/// Overload and graceful shutdown.
mod overload;
/// Properties over arbitrary input.
mod properties;
/// TLS and bearer-token authentication.
mod security;
/// AnalyzeStream: ordering, per-document errors.
mod stream;
/// Wire-level bad input and misbehaving clients.
mod wire;
