//! The vocabulary against `schemas/asl.schema.json`: for every object and query language the
//! same fields, each with the same documentation, and the same state type descriptions. The
//! vocabulary is the source; when this test fails, bring the schema in line (or the table, if
//! the schema is right).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use asl_semantic::vocabulary::{ObjectType, QueryLanguage, StateType};
use serde_json::Value;

const SCHEMA: &str = include_str!("../../../schemas/asl.schema.json");

/// Fields the linter knows that the schema leaves out on purpose, with the reason.
const KNOWN_DIFFERENCES: &[(ObjectType, &str, &str)] = &[(
    ObjectType::State(StateType::Task),
    "Resource.$",
    "accepted by the linter as the dynamic form of Resource; the schema keeps to the documented fields",
)];

fn schema() -> Value {
    serde_json::from_str(SCHEMA).expect("the schema is JSON")
}

fn prefix(language: QueryLanguage) -> &'static str {
    match language {
        QueryLanguage::JsonPath => "jsonpath",
        QueryLanguage::Jsonata => "jsonata",
    }
}

/// The schema object describing `object` in `language`; `None` where the schema has none
/// (nested Choice rules exist only in JSONPath).
fn schema_object(schema: &Value, object: ObjectType, language: QueryLanguage) -> Option<&Value> {
    let defs = &schema["$defs"];
    let lang = prefix(language);
    let property = |def: &str, path: &[&str]| path.iter().fold(&defs[def], |node, key| &node["properties"][*key]);
    let found = match object {
        ObjectType::Machine => schema,
        ObjectType::Branch => &defs["branch"],
        ObjectType::ItemProcessor => &defs["itemProcessor"],
        ObjectType::Iterator => &defs["iterator"],
        ObjectType::State(state_type) => &defs[format!("{lang}{}", state_type.name())],
        ObjectType::Retrier => &defs["retrier"],
        ObjectType::Catcher => &defs[format!("{lang}Catcher")],
        ObjectType::ChoiceRule => &defs[format!("{lang}ChoiceRule")],
        ObjectType::NestedChoiceRule if language == QueryLanguage::Jsonata => return None,
        ObjectType::NestedChoiceRule => &defs["jsonpathNestedChoiceRule"],
        ObjectType::ProcessorConfig => &defs["processorConfig"],
        ObjectType::ItemReader => property(&format!("{lang}Map"), &["ItemReader"]),
        ObjectType::ReaderConfig => property(&format!("{lang}Map"), &["ItemReader", "ReaderConfig"]),
        ObjectType::ItemBatcher => property(&format!("{lang}Map"), &["ItemBatcher"]),
        ObjectType::ResultWriter => property(&format!("{lang}Map"), &["ResultWriter"]),
        ObjectType::WriterConfig => property(&format!("{lang}Map"), &["ResultWriter", "WriterConfig"]),
        ObjectType::Credentials => property(&format!("{lang}Task"), &["Credentials"]),
    };
    assert!(found.is_object(), "no schema object for {object:?} in {language:?}");
    Some(found)
}

/// A property's description: its own, that of the definition it refers to, or, for the
/// `true` placeholders of JSONPath Choice rules, that of the shared rule body.
fn description<'s>(schema: &'s Value, name: &str, property: &'s Value) -> Option<&'s str> {
    let defs = &schema["$defs"];
    if property == &Value::Bool(true) {
        return defs["jsonpathChoiceRuleBody"]["properties"][name]["description"].as_str();
    }
    if let Some(text) = property["description"].as_str() {
        return Some(text);
    }
    let reference = property["$ref"]
        .as_str()
        .or_else(|| property["items"]["$ref"].as_str())?;
    defs[reference.strip_prefix("#/$defs/")?]["description"].as_str()
}

#[test]
fn every_object_has_the_fields_and_docs_of_the_schema() {
    let schema = schema();
    let mut problems = Vec::new();
    for object in ObjectType::all() {
        for language in [QueryLanguage::JsonPath, QueryLanguage::Jsonata] {
            let Some(schema_object) = schema_object(&schema, object, language) else {
                continue;
            };
            let properties = schema_object["properties"].as_object().unwrap();
            let known = |name: &str| KNOWN_DIFFERENCES.iter().any(|(o, n, _)| *o == object && *n == name);
            let ours: BTreeSet<&str> = object.fields(language).map(|field| field.name).collect();
            let theirs: BTreeSet<&str> = properties.keys().map(String::as_str).collect();
            for name in ours.difference(&theirs).filter(|name| !known(name)) {
                problems.push(format!("{object:?} in {language:?}: \"{name}\" is not in the schema"));
            }
            for name in theirs.difference(&ours) {
                problems.push(format!("{object:?} in {language:?}: \"{name}\" is only in the schema"));
            }
            for field in object.fields(language) {
                let Some(property) = properties.get(field.name) else {
                    continue;
                };
                let documented = description(&schema, field.name, property);
                if documented != Some(field.doc) {
                    problems.push(format!(
                        "{object:?} in {language:?}: \"{}\"\n  vocabulary: {}\n  schema:     {}",
                        field.name,
                        field.doc,
                        documented.unwrap_or("(none)")
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "the vocabulary and the schema differ:\n{}",
        problems.join("\n")
    );
}

#[test]
fn state_type_descriptions_match_the_schema() {
    let schema = schema();
    for state_type in StateType::all() {
        for (language, label) in [
            (QueryLanguage::JsonPath, "JSONPath"),
            (QueryLanguage::Jsonata, "JSONata"),
        ] {
            let def = &schema["$defs"][format!("{}{}", prefix(language), state_type.name())];
            assert_eq!(
                def["description"].as_str(),
                Some(format!("{} ({label} fields.)", state_type.summary()).as_str())
            );
            assert_eq!(def["properties"]["Type"]["const"].as_str(), Some(state_type.name()));
        }
    }
}

#[test]
fn known_differences_are_still_differences() {
    let schema = schema();
    for (object, name, _) in KNOWN_DIFFERENCES {
        assert!(object.field(name).is_some(), "{object:?} has no \"{name}\" any more");
        for language in [QueryLanguage::JsonPath, QueryLanguage::Jsonata] {
            let properties = &schema_object(&schema, *object, language).unwrap()["properties"];
            assert!(
                properties.get(name).is_none(),
                "the schema now has \"{name}\" in {object:?}"
            );
        }
    }
}
