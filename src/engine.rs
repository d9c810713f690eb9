//! The one path from a request to a response, shared by the gRPC service and
//! `sayso analyze --local`: validate, analyse, convert.

use crate::analysis::{self, StanceTarget};
use crate::convert::{self, Limits, RequestError};
use crate::pb;

/// Analyses requests with the server's default stance targets and limits.
#[derive(Debug, Clone)]
pub struct Engine {
    default_targets: Vec<StanceTarget>,
    limits: Limits,
}

impl Default for Engine {
    fn default() -> Self {
        Self::new(analysis::stance::default_targets(), Limits::default())
    }
}

impl Engine {
    /// An engine with these default targets and limits.
    pub fn new(default_targets: Vec<StanceTarget>, limits: Limits) -> Self {
        Self { default_targets, limits }
    }

    /// The limits requests are checked against.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Validates and analyses one request. CPU-bound: call it off the async
    /// reactor.
    pub fn analyze(&self, request: &pb::AnalyzeRequest) -> Result<pb::AnalyzeResponse, RequestError> {
        let valid = convert::validate(request, &self.default_targets, &self.limits)?;
        let analysis = analysis::analyze(valid.text, &valid.options);
        Ok(convert::response(&request.id, valid.text, &analysis, valid.encoding))
    }

    /// Like [`Engine::analyze`], but a rejected request becomes a response
    /// with `error` set, as AnalyzeStream answers it.
    pub fn analyze_or_error(&self, request: &pb::AnalyzeRequest) -> pb::AnalyzeResponse {
        self.analyze(request).unwrap_or_else(|e| convert::error_response(&request.id, &e))
    }
}
