//! The golden vectors (tests/vectors/*.json) for the Rust tests that read them: each case with the
//! name of its file, in file order. (Node and the browser read them through vectors.cjs.)

use serde_json::Value;
use std::path::Path;

pub fn cases() -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        for c in doc["cases"].as_array().expect("cases") {
            out.push((name.clone(), c.clone()));
        }
    }
    out
}
