//! The appendices, each in its own section (landscape for the wide tables, paginated
//! from 1): "PHỤ LỤC", the title in capitals, the "(Kèm theo Kế hoạch số …)" line, and
//! the table, whose header row repeats on every page.

use docx_rs::AlignmentType::{Center, Left, Right};

use super::body::Writer;
use super::style;
use super::tables::{self, Cell};
use super::text::Look;
use crate::render::view::AppendixView;

/// Write one appendix's blocks.
pub fn write(a: &AppendixView, w: &mut Writer) {
    w.sink.place = a.heading.to_lowercase();
    let head = w.runs(style::centred(0), &[(&a.heading, Look::default().bold())]);
    w.push(head);
    let title = w.runs(style::centred(0), &[(&a.title, Look::default().bold())]);
    w.push(title);
    let attach = w.runs(style::centred(8), &[(&a.attach, Look::size(13).italic())]);
    w.push(attach);
    let width = if a.flipped {
        style::landscape_width()
    } else {
        style::body_width()
    };
    if let Some(v) = &a.assignment {
        // The columns the view chose (only those some row fills), widths from the
        // view's shares; Typst's `auto` (the TT column) becomes a fixed width.
        let cols: Vec<Col> = v
            .columns
            .iter()
            .enumerate()
            .map(
                |(i, c)| match c.width.strip_suffix("fr").and_then(|f| f.parse().ok()) {
                    Some(f) => Col::Fr(f),
                    // TT, and the code column as wide as "Mã chỉ số" or "8.8.1.1" (the
                    // PDF's `auto` fits it on one line).
                    None if i == 0 => Col::Fix(600),
                    None => Col::Fix(1100),
                },
            )
            .collect();
        let headers: Vec<&str> = v.columns.iter().map(|c| c.header).collect();
        let widths = at_least_a_word(spread(width, &cols), &headers);
        let n = v.columns.len();
        let mut rows = Vec::new();
        for g in &v.groups {
            rows.push(vec![Cell {
                fill: Some("EBEBEB"),
                span: n,
                ..Cell::text(w.sink.clean(&g.heading), Look::default().bold())
            }]);
            for r in &g.rows {
                rows.push(
                    r.cells
                        .iter()
                        .map(|s| Cell::text(w.sink.clean(s), Look::default()))
                        .collect(),
                );
                for (label, text) in &r.inputs {
                    rows.push(vec![
                        Cell::text(String::new(), Look::default()),
                        Cell::text(w.sink.clean(label), Look::default()),
                        Cell {
                            span: n.saturating_sub(2),
                            ..Cell::text(w.sink.clean(text), Look::default())
                        },
                    ]);
                }
            }
        }
        let aligns: Vec<_> = v
            .columns
            .iter()
            .map(|c| if c.align == "center" { Center } else { Left })
            .collect();
        w.push(tables::data_table(&widths, &aligns, &headers, rows, 11));
    } else if let Some(m) = &a.missing {
        w.line(&[(m, Look::default())]);
    } else if let Some(b) = &a.budget {
        let unit = format!("Đơn vị tính: {}", b.unit);
        let p = w.runs(
            style::plain(4).align(Right),
            &[(&unit, Look::size(11).italic())],
        );
        w.push(p);
        use Col::{Fix, Fr};
        let widths = spread(
            width,
            &[
                Fix(700),
                Fr(3.0),
                Fr(1.5),
                Fr(2.0),
                Fix(1500),
                Fr(1.0),
                Fr(1.0),
            ],
        );
        let mut rows = Vec::new();
        let flag = |stated: &str| format!(" (kế hoạch ghi: {stated} — không khớp)");
        for r in &b.rows {
            let cells = if r.kind == "section" {
                let mut amount = vec![(w.sink.clean(&r.amount), Look::default().bold())];
                if let Some(s) = &r.stated {
                    amount.push((w.sink.clean(&flag(s)), Look::size(9).italic()));
                }
                vec![
                    Cell::text(w.sink.clean(&r.number), Look::default().bold()),
                    Cell::text(w.sink.clean(&r.name), Look::default().bold()),
                    Cell::text(String::new(), Look::default()),
                    Cell::text(String::new(), Look::default()),
                    Cell {
                        runs: amount,
                        ..Cell::text(String::new(), Look::default())
                    },
                    Cell::text(String::new(), Look::default()),
                    Cell::text(String::new(), Look::default()),
                ]
            } else {
                [
                    &r.number, &r.name, &r.lead, &r.goal, &r.amount, &r.period, &r.note,
                ]
                .iter()
                .map(|s| Cell::text(w.sink.clean(s), Look::default()))
                .collect()
            };
            rows.push(cells);
        }
        let mut total = vec![(w.sink.clean(&b.total), Look::default().bold())];
        if let Some(s) = &b.stated_total {
            total.push((w.sink.clean(&flag(s)), Look::size(9).italic()));
        }
        rows.push(vec![
            Cell::text(String::new(), Look::default()),
            Cell::text("TỔNG CỘNG".into(), Look::default().bold()),
            Cell::text(String::new(), Look::default()),
            Cell::text(String::new(), Look::default()),
            Cell {
                runs: total,
                ..Cell::text(String::new(), Look::default())
            },
            Cell::text(String::new(), Look::default()),
            Cell::text(String::new(), Look::default()),
        ]);
        w.push(tables::data_table(
            &widths,
            &[Center, Left, Left, Left, Right, Center, Left],
            &[
                "TT",
                "Nội dung",
                "Đơn vị chủ trì",
                "Mục tiêu",
                "Kinh phí",
                "Thời gian thực hiện",
                "Ghi chú",
            ],
            rows,
            11,
        ));
        if b.mismatches > 0 {
            let note = format!(
                "Ghi chú: các số cộng, tổng cộng do kehoach tính từ các dòng chi tiết; {} số \
                 ghi trong kế hoạch không khớp được ghi kèm.",
                b.mismatches
            );
            let p = w.runs(style::plain(0), &[(&note, Look::size(10).italic())]);
            w.push(p);
        }
    } else if let Some(b) = &a.baseline {
        let year = format!("Điểm đạt năm {}", b.year);
        use Col::{Fix, Fr};
        let widths = spread(width, &[Fix(900), Fr(3.0), Fix(1100), Fix(1300), Fr(2.0)]);
        let rows = b
            .indicators
            .iter()
            .map(|r| {
                [&r.code, &r.name, &r.max_points, &r.points, &r.note]
                    .iter()
                    .map(|s| Cell::text(w.sink.clean(s), Look::default()))
                    .collect()
            })
            .collect();
        w.push(tables::data_table(
            &widths,
            &[Center, Left, Center, Center, Left],
            &["Mã", "Chỉ số", "Điểm tối đa", &year, "Ghi chú"],
            rows,
            12,
        ));
    }
}

