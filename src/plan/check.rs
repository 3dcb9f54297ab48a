//! The detailed check run when a plan does not parse: the text is read into a tree of
//! spanned nodes ([`Node`]) and checked against the plan's JSON Schema (the one
//! `kehoach schema` prints), so that every wrong type, unknown key (with a did-you-mean)
//! and missing key is reported at once, each at its place.

use std::sync::OnceLock;

use serde_json::Value;

use super::node::{Node, NodeKind};
use crate::diagnostic::{Diagnostic, Level, Text};
use crate::source::SourceFile;
use crate::yaml::{codes, error_to_diagnostic};

/// The plan JSON Schema, generated from the Rust types.
pub fn plan_schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        serde_json::to_value(schemars::schema_for!(super::Plan)).unwrap_or(Value::Null)
    })
}

/// Every problem in a plan that failed to parse, each located.
pub fn diagnose(source: &SourceFile, err: &serde_saphyr::Error) -> Vec<Diagnostic> {
    let node = match crate::yaml::from_str_saphyr::<Node>(&source.text) {
        Ok(n) => n,
        // Not even a YAML tree: a syntax error or a budget breach, reported where it is.
        Err(tree_err) => return vec![error_to_diagnostic(source, &tree_err)],
    };
    let schema = plan_schema();
    let mut v = Validator {
        root: schema,
        out: Vec::new(),
    };
    v.check(&node, schema, "");
    if v.out.is_empty() {
        return vec![error_to_diagnostic(source, err)];
    }
    v.out
        .into_iter()
        .map(|d| d.with_file(&source.path))
        .collect()
}

struct Validator<'a> {
    root: &'a Value,
    out: Vec<Diagnostic>,
}

impl<'a> Validator<'a> {
    fn resolve(&self, mut s: &'a Value) -> &'a Value {
        for _ in 0..32 {
            match s.get("$ref").and_then(Value::as_str) {
                Some(r) => {
                    let ptr = r.trim_start_matches('#');
                    match self.root.pointer(ptr) {
                        Some(t) => s = t,
                        None => return s,
                    }
                }
                None => return s,
            }
        }
        s
    }

    /// Check a node; returns whether it is valid (diagnostics are pushed).
    fn check(&mut self, node: &Node, schema: &'a Value, path: &str) -> bool {
        let schema = self.resolve(schema);
        if let Some(alts) = schema
            .get("anyOf")
            .or_else(|| schema.get("oneOf"))
            .and_then(Value::as_array)
        {
            return self.check_alternatives(node, alts, path);
        }
        if !type_ok(node, schema) {
            self.type_error(node, schema, path);
            return false;
        }
        if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
            if !allowed.iter().any(|a| value_eq(node, a)) {
                self.enum_error(node, allowed, path);
                return false;
            }
        }
        if let Some(c) = schema.get("const") {
            if !value_eq(node, c) {
                self.enum_error(node, std::slice::from_ref(c), path);
                return false;
            }
        }
        match &node.kind {
            NodeKind::Map(entries) => self.check_map(node, entries, schema, path),
            NodeKind::Seq(items) => {
                let Some(item_schema) = schema.get("items") else {
                    return true;
                };
                let mut ok = true;
                for (i, item) in items.iter().enumerate() {
                    ok &= self.check(item, item_schema, &format!("{path}[{i}]"));
                }
                ok
            }
            NodeKind::Int(i) => {
                let min = schema.get("minimum").and_then(Value::as_f64);
                if min.is_some_and(|m| (*i as f64) < m) {
                    self.push(
                        codes::SCHEMA,
                        node,
                        path,
                        Text::new(
                            format!("giá trị {i} nhỏ hơn mức tối thiểu"),
                            format!("value {i} is below the minimum"),
                        ),
                        None,
                    );
                    return false;
                }
                true
            }
            _ => true,
        }
    }

