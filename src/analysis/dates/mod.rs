//! Temporal expressions: found, typed (TIMEX3 DATE, TIME, DURATION, SET) and
//! normalised against the reference date.
//!
//! One pass over the tokens of the text tries a fixed set of matchers at
//! each token (`grammar.rs`) and keeps the longest match; adjacent day and
//! time expressions are then merged ("Friday at 3pm"), extents are adjusted
//! to TempEval-3 conventions ("the" and "early"/"late" inside, prepositions
//! outside) and each expression is resolved (`resolve.rs`) against the
//! reference date, in the direction the sentence's tense implies. The word
//! tables are data (`en/*.txt`, see `lexicon.rs`).

mod calendar;
mod dateline;
mod grammar;
mod lexicon;
mod resolve;
mod tokens;

#[cfg(test)]
mod tests;

use grammar::{Parser, Sem};
use resolve::{Ctx, Dir};
use tokens::Kind;

use super::{Document, ReferenceDate, Span, TemporalExpression};

/// Texts with at most this many tokens and no verb are read as a bare
/// expression (future-directed, ambiguous words allowed).
const STANDALONE_TOKENS: usize = 16;

/// Finds the temporal expressions of a document, resolving relative ones
/// against `reference` when there is one.
pub fn extract(doc: &Document<'_>, reference: Option<&ReferenceDate>) -> Vec<TemporalExpression> {
    let lower = doc.text.to_ascii_lowercase();
    let mut parser = Parser::new(tokens::tokenize(&lower), doc.text, &lexicon::ENGLISH, false);
    parser.standalone = parser.toks.len() <= STANDALONE_TOKENS
        && doc.sentences.len() <= 1
        && !parser.toks.iter().enumerate().any(|(k, t)| {
            let tense = parser.tense(k);
            t.kind == Kind::Word
                && (matches!(t.text, "is" | "are" | "be" | "has" | "have" | "do" | "does")
                    || ((tense.future || tense.past)
                        && !matches!(t.text, "ago" | "earlier" | "since" | "upcoming" | "due" | "ahead" | "starting")))
        });
    let standalone = parser.standalone;
    let found = find(&parser);
    let now = reference.map(ReferenceDate::datetime);
    let has_time = reference.is_some_and(|r| r.time.is_some());
    let mut out = Vec::with_capacity(found.len());
    // (sentence, index into out) of "a year ago"-like expressions, and the
    // quarter each sentence is about
    let mut year_back: Vec<(Option<usize>, usize, usize)> = Vec::new();
    let mut quarters: Vec<(Option<usize>, String)> = Vec::new();
    let all_boilerplate = doc.paragraphs.iter().all(|p| p.boilerplate);
    // the last day named so far: "the next day" counts from it
    let mut last_day: Option<jiff::civil::Date> = None;
    for (start, end, sem) in found {
        let (Some(first), Some(last)) = (parser.toks.get(start), parser.toks.get(end.saturating_sub(1))) else {
            continue;
        };
        let span = Span::new(first.start, last.end);
        if (doc.in_boilerplate(span.start) && !all_boilerplate) || in_url(doc.text, span) {
            continue;
        }
        let dir = direction(&parser, doc, start, end);
        let ctx = Ctx { now, has_time, dir, standalone };
        if let Some((kind, mut value)) = resolve::resolve(&sem, &ctx) {
            // "The talks collapsed on May 3. He resigned the next day.": May 4
            if let Some(n) = parser.anaphoric_days(start, end, &sem).filter(|_| !standalone)
                && let Some(day) = last_day.and_then(|d| calendar::add_days(d, n))
            {
                value = calendar::fmt_date(day);
            }
            if let Some(day) = day_of_value(&value) {
                last_day = Some(day);
            }
            let sentence = doc.sentence_at(span.start);
            match sem {
                // "last year" takes the quarter of its own sentence only
                Sem::Rel { unit: lexicon::Unit::Year, n: -1 } => year_back.push((sentence, out.len(), 0)),
                Sem::Shift { unit: lexicon::Unit::Year, n: -1 } | Sem::LatestYearAgo => {
                    year_back.push((sentence, out.len(), 2))
                }
                Sem::Quarter { .. } => quarters.push((sentence, value.clone())),
                _ => {}
            }
            out.push(TemporalExpression { span, kind, value });
        }
    }
    // In earnings reports "a year ago" next to "the third quarter" means
    // that quarter a year earlier.
    for (sentence, index, reach) in year_back {
        // the quarter of the same sentence, else of one of the two before
        let Some(s) = sentence else { continue };
        // `quarters` is in text order: look up the sentence by bisection
        let lo = quarters.partition_point(|(q, _)| q.is_none_or(|q| q + reach < s));
        let hi = quarters.partition_point(|(q, _)| q.is_none_or(|q| q <= s));
        let window = quarters.get(lo..hi).unwrap_or(&[]);
        let same = window.iter().find(|(q, _)| *q == Some(s));
        let Some((_, q)) = same.or(window.last()) else { continue };
        let (Some((y, q)), Some(e)) = (q.split_once("-Q"), out.get_mut(index)) else { continue };
        if let Ok(y) = y.parse::<i32>() {
            e.value = format!("{:04}-Q{q}", y - 1);
        }
    }
    out
}

