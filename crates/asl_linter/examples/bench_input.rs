//! Inputs for `scripts/bench`:
//!
//!   bench_input tasks N            prints a definition of N Task states in a chain, each with
//!                                  intrinsic functions, Retry and Catch (2,000 make 1 MB, under
//!                                  the 1 MiB AWS accepts)
//!   bench_input lean N             the same chain with smaller states, for scaling to 50,000
//!   bench_input files DIR N FILE…  writes N files into DIR, copies of the FILEs in turn

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let done = match args.as_slice() {
        [mode, count] if mode == "tasks" => count.parse().ok().map(|count| print!("{}", tasks(count))),
        [mode, count] if mode == "lean" => count.parse().ok().map(|count| print!("{}", lean(count))),
        [mode, dir, count, files @ ..] if mode == "files" && !files.is_empty() => {
            count.parse().ok().map(|count| copies(dir, count, files))
        }
        _ => None,
    };
    if done.is_none() {
        eprintln!("usage: bench_input tasks N | bench_input files DIR N FILE...");
        std::process::exit(2);
    }
}

fn tasks(count: usize) -> String {
    chain(count, |i, next| {
        format!(
            r#""Step{i}": {{
  "Type": "Task",
  "Resource": "arn:aws:states:::lambda:invoke",
  "Parameters": {{"FunctionName": "step-{i}", "Payload": {{"message.$": "States.Format('Step {{}} of {{}}', $.step, $.order.id)", "key.$": "States.Hash($.order.id, 'SHA-256')"}}}},
  "Retry": [{{"ErrorEquals": ["Lambda.ServiceException", "Lambda.TooManyRequestsException"], "IntervalSeconds": 2, "MaxAttempts": 3, "BackoffRate": 2}}],
  "Catch": [{{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Failed"}}],
  {next}
}},
"#
        )
    })
}

/// The same chain with about 250 bytes a state, so that 50,000 states stay under the 16 MiB
/// that `check` reads.
fn lean(count: usize) -> String {
    chain(count, |i, next| {
        format!(
            r#""Step{i}":{{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{{"FunctionName":"f","Payload.$":"States.Format('{{}}', $.x)"}},"Retry":[{{"ErrorEquals":["States.Timeout"]}}],"Catch":[{{"ErrorEquals":["States.ALL"],"Next":"Failed"}}],{next}}},
"#
        )
    })
}

/// A definition of `count` states made by `state(index, transition)`, then a Fail state.
fn chain(count: usize, state: impl Fn(usize, &str) -> String) -> String {
    let mut text =
        String::from("{\"Comment\": \"benchmark: a chain of Task states\", \"StartAt\": \"Step0\", \"States\": {\n");
    for i in 0..count {
        let next = if i + 1 == count {
            "\"End\": true".to_owned()
        } else {
            format!("\"Next\": \"Step{}\"", i + 1)
        };
        text.push_str(&state(i, &next));
    }
    text.push_str("\"Failed\": {\"Type\": \"Fail\", \"Error\": \"StepFailed\", \"Cause\": \"a step failed\"}\n}}\n");
    text
}

fn copies(dir: &str, count: usize, files: &[String]) {
    let dir = std::path::Path::new(dir);
    for (i, source) in files.iter().cycle().take(count).enumerate() {
        let name = std::path::Path::new(source)
            .file_name()
            .map_or_else(|| "file.json".into(), |name| name.to_string_lossy());
        if let Err(error) = std::fs::copy(source, dir.join(format!("{i:05}-{name}"))) {
            eprintln!("{source}: {error}");
            std::process::exit(1);
        }
    }
}
