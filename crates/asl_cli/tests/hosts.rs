//! `check` over repositories laid out as users keep them: a SAM app, a CDK app with its
//! `cdk.out`, a Serverless service, and a glob over a tree of JSON files. Every state machine
//! is found and checked, each finding names its state machine, and nothing else is reported.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeSet;

use common::*;

/// `(path relative to the scratch folder, code, state machine)` of every finding.
fn findings(dir: &std::path::Path, output: &std::process::Output) -> BTreeSet<(String, String, String)> {
    let report = json_report(output);
    let prefix = format!("{}/", dir.to_string_lossy());
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let path = d["path"].as_str().unwrap();
            (
                path.strip_prefix(&prefix).unwrap_or(path).to_owned(),
                d["code"].as_str().unwrap().to_owned(),
                d["state_machine"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

fn check_json(args: &[&str]) -> std::process::Output {
    let mut all = vec!["check", "--no-config", "--format", "json"];
    all.extend_from_slice(args);
    asl_lint(&all, None)
}

fn set(items: &[(&str, &str, &str)]) -> BTreeSet<(String, String, String)> {
    items
        .iter()
        .map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned()))
        .collect()
}

#[test]
fn a_glob_selects_candidates_and_the_content_decides() {
    let dir = scratch("hosts-glob");
    write(
        &dir,
        "package.json",
        r#"{"name": "app", "version": "1.0.0", "scripts": {"build": "tsc"}}"#,
    );
    write(
        &dir,
        "tsconfig.json",
        r#"{"compilerOptions": {"strict": true, "target": "es2022"}}"#,
    );
    write(&dir, "flows/good.json", VALID);
    write(
        &dir,
        "flows/broken.json",
        r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Gone"}}}"#,
    );
    write(
        &dir,
        "infra/stack.json",
        r#"{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Flow": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"Definition": {"StartAt": "B", "States": {"B": {"Type": "Succed"}}}}}}}"#,
    );
    // A template with no state machine is not one, however much JSON it holds.
    write(
        &dir,
        "infra/bucket.json",
        r#"{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Logs": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "logs"}}}}"#,
    );
    let root = dir.to_str().unwrap();
    let output = check_json(&["--glob", "*.json", root]);
    assert_eq!(json_report(&output)["files_checked"], 3, "{}", stdout(&output));
    assert_eq!(
        findings(&dir, &output),
        set(&[
            ("flows/broken.json", "ASL201", ""),
            ("infra/stack.json", "ASL104", "Flow"),
        ])
    );
    // Named on the command line, a file is checked whatever it holds.
    let named = check_json(&[&format!("{root}/package.json")]);
    assert_eq!(named.status.code(), Some(1));
}

#[test]
fn a_sam_app_with_definition_files_and_substitutions() {
    let dir = scratch("hosts-sam");
    write(
        &dir,
        "template.yaml",
        "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n  OrderFunction:\n    Type: AWS::Serverless::Function\n  OrderStateMachine:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Type: EXPRESS\n      DefinitionUri: statemachine/order.asl.json\n      DefinitionSubstitutions:\n        OrderFunctionArn: !GetAtt OrderFunction.Arn\n        Unused: x\n  InlineStateMachine:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Definition:\n        StartAt: Go\n        States:\n          Go:\n            Type: Task\n            Resource: !GetAtt OrderFunction.Arn\n            Next: Missing\n  Outside:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: ../elsewhere.asl.json\n",
    );
    // Placeholders unquoted in a definition file are fine: substitution happens before parsing.
    write(
        &dir,
        "statemachine/order.asl.json",
        "{\n  \"StartAt\": \"Order\",\n  \"States\": {\n    \"Order\": {\"Type\": \"Task\", \"Resource\": \"${OrderFunctionArn}\", \"TimeoutSeconds\": ${Timeout}, \"Next\": \"Wait\"},\n    \"Wait\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::sqs:sendMessage.waitForTaskToken\", \"End\": true}\n  }\n}\n",
    );
    write(&dir, "src/app.js", "exports.handler = async () => ({});\n");
    write(&dir, "events/event.json", r#"{"orderId": "1"}"#);
    write(&dir, "samconfig.toml", "version = 0.1\n");
    let output = check_json(&[dir.to_str().unwrap()]);
    let found = findings(&dir, &output);
    assert_eq!(
        found,
        set(&[
            // In the definition file, reached from the template (once, not again on its own).
            ("statemachine/order.asl.json", "ASL501", "OrderStateMachine"),
            // `Type: EXPRESS` of the template applies to the file's definition.
            ("statemachine/order.asl.json", "ASL451", "OrderStateMachine"),
            ("statemachine/order.asl.json", "ASL408", "OrderStateMachine"),
            ("statemachine/order.asl.json", "ASL450", "OrderStateMachine"),
            ("template.yaml", "ASL502", "OrderStateMachine"),
            ("template.yaml", "ASL201", "InlineStateMachine"),
            // A DefinitionUri outside the directories being checked is not read.
            ("template.yaml", "ASL504", "Outside"),
        ]),
        "{}",
        stdout(&output)
    );
    let report = json_report(&output);
    let with_code = |code: &str| {
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == code)
            .unwrap()
            .clone()
    };
    let reached = with_code("ASL501");
    let message = reached["message"].as_str().unwrap();
    assert!(message.starts_with("[OrderStateMachine, from "), "{message}");
    assert!(message.contains("template.yaml"), "{message}");
    // Among many files, the JSON output still locates findings by pointer, in the file reached
    // from the template as in the template itself.
    assert_eq!(reached["pointer"], "/States/Order", "{reached}");
    let inline = with_code("ASL201");
    assert_eq!(
        inline["pointer"], "/Resources/InlineStateMachine/Properties/Definition/States/Go/Next",
        "{inline}"
    );
}

#[test]
fn a_definition_named_and_reached_from_a_template_shows_the_template_findings_in_its_text() {
    let dir = scratch("hosts-sam-named");
    write(
        &dir,
        "template.yaml",
        "Transform: AWS::Serverless-2016-10-31\nResources:\n  Machine:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Type: EXPRESS\n      DefinitionUri: sm/a.asl.json\n",
    );
    // Clean on its own; only EXPRESS, from the template, makes the callback pattern an error.
    let callback = r#""Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken""#;
    write(
        &dir,
        "sm/a.asl.json",
        format!(
            "{{\n  \"StartAt\": \"Wait\",\n  \"States\": {{\n    \"Wait\": {{\"Type\": \"Task\", {callback}, \"Parameters\": {{\"QueueUrl\": \"q\", \"MessageBody\": {{\"Token.$\": \"$$.Task.Token\"}}}}, \"TimeoutSeconds\": 60, \"End\": true}}\n  }}\n}}\n"
        ),
    );
    let file = dir.join("sm/a.asl.json");
    // The same file spelt another way: the findings show the spelling given.
    let dotted = dir.join("./sm/a.asl.json");
    let (dir, file, dotted) = (dir.to_str().unwrap(), file.to_str().unwrap(), dotted.to_str().unwrap());
    let alone = asl_lint(&["check", "--no-config", "--color", "never", file], None);
    assert_eq!(alone.status.code(), Some(0), "{}", stdout(&alone));
    for (named, paths) in [
        (file, [file, dir]),
        (file, [dir, file]),
        (dotted, [dotted, dir]),
        (dotted, [dir, dotted]),
    ] {
        let output = asl_lint(&["check", "--no-config", "--color", "never", paths[0], paths[1]], None);
        let shown = stdout(&output);
        assert_eq!(output.status.code(), Some(1), "{paths:?}: {shown}");
        assert_eq!(shown.matches("ASL451").count(), 1, "{paths:?}: {shown}");
        assert!(shown.contains(&format!("┌─ {named}:4:42")), "{paths:?}: {shown}");
        // The excerpt shows the file's line under the finding.
        assert!(
            shown.contains(&format!("4 │     \"Wait\": {{\"Type\": \"Task\", {callback}")),
            "{paths:?}: {shown}"
        );
    }
}

#[test]
fn a_named_definition_with_findings_of_its_own_and_reached_from_a_template_shows_them_all_in_its_text() {
    let dir = scratch("hosts-sam-named-findings");
    write(
        &dir,
        "template.yaml",
        "Transform: AWS::Serverless-2016-10-31\nResources:\n  Machine:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Type: EXPRESS\n      DefinitionUri: sm/a.asl.json\n",
    );
    // On its own: a warning (no such context field). From the template, EXPRESS adds an error.
    let line = r#"    "Wait": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "Parameters": {"QueueUrl": "q", "MessageBody": {"Token.$": "$$.Task.Token", "Id.$": "$$.Execution.Arn"}}, "TimeoutSeconds": 60, "End": true}"#;
    write(
        &dir,
        "sm/a.asl.json",
        format!("{{\n  \"StartAt\": \"Wait\",\n  \"States\": {{\n{line}\n  }}\n}}\n"),
    );
    let file = dir.join("sm/a.asl.json");
    let (dir, file) = (dir.to_str().unwrap(), file.to_str().unwrap());
    for paths in [[file, dir], [dir, file]] {
        let output = asl_lint(&["check", "--no-config", "--color", "never", paths[0], paths[1]], None);
        let shown = stdout(&output);
        assert_eq!(output.status.code(), Some(1), "{paths:?}: {shown}");
        assert_eq!(shown.matches("ASL451").count(), 1, "{paths:?}: {shown}");
        // Once as the file's own finding, once as the template's.
        assert_eq!(shown.matches("ASL305").count(), 2, "{paths:?}: {shown}");
        // Each finding shows the file's line.
        assert_eq!(shown.matches(&format!("4 │ {line}")).count(), 3, "{paths:?}: {shown}");
    }
}

#[test]
fn a_cdk_app_is_checked_through_its_cdk_out_templates() {
    let dir = scratch("hosts-cdk");
    write(&dir, "cdk.json", r#"{"app": "npx ts-node bin/app.ts"}"#);
    write(&dir, ".gitignore", "cdk.out\nnode_modules\n");
    write(
        &dir,
        "package.json",
        r#"{"name": "cdk-app", "dependencies": {"aws-cdk-lib": "2.0.0"}}"#,
    );
    write(&dir, "lib/stack.ts", "// new sfn.StateMachine(...)\n");
    write(
        &dir,
        "cdk.out/manifest.json",
        r#"{"version": "36.0.0", "artifacts": {}}"#,
    );
    write(
        &dir,
        "cdk.out/tree.json",
        r#"{"tree": {"id": "App", "children": {"Stack": {"constructInfo": {"fqn": "aws-cdk-lib.aws_stepfunctions.StateMachine"}}}}}"#,
    );
    write(
        &dir,
        "cdk.out/Stack.template.json",
        r#"{
 "Resources": {
  "Fn9270CBC0": {"Type": "AWS::Lambda::Function", "Metadata": {"aws:cdk:path": "Stack/Fn/Resource"}},
  "MyStateMachine6C968CA5": {
   "Type": "AWS::StepFunctions::StateMachine",
   "Properties": {
    "DefinitionString": {"Fn::Join": ["", ["{\"StartAt\":\"Call\",\"States\":{\"Call\":{\"Next\":\"Done\",\"Type\":\"Task\",\"Resource\":\"arn:", {"Ref": "AWS::Partition"}, ":states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"", {"Fn::GetAtt": ["Fn9270CBC0", "Arn"]}, "\",\"Payload.$\":\"$\"}},\"Done\":{\"Type\":\"Succeed\",\"Bogus\":1}}}"]]}
   },
   "Metadata": {"aws:cdk:path": "Stack/MyStateMachine/Resource"}
  }
 }
}"#,
    );
    write(
        &dir,
        "cdk.out/Stack.assets.json",
        r#"{"version": "36.0.0", "files": {}}"#,
    );
    let output = check_json(&[dir.to_str().unwrap()]);
    assert_eq!(
        findings(&dir, &output),
        set(&[("cdk.out/Stack.template.json", "ASL105", "MyStateMachine6C968CA5")]),
        "{}",
        stdout(&output)
    );
    // Named as well, before or after its app's directory, the template is reported once and
    // the walk is not empty.
    let template = dir.join("cdk.out/Stack.template.json");
    let (dir_path, template) = (dir.to_str().unwrap(), template.to_str().unwrap());
    let alone = check_json(&[dir_path]);
    for paths in [[dir_path, template], [template, dir_path]] {
        let output = check_json(&paths);
        assert_eq!(output.status.code(), alone.status.code(), "{paths:?}");
        assert_eq!(
            json_report(&output)["diagnostics"],
            json_report(&alone)["diagnostics"],
            "{paths:?}"
        );
    }
    // `--glob '!cdk.out/**'` leaves them out, as any other file.
    let output = check_json(&["--allow-empty", "--glob", "!cdk.out/**", dir.to_str().unwrap()]);
    assert_eq!(findings(&dir, &output), BTreeSet::new());
}

#[test]
fn a_serverless_service_inline_and_in_files() {
    let dir = scratch("hosts-serverless");
    write(
        &dir,
        "serverless.yml",
        "service: orders\nprovider:\n  name: aws\n  region: ${opt:region, 'us-east-1'}\nplugins:\n  - serverless-step-functions\nstepFunctions:\n  stateMachines:\n    inline:\n      type: EXPRESS\n      definition:\n        StartAt: Call\n        States:\n          Call:\n            Type: Task\n            Resource:\n              Fn::GetAtt: [hello, Arn]\n            Next: Wait\n          Wait:\n            Type: Task\n            Resource: arn:aws:states:::sqs:sendMessage.waitForTaskToken\n            TimeoutSeconds: 60\n            End: true\n    fromFile:\n      definition: ${file(./statemachine/flow.asl.yml)}\nfunctions:\n  hello:\n    handler: handler.hello\n",
    );
    write(
        &dir,
        "statemachine/flow.asl.yml",
        "StartAt: Check\nStates:\n  Check:\n    Type: Choice\n    Choices:\n      - Variable: $.ok\n        BooleanEquals: true\n        Next: Done\n  Done:\n    Type: Succeed\n",
    );
    write(
        &dir,
        "package.json",
        r#"{"name": "orders", "devDependencies": {"serverless": "^3"}}"#,
    );
    let output = check_json(&[dir.to_str().unwrap()]);
    assert_eq!(
        findings(&dir, &output),
        set(&[
            ("serverless.yml", "ASL450", "inline"),
            ("serverless.yml", "ASL451", "inline"),
            ("statemachine/flow.asl.yml", "ASL205", "fromFile"),
        ]),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_terraform_module_with_every_definition_form() {
    let dir = scratch("hosts-terraform");
    write(
        &dir,
        "main.tf",
        "terraform {\n  required_providers {\n    aws = { source = \"hashicorp/aws\" }\n  }\n}\n\nresource \"aws_lambda_function\" \"charge\" {\n  function_name = \"charge\"\n}\n\nresource \"aws_sfn_state_machine\" \"heredoc\" {\n  name     = \"heredoc\"\n  role_arn = aws_iam_role.sfn.arn\n  type     = \"EXPRESS\"\n  definition = <<-EOF\n    {\n      \"StartAt\": \"Charge\",\n      \"States\": {\n        \"Charge\": {\"Type\": \"Task\", \"Resource\": \"${aws_lambda_function.charge.arn}\", \"Next\": \"Wait\"},\n        \"Wait\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::sqs:sendMessage.waitForTaskToken\", \"TimeoutSeconds\": 60, \"End\": true}\n      }\n    }\n    EOF\n}\n\nresource \"aws_sfn_state_machine\" \"encoded\" {\n  name     = \"encoded\"\n  role_arn = aws_iam_role.sfn.arn\n  definition = jsonencode({\n    StartAt = \"Check\"\n    States = {\n      Check = {\n        Type    = \"Choice\"\n        Choices = [{ Variable = \"$.ok\", BooleanEquals = true, Next = \"Missing\" }]\n        Default = \"Done\"\n      }\n      Done = { Type = \"Succeed\" }\n    }\n  })\n}\n\nresource \"aws_sfn_state_machine\" \"templated\" {\n  name     = \"templated\"\n  role_arn = aws_iam_role.sfn.arn\n  definition = templatefile(\"${path.module}/statemachine/flow.asl.json\", {\n    charge_arn = aws_lambda_function.charge.arn\n    unused     = \"x\"\n  })\n}\n",
    );
    write(
        &dir,
        "statemachine/flow.asl.json",
        "{\n  \"StartAt\": \"Charge\",\n  \"States\": {\n    \"Charge\": {\"Type\": \"Task\", \"Resource\": \"${charge_arn}\", \"Next\": \"Gone\"}\n  }\n}\n",
    );
    write(
        &dir,
        "variables.tf",
        "variable \"region\" {\n  type    = string\n  default = \"us-east-1\"\n}\n",
    );
    write(
        &dir,
        "outputs.tf",
        "output \"arn\" {\n  value = aws_sfn_state_machine.heredoc.arn\n}\n",
    );
    write(
        &dir,
        ".terraform.lock.hcl",
        "provider \"registry.terraform.io/hashicorp/aws\" {\n  version = \"5.0.0\"\n}\n",
    );
    let output = check_json(&[dir.to_str().unwrap()]);
    assert_eq!(
        findings(&dir, &output),
        set(&[
            // `type = "EXPRESS"` drives the EXPRESS checks.
            ("main.tf", "ASL450", "aws_sfn_state_machine.heredoc"),
            ("main.tf", "ASL451", "aws_sfn_state_machine.heredoc"),
            ("main.tf", "ASL201", "aws_sfn_state_machine.encoded"),
            ("main.tf", "ASL502", "aws_sfn_state_machine.templated"),
            // In the template, reached from the .tf file (once, not again on its own).
            (
                "statemachine/flow.asl.json",
                "ASL201",
                "aws_sfn_state_machine.templated"
            ),
        ]),
        "{}",
        stdout(&output)
    );
}
