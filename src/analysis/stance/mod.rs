//! Stance: where each quote, each speaker and the document as a whole stand
//! (FAVOR / AGAINST / NONE) on each target, by rules over lexicons kept as
//! data files:
//!
//! - `lexicon/targets.txt`: the default targets and their keywords;
//!   `lexicon/en/target_terms.txt`: synonyms and rivals of known topics,
//!   for targets a request names without keywords;
//!   `lexicon/en/target_generic.txt`: name words too general to match alone.
//! - `lexicon/en/stance_cues.txt`: stance cues (support, readiness, calls
//!   for; refusal, impossibility, preconditions…), general or specific to
//!   one target; `lexicon/en/opinion.txt`: general evaluative words;
//!   `lexicon/en/negators.txt`: negators and shifters with their reach;
//!   `lexicon/en/hedges.txt`: hedges.
//!
//! A segment (a quote with its sentence, or a sentence of the document) is
//! scored per target: each cue adds its weight in its direction, flipped by
//! an odd number of negators before it in its clause ("we do not rule out
//! talks" is for, "not without hope" is hope), stronger near a mention of
//! the target, reversed near a mention of its rival, and discounted when
//! the segment does not mention the target at all. Cues specific to a
//! target count without a mention. Hedges lower the confidence. Everything
//! runs in one pass of two Aho–Corasick matchers over the stemmed text.

mod cues;
mod targets;
mod text;

use std::collections::BTreeMap;

use super::{Document, Holder, Quote, QuoteStance, Span, Speaker, SpeakerStance, StanceLabel, StanceTarget};
use cues::{Hit, Kind};
use targets::{Matcher, Mention};
use text::Tokens;

/// The targets the server assesses when a request names none, from
/// `lexicon/targets.txt`.
pub fn default_targets() -> Vec<StanceTarget> {
    parse_targets(include_str!("../lexicon/targets.txt")).unwrap_or_default()
}

/// Parses a targets file: one target per line, `name | keyword, keyword, ...`
/// (or a tab between the columns); `#` starts a comment. A keyword starting
/// with `!` is an exclusion ("!trade talks"), one starting with `~` names a
/// rival of the target whose criticism counts as support. A line with a
/// name alone is matched by the name, its inflections and content words.
pub fn parse_targets(file: &str) -> Result<Vec<StanceTarget>, String> {
    targets::parse(file)
}

/// How much a general cue counts in a segment that does not mention the
/// target.
const UNMENTIONED: f32 = 0.25;
/// How much an opinion word counts against a stance cue.
const OPINION: f32 = 0.5;
/// Confidence factor for a hedged segment.
const HEDGED: f32 = 0.75;
/// Least total cue weight for a quote label.
const QUOTE_MIN: f32 = 0.4;
/// Least total cue weight for a document label.
const DOCUMENT_MIN: f32 = 0.25;
/// Least summed confidence for a speaker label.
const SPEAKER_MIN: f32 = 0.3;

/// The evidence a segment gives on one target.
#[derive(Debug, Clone, Default)]
struct Score {
    favor: f32,
    against: f32,
    hedged: bool,
    /// Whether the segment mentions the target or a cue specific to it.
    concerned: bool,
    /// Token ranges of the cues, with their signed contribution.
    cues: Vec<(usize, usize, f32)>,
}

impl Score {
    fn add(&mut self, other: &Score) {
        self.favor += other.favor;
        self.against += other.against;
        self.hedged |= other.hedged;
        self.concerned |= other.concerned;
        self.cues.extend_from_slice(&other.cues);
    }

    /// The label and confidence, NONE when the evidence is weak (under
    /// `min`) or conflicting (the minority side over `conflict` times the
    /// majority).
    fn decide(&self, min: f32, conflict: f32) -> (StanceLabel, f32) {
        let total = self.favor + self.against;
        let net = self.favor - self.against;
        if total < min || self.favor.min(self.against) > conflict * self.favor.max(self.against) {
            let confidence = if total < min { 0.5 } else { 0.4 };
            return (StanceLabel::None, confidence);
        }
        let label = if net > 0.0 { StanceLabel::Favor } else { StanceLabel::Against };
        let strength = net.abs() / (net.abs() + 1.0);
        let agreement = net.abs() / total;
        let mut confidence = 0.35 + 0.6 * strength * agreement;
        if self.hedged {
            confidence *= HEDGED;
        }
        (label, confidence.clamp(0.05, 0.95))
    }
}

/// The text analysed once for all targets.
struct Scan<'a> {
    text: &'a str,
    tokens: Tokens,
    hits: Vec<Hit>,
    mentions: Vec<Mention>,
    matcher: Matcher,
}

impl<'a> Scan<'a> {
    fn new(text: &'a str, targets: &[StanceTarget]) -> Self {
        let tokens = Tokens::new(text, 0);
        let hits = cues::find(&tokens);
        let matcher = Matcher::new(targets);
        let mentions = matcher.find(&tokens);
        Self { text, tokens, hits, mentions, matcher }
    }

