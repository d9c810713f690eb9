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
//!   `lexicon/en/hedges.txt`: hedges; `lexicon/en/intensifiers.txt`:
//!   intensifiers.
//!
//! A segment (a quote with its sentence, or a sentence of the document) is
//! scored per target over a stemmed token line, so one lexicon form covers
//! its inflections:
//!
//! - each cue adds its weight in its direction, flipped by an odd number of
//!   negators before it in its clause ("we do not rule out talks" is for,
//!   "not without hope" is hope); a negator's scope ends at the first cue,
//!   and refusal cues negate what follows ("refused to take part");
//! - a cue counts more next to a mention of the target, most when it
//!   governs it ("rejected the plan"), little when the mention is the
//!   subject of an attitude verb ("Germany wants…"), reversed next to a
//!   mention of the target's rival, and little in a sentence that does not
//!   mention the target; cues specific to a target count without a mention;
//! - words of doing harm speak against their agent and for their victim;
//! - what follows the last "but" / "however" counts more;
//! - intensifiers strengthen the next cue, hedges lower the confidence.
//!
//! Quotes are read with their sentence (so that the attribution counts),
//! speakers by a confidence-weighted vote over their quotes, the document
//! from all its sentences, boilerplate aside. Two Aho–Corasick matchers
//! (the lexicons, once; the targets, once per request) make it linear in
//! the text.

mod cues;
mod targets;
mod text;

use std::collections::BTreeMap;
use std::sync::LazyLock;

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

/// How much a general cue counts in a sentence that does not mention the
/// target, in a document that does (the sentence is likely on the topic).
const UNMENTIONED: f32 = 0.5;
/// The same in a document that never mentions the target.
const NEVER_MENTIONED: f32 = 0.3;
/// How much a positive opinion word counts against a stance cue.
const OPINION_POSITIVE: f32 = 0.3;
/// How much a negative opinion word counts (more: evaluative text leans
/// positive overall, so a negative word says more).
const OPINION_NEGATIVE: f32 = 0.75;
/// Cues weaker than this count fully only next to a mention of the target…
const WEAK: f32 = 0.7;
/// …and this much elsewhere (times the target's `opinion` option).
const WEAK_FAR: f32 = 0.5;
/// "Next to": at most this many tokens between cue and mention.
const NEXT_TO: usize = 5;
/// A rival mention must be this many tokens closer to a cue than a target
/// mention to take it.
const RIVAL_LEEWAY: usize = 6;
/// Weight of a stance cue right before the mention it governs ("rejected
/// the peace plan").
const GOVERNS: f32 = 1.3;
/// Weight of an attitude verb right after a mention that is its subject
/// ("Russia wants…").
const SUBJECT: f32 = 0.3;
/// Weight of cues after the last "but" / "however" of a segment…
const AFTER_CONTRAST: f32 = 1.3;
/// …and before it.
const BEFORE_CONTRAST: f32 = 0.8;
/// Prepositions and complementizers, stemmed like the text: a negator
/// before one does not reach a mention after it.
static NOT_NEGATED_ACROSS: LazyLock<Vec<String>> = LazyLock::new(|| {
    [include_str!("../lexicon/en/relative_prepositions.txt"), include_str!("../lexicon/en/complementizers.txt")]
        .into_iter()
        .flat_map(super::lexicon::entries)
        .map(text::stem)
        .collect()
});
/// Weight of a negated mention of the target ("will not negotiate").
const NEGATED_MENTION: f32 = 1.0;
/// Weight of a cue right after an intensifier ("strongly support").
const INTENSIFIED: f32 = 1.5;
/// Confidence factor for a hedged segment.
const HEDGED: f32 = 0.75;
/// Least total cue weight for a quote label.
const QUOTE_MIN: f32 = 0.4;
/// Least total cue weight for a document label.
const DOCUMENT_MIN: f32 = 0.15;
/// A document is NONE when its minority side reaches this share of the
/// majority side…
const DOCUMENT_CONFLICT: f32 = 0.95;
/// …falling to this share as the evidence grows from `SHORT_EVIDENCE` to
/// `LONG_EVIDENCE` (total cue weight).
const LONG_CONFLICT: f32 = 0.7;
/// Total cue weight up to which a document counts as short.
const SHORT_EVIDENCE: f32 = 4.0;
/// Total cue weight from which a document counts as long.
const LONG_EVIDENCE: f32 = 12.0;
/// Least total cue weight for a document that never mentions the target.
const NEVER_MENTIONED_MIN: f32 = 0.5;
/// A quote is NONE when its minority side reaches this share of the
/// majority side.
const QUOTE_CONFLICT: f32 = 0.6;
/// Least summed confidence for a speaker label.
const SPEAKER_MIN: f32 = 0.3;
/// A speaker is NONE when the confidence of their quotes on the minority
/// side reaches this share of the majority side.
const SPEAKER_CONFLICT: f32 = 0.5;

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
    matcher: std::sync::Arc<Matcher>,
}

