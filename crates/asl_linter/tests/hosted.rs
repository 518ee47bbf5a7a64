//! Defects injected into each way a template holds a definition: every finding points at the
//! injected text in the template, at its exact line and column, and names its state machine.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use asl_syntax::{LineIndex, PositionEncoding};

/// The findings of a template named `name`, as `(code, line, column, state machine)`, 1-based.
fn findings(name: &str, source: &str) -> Vec<(String, u32, u32, Option<String>)> {
    let analysis = common::analyze_file(name, source);
    let index = LineIndex::new(source);
    analysis
        .diagnostics
        .iter()
        .map(|d| {
            let at = index.line_col(d.range.start, PositionEncoding::Utf32);
            (d.code.to_owned(), at.line + 1, at.col + 1, d.state_machine.clone())
        })
        .collect()
}

/// The 1-based line and column of the first occurrence of `needle` after `after`.
fn position(source: &str, after: &str, needle: &str) -> (u32, u32) {
    let from = source.find(after).unwrap();
    let at = from + source[from..].find(needle).unwrap();
    let pos = LineIndex::new(source).line_col(at as u32, PositionEncoding::Utf32);
    (pos.line + 1, pos.col + 1)
}

/// Asserts a finding of `code` on `machine` at the place of `needle` (searched after `after`).
fn assert_at(name: &str, source: &str, code: &str, machine: &str, after: &str, needle: &str) {
    let found = findings(name, source);
    let (line, column) = position(source, after, needle);
    assert!(
        found
            .iter()
            .any(|(c, l, col, m)| c == code && *l == line && *col == column && m.as_deref() == Some(machine)),
        "{code} expected at {line}:{column} on {machine}; found {found:?}\n{source}"
    );
}

#[test]
fn json_definition_string_through_escapes() {
    let source = r#"{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Orders": {
      "Type": "AWS::StepFunctions::StateMachine",
      "Properties": {
        "DefinitionString": "{\n  \"Comment\": \"caf\u00e9 \\\\ \\\"quoted\\\"\",\n  \"StartAt\": \"A\",\n  \"States\": {\"A\": {\"Type\": \"Taks\", \"End\": true}}\n}"
      }
    }
  }
}
"#;
    assert_at("template.json", source, "ASL104", "Orders", "StartAt", "\\\"Taks\\\"");
}

#[test]
fn yaml_sub_literal_block() {
    let source = "Resources:\n  Orders:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: !Sub |\n        {\n          \"StartAt\": \"A\",\n          \"States\": {\n            \"A\": {\"Type\": \"Task\", \"Resource\": \"arn:${AWS::Partition}:states:::lambda:invoke\", \"Nxt\": \"B\"},\n            \"B\": {\"Type\": \"Wait\", \"Seconds\": ${Wait}, \"End\": true}\n          }\n        }\n      DefinitionSubstitutions:\n        Unused: x\n";
    assert_at("template.yaml", source, "ASL105", "Orders", "\"A\": {", "\"Nxt\"");
    // The unquoted `${Wait}` in `Fn::Sub` names nothing the template declares.
    assert_at("template.yaml", source, "ASL503", "Orders", "Seconds", "${Wait}");
}

#[test]
fn yaml_folded_and_quoted_definition_strings() {
    let source = "Resources:\n  Folded:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: >-\n        {\"StartAt\": \"A\",\n        \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"Gone\"}}}\n  Quoted:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: '{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\",\n        \"Next\": \"Gone\"}}}'\n";
    assert_at("template.yaml", source, "ASL201", "Folded", "Folded", "\"Gone\"");
    assert_at("template.yaml", source, "ASL201", "Quoted", "Quoted", "\"Gone\"");
}

