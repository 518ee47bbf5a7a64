//! `asl-lint.toml`: the configuration file (public API: keys are only ever added).
//!
//! ```toml
//! workflow-type = "express"      # or "standard"
//! exclude = ["legacy/"]          # .gitignore syntax, relative to this file's directory
//!
//! [rules]                        # by code or name: "off", "error", "warning" or "info"
//! choice-without-default = "off"
//!
//! [[overrides]]                  # settings for some files; later entries win
//! files = ["express/**"]
//! workflow-type = "express"
//! rules = { ASL408 = "error" }
//! ```
//!
//! The file is read key by key from the parsed TOML, so that a misspelt key, rule or value is
//! reported at its line with a suggestion. `schemas/asl-lint.schema.json` describes the same
//! keys and values; a test compares it with the constants below.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use asl_diagnostics::printable::PrintableSource;
use asl_linter::{RuleLevel, RuleMeta, Settings, WorkflowType, all_rules, find_rule};
use asl_semantic::suggest::closest;
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use toml::Spanned;
use toml::de::{DeString, DeTable, DeValue};

use crate::{CheckArgs, WorkflowTypeArg};

/// The file name looked for in the current directory and its ancestors.
pub(crate) const CONFIG_FILE: &str = "asl-lint.toml";

/// The keys of the file.
pub(crate) const KEYS: [&str; 4] = ["workflow-type", "exclude", "rules", "overrides"];
/// The keys of one `[[overrides]]` entry.
pub(crate) const OVERRIDE_KEYS: [&str; 3] = ["files", "workflow-type", "rules"];
/// The values of `workflow-type` (either case, as in the AWS API).
pub(crate) const WORKFLOW_TYPES: [&str; 4] = ["standard", "express", "STANDARD", "EXPRESS"];
/// The levels a rule can be set to.
pub(crate) const LEVELS: [&str; 4] = ["off", "error", "warning", "info"];

/// A configuration file, read.
pub(crate) struct Config {
    /// Settings for every file: `workflow-type` and `[rules]`.
    settings: Settings,
    exclude: Option<Exclude>,
    overrides: Vec<Override>,
}

/// `exclude`: what a directory walk skips.
#[derive(Clone)]
pub(crate) struct Exclude(Arc<Patterns>);

/// Glob patterns in .gitignore syntax, relative to the configuration file's directory.
struct Patterns {
    base: PathBuf,
    matcher: Gitignore,
}

/// One `[[overrides]]` entry.
struct Override {
    files: Patterns,
    workflow_type: Option<WorkflowType>,
    rule_levels: Vec<(&'static RuleMeta, RuleLevel)>,
}

impl Config {
    /// Reads the configuration file at `path`.
    pub(crate) fn read(path: &Path) -> Result<Config, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let base = path
            .parent()
            .filter(|dir| !dir.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        Config::parse(&text, &resolved(base)).map_err(|e| format!("{}{e}", printable(&path.display().to_string())))
    }

    /// Reads the text of a configuration file whose globs are relative to `base`. An error
    /// starts with `:line:column: ` (or `: ` for a TOML syntax error).
    pub(crate) fn parse(text: &str, base: &Path) -> Result<Config, String> {
        // The TOML error quotes the line at fault: shown with its control characters as pictures.
        let root = DeTable::parse(text).map_err(|e| format!(": {}", PrintableSource::new(&e.to_string()).text))?;
        let at = |span: std::ops::Range<usize>, message: String| {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            format!(":{line}:{column}: {message}")
        };
        let mut config = Config {
            settings: Settings::default(),
            exclude: None,
            overrides: Vec::new(),
        };
        for (key, value) in in_file_order(root.get_ref()) {
            match known_key(key, &KEYS).map_err(|(span, e)| at(span, e))? {
                "workflow-type" => {
                    config.settings.workflow_type = Some(workflow_type(value).map_err(|(span, e)| at(span, e))?);
                }
                "exclude" => {
                    let patterns = patterns(value, base, "exclude").map_err(|(span, e)| at(span, e))?;
                    config.exclude = Some(Exclude(Arc::new(patterns)));
                }
                "rules" => config.settings.rule_levels = rules(value).map_err(|(span, e)| at(span, e))?,
                _ => {
                    let DeValue::Array(entries) = value.get_ref() else {
                        return Err(at(
                            value.span(),
                            "`overrides` is a list of tables: write [[overrides]]".into(),
                        ));
                    };
                    for entry in entries {
                        config
                            .overrides
                            .push(override_entry(entry, base).map_err(|(span, e)| at(span, e))?);
                    }
                }
            }
        }
        Ok(config)
    }

