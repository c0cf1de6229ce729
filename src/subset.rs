//! "Does this report contain what was expected?" — used by the policy's embedded tests and by the
//! golden vectors. An expected object lists only the keys it cares about; an expected array of
//! objects with `id`s is matched by id, any other array element by element.

use serde_json::Value;

/// Every difference between `expect` and `actual`, as "path: expected …, got …".
pub fn differences(expect: &Value, actual: &Value, path: &str, out: &mut Vec<String>) {
    match (expect, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                match a.get(k) {
                    Some(av) => differences(ev, av, &p, out),
                    None => out.push(format!("{p}: expected {ev}, missing")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            let by_id = e.iter().all(|x| x.get("id").is_some());
            if by_id {
                for ev in e {
                    let id = ev.get("id");
                    match a.iter().find(|av| av.get("id") == id) {
                        Some(av) => differences(
                            ev,
                            av,
                            &format!("{path}[id={}]", id.map_or(String::new(), |v| v.to_string())),
                            out,
                        ),
                        None => out.push(format!(
                            "{path}: no element with id {}",
                            id.map_or(String::new(), |v| v.to_string())
                        )),
                    }
                }
            } else if e.len() != a.len() {
                out.push(format!(
                    "{path}: expected {} elements, got {}",
                    e.len(),
                    a.len()
                ));
            } else {
                for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                    differences(ev, av, &format!("{path}[{i}]"), out);
                }
            }
        }
        (e, a) if e == a => {}
        (e, a) => out.push(format!("{path}: expected {e}, got {a}")),
    }
}
