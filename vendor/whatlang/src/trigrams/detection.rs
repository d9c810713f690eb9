use std::sync::LazyLock;

use hashbrown::HashMap;

#[cfg(test)]
use super::LangProfile;
use super::LangProfileList;
#[cfg(test)]
use super::utils::unpacked;
use super::utils::{TrigramsWithPositions, get_trigrams_with_positions, pack};
use super::{ARABIC_LANGS, CYRILLIC_LANGS, DEVANAGARI_LANGS, HEBREW_LANGS, LATIN_LANGS};
use super::{MAX_TOTAL_DISTANCE, MAX_TRIGRAM_DISTANCE, Trigram};
use crate::Lang;
use crate::core::{FilterList, Info, InternalQuery, Text, calculate_confidence};
use crate::scripts::grouping::MultiLangScript;

#[derive(Debug)]
pub struct RawOutcome {
    pub trigrams_count: usize,
    #[allow(dead_code)]
    pub raw_distances: Vec<(Lang, u32)>,
    pub scores: Vec<(Lang, f64)>,
}

#[inline]
pub fn detect(iquery: &InternalQuery) -> Option<Info> {
    let raw_outcome = raw_detect(iquery);
    let RawOutcome {
        trigrams_count,
        scores,
        ..
    } = raw_outcome;

    let mut raw_scores_iter = scores.into_iter();

    let opt_lang_score1 = raw_scores_iter.next();
    let opt_lang_score2 = raw_scores_iter.next();

    // TODO: Logic is duplicated in alphabets. Consider refactoring
    opt_lang_score1.map(|(lang1, score1)| {
        let script = iquery.multi_lang_script.to_script();
        let confidence = if let Some((_, score2)) = opt_lang_score2 {
            calculate_confidence(score1, score2, trigrams_count)
        } else {
            1.0
        };
        Info::new(script, lang1, confidence)
    })
}

#[inline]
pub fn raw_detect(iquery: &InternalQuery) -> RawOutcome {
    let profiles = script_to_profiles(iquery.multi_lang_script);
    calculate_scores_in_profiles(&iquery.text, iquery.filter_list, profiles)
}

// PATCH (sayso): the profiles of a script, inverted once per process.
fn script_to_profiles(script: MultiLangScript) -> &'static InvertedProfiles {
    use MultiLangScript as MLS;
    static LATIN: LazyLock<InvertedProfiles> = LazyLock::new(|| InvertedProfiles::new(LATIN_LANGS));
    static CYRILLIC: LazyLock<InvertedProfiles> =
        LazyLock::new(|| InvertedProfiles::new(CYRILLIC_LANGS));
    static ARABIC: LazyLock<InvertedProfiles> =
        LazyLock::new(|| InvertedProfiles::new(ARABIC_LANGS));
    static DEVANAGARI: LazyLock<InvertedProfiles> =
        LazyLock::new(|| InvertedProfiles::new(DEVANAGARI_LANGS));
    static HEBREW: LazyLock<InvertedProfiles> =
        LazyLock::new(|| InvertedProfiles::new(HEBREW_LANGS));
    match script {
        MLS::Latin => &LATIN,
        MLS::Cyrillic => &CYRILLIC,
        MLS::Arabic => &ARABIC,
        MLS::Devanagari => &DEVANAGARI,
        MLS::Hebrew => &HEBREW,
    }
}

// PATCH (sayso): the language profiles of one script turned inside out.
// Upstream scores a text by looking up each of the 300 trigrams of every
// language's profile in the text's trigrams (about 12,000 hash lookups for
// the Latin script, whatever the length of the text). Here each trigram of
// the text is looked up once, and its postings say where it ranks in the
// profiles that contain it. The distances are the same integers.
struct InvertedProfiles {
    list: LangProfileList,
    /// Packed trigram -> where its postings are in `postings`.
    index: HashMap<u64, (u32, u32)>,
    /// Every trigram's postings, end to end: (index of the language in
    /// `list`, rank in its profile). One array rather than one vector per
    /// trigram, so a lookup touches two places in memory, not three.
    postings: Vec<(u16, u16)>,
}

impl InvertedProfiles {
    fn new(list: LangProfileList) -> Self {
        let mut by_trigram: HashMap<Trigram, Vec<(u16, u16)>> = HashMap::new();
        for (lang_index, &(_, profile)) in list.iter().enumerate() {
            for (rank, &trigram) in profile.iter().enumerate() {
                by_trigram
                    .entry(trigram)
                    .or_default()
                    .push((lang_index as u16, rank as u16));
            }
        }
        let mut index = HashMap::with_capacity(by_trigram.len());
        let mut postings = Vec::with_capacity(by_trigram.values().map(Vec::len).sum());
        for (trigram, list) in by_trigram {
            let start = postings.len() as u32;
            postings.extend(list);
            index.insert(pack(trigram), (start, postings.len() as u32));
        }
        Self {
            list,
            index,
            postings,
        }
    }

    /// The distance of each language of the list to the text, as
    /// `calculate_distance` computes it, in the order of the list.
    fn distances(&self, text_trigrams: &[(u64, u32)]) -> Vec<u32> {
        // Per language: the sum over its profile trigrams found in the text
        // of (distance - MAX_TRIGRAM_DISTANCE); a trigram not found costs
        // MAX_TRIGRAM_DISTANCE.
        let mut found = vec![0i64; self.list.len()];
        for &(trigram, position) in text_trigrams {
            if let Some(&(start, end)) = self.index.get(&trigram) {
                for &(lang_index, rank) in &self.postings[start as usize..end as usize] {
                    let dist = (position as i64 - rank as i64).abs();
                    found[lang_index as usize] += dist - MAX_TRIGRAM_DISTANCE as i64;
                }
            }
        }
        self.list
            .iter()
            .zip(found)
            .map(|(&(_, profile), found)| {
                let total = (profile.len() as i64 * MAX_TRIGRAM_DISTANCE as i64 + found) as u32;
                finish_distance(total, text_trigrams.len() as u32)
            })
            .collect()
    }
}

