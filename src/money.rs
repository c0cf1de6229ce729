//! Exact numbers from input: JSON numbers and decimal strings with the Chinese units 万 and 亿
//! (and, in policies, a trailing %). Everything becomes a `rust_decimal::Decimal`; nothing is a float.

use crate::error::{Code, Issue};
use crate::json::{Json, Scalar};
use rust_decimal::Decimal;

/// The largest amount a profile may carry: 10^15 yuan.
pub fn max_amount() -> Decimal {
    Decimal::from(1_000_000_000_000_000_i64)
}

/// The most significant digits a decimal keeps exactly (and the most decimal places).
pub const MAX_DIGITS: usize = 28;

/// Parses a plain decimal with an optional unit suffix (万, 亿, %). Returns None when malformed,
/// too precise or too large to hold (see [`read_decimal_text`] for which).
pub fn parse_decimal_text(text: &str, allow_percent: bool) -> Option<Decimal> {
    read_decimal_text(text, allow_percent).ok()
}

/// Parses a plain decimal with an optional unit suffix exactly, or says why it cannot:
/// `malformedAmount` (not digits), `tooPrecise` (more significant digits or decimal places than
/// the decimal type keeps: never a silent rounding), `amountTooLarge` (a value above 10^15 that
/// cannot be held exactly: never clamped to the limit).
pub fn read_decimal_text(text: &str, allow_percent: bool) -> Result<Decimal, Code> {
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
    let Some((negative, int, frac)) = plain_parts(body.trim_end()) else {
        return Err(Code::MalformedAmount);
    };
    // Decide from the digits themselves, before parsing can round them. More than 20 integer
    // digits is no amount anyone means (a pasted identifier): malformed, as before.
    let (int, frac) = (int.trim_start_matches('0'), frac.trim_end_matches('0'));
    if int.len() > 20 {
        return Err(Code::MalformedAmount);
    }
    let significant = if int.is_empty() {
        frac.trim_start_matches('0').len()
    } else {
        int.len() + frac.len()
    };
    if significant > MAX_DIGITS || frac.len() > MAX_DIGITS {
        return Err(if above_limit(int, frac) {
            Code::AmountTooLarge
        } else {
            Code::TooPrecise
        });
    }
    let value = exact_digits(int, frac, negative).ok_or(Code::TooPrecise)?;
    if factor == Decimal::ONE {
        return Ok(value);
    }
    if let Some(shifted) = times_unit(value, factor) {
        return Ok(shifted);
    }
    let scaled = value.checked_mul(factor).ok_or(Code::AmountTooLarge)?;
    // 万, 亿 and % must not push digits out either.
    if scaled.checked_div(factor) != Some(value) {
        return Err(Code::TooPrecise);
    }
    Ok(scaled)
}

/// The decimal `int.frac` of ASCII digits, read digit by digit into the mantissa (no text is
/// built), with `frac`'s places: None beyond 28 places or a decimal's 96 bits.
pub fn exact_digits(int: &str, frac: &str, negative: bool) -> Option<Decimal> {
    exact_digits_scaled(int, frac, negative, u32::try_from(frac.len()).ok()?)
}

/// The digits of `int` then `frac` as one mantissa, at `scale` decimal places.
fn exact_digits_scaled(int: &str, frac: &str, negative: bool, scale: u32) -> Option<Decimal> {
    let mut mantissa: i128 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        mantissa = mantissa
            .checked_mul(10)?
            .checked_add(i128::from(b - b'0'))?;
    }
    let mut value = Decimal::try_from_i128_with_scale(mantissa, scale).ok()?;
    value.set_sign_negative(negative && mantissa != 0);
    Some(value)
}

/// `value × unit` for 万 and 亿 (whole units) when the product's digits fit: what multiplying
/// gives in that case (the digits times the unit, the same decimal places), without dividing
/// back to check. None for anything else (a % unit, a product too long), which multiplies.
fn times_unit(value: Decimal, unit: Decimal) -> Option<Decimal> {
    if unit.scale() != 0 {
        return None;
    }
    let m = value.mantissa().checked_mul(unit.mantissa())?;
    if m.unsigned_abs() >= 1u128 << 96 {
        return None;
    }
    Decimal::try_from_i128_with_scale(m, value.scale()).ok()
}

