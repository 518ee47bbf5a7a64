//! Task `Resource` ARNs read as Step Functions integrations, and the table of optimized
//! integrations (`integrations.tsv`) they are checked against.

use std::sync::OnceLock;

use asl_semantic::model::{Field, Model, State, StateKind};
use rustc_hash::FxHashMap;

/// How a Task waits for its service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pattern {
    /// No suffix: call and continue.
    RequestResponse,
    /// `.sync`: wait for the job to finish.
    Sync,
    /// `.sync:2`: wait, with a JSON (not string) output.
    Sync2,
    /// `.waitForTaskToken`: wait for a callback.
    TaskToken,
}

impl Pattern {
    fn from_suffix(suffix: &str) -> Option<Self> {
        match suffix {
            "" => Some(Pattern::RequestResponse),
            ".sync" => Some(Pattern::Sync),
            ".sync:2" => Some(Pattern::Sync2),
            ".waitForTaskToken" => Some(Pattern::TaskToken),
            _ => None,
        }
    }

    fn from_code(code: &str) -> Option<Self> {
        match code {
            "rr" => Some(Pattern::RequestResponse),
            "sync" => Some(Pattern::Sync),
            "sync:2" => Some(Pattern::Sync2),
            "token" => Some(Pattern::TaskToken),
            _ => None,
        }
    }

    pub(crate) fn suffix(self) -> &'static str {
        match self {
            Pattern::RequestResponse => "(none)",
            Pattern::Sync => ".sync",
            Pattern::Sync2 => ".sync:2",
            Pattern::TaskToken => ".waitForTaskToken",
        }
    }
}

/// What a Task `Resource` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Resource<'a> {
    /// `arn:…:states:…:activity:name`.
    Activity,
    /// `arn:…:states:::service:action[suffix]`; `pattern` is `None` for a suffix that is
    /// not one of the known ones.
    Integration {
        service: &'a str,
        action: &'a str,
        suffix: &'a str,
        pattern: Option<Pattern>,
        /// `aws-sdk:<service>:<action>`.
        sdk: bool,
    },
    /// A Lambda function ARN, a placeholder, or anything else.
    Other,
}

/// A Task whose `Resource` is a string: the state, the field, the text and what it reads as.
#[derive(Clone, Copy)]
pub(crate) struct TaskResource<'a> {
    pub(crate) state: &'a State<'a>,
    pub(crate) resource: &'a Field<'a, &'a str>,
    pub(crate) arn: &'a str,
    pub(crate) parsed: Resource<'a>,
}

/// Every Task whose `Resource` is a string, each read once.
pub(crate) fn task_resources<'a>(model: &'a Model<'a>) -> Vec<TaskResource<'a>> {
    model
        .states
        .iter()
        .filter_map(|state| {
            let StateKind::Task(task) = &state.kind else {
                return None;
            };
            let resource = task.resource.as_ref()?;
            let arn = resource.value?;
            Some(TaskResource {
                state,
                resource,
                arn,
                parsed: parse_resource(arn),
            })
        })
        .collect()
}

/// A Task whose `Resource` is an optimized integration (`arn:…:states:::service:action…`,
/// not `aws-sdk`).
pub(crate) struct OptimizedTask<'a> {
    pub(crate) state: &'a State<'a>,
    pub(crate) resource: &'a Field<'a, &'a str>,
    pub(crate) arn: &'a str,
    pub(crate) service: &'a str,
    pub(crate) action: &'a str,
    pub(crate) suffix: &'a str,
    /// `None` for a suffix that is not one of the known ones.
    pub(crate) pattern: Option<Pattern>,
}

/// Every Task of `tasks` that calls an optimized integration.
pub(crate) fn optimized_tasks<'a>(tasks: &[TaskResource<'a>]) -> impl Iterator<Item = OptimizedTask<'a>> {
    tasks.iter().filter_map(|task| match task.parsed {
        Resource::Integration {
            service,
            action,
            suffix,
            pattern,
            sdk: false,
        } => Some(OptimizedTask {
            state: task.state,
            resource: task.resource,
            arn: task.arn,
            service,
            action,
            suffix,
            pattern,
        }),
        _ => None,
    })
}

