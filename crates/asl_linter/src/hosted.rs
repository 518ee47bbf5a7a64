//! Analysis of every state machine in a file (a standalone definition, or the state machines
//! of a template), with each finding mapped into the file the user edits and named after its
//! state machine.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use asl_diagnostics::Diagnostic;
use asl_hosts::{Definition, FileKind, HostFacts, HostFile, LoadedFile, Loader, Machine, OffsetMap, Resolver, extract};
use asl_syntax::{Parse, SourceFormat, excerpt, parse};

use crate::analysis::{check_definition, drop_findings_inside_syntax_errors};
use crate::checked::CheckedDefinition;
use crate::findings::SYNTAX_ERROR_CODE;
use crate::fix::fix_rounds;
use crate::{Settings, WorkflowType, find_rule};

/// Every state machine of one file, analysed.
pub struct FileAnalysis {
    pub kind: FileKind,
    pub format: SourceFormat,
    /// The file's own tree (for a standalone definition, the definition, shared with its
    /// [`AnalysedBody::Whole`]).
    pub parse: Arc<Parse>,
    /// In the order they are written.
    pub machines: Vec<MachineAnalysis>,
    /// The findings in this file, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// The findings in files this one names (`DefinitionUri`, `${file(…)}`), one entry per
    /// state machine defined in another file.
    pub referenced: Vec<ReferencedFindings>,
}

/// One analysed state machine.
pub struct MachineAnalysis {
    pub facts: HostFacts,
    /// The file its definition is written in, when it is not the analysed file.
    pub file: Option<LoadedFile>,
    pub body: AnalysedBody,
}

/// The definition of an analysed state machine, with the model and graph the rules saw.
pub enum AnalysedBody {
    /// The whole file is the definition: [`FileAnalysis::parse`].
    Whole(CheckedDefinition),
    /// A tree whose ranges point into the file it is written in.
    Tree(CheckedDefinition),
    /// Definition text and its tree; `map` leads its offsets back into the file.
    Text {
        text: String,
        checked: CheckedDefinition,
        map: OffsetMap,
    },
    /// Not checked (stored elsewhere, or built in a way asl-lint does not follow).
    Missing,
}

/// Findings in a file reached from the analysed one.
pub struct ReferencedFindings {
    pub path: PathBuf,
    pub text: String,
    /// Sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

impl MachineAnalysis {
    /// The definition rules saw, and the text its ranges point into (`host_text` for the
    /// analysed file); `None` when the definition was not checked.
    pub fn definition<'a>(&'a self, host_text: &'a str) -> Option<(&'a CheckedDefinition, &'a str)> {
        let file_text = self.file.as_ref().map_or(host_text, |file| file.text.as_str());
        match &self.body {
            AnalysedBody::Whole(checked) => Some((checked, host_text)),
            AnalysedBody::Tree(checked) => Some((checked, file_text)),
            AnalysedBody::Text { text, checked, .. } => Some((checked, text)),
            AnalysedBody::Missing => None,
        }
    }
}

/// Analyses every state machine of `host`, whose text is `text` (the file at `path`). A file
/// that holds no state machine gets no findings at all.
pub fn analyze_host(path: &Path, host: HostFile, text: &str, settings: &Settings) -> FileAnalysis {
    if !host.is_state_machine() {
        return FileAnalysis {
            kind: FileKind::NotStateMachine,
            format: host.format,
            parse: Arc::new(host.parse),
            machines: Vec::new(),
            diagnostics: Vec::new(),
            referenced: Vec::new(),
        };
    }
    let HostFile {
        kind,
        format,
        parse,
        machines,
    } = host;
    let parse = Arc::new(parse);
    let mut diagnostics = Vec::new();
    if kind != FileKind::Definition {
        report_syntax_errors(&parse, settings, &mut diagnostics);
    }
    let mut analysed = Vec::with_capacity(machines.len());
    let mut referenced = Vec::new();
    for machine in machines {
        let (machine, mut found) = analyze_machine(machine, &parse, text, format, settings);
        if kind != FileKind::Definition {
            report_unused_substitutions(&machine, settings, &mut diagnostics);
        }
        let prefix = machine
            .facts
            .name
            .as_deref()
            .map(excerpt)
            .map(|name| match &machine.file {
                Some(_) => format!("[{name}, from {}] ", path.display()),
                None => format!("[{name}] "),
            });
        for diagnostic in &mut found {
            if let Some(prefix) = &prefix {
                diagnostic.message.insert_str(0, prefix);
                diagnostic.state_machine.clone_from(&machine.facts.name);
            }
        }
        match &machine.file {
            Some(file) => {
                sort(&mut found);
                referenced.push(ReferencedFindings {
                    path: file.path.clone(),
                    text: file.text.clone(),
                    diagnostics: found,
                });
            }
            None => diagnostics.append(&mut found),
        }
        analysed.push(machine);
    }
    if kind != FileKind::Definition {
        drop_findings_inside_syntax_errors(&mut diagnostics, &parse);
    }
    sort(&mut diagnostics);
    FileAnalysis {
        kind,
        format,
        parse,
        machines: analysed,
        diagnostics,
        referenced,
    }
}

