//! The analysis core: plain Rust, no gRPC. [`analyze`] reads one article and
//! returns its speakers, quotes, dates and stances; each extractor is a pure
//! function of the [`Document`].
//!
//! All offsets here are UTF-8 byte offsets into the original text; the service
//! converts them to the unit a caller asks for.

pub mod dates;
pub mod document;
pub mod language;
pub mod lexicon;
pub mod quotes;
pub mod reference;
pub mod speakers;
pub mod stance;

use serde::Serialize;

pub use document::Document;
pub use language::Language;
pub use reference::{ReferenceDate, ReferenceSource};

/// A half-open byte range `[start, end)` of the analysed text, always on
/// character boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// Byte just past the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text the span covers, or "" if it does not fit `text`.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Whether `other` lies inside this span.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Which extractors to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Features {
    /// Quotes and speakers.
    pub quotes: bool,
    /// Temporal expressions.
    pub dates: bool,
    /// Stance toward the targets (runs quotes too).
    pub stance: bool,
}

impl Features {
    /// Every extractor.
    pub const ALL: Features = Features { quotes: true, dates: true, stance: true };
    /// No extractor (language detection only).
    pub const NONE: Features = Features { quotes: false, dates: false, stance: false };
}

impl Default for Features {
    fn default() -> Self {
        Self::ALL
    }
}

/// Something to take a stance toward.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct StanceTarget {
    /// The target's name ("negotiations").
    pub name: String,
    /// Phrases that show a sentence concerns the target; empty means the
    /// name and its simple variants.
    #[serde(default)]
    pub keywords: Vec<String>,
}

/// How one document is to be analysed.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The caller's reference date; `None` looks for a dateline.
    pub reference_date: Option<ReferenceDate>,
    /// A language code to use instead of detection.
    pub language_hint: Option<String>,
    /// Which extractors to run.
    pub features: Features,
    /// The stance targets to assess (already defaulted by the caller).
    pub stance_targets: Vec<StanceTarget>,
}

/// What kind of entity a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum SpeakerKind {
    /// A named or described person.
    Person,
    /// An organisation or institution.
    Organization,
    /// A described group of people.
    Group,
}

/// One quoted person, organisation or group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speaker {
    /// The fullest name the document gives.
    pub name: String,
    /// Person, organisation or group.
    pub kind: SpeakerKind,
    /// Role or title ("Kremlin spokesman"); may be empty.
    pub title: String,
    /// Country or organisation the speaker belongs to; may be empty.
    pub affiliation: String,
    /// Every mention of the speaker, in text order.
    pub mentions: Vec<Span>,
    /// Indices (into [`Analysis::quotes`]) of the speaker's quotes.
    pub quotes: Vec<usize>,
}

/// How a quote is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum QuoteKind {
    /// The speaker's words inside quote marks.
    Direct,
    /// Reported speech with no quote marks.
    Indirect,
    /// Reported speech with a quoted part.
    Mixed,
}

/// A stance label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum StanceLabel {
    /// For the target.
    Favor,
    /// Against the target.
    Against,
    /// Neither, or conflicting or weak evidence.
    None,
}

/// A quote's stance toward one target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteStance {
    /// The target's name.
    pub target: String,
    /// The label.
    pub label: StanceLabel,
    /// Confidence from 0 to 1.
    pub confidence: f32,
    /// The words that decided the label.
    pub evidence: String,
}

/// One statement found in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// The content (see [`QuoteKind`]); `span.slice(text)` is the quote text.
    pub span: Span,
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// Index (into [`Analysis::speakers`]) of the speaker, if found.
    pub speaker: Option<usize>,
    /// The attributing speech verb or phrase, if any.
    pub cue: Option<Span>,
    /// For a statement split by its attribution ("We will try," Putin said,
    /// "and ..."; "Pressure on Moscow, he argued, is the only way"): the
    /// parts in order. `span` then runs from the first part to the last,
    /// attribution included. Empty otherwise.
    pub parts: Vec<Span>,
    /// Stances toward the targets the quote concerns.
    pub stances: Vec<QuoteStance>,
}

