//! The word tables of the temporal grammar (`en/*.txt`), compiled in and
//! indexed once. Another language adds its own tables and a [`Lexicon`].

use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

use crate::analysis::lexicon;

use super::tokens::{Token, tokenize};

/// A time unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Unit {
    Year,
    Quarter,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
    Decade,
    Century,
    Weekend,
    Fortnight,
}

impl Unit {
    fn parse(code: &str) -> Option<Unit> {
        Some(match code {
            "Y" => Unit::Year,
            "Q" => Unit::Quarter,
            "M" => Unit::Month,
            "W" => Unit::Week,
            "D" => Unit::Day,
            "H" => Unit::Hour,
            "MIN" => Unit::Minute,
            "S" => Unit::Second,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            "WE" => Unit::Weekend,
            "FN" => Unit::Fortnight,
            _ => return None,
        })
    }

    /// Whether the unit is shorter than a day.
    pub(crate) fn is_clock(self) -> bool {
        matches!(self, Unit::Hour | Unit::Minute | Unit::Second)
    }
}

/// A number word's reading.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum NumberWord {
    Cardinal(u32),
    Ordinal(u32),
    Multiplier(u32),
    Vague,
}

/// What a fixed phrase means.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum PhraseKind {
    /// PRESENT_REF, PAST_REF, FUTURE_REF.
    Ref(&'static str),
    /// The reference time itself ("right now").
    NowTime,
    /// A SET value.
    Set(&'static str),
    /// Days from the reference date.
    RelDay(i64),
    /// Days from the reference date plus a part of day.
    RelPart(i64, &'static str),
    /// A clock hour ("noon").
    Clock(u8),
    /// A holiday rule.
    Holiday(&'static str),
}

/// A multi-token phrase.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub(crate) words: Vec<&'static str>,
    pub(crate) kind: PhraseKind,
}

/// Everything the grammar knows about one word.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordInfo {
    pub(crate) month: Option<(u8, bool)>,
    pub(crate) weekday: Option<(u8, bool, bool)>,
    pub(crate) number: Option<NumberWord>,
    pub(crate) unit: Option<Unit>,
    pub(crate) season: Option<&'static str>,
    pub(crate) part: Option<&'static str>,
}

/// What a word says about the tense of its sentence (`tense.txt`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Tense {
    /// It marks a future reading ("will", "plans").
    pub(crate) future: bool,
    /// It marks a past reading ("said", "ago").
    pub(crate) past: bool,
    /// It ends in "ed" but is no past tense verb ("united").
    pub(crate) not_past: bool,
    /// It opens a noun phrase: a word right after it is no verb, so says
    /// nothing of the past ("a revised plan") nor, if it is a noun too, of
    /// the future ("the plan").
    pub(crate) determiner: bool,
    /// It is a noun as well as a verb ("plan", "hopes").
    pub(crate) noun: bool,
    /// It is a form of "be" that makes the past form right after it a
    /// passive participle, no past cue ("be counted", "been held").
    pub(crate) passive: bool,
    /// As a future cue it counts only right before "to" ("plans to meet",
    /// "set to vote"; not "the tax plan").
    pub(crate) before_to: bool,
}

/// Everything the tables say about one (lower-case, normalised) token text,
/// looked up once per token.
#[derive(Debug, Clone, Default)]
pub(crate) struct Entry {
    /// The word's meanings (words only).
    pub(crate) info: Option<WordInfo>,
    /// The phrases starting with it, longest first.
    pub(crate) phrases: Vec<Phrase>,
    /// Whether a match may start at it: it has a meaning, starts a phrase,
    /// or is one of the grammar's own cue words (`starters.txt`). Only
    /// these tokens and numbers are tried.
    pub(crate) starts: bool,
    /// What it says about tense.
    pub(crate) tense: Tense,
}

/// Bits of [`Lexicon::filter`].
const FILTER_BITS: usize = 4096;

/// The compiled tables of one language.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Index into `entries` by token text.
    index: HashMap<&'static str, u32>,
    entries: Vec<Entry>,
    /// One bit per (length, first byte, last byte) of the texts in `index`
    /// (see [`filter_bit`]): most tokens are no entry, and a clear bit says
    /// so without hashing the text or touching the table.
    filter: Box<[u64; FILTER_BITS / 64]>,
}

/// The bit of `t` in [`Lexicon::filter`].
fn filter_bit(t: &[u8]) -> Option<usize> {
    let (first, last) = (*t.first()?, *t.last()?);
    let mix = (u32::from(first) << 16 | u32::from(last) << 8 | t.len().min(255) as u32).wrapping_mul(0x9E37_79B1);
    Some((mix >> 20) as usize % FILTER_BITS)
}

impl Lexicon {
    /// The entry of a token text (lower case, normalised), if any.
    #[inline]
    pub(crate) fn entry(&self, t: &str) -> Option<&Entry> {
        let bit = filter_bit(t.as_bytes())?;
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        self.entries.get(*self.index.get(t)? as usize)
    }

    /// Indexes the entries of each text.
    fn index(table: HashMap<&'static str, Entry>) -> Lexicon {
        let mut index = HashMap::with_capacity(table.len());
        let mut entries = Vec::with_capacity(table.len());
        let mut filter = Box::new([0u64; FILTER_BITS / 64]);
        for (text, entry) in table {
            if let Some(bit) = filter_bit(text.as_bytes()) {
                filter[bit / 64] |= 1 << (bit % 64);
            }
            index.insert(text, entries.len() as u32);
            entries.push(entry);
        }
        Lexicon { index, entries, filter }
    }

