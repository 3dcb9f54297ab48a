//! Which catalogue indicators a text names: plans assign an indicator by naming its subject
//! ("Công an tỉnh cung cấp số lượng người dân có danh tính số" is 8.1) as often as by its
//! code. A name is recognised when the text holds, word for word, the catalogue's name or
//! one of its usual short forms: without the parenthesis, without the province wording
//! ("của tỉnh, thành phố"), without a leading measure ("Tỷ lệ", "Số lượng", "Triển khai" …)
//! when what is left is still specific, with the usual abbreviations (DVCTT, ATTT, CĐS,
//! NSNN …) read in full. Words are compared without their tone and vowel marks, since the
//! originals' slips ("chuyên đổi số" for "chuyển đổi số") are common; a phrase must be long
//! enough (at least four words) that this does not make it ambiguous.

use foldhash::{HashMap, HashMapExt};

/// One recognised name in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The indicator's code.
    pub code: String,
    /// Byte range of the phrase in the text searched.
    pub start: usize,
    pub end: usize,
}

/// The names of one catalogue's scored indicators and their sub-indicators, as phrases
/// of folded words, indexed by their first two words.
///
/// Words are interned: a phrase is a list of word numbers, and a text's word that is in
/// no phrase cannot start or continue a match (this runs on every task text of every
/// plan).
#[derive(Debug, Default)]
pub struct NameIndex {
    phrases: Vec<(Vec<u32>, String)>,
    vocab: HashMap<String, u32>,
    by_start: HashMap<(u32, u32), Vec<usize>>,
}

/// Phrases shorter than this are not matched (too common to name one indicator).
const MIN_WORDS: usize = 4;

/// Leading words that only say how an indicator is measured; a short form drops them.
const MEASURES: &[&str] = &[
    "ty le",
    "so luong",
    "muc do",
    "trien khai",
    "ban hanh",
    "tong",
    "so",
    "co",
];

/// Abbreviations the plans and the catalogue write, read as their words (folded).
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("dvctt", "dich vu cong truc tuyen"),
    ("dvc", "dich vu cong"),
    ("attt", "an toan thong tin"),
    ("cds", "chuyen doi so"),
    ("nsnn", "ngan sach nha nuoc"),
    ("ttdt", "thong tin dien tu"),
    ("csdl", "co so du lieu"),
    ("ubnd", "uy ban nhan dan"),
    ("cntt", "cong nghe thong tin"),
];

impl NameIndex {
    /// The names of `indicators`: (code, name) of every indicator (depth 2 and below) of
    /// a catalogue, in its order.
    pub fn new<'a>(indicators: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut forms: Vec<(Vec<String>, String)> = Vec::new();
        for (code, name) in indicators {
            for form in short_forms(name) {
                if form.len() >= MIN_WORDS && !forms.iter().any(|(p, c)| *p == form && c == code) {
                    forms.push((form, code.to_string()));
                }
            }
        }
        // The same short form for two indicators names neither.
        let mut count: HashMap<&Vec<String>, usize> = HashMap::new();
        for (p, _) in &forms {
            *count.entry(p).or_default() += 1;
        }
        let ambiguous: Vec<Vec<String>> = count
            .into_iter()
            .filter(|(_, n)| *n > 1)
            .map(|(p, _)| p.clone())
            .collect();
        forms.retain(|(p, _)| !ambiguous.contains(p));
        let mut idx = NameIndex::default();
        for (form, code) in forms {
            let ids = form
                .into_iter()
                .map(|w| {
                    let next = idx.vocab.len() as u32;
                    *idx.vocab.entry(w).or_insert(next)
                })
                .collect();
            idx.phrases.push((ids, code));
        }
        for (i, (p, _)) in idx.phrases.iter().enumerate() {
            idx.by_start.entry((p[0], p[1])).or_default().push(i);
        }
        idx
    }

    /// Every indicator `text` names, longest phrase first where two overlap, in text order.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        // Each word as its number in the vocabulary (`None`: in no phrase), with its range.
        let mut words: Vec<(Option<u32>, usize, usize)> = Vec::new();
        for_each_word(text, &mut |w, s, e| {
            words.push((self.vocab.get(w).copied(), s, e))
        });
        let mut hits: Vec<Hit> = Vec::new();
        let mut i = 0;
        while i + 1 < words.len() {
            let (Some(a), Some(b)) = (words[i].0, words[i + 1].0) else {
                i += 1;
                continue;
            };
            let mut best: Option<(usize, &str)> = None;
            for &p in self.by_start.get(&(a, b)).into_iter().flatten() {
                let (phrase, code) = &self.phrases[p];
                let n = phrase.len();
                let same = i + n <= words.len()
                    && phrase
                        .iter()
                        .zip(&words[i..i + n])
                        .all(|(a, w)| Some(*a) == w.0);
                if same && best.is_none_or(|(m, _)| n > m) {
                    best = Some((n, code));
                }
            }
            match best {
                Some((n, code)) => {
                    let (start, end) = (words[i].1, words[i + n - 1].2);
                    if !hits.iter().any(|h| h.code == code) {
                        hits.push(Hit {
                            code: code.to_string(),
                            start,
                            end,
                        });
                    }
                    i += n;
                }
                None => i += 1,
            }
        }
        hits
    }
}