#[test]
fn sam_definition_object() {
    let source = "Transform: AWS::Serverless-2016-10-31\nResources:\n  Orders:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Type: EXPRESS\n      Definition:\n        StartAt: Charge\n        States:\n          Charge:\n            Type: Task\n            Resource: !GetAtt ChargeFunction.Arn\n            Next: Pay\n          Pay:\n            Type: Task\n            Resource: arn:aws:states:::lambda:invoke.waitForTaskToken\n            End: true\n          Spare:\n            Type: Taks\n";
    assert_at("template.yaml", source, "ASL104", "Orders", "Spare", "Taks");
    assert_at("template.yaml", source, "ASL202", "Orders", "Pay:", "Spare");
    // `Type: EXPRESS` of the SAM resource drives the EXPRESS checks.
    assert_at(
        "template.yaml",
        source,
        "ASL451",
        "Orders",
        "Pay:",
        "arn:aws:states:::lambda:invoke.waitForTaskToken",
    );
}

#[test]
fn cdk_join_fragments() {
    let source = r#"{
  "Resources": {
    "MyStateMachine6C968CA5": {
      "Type": "AWS::StepFunctions::StateMachine",
      "Properties": {
        "DefinitionString": {
          "Fn::Join": [
            "",
            [
              "{\"StartAt\":\"Call\",\"States\":{\"Call\":{\"Next\":\"Done\",\"Type\":\"Task\",\"Resource\":\"arn:",
              {"Ref": "AWS::Partition"},
              ":states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"",
              {"Fn::GetAtt": ["Fn9270CBC0", "Arn"]},
              "\",\"Payload.$\":\"$.input[\"}},\"Done\":{\"Type\":\"Succeed\",\"Bogus\":1}}}"
            ]
          ]
        }
      },
      "Metadata": {"aws:cdk:path": "Stack/MyStateMachine/Resource"}
    }
  }
}
"#;
    assert_at(
        "stack.template.json",
        source,
        "ASL105",
        "MyStateMachine6C968CA5",
        "Succeed",
        "\\\"Bogus\\\"",
    );
    // The path breaks at its `[`.
    assert_at(
        "stack.template.json",
        source,
        "ASL301",
        "MyStateMachine6C968CA5",
        "Payload",
        "[",
    );
}

#[test]
fn serverless_inline_definition() {
    let source = "service: orders\nprovider:\n  name: aws\nstepFunctions:\n  stateMachines:\n    orderFlow:\n      type: EXPRESS\n      definition:\n        StartAt: Check\n        States:\n          Check:\n            Type: Choice\n            Choices:\n              - Variable: $.ok\n                BooleanEquals: true\n                Next: Missing\n            Default: Done\n          Done:\n            Type: Succeed\n";
    assert_at(
        "serverless.yml",
        source,
        "ASL201",
        "orderFlow",
        "BooleanEquals",
        "Missing",
    );
}

