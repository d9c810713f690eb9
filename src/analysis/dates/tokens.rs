//! Tokens for the temporal grammar: runs of letters, runs of ASCII digits and
//! single other characters, with their byte offsets.

use crate::analysis::document::char_at;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
}

/// One token; `text` is a slice of the (lower-cased) text it came from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token<'a> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
    pub(crate) text: &'a str,
}

impl<'a> Token<'a> {
    /// The text with typographic apostrophes and dashes folded to ASCII.
    pub(crate) fn norm(&self) -> &'a str {
        if self.kind != Kind::Punct {
            return self.text;
        }
        match self.text {
            "’" | "‘" | "`" | "´" => "'",
            "–" | "—" | "‐" | "‑" => "-",
            t => t,
        }
    }
}

/// The kind of token a character belongs to; `None` for white space.
fn kind_of(c: char) -> Option<Kind> {
    if c.is_ascii() {
        return match c as u8 {
            b'0'..=b'9' => Some(Kind::Num),
            b'a'..=b'z' | b'A'..=b'Z' => Some(Kind::Word),
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ' => None,
            _ => Some(Kind::Punct),
        };
    }
    if c.is_whitespace() {
        None
    } else if c.is_alphabetic() {
        Some(Kind::Word)
    } else {
        Some(Kind::Punct)
    }
}

/// Splits `text` into tokens. Linear in the text.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 4);
    let mut i = 0;
    while let Some((c, len)) = char_at(text, i) {
        let Some(kind) = kind_of(c) else {
            i += len;
            continue;
        };
        let mut end = i + len;
        match kind {
            Kind::Num => {
                while bytes.get(end).is_some_and(u8::is_ascii_digit) {
                    end += 1;
                }
            }
            Kind::Word => loop {
                match bytes.get(end) {
                    Some(b) if b.is_ascii_alphabetic() => end += 1,
                    Some(b) if !b.is_ascii() => match char_at(text, end) {
                        Some((n, len)) if n.is_alphabetic() => end += len,
                        _ => break,
                    },
                    _ => break,
                }
            },
            Kind::Punct => {}
        }
        out.push(Token { start: i, end, kind, text: &text[i..end] });
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_letters_digits_and_marks() {
        let toks: Vec<_> = tokenize("3:18am, 15h15 ’90s").iter().map(|t| t.norm()).collect();
        assert_eq!(toks, ["3", ":", "18", "am", ",", "15", "h", "15", "'", "90", "s"]);
    }

    /// The tokens by the definition, one decoded character at a time.
    fn by_definition(text: &str) -> Vec<(usize, usize, Kind)> {
        let mut out = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            let kind = if c.is_ascii_digit() {
                Kind::Num
            } else if c.is_alphabetic() {
                Kind::Word
            } else {
                Kind::Punct
            };
            let mut end = i + c.len_utf8();
            while let Some(&(j, n)) = chars.peek() {
                let same = match kind {
                    Kind::Num => n.is_ascii_digit(),
                    Kind::Word => n.is_alphabetic(),
                    Kind::Punct => false,
                };
                if !same {
                    break;
                }
                end = j + n.len_utf8();
                chars.next();
            }
            out.push((i, end, kind));
        }
        out
    }

    #[test]
    fn reads_ascii_fast_and_the_rest_by_unicode() {
        for text in [
            "Café naïve 12\u{a0}Mai 2023 – Übermorgen, ٣ فبراير\u{2003}x\u{85}y\u{b}z",
            "\t\r\n 3:18am ’90s ½ ²3 Ⅻ 東京 2023年11月21日",
            "",
            " ",
            "ж",
        ] {
            let got: Vec<_> = tokenize(text).iter().map(|t| (t.start, t.end, t.kind)).collect();
            assert_eq!(got, by_definition(text), "{text:?}");
        }
    }
}
