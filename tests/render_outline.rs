//! The outline: the example of `docs/plan-format.md` (kept byte for byte as
//! `tests/fixtures/render/outline.yaml`) renders in the author's order, each task once,
//! nothing invented; the generated blocks say only what the data supports.

use std::path::PathBuf;

use kehoach::render::view::{self, BodyBlock};
use kehoach::render::{RenderOptions, render_plan};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load(rel: &str) -> kehoach::plan::LoadedPlan {
    match kehoach::plan::load_plan(&root().join(rel)) {
        Ok(l) => l,
        Err(kehoach::plan::LoadError::Invalid { diagnostics, .. }) => panic!("{diagnostics:#?}"),
        Err(e) => panic!("{e}"),
    }
}

fn pdf_text(pdf: &[u8]) -> String {
    let t = pdf_extract::extract_text_from_mem(pdf).unwrap();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_documented_example_is_the_fixture() {
    let doc = std::fs::read_to_string(root().join("docs/plan-format.md")).unwrap();
    let fixture =
        std::fs::read_to_string(root().join("tests/fixtures/render/outline.yaml")).unwrap();
    let start = doc.find("A complete plan with an outline").unwrap();
    let block = &doc[start..];
    let open = block.find("```yaml\n").unwrap() + "```yaml\n".len();
    let close = block[open..].find("```\n").unwrap();
    assert_eq!(&block[open..open + close], fixture);
}

#[test]
fn outline_order_numbering_and_each_task_once() {
    let loaded = load("tests/fixtures/render/outline.yaml");
    let cat = kehoach::catalogue::embedded();
    let v = view::build(&loaded.plan, cat);
    let marks: Vec<String> = v
        .body
        .iter()
        .filter_map(|b| match b {
            BodyBlock::Part { number, heading } => Some(format!("{number}. {heading}")),
            BodyBlock::Item { number, heading } => Some(format!("{number}. {heading}")),
            BodyBlock::Task(t) => Some(format!("{} {}", t.mark, t.id)),
            _ => None,
        })
        .collect();
    assert_eq!(
        marks,
        [
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Mục đích",
            "2. Yêu cầu",
            "II. HIỆN TRẠNG CHỈ SỐ DTI NĂM 2023",
            "III. NHIỆM VỤ, GIẢI PHÁP",
            "1. Sở Thông tin và Truyền thông",
            "a) nv-1",
            "b) nv-2",
            "2. Văn phòng Ủy ban nhân dân tỉnh",
            "a) nv-3",
            "IV. TỔ CHỨC THỰC HIỆN",
        ]
    );
    // Task lines only where asked: nv-3 (under task_fields: [deadline]) has one.
    let fields: Vec<(String, usize)> = v
        .body
        .iter()
        .filter_map(|b| match b {
            BodyBlock::Task(t) => Some((t.id.clone(), t.fields.len())),
            _ => None,
        })
        .collect();
    assert_eq!(
        fields,
        [("nv-1".into(), 0), ("nv-2".into(), 0), ("nv-3".into(), 1)]
    );

    let out = render_plan(&loaded.plan, &loaded.source, cat, &RenderOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let text = pdf_text(&out.pdf);
    for (needle, times) in [
        ("Tham mưu ban hành Kế hoạch hành động hằng năm", 1),
        ("Phê duyệt hồ sơ đề xuất cấp độ cho 100%", 1),
        ("Tham mưu Chủ tịch tham gia đầy đủ", 1),
        (
            "Văn bản chỉ đạo chuyên đề về chuyển đổi số do Chủ tịch tỉnh ký",
            3, // the appendix row, and the digest under its lead and its support
        ),
        ("Thời gian hoàn thành: Quý II/2024", 1),
        ("Cơ quan chủ trì", 1), // the appendix column header only
        ("(Chi tiết tại Phụ lục kèm theo)", 1),
        ("…", 0),
        ("chưa có số liệu", 1),
    ] {
        assert_eq!(
            text.matches(needle).count(),
            times,
            "“{needle}” in:\n{text}"
        );
    }
    // The ditto prints the agency it stands for, in the appendix row and the digest.
    assert!(!text.contains(" nt "), "{text}");
    // a) runs into the body of a task without a title.
    assert!(text.contains("a) Tham mưu ban hành"), "{text}");
    assert!(text.contains("b) Về an toàn thông tin"), "{text}");
}

#[test]
fn outline_errors_name_the_line() {
    let loaded = load("tests/fixtures/render/outline.yaml");
    let mut plan = loaded.plan.clone();
    if let Some(kehoach::plan::TaskSelector::Ids(ids)) =
        plan.outline[3].items[0].items[0].tasks.as_mut()
    {
        ids[1].value = "nv-9".into();
    } else {
        panic!("fixture changed");
    }
    let err = render_plan(
        &plan,
        &loaded.source,
        kehoach::catalogue::embedded(),
        &RenderOptions {
            typst_only: true,
            ..RenderOptions::default()
        },
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("outline.yaml:"), "{err}");
    assert!(err.contains("không có nhiệm vụ mã “nv-9”"), "{err}");
    assert!(err.contains("no task has the id “nv-9”"), "{err}");
}

#[test]
fn old_plans_without_outline_keep_the_standard_order() {
    let loaded = load("tests/fixtures/render/tien-giang-small.yaml");
    assert!(loaded.plan.outline.is_empty());
    let v = view::build(&loaded.plan, kehoach::catalogue::embedded());
    assert!(
        v.body
            .iter()
            .any(|b| matches!(b, BodyBlock::Part { number, .. } if number == "I")),
        "{:#?}",
        v.body
    );
}
