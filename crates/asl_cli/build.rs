//! Tells the tests which of their prerequisites this machine has (see the `test_prereqs` crate).
fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    test_prereqs::shared();
    for program in ["dot", "nvim", "emacs"] {
        test_prereqs::program(program);
    }
}
