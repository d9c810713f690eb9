//! Words for the stance rules: the text cut into tokens, each reduced to a
//! light stem. Each distinct word is stemmed once per text, and numbered,
//! so that phrase matchers look up each distinct word once too.
//!
//! Phrases (lexicon cues, target keywords) are stemmed the same way, so
//! "refused", "refuses" and "refusing" all match the entry "refuse", and a
//! phrase never matches across punctuation.

use std::cell::RefCell;

use foldhash::{HashMap, HashMapExt};

use crate::analysis::Span;

/// One word or punctuation mark.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    /// Where it is in the analysed text.
    pub(crate) span: Span,
    /// Whether it is punctuation that ends a clause (`, ; : . ! ? ( )` and dashes).
    pub(crate) boundary: bool,
    /// The number of its word (its exact text) among the text's distinct words.
    word: u32,
}

/// Tokens of a text and the stems of its distinct words.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tokens {
    /// The tokens, in text order.
    pub(crate) tokens: Vec<Token>,
    /// The stems of the distinct words, end to end: a word's stem is
    /// "negotiat" for "negotiations"; punctuation is kept as is.
    stems: String,
    /// Per distinct word: where its stem ends in `stems` (it starts where
    /// the previous one ends).
    ends: Vec<usize>,
}

impl Tokens {
    /// Tokenises `text`; spans are offset by `base`. Linear in the text.
    pub(crate) fn new(text: &str, base: usize) -> Self {
        // About one distinct word in 12 to 16 bytes of an article, stemmed
        // to 5 or 6 bytes: room for them at once rather than by doubling.
        let distinct = (text.len() / 16).min(1 << 16);
        let mut out = Self {
            tokens: Vec::with_capacity(text.len() / 5),
            stems: String::with_capacity(distinct * 8),
            ends: Vec::with_capacity(distinct),
        };
        // Each distinct word, by its text, and its number: words of up to
        // eight bytes (most of them) under their bytes as one integer, which
        // hashes and compares in a step; longer ones under their text.
        let mut short_words: HashMap<u64, u32> = HashMap::with_capacity(distinct);
        let mut long_words: HashMap<&str, u32> = HashMap::with_capacity(distinct / 4);
        // One buffer for every word's stem; the thread's stems of earlier
        // texts, when no other call on this thread holds them.
        let mut buffer = String::new();
        STEMS.with(|stems| {
            let mut known = stems.try_borrow_mut().ok();
            let mut add = |out: &mut Self, start: usize, end: usize, boundary: bool| {
                let Some(word) = text.get(start..end) else { return };
                let number_new = || {
                    if boundary {
                        out.stems.push_str(word);
                    } else {
                        stem_known(word, known.as_deref_mut(), &mut buffer);
                        out.stems.push_str(&buffer);
                    }
                    out.ends.push(out.stems.len());
                    out.ends.len() as u32 - 1
                };
                // One hash per token: a new word is inserted where it was looked for.
                let id = match short_key(word) {
                    Some(key) => *short_words.entry(key).or_insert_with(number_new),
                    None => *long_words.entry(word).or_insert_with(number_new),
                };
                out.tokens.push(Token { span: Span::new(base + start, base + end), boundary, word: id });
            };
            out.cut(text, &mut add);
        });
        out
    }

    /// Cuts `text` into words and clause punctuation, calling `add` with
    /// the byte range of each and whether it is punctuation.
    fn cut(&mut self, text: &str, add: &mut impl FnMut(&mut Self, usize, usize, bool)) {
        let bytes = text.as_bytes();
        let mut word_start: Option<usize> = None;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            // Most bytes are ASCII letters and digits: a word or its
            // continuation, taken up to the next other byte at once.
            if b.is_ascii_alphanumeric() {
                word_start.get_or_insert(i);
                let rest = bytes.get(i + 1..).unwrap_or_default();
                i += 1 + rest.iter().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(rest.len());
                continue;
            }
            // The character at `i`, decoded only when it is not ASCII.
            let c =
                if b.is_ascii() { char::from(b) } else { text.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ') };
            let len = c.len_utf8();
            let in_word = c.is_alphanumeric()
                || (matches!(c, '\'' | '’')
                    && word_start.is_some()
                    && text.get(i + len..).and_then(|r| r.chars().next()).is_some_and(char::is_alphanumeric));
            if in_word {
                word_start.get_or_insert(i);
            } else {
                if let Some(start) = word_start.take() {
                    add(self, start, i, false);
                }
                if matches!(c, ',' | ';' | ':' | '.' | '!' | '?' | '(' | ')' | '—' | '–' | '…') {
                    add(self, i, i + len, true);
                }
            }
            i += len;
        }
        if let Some(start) = word_start {
            add(self, start, text.len(), false);
        }
    }

