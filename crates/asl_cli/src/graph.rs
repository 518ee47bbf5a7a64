//! `asl-lint graph`: draw a state machine as Graphviz DOT or Mermaid.

use std::path::{Path, PathBuf};

use asl_diagnostics::printable::PrintableSource;
use asl_semantic::graph::{StateGraph, to_dot, to_mermaid};
use asl_syntax::{decode_source, parse};

use crate::{EXIT_CLEAN, EXIT_FAILURE};

#[derive(clap::Args)]
pub(crate) struct GraphArgs {
    /// The definition to draw (`-` for stdin).
    file: PathBuf,
    /// Output format: `mermaid` (for Markdown) or `dot` (for Graphviz: `dot -Tsvg`).
    #[arg(long, value_enum, default_value_t = GraphFormat::Mermaid)]
    format: GraphFormat,
    /// Write the picture to this file instead of stdout.
    #[arg(long, short, value_name = "PATH")]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum GraphFormat {
    Mermaid,
    Dot,
}

pub(crate) fn run(args: &GraphArgs) -> u8 {
    let bytes = if args.file == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes).map(|_| bytes)
    } else {
        std::fs::read(&args.file)
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("asl-lint: cannot read {}: {error}", args.file.display());
            return EXIT_FAILURE;
        }
    };
    let text = decode_source(bytes).text;
    let parse = parse(&text);
    if !parse.errors.is_empty() {
        eprintln!(
            "asl-lint: {} is not valid JSON; the picture shows what could be read (run `asl-lint check` for details)",
            args.file.display()
        );
    }
    let model = asl_semantic::model::build(&parse.root);
    let graph = StateGraph::build(&model);
    let picture = match args.format {
        GraphFormat::Mermaid => to_mermaid(&model, &graph),
        GraphFormat::Dot => to_dot(&model, &graph),
    };
    match &args.output {
        Some(path) => match std::fs::write(path, picture) {
            Ok(()) => EXIT_CLEAN,
            Err(error) => {
                eprintln!("asl-lint: cannot write {}: {error}", path.display());
                EXIT_FAILURE
            }
        },
        None => {
            // State names are copied from the input: no control character reaches the terminal.
            print!("{}", PrintableSource::new(&picture).text);
            EXIT_CLEAN
        }
    }
}
