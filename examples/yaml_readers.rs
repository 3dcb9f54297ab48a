//! How fast each YAML reader reads the bundled plans (the measurement behind the
//! "one YAML truth" decision in the README):
//!
//! - `granit events`: granit-parser (serde-saphyr's own parser) producing its event
//!   stream, spans included, and nothing else: the floor for a spanned tree built from
//!   the maintained parser's events;
//! - `fast tree`: kehoach's reader (`yaml::tree::parse`), spanned tree only;
//! - `fast plan`: that tree deserialised into the plan model (what lint and render use);
//! - `serde-saphyr plan`: serde-saphyr's spanned deserialisation of the same model.
//!
//!     cargo run --release --example yaml_readers [ROUNDS]
//!
//! Prints MB/s per reader, each over ROUNDS (default 20) passes over the five plans, best
//! of three runs, on one core.

// A measurement tool: its output is the point.
#![allow(clippy::print_stdout)]

use std::time::Instant;

use kehoach::plan::Plan;

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut plans: Vec<(String, String)> = std::fs::read_dir(&root)
        .expect("plans/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .filter(|p| p.file_name().is_some_and(|n| n != "kehoach.yaml"))
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).expect("read"),
            )
        })
        .collect();
    plans.sort();
    let bytes: usize = plans.iter().map(|(_, t)| t.len()).sum();
    println!(
        "{} plans, {:.1} KB, {rounds} rounds, best of 3",
        plans.len(),
        bytes as f64 / 1e3
    );
    // Every reader must take every plan, or the comparison is void.
    for (name, text) in &plans {
        assert!(
            kehoach::yaml::tree::parse(text).is_ok(),
            "{name}: fast tree declined"
        );
        assert!(
            kehoach::yaml::from_str::<Plan>(text).is_some(),
            "{name}: fast plan declined"
        );
        kehoach::yaml::from_str_saphyr::<Plan>(text).expect("serde-saphyr");
        let events = granit_parser::Parser::new_from_str(text).count();
        assert!(events > 0);
    }
    let bench = |label: &str, f: &dyn Fn(&str) -> usize| {
        let mut best = f64::MAX;
        let mut sink = 0;
        for _ in 0..3 {
            let t = Instant::now();
            for _ in 0..rounds {
                for (_, text) in &plans {
                    sink += f(text);
                }
            }
            best = best.min(t.elapsed().as_secs_f64());
        }
        let mbs = (bytes * rounds) as f64 / best / 1e6;
        println!(
            "{label:<20} {mbs:>8.1} MB/s  ({:.2} ms per pass over the plans; {sink})",
            best * 1e3 / rounds as f64
        );
    };
    bench("granit events", &|t| {
        granit_parser::Parser::new_from_str(t)
            .map(|e| usize::from(e.is_ok()))
            .sum()
    });
    bench("fast tree", &|t| {
        usize::from(kehoach::yaml::tree::parse(t).is_ok())
    });
    bench("fast plan", &|t| {
        usize::from(kehoach::yaml::from_str::<Plan>(t).is_some())
    });
    bench("serde-saphyr plan", &|t| {
        usize::from(kehoach::yaml::from_str_saphyr::<Plan>(t).is_ok())
    });
}