    fn build(files: &Files) -> Lexicon {
        let mut words: HashMap<&'static str, WordInfo> = HashMap::new();
        for row in lexicon::rows(files.months) {
            if let (Some(w), Some(n)) = (row.first(), row.get(1).and_then(|n| n.parse().ok())) {
                words.entry(*w).or_default().month = Some((n, row.get(2) == Some(&"ambiguous")));
            }
        }
        for row in lexicon::rows(files.weekdays) {
            if let (Some(w), Some(n)) = (row.first(), row.get(1).and_then(|n| n.parse().ok())) {
                let flag = row.get(2).copied().unwrap_or("");
                words.entry(*w).or_default().weekday = Some((n, flag == "ambiguous", flag == "plural"));
            }
        }
        for row in lexicon::rows(files.numbers) {
            let (Some(w), Some(v), Some(kind)) = (row.first(), row.get(1), row.get(2)) else { continue };
            let n = v.parse::<u32>().ok();
            let reading = match (*kind, n) {
                ("cardinal", Some(n)) => NumberWord::Cardinal(n),
                ("ordinal", Some(n)) => NumberWord::Ordinal(n),
                ("multiplier", Some(n)) => NumberWord::Multiplier(n),
                ("vague", _) => NumberWord::Vague,
                _ => continue,
            };
            words.entry(*w).or_default().number = Some(reading);
        }
        for row in lexicon::rows(files.units) {
            if let (Some(w), Some(u)) = (row.first(), row.get(1).and_then(|u| Unit::parse(u))) {
                words.entry(*w).or_default().unit = Some(u);
            }
        }
        for row in lexicon::rows(files.periods) {
            let (Some(w), Some(kind), Some(code)) = (row.first(), row.get(1), row.get(2)) else { continue };
            let info = words.entry(*w).or_default();
            match *kind {
                "season" => info.season = Some(code),
                "part" => info.part = Some(code),
                _ => {}
            }
        }
        let mut phrases: HashMap<&'static str, Vec<Phrase>> = HashMap::new();
        let mut add = |text: &'static str, kind: PhraseKind| {
            let words: Vec<&'static str> = tokenize(text).iter().map(Token::norm).collect();
            if let Some(first) = words.first() {
                phrases.entry(first).or_default().push(Phrase { words, kind });
            }
        };
        for row in lexicon::rows(files.phrases) {
            let (Some(text), Some(kind), Some(value)) = (row.first(), row.get(1), row.get(2)) else { continue };
            let kind = match *kind {
                "ref" => PhraseKind::Ref(value),
                "nowtime" => PhraseKind::NowTime,
                "set" => PhraseKind::Set(value),
                "relday" => match value.parse() {
                    Ok(n) => PhraseKind::RelDay(n),
                    Err(_) => continue,
                },
                "relpart" => match (value.parse(), row.get(3)) {
                    (Ok(n), Some(part)) => PhraseKind::RelPart(n, part),
                    _ => continue,
                },
                "noon" => match value.parse() {
                    Ok(h) => PhraseKind::Clock(h),
                    Err(_) => continue,
                },
                _ => continue,
            };
            add(text, kind);
        }
        for row in lexicon::rows(files.holidays) {
            if let (Some(name), Some(rule)) = (row.first(), row.get(1)) {
                add(name, PhraseKind::Holiday(rule));
            }
        }
        let mut entries: HashMap<&'static str, Entry> = HashMap::new();
        for (w, info) in words {
            entries.entry(w).or_default().info = Some(info);
        }
        for (w, mut list) in phrases {
            list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
            entries.entry(w).or_default().phrases = list;
        }
        for w in lexicon::entries(files.starters) {
            entries.entry(w).or_default();
        }
        for entry in entries.values_mut() {
            entry.starts = true;
        }
        for row in lexicon::rows(files.tense) {
            let (Some(w), Some(kind)) = (row.first(), row.get(1)) else { continue };
            let tense = &mut entries.entry(*w).or_default().tense;
            match *kind {
                "future" => tense.future = true,
                "past" => tense.past = true,
                "not-past" => tense.not_past = true,
                "determiner" => tense.determiner = true,
                "noun" => tense.noun = true,
                "passive" => tense.passive = true,
                "before-to" => tense.before_to = true,
                _ => {}
            }
        }
        Lexicon::index(entries)
    }
}

/// The data files of one language.
struct Files {
    months: &'static str,
    weekdays: &'static str,
    numbers: &'static str,
    units: &'static str,
    periods: &'static str,
    phrases: &'static str,
    holidays: &'static str,
    /// Words the matchers start on besides the words and phrases above.
    starters: &'static str,
    /// Tense cues.
    tense: &'static str,
}

/// The English tables.
pub(crate) static ENGLISH: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::build(&Files {
        months: include_str!("en/months.txt"),
        weekdays: include_str!("en/weekdays.txt"),
        numbers: include_str!("en/numbers.txt"),
        units: include_str!("en/units.txt"),
        periods: include_str!("en/periods.txt"),
        phrases: include_str!("en/phrases.txt"),
        holidays: include_str!("en/holidays.txt"),
        starters: include_str!("en/starters.txt"),
        tense: include_str!("en/tense.txt"),
    })
});
