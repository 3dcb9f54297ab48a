//! The agency registry: canonical agency names, their aliases ("Sở TT&TT" → "Sở Thông tin
//! và Truyền thông") and the generic groups ("Các sở, ban, ngành tỉnh", "UBND cấp huyện").
//!
//! The registry is data (`lints/agencies.yaml`, embedded; a province passes its own with
//! `--agencies PATH`). Names are compared by [`normalise_key`]; a cell naming several
//! agencies is cut with [`split_agencies`].
//!
//! The registry knows time ([`time`]): an agency or a provincial unit may carry `from`,
//! `until` (the first day it no longer exists) and its `successor`, and a plan is checked
//! against the registry as of its date.

mod load;
mod names;
mod suggest;
pub mod time;

use foldhash::HashMap;

use serde::{Deserialize, Serialize};

pub use load::AgencyError;
pub use names::{normalise_key, split_agencies};
pub use time::{Province, ProvinceKind, Successors};

/// One agency or group, as the registry file declares it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Agency {
    /// Stable identifier, kebab case: "so-tttt".
    pub id: String,
    /// The canonical name: "Sở Thông tin và Truyền thông".
    pub name: String,
    /// An abbreviation in common use ("Sở TT&TT"); matched like an alias.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// Other spellings met in real plans.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub kind: AgencyKind,
    /// The province a body belongs to (press, branches, schools), if it is specific.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// The first day the agency exists (ISO date); absent: before any plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<crate::vn::Date>,
    /// The first day the agency no longer exists (ISO date); absent: it still exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<crate::vn::Date>,
    /// The agencies (ids) that took over its work on `until`: one id or a list.
    #[serde(default, skip_serializing_if = "Successors::is_empty")]
    pub successor: Successors,
    /// The instrument that created or ended it ("Nghị định 45/2025/NĐ-CP").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What sort of body an agency is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AgencyKind {
    /// A department (sở) or a body of the same rank (Thanh tra tỉnh).
    Department,
    /// A people's committee (UBND).
    Committee,
    /// A people's council (HĐND).
    Council,
    /// The provincial party committee (Tỉnh ủy).
    Party,
    /// The Fatherland Front.
    Front,
    /// A ministry (Bộ).
    Ministry,
    /// Another central body (Văn phòng Chính phủ, VNNIC).
    Central,
    /// A steering committee (Ban Chỉ đạo).
    Steering,
    /// Office holders (Chủ tịch, Phó Chủ tịch).
    Leadership,
    /// The committee's office (Văn phòng UBND tỉnh).
    Office,
    /// A central agency's provincial branch (Công an tỉnh, Cục Thuế tỉnh).
    Branch,
    /// Press, broadcaster or the provincial portal.
    Press,
    /// A public service unit (Trung tâm …).
    Unit,
    /// A university or college.
    School,
    /// A company (Bưu điện tỉnh, Viettel Gia Lai).
    Enterprise,
    /// An association (Hiệp hội doanh nghiệp).
    Association,
    /// A generic group of agencies ("Các sở, ban, ngành tỉnh").
    Group,
}

/// Where a name was found in the registry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lookup<'a> {
    /// The canonical name of an agency.
    Canonical(&'a Agency),
    /// An alias (or the short form) of an agency; `alias` is the registry's spelling.
    Alias { agency: &'a Agency, alias: &'a str },
    /// A generic group, by its name or an alias.
    Group(&'a Agency),
    /// Not in the registry.
    Unknown,
}

impl<'a> Lookup<'a> {
    /// The agency found, if any.
    pub fn agency(&self) -> Option<&'a Agency> {
        match *self {
            Lookup::Canonical(a) | Lookup::Group(a) | Lookup::Alias { agency: a, .. } => Some(a),
            Lookup::Unknown => None,
        }
    }

    /// Whether the name was found at all.
    pub fn is_known(&self) -> bool {
        !matches!(self, Lookup::Unknown)
    }
}

/// Which spelling of an agency a key belongs to.
#[derive(Clone, Copy, Debug)]
enum Spelling {
    Name,
    Short,
    Alias(usize),
}

/// The agencies and an index from normalised keys to them.
#[derive(Clone, Debug)]
pub struct Registry {
    agencies: Vec<Agency>,
    index: HashMap<String, (usize, Spelling)>,
    /// The provincial units, before and after 01/7/2025, in file order.
    provinces: Vec<Province>,
    /// Normalised name or alias → index in `provinces`.
    province_index: HashMap<String, usize>,
    /// Trigrams of every spelling, for did-you-mean.
    suggest_index: suggest::SuggestIndex,
}

