//! Directory walks: which ignore files count, what is skipped, and walks that find nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;

fn files_checked(output: &std::process::Output) -> serde_json::Value {
    json_report(output)["files_checked"].clone()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn ignore_files_above_the_walked_directory_count_only_inside_its_repository() {
    let dir = scratch("walk-parents");
    // Outside any repository: the ignore files of the parent are not the project's.
    write(&dir, ".ignore", "*.json\n");
    write(&dir, ".gitignore", "*.json\n");
    write(&dir, "flows/a.asl.json", VALID);
    let flows = dir.join("flows");
    let output = asl_lint(
        &["check", "--no-config", "--format", "json", flows.to_str().unwrap()],
        None,
    );
    assert_eq!(files_checked(&output), 1, "{}", stderr(&output));
    assert_eq!(output.status.code(), Some(0));

    // Inside a repository: its ignore files count from its root down, anchored patterns too,
    // and those above the repository still do not.
    std::fs::create_dir_all(dir.join("repo/.git/info")).unwrap();
    write(&dir, "repo/.git/info/exclude", "excluded.asl.json\n");
    write(
        &dir,
        "repo/.gitignore",
        "generated.asl.json\n/flows/anchored.asl.json\n",
    );
    write(&dir, "repo/flows/.ignore", "draft.asl.json\n");
    for name in ["kept", "generated", "anchored", "draft", "excluded"] {
        write(&dir, &format!("repo/flows/sub/{name}.asl.json"), VALID);
    }
    write(&dir, "repo/flows/anchored.asl.json", VALID);
    let sub = dir.join("repo/flows/sub");
    let report = json_report(&asl_lint(
        &["check", "--no-config", "--format", "json", sub.to_str().unwrap()],
        None,
    ));
    // `/flows/anchored.asl.json` is anchored at the repository root: it does not match in sub/.
    assert_eq!(report["files_checked"], 2, "kept and sub/anchored: {report}");
    let repo = dir.join("repo");
    let output = asl_lint(
        &["check", "--no-config", "--format", "concise", repo.to_str().unwrap()],
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = json_report(&asl_lint(
        &["check", "--no-config", "--format", "json", repo.to_str().unwrap()],
        None,
    ));
    assert_eq!(report["files_checked"], 2, "{report}");
}

#[test]
fn the_users_git_configuration_is_not_read() {
    let dir = scratch("walk-global");
    write(
        &dir,
        "home/.gitconfig",
        format!("[core]\n\texcludesFile = {}\n", dir.join("excludes").display()),
    );
    write(&dir, "excludes", "*.json\n");
    write(&dir, "xdg/git/ignore", "*.json\n");
    std::fs::create_dir_all(dir.join("repo/.git")).unwrap();
    write(&dir, "repo/a.asl.json", VALID);
    let env = [("HOME", dir.join("home")), ("XDG_CONFIG_HOME", dir.join("xdg"))];
    let env: Vec<(&str, &std::path::Path)> = env.iter().map(|(k, v)| (*k, v.as_path())).collect();
    let output = asl_lint_with_env(
        &dir.join("repo"),
        &["check", "--no-config", "--format", "json"],
        None,
        &env,
    );
    assert_eq!(files_checked(&output), 1, "{}", stderr(&output));
}

#[test]
fn a_file_named_and_found_by_a_walk_is_reported_once() {
    let dir = scratch("walk-named-twice");
    write(&dir, "machines/a.asl.json", MISSING_COMMA_LINE_7);
    let root = dir.to_str().unwrap();
    let machines = dir.join("machines");
    let file = machines.join("a.asl.json");
    let respelled = machines.join(".").join("a.asl.json");
    let (machines, file, respelled) = (
        machines.to_str().unwrap(),
        file.to_str().unwrap(),
        respelled.to_str().unwrap(),
    );
    let report = |paths: &[&str]| {
        let mut args = vec!["check", "--no-config", "--format", "json"];
        args.extend_from_slice(paths);
        let output = asl_lint(&args, None);
        let report = json_report(&output);
        (
            output.status.code(),
            report["files_checked"].clone(),
            report["diagnostics"].clone(),
        )
    };
    let doubled = format!("{machines}//a.asl.json");
    let alone = report(&[machines]);
    assert_eq!(alone.0, Some(1), "{alone:?}");
    assert_eq!(alone.1, 1);
    // Named before or after its directory, or twice (under one spelling or another), the file
    // is checked and reported once, and no walk that finds it is empty: not a directory named
    // twice, nor one inside another.
    for paths in [
        [machines, file],
        [file, machines],
        [file, file],
        [file, respelled],
        [machines, machines],
        [root, machines],
        [machines, root],
    ] {
        assert_eq!(report(&paths), alone, "{paths:?}");
    }
    // Under the name given first.
    let (code, files, diagnostics) = report(&[&doubled, machines]);
    assert_eq!((code, files), (alone.0, alone.1));
    assert_eq!(diagnostics.as_array().unwrap().len(), alone.2.as_array().unwrap().len());
    assert_eq!(diagnostics[0]["path"], doubled.as_str());
}

#[test]
fn a_walk_that_finds_nothing_to_check_fails_unless_allowed() {
    let dir = scratch("walk-empty");
    write(&dir, "empty/package.json", r#"{"name": "not a state machine"}"#);
    write(&dir, "full/a.asl.json", VALID);
    let empty = dir.join("empty");
    let full = dir.join("full");
    let (empty, full) = (empty.to_str().unwrap(), full.to_str().unwrap());

    let output = asl_lint(&["check", "--no-config", empty], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("found no state machine to check under"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("--allow-empty"), "{}", stderr(&output));

    let output = asl_lint(&["check", "--no-config", "--allow-empty", empty], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");

    // Each directory named must yield something: a second, empty one still fails the run.
    let output = asl_lint(&["check", "--no-config", "--format", "json", full, empty], None);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(files_checked(&output), 1);
    assert_eq!(
        stderr(&output).matches("found no state machine").count(),
        1,
        "{}",
        stderr(&output)
    );

    // Naming the one file a walk finds does not make it a state machine the walk found.
    let package = format!("{empty}/package.json");
    let output = asl_lint(&["check", "--no-config", "--format", "json", empty, &package], None);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(files_checked(&output), 1);
    assert!(
        stderr(&output).contains("found no state machine to check under"),
        "{}",
        stderr(&output)
    );

    // Everything ignored is the same as nothing there.
    write(&dir, "ignored/.gitignore", "*\n");
    write(&dir, "ignored/a.asl.json", VALID);
    let ignored = dir.join("ignored");
    assert_eq!(
        asl_lint(&["check", "--no-config", ignored.to_str().unwrap()], None)
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn skipped_hidden_paths_and_symbolic_links_are_counted_in_the_summary() {
    let dir = scratch("walk-skipped");
    write(&dir, "a.asl.json", VALID);
    write(&dir, ".draft.asl.json", VALID);
    write(&dir, ".aws-sam/build/copy.asl.json", VALID);
    write(&dir, ".gitignore", "nothing\n");
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    std::os::unix::fs::symlink("a.asl.json", dir.join("link.asl.json")).unwrap();
    std::os::unix::fs::symlink(".aws-sam", dir.join("linked-dir")).unwrap();
    std::os::unix::fs::symlink("notes.txt", dir.join("link-to-text")).unwrap();
    let output = asl_lint(&["check", "--no-config", dir.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(0));
    // `.draft.asl.json` and `.aws-sam/`; `.gitignore` and `.git/` are not candidates. The
    // link to a definition and the link to a directory; not the link to a text file.
    assert_eq!(
        stdout(&output).trim_end(),
        "0 errors, 0 warnings, 0 info in 1 file (skipped 2 hidden paths and 2 symbolic links)"
    );
}
