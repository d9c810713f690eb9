//! Finding the targets in a text: each target's keywords (or, for a target
//! named without keywords, its name, inflections, content words and known
//! synonyms) compiled into one matcher per request.

use std::collections::BTreeSet;

use foldhash::{HashMap, HashMapExt};
use std::sync::{Arc, LazyLock, Mutex};

use super::text::{Phrases, Tokens, stem, stem_phrase};
use crate::analysis::{StanceTarget, lexicon};

const DEFAULT_TARGETS: &str = include_str!("../lexicon/targets.txt");
const TARGET_TERMS: &str = include_str!("../lexicon/en/target_terms.txt");
const GENERIC_WORDS: &str = include_str!("../lexicon/en/target_generic.txt");

/// How strongly a partial mention (one content word of a multi-word
/// target name) counts, against 1.0 for a keyword or the full name.
const PARTIAL: f32 = 0.6;

/// Parses a targets table: `name | keyword, keyword, ... | options` per
/// line (the name may be followed by aliases: `name / alias`), `#` comments (see `lexicon/targets.txt`). Keywords may start with
/// `!` (exclusion) or `~` (rival). The optional options column is read by
/// [`options`].
pub(crate) fn parse(file: &str) -> Result<Vec<StanceTarget>, String> {
    Ok(parse_with_options(file)?.into_iter().map(|(target, _, _)| target).collect())
}

/// Per-target settings from the options column: `opinion=0.4` scales the
/// general opinion words, and weak cues away from a mention, for a target
/// whose stance is shown by acts (agreeing, refusing) more than by
/// evaluation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Options {
    /// Weight of general opinion words and of weak cues away from a
    /// mention, 1.0 by default.
    pub(crate) opinion: f32,
}

impl Default for Options {
    fn default() -> Self {
        Self { opinion: 1.0 }
    }
}

/// The rows of a targets table: each target (named by the first of its
/// names), its options and its other names (`name / alias / alias`).
fn parse_with_options(file: &str) -> Result<Vec<(StanceTarget, Options, Vec<String>)>, String> {
    let mut out = Vec::new();
    for line in file.lines() {
        let line = line.find('#').map_or(line, |i| &line[..i]).trim();
        if line.is_empty() {
            continue;
        }
        let columns: Vec<&str> =
            if line.contains('\t') { line.split('\t').collect() } else { line.split(" | ").collect() };
        let (name, keywords, options) = match columns.as_slice() {
            [name] => (name.trim(), "", ""),
            [name, keywords] => (name.trim(), keywords.trim(), ""),
            [name, keywords, options] => (name.trim(), keywords.trim(), options.trim()),
            _ => return Err(format!("a target line has more than three columns: {line:?}")),
        };
        let mut names = name.split(" / ").map(str::trim).filter(|n| !n.is_empty());
        let name = names.next().unwrap_or_default();
        let aliases: Vec<String> = names.map(str::to_owned).collect();
        if name.is_empty() {
            return Err(format!("a target line has no name: {line:?}"));
        }
        let mut parsed = Options::default();
        for option in options.split(',').map(str::trim).filter(|o| !o.is_empty()) {
            match option.split_once('=') {
                Some(("opinion", value)) => {
                    parsed.opinion = value.trim().parse().map_err(|_| format!("a bad option value: {option:?}"))?;
                }
                _ => return Err(format!("an unknown target option: {option:?}")),
            }
        }
        let target = StanceTarget {
            name: name.to_owned(),
            keywords: keywords.split(',').map(str::trim).filter(|k| !k.is_empty()).map(str::to_owned).collect(),
        };
        out.push((target, parsed, aliases));
    }
    Ok(out)
}

/// The set of content-word stems of a name: its identity for lookups
/// ("legalization of marijuana" = "marijuana legalization").
fn name_key(name: &str) -> BTreeSet<String> {
    let tokens = Tokens::new(name, 0);
    (0..tokens.tokens.len())
        .filter(|&i| !tokens.tokens[i].boundary && !STOP.contains(tokens.stem(i)))
        .map(|i| tokens.stem(i).to_owned())
        .collect()
}