/// Runs every rule on a definition whose ranges point into `text`.
fn run_rules(
    text: &str,
    checked: &CheckedDefinition,
    settings: &Settings,
    host: Option<&HostFacts>,
) -> Vec<Diagnostic> {
    check_definition(text, checked.parse(), checked.model(), checked.graph(), settings, host)
}

fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| (a.range.start, a.range.end, a.code).cmp(&(b.range.start, b.range.end, b.code)));
}

/// Runs the rules on one state machine; its findings are in the file it is written in.
fn analyze_machine(
    machine: Machine,
    whole: &Arc<Parse>,
    host_text: &str,
    host_format: SourceFormat,
    settings: &Settings,
) -> (MachineAnalysis, Vec<Diagnostic>) {
    let Machine {
        facts,
        file,
        definition,
    } = machine;
    let mut settings = settings.clone();
    if let Some(declared) = facts.workflow_type {
        settings.workflow_type = Some(match declared {
            asl_hosts::WorkflowType::Standard => WorkflowType::Standard,
            asl_hosts::WorkflowType::Express => WorkflowType::Express,
        });
    }
    let named = facts.name.is_some().then_some(&facts);
    let file_text = file.as_ref().map_or(host_text, |file| file.text.as_str());
    // Fixes are JSON edits: in a YAML file they would break it.
    let file_is_json = match &file {
        Some(file) => SourceFormat::from_path(&file.path) == SourceFormat::Json,
        None => host_format == SourceFormat::Json,
    };
    let (body, mut found) = match definition {
        Definition::Whole => {
            let checked = CheckedDefinition::build(Arc::clone(whole));
            let found = run_rules(host_text, &checked, &settings, named);
            (AnalysedBody::Whole(checked), found)
        }
        Definition::Tree { root, errors } => {
            let checked = CheckedDefinition::build(Arc::new(Parse { root, errors }));
            let found = run_rules(file_text, &checked, &settings, named);
            (AnalysedBody::Tree(checked), found)
        }
        Definition::Text { text, map } => {
            let checked = CheckedDefinition::build(Arc::new(parse(&text)));
            let found = run_rules(&text, &checked, &settings, named)
                .into_iter()
                .map(|diagnostic| map_diagnostic(diagnostic, &text, &map))
                .collect();
            (AnalysedBody::Text { text, checked, map }, found)
        }
        Definition::Missing { range, reason } => {
            let mut found = Vec::new();
            if let Some(rule) = find_rule(NOT_CHECKED_RULE)
                && let Some(severity) = settings.severity_of(rule.meta())
            {
                let mut diagnostic = rule
                    .meta()
                    .diagnostic(range, format!("the definition is not checked: {reason}"));
                diagnostic.severity = severity;
                found.push(diagnostic);
            }
            (AnalysedBody::Missing, found)
        }
    };
    if !file_is_json && !matches!(body, AnalysedBody::Text { .. }) {
        for diagnostic in &mut found {
            diagnostic.fix = None;
        }
    }
    if facts.host == FileKind::Terraform {
        let in_hcl = file.is_none();
        for diagnostic in &mut found {
            let breaks_hcl = diagnostic.fix.as_ref().is_some_and(|fix| {
                fix.edits
                    .iter()
                    .any(|edit| changes_meaning_in_terraform(&edit.replacement, in_hcl))
            });
            if breaks_hcl {
                diagnostic.fix = None;
            }
        }
    }
    let machine = MachineAnalysis { facts, file, body };
    (machine, found)
}

/// Whether text written into a Terraform template (a heredoc, a quoted string or a file read
/// by `templatefile`; `in_hcl`: inside the `.tf` file) would be read as something else: an
/// interpolation or directive, or, in a quoted string, its end or an escape.
fn changes_meaning_in_terraform(replacement: &str, in_hcl: bool) -> bool {
    replacement.contains("${")
        || replacement.contains("%{")
        || (in_hcl && replacement.chars().any(|c| c == '"' || c == '\\' || c.is_control()))
}

