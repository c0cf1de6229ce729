//! The input model (contract §2): a value or none for each field declared in `inputs::INPUTS`.
//! `read` reads one from raw JSON, with every problem reported at once as a typed issue with its
//! JSON path; `text::read` reads well-formed JSON text straight into the fields (no tree), and
//! leaves anything else to `read`. Every field is optional; `None` means "not given".

mod leaf;
mod read;
pub mod text;

use crate::inputs::{Input, INPUTS};
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
    /// Shared: a profile copied for a hint's probe, and its facts, copy a pointer, not the text.
    Text(std::sync::Arc<str>),
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

/// `n` Nones, written in place (`vec![None; n]` clones each one).
pub(crate) fn nones<T>(n: usize) -> Vec<Option<T>> {
    let mut v = Vec::with_capacity(n);
    v.resize_with(n, || None);
    v
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            values: nones(INPUTS.len()),
            years: Vec::new(),
        }
    }
}

impl Profile {
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
    use crate::json::Json;

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
