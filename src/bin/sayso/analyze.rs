//! `sayso analyze`: documents in, one AnalyzeResponse per document out, in
//! input order.

use std::io::{BufRead, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::ValueEnum;
use futures::StreamExt;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use sayso::convert::{self, RequestError};
use sayso::engine::Engine;
use sayso::pb;
use tokio::sync::mpsc;

/// Arguments of `sayso analyze`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Files, directories (every file inside, recursively) or `-` for
    /// standard input; none reads standard input.
    inputs: Vec<PathBuf>,
    /// Inputs are AnalyzeRequest objects in proto3 JSON, one per line
    /// (otherwise each file is one document, its path the id).
    #[arg(long)]
    jsonl: bool,
    /// Analyse in this process instead of calling a server.
    #[arg(long)]
    local: bool,
    #[command(flatten)]
    connection: crate::ConnectArgs,
    /// Output: one proto3-JSON object per line, or a report for people.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Reference date (ISO 8601) for documents that carry none.
    #[arg(long, value_name = "DATE")]
    ref_date: Option<String>,
    /// Stance target, with optional keywords (repeatable); none uses the
    /// server's default targets.
    #[arg(long = "target", value_name = "NAME[:KW1,KW2]")]
    targets: Vec<String>,
    /// Language code to use instead of detection.
    #[arg(long, value_name = "CODE")]
    language: Option<String>,
    /// Extractor to run (repeatable); none runs all.
    #[arg(long = "feature", value_enum)]
    features: Vec<Feature>,
    /// Unit of the offsets in the output.
    #[arg(long, value_enum, default_value_t = Encoding::Utf8)]
    encoding: Encoding,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Pretty,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Feature {
    Quotes,
    Dates,
    Stance,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Encoding {
    Utf8,
    Utf16,
    Utf32,
}

/// One input document: a request, or the error that stopped it becoming one.
enum Input {
    Request(pb::AnalyzeRequest),
    Rejected(pb::AnalyzeResponse),
}

pub(crate) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let defaults = defaults(&args);
    let sources = sources(&args.inputs)?;
    let progress = progress_bar(&args, &sources);
    let mut output = Output::new(args.format, progress.clone());

    let inputs = sources.into_iter().flat_map(move |source| read_source(source, args.jsonl, &defaults));
    if args.local {
        let engine = Engine::default();
        for input in inputs {
            match input {
                Input::Request(request) => output.write(&engine.analyze_or_error(&request))?,
                Input::Rejected(response) => output.write(&response)?,
            }
        }
    } else {
        remote(&args.connection, inputs, &mut output)?;
    }
    progress.finish_and_clear();
    output.finish()
}

/// Sends the valid inputs over one AnalyzeStream call and writes every
/// response, local rejections included, in input order.
fn remote(
    connection: &crate::ConnectArgs,
    inputs: impl Iterator<Item = Input> + Send + 'static,
    output: &mut Output,
) -> anyhow::Result<()> {
    enum Slot {
        Remote,
        Local(Box<pb::AnalyzeResponse>),
    }
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    runtime.block_on(async {
        let mut client = connection.connect().await?;
        let (request_tx, request_rx) = mpsc::channel::<pb::AnalyzeRequest>(256);
        let (slot_tx, mut slot_rx) = mpsc::channel::<Slot>(1024);
        let reader = tokio::task::spawn_blocking(move || {
            for input in inputs {
                let slot = match input {
                    Input::Request(request) => {
                        if request_tx.blocking_send(request).is_err() {
                            break;
                        }
                        Slot::Remote
                    }
                    Input::Rejected(response) => Slot::Local(Box::new(response)),
                };
                if slot_tx.blocking_send(slot).is_err() {
                    break;
                }
            }
        });
        let mut responses = client
            .analyze_many(tokio_stream::wrappers::ReceiverStream::new(request_rx))
            .await
            .context("AnalyzeStream")?;
        while let Some(slot) = slot_rx.recv().await {
            match slot {
                Slot::Local(response) => output.write(&response)?,
                Slot::Remote => match responses.next().await {
                    Some(response) => output.write(&response.context("AnalyzeStream")?)?,
                    None => anyhow::bail!("the server closed the stream early"),
                },
            }
        }
        reader.await?;
        Ok(())
    })
}

/// Request fields the command line fills in where a document leaves them
/// empty.
#[derive(Debug, Clone, Default)]
struct Defaults {
    reference_date: String,
    language_hint: String,
    features: Vec<i32>,
    stance_targets: Vec<pb::StanceTarget>,
    encoding_type: i32,
}

fn defaults(args: &Args) -> Defaults {
    Defaults {
        reference_date: args.ref_date.clone().unwrap_or_default(),
        language_hint: args.language.clone().unwrap_or_default(),
        features: args
            .features
            .iter()
            .map(|f| match f {
                Feature::Quotes => pb::Feature::Quotes as i32,
                Feature::Dates => pb::Feature::Dates as i32,
                Feature::Stance => pb::Feature::Stance as i32,
            })
            .collect(),
        stance_targets: args.targets.iter().map(|t| parse_target(t)).collect(),
        encoding_type: match args.encoding {
            Encoding::Utf8 => pb::EncodingType::Unspecified,
            Encoding::Utf16 => pb::EncodingType::Utf16,
            Encoding::Utf32 => pb::EncodingType::Utf32,
        } as i32,
    }
}

/// `NAME[:KW1,KW2]` as a stance target.
fn parse_target(arg: &str) -> pb::StanceTarget {
    let (name, keywords) = arg.split_once(':').unwrap_or((arg, ""));
    pb::StanceTarget {
        name: name.trim().to_owned(),
        keywords: keywords.split(',').map(str::trim).filter(|k| !k.is_empty()).map(str::to_owned).collect(),
    }
}

impl Defaults {
    fn apply(&self, mut request: pb::AnalyzeRequest) -> pb::AnalyzeRequest {
        if request.reference_date.is_empty() {
            request.reference_date.clone_from(&self.reference_date);
        }
        if request.language_hint.is_empty() {
            request.language_hint.clone_from(&self.language_hint);
        }
        if request.features.is_empty() {
            request.features.clone_from(&self.features);
        }
        if request.stance_targets.is_empty() {
            request.stance_targets.clone_from(&self.stance_targets);
        }
        if request.encoding_type == 0 {
            request.encoding_type = self.encoding_type;
        }
        request
    }
}

/// Where documents come from.
#[derive(Debug)]
enum Source {
    Stdin,
    File(PathBuf),
}

/// The inputs expanded: directories become their files, sorted.
fn sources(inputs: &[PathBuf]) -> anyhow::Result<Vec<Source>> {
    if inputs.is_empty() {
        return Ok(vec![Source::Stdin]);
    }
    let mut sources = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            sources.push(Source::Stdin);
        } else if input.is_dir() {
            let mut files = Vec::new();
            collect_files(input, &mut files).with_context(|| format!("reading {}", input.display()))?;
            files.sort();
            sources.extend(files.into_iter().map(Source::File));
        } else {
            sources.push(Source::File(input.clone()));
        }
    }
    Ok(sources)
}

fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if entry.file_type()?.is_dir() {
            collect_files(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// The documents of one source.
fn read_source(source: Source, jsonl: bool, defaults: &Defaults) -> Box<dyn Iterator<Item = Input> + Send> {
    let defaults = defaults.clone();
    let (name, reader): (String, Box<dyn BufRead + Send>) = match &source {
        Source::Stdin => ("-".to_owned(), Box::new(std::io::BufReader::new(std::io::stdin()))),
        Source::File(path) => {
            let name = path.display().to_string();
            match std::fs::File::open(path) {
                Ok(file) => (name, Box::new(std::io::BufReader::new(file))),
                Err(e) => {
                    let error = RequestError::invalid("text", format!("cannot read {name}: {e}"));
                    return Box::new(std::iter::once(Input::Rejected(convert::error_response(&name, &error))));
                }
            }
        }
    };
    if jsonl {
        Box::new(jsonl_requests(name, reader).map(move |input| match input {
            Input::Request(request) => Input::Request(defaults.apply(request)),
            rejected => rejected,
        }))
    } else {
        let mut reader = reader;
        let mut bytes = Vec::new();
        let input = match reader.read_to_end(&mut bytes) {
            Err(e) => reject(&name, RequestError::invalid("text", format!("cannot read {name}: {e}"))),
            Ok(_) => match String::from_utf8(bytes) {
                Ok(text) => Input::Request(defaults.apply(pb::AnalyzeRequest { id: name, text, ..Default::default() })),
                Err(e) => reject(&name, RequestError::invalid("text", format!("{name} is not UTF-8: {e}"))),
            },
        };
        Box::new(std::iter::once(input))
    }
}

fn reject(id: &str, error: RequestError) -> Input {
    Input::Rejected(convert::error_response(id, &error))
}

/// One request per non-blank line; a line that is not an AnalyzeRequest
/// becomes a rejection that names the line.
fn jsonl_requests(name: String, reader: Box<dyn BufRead + Send>) -> impl Iterator<Item = Input> + Send {
    reader.lines().enumerate().filter_map(move |(n, line)| {
        let line_no = n + 1;
        let line = match line {
            Ok(line) => line,
            Err(e) => {
                let error = RequestError::invalid("", format!("{name}:{line_no}: cannot read the line: {e}"));
                return Some(reject(&format!("{name}:{line_no}"), error));
            }
        };
        if line.trim().is_empty() {
            return None;
        }
        Some(match serde_json::from_str::<pb::AnalyzeRequest>(&line) {
            Ok(request) => Input::Request(request),
            Err(e) => {
                // Echo the id when the line is JSON with an id, however wrong the rest is.
                let id = serde_json::from_str::<serde_json::Value>(&line)
                    .ok()
                    .and_then(|v| v.get("id").and_then(|id| id.as_str().map(str::to_owned)))
                    .unwrap_or_else(|| format!("{name}:{line_no}"));
                reject(&id, RequestError::invalid("", format!("{name}:{line_no}: not an AnalyzeRequest: {e}")))
            }
        })
    })
}

fn progress_bar(args: &Args, sources: &[Source]) -> ProgressBar {
    let many = args.jsonl || sources.len() > 1;
    if !many || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = if args.jsonl { ProgressBar::new_spinner() } else { ProgressBar::new(sources.len() as u64) };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    let template =
        if args.jsonl { "{spinner} {pos} documents {per_sec}" } else { "{bar:40} {pos}/{len} documents {eta}" };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

/// Writes responses in the chosen format and counts rejections.
struct Output {
    format: Format,
    out: BufWriter<std::io::Stdout>,
    progress: ProgressBar,
    documents: usize,
    rejected: usize,
}

impl Output {
    fn new(format: Format, progress: ProgressBar) -> Self {
        Self { format, out: BufWriter::new(std::io::stdout()), progress, documents: 0, rejected: 0 }
    }

    fn write(&mut self, response: &pb::AnalyzeResponse) -> anyhow::Result<()> {
        self.documents += 1;
        if response.error.is_some() {
            self.rejected += 1;
        }
        match self.format {
            Format::Json => {
                serde_json::to_writer(&mut self.out, response)?;
                self.out.write_all(b"\n")?;
            }
            Format::Pretty => self.out.write_all(crate::pretty::report(response).as_bytes())?,
        }
        self.progress.inc(1);
        Ok(())
    }

    fn finish(mut self) -> anyhow::Result<ExitCode> {
        self.out.flush()?;
        if self.rejected > 0 {
            eprintln!("sayso: {} of {} documents were rejected (see their \"error\")", self.rejected, self.documents);
        }
        Ok(ExitCode::SUCCESS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_targets_with_and_without_keywords() {
        let t = parse_target("negotiations:talks, ceasefire");
        assert_eq!(t.name, "negotiations");
        assert_eq!(t.keywords, ["talks", "ceasefire"]);
        assert!(parse_target("nuclear energy").keywords.is_empty());
    }

    #[test]
    fn a_bad_jsonl_line_is_rejected_and_the_rest_go_on() {
        let input = "{\"id\":\"a\",\"text\":\"x\"}\nnot json\n\n{\"id\":\"c\",\"text\":\"y\",\"referenceDate\":\"2023-11-21\"}\n";
        let reader: Box<dyn BufRead + Send> = Box::new(std::io::Cursor::new(input.as_bytes().to_vec()));
        let got: Vec<_> = jsonl_requests("in".into(), reader)
            .map(|i| match i {
                Input::Request(r) => format!("ok {} {}", r.id, r.reference_date),
                Input::Rejected(r) => format!("rejected {}", r.id),
            })
            .collect();
        assert_eq!(got, ["ok a ", "rejected in:2", "ok c 2023-11-21"]);
    }
}
