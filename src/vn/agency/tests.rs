//! Registry tests, with the agency names the five seed plans write.

use super::*;

fn reg() -> &'static Registry {
    Registry::embedded()
}

fn canonical(name: &str) -> Option<&'static str> {
    reg().lookup(name).agency().map(|a| a.name.as_str())
}

#[test]
fn embedded_registry_loads() {
    let r = reg();
    assert!(r.agencies().len() >= 60, "{}", r.agencies().len());
    assert_eq!(
        r.get("so-tttt").map(|a| a.name.as_str()),
        Some("Sở Thông tin và Truyền thông")
    );
    let groups = r
        .agencies()
        .iter()
        .filter(|a| a.kind == AgencyKind::Group)
        .count();
    assert!(groups >= 15, "{groups}");
}

#[test]
fn canonical_names() {
    let hit = reg().lookup("Sở Thông tin và Truyền thông");
    assert!(
        matches!(hit, Lookup::Canonical(a) if a.id == "so-tttt"),
        "{hit:?}"
    );
    assert!(
        matches!(reg().lookup("  sở tài chính "), Lookup::Canonical(a) if a.id == "so-tai-chinh")
    );
    assert!(
        matches!(reg().lookup("Báo Cà Mau"), Lookup::Canonical(a) if a.kind == AgencyKind::Press)
    );
}

#[test]
fn aliases_of_the_department() {
    for s in ["Sở TT&TT", "Sở TT &TT", "Sở TT & TT", "STTTT", "Sở TT& TT"] {
        match reg().lookup(s) {
            Lookup::Alias { agency, alias } => {
                assert_eq!(agency.name, "Sở Thông tin và Truyền thông", "{s:?}");
                assert!(!alias.is_empty());
            }
            other => panic!("{s:?} → {other:?}"),
        }
    }
    match reg().lookup("Sở TT &TT") {
        Lookup::Alias { alias, .. } => assert_eq!(alias, "Sở TT&TT"),
        other => panic!("{other:?}"),
    }
    // Gia Lai 3015: the name with its abbreviation in brackets.
    assert!(matches!(
        reg().lookup("Sở Thông tin và Truyền thông (Sở TT &TT)"),
        Lookup::Canonical(a) if a.id == "so-tttt"
    ));
}

#[test]
fn groups() {
    for s in [
        "Các sở, ban, ngành tỉnh",
        "Các sở, ban, ngành",
        "Các sở, ban ngành",
        "UBND cấp huyện",
        "UBND các huyện, thành phố",
        "UBND các huyện, thị xã, thành phố",
        "Ủy ban nhân dân huyện, thị xã, thành phố",
        "UBND các xã, phường, thị trấn",
        "Các cơ quan, đơn vị có liên quan",
        "các doanh nghiệp viễn thông",
        "Các Doanh nghiệp viễn thông trên địa bàn tỉnh",
        "UBND huyện, thị xã, thành phố có quyết định phân công công chức, viên chức chuyên trách hoặc kiêm nhiệm về chuyển đổi số",
        "UBND các huyện, thị xã thành phố (sau đây gọi là cấp huyện)",
        "Các trường có đào tạo về chuyên ngành này (CNTT&TT)",
    ] {
        assert!(
            matches!(reg().lookup(s), Lookup::Group(_)),
            "{s:?} → {:?}",
            reg().lookup(s)
        );
    }
}

#[test]
fn province_bodies() {
    assert_eq!(
        canonical("Đài Phát thanh - Truyền hình Gia Lai"),
        Some("Đài Phát thanh - Truyền hình Gia Lai")
    );
    assert_eq!(
        canonical("Đài Phát thanh -Truyền hình Gia Lai"),
        Some("Đài Phát thanh - Truyền hình Gia Lai")
    );
    assert_eq!(canonical("Công an tỉnh"), Some("Công an tỉnh"));
    assert_eq!(
        canonical("Văn phòng Ủy ban nhân dân tỉnh"),
        Some("Văn phòng UBND tỉnh")
    );
    assert_eq!(
        canonical("Cổng TTĐT tỉnh"),
        Some("Cổng Thông tin điện tử tỉnh")
    );
    assert_eq!(
        canonical("Đài PT&TH"),
        Some("Đài Phát thanh - Truyền hình tỉnh")
    );
    assert_eq!(
        canonical("Sở LĐ-TB& XH"),
        Some("Sở Lao động - Thương binh và Xã hội")
    );
    assert_eq!(
        canonical("Sở Văn hoá, Thể thao và Du lịch"),
        Some("Sở Văn hóa, Thể thao và Du lịch")
    );
    assert_eq!(
        canonical("Bộ Thông tin và Truyền thông (báo cáo)"),
        Some("Bộ Thông tin và Truyền thông")
    );
}

