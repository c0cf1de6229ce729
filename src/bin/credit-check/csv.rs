//! Just enough CSV (RFC 4180: commas, double quotes, quoted newlines are not supported) for the
//! batch command: a header of profile paths in, a fixed set of columns out.

use credit_check::json::Json;

/// Splits one CSV line into fields.
pub fn split(line: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => out.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    if quoted {
        return Err("unterminated quote".into());
    }
    out.push(field);
    Ok(out)
}

/// Quotes a field when needed, and neutralises one a spreadsheet would run as a formula.
pub fn quote(s: &str) -> String {
    let s = neutralise(s);
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
    }
}

/// OWASP's CSV-injection rule: a cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage
/// return is read as a formula by spreadsheets (a company name `=HYPERLINK(…)` would become a
/// link), so it gets a leading `'`. A plain number (`-5`, a negative amount) is left as it is.
fn neutralise(s: &str) -> std::borrow::Cow<'_, str> {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let number = s.strip_prefix(['-', '+']).is_some_and(|d| {
        d.split('.').count() <= 2
            && d.split('.')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    });
    if risky && !number {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// Whether a column's cells are yes/no: its field is declared a flag (`inputs::INPUTS`).
fn is_flag(path: &str) -> bool {
    credit_check::inputs::of_path(path)
        .is_some_and(|(f, _)| f.ty == credit_check::inputs::Type::Flag)
}

/// A row as a profile: each non-empty cell set at its header's path.
pub fn row_to_profile(header: &[String], cells: &[String]) -> Result<Json, String> {
    if cells.len() != header.len() {
        return Err(format!(
            "{} cells for {} columns",
            cells.len(),
            header.len()
        ));
    }
    let mut root = Json::Object(Vec::new());
    for (path, cell) in header.iter().zip(cells) {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        let value = if is_flag(path) {
            match cell.to_ascii_lowercase().as_str() {
                "true" | "1" | "yes" | "y" | "是" => Json::Bool(true),
                "false" | "0" | "no" | "n" | "否" => Json::Bool(false),
                _ => Json::Str(cell.to_string()),
            }
        } else {
            Json::Str(cell.to_string())
        };
        set(&mut root, path, value);
    }
    Ok(root)
}

/// Sets `a.b[0].c` in a JSON value, creating objects and arrays on the way.
fn set(root: &mut Json, path: &str, value: Json) {
    let mut keys: Vec<(String, Option<usize>)> = Vec::new();
    for part in path.split('.') {
        match part.split_once('[') {
            Some((k, rest)) => keys.push((k.to_string(), rest.trim_end_matches(']').parse().ok())),
            None => keys.push((part.to_string(), None)),
        }
    }
    let mut cur = root;
    let last = keys.len().saturating_sub(1);
    for (i, (key, index)) in keys.into_iter().enumerate() {
        let Json::Object(entries) = cur else { return };
        let pos = match entries.iter().position(|(k, _)| *k == key) {
            Some(p) => p,
            None => {
                let fresh = if index.is_some() {
                    Json::Array(Vec::new())
                } else if i == last {
                    Json::Null
                } else {
                    Json::Object(Vec::new())
                };
                entries.push((key, fresh));
                entries.len() - 1
            }
        };
        let Some((_, slot)) = entries.get_mut(pos) else {
            return;
        };
        match index {
            Some(n) => {
                let Json::Array(items) = slot else { return };
                while items.len() <= n {
                    items.push(Json::Object(Vec::new()));
                }
                let Some(item) = items.get_mut(n) else { return };
                if i == last {
                    *item = value;
                    return;
                }
                cur = item;
            }
            None if i == last => {
                *slot = value;
                return;
            }
            None => cur = slot,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_are_neutralised() {
        assert_eq!(
            quote("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        assert_eq!(quote("+1+cmd|' /C calc'!A0"), "'+1+cmd|' /C calc'!A0");
        assert_eq!(quote("-2+3"), "'-2+3");
        assert_eq!(quote("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(quote("\tx"), "'\tx");
        assert_eq!(quote("\rx"), "\"'\rx\"");
        // Numbers and ordinary text are untouched.
        assert_eq!(quote("-5"), "-5");
        assert_eq!(quote("-1250.5"), "-1250.5");
        assert_eq!(quote("云创 = 大数据"), "云创 = 大数据");
        assert_eq!(quote("8000000"), "8000000");
    }

    #[test]
    fn splits_quoted_fields() {
        assert_eq!(
            split(r#"a,"b,c","d""e",,"#).unwrap(),
            vec!["a", "b,c", "d\"e", "", ""]
        );
        assert!(split("\"open").is_err());
    }

    #[test]
    fn rows_become_nested_profiles() {
        let header: Vec<String> = [
            "name",
            "financials[0].revenue",
            "statuses.littleGiant",
            "ip.classOne",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let cells: Vec<String> = ["x", "3000万", "是", "2"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let p = row_to_profile(&header, &cells).unwrap();
        let expected = Json::parse(
            r#"{"name":"x","financials":[{"revenue":"3000万"}],"statuses":{"littleGiant":true},"ip":{"classOne":"2"}}"#,
        )
        .unwrap();
        assert_eq!(p, expected);
    }
}
