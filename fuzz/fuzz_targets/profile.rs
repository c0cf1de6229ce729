//! Any bytes as a profile: parsing and evaluation must give a report or a typed error, never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let opts = credit_check::Options::default();
        let _ = credit_check::evaluate_str(text, &opts, None);
    }
});
