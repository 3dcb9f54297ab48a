//! Point letters and Roman numerals for headings. A private stand-in: the lead swaps it
//! for `crate::vn::letters` when that lands.

/// The point letters of Vietnamese administrative documents: no f, j, w, z; đ after d.
const LETTERS: [&str; 23] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

/// The point letter for a 1-based index: 1 → "a", 5 → "đ", 6 → "e". Past "y" (23) the
/// letters repeat doubled ("aa", "bb", …) rather than fail.
pub fn point_letter(n: usize) -> String {
    let n = n.max(1) - 1;
    LETTERS[n % LETTERS.len()].repeat(n / LETTERS.len() + 1)
}

/// A Roman numeral for 1..=3999 ("IV"); other values as Arabic digits.
pub fn roman(n: usize) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const TABLE: [(usize, &str); 13] = [
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
    let mut n = n;
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn d_then_dj_then_e_and_no_f() {
        let s: Vec<String> = (1..=13).map(point_letter).collect();
        assert_eq!(s.join(" "), "a b c d đ e g h i k l m n");
        assert_eq!(point_letter(23), "y");
        assert_eq!(point_letter(24), "aa");
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman(1), "I");
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(9), "IX");
        assert_eq!(roman(14), "XIV");
        assert_eq!(roman(0), "0");
    }
}