/// Whether digits (an integer part without leading zeros, a fraction without trailing ones)
/// are above 10^15.
fn above_limit(int: &str, frac: &str) -> bool {
    const LIMIT: &str = "1000000000000000";
    int.len() > LIMIT.len() || (int.len() == LIMIT.len() && (int > LIMIT || !frac.is_empty()))
}

/// Converts a JSON number to an exact decimal through its shortest decimal form, so `0.1` stays 0.1.
pub fn number_to_decimal(v: &Json) -> Result<Option<Decimal>, Code> {
    scalar_decimal(v.scalar())
}

fn scalar_decimal(v: Scalar<'_>) -> Result<Option<Decimal>, Code> {
    match v {
        Scalar::Int(i) => {
            if i.unsigned_abs() > 1_000_000_000_000_000_000_000_000 {
                return Err(Code::AmountTooLarge);
            }
            Ok(Decimal::from_i128_with_scale(i, 0).into())
        }
        Scalar::Float(f) => {
            if !f.is_finite() {
                return Err(Code::NotFinite);
            }
            if f.abs() > 1e20 {
                return Err(Code::AmountTooLarge);
            }
            // Finite but beyond what 28 decimal places hold: below 10^-28 (1e-300) it is out of
            // range; above, more digits than are kept (1.5e-27 needs 28 places and 2 digits).
            float_decimal(f).map(Some).ok_or(if f.abs() < 1e-28 {
                Code::OutOfRange
            } else {
                Code::TooPrecise
            })
        }
        _ => Ok(None),
    }
}

/// A finite float through its shortest round-trip text (`0.1` → 0.1, `1e-7` → 0.0000001), exactly:
/// None when that text needs more than 28 decimal places (never a silent rounding).
pub fn float_decimal(f: f64) -> Option<Decimal> {
    let mut buf = zmij::Buffer::new();
    let text = buf.format_finite(f);
    match text.split_once(['e', 'E']) {
        Some((digits, exp)) => scientific(digits, exp.parse().ok()?),
        None => read_decimal_text(text, false).ok(),
    }
}

/// `digits × 10^exp` exactly (`1.5e-27`, as zmij and ryu write it): None beyond 28 decimal places or 96 bits.
fn scientific(digits: &str, exp: i32) -> Option<Decimal> {
    let (negative, int, frac) = plain_parts(digits)?;
    let places = i32::try_from(frac.len()).ok()?.checked_sub(exp)?;
    if places >= 0 {
        return exact_digits_scaled(int, frac, negative, u32::try_from(places).ok()?);
    }
    let digits = exact_digits_scaled(int, frac, negative, 0)?;
    let shift = Decimal::try_from_i128_with_scale(10i128.checked_pow(places.unsigned_abs())?, 0);
    digits.checked_mul(shift.ok()?)
}

/// A plain decimal as the report writes them (`-12.50`, `0.07`): an optional minus, digits and
/// an optional fraction, read exactly, keeping its places (`1.50` has two, as rust_decimal's
/// reading gives). None for anything else, or for more digits than a decimal holds.
pub fn plain_number(text: &str) -> Option<Decimal> {
    let (negative, int, frac) = plain_parts(text)?;
    exact_digits(int, frac, negative)
}

/// `-?digits(.digits)?` split: whether negative, the integer digits, the fraction's ("" for none).
fn plain_parts(text: &str) -> Option<(bool, &str, &str)> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, text),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (digits, None),
    };
    let digit_run = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digit_run(int) && frac.is_none_or(digit_run)).then_some((negative, int, frac.unwrap_or("")))
}

