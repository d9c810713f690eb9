//! Quotation marks: pairs every opening mark with its closing mark in one
//! linear pass with a bounded stack, telling apostrophes (Russia’s, don’t)
//! from closing single quotes, following quotes that run over several
//! paragraphs and accepting a quote whose closing mark is missing at the end
//! of its paragraph.

use crate::analysis::{Document, Span};

/// How deep quotes may nest; deeper opening marks are ignored.
const MAX_DEPTH: usize = 8;

/// One top-level quoted stretch of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Segment {
    /// From the opening mark to just past the closing mark (or to the end of
    /// the paragraph when the closing mark is missing).
    pub(crate) outer: Span,
    /// The words inside the marks, trimmed.
    pub(crate) inner: Span,
    /// Whether the closing mark is missing.
    pub(crate) unclosed: bool,
    /// Whether the quote runs over more than one paragraph.
    pub(crate) multi_paragraph: bool,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    mark: char,
    at: usize,
    /// Bytes of the mark ('' counts as one double mark of two bytes).
    len: usize,
}

/// The closing marks that end a quote opened with `open`.
fn closes(open: char, close: char) -> bool {
    match open {
        // Text pasted from several sources mixes straight and curly marks.
        '“' => matches!(close, '”' | '“' | '"'),
        '„' => matches!(close, '“' | '”' | '"'),
        '”' => close == '”',
        '‘' => close == '’',
        '‚' => matches!(close, '‘' | '’'),
        '«' => close == '»',
        '»' => close == '«',
        '‹' => close == '›',
        '›' => close == '‹',
        '「' => close == '」',
        '『' => close == '』',
        '"' => matches!(close, '"' | '”'),
        '\'' => matches!(close, '\'' | '’'),
        _ => false,
    }
}

/// Whether an opening mark of the same family starts a continuation
/// paragraph of a quote opened with `open`.
fn same_family(open: char, next: char) -> bool {
    match open {
        '“' | '„' | '"' | '”' => matches!(next, '“' | '„' | '"' | '”'),
        '‘' | '‚' | '\'' => matches!(next, '‘' | '‚' | '\''),
        '«' | '»' => matches!(next, '«' | '»'),
        _ => next == open,
    }
}

fn space_or_open(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':'))
        || c.is_some_and(|c| matches!(c, '“' | '‘' | '„' | '‚' | '«' | '"' | '\''))
}

