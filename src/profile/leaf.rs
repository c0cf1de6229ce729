//! The value of one field from one JSON value (not null): its type's checks, each failure a typed
//! issue whose path the caller sets. The tree reader and the text reader share it, so that a value
//! means the same by either way in.

use super::{Value, MAX_TEXT};
use crate::error::{Code, Issue};
use crate::inputs::{Input, Type};
use crate::json::Scalar;
use crate::money::{read_scalar, NumKind};
use rust_decimal::Decimal;

/// `whole`: for a part of a count (`part_of`), the whole's value when it is given.
pub(super) fn value(f: &Input, v: Scalar<'_>, whole: Option<Decimal>) -> Result<Value, Issue> {
    let num = |kind| read_scalar(v, kind, "").map(Value::Num);
    match f.ty {
        Type::Text => text(v).map(|t| Value::Text(t.into())),
        Type::Place(_) => place(v).map(|t| Value::Text(t.into())),
        Type::Choice(opts) => {
            let value = text(v)?;
            if opts.iter().any(|o| o.value == value) {
                Ok(Value::Text(value.into()))
            } else {
                let allowed: Vec<&str> = opts.iter().map(|o| o.value).collect();
                Err(Issue::new(Code::UnknownValue, "")
                    .with(shown(value))
                    .with(allowed.join(", ")))
            }
        }
        Type::Flag => match v {
            Scalar::Bool(b) => Ok(Value::Bool(b)),
            other => Err(Issue::new(Code::WrongType, "")
                .with("boolean")
                .with(other.kind())),
        },
        Type::Amount => num(NumKind::Amount),
        Type::SignedAmount => num(NumKind::SignedAmount),
        Type::Years => num(NumKind::Quantity),
        Type::Ratio => {
            let v = read_scalar(v, NumKind::Quantity, "")?;
            if v > Decimal::ONE {
                return Err(Issue::new(Code::OutOfRange, "").with(v).with("0–1"));
            }
            Ok(Value::Num(v))
        }
        Type::Count => {
            let v = read_scalar(v, NumKind::Count, "")?;
            if let Some(w) = whole.filter(|w| v > *w) {
                return Err(Issue::new(Code::Inconsistent, "").with(v).with(w));
            }
            Ok(Value::Num(v))
        }
        Type::Bounded { whole, min, max } => {
            let kind = if whole {
                NumKind::Count
            } else {
                NumKind::Quantity
            };
            let v = read_scalar(v, kind, "")?;
            if v < Decimal::from(min) || v > Decimal::from(max) {
                return Err(Issue::new(Code::OutOfRange, "")
                    .with(v)
                    .with(format!("{min}–{max}")));
            }
            Ok(Value::Num(v))
        }
    }
}

fn shown(s: &str) -> String {
    s.chars().take(40).collect()
}

fn text(v: Scalar<'_>) -> Result<&str, Issue> {
    match v {
        Scalar::Str(s) if s.chars().count() <= MAX_TEXT => Ok(s),
        Scalar::Str(_) => Err(Issue::new(Code::TooLong, "").with(MAX_TEXT)),
        other => Err(Issue::new(Code::WrongType, "")
            .with("string")
            .with(other.kind())),
    }
}

/// Lowercase pinyin place names: letters, spaces and hyphens only.
fn place(v: Scalar<'_>) -> Result<&str, Issue> {
    let value = text(v)?;
    if !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '-' || c == ' ')
    {
        Ok(value)
    } else {
        Err(Issue::new(Code::UnknownValue, "")
            .with(shown(value))
            .with("lowercase pinyin, e.g. jiangsu, kunshan"))
    }
}
