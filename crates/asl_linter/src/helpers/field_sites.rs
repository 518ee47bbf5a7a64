//! What the structure rules know about the language: every object of a definition that has
//! a fixed set of fields (machines, states, retriers, catchers, Choice rules, the Map
//! sub-objects), which fields each allows per query language, and the JSON type of each.
//!
//! The rules walk [`sites`] and look fields up with [`FieldSpec::find`], so "unknown field",
//! "field of the other query language" and "wrong type" agree on one table.

use asl_semantic::model::{ChoiceRule, Model, QueryLanguage, ScopeKind, State, StateKind};
use asl_syntax::{Member, Node, Value};

use crate::helpers::messages::scope_description;
use crate::helpers::values::{is_cloudformation_intrinsic, is_integer, is_jsonata};

/// The query languages a field is allowed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lang {
    Both,
    JsonPath,
    Jsonata,
}

impl Lang {
    pub(crate) fn allows(self, language: QueryLanguage) -> bool {
        match self {
            Lang::Both => true,
            Lang::JsonPath => language == QueryLanguage::JsonPath,
            Lang::Jsonata => language == QueryLanguage::Jsonata,
        }
    }
}

/// The JSON type a field's value must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Any,
    Str,
    Bool,
    Obj,
    /// A path string or null.
    NullablePath,
    /// An integer; in a JSONata state also a JSONata string.
    Int,
    /// An integer literal only (Retrier fields are not JSONata-capable).
    IntLiteral,
    /// A number; in a JSONata state also a JSONata string.
    Num,
    /// A number literal only.
    NumLiteral,
    /// A boolean; in a JSONata state also a JSONata string (`Condition`).
    BoolOrJsonata,
    /// An object; in a JSONata state any value (`ItemSelector`, `Credentials`).
    ObjInJsonPath,
    /// An array of strings.
    StrArray,
    /// An array of objects.
    ObjArray,
}

impl Kind {
    /// Whether `node` has this type in a state of `language`.
    pub(crate) fn accepts(self, node: &Node, language: QueryLanguage) -> bool {
        let jsonata = language == QueryLanguage::Jsonata && node.as_str().is_some_and(is_jsonata);
        match self {
            Kind::Any => true,
            Kind::Str => node.as_str().is_some() || is_cloudformation_intrinsic(node),
            Kind::Bool => node.as_bool().is_some(),
            Kind::Obj => node.as_object().is_some(),
            Kind::NullablePath => node.as_str().is_some() || node.is_null(),
            Kind::Int => jsonata || is_integer(node),
            Kind::IntLiteral => is_integer(node),
            Kind::Num => jsonata || node.as_number().is_some(),
            Kind::NumLiteral => node.as_number().is_some(),
            Kind::BoolOrJsonata => jsonata || node.as_bool().is_some(),
            Kind::ObjInJsonPath => language == QueryLanguage::Jsonata || node.as_object().is_some(),
            Kind::StrArray => node
                .as_array()
                .is_some_and(|items| items.iter().all(|item| item.as_str().is_some())),
            Kind::ObjArray => node
                .as_array()
                .is_some_and(|items| items.iter().all(|item| item.as_object().is_some())),
        }
    }

    /// "an integer", … for messages.
    pub(crate) fn describe(self, language: QueryLanguage) -> &'static str {
        let jsonata = language == QueryLanguage::Jsonata;
        match self {
            Kind::Any => "any value",
            Kind::Str => "a string",
            Kind::Bool => "a boolean",
            Kind::Obj => "an object",
            Kind::NullablePath => "a path string or null",
            Kind::Int if jsonata => "an integer or a JSONata expression \"{% … %}\"",
            Kind::Int | Kind::IntLiteral => "an integer",
            Kind::Num if jsonata => "a number or a JSONata expression \"{% … %}\"",
            Kind::Num | Kind::NumLiteral => "a number",
            Kind::BoolOrJsonata if jsonata => "a boolean or a JSONata expression \"{% … %}\"",
            Kind::BoolOrJsonata => "a boolean",
            Kind::ObjInJsonPath => "an object",
            Kind::StrArray => "an array of strings",
            Kind::ObjArray => "an array of objects",
        }
    }
}

