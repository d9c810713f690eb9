//! The proto ↔ domain boundary: request validation (every error names the
//! field at fault) and the mapping of an [`Analysis`] to an
//! [`pb::AnalyzeResponse`], with offsets in the unit the caller asked for.

use crate::analysis::{
    self, Analysis, Features, Holder, Options, QuoteKind, ReferenceDate, ReferenceSource, Span, SpeakerKind,
    StanceLabel, StanceTarget, TemporalType,
};
use crate::pb;

/// Limits applied to every request before it is analysed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest `text`, in UTF-8 bytes.
    pub max_text_bytes: usize,
    /// Most `stance_targets` in one request.
    pub max_stance_targets: usize,
    /// Most keywords of one stance target.
    pub max_keywords_per_target: usize,
    /// Longest target name or keyword, in bytes.
    pub max_keyword_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self { max_text_bytes: 1 << 20, max_stance_targets: 32, max_keywords_per_target: 128, max_keyword_bytes: 256 }
    }
}

/// Why a request was rejected: a gRPC code, the field at fault, and a
/// message for the caller.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct RequestError {
    /// The status code the call fails with.
    pub code: tonic::Code,
    /// The request field at fault (`text`, `stance_targets[2].name`).
    pub field: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl RequestError {
    /// An INVALID_ARGUMENT error for `field`.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self { code: tonic::Code::InvalidArgument, field: field.into(), message: message.into() }
    }

    /// A RESOURCE_EXHAUSTED error for `field`.
    pub fn too_large(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self { code: tonic::Code::ResourceExhausted, field: field.into(), message: message.into() }
    }

    /// The status a unary call fails with: the code, and a message that
    /// starts with the field name.
    pub fn to_status(&self) -> tonic::Status {
        tonic::Status::new(self.code, self.to_string())
    }

    /// The per-document error of a stream response.
    pub fn to_document_error(&self) -> pb::DocumentError {
        pb::DocumentError { code: self.code as i32, message: self.to_string(), field: self.field.clone() }
    }
}

/// A validated request: what to analyse and how to report it.
#[derive(Debug, Clone)]
pub struct ValidRequest<'r> {
    /// The text to analyse.
    pub text: &'r str,
    /// Analysis options.
    pub options: Options,
    /// Offset unit of the response.
    pub encoding: pb::EncodingType,
}

/// Validates a request. `default_targets` stand in for an empty
/// `stance_targets`.
pub fn validate<'r>(
    request: &'r pb::AnalyzeRequest,
    default_targets: &[StanceTarget],
    limits: &Limits,
) -> Result<ValidRequest<'r>, RequestError> {
    let text = request.text.as_str();
    if text.len() > limits.max_text_bytes {
        return Err(RequestError::too_large(
            "text",
            format!("{} bytes is over the limit of {} bytes (max_text_bytes)", text.len(), limits.max_text_bytes),
        ));
    }
    if text.trim().is_empty() {
        return Err(RequestError::invalid("text", "must not be empty"));
    }
    let encoding = pb::EncodingType::try_from(request.encoding_type)
        .map_err(|_| RequestError::invalid("encoding_type", format!("unknown value {}", request.encoding_type)))?;
    let reference_date = match request.reference_date.trim() {
        "" => None,
        value => Some(ReferenceDate::parse(value).map_err(|e| RequestError::invalid("reference_date", e.to_string()))?),
    };
    let language_hint = match request.language_hint.trim() {
        "" => None,
        hint if analysis::language::is_known_code(hint) => Some(hint.to_owned()),
        hint => {
            return Err(RequestError::invalid(
                "language_hint",
                format!("{:?} is not an ISO 639-1 or 639-3 language code", truncate(hint, 32)),
            ));
        }
    };
    let features = features(&request.features)?;
    let stance_targets = if request.stance_targets.is_empty() {
        default_targets.to_vec()
    } else {
        stance_targets(&request.stance_targets, limits)?
    };
    Ok(ValidRequest { text, options: Options { reference_date, language_hint, features, stance_targets }, encoding })
}

fn features(requested: &[i32]) -> Result<Features, RequestError> {
    if requested.is_empty() {
        return Ok(Features::ALL);
    }
    let mut features = Features::NONE;
    for (i, &value) in requested.iter().enumerate() {
        match pb::Feature::try_from(value) {
            Ok(pb::Feature::Quotes) => features.quotes = true,
            Ok(pb::Feature::Dates) => features.dates = true,
            Ok(pb::Feature::Stance) => features.stance = true,
            Ok(pb::Feature::Unspecified) => {}
            Err(_) => {
                return Err(RequestError::invalid(format!("features[{i}]"), format!("unknown value {value}")));
            }
        }
    }
    Ok(features)
}

