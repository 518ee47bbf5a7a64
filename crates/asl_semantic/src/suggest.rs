//! "Did you mean" suggestions, shared by the expression checks and the rules.
//!
//! A name is a likely typo of a candidate when their case-insensitive edit distance is at
//! most a third of the name's length (and at least one edit is allowed). The distance is
//! computed only within that limit: candidates whose length differs by more are skipped,
//! each comparison fills a band of the table three rows at a time, and names longer than
//! [`MAX_COMPARED_CHARS`] are never compared. Fixed vocabularies (field names, error
//! names) use [`closest`]; the names of a definition (states, variables), which grow with
//! the file, go through a [`NameIndex`] built once and a [`SuggestionBudget`] that caps the
//! work per file.

use std::collections::{HashMap, HashSet};

/// Names longer than this (in characters) get no suggestion and are never suggested; AWS
/// limits state names to 80 characters.
pub const MAX_COMPARED_CHARS: usize = 256;

/// The table cells one rule may fill per file on "did you mean" searches over the names
/// of the definition (a few milliseconds). A misspelt name compared with 1,000 names of
/// about its length costs some 40,000; a misspelling searched before costs nothing. Past
/// the budget, findings come without suggestions.
pub const SUGGESTION_BUDGET_CELLS: u64 = 2_000_000;

/// The candidate closest to `text` by case-insensitive edit distance, when it is close enough
/// to be a likely typo: at most a third of the text's length, and at least one edit allowed.
/// Ties go to the first candidate. For small fixed vocabularies; see [`NameIndex`] for names
/// that come from the definition.
pub fn closest<'c>(text: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let query = Query::new(text)?;
    let mut rows = Rows::default();
    let mut lowered = Vec::new();
    let mut best: Option<(usize, &'c str)> = None;
    for &candidate in candidates {
        let limit = best.map_or(query.limit, |(distance, _)| distance.saturating_sub(1));
        // Most candidates are ASCII, and too long or too short to be close.
        if candidate.is_ascii() && candidate.len().abs_diff(query.lowered.len()) > limit {
            continue;
        }
        if !lower_into(candidate, &mut lowered) {
            continue;
        }
        if let Some(distance) = distance_within(&query.lowered, &lowered, limit, &mut rows).distance
            && best.is_none_or(|(found, _)| distance < found)
        {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// Whether `a` and `b` are within `limit` edits of each other, case-sensitively (for
/// comparisons such as "is this namespace a misspelt `States`").
pub fn within_distance(a: &str, b: &str, limit: usize) -> bool {
    let a: Vec<char> = a.chars().take(MAX_COMPARED_CHARS + 1).collect();
    let b: Vec<char> = b.chars().take(MAX_COMPARED_CHARS + 1).collect();
    a.len() <= MAX_COMPARED_CHARS
        && b.len() <= MAX_COMPARED_CHARS
        && distance_within(&a, &b, limit, &mut Rows::default()).distance.is_some()
}

/// The work allowed for suggestions over the names of one file.
#[derive(Debug, Clone)]
pub struct SuggestionBudget {
    cells_left: u64,
}

impl SuggestionBudget {
    /// The budget of one rule on one file ([`SUGGESTION_BUDGET_CELLS`]).
    pub fn per_file() -> Self {
        Self::with_cells(SUGGESTION_BUDGET_CELLS)
    }

    pub fn with_cells(cells: u64) -> Self {
        SuggestionBudget { cells_left: cells }
    }
}

/// The answer of a budgeted search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suggestion<'c> {
    /// The closest candidate within the allowed distance.
    Found(&'c str),
    /// No candidate is close enough.
    NoneClose,
    /// The search was not made, or not finished: the budget is spent.
    Skipped,
}

impl<'c> Suggestion<'c> {
    pub fn found(self) -> Option<&'c str> {
        match self {
            Suggestion::Found(name) => Some(name),
            Suggestion::NoneClose | Suggestion::Skipped => None,
        }
    }
}

/// Candidate names grouped by length, built once for many look-ups: a search compares the
/// text only with the candidates whose length is within the allowed distance, and a text
/// searched before (the same misspelling, repeated) is answered from memory.
#[derive(Debug, Default)]
pub struct NameIndex<'c> {
    /// `by_length[n]`: the candidates of `n` lowercase characters, in first-seen order.
    by_length: Vec<Vec<Candidate<'c>>>,
    answers: HashMap<String, Option<&'c str>>,
}

#[derive(Debug)]
struct Candidate<'c> {
    /// Position among the distinct candidates, so ties go to the first, as in [`closest`].
    order: usize,
    lowered: Vec<char>,
    name: &'c str,
}

impl<'c> NameIndex<'c> {
    /// Indexes the candidates; repeated names are kept once.
    pub fn new(candidates: impl IntoIterator<Item = &'c str>) -> Self {
        let mut index = NameIndex::default();
        let mut seen = HashSet::new();
        for name in candidates {
            if !seen.insert(name) {
                continue;
            }
            let mut lowered = Vec::new();
            if !lower_into(name, &mut lowered) {
                continue;
            }
            if index.by_length.len() <= lowered.len() {
                index.by_length.resize_with(lowered.len() + 1, Vec::new);
            }
            let order = seen.len() - 1;
            index.by_length[lowered.len()].push(Candidate { order, lowered, name });
        }
        index
    }