#[test]
fn an_intrinsic_function_is_reported_at_itself_and_says_so() {
    let source = r#"{
  "Resources": {
    "M": {
      "Type": "AWS::StepFunctions::StateMachine",
      "Properties": {
        "DefinitionString": {"Fn::Join": ["", ["{\"StartAt\": \"A\", \"States\": {\"A\": {\"End\": true, \"Type\": ", {"Ref": "StateType"}, "}}}"]]}
      }
    }
  }
}
"#;
    let analysis = common::analyze_file("template.json", source);
    let finding = analysis.diagnostics.iter().find(|d| d.code == "ASL104").unwrap();
    // The state type is the whole Ref: the finding is there, and its message says why.
    assert_eq!(&source[finding.range.as_usize()], r#"{"Ref": "StateType"}"#);
    assert!(finding.message.contains("intrinsic function"), "{}", finding.message);
    // A range that only starts in a placeholder covers it and the text after it.
    let source = source.replace(
        r#"\"End\": true, \"Type\": ", {"Ref": "StateType"}, "}"#,
        r#"\"End\": true, \"Type\": \"Wait\", \"Seconds\": \"", {"Ref": "Wait"}, "x\"}"#,
    );
    let analysis = common::analyze_file("template.json", &source);
    let finding = analysis.diagnostics.iter().find(|d| d.code == "ASL103").unwrap();
    assert_eq!(&source[finding.range.as_usize()], r#"\"", {"Ref": "Wait"}, "x\""#);
}

#[test]
fn fixes_are_offered_only_where_they_land_exactly() {
    // In a JSON DefinitionString the replacement is escaped for the string it lands in.
    let source = r#"{"Resources": {"M": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"DefinitionString": "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pas\", \"End\": true}}}"}}}}"#;
    let analysis = common::analyze_file("template.json", source);
    let finding = analysis.diagnostics.iter().find(|d| d.code == "ASL104").unwrap();
    let fix = finding.fix.as_ref().expect("a fix inside a JSON string");
    let fixed = asl_linter::fix::apply_edits(source, fix.edits.clone());
    assert!(fixed.contains(r#"\"Type\": \"Pass\""#), "{fixed}");
    assert!(common::analyze_file("template.json", &fixed).diagnostics.is_empty());

    // In a YAML definition object a JSON edit would break the YAML: no fix.
    let yaml = "Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition:\n        StartAt: A\n        States:\n          A: {Type: Taks, End: true}\n";
    let analysis = common::analyze_file("template.yaml", yaml);
    let finding = analysis.diagnostics.iter().find(|d| d.code == "ASL104").unwrap();
    assert!(finding.fix.is_none());
}

#[test]
fn files_that_hold_no_state_machine_are_not_state_machines() {
    for (name, source) in [
        ("package.json", r#"{"name": "app", "scripts": {"StartAt": "x"}}"#),
        ("tsconfig.json", r#"{"compilerOptions": {"strict": true}}"#),
        ("template.yaml", "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n"),
        ("serverless.yml", "service: api\nprovider:\n  name: aws\n"),
        (
            ".github/workflows/ci.yml",
            "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n",
        ),
        (
            "main.tf",
            "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"StartAt\"\n}\n",
        ),
        ("variables.tf", "variable \"region\" {\n  default = \"us-east-1\"\n}\n"),
    ] {
        let host = asl_hosts::extract(std::path::Path::new(name), source, &asl_hosts::NoFiles);
        assert!(!host.is_state_machine(), "{name}");
    }
}

#[test]
fn terraform_indented_heredoc() {
    let source = "resource \"aws_sfn_state_machine\" \"orders\" {\n  name = \"orders\"\n  type = \"EXPRESS\"\n  definition = <<-EOF\n    {\n      \"StartAt\": \"Charge\",\n      \"States\": {\n        \"Charge\": {\"Type\": \"Task\", \"Resource\": \"${aws_lambda_function.charge.arn}\", \"Next\": \"Pay\"},\n        \"Pay\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke.waitForTaskToken\", \"Nxt\": \"Done\"},\n        \"Done\": {\"Type\": \"Taks\"}\n      }\n    }\n    EOF\n}\n";
    let machine = "aws_sfn_state_machine.orders";
    assert_at("main.tf", source, "ASL104", machine, "\"Done\": {", "\"Taks\"");
    assert_at("main.tf", source, "ASL105", machine, "\"Pay\": {", "\"Nxt\"");
    // `type = "EXPRESS"` drives the EXPRESS checks.
    assert_at(
        "main.tf",
        source,
        "ASL451",
        machine,
        "\"Pay\": {",
        "\"arn:aws:states:::lambda:invoke.waitForTaskToken\"",
    );
    // The interpolation is a placeholder that counts as an ARN.
    assert!(!findings("main.tf", source).iter().any(|(_, line, _, _)| *line == 8));
    // A fix lands in the heredoc as written.
    let analysis = common::analyze_file("main.tf", source);
    let finding = analysis.diagnostics.iter().find(|d| d.code == "ASL104").unwrap();
    let fixed = asl_linter::fix::apply_edits(source, finding.fix.clone().unwrap().edits);
    assert!(fixed.contains("        \"Done\": {\"Type\": \"Task\"}\n"), "{fixed}");
}

#[test]
fn terraform_jsonencode_object() {
    let source = "resource \"aws_sfn_state_machine\" \"flow\" {\n  definition = jsonencode({\n    StartAt = \"Check\"\n    States = {\n      Check = {\n        Type    = \"Choice\"\n        Choices = [{ Variable = \"$.ok\", BooleanEquals = true, Next = \"Missing\" }]\n        Default = \"Call\"\n      }\n      Call = {\n        Type     = \"Task\"\n        Resource = aws_lambda_function.f.arn\n        TimeoutSecnds = 30\n        End      = true\n      }\n    }\n  })\n}\n";
    let machine = "aws_sfn_state_machine.flow";
    assert_at("main.tf", source, "ASL201", machine, "BooleanEquals", "\"Missing\"");
    assert_at("main.tf", source, "ASL105", machine, "Resource", "TimeoutSecnds");
    // HCL is not JSON: no fix is offered in it.
    let analysis = common::analyze_file("main.tf", source);
    assert!(analysis.diagnostics.iter().all(|d| d.fix.is_none()));
}

/// Serves the files of a Terraform module from memory.
struct Module<'a>(&'a [(&'a str, &'a str)]);

impl asl_hosts::Loader for Module<'_> {
    fn load(&self, _from: &std::path::Path, reference: &str) -> Result<asl_hosts::LoadedFile, String> {
        let reference = reference.trim_start_matches("./");
        let (path, text) = self.0.iter().find(|(path, _)| *path == reference).ok_or("absent")?;
        Ok(asl_hosts::LoadedFile {
            path: std::path::PathBuf::from(path),
            text: (*text).to_owned(),
        })
    }
}

#[test]
fn terraform_templatefile() {
    let tf = "resource \"aws_sfn_state_machine\" \"batch\" {\n  definition = templatefile(\"${path.module}/statemachine/flow.asl.json\", {\n    queue_arn = aws_batch_job_queue.q.arn\n    topic_arn = aws_sns_topic.t.arn\n  })\n}\n";
    const TEMPLATE: &str = "{\n  \"StartAt\": \"Submit\",\n  \"States\": {\n    \"Submit\": {\n      \"Type\": \"Task\",\n      \"Resource\": \"arn:aws:states:::batch:submitJob.sync\",\n      \"Parameters\": {\"JobName\": \"j\", \"JobQueue\": \"${queue_arn}\", \"JobDefinition\": \"${job_definition}\"},\n      \"Next\": \"Gone\"\n    }\n  }\n}\n";
    let template = TEMPLATE;
    let path = std::path::Path::new("main.tf");
    let loader = Module(&[("statemachine/flow.asl.json", template)]);
    let host = asl_hosts::extract(path, tf, &loader);
    let analysis = asl_linter::analyze_host(path, host, tf, &asl_linter::Settings::default());
    // The unused variable is a warning at its name in the .tf file.
    let unused: Vec<_> = analysis
        .diagnostics
        .iter()
        .map(|d| (d.code, &tf[d.range.as_usize()]))
        .collect();
    assert_eq!(unused, [("ASL502", "topic_arn")]);
    // Findings in the template are at their place in it, named as reached from the .tf file.
    let [reached] = analysis.referenced.as_slice() else {
        panic!("one referenced file expected");
    };
    assert_eq!(reached.path, std::path::Path::new("statemachine/flow.asl.json"));
    let index = LineIndex::new(template);
    let at = |d: &asl_diagnostics::Diagnostic| {
        let position = index.line_col(d.range.start, PositionEncoding::Utf32);
        (
            d.code,
            position.line + 1,
            position.col + 1,
            &template[d.range.as_usize()],
        )
    };
    let found: Vec<_> = reached.diagnostics.iter().map(at).collect();
    assert!(found.contains(&("ASL201", 8, 15, "\"Gone\"")), "{found:?}");
    // A name the call does not pass: Terraform cannot render the template.
    assert!(found.contains(&("ASL501", 7, 84, "${job_definition}")), "{found:?}");
    for diagnostic in &reached.diagnostics {
        assert!(
            diagnostic
                .message
                .starts_with("[aws_sfn_state_machine.batch, from main.tf] "),
            "{}",
            diagnostic.message
        );
    }
}
