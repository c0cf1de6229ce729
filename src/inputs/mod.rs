//! The input fields, declared once (`catalog::INPUTS`): each with its profile path, type and
//! limits, its options and their words, the form section, label and help, the worked example's
//! value and what a hint may do with it. The profile reader, the facts, the form, the hints'
//! candidate fields, the CSV reader and the profile's JSON Schema all come from this list.
//! What a policy's own rules say about a field ("苏科贷要求在江苏注册") is in the policy
//! document (`inputs`), not here.

mod catalog;

pub use catalog::INPUTS;

use crate::text::Locale;

/// The type of an input, with its limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// Free text, at most `profile::MAX_TEXT` characters; shown on the report, never a fact.
    Text,
    /// A place in lowercase pinyin; the form offers these options.
    Place(&'static [Opt]),
    /// One of the options.
    Choice(&'static [Opt]),
    Flag,
    /// Yuan, never negative.
    Amount,
    /// Yuan that may be negative (a loss).
    SignedAmount,
    /// A non-negative whole number (heads, items).
    Count,
    /// A non-negative decimal (years).
    Years,
    /// A ratio within 0–1.
    Ratio,
    /// A number within `min`–`max`, whole or not.
    Bounded {
        whole: bool,
        min: i64,
        max: i64,
    },
}

impl Type {
    pub fn options(self) -> &'static [Opt] {
        match self {
            Type::Place(o) | Type::Choice(o) => o,
            _ => &[],
        }
    }

    pub fn is_money(self) -> bool {
        matches!(self, Type::Amount | Type::SignedAmount)
    }
}

/// An option of a choice field and its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opt {
    pub value: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

impl Opt {
    pub fn label(&self, locale: Locale) -> &'static str {
        crate::text::tr(locale, self.zh, self.en)
    }
}

/// The form section a field belongs to (its words are the form's: `ui::form`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Basics,
    /// The latest fiscal year; a per-year field's earlier years go to `Earlier`.
    Latest,
    Earlier,
    Qualifications,
    Ladder,
    SelfRating,
    Credit,
}

/// A field of every fiscal year (`financials[i].<key>`): the fact each year publishes ("" for
/// none) and the years the form asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PerYear {
    pub facts: [&'static str; crate::profile::MAX_YEARS],
    pub form: &'static [usize],
}

/// What a hint may do with a field: which way helps, the facts through which it is searched,
/// whether raising it may raise a scheme's points, and its place in the search order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    /// What a hint calls the field ("科技人员", "tech staff").
    pub name: (&'static str, &'static str),
    pub order: u8,
    pub up: bool,
    pub scores: bool,
    pub via: &'static [&'static str],
}

/// One input field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Input {
    /// The profile path: `employees`, `statuses.littleGiant`; a per-year field is `financials[].revenue`.
    pub path: &'static str,
    pub ty: Type,
    pub section: Section,
    pub label: (&'static str, &'static str),
    /// What the term means (never what a policy does with it).
    pub help: (&'static str, &'static str),
    /// The worked example's value on the form ("" for none); the latest year for a per-year field.
    pub example: &'static str,
    pub per_year: Option<PerYear>,
    /// A part of another count, which it may not exceed (`ip.classOneHighValue` of `ip.classOne`).
    pub part_of: Option<&'static str>,
    pub hint: Option<Hint>,
}

impl Input {
    pub fn label(&self, locale: Locale) -> &'static str {
        crate::text::tr(locale, self.label.0, self.label.1)
    }

    pub fn help(&self, locale: Locale) -> &'static str {
        crate::text::tr(locale, self.help.0, self.help.1)
    }

    /// The key inside the fiscal year of a per-year field (`revenue`).
    pub fn year_key(&self) -> Option<&'static str> {
        self.path.strip_prefix("financials[].")
    }

    /// The profile path of this field in year `i` (`financials[1].revenue`), or its own path.
    pub fn path_in(&self, i: usize) -> String {
        match self.year_key() {
            Some(k) => format!("financials[{i}].{k}"),
            None => self.path.to_string(),
        }
    }
}