    /// Whether a token closes a clause for negation.
    fn is_break(&self, i: usize) -> bool {
        self.tokens.tokens.get(i).is_some_and(|t| t.boundary || matches!(t.stem.as_str(), "but" | "while" | "whereas"))
    }

    /// How many negators reach hit `h` from before it in its clause. Strong
    /// negative stance cues negate what follows them too ("refused to take
    /// part": taking part is refused).
    fn negations(&self, h: usize, first: usize) -> usize {
        let hit = &self.hits[h];
        let mut count = 0;
        for prev in self.hits[..h].iter().rev() {
            if prev.last > hit.first {
                continue;
            }
            if prev.first < first {
                break;
            }
            let reach = prev
                .kinds
                .iter()
                .map(|k| match k {
                    Kind::Negator { window } => *window,
                    Kind::Stance { polarity, weight, scope: None } if *polarity < 0.0 && *weight >= 0.9 => 3,
                    _ => 0,
                })
                .max()
                .unwrap_or(0);
            let gap = hit.first - prev.last;
            if gap > 8 {
                break;
            }
            if reach > 0 && gap < reach && !(prev.last..hit.first).any(|i| self.is_break(i)) {
                count += 1;
            }
        }
        count
    }

    /// The evidence tokens `[first, last)` give on target `t`.
    fn score(&self, t: usize, first: usize, last: usize) -> Score {
        let mut score = Score::default();
        let lo = self.mentions.partition_point(|m| m.first < first);
        let hi = self.mentions.partition_point(|m| m.first < last);
        let near: Vec<&Mention> = self.mentions[lo..hi].iter().filter(|m| m.target == t && m.last <= last).collect();
        let mentioned = near.iter().any(|m| !m.rival);
        score.concerned = mentioned;
        let scopes = &self.matcher.scopes[t];
        let h_lo = self.hits.partition_point(|h| h.first < first);
        for h in h_lo..self.hits.len() {
            let hit = &self.hits[h];
            if hit.first >= last {
                break;
            }
            if hit.last > last || near.iter().any(|m| m.first < hit.last && hit.first < m.last) {
                continue;
            }
            if hit.kinds.iter().any(|k| matches!(k, Kind::Hedge)) {
                score.hedged = true;
            }
            let scoped = hit.kinds.iter().find_map(|k| match k {
                Kind::Stance { polarity, weight, scope: Some(s) } if scopes.contains(s) => Some(polarity * weight),
                _ => None,
            });
            let general = hit.kinds.iter().find_map(|k| match k {
                Kind::Stance { polarity, weight, scope: None } => Some(polarity * weight),
                _ => None,
            });
            let opinion = hit.kinds.iter().find_map(|k| match k {
                Kind::Opinion { polarity } => Some(polarity * OPINION),
                _ => None,
            });
            let mut value = if let Some(v) = scoped {
                score.concerned = true;
                v
            } else if let Some(v) = general.or(opinion) {
                // The nearest mention decides the distance and the side.
                let nearest = near
                    .iter()
                    .map(|m| {
                        let d = if m.last <= hit.first { hit.first - m.last } else { m.first.saturating_sub(hit.last) };
                        (d, m)
                    })
                    .min_by_key(|(d, m)| (*d, m.rival));
                match nearest {
                    Some((d, m)) => {
                        let proximity = if d <= 5 {
                            1.0
                        } else if d <= 12 {
                            0.75
                        } else {
                            0.5
                        };
                        let side = if m.rival { -0.8 } else { 1.0 };
                        v * proximity * side * m.strength.max(0.5)
                    }
                    None => v * UNMENTIONED,
                }
            } else {
                continue;
            };
            if self.negations(h, first) % 2 == 1 {
                value = -value;
            }
            if value > 0.0 {
                score.favor += value;
            } else {
                score.against -= value;
            }
            score.cues.push((hit.first, hit.last, value));
        }
        score
    }

    /// The words of the cues that decided `label`, joined.
    fn evidence(&self, score: &Score, label: StanceLabel) -> String {
        let wanted: fn(f32) -> bool = match label {
            StanceLabel::Favor => |v| v > 0.0,
            StanceLabel::Against => |v| v < 0.0,
            StanceLabel::None => |_| true,
        };
        let mut words: Vec<&str> = Vec::new();
        for &(first, last, value) in &score.cues {
            if !wanted(value) {
                continue;
            }
            let (Some(a), Some(b)) = (self.tokens.tokens.get(first), self.tokens.tokens.get(last.saturating_sub(1)))
            else {
                continue;
            };
            let phrase = Span::new(a.span.start, b.span.end).slice(self.text);
            if !words.contains(&phrase) {
                words.push(phrase);
            }
        }
        words.join("; ")
    }
}

