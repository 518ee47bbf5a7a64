//! Where the expressions of a definition live: path fields and payload templates of
//! JSONPath states, JSONata strings of JSONata states, each with its state and field.
//! The data-flow rules walk these lists instead of the model, so they agree on what is
//! evaluated where; the context-object reads are found in them.

use std::ops::Range;
use std::sync::OnceLock;

use asl_semantic::expr::intrinsic::{ArgumentKind, Intrinsic, check_intrinsic, is_intrinsic_call, parse_intrinsic};
use asl_semantic::expr::jsonata::{JsonataExpr, References, check_jsonata, parse_jsonata, references};
use asl_semantic::expr::path::{FilterExpr, Path, SegmentKind, parse_path};
use asl_semantic::expr::{ExprDiagnostic, ExprError, ExprErrorKind};
use asl_semantic::model::{
    ChoiceRule, Field, JsonataString, Model, Operand, PathValue, QueryLanguage, State, StateKind, jsonata_expression,
};
use asl_syntax::{CompactString, Member, Node, StringSourceMap, TextRange, Value};

/// The source range of `decoded` (byte offsets in the decoded value of the string `node`).
pub(crate) fn string_range(source: &str, node: &Node, decoded: Range<usize>) -> TextRange {
    StringSourceMap::new(source, node.range).source_range(decoded)
}

/// A field of a JSONPath state that holds a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PathField {
    InputPath,
    OutputPath,
    /// A state's or a catcher's `ResultPath`.
    ResultPath,
    ItemsPath,
    /// `TimeoutSecondsPath`, `SecondsPath`, `MaxConcurrencyPath`, …: a Reference Path.
    ReferencePath,
    /// A Choice rule's `Variable`.
    ChoiceVariable,
    /// The value of a `…Path` comparison operator.
    ChoicePath,
    /// Fail `ErrorPath` / `CausePath`: a Reference Path or a string-returning intrinsic.
    ErrorOrCausePath,
}

impl PathField {
    pub(crate) fn requires_reference_path(self) -> bool {
        matches!(
            self,
            PathField::ResultPath | PathField::ItemsPath | PathField::ReferencePath | PathField::ErrorOrCausePath
        )
    }
}

/// A payload template of a JSONPath state: an object whose `.$` keys are evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Template {
    /// Task, Pass or Parallel `Parameters`.
    Parameters,
    /// The deprecated Map `Parameters` (same as `ItemSelector`).
    MapParameters,
    ItemSelector,
    ResultSelector,
    /// `ItemReader.Parameters`, `ResultWriter.Parameters`, `ItemBatcher.BatchInput`.
    MapSubObject,
    Credentials,
    /// A state's, Choice rule's or catcher's `Assign`.
    Assign,
}

impl Template {
    /// Where `$$.Map.Item.*` is defined.
    pub(crate) fn has_map_item(self) -> bool {
        matches!(self, Template::ItemSelector | Template::MapParameters)
    }
}

/// A path field of a JSONPath state.
pub(crate) struct PathSite<'a> {
    pub state: &'a State<'a>,
    /// The field as the user reads it: `ResultPath`, `Catch[0].ResultPath`, `Choices[1].Variable`.
    pub field: CompactString,
    pub node: &'a Node,
    pub text: &'a str,
    pub kind: PathField,
}

/// A payload template of a JSONPath state.
pub(crate) struct TemplateSite<'a> {
    pub state: &'a State<'a>,
    pub field: CompactString,
    pub node: &'a Node,
    pub kind: Template,
    /// Its members at any depth, listed on first use and shared by every rule.
    members: OnceLock<TemplateMembers<'a>>,
}

/// The members of a payload template, and their field names one after another (one string
/// for all of them rather than one each).
struct TemplateMembers<'a> {
    list: Vec<TemplateMember<'a>>,
    names: String,
}

/// One member of a payload template, at any depth.
pub(crate) struct TemplateMember<'a> {
    pub member: &'a Member,
    /// Where its field name is among its site's names (see [`TemplateSite::field_of`]).
    field: Range<usize>,
}

impl TemplateMember<'_> {
    pub(crate) fn is_dynamic(&self) -> bool {
        self.member.key.text.ends_with(".$")
    }
}

