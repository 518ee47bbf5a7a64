//! Running the `asl-lint` binary as a user does, in scratch folders.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub const VALID: &str = r#"{
  "StartAt": "Wait",
  "States": {
    "Wait": {"Type": "Wait", "Seconds": 5, "Next": "Done"},
    "Done": {"Type": "Succeed"}
  }
}
"#;

pub const MISSING_COMMA_LINE_7: &str = r#"{
  "Comment": "The comma after Seconds is missing",
  "StartAt": "Wait",
  "States": {
    "Wait": {
      "Type": "Wait",
      "Seconds": 5
      "Next": "Done"
    },
    "Done": {
      "Type": "Succed"
    }
  }
}
"#;

pub fn asl_lint(args: &[&str], stdin: Option<&[u8]>) -> Output {
    asl_lint_in(&std::env::temp_dir(), args, stdin)
}

/// Runs asl-lint in `dir` (which decides the asl-lint.toml it finds).
pub fn asl_lint_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    asl_lint_with_env(dir, args, stdin, &[])
}

/// Runs asl-lint in `dir` with these environment variables set.
pub fn asl_lint_with_env(dir: &Path, args: &[&str], stdin: Option<&[u8]>, env: &[(&str, &Path)]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_asl-lint"))
        .current_dir(dir)
        .args(args)
        .envs(env.iter().copied())
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.unwrap_or_default()).unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A fresh scratch folder for one test.
pub fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("asl-lint-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    Scratch(dir)
}

/// A scratch directory, removed when the test is done with it (a failing test leaves it
/// behind, to look at).
pub struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = PathBuf;

    fn deref(&self) -> &PathBuf {
        &self.0
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

pub fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, contents).unwrap();
    path.to_string_lossy().into_owned()
}

pub fn json_report(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(output)))
}
