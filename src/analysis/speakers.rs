//! Speakers: one entity per quoted person, organisation or group, with every
//! mention, resolved from names, titles, descriptions and pronouns.
//!
//! A speaker phrase ("Kremlin spokesman Dmitry Peskov", "the ministry",
//! "he") is read with the word lists of `lexicon/en/` (roles, demonyms,
//! organisations, pronouns) and resolved against the entities seen so far:
//! names by surname, organisations and groups by their words, descriptions
//! and pronouns to the nearest compatible entity before them.

use foldhash::{HashMap, HashSet};
use std::sync::LazyLock;

use super::quotes::tokens::Token;
use super::{Span, SpeakerKind, lexicon};

/// What a role word denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// A role of one person ("spokesman").
    Person,
    /// A plural description of people ("officials").
    Group,
    /// The head of an organisation's name ("ministry").
    Org,
    /// A document speaking for its authors ("the statement").
    Doc,
    /// A modifier inside a description ("senior").
    Mod,
}

static ROLES: LazyLock<HashMap<&'static str, Role>> = LazyLock::new(|| {
    // German roles beside the English ones (the other columns are read
    // from the English table only).
    [include_str!("lexicon/en/roles.txt"), include_str!("lexicon/de/roles.txt")]
        .into_iter()
        .flat_map(lexicon::rows)
        .filter_map(|row| {
            let kind = match row.get(1).copied() {
                Some("person") => Role::Person,
                Some("group") => Role::Group,
                Some("org") => Role::Org,
                Some("doc") => Role::Doc,
                Some("mod") => Role::Mod,
                _ => return None,
            };
            Some((row[0], kind))
        })
        .collect()
});

/// Organisation words that fit any organisation ("the group").
static GENERIC_ORGANIZATIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    lexicon::rows(include_str!("lexicon/en/roles.txt"))
        .filter(|row| row.get(2) == Some(&"generic"))
        .map(|row| row[0])
        .collect()
});

/// The legal suffixes that end a company's name ("Inc.", "PLC").
static COMPANY_SUFFIXES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    lexicon::rows(include_str!("lexicon/en/roles.txt"))
        .filter(|row| row.get(2) == Some(&"company"))
        .map(|row| row[0])
        .collect()
});

/// Whether `name` ends in a company's legal suffix ("Apple Inc.").
fn is_company_name(name: &str) -> bool {
    name.split_whitespace().next_back().is_some_and(|w| COMPANY_SUFFIXES.contains(fold(w).trim_end_matches('.')))
}

/// Person roles that news gives the people it does not name ("the
/// official", "one source"): a description with one does not stand for
/// any named person nearby.
static UNNAMED_ROLES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    lexicon::rows(include_str!("lexicon/en/roles.txt"))
        .filter(|row| row.get(2) == Some(&"unnamed"))
        .map(|row| row[0])
        .collect()
});

/// Per description role word: the title words and phrases it also fits
/// ("diplomat": "foreign minister", "ambassador"), from
/// `lexicon/en/role_families.txt`.
static ROLE_FAMILIES: LazyLock<HashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    lexicon::rows(include_str!("lexicon/en/role_families.txt"))
        .filter_map(|row| Some((row[0], row.get(1)?.split(',').map(str::trim).filter(|p| !p.is_empty()).collect())))
        .collect()
});

/// How many of the persons named last a description looks through for one
/// whose title fits it, before it takes the nearest.
const FITTING_TITLE_REACH: usize = 3;

/// Whether `title` fits a description whose role word is `head`: it holds
/// that word, or a word or phrase of its family ("Russian Foreign
/// Minister" for "the top diplomat").
fn title_fits(title: &str, head: &str) -> bool {
    let words: Vec<String> = title.split_whitespace().map(|w| fold(w).trim_end_matches('.').to_string()).collect();
    // A phrase that modifies a further role word is not the role: "deputy"
    // in "deputy prime minister" is no parliamentary deputy.
    let modifies_more =
        |end: usize| words.get(end).is_some_and(|next| matches!(role(next), Some(Role::Person | Role::Mod)));
    let holds = |phrase: &str| {
        let phrase: Vec<&str> = phrase.split_whitespace().collect();
        !phrase.is_empty()
            && words
                .windows(phrase.len())
                .enumerate()
                .any(|(i, w)| w.iter().zip(&phrase).all(|(a, b)| a == b) && !modifies_more(i + phrase.len()))
    };
    holds(head) || ROLE_FAMILIES.get(head).is_some_and(|family| family.iter().any(|p| holds(p)))
}

/// Modifiers that name an organisation when they end a description ("the
/// military said", not "a military spokesman").
static ORGANIZATION_HEADS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    lexicon::rows(include_str!("lexicon/en/roles.txt"))
        .filter(|row| row.get(2) == Some(&"head-org"))
        .map(|row| row[0])
        .collect()
});

static DEMONYMS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    lexicon::rows(include_str!("lexicon/en/demonyms.txt")).filter_map(|row| Some((row[0], *row.get(1)?))).collect()
});

/// The first words of the two-word entries of [`DEMONYMS`] ("white" of
/// "white house").
static DEMONYM_FIRST_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| DEMONYMS.keys().filter_map(|k| k.split_once(' ').map(|(first, _)| first)).collect());

/// The country the words at the start of `toks` tie a speaker to: a
/// two-word entry ("White House", "North Korean") or a one-word one.
fn demonym_at(text: &str, toks: &[Token]) -> Option<&'static str> {
    let first = toks.first()?;
    let word = lower(text, first);
    if DEMONYM_FIRST_WORDS.contains(word.as_str())
        && let Some(second) = toks.get(1).filter(|t| t.word)
        && let Some(&country) = DEMONYMS.get(format!("{} {}", word.as_str(), lower(text, second).as_str()).as_str())
    {
        return Some(country);
    }
    if !class(text, first).has(Class::DEMONYM) {
        return None;
    }
    DEMONYMS.get(word.trim_end_matches('.')).copied()
}

static ORGANIZATIONS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("lexicon/en/organizations.txt")).collect());

/// The known organisations of three or more words, which may have a
/// lower-case word inside ("Doctors Without Borders" may be written so,
/// "Committee to Protect Journalists", "Save the Children"), by their last
/// word: each as its words. The phrase reader stops at such a word, so it
/// takes these names whole first.
static JOINED_ORGANIZATIONS: LazyLock<HashMap<&'static str, Vec<Vec<&'static str>>>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<Vec<&'static str>>> = HashMap::default();
    for name in ORGANIZATIONS.iter() {
        let words: Vec<&'static str> = name.split_whitespace().collect();
        if let Some(&last) = words.last().filter(|_| words.len() >= 3) {
            map.entry(last).or_default().push(words);
        }
    }
    map
});

/// The first token of a known organisation's name that ends at token `end`
/// and has a lower-case word inside ([`JOINED_ORGANIZATIONS`]).
fn joined_organization_start(text: &str, toks: &[Token], end: usize) -> Option<usize> {
    let names = JOINED_ORGANIZATIONS.get(lower(text, toks.get(end)?).as_str())?;
    names.iter().find_map(|words| {
        let start = (end + 1).checked_sub(words.len())?;
        toks[start..=end].iter().zip(words).all(|(t, w)| t.word && lower(text, t) == *w).then_some(start)
    })
}

static NON_NAMES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("lexicon/en/nonnames.txt")).collect());

/// What a pronoun may refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    /// A person ("he", "she").
    Person,
    /// A group or an organisation ("they").
    Group,
    /// An organisation ("it").
    Organization,
}

static PRONOUNS: LazyLock<HashMap<&'static str, Pronoun>> = LazyLock::new(|| pronouns(false));

/// The object pronouns of `lexicon/en/pronouns.txt` ("him", "them").
static OBJECT_PRONOUNS: LazyLock<HashMap<&'static str, Pronoun>> = LazyLock::new(|| pronouns(true));

/// The subject (or, with `object`, the object) pronouns of
/// `lexicon/en/pronouns.txt` and what they refer to.
fn pronouns(object: bool) -> HashMap<&'static str, Pronoun> {
    lexicon::rows(include_str!("lexicon/en/pronouns.txt"))
        .filter(|row| (row.get(2).copied() == Some("object")) == object)
        .filter_map(|row| {
            let kind = match row.get(1).copied() {
                Some("person") => Pronoun::Person,
                Some("group") => Pronoun::Group,
                Some("organization") => Pronoun::Organization,
                _ => return None,
            };
            Some((row[0], kind))
        })
        .collect()
}

/// Whether a description names no one in particular: "a government
/// source", "One former cabinet minister", "another official".
fn is_indefinite(name: &str) -> bool {
    name.split_whitespace()
        .next()
        .is_some_and(|w| ["a", "an", "one", "another"].iter().any(|d| w.eq_ignore_ascii_case(d)))
}

/// Possessive determiners: "according to his spokesman" is the spokesman.
fn is_possessive_determiner(word: &str) -> bool {
    matches!(word, "his" | "her" | "their" | "its")
}

/// A table of words and their gender (`word | m` or `word | f`).
fn gender_table(file: &'static str) -> HashMap<&'static str, char> {
    lexicon::rows(file).filter_map(|row| Some((row[0], row.get(1)?.chars().next()?))).collect()
}

/// Whether two genders, where known, are the same.
fn genders_agree(a: Option<char>, b: Option<char>) -> bool {
    a.is_none() || b.is_none() || a == b
}

static GENDERED: LazyLock<HashMap<&'static str, char>> =
    LazyLock::new(|| gender_table(include_str!("lexicon/en/gendered.txt")));

static FIRST_NAMES: LazyLock<HashMap<&'static str, char>> =
    LazyLock::new(|| gender_table(include_str!("lexicon/en/first_names.txt")));

/// The gender a person's name shows by its first word, a given name
/// ("Mary Smith"), if any.
pub(crate) fn gender_of_name(name: &str) -> Option<char> {
    let first = name.split_whitespace().next()?;
    with_lower(first, |low| FIRST_NAMES.get(low).copied())
}

/// The gender a phrase shows ('m' or 'f'), if any.
fn gender_of(text: &str, span: Span) -> Option<char> {
    span.slice(text).split(|c: char| !c.is_alphanumeric()).find_map(|w| with_lower(w, |low| GENDERED.get(low).copied()))
}

static DETERMINERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("lexicon/en/determiners.txt")).collect());

use super::quotes::tokens::{first_token, fold, lower, with_lower};

fn role(word: &str) -> Option<Role> {
    let word = word.trim_end_matches('.');
    ROLES.get(word).copied().or_else(|| derived_role(word))
}

/// Hyphenated endings of person roles, from `lexicon/en/role_suffixes.txt`.
static ROLE_SUFFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("lexicon/en/role_suffixes.txt")).collect());

/// The role of a word the table does not list: an age used as a noun
/// ("34-year-old"), or a person's role with a hyphenated ending
/// ("President-elect") or in a hyphenated compound ("ex-minister",
/// "co-chair", "CDU-Politiker").
fn derived_role(word: &str) -> Option<Role> {
    // Every derived role is hyphenated; most words are not.
    if !word.contains('-') {
        return None;
    }
    if is_age_noun(word) {
        return Some(Role::Person);
    }
    let person = |w: &str| ROLES.get(w) == Some(&Role::Person);
    let suffixed = ROLE_SUFFIXES.iter().filter_map(|suffix| word.strip_suffix(suffix)).any(person);
    let compound = word.rsplit_once('-').is_some_and(|(head, last)| !head.is_empty() && person(last));
    (suffixed || compound).then_some(Role::Person)
}

/// Whether a lower-case word names a document that speaks for its authors
/// ("statement", "letter"; role `doc` of `lexicon/en/roles.txt`).
pub(crate) fn is_document_word(word: &str) -> bool {
    role(word) == Some(Role::Doc)
}

/// "34-year-old" ("the 34-year-old said"): an age used as a noun describes
/// a person.
fn is_age_noun(word: &str) -> bool {
    word.strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
}

/// What the speaker lexicons say of one word, as bits: the answers of
/// [`role`], the demonym table (both read without a final period), and
/// the non-name, determiner, pronoun and surname lists, from one lookup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Class(u16);

impl Class {
    /// Set on every class, so that a computed class is never 0.
    const KNOWN: u16 = 1;
    const NON_NAME: u16 = 1 << 1;
    const DETERMINER: u16 = 1 << 2;
    const PRONOUN: u16 = 1 << 3;
    const SURNAME_NON_NAME: u16 = 1 << 4;
    const DEMONYM: u16 = 1 << 5;
    const NAME_PARTICLE: u16 = 1 << 9;
    /// Where the role sits: 0 for none, else 1 + its index in [`Class::ROLES`].
    const ROLE_SHIFT: u16 = 6;
    const ROLE_MASK: u16 = 0b111 << Self::ROLE_SHIFT;
    const ROLES: [Role; 5] = [Role::Person, Role::Group, Role::Org, Role::Doc, Role::Mod];
    /// The bits read from the word without its final period.
    const TRIMMED: u16 = Self::DEMONYM | Self::ROLE_MASK;

