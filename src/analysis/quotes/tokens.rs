//! A small word tokenizer for one sentence: words (with internal periods,
//! hyphens and apostrophes, a possessive `'s` split off) and single
//! punctuation characters, each with its byte span in the text.

use std::borrow::Cow;

use crate::analysis::Span;

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}

/// Bytes of a lower-case form kept inside the token; longer words are
/// lower-cased when asked for.
const LOW_BYTES: usize = 22;

/// A short lower-case form stored inline, so looking a word up in the
/// lexicons neither allocates nor lower-cases it again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Low {
    bytes: [u8; LOW_BYTES],
    /// Length in bytes, or `u8::MAX` when the form did not fit.
    len: u8,
}

impl Low {
    const EMPTY: Low = Low { bytes: [0; LOW_BYTES], len: 0 };

    fn of(word: &str) -> Low {
        let mut low = Low { bytes: [0; LOW_BYTES], len: u8::MAX };
        if word.is_ascii() {
            if let Some(dst) = low.bytes.get_mut(..word.len()) {
                dst.copy_from_slice(word.as_bytes());
                dst.make_ascii_lowercase();
                low.len = word.len() as u8;
            }
        } else {
            let folded = fold(word);
            if let Some(dst) = low.bytes.get_mut(..folded.len()) {
                dst.copy_from_slice(folded.as_bytes());
                low.len = folded.len() as u8;
            }
        }
        low
    }

    fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(self.bytes.get(..usize::from(self.len))?).ok()
    }
}

/// Lower case with curly apostrophes made straight.
fn fold(word: &str) -> String {
    word.to_lowercase().replace('’', "'")
}

/// A token in lower case with curly apostrophes made straight, borrowed from
/// the token (computed once when tokenizing) unless the word is long.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Lower<'t>(Cow<'t, str>);

impl Lower<'_> {
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

/// The lower-case form of a token (see [`Lower`]), with curly apostrophes
/// made straight.
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
    fn new(text: &str, span: Span, word: bool, cap: bool) -> Token {
        let s = span.slice(text);
        if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            Token { span, word, cap, plain: true, low: Low::EMPTY }
        } else {
            Token { span, word, cap, plain: false, low: Low::of(s) }
        }
    }
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

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Whether the period at `chars[dot]` ends a sentence glued to the next
/// ("Russia.He"): a word of three or more letters before it, a capital
/// and a lower-case letter after it.
pub(crate) fn glued_sentence(chars: &[(usize, char)], word_start: usize, dot: usize) -> bool {
    let letters = chars[word_start..dot].iter().rev().take_while(|(_, c)| c.is_alphabetic()).count();
    letters >= 3
        && chars[dot - 1].1.is_lowercase()
        && chars.get(dot + 1).is_some_and(|&(_, c)| c.is_uppercase())
        && chars.get(dot + 2).is_some_and(|&(_, c)| c.is_lowercase())
}

/// Tokenizes `text[span]`. Linear in the span's length.
pub(crate) fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let body = span.slice(text);
    let base = span.start;
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut out = Vec::with_capacity(chars.len() / 4 + 1);
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token::new(text, Span::new(base + at, base + at + c.len_utf8()), false, false));
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if c.is_alphanumeric() {
                j += 1;
            } else if matches!(c, '.' | '-' | '\'' | '’' | '&')
                && chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric())
                && !(c == '.' && glued_sentence(&chars, i, j))
            {
                j += 2;
            } else {
                break;
            }
        }
        // "U.S." keeps its final period when the word has inner periods.
        let word_end_idx = j;
        let mut end = chars.get(j).map_or(body.len(), |&(k, _)| k);
        let inner = &body[at..end];
        let initial = j == i + 1 && c.is_uppercase();
        if (inner.contains('.') && inner.len() <= 6 || initial) && chars.get(j).is_some_and(|&(_, c)| c == '.') {
            end += 1;
            j += 1;
        }
        // Split a possessive 's / ’s.
        let possessive = word_end_idx >= i + 3
            && is_apostrophe(chars[word_end_idx - 2].1)
            && matches!(chars[word_end_idx - 1].1, 's' | 'S')
            && end == chars.get(word_end_idx).map_or(body.len(), |&(k, _)| k);
        if possessive {
            let split = chars[word_end_idx - 2].0;
            out.push(Token::new(text, Span::new(base + at, base + split), true, c.is_uppercase()));
            out.push(Token::new(text, Span::new(base + split, base + end), true, false));
        } else {
            out.push(Token::new(text, Span::new(base + at, base + end), true, c.is_uppercase()));
        }
        i = j;
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
}
