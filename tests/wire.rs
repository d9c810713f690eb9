//! Wire-level bad input: raw bytes that are not a valid request, an enum
//! value the proto does not know, a stream that never ends, a client that
//! goes away mid-stream. The server answers or cleans up, and keeps serving.

use std::time::Duration;

use bytes::{Buf, BufMut};
use futures::StreamExt;
use prost::Message;
use sayso::client::AnalyzeOptions;
use sayso::pb;
use tonic::Code;
use tonic::codec::{Codec, DecodeBuf, Decoder, EncodeBuf, Encoder};

use crate::util::TestServer;

/// Sends and receives raw message bytes.
#[derive(Debug, Default, Clone)]
struct RawCodec;

#[derive(Debug, Default, Clone)]
struct RawEncoder;

#[derive(Debug, Default, Clone)]
struct RawDecoder;

impl Encoder for RawEncoder {
    type Item = Vec<u8>;
    type Error = tonic::Status;

    fn encode(&mut self, item: Vec<u8>, dst: &mut EncodeBuf<'_>) -> Result<(), tonic::Status> {
        dst.put_slice(&item);
        Ok(())
    }
}

impl Decoder for RawDecoder {
    type Item = Vec<u8>;
    type Error = tonic::Status;

    fn decode(&mut self, src: &mut DecodeBuf<'_>) -> Result<Option<Vec<u8>>, tonic::Status> {
        let bytes = src.copy_to_bytes(src.remaining());
        Ok(Some(bytes.to_vec()))
    }
}

impl Codec for RawCodec {
    type Encode = Vec<u8>;
    type Decode = Vec<u8>;
    type Encoder = RawEncoder;
    type Decoder = RawDecoder;

    fn encoder(&mut self) -> RawEncoder {
        RawEncoder
    }

    fn decoder(&mut self) -> RawDecoder {
        RawDecoder
    }
}

/// One unary Analyze call with `body` as the request message bytes.
async fn raw_analyze(server: &TestServer, body: Vec<u8>) -> Result<pb::AnalyzeResponse, tonic::Status> {
    let mut grpc = tonic::client::Grpc::new(server.channel().await);
    grpc.ready().await.map_err(|e| tonic::Status::unavailable(e.to_string()))?;
    let path = tonic::codegen::http::uri::PathAndQuery::from_static("/sayso.v1.Analyzer/Analyze");
    let response = grpc.unary(tonic::Request::new(body), path, RawCodec).await?;
    pb::AnalyzeResponse::decode(response.into_inner().as_slice()).map_err(|e| tonic::Status::internal(e.to_string()))
}

/// A length-delimited field: tag, length, bytes.
fn field(number: u32, bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    prost::encoding::encode_key(number, prost::encoding::WireType::LengthDelimited, &mut out);
    prost::encoding::encode_varint(bytes.len() as u64, &mut out);
    out.extend_from_slice(bytes);
    out
}

#[tokio::test]
async fn invalid_utf8_in_text_is_invalid_argument_naming_the_field() {
    let server = TestServer::start().await;
    let status = raw_analyze(&server, field(2, b"Putin said \xff\xfe talks")).await.expect_err("not UTF-8");
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    assert!(status.message().contains("text"), "{}", status.message());
    server.client().await.analyze("Still here.", &AnalyzeOptions::default()).await.expect("next caller");
    server.stop().await;
}

#[tokio::test]
async fn a_truncated_message_is_invalid_argument() {
    let server = TestServer::start().await;
    let full =
        pb::AnalyzeRequest { id: "t".into(), text: "A whole document.".into(), ..Default::default() }.encode_to_vec();
    let status = raw_analyze(&server, full[..full.len() - 5].to_vec()).await.expect_err("truncated");
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    server.client().await.analyze("Still here.", &AnalyzeOptions::default()).await.expect("next caller");
    server.stop().await;
}

#[tokio::test]
async fn an_unknown_enum_value_is_invalid_argument_naming_the_field() {
    let server = TestServer::start().await;
    let mut body = field(2, "Some text.".as_bytes());
    prost::encoding::encode_key(7, prost::encoding::WireType::Varint, &mut body);
    prost::encoding::encode_varint(99, &mut body);
    let status = raw_analyze(&server, body).await.expect_err("encoding_type 99");
    assert_eq!(status.code(), Code::InvalidArgument);
    assert!(status.message().starts_with("encoding_type:"), "{}", status.message());
    // Unknown fields are ignored, as proto3 says.
    let mut body = field(2, "Some text.".as_bytes());
    body.extend(field(99, b"from a newer client"));
    raw_analyze(&server, body).await.expect("unknown fields are skipped");
    server.stop().await;
}

#[tokio::test]
async fn a_stream_that_never_ends_does_not_block_others_and_is_cleaned_up() {
    let config = sayso::config::ServerConfig { shutdown_grace_secs: 1, ..sayso::config::ServerConfig::default() };
    let server = TestServer::start_with(config).await;
    let mut client = server.client().await;
    let (tx, rx) = tokio::sync::mpsc::channel::<pb::AnalyzeRequest>(4);
    tx.send(AnalyzeOptions::default().id("first").request("“We are ready,” he said.")).await.expect("send");
    let mut responses = client.analyze_many(tokio_stream::wrappers::ReceiverStream::new(rx)).await.expect("open");
    let first = responses.next().await.expect("a response").expect("ok");
    assert_eq!(first.id, "first");
    // The stream stays open (no end-of-stream); others are served meanwhile.
    let mut other = server.client().await;
    for _ in 0..3 {
        other.analyze("Another caller.", &AnalyzeOptions::default()).await.expect("others are served");
    }
    // Nothing more arrives on the idle stream.
    assert!(tokio::time::timeout(Duration::from_millis(200), responses.next()).await.is_err());
    // The caller goes away mid-stream, with documents still being sent.
    for i in 0..3 {
        let _ = tx.send(AnalyzeOptions::default().id(format!("late-{i}")).request("More text.")).await;
    }
    drop(responses);
    drop(tx);
    other.analyze("After the disconnect.", &AnalyzeOptions::default()).await.expect("still serving");
    server.stop().await;
}

#[tokio::test]
async fn a_client_that_disconnects_mid_stream_leaves_the_server_serving() {
    // An abandoned stream may keep its connection open until the connection
    // ages out; shutdown does not wait for it beyond the grace period.
    let config = sayso::config::ServerConfig { shutdown_grace_secs: 1, ..sayso::config::ServerConfig::default() };
    let server = TestServer::start_with(config).await;
    let text = "“We are ready to talk,” Kremlin spokesman Dmitry Peskov said on Friday. ".repeat(200);
    for _ in 0..3 {
        let mut client = server.client().await;
        let text = text.clone();
        let requests = futures::stream::iter(
            (0..500).map(move |i| AnalyzeOptions::default().id(format!("d{i}")).request(text.clone())),
        );
        let mut responses = client.analyze_many(requests).await.expect("open");
        let _ = responses.next().await;
        drop(responses); // gone with hundreds of documents unanswered
        drop(client);
    }
    let mut client = server.client().await;
    client.analyze("Still here.", &AnalyzeOptions::default()).await.expect("the server keeps serving");
    server.stop().await;
}
