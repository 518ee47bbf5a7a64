//! Data-flow rules (`ASL3xx`): paths, payload templates, intrinsic functions, JSONata and
//! workflow variables.

pub(crate) mod context_field_unavailable;
pub(crate) mod dollar_key_in_jsonata;
pub(crate) mod duplicate_template_key;
pub(crate) mod format_placeholder_mismatch;
pub(crate) mod intrinsic_argument_count;
pub(crate) mod intrinsic_issues;
pub(crate) mod intrinsic_nesting_too_deep;
pub(crate) mod intrinsic_not_allowed;
pub(crate) mod invalid_intrinsic_argument;
pub(crate) mod invalid_intrinsic_syntax;
pub(crate) mod invalid_jsonata_syntax;
pub(crate) mod invalid_path;
pub(crate) mod invalid_result_path_root;
pub(crate) mod invalid_template_value;
pub(crate) mod invalid_variable_name;
pub(crate) mod jsonata_argument_count;
pub(crate) mod jsonata_implicit_input;
pub(crate) mod jsonata_not_evaluated;
pub(crate) mod malformed_jsonata_delimiters;
pub(crate) mod misplaced_states_field;
pub(crate) mod outer_variable_assigned;
pub(crate) mod outer_variable_in_distributed_map;
pub(crate) mod path_in_static_result;
pub(crate) mod path_without_dollar_key;
pub(crate) mod reference_path_required;
pub(crate) mod sites;
pub(crate) mod undefined_variable;
pub(crate) mod unknown_context_field;
pub(crate) mod unknown_intrinsic_function;
pub(crate) mod unknown_jsonata_function;
pub(crate) mod unknown_states_field;
pub(crate) mod unused_variable;
pub(crate) mod variable_maybe_unassigned;
pub(crate) mod variables;

use asl_semantic::expr::intrinsic::{ArgumentKind, Intrinsic};
use asl_semantic::expr::path::{FilterExpr, Operand, Path, SegmentKind};

use crate::Rule;
use sites::Parsed;

pub(crate) static RULES: &[&dyn Rule] = &[
    &invalid_path::InvalidPath,
    &reference_path_required::ReferencePathRequired,
    &invalid_result_path_root::InvalidResultPathRoot,
    &unknown_context_field::UnknownContextField,
    &context_field_unavailable::ContextFieldUnavailable,
    &invalid_template_value::InvalidTemplateValue,
    &duplicate_template_key::DuplicateTemplateKey,
    &path_without_dollar_key::PathWithoutDollarKey,
    &path_in_static_result::PathInStaticResult,
    &dollar_key_in_jsonata::DollarKeyInJsonata,
    &invalid_intrinsic_syntax::InvalidIntrinsicSyntax,
    &unknown_intrinsic_function::UnknownIntrinsicFunction,
    &intrinsic_argument_count::IntrinsicArgumentCount,
    &invalid_intrinsic_argument::InvalidIntrinsicArgument,
    &format_placeholder_mismatch::FormatPlaceholderMismatch,
    &intrinsic_nesting_too_deep::IntrinsicNestingTooDeep,
    &intrinsic_not_allowed::IntrinsicNotAllowed,
    &invalid_jsonata_syntax::InvalidJsonataSyntax,
    &jsonata_not_evaluated::JsonataNotEvaluated,
    &misplaced_states_field::MisplacedStatesField,
    &unknown_states_field::UnknownStatesField,
    &jsonata_implicit_input::JsonataImplicitInput,
    &unknown_jsonata_function::UnknownJsonataFunction,
    &jsonata_argument_count::JsonataArgumentCount,
    &malformed_jsonata_delimiters::MalformedJsonataDelimiters,
    &invalid_variable_name::InvalidVariableName,
    &undefined_variable::UndefinedVariable,
    &variable_maybe_unassigned::VariableMaybeUnassigned,
    &unused_variable::UnusedVariable,
    &outer_variable_assigned::OuterVariableAssigned,
    &outer_variable_in_distributed_map::OuterVariableInDistributedMap,
];

/// Every path in a parsed JSONPath expression: the path itself, the path arguments of an
/// intrinsic call at any depth, and the paths inside filters.
pub(crate) fn paths_in(parsed: &Parsed) -> Vec<&Path> {
    let mut found = Vec::new();
    match parsed {
        Parsed::Path(Ok(path)) => collect_path(path, &mut found),
        Parsed::Intrinsic(Ok(call)) => collect_call(call, &mut found),
        _ => {}
    }
    found
}

fn collect_call<'p>(call: &'p Intrinsic, found: &mut Vec<&'p Path>) {
    for arg in &call.args {
        match &arg.kind {
            ArgumentKind::Path(path) => collect_path(path, found),
            ArgumentKind::Call(inner) => collect_call(inner, found),
            _ => {}
        }
    }
}

