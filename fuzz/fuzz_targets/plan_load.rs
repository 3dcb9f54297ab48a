//! Plan loading, and the differential check of the two YAML readers: on the same bytes,
//! the fast path (`kehoach::yaml`) must give exactly serde-saphyr's plan, spans included,
//! or decline. Also: loading never panics and every finding is located inside the text.
#![no_main]

use kehoach::plan::Plan;
use kehoach::source::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(fast) = kehoach::yaml::from_str::<Plan>(text) {
        match kehoach::yaml::from_str_saphyr::<Plan>(text) {
            Ok(slow) => assert_eq!(
                format!("{fast:#?}"),
                format!("{slow:#?}"),
                "the fast path differs from serde-saphyr"
            ),
            Err(e) => panic!("the fast path accepted what serde-saphyr rejects: {e}"),
        }
    }
    let source = SourceFile::new("fuzz.yaml", text);
    if let Err(diagnostics) = kehoach::plan::load::parse_plan(&source) {
        assert!(!diagnostics.is_empty());
        for d in diagnostics {
            assert!(d.span.offset + d.span.len <= text.len(), "span outside the text");
            assert!(text.is_char_boundary(d.span.offset), "span inside a character");
        }
    }
});
