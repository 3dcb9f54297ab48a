//! Agency names as text: the comparison key ([`normalise_key`]) and splitting a table cell
//! that names several agencies ([`split_agencies`]).

/// The key agency names are compared by: trimmed, bullets and trailing punctuation
/// dropped, one space, commas ignored, no spaces around "&", "-" and "/", dashes unified,
/// lower case, and old-style tone placement ("Uỷ", "hoá") read as new style ("Ủy", "hóa").
/// Diacritics are kept: "Sở Tài chính" and "Sở Tai chinh" are different keys.
///
/// `normalise_key("  Sở TT & TT; ")` = `normalise_key("Sở TT&TT")` = "sở tt&tt".
pub fn normalise_key(name: &str) -> String {
    // Plans repeat the same agency names (within a plan and across a province's plans):
    // each thread keeps the keys it made, up to a bound.
    thread_local! {
        static KEYS: std::cell::RefCell<foldhash::HashMap<String, String>> =
            std::cell::RefCell::new(foldhash::HashMap::default());
    }
    const KEPT: usize = 8192;
    if let Some(key) = KEYS.with(|k| k.borrow().get(name).cloned()) {
        return key;
    }
    let key = make_key(name);
    KEYS.with(|k| {
        let mut k = k.borrow_mut();
        if k.len() >= KEPT {
            k.clear();
        }
        k.insert(name.to_string(), key.clone());
    });
    key
}