    fn has(self, bits: u16) -> bool {
        self.0 & bits != 0
    }

    /// The bits of `role`.
    fn of_role(role: Role) -> u16 {
        let index = Self::ROLES.iter().position(|r| *r == role).unwrap_or_default() as u16;
        (index + 1) << Self::ROLE_SHIFT
    }

    fn role(self) -> Option<Role> {
        let index = usize::from((self.0 & Self::ROLE_MASK) >> Self::ROLE_SHIFT);
        index.checked_sub(1).and_then(|i| Self::ROLES.get(i).copied())
    }
}

/// Every lexicon word with its [`Class`] bits.
static CLASSES: LazyLock<HashMap<&'static str, u16>> = LazyLock::new(|| {
    let mut classes: HashMap<&'static str, u16> = HashMap::default();
    let mut add = |word: &'static str, bits: u16| *classes.entry(word).or_default() |= bits;
    for &word in NON_NAMES.iter() {
        add(word, Class::NON_NAME);
    }
    for &word in DETERMINERS.iter() {
        add(word, Class::DETERMINER);
    }
    for &word in PRONOUNS.keys() {
        add(word, Class::PRONOUN);
    }
    for &word in SURNAME_NON_NAMES.iter() {
        add(word, Class::SURNAME_NON_NAME);
    }
    for &word in DEMONYMS.keys() {
        add(word, Class::DEMONYM);
    }
    for &word in NAME_PARTICLES.iter() {
        add(word, Class::NAME_PARTICLE);
    }
    for (&word, &role) in ROLES.iter() {
        add(word, Class::of_role(role));
    }
    classes
});

/// The [`Class`] of a lower-case word.
fn class_of_word(word: &str) -> Class {
    let bits = CLASSES.get(word).copied().unwrap_or_default();
    let trimmed = word.trim_end_matches('.');
    let bits = if trimmed.len() == word.len() {
        bits
    } else {
        (bits & !Class::TRIMMED) | (CLASSES.get(trimmed).copied().unwrap_or_default() & Class::TRIMMED)
    };
    // A derived role, as [`role`] gives it, unless the lexicon gave one.
    let derived = if bits & Class::ROLE_MASK == 0 { derived_role(trimmed).map_or(0, Class::of_role) } else { 0 };
    Class(bits | derived | Class::KNOWN)
}

/// The [`Class`] of a token, looked up once per token.
fn class(text: &str, t: &Token) -> Class {
    Class(t.memo(|| class_of_word(&lower(text, t)).0))
}

/// The role a token's word names, if any (see [`role`]).
fn role_at(text: &str, t: &Token) -> Option<Role> {
    class(text, t).role()
}

/// Whether a demonym is the adjective of a nation ("Russian", "Chinese",
/// "British", "Israeli", "French") rather than a country's or a capital's
/// name ("Russia", "Iran", "Kyiv"), judging by its ending.
fn is_nationality_adjective(word: &str) -> bool {
    ["ian", "ean", "can", "ese", "ish", "ch", "i"].iter().any(|ending| word.ends_with(ending))
}

/// Whether token `k` is a capitalised word with a possessive after it
/// ("Russia" in "Russia's central bank"), which determines what follows
/// as "the" does.
fn possessor_at(text: &str, toks: &[Token], k: usize) -> bool {
    toks.get(k).is_some_and(|t| t.word && t.cap) && toks.get(k + 1).is_some_and(|t| is_possessive(&lower(text, t)))
}

/// The first token of the possessor whose last word is token `k`: "the
/// United Nations' human rights office" has a possessor of several name
/// words (up to [`POSSESSOR_WORDS`]) and its article.
fn possessor_start(text: &str, toks: &[Token], k: usize) -> usize {
    let first = (k.saturating_sub(POSSESSOR_WORDS - 1)..k)
        .rev()
        .take_while(|&p| name_word_at(text, toks, p))
        .last()
        .unwrap_or(k);
    first.checked_sub(1).filter(|&d| toks[d].word && determiner_at(text, &toks[d])).unwrap_or(first)
}

/// Whether token `and` is an "and" between two nationalities: "Russian
/// and Ukrainian negotiators" is one description.
fn joins_nationalities(text: &str, toks: &[Token], and: usize) -> bool {
    and >= 1
        && toks.get(and).is_some_and(|t| lower(text, t) == "and")
        && nationality_at(text, toks, and - 1)
        && nationality_at(text, toks, and + 1)
}

/// Whether token `k` is the adjective of a nation ("Russian", "Polish").
fn nationality_at(text: &str, toks: &[Token], k: usize) -> bool {
    toks.get(k)
        .is_some_and(|t| class(text, t).has(Class::DEMONYM) && t.cap && is_nationality_adjective(&lower(text, t)))
}

/// Whether a token is a determiner ("the", "some", "two").
pub(crate) fn determiner_at(text: &str, t: &Token) -> bool {
    class(text, t).has(Class::DETERMINER)
}

/// Whether a description's head word names a kind of organisation
/// ("ministry", "operator").
pub(crate) fn is_organization_head(head: &str) -> bool {
    role(head) == Some(Role::Org)
}

fn is_possessive(word: &str) -> bool {
    word == "'s"
}

/// Whether the words before a name are only a person's possessive ("Mr.
/// Trump's" in "Mr. Trump's RT appearance"), or a stray "'s": an honorific
/// marks the possessor as a person, and no role, country or organisation
/// is among the words, so they say whose the name is, not what the named
/// one is. "NBC's Lester Holt", "Russia's Sergei Lavrov" and "Putin's
/// spokesman Dmitry Peskov" keep their titles.
fn only_a_possessor(text: &str, before_name: &[Token]) -> bool {
    let [rest @ .., last] = before_name else { return false };
    let honorific = rest.windows(2).any(|w| lower(text, &w[1]) == "." && is_abbreviated_title(text, &w[0], &w[1]));
    is_possessive(&lower(text, last))
        && (rest.is_empty() || honorific)
        && !rest.iter().any(|t| {
            role_at(text, t).is_some()
                || class(text, t).has(Class::DEMONYM)
                || ORGANIZATIONS.contains(lower(text, t).trim_end_matches('.'))
        })
}

/// Whether a token may be part of a speaker phrase (besides determiners).
fn phrase_word(text: &str, t: &Token) -> bool {
    if !t.word {
        return false;
    }
    let c = class(text, t);
    if c.role().is_some() || is_possessive(&lower(text, t)) {
        return true;
    }
    t.cap && !c.has(Class::NON_NAME)
}

/// Whether a token is a name word: capitalised, not a role, demonym or
/// function word.
fn name_word(text: &str, t: &Token) -> bool {
    if !t.word || !t.cap {
        return false;
    }
    let c = class(text, t);
    !c.has(Class::NON_NAME) && c.role().is_none() && !c.has(Class::DEMONYM)
}

static SURNAME_NON_NAMES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("lexicon/en/surname_nonnames.txt")).collect());

/// Whether `toks[i]` is a surname that is otherwise a non-name word: "May"
/// right after "Theresa" (one space between, no number after: not "June
/// 5"), or right before a speech verb ("May said": a month or a modal is
/// never the subject of one).
pub(crate) fn surname_word(text: &str, toks: &[Token], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if !t.cap || !class(text, t).has(Class::SURNAME_NON_NAME) {
        return false;
    }
    let after_first_name = i > 0
        && name_word(text, &toks[i - 1])
        && text.get(toks[i - 1].span.end..t.span.start) == Some(" ")
        && !toks.get(i + 1).is_some_and(|n| n.span.slice(text).starts_with(|c: char| c.is_ascii_digit()));
    after_first_name || toks.get(i + 1).is_some_and(|n| n.word && super::quotes::is_speech_verb(&lower(text, n)))
}

static NAME_PARTICLES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("lexicon/en/name_particles.txt")).collect());

/// Whether a lower-case word is a name particle ("von", "bin", "al").
pub(crate) fn is_name_particle(word: &str) -> bool {
    NAME_PARTICLES.contains(word)
}

/// Whether `toks[i]` is a lower-case particle inside a name: "von" and
/// "der" in "Ursula von der Leyen", "bin" in "Mohammed bin Salman". A
/// capitalised name word comes before the particles and one after them,
/// each a single space away.
fn particle_at(text: &str, toks: &[Token], i: usize) -> bool {
    let particle = |k: usize| toks.get(k).is_some_and(|t| t.word && !t.cap && class(text, t).has(Class::NAME_PARTICLE));
    let spaced = |a: usize, b: usize| matches!((toks.get(a), toks.get(b)), (Some(x), Some(y)) if text.get(x.span.end..y.span.start) == Some(" "));
    let name = |k: usize| toks.get(k).is_some_and(|t| name_word(text, t));
    // A name word comes one or two tokens before: tested first, as it
    // needs no lexicon.
    let capitalised = |k: usize| toks.get(k).is_some_and(|t| t.word && t.cap);
    if !((i >= 1 && capitalised(i - 1)) || (i >= 2 && capitalised(i - 2))) || !particle(i) {
        return false;
    }
    // The particles run at most two words ("von der").
    let first = if i >= 1 && particle(i - 1) { i - 1 } else { i };
    let last = if particle(i + 1) && i + 1 - first < 2 { i + 1 } else { i };
    first >= 1 && name(first - 1) && name(last + 1) && (first - 1..=last).all(|k| spaced(k, k + 1))
}

/// Whether `toks[i]` is a name word, in context (see [`surname_word`] and
/// [`particle_at`]).
fn name_word_at(text: &str, toks: &[Token], i: usize) -> bool {
    toks.get(i).is_some_and(|t| name_word(text, t)) || surname_word(text, toks, i) || particle_at(text, toks, i)
}

/// Whether a word joins a description to its complement: "the Secretary
/// *of* State", "officials *at* the Pentagon", "a spokesman *for* the
/// Kremlin".
fn joins_description(word: &str) -> bool {
    matches!(word, "of" | "in" | "at" | "from" | "on" | "for")
}

/// Whether a word joins a role to where or for whom it is held: "envoy
/// *to* the UN", "professor *at* Harvard", "spokesman *for* McConnell",
/// "governor *of* Belgorod region" (and "*in*").
pub(crate) fn joins_role_to_post(word: &str) -> bool {
    matches!(word, "to" | "at" | "in" | "of" | "for")
}

/// Whether token `k` joins a capitalised person's role to the post it
/// serves, in a title before a name: "Ambassador *to* the US Anatoly
/// Antonov", "Special Envoy *for* Ukraine Keith Kellogg".
fn posted_title_at(text: &str, toks: &[Token], k: usize) -> bool {
    k >= 1
        && toks.get(k).is_some_and(|t| joins_role_to_post(&lower(text, t)))
        && toks[k - 1].cap
        && role_at(text, &toks[k - 1]) == Some(Role::Person)
}

/// How many name words a possessor before a description may have ("the
/// Atlantic Council's", "the United Nations'").
const POSSESSOR_WORDS: usize = 3;

/// How many lower-case modifiers a description may have between its
/// determiner and its role word ("the state energy transmission operator",
/// "the work and pensions secretary").
const MODIFIERS: usize = 4;

/// Whether a token may modify a role word inside a description: a plain
/// lower-case word that is not a function word, pronoun, determiner or
/// speech verb ("the ministry said President Erdogan": no title there).
fn modifier_word(text: &str, t: &Token) -> bool {
    if !t.word || t.cap {
        return false;
    }
    let w = lower(text, t);
    w.chars().all(|c| c.is_alphabetic() || c == '-')
        && !w.ends_with("ly")
        && w != "of"
        && !class(text, t).has(Class::NON_NAME | Class::DETERMINER | Class::PRONOUN)
        && !super::quotes::is_speech_verb(&w)
}

/// Whether `toks[i]` modifies a role word after it: a modifier word, or
/// an adverb before one ("one *highly* placed source").
fn modifies_at(text: &str, toks: &[Token], i: usize) -> bool {
    let adverb = |t: &Token| t.word && !t.cap && lower(text, t).ends_with("ly");
    // "the work and pensions secretary": two portfolios joined.
    let joins_modifiers = |t: &Token| {
        t.span.len() == 3
            && lower(text, t) == "and"
            && i >= 1
            && modifier_word(text, &toks[i - 1])
            && toks.get(i + 1).is_some_and(|n| modifier_word(text, n))
    };
    toks.get(i).is_some_and(|t| {
        modifier_word(text, t)
            || (adverb(t) && toks.get(i + 1).is_some_and(|n| modifier_word(text, n)))
            || joins_modifiers(t)
    })
}

