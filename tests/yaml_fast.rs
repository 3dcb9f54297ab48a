//! The fast YAML path (`kehoach::yaml`) against serde-saphyr: wherever the fast path
//! accepts a text, it must give exactly what serde-saphyr gives — values and spans — and
//! it must never accept what serde-saphyr rejects.

use std::path::Path;

use indexmap::IndexMap;
use kehoach::plan::{Figure, InputValue, Plan, PointsClass};
use kehoach::source::Spanned;
use kehoach::yaml;
use kehoach::yaml::options as yaml_options;
use serde::Deserialize;
use walkdir::WalkDir;

fn saphyr<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_saphyr::from_str_with_options::<T>(text, yaml_options()).map_err(|e| e.to_string())
}

/// Every YAML file of the repository's plans and test fixtures, read as a plan both ways.
#[test]
fn fast_path_gives_serde_saphyrs_plan_on_every_plan_and_fixture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut compared = 0;
    let mut declined = Vec::new();
    for dir in ["plans", "tests/fixtures"] {
        for entry in WalkDir::new(root.join(dir)).sort_by_file_name() {
            let entry = entry.unwrap();
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "yaml") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            let slow = saphyr::<Plan>(&text);
            let fast = yaml::from_str::<Plan>(&text);
            match (&slow, &fast) {
                (Ok(s), Some(f)) => {
                    assert_eq!(
                        format!("{f:#?}"),
                        format!("{s:#?}"),
                        "{}: the fast path differs from serde-saphyr",
                        path.display()
                    );
                    compared += 1;
                }
                (Err(e), Some(_)) => panic!(
                    "{}: the fast path accepted a plan serde-saphyr rejects ({e})",
                    path.display()
                ),
                (Ok(_), None) => declined.push(path.strip_prefix(root).unwrap().to_owned()),
                (Err(_), None) => {}
            }
        }
    }
    // The five bundled plans are exactly the YAML the fast path exists for.
    for plan in [
        "ca-mau-2023",
        "gia-lai-2023",
        "tien-giang-2023",
        "tien-giang-2024",
        "tuyen-quang-2022",
    ] {
        let p = Path::new("plans").join(format!("{plan}.yaml"));
        assert!(
            !declined.contains(&p),
            "the fast path declined {}",
            p.display()
        );
    }
    assert!(compared >= 20, "only {compared} plans compared");
}

/// Read only through its `Debug` output, which the tests compare.
#[allow(dead_code)]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Probe {
    #[serde(default)]
    s: Option<Spanned<String>>,
    #[serde(default)]
    n: Option<Spanned<f64>>,
    #[serde(default)]
    i: Option<Spanned<i64>>,
    #[serde(default)]
    u: Option<u32>,
    #[serde(default)]
    b: Option<bool>,
    #[serde(default)]
    f: Vec<Spanned<Figure>>,
    #[serde(default)]
    v: Vec<Spanned<String>>,
    #[serde(default)]
    m: IndexMap<String, Spanned<InputValue>>,
    #[serde(default)]
    k: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    t: Vec<Spanned<Inner>>,
    #[serde(default)]
    c: Option<PointsClass>,
    #[serde(default)]
    z: Option<Spanned<Option<String>>>,
}

#[allow(dead_code)]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Inner {
    id: Spanned<String>,
    #[serde(default)]
    text: Option<Spanned<String>>,
    #[serde(default)]
    list: Vec<Spanned<String>>,
}

