//! Markdown → Typst: never panics, and the markup it makes always parses as Typst
//! without errors (text cannot break out of its string literals).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(md) = std::str::from_utf8(data) else {
        return;
    };
    let typ = kehoach::render::markdown::to_typst(md);
    kehoach::render::markdown::check_typst_syntax(&typ).unwrap_or_else(|e| {
        panic!("invalid Typst from {md:?}:\n{typ}\n{e}");
    });
});