/// Least similarity (normalised Levenshtein over characters) for a suggestion.
const SUGGEST_THRESHOLD: f64 = 0.75;

impl Registry {
    /// The agencies, in file order.
    pub fn agencies(&self) -> &[Agency] {
        &self.agencies
    }

    /// The agency with this id.
    pub fn get(&self, id: &str) -> Option<&Agency> {
        self.agencies.iter().find(|a| a.id == id)
    }

    /// Find a name as written. Tried in turn: the whole name; the name without a trailing
    /// parenthesis ("Sở Thông tin và Truyền thông (Sở TT &TT)", "… (báo cáo)"); the name
    /// without a trailing qualifier ("UBND huyện, thị xã, thành phố có quyết định …",
    /// "Các doanh nghiệp viễn thông trên địa bàn tỉnh").
    pub fn lookup(&self, name: &str) -> Lookup<'_> {
        let key = normalise_key(name);
        if key.is_empty() {
            return Lookup::Unknown;
        }
        // The name as written first; then "&" read as "và" between words ("Sở Thông tin &
        // Truyền thông"; the key joins it to its neighbours, "thông tin&truyền thông"),
        // after the abbreviations that keep theirs ("TT&TT") had their chance.
        let spelt = key.contains('&').then(|| key.replace('&', " và "));
        for form in std::iter::once(&key).chain(spelt.as_ref()) {
            // The form itself first (most names are found so): the shortened candidates
            // are only worked out when it is not.
            if let Some(&(i, spelling)) = self.index.get(form.as_str()) {
                return self.found(i, spelling);
            }
            for candidate in candidates(form).into_iter().skip(1) {
                if let Some(&(i, spelling)) = self.index.get(candidate) {
                    return self.found(i, spelling);
                }
            }
        }
        Lookup::Unknown
    }

    fn found(&self, i: usize, spelling: Spelling) -> Lookup<'_> {
        let agency = &self.agencies[i];
        if agency.kind == AgencyKind::Group {
            return Lookup::Group(agency);
        }
        let alias = match spelling {
            Spelling::Name => return Lookup::Canonical(agency),
            Spelling::Short => agency.short.as_deref().unwrap_or(&agency.name),
            Spelling::Alias(j) => agency
                .aliases
                .get(j)
                .map_or(agency.name.as_str(), String::as_str),
        };
        Lookup::Alias { agency, alias }
    }

    /// Did you mean …? The canonical name of the agency whose name or alias is most like
    /// `name`, when the likeness reaches a threshold; ties go to the earlier agency in the
    /// file. A name that is a clean prefix of a longer one ("Sở Thông tin và Truyền", cut
    /// off by extraction) also counts.
    pub fn suggest(&self, name: &str) -> Option<&str> {
        let key = normalise_key(name);
        if key.chars().count() < 2 {
            return None;
        }
        self.suggest_index
            .best(&key, SUGGEST_THRESHOLD)
            .map(|i| self.agencies[i].name.as_str())
    }
}

/// The name, the short form and the aliases of an agency.
fn spellings(agency: &Agency) -> impl Iterator<Item = &str> {
    std::iter::once(agency.name.as_str())
        .chain(agency.short.as_deref())
        .chain(agency.aliases.iter().map(String::as_str))
}

/// Keys to try for a name: itself, without a trailing "(…)", without a trailing qualifier.
fn candidates(key: &str) -> Vec<&str> {
    let mut out = vec![key];
    if key.ends_with(')') {
        if let Some(open) = key.rfind('(') {
            out.push(key[..open].trim_end());
        }
    }
    let base = *out.last().unwrap_or(&key);
    for qualifier in [" có quyết định ", " trên địa bàn", " theo "] {
        if let Some(at) = base.find(qualifier) {
            out.push(base[..at].trim_end());
        }
    }
    // A department written with its province ("Sở Nội vụ tỉnh", "Sở Tài chính tỉnh Gia
    // Lai") is the department: a Sở is always the province's. Other names keep "tỉnh"
    // ("Công an tỉnh" is a name of its own).
    if base.starts_with("sở ") {
        if let Some(at) = base.find(" tỉnh") {
            if base[at + " tỉnh".len()..].is_empty() || base[at..].starts_with(" tỉnh ") {
                out.push(&base[..at]);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