/// `text` cut at its first `N - 1` colons, the last part holding the rest; `None` when it has
/// fewer. A byte scan: ARNs are short, and `str::splitn` sets up a searcher for each part.
pub(crate) fn split_colons<const N: usize>(text: &str) -> Option<[&str; N]> {
    let mut parts = [""; N];
    let mut start = 0;
    for part in &mut parts[..N - 1] {
        let end = start + text.as_bytes()[start..].iter().position(|&b| b == b':')?;
        *part = &text[start..end];
        start = end + 1;
    }
    parts[N - 1] = &text[start..];
    Some(parts)
}

/// Reads a Task `Resource`.
pub(crate) fn parse_resource(arn: &str) -> Resource<'_> {
    let Some(["arn", _partition, "states", region, account, rest]) = split_colons(arn) else {
        return Resource::Other;
    };
    if rest.starts_with("activity:") {
        return Resource::Activity;
    }
    // Integrations are written without region and account; placeholders are not ours to judge.
    if !region.is_empty() || !account.is_empty() || rest.contains("${") {
        return Resource::Other;
    }
    let (sdk, rest) = match rest.strip_prefix("aws-sdk:") {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let Some([service, action_and_suffix]) = split_colons(rest) else {
        return Resource::Other;
    };
    let split = action_and_suffix
        .bytes()
        .position(|b| b == b'.')
        .unwrap_or(action_and_suffix.len());
    let (action, suffix) = action_and_suffix.split_at(split);
    Resource::Integration {
        service,
        action,
        suffix,
        pattern: Pattern::from_suffix(suffix),
        sdk,
    }
}

/// The patterns an optimized integration supports; `None` when the service or action is
/// not in the table.
pub(crate) fn supported_patterns(service: &str, action: &str) -> Option<&'static [Pattern]> {
    actions_of(service)?
        .iter()
        .find(|(a, _)| *a == action)
        .map(|(_, patterns)| patterns.as_slice())
}

/// Whether the table knows the service at all.
pub(crate) fn is_known_service(service: &str) -> bool {
    actions_of(service).is_some()
}

/// Whether the table knows the service's action.
pub(crate) fn is_known_action(service: &str, action: &str) -> bool {
    supported_patterns(service, action).is_some()
}

/// The actions of a service the table knows.
pub(crate) fn known_actions(service: &str) -> Vec<&'static str> {
    actions_of(service).map_or_else(Vec::new, |actions| actions.iter().map(|(a, _)| *a).collect())
}

/// A service's actions in table order, each with the patterns it supports: the table indexed
/// by service once, as every Task with an optimized integration is looked up in it.
fn actions_of(service: &str) -> Option<&'static [(&'static str, Vec<Pattern>)]> {
    type Index = FxHashMap<&'static str, Vec<(&'static str, Vec<Pattern>)>>;
    static INDEX: OnceLock<Index> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index = Index::default();
        for (service, action, patterns) in table() {
            let patterns = patterns.split(',').filter_map(Pattern::from_code).collect();
            index.entry(service).or_default().push((action, patterns));
        }
        index
    });
    index.get(service).map(Vec::as_slice)
}

/// The service name of the AWS SDK integration for an optimized integration's service.
pub(crate) fn sdk_service_name(service: &str) -> &str {
    sdk_names()
        .find(|(optimized, _)| *optimized == service)
        .map_or(service, |(_, sdk)| sdk)
}

/// `arn:<partition>:states:::aws-sdk:<service>:<action><suffix>` for an optimized integration's
/// ARN, keeping its partition; `None` when `arn` does not end with the integration's parts.
pub(crate) fn sdk_resource(arn: &str, service: &str, action: &str, suffix: &str) -> Option<String> {
    let prefix = arn.strip_suffix(&format!("{service}:{action}{suffix}"))?;
    Some(format!(
        "{prefix}aws-sdk:{}:{action}{suffix}",
        sdk_service_name(service)
    ))
}

