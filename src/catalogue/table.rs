//! Catalogues as tables: the appendix of a DTI decision (STT/Mã, Tên chỉ số, Điểm tối đa,
//! Cách xác định và tính điểm …) read from CSV or XLSX into a catalogue, and a catalogue
//! written back out as such a table (the template a Sở fills in).
//!
//! Columns are found by their header, as the decisions write them; the header row is the
//! first row naming both a code and a name column (title rows above it are skipped). Every
//! problem names its row (1-based, as a spreadsheet numbers them).

use std::collections::HashMap;
use std::path::Path;

use super::model::{Catalogue, CatalogueLevel, Decision, Entry, Group};
use crate::source::{Span, Spanned};

/// The columns kehoach reads and writes, in the order it writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Code,
    Name,
    MaxPoints,
    Method,
    Evidence,
    Group,
    Pillar,
}

impl Column {
    pub const ALL: [Column; 7] = [
        Column::Code,
        Column::Name,
        Column::MaxPoints,
        Column::Method,
        Column::Evidence,
        Column::Group,
        Column::Pillar,
    ];

    /// The header kehoach writes.
    pub fn header(self) -> &'static str {
        match self {
            Column::Code => "STT/Mã",
            Column::Name => "Tên chỉ số",
            Column::MaxPoints => "Điểm tối đa",
            Column::Method => "Cách xác định và tính điểm",
            Column::Evidence => "Tài liệu kiểm chứng",
            Column::Group => "Nhóm",
            Column::Pillar => "Trụ cột",
        }
    }

    /// The column a header names, as decisions and provinces write it (case, spacing,
    /// a trailing ":" or "(*)" and old-style tone marks do not matter).
    pub fn from_header(header: &str) -> Option<Column> {
        let key = header_key(header);
        let col = match key.as_str() {
            "stt/mã" | "stt" | "tt" | "mã" | "mã số" | "mã chỉ số" | "số thứ tự" | "code" => {
                Column::Code
            }
            "tên chỉ số"
            | "chỉ số"
            | "tên chỉ số thành phần"
            | "tên tiêu chí"
            | "tiêu chí"
            | "nội dung"
            | "nội dung chỉ số"
            | "name" => Column::Name,
            "điểm tối đa"
            | "thang điểm"
            | "điểm"
            | "điểm chuẩn"
            | "số điểm"
            | "điểm tối đa (điểm)"
            | "max points"
            | "max_points" => Column::MaxPoints,
            "cách xác định và tính điểm"
            | "cách xác định"
            | "cách tính điểm"
            | "phương pháp tính điểm"
            | "phương pháp đánh giá"
            | "cách thức đánh giá"
            | "hướng dẫn tính điểm"
            | "method" => Column::Method,
            "tài liệu kiểm chứng" | "tài liệu minh chứng" | "minh chứng" | "evidence" => {
                Column::Evidence
            }
            "nhóm" | "nhóm chỉ số" | "group" => Column::Group,
            "trụ cột" | "pillar" => Column::Pillar,
            _ => return None,
        };
        Some(col)
    }
}

/// A header as compared: lower case, one space, no trailing ":", "*" or "(*)", new-style
/// tone marks.
fn header_key(h: &str) -> String {
    let k = crate::vn::agency::normalise_key(h);
    let k = k.trim_end_matches(['*', ':', ' ']);
    let k = k.strip_suffix("(*)").unwrap_or(k).trim_end();
    k.replace(" / ", "/")
}

/// A table read from a file: its rows of text cells (row 1 first).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub rows: Vec<Vec<Cell>>,
}

/// One cell: text, or a number the spreadsheet stored as a number.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => crate::vn::number::format(*n, 6),
        }
    }

    fn is_blank(&self) -> bool {
        matches!(self, Cell::Text(s) if s.trim().is_empty())
    }
}

