//! Numbers as people type them into the form: `2000`, `2000万`, `0.2亿元`, `2,000`, `３０００`,
//! `20000000元`, `60人`. The one place where what was typed becomes an exact decimal; the page and
//! Node both call it (through `readForm`), so no JavaScript guesses at units.

use super::problem::Problem;
use rust_decimal::Decimal;

/// The profile's ceiling: 10^15 (yuan, heads, years).
const MAX_INTEGER: &str = "1000000000000000";
/// Decimal places kept in the profile value. The profile reader keeps 28 significant digits and a
/// value up to 10^15 has 16 before the point, so 12 after it are always kept exactly.
pub(super) const MAX_DECIMALS: u32 = 12;

/// The units a field may carry, each with the power of ten it stands for in the profile's unit.
type Units = &'static [(&'static str, u32)];

/// Amount fields are in 万; longer suffixes first, so that "万元" is not read as "…万" + "元".
const AMOUNT_UNITS: Units = &[("万元", 4), ("亿元", 8), ("万", 4), ("亿", 8), ("元", 0)];
/// What a count may be followed by depends on what it counts: "60人" employees, "3件" patents,
/// never "60年" employees.
const PEOPLE_UNITS: Units = &[("人", 0), ("名", 0)];
const ITEM_UNITS: Units = &[("件", 0), ("个", 0), ("项", 0)];
const EVENT_UNITS: Units = &[("次", 0)];
/// Any other count (a self-rating): a bare number, or the units a person might still write.
const COUNT_UNITS: Units = &[
    ("人", 0),
    ("件", 0),
    ("个", 0),
    ("项", 0),
    ("次", 0),
    ("年", 0),
];

/// The units a count field takes, by what it counts.
fn count_units(path: &str) -> Units {
    match path {
        "employees" | "techStaff" | "rdStaff" => PEOPLE_UNITS,
        p if p.starts_with("ip.") => ITEM_UNITS,
        p if p.ends_with("Events") || p.contains("EventsIn") => EVENT_UNITS,
        _ => COUNT_UNITS,
    }
}
const YEAR_UNITS: Units = &[("年", 0)];

/// An amount typed in a 万 field, in yuan. A bare number is in 万.
pub(super) fn amount_in_wan(typed: &str) -> Result<Decimal, Problem> {
    lex(typed, AMOUNT_UNITS, 4)?.value(MAX_DECIMALS + 4)
}

/// A whole number of people or items in the field at `path`, optionally with its unit (60人, 3件).
pub(super) fn count(typed: &str, path: &str) -> Result<Decimal, Problem> {
    // A fraction too fine to keep is still a fraction: "not whole" says what to do about it.
    let value = lex(typed, count_units(path), 0)?
        .value(MAX_DECIMALS)
        .map_err(|p| match p {
            Problem::TooManyDecimals(_) => Problem::NotWhole,
            other => other,
        })?;
    if value.fract().is_zero() {
        Ok(value)
    } else {
        Err(Problem::NotWhole)
    }
}

/// A number of years, decimals allowed, optionally ending in 年.
pub(super) fn years(typed: &str) -> Result<Decimal, Problem> {
    lex(typed, YEAR_UNITS, 0)?.value(MAX_DECIMALS)
}

/// A number as typed, read but not yet valued: sign, digits and the power of ten of its unit.
struct Lexed {
    negative: bool,
    int: String,
    frac: String,
    /// The unit's power of ten in the profile's unit (万 → 4 when the profile is in yuan).
    shift: u32,
}

/// Full-width digits, point, comma, minus and yen sign as their ASCII forms (a Chinese keyboard
/// types them); everything else is left for the reader to refuse.
fn half_width(c: char) -> char {
    match c {
        '０'..='９' => {
            char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
        }
        '．' => '.',
        '，' => ',',
        '－' => '-',
        '￥' => '¥',
        other => other,
    }
}

fn lex(typed: &str, units: Units, bare_shift: u32) -> Result<Lexed, Problem> {
    let text: String = typed.trim().chars().map(half_width).collect();
    let (yen, text) = match text.strip_prefix('¥') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text.as_str()),
    };
    let (unit, body) = units
        .iter()
        .find_map(|(u, shift)| text.strip_suffix(u).map(|b| ((*u, *shift), b.trim_end())))
        .unwrap_or((("", bare_shift), text));
    // ¥ says yuan: it is read only where the unit says so too ("¥20000000元"), never as a guess.
    if yen && !unit.0.ends_with('元') {
        return Err(Problem::Unreadable);
    }
    let (negative, body) = match body.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, body),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let int = ungroup(int).ok_or(Problem::Unreadable)?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(&int) || frac.is_some_and(|f| !digits(f)) {
        return Err(Problem::Unreadable);
    }
    Ok(Lexed {
        negative,
        int,
        frac: frac.unwrap_or_default().to_string(),
        shift: unit.1,
    })
}

/// The integer part without its grouping commas, which must sit every three digits ("2,000",
/// "12,345,678"); None for "2,00" or ",200".
fn ungroup(int: &str) -> Option<String> {
    if !int.contains(',') {
        return Some(int.to_string());
    }
    let mut groups = int.split(',');
    let first = groups.next()?;
    let ok = (1..=3).contains(&first.len()) && groups.clone().all(|g| g.len() == 3);
    ok.then(|| std::iter::once(first).chain(groups).collect())
}

impl Lexed {
    /// The exact value in the profile's unit. `max_shown` is the decimal places allowed in the
    /// field's own unit, for the message.
    fn value(self, max_shown: u32) -> Result<Decimal, Problem> {
        let int = self.int.trim_start_matches('0');
        let frac = self.frac.trim_end_matches('0');
        if self.negative && !(int.is_empty() && frac.is_empty()) {
            return Err(Problem::Negative);
        }
        // Move the point right by the unit's power of ten: digits before it are the integer part.
        let shift = usize::try_from(self.shift).unwrap_or(usize::MAX);
        let padded: String = frac
            .chars()
            .chain(std::iter::repeat('0'))
            .take(frac.len().max(shift))
            .collect();
        let whole: String = int.chars().chain(padded.chars().take(shift)).collect();
        let whole = whole.trim_start_matches('0');
        let rest: String = padded.chars().skip(shift).collect();
        let rest = rest.trim_end_matches('0');
        let above = whole.len() > MAX_INTEGER.len()
            || (whole.len() == MAX_INTEGER.len()
                && (whole > MAX_INTEGER || (whole == MAX_INTEGER && !rest.is_empty())));
        if above {
            return Err(Problem::TooLarge);
        }
        if rest.len() > usize::try_from(MAX_DECIMALS).unwrap_or(usize::MAX) {
            return Err(Problem::TooManyDecimals(max_shown));
        }
        crate::money::exact_digits(whole, rest, false)
            .map(|d| d.normalize())
            .ok_or(Problem::Unreadable)
    }
}