    /// How many distinct words the text has.
    pub(crate) fn words(&self) -> usize {
        self.ends.len()
    }

    /// The stem of distinct word `w` ("" past the end).
    pub(crate) fn word_stem(&self, w: usize) -> &str {
        let Some(&end) = self.ends.get(w) else { return "" };
        let start = if w == 0 { 0 } else { self.ends.get(w - 1).copied().unwrap_or(0) };
        self.stems.get(start..end).unwrap_or_default()
    }

    /// The number of token `i`'s distinct word, if there is such a token.
    pub(crate) fn word(&self, i: usize) -> Option<usize> {
        self.tokens.get(i).map(|t| t.word as usize)
    }

    /// The stem of token `i` ("" past the end).
    pub(crate) fn stem(&self, i: usize) -> &str {
        self.word(i).map_or("", |w| self.word_stem(w))
    }

    /// `" stem stem stem "`: every token's stem with a space on each side
    /// ("" without tokens).
    pub(crate) fn line(&self) -> String {
        if self.tokens.is_empty() {
            return String::new();
        }
        let mut line = String::from(" ");
        for i in 0..self.tokens.len() {
            line.push_str(self.stem(i));
            line.push(' ');
        }
        line
    }

    /// Indices `[first, last)` of the tokens inside `span`.
    pub(crate) fn range(&self, span: Span) -> (usize, usize) {
        let first = self.tokens.partition_point(|t| t.span.start < span.start);
        let last = self.tokens.partition_point(|t| t.span.end <= span.end);
        (first, last.max(first))
    }
}

/// A word of one to eight bytes as one integer: its bytes, little-endian,
/// then zeros (a token never contains a zero byte, so two words share a key
/// only when they are equal); `None` for longer words.
fn short_key(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    if bytes.len() > 8 {
        return None;
    }
    let mut key = [0u8; 8];
    key.get_mut(..bytes.len())?.copy_from_slice(bytes);
    Some(u64::from_le_bytes(key))
}

thread_local! {
    /// Stems remembered across the texts a thread reads: most words of an
    /// article are common words stemmed many times before. Only ASCII words
    /// of up to 16 bytes, whose stems are never longer, each as one integer
    /// (see [`packed`]); at most [`STEMS_KEPT`] of them, the first ones met.
    static STEMS: RefCell<HashMap<u128, u128>> = RefCell::new(HashMap::new());
}

/// How many words' stems a thread remembers (32 bytes each, 128 KB in all:
/// the common words; a larger table measured no faster in the whole analysis).
const STEMS_KEPT: usize = 1 << 12;

/// An ASCII word of 1 to 16 bytes as one integer: its bytes, little-endian,
/// then zeros (no word contains a zero byte, so two words share a key only
/// when equal); `None` for other words.
fn packed(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.len() > 16 || !word.is_ascii() {
        return None;
    }
    let mut key = [0u8; 16];
    key.get_mut(..bytes.len())?.copy_from_slice(bytes);
    Some(u128::from_le_bytes(key))
}

/// The word of a [`packed`] integer.
fn unpacked(key: u128, out: &mut String) {
    out.clear();
    let bytes = key.to_le_bytes();
    let len = 16 - (key.leading_zeros() / 8) as usize;
    out.push_str(std::str::from_utf8(bytes.get(..len).unwrap_or_default()).unwrap_or_default());
}

/// [`stem_into`], through the remembered stems `known` when given.
fn stem_known(word: &str, known: Option<&mut HashMap<u128, u128>>, w: &mut String) {
    let (Some(known), Some(key)) = (known, packed(word)) else {
        return stem_into(word, w);
    };
    if let Some(&stem) = known.get(&key) {
        return unpacked(stem, w);
    }
    stem_into(word, w);
    if known.len() < STEMS_KEPT
        && let Some(stem) = packed(w)
    {
        known.insert(key, stem);
    }
}

