//! Whole-file linting of any bytes as a definition: no panic, every span on character
//! boundaries inside the text, and the same findings the second time.
#![no_main]

use asl_linter::{Settings, analyze_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let settings = Settings::default();
    let (text, first) = analyze_bytes(data.to_vec(), &settings);
    for diagnostic in &first.diagnostics {
        let range = diagnostic.range.as_usize();
        assert!(
            text.get(range).is_some(),
            "{:?} is not on character boundaries",
            diagnostic.range
        );
    }
    let (_, second) = analyze_bytes(data.to_vec(), &settings);
    assert_eq!(first.diagnostics, second.diagnostics);
});
