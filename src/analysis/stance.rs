//! Stance: where each quote and speaker stands on each target.

use super::{Document, Quote, Speaker, SpeakerStance, StanceTarget, lexicon};

/// The targets the server assesses when a request names none, from
/// `lexicon/targets.txt`.
pub fn default_targets() -> Vec<StanceTarget> {
    parse_targets(include_str!("lexicon/targets.txt")).unwrap_or_default()
}

/// Parses a targets file (`name | keyword, keyword, ...` per line).
pub fn parse_targets(file: &str) -> Result<Vec<StanceTarget>, String> {
    lexicon::rows(file)
        .map(|row| match row.as_slice() {
            [name] => Ok(StanceTarget { name: (*name).to_owned(), keywords: Vec::new() }),
            [name, keywords] => Ok(StanceTarget {
                name: (*name).to_owned(),
                keywords: keywords.split(',').map(|k| k.trim().to_owned()).filter(|k| !k.is_empty()).collect(),
            }),
            _ => Err(format!("a target line has more than two columns: {row:?}")),
        })
        .collect()
}

/// Labels each quote's stance toward each target it concerns (filling
/// [`Quote::stances`]) and aggregates them per speaker and per document.
pub fn assess(
    doc: &Document<'_>,
    quotes: &mut [Quote],
    speakers: &[Speaker],
    targets: &[StanceTarget],
) -> Vec<SpeakerStance> {
    let _ = (doc, quotes, speakers, targets);
    Vec::new()
}