static STOP: LazyLock<BTreeSet<&'static str>> =
    LazyLock::new(|| ["the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "with", "about", "by"].into());

static GENERIC: LazyLock<BTreeSet<String>> = LazyLock::new(|| lexicon::entries(GENERIC_WORDS).map(stem).collect());

/// Keyword lists known by name: the default targets and the known topics.
/// A known target: its name key, its name's stem line, its keywords, its
/// options.
type Known = (BTreeSet<String>, String, Vec<String>, Options);

static KNOWN: LazyLock<Vec<Known>> = LazyLock::new(|| {
    let mut known = Vec::new();
    for file in [DEFAULT_TARGETS, TARGET_TERMS] {
        for (target, options, aliases) in parse_with_options(file).unwrap_or_default() {
            let canonical = stem_phrase(&target.name);
            for alias in &aliases {
                known.push((name_key(alias), canonical.clone(), target.keywords.clone(), options));
            }
            known.push((name_key(&target.name), canonical, target.keywords, options));
        }
    }
    known
});

/// A dotted acronym without its dots ("C.I.A." → "CIA"), if the name is one.
fn undotted(name: &str) -> Option<String> {
    let name = name.trim().trim_end_matches('.');
    let letters: Vec<&str> = name.split('.').collect();
    (letters.len() > 1 && letters.iter().all(|l| l.chars().count() == 1 && l.chars().all(char::is_alphabetic)))
        .then(|| letters.concat())
}

/// What a pattern of the matcher means.
#[derive(Debug, Clone, Copy)]
enum Role {
    Mention(f32),
    Rival,
    Exclude,
}

/// A target found in the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mention {
    /// Index of the target.
    pub(crate) target: usize,
    /// First token.
    pub(crate) first: usize,
    /// Token just past the mention.
    pub(crate) last: usize,
    /// 1.0 for a keyword or the full name, less for a partial mention.
    pub(crate) strength: f32,
    /// A mention of the target's rival rather than of the target.
    pub(crate) rival: bool,
}

/// How many compiled target sets are kept: the server's defaults plus the
/// sets callers send most recently.
const CACHED_TARGET_SETS: usize = 16;

/// Recently compiled target sets, most recent first.
type TargetCache = Vec<(Vec<StanceTarget>, Arc<Matcher>)>;

static COMPILED: LazyLock<Mutex<TargetCache>> = LazyLock::new(|| Mutex::new(Vec::new()));

/// The compiled matcher for `targets`, built once per distinct target set
/// (building one costs far more than analysing a news article with it).
pub(crate) fn compiled(targets: &[StanceTarget]) -> Arc<Matcher> {
    let mut cache = COMPILED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(i) = cache.iter().position(|(key, _)| key.as_slice() == targets) {
        let entry = cache.remove(i);
        let matcher = Arc::clone(&entry.1);
        cache.insert(0, entry);
        return matcher;
    }
    drop(cache);
    // Built outside the lock: a large request set must not stall the others.
    let matcher = Arc::new(Matcher::new(targets));
    let mut cache = COMPILED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    cache.insert(0, (targets.to_vec(), Arc::clone(&matcher)));
    cache.truncate(CACHED_TARGET_SETS);
    matcher
}

/// The targets of one request, compiled.
#[derive(Debug)]
pub(crate) struct Matcher {
    phrases: Phrases,
    roles: Vec<(usize, Role)>,
    /// Per target: the stem lines of the names whose scoped cues apply.
    pub(crate) scopes: Vec<Vec<String>>,
    /// Per target: the stem lines of its rivals, whose scoped cues apply
    /// with the opposite sign.
    pub(crate) rival_scopes: Vec<Vec<String>>,
    /// Per target: the options of the known target of the same name.
    pub(crate) options: Vec<Options>,
}

impl Matcher {
    /// Compiles `targets`: linear in their total size.
    pub(crate) fn new(targets: &[StanceTarget]) -> Self {
        let mut phrases = Phrases::default();
        let mut roles: Vec<(usize, Role)> = Vec::new();
        let mut index: HashMap<(String, usize), usize> = HashMap::new();
        let mut scopes = Vec::with_capacity(targets.len());
        let mut rival_scopes = Vec::with_capacity(targets.len());
        let mut options = Vec::with_capacity(targets.len());
        let mut add = |phrase: &str, target: usize, role: Role| {
            let line = stem_phrase(phrase);
            if line.is_empty() {
                return;
            }
            if let Some(&i) = index.get(&(line.clone(), target)) {
                // Keep the strongest role: a full mention over a partial one.
                if let (Role::Mention(old), Role::Mention(new)) = (roles[i].1, role) {
                    roles[i].1 = Role::Mention(old.max(new));
                }
                return;
            }
            phrases.insert(&line, roles.len() as u32);
            index.insert((line, target), roles.len());
            roles.push((target, role));
        };
        for (t, target) in targets.iter().enumerate() {
            let mut scope = vec![stem_phrase(&target.name)];
            add(&target.name, t, Role::Mention(1.0));
            // "C.I.A." is also written "CIA".
            if let Some(acronym) = undotted(&target.name) {
                add(&acronym, t, Role::Mention(1.0));
            }
            let mut keywords: Vec<&str> = target.keywords.iter().map(String::as_str).collect();
            let mut partial = Vec::new();
            let key = name_key(&target.name);
            let known: Vec<&Known> = KNOWN.iter().filter(|k| k.0 == key && !key.is_empty()).collect();
            options.push(known.first().map_or_else(Options::default, |k| k.3));
            if keywords.is_empty() {
                for (_, known_name, known_keywords, _) in known {
                    scope.push(known_name.clone());
                    keywords.extend(known_keywords.iter().map(String::as_str));
                }
                if key.len() > 1 {
                    partial.extend(key.into_iter().filter(|word| !GENERIC.contains(word)));
                }
            }
            let mut rivals = Vec::new();
            for keyword in keywords {
                if let Some(k) = keyword.strip_prefix('!') {
                    add(k, t, Role::Exclude);
                } else if let Some(k) = keyword.strip_prefix('~') {
                    rivals.push(stem_phrase(k));
                    add(k, t, Role::Rival);
                } else {
                    add(keyword, t, Role::Mention(1.0));
                }
            }
            // Content words last: a keyword or rival with the same stem keeps its role.
            for word in &partial {
                add(word, t, Role::Mention(PARTIAL));
            }
            scopes.push(scope);
            rival_scopes.push(rivals);
        }
        Self { phrases, roles, scopes, rival_scopes, options }
    }

    /// Every mention of every target in `tokens`, in text order. A mention
    /// inside a longer mention of the same target, or inside one of its
    /// exclusions, is dropped.
    pub(crate) fn find(&self, tokens: &Tokens) -> Vec<Mention> {
        let mut found: Vec<(Mention, bool)> = Vec::new();
        self.phrases.find(tokens, |pattern, first, last| {
            let Some(&(target, role)) = self.roles.get(pattern as usize) else { return };
            let (strength, rival, exclude) = match role {
                Role::Mention(s) => (s, false, false),
                Role::Rival => (1.0, true, false),
                Role::Exclude => (0.0, false, true),
            };
            found.push((Mention { target, first, last, strength, rival }, exclude));
        });
        let excluded: Vec<(usize, usize, usize)> =
            found.iter().filter(|(_, ex)| *ex).map(|(m, _)| (m.target, m.first, m.last)).collect();
        let mut mentions: Vec<Mention> = found
            .into_iter()
            .filter(|(m, ex)| !ex && !excluded.iter().any(|&(t, f, l)| t == m.target && f <= m.first && m.last <= l))
            .map(|(m, _)| m)
            .collect();
        mentions.sort_by(|a, b| {
            (a.target, a.first, std::cmp::Reverse(a.last)).cmp(&(b.target, b.first, std::cmp::Reverse(b.last)))
        });
        let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
        for m in mentions {
            if let Some(prev) = kept.last()
                && prev.target == m.target
                && m.last <= prev.last
            {
                continue;
            }
            kept.push(m);
        }
        kept.sort_by_key(|m| (m.first, m.target));
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(name: &str, keywords: &[&str]) -> StanceTarget {
        StanceTarget { name: name.into(), keywords: keywords.iter().map(|k| (*k).to_owned()).collect() }
    }

    fn found(targets: &[StanceTarget], text: &str) -> Vec<(usize, String, bool)> {
        let tokens = Tokens::new(text, 0);
        Matcher::new(targets)
            .find(&tokens)
            .into_iter()
            .map(|m| {
                let span =
                    crate::analysis::Span::new(tokens.tokens[m.first].span.start, tokens.tokens[m.last - 1].span.end);
                (m.target, span.slice(text).to_owned(), m.rival)
            })
            .collect()
    }

    #[test]
    fn matches_a_name_by_its_inflections_and_content_words() {
        let t = [target("marijuana legalization", &[])];
        let got = found(&t, "They want to legalize marijuana; legalization of cannabis is near.");
        let words: Vec<&str> = got.iter().map(|(_, s, _)| s.as_str()).collect();
        assert_eq!(words, ["legalize marijuana", "legalization", "cannabis"]);
    }

    #[test]
    fn uses_request_keywords_exclusions_and_rivals() {
        let t = [target("talks", &["talks", "!trade talks", "~war"])];
        let got = found(&t, "Trade talks stalled, peace talks resumed, the war goes on.");
        assert_eq!(got, [(0, "talks".into(), false), (0, "war".into(), true)]);
    }

    #[test]
    fn an_alias_of_a_default_target_gets_its_keywords() {
        let t = [target("Peace Talks", &[])];
        assert_eq!(found(&t, "A ceasefire, then dialogue.").len(), 2);
        let parsed = parse("negotiations / peace talks | talks").unwrap_or_default();
        assert_eq!(parsed, [target("negotiations", &["talks"])]);
    }

    #[test]
    fn a_dotted_acronym_matches_without_dots() {
        let t = [target("c.i.a", &[])];
        assert_eq!(found(&t, "The CIA and the C.I.A. agree.").len(), 2);
    }

    #[test]
    fn a_bare_default_name_gets_its_keywords() {
        let t = [target("Negotiations", &[])];
        let got = found(&t, "A ceasefire and dialogue.");
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn parses_the_targets_table() {
        let parsed = parse("# c\nnegotiations | talks, truce\nabortion\n").unwrap_or_default();
        assert_eq!(parsed, [target("negotiations", &["talks", "truce"]), target("abortion", &[])]);
        assert!(parse("a | b | c").is_err());
        assert!(parse("a | b | opinion=0.5").is_ok());
        assert!(parse("a | b | c | d").is_err());
    }
}