fn collect_path<'p>(path: &'p Path, found: &mut Vec<&'p Path>) {
    found.push(path);
    for segment in &path.segments {
        if let SegmentKind::Filter(Some(filter)) = &segment.kind {
            collect_filter(filter, found);
        }
    }
}

fn collect_filter<'p>(filter: &'p FilterExpr, found: &mut Vec<&'p Path>) {
    match filter {
        FilterExpr::Or(a, b) | FilterExpr::And(a, b) => {
            collect_filter(a, found);
            collect_filter(b, found);
        }
        FilterExpr::Not(inner) => collect_filter(inner, found),
        FilterExpr::Compare { left, right, .. } => {
            for operand in [left, right] {
                if let Operand::Path(path) = operand {
                    collect_path(path, found);
                }
            }
        }
        FilterExpr::Test(Operand::Path(path)) => collect_path(path, found),
        FilterExpr::Test(_) => {}
    }
}

/// What a literal string looks like when an author probably meant it to be evaluated:
/// a path (`$.a`, `$$.Execution.Id`, `$['a']`, `$name.a`) or a call of a known intrinsic
/// function. Plain `$`, prices such as `$5` and other text are not flagged.
pub(crate) fn looks_evaluated(text: &str) -> Option<&'static str> {
    let text = text.trim();
    if text.starts_with("States.")
        && asl_semantic::expr::intrinsic::is_intrinsic_call(text)
        && asl_semantic::expr::intrinsic::parse_intrinsic(text).is_ok()
    {
        return Some("an intrinsic function call");
    }
    let rest = text.strip_prefix("$$").or_else(|| text.strip_prefix('$'))?;
    let variable = rest.starts_with(|c: char| c.is_alphabetic() || c == '_');
    let selector = rest.starts_with(['.', '[']);
    ((variable && rest.contains(['.', '['])) || selector)
        .then(|| asl_semantic::expr::path::parse_path(text).is_ok())
        .filter(|ok| *ok)
        .map(|_| "a path")
}

/// The findings of the JSONata built-in call checks, with the site of each.
pub(crate) fn jsonata_call_issues<'c, 'a>(
    ctx: &'c crate::RuleContext<'a>,
) -> Vec<(&'c sites::JsonataSite<'a>, asl_semantic::expr::ExprDiagnostic)> {
    let mut found = Vec::new();
    for site in ctx.jsonata_sites() {
        let Ok(expr) = site.parse() else { continue };
        for issue in asl_semantic::expr::jsonata::check_jsonata(expr) {
            found.push((site, issue));
        }
    }
    found
}

/// A read of the context object: `$$.…` in a JSONPath expression or
/// `$states.context.…` in a JSONata one.
pub(crate) struct ContextRead<'a> {
    pub state: &'a asl_semantic::model::State<'a>,
    pub field: String,
    /// The string holding the expression.
    pub node: &'a asl_syntax::Node,
    /// Where `$$` or `$states` starts, in the decoded string.
    pub start: usize,
    /// The member names read, with their ranges in the decoded string.
    pub members: Vec<(String, std::ops::Range<usize>)>,
    /// Whether the expression is in a Map state's `ItemSelector` (or deprecated `Parameters`).
    pub in_item_selector: bool,
}

/// Every context-object read of the definition.
pub(crate) fn context_reads<'a>(ctx: &crate::RuleContext<'a>) -> Vec<ContextRead<'a>> {
    let mut reads = Vec::new();
    for expr in ctx.jsonpath_exprs() {
        let parsed = expr.parse();
        for path in paths_in(parsed) {
            if path.root != asl_semantic::expr::path::Root::Context {
                continue;
            }
            let members = path.segments.iter().map_while(|s| match &s.kind {
                SegmentKind::Member(name) => Some((name.clone(), s.range.clone())),
                _ => None,
            });
            reads.push(ContextRead {
                state: expr.state,
                field: expr.field.clone(),
                node: expr.node,
                start: path.range.start,
                members: members.collect(),
                in_item_selector: matches!(expr.place, sites::JsonPathPlace::Template(t) if t.has_map_item()),
            });
        }
    }
    for site in ctx.jsonata_sites() {
        let Ok(expr) = site.parse() else { continue };
        for access in asl_semantic::expr::jsonata::references(expr).states {
            if access.member.as_ref().map(|(m, _)| m.as_str()) != Some("context") {
                continue;
            }
            let offset = site.expression.offset;
            let shift = |r: &std::ops::Range<usize>| r.start + offset..r.end + offset;
            reads.push(ContextRead {
                state: site.state,
                field: site.field.clone(),
                node: site.node,
                start: access.range.start + offset,
                members: access
                    .path
                    .iter()
                    .map(|(name, range)| (name.clone(), shift(range)))
                    .collect(),
                in_item_selector: site.place == sites::JsonataPlace::ItemSelector,
            });
        }
    }
    reads
}
