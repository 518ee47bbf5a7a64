use asl_diagnostics::{Applicability, Edit, Fix};
use asl_semantic::vocabulary::StateType;
use asl_syntax::TextRange;

use crate::Findings;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks `Next` and `End`: a Task, Pass, Wait, Parallel or Map state needs exactly one of
    /// `"Next"` and `"End": true`; a Choice, Succeed or Fail state takes neither.
    ///
    /// ## Why is this bad?
    /// A state with neither does not say what happens after it, one with both is ambiguous,
    /// and `"End": false` does not end anything. Choice states transition through `Choices`
    /// and `Default`; Succeed and Fail always end their scope. AWS rejects all of these.
    ///
    /// Evidence: AWS returns "There should only be one of the following fields: [Next, End] at
    /// /States/A" (cdk-preflight real deploy, 2026-09-05), and "Field '<name>' is not supported" for
    /// `Next` or `End` on a state type that does not take it (as for `unknown-field`).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "Wait", "States": {"Wait": {"Type": "Wait", "Seconds": 5}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "Wait", "States": {"Wait": {"Type": "Wait", "Seconds": 5, "End": true}}}
    /// ```
    ///
    /// ## Fix
    /// On a Succeed or Fail state, removing `End` or `Next` is a safe fix: they end their
    /// scope anyway. Adding `"End": true` to a state with neither (or turning `"End": false`
    /// into `true`) is offered as an unsafe fix: the author may have meant a `Next`.
    pub(crate) struct NextOrEnd {
        code: "ASL109",
        name: "next-or-end",
        category: Structure,
        severity: Error,
        fix: Sometimes,
    }
}

impl Rule for NextOrEnd {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for state in &ctx.model.states {
            let Some(state_type) = state.kind.state_type() else {
                continue;
            };
            let type_name = state_type.name();
            let name = state.name;
            let next = state.next.as_ref().map(|field| field.member);
            let end = state.end.as_ref().map(|field| field.member);
            if !state_type.has_transition() {
                for member in [next, end].into_iter().flatten() {
                    let key = &member.key.text;
                    let why = if state_type == StateType::Choice {
                        "a Choice state moves on through its \"Choices\" rules and \"Default\"".to_owned()
                    } else {
                        format!("a {type_name} state always ends its scope")
                    };
                    let mut diagnostic = self
                        .meta()
                        .diagnostic(
                            member.key.range,
                            format!("{type_name} state \"{name}\" cannot have \"{key}\""),
                        )
                        .with_help(format!("{why}; remove \"{key}\""));
                    if state_type != StateType::Choice {
                        let range = member_with_separator(ctx.source, member.key.range.start, member.value.range.end);
                        let edit = Edit {
                            range,
                            replacement: String::new(),
                        };
                        diagnostic = diagnostic.with_fix(Fix::safe(format!("Remove \"{key}\""), vec![edit]));
                    }
                    out.push(diagnostic);
                }
            } else {
                let end_true = end.and_then(|m| m.value.as_bool());
                match (next, end) {
                        (Some(_), Some(end)) => out.push(
                            self.meta()
                                .diagnostic(end.key.range, format!("state \"{name}\" has both \"Next\" and \"End\""))
                                .with_help("keep \"Next\" to continue to another state, or \"End\": true to end here, not both"),
                        ),
                        (None, Some(end)) if end_true == Some(false) => out.push(
                            self.meta()
                                .diagnostic(end.value.range, format!("state \"{name}\" has \"End\": false and no \"Next\""))
                                .with_help("write \"End\": true to end here, or replace \"End\" with \"Next\" naming the following state")
                                .with_fix(Fix::replace("Set \"End\": true", Applicability::Unsafe, end.value.range, "true")),
                        ),
                        (None, None) => {
                            let mut diagnostic = self
                                .meta()
                                .diagnostic(state.name_range, format!("{type_name} state \"{name}\" has neither \"Next\" nor \"End\""))
                                .with_help("add \"Next\" naming the following state, or \"End\": true if the scope ends here");
                            if let Some(last) = state.node.as_object().and_then(<[_]>::last) {
                                let after_last = TextRange::empty(last.value.range.end);
                                diagnostic = diagnostic.with_fix(Fix::replace(
                                    "Add \"End\": true",
                                    Applicability::Unsafe,
                                    after_last,
                                    ", \"End\": true",
                                ));
                            }
                            out.push(diagnostic);
                        }
                        _ => {}
                    }
            }
        }
    }
}

/// The range of a member plus the comma that separates it from its neighbour, so that
/// deleting it leaves valid JSON.
fn member_with_separator(source: &str, start: u32, end: u32) -> TextRange {
    let bytes = source.as_bytes();
    let (start_index, end_index) = (start as usize, end as usize);
    // Prefer the following comma (and the whitespace before the next member).
    let mut after = end_index;
    while after < bytes.len() && bytes[after].is_ascii_whitespace() {
        after += 1;
    }
    if bytes.get(after) == Some(&b',') {
        let mut next = after + 1;
        while next < bytes.len() && bytes[next].is_ascii_whitespace() {
            next += 1;
        }
        return TextRange::new(start, next as u32);
    }
    // Last member: take the preceding comma.
    let mut before = start_index;
    while before > 0 && bytes[before - 1].is_ascii_whitespace() {
        before -= 1;
    }
    if before > 0 && bytes[before - 1] == b',' {
        return TextRange::new((before - 1) as u32, end);
    }
    TextRange::new(start, end)
}
