//! State machines in templates (`../shared/corpus/templates`): every one is found (the count
//! of each file is below, taken from the resources the files declare), each is checked in full
//! (none left unchecked, none whose definition text fails to parse), and none gives an
//! error-level finding unless `MANIFEST.tsv` marks its template invalid; the invalid ones are
//! reported for the reason they are invalid. Skipped when the shared corpus is absent.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use asl_diagnostics::Severity;
use asl_linter::AnalysedBody;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

/// The state machines of each template, by path under `corpus/templates`.
const EXPECTED: &[(&str, usize)] = &[
    (
        "aws-stepfunctions-examples/sam/app-low-code-you-know-counter/template.yaml",
        1,
    ),
    (
        "aws-stepfunctions-examples/sam/app-sfn-kms-integration/template.yaml",
        1,
    ),
    ("aws-stepfunctions-examples/sam/demo-asl-features/template.yaml", 1),
    (
        "aws-stepfunctions-examples/sam/demo-forecast-service-integration/template/template.yaml",
        1,
    ),
    (
        "aws-stepfunctions-examples/sam/demo-manage-glue-crawlers-with-step-functions/template.yaml",
        3,
    ),
    (
        "aws-stepfunctions-examples/sam/demo-trigger-stepfunctions-from-sqs/template.yaml",
        1,
    ),
    (
        "aws-stepfunctions-examples/sam/demo-video-transcription/template.yml",
        1,
    ),
    ("aws-stepfunctions-examples/sam/util-sfntoolkit/template.yaml", 3),
    (
        "aws-stepfunctions-examples/usecases/dataquality-pipeline/cloudformation/cfn-deequ-pipeline.yaml",
        1,
    ),
    (
        "aws-stepfunctions-examples/usecases/distributedmap/monte-carlo-simulation/cloudformation/ec2/main.yml",
        2,
    ),
    (
        "aws-stepfunctions-examples/usecases/distributedmap/monte-carlo-simulation/cloudformation/fargate/main.yml",
        2,
    ),
    (
        "aws-stepfunctions-examples/usecases/distributedmap/monte-carlo-simulation/cloudformation/lambda/main.yml",
        2,
    ),
    ("cfn-lint/test/fixtures/templates/bad/functions/sub_needed.yaml", 2),
    ("cfn-lint/test/fixtures/templates/good/functions/sub_needed.yaml", 1),
    (
        "cfn-lint/test/fixtures/templates/good/transform/language_extension.yaml",
        1,
    ),
    (
        "cfn-provider-stepfunctions/statemachinealias/contract-tests-artifacts/dependencies.yml",
        1,
    ),
    (
        "cfn-provider-stepfunctions/statemachineversion/contract-tests-artifacts/dependencies.yml",
        1,
    ),
    (
        "localstack/tests/aws/cdk_templates/EventsTests/stack-events-target-stepfunctions.json",
        1,
    ),
    (
        "localstack/tests/aws/cdk_templates/LoanBroaker/LoanBroker-RecipientList.json",
        1,
    ),
    (
        "localstack/tests/aws/services/stepfunctions/v2/scenarios/templates/path-based-on-data.yaml",
        1,
    ),
    ("localstack/tests/aws/templates/sfn_apigateway.yaml", 1),
    ("localstack/tests/aws/templates/sfn_nested_sync2.json", 2),
    ("localstack/tests/aws/templates/sfn_retry_catch.yaml", 1),
    ("serverless-framework/lambda-sfn-sls/serverless.yml", 1),
    (
        "serverless-framework/lambda-sfn-sls/statemachine/stateMachine.asl.yml",
        1,
    ),
    (
        "serverless-patterns/apigw-lambda-sfn-transcribe-translate-polly-sam/template.yaml",
        1,
    ),
    ("serverless-patterns/apigw-websocket-api-sfn-async/template.yaml", 1),
    ("serverless-patterns/apigw-websocket-api-sfn-sync/template.yaml", 1),
    ("serverless-patterns/appsync-stepfunctions-express-sam/template.yaml", 1),
    ("serverless-patterns/eventbridge-sfn/template.yaml", 1),
    (
        "serverless-patterns/kinesis-eventbridge-pipes-filter-enrichment-sfn/template.yaml",
        1,
    ),
    ("serverless-patterns/s3-event-sfn-lambda-ddb-sns/template.yaml", 1),
    (
        "serverless-patterns/sfn-dynamodb/aws-composer/20221206T025957326/template.yaml",
        1,
    ),
    ("serverless-patterns/sfn-dynamodb/template.yaml", 1),
    ("serverless-patterns/sfn-eventbridge/template.yaml", 1),
    ("serverless-patterns/sfn-lambda-function-crossaccount/template.yaml", 1),
    ("serverless-patterns/sfn-s3/template.yaml", 1),
    ("serverless-patterns/sfn-sqs/template.yaml", 1),
    ("sfn-workflows-collection/bedrock-evaluations-sam/template.yaml", 1),
    ("sfn-workflows-collection/call-microservice-apigw/template.yml", 1),
    ("sfn-workflows-collection/saga-pattern-sam/template.yaml", 1),
    ("sfn-workflows-collection/scatter-gather/out.yaml", 1),
    ("sfn-workflows-collection/script-generator/template.yaml", 1),
    ("sfn-workflows-collection/tts-converter/template.yaml", 1),
    (
        "sfn-workflows-collection/word-filtering-script-generator/template.yaml",
        1,
    ),
    ("sfn-workshop/static/resources/module_1.yml", 1),
    ("sfn-workshop/static/resources/module_12.yml", 1),
    ("sfn-workshop/static/resources/module_13.yml", 2),
    ("sfn-workshop/static/resources/module_2.yml", 1),
    ("sfn-workshop/static/resources/module_3.yml", 1),
    ("sfn-workshop/static/resources/module_4.yml", 1),
    ("sfn-workshop/static/resources/module_5.yml", 1),
    ("sfn-workshop/static/resources/module_8.yml", 2),
    ("terraform/eventbridge-pipes-ddbstream-sfn-terraform/main.tf", 1),
    (
        "terraform/eventbridge-pipes-ddbstream-sfn-terraform/workflow/ddb-pipes-sfn.asl.json",
        1,
    ),
    ("terraform/eventbridge-schedule-to-step-function-terraform/main.tf", 1),
    ("terraform/lambda-sfn-terraform/main.tf", 1),
    ("terraform/sfn-comprehend-terraform/main.tf", 1),
    (
        "terraform/sfn-comprehend-terraform/statemachine/detectSentiment.asl.json",
        1,
    ),
    (
        "terraform/sfn-glue-terraform/modules/terraform-aws-step-function/main.tf",
        1,
    ),
    ("terraform/sfn-manage-batch-job-tf/main.tf", 1),
    (
        "terraform/sfn-manage-batch-job-tf/statemachine/statemachine.asl.json",
        1,
    ),
    ("terraform/sfn-sns-tf/main.tf", 1),
    (
        "terraform/step-function-lambda-terraform/modules/terraform-aws-step-function/main.tf",
        1,
    ),
];

