//! Named facts, computed once per profile: the profile's own fields under short names and the
//! derived figures (ratios, net assets, debt-to-asset ratio, R&D intensity, growth rates).
//! A fact that cannot be known carries the profile paths that would complete it.
//! Assessments, policies and hints read facts; nothing here knows about them.

mod figures;
mod missing;

use figures::{figure, input_facts, value_of, year_field, FIGURES};
pub use figures::{growth_rate, paths_read_by, DERIVED_READS};
pub use missing::Missing;

use crate::inputs::INPUTS;
use crate::profile::Profile;
use rust_decimal::Decimal;

/// The type of a fact or an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    Num,
    Bool,
    Str,
}

impl Ty {
    pub fn name(self) -> &'static str {
        match self {
            Ty::Num => "number",
            Ty::Bool => "boolean",
            Ty::Str => "string",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Val {
    Num(Decimal),
    Bool(bool),
    /// Shared: reading a text fact or a policy's string literal copies a pointer, not the text.
    Str(std::sync::Arc<str>),
}

impl Val {
    pub fn ty(&self) -> Ty {
        match self {
            Val::Num(_) => Ty::Num,
            Val::Bool(_) => Ty::Bool,
            Val::Str(_) => Ty::Str,
        }
    }

    /// The report's form of a value: decimals without trailing zeros, booleans as words.
    pub fn show(&self) -> String {
        match self {
            Val::Num(d) => crate::money::fmt(*d),
            Val::Bool(b) => String::from(if *b { "true" } else { "false" }),
            Val::Str(s) => String::from(&**s),
        }
    }
}

/// A value, or the profile inputs whose absence keeps it unknown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Known {
    Yes(Val),
    Missing(Missing),
}

impl Known {
    /// The same value written the same way (a decimal's scale too): what evaluating it gives
    /// cannot differ. Missing values are the same when they lack the same inputs.
    pub fn identical(&self, other: &Known) -> bool {
        match (self, other) {
            (Known::Yes(Val::Num(a)), Known::Yes(Val::Num(b))) => a.serialize() == b.serialize(),
            (a, b) => a == b,
        }
    }

    pub fn missing(paths: impl IntoIterator<Item = String>) -> Known {
        Known::Missing(
            paths
                .into_iter()
                .fold(Missing::NONE, |m, p| m.union(Missing::of(&p))),
        )
    }

    pub fn num(&self) -> Option<Decimal> {
        match self {
            Known::Yes(Val::Num(d)) => Some(*d),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub ty: Ty,
    pub value: Known,
}

/// All facts of one evaluation, in a fixed order: the profile's facts (`derive` pushes the same
/// names in the same order for every profile), the assessments' results, then the policy's own
/// facts. A compiled policy resolves every name to its position once (`Slot::Global`), so
/// evaluation reads facts by index; the names serve compilation, hints and errors.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    // Built-in names are static and a policy's are shared: adding a fact allocates no key.
    list: Vec<(FactName, Fact)>,
}

/// A fact's name: a built-in one, or one a policy named (shared with the compiled policy).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactName {
    Static(&'static str),
    Shared(std::sync::Arc<str>),
}

impl FactName {
    pub fn as_str(&self) -> &str {
        match self {
            FactName::Static(s) => s,
            FactName::Shared(s) => s,
        }
    }
}

impl From<&'static str> for FactName {
    fn from(s: &'static str) -> Self {
        FactName::Static(s)
    }
}

impl From<std::sync::Arc<str>> for FactName {
    fn from(s: std::sync::Arc<str>) -> Self {
        FactName::Shared(s)
    }
}

impl From<String> for FactName {
    fn from(s: String) -> Self {
        FactName::Shared(s.into())
    }
}

impl Facts {
    pub fn with_capacity(n: usize) -> Self {
        Facts {
            list: Vec::with_capacity(n),
        }
    }

    pub fn get(&self, name: &str) -> Option<&Fact> {
        self.list
            .iter()
            .find(|(k, _)| k.as_str() == name)
            .map(|(_, f)| f)
    }

    /// The position of a name (compilation and cold paths only: a linear search).
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.list.iter().position(|(k, _)| k.as_str() == name)
    }

    /// The name at a position.
    pub fn name_at(&self, i: usize) -> Option<&str> {
        self.list.get(i).map(|(k, _)| k.as_str())
    }