fn word_char(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Finds the top-level quotes of the non-boilerplate paragraphs.
pub(crate) fn scan(doc: &Document<'_>) -> Vec<Segment> {
    let text = doc.text;
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::with_capacity(MAX_DEPTH);
    // A quote carried over from the previous paragraph: (open mark, start).
    let mut carried: Option<(Open, usize)> = None;
    for (pi, paragraph) in doc.paragraphs.iter().enumerate() {
        if paragraph.boilerplate {
            carried = None;
            continue;
        }
        if carried.is_none() {
            dash_segments(text, paragraph.span, &mut out);
        }
        let body = paragraph.span.slice(text);
        let base = paragraph.span.start;
        stack.clear();
        let mut multi_start: Option<usize> = None;
        let mut skip_first = false;
        if let Some((open, start)) = carried.take()
            && body.chars().next().is_some_and(|c| same_family(open.mark, c))
        {
            {
                stack.push(open);
                multi_start = Some(start);
                skip_first = true;
            }
        }
        // Only bytes that may start a quotation mark are looked at: the
        // ASCII marks and the lead bytes of the others (« » ‘ ’ “ ” „ ‚ ‹ ›
        // 「 」 『 』 start with 0xC2, 0xE2 or 0xE3).
        let bytes = body.as_bytes();
        let mut pos = 0;
        if skip_first {
            // The continuation paragraph's opening mark ('' counts as one).
            pos = body.chars().next().map_or(0, char::len_utf8);
            if body.starts_with("''") {
                pos = 2;
            }
        }
        while let Some(found) =
            bytes.get(pos..).and_then(|rest| rest.iter().position(|b| matches!(b, b'"' | b'\'' | 0xC2 | 0xE2 | 0xE3)))
        {
            let i = pos + found;
            let Some(c) = body.get(i..).and_then(|rest| rest.chars().next()) else { break };
            pos = i + c.len_utf8();
            if !super::tokens::is_quote_mark(c) {
                continue;
            }
            let at = base + i;
            // The character before the mark ('' reads as '"', which counts
            // the same as '\'' here).
            let prev = body.get(..i).and_then(|s| s.chars().next_back());
            let mut next = body.get(pos..).and_then(|s| s.chars().next());
            // Two apostrophes stand for a double quotation mark ('' ... '').
            let (c, mark_len) = if c == '\'' && next == Some('\'') {
                pos += 1;
                next = body.get(pos..).and_then(|s| s.chars().next());
                ('"', 2)
            } else {
                (c, c.len_utf8())
            };
            let before_space = space_or_open(prev);
            let after_space =
                next.is_none_or(|n| n.is_whitespace() || matches!(n, ',' | '.' | ';' | ':' | '!' | '?' | ')'));
            // Apostrophes inside words.
            if matches!(c, '’' | '\'') && word_char(prev) && word_char(next) {
                continue;
            }
            let can_close = !before_space || after_space;
            let top_closes = stack.iter().rposition(|o| closes(o.mark, c));
            let can_open = match c {
                '’' | '」' | '』' => false,
                '»' | '›' | '”' => before_space && !after_space && top_closes.is_none(),
                '\'' => before_space && !after_space,
                _ => !after_space || before_space,
            };
            if let Some(k) = top_closes.filter(|_| can_close || !can_open) {
                let open = stack[k];
                stack.truncate(k);
                if stack.is_empty() {
                    let start = multi_start.take().unwrap_or(open.at);
                    let outer = Span::new(start, at + mark_len);
                    let inner = trim(text, Span::new(start + open.len, at));
                    if !inner.is_empty() {
                        out.push(Segment {
                            outer,
                            inner,
                            unclosed: false,
                            multi_paragraph: doc.paragraph_at(start) != Some(pi),
                        });
                    }
                }
            } else if can_open && stack.len() < MAX_DEPTH {
                stack.push(Open { mark: c, at, len: mark_len });
            }
        }
        if let Some(&open) = stack.first() {
            let start = multi_start.unwrap_or(open.at);
            // Does the next paragraph reopen the quote?
            let reopens = doc
                .paragraphs
                .get(pi + 1)
                .filter(|p| !p.boilerplate)
                .and_then(|p| p.span.slice(text).chars().next())
                .is_some_and(|c| same_family(open.mark, c));
            if reopens {
                carried = Some((open, start));
            } else {
                let outer = Span::new(start, paragraph.span.end);
                let inner = trim(text, Span::new(start + open.len, paragraph.span.end));
                if !inner.is_empty() {
                    out.push(Segment {
                        outer,
                        inner,
                        unclosed: true,
                        multi_paragraph: doc.paragraph_at(start) != Some(pi),
                    });
                }
            }
        }
    }
    // Dash segments were added per paragraph; keep the list sorted and
    // free of overlaps.
    out.sort_by_key(|s| (s.outer.start, s.outer.end));
    let mut kept: Vec<Segment> = Vec::with_capacity(out.len());
    for seg in out {
        if kept.last().is_none_or(|k| k.outer.end <= seg.outer.start) {
            kept.push(seg);
        }
    }
    kept
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—')
}

/// Dialogue dashes, the quote style of texts translated from Slavic
/// languages: a paragraph that opens with a dash and a space is speech up
/// to a dash that introduces the attribution ("- We are ready - he said.")
/// or to the paragraph end; after the attribution, ".- " opens the next
/// part. Only used in paragraphs without quotation marks.
fn dash_segments(text: &str, paragraph: Span, out: &mut Vec<Segment>) {
    let body = paragraph.slice(text);
    let base = paragraph.start;
    let mut chars = body.char_indices();
    let (Some((_, first)), Some((_, second))) = (chars.next(), chars.next()) else {
        return;
    };
    if !is_dash(first) || !second.is_whitespace() || body.chars().any(super::tokens::is_quote_mark_strict) {
        return;
    }
    let mut start = first.len_utf8();
    loop {
        let rest = body.get(start..).unwrap_or("");
        // The attribution dash: " - " followed by a lower-case word ("–
        // said Ryabkov"), or after a comma, "!" or "?" ("..., – Ryabkov
        // said.").
        let mut end = body.len();
        let mut next_open = None;
        for (i, c) in rest.char_indices() {
            if is_dash(c) && i > 0 && rest[..i].ends_with(' ') {
                let after = rest[i + c.len_utf8()..].trim_start();
                let after_pause = rest[..i].trim_end().ends_with([',', '!', '?', '…']);
                if after_pause || after.chars().next().is_some_and(char::is_lowercase) {
                    end = start + i;
                    // The next part: a sentence end followed by a dash.
                    let tail = &rest[i + c.len_utf8()..];
                    let mut prev_stop = false;
                    for (k, d) in tail.char_indices() {
                        if is_dash(d) && prev_stop {
                            next_open = Some(start + i + c.len_utf8() + k + d.len_utf8());
                            break;
                        }
                        prev_stop = matches!(d, '.' | '!' | '?') || (prev_stop && d == ' ');
                    }
                    break;
                }
            }
        }
        let inner = trim(text, Span::new(base + start, base + end));
        if !inner.is_empty() {
            out.push(Segment {
                outer: Span::new(base + start - 1, base + end),
                inner,
                unclosed: false,
                multi_paragraph: false,
            });
        }
        match next_open {
            Some(n) if n > start => start = n,
            _ => break,
        }
    }
}

/// `span` without surrounding white space.
fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    Span::new(span.start + lead, span.start + lead + t.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        scan(&doc).iter().map(|s| s.inner.slice(text)).collect()
    }

    #[test]
    fn pairs_every_mark_style() {
        assert_eq!(quotes("He said “yes, we will.” Then"), ["yes, we will."]);
        assert_eq!(quotes("He said \"yes\" and \"no\"."), ["yes", "no"]);
        assert_eq!(quotes("Er sagte „ja“ und «non» und »nein«."), ["ja", "non", "nein"]);
        // Typed copy closes „ with a straight mark.
        assert_eq!(quotes("Er sagte: „Wir sind bereit\". Dann ging er."), ["Wir sind bereit"]);
        assert_eq!(quotes("He said ‚ja‘ and 「はい」."), ["ja", "はい"]);
        assert_eq!(quotes("He said 'no way' today."), ["no way"]);
        assert_eq!(quotes("''We're ready,'' he said."), ["We're ready,"]);
        assert_eq!(quotes("\"Mixed,” he said. “Marks,\" too."), ["Mixed,", "Marks,"]);
    }

    #[test]
    fn tells_apostrophes_from_single_quotes() {
        assert_eq!(
            quotes("Russia’s envoy said ‘we don’t accept Kyiv’s terms,’ Peskov said."),
            ["we don’t accept Kyiv’s terms,"]
        );
    }

    #[test]
    fn keeps_nested_quotes_inside() {
        assert_eq!(quotes("He said “they call it ‘peace’ now” today."), ["they call it ‘peace’ now"]);
    }

    #[test]
    fn follows_multi_paragraph_quotes() {
        let text = "He said: “First part.\n\n“Second part.\n\n“Last part.”\nAfter.";
        let doc = Document::new(text);
        let segs = scan(&doc);
        assert_eq!(segs.len(), 1);
        assert!(segs[0].multi_paragraph);
        assert!(segs[0].inner.slice(text).starts_with("First part."));
        assert!(segs[0].inner.slice(text).ends_with("Last part."));
    }

    #[test]
    fn accepts_a_missing_closing_mark_at_paragraph_end() {
        let text = "Putin said, ‘I believe that we are right. And we will win.\nNext paragraph.";
        let doc = Document::new(text);
        let segs = scan(&doc);
        assert_eq!(segs.len(), 1);
        assert!(segs[0].unclosed);
        assert_eq!(segs[0].inner.slice(text), "I believe that we are right. And we will win.");
    }
}