    /// The settings of one file: those of the whole file, then those of every override whose
    /// `files` match it, in order.
    pub(crate) fn settings_for(&self, file: &Path) -> Settings {
        let mut settings = self.settings.clone();
        for entry in self.overrides.iter().filter(|entry| entry.files.matches(file, false)) {
            if entry.workflow_type.is_some() {
                settings.workflow_type = entry.workflow_type;
            }
            settings.rule_levels.extend(entry.rule_levels.iter().cloned());
        }
        settings
    }

    /// The settings of a document that is not a file.
    pub(crate) fn base_settings(&self) -> Settings {
        self.settings.clone()
    }

    pub(crate) fn exclude(&self) -> Option<Exclude> {
        self.exclude.clone()
    }
}

impl Exclude {
    /// Whether a file or directory found while walking is skipped.
    pub(crate) fn excludes(&self, path: &Path, is_dir: bool) -> bool {
        self.0.matches(path, is_dir)
    }
}

impl Patterns {
    /// Whether the path, or a directory above it, matches. Paths outside the base directory
    /// never do.
    fn matches(&self, path: &Path, is_dir: bool) -> bool {
        match resolved(path).strip_prefix(&self.base) {
            Ok(relative) if !relative.as_os_str().is_empty() => {
                self.matcher.matched_path_or_any_parents(relative, is_dir).is_ignore()
            }
            _ => false,
        }
    }
}

type Entry<'t, 'i> = (&'t Spanned<DeString<'i>>, &'t Spanned<DeValue<'i>>);

/// The entries of a table in the order of the file (the parser sorts them by name), so that
/// the first mistake is the one reported.
fn in_file_order<'t, 'i>(table: &'t DeTable<'i>) -> Vec<Entry<'t, 'i>> {
    let mut entries: Vec<Entry<'t, 'i>> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}

/// A result whose error has the byte range it is about.
type AtSpan<T> = Result<T, (std::ops::Range<usize>, String)>;

fn known_key(key: &Spanned<DeString<'_>>, known: &[&'static str]) -> AtSpan<&'static str> {
    let name: &str = key.get_ref();
    known.iter().copied().find(|k| *k == name).ok_or_else(|| {
        let hint = match closest(name, known) {
            Some(suggestion) => format!("; did you mean `{suggestion}`?"),
            None => format!("; the keys are {}", known.join(", ")),
        };
        (key.span(), format!("unknown key `{}`{hint}", printable(name)))
    })
}

fn string<'v>(value: &'v Spanned<DeValue<'_>>, what: &str) -> AtSpan<&'v str> {
    match value.get_ref() {
        DeValue::String(text) => Ok(text),
        _ => Err((value.span(), format!("{what} is a string"))),
    }
}

fn workflow_type(value: &Spanned<DeValue<'_>>) -> AtSpan<WorkflowType> {
    let kind = string(value, "`workflow-type`")?;
    match kind {
        "standard" | "STANDARD" => Ok(WorkflowType::Standard),
        "express" | "EXPRESS" => Ok(WorkflowType::Express),
        _ => Err((
            value.span(),
            format!(
                "workflow-type \"{}\" is not \"standard\" or \"express\"{}",
                printable(kind),
                suggestion(kind, &WORKFLOW_TYPES)
            ),
        )),
    }
}