fn stance_targets(targets: &[pb::StanceTarget], limits: &Limits) -> Result<Vec<StanceTarget>, RequestError> {
    if targets.len() > limits.max_stance_targets {
        return Err(RequestError::invalid(
            "stance_targets",
            format!(
                "{} targets is over the limit of {} (max_stance_targets)",
                targets.len(),
                limits.max_stance_targets
            ),
        ));
    }
    targets
        .iter()
        .enumerate()
        .map(|(i, target)| {
            let name = target.name.trim();
            if name.is_empty() {
                return Err(RequestError::invalid(format!("stance_targets[{i}].name"), "must not be empty"));
            }
            if name.len() > limits.max_keyword_bytes {
                return Err(RequestError::invalid(
                    format!("stance_targets[{i}].name"),
                    format!("is over the limit of {} bytes (max_keyword_bytes)", limits.max_keyword_bytes),
                ));
            }
            if target.keywords.len() > limits.max_keywords_per_target {
                return Err(RequestError::invalid(
                    format!("stance_targets[{i}].keywords"),
                    format!(
                        "{} keywords is over the limit of {} (max_keywords_per_target)",
                        target.keywords.len(),
                        limits.max_keywords_per_target
                    ),
                ));
            }
            let mut keywords = Vec::with_capacity(target.keywords.len());
            for (k, keyword) in target.keywords.iter().enumerate() {
                let keyword = keyword.trim();
                if keyword.len() > limits.max_keyword_bytes {
                    return Err(RequestError::invalid(
                        format!("stance_targets[{i}].keywords[{k}]"),
                        format!("is over the limit of {} bytes (max_keyword_bytes)", limits.max_keyword_bytes),
                    ));
                }
                if !keyword.is_empty() {
                    keywords.push(keyword.to_owned());
                }
            }
            Ok(StanceTarget { name: name.to_owned(), keywords })
        })
        .collect()
}

fn truncate(s: &str, max_chars: usize) -> String {
    s.chars().take(max_chars).collect()
}

/// Converts UTF-8 byte offsets of one text to the unit a caller asked for.
/// Built from every offset a response needs, with one pass over the text.
#[derive(Debug)]
pub struct OffsetMap {
    encoding: pb::EncodingType,
    /// Sorted (byte offset, unit offset) pairs; empty for UTF-8.
    table: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// Prepares the conversion of `offsets` (byte offsets on character
    /// boundaries of `text`).
    pub fn new(text: &str, encoding: pb::EncodingType, offsets: impl IntoIterator<Item = usize>) -> Self {
        let unit_len: fn(char) -> usize = match encoding {
            pb::EncodingType::Utf16 => char::len_utf16,
            pb::EncodingType::Utf32 => |_| 1,
            pb::EncodingType::Unspecified | pb::EncodingType::Utf8 => {
                return Self { encoding, table: Vec::new() };
            }
        };
        let mut wanted: Vec<usize> = offsets.into_iter().collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut table = Vec::with_capacity(wanted.len());
        let (mut byte, mut units) = (0, 0);
        let mut chars = text.chars();
        for offset in wanted {
            while byte < offset {
                let Some(c) = chars.next() else { break };
                byte += c.len_utf8();
                units += unit_len(c);
            }
            table.push((offset, units));
        }
        Self { encoding, table }
    }

    /// The offset of byte `offset` in the requested unit.
    pub fn map(&self, offset: usize) -> u32 {
        let mapped = match self.encoding {
            pb::EncodingType::Unspecified | pb::EncodingType::Utf8 => offset,
            _ => match self.table.binary_search_by_key(&offset, |&(b, _)| b) {
                Ok(i) => self.table[i].1,
                Err(_) => offset,
            },
        };
        u32::try_from(mapped).unwrap_or(u32::MAX)
    }

    /// A span in the requested unit.
    pub fn span(&self, span: Span) -> pb::Span {
        pb::Span { start: self.map(span.start), end: self.map(span.end) }
    }
}

