//! A small word tokenizer for one sentence: words (with internal periods,
//! hyphens and apostrophes, a possessive `'s` split off) and single
//! punctuation characters, each with its byte span in the text.

use std::borrow::Cow;
use std::cell::Cell;

use arrayvec::ArrayString;

use crate::analysis::Span;
use crate::analysis::document::char_at;

/// One token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// Where it is in the text.
    pub(crate) span: Span,
    /// A word (letters or digits) rather than punctuation.
    pub(crate) word: bool,
    /// A word starting with an upper-case letter.
    pub(crate) cap: bool,
    /// Whether the word is its own lower-case form (ASCII, no capitals):
    /// then [`lower`] borrows it from the text.
    plain: bool,
    /// Otherwise its lower-case form, computed once (see [`lower`]).
    low: Low,
    /// What the speaker lexicons say of the word, looked up on first use
    /// (see [`Token::memo`]); 0 until then.
    class: Cell<u16>,
}

/// Bytes of a lower-case form kept inside the token; longer words are
/// lower-cased when asked for.
const LOW_BYTES: usize = 20;

/// A short lower-case form stored inline, so looking a word up in the
/// lexicons neither allocates, nor lower-cases it again, nor checks its
/// UTF-8 again (an `ArrayString` is a `str` already). Empty when the form
/// did not fit (a word is never empty).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Low(ArrayString<LOW_BYTES>);

impl Low {
    const EMPTY: Low = Low(ArrayString::new_const());

    #[cold]
    fn of(word: &str) -> Low {
        let mut low = ArrayString::new();
        if word.is_ascii() {
            if low.try_push_str(word).is_ok() {
                low.make_ascii_lowercase();
            }
        } else if word.chars().all(|c| c.is_ascii() || c == '’') {
            // ASCII with curly apostrophes ("DON’T") folds char by char (as
            // `fold` would) straight into the buffer.
            for c in word.chars() {
                let c = if c == '’' { '\'' } else { c.to_ascii_lowercase() };
                if low.try_push(c).is_err() {
                    return Low::EMPTY;
                }
            }
        } else {
            // Too long for the buffer: left empty, folded when asked for.
            let _ = low.try_push_str(&fold(word));
        }
        Low(low)
    }

    #[inline]
    fn as_str(&self) -> Option<&str> {
        Some(self.0.as_str()).filter(|s| !s.is_empty())
    }
}

/// Calls `f` with `word` in lower case, curly apostrophes made straight;
/// short words are lower-cased on the stack, not allocated.
pub(crate) fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    match Low::of(word).as_str() {
        Some(low) => f(low),
        None => f(&fold(word)),
    }
}

/// Lower case with curly apostrophes made straight (of a word or a phrase).
pub(crate) fn fold(word: &str) -> String {
    word.to_lowercase().replace('’', "'")
}

/// A token in lower case with curly apostrophes made straight, borrowed from
/// the token (computed once when tokenizing) unless the word is long.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Lower<'t>(Cow<'t, str>);

impl Lower<'_> {
    #[inline]
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<&str> for Lower<'_> {
    #[inline]
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<str> for Lower<'_> {
    #[inline]
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

/// The lower-case form of a token (see [`Lower`]), with curly apostrophes
/// made straight.
#[inline]
pub(crate) fn lower<'a>(text: &'a str, t: &'a Token) -> Lower<'a> {
    if t.plain {
        return Lower(Cow::Borrowed(t.span.slice(text)));
    }
    match t.low.as_str() {
        Some(s) => Lower(Cow::Borrowed(s)),
        None => Lower(Cow::Owned(fold(t.span.slice(text)))),
    }
}

