//! Named facts, computed once per profile: the profile's own fields under short names and the
//! derived figures (ratios, net assets, debt-to-asset ratio, R&D intensity, growth rates).
//! A fact that cannot be known carries the profile paths that would complete it.
//! Assessments, policies and hints read facts; nothing here knows about them.

use crate::profile::{Profile, Year};
use rust_decimal::Decimal;
use std::borrow::Cow;

/// The type of a fact or an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    Num,
    Bool,
    Str,
}

impl Ty {
    pub fn name(self) -> &'static str {
        match self {
            Ty::Num => "number",
            Ty::Bool => "boolean",
            Ty::Str => "string",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Val {
    Num(Decimal),
    Bool(bool),
    /// Shared: reading a text fact or a policy's string literal copies a pointer, not the text.
    Str(std::sync::Arc<str>),
}

impl Val {
    pub fn ty(&self) -> Ty {
        match self {
            Val::Num(_) => Ty::Num,
            Val::Bool(_) => Ty::Bool,
            Val::Str(_) => Ty::Str,
        }
    }

    /// The report's form of a value: decimals without trailing zeros, booleans as words.
    pub fn show(&self) -> String {
        match self {
            Val::Num(d) => crate::money::fmt(*d),
            Val::Bool(b) => b.to_string(),
            Val::Str(s) => s.to_string(),
        }
    }
}

/// A value, or the sorted, de-duplicated profile paths whose absence keeps it unknown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Known {
    Yes(Val),
    Missing(Vec<String>),
}

impl Known {
    pub fn missing(paths: impl IntoIterator<Item = String>) -> Known {
        let mut v: Vec<String> = paths.into_iter().collect();
        v.sort();
        v.dedup();
        Known::Missing(v)
    }

    pub fn num(&self) -> Option<Decimal> {
        match self {
            Known::Yes(Val::Num(d)) => Some(*d),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub ty: Ty,
    pub value: Known,
}

/// All facts of one evaluation, in a fixed order: the profile's facts (`derive` pushes the same
/// names in the same order for every profile), the assessments' results, then the policy's own
/// facts. A compiled policy resolves every name to its position once (`Slot::Global`), so
/// evaluation reads facts by index; the names serve compilation, hints and errors.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    // Built-in names are static: deriving facts allocates no keys.
    list: Vec<(Cow<'static, str>, Fact)>,
}

impl Facts {
    pub fn with_capacity(n: usize) -> Self {
        Facts {
            list: Vec::with_capacity(n),
        }
    }

    pub fn get(&self, name: &str) -> Option<&Fact> {
        self.list.iter().find(|(k, _)| k == name).map(|(_, f)| f)
    }

    /// The position of a name (compilation and cold paths only: a linear search).
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.list.iter().position(|(k, _)| k == name)
    }

    /// The name at a position.
    pub fn name_at(&self, i: usize) -> Option<&str> {
        self.list.get(i).map(|(k, _)| k.as_ref())
    }

    pub fn at(&self, i: usize) -> Option<&Fact> {
        self.list.get(i).map(|(_, f)| f)
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Adds a fact after the others (the caller keeps names unique).
    pub fn push(&mut self, name: impl Into<Cow<'static, str>>, ty: Ty, value: Known) {
        self.list.push((name.into(), Fact { ty, value }));
    }

    /// Replaces the value at a position.
    pub fn set_at(&mut self, i: usize, value: Known) {
        if let Some((_, f)) = self.list.get_mut(i) {
            f.value = value;
        }
    }

    /// Replaces a fact by name, or adds it (compilation and cold paths only).
    pub fn set(&mut self, name: impl Into<Cow<'static, str>>, ty: Ty, value: Known) {
        let name = name.into();
        match self.index_of(&name) {
            Some(i) => {
                if let Some(slot) = self.list.get_mut(i) {
                    slot.1 = Fact { ty, value };
                }
            }
            None => self.push(name, ty, value),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Fact)> {
        self.list.iter().map(|(k, v)| (k.as_ref(), v))
    }

    fn num(&mut self, name: &'static str, path: &str, v: Option<Decimal>) {
        self.push(name, Ty::Num, opt(v.map(Val::Num), path));
    }

    fn flag(&mut self, name: &'static str, path: &str, v: Option<bool>) {
        self.push(name, Ty::Bool, opt(v.map(Val::Bool), path));
    }

    fn text(&mut self, name: &'static str, path: &str, v: &Option<String>) {
        self.push(
            name,
            Ty::Str,
            opt(v.as_deref().map(|s| Val::Str(s.into())), path),
        );
    }

    fn derived(&mut self, name: &'static str, value: Result<Decimal, Vec<String>>) {
        let known = match value {
            Ok(d) => Known::Yes(Val::Num(d.normalize())),
            Err(paths) => Known::missing(paths),
        };
        self.push(name, Ty::Num, known);
    }
}

fn opt(v: Option<Val>, path: &str) -> Known {
    match v {
        Some(v) => Known::Yes(v),
        None => Known::Missing(vec![path.to_string()]),
    }
}

/// Reads one amount of a fiscal year.
type YearGetter = fn(&Year) -> Option<Decimal>;

/// A number from a fiscal year, or the path that would supply it.
fn year_field(
    years: &[Year],
    i: usize,
    name: &str,
    get: fn(&Year) -> Option<Decimal>,
) -> Result<Decimal, Vec<String>> {
    years
        .get(i)
        .and_then(get)
        .ok_or_else(|| vec![format!("financials[{i}].{name}")])
}

fn both(
    a: Result<Decimal, Vec<String>>,
    b: Result<Decimal, Vec<String>>,
) -> Result<(Decimal, Decimal), Vec<String>> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (a, b) => Err([a.err(), b.err()].into_iter().flatten().flatten().collect()),
    }
}

/// n ÷ d. 0 ÷ 0 is 0; n ÷ 0 has no meaning and stays unknown, naming the denominator's fields.
fn ratio(
    n: Result<Decimal, Vec<String>>,
    d: Result<Decimal, Vec<String>>,
    d_paths: &[String],
) -> Result<Decimal, Vec<String>> {
    let (n, d) = both(n, d)?;
    if d.is_zero() {
        return if n.is_zero() {
            Ok(Decimal::ZERO)
        } else {
            Err(d_paths.to_vec())
        };
    }
    n.checked_div(d).ok_or_else(|| d_paths.to_vec())
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
                s3.checked_div(*s2)?.checked_sub(Decimal::ONE)
            } else {
                let sum = s2.checked_div(*s1)?.checked_add(s3.checked_div(*s2)?)?;
                sum.checked_mul(half)?.checked_sub(Decimal::ONE)
            }
        }
        [s1, s2] => {
            if s1.is_zero() {
                Some(Decimal::ZERO)
            } else {
                s2.checked_div(*s1)?.checked_sub(Decimal::ONE)
            }
        }
        _ => None,
    }
}

