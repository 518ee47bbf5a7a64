//! Terraform: the state machines of a `.tf` file, their definition text or tree, the files
//! they name, and no panic on any HCL input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use asl_hosts::{Definition, FileKind, LoadedFile, Loader, NoFiles, Resolver, WorkflowType, extract};
use asl_syntax::TextRange;

/// Serves files from memory, by their path relative to the module.
struct Files(Vec<(&'static str, &'static str)>);

impl Loader for Files {
    fn load(&self, _from: &Path, reference: &str) -> Result<LoadedFile, String> {
        let (name, text) = self
            .0
            .iter()
            .find(|(name, _)| Path::new(name) == Path::new(reference))
            .ok_or_else(|| format!("no file {reference}"))?;
        Ok(LoadedFile {
            path: PathBuf::from(name),
            text: (*text).to_owned(),
        })
    }
}

fn text_of(definition: &Definition) -> (&str, &asl_hosts::OffsetMap) {
    match definition {
        Definition::Text { text, map } => (text, map),
        other => panic!("not text: {other:?}"),
    }
}

#[test]
fn only_files_with_a_state_machine_resource_are_state_machines() {
    let kind = |text: &str| extract(Path::new("main.tf"), text, &NoFiles).kind;
    assert_eq!(
        kind("resource \"aws_sfn_state_machine\" \"m\" {\n  definition = \"{}\"\n}\n"),
        FileKind::Terraform
    );
    assert_eq!(kind("resource \"aws_s3_bucket\" \"b\" {}\n"), FileKind::NotStateMachine);
    assert_eq!(
        kind("data \"aws_sfn_state_machine\" \"m\" {\n  name = \"x\"\n}\n"),
        FileKind::NotStateMachine
    );
    // Broken HCL: its error is reported only where a state machine resource is declared.
    let broken = extract(Path::new("main.tf"), "resource \"aws_s3_bucket\" {\n", &NoFiles);
    assert!(!broken.is_state_machine());
    let broken = extract(
        Path::new("main.tf"),
        "resource \"aws_sfn_state_machine\" \"m\" {\n  definition = \n",
        &NoFiles,
    );
    assert!(broken.is_state_machine());
    assert_eq!(broken.parse.errors.len(), 1);
    // A `.tf` file named on the command line is not read as a definition.
    let plain = extract(Path::new("main.tf"), "variable \"x\" {}\n", &NoFiles);
    assert!(!plain.into_definition().is_state_machine());
}

#[test]
fn indented_heredoc_maps_every_character_back() {
    let tf = "resource \"aws_sfn_state_machine\" \"orders\" {\n  type = \"EXPRESS\"\n  definition = <<-EOF\n    {\n      \"StartAt\": \"A\",\n      \"States\": {\"A\": {\"Type\": \"Task\", \"Resource\": \"${aws_lambda_function.f.arn}\", \"Comment\": \"$${kept}\", \"End\": true}}\n    }\n    EOF\n}\n";
    let host = extract(Path::new("main.tf"), tf, &NoFiles);
    let machine = &host.machines[0];
    assert_eq!(machine.facts.name.as_deref(), Some("aws_sfn_state_machine.orders"));
    assert_eq!(&tf[machine.facts.name_range.as_usize()], "\"orders\"");
    assert_eq!(machine.facts.workflow_type, Some(WorkflowType::Express));
    let (text, map) = text_of(&machine.definition);
    assert!(text.starts_with("{\n  \"StartAt\""), "{text:?}");
    assert!(text.contains("\"${kept}\""), "{text}");
    assert!(asl_syntax::parse(text).errors.is_empty(), "{text}");
    for needle in ["\"StartAt\"", "\"Task\"", "${aws_lambda_function.f.arn}", "\"End\""] {
        let at = text.find(needle).unwrap() as u32;
        let mapped = map.range(TextRange::new(at, at + needle.len() as u32));
        assert_eq!(&tf[mapped.range.as_usize()], needle);
        assert!(mapped.exact, "{needle}");
    }
    // `$${` is the text `${`: the range of `${kept}` covers `$${kept}` less its first `$`.
    let kept = text.find("${kept}").unwrap() as u32;
    let mapped = map.range(TextRange::new(kept, kept + 7));
    assert_eq!(&tf[mapped.range.as_usize()], "${kept}");
}