/// The stems of a phrase joined as in a stem line: `" stem stem "`.
pub(crate) fn stem_phrase(phrase: &str) -> String {
    Tokens::new(phrase, 0).line()
}

/// A set of phrases, each a sequence of stems, matched token by token: a
/// trie over word ids, where a text's tokens are looked up once each.
/// Finds what a substring search for the phrases' stem lines would find
/// on the text's stem line, without going through its bytes.
#[derive(Debug, Default)]
pub(crate) struct Phrases {
    /// Every stem of every phrase, numbered.
    words: HashMap<Box<str>, u32>,
    /// Per word: the trie node after that word alone.
    first: Vec<Option<u32>>,
    /// The trie's other edges: (node, next word) → node.
    next: HashMap<(u32, u32), u32>,
    /// Per trie node: the values of the phrases ending there.
    values: Vec<Vec<u32>>,
}

impl Phrases {
    /// Adds the phrase whose stem line is `line` (as made by [`stem_phrase`])
    /// with `value`; nothing for an empty line.
    pub(crate) fn insert(&mut self, line: &str, value: u32) {
        let mut node: Option<u32> = None;
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            let id = match self.words.get(word) {
                Some(&id) => id,
                None => {
                    let id = self.first.len() as u32;
                    self.words.insert(word.into(), id);
                    self.first.push(None);
                    id
                }
            };
            let existing = match node {
                None => self.first[id as usize],
                Some(n) => self.next.get(&(n, id)).copied(),
            };
            let child = existing.unwrap_or_else(|| {
                let child = self.values.len() as u32;
                self.values.push(Vec::new());
                match node {
                    None => self.first[id as usize] = Some(child),
                    Some(n) => {
                        self.next.insert((n, id), child);
                    }
                }
                child
            });
            node = Some(child);
        }
        if let Some(n) = node {
            self.values[n as usize].push(value);
        }
    }

    /// Calls `found(value, first, last)` for every occurrence of every
    /// phrase in `tokens` (tokens `[first, last)`), overlapping ones
    /// included, by first token then length.
    pub(crate) fn find(&self, tokens: &Tokens, mut found: impl FnMut(u32, usize, usize)) {
        // Each distinct word of the text looked up once.
        let ids: Vec<Option<u32>> = (0..tokens.words()).map(|w| self.words.get(tokens.word_stem(w)).copied()).collect();
        let id = |i: usize| tokens.word(i).and_then(|w| ids.get(w).copied().flatten());
        for i in 0..tokens.tokens.len() {
            let Some(mut node) = id(i).and_then(|id| self.first.get(id as usize).copied().flatten()) else { continue };
            let mut last = i + 1;
            loop {
                for &value in self.values.get(node as usize).map_or(&[][..], Vec::as_slice) {
                    found(value, i, last);
                }
                let Some(next) = id(last).and_then(|word| self.next.get(&(node, word)).copied()) else {
                    break;
                };
                node = next;
                last += 1;
            }
        }
    }
}

/// Words whose suffix-like ending is part of the word, so they are kept
/// whole and do not meet another word ("willing" is not "will").
const UNSTEMMED: [&str; 28] = [
    "willing",
    "unwilling",
    "during",
    "nothing",
    "something",
    "anything",
    "everything",
    "thing",
    "things",
    "morning",
    "evening",
    "news",
    "united",
    "ceiling",
    "wedding",
    "bless",
    "blessing",
    "offering",
    "mission",
    "missions",
    "opinion",
    "opinions",
    "million",
    "millions",
    "billion",
    "billions",
    "nation",
    "nations",
];

/// British -ise spellings, rewritten to -ize (the first that matches).
const ISE: [(&str, &str); 6] = [
    ("isations", "izations"),
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ise", "ize"),
];

/// Suffixes stripped, each with its replacement (the first that matches
/// and leaves a long enough stem).
const RULES: [(&str, &str); 28] = [
    ("izations", ""),
    ("ization", ""),
    ("izing", ""),
    ("ized", ""),
    ("izes", ""),
    ("ize", ""),
    ("ations", "at"),
    ("ation", "at"),
    ("ators", "at"),
    ("ator", "at"),
    ("ions", ""),
    ("ion", ""),
    ("ments", ""),
    ("ment", ""),
    ("nesses", ""),
    ("ness", ""),
    ("ingly", ""),
    ("ings", ""),
    ("ing", ""),
    ("edly", ""),
    ("ied", "y"),
    ("ies", "y"),
    ("ers", ""),
    ("er", ""),
    ("ed", ""),
    ("ly", ""),
    ("es", "e"),
    ("s", ""),
];