/// A speaker phrase found next to a cue.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    /// Where it is.
    pub(crate) span: Span,
    /// The pronoun it is, if it is one.
    pub(crate) pronoun: Option<Pronoun>,
    /// Person, organisation or group.
    pub(crate) kind: SpeakerKind,
    /// The name: a person's name, else the whole phrase without "the".
    pub(crate) name: String,
    /// The role words before a person's name.
    pub(crate) title: String,
    /// The country the phrase ties the speaker to.
    pub(crate) affiliation: String,
    /// The head word, lower case ("official", "ministry", "peskov").
    pub(crate) head: String,
    /// A person's name is given (not only a description).
    pub(crate) named: bool,
    /// A definite description ("the minister") that refers back.
    pub(crate) anaphoric: bool,
    /// A document ("the statement") that speaks for its authors.
    pub(crate) document: bool,
    /// 'm' or 'f' when the phrase shows it.
    pub(crate) gender: Option<char>,
}

/// The speaker phrase ending at token `end` (inclusive), read leftwards.
pub(crate) fn phrase_before(text: &str, toks: &[Token], end: usize) -> Option<Mention> {
    if let Some(m) = post_modified(text, toks, end) {
        return Some(m);
    }
    let last = toks.get(end)?;
    let w = lower(text, last);
    if let Some(&p) = class(text, last).has(Class::PRONOUN).then(|| PRONOUNS.get(w.as_str())).flatten() {
        return pronoun(text, last, p);
    }
    let mut start = joined_organization_start(text, toks, end).unwrap_or(end + 1);
    while start > 0 && end + 1 - start < 10 {
        let t = &toks[start - 1];
        let lw = lower(text, t);
        if t.word && determiner_at(text, t) {
            // "the Institute for the Study of War", "the Office of the
            // President": an institution word, a preposition and "the"
            // inside the name.
            let inside_name = lw == "the"
                && start >= 3
                && start <= end
                && toks[start].cap
                && matches!(lower(text, &toks[start - 2]).as_str(), "for" | "on" | "of")
                && toks[start - 3].cap
                && role_at(text, &toks[start - 3]) == Some(Role::Org);
            if inside_name || (lw == "the" && start >= 3 && start <= end && posted_title_at(text, toks, start - 2)) {
                start -= 3;
                continue;
            }
            start -= 1;
            break;
        }
        // "Secretary of State", and in lower case "secretary of state":
        // a role word, "of" and a role word or capitalised word.
        let joins = start <= end
            && start >= 2
            && ((lw == "of"
                && ((toks[start].cap && toks[start - 2].cap && phrase_word(text, &toks[start - 2]))
                    || (role_at(text, &toks[start - 2]) == Some(Role::Person) && role_at(text, &toks[start]).is_some())))
                // "the Commission on Presidential Debates", "the Center for
                // Strategic Studies": a capitalised institution word.
                || (matches!(lw.as_str(), "on" | "for")
                    && toks[start].cap
                    && toks[start - 2].cap
                    && role_at(text, &toks[start - 2]) == Some(Role::Org))
                // "Special Envoy for Ukraine Keith Kellogg": a capitalised
                // role and the post it serves.
                || (toks[start].cap && posted_title_at(text, toks, start - 1)));
        // "Rep. Elijah Cummings", "Mr. Alexander": a title's period.
        if lw == "." && start >= 2 && is_abbreviated_title(text, &toks[start - 2], t) {
            start -= 2;
            continue;
        }
        if phrase_word(text, t)
            || joins
            || surname_word(text, toks, start - 1)
            || particle_at(text, toks, start - 1)
            || joins_nationalities(text, toks, start - 1)
        {
            start -= 1;
        } else {
            // "the state energy operator said", "Russia's central bank
            // said": lower-case modifiers between a determiner (or a
            // possessor) and the role words read so far.
            let has_role = toks[start..=end].iter().any(|t| role_at(text, t).is_some());
            let det = (1..=MODIFIERS.min(start))
                .map(|n| start - n)
                .take_while(|&k| k + 1 == start || modifies_at(text, toks, k + 1))
                .find_map(|k| {
                    if toks[k].word && determiner_at(text, &toks[k]) {
                        Some(k)
                    } else {
                        k.checked_sub(1).filter(|&p| possessor_at(text, toks, p))
                    }
                });
            if let Some(mut k) = det.filter(|_| has_role && start <= end) {
                if !determiner_at(text, &toks[k]) {
                    k = possessor_start(text, toks, k);
                }
                start = k;
            }
            break;
        }
    }
    // "the participants in the Crimea Platform said", "officials in Kyiv
    // said", "one Democratic source on the panel said": the people are the
    // head, not the place; the words before them describe them.
    // The place: the phrase read so far, or a plain noun after a
    // determiner ("the panel").
    let place = if start <= end {
        Some(start).filter(|&s| determiner_at(text, &toks[s]) || toks[s].cap).map(|s| list_start(text, toks, s))
    } else if toks[end].word && !toks[end].cap && modifier_word(text, &toks[end]) {
        // "officials in several large counties": modifiers between the
        // determiner and the noun; "the head of Polish diplomacy": a
        // nation's adjective before the noun.
        (1..=MODIFIERS.min(end))
            .map(|n| end - n)
            .take_while(|&k| k + 1 == end || modifier_word(text, &toks[k + 1]))
            .find(|&k| (toks[k].word && determiner_at(text, &toks[k])) || nationality_at(text, toks, k))
    } else {
        None
    };
    // With "of" and "for" only a determined place ("members of the panel",
    // "the minister of the economy", "the head of Russia's central bank":
    // a possessor determines as "the" does; "a spokesman for the
    // Kremlin"): "the director of AROS" is AROS's director, named
    // elsewhere, and "a lawyer for Mr. Trump" is no name with a title.
    // Several countries ("the leaders of France and Germany") give the
    // group no one affiliation.
    let mut listed = place.is_some_and(|p| p < start);
    // A nation's adjective determines too: "the head of Polish diplomacy".
    let determined = |place: usize| {
        determiner_at(text, &toks[place])
            || (place < end && (possessor_at(text, toks, place) || nationality_at(text, toks, place)))
    };
    // Whether the role word at `role` opens with "the", past modifiers
    // ("the regional governor").
    let definite_role = |role: usize| {
        (1..=MODIFIERS.min(role))
            .map(|n| role - n)
            .take_while(|&k| k + 1 == role || modifier_word(text, &toks[k + 1]))
            .find(|&k| toks[k].word && determiner_at(text, &toks[k]))
            .is_some_and(|k| lower(text, &toks[k]) == "the")
    };
    let joined = |place: usize| {
        let word = lower(text, &toks[place - 1]);
        let role = role_at(text, &toks[place - 2]);
        joins_description(&word)
            && if word == "of" || word == "for" {
                // "the leaders of France and Germany": a group of named
                // places needs no determiner; "the governor of Kharkiv": a
                // definite role of a named place is a description.
                (matches!(role, Some(Role::Group | Role::Person)) && determined(place))
                    || (word == "of" && role == Some(Role::Group) && toks[place].cap)
                    || (word == "of" && role == Some(Role::Person) && toks[place].cap && definite_role(place - 2))
            } else if word == "in" {
                // "the foreign ministry in Beijing", "the embassy in Kyiv": a
                // common noun for an organisation and a named place (not
                // "the Crimea Platform in a joint statement").
                matches!(role, Some(Role::Group | Role::Person))
                    || (role == Some(Role::Org) && !toks[place - 2].cap && toks[place].cap)
            } else {
                matches!(role, Some(Role::Group | Role::Person))
            }
    };
    let joins_place = place.filter(|&p| p >= 2 && joined(p));
    listed &= joins_place.is_some();
    if let Some(place) = joins_place {
        start = place - 2;
        for _ in 0..=MODIFIERS {
            let Some(t) = start.checked_sub(1).and_then(|k| toks.get(k)).filter(|t| t.word) else { break };
            if determiner_at(text, t) {
                start -= 1;
                break;
            }
            if !(modifier_word(text, t) || (t.cap && phrase_word(text, t))) {
                break;
            }
            start -= 1;
        }
        // "Russia's ambassador in Berlin": whose, before the role.
        if start >= 2 && possessor_at(text, toks, start - 2) {
            start = possessor_start(text, toks, start - 2);
        }
    }
    // "one of the sources", "some of the officials": a part of the group,
    // which speaks for it; the mention takes in the partitive words.
    let partitive = start >= 2
        && start <= end
        && lower(text, &toks[start]) == "the"
        && lower(text, &toks[start - 1]) == "of"
        && toks[start - 2].word
        && determiner_at(text, &toks[start - 2])
        && !matches!(lower(text, &toks[start - 2]).as_str(), "the" | "a" | "an")
        && matches!(role_at(text, &toks[end]), Some(Role::Group));
    let mut m = analyse(text, toks, start, end)?;
    if listed {
        m.affiliation.clear();
    }
    if partitive {
        m.span = Span::new(toks[start - 2].span.start, m.span.end);
    }
    Some(m)
}

/// A phrase of `lexicon/en/post_modifiers.txt`: its words, and whether it
/// follows only an indefinite description.
struct PostModifier {
    words: Vec<&'static str>,
    indefinite_only: bool,
}

static POST_MODIFIERS: LazyLock<Vec<PostModifier>> = LazyLock::new(|| {
    lexicon::rows(include_str!("lexicon/en/post_modifiers.txt"))
        .filter_map(|row| {
            let words = row.first()?.split_whitespace().collect();
            Some(PostModifier { words, indefinite_only: row.get(1) == Some(&"indefinite") })
        })
        .collect()
});

/// A description whose role word has a phrase of `lexicon/en/post_modifiers.txt`
/// after it, ending at `end`: "multiple sources familiar with the matter",
/// "a source close to the Russian delegation", "a spokesman for Hillary
/// Clinton". The name takes in the phrase.
fn post_modified(text: &str, toks: &[Token], end: usize) -> Option<Mention> {
    if end >= toks.len() {
        return None;
    }
    let lo = end.saturating_sub(8).max(1);
    for k in (lo..=end).rev() {
        let t = &toks[k];
        // The phrase is words only ("the Kremlin's" and "Sen." aside).
        let title_period = k >= 1 && is_abbreviated_title(text, &toks[k - 1], t);
        if !t.word && !is_possessive(&lower(text, t)) && !title_period {
            return None;
        }
        if !matches!(role_at(text, &toks[k - 1]), Some(Role::Group | Role::Person)) {
            continue;
        }
        let Some(modifier) = POST_MODIFIERS.iter().find(|m| {
            k + m.words.len() <= end
                && m.words.iter().enumerate().all(|(n, w)| toks.get(k + n).is_some_and(|t| lower(text, t) == *w))
        }) else {
            continue;
        };
        let mut m = phrase_before(text, toks, k - 1).filter(|m| !m.named && m.pronoun.is_none())?;
        if modifier.indefinite_only && !is_indefinite(&m.name) {
            return None;
        }
        let tail = text.get(toks[k - 1].span.end..toks[end].span.end)?;
        m.name.push_str(tail);
        if !m.title.is_empty() {
            m.title.push_str(tail);
        }
        m.span = Span::new(m.span.start, toks[end].span.end);
        return Some(m);
    }
    None
}

/// Whether `word` followed by `dot` is an abbreviated title ("Sen.").
fn is_abbreviated_title(text: &str, word: &Token, dot: &Token) -> bool {
    word.cap
        && word.span.end == dot.span.start
        && matches!(
            lower(text, word).as_str(),
            "mr" | "mrs"
                | "ms"
                | "dr"
                | "sen"
                | "rep"
                | "gov"
                | "gen"
                | "lt"
                | "col"
                | "maj"
                | "capt"
                | "sgt"
                | "adm"
                | "cmdr"
                | "prof"
                | "rev"
                | "amb"
                | "sec"
        )
}