#[test]
fn interpolations_outside_strings_and_directives_become_placeholders() {
    let tf = "resource \"aws_sfn_state_machine\" \"m\" {\n  definition = <<EOF\n{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": ${var.wait}, %{ if var.express }\"Comment\": \"fast\", %{ endif }\"End\": true}}}\nEOF\n}\n";
    let host = extract(Path::new("main.tf"), tf, &NoFiles);
    let (text, map) = text_of(&host.machines[0].definition);
    assert!(text.contains("\"Seconds\": \"${var.wait}\""), "{text}");
    assert!(text.contains("\"Comment\": \"fast\""), "{text}");
    assert!(asl_syntax::parse(text).errors.is_empty(), "{text}");
    let at = text.find("${var.wait}").unwrap() as u32;
    assert_eq!(
        &tf[map.range(TextRange::new(at, at + 11)).range.as_usize()],
        "${var.wait}"
    );
}

#[test]
fn jsonencode_keys_and_values_keep_their_hcl_positions() {
    let tf = "resource \"aws_sfn_state_machine\" \"m\" {\n  definition = jsonencode({\n    StartAt = \"A\"\n    States = {\n      A = {\n        Type       = \"Task\"\n        Resource   = aws_lambda_function.f.arn\n        \"Next\"     = \"B\"\n        TimeoutSeconds = 30\n      }\n      B = { Type = \"Succeed\" }\n    }\n  })\n}\n";
    let host = extract(Path::new("main.tf"), tf, &NoFiles);
    let Definition::Tree { root, errors } = &host.machines[0].definition else {
        panic!("{:?}", host.machines[0].definition);
    };
    assert!(errors.is_empty());
    let a = root.get("States").unwrap().get("A").unwrap();
    let members = a.as_object().unwrap();
    let keys: Vec<&str> = members.iter().map(|m| &tf[m.key.range.as_usize()]).collect();
    assert_eq!(keys, ["Type", "Resource", "\"Next\"", "TimeoutSeconds"]);
    let resource = a.get("Resource").unwrap();
    assert_eq!(resource.as_str(), Some("${aws_lambda_function.f.arn}"));
    assert_eq!(&tf[resource.range.as_usize()], "aws_lambda_function.f.arn");
    assert_eq!(&tf[a.get("Next").unwrap().range.as_usize()], "\"B\"");
}

