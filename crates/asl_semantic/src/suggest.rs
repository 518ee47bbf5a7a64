//! "Did you mean" suggestions, shared by the expression checks and the rules.

/// The candidate closest to `text` by case-insensitive edit distance, when it is close enough
/// to be a likely typo: at most a third of the text's length, and at least one edit allowed.
pub fn closest<'c>(text: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let lowered = text.to_lowercase();
    let limit = (text.chars().count() / 3).max(1);
    candidates
        .iter()
        .map(|&candidate| (edit_distance(&lowered, &candidate.to_lowercase()), candidate))
        .filter(|&(distance, _)| distance <= limit)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

/// Edit distance over characters where swapping two neighbours counts as one edit
/// (optimal string alignment), so `Taks` is one edit from `Task`.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut table: Vec<usize> = (0..(a.len() + 1) * width)
        .map(|i| if i < width { i } else { 0 })
        .collect();
    for i in 1..=a.len() {
        table[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (table[(i - 1) * width + j] + 1)
                .min(table[i * width + j - 1] + 1)
                .min(table[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(table[(i - 2) * width + j - 2] + 1);
            }
            table[i * width + j] = best;
        }
    }
    table[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(closest("Sucess", &["Succeed", "Success"]), Some("Success"));
        assert_eq!(closest("task", &["Task", "Pass"]), Some("Task"));
        assert_eq!(closest("Taks", &["Task", "Pass"]), Some("Task"));
        assert_eq!(closest("Banana", &["Task", "Pass"]), None);
        assert_eq!(closest("Concat", &["Format", "Array"]), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