impl<'a> Scan<'a> {
    fn new(text: &'a str, targets: &[StanceTarget]) -> Self {
        let tokens = Tokens::new(text, 0);
        let hits = cues::find(&tokens);
        let matcher = targets::compiled(targets);
        let mentions = matcher.find(&tokens);
        Self { text, tokens, hits, mentions, matcher }
    }

    /// Whether a token closes a clause for negation.
    fn is_break(&self, i: usize) -> bool {
        self.tokens.tokens.get(i).is_some_and(|t| t.boundary)
            || matches!(self.tokens.stem(i), "but" | "while" | "whereas")
    }

    /// How many negators reach hit `h` from before it in its clause. A
    /// negator's scope ends at the first cue after it ("not accept a
    /// dictated peace": only accepting is negated). Cues marked `negates`
    /// negate what follows them ("refused to take part").
    fn negations(&self, h: usize, first: usize) -> usize {
        let hit = &self.hits[h];
        let mut count = 0;
        for prev in self.hits[..h].iter().rev() {
            if prev.last > hit.first {
                continue;
            }
            let gap = hit.first - prev.last;
            if prev.first < first || gap > 8 || (prev.last..hit.first).any(|i| self.is_break(i)) {
                break;
            }
            let mut is_cue = false;
            let mut reach = 0;
            for kind in prev.kinds {
                match kind {
                    Kind::Negator { window } => reach = reach.max(*window),
                    Kind::Stance { negates: true, .. } => {
                        reach = reach.max(3);
                        is_cue = true;
                    }
                    Kind::Stance { .. } | Kind::Opinion { .. } | Kind::Harm => is_cue = true,
                    Kind::Hedge | Kind::Intensifier => {}
                }
            }
            if gap < reach {
                count += 1;
            }
            if is_cue {
                break;
            }
        }
        count
    }

    /// Whether tokens `[first, last)` concern target `t`: what
    /// [`Scan::score`] says in [`Score::concerned`], without weighing the
    /// cues.
    fn concerned(&self, t: usize, first: usize, last: usize) -> bool {
        let lo = self.mentions.partition_point(|m| m.first < first);
        let hi = self.mentions.partition_point(|m| m.first < last);
        let near: Vec<&Mention> = self.mentions[lo..hi].iter().filter(|m| m.target == t && m.last <= last).collect();
        if near.iter().any(|m| !m.rival) {
            return true;
        }
        let scopes = &self.matcher.scopes[t];
        let rival_scopes = &self.matcher.rival_scopes[t];
        let h_lo = self.hits.partition_point(|h| h.first < first);
        self.hits[h_lo..].iter().take_while(|hit| hit.first < last).any(|hit| {
            hit.last <= last
                && !around(&near, hit).iter().any(|m| m.first < hit.last && hit.first < m.last)
                && hit.kinds.iter().any(|k| {
                    matches!(k, Kind::Stance { scope: Some(s), .. } if scopes.contains(s) || rival_scopes.contains(s))
                })
        })
    }