/// Where a JSONata string of a JSONata state is, as far as `$states` cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum JsonataPlace {
    /// The state's top-level `Output`.
    Output,
    /// The state's top-level `Assign`.
    Assign,
    CatchOutput,
    CatchAssign,
    Arguments,
    /// Map `ItemSelector`: `$states.context.Map.Item` is defined.
    ItemSelector,
    Other,
}

/// A JSONata string (`{% … %}`) in an evaluated field of a JSONata state.
#[derive(Clone)]
pub(crate) struct JsonataSite<'a> {
    pub state: &'a State<'a>,
    pub field: CompactString,
    pub node: &'a Node,
    pub expression: JsonataString<'a>,
    pub place: JsonataPlace,
    /// The parsed expression, computed on first use and shared by every rule.
    pub parsed: OnceLock<Result<JsonataExpr, ExprError>>,
    /// What the parsed expression reads, listed on first use and shared by every rule.
    pub references: OnceLock<References>,
}

impl JsonataSite<'_> {
    /// The parsed expression; error ranges are relative to the expression text.
    pub(crate) fn parse(&self) -> Result<&JsonataExpr, &ExprError> {
        self.parsed
            .get_or_init(|| parse_jsonata(self.expression.expression))
            .as_ref()
    }

    /// The variables, `$states` accesses and implicit-input reads of the expression; `None`
    /// when it does not parse.
    pub(crate) fn references(&self) -> Option<&References> {
        let expr = self.parse().ok()?;
        Some(self.references.get_or_init(|| references(expr)))
    }

    /// The source range of `range`, given relative to the expression text.
    pub(crate) fn source_range(&self, source: &str, range: Range<usize>) -> TextRange {
        let offset = self.expression.offset;
        string_range(source, self.node, range.start + offset..range.end + offset)
    }
}

/// Every path field of every JSONPath state.
pub(crate) fn path_sites<'a>(model: &'a Model<'a>) -> Vec<PathSite<'a>> {
    let mut sites = Vec::new();
    for state in jsonpath_states(model) {
        let mut push = |field: CompactString, member: &'a Member, kind: PathField| {
            if let Value::String(text) = &member.value.value {
                sites.push(PathSite {
                    state,
                    field,
                    node: &member.value,
                    text,
                    kind,
                });
            }
        };
        let nullable = |field: &Option<Field<'a, PathValue<'a>>>| {
            field
                .as_ref()
                .filter(|f| matches!(f.value, Some(PathValue::Path(_))))
                .map(|f| f.member)
        };
        let plain = |field: &Option<Field<'a, &'a str>>| field.as_ref().map(|f| f.member);
        if let Some(m) = nullable(&state.input_path) {
            push("InputPath".into(), m, PathField::InputPath);
        }
        if let Some(m) = nullable(&state.output_path) {
            push("OutputPath".into(), m, PathField::OutputPath);
        }
        if let Some(m) = nullable(&state.result_path) {
            push("ResultPath".into(), m, PathField::ResultPath);
        }
        for (index, catcher) in state.catchers().iter().enumerate() {
            if let Some(m) = nullable(&catcher.result_path) {
                push(format!("Catch[{index}].ResultPath").into(), m, PathField::ResultPath);
            }
        }
        match &state.kind {
            StateKind::Task(task) => {
                for m in [plain(&task.timeout_seconds_path), plain(&task.heartbeat_seconds_path)]
                    .into_iter()
                    .flatten()
                {
                    push(m.key.text.clone(), m, PathField::ReferencePath);
                }
            }
            StateKind::Wait(wait) => {
                for m in [plain(&wait.seconds_path), plain(&wait.timestamp_path)]
                    .into_iter()
                    .flatten()
                {
                    push(m.key.text.clone(), m, PathField::ReferencePath);
                }
            }
            StateKind::Fail(fail) => {
                for m in [plain(&fail.error_path), plain(&fail.cause_path)].into_iter().flatten() {
                    push(m.key.text.clone(), m, PathField::ErrorOrCausePath);
                }
            }
            StateKind::Map(map) => {
                if let Some(m) = nullable(&map.items_path) {
                    push("ItemsPath".into(), m, PathField::ItemsPath);
                }
                let own = [
                    plain(&map.max_concurrency_path),
                    plain(&map.tolerated_failure_count_path),
                    plain(&map.tolerated_failure_percentage_path),
                ];
                for m in own.into_iter().flatten() {
                    push(m.key.text.clone(), m, PathField::ReferencePath);
                }
                let reader_config = map
                    .item_reader
                    .as_ref()
                    .and_then(|f| f.value.as_ref()?.reader_config.as_ref());
                if let Some(m) = reader_config.and_then(|f| plain(&f.value.as_ref()?.max_items_path)) {
                    push(
                        "ItemReader.ReaderConfig.MaxItemsPath".into(),
                        m,
                        PathField::ReferencePath,
                    );
                }
                if let Some(batcher) = map.item_batcher.as_ref().and_then(|f| f.value.as_ref()) {
                    for m in [
                        plain(&batcher.max_items_per_batch_path),
                        plain(&batcher.max_input_bytes_per_batch_path),
                    ]
                    .into_iter()
                    .flatten()
                    {
                        push(
                            format!("ItemBatcher.{}", m.key.text).into(),
                            m,
                            PathField::ReferencePath,
                        );
                    }
                }
            }
            StateKind::Choice(choice) => {
                for (index, rule) in choice.rules().iter().enumerate() {
                    choice_rule_paths(rule, format!("Choices[{index}]"), &mut push);
                }
            }
            _ => {}
        }
    }
    sites
}