/// The speaker phrase starting at token `start`, read rightwards.
pub(crate) fn phrase_after(text: &str, toks: &[Token], start: usize) -> Option<Mention> {
    let first = toks.get(start)?;
    let w = lower(text, first);
    if let Some(&p) = class(text, first).has(Class::PRONOUN).then(|| PRONOUNS.get(w.as_str())).flatten() {
        return pronoun(text, first, p);
    }
    // "according to him,", "described by them as": an object pronoun ends
    // the phrase ("according to her spokesman" is the spokesman).
    let next_is_word = toks.get(start + 1).is_some_and(|t| t.word);
    if let Some(&p) = OBJECT_PRONOUNS.get(w.as_str()).filter(|_| !next_is_word) {
        return pronoun(text, first, p);
    }
    let mut end = start;
    if first.word && (determiner_at(text, first) || (is_possessive_determiner(&w) && next_is_word)) {
        end += 1;
        // "the two rival powers", "the many critics": a second determiner.
        if toks.get(end).is_some_and(|t| t.word && !t.cap && determiner_at(text, t)) {
            end += 1;
        }
    }
    let mut last = None;
    // Whether lower-case modifiers were skipped between "the" and a name.
    let mut modified_name = false;
    // Whether lower-case words with no person's role come before the name.
    let mut described_name = false;
    while end < toks.len() && end - start < 10 {
        let t = &toks[end];
        let lw = lower(text, t);
        if toks.get(end + 1).is_some_and(|d| d.span.slice(text) == "." && is_abbreviated_title(text, t, d)) {
            end += 2;
            continue;
        }
        // "the nonpartisan Congressional Budget Office": modifiers before an
        // organisation's name (kept only if the phrase is one, see below).
        if last.is_none()
            && end == start + 1
            && lower(text, first) == "the"
            && let Some(k) = (end..toks.len().min(end + MODIFIERS + 1))
                .take_while(|&k| k == end || modifier_word(text, &toks[k - 1]))
                .find(|&k| toks[k].cap && name_word(text, &toks[k]))
                .filter(|&k| k > end && role_at(text, t).is_none())
        {
            modified_name = true;
            end = k;
            continue;
        }
        // "according to online Swedish flight tracker Flightradar24": with
        // no article, lower-case words and nationalities before a name
        // describe it; with no person's role among them it is not a person.
        if last.is_none()
            && end == start
            && modifier_word(text, t)
            && let Some(k) = (end + 1..toks.len().min(end + MODIFIERS + 2))
                .take_while(|&k| {
                    let before = &toks[k - 1];
                    modifier_word(text, before) || class(text, before).has(Class::DEMONYM)
                })
                .find(|&k| toks[k].cap && name_word(text, &toks[k]))
        {
            described_name = !toks[start..k].iter().any(|t| role_at(text, t) == Some(Role::Person));
            end = k;
            continue;
        }
        // "the Institute for the Study of War", "the Office of the
        // President": after a capitalised institution word, a preposition
        // and "the" inside the name (as `phrase_before` reads them).
        let cap_at = |k: usize| toks.get(k).is_some_and(|n| n.cap);
        let institution = |k: usize| last == Some(k) && toks[k].cap && role_at(text, &toks[k]) == Some(Role::Org);
        // "head of the President's Office", "member of the Security
        // Council": a person's role word, "of the" and an institution's
        // name, capitalised words that end in an organisation word.
        let institution_name_at = |first: usize| {
            let mut after = first;
            while toks.get(after).is_some_and(|t| t.cap || is_possessive(&lower(text, t))) {
                after += 1;
            }
            after > first
                && role_at(text, &toks[after - 1]) == Some(Role::Org)
                && !toks.get(after).is_some_and(|t| matches!(lower(text, t).as_str(), "for" | "of" | "on" | "at"))
        };
        let role_of_the = |k: usize| {
            lw == "of"
                && last == Some(k)
                && role_at(text, &toks[k]) == Some(Role::Person)
                && !cap_at(end + 1)
                && institution_name_at(end + 2)
        };
        let joins = (lw == "of" && cap_at(end + 1) && last.is_some())
            || joins_nationalities(text, toks, end)
            || (matches!(lw.as_str(), "for" | "on" | "of")
                && end.checked_sub(1).is_some_and(|k| institution(k) || role_of_the(k))
                && (cap_at(end + 1)
                    || (toks.get(end + 1).is_some_and(|n| lower(text, n) == "the") && cap_at(end + 2))));
        // "the head of Polish diplomacy": "of", a nation's adjective and
        // the lower-case field it qualifies end the phrase.
        if lw == "of" && last.is_some() && nationality_at(text, toks, end + 1) {
            let field =
                toks.get(end + 2..).unwrap_or_default().iter().take(MODIFIERS).take_while(|t| modifier_word(text, t));
            let field = field.count();
            if field > 0 {
                last = Some(end + 1 + field);
                break;
            }
        }
        if joins && !cap_at(end + 1) {
            end += 2;
            continue;
        }
        if phrase_word(text, t) || joins || surname_word(text, toks, end) || particle_at(text, toks, end) {
            if !joins {
                last = Some(end);
            }
            end += 1;
        } else if let Some(k) = (end..toks.len().min(end + MODIFIERS + 1))
            .take_while(|&k| k == end || modifies_at(text, toks, k - 1))
            // An age ("68-year-old") takes no modifiers: "Health worries
            // dogged 68-year-old Hillary Clinton" is a clause, not a title.
            .find(|&k| toks[k].word && role_at(text, &toks[k]).is_some() && !is_age_noun(&lower(text, &toks[k])))
            .filter(|&k| k > end && modifier_word(text, t))
            .filter(|&k| {
                // Only while the phrase so far is a determiner and modifiers
                // ("the top British medical journal", "Russian media
                // reports": a nationality too, but not a country, "Russia
                // seeks security" is a clause), or a possessor, which
                // determines as "the" does ("Ukraine's human rights
                // commissioner"). After "of" only its complement counts
                // ("the commander of Ukraine's ground forces").
                let from = (start..end).rev().find(|&i| lower(text, &toks[i]) == "of").map_or(start, |i| i + 1);
                // A country's name modifies a person's role ("Iran project
                // director"), not a modifier ("Russia seeks security").
                let country_modifies = matches!(role_at(text, &toks[k]), Some(Role::Person | Role::Group));
                (from..end).all(|i| {
                    let t = &toks[i];
                    determiner_at(text, t)
                        || role_at(text, t) == Some(Role::Mod)
                        || modifier_word(text, t)
                        || (class(text, t).has(Class::DEMONYM)
                            && (is_nationality_adjective(&lower(text, t)) || country_modifies))
                        || (i + 1 < end && possessor_at(text, toks, i))
                        || is_possessive(&lower(text, t))
                })
            })
        {
            // "the state energy operator": lower-case modifiers before the role word.
            last = Some(k);
            end = k + 1;
        } else {
            break;
        }
    }
    let last = last.map(|head| place_after(text, toks, head).unwrap_or(head))?;
    let mut m = analyse(text, toks, start, last).filter(|m| !modified_name || m.kind == SpeakerKind::Organization)?;
    if described_name && m.named {
        m.kind = SpeakerKind::Organization;
        m.named = false;
        m.anaphoric = false;
        m.title.clear();
        m.gender = None;
    }
    Some(m)
}

/// Where a list of names ending at the name that starts at `last` starts:
/// "France" in "France, Germany and Britain", "Kyiv" in "Kyiv and Warsaw";
/// `last` itself when no "and" joins it to a capitalised name before.
fn list_start(text: &str, toks: &[Token], last: usize) -> usize {
    const ITEMS: usize = 6;
    // The first capitalised word of the name that ends just before `k`.
    let name_start = |k: usize| {
        let mut s = k;
        while s > 0 && toks[s - 1].word && toks[s - 1].cap {
            s -= 1;
        }
        (s < k).then_some(s)
    };
    if !toks.get(last).is_some_and(|t| t.cap) || last < 2 || lower(text, &toks[last - 1]) != "and" {
        return last;
    }
    let Some(mut start) = name_start(last - 1) else { return last };
    for _ in 0..ITEMS {
        match start.checked_sub(1).filter(|&c| toks[c].span.slice(text) == ",").and_then(name_start) {
            Some(s) => start = s,
            None => break,
        }
    }
    start
}

/// Where the place after a role word ends, when it is a common noun:
/// "one Democratic source *on the panel*", "officials *at the scene*". A
/// named place is left out ("an analyst at the Cato Institute": the
/// apposition's title; "a source on Monday": a date), except the
/// organisation a person speaks for ("a spokesman *for the Kremlin*").
fn place_after(text: &str, toks: &[Token], head: usize) -> Option<usize> {
    if !matches!(role_at(text, toks.get(head)?), Some(Role::Group | Role::Person)) {
        return None;
    }
    let word = lower(text, toks.get(head + 1)?);
    if !joins_description(&word) {
        return None;
    }
    let determiner = head + 2;
    // "the head of Polish diplomacy": a nation's adjective determines too.
    let national = nationality_at(text, toks, determiner);
    if !national && !toks.get(determiner).is_some_and(|t| t.word && determiner_at(text, t)) {
        return None;
    }
    // "a spokesman for the Kremlin", "a spokeswoman for the European
    // Commission": whom the person speaks for, an organisation's name.
    if word == "for" {
        let names = toks.get(determiner + 1..)?.iter().take(MODIFIERS).take_while(|t| t.word && t.cap).count();
        let last = determiner + names;
        if names > 0
            && role_at(text, &toks[last]) == Some(Role::Org)
            && toks.get(last + 1).is_none_or(|t| !(t.cap || matches!(lower(text, t).as_str(), "of" | "for")))
        {
            return Some(last);
        }
    }
    let words = toks.get(determiner + 1..)?.iter().take(MODIFIERS).take_while(|t| modifier_word(text, t)).count();
    let end = determiner + words;
    // The place ends the phrase: not "at the scene of the crash", not "at
    // the Cato Institute". After a nation's adjective it is a field, not a
    // place, and only "of" goes on ("the head of Polish diplomacy in an
    // interview").
    let goes_on = |w: &str| if national { w == "of" } else { joins_description(w) };
    let ends = toks.get(end + 1).is_none_or(|t| !(t.cap || goes_on(&lower(text, t))));
    (words > 0 && ends).then_some(end)
}

fn pronoun(text: &str, t: &Token, p: Pronoun) -> Option<Mention> {
    Some(Mention {
        span: t.span,
        pronoun: Some(p),
        kind: match p {
            Pronoun::Person => SpeakerKind::Person,
            Pronoun::Group => SpeakerKind::Group,
            Pronoun::Organization => SpeakerKind::Organization,
        },
        name: t.span.slice(text).to_string(),
        title: String::new(),
        affiliation: String::new(),
        head: lower(text, t).to_string(),
        named: false,
        anaphoric: true,
        document: false,
        gender: gender_of(text, t.span),
    })
}

/// The speaker a possessive determiner stands for: "his" in "In his
/// words, ...".
pub(crate) fn possessive_pronoun(text: &str, t: &Token) -> Option<Mention> {
    let p = match lower(text, t).as_str() {
        "his" | "her" => Pronoun::Person,
        "their" => Pronoun::Group,
        "its" => Pronoun::Organization,
        _ => return None,
    };
    pronoun(text, t, p)
}

/// The gender of a possessive "his" or "her" right before an unnamed
/// organisation or group: "his office", "her campaign", "his lawyers" are
/// a person's.
pub(crate) fn owner_gender(text: &str, m: &Mention) -> Option<char> {
    if m.named || m.pronoun.is_some() || m.kind == SpeakerKind::Person {
        return None;
    }
    let before = text.get(..m.span.start)?;
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return None;
    }
    let first = trimmed.rsplit(|c: char| !c.is_alphabetic()).next()?;
    if first.eq_ignore_ascii_case("his") {
        Some('m')
    } else if first.eq_ignore_ascii_case("her") {
        Some('f')
    } else {
        None
    }
}

/// Whether the capitalised words ending at `end` follow a role word and
/// "in", "at" or "from": "an Iraqi Foreign Ministry official in Baghdad"
/// names where the official is, not the official; so does "of" after a
/// definite person role ("the governor of Kharkiv").
fn names_a_place(text: &str, toks: &[Token], body_start: usize, end: usize) -> bool {
    let mut run = end;
    while run > body_start && name_word_at(text, toks, run - 1) {
        run -= 1;
    }
    let definite = body_start > 0 && lower(text, &toks[body_start - 1]) == "the";
    run >= body_start + 2
        && match lower(text, &toks[run - 1]).as_str() {
            "in" | "at" | "from" => matches!(role_at(text, &toks[run - 2]), Some(Role::Person | Role::Group)),
            // "the governor of Kharkiv": the role held there.
            "of" => definite && role_at(text, &toks[run - 2]) == Some(Role::Person),
            _ => false,
        }
}