/// `[rules]`: rule code or name = level.
fn rules(value: &Spanned<DeValue<'_>>) -> AtSpan<Vec<(&'static RuleMeta, RuleLevel)>> {
    let DeValue::Table(table) = value.get_ref() else {
        return Err((value.span(), "`rules` is a table of rule = level".into()));
    };
    let mut levels = Vec::new();
    for (rule, level) in in_file_order(table) {
        let level_text = string(level, "a rule's level")?;
        let span = if find_rule(rule.get_ref()).is_none() {
            rule.span()
        } else {
            level.span()
        };
        levels.push(rule_level(rule.get_ref(), level_text).map_err(|e| (span, e))?);
    }
    Ok(levels)
}

/// A list of glob patterns in .gitignore syntax.
fn patterns(value: &Spanned<DeValue<'_>>, base: &Path, key: &str) -> AtSpan<Patterns> {
    let DeValue::Array(items) = value.get_ref() else {
        return Err((value.span(), format!("`{key}` is a list of glob patterns")));
    };
    let mut builder = GitignoreBuilder::new(base);
    for item in items {
        let pattern = string(item, "a glob pattern")?;
        builder.add_line(None, pattern).map_err(|e| {
            (
                item.span(),
                format!("invalid glob pattern: {}", printable(&e.to_string())),
            )
        })?;
    }
    let matcher = builder
        .build()
        .map_err(|e| (value.span(), printable(&e.to_string()).into_owned()))?;
    Ok(Patterns {
        base: base.to_path_buf(),
        matcher,
    })
}

fn override_entry(entry: &Spanned<DeValue<'_>>, base: &Path) -> AtSpan<Override> {
    let DeValue::Table(table) = entry.get_ref() else {
        return Err((entry.span(), "an override is a table: write [[overrides]]".into()));
    };
    let mut files = None;
    let mut result = Override {
        files: Patterns {
            base: base.to_path_buf(),
            matcher: Gitignore::empty(),
        },
        workflow_type: None,
        rule_levels: Vec::new(),
    };
    for (key, value) in in_file_order(table) {
        match known_key(key, &OVERRIDE_KEYS)? {
            "files" => files = Some(patterns(value, base, "files")?),
            "workflow-type" => result.workflow_type = Some(workflow_type(value)?),
            _ => result.rule_levels = rules(value)?,
        }
    }
    result.files = files.ok_or_else(|| {
        (
            entry.span(),
            "an override needs `files`, the glob patterns of the files it applies to".to_owned(),
        )
    })?;
    Ok(result)
}

/// What `check` runs with: the configuration file, then the flags, which win.
pub(crate) struct CheckSettings {
    config: Option<Config>,
    flags: Settings,
}

impl CheckSettings {
    pub(crate) fn new(args: &CheckArgs) -> Result<Self, String> {
        let path = match (&args.config, args.no_config) {
            (Some(path), _) => Some(path.clone()),
            (None, true) => None,
            (None, false) => std::env::current_dir().ok().and_then(|dir| find_config(&dir)),
        };
        let config = path.map(|path| Config::read(&path)).transpose()?;
        let mut flags = Settings {
            workflow_type: args.workflow_type.map(|kind| match kind {
                WorkflowTypeArg::Standard => WorkflowType::Standard,
                WorkflowTypeArg::Express => WorkflowType::Express,
            }),
            ..Settings::default()
        };
        for rule in &args.ignore {
            let (rule, level) = rule_level(rule, "off").map_err(|e| format!("--ignore: {e}"))?;
            flags.rule_levels.push((rule, level));
        }
        for flag in &args.severity {
            flags.rule_levels.push(severity_flag(flag)?);
        }
        Ok(Self { config, flags })
    }

