use asl_diagnostics::Diagnostic;
use asl_semantic::vocabulary::ObjectType;
use asl_syntax::{Node, TextRange};

use crate::Findings;
use crate::helpers::expressions::{JsonPathPlace, Parsed};
use crate::helpers::field_sites::{Site, SiteName};
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports the constraints of the published JSON Schema (`schemas/asl.schema.json`) that no
    /// other structure rule covers: the long tail of values that must not be empty (an empty
    /// error name in `ErrorEquals`, an empty `RoleArn`, an empty `ResultWriter` or an empty
    /// `States` object), an `ItemReader` or `ResultWriter` whose `Parameters` is not an object,
    /// and a `.$` value with white space before its path or intrinsic function.
    ///
    /// ## Why is this bad?
    /// The schema encodes the language's constraints; editors that use it show the same problem.
    /// The other structure rules give sharper messages for the common mistakes (unknown fields,
    /// wrong types, missing fields, enumerations, ranges); a test runs the schema on every
    /// corpus definition and on thousands of mutants of them and checks that each violation is
    /// reported by one of the rules. AWS's answer to these long-tail constraints is not
    /// recorded, so this is a warning.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Call",
    ///   "States": {
    ///     "Call": {
    ///       "Type": "Task",
    ///       "Resource": "arn:aws:states:::lambda:invoke",
    ///       "Retry": [{"ErrorEquals": [""]}],
    ///       "End": true
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Call",
    ///   "States": {
    ///     "Call": {
    ///       "Type": "Task",
    ///       "Resource": "arn:aws:states:::lambda:invoke",
    ///       "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"]}],
    ///       "End": true
    ///     }
    ///   }
    /// }
    /// ```
    pub(crate) struct SchemaViolation {
        code: "ASL127",
        name: "schema-violation",
        category: Structure,
        severity: Warning,
        fix: None,
    }
}

impl Rule for SchemaViolation {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for site in ctx.field_sites() {
            match site.kind {
                ObjectType::Machine | ObjectType::Branch | ObjectType::ItemProcessor | ObjectType::Iterator => {
                    if let Some(states) = site.node.member("States")
                        && states.value.as_object().is_some_and(<[_]>::is_empty)
                    {
                        out.push(
                            self.empty(states.value.range, "States", &site.description)
                                .with_help("add the states to run; the one named by \"StartAt\" first"),
                        );
                    }
                }
                ObjectType::Retrier | ObjectType::Catcher => {
                    let names = site.node.get("ErrorEquals").and_then(Node::as_array).unwrap_or(&[]);
                    for (index, name) in names.iter().enumerate() {
                        if name.as_str() == Some("") {
                            out.push(
                                self.empty(name.range, &format!("ErrorEquals[{index}]"), &site.description)
                                    .with_help("name an error, e.g. \"States.ALL\", or remove the empty name"),
                            );
                        }
                    }
                }
                ObjectType::Credentials => self.empty_strings(site, &["RoleArn", "RoleArn.$"], out),
                ObjectType::ItemReader => {
                    self.empty_strings(site, &["Resource"], out);
                    self.payload_template(site, out);
                }
                ObjectType::ResultWriter => {
                    self.empty_strings(site, &["Resource"], out);
                    self.payload_template(site, out);
                    if site.members.is_empty() {
                        out.push(
                            self.meta()
                                .diagnostic(site.node.range, format!("{} must not be empty", site.description))
                                .with_help("add \"Resource\" and \"Parameters\" saying where to write, or remove \"ResultWriter\""),
                        );
                    }
                }
                _ => {}
            }
        }
        // Paths and intrinsic calls are read with the white space around them skipped; the
        // schema wants the value to start with `$` or the function's name.
        for expr in ctx.jsonpath_exprs() {
            if matches!(expr.place, JsonPathPlace::Template(_))
                && expr.text.starts_with(char::is_whitespace)
                && !matches!(expr.parse(), Parsed::Other)
            {
                out.push(
                    self.meta()
                        .diagnostic(
                            expr.node.range,
                            format!(
                                "the value of \"{}\" in state \"{}\" starts with white space",
                                expr.field, expr.state.name
                            ),
                        )
                        .with_help("remove the white space before the path or the intrinsic function's name"),
                );
            }
        }
    }
}

impl SchemaViolation {
    fn empty(&self, range: TextRange, field: &str, owner: &SiteName<'_>) -> Diagnostic {
        self.meta()
            .diagnostic(range, format!("\"{field}\" of {owner} must not be empty"))
    }

    /// Reports a `Parameters` of `site` that is not an object (a payload template).
    fn payload_template(&self, site: &Site<'_>, out: &mut Findings) {
        if let Some(value) = site.node.get("Parameters").filter(|value| value.as_object().is_none()) {
            out.push(
                self.meta()
                    .diagnostic(
                        value.range,
                        format!(
                            "\"Parameters\" of {} must be an object, not {}",
                            site.description,
                            value.kind_name()
                        ),
                    )
                    .with_help("write the parameters of the call as an object, e.g. {\"Bucket\": …, \"Key\": …}"),
            );
        }
    }

    /// Reports the `fields` of `site` whose value is the empty string.
    fn empty_strings(&self, site: &Site<'_>, fields: &[&str], out: &mut Findings) {
        for field in fields {
            if let Some(value) = site.node.get(field).filter(|value| value.as_str() == Some("")) {
                out.push(
                    self.empty(value.range, field, &site.description)
                        .with_help(format!("give \"{field}\" a value (an ARN)")),
                );
            }
        }
    }
}
