//! Map state fields, inline and distributed.
//!
//! Enumerations that no analysis in this crate depends on (`ReaderConfig.InputType`,
//! `WriterConfig.OutputType`, …) are kept as strings: sources disagree on their value sets
//! (see asl-facts §15), so the rules decide. `Mode` and `ExecutionType` are typed because
//! rules and the graph depend on them.

use asl_syntax::{Node, Number};

use super::build::{dynamic_number, field, nullable_path, value};
use super::{Dynamic, Field, PathValue, ScopeId};

/// Map fields. The common fields (`Parameters`, `ResultSelector`, …) are on the `State`.
#[derive(Debug, Clone)]
pub struct MapState<'a> {
    /// The `ItemProcessor` member and the scope built from it.
    pub item_processor: Option<Field<'a, ScopeId>>,
    /// The deprecated `Iterator` member and the scope built from it, read as an `ItemProcessor`.
    pub iterator: Option<Field<'a, ScopeId>>,
    /// The effective processing mode: `DISTRIBUTED` only when the `ProcessorConfig` of the
    /// processor (`ItemProcessor`, else `Iterator`) says so, else inline.
    pub mode: MapMode,
    /// JSONata `Items`: an array or a JSONata string (kept raw).
    pub items: Option<Field<'a, &'a Node>>,
    pub items_path: Option<Field<'a, PathValue<'a>>>,
    pub item_selector: Option<Field<'a, &'a Node>>,
    pub max_concurrency: Option<Field<'a, Dynamic<'a, Number>>>,
    pub max_concurrency_path: Option<Field<'a, &'a str>>,
    pub tolerated_failure_percentage: Option<Field<'a, Dynamic<'a, Number>>>,
    pub tolerated_failure_percentage_path: Option<Field<'a, &'a str>>,
    pub tolerated_failure_count: Option<Field<'a, Dynamic<'a, Number>>>,
    pub tolerated_failure_count_path: Option<Field<'a, &'a str>>,
    pub item_reader: Option<Field<'a, ItemReader<'a>>>,
    pub item_batcher: Option<Field<'a, ItemBatcher<'a>>>,
    pub result_writer: Option<Field<'a, ResultWriter<'a>>>,
    pub label: Option<Field<'a, &'a str>>,
}

impl<'a> MapState<'a> {
    /// Reads the Map fields; the processor scopes and the mode are set by the builder.
    pub(super) fn read(node: &'a Node) -> Self {
        MapState {
            item_processor: None,
            iterator: None,
            mode: MapMode::Inline,
            items: field(node, "Items", value),
            items_path: field(node, "ItemsPath", nullable_path),
            item_selector: field(node, "ItemSelector", value),
            max_concurrency: field(node, "MaxConcurrency", dynamic_number),
            max_concurrency_path: field(node, "MaxConcurrencyPath", Node::as_str),
            tolerated_failure_percentage: field(node, "ToleratedFailurePercentage", dynamic_number),
            tolerated_failure_percentage_path: field(node, "ToleratedFailurePercentagePath", Node::as_str),
            tolerated_failure_count: field(node, "ToleratedFailureCount", dynamic_number),
            tolerated_failure_count_path: field(node, "ToleratedFailureCountPath", Node::as_str),
            item_reader: field(node, "ItemReader", ItemReader::read),
            item_batcher: field(node, "ItemBatcher", ItemBatcher::read),
            result_writer: field(node, "ResultWriter", ResultWriter::read),
            label: field(node, "Label", Node::as_str),
        }
    }

    /// The scope of the iteration: `ItemProcessor`, else `Iterator`.
    pub fn processor(&self) -> Option<ScopeId> {
        self.item_processor
            .as_ref()
            .or(self.iterator.as_ref())
            .and_then(|f| f.value)
    }
}

/// `ProcessorConfig.Mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapMode {
    Inline,
    Distributed,
}

/// `ProcessorConfig.ExecutionType` (Distributed mode).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExecutionType {
    Standard,
    Express,
}

/// `ProcessorConfig` of an `ItemProcessor` (or of a deprecated `Iterator`).
#[derive(Debug, Clone)]
pub struct ProcessorConfig<'a> {
    /// `None` value: not one of `INLINE`, `DISTRIBUTED`.
    pub mode: Option<Field<'a, MapMode>>,
    /// `None` value: not one of `STANDARD`, `EXPRESS`.
    pub execution_type: Option<Field<'a, ExecutionType>>,
}

impl<'a> ProcessorConfig<'a> {
    pub(super) fn read(node: &'a Node) -> Option<Self> {
        node.as_object()?;
        Some(ProcessorConfig {
            mode: field(node, "Mode", |n| match n.as_str()? {
                "INLINE" => Some(MapMode::Inline),
                "DISTRIBUTED" => Some(MapMode::Distributed),
                _ => None,
            }),
            execution_type: field(node, "ExecutionType", |n| match n.as_str()? {
                "STANDARD" => Some(ExecutionType::Standard),
                "EXPRESS" => Some(ExecutionType::Express),
                _ => None,
            }),
        })
    }

