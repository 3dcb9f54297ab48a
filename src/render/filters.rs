//! Every Tera filter the templates use, registered in one place, and the autoescape
//! that turns each `{{ … }}` into a Typst string literal (see `escape.rs`).
//!
//! | filter | gives | safe |
//! | --- | --- | --- |
//! | (autoescape) | `#"…";` markup showing the text literally | — |
//! | `str` | `"…"`, a string literal for code mode | yes |
//! | `md` | Markdown converted to Typst markup, text escaped | yes |
//! | `letter` | point letter for a 1-based index: a b c d đ e g … | no |
//! | `roman` | Roman numeral for a 1-based index | no |

use std::collections::HashMap;

use tera::{Filter, Tera, Value};

use super::{escape, markdown};
use crate::vn::letters;

/// Template name suffixes that are autoescaped into Typst string literals.
pub const AUTOESCAPE: &[&str] = &[".typ.tera"];

/// Install the escape function and register every filter.
pub fn register(tera: &mut Tera) {
    tera.autoescape_on(AUTOESCAPE.to_vec());
    tera.set_escape_fn(escape::markup);
    tera.register_filter("str", StrLiteral);
    tera.register_filter("md", Markdown);
    tera.register_filter("letter", |v: &Value, _: &HashMap<String, Value>| {
        let n = index(v, "letter")?;
        Ok(Value::String(letters::point_letter(n).to_string()))
    });
    tera.register_filter("roman", |v: &Value, _: &HashMap<String, Value>| {
        let n = index(v, "roman")?;
        Ok(Value::String(letters::roman(u32::try_from(n).unwrap_or(0))))
    });
}

fn index(v: &Value, name: &str) -> tera::Result<usize> {
    v.as_u64()
        .filter(|n| *n >= 1)
        .map(|n| n as usize)
        .ok_or_else(|| tera::Error::msg(format!("filter `{name}` needs an integer ≥ 1, got {v}")))
}

fn text_of(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

struct StrLiteral;

impl Filter for StrLiteral {
    fn filter(&self, v: &Value, _: &HashMap<String, Value>) -> tera::Result<Value> {
        Ok(Value::String(escape::literal(&text_of(v))))
    }
    fn is_safe(&self) -> bool {
        true
    }
}

struct Markdown;

impl Filter for Markdown {
    fn filter(&self, v: &Value, _: &HashMap<String, Value>) -> tera::Result<Value> {
        Ok(Value::String(markdown::to_typst(&text_of(v))))
    }
    fn is_safe(&self) -> bool {
        true
    }
}