fn choice_rule_paths<'a>(
    rule: &ChoiceRule<'a>,
    prefix: String,
    push: &mut impl FnMut(CompactString, &'a Member, PathField),
) {
    let member_of_prefix = |key: &str| {
        let mut field = prefix.clone();
        push_key(&mut field, key);
        field
    };
    if let Some(variable) = &rule.variable {
        push(
            member_of_prefix("Variable").into(),
            variable.member,
            PathField::ChoiceVariable,
        );
    }
    for comparison in &rule.comparisons {
        if comparison.operator.operand() == Operand::Path {
            let member = comparison.field.member;
            push(member_of_prefix(&member.key.text).into(), member, PathField::ChoicePath);
        }
    }
    for (name, rules) in [("And", &rule.and), ("Or", &rule.or)] {
        let rules = rules.as_ref().and_then(|f| f.value.as_deref()).unwrap_or(&[]);
        for (index, inner) in rules.iter().enumerate() {
            let mut field = member_of_prefix(name);
            push_index(&mut field, index);
            choice_rule_paths(inner, field, push);
        }
    }
    if let Some(inner) = rule.not.as_ref().and_then(|f| f.value.as_deref()) {
        choice_rule_paths(inner, member_of_prefix("Not"), push);
    }
}

/// Every payload template of every JSONPath state.
pub(crate) fn template_sites<'a>(model: &'a Model<'a>) -> Vec<TemplateSite<'a>> {
    let mut sites = Vec::new();
    for state in jsonpath_states(model) {
        let mut push = |field: CompactString, node: &'a Node, kind: Template| {
            sites.push(TemplateSite {
                state,
                field,
                node,
                kind,
                members: OnceLock::new(),
            })
        };
        let is_map = matches!(state.kind, StateKind::Map(_));
        if let Some(f) = &state.parameters {
            push(
                "Parameters".into(),
                f.node(),
                if is_map {
                    Template::MapParameters
                } else {
                    Template::Parameters
                },
            );
        }
        if let Some(f) = &state.result_selector {
            push("ResultSelector".into(), f.node(), Template::ResultSelector);
        }
        if let Some(f) = &state.assign {
            push("Assign".into(), f.node(), Template::Assign);
        }
        for (index, catcher) in state.catchers().iter().enumerate() {
            if let Some(f) = &catcher.assign {
                push(format!("Catch[{index}].Assign").into(), f.node(), Template::Assign);
            }
        }
        match &state.kind {
            StateKind::Task(task) => {
                if let Some(f) = &task.credentials {
                    push("Credentials".into(), f.node(), Template::Credentials);
                }
            }
            StateKind::Choice(choice) => {
                for (index, rule) in choice.rules().iter().enumerate() {
                    if let Some(f) = &rule.assign {
                        push(format!("Choices[{index}].Assign").into(), f.node(), Template::Assign);
                    }
                }
            }
            StateKind::Map(map) => {
                if let Some(f) = &map.item_selector {
                    push("ItemSelector".into(), f.node(), Template::ItemSelector);
                }
                if let Some(f) = map
                    .item_reader
                    .as_ref()
                    .and_then(|f| f.value.as_ref()?.parameters.as_ref())
                {
                    push("ItemReader.Parameters".into(), f.node(), Template::MapSubObject);
                }
                if let Some(f) = map
                    .result_writer
                    .as_ref()
                    .and_then(|f| f.value.as_ref()?.parameters.as_ref())
                {
                    push("ResultWriter.Parameters".into(), f.node(), Template::MapSubObject);
                }
                if let Some(f) = map
                    .item_batcher
                    .as_ref()
                    .and_then(|f| f.value.as_ref()?.batch_input.as_ref())
                {
                    push("ItemBatcher.BatchInput".into(), f.node(), Template::MapSubObject);
                }
            }
            _ => {}
        }
    }
    sites
}