    /// The evidence tokens `[first, last)` give on target `t`.
    fn score(&self, t: usize, first: usize, last: usize, unmentioned: f32) -> Score {
        let mut score = Score::default();
        let lo = self.mentions.partition_point(|m| m.first < first);
        let hi = self.mentions.partition_point(|m| m.first < last);
        let near: Vec<&Mention> = self.mentions[lo..hi].iter().filter(|m| m.target == t && m.last <= last).collect();
        let mentioned = near.iter().any(|m| !m.rival);
        score.concerned = mentioned;
        let scopes = &self.matcher.scopes[t];
        let rival_scopes = &self.matcher.rival_scopes[t];
        let opinion_scale = self.matcher.options.get(t).map_or(1.0, |o| o.opinion);
        // The last "but" / "however" of the segment: what follows it is the point.
        let contrast =
            (first..last).rev().find(|&i| matches!(self.tokens.stem(i), "but" | "howev" | "however" | "yet"));
        let h_lo = self.hits.partition_point(|h| h.first < first);
        for h in h_lo..self.hits.len() {
            let hit = &self.hits[h];
            if hit.first >= last {
                break;
            }
            // The mentions that may overlap or be nearest to the hit.
            let near = around(&near, hit);
            if hit.last > last || near.iter().any(|m| m.first < hit.last && hit.first < m.last) {
                continue;
            }
            if hit.kinds.iter().any(|k| matches!(k, Kind::Hedge)) {
                score.hedged = true;
            }
            let scoped = hit.kinds.iter().find_map(|k| match k {
                Kind::Stance { polarity, weight, scope: Some(s), .. } if scopes.contains(s) => Some(polarity * weight),
                Kind::Stance { polarity, weight, scope: Some(s), .. } if rival_scopes.contains(s) => {
                    Some(-polarity * weight)
                }
                _ => None,
            });
            let general = hit.kinds.iter().find_map(|k| match k {
                Kind::Stance { polarity, weight, scope: None, .. } => Some(polarity * weight),
                _ => None,
            });
            let object = hit.kinds.iter().any(|k| matches!(k, Kind::Stance { scope: None, object: true, .. }));
            let harm = hit.kinds.iter().any(|k| matches!(k, Kind::Harm));
            let opinion = hit.kinds.iter().find_map(|k| match k {
                Kind::Harm => Some(-OPINION_NEGATIVE * opinion_scale),
                Kind::Opinion { polarity } if *polarity > 0.0 => Some(OPINION_POSITIVE * opinion_scale),
                Kind::Opinion { .. } => Some(-OPINION_NEGATIVE * opinion_scale),
                _ => None,
            });
            let mut value = if let Some(v) = scoped {
                score.concerned = true;
                v
            } else if let Some(v) = harm.then(|| self.harm(hit, near)).flatten() {
                v * opinion_scale
            } else if let Some(v) = general.or(opinion) {
                // The nearest mention decides the distance and the side; a
                // target mention close by wins over a slightly closer rival
                // ("I support Russia, Ukraine and Israel").
                let distance = |m: &Mention| {
                    if m.last <= hit.first { hit.first - m.last } else { m.first.saturating_sub(hit.last) }
                };
                let nearest = near
                    .iter()
                    .map(|m| (distance(m) + if m.rival { RIVAL_LEEWAY } else { 0 }, m))
                    .min_by_key(|(d, m)| (*d, m.rival))
                    .map(|(_, m)| (distance(m), m));
                match nearest {
                    Some((d, m)) => {
                        let governs = general.is_some() && m.first >= hit.last && d <= 3;
                        let before = object && m.last <= hit.first && d <= 3;
                        // "X should be banned": a passive verb's subject is its object.
                        let passive = before && self.passive(hit.first);
                        let proximity = if governs || passive {
                            GOVERNS
                        } else if before {
                            SUBJECT
                        } else if d <= 5 {
                            1.0
                        } else if d <= 12 {
                            0.75
                        } else {
                            0.5
                        };
                        let side = if m.rival { -0.8 } else { 1.0 };
                        let weak = if v.abs() < WEAK && d > NEXT_TO { WEAK_FAR * opinion_scale } else { 1.0 };
                        v * proximity * side * m.strength.max(0.5) * weak
                    }
                    None if v.abs() < WEAK => v * unmentioned * WEAK_FAR * opinion_scale,
                    None => v * unmentioned,
                }
            } else {
                continue;
            };
            if value == 0.0 {
                continue;
            }
            if h > 0
                && self.hits[h - 1].kinds.contains(&Kind::Intensifier)
                && hit.first.saturating_sub(self.hits[h - 1].last) <= 1
                && self.hits[h - 1].first >= first
            {
                value *= INTENSIFIED;
            }
            if let Some(c) = contrast {
                value *= if hit.first > c { AFTER_CONTRAST } else { BEFORE_CONTRAST };
            }
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
        // "will not negotiate", "no talks": the target itself refused.
        for m in near.iter().filter(|m| !m.rival && m.first >= first) {
            let Some(negator) = self.negator_of(m.first, first) else { continue };
            let mut value = -NEGATED_MENTION;
            if let Some(c) = contrast {
                value *= if m.first > c { AFTER_CONTRAST } else { BEFORE_CONTRAST };
            }
            score.against -= value;
            score.cues.push((negator, m.last, value));
        }
        score
    }

    /// The first token of the negation of the mention starting at token
    /// `at`, if an odd number of plain negators reach it in its clause with
    /// no cue between ("will not negotiate", "no ceasefire talks"); a cue
    /// between takes the negation itself ("did not reject talks").
    fn negator_of(&self, at: usize, first: usize) -> Option<usize> {
        let before = self.hits.partition_point(|h| h.first < at);
        let mut count = 0;
        let mut earliest = None;
        for prev in self.hits[..before].iter().rev() {
            if prev.last > at {
                continue;
            }
            let gap = at - prev.last;
            if prev.first < first || gap > 8 || (prev.last..at).any(|i| self.is_break(i)) {
                break;
            }
            // "not on the table": what is negated is a place, not the talks;
            // "did not know that talks…": a verb with its own clause.
            if (prev.last..at).any(|i| NOT_NEGATED_ACROSS.iter().any(|p| p == self.tokens.stem(i))) {
                break;
            }
            if prev.kinds.iter().any(|k| matches!(k, Kind::Stance { .. } | Kind::Opinion { .. } | Kind::Harm)) {
                break;
            }
            let reach =
                prev.kinds.iter().fold(0, |r, k| if let Kind::Negator { window } = k { r.max(*window) } else { r });
            if gap < reach {
                count += 1;
                earliest = Some(prev.first);
            }
        }
        if count % 2 == 1 { earliest } else { None }
    }

    /// Whether the word at token `i` follows a form of "be" (skipping one
    /// adverb or negator): a passive participle.
    fn passive(&self, i: usize) -> bool {
        let is_be = |j: usize| {
            matches!(
                self.tokens.stem(j),
                "be" | "is" | "are" | "was" | "were" | "been" | "bee" | "being" | "get" | "got"
            )
        };
        (i >= 1 && is_be(i - 1)) || (i >= 2 && is_be(i - 2))
    }

    /// The value of a word of doing harm for the target whose mentions are
    /// `near`: against the agent (mentioned before it in its clause, or
    /// after it following "by"), for the victim (mentioned right after it);
    /// `None` when neither is found.
    fn harm(&self, hit: &Hit, near: &[&Mention]) -> Option<f32> {
        let clause_free = |a: usize, b: usize| !(a..b).any(|i| self.tokens.tokens.get(i).is_some_and(|t| t.boundary));
        let by_agent = near.iter().find(|m| {
            m.first >= hit.last && m.first - hit.last <= 3 && self.tokens.stem(m.first.wrapping_sub(1)) == "by"
        });
        let agent = by_agent.or_else(|| {
            near.iter()
                .filter(|m| m.last <= hit.first && hit.first - m.last <= 8 && clause_free(m.last, hit.first))
                .max_by_key(|m| m.last)
        });
        if let Some(m) = agent {
            return Some(if m.rival { 0.8 * OPINION_NEGATIVE } else { -OPINION_NEGATIVE });
        }
        let victim =
            near.iter().find(|m| m.first >= hit.last && m.first - hit.last <= 4 && clause_free(hit.last, m.first))?;
        Some(if victim.rival { -0.4 * OPINION_NEGATIVE } else { 0.5 * OPINION_NEGATIVE })
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
    // The sentence around the quote, at most CONTEXT_BYTES on each side: a
    // sentence that runs on for pages (no full stops) would make each of
    // its quotes read all of it.
    if let Some(s) = doc.sentence_at(quote.span.start) {
        span.start = span.start.min(doc.sentences[s].span.start.max(quote.span.start.saturating_sub(CONTEXT_BYTES)));
    }
    if let Some(s) = doc.sentence_at(quote.span.end.saturating_sub(1).max(quote.span.start)) {
        span.end = span.end.max(doc.sentences[s].span.end.min(quote.span.end.saturating_add(CONTEXT_BYTES)));
    }
    scan.tokens.range(span)
}

/// The mentions of `near` (in text order) next to `hit`, up to
/// [`NEAR_WINDOW`] on each side: the only ones that can overlap it or be
/// the nearest, so that a segment with many mentions and cues is read in
/// linear time.
fn around<'m>(near: &'m [&'m Mention], hit: &Hit) -> &'m [&'m Mention] {
    let at = near.partition_point(|m| m.first < hit.first);
    near.get(at.saturating_sub(NEAR_WINDOW)..(at + NEAR_WINDOW).min(near.len())).unwrap_or(&[])
}

/// See [`around`].
const NEAR_WINDOW: usize = 8;

/// How much of a quote's sentence, on each side of it, counts with it.
const CONTEXT_BYTES: usize = 1000;

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
            let score = scan.score(t, first, last, UNMENTIONED);
            if !score.concerned {
                continue;
            }
            let (label, confidence) = score.decide(QUOTE_MIN, QUOTE_CONFLICT);
            quote.stances.push(QuoteStance {
                target: target.name.clone(),
                label,
                confidence,
                evidence: scan.evidence(&score, label),
            });
        }
    }

