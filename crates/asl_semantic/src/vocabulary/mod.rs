//! The vocabulary of the Amazon States Language, in one place: the state types, the objects of
//! a definition that have a fixed set of fields, every field of each (the query languages it
//! belongs to, the kind of value it takes, its documentation) and the comparison operators of
//! JSONPath Choice rules.
//!
//! The model, the structure rules, the language server's completion and hover, and the
//! generated rule docs read these tables. `schemas/asl.schema.json` carries the same field
//! lists and documentation for editors; `tests/vocabulary.rs` fails when the two differ.

mod fields;
mod operators;

pub use operators::{ComparisonOperator, Operand};

/// A state type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StateType {
    Task,
    Pass,
    Choice,
    Wait,
    Succeed,
    Fail,
    Parallel,
    Map,
}

/// Every state type with its name and a one-line description, in declaration order (the
/// order in which messages list them).
const STATE_TYPES: [(StateType, &str, &str); 8] = [
    (
        StateType::Task,
        "Task",
        "A Task state runs one unit of work given by `Resource` (Lambda, activity or service integration).",
    ),
    (
        StateType::Pass,
        "Pass",
        "A Pass state passes its input to its output, optionally injecting fixed data; useful for reshaping data and stubbing.",
    ),
    (
        StateType::Choice,
        "Choice",
        "A Choice state branches: the first matching rule in `Choices` picks the next state, else `Default`. It has no `Next`/`End`.",
    ),
    (
        StateType::Wait,
        "Wait",
        "A Wait state pauses for a duration or until a timestamp (exactly one of Seconds / SecondsPath / Timestamp / TimestampPath).",
    ),
    (
        StateType::Succeed,
        "Succeed",
        "A Succeed state ends the execution (or branch/iteration) successfully. It has no `Next`/`End`.",
    ),
    (
        StateType::Fail,
        "Fail",
        "A Fail state ends the execution (or branch/iteration) with an error name and cause. It has no `Next`/`End` and no I/O fields.",
    ),
    (
        StateType::Parallel,
        "Parallel",
        "A Parallel state runs every branch in `Branches` concurrently and outputs the array of their results.",
    ),
    (
        StateType::Map,
        "Map",
        "A Map state runs `ItemProcessor` once for each item of an array (inline) or of an S3 data set (distributed).",
    ),
];

impl StateType {
    /// Every state type, in the order messages list them.
    pub fn all() -> impl Iterator<Item = StateType> {
        STATE_TYPES.iter().map(|&(state_type, _, _)| state_type)
    }

    /// The type called `name` (case-sensitive, as AWS compares it).
    pub fn from_name(name: &str) -> Option<StateType> {
        STATE_TYPES
            .iter()
            .find(|(_, type_name, _)| *type_name == name)
            .map(|&(state_type, _, _)| state_type)
    }

    /// The name written in `Type`.
    pub fn name(self) -> &'static str {
        STATE_TYPES[self as usize].1
    }

    /// What a state of this type does, in one line.
    pub fn summary(self) -> &'static str {
        STATE_TYPES[self as usize].2
    }

    /// Whether a state of this type moves on with `Next` or ends with `End` (the others end
    /// their scope, or move on through their Choice rules).
    pub fn has_transition(self) -> bool {
        self.allows("Next")
    }

    /// Whether a state of this type may have the field `name` in some query language.
    pub fn allows(self, name: &str) -> bool {
        ObjectType::State(self).field(name).is_some()
    }
}

/// A query language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QueryLanguage {
    JsonPath,
    Jsonata,
}

impl QueryLanguage {
    pub const ALL: [QueryLanguage; 2] = [QueryLanguage::JsonPath, QueryLanguage::Jsonata];

    /// Parses the `QueryLanguage` value (case-sensitive).
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "JSONPath" => Some(QueryLanguage::JsonPath),
            "JSONata" => Some(QueryLanguage::Jsonata),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            QueryLanguage::JsonPath => "JSONPath",
            QueryLanguage::Jsonata => "JSONata",
        }
    }
}

/// The query languages a field belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Languages {
    Both,
    JsonPath,
    Jsonata,
}

