//! Decimal arithmetic kept out of line in wasm. rust_decimal marks its checked and saturating
//! operations `#[inline(always)]`, so each call site carried its own copy of the whole addition
//! or division (1–2 KB of wasm each, 12 KB of the lean module's gzip in all); called through
//! these, the module carries one copy of each. Natively they inline as before. Every function is
//! the rust_decimal operation of the same name, so results are the same (`tests` below).

use rust_decimal::Decimal;

#[cfg_attr(target_arch = "wasm32", inline(never))]
pub fn checked_add(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
}

#[cfg_attr(target_arch = "wasm32", inline(never))]
pub fn checked_sub(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_sub(b)
}

#[cfg_attr(target_arch = "wasm32", inline(never))]
pub fn checked_mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

#[cfg_attr(target_arch = "wasm32", inline(never))]
pub fn checked_div(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_div(b)
}

/// `a.saturating_add(b)`, as rust_decimal computes it (the checked sum, else the bound on the
/// side of `a`'s sign), sharing [`checked_add`]'s one copy of the addition.
pub fn saturating_add(a: Decimal, b: Decimal) -> Decimal {
    checked_add(a, b).unwrap_or(if a.is_sign_positive() {
        Decimal::MAX
    } else {
        Decimal::MIN
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_is_rust_decimals_own() {
        let values = [
            Decimal::ZERO,
            Decimal::ONE,
            Decimal::NEGATIVE_ONE,
            Decimal::new(-0, 3),
            Decimal::new(12345, 2),
            Decimal::new(-7, 28),
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(5, 1),
        ];
        for a in values {
            for b in values {
                let same = |x: Option<Decimal>, y: Option<Decimal>| {
                    assert_eq!(
                        x.map(|d| d.serialize()),
                        y.map(|d| d.serialize()),
                        "{a} {b}"
                    );
                };
                same(checked_add(a, b), a.checked_add(b));
                same(checked_sub(a, b), a.checked_sub(b));
                same(checked_mul(a, b), a.checked_mul(b));
                same(checked_div(a, b), a.checked_div(b));
                same(Some(saturating_add(a, b)), Some(a.saturating_add(b)));
            }
        }
    }
}
