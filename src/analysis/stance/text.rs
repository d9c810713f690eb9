//! Words for the stance rules: the text cut into tokens, each reduced to a
//! light stem. Each distinct word is stemmed once per text, and numbered,
//! so that phrase matchers look up each distinct word once too.
//!
//! Phrases (lexicon cues, target keywords) are stemmed the same way, so
//! "refused", "refuses" and "refusing" all match the entry "refuse", and a
//! phrase never matches across punctuation.

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
        let mut out = Self { tokens: Vec::with_capacity(text.len() / 5), stems: String::new(), ends: Vec::new() };
        // Each distinct word, by its text, and its number.
        let mut words: HashMap<&str, u32> = HashMap::with_capacity((text.len() / 16).min(1 << 16));
        // One buffer for every word's stem.
        let mut buffer = String::new();
        let mut add = |out: &mut Self, start: usize, end: usize, boundary: bool| {
            let Some(word) = text.get(start..end) else { return };
            let id = match words.get(word) {
                Some(&id) => id,
                None => {
                    let id = out.ends.len() as u32;
                    if boundary {
                        out.stems.push_str(word);
                    } else {
                        stem_into(word, &mut buffer);
                        out.stems.push_str(&buffer);
                    }
                    out.ends.push(out.stems.len());
                    words.insert(word, id);
                    id
                }
            };
            out.tokens.push(Token { span: Span::new(base + start, base + end), boundary, word: id });
        };
        let bytes = text.as_bytes();
        let mut word_start: Option<usize> = None;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
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
                    add(&mut out, start, i, false);
                }
                if matches!(c, ',' | ';' | ':' | '.' | '!' | '?' | '(' | ')' | '—' | '–' | '…') {
                    add(&mut out, i, i + len, true);
                }
            }
            i += len;
        }
        if let Some(start) = word_start {
            add(&mut out, start, text.len(), false);
        }
        out
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

/// Whether a word's suffix-like ending is part of the word, so it is kept
/// whole and does not meet another word ("willing" is not "will").
fn unstemmed(word: &str) -> bool {
    matches!(
        word,
        "willing"
            | "unwilling"
            | "during"
            | "nothing"
            | "something"
            | "anything"
            | "everything"
            | "thing"
            | "things"
            | "morning"
            | "evening"
            | "news"
            | "united"
            | "ceiling"
            | "wedding"
            | "bless"
            | "blessing"
            | "offering"
            | "mission"
            | "missions"
            | "opinion"
            | "opinions"
            | "million"
            | "millions"
            | "billion"
            | "billions"
            | "nation"
            | "nations"
    )
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
    if w.len() <= 3 || !w.is_ascii() || w.contains('\'') || unstemmed(w) {
        return;
    }
    // Only suffixes ending in the word's last letter can match: checking
    // that byte first skips most comparisons, and keeps the rules' order.
    let last = w.as_bytes().last().copied().unwrap_or_default();
    // British -ise spellings to -ize.
    for (from, to) in [
        ("isations", "izations"),
        ("isation", "ization"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
    ] {
        if from.as_bytes().last() == Some(&last) && w.len() > from.len() + 3 && w.ends_with(from) {
            w.truncate(w.len() - from.len());
            w.push_str(to);
            break;
        }
    }
    const RULES: &[(&str, &str)] = &[
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
    let last = w.as_bytes().last().copied().unwrap_or_default();
    let mut stripped = false;
    for &(suffix, replacement) in RULES {
        if suffix.as_bytes().last() != Some(&last) || !w.ends_with(suffix) {
            continue;
        }
        let stem_len = w.len() - suffix.len();
        let min = match suffix {
            "er" | "ers" | "ly" => 4,
            "ion" | "ions" => 4,
            _ => 3,
        };
        if stem_len < min {
            continue;
        }
        if suffix == "s" && (w.ends_with("ss") || w.ends_with("us") || w.ends_with("is")) {
            break;
        }
        w.truncate(stem_len);
        w.push_str(replacement);
        stripped = !replacement.is_empty() || suffix != "s";
        break;
    }
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