/// The token range of a quote read with its sentences (so that the
/// attribution, "X refused to…", counts too).
fn quote_range(doc: &Document<'_>, scan: &Scan<'_>, quote: &Quote) -> (usize, usize) {
    let mut span = quote.span;
    if let Some(s) = doc.sentence_at(quote.span.start) {
        span.start = span.start.min(doc.sentences[s].span.start);
    }
    if let Some(s) = doc.sentence_at(quote.span.end.saturating_sub(1).max(quote.span.start)) {
        span.end = span.end.max(doc.sentences[s].span.end);
    }
    scan.tokens.range(span)
}

/// Labels each quote's stance toward each target it concerns (filling
/// [`Quote::stances`]) and aggregates them: one [`SpeakerStance`] per
/// (speaker, target) for every speaker with a quote concerning the target
/// (a confidence-weighted vote; NONE when the evidence conflicts or is
/// weak), and one document-level stance ([`Holder::Document`]) per target,
/// read from the text itself (boilerplate aside), quotes or not.
pub fn assess(
    doc: &Document<'_>,
    quotes: &mut [Quote],
    speakers: &[Speaker],
    targets: &[StanceTarget],
) -> Vec<SpeakerStance> {
    if targets.is_empty() {
        return Vec::new();
    }
    let scan = Scan::new(doc.text, targets);
    let mut out = Vec::new();

    // Quotes.
    for quote in quotes.iter_mut() {
        quote.stances.clear();
        let (first, last) = quote_range(doc, &scan, quote);
        for (t, target) in targets.iter().enumerate() {
            let score = scan.score(t, first, last);
            if !score.concerned {
                continue;
            }
            let (label, confidence) = score.decide(QUOTE_MIN, 0.6);
            quote.stances.push(QuoteStance {
                target: target.name.clone(),
                label,
                confidence,
                evidence: scan.evidence(&score, label),
            });
        }
    }

    // Speakers: a confidence-weighted vote over their quotes.
    for (s, speaker) in speakers.iter().enumerate() {
        let mut own: Vec<usize> = speaker.quotes.clone();
        own.extend(quotes.iter().enumerate().filter(|(_, q)| q.speaker == Some(s)).map(|(i, _)| i));
        own.sort_unstable();
        own.dedup();
        for target in targets {
            let mut votes: BTreeMap<u8, (f32, Vec<usize>)> = BTreeMap::new();
            for &q in &own {
                let Some(stance) = quotes.get(q).and_then(|q| q.stances.iter().find(|st| st.target == target.name))
                else {
                    continue;
                };
                let entry = votes.entry(label_key(stance.label)).or_default();
                entry.0 += stance.confidence;
                entry.1.push(q);
            }
            if votes.is_empty() {
                continue;
            }
            let favor = votes.get(&0).map_or(0.0, |v| v.0);
            let against = votes.get(&1).map_or(0.0, |v| v.0);
            let (label, confidence, evidence) = if favor.max(against) < SPEAKER_MIN
                || favor.min(against) > 0.5 * favor.max(against)
            {
                let mut all: Vec<usize> = votes.values().flat_map(|v| v.1.iter().copied()).collect();
                all.sort_unstable();
                (StanceLabel::None, 0.5, all)
            } else {
                let (label, key) = if favor > against { (StanceLabel::Favor, 0) } else { (StanceLabel::Against, 1) };
                let (win, lose) = if key == 0 { (favor, against) } else { (against, favor) };
                let count = votes.get(&key).map_or(1, |v| v.1.len().max(1)) as f32;
                let confidence = (win / count) * (win - lose) / win.max(f32::EPSILON);
                (label, confidence.clamp(0.05, 0.95), votes.remove(&key).map(|v| v.1).unwrap_or_default())
            };
            out.push(SpeakerStance {
                holder: Holder::Speaker(s),
                target: target.name.clone(),
                label,
                confidence,
                evidence,
            });
        }
    }

    // The document: every sentence of the article text.
    for (t, target) in targets.iter().enumerate() {
        let mut total = Score::default();
        for sentence in &doc.sentences {
            if doc.paragraphs.get(sentence.paragraph).is_some_and(|p| p.boilerplate) {
                continue;
            }
            let (first, last) = scan.tokens.range(sentence.span);
            total.add(&scan.score(t, first, last));
        }
        let (label, confidence) = total.decide(DOCUMENT_MIN, 0.85);
        let evidence = quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.stances.iter().any(|st| st.target == target.name && st.label == label))
            .map(|(i, _)| i)
            .collect();
        out.push(SpeakerStance { holder: Holder::Document, target: target.name.clone(), label, confidence, evidence });
    }
    out
}

fn label_key(label: StanceLabel) -> u8 {
    match label {
        StanceLabel::Favor => 0,
        StanceLabel::Against => 1,
        StanceLabel::None => 2,
    }
}
