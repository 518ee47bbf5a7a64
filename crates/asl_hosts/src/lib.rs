//! Finds the state machines in a file, wherever they are written: a standalone definition
//! (JSON or YAML), a CloudFormation or SAM template (JSON or YAML, short-form tags included),
//! a CDK template (`cdk.out/*.template.json`), a Serverless Framework service or a Terraform
//! configuration (`aws_sfn_state_machine` resources in `.tf` files).
//!
//! [`extract`] classifies a file and returns its state machines, each with its name, what its
//! host says about it ([`HostFacts`]) and its [`Definition`]: a subtree of the file, or a
//! definition text built from the file with an [`OffsetMap`] back into it. This is the one
//! place that decides whether a file is a state machine at all.
//!
//! No I/O: files a host names (`DefinitionUri`, `${file(…)}`, `file(…)`, `templatefile(…)`) are
//! read through the [`Loader`]
//! the caller passes in.

mod classify;
mod cloudformation;
mod hcl;
mod hcl_work;
mod holes;
mod map;
mod serverless;
mod terraform;
mod text;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use asl_syntax::{Node, Parse, SourceFormat, SyntaxError, TextRange, Value};

pub use classify::{is_candidate, may_hold_state_machine};
pub use map::{Mapped, OffsetMap};

/// What a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A standalone definition (`StartAt` and `States` at the top, or an `.asl.*` name).
    Definition,
    /// A CloudFormation or SAM template.
    CloudFormation,
    /// A CloudFormation template written by the AWS CDK.
    Cdk,
    /// A Serverless Framework service (`serverless.yml`).
    Serverless,
    /// A Terraform configuration file (`.tf`) with `aws_sfn_state_machine` resources.
    Terraform,
    /// Anything else: it gets no findings.
    NotStateMachine,
}

impl FileKind {
    /// How messages name the host ("CloudFormation template", …).
    pub fn describe(self) -> &'static str {
        match self {
            FileKind::Definition => "definition",
            FileKind::CloudFormation => "CloudFormation template",
            FileKind::Cdk => "CDK template",
            FileKind::Serverless => "Serverless service",
            FileKind::Terraform => "Terraform configuration",
            FileKind::NotStateMachine => "file",
        }
    }
}

/// The state machine type a host declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkflowType {
    Standard,
    Express,
}

/// A file and the state machines found in it.
#[derive(Debug, Clone)]
pub struct HostFile {
    pub kind: FileKind,
    /// How the file is written.
    pub format: SourceFormat,
    /// The file's own tree and syntax errors (for a standalone definition, the definition's).
    pub parse: Parse,
    /// In the order they are written.
    pub machines: Vec<Machine>,
}

/// One state machine of a file.
#[derive(Debug, Clone)]
pub struct Machine {
    pub facts: HostFacts,
    /// The file the definition is written in, when it is not the host (`DefinitionUri`,
    /// `${file(…)}`): every range of [`Machine::definition`] points into it.
    pub file: Option<LoadedFile>,
    pub definition: Definition,
}

impl Machine {
    /// The definition's own tree (to draw it, say); `host` is the tree of the file it was found
    /// in. `Err` tells why a definition that is not in the file cannot be read.
    pub fn definition_tree(&self, host: &Parse) -> Result<Parse, &str> {
        match &self.definition {
            Definition::Whole => Ok(host.clone()),
            Definition::Tree { root, errors } => Ok(Parse {
                root: Node::clone(root),
                errors: errors.clone(),
            }),
            Definition::Text { text, .. } => Ok(asl_syntax::parse(text)),
            Definition::Missing { reason, .. } => Err(reason),
        }
    }
}

