//! The variable analysis on branching graphs: which reads are reported, on which line,
//! by which rule (ASL341 undefined, ASL342 maybe unassigned, ASL343 unused, ASL344 outer
//! assignment, ASL345 outer read in a Distributed Map).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

/// The variable findings of `source`, as `CODE@line`.
fn variable_findings(source: &str) -> Vec<String> {
    common::codes_with_lines(source)
        .into_iter()
        .filter(|c| {
            ["ASL341", "ASL342", "ASL343", "ASL344", "ASL345"]
                .iter()
                .any(|code| c.starts_with(code))
        })
        .collect()
}

#[test]
fn assigned_on_one_choice_branch_only() {
    let source = r#"{"QueryLanguage": "JSONata", "StartAt": "Check", "States": {
  "Check": {"Type": "Choice", "Choices": [
    {"Condition": "{% $states.input.vip %}", "Assign": {"discount": 10}, "Next": "Bill"},
    {"Condition": "{% $states.input.new %}", "Next": "Bill"}], "Default": "Greet"},
  "Greet": {"Type": "Pass", "Assign": {"discount": 5}, "Next": "Bill"},
  "Bill": {"Type": "Pass", "Output": "{% $discount %}", "End": true}}}"#;
    // The second rule reaches Bill without assigning it.
    assert_eq!(variable_findings(source), ["ASL342@6"]);
    let note = common::check(source);
    assert!(
        note.contains(r#"on the path "Check" → "Bill" nothing assigns "discount""#),
        "{note}"
    );

    let every_branch = source.replace(
        r#"{"Condition": "{% $states.input.new %}", "Next": "Bill"}"#,
        r#"{"Condition": "{% $states.input.new %}", "Assign": {"discount": 0}, "Next": "Bill"}"#,
    );
    assert_eq!(variable_findings(&every_branch), Vec::<String>::new());
}

#[test]
fn a_choice_rule_assign_replaces_the_state_assign() {
    let source = r#"{"QueryLanguage": "JSONata", "StartAt": "Check", "States": {
  "Check": {"Type": "Choice", "Assign": {"mode": "default"}, "Choices": [
    {"Condition": "{% $states.input.fast %}", "Assign": {"speed": 2}, "Next": "Use"}], "Default": "Use"},
  "Use": {"Type": "Pass", "Output": "{% [$mode, $speed] %}", "End": true}}}"#;
    // `mode` is missing when the rule matches, `speed` when none does.
    assert_eq!(variable_findings(source), ["ASL342@4", "ASL342@4"]);
}

#[test]
fn assigned_in_a_catch() {
    let catch_only = r#"{"QueryLanguage": "JSONata", "StartAt": "Call", "States": {
  "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "f"},
    "Catch": [{"ErrorEquals": ["States.ALL"], "Assign": {"error": "{% $states.errorOutput %}"}, "Next": "Handle"}],
    "Next": "Done"},
  "Handle": {"Type": "Pass", "Output": "{% $error %}", "End": true},
  "Done": {"Type": "Pass", "Output": "{% $error %}", "End": true}}}"#;
    // Handle is entered only through the catcher; Done only on success.
    assert_eq!(variable_findings(catch_only), ["ASL342@6"]);

    // The state's own Assign does not run when the catcher handles the error.
    let state_assign = r#"{"QueryLanguage": "JSONata", "StartAt": "Call", "States": {
  "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "f"},
    "Assign": {"result": "{% $states.result %}"},
    "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Report"}], "Next": "Report"},
  "Report": {"Type": "Pass", "Output": "{% $result %}", "End": true}}}"#;
    assert_eq!(variable_findings(state_assign), ["ASL342@5"]);
}

#[test]
fn a_catch_on_a_parallel_assigns_in_the_outer_scope() {
    let source = r#"{"QueryLanguage": "JSONata", "StartAt": "Both", "States": {
  "Both": {"Type": "Parallel", "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}],
    "Assign": {"failed": false},
    "Catch": [{"ErrorEquals": ["States.ALL"], "Assign": {"failed": true}, "Next": "Done"}], "Next": "Done"},
  "Done": {"Type": "Pass", "Output": "{% $failed %}", "End": true}}}"#;
    assert_eq!(variable_findings(source), Vec::<String>::new());
}