/// Every lead and support cell of the Gia Lai 3015 and Tiền Giang 444 appendices that is
/// not cut off by the extraction, split and looked up.
#[test]
fn every_whole_seed_cell_resolves() {
    let cells = [
        "Sở Thông tin và Truyền thông; Văn phòng UBND tỉnh",
        "Các sở, ban, ngành; UBND cấp huyện và các đơn vị liên quan",
        "Sở TT &TT; Văn phòng UBND tỉnh",
        "Các sở, ban, ngành; UBND các huyện, thị xã thành phố (sau đây gọi là cấp huyện) và các đơn vị liên quan",
        "Sở Thông tin và Truyền thông; UBND cấp huyện; các doanh nghiệp viễn thông",
        "Sở Thông tin và Truyền thông; các doanh nghiệp Bưu chính",
        "Sở Kế hoạch và Đầu tư; Sở Thông tin và Truyền thông, Sở Công Thương; và các đơn vị liên quan",
        "Sở Lao động - Thương binh và Xã hội; Sở Giáo dục và Đào tạo",
        "Sở Thông tin và Truyền thông; UBND các huyện, thị xã, thành phố",
        "Ngân hàng Nhà nước Chi nhánh tỉnh Gia Lai",
        "Cục Thống kê; Sở Kế hoạch và Đầu tư",
        "Bưu điện tỉnh; Viettel Gia Lai",
        "UBND thành phố Pleiku; Sở Xây dựng",
        "Sở Tài chính; Sở Thông tin và Truyền thông; các cơ quan thành viên Ban chỉ đạo chuyển đổi số tỉnh",
        "Các sở, ban, ngành, UBND cấp huyện",
        "Các sở, ban ngành; UBND cấp huyện",
        "Sở Thông tin và Truyền thông; Sở Khoa học và Công nghệ",
        "Văn phòng UBND tỉnh; Các sở, ban, ngành tỉnh",
        "Các sở, ban, ngành tỉnh và UBND huyện, thị xã, thành phố",
        "Sở Tài chính; Sở Kế hoạch và Đầu tư; Sở Thông tin và Truyền thông",
        "Sở Kế hoạch và Đầu tư; Công an tỉnh; Bảo hiểm Xã hội tỉnh",
        "Trường Đại học Tiền Giang; Trường Cao đẳng Tiền Giang; Cao đẳng Y tế; Cao đẳng Nông nghiệp Nam Bộ",
        "Các doanh nghiệp viễn thông",
        "Các đơn vị có liên quan",
        "Sở Thông tin và Truyền thông; Các sở, ban, ngành tỉnh và UBND huyện, thị xã, thành phố",
        // Cà Mau 213.
        "UBND các huyện, thành phố; UBND các xã, phường, thị trấn",
        "Cổng TTĐT tỉnh. Trung tâm GQTTHC tỉnh",
        "Trung tâm GQTTHC tỉnh và Cổng TTĐT tỉnh",
        "Bưu điện tỉnh, UBND cấp huyện, cấp xã",
        "- Hiệp hội doanh nghiệp. - VNNIC.",
        "Tổ chức, doanh nghiệp cung cấp dịch vụ CKS",
        "Ngân hàng nhà nước chi nhánh tỉnh Cà Mau",
        "Sở LĐ-TB&XH",
        "Sở KH&ĐT",
    ];
    let mut names = 0;
    for cell in cells {
        for name in split_agencies(cell) {
            names += 1;
            assert!(reg().lookup(&name).is_known(), "{name:?} from {cell:?}");
        }
    }
    assert!(names >= 60, "{names}");
}

