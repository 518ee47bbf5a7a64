use std::sync::OnceLock;

use asl_diagnostics::Diagnostic;
use asl_syntax::{DuplicateKeys, Node, TextRange, Value};
use jsonschema::error::ValidationErrorKind;
use jsonschema::paths::LocationSegment;

use crate::helpers::MAX_DEFINITION_BYTES;
use crate::rule::{Category, Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports what the published JSON Schema (`schemas/asl.schema.json`) rejects and no other
    /// structure rule covers: the long tail of per-field constraints, such as an empty error
    /// name in `ErrorEquals`, an empty `RoleArn` or an empty `States` object.
    ///
    /// ## Why is this bad?
    /// The schema encodes the language's constraints; editors that use it show the same problem. The
    /// other structure rules give sharper messages for the common mistakes (unknown fields, wrong
    /// types, missing fields, enumerations, ranges), so this rule stays silent wherever one of them
    /// reports. AWS's answer to these long-tail constraints is not recorded, so this is a warning.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Call",
    ///   "States": {
    ///     "Call": {
    ///       "Type": "Task",
    ///       "Resource": "arn:aws:states:::lambda:invoke",
    ///       "Retry": [{"ErrorEquals": [""]}],
    ///       "End": true
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Call",
    ///   "States": {
    ///     "Call": {
    ///       "Type": "Task",
    ///       "Resource": "arn:aws:states:::lambda:invoke",
    ///       "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"]}],
    ///       "End": true
    ///     }
    ///   }
    /// }
    /// ```
    pub(crate) struct SchemaViolation {
        code: "ASL127",
        name: "schema-violation",
        category: Structure,
        severity: Warning,
        fix: None,
    }
}

impl Rule for SchemaViolation {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Diagnostic>) {
        let Some(validator) = validator() else { return };
        // Definitions cut short by syntax errors are reported by the syntax rules. One larger
        // than AWS accepts is reported by quota-exceeded, and copying it for the validator
        // would double the memory a large file needs.
        if !ctx.parse.errors.is_empty()
            || ctx.parse.root.as_object().is_none()
            || ctx.definition_len() > MAX_DEFINITION_BYTES
        {
            return;
        }
        // Of duplicate keys the first counts, as in the model.
        let instance = ctx.parse.root.to_json_value(DuplicateKeys::KeepFirst);
        // Checking validity stops at the first failure; most definitions are valid.
        if validator.is_valid(&instance) {
            return;
        }
        let mut found = Vec::new();
        for error in validator.iter_errors(&instance) {
            let Some(what) = describe(error.kind()) else { continue };
            if owned_elsewhere(error.instance_path()) {
                continue;
            }
            let Some(node) = locate(&ctx.parse.root, error.instance_path()) else {
                continue;
            };
            found.push((node.range, format!("{} {what}", subject(error.instance_path()))));
        }
        if found.is_empty() {
            return;
        }
        let covered = covered_ranges(ctx);
        for (range, message) in found {
            if covered.iter().any(|c| overlaps(*c, range)) {
                continue;
            }
            out.push(self.meta().diagnostic(range, message));
        }
    }
}

fn validator() -> Option<&'static jsonschema::Validator> {
    static VALIDATOR: OnceLock<Option<jsonschema::Validator>> = OnceLock::new();
    VALIDATOR
        .get_or_init(|| {
            let schema: serde_json::Value = serde_json::from_str(crate::ASL_SCHEMA).ok()?;
            jsonschema::draft202012::new(&schema).ok()
        })
        .as_ref()
}

