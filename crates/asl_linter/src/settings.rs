use asl_diagnostics::Severity;

use crate::{RuleMeta, find_rule};

/// Settings of one analysis. The command line and the language server fill them in.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The state machine type, when known: some integrations are not allowed in EXPRESS.
    pub workflow_type: Option<WorkflowType>,
    /// Levels the user chose for some rules ([`Settings::set_level`] finds a rule by code or
    /// name). Later entries win.
    pub rule_levels: Vec<(&'static RuleMeta, RuleLevel)>,
    /// Whether the data the rules derive from a definition is left to the process exit
    /// instead of freed: only for a process that exits once its files are checked.
    pub leave_to_exit: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkflowType {
    Standard,
    Express,
}

/// What the user made of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleLevel {
    Off,
    On(Severity),
}

impl RuleLevel {
    /// Reads `off`, `error`, `warning` or `info`.
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "off" => RuleLevel::Off,
            "error" => RuleLevel::On(Severity::Error),
            "warning" => RuleLevel::On(Severity::Warning),
            "info" => RuleLevel::On(Severity::Info),
            _ => return None,
        })
    }
}

impl Settings {
    /// Sets the level of the rule with this code (`ASL205`, case-insensitive) or name
    /// (`choice-without-default`); `false`, changing nothing, when no rule has it.
    pub fn set_level(&mut self, rule: &str, level: RuleLevel) -> bool {
        let Some(rule) = find_rule(rule) else { return false };
        self.rule_levels.push((rule.meta(), level));
        true
    }

    /// The severity a rule reports at, or `None` when it is turned off.
    pub fn severity_of(&self, meta: &RuleMeta) -> Option<Severity> {
        let chosen = self
            .rule_levels
            .iter()
            .rev()
            // Each rule's metadata is one static: its address names the rule.
            .find(|(rule, _)| std::ptr::eq(*rule, meta))
            .map(|(_, level)| *level);
        match chosen {
            Some(RuleLevel::Off) => None,
            Some(RuleLevel::On(severity)) => Some(severity),
            None => Some(meta.default_severity),
        }
    }
}
