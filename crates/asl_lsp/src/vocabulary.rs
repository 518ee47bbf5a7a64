//! Which object of the vocabulary a container of the document is, for field completion and
//! hover: the fields and their docs come from `asl_semantic::vocabulary`.

use asl_semantic::model::{Model, QueryLanguage};
use asl_semantic::vocabulary::{ObjectType, StateType};

use crate::cursor::ObjectKind;

/// The vocabulary object a container is, and the query language its fields follow.
pub(crate) fn object_type(model: &Model<'_>, kind: ObjectKind) -> Option<(ObjectType, QueryLanguage)> {
    let language_of = |state| model.state(state).effective_query_language;
    Some(match kind {
        ObjectKind::Machine(id) => {
            let scope = model.scope(id);
            (scope.object_type(), model.scope_query_language(scope))
        }
        // A state without a known type is offered the fields of a Pass state, which most share.
        ObjectKind::State(id) => (
            ObjectType::State(model.state(id).kind.state_type().unwrap_or(StateType::Pass)),
            language_of(id),
        ),
        ObjectKind::Retrier(id) => (ObjectType::Retrier, language_of(id)),
        ObjectKind::Catcher(id) => (ObjectType::Catcher, language_of(id)),
        ObjectKind::ChoiceRule(id) => (ObjectType::ChoiceRule, language_of(id)),
        ObjectKind::NestedChoiceRule(id) => (ObjectType::NestedChoiceRule, language_of(id)),
        ObjectKind::States(_) | ObjectKind::Other => return None,
    })
}