/// One allowed field of an object.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FieldSpec {
    pub(crate) name: &'static str,
    pub(crate) lang: Lang,
    pub(crate) kind: Kind,
    /// For state fields: the state types allowing it (see the `T_*` masks); else `ALL`.
    types: u8,
}

const T_TASK: u8 = 1;
const T_PASS: u8 = 2;
const T_WAIT: u8 = 4;
const T_SUCCEED: u8 = 8;
const T_FAIL: u8 = 16;
const T_CHOICE: u8 = 32;
const T_PARALLEL: u8 = 64;
const T_MAP: u8 = 128;
const ALL: u8 = u8::MAX;
const WORKERS: u8 = T_TASK | T_PARALLEL | T_MAP;

const fn f(name: &'static str, types: u8, lang: Lang, kind: Kind) -> FieldSpec {
    FieldSpec {
        name,
        lang,
        kind,
        types,
    }
}

use Kind as K;
use Lang as L;

/// Every field of every state type (SPEC "Table of State Types and Fields", asl-facts §2d).
/// `Next`/`End` are listed for every type: the `next-or-end` rule reports them where forbidden.
const STATE_FIELDS: &[FieldSpec] = &[
    f("Type", ALL, L::Both, K::Str),
    f("Comment", ALL, L::Both, K::Str),
    f("QueryLanguage", ALL, L::Both, K::Str),
    f("Next", ALL, L::Both, K::Str),
    f("End", ALL, L::Both, K::Bool),
    f("InputPath", ALL & !T_FAIL, L::JsonPath, K::NullablePath),
    f("OutputPath", ALL & !T_FAIL, L::JsonPath, K::NullablePath),
    f("Parameters", WORKERS | T_PASS, L::JsonPath, K::Any),
    f("ResultSelector", WORKERS, L::JsonPath, K::Obj),
    f("ResultPath", WORKERS | T_PASS, L::JsonPath, K::NullablePath),
    f("Result", T_PASS, L::JsonPath, K::Any),
    f("Arguments", T_TASK | T_PARALLEL, L::Jsonata, K::Any),
    f("Output", ALL & !T_FAIL, L::Jsonata, K::Any),
    f("Assign", ALL & !(T_SUCCEED | T_FAIL), L::Both, K::Obj),
    f("Retry", WORKERS, L::Both, K::ObjArray),
    f("Catch", WORKERS, L::Both, K::ObjArray),
    f("Resource", T_TASK, L::Both, K::Str),
    f("Resource.$", T_TASK, L::JsonPath, K::Str),
    f("TimeoutSeconds", T_TASK, L::Both, K::Int),
    f("TimeoutSecondsPath", T_TASK, L::JsonPath, K::Str),
    f("HeartbeatSeconds", T_TASK, L::Both, K::Int),
    f("HeartbeatSecondsPath", T_TASK, L::JsonPath, K::Str),
    f("Credentials", T_TASK, L::Both, K::ObjInJsonPath),
    f("Branches", T_PARALLEL, L::Both, K::ObjArray),
    f("ItemProcessor", T_MAP, L::Both, K::Obj),
    f("Iterator", T_MAP, L::Both, K::Obj),
    f("Items", T_MAP, L::Jsonata, K::Any),
    f("ItemsPath", T_MAP, L::JsonPath, K::Str),
    f("ItemSelector", T_MAP, L::Both, K::ObjInJsonPath),
    f("MaxConcurrency", T_MAP, L::Both, K::Int),
    f("MaxConcurrencyPath", T_MAP, L::JsonPath, K::Str),
    f("ToleratedFailurePercentage", T_MAP, L::Both, K::Num),
    f("ToleratedFailurePercentagePath", T_MAP, L::JsonPath, K::Str),
    f("ToleratedFailureCount", T_MAP, L::Both, K::Int),
    f("ToleratedFailureCountPath", T_MAP, L::JsonPath, K::Str),
    f("ItemReader", T_MAP, L::Both, K::Obj),
    f("ItemBatcher", T_MAP, L::Both, K::Obj),
    f("ResultWriter", T_MAP, L::Both, K::Obj),
    f("Label", T_MAP, L::Both, K::Str),
    f("Seconds", T_WAIT, L::Both, K::Int),
    f("SecondsPath", T_WAIT, L::JsonPath, K::Str),
    f("Timestamp", T_WAIT, L::Both, K::Str),
    f("TimestampPath", T_WAIT, L::JsonPath, K::Str),
    f("Choices", T_CHOICE, L::Both, K::ObjArray),
    f("Default", T_CHOICE, L::Both, K::Str),
    f("Error", T_FAIL, L::Both, K::Str),
    f("ErrorPath", T_FAIL, L::JsonPath, K::Str),
    f("Cause", T_FAIL, L::Both, K::Str),
    f("CausePath", T_FAIL, L::JsonPath, K::Str),
];

