//! The input model (contract §2): reading a profile from raw JSON, with every problem reported at
//! once as a typed issue with its JSON path. Every field is optional; `None` means "not given".

use crate::error::{index, join, Code, Error, Issue};
use crate::json::Json;
use crate::money::{read_number, NumKind};
use rust_decimal::Decimal;

pub const MAX_YEARS: usize = 3;
pub const MAX_TEXT: usize = 200;
/// At most this many problems are reported for one profile.
pub const MAX_ISSUES: usize = 50;

pub const SECTORS: &[&str] = &["industry", "software", "other"];
pub const TECH_FIELDS: &[&str] = &[
    "electronic-information",
    "biomedicine",
    "aerospace",
    "new-materials",
    "high-tech-services",
    "new-energy",
    "resources-environment",
    "advanced-manufacturing",
    "none",
];
pub const TALENT: &[&str] = &["national", "provincial", "municipal", "none"];
pub const TAX_GRADES: &[&str] = &["A", "B", "M", "C", "D"];
pub const CHAIN_ROLES: &[&str] = &["keyLink", "none"];
/// The platform's 专精特新发展评价得分 is out of 100.
pub const PLATFORM_SCORE_MAX: i64 = 100;

/// A company profile (contract §2). Every field is optional; money is yuan, as a number or a
/// decimal string, optionally with 万 or 亿.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(
    not(target_arch = "wasm32"),
    schemars(rename_all = "camelCase", deny_unknown_fields, default)
)]
pub struct Profile {
    pub name: Option<String>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::Place>")
    )]
    pub province: Option<String>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::Place>")
    )]
    pub city: Option<String>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::Sector>")
    )]
    pub sector: Option<String>,
    pub resident: Option<bool>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::Quantity>")
    )]
    pub years_operating: Option<Decimal>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<u64>"))]
    pub employees: Option<Decimal>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<u64>"))]
    pub tech_staff: Option<Decimal>,
    /// Latest fiscal year first; 1 to 3 years.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(max = 3)))]
    pub financials: Vec<Year>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::Amount>")
    )]
    pub high_tech_revenue: Option<Decimal>,
    pub ip: Ip,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::TechField>")
    )]
    pub tech_field: Option<String>,
    pub statuses: Statuses,
    pub innovation_self_rating: SelfRating,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::Talent>")
    )]
    pub talent: Option<String>,
    pub tax: Tax,
    pub credit: Credit,
    pub debt: Debt,
    /// The qualification ladder's inputs (domain.md §6.10.6).
    pub niche: Niche,
    pub equity_financing: EquityFinancing,
    pub strategic_emerging: Option<bool>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::ChainRole>")
    )]
    pub chain_role: Option<String>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::Quantity>")
    )]
    pub platform_score: Option<Decimal>,
}

/// The firm's niche market (特定细分市场).
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(
    not(target_arch = "wasm32"),
    schemars(rename_all = "camelCase", deny_unknown_fields)
)]
pub struct Niche {
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::Quantity>")
    )]
    pub years: Option<Decimal>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::Quantity>")
    )]
    pub share: Option<Decimal>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<u64>"))]
    pub national_rank: Option<Decimal>,
    pub recognised: Option<bool>,
}