/// Recipients (Nơi nhận) of the four plans that have them, line by line.
#[test]
fn recipients_resolve() {
    let lines = [
        "Bộ Thông tin và Truyền thông;",
        "TU; HĐND;",
        "CT, các PCT UBND tỉnh;",
        "Các sở, ban, ngành, đoàn thể tỉnh;",
        "Bộ Chỉ huy quân sự tỉnh;",
        "Các ĐVSN thuộc UBND tỉnh;",
        "UBND các huyện, thành, thị;",
        "Báo Ấp Bắc, Đài PT&TH;",
        "BCĐ CCHC&CĐS tỉnh (báo cáo);",
        "Chủ tịch, các PCT UBND tỉnh;",
        "Các doanh nghiệp Viễn thông;",
        "Cổng thông tin điện tử tỉnh;",
        "Văn phòng Chính phủ;",
        "TT.TU, TT.HĐND tỉnh;",
        "TT.UB Mặt trận Tổ quốc tỉnh;",
        "Đài PTTH tỉnh, Báo Ấp Bắc;",
        "Thường trực Tỉnh ủy (báo cáo);",
        "Thường trực HĐND tỉnh (báo cáo);",
        "Chủ tịch, các Phó chủ tịch UBND tỉnh;",
        "Ban Chỉ đạo Chuyển đổi số tỉnh;",
        "Các sở, ban, ngành thuộc tỉnh;",
        "Ngân hàng Nhà nước chi nhánh tỉnh Gia Lai;",
        "Đài Phát thanh - Truyền hình Gia Lai;",
        "Các trường Đại học, Cao đẳng trên địa bàn tỉnh;",
        "Các Doanh nghiệp viễn thông trên địa bàn tỉnh;",
    ];
    for line in lines {
        for name in split_agencies(line) {
            assert!(reg().lookup(&name).is_known(), "{name:?} from {line:?}");
        }
    }
}

#[test]
fn misspellings_are_unknown_with_a_suggestion() {
    // As written in the sources; the linter reports them.
    let cases = [
        ("Văn phòng Ủy ban nhân tỉnh", "Văn phòng UBND tỉnh"),
        ("Công TTĐT tỉnh", "Cổng Thông tin điện tử tỉnh"),
        ("Đài PTTT tỉnh", "Đài Phát thanh - Truyền hình tỉnh"),
        ("Sở Thông tin và Truyền", "Sở Thông tin và Truyền thông"),
        ("Sở Tài chinh", "Sở Tài chính"),
        ("Sở TT&T", "Sở Thông tin và Truyền thông"),
    ];
    for (written, meant) in cases {
        assert_eq!(reg().lookup(written), Lookup::Unknown, "{written:?}");
        assert_eq!(reg().suggest(written), Some(meant), "{written:?}");
    }
    assert_eq!(reg().suggest("Phòng Cảnh sát giao thông"), None);
    assert_eq!(reg().suggest(""), None);
    assert_eq!(reg().lookup(""), Lookup::Unknown);
    assert_eq!(reg().lookup("nt"), Lookup::Unknown);
}

#[test]
fn a_province_registry_replaces_the_bundled_one() {
    let yaml = "agencies:\n  - id: so-khcn\n    name: Sở Khoa học và Công nghệ\n    short: Sở KH&CN\n    kind: department\n  - id: ubnd-cap-xa\n    name: UBND cấp xã\n    kind: group\n";
    let r = Registry::parse(yaml).expect("valid registry");
    assert_eq!(r.agencies().len(), 2);
    assert!(matches!(r.lookup("Sở KH & CN"), Lookup::Alias { .. }));
    assert_eq!(r.lookup("Sở TT&TT"), Lookup::Unknown);
}

#[test]
fn broken_registries_are_refused() {
    let err = Registry::parse("agencies:\n  - id: a\n    name: A\n    kind: planet\n")
        .expect_err("unknown kind");
    assert!(matches!(err, AgencyError::Yaml { line: 4, .. }), "{err}");
    let err =
        Registry::parse("agencies:\n  - id: a\n    name: A\n    kind: group\n    colour: red\n")
            .expect_err("unknown key");
    assert!(matches!(err, AgencyError::Yaml { .. }), "{err}");
    let dup = "agencies:\n  - {id: a, name: Sở A, kind: department}\n  - {id: a, name: Sở B, aliases: [sở  a], kind: department}\n  - {id: Bad Id, name: ' ', kind: group}\n";
    match Registry::parse(dup).expect_err("three problems") {
        AgencyError::Invalid { problems, .. } => {
            let en: Vec<&str> = problems.iter().map(|p| p.en.as_str()).collect();
            assert_eq!(en.len(), 4, "{en:?}");
            assert!(en[0].contains("used twice"), "{en:?}");
            assert!(en[1].contains("also a name of \"a\""), "{en:?}");
            assert!(en[2].contains("lower-case"), "{en:?}");
            assert!(en[3].contains("empty"), "{en:?}");
            assert!(problems[0].vi.contains("bị trùng"));
        }
        other => panic!("{other}"),
    }
}