impl Languages {
    pub fn allows(self, language: QueryLanguage) -> bool {
        match self {
            Languages::Both => true,
            Languages::JsonPath => language == QueryLanguage::JsonPath,
            Languages::Jsonata => language == QueryLanguage::Jsonata,
        }
    }
}

/// The kind of value a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    Any,
    String,
    Boolean,
    Object,
    /// A path string or null.
    NullablePath,
    /// An integer; in a JSONata state also a JSONata string.
    Integer,
    /// An integer literal only.
    IntegerLiteral,
    /// A number; in a JSONata state also a JSONata string.
    Number,
    /// A number literal only.
    NumberLiteral,
    /// A boolean; in a JSONata state also a JSONata string (`Condition`).
    BooleanOrJsonata,
    /// An object; in a JSONata state any value (`ItemSelector`, `Credentials`).
    ObjectInJsonPath,
    StringArray,
    ObjectArray,
}

impl ValueKind {
    /// "an integer", … for messages and hover, as the kind reads in `language`.
    pub fn describe(self, language: QueryLanguage) -> &'static str {
        let jsonata = language == QueryLanguage::Jsonata;
        match self {
            ValueKind::Any => "any value",
            ValueKind::String => "a string",
            ValueKind::Boolean => "a boolean",
            ValueKind::Object => "an object",
            ValueKind::NullablePath => "a path string or null",
            ValueKind::Integer if jsonata => "an integer or a JSONata expression \"{% … %}\"",
            ValueKind::Integer | ValueKind::IntegerLiteral => "an integer",
            ValueKind::Number if jsonata => "a number or a JSONata expression \"{% … %}\"",
            ValueKind::Number | ValueKind::NumberLiteral => "a number",
            ValueKind::BooleanOrJsonata if jsonata => "a boolean or a JSONata expression \"{% … %}\"",
            ValueKind::BooleanOrJsonata => "a boolean",
            ValueKind::ObjectInJsonPath => "an object",
            ValueKind::StringArray => "an array of strings",
            ValueKind::ObjectArray => "an array of objects",
        }
    }
}

/// An object of a definition with a fixed set of fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ObjectType {
    /// The top-level state machine.
    Machine,
    /// An element of a Parallel state's `Branches`.
    Branch,
    /// A Map state's `ItemProcessor`.
    ItemProcessor,
    /// A Map state's deprecated `Iterator`.
    Iterator,
    State(StateType),
    /// An element of `Retry`.
    Retrier,
    /// An element of `Catch`.
    Catcher,
    /// An element of a Choice state's `Choices`.
    ChoiceRule,
    /// A Choice rule inside `And`, `Or` or `Not`.
    NestedChoiceRule,
    /// The `ProcessorConfig` of an `ItemProcessor`.
    ProcessorConfig,
    ItemReader,
    /// The `ReaderConfig` of an `ItemReader`.
    ReaderConfig,
    ItemBatcher,
    ResultWriter,
    /// The `WriterConfig` of a `ResultWriter`.
    WriterConfig,
    /// A Task state's `Credentials`.
    Credentials,
}

/// A set of object types, one bit each (see [`ObjectType::bit`]).
type Objects = u32;

impl ObjectType {
    /// Every object type, the states in the order of [`StateType::all`].
    pub fn all() -> impl Iterator<Item = ObjectType> {
        let before = [
            ObjectType::Machine,
            ObjectType::Branch,
            ObjectType::ItemProcessor,
            ObjectType::Iterator,
        ];
        let after = [
            ObjectType::Retrier,
            ObjectType::Catcher,
            ObjectType::ChoiceRule,
            ObjectType::NestedChoiceRule,
            ObjectType::ProcessorConfig,
            ObjectType::ItemReader,
            ObjectType::ReaderConfig,
            ObjectType::ItemBatcher,
            ObjectType::ResultWriter,
            ObjectType::WriterConfig,
            ObjectType::Credentials,
        ];
        before
            .into_iter()
            .chain(StateType::all().map(ObjectType::State))
            .chain(after)
    }