impl<'a> TemplateSite<'a> {
    /// Every member of the template at any depth (objects inside arrays included), parents
    /// before children. Values of `.$` keys are not descended into: they are expressions.
    pub(crate) fn members(&self) -> &[TemplateMember<'a>] {
        &self.all_members().list
    }

    /// The field name of `entry`, one of [`TemplateSite::members`]: `Parameters.user.name.$`.
    pub(crate) fn field_of(&self, entry: &TemplateMember<'_>) -> &str {
        &self.all_members().names[entry.field.clone()]
    }

    fn all_members(&self) -> &TemplateMembers<'a> {
        self.members.get_or_init(|| {
            // The names repeat their parents' names: about twice the template's text.
            let mut found = TemplateMembers {
                list: Vec::new(),
                names: String::with_capacity(2 * self.node.range.len() as usize),
            };
            collect_members(self.node, &mut self.field_buffer(), &mut found);
            found
        })
    }

    /// Calls `visit` with every object of the template (for duplicate checks), children
    /// before parents; [`TemplateSite::field_of_object`] names one.
    pub(crate) fn for_each_object(&self, mut visit: impl FnMut(&'a [Member])) {
        visit_objects(self.node, &mut visit);
    }

    /// The field name of `object`, one of those [`TemplateSite::for_each_object`] visits:
    /// found again from the template's top, as only a finding asks for it.
    pub(crate) fn field_of_object(&self, object: &[Member]) -> String {
        let mut field = self.field_buffer();
        name_object(self.node, object, &mut field);
        field
    }

    /// The field name, with room for the names of nested members to be appended.
    fn field_buffer(&self) -> String {
        let mut field = String::with_capacity(self.field.len() + 64);
        field.push_str(&self.field);
        field
    }
}

/// `field` is the name of `node` as the user reads it; it is extended for each child and
/// restored before returning, and each member's copy goes to `found.names`.
fn collect_members<'a>(node: &'a Node, field: &mut String, found: &mut TemplateMembers<'a>) {
    let parent = field.len();
    match &node.value {
        Value::Object(members) => {
            for member in members {
                push_key(field, &member.key.text);
                let start = found.names.len();
                found.names.push_str(field);
                found.list.push(TemplateMember {
                    member,
                    field: start..found.names.len(),
                });
                if !member.key.text.ends_with(".$") {
                    collect_members(&member.value, field, found);
                }
                field.truncate(parent);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                push_index(field, index);
                collect_members(item, field, found);
                field.truncate(parent);
            }
        }
        _ => {}
    }
}

fn visit_objects<'a>(node: &'a Node, visit: &mut impl FnMut(&'a [Member])) {
    match &node.value {
        Value::Object(members) => {
            for member in members.iter().filter(|m| !m.key.text.ends_with(".$")) {
                visit_objects(&member.value, visit);
            }
            visit(members);
        }
        Value::Array(items) => {
            for item in items {
                visit_objects(item, visit);
            }
        }
        _ => {}
    }
}

/// Extends `field`, the name of `node`, to the name of `object` inside it; whether it is there
/// (`field` is left as it was when not).
fn name_object(node: &Node, object: &[Member], field: &mut String) -> bool {
    let parent = field.len();
    match &node.value {
        Value::Object(members) if std::ptr::eq(&**members, object) => return true,
        Value::Object(members) => {
            for member in members.iter().filter(|m| !m.key.text.ends_with(".$")) {
                push_key(field, &member.key.text);
                if name_object(&member.value, object, field) {
                    return true;
                }
                field.truncate(parent);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                push_index(field, index);
                if name_object(item, object, field) {
                    return true;
                }
                field.truncate(parent);
            }
        }
        _ => {}
    }
    false
}