/// What a numeric field accepts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NumKind {
    /// Yuan: number or string, with 万/亿; never negative, at most 10^15.
    Amount,
    /// Yuan as `Amount`, but a loss may be negative (net profit); at most 10^15 either way.
    SignedAmount,
    /// A head count or a number of items: a non-negative whole number.
    Count,
    /// A non-negative decimal (years), at most 10^15.
    Quantity,
}

/// Reads one numeric field, giving a typed issue for anything that is not a valid value.
pub fn read_number(v: &Json, kind: NumKind, path: &str) -> Result<Decimal, Issue> {
    read_scalar(v.scalar(), kind, path)
}

/// `read_number` on a borrowed value.
pub fn read_scalar(v: Scalar<'_>, kind: NumKind, path: &str) -> Result<Decimal, Issue> {
    let expected = match kind {
        NumKind::Amount | NumKind::SignedAmount => "amount",
        NumKind::Count => "integer",
        NumKind::Quantity => "number",
    };
    let value = match v {
        Scalar::Int(_) | Scalar::Float(_) => match scalar_decimal(v) {
            Ok(Some(d)) => d,
            Ok(None) => return Err(Issue::new(Code::WrongType, path).with(expected)),
            Err(code) => {
                return Err(Issue::new(code, path)
                    .with(display_raw(v))
                    .with("0, 10⁻²⁸ … 10¹⁵"))
            }
        },
        Scalar::Str(s) => match plain_decimal(s) {
            // Below 10¹⁵, not negative and normalized: only a count's fraction is left to check.
            Some(d) if kind != NumKind::Count || d.scale() == 0 => return Ok(d),
            Some(d) => d,
            None => read_text(s, kind, path)?,
        },
        other => {
            return Err(Issue::new(Code::WrongType, path)
                .with(expected)
                .with(other.kind()))
        }
    };
    if value.is_sign_negative() && !value.is_zero() && kind != NumKind::SignedAmount {
        return Err(Issue::new(Code::NegativeAmount, path).with(value.normalize()));
    }
    if value.abs() > max_amount() {
        return Err(Issue::new(Code::AmountTooLarge, path).with(value.normalize()));
    }
    if kind == NumKind::Count && !value.fract().is_zero() {
        return Err(Issue::new(Code::NotInteger, path).with(value.normalize()));
    }
    Ok(value.normalize())
}

/// A number's text other than a plain one (`plain_decimal`): spaces, a sign, 万 or 亿, an
/// error.
fn read_text(s: &str, kind: NumKind, path: &str) -> Result<Decimal, Issue> {
    let allow_units = matches!(kind, NumKind::Amount | NumKind::SignedAmount);
    let trimmed = s.trim();
    let has_unit = trimmed.ends_with('万') || trimmed.ends_with('亿');
    let shown = || -> String { s.chars().take(40).collect() };
    match read_decimal_text(trimmed, false) {
        Ok(d) if allow_units || !has_unit => Ok(d),
        Err(code @ (Code::TooPrecise | Code::AmountTooLarge)) if allow_units || !has_unit => {
            Err(Issue::new(code, path).with(shown()).with(MAX_DIGITS))
        }
        _ => {
            let code = if ["NaN", "Infinity", "-Infinity", "inf"].contains(&trimmed) {
                Code::NotFinite
            } else {
                Code::MalformedAmount
            };
            Err(Issue::new(code, path).with(shown()))
        }
    }
}

/// A plain decimal text, what a form or a spreadsheet writes: digits, or digits, a point and
/// digits, 15 digits at most. Its value normalized (no trailing zeros), which is what
/// `read_decimal_text` gives for it, normalized, in one pass; None for anything else (a sign, a unit, a space, an exponent,
/// more digits), which the general reader decides.
fn plain_decimal(s: &str) -> Option<Decimal> {
    let (mut mantissa, mut digits, mut places, mut point) = (0i64, 0u32, 0u32, false);
    for &c in s.as_bytes() {
        match c {
            b'0'..=b'9' if digits < 15 => {
                mantissa = mantissa * 10 + i64::from(c - b'0');
                digits += 1;
                places += u32::from(point);
            }
            b'.' if !point && digits > 0 => point = true,
            _ => return None,
        }
    }
    if digits == 0 || (point && places == 0) {
        return None;
    }
    while places > 0 && mantissa % 10 == 0 {
        mantissa /= 10;
        places -= 1;
    }
    Some(Decimal::new(mantissa, places))
}

