//! The temporal grammar: hand-written matchers over tokens. Each matcher
//! looks a bounded number of tokens ahead, so a pass over the text is linear.
//! Matchers produce a [`Sem`], the meaning before resolution.

use std::sync::LazyLock;

use foldhash::HashSet;

use super::lexicon::{Entry, Lexicon, NumberWord, Phrase, PhraseKind, Tense, Unit, WordInfo};
use super::tokens::{Kind, Token};

/// Which year a partial date belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearRef {
    /// Written out.
    Abs(i32),
    /// Relative to the reference: "last June" (-1), "this May" (0), "next
    /// March" (+1).
    Rel(i64),
    /// Decided by tense.
    Unknown,
}

/// A weekday modifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shift {
    Bare,
    This,
    Next,
    Last,
}

/// The meaning of a matched expression, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Sem {
    Day {
        y: YearRef,
        m: u8,
        d: u8,
    },
    Month {
        y: YearRef,
        m: u8,
    },
    Year(i32),
    Decade(i32),
    Century(i32),
    Quarter {
        y: YearRef,
        q: u8,
    },
    Half {
        y: YearRef,
        h: u8,
    },
    Season {
        y: YearRef,
        s: &'static str,
    },
    Weekday {
        wd: u8,
        shift: Shift,
    },
    NthWeekdayFromNow {
        n: i64,
        wd: u8,
    },
    NthWeekdayOf {
        n: i8,
        wd: u8,
        m: u8,
        y: YearRef,
    },
    /// The nth (or last, -1) week of a month.
    NthWeekOf {
        n: i8,
        m: u8,
        y: YearRef,
    },
    /// The nth (or last, -1) day of a month.
    NthDayOf {
        n: i8,
        m: u8,
        y: YearRef,
    },
    /// The week of a day.
    WeekOf(Box<Sem>),
    /// A day of an unnamed month.
    DayOfMonth(u8),
    /// A day some days from another ("two days after Thanksgiving").
    Offset {
        days: i64,
        base: Box<Sem>,
    },
    /// A holiday in the year some time away ("Christmas 2 years ago").
    HolidayAt {
        rule: &'static str,
        unit: Unit,
        n: i64,
    },
    /// "Thursday next week": a weekday of the week `n` weeks away.
    WeekdayOfWeek {
        wd: u8,
        n: i64,
    },
    /// A calendar shift written as a quantity ("two years ago"): at the
    /// unit's grain in running text ("1987"), one grain finer for a bare
    /// expression ("2011-02").
    Shift {
        unit: Unit,
        n: i64,
    },
    /// "the year-ago quarter": the latest quarter, a year back.
    LatestYearAgo,
    /// Whichever occurrence (past or future) is nearest the reference.
    Closest(Box<Sem>),
    Holiday {
        rule: &'static str,
        y: YearRef,
    },
    RelDay(i64),
    Rel {
        unit: Unit,
        n: i64,
    },
    RelTime {
        secs: i64,
    },
    /// "in three years": a point in future contexts, else a duration.
    In {
        unit: Unit,
        n: i64,
        secs: Option<i64>,
        duration: String,
    },
    Clock {
        date: Option<Box<Sem>>,
        h: u8,
        m: u8,
        s: Option<u8>,
        ampm: bool,
    },
    Part {
        date: Option<Box<Sem>>,
        part: &'static str,
    },
    NowTime,
    Duration(String),
    Set(String),
    Ref(&'static str),
    /// "the quarter": the one just ended in past contexts, else the current one.
    Latest(Unit),
}

impl Sem {
    /// Whether the expression names a single day (so a clock time or part of
    /// day can attach to it).
    pub(crate) fn is_day(&self) -> bool {
        matches!(
            self,
            Sem::Day { .. }
                | Sem::Weekday { .. }
                | Sem::RelDay(_)
                | Sem::Holiday { .. }
                | Sem::NthWeekdayOf { .. }
                | Sem::NthWeekdayFromNow { .. }
                | Sem::NthDayOf { .. }
                | Sem::DayOfMonth(_)
                | Sem::Closest(_)
                | Sem::WeekdayOfWeek { .. }
                | Sem::Offset { .. }
                | Sem::HolidayAt { .. }
        )
    }
}

/// A quantity: "three", "15.5", "several" (vague), "two and a half".
#[derive(Debug, Clone, Copy)]
struct Qty<'a> {
    value: f64,
    raw: Option<&'a str>,
    vague: bool,
}

impl Qty<'_> {
    fn int(&self) -> Option<i64> {
        (!self.vague && self.value.fract() == 0.0 && self.value < 1e15).then_some(self.value as i64)
    }
}

/// A match: the token just past it and its meaning.
pub(crate) type Match = (usize, Sem);

static TIMEZONES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| crate::analysis::lexicon::entries(include_str!("en/timezones.txt")).collect());

/// Words after which a bare four-digit number reads as a year.
static YEAR_CUES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| crate::analysis::lexicon::entries(include_str!("en/year_cues.txt")).collect());

/// Words that may follow a year.
static AFTER_YEAR: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| crate::analysis::lexicon::entries(include_str!("en/after_year.txt")).collect());

/// Nouns that show a four-digit number counts things rather than naming a
/// year.
static COUNTED: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| crate::analysis::lexicon::entries(include_str!("en/counted.txt")).collect());

/// Temporal prepositions: an ambiguous month word ("may", "march") after
/// one of these is a month.
static MONTH_CUES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| crate::analysis::lexicon::entries(include_str!("en/month_cues.txt")).collect());

/// Anaphoric markers (`en/anaphoric.txt`): word and whether it must be the
/// expression's last word (else its first after "the").
static ANAPHORIC: LazyLock<Vec<(&'static str, bool)>> = LazyLock::new(|| {
    crate::analysis::lexicon::rows(include_str!("en/anaphoric.txt"))
        .filter_map(|row| Some((*row.first()?, *row.get(1)? == "last")))
        .collect()
});

/// The token stream of one text with the grammar's helpers.
#[derive(Debug)]
pub(crate) struct Parser<'a> {
    pub(crate) toks: Vec<Token<'a>>,
    /// The lexicon entry of each token, looked up once.
    entries: Vec<Option<&'static Entry>>,
    /// The original text (for capitalisation).
    orig: &'a str,
    /// The text is a bare expression (no sentence around it).
    pub(crate) standalone: bool,
}

impl<'a> Parser<'a> {
    /// A parser over `toks` (tokens of the lower-cased `orig`).
    pub(crate) fn new(toks: Vec<Token<'a>>, orig: &'a str, lex: &'static Lexicon, standalone: bool) -> Self {
        let entries = toks.iter().map(|t| lex.entry(t.norm())).collect();
        Self { toks, entries, orig, standalone }
    }