/// Calls `visit` with every string in `node` (passing over the members `skip` names) and its
/// field name. `field` names `node`; it is extended for each child and restored, so that a
/// name is written out only when `visit` keeps it.
pub(crate) fn for_each_string<'a>(
    node: &'a Node,
    field: &mut String,
    skip: &impl Fn(&str) -> bool,
    visit: &mut impl FnMut(&'a Node, &str, &str),
) {
    let parent = field.len();
    match &node.value {
        Value::String(text) => visit(node, text, field),
        Value::Object(members) => {
            for member in members.iter().filter(|member| !skip(&member.key.text)) {
                push_key(field, &member.key.text);
                for_each_string(&member.value, field, skip, visit);
                field.truncate(parent);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                push_index(field, index);
                for_each_string(item, field, skip, visit);
                field.truncate(parent);
            }
        }
        _ => {}
    }
}

/// Extends a field name with a member: `Parameters` → `Parameters.user`.
pub(crate) fn push_key(field: &mut String, key: &str) {
    field.push('.');
    field.push_str(key);
}

/// Extends a field name with an array index: `Parameters.items` → `Parameters.items[0]`.
pub(crate) fn push_index(field: &mut String, index: usize) {
    // Without `write!`: its machinery cost more than the rest of a walk over an array.
    field.push('[');
    field.push_str(itoa::Buffer::new().format(index));
    field.push(']');
}

/// A string that AWS evaluates as a JSONPath expression: a path field, or the value of a
/// `.$` key in a payload template.
pub(crate) struct JsonPathExpr<'a> {
    pub state: &'a State<'a>,
    pub field: CompactString,
    pub node: &'a Node,
    pub text: &'a str,
    pub place: JsonPathPlace,
    /// The parsed expression, computed on first use and shared by every rule.
    pub parsed: OnceLock<Parsed>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum JsonPathPlace {
    Path(PathField),
    Template(Template),
}

/// What a JSONPath expression string is.
pub(crate) enum Parsed {
    Path(Result<Path, ExprError>),
    Intrinsic(Result<Intrinsic, ExprError>),
    /// Neither a path nor an intrinsic call (only possible for a template value).
    Other,
}

impl Parsed {
    /// The syntax error of a path, if it is one that does not parse.
    pub(crate) fn path_error(&self) -> Option<&ExprError> {
        match self {
            Parsed::Path(Err(error)) if error.kind == ExprErrorKind::Syntax => Some(error),
            _ => None,
        }
    }

    /// The syntax error of an intrinsic function call, if it is one that does not parse.
    pub(crate) fn intrinsic_error(&self) -> Option<&ExprError> {
        match self {
            Parsed::Intrinsic(Err(error)) if error.kind == ExprErrorKind::Syntax => Some(error),
            _ => None,
        }
    }

    /// The error of a path or call nested deeper than the parsers go.
    pub(crate) fn too_deep_error(&self) -> Option<&ExprError> {
        match self {
            Parsed::Path(Err(error)) | Parsed::Intrinsic(Err(error)) if error.kind == ExprErrorKind::TooDeep => {
                Some(error)
            }
            _ => None,
        }
    }
}

impl JsonPathExpr<'_> {
    pub(crate) fn parse(&self) -> &Parsed {
        self.parsed.get_or_init(|| {
            if is_intrinsic_call(self.text) {
                return Parsed::Intrinsic(parse_intrinsic(self.text));
            }
            match self.place {
                JsonPathPlace::Template(_) if !is_path_or_call(self.text) => Parsed::Other,
                _ => Parsed::Path(parse_path(self.text)),
            }
        })
    }
}

/// Whether a template value is evaluated as a path or an intrinsic call (else it is
/// [`Parsed::Other`]), told without parsing it.
pub(crate) fn is_path_or_call(text: &str) -> bool {
    text.trim_start().starts_with('$') || is_intrinsic_call(text)
}

