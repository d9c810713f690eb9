//! Quotes: direct, indirect and mixed statements, each attributed to a
//! speaker entity (see [`super::speakers`]).
//!
//! The pipeline, linear in the text:
//! 1. `marks` pairs the quotation marks of every style (and dialogue
//!    dashes) into top-level quoted segments, following quotes over
//!    paragraphs and accepting a missing closing mark at a paragraph end.
//! 2. The text is cut into units (sentences, joined where a quote spans a
//!    sentence end), each tokenized once. Boilerplate is skipped; titles and
//!    captions are read for names only.
//! 3. Speech cues (`lexicon/en/speech_verbs.txt`) outside quotes are found;
//!    each gets its speaker phrase (before the verb, after it when inverted,
//!    after "according to", or the clause subject for "..., adding") and its
//!    content (after the verb, or before it for "..., X said"; both sides
//!    of a cue set off by commas, "A, he said, b", as two `parts`). Cues nested
//!    in another cue's content, passive and relative-clause cues are dropped.
//! 4. Content that is a quote becomes DIRECT (a quote split by its
//!    attribution is one quote listing its two `parts`),
//!    content with a quoted part MIXED, other content INDIRECT. Quotes with
//!    no cue continue the previous speaker's quote when they follow it
//!    closely; a short quoted phrase with no cue is a scare quote and dropped.
//! 5. Speaker phrases resolve to entities (names, descriptions, pronouns);
//!    entities with quotes become the speakers, with every mention.

pub(crate) mod marks;
pub(crate) mod tokens;

use foldhash::{HashMap, HashMapExt, HashSet};
use std::sync::LazyLock;

use marks::Segment;
use tokens::{Token, first_token, token_after, tokenize};

use super::speakers::{self, Registry};
use super::{Document, Quote, QuoteKind, Span, Speaker, SpeakerKind, lexicon};

/// The quotes of a document and the speakers they are attributed to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attribution {
    /// Quotes in text order.
    pub quotes: Vec<Quote>,
    /// Speakers; quotes refer to them by index.
    pub speakers: Vec<Speaker>,
}

/// Where a cue's speaker phrase stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Just before the verb ("Peskov said").
    Before,
    /// Just after the verb ("said Peskov").
    Inverted,
    /// After the cue phrase ("according to Peskov").
    Next,
    /// The subject of the clause, away from the verb ("Peskov met X and
    /// said", "Peskov met X, adding").
    Clause,
}

/// How a cue relates speaker and content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueClass {
    /// "X said (that) C", "C, X said".
    Say,
    /// "X told reporters (that) C".
    Tell,
    /// "according to X, C".
    Source,
    /// Like `Say`, but only with a document as the speaker: "C, the
    /// letter reads".
    Document,
    /// Like `Say`, but only with "as" after the verb's object: "X
    /// dismissed the remarks as “propaganda”" (not "X dismissed the
    /// minister"). Read as `Say` once the "as" is found.
    AsComplement,
    /// Like `Say`, but only right after the report it attributes, where a
    /// noun reading is ruled out: "C, reports Ukrinform." or "C, TASS
    /// reports." (not "media reports said").
    Trailing,
    /// Like `Say`, for a reported thought or wish: "the Kremlin believes
    /// C". Where a `Source` cue names a speaker, part of its content:
    /// "according to X, the Kremlin believes C" is X's report.
    Attitude,
    /// Like `Say`, but only without an object: right after the report
    /// ("C,” he concluded." / "C,” shouted Ellis."), or before a colon, a
    /// quote or "that". Elsewhere the verb takes a thing, not speech
    /// ("concluded a visit", "shouted slogans").
    Closing,
}

/// Cues by their first word: (all words, class), longest first.
/// A cue's words and class.
type CueEntry = (Vec<&'static str>, CueClass);

/// The languages (ISO 639-3, as detected) whose speech cues, complementizers
/// and inverted-speaker adjuncts have tables in `lexicon/<lang>/`: German,
/// Spanish, French, Russian and Ukrainian beside English.
pub(crate) const CUE_LANGUAGES: [&str; 6] = ["eng", "deu", "spa", "fra", "rus", "ukr"];

static CUES: LazyLock<HashMap<&'static str, Vec<CueEntry>>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<CueEntry>> = HashMap::new();
    // One table per language, read together: the cue words of different
    // languages do not collide, so a document needs no language to find
    // them.
    let tables = [
        include_str!("../lexicon/en/speech_verbs.txt"),
        include_str!("../lexicon/de/speech_verbs.txt"),
        include_str!("../lexicon/es/speech_verbs.txt"),
        include_str!("../lexicon/fr/speech_verbs.txt"),
        include_str!("../lexicon/ru/speech_verbs.txt"),
        include_str!("../lexicon/uk/speech_verbs.txt"),
    ];
    for row in tables.into_iter().flat_map(lexicon::rows) {
        let class = match row.get(1).copied() {
            Some("tell") => CueClass::Tell,
            Some("source") => CueClass::Source,
            Some("document") => CueClass::Document,
            Some("as") => CueClass::AsComplement,
            Some("trailing") => CueClass::Trailing,
            Some("attitude") => CueClass::Attitude,
            Some("closing") => CueClass::Closing,
            _ => CueClass::Say,
        };
        let words: Vec<&'static str> = row[0].split_whitespace().collect();
        if let Some(&first) = words.first() {
            map.entry(first).or_default().push((words, class));
        }
    }
    for list in map.values_mut() {
        list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }
    map
});

/// One bit per (length, first byte, last byte) of the cues' first words
/// (see [`cue_bit`]): a word whose bit is clear starts no cue, which is told
/// without hashing it.
static CUE_STARTS: LazyLock<[u64; 64]> = LazyLock::new(|| {
    let mut bits = [0; 64];
    for word in CUES.keys() {
        let bit = cue_bit(word);
        bits[bit / 64] |= 1 << (bit % 64);
    }
    bits
});

/// The bit of a word in [`CUE_STARTS`].
fn cue_bit(word: &str) -> usize {
    let b = word.as_bytes();
    let (first, last) = (b.first().copied().unwrap_or(0), b.last().copied().unwrap_or(0));
    ((u32::from(first) << 16 | u32::from(last) << 8 | b.len().min(255) as u32).wrapping_mul(0x9E37_79B1) >> 20) as usize
}

static ADDRESSEES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("../lexicon/en/addressees.txt")).collect());

static AUXILIARIES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("../lexicon/en/auxiliaries.txt")).collect());

/// How many modifiers may stand before the noun of a writer's aside ("a
/// thinly veiled swipe at").
const EDITORIAL_MODIFIERS: usize = 2;

/// How many skip words ("also", "later", "has") may stand between "and"
/// and a coordinated cue ("and also said").
const COORDINATED_SKIP: usize = 2;

static SKIP: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("../lexicon/en/skip_words.txt")).collect());

/// Verbs whose "to" infinitive of a speech verb is still the subject's
/// report ("continues to insist", "was quick to deny").
static CATENATIVES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("../lexicon/en/catenatives.txt")).collect());

/// Quantifiers between a plural subject and its verb ("Merkley and
/// Menendez all said").
static FLOATING_QUANTIFIERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("../lexicon/en/floating_quantifiers.txt")).collect());

/// Speech verbs whose "to" takes an object ("responded to the proposal").
static PREPOSITIONAL_CUES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("../lexicon/en/prepositional_cues.txt")).collect());

/// Words that open an introductory or parenthetical phrase ("In an
/// interview, ...", "..., speaking on Monday, ...") rather than content.
/// How far into a unit an introductory phrase may reach before a clause
/// subject, so that the cues of a long unit cost time linear in its length.
const INTRO_TOKENS: usize = 40;

/// How many cues back a participle looks for the speaker it continues
/// ("..., said Peskov, adding that ...").
const INHERIT_CUES: usize = 8;

/// How many cues after a cue in a relative-clause aside may be the main
/// verb of the aside's subject ("X, who asked not to be named, said"), so
/// that a unit's cues cost linear time.
const ASIDE_REACH: usize = 4;

static INTRO_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("../lexicon/en/intro_words.txt")).collect());

/// Verbs that show a capitalised word before them is a person acting.
static SUBJECT_VERBS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("../lexicon/en/subject_verbs.txt")).collect());

/// Words of adverbial phrases after a speech verb ("in a statement", "on
/// Monday", "last week") that are not the content.
static ADVERBIAL_STARTS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("../lexicon/en/adverbial_starts.txt")).collect());

/// Prepositions that may follow an inverted speaker phrase and start an
/// adjunct rather than a clause: "wrote Cameron Easley for Morning Consult",
/// "said Peskov to reporters".
static INVERTED_ADJUNCTS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        include_str!("../lexicon/en/inverted_adjuncts.txt"),
        include_str!("../lexicon/de/inverted_adjuncts.txt"),
        include_str!("../lexicon/es/inverted_adjuncts.txt"),
        include_str!("../lexicon/fr/inverted_adjuncts.txt"),
        include_str!("../lexicon/ru/inverted_adjuncts.txt"),
        include_str!("../lexicon/uk/inverted_adjuncts.txt"),
    ]
    .into_iter()
    .flat_map(lexicon::entries)
    .collect()
});

/// Words that open reported content after a cue ("said that", "sagte,
/// dass", "заявил, что"), of every language with a cue table.
static COMPLEMENTIZERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        include_str!("../lexicon/en/complementizers.txt"),
        include_str!("../lexicon/de/complementizers.txt"),
        include_str!("../lexicon/es/complementizers.txt"),
        include_str!("../lexicon/fr/complementizers.txt"),
        include_str!("../lexicon/ru/complementizers.txt"),
        include_str!("../lexicon/uk/complementizers.txt"),
    ]
    .into_iter()
    .flat_map(lexicon::entries)
    .collect()
});

/// Prepositions before a relative pronoun that make a speech cue in its
/// clause a full report ("an interview in which he said ..."), and that
/// open an adjunct between a cue and its "that" ("said in a statement that")
/// or between a subject and its verb ("Tusk in an interview said").
static RELATIVE_PREPOSITIONS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("../lexicon/en/relative_prepositions.txt")).collect());

/// Conjunctions that open a clause of their own ("..., while X responds").
const SUBORDINATORS: [&str; 10] =
    ["while", "whereas", "although", "though", "because", "since", "unless", "until", "if", "when"];

/// Conjunctions that join a speaker to another subject ("Neither the
/// Kremlin nor the State Department responded").
const COORDINATORS: [&str; 3] = ["and", "or", "nor"];

/// How many tokens the first of two coordinated subjects may have ("...,
/// White House and Republican sources said").
const CONJUNCT_TOKENS: usize = 8;

/// Participles between a document and its author ("a statement released
/// by the ministry").
const PUBLISHED: [&str; 8] = ["released", "issued", "published", "posted", "sent", "signed", "put", "distributed"];

/// How many paragraphs a quotation labelled "Quote:" may stand after the
/// report it continues.
const QUOTE_LABEL_REACH: usize = 3;

/// Verbs that report another's words with "as saying": "TASS quoted
/// Ushakov as saying", "RIA cited Ushakov as saying".
const QUOTING_VERBS: &[&str] = &["quoted", "quotes", "cited", "cites", "citing", "quoting"];

/// How many tokens after an `as`-complement cue its "as" may come.
const AS_REACH: usize = 8;

/// Nouns of a writer's aside after a report ("..., a claim that could not
/// be verified"); see `lexicon/en/editorial_nouns.txt`.
static EDITORIAL_NOUNS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("../lexicon/en/editorial_nouns.txt")).collect());

/// Participles that describe the speaking after a report ("..., speaking
/// after talks in London").
static SITUATION_PARTICIPLES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("../lexicon/en/situation_participles.txt")).collect());

/// What follows a cue that asks for anonymity ("asking not to be
/// identified"), each phrase as its words.
static ANONYMITY: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    lexicon::entries(include_str!("../lexicon/en/anonymity.txt")).map(|p| p.split_whitespace().collect()).collect()
});

/// How the speaker withholds more after "but" (`lexicon/en/withholding.txt`):
/// the refusals that need a verb of telling after them, those verbs, and
/// the refusals complete on their own, each phrase as its words.
struct Withholding {
    refusals: Vec<Vec<&'static str>>,
    verbs: HashSet<&'static str>,
    whole: Vec<Vec<&'static str>>,
}

static WITHHOLDING: LazyLock<Withholding> = LazyLock::new(|| {
    let mut w = Withholding { refusals: Vec::new(), verbs: HashSet::default(), whole: Vec::new() };
    for row in lexicon::rows(include_str!("../lexicon/en/withholding.txt")) {
        let words = || row[0].split_whitespace().collect::<Vec<_>>();
        match row.get(1).copied() {
            Some("refusal") => w.refusals.push(words()),
            Some("verb") => {
                w.verbs.insert(row[0]);
            }
            _ => w.whole.push(words()),
        }
    }
    w
});

/// How many tokens an adjunct between a subject and its verb may have
/// ("Tusk in an interview with Reuters said").
const ADJUNCT_TOKENS: usize = 10;

/// Up to this many speaker names are searched one by one; more go through
/// one automaton.
const NAME_SEARCHES: usize = 32;

/// Whether a lower-case word is a one-word speech verb ("said", "told"),
/// not a multi-word cue or a source phrase.
pub(crate) fn is_speech_verb(word: &str) -> bool {
    CUES.get(word)
        .is_some_and(|l| l.iter().any(|(w, c)| w.len() == 1 && *c != CueClass::Source && *c != CueClass::Document))
}

/// Whether a description names a role rather than a person: a titled
/// person ("the state's campaign chairman") or the head of an organisation
/// ("the state grid operator").
fn describes_role(d: &speakers::Mention) -> bool {
    !d.named
        && d.pronoun.is_none()
        && ((d.kind == SpeakerKind::Person && !d.title.is_empty())
            || (d.kind == SpeakerKind::Organization && speakers::is_organization_head(&d.head)))
}

/// Finds and attributes the quotes of a document.
pub fn extract(doc: &Document<'_>) -> Attribution {
    let segments = marks::scan(doc);
    let mut state = State {
        doc,
        text: doc.text,
        segments,
        registry: Registry::default(),
        drafts: Vec::new(),
        full_names: speakers::FullNames::default(),
    };
    state.run();
    state.finish()
}

#[derive(Debug, Clone)]
struct Draft {
    span: Span,
    kind: QuoteKind,
    speaker: Option<usize>,
    cue: Option<Span>,
    parts: Vec<Span>,
}

#[derive(Debug)]
struct State<'d, 't> {
    doc: &'d Document<'t>,
    text: &'t str,
    segments: Vec<Segment>,
    registry: Registry,
    drafts: Vec<Draft>,
    /// The names of two or three words the units give, for speakers
    /// quoted by a surname alone.
    full_names: speakers::FullNames,
}

/// A cue found in a unit, with what it attributes.
#[derive(Debug, Clone)]
struct Cue {
    /// Token range of the cue words.
    start: usize,
    end: usize,
    class: CueClass,
    /// Token range of the speaker phrase.
    speaker: Option<(usize, usize)>,
    entity: Option<usize>,
    inverted: bool,
    /// A passive cue with its agent after "by" ("were described by the two
    /// powers as ..."): the agent speaks.
    agent: bool,
}

