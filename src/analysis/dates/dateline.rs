//! The document's own date, from a dateline near its start: "date
//! 2023-11-21", "Nov. 21, 2023 (Reuters) —", "WASHINGTON, Nov 21, 2023 (AP)
//! —", "Published: 21 November 2023". Only dates with a year count.

use super::grammar::{Parser, Sem, YearRef};
use super::tokens::Kind;
use super::{calendar, lexicon, tokens};
use crate::analysis::{Document, ReferenceDate, ReferenceSource};

/// How many leading paragraphs, and bytes, are searched.
const HEAD_PARAGRAPHS: usize = 4;
const HEAD_BYTES: usize = 600;
/// A date this far into a longer paragraph is part of its prose, not a dateline.
const DATELINE_OFFSET: usize = 120;

/// Words that make a date after them part of a sentence ("since May 5,
/// 2024"), in lower case.
const PREPOSITIONS: [&str; 9] = ["on", "in", "since", "by", "at", "after", "before", "from", "until"];

/// Paragraphs this short are date or byline lines.
const SHORT_LINE: usize = 80;

/// Whether a date at tokens `start..end` of a paragraph is its dateline, not
/// a date in the first sentence ("On February 24, 2022, Russia invaded"):
/// the line is short, or a "Published"/"Updated"/"date" label precedes it,
/// or only capitalised words (a place) precede it, or an agency or a dash
/// follows it.
fn looks_like_dateline(p: &Parser<'_>, text: &str, start: usize, end: usize) -> bool {
    let before = &p.toks[..start];
    // "Talks to resume on May 5, 2024": a date a preposition governs is
    // part of a sentence, however short the line.
    let governed = before.iter().rev().find(|t| t.kind == Kind::Word).is_some_and(|t| PREPOSITIONS.contains(&t.text));
    if text.len() <= SHORT_LINE && !governed {
        return true;
    }
    let labelled = before
        .iter()
        .any(|t| matches!(t.text, "published" | "updated" | "posted" | "date" | "dated" | "modified" | "created"));
    let place_only = before.iter().all(|t| {
        t.kind != Kind::Word
            || (text.get(t.start..t.end).and_then(|w| w.chars().next()).is_some_and(char::is_uppercase)
                && t.text != "the"
                && !PREPOSITIONS.contains(&t.text))
    });
    let followed = matches!(p.t(end), "(" | "-" | "|" | "/") || (p.t(end) == "," && p.t(end + 1) == "(");
    labelled || followed || (place_only && start < 12)
}

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
                        && looks_like_dateline(&parser, text, i, end)
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