/// The entries of a table of `N` words grouped by their last byte, each
/// group in table order: a word can only equal or end with the entries of
/// its own last byte's group, and trying those in order finds the same
/// first match as a scan of the whole table. Built at compile time.
struct ByLastByte<const N: usize> {
    /// Entry indices, stably sorted by the entry's last byte.
    order: [u8; N],
    /// Byte `b`'s group is `order[start[b]..start[b + 1]]`.
    start: [u8; 257],
}

impl<const N: usize> ByLastByte<N> {
    /// Groups `words` (non-empty, fewer than 256) by last byte.
    const fn new(words: [&str; N]) -> Self {
        assert!(N < 256);
        // Counting sort: group sizes, then group starts, then placement.
        let mut start = [0u8; 257];
        let mut i = 0;
        while i < N {
            let bytes = words[i].as_bytes();
            assert!(!bytes.is_empty());
            start[bytes[bytes.len() - 1] as usize + 1] += 1;
            i += 1;
        }
        let mut b = 0;
        while b < 256 {
            start[b + 1] += start[b];
            b += 1;
        }
        let mut next = start;
        let mut order = [0u8; N];
        let mut i = 0;
        while i < N {
            let bytes = words[i].as_bytes();
            let last = bytes[bytes.len() - 1] as usize;
            order[next[last] as usize] = i as u8;
            next[last] += 1;
            i += 1;
        }
        Self { order, start }
    }

    /// The indices of the entries ending in `last`, in table order.
    fn group(&self, last: u8) -> impl Iterator<Item = usize> + '_ {
        let (from, to) = (self.start[last as usize] as usize, self.start[last as usize + 1] as usize);
        self.order.get(from..to).unwrap_or_default().iter().map(|&i| usize::from(i))
    }
}

/// The first elements of a table's pairs (its suffixes), for [`ByLastByte::new`].
const fn firsts<const N: usize>(table: &[(&'static str, &'static str); N]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = table[i].0;
        i += 1;
    }
    out
}

static UNSTEMMED_BY_LAST: ByLastByte<{ UNSTEMMED.len() }> = ByLastByte::new(UNSTEMMED);
static ISE_BY_LAST: ByLastByte<{ ISE.len() }> = ByLastByte::new(firsts(&ISE));
static RULES_BY_LAST: ByLastByte<{ RULES.len() }> = ByLastByte::new(firsts(&RULES));

/// `word.ends_with(suffix)` for a suffix from `word`'s last-byte group (so
/// their last bytes are equal and not compared again), compared from the
/// end back: inline, and most non-matching suffixes differ in their
/// second-to-last byte, where a library comparison would be a call.
fn ends_with(word: &[u8], suffix: &[u8]) -> bool {
    debug_assert_eq!(word.last(), suffix.last());
    word.len() >= suffix.len() && word.iter().rev().zip(suffix.iter().rev()).skip(1).all(|(a, b)| a == b)
}

/// Whether `word` is one of the [`UNSTEMMED`] words.
fn unstemmed(word: &str) -> bool {
    let last = word.as_bytes().last().copied().unwrap_or_default();
    UNSTEMMED_BY_LAST.group(last).any(|i| UNSTEMMED[i] == word)
}

/// A light English stemmer: lower case, no possessive, no inflection and a
/// few derivational suffixes, so that the forms of one word meet
/// ("legalization", "legalize", "legalized" → "legal"; "negotiations",
/// "negotiate", "negotiator" → "negotiat"). Consistency matters more than
/// linguistic accuracy: phrases and text go through the same function.
pub(crate) fn stem(word: &str) -> String {
    let mut w = String::with_capacity(word.len());
    stem_into(word, &mut w);
    w
}

