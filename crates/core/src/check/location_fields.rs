//! How [`Location`] and [`TextRef`] are read: written as internally tagged enums
//! (`{"kind": "text", "target": {"kind": "node", …}, …}`), they are read through one flat
//! struct of every kind's fields each, then checked for the fields their kind needs.
//! Serde's derived reader of internally tagged enums buffers every value in its
//! `Content` tree first, a second deserializer that the page, which reads the worker's
//! findings, would carry for these two types alone.

use serde::Deserialize;

use super::{CharRange, Location, TextRef};
use crate::attachment::CellRef;
use crate::meta_field::MetaField;
use crate::model::{NodeId, TextField};

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum LocationKind {
    Text,
    Section,
    Document,
}

#[derive(Deserialize)]
pub(super) struct LocationFields {
    kind: LocationKind,
    target: Option<TextRef>,
    range: Option<CharRange>,
    id: Option<NodeId>,
}

impl TryFrom<LocationFields> for Location {
    type Error = &'static str;

    fn try_from(f: LocationFields) -> Result<Self, Self::Error> {
        Ok(match f.kind {
            LocationKind::Text => Location::Text {
                target: f.target.ok_or("missing field `target`")?,
                range: f.range,
            },
            LocationKind::Section => Location::Section {
                id: f.id.ok_or("missing field `id`")?,
            },
            LocationKind::Document => Location::Document,
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum TextRefKind {
    Field,
    Node,
    Line,
    TableCell,
}

#[derive(Deserialize)]
pub(super) struct TextRefFields {
    kind: TextRefKind,
    field: Option<MetaField>,
    id: Option<NodeId>,
    part: Option<TextField>,
    line: Option<usize>,
    cell: Option<CellRef>,
}

impl TryFrom<TextRefFields> for TextRef {
    type Error = &'static str;

    fn try_from(f: TextRefFields) -> Result<Self, Self::Error> {
        Ok(match f.kind {
            TextRefKind::Field => TextRef::Field {
                field: f.field.ok_or("missing field `field`")?,
            },
            TextRefKind::Node => TextRef::Node {
                id: f.id.ok_or("missing field `id`")?,
                part: f.part.ok_or("missing field `part`")?,
            },
            TextRefKind::Line => TextRef::Line {
                line: f.line.ok_or("missing field `line`")?,
            },
            TextRefKind::TableCell => TextRef::TableCell {
                cell: f.cell.ok_or("missing field `cell`")?,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_what_is_written_and_a_missing_field_is_refused() {
        let targets = [
            TextRef::Field {
                field: MetaField::Title,
            },
            TextRef::Node {
                id: 7,
                part: TextField::Text,
            },
            TextRef::Line { line: 3 },
            TextRef::TableCell {
                cell: CellRef { row: 2, column: 1 },
            },
        ];
        for target in targets {
            let locations = [
                Location::Text {
                    target,
                    range: Some(CharRange { start: 1, end: 4 }),
                },
                Location::Text {
                    target,
                    range: None,
                },
            ];
            for location in locations {
                let json = serde_json::to_string(&location).unwrap();
                assert_eq!(serde_json::from_str::<Location>(&json).unwrap(), location);
            }
        }
        for location in [Location::Section { id: 9 }, Location::Document] {
            let json = serde_json::to_string(&location).unwrap();
            assert_eq!(serde_json::from_str::<Location>(&json).unwrap(), location);
        }
        // The shape written is the internally tagged one, as before.
        assert_eq!(
            serde_json::to_string(&Location::Text {
                target: TextRef::Line { line: 3 },
                range: None
            })
            .unwrap(),
            r#"{"kind":"text","target":{"kind":"line","line":3},"range":null}"#
        );
        for wrong in [
            r#"{"kind":"text","range":null}"#,
            r#"{"kind":"section"}"#,
            r#"{"kind":"text","target":{"kind":"node","id":7}}"#,
            r#"{"kind":"text","target":{"kind":"shape"}}"#,
            r#"{"target":{"kind":"line","line":3}}"#,
        ] {
            assert!(serde_json::from_str::<Location>(wrong).is_err(), "{wrong}");
        }
    }
}
