use std::sync::OnceLock;

use asl_diagnostics::{Diagnostic, Severity};
use asl_hosts::HostFacts;
use asl_semantic::expr::ExprDiagnostic;
use asl_semantic::graph::StateGraph;
use asl_semantic::model::Model;
use asl_syntax::{Parse, TextRange};

use crate::Settings;
use crate::findings::Findings;
use crate::helpers::error_handlers::{Handler, handler_lists};
use crate::helpers::expressions::{
    ContextRead, JsonPathExpr, JsonataSite, TemplateSite, context_reads, intrinsic_issues, jsonata_call_issues,
    jsonata_sites, jsonpath_exprs, template_sites,
};
use crate::helpers::field_sites::{Site, sites};
use crate::helpers::integrations::{TaskResource, task_resources};
use crate::helpers::variables::Variables;
use crate::suppression::{Directive, directives};

/// What every rule declares about itself. Codes and names are public API: never reuse them.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable code, such as `ASL201`.
    pub code: &'static str,
    /// Stable kebab-case name, such as `unreachable-state`.
    pub name: &'static str,
    pub category: Category,
    pub default_severity: Severity,
    pub fix: FixKind,
    /// The rule's documentation in Markdown, from its doc comment.
    pub docs: &'static str,
}

/// Rule families; the code's hundreds digit follows the category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// `ASL0xx`: the file is not well-formed JSON.
    Syntax,
    /// `ASL1xx`: fields, types and values of the definition.
    Structure,
    /// `ASL2xx`: transitions, reachability and termination.
    Flow,
    /// `ASL3xx`: paths, intrinsic functions, JSONata and variables.
    DataFlow,
    /// `ASL4xx`: retries, catchers, timeouts and integrations.
    Resilience,
    /// `ASL5xx`: what the host of a definition (a CloudFormation, SAM, CDK or Serverless
    /// template) does to it: substitutions, references, definitions that cannot be read.
    Host,
    /// `ASL9xx`: asl-lint's own `asl-lint-ignore:` directives.
    Directives,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Syntax => "syntax",
            Category::Structure => "structure",
            Category::Flow => "flow",
            Category::DataFlow => "data-flow",
            Category::Resilience => "resilience",
            Category::Host => "host",
            Category::Directives => "directives",
        }
    }
}

/// Whether the rule's diagnostics carry fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixKind {
    None,
    /// Some diagnostics carry a fix.
    Sometimes,
    /// Every diagnostic carries a fix.
    Always,
}

impl RuleMeta {
    /// A diagnostic of this rule at its default severity.
    pub fn diagnostic(&self, range: TextRange, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.code, self.name, self.default_severity, range, message)
    }

    /// The first paragraph of the docs after the "What it does" heading: one line for listings.
    pub fn summary(&self) -> &'static str {
        self.docs
            .lines()
            .map(str::trim)
            .find(|line| !line.is_empty() && !line.starts_with('#'))
            .unwrap_or("")
    }
}

/// Metadata, implemented by `declare_rule!`.
pub trait RuleMetadata {
    fn meta(&self) -> &'static RuleMeta;
}

/// A lint rule: it looks at the whole document and appends what it finds.
pub trait Rule: RuleMetadata + Send + Sync {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings);
}

/// What a rule can see.
pub struct RuleContext<'a> {
    pub source: &'a str,
    pub parse: &'a Parse,
    pub model: &'a Model<'a>,
    /// The state graph of `model`, built once for all rules.
    pub graph: &'a StateGraph,
    pub settings: &'a Settings,
    /// What the file that holds the definition says about it; `None` for a standalone
    /// definition.
    pub host: Option<&'a HostFacts>,
    derived: Derived<'a>,
}

/// What several rules derive from the model, computed on first use and then shared.
#[derive(Default)]
struct Derived<'a> {
    field_sites: OnceLock<Vec<Site<'a>>>,
    jsonpath_exprs: OnceLock<Vec<JsonPathExpr<'a>>>,
    intrinsic_issues: OnceLock<Vec<(usize, ExprDiagnostic)>>,
    jsonata_call_issues: OnceLock<Vec<(usize, ExprDiagnostic)>>,
    may_hold_jsonata: OnceLock<bool>,
    jsonata_sites: OnceLock<Vec<JsonataSite<'a>>>,
    template_sites: OnceLock<Vec<TemplateSite<'a>>>,
    variables: OnceLock<Variables<'a>>,
    context_reads: OnceLock<Vec<ContextRead<'a>>>,
    task_resources: OnceLock<Vec<TaskResource<'a>>>,
    directives: OnceLock<Vec<Directive<'a>>>,
    error_handlers: OnceLock<Vec<[Vec<Handler<'a>>; 2]>>,
}

impl<'a> RuleContext<'a> {
    pub fn new(
        source: &'a str,
        parse: &'a Parse,
        model: &'a Model<'a>,
        graph: &'a StateGraph,
        settings: &'a Settings,
        host: Option<&'a HostFacts>,
    ) -> Self {
        Self {
            source,
            parse,
            model,
            graph,
            settings,
            host,
            derived: Derived::default(),
        }
    }