#[test]
fn load_reads_a_file_and_names_it_in_errors() {
    let missing = std::path::Path::new("/nonexistent/agencies.yaml");
    let err = Registry::load(missing).expect_err("missing file");
    assert!(
        err.to_string().contains("/nonexistent/agencies.yaml"),
        "{err}"
    );
    let path = std::env::temp_dir().join(format!("kehoach-agencies-{}.yaml", std::process::id()));
    std::fs::write(
        &path,
        "agencies:\n  - {id: x, name: Sở X, kind: department}\n",
    )
    .expect("write");
    let r = Registry::load(&path).expect("loads");
    let _ = std::fs::remove_file(&path);
    assert_eq!(r.agencies()[0].name, "Sở X");
}

#[test]
fn a_province_registry_extends_the_bundled_one() {
    let own = Registry::parse(
        "agencies:\n  - {id: phong-cds, name: Phòng Chuyển đổi số, kind: unit}\n  - {id: so-tttt, name: Sở Thông tin và Truyền thông, short: Sở TTTT, aliases: [Sở Thông tin - Truyền thông], kind: department}\n",
    )
    .expect("valid registry");
    let path = std::path::Path::new("province.yaml");
    let r = reg()
        .extended(own.agencies().to_vec(), path)
        .expect("extends");
    // The new body is known, the bundled ones are still there, and the province's entry
    // for an id the bundle has replaces it (one agency, not two).
    assert_eq!(
        canonical_in(&r, "Phòng Chuyển đổi số"),
        Some("Phòng Chuyển đổi số")
    );
    assert!(r.lookup("Sở Nội vụ").is_known());
    assert_eq!(r.agencies().len(), reg().agencies().len() + 1);
    assert!(matches!(
        r.lookup("Sở Thông tin - Truyền thông"),
        Lookup::Alias { .. }
    ));
    // A name the bundle gives another agency is refused, naming the province's file.
    let clash = Registry::parse(
        "agencies:\n  - {id: so-x, name: Sở X, aliases: [Sở Nội vụ], kind: department}\n",
    )
    .expect("valid alone");
    let err = reg()
        .extended(clash.agencies().to_vec(), path)
        .expect_err("a clash");
    assert!(err.to_string().contains("province.yaml"), "{err}");
}

fn canonical_in<'a>(r: &'a Registry, name: &str) -> Option<&'a str> {
    r.lookup(name).agency().map(|a| a.name.as_str())
}

fn day(s: &str) -> crate::vn::Date {
    crate::vn::Date::parse_iso(s).unwrap()
}

#[test]
fn provinces_63_before_and_34_after_the_reorganisation() {
    let r = reg();
    assert_eq!(r.provinces_on(day("2025-06-30")).len(), 63);
    assert_eq!(r.provinces_on(day("2025-07-01")).len(), 34);
    assert_eq!(r.provinces_on(day("2023-10-23")).len(), 63);
    let cities = r
        .provinces_on(day("2026-01-01"))
        .iter()
        .filter(|p| p.kind == ProvinceKind::City)
        .count();
    assert_eq!(cities, 6);
    // Thừa Thiên Huế became the city of Huế on 01/01/2025.
    assert!(
        r.province("Thừa Thiên Huế")
            .unwrap()
            .exists_on(day("2024-12-31"))
    );
    assert!(!r.province("Huế").unwrap().exists_on(day("2024-12-31")));
}

#[test]
fn province_mapping_follows_the_merger() {
    let r = reg();
    let on = day("2026-03-01");
    for (old, new) in [
        ("Tiền Giang", "Đồng Tháp"),
        ("Bạc Liêu", "Cà Mau"),
        ("Bình Định", "Gia Lai"),
        ("Hà Giang", "Tuyên Quang"),
        ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"),
        ("Thừa Thiên Huế", "Huế"),
        ("Tuyên Quang", "Tuyên Quang"),
    ] {
        let p = r.province(old).unwrap_or_else(|| panic!("{old}"));
        assert_eq!(
            r.province_successor_on(p, on).map(|p| p.name.as_str()),
            Some(new),
            "{old}"
        );
    }
    // Each of the 34 units of 2026 is the successor of at least itself.
    let before = r.provinces_on(day("2025-06-30"));
    let mut reached: Vec<&str> = before
        .iter()
        .filter_map(|p| r.province_successor_on(p, on).map(|s| s.name.as_str()))
        .collect();
    reached.sort();
    reached.dedup();
    assert_eq!(reached.len(), 34);
}