/// Every known service name.
pub(crate) fn known_services() -> Vec<&'static str> {
    let mut services: Vec<&'static str> = table().map(|(s, _, _)| s).collect();
    services.dedup();
    services
}

/// The integration rows of `integrations.tsv` (service, action, pattern codes).
fn table() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    rows().filter(|(kind, _, _)| *kind != SDK_NAME_ROW)
}

/// The `aws-sdk` rows of `integrations.tsv`: (optimized service, SDK service).
fn sdk_names() -> impl Iterator<Item = (&'static str, &'static str)> {
    rows()
        .filter(|(kind, _, _)| *kind == SDK_NAME_ROW)
        .map(|(_, optimized, sdk)| (optimized, sdk))
}

/// The first column of a row that names a service's AWS SDK integration.
const SDK_NAME_ROW: &str = "aws-sdk";

/// Every row of `integrations.tsv` as three columns, read once.
fn rows() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    static ROWS: OnceLock<Vec<(&'static str, &'static str, &'static str)>> = OnceLock::new();
    ROWS.get_or_init(|| {
        include_str!("integrations.tsv")
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .filter_map(|line| {
                let mut fields = line.split('\t');
                Some((fields.next()?, fields.next()?, fields.next()?))
            })
            .collect()
    })
    .iter()
    .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_the_first_colons() {
        assert_eq!(split_colons("a:b:c:d"), Some(["a", "b", "c:d"]));
        assert_eq!(split_colons("a::"), Some(["a", "", ""]));
        assert_eq!(split_colons::<3>("a:b"), None);
        assert_eq!(split_colons("é:ü"), Some(["é", "ü"]));
    }

    #[test]
    fn reads_resource_forms() {
        assert_eq!(
            parse_resource("arn:aws:states:::lambda:invoke.waitForTaskToken"),
            Resource::Integration {
                service: "lambda",
                action: "invoke",
                suffix: ".waitForTaskToken",
                pattern: Some(Pattern::TaskToken),
                sdk: false
            }
        );
        assert_eq!(
            parse_resource("arn:${Partition}:states:::states:startExecution.sync:2"),
            Resource::Integration {
                service: "states",
                action: "startExecution",
                suffix: ".sync:2",
                pattern: Some(Pattern::Sync2),
                sdk: false
            }
        );
        assert!(matches!(
            parse_resource("arn:aws:states:::aws-sdk:s3:getObject"),
            Resource::Integration {
                sdk: true,
                service: "s3",
                ..
            }
        ));
        assert_eq!(
            parse_resource("arn:aws:states:us-east-1:123456789012:activity:Approve"),
            Resource::Activity
        );
        assert_eq!(
            parse_resource("arn:aws:lambda:us-east-1:123456789012:function:f"),
            Resource::Other
        );
        assert_eq!(parse_resource("${FunctionArn}"), Resource::Other);
    }

    #[test]
    fn table_rows_are_well_formed() {
        for (service, action, patterns) in table() {
            assert!(!service.is_empty() && !action.is_empty(), "{service}:{action}");
            assert!(
                patterns.split(',').all(|p| Pattern::from_code(p).is_some()),
                "{service}:{action} {patterns}"
            );
        }
        assert_eq!(
            supported_patterns("lambda", "invoke"),
            Some(&[Pattern::RequestResponse, Pattern::TaskToken][..])
        );
        assert!(!is_known_service(SDK_NAME_ROW));
        for (optimized, sdk) in sdk_names() {
            assert!(is_known_service(optimized) && !sdk.is_empty(), "{optimized} -> {sdk}");
        }
    }

    #[test]
    fn suggests_the_sdk_integration() {
        assert_eq!(
            sdk_resource("arn:aws:states:::dynamodb:query", "dynamodb", "query", "").as_deref(),
            Some("arn:aws:states:::aws-sdk:dynamodb:query")
        );
        assert_eq!(
            sdk_resource(
                "arn:aws-cn:states:::states:describeExecution",
                "states",
                "describeExecution",
                ""
            )
            .as_deref(),
            Some("arn:aws-cn:states:::aws-sdk:sfn:describeExecution")
        );
    }
}