/// [`stem`] into `w` (cleared first), so that one buffer serves every word.
fn stem_into(word: &str, w: &mut String) {
    let ascii = word.is_ascii();
    lower_without_possessive(word, w);
    // (Lower case can make a word ASCII, never the reverse.)
    if w.len() <= 3 || (!ascii && !w.is_ascii()) || w.contains('\'') || unstemmed(w) {
        return;
    }
    // Only the suffixes ending in the word's last letter can match: the
    // tables are tried by last byte, in their order.
    let last = w.as_bytes().last().copied().unwrap_or_default();
    for i in ISE_BY_LAST.group(last) {
        let (from, to) = ISE[i];
        if w.len() > from.len() + 3 && ends_with(w.as_bytes(), from.as_bytes()) {
            w.truncate(w.len() - from.len());
            w.push_str(to);
            break;
        }
    }
    let last = w.as_bytes().last().copied().unwrap_or_default();
    let mut stripped = false;
    for i in RULES_BY_LAST.group(last) {
        let (suffix, replacement) = RULES[i];
        if !ends_with(w.as_bytes(), suffix.as_bytes()) {
            continue;
        }
        match apply_rule(w, suffix, replacement) {
            Rule::TooShort => continue,
            Rule::Kept => break,
            Rule::Applied(s) => {
                stripped = s;
                break;
            }
        }
    }
    tidy_end(w, stripped);
}

/// `word` lower-cased into `w` (cleared first), curly apostrophes made
/// straight, without a possessive "'s" or "'".
fn lower_without_possessive(word: &str, w: &mut String) {
    w.clear();
    if word.is_ascii() {
        w.push_str(word);
        w.make_ascii_lowercase();
    } else {
        w.extend(word.chars().map(|c| if c == '’' { '\'' } else { c }).flat_map(char::to_lowercase));
    }
    for suffix in ["'s", "'"] {
        if w.len() > suffix.len() + 1 && w.ends_with(suffix) {
            w.truncate(w.len() - suffix.len());
        }
    }
}

/// What a matching rule of [`RULES`] did to a word.
enum Rule {
    /// The stem would be too short: the next rule is tried.
    TooShort,
    /// A plural-looking "s" that belongs to the word ("press", "bus"): no
    /// rule applies.
    Kept,
    /// The suffix was replaced; `true` unless only a plural "s" went.
    Applied(bool),
}

/// Applies the rule (`suffix` → `replacement`) to `w`, which ends in `suffix`.
fn apply_rule(w: &mut String, suffix: &str, replacement: &str) -> Rule {
    let stem_len = w.len() - suffix.len();
    let min = match suffix {
        "er" | "ers" | "ly" => 4,
        "ion" | "ions" => 4,
        _ => 3,
    };
    if stem_len < min {
        return Rule::TooShort;
    }
    if suffix == "s" && (w.ends_with("ss") || w.ends_with("us") || w.ends_with("is")) {
        return Rule::Kept;
    }
    w.truncate(stem_len);
    w.push_str(replacement);
    Rule::Applied(!replacement.is_empty() || suffix != "s")
}