/// The catalogue name and its short forms, each as folded words.
fn short_forms(name: &str) -> Vec<Vec<String>> {
    let mut texts = vec![name.to_string()];
    let plain = strip_parentheses(name);
    texts.push(plain.clone());
    let local = plain
        .replace("Tỉnh, thành phố", "tỉnh")
        .replace("tỉnh, thành phố", "tỉnh");
    texts.push(local.clone());
    texts.push(local.replace("của tỉnh", "tỉnh"));
    texts.push(local.replace(" của tỉnh", "").replace(" tỉnh", ""));
    let mut out: Vec<Vec<String>> = Vec::new();
    for t in texts {
        let w: Vec<String> = words(&t).into_iter().map(|w| w.0).collect();
        let mut form = w.clone();
        out.push(w);
        // Drop leading measures, one after another, while the rest stays specific.
        loop {
            let joined = form.join(" ");
            let Some(m) = MEASURES
                .iter()
                .find(|m| joined.starts_with(&format!("{m} ")))
            else {
                break;
            };
            let rest: Vec<String> = form[m.split(' ').count()..].to_vec();
            if rest.len() < MIN_WORDS + 1 {
                break;
            }
            form = rest;
            out.push(form.clone());
        }
    }
    out.retain(|f| f.len() >= 2);
    out.dedup();
    out
}

fn strip_parentheses(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The words of `text`, folded (lower case, without tone and vowel marks, "đ" as "d"),
/// abbreviations spelt out, each with the byte range it came from.
fn words(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    for_each_word(text, &mut |w, s, e| out.push((w.to_string(), s, e)));
    out
}

/// Call `f` with each folded word of `text` and its byte range (see [`words`]); one
/// buffer for every word.
fn for_each_word(text: &str, f: &mut dyn FnMut(&str, usize, usize)) {
    let mut start = None;
    let mut cur = String::new();
    let mut flush = |cur: &mut String, s: usize, e: usize| {
        if cur.is_empty() {
            return;
        }
        match ABBREVIATIONS.iter().find(|(a, _)| *a == cur.as_str()) {
            Some((_, full)) => full.split(' ').for_each(|w| f(w, s, e)),
            None => f(cur, s, e),
        }
        cur.clear();
    };
    for (i, c) in text.char_indices() {
        if let Some(folded) = fold_word_char(c) {
            start.get_or_insert(i);
            cur.push(folded);
        } else if let Some(s) = start.take() {
            flush(&mut cur, s, i);
        }
    }
    if let Some(s) = start {
        flush(&mut cur, s, text.len());
    }
}

/// [`fold_char`] of a letter or digit, `None` for any other character (a word boundary);
/// one table lookup below U+1F00.
fn fold_word_char(c: char) -> Option<char> {
    const TABLE: u32 = 0x1f00;
    // '\0' (not alphanumeric itself) marks the characters that end a word.
    static WORD: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
        (0..TABLE)
            .map(|u| {
                char::from_u32(u)
                    .filter(|c| c.is_alphanumeric())
                    .map_or('\0', fold_char)
            })
            .collect()
    });
    if (c as u32) < TABLE {
        Some(WORD[c as usize]).filter(|&f| f != '\0')
    } else {
        c.is_alphanumeric().then(|| fold_char_slow(c))
    }
}