#[test]
fn file_and_templatefile_read_through_the_loader() {
    let tf = "resource \"aws_sfn_state_machine\" \"plain\" {\n  definition = file(\"${path.module}/plain.asl.json\")\n}\nresource \"aws_sfn_state_machine\" \"templated\" {\n  definition = templatefile(\"flow.asl.json\", {\n    fn_arn = aws_lambda_function.f.arn\n    unused = 1\n  })\n}\nresource \"aws_sfn_state_machine\" \"elsewhere\" {\n  definition = file(\"${var.dir}/x.json\")\n}\n";
    let files = Files(vec![
        (
            "./plain.asl.json",
            "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}",
        ),
        (
            "flow.asl.json",
            "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Task\", \"Resource\": \"${fn_arn}\", \"Comment\": \"${other}\", \"End\": true}}}",
        ),
    ]);
    let host = extract(Path::new("main.tf"), tf, &files);
    assert_eq!(host.machines.len(), 3);
    let plain = &host.machines[0];
    assert_eq!(plain.file.as_ref().unwrap().path, Path::new("./plain.asl.json"));
    assert!(plain.facts.references.is_empty());

    let templated = &host.machines[1];
    let keys: Vec<&str> = templated
        .facts
        .substitutions
        .iter()
        .map(|s| &tf[s.range.as_usize()])
        .collect();
    assert_eq!(keys, ["fn_arn", "unused"]);
    let (text, map) = text_of(&templated.definition);
    let file = &templated.file.as_ref().unwrap().text;
    let references: Vec<(&str, &str)> = templated
        .facts
        .references
        .iter()
        .map(|r| {
            assert!(matches!(&r.resolver, Resolver::Template { variables } if variables == &["fn_arn", "unused"]));
            (r.name.as_str(), &file[map.range(r.range).range.as_usize()])
        })
        .collect();
    assert_eq!(references, [("fn_arn", "${fn_arn}"), ("other", "${other}")]);
    assert!(asl_syntax::parse(text).errors.is_empty());

    match &host.machines[2].definition {
        Definition::Missing { range, reason } => {
            assert_eq!(&tf[range.as_usize()], "definition");
            assert!(reason.contains("does not evaluate"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
}

/// An object too large for the HCL parser to read in time (it compares each member with every
/// one before it) is refused at its brace before the parser sees it, in the configuration and
/// in a file read by `templatefile`; a template's own JSON text is not an HCL object.
#[test]
fn objects_too_large_to_parse_in_time_are_refused_at_their_brace() {
    let members = (0..12_000)
        .map(|i| format!("K{i} = {i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let tf = format!(
        "resource \"aws_sfn_state_machine\" \"m\" {{\n  definition = jsonencode({{ StartAt = \"P\", States = {{ P = {{ Type = \"Pass\", End = true, Result = {{ {members} }} }} }} }})\n}}\n"
    );
    let host = extract(Path::new("main.tf"), &tf, &NoFiles);
    assert_eq!(host.kind, FileKind::Terraform);
    assert!(host.machines.is_empty());
    let [error] = host.parse.errors.as_slice() else {
        panic!("{:?}", host.parse.errors)
    };
    assert!(error.message.contains("about 12000 members"), "{}", error.message);
    assert_eq!(
        error.range,
        TextRange::empty((tf.find("Result = {").unwrap() + 9) as u32)
    );

    let keys = (0..12_000)
        .map(|i| format!("\"K{i}\": {i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let large_json: &'static str = format!(
        "{{\"StartAt\": \"P\", \"States\": {{\"P\": {{\"Type\": \"Pass\", \"End\": true, \"Result\": {{{keys}}}}}}}}}"
    )
    .leak();
    let large_object: &'static str =
        format!("{{\"StartAt\": \"P\", \"States\": {{\"P\": {{\"Type\": \"Pass\", \"End\": true, \"Result\": ${{ {{ {members} }} }}}}}}}}").leak();
    let files = Files(vec![("json.asl.json", large_json), ("object.asl.json", large_object)]);
    let tf = "resource \"aws_sfn_state_machine\" \"a\" {\n  definition = templatefile(\"json.asl.json\", {})\n}\nresource \"aws_sfn_state_machine\" \"b\" {\n  definition = templatefile(\"object.asl.json\", {})\n}\n";
    let host = extract(Path::new("main.tf"), tf, &files);
    assert!(matches!(host.machines[0].definition, Definition::Text { .. }));
    let Definition::Tree { errors, .. } = &host.machines[1].definition else {
        panic!("{:?}", host.machines[1].definition)
    };
    assert!(errors[0].message.contains("too many to read"), "{}", errors[0].message);
    assert_eq!(
        errors[0].range,
        TextRange::empty(large_object.find("${ {").unwrap() as u32 + 3)
    );
}

/// Inputs that stress the HCL front-end: deep nesting, huge tokens, many siblings, and every
/// prefix of a configuration (cut anywhere, even inside a character). The parser's objects
/// cost time quadratic in their number of members, so the siblings here stay in thousands.
#[test]
fn no_panic_on_hostile_hcl() {
    let resource =
        |definition: &str| format!("resource \"aws_sfn_state_machine\" \"m\" {{\n  definition = {definition}\n}}\n");
    let deep = 5_000;
    let mut inputs = vec![
        resource(&format!("{}{}", "[".repeat(deep), "]".repeat(deep))),
        resource(&format!("jsonencode({}1{})", "{a = ".repeat(deep), "}".repeat(deep))),
        resource(&format!("jsonencode({})", "(".repeat(deep))),
        resource(&format!("\"{}\"", "${".repeat(deep))),
        resource(&format!("<<EOF\n{}\nEOF", "%{ if a }".repeat(deep))),
        resource(&format!("jsonencode({{ StartAt = \"{}\" }})", "x".repeat(1 << 18))),
        resource(&format!("<<EOF\n{{\"StartAt\": \"{}\"}}\nEOF", "é".repeat(1 << 17))),
        format!("{}\n", "resource \"aws_sfn_state_machine\" \"m\" {}\n".repeat(5_000)),
        resource(&format!(
            "jsonencode({{ States = {{ {} }} }})",
            (0..2_000)
                .map(|i| format!("S{i} = {{ Type = \"Pass\" }}\n"))
                .collect::<String>()
        )),
    ];
    let sample = "resource \"aws_sfn_state_machine\" \"é\" {\n  type = \"EXPRESS\"\n  definition = <<-EOF\n    {\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Result\": \"${a.b} %{ for x in y }${x}%{ endfor }\", \"End\": true}}}\n    EOF\n  other = jsonencode({ StartAt = \"A\", \"k\\\"\" = [1, -2.5e3, null, true] })\n}\n";
    inputs.extend((0..=sample.len()).map(|cut| String::from_utf8_lossy(&sample.as_bytes()[..cut]).into_owned()));
    for input in &inputs {
        let host = extract(Path::new("main.tf"), input, &NoFiles);
        for machine in &host.machines {
            if let Definition::Text { text, map } = &machine.definition {
                let mapped = map.range(TextRange::new(0, text.len() as u32)).range;
                assert!(input.get(mapped.as_usize()).is_some(), "range off a character boundary");
            }
        }
    }
}