    /// The size of the definition in bytes, as written: the file, or inside a template the
    /// definition's own text.
    pub fn definition_len(&self) -> usize {
        match self.host {
            None => self.source.len(),
            Some(_) => self.parse.root.range.len() as usize,
        }
    }

    /// Every object with a fixed set of fields (machine objects, states, their sub-objects).
    pub(crate) fn field_sites(&self) -> &[Site<'a>] {
        self.derived.field_sites.get_or_init(|| sites(self.model))
    }

    /// Every string evaluated as JSONPath (path fields and `.$` values), parsed once.
    pub(crate) fn jsonpath_exprs(&self) -> &[JsonPathExpr<'a>] {
        self.derived
            .jsonpath_exprs
            .get_or_init(|| jsonpath_exprs(self.model, self.template_sites()))
    }

    /// The issues of every well-formed intrinsic call, each with the index of its expression
    /// in [`RuleContext::jsonpath_exprs`], checked once for the rules that report them.
    pub(crate) fn intrinsic_issues(&self) -> &[(usize, ExprDiagnostic)] {
        self.derived
            .intrinsic_issues
            .get_or_init(|| intrinsic_issues(self.jsonpath_exprs()))
    }

    /// Every JSONata string in an evaluated field, parsed once.
    pub(crate) fn jsonata_sites(&self) -> &[JsonataSite<'a>] {
        self.derived.jsonata_sites.get_or_init(|| jsonata_sites(self.model))
    }

    /// The issues of every JSONata built-in call, each with its site, checked once for the
    /// rules that report them.
    pub(crate) fn jsonata_call_issues(&self) -> impl Iterator<Item = (&JsonataSite<'a>, &ExprDiagnostic)> {
        let sites = self.jsonata_sites();
        self.derived
            .jsonata_call_issues
            .get_or_init(|| jsonata_call_issues(sites))
            .iter()
            .filter_map(|(index, issue)| Some((sites.get(*index)?, issue)))
    }

    /// Whether a string of the definition may hold a `%`, and so a JSONata delimiter. False
    /// when the text holds neither `%` nor `\` (with which an escape could write one), as
    /// most JSONPath definitions do; the `${…}` placeholders that hosts put for expressions are
    /// made of the text's own characters.
    pub(crate) fn may_hold_jsonata(&self) -> bool {
        *self
            .derived
            .may_hold_jsonata
            .get_or_init(|| memchr::memchr2(b'%', b'\\', self.source.as_bytes()).is_some())
    }

    /// Every payload template of a JSONPath state.
    pub(crate) fn template_sites(&self) -> &[TemplateSite<'a>] {
        self.derived.template_sites.get_or_init(|| template_sites(self.model))
    }

    /// Every read of the context object (`$$.…`, `$states.context.…`).
    pub(crate) fn context_reads(&self) -> &[ContextRead<'a>] {
        self.derived
            .context_reads
            .get_or_init(|| context_reads(self.jsonpath_exprs(), self.jsonata_sites()))
    }

    /// Every Task whose `Resource` is a string, with the resource read once.
    pub(crate) fn task_resources(&self) -> &[TaskResource<'a>] {
        self.derived.task_resources.get_or_init(|| task_resources(self.model))
    }

    /// The `asl-lint-ignore:` directives of the definition.
    pub(crate) fn directives(&self) -> &[Directive<'a>] {
        self.derived
            .directives
            .get_or_init(|| directives(self.source, self.model))
    }

    /// Each state's retriers and catchers (see [`handler_lists`]), in the order of
    /// `model.states`.
    pub(crate) fn error_handlers(&self) -> &[[Vec<Handler<'a>>; 2]] {
        self.derived
            .error_handlers
            .get_or_init(|| self.model.states.iter().map(handler_lists).collect())
    }

    /// Where each variable is assigned and read, over the state graph.
    pub(crate) fn variables(&self) -> &Variables<'a> {
        self.derived
            .variables
            .get_or_init(|| Variables::analyze(self.model, self.jsonpath_exprs(), self.jsonata_sites()))
    }
}

/// Declares a rule: a unit struct, its metadata, and its docs taken from the doc comment.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub(crate) struct $name:ident {
            code: $code:literal,
            name: $kebab:literal,
            category: $category:ident,
            severity: $severity:ident,
            fix: $fix:ident $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub(crate) struct $name;

        impl $crate::rule::RuleMetadata for $name {
            fn meta(&self) -> &'static $crate::rule::RuleMeta {
                static META: $crate::rule::RuleMeta = $crate::rule::RuleMeta {
                    code: $code,
                    name: $kebab,
                    category: $crate::rule::Category::$category,
                    default_severity: asl_diagnostics::Severity::$severity,
                    fix: $crate::rule::FixKind::$fix,
                    docs: concat!($($doc, "\n"),*),
                };
                &META
            }
        }
    };
}
pub(crate) use declare_rule;