/// New equity from qualified institutional investors, paid in.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(
    not(target_arch = "wasm32"),
    schemars(rename_all = "camelCase", deny_unknown_fields)
)]
pub struct EquityFinancing {
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::Amount>")
    )]
    pub last2_years: Option<Decimal>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::Amount>")
    )]
    pub last3_years: Option<Decimal>,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(
    not(target_arch = "wasm32"),
    schemars(rename_all = "camelCase", deny_unknown_fields)
)]
pub struct Year {
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::Amount>")
    )]
    pub revenue: Option<Decimal>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::Amount>")
    )]
    pub main_business_revenue: Option<Decimal>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::Amount>")
    )]
    pub rd_expense: Option<Decimal>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::Amount>")
    )]
    pub domestic_rd_expense: Option<Decimal>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::Amount>")
    )]
    pub costs_and_expenses: Option<Decimal>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::Amount>")
    )]
    pub total_assets: Option<Decimal>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::Amount>")
    )]
    pub total_liabilities: Option<Decimal>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::Amount>")
    )]
    pub tax_paid: Option<Decimal>,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(
    not(target_arch = "wasm32"),
    schemars(rename_all = "camelCase", deny_unknown_fields)
)]
pub struct Ip {
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<u64>"))]
    pub class_one: Option<Decimal>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<u64>"))]
    pub class_two: Option<Decimal>,
    /// Parts of `class_one` (domain.md §6.10.7).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<u64>"))]
    pub class_one_high_value: Option<Decimal>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<u64>"))]
    pub class_one_own_developed: Option<Decimal>,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(
    not(target_arch = "wasm32"),
    schemars(rename_all = "camelCase", deny_unknown_fields)
)]
pub struct Statuses {
    pub high_tech_enterprise: Option<bool>,
    pub tech_sme_registered: Option<bool>,
    pub innovative_sme: Option<bool>,
    pub specialized_sme: Option<bool>,
    pub little_giant: Option<bool>,
    pub provincial_rd_institution: Option<bool>,
    pub led_standard: Option<bool>,
    pub national_award: Option<bool>,
    pub science_award_last3_years: Option<bool>,
    pub provincial_award_top3: Option<bool>,
    pub national_award_top3_last3_years: Option<bool>,
    pub tech_innovation_demo: Option<bool>,
    pub ip_advantage: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(
    not(target_arch = "wasm32"),
    schemars(rename_all = "camelCase", deny_unknown_fields)
)]
pub struct SelfRating {
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<u64>"))]
    pub advancement: Option<Decimal>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<u64>"))]
    pub core_support: Option<Decimal>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<u64>"))]
    pub acquisition: Option<Decimal>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<u64>"))]
    pub transfer: Option<Decimal>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<u64>"))]
    pub management: Option<Decimal>,
}

/// The highest self-rating each expert item of the high-tech evaluation allows (domain.md §2.3).
pub const SELF_RATING_MAX: &[(&str, i64)] = &[
    ("advancement", 8),
    ("coreSupport", 8),
    ("acquisition", 6),
    ("transfer", 30),
    ("management", 20),
];

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(
    not(target_arch = "wasm32"),
    schemars(rename_all = "camelCase", deny_unknown_fields)
)]
pub struct Tax {
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::TaxGrade>")
    )]
    pub grade: Option<String>,
    pub arrears: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(
    not(target_arch = "wasm32"),
    schemars(rename_all = "camelCase", deny_unknown_fields)
)]
pub struct Credit {
    pub dishonest_debtor: Option<bool>,
    pub abnormal_operations: Option<bool>,
    pub serious_illegal: Option<bool>,
    pub overdue_now: Option<bool>,
    pub overdue90_in24m: Option<bool>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<u64>"))]
    pub overdue_events_in24m: Option<Decimal>,
    pub major_incident: Option<bool>,
    pub restricted_industry: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(
    not(target_arch = "wasm32"),
    schemars(rename_all = "camelCase", deny_unknown_fields)
)]
pub struct Debt {
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::Amount>")
    )]
    pub unsecured: Option<Decimal>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::Amount>")
    )]
    pub guaranteed: Option<Decimal>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::schema::Amount>")
    )]
    pub secured: Option<Decimal>,
}

/// Reads one JSON object: hands out fields by key, collects issues, and reports unknown keys.
struct Obj<'v, 'e> {
    entries: &'v [(String, Json)],
    path: String,
    seen: Vec<&'static str>,
    issues: &'e mut Vec<Issue>,
}

