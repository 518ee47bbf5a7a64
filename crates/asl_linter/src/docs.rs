//! Rule documentation, generated from each rule's doc comment.

use std::fmt::Write as _;

use asl_semantic::vocabulary::{ComparisonOperator, Field, Languages, ObjectType, QueryLanguage, StateType};

use crate::{Rule, RuleMeta, all_rules};

/// Where the rule pages (`docs/rules/<name>.md`) are published.
const RULE_DOCS_URL: &str = "https://github.com/asl-lint/asl-lint/blob/main/docs/rules";

/// The published page of a rule, by its kebab name.
pub fn rule_url(name: &str) -> String {
    format!("{RULE_DOCS_URL}/{name}.md")
}

/// The text under `## {heading}` in a rule's docs, up to the next heading of that level, with
/// the paragraph's lines joined: `section(meta, "What it does")`.
pub fn section(meta: &RuleMeta, heading: &str) -> Option<String> {
    let mut lines = meta.docs.lines().map(|line| line.strip_prefix(' ').unwrap_or(line));
    lines.find(|line| line.strip_prefix("## ").is_some_and(|h| h.trim_end() == heading))?;
    let mut text = String::new();
    for line in lines.take_while(|line| !line.starts_with("## ")) {
        let line = line.trim_end();
        if line.is_empty() {
            if !text.is_empty() && !text.ends_with("\n\n") {
                text.push_str("\n\n");
            }
        } else {
            if !text.is_empty() && !text.ends_with('\n') {
                text.push(' ');
            }
            text.push_str(line.trim_start());
        }
    }
    let text = text.trim_end().to_owned();
    (!text.is_empty()).then_some(text)
}

/// The Markdown page of one rule, as written to `docs/rules/<name>.md`.
pub fn rule_page(rule: &dyn Rule) -> String {
    let meta = rule.meta();
    let mut page = String::new();
    let _ = writeln!(page, "# {} ({})\n", meta.name, meta.code);
    let _ = writeln!(
        page,
        "Category: {} · Default severity: {} · Fix: {}\n",
        meta.category.as_str(),
        meta.default_severity,
        match meta.fix {
            crate::FixKind::None => "none",
            crate::FixKind::Sometimes => "sometimes",
            crate::FixKind::Always => "always",
        }
    );
    for line in meta.docs.lines() {
        // Doc comments keep the space after `///`.
        let line = line.strip_prefix(' ').unwrap_or(line);
        match vocabulary_table(line) {
            Some(table) => page.push_str(&table),
            None => {
                page.push_str(line);
                page.push('\n');
            }
        }
    }
    page
}

/// The table from the vocabulary that replaces a marker line of a rule's docs, if `line` is
/// one: `<!-- vocabulary: state types -->` or `<!-- vocabulary: fields -->`.
fn vocabulary_table(line: &str) -> Option<String> {
    let table = match line.trim() {
        "<!-- vocabulary: state types -->" => state_type_table(),
        "<!-- vocabulary: fields -->" => field_table(),
        _ => return None,
    };
    Some(table)
}

fn state_type_table() -> String {
    let mut table = String::from("| Type | What it does |\n|---|---|\n");
    for state_type in StateType::all() {
        let _ = writeln!(table, "| `{}` | {} |", state_type.name(), state_type.summary());
    }
    table
}

/// Every object with a fixed set of fields, with its fields' query languages and values.
fn field_table() -> String {
    let mut table = String::new();
    for object in ObjectType::all() {
        let _ = writeln!(
            table,
            "### {}\n\n| Field | Query languages | Value |\n|---|---|---|",
            object.title()
        );
        let operators = |field: &Field| ComparisonOperator::from_name(field.name).is_some();
        let fields = QueryLanguage::ALL
            .into_iter()
            .flat_map(|language| object.fields(language))
            .filter(|field| !operators(field));
        let mut listed: Vec<&str> = Vec::new();
        for field in fields {
            if listed.contains(&field.name) {
                continue;
            }
            listed.push(field.name);
            let (languages, value) = match field.languages {
                Languages::Both => {
                    let (jsonpath, jsonata) = (
                        field.kind.describe(QueryLanguage::JsonPath),
                        field.kind.describe(QueryLanguage::Jsonata),
                    );
                    let value = if jsonpath == jsonata {
                        jsonpath.to_owned()
                    } else {
                        format!("{jsonpath} (JSONPath); {jsonata} (JSONata)")
                    };
                    ("JSONPath, JSONata", value)
                }
                Languages::JsonPath => ("JSONPath", field.kind.describe(QueryLanguage::JsonPath).to_owned()),
                Languages::Jsonata => ("JSONata", field.kind.describe(QueryLanguage::Jsonata).to_owned()),
            };
            let _ = writeln!(table, "| `{}` | {languages} | {value} |", field.name);
        }
        if object.fields(QueryLanguage::JsonPath).any(|field| operators(&field)) {
            let names: Vec<String> = ComparisonOperator::all()
                .map(|operator| format!("`{}`", operator.name()))
                .collect();
            let _ = writeln!(
                table,
                "\nIn JSONPath, a rule also takes a comparison operator: {}.",
                names.join(", ")
            );
        }
        table.push('\n');
    }
    table.trim_end().to_owned() + "\n"
}

/// The index page, `docs/rules/README.md`.
pub fn index_page() -> String {
    let mut page = String::from(
        "# Rules\n\nGenerated from the rule sources by `UPDATE_DOCS=1 cargo test -p asl_linter --test rule_docs`; do not edit.\n\n| Code | Name | Category | Severity | Summary |\n|---|---|---|---|---|\n",
    );
    for rule in all_rules() {
        let meta = rule.meta();
        let _ = writeln!(
            page,
            "| {} | [{}]({}.md) | {} | {} | {} |",
            meta.code,
            meta.name,
            meta.name,
            meta.category.as_str(),
            meta.default_severity,
            meta.summary()
        );
    }
    page
}

/// One fenced example of a rule's docs.
pub struct Example {
    /// Under `### Invalid` (else `### Valid`).
    pub invalid: bool,
    /// A file name for the example: `example.json` for a ```json block (a definition or a JSON
    /// template), `example.yaml` for a ```yaml block (a template).
    pub file_name: &'static str,
    pub source: String,
}

/// The fenced JSON and YAML examples under `### Invalid` and `### Valid` in a rule's docs.
pub fn examples(rule: &dyn Rule) -> Vec<Example> {
    let mut examples = Vec::new();
    let mut invalid = None;
    let mut block: Option<(&'static str, String)> = None;
    for raw in rule.meta().docs.lines() {
        let line = raw.strip_prefix(' ').unwrap_or(raw);
        match (&mut block, line.trim_end()) {
            (None, "### Invalid") => invalid = Some(true),
            (None, "### Valid") => invalid = Some(false),
            (None, heading) if heading.starts_with("## ") => invalid = None,
            (None, "```json") if invalid.is_some() => block = Some(("example.json", String::new())),
            (None, "```yaml") if invalid.is_some() => block = Some(("example.yaml", String::new())),
            (Some((file_name, text)), "```") => {
                if let Some(invalid) = invalid {
                    examples.push(Example {
                        invalid,
                        file_name,
                        source: std::mem::take(text),
                    });
                }
                block = None;
            }
            (Some((_, text)), _) => {
                text.push_str(line);
                text.push('\n');
            }
            _ => {}
        }
    }
    examples
}
