//! State machines of Terraform configurations: the `definition` of each
//! `resource "aws_sfn_state_machine"` in a `.tf` file, written as a heredoc (`<<EOF`, `<<-EOF`)
//! or a quoted string, built with `jsonencode({ … })`, or read with `file(…)` or
//! `templatefile(…, { … })` relative to the module.

use std::path::Path;

use asl_syntax::{Node, Parse, SourceFormat, SyntaxError, TextRange, Value};
use hcl_edit::expr::{Expression, FuncCall, TraversalOperator};
use hcl_edit::structure::{Attribute, Block};
use hcl_edit::template::{Directive, Element, Template};

use crate::hcl::{self, range};
use crate::hcl_work;
use crate::holes::Mode;
use crate::text::Builder;
use crate::{
    Definition, FileKind, HostFacts, HostFile, LoadedFile, Loader, Machine, Reference, Resolver, Substitution,
    loaded_definition, workflow_type,
};

const RESOURCE_TYPE: &str = "aws_sfn_state_machine";

/// The state machines of the `.tf` file `text`; files it names are read through `loader`.
pub(crate) fn extract(path: &Path, text: &str, loader: &dyn Loader) -> HostFile {
    if let Some((message, offset)) = too_much_work(text, false) {
        return unreadable(text, message, offset);
    }
    let body = match hcl_edit::parser::parse_body(text) {
        Ok(body) => body,
        Err(error) => {
            let message = format!("HCL syntax error: {}", error.message());
            return unreadable(text, message, error.location().offset());
        }
    };
    let machines: Vec<Machine> = body
        .get_blocks("resource")
        .filter(|block| {
            block
                .labels
                .first()
                .is_some_and(|label| label.as_str() == RESOURCE_TYPE)
        })
        .map(|block| machine(path, text, block, loader))
        .collect();
    HostFile {
        kind: if machines.is_empty() {
            FileKind::NotStateMachine
        } else {
            FileKind::Terraform
        },
        format: SourceFormat::Hcl,
        parse: Parse {
            root: hcl::body(&body, text),
            errors: Vec::new(),
        },
        machines,
    }
}

/// Why `text` is not given to the HCL parser, and where: objects whose parsing would take
/// too long (see [`hcl_work`]).
fn too_much_work(text: &str, template: bool) -> Option<(String, usize)> {
    let work = hcl_work::object_work(text, template);
    let (offset, members) = work.largest;
    (work.work > hcl_work::MAX_WORK).then(|| {
        (
            format!(
                "this HCL object has about {members} members, too many to read: objects in a file may hold {} members, or more objects fewer (their member counts squared add up to at most {}); split it, or keep the definition in a .asl.json file read with `file()`",
                hcl_work::MAX_MEMBERS,
                hcl_work::MAX_WORK
            ),
            offset,
        )
    })
}

/// A file HCL cannot read: its syntax error is reported when it declares a state machine
/// resource (the resource type is quoted only where a resource is declared).
fn unreadable(text: &str, message: String, offset: usize) -> HostFile {
    let declares = text.contains(&format!("\"{RESOURCE_TYPE}\""));
    let errors = if declares {
        vec![SyntaxError::new(message, TextRange::empty(char_boundary(text, offset)))]
    } else {
        Vec::new()
    };
    HostFile {
        kind: if declares {
            FileKind::Terraform
        } else {
            FileKind::NotStateMachine
        },
        format: SourceFormat::Hcl,
        parse: Parse {
            root: Node {
                value: Value::Error,
                range: TextRange::empty(0),
            },
            errors,
        },
        machines: Vec::new(),
    }
}

/// `offset` moved back to the start of the character it falls in.
fn char_boundary(text: &str, offset: usize) -> u32 {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset as u32
}

fn machine(path: &Path, source: &str, block: &Block, loader: &dyn Loader) -> Machine {
    let label = block.labels.get(1);
    let name_range = label.map_or(range(&block.ident), range);
    let mut facts = HostFacts {
        name: Some(format!("{RESOURCE_TYPE}.{}", label.map_or("", |l| l.as_str()))),
        name_range,
        host: FileKind::Terraform,
        workflow_type: workflow_type(
            block
                .body
                .get_attribute("type")
                .map(|attribute| hcl::value(&attribute.value, source))
                .as_ref(),
        ),
        substitutions: Vec::new(),
        references: Vec::new(),
        template: None,
    };
    let mut file = None;
    let definition = match block.body.get_attribute("definition") {
        None => Definition::Missing {
            range: name_range,
            reason: "it has no `definition`".to_owned(),
        },
        Some(attribute) => definition(path, source, attribute, loader, &mut facts, &mut file),
    };
    Machine {
        facts,
        file,
        definition,
    }
}

