//! The document model every extractor reads: the text cut into paragraphs
//! and sentences, with web boilerplate marked.

use std::sync::LazyLock;

use super::{Span, lexicon};

/// A paragraph: one non-blank line of the text, trimmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// Where it is.
    pub span: Span,
    /// Whether it is web boilerplate (navigation, comment forms, cookie
    /// banners, related links) rather than article text.
    pub boilerplate: bool,
}

/// A sentence of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Where it is.
    pub span: Span,
    /// Index of its paragraph in [`Document::paragraphs`].
    pub paragraph: usize,
}

/// A text prepared for the extractors.
#[derive(Debug, Clone)]
pub struct Document<'t> {
    /// The original text; every span indexes into it.
    pub text: &'t str,
    /// Non-blank lines, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences, in order; each lies inside one paragraph.
    pub sentences: Vec<Sentence>,
}

impl<'t> Document<'t> {
    /// Cuts `text` into paragraphs and sentences. Linear in the text.
    pub fn new(text: &'t str) -> Self {
        let paragraphs: Vec<Paragraph> = paragraph_spans(text)
            .map(|span| Paragraph { span, boilerplate: is_boilerplate(span.slice(text)) })
            .collect();
        let mut sentences = Vec::with_capacity(text.len() / 128);
        for (index, paragraph) in paragraphs.iter().enumerate() {
            push_sentences(text, paragraph.span, index, &mut sentences);
        }
        Self { text, paragraphs, sentences }
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &'t str {
        span.slice(self.text)
    }

    /// Index of the sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// Index of the paragraph containing byte `offset`, if any.
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.span.end <= offset);
        (i < self.paragraphs.len() && self.paragraphs[i].span.start <= offset).then_some(i)
    }

    /// Whether byte `offset` lies in boilerplate.
    pub fn in_boilerplate(&self, offset: usize) -> bool {
        self.paragraph_at(offset).is_some_and(|i| self.paragraphs[i].boilerplate)
    }
}

/// The character at byte `i` of `text` and its length, reading ASCII
/// without decoding; `None` past the end or off a character boundary.
pub(crate) fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// The trimmed non-blank lines of `text`.
fn paragraph_spans(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let line_start = start;
        start += line.len();
        let trimmed_start = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        (!trimmed.is_empty()).then(|| {
            let s = line_start + trimmed_start;
            Span::new(s, s + trimmed.len())
        })
    })
}

/// The phrases of `lexicon/en/boilerplate.txt` by their first byte in
/// lower case.
static BOILERPLATE: LazyLock<[Vec<&'static [u8]>; 256]> = LazyLock::new(|| {
    let mut by_first: [Vec<&'static [u8]>; 256] = std::array::from_fn(|_| Vec::new());
    for phrase in lexicon::entries(include_str!("lexicon/en/boilerplate.txt")) {
        if let Some(&b) = phrase.as_bytes().first() {
            by_first[usize::from(b.to_ascii_lowercase())].push(phrase.as_bytes());
        }
    }
    by_first
});

/// Whether a paragraph is web boilerplate: it starts with a phrase of
/// `lexicon/en/boilerplate.txt` (ASCII case ignored).
pub fn is_boilerplate(paragraph: &str) -> bool {
    let bytes = paragraph.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    BOILERPLATE[usize::from(first.to_ascii_lowercase())]
        .iter()
        .any(|phrase| bytes.get(..phrase.len()).is_some_and(|head| head.eq_ignore_ascii_case(phrase)))
}

static ABBREVIATIONS: LazyLock<foldhash::HashMap<&'static str, bool>> = LazyLock::new(|| {
    lexicon::rows(include_str!("lexicon/en/abbreviations.txt"))
        .filter_map(|row| Some((*row.first()?, row.get(1) == Some(&"ends-name"))))
        .collect()
});

/// Whether `word` is an abbreviation that ends a name and keeps its period
/// ("Jr", "Inc"; `lexicon/en/abbreviations.txt`).
pub(crate) fn ends_name_with_period(word: &str) -> bool {
    ABBREVIATIONS.get(word).copied().unwrap_or(false)
}

/// Characters that may follow a sentence's final punctuation and still
/// belong to it (closing quotes and brackets).
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '«' | '“' | ')' | ']' | '」' | '›')
}

/// Characters that may start a sentence besides letters and digits.
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '„' | '«' | '»' | '(' | '[' | '「' | '‚' | '‹' | '—' | '–' | '-')
}

