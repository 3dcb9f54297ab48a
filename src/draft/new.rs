//! `kehoach new`: a draft plan from a catalogue. Every indicator and sub-indicator becomes
//! an assignment row with the catalogue's name, max points and method; every main index a
//! heading row of the assignment appendix. What only the author can decide is left blank
//! (lead, support, deadline, target), and the plan is a draft (no number, no date), so the
//! linter's findings on it are exactly the list of what is left to fill in.

use crate::catalogue::{Catalogue, Entry};
use crate::plan::{Appendix, AppendixGroup, AppendixKind, Document, Figure, Plan, Task};
use crate::source::Spanned;

/// What the author says about the new plan.
#[derive(Clone, Debug)]
pub struct NewPlan {
    /// Địa danh: "Gia Lai".
    pub place: String,
    /// The year the plan is for.
    pub year: i32,
    /// The issuer in running text; default "Ủy ban nhân dân tỉnh {place}".
    pub issuer: Option<String>,
}

impl NewPlan {
    /// The issuer's name in running text.
    pub fn issuer_name(&self) -> String {
        self.issuer
            .clone()
            .unwrap_or_else(|| format!("Ủy ban nhân dân tỉnh {}", self.place))
    }
}

/// Keys `new` writes even when empty: the blanks the author fills in.
pub const BLANKS: &[&str] = &["lead", "support"];

/// The header comment of a new plan file.
pub fn header(cat: &Catalogue, new: &NewPlan) -> String {
    format!(
        "# yaml-language-server: $schema=plan.schema.json\n\
         # Dự thảo kế hoạch tạo bởi `kehoach new` từ bộ chỉ số {id} ({number}), năm {year}.\n\
         # Điền vào chỗ trống: `lead` (cơ quan chủ trì), `support` (phối hợp), `deadline` (thời gian\n\
         # hoàn thành), `target` (kết quả cần đạt); `kehoach lint` liệt kê những chỗ còn thiếu.\n\
         # Draft plan made by `kehoach new` from catalogue {id}; fill in the blanks (lead, support,\n\
         # deadline, target): `kehoach lint` lists what is left.\n",
        id = cat.id.value,
        number = cat.decision.number,
        year = new.year,
    )
}

/// The header lines of an issuer named in running text: "Ủy ban nhân dân tỉnh Gia Lai" →
/// ["ỦY BAN NHÂN DÂN", "TỈNH GIA LAI"].
pub fn issuer_lines(issuer: &str) -> Vec<String> {
    let trimmed = issuer.trim();
    let prefix = "ủy ban nhân dân ";
    let n = prefix.chars().count();
    let head: String = trimmed.chars().take(n).collect();
    if head.to_lowercase() == prefix {
        let rest: String = trimmed.chars().skip(n).collect();
        vec!["ỦY BAN NHÂN DÂN".to_string(), rest.trim().to_uppercase()]
    } else {
        vec![trimmed.to_uppercase()]
    }
}

/// The draft plan.
pub fn new_plan(cat: &Catalogue, new: &NewPlan) -> Plan {
    let issuer_name = new.issuer_name();
    let document = Document {
        parent_body: None,
        issuer: issuer_lines(&issuer_name),
        issuer_name: issuer_name.clone(),
        number: None,
        symbol: Spanned::unlocated("KH-UBND".to_string()),
        place: new.place.clone(),
        date: None,
        title: Spanned::unlocated(format!(
            "Nâng cao Chỉ số chuyển đổi số (DTI) của tỉnh {} năm {}",
            new.place, new.year
        )),
        year: Spanned::unlocated(new.year),
        horizon: None,
        draft: true,
    };
    let mut tasks = Vec::new();
    let mut groups = Vec::new();
    for index in &cat.indices {
        groups.push(AppendixGroup {
            code: Spanned::unlocated(index.code.value.clone()),
            title: Spanned::unlocated(index.name.clone()),
            max_points: index
                .max_points
                .as_ref()
                .map(|m| Spanned::unlocated(Figure::Number(m.value))),
        });
        rows(index, index.code.as_str(), &mut tasks);
    }
    Plan {
        catalogue: Spanned::unlocated(cat.id.value.clone()),
        document,
        bases: vec![Spanned::unlocated(basis(cat))],
        preamble: None,
        purposes: None,
        requirements: None,
        baseline: None,
        goals: None,
        tasks,
        kept: Vec::new(),
        sections: Vec::new(),
        budget_tables: Vec::new(),
        organisation: None,
        reporting: None,
        closing: None,
        recipients: Vec::new(),
        signer: None,
        outline: Vec::new(),
        task_fields: Vec::new(),
        appendices: vec![Appendix {
            title: format!(
                "PHÂN CÔNG THỰC HIỆN BỘ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ (DTI) CẤP TỈNH NĂM {}",
                new.year
            ),
            kind: AppendixKind::Assignment,
            table: None,
            tasks: None,
            groups,
        }],
    }
}

/// "Căn cứ Quyết định số 922/QĐ-BTTTT ngày 20 tháng 5 năm 2022 của Bộ … về …;"
fn basis(cat: &Catalogue) -> String {
    let d = &cat.decision;
    let date = crate::vn::Date::parse_iso(&d.date)
        .map(|x| format!(" ngày {} tháng {} năm {}", x.day, x.month, x.year))
        .unwrap_or_default();
    let about = d
        .title
        .as_deref()
        .map(|t| {
            let t = t.strip_prefix("Quyết định ").unwrap_or(t);
            format!(" về việc {}", lower_first(t))
        })
        .unwrap_or_default();
    format!(
        "Căn cứ Quyết định số {}{date} của {}{about};",
        d.number, d.issuer
    )
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// One assignment row per indicator and sub-indicator under `entry`, depth first.
fn rows(entry: &Entry, group: &str, out: &mut Vec<Task>) {
    for child in &entry.children {
        out.push(Task {
            id: Spanned::unlocated(format!("pl-{}", child.code.value)),
            group: Some(Spanned::unlocated(group.to_string())),
            title: Some(Spanned::unlocated(child.name.clone())),
            body: None,
            indicators: vec![Spanned::unlocated(child.code.value.clone())],
            max_points: child
                .max_points
                .as_ref()
                .map(|m| Spanned::unlocated(Figure::Number(m.value))),
            method: child.method.clone(),
            lead: Vec::new(),
            support: Vec::new(),
            deadline: Some(Spanned::unlocated(String::new())),
            target: Some(String::new()),
            budget: None,
            note: None,
            inputs: Vec::new(),
            fields: None,
        });
        rows(child, group, out);
    }
}
