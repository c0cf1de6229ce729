//! The form's fields, from the fields' declarations (`inputs::INPUTS`): each with its concrete
//! profile path (a fiscal year's field once per year the form asks), its kind, the worked
//! example's value, and its label and help in zh-CN and English.

use super::Kind;
use crate::inputs::{Input, Section, Type, INPUTS};
use crate::text::Locale;
use std::sync::OnceLock;

pub(super) struct F {
    pub(super) path: &'static str,
    pub(super) kind: Kind,
    pub(super) input: &'static Input,
    pub(super) section: Section,
    pub(super) zh: (&'static str, &'static str),
    pub(super) en: (&'static str, &'static str),
    pub(super) default: &'static str,
}

fn kind(ty: Type) -> Kind {
    match ty {
        Type::Text => Kind::Text,
        Type::Place(_) | Type::Choice(_) => Kind::Choice,
        Type::Flag => Kind::Flag,
        Type::Amount | Type::SignedAmount => Kind::Wan,
        Type::Count | Type::Bounded { whole: true, .. } => Kind::Count,
        Type::Years | Type::Ratio | Type::Bounded { whole: false, .. } => Kind::Decimal,
    }
}

/// The words before an earlier year's label, `(zh-CN, en)`.
const YEAR_BEFORE: (&str, &str) = ("上一年：", "Year before: ");
const TWO_YEARS_BEFORE: (&str, &str) = ("前年：", "Two years before: ");

fn year_prefix(year: usize, locale: Locale) -> &'static str {
    let (zh, en) = match year {
        1 => YEAR_BEFORE,
        2 => TWO_YEARS_BEFORE,
        _ => return "",
    };
    crate::text::tr(locale, zh, en)
}

/// The form's own English words, for the lean module's English texts (`text::english_pairs`).
#[cfg(feature = "full")]
pub(super) fn english_pairs() -> Vec<(u64, String, &'static str)> {
    [YEAR_BEFORE, TWO_YEARS_BEFORE]
        .iter()
        .map(|(zh, en)| (crate::text::key(&[zh]), zh.to_string(), *en))
        .collect()
}

/// "Revenue" → "revenue" after a prefix; "R&D expense" stays. ASCII only: the catalog's English
/// labels begin in ASCII (or in Chinese, left as it is), and Unicode's case tables would be
/// 4.7 KB of the lean module's gzip.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if b.is_ascii_lowercase() => std::iter::once(a.to_ascii_lowercase())
            .chain(s.chars().skip(1))
            .collect(),
        _ => s.to_string(),
    }
}

/// Built once: the texts of an earlier year's field are composed, then kept for the process.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn field(input: &'static Input, year: usize) -> F {
    let per_year = input.per_year.is_some();
    let (zh, en) = if year == 0 {
        (
            (input.label(Locale::ZhCn), input.help(Locale::ZhCn)),
            (input.label(Locale::En), input.help(Locale::En)),
        )
    } else {
        let (pz, pe) = (
            year_prefix(year, Locale::ZhCn),
            year_prefix(year, Locale::En),
        );
        (
            (leak(format!("{pz}{}", input.label(Locale::ZhCn))), ""),
            (
                leak(format!("{pe}{}", lower_first(input.label(Locale::En)))),
                "",
            ),
        )
    };
    F {
        path: if per_year {
            leak(input.path_in(year))
        } else {
            input.path
        },
        kind: kind(input.ty),
        input,
        section: if year > 0 {
            Section::Earlier
        } else {
            input.section
        },
        zh,
        en,
        default: if year == 0 { input.example } else { "" },
    }
}

/// Every field of the form: the latest year's and the other fields in catalog order, then each
/// earlier year's.
///
/// The lean module builds them once without English (its English words are loaded when a page
/// switches to English) and once more with it, after they are loaded.
pub(super) fn all() -> &'static [F] {
    static FIELDS: OnceLock<Vec<F>> = OnceLock::new();
    static WITH_ENGLISH: OnceLock<Vec<F>> = OnceLock::new();
    let cell = if crate::text::has_texts(Locale::En) {
        &WITH_ENGLISH
    } else {
        &FIELDS
    };
    cell.get_or_init(|| {
        let mut out: Vec<F> = Vec::new();
        for input in INPUTS {
            match &input.per_year {
                Some(y) if !y.form.contains(&0) => {}
                _ => out.push(field(input, 0)),
            }
        }
        for year in 1..crate::profile::MAX_YEARS {
            for input in INPUTS {
                if input.per_year.is_some_and(|y| y.form.contains(&year)) {
                    out.push(field(input, year));
                }
            }
        }
        out
    })
}
