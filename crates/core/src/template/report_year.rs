//! Changing a draft's report year (报告年度) after it was started: the texts that follow
//! from the year move with it, and the user is asked about the texts they typed.

use super::{fill_year, map_years, Template};
use crate::edit::Edit;
use crate::meta_field::{FieldKind, MetaField};
use crate::model::{Draft, Node, TextField};

/// The edits that move a draft to another report year, in two parts. The deadlines
/// follow from the year itself and need no edit.
#[derive(Clone, Debug, PartialEq)]
pub struct YearChange {
    pub year: u16,
    /// The texts the template wrote that still read as it wrote them for the old year
    /// (section titles, the 标题) and the sections' guidance, which the user does not
    /// edit: these follow the year without asking.
    pub derived: Vec<Edit>,
    /// Texts the user typed or changed that name the old year or the year after, with
    /// those years moved: made only when the user agrees.
    pub typed: Vec<Edit>,
}

impl YearChange {
    /// The change as one undoable step, with the typed texts moved or left as they are.
    /// The year is set first, so undoing the step shows the year.
    pub fn into_edit(self, with_typed: bool) -> Edit {
        let mut edits = vec![Edit::SetReportYear(self.year)];
        edits.extend(self.derived);
        if with_typed {
            edits.extend(self.typed);
        }
        Edit::Batch(edits)
    }
}

/// What changing `draft`'s report year to `year` edits; `template` is the one the draft
/// was started from, when it is at hand (without it every text counts as typed).
pub fn change_report_year(draft: &Draft, template: Option<&Template>, year: u16) -> YearChange {
    let old = draft.report_year;
    let mut change = YearChange {
        year,
        derived: Vec::new(),
        typed: Vec::new(),
    };
    if year == old {
        return change;
    }
    // A text goes to `derived` when it is still the template's for the old year.
    let mut sort = |current: &str, from_template: Option<&str>, edit: &dyn Fn(String) -> Edit| {
        let moved = move_years(current, old, year);
        if moved == current {
            return;
        }
        match from_template {
            Some(t) if fill_year(t, old) == current => {
                change.derived.push(edit(fill_year(t, year)));
            }
            _ => change.typed.push(edit(moved)),
        }
    };
    for field in MetaField::HEADER.into_iter().chain(MetaField::CLOSING) {
        if !matches!(field.kind(), FieldKind::Text | FieldKind::Lines) {
            continue;
        }
        let from_template = template
            .filter(|_| field == MetaField::Title)
            .map(|t| t.title.as_str());
        sort(&field.get(&draft.meta), from_template, &|value| {
            Edit::SetMeta { field, value }
        });
    }
    // The user does not edit guidance: it always follows, whatever the template.
    let mut guidance_edits = Vec::new();
    for section in &draft.sections {
        let from_template = template
            .and_then(|t| t.sections.iter().find(|s| s.key == section.key))
            .map(|s| s.title.as_str());
        let id = section.id;
        sort(&section.title, from_template, &|text| Edit::SetText {
            id,
            field: TextField::Title,
            text,
        });
        let guidance = move_years(&section.guidance, old, year);
        if guidance != section.guidance {
            guidance_edits.push(Edit::SetGuidance { id, text: guidance });
        }
        let mut nodes: Vec<&Node> = section.children.iter().collect();
        while let Some(node) = nodes.pop() {
            let id = node.id();
            let texts = match node {
                Node::Heading { title, text, .. } => {
                    vec![(TextField::Title, title), (TextField::Text, text)]
                }
                Node::Paragraph { text, .. } => vec![(TextField::Text, text)],
            };
            for (field, current) in texts {
                sort(current, None, &|text| Edit::SetText { id, field, text });
            }
            nodes.extend(node.children().iter().rev());
        }
    }
    change.derived.extend(guidance_edits);
    change
}

/// The report year and the year after moved to `to` and the year after it, in a single
/// pass (so 2023 → 2024 and 2024 → 2025, never 2023 → 2025). Other years (citations
/// such as 《…（2021-2025年）》) stay.
pub(crate) fn move_years(s: &str, from: u16, to: u16) -> String {
    let (from, to) = (u32::from(from), u32::from(to));
    map_years(s, |found| {
        if found == from {
            Some(to.to_string())
        } else if found == from + 1 {
            Some((to + 1).to_string())
        } else {
            None
        }
    })
}
