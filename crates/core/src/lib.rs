//! report-drafter's core: everything that can be decided without a browser.
//!
//! No web dependencies and no I/O: functions take data and return data or a typed
//! error whose message is Chinese and names the problem. The web app and the
//! `report-drafter` command-line tool are thin shells over this crate.

pub mod attachment;
pub mod backup;
pub mod check;
pub mod coverage;
pub mod date;
pub mod debris;
pub mod decode;
pub mod docx;
pub mod edit;
pub mod empty_parts;
pub mod export_options;
#[cfg(feature = "fixtures")]
pub mod fixtures;
pub mod format;
pub mod history;
pub mod html_read;
pub mod import_text;
pub mod labels;
pub mod lexicon;
pub mod meta_field;
pub mod model;
pub mod next_year;
pub mod node_id;
mod opc;
pub mod outline;
pub mod package_read;
pub mod page;
pub mod paste;
pub mod plan;
pub mod plan_items;
pub mod preview;
pub mod report_frame;
pub mod report_import;
pub mod report_text;
pub mod restructure;
pub mod rules;
pub mod scan;
pub mod sheet_read;
pub mod sort;
pub mod template;
pub mod text;
pub mod validate;
pub mod versions;
pub mod xlsx;
pub mod xml_text;

pub use date::CalendarDate;
pub use edit::{Edit, Target};
pub use format::{from_json, from_json_bytes, from_own_json, to_compact_json, to_json, LoadError};
pub use history::History;
pub use meta_field::{FieldKind, MetaField};
pub use model::{
    Direction, Draft, EditError, Metadata, NewNode, Node, NodeId, Parent, Section, TextField,
};
pub use next_year::next_year_draft;
pub use template::{Template, TemplateError, TemplateLibrary};