/// Finds the document's own date in a dateline ("date 2023-11-21",
/// "Nov. 21, 2023 (Reuters) -", a "Published" line).
pub fn find_dateline(doc: &Document<'_>) -> Option<ReferenceDate> {
    dateline::find(doc)
}

/// The day a resolved value names: "2024-05-03", or the day of a time
/// "2024-05-03T15:00".
fn day_of_value(value: &str) -> Option<jiff::civil::Date> {
    if value.get(10..11).is_some_and(|c| c != "T") {
        return None;
    }
    let mut parts = value.get(..10)?.split('-');
    let (y, m, d) = (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
    calendar::date(y, m, d)
}

/// Whether a span lies inside a URL (dates in article slugs).
fn in_url(text: &str, span: Span) -> bool {
    const REACH: usize = 300;
    let mut from = span.start.saturating_sub(REACH);
    while from < span.start && !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text.get(from..span.start).unwrap_or("");
    // The last white space may be wider than a byte (a no-break space).
    let word_start = before.char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
    let chunk = before.get(word_start..).unwrap_or("");
    if !(chunk.ends_with('-') || chunk.ends_with('/') || chunk.ends_with('=')) {
        return false;
    }
    chunk.contains("://") || chunk.contains("www.") || chunk.contains(".com/") || chunk.contains(".org/")
}

/// Matches, merges and extends: `(first token, token past the end, meaning)`.
fn find(p: &Parser<'_>) -> Vec<(usize, usize, Sem)> {
    let mut found: Vec<(usize, usize, Sem)> = Vec::new();
    let mut i = 0;
    while i < p.toks.len() {
        match p.best_at(i) {
            Some((end, sem)) if end > i => {
                found.push((i, end, sem));
                i = end;
            }
            _ => i += 1,
        }
    }
    let found = merge(p, found);
    // extents grow over modifiers but never into the previous expression
    let mut previous_end = 0;
    found
        .into_iter()
        .map(|(s, e, sem)| {
            let (s2, e2) = extend(p, s, e, &sem);
            let s2 = s2.max(previous_end).min(s);
            previous_end = e2;
            (s2, e2, sem)
        })
        .collect()
}

/// Joins a day and a clock time or part of day next to each other
/// ("Friday at 3pm", "3pm on Friday", "Mon, Feb 18 morning").
fn merge(p: &Parser<'_>, found: Vec<(usize, usize, Sem)>) -> Vec<(usize, usize, Sem)> {
    let mut out: Vec<(usize, usize, Sem)> = Vec::with_capacity(found.len());
    for (s, e, sem) in found {
        if let Some((_, pe, prev)) = out.last_mut()
            && s - *pe <= 2
        {
            let gap: Vec<&str> = (*pe..s).map(|k| p.t(k)).collect();
            let joinable =
                matches!(gap.as_slice(), [] | [","] | ["at"] | [",", "at"] | ["on"] | [",", "on"] | ["@"] | ["of"]);
            if joinable {
                let merged = match (&*prev, &sem) {
                    _ if gap == ["of"] && !matches!((&*prev, &sem), (Sem::Weekday { .. }, Sem::Rel { .. })) => None,
                    (day, Sem::Clock { date: None, h, m, s: sec, ampm }) if day.is_day() && gap != ["on"] => {
                        Some(Sem::Clock { date: Some(Box::new(day.clone())), h: *h, m: *m, s: *sec, ampm: *ampm })
                    }
                    (Sem::Clock { date: None, h, m, s: sec, ampm }, day) if day.is_day() && gap != ["at"] => {
                        Some(Sem::Clock { date: Some(Box::new(day.clone())), h: *h, m: *m, s: *sec, ampm: *ampm })
                    }
                    (Sem::Weekday { wd, shift: grammar::Shift::Bare }, Sem::Rel { unit: lexicon::Unit::Week, n })
                        if gap.is_empty() || gap == ["of"] =>
                    {
                        Some(Sem::WeekdayOfWeek { wd: *wd, n: *n })
                    }
                    (Sem::Holiday { rule, y: grammar::YearRef::Unknown }, Sem::Shift { unit, n }) if gap.is_empty() => {
                        Some(Sem::HolidayAt { rule, unit: *unit, n: *n })
                    }
                    (Sem::Part { date: Some(day), part }, Sem::Clock { date: None, h, m, s: sec, ampm })
                        if gap != ["on"] =>
                    {
                        let later = matches!(*part, "AF" | "EV" | "NI");
                        let h = if !*ampm && later && *h < 12 { *h + 12 } else { *h };
                        Some(Sem::Clock { date: Some(day.clone()), h, m: *m, s: *sec, ampm: true })
                    }
                    _ => None,
                };
                if let Some(merged) = merged {
                    *pe = e;
                    *prev = merged;
                    continue;
                }
            }
        }
        out.push((s, e, sem));
    }
    // a clock range takes the day of its end: "9:30 - 11:00 on Thursday"
    for k in 1..out.len() {
        let (before, after) = out.split_at_mut(k);
        let (Some((_, pe, prev)), Some((s, _, next))) = (before.last_mut(), after.first()) else { continue };
        if *s - *pe != 1 {
            continue;
        }
        let gap: Vec<&str> = (*pe..*s).map(|j| p.t(j)).collect();
        if let (Sem::Clock { date: date @ None, .. }, Sem::Clock { date: Some(day), .. }) = (prev, next)
            && matches!(gap.as_slice(), ["-"] | ["to"] | ["until"] | ["till"] | ["and"] | ["through"])
        {
            *date = Some(day.clone());
        }
    }
    out
}

/// Moves the start back over "the", "early"/"late"/"mid", "fiscal", "the
/// end of" and, for durations, "nearly"/"more than"/"up to" (TempEval-3
/// extents); adjectival durations take their noun ("a three-year period").
fn extend(p: &Parser<'_>, start: usize, end: usize, sem: &Sem) -> (usize, usize) {
    let mut s = start;
    let mut e = end;
    if matches!(sem, Sem::Clock { .. } | Sem::NowTime | Sem::RelTime { .. }) {
        return (s, e);
    }
    let duration = matches!(sem, Sem::Duration(_));
    let adjectival = p.t(start + 1) == "-" && end == start + 3;
    if duration && adjectival && matches!(p.t(end), "period" | "term" | "span" | "stretch" | "spell") {
        e += 1;
        if start > 0 && matches!(p.t(start - 1), "a" | "the") {
            return (start - 1, e);
        }
    }
    // "the" belongs to noun-headed expressions, not to dates, years,
    // adjectives or ordinals ("the Feb. 23 meeting", "the eight-year war")
    let noun = match sem {
        Sem::Quarter { .. } | Sem::Half { .. } | Sem::Decade(_) | Sem::Century(_) | Sem::Season { .. } => {
            p.t(end) != "-" && !matches!(p.w(end), "results" | "earnings" | "profit" | "loss" | "sales")
        }
        Sem::Duration(_) => !adjectival,
        Sem::Rel { .. }
        | Sem::Latest(_)
        | Sem::LatestYearAgo
        | Sem::Holiday { .. }
        | Sem::NthWeekOf { .. }
        | Sem::NthDayOf { .. } => !adjectival,
        _ => false,
    };
    let ordinal_duration = duration && p.t(start).ends_with("th") | matches!(p.t(start), "first" | "second" | "third");
    while let Some(k) = s.checked_sub(1).filter(|_| start - s < 4) {
        let prev = p.t(k);
        let take = match prev {
            "the" => noun && !ordinal_duration && !adjectival,
            "early" | "earlier" | "late" | "later" | "mid" => !duration,
            "nearly" | "almost" | "roughly" => {
                (duration || matches!(sem, Sem::Shift { .. } | Sem::Rel { .. } | Sem::RelDay(_)))
                    && !adjectival
                    && !matches!(p.t(s), "the" | "past" | "last" | "next" | "recent" | "coming")
            }
            "than" => duration && k >= 1 && matches!(p.t(k - 1), "more" | "less" | "fewer"),
            "more" | "less" | "fewer" => duration && p.t(k + 1) == "than",
            "no" => duration && p.t(k + 1) == "more",
            "to" => duration && k >= 1 && p.t(k - 1) == "up",
            "up" => duration && p.t(k + 1) == "to",
            "least" => duration && k >= 1 && p.t(k - 1) == "at",
            "at" => duration && p.t(k + 1) == "least",
            "fiscal" => matches!(sem, Sem::Year(_) | Sem::Quarter { .. } | Sem::Half { .. }),
            "of" => {
                !duration
                    && k >= 2
                    && matches!(p.t(k - 1), "end" | "beginning" | "start" | "middle")
                    && p.t(k - 2) == "the"
            }
            "end" | "beginning" | "start" | "middle" => {
                !duration && p.t(k + 1) == "of" && k >= 1 && p.t(k - 1) == "the"
            }
            "-" => s >= 2 && p.t(s - 2) == "mid",
            _ => false,
        };
        if !take {
            break;
        }
        s -= 1;
        if prev == "end" || prev == "beginning" || prev == "start" || prev == "middle" {
            // and its "the"
            s -= 1;
            break;
        }
    }
    (s, e)
}

/// How many tokens either side of an expression are searched for a tense cue.
const CUE_REACH: usize = 40;

/// The direction the sentence around tokens `start..end` implies: the cue
/// word (future auxiliary or past tense verb) nearest to it decides; with no
/// cue, news text reads as past, a bare expression as future.
fn direction(p: &Parser<'_>, doc: &Document<'_>, start: usize, end: usize) -> Dir {
    let Some(first) = p.toks.get(start) else { return Dir::Past };
    // "by June", "ahead of Tuesday's talks": deadlines and plans
    if start > 0 && matches!(p.t(start - 1), "by") {
        return Dir::Future;
    }
    let sentence = doc.sentence_at(first.start).map(|i| doc.sentences[i].span);
    let (lo, hi) = match sentence {
        Some(s) => (p.toks.partition_point(|t| t.start < s.start), p.toks.partition_point(|t| t.start < s.end)),
        None => (start.saturating_sub(20), (end + 20).min(p.toks.len())),
    };
    let cue = |k: usize| -> Option<Dir> {
        let t = p.toks.get(k)?;
        if t.kind != Kind::Word {
            return None;
        }
        let w = t.text;
        let tense = p.tense(k);
        // "a revised version", "the plan": no verb after a determiner.
        let after_determiner = k > 0 && p.tense(k - 1).determiner;
        if tense.future && !(after_determiner && tense.noun) {
            if w == "ll" && (k == 0 || p.t(k - 1) != "'") {
                return None;
            }
            // "the tax plan in August", "set a record": only "plans to
            // meet", "set to vote" look ahead
            if tense.before_to && p.t(k + 1) != "to" {
                return None;
            }
            return Some(Dir::Future);
        }
        // "will be counted on Friday": a participle after "be" is no past
        // verb, so a nearer "will" or "would" decides.
        let after_passive = k > 0 && p.tense(k - 1).passive;
        if !after_determiner && !after_passive && (tense.past || (w.len() > 4 && w.ends_with("ed") && !tense.not_past))
        {
            return Some(Dir::Past);
        }
        None
    };
    // nearest cue, looking both ways
    let mut best: Option<(usize, Dir)> = None;
    // bounded both ways, so a text without sentence breaks stays linear
    let lo = lo.max(start.saturating_sub(CUE_REACH));
    let hi = hi.min(end.saturating_add(CUE_REACH));
    for k in (lo..start).rev() {
        if let Some(d) = cue(k) {
            best = Some((start - k, d));
            break;
        }
    }
    for k in end..hi {
        if let Some(d) = cue(k) {
            if best.is_none_or(|(dist, _)| k + 1 - end < dist) {
                best = Some((k + 1 - end, d));
            }
            break;
        }
    }
    match best {
        Some((_, d)) => d,
        None if p.standalone => Dir::Future,
        None => Dir::Past,
    }
}
