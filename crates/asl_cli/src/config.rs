//! `asl-lint.toml`: the configuration file (public API: keys are only ever added).
//!
//! ```toml
//! workflow-type = "express"      # or "standard"
//!
//! [rules]                        # by code or name: "off", "error", "warning" or "info"
//! choice-without-default = "off"
//! ASL408 = "error"
//! ```

use std::path::{Path, PathBuf};

use asl_linter::{RuleLevel, Settings, WorkflowType, find_rule};

use crate::{CheckArgs, WorkflowTypeArg};
use serde::Deserialize;

/// The file name looked for in the current directory and its ancestors.
pub(crate) const CONFIG_FILE: &str = "asl-lint.toml";

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigFile {
    workflow_type: Option<String>,
    #[serde(default)]
    rules: toml::Table,
}

/// The nearest `asl-lint.toml` from `start` upwards.
pub(crate) fn find_config(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(CONFIG_FILE))
        .find(|path| path.is_file())
}

/// Reads a configuration file into `settings`.
pub(crate) fn load(path: &Path, settings: &mut Settings) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let config: ConfigFile = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    if let Some(kind) = &config.workflow_type {
        settings.workflow_type =
            Some(workflow_type(kind).ok_or_else(|| format!("{}: {}", path.display(), bad_workflow_type(kind)))?);
    }
    for (rule, level) in &config.rules {
        let level = level.as_str().unwrap_or_default();
        let (rule, level) = rule_level(rule, level).map_err(|e| format!("{}: [rules] {e}", path.display()))?;
        settings.rule_levels.push((rule, level));
    }
    Ok(())
}

/// The settings of a check: the configuration file, then the flags (which win).
pub(crate) fn settings_for(args: &CheckArgs) -> Result<Settings, String> {
    let mut settings = Settings::default();
    let config = match (&args.config, args.no_config) {
        (Some(path), _) => Some(path.clone()),
        (None, true) => None,
        (None, false) => std::env::current_dir().ok().and_then(|dir| find_config(&dir)),
    };
    if let Some(path) = config {
        load(&path, &mut settings)?;
    }
    if let Some(kind) = args.workflow_type {
        settings.workflow_type = Some(match kind {
            WorkflowTypeArg::Standard => WorkflowType::Standard,
            WorkflowTypeArg::Express => WorkflowType::Express,
        });
    }
    for rule in &args.ignore {
        let (rule, level) = rule_level(rule, "off").map_err(|e| format!("--ignore: {e}"))?;
        settings.rule_levels.push((rule, level));
    }
    for flag in &args.severity {
        settings.rule_levels.push(severity_flag(flag)?);
    }
    Ok(settings)
}

/// Reads `--severity RULE=LEVEL`.
fn severity_flag(flag: &str) -> Result<(String, RuleLevel), String> {
    let (rule, level) = flag
        .split_once('=')
        .ok_or_else(|| format!("--severity \"{flag}\": write RULE=LEVEL"))?;
    rule_level(rule.trim(), level.trim()).map_err(|e| format!("--severity: {e}"))
}

/// Checks a rule name and a level.
fn rule_level(rule: &str, level: &str) -> Result<(String, RuleLevel), String> {
    if find_rule(rule).is_none() {
        return Err(format!(
            "\"{rule}\" is not a rule code or name (`asl-lint rule` lists them)"
        ));
    }
    let level = RuleLevel::from_name(level)
        .ok_or_else(|| format!("\"{rule}\" = \"{level}\": the level is one of off, error, warning, info"))?;
    Ok((rule.to_owned(), level))
}

fn workflow_type(kind: &str) -> Option<WorkflowType> {
    match kind {
        "standard" | "STANDARD" => Some(WorkflowType::Standard),
        "express" | "EXPRESS" => Some(WorkflowType::Express),
        _ => None,
    }
}

fn bad_workflow_type(kind: &str) -> String {
    format!("workflow-type \"{kind}\" is not \"standard\" or \"express\"")
}