    fn check_map(
        &mut self,
        node: &Node,
        entries: &[(crate::source::Spanned<String>, Node)],
        schema: &'a Value,
        path: &str,
    ) -> bool {
        static EMPTY: OnceLock<serde_json::Map<String, Value>> = OnceLock::new();
        let props: &'a serde_json::Map<String, Value> = schema
            .get("properties")
            .and_then(Value::as_object)
            .unwrap_or_else(|| EMPTY.get_or_init(serde_json::Map::new));
        let mut ok = true;
        for (key, value) in entries {
            let child_path = join(path, key);
            if let Some(s) = props.get(key.value.as_str()) {
                ok &= self.check(value, s, &child_path);
            } else if schema.get("additionalProperties") == Some(&Value::Bool(false)) {
                ok = false;
                let known: Vec<&str> = props.keys().map(String::as_str).collect();
                let suggestion = did_you_mean(key, &known);
                let help = match suggestion {
                    Some(s) => Text::new(
                        format!("có phải ý bạn là `{s}`?"),
                        format!("did you mean `{s}`?"),
                    ),
                    None => Text::new(
                        format!("các khóa hợp lệ ở đây: {}", known.join(", ")),
                        format!("keys allowed here: {}", known.join(", ")),
                    ),
                };
                let d = Diagnostic::new(
                    codes::UNKNOWN_KEY.0,
                    codes::UNKNOWN_KEY.1,
                    Level::Error,
                    Text::new(
                        format!("khóa `{}` không có trong định dạng kế hoạch", key.value),
                        format!("unknown key `{}`", key.value),
                    ),
                    key.span,
                )
                .with_path(child_path)
                .with_label(Text::new("khóa lạ", "unknown key"))
                .with_help(help);
                self.out.push(d);
            } else if let Some(s) = schema.get("additionalProperties").filter(|s| s.is_object()) {
                ok &= self.check(value, s, &child_path);
            }
        }
        if let Some(required) = schema.get("required").and_then(Value::as_array) {
            for r in required.iter().filter_map(Value::as_str) {
                if !entries.iter().any(|(k, _)| k.value == r) {
                    ok = false;
                    let desc = props
                        .get(r)
                        .map(|s| self.resolve(s))
                        .and_then(|s| s.get("description"))
                        .and_then(Value::as_str)
                        .map(|d| d.lines().next().unwrap_or("").to_string())
                        .unwrap_or_default();
                    let d = Diagnostic::new(
                        codes::MISSING_KEY.0,
                        codes::MISSING_KEY.1,
                        Level::Error,
                        Text::new(
                            format!("thiếu khóa bắt buộc `{r}`"),
                            format!("missing required key `{r}`"),
                        ),
                        key_span(node),
                    )
                    .with_path(path_or_root(path))
                    .with_label(Text::new(
                        format!("cần có `{r}` ở đây"),
                        format!("`{r}` is needed here"),
                    ))
                    .with_help(Text::new(
                        // The field's description is the schema's, in English: the
                        // Vietnamese help does without it.
                        format!("thêm `{r}:` vào khối này"),
                        format!("add `{r}:` to this mapping. {desc}"),
                    ));
                    self.out.push(d);
                }
            }
        }
        ok
    }

    fn check_alternatives(&mut self, node: &Node, alts: &'a [Value], path: &str) -> bool {
        let candidates: Vec<&'a Value> = alts
            .iter()
            .map(|a| self.resolve(a))
            .filter(|a| type_ok(node, a) || a.get("anyOf").is_some() || a.get("oneOf").is_some())
            .collect();
        match candidates.as_slice() {
            [] => {
                self.type_error_alts(node, alts, path);
                false
            }
            [one] => self.check(node, one, path),
            many => {
                // Valid against any one of them?
                for c in many {
                    let mut probe = Validator {
                        root: self.root,
                        out: Vec::new(),
                    };
                    if probe.check(node, c, path) {
                        return true;
                    }
                }
                self.check(node, many[0], path)
            }
        }
    }

    fn type_error(&mut self, node: &Node, schema: &Value, path: &str) {
        let expected = expected_types(schema);
        self.push_type(node, path, &expected);
    }

    fn type_error_alts(&mut self, node: &Node, alts: &[Value], path: &str) {
        let mut expected: Vec<String> = Vec::new();
        for a in alts {
            for t in expected_types(self.resolve(a)) {
                if !expected.contains(&t) {
                    expected.push(t);
                }
            }
        }
        self.push_type(node, path, &expected);
    }

