//! Any bytes as a policy document: validation gives errors with codes and paths, never a panic.
//! Inputs that parse as JSON are also tried as a patch on the built-in policy (a value at a
//! path), which reaches far deeper than random documents do.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else { return };
    let _ = credit_check::validate::validate(&value, credit_check::Locale::En);
    // As a patch: {"at": "/products/0/limit/steps/3/expr", "value": ...}
    if let (Some(at), Some(v)) = (value.get("at").and_then(|a| a.as_str()), value.get("value")) {
        let mut policy: serde_json::Value =
            serde_json::from_str(credit_check::policy::BUILTIN_JSON).unwrap_or_default();
        if let Some(slot) = policy.pointer_mut(at) {
            *slot = v.clone();
            let _ = credit_check::validate::validate(&policy, credit_check::Locale::ZhCn);
        }
    }
});
