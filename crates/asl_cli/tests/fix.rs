//! `--fix` changes only the bytes of its edits, and never leaves a file half-written.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
use std::os::unix::process::{CommandExt as _, ExitStatusExt as _};
use std::path::Path;
use std::process::{Command, Output};

mod common;

use common::*;

/// A definition with a safe fix (`Taks` → `Task`), around text a rewrite could disturb: a
/// byte order mark, CRLF line ends, tabs, non-ASCII text and escapes, no final newline.
const AROUND_THE_FIX: &[u8] = b"\xef\xbb\xbf{\r\n\t\"Comment\": \"caf\xc3\xa9 \\u00e9 \xf0\x9f\x98\x80\",\r\n\t\"StartAt\": \"A\",\r\n\t\"States\": {\"A\": {\"Type\": \"Taks\", \"Resource\": \"arn:aws:lambda:us-east-1:123456789012:function:f\", \"End\": true}}\r\n}";

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn replace_once(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let at = bytes.windows(from.len()).position(|w| w == from).unwrap();
    [&bytes[..at], to, &bytes[at + from.len()..]].concat()
}

#[test]
fn a_fix_changes_only_the_bytes_of_its_edit() {
    let dir = scratch("fix-exact");
    let file = write(&dir, "a.asl.json", AROUND_THE_FIX);
    let output = asl_lint(&["check", "--no-config", "--fix", &file], None);
    assert_eq!(output.status.code(), Some(0), "{}{}", stdout(&output), stderr(&output));
    assert_eq!(
        std::fs::read(&file).unwrap(),
        replace_once(AROUND_THE_FIX, b"Taks", b"Task")
    );
}

#[test]
fn a_file_that_is_not_utf8_is_left_unfixed_with_a_message() {
    let dir = scratch("fix-latin1");
    let original: &[u8] =
        b"{\"Comment\":\"caf\xe9\",\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Taks\",\"End\":true}}}";
    let file = write(&dir, "x.asl.json", original);
    let output = asl_lint(&["check", "--no-config", "--fix", "--format", "concise", &file], None);
    assert_eq!(std::fs::read(&file).unwrap(), original, "not a byte changed");
    assert!(stderr(&output).contains("not fixing"), "{}", stderr(&output));
    assert!(stderr(&output).contains("not valid UTF-8"), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("first invalid byte at offset 15"),
        "{}",
        stderr(&output)
    );
    assert!(
        stdout(&output).contains("UTF-8"),
        "the encoding error is still reported: {}",
        stdout(&output)
    );
    assert!(
        stdout(&output).contains("Taks"),
        "so is the finding left unfixed: {}",
        stdout(&output)
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn the_fixed_file_keeps_its_permissions_and_its_symbolic_link() {
    let dir = scratch("fix-mode");
    let file = write(&dir, "real.asl.json", AROUND_THE_FIX);
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.join("link.asl.json");
    std::os::unix::fs::symlink("real.asl.json", &link).unwrap();
    let output = asl_lint(&["check", "--no-config", "--fix", link.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(
        std::fs::read(&file).unwrap(),
        replace_once(AROUND_THE_FIX, b"Taks", b"Task")
    );
    assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o640);
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 2, "no temporary file is left: {leftovers:?}");
}

/// A definition of 8,190 bytes whose unsafe fix (adding `"End": true`) makes it grow.
fn growing_definition() -> Vec<u8> {
    let head = r#"{"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": 5}}, "Comment": ""#;
    let tail = "\"}\n";
    let padding = "x".repeat(8190 - head.len() - tail.len());
    format!("{head}{padding}{tail}").into_bytes()
}

/// After a failed write the original is intact: the same bytes, and still checked as before.
fn assert_intact(file: &Path, original: &[u8], output: &Output) {
    assert_eq!(std::fs::read(file).unwrap(), original, "{}", stderr(output));
}

/// Runs a shell script with `$0` the asl-lint binary and `$1` the file.
fn shell(script: &str, file: &str) -> Output {
    Command::new("sh")
        .args(["-c", script, env!("CARGO_BIN_EXE_asl-lint"), file])
        .output()
        .unwrap()
}

#[test]
fn a_file_size_limit_leaves_the_original_intact() {
    let dir = scratch("fix-fsize");
    let original = growing_definition();
    let file = write(&dir, "big.asl.json", &original);
    // The limit (`ulimit -f`, in 512- or 1024-byte blocks) is below the size of the file:
    // the temporary copy cannot be written. The process may be killed by SIGXFSZ.
    let output = shell(
        r#"ulimit -f 4 && exec "$0" check --no-config --fix --unsafe-fixes "$1""#,
        &file,
    );
    let killed = output.status.signal() == Some(25);
    assert!(
        killed || (output.status.code() == Some(2) && stderr(&output).contains("cannot write the fixes")),
        "{:?}: {}",
        output.status,
        stderr(&output)
    );
    assert_intact(Path::new(&file), &original, &output);
}

#[test]
fn a_read_only_directory_leaves_the_original_intact() {
    let dir = scratch("fix-readonly");
    let original = growing_definition();
    let folder = dir.join("flows");
    let file = write(&folder, "big.asl.json", &original);
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    // The file itself is writable, its directory is not: an in-place write would succeed,
    // a safe one cannot. Root writes into read-only directories: run as an unprivileged
    // user then, who owns the file, from a place that user can run the binary from.
    let mut command = if std::fs::metadata(&file).unwrap().uid() == 0 {
        std::os::unix::fs::chown(&file, Some(65534), Some(65534)).unwrap();
        let binary = dir.join("asl-lint");
        std::fs::hard_link(env!("CARGO_BIN_EXE_asl-lint"), &binary)
            .or_else(|_| std::fs::copy(env!("CARGO_BIN_EXE_asl-lint"), &binary).map(drop))
            .unwrap();
        let mut command = Command::new(binary);
        command.uid(65534).gid(65534);
        command
    } else {
        Command::new(env!("CARGO_BIN_EXE_asl-lint"))
    };
    let output = command
        .current_dir(&dir)
        .args([
            "check",
            "--no-config",
            "--fix",
            "--unsafe-fixes",
            "--format",
            "concise",
            &file,
        ])
        .output()
        .unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("cannot write the fixes"),
        "{}",
        stderr(&output)
    );
    assert!(!stderr(&output).contains("cannot read"), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("next-or-end"),
        "the unfixed file's findings are still reported: {}",
        stdout(&output)
    );
    assert_intact(Path::new(&file), &original, &output);
    assert_eq!(
        std::fs::read_dir(&folder).unwrap().count(),
        1,
        "no temporary file is left"
    );
}

#[test]
fn a_path_that_is_not_a_regular_file_is_not_written() {
    let dir = scratch("fix-pipe");
    let original = growing_definition();
    let file = write(&dir, "big.asl.json", &original);
    // `/dev/stdin` is a pipe here: the fixed text must not be written into it.
    let output = shell(
        r#"cat "$1" | "$0" check --no-config --fix --unsafe-fixes /dev/stdin"#,
        &file,
    );
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("cannot write the fixes"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("not a regular file"), "{}", stderr(&output));
    assert_intact(Path::new(&file), &original, &output);
}
