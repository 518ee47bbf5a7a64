//! HCL (Terraform) read into the spanned tree the rules read, and the variables an HCL
//! expression reads. The parser (`hcl-edit`) limits nesting, so the walks here are bounded.

use asl_syntax::{Key, Member, Node, Number, TextRange, Value};
use hcl_edit::expr::{Expression, ForExpr, ObjectKey};
use hcl_edit::structure::{Body, Structure};
use hcl_edit::template::{Element, ForTemplateExpr, Template};
use hcl_edit::visit::{Visit, visit_expr, visit_template};
use hcl_edit::{Ident, Span};

/// The range of a parsed HCL element (every element the parser makes has one).
pub(crate) fn range(spanned: &impl Span) -> TextRange {
    spanned.span().map_or(TextRange::empty(0), |span| {
        TextRange::new(span.start as u32, span.end as u32)
    })
}

/// The file's blocks and attributes as a tree: an attribute is a member, a block a member
/// named by its type whose value nests its labels (`resource "a" "b" {…}` reads as
/// `{"resource": {"a": {"b": {…}}}}`).
pub(crate) fn body(body: &Body, source: &str) -> Node {
    let members = body
        .iter()
        .map(|structure| match structure {
            Structure::Attribute(attribute) => Member {
                key: key(attribute.key.as_str(), range(&attribute.key)),
                value: value(&attribute.value, source),
            },
            Structure::Block(block) => {
                let mut inner = self::body(&block.body, source);
                for label in block.labels.iter().rev() {
                    let label_range = range(label);
                    inner = Node {
                        range: TextRange::new(label_range.start, inner.range.end),
                        value: Value::Object(Box::new([Member {
                            key: key(label.as_str(), label_range),
                            value: inner,
                        }])),
                    };
                }
                Member {
                    key: key(block.ident.as_str(), range(&block.ident)),
                    value: inner,
                }
            }
        })
        .collect();
    Node {
        value: Value::Object(members),
        range: range(body),
    }
}

fn key(text: &str, range: TextRange) -> Key {
    Key {
        text: text.into(),
        range,
    }
}

/// An expression as a value (what `jsonencode` makes of it): literals as they are, objects
/// and tuples member by member, strings with each interpolation or directive kept as it is
/// written, and any other expression a `${…}` placeholder over its range.
pub(crate) fn value(expr: &Expression, source: &str) -> Node {
    let range = range(expr);
    let value = match expr {
        Expression::Null(_) => Value::Null,
        Expression::Bool(b) => Value::Bool(*b.value()),
        Expression::Number(n) => {
            let n = n.value();
            match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => Value::Number(Number::PosInt(u)),
                (None, Some(i), _) => Value::Number(Number::NegInt(i)),
                (None, None, Some(f)) => Value::Number(Number::Float(f)),
                (None, None, None) => placeholder(source, range),
            }
        }
        Expression::String(s) => Value::String(s.value().as_str().into()),
        Expression::StringTemplate(template) => Value::String(template_text(template, source).into()),
        Expression::HeredocTemplate(heredoc) => Value::String(template_text(&heredoc.template, source).into()),
        Expression::Array(items) => Value::Array(items.iter().map(|item| value(item, source)).collect()),
        Expression::Object(object) => Value::Object(
            object
                .iter()
                .map(|(object_key, object_value)| Member {
                    key: member_key(object_key, source),
                    value: value(object_value.expr(), source),
                })
                .collect(),
        ),
        Expression::Parenthesis(inner) => return value(inner.inner(), source),
        _ => placeholder(source, range),
    };
    Node { value, range }
}

/// An object key: a name, a string, or a `${…}` placeholder for a computed key.
fn member_key(object_key: &ObjectKey, source: &str) -> Key {
    let key_range = range(object_key);
    let text = match object_key {
        ObjectKey::Ident(ident) => ident.as_str().into(),
        ObjectKey::Expression(expr) => match value(expr, source).value {
            Value::String(text) => text,
            _ => placeholder_text(source, key_range).into(),
        },
    };
    Key { text, range: key_range }
}

/// The text of a template: its literal text decoded, each interpolation and directive as it
/// is written.
fn template_text(template: &Template, source: &str) -> String {
    template
        .iter()
        .map(|element| match element {
            Element::Literal(literal) => literal.as_str(),
            other => source.get(range(other).as_usize()).unwrap_or_default(),
        })
        .collect()
}

fn placeholder(source: &str, range: TextRange) -> Value {
    Value::String(placeholder_text(source, range).into())
}

/// `${expression}` for the expression written at `range`, on one line.
pub(crate) fn placeholder_text(source: &str, range: TextRange) -> String {
    let written = source.get(range.as_usize()).unwrap_or_default();
    let written = written
        .strip_prefix("${")
        .and_then(|w| w.strip_suffix('}'))
        .unwrap_or(written);
    format!("${{{}}}", written.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The variables an expression reads (`var` of `var.name`, `x` of `upper(x)`), in order and
/// without repeats, leaving out the names its own `for` expressions and directives bind.
pub(crate) fn reads(expr: &Expression, bound: &[String], out: &mut Vec<String>) {
    let mut reads = Reads {
        bound: bound.to_vec(),
        out,
    };
    reads.visit_expr(expr);
}

/// [`reads`] for every expression of a template.
pub(crate) fn template_reads(template: &Template, bound: &[String], out: &mut Vec<String>) {
    let mut reads = Reads {
        bound: bound.to_vec(),
        out,
    };
    reads.visit_template(template);
}

struct Reads<'a> {
    bound: Vec<String>,
    out: &'a mut Vec<String>,
}

impl Reads<'_> {
    fn bind(&mut self, key: Option<&Ident>, value: &Ident) -> usize {
        let before = self.bound.len();
        self.bound
            .extend(key.into_iter().chain([value]).map(|ident| ident.as_str().to_owned()));
        before
    }
}

impl Visit for Reads<'_> {
    fn visit_expr(&mut self, node: &Expression) {
        match node {
            Expression::Variable(name) => {
                let name = name.as_str();
                if !self.bound.iter().any(|b| b == name) && !self.out.iter().any(|o| o == name) {
                    self.out.push(name.to_owned());
                }
            }
            other => visit_expr(self, other),
        }
    }

    fn visit_for_expr(&mut self, node: &ForExpr) {
        self.visit_expr(&node.intro.collection_expr);
        let before = self.bind(
            node.intro.key_var.as_ref().map(|k| k.value()),
            node.intro.value_var.value(),
        );
        if let Some(key_expr) = &node.key_expr {
            self.visit_expr(key_expr);
        }
        self.visit_expr(&node.value_expr);
        if let Some(cond) = &node.cond {
            self.visit_expr(&cond.expr);
        }
        self.bound.truncate(before);
    }

    fn visit_for_template_expr(&mut self, node: &ForTemplateExpr) {
        self.visit_expr(&node.collection_expr);
        let before = self.bind(node.key_var.as_ref().map(|k| k.value()), node.value_var.value());
        visit_template(self, &node.template);
        self.bound.truncate(before);
    }
}