/// Texts the fast path takes: each must give serde-saphyr's value and spans.
const TAKEN: &[&str] = &[
    "s: Ủy ban nhân dân tỉnh  # comment\n",
    "s: \"Sở \\\"TT\\\" và \\u00e1 \\x41 \\\\ \\/\"\n",
    "s: 'Sở ''X'' và # không phải chú thích'\n",
    "s: a#b c\n",
    "s: 1.10\ni: -12\nn: 1.5e3\nu: 7\nb: true\n",
    "n: 12\ni: +3\n",
    "f: [226.420, \"468,9\", 87.50, 0, .5, -1.25, 1e3, abc, \"\"]\n",
    "v: [\"a\", 'b', c d, \"e, f\"]\n",
    "v:\n- a\n- \"b\"\n",
    "v:\n  - a\n\n  # comment\n  - b   # trailing\n",
    "v: []\nk: []\n",
    "m: {a: 12, b: true, c: text, d: \"q\", e: -3.5}\n",
    "m:\n  a: 1\n  b: false\n  c: Thường xuyên\n",
    "k:\n  - x\n  - y\n",
    "k: [x,\n    y,   # comment\n    z]\n",
    "t:\n  - id: \"a\"\n    text: b\n    list: [c]\n  - id: d\n    list:\n      - e\n",
    "t:\n- id: a\n  list:\n  - b\n  - c\n",
    "s: |\n  dòng 1\n  dòng 2\n",
    "s: |-\n  dòng 1\n\n  dòng 3\n\nb: true\n",
    "s: |+\n  giữ\n\n\nb: false\n",
    "s: |  # header comment\n  a\n    b\n  c\n",
    "s: >\n  gấp\n  dòng\n\n  đoạn 2\n",
    "s: >-\n  gấp\n  dòng\n",
    "s: |-\n  cuối tệp",
    "t:\n  - id: a\n    text: |-\n      khối\n      trong mục\n  - id: b\n",
    "s: |\n  a\n# c\n\nb: true\n",
    "s: >+\n  a\n\n  # not a comment\n",
    "c: partial\n",
    "z: ~\n",
    "s: ~\n",
    "z: null\ns: x\n",
    "z:\ns: x\n",
    "z: \"null\"\n",
    "# only comments first\n\ns: x\n# and last\n",
    "s: x",
];

/// Texts the fast path declines (serde-saphyr reads them, or reports the error).
const DECLINED: &[&str] = &[
    "s: &a x\nv: [*a]\n",
    "s: !!str x\n",
    "---\ns: x\n",
    "s: x\n...\n",
    "s: dòng một\n  dòng hai\n",
    "s: \"dòng một\n  dòng hai\"\n",
    "s: x\r\nb: true\r\n",
    "\u{feff}s: x\n",
    "\"s\": x\n",
    "s: x\ns: y\n",
    "b: yes\n",
    "i: 0012\n",
    "n: 1_000\n",
    "n: .inf\n",
    "f: [yes]\n",
    "f: [0012]\n",
    "t:\n  - id: ~\n",
    "s: |2\n   a\n",
    "s: >\n  a\n    more\n  b\n",
    "v:\n\t- a\n",
    "s: a: b\n",
    "s: x\n - y\n",
    "m: {\"a\": 1}\n",
    "? s\n: x\n",
    "v: [[a], b]\n",
    "s:\n  - a\n",
    "[a, b]\n",
    "",
];

#[test]
fn fast_path_matches_serde_saphyr_on_the_yaml_it_takes() {
    for text in TAKEN {
        let fast = yaml::from_str::<Probe>(text);
        let slow = saphyr::<Probe>(text);
        let Some(fast) = fast else {
            panic!("fast path declined {text:?} (serde-saphyr: {slow:?})");
        };
        let slow = slow.unwrap_or_else(|e| panic!("serde-saphyr rejects {text:?}: {e}"));
        assert_eq!(format!("{fast:#?}"), format!("{slow:#?}"), "on {text:?}");
    }
}

#[test]
fn fast_path_declines_what_it_does_not_take() {
    for text in DECLINED {
        let fast = yaml::from_str::<Probe>(text);
        assert!(fast.is_none(), "fast path took {text:?}: {fast:?}");
    }
}

#[test]
fn fast_path_never_accepts_what_serde_saphyr_rejects() {
    let bad = [
        "s: [a, b\n",
        "s: \"open\n",
        "s: x\n  t: y\n",
        "u: -1\n",
        "u: abc\n",
        "b: maybe\n",
        "c: somewhat\n",
        "t:\n  - text: no id\n",
        "unknown: 1\n",
        "v: a\n",
    ];
    for text in bad {
        let slow = saphyr::<Probe>(text);
        assert!(slow.is_err(), "serde-saphyr reads {text:?}");
        assert!(
            yaml::from_str::<Probe>(text).is_none(),
            "fast path accepted {text:?}"
        );
    }
}

#[test]
fn deep_nesting_and_many_nodes_are_left_to_serde_saphyr() {
    let deep = format!("k: {}x{}\n", "[".repeat(60), "]".repeat(60));
    assert!(yaml::tree::parse(&deep).is_err());
    let wide = format!("v: [{}]\n", vec!["a"; 300_000].join(", "));
    assert!(yaml::tree::parse(&wide).is_err());
}
