//! Prerequisites of tests, probed by build scripts.
//!
//! The standard test harness cannot mark a test as ignored while it runs, so a test that needs
//! `../shared` or an external program is compiled with
//! `#[cfg_attr(not(has_shared), ignore = "../shared is absent")]`, and the crate's `build.rs`
//! calls [`shared`] or [`program`] to set that cfg when the prerequisite is there. A missing
//! prerequisite then shows as `ignored` in the test summary, never as a pass.
//!
//! With `CI=true` every cfg is set whatever the probe finds: CI installs all prerequisites, so a
//! missing one makes its tests fail instead of being skipped.

use std::env;
use std::path::{Path, PathBuf};

/// Sets `has_shared` when the `shared` folder (reference docs and test corpus) sits beside the
/// workspace, as in CI. Call from a build script of a crate under `crates/`.
pub fn shared() {
    let manifest = env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from).unwrap_or_default();
    let shared = manifest.join("../../../shared");
    let present = shared.is_dir();
    if present {
        // Watching the folder notices its removal. Its later arrival cannot be watched without
        // rerunning on every build; `touch build.rs` after adding it.
        println!("cargo::rerun-if-changed={}", shared.display());
    }
    emit("has_shared", present);
}

/// Sets `has_<name>` (dashes become underscores) when the program `name` is on `PATH`.
pub fn program(name: &str) {
    println!("cargo::rerun-if-env-changed=PATH");
    let found = find_on_path(name);
    match &found {
        Some(path) => println!("cargo::rerun-if-changed={}", path.display()),
        // Installing the program adds it to one of these folders.
        None => path_dirs()
            .filter(|dir| dir.is_dir())
            .for_each(|dir| println!("cargo::rerun-if-changed={}", dir.display())),
    }
    emit(&format!("has_{}", name.replace('-', "_")), found.is_some());
}

/// Sets `has_<name>` when the file at `path` (relative to the workspace root) exists: a build
/// product that another tool writes, such as the playground's WebAssembly. `path`'s folder must
/// exist (keep a `.gitignore` in it), so that watching it notices the file's arrival.
pub fn file(name: &str, path: &str) {
    let manifest = env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from).unwrap_or_default();
    let file = manifest.join("../..").join(path);
    if let Some(folder) = file.parent() {
        println!("cargo::rerun-if-changed={}", folder.display());
    }
    emit(&format!("has_{name}"), file.is_file());
}

fn emit(cfg: &str, present: bool) {
    println!("cargo::rerun-if-env-changed=CI");
    println!("cargo::rustc-check-cfg=cfg({cfg})");
    if present || in_ci() {
        println!("cargo::rustc-cfg={cfg}");
    }
}

/// CI sets `CI=true` (GitHub Actions, GitLab and this project's `.ci/run` alike).
fn in_ci() -> bool {
    env::var("CI").is_ok_and(|value| !value.is_empty() && value != "false" && value != "0")
}

fn path_dirs() -> impl Iterator<Item = PathBuf> {
    env::var_os("PATH")
        .map(|path| env::split_paths(&path).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
}

fn find_on_path(name: &str) -> Option<PathBuf> {
    let file = format!("{name}{}", env::consts::EXE_SUFFIX);
    path_dirs().map(|dir| dir.join(&file)).find(|path| is_executable(path))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    path.metadata()
        .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}
