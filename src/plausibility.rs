//! Plausibility: what is valid but unlikely (R&D above revenue, a Jiangsu city with another
//! province …), said as a warning beside the result, naming the fields by their form labels. A
//! warning is for the person to check their figures; it never changes a status, a score or a line,
//! and nothing here reads the policy or the report.

use crate::profile::Profile;
use crate::report::{WarningCode, WarningOut};
use crate::text::{self, fill, pick, Locale};
use crate::ui::form::{choice_label, label_of};
use rust_decimal::Decimal;

/// The form's cities, all in Jiangsu ("other" says nothing about the province).
const JIANGSU_CITIES: &[&str] = &[
    "nanjing",
    "suzhou",
    "kunshan",
    "wuxi",
    "changzhou",
    "nantong",
    "xuzhou",
];
/// The form's provinces (not "other", which could be anywhere).
const PROVINCES: &[&str] = &["jiangsu", "zhejiang", "shanghai", "anhui"];

/// Every warning for a profile, in form order: the company, then each fiscal year, then the
/// high-tech revenue.
pub fn warnings(profile: &Profile, locale: Locale) -> Vec<WarningOut> {
    let mut out = Vec::new();
    out.extend(city_outside_province(profile, locale));
    let heads = |path: &'static str, n: Option<Decimal>| (Path::Field(path), n.map(Figure::Heads));
    out.extend(above(
        WarningCode::TechStaffAboveEmployees,
        heads("techStaff", profile.num("techStaff")),
        heads("employees", profile.num("employees")),
        locale,
    ));
    for i in 0..profile.years() {
        out.extend(year_warnings(profile, i, locale));
    }
    let revenue = profile.year(0, "revenue");
    out.extend(above(
        WarningCode::HighTechRevenueAboveRevenue,
        money(
            Path::Field("highTechRevenue"),
            profile.num("highTechRevenue"),
        ),
        money(Path::Year(0, "revenue"), revenue),
        locale,
    ));
    out
}

fn year_warnings(profile: &Profile, i: usize, locale: Locale) -> Vec<WarningOut> {
    let at = |key: &'static str| money(Path::Year(i, key), profile.year(i, key));
    [
        (WarningCode::RdAboveRevenue, at("rdExpense"), at("revenue")),
        (
            WarningCode::DomesticRdAboveRd,
            at("domesticRdExpense"),
            at("rdExpense"),
        ),
        (
            WarningCode::LiabilitiesAboveAssets,
            at("totalLiabilities"),
            at("totalAssets"),
        ),
    ]
    .into_iter()
    .filter_map(|(code, part, whole)| above(code, part, whole, locale))
    .collect()
}

/// A figure as the message shows it.
#[derive(Clone, Copy)]
enum Figure {
    Yuan(Decimal),
    Heads(Decimal),
}

impl Figure {
    fn value(self) -> Decimal {
        match self {
            Figure::Yuan(d) | Figure::Heads(d) => d,
        }
    }

    fn shown(self, locale: Locale) -> String {
        match self {
            Figure::Yuan(d) => text::money(d, locale),
            Figure::Heads(d) => format!("{}{}", d.normalize(), pick(locale, "人", "")),
        }
    }
}