impl<'v, 'e> Obj<'v, 'e> {
    fn open(v: &'v Json, path: &str, issues: &'e mut Vec<Issue>) -> Option<Obj<'v, 'e>> {
        match v {
            Json::Object(entries) => Some(Obj {
                entries,
                path: path.to_string(),
                seen: Vec::new(),
                issues,
            }),
            Json::Null => None,
            other => {
                issues.push(
                    Issue::new(Code::WrongType, path)
                        .with("object")
                        .with(other.kind()),
                );
                None
            }
        }
    }

    /// The value under `key`, or None when absent or null (an explicit null means "not given").
    /// (Paths are built only when a problem is reported: `self.at(key)`.)
    fn raw(&mut self, key: &'static str) -> Option<&'v Json> {
        self.seen.push(key);
        let entries: &'v [(String, Json)] = self.entries;
        entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| !matches!(v, Json::Null))
    }

    fn at(&self, key: &str) -> String {
        join(&self.path, key)
    }

    fn number(&mut self, key: &'static str, kind: NumKind) -> Option<Decimal> {
        let v = self.raw(key)?;
        match read_number(v, kind, "") {
            Ok(d) => Some(d),
            Err(mut e) => {
                e.path = self.at(key);
                self.issues.push(e);
                None
            }
        }
    }

    /// A number within 0..=max (a score out of `max`).
    fn bounded(&mut self, key: &'static str, max: i64) -> Option<Decimal> {
        let path = join(&self.path, key);
        let v = self.number(key, NumKind::Quantity)?;
        if v > Decimal::from(max) {
            self.issues.push(
                Issue::new(Code::OutOfRange, path)
                    .with(v)
                    .with(format!("0–{max}")),
            );
            return None;
        }
        Some(v)
    }

    /// A ratio within 0..=1.
    fn ratio(&mut self, key: &'static str) -> Option<Decimal> {
        let path = join(&self.path, key);
        let v = self.number(key, NumKind::Quantity)?;
        if v > Decimal::ONE {
            self.issues
                .push(Issue::new(Code::OutOfRange, path).with(v).with("0–1"));
            return None;
        }
        Some(v)
    }

    fn boolean(&mut self, key: &'static str) -> Option<bool> {
        let v = self.raw(key)?;
        match v {
            Json::Bool(b) => Some(*b),
            other => {
                let path = self.at(key);
                self.issues.push(
                    Issue::new(Code::WrongType, path)
                        .with("boolean")
                        .with(other.kind()),
                );
                None
            }
        }
    }

    fn text(&mut self, key: &'static str) -> Option<String> {
        let v = self.raw(key)?;
        match v {
            Json::Str(s) if s.chars().count() <= MAX_TEXT => Some(s.clone()),
            Json::Str(_) => {
                let path = self.at(key);
                self.issues
                    .push(Issue::new(Code::TooLong, path).with(MAX_TEXT));
                None
            }
            other => {
                let path = self.at(key);
                self.issues.push(
                    Issue::new(Code::WrongType, path)
                        .with("string")
                        .with(other.kind()),
                );
                None
            }
        }
    }

    fn one_of(&mut self, key: &'static str, allowed: &[&str]) -> Option<String> {
        let value = self.text(key)?;
        if allowed.contains(&value.as_str()) {
            Some(value)
        } else {
            let shown: String = value.chars().take(40).collect();
            let path = self.at(key);
            self.issues.push(
                Issue::new(Code::UnknownValue, path)
                    .with(shown)
                    .with(allowed.join(", ")),
            );
            None
        }
    }

