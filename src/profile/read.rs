//! Reading a profile from a JSON tree: every problem at once, in the catalog's order, each a typed
//! issue at its path; unknown keys are reported after the fields of their object.

use super::{leaf, Profile, Value, Year, MAX_ISSUES, MAX_YEARS, YEAR_END, YEAR_FIELDS};
use crate::error::{index, join, Code, Error, Issue};
use crate::inputs::{Input, INPUTS};
use crate::json::Json;
use rust_decimal::Decimal;

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
    /// Reads one field of the catalog under its last key (absent or null: not given).
    fn input(&mut self, key: &'static str, f: &Input, whole: Option<Decimal>) -> Option<Value> {
        let v = self.raw(key)?;
        match leaf::value(f, v.scalar(), whole) {
            Ok(v) => Some(v),
            Err(mut issue) => {
                issue.path = self.at(key);
                self.issues.push(issue);
                None
            }
        }
    }
}

/// The last key of a path inside its object (`statuses.littleGiant` → `littleGiant`).
pub(super) fn key_of(path: &'static str) -> &'static str {
    path.rsplit_once('.').map_or(path, |(_, k)| k)
}

pub(super) fn group_of(path: &'static str) -> Option<&'static str> {
    path.split_once('.').map(|(g, _)| g)
}

fn read_year(o: &mut Obj) -> Year {
    let mut year: Year = [None; YEAR_FIELDS];
    for (slot, f) in year.iter_mut().zip(super::year_inputs()) {
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
}