/// Builds the response for `id` from an analysis of `text`.
pub fn response(id: &str, text: &str, analysis: &Analysis, encoding: pb::EncodingType) -> pb::AnalyzeResponse {
    let offsets = analysis
        .quotes
        .iter()
        .flat_map(|q| [Some(q.span), q.cue].into_iter().flatten())
        .chain(analysis.speakers.iter().flat_map(|s| s.mentions.iter().copied()))
        .chain(analysis.dates.iter().map(|d| d.span))
        .flat_map(|s| [s.start, s.end]);
    let offsets = OffsetMap::new(text, encoding, offsets);
    let quote_id = |i: usize| format!("q{}", i + 1);
    let speaker_id = |i: usize| format!("s{}", i + 1);
    let speaker_name = |i: usize| analysis.speakers.get(i).map(|s| s.name.clone()).unwrap_or_default();

    pb::AnalyzeResponse {
        id: id.to_owned(),
        language: Some(pb::Language {
            code: analysis.language.code.clone(),
            name: analysis.language.name.clone(),
            confidence: analysis.language.confidence,
            reliable: analysis.language.reliable,
        }),
        reference_date: Some(match &analysis.reference_date {
            Some(r) => pb::ReferenceDate {
                value: r.value(),
                source: match r.source {
                    ReferenceSource::Request => pb::ReferenceDateSource::Request,
                    ReferenceSource::Dateline => pb::ReferenceDateSource::Dateline,
                } as i32,
            },
            None => pb::ReferenceDate { value: String::new(), source: pb::ReferenceDateSource::None as i32 },
        }),
        speakers: analysis
            .speakers
            .iter()
            .enumerate()
            .map(|(i, s)| pb::Speaker {
                id: speaker_id(i),
                name: s.name.clone(),
                kind: speaker_kind(s.kind) as i32,
                title: s.title.clone(),
                affiliation: s.affiliation.clone(),
                mentions: s.mentions.iter().map(|&m| offsets.span(m)).collect(),
                quote_ids: s.quotes.iter().map(|&q| quote_id(q)).collect(),
            })
            .collect(),
        quotes: analysis
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| pb::Quote {
                id: quote_id(i),
                text: q.span.slice(text).to_owned(),
                span: Some(offsets.span(q.span)),
                kind: quote_kind(q.kind) as i32,
                speaker_id: q.speaker.map(speaker_id).unwrap_or_default(),
                speaker: q.speaker.map(speaker_name).unwrap_or_default(),
                cue: q.cue.map(|c| c.slice(text).to_owned()).unwrap_or_default(),
                cue_span: q.cue.map(|c| offsets.span(c)),
                stances: q
                    .stances
                    .iter()
                    .map(|s| pb::QuoteStance {
                        target: s.target.clone(),
                        label: stance_label(s.label) as i32,
                        confidence: s.confidence,
                        evidence: s.evidence.clone(),
                    })
                    .collect(),
                parts: q.parts.iter().map(|&p| offsets.span(p)).collect(),
            })
            .collect(),
        dates: analysis
            .dates
            .iter()
            .map(|d| pb::TemporalExpression {
                text: d.span.slice(text).to_owned(),
                span: Some(offsets.span(d.span)),
                r#type: temporal_type(d.kind) as i32,
                value: d.value.clone(),
            })
            .collect(),
        stances: analysis
            .stances
            .iter()
            .map(|s| {
                let (holder, holder_id) = match s.holder {
                    Holder::Speaker(i) => (speaker_name(i), speaker_id(i)),
                    Holder::Document => ("article".to_owned(), String::new()),
                };
                pb::SpeakerStance {
                    holder,
                    holder_id,
                    target: s.target.clone(),
                    label: stance_label(s.label) as i32,
                    confidence: s.confidence,
                    evidence_quote_ids: s.evidence.iter().map(|&q| quote_id(q)).collect(),
                }
            })
            .collect(),
        warnings: analysis.warnings.clone(),
        error: None,
    }
}

/// A response that carries only an error (a rejected document of a stream).
pub fn error_response(id: &str, error: &RequestError) -> pb::AnalyzeResponse {
    pb::AnalyzeResponse { id: id.to_owned(), error: Some(error.to_document_error()), ..Default::default() }
}

fn speaker_kind(kind: SpeakerKind) -> pb::SpeakerKind {
    match kind {
        SpeakerKind::Person => pb::SpeakerKind::Person,
        SpeakerKind::Organization => pb::SpeakerKind::Organization,
        SpeakerKind::Group => pb::SpeakerKind::Group,
    }
}