/// A number as given, in its shortest round-trip text (`0.1`, `1e+30`): how a value that was
/// typed or sent is shown back.
pub fn float_text(f: f64) -> String {
    zmij::Buffer::new().format(f).to_string()
}

fn display_raw(v: Scalar<'_>) -> String {
    match v {
        Scalar::Int(i) => i.to_string(),
        Scalar::Float(f) => float_text(f),
        other => other.kind().to_string(),
    }
}

/// Formats a decimal for the report: no trailing zeros, no exponent. The text is laid out in a
/// small buffer, right to left, and copied once (no `normalize`, whose 96-bit divisions cost
/// more than all the rest).
pub fn fmt(d: Decimal) -> String {
    let mut rest = d.mantissa().unsigned_abs();
    let mut places = d.scale() as usize;
    // Trailing zeros of the fraction go.
    while places > 0 && rest % 10 == 0 {
        rest /= 10;
        places -= 1;
    }
    // At most 29 digits, a point, 28 leading zeros, "0." and a sign: 64 bytes hold any decimal.
    let mut buf = [0u8; 64];
    let mut at = buf.len();
    let mut put = |b: u8| {
        at -= 1;
        if let Some(slot) = buf.get_mut(at) {
            *slot = b;
        }
    };
    let mut written = 0;
    loop {
        let digit = match u64::try_from(rest) {
            Ok(small) => {
                rest = u128::from(small / 10);
                small % 10
            }
            Err(_) => {
                let r = rest % 10;
                rest /= 10;
                u64::try_from(r).unwrap_or(0)
            }
        };
        put(b'0' + u8::try_from(digit).unwrap_or(0));
        written += 1;
        if written == places {
            put(b'.');
        }
        if rest == 0 && written >= places {
            break;
        }
    }
    if written == places {
        put(b'0');
    }
    if d.is_sign_negative() && d.mantissa() != 0 {
        put(b'-');
    }
    let text = buf.get(at..).unwrap_or_default();
    String::from(std::str::from_utf8(text).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    /// The module's own readers give what rust_decimal's text readers give (which the lean
    /// module no longer carries): plain decimals with their places, and the scientific texts of zmij (and ryu).
    #[test]
    fn plain_and_scientific_texts_read_as_rust_decimal_reads_them() {
        for t in [
            "0",
            "-0",
            "1.50",
            "-12.5",
            "0.07",
            "007.10",
            "79228162514264337593543950335",
            "0.0000000000000000000000000001",
            "123456789012345678.9012345678",
        ] {
            assert_eq!(plain_number(t), Decimal::from_str_exact(t).ok(), "{t}");
            assert_eq!(
                plain_number(t).map(|d| d.scale()),
                Decimal::from_str_exact(t).ok().map(|d| d.scale()),
                "{t}"
            );
        }
        for t in [
            "",
            "-",
            ".5",
            "5.",
            "1e5",
            "+1",
            "1,000",
            "12.5–20",
            "≥ 5",
            "1..2",
            "79228162514264337593543950336",
        ] {
            assert_eq!(plain_number(t), None, "{t}");
        }
        let mut rng = crate::sample::Rng::new(7);
        for i in 0..20_000u64 {
            let bits = rng.next_u64();
            let f = match i % 3 {
                0 => f64::from_bits(bits),
                1 => (bits % 1_000_000) as f64 * 10f64.powi((i % 60) as i32 - 40),
                _ => (bits % 97) as f64 / 10f64.powi((i % 30) as i32),
            };
            if !f.is_finite() {
                continue;
            }
            // The digits the reader once took from ryu are zmij's (which writes a positive
            // exponent with its sign, `1e+30`, as JavaScript does).
            let text = ryu::Buffer::new().format_finite(f).to_string();
            assert_eq!(
                zmij::Buffer::new().format_finite(f).replace("e+", "e"),
                text
            );
            let want = if text.contains('e') {
                Decimal::from_scientific(&text).ok()
            } else {
                read_decimal_text(&text, false).ok()
            };
            let got = float_decimal(f);
            assert_eq!(got, want, "{text}");
            assert_eq!(got.map(|d| d.scale()), want.map(|d| d.scale()), "{text}");
        }
    }

    /// The hand-written text of a decimal is rust_decimal's own, normalized.
    #[test]
    fn decimals_are_written_as_rust_decimal_writes_them() {
        let mut rng = crate::sample::Rng::new(11);
        let mut values = vec![
            Decimal::ZERO,
            Decimal::new(-0, 3),
            Decimal::new(5, 3),
            Decimal::new(-5, 3),
            Decimal::new(1500, 2),
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(1, 28),
            Decimal::from_str("0.7402826855123674911660777385").unwrap(),
            Decimal::from_str("-12345678901234567890.12345678").unwrap(),
        ];
        for _ in 0..20_000 {
            let hi = rng.next_u64();
            let lo = rng.next_u64();
            let mantissa = (i128::from(hi >> (rng.below(64) as u32)) << 32) ^ i128::from(lo);
            let mantissa = mantissa % (1i128 << 96);
            let scale = rng.below(29) as u32;
            if let Ok(d) = Decimal::try_from_i128_with_scale(mantissa, scale) {
                values.push(d);
                values.push(-d);
            }
            values.push(Decimal::new(
                rng.below(1_000_000) as i64,
                rng.below(8) as u32,
            ));
        }
        for d in values {
            assert_eq!(fmt(d), d.normalize().to_string(), "{d:?}");
        }
    }

    /// A plain text gives what the general reader gives, written the same way once normalized;
    /// anything else is left to it.
    #[test]
    fn plain_decimals_read_as_the_general_reader_reads_them() {
        let texts = [
            "0",
            "7",
            "007",
            "144570000",
            "0.5",
            "0.50",
            "1.25",
            "100.000",
            "999999999999999",
            "99999999999999.9",
            "0.00000000000001",
            "1000000000000000",
            "1.",
            ".5",
            "",
            "1.2.3",
            "-1",
            " 1",
            "1 ",
            "1e5",
            "1万",
            "12,000",
            "0000000000000001",
        ];
        for t in texts {
            match plain_decimal(t) {
                Some(d) => {
                    let general = read_decimal_text(t, false).unwrap();
                    assert_eq!(
                        d.normalize().to_string(),
                        general.normalize().to_string(),
                        "{t}"
                    );
                    assert_eq!(d, general, "{t}");
                    assert_eq!(d.to_string(), d.normalize().to_string(), "{t} normalized");
                }
                None => assert!(
                    !t.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                        || t.len() > 15
                        || t.is_empty()
                        || t.starts_with('.')
                        || t.ends_with('.')
                        || t.matches('.').count() > 1,
                    "{t} left to the general reader"
                ),
            }
        }
        let mut rng = crate::sample::Rng::new(3);
        for _ in 0..20_000 {
            let int = rng.below(1_000_000_000).to_string();
            let frac = format!(
                "{:0width$}",
                rng.below(100_000),
                width = 1 + rng.below(5) as usize
            );
            for t in [int.clone(), format!("{int}.{frac}")] {
                let d = plain_decimal(&t);
                if t.len() - usize::from(t.contains('.')) <= 15 {
                    let general = read_decimal_text(&t, false).unwrap();
                    assert_eq!(
                        d.map(|d| d.normalize().to_string()),
                        Some(general.normalize().to_string()),
                        "{t}"
                    );
                }
            }
        }
    }

    /// The digits read as text by rust_decimal: what `exact_digits` replaced.
    fn through_text(int: &str, frac: &str, negative: bool) -> Option<Decimal> {
        let sign = if negative { "-" } else { "" };
        let int = if int.is_empty() { "0" } else { int };
        Decimal::from_str(format!("{sign}{int}.{frac}").trim_end_matches('.')).ok()
    }

    #[test]
    fn units_shift_digits_as_multiplying_does() {
        for v in [
            "0",
            "1",
            "1.5",
            "0.0001",
            "-2.25",
            "123456789012345678901234.5678",
        ] {
            for unit in [10_000i64, 100_000_000] {
                let (v, unit) = (d(v), Decimal::from(unit));
                if let Some(shifted) = times_unit(v, unit) {
                    let multiplied = v.checked_mul(unit).unwrap();
                    assert_eq!(shifted, multiplied);
                    assert_eq!(shifted.scale(), multiplied.scale(), "{v} × {unit}");
                    assert_eq!(shifted.to_string(), multiplied.to_string());
                }
            }
        }
        assert_eq!(times_unit(d("1.5"), Decimal::new(1, 2)), None);
    }

    #[test]
    fn digits_read_as_rust_decimal_reads_their_text() {
        let ints = [
            "",
            "1",
            "12",
            "999999999999999",
            "1000000000000000",
            "12345678901234567890",
        ];
        let fracs = [
            "",
            "5",
            "05",
            "0000000000000000000000000001",
            "12345678",
            "3",
        ];
        for int in ints {
            for frac in fracs {
                if int.len() + frac.len() > MAX_DIGITS {
                    continue;
                }
                for negative in [false, true] {
                    let (a, b) = (
                        exact_digits(int, frac, negative),
                        through_text(int, frac, negative),
                    );
                    assert_eq!(a, b, "{int}.{frac} {negative}");
                    assert_eq!(
                        a.map(|x| (x.scale(), x.is_sign_negative(), x.to_string())),
                        b.map(|x| (x.scale(), x.is_sign_negative(), x.to_string())),
                        "{int}.{frac} {negative}"
                    );
                }
            }
        }
    }

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
    fn digits_beyond_what_is_kept_are_an_error_never_a_rounding() {
        let read = |t: &str| read_decimal_text(t, true);
        assert_eq!(
            read("123456789012345.12345678901234567890"),
            Err(Code::TooPrecise)
        );
        assert_eq!(
            read("1000000000000000.00000000000000000001"),
            Err(Code::AmountTooLarge)
        );
        assert_eq!(
            read("0.0000000000000000000000000001"),
            Ok(d("0.0000000000000000000000000001"))
        );
        assert_eq!(
            read("0.00000000000000000000000000001"),
            Err(Code::TooPrecise)
        );
        // Zeros that carry no digit are not precision.
        assert_eq!(read("0001.5000000000000000000000000000000"), Ok(d("1.5")));
        assert_eq!(
            read("12345678901234567890.12345678"),
            Ok(d("12345678901234567890.12345678"))
        );
        assert_eq!(read("123456789012345678901"), Err(Code::MalformedAmount));
        assert_eq!(
            read("12345678901234567890.123456789"),
            Err(Code::AmountTooLarge)
        );
        // A unit must not push digits out either.
        assert_eq!(
            read("0.0000000000000000000000000001%"),
            Err(Code::TooPrecise)
        );
        assert_eq!(read("-2.5万"), Ok(d("-25000")));
        let e = read_number(
            &Json::Str("123456789012345.12345678901234567890".into()),
            NumKind::Amount,
            "x",
        )
        .unwrap_err();
        assert_eq!(e.code, Code::TooPrecise);
        let e = read_number(
            &Json::Str("1000000000000000.00000000000000000001".into()),
            NumKind::Amount,
            "x",
        )
        .unwrap_err();
        assert_eq!(e.code, Code::AmountTooLarge);
        assert_eq!(
            number_to_decimal(&Json::Float(1.2345678901234567e-15)),
            Err(Code::TooPrecise)
        );
        assert_eq!(
            number_to_decimal(&Json::Float(1e-300)),
            Err(Code::OutOfRange)
        );
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