const ROOT_FIELDS: &[FieldSpec] = &[
    f("Comment", ALL, L::Both, K::Str),
    f("StartAt", ALL, L::Both, K::Str),
    f("States", ALL, L::Both, K::Obj),
    f("TimeoutSeconds", ALL, L::Both, K::IntLiteral),
    f("Version", ALL, L::Both, K::Str),
    f("QueryLanguage", ALL, L::Both, K::Str),
];

const BRANCH_FIELDS: &[FieldSpec] = &[
    f("Comment", ALL, L::Both, K::Str),
    f("StartAt", ALL, L::Both, K::Str),
    f("States", ALL, L::Both, K::Obj),
    f("QueryLanguage", ALL, L::Both, K::Str),
];

const PROCESSOR_FIELDS: &[FieldSpec] = &[
    f("Comment", ALL, L::Both, K::Str),
    f("StartAt", ALL, L::Both, K::Str),
    f("States", ALL, L::Both, K::Obj),
    f("QueryLanguage", ALL, L::Both, K::Str),
    f("ProcessorConfig", ALL, L::Both, K::Obj),
];

const RETRIER_FIELDS: &[FieldSpec] = &[
    f("ErrorEquals", ALL, L::Both, K::StrArray),
    f("IntervalSeconds", ALL, L::Both, K::IntLiteral),
    f("MaxAttempts", ALL, L::Both, K::IntLiteral),
    f("BackoffRate", ALL, L::Both, K::NumLiteral),
    f("MaxDelaySeconds", ALL, L::Both, K::IntLiteral),
    f("JitterStrategy", ALL, L::Both, K::Str),
    f("Comment", ALL, L::Both, K::Str),
];

const CATCHER_FIELDS: &[FieldSpec] = &[
    f("ErrorEquals", ALL, L::Both, K::StrArray),
    f("Next", ALL, L::Both, K::Str),
    f("ResultPath", ALL, L::JsonPath, K::NullablePath),
    f("Output", ALL, L::Jsonata, K::Any),
    f("Assign", ALL, L::Both, K::Obj),
    f("Comment", ALL, L::Both, K::Str),
];

/// Choice rule fields other than the comparison operators (see [`FieldSpec::find`]).
const CHOICE_RULE_FIELDS: &[FieldSpec] = &[
    f("Variable", ALL, L::JsonPath, K::Str),
    f("And", ALL, L::JsonPath, K::ObjArray),
    f("Or", ALL, L::JsonPath, K::ObjArray),
    f("Not", ALL, L::JsonPath, K::Obj),
    f("Condition", ALL, L::Jsonata, K::BoolOrJsonata),
    f("Next", ALL, L::Both, K::Str),
    f("Assign", ALL, L::Both, K::Obj),
    f("Output", ALL, L::Jsonata, K::Any),
    f("Comment", ALL, L::Both, K::Str),
];

