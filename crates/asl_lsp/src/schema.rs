//! Field names and their documentation, read from the bundled ASL JSON Schema
//! (`schemas/asl.schema.json`). A missing or malformed part of the schema only means fewer
//! completions and hovers.

use std::sync::OnceLock;

use asl_semantic::model::{Model, QueryLanguage, ScopeKind};
use serde_json::Value;

use crate::cursor::ObjectKind;

fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| serde_json::from_str(asl_linter::ASL_SCHEMA).unwrap_or(Value::Null))
}

/// The schema object describing one kind of ASL object.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Def {
    Root,
    Named(&'static str),
}

impl Def {
    fn node(self) -> Option<&'static Value> {
        match self {
            Def::Root => Some(schema()),
            Def::Named(name) => schema().get("$defs")?.get(name),
        }
    }

    /// Field names with their descriptions, in schema order.
    pub(crate) fn fields(self) -> Vec<(&'static str, Option<&'static str>)> {
        let Some(properties) = self
            .node()
            .and_then(|node| node.get("properties"))
            .and_then(Value::as_object)
        else {
            return Vec::new();
        };
        properties
            .iter()
            .map(|(name, property)| (name.as_str(), describe(property)))
            .collect()
    }

    pub(crate) fn field_description(self, field: &str) -> Option<&'static str> {
        describe(self.node()?.get("properties")?.get(field)?)
    }
}

/// A property's description, or that of the definition it refers to.
fn describe(property: &'static Value) -> Option<&'static str> {
    if let Some(description) = property.get("description").and_then(Value::as_str) {
        return Some(description);
    }
    let reference = property
        .get("$ref")
        .or_else(|| property.get("items")?.get("$ref"))?
        .as_str()?;
    let name = reference.strip_prefix("#/$defs/")?;
    schema().get("$defs")?.get(name)?.get("description")?.as_str()
}

/// The schema definition for an object of this kind.
pub(crate) fn def_for(model: &Model<'_>, kind: ObjectKind) -> Option<Def> {
    let lang = |language: QueryLanguage| match language {
        QueryLanguage::JsonPath => "jsonpath",
        QueryLanguage::Jsonata => "jsonata",
    };
    let named = |prefix: &str, suffix: &str| -> Option<Def> {
        let name = format!("{prefix}{suffix}");
        let key = schema().get("$defs")?.as_object()?.keys().find(|key| **key == name)?;
        Some(Def::Named(key.as_str()))
    };
    match kind {
        ObjectKind::Machine(scope) => match model.scope(scope).kind {
            ScopeKind::Root => Some(Def::Root),
            ScopeKind::Branch { .. } => named("branch", ""),
            ScopeKind::ItemProcessor {
                deprecated_iterator: false,
                ..
            } => named("itemProcessor", ""),
            ScopeKind::ItemProcessor {
                deprecated_iterator: true,
                ..
            } => named("iterator", ""),
        },
        ObjectKind::State(id) => {
            let state = model.state(id);
            named(
                lang(state.effective_query_language),
                state.kind.type_name().unwrap_or("Pass"),
            )
        }
        ObjectKind::Retrier(_) => named("retrier", ""),
        ObjectKind::Catcher(id) => named(lang(model.state(id).effective_query_language), "Catcher"),
        ObjectKind::ChoiceRule(id) => named(lang(model.state(id).effective_query_language), "ChoiceRule"),
        ObjectKind::NestedChoiceRule(_) => named("jsonpathNestedChoiceRule", ""),
        ObjectKind::States(_) | ObjectKind::Other => None,
    }
}

/// The `Type` values with their one-line meaning.
pub(crate) const STATE_TYPES: &[(&str, &str)] = &[
    (
        "Task",
        "Runs work: a Lambda function, an activity or an AWS service integration.",
    ),
    ("Pass", "Passes its input to its output, optionally injecting data."),
    ("Choice", "Branches on conditions over the input."),
    ("Wait", "Delays for a time or until a timestamp."),
    ("Succeed", "Stops the execution (or branch) successfully."),
    ("Fail", "Stops the execution with an error and a cause."),
    ("Parallel", "Runs branches in parallel."),
    ("Map", "Runs a processor for each item of an array or a data set."),
];
