//! Tables: the bordered data tables (appendices, the baseline table, Markdown tables),
//! whose first row is the header row repeated on every page, and the borderless layout
//! tables of the header and the signature block.

use docx_rs::{
    AlignmentType, Paragraph, Shading, Table, TableCell, TableCellMargins, TableLayoutType,
    TableRow, VAlignType, WidthType,
};

use super::style;
use super::text::{Look, run};

/// Table style of the data tables. docx-rs cannot write `w:tblHeader`; `package.rs`
/// adds it to the first row of every table with this style.
pub const REPEAT_STYLE: &str = "KhBang";

/// One cell of a data table.
#[derive(Clone, Debug)]
pub struct Cell {
    pub runs: Vec<(String, Look)>,
    pub align: AlignmentType,
    /// Columns spanned.
    pub span: usize,
    /// Background (group rows).
    pub fill: Option<&'static str>,
}

impl Cell {
    /// A cell of cleaned text.
    pub fn text(text: String, look: Look) -> Self {
        Cell {
            runs: vec![(text, look)],
            align: AlignmentType::Left,
            span: 1,
            fill: None,
        }
    }
}

/// A data table: fixed column widths (twips), a header row (none when `header` is
/// empty), then the rows; text `size_pt`. Column alignments apply to cells that keep the
/// default (left).
pub fn data_table(
    widths: &[usize],
    aligns: &[AlignmentType],
    header: &[&str],
    rows: Vec<Vec<Cell>>,
    size_pt: usize,
) -> Table {
    let size = size_pt * 2;
    let head = TableRow::new(
        header
            .iter()
            .zip(widths)
            .map(|(h, w)| {
                cell_of(
                    &[((*h).to_string(), Look::size(size_pt).bold())],
                    AlignmentType::Center,
                    *w,
                    size,
                )
                .vertical_align(VAlignType::Center)
            })
            .collect(),
    )
    .cant_split();
    let mut out = if header.is_empty() {
        Vec::new()
    } else {
        vec![head]
    };
    for row in rows {
        let mut col = 0;
        let mut cells = Vec::new();
        for c in row {
            let span = c.span.max(1);
            let w: usize = widths.iter().skip(col).take(span).sum();
            let align = match (c.align, aligns.get(col)) {
                (AlignmentType::Left, Some(a)) => *a,
                (a, _) => a,
            };
            let mut cell = cell_of(&c.runs, align, w, size);
            if span > 1 {
                cell = cell.grid_span(span);
            }
            if let Some(fill) = c.fill {
                cell = cell.shading(Shading::new().fill(fill));
            }
            cells.push(cell);
            col += span;
        }
        out.push(TableRow::new(cells));
    }
    let table = if header.is_empty() {
        Table::new(out)
    } else {
        Table::new(out).style(REPEAT_STYLE)
    };
    table
        .set_grid(widths.to_vec())
        .width(widths.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(40, 60, 40, 60))
}

fn cell_of(runs: &[(String, Look)], align: AlignmentType, width: usize, size: usize) -> TableCell {
    let mut p = style::plain(0).align(align).size(size);
    for (t, look) in runs {
        let mut look = *look;
        if look.size == 0 {
            look.size = size;
        }
        p = p.add_run(run(t, look));
    }
    TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(p)
}

/// A table from Markdown: equal columns over `width`, the head rows bold.
pub fn markdown_table(rows: super::markdown::Rows, head: usize, width: usize) -> Table {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let widths = vec![width / cols; cols];
    let mut rows = rows.into_iter();
    let header: Vec<String> = if head > 0 {
        rows.next()
            .unwrap_or_default()
            .into_iter()
            .map(|c| c.into_iter().map(|(t, _)| t).collect::<String>())
            .collect()
    } else {
        Vec::new()
    };
    let body: Vec<Vec<Cell>> = rows
        .map(|r| {
            r.into_iter()
                .map(|runs| Cell {
                    runs,
                    align: AlignmentType::Left,
                    span: 1,
                    fill: None,
                })
                .collect()
        })
        .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    data_table(&widths, &[], &header, body, 12)
}

/// A borderless layout table: one row per entry of `rows`, each a cell per column with
/// its paragraphs.
pub fn layout_table(widths: &[usize], rows: Vec<Vec<Vec<Paragraph>>>) -> Table {
    let rows = rows
        .into_iter()
        .map(|cells| {
            TableRow::new(
                cells
                    .into_iter()
                    .zip(widths)
                    .map(|(paras, w)| {
                        paras
                            .into_iter()
                            .fold(TableCell::new().width(*w, WidthType::Dxa), |c, p| {
                                c.add_paragraph(p)
                            })
                    })
                    .collect(),
            )
            .cant_split()
        })
        .collect();
    Table::without_borders(rows)
        .set_grid(widths.to_vec())
        .width(widths.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
}