/// The definition the `definition` attribute writes or names.
fn definition(
    path: &Path,
    source: &str,
    attribute: &Attribute,
    loader: &dyn Loader,
    facts: &mut HostFacts,
    file: &mut Option<LoadedFile>,
) -> Definition {
    let missing = |reason: String| Definition::Missing {
        range: range(&attribute.key),
        reason,
    };
    let expr = &attribute.value;
    match expr {
        Expression::HeredocTemplate(heredoc) => {
            let style = Style::Heredoc {
                indent: heredoc.indent().unwrap_or(0),
            };
            template_text(&heredoc.template, source, style, None, &mut facts.references)
        }
        Expression::StringTemplate(template) => {
            template_text(template, source, Style::Quoted, None, &mut facts.references)
        }
        Expression::String(_) => {
            let quoted = range(expr);
            let inside = TextRange::new(quoted.start + 1, quoted.end.saturating_sub(1).max(quoted.start + 1));
            let mut builder = Builder::new(Mode::Framework, &mut facts.references);
            let mut at_line_start = false;
            literal(&mut builder, source, inside, Style::Quoted, &mut at_line_start);
            let (text, map) = builder.finish();
            Definition::Text { text, map }
        }
        Expression::FuncCall(call) => match call.name.name.as_str() {
            "jsonencode" => match single_argument(call) {
                Some(argument @ Expression::Object(_)) => Definition::Tree {
                    root: hcl::value(argument, source),
                    errors: Vec::new(),
                },
                _ => missing(format!(
                    "it is `{}`, and asl-lint reads `jsonencode` only of an object written in place",
                    written(source, range(expr))
                )),
            },
            "file" | "templatefile" => {
                let templated = call.name.name.as_str() == "templatefile";
                let Some(reference) = call.args.iter().next().and_then(module_path) else {
                    return missing(format!(
                        "it reads a file whose path asl-lint does not evaluate: `{}`",
                        written(source, range(expr))
                    ));
                };
                let loaded = match loader.load(path, &reference) {
                    Ok(loaded) => loaded,
                    Err(reason) => return missing(format!("`{}(\"{reference}\")`: {reason}", call.name.name.as_str())),
                };
                let definition = if templated {
                    let variables = template_variables(call, source, facts);
                    file_template(&loaded, variables.as_deref(), &mut facts.references)
                } else {
                    // `file` reads the text as it is: a `${…}` in it is not replaced.
                    loaded_definition(&loaded, Mode::Framework, &mut facts.references)
                };
                *file = Some(loaded);
                definition
            }
            _ => missing(format!(
                "it is built with `{}`, which asl-lint does not evaluate",
                written(source, range(expr))
            )),
        },
        _ => missing(format!(
            "it is `{}`, which asl-lint does not evaluate",
            written(source, range(expr))
        )),
    }
}

/// The one argument of a call.
fn single_argument(call: &FuncCall) -> Option<&Expression> {
    let mut args = call.args.iter();
    let first = args.next()?;
    args.next().is_none().then_some(first)
}

/// An expression as it is written, on one line and cut short, for a message.
fn written(source: &str, range: TextRange) -> String {
    let text = source.get(range.as_usize()).unwrap_or_default();
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}

/// The path a `file` or `templatefile` call reads, relative to the module: a string, where
/// `${path.module}` (or `path.root`, `path.cwd`: the module when Terraform runs in it) is the
/// module's directory.
fn module_path(expr: &Expression) -> Option<String> {
    match expr {
        Expression::String(path) => Some(path.value().clone()),
        Expression::StringTemplate(template) => {
            let mut path = String::new();
            for element in template.iter() {
                match element {
                    Element::Literal(literal) => path.push_str(literal.as_str()),
                    Element::Interpolation(interpolation) if is_module_directory(&interpolation.expr) => {
                        path.push('.');
                    }
                    _ => return None,
                }
            }
            Some(path)
        }
        _ => None,
    }
}

/// `path.module`, `path.root` or `path.cwd`.
fn is_module_directory(expr: &Expression) -> bool {
    let Expression::Traversal(traversal) = expr else {
        return false;
    };
    let root_is_path = matches!(&traversal.expr, Expression::Variable(name) if name.as_str() == "path");
    match traversal.operators.as_slice() {
        [operator] => {
            root_is_path
                && matches!(operator.value(), TraversalOperator::GetAttr(name) if ["module", "root", "cwd"].contains(&name.as_str()))
        }
        _ => false,
    }
}

