//! State machines of CloudFormation, SAM and CDK templates: `AWS::StepFunctions::StateMachine`
//! (`Definition`, `DefinitionString`, `DefinitionS3Location`) and
//! `AWS::Serverless::StateMachine` (`Definition`, `DefinitionUri`).

use std::path::Path;
use std::sync::Arc;

use asl_syntax::{Member, Node};

use crate::holes::{self, Mode};
use crate::{
    Definition, FileKind, HostFacts, Loader, Machine, Substitution, TemplateNames, loaded_definition, string, text,
    workflow_type,
};

const STEP_FUNCTIONS: &str = "AWS::StepFunctions::StateMachine";
const SERVERLESS: &str = "AWS::Serverless::StateMachine";

/// Every state machine resource of the template, in order.
pub(crate) fn machines(kind: FileKind, path: &Path, source: &str, root: &Node, loader: &dyn Loader) -> Vec<Machine> {
    let Some(resources) = root.get("Resources").and_then(Node::as_object) else {
        return Vec::new();
    };
    let names = Arc::new(template_names(root));
    resources
        .iter()
        .filter_map(|resource| {
            let resource_type = string(resource.value.get("Type"))?;
            let serverless = match resource_type {
                STEP_FUNCTIONS => false,
                SERVERLESS => true,
                _ => return None,
            };
            Some(machine(kind, path, source, resource, serverless, &names, loader))
        })
        .collect()
}

fn template_names(root: &Node) -> TemplateNames {
    let keys = |section: &str| -> Vec<String> {
        root.get(section)
            .and_then(Node::as_object)
            .map(|members| members.iter().map(|m| m.key.text.to_string()).collect())
            .unwrap_or_default()
    };
    let transforms = match root.get("Transform") {
        Some(node) => match (node.as_str(), node.as_array()) {
            (Some(name), _) => vec![name.to_owned()],
            (None, Some(items)) => items.iter().filter_map(Node::as_str).map(str::to_owned).collect(),
            // A transform with parameters (`{"Name": …}`) still transforms the template.
            _ => vec![string(node.get("Name")).unwrap_or("").to_owned()],
        },
        None => Vec::new(),
    };
    TemplateNames {
        parameters: keys("Parameters"),
        resources: keys("Resources"),
        transforms,
    }
}

fn machine(
    kind: FileKind,
    path: &Path,
    source: &str,
    resource: &Member,
    serverless: bool,
    names: &Arc<TemplateNames>,
    loader: &dyn Loader,
) -> Machine {
    let properties = resource.value.get("Properties");
    let property = |name: &str| properties.and_then(|p| p.member(name));
    let type_key = if serverless { "Type" } else { "StateMachineType" };
    let mut facts = HostFacts {
        name: Some(resource.key.text.to_string()),
        name_range: resource.key.range,
        host: kind,
        workflow_type: workflow_type(property(type_key).map(|m| &m.value)),
        substitutions: property("DefinitionSubstitutions")
            .and_then(|m| m.value.as_object())
            .map(|members| {
                members
                    .iter()
                    .map(|m| Substitution {
                        name: m.key.text.to_string(),
                        range: m.key.range,
                    })
                    .collect()
            })
            .unwrap_or_default(),
        references: Vec::new(),
        template: Some(Arc::clone(names)),
    };
    let mut file = None;
    let definition = if let Some(member) = property("Definition") {
        match member.value.as_object() {
            Some(_) => Definition::Tree {
                root: holes::tree(&member.value, source, Mode::Substitutions, &mut facts.references),
                errors: Vec::new(),
            },
            None => missing(
                member,
                format!("`Definition` is {}, not an object", member.value.kind_name()),
            ),
        }
    } else if let Some(member) = property("DefinitionString").filter(|_| !serverless) {
        match text::definition_string(&member.value, source, Mode::Substitutions, &mut facts.references) {
            Ok((text, map)) => Definition::Text { text, map },
            Err(reason) => missing(member, format!("`DefinitionString`: {reason}")),
        }
    } else if let Some(member) = property("DefinitionUri").filter(|_| serverless) {
        match member.value.as_str() {
            Some(reference) => match loader.load(path, reference) {
                Ok(loaded) => {
                    let definition = loaded_definition(&loaded, Mode::Substitutions, &mut facts.references);
                    file = Some(loaded);
                    definition
                }
                Err(reason) => missing(member, format!("`DefinitionUri` \"{reference}\": {reason}")),
            },
            None => missing(member, "`DefinitionUri` names an S3 object".to_owned()),
        }
    } else if let Some(member) = property("DefinitionS3Location").filter(|_| !serverless) {
        missing(member, "`DefinitionS3Location` names an S3 object".to_owned())
    } else {
        Definition::Missing {
            range: resource.key.range,
            reason: "it has no definition in this template".to_owned(),
        }
    };
    Machine {
        facts,
        file,
        definition,
    }
}

/// A definition not checked, reported at its property's key.
fn missing(member: &Member, reason: String) -> Definition {
    Definition::Missing {
        range: member.key.range,
        reason,
    }
}