    // Speakers: a confidence-weighted vote over their quotes.
    let mut by_speaker: Vec<Vec<usize>> = speakers.iter().map(|s| s.quotes.clone()).collect();
    for (i, quote) in quotes.iter().enumerate() {
        if let Some(own) = quote.speaker.and_then(|s| by_speaker.get_mut(s)) {
            own.push(i);
        }
    }
    for (s, own) in by_speaker.iter_mut().enumerate() {
        own.sort_unstable();
        own.dedup();
        for target in targets {
            let mut votes: BTreeMap<u8, (f32, Vec<usize>)> = BTreeMap::new();
            for &q in own.iter() {
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
                || favor.min(against) > SPEAKER_CONFLICT * favor.max(against)
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
    let ranges: Vec<(usize, usize)> = doc
        .sentences
        .iter()
        .filter(|s| !doc.paragraphs.get(s.paragraph).is_some_and(|p| p.boilerplate))
        .map(|s| scan.tokens.range(s.span))
        .collect();
    for (t, target) in targets.iter().enumerate() {
        let mentioned = ranges.iter().any(|&(first, last)| scan.concerned(t, first, last));
        let unmentioned = if mentioned { UNMENTIONED } else { NEVER_MENTIONED };
        let mut total = Score::default();
        for &(first, last) in &ranges {
            total.add(&scan.score(t, first, last, unmentioned));
        }
        // A long text piles up evidence on both sides: the more there is,
        // the clearer the majority must be.
        let weight = (total.favor + total.against - SHORT_EVIDENCE).max(0.0) / (LONG_EVIDENCE - SHORT_EVIDENCE);
        let conflict = DOCUMENT_CONFLICT - (DOCUMENT_CONFLICT - LONG_CONFLICT) * weight.min(1.0);
        let (label, confidence) = total.decide(if mentioned { DOCUMENT_MIN } else { NEVER_MENTIONED_MIN }, conflict);
        if tracing::enabled!(tracing::Level::DEBUG) {
            let cues: Vec<String> = total
                .cues
                .iter()
                .map(|&(first, last, value)| {
                    let phrase = scan
                        .evidence(&Score { cues: vec![(first, last, value)], ..Score::default() }, StanceLabel::None);
                    format!("{phrase}={value:.2}")
                })
                .collect();
            tracing::debug!(target = %target.name, favor = total.favor, against = total.against, cues = %cues.join(" "), "document stance");
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{QuoteKind, SpeakerKind};

    fn negotiations() -> Vec<StanceTarget> {
        default_targets().into_iter().filter(|t| t.name == "negotiations").collect()
    }

    /// The document-level label and confidence of `text` on the first target.
    fn document(text: &str, targets: &[StanceTarget]) -> (StanceLabel, f32) {
        let doc = Document::new(text);
        let out = assess(&doc, &mut [], &[], targets);
        out.iter().find(|s| s.holder == Holder::Document).map_or((StanceLabel::None, 0.0), |s| (s.label, s.confidence))
    }

    fn label(text: &str) -> StanceLabel {
        document(text, &negotiations()).0
    }

    /// A quote covering the whole of `part` in `text`, by speaker `speaker`.
    fn quote(text: &str, part: &str, speaker: usize) -> Quote {
        let start = text.find(part).unwrap_or(0);
        Quote {
            span: Span::new(start, start + part.len()),
            kind: QuoteKind::Direct,
            speaker: Some(speaker),
            cue: None,
            parts: Vec::new(),
            stances: Vec::new(),
        }
    }

    fn speaker(name: &str, quotes: Vec<usize>) -> Speaker {
        Speaker {
            name: name.into(),
            kind: SpeakerKind::Person,
            title: String::new(),
            affiliation: String::new(),
            mentions: Vec::new(),
            quotes,
        }
    }

    #[test]
    fn default_targets_include_negotiations() {
        let targets = negotiations();
        assert_eq!(targets.len(), 1);
        assert!(targets[0].keywords.iter().any(|k| k == "ceasefire"));
    }

    #[test]
    fn reads_support_and_refusal() {
        assert_eq!(
            label("We are ready to discuss an acceptable solution at the negotiating table."),
            StanceLabel::Favor
        );
        assert_eq!(label("Negotiations with Kyiv are effectively impossible, the Kremlin said."), StanceLabel::Against);
        assert_eq!(label("The delegation refused to participate in the talks."), StanceLabel::Against);
    }

    #[test]
    fn negation_flips_a_cue() {
        assert_eq!(label("We do not rule out a discussion about a ceasefire."), StanceLabel::Favor);
        assert_eq!(label("We are not ready for talks."), StanceLabel::Against);
    }

    #[test]
    fn a_negated_mention_is_refusal() {
        assert_eq!(label("We will not negotiate with terrorists."), StanceLabel::Against);
        assert_eq!(label("There will be no ceasefire talks."), StanceLabel::Against);
        assert_eq!(label("Moscow would never sign a peace agreement with Kyiv."), StanceLabel::Against);
        assert_eq!(label("There is no alternative to negotiations."), StanceLabel::Favor);
        // A cue between the negator and the mention takes the negation.
        assert_eq!(label("Kyiv accused Moscow of refusing to negotiate."), StanceLabel::Favor);
        assert_eq!(label("The delegation did not comment on the talks."), StanceLabel::None);
        assert_eq!(label("What is not on the table is the status of Crimea."), StanceLabel::None);
        assert_eq!(label("I did not know that talks were in Geneva."), StanceLabel::None);
    }

    #[test]
    fn double_negation_keeps_the_cue() {
        assert_eq!(label("On the peace talks, we are not without hope."), StanceLabel::Favor);
    }

    #[test]
    fn hedges_lower_confidence() {
        let (plain_label, plain) = document("Moscow is ready for talks.", &negotiations());
        let (hedged_label, hedged) = document("Moscow may perhaps be ready for talks.", &negotiations());
        assert_eq!((plain_label, hedged_label), (StanceLabel::Favor, StanceLabel::Favor));
        assert!(hedged < plain, "{hedged} >= {plain}");
    }

    #[test]
    fn reported_stance_counts() {
        assert_eq!(label("Zelensky has expressed reluctance to engage in talks."), StanceLabel::Against);
        assert_eq!(label("Kyiv accused Moscow of refusing to negotiate."), StanceLabel::Favor);
    }

    #[test]
    fn keyword_traps_are_none() {
        assert_eq!(label("Peace returned to the region after years of war."), StanceLabel::None);
        assert_eq!(label("The trade talks with China were productive."), StanceLabel::None);
        assert_eq!(label("Missiles struck the power grid overnight."), StanceLabel::None);
    }

    #[test]
    fn fighting_on_is_against_without_a_keyword() {
        assert_eq!(label("For us there is only victory, and we will fight to the end."), StanceLabel::Against);
    }

    #[test]
    fn a_request_target_with_keywords() {
        let targets = [StanceTarget { name: "the bridge".into(), keywords: vec!["bridge".into(), "crossing".into()] }];
        assert_eq!(document("Residents strongly support the new crossing.", &targets).0, StanceLabel::Favor);
        assert_eq!(document("The council rejected the bridge.", &targets).0, StanceLabel::Against);
        assert_eq!(document("The council rejected the budget.", &targets).0, StanceLabel::None);
    }

    #[test]
    fn a_request_target_without_keywords() {
        let targets = [StanceTarget { name: "marijuana legalization".into(), keywords: Vec::new() }];
        assert_eq!(document("We should legalize marijuana; it is a sensible reform.", &targets).0, StanceLabel::Favor);
        assert_eq!(
            document("Legalizing cannabis is dangerous and harmful for teenagers.", &targets).0,
            StanceLabel::Against
        );
        let unknown = [StanceTarget { name: "school uniforms".into(), keywords: Vec::new() }];
        assert_eq!(document("Uniforms are a terrible idea.", &unknown).0, StanceLabel::Against);
        let unknown = [StanceTarget { name: "bike lanes".into(), keywords: Vec::new() }];
        assert_eq!(document("I love the new bike lane on Main Street, it is great.", &unknown).0, StanceLabel::Favor);
        assert_eq!(document("The weather was nice.", &unknown).0, StanceLabel::None);
    }

    #[test]
    fn rivals_reverse_opinion() {
        let targets = [StanceTarget { name: "Ukraine".into(), keywords: Vec::new() }];
        assert_eq!(document("Russia is a terrorist state.", &targets).0, StanceLabel::Favor);
        let targets = [StanceTarget { name: "Russia".into(), keywords: Vec::new() }];
        assert_eq!(document("Russia is a terrorist state.", &targets).0, StanceLabel::Against);
    }

    #[test]
    fn labels_quotes_and_aggregates_per_speaker() {
        let text = "Peskov said: \"Negotiations are impossible.\" Putin said: \"We are ready for talks.\" \
                    Putin added: \"We reject any ceasefire.\" Erdogan said: \"We hope talks resume.\" \
                    Erdogan added: \"A ceasefire is essential.\" Erdogan spoke of the weather.";
        let doc = Document::new(text);
        let mut quotes = vec![
            quote(text, "Negotiations are impossible.", 0),
            quote(text, "We are ready for talks.", 1),
            quote(text, "We reject any ceasefire.", 1),
            quote(text, "We hope talks resume.", 2),
            quote(text, "A ceasefire is essential.", 2),
            quote(text, "the weather", 2),
        ];
        let speakers = [speaker("Peskov", vec![0]), speaker("Putin", vec![1, 2]), speaker("Erdogan", vec![3, 4, 5])];
        let out = assess(&doc, &mut quotes, &speakers, &negotiations());
        let labels: Vec<StanceLabel> =
            quotes.iter().map(|q| q.stances.first().map_or(StanceLabel::None, |s| s.label)).collect();
        assert_eq!(
            labels,
            [
                StanceLabel::Against,
                StanceLabel::Favor,
                StanceLabel::Against,
                StanceLabel::Favor,
                StanceLabel::Favor,
                StanceLabel::None
            ]
        );
        assert!(quotes[5].stances.is_empty(), "a quote not about the target gets no stance");
        assert_eq!(quotes[0].stances[0].evidence, "impossible");
        let of = |holder: Holder| out.iter().find(|s| s.holder == holder);
        let peskov = of(Holder::Speaker(0)).map(|s| (s.label, s.evidence.clone()));
        assert_eq!(peskov, Some((StanceLabel::Against, vec![0])));
        let putin = of(Holder::Speaker(1)).map(|s| s.label);
        assert_eq!(putin, Some(StanceLabel::None), "conflicting quotes give NONE");
        let erdogan = of(Holder::Speaker(2)).map(|s| (s.label, s.evidence.clone()));
        assert_eq!(erdogan, Some((StanceLabel::Favor, vec![3, 4])));
        let document = of(Holder::Document).map(|s| s.label);
        assert_eq!(document, Some(StanceLabel::Favor));
        assert_eq!(out.iter().filter(|s| s.holder == Holder::Document).count(), 1);
    }

    #[test]
    fn document_stance_without_quotes_and_without_targets() {
        assert_eq!(
            document("Both sides agreed to resume peace talks next week.", &negotiations()).0,
            StanceLabel::Favor
        );
        let doc = Document::new("Anything.");
        assert!(assess(&doc, &mut [], &[], &[]).is_empty());
    }

    #[test]
    fn parses_a_targets_file_with_owned_input() {
        let file = String::from("# comment\nbridge | bridge, crossing, !toll bridge\n");
        let parsed = parse_targets(&file).unwrap_or_default();
        assert_eq!(parsed.len(), 1);
        assert_eq!(parsed[0].keywords, ["bridge", "crossing", "!toll bridge"]);
    }

    /// The stances the seed articles call for, on their key sentences.
    #[test]
    fn seed_speakers() {
        let cases = [
            (
                "The goal of the ‘special military operation’ in Ukraine has been reiterated by President Vladimir \
                 Putin’s press secretary, Dmitry Peskov, who stated that negotiations with Kyiv are effectively impossible.",
                "negotiations with Kyiv are effectively impossible",
                "Dmitry Peskov",
                StanceLabel::Against,
            ),
            (
                "“We are not without hope,” Erdogan said of the possibility of a negotiated end to the conflict.",
                "We are not without hope,",
                "Recep Tayyip Erdogan",
                StanceLabel::Favor,
            ),
            (
                "“We are ready to discuss an acceptable solution with all those involved, but it is up to them,” Putin \
                 said in an interview broadcast on Rossiya-1 state television on Sunday.",
                "We are ready to discuss an acceptable solution with all those involved, but it is up to them,",
                "Vladimir Putin",
                StanceLabel::Favor,
            ),
        ];
        for (text, part, name, expected) in cases {
            let doc = Document::new(text);
            let mut quotes = vec![quote(text, part, 0)];
            let out = assess(&doc, &mut quotes, &[speaker(name, vec![0])], &negotiations());
            let quote_label = quotes[0].stances.first().map(|s| s.label);
            assert_eq!(quote_label, Some(expected), "{name}: quote");
            let speaker_label = out.iter().find(|s| s.holder == Holder::Speaker(0)).map(|s| s.label);
            assert_eq!(speaker_label, Some(expected), "{name}: speaker");
        }
    }

    #[test]
    fn attitude_verbs_read_toward_their_object() {
        let targets = [StanceTarget { name: "marijuana legalization".into(), keywords: Vec::new() }];
        assert_eq!(document("Marijuana should be banned.", &targets).0, StanceLabel::Against);
        let targets = [StanceTarget { name: "Germany".into(), keywords: Vec::new() }];
        let (_, as_subject) = document("Germany wants the euro.", &targets);
        let (label, as_object) = document("We want Germany in the team.", &targets);
        assert_eq!(label, StanceLabel::Favor);
        assert!(as_subject < as_object, "{as_subject} >= {as_object}");
    }

    #[test]
    fn harm_words_speak_against_the_agent_and_for_the_victim() {
        let russia = [StanceTarget { name: "Russia".into(), keywords: Vec::new() }];
        let kharkiv = [StanceTarget { name: "Kharkiv".into(), keywords: Vec::new() }];
        let text = "Russia shelled Kharkiv again.";
        assert_eq!(document(text, &russia).0, StanceLabel::Against);
        assert_eq!(document(text, &kharkiv).0, StanceLabel::Favor);
    }

    #[test]
    fn reducing_something_bad_is_good() {
        let targets = [StanceTarget { name: "solar panels".into(), keywords: Vec::new() }];
        assert_eq!(document("Solar panels reduce pollution.", &targets).0, StanceLabel::Favor);
    }

    #[test]
    fn odd_input_does_not_panic() {
        let targets = [
            StanceTarget { name: "Россия".into(), keywords: Vec::new() },
            StanceTarget { name: "’’ —".into(), keywords: vec!["!".into(), "~".into(), "talks".into()] },
        ];
        for text in ["", "’’’ — … !!", "Переговоры невозможны. 🙂 talks’", "not not not no", "a\n\n\nb"]
        {
            let doc = Document::new(text);
            let mut quotes = vec![
                Quote { span: Span::new(0, text.len() + 10), ..quote(text, "", 3) },
                Quote { span: Span::new(text.len(), text.len()), ..quote(text, "", 0) },
            ];
            let out = assess(&doc, &mut quotes, &[speaker("x", vec![7, 0])], &targets);
            assert_eq!(out.iter().filter(|s| s.holder == Holder::Document).count(), targets.len());
        }
    }

    #[test]
    fn intensifiers_raise_confidence() {
        let (_, plain) = document("We support the talks.", &negotiations());
        let (label, strong) = document("We strongly support the talks.", &negotiations());
        assert_eq!(label, StanceLabel::Favor);
        assert!(strong > plain, "{strong} <= {plain}");
    }

    #[test]
    fn a_long_document_with_evidence_on_both_sides_is_none() {
        let favor = "Kyiv is ready for talks and welcomes the ceasefire plan. ";
        let against = "Moscow rejected the talks and called the truce impossible. ";
        let text = format!("{}{}{}", favor.repeat(6), against.repeat(5), "The war goes on.");
        assert_eq!(label(&text), StanceLabel::None);
        assert_eq!(label(&format!("{favor}{against}{favor}")), StanceLabel::Favor);
    }
}
