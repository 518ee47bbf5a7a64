//! Fingerprints that identify a finding across runs, so that CI systems (GitHub code scanning,
//! GitLab) can tell a new finding from one they already know. They hash what does not move when
//! lines are added above a finding: the rule, the file, the JSON Pointer of the node at fault
//! and the message; findings that share all four are told apart by their order.

use std::collections::HashMap;

use xxhash_rust::xxh3::xxh3_128;

#[derive(Default)]
pub(crate) struct Fingerprints {
    /// How many findings had each key so far.
    seen: HashMap<u128, u32>,
}

impl Fingerprints {
    /// The fingerprint of the next finding, as 32 hexadecimal digits.
    pub(crate) fn next(&mut self, code: &str, path: &str, pointer: Option<&str>, message: &str) -> String {
        let normalised_message = message.split_whitespace().collect::<Vec<_>>().join(" ");
        let key = [code, path, pointer.unwrap_or(""), &normalised_message].join("\0");
        let hash = xxh3_128(key.as_bytes());
        let occurrence = self.seen.entry(hash).or_insert(0);
        *occurrence += 1;
        let with_occurrence = format!("{key}\0{occurrence}");
        format!("{:032x}", xxh3_128(with_occurrence.as_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_finding_same_fingerprint_and_repeats_told_apart() {
        let first =
            Fingerprints::default().next("ASL202", "a.asl.json", Some("/States/X"), "state \"X\" is unreachable");
        let spaced = Fingerprints::default().next(
            "ASL202",
            "a.asl.json",
            Some("/States/X"),
            "state  \"X\"\nis unreachable",
        );
        assert_eq!(first, spaced);
        assert_eq!(first.len(), 32);
        let mut fingerprints = Fingerprints::default();
        let once = fingerprints.next("ASL202", "a.asl.json", None, "m");
        let twice = fingerprints.next("ASL202", "a.asl.json", None, "m");
        assert_ne!(once, twice);
        assert_ne!(
            first,
            Fingerprints::default().next("ASL202", "b.asl.json", Some("/States/X"), "state \"X\" is unreachable")
        );
    }
}