impl Token {
    /// A token for `s`, the text of `span`.
    #[inline]
    fn new(s: &str, span: Span, word: bool, cap: bool) -> Token {
        if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            Token { span, word, cap, plain: true, low: Low::EMPTY, class: Cell::new(0) }
        } else {
            Token { span, word, cap, plain: false, low: Low::of(s), class: Cell::new(0) }
        }
    }

    /// The apostrophe of a plural's possessive ("Nations'"), whose
    /// lower-case form is "'s" as for a singular's.
    fn possessive(span: Span) -> Token {
        let mut low = ArrayString::new();
        low.push_str("'s");
        Token { span, word: true, cap: false, plain: false, low: Low(low), class: Cell::new(0) }
    }

    /// A value (never 0) computed from the token once and then remembered:
    /// the speaker lexicons' word class, so that each token is looked up
    /// once however often the phrase readers ask.
    #[inline]
    pub(crate) fn memo(&self, compute: impl FnOnce() -> u16) -> u16 {
        match self.class.get() {
            0 => {
                let value = compute();
                self.class.set(value);
                value
            }
            value => value,
        }
    }
}

/// The index of the first token of `toks` (in text order) that starts at
/// or after `span`'s start: a phrase's first token.
pub(crate) fn first_token(toks: &[Token], span: Span) -> usize {
    toks.partition_point(|t| t.span.start < span.start)
}

/// The index of the first token of `toks` (in text order) that ends after
/// `span`'s end: the token right after a phrase.
pub(crate) fn token_after(toks: &[Token], span: Span) -> usize {
    toks.partition_point(|t| t.span.end <= span.end)
}

/// Whether `c` is a quotation mark of any style.
pub(crate) fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '„' | '‚' | '«' | '»' | '‹' | '›' | '「' | '」' | '『' | '』')
}

/// Whether `c` is a quotation mark other than the straight or curly
/// apostrophe (which also occur inside words).
pub(crate) fn is_quote_mark_strict(c: char) -> bool {
    is_quote_mark(c) && !matches!(c, '\'' | '’')
}

/// Whether the word `before` ends in an apostrophe and an `s` (the last
/// bytes of a possessive "Russia’s").
fn ends_possessive(before: &[u8]) -> Option<usize> {
    match before {
        [.., b'\'', b's' | b'S'] => Some(before.len() - 2),
        [.., 0xE2, 0x80, 0x99, b's' | b'S'] => Some(before.len() - 4),
        _ => None,
    }
}

/// Whether the period between `word` and `after` ends a sentence glued to
/// the next ("Russia.He"): a word of three or more letters before it, a
/// capital and a lower-case letter after it.
pub(crate) fn glued_sentence(word: &str, after: &str) -> bool {
    let mut next = after.chars();
    word.chars().rev().take_while(|c| c.is_alphabetic()).nth(2).is_some()
        && word.chars().next_back().is_some_and(char::is_lowercase)
        && next.next().is_some_and(char::is_uppercase)
        && next.next().is_some_and(char::is_lowercase)
}