/// Reads the phrase `toks[start..=end]`.
fn analyse(text: &str, toks: &[Token], start: usize, end: usize) -> Option<Mention> {
    if start > end {
        return None;
    }
    let head_tok = toks.get(end)?;
    let head = lower(text, head_tok);
    if is_possessive(&head) || DETERMINERS.contains(head.as_str()) {
        return None;
    }
    let first = lower(text, &toks[start]);
    let det = DETERMINERS.contains(first.as_str()).then_some(first);
    let body_start = if det.is_some() { start + 1 } else { start };
    if body_start > end {
        return None;
    }
    // "Sen. John Thune of South Dakota", "Rep. Adam Schiff of California":
    // a titled or given-named person and where they are from; the person
    // is the phrase up to "of" (not "Secretary of State Antony Blinken",
    // "Bank of America": a role word, not a name, before the "of").
    if let Some(of) = (body_start + 1..end).find(|&k| {
        lower(text, &toks[k]) == "of"
            && name_word_at(text, toks, k - 1)
            && toks[k + 1..=end].iter().all(|t| t.cap && role_at(text, t).is_none())
    }) {
        let before = &toks[body_start..of];
        let titled = before.iter().any(|t| role_at(text, t) == Some(Role::Person));
        let given = before.len() >= 2 && gender_of_name(before[before.len() - 2].span.slice(text)).is_some();
        if (titled || given) && !before.iter().any(|t| role_at(text, t) == Some(Role::Org)) {
            return analyse(text, toks, start, of - 1);
        }
    }
    let span = Span::new(toks[start].span.start, head_tok.span.end);
    let body = Span::new(toks[body_start].span.start, head_tok.span.end);
    let affiliation = (body_start..=end).find_map(|k| demonym_at(text, &toks[k..=end])).unwrap_or("").to_string();
    // An organisation word makes an organisation unless it is a possessor
    // ("the Kremlin's Dmitry Peskov").
    let possessor = |k: usize| toks.get(k + 1).is_some_and(|n| is_possessive(&lower(text, n)));
    let has_org_word = (body_start..=end).any(|k| role_at(text, &toks[k]) == Some(Role::Org) && !possessor(k));
    let mut mention = Mention {
        span,
        pronoun: None,
        kind: SpeakerKind::Person,
        name: body.slice(text).to_string(),
        title: String::new(),
        affiliation,
        head: head.trim_end_matches('.').to_string(),
        named: false,
        anaphoric: det.as_deref() == Some("the"),
        document: false,
        gender: gender_of(text, span),
    };
    // "Saudi Arabia said", "South Africa said": a country of several words
    // speaks as its government; its first word is no title.
    if body_start < end
        && DEMONYM_FIRST_WORDS.contains(lower(text, &toks[body_start]).as_str())
        && DEMONYMS.contains_key(fold(body.slice(text)).as_str())
    {
        mention.kind = SpeakerKind::Organization;
        mention.anaphoric = false;
        return Some(mention);
    }
    if name_word_at(text, toks, end) && !names_a_place(text, toks, body_start, end) {
        let mut run = end;
        // "the Kyiv Independent": a known name that starts with a place is
        // one name, not a place and a name.
        if body_start < end && ORGANIZATIONS.contains(fold(body.slice(text)).as_str()) {
            run = body_start;
        }
        while run > body_start && name_word_at(text, toks, run - 1) {
            // "Minister of Foreign Affairs Vladimir Makei": a two-word name
            // does not take in a word that follows a modifier or "of".
            let before = (run >= body_start + 2).then(|| lower(text, &toks[run - 2]));
            let joined = before.as_deref().is_some_and(|b| b == "of" || role(b) == Some(Role::Mod));
            // "Ambassador to the US Anatoly Antonov", "High Commissioner for
            // Human Rights Volker Türk": after a role and its post, a name
            // of two words takes in a third only if it is a given name.
            let after_post = (body_start + 1..run).any(|k| posted_title_at(text, toks, k))
                && gender_of_name(toks[run - 1].span.slice(text)).is_none();
            if end - run >= 1 && (joined || after_post) {
                break;
            }
            run -= 1;
        }
        let person_role = toks[body_start..run].iter().any(|t| role_at(text, t) == Some(Role::Person));
        let name = Span::new(toks[run].span.start, head_tok.span.end).slice(text);
        let modified = toks[body_start..run].iter().any(|t| role_at(text, t) == Some(Role::Mod));
        // "a founder of the terrorist group ISIS": the word just before the
        // name says what it names (in lower case; "Chief of Staff John
        // Sununu" is a title, and so is "the spokesman of the government"
        // before a given name and surname, as translated copy writes it).
        let given_name = person_role && end > run && gender_of_name(name).is_some();
        let named_org =
            run > body_start && !toks[run - 1].cap && role_at(text, &toks[run - 1]) == Some(Role::Org) && !given_name;
        let org = ORGANIZATIONS.contains(fold(name).as_str())
            || named_org
            || (has_org_word && !person_role)
            || (modified && !person_role)
            || (!person_role && toks[body_start..=end].iter().any(|t| lower(text, t) == "of"))
            // "the International Crisis Group": a person's name takes no article.
            || (det.as_deref() == Some("the") && run == body_start);
        // "Officials in California", "Analysts at the Institute for the
        // Study of War": people at a place, not a person or the place.
        let people_at = !person_role
            && run >= body_start + 2
            && ((joins_description(&lower(text, &toks[run - 1]))
                && role_at(text, &toks[run - 2]) == Some(Role::Group))
                || (role_at(text, &toks[body_start]) == Some(Role::Group)
                    && joins_description(&lower(text, &toks[body_start + 1]))));
        if people_at {
            mention.kind = SpeakerKind::Group;
        } else if org {
            mention.kind = SpeakerKind::Organization;
            // "Mr. Trump's RT": a person's possessive says whose, not which.
            if run > body_start && only_a_possessor(text, &toks[body_start..run]) {
                mention.name = name.to_string();
            }
        } else {
            mention.kind = SpeakerKind::Person;
            mention.named = true;
            mention.anaphoric = false;
            mention.name = name.to_string();
            // The person's own given name outweighs the words around it
            // ("Mr. Trump's campaign manager Kellyanne Conway").
            mention.gender = gender_of_name(name).or(mention.gender);
            // "68-year-old Hillary Clinton": an age is not a title.
            let title_start = (body_start..run).find(|&k| !is_age_noun(&lower(text, &toks[k]))).unwrap_or(run);
            // "Hungary's Orban": the place is the affiliation, not a title.
            let place_possessor = matches!(&toks[title_start..run], [place, s]
                if is_possessive(&lower(text, s))
                    && class(text, place).has(Class::DEMONYM)
                    && !ORGANIZATIONS.contains(lower(text, place).trim_end_matches('.')));
            if run > title_start && !only_a_possessor(text, &toks[title_start..run]) && !place_possessor {
                let title = Span::new(toks[title_start].span.start, toks[run - 1].span.end).slice(text);
                mention.title = title.trim_end_matches(',').trim().to_string();
            }
        }
        return Some(mention);
    }
    // "the US Secretary of State", "the Prime Minister of Israel": the head
    // is the role word before "of"; what follows only complements it.
    let of_head = (body_start + 1..end)
        .rev()
        .find(|&i| joins_description(&lower(text, &toks[i])))
        .map(|i| lower(text, &toks[i - 1]).trim_end_matches('.').to_string())
        .filter(|h| matches!(role(h), Some(Role::Person | Role::Group | Role::Org | Role::Doc)));
    if let Some(h) = &of_head {
        mention.head = h.clone();
    }
    let head_key = of_head.as_deref().unwrap_or(head.trim_end_matches('.'));
    // A known organisation of several words whose last is no name word
    // ("the Associated Press": "press" is a modifier of roles). One word is
    // the head, looked up just before, so only longer bodies are folded.
    let known = || body_start < end && ORGANIZATIONS.contains(fold(body.slice(text)).as_str());
    if of_head.is_none() && (DEMONYMS.contains_key(head_key) || ORGANIZATIONS.contains(head_key) || known()) {
        // A country, capital or institution speaking ("Kyiv", "the Kremlin").
        mention.kind = SpeakerKind::Organization;
        mention.anaphoric = false;
        return Some(mention);
    }
    // "the military said": a modifier that ends the description names the
    // organisation.
    let head_role = match role(head_key) {
        Some(Role::Mod) if ORGANIZATION_HEADS.contains(head_key) => Some(Role::Org),
        r => r,
    };
    match head_role {
        Some(Role::Person) => {
            mention.kind = SpeakerKind::Person;
            if det.as_deref().is_some_and(|d| d != "the") {
                mention.name = span.slice(text).to_string();
            }
            mention.title = body.slice(text).to_string();
        }
        Some(Role::Group) => mention.kind = SpeakerKind::Group,
        Some(Role::Org) => {
            mention.kind = SpeakerKind::Organization;
            // "the nonpartisan Congressional Budget Office": descriptive
            // lower-case words before a proper name are not part of it.
            let descriptive = |t: &Token| {
                !t.cap
                    && match role_at(text, t) {
                        None => modifier_word(text, t),
                        Some(r) => r == Role::Mod,
                    }
            };
            if let Some(k) = (body_start..end).find(|&k| !descriptive(&toks[k]))
                && k > body_start
                && toks[k].cap
            {
                mention.name = Span::new(toks[k].span.start, head_tok.span.end).slice(text).to_string();
            }
        }
        Some(Role::Doc) => {
            mention.kind = SpeakerKind::Organization;
            mention.document = true;
        }
        _ => return None,
    }
    if !head_tok.cap && body_start == end && det.is_none() {
        // A bare lower-case role word ("officials say") is fine; a bare
        // singular one ("spokesman said") refers back.
        mention.anaphoric = mention.kind == SpeakerKind::Person;
    }
    Some(mention)
}

/// Per token: whether it is a name word in context (see [`surname_word`]),
/// for [`titled_names`] and [`FullNames::collect`].
pub(crate) fn name_words(text: &str, toks: &[Token]) -> Vec<bool> {
    (0..toks.len()).map(|i| name_word_at(text, toks, i)).collect()
}

/// The titled person names of a token run ("Foreign Minister Vladimir
/// Makei"), for resolving later pronouns and descriptions. `names` are the
/// tokens' [`name_words`]; tokens for which `skip` is true (inside quotes)
/// are passed over.
pub(crate) fn titled_names(text: &str, toks: &[Token], names: &[bool], skip: impl Fn(usize) -> bool) -> Vec<Mention> {
    let mut out = Vec::new();
    let names: Vec<bool> = (0..toks.len()).map(|i| names.get(i).copied().unwrap_or(false) && !skip(i)).collect();
    let mut run_start = 0;
    for end in 0..toks.len() {
        let is_name = names[end];
        if is_name && (end == 0 || !names[end - 1]) {
            run_start = end;
        }
        let run_end = is_name && !names.get(end + 1).copied().unwrap_or(false);
        if !run_end || end == 0 {
            continue;
        }
        // A title needs a word before the name that a phrase takes in: a
        // role ("spokesman"), a capitalised word, "Mr." or "of".
        let titled = run_start
            .checked_sub(1)
            .and_then(|i| toks.get(i))
            .is_some_and(|t| phrase_word(text, t) || matches!(t.span.slice(text), "." | "of"));
        // "U.S. Supreme Court": the words open an institution's name.
        let institution = toks.get(end + 1).is_some_and(|t| t.cap && role_at(text, t) == Some(Role::Org));
        if !titled || institution {
            continue;
        }
        // "Iraq's Saddam": a place's possessive gives no title, only the
        // affiliation.
        let place_possessor = run_start >= 2 && is_possessive(&lower(text, &toks[run_start - 1]));
        if let Some(m) = phrase_before(text, toks, end)
            .filter(|m| m.named && (!m.title.is_empty() || (place_possessor && !m.affiliation.is_empty())))
        {
            let first = first_token(toks, m.span);
            if (first..=end).all(|i| !skip(i)) {
                out.push(m);
            }
        }
    }
    out
}

/// The names of two or three words a document gives anywhere, subjects or
/// not ("Health worries have dogged Hillary Clinton."): a person quoted
/// only by a surname ("Clinton said") takes the fullest name the document
/// gives, when only one name ends in it. Noted as spans while the text is
/// read (no copying per name), indexed by their last word.
#[derive(Debug, Default)]
pub(crate) struct FullNames {
    names: Vec<FullName>,
    /// Indices into `names` by a hash of the last word's text, so that a
    /// surname's names are found without reading all of them.
    by_last: HashMap<u64, Vec<u32>>,
}

/// The key of a last word in [`FullNames::by_last`] (equal words, equal keys).
fn last_word_key(word: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::default().hash_one(word)
}

#[derive(Debug, Clone, Copy)]
struct FullName {
    /// The name.
    span: Span,
    /// Its last word.
    last: Span,
    /// Seen as a whole run of name words, not only inside a longer run
    /// ("Barack Obama Election Day") or first in a sentence ("Many
    /// Mexicans"), where it still shows that the last word is shared.
    whole: bool,
}

impl FullNames {
    /// Notes the names in `toks`, one sentence whose [`name_words`] are
    /// `names`: every run of name words, read as the names of up to three
    /// words ending at each of its words.
    pub(crate) fn collect(&mut self, text: &str, toks: &[Token], names: &[bool]) {
        let is_name = |i: usize| names.get(i).copied().unwrap_or(false);
        let mut start = 0;
        while start < toks.len() {
            if !is_name(start) {
                start += 1;
                continue;
            }
            let mut end = start + 1;
            while end < toks.len() && is_name(end) {
                end += 1;
            }
            let whole_run = start > 0 && (2..=3).contains(&(end - start));
            for last in start + 1..end {
                let index = self.names.len() as u32;
                self.by_last.entry(last_word_key(toks[last].span.slice(text))).or_default().push(index);
                self.names.push(FullName {
                    span: Span::new(toks[start.max(last.saturating_sub(2))].span.start, toks[last].span.end),
                    last: toks[last].span,
                    whole: whole_run && last + 1 == end,
                });
            }
            start = end;
        }
    }

