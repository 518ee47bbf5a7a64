//! End to end with real editors: each one, headless, with the configuration shipped in
//! `editors/`, starts `asl-lint lsp` and shows the diagnostics of a broken file. Ignored when
//! the editor is not installed (CI installs them).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

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

/// A scratch folder holding the broken definition, removed when dropped.
struct Workspace {
    dir: PathBuf,
}

impl Workspace {
    fn new(editor: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("asl-lint-{editor}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("machine.asl.json"), BROKEN).unwrap();
        std::fs::write(dir.join("package.json"), r#"{"name": "not-a-state-machine"}"#).unwrap();
        Workspace { dir }
    }

    fn file(&self) -> PathBuf {
        self.dir.join("machine.asl.json")
    }

    /// Runs the editor with the environment the scripts in `tests/editors/` read, and returns
    /// the JSON report they write.
    fn run(&self, mut editor: Command) -> Value {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        let out = self.dir.join("out.json");
        let output = editor
            .env("ASL_EDITORS", manifest.join("../../editors"))
            .env("ASL_DIR", &self.dir)
            .env("ASL_FILE", self.file())
            .env("ASL_OUT", &out)
            .env("ASL_LINT", env!("CARGO_BIN_EXE_asl-lint"))
            .current_dir(&self.dir)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{editor:?} exited with {}: {}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        let text = std::fs::read_to_string(&out).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
        serde_json::from_str(&text).unwrap()
    }
}

impl Drop for Workspace {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.dir).ok();
    }
}

fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/editors").join(name)
}

/// The diagnostics of `BROKEN`: the unknown type on line 10 (ASL104) and the trailing comma
/// on line 11.
fn assert_broken_diagnostics(report: &Value) {
    assert!(report.get("error").is_none(), "{report}");
    assert_eq!(report["got_diagnostics"], true, "{report}");
    let diagnostics = report["diagnostics"].as_array().unwrap();
    let lines: Vec<u64> = diagnostics.iter().map(|d| d["line"].as_u64().unwrap()).collect();
    assert!(lines.contains(&10), "the unknown type on line 10 is reported: {report}");
    assert!(
        lines.contains(&11),
        "the trailing comma on line 11 is reported: {report}"
    );
    assert!(diagnostics.iter().any(|d| d["code"] == "ASL104"), "{report}");
}

#[test]
#[cfg_attr(not(has_nvim), ignore = "nvim is not installed")]
fn neovim_shows_diagnostics_and_renames() {
    let workspace = Workspace::new("nvim");
    let mut nvim = Command::new("nvim");
    nvim.args(["--headless", "-n", "-i", "NONE", "-u", "NONE", "-c"])
        .arg(format!("luafile {}", script("neovim.lua").display()));
    let report = workspace.run(nvim);
    assert_broken_diagnostics(&report);
    assert_eq!(report["attached"], true, "{report}");
    assert_eq!(report["other_attached"], false, "not on other JSON files: {report}");
    assert_eq!(report["machine_modern_root"], true, "{report}");
    assert_eq!(report["other_modern_root"], false, "{report}");

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

#[test]
#[cfg_attr(not(has_emacs), ignore = "emacs is not installed")]
fn emacs_eglot_shows_diagnostics() {
    let workspace = Workspace::new("emacs");
    let mut emacs = Command::new("emacs");
    emacs.args(["--batch", "-q", "-l"]).arg(script("emacs.el"));
    let report = workspace.run(emacs);
    assert_eq!(report["mode"], "asl-lint-json-mode", "{report}");
    assert_broken_diagnostics(&report);
}

/// Helix is not packaged for Debian, so its snippet is checked by parsing: every state-machine
/// file name maps to a language served by `asl-lint lsp`.
#[test]
fn helix_languages_toml_serves_state_machines() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../editors/helix/languages.toml");
    let config: toml::Table = std::fs::read_to_string(path).unwrap().parse().unwrap();
    let server = &config["language-server"]["asl-lint"];
    assert_eq!(server["command"].as_str(), Some("asl-lint"));
    assert_eq!(server["args"].as_array().unwrap(), &[toml::Value::from("lsp")]);
    let languages = config["language"].as_array().unwrap();
    let mut globs = Vec::new();
    for language in languages {
        let servers = language["language-servers"].as_array().unwrap();
        assert_eq!(servers, &[toml::Value::from("asl-lint")], "{language}");
        let grammar = language["grammar"].as_str().unwrap();
        for file_type in language["file-types"].as_array().unwrap() {
            if let Some(glob) = file_type.get("glob").and_then(toml::Value::as_str) {
                assert!(
                    glob.ends_with(grammar) || grammar == "yaml" && glob.ends_with(".yml"),
                    "{glob} read as {grammar}"
                );
                globs.push(glob.to_owned());
            }
        }
    }
    globs.sort();
    assert_eq!(globs, ["*.asl.json", "*.asl.yaml", "*.asl.yml"]);
}
