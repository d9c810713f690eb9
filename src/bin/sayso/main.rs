//! `sayso`: the command-line client. `analyze` sends documents to a server
//! (or analyses them in-process with `--local`), `health` checks a server.

/// mimalloc: small, short-lived allocations are most of what analysis
/// makes, and it serves them faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod analyze;
mod bench;
mod pretty;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Quotes, speakers, dates and stance from news articles.
#[derive(Debug, Parser)]
#[command(name = "sayso", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Analyse documents: files, directories, or standard input (`-`).
    Analyze(analyze::Args),
    /// Check that a server is up and serving.
    Health(HealthArgs),
    /// Load a server: N concurrent callers, latency percentiles, counts per status.
    Bench(bench::Args),
}

/// Where the server is and how to reach it (shared by every subcommand).
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct ConnectArgs {
    /// Server address (`https://` for TLS); several, comma-separated, spread
    /// the calls.
    #[arg(long, env = "SAYSO_ADDR", default_value = "http://127.0.0.1:50051")]
    pub(crate) addr: String,
    /// Bearer token for servers that require one.
    #[arg(long, env = "SAYSO_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// PEM certificate of the CA that signed the server's certificate.
    #[arg(long, env = "SAYSO_CA_CERT")]
    ca_cert: Option<std::path::PathBuf>,
    /// Name to verify in the server's certificate (default: the address's host).
    #[arg(long, env = "SAYSO_TLS_DOMAIN")]
    tls_domain: Option<String>,
}

impl ConnectArgs {
    /// The client options these arguments ask for.
    pub(crate) fn options(&self) -> anyhow::Result<sayso::client::ConnectOptions> {
        let ca_certificate = match &self.ca_cert {
            Some(path) => Some(std::fs::read(path).map_err(|e| anyhow::anyhow!("reading {}: {e}", path.display()))?),
            None => None,
        };
        Ok(sayso::client::ConnectOptions {
            ca_certificate,
            tls_domain: self.tls_domain.clone(),
            token: self.token.clone(),
        })
    }

    /// A connected client.
    pub(crate) async fn connect(&self) -> anyhow::Result<sayso::client::Client> {
        Ok(sayso::client::Client::connect_with(&self.addr, &self.options()?).await?)
    }
}

/// Arguments of `sayso health`.
#[derive(Debug, clap::Args)]
struct HealthArgs {
    #[command(flatten)]
    connection: ConnectArgs,
    /// Service to check; empty checks the server as a whole.
    #[arg(long, default_value = "")]
    service: String,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => analyze::run(args),
        Command::Health(args) => health(args),
        Command::Bench(args) => bench::run(args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("sayso: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn health(args: HealthArgs) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    runtime.block_on(async {
        let endpoint = sayso::client::endpoints_with(&args.connection.addr, &args.connection.options()?)?
            .into_iter()
            .next()
            .ok_or(sayso::client::ConnectError::NoAddress)?;
        let channel = endpoint.connect().await?;
        let mut client = tonic_health::pb::health_client::HealthClient::new(channel);
        let response =
            client.check(tonic_health::pb::HealthCheckRequest { service: args.service.clone() }).await?.into_inner();
        let status = tonic_health::pb::health_check_response::ServingStatus::try_from(response.status)
            .map(|s| s.as_str_name())
            .unwrap_or("UNKNOWN");
        println!("{status}");
        Ok(if status == "SERVING" { ExitCode::SUCCESS } else { ExitCode::FAILURE })
    })
}