impl<'t> State<'_, 't> {
    fn run(&mut self) {
        let units = self.units();
        let mut used = vec![false; self.segments.len()];
        let mut pending_colon: Option<(Option<usize>, Span)> = None;
        for (unit, title) in units {
            let toks = tokenize(self.text, unit);
            let names = speakers::name_words(self.text, &toks);
            self.collect_full_names(unit, &toks, &names);
            let in_seg = self.token_segments(&toks);
            for m in speakers::titled_names(self.text, &toks, &names, |i| in_seg[i].is_some()) {
                self.resolve(&m);
            }
            if title {
                if let Some(m) = speakers::phrase_after(self.text, &toks, 0)
                    .filter(|m| m.named && m.title.is_empty() && m.name.split_whitespace().count() >= 2)
                {
                    self.resolve(&m);
                }
                continue;
            }
            // A person the unit is about ("Araghchi set the tone") is a
            // candidate for later pronouns.
            let registrable = |m: &speakers::Mention| {
                // The verb after the name, past a parenthesis ("Trump,
                // campaigning in Ohio, fired back"), adverbs and auxiliaries
                // ("Anderson largely agreed", "Smith has also said").
                let Some(mut next) = self.past_parenthesis(&toks, token_after(&toks, m.span)) else {
                    return false;
                };
                for _ in 0..3 {
                    match toks.get(next) {
                        Some(t) if t.word && self.is_adverb_or_auxiliary(t) => next += 1,
                        _ => break,
                    }
                }
                let verb = toks.get(next).is_some_and(|t| {
                    let w = self.lower(t);
                    w.ends_with("ed") || SUBJECT_VERBS.contains(w.as_str())
                });
                m.named
                    && self
                        .text
                        .get(m.span.start..m.span.end)
                        .is_some_and(|s| s.starts_with(&m.title) || m.title.is_empty())
                    && !m.span.slice(self.text).to_lowercase().starts_with("the ")
                    && (m.name.split_whitespace().count() >= 2 || verb)
            };
            // "Her neighbour, Serhiy, disagrees": a name in apposition to a
            // person's description is a person, whatever verb follows.
            let subject = self.unit_subject(&toks).map(|m| {
                let comma_next = toks.get(token_after(&toks, m.span)).is_some_and(|t| t.span.slice(self.text) == ",");
                if m.named || !comma_next {
                    return (false, m);
                }
                let m = self.named_after_description(&toks, m);
                (m.named, m)
            });
            if let Some((_, m)) =
                subject.filter(|(apposed, m)| (*apposed || registrable(m)) && in_seg.first() == Some(&None))
            {
                self.resolve(&m);
            }
            let cues = self.find_cues(&toks, &in_seg);
            let starting_segment = in_seg.first().copied().flatten();
            match (pending_colon.take(), starting_segment) {
                (Some((entity, cue)), Some(seg)) if !used[seg] => {
                    used[seg] = true;
                    self.push_direct(seg, entity, Some(cue));
                }
                (Some((entity, cue)), None) => {
                    if let Some(block) = self.block_quotation(unit, cue) {
                        self.push(Draft {
                            span: block,
                            kind: QuoteKind::Indirect,
                            speaker: entity,
                            cue: Some(cue),
                            parts: Vec::new(),
                        });
                    }
                }
                _ => {}
            }
            for k in 0..cues.len() {
                let cue = &cues[k];
                // (A trailing report with no entity was dropped for another
                // cue of its sentence; it only bounds that cue's content.)
                if cue.entity.is_none() && (cue.speaker.is_none() || cue.class == CueClass::Trailing) {
                    continue;
                }
                // An "it" or "they" with nothing to refer to is rarely a speaker.
                let vague = cue.entity.is_none()
                    && cue
                        .speaker
                        .is_some_and(|(s, e)| s == e && matches!(self.lower(&toks[s]).as_str(), "it" | "they"))
                    && !matches!(
                        self.lower(&toks[cue.start]).as_str(),
                        "said" | "says" | "say" | "told" | "tells" | "added" | "adds"
                    );
                if vague {
                    continue;
                }
                self.attribute(&toks, &in_seg, &cues, k, &mut used, &mut pending_colon);
            }
            self.colon_introduced(&toks, &in_seg, &cues, &mut used);
        }
        // Quotes no cue claimed: continue the previous speaker's quote, or
        // stand alone when they read as speech.
        let mut before: Vec<(usize, Option<usize>, usize)> =
            self.drafts.iter().map(|d| (d.span.end, d.speaker, d.span.start)).collect();
        before.sort_unstable();
        let mut next = 0;
        let mut last: Option<(usize, Option<usize>, usize)> = None;
        for (si, &is_used) in used.iter().enumerate() {
            let seg = self.segments[si];
            while next < before.len() && before[next].0 <= seg.outer.start {
                if last.is_none_or(|l| l.0 <= before[next].0) {
                    last = Some(before[next]);
                }
                next += 1;
            }
            if is_used || !self.standalone(&seg) || self.in_title(seg.outer.start) {
                continue;
            }
            let words = seg.inner.slice(self.text).split_whitespace().count();
            let para = self.doc.paragraph_at(seg.outer.start);
            // "Quote: “...”" (a label some outlets put before the quotation
            // of the speaker their lead reports): the label says it goes on
            // the report a few paragraphs up ("Source: ..." between them).
            let labelled = || {
                para.and_then(|p| self.doc.paragraphs.get(p)).is_some_and(|p| {
                    self.text.get(p.span.start..seg.outer.start).is_some_and(|label| {
                        label.trim().strip_suffix(':').is_some_and(|l| l.trim().eq_ignore_ascii_case("quote"))
                    })
                })
            };
            // A sentence of its own in the same paragraph goes on however
            // short ("“I think we're close,” Witkoff said. “Very close.”").
            let sentence = seg.inner.slice(self.text).ends_with(['.', '!', '?']);
            let follows = last.and_then(|(_, speaker, start)| {
                let reach = if labelled() { QUOTE_LABEL_REACH } else { 1 };
                let near = self.doc.paragraph_at(start).zip(para).is_some_and(|(a, b)| b <= a + reach);
                let same_paragraph = self.doc.paragraph_at(start) == para;
                speaker.filter(|_| near && (words >= 3 || (same_paragraph && sentence)))
            });
            let pushed = if follows.is_some() || (words >= 6 && !seg.unclosed) {
                self.push_direct(si, follows, None)
            } else {
                None
            };
            if let Some(d) = pushed {
                last = Some((self.drafts[d].span.end, follows, self.drafts[d].span.start));
            }
        }
    }

    /// "Prime Minister Donald Tusk: “We support ...”", "His wife, Anna,
    /// disagreed: “...”": a quotation right after a colon, in a clause with
    /// no speech verb before it, belongs to the person the clause opens
    /// with: a titled or full name, or the subject of a short clause.
    fn colon_introduced(&mut self, toks: &[Token], in_seg: &[Option<usize>], cues: &[Cue], used: &mut [bool]) {
        let Some(colon) = toks.iter().position(|t| t.span.slice(self.text) == ":") else { return };
        let Some(seg) = toks.get(colon + 1).and_then(|_| in_seg[colon + 1]) else { return };
        let short = colon <= 12;
        if used[seg] || colon == 0 || !short || in_seg[..colon].iter().any(Option::is_some) {
            return;
        }
        if cues.iter().any(|c| c.start < colon) {
            return;
        }
        // A headline in title case ("... CEO: ‘You Should Be Criminally
        // Investigated.’") is not read this way.
        let quoted = self.segments[seg].inner.slice(self.text);
        let long_words: Vec<&str> = quoted.split_whitespace().filter(|w| w.chars().count() >= 4).collect();
        if long_words.len() >= 3 && long_words.iter().all(|w| w.starts_with(char::is_uppercase)) {
            return;
        }
        let person = |m: &speakers::Mention| {
            m.kind == SpeakerKind::Person
                && m.pronoun.is_none()
                && (m.named || !m.title.is_empty())
                && m.name.split_whitespace().count() <= 4
        };
        // The whole clause is the name ("Tusk:" alone is too often a label).
        let label = speakers::phrase_before(self.text, toks, colon - 1).filter(|m| {
            first_token(toks, m.span) == 0
                && person(m)
                && (m.name.split_whitespace().count() >= 2 || !m.title.is_empty())
        });
        let subject = || {
            let m = self.unit_subject(toks)?;
            let next = token_after(toks, m.span);
            (next < colon && toks.get(next).is_some_and(|t| t.word) && m.named && person(&m)).then_some(m)
        };
        // "His wife, Anna, disagreed: “...”": the name in apposition.
        let apposition = || {
            let comma = (1..colon).rev().find(|&k| toks[k].span.slice(self.text) == ",")?;
            self.named_apposition(toks, in_seg, comma).filter(person)
        };
        let Some(m) = label.or_else(subject).or_else(apposition) else { return };
        let entity = self.resolve(&m);
        used[seg] = true;
        self.push_direct(seg, entity, None);
    }

    /// The first token after a wire-copy dateline that opens the content
    /// ("Feb 10 (Reuters) - ", "KYIV, Ukraine (AP) — "): capitalised words,
    /// numbers, commas and a parenthesised agency, then a dash; `lo` when
    /// there is none. Tokens inside quotation marks (`in_seg`, when known)
    /// are never a dateline.
    fn past_dateline(&self, toks: &[Token], in_seg: Option<&[Option<usize>]>, lo: usize, hi: usize) -> usize {
        let opens_paragraph = toks.get(lo).is_some_and(|t| {
            self.doc.paragraph_at(t.span.start).and_then(|p| self.doc.paragraphs.get(p)).map(|p| p.span.start)
                == Some(t.span.start)
        });
        if !opens_paragraph {
            return lo;
        }
        let mut agency_or_caps = false;
        for k in lo..hi.min(lo + 12) {
            let t = &toks[k];
            let s = t.span.slice(self.text);
            if in_seg.is_some_and(|in_seg| in_seg[k].is_some()) {
                return lo;
            }
            if self.is_dash(toks, k) {
                return if agency_or_caps && k > lo { k + 1 } else { lo };
            }
            let caps = t.word && s.len() > 1 && s.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
            let agency = t.cap && k > lo && toks[k - 1].span.slice(self.text) == "(";
            agency_or_caps |= caps || agency;
            // "TEHRAN/WASHINGTON, June 3 (Reuters) -": two places.
            let fits = t.cap || s.chars().all(|c| c.is_ascii_digit()) || matches!(s, "," | "(" | ")" | "." | "/");
            if !fits {
                return lo;
            }
        }
        lo
    }

    /// At a "quoted" or "cited" (token `i`) that goes on "... as saying"
    /// within the clause ("quoted by the TASS news agency as saying", "cited
    /// Ushakov as saying"): the token just past "saying".
    fn quoted_as_saying(&self, toks: &[Token], in_seg: &[Option<usize>], i: usize) -> Option<usize> {
        if in_seg[i].is_some() || !self.is_quoting_verb(toks, i) {
            return None;
        }
        // Past an apposition: "quoted Yuri Ushakov, Putin's aide, as saying".
        let as_at = (i + 1..toks.len().min(i + 14))
            .take_while(|&k| (toks[k].word || toks[k].span.slice(self.text) == ",") && in_seg[k].is_none())
            .find(|&k| self.word_is(toks, k, "as"))?;
        let verb = toks.get(as_at + 1).filter(|_| in_seg.get(as_at + 1) == Some(&None))?;
        matches!(self.lower(verb).as_str(), "saying" | "telling" | "stating" | "adding" | "warning")
            .then_some(as_at + 2)
    }

    /// Whether token `i` opens reported content ("that", "dass", "что").
    fn is_complementizer(&self, toks: &[Token], i: usize) -> bool {
        toks.get(i).is_some_and(|t| t.word && COMPLEMENTIZERS.contains(self.lower(t).as_str()))
    }

    /// Whether token `i` is a verb that puts words in another's mouth with
    /// "as saying" ("quoted", "cited").
    #[inline]
    fn is_quoting_verb(&self, toks: &[Token], i: usize) -> bool {
        // Asked at every token: the length and first letter rule out most
        // words before any lower-casing.
        toks.get(i).is_some_and(|t| {
            (5..=7).contains(&(t.span.end - t.span.start))
                && matches!(self.text.as_bytes().get(t.span.start), Some(b'q' | b'c' | b'Q' | b'C'))
                && QUOTING_VERBS.contains(&self.lower(t).as_str())
        })
    }

    /// Whether token `i` is a dash (em, en or hyphen standing alone).
    fn is_dash(&self, toks: &[Token], i: usize) -> bool {
        toks.get(i).is_some_and(|t| matches!(t.span.slice(self.text), "—" | "–" | "-"))
    }

    /// Whether a noun phrase ends just before token `end`: a determiner
    /// and up to three plain lower-case words ("the international order",
    /// not "said", "told reporters").
    fn noun_phrase_ends_at(&self, toks: &[Token], end: usize) -> bool {
        (end.saturating_sub(4)..end.saturating_sub(1)).any(|d| {
            speakers::determiner_at(self.text, &toks[d])
                && (d + 1..end).all(|k| {
                    let w = self.lower(&toks[k]);
                    toks[k].word && !toks[k].cap && !is_speech_verb(&w) && !AUXILIARIES.contains(w.as_str())
                })
        })
    }

    /// Whether the "that" at token `i`, in content starting at token `a`,
    /// opens a relative clause on a noun phrase that a verb of the content
    /// governs: "said Iran supported a deal that respected ...". A noun
    /// phrase right after the cue or a preposition leaves it a
    /// complementizer ("told the committee that", "said in a statement
    /// that", "said from day one of the conflict that").
    fn relative_that(&self, toks: &[Token], a: usize, i: usize) -> bool {
        let preposition = |w: &str| {
            RELATIVE_PREPOSITIONS.contains(w) || matches!(w, "of" | "to" | "about" | "into" | "over" | "against")
        };
        self.word_is(toks, i, "that")
            && (i.saturating_sub(4).max(a + 1)..i.saturating_sub(1)).any(|d| {
                let before = self.lower(&toks[d - 1]);
                speakers::determiner_at(self.text, &toks[d])
                    && toks[d - 1].word
                    && !toks[d - 1].cap
                    && !preposition(&before)
                    && !is_speech_verb(&before)
                    && (d + 1..i).all(|k| {
                        let w = self.lower(&toks[k]);
                        toks[k].word
                            && !toks[k].cap
                            && !preposition(&w)
                            && !is_speech_verb(&w)
                            && !AUXILIARIES.contains(w.as_str())
                    })
            })
    }

    /// Whether the cue at `verb` is a purpose infinitive whose subject is
    /// the clause's: "took to Twitter to accuse", "went on television to
    /// blame" (not "declined to comment", "wants to say").
    fn purpose_infinitive(&self, toks: &[Token], verb: usize) -> bool {
        if verb < 3 || !self.word_is(toks, verb - 1, "to") {
            return false;
        }
        // Past one adverb ("took to Twitter overnight to accuse").
        let mut k = verb - 2;
        if k >= 2 && self.is_adverb_or_auxiliary(&toks[k]) {
            k -= 1;
        }
        let object = &toks[k];
        let before = self.lower(&toks[k - 1]);
        // "urged Putin to declare", "called on Kyiv to accept": the object
        // of a speech verb and what it was urged to do, not a purpose.
        object.word
            && !self.speech_cue_ends_at(toks, k)
            && (object.cap
                || speakers::determiner_at(self.text, &toks[k - 1])
                || matches!(before.as_str(), "on" | "in" | "at" | "his" | "her" | "its" | "their"))
    }

    /// Whether the cue at `verb` is the "to" infinitive of a verb that
    /// leaves it the subject's report ("continues to insist").
    fn after_catenative(&self, toks: &[Token], verb: usize) -> bool {
        verb >= 2 && self.word_is(toks, verb - 1, "to") && CATENATIVES.contains(self.lower(&toks[verb - 2]).as_str())
    }

    /// Whether the word at `i` is a noun by what stands before it: an
    /// article or a possessive pronoun ("the call", "their claims"), or
    /// "a"/"an" and a lower-case word before a base form, which a singular
    /// subject does not take ("a video call"; not "a spokesman says").
    fn noun_after_determiner(&self, toks: &[Token], i: usize) -> bool {
        let determines = |k: usize| {
            matches!(
                self.lower(&toks[k]).as_str(),
                "a" | "an" | "the" | "his" | "her" | "its" | "their" | "our" | "my" | "your"
            )
        };
        let indefinite = |k: usize| matches!(self.lower(&toks[k]).as_str(), "a" | "an");
        // A base form: the cue table lists its "-s" form too ("call", not
        // "said").
        let base_form = || CUES.contains_key(format!("{}s", self.lower(&toks[i]).as_str()).as_str());
        (i >= 1 && toks[i - 1].word && determines(i - 1))
            || (i >= 2 && indefinite(i - 2) && toks[i - 1].word && !toks[i - 1].cap && base_form())
    }

    /// Whether the "-ing" word at `i` is a progressive after a form of "be"
    /// ("is calling", "had been warning", "was also saying").
    fn is_progressive(&self, toks: &[Token], i: usize) -> bool {
        let be_at = |k: usize| self.is_form_of_be(&toks[k]);
        self.lower(&toks[i]).ends_with("ing")
            && ((i >= 1 && be_at(i - 1)) || (i >= 2 && be_at(i - 2) && self.is_adverb_or_auxiliary(&toks[i - 1])))
    }

    /// Whether the speaker phrase at token `speaker` opens an "as" clause
    /// at the start of a sentence or after a comma ("As Peskov noted, ...").
    fn opens_as_clause(&self, toks: &[Token], speaker: usize) -> bool {
        let opens_clause =
            |k: usize| k == 0 || matches!(toks[k - 1].span.slice(self.text), "," | ";" | ":" | "—" | "–");
        // "As the head of the delegation, Vladimir Medinsky, stated, ...":
        // a name in apposition to the description that opens the clause.
        const DESCRIPTION_TOKENS: usize = 12;
        let described = || {
            let comma = speaker.checked_sub(1).filter(|&c| toks[c].span.slice(self.text) == ",")?;
            (comma.saturating_sub(DESCRIPTION_TOKENS)..comma)
                .rev()
                .take_while(|&k| toks[k].word)
                .find(|&k| self.word_is(toks, k, "as") && opens_clause(k))
        };
        (speaker >= 1 && self.word_is(toks, speaker - 1, "as") && opens_clause(speaker - 1)) || described().is_some()
    }

    /// Whether the cue word at `i` follows a comma and comes before its
    /// capitalised speaker (", reports Ukrinform"), or follows a comma and
    /// its capitalised speaker and ends the clause (", TASS reports.").
    fn trails_report(&self, toks: &[Token], in_seg: &[Option<usize>], i: usize) -> bool {
        let comma = |k: usize| in_seg[k].is_none() && toks[k].span.slice(self.text) == ",";
        let capital = |k: usize| toks.get(k).is_some_and(|t| t.word && t.cap && in_seg[k].is_none());
        if i >= 1 && comma(i - 1) {
            return capital(i + 1) || (self.word_is(toks, i + 1, "the") && capital(i + 2));
        }
        let ends_clause = toks.get(i + 1).is_none_or(|t| !t.word && in_seg[i + 1].is_none());
        let name_start = (i.saturating_sub(4)..i).rev().take_while(|&k| capital(k)).last();
        ends_clause
            && name_start.is_some_and(|start| {
                let start = if start >= 1 && self.word_is(toks, start - 1, "the") { start - 1 } else { start };
                start >= 1 && comma(start - 1)
            })
    }

    /// Whether the cue at tokens `[i, end)` takes no object: a quote, a
    /// comma or a closing mark comes right before it (the report before,
    /// the speaker after: "C,” shouted Ellis."), or right after it comes
    /// punctuation, a quote or "that" ("C,” he concluded." / "He
    /// concluded: “C”" / "concluded that C").
    fn has_no_object(&self, toks: &[Token], in_seg: &[Option<usize>], i: usize, end: usize) -> bool {
        // After a comma, only with no object after it (", concluded Ellis.",
        // not "Travelers's group, which ..., posted earnings").
        let after_report = i >= 1 && {
            let before = toks[i - 1].span.slice(self.text);
            let object = toks.get(end).is_some_and(|t| t.word && !t.cap && in_seg[end].is_none());
            in_seg[i - 1].is_some()
                || (before == "," && !object)
                || before.chars().next().is_some_and(tokens::is_quote_mark_strict)
        };
        // Past a prepositional adjunct: "posted on Truth Social that",
        // "“...,” Trump posted on Truth Social."
        const ADJUNCT_TOKENS: usize = 6;
        let mut next = end;
        if toks.get(end).is_some_and(|t| RELATIVE_PREPOSITIONS.contains(self.lower(t).as_str())) {
            next = (end + 1..toks.len().min(end + ADJUNCT_TOKENS))
                .find(|&k| in_seg[k].is_some() || !toks[k].word || self.word_is(toks, k, "that"))
                .unwrap_or(toks.len().min(end + ADJUNCT_TOKENS));
        }
        let next_is_clause_end = match toks.get(next) {
            None => true,
            Some(t) => in_seg[next].is_some() || !t.word || self.word_is(toks, next, "that"),
        };
        after_report || next_is_clause_end
    }

    /// Whether a speech cue of one to three words ("urged", "called on")
    /// ends right before token `end`.
    fn speech_cue_ends_at(&self, toks: &[Token], end: usize) -> bool {
        (1..=3.min(end)).any(|n| {
            let first = end - n;
            CUES.get(self.lower(&toks[first]).as_str()).is_some_and(|list| {
                list.iter().any(|(words, class)| {
                    words.len() == n
                        && !matches!(class, CueClass::Source | CueClass::Document)
                        && words.iter().zip(&toks[first..end]).all(|(w, t)| self.lower(t) == *w)
                })
            })
        })
    }

    /// Whether a word may stand between a subject and its verb: a word of
    /// `lexicon/en/skip_words.txt` or an adverb in "-ly".
    fn is_adverb_or_auxiliary(&self, t: &Token) -> bool {
        let w = self.lower(t);
        SKIP.contains(w.as_str()) || (w.len() > 4 && w.ends_with("ly"))
    }

    /// Resolves a mention to an entity (see [`Registry::resolve`]). A
    /// person first met by a surname alone takes the gender of the given
    /// names the document put before it ("Clinton" after "Hillary
    /// Clinton"), so that "the businessman" or "he" later passes her by.
    fn resolve(&mut self, m: &speakers::Mention) -> Option<usize> {
        let owned = speakers::owner_gender(self.text, m).and_then(|gender| self.registry.owned(gender, m));
        let m = owned.as_ref().unwrap_or(m);
        let known = self.registry.entities.len();
        let id = self.registry.resolve(m)?;
        if id >= known
            && m.named
            && m.kind == SpeakerKind::Person
            && !m.name.contains(char::is_whitespace)
            && let Some(gender) = self.full_names.gender_of_surname(self.text, &m.name)
        {
            self.registry.take_gender(id, gender);
        }
        Some(id)
    }

    /// Notes the full names of each sentence in `unit` (tokens `toks`, their
    /// name words `names`), read sentence by sentence so that a name first
    /// in its sentence is known as such.
    fn collect_full_names(&mut self, unit: Span, toks: &[Token], names: &[bool]) {
        let sentences = &self.doc.sentences;
        let first = sentences.partition_point(|s| s.span.start < unit.start);
        for s in sentences.get(first..).unwrap_or_default().iter().take_while(|s| s.span.end <= unit.end) {
            let from = first_token(toks, s.span);
            let to = token_after(toks, s.span);
            let to = to.max(from);
            self.full_names.collect(
                self.text,
                toks.get(from..to).unwrap_or_default(),
                names.get(from..to).unwrap_or_default(),
            );
        }
    }

    /// Units of analysis: sentences, joined while a quote runs across their
    /// boundary.
    fn units(&self) -> Vec<(Span, bool)> {
        let mut units: Vec<(Span, bool)> = Vec::new();
        let mut seg = 0;
        let mut last_para = usize::MAX;
        for s in &self.doc.sentences {
            let Some(paragraph) = self.doc.paragraphs.get(s.paragraph).filter(|p| !p.boilerplate) else {
                continue;
            };
            if self.title_like(paragraph.span) {
                // Titles are read for names only.
                if last_para != s.paragraph {
                    units.push((paragraph.span, true));
                }
                last_para = s.paragraph;
                continue;
            }
            while seg < self.segments.len() && self.segments[seg].outer.end <= s.span.start {
                seg += 1;
            }
            let joined = units.last_mut().filter(|(u, title)| {
                let spans_boundary =
                    self.segments.get(seg).is_some_and(|g| g.outer.start < u.end && g.outer.end > u.end)
                        && (s.paragraph == last_para || self.segments[seg].multi_paragraph);
                // “... votes?” Trump said. One sentence the splitter cut after
                // the question mark.
                let attributes_quote = s.paragraph == last_para
                    && self.ends_with_quote_question(*u)
                    && self.opens_with_attribution(s.span);
                !title && (spans_boundary || attributes_quote)
            });
            if let Some((u, _)) = joined {
                u.end = s.span.end;
            } else {
                units.push((s.span, false));
            }
            last_para = s.paragraph;
        }
        units
    }

    /// "Limbaugh added:" ending a paragraph, and the next paragraph, which
    /// starts at `unit`, without quotation marks: a quotation set as a
    /// block, whose marks a page leaves to its layout. The paragraph's
    /// span, when it is the one right after the cue's, has no quotation
    /// marks at all and has a few words. Reported as indirect: without the
    /// marks nothing shows the words are the speaker's own.
    fn block_quotation(&self, unit: Span, cue: Span) -> Option<Span> {
        const MIN_WORDS: usize = 4;
        let index = self.doc.paragraph_at(unit.start)?;
        let paragraph = self.doc.paragraphs.get(index)?.span;
        if paragraph.start != unit.start || self.doc.paragraph_at(cue.start)? + 1 != index {
            return None;
        }
        let first = self.segments.partition_point(|g| g.outer.end <= paragraph.start);
        if self.segments.get(first).is_some_and(|g| g.outer.start < paragraph.end) {
            return None;
        }
        let body = paragraph.slice(self.text);
        let trimmed = body.trim_end();
        (trimmed.split_whitespace().take(MIN_WORDS).count() == MIN_WORDS).then(|| {
            Span::new(paragraph.start + (body.len() - body.trim_start().len()), paragraph.start + trimmed.len())
        })
    }

    /// Whether a unit ends with a quotation that ends with `?` or `!`.
    fn ends_with_quote_question(&self, unit: Span) -> bool {
        let mut tail = unit.slice(self.text).trim_end().chars().rev();
        tail.next().is_some_and(tokens::is_quote_mark_strict) && tail.next().is_some_and(|c| matches!(c, '?' | '!'))
    }

    /// Whether a sentence opens with a short speaker phrase and a speech
    /// verb ("Trump said, ...", "the minister told reporters").
    fn opens_with_attribution(&self, sentence: Span) -> bool {
        sentence
            .slice(self.text)
            .split_whitespace()
            .take(5)
            .skip(1)
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
            .any(|w| is_speech_verb(&w))
    }

    /// Whether a paragraph reads as a title, caption or link rather than
    /// running text: it does not end with sentence punctuation.
    fn title_like(&self, span: Span) -> bool {
        // "... second term. (He is now the chairman.)": look inside closing
        // brackets, and inside Markdown emphasis ("**... on Friday.**").
        let body = span.slice(self.text).trim_end().trim_end_matches([')', ']', '*', '_']);
        let ends_sentence = |s: &str| s.ends_with(['.', '!', '?', '…', ':', ',', ';']);
        if ends_sentence(body) {
            return false;
        }
        // A closing mark ends a sentence when the quotation inside it does
        // ("... he said. “It is over.”"); a headline's quotation has no
        // full stop ("Zelensky: “We will not trade land”").
        let Some(before_mark) = body.strip_suffix(|c: char| tokens::is_quote_mark(c)) else {
            return true;
        };
        let words = body.split_whitespace().count();
        !ends_sentence(before_mark.trim_end_matches(|c: char| tokens::is_quote_mark(c))) && words <= 20
    }

    /// Whether byte `offset` lies in a title-like paragraph (see
    /// [`Self::title_like`]), which is read for names only.
    fn in_title(&self, offset: usize) -> bool {
        self.doc.paragraph_at(offset).and_then(|p| self.doc.paragraphs.get(p)).is_some_and(|p| self.title_like(p.span))
    }

    /// For each token, the segment it lies in (marks included).
    fn token_segments(&self, toks: &[Token]) -> Vec<Option<usize>> {
        let first = toks.first().map_or(0, |t| t.span.start);
        let mut seg = self.segments.partition_point(|s| s.outer.end <= first);
        toks.iter()
            .map(|t| {
                while seg < self.segments.len() && self.segments[seg].outer.end <= t.span.start {
                    seg += 1;
                }
                self.segments.get(seg).filter(|s| s.outer.start <= t.span.start).map(|_| seg)
            })
            .collect()
    }

    fn lower<'a>(&self, t: &'a Token) -> tokens::Lower<'a>
    where
        't: 'a,
    {
        tokens::lower(self.text, t)
    }

    /// Whether a token is a form of "be" that makes a passive or a
    /// progressive ("was quoted", "is calling").
    fn is_form_of_be(&self, t: &Token) -> bool {
        matches!(self.lower(t).as_str(), "been" | "was" | "were" | "is" | "are" | "be" | "being")
    }

    /// Whether the unquoted tokens from `i` are the lower-case `words`.
    fn words_at(&self, toks: &[Token], in_seg: &[Option<usize>], i: usize, words: &[&str]) -> bool {
        words.iter().enumerate().all(|(k, w)| {
            toks.get(i + k).is_some_and(|t| in_seg.get(i + k).is_some_and(Option::is_none) && self.lower(t) == *w)
        })
    }

    fn word_is(&self, toks: &[Token], i: usize, w: &str) -> bool {
        toks.get(i).is_some_and(|t| t.span.slice(self.text).eq_ignore_ascii_case(w))
    }

    fn find_cues(&mut self, toks: &[Token], in_seg: &[Option<usize>]) -> Vec<Cue> {
        let mut cues = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if in_seg[i].is_some() || !toks[i].word {
                i += 1;
                continue;
            }
            // "Ushakov was quoted by TASS as saying ...": the quoted person
            // speaks; "TASS quoted Ushakov as saying ...": likewise, so the
            // cue is "as saying" right after the person.
            if let Some(end) = self.quoted_as_saying(toks, in_seg, i) {
                let be = |k: usize| self.is_form_of_be(&toks[k]);
                let passive =
                    (i >= 1 && be(i - 1)) || (i >= 2 && be(i - 2) && self.is_adverb_or_auxiliary(&toks[i - 1]));
                let start = if passive { i } else { end - 2 };
                // "..., RIA Novosti reported, citing Ushakov as saying": the
                // person cited speaks, and the report is theirs.
                if !passive
                    && i >= 2
                    && self.lower(&toks[i]).ends_with("ing")
                    && self.word_is(toks, i - 1, ",")
                    && cues.last().is_some_and(|c: &Cue| c.end == i - 1 && c.class == CueClass::Say)
                {
                    cues.pop();
                }
                cues.push(Cue {
                    start,
                    end,
                    class: CueClass::Say,
                    speaker: None,
                    entity: None,
                    inverted: false,
                    agent: false,
                });
                i = end;
                continue;
            }
            let w = self.lower(&toks[i]);
            let bit = cue_bit(&w);
            let may_start = CUE_STARTS[bit / 64] & (1 << (bit % 64)) != 0;
            let found = may_start
                .then(|| CUES.get(w.as_str()))
                .flatten()
                .and_then(|list| list.iter().find(|(words, _)| self.words_at(toks, in_seg, i, words)));
            // A capitalised verb is a cue only as "According to X" or when it
            // opens an inverted sentence: "Said Ellis: ...".
            let opens_inverted = i == 0 && toks.get(i + 1).is_some_and(|t| t.cap);
            let Some((words, class)) = found.filter(|(_, c)| !toks[i].cap || *c == CueClass::Source || opens_inverted)
            else {
                i += 1;
                continue;
            };
            let end = i + words.len();
            // "dismissed the remarks as ...": the object, then "as".
            let class = if *class == CueClass::AsComplement {
                let as_follows = (end..toks.len().min(end + AS_REACH))
                    .take_while(|&k| in_seg[k].is_none() && (toks[k].word || self.lower(&toks[k]) == "'s"))
                    .any(|k| k > end && self.word_is(toks, k, "as"));
                if !as_follows {
                    i += 1;
                    continue;
                }
                &CueClass::Say
            } else if *class == CueClass::Trailing && !self.trails_report(toks, in_seg, i) {
                i += 1;
                continue;
            } else if *class == CueClass::Closing {
                if !self.has_no_object(toks, in_seg, i, end) {
                    i += 1;
                    continue;
                }
                &CueClass::Say
            } else {
                class
            };
            // "to say", "declined to comment": not a report. "was reported",
            // "has been reiterated": passive, the speaker is elsewhere.
            let after_to = i > 0
                && self.word_is(toks, i - 1, "to")
                && *class != CueClass::Source
                && !self.purpose_infinitive(toks, i)
                && !self.after_catenative(toks, i);
            // "called in to a radio show", "called off the talks": a phrasal verb.
            let particle = words.len() == 1
                && w.starts_with("call")
                && toks.get(end).is_some_and(|t| {
                    matches!(self.lower(t).as_str(), "in" | "into" | "out" | "off" | "up" | "back" | "upon")
                });
            let be_at = |k: usize| self.is_form_of_be(&toks[k]);
            // "is calling", "was also saying": the progressive is active
            // ("is considering urging" is not a report yet).
            let progressive = self.is_progressive(toks, i);
            let passive = words.len() == 1 && !progressive && (1..=2).any(|back| i >= back && be_at(i - back));
            // "Having said that, ...": a discourse phrase, not a report.
            let discourse = words.len() == 1
                && i > 0
                && self.word_is(toks, i - 1, "having")
                && toks.get(end).is_some_and(|t| matches!(self.lower(t).as_str(), "that" | "this"))
                && toks.get(end + 1).is_some_and(|t| t.span.slice(self.text) == ",");
            let agent = passive && *class == CueClass::Say && self.word_is(toks, end, "by");
            // "could not confirm whether ...", "did not say if ...": no
            // statement was made.
            let negated = i > 0
                && {
                    let prev = self.lower(&toks[i - 1]);
                    matches!(prev.as_str(), "not" | "never") || prev.ends_with("n't")
                }
                && toks.get(end).is_some_and(|t| {
                    matches!(self.lower(t).as_str(), "whether" | "if" | "how" | "why" | "what" | "when")
                });
            // "..., Reuters reported, citing three sources.": the source
            // cited, not what was said ("citing security concerns" is).
            let cites_source = w.starts_with("cit")
                && speakers::phrase_after(self.text, toks, end).is_some_and(|m| {
                    let next = token_after(toks, m.span);
                    toks.get(next).is_none_or(|t| !t.word && in_seg[next].is_none())
                });
            // "a video call with", "his claims": a noun after an article or
            // a possessive, or after "a" and a plain noun.
            let noun = words.len() == 1 && *class != CueClass::Source && self.noun_after_determiner(toks, i);
            // "..., the people said, asking not to be identified": the
            // speaker asks to stay unnamed.
            let anonymity = toks.get(end).is_some_and(|next| {
                let next = self.lower(next);
                ANONYMITY
                    .iter()
                    .any(|phrase| phrase.first() == Some(&next.as_str()) && self.words_at(toks, in_seg, end, phrase))
            });
            if !after_to
                && (!passive || agent)
                && !particle
                && !discourse
                && !negated
                && !noun
                && !cites_source
                && !anonymity
            {
                cues.push(Cue { start: i, end, class: *class, speaker: None, entity: None, inverted: false, agent });
            }
            i = end;
        }
        // Speakers. "According to" and an outlet's trailing report are
        // dropped when another cue names the sentence's speaker: "X said
        // this in a statement, Ukrinform reports" is X's report.
        // Trailing reports are read last: a dropped one registers no
        // speaker, but its speaker phrase still ends the content before it
        // ("X dismissed the plan as a trap, reports Ukrinform").
        // A reported belief is read after the other cues: where only a
        // source names a speaker, or an attribution after it closes the
        // report ("Moscow believes C, Stanovaya said."), the belief is in
        // that report's content.
        let (mut named, mut named_trailing) = (false, false);
        for k in 0..cues.len() {
            if !matches!(cues[k].class, CueClass::Trailing | CueClass::Attitude) {
                self.find_speaker(toks, in_seg, &mut cues, k, true);
                named |= cues[k].class != CueClass::Source && cues[k].speaker.is_some();
            }
        }
        let sourced = !named && cues.iter().any(|c| c.class == CueClass::Source && c.speaker.is_some());
        let closing = cues.iter().rposition(|c| self.closes_report(toks, in_seg, c));
        let mut keep = (0..cues.len())
            .map(|k| cues[k].class != CueClass::Attitude || !(sourced || closing.is_some_and(|j| j > k)))
            .collect::<Vec<_>>()
            .into_iter();
        cues.retain(|_| keep.next().unwrap_or(true));
        for k in 0..cues.len() {
            if cues[k].class == CueClass::Attitude {
                self.find_speaker(toks, in_seg, &mut cues, k, true);
                named |= cues[k].speaker.is_some();
            }
        }
        for k in 0..cues.len() {
            if cues[k].class == CueClass::Trailing {
                self.find_speaker(toks, in_seg, &mut cues, k, !named);
                named_trailing |= cues[k].speaker.is_some();
            }
        }
        if named || named_trailing {
            cues.retain(|c| c.class != CueClass::Source);
        }
        // "what they describe as", "which he called": a relative clause
        // whose object is the relative pronoun. After a preposition ("an
        // interview in which he said ...") "which" is not the object, and
        // the clause reports in full.
        cues.retain(|c| {
            let first = c.speaker.map_or(c.start, |(s, _)| s.min(c.start));
            let words = toks[..first].iter().rev().take(6).take_while(|t| t.word).count();
            !(first - words..first).any(|i| match self.lower(&toks[i]).as_str() {
                // "in what Ukraine described as": still the object.
                "what" | "whom" => true,
                "which" => !(i > 0 && RELATIVE_PREPOSITIONS.contains(self.lower(&toks[i - 1]).as_str())),
                // "the order that the Quad countries have vowed to uphold":
                // "that" after a noun phrase, right before the speaker.
                "that" => i + 1 == first && self.noun_phrase_ends_at(toks, i),
                _ => false,
            })
        });
        // "A Kellogg officer, who asked not to be named, said ...": a cue in
        // a relative clause that sets its subject apart before the main
        // verb is background; the main clause makes the report.
        let in_aside = |c: &Cue| self.in_relative_aside(toks, c.start);
        let asides: Vec<bool> = cues
            .iter()
            .enumerate()
            .map(|(k, c)| {
                c.speaker.is_some()
                    && in_aside(c)
                    && cues[k + 1..]
                        .iter()
                        .take(ASIDE_REACH)
                        .any(|later| later.speaker == c.speaker && !in_aside(later))
            })
            .collect();
        let mut aside = asides.into_iter();
        cues.retain(|_| !aside.next().unwrap_or(false));
        // A cue inside the content of an earlier one ("X said Y believed
        // ...") belongs to the reported speech, not to the text.
        let mut kept: Vec<Cue> = Vec::with_capacity(cues.len());
        for c in cues {
            let nested = kept.last().is_some_and(|p| {
                p.class != CueClass::Source
                    && !p.inverted
                    && (p.speaker.is_some() || p.entity.is_some())
                    && c.speaker.is_some_and(|(s, _)| {
                        // Past an aside ("X said, however, that he ...").
                        let start = self.that_after_aside(toks, in_seg, p.end, s).map_or(p.end, |that| that + 1);
                        s >= p.end
                            && (start..s).all(|i| {
                                toks[i].word
                                    && !matches!(self.lower(&toks[i]).as_str(), "and" | "but" | "while" | "as")
                                    && in_seg[i].is_none()
                            })
                    })
            });
            if !nested {
                kept.push(c);
            }
        }
        kept
    }

    /// Whether `cue` names its speaker after the report it closes, set off
    /// by a comma, with nothing reported after it: "..., Stanovaya said."
    /// or "..., said Stanovaya on Monday." (not "..., Stanovaya said that
    /// ..." or "..., Stanovaya said: ...").
    fn closes_report(&self, toks: &[Token], in_seg: &[Option<usize>], cue: &Cue) -> bool {
        let Some((s, e)) = cue.speaker else { return false };
        let (first, last) = (s.min(cue.start), e.max(cue.end));
        first > 0
            && toks[first - 1].span.slice(self.text) == ","
            && !toks.get(last).is_some_and(|t| {
                in_seg[last].is_some() || matches!(t.span.slice(self.text), ":") || self.word_is(toks, last, "that")
            })
    }

    /// Finds the speaker phrase of `cues[k]`, and its entity when
    /// `register` is set.
    fn find_speaker(&mut self, toks: &[Token], in_seg: &[Option<usize>], cues: &mut [Cue], k: usize, register: bool) {
        let (start, end, class) = (cues[k].start, cues[k].end, cues[k].class);
        let mut inherited = None;
        let mention = if class == CueClass::Source {
            speakers::phrase_after(self.text, toks, end).map(|m| (self.author_of(toks, m), Place::Next)).or_else(|| {
                // "In his words, ...": the possessive in the cue.
                (start..end).find_map(|i| speakers::possessive_pronoun(self.text, &toks[i])).map(|m| (m, Place::Next))
            })
        } else if cues[k].agent {
            // Only when what they said follows: "described by X as ...",
            // "announced by X that ..." ("was first reported by the Post"
            // names a source, not a statement).
            speakers::phrase_after(self.text, toks, end + 1)
                .filter(|m| {
                    let next = token_after(toks, m.span);
                    self.word_is(toks, next, "as") || self.word_is(toks, next, "that")
                })
                .map(|m| (m, Place::Next))
        } else {
            self.subject_before(toks, in_seg, start)
                .or_else(|| {
                    // Inverted: "..., said Peskov." / "“...” said Peskov."
                    let prev = start.checked_sub(1).map(|p| toks[p].span.slice(self.text));
                    // After a dash too: translated copy marks speech with
                    // dashes ("“...” – emphasized the president.").
                    let after_comma = start == 0
                        || prev.is_some_and(|p| {
                            p == "," || p.chars().next().is_some_and(tokens::is_quote_mark) || p == ":"
                        })
                        || self.is_dash(toks, start - 1);
                    let gerund = toks[start].span.slice(self.text).ends_with("ing");
                    (after_comma && !gerund)
                        .then(|| speakers::phrase_after(self.text, toks, end))
                        .flatten()
                        .filter(|m| {
                            // The phrase must end the clause: "said Peskov." /
                            // "said Peskov on Monday", not "said Kyiv was ...".
                            let next = token_after(toks, m.span);
                            // "urged the administration to act": an object
                            // and its infinitive, not "said Peskov to
                            // reporters".
                            let infinitive = self.word_is(toks, next, "to")
                                && toks.get(next + 1).is_some_and(|v| {
                                    v.word
                                        && !v.cap
                                        && !ADDRESSEES.contains(self.lower(v).as_str())
                                        && !speakers::determiner_at(self.text, v)
                                });
                            !infinitive
                                && toks.get(next).is_none_or(|t| {
                                    !t.word
                                        || ADVERBIAL_STARTS.contains(self.lower(t).as_str())
                                        || INVERTED_ADJUNCTS.contains(self.lower(t).as_str())
                                        // "said Peskov yesterday", not "said the UK was ready".
                                        || (SKIP.contains(self.lower(t).as_str())
                                            && !AUXILIARIES.contains(self.lower(t).as_str()))
                                        || self.lower(t) == "who"
                                })
                        })
                        .map(|m| (self.named_after_description(toks, m), Place::Inverted))
                })
                .or_else(|| {
                    // "..., adding that ...", "... he said and appealed to ...":
                    // the subject of the clause ("whips had been warning" is a
                    // progressive, whose subject is before it).
                    let gerund = (toks[start].span.slice(self.text).ends_with("ing")
                        && !self.is_progressive(toks, start))
                        || (start > 0 && self.word_is(toks, start - 1, "and"))
                        || self.purpose_infinitive(toks, start);
                    if !gerund {
                        return None;
                    }
                    // The latest cues only, so that a unit's cues cost
                    // linear time.
                    if let Some(prev) = cues[..k].iter().rev().take(INHERIT_CUES).find(|c| c.entity.is_some()) {
                        inherited = Some((prev.entity, ()));
                        return None;
                    }
                    let first = self.clause_start(toks, start.min(INTRO_TOKENS));
                    speakers::phrase_after(self.text, toks, first)
                        .filter(|m| {
                            // A person, a pronoun or a description that
                            // refers back, or a named organisation ("Russia";
                            // not a heading in capitals, "CONGRESS HAS
                            // INVESTIGATED HIM — ...").
                            let heading = m.name.contains(' ') && !m.name.chars().any(char::is_lowercase);
                            // "A federal judge blocked the plan, ruling that
                            // ...": a person's description, definite or not;
                            // "Protesters gathered outside, urging ...": a group.
                            m.named
                                || m.pronoun.is_some()
                                || m.anaphoric
                                || (m.kind == SpeakerKind::Person && describes_role(m))
                                || (m.kind == SpeakerKind::Group && !m.document)
                                || (m.kind == SpeakerKind::Organization
                                    && m.name.starts_with(char::is_uppercase)
                                    && !heading)
                        })
                        .map(|m| (m, Place::Clause))
                })
        };
        if let Some((entity, _)) = inherited {
            cues[k].entity = entity;
            return;
        }
        // "the letter reads": only a document reads.
        let mention = mention.filter(|(m, _)| class != CueClass::Document || m.document);
        if let Some((mut m, place)) = mention {
            if m.named && (m.title.is_empty() || speakers::is_honorific(&m.title)) {
                self.title_from_apposition(toks, &mut m);
            }
            let first = first_token(toks, m.span);
            let last = token_after(toks, m.span).max(first + 1) - 1;
            // A clause subject far from the verb ("X did this and said",
            // "X did this, adding") names the speaker but does not bound
            // the content.
            cues[k].speaker = (place != Place::Clause).then_some((first, last));
            cues[k].inverted = place == Place::Inverted;
            if register {
                cues[k].entity = self.resolve(&m);
            }
        }
    }

    /// The name set off by commas after a description of its bearer, the
    /// apposition ending at the comma at token `comma`: "The state's campaign
    /// chairman, Phil Lovas," (the title is taken from the description later).
    fn named_apposition(&self, toks: &[Token], in_seg: &[Option<usize>], comma: usize) -> Option<speakers::Mention> {
        const NAME_TOKENS: usize = 6;
        let open = (comma.saturating_sub(NAME_TOKENS + 1)..comma)
            .rev()
            .take_while(|&i| in_seg[i].is_none())
            .find(|&i| toks[i].span.slice(self.text) == ",")
            .filter(|&open| open >= 1 && open + 1 < comma)?;
        // A person's name, or an organisation's after a description of it
        // ("The UN's humanitarian office, OCHA, warned").
        let name = speakers::phrase_after(self.text, toks, open + 1).filter(|m| {
            m.pronoun.is_none()
                && (m.named
                    || (m.kind == SpeakerKind::Organization && !m.document && m.name.starts_with(char::is_uppercase)))
        })?;
        let ends_at_comma = token_after(toks, name.span) == comma;
        let description_ends_at = |end: usize| {
            speakers::phrase_before(self.text, toks, end).filter(describes_role).is_some_and(|d| {
                token_after(toks, d.span) == end + 1 && (name.named || d.kind == SpeakerKind::Organization)
            })
        };
        // "Russia's envoy to the UN, Vassily Nebenzia,", "the head of the
        // Russian delegation at the Istanbul talks, Vladimir Medinsky,", "A
        // spokesman for Senate Minority Leader Mitch McConnell, David Popp,":
        // a description and where or for whom the person serves.
        const POSTING_TOKENS: usize = 7;
        let posted = || {
            (open.saturating_sub(POSTING_TOKENS)..open - 1)
                .rev()
                .take_while(|&i| toks[i].word && in_seg[i].is_none())
                .find(|&i| speakers::joins_role_to_post(&self.lower(&toks[i])))
                .is_some_and(|to| to >= 1 && description_ends_at(to - 1))
        };
        // "the mayor of Dayton, Ohio,": one capitalised word after a named
        // place is where that place is, not a name in apposition.
        let place_of_place = name.named
            && !name.name.contains(char::is_whitespace)
            && name.title.is_empty()
            && toks[open - 1].cap
            && speakers::gender_of_name(&name.name).is_none();
        if !ends_at_comma || place_of_place || !(description_ends_at(open - 1) || posted()) {
            return None;
        }
        // The organisation is where its description says ("The UN's
        // humanitarian office, OCHA,": of the United Nations).
        let mut name = name;
        if !name.named
            && name.affiliation.is_empty()
            && let Some(d) = speakers::phrase_before(self.text, toks, open - 1)
        {
            name.affiliation = d.affiliation;
        }
        Some(name)
    }

    /// For a description followed by a name in apposition that ends the
    /// clause ("said one Russian lawmaker, Leonid Slutsky."): the name;
    /// otherwise the mention itself.
    fn named_after_description(&self, toks: &[Token], m: speakers::Mention) -> speakers::Mention {
        if m.named || m.pronoun.is_some() || !describes_role(&m) {
            return m;
        }
        // Past the description's complement: "the head of the Duma's
        // foreign affairs committee, Leonid Slutsky".
        const COMPLEMENT_TOKENS: usize = 8;
        let end = token_after(toks, m.span);
        let Some(comma) = (end..toks.len().min(end + COMPLEMENT_TOKENS))
            .take_while(|&i| toks[i].word || toks[i].span.slice(self.text) == ",")
            .find(|&i| toks[i].span.slice(self.text) == ",")
        else {
            return m;
        };
        let name = speakers::phrase_after(self.text, toks, comma + 1).filter(|n| {
            let next = token_after(toks, n.span);
            n.named && n.pronoun.is_none() && n.kind == SpeakerKind::Person && toks.get(next).is_none_or(|t| !t.word)
        });
        let Some(mut name) = name else { return m };
        if name.title.is_empty() {
            let complement = Span::new(m.span.end, toks[comma - 1].span.end.max(m.span.end));
            name.title = format!("{}{}", m.title, complement.slice(self.text)).trim().to_string();
        }
        if name.affiliation.is_empty() {
            name.affiliation = m.affiliation;
        }
        name
    }

    /// For a document with its author after it ("a new report by Politico",
    /// "a study from the Brookings Institution", "a readout released by
    /// the Turkish side"): the author; otherwise the mention itself.
    fn author_of(&self, toks: &[Token], m: speakers::Mention) -> speakers::Mention {
        if !m.document {
            return m;
        }
        let mut next = token_after(toks, m.span);
        // "a statement released by the ministry": past the participle.
        if toks.get(next).is_some_and(|t| PUBLISHED.contains(&self.lower(t).as_str()))
            && self.word_is(toks, next + 1, "by")
        {
            next += 1;
        }
        let author = toks
            .get(next)
            .filter(|t| matches!(self.lower(t).as_str(), "by" | "from"))
            .and_then(|_| speakers::phrase_after(self.text, toks, next + 1))
            .filter(|a| a.pronoun.is_none() && !a.document && (a.named || a.kind != SpeakerKind::Person))
            .map(|mut a| {
                // A one-word author of a report is an outlet or a body
                // ("by Politico"), a person has a given name too.
                if a.named && a.title.is_empty() && !a.name.contains(char::is_whitespace) {
                    a.kind = SpeakerKind::Organization;
                    a.named = false;
                }
                a
            });
        author.unwrap_or(m)
    }

    /// The named person an apposition ending before token `end` follows:
    /// "John Dickey, the chief executive of Ora Media" gives John Dickey.
    fn named_before_apposition(
        &self,
        toks: &[Token],
        in_seg: &[Option<usize>],
        end: usize,
    ) -> Option<(speakers::Mention, Place)> {
        const APPOSITION_TOKENS: usize = 12;
        let comma = (end.saturating_sub(APPOSITION_TOKENS)..end)
            .rev()
            .take_while(|&i| in_seg[i].is_none())
            .find(|&i| toks[i].span.slice(self.text) == ",")
            .filter(|&c| c >= 1 && c + 1 < end)?;
        // The apposition describes: "the chief executive ...", "a professor ...".
        let opener = &toks[comma + 1];
        if !(opener.word && speakers::determiner_at(self.text, opener)) {
            return None;
        }
        let name = speakers::phrase_before(self.text, toks, comma - 1)
            .filter(|m| m.named && m.kind == SpeakerKind::Person && m.pronoun.is_none())?;
        let ends_at_comma = token_after(toks, name.span) == comma;
        ends_at_comma.then_some((name, Place::Before))
    }

    /// Takes a named person's title from an apposition: "Putin's press
    /// secretary, Dmitry Peskov" or "Mykhailo Podoliak, an adviser to ...".
    fn title_from_apposition(&self, toks: &[Token], m: &mut speakers::Mention) {
        let first = first_token(toks, m.span);
        let last = token_after(toks, m.span);
        let is_comma = |i: usize| toks.get(i).is_some_and(|t| t.span.slice(self.text) == ",");
        // "adviser to President Zelensky", "head of the delegation at the
        // Istanbul talks": the role's complement names whose adviser or
        // where the role is held, and goes into the title.
        let served = |d: &mut speakers::Mention, preposition: usize, principal: &speakers::Mention| {
            let preposition = toks[preposition].span.slice(self.text);
            d.title = format!("{} {preposition} {}", d.title, principal.span.slice(self.text));
            // An aide to a person shares the person's country; an envoy to
            // a country or body is another's.
            if d.affiliation.is_empty() && principal.kind == SpeakerKind::Person {
                d.affiliation.clone_from(&principal.affiliation);
            }
        };
        let serves_at = |k: usize| speakers::joins_role_to_post(&self.lower(&toks[k]));
        // Whose: a named person ("to Zelensky") or a proper name ("to the
        // U.S.", "to the United Nations").
        let principal_named = |p: &speakers::Mention| {
            (p.named && p.kind == SpeakerKind::Person)
                || (p.pronoun.is_none() && p.name.starts_with(|c: char| c.is_uppercase()))
        };
        let before = (first >= 2 && is_comma(first - 1))
            .then(|| speakers::phrase_before(self.text, toks, first - 2))
            .flatten()
            .and_then(|d| {
                // "the chair of the work and pensions committee, Debbie
                // Abrahams,": an organisation after "of" is the complement of
                // a role, not what the name is.
                let complement = first_token(toks, d.span).checked_sub(1).is_some_and(|k| self.word_is(toks, k, "of"));
                if describes_role(&d) && !(complement && d.kind == SpeakerKind::Organization) {
                    return Some(d);
                }
                // "An adviser to Zelensky, Mykhailo Podolyak, said".
                let to = first_token(toks, d.span).checked_sub(1).filter(|&k| serves_at(k))?;
                let mut role = speakers::phrase_before(self.text, toks, to.checked_sub(1)?)
                    .filter(|r| describes_role(r) && r.kind == SpeakerKind::Person && principal_named(&d))?;
                served(&mut role, to, &d);
                Some(role)
            });
        let after = || {
            // "Yael Adar, whose son was killed": a relative clause, not a title.
            let relative = self.word_is(toks, last + 1, "whose");
            // "Olena Kovalenko, 45, a teacher from Kharkiv": past an age.
            let age = toks.get(last + 1).is_some_and(|t| {
                let w = t.span.slice(self.text);
                (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
            }) && is_comma(last + 2);
            let at = if age { last + 3 } else { last + 1 };
            let mut d = (is_comma(last) && !relative)
                .then(|| speakers::phrase_after(self.text, toks, at))
                .flatten()
                .filter(describes_role)?;
            // "Mykhailo Podolyak, an adviser to President Zelensky, told".
            let to = token_after(toks, d.span);
            if d.kind == SpeakerKind::Person
                && to < toks.len()
                && serves_at(to)
                && let Some(principal) = speakers::phrase_after(self.text, toks, to + 1).filter(principal_named)
                && toks.get(token_after(toks, principal.span)).is_none_or(|t| !t.word)
                // Not a place used as a modifier: "chairman of the
                // Moonachie, N.J., maker of plastic film".
                && toks.get(token_after(toks, principal.span) + 1).is_none_or(|t| !t.cap)
            {
                served(&mut d, to, &principal);
            }
            Some(d)
        };
        if let Some(d) = before.or_else(after) {
            // A gendered name ("Debbie Abrahams") stays a person's.
            if d.kind == SpeakerKind::Organization && m.gender.is_none() {
                // "Ukrenergo, the state grid operator, said": the name is an
                // organisation's, and "the operator" refers back to it.
                m.kind = SpeakerKind::Organization;
                m.named = false;
                m.head = d.head;
                if m.affiliation.is_empty() {
                    m.affiliation = d.affiliation;
                }
                return;
            }
            m.title = d.title;
            if m.affiliation.is_empty() {
                m.affiliation = d.affiliation;
            }
        }
    }

    /// Where the clause of a unit starts: past an introductory phrase and
    /// its comma within the first `within` tokens ("In an interview, ..."),
    /// or past a sentence adverb ("Additionally, ..."). `within` when the
    /// introductory phrase has no comma there.
    fn clause_start(&self, toks: &[Token], within: usize) -> usize {
        let comma = |t: &Token| t.span.slice(self.text) == ",";
        let Some(first) = toks.first() else { return 0 };
        // "KYIV — Ukraine on Tuesday dismissed ...": past a wire dateline.
        let dateline = self.past_dateline(toks, None, 0, within);
        if dateline > 0 {
            return dateline;
        }
        if INTRO_WORDS.contains(self.lower(first).as_str()) {
            return toks[..within.min(toks.len())].iter().position(comma).map_or(within, |i| i + 1);
        }
        if first.word && self.lower(first).ends_with("ly") && toks.get(1).is_some_and(comma) {
            return 2;
        }
        // "Chastened by the analyses, as well as complaints, Trump revised
        // ...": past a participial phrase, at the first comma before a
        // capitalised word.
        let participle = first.cap && {
            let w = self.lower(first);
            w.ends_with("ed") || w.ends_with("ing")
        };
        if participle && toks.get(1).is_some_and(|t| t.word && !t.cap) {
            let end = within.min(toks.len());
            return (1..end)
                .find(|&i| comma(&toks[i]) && toks.get(i + 1).is_some_and(|t| t.cap))
                .map_or(end, |i| i + 1);
        }
        0
    }

    /// The phrase a unit starts with (after an introductory phrase), when it
    /// names or describes a speaker.
    fn unit_subject(&self, toks: &[Token]) -> Option<speakers::Mention> {
        let first = self.clause_start(toks, toks.len().min(12));
        let mut m = speakers::phrase_after(self.text, toks, first)?;
        let mut next = token_after(toks, m.span);
        // "US secretary of state Marco Rubio sounded ...": the title runs
        // on after "of" to the name.
        if self.word_is(toks, next, "of") {
            let verb_like = |t: &Token| t.word && !t.cap;
            if let Some(end) =
                (next + 1..(next + 7).min(toks.len())).find(|&e| toks.get(e + 1).is_some_and(verb_like) && toks[e].cap)
                && let Some(titled) =
                    speakers::phrase_before(self.text, toks, end).filter(|t| t.named && t.span.start == m.span.start)
            {
                m = titled;
                next = end + 1;
            }
        }
        // The phrase must be followed by a verb-like lower-case word.
        toks.get(self.past_parenthesis(toks, next)?).filter(|t| t.word && !t.cap)?;
        Some(m)
    }

    /// Token `next`, or the token after a parenthesis set off by commas
    /// or brackets that starts there ("Hillary Clinton, like Obama, has
    /// ...", "Thomas Massie (R-Ky.) voted ...": the verb); `None` when the
    /// parenthesis does not close soon.
    fn past_parenthesis(&self, toks: &[Token], next: usize) -> Option<usize> {
        const PARENTHESIS_TOKENS: usize = 10;
        let closing = match toks.get(next).map(|t| t.span.slice(self.text)) {
            Some(",") => ",",
            Some("(") => ")",
            _ => return Some(next),
        };
        let closes = |t: &Token| t.span.slice(self.text) == closing;
        Some(next + 1 + toks.get(next + 1..)?.iter().take(PARENTHESIS_TOKENS).position(closes)? + 1)
    }

    /// "RT and its defenders say": when the words before the verb at `verb`
    /// are no speaker of their own, the speaker joined to them by "and".
    fn first_conjunct(&self, toks: &[Token], in_seg: &[Option<usize>], verb: usize) -> Option<speakers::Mention> {
        const CONJUNCT_WORDS: usize = 3;
        let and = (verb.saturating_sub(CONJUNCT_WORDS + 1)..verb)
            .rev()
            .take_while(|&i| toks[i].word && in_seg[i].is_none() && (i == verb - 1 || !toks[i].cap))
            .find(|&i| self.word_is(toks, i, "and"))
            .filter(|&i| i + 1 < verb && i >= 1)?;
        // The second conjunct is a lower-case noun phrase opened by a
        // possessive or a determiner ("its defenders", "other critics"),
        // not a verb's adverbs ("... and almost immediately disclosed").
        let opener = self.lower(&toks[and + 1]);
        let noun_phrase = matches!(opener.as_str(), "its" | "their" | "his" | "her" | "our")
            || speakers::determiner_at(self.text, &toks[and + 1]);
        if !noun_phrase || toks[and + 1..verb].iter().any(|t| t.cap) {
            return None;
        }
        speakers::phrase_before(self.text, toks, and - 1)
            .filter(|m| m.pronoun.is_none() && (m.named || m.kind != SpeakerKind::Person))
    }

    /// "all the experts I interviewed said", "the officials we spoke to
    /// say": people before a relative clause with no "who" (a pronoun and
    /// a verb, perhaps a preposition) just before the cue at `verb`.
    fn before_contact_clause(
        &self,
        toks: &[Token],
        in_seg: &[Option<usize>],
        verb: usize,
    ) -> Option<speakers::Mention> {
        const CLAUSE_WORDS: usize = 3;
        let pronoun = (verb.saturating_sub(CLAUSE_WORDS + 1)..verb.saturating_sub(1))
            .rev()
            .take_while(|&i| toks[i].word && in_seg[i].is_none())
            .find(|&i| matches!(self.lower(&toks[i]).as_str(), "i" | "we" | "he" | "she" | "they" | "you"))
            .filter(|&i| i >= 1)?;
        // The clause is the pronoun and lower-case words (a verb, a particle).
        if toks[pronoun + 1..verb].iter().any(|t| t.cap || !t.word) {
            return None;
        }
        speakers::phrase_before(self.text, toks, pronoun - 1)
            .filter(|m| m.pronoun.is_none() && !m.named && matches!(m.kind, SpeakerKind::Group | SpeakerKind::Person))
    }

    /// The speaker phrase before a verb at token `verb`.
    fn subject_before(
        &self,
        toks: &[Token],
        in_seg: &[Option<usize>],
        verb: usize,
    ) -> Option<(speakers::Mention, Place)> {
        let adjacent = |m: Option<speakers::Mention>| m.map(|m| (m, Place::Before));
        let mut j = verb;
        while j > 0 {
            let w = self.lower(&toks[j - 1]);
            // "Trump on Monday urged": a time phrase between subject and verb.
            let time_phrase = matches!(w.as_str(), "on" | "last" | "this" | "late" | "early")
                && j < verb
                && toks[j].cap
                && SKIP.contains(self.lower(&toks[j]).as_str());
            // "Theresa May said": a surname, not the modal.
            let skip = SKIP.contains(w.as_str()) && !speakers::surname_word(self.text, toks, j - 1);
            // "Merkley and Menendez all said".
            let quantifier = FLOATING_QUANTIFIERS.contains(w.as_str()) && j >= 2;
            if skip || w == "did" || w == "does" || w == "do" || time_phrase || quantifier {
                j -= 1;
            } else if self.after_catenative(toks, j) {
                // "The nominee continues to insist".
                j -= 2;
            } else {
                break;
            }
        }
        if j == 0 || in_seg[j - 1].is_some() {
            return None;
        }
        // "Jason Chaffetz (R-Utah) said": skip the parenthesis.
        if toks[j - 1].span.slice(self.text) == ")" {
            let open = (j.saturating_sub(10)..j - 1).rev().find(|&i| toks[i].span.slice(self.text) == "(")?;
            if open == 0 {
                return None;
            }
            j = open;
        }
        // "Kall -- co-editor of a book on the debates -- said": a dashed
        // apposition after a name.
        let is_dash = |i: usize| self.is_dash(toks, i);
        if is_dash(j - 1) {
            let mut close = j - 1;
            while close > 0 && is_dash(close - 1) {
                close -= 1;
            }
            let open = (close.saturating_sub(40)..close)
                .rev()
                .take_while(|&i| in_seg[i].is_none())
                .find(|&i| is_dash(i) && toks[i].span.start > toks[i.saturating_sub(1)].span.end)?;
            let mut name_end = open;
            while name_end > 0 && is_dash(name_end - 1) {
                name_end -= 1;
            }
            // Only a name that opens its clause: in "John Dickey, the chief
            // executive of Ora Media -- ... -- told me" the dashes follow
            // an apposition, and the subject is the name before it.
            let m = speakers::phrase_before(self.text, toks, name_end.checked_sub(1)?)?;
            let start = first_token(toks, m.span);
            let opens_clause =
                |start: usize| start == 0 || !matches!(toks[start - 1].span.slice(self.text), "," | "of");
            if m.named && opens_clause(start) {
                return Some((m, Place::Before));
            }
            return self.named_before_apposition(toks, in_seg, name_end).filter(|n| {
                let first = first_token(toks, n.0.span);
                opens_clause(first)
            });
        }
        let prev = self.lower(&toks[j - 1]);
        if prev == "and" || prev == "but" {
            // "with Peskov dismissing it as ... and saying ...": a participle
            // goes on from the cue before it (see `find_speaker`).
            if j == verb && self.lower(&toks[verb]).ends_with("ing") {
                return None;
            }
            // "X took issue with it and told ...", "X has encouraged them but
            // has said ...": the clause's subject, and the name in
            // apposition to a description ("An RSF spokesperson, Al-Fateh
            // Qurashi, said ... and accused ...").
            let m = self.named_after_description(toks, self.unit_subject(toks)?);
            return (m.span.end <= toks[j - 1].span.start).then_some((m, Place::Clause));
        }
        if prev == "who" || prev == "which" {
            if j >= 3 && toks[j - 2].span.slice(self.text) == "," && in_seg[j - 3].is_none() {
                return adjacent(speakers::phrase_before(self.text, toks, j - 3));
            }
            // "some economists who argue that ...": a restrictive clause
            // whose subject is people.
            if prev == "who" && j >= 2 && toks[j - 2].word && in_seg[j - 2].is_none() {
                let people = speakers::phrase_before(self.text, toks, j - 2)
                    .filter(|m| m.pronoun.is_none() && matches!(m.kind, SpeakerKind::Group | SpeakerKind::Person));
                // "Gerald Lefcourt, a defense attorney who says": the
                // description is in apposition to the name before it.
                let named = people.as_ref().filter(|m| !m.named).and_then(|m| {
                    let first = first_token(toks, m.span);
                    let comma = first.checked_sub(1).filter(|&c| toks[c].span.slice(self.text) == ",")?;
                    speakers::phrase_before(self.text, toks, comma.checked_sub(1)?)
                        .filter(|n| n.named && n.kind == SpeakerKind::Person)
                });
                return adjacent(named.or(people));
            }
            return None;
        }
        if prev == "," {
            // "Clinton spoke about the death of a man in Tulsa, Oklahoma,
            // arguing ...": a participle after a comma has the clause's
            // subject (see `find_speaker`), not the name before the comma.
            if toks[verb].span.slice(self.text).ends_with("ing") {
                return None;
            }
            // An apposition or a parenthesis: "Podoliak, an adviser to
            // Zelensky, said", "Zelensky, in his evening address, said".
            let lo = j.saturating_sub(40);
            let mut i = j - 1;
            let mut found = None;
            let quoted = |k: usize| {
                in_seg[k].is_some()
                    || toks[k].span.slice(self.text).chars().next().is_some_and(tokens::is_quote_mark_strict)
            };
            while i > lo {
                i -= 1;
                // A possessive apostrophe ("veterans' families") goes on.
                if quoted(i) {
                    // A quoted phrase inside the aside's running text goes
                    // on too ("Keir Starmer, who leads a “coalition of the
                    // willing”, said"); a quote before the clause stops.
                    let mut k = i;
                    while k > lo && quoted(k) {
                        k -= 1;
                    }
                    if toks[k].word && !toks[k].cap && !quoted(k) {
                        i = k + 1;
                        continue;
                    }
                    break;
                }
                if toks[i].span.slice(self.text) != "," || i == 0 {
                    continue;
                }
                let first = self.lower(&toks[i + 1]);
                // "The diplomat, who spoke on condition of anonymity, said":
                // a relative clause is an aside too, and so is a list of
                // members ("European leaders, including Macron and Merz,").
                // "The letter, signed by 40 senators, urged ...": a
                // participle with its agent is an aside too, and so is one
                // of publishing ("The statement, issued on Monday, said").
                let participle_by = first.ends_with("ed") && self.word_is(toks, i + 2, "by");
                let published_by = participle_by && PUBLISHED.contains(&first.as_str());
                // "A senior U.S. official, briefing reporters on condition of
                // anonymity, said": how the speaker spoke is an aside too.
                let situation = !toks[i + 1].cap && SITUATION_PARTICIPLES.contains(first.as_str());
                let parenthetical = INTRO_WORDS.contains(first.as_str())
                    || situation
                    || matches!(first.as_str(), "who" | "which" | "including" | "like")
                    || participle_by
                    || PUBLISHED.contains(&first.as_str());
                // "Rep. Jim Jordan (R-Ohio), an oversight panel member, said":
                // the name stands before the parenthesis.
                let mut name_end = i - 1;
                if toks[name_end].span.slice(self.text) == ")"
                    && let Some(open) = (name_end.saturating_sub(8)..name_end)
                        .rev()
                        .find(|&p| toks[p].span.slice(self.text) == "(")
                        .filter(|&p| p > 0)
                {
                    name_end = open - 1;
                }
                if let Some(m) = speakers::phrase_before(self.text, toks, name_end) {
                    // "Rep. Sam Graves of Missouri, the top Republican on
                    // the panel, said": the person's name ends before
                    // where they are from.
                    let after = token_after(toks, m.span);
                    let from_place = after < name_end
                        && self.word_is(toks, after, "of")
                        && toks[after + 1..=name_end].iter().all(|t| t.cap);
                    let ends_here = after == name_end + 1 || (m.named && from_place);
                    // "Amnesty International, a rights group, said": a
                    // named organisation as well as a person, before a
                    // description (not "In Kyiv, Oleg Nikolenko, said").
                    let proper_org = m.kind == SpeakerKind::Organization
                        && m.name.starts_with(char::is_uppercase)
                        && !toks[i + 1].cap;
                    // "An adviser to Zelensky, Mykhailo Podolyak, said": a
                    // name after "to" completes a description.
                    // ("Russia's envoy to the UN Vasily Nebenzya, in turn,
                    // said": a titled name is a subject of its own.)
                    let first = first_token(toks, m.span);
                    let complement = first > 0 && self.word_is(toks, first - 1, "to") && m.title.is_empty();
                    if ends_here && !complement && (m.named || proper_org || (parenthetical && i + 1 < j - 1)) {
                        // "The statement, issued by the foreign ministry,
                        // said": a document speaks for whoever issued it.
                        let issuer = (m.document && published_by)
                            .then(|| speakers::phrase_after(self.text, toks, i + 3))
                            .flatten();
                        // Keep looking: the subject opens the clause
                        // ("Pruitt, the attorney general of Oklahoma, ...").
                        found = Some(issuer.unwrap_or(m));
                    }
                }
            }
            // "The state's campaign chairman, Phil Lovas, said": the name is
            // the apposition, after a description of the person, whatever
            // stands before the description ("... a strike on Kharkiv, the
            // regional governor, Oleh Syniehubov, said").
            return adjacent(self.named_apposition(toks, in_seg, j - 1).or(found));
        }
        let m = speakers::phrase_before(self.text, toks, j - 1)
            .or_else(|| self.first_conjunct(toks, in_seg, j))
            .or_else(|| self.before_contact_clause(toks, in_seg, j));
        // "Tusk in an interview with Reuters said", "Tusk in turn noted":
        // the subject stands before a prepositional adjunct.
        let m = self.subject_before_adjunct(toks, in_seg, j, m.as_ref()).or(m);
        // "Gary Hufbauer of the Peterson Institute said": a named person of
        // an organisation, which is where the person works.
        if let Some(org) = m.as_ref().filter(|m| m.kind == SpeakerKind::Organization && !m.document) {
            let first = first_token(toks, org.span);
            if first >= 2
                && self.word_is(toks, first - 1, "of")
                && in_seg[first - 2].is_none()
                && let Some(mut person) = speakers::phrase_before(self.text, toks, first - 2)
                    .filter(|p| p.named && p.kind == SpeakerKind::Person && token_after(toks, p.span) == first - 1)
            {
                if person.affiliation.is_empty() {
                    person.affiliation.clone_from(&org.name);
                }
                return adjacent(Some(person));
            }
        }
        // "The ministry issued a statement saying ...": the document is the
        // object of its publishing; its publisher, the verb's subject, says.
        if let Some(doc) = m.as_ref().filter(|m| m.document && !m.anaphoric) {
            let first = first_token(toks, doc.span);
            if first >= 1
                && PUBLISHED.contains(&self.lower(&toks[first - 1]).as_str())
                && let Some(publisher) = self.subject_before(toks, in_seg, first - 1)
                && !publisher.0.document
            {
                return Some(publisher);
            }
        }
        // "The participants in a joint statement called on ...": the
        // document is an adjunct; the subject stands before it.
        if let Some(doc) = m.as_ref().filter(|m| m.document && !m.anaphoric) {
            let first = first_token(toks, doc.span);
            if first >= 2
                && self.word_is(toks, first - 1, "in")
                && in_seg[first - 2].is_none()
                && let Some(subject) = speakers::phrase_before(self.text, toks, first - 2)
            {
                return adjacent(Some(subject));
            }
        }
        adjacent(m)
    }

    /// The named person who is the subject of a clause whose verb at `verb` follows a
    /// prepositional adjunct without commas: "Tusk in an interview with
    /// Reuters said", "Tusk at a news conference in Warsaw said", "Tusk in
    /// turn noted". `found` is the phrase read right before the verb; the
    /// adjunct's subject replaces it only when it lies inside the adjunct
    /// ("Reuters", "Warsaw") or there is none, and the subject opens its
    /// clause ("a spokesman for Putin in Moscow said" keeps its reading).
    fn subject_before_adjunct(
        &self,
        toks: &[Token],
        in_seg: &[Option<usize>],
        verb: usize,
        found: Option<&speakers::Mention>,
    ) -> Option<speakers::Mention> {
        // A named person or a pronoun right before the verb is its subject
        // (a description may be the adjunct's: "in a call with the
        // Ukrainian president").
        if found.is_some_and(|m| m.pronoun.is_some() || (m.named && m.kind == SpeakerKind::Person)) {
            return None;
        }
        // The adjunct has no verb of its own and starts no clause.
        let lo = verb.saturating_sub(ADJUNCT_TOKENS + 1);
        let mut k = verb;
        while k > lo && toks[k - 1].word && in_seg[k - 1].is_none() && {
            let w = self.lower(&toks[k - 1]);
            // A cue word after a determiner is a noun: "in a call with".
            !matches!(w.as_str(), "that" | "who" | "which" | "and" | "but" | "or")
                && !AUXILIARIES.contains(w.as_str())
                && (!is_speech_verb(w.as_str()) || self.noun_after_determiner(toks, k - 1))
        } {
            k -= 1;
        }
        let found_start = found.map(|m| first_token(toks, m.span));
        (k.max(1)..verb.saturating_sub(1))
            .filter(|&p| RELATIVE_PREPOSITIONS.contains(self.lower(&toks[p]).as_str()))
            .filter(|&p| found_start.is_none_or(|f| f > p))
            .find_map(|p| {
                let m = speakers::phrase_before(self.text, toks, p - 1)?;
                let first = first_token(toks, m.span);
                let opens_clause = first == 0 || !toks[first - 1].word || in_seg[first - 1].is_some();
                let person = m.named && m.kind == SpeakerKind::Person;
                (opens_clause && person && token_after(toks, m.span) == p).then_some(m)
            })
    }

    /// Builds the quotes a cue attributes. Returns whether it made any.
    fn attribute(
        &mut self,
        toks: &[Token],
        in_seg: &[Option<usize>],
        cues: &[Cue],
        k: usize,
        used: &mut [bool],
        pending_colon: &mut Option<(Option<usize>, Span)>,
    ) -> bool {
        let cue = &cues[k];
        let cue_span = Span::new(toks[cue.start].span.start, toks[cue.end - 1].span.end);
        let (sp_start, sp_end) = cue.speaker.unwrap_or((cue.start, cue.start));
        // "“...,” the statement quoted Shoigu as saying": the quoting source
        // is part of the attribution, not of what was said.
        let quoting = cue.speaker.is_some() && sp_start >= 1 && self.is_quoting_verb(toks, sp_start - 1);
        let anchor_start = if quoting {
            // "..., RIA Novosti reported, citing Ushakov as saying": the
            // report that cites is part of the attribution too.
            let report = sp_start >= 3
                && self.word_is(toks, sp_start - 2, ",")
                && is_speech_verb(&self.lower(&toks[sp_start - 3]));
            let source_end = if report { sp_start - 3 } else { sp_start - 1 };
            (source_end >= 1)
                .then(|| speakers::phrase_before(self.text, toks, source_end - 1))
                .flatten()
                .map_or(source_end, |m| first_token(toks, m.span))
        } else {
            // "..., his office said": the possessive goes with the speaker.
            let start = sp_start.min(cue.start);
            let possessor = cue.speaker.is_some()
                && start >= 1
                && in_seg[start - 1].is_none()
                && speakers::possessive_pronoun(self.text, &toks[start - 1]).is_some();
            if possessor { start - 1 } else { start }
        };
        let anchor_end = if cue.speaker.is_some() { (sp_end + 1).max(cue.end) } else { cue.end };
        // Neighbouring cues bound the content.
        let prev_bound = cues[..k]
            .iter()
            .filter(|c| c.speaker.is_some() || c.entity.is_some())
            .map(|c| c.speaker.map_or(c.end, |(_, e)| (e + 1).max(c.end)))
            .next_back()
            .unwrap_or(0);
        // A coordinated cue ("..., but added that ...", "and also said",
        // "and instead accused") shares the subject and starts a report of
        // its own, so it bounds this one too, at its conjunction.
        let coordinator = |c: &Cue| {
            (c.start.saturating_sub(COORDINATED_SKIP + 1)..c.start)
                .rev()
                .take_while(|&i| toks[i].word)
                .find(|&i| !SKIP.contains(self.lower(&toks[i]).as_str()))
                .filter(|&i| matches!(self.lower(&toks[i]).as_str(), "but" | "and"))
        };
        let next_bound = cues[k + 1..]
            .iter()
            .find(|c| c.speaker.is_some() || c.entity.is_some() || coordinator(c).is_some())
            .map(|c| {
                let start = c.speaker.map_or(c.start, |(s, _)| s.min(c.start));
                coordinator(c).map_or(start, |and| and.min(start))
            })
            .unwrap_or(toks.len());
        let entity = cue.entity;

        // After the cue.
        let mut saw_that = false;
        let mut a = anchor_end;
        if cue.class == CueClass::Source {
            a = anchor_end;
        } else {
            a = self.skip_adverbials(toks, in_seg, a, next_bound);
            if cue.class == CueClass::Tell && !self.word_is(toks, a, "that") {
                // "told reporters Russia was ready": a capitalised word before
                // an auxiliary is the content's subject, not the addressee's.
                let subject_at = |k: usize| {
                    toks[k].cap && toks.get(k + 1).is_some_and(|n| AUXILIARIES.contains(self.lower(n).as_str()))
                };
                if let Some(m) = speakers::phrase_after(self.text, toks, a) {
                    let after = token_after(toks, m.span);
                    a = if after > a + 1 && subject_at(after - 1) { after - 1 } else { after };
                } else if toks.get(a).is_some_and(|t| t.word && in_seg[a].is_none()) {
                    a += 1;
                }
                // "told the BBC's Today programme", "told CNN's State of the
                // Union": the medium's show, whose title may have "of the".
                let mut show = false;
                let title_word = |k: usize| toks.get(k).is_some_and(|t| t.cap && in_seg[k].is_none());
                let addressee_next =
                    |k: usize| toks.get(k + 1).is_some_and(|n| n.cap || ADDRESSEES.contains(self.lower(n).as_str()));
                while a < next_bound && in_seg[a].is_none() && !subject_at(a) {
                    let w = self.lower(&toks[a]);
                    let possessive = w == "'s" && addressee_next(a);
                    let in_title = show
                        && title_word(a - 1)
                        && matches!(w.as_str(), "of" | "the" | "and")
                        && (title_word(a + 1) || (self.word_is(toks, a + 1, "the") && title_word(a + 2)));
                    let goes_on = ADDRESSEES.contains(w.as_str())
                        || toks[a].cap
                        || possessive
                        || in_title
                        || (matches!(w.as_str(), "a" | "an" | "the" | "his" | "her" | "their")
                            && addressee_next(a)
                            // "told reporters the West was ...", "told
                            // reporters the Hamas response was ...": after an
                            // addressee, an article opens the content.
                            && !ADDRESSEES.contains(self.lower(&toks[a - 1]).as_str())
                            && !toks.get(a + 2).is_some_and(|v| AUXILIARIES.contains(self.lower(v).as_str())))
                        // "a weekly news conference", "a televised briefing"
                        || (toks[a].word
                            && a > anchor_end
                            && toks.get(a + 1).is_some_and(|n| ADDRESSEES.contains(self.lower(n).as_str())));
                    if !goes_on {
                        break;
                    }
                    show |= possessive;
                    a += 1;
                }
                a = self.skip_adverbials(toks, in_seg, a, next_bound);
            }
            // "sagte, dass ...", "заявил, что ...": the comma before the
            // complementizer that these languages require (in English the
            // "that" after a comma goes on from the words before the cue:
            // "so bad, Mr. Obama noted, that ...").
            if toks.get(a).is_some_and(|t| t.span.slice(self.text) == ",")
                && self.is_complementizer(toks, a + 1)
                && !self.word_is(toks, a + 1, "that")
            {
                a += 1;
            }
            // "said on Monday that ...": a "that" close by starts the content;
            // past a prepositional adjunct ("said in a statement on Telegram
            // that") it may be further on. A "that" followed by an auxiliary
            // opens a relative clause ("told reporters after the meeting that
            // was held ..."). A verb before the "that" makes what follows the
            // cue a clause that holds it ("said Putin had told Erdogan that
            // ...", "said it was clear that ...").
            let adjunct = toks.get(a).is_some_and(|t| RELATIVE_PREPOSITIONS.contains(self.lower(t).as_str()));
            let mut reach = if adjunct { 9 } else { 5 };
            // A programme's title in the adjunct ("on CNN's “State of the
            // Union” that") counts as one word.
            if let Some(title) =
                (a..next_bound.min(a + reach)).find_map(|i| in_seg[i].filter(|&s| self.names_a_work(s)))
            {
                reach += in_seg[a..next_bound].iter().filter(|&&s| s == Some(title)).count();
            }
            // A participle cue ("a report citing sources said that ...") is
            // followed by its sentence's main verb instead.
            let participle = self.lower(&toks[cue.start]).ends_with("ing");
            // "vowed to renegotiate deals that he said ...": an infinitive
            // right after the cue is the content, and a "that" in it is the
            // infinitive's own ("promised to voters that ..." has none).
            let infinitive = self.opens_infinitive(toks, in_seg, a);
            if infinitive {
                reach = 0;
            }
            let window = (a..next_bound.min(a + reach)).find(|&i| {
                in_seg[i].is_some_and(|s| !self.names_a_work(s))
                    || toks[i].span.slice(self.text) == ","
                    || (i > a
                        && !participle
                        && (AUXILIARIES.contains(self.lower(&toks[i]).as_str())
                            || (is_speech_verb(self.lower(&toks[i]).as_str()) && !self.noun_after_determiner(toks, i))))
                    || (self.is_complementizer(toks, i)
                        && !self.relative_that(toks, a, i)
                        && (i == a || !toks.get(i + 1).is_some_and(|t| AUXILIARIES.contains(self.lower(t).as_str()))))
            });
            if let Some(i) = window
                .filter(|&i| self.is_complementizer(toks, i))
                .or_else(|| self.that_after_aside(toks, in_seg, a, next_bound))
                .or_else(|| {
                    (cue.class == CueClass::Tell)
                        .then(|| self.that_after_addressee(toks, in_seg, a, next_bound))
                        .flatten()
                })
            {
                a = i + 1;
                saw_that = true;
            }
            // "were described by the two powers as a 'good start'": what
            // they called it.
            if cue.agent && self.word_is(toks, a, "as") {
                a += 1;
            }
        }
        // "Zakharova wrote on Telegram:", "Speaking in London, the president
        // said:" ending the unit: the quotation in the next paragraph is
        // what was said, not the words before the speaker. (A cue that ends
        // in the colon, "reports:", is handed on below, once no content is
        // found.)
        if cue.class != CueClass::Source
            && next_bound == toks.len()
            && toks.get(a..).is_some_and(|rest| !rest.is_empty() && rest.iter().all(|t| !t.word))
            && (a..toks.len()).all(|i| in_seg[i].is_none())
            && toks.last().is_some_and(|t| t.span.slice(self.text) == ":")
        {
            *pending_colon = Some((entity, cue_span));
            return false;
        }
        let after_direct = toks.get(a).is_some_and(|t| t.word || in_seg[a].is_some());
        let comma_after = toks.get(a).is_some_and(|t| t.span.slice(self.text) == ",");
        while a < next_bound && matches!(toks[a].span.slice(self.text), "," | ":" | "—" | "–" | "-") {
            a += 1;
        }
        let mut b = next_bound;
        // Stop before the comma that leads into the next cue's clause, and
        // before a "with" that opens it ("..., with one former minister
        // calling it ...").
        if b < toks.len() && b > a + 1 && self.word_is(toks, b - 1, "with") && in_seg[b - 1].is_none() {
            b -= 1;
        }
        if b < toks.len() && b > a && toks[b - 1].span.slice(self.text) == "," {
            b -= 1;
        }
        // "..., speaking after talks in London": how the speaker spoke.
        // "..., a claim that could not be independently verified": the
        // writer's word on the report.
        // "..., a view shared by Macron": the same with a participle and its agent.
        // "..., a position Tehran has rejected": with a named subject.
        // "..., an apparent reference to Trump", "..., a rare rebuke from the
        // paper": with a preposition, after up to two modifiers.
        let editorial_aside = |i: usize| {
            let named = |k: usize| toks.get(k).is_some_and(|t| t.word && t.cap && in_seg[k].is_none());
            if !(self.word_is(toks, i + 1, "a") || self.word_is(toks, i + 1, "an")) {
                return false;
            }
            let Some(noun) = (i + 2..i + 3 + EDITORIAL_MODIFIERS)
                .take_while(|&k| toks.get(k).is_some_and(|t| t.word && !t.cap))
                .find(|&k| EDITORIAL_NOUNS.contains(self.lower(&toks[k]).as_str()))
            else {
                return false;
            };
            toks.get(noun + 1).is_some_and(|t| {
                let w = self.lower(t);
                matches!(w.as_str(), "that" | "which" | "to" | "at" | "of" | "from" | "for" | "on")
                    || (w.ends_with("ed") && self.word_is(toks, noun + 2, "by"))
            }) || named(noun + 1)
                || (self.word_is(toks, noun + 1, "the") && named(noun + 2))
        };
        // "..., according to a statement on its Telegram channel": where the
        // report is from, not part of it.
        let sourced = |i: usize| self.word_is(toks, i + 1, "according") && self.word_is(toks, i + 2, "to");
        // "Paul Ryan, who has said he will not defend Trump, did not ...":
        // a report in a relative clause ends where the clause does.
        let aside_closes = self.in_relative_aside(toks, cue.start);
        if let Some(comma) = (a..b).find(|&i| {
            toks[i].span.slice(self.text) == ","
                && in_seg[i].is_none()
                && (aside_closes
                    || toks.get(i + 1).is_some_and(|t| SITUATION_PARTICIPLES.contains(self.lower(t).as_str()))
                    || editorial_aside(i)
                    || sourced(i))
        }) {
            b = comma;
        } else if let Some(close) = (a.max(1)..b).find(|&i| {
            // "... was “unfit for the job,” a rare rebuke from the paper": the
            // comma inside the closing mark.
            toks[i].span.slice(self.text).chars().next().is_some_and(tokens::is_quote_mark_strict)
                && toks[i - 1].span.slice(self.text) == ","
                && (aside_closes || editorial_aside(i))
        }) {
            b = close + 1;
        }
        // "said the talks would resume but declined to give details": the
        // speaker's own refusal to say more is no part of the report.
        if let Some(but) =
            (a..b).find(|&i| in_seg[i].is_none() && self.word_is(toks, i, "but") && self.withholds(toks, in_seg, i + 1))
        {
            b = but;
        }
        let mut after_words = (a..b).filter(|&i| toks[i].word || in_seg[i].is_some()).count();
        // "promising to focus on ...": an infinitive is what was said; "said
        // to reporters", "said to the press" are not.
        let infinitive = self.opens_infinitive(toks, in_seg, a)
            && !PREPOSITIONAL_CUES.contains(self.lower(&toks[cue.end - 1]).as_str());
        // "said in an interview", "said as he entered the talks": an
        // adverbial, not what was said; a longer one after a report that
        // ends at the speaker ("Y, Lavrov said at a press conference
        // following talks with his Hungarian counterpart").
        let report_before = anchor_start >= 1
            && matches!(toks[anchor_start - 1].span.slice(self.text), "," | "—" | "–")
            && (prev_bound..anchor_start).filter(|&i| toks[i].word && in_seg[i].is_none()).count() >= 4;
        let adverbial_words = if report_before { 16 } else { 8 };
        // "said at least 26 people were killed", "said over 100 drones were
        // shot down": a quantity, not an adverbial.
        let quantity = a + 1 < b && {
            let (w, next) = (self.lower(&toks[a]), self.lower(&toks[a + 1]));
            (w == "at" && matches!(next.as_str(), "least" | "most"))
                || (matches!(w.as_str(), "over" | "as")
                    && (next.starts_with(|c: char| c.is_ascii_digit())
                        || matches!(next.as_str(), "many" | "much" | "few")))
        };
        if a < b
            && !infinitive
            && !quantity
            && after_words < adverbial_words
            && (a..b).all(|i| in_seg[i].is_none() && !self.word_is(toks, i, "that"))
            && matches!(
                self.lower(&toks[a]).as_str(),
                "in" | "as"
                    | "during"
                    | "at"
                    | "when"
                    | "while"
                    | "after"
                    | "before"
                    | "from"
                    | "with"
                    | "on"
                    | "via"
                    | "through"
                    | "over"
                    | "to"
                    | "for"
                    | "shortly"
            )
        {
            after_words = 0;
        }
        // "stated this during a press conference", "said so.": the object
        // points back to what was said, before the sentence; nothing is
        // reported here.
        let points_back = a < b
            && !saw_that
            && matches!(toks[a].span.slice(self.text), "this" | "so")
            && toks.get(a + 1).is_none_or(|n| {
                !n.word
                    || in_seg[a + 1].is_some()
                    || RELATIVE_PREPOSITIONS.contains(self.lower(n).as_str())
                    || (self.is_adverb_or_auxiliary(n) && !AUXILIARIES.contains(self.lower(n).as_str()))
            });
        // "said little about the timing", "said nothing on the matter": no
        // statement is reported ("said little progress was made" is one).
        let says_nothing = a < b
            && !saw_that
            && matches!(self.lower(&toks[a]).as_str(), "nothing" | "little" | "anything")
            && toks.get(a + 1).is_none_or(|n| {
                !n.word
                    || matches!(
                        self.lower(n).as_str(),
                        "about" | "on" | "regarding" | "concerning" | "further" | "more"
                    )
            });
        // "he said and appealed to ...": the clause goes on with another verb.
        if a < b && matches!(self.lower(&toks[a]).as_str(), "and" | "but" | "then") {
            after_words = 0;
        }
        // "Trump said, looking out on the crowd": a participle, not content.
        if a < b
            && a > 0
            && !saw_that
            && toks[a - 1].span.slice(self.text) == ","
            && toks[a].word
            && in_seg[a].is_none()
            && self.lower(&toks[a]).ends_with("ing")
        {
            after_words = 0;
        }

        // Before the cue.
        let mut bs = prev_bound;
        while bs < anchor_start && matches!(toks[bs].span.slice(self.text), "," | ":") {
            bs += 1;
        }
        let mut be = anchor_start;
        while be > bs && matches!(toks[be - 1].span.slice(self.text), "," | "—" | "–") {
            be -= 1;
        }
        // "The spokesman of the Kremlin, Dmitry Peskov, commented ...": the
        // words before the name's comma describe the speaker; they are not
        // what was said ("The talks are over, the spokesman, Dmitry Peskov,
        // said": the report ends before them).
        let description_start = (cue.speaker.is_some()
            && anchor_start >= 2
            && toks[anchor_start - 1].span.slice(self.text) == ","
            && in_seg[anchor_start - 2].is_none())
        .then(|| speakers::phrase_before(self.text, toks, anchor_start - 2))
        .flatten()
        .filter(|m| !m.named && m.pronoun.is_none())
        .map(|m| first_token(toks, m.span));
        let described = description_start.is_some_and(|d| d <= bs);
        // After a quotation ("“...,” Ukraine's president, Volodymyr
        // Zelensky, said") the report ends with the quote's closing mark.
        if let Some(d) = description_start.filter(|&d| d > bs) {
            if toks[d - 1].span.slice(self.text) == "," {
                be = d - 1;
            } else if in_seg[d - 1].is_some() {
                be = d;
            }
        }
        let comma_before = anchor_start > 0
            && !described
            && (matches!(toks[anchor_start - 1].span.slice(self.text), "," | "—" | "–" | "-")
                || in_seg[anchor_start - 1].is_some());
        let before_words = (bs..be).filter(|&i| toks[i].word).count();
        if (points_back && !comma_before) || says_nothing {
            return false;
        }

        // "According to X, ...", and "Macron, who, according to X, had
        // pressed ...": what X says follows.
        let source_first = cue.class == CueClass::Source
            && (cue.start <= 1
                || (cue.start >= 2
                    && toks[cue.start - 1].span.slice(self.text) == ","
                    && matches!(self.lower(&toks[cue.start - 2]).as_str(), "who" | "which")));
        let after_opens = saw_that
            || toks.get(a).is_some_and(|_| in_seg[a].is_some() || self.word_is(toks, a, "that"))
            || (a > 0 && toks.get(a - 1).is_some_and(|t| t.span.slice(self.text) == ":"));
        // “Y,” X said of/in/during Z: a quotation right before the cue is what
        // was said, unless something after the cue opens a report of its own.
        let quote_before = be > bs && in_seg[be - 1].is_some();
        // "The ministry canceled the visit, citing security concerns": a
        // participle right after the comma reports what follows it; the
        // clause before is the narrator's.
        let participle_after_comma = anchor_start == cue.start
            && cue.start > 0
            && toks[cue.start - 1].span.slice(self.text) == ","
            && self.lower(&toks[cue.start]).ends_with("ing")
            && in_seg[be.saturating_sub(1)].is_none();
        let use_after = if cue.class == CueClass::Source {
            source_first
        } else if comma_before
            && !participle_after_comma
            && (before_words >= 4 || quote_before)
            && !INTRO_WORDS.contains(self.lower(&toks[bs]).as_str())
        {
            // "Y, X said Z": Z when it follows the verb directly ("..., she
            // said the invasion has shown ..."), Y when the clause ends.
            // "The weapons it has, he added, are like ...": the verb after a
            // cue set off by commas goes on from the words before it.
            let verb_goes_on =
                comma_after && toks.get(a).is_some_and(|t| !t.cap && AUXILIARIES.contains(self.lower(t).as_str()));
            (after_opens || verb_goes_on || (after_direct && after_words >= 3 && !quote_before))
                && !cue.inverted
                && after_words > 0
        } else {
            after_words > 0 && !(cue.inverted && comma_before && before_words > 0)
        };
        // A quote split by its attribution: “A,” X said, “B.”
        if comma_before && before_words > 0 && after_words > 0 && !cue.inverted {
            let before_seg = in_seg[be - 1].filter(|&s| self.standalone(&self.segments[s]));
            let after_seg = in_seg[a].filter(|&s| self.standalone(&self.segments[s]));
            if let (Some(s1), Some(s2)) = (before_seg, after_seg)
                && !used[s1]
                && !used[s2]
                && s1 != s2
            {
                used[s1] = true;
                used[s2] = true;
                let parts = vec![self.segments[s1].inner, self.segments[s2].inner];
                let span = Span::new(parts[0].start, parts[1].end);
                let draft = Draft { span, kind: QuoteKind::Direct, speaker: entity, cue: Some(cue_span), parts };
                return self.push(draft).is_some();
            }
        }
        // "..., White House and Republican sources said": the speaker is
        // the last of coordinated subjects, and the report ends at the
        // comma before the first ("Neither the Kremlin nor the State
        // Department responded" has no such comma, and reports nothing).
        let coordinated = be == anchor_start
            && be > 0
            && in_seg[be - 1].is_none()
            && COORDINATORS.contains(&self.lower(&toks[be - 1]).as_str());
        let first_subject_comma = coordinated
            .then(|| {
                (bs..be - 1)
                    .rev()
                    .take(CONJUNCT_TOKENS)
                    .take_while(|&i| in_seg[i].is_none() && (toks[i].word || toks[i].span.slice(self.text) == ","))
                    .find(|&i| toks[i].span.slice(self.text) == ",")
            })
            .flatten();
        let (lo, hi) = if use_after {
            let hi = if cue.class == CueClass::Source { toks.len() } else { b };
            let lo = if cue.class == CueClass::Source {
                // Past the speaker phrase and its comma, and a participle
                // set off by commas after it ("According to Reuters, citing
                // three sources, ...").
                let past_comma = |mut lo: usize| {
                    while lo < hi && !matches!(toks[lo].span.slice(self.text), ",") && in_seg[lo].is_none() {
                        lo += 1;
                    }
                    lo + 1
                };
                let lo = past_comma(anchor_end);
                let participle = toks.get(lo).is_some_and(|t| {
                    t.word && !t.cap && in_seg[lo].is_none() && SITUATION_PARTICIPLES.contains(self.lower(t).as_str())
                });
                // "According to Mike Waltz, the U.S. national security
                // adviser, the two sides ...", "According to analyst Tigran
                // Grigoryan, head of the Regional Center for Democracy, the
                // demand ...": a description of the source set off by commas.
                let apposition = in_seg.get(lo) == Some(&None)
                    && speakers::phrase_after(self.text, toks, lo).is_some_and(|m| {
                        let next = self.complement_end(toks, in_seg, token_after(toks, m.span), hi);
                        !m.named
                            && m.pronoun.is_none()
                            && m.kind == SpeakerKind::Person
                            && toks.get(next).is_some_and(|t| t.span.slice(self.text) == ",")
                            && !toks
                                .get(next + 1)
                                .is_some_and(|t| matches!(self.lower(t).as_str(), "who" | "whose" | "which" | "whom"))
                    });
                if apposition || (participle && (lo..hi.min(lo + 8)).any(|i| toks[i].span.slice(self.text) == ",")) {
                    past_comma(lo)
                } else {
                    lo
                }
            } else if self.opens_as_clause(toks, anchor_start) {
                // "As Simonyan put it in a statement to a colleague in July,
                // RT is ...": the "as" clause ends at its comma, and the
                // report is the main clause after it.
                (a..hi)
                    .take_while(|&i| in_seg[i].is_none())
                    .find(|&i| toks[i].span.slice(self.text) == ",")
                    .map_or(a, |c| c + 1)
            } else {
                a
            };
            (lo, hi)
        } else if comma_before
            || cue.inverted
            || cue.class == CueClass::Source
            // "A, while X responds with ...": a subordinating conjunction
            // opening the speaker's clause leaves what precedes it to
            // another clause.
            || (be == anchor_start
                && !coordinated
                && !(be > 0
                    && in_seg[be - 1].is_none()
                    && SUBORDINATORS.contains(&self.lower(&toks[be - 1]).as_str())))
        {
            (bs, be)
        } else if let Some(comma) = first_subject_comma {
            (bs, comma)
        } else {
            return false;
        };
        if lo >= hi || hi > toks.len() {
            // "He said:" at the end of a unit introduces the next quote.
            if toks.get(cue.end..).is_some_and(|r| r.iter().all(|t| !t.word))
                && toks.last().is_some_and(|t| t.span.slice(self.text) == ":")
            {
                *pending_colon = Some((entity, cue_span));
            }
            return false;
        }
        // "Pressure on Moscow, he argued, is the only way ...": a cue set off
        // by commas inside the report splits it, and the words before the
        // cue are said too. (Not how the speaker spoke: "Asked about it, he
        // said, ...".)
        let lead = (use_after
            && cue.class != CueClass::Source
            && lo == a
            && !saw_that
            && comma_after
            && anchor_start > 0
            && toks[anchor_start - 1].span.slice(self.text) == ","
            && before_words > 0
            && (bs..anchor_start).all(|i| in_seg[i].is_none()))
        .then(|| self.past_dateline(toks, Some(in_seg), bs, be))
        // "A, but B, he noted, C": the report starts after the coordinator.
        .map(|start| {
            (start + 1..be.saturating_sub(1))
                .rev()
                .find(|&i| {
                    toks[i].span.slice(self.text) == ","
                        && matches!(self.lower(&toks[i + 1]).as_str(), "but" | "and" | "yet" | "so" | "while")
                })
                .map_or(start, |comma| comma + 2)
        })
        // "... who works for RT and, Mr. King said, has ...": a cue after a
        // conjunction interrupts a coordination, not a report.
        .filter(|_| !matches!(self.lower(&toks[be - 1]).as_str(), "and" | "but" | "or"))
        // "As the head of the delegation, Vladimir Medinsky, stated, ...":
        // the "as" clause is the attribution, not a lead.
        .filter(|_| !self.opens_as_clause(toks, anchor_start))
        .filter(|&start| {
            start < be && toks[start].word && {
                let first = self.lower(&toks[start]);
                !first.ends_with("ing") && first.as_str() != "asked"
            }
        })
        .map(|start| Span::new(toks[start].span.start, toks[be - 1].span.end));
        let drafts_before = self.drafts.len();
        let made = self.content(toks, in_seg, lo, hi, entity, cue_span, used);
        if let Some(lead) = lead
            && self.drafts.len() == drafts_before + 1
        {
            self.lead_report(lead);
        }
        // "Y, the air force said, and Z": the report goes on after the cue.
        if !use_after
            && cue.class != CueClass::Source
            && a < b
            && a > 0
            && self.word_is(toks, a, "and")
            && toks[a - 1].span.slice(self.text) == ","
        {
            let words = (a + 1..b).filter(|&i| toks[i].word).count();
            if words >= 4 && (a + 1..b).all(|i| in_seg[i].is_none()) {
                self.content(toks, in_seg, a + 1, b, entity, cue_span, used);
            }
        }
        made
    }

    /// "said, however, that ...", "insisted, most recently in an interview
    /// with ABC News, that ...": the "that" after an aside set off by
    /// commas right after the cue (the comma at `a`), where the content
    /// starts; not a relative "that" ("..., that was held").
    fn that_after_aside(&self, toks: &[Token], in_seg: &[Option<usize>], a: usize, bound: usize) -> Option<usize> {
        const ASIDE_TOKENS: usize = 16;
        if toks.get(a)?.span.slice(self.text) != "," {
            return None;
        }
        let close = (a + 1..bound.min(a + ASIDE_TOKENS))
            .take_while(|&i| in_seg[i].is_none() && (toks[i].word || toks[i].span.slice(self.text) == ","))
            .find(|&i| toks[i].span.slice(self.text) == ",")
            .filter(|&i| i > a + 1)?;
        let that = close + 1;
        (self.word_is(toks, that, "that")
            && !toks.get(that + 1).is_some_and(|t| AUXILIARIES.contains(self.lower(t).as_str())))
        .then_some(that)
    }

    /// After a "told" and its addressee: the "that" past where and how
    /// they were told, over words, commas and abbreviations but no verb
    /// ("told supporters in Golden, Colo., that", "told reporters aboard
    /// the president's plane that").
    fn that_after_addressee(&self, toks: &[Token], in_seg: &[Option<usize>], a: usize, bound: usize) -> Option<usize> {
        const PLACE_TOKENS: usize = 12;
        let that = (a..bound.min(a + PLACE_TOKENS))
            .take_while(|&i| {
                let t = &toks[i];
                let w = self.lower(t);
                let glued_period = w == "." && i > 0 && toks[i - 1].word && toks[i - 1].span.end == t.span.start;
                in_seg[i].is_none()
                    && (t.word || w == "," || glued_period)
                    && !AUXILIARIES.contains(w.as_str())
                    && !is_speech_verb(&w)
            })
            .find(|&i| self.word_is(toks, i, "that"))?;
        (that > a && !toks.get(that + 1).is_some_and(|t| AUXILIARIES.contains(self.lower(t).as_str()))).then_some(that)
    }

    /// Whether the words from token `i` are the speaker's refusal to say
    /// more ([`WITHHOLDING`]): "declined to give details", "did not say".
    fn withholds(&self, toks: &[Token], in_seg: &[Option<usize>], i: usize) -> bool {
        let w = &*WITHHOLDING;
        w.whole.iter().any(|p| self.words_at(toks, in_seg, i, p))
            || w.refusals.iter().any(|p| {
                self.words_at(toks, in_seg, i, p)
                    && toks.get(i + p.len()).is_some_and(|t| w.verbs.contains(self.lower(t).as_str()))
            })
    }

    /// Whether token `a` is the "to" of an infinitive ("to renegotiate"),
    /// not of an addressee: "to voters" (a plural in "-s" is no bare verb;
    /// "discuss" and "focus" are), "to them", "to his aides", "to the nation".
    fn opens_infinitive(&self, toks: &[Token], in_seg: &[Option<usize>], a: usize) -> bool {
        self.word_is(toks, a, "to")
            && toks.get(a + 1).is_some_and(|n| {
                let w = self.lower(n);
                let plural = w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us");
                n.word
                    && !n.cap
                    && in_seg.get(a + 1).is_some_and(Option::is_none)
                    && !plural
                    && !speakers::determiner_at(self.text, n)
                    && !ADDRESSEES.contains(w.as_str())
                    && !matches!(
                        w.as_str(),
                        "his" | "her" | "its" | "their" | "our" | "my" | "your" | "him" | "them" | "me" | "us"
                    )
            })
    }

    /// Whether the cue at token `start` is the verb of a relative clause
    /// set off after its subject: "A Kellogg officer, who asked not to be
    /// named, ..." (up to three words between "who" and the cue).
    fn in_relative_aside(&self, toks: &[Token], start: usize) -> bool {
        let verb_group = toks[..start].iter().rev().take_while(|t| t.word).take(3).count();
        (start - verb_group..start)
            .any(|w| w >= 1 && self.lower(&toks[w]) == "who" && toks[w - 1].span.slice(self.text) == ",")
    }

    fn skip_adverbials(&self, toks: &[Token], in_seg: &[Option<usize>], mut a: usize, bound: usize) -> usize {
        loop {
            if a >= bound || in_seg[a].is_some() {
                return a;
            }
            let w = self.lower(&toks[a]);
            // "called for immediately deducting ...": an adverb before a
            // gerund is the content's.
            let before_gerund = w.ends_with("ly")
                && toks.get(a + 1).is_some_and(|t| t.word && !t.cap && self.lower(t).ends_with("ing"));
            if SKIP.contains(w.as_str()) && !before_gerund {
                a += 1;
                continue;
            }
            if ADVERBIAL_STARTS.contains(w.as_str()) {
                // "on Monday", "in a statement", "late Sunday", "last week",
                // "on Twitter": up to four words without a comma.
                let stop = (a + 1..bound.min(a + 5))
                    .find(|&i| !toks[i].word || self.word_is(toks, i, "that") || in_seg[i].is_some());
                let next = toks.get(a + 1).map(|t| self.lower(t)).unwrap_or_default();
                let timey = toks.get(a + 1).is_some_and(|t| t.cap)
                    || matches!(
                        next.as_str(),
                        "a" | "an" | "the" | "his" | "her" | "their" | "its" | "week" | "month" | "year" | "night"
                    )
                    || SKIP.contains(next.as_str());
                // "said in a statement it had agreed": a document or an
                // occasion ("in an interview") with no "that" after it, and
                // then the content's subject (a pronoun, a determiner or a
                // capitalised word).
                let determiner = |k: usize| {
                    toks.get(k).is_some_and(|t| {
                        speakers::determiner_at(self.text, t) || speakers::possessive_pronoun(self.text, t).is_some()
                    })
                };
                let occasion = w == "in"
                    && determiner(a + 1)
                    && toks.get(a + 2).is_some_and(|t| {
                        let noun = self.lower(t);
                        !t.cap && (speakers::is_document_word(&noun) || ADDRESSEES.contains(noun.as_str()))
                    })
                    && a + 3 < bound
                    && in_seg[a + 3].is_none()
                    && (toks[a + 3].cap
                        || determiner(a + 3)
                        || speakers::phrase_after(self.text, toks, a + 3).is_some_and(|m| m.pronoun.is_some()));
                if occasion {
                    a += 3;
                    continue;
                }
                if timey {
                    if let Some(s) = stop.filter(|&s| s > a + 1) {
                        // Only skip when a "that", a comma or a quote follows.
                        if toks[s].span.slice(self.text) == ","
                            || self.word_is(toks, s, "that")
                            || in_seg[s].is_some()
                            || toks[s].span.slice(self.text) == ":"
                        {
                            a = s;
                            continue;
                        }
                    }
                    // "said this week"; not "said this was a mistake".
                    if matches!(w.as_str(), "last" | "this" | "late" | "early" | "earlier")
                        && !AUXILIARIES.contains(next.as_str())
                    {
                        a += 2;
                        continue;
                    }
                    // "on Monday", "earlier today"; not "on May 17", whose
                    // month reads as the modal.
                    if SKIP.contains(next.as_str()) && !AUXILIARIES.contains(next.as_str()) {
                        a += 2;
                        continue;
                    }
                }
            }
            return a;
        }
    }

    /// Where the complement of a role that ends at token `end` ends: past
    /// "of"/"at"/"for"... and the words of its post, up to a comma or a
    /// quote ("head of the Regional Center for Democracy,").
    fn complement_end(&self, toks: &[Token], in_seg: &[Option<usize>], end: usize, bound: usize) -> usize {
        const COMPLEMENT_TOKENS: usize = 10;
        if !toks.get(end).is_some_and(|t| speakers::joins_role_to_post(&self.lower(t))) {
            return end;
        }
        (end..bound.min(end + COMPLEMENT_TOKENS)).find(|&i| !toks[i].word || in_seg[i].is_some()).unwrap_or(end)
    }

    /// Whether token `i` is a sign that belongs to the number it touches:
    /// a currency sign before one ("$5 billion"), a percent or degree sign
    /// after one ("17%"). Content keeps it at either end.
    fn sign_of_number(&self, toks: &[Token], i: usize) -> bool {
        let Some(t) = toks.get(i) else { return false };
        match t.span.slice(self.text) {
            "$" | "€" | "£" | "¥" | "₽" | "₴" => toks.get(i + 1).is_some_and(|next| {
                next.span.start == t.span.end && next.span.slice(self.text).starts_with(|c: char| c.is_ascii_digit())
            }),
            "%" | "‰" | "°" => i.checked_sub(1).and_then(|k| toks.get(k)).is_some_and(|prev| {
                prev.span.end == t.span.start && prev.span.slice(self.text).ends_with(|c: char| c.is_ascii_digit())
            }),
            _ => false,
        }
    }

    /// Turns the content `toks[lo..hi]` into quotes.
    #[allow(clippy::too_many_arguments)]
    fn content(
        &mut self,
        toks: &[Token],
        in_seg: &[Option<usize>],
        mut lo: usize,
        mut hi: usize,
        entity: Option<usize>,
        cue: Span,
        used: &mut [bool],
    ) -> bool {
        lo = self.past_dateline(toks, Some(in_seg), lo, hi);
        while lo < hi
            && in_seg[lo].is_none()
            && (self.word_is(toks, lo, "that") || !(toks[lo].word || self.sign_of_number(toks, lo)))
        {
            lo += 1;
        }
        while hi > lo
            && in_seg[hi - 1].is_none()
            && (!(toks[hi - 1].word || self.sign_of_number(toks, hi - 1))
                || matches!(
                    self.lower(&toks[hi - 1]).as_str(),
                    "and" | "but" | "or" | "however" | "while" | "as" | "though" | "although"
                ))
        {
            hi -= 1;
        }
        if lo >= hi {
            return false;
        }
        // "May said he saw another way: “One can imagine ...”": reported
        // speech, then a quoted sentence the colon introduces, each its own
        // quote of the speaker. Before the cue ("X scolded him: “...,” she
        // said") what precedes the colon is a clause of its own, not speech.
        let after_cue = cue.end <= toks[lo].span.start;
        let colon = (lo + 1..hi).find(|&k| {
            in_seg[k].is_none()
                && toks[k].span.slice(self.text) == ":"
                && in_seg.get(k + 1).copied().flatten().is_some_and(|s| {
                    let inner = self.segments[s].inner.slice(self.text);
                    inner.chars().next().is_some_and(char::is_uppercase) && inner.split_whitespace().nth(2).is_some()
                })
        });
        if let Some(k) = colon {
            // "Pelosi said of Trump: “...”", "put it bluntly at the rally:
            // “...”": a prepositional phrase before the colon is no report.
            let first = self.lower(&toks[lo]);
            let adjunct =
                RELATIVE_PREPOSITIONS.contains(first.as_str()) || matches!(first.as_str(), "of" | "about" | "to");
            let reported = after_cue && !adjunct && self.content(toks, in_seg, lo, k, entity, cue, used);
            let mut quoted = false;
            let mut segs: Vec<usize> = (k + 1..hi).filter_map(|i| in_seg[i]).collect();
            segs.dedup();
            for s in segs {
                if !used[s] {
                    used[s] = true;
                    quoted |= self.push_direct(s, entity, Some(cue)).is_some();
                }
            }
            return reported || quoted;
        }
        let mut segs: Vec<usize> = (lo..hi).filter_map(|i| in_seg[i]).collect();
        segs.dedup();
        let outside_words = (lo..hi).filter(|&i| in_seg[i].is_none() && toks[i].word).count();
        let standalone: Vec<usize> = segs.iter().copied().filter(|&s| self.standalone(&self.segments[s])).collect();
        if !segs.is_empty() && outside_words == 0 {
            let mut quoted = false;
            for s in segs {
                if used[s] {
                    continue;
                }
                used[s] = true;
                quoted |= self.push_direct(s, entity, Some(cue)).is_some();
            }
            return quoted;
        }
        if !standalone.is_empty() && outside_words <= 2 && segs.len() == standalone.len() {
            let mut quoted = false;
            for s in standalone {
                if !used[s] {
                    used[s] = true;
                    quoted |= self.push_direct(s, entity, Some(cue)).is_some();
                }
            }
            return quoted;
        }
        // Trailing closing mark of a fragment stays; the final period goes.
        let span = Span::new(toks[lo].span.start, toks[hi - 1].span.end);
        let span = match self.segments_end(in_seg, hi) {
            Some(end) => Span::new(span.start, end.max(span.end)),
            None => span,
        };
        if outside_words < 2 && segs.is_empty() {
            return false;
        }
        let kind = if segs.is_empty() { QuoteKind::Indirect } else { QuoteKind::Mixed };
        if segs.iter().any(|&s| used[s]) {
            return false;
        }
        for &s in &segs {
            used[s] = true;
        }
        self.push(Draft { span, kind, speaker: entity, cue: Some(cue), parts: Vec::new() }).is_some()
    }

    fn segments_end(&self, in_seg: &[Option<usize>], hi: usize) -> Option<usize> {
        let s = in_seg.get(hi.checked_sub(1)?).copied().flatten()?;
        Some(self.segments[s].outer.end)
    }

    /// Whether segment `seg` is the title of a programme or publication
    /// after its owner's possessive ("said on CNN's “State of the Union”
    /// that ...", "told NBC's “Meet the Press”"): a few capitalised words
    /// with no punctuation, which belong to the clause around them.
    fn names_a_work(&self, seg: usize) -> bool {
        const TITLE_WORDS: usize = 6;
        let Some(seg) = self.segments.get(seg) else { return false };
        let before = self.text.get(..seg.outer.start).unwrap_or("").trim_end();
        if !["'s", "’s", "s'", "s’"].iter().any(|p| before.ends_with(p)) {
            return false;
        }
        // At most a title's words are read, however long the quotation.
        let title = seg.inner.slice(self.text);
        let words = title.split_whitespace().take(TITLE_WORDS + 1).count();
        (1..=TITLE_WORDS).contains(&words)
            && title.split_whitespace().all(|w| {
                w.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '&'))
                    && (w.starts_with(|c: char| c.is_uppercase() || c.is_numeric())
                        || matches!(w, "of" | "the" | "and" | "in" | "on" | "at" | "to" | "for" | "a"))
            })
    }

    /// Whether a quote stands as speech on its own (after a colon, comma,
    /// dash or speech verb, or starting its sentence) rather than a quoted
    /// word or phrase inside a clause (a scare quote or a mixed quote).
    fn standalone(&self, seg: &Segment) -> bool {
        let para = self.doc.paragraph_at(seg.outer.start).and_then(|p| self.doc.paragraphs.get(p));
        let para_start = para.map_or(0, |p| p.span.start);
        let before = self.text.get(para_start..seg.outer.start).unwrap_or("").trim_end();
        let Some(last) = before.chars().next_back() else {
            return true;
        };
        if matches!(last, ',' | ':' | '.' | '!' | '?' | '—' | '–' | '-' | '(' | ';') || tokens::is_quote_mark(last)
        {
            return true;
        }
        let word_start = before.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| i + 1);
        is_speech_verb(&before.get(word_start..).unwrap_or("").to_lowercase())
    }

    /// Joins the report just made with the words before its parenthetical
    /// cue (`lead`): one statement whose two parts the cue splits, as a
    /// direct quote split by its attribution is.
    fn lead_report(&mut self, lead: Span) {
        let Some((last, earlier)) = self.drafts.split_last_mut() else { return };
        let joined = Span::new(lead.start, last.span.end);
        if last.kind == QuoteKind::Direct || last.span.start < lead.end || overlaps_recent(earlier, joined) {
            return;
        }
        last.parts = vec![lead, last.span];
        last.span = joined;
    }

    fn push_direct(&mut self, seg: usize, speaker: Option<usize>, cue: Option<Span>) -> Option<usize> {
        let span = self.segments[seg].inner;
        self.push(Draft { span, kind: QuoteKind::Direct, speaker, cue, parts: Vec::new() })
    }

    fn push(&mut self, draft: Draft) -> Option<usize> {
        if draft.span.is_empty() || self.text.get(draft.span.start..draft.span.end).is_none() {
            return None;
        }
        // Drop a draft overlapping one already made.
        if overlaps_recent(&self.drafts, draft.span) {
            return None;
        }
        self.drafts.push(draft);
        Some(self.drafts.len() - 1)
    }

    fn finish(self) -> Attribution {
        let State { doc, text, mut drafts, registry, full_names, .. } = self;
        // A person quoted by a surname alone, with no title or with a
        // lower-case description ("Dean, a medical doctor,"), may take a
        // fuller name given elsewhere.
        let surname_only = |e: &speakers::Entity| {
            e.kind == SpeakerKind::Person
                && !e.title.starts_with(|c: char| !c.is_lowercase())
                && !e.name.contains(char::is_whitespace)
        };
        // A description quoted before the name it stands for ("Russia's
        // deputy foreign minister said ...", later "Deputy Foreign Minister
        // Mikhail Galuzin") is that person; its mentions (and affiliation,
        // when the name has none) become theirs.
        // Each speaker is looked up once, however many quotes it has.
        let mut stands_for: HashMap<usize, Option<usize>> = HashMap::new();
        let mut described: HashMap<usize, &speakers::Entity> = HashMap::new();
        for d in &mut drafts {
            let Some(e) = d.speaker else { continue };
            let person = *stands_for.entry(e).or_insert_with(|| registry.named_for_description(e));
            if let (Some(person), Some(description)) = (person, registry.entities.get(e)) {
                d.speaker = Some(person);
                described.insert(person, description);
            }
        }
        let mut order: Vec<usize> = (0..drafts.len()).collect();
        order.sort_by_key(|&i| (drafts[i].span.start, drafts[i].span.end));
        // Speakers: entities with at least one quote, in order of first quote.
        let mut speaker_index: HashMap<usize, usize> = HashMap::new();
        let mut speakers: Vec<Speaker> = Vec::new();
        let mut quotes = Vec::with_capacity(drafts.len());
        for &i in &order {
            let d = &mut drafts[i];
            let speaker = d.speaker.and_then(|e| {
                let entity = registry.entities.get(e)?;
                let next = speakers.len();
                let idx = *speaker_index.entry(e).or_insert(next);
                if idx == next {
                    let mut mentions = entity.mentions.clone();
                    let description = described.get(&e);
                    mentions.extend(description.map_or(&[][..], |d| &d.mentions[..]));
                    // A person named by a surname alone, with no title,
                    // takes the one fuller name the document gives, if no
                    // other speaker has it. A capitalised title ("President
                    // Obama", "Mr. Obama") is left alone: a relative
                    // ("Michelle Obama") may be the only full name in the text.
                    // An honorific that agrees with the full name's given
                    // name is no bar ("Mr. Comey" is James Comey, not
                    // Michelle Comey).
                    let honorific_agrees = |full: &str| {
                        entity.kind == SpeakerKind::Person
                            && speakers::is_honorific(&entity.title)
                            && entity.gender.is_some()
                            && speakers::gender_of_name(full) == entity.gender
                            && !entity.name.contains(char::is_whitespace)
                    };
                    let mut name = entity.name.clone();
                    if let Some((full, spans)) = full_names.ending_in(text, &name)
                        && (surname_only(entity) || honorific_agrees(full))
                        && !registry.entities.iter().any(|other| other.name == full)
                    {
                        name = full.to_string();
                        mentions.extend(spans);
                    }
                    mentions.sort();
                    mentions.dedup();
                    speakers.push(Speaker {
                        name,
                        kind: entity.kind,
                        title: entity.title.clone(),
                        affiliation: match description {
                            Some(d) if entity.affiliation.is_empty() => d.affiliation.clone(),
                            _ => entity.affiliation.clone(),
                        },
                        mentions,
                        quotes: Vec::new(),
                    });
                }
                Some(idx)
            });
            let index = quotes.len();
            if let Some(s) = speaker {
                speakers[s].quotes.push(index);
            }
            quotes.push(Quote {
                span: d.span,
                kind: d.kind,
                speaker,
                cue: d.cue,
                parts: std::mem::take(&mut d.parts),
                stances: Vec::new(),
            });
        }
        add_name_mentions(doc, text, &mut speakers);
        Attribution { quotes, speakers }
    }
}

