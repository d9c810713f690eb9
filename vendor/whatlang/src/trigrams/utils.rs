use hashbrown::HashMap;

use super::TEXT_TRIGRAMS_SIZE;
use super::Trigram;
use crate::core::LowercaseText;
use crate::utils::is_stop_char;

pub struct TrigramsWithPositions {
    pub(crate) _total_trigrams: u32,
    // PATCH (sayso): the ranked trigrams as a vector of (packed trigram,
    // position) in rank order, not a map: the distances only go through
    // them, and a map cost a hash insert per trigram.
    pub(crate) trigram_positions: Vec<(u64, u32)>,
}

#[inline]
pub fn get_trigrams_with_positions(text: &LowercaseText) -> TrigramsWithPositions {
    let CountResult {
        total_trigrams,
        trigram_occurances,
    } = count(text);
    let trigram_positions = trigram_occurances_to_positions(trigram_occurances);
    TrigramsWithPositions {
        _total_trigrams: total_trigrams,
        trigram_positions,
    }
}

// PATCH (sayso): sorts each trigram under one integer key instead of
// comparing (count, Trigram) tuples field by field; the order is the same
// (descending by count, then by trigram), and the keys are distinct, so
// the positions are upstream's. Returns (packed trigram, position) pairs
// in position order.
#[inline]
fn trigram_occurances_to_positions(trigram_occurances: HashMap<u64, u32>) -> Vec<(u64, u32)> {
    let mut keys: Vec<u128> = trigram_occurances
        .into_iter()
        .map(|(trigram, count)| sort_key(count, trigram))
        .collect();
    keys.sort_unstable();

    keys.into_iter()
        .rev()
        .take(TEXT_TRIGRAMS_SIZE) // we're interested only in the first 600 (2 * MAX_TRIGRAM_DISTANCE)
        .enumerate()
        .map(|(i, key)| (key as u64, i as u32))
        .collect()
}

// PATCH (sayso): a trigram as one integer that orders as the trigram does:
// a char is below 2^21, so three fit in 63 bits.
#[inline]
pub(crate) fn pack(Trigram(a, b, c): Trigram) -> u64 {
    ((a as u64) << 42) | ((b as u64) << 21) | (c as u64)
}

// PATCH (sayso): (count, trigram) as one integer that orders as the tuple
// does.
#[inline]
fn sort_key(count: u32, packed: u64) -> u128 {
    ((count as u128) << 64) | packed as u128
}

// PATCH (sayso): the trigram of a packed one.
#[cfg(test)]
fn unpack(key: u64) -> Trigram {
    let char_at = |shift: u32| char::from_u32(((key >> shift) & 0x1F_FFFF) as u32).unwrap_or(' ');
    Trigram(char_at(42), char_at(21), char_at(0))
}

// PATCH (sayso): (packed trigram, value) pairs as upstream's map, for the
// tests that compare with upstream's functions.
#[cfg(test)]
pub(crate) fn unpacked(pairs: impl IntoIterator<Item = (u64, u32)>) -> HashMap<Trigram, u32> {
    pairs
        .into_iter()
        .map(|(key, value)| (unpack(key), value))
        .collect()
}

// PATCH (sayso): upstream's version, the oracle of the test
// `positions_are_upstreams`.
#[cfg(test)]
#[allow(clippy::unnecessary_sort_by)]
fn upstream_trigram_occurances_to_positions(
    trigram_occurances: HashMap<Trigram, u32>,
) -> HashMap<Trigram, u32> {
    // Sort in descending order by number of occurrences and trigrams
    let mut count_vec: Vec<_> = trigram_occurances
        .into_iter()
        .map(|(trigram, count)| (count, trigram))
        .collect();
    count_vec.sort_unstable_by(|a, b| b.cmp(a));

    count_vec
        .into_iter()
        .take(TEXT_TRIGRAMS_SIZE) // we're interested only in the first 600 (2 * MAX_TRIGRAM_DISTANCE)
        .enumerate()
        .map(|(i, (_, trigram))| (trigram, i as u32))
        .collect()
}

struct CountResult {
    total_trigrams: u32,
    // PATCH (sayso): keyed by the packed trigram, one integer to hash.
    trigram_occurances: HashMap<u64, u32>,
}

#[inline]
fn count(text: &LowercaseText) -> CountResult {
    let hash_capacity = calculate_initial_hash_capacity(text);
    let mut trigram_occurances: HashMap<u64, u32> = HashMap::with_capacity(hash_capacity);
    let mut total_trigrams = 0;

    // iterate through the string and count trigrams
    let mut chars_iter = text
        .chars()
        .map(to_trigram_char)
        //.flat_map(char::to_lowercase)
        .chain(Some(' '));
    let mut c1 = ' ';
    // unwrap is safe, because we always chain a space character on the end of the iterator
    let mut c2 = chars_iter.next().unwrap();
    for cur_char in chars_iter {
        let c3 = cur_char;
        if !(c2 == ' ' && (c1 == ' ' || c3 == ' ')) {
            let trigram = pack(Trigram(c1, c2, c3));
            let count = trigram_occurances.entry(trigram).or_insert(0);
            *count += 1;
            total_trigrams += 1;
        }
        c1 = c2;
        c2 = c3;
    }

    CountResult {
        total_trigrams,
        trigram_occurances,
    }
}