    /// The settings of one file (for standard input, the `--stdin-filename`).
    pub(crate) fn for_file(&self, path: &Path) -> Settings {
        let mut settings = self
            .config
            .as_ref()
            .map_or_else(Settings::default, |config| config.settings_for(path));
        if self.flags.workflow_type.is_some() {
            settings.workflow_type = self.flags.workflow_type;
        }
        settings.rule_levels.extend(self.flags.rule_levels.iter().cloned());
        settings
    }

    pub(crate) fn exclude(&self) -> Option<Exclude> {
        self.config.as_ref().and_then(Config::exclude)
    }
}

/// The nearest `asl-lint.toml` from `start` upwards.
pub(crate) fn find_config(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(CONFIG_FILE))
        .find(|path| path.is_file())
}

/// Reads `--severity RULE=LEVEL`.
fn severity_flag(flag: &str) -> Result<(&'static RuleMeta, RuleLevel), String> {
    let (rule, level) = flag
        .split_once('=')
        .ok_or_else(|| format!("--severity \"{}\": write RULE=LEVEL", printable(flag)))?;
    rule_level(rule.trim(), level.trim()).map_err(|e| format!("--severity: {e}"))
}

/// Checks a rule name and a level, and gives the rule (its metadata) with the level.
fn rule_level(rule: &str, level: &str) -> Result<(&'static RuleMeta, RuleLevel), String> {
    let Some(found) = find_rule(rule) else {
        let names: Vec<&str> = all_rules()
            .iter()
            .flat_map(|rule| [rule.meta().code, rule.meta().name])
            .collect();
        let hint = match closest(rule, &names) {
            Some(close) => format!("; did you mean \"{close}\"?"),
            None => "; `asl-lint rule` lists them".to_owned(),
        };
        return Err(format!("\"{}\" is not a rule code or name{hint}", printable(rule)));
    };
    let level = RuleLevel::from_name(level).ok_or_else(|| {
        format!(
            "\"{}\" = \"{}\": the level is one of off, error, warning, info{}",
            printable(rule),
            printable(level),
            suggestion(level, &LEVELS)
        )
    })?;
    Ok((found.meta(), level))
}

/// `; did you mean "…"?`, or nothing: the closest candidate by edit distance, else the one
/// the text abbreviates (`warn` for `warning`).
fn suggestion(text: &str, candidates: &[&str]) -> String {
    let lowered = text.to_lowercase();
    let abbreviated = || {
        let mut starting = candidates
            .iter()
            .filter(|c| !lowered.is_empty() && c.starts_with(&lowered));
        starting.next().filter(|_| starting.next().is_none())
    };
    closest(text, candidates)
        .or_else(|| abbreviated().copied())
        .map_or_else(String::new, |close| format!("; did you mean \"{close}\"?"))
}

fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    asl_diagnostics::printable::printable(text)
}

/// The path from the root with links resolved, as directory walks give them: an existing
/// relative path is resolved on disk, anything else by the names `.` and `..`.
fn resolved(path: &Path) -> PathBuf {
    if path.is_relative()
        && let Ok(real) = path.canonicalize()
    {
        return real;
    }
    lexically_absolute(path)
}

