//! Throughput of the analyzer in-process: the whole analysis and each
//! extractor alone, over the seeds and over a generated 1 MB article.
//!
//! `cargo bench --bench analyzer` (criterion prints MiB/s per benchmark).

/// mimalloc: small, short-lived allocations are most of what analysis
/// makes, and it serves them faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sayso::analysis::{self, Document, Features, Options, ReferenceDate, stance};

fn seeds() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).expect("read a seed")).collect()
}

/// An article of at least `bytes` bytes: the seeds' paragraphs, interleaved
/// in a fixed order, so quotes, names and dates keep their density.
fn generated_article(seeds: &[String], bytes: usize) -> String {
    let paragraphs: Vec<&str> = seeds.iter().flat_map(|s| s.split('\n')).filter(|p| !p.trim().is_empty()).collect();
    let mut out = String::with_capacity(bytes + 8192);
    let mut i = 0usize;
    while out.len() < bytes {
        out.push_str(paragraphs[(i * 7) % paragraphs.len()]);
        out.push_str("\n\n");
        i += 1;
    }
    out
}

fn options(features: Features) -> Options {
    Options {
        reference_date: ReferenceDate::parse("2023-11-21").ok(),
        features,
        stance_targets: stance::default_targets(),
        ..Options::default()
    }
}

fn bench(c: &mut Criterion) {
    let seeds = seeds();
    let seed_corpus = seeds.join("\n\n");
    let big = generated_article(&seeds, 1 << 20);
    let reference = ReferenceDate::parse("2023-11-21").ok();
    let targets = stance::default_targets();
    let all = options(Features::ALL);

    for (name, text) in [("seeds", &seed_corpus), ("1mb", &big)] {
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Bytes(text.len() as u64));
        if name == "1mb" {
            group.sample_size(10);
        }
        group.bench_function("all", |b| b.iter(|| analysis::analyze(black_box(text), &all)));
        group.bench_function("document", |b| b.iter(|| Document::new(black_box(text))));
        group.bench_function("language", |b| b.iter(|| analysis::language::detect(black_box(text), None)));
        group.bench_function("quotes", |b| {
            let doc = Document::new(text);
            b.iter(|| analysis::quotes::extract(black_box(&doc)))
        });
        group.bench_function("dates", |b| {
            let doc = Document::new(text);
            b.iter(|| analysis::dates::extract(black_box(&doc), reference.as_ref()))
        });
        group.bench_function("stance", |b| {
            let doc = Document::new(text);
            let attribution = analysis::quotes::extract(&doc);
            b.iter(|| {
                let mut quotes = attribution.quotes.clone();
                analysis::stance::assess(black_box(&doc), &mut quotes, &attribution.speakers, &targets)
            })
        });
        group.finish();
    }
    // Per-seed documents, one at a time, as the service sees them.
    let mut group = c.benchmark_group("per_document");
    group.throughput(Throughput::Bytes(seeds.iter().map(|s| s.len() as u64).sum()));
    group.bench_function("seeds_all", |b| {
        b.iter(|| {
            for seed in &seeds {
                black_box(analysis::analyze(seed, &all));
            }
        })
    });
    // Each extractor alone, one document at a time: the fixed cost per
    // document shows here and not over the joined seeds.
    let docs: Vec<Document<'_>> = seeds.iter().map(|s| Document::new(s)).collect();
    group.bench_function("seeds_language", |b| {
        b.iter(|| seeds.iter().map(|s| analysis::language::detect(black_box(s), None).confidence).sum::<f32>())
    });
    group.bench_function("seeds_quotes", |b| {
        b.iter(|| docs.iter().map(|d| analysis::quotes::extract(black_box(d)).quotes.len()).sum::<usize>())
    });
    group.bench_function("seeds_dates", |b| {
        b.iter(|| docs.iter().map(|d| analysis::dates::extract(black_box(d), reference.as_ref()).len()).sum::<usize>())
    });
    let attributed: Vec<_> = docs.iter().map(analysis::quotes::extract).collect();
    group.bench_function("seeds_stance", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&attributed)
                .map(|(d, a)| {
                    let mut quotes = a.quotes.clone();
                    analysis::stance::assess(black_box(d), &mut quotes, &a.speakers, &targets).len()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

/// The JSON lines of an evaluation file beside the project
/// (`../shared/eval/<path>`), or `None` (with a note) when it is not there.
fn eval_lines(path: &str) -> Option<Vec<serde_json::Value>> {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval").join(path);
    let Ok(file) = std::fs::read_to_string(&full) else {
        eprintln!("skipping the benchmarks over {}: not found", full.display());
        return None;
    };
    Some(file.lines().filter_map(|line| serde_json::from_str(line).ok()).collect())
}

/// The TimeBank dev documents of the evaluation sets beside the project
/// (`../shared/eval/dates/dev_docs.jsonl`), when they are there: dates
/// alone, in documents and bytes per second. Nothing is copied from them.
fn bench_dates_dev_documents(c: &mut Criterion) {
    let Some(lines) = eval_lines("dates/dev_docs.jsonl") else {
        return;
    };
    let docs: Vec<(String, Option<ReferenceDate>)> = lines
        .iter()
        .filter_map(|v| {
            let text = v.get("text")?.as_str()?.to_owned();
            let reference = v.get("ref").and_then(|r| r.as_str()).and_then(|r| ReferenceDate::parse(r).ok());
            Some((text, reference))
        })
        .collect();
    let prepared: Vec<(Document<'_>, Option<&ReferenceDate>)> =
        docs.iter().map(|(text, reference)| (Document::new(text), reference.as_ref())).collect();
    let bytes: u64 = docs.iter().map(|(t, _)| t.len() as u64).sum();
    let mut group = c.benchmark_group("dates_dev_documents");
    group.throughput(Throughput::Elements(docs.len() as u64));
    group.bench_function("documents", |b| {
        b.iter(|| prepared.iter().map(|(doc, r)| analysis::dates::extract(black_box(doc), *r).len()).sum::<usize>())
    });
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("bytes", |b| {
        b.iter(|| prepared.iter().map(|(doc, r)| analysis::dates::extract(black_box(doc), *r).len()).sum::<usize>())
    });
    group.finish();
}

/// The whole analysis, one call per document, over the news articles of the
/// quotes dev set beside the project (`../shared/eval/quotes/dev.jsonl`),
/// when it is there. Nothing is copied from it.
fn bench_quotes_dev_documents(c: &mut Criterion) {
    let Some(lines) = eval_lines("quotes/dev.jsonl") else {
        return;
    };
    let texts: Vec<String> = lines.iter().filter_map(|v| Some(v.get("text")?.as_str()?.to_owned())).collect();
    let all = options(Features::ALL);
    let mut group = c.benchmark_group("quotes_dev_documents");
    group.throughput(Throughput::Bytes(texts.iter().map(|t| t.len() as u64).sum()));
    group.bench_function("all", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(analysis::analyze(text, &all));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench, bench_dates_dev_documents, bench_quotes_dev_documents);
criterion_main!(benches);
