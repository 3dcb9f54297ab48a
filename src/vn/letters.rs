//! Point letters and Roman numerals for headings (Decree 30/2020/NĐ-CP, Appendix I).
//!
//! Points within a clause are lettered with the Vietnamese alphabet, which has no f, j, w
//! or z and puts đ after d: a) b) c) d) đ) e) g) h) i) k) l) m) n) o) p) q) r) s) t) u) v)
//! x) y). Parts and sections are numbered with Roman numerals: I, II, III, IV …

/// The 23 letters used for points, in order.
pub const POINT_LETTERS: [&str; 23] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

/// The letter of the `n`-th point, 1-based: 1 → "a", 5 → "đ", 6 → "e", 23 → "y".
///
/// Past "y" the letter is repeated ("aa", "bb" …), which no real plan reaches but keeps
/// the function total; 0 gives "".
pub fn point_letter(n: usize) -> &'static str {
    const DOUBLED: [&str; 23] = [
        "aa", "bb", "cc", "dd", "đđ", "ee", "gg", "hh", "ii", "kk", "ll", "mm", "nn", "oo", "pp",
        "qq", "rr", "ss", "tt", "uu", "vv", "xx", "yy",
    ];
    match n {
        0 => "",
        1..=23 => POINT_LETTERS[n - 1],
        24..=46 => DOUBLED[n - 24],
        _ => "",
    }
}

/// The 1-based position of a point letter ("đ" → 5), if it is one.
pub fn parse_point_letter(s: &str) -> Option<usize> {
    let t = s.trim().trim_end_matches(')').to_lowercase();
    POINT_LETTERS.iter().position(|l| *l == t).map(|i| i + 1)
}

/// A number in upper-case Roman numerals: 1 → "I", 4 → "IV", 19 → "XIX", 2024 → "MMXXIV".
/// 0 gives "" (Roman numerals have no zero).
pub fn roman(n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    let mut rest = n;
    for (value, digits) in TABLE {
        while rest >= value {
            out.push_str(digits);
            rest -= value;
        }
    }
    out
}

/// Read a Roman numeral in either case ("IV", "iv", "XIX"). Only the canonical spelling is
/// accepted: "IIII", "VX" or "IC" are `None`, as are blanks and anything else.
pub fn parse_roman(s: &str) -> Option<u32> {
    let t = s.trim().to_ascii_uppercase();
    if t.is_empty() || t.len() > 15 {
        return None;
    }
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in t.chars().rev() {
        let v = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            'D' => 500,
            'M' => 1000,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    // Canonical form only: the value must spell back to what was written.
    (total > 0 && roman(total) == t).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_skip_f_j_w_z_and_put_đ_after_d() {
        let first: Vec<&str> = (1..=13).map(point_letter).collect();
        assert_eq!(
            first,
            [
                "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n"
            ]
        );
        assert_eq!(point_letter(4), "d");
        assert_eq!(point_letter(5), "đ");
        assert_eq!(point_letter(6), "e");
        assert_eq!(point_letter(7), "g");
        assert_eq!(point_letter(23), "y");
        assert_eq!(point_letter(24), "aa");
        assert_eq!(point_letter(0), "");
        for n in 1..=23 {
            let l = point_letter(n);
            assert!(!["f", "j", "w", "z"].contains(&l), "{n} → {l}");
        }
    }

    #[test]
    fn point_letters_parse_back() {
        assert_eq!(parse_point_letter("đ)"), Some(5));
        assert_eq!(parse_point_letter("Đ"), Some(5));
        assert_eq!(parse_point_letter("e"), Some(6));
        assert_eq!(parse_point_letter("f"), None);
        for n in 1..=23 {
            assert_eq!(parse_point_letter(point_letter(n)), Some(n));
        }
    }

    #[test]
    fn roman_numerals() {
        let got: Vec<String> = (1..=10).map(roman).collect();
        assert_eq!(
            got,
            ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
        );
        assert_eq!(roman(14), "XIV");
        assert_eq!(roman(19), "XIX");
        assert_eq!(roman(20), "XX");
        assert_eq!(roman(40), "XL");
        assert_eq!(roman(2024), "MMXXIV");
        assert_eq!(roman(0), "");
    }

    #[test]
    fn roman_numerals_parse_back() {
        assert_eq!(parse_roman("IV"), Some(4));
        assert_eq!(parse_roman("iv"), Some(4));
        assert_eq!(parse_roman(" XIX "), Some(19));
        assert_eq!(parse_roman("IIII"), None);
        assert_eq!(parse_roman("VX"), None);
        assert_eq!(parse_roman("IC"), None);
        assert_eq!(parse_roman(""), None);
        assert_eq!(parse_roman("4"), None);
        for n in 1..=3999 {
            assert_eq!(parse_roman(&roman(n)), Some(n), "{n}");
        }
    }
}