/// The sentences of one paragraph, pushed onto `out`: it ends at `.`, `!`,
/// `?` or `…` (plus any closing quotes or brackets) followed by white space
/// and a capital letter, digit or opening quote, unless the word before the
/// period is a known abbreviation or a single initial.
fn push_sentences(text: &str, paragraph: Span, index: usize, out: &mut Vec<Sentence>) {
    let body = paragraph.slice(text);
    let base = paragraph.start;
    let bytes = body.as_bytes();
    // the start of the current sentence, and where the scan goes on
    let mut start = 0;
    let mut pos = 0;
    let mut push = |from: usize, to: usize| {
        let piece = &body[from..to];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let s = base + from + lead;
            out.push(Sentence { span: Span::new(s, s + trimmed.len()), paragraph: index });
        }
    };
    // 0xE2 leads the three bytes of '…' (and of other marks, skipped below)
    while let Some(found) =
        bytes.get(pos..).and_then(|rest| rest.iter().position(|b| matches!(b, b'.' | b'!' | b'?' | 0xE2)))
    {
        let i = pos + found;
        let c = match bytes[i] {
            b'.' => '.',
            b'!' => '!',
            b'?' => '?',
            _ if body[i..].starts_with('…') => '…',
            _ => {
                pos = i + 1;
                continue;
            }
        };
        let mut end = i + c.len_utf8();
        for next in body[end..].chars() {
            if matches!(next, '.' | '!' | '?' | '…') || is_closer(next) {
                end += next.len_utf8();
            } else {
                break;
            }
        }
        pos = end;
        let rest = &body[end..];
        let after_space = rest.trim_start();
        if after_space.len() == rest.len() && c == '.' && end == i + 1 && glued(&body[..i], rest) {
            // "...towards Russia.He also warned": a sentence glued on.
            push(start, end);
            start = end;
            continue;
        }
        if after_space.len() == rest.len() || after_space.is_empty() {
            continue;
        }
        let starts_sentence =
            after_space.chars().next().is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || is_opener(n));
        if !starts_sentence || (c == '.' && ends_with_abbreviation(&body[..i])) {
            continue;
        }
        push(start, end);
        start = end;
    }
    push(start, body.len());
}

/// Whether a period with no space after it still ends a sentence: a word
/// of two or more letters ending in a lower-case letter before it, a
/// capitalised word after it ("Russia.He", "for it.He"), unlike "U.S.",
/// "e.g.The", "Ph.D" or "example.com".
fn glued(before: &str, after: &str) -> bool {
    let letters = before.chars().rev().take_while(|c| c.is_alphabetic()).count();
    let mut next = after.chars();
    letters >= 2
        && before.chars().next_back().is_some_and(char::is_lowercase)
        && next.next().is_some_and(char::is_uppercase)
        && next.next().is_some_and(char::is_lowercase)
}

/// Whether `before` (the text before a period) ends with an abbreviation,
/// a single capital initial ("J" in "J. Smith") or two joined ones ("J.D"
/// in "J.D. Vance", "U.S" in "U.S. President", which goes on far more
/// often than it ends a sentence). A letter after "on" is a name, not an
/// initial ("said in a post on X.").
fn ends_with_abbreviation(before: &str) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    let mut letters = word.chars();
    let single_initial = matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase())
        && !before[..word_start].trim_end().ends_with(" on");
    let two_initials = matches!(word.as_bytes(), [a, b'.', b] if a.is_ascii_uppercase() && b.is_ascii_uppercase());
    single_initial || two_initials || ABBREVIATIONS.contains_key(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        doc.sentences.iter().map(|s| doc.slice(s.span)).collect()
    }

    #[test]
    fn splits_paragraphs_on_lines() {
        let doc = Document::new("  First line.\n\n Second line. \r\nThird");
        let got: Vec<_> = doc.paragraphs.iter().map(|p| doc.slice(p.span)).collect();
        assert_eq!(got, ["First line.", "Second line.", "Third"]);
    }

    #[test]
    fn splits_sentences_but_not_after_abbreviations_or_initials() {
        assert_eq!(
            sentences("Mr. Smith met Gen. J. Doe in Washington, D.C. on Friday. They talked. “Fine,” he said."),
            ["Mr. Smith met Gen. J. Doe in Washington, D.C. on Friday.", "They talked.", "“Fine,” he said."]
        );
        assert_eq!(
            sentences("U.S. President Joe Biden met Sen. J.D. Vance. They talked."),
            ["U.S. President Joe Biden met Sen. J.D. Vance.", "They talked."]
        );
        assert_eq!(
            sentences("He said so in a post on X. Targets included the grid."),
            ["He said so in a post on X.", "Targets included the grid."]
        );
    }

    #[test]
    fn a_dash_opens_a_sentence() {
        assert_eq!(
            sentences("He commented on it. – This is our decision – he noted. — Fine."),
            ["He commented on it.", "– This is our decision – he noted.", "— Fine."]
        );
    }

    #[test]
    fn keeps_closing_quotes_with_their_sentence() {
        assert_eq!(sentences("He said, “We will try.” Then he left!"), ["He said, “We will try.”", "Then he left!"]);
    }

    #[test]
    fn marks_boilerplate() {
        let doc = Document::new("Putin said talks were possible.\nSee also  Something else\nLeave a Reply\n");
        let flags: Vec<_> = doc.paragraphs.iter().map(|p| p.boilerplate).collect();
        assert_eq!(flags, [false, true, true]);
        assert!(doc.in_boilerplate(doc.paragraphs[1].span.start));
    }

    #[test]
    fn splits_sentences_glued_without_a_space() {
        assert_eq!(
            sentences(
                "They met in Russia.He also warned the U.S.A. team.We talked about it.It was fine, e.g.The rest."
            ),
            [
                "They met in Russia.",
                "He also warned the U.S.A. team.",
                "We talked about it.",
                "It was fine, e.g.The rest."
            ]
        );
    }

    #[test]
    fn finds_the_sentence_at_an_offset() {
        let doc = Document::new("One. Two.\nThree.");
        assert_eq!(doc.sentence_at(0), Some(0));
        assert_eq!(doc.sentence_at(6), Some(1));
        assert_eq!(doc.sentence_at(11), Some(2));
        assert_eq!(doc.sentence_at(4), None);
    }
}
