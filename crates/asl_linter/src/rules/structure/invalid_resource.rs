use asl_semantic::model::StateKind;

use crate::Findings;
use crate::helpers::integrations::split_colons;
use crate::rule::{Rule, RuleContext, RuleMetadata, declare_rule};

/// AWS partitions (the first three are the public ones).
const PARTITIONS: &[&str] = &[
    "aws",
    "aws-cn",
    "aws-us-gov",
    "aws-iso",
    "aws-iso-b",
    "aws-iso-e",
    "aws-iso-f",
    "aws-eusc",
];

declare_rule! {
    /// ## What it does
    /// Checks the form of a Task's `Resource`: a Lambda function ARN
    /// (`arn:aws:lambda:<region>:<account>:function:<name>[:<alias-or-version>]`), an activity
    /// ARN (`arn:aws:states:<region>:<account>:activity:<name>`), a service integration
    /// (`arn:aws:states:::<service>:<action>` with an optional `.sync`, `.sync:2` or
    /// `.waitForTaskToken`), or an AWS SDK integration (`arn:aws:states:::aws-sdk:<service>:<action>`),
    /// in the partitions `aws`, `aws-cn` and `aws-us-gov`.
    ///
    /// ## Why is this bad?
    /// AWS rejects a resource it cannot recognise. Deployment placeholders such as
    /// `${ProcessFunctionArn}` (SAM/CloudFormation `DefinitionSubstitutions`) are accepted
    /// anywhere in the value; an unclosed `${` is reported. Whether a well-formed integration
    /// exists is checked by the integration rules, not here.
    ///
    /// Evidence: AWS returns "The resource provided arn:aws:states:::dynamodb:query is not recognized.
    /// The value is not a valid resource ARN, or the resource is not available in this region."
    /// (LocalStack's AWS snapshots) and "Value is not a valid resource ARN" for a value that is not an
    /// ARN.
    ///
    /// ## Examples
    /// ### Invalid
    /// ```json
    /// {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:states::lambda:invoke", "End": true}}}
    /// ```
    ///
    /// ### Valid
    /// ```json
    /// {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}
    /// ```
    pub(crate) struct InvalidResource {
        code: "ASL121",
        name: "invalid-resource",
        category: Structure,
        severity: Error,
        fix: None,
    }
}

impl Rule for InvalidResource {
    fn check(&self, ctx: &RuleContext<'_>, out: &mut Findings) {
        for state in &ctx.model.states {
            let StateKind::Task(task) = &state.kind else { continue };
            let Some(resource) = &task.resource else { continue };
            let Some(text) = resource.value else { continue };
            let Some((problem, help)) = problem(text) else { continue };
            out.push(
                self.meta()
                    .diagnostic(
                        resource.value_range(),
                        format!("\"Resource\" of Task state \"{}\" {problem}", state.name),
                    )
                    .with_help(help),
            );
        }
    }
}

/// What is wrong with a resource string, and how to fix it.
fn problem(text: &str) -> Option<(String, String)> {
    // A byte scan: resources are short, and a substring searcher costs more to set up.
    if let Some(open) = text.as_bytes().windows(2).position(|pair| pair == b"${") {
        if text[open..].contains('}') {
            return None;
        }
        return Some((
            "has an unclosed placeholder \"${\"".to_owned(),
            "close the placeholder: \"${Name}\"".to_owned(),
        ));
    }
    let generic = || {
        "use a Lambda function ARN, an activity ARN, or a service integration such as \"arn:aws:states:::lambda:invoke\""
            .to_owned()
    };
    let Some(rest) = text.strip_prefix("arn:") else {
        return Some((format!("is not an ARN: \"{text}\""), generic()));
    };
    let Some([partition, service, region, account, resource]) = split_colons(rest) else {
        return Some((format!("is not a complete ARN: \"{text}\""), generic()));
    };
    if !PARTITIONS.contains(&partition) {
        return Some((
            format!("has an unknown partition \"{partition}\""),
            "the partition is \"aws\", \"aws-cn\" or \"aws-us-gov\"".to_owned(),
        ));
    }
    match service {
        "states" if region.is_empty() && account.is_empty() => integration(resource),
        "states" if resource.starts_with("activity:") => {
            let name = &resource["activity:".len()..];
            (name.is_empty() || region.is_empty()).then(|| {
                ("is an incomplete activity ARN".to_owned(), "write arn:<partition>:states:<region>:<account>:activity:<name>".to_owned())
            })
        }
        "states" if region.is_empty() || account.is_empty() => Some((
            format!("is not a valid Step Functions ARN: \"{text}\""),
            "a service integration has no region or account: arn:aws:states:::<service>:<action> (three colons after \"states\")".to_owned(),
        )),
        "lambda" => lambda(resource).map(|help| (format!("is not a valid Lambda function ARN: \"{text}\""), help)),
        _ => None,
    }
}

/// `<service>:<action>[.sync|.sync:2|.waitForTaskToken]` or `aws-sdk:<service>:<action>[.waitForTaskToken]`.
fn integration(resource: &str) -> Option<(String, String)> {
    let form = || {
        "write arn:aws:states:::<service>:<action>, optionally ending in .sync, .sync:2 or .waitForTaskToken".to_owned()
    };
    let (sdk, rest) = match resource.strip_prefix("aws-sdk:") {
        Some(rest) => (true, rest),
        None => (false, resource),
    };
    let [service, action] = split_colons(rest)?;
    let (action, suffix) = match action.split_once('.') {
        Some((action, suffix)) => (action, Some(suffix)),
        None => (action, None),
    };
    let word = |text: &str| !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !word(service) || !word(action) {
        return Some((
            format!("is not a well-formed service integration: \"{resource}\""),
            form(),
        ));
    }
    match suffix {
        None | Some("waitForTaskToken") => None,
        Some("sync" | "sync:2") if !sdk => None,
        Some("sync" | "sync:2") => Some((
            "uses \".sync\" with an AWS SDK integration".to_owned(),
            "AWS SDK integrations support only request-response and .waitForTaskToken; use the optimized integration for .sync".to_owned(),
        )),
        Some(other) => Some((format!("has an unknown integration pattern \".{other}\""), form())),
    }
}

/// `function:<name>[:<qualifier>]`: what to write instead, when it is not.
fn lambda(resource: &str) -> Option<String> {
    let function = resource.strip_prefix("function:")?;
    let mut parts = function.split(':');
    let name = parts.next().unwrap_or("");
    let qualifier = parts.next();
    let valid_name = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    let valid_qualifier = qualifier.is_none_or(|q| {
        q == "$LATEST" || (!q.is_empty() && q.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
    });
    if !valid_name || !valid_qualifier || parts.next().is_some() {
        return Some("write arn:aws:lambda:<region>:<account>:function:<name>[:<alias or version>]".to_owned());
    }
    None
}
