//! Tells the tests whether `../shared` is there (see the `test_prereqs` crate).
fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    test_prereqs::shared();
}