    fn entry(&self, i: usize) -> Option<&'static Entry> {
        self.entries.get(i).copied().flatten()
    }

    /// Whether a match may start at token `i`: a number, or a token the
    /// lexicon lets start one (see [`Entry::starts`]). Every other token is
    /// skipped.
    fn may_start(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Num) || self.entry(i).is_some_and(|e| e.starts)
    }

    /// What word `i` says about tense (nothing for other tokens).
    pub(crate) fn tense(&self, i: usize) -> Tense {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Word => self.entry(i).map(|e| e.tense).unwrap_or_default(),
            _ => Tense::default(),
        }
    }

    /// Token text (normalised) or "".
    pub(crate) fn t(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", Token::norm)
    }

    /// Word text or "".
    pub(crate) fn w(&self, i: usize) -> &'a str {
        self.toks.get(i).filter(|t| t.kind == Kind::Word).map_or("", |t| t.text)
    }

    fn before(&self, i: usize) -> &'a str {
        i.checked_sub(1).map_or("", |j| self.t(j))
    }

    fn info(&self, i: usize) -> Option<&'static WordInfo> {
        if self.toks.get(i)?.kind != Kind::Word {
            return None;
        }
        self.entry(i)?.info.as_ref()
    }

    /// The phrases starting at token `i`, longest first.
    fn phrases(&self, i: usize) -> &'static [Phrase] {
        self.entry(i).map_or(&[], |e| e.phrases.as_slice())
    }

    fn num(&self, i: usize) -> Option<u64> {
        self.toks.get(i).filter(|t| t.kind == Kind::Num && t.text.len() <= 18).and_then(|t| t.text.parse().ok())
    }

    fn digits(&self, i: usize) -> usize {
        self.toks.get(i).filter(|t| t.kind == Kind::Num).map_or(0, |t| t.text.len())
    }

    /// Whether tokens `i` and `i + 1` touch.
    fn adj(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    fn cap(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .and_then(|t| self.orig.get(t.start..t.end))
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// Whether the capitalised word at `i` is part of a title, not a date:
    /// "the BBC's Today programme", "NBC's Today show", "USA Today".
    fn names_a_title(&self, i: usize) -> bool {
        let possessed = i >= 2 && self.t(i - 1) == "s" && self.t(i - 2) == "'";
        self.cap(i)
            && (possessed
                || matches!(self.w(i + 1).to_lowercase().as_str(), "programme" | "program" | "show")
                || (i >= 1 && self.cap(i - 1) && matches!(self.w(i - 1).to_lowercase().as_str(), "usa" | "russia")))
    }

    /// Whether token `i` is a capitalised word.
    fn cap_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word) && self.cap(i)
    }

    /// Whether token `i` opens a sentence (nothing, or a sentence end or a
    /// quote, before it), where any word is capitalised.
    fn sentence_initial(&self, i: usize) -> bool {
        i == 0 || matches!(self.t(i - 1), "." | "!" | "?" | ":" | "\"" | "“" | "”")
    }

    /// Whether token `i` is a capitalised word that says nothing of time
    /// ("Times", "Agreement", "Ryan"; not "March", "Night", "GMT").
    fn cap_name_word(&self, i: usize) -> bool {
        self.cap_word(i)
            && !self.entry(i).is_some_and(|e| e.info.is_some() || !e.phrases.is_empty())
            && self.zone(i).is_none()
    }

    /// Whether the capitalised date word(s) at `i..end` are inside a proper
    /// name: a capitalised word that says nothing of time follows, and the
    /// name opens before them with "the", a possessive or a capitalised word
    /// that does not open the sentence ("The Sunday Times", "the Good
    /// Friday Agreement"; not "On Sunday Trump said").
    fn inside_name(&self, i: usize, end: usize) -> bool {
        let Some(b) = i.checked_sub(1) else { return false };
        let opens =
            self.t(b) == "the" || (self.t(b) == "s" && b >= 1 && self.t(b - 1) == "'") || self.name_word_before(i);
        self.cap(i) && self.cap_name_word(end) && opens
    }

    /// Whether the word before token `i` is capitalised without opening a
    /// sentence: a name's word ("New York Daily", "Good Friday").
    fn name_word_before(&self, i: usize) -> bool {
        i.checked_sub(1).is_some_and(|b| self.cap_word(b) && !self.sentence_initial(b))
    }

    /// The token past a time zone at `i` ("GMT", "local time"), if one is
    /// there.
    fn zone(&self, i: usize) -> Option<usize> {
        let w = self.w(i);
        if w.is_empty() {
            return None;
        }
        let next = self.w(i + 1);
        if !next.is_empty() && TIMEZONES.contains(format!("{w} {next}").as_str()) {
            return Some(i + 2);
        }
        TIMEZONES.contains(w).then_some(i + 1)
    }

    /// Skips a period that touches the previous token ("Jan.", "a.m.").
    fn dot(&self, i: usize) -> usize {
        if self.t(i) == "." && i > 0 && self.adj(i - 1) { i + 1 } else { i }
    }

    /// The longest match starting at token `i` (the last of equally long
    /// ones, in matcher order).
    pub(crate) fn best_at(&self, i: usize) -> Option<Match> {
        if !self.may_start(i) {
            return None;
        }
        self.all_at(i)
    }

    /// Runs every matcher at token `i` and keeps the longest match.
    fn all_at(&self, i: usize) -> Option<Match> {
        let mut best = None;
        keep(&mut best, self.m_phrase(i));
        keep(&mut best, self.m_modifier(i));
        keep(&mut best, self.m_quantity(i));
        keep(&mut best, self.m_weekday(i));
        keep(&mut best, self.m_month(i));
        keep(&mut best, self.m_day_first(i));
        keep(&mut best, self.m_numeric(i));
        keep(&mut best, self.m_clock_words(i));
        keep(&mut best, self.m_ordinal(i));
        keep(&mut best, self.m_season(i));
        keep(&mut best, self.m_decade(i));
        keep(&mut best, self.m_every(i));
        keep(&mut best, self.m_period(i));
        keep(&mut best, self.m_year_words(i));
        keep(&mut best, self.m_day_of_month(i));
        keep(&mut best, self.m_part_of_month(i));
        keep(&mut best, self.m_closest(i));
        keep(&mut best, self.m_bare_units(i));
        keep(&mut best, self.m_q(i));
        keep(&mut best, self.m_day_around(i));
        keep(&mut best, self.m_bare_part(i));
        best
    }

    /// Checks at every token that [`Self::may_start`] never skips a token
    /// a matcher would start on; returns the first such token.
    #[cfg(test)]
    pub(crate) fn skipped_match(&self) -> Option<usize> {
        (0..self.toks.len()).find(|&i| !self.may_start(i) && self.all_at(i).is_some())
    }

    // ------------------------------------------------------------ numbers

    /// A cardinal quantity. `article` lets "a"/"an" count as one.
    fn cardinal(&self, i: usize, article: bool) -> Option<(usize, Qty<'a>)> {
        let (mut end, mut q) = self.cardinal_base(i, article)?;
        // "two and a half", "one and three quarters"
        if self.t(end) == "and" {
            let k = end + 1;
            let frac = match (self.t(k), self.t(k + 1)) {
                ("a" | "one", "half") => Some((k + 2, 0.5)),
                ("half", _) => Some((k + 1, 0.5)),
                ("a" | "one", "quarter") => Some((k + 2, 0.25)),
                ("quarter", _) => Some((k + 1, 0.25)),
                ("three", "quarters" | "quarter") => Some((k + 2, 0.75)),
                _ => None,
            };
            if let Some((e, f)) = frac
                && !q.vague
            {
                q.value += f;
                end = e;
                if self.t(end) == "of" {
                    end += 1;
                }
            }
        }
        Some((end, q))
    }

    fn cardinal_base(&self, i: usize, article: bool) -> Option<(usize, Qty<'a>)> {
        let tok = self.toks.get(i)?;
        if tok.kind == Kind::Num {
            let mut end = i + 1;
            let mut text = tok.text;
            // thousands separators: 1,000
            while self.t(end) == "," && self.adj(end - 1) && self.adj(end) && self.digits(end + 1) == 3 {
                end += 2;
            }
            if end > i + 1 {
                text = self.orig.get(tok.start..self.toks[end - 1].end).unwrap_or(text);
            }
            let mut value: f64 = parse_number(text)?;
            if self.t(end) == "." && self.adj(end - 1) && self.adj(end) && self.digits(end + 1) > 0 {
                let whole = self.orig.get(tok.start..self.toks[end + 1].end).unwrap_or(text);
                value = parse_number(whole).unwrap_or(value);
                text = whole;
                end += 2;
            }
            return Some((end, Qty { value, raw: Some(text), vague: false }));
        }
        let w = self.w(i);
        match w {
            "a" | "an" if article => {
                return match (self.t(i + 1), self.t(i + 2)) {
                    ("couple", "of") => Some((i + 3, Qty { value: 2.0, raw: None, vague: false })),
                    ("couple", _) => Some((i + 2, Qty { value: 2.0, raw: None, vague: false })),
                    ("quarter", "of") if matches!(self.t(i + 3), "a" | "an") => {
                        Some((i + 4, Qty { value: 0.25, raw: None, vague: false }))
                    }
                    ("few", _) => Some((i + 2, Qty { value: 0.0, raw: None, vague: true })),
                    ("dozen", _) => Some((i + 2, Qty { value: 12.0, raw: None, vague: false })),
                    ("half", _) => Some((i + 2, Qty { value: 0.5, raw: None, vague: false })),
                    ("quarter", "of") | ("quarter", "hour") => {
                        Some((i + 2, Qty { value: 0.25, raw: None, vague: false }))
                    }
                    _ => Some((i + 1, Qty { value: 1.0, raw: None, vague: false })),
                };
            }
            "couple" if self.t(i + 1) == "of" => return Some((i + 2, Qty { value: 2.0, raw: None, vague: false })),
            "half" if matches!(self.t(i + 1), "a" | "an") => {
                return Some((i + 2, Qty { value: 0.5, raw: None, vague: false }));
            }
            _ => {}
        }
        match self.info(i)?.number? {
            NumberWord::Vague => Some((i + 1, Qty { value: 0.0, raw: None, vague: true })),
            NumberWord::Cardinal(n) => {
                let mut value = u64::from(n);
                let mut end = i + 1;
                if (20..100).contains(&n) && n % 10 == 0 {
                    let k = if self.t(end) == "-" { end + 1 } else { end };
                    if let Some(NumberWord::Cardinal(u)) = self.info(k).and_then(|x| x.number)
                        && (1..10).contains(&u)
                    {
                        value += u64::from(u);
                        end = k + 1;
                    }
                }
                if let Some(NumberWord::Multiplier(m)) = self.info(end).and_then(|x| x.number) {
                    value = value.saturating_mul(u64::from(m));
                    end += 1;
                }
                Some((end, Qty { value: value as f64, raw: None, vague: false }))
            }
            _ => None,
        }
    }

    /// An ordinal: "3rd", "third", "twenty-first".
    fn ordinal(&self, i: usize) -> Option<(usize, u32)> {
        if let Some(n) = self.num(i) {
            let suffix = self.w(i + 1);
            if self.adj(i) && matches!(suffix, "st" | "nd" | "rd" | "th") && self.digits(i) <= 3 {
                return Some((i + 2, u32::try_from(n).ok()?));
            }
            return None;
        }
        match self.info(i)?.number? {
            NumberWord::Ordinal(n) => Some((i + 1, n)),
            NumberWord::Cardinal(n) if (20..100).contains(&n) && n % 10 == 0 => {
                let k = if self.t(i + 1) == "-" { i + 2 } else { i + 1 };
                match self.info(k).and_then(|x| x.number) {
                    Some(NumberWord::Ordinal(u)) if (1..10).contains(&u) => Some((k + 1, n + u)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// A day of the month: "3", "03", "3rd", "third".
    fn day(&self, i: usize) -> Option<(usize, u8)> {
        if let Some((end, n)) = self.ordinal(i) {
            return (1..=31).contains(&n).then_some((end, n as u8));
        }
        let n = self.num(i)?;
        (self.digits(i) <= 2 && (1..=31).contains(&n)).then_some((i + 1, n as u8))
    }

    /// A four-digit year (or "'98").
    fn year(&self, i: usize) -> Option<(usize, i32)> {
        if self.t(i) == "'" && self.adj(i) && self.digits(i + 1) == 2 && self.w(i + 2) != "s" {
            let n = self.num(i + 1)? as i32;
            return Some((i + 2, if n < 50 { 2000 + n } else { 1900 + n }));
        }
        if self.digits(i) != 4 {
            return None;
        }
        let n = i32::try_from(self.num(i)?).ok()?;
        (1000..=2999).contains(&n).then_some((i + 1, n))
    }

    /// An optional year after a month or day: "2015", ", 2015", "of 2015".
    fn year_after(&self, i: usize) -> Option<(usize, i32)> {
        let k = if matches!(self.t(i), "," | "of") { i + 1 } else { i };
        let (end, y) = self.year(k)?;
        // "May 3, 1,000 people": not a year.
        if self.t(end) == "," && self.adj(end - 1) && self.digits(end + 1) == 3 {
            return None;
        }
        Some((end, y))
    }

    fn month(&self, i: usize) -> Option<(usize, u8, bool)> {
        let (m, ambiguous) = self.info(i)?.month?;
        let w = self.w(i);
        let end = if w.len() <= 4 && !matches!(w, "may" | "june" | "july") { self.dot(i + 1) } else { i + 1 };
        Some((end, m, ambiguous))
    }

    fn unit(&self, i: usize) -> Option<(usize, Unit)> {
        let u = self.info(i)?.unit?;
        // "h" is a unit only right after a number ("3h"), handled by clocks
        if self.w(i) == "h" {
            return None;
        }
        Some((i + 1, u))
    }

    fn part(&self, i: usize) -> Option<(usize, &'static str)> {
        Some((i + 1, self.info(i)?.part?))
    }

    // ------------------------------------------------------------ matchers

    fn m_phrase(&self, i: usize) -> Option<Match> {
        let first = self.t(i);
        // the first word is the entry's own text
        let phrase =
            self.phrases(i).iter().find(|p| p.words.iter().enumerate().skip(1).all(|(k, w)| self.t(i + k) == *w))?;
        let end = i + phrase.words.len();
        match phrase.kind {
            // "as soon as next week", "as recently as 2019": a comparison
            // that brackets a reference word dates nothing itself.
            PhraseKind::Ref(_) if self.before(i) == "as" && self.t(end) == "as" => None,
            PhraseKind::Ref(v) => Some((end, Sem::Ref(v))),
            PhraseKind::NowTime => Some((end, Sem::NowTime)),
            // "The New York Daily News", "The Weekly Standard": a
            // capitalised frequency word in a run of capitalised words
            PhraseKind::Set(_) if self.cap(i) && (self.cap_name_word(end) || self.name_word_before(i)) => None,
            PhraseKind::Set(v) => Some((end, Sem::Set(v.to_owned()))),
            PhraseKind::RelDay(_) if self.names_a_title(i) => None,
            PhraseKind::RelDay(n) => {
                if let Some((e, part)) = self.part(end) {
                    return Some((e, Sem::Part { date: Some(Box::new(Sem::RelDay(n))), part }));
                }
                Some((end, Sem::RelDay(n)))
            }
            PhraseKind::RelPart(n, part) => Some((end, Sem::Part { date: Some(Box::new(Sem::RelDay(n))), part })),
            PhraseKind::Clock(h) => Some((end, Sem::Clock { date: None, h, m: 0, s: None, ampm: true })),
            PhraseKind::Holiday(rule) => {
                // "may day" only capitalised
                if first == "may" && !self.cap(i) && !self.standalone {
                    return None;
                }
                // "the Good Friday Agreement"
                if self.inside_name(i, end) {
                    return None;
                }
                if let Some((e, y)) = self.year_after(end) {
                    return Some((e, Sem::Holiday { rule, y: YearRef::Abs(y) }));
                }
                Some((end, Sem::Holiday { rule, y: YearRef::Unknown }))
            }
        }
    }

    /// A day-grain expression that does not itself start with a quantity.
    fn day_expr(&self, i: usize) -> Option<Match> {
        [self.m_phrase(i), self.m_weekday(i), self.m_month(i), self.m_day_first(i), self.m_numeric(i)]
            .into_iter()
            .flatten()
            .filter(|(_, sem)| sem.is_day())
            .max_by_key(|(end, _)| *end)
    }

    /// "the day after Christmas", "the day before the election" (not
    /// matched: the second needs a date).
    fn m_day_around(&self, i: usize) -> Option<Match> {
        if self.w(i) != "the" || self.w(i + 1) != "day" || !matches!(self.w(i + 2), "after" | "before") {
            return None;
        }
        let days = if self.w(i + 2) == "after" { 1 } else { -1 };
        // "he had met them the day before.": a day from the one in context
        if self.clause_ends_at(i + 3) {
            return Some((i + 3, Sem::RelDay(days)));
        }
        let (e, base) = self.day_expr(i + 3)?;
        Some((e, Sem::Offset { days, base: Box::new(base) }))
    }

    /// The days from the last day named before it that the expression at
    /// tokens `start..end` counts, if it is anaphoric: whole days with a
    /// marker of `en/anaphoric.txt` in its place ("the next day" 1, "two
    /// days later" 2, "the day before" -1; not "tomorrow").
    pub(crate) fn anaphoric_days(&self, start: usize, end: usize, sem: &Sem) -> Option<i64> {
        let n = match sem {
            Sem::RelDay(n) | Sem::Shift { unit: Unit::Day, n } if *n != 0 => *n,
            _ => return None,
        };
        let first = if self.t(start) == "the" { start + 1 } else { start };
        let (first, last) = (self.t(first), self.t(end.checked_sub(1)?));
        ANAPHORIC.iter().any(|&(w, at_end)| w == if at_end { last } else { first }).then_some(n)
    }

    /// "the closest Christmas to today", "the nearest Monday to now".
    fn m_closest(&self, i: usize) -> Option<Match> {
        if self.w(i) != "the" || !matches!(self.w(i + 1), "closest" | "nearest") {
            return None;
        }
        let (e, sem) = self.m_phrase(i + 2).or_else(|| self.m_weekday(i + 2))?;
        if self.w(e) != "to" || !matches!(self.w(e + 1), "today" | "now") {
            return None;
        }
        match sem {
            Sem::Holiday { rule, y: YearRef::Unknown } => {
                Some((e + 2, Sem::Closest(Box::new(Sem::Holiday { rule, y: YearRef::Unknown }))))
            }
            Sem::Weekday { wd, .. } => Some((e + 2, Sem::Closest(Box::new(Sem::Weekday { wd, shift: Shift::Bare })))),
            _ => None,
        }
    }

    /// "this/next/last/past/coming ..." and "the past/next N units".
    fn m_modifier(&self, i: usize) -> Option<Match> {
        let the = self.w(i) == "the";
        let j = if the { i + 1 } else { i };
        let modw = self.w(j);
        let n: i64 = match modw {
            "this" | "current" => 0,
            "next" | "coming" | "following" | "upcoming" => 1,
            "last" | "past" | "previous" | "preceding" | "latest" | "recent" | "first" | "final" => -1,
            _ => return None,
        };
        let k = j + 1;
        // the past three months, the next two years, recent weeks
        if let Some((e, q)) = self.cardinal(k, false)
            && let Some((e2, unit)) = self.unit(e)
            && !matches!(modw, "this" | "current" | "final")
        {
            // a bare "upcoming two weeks" names the week two weeks ahead
            if self.standalone
                && matches!(modw, "upcoming" | "coming")
                && !the
                && let Some(n) = q.int()
                && !unit.is_clock()
            {
                return Some((e2, relative(unit, n)?));
            }
            let e3 = self.or_so(e2);
            return Some((e3, Sem::Duration(duration(q, unit))));
        }
        // recent weeks, the coming days, the past months
        if matches!(modw, "recent" | "coming" | "next" | "past" | "last" | "previous" | "upcoming")
            && let Some((e, unit)) = self.unit(k)
            && self.w(k).ends_with('s')
            && (modw == "recent" || the)
        {
            return Some((e, Sem::Duration(duration(Qty { value: 0.0, raw: None, vague: true }, unit))));
        }
        if modw == "recent" {
            return None;
        }
        if modw == "first" || modw == "final" {
            return None;
        }
        // this year's third quarter
        if let Some((e, Unit::Year)) = self.unit(k)
            && self.t(e) == "'"
            && self.w(e + 1) == "s"
            && let Some((e2, ord)) = self.ordinal(e + 2)
            && let Some((e3, q)) = self.quarter_word(e2, ord)
        {
            return Some((e3, q.with_year(YearRef::Rel(n))));
        }
        if let Some((e, unit)) = self.unit(k) {
            if self.w(k).ends_with('s') && unit != Unit::Hour {
                return None;
            }
            // last year's quarter
            if unit == Unit::Year
                && n == -1
                && self.t(e) == "'"
                && self.w(e + 1) == "s"
                && matches!(self.w(e + 2), "quarter" | "period")
            {
                return Some((e + 3, Sem::LatestYearAgo));
            }
            // last week of september 2014
            if modw == "last"
                && unit == Unit::Week
                && self.t(e) == "of"
                && let Some((e2, m, _)) = self.month(e + 1)
            {
                let (e3, y) = match self.year_after(e2) {
                    Some((e3, y)) => (e3, YearRef::Abs(y)),
                    None => (e2, YearRef::Unknown),
                };
                return Some((e3, Sem::NthWeekOf { n: -1, m, y }));
            }
            if (the && matches!(modw, "past" | "last")) || (modw == "past" && !self.standalone) {
                return Some((e, Sem::Duration(duration(Qty { value: 1.0, raw: None, vague: false }, unit))));
            }
            if modw == "latest" && unit != Unit::Quarter {
                return None;
            }
            if unit == Unit::Day {
                return Some((e, Sem::RelDay(n)));
            }
            return Some((e, Sem::Rel { unit, n }));
        }
        if modw == "latest" {
            return None;
        }
        let shift = match n {
            0 => Shift::This,
            1 => Shift::Next,
            _ => Shift::Last,
        };
        if let Some(&(wd, _, false)) = self.info(k).and_then(|x| x.weekday.as_ref()) {
            // last Monday of March (2014)
            if modw == "last"
                && matches!(self.w(k + 1), "of" | "in")
                && let Some((e, m, _)) = self.month(k + 2)
            {
                let (e2, y) = match self.year_after(e) {
                    Some((e2, y)) => (e2, YearRef::Abs(y)),
                    None => (e, YearRef::Unknown),
                };
                return Some((e2, Sem::NthWeekdayOf { n: -1, wd, m, y }));
            }
            let sem = Sem::Weekday { wd, shift };
            if let Some((e, part)) = self.part(k + 1) {
                return Some((e, Sem::Part { date: Some(Box::new(sem)), part }));
            }
            return Some((k + 1, sem));
        }
        if let Some((e, m, _)) = self.month(k) {
            return Some((e, Sem::Month { y: YearRef::Rel(n), m }));
        }
        if let Some(s) = self.info(k).and_then(|x| x.season) {
            return Some((k + 1, Sem::Season { y: YearRef::Rel(n), s }));
        }
        if modw == "this"
            && let Some((e, part)) = self.part(k)
        {
            return Some((e, Sem::Part { date: Some(Box::new(Sem::RelDay(0))), part }));
        }
        if let Some((e, Sem::Holiday { rule, .. })) = self.m_phrase(k) {
            return Some((e, Sem::Holiday { rule, y: YearRef::Rel(n) }));
        }
        None
    }

    fn or_so(&self, e: usize) -> usize {
        if self.t(e) == "or" && self.t(e + 1) == "so" { e + 2 } else { e }
    }

    /// "Q3 2014", "Q1".
    fn m_q(&self, i: usize) -> Option<Match> {
        if self.w(i) != "q" || !self.adj(i) || self.digits(i + 1) != 1 {
            return None;
        }
        let q = self.num(i + 1)? as u8;
        if !(1..=4).contains(&q) || self.toks.get(i + 2).is_some_and(|t| t.kind == Kind::Word && self.adj(i + 1)) {
            return None;
        }
        let (e, y) = self.period_year(i + 2);
        Some((e, Sem::Quarter { y, q }))
    }

    /// "quarter"/"qtr"/"half" after an ordinal.
    fn quarter_word(&self, i: usize, ord: u32) -> Option<(usize, Sem)> {
        let k = if self.t(i) == "-" && self.adj(i - 1) { i + 1 } else { i };
        match self.w(k) {
            "quarter" | "qtr" if (1..=4).contains(&ord) => {
                let end = if self.w(k) == "qtr" { self.dot(k + 1) } else { k + 1 };
                Some((end, Sem::Quarter { y: YearRef::Unknown, q: ord as u8 }))
            }
            "half" if (1..=2).contains(&ord) => Some((k + 1, Sem::Half { y: YearRef::Unknown, h: ord as u8 })),
            _ => None,
        }
    }

    /// "three years", "two years ago", "3 fridays from now", "five-year".
    fn m_quantity(&self, i: usize) -> Option<Match> {
        let (e, q) = self.cardinal(i, true)?;
        if self.standalone
            && matches!(self.w(e), "upcoming" | "coming")
            && let Some(n) = q.int()
            && let Some((e2, unit)) = self.unit(e + 1)
            && !unit.is_clock()
        {
            return Some((e2, relative(unit, n)?));
        }
        let hyphen = self.t(e) == "-" && self.adj(e - 1) && self.adj(e);
        let k = if hyphen { e + 1 } else { e };
        if let Some(&(wd, _, plural)) = self.info(k).and_then(|x| x.weekday.as_ref()) {
            let n = q.int()?;
            if plural && n > 0 && self.t(k + 1) == "from" && self.t(k + 2) == "now" {
                return Some((k + 3, Sem::NthWeekdayFromNow { n, wd }));
            }
            return None;
        }
        let (e2, unit) = self.unit(k).or_else(|| {
            // "3h" / "8 hrs"
            (self.w(k) == "h" && self.adj(k - 1) && q.raw.is_some() && self.digits(k + 1) == 0)
                .then_some((k + 1, Unit::Hour))
        })?;
        // "an hour and a half", "two days and a half"
        let (e2, q) = match (self.t(e2), self.t(e2 + 1), self.t(e2 + 2)) {
            ("and", "a", "half") if !q.vague => (e2 + 3, Qty { value: q.value + 0.5, raw: None, vague: false }),
            _ => (e2, q),
        };
        // "the 1988 second quarter": an ordinal, not a unit
        if self.w(k) == "second"
            && (self.digits(i) == 4 || matches!(self.w(e2), "quarter" | "half" | "qtr" | "period" | "round" | "term"))
        {
            return None;
        }
        // a bare "second" after "a" is usually the ordinal ("a second time")
        if self.w(i) == "a" && self.w(k) == "second" && self.info(e2).is_none() && !self.standalone {
            let next = self.w(e2);
            if !next.is_empty() && !matches!(next, "ago" | "later" | "earlier" | "or" | "and") {
                return None;
            }
        }
        if unit == Unit::Quarter && (hyphen || self.t(e2) == "of") {
            return None;
        }
        // a rate: "$60,000 a year", "60 hours a week", "$12-an-hour"
        if matches!(self.w(i), "a" | "an" | "per")
            && !self.w(k).ends_with('s')
            && !matches!(self.w(e2), "ago" | "earlier" | "later" | "before" | "after" | "from" | "hence" | "or" | "old")
            && i > 0
            && (self.toks[i - 1].kind == Kind::Num
                || matches!(self.t(i - 1), "-" | "%")
                || matches!(
                    self.w(i - 1),
                    "million"
                        | "billion"
                        | "thousand"
                        | "percent"
                        | "hours"
                        | "times"
                        | "dollars"
                        | "euros"
                        | "cents"
                        | "pounds"
                        | "miles"
                        | "kilometers"
                        | "barrels"
                        | "tons"
                ))
        {
            return Some((e2, Sem::Set(duration(Qty { value: 1.0, raw: None, vague: false }, unit))));
        }
        if hyphen {
            // adjectival: "five-year", "24-hour"
            return Some((e2, Sem::Duration(duration(q, unit))));
        }
        let after = self.w(e2);
        // "two days after Thanksgiving", "a week before Christmas"
        if matches!(after, "after" | "before")
            && let Some(n) = q.int()
            && matches!(unit, Unit::Day | Unit::Week)
            && let Some((e3, base)) = self.day_expr(e2 + 1)
        {
            let days = if unit == Unit::Week { n.checked_mul(7)? } else { n };
            let days = if after == "before" { days.checked_neg()? } else { days };
            return Some((e3, Sem::Offset { days, base: Box::new(base) }));
        }
        match after {
            "ago" | "earlier" | "before" if after == "ago" || self.is_clause_end(e2 + 1) => {
                let Some(n) = q.int() else {
                    return Some((e2 + 1, Sem::Ref("PAST_REF")));
                };
                return Some((e2 + 1, shift(unit, n.checked_neg()?)?));
            }
            "from" if matches!(self.w(e2 + 1), "now" | "today") => {
                let n = q.int()?;
                return Some((e2 + 2, shift(unit, n)?));
            }
            "from" if self.w(e2 + 1) == "right" && self.w(e2 + 2) == "now" => {
                let secs = unit_seconds(unit).and_then(|s| s.checked_mul(q.int()?))?;
                return Some((e2 + 3, Sem::RelTime { secs }));
            }
            "hence" | "later" if after == "hence" || self.is_clause_end(e2 + 1) => {
                let n = q.int()?;
                return Some((e2 + 1, shift(unit, n)?));
            }
            _ => {}
        }
        // "an hour and 30 seconds", "2 hours 15 minutes"
        let k2 = if matches!(self.t(e2), "and" | ",") { e2 + 1 } else { e2 };
        if let Some(n1) = q.int()
            && let Some((e3, q2)) = self.cardinal(k2, true)
            && let Some(n2) = q2.int()
            && let Some((e4, unit2)) = self.unit(e3)
            && unit_rank(unit2) > unit_rank(unit)
            && let Some(value) = compound(&[(n1, unit), (n2, unit2)])
        {
            return Some((e4, Sem::Duration(value)));
        }
        let end = self.or_so(e2);
        let dur = duration(q, unit);
        let after_in = self.before(i) == "in"
            || (i >= 2
                && self.t(i - 2) == "in"
                && matches!(self.before(i), "about" | "around" | "approximately" | "roughly"));
        if after_in && !q.vague && q.value > 0.0 {
            if let Some(n) = q.int() {
                return Some((end, Sem::In { unit, n, secs: None, duration: dur }));
            }
            if let Some(per) = unit_seconds(unit).filter(|_| unit.is_clock())
                && q.value < 1e12
            {
                let secs = (q.value * per as f64).round() as i64;
                return Some((end, Sem::In { unit, n: 0, secs: Some(secs), duration: dur }));
            }
        }
        Some((end, Sem::Duration(dur)))
    }

    fn is_clause_end(&self, i: usize) -> bool {
        let t = self.t(i);
        t.is_empty()
            || matches!(
                t,
                "," | "."
                    | ";"
                    | ":"
                    | ")"
                    | "and"
                    | "but"
                    | "when"
                    | "as"
                    | "to"
                    | "in"
                    | "that"
                    | "the"
                    | "it"
                    | "he"
                    | "she"
                    | "they"
                    | "we"
                    | "i"
                    | "\""
            )
    }

    /// "Friday", "Mon, February 18", "Friday morning", "Sundays".
    fn m_weekday(&self, i: usize) -> Option<Match> {
        let &(wd, ambiguous, plural) = self.info(i)?.weekday.as_ref()?;
        let mut end = i + 1;
        if self.w(i).len() <= 4 {
            end = self.dot(end);
        }
        let k = if self.t(end) == "," { end + 1 } else { end };
        if let Some((e, sem @ Sem::Day { .. })) = self.m_month(k).or_else(|| self.m_day_first(k)) {
            return Some((e, sem));
        }
        if let Some((e, sem @ Sem::Day { .. })) = self.m_numeric(k) {
            return Some((e, sem));
        }
        if ambiguous && !self.standalone {
            return None;
        }
        // "The Sunday Times"; "Monday Night Football" (a capitalised part of
        // day and a name word after it)
        let part_end = if self.cap(end) { self.part(end).map(|(e, _)| e) } else { None };
        if self.inside_name(i, end) || part_end.is_some_and(|e| self.cap(i) && self.cap_name_word(e)) {
            return None;
        }
        if plural {
            return Some((end, Sem::Set(format!("XXXX-WXX-{wd}"))));
        }
        let sem = Sem::Weekday { wd, shift: Shift::Bare };
        if let Some((e, part)) = self.part(end) {
            return Some((e, Sem::Part { date: Some(Box::new(sem)), part }));
        }
        Some((end, sem))
    }

    /// "March 3", "March 3rd, 2015", "March 2015", "March".
    fn m_month(&self, i: usize) -> Option<Match> {
        let (end, m, ambiguous) = self.month(i)?;
        let k = if self.w(end) == "the" { end + 1 } else { end };
        // "Nov 20:30" is a clock; "Nov. 20: more news" a day.
        if let Some((e, d)) = self.day(k)
            && !(self.t(e) == ":" && self.digits(e + 1) > 0 && self.adj(e))
            && !(self.digits(k) > 0 && self.info(e).is_some_and(|x| x.unit.is_some()))
        {
            if let Some((e2, y)) = self.year_after(e) {
                return Some((e2, Sem::Day { y: YearRef::Abs(y), m, d }));
            }
            return Some((e, Sem::Day { y: YearRef::Unknown, m, d }));
        }
        if let Some((e, y)) = self.year_after(end) {
            return Some((e, Sem::Month { y: YearRef::Abs(y), m }));
        }
        // "columnist April Ryan": before a capitalised name word and after no
        // temporal preposition a month name is a person's (as an ambiguous
        // "May" needs such a preposition to be a month at all); "in April
        // Congress voted" is a month.
        if self.cap_name_word(end) && !MONTH_CUES.contains(self.before(i)) && !self.standalone {
            return None;
        }
        if ambiguous && !self.standalone {
            let cue = MONTH_CUES.contains(self.before(i));
            // "in March", "by May"; lower case only as "the first of march".
            let ok = cue && (self.cap(i) || (self.w(i) != "may" && self.before(i) == "of"));
            if !ok {
                return None;
            }
        }
        // a month name must be capitalised in running text
        if !self.cap(i) && !self.standalone && !ambiguous {
            return None;
        }
        Some((end, Sem::Month { y: YearRef::Unknown, m }))
    }

    /// "3 March 2015", "the first of march", "3rd of March".
    fn m_day_first(&self, i: usize) -> Option<Match> {
        let (e, d) = self.day(i)?;
        let of = self.t(e) == "of";
        let k = if of { e + 1 } else { e };
        if !of && self.ordinal(i).is_some() && self.digits(i) == 0 {
            return None;
        }
        // "15-16 June", "15 to 16 June": the first day of a range
        if !of && matches!(self.t(e), "-" | "to" | "and") && self.day(e + 1).is_some() {
            let (_, sem) = self.m_day_first(e + 1)?;
            return match sem {
                Sem::Day { y, m, .. } => Some((e, Sem::Day { y, m, d })),
                _ => None,
            };
        }
        let (e2, m, _) = self.month(k)?;
        if let Some((e3, y)) = self.year_after(e2) {
            return Some((e3, Sem::Day { y: YearRef::Abs(y), m, d }));
        }
        Some((e2, Sem::Day { y: YearRef::Unknown, m, d }))
    }

    /// Bare plural units after a cue: "for years", "could take months",
    /// "within weeks"; "twice a year" (a set).
    fn m_bare_units(&self, i: usize) -> Option<Match> {
        let w = self.w(i);
        if matches!(w, "once" | "twice")
            && matches!(self.w(i + 1), "a" | "per" | "every" | "each")
            && let Some((e, unit)) = self.unit(i + 2)
        {
            return Some((e, Sem::Set(duration(Qty { value: 1.0, raw: None, vague: false }, unit))));
        }
        if w == "the"
            && matches!(self.before(i), "over" | "during" | "through" | "throughout")
            && let Some((e, unit)) = self.unit(i + 1)
            && self.w(i + 1).ends_with('s')
            && !matches!(unit, Unit::Weekend | Unit::Quarter)
        {
            return Some((e, Sem::Duration(duration(Qty { value: 0.0, raw: None, vague: true }, unit))));
        }
        let (e, unit) = self.unit(i)?;
        if !w.ends_with('s') || matches!(unit, Unit::Weekend | Unit::Quarter) || w.len() < 4 {
            return None;
        }
        let cue = matches!(
            self.before(i),
            "for"
                | "within"
                | "over"
                | "take"
                | "takes"
                | "took"
                | "taking"
                | "lasted"
                | "spent"
                | "after"
                | "in"
                | "than"
        );
        cue.then(|| (e, Sem::Duration(duration(Qty { value: 0.0, raw: None, vague: true }, unit))))
    }

    /// Numeric dates, years, decades and clock times.
    fn m_numeric(&self, i: usize) -> Option<Match> {
        let n = self.num(i)?;
        let nd = self.digits(i);
        let sep = self.t(i + 1);
        let tight = |a: usize, b: usize| (a..b).all(|x| self.adj(x));
        // 2015-03-03, 2015/3/3
        if nd == 4
            && matches!(sep, "-" | "/")
            && self.t(i + 3) == sep
            && tight(i, i + 4)
            && let (Some(m), Some(d)) = (self.num(i + 2), self.num(i + 4))
            && self.digits(i + 4) <= 2
        {
            return self.valid_day(n, m, d).map(|s| (i + 5, s));
        }
        // 3/3/2015, 3/3/15, 3.3.2015 (day first with dots), 3/3
        if nd <= 2 && matches!(sep, "/" | "." | "-") && tight(i, i + 2) && self.digits(i + 2) <= 2 {
            let b = self.num(i + 2)?;
            if self.t(i + 3) == sep && tight(i + 2, i + 4) && matches!(self.digits(i + 4), 2 | 4) {
                let y = self.num(i + 4)?;
                let y = if self.digits(i + 4) == 2 { if y < 50 { 2000 + y } else { 1900 + y } } else { y };
                // month first with slashes unless that cannot be ("14/3/2015")
                let (m, d) = if sep != "." && n <= 12 { (n, b) } else { (b, n) };
                return self.valid_day(y, m, d).map(|s| (i + 5, s));
            }
            if sep == "/"
                && (self.standalone || self.before(i) == "on")
                && (1..=12).contains(&n)
                && (1..=31).contains(&b)
            {
                return Some((i + 3, Sem::Day { y: YearRef::Unknown, m: n as u8, d: b as u8 }));
            }
        }
        // "the 2004-05 season", "2023/24": a year and the next one in two
        // digits are a span of years, read as its start year (as "2004-2005"
        // is), not a month
        if nd == 4
            && matches!(sep, "-" | "/")
            && tight(i, i + 2)
            && self.digits(i + 2) == 2
            && self.num(i + 2) == Some((n + 1) % 100)
            && !matches!(self.t(i + 3), "-" | "/")
            && (1000..=2999).contains(&n)
        {
            return Some((i + 1, Sem::Year(i32::try_from(n).ok()?)));
        }
        // 2014-05 (only as a whole token group, not "2014-05-..." or a range)
        if nd == 4
            && sep == "-"
            && tight(i, i + 2)
            && self.digits(i + 2) == 2
            && self.num(i + 2).is_some_and(|m| (1..=12).contains(&m))
            && !matches!(self.t(i + 3), "-" | "/")
            && (1000..=2999).contains(&n)
        {
            let m = self.num(i + 2)? as u8;
            return Some((i + 3, Sem::Month { y: YearRef::Abs(n as i32), m }));
        }
        // 2/2013
        if nd <= 2 && sep == "/" && tight(i, i + 2) && self.digits(i + 2) == 4 && (1..=12).contains(&n) {
            let y = i32::try_from(self.num(i + 2)?).ok()?;
            return Some((i + 3, Sem::Month { y: YearRef::Abs(y), m: n as u8 }));
        }
        if let Some(clock) = self.clock(i) {
            return Some(clock);
        }
        if nd == 4 {
            let y = i32::try_from(n).ok()?;
            // 1990s, 1990's
            if self.adj(i) && self.w(i + 1) == "s" {
                return Some((i + 2, Sem::Decade(y / 10)));
            }
            if self.t(i + 1) == "'" && self.w(i + 2) == "s" && tight(i, i + 2) {
                return Some((i + 3, Sem::Decade(y / 10)));
            }
            // the 1988 second quarter, fiscal 1990 first half
            if let Some((e, ord)) = self.ordinal(i + 1)
                && let Some((e2, sem)) = self.quarter_word(e, ord)
            {
                return Some((e2, sem.with_year(YearRef::Abs(y))));
            }
            if !(1000..=2999).contains(&y) || !self.year_context(i) {
                return None;
            }
            // 2014 A.D., 2014 AD
            let mut end = i + 1;
            match (self.w(end), self.t(end + 1), self.w(end + 2)) {
                ("ad" | "bc", _, _) => end += 1,
                ("a" | "b", ".", "d" | "c") => end = self.dot(end + 3),
                _ => {}
            }
            return Some((end, Sem::Year(y)));
        }
        None
    }

    fn valid_day(&self, y: u64, m: u64, d: u64) -> Option<Sem> {
        let y = i32::try_from(y).ok()?;
        let (m, d) = (u8::try_from(m).ok()?, u8::try_from(d).ok()?);
        super::calendar::date(y, m, d)?;
        Some(Sem::Day { y: YearRef::Abs(y), m, d })
    }

    fn year_context(&self, i: usize) -> bool {
        let prev = self.before(i);
        if matches!(prev, "$" | "#" | "€" | "£" | "no" | "number") || (i > 0 && self.toks[i - 1].kind == Kind::Num) {
            return false;
        }
        if self.t(i + 1) == "%" || (self.t(i + 1) == "," && self.digits(i + 2) == 3 && self.adj(i)) {
            return false;
        }
        if self.standalone
            || YEAR_CUES.contains(prev)
            || prev == "'"
            || (prev == "-" && i >= 2 && self.t(i - 2) == "mid")
        {
            return true;
        }
        let next = self.toks.get(i + 1);
        match next {
            None => true,
            Some(t) if t.kind == Kind::Punct => !matches!(t.text, "-" | "/" | ":" | "." if self.adj(i)),
            Some(t) if t.kind == Kind::Word => {
                // a modern year used as a modifier ("its 1989 results") unless
                // what follows is counted ("2000 people")
                AFTER_YEAR.contains(t.text)
                    || (self.num(i).is_some_and(|y| (1900..=2099).contains(&y))
                        && !COUNTED.contains(t.text)
                        && self.info(i + 1).is_none_or(|x| x.unit.is_none() && x.number.is_none()))
            }
            _ => false,
        }
    }

    /// am/pm markers: "am", "p.m.", "a m", "p" (touching the number).
    fn ampm(&self, i: usize) -> Option<(usize, bool)> {
        let w = self.w(i);
        let pm = match w {
            "am" => false,
            "pm" => true,
            "a" | "p" => {
                let pm = w == "p";
                if self.t(i + 1) == "." && self.w(i + 2) == "m" {
                    return Some((self.dot(i + 3), pm));
                }
                if self.w(i + 1) == "m" {
                    return Some((i + 2, pm));
                }
                if i > 0 && self.adj(i - 1) && self.toks[i - 1].kind == Kind::Num {
                    return Some((i + 1, pm));
                }
                return None;
            }
            _ => return None,
        };
        // "pm." ends a sentence; only "p.m." owns its period
        Some((i + 1, pm))
    }

    /// "in the afternoon", "at night", "in the morning" after a clock time.
    fn day_half(&self, i: usize) -> Option<(usize, bool)> {
        match (self.w(i), self.w(i + 1), self.w(i + 2)) {
            ("in", "the", "morning") => Some((i + 3, false)),
            ("in", "the", "afternoon" | "evening") | ("at", "night", _) => {
                Some((i + 2 + usize::from(self.w(i + 1) == "the"), true))
            }
            ("tonight", _, _) => Some((i + 1, true)),
            ("this", "evening", _) => Some((i + 2, true)),
            ("this", "morning", _) => Some((i + 2, false)),
            _ => None,
        }
    }

    /// Finishes a clock time: am/pm, "o'clock", "in the afternoon", a time zone.
    fn finish_clock(&self, mut end: usize, h: u64, m: u64, s: Option<u64>, mut ampm_required: bool) -> Option<Match> {
        let mut h = h;
        let mut ampm = false;
        if self.t(end) == "o" && self.t(end + 1) == "'" && self.w(end + 2) == "clock" {
            end += 3;
            ampm_required = false;
        } else if self.w(end) == "oclock" {
            end += 1;
            ampm_required = false;
        }
        if h == 12 && matches!(self.w(end), "noon" | "midnight") {
            let h = if self.w(end) == "noon" { 12 } else { 0 };
            return Some((end + 1, Sem::Clock { date: None, h, m: 0, s: None, ampm: true }));
        }
        if let Some((e, pm)) = self.ampm(end) {
            if !(1..=12).contains(&h) {
                return None;
            }
            h = match (pm, h) {
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, 12) => 0,
                (false, h) => h,
            };
            ampm = true;
            end = e;
        } else if ampm_required && self.day_half(end).is_none() {
            return None;
        }
        if let Some((e, pm)) = self.day_half(end) {
            if pm && h < 12 {
                h += 12;
            }
            ampm = true;
            end = e;
        }
        if let Some(e) = self.zone(end) {
            end = e;
        }
        if h > 24 || m > 59 || s.is_some_and(|s| s > 59) {
            return None;
        }
        let ampm = ampm || h == 0 || h > 12;
        Some((end, Sem::Clock { date: None, h: h as u8, m: m as u8, s: s.map(|s| s as u8), ampm }))
    }

    /// Digit clock times: "3:18am", "15h15", "3pm", "at 1030".
    fn clock(&self, i: usize) -> Option<Match> {
        let n = self.num(i)?;
        let nd = self.digits(i);
        if nd <= 2 && self.t(i + 1) == ":" && self.adj(i) && self.adj(i + 1) && self.digits(i + 2) == 2 {
            let m = self.num(i + 2)?;
            let (end, s) = if self.t(i + 3) == ":" && self.adj(i + 2) && self.digits(i + 4) == 2 {
                (i + 5, Some(self.num(i + 4)?))
            } else {
                (i + 3, None)
            };
            return self.finish_clock(end, n, m, s, false);
        }
        // 7.30 pm
        if nd <= 2
            && self.t(i + 1) == "."
            && self.adj(i)
            && self.adj(i + 1)
            && self.digits(i + 2) == 2
            && self.ampm(i + 3).is_some()
        {
            let m = self.num(i + 2)?;
            return self.finish_clock(i + 3, n, m, None, true);
        }
        if nd <= 2 && self.w(i + 1) == "h" && self.adj(i) {
            if self.digits(i + 2) == 2 && self.adj(i + 1) {
                let m = self.num(i + 2)?;
                return self.finish_clock(i + 3, n, m, None, false).map(|(e, sem)| match sem {
                    Sem::Clock { date, h, m, s, .. } => (e, Sem::Clock { date, h, m, s, ampm: true }),
                    other => (e, other),
                });
            }
            if self.zone(i + 2).is_some() {
                return self.finish_clock(i + 2, n, 0, None, false);
            }
            return None;
        }
        if nd <= 2 && matches!(self.before(i), "at" | "around") && self.digits(i + 1) == 2 {
            let m = self.num(i + 1)?;
            if let Some(found) = self.finish_clock(i + 2, n, m, None, false) {
                return Some(found);
            }
        }
        if nd <= 2 {
            if let Some(found) = self.finish_clock(i + 1, n, 0, None, true) {
                return Some(found);
            }
            // "tonight at 8", "Friday at 9", "at 3"
            if i >= 1
                && self.before(i) == "at"
                && (1..=12).contains(&n)
                && (self.clause_ends_at(i + 1)
                    || i >= 2
                        && (self.info(i - 2).is_some_and(|x| x.part.is_some() || x.weekday.is_some())
                            || matches!(self.w(i - 2), "tonight" | "today" | "tomorrow" | "yesterday")))
            {
                return self.finish_clock(i + 1, n, 0, None, false);
            }
            // "3 to 4pm", "3-4 p.m.": the first hour takes the second's am/pm
            let k = match self.t(i + 1) {
                "to" | "-" | "until" | "till" | "and" => i + 2,
                _ => return None,
            };
            if let Some((_, Sem::Clock { h: h2, ampm: true, .. })) = self.clock(k)
                && (1..=12).contains(&n)
            {
                let h = if h2 >= 12 && n < 12 { n + 12 } else { n };
                return Some((i + 1, Sem::Clock { date: None, h: h as u8, m: 0, s: None, ampm: true }));
            }
            return None;
        }
        // "at 1030", and after any word "2300 GMT", "0600 local time": a
        // military clock time (hours under 24, minutes under 60)
        if nd == 4
            && (matches!(self.before(i), "at" | "around" | "about" | "by" | "until") || self.zone(i + 1).is_some())
            && n % 100 < 60
            && n / 100 < 24
        {
            let next = self.t(i + 1);
            // "by 2030." is a year: a number that may be one is a time only
            // with a unit, am/pm or a time zone ("at 2030 hours", "2030 GMT").
            let year_like = (1800..2100).contains(&n);
            let marked =
                self.ampm(i + 1).is_some() || matches!(next, "hours" | "hrs" | "h") || self.zone(i + 1).is_some();
            if marked || (!year_like && (next.is_empty() || matches!(next, "," | "."))) {
                let end = if matches!(next, "hours" | "hrs") { i + 2 } else { i + 1 };
                return self.finish_clock(end, n / 100, n % 100, None, false);
            }
        }
        None
    }

    /// Clock times in words: "a quarter past 3pm", "ten thirty am",
    /// "half past three", "eight o'clock".
    fn m_clock_words(&self, i: usize) -> Option<Match> {
        // [a] quarter / half / N [minutes] past|to HOUR
        let mut explicit = true;
        let (k, minutes) = match (self.w(i), self.w(i + 1)) {
            ("a", "quarter") => (i + 2, 15),
            ("quarter", _) => (i + 1, 15),
            ("half", _) => (i + 1, 30),
            _ => {
                let (e, q) = self.cardinal(i, false)?;
                let v = q.int()?;
                if q.raw.is_some()
                    && !matches!(self.w(e), "minutes" | "minute" | "mins" | "min" | "past" | "after")
                    && !(v > 12 && matches!(self.w(e), "to" | "till" | "before"))
                {
                    return None;
                }
                if !(1..60).contains(&v) {
                    return self.hour_words(i);
                }
                explicit = matches!(self.w(e), "minutes" | "minute" | "mins" | "min");
                let e = if explicit { e + 1 } else { e };
                if !matches!(self.w(e), "past" | "after" | "to" | "till" | "before") {
                    return self.hour_words(i);
                }
                (e, v as u64)
            }
        };
        let dir = self.w(k);
        if !matches!(dir, "past" | "after" | "to" | "till" | "before") {
            return None;
        }
        let (end, sem) = self.hour_expr(k + 1)?;
        let Sem::Clock { h, ampm, .. } = sem else { return None };
        if !explicit && !ampm {
            return None;
        }
        let base = u64::from(h) * 60;
        let total =
            if matches!(dir, "past" | "after") { base + minutes } else { (base + 24 * 60 - minutes) % (24 * 60) };
        Some((end, Sem::Clock { date: None, h: (total / 60) as u8, m: (total % 60) as u8, s: None, ampm }))
    }

    /// An hour: "3pm", "3", "three", "noon".
    fn hour_expr(&self, i: usize) -> Option<Match> {
        if let Some((e, sem @ Sem::Clock { .. })) = self.m_phrase(i) {
            return Some((e, sem));
        }
        if let Some(n) = self.num(i) {
            return if self.digits(i) <= 2 { self.finish_clock(i + 1, n, 0, None, false) } else { None };
        }
        let (e, q) = self.cardinal(i, false)?;
        let h = q.int()?;
        if !(1..=12).contains(&h) {
            return None;
        }
        self.finish_clock(e, h as u64, 0, None, false)
    }

    /// "ten thirty am", "nine fifty nine a m", "eight o'clock".
    fn hour_words(&self, i: usize) -> Option<Match> {
        let Some(NumberWord::Cardinal(h)) = self.info(i)?.number else { return None };
        if !(1..=12).contains(&h) {
            return None;
        }
        // "ten thirty am", "at ten-thirty"
        let k = if self.t(i + 1) == "-" && self.adj(i) { i + 2 } else { i + 1 };
        if let Some((e, q)) = self.cardinal(k, false)
            && let Some(m) = q.int()
            && (10..60).contains(&m)
            && q.raw.is_none()
            && let Some(found) =
                self.finish_clock(e, u64::from(h), m as u64, None, k == i + 1 && self.before(i) != "at")
        {
            return Some(found);
        }
        if let (Some(NumberWord::Cardinal(0)), Some(NumberWord::Cardinal(m))) =
            (self.info(i + 1).and_then(|x| x.number), self.info(i + 2).and_then(|x| x.number))
            && m < 10
            && let Some(found) = self.finish_clock(i + 3, u64::from(h), u64::from(m), None, true)
        {
            return Some(found);
        }
        if self.t(i + 1) == "o" && self.t(i + 2) == "'" {
            return self.finish_clock(i + 1, u64::from(h), 0, None, false);
        }
        let required = !(self.before(i) == "at" && self.clause_ends_at(i + 1));
        self.finish_clock(i + 1, u64::from(h), 0, None, required)
    }

    /// Whether token `i` ends a phrase (end of text, or a comma or final
    /// period that does not start a number).
    fn clause_ends_at(&self, i: usize) -> bool {
        match self.t(i) {
            "," => !(i > 0 && self.adj(i - 1) && self.adj(i) && self.digits(i + 1) == 3),
            "" | ";" | "!" | "?" => true,
            "." => self.digits(i + 1) == 0 || !self.adj(i),
            _ => false,
        }
    }

    /// Ordinal constructions: "the third quarter", "3rd qtr", "first half of
    /// 2014", "first tuesday in october", "its eighth month", "20th century".
    fn m_ordinal(&self, i: usize) -> Option<Match> {
        let (e, ord) = self.ordinal(i)?;
        if let Some((e2, sem)) = self.quarter_word(e, ord) {
            let (e3, y) = self.period_year(e2);
            return Some((e3, sem.with_year(y)));
        }
        let k = if self.t(e) == "-" { e + 1 } else { e };
        if let Some(&(wd, false, false)) = self.info(e).and_then(|x| x.weekday.as_ref())
            && matches!(self.w(e + 1), "in" | "of")
            && let Some((e2, m, _)) = self.month(e + 2)
            && ord <= 5
        {
            let (e3, y) = match self.year_after(e2) {
                Some((e3, y)) => (e3, YearRef::Abs(y)),
                None => (e2, YearRef::Unknown),
            };
            return Some((e3, Sem::NthWeekdayOf { n: ord as i8, wd, m, y }));
        }
        if matches!(self.w(k), "century" | "centuries") && ord <= 30 {
            return Some((k + 1, Sem::Century(ord as i32 - 1)));
        }
        if matches!(self.before(i), "its" | "the" | "their" | "his" | "her")
            && let Some((e2, unit)) = self.unit(k)
            && matches!(unit, Unit::Year | Unit::Month | Unit::Week | Unit::Day)
            && !self.w(k).ends_with('s')
        {
            return Some((e2, Sem::Duration(duration(Qty { value: f64::from(ord), raw: None, vague: false }, unit))));
        }
        None
    }

    /// An optional year after a quarter or half: "of 2014", "2014", "of
    /// this/last/next year", "of fiscal 1990".
    fn period_year(&self, i: usize) -> (usize, YearRef) {
        if let Some((e, y)) = self.year_after(i) {
            return (e, YearRef::Abs(y));
        }
        if self.t(i) == "of" {
            let k = if self.w(i + 1) == "fiscal" { i + 2 } else { i + 1 };
            if let Some((e, y)) = self.year(k) {
                return (e, YearRef::Abs(y));
            }
            let n = match self.w(k) {
                "this" => Some(0),
                "last" => Some(-1),
                "next" => Some(1),
                _ => None,
            };
            if let Some(n) = n
                && self.w(k + 1) == "year"
            {
                return (k + 2, YearRef::Rel(n));
            }
        }
        (i, YearRef::Unknown)
    }

    /// "summer 2014", "the summer of 1998", "in the spring".
    fn m_season(&self, i: usize) -> Option<Match> {
        let s = self.info(i)?.season?;
        let (e, y) = self.period_year(i + 1);
        if y != YearRef::Unknown {
            return Some((e, Sem::Season { y, s }));
        }
        let prev = self.before(i);
        // "the Winter Games", "Summer Olympics": part of a name
        if self.cap(i) && self.cap(i + 1) && self.toks.get(i + 1).is_some_and(|t| t.kind == Kind::Word) {
            return None;
        }
        let ok = self.standalone
            || matches!(
                prev,
                "the" | "this" | "during" | "early" | "late" | "since" | "until" | "by" | "last" | "next"
            ) && !(self.w(i) == "fall" && prev != "the" && prev != "this");
        if !ok || (prev == "the" && self.w(i) == "fall" && self.t(i + 1) == "of") {
            return None;
        }
        Some((i + 1, Sem::Season { y: YearRef::Unknown, s }))
    }

    /// "every Sunday", "every two weeks", "each month", "every other year".
    fn m_every(&self, i: usize) -> Option<Match> {
        if !matches!(self.w(i), "every" | "each") {
            return None;
        }
        let k = i + 1;
        if let Some(&(wd, false, _)) = self.info(k).and_then(|x| x.weekday.as_ref()) {
            if let Some((e, part)) = self.part(k + 1) {
                return Some((e, Sem::Set(format!("XXXX-WXX-{wd}T{part}"))));
            }
            return Some((k + 1, Sem::Set(format!("XXXX-WXX-{wd}"))));
        }
        let (e, q) = if self.w(k) == "other" {
            (k + 1, Qty { value: 2.0, raw: None, vague: false })
        } else {
            self.cardinal(k, false).unwrap_or((k, Qty { value: 1.0, raw: None, vague: false }))
        };
        let (e2, unit) = self.unit(e)?;
        Some((e2, Sem::Set(duration(q, unit))))
    }

    /// "the quarter", "the latest quarter", "the year", "the month" and
    /// "the week" ("during the month", "the end of the week"), "year-ago",
    /// "year-earlier", "the year-ago quarter".
    fn m_period(&self, i: usize) -> Option<Match> {
        if self.w(i) == "year"
            && self.t(i + 1) == "-"
            && matches!(self.w(i + 2), "ago" | "earlier")
            && self.adj(i)
            && self.adj(i + 1)
        {
            let end = i + 3;
            if let Some((e, ord)) = self.ordinal(end)
                && let Some((e2, Sem::Quarter { q, .. })) = self.quarter_word(e, ord)
            {
                return Some((e2, Sem::Quarter { y: YearRef::Rel(-1), q }));
            }
            if matches!(self.w(end), "quarter" | "period") {
                return Some((end + 1, Sem::LatestYearAgo));
            }
            return Some((end, Sem::Rel { unit: Unit::Year, n: -1 }));
        }
        // year end, year-end
        if self.w(i) == "year" && self.w(i + 1 + usize::from(self.t(i + 1) == "-")) == "end" {
            return Some((i + 2 + usize::from(self.t(i + 1) == "-"), Sem::Rel { unit: Unit::Year, n: 0 }));
        }
        if self.w(i) != "the" {
            return None;
        }
        // the full year, the whole year
        if matches!(self.w(i + 1), "full" | "whole" | "entire") && self.w(i + 2) == "year" && self.t(i + 3) != "-" {
            return Some((i + 3, Sem::Rel { unit: Unit::Year, n: 0 }));
        }
        let k = if matches!(self.w(i + 1), "latest" | "most") {
            i + 2 + usize::from(self.w(i + 2) == "recent")
        } else {
            i + 1
        };
        match self.w(k) {
            "quarter" if self.t(k + 1) != "-" => Some((k + 1, Sem::Latest(Unit::Quarter))),
            "period" if k > i + 1 => Some((k + 1, Sem::Latest(Unit::Quarter))),
            w @ ("year" | "month" | "week")
                if k == i + 1
                    && (matches!(self.before(i), "in" | "for" | "during" | "this")
                        || (self.before(i) == "of"
                            // "the person of the year"; not "employee of the
                            // month", but "the end of the month".
                            && (w == "year"
                                || i.checked_sub(2).is_some_and(|b| {
                                    matches!(self.w(b), "end" | "beginning" | "start" | "middle" | "rest" | "remainder")
                                }))))
                    && !matches!(self.t(k + 1), "before" | "after" | "earlier" | "ago" | "'" | "-" | "when" | "in")
                    // "the week ended Oct. 27", "the month of May": another one.
                    && (w == "year" || !matches!(self.t(k + 1), "ended" | "ending" | "of" | "that" | "before")) =>
            {
                let unit = match w {
                    "year" => Unit::Year,
                    "month" => Unit::Month,
                    _ => Unit::Week,
                };
                Some((k + 1, Sem::Rel { unit, n: 0 }))
            }
            _ => None,
        }
    }

    /// "on the 2nd", "the 13th", "Tuesday the 19th" (month from context).
    fn m_day_of_month(&self, i: usize) -> Option<Match> {
        let on = self.before(i) == "on";
        let k = i;
        if self.w(k) != "the" {
            return None;
        }
        let (e, d) = self.day(k + 1)?;
        self.ordinal(k + 1)?;
        let digit = self.digits(k + 1) > 0;
        let next = self.toks.get(e);
        let ends = next.is_none_or(|t| t.kind == Kind::Punct && t.text != "-") || matches!(self.w(e), "at" | "and");
        let weekday_before = i > 0 && self.info(i - 1).is_some_and(|x| x.weekday.is_some());
        if !ends || !(digit || on || weekday_before || self.standalone) {
            return None;
        }
        Some((e, Sem::DayOfMonth(d)))
    }

    /// "first week of october 2014", "the week of october 6th", "last day of
    /// october 2015", "the first day of March".
    fn m_part_of_month(&self, i: usize) -> Option<Match> {
        let k = if self.w(i) == "the" { i + 1 } else { i };
        let (n, k) = match self.w(k) {
            "last" => (-1i8, k + 1),
            "week" => (0, k),
            _ => {
                let (e, ord) = self.ordinal(k)?;
                (i8::try_from(ord).ok().filter(|o| (1..=5).contains(o))?, e)
            }
        };
        let unit = self.w(k);
        if !matches!(unit, "week" | "day") || self.t(k + 1) != "of" {
            return None;
        }
        if n == 0 {
            let (e, sem) = self.m_month(k + 2)?;
            return matches!(sem, Sem::Day { .. }).then(|| (e, Sem::WeekOf(Box::new(sem))));
        }
        let (e, m, _) = self.month(k + 2)?;
        let (e2, y) = match self.year_after(e) {
            Some((e2, y)) => (e2, YearRef::Abs(y)),
            None => (e, YearRef::Unknown),
        };
        Some((e2, if unit == "week" { Sem::NthWeekOf { n, m, y } } else { Sem::NthDayOf { n, m, y } }))
    }

    /// Years in words: "nineteen ninety-one", "twenty twenty".
    fn m_year_words(&self, i: usize) -> Option<Match> {
        let Some(NumberWord::Cardinal(c)) = self.info(i)?.number else { return None };
        if !(11..=20).contains(&c) {
            return None;
        }
        let (e, q) = self.cardinal_base(i + 1, false)?;
        let rest = q.int()?;
        if !(10..=99).contains(&rest) || q.raw.is_some() || self.info(e).is_some_and(|x| x.unit.is_some()) {
            return None;
        }
        Some((e, Sem::Year(c as i32 * 100 + rest as i32)))
    }

    /// A bare part of day as the whole text ("morning", "early morning").
    fn m_bare_part(&self, i: usize) -> Option<Match> {
        if !self.standalone {
            return None;
        }
        let (e, part) = self.part(i)?;
        Some((e, Sem::Part { date: None, part }))
    }

    /// "the '90s", "the 90s".
    fn m_decade(&self, i: usize) -> Option<Match> {
        // the eighties
        if self.before(i) == "the" {
            let tens = match self.w(i) {
                "twenties" => 2,
                "thirties" => 3,
                "forties" => 4,
                "fifties" => 5,
                "sixties" => 6,
                "seventies" => 7,
                "eighties" => 8,
                "nineties" => 9,
                _ => 0,
            };
            if tens > 0 {
                return Some((i + 1, Sem::Decade(190 + tens)));
            }
        }
        if self.t(i) == "'" && self.digits(i + 1) == 2 && self.w(i + 2) == "s" && self.adj(i) && self.adj(i + 1) {
            let n = self.num(i + 1)? as i32;
            return Some((i + 3, Sem::Decade(if n < 30 { 200 + n / 10 } else { 190 + n / 10 })));
        }
        if self.digits(i) == 2 && self.w(i + 1) == "s" && self.adj(i) && self.before(i) == "the" {
            let n = self.num(i)? as i32;
            if n % 10 == 0 {
                return Some((i + 2, Sem::Decade(if n < 30 { 200 + n / 10 } else { 190 + n / 10 })));
            }
        }
        None
    }
}

/// A number written with optional thousands separators ("1,000", "15.5").
fn parse_number(text: &str) -> Option<f64> {
    if text.contains(',') { text.replace(',', "").parse().ok() } else { text.parse().ok() }
}

/// Keeps `found` in `best` unless `best` is longer (a later match of the
/// same length wins).
fn keep(best: &mut Option<Match>, found: Option<Match>) {
    if let Some(found) = found
        && best.as_ref().is_none_or(|(end, _)| found.0 >= *end)
    {
        *best = Some(found);
    }
}

impl Sem {
    fn with_year(self, y: YearRef) -> Sem {
        match self {
            Sem::Quarter { q, .. } => Sem::Quarter { y, q },
            Sem::Half { h, .. } => Sem::Half { y, h },
            other => other,
        }
    }
}

/// A point `n` units from the reference.
/// A point `n` units from the reference, written as a quantity ("two years
/// ago", "in 7 days"): calendar units keep the finer reading a bare
/// expression gets (see [`Sem::Shift`]).
fn shift(unit: Unit, n: i64) -> Option<Sem> {
    if unit.is_clock() { relative(unit, n) } else { Some(Sem::Shift { unit, n }) }
}

/// A point `n` units from the reference.
pub(crate) fn relative(unit: Unit, n: i64) -> Option<Sem> {
    if unit.is_clock() {
        let secs = unit_seconds(unit)?.checked_mul(n)?;
        return Some(Sem::RelTime { secs });
    }
    Some(match unit {
        Unit::Day => Sem::RelDay(n),
        Unit::Fortnight => Sem::Rel { unit: Unit::Week, n: n.checked_mul(2)? },
        unit => Sem::Rel { unit, n },
    })
}

fn unit_seconds(unit: Unit) -> Option<i64> {
    Some(match unit {
        Unit::Hour => 3600,
        Unit::Minute => 60,
        Unit::Second => 1,
        Unit::Day => 86_400,
        Unit::Week => 604_800,
        _ => return None,
    })
}

/// Orders units from the longest (0) to the shortest.
fn unit_rank(unit: Unit) -> u8 {
    match unit {
        Unit::Century => 0,
        Unit::Decade => 1,
        Unit::Year => 2,
        Unit::Quarter => 3,
        Unit::Month => 4,
        Unit::Fortnight | Unit::Week | Unit::Weekend => 5,
        Unit::Day => 6,
        Unit::Hour => 7,
        Unit::Minute => 8,
        Unit::Second => 9,
    }
}

/// A duration of several parts: "PT1H30S", "P1Y6M".
fn compound(parts: &[(i64, Unit)]) -> Option<String> {
    let mut date = String::new();
    let mut time = String::new();
    for &(n, unit) in parts {
        if n < 0 {
            return None;
        }
        let (target, code) = match unit {
            Unit::Year => (&mut date, "Y"),
            Unit::Month => (&mut date, "M"),
            Unit::Week => (&mut date, "W"),
            Unit::Day => (&mut date, "D"),
            Unit::Hour => (&mut time, "H"),
            Unit::Minute => (&mut time, "M"),
            Unit::Second => (&mut time, "S"),
            _ => return None,
        };
        target.push_str(&format!("{n}{code}"));
    }
    Some(if time.is_empty() { format!("P{date}") } else { format!("P{date}T{time}") })
}

/// The TIMEX3 duration for a quantity of a unit: "P3Y", "PT2H", "PXM",
/// "PT15.5M" becomes "PT930S".
fn duration(q: Qty<'_>, unit: Unit) -> String {
    let (code, time) = match unit {
        Unit::Year => ("Y", false),
        Unit::Quarter => ("Q", false),
        Unit::Month => ("M", false),
        Unit::Week => ("W", false),
        Unit::Day => ("D", false),
        Unit::Hour => ("H", true),
        Unit::Minute => ("M", true),
        Unit::Second => ("S", true),
        Unit::Decade => ("DE", false),
        Unit::Century => ("CE", false),
        Unit::Weekend => ("WE", false),
        Unit::Fortnight => ("W", false),
    };
    let t = if time { "T" } else { "" };
    if q.vague {
        return format!("P{t}X{code}");
    }
    let mut value = q.value;
    let mut unit = unit;
    let factor = match unit {
        Unit::Decade => 10.0,
        Unit::Century => 100.0,
        Unit::Fortnight => 2.0,
        _ => 1.0,
    };
    if factor != 1.0 {
        value *= factor;
        unit = if unit == Unit::Fortnight { Unit::Week } else { Unit::Year };
    }
    // fractions go down to a smaller unit
    while value.fract() != 0.0 {
        let (next, mul) = match unit {
            Unit::Year => (Unit::Month, 12.0),
            Unit::Quarter => (Unit::Month, 3.0),
            Unit::Month => (Unit::Day, 30.0),
            Unit::Week => (Unit::Day, 7.0),
            Unit::Day => (Unit::Hour, 24.0),
            Unit::Hour => (Unit::Minute, 60.0),
            Unit::Minute => (Unit::Second, 60.0),
            _ => break,
        };
        value *= mul;
        unit = next;
    }
    let code = match unit {
        Unit::Year | Unit::Decade | Unit::Century => "Y",
        Unit::Quarter => "Q",
        Unit::Month => "M",
        Unit::Week | Unit::Fortnight => "W",
        Unit::Day => "D",
        Unit::Hour => "TH",
        Unit::Minute => "TM",
        Unit::Second => "TS",
        Unit::Weekend => "WE",
    };
    let (t, code) = code.split_at(if code.starts_with('T') { 1 } else { 0 });
    if value.fract() == 0.0 && value < 1e15 {
        format!("P{t}{}{code}", value as u64)
    } else if value.fract() == 0.0 {
        // huge: keep the digits as written
        match q.raw {
            Some(raw) if factor == 1.0 => format!("P{t}{}{code}", raw.replace(',', "")),
            _ => format!("P{t}{value:.0}{code}"),
        }
    } else {
        format!("P{t}{}{code}", format!("{value:.3}").trim_end_matches('0').trim_end_matches('.'))
    }
}