#[test]
fn assigned_inside_a_map() {
    let source = r#"{"QueryLanguage": "JSONata", "StartAt": "Init", "States": {
  "Init": {"Type": "Pass", "Assign": {"limit": 3, "count": 0}, "Next": "Each"},
  "Each": {"Type": "Map", "Items": "{% $states.input %}", "ItemProcessor": {"StartAt": "Step", "States": {
    "Step": {"Type": "Pass", "Assign": {"item": "{% $states.input %}", "count": 1}, "Next": "Use"},
    "Use": {"Type": "Pass", "Output": "{% [$item, $limit] %}", "End": true}}}, "Next": "After"},
  "After": {"Type": "Pass", "Output": "{% [$item, $count] %}", "End": true}}}"#;
    // An iteration may read `limit` but not assign the outer `count`; its own `item`
    // does not exist after the Map.
    assert_eq!(variable_findings(source), ["ASL343@4", "ASL344@4", "ASL341@6"]);
}

#[test]
fn a_distributed_map_sees_no_outer_variable() {
    let source = r#"{"QueryLanguage": "JSONata", "StartAt": "Init", "States": {
  "Init": {"Type": "Pass", "Assign": {"bucket": "b"}, "Next": "Each"},
  "Each": {"Type": "Map", "ItemSelector": {"bucket": "{% $bucket %}"},
    "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "Use",
    "States": {"Use": {"Type": "Pass", "Output": "{% [$states.input.bucket, $bucket] %}", "End": true}}}, "End": true}}}"#;
    assert_eq!(variable_findings(source), ["ASL345@5"]);
}

#[test]
fn a_loop_keeps_what_every_entry_assigns() {
    let unassigned_on_entry = r#"{"QueryLanguage": "JSONata", "StartAt": "Body", "States": {
  "Body": {"Type": "Pass", "Assign": {"attempt": "{% $attempt + 1 %}"}, "Next": "Again"},
  "Again": {"Type": "Choice", "Choices": [{"Condition": "{% $attempt < 3 %}", "Next": "Body"}], "Default": "Done"},
  "Done": {"Type": "Succeed"}}}"#;
    // The back edge assigns `attempt`, the first entry does not.
    assert_eq!(variable_findings(unassigned_on_entry), ["ASL342@2"]);

    let initialised = unassigned_on_entry
        .replace(r#""StartAt": "Body""#, r#""StartAt": "Init""#)
        .replace(
            r#""Body": {"#,
            r#""Init": {"Type": "Pass", "Assign": {"attempt": 0}, "Next": "Body"},
  "Body": {"#,
        );
    assert_eq!(variable_findings(&initialised), Vec::<String>::new());
}

#[test]
fn jsonpath_paths_read_variables_too() {
    let source = r#"{"StartAt": "Set", "States": {
  "Set": {"Type": "Pass", "Assign": {"order.$": "$.order"}, "Next": "Use"},
  "Use": {"Type": "Pass", "Parameters": {"id.$": "$order.id", "label.$": "States.Format('{}', $orders.name)"}, "End": true}}}"#;
    assert_eq!(variable_findings(source), ["ASL341@3"]);
}

#[test]
fn a_long_path_is_shortened_in_the_note() {
    // Check → S0 → … → S19 → Use, and only the Choice's default branch assigns `x`.
    let mut states = String::from(
        r#""Check": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.a %}", "Next": "S0"}], "Default": "Set"},
  "Set": {"Type": "Pass", "Assign": {"x": 1}, "Next": "Use"},
"#,
    );
    for i in 0..20 {
        let next = if i == 19 {
            "Use".to_owned()
        } else {
            format!("S{}", i + 1)
        };
        states.push_str(&format!("  \"S{i}\": {{\"Type\": \"Pass\", \"Next\": \"{next}\"}},\n"));
    }
    let source = format!(
        r#"{{"QueryLanguage": "JSONata", "StartAt": "Check", "States": {{
  {states}  "Use": {{"Type": "Pass", "Output": "{{% $x %}}", "End": true}}}}}}"#
    );
    assert_eq!(variable_findings(&source), ["ASL342@24"]);
    let note = common::check(&source);
    assert!(
        note.contains(
            r#"on the path "Check" → "S0" → "S1" → "S2" → "S3" → … (12 more) → "S16" → "S17" → "S18" → "S19" → "Use" nothing assigns "x""#
        ),
        "{note}"
    );
}