    /// The names whose last word is `surname`, in text order.
    fn ending_with<'a>(&'a self, text: &'a str, surname: &'a str) -> impl Iterator<Item = &'a FullName> + 'a {
        let indices = self.by_last.get(&last_word_key(surname)).map_or(&[][..], Vec::as_slice);
        indices.iter().filter_map(|&i| self.names.get(i as usize)).filter(move |n| n.last.slice(text) == surname)
    }

    /// The one name of two or three words that ends in `surname`, and its
    /// spans; `None` when there is none or more than one.
    pub(crate) fn ending_in<'t>(&self, text: &'t str, surname: &str) -> Option<(&'t str, Vec<Span>)> {
        let mut found: Option<&'t str> = None;
        let mut whole = false;
        let mut spans = Vec::new();
        for n in self.ending_with(text, surname) {
            let name = n.span.slice(text);
            if found.is_some_and(|f| f != name) {
                return None;
            }
            found = Some(name);
            whole |= n.whole;
            spans.push(n.span);
        }
        found.filter(|_| whole).map(|name| (name, spans))
    }

    /// The gender of the given names just before `surname` in the names
    /// that end in it ("Crooked Hillary Clinton", "Hillary Clinton": 'f');
    /// `None` when none is known or they differ ("Bill" and "Hillary").
    pub(crate) fn gender_of_surname(&self, text: &str, surname: &str) -> Option<char> {
        let mut gender = None;
        for n in self.ending_with(text, surname) {
            let given = n.span.slice(text).split_whitespace().rev().nth(1).unwrap_or_default();
            match (gender, gender_of_name(given)) {
                (_, None) => {}
                (None, found) => gender = found,
                (Some(g), Some(found)) if g != found => return None,
                _ => {}
            }
        }
        gender
    }
}

/// One speaker entity under construction.
#[derive(Debug, Clone)]
pub(crate) struct Entity {
    /// The fullest name seen.
    pub(crate) name: String,
    /// Person, organisation or group.
    pub(crate) kind: SpeakerKind,
    /// Role or title.
    pub(crate) title: String,
    /// Country or organisation.
    pub(crate) affiliation: String,
    /// Mentions, in the order found.
    pub(crate) mentions: Vec<Span>,
    head: String,
    /// 'm' or 'f' when a given name, an honorific or a pronoun showed it.
    pub(crate) gender: Option<char>,
}

impl Entity {
    /// Keeps the fullest name seen: the one with the most words.
    fn take_fuller_name(&mut self, name: &str) {
        // More words, or as many with more of them capitalised past the
        // first (which may open a sentence): "British Medical Journal" over
        // "British medical journal".
        let weight = |n: &str| {
            let words = n.split_whitespace();
            (words.clone().count(), words.skip(1).filter(|w| w.starts_with(char::is_uppercase)).count())
        };
        if weight(name) > weight(&self.name) {
            self.name = name.to_string();
        }
    }
}

/// How far back (bytes) "the statement" or "the group" looks for the
/// organisation it stands for.
const ISSUER_REACH: usize = 1500;

/// Surnames this long or longer are matched despite one wrong letter.
const MISSPELT_MIN_CHARS: usize = 6;

/// How many recently mentioned entities pronouns and descriptions look at.
const RECENT: usize = 48;

/// The entities of one document and the indices to find them again.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    /// The entities, in order of first mention.
    pub(crate) entities: Vec<Entity>,
    by_surname: HashMap<String, Vec<usize>>,
    by_key: HashMap<String, usize>,
    /// Entity ids, most recently mentioned first.
    recent: Vec<usize>,
}

/// The key of an unnamed entity: its words in lower case, sorted, without
/// articles and the prepositions that join a description, so "the
/// participants in the Crimea Platform" and "Crimea Platform participants"
/// are one group.
fn key_of(name: &str) -> String {
    let lower = fold(name);
    let mut words: Vec<&str> =
        lower.split_whitespace().filter(|w| !matches!(*w, "the" | "a" | "an") && !joins_description(w)).collect();
    words.sort_unstable();
    words.join(" ")
}

/// The last word of a title that names a person's role ("president" in
/// "Iraqi President"), in lower case.
fn title_role(title: &str) -> Option<String> {
    title
        .split_whitespace()
        .rev()
        .map(|w| fold(w).trim_end_matches('.').to_string())
        .find(|w| role(w) == Some(Role::Person))
}

/// Whether a title is only a form of address ("Mr.", "Sir"), which a
/// description in apposition may replace ("The Liberal Democrat leader,
/// Sir Ed Davey,").
pub(crate) fn is_honorific(title: &str) -> bool {
    let title = title.trim_end_matches('.');
    ["sir", "dame", "mr", "mrs", "ms", "dr"].iter().any(|h| title.eq_ignore_ascii_case(h))
}

/// Whether every modifier of a role in description `m` ("prime" in "the
/// prime minister", "Clinton" in "the Clinton campaign") is also in the
/// title or name of entity `e`: "the prime minister" is not "one former
/// minister".
fn modifiers_agree(m: &Mention, e: &Entity) -> bool {
    let known = format!("{} {}", e.title, e.name).to_lowercase();
    let known: Vec<&str> = known.split_whitespace().collect();
    // "the Clinton campaign" is not the Trump campaign: an organisation's
    // proper modifiers (not a country's, which the affiliation compares).
    let proper = |word: &str| {
        m.kind != SpeakerKind::Person
            && word.starts_with(char::is_uppercase)
            && role(&fold(word)).is_none()
            && !DEMONYMS.contains_key(fold(word).trim_end_matches('.'))
    };
    m.name.split_whitespace().all(|word| {
        let w = word.to_lowercase();
        !(role(&w) == Some(Role::Mod) || proper(word)) || known.contains(&w.as_str())
    })
}

/// Whether entity `e` was mentioned before `m`: a pronoun or description
/// refers back, not to a name later in its sentence ("The Russian leader
/// met Valery Gerasimov").
fn named_before(e: &Entity, m: &Mention) -> bool {
    e.mentions.iter().any(|s| s.start < m.span.start)
}

static NAME_SUFFIXES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("lexicon/en/name_suffixes.txt")).collect());

/// The surname of a person's name, in lower case: its last word, a suffix
/// such as "Jr." aside.
fn surname_of(name: &str) -> String {
    let mut words = name.split_whitespace().rev().map(|w| w.trim_end_matches([',', '.']).to_lowercase());
    let last = words.next().unwrap_or_default();
    if NAME_SUFFIXES.contains(last.as_str()) { words.next().unwrap_or(last) } else { last }
}

impl Registry {
    /// Resolves a mention to an entity, creating one when the mention names
    /// someone new. Pronouns and descriptions with nothing to refer to give
    /// `None`.
    pub(crate) fn resolve(&mut self, m: &Mention) -> Option<usize> {
        let id = if let Some(p) = m.pronoun {
            // A pronoun carries no affiliation, so the nearest person is
            // the nearest named one of its gender mentioned before it.
            let latest = |kind: SpeakerKind| self.recent.iter().copied().find(|&id| self.entities[id].kind == kind);
            match p {
                // "A Ukrainian soldier said ... “...,” he said.": an unnamed
                // person who spoke last is "he" or "she" as well, before
                // anyone named earlier.
                Pronoun::Person => self
                    .last_unnamed_speaker(|e| genders_agree(e.gender, m.gender) && named_before(e, m))
                    .or_else(|| self.nearest_person(m))
                    .or_else(|| self.latest_described_person(m))?,
                // "One former minister, speaking on condition of anonymity,
                // said ... “...,” they said.": news gives an unnamed source
                // of no stated gender the singular "they". So it goes to
                // such a source that spoke last, else to the latest group.
                Pronoun::Group => {
                    self.last_unnamed_speaker(|e| e.gender.is_none()).or_else(|| latest(SpeakerKind::Group))?
                }
                Pronoun::Organization => latest(SpeakerKind::Organization)?,
            }
        } else if let Some(id) =
            (m.document && m.anaphoric).then(|| self.nearest_near(m, |k| k != SpeakerKind::Person)).flatten()
        {
            // "the statement said": whoever issued it, the latest
            // organisation or group; else the document itself ("the book
            // said"), below.
            id
        } else if m.named {
            let owned = self.owned_title(m);
            let m = owned.as_ref().unwrap_or(m);
            let surname = surname_of(&m.name);
            match self.same_person(m, &surname) {
                Some(id) => {
                    let e = &mut self.entities[id];
                    e.take_fuller_name(&m.name);
                    if e.title.is_empty() || (is_honorific(&e.title) && !m.title.is_empty()) {
                        e.title = m.title.clone();
                    }
                    if e.affiliation.is_empty() {
                        e.affiliation = m.affiliation.clone();
                    }
                    id
                }
                None => {
                    // A described person named now ("the spokesman, Dmitry Peskov").
                    let id = self.push(m);
                    self.by_surname.entry(surname).or_default().push(id);
                    id
                }
            }
        } else {
            let key = key_of(&m.name);
            if let Some(&id) = self.by_key.get(&key) {
                self.entities[id].take_fuller_name(&m.name);
                id
            } else if let Some(id) = m.anaphoric.then(|| self.find_described(m)).flatten() {
                id
            } else if let Some(id) =
                (m.anaphoric && m.kind == SpeakerKind::Person).then(|| self.described_person(m)).flatten()
            {
                id
            } else if let Some(id) = (m.anaphoric && GENERIC_ORGANIZATIONS.contains(m.head.as_str()))
                .then(|| self.nearest_near(m, |k| k == SpeakerKind::Organization))
                .flatten()
            {
                // "the group said": the latest organisation.
                id
            } else {
                let id = self.push(m);
                self.by_key.insert(key, id);
                id
            }
        };
        let e = &mut self.entities[id];
        e.mentions.push(m.span);
        // Gender comes from words ("Mrs.", "spokeswoman"), not from earlier
        // pronoun guesses.
        if e.gender.is_none() && e.kind == SpeakerKind::Person && m.pronoun.is_none() {
            e.gender = m.gender;
        }
        self.touch(id);
        Some(id)
    }

    /// The nearest entity a definite description ("the minister") fits,
    /// of the description's affiliation if both have one ("the Turkish
    /// foreign minister" is not the Russian one).
    fn find_described(&self, m: &Mention) -> Option<usize> {
        self.recent.iter().copied().find(|&id| {
            let e = &self.entities[id];
            let compatible = match m.kind {
                SpeakerKind::Person => e.kind == SpeakerKind::Person,
                _ => e.kind == m.kind,
            };
            compatible
                && (m.affiliation.is_empty() || e.affiliation.is_empty() || e.affiliation == m.affiliation)
                && (e.head == m.head
                    || e.title.to_lowercase().split_whitespace().any(|w| w == m.head)
                    || e.name.to_lowercase().split_whitespace().any(|w| w == m.head))
                && modifiers_agree(m, e)
        })
    }

    /// The latest entity of a kind `fits`, mentioned at most
    /// [`ISSUER_REACH`] bytes before `m`: who issued "the statement", which
    /// organisation "the group" is.
    fn nearest_near(&self, m: &Mention, fits: impl Fn(SpeakerKind) -> bool) -> Option<usize> {
        self.recent.iter().copied().find(|&id| {
            let e = &self.entities[id];
            fits(e.kind) && e.mentions.last().is_some_and(|last| m.span.start.saturating_sub(last.end) <= ISSUER_REACH)
        })
    }

    /// For a person titled by a generic organisation word's possessive
    /// ("Neil Bradley, the group's chief policy officer"): the mention
    /// with the role alone as its title, of the latest organisation (see
    /// [`Registry::nearest_near`]) as its affiliation.
    fn owned_title(&self, m: &Mention) -> Option<Mention> {
        let (owner, role) = m.title.split_once(['\'', '’'])?;
        let role = role.strip_prefix("s ")?.trim();
        let owner = fold(owner);
        let owner = owner.strip_prefix("the ").unwrap_or(&owner);
        if role.is_empty() || !GENERIC_ORGANIZATIONS.contains(owner) {
            return None;
        }
        let organization = self.nearest_near(m, |k| k == SpeakerKind::Organization)?;
        let mut owned = m.clone();
        owned.title = role.to_string();
        if owned.affiliation.is_empty() {
            owned.affiliation.clone_from(&self.entities[organization].name);
        }
        Some(owned)
    }

    /// Whether an entity is a person known by name.
    fn is_named(&self, id: usize) -> bool {
        self.by_surname.get(&surname_of(&self.entities[id].name)).is_some_and(|ids| ids.contains(&id))
    }

    /// The one named person whose title has every word of the unnamed
    /// person `id`'s description, leaving out articles and a possessor
    /// ("Russia's deputy foreign minister" → the person titled "Deputy
    /// Foreign Minister"); `None` when there is no such person or more
    /// than one, or `id` is named or indefinite ("a spokesman").
    pub(crate) fn named_for_description(&self, id: usize) -> Option<usize> {
        let e = self.entities.get(id)?;
        if e.kind != SpeakerKind::Person || self.is_named(id) {
            return None;
        }
        // "a spokesman" introduces someone, often someone left unnamed.
        if is_indefinite(&e.name) {
            return None;
        }
        let description = fold(&e.name);
        let words: Vec<&str> = description
            .split_whitespace()
            .filter(|w| !DETERMINERS.contains(w) && !w.ends_with("'s") && !w.ends_with('\''))
            .collect();
        if !words.iter().any(|w| role(w) == Some(Role::Person)) {
            return None;
        }
        let mut found = None;
        for (other, person) in self.entities.iter().enumerate() {
            if other == id || person.kind != SpeakerKind::Person || person.title.is_empty() || !self.is_named(other) {
                continue;
            }
            let title = fold(&person.title);
            let title: Vec<&str> = title.split_whitespace().collect();
            if words.iter().all(|w| title.contains(w)) {
                if found.is_some() {
                    return None;
                }
                found = Some(other);
            }
        }
        found
    }

