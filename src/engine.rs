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
        // A bug in a rule must cost one document, not the stream, the CLI
        // run or a worker thread; the caller gets INTERNAL with no details.
        let analysis =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analysis::analyze(valid.text, &valid.options)))
                .map_err(|panic| {
                    let what = panic
                        .downcast_ref::<&str>()
                        .map(|s| (*s).to_owned())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_default();
                    tracing::error!(id = %request.id, bytes = valid.text.len(), panic = %what, "analysis panicked");
                    RequestError {
                        code: tonic::Code::Internal,
                        field: String::new(),
                        message: "internal error while analysing the document".to_owned(),
                    }
                })?;
        Ok(convert::response(&request.id, valid.text, &analysis, valid.encoding))
    }

    /// Like [`Engine::analyze`], but a rejected request becomes a response
    /// with `error` set, as AnalyzeStream answers it.
    pub fn analyze_or_error(&self, request: &pb::AnalyzeRequest) -> pb::AnalyzeResponse {
        self.analyze(request).unwrap_or_else(|e| convert::error_response(&request.id, &e))
    }
}
