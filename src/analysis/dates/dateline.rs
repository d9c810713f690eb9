//! The document's own date, from a dateline near its start: "date
//! 2023-11-21", "Nov. 21, 2023 (Reuters) —", "WASHINGTON, Nov 21, 2023 (AP)
//! —", "Published: 21 November 2023". Only dates with a year count.

use super::grammar::{Parser, Sem, YearRef};
use super::{calendar, lexicon, tokens};
use crate::analysis::{Document, ReferenceDate, ReferenceSource};

/// How many leading paragraphs, and bytes, are searched.
const HEAD_PARAGRAPHS: usize = 4;
const HEAD_BYTES: usize = 600;
/// A date this far into a longer paragraph is part of its prose, not a dateline.
const DATELINE_OFFSET: usize = 120;

/// The dateline date, if the start of the document has one.
pub(crate) fn find(doc: &Document<'_>) -> Option<ReferenceDate> {
    for paragraph in doc.paragraphs.iter().take(HEAD_PARAGRAPHS) {
        if paragraph.span.start >= HEAD_BYTES {
            break;
        }
        let text = doc.slice(paragraph.span);
        let mut cut = text.len().min(HEAD_BYTES);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let text = &text[..cut];
        let lower = text.to_ascii_lowercase();
        let parser = Parser::new(tokens::tokenize(&lower), text, &lexicon::ENGLISH, false);
        let mut i = 0;
        while i < parser.toks.len() && parser.toks[i].start <= DATELINE_OFFSET {
            match parser.best_at(i) {
                Some((end, sem)) if end > i => {
                    if let Sem::Day { y: YearRef::Abs(y), m, d } = sem
                        && let Some(date) = calendar::date(y, m, d)
                    {
                        return Some(ReferenceDate::from_date(date, ReferenceSource::Dateline));
                    }
                    i = end;
                }
                _ => i += 1,
            }
        }
    }
    None
}
