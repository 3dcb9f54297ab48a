//! KH132 citation-date-conflict: the same document cited with two different dates in
//! one plan (bases and text alike).

use foldhash::{HashMap, HashMapExt};

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Check, Explanation, Meta, RuleDef, StaticText, t};
use crate::vn::Date;

pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH132",
        name: "citation-date-conflict",
        level: Level::Warning,
        summary: StaticText::new(
            "cùng một văn bản được dẫn với hai ngày ban hành khác nhau",
            "the same document cited with two different dates",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "một văn bản chỉ có một ngày ban hành; khi kế hoạch dẫn cùng một số văn bản với hai ngày khác nhau thì ít nhất một chỗ sai, và người đọc không biết chỗ nào đúng. Ngày được so giữa mọi chỗ dẫn trong kế hoạch, cả phần căn cứ; chỗ có năm trong số khác năm của ngày do KH106 và KH131 báo",
                "a document has one date of issue; when a plan cites the same number with two dates, at least one is wrong and the reader cannot tell which. Dates are compared across every citation in the plan, the bases included; a date whose year differs from the year in the number is reported by KH106 and KH131 instead",
            ),
            bad: "bases:\n  - Căn cứ Kế hoạch số 203/KH-UBND ngày 10/6/2022 của UBND tỉnh;\ntasks:\n  - id: nv-1\n    body: Thực hiện theo Kế hoạch số 203/KH-UBND ngày 16/6/2022.\n",
            good: "bases:\n  - Căn cứ Kế hoạch số 203/KH-UBND ngày 10/6/2022 của UBND tỉnh;\ntasks:\n  - id: nv-1\n    body: Thực hiện theo Kế hoạch số 203/KH-UBND ngày 10/6/2022.\n",
        },
    },
    check: Check::Plan(check),
};

struct Cited {
    field: usize,
    range: std::ops::Range<usize>,
    date: Date,
    number: String,
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let texts = cx.texts();
    let fields = texts.fields();
    let mut by_key: HashMap<String, Vec<Cited>> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for (k, cited) in texts.citations().iter().enumerate() {
        for c in cited {
            let (Some(key), Some(d)) = (c.key(), &c.date) else {
                continue;
            };
            let Some(date) = d.date() else { continue };
            // A year in the number that the date contradicts is another rule's finding.
            if c.number_year().is_some_and(|y| y != d.year) {
                continue;
            }
            if !by_key.contains_key(&key) {
                order.push(key.clone());
            }
            by_key.entry(key).or_default().push(Cited {
                field: k,
                range: d.range.clone(),
                date,
                number: c.number.as_ref().map(|n| n.0.clone()).unwrap_or_default(),
            });
        }
    }
    for key in order {
        let cites = &by_key[&key];
        // Numbers without a year repeat from year to year ("214/KH-UBND" of 2022 and of
        // 2023 are two plans): only dates in the same year conflict there.
        let has_year = key.split('/').count() >= 3;
        // The date cited most often is taken as meant; the first on a tie.
        let mut counts: Vec<(Date, usize)> = Vec::new();
        for c in cites {
            match counts.iter_mut().find(|(d, _)| *d == c.date) {
                Some((_, n)) => *n += 1,
                None => counts.push((c.date, 1)),
            }
        }
        if counts.len() < 2 {
            continue;
        }
        let best = counts
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.1.cmp(&b.1.1).then(b.0.cmp(&a.0)))
            .map(|(_, (d, _))| *d);
        let Some(best) = best else { continue };
        for c in cites {
            if c.date == best || (!has_year && c.date.year != best.year) {
                continue;
            }
            let f = &fields[c.field];
            out.push(
                RULE.meta
                    .diag(
                        format!(
                            "\"{}\" được dẫn ngày {} ở đây nhưng ngày {} ở chỗ khác",
                            c.number,
                            c.date.short_vi(),
                            best.short_vi()
                        ),
                        format!(
                            "\"{}\" is dated {} here but {} elsewhere",
                            c.number,
                            c.date.iso(),
                            best.iso()
                        ),
                        texts.phrase(f, c.range.clone()),
                    )
                    .with_path(f.path.clone())
                    .with_label(t("ngày khác", "another date"))
                    .with_help(t(
                        "đối chiếu ngày ban hành với bản gốc của văn bản và sửa cho thống nhất",
                        "check the date against the cited document and make the citations agree",
                    )),
            );
        }
    }
}
