//! The assignment workbook (rust_xlsxwriter): the plan's tasks as a table (code, name, max
//! points, lead, support, the deadline as written and as a real date, target, budget),
//! then one sheet per agency with the tasks it leads and supports. Frozen, repeated header
//! row, landscape A4, fitted to the page width; document properties and timestamps from
//! the plan's date, so the same plan gives the same bytes.

use std::collections::HashSet;

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::draft::agency::{Extract, Role, extract};
use crate::plan::{Figure, Plan, Task};
use crate::vn::agency::{Agency, Registry, split_agencies};
use crate::vn::{Date, Deadline};

use super::{agencies, stamp_date, task_name};

/// Why a workbook could not be written.
#[derive(Debug, thiserror::Error)]
#[error("không tạo được tệp XLSX (cannot build the workbook): {0}")]
pub struct XlsxExportError(#[from] XlsxError);

/// The columns of the assignment table: header and width.
const COLUMNS: &[(&str, f64)] = &[
    ("Mã chỉ số", 10.0),
    ("Nhiệm vụ / chỉ số", 60.0),
    ("Điểm tối đa", 9.0),
    ("Cơ quan chủ trì", 28.0),
    ("Cơ quan phối hợp", 32.0),
    ("Thời gian hoàn thành", 18.0),
    ("Hạn cuối", 12.0),
    ("Kết quả, mục tiêu", 32.0),
    ("Kinh phí (triệu đồng)", 12.0),
];

struct Formats {
    header: Format,
    text: Format,
    number: Format,
    date: Format,
}

impl Formats {
    fn new() -> Formats {
        let base = Format::new()
            .set_font_name("Times New Roman")
            .set_font_size(12)
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Top)
            .set_text_wrap();
        Formats {
            header: base
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color("D9D9D9"),
            text: base.clone(),
            number: base.clone().set_num_format("#,##0.##"),
            date: base
                .set_num_format("dd/mm/yyyy")
                .set_align(FormatAlign::Center),
        }
    }
}

/// Excel's sheet-name rules: at most 31 characters, none of `[]:*?/\`, not starting or
/// ending with `'`, not "History", unique regardless of case.
pub fn sheet_name(wanted: &str, taken: &mut HashSet<String>) -> String {
    let cleaned: String = wanted
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let cleaned = cleaned.trim_matches('\'').trim().to_string();
    let base = if cleaned.is_empty() || cleaned.eq_ignore_ascii_case("history") {
        "Cơ quan".to_string()
    } else {
        cleaned
    };
    for n in 1.. {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!(" ({n})")
        };
        let keep = 31 - suffix.chars().count();
        let head: String = base.chars().take(keep).collect();
        let name = format!("{}{suffix}", head.trim_end().trim_end_matches('\''));
        if taken.insert(name.to_lowercase()) {
            return name;
        }
    }
    unreachable!("some suffix is always free")
}

fn excel_date(d: Date) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year as u16, d.month as u8, d.day as u8)
}

