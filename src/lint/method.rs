//! Reading a scoring method as plans write it ("cách xác định và tính điểm"): its options
//! ("- Đã triển khai: 15 điểm", "- Chưa kết nối: 0 điểm"), what each awards, and the
//! formula ("Điểm = Tỷ lệ/50%*Điểm tối đa").

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

/// What one option of a method awards.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Award {
    /// A fraction of the maximum ("1/2 × Điểm tối đa", "Điểm tối đa", "70% điểm").
    Fraction(f64),
    /// Points ("15 điểm", "0 điểm").
    Points(f64),
    /// In proportion to a rate ("Tỷ lệ*Điểm tối đa"), at most `max` of the maximum
    /// (above 1 when the rate is divided by a threshold with no cap).
    Proportional { max: f64 },
}

/// One option of a method: a line or a "-"/"+"/";" item.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub range: Range<usize>,
    pub text: String,
}

/// A method as read.
#[derive(Clone, Debug, PartialEq)]
pub struct Method {
    pub options: Vec<Choice>,
    /// Every award the text states, in order, each with where it is written.
    pub awards: Vec<(Range<usize>, Award)>,
    /// "Tỷ lệ/50%": the threshold a rate is divided by (0.5), and where it is written.
    pub divided_by: Option<(f64, Range<usize>)>,
    /// A "cao nhất" / Min-Max method: proportional to the best province.
    pub min_max: bool,
    /// Conditions on a rate ("Tỷ lệ > 5%", "Tỷ lệ>=80%"), as (operator, value, range).
    pub conditions: Vec<(String, f64, Range<usize>)>,
}

fn fraction_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)([0-9]+)\s*/\s*([0-9]+)\s*(?:\\times|×|\*|x)?\s*(?:\$\s*)?(?:\\text\{\s*)?điểm\s+(?:tối đa|chuẩn)")
            .expect("static regex")
    })
}

fn percent_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?i)\(?\s*([0-9]+)\s*%\s*điểm").expect("static regex"))
}

fn full_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?i)điểm\s+(?:tối đa|chuẩn)").expect("static regex"))
}

fn points_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)(?:^|[^0-9.,/])([0-9]+(?:[.,][0-9]+)?)\s*điểm").expect("static regex")
    })
}

fn rate_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)tỷ lệ\s*(?:/\s*([0-9]+(?:[.,][0-9]+)?)\s*%)?\s*(?:\\times|×|\*|x)\s*(?:\\text\{\s*)?điểm\s+(?:tối đa|chuẩn)|điểm\s+(?:tối đa|chuẩn)\s*(?:\\times|×|\*|x)\s*tỷ lệ\s*(?:/\s*([0-9]+(?:[.,][0-9]+)?)\s*%)?")
            .expect("static regex")
    })
}

fn condition_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)tỷ lệ\s*(>=|<=|≥|≤|>|<)\s*([0-9]+(?:[.,][0-9]+)?)\s*%")
            .expect("static regex")
    })
}

