//! Which catalogue indicators a text names: plans assign an indicator by naming its subject
//! ("Công an tỉnh cung cấp số lượng người dân có danh tính số" is 8.1) as often as by its
//! code. A name is recognised when the text holds, word for word, the catalogue's name or
//! one of its usual short forms: without the parenthesis, without the province wording
//! ("của tỉnh, thành phố"), without a leading measure ("Tỷ lệ", "Số lượng", "Triển khai" …)
//! when what is left is still specific, with the usual abbreviations (DVCTT, ATTT, CĐS,
//! NSNN …) read in full. Words are compared without their tone and vowel marks, since the
//! originals' slips ("chuyên đổi số" for "chuyển đổi số") are common; a phrase must be long
//! enough (at least four words) that this does not make it ambiguous.

use std::collections::HashMap;

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
#[derive(Debug, Default)]
pub struct NameIndex {
    phrases: Vec<(Vec<String>, String)>,
    by_start: HashMap<(String, String), Vec<usize>>,
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
        let mut idx = NameIndex::default();
        for (code, name) in indicators {
            for form in short_forms(name) {
                if form.len() >= MIN_WORDS
                    && !idx.phrases.iter().any(|(p, c)| *p == form && c == code)
                {
                    idx.phrases.push((form, code.to_string()));
                }
            }
        }
        // The same short form for two indicators names neither.
        let mut count: HashMap<&Vec<String>, usize> = HashMap::new();
        for (p, _) in &idx.phrases {
            *count.entry(p).or_default() += 1;
        }
        let ambiguous: Vec<Vec<String>> = count
            .into_iter()
            .filter(|(_, n)| *n > 1)
            .map(|(p, _)| p.clone())
            .collect();
        idx.phrases.retain(|(p, _)| !ambiguous.contains(p));
        for (i, (p, _)) in idx.phrases.iter().enumerate() {
            idx.by_start
                .entry((p[0].clone(), p[1].clone()))
                .or_default()
                .push(i);
        }
        idx
    }

    /// Every indicator `text` names, longest phrase first where two overlap, in text order.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let words = words(text);
        let mut hits: Vec<Hit> = Vec::new();
        let mut i = 0;
        while i + 1 < words.len() {
            let key = (words[i].0.clone(), words[i + 1].0.clone());
            let mut best: Option<(usize, &str)> = None;
            for &p in self.by_start.get(&key).into_iter().flatten() {
                let (phrase, code) = &self.phrases[p];
                let n = phrase.len();
                let same = i + n <= words.len()
                    && phrase.iter().zip(&words[i..i + n]).all(|(a, w)| *a == w.0);
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
    let mut start = None;
    let mut cur = String::new();
    let flush = |cur: &mut String, s: usize, e: usize, out: &mut Vec<(String, usize, usize)>| {
        if cur.is_empty() {
            return;
        }
        match ABBREVIATIONS.iter().find(|(a, _)| *a == cur.as_str()) {
            Some((_, full)) => {
                for w in full.split(' ') {
                    out.push((w.to_string(), s, e));
                }
            }
            None => out.push((cur.clone(), s, e)),
        }
        cur.clear();
    };
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            cur.push(fold_char(c));
        } else if let Some(s) = start.take() {
            flush(&mut cur, s, i, &mut out);
        }
    }
    if let Some(s) = start {
        flush(&mut cur, s, text.len(), &mut out);
    }
    out
}

/// A letter without its tone and vowel marks, in lower case ("Ể" → 'e', "đ" → 'd').
pub fn fold_char(c: char) -> char {
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