/// The position of a field in the catalog, by its path (`financials[].revenue` for a per-year field).
pub fn position(path: &str) -> Option<usize> {
    INPUTS.iter().position(|f| f.path == path)
}

/// A field by its path.
pub fn find(path: &str) -> Option<&'static Input> {
    INPUTS.iter().find(|f| f.path == path)
}

/// Splits a profile path of a fiscal year: `financials[1].revenue` → (1, `revenue`).
pub fn split_year(path: &str) -> Option<(usize, &str)> {
    let rest = path.strip_prefix("financials[")?;
    let (i, key) = rest.split_once("].")?;
    Some((i.parse().ok()?, key))
}

/// The field a concrete profile path fills, and its year: `financials[1].revenue` → (revenue, Some(1)).
pub fn of_path(path: &str) -> Option<(&'static Input, Option<usize>)> {
    match split_year(path) {
        Some((i, key)) => {
            let f = INPUTS.iter().find(|f| f.year_key() == Some(key))?;
            (i < crate::profile::MAX_YEARS).then_some((f, Some(i)))
        }
        None => find(path)
            .filter(|f| f.per_year.is_none())
            .map(|f| (f, None)),
    }
}

/// The field whose fact is named `name` (`employees`; a fiscal year's `priorRevenue`), and for a
/// per-year field the year that fact is of.
pub fn of_fact(name: &str) -> Option<(&'static Input, Option<usize>)> {
    if name.is_empty() {
        return None;
    }
    INPUTS.iter().find_map(|f| match &f.per_year {
        Some(y) => y
            .facts
            .iter()
            .position(|n| *n == name)
            .map(|i| (f, Some(i))),
        None => (f.path == name).then_some((f, None)),
    })
}

/// The options of a field, by its profile path (empty for a field without options).
pub fn options_of(path: &str) -> &'static [Opt] {
    of_path(path).map_or(&[], |(f, _)| f.ty.options())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The profile reader reads each nested object once: its fields must be contiguous.
    #[test]
    fn the_fields_of_each_object_are_contiguous_and_paths_unique() {
        let group = |p: &str| p.split_once('.').map(|(g, _)| g.to_string());
        let mut seen: Vec<String> = Vec::new();
        let mut last: Option<String> = None;
        for f in INPUTS {
            let g = group(f.path);
            if g != last {
                if let Some(g) = &g {
                    assert!(
                        !seen.contains(g),
                        "{} is not next to the other fields of {g}",
                        f.path
                    );
                    seen.push(g.clone());
                }
                last = g;
            }
            assert_eq!(
                INPUTS.iter().filter(|x| x.path == f.path).count(),
                1,
                "{}",
                f.path
            );
        }
    }

    #[test]
    fn parts_follow_their_whole_and_hint_orders_are_unique() {
        for (i, f) in INPUTS.iter().enumerate() {
            if let Some(whole) = f.part_of {
                assert!(position(whole).is_some_and(|w| w < i), "{}", f.path);
            }
        }
        let mut orders: Vec<u8> = INPUTS
            .iter()
            .filter_map(|f| f.hint.map(|h| h.order))
            .collect();
        let n = orders.len();
        orders.sort();
        orders.dedup();
        assert_eq!(orders.len(), n);
    }

    #[test]
    fn concrete_paths_find_their_field() {
        assert_eq!(
            of_path("financials[2].revenue").map(|(f, y)| (f.path, y)),
            Some(("financials[].revenue", Some(2)))
        );
        assert_eq!(of_path("financials[3].revenue").map(|(f, _)| f.path), None);
        assert_eq!(
            of_path("statuses.littleGiant").map(|(f, y)| (f.path, y)),
            Some(("statuses.littleGiant", None))
        );
        assert!(of_path("financials[].revenue").is_none());
        assert_eq!(options_of("tax.grade").len(), 5);
    }
}