/// The issues of every well-formed intrinsic call among `exprs`, each with the index of its
/// expression, in the order of `exprs`.
pub(crate) fn intrinsic_issues(exprs: &[JsonPathExpr<'_>]) -> Vec<(usize, ExprDiagnostic)> {
    let mut issues = Vec::new();
    for (index, expr) in exprs.iter().enumerate() {
        if let Parsed::Intrinsic(Ok(call)) = expr.parse() {
            issues.extend(check_intrinsic(call).into_iter().map(|issue| (index, issue)));
        }
    }
    issues
}

/// The issues of every JSONata built-in call among `sites` that parse, each with the index of
/// its site, in the order of `sites`.
pub(crate) fn jsonata_call_issues(sites: &[JsonataSite<'_>]) -> Vec<(usize, ExprDiagnostic)> {
    let mut issues = Vec::new();
    for (index, site) in sites.iter().enumerate() {
        if let (Ok(expr), Some(references)) = (site.parse(), site.references()) {
            issues.extend(check_jsonata(expr, references).into_iter().map(|issue| (index, issue)));
        }
    }
    issues
}

/// Every path field and every string value of a `.$` key, in JSONPath states;
/// `template_sites` are the model's payload templates.
pub(crate) fn jsonpath_exprs<'a>(model: &'a Model<'a>, template_sites: &[TemplateSite<'a>]) -> Vec<JsonPathExpr<'a>> {
    let paths = path_sites(model);
    let templates = || {
        template_sites.iter().flat_map(|site| {
            site.members()
                .iter()
                .filter_map(move |entry| match (entry.is_dynamic(), &entry.member.value.value) {
                    (true, Value::String(text)) => Some((site, entry, text)),
                    _ => None,
                })
        })
    };
    // Allocated once at its final size: an expression is large (its parse is kept in it).
    let mut exprs = Vec::with_capacity(paths.len() + templates().count());
    exprs.extend(paths.into_iter().map(|site| JsonPathExpr {
        state: site.state,
        field: site.field,
        node: site.node,
        text: site.text,
        place: JsonPathPlace::Path(site.kind),
        parsed: OnceLock::new(),
    }));
    exprs.extend(templates().map(|(site, entry, text)| JsonPathExpr {
        state: site.state,
        field: site.field_of(entry).into(),
        node: &entry.member.value,
        text,
        place: JsonPathPlace::Template(site.kind),
        parsed: OnceLock::new(),
    }));
    exprs
}

/// An evaluated field of a JSONata state (its value may hold JSONata strings at any depth).
pub(crate) struct JsonataField<'a> {
    pub state: &'a State<'a>,
    pub field: String,
    pub node: &'a Node,
    pub place: JsonataPlace,
}

/// Every JSONata string in the evaluated fields of JSONata states.
pub(crate) fn jsonata_sites<'a>(model: &'a Model<'a>) -> Vec<JsonataSite<'a>> {
    let mut sites = Vec::new();
    for f in jsonata_fields(model) {
        collect_jsonata(f.node, &mut f.field.clone(), &mut |field, node, expression| {
            sites.push(JsonataSite {
                state: f.state,
                field: field.into(),
                node,
                expression,
                place: f.place,
                parsed: OnceLock::new(),
                references: OnceLock::new(),
            });
        });
    }
    sites
}

