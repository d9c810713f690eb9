//! Golden files for the seeds: `tests/golden/<seed>.json` holds what a
//! careful reader finds in each article (speakers with titles and
//! affiliations, every quote with its speaker and kind, dates, stances).
//! Quotes marked `"must": true` have to be found with the right kind and
//! speaker; all of them count toward the file's recall floor; anything
//! found beyond them is spurious and capped.

use std::collections::HashMap;

use sayso::engine::Engine;
use sayso::pb;
use serde::Deserialize;

use crate::util::{root, seeds};

#[derive(Debug, Deserialize)]
struct Golden {
    reference_date: GoldenReference,
    speakers: Vec<GoldenSpeaker>,
    quotes: Vec<GoldenQuote>,
    dates: Vec<GoldenDate>,
    stances: Vec<GoldenStance>,
    max_spurious_quotes: usize,
    /// Share of the golden quotes (required or not) that must come out
    /// right: the level reached so far, so that a regression fails.
    min_recall: f64,
    no_quotes_in: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct GoldenReference {
    value: String,
    source: String,
}

#[derive(Debug, Deserialize)]
struct GoldenSpeaker {
    name: String,
    kind: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    affiliation: Option<String>,
}

#[derive(Debug, Deserialize)]
struct GoldenQuote {
    text: String,
    speaker: String,
    kind: String,
    must: bool,
}

#[derive(Debug, Deserialize)]
struct GoldenDate {
    text: String,
    value: String,
}

#[derive(Debug, Deserialize)]
struct GoldenStance {
    holder: String,
    target: String,
    label: String,
}

/// Lower-cased word tokens, as the quote scorer counts them.
fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).map(str::to_lowercase).collect()
}