/// Why a table could not be read or turned into a catalogue.
#[derive(Debug, thiserror::Error)]
pub enum TableError {
    #[error("không đọc được {} (cannot read it): {message}", .path.display())]
    Read {
        path: std::path::PathBuf,
        message: String,
    },
    #[error("{}: định dạng không hỗ trợ, dùng .csv hoặc .xlsx (unsupported format: use .csv or .xlsx)", .path.display())]
    Format { path: std::path::PathBuf },
    #[error("{}: {} lỗi, không tạo bộ chỉ số (problem(s), no catalogue written):\n{}", .path.display(), .problems.len(), .problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Invalid {
        path: std::path::PathBuf,
        problems: Vec<RowProblem>,
    },
}

/// A problem in the table, at a row (0: the table as a whole).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    pub row: usize,
    pub vi: String,
    pub en: String,
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.row > 0 {
            write!(
                f,
                "dòng {} (row {}): {} ({})",
                self.row, self.row, self.vi, self.en
            )
        } else {
            write!(f, "{} ({})", self.vi, self.en)
        }
    }
}

fn problem(row: usize, vi: impl Into<String>, en: impl Into<String>) -> RowProblem {
    RowProblem {
        row,
        vi: vi.into(),
        en: en.into(),
    }
}

/// Largest table file read (bytes).
pub const MAX_TABLE_BYTES: u64 = 32 * 1024 * 1024;

/// Read a CSV or XLSX file (by its extension). XLSX: the first worksheet.
pub fn read(path: &Path) -> Result<Table, TableError> {
    let err = |message: String| TableError::Read {
        path: path.to_path_buf(),
        message,
    };
    let size = std::fs::metadata(path)
        .map_err(|e| err(e.to_string()))?
        .len();
    if size > MAX_TABLE_BYTES {
        return Err(err(format!(
            "tệp {size} byte, quá giới hạn {MAX_TABLE_BYTES} (the file is larger than the limit)"
        )));
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("csv") => {
            let bytes = std::fs::read(path).map_err(|e| err(e.to_string()))?;
            let text = String::from_utf8(bytes).map_err(|_| {
                err("tệp CSV không phải UTF-8: lưu lại dạng \"CSV UTF-8\" (the CSV is not UTF-8: save it as CSV UTF-8)".into())
            })?;
            parse_csv(&text).map_err(err)
        }
        Some("xlsx") | Some("xlsm") => read_xlsx(path).map_err(err),
        _ => Err(TableError::Format {
            path: path.to_path_buf(),
        }),
    }
}

/// Parse CSV text (a UTF-8 byte-order mark is dropped; "," or ";" as the delimiter,
/// whichever the first lines use more: a spreadsheet set to Vietnamese writes ";").
pub fn parse_csv(text: &str) -> Result<Table, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first: String = text.lines().take(5).collect();
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("dòng {} (row {}): {e}", i + 1, i + 1))?;
        rows.push(record.iter().map(|c| Cell::Text(c.to_string())).collect());
    }
    Ok(Table { rows })
}

fn read_xlsx(path: &Path) -> Result<Table, String> {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(path).map_err(|e: calamine::XlsxError| e.to_string())?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| "tệp không có trang tính nào (the workbook has no worksheet)".to_string())?
        .map_err(|e| e.to_string())?;
    // Rows as the sheet numbers them: the used range may start below row 1.
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); top as usize];
    for row in range.rows() {
        let mut cells: Vec<Cell> = vec![Cell::Text(String::new()); left as usize];
        cells.extend(row.iter().map(|d| match d {
            Data::Int(i) => Cell::Number(*i as f64),
            Data::Float(f) => Cell::Number(*f),
            Data::String(s) => Cell::Text(s.clone()),
            Data::Bool(b) => Cell::Text(b.to_string()),
            Data::Empty => Cell::Text(String::new()),
            other => Cell::Text(other.to_string()),
        }));
        rows.push(cells);
    }
    Ok(Table { rows })
}

/// What the table does not say about the catalogue: its id, title, decision and level.
#[derive(Clone, Debug)]
pub struct Header {
    pub id: String,
    pub title: String,
    pub decision: Decision,
    pub level: CatalogueLevel,
    /// The declared total; absent: the sum of the main indices (which must all be known).
    pub total_points: Option<f64>,
}

