//! "Did you mean" suggestions.

/// The candidate closest to `text` by case-insensitive edit distance, when it is close enough
/// to be a likely typo (at most a third of the text's length, and at least one edit allowed).
pub(crate) fn closest<'c>(text: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let lowered = text.to_lowercase();
    let limit = (text.chars().count() / 3).max(1);
    candidates
        .iter()
        .map(|&candidate| (edit_distance(&lowered, &candidate.to_lowercase()), candidate))
        .filter(|&(distance, _)| distance <= limit)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance over characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(closest("Sucess", &["Succeed", "Success"]), Some("Success"));
        assert_eq!(closest("task", &["Task", "Pass"]), Some("Task"));
        assert_eq!(closest("Banana", &["Task", "Pass"]), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