/// What the host says about a state machine: what rules need beyond the definition.
#[derive(Debug, Clone)]
pub struct HostFacts {
    /// The logical id, Serverless key or Terraform resource address; `None` for a standalone
    /// definition.
    pub name: Option<String>,
    /// Where the name is written in the host.
    pub name_range: TextRange,
    pub host: FileKind,
    pub workflow_type: Option<WorkflowType>,
    /// The keys of `DefinitionSubstitutions` (the variables of a Terraform `templatefile`),
    /// with their ranges in the host.
    pub substitutions: Vec<Substitution>,
    /// Every `${Name}` placeholder in the definition, with its range in the definition (the
    /// definition text, or the file the definition is written in).
    pub references: Vec<Reference>,
    /// The names a `Fn::Sub` in a CloudFormation template can refer to.
    pub template: Option<Arc<TemplateNames>>,
}

/// A `DefinitionSubstitutions` key, or a variable a Terraform `templatefile` call passes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Substitution {
    pub name: String,
    pub range: TextRange,
}

/// A `${Name}` placeholder in a definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The text between `${` and `}`.
    pub name: String,
    /// The whole `${Name}`.
    pub range: TextRange,
    pub resolver: Resolver,
}

/// Who replaces a placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolver {
    /// Written in a `Fn::Sub` string: CloudFormation replaces it with a variable of that
    /// `Fn::Sub` (listed here), a parameter, a resource or a pseudo parameter, before the
    /// definition is read.
    Sub { variables: Vec<String> },
    /// Left in the definition for `DefinitionSubstitutions`.
    Substitutions,
    /// Written in a Terraform template read by `templatefile`: Terraform replaces it with
    /// the variable of the call (its variables are listed here) before the definition is
    /// sent. A variable used only in a `%{…}` directive has an empty range where the
    /// directive was.
    Template { variables: Vec<String> },
}

/// The declared names of a CloudFormation template.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TemplateNames {
    pub parameters: Vec<String>,
    /// Logical ids.
    pub resources: Vec<String>,
    /// `Transform` (for example `AWS::Serverless-2016-10-31`).
    pub transforms: Vec<String>,
}

/// Where a state machine's definition is.
#[derive(Debug, Clone)]
pub enum Definition {
    /// The whole host file is the definition: analyse [`HostFile::parse`].
    Whole,
    /// A subtree of the file, with intrinsic functions replaced by `${…}` placeholder
    /// strings that keep the function's range. `errors` are the syntax errors of a file the
    /// host names (a host's own are in [`HostFile::parse`]).
    Tree { root: Node, errors: Vec<SyntaxError> },
    /// Definition text (JSON) built from the file; `map` leads every offset back into it.
    Text { text: String, map: OffsetMap },
    /// Not in this file, or built in a way that cannot be followed: `reason` says which, at
    /// `range` in the host.
    Missing { range: TextRange, reason: String },
}

/// Reads the files a host names.
pub trait Loader {
    /// The file `reference` names (a path relative to the host file `from`), or why it
    /// cannot or may not be read.
    fn load(&self, from: &Path, reference: &str) -> Result<LoadedFile, String>;
}

/// A loader that reads nothing, for callers without files around.
pub struct NoFiles;

impl Loader for NoFiles {
    fn load(&self, _from: &Path, _reference: &str) -> Result<LoadedFile, String> {
        Err("files named by a template are not read here".to_owned())
    }
}

/// A file read through a [`Loader`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedFile {
    /// As the loader names it (for messages and reports).
    pub path: PathBuf,
    pub text: String,
}

impl HostFile {
    /// Whether the file holds a state machine (or would, but has syntax errors that hide
    /// them): only such files get findings.
    pub fn is_state_machine(&self) -> bool {
        match self.kind {
            FileKind::NotStateMachine => false,
            FileKind::Definition => true,
            _ => !self.machines.is_empty() || !self.parse.errors.is_empty(),
        }
    }

    /// The file read as a standalone definition, whatever it holds (a file named on the
    /// command line is checked as one when it holds no state machine).
    pub fn into_definition(self) -> HostFile {
        // HCL is never a definition: a `.tf` file without a state machine resource stays one.
        if self.format == SourceFormat::Hcl {
            return self;
        }
        HostFile {
            kind: FileKind::Definition,
            machines: vec![standalone()],
            ..self
        }
    }
}

