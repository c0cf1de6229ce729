//! One way to show a reported value to a person, from the value and its kind (which the report
//! carries): money in 万/亿 or grouped yuan, ratios as percentages (66.67%), counts and years
//! plain, flags as 是/否 or yes/no, choices by their label. A requirement such as "≥ 0.1" keeps
//! its operator ("≥ 10%"). Rounding here is for display only; decisions never see it.

use crate::report::ValueKind;
use crate::text::{pick, Locale};
use crate::ui::labels::choice_label;
use rust_decimal::{Decimal, RoundingStrategy};

/// Comparison operators a requirement may start with, and how each is shown.
const OPERATORS: &[(&str, &str)] = &[
    (">=", "≥"),
    ("<=", "≤"),
    ("==", "="),
    ("!=", "≠"),
    ("≥", "≥"),
    ("≤", "≤"),
    ("≠", "≠"),
    (">", ">"),
    ("<", "<"),
    ("=", "="),
];

/// Places shown for a plain number: enough for a factor (1.15), never a 28-digit quotient.
const NUMBER_PLACES: u32 = 4;

/// `raw` (a report's `actual`, `required` or `value`) as a person reads it. A text that is not a
/// value of `kind` (a policy's own wording of a requirement) is returned as it is.
pub fn display(raw: &str, kind: ValueKind, locale: Locale) -> String {
    let trimmed = raw.trim();
    let (op, rest) = OPERATORS
        .iter()
        .find_map(|(w, shown)| trimmed.strip_prefix(w).map(|r| (Some(*shown), r.trim())))
        .unwrap_or((None, trimmed));
    let shown = match rest.split_once('–') {
        // A range of points or years names its unit once: "62–84分".
        Some((lo, hi)) => {
            let lo_kind = match kind {
                ValueKind::Points | ValueKind::Years => ValueKind::Number,
                other => other,
            };
            value(lo.trim(), lo_kind, locale)
                .zip(value(hi.trim(), kind, locale))
                .map(|(lo, hi)| format!("{lo}–{hi}"))
        }
        None => value(rest, kind, locale),
    };
    match (op, shown) {
        // "= true" says no more than "是".
        (Some("="), Some(v)) if matches!(rest, "true" | "false") => v,
        (Some(op), Some(v)) => format!("{op} {v}"),
        (None, Some(v)) => v,
        (_, None) => raw.to_string(),
    }
}

/// A limit step's value: as its kind says, except a table value the policy did not qualify
/// (`number`), which is money when it is an amount (10,000 or more) and a factor otherwise.
pub fn step_value(raw: &str, kind: ValueKind, locale: Locale) -> String {
    match (kind, crate::money::plain_number(raw.trim())) {
        (ValueKind::Number, Some(v)) if is_amount(v) => crate::text::money(v, locale),
        (ValueKind::Number, Some(v)) => format!("× {}", v.normalize()),
        _ => display(raw, kind, locale),
    }
}

/// Whether an unqualified number reads as an amount.
pub fn is_amount(v: Decimal) -> bool {
    v.abs() >= Decimal::from(10_000)
}

/// One value, or None when `s` is not a value of that kind.
fn value(s: &str, kind: ValueKind, locale: Locale) -> Option<String> {
    match s {
        "true" => return Some(pick(locale, "是", "yes").into()),
        "false" => return Some(pick(locale, "否", "no").into()),
        _ => {}
    }
    // The report's own decimals (up to 28 places), not an input to validate.
    let number = || crate::money::plain_number(s);
    Some(match kind {
        ValueKind::Money => crate::text::money(number()?, locale),
        ValueKind::Ratio => percent(number()?)?,
        ValueKind::Count | ValueKind::Number => plain(number()?),
        ValueKind::Years => {
            let n = number()?;
            match locale {
                Locale::ZhCn => format!("{}年", plain(n)),
                Locale::En if n == Decimal::ONE => "1 year".into(),
                Locale::En => format!("{} years", plain(n)),
            }
        }
        ValueKind::Points => {
            let n = plain(number()?);
            match locale {
                Locale::ZhCn => format!("{n}分"),
                Locale::En => format!("{n} pts"),
            }
        }
        ValueKind::Flag => return None,
        ValueKind::Choice => choice_label(None, s, locale)?.to_string(),
        ValueKind::Text => s.to_string(),
    })
}

fn half_up(d: Decimal, places: u32) -> Decimal {
    d.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// A ratio as a percentage with at most two decimals, rounded half up: 0.666… → 66.67%.
pub fn percent(d: Decimal) -> Option<String> {
    Some(format!(
        "{}%",
        // Rounded to 4 places first: a 28-digit quotient times 100 would not fit.
        half_up(half_up(d, 4).checked_mul(Decimal::ONE_HUNDRED)?, 2)
    ))
}

fn plain(d: Decimal) -> String {
    half_up(d, NUMBER_PLACES).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ValueKind::*;

    #[test]
    fn values_are_shown_by_their_kind_in_each_language() {
        let table: &[(&str, ValueKind, &str, &str)] = &[
            ("30000000", Money, "3,000万", "¥30,000,000"),
            ("≥ 100000", Money, "≥ 10万", "≥ ¥100,000"),
            (
                "1.6666666666666666666666666667",
                Ratio,
                "166.67%",
                "166.67%",
            ),
            ("0.6666666666666666666666666667", Ratio, "66.67%", "66.67%"),
            ("0.25", Ratio, "25%", "25%"),
            ("0.125", Ratio, "12.5%", "12.5%"),
            ("0.00005", Ratio, "0.01%", "0.01%"),
            (">= 0.1", Ratio, "≥ 10%", "≥ 10%"),
            ("≤ 0.85", Ratio, "≤ 85%", "≤ 85%"),
            ("80", Count, "80", "80"),
            ("≤ 500", Count, "≤ 500", "≤ 500"),
            ("5", Years, "5年", "5 years"),
            ("1", Years, "1年", "1 year"),
            ("96", Points, "96分", "96 pts"),
            ("7–100", Points, "7–100分", "7–100 pts"),
            ("true", Flag, "是", "yes"),
            ("= true", Flag, "是", "yes"),
            ("= false", Flag, "否", "no"),
            ("nanjing", Choice, "南京", "Nanjing"),
            ("= kunshan", Choice, "= 昆山", "= Kunshan"),
            (
                "electronic-information",
                Choice,
                "电子信息",
                "electronic information",
            ),
            ("none", Choice, "无", "none"),
            ("A", Choice, "A", "A"),
            ("1.15", Number, "1.15", "1.15"),
            ("0.123456789", Number, "0.1235", "0.1235"),
            ("两项均为否", Flag, "两项均为否", "两项均为否"),
            (
                "属于 8 个领域之一",
                Choice,
                "属于 8 个领域之一",
                "属于 8 个领域之一",
            ),
        ];
        for (raw, kind, zh, en) in table {
            assert_eq!(
                display(raw, *kind, Locale::ZhCn),
                *zh,
                "{raw} as {kind:?} in zh-CN"
            );
            assert_eq!(
                display(raw, *kind, Locale::En),
                *en,
                "{raw} as {kind:?} in en"
            );
        }
    }
}
