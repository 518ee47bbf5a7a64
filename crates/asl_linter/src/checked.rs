//! A definition's tree kept together with the model and graph the rules saw, so that a
//! language server answers navigation, completion and hover on them without building them
//! again. The model borrows the tree: `self_cell` owns both in one value.

use std::sync::Arc;

use asl_semantic::graph::StateGraph;
use asl_semantic::model::{Model, build};
use asl_syntax::Parse;

/// The model of one tree and its state graph.
pub struct Semantics<'a> {
    pub model: Model<'a>,
    pub graph: StateGraph,
}

self_cell::self_cell!(
    /// A parsed definition with its model and graph, built once.
    pub struct CheckedDefinition {
        owner: Arc<Parse>,
        #[covariant]
        dependent: Semantics,
    }
);

impl CheckedDefinition {
    /// Builds the model and graph of `parse`.
    pub fn build(parse: Arc<Parse>) -> Self {
        CheckedDefinition::new(parse, |parse| {
            let model = build(&parse.root);
            let graph = StateGraph::build(&model);
            Semantics { model, graph }
        })
    }

    pub fn parse(&self) -> &Parse {
        self.borrow_owner()
    }

    pub fn model(&self) -> &Model<'_> {
        &self.borrow_dependent().model
    }

    pub fn graph(&self) -> &StateGraph {
        &self.borrow_dependent().graph
    }
}