/// The TIMEX3 type of a temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum TemporalType {
    /// A calendar date or period.
    Date,
    /// A time of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurring time.
    Set,
}

/// A temporal expression with its TIMEX3 value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TemporalExpression {
    /// Where the expression is.
    pub span: Span,
    /// DATE, TIME, DURATION or SET.
    pub kind: TemporalType,
    /// TIMEX3 value ("2022-02", "P3Y", "XXXX-11-12", "PRESENT_REF").
    pub value: String,
}

/// Who holds a stance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Holder {
    /// A speaker, by index into [`Analysis::speakers`].
    Speaker(usize),
    /// The document as a whole.
    Document,
}

/// Where a holder stands on a target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerStance {
    /// The holder.
    pub holder: Holder,
    /// The target's name.
    pub target: String,
    /// The label.
    pub label: StanceLabel,
    /// Confidence from 0 to 1.
    pub confidence: f32,
    /// Indices (into [`Analysis::quotes`]) of the supporting quotes.
    pub evidence: Vec<usize>,
}

/// Everything found in one document.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Analysis {
    /// The document's language.
    pub language: Language,
    /// The reference date used, if any.
    pub reference_date: Option<ReferenceDate>,
    /// Quoted speakers.
    pub speakers: Vec<Speaker>,
    /// Quotes in text order.
    pub quotes: Vec<Quote>,
    /// Temporal expressions in text order.
    pub dates: Vec<TemporalExpression>,
    /// Stances per (speaker, target) and per target for the document.
    pub stances: Vec<SpeakerStance>,
    /// Notes for the caller.
    pub warnings: Vec<String>,
}

/// Analyses one article. Never panics; runs in time linear in the text.
pub fn analyze(text: &str, options: &Options) -> Analysis {
    let language = language::detect(text, options.language_hint.as_deref());
    let mut warnings = Vec::new();
    if !language.code.is_empty() && language.code != "eng" && language.reliable {
        warnings.push(if quotes::CUE_LANGUAGES.contains(&language.code.as_str()) {
            format!(
                "speech cues cover {}; speaker, date and stance rules cover English and are applied as far as they fit",
                language.name
            )
        } else {
            format!("the rules cover English; {} text is analysed with them as far as they apply", language.name)
        });
    }
    let doc = Document::new(text);
    let reference_date = options.reference_date.clone().or_else(|| dates::find_dateline(&doc));

    // Stance rests on quotes, so asking for stance runs (and returns) quotes.
    let (mut quotes, speakers) = if options.features.quotes || options.features.stance {
        let attributed = quotes::extract(&doc);
        (attributed.quotes, attributed.speakers)
    } else {
        (Vec::new(), Vec::new())
    };
    let dates = if options.features.dates { dates::extract(&doc, reference_date.as_ref()) } else { Vec::new() };
    let stances = if options.features.stance {
        stance::assess(&doc, &mut quotes, &speakers, &options.stance_targets)
    } else {
        Vec::new()
    };
    Analysis { language, reference_date, speakers, quotes, dates, stances, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_warning_says_which_rules_cover_the_language() {
        let options = Options::default();
        let russian =
            "«Мы готовы к переговорам, но только на наших условиях», — заявил Песков журналистам в понедельник.";
        let warnings = analyze(russian, &options).warnings;
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].starts_with("speech cues cover Russian;"), "{warnings:?}");
        let dutch = "De onderhandelingen over een staakt-het-vuren zijn maandag in Genève hervat, zeiden diplomaten.";
        let warnings = analyze(dutch, &options).warnings;
        assert!(warnings.iter().any(|w| w.starts_with("the rules cover English;")), "{warnings:?}");
        assert!(analyze("The talks resumed on Monday, diplomats said.", &options).warnings.is_empty());
    }
}