fn growth_fact(
    p: &Profile,
    name: &[(&str, YearGetter)],
    value: impl Fn(&Year) -> Option<Decimal>,
) -> Result<Decimal, Vec<String>> {
    let years = &p.financials;
    let mut missing = Vec::new();
    let mut values = Vec::new();
    for (i, y) in years.iter().enumerate().rev() {
        match value(y) {
            Some(v) => values.push(v),
            // Only the fields of the year that are not given.
            None => missing.extend(
                name.iter()
                    .filter(|(_, get)| get(y).is_none())
                    .map(|(n, _)| format!("financials[{i}].{n}")),
            ),
        }
    }
    if !missing.is_empty() {
        return Err(missing);
    }
    // Short histories (domain.md §2.3): a firm younger than 3 years uses the years it has; an older
    // one (or one whose age is not given) needs all three, else the rate is unknown (its full range).
    let age = p.years_operating;
    let needed = match age {
        Some(a) if a < Decimal::from(2) => 1,
        Some(a) if a < Decimal::from(3) => 2,
        _ => 3,
    };
    if values.len() < needed {
        return Err(vec![format!("financials[{}]", values.len())]);
    }
    if values.len() < 2 {
        // One year of operation: there is no growth to show.
        return Ok(Decimal::ZERO);
    }
    growth_rate(&values).ok_or_else(|| {
        vec![format!(
            "financials[0].{}",
            name.first().map_or("", |(n, _)| *n)
        )]
    })
}

