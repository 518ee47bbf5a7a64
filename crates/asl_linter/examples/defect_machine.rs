//! Prints a machine from the defect-scaling generators, for `scripts/defect-scaling`:
//! `defect_machine FAMILY_OR_SHAPE N`, or `defect_machine --list`. A shape named with
//! `--bytes B` instead of N is generated at about B bytes.

#[path = "../tests/common/defects.rs"]
mod defects;

use defects::{FAMILIES, Generator, SHAPES, of_size};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let generators = FAMILIES.iter().chain(&SHAPES);
    let generator = |name: &str| -> Option<Generator> {
        generators
            .clone()
            .find(|(known, _)| *known == name)
            .map(|&(_, generator)| generator)
    };
    let text = match args.as_slice() {
        [list] if list == "--list" => generators.map(|(name, _)| format!("{name}\n")).collect(),
        [name, flag, bytes] if flag == "--bytes" => match (generator(name), bytes.parse()) {
            (Some(generator), Ok(bytes)) => of_size(generator, bytes),
            _ => return usage(),
        },
        [name, count] => match (generator(name), count.parse()) {
            (Some(generator), Ok(count)) => generator(count),
            _ => return usage(),
        },
        _ => return usage(),
    };
    print!("{text}");
}

fn usage() {
    eprintln!("usage: defect_machine NAME N | NAME --bytes B | --list");
    std::process::exit(2);
}
