//! Every object of a definition that has a fixed set of fields (machines, states, retriers,
//! catchers, Choice rules, the Map sub-objects), with its [`ObjectType`] in the vocabulary, the
//! query language its fields follow and how messages name it.
//!
//! The structure rules walk [`sites`] and read each member's field in the vocabulary
//! ([`Site::fields`], looked up once), so "unknown field", "field of the other query language"
//! and "wrong type" agree on one table.

use std::fmt;

use asl_semantic::model::{ChoiceRule, Model, QueryLanguage, State, StateKind};
use asl_semantic::vocabulary::{Field, ObjectType, StateType};
use asl_syntax::{Member, Node, Value};

use crate::helpers::expressions::{push_index, push_key};
use crate::helpers::messages::scope_description;

/// The names of the fields an object of `kind` allows in `language` (for "did you mean").
pub(crate) fn field_names(kind: ObjectType, language: QueryLanguage) -> Vec<&'static str> {
    kind.fields(language).map(|field| field.name).collect()
}

/// An object of the definition with a fixed set of fields.
pub(crate) struct Site<'a> {
    pub(crate) kind: ObjectType,
    pub(crate) node: &'a Node,
    pub(crate) members: &'a [Member],
    /// The vocabulary's field for each member, in order; `None` for a field the object never
    /// has.
    fields: Vec<Option<&'static Field>>,
    /// The query language its fields follow (its state's effective language).
    pub(crate) language: QueryLanguage,
    /// How messages name it: `Task state "Fetch"`, `Retry[0] of state "Fetch"`, ….
    pub(crate) description: SiteName<'a>,
    /// The state it belongs to (for a state site, itself); `None` for machine objects.
    pub(crate) state: Option<&'a State<'a>>,
}

/// How messages name a site. The common sites (states, retriers, catchers) are named only
/// when a finding is made, as most are never named.
#[derive(Clone)]
pub(crate) enum SiteName<'a> {
    /// `Task state "Fetch"`.
    State { type_name: &'static str, name: &'a str },
    /// `Retry[0] of state "Fetch"`.
    Retrier { index: usize, state: &'a str },
    /// `Catch[0] of state "Fetch"`.
    Catcher { index: usize, state: &'a str },
    /// `Choices[0].And[1] of state "Route"`.
    ChoiceRule { path: String, state: &'a str },
    /// Any other site, named as it is found.
    Text(String),
}

impl fmt::Display for SiteName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SiteName::State { type_name, name } => write!(f, "{type_name} state \"{name}\""),
            SiteName::Retrier { index, state } => write!(f, "Retry[{index}] of state \"{state}\""),
            SiteName::Catcher { index, state } => write!(f, "Catch[{index}] of state \"{state}\""),
            SiteName::ChoiceRule { path, state } => write!(f, "{path} of state \"{state}\""),
            SiteName::Text(text) => f.write_str(text),
        }
    }
}

/// Every site of the definition: machine objects, states of a known type and their
/// sub-objects. Objects of the wrong JSON type are left out (`wrong-field-type` reports them).
pub(crate) fn sites<'a>(model: &'a Model<'a>) -> Vec<Site<'a>> {
    let mut sites = Vec::with_capacity(model.scopes.len() + model.states.len());
    for scope in &model.scopes {
        let Some(members) = scope.node.as_object() else {
            continue;
        };
        let kind = scope.object_type();
        let language = model.scope_query_language(scope);
        let description = scope_description(model, scope);
        sites.push(Site {
            kind,
            node: scope.node,
            members,
            fields: fields_of(kind, members),
            language,
            description: SiteName::Text(description.clone()),
            state: None,
        });
        if kind.field("ProcessorConfig").is_some()
            && let Some(config) = scope.processor_config.as_ref()
        {
            push_object(
                &mut sites,
                ObjectType::ProcessorConfig,
                config.node(),
                language,
                SiteName::Text(format!("\"ProcessorConfig\" of {description}")),
                scope.parent().map(|id| model.state(id)),
            );
        }
    }
    for state in &model.states {
        let Some(state_type) = state.kind.state_type() else {
            continue;
        };
        let type_name = state_type.name();
        let Some(members) = state.node.as_object() else {
            continue;
        };
        let language = state.effective_query_language;
        let name = state.name;
        let kind = ObjectType::State(state_type);
        sites.push(Site {
            kind,
            node: state.node,
            members,
            fields: fields_of(kind, members),
            language,
            description: SiteName::State { type_name, name },
            state: Some(state),
        });
        for (index, retrier) in state.retriers().iter().enumerate() {
            push_object(
                &mut sites,
                ObjectType::Retrier,
                retrier.node,
                language,
                SiteName::Retrier { index, state: name },
                Some(state),
            );
        }
        for (index, catcher) in state.catchers().iter().enumerate() {
            push_object(
                &mut sites,
                ObjectType::Catcher,
                catcher.node,
                language,
                SiteName::Catcher { index, state: name },
                Some(state),
            );
        }
        if let Some(credentials) = state
            .node
            .member("Credentials")
            .filter(|_| state_type == StateType::Task)
        {
            push_object(
                &mut sites,
                ObjectType::Credentials,
                &credentials.value,
                language,
                SiteName::Text(format!("\"Credentials\" of state \"{name}\"")),
                Some(state),
            );
        }
        match &state.kind {
            StateKind::Choice(choice) => {
                for (index, rule) in choice.rules().iter().enumerate() {
                    let mut path = String::from("Choices");
                    push_index(&mut path, index);
                    push_choice_rule(&mut sites, rule, true, path, state);
                }
            }
            StateKind::Map(_) => push_map_objects(&mut sites, state),
            _ => {}
        }
    }
    sites
}