/// The variables a `templatefile` call passes, recorded as the machine's substitutions;
/// `None` when they are not written as an object in place (a `local`, a `merge(…)`).
fn template_variables(call: &FuncCall, source: &str, facts: &mut HostFacts) -> Option<Vec<String>> {
    let Some(variables) = call.args.iter().nth(1) else {
        // Terraform requires the variables: without them, no name resolves.
        return Some(Vec::new());
    };
    let Expression::Object(_) = variables else {
        return None;
    };
    let tree = hcl::value(variables, source);
    let members = tree.as_object().unwrap_or_default();
    facts.substitutions = members
        .iter()
        .map(|member| Substitution {
            name: member.key.text.to_string(),
            range: member.key.range,
        })
        .collect();
    Some(facts.substitutions.iter().map(|s| s.name.clone()).collect())
}

/// A file read by `templatefile`: a Terraform template, whose `${…}` and `%{…}` Terraform
/// replaces with the call's `variables` (`None`: not known here).
fn file_template(loaded: &LoadedFile, variables: Option<&[String]>, references: &mut Vec<Reference>) -> Definition {
    let parsed = match too_much_work(&loaded.text, true) {
        Some(refused) => Err(refused),
        None => hcl_edit::parser::parse_template(&loaded.text).map_err(|error| {
            let message = format!("`templatefile` cannot read this template: {}", error.message());
            (message, error.location().offset())
        }),
    };
    match parsed {
        Ok(template) => template_text(&template, &loaded.text, Style::File, variables, references),
        Err((message, offset)) => Definition::Tree {
            root: Node {
                value: Value::Error,
                range: TextRange::empty(0),
            },
            errors: vec![SyntaxError::new(
                message,
                TextRange::empty(char_boundary(&loaded.text, offset)),
            )],
        },
    }
}

/// How the literal text of a template is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    /// In a quoted HCL string: backslash escapes apply.
    Quoted,
    /// In a heredoc; `<<-` strips `indent` columns from the start of each line.
    Heredoc { indent: usize },
    /// A template file.
    File,
}

/// The definition text of a template written in `source`: literal text copied (through
/// escapes and heredoc indentation), each interpolation a `${…}` placeholder, each directive
/// read once (the `if` branch, one round of a `for`). With `variables`, the names each
/// interpolation and directive reads are references resolved by them.
fn template_text(
    template: &Template,
    source: &str,
    style: Style,
    variables: Option<&[String]>,
    references: &mut Vec<Reference>,
) -> Definition {
    let mut walk = TemplateWalk {
        builder: Builder::new(Mode::Framework, references),
        source,
        style,
        variables,
        bound: Vec::new(),
        at_line_start: true,
        directives: false,
    };
    walk.elements(template);
    let directives = walk.directives;
    let (text, map) = walk.builder.finish();
    if directives && !asl_syntax::parse(&text).errors.is_empty() {
        return Definition::Missing {
            range: range(template),
            reason: "its template directives (`%{…}`) build JSON that asl-lint cannot follow".to_owned(),
        };
    }
    Definition::Text { text, map }
}

struct TemplateWalk<'s, 'r> {
    builder: Builder<'r>,
    source: &'s str,
    style: Style,
    variables: Option<&'s [String]>,
    /// The names `for` directives bind around the current element.
    bound: Vec<String>,
    at_line_start: bool,
    directives: bool,
}

