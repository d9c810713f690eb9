//! sayso reads a news article and returns who is quoted, what they said,
//! which dates are mentioned, and where each speaker stands.
//!
//! - [`analysis`]: the analysis core, plain Rust with no gRPC in it.
//! - [`pb`]: the types and stubs generated from `proto/sayso/v1/analyzer.proto`.
//! - [`convert`]: proto ↔ domain, with request validation.
//! - [`service`]: the `sayso.v1.Analyzer` gRPC service.
//! - [`server`]: the server assembly (health, reflection, limits, shutdown).
//! - [`metrics`]: Prometheus metrics and their `/metrics` endpoint.
//! - [`client`]: a typed client for the service (balancing over several servers).

pub mod analysis;
pub mod auth;
pub mod client;
pub mod codec;
pub mod config;
pub mod convert;
pub mod engine;
pub mod metrics;
pub mod pb;
pub mod server;
pub mod service;