/// What the error says, for the kinds no other rule covers; `None` for the others. Unknown
/// fields, types, required fields, enumerations, ranges and constants have their own structure
/// rules; patterns are paths, payload templates, JSONata strings, timestamps and labels, which
/// the data-flow and structure rules check with better messages; `oneOf`/`anyOf` failures only
/// repeat what their branches say.
fn describe(kind: &ValidationErrorKind) -> Option<String> {
    Some(match kind {
        ValidationErrorKind::MinLength { limit: 1 } => "must not be empty".to_owned(),
        ValidationErrorKind::MinLength { limit } => format!("must have at least {limit} characters"),
        ValidationErrorKind::MaxLength { limit } => format!("must have at most {limit} characters"),
        ValidationErrorKind::MinProperties { limit: 1 } => "must not be empty".to_owned(),
        ValidationErrorKind::MinProperties { limit } => format!("must have at least {limit} fields"),
        ValidationErrorKind::MaxProperties { limit } => format!("must have at most {limit} fields"),
        ValidationErrorKind::MinItems { limit: 1 } => "must not be empty".to_owned(),
        ValidationErrorKind::MinItems { limit } => format!("must have at least {limit} elements"),
        ValidationErrorKind::MaxItems { limit } => format!("must have at most {limit} elements"),
        ValidationErrorKind::UniqueItems => "must not contain the same element twice".to_owned(),
        ValidationErrorKind::MultipleOf { .. } => "must be an integer".to_owned(),
        _ => return None,
    })
}

/// Whether an error at `path` belongs to another rule although its kind is kept: the length of
/// a state name where it is referenced (`StartAt`, `Next`, `Default`) is reported once, at the
/// state, and variable names in `Assign` belong to the data-flow rules.
fn owned_elsewhere(path: &jsonschema::paths::Location) -> bool {
    let segments: Vec<LocationSegment<'_>> = path.into_iter().collect();
    let is = |segment: &LocationSegment<'_>, name: &str| matches!(segment, LocationSegment::Property(p) if *p == name);
    segments.iter().any(|s| is(s, "Assign"))
        || segments
            .last()
            .is_some_and(|s| is(s, "StartAt") || is(s, "Next") || is(s, "Default"))
}

/// The node at a schema error's instance path.
fn locate<'n>(root: &'n Node, path: &jsonschema::paths::Location) -> Option<&'n Node> {
    let mut node = root;
    for segment in path {
        match (segment, &node.value) {
            (LocationSegment::Property(name), Value::Object(members)) => {
                node = &members.iter().find(|m| m.key.text == *name)?.value;
            }
            (LocationSegment::Index(index), Value::Array(items)) => {
                node = items.get(index)?;
            }
            _ => return None,
        }
    }
    Some(node)
}

/// How a message names the value at `path`: `"Comment" of the state machine`,
/// `"Retry[0].ErrorEquals" of state "Charge"`, `state "Charge"`.
fn subject(path: &jsonschema::paths::Location) -> String {
    let segments: Vec<String> = path
        .into_iter()
        .map(|segment| match segment {
            LocationSegment::Property(name) => name.to_string(),
            LocationSegment::Index(index) => format!("[{index}]"),
        })
        .collect();
    // The innermost state: the segment after the last "States".
    let state = segments
        .iter()
        .rposition(|s| s == "States")
        .filter(|&i| i + 1 < segments.len());
    let (owner, rest) = match state {
        Some(i) => (format!("state \"{}\"", segments[i + 1]), &segments[i + 2..]),
        None => ("the state machine".to_owned(), &segments[..]),
    };
    let field = rest.iter().fold(String::new(), |mut field, segment| {
        if !field.is_empty() && !segment.starts_with('[') {
            field.push('.');
        }
        field.push_str(segment);
        field
    });
    if field.is_empty() {
        owner
    } else {
        format!("\"{field}\" of {owner}")
    }
}

/// The ranges the other structure rules report on, so that a problem is reported once.
fn covered_ranges(ctx: &RuleContext<'_>) -> Vec<TextRange> {
    let mut found = Vec::new();
    let others = crate::all_rules()
        .iter()
        .filter(|rule| rule.meta().category == Category::Structure && rule.meta().code != "ASL127");
    for rule in others {
        rule.check(ctx, &mut found);
    }
    found.into_iter().map(|d| d.range).collect()
}

fn overlaps(a: TextRange, b: TextRange) -> bool {
    a.start < b.end.max(b.start + 1) && b.start < a.end.max(a.start + 1)
}
