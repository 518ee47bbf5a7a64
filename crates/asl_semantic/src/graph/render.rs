//! Pictures of a state machine in Graphviz DOT and Mermaid, drawn the way the Step Functions
//! console draws them: Parallel branches and Map processors are boxes inside their state,
//! Catch edges are dashed and carry their errors, Choice edges carry their condition, and
//! terminal, unreachable and looping states are marked.

use std::fmt::Write as _;

use asl_syntax::Node;

use super::{StateGraph, condition_summary};
use crate::model::{Model, ScopeId, ScopeKind, State, StateId, StateKind, TransitionKind};

/// The machine as a Graphviz `digraph`.
pub fn to_dot(model: &Model<'_>, graph: &StateGraph) -> String {
    draw(model, graph, Dot::default())
}

/// The machine as a Mermaid `flowchart`.
pub fn to_mermaid(model: &Model<'_>, graph: &StateGraph) -> String {
    draw(model, graph, Mermaid::default())
}

/// How a state looks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Box,
    Diamond,
    Terminal,
}

/// What the analyses say about a state, shown by colour and by a line in its label.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Highlight {
    None,
    Unreachable,
    ExitlessLoop,
}

impl Highlight {
    fn note(self) -> Option<&'static str> {
        match self {
            Highlight::None => None,
            Highlight::Unreachable => Some("unreachable"),
            Highlight::ExitlessLoop => Some("loop with no exit"),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum EdgeStyle {
    Solid,
    /// A Catch edge.
    Dashed,
    /// From a Parallel or Map state into one of its scopes.
    Dotted,
}

/// The syntax of one output format.
trait Syntax {
    fn open_cluster(&mut self, id: &str, label: &str, depth: usize);
    fn close_cluster(&mut self, depth: usize);
    fn start_node(&mut self, id: &str, depth: usize);
    fn state_node(&mut self, id: &str, lines: &[&str], shape: Shape, highlight: Highlight, depth: usize);
    fn edge(&mut self, from: &str, to: &str, style: EdgeStyle, label: Option<&str>);
    fn finish(self) -> String;
}

fn draw(model: &Model<'_>, graph: &StateGraph, mut syntax: impl Syntax) -> String {
    let root = model.root_scope;
    let mut loop_states = vec![false; model.states.len()];
    for scope in &model.scopes {
        for found in &graph.scope(scope.id).exitless_loops {
            for state in &found.states {
                loop_states[state.index()] = true;
            }
        }
    }
    let highlight = |state: StateId| {
        if graph.scope(model.state(state).scope).start.is_some() && !graph.is_reachable(state) {
            Highlight::Unreachable
        } else if loop_states[state.index()] {
            Highlight::ExitlessLoop
        } else {
            Highlight::None
        }
    };
    syntax.start_node("start", 1);
    draw_scope(model, root, &highlight, &mut syntax, 1);
    if let Some(start) = graph.scope(root).start {
        syntax.edge("start", &node_id(start), EdgeStyle::Solid, None);
    }
    for scope in &model.scopes {
        if let (Some(parent), Some(start)) = (scope.parent(), graph.scope(scope.id).start) {
            let label = match scope.kind {
                ScopeKind::Branch { index, .. } => format!("branch {}", index + 1),
                _ => "each item".to_owned(),
            };
            syntax.edge(&node_id(parent), &node_id(start), EdgeStyle::Dotted, Some(&label));
        }
    }
    for state in &model.states {
        for transition in model.transitions(state.id) {
            let Some(target) = transition.resolved else { continue };
            let (style, label) = edge_look(state, transition.kind);
            syntax.edge(&node_id(state.id), &node_id(target), style, label.as_deref());
        }
    }
    syntax.finish()
}

fn draw_scope(
    model: &Model<'_>,
    scope: ScopeId,
    highlight: &impl Fn(StateId) -> Highlight,
    syntax: &mut impl Syntax,
    depth: usize,
) {
    for state in model.states_in(scope).filter(|state| state.is_object()) {
        let type_name = state.kind.type_name().unwrap_or("?");
        let look = highlight(state.id);
        let mut lines = vec![state.name, type_name];
        lines.extend(look.note());
        let nested = nested_scopes(model, state);
        if nested.is_empty() {
            syntax.state_node(&node_id(state.id), &lines, shape(state), look, depth);
            continue;
        }
        syntax.open_cluster(
            &format!("cluster_{}", node_id(state.id)),
            &format!("{} ({type_name})", state.name),
            depth,
        );
        syntax.state_node(&node_id(state.id), &lines, shape(state), look, depth + 1);
        for (label, nested_scope) in nested {
            syntax.open_cluster(&format!("cluster_scope{}", nested_scope.index()), &label, depth + 1);
            draw_scope(model, nested_scope, highlight, syntax, depth + 2);
            syntax.close_cluster(depth + 1);
        }
        syntax.close_cluster(depth);
    }
}

/// The scopes a Parallel or Map state contains, with their box labels.
fn nested_scopes(model: &Model<'_>, state: &State<'_>) -> Vec<(String, ScopeId)> {
    match &state.kind {
        StateKind::Parallel(parallel) => {
            let branches = parallel
                .branches
                .as_ref()
                .and_then(|f| f.value.as_deref())
                .unwrap_or(&[]);
            branches
                .iter()
                .map(|&scope| match model.scope(scope).kind {
                    ScopeKind::Branch { index, .. } => (format!("Branch {}", index + 1), scope),
                    _ => ("Branch".to_owned(), scope),
                })
                .collect()
        }
        StateKind::Map(map) => map
            .processor()
            .map(|scope| ("Item processor".to_owned(), scope))
            .into_iter()
            .collect(),
        _ => Vec::new(),
    }
}

fn shape(state: &State<'_>) -> Shape {
    if state.is_terminal() {
        Shape::Terminal
    } else if matches!(state.kind, StateKind::Choice(_)) {
        Shape::Diamond
    } else {
        Shape::Box
    }
}

fn edge_look(state: &State<'_>, kind: TransitionKind) -> (EdgeStyle, Option<String>) {
    match kind {
        TransitionKind::Next => (EdgeStyle::Solid, None),
        TransitionKind::Default => (EdgeStyle::Solid, Some("Default".to_owned())),
        TransitionKind::Choice(index) => {
            let label = match &state.kind {
                StateKind::Choice(choice) => choice.rules().get(index).map(condition_summary),
                _ => None,
            };
            (EdgeStyle::Solid, Some(label.unwrap_or_else(|| "Condition".to_owned())))
        }
        TransitionKind::Catch(index) => {
            let errors = state
                .catchers()
                .get(index)
                .and_then(|catcher| catcher.error_equals.as_ref()?.value)
                .map(|names| names.iter().filter_map(Node::as_str).collect::<Vec<_>>().join(", "))
                .filter(|names| !names.is_empty())
                .unwrap_or_else(|| "Catch".to_owned());
            (EdgeStyle::Dashed, Some(errors))
        }
    }
}

/// The id of a state's node in both pictures (`s0`, `s1`, …), for a viewer that highlights it.
pub fn node_id(state: StateId) -> String {
    format!("s{}", state.index())
}

fn indent(depth: usize) -> String {
    "  ".repeat(depth)
}

#[derive(Default)]
struct Dot {
    body: String,
    edges: String,
}

impl Dot {
    fn quote(text: &str) -> String {
        let mut quoted = String::with_capacity(text.len() + 2);
        quoted.push('"');
        for c in text.chars() {
            match c {
                '"' => quoted.push_str("\\\""),
                '\\' => quoted.push_str("\\\\"),
                '\n' | '\r' => quoted.push(' '),
                _ => quoted.push(c),
            }
        }
        quoted.push('"');
        quoted
    }
}

impl Syntax for Dot {
    fn open_cluster(&mut self, id: &str, label: &str, depth: usize) {
        let pad = indent(depth);
        let _ = writeln!(self.body, "{pad}subgraph {id} {{");
        let _ = writeln!(
            self.body,
            "{pad}  label={}; style=\"rounded,dashed\"; color=\"#777777\";",
            Dot::quote(label)
        );
    }

    fn close_cluster(&mut self, depth: usize) {
        let _ = writeln!(self.body, "{}}}", indent(depth));
    }

    fn start_node(&mut self, id: &str, depth: usize) {
        let _ = writeln!(
            self.body,
            "{}{id} [label=\"Start\", shape=circle, style=filled, fillcolor=\"#dddddd\"];",
            indent(depth)
        );
    }

    fn state_node(&mut self, id: &str, lines: &[&str], shape: Shape, highlight: Highlight, depth: usize) {
        let label = lines
            .iter()
            .map(|line| Dot::quote(line).trim_matches('"').to_owned())
            .collect::<Vec<_>>()
            .join("\\n");
        let mut attributes = vec![format!("label=\"{label}\"")];
        attributes.push(
            match shape {
                Shape::Box => "shape=box",
                Shape::Diamond => "shape=diamond",
                Shape::Terminal => "shape=box, peripheries=2",
            }
            .to_owned(),
        );
        attributes.push(
            match highlight {
                Highlight::None => "style=\"rounded\"",
                Highlight::Unreachable => "style=\"rounded,filled,dashed\", fillcolor=\"#e0e0e0\", color=\"#888888\"",
                Highlight::ExitlessLoop => "style=\"rounded,filled\", fillcolor=\"#ffd6d6\", color=\"#cc0000\"",
            }
            .to_owned(),
        );
        let _ = writeln!(self.body, "{}{id} [{}];", indent(depth), attributes.join(", "));
    }

    fn edge(&mut self, from: &str, to: &str, style: EdgeStyle, label: Option<&str>) {
        let mut attributes = Vec::new();
        if let Some(label) = label {
            attributes.push(format!("label={}", Dot::quote(label)));
        }
        match style {
            EdgeStyle::Solid => {}
            EdgeStyle::Dashed => attributes.push("style=dashed, color=\"#cc0000\", fontcolor=\"#cc0000\"".to_owned()),
            EdgeStyle::Dotted => attributes.push("style=dotted".to_owned()),
        }
        let attributes = if attributes.is_empty() {
            String::new()
        } else {
            format!(" [{}]", attributes.join(", "))
        };
        let _ = writeln!(self.edges, "  {from} -> {to}{attributes};");
    }

    fn finish(self) -> String {
        format!(
            "digraph StateMachine {{\n  rankdir=TB;\n  node [fontname=\"Helvetica\", fontsize=11];\n  edge [fontname=\"Helvetica\", fontsize=9];\n{}{}}}\n",
            self.body, self.edges
        )
    }
}

#[derive(Default)]
struct Mermaid {
    body: String,
    edges: String,
    classes: String,
}

impl Mermaid {
    /// Text inside a quoted Mermaid label: quotes and angle brackets as entities.
    fn escape(text: &str) -> String {
        let mut escaped = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                '"' => escaped.push_str("#quot;"),
                '<' => escaped.push_str("#lt;"),
                '>' => escaped.push_str("#gt;"),
                '#' => escaped.push_str("#35;"),
                '\n' | '\r' => escaped.push(' '),
                _ => escaped.push(c),
            }
        }
        escaped
    }
}