    fn push_type(&mut self, node: &Node, path: &str, expected: &[String]) {
        let got = node.kind.type_name();
        let exp_en = expected.join(" or ");
        let exp_vi = expected
            .iter()
            .map(|t| type_vi(t))
            .collect::<Vec<_>>()
            .join(" hoặc ");
        self.push(
            codes::SCHEMA,
            node,
            path,
            Text::new(
                format!(
                    "giá trị sai kiểu: cần {exp_vi}, nhưng đây là {}",
                    type_vi(got)
                ),
                format!("wrong type: expected {exp_en}, found {got}"),
            ),
            Some(Text::new(
                format!("sửa giá trị thành {exp_vi}"),
                format!(
                    "write {} here",
                    expected
                        .iter()
                        .map(|t| type_en(t))
                        .collect::<Vec<_>>()
                        .join(" or ")
                ),
            )),
        );
    }

    fn enum_error(&mut self, node: &Node, allowed: &[Value], path: &str) {
        let list: Vec<String> = allowed.iter().map(|a| a.to_string()).collect();
        let list = list.join(", ");
        self.push(
            codes::SCHEMA,
            node,
            path,
            Text::new("giá trị không hợp lệ", "value not allowed"),
            Some(Text::new(
                format!("dùng một trong: {list}"),
                format!("use one of: {list}"),
            )),
        );
    }

    fn push(
        &mut self,
        code: (&'static str, &'static str),
        node: &Node,
        path: &str,
        message: Text,
        help: Option<Text>,
    ) {
        let mut d = Diagnostic::new(code.0, code.1, Level::Error, message, node.span)
            .with_path(path_or_root(path))
            .with_label(Text::new("ở đây", "here"));
        if let Some(h) = help {
            d = d.with_help(h);
        }
        self.out.push(d);
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn path_or_root(path: &str) -> String {
    if path.is_empty() {
        "$".to_string()
    } else {
        path.to_string()
    }
}

/// Where to point for a mapping: its first key (the span of a mapping node is its start).
fn key_span(node: &Node) -> crate::source::Span {
    match &node.kind {
        NodeKind::Map(entries) if !entries.is_empty() => entries[0].0.span,
        _ => node.span,
    }
}

fn expected_types(schema: &Value) -> Vec<String> {
    match schema.get("type") {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(|t| t.as_str().map(String::from))
            .collect(),
        _ if schema.get("enum").is_some() || schema.get("const").is_some() => {
            vec!["string".to_string()]
        }
        _ => vec!["value".to_string()],
    }
}

fn type_vi(t: &str) -> &'static str {
    match t {
        "null" => "rỗng",
        "boolean" => "đúng/sai",
        "integer" => "số nguyên",
        "number" => "số",
        "string" => "chuỗi",
        "array" => "danh sách",
        "object" => "khối khóa–giá trị",
        _ => "giá trị",
    }
}

/// A JSON Schema type as the English help says it ("write an integer here").
fn type_en(t: &str) -> &'static str {
    match t {
        "null" => "nothing",
        "boolean" => "true or false",
        "integer" => "a whole number",
        "number" => "a number",
        "string" => "text",
        "array" => "a list",
        "object" => "a mapping of keys",
        _ => "a value",
    }
}

fn type_ok(node: &Node, schema: &Value) -> bool {
    let one = |t: &str| match (t, &node.kind) {
        ("null", NodeKind::Null)
        | ("boolean", NodeKind::Bool(_))
        | ("integer", NodeKind::Int(_))
        | ("number", NodeKind::Int(_) | NodeKind::Float(_))
        | ("string", NodeKind::Str(_))
        | ("array", NodeKind::Seq(_))
        | ("object", NodeKind::Map(_)) => true,
        ("integer", NodeKind::Float(f)) => f.fract() == 0.0,
        _ => false,
    };
    match schema.get("type") {
        Some(Value::String(t)) => one(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(one),
        _ => true,
    }
}

fn value_eq(node: &Node, v: &Value) -> bool {
    match (&node.kind, v) {
        (NodeKind::Str(s), Value::String(t)) => s == t,
        (NodeKind::Bool(a), Value::Bool(b)) => a == b,
        (NodeKind::Int(a), Value::Number(b)) => b.as_f64() == Some(*a as f64),
        (NodeKind::Float(a), Value::Number(b)) => b.as_f64() == Some(*a),
        (NodeKind::Null, Value::Null) => true,
        _ => false,
    }
}

/// The closest known key, if one is close enough.
pub fn did_you_mean<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (strsim::normalized_damerau_levenshtein(key, k), *k))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(a.1)))
        .map(|(_, k)| k)
}
