//! `--format pretty`: a report a person reads.

use std::fmt::Write;

use sayso::pb;

/// The report for one response.
pub(crate) fn report(r: &pb::AnalyzeResponse) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_report(&mut out, r);
    out
}

fn enum_name(name: Option<&str>, prefix: &str) -> String {
    name.map(|n| n.trim_start_matches(prefix).to_lowercase()).unwrap_or_else(|| "?".to_owned())
}

fn label(value: i32) -> String {
    enum_name(pb::StanceLabel::try_from(value).ok().map(|l| l.as_str_name()), "STANCE_LABEL_")
}

fn write_report(out: &mut String, r: &pb::AnalyzeResponse) -> std::fmt::Result {
    writeln!(out, "── {} ──", if r.id.is_empty() { "(no id)" } else { &r.id })?;
    if let Some(error) = &r.error {
        writeln!(out, "  rejected: {}", error.message)?;
        return writeln!(out);
    }
    if let Some(lang) = &r.language {
        writeln!(out, "language: {} ({}, confidence {:.2})", lang.name, lang.code, lang.confidence)?;
    }
    if let Some(reference) = &r.reference_date {
        let source = enum_name(
            pb::ReferenceDateSource::try_from(reference.source).ok().map(|s| s.as_str_name()),
            "REFERENCE_DATE_SOURCE_",
        );
        let value = if reference.value.is_empty() { "none" } else { &reference.value };
        writeln!(out, "reference date: {value} ({source})")?;
    }
    for warning in &r.warnings {
        writeln!(out, "warning: {warning}")?;
    }
    writeln!(out, "\nspeakers ({}):", r.speakers.len())?;
    for s in &r.speakers {
        let kind = enum_name(pb::SpeakerKind::try_from(s.kind).ok().map(|k| k.as_str_name()), "SPEAKER_KIND_");
        let mut about: Vec<&str> = Vec::new();
        if !s.title.is_empty() {
            about.push(&s.title);
        }
        if !s.affiliation.is_empty() {
            about.push(&s.affiliation);
        }
        let about = if about.is_empty() { String::new() } else { format!(", {}", about.join(", ")) };
        writeln!(out, "  {} [{kind}{about}], {} mentions", s.name, s.mentions.len())?;
        for stance in r.stances.iter().filter(|st| st.holder_id == s.id) {
            writeln!(out, "    stance on {}: {} ({:.2})", stance.target, label(stance.label), stance.confidence)?;
        }
        for quote in r.quotes.iter().filter(|q| q.speaker_id == s.id) {
            write_quote(out, quote, "    ")?;
        }
    }
    let unattributed: Vec<_> = r.quotes.iter().filter(|q| q.speaker_id.is_empty()).collect();
    if !unattributed.is_empty() {
        writeln!(out, "  (no speaker found)")?;
        for quote in unattributed {
            write_quote(out, quote, "    ")?;
        }
    }
    let document: Vec<_> = r.stances.iter().filter(|s| s.holder_id.is_empty()).collect();
    if !document.is_empty() {
        writeln!(out, "\ndocument stance:")?;
        for stance in document {
            writeln!(out, "  {}: {} ({:.2})", stance.target, label(stance.label), stance.confidence)?;
        }
    }
    writeln!(out, "\ndates ({}):", r.dates.len())?;
    for d in &r.dates {
        let kind = enum_name(pb::TemporalType::try_from(d.r#type).ok().map(|t| t.as_str_name()), "TEMPORAL_TYPE_");
        writeln!(out, "  {:<28} {kind:<8} {}", d.text, d.value)?;
    }
    writeln!(out)
}

fn write_quote(out: &mut String, q: &pb::Quote, indent: &str) -> std::fmt::Result {
    let kind = enum_name(pb::QuoteKind::try_from(q.kind).ok().map(|k| k.as_str_name()), "QUOTE_KIND_");
    let cue = if q.cue.is_empty() { String::new() } else { format!(", {}", q.cue) };
    let text: String = q.text.chars().take(160).collect();
    let more = if q.text.chars().count() > 160 { "…" } else { "" };
    write!(out, "{indent}{} [{kind}{cue}] {text}{more}", q.id)?;
    for stance in &q.stances {
        write!(out, "  → {} {}", stance.target, label(stance.label))?;
    }
    writeln!(out)
}
