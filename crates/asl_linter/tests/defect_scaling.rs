//! Linear even when everything is wrong: for each rule family, a machine in which every state
//! has the family's most common defect costs at most 12 times the work at 10,000 states as at
//! 1,000. Work is counted, not timed: the heap allocations and the bytes allocated while the
//! analysis runs, through a counting global allocator (this file is its own test binary, and
//! its tests measure one at a time). `scripts/defect-scaling` measures the same machines in
//! instructions with callgrind.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::alloc::System;
use std::sync::Mutex;

use asl_diagnostics::Diagnostic;
use asl_linter::{MAX_FINDINGS_PER_RULE, RuleLevel, Settings, all_rules, analyze, find_rule};
use common::defects::{FAMILIES, SHAPES, long_names, misspelt_targets};
use stats_alloc::{Region, StatsAlloc};

#[global_allocator]
static ALLOCATOR: StatsAlloc<System> = StatsAlloc::system();

/// Held while a test counts, so that another test's allocations do not count with it.
static COUNTING: Mutex<()> = Mutex::new(());

/// What one analysis of a document cost: heap allocations and bytes allocated, on every
/// thread.
struct Work {
    allocations: u64,
    bytes: u64,
}

fn analyze_counting(text: &str, settings: &Settings) -> (Work, Vec<Diagnostic>) {
    let region = Region::new(&ALLOCATOR);
    let analysis = analyze(text, settings);
    let diagnostics = analysis.diagnostics.clone();
    drop(analysis);
    let change = region.change();
    let work = Work {
        allocations: (change.allocations + change.reallocations) as u64,
        // Growing in place counts the bytes added.
        bytes: change.bytes_allocated as u64,
    };
    (work, diagnostics)
}

/// Settings that run only the rules of one family, to keep the test quick in debug builds
/// (the script measures every rule at once).
fn only_family(family: &str) -> Settings {
    let rule_levels = all_rules()
        .iter()
        .map(|rule| rule.meta())
        .filter(|meta| meta.category.as_str() != family)
        .map(|meta| (meta, RuleLevel::Off))
        .collect();
    Settings {
        rule_levels,
        ..Settings::default()
    }
}

/// How many times the work grew from the small document to the large one, or the reason
/// it grew too much.
fn growth(name: &str, small: &Work, large: &Work) -> Result<String, String> {
    let allocations = large.allocations as f64 / small.allocations as f64;
    let bytes = large.bytes as f64 / small.bytes as f64;
    let line = format!("{name}: {allocations:.1}x the allocations, {bytes:.1}x the bytes for 10x the size");
    println!("{line}");
    if allocations <= MAX_GROWTH && bytes <= MAX_BYTES_GROWTH {
        Ok(line)
    } else {
        Err(line)
    }
}

/// At most this many times the allocations for ten times the states.
const MAX_GROWTH: f64 = 12.0;
/// Bytes get more room: a vector grows by doubling, so ten times the items can take up to
/// twenty times the bytes (1,000 items fit in 1,024, 10,000 in 16,384). Work that grows
/// with the square shows as a hundred times.
const MAX_BYTES_GROWTH: f64 = 16.0;
const SMALL: usize = 1_000;
const LARGE: usize = 10_000;

#[test]
fn work_grows_linearly_when_every_state_has_a_defect() {
    let _counting = COUNTING.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    // What is built once per process (the compiled JSON Schema, tables) is not per-file work.
    for (_, generator) in FAMILIES.iter().chain(&SHAPES) {
        analyze_counting(&generator(2), &Settings::default());
    }
    let mut failures = Vec::new();
    for (family, generator) in FAMILIES {
        let settings = only_family(family);
        let (small, diagnostics) = analyze_counting(&generator(SMALL), &settings);
        let of_family = diagnostics
            .iter()
            .filter(|d| find_rule(d.code).is_some_and(|rule| rule.meta().category.as_str() == family))
            .count();
        assert!(
            of_family >= SMALL - 1,
            "{family}: every state has a defect, but only {of_family} are found"
        );
        let (large, _) = analyze_counting(&generator(LARGE), &settings);
        failures.extend(growth(family, &small, &large).err());
    }
    // The shapes of one state count keys or characters, ten times more too (the shapes of
    // many states are the flow family's, which `scripts/defect-scaling` measures as well).
    let one_state = ["parameters", "assign", "long-names", "cut-key"];
    for (shape, generator) in SHAPES.into_iter().filter(|(shape, _)| one_state.contains(shape)) {
        let (small, _) = analyze_counting(&generator(SMALL), &Settings::default());
        let (large, _) = analyze_counting(&generator(LARGE), &Settings::default());
        failures.extend(growth(shape, &small, &large).err());
    }
    assert!(
        failures.is_empty(),
        "the work grew faster than the machine: {failures:#?}"
    );
}

#[test]
fn long_names_are_compared_in_little_memory() {
    let _counting = COUNTING.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    // A 10,000-character state whose Next names a missing 10,000-character state: a full
    // "did you mean" table of the two names would take 800 MB. Every byte allocated counts
    // (more than the peak): the messages quote the names, so a few megabytes remain.
    let text = long_names(10_000);
    let (work, diagnostics) = analyze_counting(&text, &Settings::default());
    assert!(
        diagnostics.iter().any(|d| d.code == "ASL201"),
        "the missing target is reported"
    );
    assert!(work.bytes < 16 << 20, "{} bytes allocated", work.bytes);
}

#[test]
fn past_the_suggestion_budget_findings_come_without_suggestions() {
    let _counting = COUNTING.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    // 3,000 misspelt targets among 3,000 names of the same length: more than one file's
    // suggestion search pays for.
    let analysis = analyze(&misspelt_targets(3_000), &Settings::default());
    let (targets, rest): (Vec<&Diagnostic>, Vec<&Diagnostic>) = analysis
        .diagnostics
        .iter()
        .filter(|d| d.code == "ASL201")
        .partition(|d| d.omitted == 0);
    // The first 1,000 are listed, one more finding counts the rest.
    assert_eq!(targets.len(), MAX_FINDINGS_PER_RULE);
    assert_eq!(rest.len(), 1);
    assert_eq!(
        targets.len() + rest[0].omitted,
        2_999,
        "every misspelt target is reported"
    );
    let suggested = targets.iter().filter(|d| d.fix.is_some()).count();
    let skipped = targets.iter().filter(|d| d.suggestion_skipped).count();
    assert!(suggested > 0 && skipped > 0, "{suggested} suggested, {skipped} skipped");
    assert_eq!(suggested + skipped, targets.len());
    // The first findings got theirs: "Stpe00001" is one swap from "Step00001".
    assert_eq!(targets[0].help.as_deref(), Some("did you mean \"Step00001\"?"));
    let last = targets[targets.len() - 1];
    assert!(last.suggestion_skipped && last.fix.is_none());
    assert!(
        last.notes
            .iter()
            .any(|note| note.starts_with("no \"did you mean\" suggestion"))
    );
}
