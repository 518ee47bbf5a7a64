//! Where the time of a check goes, in-process and on one thread, for `scripts/bench`:
//! `phases ROUNDS FILE...` checks the JSON files ROUNDS times and prints a Markdown table of
//! the time per phase (read, parse, model, graph, each rule category, render). Indexes that
//! rules share are built by the first rule that needs them, so they count in its category.

use std::time::{Duration, Instant};

use asl_diagnostics::render::{self, FileReport};
use asl_linter::{Category, Findings, RuleContext, Settings, SyntaxErrorSpans, all_rules};
use asl_semantic::graph::StateGraph;
use asl_syntax::SourceFormat;

const CATEGORIES: [Category; 7] = [
    Category::Syntax,
    Category::Structure,
    Category::Flow,
    Category::DataFlow,
    Category::Resilience,
    Category::Host,
    Category::Directives,
];

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(rounds) = args.next().and_then(|rounds| rounds.parse::<u32>().ok()) else {
        eprintln!("usage: phases ROUNDS FILE...");
        std::process::exit(2);
    };
    let paths: Vec<String> = args.collect();
    let settings = Settings::default();
    let mut phases: Vec<(String, Duration)> = ["read", "parse", "model", "graph"]
        .iter()
        .map(|name| (name.to_string(), Duration::ZERO))
        .chain(
            CATEGORIES
                .iter()
                .map(|c| (format!("rules: {}", c.as_str()), Duration::ZERO)),
        )
        .chain([("render (human)".to_owned(), Duration::ZERO)])
        .collect();
    let mut findings = 0;
    for _ in 0..rounds {
        for path in &paths {
            let mut clock = Clock::new(&mut phases);
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            clock.lap();
            let parse = SourceFormat::Json.parse(&text);
            clock.lap();
            let model = asl_semantic::model::build(&parse.root);
            clock.lap();
            let graph = StateGraph::build(&model);
            clock.lap();
            let ctx = RuleContext::new(&text, &parse, &model, &graph, &settings, None);
            let syntax_errors = SyntaxErrorSpans::new(&parse.errors);
            let mut diagnostics = Vec::new();
            for category in CATEGORIES {
                for rule in all_rules().iter().filter(|rule| rule.meta().category == category) {
                    let mut found = Findings::new(&syntax_errors);
                    rule.check(&ctx, &mut found);
                    found.finish(rule.meta().default_severity, &mut diagnostics);
                }
                clock.lap();
            }
            let report = FileReport {
                path,
                source: Some(&text),
                root: Some(&parse.root),
                diagnostics: &diagnostics,
            };
            findings += render::human(&report, false).len().min(1) + diagnostics.len();
            clock.lap();
        }
    }
    let total: Duration = phases.iter().map(|(_, time)| *time).sum();
    println!("| phase | time per round | share |");
    println!("|---|---:|---:|");
    for (name, time) in &phases {
        let share = 100.0 * time.as_secs_f64() / total.as_secs_f64().max(f64::MIN_POSITIVE);
        println!("| {name} | {:.2} ms | {share:.1}% |", ms(*time) / f64::from(rounds));
    }
    println!("| total | {:.2} ms | 100% |", ms(total) / f64::from(rounds));
    eprintln!(
        "({findings} findings and renders over {rounds} rounds of {} files)",
        paths.len()
    );
}

fn ms(time: Duration) -> f64 {
    time.as_secs_f64() * 1000.0
}

/// Adds the time since the last lap to the next phase.
struct Clock<'p> {
    phases: &'p mut [(String, Duration)],
    next: usize,
    since: Instant,
}

impl<'p> Clock<'p> {
    fn new(phases: &'p mut [(String, Duration)]) -> Self {
        Self {
            phases,
            next: 0,
            since: Instant::now(),
        }
    }

    fn lap(&mut self) {
        let now = Instant::now();
        if let Some((_, time)) = self.phases.get_mut(self.next) {
            *time += now - self.since;
        }
        self.next += 1;
        self.since = now;
    }
}
