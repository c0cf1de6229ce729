//! The input model (contract §2): reading a profile from raw JSON, with every problem reported at
//! once as a typed issue with its JSON path. The fields and their types are declared once, in
//! `inputs::INPUTS`; this reader walks that list. Every field is optional; `None` means "not given".

use crate::error::{index, join, Code, Error, Issue};
use crate::inputs::{Input, Type, INPUTS};
use crate::json::Json;
use crate::money::{read_number, NumKind};
use rust_decimal::Decimal;

pub const MAX_YEARS: usize = 3;
pub const MAX_TEXT: usize = 200;
/// At most this many problems are reported for one profile.
pub const MAX_ISSUES: usize = 50;

/// The catalog's per-year fields, `INPUTS[YEAR_START..YEAR_END]` (they are contiguous).
// A const fn cannot call `get`; the loop's condition keeps every index in bounds.
#[allow(clippy::indexing_slicing)]
const fn year_span() -> (usize, usize) {
    let (mut i, mut start, mut end) = (0, usize::MAX, 0);
    while i < INPUTS.len() {
        if INPUTS[i].per_year.is_some() {
            if start == usize::MAX {
                start = i;
            }
            end = i + 1;
        }
        i += 1;
    }
    (start, end)
}
pub const YEAR_START: usize = year_span().0;
pub const YEAR_END: usize = year_span().1;
const YEAR_FIELDS: usize = YEAR_END - YEAR_START;

/// The per-year fields, in catalog order.
pub fn year_inputs() -> &'static [Input] {
    INPUTS.get(YEAR_START..YEAR_END).unwrap_or(&[])
}

/// The value of one scalar field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Num(Decimal),
    Bool(bool),
    Text(String),
}

/// One fiscal year: the per-year fields, in catalog order.
pub type Year = [Option<Decimal>; YEAR_FIELDS];

/// A company profile (contract §2): a value (or none) for each field of the catalog, and the
/// fiscal years, latest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    values: Vec<Option<Value>>,
    years: Vec<Year>,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            values: vec![None; INPUTS.len()],
            years: Vec::new(),
        }
    }
}

/// Reads one JSON object: hands out fields by key, collects issues, and reports unknown keys.
struct Obj<'v, 'e> {
    entries: &'v [(String, Json)],
    path: String,
    seen: Vec<&'static str>,
    issues: &'e mut Vec<Issue>,
}

impl<'v, 'e> Obj<'v, 'e> {
    fn open(v: &'v Json, path: &str, issues: &'e mut Vec<Issue>) -> Option<Obj<'v, 'e>> {
        match v {
            Json::Object(entries) => Some(Obj {
                entries,
                path: path.to_string(),
                seen: Vec::new(),
                issues,
            }),
            Json::Null => None,
            other => {
                issues.push(
                    Issue::new(Code::WrongType, path)
                        .with("object")
                        .with(other.kind()),
                );
                None
            }
        }
    }

    /// The value under `key`, or None when absent or null (an explicit null means "not given").
    /// (Paths are built only when a problem is reported: `self.at(key)`.)
    fn raw(&mut self, key: &'static str) -> Option<&'v Json> {
        self.seen.push(key);
        let entries: &'v [(String, Json)] = self.entries;
        entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| !matches!(v, Json::Null))
    }

    fn at(&self, key: &str) -> String {
        join(&self.path, key)
    }

    fn number(&mut self, key: &'static str, kind: NumKind) -> Option<Decimal> {
        let v = self.raw(key)?;
        match read_number(v, kind, "") {
            Ok(d) => Some(d),
            Err(mut e) => {
                e.path = self.at(key);
                self.issues.push(e);
                None
            }
        }
    }

    /// A ratio within 0..=1.
    fn ratio(&mut self, key: &'static str) -> Option<Decimal> {
        let path = join(&self.path, key);
        let v = self.number(key, NumKind::Quantity)?;
        if v > Decimal::ONE {
            self.issues
                .push(Issue::new(Code::OutOfRange, path).with(v).with("0–1"));
            return None;
        }
        Some(v)
    }