fn make_key(name: &str) -> String {
    let unified: String = name
        .chars()
        .map(|c| match c {
            '\u{2013}' | '\u{2014}' | '\u{2212}' | '\u{2010}' | '\u{2011}' => '-',
            ',' => ' ',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    let mut s = unified.split_whitespace().collect::<Vec<_>>().join(" ");
    for sep in ["&", "-", "/"] {
        s = s
            .replace(&format!(" {sep}"), sep)
            .replace(&format!("{sep} "), sep);
    }
    let s = s.trim_start_matches(['-', '+', '*', '•', ' ']);
    let s = s.trim_end_matches(['.', ';', ':', ' ', '-']);
    let s = s.strip_prefix("và ").unwrap_or(s);
    s.split(' ')
        .map(new_style_tone)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Move a tone mark from the last vowel of a word-final "oa", "oe", "uy" to the first
/// ("hoá" → "hóa", "uỷ" → "ủy"), except after "q" ("quý" is spelt one way).
fn new_style_tone(word: &str) -> String {
    const A: [char; 5] = ['à', 'á', 'ả', 'ã', 'ạ'];
    const E: [char; 5] = ['è', 'é', 'ẻ', 'ẽ', 'ẹ'];
    const Y: [char; 5] = ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'];
    const O: [char; 5] = ['ò', 'ó', 'ỏ', 'õ', 'ọ'];
    const U: [char; 5] = ['ù', 'ú', 'ủ', 'ũ', 'ụ'];
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if n < 2 {
        return word.to_string();
    }
    let (first, last) = (chars[n - 2], chars[n - 1]);
    let before = if n >= 3 { Some(chars[n - 3]) } else { None };
    let moved = match first {
        'o' => A
            .iter()
            .position(|&c| c == last)
            .map(|i| (O[i], 'a'))
            .or_else(|| E.iter().position(|&c| c == last).map(|i| (O[i], 'e'))),
        'u' if before != Some('q') => Y.iter().position(|&c| c == last).map(|i| (U[i], 'y')),
        _ => None,
    };
    match moved {
        Some((v1, v2)) => chars[..n - 2].iter().chain([v1, v2].iter()).collect(),
        None => word.to_string(),
    }
}

/// Words that begin an agency name; after a separator other than ";" a new agency starts
/// only where one of these follows. Case-sensitive: "Các sở, ban, ngành" stays whole
/// because "ban" is not "Ban".
const HEADS: &[&str] = &[
    "Sở",
    "UBND",
    "Ủy ban",
    "Uỷ ban",
    "Văn phòng",
    "Công an",
    "Cục",
    "Chi cục",
    "Báo",
    "Đài",
    "Cổng",
    "Bưu điện",
    "Ngân hàng",
    "Bảo hiểm",
    "Trường",
    "Trung tâm",
    "Thanh tra",
    "Ban",
    "Bộ",
    "Hội",
    "Hiệp hội",
    "Tỉnh ủy",
    "Tỉnh đoàn",
    "HĐND",
    "Hội đồng",
    "Liên đoàn",
    "Mặt trận",
    "BCĐ",
    "Viettel",
    "VNPT",
    "Các",
    "các",
    "Thường trực",
    "Chủ tịch",
];

fn starts_agency(rest: &str) -> bool {
    let rest = rest.trim_start_matches(['-', '+', '•', ' ']);
    let starts_head = HEADS.iter().any(|h| {
        rest.strip_prefix(h)
            .is_some_and(|after| after.is_empty() || after.starts_with([' ', ':']))
    });
    // An abbreviation in capitals: "VNNIC", "PCVP UBND tỉnh".
    let word = rest.split([' ', ',', ';']).next().unwrap_or("");
    let abbreviation = word.chars().count() >= 3
        && word
            .chars()
            .all(|c| c.is_uppercase() || c == '&' || c == '.')
        && word.chars().any(char::is_alphabetic);
    starts_head || abbreviation
}

/// Split a cell naming several agencies: "Sở TT&TT; Sở Tài chính",
/// "Sở Tài chính, Sở Kế hoạch và Đầu tư", "Các sở, ban, ngành tỉnh và UBND huyện, thị xã,
/// thành phố". ";" and line breaks always separate; ",", "." , " - " and " và " separate
/// only when an agency name follows ("Các sở, ban, ngành" and "Sở Văn hóa, Thể thao và Du
/// lịch" stay whole). Nothing inside parentheses is split. Pieces are trimmed of bullets,
/// punctuation and a leading "và"; empty pieces are dropped.
pub fn split_agencies(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > 0 {
            continue;
        }
        let after = i + c.len_utf8();
        let cut = match c {
            ';' | '\n' => Some(after),
            ',' => starts_agency(&text[after..]).then_some(after),
            // "TT.HĐND tỉnh", "P.KT" are abbreviations, not two names.
            '.' => {
                (text[after..].starts_with(' ') && starts_agency(&text[after..])).then_some(after)
            }
            ' ' => {
                let rest = &text[after..];
                ["và ", "- ", "– "]
                    .iter()
                    .find_map(|sep| rest.strip_prefix(sep).map(|r| (sep.len(), r)))
                    .filter(|(_, r)| starts_agency(r))
                    .map(|(len, _)| after + len)
            }
            _ => None,
        };
        if let Some(next) = cut {
            parts.push(&text[start..i]);
            start = next;
            while iter.peek().is_some_and(|(j, _)| *j < next) {
                iter.next();
            }
        }
    }
    parts.push(&text[start..]);
    parts.into_iter().filter_map(clean_piece).collect()
}

fn clean_piece(piece: &str) -> Option<String> {
    let p = piece
        .trim()
        .trim_start_matches(['-', '+', '•', '–', ' '])
        .trim_end_matches([',', '.', ';', ':', ' ']);
    let p = p.strip_prefix("và ").unwrap_or(p).trim();
    (!p.is_empty()).then(|| p.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_spacing_case_and_ampersand_spacing() {
        for s in [
            "Sở TT&TT",
            "Sở TT &TT",
            "Sở TT & TT",
            "sở tt& tt;",
            "  - Sở  TT&TT. ",
        ] {
            assert_eq!(normalise_key(s), "sở tt&tt", "{s:?}");
        }
        assert_eq!(
            normalise_key("Đài Phát thanh -Truyền hình Gia Lai"),
            normalise_key("Đài Phát thanh – Truyền hình Gia Lai")
        );
        assert_eq!(
            normalise_key("Các sở, ban ngành"),
            normalise_key("Các sở, ban, ngành")
        );
        assert_eq!(
            normalise_key("và các đơn vị liên quan"),
            "các đơn vị liên quan"
        );
    }

    #[test]
    fn keys_keep_diacritics_but_unify_tone_placement() {
        assert_ne!(normalise_key("Sở Tài chính"), normalise_key("Sở Tai chinh"));
        assert_eq!(
            normalise_key("Uỷ ban nhân dân tỉnh"),
            "ủy ban nhân dân tỉnh"
        );
        assert_eq!(
            normalise_key("Sở Văn hoá, Thể thao và Du lịch"),
            normalise_key("Sở Văn hóa, Thể thao và Du lịch")
        );
        assert_eq!(normalise_key("Quý"), "quý");
    }

    #[test]
    fn splits_on_semicolons() {
        assert_eq!(
            split_agencies("Sở TT&TT; Sở Tài chính"),
            ["Sở TT&TT", "Sở Tài chính"]
        );
        assert_eq!(
            split_agencies("Sở TT & TT; Sở Tài chính; Sở Kế"),
            ["Sở TT & TT", "Sở Tài chính", "Sở Kế"]
        );
        assert_eq!(
            split_agencies("Các sở, ban, ngành tỉnh;"),
            ["Các sở, ban, ngành tỉnh"]
        );
    }

    #[test]
    fn group_names_with_commas_stay_whole() {
        assert_eq!(split_agencies("Các sở, ban, ngành"), ["Các sở, ban, ngành"]);
        assert_eq!(
            split_agencies("Các cơ quan, đơn vị có liên quan"),
            ["Các cơ quan, đơn vị có liên quan"]
        );
        assert_eq!(
            split_agencies("UBND các huyện, thị xã, thành phố"),
            ["UBND các huyện, thị xã, thành phố"]
        );
        assert_eq!(
            split_agencies("Sở Văn hóa, Thể thao và Du lịch"),
            ["Sở Văn hóa, Thể thao và Du lịch"]
        );
        assert_eq!(
            split_agencies("Sở Lao động - Thương binh và Xã hội"),
            ["Sở Lao động - Thương binh và Xã hội"]
        );
        assert_eq!(
            split_agencies("Sở Thông tin và Truyền thông"),
            ["Sở Thông tin và Truyền thông"]
        );
    }

    #[test]
    fn splits_on_commas_and_và_before_an_agency() {
        assert_eq!(
            split_agencies("Sở Tài chính, Sở Kế hoạch và Đầu tư"),
            ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]
        );
        // Gia Lai 3015: group, then a second group after a comma.
        assert_eq!(
            split_agencies("Các sở, ban, ngành, UBND cấp huyện"),
            ["Các sở, ban, ngành", "UBND cấp huyện"]
        );
        // Tiền Giang 444.
        assert_eq!(
            split_agencies("Các sở, ban, ngành tỉnh và UBND huyện, thị xã, thành phố"),
            ["Các sở, ban, ngành tỉnh", "UBND huyện, thị xã, thành phố"]
        );
        assert_eq!(
            split_agencies("Sở TT&TT và các cơ quan, đơn vị có liên quan"),
            ["Sở TT&TT", "các cơ quan, đơn vị có liên quan"]
        );
        assert_eq!(
            split_agencies("Sở Thông tin và Truyền thông, Sở Công Thương; và các đơn vị liên quan"),
            [
                "Sở Thông tin và Truyền thông",
                "Sở Công Thương",
                "các đơn vị liên quan"
            ]
        );
        // Recipients: "Báo Ấp Bắc, Đài PT&TH", "CT, các PCT UBND tỉnh".
        assert_eq!(
            split_agencies("Báo Ấp Bắc, Đài PT&TH"),
            ["Báo Ấp Bắc", "Đài PT&TH"]
        );
        assert_eq!(
            split_agencies("CT, các PCT UBND tỉnh"),
            ["CT", "các PCT UBND tỉnh"]
        );
        // Cà Mau 213: ". " between two names, and bullets.
        assert_eq!(
            split_agencies("Cổng TTĐT tỉnh. Trung tâm GQTTHC tỉnh"),
            ["Cổng TTĐT tỉnh", "Trung tâm GQTTHC tỉnh"]
        );
        assert_eq!(
            split_agencies("- Hiệp hội doanh nghiệp. - VNNIC."),
            ["Hiệp hội doanh nghiệp", "VNNIC"]
        );
    }

    #[test]
    fn parentheses_are_never_split() {
        assert_eq!(
            split_agencies("Sở Thông tin và Truyền thông (Sở TT &TT)"),
            ["Sở Thông tin và Truyền thông (Sở TT &TT)"]
        );
        assert_eq!(
            split_agencies(
                "UBND các huyện, thị xã thành phố (sau đây gọi là cấp huyện) và các đơn vị liên quan"
            ),
            [
                "UBND các huyện, thị xã thành phố (sau đây gọi là cấp huyện)",
                "các đơn vị liên quan"
            ]
        );
    }

    #[test]
    fn blanks_give_nothing() {
        assert!(split_agencies("").is_empty());
        assert!(split_agencies(" ; ; ").is_empty());
    }
}
