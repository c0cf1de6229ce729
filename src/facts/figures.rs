//! The facts a profile gives besides its inputs: ratios, growth, net assets (each with the
//! inputs it reads, `DERIVED_READS`), and the inputs themselves as facts.

use super::{Facts, Known, Missing, Ty, Val};
use crate::arith;
use crate::inputs::{Type, INPUTS};
use crate::profile::{Profile, Value, YEAR_START};
use rust_decimal::Decimal;

/// A number from a fiscal year, or the path that would supply it.
pub(super) fn year_field(p: &Profile, i: usize, name: &str) -> Result<Decimal, Missing> {
    p.year(i, name).ok_or_else(|| Missing::year_key(i, name))
}

pub(super) fn both(
    a: Result<Decimal, Missing>,
    b: Result<Decimal, Missing>,
) -> Result<(Decimal, Decimal), Missing> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (a, b) => Err(a
            .err()
            .unwrap_or_default()
            .union(b.err().unwrap_or_default())),
    }
}

/// n ÷ d. 0 ÷ 0 is 0; n ÷ 0 has no meaning and stays unknown, naming the denominator's fields.
pub(super) fn ratio(
    n: Result<Decimal, Missing>,
    d: Result<Decimal, Missing>,
    d_path: &str,
) -> Result<Decimal, Missing> {
    let (n, d) = both(n, d)?;
    if d.is_zero() {
        return if n.is_zero() {
            Ok(Decimal::ZERO)
        } else {
            Err(Missing::of(d_path))
        };
    }
    arith::checked_div(n, d).ok_or_else(|| Missing::of(d_path))
}

/// The growth rate of domain.md §2.3 over the given values, oldest first:
/// ½ × (S₂/S₁ + S₃/S₂) − 1; a zero first value → the later two only; a zero second value → 0
/// (scores nothing); two values → S₂/S₁ − 1. Only an exact zero switches rule: a negative value
/// (negative net assets) goes through the formula as written.
pub fn growth_rate(values: &[Decimal]) -> Option<Decimal> {
    let half = Decimal::new(5, 1);
    match values {
        [s1, s2, s3] => {
            if s2.is_zero() {
                Some(Decimal::ZERO)
            } else if s1.is_zero() {
                arith::checked_sub(arith::checked_div(*s3, *s2)?, Decimal::ONE)
            } else {
                let sum = arith::checked_add(
                    arith::checked_div(*s2, *s1)?,
                    arith::checked_div(*s3, *s2)?,
                )?;
                arith::checked_sub(arith::checked_mul(sum, half)?, Decimal::ONE)
            }
        }
        [s1, s2] => {
            if s1.is_zero() {
                Some(Decimal::ZERO)
            } else {
                arith::checked_sub(arith::checked_div(*s2, *s1)?, Decimal::ONE)
            }
        }
        _ => None,
    }
}

