//! Did you mean …? for agency names, through an index of character trigrams rather than a
//! scan of every spelling (issue 13: 50,000 distinct unknown names took 41 s, 0.8 ms each,
//! every query normalising and comparing all ~600 spellings).
//!
//! The filter is lossless. Two strings at edit distance `d` share at least
//! `max(n, m) + 2 − 3d` of their padded trigrams (each edit destroys at most three; a
//! string of `n` characters, padded with two marks at each end, has `n + 2` of them). A
//! suggestion needs a normalised Levenshtein similarity of at least `T`, that is `d ≤ (1 −
//! T) · max(n, m)`; a spelling sharing fewer trigrams cannot reach it and is not compared.
//! A name that is a clean prefix of a longer spelling (cut off by extraction) shares all
//! `n` of its trigrams that do not touch its end, so those are kept as candidates too.
//! Names far longer than any spelling can reach no one and are answered at once.

use foldhash::{HashMap, HashMapExt};

/// Padding around a key: characters that normalised names never contain.
const PAD: char = '\u{2}';

/// One spelling: its normalised key, its length in characters, its agency.
#[derive(Clone, Debug)]
struct Key {
    text: String,
    chars: usize,
    agency: usize,
}

/// Trigram index of every spelling (name, short form, aliases) in registry order.
#[derive(Clone, Debug, Default)]
pub(super) struct SuggestIndex {
    keys: Vec<Key>,
    /// Trigram → (key, how many times the key has it), keys ascending.
    postings: HashMap<[char; 3], Vec<(u32, u16)>>,
    longest: usize,
}

/// The padded trigrams of a key, with their counts.
fn trigrams(key: &str) -> HashMap<[char; 3], u16> {
    let chars: Vec<char> = [PAD, PAD]
        .into_iter()
        .chain(key.chars())
        .chain([PAD, PAD])
        .collect();
    let mut out = HashMap::new();
    for w in chars.windows(3) {
        *out.entry([w[0], w[1], w[2]]).or_insert(0u16) += 1;
    }
    out
}

impl SuggestIndex {
    /// The index of `spellings`: (normalised key, agency index), in registry order.
    pub(super) fn new(spellings: impl IntoIterator<Item = (String, usize)>) -> Self {
        let mut index = SuggestIndex::default();
        for (text, agency) in spellings {
            let k = index.keys.len() as u32;
            for (gram, n) in trigrams(&text) {
                index.postings.entry(gram).or_default().push((k, n));
            }
            let chars = text.chars().count();
            index.longest = index.longest.max(chars);
            index.keys.push(Key {
                text,
                chars,
                agency,
            });
        }
        index
    }

    /// The agency whose spelling is most like `key` (already normalised) with a similarity
    /// of at least `threshold`; ties go to the earlier spelling. A key of 8 characters or
    /// more that is a proper prefix of a spelling scores `threshold` at least.
    pub(super) fn best(&self, key: &str, threshold: f64) -> Option<usize> {
        let n = key.chars().count();
        // Similarity is at most shorter / longer, and a prefix is shorter than its spelling.
        if n == 0 || (n as f64) * threshold > self.longest as f64 {
            return None;
        }
        let mut shared = vec![0u32; self.keys.len()];
        for (gram, cq) in trigrams(key) {
            if let Some(list) = self.postings.get(&gram) {
                for &(k, ck) in list {
                    shared[k as usize] += u32::from(cq.min(ck));
                }
            }
        }
        let mut best: Option<(f64, usize)> = None;
        for (k, other) in self.keys.iter().enumerate() {
            let longer = n.max(other.chars) as f64;
            let max_edits = ((1.0 - threshold) * longer).floor();
            let needed = longer + 2.0 - 3.0 * max_edits;
            let may_prefix = n >= 8 && other.chars > n && shared[k] as usize >= n;
            if (shared[k] as f64) < needed && !may_prefix {
                continue;
            }
            let mut score = strsim::normalized_levenshtein(key, &other.text);
            if may_prefix && other.text.starts_with(key) {
                score = score.max(threshold);
            }
            if score >= threshold && best.is_none_or(|(s, _)| score > s) {
                best = Some((score, other.agency));
            }
        }
        best.map(|(_, agency)| agency)
    }

    /// The same answer by comparing every spelling: the reference the index is tested
    /// against.
    #[cfg(test)]
    pub(super) fn scan(&self, key: &str, threshold: f64) -> Option<usize> {
        let mut best: Option<(f64, usize)> = None;
        for other in &self.keys {
            let mut score = strsim::normalized_levenshtein(key, &other.text);
            if key.chars().count() >= 8 && other.text.starts_with(key) && other.text != key {
                score = score.max(threshold);
            }
            if score >= threshold && best.is_none_or(|(s, _)| score > s) {
                best = Some((score, other.agency));
            }
        }
        best.map(|(_, agency)| agency)
    }
}
