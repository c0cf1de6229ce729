//! Any bytes as a profile: parsing and evaluation must give a report or a typed error, never panic;
//! and the lean text reader, when it reads a profile at all, reads the one the tree reader reads.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let opts = credit_check::Options::default();
        let _ = credit_check::evaluate_str(text, &opts, None);
        if let Some(fast) = credit_check::profile::text::read(text) {
            let tree = credit_check::json::Json::parse(text)
                .ok()
                .and_then(|j| credit_check::profile::Profile::read(&j).ok());
            assert_eq!(Some(fast), tree, "the text reader and the tree reader disagree");
        }
    }
});