/// Last year's main-business revenue growth (domain.md §6.10.2): (latest − year before) ÷ year
/// before. A zero year before scores nothing (0: no rate exists); a missing one is 0 for a firm
/// under 2 years old, else unknown (and unknown while the age is not given).
fn main_business_growth(p: &Profile) -> Result<Decimal, Vec<String>> {
    let now = year_field(&p.financials, 0, "mainBusinessRevenue", |y| {
        y.main_business_revenue
    })?;
    let before = p.financials.get(1).and_then(|y| y.main_business_revenue);
    match before {
        Some(b) if b.is_zero() => Ok(Decimal::ZERO),
        Some(b) => now
            .checked_sub(b)
            .and_then(|d| d.checked_div(b))
            .ok_or_else(|| vec!["financials[1].mainBusinessRevenue".to_string()]),
        None => match p.years_operating {
            Some(a) if a < Decimal::from(2) => Ok(Decimal::ZERO),
            Some(_) => Err(vec!["financials[1].mainBusinessRevenue".to_string()]),
            None => Err(vec![
                "financials[1].mainBusinessRevenue".to_string(),
                "yearsOperating".to_string(),
            ]),
        },
    }
}

/// Computes every fact of a profile.
pub fn derive(p: &Profile) -> Facts {
    let mut f = Facts::with_capacity(128);
    let y = &p.financials;

    f.text("province", "province", &p.province);
    f.text("city", "city", &p.city);
    f.text("sector", "sector", &p.sector);
    f.flag("resident", "resident", p.resident);
    f.num("yearsOperating", "yearsOperating", p.years_operating);
    f.num("employees", "employees", p.employees);
    f.num("techStaff", "techStaff", p.tech_staff);
    f.push(
        "yearsGiven",
        Ty::Num,
        Known::Yes(Val::Num(Decimal::from(y.len()))),
    );

    let latest: [(&str, YearGetter); 8] = [
        ("revenue", |y| y.revenue),
        ("mainBusinessRevenue", |y| y.main_business_revenue),
        ("rdExpense", |y| y.rd_expense),
        ("domesticRdExpense", |y| y.domestic_rd_expense),
        ("costsAndExpenses", |y| y.costs_and_expenses),
        ("totalAssets", |y| y.total_assets),
        ("totalLiabilities", |y| y.total_liabilities),
        ("taxPaid", |y| y.tax_paid),
    ];
    for (name, get) in latest {
        f.derived(name, year_field(y, 0, name, get));
    }

    f.num("highTechRevenue", "highTechRevenue", p.high_tech_revenue);
    f.num("ip.classOne", "ip.classOne", p.ip.class_one);
    f.num("ip.classTwo", "ip.classTwo", p.ip.class_two);
    f.num(
        "ip.classOneHighValue",
        "ip.classOneHighValue",
        p.ip.class_one_high_value,
    );
    f.num(
        "ip.classOneOwnDeveloped",
        "ip.classOneOwnDeveloped",
        p.ip.class_one_own_developed,
    );
    f.text("techField", "techField", &p.tech_field);
    let s = &p.statuses;
    for (name, v) in [
        ("statuses.highTechEnterprise", s.high_tech_enterprise),
        ("statuses.techSmeRegistered", s.tech_sme_registered),
        ("statuses.innovativeSme", s.innovative_sme),
        ("statuses.specializedSme", s.specialized_sme),
        ("statuses.littleGiant", s.little_giant),
        (
            "statuses.provincialRdInstitution",
            s.provincial_rd_institution,
        ),
        ("statuses.ledStandard", s.led_standard),
        ("statuses.nationalAward", s.national_award),
        (
            "statuses.scienceAwardLast3Years",
            s.science_award_last3_years,
        ),
        ("statuses.provincialAwardTop3", s.provincial_award_top3),
        (
            "statuses.nationalAwardTop3Last3Years",
            s.national_award_top3_last3_years,
        ),
        ("statuses.techInnovationDemo", s.tech_innovation_demo),
        ("statuses.ipAdvantage", s.ip_advantage),
    ] {
        f.flag(name, name, v);
    }
    let r = &p.innovation_self_rating;
    for (name, v) in [
        ("innovationSelfRating.advancement", r.advancement),
        ("innovationSelfRating.coreSupport", r.core_support),
        ("innovationSelfRating.acquisition", r.acquisition),
        ("innovationSelfRating.transfer", r.transfer),
        ("innovationSelfRating.management", r.management),
    ] {
        f.num(name, name, v);
    }
    f.text("talent", "talent", &p.talent);
    f.text("tax.grade", "tax.grade", &p.tax.grade);
    f.flag("tax.arrears", "tax.arrears", p.tax.arrears);
    let c = &p.credit;
    for (name, v) in [
        ("credit.dishonestDebtor", c.dishonest_debtor),
        ("credit.abnormalOperations", c.abnormal_operations),
        ("credit.seriousIllegal", c.serious_illegal),
        ("credit.overdueNow", c.overdue_now),
        ("credit.overdue90In24m", c.overdue90_in24m),
        ("credit.majorIncident", c.major_incident),
        ("credit.restrictedIndustry", c.restricted_industry),
    ] {
        f.flag(name, name, v);
    }
    f.num(
        "credit.overdueEventsIn24m",
        "credit.overdueEventsIn24m",
        c.overdue_events_in24m,
    );
    f.num("debt.unsecured", "debt.unsecured", p.debt.unsecured);
    f.num("debt.guaranteed", "debt.guaranteed", p.debt.guaranteed);
    f.num("debt.secured", "debt.secured", p.debt.secured);
    // The qualification ladder's inputs (domain.md §6.10.6).
    f.num("niche.years", "niche.years", p.niche.years);
    f.num("niche.share", "niche.share", p.niche.share);
    f.num(
        "niche.nationalRank",
        "niche.nationalRank",
        p.niche.national_rank,
    );
    f.flag("niche.recognised", "niche.recognised", p.niche.recognised);
    f.num(
        "equityFinancing.last2Years",
        "equityFinancing.last2Years",
        p.equity_financing.last2_years,
    );
    f.num(
        "equityFinancing.last3Years",
        "equityFinancing.last3Years",
        p.equity_financing.last3_years,
    );
    f.flag(
        "strategicEmerging",
        "strategicEmerging",
        p.strategic_emerging,
    );
    f.text("chainRole", "chainRole", &p.chain_role);
    f.num("platformScore", "platformScore", p.platform_score);
    // The earlier fiscal years, by name (the ladder reads two and three years).
    let earlier: [(&str, usize, &str, YearGetter); 5] = [
        ("priorRevenue", 1, "revenue", |y| y.revenue),
        ("priorRdExpense", 1, "rdExpense", |y| y.rd_expense),
        ("priorMainBusinessRevenue", 1, "mainBusinessRevenue", |y| {
            y.main_business_revenue
        }),
        ("revenueTwoYearsBefore", 2, "revenue", |y| y.revenue),
        ("rdExpenseTwoYearsBefore", 2, "rdExpense", |y| y.rd_expense),
    ];
    for (name, i, field, get) in earlier {
        f.derived(name, year_field(y, i, field, get));
    }

    // Derived figures.
    let field =
        |i: usize, name: &str, get: fn(&Year) -> Option<Decimal>| year_field(y, i, name, get);
    let assets = field(0, "totalAssets", |y| y.total_assets);
    let liabilities = field(0, "totalLiabilities", |y| y.total_liabilities);
    let revenue = field(0, "revenue", |y| y.revenue);
    let rd = field(0, "rdExpense", |y| y.rd_expense);
    let p_rev = vec!["financials[0].revenue".to_string()];

    f.derived(
        "netAssets",
        both(assets.clone(), liabilities.clone()).map(|(a, l)| a - l),
    );
    f.derived(
        "dar",
        ratio(
            liabilities,
            assets,
            &["financials[0].totalAssets".to_string()],
        ),
    );
    let employees = p.employees.ok_or_else(|| vec!["employees".to_string()]);
    let staff = p.tech_staff.ok_or_else(|| vec!["techStaff".to_string()]);
    f.derived(
        "techStaffRatio",
        ratio(staff, employees, &["employees".to_string()]),
    );
    f.derived("rdToRevenue", ratio(rd.clone(), revenue.clone(), &p_rev));
    f.derived(
        "rdToCosts",
        ratio(
            rd.clone(),
            field(0, "costsAndExpenses", |y| y.costs_and_expenses),
            &["financials[0].costsAndExpenses".to_string()],
        ),
    );
    // Domestic R&D (§2.1 (五)), like the intensity, pooled over the years that give it.
    let pooled: Vec<(Decimal, Decimal)> = y
        .iter()
        .filter_map(|y| Some((y.domestic_rd_expense?, y.rd_expense?)))
        .collect();
    let domestic = if pooled.is_empty() {
        Err(vec!["financials[0].domesticRdExpense".to_string()])
    } else {
        Ok(pooled.iter().map(|p| p.0).sum::<Decimal>())
    };
    let all_rd = Ok(pooled.iter().map(|p| p.1).sum::<Decimal>());
    f.derived(
        "domesticRdRatio",
        ratio(domestic, all_rd, &["financials[0].rdExpense".to_string()]),
    );
    f.derived(
        "highTechRevenueRatio",
        ratio(
            p.high_tech_revenue
                .ok_or_else(|| vec!["highTechRevenue".to_string()]),
            revenue,
            &p_rev,
        ),
    );

    // R&D intensity over the years given (domain.md §2.1 (五)): sum of R&D ÷ sum of revenue.
    let mut sum_rd = Ok(Decimal::ZERO);
    let mut sum_rev = Ok(Decimal::ZERO);
    if y.is_empty() {
        sum_rd = Err(vec!["financials[0].rdExpense".to_string()]);
        sum_rev = Err(p_rev.clone());
    }
    for i in 0..y.len() {
        sum_rd = add(sum_rd, field(i, "rdExpense", |y| y.rd_expense));
        sum_rev = add(sum_rev, field(i, "revenue", |y| y.revenue));
    }
    f.derived("rdIntensity", ratio(sum_rd, sum_rev, &p_rev));

    f.derived(
        "mainBusinessShare",
        ratio(
            field(0, "mainBusinessRevenue", |y| y.main_business_revenue),
            field(0, "revenue", |y| y.revenue),
            &p_rev,
        ),
    );
    f.derived("mainBusinessGrowth", main_business_growth(p));
    // Whether that growth is a rate at all: not with a zero year before, nor for a firm under 2
    // years old without one (those score nothing, §6.10.2).
    let before = y.get(1).and_then(|y| y.main_business_revenue);
    let exists = match (before, p.years_operating) {
        (Some(b), _) => Known::Yes(Val::Bool(!b.is_zero())),
        (None, Some(a)) if a < Decimal::from(2) => Known::Yes(Val::Bool(false)),
        (None, Some(_)) => Known::missing(["financials[1].mainBusinessRevenue".to_string()]),
        (None, None) => Known::missing([
            "financials[1].mainBusinessRevenue".to_string(),
            "yearsOperating".to_string(),
        ]),
    };
    f.push("mainBusinessGrowthExists", Ty::Bool, exists);
    f.derived(
        "priorRdToRevenue",
        ratio(
            field(1, "rdExpense", |y| y.rd_expense),
            field(1, "revenue", |y| y.revenue),
            &["financials[1].revenue".to_string()],
        ),
    );
    f.derived(
        "revenueGrowth",
        growth_fact(p, &[("revenue", |y| y.revenue)], |y| y.revenue),
    );
    f.derived(
        "netAssetGrowth",
        growth_fact(
            p,
            &[
                ("totalAssets", |y| y.total_assets),
                ("totalLiabilities", |y| y.total_liabilities),
            ],
            |y| Some(y.total_assets? - y.total_liabilities?),
        ),
    );
    f
}

