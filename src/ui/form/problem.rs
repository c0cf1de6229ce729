//! What can be wrong with one typed form value, and how to say it to the person who typed it: in
//! the field's own words (its form label) and its own unit (万 for amounts, never yuan, never a
//! JSON path). The codes are the crate's stable error codes.

use super::fields::F;
use super::{choices, unit, Kind};
use crate::error::Code;
use crate::text::{fill, pick, tr, Locale};

/// The largest amount the profile takes is 10^15 yuan: this many 万.
pub(super) const MAX_WAN: &str = "100,000,000,000";
/// The largest count or number of years the profile takes (10^15).
pub(super) const MAX_QUANTITY: &str = "1,000,000,000,000,000";

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Problem {
    /// Not a number in any form we read.
    Unreadable,
    Negative,
    /// Above the profile's ceiling.
    TooLarge,
    /// More decimal places than the profile keeps exactly; the most allowed, in the field's unit.
    TooManyDecimals(u32),
    /// A count with a fraction.
    NotWhole,
    /// A self-rating above its item's maximum.
    OutOfRange(i64),
    /// A choice or a flag that is not one of its values.
    NotAnOption,
    /// Text above the profile's length limit.
    TooLong(usize),
    /// An object, an array … where text was expected.
    WrongType,
}

impl Problem {
    pub(super) fn code(&self) -> Code {
        match self {
            Problem::Unreadable => Code::MalformedAmount,
            Problem::Negative => Code::NegativeAmount,
            Problem::TooLarge => Code::AmountTooLarge,
            Problem::TooManyDecimals(_) => Code::TooManyDecimals,
            Problem::NotWhole => Code::NotInteger,
            Problem::OutOfRange(_) => Code::OutOfRange,
            Problem::NotAnOption => Code::UnknownValue,
            Problem::TooLong(_) => Code::TooLong,
            Problem::WrongType => Code::WrongType,
        }
    }

    /// The message under the field: "销售收入：无法识别“2千万”，…".
    pub(super) fn message(&self, field: &F, typed: &str, locale: Locale) -> String {
        let label = field.label(locale);
        let shown: String = typed.chars().take(40).collect();
        let body = self.body(field, &shown, locale);
        match locale {
            Locale::ZhCn => format!("{label}：{body}"),
            Locale::En => format!("{label}: {body}"),
        }
    }

    /// The sentence's template, `(zh-CN, en)`: `{0}` is what was typed, `{1}` what `body` adds.
    fn template(&self, kind: Kind) -> (&'static str, &'static str) {
        match self {
            Problem::Unreadable => unreadable(kind),
            Problem::Negative => (
                "“{0}”是负数，请填写 0 或更大的数",
                "\"{0}\" is negative; type 0 or more",
            ),
            Problem::TooLarge => match kind {
                Kind::Wan => (
                    "“{0}”过大，最多 {1}万",
                    "\"{0}\" is too large; the most is {1} (×10k yuan)",
                ),
                _ => (
                    "“{0}”过大，最多 {1}",
                    "\"{0}\" is too large; the most is {1}",
                ),
            },
            Problem::TooManyDecimals(_) => match kind {
                Kind::Wan => (
                    "“{0}”的小数位过多：按万计最多 {1} 位小数",
                    "\"{0}\" has too many decimal places: at most {1} in 万 (×10k yuan)",
                ),
                _ => (
                    "“{0}”的小数位过多：最多 {1} 位小数",
                    "\"{0}\" has too many decimal places: at most {1}",
                ),
            },
            Problem::NotWhole => (
                "“{0}”不是整数，请填写整数{1}",
                "\"{0}\" is not a whole number; type a whole number{1}",
            ),
            Problem::OutOfRange(_) => (
                "“{0}”超出范围，请填写 0 到 {1} 之间的整数",
                "\"{0}\" is out of range; type a whole number from 0 to {1}",
            ),
            Problem::NotAnOption if kind == Kind::Flag => (
                "“{0}”无法识别，请勾选或不勾选",
                "\"{0}\" cannot be read; tick the box or leave it",
            ),
            Problem::NotAnOption => (
                "“{0}”不是可选项，可选：{1}",
                "\"{0}\" is not one of the options: {1}",
            ),
            Problem::TooLong(_) => (
                "文字过长，最多 {1} 个字",
                "the text is too long; at most {1} characters",
            ),
            Problem::WrongType => ("无法识别所填内容", "what was given cannot be read"),
        }
    }