/// Widen any column narrower than the longest word of its header (11 pt bold, about
/// 125 twips a letter, plus the cell's margins), taking the difference from the widest
/// column: Word breaks a word that does not fit ("Điể-m tối đa").
fn at_least_a_word(mut widths: Vec<usize>, headers: &[&str]) -> Vec<usize> {
    for (i, h) in headers.iter().enumerate() {
        let word = h
            .split_whitespace()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0);
        let min = word * 125 + 240;
        if widths[i] >= min {
            continue;
        }
        let need = min - widths[i];
        let widest = (0..widths.len()).max_by_key(|&j| widths[j]).unwrap_or(i);
        if widest != i && widths[widest] > need + min {
            widths[widest] -= need;
            widths[i] = min;
        }
    }
    widths
}

/// A column: a fixed width in twips, or a share of what the fixed ones leave.
#[derive(Clone, Copy)]
enum Col {
    Fix(usize),
    Fr(f64),
}

/// Column widths over `width` twips (Typst's `auto` columns become fixed widths).
fn spread(width: usize, cols: &[Col]) -> Vec<usize> {
    let fixed: usize = cols
        .iter()
        .map(|c| if let Col::Fix(w) = c { *w } else { 0 })
        .sum();
    let shares: f64 = cols
        .iter()
        .map(|c| if let Col::Fr(f) = c { *f } else { 0.0 })
        .sum();
    let rest = width.saturating_sub(fixed) as f64;
    cols.iter()
        .map(|c| match c {
            Col::Fix(w) => *w,
            Col::Fr(f) => (rest * f / shares).floor() as usize,
        })
        .collect()
}