#[test]
fn agencies_know_time() {
    let r = reg();
    let tttt = r.get("so-tttt").unwrap();
    assert!(tttt.exists_on(day("2023-10-23")));
    assert!(tttt.exists_on(day("2025-02-28")));
    assert!(!tttt.exists_on(day("2025-03-01")));
    let names = |id: &str, d: &str| -> Vec<String> {
        r.successors_on(r.get(id).unwrap(), day(d))
            .iter()
            .map(|a| a.name.clone())
            .collect()
    };
    assert_eq!(names("so-tttt", "2026-01-05"), ["Sở Khoa học và Công nghệ"]);
    assert_eq!(
        names("so-tttt", "2024-01-05"),
        ["Sở Thông tin và Truyền thông"]
    );
    assert_eq!(
        names("so-tnmt", "2026-01-05"),
        ["Sở Nông nghiệp và Môi trường"]
    );
    assert_eq!(names("so-ldtbxh", "2026-01-05").len(), 3);
    assert_eq!(names("ubnd-cap-huyen", "2025-07-01"), ["UBND cấp xã"]);
    assert_eq!(names("ubnd-cap-huyen", "2025-06-30"), ["UBND cấp huyện"]);
    assert!(names("ubnd-tp-pleiku", "2026-01-05").is_empty());
    // Not yet: the Sở Nông nghiệp và Môi trường did not exist in 2023.
    assert!(!r.get("so-nnmt").unwrap().exists_on(day("2023-10-23")));
}

#[test]
fn time_problems_are_refused() {
    let bad = "agencies:\n  - id: a\n    name: A\n    kind: department\n    until: 2025-03-01\n    successor: b\n  - id: b\n    name: B\n    kind: department\n    until: 2025-03-01\n    successor: a\n  - id: c\n    name: C\n    kind: department\n    successor: zz\n    from: 2025-03-01\n    until: 2024-01-01\nprovinces:\n  - { name: X, kind: province, until: 2025-07-01, successor: Y }\n";
    let err = Registry::parse(bad).unwrap_err().to_string();
    assert!(err.contains("succeeds itself"), "{err}");
    assert!(err.contains("\"zz\""), "{err}");
    assert!(err.contains("must come before"), "{err}");
    assert!(err.contains("successor \"Y\""), "{err}");
    let date = "agencies:\n  - id: a\n    name: A\n    kind: department\n    until: 01/3/2025\n";
    let err = Registry::parse(date).unwrap_err().to_string();
    assert!(err.contains("ISO date"), "{err}");
}

/// The trigram index answers as the scan of every spelling does, on misspellings of every
/// spelling in the registry (a letter dropped, doubled, changed; cut off; words swapped)
/// and on unrelated and very long names.
#[test]
fn the_suggestion_index_agrees_with_a_scan() {
    let index = &reg().suggest_index;
    let mut names: Vec<String> = vec![
        String::new(),
        "x".repeat(5000),
        "Phòng Cảnh sát giao thông".into(),
        "Ban quản lý dự án".into(),
        "sở".into(),
    ];
    for a in reg().agencies() {
        for s in spellings(a) {
            let key = normalise_key(s);
            let chars: Vec<char> = key.chars().collect();
            let n = chars.len();
            names.push(key.clone());
            for at in [n / 2, n.saturating_sub(1)] {
                let mut dropped = chars.clone();
                if at < n {
                    dropped.remove(at);
                }
                names.push(dropped.iter().collect());
                let mut doubled = chars.clone();
                if at < n {
                    doubled.insert(at, chars[at]);
                }
                names.push(doubled.iter().collect());
                let mut changed = chars.clone();
                if at < n {
                    changed[at] = 'q';
                }
                names.push(changed.iter().collect());
            }
            names.push(chars[..n * 2 / 3].iter().collect());
            names.push(chars[..n.min(9)].iter().collect());
            let mut words: Vec<&str> = key.split(' ').collect();
            words.reverse();
            names.push(words.join(" "));
            names.push(format!("{key} tỉnh tiền giang"));
        }
    }
    let mut suggested = 0;
    for name in &names {
        let fast = index.best(name, SUGGEST_THRESHOLD);
        assert_eq!(fast, index.scan(name, SUGGEST_THRESHOLD), "{name:?}");
        suggested += usize::from(fast.is_some());
    }
    // Not a vacuous agreement: most of the variants do get a suggestion.
    assert!(
        suggested * 2 > names.len(),
        "{suggested} of {}",
        names.len()
    );
}
