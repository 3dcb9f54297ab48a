//! Vietnamese deadlines, numbers and dates: never panic; a parsed number is finite; a
//! deadline's earliest date is not after its latest.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(v) = kehoach::vn::number::parse(text) {
        assert!(v.is_finite(), "{text:?} parsed as {v}");
        let _ = kehoach::vn::number::format(v, 2);
        let _ = kehoach::vn::number::points(v);
    }
    let _ = kehoach::vn::date::Date::parse_iso(text);
    let _ = kehoach::vn::date::Date::parse_dmy(text);
    let d = kehoach::vn::deadline::Deadline::parse(text);
    if let kehoach::vn::deadline::DeadlineKind::Unparseable { reason } = d.kind {
        let _ = reason.message();
    }
    let _ = d.is_blank();
    let _ = d.is_time();
    if let (Some(a), Some(b)) = (d.earliest(), d.latest()) {
        assert!(a <= b, "{text:?}: earliest {a:?} after latest {b:?}");
    }
    let _ = d.latest_in(2024);
    let _ = d.earliest_in(2024);
});