    const fn bit(self) -> Objects {
        1 << match self {
            ObjectType::Machine => 0,
            ObjectType::Branch => 1,
            ObjectType::ItemProcessor => 2,
            ObjectType::Iterator => 3,
            ObjectType::State(state_type) => 4 + state_type as u32,
            ObjectType::Retrier => 12,
            ObjectType::Catcher => 13,
            ObjectType::ChoiceRule => 14,
            ObjectType::NestedChoiceRule => 15,
            ObjectType::ProcessorConfig => 16,
            ObjectType::ItemReader => 17,
            ObjectType::ReaderConfig => 18,
            ObjectType::ItemBatcher => 19,
            ObjectType::ResultWriter => 20,
            ObjectType::WriterConfig => 21,
            ObjectType::Credentials => 22,
        }
    }

    /// The field `name` of this object, whatever the query language; `None` when this object
    /// never has it.
    pub fn field(self, name: &str) -> Option<&'static Field> {
        let bit = self.bit();
        if let Some(field) = fields::table(self)
            .iter()
            .find(|field| field.objects & bit != 0 && field.name == name)
        {
            return Some(field);
        }
        let operator = ComparisonOperator::from_name(name).filter(|_| self.is_choice_rule())?;
        Some(operator.as_field())
    }

    /// The fields of this object in `language`, in table order.
    pub fn fields(self, language: QueryLanguage) -> impl Iterator<Item = Field> {
        let bit = self.bit();
        let operators = (self.is_choice_rule() && language == QueryLanguage::JsonPath)
            .then(|| ComparisonOperator::all().map(|operator| *operator.as_field()))
            .into_iter()
            .flatten();
        fields::table(self)
            .iter()
            .filter(move |field| field.objects & bit != 0 && field.languages.allows(language))
            .copied()
            .chain(operators)
    }

    /// What the object is, as a heading of the generated docs names it.
    pub fn title(self) -> String {
        let title = match self {
            ObjectType::Machine => "State machine",
            ObjectType::Branch => "Parallel branch (element of `Branches`)",
            ObjectType::ItemProcessor => "`ItemProcessor` of a Map state",
            ObjectType::Iterator => "`Iterator` of a Map state (deprecated)",
            ObjectType::State(state_type) => return format!("{} state", state_type.name()),
            ObjectType::Retrier => "Retrier (element of `Retry`)",
            ObjectType::Catcher => "Catcher (element of `Catch`)",
            ObjectType::ChoiceRule => "Choice rule (element of `Choices`)",
            ObjectType::NestedChoiceRule => "Nested Choice rule (in `And`, `Or` or `Not`)",
            ObjectType::ProcessorConfig => "`ProcessorConfig` of an `ItemProcessor`",
            ObjectType::ItemReader => "`ItemReader` of a Map state",
            ObjectType::ReaderConfig => "`ReaderConfig` of an `ItemReader`",
            ObjectType::ItemBatcher => "`ItemBatcher` of a Map state",
            ObjectType::ResultWriter => "`ResultWriter` of a Map state",
            ObjectType::WriterConfig => "`WriterConfig` of a `ResultWriter`",
            ObjectType::Credentials => "`Credentials` of a Task state",
        };
        title.to_owned()
    }

    /// Whether the object may also have fields outside the table (`Credentials`).
    pub fn is_open(self) -> bool {
        self == ObjectType::Credentials
    }

    fn is_choice_rule(self) -> bool {
        matches!(self, ObjectType::ChoiceRule | ObjectType::NestedChoiceRule)
    }
}

/// One field of an object.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub languages: Languages,
    pub kind: ValueKind,
    /// What the field means, in Markdown (the schema's `description`).
    pub doc: &'static str,
    /// The object types that have it.
    objects: Objects,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_type_table_is_in_declaration_order() {
        for (index, (state_type, name, _)) in STATE_TYPES.iter().enumerate() {
            assert_eq!(*state_type as usize, index);
            assert_eq!(StateType::from_name(name), Some(*state_type));
        }
    }

    #[test]
    fn every_row_names_objects_of_its_table() {
        for object in ObjectType::all() {
            let table = fields::table(object);
            let objects_of_table = ObjectType::all()
                .filter(|other| std::ptr::eq(fields::table(*other), table))
                .fold(0, |bits, other| bits | other.bit());
            for field in table {
                assert_ne!(field.objects, 0, "{}", field.name);
                assert_eq!(field.objects & !objects_of_table, 0, "{}", field.name);
            }
        }
    }
}
