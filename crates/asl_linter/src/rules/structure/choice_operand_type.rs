use asl_semantic::model::{ComparisonOperator, Operand, QueryLanguage};
use asl_syntax::Node;

use crate::Findings;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};
use asl_semantic::vocabulary::ObjectType;

declare_rule! {
    /// ## What it does
    /// Reports a Choice comparison whose value has the wrong type for its operator:
    /// `StringEquals` and the other `String…` operators take a string, `Numeric…` a number,
    /// `BooleanEquals` and the `Is…` tests a boolean, `Timestamp…` a timestamp string, and
    /// every `…Path` operator (and `Variable`) a path string. (Whether the string is a valid
    /// path is checked by `invalid-path`.)
    ///
    /// ## Why is this bad?
    /// AWS rejects the definition. A common slip is `"NumericEquals": "3"` (a string) or
    /// `"StringEqualsPath": 5` (a literal where a path is needed).
    ///
    /// Evidence: AWS checks the JSON type of each field and returns "Expected value of type …"
    /// ("Expected value of type Integer", measured with ValidateStateMachineDefinition by
    /// cdk-preflight, 2026-09-05).
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {
    ///   "StartAt": "Route",
    ///   "States": {
    ///     "Route": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericEquals": "3", "Next": "Done"}], "Default": "Done"},
    ///     "Done": {"Type": "Succeed"}
    ///   }
    /// }
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {
    ///   "StartAt": "Route",
    ///   "States": {
    ///     "Route": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericEquals": 3, "Next": "Done"}], "Default": "Done"},
    ///     "Done": {"Type": "Succeed"}
    ///   }
    /// }
    /// ```
    pub(crate) struct ChoiceOperandType {
        code: "ASL116",
        name: "choice-operand-type",
        category: Structure,
        severity: Error,
        fix: None,
    }
}

impl Rule for ChoiceOperandType {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for site in ctx.field_sites() {
            if !matches!(site.kind, ObjectType::ChoiceRule | ObjectType::NestedChoiceRule)
                || site.language != QueryLanguage::JsonPath
            {
                continue;
            }
            for member in site.members {
                let key = member.key.text.as_str();
                let operand = if key == "Variable" {
                    Operand::Path
                } else if let Some(operator) = ComparisonOperator::from_name(key) {
                    operator.operand()
                } else {
                    continue;
                };
                let Some((expected, help)) = mismatch(operand, &member.value) else {
                    continue;
                };
                let mut diagnostic = self.meta().diagnostic(
                    member.value.range,
                    format!(
                        "\"{key}\" in {} must be {expected}, but this is {}",
                        site.description,
                        describe(&member.value)
                    ),
                );
                if let Some(help) = help {
                    diagnostic = diagnostic.with_help(help);
                }
                out.push(diagnostic);
            }
        }
    }
}

/// What the value should be, and a hint, when `node` does not fit `operand`.
fn mismatch(operand: Operand, node: &Node) -> Option<(&'static str, Option<String>)> {
    match operand {
        Operand::String | Operand::Pattern | Operand::Timestamp => {
            let expected = if operand == Operand::Timestamp {
                "a timestamp string"
            } else {
                "a string"
            };
            (node.as_str().is_none())
                .then(|| (expected, node.as_number().map(|_| "put the value in quotes".to_owned())))
        }
        Operand::Number => (node.as_number().is_none()).then(|| {
            let hint = node
                .as_str()
                .filter(|text| text.trim().parse::<f64>().is_ok())
                .map(|text| format!("write the number without quotes: {}", text.trim()));
            ("a number", hint)
        }),
        Operand::Boolean => (node.as_bool().is_none()).then(|| {
            let hint =
                matches!(node.as_str(), Some("true" | "false")).then(|| "write the boolean without quotes".to_owned());
            ("a boolean", hint)
        }),
        // The path itself is checked by the data-flow rules (invalid-path).
        Operand::Path => node.as_str().is_none().then(|| {
            let hint = "a \"…Path\" operator and \"Variable\" take a path into the input, such as \"$.limit\"";
            ("a path string", Some(hint.to_owned()))
        }),
    }
}

fn describe(node: &Node) -> String {
    match node.as_str() {
        Some(text) => format!("the string \"{text}\""),
        None => node.kind_name().to_owned(),
    }
}
