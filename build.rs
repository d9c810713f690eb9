//! Compiles `proto/sayso/v1/analyzer.proto` with protox (pure Rust, no protoc),
//! generates the tonic client and server, proto3-canonical JSON (pbjson) for
//! every message, and the descriptor set that server reflection serves.

use std::path::PathBuf;

use prost::Message;

const PROTO: &str = "proto/sayso/v1/analyzer.proto";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed={PROTO}");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR")?);

    let fds = protox::compile([PROTO], ["proto"])?;
    let descriptor_bytes = fds.encode_to_vec();
    let descriptor_path = out_dir.join("sayso_descriptor.bin");
    std::fs::write(&descriptor_path, &descriptor_bytes)?;

    tonic_prost_build::configure()
        .codec_path("crate::codec::Codec")
        .build_server(true)
        .build_client(true)
        .compile_fds(fds)?;

    pbjson_build::Builder::new().register_descriptors(&descriptor_bytes)?.build(&[".sayso.v1"])?;
    Ok(())
}