    fn boolean(&mut self, key: &'static str) -> Option<bool> {
        let v = self.raw(key)?;
        match v {
            Json::Bool(b) => Some(*b),
            other => {
                let path = self.at(key);
                self.issues.push(
                    Issue::new(Code::WrongType, path)
                        .with("boolean")
                        .with(other.kind()),
                );
                None
            }
        }
    }

    fn text(&mut self, key: &'static str) -> Option<String> {
        let v = self.raw(key)?;
        match v {
            Json::Str(s) if s.chars().count() <= MAX_TEXT => Some(s.clone()),
            Json::Str(_) => {
                let path = self.at(key);
                self.issues
                    .push(Issue::new(Code::TooLong, path).with(MAX_TEXT));
                None
            }
            other => {
                let path = self.at(key);
                self.issues.push(
                    Issue::new(Code::WrongType, path)
                        .with("string")
                        .with(other.kind()),
                );
                None
            }
        }
    }

    fn one_of(&mut self, key: &'static str, allowed: &[&str]) -> Option<String> {
        let value = self.text(key)?;
        if allowed.contains(&value.as_str()) {
            Some(value)
        } else {
            let shown: String = value.chars().take(40).collect();
            let path = self.at(key);
            self.issues.push(
                Issue::new(Code::UnknownValue, path)
                    .with(shown)
                    .with(allowed.join(", ")),
            );
            None
        }
    }

    /// Lowercase pinyin place names: letters, spaces and hyphens only.
    fn place(&mut self, key: &'static str) -> Option<String> {
        let value = self.text(key)?;
        if !value.is_empty()
            && value
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c == ' ')
        {
            Some(value)
        } else {
            let shown: String = value.chars().take(40).collect();
            let path = self.at(key);
            self.issues.push(
                Issue::new(Code::UnknownValue, path)
                    .with(shown)
                    .with("lowercase pinyin, e.g. jiangsu, kunshan"),
            );
            None
        }
    }

    fn child<T: Default>(
        &mut self,
        key: &'static str,
        read: impl FnOnce(&mut Obj<'v, '_>) -> T,
    ) -> T {
        let Some(v) = self.raw(key) else {
            return T::default();
        };
        let path = self.at(key);
        match Obj::open(v, &path, self.issues) {
            Some(mut o) => {
                let t = read(&mut o);
                o.finish();
                t
            }
            None => T::default(),
        }
    }

    fn finish(self) {
        for (k, _) in self.entries {
            if !self.seen.contains(&k.as_str()) {
                let shown: String = k.chars().take(40).collect();
                self.issues
                    .push(Issue::new(Code::UnknownField, join(&self.path, &shown)).with(shown));
            }
        }
    }
}

impl Obj<'_, '_> {
    /// Reads one field of the catalog under its last key.
    fn input(&mut self, key: &'static str, f: &Input, whole: Option<Decimal>) -> Option<Value> {
        let path = || join(&self.path, key);
        let num = |this: &mut Self, kind| this.number(key, kind).map(Value::Num);
        match f.ty {
            Type::Text => self.text(key).map(Value::Text),
            Type::Place(_) => self.place(key).map(Value::Text),
            Type::Choice(opts) => {
                let allowed: Vec<&str> = opts.iter().map(|o| o.value).collect();
                self.one_of(key, &allowed).map(Value::Text)
            }
            Type::Flag => self.boolean(key).map(Value::Bool),
            Type::Amount => num(self, NumKind::Amount),
            Type::SignedAmount => num(self, NumKind::SignedAmount),
            Type::Years => num(self, NumKind::Quantity),
            Type::Ratio => self.ratio(key).map(Value::Num),
            Type::Count => {
                let p = path();
                let v = self.number(key, NumKind::Count)?;
                if let Some(w) = whole.filter(|w| v > *w) {
                    self.issues
                        .push(Issue::new(Code::Inconsistent, p).with(v).with(w));
                    return None;
                }
                Some(Value::Num(v))
            }
            Type::Bounded { whole, min, max } => {
                let p = path();
                let kind = if whole {
                    NumKind::Count
                } else {
                    NumKind::Quantity
                };
                let v = self.number(key, kind)?;
                if v < Decimal::from(min) || v > Decimal::from(max) {
                    self.issues.push(
                        Issue::new(Code::OutOfRange, p)
                            .with(v)
                            .with(format!("{min}–{max}")),
                    );
                    return None;
                }
                Some(Value::Num(v))
            }
        }
    }
}

