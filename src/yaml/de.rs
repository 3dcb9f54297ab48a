//! A serde deserialiser over a [`tree::Node`](super::tree::Node), answering
//! [`Spanned`](crate::source::Spanned) with the node's span.
//!
//! Plain scalars are typed by what is asked for, as in serde-saphyr: `1.10` is the text
//! "1.10" for a string field and 1.1 for a number. Where serde-saphyr's resolution is
//! wider than the obvious one (YAML 1.1 booleans such as `yes`, `0012`, `1_000`, `.inf`),
//! this deserialiser returns an error and the caller reads the file with serde-saphyr.

use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};

use super::tree::{Kind, Node};

pub use crate::source::{SPAN_KEY, SPANNED_NAME};

/// Why the fast path declined (the message is for debugging only: the caller falls back).
#[derive(Debug)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

fn decline<T>(what: &str, node: &Node<'_>) -> Result<T, Error> {
    Err(Error(format!(
        "{what} at line {} column {}",
        node.span.line, node.span.column
    )))
}

fn is_null(s: &str) -> bool {
    matches!(s, "" | "~" | "null" | "Null" | "NULL")
}

fn as_bool(s: &str) -> Option<bool> {
    match s {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// A decimal integer without leading zeros or separators.
fn as_int(s: &str) -> Option<i128> {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if digits.is_empty()
        || !digits.bytes().all(|b| b.is_ascii_digit())
        || (digits.len() > 1 && digits.starts_with('0'))
        || digits.len() > 30
    {
        return None;
    }
    s.parse().ok()
}

/// A decimal number: `12`, `-3.5`, `.5`, `1e3`, `2.`; no leading zeros before digits.
fn as_float(s: &str) -> Option<f64> {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (mantissa, exp) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int, frac) = match mantissa.find('.') {
        Some(i) => (&mantissa[..i], Some(&mantissa[i + 1..])),
        None => (mantissa, None),
    };
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let ok = digits(int)
        && frac.is_none_or(digits)
        && !(int.is_empty() && frac.is_none_or(str::is_empty))
        && !(int.len() > 1 && int.starts_with('0'))
        && exp.is_none_or(|e| {
            let e = e.strip_prefix(['-', '+']).unwrap_or(e);
            !e.is_empty() && digits(e)
        });
    // `1e400` overflows to infinity: serde-saphyr refuses non-finite numbers, so decline.
    if ok {
        s.parse().ok().filter(|f: &f64| f.is_finite())
    } else {
        None
    }
}

/// Plain text that serde-saphyr might read as something other than a string when asked
/// for "anything".
fn ambiguous_plain(s: &str) -> bool {
    let first = s.as_bytes()[0];
    first.is_ascii_digit()
        || matches!(first, b'-' | b'+' | b'.')
        || matches!(
            s.to_ascii_lowercase().as_str(),
            "y" | "n" | "yes" | "no" | "on" | "off"
        )
}

impl<'de, 'n, 's> Deserializer<'de> for &'n Node<'s> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match &self.kind {
            Kind::Empty => v.visit_unit(),
            Kind::Text(t) => v.visit_str(t),
            Kind::Plain(s) => {
                if is_null(s) {
                    v.visit_unit()
                } else if let Some(b) = as_bool(s) {
                    v.visit_bool(b)
                } else if let Some(i) = as_int(s) {
                    if let Ok(i) = i64::try_from(i) {
                        v.visit_i64(i)
                    } else if let Ok(u) = u64::try_from(i) {
                        v.visit_u64(u)
                    } else {
                        decline("a very large integer", self)
                    }
                } else if let Some(f) = as_float(s) {
                    v.visit_f64(f)
                } else if ambiguous_plain(s) {
                    decline("a plain scalar whose type is ambiguous", self)
                } else {
                    v.visit_str(s)
                }
            }
            Kind::Seq(items) => v.visit_seq(Seq(items.iter())),
            Kind::Map(entries) => v.visit_map(Map {
                entries: entries.iter(),
                value: None,
            }),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match &self.kind {
            Kind::Plain(s) => match as_bool(s) {
                Some(b) => v.visit_bool(b),
                None => decline("not a plain boolean", self),
            },
            _ => decline("not a boolean", self),
        }
    }

    fn deserialize_i64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match &self.kind {
            Kind::Plain(s) => match as_int(s) {
                Some(i) => match i64::try_from(i) {
                    Ok(i) => v.visit_i64(i),
                    Err(_) => match u64::try_from(i) {
                        Ok(u) => v.visit_u64(u),
                        Err(_) => decline("a very large integer", self),
                    },
                },
                None => decline("not a plain integer", self),
            },
            _ => decline("not an integer", self),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match &self.kind {
            Kind::Plain(s) => match as_float(s) {
                Some(f) => v.visit_f64(f),
                None => decline("not a plain number", self),
            },
            _ => decline("not a number", self),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match &self.kind {
            Kind::Text(t) => v.visit_str(t),
            Kind::Plain(s) if !is_null(s) => v.visit_str(s),
            _ => decline("not a string", self),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match &self.kind {
            Kind::Empty => v.visit_none(),
            Kind::Plain(s) if is_null(s) => v.visit_none(),
            _ => v.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match &self.kind {
            Kind::Empty => v.visit_unit(),
            Kind::Plain(s) if is_null(s) => v.visit_unit(),
            _ => decline("not null", self),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(v)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        if name == SPANNED_NAME {
            v.visit_newtype_struct(Located(self))
        } else {
            v.visit_newtype_struct(self)
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match &self.kind {
            Kind::Seq(items) => v.visit_seq(Seq(items.iter())),
            _ => decline("not a sequence", self),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, v: V) -> Result<V::Value, Error> {
        self.deserialize_seq(v)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        v: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(v)
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match &self.kind {
            Kind::Map(entries) => v.visit_map(Map {
                entries: entries.iter(),
                value: None,
            }),
            _ => decline("not a mapping", self),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(v)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        match &self.kind {
            Kind::Plain(_) | Kind::Text(_) => v.visit_enum(Enum {
                variant: self,
                value: None,
            }),
            Kind::Map(entries) if entries.len() == 1 => v.visit_enum(Enum {
                variant: &entries[0].0,
                value: Some(&entries[0].1),
            }),
            _ => decline("not an enum value", self),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i128 u8 u16 u32 u64 u128 f32 char bytes byte_buf
    }
}

struct Seq<'n, 's>(std::slice::Iter<'n, Node<'s>>);

impl<'de, 'n, 's> SeqAccess<'de> for Seq<'n, 's> {
    type Error = Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.0.next().map(|n| seed.deserialize(n)).transpose()
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Map<'n, 's> {
    entries: std::slice::Iter<'n, (Node<'s>, Node<'s>)>,
    value: Option<&'n Node<'s>>,
}

impl<'de, 'n, 's> MapAccess<'de> for Map<'n, 's> {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.entries.next() {
            Some((k, v)) => {
                self.value = Some(v);
                seed.deserialize(k).map(Some)
            }
            None => Ok(None),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let v = self
            .value
            .take()
            .ok_or_else(|| Error("value asked before key".into()))?;
        seed.deserialize(v)
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

struct Enum<'n, 's> {
    variant: &'n Node<'s>,
    value: Option<&'n Node<'s>>,
}

impl<'de, 'n, 's> EnumAccess<'de> for Enum<'n, 's> {
    type Error = Error;
    type Variant = Self;
    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let v = seed.deserialize(self.variant)?;
        Ok((v, self))
    }
}

impl<'de, 'n, 's> VariantAccess<'de> for Enum<'n, 's> {
    type Error = Error;
    fn unit_variant(self) -> Result<(), Error> {
        match self.value {
            None => Ok(()),
            Some(n) => decline("a unit variant with a value", n),
        }
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        match self.value {
            Some(n) => seed.deserialize(n),
            None => decline("a variant without its value", self.variant),
        }
    }
    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, v: V) -> Result<V::Value, Error> {
        match self.value {
            Some(n) => n.deserialize_seq(v),
            None => decline("a variant without its value", self.variant),
        }
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        match self.value {
            Some(n) => n.deserialize_map(v),
            None => decline("a variant without its value", self.variant),
        }
    }
}

/// What a `Spanned` visitor receives: a map `{__kehoach_span: [line, column, offset,
/// len], value: <node>}`.
struct Located<'n, 's>(&'n Node<'s>);

impl<'de, 'n, 's> Deserializer<'de> for Located<'n, 's> {
    type Error = Error;
    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_map(LocatedMap {
            node: self.0,
            state: 0,
        })
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map struct
        enum identifier ignored_any
    }
}

struct LocatedMap<'n, 's> {
    node: &'n Node<'s>,
    state: u8,
}

impl<'de, 'n, 's> MapAccess<'de> for LocatedMap<'n, 's> {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let key = match self.state {
            0 => SPAN_KEY,
            1 => "value",
            _ => return Ok(None),
        };
        seed.deserialize(key.into_deserializer()).map(Some)
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        self.state += 1;
        if self.state == 1 {
            let s = self.node.span;
            let parts = [
                s.line as u64,
                s.column as u64,
                s.offset as u64,
                s.len as u64,
            ];
            seed.deserialize(de::value::SeqDeserializer::<_, Error>::new(
                parts.into_iter(),
            ))
        } else {
            seed.deserialize(self.node)
        }
    }
}