    /// Lowercase pinyin place names: letters, spaces and hyphens only.
    fn place(&mut self, key: &'static str) -> Option<String> {
        let value = self.text(key)?;
        if !value.is_empty()
            && value
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c == ' ')
        {
            Some(value)
        } else {
            let shown: String = value.chars().take(40).collect();
            let path = self.at(key);
            self.issues.push(
                Issue::new(Code::UnknownValue, path)
                    .with(shown)
                    .with("lowercase pinyin, e.g. jiangsu, kunshan"),
            );
            None
        }
    }

    fn child<T: Default>(
        &mut self,
        key: &'static str,
        read: impl FnOnce(&mut Obj<'v, '_>) -> T,
    ) -> T {
        let Some(v) = self.raw(key) else {
            return T::default();
        };
        let path = self.at(key);
        match Obj::open(v, &path, self.issues) {
            Some(mut o) => {
                let t = read(&mut o);
                o.finish();
                t
            }
            None => T::default(),
        }
    }

    fn finish(self) {
        for (k, _) in self.entries {
            if !self.seen.contains(&k.as_str()) {
                let shown: String = k.chars().take(40).collect();
                self.issues
                    .push(Issue::new(Code::UnknownField, join(&self.path, &shown)).with(shown));
            }
        }
    }
}

fn read_year(o: &mut Obj) -> Year {
    use NumKind::Amount;
    Year {
        revenue: o.number("revenue", Amount),
        main_business_revenue: o.number("mainBusinessRevenue", Amount),
        rd_expense: o.number("rdExpense", Amount),
        domestic_rd_expense: o.number("domesticRdExpense", Amount),
        costs_and_expenses: o.number("costsAndExpenses", Amount),
        total_assets: o.number("totalAssets", Amount),
        total_liabilities: o.number("totalLiabilities", Amount),
        tax_paid: o.number("taxPaid", Amount),
    }
}

fn read_financials(o: &mut Obj, issues_path: &str) -> Vec<Year> {
    let Some(v) = o.raw("financials") else {
        return Vec::new();
    };
    let path = o.at("financials");
    let Json::Array(items) = v else {
        o.issues.push(
            Issue::new(Code::WrongType, path)
                .with("array")
                .with(v.kind()),
        );
        return Vec::new();
    };
    if items.len() > MAX_YEARS {
        o.issues
            .push(Issue::new(Code::TooManyYears, path).with(items.len()));
        return Vec::new();
    }
    let _ = issues_path;
    let mut years = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let p = index(&path, i);
        match item {
            Json::Object(_) => {
                if let Some(mut y) = Obj::open(item, &p, o.issues) {
                    years.push(read_year(&mut y));
                    y.finish();
                }
            }
            other => o.issues.push(
                Issue::new(Code::WrongType, p)
                    .with("object")
                    .with(other.kind()),
            ),
        }
    }
    years
}

fn read_profile(o: &mut Obj) -> Profile {
    use NumKind::{Amount, Count, Quantity};
    Profile {
        name: o.text("name"),
        province: o.place("province"),
        city: o.place("city"),
        sector: o.one_of("sector", SECTORS),
        resident: o.boolean("resident"),
        years_operating: o.number("yearsOperating", Quantity),
        employees: o.number("employees", Count),
        tech_staff: o.number("techStaff", Count),
        financials: read_financials(o, ""),
        high_tech_revenue: o.number("highTechRevenue", Amount),
        ip: o.child("ip", read_ip),
        tech_field: o.one_of("techField", TECH_FIELDS),
        statuses: o.child("statuses", |o| Statuses {
            high_tech_enterprise: o.boolean("highTechEnterprise"),
            tech_sme_registered: o.boolean("techSmeRegistered"),
            innovative_sme: o.boolean("innovativeSme"),
            specialized_sme: o.boolean("specializedSme"),
            little_giant: o.boolean("littleGiant"),
            provincial_rd_institution: o.boolean("provincialRdInstitution"),
            led_standard: o.boolean("ledStandard"),
            national_award: o.boolean("nationalAward"),
            science_award_last3_years: o.boolean("scienceAwardLast3Years"),
            provincial_award_top3: o.boolean("provincialAwardTop3"),
            national_award_top3_last3_years: o.boolean("nationalAwardTop3Last3Years"),
            tech_innovation_demo: o.boolean("techInnovationDemo"),
            ip_advantage: o.boolean("ipAdvantage"),
        }),
        innovation_self_rating: o.child("innovationSelfRating", read_self_rating),
        talent: o.one_of("talent", TALENT),
        tax: o.child("tax", |o| Tax {
            grade: o.one_of("grade", TAX_GRADES),
            arrears: o.boolean("arrears"),
        }),
        credit: o.child("credit", |o| Credit {
            dishonest_debtor: o.boolean("dishonestDebtor"),
            abnormal_operations: o.boolean("abnormalOperations"),
            serious_illegal: o.boolean("seriousIllegal"),
            overdue_now: o.boolean("overdueNow"),
            overdue90_in24m: o.boolean("overdue90In24m"),
            overdue_events_in24m: o.number("overdueEventsIn24m", Count),
            major_incident: o.boolean("majorIncident"),
            restricted_industry: o.boolean("restrictedIndustry"),
        }),
        debt: o.child("debt", |o| Debt {
            unsecured: o.number("unsecured", Amount),
            guaranteed: o.number("guaranteed", Amount),
            secured: o.number("secured", Amount),
        }),
        niche: o.child("niche", |o| Niche {
            years: o.number("years", Quantity),
            share: o.ratio("share"),
            national_rank: o.number("nationalRank", Count),
            recognised: o.boolean("recognised"),
        }),
        equity_financing: o.child("equityFinancing", |o| EquityFinancing {
            last2_years: o.number("last2Years", Amount),
            last3_years: o.number("last3Years", Amount),
        }),
        strategic_emerging: o.boolean("strategicEmerging"),
        chain_role: o.one_of("chainRole", CHAIN_ROLES),
        platform_score: o.bounded("platformScore", PLATFORM_SCORE_MAX),
    }
}

