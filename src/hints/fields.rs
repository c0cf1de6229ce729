//! The profile fields a hint may change: where each is, which facts read it, its unit and the
//! direction that helps.

use crate::profile::{Profile, Year};
use rust_decimal::Decimal;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Dir {
    Up,
    Down,
}

/// A profile field a hint may change.
pub(super) struct Field {
    pub(super) path: &'static str,
    /// The facts that read this field.
    pub(super) facts: &'static [&'static str],
    /// Raising it may raise a scheme's points: a check that reads a scheme's results is searched
    /// on it when one of the scheme's measures reads one of its facts.
    pub(super) scores: bool,
    pub(super) money: bool,
    pub(super) dir: Dir,
    pub(super) get: fn(&Profile) -> Option<Decimal>,
    pub(super) set: fn(&mut Profile, Decimal),
}

/// Changes the latest fiscal year, creating it when the profile has none.
fn set_latest(p: &mut Profile, f: impl FnOnce(&mut Year)) {
    if p.financials.is_empty() {
        p.financials.push(Year::default());
    }
    if let Some(y) = p.financials.first_mut() {
        f(y);
    }
}

pub(super) const FIELDS: &[Field] = &[
    Field {
        path: "techStaff",
        facts: &["techStaff", "techStaffRatio"],
        scores: true,
        money: false,
        dir: Dir::Up,
        get: |p| p.tech_staff,
        set: |p, v| p.tech_staff = Some(v),
    },
    Field {
        path: "financials[0].rdExpense",
        facts: &["rdExpense", "rdToRevenue", "rdToCosts", "rdIntensity"],
        scores: true,
        money: true,
        dir: Dir::Up,
        get: |p| p.latest().and_then(|y| y.rd_expense),
        set: |p, v| set_latest(p, |y| y.rd_expense = Some(v)),
    },
    Field {
        path: "ip.classOne",
        facts: &["ip.classOne"],
        scores: true,
        money: false,
        dir: Dir::Up,
        get: |p| p.ip.class_one,
        set: |p, v| p.ip.class_one = Some(v),
    },
    Field {
        path: "ip.classTwo",
        facts: &["ip.classTwo"],
        scores: true,
        money: false,
        dir: Dir::Up,
        get: |p| p.ip.class_two,
        set: |p, v| p.ip.class_two = Some(v),
    },
    Field {
        path: "financials[0].revenue",
        facts: &["revenue", "rdToRevenue", "highTechRevenueRatio"],
        scores: false,
        money: true,
        dir: Dir::Up,
        get: |p| p.latest().and_then(|y| y.revenue),
        set: |p, v| set_latest(p, |y| y.revenue = Some(v)),
    },
    Field {
        path: "financials[0].taxPaid",
        facts: &["taxPaid"],
        scores: false,
        money: true,
        dir: Dir::Up,
        get: |p| p.latest().and_then(|y| y.tax_paid),
        set: |p, v| set_latest(p, |y| y.tax_paid = Some(v)),
    },
    Field {
        path: "financials[0].totalLiabilities",
        facts: &["totalLiabilities", "dar", "netAssets"],
        scores: false,
        money: true,
        dir: Dir::Down,
        get: |p| p.latest().and_then(|y| y.total_liabilities),
        set: |p, v| set_latest(p, |y| y.total_liabilities = Some(v)),
    },
    Field {
        path: "highTechRevenue",
        facts: &["highTechRevenue", "highTechRevenueRatio"],
        scores: false,
        money: true,
        dir: Dir::Up,
        get: |p| p.high_tech_revenue,
        set: |p, v| p.high_tech_revenue = Some(v),
    },
    Field {
        path: "financials[0].domesticRdExpense",
        facts: &["domesticRdExpense", "domesticRdRatio"],
        scores: false,
        money: true,
        dir: Dir::Up,
        get: |p| p.latest().and_then(|y| y.domestic_rd_expense),
        set: |p, v| set_latest(p, |y| y.domestic_rd_expense = Some(v)),
    },
    Field {
        path: "debt.unsecured",
        facts: &["debt.unsecured"],
        scores: false,
        money: true,
        dir: Dir::Down,
        get: |p| p.debt.unsecured,
        set: |p, v| p.debt.unsecured = Some(v),
    },
    Field {
        path: "debt.guaranteed",
        facts: &["debt.guaranteed"],
        scores: false,
        money: true,
        dir: Dir::Down,
        get: |p| p.debt.guaranteed,
        set: |p, v| p.debt.guaranteed = Some(v),
    },
    Field {
        path: "financials[0].mainBusinessRevenue",
        facts: &[
            "mainBusinessRevenue",
            "mainBusinessShare",
            "mainBusinessGrowth",
        ],
        scores: true,
        money: true,
        dir: Dir::Up,
        get: |p| p.latest().and_then(|y| y.main_business_revenue),
        set: |p, v| set_latest(p, |y| y.main_business_revenue = Some(v)),
    },
    Field {
        path: "equityFinancing.last2Years",
        facts: &["equityFinancing.last2Years"],
        scores: false,
        money: true,
        dir: Dir::Up,
        get: |p| p.equity_financing.last2_years,
        set: |p, v| p.equity_financing.last2_years = Some(v),
    },
];