    /// The same answer as [`closest`] over the indexed names, paid from `budget`.
    pub fn closest(&mut self, text: &str, budget: &mut SuggestionBudget) -> Suggestion<'c> {
        if let Some(&answer) = self.answers.get(text) {
            return answer.map_or(Suggestion::NoneClose, Suggestion::Found);
        }
        let answer = self.search(text, budget);
        match answer {
            Suggestion::Found(name) => self.answers.insert(text.to_owned(), Some(name)),
            Suggestion::NoneClose => self.answers.insert(text.to_owned(), None),
            Suggestion::Skipped => None,
        };
        answer
    }

    fn search(&self, text: &str, budget: &mut SuggestionBudget) -> Suggestion<'c> {
        let Some(query) = Query::new(text) else {
            return Suggestion::NoneClose;
        };
        if budget.cells_left == 0 {
            return Suggestion::Skipped;
        }
        let length = query.lowered.len();
        let lengths = length.saturating_sub(query.limit)..=length + query.limit;
        let mut rows = Rows::default();
        // (distance, order, name) of the closest so far; ties go to the first declared.
        let mut best: Option<(usize, usize, &'c str)> = None;
        for candidate in lengths.filter_map(|n| self.by_length.get(n)).flatten() {
            let limit = match best {
                None => query.limit,
                Some((distance, order, _)) if candidate.order < order => distance,
                Some((0, _, _)) => continue,
                Some((distance, _, _)) => distance - 1,
            };
            let outcome = distance_within(&query.lowered, &candidate.lowered, limit, &mut rows);
            // Every comparison costs at least one cell, so cheap rejections still count.
            let cost = outcome.cells.max(1);
            if cost > budget.cells_left {
                budget.cells_left = 0;
                return Suggestion::Skipped;
            }
            budget.cells_left -= cost;
            if let Some(distance) = outcome.distance {
                best = Some((distance, candidate.order, candidate.name));
            }
        }
        best.map_or(Suggestion::NoneClose, |(_, _, name)| Suggestion::Found(name))
    }
}

/// A name to find suggestions for.
struct Query {
    lowered: Vec<char>,
    /// The largest distance that still counts as a typo.
    limit: usize,
}

impl Query {
    /// `None` for a name too long to compare.
    fn new(text: &str) -> Option<Self> {
        let count = text.chars().take(MAX_COMPARED_CHARS + 1).count();
        if count > MAX_COMPARED_CHARS {
            return None;
        }
        Some(Query {
            lowered: text.to_lowercase().chars().collect(),
            limit: (count / 3).max(1),
        })
    }
}

/// Puts the lowercase characters of `name` in `out`; `false` when it is too long to compare.
fn lower_into(name: &str, out: &mut Vec<char>) -> bool {
    out.clear();
    if name.is_ascii() {
        if name.len() > MAX_COMPARED_CHARS {
            return false;
        }
        out.extend(name.bytes().map(|byte| char::from(byte.to_ascii_lowercase())));
        return true;
    }
    if name.chars().nth(MAX_COMPARED_CHARS).is_some() {
        return false;
    }
    out.extend(name.to_lowercase().chars());
    true
}

/// The result of [`distance_within`].
struct Bounded {
    /// The distance, when it is at most the limit.
    distance: Option<usize>,
    /// The table cells filled, for budgets.
    cells: u64,
}

/// Three rows of the edit-distance table, reused from one comparison to the next.
#[derive(Default)]
struct Rows {
    before: Vec<usize>,
    previous: Vec<usize>,
    current: Vec<usize>,
}