/// Whether `span` overlaps one of the last eight drafts made (a bounded
/// look back, so that making drafts stays linear).
fn overlaps_recent(drafts: &[Draft], span: Span) -> bool {
    drafts.iter().rev().take(8).any(|d| d.span.overlaps(span))
}

/// Adds every occurrence of a named speaker's name or surname in the
/// article text (outside boilerplate) to its mentions.
fn add_name_mentions(doc: &Document<'_>, text: &str, speakers: &mut [Speaker]) {
    let mut owner: HashMap<String, Option<usize>> = HashMap::new();
    for (i, s) in speakers.iter().enumerate() {
        let named = s.kind == super::SpeakerKind::Person
            && s.name.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase));
        if !named {
            continue;
        }
        let surname = s.name.split_whitespace().last().unwrap_or("").to_string();
        for pattern in [s.name.clone(), surname] {
            if pattern.chars().count() < 3 {
                continue;
            }
            owner.entry(pattern).and_modify(|o| *o = o.filter(|&x| x == i)).or_insert(Some(i));
        }
    }
    let patterns: Vec<(&str, usize)> = owner.iter().filter_map(|(p, o)| Some((p.as_str(), (*o)?))).collect();
    let mut add = |start: usize, end: usize, speaker: usize| {
        let before = text.get(..start).and_then(|t| t.chars().next_back());
        let after = text.get(end..).and_then(|t| t.chars().next());
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
            return;
        }
        if !doc.in_boilerplate(start) {
            speakers[speaker].mentions.push(Span::new(start, end));
        }
    };
    // Every occurrence of every name; a name inside a longer one is dropped
    // below. A handful of names: one substring search each is cheaper than
    // building an automaton; many (a long document): one pass for all, so
    // the cost stays linear in the text.
    if patterns.len() <= NAME_SEARCHES {
        for &(pattern, speaker) in &patterns {
            // memmem's vectorised search; a UTF-8 needle matches only on
            // character boundaries.
            for start in memchr::memmem::find_iter(text.as_bytes(), pattern.as_bytes()) {
                add(start, start + pattern.len(), speaker);
            }
        }
    } else if let Ok(matcher) = aho_corasick::AhoCorasickBuilder::new()
        .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
        .build(patterns.iter().map(|(p, _)| p))
    {
        for m in matcher.find_overlapping_iter(text) {
            add(m.start(), m.end(), patterns[m.pattern().as_usize()].1);
        }
    }
    for s in speakers.iter_mut() {
        s.mentions.sort();
        s.mentions.dedup();
        // A mention inside a longer one ("Peskov" in "Dmitry Peskov") goes.
        let mut kept: Vec<Span> = Vec::with_capacity(s.mentions.len());
        for m in s.mentions.drain(..) {
            match kept.last_mut() {
                Some(last) if last.contains(m) => {}
                Some(last) if m.contains(*last) => *last = m,
                _ => kept.push(m),
            }
        }
        s.mentions = kept;
    }
}

#[cfg(test)]
mod tests;
