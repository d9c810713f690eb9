//! Temporal expressions: found, typed (TIMEX3 DATE, TIME, DURATION, SET) and
//! normalised against the reference date.

use super::{Document, ReferenceDate, TemporalExpression};

/// Finds the temporal expressions of a document, resolving relative ones
/// against `reference` when there is one.
pub fn extract(doc: &Document<'_>, reference: Option<&ReferenceDate>) -> Vec<TemporalExpression> {
    let _ = (doc, reference);
    Vec::new()
}

/// Finds the document's own date in a dateline ("date 2023-11-21",
/// "Nov. 21, 2023 (Reuters) -", a "Published" line).
pub fn find_dateline(doc: &Document<'_>) -> Option<ReferenceDate> {
    let _ = doc;
    None
}