/// The one machine of a standalone definition.
fn standalone() -> Machine {
    Machine {
        facts: HostFacts {
            name: None,
            name_range: TextRange::empty(0),
            host: FileKind::Definition,
            workflow_type: None,
            substitutions: Vec::new(),
            references: Vec::new(),
            template: None,
        },
        file: None,
        definition: Definition::Whole,
    }
}

/// How a file is written: YAML for `.yaml`/`.yml`, JSON or YAML by its first character for
/// `.template`, else JSON.
pub fn format_of(path: &Path, text: &str) -> SourceFormat {
    let template = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("template"));
    if template {
        let first = text.trim_start_matches('\u{feff}').trim_start().chars().next();
        return if matches!(first, Some('{') | Some('[')) {
            SourceFormat::Json
        } else {
            SourceFormat::Yaml
        };
    }
    SourceFormat::from_path(path)
}

/// Classifies `text` (the file at `path`) and finds its state machines. Files the host names
/// are read through `loader`.
pub fn extract(path: &Path, text: &str, loader: &dyn Loader) -> HostFile {
    let format = format_of(path, text);
    if format == SourceFormat::Hcl {
        return terraform::extract(path, text, loader);
    }
    let parse = format.parse(text);
    extract_parsed(path, text, format, parse, loader)
}

/// [`extract`] for a file already parsed as `format` (JSON or YAML: an HCL file is read by
/// [`extract`]).
pub fn extract_parsed(path: &Path, text: &str, format: SourceFormat, parse: Parse, loader: &dyn Loader) -> HostFile {
    if format == SourceFormat::Hcl {
        return terraform::extract(path, text, loader);
    }
    let kind = if classify::has_definition_name(path) {
        FileKind::Definition
    } else {
        classify::classify(path, &parse.root, text)
    };
    let machines = match kind {
        FileKind::Definition => vec![standalone()],
        FileKind::CloudFormation | FileKind::Cdk => cloudformation::machines(kind, path, text, &parse.root, loader),
        FileKind::Serverless => serverless::machines(path, text, &parse.root, loader),
        FileKind::Terraform | FileKind::NotStateMachine => Vec::new(),
    };
    HostFile {
        kind,
        format,
        parse,
        machines,
    }
}

/// The string value of `node`, if it is one.
fn string(node: Option<&Node>) -> Option<&str> {
    node.and_then(Node::as_str)
}

/// The workflow type a host value names (`STANDARD`, `EXPRESS`).
fn workflow_type(node: Option<&Node>) -> Option<WorkflowType> {
    match string(node)?.to_ascii_uppercase().as_str() {
        "STANDARD" => Some(WorkflowType::Standard),
        "EXPRESS" => Some(WorkflowType::Express),
        _ => None,
    }
}

/// A loaded file's definition: a YAML file is read into a tree, a JSON file into text with
/// its unquoted placeholders quoted.
fn loaded_definition(file: &LoadedFile, mode: holes::Mode, references: &mut Vec<Reference>) -> Definition {
    match SourceFormat::from_path(&file.path) {
        // Step Functions reads JSON: an HCL file named as a definition is read as text.
        SourceFormat::Json | SourceFormat::Hcl => {
            let (text, map) = text::whole_file(&file.text, mode, references);
            Definition::Text { text, map }
        }
        SourceFormat::Yaml => {
            let parse = asl_syntax::parse_yaml(&file.text);
            let root = holes::tree(&parse.root, &file.text, mode, references);
            Definition::Tree {
                root,
                errors: parse.errors,
            }
        }
    }
}

/// Whether a node is an object with a `Ref` or `Fn::…` key only: a CloudFormation intrinsic.
fn intrinsic(node: &Node) -> Option<(&str, &Node)> {
    match &node.value {
        Value::Object(members) if members.len() == 1 => {
            let member = &members[0];
            let key = member.key.text.as_str();
            (key == "Ref" || key.starts_with("Fn::")).then_some((key, &member.value))
        }
        _ => None,
    }
}
