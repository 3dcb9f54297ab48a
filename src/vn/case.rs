//! Lower-casing Vietnamese text quickly, with exactly the result of [`str::to_lowercase`].
//!
//! The text rules lower-case every long field they search, and std looks up each letter
//! outside ASCII in its case table by binary search: 22 % of the letters of the bundled
//! plans. Here ASCII runs are copied and lower-cased in place, and the letters below U+2000
//! (Latin-1, Latin Extended-A and B, Latin Extended Additional: every Vietnamese letter)
//! come from a table built from std's own mapping on first use.

/// Characters below this are looked up in the table.
const TABLE: usize = 0x2000;

/// `s.to_lowercase()`, byte for byte.
pub fn lower(s: &str) -> String {
    static LOWER: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
        (0..TABLE as u32)
            .map(|u| {
                let Some(c) = char::from_u32(u) else {
                    return '\0';
                };
                let mut l = c.to_lowercase();
                match (l.next(), l.next()) {
                    // Σ lower-cases by its context (ς at a word's end): std decides.
                    (Some(one), None) if c != 'Σ' => one,
                    _ => '\0',
                }
            })
            .collect()
    });
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        let start = i;
        while i < b.len() && b[i].is_ascii() {
            i += 1;
        }
        if i > start {
            let at = out.len();
            out.push_str(&s[start..i]);
            out[at..].make_ascii_lowercase();
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let l = LOWER.get(c as usize).copied().unwrap_or('\0');
        if l != '\0' {
            out.push(l);
        } else if c == 'Σ' {
            return s.to_lowercase();
        } else {
            out.extend(c.to_lowercase());
        }
        i += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_is_std_lowercase() {
        // Every character alone, after a letter and before one (Σ's context), and in a
        // Vietnamese sentence.
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            for t in [
                c.to_string(),
                format!("A{c}"),
                format!("{c}b"),
                format!("KẾ HOẠCH {c} Tỉnh"),
            ] {
                assert_eq!(lower(&t), t.to_lowercase(), "{t:?}");
            }
        }
        for t in [
            "",
            "ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG",
            "ΟΔΟΣ ΣΑΣ Σ.",
            "İstanbul ǅ ẞ Ω K Å",
            "Chuyển Đổi Số 2025 — “Sở KH&CN”",
        ] {
            assert_eq!(lower(t), t.to_lowercase(), "{t:?}");
        }
        // Random mixtures of ASCII, Vietnamese and other scripts.
        let pool: Vec<char> = "aZ 9.,ĐđƯứỆễÀÝΣσΑİ\u{130}ǅǈ中😀\u{301}ΌẞÅ\u{2126}"
            .chars()
            .collect();
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            let mut t = String::new();
            for _ in 0..(seed % 23) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                t.push(pool[(seed % pool.len() as u64) as usize]);
            }
            assert_eq!(lower(&t), t.to_lowercase(), "{t:?}");
        }
    }
}
