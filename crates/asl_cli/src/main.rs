//! `asl-lint`: the command line. It does the I/O; the analysis lives in `asl_linter`.

mod check;
mod config;
mod discover;
mod graph;
mod init;
mod loader;
mod lsp;
mod output;
mod replace;
mod rule;

use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// A linter and static analyzer for Amazon States Language (AWS Step Functions) definitions.
#[derive(Parser)]
#[command(name = "asl-lint", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

// Each subcommand's arguments are built only when it runs (a check does not build the others').
#[derive(Subcommand)]
#[command(defer = true)]
enum Command {
    /// Check state machine definitions (files, directories, or `-` for stdin).
    Check(CheckArgs),
    /// Print the documentation of a rule, by code (ASL201) or name (unreachable-state).
    Rule {
        /// A rule code or name; without it, every rule is listed.
        rule: Option<String>,
    },
    /// Draw a state machine as a Mermaid or Graphviz DOT diagram.
    Graph(graph::GraphArgs),
    /// Run the language server on stdin/stdout (for editors).
    Lsp,
    /// Write a commented starter asl-lint.toml in the current directory (never over one).
    Init,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or directories to check. Directories are walked recursively, honouring the
    /// .gitignore and .ignore files of their repository.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// When to use colours (`NO_COLOR` is honoured under `auto`).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Print diagnostics only: no summary line.
    #[arg(long, short)]
    quiet: bool,
    /// Print how many findings each rule made instead of the findings (with --format human,
    /// concise or json).
    #[arg(long)]
    statistics: bool,
    /// Select files while walking directories, like ripgrep: `--glob 'flows/**/*.json'` checks
    /// only matching files, `--glob '!legacy/**'` skips some. Repeatable.
    #[arg(long = "glob", value_name = "GLOB")]
    globs: Vec<String>,
    /// Choose among the named files as a directory walk does: check only state machines (by
    /// name or content) that `--glob` selects, and skip the others silently. For pre-commit
    /// hooks and editors that pass every changed file.
    #[arg(long)]
    only_state_machines: bool,
    /// The name to show for input read from stdin (`-`).
    #[arg(long, value_name = "PATH", default_value = "<stdin>")]
    stdin_filename: String,
    /// The state machine type, when known (EXPRESS forbids some integrations).
    #[arg(long, value_enum)]
    workflow_type: Option<WorkflowTypeArg>,
    /// The configuration file; without it, the nearest asl-lint.toml from the current
    /// directory upwards is used.
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Use no configuration file.
    #[arg(long)]
    no_config: bool,
    /// Apply the safe fixes to the files (JSON only) and report what is left.
    #[arg(long)]
    fix: bool,
    /// With --fix, also apply the fixes that may change behaviour.
    #[arg(long, requires = "fix")]
    unsafe_fixes: bool,
    /// Accept a directory walk that finds nothing to check (otherwise the exit code is 2).
    #[arg(long)]
    allow_empty: bool,
    /// Turn a rule off, by code or name. Repeatable.
    #[arg(long = "ignore", value_name = "RULE")]
    ignore: Vec<String>,
    /// Set a rule's severity: `RULE=off|error|warning|info`. Repeatable.
    #[arg(long = "severity", value_name = "RULE=LEVEL")]
    severity: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Source excerpts with labels, for people.
    Human,
    /// One line per finding: `path:line:col: severity[CODE name] message`.
    Concise,
    /// The stable JSON document described in the README.
    Json,
    /// GitHub Actions annotations (`::error file=…,line=…::message`).
    Github,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// JUnit XML: one test case per file, failed when it has an error.
    Junit,
    /// GitLab Code Quality report.
    Gitlab,
}

impl Format {
    /// Whether the output locates findings by JSON Pointer, which needs the parsed document.
    fn shows_pointers(self) -> bool {
        matches!(self, Format::Json | Format::Sarif | Format::Gitlab)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum WorkflowTypeArg {
    Standard,
    Express,
}

impl ColorChoice {
    fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
            }
        }
    }
}

/// Exit codes (public API): no errors, errors found, the run could not do its job.
pub(crate) const EXIT_CLEAN: u8 = 0;
pub(crate) const EXIT_FINDINGS: u8 = 1;
pub(crate) const EXIT_FAILURE: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            let code = if error.use_stderr() { EXIT_FAILURE } else { EXIT_CLEAN };
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Rule { rule } => rule::run(rule.as_deref()),
        Command::Graph(args) => graph::run(&args),
        Command::Lsp => lsp::run(),
        Command::Init => init::run(),
    };
    ExitCode::from(code)
}
