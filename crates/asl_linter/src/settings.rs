/// Settings of one analysis. The command line and the language server fill them in.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The state machine type, when known: some integrations are not allowed in EXPRESS.
    pub workflow_type: Option<WorkflowType>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkflowType {
    Standard,
    Express,
}