/// Why each template `MANIFEST.tsv` marks invalid is invalid: the findings (code, state
/// machine) it must give.
const INVALID: &[(&str, &[(&str, &str)])] = &[(
    // `${definition_substitution_1}` has no DefinitionSubstitutions key in either state
    // machine; the first one's only key is another name.
    "cfn-lint/test/fixtures/templates/bad/functions/sub_needed.yaml",
    &[
        ("ASL501", "TestBadStateMachine1"),
        ("ASL501", "TestBadStateMachine2"),
        ("ASL502", "TestBadStateMachine1"),
    ],
)];

/// Every file the manifests list under `templates/`, once, with whether `MANIFEST.tsv` marks
/// it invalid.
fn listed(corpus: &Path) -> Vec<(String, bool)> {
    let mut files = Vec::new();
    let manifest = std::fs::read_to_string(corpus.join("MANIFEST.tsv")).unwrap();
    for line in manifest.lines().skip(1) {
        let cells: Vec<&str> = line.split('\t').collect();
        if let Some(path) = cells[0].strip_prefix("templates/") {
            files.push((path.to_owned(), cells.get(6) == Some(&"invalid")));
        }
    }
    let iac = std::fs::read_to_string(corpus.join("templates/IAC-MANIFEST.tsv")).unwrap();
    for line in iac.lines().skip(1) {
        let path = line.split('\t').next().unwrap();
        if !files.iter().any(|(listed, _)| listed == path) {
            files.push((path.to_owned(), false));
        }
    }
    files
}

#[test]
fn every_state_machine_of_the_corpus_templates_is_found_and_checked() {
    let corpus = corpus();
    let templates = corpus.join("templates");
    if !templates.is_dir() {
        println!("note: {} is absent; skipping", templates.display());
        return;
    }
    let mut failures = Vec::new();
    let listed = listed(&corpus);
    assert_eq!(
        listed.len(),
        EXPECTED.len(),
        "a template was added to the manifests: count its state machines here"
    );
    for (path, invalid) in listed {
        let Some(&(_, expected)) = EXPECTED.iter().find(|(p, _)| *p == path) else {
            failures.push(format!("{path}: not in EXPECTED"));
            continue;
        };
        let Some((_, analysis)) = common::analyze_path(&templates.join(&path), &templates) else {
            failures.push(format!("{path}: not recognised as holding a state machine"));
            continue;
        };
        if analysis.machines.len() != expected {
            failures.push(format!(
                "{path}: {} state machines found, {expected} expected",
                analysis.machines.len()
            ));
        }
        for machine in &analysis.machines {
            let name = machine.facts.name.as_deref().unwrap_or("(definition)");
            match &machine.body {
                AnalysedBody::Missing => failures.push(format!("{path}: {name} is not checked")),
                AnalysedBody::Text { checked, .. } | AnalysedBody::Tree(checked)
                    if !checked.parse().errors.is_empty() =>
                {
                    failures.push(format!("{path}: {name}: {:?}", checked.parse().errors));
                }
                _ => {}
            }
        }
        let errors: Vec<String> = analysis
            .diagnostics
            .iter()
            .chain(analysis.referenced.iter().flat_map(|r| &r.diagnostics))
            .filter(|d| d.severity == Severity::Error)
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        if !invalid && !errors.is_empty() {
            failures.push(format!("{path}: errors on a valid template: {errors:?}"));
        }
        if invalid {
            let Some((_, reasons)) = INVALID.iter().find(|(p, _)| *p == path) else {
                failures.push(format!("{path}: marked invalid; say why in INVALID"));
                continue;
            };
            let reported: Vec<(&str, Option<&str>)> = analysis
                .diagnostics
                .iter()
                .map(|d| (d.code, d.state_machine.as_deref()))
                .collect();
            for &(code, machine) in *reasons {
                if !reported.contains(&(code, Some(machine))) {
                    failures.push(format!("{path}: {code} on {machine} not reported: {reported:?}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
