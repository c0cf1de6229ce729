//! The words of a value shown without its field, and the lookups of each option's words (南京 /
//! Nanjing for `nanjing`), which are declared with their field (`inputs::INPUTS`). The form lists
//! the options through here and the report shows values through here, so no raw id reaches a reader.

use crate::inputs::{options_of, Opt, INPUTS};
use crate::text::Locale;

/// Values several fields share, for a value shown without its field (a check's required side).
const SHARED: &[(&str, &str, &str)] = &[
    ("other", "其他", "other"),
    ("none", "无", "none"),
    ("micro", "微型", "micro"),
    ("small", "小型", "small"),
    ("medium", "中型", "medium"),
    ("large", "大型", "large"),
];

fn pick(locale: Locale, zh: &'static str, en: &'static str) -> &'static str {
    crate::text::pick(locale, zh, en)
}

/// The options of a choice field, `(value, label)`, in the form's order.
pub fn choices_of(path: &str, locale: Locale) -> Vec<(&'static str, &'static str)> {
    options_of(path)
        .iter()
        .map(|o| (o.value, o.label(locale)))
        .collect()
}

/// Every field's options, with their field's path.
fn all_options() -> impl Iterator<Item = (&'static str, &'static Opt)> {
    INPUTS
        .iter()
        .flat_map(|f| f.ty.options().iter().map(move |o| (f.path, o)))
}

/// Every choice value (for tests that look for raw ids in rendered text).
pub fn all_values() -> impl Iterator<Item = &'static str> {
    all_options().map(|(_, o)| o.value)
}

/// A value's label: within the field `path` when it is given, else in any field (and an
/// assessment's status, `qualified` → 符合); None for a value no list knows.
pub fn choice_label(path: Option<&str>, value: &str, locale: Locale) -> Option<&'static str> {
    let in_field = |field: Option<&str>| {
        all_options()
            .find(|(p, o)| o.value == value && field.is_none_or(|f| f == *p))
            .map(|(_, o)| o.label(locale))
    };
    if let Some(p) = path.filter(|p| !options_of(p).is_empty()) {
        return in_field(Some(p));
    }
    SHARED
        .iter()
        .find(|(v, ..)| *v == value)
        .map(|(_, zh, en)| pick(locale, zh, en))
        .or_else(|| in_field(None))
        .or_else(|| {
            let status = crate::ui::text(&format!("status.{value}"), locale);
            (status != "?").then_some(status)
        })
}
