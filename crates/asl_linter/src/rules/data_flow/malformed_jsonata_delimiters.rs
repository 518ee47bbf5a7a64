use crate::Findings;
use crate::helpers::expressions::{for_each_string, jsonata_fields};
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a string in a JSONata field that looks like a JSONata expression but is not
    /// one: it opens with `{%` and does not close with `%}`, closes without opening, or has
    /// white space outside the delimiters.
    ///
    /// ## Why is this bad?
    /// Only a string that starts with `{%` and ends with `%}` is evaluated. Anything else is
    /// passed on as a plain string, so the state outputs the text of the expression instead
    /// of its value. It is a warning because such a string is still a valid literal.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% $states.input.id %", "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% $states.input.id %}", "End": true}}}
    /// ```
    pub(crate) struct MalformedJsonataDelimiters {
        code: "ASL337",
        name: "malformed-jsonata-delimiters",
        category: DataFlow,
        severity: Warning,
        fix: None,
    }
}

impl Rule for MalformedJsonataDelimiters {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        if !ctx.may_hold_jsonata() {
            return;
        }
        for field in jsonata_fields(ctx.model) {
            let mut name = field.field.clone();
            for_each_string(field.node, &mut name, &|_| false, &mut |node, text, name| {
                let Some(problem) = delimiter_problem(text) else { return };
                out.push(
                    self.meta()
                        .diagnostic(
                            node.range,
                            format!(
                                "\"{name}\" of state \"{}\" {problem}, so Step Functions passes it on as a plain string",
                                field.state.name
                            ),
                        )
                        .with_help("write a JSONata expression as \"{% expression %}\", with nothing outside the delimiters"),
                );
            });
        }
    }
}

/// What is wrong with a string that is almost a JSONata expression.
fn delimiter_problem(text: &str) -> Option<&'static str> {
    let trimmed = text.trim();
    let (opens, closes) = (trimmed.starts_with("{%"), trimmed.ends_with("%}"));
    match (opens, closes) {
        (true, true) if trimmed.len() >= 4 && trimmed.len() != text.len() => {
            Some("has white space outside the `{%` … `%}` delimiters")
        }
        (true, false) => Some("starts with `{%` but does not end with `%}`"),
        (false, true) => Some("ends with `%}` but does not start with `{%`"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::delimiter_problem;

    #[test]
    fn near_misses_only() {
        for ok in ["{% 1 %}", "{%1%}", "{% \n1 %}", "plain", "{%}", "100%"] {
            assert_eq!(delimiter_problem(ok), None, "{ok}");
        }
        for bad in ["{% 1 %", "1 %}", " {% 1 %}", "{% 1 %}\n"] {
            assert!(delimiter_problem(bad).is_some(), "{bad}");
        }
    }
}
