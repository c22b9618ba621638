//! A YAML document as a tree whose every node remembers its line, so that a value that is
//! valid YAML but not a valid setting can be reported where it was written.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

/// A value and the line it starts on (1-based; 0 when the parser could not tell).
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub line: u64,
}

/// A mapping's entries: keys (scalars read as text) and values, in the order written.
pub type Entries = Vec<(Located<String>, Located<Node>)>;

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(String),
    List(Vec<Located<Node>>),
    Map(Entries),
}

impl Node {
    /// What kind of value this is, for messages such as "expected a list, found text".
    pub fn kind(&self) -> &'static str {
        match self {
            Node::Null => "nothing",
            Node::Bool(_) => "true or false",
            Node::Int(_) | Node::Float(_) => "a number",
            Node::Text(_) => "text",
            Node::List(_) => "a list",
            Node::Map(_) => "a mapping",
        }
    }
}

/// Parses a YAML document into located nodes. An empty document is an empty mapping.
pub fn parse(text: &str) -> Result<Located<Node>, serde_saphyr::Error> {
    if text.trim().is_empty() {
        return Ok(Located {
            value: Node::Map(Vec::new()),
            line: 1,
        });
    }
    let spanned: Spanned<Node> = serde_saphyr::from_str(text)?;
    Ok(located(spanned))
}

fn located<T>(spanned: Spanned<T>) -> Located<T> {
    Located {
        value: spanned.value,
        line: spanned.referenced.line(),
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Node, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        Node::deserialize(deserializer)
    }

    fn visit_bool<E>(self, value: bool) -> Result<Node, E> {
        Ok(Node::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Node, E> {
        Ok(Node::Int(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Node, E> {
        Ok(i64::try_from(value).map_or(Node::Float(value as f64), Node::Int))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Node, E> {
        Ok(Node::Float(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Node, E> {
        Ok(Node::Text(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Node, E> {
        Ok(Node::Text(value))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Node>>()? {
            items.push(located(item));
        }
        Ok(Node::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<Node>>()? {
            let key = located(key);
            let text = match key.value {
                Node::Text(text) => text,
                Node::Int(n) => n.to_string(),
                Node::Float(x) => x.to_string(),
                Node::Bool(b) => b.to_string(),
                Node::Null => String::new(),
                Node::List(_) | Node::Map(_) => {
                    return Err(de::Error::custom("a key must be a single word"));
                }
            };
            let value = located(map.next_value::<Spanned<Node>>()?);
            entries.push((
                Located {
                    value: text,
                    line: key.line,
                },
                value,
            ));
        }
        Ok(Node::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_node_knows_its_line() {
        let tree = parse("# comment\nsort: score\nlibrary:\n  - ~/news\n  - /srv/feeds\n").unwrap();
        let Node::Map(entries) = tree.value else {
            panic!("not a map: {tree:?}")
        };
        assert_eq!(entries[0].0.value, "sort");
        assert_eq!(entries[0].0.line, 2);
        assert_eq!(entries[0].1.value, Node::Text("score".into()));
        assert_eq!(entries[1].0.line, 3);
        let Node::List(items) = &entries[1].1.value else {
            panic!("not a list")
        };
        assert_eq!(items[1].line, 5);
        assert_eq!(items[1].value, Node::Text("/srv/feeds".into()));
    }

    #[test]
    fn scalars_keep_their_types() {
        let tree = parse("a: 3\nb: 2.5\nc: true\nd: ~\ne: '7'\n").unwrap();
        let Node::Map(entries) = tree.value else {
            panic!()
        };
        let values: Vec<Node> = entries.into_iter().map(|(_, v)| v.value).collect();
        assert_eq!(
            values,
            [
                Node::Int(3),
                Node::Float(2.5),
                Node::Bool(true),
                Node::Null,
                Node::Text("7".into())
            ]
        );
    }

    #[test]
    fn an_empty_file_is_an_empty_mapping() {
        assert_eq!(parse("\n \n").unwrap().value, Node::Map(Vec::new()));
    }
}