fn quote_kind(kind: QuoteKind) -> pb::QuoteKind {
    match kind {
        QuoteKind::Direct => pb::QuoteKind::Direct,
        QuoteKind::Indirect => pb::QuoteKind::Indirect,
        QuoteKind::Mixed => pb::QuoteKind::Mixed,
    }
}

fn stance_label(label: StanceLabel) -> pb::StanceLabel {
    match label {
        StanceLabel::Favor => pb::StanceLabel::Favor,
        StanceLabel::Against => pb::StanceLabel::Against,
        StanceLabel::None => pb::StanceLabel::None,
    }
}

fn temporal_type(kind: TemporalType) -> pb::TemporalType {
    match kind {
        TemporalType::Date => pb::TemporalType::Date,
        TemporalType::Time => pb::TemporalType::Time,
        TemporalType::Duration => pb::TemporalType::Duration,
        TemporalType::Set => pb::TemporalType::Set,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(text: &str) -> pb::AnalyzeRequest {
        pb::AnalyzeRequest { id: "d".into(), text: text.into(), ..Default::default() }
    }

    fn error_of(req: &pb::AnalyzeRequest) -> RequestError {
        validate(req, &[], &Limits::default()).unwrap_err()
    }

    #[test]
    fn rejects_empty_text_naming_the_field() {
        let e = error_of(&request("  \n"));
        assert_eq!((e.code, e.field.as_str()), (tonic::Code::InvalidArgument, "text"));
        assert!(e.to_status().message().starts_with("text:"));
    }

    #[test]
    fn rejects_text_over_the_limit_with_resource_exhausted() {
        let limits = Limits { max_text_bytes: 10, ..Limits::default() };
        let e = validate(&request("eleven bytes"), &[], &limits).unwrap_err();
        assert_eq!((e.code, e.field.as_str()), (tonic::Code::ResourceExhausted, "text"));
        assert!(e.message.contains("max_text_bytes"));
        assert!(validate(&request("ten bytes!"), &[], &limits).is_ok());
    }

    #[test]
    fn rejects_bad_reference_dates_encodings_features_and_hints() {
        let mut r = request("text");
        r.reference_date = "last Tuesday".into();
        assert_eq!(error_of(&r).field, "reference_date");
        let mut r = request("text");
        r.encoding_type = 9;
        assert_eq!(error_of(&r).field, "encoding_type");
        let mut r = request("text");
        r.features = vec![1, 42];
        assert_eq!(error_of(&r).field, "features[1]");
        let mut r = request("text");
        r.language_hint = "klingon".into();
        assert_eq!(error_of(&r).field, "language_hint");
    }

    #[test]
    fn limits_stance_targets() {
        let mut r = request("text");
        r.stance_targets = vec![pb::StanceTarget { name: " ".into(), keywords: vec![] }];
        assert_eq!(error_of(&r).field, "stance_targets[0].name");
        r.stance_targets = vec![pb::StanceTarget { name: "x".into(), keywords: vec!["k".into(); 1000] }];
        assert_eq!(error_of(&r).field, "stance_targets[0].keywords");
        r.stance_targets = vec![pb::StanceTarget { name: "x".into(), keywords: vec![] }; 1000];
        assert_eq!(error_of(&r).field, "stance_targets");
    }

    #[test]
    fn empty_targets_take_the_defaults() {
        let defaults = [StanceTarget { name: "negotiations".into(), keywords: vec!["talks".into()] }];
        let r = request("text");
        let v = validate(&r, &defaults, &Limits::default()).unwrap();
        assert_eq!(v.options.stance_targets, defaults);
        assert_eq!(v.options.features, Features::ALL);
    }

    #[test]
    fn maps_offsets_to_utf16_and_code_points() {
        let text = "a😀é b";
        let b = text.find(' ').unwrap(); // byte 7
        let utf16 = OffsetMap::new(text, pb::EncodingType::Utf16, [0, b, text.len()]);
        assert_eq!((utf16.map(0), utf16.map(b), utf16.map(text.len())), (0, 4, 6));
        let utf32 = OffsetMap::new(text, pb::EncodingType::Utf32, [b, text.len()]);
        assert_eq!((utf32.map(b), utf32.map(text.len())), (3, 5));
        let utf8 = OffsetMap::new(text, pb::EncodingType::Unspecified, [b]);
        assert_eq!(utf8.map(b), 7);
    }
}
