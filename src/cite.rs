//! Which of a policy's sources a report cites. Texts cite a source by its id in square brackets
//! (`[S17]`, `[S17][S18]`); a printed report lists exactly those, so a reader can follow every
//! citation. It reads a finished report and the policy's source list, and nothing else.

use crate::policy::map::Set;
use crate::policy::model::{PolicyDoc, Source};
use crate::report::{Report, SourceOut};
use std::cell::RefCell;

/// A citation is short and has no spaces; longer bracketed text is prose, not an id.
const MAX_ID_CHARS: usize = 32;

/// The sources cited anywhere in the report's texts, in the policy's order. An id in brackets
/// that is not one of the policy's sources is not listed (there is nothing to say about it).
///
/// The texts that can cite are the policy's, so which are cited depends only on the policy, the
/// locale, the products shown (and whether each shows its limit steps) and the assumptions used:
/// the answer is kept for those (a scan
/// of a whole report was a third of a full report's work) and the profile's own text, the
/// company name, is not read as a citation.
///
/// It takes the report to hold its company name aside while its texts are scanned.
pub fn cited_sources(report: &mut Report, doc: &PolicyDoc) -> Vec<SourceOut> {
    let sources = &doc.sources;
    // A band's label is shown by the row the profile falls in: a policy that cites in band
    // labels is scanned on every report (the built-in one does not).
    let varies = doc
        .tables
        .values()
        .flat_map(|t| &t.rows)
        .any(|r| r.label.as_deref().is_some_and(|l| l.contains('[')));
    if varies {
        return scan(report, sources);
    }
    let key = CacheKey::of(report);
    if let Some(hit) = CACHE.with(|c| {
        c.borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
    }) {
        return hit;
    }
    let found = scan(report, sources);
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= CACHE_SIZE {
            c.remove(0);
        }
        c.push((key, found.clone()));
    });
    found
}

/// How many answers are kept (per thread): a page shows one policy in a few product sets.
const CACHE_SIZE: usize = 16;

#[derive(PartialEq)]
struct CacheKey {
    digest: String,
    locale: &'static str,
    /// Each product shown, and whether its limit (with the steps' labels) is shown.
    products: Vec<(String, bool)>,
    assumptions: Vec<String>,
}

impl CacheKey {
    fn of(report: &Report) -> Self {
        CacheKey {
            digest: report.policy.digest.to_string(),
            locale: report.locale,
            products: report
                .products
                .iter()
                .map(|p| (p.id.to_string(), p.limit.is_some()))
                .collect(),
            assumptions: report.assumptions.iter().map(|a| a.field.clone()).collect(),
        }
    }
}

thread_local! {
    static CACHE: RefCell<Vec<(CacheKey, Vec<SourceOut>)>> = const { RefCell::new(Vec::new()) };
}

/// Every string of the report, whatever field it sits in (a text added later is covered too),
/// searched in the report's JSON text. JSON keeps `[`, `]` and non-ASCII ids as they are, and
/// its own arrays never hold `[id]`.
fn scan(report: &mut Report, sources: &[Source]) -> Vec<SourceOut> {
    let company = report.company.take();
    let text = serde_json::to_string(&*report).unwrap_or_default();
    report.company = company;
    sources
        .iter()
        .filter(|s| text.contains(&format!("[{}]", s.id)))
        .map(|s| SourceOut {
            id: s.id.clone(),
            title: s.title.clone(),
            url: s.url.clone(),
        })
        .collect()
}

/// The bracketed ids of one text: `…上限 [S17][S18]；…` gives S17 and S18.
pub fn citations(text: &str, out: &mut Set<String>) {
    for (i, _) in text.match_indices('[') {
        let Some(rest) = text.get(i + 1..) else {
            continue;
        };
        let Some(end) = rest.find(']') else {
            continue;
        };
        let id = rest.get(..end).unwrap_or_default();
        let plausible = !id.is_empty()
            && id.chars().count() <= MAX_ID_CHARS
            && !id.contains(|c: char| c.is_whitespace() || c == '[');
        if plausible {
            out.insert(id.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<String> {
        let mut out = Set::new();
        citations(text, &mut out);
        out.into_iter().collect()
    }

    #[test]
    fn bracketed_ids_are_citations_and_prose_in_brackets_is_not() {
        let cases: &[(&str, &[&str])] = &[
            ("参数 [S17][S18]；仅供参考", &["S17", "S18"]),
            ("after the 5–9× convention [S33]", &["S33"]),
            ("no citation here", &[]),
            ("an [unclosed bracket", &[]),
            ("[] empty", &[]),
            ("[a note with spaces] then [S4]", &["S4"]),
            ("nested [[S2]]", &["S2"]),
            ("《办法》[115号]", &["115号"]),
        ];
        for (text, want) in cases {
            assert_eq!(ids(text), *want, "{text}");
        }
    }
}