/// The type of a comparison operator's value is checked by `choice-operand-type`.
const OPERATOR_SPEC: FieldSpec = f("", ALL, L::JsonPath, K::Any);

const PROCESSOR_CONFIG_FIELDS: &[FieldSpec] = &[
    f("Mode", ALL, L::Both, K::Str),
    f("ExecutionType", ALL, L::Both, K::Str),
];

const ITEM_READER_FIELDS: &[FieldSpec] = &[
    f("Resource", ALL, L::Both, K::Str),
    f("Parameters", ALL, L::JsonPath, K::Any),
    f("Arguments", ALL, L::Jsonata, K::Any),
    f("ReaderConfig", ALL, L::Both, K::Obj),
];

const READER_CONFIG_FIELDS: &[FieldSpec] = &[
    f("InputType", ALL, L::Both, K::Str),
    f("Transformation", ALL, L::Both, K::Str),
    f("ManifestType", ALL, L::Both, K::Str),
    f("CSVHeaderLocation", ALL, L::Both, K::Str),
    f("CSVHeaders", ALL, L::Both, K::StrArray),
    f("CSVDelimiter", ALL, L::Both, K::Str),
    f("ItemsPointer", ALL, L::Both, K::Str),
    f("MaxItems", ALL, L::Both, K::Int),
    f("MaxItemsPath", ALL, L::JsonPath, K::Str),
];

const ITEM_BATCHER_FIELDS: &[FieldSpec] = &[
    f("MaxItemsPerBatch", ALL, L::Both, K::Int),
    f("MaxItemsPerBatchPath", ALL, L::JsonPath, K::Str),
    f("MaxInputBytesPerBatch", ALL, L::Both, K::Int),
    f("MaxInputBytesPerBatchPath", ALL, L::JsonPath, K::Str),
    f("BatchInput", ALL, L::Both, K::Any),
];

const RESULT_WRITER_FIELDS: &[FieldSpec] = &[
    f("Resource", ALL, L::Both, K::Str),
    f("Parameters", ALL, L::JsonPath, K::Any),
    f("Arguments", ALL, L::Jsonata, K::Any),
    f("WriterConfig", ALL, L::Both, K::Obj),
];

const WRITER_CONFIG_FIELDS: &[FieldSpec] = &[
    f("OutputType", ALL, L::Both, K::Str),
    f("Transformation", ALL, L::Both, K::Str),
];

/// Credentials may carry fields other than `RoleArn` (the spec leaves them open).
const CREDENTIALS_FIELDS: &[FieldSpec] = &[
    f("RoleArn", ALL, L::Both, K::Str),
    f("RoleArn.$", ALL, L::JsonPath, K::Str),
];

/// What kind of object a site is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SiteKind {
    Root,
    Branch,
    ItemProcessor,
    Iterator,
    /// A state of a known type (`type_name` of its [`StateKind`]).
    State(&'static str),
    Retrier,
    Catcher,
    /// A Choice rule; `top` when it is an element of `Choices`.
    ChoiceRule {
        top: bool,
    },
    ProcessorConfig,
    ItemReader,
    ReaderConfig,
    ItemBatcher,
    ResultWriter,
    WriterConfig,
    Credentials,
}

