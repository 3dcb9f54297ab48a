//! Fidelity: each bundled plan's PDF body against its original (`../shared/seeds/`).
//!
//! Both bodies run from the start to "Nơi nhận". Each is cut into clauses — split at
//! `.` `;` `:` `!` `?` and line ends — and the clauses of 8 words or more are kept, after
//! normalising case, whitespace, quotes and Markdown marks. Recall is the share of the
//! original's clauses found verbatim in the PDF body; precision the share of the PDF
//! body's clauses found verbatim in the original. Target: at least 98 % both, on every
//! plan. A clause the target excuses is listed in [`EXCUSED`] with its reason
//! (extraction damage only). Where `../shared/` is absent the test says that it skipped.

use std::path::{Path, PathBuf};

use kehoach::render::{RenderOptions, render_plan};

/// (plan, seed file).
const PLANS: &[(&str, &str)] = &[
    ("tien-giang-2023.yaml", "000_3eac941eea2bc646.txt"),
    ("tuyen-quang-2022.yaml", "001_7c7853e00c4cb2fd.txt"),
    ("tien-giang-2024.yaml", "002_92dd16be4f8a8617.txt"),
    ("ca-mau-2023.yaml", "003_cacecb8799e26908.txt"),
    ("gia-lai-2023.yaml", "004_b3856cd79483fea2.txt"),
];

/// The target, in percent, for recall and precision.
const TARGET: f64 = 98.0;

/// Plans re-encoded with an outline, held to the target. The others are measured and
/// printed (`cargo test fidelity -- --nocapture`) until they are re-encoded.
const HELD: &[&str] = &[];

/// Clauses excused from the count: (plan, start of the normalised clause, reason). Only
/// extraction damage is a reason.
const EXCUSED: &[(&str, &str, &str)] = &[];

/// `../shared/seeds` beside the checkout (or beside its parent, for a worktree under
/// `wt/`).
fn seeds_dir() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["../shared/seeds", "../../shared/seeds"]
        .iter()
        .map(|r| root.join(r))
        .find(|d| d.is_dir())
}

/// Lower case, Markdown marks and quotes unified or dropped, whitespace collapsed.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '*' | '_' | '`' | '#' => {}
            '“' | '”' | '„' | '‟' | '«' | '»' | '"' | '‘' | '’' | '\'' => {
                out.push('"')
            }
            '\u{a0}' => out.push(' '),
            c => out.extend(c.to_lowercase()),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The clauses of a text: split at . ; : ! ? and line ends, normalised, 8 words or more.
pub fn clauses(text: &str) -> Vec<String> {
    text.split(['.', ';', ':', '!', '?', '\n'])
        .map(normalise)
        .filter(|c| c.split(' ').count() >= 8)
        .collect()
}

/// The body: from the start to "Nơi nhận". Where the extraction lost "Nơi nhận" (Cà Mau),
/// the body ends with the paragraph that ends the text ("./.").
fn body(text: &str) -> &str {
    match text.find("Nơi nhận") {
        Some(i) => &text[..i],
        None => match text.find("./.") {
            Some(i) => &text[..i + 3],
            None => text,
        },
    }
}

/// Share (percent) of `clauses` found in `other` (normalised), and those not found.
fn share<'a>(clauses: &'a [String], other: &str, plan: &str) -> (f64, Vec<&'a String>) {
    let mut counted = 0usize;
    let mut found = 0usize;
    let mut missing = Vec::new();
    for c in clauses {
        if EXCUSED
            .iter()
            .any(|(p, start, _)| *p == plan && c.starts_with(&normalise(start)))
        {
            continue;
        }
        counted += 1;
        if other.contains(c.as_str()) {
            found += 1;
        } else {
            missing.push(c);
        }
    }
    let pct = if counted == 0 {
        100.0
    } else {
        100.0 * found as f64 / counted as f64
    };
    (pct, missing)
}

fn pdf_body(plan: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("plans")
        .join(plan);
    let loaded = kehoach::plan::load_plan(&path).unwrap_or_else(|e| panic!("{e}"));
    let catalogue = kehoach::catalogue::resolve(&loaded.plan.catalogue, None).unwrap();
    let out = render_plan(
        &loaded.plan,
        &loaded.source,
        &catalogue,
        &RenderOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{plan}: {e}"));
    let text = pdf_extract::extract_text_from_mem(&out.pdf).unwrap();
    body(&text).to_string()
}

/// Recall and precision of one plan, with the clauses that missed.
fn measure(plan: &str, seed: &Path) -> (f64, f64, Vec<String>, Vec<String>) {
    let original = std::fs::read_to_string(seed).unwrap();
    let original = body(&original);
    let pdf = pdf_body(plan);
    let (orig_clauses, pdf_clauses) = (clauses(original), clauses(&pdf));
    let (recall, lost) = share(&orig_clauses, &normalise(&pdf), plan);
    let (precision, added) = share(&pdf_clauses, &normalise(original), plan);
    (
        recall,
        precision,
        lost.into_iter().cloned().collect(),
        added.into_iter().cloned().collect(),
    )
}

#[test]
fn bundled_plans_reproduce_their_originals() {
    let Some(dir) = seeds_dir() else {
        eprintln!("skipped bundled_plans_reproduce_their_originals: ../shared/seeds is absent");
        return;
    };
    let mut failures = Vec::new();
    for (plan, seed) in PLANS {
        let (recall, precision, lost, added) = measure(plan, &dir.join(seed));
        eprintln!("{plan}: recall {recall:.1} %, precision {precision:.1} %");
        for c in lost.iter().take(8) {
            eprintln!("  lost:  {c}");
        }
        for c in added.iter().take(8) {
            eprintln!("  added: {c}");
        }
        if HELD.contains(plan) && (recall < TARGET || precision < TARGET) {
            failures.push(format!(
                "{plan}: recall {recall:.1} %, precision {precision:.1} %"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "below {TARGET} %: {}",
        failures.join("; ")
    );
}

#[test]
fn clauses_are_cut_and_normalised_as_the_issue_says() {
    let t = "Một hai ba bốn năm sáu bảy tám; ngắn quá.\n“Chín” *mười* một hai ba bốn năm sáu";
    assert_eq!(
        clauses(t),
        vec![
            "một hai ba bốn năm sáu bảy tám".to_string(),
            "\"chín\" mười một hai ba bốn năm sáu".to_string(),
        ]
    );
}
