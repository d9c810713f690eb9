//! Types and gRPC stubs generated from `proto/sayso/v1/analyzer.proto`, with
//! proto3-canonical JSON (the JSON grpcurl prints and sends).
#![allow(missing_docs, unreachable_pub, clippy::all, clippy::pedantic)]

tonic::include_proto!("sayso.v1");
include!(concat!(env!("OUT_DIR"), "/sayso.v1.serde.rs"));

/// The encoded descriptor set of the proto, for server reflection.
pub const FILE_DESCRIPTOR_SET: &[u8] = tonic::include_file_descriptor_set!("sayso_descriptor");
