//! `kehoach catalogue import` / `export`: the bundled 922 catalogue written out as the
//! decision's appendix table (CSV and XLSX) and read back gives every code, name, max
//! points and method text; a broken table is refused with its row numbers.

use std::process::Command;

use kehoach::catalogue::table::{self, Header};
use kehoach::catalogue::{self, Catalogue, CatalogueLevel, Decision};

/// A scratch directory, removed when the guard goes.
fn dir(name: &str) -> crate::scratch::Scratch {
    crate::scratch::Scratch::new("table", name)
}

fn header_922(cat: &Catalogue) -> Header {
    Header {
        id: cat.id.value.clone(),
        title: cat.title.clone(),
        decision: cat.decision.clone(),
        level: cat.level,
        total_points: Some(cat.total_points.value),
    }
}

/// (code, name, max points, method) of every entry, in catalogue order.
fn facts(cat: &Catalogue) -> Vec<(String, String, Option<f64>, Option<String>)> {
    cat.walk()
        .iter()
        .map(|w| {
            (
                w.entry.code.value.clone(),
                w.entry.name.clone(),
                w.entry.max_points.as_ref().map(|m| m.value),
                w.entry.method.clone(),
            )
        })
        .collect()
}

fn round_trip(path: &std::path::Path) {
    let cat = catalogue::embedded();
    let t = table::read(path).unwrap();
    let back = table::to_catalogue(&t, &header_922(cat)).unwrap_or_else(|p| {
        panic!(
            "{}",
            p.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    let (want, got) = (facts(cat), facts(&back));
    assert_eq!(want.len(), got.len());
    assert!(want.len() > 100, "{}", want.len());
    for (w, g) in want.iter().zip(&got) {
        assert_eq!(w, g);
    }
    // Groups and pillars of the main indices come back too.
    for (a, b) in cat.indices.iter().zip(&back.indices) {
        assert_eq!(a.group, b.group, "{}", a.code.value);
        assert_eq!(a.pillar, b.pillar, "{}", a.code.value);
    }
}

#[test]
fn the_bundled_catalogue_round_trips_through_csv() {
    let d = dir("csv");
    let p = d.path().join("dti-922.csv");
    std::fs::write(
        &p,
        table::write_csv(&table::from_catalogue(catalogue::embedded())),
    )
    .unwrap();
    round_trip(&p);
}

#[test]
fn the_bundled_catalogue_round_trips_through_xlsx() {
    let d = dir("xlsx");
    let p = d.path().join("dti-922.xlsx");
    let bytes = table::write_xlsx(&table::from_catalogue(catalogue::embedded())).unwrap();
    std::fs::write(&p, bytes).unwrap();
    round_trip(&p);
}

#[test]
fn the_cli_exports_and_imports_a_valid_catalogue_file() {
    let d = dir("cli");
    let xlsx = d.path().join("template.xlsx");
    let yaml = d.path().join("imported.yaml");
    let exe = env!("CARGO_BIN_EXE_kehoach");
    let out = Command::new(exe)
        .args(["catalogue", "export", "--format", "xlsx", "--out"])
        .arg(&xlsx)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = Command::new(exe)
        .args(["catalogue", "import"])
        .arg(&xlsx)
        .args([
            "--id",
            "dti-922-imported",
            "--decision",
            "922/QĐ-BTTTT",
            "--date",
            "2022-05-20",
            "--issuer",
            "Bộ Thông tin và Truyền thông",
            "--level",
            "province",
            "--out",
        ])
        .arg(&yaml)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let back = catalogue::load(&yaml).unwrap();
    assert_eq!(back.level, CatalogueLevel::Province);
    assert_eq!(back.decision.number, "922/QĐ-BTTTT");
    assert_eq!(facts(&back), facts(catalogue::embedded()));
    // The same input gives the same bytes.
    let first = std::fs::read(&yaml).unwrap();
    let again = Command::new(exe)
        .args(["catalogue", "import"])
        .arg(&xlsx)
        .args([
            "--id",
            "dti-922-imported",
            "--decision",
            "922/QĐ-BTTTT",
            "--date",
            "2022-05-20",
            "--issuer",
            "Bộ Thông tin và Truyền thông",
        ])
        .output()
        .unwrap();
    assert_eq!(again.stdout, first);
}

#[test]
fn a_broken_table_is_refused_with_its_rows() {
    let csv = "\u{feff}PHỤ LỤC I — BỘ CHỈ SỐ\n\
STT/Mã;Tên chỉ số;Thang điểm;Cách xác định và tính điểm\n\
1;Nhận thức số;20;\n\
1.1;Trưởng ban chỉ đạo;10;- Bí thư/Chủ tịch: tối đa\n\
1.1;Trùng mã;5;\n\
1.x;Mã sai;5;\n\
2.3;Không có chỉ số cha;5;\n\
1.2;;5;\n\
1.3;Điểm chữ;năm điểm;\n\
;Dòng không mã;;\n\
I;NHÓM CHỈ SỐ HOẠT ĐỘNG;;\n\
3;Chính quyền số;;\n";
    let t = table::parse_csv(csv).unwrap();
    let header = Header {
        id: "broken".into(),
        title: "broken".into(),
        decision: Decision {
            number: "1/QĐ-X".into(),
            date: "2025-01-01".into(),
            issuer: "X".into(),
            title: None,
        },
        level: CatalogueLevel::Province,
        total_points: Some(1000.0),
    };
    let problems = table::to_catalogue(&t, &header).unwrap_err();
    let rows: Vec<usize> = problems.iter().map(|p| p.row).collect();
    assert_eq!(rows, [5, 6, 7, 8, 9, 10], "{problems:#?}");
    let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert!(text[0].contains("first at row 4"), "{}", text[0]);
    assert!(text[2].contains("no parent 2"), "{}", text[2]);
    assert!(text[4].contains("\"năm điểm\""), "{}", text[4]);
    // The heading row "I" is skipped, and index 3 with no points yet is allowed.
    let ok = table::parse_csv("STT;Tên chỉ số;Điểm tối đa\n1;A;\n1.1;B;\n2;C;40\n").unwrap();
    let cat = table::to_catalogue(&ok, &header).unwrap();
    assert_eq!(cat.walk().len(), 3);
    assert!(cat.indices[0].max_points.is_none());
}

#[test]
fn sums_that_do_not_add_up_name_the_parent_row() {
    let t = table::parse_csv("STT/Mã,Tên chỉ số,Điểm tối đa\n1,A,20\n1.1,B,10\n1.2,C,5\n").unwrap();
    let header = Header {
        id: "x".into(),
        title: "x".into(),
        decision: Decision {
            number: "1/QĐ-X".into(),
            date: "2025-01-01".into(),
            issuer: "X".into(),
            title: None,
        },
        level: CatalogueLevel::Commune,
        total_points: None,
    };
    let problems = table::to_catalogue(&t, &header).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].row, 2);
    assert!(problems[0].en.contains("do not add up"), "{}", problems[0]);
}

#[test]
fn headers_are_found_by_name() {
    use table::Column;
    assert_eq!(Column::from_header("STT/Mã"), Some(Column::Code));
    assert_eq!(Column::from_header(" Tên chỉ số "), Some(Column::Name));
    assert_eq!(Column::from_header("THANG ĐIỂM"), Some(Column::MaxPoints));
    assert_eq!(Column::from_header("Điểm tối đa"), Some(Column::MaxPoints));
    assert_eq!(
        Column::from_header("Cách xác định và tính điểm"),
        Some(Column::Method)
    );
    assert_eq!(
        Column::from_header("Tài liệu kiểm chứng (*)"),
        Some(Column::Evidence)
    );
    assert_eq!(Column::from_header("Ghi chú"), None);
}