/// One data row, with the row number it came from.
#[derive(Clone, Debug)]
struct Row {
    row: usize,
    code: String,
    name: String,
    max_points: Option<f64>,
    method: Option<String>,
    evidence: Option<String>,
    group: Option<Group>,
    pillar: Option<String>,
}

/// Turn a table into a validated catalogue: every problem, each with its row.
pub fn to_catalogue(table: &Table, header: &Header) -> Result<Catalogue, Vec<RowProblem>> {
    let mut problems = Vec::new();
    let Some((header_row, columns)) = find_header(table) else {
        return Err(vec![problem(
            0,
            "không tìm thấy dòng tiêu đề có cột mã (\"STT/Mã\") và cột tên (\"Tên chỉ số\")",
            "no header row with a code column (\"STT/Mã\") and a name column (\"Tên chỉ số\")",
        )]);
    };
    let col = |c: Column| columns.get(&c).copied();
    let mut rows: Vec<Row> = Vec::new();
    for (i, cells) in table.rows.iter().enumerate().skip(header_row + 1) {
        let n = i + 1;
        if cells.iter().all(Cell::is_blank) {
            continue;
        }
        let get = |c: Column| -> Option<&Cell> { col(c).and_then(|k| cells.get(k)) };
        let text = |c: Column| -> Option<String> {
            get(c).map(Cell::text).filter(|s| !s.trim().is_empty())
        };
        let raw_code = text(Column::Code).unwrap_or_default();
        let code = raw_code.trim().trim_end_matches('.').to_string();
        if code.is_empty() {
            problems.push(problem(
                n,
                "dòng có nội dung nhưng không có mã chỉ số",
                "the row has content but no indicator code",
            ));
            continue;
        }
        if is_heading(&code) {
            // "I", "II", "A": group headings of the decision's table, not entries.
            continue;
        }
        if !well_formed(&code) {
            problems.push(problem(
                n,
                format!("mã \"{raw_code}\" sai dạng: cần số cách nhau bởi dấu chấm (6, 6.12, 8.8.1.1)"),
                format!("code \"{raw_code}\" is malformed: write numbers separated by dots (6, 6.12, 8.8.1.1)"),
            ));
            continue;
        }
        let name = text(Column::Name).map(|s| s.trim().to_string());
        let Some(name) = name else {
            problems.push(problem(
                n,
                format!("chỉ số {code} không có tên"),
                format!("indicator {code} has no name"),
            ));
            continue;
        };
        let max_points = match get(Column::MaxPoints) {
            Some(Cell::Number(v)) => Some(*v),
            Some(Cell::Text(s)) if unknown_points(s) => None,
            Some(Cell::Text(s)) => match crate::vn::number::parse(s.trim()) {
                Some(v) if v >= 0.0 => Some(v),
                _ => {
                    problems.push(problem(
                        n,
                        format!("điểm tối đa của {code} \"{}\" không phải số (để trống nếu chưa biết)", s.trim()),
                        format!("max points of {code} \"{}\" is not a number (leave it blank if not yet known)", s.trim()),
                    ));
                    continue;
                }
            },
            None => None,
        };
        let group = match text(Column::Group) {
            None => None,
            Some(g) => {
                match parse_group(&g) {
                    Some(g) => Some(g),
                    None => {
                        problems.push(problem(
                        n,
                        format!("nhóm \"{}\" không rõ: viết \"nền tảng chung\" hoặc \"hoạt động\"", g.trim()),
                        format!("group \"{}\" is unknown: write \"nền tảng chung\" or \"hoạt động\"", g.trim()),
                    ));
                        None
                    }
                }
            }
        };
        rows.push(Row {
            row: n,
            code,
            name,
            max_points,
            method: text(Column::Method).map(|m| normalise_block(&m)),
            evidence: text(Column::Evidence).map(|m| normalise_block(&m)),
            group,
            pillar: text(Column::Pillar).map(|p| p.trim().to_string()),
        });
    }
    if rows.is_empty() && problems.is_empty() {
        problems.push(problem(
            header_row + 1,
            "bảng không có chỉ số nào dưới dòng tiêu đề",
            "the table has no indicator below its header row",
        ));
    }
    let indices = build_tree(&rows, &mut problems);
    if !problems.is_empty() {
        return Err(sorted(problems));
    }
    let total = header.total_points.unwrap_or_else(|| {
        indices
            .iter()
            .filter_map(|e| e.max_points.as_ref().map(|m| m.value))
            .sum()
    });
    let cat = Catalogue {
        id: Spanned::unlocated(header.id.clone()),
        title: header.title.clone(),
        decision: header.decision.clone(),
        level: header.level,
        total_points: Spanned::new(total, Span::UNKNOWN),
        superseded: None,
        pillars: Vec::new(),
        indices,
    };
    // The catalogue's own rules (sums of children, the total), located by row: each
    // entry's code span carries its row as line and offset.
    for p in super::validate::validate(&cat) {
        let row = p.labels.first().map_or(0, |l| l.offset());
        problems.push(problem(row, p.message.clone(), p.message));
    }
    if problems.is_empty() {
        Ok(cat)
    } else {
        Err(sorted(problems))
    }
}

