//! The registry's time model: which agencies and provincial units exist on a given day,
//! and what took their place.
//!
//! An entry exists on `day` when `from <= day < until` (either bound may be absent).
//! `until` is the first day it no longer exists, as the legal texts word it ("từ ngày
//! 01/3/2025"). Successors are followed until one that exists on the day.

use serde::{Deserialize, Serialize};

use super::{Agency, Registry, normalise_key};
use crate::vn::Date;

/// The successors of an agency: written as one id or a list of ids.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Successors(pub Vec<String>);

impl Successors {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }
}

impl<'de> Deserialize<'de> for Successors {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum OneOrMany {
            One(String),
            Many(Vec<String>),
        }
        Ok(match OneOrMany::deserialize(d)? {
            OneOrMany::One(s) => Successors(vec![s]),
            OneOrMany::Many(v) => Successors(v),
        })
    }
}

/// A provincial unit (tỉnh, thành phố trực thuộc trung ương), as the registry lists it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Province {
    /// "Tiền Giang", "Hồ Chí Minh" (without "tỉnh" / "thành phố").
    pub name: String,
    pub kind: ProvinceKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// The first day the unit no longer exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    /// The unit it was merged into (by name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub successor: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
}

/// Province or centrally-run city.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProvinceKind {
    /// tỉnh
    Province,
    /// thành phố trực thuộc trung ương
    City,
}

impl ProvinceKind {
    /// "tỉnh", "thành phố".
    pub fn word(self) -> &'static str {
        match self {
            ProvinceKind::Province => "tỉnh",
            ProvinceKind::City => "thành phố",
        }
    }
}

/// Whether `from <= day < until`.
fn live(from: Option<Date>, until: Option<Date>, day: Date) -> bool {
    from.is_none_or(|f| f <= day) && until.is_none_or(|u| day < u)
}

impl Agency {
    /// Whether the agency exists on `day`.
    pub fn exists_on(&self, day: Date) -> bool {
        live(self.from, self.until, day)
    }
}

impl Province {
    /// Whether the unit exists on `day`.
    pub fn exists_on(&self, day: Date) -> bool {
        live(self.from, self.until, day)
    }

    /// "tỉnh Tiền Giang", "thành phố Hồ Chí Minh".
    pub fn full_name(&self) -> String {
        format!("{} {}", self.kind.word(), self.name)
    }
}

/// Longest successor chain followed (a registry with a cycle is refused on load; this
/// only bounds the walk).
const MAX_CHAIN: usize = 16;

impl Registry {
    /// The provincial units, in file order.
    pub fn provinces(&self) -> &[Province] {
        &self.provinces
    }

    /// The provincial unit with this name or alias ("Tiền Giang", "TP.HCM"), whatever
    /// its dates.
    pub fn province(&self, name: &str) -> Option<&Province> {
        self.province_index
            .get(&normalise_key(name))
            .map(|&i| &self.provinces[i])
    }

    /// The units that exist on `day`, in file order.
    pub fn provinces_on(&self, day: Date) -> Vec<&Province> {
        self.provinces.iter().filter(|p| p.exists_on(day)).collect()
    }

    /// The unit that took over `province` and exists on `day` (following merges).
    pub fn province_successor_on<'a>(
        &'a self,
        province: &'a Province,
        day: Date,
    ) -> Option<&'a Province> {
        let mut at = province;
        for _ in 0..MAX_CHAIN {
            if at.exists_on(day) {
                return Some(at);
            }
            at = self.province(at.successor.as_deref()?)?;
        }
        None
    }

    /// The agencies that carry on the work of `agency` on `day`: itself when it exists
    /// then, else its successors (followed until ones that exist), in order, without
    /// repeats. Empty when it has none (or none exists yet on `day`).
    pub fn successors_on<'a>(&'a self, agency: &'a Agency, day: Date) -> Vec<&'a Agency> {
        let mut out: Vec<&Agency> = Vec::new();
        self.collect_successors(agency, day, 0, &mut out);
        out
    }

    fn collect_successors<'a>(
        &'a self,
        agency: &'a Agency,
        day: Date,
        depth: usize,
        out: &mut Vec<&'a Agency>,
    ) {
        if depth > MAX_CHAIN {
            return;
        }
        if agency.exists_on(day) {
            if !out.iter().any(|a| a.id == agency.id) {
                out.push(agency);
            }
            return;
        }
        for id in agency.successor.iter() {
            if let Some(next) = self.get(id) {
                self.collect_successors(next, day, depth + 1, out);
            }
        }
    }
}
