//! Numbers as Vietnamese documents write them: "." groups thousands, "," marks decimals
//! ("226.420" = 226,420; "468,9" = 468.9). Some tables use "." as the decimal mark
//! ("63.33"): a "." followed by exactly three digits (and no ",") is read as a group
//! separator, any other "." as a decimal mark.

/// Parse a number as written: "226.420", "1.000", "468,9", "63.33", "10", "-3,5", "85%".
/// Returns `None` for blanks and text that is not a number.
pub fn parse(s: &str) -> Option<f64> {
    let t = s.trim().trim_end_matches('%').trim();
    if t.is_empty() {
        return None;
    }
    let (neg, t) = match t.strip_prefix('-').or_else(|| t.strip_prefix('−')) {
        Some(rest) => (true, rest.trim()),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    if t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let normalised = if t.contains(',') {
        // "1.234,5": dots group thousands, the comma is the decimal mark.
        if t.matches(',').count() > 1 || !groups_ok(t.split(',').next()?) {
            return None;
        }
        t.replace('.', "").replace(',', ".")
    } else if t.contains('.') {
        let parts: Vec<&str> = t.split('.').collect();
        let grouped = parts.len() > 1
            && parts[1..].iter().all(|p| p.len() == 3)
            && !parts[0].is_empty()
            && parts[0].len() <= 3;
        if grouped {
            t.replace('.', "")
        } else if parts.len() == 2 {
            t.to_string()
        } else {
            return None;
        }
    } else {
        t.to_string()
    };
    // A figure too large for f64 ("5111…" of 300 digits) is not a number: it would print
    // "inf" in the PDF and poison every sum (found by the vn_parse fuzz target).
    let v: f64 = normalised.parse().ok().filter(|v: &f64| v.is_finite())?;
    Some(if neg { -v } else { v })
}

fn groups_ok(int_part: &str) -> bool {
    if !int_part.contains('.') {
        return !int_part.is_empty();
    }
    let parts: Vec<&str> = int_part.split('.').collect();
    !parts[0].is_empty() && parts[0].len() <= 3 && parts[1..].iter().all(|p| p.len() == 3)
}

/// Format with "." thousands and "," decimals, at most `decimals` places, trailing zeros
/// dropped: `format(226420.0, 0)` = "226.420", `format(468.9, 2)` = "468,9".
pub fn format(v: f64, decimals: usize) -> String {
    let neg = v < 0.0;
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), f.trim_end_matches('0').to_string()),
        None => (s.clone(), String::new()),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let mut out = String::new();
    if neg && (int != "0" || !frac.is_empty()) {
        out.push('-');
    }
    out.push_str(&grouped);
    if !frac.is_empty() {
        out.push(',');
        out.push_str(&frac);
    }
    out
}

/// Format points the way DTI tables do: up to two decimals ("627,42", "10", "6,67").
pub fn points(v: f64) -> String {
    format(v, 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_as_written() {
        assert_eq!(parse("226.420"), Some(226420.0));
        assert_eq!(parse("1.000"), Some(1000.0));
        assert_eq!(parse("1.234.567"), Some(1234567.0));
        assert_eq!(parse("468,9"), Some(468.9));
        assert_eq!(parse("1.234,5"), Some(1234.5));
        assert_eq!(parse("63.33"), Some(63.33));
        assert_eq!(parse("627.42"), Some(627.42));
        assert_eq!(parse("10"), Some(10.0));
        assert_eq!(parse(" -3,5 "), Some(-3.5));
        assert_eq!(parse("85%"), Some(85.0));
        assert_eq!(parse(""), None);
        assert_eq!(parse("  "), None);
        assert_eq!(parse("không"), None);
        assert_eq!(parse("1,2,3"), None);
        assert_eq!(parse("12.34.5"), None);
    }

    #[test]
    fn formats_as_written() {
        assert_eq!(format(226420.0, 0), "226.420");
        assert_eq!(format(468.9, 2), "468,9");
        assert_eq!(format(627.42, 2), "627,42");
        assert_eq!(format(1000.0, 2), "1.000");
        assert_eq!(format(-1234.5, 1), "-1.234,5");
        assert_eq!(format(0.0, 2), "0");
        assert_eq!(points(6.666_666), "6,67");
    }

    #[test]
    fn round_trips() {
        for v in [0.5, 12.0, 999.0, 1000.0, 226420.0, 468.9, 1234567.25] {
            assert_eq!(parse(&format(v, 2)), Some(v), "{v}");
        }
    }
}
