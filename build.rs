//! Minifies the JSON documents the library embeds (the built-in policy and the schemas), so the
//! wasm module carries no indentation. The readable files stay the sources.
use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (src, name) in [
        ("src/policy/builtin.json", "builtin.min.json"),
        ("schemas/profile.schema.json", "profile.schema.min.json"),
        ("schemas/policy.schema.json", "policy.schema.min.json"),
    ] {
        println!("cargo:rerun-if-changed={src}");
        let text = std::fs::read_to_string(src).unwrap_or_else(|e| panic!("{src}: {e}"));
        let value: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{src}: {e}"));
        let min = serde_json::to_string(&value).expect("a JSON value serializes");
        std::fs::write(out.join(name), min).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}
