use asl_linter::{all_rules, docs, find_rule};

use crate::{EXIT_CLEAN, EXIT_FAILURE};

pub(crate) fn run(rule: Option<&str>) -> u8 {
    let Some(wanted) = rule else {
        for rule in all_rules() {
            let meta = rule.meta();
            println!(
                "{}  {:<32} {:<8} {}",
                meta.code,
                meta.name,
                meta.default_severity,
                meta.summary()
            );
        }
        return EXIT_CLEAN;
    };
    match find_rule(wanted) {
        Some(rule) => {
            print!("{}", docs::rule_page(rule));
            EXIT_CLEAN
        }
        None => {
            eprintln!(
                "asl-lint: no rule has the code or name \"{}\"; `asl-lint rule` lists them all",
                asl_diagnostics::printable::printable(wanted)
            );
            EXIT_FAILURE
        }
    }
}