/// A field's path, written out only when a warning names it.
#[derive(Clone, Copy)]
enum Path {
    Field(&'static str),
    Year(usize, &'static str),
}

impl Path {
    fn text(self) -> String {
        match self {
            Path::Field(p) => p.to_string(),
            Path::Year(i, key) => format!("financials[{i}].{key}"),
        }
    }
}

fn money(path: Path, value: Option<Decimal>) -> (Path, Option<Figure>) {
    (path, value.map(Figure::Yuan))
}

/// A warning when the part is strictly above the whole it belongs to (equal is plausible).
fn above(
    code: WarningCode,
    (part_path, part): (Path, Option<Figure>),
    (whole_path, whole): (Path, Option<Figure>),
    locale: Locale,
) -> Option<WarningOut> {
    let (part, whole) = (part?, whole?);
    if part.value() <= whole.value() {
        return None;
    }
    let (part_path, whole_path) = (part_path.text(), whole_path.text());
    let message = fill(
        template(code, locale),
        &[
            field_name(&part_path, locale),
            part.shown(locale),
            field_name(&whole_path, locale),
            whole.shown(locale),
        ],
    );
    Some(WarningOut {
        code,
        fields: vec![part_path, whole_path],
        message,
    })
}

/// A city of Jiangsu with another of the form's provinces.
fn city_outside_province(profile: &Profile, locale: Locale) -> Option<WarningOut> {
    let city = profile.text("city")?;
    let province = profile.text("province")?;
    if !JIANGSU_CITIES.contains(&city) || !PROVINCES.contains(&province) || province == "jiangsu" {
        return None;
    }
    let shown = |path: &str, value: &str| {
        choice_label(path, value, locale)
            .unwrap_or(value)
            .to_string()
    };
    let message = fill(
        template(WarningCode::CityOutsideProvince, locale),
        &[
            field_name("city", locale),
            shown("city", city),
            field_name("province", locale),
            shown("province", province),
        ],
    );
    Some(WarningOut {
        code: WarningCode::CityOutsideProvince,
        fields: vec!["city".into(), "province".into()],
        message,
    })
}

/// `{0}` the first field's label, `{1}` its value, `{2}` and `{3}` the other field's.
fn template(code: WarningCode, locale: Locale) -> &'static str {
    let (zh, en) = match code {
        WarningCode::CityOutsideProvince => (
            "{1}不在{3}：请核对“{0}”和“{2}”",
            "{1} is not in {3}: check \"{0}\" and \"{2}\"",
        ),
        WarningCode::TechStaffAboveEmployees => (
            "{0}（{1}）多于{2}（{3}）：科技人员是职工的一部分，请核对",
            "{0} ({1}) is more than {2} ({3}): tech staff are counted among the employees, so check both",
        ),
        WarningCode::RdAboveRevenue => (
            "{0}（{1}）高于{2}（{3}）：研发费用很少超过收入，请核对数字和单位",
            "{0} ({1}) is above {2} ({3}): R&D rarely exceeds revenue, so check the figures and their units",
        ),
        WarningCode::DomesticRdAboveRd => (
            "{0}（{1}）高于{2}（{3}）：境内研发费用是研发费用的一部分，请核对",
            "{0} ({1}) is above {2} ({3}): R&D in China is part of all R&D, so check both",
        ),
        WarningCode::LiabilitiesAboveAssets => (
            "{0}（{1}）高于{2}（{3}）：净资产为负，请核对",
            "{0} ({1}) is above {2} ({3}): net assets would be negative, so check both",
        ),
        WarningCode::HighTechRevenueAboveRevenue => (
            "{0}（{1}）高于{2}（{3}）：高新技术产品（服务）收入是收入的一部分，请核对",
            "{0} ({1}) is above {2} ({3}): high-tech revenue is part of revenue, so check both",
        ),
    };
    text::tr(locale, zh, en)
}

/// Every template, for the lean module's English texts (`text::english_pairs`).
#[cfg(feature = "full")]
pub fn english_pairs() -> Vec<(u64, String, &'static str)> {
    WarningCode::ALL
        .into_iter()
        .map(|code| {
            let (zh, en) = (template(code, Locale::ZhCn), template(code, Locale::En));
            (text::key(&[zh]), zh.to_string(), en)
        })
        .collect()
}

/// A profile path as the form calls it; an earlier year's field the form does not list is named
/// by the year and the latest year's label ("上一年：境内研发费用").
fn field_name(path: &str, locale: Locale) -> String {
    if let Some(label) = label_of(path, locale) {
        return label.to_string();
    }
    let latest = path
        .split_once("].")
        .and_then(|(year, key)| Some((year.strip_prefix("financials[")?, key)));
    let Some((year, key)) = latest else {
        return text::field_label(path, locale).to_string();
    };
    let label = label_of(&format!("financials[0].{key}"), locale).unwrap_or_default();
    let prefix = label_of(&format!("financials[{year}].revenue"), locale)
        .and_then(|l| l.split_once(['：', ':']))
        .map(|(p, _)| p);
    match (prefix, locale) {
        (Some(p), Locale::ZhCn) => format!("{p}：{label}"),
        (Some(p), Locale::En) => format!("{p}: {label}"),
        (None, _) => label.to_string(),
    }
}