impl<'a> Site<'a> {
    /// Each member with its field in the vocabulary (`None` for a field the object never has).
    pub(crate) fn fields(&self) -> impl Iterator<Item = (&'a Member, Option<&'static Field>)> + '_ {
        self.members.iter().zip(self.fields.iter().copied())
    }

    /// Whether the member at `index` is the first of its key (what [`Node::member`] finds).
    pub(crate) fn is_first_of_its_key(&self, index: usize) -> bool {
        let key = &self.members[index].key.text;
        !self.members[..index].iter().any(|member| member.key.text == key)
    }
}

fn fields_of(kind: ObjectType, members: &[Member]) -> Vec<Option<&'static Field>> {
    members.iter().map(|member| kind.field(&member.key.text)).collect()
}

fn push_object<'a>(
    sites: &mut Vec<Site<'a>>,
    kind: ObjectType,
    node: &'a Node,
    language: QueryLanguage,
    description: SiteName<'a>,
    state: Option<&'a State<'a>>,
) {
    if let Value::Object(members) = &node.value {
        sites.push(Site {
            kind,
            node,
            members,
            fields: fields_of(kind, members),
            language,
            description,
            state,
        });
    }
}

fn push_choice_rule<'a>(
    sites: &mut Vec<Site<'a>>,
    rule: &'a ChoiceRule<'a>,
    top: bool,
    path: String,
    state: &'a State<'a>,
) {
    let kind = if top {
        ObjectType::ChoiceRule
    } else {
        ObjectType::NestedChoiceRule
    };
    push_object(
        sites,
        kind,
        rule.node,
        state.effective_query_language,
        SiteName::ChoiceRule {
            path: path.clone(),
            state: state.name,
        },
        Some(state),
    );
    let lists = [("And", &rule.and), ("Or", &rule.or)];
    for (key, list) in lists {
        let nested = list.as_ref().and_then(|f| f.value.as_deref()).unwrap_or(&[]);
        for (index, nested_rule) in nested.iter().enumerate() {
            let mut nested_path = path.clone();
            push_key(&mut nested_path, key);
            push_index(&mut nested_path, index);
            push_choice_rule(sites, nested_rule, false, nested_path, state);
        }
    }
    if let Some(not) = rule.not.as_ref().and_then(|f| f.value.as_deref()) {
        let mut nested_path = path;
        push_key(&mut nested_path, "Not");
        push_choice_rule(sites, not, false, nested_path, state);
    }
}

fn push_map_objects<'a>(sites: &mut Vec<Site<'a>>, state: &'a State<'a>) {
    let language = state.effective_query_language;
    let name = state.name;
    let node = state.node;
    let push = |sites: &mut Vec<Site<'a>>, kind, parent: &'a Node, key: &str, owner: &str| {
        if let Some(member) = parent.member(key) {
            push_object(
                sites,
                kind,
                &member.value,
                language,
                SiteName::Text(format!("\"{key}\" of {owner}Map state \"{name}\"")),
                Some(state),
            );
            Some(&member.value)
        } else {
            None
        }
    };
    if let Some(reader) = push(sites, ObjectType::ItemReader, node, "ItemReader", "") {
        push(
            sites,
            ObjectType::ReaderConfig,
            reader,
            "ReaderConfig",
            "the ItemReader of ",
        );
    }
    push(sites, ObjectType::ItemBatcher, node, "ItemBatcher", "");
    if let Some(writer) = push(sites, ObjectType::ResultWriter, node, "ResultWriter", "") {
        push(
            sites,
            ObjectType::WriterConfig,
            writer,
            "WriterConfig",
            "the ResultWriter of ",
        );
    }
}

/// How a message explains a state's query language: `JSONata (set by the state machine's
/// "QueryLanguage")`, ….
pub(crate) fn language_origin(site: &Site<'_>, model: &Model<'_>) -> String {
    let language = site.language.name();
    let own = site
        .state
        .and_then(|state| state.query_language.as_ref())
        .and_then(|f| f.value);
    if own.is_some() {
        format!("{language} (set by its \"QueryLanguage\")")
    } else if model.query_language == QueryLanguage::Jsonata {
        format!("{language} (set by the state machine's \"QueryLanguage\")")
    } else {
        format!("{language} (the default query language)")
    }
}
