//! Reading the form: what was typed in each field (by profile path) becomes the profile, the
//! problems of every field at once (each at its field's path, in its words and unit), and a
//! readable echo of each number ("= 2,000万"). Nothing that was not typed enters the profile.

use super::fields::F;
use super::number;
use super::problem::Problem;
use super::{all_fields, choices, unit, Kind};
use crate::error::Code;
use crate::inputs::Type;
use crate::json::Json;
use crate::profile::MAX_TEXT;
use crate::text::{self, pick, Locale};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Map, Value};

/// What the form's values say: the profile, every problem, and each number as read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FormRead {
    /// The profile (contract §2) holding exactly the fields that were given and read; amounts in yuan.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "crate::profile::Profile")
    )]
    pub profile: Value,
    /// Every problem, in form order, each at the path of its field.
    pub errors: Vec<FieldError>,
    /// Each numeric field that was read, in form order.
    pub values: Vec<FieldValue>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    /// The form field's profile path, exactly as in `formSpec()`.
    pub path: String,
    pub code: Code,
    /// For the person who typed it: the field's label, what is wrong, and what to type.
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FieldValue {
    pub path: String,
    /// The value as put in the profile: yuan or years as a decimal string, a count as a number.
    pub value: Canonical,
    /// The value for people, in the locale: "2,000万", "2亿", "60人".
    pub display: String,
}

/// A value as the profile holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Canonical {
    Count(u64),
    Text(String),
    Flag(bool),
}

impl Canonical {
    fn json(&self) -> Value {
        match self {
            Canonical::Count(n) => Value::from(*n),
            Canonical::Text(s) => Value::String(s.clone()),
            Canonical::Flag(b) => Value::Bool(*b),
        }
    }
}

/// One field read: its place in the form, the value and, for numbers, its echo.
struct Read {
    order: usize,
    field: &'static F,
    value: Canonical,
    display: Option<String>,
}

/// Reads the form's raw values: an object from profile path to what was typed (strings; flags
/// also as booleans; "" or absent is "not given"). Never fails: bad values are errors.
pub fn read(values: &Json, locale: Locale) -> FormRead {
    let mut reads: Vec<Read> = Vec::new();
    let mut errors: Vec<(usize, FieldError)> = Vec::new();
    match values {
        Json::Object(entries) => {
            for (path, raw) in entries {
                let Some((order, field)) = all_fields().enumerate().find(|(_, f)| f.path == path)
                else {
                    errors.push((usize::MAX, unknown_field(path, locale)));
                    continue;
                };
                // A path given twice: the last one counts, as in a JavaScript object.
                reads.retain(|r| r.order != order);
                errors.retain(|(o, _)| *o != order);
                match read_field(field, raw, locale) {
                    Ok(Some(r)) => reads.push(Read { order, ..r }),
                    Ok(None) => {}
                    Err(problem) => errors.push((order, field_error(field, &problem, raw, locale))),
                }
            }
        }
        Json::Null => {}
        other => errors.push((
            usize::MAX,
            FieldError {
                path: String::new(),
                code: Code::WrongType,
                message: text::error_message(
                    Code::WrongType,
                    locale,
                    &["object".into(), other.kind().into()],
                ),
            },
        )),
    }
    crate::sort::stable_by_key(&mut reads, |r| r.order);
    crate::sort::stable_by_key(&mut errors, |(o, _)| *o);
    FormRead {
        profile: profile_of(&reads),
        errors: errors.into_iter().map(|(_, e)| e).collect(),
        values: reads
            .iter()
            .filter_map(|r| {
                Some(FieldValue {
                    path: r.field.path.to_string(),
                    value: r.value.clone(),
                    display: r.display.clone()?,
                })
            })
            .collect(),
    }
}

impl FormRead {
    /// The answer when the values could not even be read (too deep, too many, circular).
    pub fn refused(e: &crate::error::Error, locale: Locale) -> FormRead {
        FormRead {
            profile: Value::Object(Map::new()),
            errors: e
                .issues
                .iter()
                .map(|i| FieldError {
                    path: i.path.clone(),
                    code: i.code,
                    message: i.message(locale),
                })
                .collect(),
            values: Vec::new(),
        }
    }
}

/// `read` for a serde_json value (tests, the native command).
pub fn read_value(values: &Value, locale: Locale) -> FormRead {
    read(&Json::from_value(values), locale)
}

