//! The official schemes, evaluated from the policy's data: the tech-based SME evaluation
//! (domain.md §1, §6.1) and the high-tech enterprise conditions (§2, §6.2). They read facts and
//! add their results as facts (`techSme.*`, `highTech.*`) for the products to use.

pub mod high_tech;
pub mod tech_sme;

use crate::facts::{Facts, Known, Val};
use crate::policy::table::{BandRow, Table};
use crate::policy::Measure;
use rust_decimal::Decimal;

/// The best row over an indicator's measures: each measure is a fact looked up in a band table;
/// unknown measures are skipped while another is known (the enterprise picks the better one).
pub struct Scored<'p> {
    pub fact: &'p str,
    pub value: Decimal,
    pub row: &'p BandRow,
}

pub fn best_measure<'p>(
    measures: &'p [Measure],
    facts: &Facts,
    tables: &'p [Table],
) -> (Option<Scored<'p>>, Vec<String>) {
    let mut best: Option<Scored<'p>> = None;
    let mut missing = Vec::new();
    for m in measures {
        match facts.at(m.fact_at).map(|f| &f.value) {
            Some(Known::Yes(Val::Num(x))) => {
                let row = tables.get(m.table_at).and_then(|t| t.band(*x));
                if let Some(row) = row {
                    if best.as_ref().is_none_or(|b| row.value > b.row.value) {
                        best = Some(Scored {
                            fact: &m.fact,
                            value: *x,
                            row,
                        });
                    }
                }
            }
            Some(Known::Missing(m)) => missing.extend(m.iter().cloned()),
            _ => {}
        }
    }
    if missing.len() > 1 {
        missing.sort();
        missing.dedup();
    }
    (best, missing)
}