/// Token-multiset F1 of two texts.
fn overlap(a: &str, b: &str) -> f64 {
    let (a, b) = (tokens(a), tokens(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut counts: HashMap<&str, i32> = HashMap::new();
    for t in &a {
        *counts.entry(t).or_default() += 1;
    }
    let mut common = 0;
    for t in &b {
        if let Some(c) = counts.get_mut(t.as_str()).filter(|c| **c > 0) {
            *c -= 1;
            common += 1;
        }
    }
    2.0 * f64::from(common) / (a.len() + b.len()) as f64
}

/// The last word of a name, without a possessive.
fn surname(name: &str) -> String {
    tokens(&name.replace("’s", "").replace("'s", "")).pop().unwrap_or_default()
}

fn kind_name(kind: i32) -> &'static str {
    match pb::QuoteKind::try_from(kind) {
        Ok(pb::QuoteKind::Direct) => "DIRECT",
        Ok(pb::QuoteKind::Indirect) => "INDIRECT",
        Ok(pb::QuoteKind::Mixed) => "MIXED",
        _ => "?",
    }
}

/// Reported kinds (indirect and mixed) are interchangeable here; direct is not.
fn same_kind(golden: &str, got: &str) -> bool {
    (golden == "DIRECT") == (got == "DIRECT")
}

fn check_seed(name: &str, text: &str, golden: &Golden) -> Vec<String> {
    let mut problems = Vec::new();
    let request = pb::AnalyzeRequest { id: name.to_owned(), text: text.to_owned(), ..Default::default() };
    let r = Engine::default().analyze(&request).expect("a seed is a valid request");

    let reference = r.reference_date.clone().unwrap_or_default();
    let source = pb::ReferenceDateSource::try_from(reference.source).map(|s| s.as_str_name()).unwrap_or("?");
    if reference.value != golden.reference_date.value || !source.ends_with(&golden.reference_date.source) {
        problems.push(format!("reference date {:?} ({source}), expected {:?}", reference.value, golden.reference_date));
    }

    // Quotes: greedy one-to-one matching by overlap, best first.
    let mut pairs = Vec::new();
    for (g, gq) in golden.quotes.iter().enumerate() {
        for (p, pq) in r.quotes.iter().enumerate() {
            let o = overlap(&gq.text, &pq.text);
            if o >= 0.6 {
                pairs.push((o, g, p));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut golden_used, mut got_used) = (vec![None; golden.quotes.len()], vec![false; r.quotes.len()]);
    for (_, g, p) in pairs {
        if golden_used[g].is_none() && !got_used[p] {
            golden_used[g] = Some(p);
            got_used[p] = true;
        }
    }
    let mut found = 0;
    for (gq, matched) in golden.quotes.iter().zip(&golden_used) {
        let verdict = match matched {
            None => Some("not found".to_owned()),
            Some(p) => {
                let q = &r.quotes[*p];
                if !same_kind(&gq.kind, kind_name(q.kind)) {
                    Some(format!("kind {}", kind_name(q.kind)))
                } else if surname(&q.speaker) != surname(&gq.speaker) {
                    Some(format!("speaker {:?}", q.speaker))
                } else {
                    None
                }
            }
        };
        match verdict {
            None => found += 1,
            Some(why) if gq.must => problems.push(format!("quote {:?} ({}, {}): {why}", gq.text, gq.kind, gq.speaker)),
            Some(_) => {}
        }
    }
    let spurious: Vec<&str> =
        r.quotes.iter().zip(&got_used).filter(|(_, used)| !**used).map(|(q, _)| q.text.as_str()).collect();
    if spurious.len() > golden.max_spurious_quotes {
        problems.push(format!(
            "{} spurious quotes (at most {}): {spurious:?}",
            spurious.len(),
            golden.max_spurious_quotes
        ));
    }
    let recall = found as f64 / golden.quotes.len().max(1) as f64;
    eprintln!("{name}: {found}/{} golden quotes right, {} spurious", golden.quotes.len(), spurious.len());
    if recall < golden.min_recall {
        problems.push(format!(
            "only {found} of {} golden quotes right (at least {:.0}%)",
            golden.quotes.len(),
            golden.min_recall * 100.0
        ));
    }

    for line in &golden.no_quotes_in {
        for (start, _) in text.match_indices(line.as_str()) {
            let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            for q in &r.quotes {
                let span = q.span.unwrap_or_default();
                if (span.start as usize) < end && start < span.end as usize {
                    problems.push(format!("quote {:?} inside boilerplate {line:?}", q.text));
                }
            }
        }
    }

    for gs in &golden.speakers {
        let Some(s) = r.speakers.iter().find(|s| surname(&s.name) == surname(&gs.name)) else {
            problems.push(format!("speaker {} not found", gs.name));
            continue;
        };
        let kind = pb::SpeakerKind::try_from(s.kind).map(|k| k.as_str_name()).unwrap_or("?");
        if !kind.ends_with(&gs.kind) {
            problems.push(format!("speaker {}: kind {kind}", gs.name));
        }
        if tokens(&s.name).len() < tokens(&gs.name).len() {
            problems.push(format!("speaker {}: name {:?} is not the fullest form", gs.name, s.name));
        }
        if let Some(title) = &gs.title
            && !s.title.to_lowercase().contains(&title.to_lowercase())
        {
            problems.push(format!("speaker {}: title {:?}, expected it to contain {title:?}", gs.name, s.title));
        }
        if let Some(affiliation) = &gs.affiliation
            && &s.affiliation != affiliation
        {
            problems.push(format!("speaker {}: affiliation {:?}, expected {affiliation:?}", gs.name, s.affiliation));
        }
    }

    for gd in &golden.dates {
        if !r.dates.iter().any(|d| d.text == gd.text && d.value == gd.value) {
            let got: Vec<_> = r.dates.iter().filter(|d| d.text.contains(&gd.text)).map(|d| &d.value).collect();
            problems.push(format!("date {:?} = {:?} not found (got {got:?})", gd.text, gd.value));
        }
    }

    for gs in &golden.stances {
        let label = |l: i32| pb::StanceLabel::try_from(l).map(|l| l.as_str_name()).unwrap_or("?");
        let found = r.stances.iter().find(|s| surname(&s.holder) == surname(&gs.holder) && s.target == gs.target);
        match found {
            Some(s) if label(s.label).ends_with(&gs.label) => {}
            Some(s) => problems.push(format!("stance of {} on {}: {}", gs.holder, gs.target, label(s.label))),
            None => problems.push(format!("no stance of {} on {}", gs.holder, gs.target)),
        }
    }
    problems
}

#[test]
fn seeds_match_their_golden_files() {
    let mut failures = Vec::new();
    for (name, text) in seeds() {
        let path = root().join("tests/golden").join(name.replace(".txt", ".json"));
        let golden: Golden = serde_json::from_str(&std::fs::read_to_string(&path).expect("golden file exists"))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for problem in check_seed(&name, &text, &golden) {
            failures.push(format!("{name}: {problem}"));
        }
    }
    assert!(failures.is_empty(), "{} golden mismatches:\n{}", failures.len(), failures.join("\n"));
}
