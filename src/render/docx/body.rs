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
use crate::render::view::View;
use crate::vn::letters;

/// Writes blocks, numbering parts and items as it goes.
pub struct Writer<'s> {
    pub sink: &'s mut Sink,
    pub blocks: Vec<Block>,
    part: u32,
    item: u32,
}

impl<'s> Writer<'s> {
    pub fn new(sink: &'s mut Sink) -> Self {
        Writer {
            sink,
            blocks: Vec::new(),
            part: 0,
            item: 0,
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

    /// A part heading: "I. MỤC ĐÍCH, YÊU CẦU".
    pub fn part(&mut self, heading: &str) {
        self.part += 1;
        self.item = 0;
        self.place(heading);
        let text = format!("{}. {}", letters::roman(self.part), heading);
        self.heading(&text);
    }

    /// An item heading: "1. Mục đích".
    pub fn item(&mut self, heading: &str) {
        self.item += 1;
        let text = format!("{}. {}", self.item, heading);
        self.heading(&text);
    }

    /// A point: "a) " and its title in bold, then ": " and the body when there is one.
    pub fn point(&mut self, letter: &str, title: &str, body: Option<&str>) {
        let mark = format!("{letter}) ");
        let mut runs = vec![
            (mark.as_str(), Look::default()),
            (title, Look::default().bold()),
        ];
        if let Some(b) = body.filter(|b| !b.is_empty()) {
            runs.push((": ", Look::default()));
            runs.push((b, Look::default()));
        }
        self.line(&runs);
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

/// The whole body of the plan, up to and including the signature block.
pub fn write(view: &View, w: &mut Writer) {
    header(view, w);
    title(view, w);
    w.place("căn cứ (bases)");
    for b in &view.bases {
        w.line(&[(b, Look::default().italic())]);
    }
    if let Some(p) = &view.preamble {
        w.place("lời mở đầu (preamble)");
        w.md(p);
    }
    if view.purposes.is_some() || view.requirements.is_some() {
        w.part("MỤC ĐÍCH, YÊU CẦU");
        if let Some(t) = &view.purposes {
            w.item("Mục đích");
            w.md(t);
        }
        if let Some(t) = &view.requirements {
            w.item("Yêu cầu");
            w.md(t);
        }
    }
    if let Some(b) = &view.baseline {
        w.part(&format!("HIỆN TRẠNG CHỈ SỐ DTI NĂM {}", b.year));
        if !b.rows.is_empty() {
            let t = baseline_table(view, w.sink);
            w.push(t);
        }
        if let Some(t) = &b.text {
            w.md(t);
        }
        analysis(view, w);
    }
    if let Some(g) = &view.goals {
        w.part("MỤC TIÊU");
        if let Some(t) = &g.text {
            w.md(t);
        }
        if g.total.is_some() || g.rank.is_some() {
            let mut s = String::new();
            if let Some(t) = &g.total {
                s.push_str(&format!("Tổng điểm DTI phấn đấu đạt: {t} điểm. "));
            }
            if let Some(r) = g.rank {
                s.push_str(&format!("Xếp hạng phấn đấu: {r}/63."));
            }
            w.line(&[(s.trim_end(), Look::default())]);
        }
    }
    tasks(view, w);
    for s in &view.sections {
        match s.depth {
            1 => w.part(&s.heading),
            2 => w.item(&s.heading),
            _ => w.line(&[(&s.heading, Look::default().bold())]),
        }
        if let Some(b) = &s.body {
            w.md(b);
        }
    }
    organisation(view, w);
    if let Some(r) = &view.reporting {
        w.part("CHẾ ĐỘ BÁO CÁO");
        w.md(r);
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
    let t = w.runs(style::centred(2), &[(&view.title, Look::size(14).bold())]);
    w.push(t);
    w.push(style::rule(
        style::body_width() * 30 / 100,
        style::body_width(),
        12,
    ));
}

fn baseline_table(view: &View, sink: &mut Sink) -> docx_rs::Table {
    let b = view.baseline.as_ref().expect("called with a baseline");
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

/// The "Hiện trạng" analysis from the score engine.
fn analysis(view: &View, w: &mut Writer) {
    let Some(a) = &view.analysis else { return };
    for i in &a.indices {
        let head = format!("Chỉ số {} – {}:", i.code, i.name);
        w.line(&[(&head, Look::default().italic())]);
        for s in [&i.full, &i.partial, &i.zero] {
            w.dash("-", &[(s, Look::default())]);
        }
    }
    if !a.gaps.is_empty() {
        w.line(&[(
            "Các chỉ số còn nhiều điểm cần cải thiện nhất:",
            Look::default(),
        )]);
        for g in &a.gaps {
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
}

/// NHIỆM VỤ, GIẢI PHÁP: groups as items, tasks as points with their fields.
fn tasks(view: &View, w: &mut Writer) {
    if view.task_groups.is_empty() && view.kept.is_empty() {
        return;
    }
    w.part("NHIỆM VỤ, GIẢI PHÁP");
    for g in &view.task_groups {
        w.item(&g.heading);
        for (i, t) in g.tasks.iter().enumerate() {
            w.place(&format!("nhiệm vụ {} (task)", t.id));
            w.point(letters::point_letter(i + 1), &t.title, None);
            if let Some(b) = &t.body {
                w.md(b);
            }
            let fields = [
                ("Cơ quan chủ trì", Some(&t.lead).filter(|s| !s.is_empty())),
                (
                    "Cơ quan phối hợp",
                    Some(&t.support).filter(|s| !s.is_empty()),
                ),
                ("Thời gian hoàn thành", t.deadline.as_ref()),
                ("Kết quả cần đạt", t.target.as_ref()),
                ("Kinh phí", t.budget.as_ref()),
                ("Ghi chú", t.note.as_ref()),
            ];
            for (label, value) in fields {
                if let Some(v) = value {
                    let label = format!("{label}:");
                    w.dash(
                        "-",
                        &[
                            (&label, Look::default().italic()),
                            (" ", Look::default()),
                            (v, Look::default()),
                            (";", Look::default()),
                        ],
                    );
                }
            }
        }
    }
    if !view.kept.is_empty() {
        w.item("Các chỉ số giữ nguyên");
        w.place("chỉ số giữ nguyên (kept)");
        for (i, k) in view.kept.iter().enumerate() {
            let title = if k.name.is_empty() {
                format!("Chỉ số {}", k.code)
            } else {
                format!("Chỉ số {} {}", k.code, k.name)
            };
            let body = format!("{}: {}", k.status, k.reason);
            w.point(letters::point_letter(i + 1), &title, Some(&body));
        }
    }
}

/// TỔ CHỨC THỰC HIỆN: the text, the duties per agency, and what each agency leads and
/// supports.
fn organisation(view: &View, w: &mut Writer) {
    if view.organisation.is_none() && view.agencies.is_empty() {
        return;
    }
    w.part("TỔ CHỨC THỰC HIỆN");
    if let Some(o) = &view.organisation {
        if let Some(t) = &o.text {
            w.md(t);
        }
        for d in &o.duties {
            w.item(&d.agency);
            w.md(&d.body);
        }
    }
    if view.agencies.is_empty() {
        return;
    }
    w.item("Phân công theo cơ quan");
    let many = view.agencies.len() > 23;
    for (i, a) in view.agencies.iter().enumerate() {
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