    /// The mode when written and valid.
    pub fn mode(&self) -> Option<MapMode> {
        self.mode.as_ref().and_then(|f| f.value)
    }
}

/// `ItemReader` (Distributed Map).
#[derive(Debug, Clone)]
pub struct ItemReader<'a> {
    pub resource: Option<Field<'a, &'a str>>,
    pub parameters: Option<Field<'a, &'a Node>>,
    pub arguments: Option<Field<'a, &'a Node>>,
    pub reader_config: Option<Field<'a, ReaderConfig<'a>>>,
}

impl<'a> ItemReader<'a> {
    fn read(node: &'a Node) -> Option<Self> {
        node.as_object()?;
        Some(ItemReader {
            resource: field(node, "Resource", Node::as_str),
            parameters: field(node, "Parameters", value),
            arguments: field(node, "Arguments", value),
            reader_config: field(node, "ReaderConfig", ReaderConfig::read),
        })
    }
}

/// `ItemReader.ReaderConfig`.
#[derive(Debug, Clone)]
pub struct ReaderConfig<'a> {
    pub input_type: Option<Field<'a, &'a str>>,
    pub transformation: Option<Field<'a, &'a str>>,
    pub manifest_type: Option<Field<'a, &'a str>>,
    pub csv_header_location: Option<Field<'a, &'a str>>,
    pub csv_headers: Option<Field<'a, &'a [Node]>>,
    pub csv_delimiter: Option<Field<'a, &'a str>>,
    pub items_pointer: Option<Field<'a, &'a str>>,
    pub max_items: Option<Field<'a, Dynamic<'a, Number>>>,
    pub max_items_path: Option<Field<'a, &'a str>>,
}

impl<'a> ReaderConfig<'a> {
    fn read(node: &'a Node) -> Option<Self> {
        node.as_object()?;
        Some(ReaderConfig {
            input_type: field(node, "InputType", Node::as_str),
            transformation: field(node, "Transformation", Node::as_str),
            manifest_type: field(node, "ManifestType", Node::as_str),
            csv_header_location: field(node, "CSVHeaderLocation", Node::as_str),
            csv_headers: field(node, "CSVHeaders", Node::as_array),
            csv_delimiter: field(node, "CSVDelimiter", Node::as_str),
            items_pointer: field(node, "ItemsPointer", Node::as_str),
            max_items: field(node, "MaxItems", dynamic_number),
            max_items_path: field(node, "MaxItemsPath", Node::as_str),
        })
    }
}

/// `ItemBatcher` (Distributed Map).
#[derive(Debug, Clone)]
pub struct ItemBatcher<'a> {
    pub max_items_per_batch: Option<Field<'a, Dynamic<'a, Number>>>,
    pub max_items_per_batch_path: Option<Field<'a, &'a str>>,
    pub max_input_bytes_per_batch: Option<Field<'a, Dynamic<'a, Number>>>,
    pub max_input_bytes_per_batch_path: Option<Field<'a, &'a str>>,
    pub batch_input: Option<Field<'a, &'a Node>>,
}

impl<'a> ItemBatcher<'a> {
    fn read(node: &'a Node) -> Option<Self> {
        node.as_object()?;
        Some(ItemBatcher {
            max_items_per_batch: field(node, "MaxItemsPerBatch", dynamic_number),
            max_items_per_batch_path: field(node, "MaxItemsPerBatchPath", Node::as_str),
            max_input_bytes_per_batch: field(node, "MaxInputBytesPerBatch", dynamic_number),
            max_input_bytes_per_batch_path: field(node, "MaxInputBytesPerBatchPath", Node::as_str),
            batch_input: field(node, "BatchInput", value),
        })
    }
}

/// `ResultWriter` (Distributed Map).
#[derive(Debug, Clone)]
pub struct ResultWriter<'a> {
    pub resource: Option<Field<'a, &'a str>>,
    pub parameters: Option<Field<'a, &'a Node>>,
    pub arguments: Option<Field<'a, &'a Node>>,
    pub writer_config: Option<Field<'a, WriterConfig<'a>>>,
}

impl<'a> ResultWriter<'a> {
    fn read(node: &'a Node) -> Option<Self> {
        node.as_object()?;
        Some(ResultWriter {
            resource: field(node, "Resource", Node::as_str),
            parameters: field(node, "Parameters", value),
            arguments: field(node, "Arguments", value),
            writer_config: field(node, "WriterConfig", WriterConfig::read),
        })
    }
}

/// `ResultWriter.WriterConfig`.
#[derive(Debug, Clone)]
pub struct WriterConfig<'a> {
    pub output_type: Option<Field<'a, &'a str>>,
    pub transformation: Option<Field<'a, &'a str>>,
}

impl<'a> WriterConfig<'a> {
    fn read(node: &'a Node) -> Option<Self> {
        node.as_object()?;
        Some(WriterConfig {
            output_type: field(node, "OutputType", Node::as_str),
            transformation: field(node, "Transformation", Node::as_str),
        })
    }
}