/// The growth of a yearly figure over the years given (`value` of each year, or the keys it lacks).
pub(super) fn growth_fact(
    p: &Profile,
    keys: &[&str],
    value: impl Fn(usize) -> Option<Decimal>,
) -> Result<Decimal, Missing> {
    let mut missing = Missing::NONE;
    let mut values = Vec::new();
    for i in (0..p.years()).rev() {
        match value(i) {
            Some(v) => values.push(v),
            // Only the fields of the year that are not given.
            None => {
                for k in keys.iter().filter(|k| p.year(i, k).is_none()) {
                    missing = missing.union(Missing::year_key(i, k));
                }
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing);
    }
    // Short histories (domain.md §2.3): a firm younger than 3 years uses the years it has; an older
    // one (or one whose age is not given) needs all three, else the rate is unknown (its full range).
    let needed = match p.num("yearsOperating") {
        Some(a) if a < Decimal::from(2) => 1,
        Some(a) if a < Decimal::from(3) => 2,
        _ => 3,
    };
    if values.len() < needed {
        return Err(Missing::year(values.len()));
    }
    if values.len() < 2 {
        // One year of operation: there is no growth to show.
        return Ok(Decimal::ZERO);
    }
    growth_rate(&values).ok_or_else(|| {
        Missing::of(&format!(
            "financials[0].{}",
            keys.first().copied().unwrap_or("")
        ))
    })
}

/// Last year's main-business revenue growth (domain.md §6.10.2): (latest − year before) ÷ year
/// before. A zero year before scores nothing (0: no rate exists); a missing one is 0 for a firm
/// under 2 years old, else unknown (and unknown while the age is not given).
pub(super) fn main_business_growth(p: &Profile) -> Result<Decimal, Missing> {
    let now = year_field(p, 0, "mainBusinessRevenue")?;
    match p.year(1, "mainBusinessRevenue") {
        Some(b) if b.is_zero() => Ok(Decimal::ZERO),
        Some(b) => arith::checked_sub(now, b)
            .and_then(|d| arith::checked_div(d, b))
            .ok_or_else(|| Missing::of("financials[1].mainBusinessRevenue")),
        None => match p.num("yearsOperating") {
            Some(a) if a < Decimal::from(2) => Ok(Decimal::ZERO),
            Some(_) => Err(Missing::of("financials[1].mainBusinessRevenue")),
            None => Err(Missing::of("financials[1].mainBusinessRevenue")
                .union(Missing::of("yearsOperating"))),
        },
    }
}

/// The type of the fact an input publishes; None for text shown only on the report.
pub(super) fn fact_type(ty: Type) -> Option<Ty> {
    match ty {
        Type::Text => None,
        Type::Place(_) | Type::Choice(_) => Some(Ty::Str),
        Type::Flag => Some(Ty::Bool),
        _ => Some(Ty::Num),
    }
}

/// The fact of the scalar field at catalog position `i`.
pub(super) fn value_of(v: Option<&Value>, i: usize) -> Known {
    match v {
        Some(Value::Num(d)) => Known::Yes(Val::Num(*d)),
        Some(Value::Bool(b)) => Known::Yes(Val::Bool(*b)),
        Some(Value::Text(s)) => Known::Yes(Val::Str(s.clone())),
        None => Known::Missing(Missing::input(i)),
    }
}

/// The facts of the inputs, in catalog order: each field under its path, a fiscal year's field of
/// the latest year under its key, and the earlier years' under their own names (`priorRevenue`),
/// after the others.
pub(super) fn input_facts(p: &Profile, f: &mut Facts) {
    for (i, input) in INPUTS.iter().enumerate() {
        if i == YEAR_START {
            f.push(
                "yearsGiven",
                Ty::Num,
                Known::Yes(Val::Num(Decimal::from(p.years()))),
            );
        }
        if let Some(years) = &input.per_year {
            if let Some(key) = input.year_key() {
                f.derived(years.facts[0], year_field(p, 0, key));
            }
            continue;
        }
        if let Some(ty) = fact_type(input.ty) {
            f.push(input.path, ty, value_of(p.at(i), i));
        }
    }
    for year in 1..crate::profile::MAX_YEARS {
        for input in crate::profile::year_inputs() {
            let (Some(years), Some(key)) = (&input.per_year, input.year_key()) else {
                continue;
            };
            if let Some(name) = years.facts.get(year).filter(|n| !n.is_empty()) {
                f.derived(name, year_field(p, year, key));
            }
        }
    }
}

/// The profile paths each derived fact reads (`financials[*]` is every year), for the form and
/// the policy's readers.
pub const DERIVED_READS: &[(&str, &[&str])] = &[
    ("yearsGiven", &[]),
    (
        "netAssets",
        &[
            "financials[0].totalAssets",
            "financials[0].totalLiabilities",
        ],
    ),
    (
        "dar",
        &[
            "financials[0].totalAssets",
            "financials[0].totalLiabilities",
        ],
    ),
    ("techStaffRatio", &["techStaff", "employees"]),
    (
        "rdToRevenue",
        &["financials[0].rdExpense", "financials[0].revenue"],
    ),
    (
        "rdToCosts",
        &["financials[0].rdExpense", "financials[0].costsAndExpenses"],
    ),
    (
        "domesticRdRatio",
        &["financials[*].domesticRdExpense", "financials[*].rdExpense"],
    ),
    (
        "highTechRevenueRatio",
        &["highTechRevenue", "financials[0].revenue"],
    ),
    (
        "rdIntensity",
        &["financials[*].rdExpense", "financials[*].revenue"],
    ),
    (
        "mainBusinessShare",
        &["financials[0].mainBusinessRevenue", "financials[0].revenue"],
    ),
    (
        "mainBusinessGrowth",
        &[
            "financials[0].mainBusinessRevenue",
            "financials[1].mainBusinessRevenue",
            "yearsOperating",
        ],
    ),
    (
        "mainBusinessGrowthExists",
        &["financials[1].mainBusinessRevenue", "yearsOperating"],
    ),
    (
        "priorRdToRevenue",
        &["financials[1].rdExpense", "financials[1].revenue"],
    ),
    (
        "revenueGrowth",
        &["financials[*].revenue", "yearsOperating"],
    ),
    (
        "netAssetGrowth",
        &[
            "financials[*].totalAssets",
            "financials[*].totalLiabilities",
            "yearsOperating",
        ],
    ),
];

/// The profile paths a fact reads: an input's own path (each year of a per-year one), or a
/// derived fact's inputs. Empty for a name that is neither.
pub fn paths_read_by(fact: &str) -> Vec<String> {
    let expand = |p: &str| -> Vec<String> {
        match p.strip_prefix("financials[*].") {
            Some(k) => (0..crate::profile::MAX_YEARS)
                .map(|i| format!("financials[{i}].{k}"))
                .collect(),
            None => vec![p.to_string()],
        }
    };
    if let Some((_, reads)) = DERIVED_READS.iter().find(|(n, _)| *n == fact) {
        return reads.iter().flat_map(|p| expand(p)).collect();
    }
    match crate::inputs::of_fact(fact) {
        Some((input, Some(year))) => vec![input.path_in(year)],
        Some((input, None)) if fact_type(input.ty).is_some() => vec![fact.to_string()],
        _ => Vec::new(),
    }
}

/// A derived figure's value: a number (normalized), or the inputs it lacks.
pub(super) fn figure(value: Result<Decimal, Missing>) -> Known {
    match value {
        Ok(d) => Known::Yes(Val::Num(d.normalize())),
        Err(m) => Known::Missing(m),
    }
}

pub(super) fn net_assets(p: &Profile) -> Known {
    let assets = year_field(p, 0, "totalAssets");
    let liabilities = year_field(p, 0, "totalLiabilities");
    figure(both(assets, liabilities).map(|(a, l)| a - l))
}

pub(super) fn dar(p: &Profile) -> Known {
    let assets = year_field(p, 0, "totalAssets");
    let liabilities = year_field(p, 0, "totalLiabilities");
    figure(ratio(liabilities, assets, "financials[0].totalAssets"))
}

pub(super) fn tech_staff_ratio(p: &Profile) -> Known {
    let employees = p.num("employees").ok_or_else(|| Missing::of("employees"));
    let staff = p.num("techStaff").ok_or_else(|| Missing::of("techStaff"));
    figure(ratio(staff, employees, "employees"))
}

pub(super) fn rd_to_revenue(p: &Profile) -> Known {
    let revenue = year_field(p, 0, "revenue");
    let rd = year_field(p, 0, "rdExpense");
    figure(ratio(rd, revenue, "financials[0].revenue"))
}

pub(super) fn rd_to_costs(p: &Profile) -> Known {
    figure(ratio(
        year_field(p, 0, "rdExpense"),
        year_field(p, 0, "costsAndExpenses"),
        "financials[0].costsAndExpenses",
    ))
}

/// Domestic R&D (§2.1 (五)), like the intensity, pooled over the years that give it.
pub(super) fn domestic_rd_ratio(p: &Profile) -> Known {
    let pooled: Vec<(Decimal, Decimal)> = (0..p.years())
        .filter_map(|i| Some((p.year(i, "domesticRdExpense")?, p.year(i, "rdExpense")?)))
        .collect();
    let domestic = if pooled.is_empty() {
        Err(Missing::of("financials[0].domesticRdExpense"))
    } else {
        Ok(pooled.iter().map(|p| p.0).sum::<Decimal>())
    };
    let all_rd = Ok(pooled.iter().map(|p| p.1).sum::<Decimal>());
    figure(ratio(domestic, all_rd, "financials[0].rdExpense"))
}

pub(super) fn high_tech_revenue_ratio(p: &Profile) -> Known {
    figure(ratio(
        p.num("highTechRevenue")
            .ok_or_else(|| Missing::of("highTechRevenue")),
        year_field(p, 0, "revenue"),
        "financials[0].revenue",
    ))
}

/// R&D intensity over the years given (domain.md §2.1 (五)): sum of R&D ÷ sum of revenue.
pub(super) fn rd_intensity(p: &Profile) -> Known {
    let mut sum_rd = Ok(Decimal::ZERO);
    let mut sum_rev = Ok(Decimal::ZERO);
    if p.years() == 0 {
        sum_rd = Err(Missing::of("financials[0].rdExpense"));
        sum_rev = Err(Missing::of("financials[0].revenue"));
    }
    for i in 0..p.years() {
        sum_rd = add(sum_rd, year_field(p, i, "rdExpense"));
        sum_rev = add(sum_rev, year_field(p, i, "revenue"));
    }
    figure(ratio(sum_rd, sum_rev, "financials[0].revenue"))
}

pub(super) fn main_business_share(p: &Profile) -> Known {
    figure(ratio(
        year_field(p, 0, "mainBusinessRevenue"),
        year_field(p, 0, "revenue"),
        "financials[0].revenue",
    ))
}

/// Whether the main-business growth is a rate at all: not with a zero year before, nor for a firm
/// under 2 years old without one (those score nothing, §6.10.2).
pub(super) fn main_business_growth_exists(p: &Profile) -> Known {
    let before = p.year(1, "mainBusinessRevenue");
    match (before, p.num("yearsOperating")) {
        (Some(b), _) => Known::Yes(Val::Bool(!b.is_zero())),
        (None, Some(a)) if a < Decimal::from(2) => Known::Yes(Val::Bool(false)),
        (None, Some(_)) => Known::Missing(Missing::of("financials[1].mainBusinessRevenue")),
        (None, None) => Known::Missing(
            Missing::of("financials[1].mainBusinessRevenue").union(Missing::of("yearsOperating")),
        ),
    }
}

pub(super) fn prior_rd_to_revenue(p: &Profile) -> Known {
    figure(ratio(
        year_field(p, 1, "rdExpense"),
        year_field(p, 1, "revenue"),
        "financials[1].revenue",
    ))
}

pub(super) fn revenue_growth(p: &Profile) -> Known {
    figure(growth_fact(p, &["revenue"], |i| p.year(i, "revenue")))
}

pub(super) fn net_asset_growth(p: &Profile) -> Known {
    figure(growth_fact(p, &["totalAssets", "totalLiabilities"], |i| {
        Some(p.year(i, "totalAssets")? - p.year(i, "totalLiabilities")?)
    }))
}

/// How a derived figure is computed from a profile.
pub(super) type Compute = fn(&Profile) -> Known;

/// The derived figures, after the inputs' facts, in their order (`DERIVED_READS` says what each
/// reads).
pub(super) const FIGURES: &[(&str, Ty, Compute)] = &[
    ("netAssets", Ty::Num, net_assets),
    ("dar", Ty::Num, dar),
    ("techStaffRatio", Ty::Num, tech_staff_ratio),
    ("rdToRevenue", Ty::Num, rd_to_revenue),
    ("rdToCosts", Ty::Num, rd_to_costs),
    ("domesticRdRatio", Ty::Num, domestic_rd_ratio),
    ("highTechRevenueRatio", Ty::Num, high_tech_revenue_ratio),
    ("rdIntensity", Ty::Num, rd_intensity),
    ("mainBusinessShare", Ty::Num, main_business_share),
    ("mainBusinessGrowth", Ty::Num, |p| {
        figure(main_business_growth(p))
    }),
    (
        "mainBusinessGrowthExists",
        Ty::Bool,
        main_business_growth_exists,
    ),
    ("priorRdToRevenue", Ty::Num, prior_rd_to_revenue),
    ("revenueGrowth", Ty::Num, revenue_growth),
    ("netAssetGrowth", Ty::Num, net_asset_growth),
];

pub(super) fn add(
    a: Result<Decimal, Missing>,
    b: Result<Decimal, Missing>,
) -> Result<Decimal, Missing> {
    // Amounts are capped at 10^15 and there are at most 3 years: the sum cannot overflow.
    both(a, b).map(|(a, b)| a + b)
}
