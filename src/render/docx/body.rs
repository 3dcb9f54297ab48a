//! The main document, block by block, in the order and with the numbering
//! `templates/plan.typ.tera` gives the PDF: header (boxes 1–4), KẾ HOẠCH and the title,
//! the bases, the parts (I, II …) with their items (1, 2 …) and points (a, b, c, d, đ …),
//! the dash paragraphs under each task, "./.", then "Nơi nhận" and the signature side by
//! side.

use docx_rs::{AlignmentType, LineSpacing, LineSpacingType, Paragraph};

use super::markdown::{self, Block};
use super::style;
use super::tables::{self, Cell};
use super::text::{Look, Sink, run};
use crate::render::view::{AgencyView, BaselineView, BodyBlock, TaskBlock, View};
use crate::vn::letters;

/// Writes blocks, numbering parts and items as it goes.
pub struct Writer<'s> {
    pub sink: &'s mut Sink,
    pub blocks: Vec<Block>,
}

impl<'s> Writer<'s> {
    pub fn new(sink: &'s mut Sink) -> Self {
        Writer {
            sink,
            blocks: Vec::new(),
        }
    }

    fn place(&mut self, place: &str) {
        self.sink.place = place.to_string();
    }

    pub fn push(&mut self, b: impl Into<Block>) {
        self.blocks.push(b.into());
    }

    /// A paragraph `p` holding the cleaned runs.
    pub fn runs(&mut self, p: Paragraph, runs: &[(&str, Look)]) -> Paragraph {
        runs.iter().fold(p, |p, (t, look)| {
            let t = self.sink.clean(t);
            if t.is_empty() {
                p
            } else {
                p.add_run(run(&t, *look))
            }
        })
    }

    /// A body paragraph of runs.
    pub fn line(&mut self, runs: &[(&str, Look)]) {
        let p = self.runs(style::body(), runs);
        self.push(p);
    }

    /// Markdown text as body blocks.
    pub fn md(&mut self, text: &str) {
        let blocks = markdown::to_blocks(text, self.sink);
        self.blocks.extend(blocks);
    }

    fn heading(&mut self, text: &str) {
        let p = style::body().keep_next(true).line_spacing(spacing(10, 6));
        let p = self.runs(p, &[(text, Look::default().bold())]);
        self.push(p);
    }

    /// An administrative dash paragraph: "- " at the first-line indent.
    pub fn dash(&mut self, mark: &str, runs: &[(&str, Look)]) {
        let mark = format!("{mark} ");
        let mut all = vec![(mark.as_str(), Look::default())];
        all.extend_from_slice(runs);
        self.line(&all);
    }
}

/// Space before and after, in points, at single line pitch.
pub fn spacing(before_pt: u32, after_pt: u32) -> LineSpacing {
    LineSpacing::new()
        .line(240)
        .line_rule(LineSpacingType::Auto)
        .before(before_pt * 20)
        .after(after_pt * 20)
}

/// The whole body of the plan, up to and including the signature block: the blocks of
/// `view.body` in the author's order, numbered as the view numbered them (the same list
/// `templates/plan.typ.tera` lays out for the PDF).
pub fn write(view: &View, w: &mut Writer) {
    header(view, w);
    title(view, w);
    w.place("căn cứ (bases)");
    for b in &view.bases {
        w.line(&[(b, Look::default().italic())]);
    }
    for block in &view.body {
        body_block(block, w);
    }
    w.place("kết thúc (closing)");
    if let Some(c) = &view.closing {
        w.md(c);
    }
    // "./." ends the last paragraph of the text, which stays with the signature block.
    match w.blocks.last_mut() {
        Some(Block::Para(p)) if view.closing.is_some() => {
            let last = std::mem::take(p.as_mut());
            **p = last.add_run(run("./.", Look::default())).keep_next(true);
        }
        _ => {
            let p = style::body().keep_next(true);
            w.push(p.add_run(run("./.", Look::default())));
        }
    }
    signature(view, w);
}

