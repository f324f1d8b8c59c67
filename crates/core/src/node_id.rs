//! The id of a part of a draft's body, on its own below the model: the draft holds the
//! plan decisions and table cells, and they point back at paragraphs by this id.

/// Identifies a section or node within one draft; unique within that draft.
pub type NodeId = u64;
