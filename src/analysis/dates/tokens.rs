//! Tokens for the temporal grammar: runs of letters, runs of ASCII digits and
//! single other characters, with their byte offsets.

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
        match self.text {
            "’" | "‘" | "`" | "´" => "'",
            "–" | "—" | "‐" | "‑" => "-",
            t => t,
        }
    }
}

/// Splits `text` into tokens. Linear in the text.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(text.len() / 4);
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
        if kind != Kind::Punct {
            while let Some(&(j, n)) = chars.peek() {
                let same = match kind {
                    Kind::Num => n.is_ascii_digit(),
                    _ => n.is_alphabetic(),
                };
                if !same {
                    break;
                }
                end = j + n.len_utf8();
                chars.next();
            }
        }
        out.push(Token { start: i, end, kind, text: &text[i..end] });
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
}
