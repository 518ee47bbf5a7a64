//! State machines of a Serverless Framework service (the `serverless-step-functions` plugin):
//! `stepFunctions.stateMachines.<key>.definition`, inline or `${file(…)}`.

use std::path::Path;

use asl_syntax::Node;

use crate::holes::{self, Mode};
use crate::{Definition, FileKind, HostFacts, Loader, Machine, loaded_definition, text, workflow_type};

pub(crate) fn machines(path: &Path, source: &str, root: &Node, loader: &dyn Loader) -> Vec<Machine> {
    let Some(machines) = root
        .get("stepFunctions")
        .and_then(|s| s.get("stateMachines"))
        .and_then(Node::as_object)
    else {
        return Vec::new();
    };
    machines
        .iter()
        .map(|entry| {
            let mut facts = HostFacts {
                name: Some(entry.key.text.to_string()),
                name_range: entry.key.range,
                host: FileKind::Serverless,
                workflow_type: workflow_type(entry.value.get("type")),
                substitutions: Vec::new(),
                references: Vec::new(),
                template: None,
            };
            let mut file = None;
            let definition = match entry.value.member("definition") {
                None => Definition::Missing {
                    range: entry.key.range,
                    reason: "it has no `definition`".to_owned(),
                },
                Some(member) if member.value.as_object().is_some() => Definition::Tree {
                    root: holes::tree(&member.value, source, Mode::Framework, &mut facts.references),
                    errors: Vec::new(),
                },
                Some(member) => {
                    let range = member.key.range;
                    match member.value.as_str().and_then(file_reference) {
                        Some(reference) => match loader.load(path, reference) {
                            Ok(loaded) => {
                                let definition = loaded_definition(&loaded, Mode::Framework, &mut facts.references);
                                file = Some(loaded);
                                definition
                            }
                            Err(reason) => Definition::Missing {
                                range,
                                reason: format!("`${{file({reference})}}`: {reason}"),
                            },
                        },
                        None if is_variable(&member.value) => Definition::Missing {
                            range,
                            reason: "its `definition` is a Serverless variable, which asl-lint does not resolve"
                                .to_owned(),
                        },
                        None => {
                            match text::definition_string(&member.value, source, Mode::Framework, &mut facts.references)
                            {
                                Ok((text, map)) => Definition::Text { text, map },
                                Err(reason) => Definition::Missing {
                                    range,
                                    reason: format!("its `definition`: {reason}"),
                                },
                            }
                        }
                    }
                }
            };
            Machine {
                facts,
                file,
                definition,
            }
        })
        .collect()
}

/// The path in `${file(path)}` (a whole file; `${file(path):key}` picks a part, not followed).
fn file_reference(text: &str) -> Option<&str> {
    let inner = text.trim().strip_prefix("${file(")?.strip_suffix(")}")?;
    let inner = inner.trim().trim_matches(['\'', '"']);
    (!inner.is_empty()).then_some(inner)
}

/// A whole-value Serverless variable (`${self:custom.definition}`).
fn is_variable(node: &Node) -> bool {
    node.as_str()
        .is_some_and(|text| text.trim_start().starts_with("${") && text.trim_end().ends_with('}'))
}
