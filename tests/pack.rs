//! The precompiled built-in policy of the lean module (src/pack.rs): it reads back to the
//! compiled policy it was written from, less only what evaluation never reads (`lean`), and that
//! lean policy gives every golden vector's profile the same report, byte for byte.

use credit_check::engine::{self, Options};
use credit_check::json::Json;
use credit_check::{lean, pack, BuiltinPack, Policy};
use serde_json::{json, Value};

#[path = "support/vectors.rs"]
mod support;

/// Every vector's profile and options, by name.
fn profiles() -> Vec<(String, Value, Value)> {
    support::cases()
        .into_iter()
        .map(|(file, c)| {
            let options = c.get("options").cloned().unwrap_or(json!({}));
            (
                format!("{file}: {}", c["name"]),
                c["profile"].clone(),
                options,
            )
        })
        .collect()
}

#[test]
fn the_pack_reads_back_to_the_lean_builtin_policy() {
    let packed = credit_check::builtin_pack().unwrap();
    let english = pack::read_english(&packed.english).unwrap();
    let bytes = packed.main;
    let (read, readers): BuiltinPack = pack::from_bytes(&bytes, Some(&english.pack)).unwrap();
    let want = lean(Policy::builtin().unwrap());
    assert_eq!(format!("{read:?}"), format!("{want:?}"));
    // Without the English texts, the same policy without them (the lean module's first load).
    let (zh, _): BuiltinPack = pack::from_bytes(&bytes, None).unwrap();
    let mut no_english = format!("{want:?}");
    for t in &english.pack {
        no_english = no_english.replace(&format!("\"en\": {t:?}, "), "");
    }
    assert_eq!(format!("{zh:?}"), no_english);
    assert!(!english.pack.is_empty());
    // The readers the lean module asks its questions by are those the full one works out.
    let builtin = credit_check::builtin().unwrap();
    assert_eq!(readers, *credit_check::questions::readers(builtin));
    // Texts are written once: the pack is smaller than the document it was compiled from.
    assert!(
        bytes.len() < credit_check::policy::BUILTIN_JSON.len(),
        "{} bytes",
        bytes.len()
    );
}

#[test]
fn a_damaged_pack_is_an_error_not_a_panic() {
    let packed = credit_check::builtin_pack().unwrap();
    let english = pack::read_english(&packed.english).unwrap();
    for cut in [0, 1, packed.english.len() / 2, packed.english.len() - 1] {
        assert!(
            pack::read_english(&packed.english[..cut]).is_err(),
            "cut at {cut}"
        );
    }
    let bytes = packed.main;
    for cut in [0, 1, bytes.len() / 3, bytes.len() / 2, bytes.len() - 1] {
        assert!(
            pack::from_bytes::<BuiltinPack>(&bytes[..cut], Some(&english.pack)).is_err(),
            "cut at {cut}"
        );
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(pack::from_bytes::<BuiltinPack>(&longer, None).is_err());
    for at in (0..bytes.len()).step_by(97) {
        let mut flipped = bytes.clone();
        flipped[at] ^= 0xff;
        // Read or refused, never a panic.
        let _ = pack::from_bytes::<BuiltinPack>(&flipped, Some(&english.pack));
    }
}

#[test]
fn the_lean_policy_gives_every_vector_the_same_report() {
    let builtin = Policy::builtin().unwrap();
    let lean = lean(builtin.clone());
    let mut compared = 0;
    for (name, profile, options) in profiles() {
        for extra in [
            json!({}),
            json!({ "locale": "zh-CN" }),
            json!({ "detail": "summary" }),
        ] {
            let mut o = json!({ "locale": "en" });
            for (k, v) in options
                .as_object()
                .unwrap()
                .iter()
                .chain(extra.as_object().unwrap())
            {
                o[k] = v.clone();
            }
            let Ok(opts) = Options::read(&Json::from_value(&o)) else {
                continue;
            };
            let input = Json::from_value(&profile);
            let a = engine::evaluate(&input, &builtin, &opts).map(|r| credit_check::to_json(&r));
            let b = engine::evaluate(&input, &lean, &opts).map(|r| credit_check::to_json(&r));
            assert_eq!(a, b, "{name} {extra}");
            compared += 1;
        }
    }
    assert!(compared > 1000, "{compared}");
}
