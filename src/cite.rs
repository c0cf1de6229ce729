//! Which of a policy's sources a report cites. Texts cite a source by its id in square brackets
//! (`[S17]`, `[S17][S18]`); a printed report lists exactly those, so a reader can follow every
//! citation. It reads a finished report and the policy's source list, and nothing else.

use crate::policy::model::Source;
use crate::report::{Report, SourceOut};
use serde_json::Value;
use std::collections::BTreeSet;

/// A citation is short and has no spaces; longer bracketed text is prose, not an id.
const MAX_ID_CHARS: usize = 32;

/// The sources cited anywhere in the report's texts, in the policy's order. An id in brackets
/// that is not one of the policy's sources is not listed (there is nothing to say about it).
pub fn cited_sources(report: &Report, sources: &[Source]) -> Vec<SourceOut> {
    // Every string of the report, whatever field it sits in: a text added later is covered too.
    let value = serde_json::to_value(report).unwrap_or_default();
    let mut cited = BTreeSet::new();
    collect(&value, &mut cited);
    sources
        .iter()
        .filter(|s| cited.contains(s.id.as_str()))
        .map(|s| SourceOut {
            id: s.id.clone(),
            title: s.title.clone(),
            url: s.url.clone(),
        })
        .collect()
}

fn collect(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::String(s) => citations(s, out),
        Value::Array(items) => items.iter().for_each(|i| collect(i, out)),
        Value::Object(map) => map.values().for_each(|i| collect(i, out)),
        _ => {}
    }
}

/// The bracketed ids of one text: `…上限 [S17][S18]；…` gives S17 and S18.
pub fn citations(text: &str, out: &mut BTreeSet<String>) {
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
        let mut out = BTreeSet::new();
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