    /// The person a named mention is: same surname and no clash of first
    /// names ("Hillary Clinton" is not "Bill Clinton"); a bare surname is
    /// the one mentioned last.
    fn same_person(&self, m: &Mention, surname: &str) -> Option<usize> {
        let Some(ids) = self.by_surname.get(surname).or_else(|| self.misspelt(surname)) else {
            return self.family_name_first(m, surname);
        };
        // "Von der Leyen" is a surname alone, its particles included.
        let words: Vec<&str> = m.name.split_whitespace().skip_while(|w| is_name_particle(&w.to_lowercase())).collect();
        if words.len() < 2 {
            // "Mrs. Clinton" is not Bill Clinton: a person of the other
            // gender with the surname is someone else.
            // "King Hussein" is not "Iraqi President Saddam Hussein": a
            // person whose title names another role is someone else.
            let ids: Vec<usize> = ids
                .iter()
                .copied()
                .filter(|&id| {
                    let e = &self.entities[id];
                    genders_agree(e.gender, m.gender)
                        && !matches!((title_role(&e.title), title_role(&m.title)), (Some(a), Some(b)) if a != b)
                })
                .collect();
            return self.recent.iter().copied().find(|id| ids.contains(id)).or_else(|| ids.last().copied());
        }
        let first = words[0];
        ids.iter().rev().copied().find(|&id| {
            let name: Vec<&str> = self.entities[id].name.split_whitespace().collect();
            name.len() < 2 || name[0] == first || name[0].starts_with(first) || first.starts_with(name[0])
        })
    }

    /// For a one-word name that no one's surname is: a person mentioned
    /// lately whose name starts with it and goes on, when that first word is
    /// no known given name. Chinese, Korean and Vietnamese names put the
    /// family name first, and news calls "Xi Jinping" "Xi" after; a
    /// company goes by its first word too ("Reed International PLC",
    /// "Reed").
    fn family_name_first(&self, m: &Mention, family: &str) -> Option<usize> {
        if m.name.split_whitespace().nth(1).is_some() {
            return None;
        }
        self.recent.iter().copied().find(|&id| {
            let e = &self.entities[id];
            let mut words = e.name.split_whitespace();
            let starts = words.next().is_some_and(|first| first.eq_ignore_ascii_case(family)) && words.next().is_some();
            // "Courtaulds PLC ... Courtaulds said": a company by its first word.
            let company = || e.kind == SpeakerKind::Organization && is_company_name(&e.name);
            let person = || {
                e.kind == SpeakerKind::Person && gender_of_name(&e.name).is_none() && genders_agree(e.gender, m.gender)
            };
            starts && (person() || company())
        })
    }

    /// The people whose long surname `surname` misspells by one letter
    /// ("Blinkken" for Blinken, as hurried or machine-translated copy has
    /// it): same first letter, one edit apart (an adjacent transposition
    /// counts as one; for one edit the optimal-string-alignment distance is
    /// the Damerau-Levenshtein one, without its table), at least six
    /// letters. Only the [`RECENT`] entities mentioned last are compared, so
    /// a document with thousands of surnames stays linear.
    fn misspelt(&self, surname: &str) -> Option<&Vec<usize>> {
        let length = surname.chars().count();
        if length < MISSPELT_MIN_CHARS {
            return None;
        }
        let first = surname.chars().next();
        // The earliest-named such person, so the choice does not depend on
        // the order of mention.
        self.recent
            .iter()
            .filter_map(|&id| {
                let known = surname_of(&self.entities.get(id)?.name);
                let known_length = known.chars().count();
                (known_length >= MISSPELT_MIN_CHARS
                    && known_length.abs_diff(length) <= 1
                    && known.chars().next() == first
                    && strsim::osa_distance(&known, surname) == 1)
                    .then(|| self.by_surname.get(&known))
                    .flatten()
            })
            .min_by_key(|ids| ids.first().copied())
    }

    /// The nearest named person whose affiliation does not clash with the
    /// given one ("the American adviser" is not Putin, but may be Sullivan
    /// when the text never said where Sullivan is from).
    fn nearest_person(&self, m: &Mention) -> Option<usize> {
        self.nearest_person_where(m, |_| true)
    }

    /// [`Registry::nearest_person`] among the persons that also `fit`.
    fn nearest_person_where(&self, m: &Mention, fits: impl Fn(&Entity) -> bool) -> Option<usize> {
        self.persons_before(m).find(|&id| fits(&self.entities[id]))
    }

    /// The named persons that `m` may refer back to, most recent first:
    /// of its gender and country (where both are known), named before it.
    fn persons_before<'r>(&'r self, m: &'r Mention) -> impl Iterator<Item = usize> + 'r {
        let affiliation = m.affiliation.as_str();
        self.recent.iter().copied().filter(move |&id| {
            let e = &self.entities[id];
            e.kind == SpeakerKind::Person
                && self.is_named(id)
                && genders_agree(e.gender, m.gender)
                && (affiliation.is_empty() || e.affiliation.is_empty() || e.affiliation == affiliation)
                && named_before(e, m)
        })
    }

    /// The entity that spoke last, when it is a person known only by an
    /// indefinite description ("a soldier", "one former minister") that
    /// `fits`.
    fn last_unnamed_speaker(&self, fits: impl Fn(&Entity) -> bool) -> Option<usize> {
        self.recent.first().copied().filter(|&id| {
            let e = &self.entities[id];
            e.kind == SpeakerKind::Person && is_indefinite(&e.name) && fits(e)
        })
    }

    /// For a pronoun with no named person to refer to: the latest person
    /// known only by a description ("Speaking to journalists, the Ukrainian
    /// president said ... “...,” he said.").
    fn latest_described_person(&self, m: &Mention) -> Option<usize> {
        self.recent.iter().copied().find(|&id| {
            let e = &self.entities[id];
            e.kind == SpeakerKind::Person && genders_agree(e.gender, m.gender) && named_before(e, m)
        })
    }

    /// For a description ("the Republican", "the top diplomat"): among the
    /// persons named last, the nearest whose title fits it (see
    /// [`title_fits`]: "the top diplomat" is the foreign minister, not the
    /// president named after him), else the nearest named person. For a
    /// role that news gives people it does not name ("the official", "one
    /// source", marked `unnamed` in roles.txt), only a person it titles
    /// ("the official" is not the foreign minister named just before), and
    /// so does a post named in full ("the governor of Kharkiv").
    fn described_person(&self, m: &Mention) -> Option<usize> {
        // "the governor of Kharkiv", "the mayor of Kyiv": a post named in
        // full is only a person titled for it, not the nearest one.
        let named_post = m
            .name
            .split_whitespace()
            .zip(m.name.split_whitespace().skip(1))
            .any(|(of, post)| of == "of" && post.starts_with(char::is_uppercase));
        if named_post {
            return self
                .persons_before(m)
                .take(FITTING_TITLE_REACH)
                .find(|&id| title_fits(&self.entities[id].title, &m.head));
        }
        if !UNNAMED_ROLES.contains(m.head.as_str()) {
            // A title that fits and the description's own country come
            // first ("the Russian leader" is the Russian president, not a
            // nearer president of no known country), then a title that fits,
            // then the country.
            let candidates: Vec<usize> = self.persons_before(m).take(FITTING_TITLE_REACH).collect();
            let fits = |id: &&usize| title_fits(&self.entities[**id].title, &m.head);
            let compatriot =
                |id: &&usize| !m.affiliation.is_empty() && self.entities[**id].affiliation == m.affiliation;
            let best = candidates
                .iter()
                .find(|id| fits(id) && compatriot(id))
                .or_else(|| candidates.iter().find(fits))
                .or_else(|| candidates.iter().find(compatriot));
            return best.copied().or_else(|| self.nearest_person(m));
        }
        self.nearest_person_where(m, |e| title_role(&e.title).is_some_and(|role| role == m.head))
    }

    /// An organisation or group of a person's (`m`, "his office", see
    /// [`owner_gender`]) named after the nearest named person, when that
    /// person is known to be of the possessive's `gender`: "Volodymyr
    /// Zelensky's office", of the person's country.
    pub(crate) fn owned(&self, gender: char, m: &Mention) -> Option<Mention> {
        let mut owner = m.clone();
        owner.gender = Some(gender);
        owner.affiliation.clear();
        // The person's gender must be known: a wrong owner would be worse
        // than none.
        let person = &self.entities[self.nearest_person(&owner)?];
        if person.gender != Some(gender) {
            return None;
        }
        let mut owned = m.clone();
        owned.name = format!("{}'s {}", person.name, m.name);
        if owned.affiliation.is_empty() {
            owned.affiliation.clone_from(&person.affiliation);
        }
        Some(owned)
    }

    /// Gives person `id` the gender `gender`, unless words already told it.
    pub(crate) fn take_gender(&mut self, id: usize, gender: char) {
        if let Some(e) = self.entities.get_mut(id).filter(|e| e.gender.is_none() && e.kind == SpeakerKind::Person) {
            e.gender = Some(gender);
        }
    }

    fn push(&mut self, m: &Mention) -> usize {
        self.entities.push(Entity {
            name: m.name.clone(),
            kind: m.kind,
            title: m.title.clone(),
            affiliation: m.affiliation.clone(),
            mentions: Vec::new(),
            head: m.head.clone(),
            gender: m.gender,
        });
        self.entities.len() - 1
    }