fn add(
    a: Result<Decimal, Vec<String>>,
    b: Result<Decimal, Vec<String>>,
) -> Result<Decimal, Vec<String>> {
    // Amounts are capped at 10^15 and there are at most 3 years: the sum cannot overflow.
    both(a, b).map(|(a, b)| a + b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// Compiled policies read facts by position: every profile must give the same names in the
    /// same order, each once.
    #[test]
    fn every_profile_gives_the_same_fact_names_in_the_same_order() {
        let names =
            |p: &Profile| -> Vec<String> { derive(p).iter().map(|(k, _)| k.to_string()).collect() };
        let empty = names(&Profile::default());
        let mut unique = empty.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), empty.len());
        let mut full = Profile {
            financials: vec![Year::default(), Year::default(), Year::default()],
            employees: Some(d("10")),
            tech_staff: Some(d("2")),
            years_operating: Some(d("1")),
            ..Profile::default()
        };
        full.financials[0].revenue = Some(d("100"));
        assert_eq!(names(&full), empty);
    }

    #[test]
    fn growth_rules_of_the_guideline() {
        // ½ × (150/100 + 300/150) − 1 = 0.75
        assert_eq!(
            growth_rate(&[d("100"), d("150"), d("300")]),
            Some(d("0.75"))
        );
        // zero first year: the later two only
        assert_eq!(growth_rate(&[d("0"), d("100"), d("150")]), Some(d("0.5")));
        // zero second year: scores nothing
        assert_eq!(growth_rate(&[d("100"), d("0"), d("150")]), Some(d("0")));
        // two years
        assert_eq!(growth_rate(&[d("100"), d("120")]), Some(d("0.2")));
        assert_eq!(growth_rate(&[d("100")]), None);
    }
}