    fn body(&self, field: &F, shown: &str, locale: Locale) -> String {
        let extra = match self {
            Problem::Unreadable => example(field, locale),
            Problem::Negative | Problem::WrongType => String::new(),
            Problem::TooLarge if field.kind == Kind::Wan => MAX_WAN.to_string(),
            Problem::TooLarge => MAX_QUANTITY.to_string(),
            Problem::TooManyDecimals(max) => max.to_string(),
            Problem::NotWhole => unit_note(unit(field.kind, field.path, locale), locale),
            Problem::OutOfRange(max) => max.to_string(),
            Problem::NotAnOption => {
                let list: Vec<&str> = choices(field.path, locale)
                    .iter()
                    .map(|c| c.label)
                    .collect();
                list.join(pick(locale, "、", ", "))
            }
            Problem::TooLong(max) => max.to_string(),
        };
        let (zh, en) = self.template(field.kind);
        fill(tr(locale, zh, en), &[shown.to_string(), extra])
    }
}

/// Every template, for the lean module's English texts (`text::english_pairs`).
#[cfg(feature = "full")]
pub(super) fn english_pairs() -> Vec<(u64, String, &'static str)> {
    use Kind::*;
    let problems = [
        Problem::Unreadable,
        Problem::Negative,
        Problem::TooLarge,
        Problem::TooManyDecimals(0),
        Problem::NotWhole,
        Problem::OutOfRange(0),
        Problem::NotAnOption,
        Problem::TooLong(0),
        Problem::WrongType,
    ];
    let mut out = Vec::new();
    for p in &problems {
        for kind in [Wan, Count, Decimal, Flag, Choice, Text] {
            let (zh, en) = p.template(kind);
            out.push((crate::text::key(&[zh]), zh.to_string(), en));
        }
    }
    out
}

/// The "cannot read it" sentence, by kind: what people may type instead.
fn unreadable(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Wan => (
            "无法识别“{0}”，请填写数字，可带万或亿，例如 {1}",
            "\"{0}\" is not a number we can read; type a number, optionally with 万 or 亿, e.g. {1}",
        ),
        Kind::Count => (
            "无法识别“{0}”，请填写整数，例如 {1}",
            "\"{0}\" is not a number we can read; type a whole number, e.g. {1}",
        ),
        _ => (
            "无法识别“{0}”，请填写数字，可带小数，例如 {1}",
            "\"{0}\" is not a number we can read; type a number, decimals allowed, e.g. {1}",
        ),
    }
}

/// An example of what the field takes, with its unit.
fn example(field: &F, locale: Locale) -> String {
    let unit = unit(field.kind, field.path, locale);
    let or = pick(locale, " 或 ", " or ");
    match field.kind {
        Kind::Wan => format!("2000{or}0.2亿"),
        Kind::Count => {
            let n = if unit == "人" { "60" } else { "3" };
            if unit.is_empty() {
                n.to_string()
            } else {
                format!("{n}{or}{n}{unit}")
            }
        }
        _ => match locale {
            Locale::ZhCn => format!("5{or}5.5{unit}"),
            Locale::En => format!("5{or}5.5"),
        },
    }
}

/// "（单位：人）" after a count's hint, when the field has a unit.
fn unit_note(unit: &str, locale: Locale) -> String {
    match (unit.is_empty(), locale) {
        (true, _) => String::new(),
        (false, Locale::ZhCn) => format!("（单位：{unit}）"),
        (false, Locale::En) => format!(" ({unit})"),
    }
}