#[inline]
fn calculate_scores_in_profiles(
    text: &Text,
    filter_list: &FilterList,
    profiles: &InvertedProfiles,
) -> RawOutcome {
    let mut lang_distances: Vec<(Lang, u32)> = vec![];

    let TrigramsWithPositions {
        trigram_positions, ..
    } = get_trigrams_with_positions(&text.lowercase());
    let unique_trigrams_count = trigram_positions.len();

    let distances = profiles.distances(&trigram_positions);
    for (&(lang, _), dist) in profiles.list.iter().zip(distances) {
        if !filter_list.is_allowed(lang) {
            continue;
        }
        lang_distances.push(((lang), dist));
    }

    // Sort languages by distance
    lang_distances.sort_unstable_by_key(|(_, dist)| *dist);

    let max_dist = unique_trigrams_count as u32 * MAX_TRIGRAM_DISTANCE;

    let raw_scores = lang_distances
        .iter()
        .map(|&(lang, distance)| (lang, distance_to_raw_score(distance, max_dist)))
        .collect();

    RawOutcome {
        trigrams_count: unique_trigrams_count,
        scores: raw_scores,
        raw_distances: lang_distances,
    }
}

/// Upstream's distance of one profile to the text, kept as the oracle of
/// `InvertedProfiles::distances`.
#[cfg(test)]
fn calculate_distance(lang_trigrams: LangProfile, text_trigrams: &HashMap<Trigram, u32>) -> u32 {
    let mut total_dist = 0u32;

    for (i, &trigram) in lang_trigrams.iter().enumerate() {
        let dist = match text_trigrams.get(&trigram) {
            Some(&n) => (n as i32 - i as i32).unsigned_abs(),
            None => MAX_TRIGRAM_DISTANCE,
        };
        total_dist += dist;
    }

    finish_distance(total_dist, text_trigrams.len() as u32)
}

/// The end of upstream's `calculate_distance`: a text with fewer trigrams
/// than a profile is not penalised for the ones it cannot have.
#[inline]
fn finish_distance(mut total_dist: u32, count: u32) -> u32 {
    if MAX_TRIGRAM_DISTANCE > count {
        let delta = MAX_TRIGRAM_DISTANCE - count;
        total_dist -= delta * MAX_TRIGRAM_DISTANCE;
    }

    total_dist.clamp(0, MAX_TOTAL_DISTANCE)
}

#[inline]
fn distance_to_raw_score(distance: u32, max_distance: u32) -> f64 {
    let similarity = max_distance - distance;
    similarity as f64 / max_distance as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_when_german_is_given() {
        let text = "Die Ordnung muss für immer in diesem Codebase bleiben";
        let iq = InternalQuery {
            text: Text::new(text),
            filter_list: &FilterList::default(),
            multi_lang_script: MultiLangScript::Latin,
        };
        let raw_outcome = raw_detect(&iq);

        assert_eq!(raw_outcome.trigrams_count, 50);

        let &(first_lang, first_score) = raw_outcome.scores.first().unwrap();
        let &(_last_lang, last_score) = raw_outcome.scores.last().unwrap();

        assert_eq!(first_lang, Lang::Deu);

        assert!(first_score >= 0.0);
        assert!(first_score <= 1.0);

        assert!(last_score >= 0.0);
        assert!(last_score <= 1.0);
    }

    // PATCH (sayso): the inverted profiles give upstream's distances.
    #[test]
    fn inverted_profiles_give_the_distances_of_upstream() {
        let texts = [
            "Die Ordnung muss für immer in diesem Codebase bleiben",
            "There is no reason not to learn Esperanto, said the minister on Monday.",
            "Le président a déclaré que les négociations reprendraient la semaine prochaine.",
            "El portavoz dijo que las conversaciones de paz continuarán en Estambul.",
            "Mi ne scias, ĉu la interkonsento estos subskribita ĉi-semajne.",
            "ab",
            "",
            "Президент заявил, что переговоры возобновятся на следующей неделе.",
            "Речник МЗС України заявив, що переговори тривають.",
            "قال المتحدث إن المحادثات ستستأنف الأسبوع المقبل",
            "प्रवक्ता ने कहा कि बातचीत अगले सप्ताह फिर से शुरू होगी",
            "הדובר אמר כי השיחות יתחדשו בשבוע הבא",
        ];
        let long = texts.concat().repeat(20);
        let scripts = [
            MultiLangScript::Latin,
            MultiLangScript::Cyrillic,
            MultiLangScript::Arabic,
            MultiLangScript::Devanagari,
            MultiLangScript::Hebrew,
        ];
        for text in texts.iter().copied().chain([long.as_str()]) {
            let TrigramsWithPositions {
                trigram_positions, ..
            } = get_trigrams_with_positions(&Text::new(text).lowercase());
            let as_map = unpacked(trigram_positions.iter().copied());
            for script in scripts {
                let profiles = script_to_profiles(script);
                let expected: Vec<u32> = profiles
                    .list
                    .iter()
                    .map(|&(_, profile)| calculate_distance(profile, &as_map))
                    .collect();
                let got = profiles.distances(&trigram_positions);
                assert_eq!(got, expected, "{script:?} on {text:?}");
            }
        }
    }
}
