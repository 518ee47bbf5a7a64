//! The floor that `scripts/bench` compares `asl-lint check` with: a program that only reads
//! the files it is given and parses each with serde_json, on every core (as `check` does).
//! Prints how many files parsed, so that the work cannot be optimised away.
//!
//!   parse_floor FILE...

use rayon::prelude::*;

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let parsed: usize = paths
        .par_iter()
        .map(|path| {
            let Ok(bytes) = std::fs::read(path) else { return 0 };
            usize::from(serde_json::from_slice::<serde_json::Value>(&bytes).is_ok())
        })
        .sum();
    println!("{parsed} of {} files parsed", paths.len());
}