/// The IP counts; a part of the Class I count above the whole is `inconsistent` at the part.
fn read_ip(o: &mut Obj) -> Ip {
    let class_one = o.number("classOne", NumKind::Count);
    let mut part = |key: &'static str| {
        let path = join(&o.path, key);
        let v = o.number(key, NumKind::Count)?;
        if let Some(whole) = class_one.filter(|w| v > *w) {
            o.issues
                .push(Issue::new(Code::Inconsistent, path).with(v).with(whole));
            return None;
        }
        Some(v)
    };
    let class_one_high_value = part("classOneHighValue");
    let class_one_own_developed = part("classOneOwnDeveloped");
    Ip {
        class_one,
        class_two: o.number("classTwo", NumKind::Count),
        class_one_high_value,
        class_one_own_developed,
    }
}

fn read_self_rating(o: &mut Obj) -> SelfRating {
    let mut rate = |key: &'static str| {
        let max = SELF_RATING_MAX
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(0, |(_, m)| *m);
        let path = join(&o.path, key);
        let v = o.number(key, NumKind::Count)?;
        if v > Decimal::from(max) {
            o.issues.push(
                Issue::new(Code::OutOfRange, path)
                    .with(v)
                    .with(format!("0–{max}")),
            );
            return None;
        }
        Some(v)
    };
    SelfRating {
        advancement: rate("advancement"),
        core_support: rate("coreSupport"),
        acquisition: rate("acquisition"),
        transfer: rate("transfer"),
        management: rate("management"),
    }
}

impl Profile {
    /// Reads a profile; every problem is reported, in document order.
    pub fn read(input: &Json) -> Result<Profile, Error> {
        let mut issues = Vec::new();
        let profile = match input {
            Json::Object(_) => {
                let mut o = Obj::open(input, "", &mut issues);
                let p = o.as_mut().map(read_profile).unwrap_or_default();
                if let Some(o) = o {
                    o.finish();
                }
                p
            }
            other => {
                issues.push(
                    Issue::new(Code::WrongType, "")
                        .with("object")
                        .with(other.kind()),
                );
                Profile::default()
            }
        };
        // A hostile object with thousands of unknown keys gets a readable answer, not a flood.
        issues.truncate(MAX_ISSUES);
        Error::from_issues(issues).map(|()| profile)
    }

    pub fn latest(&self) -> Option<&Year> {
        self.financials.first()
    }
}