impl SiteKind {
    fn table(self) -> &'static [FieldSpec] {
        match self {
            SiteKind::Root => ROOT_FIELDS,
            SiteKind::Branch => BRANCH_FIELDS,
            // The deprecated `Iterator` takes what an `ItemProcessor` takes (AWS accepts its `ProcessorConfig`).
            SiteKind::ItemProcessor | SiteKind::Iterator => PROCESSOR_FIELDS,
            SiteKind::State(_) => STATE_FIELDS,
            SiteKind::Retrier => RETRIER_FIELDS,
            SiteKind::Catcher => CATCHER_FIELDS,
            SiteKind::ChoiceRule { .. } => CHOICE_RULE_FIELDS,
            SiteKind::ProcessorConfig => PROCESSOR_CONFIG_FIELDS,
            SiteKind::ItemReader => ITEM_READER_FIELDS,
            SiteKind::ReaderConfig => READER_CONFIG_FIELDS,
            SiteKind::ItemBatcher => ITEM_BATCHER_FIELDS,
            SiteKind::ResultWriter => RESULT_WRITER_FIELDS,
            SiteKind::WriterConfig => WRITER_CONFIG_FIELDS,
            SiteKind::Credentials => CREDENTIALS_FIELDS,
        }
    }

    fn type_mask(self) -> u8 {
        match self {
            SiteKind::State(name) => match name {
                "Task" => T_TASK,
                "Pass" => T_PASS,
                "Wait" => T_WAIT,
                "Succeed" => T_SUCCEED,
                "Fail" => T_FAIL,
                "Choice" => T_CHOICE,
                "Parallel" => T_PARALLEL,
                _ => T_MAP,
            },
            _ => ALL,
        }
    }

    /// Whether fields outside the table are allowed.
    pub(crate) fn is_open(self) -> bool {
        self == SiteKind::Credentials
    }
}

impl FieldSpec {
    /// The spec of field `name` in an object of `kind`, whatever the query language;
    /// `None` when the object never allows it.
    pub(crate) fn find(kind: SiteKind, name: &str) -> Option<FieldSpec> {
        if matches!(kind, SiteKind::ChoiceRule { .. })
            && asl_semantic::model::ComparisonOperator::from_name(name).is_some()
        {
            return Some(OPERATOR_SPEC);
        }
        let mask = kind.type_mask();
        kind.table()
            .iter()
            .find(|spec| spec.name == name && spec.types & mask != 0)
            .copied()
    }

    /// The names allowed in an object of `kind` in `language` (for "did you mean").
    pub(crate) fn names(kind: SiteKind, language: QueryLanguage) -> Vec<&'static str> {
        let mask = kind.type_mask();
        let mut names: Vec<&'static str> = kind
            .table()
            .iter()
            .filter(|spec| spec.types & mask != 0 && spec.lang.allows(language))
            .map(|spec| spec.name)
            .collect();
        if matches!(kind, SiteKind::ChoiceRule { .. }) && language == QueryLanguage::JsonPath {
            names.extend(asl_semantic::model::ComparisonOperator::all().map(|operator| operator.name()));
        }
        names
    }
}

/// An object of the definition with a fixed set of fields.
pub(crate) struct Site<'a> {
    pub(crate) kind: SiteKind,
    pub(crate) node: &'a Node,
    pub(crate) members: &'a [Member],
    /// The query language its fields follow (its state's effective language).
    pub(crate) language: QueryLanguage,
    /// How messages name it: `Task state "Fetch"`, `Retry[0] of state "Fetch"`, ….
    pub(crate) description: String,
    /// The state it belongs to (for a state site, itself); `None` for machine objects.
    pub(crate) state: Option<&'a State<'a>>,
}