/// One field: Ok(None) when nothing was given.
fn read_field(field: &'static F, raw: &Json, locale: Locale) -> Result<Option<Read>, Problem> {
    let typed = match raw {
        Json::Null => return Ok(None),
        Json::Bool(b) if field.kind == Kind::Flag => {
            return Ok(Some(plain(field, Canonical::Flag(*b))))
        }
        Json::Str(s) => s.trim().to_string(),
        Json::Int(i) => i.to_string(),
        Json::Float(f) => crate::money::float_text(*f),
        Json::Bool(_) | Json::Array(_) | Json::Object(_) => return Err(Problem::WrongType),
    };
    if typed.is_empty() {
        return Ok(None);
    }
    let value = match field.kind {
        Kind::Flag => match typed.as_str() {
            "true" => Canonical::Flag(true),
            "false" => Canonical::Flag(false),
            _ => return Err(Problem::NotAnOption),
        },
        Kind::Text if typed.chars().count() > MAX_TEXT => return Err(Problem::TooLong(MAX_TEXT)),
        Kind::Text => Canonical::Text(typed),
        Kind::Choice => {
            let listed = choices(field.path, locale).iter().any(|c| c.value == typed);
            if !listed {
                return Err(Problem::NotAnOption);
            }
            Canonical::Text(typed)
        }
        Kind::Wan => {
            // A loss is typed with a minus sign, on the one kind of amount that may be negative.
            let loss = (field.input.ty == Type::SignedAmount)
                .then(|| typed.strip_prefix(['-', '−', '－']))
                .flatten();
            let yuan = match loss {
                Some(rest) => -number::amount_in_wan(rest.trim_start())?,
                None => number::amount_in_wan(&typed)?,
            };
            return Ok(Some(numeric(
                field,
                Canonical::Text(yuan.to_string()),
                amount_display(yuan, locale),
            )));
        }
        Kind::Count => {
            let n = number::count(&typed, field.path)?;
            if let Type::Bounded { min, max, .. } = field.input.ty {
                if n < Decimal::from(min) || n > Decimal::from(max) {
                    return Err(Problem::OutOfRange(max));
                }
            }
            let whole = n.to_u64().ok_or(Problem::TooLarge)?;
            let shown = match locale {
                Locale::ZhCn => format!(
                    "{}{}",
                    text::group(&n.to_string()),
                    unit(field.kind, field.path, locale)
                ),
                Locale::En => text::group(&n.to_string()),
            };
            return Ok(Some(numeric(field, Canonical::Count(whole), shown)));
        }
        Kind::Decimal => {
            let years = number::years(&typed)?;
            let shown = match locale {
                Locale::ZhCn => format!("{years}年"),
                Locale::En => format!("{years} years"),
            };
            return Ok(Some(numeric(
                field,
                Canonical::Text(years.to_string()),
                shown,
            )));
        }
    };
    Ok(Some(plain(field, value)))
}

fn plain(field: &'static F, value: Canonical) -> Read {
    Read {
        order: 0,
        field,
        value,
        display: None,
    }
}

fn numeric(field: &'static F, value: Canonical, display: String) -> Read {
    Read {
        order: 0,
        field,
        value,
        display: Some(display),
    }
}

/// An amount for people: 万 as the report writes it, or 亿 when it is a round number of 万 above
/// 1亿 ("2亿", "1.5亿"); in English the report's yuan.
fn amount_display(yuan: Decimal, locale: Locale) -> String {
    let yi = Decimal::from(100_000_000);
    if locale == Locale::ZhCn && yuan >= yi {
        if let Some(n) = yuan.checked_div(yi).filter(|n| n.normalize().scale() <= 4) {
            return format!("{}亿", text::group(&n.normalize().to_string()));
        }
    }
    text::money(yuan, locale)
}

fn field_error(field: &F, problem: &Problem, raw: &Json, locale: Locale) -> FieldError {
    let typed = match raw {
        Json::Str(s) => s.trim().to_string(),
        Json::Int(i) => i.to_string(),
        Json::Float(f) => crate::money::float_text(*f),
        _ => String::new(),
    };
    FieldError {
        path: field.path.to_string(),
        code: problem.code(),
        message: problem.message(field, &typed, locale),
    }
}

fn unknown_field(path: &str, locale: Locale) -> FieldError {
    let shown: String = path.chars().take(60).collect();
    FieldError {
        path: shown.clone(),
        code: Code::UnknownField,
        message: text::fill(
            pick(
                locale,
                "表单中没有“{0}”这一项",
                "the form has no field \"{0}\"",
            ),
            &[shown],
        ),
    }
}

/// The profile object, nested by path: `financials[1].revenue` makes `financials` an array whose
/// first year is kept as `{}` when empty, so that the report asks for it.
fn profile_of(reads: &[Read]) -> Value {
    let mut profile = Map::new();
    for r in reads {
        insert(&mut profile, r.field.path, r.value.json());
    }
    Value::Object(profile)
}

fn insert(object: &mut Map<String, Value>, path: &str, value: Value) {
    let (head, rest) = path
        .split_once('.')
        .map_or((path, None), |(h, r)| (h, Some(r)));
    let Some(rest) = rest else {
        object.insert(head.to_string(), value);
        return;
    };
    let slot = match indexed(head) {
        Some((name, i)) => {
            let list = object
                .entry(name)
                .or_insert_with(|| Value::Array(Vec::new()));
            let Value::Array(items) = list else { return };
            while items.len() <= i {
                items.push(Value::Object(Map::new()));
            }
            items.get_mut(i)
        }
        None => Some(
            object
                .entry(head)
                .or_insert_with(|| Value::Object(Map::new())),
        ),
    };
    if let Some(Value::Object(inner)) = slot {
        insert(inner, rest, value);
    }
}

/// "financials[1]" → ("financials", 1).
fn indexed(segment: &str) -> Option<(&str, usize)> {
    let (name, i) = segment.strip_suffix(']')?.split_once('[')?;
    Some((name, i.parse().ok()?))
}