/// One block of the body.
fn body_block(block: &BodyBlock, w: &mut Writer) {
    match block {
        BodyBlock::Part { number, heading } => {
            w.place(heading);
            w.heading(&format!("{number}. {heading}"));
        }
        BodyBlock::Item { number, heading } => w.heading(&format!("{number}. {heading}")),
        BodyBlock::Point { label, text } => w.md(&format!("{label} {text}")),
        BodyBlock::Dash { text } => w.md(&format!("- {text}")),
        BodyBlock::Text { text } => w.md(text),
        BodyBlock::Task(t) => task(t, w),
        BodyBlock::BaselineTable { baseline } => {
            if !baseline.rows.is_empty() {
                let t = baseline_table(baseline, w.sink);
                w.push(t);
            }
        }
        BodyBlock::Analysis { analysis } => {
            for i in &analysis.indices {
                let head = format!("Chỉ số {} – {}:", i.code, i.name);
                w.line(&[(&head, Look::default().italic())]);
                for l in &i.lines {
                    let l = format!("{l}.");
                    w.dash("-", &[(&l, Look::default())]);
                }
            }
        }
        BodyBlock::Priorities { gaps } => {
            w.line(&[(
                "Các chỉ số còn nhiều điểm cần cải thiện nhất:",
                Look::default(),
            )]);
            for g in gaps {
                let mut s = format!(
                    "{} {}: {}/{} điểm, còn thiếu {} điểm",
                    g.code, g.name, g.points, g.max_points, g.to_gain
                );
                if !g.lead.is_empty() {
                    s.push_str(&format!(" (chủ trì: {})", g.lead));
                }
                s.push('.');
                w.dash("-", &[(&s, Look::default())]);
            }
        }
        BodyBlock::AgencyDigest { agencies } => digest(agencies, w),
        BodyBlock::Kept { kept } => {
            w.place("chỉ số giữ nguyên (kept)");
            for k in kept {
                let mut s = format!("Chỉ số {}", k.code);
                if !k.name.is_empty() {
                    s.push_str(&format!(" {}", k.name));
                }
                s.push_str(&format!(": {} ({}).", k.status, k.reason));
                w.dash("-", &[(&s, Look::default())]);
            }
        }
        BodyBlock::Bases { bases } => {
            for b in bases {
                w.line(&[(b, Look::default())]);
            }
        }
        BodyBlock::AppendixReference { text } => w.line(&[(text, Look::default())]),
    }
}

/// A task placed in the body: its mark and title (bold for an item), its body, and the
/// field lines the author asked for.
fn task(t: &TaskBlock, w: &mut Writer) {
    w.place(&format!("nhiệm vụ {} (task)", t.id));
    let mark = if t.mark.is_empty() {
        String::new()
    } else {
        format!("{} ", t.mark)
    };
    if let Some(title) = &t.title {
        if t.style == "item" {
            w.heading(&format!("{mark}{title}"));
        } else {
            w.md(&format!("{mark}{title}"));
        }
        if let Some(b) = &t.body {
            w.md(b);
        }
    } else if let Some(b) = &t.body {
        if t.runin {
            w.md(&format!("{mark}{b}"));
        } else {
            if !mark.is_empty() {
                w.line(&[(mark.trim_end(), Look::default())]);
            }
            w.md(b);
        }
    } else if !mark.is_empty() {
        w.line(&[(mark.trim_end(), Look::default())]);
    }
    // "- Cơ quan chủ trì: Công an tỉnh." as the PDF's `nd30.fields` writes it.
    for (label, value) in &t.fields {
        let label = format!("{label}: ");
        w.dash(
            "-",
            &[
                (&label, Look::default()),
                (value, Look::default()),
                (".", Look::default()),
            ],
        );
    }
}

