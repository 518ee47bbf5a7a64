//! Tells the tests which of their prerequisites this machine has (see the `test_prereqs` crate).
fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    test_prereqs::shared();
    test_prereqs::file("playground_wasm", "editors/playground/wasm/asl_wasm_bg.wasm");
    for program in ["dot", "nvim", "emacs", "node"] {
        test_prereqs::program(program);
    }
}