    fn touch(&mut self, id: usize) {
        if let Some(i) = self.recent.iter().position(|&r| r == id) {
            self.recent.remove(i);
        }
        self.recent.insert(0, id);
        self.recent.truncate(RECENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::quotes::tokens::tokenize;

    fn before(text: &str) -> Option<Mention> {
        let toks = tokenize(text, Span::new(0, text.len()));
        phrase_before(text, &toks, toks.len() - 1)
    }

    #[test]
    fn reads_a_titled_name() {
        let m = before("Kremlin spokesman Dmitry Peskov").unwrap();
        assert_eq!(m.name, "Dmitry Peskov");
        assert_eq!(m.title, "Kremlin spokesman");
        assert_eq!(m.affiliation, "Russia");
        assert_eq!(m.kind, SpeakerKind::Person);
    }

    #[test]
    fn a_title_takes_in_the_post_its_role_serves() {
        let read = |text: &str| before(text).map(|m| (m.name, m.title, m.affiliation));
        let owned = |name: &str, title: &str, affiliation: &str| Some((name.into(), title.into(), affiliation.into()));
        assert_eq!(
            read("Russian Ambassador to the US Anatoly Antonov"),
            owned("Anatoly Antonov", "Russian Ambassador to the US", "Russia")
        );
        assert_eq!(
            read("US Special Envoy for Ukraine Keith Kellogg"),
            owned("Keith Kellogg", "US Special Envoy for Ukraine", "United States")
        );
        assert_eq!(
            read("UN High Commissioner for Human Rights Volker Türk"),
            owned("Volker Türk", "UN High Commissioner for Human Rights", "United Nations")
        );
    }

    #[test]
    fn a_role_with_a_hyphenated_affix_is_a_role() {
        let read = |text: &str| before(text).map(|m| (m.name, m.title, m.kind));
        let person = |name: &str, title: &str| Some((name.into(), title.into(), SpeakerKind::Person));
        assert_eq!(read("President-elect Donald Trump"), person("Donald Trump", "President-elect"));
        assert_eq!(
            read("German Chancellor-in-waiting Friedrich Merz"),
            person("Friedrich Merz", "German Chancellor-in-waiting")
        );
        assert_eq!(read("Prime Minister-designate Ahmed Ali"), person("Ahmed Ali", "Prime Minister-designate"));
        assert_eq!(read("ex-minister Ahmed Ali"), person("Ahmed Ali", "ex-minister"));
        // A compound that ends in a role.
        assert_eq!(
            read("the co-chair").map(|(_, title, kind)| (title, kind)),
            Some(("co-chair".into(), SpeakerKind::Person))
        );
        assert_eq!(read("Fraktionschefin Alice Weidel"), person("Alice Weidel", "Fraktionschefin"));
    }

    #[test]
    fn a_title_keeps_the_portfolio_its_role_serves() {
        let title = |text: &str| before(text).map(|m| m.title);
        assert_eq!(title("Foreign affairs minister Penny Wong").as_deref(), Some("Foreign affairs minister"));
        assert_eq!(title("Green parliamentary leader Katharina Dröge").as_deref(), Some("Green parliamentary leader"));
        assert_eq!(title("Trade secretary Liam Fox").as_deref(), Some("Trade secretary"));
    }

    #[test]
    fn a_known_organisation_with_lower_case_words_is_read_whole() {
        let read = |text: &str| before(text).map(|m| (m.name, m.kind));
        let org = |name: &str| Some((name.into(), SpeakerKind::Organization));
        assert_eq!(read("the Committee to Protect Journalists"), org("Committee to Protect Journalists"));
        assert_eq!(read("Doctors Without Borders"), org("Doctors Without Borders"));
        assert_eq!(read("The Hostages and Missing Families Forum"), org("Hostages and Missing Families Forum"));
    }

    #[test]
    fn two_portfolios_joined_by_and_modify_one_role() {
        let after = |text: &str| {
            let toks = tokenize(text, Span::new(0, text.len()));
            phrase_after(text, &toks, 0).map(|m| m.title)
        };
        assert_eq!(
            before("the work and pensions secretary").map(|m| m.title).as_deref(),
            Some("work and pensions secretary")
        );
        assert_eq!(after("the work and pensions secretary, said").as_deref(), Some("work and pensions secretary"));
        assert_eq!(
            before("Canada's largest department store operator").map(|m| m.name).as_deref(),
            Some("Canada's largest department store operator")
        );
    }

    #[test]
    fn a_country_named_before_a_role_and_its_modifiers_is_part_of_the_title() {
        let text = "Iran project director at the International Crisis Group, said";
        let toks = tokenize(text, Span::new(0, text.len()));
        let m = phrase_after(text, &toks, 0).unwrap();
        assert_eq!(m.title, "Iran project director");
        // Not before a modifier: "Russia seeks security" is a clause.
        let text = "Russia seeks security guarantees";
        let toks = tokenize(text, Span::new(0, text.len()));
        assert!(phrase_after(text, &toks, 0).is_none_or(|m| m.name == "Russia"));
    }

    #[test]
    fn a_possessor_before_a_role_at_a_place_says_whose() {
        let m = before("Russia's ambassador in Berlin").unwrap();
        assert_eq!((m.name.as_str(), m.affiliation.as_str()), ("Russia's ambassador in Berlin", "Russia"));
    }

    #[test]
    fn a_surname_with_another_role_is_another_person() {
        let mut reg = Registry::default();
        let saddam = reg.resolve(&before("Iraqi President Saddam Hussein").unwrap());
        assert!(saddam.is_some());
        assert_ne!(reg.resolve(&before("King Hussein").unwrap()), saddam);
        assert_eq!(reg.resolve(&before("President Hussein").unwrap()), saddam);
        assert_eq!(reg.resolve(&before("Hussein").unwrap()), saddam);
    }

    #[test]
    fn a_holiday_is_no_name() {
        assert!(before("Kremlin's Easter").is_none_or(|m| !m.named));
    }

    #[test]
    fn lower_case_particles_stay_inside_a_name() {
        let m = before("European Commission President Ursula von der Leyen").unwrap();
        assert_eq!((m.name.as_str(), m.title.as_str()), ("Ursula von der Leyen", "European Commission President"));
        let m = before("Saudi Crown Prince Mohammed bin Salman").unwrap();
        assert_eq!(m.name, "Mohammed bin Salman");
        assert_eq!(before("Von der Leyen").unwrap().name, "Von der Leyen");
        assert_eq!(before("Syrian President Bashar al-Assad").unwrap().name, "Bashar al-Assad");
        // The surname with its particles, at a sentence start, is the same person.
        let mut registry = Registry::default();
        let full = registry.resolve(&before("President Ursula von der Leyen").unwrap());
        assert!(full.is_some());
        assert_eq!(registry.resolve(&before("Von der Leyen").unwrap()), full);
        // Not between two name words: not a particle.
        assert_eq!(before("Peskov said in de Gaulle").map(|m| m.name), Some("Gaulle".to_string()));
    }

    #[test]
    fn institution_names_keep_their_inner_article() {
        let m = before("The Institute for the Study of War").unwrap();
        assert_eq!((m.kind, m.name.as_str()), (SpeakerKind::Organization, "Institute for the Study of War"));
        // A role word for people is no part of the name: the person speaks
        // for the institution.
        let m = before("the spokesman for the Kremlin").unwrap();
        assert_eq!((m.kind, m.name.as_str()), (SpeakerKind::Person, "spokesman for the Kremlin"));
    }

    #[test]
    fn capitalised_words_after_a_role_word_and_in_name_a_place() {
        let m = before("an Iraqi Foreign Ministry official in Baghdad").unwrap();
        assert_eq!((m.named, m.name.as_str()), (false, "an Iraqi Foreign Ministry official in Baghdad"));
    }

    #[test]
    fn two_word_places_give_the_affiliation() {
        let m = before("White House press secretary Karoline Leavitt").unwrap();
        assert_eq!((m.name.as_str(), m.affiliation.as_str()), ("Karoline Leavitt", "United States"));
        assert_eq!(before("a South Korean official").unwrap().affiliation, "South Korea");
        // The first word alone ties to nothing.
        assert_eq!(before("a White official").map(|m| m.affiliation).unwrap_or_default(), "");
    }

    #[test]
    fn reads_organisations_groups_and_described_persons() {
        let m = before("the Russian Defense Ministry").unwrap();
        assert_eq!((m.kind, m.name.as_str()), (SpeakerKind::Organization, "Russian Defense Ministry"));
        assert_eq!(before("analysts").unwrap().kind, SpeakerKind::Group);
        let m = before("a U.S. official").unwrap();
        assert_eq!(
            (m.kind, m.name.as_str(), m.affiliation.as_str()),
            (SpeakerKind::Person, "a U.S. official", "United States")
        );
        assert_eq!(before("the Pentagon").unwrap().kind, SpeakerKind::Organization);
        assert_eq!(before("Kyiv").unwrap().kind, SpeakerKind::Organization);
        assert!(before("the talks").is_none());
    }

    #[test]
    fn resolves_surnames_descriptions_and_pronouns() {
        let mut reg = Registry::default();
        let a = reg.resolve(&before("Kremlin spokesman Dmitry Peskov").unwrap()).unwrap();
        let b = reg.resolve(&before("Peskov").unwrap()).unwrap();
        // Pronouns and descriptions refer back: they come later in the text.
        let later = |text: &str| {
            let mut m = before(text).unwrap();
            m.span = Span::new(m.span.start + 100, m.span.end + 100);
            m
        };
        let c = reg.resolve(&later("he")).unwrap();
        let d = reg.resolve(&later("the spokesman")).unwrap();
        assert!(a == b && b == c && c == d);
        assert_eq!(reg.entities[a].name, "Dmitry Peskov");
        let mut empty = Registry::default();
        assert_eq!(empty.resolve(&before("she").unwrap()), None);
    }

    /// A person's possessive before a name says whose it is, not what the
    /// named one is: no title, so the name is not registered as a titled
    /// person. An organisation's possessive, or a role, still makes a
    /// title; a place's gives the affiliation instead.
    #[test]
    fn a_persons_possessive_is_not_a_title() {
        let titles = |text: &str| before(text).map(|m| (m.name, m.title));
        assert_eq!(titles("Mr. Trump's RT"), Some(("RT".into(), String::new())));
        assert_eq!(titles("Ms. Clinton's Brooklyn"), Some(("Brooklyn".into(), String::new())));
        assert_eq!(titles("NBC's Lester Holt"), Some(("Lester Holt".into(), "NBC's".into())));
        assert_eq!(titles("Iraq's Saddam"), Some(("Saddam".into(), String::new())));
        assert_eq!(titles("Russia's Sergei Lavrov"), Some(("Sergei Lavrov".into(), String::new())));
        assert_eq!(before("Russia's Sergei Lavrov").map(|m| m.affiliation), Some("Russia".into()));
        assert_eq!(titles("NATO's Jens Stoltenberg"), Some(("Jens Stoltenberg".into(), "NATO's".into())));
        assert_eq!(
            titles("Putin's spokesman Dmitry Peskov"),
            Some(("Dmitry Peskov".into(), "Putin's spokesman".into()))
        );
        let text = "Mr. Trump's RT appearance drew fire.";
        let toks = tokenize(text, Span::new(0, text.len()));
        let names: Vec<(String, String)> = titled_names(text, &toks, &name_words(text, &toks), |_| false)
            .into_iter()
            .map(|m| (m.name, m.title))
            .collect();
        assert_eq!(names, [("Trump".to_string(), "Mr.".to_string())]);
    }

    #[test]
    fn newsroom_roles_make_titles_and_groups() {
        for (phrase, title) in [
            ("the mayor's campaign manager Sam Reyes", "mayor's campaign manager"),
            ("communications director Ana Ruiz", "communications director"),
            ("County Sheriff Joe Brandt", "County Sheriff"),
            ("the management consultant Aiko Tanaka", "management consultant"),
        ] {
            let m = before(phrase).unwrap();
            assert_eq!((m.kind, m.title.as_str()), (SpeakerKind::Person, title), "{phrase}");
        }
        for phrase in ["the protesters", "hospital doctors"] {
            assert_eq!(before(phrase).map(|m| m.kind), Some(SpeakerKind::Group), "{phrase}");
        }
    }

    #[test]
    fn a_lower_case_title_with_of_stays_a_title() {
        for phrase in ["US secretary of state Marco Rubio", "the minister of defence Ana Ruiz"] {
            let m = before(phrase).unwrap();
            assert_eq!(m.kind, SpeakerKind::Person, "{phrase}");
            assert_eq!(m.name.split_whitespace().count(), 2, "{phrase}: {}", m.name);
            assert!(m.title.ends_with(" of state") || m.title.ends_with(" of defence"), "{phrase}: {}", m.title);
        }
    }

    #[test]
    fn a_description_takes_in_its_post_modifier() {
        let m = before("multiple sources familiar with the matter").unwrap();
        assert_eq!((m.kind, m.name.as_str()), (SpeakerKind::Group, "sources familiar with the matter"));
        let m = before("a source close to the Russian delegation").unwrap();
        assert_eq!(m.kind, SpeakerKind::Person);
        assert!(m.name.ends_with("source close to the Russian delegation"), "{}", m.name);
        // A name is not a role word: "Smith close to the border" stays Smith's phrase.
        assert!(before("Smith close to the border").is_none_or(|m| !m.name.contains("close")));
        // Past the end of the tokens there is no phrase.
        let text = "sources familiar with it";
        let toks = tokenize(text, Span::new(0, text.len()));
        assert!(phrase_before(text, &toks, toks.len()).is_none());
    }

    #[test]
    fn an_organisation_as_possessor_leaves_a_person() {
        let m = before("the Kremlin's Dmitry Peskov").unwrap();
        assert_eq!((m.kind, m.name.as_str(), m.title.as_str()), (SpeakerKind::Person, "Dmitry Peskov", "Kremlin's"));
        assert_eq!(m.affiliation, "Russia");
        // Without a possessive the organisation word still makes an organisation.
        let m = before("the Kremlin press service").unwrap();
        assert_eq!(m.kind, SpeakerKind::Organization);
    }

    #[test]
    fn tells_a_nationality_from_a_country() {
        for adjective in ["russian", "ukrainian", "american", "european", "chinese", "british", "israeli", "french"] {
            assert!(is_nationality_adjective(adjective), "{adjective}");
        }
        for country in ["russia", "iran", "ukraine", "kyiv", "moscow", "china"] {
            assert!(!is_nationality_adjective(country), "{country}");
        }
    }
}

#[cfg(test)]
mod class_tests {
    use super::*;

    #[test]
    fn one_lookup_answers_as_the_separate_lists_do() {
        for word in [
            "spokesman",
            "gen.",
            "gen",
            "the",
            "he",
            "russian",
            "russian.",
            "may",
            "talks",
            "peskov",
            "of",
            "",
            "president-elect",
            "34-year-old",
            "ex-minister",
        ] {
            let c = class_of_word(word);
            assert_eq!(c.role(), role(word), "{word}");
            assert_eq!(c.has(Class::DEMONYM), DEMONYMS.contains_key(word.trim_end_matches('.')), "{word}");
            assert_eq!(c.has(Class::NON_NAME), NON_NAMES.contains(word), "{word}");
            assert_eq!(c.has(Class::DETERMINER), DETERMINERS.contains(word), "{word}");
            assert_eq!(c.has(Class::PRONOUN), PRONOUNS.contains_key(word), "{word}");
            assert_eq!(c.has(Class::SURNAME_NON_NAME), SURNAME_NON_NAMES.contains(word), "{word}");
        }
        // Every word of every list, too.
        for &word in ROLES.keys().chain(DEMONYMS.keys()).chain(NON_NAMES.iter()).chain(DETERMINERS.iter()) {
            let c = class_of_word(word);
            assert_eq!(c.role(), role(word), "{word}");
            assert_eq!(c.has(Class::NON_NAME), NON_NAMES.contains(word), "{word}");
        }
    }
}
