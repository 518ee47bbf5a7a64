use std::collections::HashMap;

use asl_diagnostics::{Applicability, Diagnostic, Fix};
use asl_semantic::model::{Field, Model, ScopeId, ScopeKind, StateId, TransitionKind};
use asl_syntax::TextRange;
use rustc_hash::FxHashMap;

use crate::Findings;
use crate::helpers::messages::scope_description;
use crate::helpers::messages::{json_string, quoted_list};
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};
use asl_semantic::suggest::{NameIndex, Suggestion, SuggestionBudget};

declare_rule! {
    /// ## What it does
    /// Reports a `StartAt`, `Next`, `Default`, `Choices[].Next` or `Catch[].Next` that names
    /// no state of its own `States` object.
    ///
    /// ## Why is this bad?
    /// AWS rejects the definition. Names are case-sensitive, and a state inside a Parallel
    /// branch or a Map item processor can only move to states of the same branch or
    /// processor: leaving it is done by ending the branch and letting the Parallel or Map
    /// state move on.
    ///
    /// Evidence: AWS returns "MISSING_TRANSITION_TARGET: Missing 'Next' target: pass3 at
    /// /States/pass1/Next" (localstack/localstack#11978), also for `StartAt` ("… at /StartAt",
    /// aws-cloudformation/cfn-lint#4074).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Charge",
    ///   "States": {
    ///     "Charge": {"Type": "Pass", "Next": "Notfy"},
    ///     "Notify": {"Type": "Succeed"}
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Charge",
    ///   "States": {
    ///     "Charge": {"Type": "Pass", "Next": "Notify"},
    ///     "Notify": {"Type": "Succeed"}
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix
    /// When one state of the scope has a close name, a fix replaces the target with it. It
    /// is offered as unsafe: the closest name is not always the intended one.
    pub(crate) struct UnknownTransitionTarget {
        code: "ASL201",
        name: "unknown-transition-target",
        category: Flow,
        severity: Error,
        fix: Sometimes,
    }
}

impl Rule for UnknownTransitionTarget {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        let model = ctx.model;
        let mut names = Names::new();
        for scope in &model.scopes {
            if let Some(Field {
                member,
                value: Some(name),
            }) = &scope.start_at
                && model.find_state(scope.id, name).is_none()
            {
                let field = format!("\"StartAt\" of {}", scope_description(model, scope));
                out.push(self.report(model, &mut names, scope.id, &field, name, member.value.range));
            }
        }
        for state in &model.states {
            for transition in model.transitions(state.id) {
                if transition.resolved.is_some() {
                    continue;
                }
                let field = match transition.kind {
                    TransitionKind::Next => "\"Next\"".to_owned(),
                    TransitionKind::Default => "\"Default\"".to_owned(),
                    TransitionKind::Choice(index) => format!("\"Choices[{index}].Next\""),
                    TransitionKind::Catch(index) => format!("\"Catch[{index}].Next\""),
                };
                let field = format!("{field} of state \"{}\"", state.name);
                out.push(self.report(
                    model,
                    &mut names,
                    state.scope,
                    &field,
                    transition.target,
                    transition.target_range,
                ));
            }
        }
    }
}

