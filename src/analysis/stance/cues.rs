//! The stance lexicons, compiled in and turned into one phrase matcher over
//! stem lines: stance cues, general opinion words, negators and shifters,
//! and hedges. See the header of each data file for its format.

use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

use super::text::{Phrases, Tokens, stem_phrase};
use crate::analysis::lexicon;

const STANCE_CUES: &str = include_str!("../lexicon/en/stance_cues.txt");
const OPINION: &str = include_str!("../lexicon/en/opinion.txt");
const NEGATORS: &str = include_str!("../lexicon/en/negators.txt");
const HEDGES: &str = include_str!("../lexicon/en/hedges.txt");
const INTENSIFIERS: &str = include_str!("../lexicon/en/intensifiers.txt");

/// What a lexicon phrase does.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    /// A stance cue (support, readiness, refusal…) that applies to a target
    /// mentioned near it, or, with `scope`, implies the named target even
    /// when it is not mentioned.
    Stance {
        /// +1 favour, -1 against.
        polarity: f32,
        /// Strength.
        weight: f32,
        /// The stem line of the target name the cue is specific to, if any.
        scope: Option<String>,
        /// Whether it also negates the cues that follow it in its clause.
        negates: bool,
        /// Whether it is an attitude verb whose object follows it.
        object: bool,
    },
    /// A general evaluative word (good, dangerous, benefit, harm…).
    Opinion {
        /// +1 positive, -1 negative.
        polarity: f32,
    },
    /// A word of doing harm: against its agent, for its victim.
    Harm,
    /// Flips the cues that follow within `window` tokens in its clause.
    Negator {
        /// How many tokens it reaches.
        window: usize,
    },
    /// Lowers confidence.
    Hedge,
    /// Strengthens the cue right after it.
    Intensifier,
}

/// One lexicon phrase found in a text.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    /// First token.
    pub(crate) first: usize,
    /// Token just past the phrase.
    pub(crate) last: usize,
    /// What the phrase does (one phrase may be, say, a cue specific to one
    /// target and a general opinion word for others).
    pub(crate) kinds: &'static [Kind],
}

struct Lexicon {
    phrases: Phrases,
    kinds: Vec<Vec<Kind>>,
}

fn parse_polarity(s: &str) -> Option<f32> {
    match s {
        "+" => Some(1.0),
        "-" => Some(-1.0),
        _ => None,
    }
}

fn build() -> Lexicon {
    // A phrase listed twice keeps both roles, in file order: stance cues,
    // opinion words, negators, hedges, intensifiers.
    let mut entries: Vec<(String, Kind)> = Vec::new();
    for row in lexicon::rows(STANCE_CUES) {
        let (Some(phrase), Some(polarity)) = (row.first(), row.get(1).and_then(|p| parse_polarity(p))) else {
            continue;
        };
        let weight = row.get(2).and_then(|w| w.parse().ok()).unwrap_or(1.0);
        let scope = row.get(3).filter(|s| **s != "*").map(|s| stem_phrase(s));
        let flags: Vec<&str> = row.get(4).map(|f| f.split(',').map(str::trim).collect()).unwrap_or_default();
        let (negates, object) = (flags.contains(&"negates"), flags.contains(&"object"));
        entries.push((phrase.to_string(), Kind::Stance { polarity, weight, scope, negates, object }));
    }
    for row in lexicon::rows(OPINION) {
        let (Some(group), Some(words)) = (row.first(), row.get(1)) else { continue };
        let kind = match (*group, parse_polarity(group)) {
            ("harm", _) => Kind::Harm,
            (_, Some(polarity)) => Kind::Opinion { polarity },
            _ => continue,
        };
        for word in words.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            entries.push((word.to_string(), kind.clone()));
        }
    }
    for row in lexicon::rows(NEGATORS) {
        let Some(phrase) = row.first() else { continue };
        let window = row.get(1).and_then(|w| w.parse().ok()).unwrap_or(3);
        entries.push((phrase.to_string(), Kind::Negator { window }));
    }
    for phrase in lexicon::entries(HEDGES) {
        entries.push((phrase.to_string(), Kind::Hedge));
    }
    for phrase in lexicon::entries(INTENSIFIERS) {
        entries.push((phrase.to_string(), Kind::Intensifier));
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut phrases = Phrases::default();
    let mut kinds: Vec<Vec<Kind>> = Vec::new();
    for (phrase, kind) in entries {
        let line = stem_phrase(&phrase);
        if line.is_empty() {
            continue;
        }
        match seen.get(&line) {
            Some(&i) => kinds[i].push(kind),
            None => {
                phrases.insert(&line, kinds.len() as u32);
                seen.insert(line, kinds.len());
                kinds.push(vec![kind]);
            }
        }
    }
    Lexicon { phrases, kinds }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(build);

/// Every lexicon phrase in `tokens`, in text order; a phrase inside a
/// longer phrase of the same kind family is dropped ("not" inside
/// "not only", "open" inside "open to").
pub(crate) fn find(tokens: &Tokens) -> Vec<Hit> {
    let lex = &*LEXICON;
    let mut hits: Vec<Hit> = Vec::new();
    lex.phrases.find(tokens, |value, first, last| {
        if let Some(kinds) = lex.kinds.get(value as usize) {
            hits.push(Hit { first, last, kinds });
        }
    });
    hits.sort_by_key(|h| (h.first, std::cmp::Reverse(h.last)));
    let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
    let mut cover_end = 0;
    for hit in hits {
        // Drop phrases inside a longer kept phrase (same start or nested).
        if hit.last <= cover_end {
            continue;
        }
        cover_end = cover_end.max(hit.last);
        kept.push(hit);
    }
    kept
}