fn sorted(mut p: Vec<RowProblem>) -> Vec<RowProblem> {
    p.sort_by_key(|x| x.row);
    p
}

/// The header row (index) and the column of each header it names.
fn find_header(table: &Table) -> Option<(usize, HashMap<Column, usize>)> {
    for (i, cells) in table.rows.iter().enumerate().take(50) {
        let mut map = HashMap::new();
        for (k, c) in cells.iter().enumerate() {
            if let Some(col) = Column::from_header(&c.text()) {
                map.entry(col).or_insert(k);
            }
        }
        if map.contains_key(&Column::Code) && map.contains_key(&Column::Name) {
            return Some((i, map));
        }
    }
    None
}

fn well_formed(code: &str) -> bool {
    code.split('.')
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

/// A group heading's number: Roman numerals or a single capital letter.
fn is_heading(code: &str) -> bool {
    let roman = code.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    let letter = code.chars().count() == 1 && code.chars().all(|c| c.is_ascii_uppercase());
    roman || letter
}

/// Points that are not yet known: blank, "-", "?", "chưa xác định", "chưa có".
fn unknown_points(s: &str) -> bool {
    let k = crate::vn::agency::normalise_key(s);
    k.is_empty()
        || matches!(
            k.as_str(),
            "-" | "?" | "chưa xác định" | "chưa có" | "chưa biết" | "x"
        )
}

fn parse_group(s: &str) -> Option<Group> {
    match crate::vn::agency::normalise_key(s).as_str() {
        "nền tảng chung" | "nền tảng" | "foundation" => Some(Group::Foundation),
        "hoạt động" | "activity" => Some(Group::Activity),
        _ => None,
    }
}

/// Method text as YAML block scalars hold it: "\n" line ends, one final newline.
fn normalise_block(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    format!("{}\n", s.trim_end_matches([' ', '\n']))
}

/// Nest rows by code: "6.12" goes under "6". Parents must come before their children.
fn build_tree(rows: &[Row], problems: &mut Vec<RowProblem>) -> Vec<Entry> {
    let mut first_row: HashMap<&str, usize> = HashMap::new();
    let mut ok: Vec<&Row> = Vec::new();
    for r in rows {
        if let Some(&f) = first_row.get(r.code.as_str()) {
            problems.push(problem(
                r.row,
                format!("mã {} bị trùng (đã có ở dòng {f})", r.code),
                format!("code {} is used twice (first at row {f})", r.code),
            ));
            continue;
        }
        if let Some((parent, _)) = r.code.rsplit_once('.') {
            if !first_row.contains_key(parent) {
                let later = rows.iter().any(|o| o.code == parent);
                problems.push(problem(
                    r.row,
                    if later {
                        format!(
                            "chỉ số {} đứng trước chỉ số cha {parent}: xếp chỉ số cha lên trước",
                            r.code
                        )
                    } else {
                        format!("chỉ số {} không có chỉ số cha {parent} trong bảng", r.code)
                    },
                    if later {
                        format!(
                            "indicator {} comes before its parent {parent}: put the parent first",
                            r.code
                        )
                    } else {
                        format!("indicator {} has no parent {parent} in the table", r.code)
                    },
                ));
                continue;
            }
        }
        first_row.insert(&r.code, r.row);
        ok.push(r);
    }
    fn entry(r: &Row) -> Entry {
        let at = Span {
            line: r.row as u32,
            column: 1,
            offset: r.row,
            len: 1,
        };
        Entry {
            code: Spanned::new(r.code.clone(), at),
            name: r.name.clone(),
            max_points: r.max_points.map(|v| Spanned::new(v, at)),
            group: r.group,
            pillar: r.pillar.clone(),
            method: r.method.clone(),
            inputs: Vec::new(),
            scoring: None,
            evidence: r.evidence.clone(),
            children: Vec::new(),
        }
    }
    // Insert in order: each row's parent is already in the tree.
    let mut roots: Vec<Entry> = Vec::new();
    for r in ok {
        let e = entry(r);
        let path: Vec<&str> = r.code.split('.').collect();
        if path.len() == 1 {
            roots.push(e);
            continue;
        }
        let mut level = &mut roots;
        for depth in 1..path.len() {
            let prefix = path[..depth].join(".");
            let Some(i) = level.iter().position(|x| x.code.value == prefix) else {
                break;
            };
            level = &mut level[i].children;
        }
        level.push(e);
    }
    roots
}

/// A catalogue as table rows (header first), every entry in catalogue order.
pub fn from_catalogue(cat: &Catalogue) -> Vec<Vec<Cell>> {
    let mut rows = vec![
        Column::ALL
            .iter()
            .map(|c| Cell::Text(c.header().to_string()))
            .collect(),
    ];
    fn walk(e: &Entry, rows: &mut Vec<Vec<Cell>>) {
        let text =
            |s: &Option<String>| Cell::Text(s.as_deref().unwrap_or("").trim_end().to_string());
        rows.push(vec![
            Cell::Text(e.code.value.clone()),
            Cell::Text(e.name.clone()),
            match &e.max_points {
                Some(m) => Cell::Number(m.value),
                None => Cell::Text(String::new()),
            },
            text(&e.method),
            text(&e.evidence),
            Cell::Text(match e.group {
                Some(Group::Foundation) => "nền tảng chung".into(),
                Some(Group::Activity) => "hoạt động".into(),
                None => String::new(),
            }),
            text(&e.pillar),
        ]);
        for c in &e.children {
            walk(c, rows);
        }
    }
    for e in &cat.indices {
        walk(e, &mut rows);
    }
    rows
}

/// The rows as CSV (UTF-8 with a byte-order mark, so that spreadsheet programs read the
/// diacritics; numbers with a decimal comma, as the decisions write them).
pub fn write_csv(rows: &[Vec<Cell>]) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::from("\u{feff}".as_bytes()));
    for r in rows {
        // Writing to a Vec cannot fail.
        let _ = w.write_record(r.iter().map(Cell::text));
    }
    w.into_inner().unwrap_or_default()
}

/// The rows as an XLSX workbook: one sheet "Bộ chỉ số", bold header, wrapped text.
pub fn write_xlsx(rows: &[Vec<Cell>]) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Bộ chỉ số").map_err(|e| e.to_string())?;
    let bold = Format::new().set_bold().set_text_wrap();
    let wrap = Format::new().set_text_wrap();
    for (c, width) in [
        (0u16, 9.0),
        (1, 50.0),
        (2, 10.0),
        (3, 70.0),
        (4, 40.0),
        (5, 14.0),
        (6, 14.0),
    ] {
        sheet
            .set_column_width(c, width)
            .map_err(|e| e.to_string())?;
    }
    for (r, row) in rows.iter().enumerate() {
        let fmt = if r == 0 { &bold } else { &wrap };
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                // Codes stay text ("6.10" is not 6.1).
                Cell::Text(s) => sheet.write_string_with_format(r, c, s, fmt),
                Cell::Number(n) => sheet.write_number_with_format(r, c, *n, fmt),
            }
            .map_err(|e| e.to_string())?;
        }
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}