/// Every field of a JSONata state whose strings are evaluated as JSONata.
pub(crate) fn jsonata_fields<'a>(model: &'a Model<'a>) -> Vec<JsonataField<'a>> {
    let mut fields = Vec::new();
    for state in model
        .states
        .iter()
        .filter(|s| s.effective_query_language == QueryLanguage::Jsonata)
    {
        let mut add = |field: String, node: &'a Node, place: JsonataPlace| {
            fields.push(JsonataField {
                state,
                field,
                node,
                place,
            });
        };
        let member_of = |node: &'a Node, key: &str| node.member(key);
        let whole = |f: &Option<Field<'a, &'a Node>>| f.as_ref().map(|f| f.member);
        if let Some(m) = whole(&state.arguments) {
            add("Arguments".into(), &m.value, JsonataPlace::Arguments);
        }
        if let Some(m) = whole(&state.output) {
            add("Output".into(), &m.value, JsonataPlace::Output);
        }
        if let Some(f) = &state.assign {
            add("Assign".into(), f.node(), JsonataPlace::Assign);
        }
        for (index, catcher) in state.catchers().iter().enumerate() {
            if let Some(f) = &catcher.output {
                add(format!("Catch[{index}].Output"), f.node(), JsonataPlace::CatchOutput);
            }
            if let Some(f) = &catcher.assign {
                add(format!("Catch[{index}].Assign"), f.node(), JsonataPlace::CatchAssign);
            }
        }
        // Scalar fields that take a JSONata string, and Map sub-objects.
        let scalar_fields: &[&str] = match &state.kind {
            StateKind::Task(_) => &["TimeoutSeconds", "HeartbeatSeconds", "Credentials"],
            StateKind::Wait(_) => &["Seconds", "Timestamp"],
            StateKind::Fail(_) => &["Error", "Cause"],
            StateKind::Map(_) => &[
                "Items",
                "MaxConcurrency",
                "ToleratedFailureCount",
                "ToleratedFailurePercentage",
            ],
            _ => &[],
        };
        for key in scalar_fields {
            if let Some(m) = member_of(state.node, key) {
                add((*key).into(), &m.value, JsonataPlace::Other);
            }
        }
        if let StateKind::Map(map) = &state.kind {
            if let Some(f) = &map.item_selector {
                add("ItemSelector".into(), f.node(), JsonataPlace::ItemSelector);
            }
            for (object, keys) in [
                ("ItemReader", &["Arguments"][..]),
                (
                    "ItemBatcher",
                    &["MaxItemsPerBatch", "MaxInputBytesPerBatch", "BatchInput"][..],
                ),
                ("ResultWriter", &["Arguments"][..]),
            ] {
                let Some(parent) = member_of(state.node, object) else {
                    continue;
                };
                for key in keys {
                    if let Some(m) = member_of(&parent.value, key) {
                        add(format!("{object}.{key}"), &m.value, JsonataPlace::Other);
                    }
                }
            }
            let max_items = member_of(state.node, "ItemReader")
                .and_then(|m| member_of(&m.value, "ReaderConfig"))
                .and_then(|m| member_of(&m.value, "MaxItems"));
            if let Some(m) = max_items {
                add("ItemReader.ReaderConfig.MaxItems".into(), &m.value, JsonataPlace::Other);
            }
        }
        if let StateKind::Choice(choice) = &state.kind {
            for (index, rule) in choice.rules().iter().enumerate() {
                if let Some(f) = &rule.condition {
                    add(format!("Choices[{index}].Condition"), f.node(), JsonataPlace::Other);
                }
                if let Some(f) = &rule.output {
                    add(format!("Choices[{index}].Output"), f.node(), JsonataPlace::Other);
                }
                if let Some(f) = &rule.assign {
                    add(format!("Choices[{index}].Assign"), f.node(), JsonataPlace::Other);
                }
            }
        }
    }
    fields
}

/// Calls `found` for every JSONata string in `node` (the node itself, or nested anywhere in
/// its objects and arrays).
/// `field` names `node`; it is extended for each child and restored before returning.
pub(crate) fn collect_jsonata<'a>(
    node: &'a Node,
    field: &mut String,
    found: &mut impl FnMut(String, &'a Node, JsonataString<'a>),
) {
    let parent = field.len();
    match &node.value {
        Value::String(text) => {
            if let Some(expression) = jsonata_expression(text) {
                found(field.clone(), node, expression);
            }
        }
        Value::Object(members) => {
            for member in members {
                push_key(field, &member.key.text);
                collect_jsonata(&member.value, field, found);
                field.truncate(parent);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                push_index(field, index);
                collect_jsonata(item, field, found);
                field.truncate(parent);
            }
        }
        _ => {}
    }
}

/// The states whose expressions are JSONPath.
pub(crate) fn jsonpath_states<'a>(model: &'a Model<'a>) -> impl Iterator<Item = &'a State<'a>> {
    model
        .states
        .iter()
        .filter(|s| s.effective_query_language == QueryLanguage::JsonPath)
}

/// Visits every path in a parsed JSONPath expression: the path itself, the path arguments of
/// an intrinsic call at any depth, and the paths inside filters.
pub(crate) fn for_each_path<'p>(parsed: &'p Parsed, visit: &mut impl FnMut(&'p Path)) {
    match parsed {
        Parsed::Path(Ok(path)) => visit_path(path, visit),
        Parsed::Intrinsic(Ok(call)) => visit_call(call, visit),
        _ => {}
    }
}

fn visit_call<'p>(call: &'p Intrinsic, visit: &mut impl FnMut(&'p Path)) {
    for arg in &call.args {
        match &arg.kind {
            ArgumentKind::Path(path) => visit_path(path, visit),
            ArgumentKind::Call(inner) => visit_call(inner, visit),
            _ => {}
        }
    }
}