/// Read a method's text.
pub fn read(text: &str) -> Method {
    let mut options = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    // Options are cut at line breaks, at ";" and at a "-"/"+" that starts an item.
    for i in 0..=text.len() {
        let cut = i == text.len()
            || bytes[i] == b'\n'
            || bytes[i] == b';'
            || (matches!(bytes[i], b'-' | b'+')
                && i > 0
                && bytes[i - 1] == b' '
                && i + 1 < text.len()
                && bytes[i + 1] == b' ');
        if cut {
            push_option(text, start, i, &mut options);
            start = i + 1;
        }
    }
    let conditions: Vec<(String, f64, Range<usize>)> = condition_re()
        .captures_iter(text)
        .filter_map(|c| {
            let w = c.get(0)?;
            let op = c.get(1)?.as_str().to_string();
            let v = crate::vn::number::parse(c.get(2)?.as_str())? / 100.0;
            Some((op, v, w.start()..w.end()))
        })
        .collect();
    let mut awards: Vec<(Range<usize>, Award)> = Vec::new();
    let free = |awards: &[(Range<usize>, Award)], r: &Range<usize>| {
        awards
            .iter()
            .all(|(a, _)| a.end <= r.start || r.end <= a.start)
    };
    let mut divided_by = None;
    for c in rate_re().captures_iter(text) {
        let Some(w) = c.get(0) else { continue };
        let max = match c.get(1).or(c.get(2)) {
            Some(m) => {
                let v = crate::vn::number::parse(m.as_str()).unwrap_or(100.0) / 100.0;
                divided_by = Some((v, m.start()..m.end()));
                // "Tỷ lệ<80%: Tỷ lệ/80%*Điểm tối đa": the condition caps it at the maximum.
                let capped = conditions.iter().any(|(_, x, _)| (x - v).abs() < 1e-9);
                if v > 0.0 && !capped { 1.0 / v } else { 1.0 }
            }
            None => 1.0,
        };
        awards.push((w.start()..w.end(), Award::Proportional { max }));
    }
    for c in fraction_re().captures_iter(text) {
        let (Some(w), Some(a), Some(b)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let (Ok(a), Ok(b)) = (a.as_str().parse::<f64>(), b.as_str().parse::<f64>()) else {
            continue;
        };
        let r = w.start()..w.end();
        if b > 0.0 && free(&awards, &r) {
            awards.push((r, Award::Fraction(a / b)));
        }
    }
    for c in percent_re().captures_iter(text) {
        let (Some(w), Some(p)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let r = w.start()..w.end();
        if let (Ok(p), true) = (p.as_str().parse::<f64>(), free(&awards, &r)) {
            awards.push((r, Award::Fraction(p / 100.0)));
        }
    }
    for w in full_re().find_iter(text) {
        let r = w.start()..w.end();
        if free(&awards, &r) {
            awards.push((r, Award::Fraction(1.0)));
        }
    }
    for c in points_re().captures_iter(text) {
        let Some(p) = c.get(1) else { continue };
        let r = p.start()..c.get(0).map_or(p.end(), |w| w.end());
        if let (Some(v), true) = (crate::vn::number::parse(p.as_str()), free(&awards, &r)) {
            awards.push((r, Award::Points(v)));
        }
    }
    let lower = crate::vn::case::lower(text);
    for pat in ["không có điểm", "không điểm"] {
        for (i, _) in lower.match_indices(pat) {
            // `lower` has the same byte offsets for Vietnamese letters but not for every
            // letter: map back only when the text is there.
            if text
                .get(i..i + pat.len())
                .is_some_and(|t| crate::vn::case::lower(t) == pat)
            {
                let r = i..i + pat.len();
                if free(&awards, &r) {
                    awards.push((r, Award::Points(0.0)));
                }
            }
        }
    }
    awards.sort_by_key(|(r, _)| r.start);
    Method {
        options,
        awards,
        divided_by,
        min_max: lower.contains("min-max") || lower.contains("cao nhất"),
        conditions,
    }
}

fn push_option(text: &str, start: usize, end: usize, out: &mut Vec<Choice>) {
    let raw = &text[start..end];
    let lead = raw.len() - raw.trim_start_matches([' ', '-', '+', '\t']).len();
    let body = raw.trim_start_matches([' ', '-', '+', '\t']).trim_end();
    if body.is_empty() || body == "$" {
        return;
    }
    let s = start + lead;
    out.push(Choice {
        range: s..s + body.len(),
        text: body.to_string(),
    });
}

impl Method {
    /// Whether any option says what it awards, or a formula does.
    pub fn scores_anything(&self) -> bool {
        self.min_max || !self.awards.is_empty()
    }

    /// Whether the method has a case that awards nothing (or scores in proportion, where
    /// nothing earns nothing).
    pub fn has_zero_case(&self) -> bool {
        self.min_max
            || self.awards.iter().any(|(_, a)| match a {
                Award::Points(p) => *p == 0.0,
                Award::Fraction(f) => *f == 0.0,
                Award::Proportional { .. } => true,
            })
    }

    /// The most points the method can award out of `max`: the best option, or the sum of
    /// the options when they are parts that add up (`additive`). `None` when it awards
    /// nothing it says.
    pub fn most(&self, max: f64, additive: bool) -> Option<f64> {
        let vals: Vec<f64> = self
            .awards
            .iter()
            .map(|(_, a)| match a {
                Award::Fraction(f) => f * max,
                Award::Points(p) => *p,
                Award::Proportional { max: m } => m * max,
            })
            .collect();
        if vals.is_empty() {
            return None;
        }
        Some(if additive {
            vals.iter().sum()
        } else {
            vals.iter().cloned().fold(f64::MIN, f64::max)
        })
    }

    /// Options written twice (after the first), compared without case, spacing and
    /// final punctuation.
    pub fn repeated(&self) -> Vec<&Choice> {
        let norm = |s: &str| {
            crate::vn::case::lower(s)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .trim_end_matches(['.', ';', ','])
                .to_string()
        };
        let mut seen: Vec<String> = Vec::new();
        let mut out = Vec::new();
        for o in &self.options {
            if !self.awards.iter().any(|(r, _)| o.range.contains(&r.start)) {
                continue;
            }
            let n = norm(&o.text);
            if seen.contains(&n) {
                out.push(o);
            } else {
                seen.push(n);
            }
        }
        out
    }

    /// A value no condition covers: "Tỷ lệ > 5%" and "Tỷ lệ < 5%" leave 5% itself out.
    pub fn gap(&self) -> Option<(f64, Range<usize>)> {
        for (op, v, r) in &self.conditions {
            if op != ">" {
                continue;
            }
            let below = self
                .conditions
                .iter()
                .any(|(o, w, _)| o == "<" && (w - v).abs() < 1e-9);
            let closed = self.conditions.iter().any(|(o, w, _)| {
                matches!(o.as_str(), ">=" | "≥" | "<=" | "≤") && (w - v).abs() < 1e-9
            });
            if below && !closed {
                return Some((*v, r.clone()));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_and_awards() {
        let m = read("Đã triển khai: 15 điểm Chưa triển khai: 0 điểm");
        assert_eq!(m.most(15.0, false), Some(15.0));
        assert!(m.has_zero_case());
        let m = read("Mức 1 ≥ 10% (điểm tối đa)\nMức 2 ≥ 7% (70% điểm)\nMức 4 < 3% (0 điểm)");
        assert_eq!(m.awards.len(), 3);
        assert_eq!(m.most(5.0, false), Some(5.0));
        let m = read(
            "- Kết nối với Nền tảng điện toán đám mây Chính phủ theo mô hình do Bộ Thông tin và Truyền thông hướng dẫn: $1/2 \\times \\text{Điểm tối đa}$; - Chưa kết nối: 0 điểm.",
        );
        assert_eq!(m.options.len(), 2);
        assert_eq!(m.most(15.0, false), Some(7.5));
        assert!(m.has_zero_case());
        let m = read(
            "- Tỉnh có Cổng dữ liệu mở: $1/2 \\times$ Điểm chuẩn; - Đã đáp ứng: $1/2 \\times$ Điểm chuẩn;",
        );
        assert_eq!(m.most(5.0, true), Some(5.0));
        assert!(!m.has_zero_case());
        let m = read(
            "a= Số lượng sinh viên; b= Tổng số sinh viên; - Tỷ lệ=a/b; Điểm=Tỷ lệ/50%*Điểm tối đa",
        );
        assert_eq!(m.divided_by.as_ref().map(|d| d.0), Some(0.5));
        assert_eq!(m.most(5.0, false), Some(10.0));
        assert!(m.has_zero_case());
        let m = read("- Thực hiện: Điểm tối đa\n- Thực hiện: Điểm tối đa\n");
        assert_eq!(m.repeated().len(), 1);
        assert!(!m.has_zero_case());
        let m =
            read("Tỷ lệ = a/b Tỷ lệ > 5%: điểm tối đa Tỷ lệ < 5%: điểm = điểm tối đa * tỷ lệ/5%");
        assert_eq!(m.gap().map(|g| g.0), Some(0.05));
        let m = read("+ Tỷ lệ>=80%: Điểm tối đa; + Tỷ lệ<80%: Tỷ lệ/80%*Điểm tối đa");
        assert!(m.gap().is_none());
        assert_eq!(m.most(20.0, false), Some(20.0));
        let m = read("DVCTT được điền sẵn thông tin là những DVCTT được triển khai kết nối");
        assert!(!m.scores_anything());
    }
}