    pub fn at(&self, i: usize) -> Option<&Fact> {
        self.list.get(i).map(|(_, f)| f)
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Adds a fact after the others (the caller keeps names unique).
    pub fn push(&mut self, name: impl Into<FactName>, ty: Ty, value: Known) {
        self.list.push((name.into(), Fact { ty, value }));
    }

    /// Adds copies of the facts of `other` at `from..from + n` (their names and types too);
    /// false, adding nothing, when `other` does not hold them all.
    pub fn push_from(&mut self, other: &Facts, from: usize, n: usize) -> bool {
        match other.list.get(from..from.saturating_add(n)) {
            Some(entries) => {
                self.list.extend(entries.iter().cloned());
                true
            }
            None => false,
        }
    }

    /// Whether the facts at `positions` are identical here and in `other` (a position this list
    /// does not hold yet counts as changed).
    pub fn same_at(&self, other: &Facts, positions: &[usize]) -> bool {
        positions.iter().all(|&i| match (self.at(i), other.at(i)) {
            (Some(a), Some(b)) => a.value.identical(&b.value),
            _ => false,
        })
    }

    /// Replaces the value at a position.
    pub fn set_at(&mut self, i: usize, value: Known) {
        if let Some((_, f)) = self.list.get_mut(i) {
            f.value = value;
        }
    }

    /// Replaces a fact by name, or adds it (compilation and cold paths only).
    pub fn set(&mut self, name: impl Into<FactName>, ty: Ty, value: Known) {
        let name = name.into();
        match self.index_of(name.as_str()) {
            Some(i) => {
                if let Some(slot) = self.list.get_mut(i) {
                    slot.1 = Fact { ty, value };
                }
            }
            None => self.push(name, ty, value),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Fact)> {
        self.list.iter().map(|(k, v)| (k.as_str(), v))
    }

    fn derived(&mut self, name: &'static str, value: Result<Decimal, Missing>) {
        let known = match value {
            Ok(d) => Known::Yes(Val::Num(d.normalize())),
            Err(m) => Known::Missing(m),
        };
        self.push(name, Ty::Num, known);
    }
}

/// Computes every fact of a profile.
pub fn derive(p: &Profile) -> Facts {
    // Room for the schemes' and the policy's facts too: the list never grows during a run.
    let mut f = Facts::with_capacity(256);
    input_facts(p, &mut f);
    for (name, ty, compute) in FIGURES {
        f.push(*name, *ty, compute(p));
    }
    f
}

/// Where a fact that reads one input comes from: the input itself (its catalog position), or a
/// derived figure (its place in `FIGURES`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Input(usize),
    Figure(usize),
}

/// The facts that read the input at `path` (a scalar field, or a field of the latest fiscal
/// year), by position, and where each comes from: what changes when only that input does. None
/// for any other path.
pub fn readers_of(path: &str) -> Option<Vec<(usize, Source)>> {
    let layout = derive(&Profile::default());
    let (input, year) = crate::inputs::of_path(path)?;
    let catalog = crate::inputs::position(input.path)?;
    let own = match (year, &input.per_year) {
        (Some(0), Some(years)) => *years.facts.first()?,
        (None, None) => input.path,
        _ => return None,
    };
    let mut out = vec![(layout.index_of(own)?, Source::Input(catalog))];
    for (k, (name, _, _)) in FIGURES.iter().enumerate() {
        if paths_read_by(name).iter().any(|p| p == path) {
            out.push((layout.index_of(name)?, Source::Figure(k)));
        }
    }
    Some(out)
}

/// The facts of a profile that differs from the one `given` was derived from only in the input
/// whose readers are `readers` (`readers_of`): those are computed again, the rest copied.
pub fn derive_changed(given: &Facts, p: &Profile, readers: &[(usize, Source)]) -> Facts {
    let mut f = given.clone();
    for &(at, source) in readers {
        let value = match source {
            Source::Input(i) => match INPUTS.get(i) {
                Some(input) => match (&input.per_year, input.year_key()) {
                    (Some(_), Some(key)) => figure(year_field(p, 0, key)),
                    _ => value_of(p.at(i), i),
                },
                None => continue,
            },
            Source::Figure(k) => match FIGURES.get(k) {
                Some((_, _, compute)) => compute(p),
                None => continue,
            },
        };
        f.set_at(at, value);
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// Compiled policies read facts by position: every profile must give the same names in the
    /// same order, each once.
    #[test]
    fn every_profile_gives_the_same_fact_names_in_the_same_order() {
        let names =
            |p: &Profile| -> Vec<String> { derive(p).iter().map(|(k, _)| k.to_string()).collect() };
        let empty = names(&Profile::default());
        let mut unique = empty.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), empty.len());
        let mut full = Profile::default();
        for (path, v) in [
            ("financials[2].taxPaid", "1"),
            ("employees", "10"),
            ("techStaff", "2"),
            ("yearsOperating", "1"),
            ("financials[0].revenue", "100"),
        ] {
            assert!(full.set_num(path, d(v)));
        }
        assert_eq!(names(&full), empty);
    }

    #[test]
    fn every_fact_a_policy_may_read_names_the_paths_it_reads() {
        for (name, _) in derive(&Profile::default()).iter() {
            assert!(
                name == "yearsGiven" || !paths_read_by(name).is_empty(),
                "{name}"
            );
        }
        assert_eq!(paths_read_by("priorRevenue"), vec!["financials[1].revenue"]);
        assert_eq!(paths_read_by("rdIntensity").len(), 6);
    }

    #[test]
    fn growth_rules_of_the_guideline() {
        // ½ × (150/100 + 300/150) − 1 = 0.75
        assert_eq!(
            growth_rate(&[d("100"), d("150"), d("300")]),
            Some(d("0.75"))
        );
        // zero first year: the later two only
        assert_eq!(growth_rate(&[d("0"), d("100"), d("150")]), Some(d("0.5")));
        // zero second year: scores nothing
        assert_eq!(growth_rate(&[d("100"), d("0"), d("150")]), Some(d("0")));
        // two years
        assert_eq!(growth_rate(&[d("100"), d("120")]), Some(d("0.2")));
        assert_eq!(growth_rate(&[d("100")]), None);
    }
}
