//! End to end with a real editor: a headless Neovim (0.7+) with the config shipped in
//! `editors/neovim/` starts `asl-lint lsp`, shows the diagnostics of a broken file, and renames
//! a state. Skipped (with a note) when `nvim` or the `asl-lint` binary is not available.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const BROKEN: &str = r#"{
  "StartAt": "Charge",
  "States": {
    "Charge": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Next": "Notify"
    },
    "Notify": {
      "Type": "Passs",
      "End": true,
    }
  }
}
"#;

/// `asl-lint` next to this test's own executable (`target/<profile>/deps/…`): cargo builds it
/// with the workspace's tests.
fn asl_lint_binary() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let profile_dir = exe.parent()?.parent()?;
    let binary = profile_dir.join(format!("asl-lint{}", std::env::consts::EXE_SUFFIX));
    binary.is_file().then_some(binary)
}

fn has_nvim() -> bool {
    Command::new("nvim")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success())
}

#[test]
fn neovim_shows_diagnostics_and_renames() {
    if !has_nvim() {
        println!("note: skipped: `nvim` is not installed (CI installs it via .ci/install-system-packages)");
        return;
    }
    let Some(binary) = asl_lint_binary() else {
        println!("note: skipped: build the asl-lint binary first (cargo build -p asl_cli)");
        return;
    };
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let work = std::env::temp_dir().join(format!("asl-lsp-nvim-{}", std::process::id()));
    std::fs::create_dir_all(&work).unwrap();
    let file = work.join("machine.asl.json");
    let out = work.join("out.json");
    std::fs::write(&file, BROKEN).unwrap();

    let status = Command::new("nvim")
        .args(["--headless", "-n", "-i", "NONE", "-u", "NONE", "-c"])
        .arg(format!("luafile {}", manifest.join("tests/neovim/e2e.lua").display()))
        .env("ASL_EDITORS", manifest.join("../../editors"))
        .env("ASL_FILE", &file)
        .env("ASL_OUT", &out)
        .env("ASL_LINT", &binary)
        .current_dir(&work)
        .status()
        .unwrap();
    assert!(status.success(), "nvim exited with {status}");
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    std::fs::remove_dir_all(&work).ok();

    assert!(report.get("error").is_none(), "{report}");
    assert_eq!(report["got_diagnostics"], true, "{report}");
    let lines: Vec<u64> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["line"].as_u64().unwrap())
        .collect();
    assert!(lines.contains(&10), "the unknown type on line 10 is reported: {report}");
    assert!(
        lines.contains(&11),
        "the trailing comma on line 11 is reported: {report}"
    );
    assert!(
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "ASL104"),
        "{report}"
    );

    assert_eq!(report["renamed"], true, "{report}");
    let buffer: Vec<&str> = report["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert_eq!(buffer[6], r#"      "Next": "Notified""#);
    assert_eq!(buffer[8], r#"    "Notified": {"#);
    assert!(!buffer.join("\n").contains("\"Notify\""));
}
