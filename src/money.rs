//! Exact numbers from input: JSON numbers and decimal strings with the Chinese units 万 and 亿
//! (and, in policies, a trailing %). Everything becomes a `rust_decimal::Decimal`; nothing is a float.

use crate::error::{Code, Issue};
use crate::json::Json;
use rust_decimal::Decimal;
use std::str::FromStr;

/// The largest amount a profile may carry: 10^15 yuan.
pub fn max_amount() -> Decimal {
    Decimal::from(1_000_000_000_000_000_i64)
}

/// Parses a plain decimal with an optional unit suffix (万, 亿, %). Returns None when malformed.
pub fn parse_decimal_text(text: &str, allow_percent: bool) -> Option<Decimal> {
    let t = text.trim();
    let (body, factor) = if let Some(b) = t.strip_suffix('万') {
        (b, Decimal::from(10_000))
    } else if let Some(b) = t.strip_suffix('亿') {
        (b, Decimal::from(100_000_000))
    } else if let Some(b) = t.strip_suffix('%').filter(|_| allow_percent) {
        (b, Decimal::new(1, 2))
    } else {
        (t, Decimal::ONE)
    };
    let body = body.trim_end();
    let digits = body.strip_prefix('-').unwrap_or(body);
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int) || frac.is_some_and(|f| !all_digits(f)) {
        return None;
    }
    // Refuse before parsing what cannot fit or be kept exactly, so that a 40-digit string or 29
    // decimal places is an error, not a silent rounding.
    if int.trim_start_matches('0').len() > 20 || frac.is_some_and(|f| f.len() > 20) {
        return None;
    }
    let value = Decimal::from_str(body).ok()?;
    value.checked_mul(factor)
}

/// Converts a JSON number to an exact decimal through its shortest decimal form, so `0.1` stays 0.1.
pub fn number_to_decimal(v: &Json) -> Result<Option<Decimal>, Code> {
    match v {
        Json::Int(i) => {
            if i.unsigned_abs() > 1_000_000_000_000_000_000_000_000 {
                return Err(Code::AmountTooLarge);
            }
            Ok(Decimal::from_i128_with_scale(*i, 0).into())
        }
        Json::Float(f) => {
            if !f.is_finite() {
                return Err(Code::NotFinite);
            }
            if f.abs() > 1e20 {
                return Err(Code::AmountTooLarge);
            }
            // Finite but beyond what 28 digits can hold (1e-300): out of range, not "not a number".
            float_decimal(*f).map(Some).ok_or(Code::OutOfRange)
        }
        _ => Ok(None),
    }
}

/// A finite float through its shortest round-trip text (`0.1` → 0.1, `1e-7` → 0.0000001); past
/// 28 decimal places it is rounded, far below anything a profile or policy means.
pub fn float_decimal(f: f64) -> Option<Decimal> {
    let mut buf = ryu::Buffer::new();
    let text = buf.format_finite(f);
    if text.contains(['e', 'E']) {
        Decimal::from_scientific_lossy(text).ok()
    } else {
        Decimal::from_str(text).ok()
    }
}

/// What a numeric field accepts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NumKind {
    /// Yuan: number or string, with 万/亿; never negative, at most 10^15.
    Amount,
    /// A head count or a number of items: a non-negative whole number.
    Count,
    /// A non-negative decimal (years), at most 10^15.
    Quantity,
}

/// Reads one numeric field, giving a typed issue for anything that is not a valid value.
pub fn read_number(v: &Json, kind: NumKind, path: &str) -> Result<Decimal, Issue> {
    let expected = match kind {
        NumKind::Amount => "amount",
        NumKind::Count => "integer",
        NumKind::Quantity => "number",
    };
    let value = match v {
        Json::Int(_) | Json::Float(_) => match number_to_decimal(v) {
            Ok(Some(d)) => d,
            Ok(None) => return Err(Issue::new(Code::WrongType, path).with(expected)),
            Err(code) => {
                return Err(Issue::new(code, path)
                    .with(display_raw(v))
                    .with("0, 10⁻²⁸ … 10¹⁵"))
            }
        },
        Json::Str(s) => {
            let allow_units = kind == NumKind::Amount;
            let trimmed = s.trim();
            let has_unit = trimmed.ends_with('万') || trimmed.ends_with('亿');
            match parse_decimal_text(trimmed, false) {
                Some(d) if allow_units || !has_unit => d,
                _ => {
                    let shown: String = s.chars().take(40).collect();
                    let code = if ["NaN", "Infinity", "-Infinity", "inf"].contains(&trimmed) {
                        Code::NotFinite
                    } else {
                        Code::MalformedAmount
                    };
                    return Err(Issue::new(code, path).with(shown));
                }
            }
        }
        other => {
            return Err(Issue::new(Code::WrongType, path)
                .with(expected)
                .with(other.kind()))
        }
    };
    if value.is_sign_negative() && !value.is_zero() {
        return Err(Issue::new(Code::NegativeAmount, path).with(value.normalize()));
    }
    if value > max_amount() {
        return Err(Issue::new(Code::AmountTooLarge, path).with(value.normalize()));
    }
    if kind == NumKind::Count && !value.fract().is_zero() {
        return Err(Issue::new(Code::NotInteger, path).with(value.normalize()));
    }
    Ok(value.normalize())
}

fn display_raw(v: &Json) -> String {
    match v {
        Json::Int(i) => i.to_string(),
        Json::Float(f) => ryu::Buffer::new().format(*f).to_string(),
        other => other.kind().to_string(),
    }
}

/// Formats a decimal for the report: no trailing zeros, no exponent.
pub fn fmt(d: Decimal) -> String {
    d.normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn units_and_plain_decimals() {
        assert_eq!(parse_decimal_text("3000万", false), Some(d("30000000")));
        assert_eq!(parse_decimal_text("1.2亿", false), Some(d("120000000")));
        assert_eq!(
            parse_decimal_text("1800000.50", false),
            Some(d("1800000.50"))
        );
        assert_eq!(parse_decimal_text("15%", true), Some(d("0.15")));
        assert_eq!(parse_decimal_text("15%", false), None);
        for bad in [
            "", "万", "1e5", "1.", ".5", "1,000", "12 34", "--1", "0x10", "1.2.3",
        ] {
            assert_eq!(parse_decimal_text(bad, true), None, "{bad}");
        }
    }

    #[test]
    fn floats_keep_their_shortest_form() {
        assert_eq!(
            number_to_decimal(&Json::Float(0.1)).unwrap(),
            Some(d("0.1"))
        );
        assert_eq!(
            number_to_decimal(&Json::Float(f64::NAN)),
            Err(Code::NotFinite)
        );
    }

    #[test]
    fn field_rules() {
        let p = "x";
        assert_eq!(
            read_number(&Json::Str("-5".into()), NumKind::Amount, p)
                .unwrap_err()
                .code,
            Code::NegativeAmount
        );
        assert_eq!(
            read_number(&Json::Float(2.5), NumKind::Count, p)
                .unwrap_err()
                .code,
            Code::NotInteger
        );
        assert_eq!(
            read_number(&Json::Str("2万".into()), NumKind::Count, p)
                .unwrap_err()
                .code,
            Code::MalformedAmount
        );
        assert_eq!(
            read_number(&Json::Str("1000000000000001".into()), NumKind::Amount, p)
                .unwrap_err()
                .code,
            Code::AmountTooLarge
        );
        assert_eq!(
            read_number(&Json::Int(1_000_000_000_000_000), NumKind::Amount, p).unwrap(),
            max_amount()
        );
    }
}