/// A letter without its tone and vowel marks, in lower case ("Ể" → 'e', "đ" → 'd'); a
/// table lookup for Latin letters up to U+1EFF (Vietnamese is U+00C0–U+01B0 and
/// U+1EA0–U+1EF9).
pub fn fold_char(c: char) -> char {
    const TABLE: u32 = 0x1f00;
    static FOLDED: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
        (0..TABLE)
            .map(|u| char::from_u32(u).map_or('\u{fffd}', fold_char_slow))
            .collect()
    });
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else if (c as u32) < TABLE {
        FOLDED[c as usize]
    } else {
        fold_char_slow(c)
    }
}

fn fold_char_slow(c: char) -> char {
    const GROUPS: &[(char, &str)] = &[
        ('a', "aàáảãạăằắẳẵặâầấẩẫậ"),
        ('e', "eèéẻẽẹêềếểễệ"),
        ('i', "iìíỉĩị"),
        ('o', "oòóỏõọôồốổỗộơờớởỡợ"),
        ('u', "uùúủũụưừứửữự"),
        ('y', "yỳýỷỹỵ"),
        ('d', "dđ"),
    ];
    let lower = c.to_lowercase().next().unwrap_or(c);
    if lower.is_ascii() {
        return lower;
    }
    GROUPS
        .iter()
        .find(|(_, set)| set.contains(lower))
        .map(|(b, _)| *b)
        .unwrap_or(lower)
}

/// Fold a whole text the way names are compared (for tests and callers that match words).
pub fn fold(text: &str) -> String {
    words(text)
        .into_iter()
        .map(|w| w.0)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_character_is_a_letter_or_digit_folded() {
        for c in (0..0x2_0000).filter_map(char::from_u32) {
            let expected = c.is_alphanumeric().then(|| fold_char(c));
            assert_eq!(fold_word_char(c), expected, "{c:?}");
        }
    }

    #[test]
    fn the_fold_table_agrees_with_the_fold_rules() {
        for u in (0..0x3000).chain([0x1_f600, 0x10_ffff]) {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(fold_char(c), fold_char_slow(c), "U+{u:04X}");
            }
        }
    }

    #[test]
    fn folds_vietnamese_letters() {
        assert_eq!(fold("Chuyển đổi số"), "chuyen doi so");
        assert_eq!(fold("chuyên đổi số"), "chuyen doi so");
        assert_eq!(fold("Tỷ lệ DVCTT"), "ty le dich vu cong truc tuyen");
    }

    fn has(forms: &[Vec<String>], text: &str) -> bool {
        let want: Vec<String> = fold(text).split(' ').map(String::from).collect();
        forms.contains(&want)
    }

    #[test]
    fn short_forms_drop_parentheses_province_wording_and_measures() {
        let f = short_forms("Tỷ lệ doanh nghiệp nộp thuế điện tử");
        assert!(has(&f, "doanh nghiệp nộp thuế điện tử"));
        // Dropping "Tỷ lệ" would leave fewer than five words: kept.
        let f = short_forms("Tỷ lệ DVCTT được cá thể hóa");
        assert!(has(&f, "tỷ lệ dịch vụ công trực tuyến được cá thể hóa"));
        let f = short_forms(
            "Cổng Thông tin điện tử của tỉnh, thành phố có chuyên mục riêng về chuyển đổi số",
        );
        assert!(has(
            &f,
            "cổng thông tin điện tử của tỉnh có chuyên mục riêng về chuyển đổi số"
        ));
        assert!(has(
            &f,
            "cổng thông tin điện tử tỉnh có chuyên mục riêng về chuyển đổi số"
        ));
        assert!(has(
            &f,
            "cổng thông tin điện tử có chuyên mục riêng về chuyển đổi số"
        ));
        let f = short_forms(
            "Tỷ lệ các ứng dụng có dữ liệu dùng chung được kết nối, sử dụng qua Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP)",
        );
        assert!(has(
            &f,
            "các ứng dụng có dữ liệu dùng chung được kết nối sử dụng qua nền tảng tích hợp chia sẻ dữ liệu cấp tỉnh"
        ));
    }
}