impl TemplateWalk<'_, '_> {
    fn elements(&mut self, template: &Template) {
        for element in template.iter() {
            match element {
                Element::Literal(text) => {
                    literal(
                        &mut self.builder,
                        self.source,
                        range(text),
                        self.style,
                        &mut self.at_line_start,
                    );
                }
                Element::Interpolation(interpolation) => {
                    let at = range(interpolation);
                    let written = self.source.get(at.as_usize()).unwrap_or_default();
                    let placed = if written.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20) {
                        self.builder.hole(at, &hcl::placeholder_text(self.source, at))
                    } else {
                        self.builder.placeholder_at(written, at.start)
                    };
                    self.record(placed, |bound, out| hcl::reads(&interpolation.expr, bound, out));
                    self.at_line_start = false;
                }
                Element::Directive(directive) => {
                    self.directives = true;
                    self.at_line_start = false;
                    let here = TextRange::empty(self.builder.len());
                    match directive.as_ref() {
                        Directive::If(branches) => {
                            self.record(here, |bound, out| hcl::reads(&branches.if_expr.cond_expr, bound, out));
                            self.elements(&branches.if_expr.template);
                            if let Some(otherwise) = &branches.else_expr {
                                self.record(here, |bound, out| hcl::template_reads(&otherwise.template, bound, out));
                            }
                        }
                        Directive::For(each) => {
                            let each = &each.for_expr;
                            self.record(here, |bound, out| hcl::reads(&each.collection_expr, bound, out));
                            let before = self.bound.len();
                            self.bound.extend(
                                each.key_var
                                    .iter()
                                    .chain([&each.value_var])
                                    .map(|name| name.as_str().to_owned()),
                            );
                            self.elements(&each.template);
                            self.bound.truncate(before);
                        }
                    }
                    self.at_line_start = false;
                }
            }
        }
    }

    /// Records the names `reads` finds as references at `range` of the definition text, when
    /// the template's variables are known.
    fn record(&mut self, range: TextRange, reads: impl FnOnce(&[String], &mut Vec<String>)) {
        let Some(variables) = self.variables else { return };
        let mut names = Vec::new();
        reads(&self.bound, &mut names);
        for name in names {
            self.builder.references().push(Reference {
                name,
                range,
                resolver: Resolver::Template {
                    variables: variables.to_vec(),
                },
            });
        }
    }
}

/// Copies the literal text at `range` of `source`: byte for byte, except the escapes of its
/// style (`$${` and `%%{` always, backslash escapes in a quoted string) and, in a `<<-`
/// heredoc, the indentation it strips at the start of each line.
fn literal(builder: &mut Builder<'_>, source: &str, range: TextRange, style: Style, at_line_start: &mut bool) {
    let Some(text) = source.get(range.as_usize()) else {
        return;
    };
    let bytes = text.as_bytes();
    let base = range.start;
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        if std::mem::take(at_line_start)
            && let Style::Heredoc { indent } = style
        {
            builder.verbatim(&text[run..i], base + run as u32);
            let mut stripped = 0;
            while stripped < indent && matches!(bytes.get(i), Some(b' ' | b'\t')) {
                i += 1;
                stripped += 1;
            }
            run = i;
            continue;
        }
        match bytes[i] {
            b'\n' => {
                i += 1;
                *at_line_start = true;
            }
            b'$' | b'%' if bytes.get(i + 1) == Some(&bytes[i]) && bytes.get(i + 2) == Some(&b'{') => {
                // `$${` is the text `${`.
                builder.verbatim(&text[run..i], base + run as u32);
                run = i + 1;
                i += 3;
            }
            b'\\' if style == Style::Quoted => {
                builder.verbatim(&text[run..i], base + run as u32);
                let (decoded, length) = escape(&text[i..]);
                builder.unescaped(&decoded, base + i as u32);
                i += length;
                run = i;
            }
            _ => i += 1,
        }
    }
    builder.verbatim(&text[run..], base + run as u32);
}

/// The text an HCL string escape at the start of `text` stands for, and its length.
fn escape(text: &str) -> (String, usize) {
    let hex = |digits: usize| {
        text.get(2..2 + digits)
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .and_then(char::from_u32)
            .map(|c| (c.to_string(), 2 + digits))
    };
    match text.as_bytes().get(1) {
        Some(b'n') => ("\n".to_owned(), 2),
        Some(b'r') => ("\r".to_owned(), 2),
        Some(b't') => ("\t".to_owned(), 2),
        Some(b'"') => ("\"".to_owned(), 2),
        Some(b'\\') => ("\\".to_owned(), 2),
        Some(b'u') => hex(4).unwrap_or_else(|| ("\\".to_owned(), 1)),
        Some(b'U') => hex(8).unwrap_or_else(|| ("\\".to_owned(), 1)),
        _ => ("\\".to_owned(), 1),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(escape("\\n"), ("\n".to_owned(), 2));
        assert_eq!(escape("\\u00e9x"), ("é".to_owned(), 6));
        assert_eq!(escape("\\U0001F600"), ("😀".to_owned(), 10));
        assert_eq!(escape("\\"), ("\\".to_owned(), 1));
    }

    #[test]
    fn module_paths() {
        let path = |text: &str| module_path(&hcl_edit::parser::parse_expr(text).unwrap());
        assert_eq!(path("\"a/b.json\"").as_deref(), Some("a/b.json"));
        assert_eq!(path("\"${path.module}/b.json\"").as_deref(), Some("./b.json"));
        assert_eq!(path("\"${var.dir}/b.json\""), None);
        assert_eq!(path("local.path"), None);
    }
}
