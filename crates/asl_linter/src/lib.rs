//! The rule framework, the registry and every asl-lint rule.
//!
//! [`analyze`] is the one entry point for the command line and the language server: it parses
//! the text, builds the model, runs every rule and returns the diagnostics sorted by position.

mod analysis;
mod checked;
pub mod docs;
mod findings;
pub mod fix;
mod helpers;
mod hosted;
mod registry;
mod rule;
mod rules;
mod settings;
mod suppression;

pub use analysis::{Analysis, analyze, analyze_as, analyze_bytes, analyze_bytes_as};
pub use checked::CheckedDefinition;
pub use findings::{Findings, MAX_FINDINGS_PER_RULE, SyntaxErrorSpans};
pub use hosted::{AnalysedBody, FileAnalysis, FixedFile, MachineAnalysis, ReferencedFindings, analyze_host, fix_file};
pub use registry::{all_rules, find_rule};
pub use rule::{Category, FixKind, Rule, RuleContext, RuleMeta, RuleMetadata};
pub use settings::{RuleLevel, Settings, WorkflowType};

/// The largest input the front-ends accept, in bytes: a file, standard input or a language
/// server message. AWS accepts definitions of at most 1 MiB; past this size the memory an
/// analysis takes, not the definition, is the problem.
pub const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;