/// Boxes 1–4: the two-column header table without borders.
fn header(view: &View, w: &mut Writer) {
    w.place("tiêu đề (header)");
    let total = style::body_width();
    let left_w = total * 38 / 100;
    let right_w = total - left_w;
    let mut left = Vec::new();
    for l in &view.header.parent {
        left.push(w.runs(style::centred(0), &[(l, Look::size(12))]));
    }
    for l in &view.header.issuer {
        left.push(w.runs(style::centred(0), &[(l, Look::size(12).bold())]));
    }
    left.push(style::rule(left_w * 40 / 100, left_w, 8));
    let right = vec![
        w.runs(
            style::centred(0),
            &[("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Look::size(12).bold())],
        ),
        w.runs(
            style::centred(0),
            &[("Độc lập - Tự do - Hạnh phúc", Look::size(13).bold())],
        ),
        style::rule(style::MOTTO_WIDTH, right_w, 8),
    ];
    let number = w.runs(
        style::centred(0),
        &[(&view.header.number_line, Look::size(13))],
    );
    let date = w.runs(
        style::centred(0),
        &[(&view.header.place_date, Look::size(13).italic())],
    );
    w.push(tables::layout_table(
        &[left_w, right_w],
        vec![vec![left, right], vec![vec![number], vec![date]]],
    ));
}

/// Box 5a: KẾ HOẠCH, the title and its short rule.
fn title(view: &View, w: &mut Writer) {
    w.place("tên văn bản (title)");
    let kind = style::centred(0).line_spacing(spacing(14, 0));
    let kind = w.runs(kind, &[("KẾ HOẠCH", Look::size(14).bold())]);
    w.push(kind);
    // The title as the PDF breaks it (`view.title_lines`: even lines, no word alone on
    // the last one), the lines joined by line breaks inside one paragraph.
    let lines = view.title_lines.join("\n");
    let t = w.runs(style::centred(2), &[(&lines, Look::size(14).bold())]);
    w.push(t);
    w.push(style::rule(
        style::body_width() * 30 / 100,
        style::body_width(),
        12,
    ));
}

fn baseline_table(b: &BaselineView, sink: &mut Sink) -> docx_rs::Table {
    sink.place = "bảng hiện trạng (baseline table)".into();
    let plain = |s: &str, sink: &mut Sink| Cell::text(sink.clean(s), Look::default());
    let bold = |s: &str, sink: &mut Sink| Cell::text(sink.clean(s), Look::default().bold());
    let mut rows: Vec<Vec<Cell>> = b
        .rows
        .iter()
        .map(|r| {
            vec![
                plain(&r.code, sink),
                plain(&r.name, sink),
                plain(&r.max_points, sink),
                plain(&r.points, sink),
                plain(&r.rank.map(|x| x.to_string()).unwrap_or_default(), sink),
            ]
        })
        .collect();
    rows.push(vec![
        plain("", sink),
        bold("TỔNG", sink),
        bold(&b.total_max, sink),
        bold(&b.total_points, sink),
        bold(
            &b.total_rank.map(|r| format!("{r}/63")).unwrap_or_default(),
            sink,
        ),
    ]);
    let year = format!("Điểm đạt được năm {}", b.year);
    let widths = [700, 0, 1100, 1500, 1100];
    let rest = style::body_width() - widths.iter().sum::<usize>();
    let widths = [700, rest, 1100, 1500, 1100];
    use AlignmentType::{Center, Left};
    tables::data_table(
        &widths,
        &[Center, Left, Center, Center, Center],
        &["STT", "Chỉ số chính", "Điểm tối đa", &year, "Xếp hạng"],
        rows,
        12,
    )
}

/// The per-agency digest: what each agency leads and supports.
fn digest(agencies: &[AgencyView], w: &mut Writer) {
    w.place("phân công theo cơ quan (agency digest)");
    let many = agencies.len() > 23;
    for (i, a) in agencies.iter().enumerate() {
        let letter = if many {
            (i + 1).to_string()
        } else {
            letters::point_letter(i + 1).to_string()
        };
        let head = format!("{letter}) {}", a.name);
        w.line(&[(&head, Look::default().bold())]);
        for (label, list) in [("Chủ trì:", &a.leads), ("Phối hợp:", &a.supports)] {
            if list.is_empty() {
                continue;
            }
            w.line(&[(label, Look::default().italic())]);
            for x in list {
                let mut s = x.task.clone();
                if let Some(d) = &x.deadline {
                    s.push_str(&format!(" (thời hạn: {d})"));
                }
                s.push(';');
                w.dash("+", &[(&s, Look::default())]);
            }
        }
    }
}

/// Boxes 7a, 7b and 9b: "Nơi nhận" left, the signature right, 38 mm between title and
/// name for the signature and seal images.
fn signature(view: &View, w: &mut Writer) {
    w.place("nơi nhận, chữ ký (recipients, signature)");
    w.push(style::space(200));
    let half = style::body_width() / 2;
    let mut left = vec![w.runs(
        style::plain(0),
        &[("Nơi nhận:", Look::size(12).bold().italic())],
    )];
    for r in &view.recipients {
        let line = format!("- {r}");
        left.push(w.runs(style::plain(0), &[(&line, Look::size(11))]));
    }
    let mut right = Vec::new();
    if let Some(a) = &view.signer.authority {
        right.push(w.runs(style::centred(0), &[(a, Look::size(14).bold())]));
    }
    right.push(w.runs(
        style::centred(0),
        &[(&view.signer.title, Look::size(14).bold())],
    ));
    right.push(style::space(style::mm(38.0)));
    right.push(w.runs(
        style::centred(0),
        &[(&view.signer.name, Look::size(14).bold())],
    ));
    let mut t = tables::layout_table(&[half, style::body_width() - half], vec![vec![left, right]]);
    t = t.align(docx_rs::TableAlignmentType::Left);
    w.push(t);
}