/// The last key of a path inside its object (`statuses.littleGiant` → `littleGiant`).
fn key_of(path: &'static str) -> &'static str {
    path.rsplit_once('.').map_or(path, |(_, k)| k)
}

fn group_of(path: &'static str) -> Option<&'static str> {
    path.split_once('.').map(|(g, _)| g)
}

fn read_year(o: &mut Obj) -> Year {
    let mut year: Year = [None; YEAR_FIELDS];
    for (slot, f) in year.iter_mut().zip(year_inputs()) {
        *slot = match o.input(key_of(f.path), f, None) {
            Some(Value::Num(d)) => Some(d),
            _ => None,
        };
    }
    year
}

fn read_financials(o: &mut Obj) -> Vec<Year> {
    let Some(v) = o.raw("financials") else {
        return Vec::new();
    };
    let path = o.at("financials");
    let Json::Array(items) = v else {
        o.issues.push(
            Issue::new(Code::WrongType, path)
                .with("array")
                .with(v.kind()),
        );
        return Vec::new();
    };
    if items.len() > MAX_YEARS {
        o.issues
            .push(Issue::new(Code::TooManyYears, path).with(items.len()));
        return Vec::new();
    }
    let mut years = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let p = index(&path, i);
        match item {
            Json::Object(_) => {
                if let Some(mut y) = Obj::open(item, &p, o.issues) {
                    years.push(read_year(&mut y));
                    y.finish();
                }
            }
            other => o.issues.push(
                Issue::new(Code::WrongType, p)
                    .with("object")
                    .with(other.kind()),
            ),
        }
    }
    years
}

/// Reads the fields `INPUTS[from..to]` of one object into `values`.
fn read_fields(o: &mut Obj, from: usize, to: usize, values: &mut [Option<Value>]) {
    for (i, f) in INPUTS.iter().enumerate().take(to).skip(from) {
        let whole = f
            .part_of
            .and_then(crate::inputs::position)
            .and_then(|w| match values.get(w) {
                Some(Some(Value::Num(d))) => Some(*d),
                _ => None,
            });
        let v = o.input(key_of(f.path), f, whole);
        if let Some(slot) = values.get_mut(i) {
            *slot = v;
        }
    }
}

fn read_profile(o: &mut Obj) -> Profile {
    let mut p = Profile::default();
    let mut i = 0;
    while let Some(f) = INPUTS.get(i) {
        if f.per_year.is_some() {
            p.years = read_financials(o);
            i = YEAR_END;
            continue;
        }
        let Some(group) = group_of(f.path) else {
            read_fields(o, i, i + 1, &mut p.values);
            i += 1;
            continue;
        };
        let end = INPUTS
            .iter()
            .enumerate()
            .skip(i)
            .find(|(_, g)| group_of(g.path) != Some(group))
            .map_or(INPUTS.len(), |(j, _)| j);
        let values = &mut p.values;
        o.child(group, |c| read_fields(c, i, end, values));
        i = end;
    }
    p
}

impl Profile {
    /// Reads a profile; every problem is reported, in the catalog's order.
    pub fn read(input: &Json) -> Result<Profile, Error> {
        let mut issues = Vec::new();
        let profile = match input {
            Json::Object(_) => {
                let mut o = Obj::open(input, "", &mut issues);
                let p = o.as_mut().map(read_profile).unwrap_or_default();
                if let Some(o) = o {
                    o.finish();
                }
                p
            }
            other => {
                issues.push(
                    Issue::new(Code::WrongType, "")
                        .with("object")
                        .with(other.kind()),
                );
                Profile::default()
            }
        };
        // A hostile object with thousands of unknown keys gets a readable answer, not a flood.
        issues.truncate(MAX_ISSUES);
        Error::from_issues(issues).map(|()| profile)
    }

    /// The value of a scalar field by its path.
    pub fn get(&self, path: &str) -> Option<&Value> {
        crate::inputs::position(path).and_then(|i| self.at(i))
    }

    /// The value of the field at a catalog position.
    pub fn at(&self, i: usize) -> Option<&Value> {
        self.values.get(i).and_then(Option::as_ref)
    }

    pub fn num(&self, path: &str) -> Option<Decimal> {
        match self.get(path) {
            Some(Value::Num(d)) => Some(*d),
            _ => None,
        }
    }

    pub fn text(&self, path: &str) -> Option<&str> {
        match self.get(path) {
            Some(Value::Text(s)) => Some(s),
            _ => None,
        }
    }

    /// The company's name, for the report's header.
    pub fn name(&self) -> Option<String> {
        self.text("name").map(str::to_string)
    }

    /// How many fiscal years are given.
    pub fn years(&self) -> usize {
        self.years.len()
    }

    /// A per-year field of year `i` (0 = latest) by its key (`revenue`).
    pub fn year(&self, i: usize, key: &str) -> Option<Decimal> {
        let slot = year_slot(key)?;
        self.year_at(i, slot)
    }

    /// A per-year field of year `i` by its slot (`catalog position − YEAR_START`).
    pub fn year_at(&self, i: usize, slot: usize) -> Option<Decimal> {
        self.years
            .get(i)
            .and_then(|y| y.get(slot).copied().flatten())
    }

    /// Sets a number at a concrete profile path (`techStaff`, `financials[0].revenue`), creating
    /// the fiscal years up to it; false for a path that is not a numeric field.
    pub fn set_num(&mut self, path: &str, v: Decimal) -> bool {
        match crate::inputs::of_path(path) {
            Some((f, Some(i))) => {
                let Some(slot) = f.year_key().and_then(year_slot) else {
                    return false;
                };
                while self.years.len() <= i {
                    self.years.push([None; YEAR_FIELDS]);
                }
                if let Some(s) = self.years.get_mut(i).and_then(|y| y.get_mut(slot)) {
                    *s = Some(v);
                }
                true
            }
            Some((f, None)) => match crate::inputs::position(f.path) {
                Some(i) => {
                    if let Some(s) = self.values.get_mut(i) {
                        *s = Some(Value::Num(v));
                    }
                    true
                }
                None => false,
            },
            None => false,
        }
    }

    /// A number at a concrete profile path.
    pub fn num_at_path(&self, path: &str) -> Option<Decimal> {
        match crate::inputs::split_year(path) {
            Some((i, key)) => self.year(i, key),
            None => self.num(path),
        }
    }
}

/// The slot of a per-year field inside a year, by its key.
pub fn year_slot(key: &str) -> Option<usize> {
    year_inputs().iter().position(|f| f.year_key() == Some(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_nested_fields_years_and_parts() {
        let v = Json::parse(
            r#"{"employees": 80, "statuses": {"littleGiant": true},
            "financials": [{"revenue": "3000万"}, {"revenue": 100}],
            "ip": {"classOne": 2, "classOneHighValue": 1}}"#,
        )
        .unwrap();
        let p = Profile::read(&v).unwrap();
        assert_eq!(p.num("employees"), Some(Decimal::from(80)));
        assert_eq!(p.get("statuses.littleGiant"), Some(&Value::Bool(true)));
        assert_eq!(p.year(0, "revenue"), Some(Decimal::from(30_000_000)));
        assert_eq!(p.year(1, "revenue"), Some(Decimal::from(100)));
        assert_eq!(p.years(), 2);
        assert_eq!(p.num("ip.classOneHighValue"), Some(Decimal::ONE));
        let bad = Json::parse(r#"{"ip": {"classOne": 1, "classOneHighValue": 2}}"#).unwrap();
        let e = Profile::read(&bad).unwrap_err();
        assert_eq!(e.issues[0].path, "ip.classOneHighValue");
    }

    #[test]
    fn set_num_creates_the_years_it_needs() {
        let mut p = Profile::default();
        assert!(p.set_num("financials[1].rdExpense", Decimal::TEN));
        assert_eq!(p.years(), 2);
        assert_eq!(p.year(1, "rdExpense"), Some(Decimal::TEN));
        assert!(!p.set_num("financials[0].nothing", Decimal::TEN));
    }
}
