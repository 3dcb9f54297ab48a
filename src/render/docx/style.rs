//! Decree 30/2020/NĐ-CP figures in Word units (twips = 1/20 pt, half-points for sizes),
//! the same figures `templates/nd30.typ` uses for the PDF, and paragraph helpers.

use docx_rs::{
    AlignmentType, BorderType, LineSpacing, LineSpacingType, PageMargin, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, SpecialIndentType,
};

/// Times New Roman (the PDF uses its metric twin, Liberation Serif).
pub const FONT: &str = "Times New Roman";
/// Body size, in points.
pub const BODY_PT: usize = 14;

/// Twips per millimetre.
pub fn mm(v: f64) -> i32 {
    (v * 1440.0 / 25.4).round() as i32
}

/// A4 in twips.
pub const A4_W: u32 = 11906;
pub const A4_H: u32 = 16838;

/// First-line indent, 1.27 cm.
pub const INDENT: i32 = 720;

/// Body margins 25 / 20 / 35 / 20 mm (top, bottom, left, right); the header (page
/// number) 10 mm from the top edge.
pub fn body_margin() -> PageMargin {
    PageMargin::new()
        .top(mm(25.0))
        .bottom(mm(20.0))
        .left(mm(35.0))
        .right(mm(20.0))
        .header(mm(10.0))
        .footer(mm(10.0))
        .gutter(0)
}

/// Landscape appendix margins, 20 mm all round (as the PDF).
pub fn landscape_margin() -> PageMargin {
    PageMargin::new()
        .top(mm(20.0))
        .bottom(mm(20.0))
        .left(mm(20.0))
        .right(mm(20.0))
        .header(mm(8.0))
        .footer(mm(8.0))
        .gutter(0)
}

/// Text width of a body page: 210 − 35 − 20 mm.
pub fn body_width() -> usize {
    (A4_W as i32 - mm(35.0) - mm(20.0)) as usize
}

/// Text width of a landscape appendix page: 297 − 20 − 20 mm.
pub fn landscape_width() -> usize {
    (A4_H as i32 - mm(40.0)) as usize
}

/// Width of "Độc lập - Tự do - Hạnh phúc" in Times New Roman Bold 13 pt (sum of the
/// advance widths, ≈ 158.6 pt): the rule under the motto is as long as the line.
pub const MOTTO_WIDTH: usize = 3172;

/// Line spacing: Word's "single" (about 1.15 × the size for Times New Roman), space after.
pub fn spacing(after_pt: u32) -> LineSpacing {
    LineSpacing::new()
        .line(240)
        .line_rule(LineSpacingType::Auto)
        .before(0)
        .after(after_pt * 20)
}

/// A justified body paragraph with the first-line indent and 6 pt after.
pub fn body() -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None)
        .line_spacing(spacing(6))
}

/// A centred paragraph without indent, `after_pt` after.
pub fn centred(after_pt: u32) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(spacing(after_pt))
}

/// A left-aligned paragraph without indent (table cells, recipients).
pub fn plain(after_pt: u32) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Left)
        .line_spacing(spacing(after_pt))
}

/// The gap above a short rule, in twips (6 pt: LibreOffice 7.4 draws the border a few
/// points above the paragraph's box, so 3 pt still touched descenders such as the g of
/// "Tuyên Quang"; with 6 pt the rule sits about as far below the text as the PDF's).
pub const RULE_GAP: u32 = 120;

/// A short centred rule of `len` twips in a column `width` twips wide: an empty
/// paragraph with a top border, indented from both sides (text, not a drawing, so it
/// moves with the lines above it).
pub fn rule(len: usize, width: usize, after_pt: u32) -> Paragraph {
    let side = (width.saturating_sub(len) / 2) as i32;
    let mut p = Paragraph::new()
        .indent(Some(side), None, Some(side), None)
        .line_spacing(
            LineSpacing::new()
                .line(20)
                // "At least" 1 pt, not "exactly", and [`RULE_GAP`] before: with an exact
                // 1 pt line and nothing before, LibreOffice drew the rule over the line
                // above ("TỈNH TIỀN GIANG" struck through).
                .line_rule(LineSpacingType::AtLeast)
                .before(RULE_GAP)
                .after(after_pt * 20),
        )
        .size(2);
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Top)
                .val(BorderType::Single)
                .size(4)
                .space(0)
                .color("000000"),
        ),
    );
    p
}

/// Vertical space of `pt` points (an empty paragraph of exact height).
pub fn space(twips: i32) -> Paragraph {
    Paragraph::new().line_spacing(
        LineSpacing::new()
            .line(twips)
            .line_rule(LineSpacingType::Exact)
            .before(0)
            .after(0),
    )
}