fn lexically_absolute(path: &Path) -> PathBuf {
    let joined = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use serde_json::{Value, json};

    use super::*;

    fn schema() -> Value {
        serde_json::from_str(include_str!("../../../schemas/asl-lint.schema.json")).unwrap()
    }

    fn sorted_keys(object: &Value) -> Vec<String> {
        let mut keys: Vec<String> = object.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    }

    fn sorted(keys: &[&str]) -> Vec<String> {
        let mut keys: Vec<String> = keys.iter().map(|k| (*k).to_owned()).collect();
        keys.sort();
        keys
    }

    fn load(text: &str) -> Result<Config, String> {
        Config::parse(text, Path::new("/project"))
    }

    fn as_json(toml_text: &str) -> Value {
        toml::from_str(toml_text).unwrap()
    }

    /// The `toml` block of the README's Configuration section.
    fn readme_example() -> &'static str {
        let readme = include_str!("../../../README.md");
        let section = &readme[readme.find("\n## Configuration").unwrap()..];
        let start = section.find("```toml\n").unwrap() + "```toml\n".len();
        &section[start..start + section[start..].find("```").unwrap()]
    }

    #[test]
    fn the_schema_names_the_keys_and_values_the_code_reads() {
        let schema = schema();
        assert_eq!(sorted_keys(&schema["properties"]), sorted(&KEYS));
        let entry = &schema["properties"]["overrides"]["items"];
        assert_eq!(sorted_keys(&entry["properties"]), sorted(&OVERRIDE_KEYS));
        assert_eq!(entry["required"], json!(["files"]));
        assert_eq!(schema["definitions"]["workflow-type"]["enum"], json!(WORKFLOW_TYPES));
        assert_eq!(
            schema["definitions"]["rules"]["additionalProperties"]["enum"],
            json!(LEVELS)
        );
        for level in LEVELS {
            assert!(RuleLevel::from_name(level).is_some(), "{level}");
        }
        for kind in WORKFLOW_TYPES {
            assert!(load(&format!("workflow-type = \"{kind}\"")).is_ok(), "{kind}");
        }
    }

    #[test]
    fn every_rule_code_and_name_is_allowed_by_the_schema() {
        let validator = jsonschema::draft7::new(&schema()).unwrap();
        let mut rules = serde_json::Map::new();
        for rule in all_rules() {
            rules.insert(rule.meta().code.to_owned(), json!("off"));
            rules.insert(rule.meta().code.to_lowercase(), json!("error"));
            rules.insert(rule.meta().name.to_owned(), json!("info"));
        }
        assert!(validator.is_valid(&json!({ "rules": rules })));
        assert!(!validator.is_valid(&json!({"rules": {"Not A Rule": "off"}})));
    }

    #[test]
    fn examples_load_and_validate_and_mistakes_fail_both() {
        let validator = jsonschema::draft7::new(&schema()).unwrap();
        for example in [crate::init::STARTER, readme_example()] {
            load(example).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&as_json(example))
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{errors:?}\n{example}");
        }
        for mistake in [
            "colour = 1",
            "workflow-type = \"fast\"",
            "exclude = \"legacy/\"",
            "exclude = [1]",
            "[rules]\nASL205 = \"loud\"",
            "[rules]\nASL205 = 1",
            "rules = [\"ASL205\"]",
            "overrides = { files = [\"x\"] }",
            "[[overrides]]\nworkflow-type = \"express\"",
            "[[overrides]]\nfiles = [\"x/\"]\nexclude = [\"y\"]",
        ] {
            assert!(load(mistake).is_err(), "the code accepts {mistake}");
            assert!(!validator.is_valid(&as_json(mistake)), "the schema accepts {mistake}");
        }
    }

    #[test]
    fn overrides_and_exclude_match_below_the_configuration_directory() {
        let config = load(
            "exclude = [\"legacy/\", \"*.draft.json\"]\n[[overrides]]\nfiles = [\"express/\"]\nworkflow-type = \"express\"\n",
        )
        .unwrap();
        let exclude = config.exclude().unwrap();
        assert!(exclude.excludes(Path::new("/project/legacy"), true));
        assert!(exclude.excludes(Path::new("/project/legacy/a/b.asl.json"), false));
        assert!(exclude.excludes(Path::new("/project/deep/x.draft.json"), false));
        assert!(!exclude.excludes(Path::new("/project/flows/a.asl.json"), false));
        assert!(
            !exclude.excludes(Path::new("/elsewhere/legacy/a.asl.json"), false),
            "outside the project"
        );
        assert!(!exclude.excludes(Path::new("/project"), true));
        let express = config.settings_for(Path::new("/project/express/run.asl.json"));
        assert_eq!(express.workflow_type, Some(WorkflowType::Express));
        assert_eq!(
            config.settings_for(Path::new("/project/run.asl.json")).workflow_type,
            None
        );
    }
}
