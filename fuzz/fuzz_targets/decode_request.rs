//! Request decoding as the server and the CLI do it: arbitrary bytes as a
//! protobuf AnalyzeRequest and as a JSON line, then validation and
//! analysis. Decoding may fail; nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prost::Message;
use sayso::engine::Engine;
use sayso::pb;

fuzz_target!(|data: &[u8]| {
    let engine = Engine::default();
    if let Ok(request) = pb::AnalyzeRequest::decode(data) {
        let response = engine.analyze_or_error(&request);
        assert_eq!(response.id, request.id);
    }
    if let Ok(line) = std::str::from_utf8(data)
        && let Ok(request) = serde_json::from_str::<pb::AnalyzeRequest>(line)
    {
        let response = engine.analyze_or_error(&request);
        let _ = serde_json::to_string(&response);
    }
});