/// Edit distance over characters where swapping two neighbours counts as one edit
/// (optimal string alignment, so `Taks` is one edit from `Task`), computed only up to
/// `limit`: the band of the table within `limit` of the diagonal, three rows at a time,
/// stopping as soon as a whole row exceeds the limit.
fn distance_within(a: &[char], b: &[char], limit: usize, rows: &mut Rows) -> Bounded {
    if a.len().abs_diff(b.len()) > limit {
        return Bounded {
            distance: None,
            cells: 0,
        };
    }
    // Cells outside the band, or past the limit, hold `over`.
    let over = limit + 1;
    let Rows {
        before,
        previous,
        current,
    } = rows;
    for row in [&mut *before, &mut *previous, &mut *current] {
        if row.len() <= b.len() {
            row.resize(b.len() + 1, over);
        }
    }
    // Only the cells a row reads are set (the band and one cell beyond each end), so a
    // comparison costs its band, not the whole width.
    for (j, cell) in previous.iter_mut().enumerate().take((over + 1).min(b.len() + 1)) {
        *cell = j.min(over);
    }
    let mut cells = 0u64;
    for i in 1..=a.len() {
        let low = i.saturating_sub(limit).max(1);
        let high = (i + limit).min(b.len());
        // Row i+1 reads one cell beyond each end of this row's band: they must be `over`,
        // whatever an older row left there.
        current[low - 1] = over;
        if high < b.len() {
            current[high + 1] = over;
        }
        current[0] = i.min(over);
        let mut row_best = current[0];
        for j in low..high + 1 {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1).min(current[j - 1] + 1).min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best.min(over);
            row_best = row_best.min(current[j]);
        }
        cells += (high + 1).saturating_sub(low) as u64;
        if row_best > limit {
            return Bounded { distance: None, cells };
        }
        std::mem::swap(before, previous);
        std::mem::swap(previous, current);
    }
    let distance = previous[b.len()];
    Bounded {
        distance: (distance <= limit).then_some(distance),
        cells,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole table, as a reference.
    fn full_distance(a: &[char], b: &[char]) -> usize {
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

    /// Every string of up to `length` characters over `alphabet`.
    fn all_strings(alphabet: &[char], length: usize) -> Vec<Vec<char>> {
        let mut found = vec![Vec::new()];
        let mut last = vec![Vec::new()];
        for _ in 0..length {
            last = last
                .iter()
                .flat_map(|s: &Vec<char>| {
                    alphabet.iter().map(move |&c| {
                        let mut longer = s.clone();
                        longer.push(c);
                        longer
                    })
                })
                .collect();
            found.extend(last.iter().cloned());
        }
        found
    }

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(closest("Sucess", &["Succeed", "Success"]), Some("Success"));
        assert_eq!(closest("task", &["Task", "Pass"]), Some("Task"));
        assert_eq!(closest("Taks", &["Task", "Pass"]), Some("Task"));
        assert_eq!(closest("Banana", &["Task", "Pass"]), None);
        assert_eq!(closest("Concat", &["Format", "Array"]), None);
        assert_eq!(closest("kitten", &["sitting"]), None);
        assert_eq!(closest("kittens", &["sitting"]), None);
        assert_eq!(closest("kitteng", &["sitting"]), Some("sitting"));
    }

    #[test]
    fn bounded_distance_matches_the_full_table() {
        // One set of rows for every comparison, as a search reuses them.
        let mut rows = Rows::default();
        let strings = all_strings(&['a', 'b', 'c'], 5);
        for (n, a) in strings.iter().enumerate().step_by(3) {
            for b in strings.iter().skip(n % 7).step_by(5) {
                let full = full_distance(a, b);
                for limit in 0..6 {
                    let bounded = distance_within(a, b, limit, &mut rows).distance;
                    assert_eq!(bounded, (full <= limit).then_some(full), "{a:?} {b:?} within {limit}");
                }
            }
        }
    }

    #[test]
    fn the_index_answers_as_the_plain_search() {
        let names = ["Charge", "Notify", "Notifi", "charge", "Done", "Dome", "NotifyAll"];
        let mut index = NameIndex::new(names);
        let mut budget = SuggestionBudget::per_file();
        for text in ["Notfy", "Chrage", "CHARGE", "Dne", "Done", "Banana", "NotifyAl", "x"] {
            assert_eq!(
                index.closest(text, &mut budget).found(),
                closest(text, &names),
                "{text}"
            );
        }
        let strings: Vec<String> = all_strings(&['a', 'B', 'b', 'c'], 4)
            .into_iter()
            .map(|s| s.into_iter().collect())
            .collect();
        let names: Vec<&str> = strings.iter().step_by(7).map(String::as_str).collect();
        let mut index = NameIndex::new(names.iter().copied());
        for text in strings.iter().step_by(3) {
            assert_eq!(
                index.closest(text, &mut budget).found(),
                closest(text, &names),
                "{text}"
            );
        }
    }

    #[test]
    fn past_the_budget_searches_are_skipped() {
        let names: Vec<String> = (0..100).map(|i| format!("State{i:03}")).collect();
        let mut index = NameIndex::new(names.iter().map(String::as_str));
        let mut budget = SuggestionBudget::with_cells(1_000);
        assert_eq!(index.closest("Stat_999", &mut budget), Suggestion::Skipped);
        assert_eq!(index.closest("State099", &mut budget), Suggestion::Skipped);
        let mut budget = SuggestionBudget::per_file();
        assert_eq!(index.closest("Stat_099", &mut budget), Suggestion::Found("State099"));
        // A misspelling searched before is answered from memory, even past the budget.
        let mut spent = SuggestionBudget::with_cells(0);
        assert_eq!(index.closest("Stat_099", &mut spent), Suggestion::Found("State099"));
        assert_eq!(index.closest("Stat_098", &mut spent), Suggestion::Skipped);
    }

    #[test]
    fn long_names_are_not_compared() {
        let long_a = "A".repeat(10_000);
        let long_b = "B".repeat(10_000);
        assert_eq!(closest(&long_a, &[long_b.as_str()]), None);
        let mut index = NameIndex::new([long_b.as_str(), long_a.as_str()]);
        let mut budget = SuggestionBudget::per_file();
        assert_eq!(index.closest(&long_a, &mut budget), Suggestion::NoneClose);
        assert!(!within_distance(&long_a, &long_a, 2));
        assert!(within_distance("State", "States", 2));
    }
}
