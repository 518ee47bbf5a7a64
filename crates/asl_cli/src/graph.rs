//! `asl-lint graph`: draw a state machine as Graphviz DOT or Mermaid.

use std::path::{Path, PathBuf};

use asl_diagnostics::printable::{PrintableSource, printable};
use asl_hosts::{HostFile, extract};
use asl_semantic::graph::{StateGraph, to_dot, to_mermaid};
use asl_syntax::{Parse, decode_source};

use crate::loader::FsLoader;
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
    /// The state machine to draw, when the file (a template) holds several: its logical id or
    /// Serverless key.
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
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
    let shown = printable(&args.file.to_string_lossy()).into_owned();
    let loader = FsLoader::new(std::slice::from_ref(&args.file));
    let host = extract(&args.file, &text, &loader);
    if !host.is_state_machine() {
        eprintln!("asl-lint: {shown} holds no state machine: it is not a definition, nor a template that defines one");
        return EXIT_FAILURE;
    }
    let parse = match definition(&host, args.name.as_deref()) {
        Ok(parse) => parse,
        Err(message) => {
            eprintln!("asl-lint: {shown}: {message}");
            return EXIT_FAILURE;
        }
    };
    if !parse.errors.is_empty() || !host.parse.errors.is_empty() {
        eprintln!(
            "asl-lint: {shown} has syntax errors; the picture shows what could be read (run `asl-lint check` for details)"
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

/// The definition to draw: the file itself, or the state machine of a template named `name`
/// (which may be left out when there is only one).
fn definition(host: &HostFile, name: Option<&str>) -> Result<Parse, String> {
    let names = || {
        host.machines
            .iter()
            .filter_map(|m| m.facts.name.as_deref())
            .map(|n| printable(n).into_owned())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let machine = match name {
        Some(name) => host
            .machines
            .iter()
            .find(|m| m.facts.name.as_deref() == Some(name))
            .ok_or_else(|| {
                format!(
                    "no state machine is named {}; the file holds {}",
                    printable(name),
                    names()
                )
            })?,
        None if host.machines.len() > 1 => {
            return Err(format!(
                "it holds several state machines ({}): pick one with --name",
                names()
            ));
        }
        None => host
            .machines
            .first()
            .ok_or("it holds no state machine that can be drawn")?,
    };
    machine
        .definition_tree(&host.parse)
        .map_err(|reason| format!("its definition cannot be drawn: {}", printable(reason)))
}