/// The rule reported for a state machine whose definition cannot be read.
const NOT_CHECKED_RULE: &str = "definition-not-checked";

/// A finding made on definition text, moved into the file the text was built from.
fn map_diagnostic(mut diagnostic: Diagnostic, text: &str, map: &OffsetMap) -> Diagnostic {
    let mapped = map.range(diagnostic.range);
    diagnostic.range = mapped.range;
    if !mapped.exact {
        diagnostic.message.push_str(
            " (shown at the intrinsic function that writes this part of the definition: the exact place is inside what it returns)",
        );
    }
    for label in &mut diagnostic.labels {
        label.range = map.range(label.range).range;
    }
    diagnostic.fix = diagnostic.fix.take().and_then(|mut fix| {
        for edit in &mut fix.edits {
            let (range, replacement) = map.edit(text, edit.range, &edit.replacement)?;
            edit.range = range;
            edit.replacement = replacement;
        }
        Some(fix)
    });
    diagnostic
}

/// The syntax errors of a template, reported by `invalid-json`.
fn report_syntax_errors(parse: &Parse, settings: &Settings, out: &mut Vec<Diagnostic>) {
    let Some(rule) = find_rule(SYNTAX_ERROR_CODE) else {
        return;
    };
    let Some(severity) = settings.severity_of(rule.meta()) else {
        return;
    };
    for error in &parse.errors {
        let mut diagnostic = rule.meta().diagnostic(error.range, error.message.clone());
        diagnostic.severity = severity;
        out.push(diagnostic);
    }
}

/// `DefinitionSubstitutions` keys that no placeholder of the definition uses.
fn report_unused_substitutions(machine: &MachineAnalysis, settings: &Settings, out: &mut Vec<Diagnostic>) {
    if matches!(machine.body, AnalysedBody::Missing) {
        return;
    }
    let Some(rule) = find_rule("unused-substitution") else {
        return;
    };
    let Some(severity) = settings.severity_of(rule.meta()) else {
        return;
    };
    let facts = &machine.facts;
    let terraform = facts.host == FileKind::Terraform;
    for key in &facts.substitutions {
        let used = facts
            .references
            .iter()
            .any(|r| r.name == key.name && matches!(r.resolver, Resolver::Substitutions | Resolver::Template { .. }));
        if used {
            continue;
        }
        let name = facts.name.as_deref().unwrap_or("");
        let (message, help) = if terraform {
            (
                format!(
                    "[{name}] `templatefile` variable \"{}\" is not used: the template never reads it",
                    key.name
                ),
                "remove the variable, or write `${…}` where its value belongs in the template",
            )
        } else {
            (
                format!(
                    "[{name}] `DefinitionSubstitutions` key \"{}\" is not used: no `${{{}}}` placeholder of the definition names it",
                    key.name, key.name
                ),
                "remove the key, or write the placeholder where its value belongs",
            )
        };
        let mut diagnostic = rule.meta().diagnostic(key.range, message).with_help(help);
        diagnostic.severity = severity;
        diagnostic.state_machine.clone_from(&facts.name);
        out.push(diagnostic);
    }
}

/// A file after `--fix`.
pub struct FixedFile {
    pub text: String,
    /// How many findings were fixed.
    pub applied: usize,
    /// The analysis of `text`, with what is left.
    pub analysis: FileAnalysis,
}

/// Applies the fixes to the file at `path` (a state machine or a template holding some) in
/// rounds, like [`crate::fix::fix`]: only fixes whose edits map exactly into the file are
/// offered, so a template is never corrupted.
pub fn fix_file(path: &Path, text: &str, loader: &dyn Loader, settings: &Settings, include_unsafe: bool) -> FixedFile {
    let analyze = |text: &str| {
        let mut host = extract(path, text, loader);
        if !host.is_state_machine() {
            host = host.into_definition();
        }
        analyze_host(path, host, text, settings)
    };
    let (text, applied, analysis) = fix_rounds(
        text,
        include_unsafe,
        analyze,
        |analysis| &analysis.diagnostics,
        FileAnalysis::syntax_errors,
    );
    FixedFile {
        text,
        applied,
        analysis,
    }
}

impl FileAnalysis {
    /// How many syntax errors the file and its definitions have.
    pub fn syntax_errors(&self) -> usize {
        let own: usize = self
            .machines
            .iter()
            .map(|machine| match &machine.body {
                AnalysedBody::Tree(checked) | AnalysedBody::Text { checked, .. } => checked.parse().errors.len(),
                AnalysedBody::Whole(_) | AnalysedBody::Missing => 0,
            })
            .sum();
        self.parse.errors.len() + own
    }
}
