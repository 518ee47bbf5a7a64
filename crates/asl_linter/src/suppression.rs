//! `asl-lint-ignore:` directives in `Comment` fields: a way to silence rules inside the
//! definition itself, for one state (its `Comment`) or the whole file (the machine's).
//!
//! `"Comment": "asl-lint-ignore: unreachable-state, ASL205 -- kept for manual runs"`

use std::ops::Range;
use std::sync::LazyLock;

use asl_semantic::model::{Field, Model};
use asl_syntax::{StringSourceMap, TextRange};
use memchr::memmem::Finder;

const DIRECTIVE: &str = "asl-lint-ignore:";

/// Every Comment is searched, so the search is memchr's SIMD one rather than `str::find`,
/// with its searcher built once.
static DIRECTIVE_FINDER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(DIRECTIVE));

/// One directive: the rules it names and where it silences them.
pub(crate) struct Directive<'a> {
    /// Findings that start in this range are silenced.
    pub(crate) covers: TextRange,
    /// The rules named (codes or names), each with its range in the source.
    pub(crate) rules: Vec<(&'a str, TextRange)>,
}

/// Every directive of the definition.
pub(crate) fn directives<'a>(source: &str, model: &Model<'a>) -> Vec<Directive<'a>> {
    let mut found = Vec::new();
    let whole_file = TextRange::new(0, source.len() as u32);
    if let Some(comment) = &model.scope(model.root_scope).comment {
        push_directive(source, comment, whole_file, &mut found);
    }
    for state in &model.states {
        if let Some(comment) = &state.comment {
            let covers = TextRange::new(state.name_range.start, state.node.range.end);
            push_directive(source, comment, covers, &mut found);
        }
    }
    found
}

fn push_directive<'a>(source: &str, comment: &Field<'a, &'a str>, covers: TextRange, out: &mut Vec<Directive<'a>>) {
    let Some(text) = comment.value else { return };
    let names = directive_names(text);
    if names.is_empty() {
        return;
    }
    let map = StringSourceMap::new(source, comment.value_range());
    let rules = names
        .into_iter()
        .map(|range| (&text[range.clone()], map.source_range(range)))
        .collect();
    out.push(Directive { covers, rules });
}

/// The ranges of the rule names after `asl-lint-ignore:`, up to `--`, `;` or the end.
fn directive_names(text: &str) -> Vec<Range<usize>> {
    let Some(at) = DIRECTIVE_FINDER.find(text.as_bytes()) else {
        return Vec::new();
    };
    let start = at + DIRECTIVE.len();
    let rest = &text[start..];
    let end = [rest.find("--"), rest.find(';')]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(rest.len());
    let mut names = Vec::new();
    let mut offset = start;
    for part in rest[..end].split(',') {
        let trimmed = part.trim();
        if !trimmed.is_empty() {
            let leading = part.len() - part.trim_start().len();
            names.push(offset + leading..offset + leading + trimmed.len());
        }
        offset += part.len() + 1;
    }
    names
}

#[cfg(test)]
mod tests {
    use super::directive_names;

    fn names(text: &str) -> Vec<&str> {
        directive_names(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn reads_names_up_to_the_reason() {
        assert_eq!(names("asl-lint-ignore: a, ASL205 -- why"), ["a", "ASL205"]);
        assert_eq!(names("Fetch. asl-lint-ignore:a;b"), ["a"]);
        assert_eq!(names("no directive here"), Vec::<&str>::new());
        assert_eq!(names("asl-lint-ignore:"), Vec::<&str>::new());
    }
}