impl Syntax for Mermaid {
    fn open_cluster(&mut self, id: &str, label: &str, depth: usize) {
        let _ = writeln!(
            self.body,
            "{}subgraph {id} [\"{}\"]",
            indent(depth),
            Mermaid::escape(label)
        );
    }

    fn close_cluster(&mut self, depth: usize) {
        let _ = writeln!(self.body, "{}end", indent(depth));
    }

    fn start_node(&mut self, id: &str, depth: usize) {
        let _ = writeln!(self.body, "{}{id}((Start))", indent(depth));
    }

    fn state_node(&mut self, id: &str, lines: &[&str], shape: Shape, highlight: Highlight, depth: usize) {
        let label = lines
            .iter()
            .map(|line| Mermaid::escape(line))
            .collect::<Vec<_>>()
            .join("<br/>");
        let (open, close) = match shape {
            Shape::Box => ("(", ")"),
            Shape::Diamond => ("{", "}"),
            Shape::Terminal => ("([", "])"),
        };
        let _ = writeln!(self.body, "{}{id}{open}\"{label}\"{close}", indent(depth));
        let class = match (shape, highlight) {
            (_, Highlight::Unreachable) => Some("unreachable"),
            (_, Highlight::ExitlessLoop) => Some("exitless"),
            (Shape::Terminal, Highlight::None) => Some("terminal"),
            _ => None,
        };
        if let Some(class) = class {
            let _ = writeln!(self.classes, "  class {id} {class}");
        }
    }

    fn edge(&mut self, from: &str, to: &str, style: EdgeStyle, label: Option<&str>) {
        let arrow = match style {
            EdgeStyle::Solid => "-->",
            EdgeStyle::Dashed | EdgeStyle::Dotted => "-.->",
        };
        let label = label
            .map(|label| format!("|\"{}\"|", Mermaid::escape(label)))
            .unwrap_or_default();
        let _ = writeln!(self.edges, "  {from} {arrow}{label} {to}");
    }

    fn finish(self) -> String {
        format!(
            "flowchart TD\n{}{}  classDef terminal stroke-width:3px\n  classDef unreachable fill:#e0e0e0,stroke:#888888,stroke-dasharray:5 5\n  classDef exitless fill:#ffd6d6,stroke:#cc0000\n{}",
            self.body, self.edges, self.classes
        )
    }
}
