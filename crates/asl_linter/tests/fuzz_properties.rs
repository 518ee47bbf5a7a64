//! Fuzzing in the normal test suite, with a fixed seed: grammar-aware mutants of the real
//! corpus (fields removed, added, renamed, values replaced), byte-level damage of the corpus,
//! deep nesting and random bytes, each checked as JSON and as YAML. For every input: no
//! panic, work bounded by the input's size (heap allocations, counted, not timed), every span
//! on character boundaries inside the text, and the same findings when it is checked twice.
//! The coverage-guided fuzzers live in `fuzz/` (see its README).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::alloc::System;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use asl_linter::{Settings, analyze_bytes_as};
use asl_syntax::SourceFormat;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static ALLOCATOR: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Held while an input is checked, so that another test's allocations do not count with it.
static COUNTING: Mutex<()> = Mutex::new(());

/// Heap allocations allowed for an input of `len` bytes: linear in the size, with room for
/// the fixed cost of a run. The corpus needs under a tenth of this.
fn allocation_limit(len: usize) -> u64 {
    50_000 + 20 * len as u64
}

fn config(cases: u32) -> Config {
    Config {
        cases,
        rng_seed: RngSeed::Fixed(0x5EED),
        failure_persistence: None,
        ..Config::default()
    }
}

/// The real corpus, read once; empty when `../shared` is absent (those tests are ignored).
fn corpus() -> &'static [String] {
    static CORPUS: OnceLock<Vec<String>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real");
        common::files_under(&dir)
            .iter()
            .filter_map(|path| std::fs::read_to_string(path).ok())
            .collect()
    })
}

/// Checks `bytes` as JSON and as YAML and asserts the invariants.
fn check_invariants(bytes: &[u8]) {
    for format in [SourceFormat::Json, SourceFormat::Yaml] {
        let settings = Settings::default();
        let guard = COUNTING.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let region = Region::new(ALLOCATOR);
        let (text, first) = analyze_bytes_as(bytes.to_vec(), format, &settings);
        let change = region.change();
        drop(guard);
        let allocations = (change.allocations + change.reallocations) as u64;
        assert!(
            allocations <= allocation_limit(bytes.len()),
            "{format:?}: {allocations} allocations for {} bytes",
            bytes.len()
        );
        for diagnostic in &first.diagnostics {
            let ranges = std::iter::once(diagnostic.range).chain(diagnostic.labels.iter().map(|label| label.range));
            for range in ranges {
                assert!(
                    text.get(range.as_usize()).is_some(),
                    "{format:?}: {} has the range {range:?}, not on character boundaries of a {}-byte text",
                    diagnostic.code,
                    text.len()
                );
            }
        }
        let (_, second) = analyze_bytes_as(bytes.to_vec(), format, &settings);
        assert!(
            first.diagnostics == second.diagnostics,
            "{format:?}: a second check found something else"
        );
    }
}

/// Byte-level damage: a few cuts, insertions of random bytes and repeated chunks.
fn damage(text: &str, edits: &[(usize, usize, Vec<u8>)]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for (at, cut, insert) in edits {
        let at = at % (bytes.len() + 1);
        let end = (at + cut % 64).min(bytes.len());
        let repeated: Vec<u8> = if insert.is_empty() {
            bytes[at..end].repeat(3)
        } else {
            insert.clone()
        };
        bytes.splice(at..end, repeated);
    }
    bytes
}

/// A machine whose one state holds `depth` nested arrays or objects, closed or not.
fn nested(depth: usize, objects: bool, closed: bool, in_expression: bool) -> String {
    let (open, close) = if objects { ("{\"a\":", "}") } else { ("[", "]") };
    let inner = if in_expression {
        format!(
            "\"{{% {}$x{} %}}\"",
            "(".repeat(depth),
            ")".repeat(if closed { depth } else { 0 })
        )
    } else {
        format!(
            "{}1{}",
            open.repeat(depth),
            if closed { close.repeat(depth) } else { String::new() }
        )
    };
    format!("{{\"StartAt\": \"S\", \"States\": {{\"S\": {{\"Type\": \"Pass\", \"Result\": {inner}, \"End\": true}}}}}}")
}

proptest! {
    #![proptest_config(config(150))]

    #[test]
    #[cfg_attr(not(has_shared), ignore = "../shared is absent")]
    fn mutants_of_the_real_corpus(file in any::<prop::sample::Index>(), seed in any::<u64>()) {
        let text: &String = file.get(corpus());
        if let Some(mutant) = common::mutants::mutant(text, seed) {
            check_invariants(mutant.as_bytes());
        }
    }

    #[test]
    #[cfg_attr(not(has_shared), ignore = "../shared is absent")]
    fn damaged_bytes_of_the_real_corpus(
        file in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<usize>(), any::<usize>(), prop::collection::vec(any::<u8>(), 0..8)), 1..4),
    ) {
        check_invariants(&damage(file.get(corpus()).as_str(), &edits));
    }
}

proptest! {
    #![proptest_config(config(40))]

    #[test]
    fn deep_nesting(depth in 1usize..3000, objects: bool, closed: bool, in_expression: bool) {
        check_invariants(nested(depth, objects, closed, in_expression).as_bytes());
    }
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        check_invariants(&bytes);
    }

    #[test]
    fn random_json_like_text(text in "[\\[\\]{}\":,a-zA-Z0-9$.% \\n-]{0,400}") {
        check_invariants(text.as_bytes());
    }
}