/// Every site of the definition: machine objects, states of a known type and their
/// sub-objects. Objects of the wrong JSON type are left out (`wrong-field-type` reports them).
pub(crate) fn sites<'a>(model: &'a Model<'a>) -> Vec<Site<'a>> {
    let mut sites = Vec::new();
    for scope in &model.scopes {
        let Some(members) = scope.node.as_object() else {
            continue;
        };
        let kind = match scope.kind {
            ScopeKind::Root => SiteKind::Root,
            ScopeKind::Branch { .. } => SiteKind::Branch,
            ScopeKind::ItemProcessor {
                deprecated_iterator: false,
                ..
            } => SiteKind::ItemProcessor,
            ScopeKind::ItemProcessor {
                deprecated_iterator: true,
                ..
            } => SiteKind::Iterator,
        };
        let language = scope.parent().map_or(model.query_language, |parent| {
            model.state(parent).effective_query_language
        });
        let description = scope_description(model, scope);
        sites.push(Site {
            kind,
            node: scope.node,
            members,
            language,
            description: description.clone(),
            state: None,
        });
        if matches!(kind, SiteKind::ItemProcessor | SiteKind::Iterator)
            && let Some(config) = scope.processor_config.as_ref()
        {
            push_object(
                &mut sites,
                SiteKind::ProcessorConfig,
                config.node(),
                language,
                format!("\"ProcessorConfig\" of {description}"),
                scope.parent().map(|id| model.state(id)),
            );
        }
    }
    for state in &model.states {
        let Some(type_name) = state.kind.type_name() else {
            continue;
        };
        let Some(members) = state.node.as_object() else {
            continue;
        };
        let language = state.effective_query_language;
        let name = state.name;
        sites.push(Site {
            kind: SiteKind::State(type_name),
            node: state.node,
            members,
            language,
            description: format!("{type_name} state \"{name}\""),
            state: Some(state),
        });
        for (index, retrier) in state.retriers().iter().enumerate() {
            push_object(
                &mut sites,
                SiteKind::Retrier,
                retrier.node,
                language,
                format!("Retry[{index}] of state \"{name}\""),
                Some(state),
            );
        }
        for (index, catcher) in state.catchers().iter().enumerate() {
            push_object(
                &mut sites,
                SiteKind::Catcher,
                catcher.node,
                language,
                format!("Catch[{index}] of state \"{name}\""),
                Some(state),
            );
        }
        if let Some(credentials) = state.node.member("Credentials").filter(|_| type_name == "Task") {
            push_object(
                &mut sites,
                SiteKind::Credentials,
                &credentials.value,
                language,
                format!("\"Credentials\" of state \"{name}\""),
                Some(state),
            );
        }
        match &state.kind {
            StateKind::Choice(choice) => {
                for (index, rule) in choice.rules().iter().enumerate() {
                    push_choice_rule(&mut sites, rule, true, format!("Choices[{index}]"), state);
                }
            }
            StateKind::Map(_) => push_map_objects(&mut sites, state),
            _ => {}
        }
    }
    sites
}

fn push_object<'a>(
    sites: &mut Vec<Site<'a>>,
    kind: SiteKind,
    node: &'a Node,
    language: QueryLanguage,
    description: String,
    state: Option<&'a State<'a>>,
) {
    if let Value::Object(members) = &node.value {
        sites.push(Site {
            kind,
            node,
            members,
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
    let description = format!("{path} of state \"{}\"", state.name);
    push_object(
        sites,
        SiteKind::ChoiceRule { top },
        rule.node,
        state.effective_query_language,
        description,
        Some(state),
    );
    let lists = [("And", &rule.and), ("Or", &rule.or)];
    for (key, list) in lists {
        let nested = list.as_ref().and_then(|f| f.value.as_deref()).unwrap_or(&[]);
        for (index, nested_rule) in nested.iter().enumerate() {
            push_choice_rule(sites, nested_rule, false, format!("{path}.{key}[{index}]"), state);
        }
    }
    if let Some(not) = rule.not.as_ref().and_then(|f| f.value.as_deref()) {
        push_choice_rule(sites, not, false, format!("{path}.Not"), state);
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
                format!("\"{key}\" of {owner}Map state \"{name}\""),
                Some(state),
            );
            Some(&member.value)
        } else {
            None
        }
    };
    if let Some(reader) = push(sites, SiteKind::ItemReader, node, "ItemReader", "") {
        push(
            sites,
            SiteKind::ReaderConfig,
            reader,
            "ReaderConfig",
            "the ItemReader of ",
        );
    }
    push(sites, SiteKind::ItemBatcher, node, "ItemBatcher", "");
    if let Some(writer) = push(sites, SiteKind::ResultWriter, node, "ResultWriter", "") {
        push(
            sites,
            SiteKind::WriterConfig,
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