impl UnknownTransitionTarget {
    fn report<'a>(
        &self,
        model: &Model<'a>,
        names: &mut Names<'a>,
        scope: ScopeId,
        field: &str,
        target: &str,
        range: TextRange,
    ) -> Diagnostic {
        let here = scope_description(model, model.scope(scope));
        let diagnostic = self.meta().diagnostic(
            range,
            format!("{field} names \"{target}\", which is not a state of {here}"),
        );
        if let Some(elsewhere) = names.first_anywhere(model, target).map(|id| model.state(id)) {
            let owner = model.scope(elsewhere.scope);
            let reason = match model.scope(scope).kind {
                ScopeKind::Root => {
                    "a state can only move to states of its own \"States\" object, not into a Parallel branch or a Map item processor"
                }
                ScopeKind::Branch { .. } => {
                    "a state inside a Parallel branch can only move to states of the same branch"
                }
                ScopeKind::ItemProcessor { .. } => {
                    "a state inside a Map item processor can only move to states of the same processor"
                }
            };
            let where_it_is = match owner.kind {
                ScopeKind::Root => "the outer machine".to_owned(),
                _ => scope_description(model, owner),
            };
            let diagnostic = diagnostic
                .with_label(
                    elsewhere.name_range,
                    format!("\"{target}\" is defined here, in {where_it_is}"),
                )
                .with_note(format!("\"{target}\" is a state of {where_it_is}; {reason}"));
            return match containing_state_in(model, scope, elsewhere.scope) {
                Some(container) => diagnostic.with_help(format!(
                    "end {here} instead (\"End\": true) and move to \"{target}\" from the \"Next\" of \"{container}\", which contains it"
                )),
                None => match containing_state_in(model, elsewhere.scope, scope) {
                    Some(container) => diagnostic.with_help(format!("move to \"{container}\", which contains it, instead")),
                    None => diagnostic.with_help(format!("name a state of {here}")),
                },
            };
        }
        let (suggestion, listed) = names.closest(model, scope, target);
        match suggestion {
            Suggestion::Found(suggestion) => diagnostic
                .with_help(format!("did you mean \"{suggestion}\"?"))
                .with_fix(Fix::replace(
                    format!("Replace with \"{suggestion}\""),
                    Applicability::Unsafe,
                    range,
                    json_string(suggestion),
                )),
            _ if model.scope(scope).states.is_empty() => {
                diagnostic.with_help(format!("add a state named \"{target}\" to {here}"))
            }
            answer => {
                let diagnostic = diagnostic.with_help(format!("name one of: {listed}"));
                if answer == Suggestion::Skipped {
                    diagnostic.with_suggestion_skipped()
                } else {
                    diagnostic
                }
            }
        }
    }
}

/// The state names the rule looks targets up in, indexed when the first target is reported:
/// the first state of each name in the whole machine, and each scope's names, indexed for
/// suggestions and listed.
struct Names<'a> {
    first_anywhere: Option<FxHashMap<&'a str, StateId>>,
    by_scope: HashMap<ScopeId, (NameIndex<'a>, String)>,
    budget: SuggestionBudget,
}

impl<'a> Names<'a> {
    fn new() -> Self {
        Names {
            first_anywhere: None,
            by_scope: HashMap::new(),
            budget: SuggestionBudget::per_file(),
        }
    }

    /// The first state named `name` in the whole machine, whatever its scope.
    fn first_anywhere(&mut self, model: &Model<'a>, name: &str) -> Option<StateId> {
        let index = self.first_anywhere.get_or_insert_with(|| {
            let mut index = FxHashMap::with_capacity_and_hasher(model.states.len(), Default::default());
            for state in &model.states {
                index.entry(state.name).or_insert(state.id);
            }
            index
        });
        index.get(name).copied()
    }

    /// The closest name of the scope, and the scope's names as a short list.
    fn closest(&mut self, model: &Model<'a>, scope: ScopeId, target: &str) -> (Suggestion<'a>, &str) {
        let (index, listed) = self.by_scope.entry(scope).or_insert_with(|| {
            let names: Vec<&str> = model.states_in(scope).map(|state| state.name).collect();
            (NameIndex::new(names.iter().copied()), quoted_list(&names))
        });
        (index.closest(target, &mut self.budget), listed)
    }
}

/// The state of `outer` that (directly or not) contains `inner`, when `outer` encloses it.
fn containing_state_in<'a>(model: &Model<'a>, inner: ScopeId, outer: ScopeId) -> Option<&'a str> {
    let mut scope = inner;
    while let Some(parent) = model.scope(scope).parent() {
        let parent_state = model.state(parent);
        if parent_state.scope == outer {
            return Some(parent_state.name);
        }
        scope = parent_state.scope;
    }
    None
}