/// Tokenizes `text[span]`. Linear in the span's length; runs of ASCII
/// letters and digits are read as bytes.
pub(crate) fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let body = span.slice(text);
    let bytes = body.as_bytes();
    let base = span.start;
    let mut out: Vec<Token> = Vec::with_capacity(body.len() / 5 + 1);
    // Whether a single quote opened ("‘", or "'" before a word) and has
    // not closed: an apostrophe after a plural is then its closing mark.
    let mut single_open = false;
    let mut i = 0;
    while let Some((c, len)) = char_at(body, i) {
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if !c.is_alphanumeric() {
            let span = Span::new(base + i, base + i + len);
            let glued = out.last().filter(|t| t.word && t.span.end == span.start);
            if matches!(c, '\'' | '’') && glued.is_some() {
                // "the United Nations' human rights office": a capitalised
                // plural's possessive, read as "'s" is.
                let plural = glued.is_some_and(|t| t.cap && t.span.slice(text).ends_with(['s', 'S']));
                let word_after = body.get(i + len..).is_some_and(|rest| {
                    let mut after = rest.chars();
                    after.next().is_some_and(char::is_whitespace) && after.next().is_some_and(char::is_alphabetic)
                });
                if plural && word_after && !single_open {
                    out.push(Token::possessive(span));
                } else {
                    out.push(Token::new(&body[i..i + len], span, false, false));
                }
                single_open = false;
            } else {
                let opens =
                    c == '‘' || (c == '\'' && glued.is_none() && out.last().is_none_or(|t| t.span.end < span.start));
                single_open |=
                    opens && body.get(i + len..).and_then(|r| r.chars().next()).is_some_and(char::is_alphanumeric);
                out.push(Token::new(&body[i..i + len], span, false, false));
            }
            i += len;
            continue;
        }
        // The word runs over letters and digits, and over a joiner with a
        // letter or digit after it.
        let mut j = i + len;
        let mut dotted = false;
        let mut hyphenated = false;
        loop {
            while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
                j += 1;
            }
            let Some((d, dlen)) = char_at(body, j) else { break };
            if d.is_alphanumeric() {
                j += dlen;
                continue;
            }
            let joins =
                matches!(d, '.' | '-' | '\'' | '’' | '&') && !(d == '.' && glued_sentence(&body[i..j], &body[j + 1..]));
            match char_at(body, j + dlen) {
                Some((n, nlen)) if joins && n.is_alphanumeric() => {
                    dotted |= d == '.';
                    hyphenated |= d == '-';
                    j += dlen + nlen;
                }
                _ => break,
            }
        }
        let word_end = j;
        let mut end = j;
        // "U.S." keeps its final period when the word has inner periods.
        let initial = word_end == i + len && c.is_uppercase();
        let inner = &body[i..word_end];
        // "Jr.", "Inc.": a suffix that ends a name keeps its period too.
        let period = bytes.get(word_end) == Some(&b'.');
        let name_end = period && c.is_uppercase() && crate::analysis::document::ends_name_with_period(inner);
        if (dotted && inner.len() <= 6 || initial || name_end) && period {
            end += 1;
        }
        // "al-Assad", "bin-Talal": a particle joined to a capitalised name
        // is a name word.
        let cap = c.is_uppercase()
            || (hyphenated
                && inner.split_once('-').is_some_and(|(particle, name)| {
                    name.starts_with(char::is_uppercase) && crate::analysis::speakers::is_name_particle(particle)
                }));
        // Split a possessive 's / ’s.
        let split = ends_possessive(inner.as_bytes()).filter(|&k| k > 0 && end == word_end);
        if let Some(k) = split {
            let split = i + k;
            out.push(Token::new(&body[i..split], Span::new(base + i, base + split), true, cap));
            out.push(Token::new(&body[split..end], Span::new(base + split, base + end), true, false));
        } else {
            out.push(Token::new(&body[i..end], Span::new(base + i, base + end), true, cap));
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len())).iter().map(|t| t.span.slice(text)).collect()
    }

    #[test]
    fn splits_words_possessives_and_punctuation() {
        assert_eq!(
            words("Russia’s U.S. envoy, don't “go”."),
            ["Russia", "’s", "U.S.", "envoy", ",", "don't", "“", "go", "”", "."]
        );
        assert_eq!(words("state-run TASS"), ["state-run", "TASS"]);
    }

    #[test]
    fn a_capitalised_plurals_apostrophe_is_a_possessive() {
        let lowers = |text: &str| -> Vec<String> {
            tokenize(text, Span::new(0, text.len())).iter().map(|t| lower(text, t).to_string()).collect()
        };
        assert_eq!(
            lowers("the United Nations' human rights office"),
            ["the", "united", "nations", "'s", "human", "rights", "office"]
        );
        assert_eq!(lowers("the Teamsters’ President"), ["the", "teamsters", "'s", "president"]);
        // A closing single quote stays a mark.
        assert_eq!(lowers("'the Troubles' and"), ["'", "the", "troubles", "'", "and"]);
        assert_eq!(lowers("‘the Nations’ and"), ["‘", "the", "nations", "'", "and"]);
        assert_eq!(lowers("the three weeks' delay"), ["the", "three", "weeks", "'", "delay"]);
    }

    /// The tokens by the definition, one decoded character at a time:
    /// (span, word, cap).
    fn by_definition(body: &str) -> Vec<(Span, bool, bool)> {
        let chars: Vec<(usize, char)> = body.char_indices().collect();
        let at = |k: usize| chars.get(k).map_or(body.len(), |&(b, _)| b);
        let glued = |i: usize, dot: usize| {
            chars[i..dot].iter().rev().take_while(|(_, c)| c.is_alphabetic()).count() >= 3
                && chars[dot - 1].1.is_lowercase()
                && chars.get(dot + 1).is_some_and(|&(_, c)| c.is_uppercase())
                && chars.get(dot + 2).is_some_and(|&(_, c)| c.is_lowercase())
        };
        let mut out: Vec<(Span, bool, bool)> = Vec::new();
        let mut open = false;
        let mut i = 0;
        while let Some(&(start, c)) = chars.get(i) {
            if c.is_whitespace() {
                i += 1;
                continue;
            }
            if !c.is_alphanumeric() {
                let prev = out.last().copied();
                let glued = prev.is_some_and(|(s, word, _)| word && s.end == start);
                let next_alnum = chars.get(i + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
                let possessive = matches!(c, '\'' | '’')
                    && glued
                    && prev.is_some_and(|(_, _, cap)| cap)
                    && body[..start].ends_with(['s', 'S'])
                    && chars.get(i + 1).is_some_and(|&(_, n)| n.is_whitespace())
                    && chars.get(i + 2).is_some_and(|&(_, n)| n.is_alphabetic())
                    && !open;
                if matches!(c, '\'' | '’') && glued {
                    open = false;
                } else if (c == '‘' || (c == '\'' && prev.is_none_or(|(s, _, _)| s.end < start))) && next_alnum {
                    open = true;
                }
                out.push((Span::new(start, at(i + 1)), possessive, false));
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while let Some(&(_, d)) = chars.get(j) {
                if d.is_alphanumeric() {
                    j += 1;
                } else if matches!(d, '.' | '-' | '\'' | '’' | '&')
                    && chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric())
                    && !(d == '.' && glued(i, j))
                {
                    j += 2;
                } else {
                    break;
                }
            }
            let word_end = j;
            let inner = &body[start..at(j)];
            let initial = j == i + 1 && c.is_uppercase();
            if (inner.contains('.') && inner.len() <= 6 || initial) && chars.get(j).is_some_and(|&(_, d)| d == '.') {
                j += 1;
            }
            let possessive = word_end >= i + 3
                && matches!(chars[word_end - 2].1, '\'' | '’')
                && matches!(chars[word_end - 1].1, 's' | 'S')
                && j == word_end;
            if possessive {
                out.push((Span::new(start, at(word_end - 2)), true, c.is_uppercase()));
                out.push((Span::new(at(word_end - 2), at(j)), true, false));
            } else {
                out.push((Span::new(start, at(j)), true, c.is_uppercase()));
            }
            i = j;
        }
        out
    }

    #[test]
    fn lower_folds_case_and_curly_apostrophes() {
        let text = "DON’T Russia’s ΟΔΟΣ Straße UNDERSECRETARY-GENERAL’S-OFFICE’S Ärzte x";
        for t in tokenize(text, Span::new(0, text.len())) {
            let word = t.span.slice(text);
            assert_eq!(lower(text, &t).as_str(), word.to_lowercase().replace('’', "'"), "{word:?}");
        }
    }

    #[test]
    fn reads_ascii_fast_and_the_rest_by_unicode() {
        for text in [
            "Russia’s U.S. envoy, don't “go”. Kyiv's 'S Peskov’S x's 's ’s",
            "the United Nations' office, 'the Troubles' and ‘Nations’ go, Teamsters’ President, Nations'",
            "They met in Russia.He also warned the U.S.A. team. Ph.D e.g. example.com J. Doe",
            "Zürich-based Ökonom naïve café’s A&B AT&T 3.5% 1,000 – — «non» ½ ²3 Ⅻ 東京 2023年",
            "\t\r\n x\u{a0}y\u{2003}z\u{85}w\u{b}v Ärzte.Über É. Übel",
            "",
            " ",
            "ж",
            "a.",
            "I. A.B.C.D.E.F. ab.cd.",
        ] {
            let got: Vec<_> =
                tokenize(text, Span::new(0, text.len())).iter().map(|t| (t.span, t.word, t.cap)).collect();
            assert_eq!(got, by_definition(text), "{text:?}");
        }
    }
}
