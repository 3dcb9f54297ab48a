//! Catalogue loading and validation: never panics; an error names a place inside the text.
#![no_main]

use kehoach::source::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = SourceFile::new("fuzz-catalogue.yaml", text);
    if let Ok(cat) = kehoach::catalogue::parse(&source) {
        // A catalogue that loads can be described and queried.
        let _ = format!("{cat:?}");
    }
});