fn set_up(sheet: &mut Worksheet, f: &Formats, extra: Option<&str>) -> Result<u16, XlsxError> {
    let mut col = 0u16;
    if let Some(first) = extra {
        sheet.write_string_with_format(0, 0, first, &f.header)?;
        sheet.set_column_width(0, 10.0)?;
        col = 1;
    }
    for (i, (name, width)) in COLUMNS.iter().enumerate() {
        let c = col + i as u16;
        sheet.write_string_with_format(0, c, *name, &f.header)?;
        sheet.set_column_width(c, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_repeat_rows(0, 0)?;
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_header("&C&\"Times New Roman\"&A");
    sheet.set_footer("&C&\"Times New Roman\"&P/&N");
    Ok(col)
}

fn write_task(
    sheet: &mut Worksheet,
    f: &Formats,
    row: u32,
    col: u16,
    task: &Task,
    year: i32,
) -> Result<(), XlsxError> {
    let codes: Vec<&str> = task.indicators.iter().map(|c| c.value.as_str()).collect();
    sheet.write_string_with_format(row, col, codes.join(", "), &f.text)?;
    sheet.write_string_with_format(row, col + 1, task_name(task), &f.text)?;
    match task.max_points.as_ref().map(|m| &m.value) {
        Some(Figure::Number(n)) => sheet.write_number_with_format(row, col + 2, *n, &f.number)?,
        Some(Figure::Text(t)) => sheet.write_string_with_format(row, col + 2, t, &f.text)?,
        None => sheet.write_blank(row, col + 2, &f.text)?,
    };
    sheet.write_string_with_format(row, col + 3, agencies(&task.lead), &f.text)?;
    sheet.write_string_with_format(row, col + 4, agencies(&task.support), &f.text)?;
    let written = task.deadline.as_ref().map_or("", |d| d.value.trim());
    sheet.write_string_with_format(row, col + 5, written, &f.text)?;
    match Deadline::parse(written).latest_in(year) {
        Some(d) => sheet.write_datetime_with_format(row, col + 6, excel_date(d)?, &f.date)?,
        None => sheet.write_blank(row, col + 6, &f.date)?,
    };
    sheet.write_string_with_format(
        row,
        col + 7,
        task.target.as_deref().unwrap_or("").trim(),
        &f.text,
    )?;
    match task.budget.as_ref().map(|b| &b.value) {
        Some(Figure::Number(n)) => sheet.write_number_with_format(row, col + 8, *n, &f.number)?,
        Some(Figure::Text(t)) => match crate::vn::number::parse(t) {
            Some(n) => sheet.write_number_with_format(row, col + 8, n, &f.number)?,
            None => sheet.write_string_with_format(row, col + 8, t, &f.text)?,
        },
        None => sheet.write_blank(row, col + 8, &f.text)?,
    };
    Ok(())
}

fn properties(plan: &Plan, subject: &str) -> Result<DocProperties, XlsxError> {
    let d = stamp_date(plan);
    let stamp = excel_date(d)?;
    Ok(DocProperties::new()
        .set_title(&plan.document.title.value)
        .set_subject(subject)
        .set_author(&plan.document.issuer_name)
        .set_company(&plan.document.issuer_name)
        .set_creation_datetime(&stamp))
}

/// The agencies that lead or support a task, in first-met order, found through the
/// registry (aliases included); names the registry does not know are not given a sheet.
fn agencies_in<'r>(plan: &Plan, registry: &'r Registry) -> Vec<&'r Agency> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for task in &plan.tasks {
        for cell in task.lead.iter().chain(&task.support) {
            let mut parts = split_agencies(&cell.value);
            if parts.is_empty() {
                parts.push(cell.value.clone());
            }
            for p in parts {
                if let crate::vn::Lookup::Canonical(a)
                | crate::vn::Lookup::Alias { agency: a, .. } = registry.lookup(&p)
                {
                    if seen.insert(a.id.clone()) {
                        out.push(a);
                    }
                }
            }
        }
    }
    out
}

fn write_extract(
    sheet: &mut Worksheet,
    f: &Formats,
    ex: &Extract<'_>,
    year: i32,
) -> Result<(), XlsxError> {
    let col = set_up(sheet, f, Some("Vai trò"))?;
    for (i, r) in ex.rows.iter().enumerate() {
        let row = i as u32 + 1;
        let role = match r.role {
            Role::Lead => Role::Lead.vi(),
            Role::Support => Role::Support.vi(),
        };
        sheet.write_string_with_format(row, 0, role, &f.text)?;
        write_task(sheet, f, row, col, r.task, year)?;
    }
    Ok(())
}

/// The workbook of a plan: "Phân công" (every task serving an indicator or naming an
/// agency), then one sheet per agency.
pub fn workbook(plan: &Plan, registry: &Registry) -> Result<Vec<u8>, XlsxExportError> {
    let f = Formats::new();
    let year = plan.document.year.value;
    let mut wb = Workbook::new();
    wb.set_properties(&properties(plan, "Phân công nhiệm vụ")?);
    let mut taken = HashSet::new();
    let main = wb.add_worksheet();
    main.set_name(sheet_name("Phân công", &mut taken))?;
    let col = set_up(main, &f, None)?;
    let mut row = 1;
    for task in &plan.tasks {
        if task.indicators.is_empty() && task.lead.is_empty() && task.support.is_empty() {
            continue;
        }
        write_task(main, &f, row, col, task, year)?;
        row += 1;
    }
    main.autofilter(
        0,
        0,
        row.saturating_sub(1).max(1),
        (COLUMNS.len() - 1) as u16,
    )?;
    for agency in agencies_in(plan, registry) {
        let ex = extract(plan, registry, agency);
        let wanted = agency.short.as_deref().unwrap_or(&agency.name);
        let sheet = wb.add_worksheet();
        sheet.set_name(sheet_name(wanted, &mut taken))?;
        write_extract(sheet, &f, &ex, year)?;
    }
    Ok(wb.save_to_buffer()?)
}

/// The workbook of one agency's extract: one sheet.
pub fn extract_workbook(plan: &Plan, ex: &Extract<'_>) -> Result<Vec<u8>, XlsxExportError> {
    let f = Formats::new();
    let mut wb = Workbook::new();
    wb.set_properties(&properties(
        plan,
        &format!("Nhiệm vụ của {}", ex.agency.name),
    )?);
    let mut taken = HashSet::new();
    let sheet = wb.add_worksheet();
    let wanted = ex.agency.short.as_deref().unwrap_or(&ex.agency.name);
    sheet.set_name(sheet_name(wanted, &mut taken))?;
    write_extract(sheet, &f, ex, plan.document.year.value)?;
    Ok(wb.save_to_buffer()?)
}