/// The last touches after the rules: a final "e" goes ("negotiate" meets
/// "negotiat"), and a doubled consonant left by a stripped suffix is
/// undoubled ("stopped" → "stop").
fn tidy_end(w: &mut String, stripped: bool) {
    if w.len() > 3 && w.ends_with('e') {
        w.pop();
    }
    if stripped && w.len() > 3 {
        let b = w.as_bytes();
        let (x, y) = (b[b.len() - 2], b[b.len() - 1]);
        if x == y && !matches!(y, b'l' | b's' | b'z' | b'a' | b'e' | b'i' | b'o' | b'u') {
            w.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_word_families_together() {
        for family in [
            &["negotiations", "negotiate", "negotiated", "negotiating", "negotiator"][..],
            &["legalization", "legalize", "legalized", "legalising", "legal"],
            &["refuse", "refused", "refuses", "refusing"],
            &["hope", "hoped", "hoping", "hopes"],
            &["talks", "talk", "talked", "talking"],
            &["discussion", "discuss", "discussed", "discussing"],
            &["stopped", "stop", "stopping"],
        ] {
            let stems: Vec<String> = family.iter().map(|w| stem(w)).collect();
            assert!(stems.iter().all(|s| *s == stems[0]), "{family:?} -> {stems:?}");
        }
        assert_ne!(stem("never"), stem("new"));
        assert_eq!(stem("Russia’s"), "russia");
    }

    /// The stemmer with its tables scanned whole, in order, and suffixes
    /// compared by the library: what grouping by last byte must not change.
    fn linear_stem(word: &str) -> String {
        let mut w = String::new();
        lower_without_possessive(word, &mut w);
        if w.len() <= 3 || !w.is_ascii() || w.contains('\'') || UNSTEMMED.contains(&w.as_str()) {
            return w;
        }
        for (from, to) in ISE {
            if w.len() > from.len() + 3 && w.ends_with(from) {
                w.truncate(w.len() - from.len());
                w.push_str(to);
                break;
            }
        }
        let mut stripped = false;
        for (suffix, replacement) in RULES {
            if !w.ends_with(suffix) {
                continue;
            }
            match apply_rule(&mut w, suffix, replacement) {
                Rule::TooShort => continue,
                Rule::Kept => break,
                Rule::Applied(s) => {
                    stripped = s;
                    break;
                }
            }
        }
        tidy_end(&mut w, stripped);
        w
    }

    #[test]
    fn tables_by_last_byte_keep_table_order() {
        let rules = ByLastByte::new(firsts(&RULES));
        for b in 0..=255u8 {
            let linear: Vec<usize> = (0..RULES.len()).filter(|&i| RULES[i].0.as_bytes().last() == Some(&b)).collect();
            assert_eq!(rules.group(b).collect::<Vec<_>>(), linear, "byte {b}");
        }
        assert_eq!(RULES_BY_LAST.group(b'z').count(), 0);
        assert_eq!(ISE_BY_LAST.group(b's').map(|i| ISE[i].0).collect::<Vec<_>>(), ["isations", "ises"]);
        assert_eq!(UNSTEMMED_BY_LAST.group(b'd').map(|i| UNSTEMMED[i]).collect::<Vec<_>>(), ["united"]);
    }

    #[test]
    fn stems_as_a_linear_scan_of_the_tables() {
        let mut words: Vec<String> = Vec::new();
        let bases = [
            "",
            "a",
            "ab",
            "abc",
            "legal",
            "negotiat",
            "hop",
            "stop",
            "refus",
            "nat",
            "mill",
            "opin",
            "bless",
            "thing",
            "will",
            "morn",
            "even",
            "unit",
            "new",
            "s",
            "ss",
            "u",
            "i",
            "bus",
            "cris",
            "kindn",
            "organ",
            "real",
            "station",
            "mission",
            "ope",
            "mem",
            "Russia",
            "Éclair",
            "naïve",
            "O’Brien",
            "don't",
        ];
        let tails: Vec<&str> = RULES
            .iter()
            .chain(ISE.iter())
            .flat_map(|&(a, b)| [a, b])
            .chain(UNSTEMMED)
            .chain(["", "e", "ee", "ss", "us", "is", "'s", "’s", "'", "S", "ING", "IZATION", "Ly", "ness'"])
            .collect();
        for base in bases {
            for tail in &tails {
                words.push(format!("{base}{tail}"));
                words.push(format!("{base}{tail}").to_uppercase());
                words.push(format!("{base}{tail}s"));
            }
        }
        words.extend(UNSTEMMED.iter().map(|w| w.to_string()));
        for word in &words {
            assert_eq!(stem(word), linear_stem(word), "{word:?}");
        }
    }

    /// Token spans and clause marks as cut by the tokenizer before its
    /// ASCII fast path: every character decoded and classified.
    fn char_by_char_tokens(text: &str) -> Vec<(usize, usize, bool)> {
        let mut out = Vec::new();
        let mut word_start: Option<usize> = None;
        for (i, c) in text.char_indices() {
            let next = text[i + c.len_utf8()..].chars().next();
            let in_word = c.is_alphanumeric()
                || (matches!(c, '\'' | '’') && word_start.is_some() && next.is_some_and(char::is_alphanumeric));
            if in_word {
                word_start.get_or_insert(i);
            } else {
                if let Some(start) = word_start.take() {
                    out.push((start, i, false));
                }
                if matches!(c, ',' | ';' | ':' | '.' | '!' | '?' | '(' | ')' | '—' | '–' | '…') {
                    out.push((i, i + c.len_utf8(), true));
                }
            }
        }
        if let Some(start) = word_start {
            out.push((start, text.len(), false));
        }
        out
    }

    #[test]
    fn tokens_as_cut_char_by_char() {
        for text in [
            "",
            "a",
            "'Twas O'Neil's x' y'' d’Ivoire’s ’quoted’ rock'n'roll 'n",
            "Café naïve—Zürich–Ørsted… (1,000.5 km²) ½ Ⅻ 東京 123abc",
            "end with apostrophe'",
            "end with word42",
            "  spaces\tand\nlines!?;:",
        ] {
            let tokens = Tokens::new(text, 7);
            let cut: Vec<(usize, usize, bool)> =
                tokens.tokens.iter().map(|t| (t.span.start - 7, t.span.end - 7, t.boundary)).collect();
            assert_eq!(cut, char_by_char_tokens(text), "{text:?}");
        }
    }

    #[test]
    fn tokens_keep_spans_and_clause_marks() {
        let t = Tokens::new("We don’t rule out talks, he said.", 10);
        let stems: Vec<&str> = (0..t.tokens.len()).map(|i| t.stem(i)).collect();
        assert_eq!(stems, ["we", "don't", "rul", "out", "talk", ",", "he", "said", "."]);
        assert_eq!(t.tokens[4].span, Span::new(30, 35));
        assert_eq!(t.line(), " we don't rul out talk , he said . ");
        assert_eq!(stem_phrase("Peace-talks"), " peac talk ");
        assert_eq!(t.stem(9), "");
    }

    /// Short words are numbered by their bytes, long ones by their text:
    /// the same word gets one number either way, and words that differ
    /// only past the eighth byte, or in length, get different ones.
    #[test]
    fn numbers_short_and_long_words_by_their_text() {
        let t = Tokens::new("talks talk talks negotiat negotiation negotiations negotiation a", 0);
        let words: Vec<Option<usize>> = (0..t.tokens.len()).map(|i| t.word(i)).collect();
        let [talks, talk, talks2, negotiat, negotiation, negotiations, negotiation2, a] = words[..] else {
            panic!("{words:?}")
        };
        assert_eq!(talks, talks2);
        assert_eq!(negotiation, negotiation2);
        let distinct = [talks, talk, negotiat, negotiation, negotiations, a];
        assert!(distinct.iter().all(Option::is_some));
        let mut sorted = distinct.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), distinct.len(), "{distinct:?}");
        assert_eq!(t.words(), distinct.len());
        assert_eq!(short_key("negotiat").map(u64::to_le_bytes), Some(*b"negotiat"));
        assert_eq!(short_key("negotiate"), None);
    }

    #[test]
    fn remembered_stems_are_the_stems() {
        let words =
            ["Negotiations", "talks", "NEGOTIATING", "a", "sixteen-letter-w", "seventeen-letters", "Zürich", "talks"];
        let mut known = HashMap::new();
        let mut w = String::new();
        // Twice: first stemmed and remembered, then read back.
        for round in 0..2 {
            for word in words {
                stem_known(word, Some(&mut known), &mut w);
                assert_eq!(w, stem(word), "{word:?} in round {round}");
            }
        }
        // ASCII words of up to 16 bytes are remembered, others are not.
        assert_eq!(known.len(), 5);
        assert!(known.contains_key(&packed("sixteen-letter-w").unwrap_or_default()));
        for word in ["", "a", "sixteen-letter-w"] {
            let mut back = String::from("old");
            unpacked(packed(word).unwrap_or_default(), &mut back);
            assert_eq!(back, word);
        }
        assert_eq!(packed("seventeen-letters"), None);
        assert_eq!(packed("Zürich"), None);
    }

    #[test]
    fn phrases_match_whole_tokens_overlapping() {
        let mut phrases = Phrases::default();
        for (value, phrase) in ["not", "not only", "only", "peace talks", "talks", "peace"].iter().enumerate() {
            phrases.insert(&stem_phrase(phrase), value as u32);
        }
        phrases.insert(&stem_phrase("talk"), 10);
        phrases.insert(&stem_phrase(""), 11);
        let tokens = Tokens::new("Not only peace talks, but talking; notably.", 0);
        let mut found = Vec::new();
        phrases.find(&tokens, |value, first, last| found.push((value, first, last)));
        assert_eq!(
            found,
            [(0, 0, 1), (1, 0, 2), (2, 1, 2), (5, 2, 3), (3, 2, 4), (4, 3, 4), (10, 3, 4), (4, 6, 7), (10, 6, 7)]
        );
        let mut none = Vec::new();
        Phrases::default().find(&tokens, |value, first, last| none.push((value, first, last)));
        assert!(none.is_empty());
    }
}