fn visit_path<'p>(path: &'p Path, visit: &mut impl FnMut(&'p Path)) {
    visit(path);
    for segment in &path.segments {
        if let SegmentKind::Filter(Some(filter)) = &segment.kind {
            visit_filter(filter, visit);
        }
    }
}

fn visit_filter<'p>(filter: &'p FilterExpr, visit: &mut impl FnMut(&'p Path)) {
    match filter {
        FilterExpr::Or(operands) | FilterExpr::And(operands) => {
            for operand in operands {
                visit_filter(operand, visit);
            }
        }
        FilterExpr::Not(inner) => visit_filter(inner, visit),
        FilterExpr::Compare { left, right, .. } => {
            for operand in [left, right] {
                if let asl_semantic::expr::path::Operand::Path(path) = operand {
                    visit_path(path, visit);
                }
            }
        }
        FilterExpr::Test(asl_semantic::expr::path::Operand::Path(path)) => visit_path(path, visit),
        FilterExpr::Test(_) => {}
    }
}

/// What a literal string looks like when an author probably meant it to be evaluated:
/// a path (`$.a`, `$$.Execution.Id`, `$['a']`, `$name.a`) or a call of a known intrinsic
/// function. Plain `$`, prices such as `$5` and other text are not flagged.
pub(crate) fn looks_evaluated(text: &str) -> Option<&'static str> {
    let text = text.trim();
    if text.starts_with("States.")
        && asl_semantic::expr::intrinsic::is_intrinsic_call(text)
        && asl_semantic::expr::intrinsic::parse_intrinsic(text).is_ok()
    {
        return Some("an intrinsic function call");
    }
    let rest = text.strip_prefix("$$").or_else(|| text.strip_prefix('$'))?;
    let variable = rest.starts_with(|c: char| c.is_alphabetic() || c == '_');
    let selector = rest.starts_with(['.', '[']);
    ((variable && rest.contains(['.', '['])) || selector)
        .then(|| asl_semantic::expr::path::parse_path(text).is_ok())
        .filter(|ok| *ok)
        .map(|_| "a path")
}

/// A read of the context object: `$$.…` in a JSONPath expression or
/// `$states.context.…` in a JSONata one.
pub(crate) struct ContextRead<'a> {
    pub state: &'a asl_semantic::model::State<'a>,
    pub field: CompactString,
    /// The string holding the expression.
    pub node: &'a asl_syntax::Node,
    /// Where `$$` or `$states` starts, in the decoded string.
    pub start: usize,
    /// The member names read, with their ranges in the decoded string.
    pub members: Vec<(CompactString, std::ops::Range<usize>)>,
    /// Whether the expression is in a Map state's `ItemSelector` (or deprecated `Parameters`).
    pub in_item_selector: bool,
}

/// Every context-object read in `jsonpath_exprs` and `jsonata_sites`.
pub(crate) fn context_reads<'a>(
    jsonpath_exprs: &[JsonPathExpr<'a>],
    jsonata_sites: &[JsonataSite<'a>],
) -> Vec<ContextRead<'a>> {
    let mut reads = Vec::new();
    for expr in jsonpath_exprs {
        for_each_path(expr.parse(), &mut |path| {
            if path.root != asl_semantic::expr::path::Root::Context {
                return;
            }
            let members = path.segments.iter().map_while(|s| match &s.kind {
                SegmentKind::Member(name) => Some((name.clone(), s.range())),
                _ => None,
            });
            reads.push(ContextRead {
                state: expr.state,
                field: expr.field.clone(),
                node: expr.node,
                start: path.range.start,
                members: members.collect(),
                in_item_selector: matches!(expr.place, JsonPathPlace::Template(t) if t.has_map_item()),
            });
        });
    }
    for site in jsonata_sites {
        let Some(references) = site.references() else { continue };
        for access in &references.states {
            if access.member.as_ref().map(|(m, _)| m.as_str()) != Some("context") {
                continue;
            }
            let offset = site.expression.offset;
            let shift = |r: &std::ops::Range<usize>| r.start + offset..r.end + offset;
            reads.push(ContextRead {
                state: site.state,
                field: site.field.clone(),
                node: site.node,
                start: access.range.start + offset,
                members: access
                    .path
                    .iter()
                    .map(|(name, range)| (name.as_str().into(), shift(range)))
                    .collect(),
                in_item_selector: site.place == JsonataPlace::ItemSelector,
            });
        }
    }
    reads
}