// Convert punctuations and digits to a space.
#[inline]
fn to_trigram_char(ch: char) -> char {
    if is_stop_char(ch) { ' ' } else { ch }
}

// In order to improve performance, define the initial capacity for trigrams hash map,
// based on the size of the input text.
#[inline]
fn calculate_initial_hash_capacity(text: &str) -> usize {
    const MAX_INITIAL_HASH_CAPACITY: usize = 2048;

    let len = text.len();
    if len > MAX_INITIAL_HASH_CAPACITY {
        MAX_INITIAL_HASH_CAPACITY
    } else {
        len
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_valuable_trigram_chars(chars: &[char]) {
        for &ch in chars.iter() {
            assert_eq!(to_trigram_char(ch), ch);
        }
    }

    fn assert_not_valuable_trigram_chars(chars: &[char]) {
        for &ch in chars.iter() {
            assert_eq!(to_trigram_char(ch), ' ');
        }
    }

    #[test]
    fn test_to_trigram_char() {
        // valuable chars, that matters
        assert_valuable_trigram_chars(&['a', 'z', 'A', 'Z', 'Ж', 'ß']);

        // punctuations, digits, etc..
        //
        // 0x00 - 0x40
        assert_not_valuable_trigram_chars(&['\t', '\n', ' ', '.', '0', '9', ',', '@']);
        // 0x5B - 0x60
        assert_not_valuable_trigram_chars(&['[', ']', '^', '\\', '`']);
        // 0x7B - 0x7E
        assert_not_valuable_trigram_chars(&['[', '|', '{', '}', '~']);
    }

    fn assert_count(text: &str, pairs: &[(&str, u32)]) {
        let lowercase_text = LowercaseText::new(text);
        let CountResult {
            total_trigrams: _,
            trigram_occurances,
        } = count(&lowercase_text);
        for &(trigram_str, expected_n) in pairs.iter() {
            let chars: Vec<char> = trigram_str.chars().collect();
            let trigram = Trigram(chars[0], chars[1], chars[2]);
            let actual_n = trigram_occurances[&pack(trigram)]; // PATCH (sayso): packed keys
            assert_eq!(
                actual_n, expected_n,
                "trigram '{:?}' expected to occur {} times, got {}",
                trigram, expected_n, actual_n
            );
        }
        assert_eq!(trigram_occurances.len(), pairs.len());
    }

    #[test]
    fn test_count() {
        assert_count("", &[]);
        assert_count(",", &[]);
        assert_count("a", &[(" a ", 1)]);
        assert_count("-a-", &[(" a ", 1)]);
        assert_count("yes", &[(" ye", 1), ("yes", 1), ("es ", 1)]);
        assert_count(
            "Give - IT...",
            &[
                (" gi", 1),
                ("giv", 1),
                ("ive", 1),
                ("ve ", 1),
                (" it", 1),
                ("it ", 1),
            ],
        );
    }

    #[test]
    fn test_get_trigrams_with_positions() {
        let lowercase_text = LowercaseText::new("xaaaaabbbb    d");
        let TrigramsWithPositions {
            _total_trigrams,
            trigram_positions,
        } = get_trigrams_with_positions(&lowercase_text);

        // PATCH (sayso): the positions are a vector of packed trigrams.
        let trigram_positions = unpacked(trigram_positions);
        assert_eq!(trigram_positions[&Trigram('a', 'a', 'a')], 0);
        assert_eq!(trigram_positions[&Trigram('b', 'b', 'b')], 1);
        assert_eq!(_total_trigrams, 11);
    }

    // PATCH (sayso): the packed sort keys give upstream's positions.
    #[test]
    fn positions_are_upstreams() {
        let texts = [
            "There is no reason not to learn Esperanto, said the minister.",
            "Die Ordnung muss für immer in diesem Codebase bleiben",
            "Президент заявил, что переговоры возобновятся.",
            "ĉu ĉi tio estas ĝusta? 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 中文 العربية",
            "a",
            "",
        ];
        let long = texts.concat().repeat(30);
        // More distinct trigrams than the 600 kept: "aab abc acd ...".
        let many: String = (0..3000u32)
            .map(|i| {
                let letter = |n: u32| char::from(b'a' + (n % 26) as u8);
                format!("{}{}{} ", letter(i), letter(i / 26), letter(i / 676))
            })
            .collect();
        let occurances = count(&LowercaseText::new(&many)).trigram_occurances;
        assert!(occurances.len() > TEXT_TRIGRAMS_SIZE);
        for text in texts.iter().copied().chain([long.as_str(), many.as_str()]) {
            let occurances = count(&LowercaseText::new(text)).trigram_occurances;
            let upstream_occurances = unpacked(occurances.clone());
            assert_eq!(
                unpacked(trigram_occurances_to_positions(occurances)),
                upstream_trigram_occurances_to_positions(upstream_occurances),
                "{text:?}"
            );
        }
    }
}
