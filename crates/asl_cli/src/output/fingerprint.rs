//! Fingerprints that identify a finding across runs, so that CI systems (GitHub code scanning,
//! GitLab) can tell a new finding from one they already know. They hash what does not move when
//! lines are added above a finding: the rule, the file, the state machine (in a template), the
//! JSON Pointer of the node at fault and the message; findings that share all of them are told
//! apart by their order.

use std::collections::HashMap;

use asl_diagnostics::Diagnostic;
use xxhash_rust::xxh3::xxh3_128;

#[derive(Default)]
pub(crate) struct Fingerprints {
    /// How many findings had each key so far.
    seen: HashMap<u128, u32>,
}

impl Fingerprints {
    /// The fingerprint of the next finding, as 32 hexadecimal digits.
    pub(crate) fn next(&mut self, path: &str, pointer: Option<&str>, diagnostic: &Diagnostic) -> String {
        let normalised_message = diagnostic.message.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut parts = vec![diagnostic.code, path];
        // Only when there is one, so that standalone definitions keep their fingerprints.
        parts.extend(diagnostic.state_machine.as_deref());
        parts.extend([pointer.unwrap_or(""), normalised_message.as_str()]);
        let key = parts.join("\0");
        let hash = xxh3_128(key.as_bytes());
        let occurrence = self.seen.entry(hash).or_insert(0);
        *occurrence += 1;
        let with_occurrence = format!("{key}\0{occurrence}");
        format!("{:032x}", xxh3_128(with_occurrence.as_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use asl_diagnostics::Severity;
    use asl_syntax::TextRange;

    use super::*;

    #[test]
    fn same_finding_same_fingerprint_and_repeats_told_apart() {
        let finding = |message: &str| {
            Diagnostic::new(
                "ASL202",
                "unreachable-state",
                Severity::Error,
                TextRange::empty(0),
                message,
            )
        };
        let unreachable = finding("state \"X\" is unreachable");
        let first = Fingerprints::default().next("a.asl.json", Some("/States/X"), &unreachable);
        let spaced = Fingerprints::default().next(
            "a.asl.json",
            Some("/States/X"),
            &finding("state  \"X\"\nis unreachable"),
        );
        assert_eq!(first, spaced);
        assert_eq!(first.len(), 32);
        let mut fingerprints = Fingerprints::default();
        let once = fingerprints.next("a.asl.json", None, &unreachable);
        let twice = fingerprints.next("a.asl.json", None, &unreachable);
        assert_ne!(once, twice);
        assert_ne!(
            first,
            Fingerprints::default().next("b.asl.json", Some("/States/X"), &unreachable)
        );
        let mut in_machine = unreachable.clone();
        in_machine.state_machine = Some("Orders".to_owned());
        assert_ne!(
            first,
            Fingerprints::default().next("a.asl.json", Some("/States/X"), &in_machine)
        );
    }
}
