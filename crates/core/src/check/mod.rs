//! The 公文 rule checker: form (GB/T 9704-2012), wording and content of the annual
//! report, with one-click fixes where a fix is safe.
//!
//! Both entry points first turn their input into one list of located text units
//! ([`units`]): a draft's metadata fields and nodes, or the lines of a plain-text report.
//! Every rule runs over that list, so a rule is written once for both inputs. Fast
//! enough to run on every keystroke: std only, one pass per rule over the text.
//!
//! A [`Finding`] is the one shape of everything a user can act on: the rules' findings,
//! what a complete document still lacks ([`missing`], listed apart before export) and
//! texts the export writes empty or drops characters of. What stops a file loading is
//! not a finding: it is [`crate::validate`]'s.

mod content;
mod dates;
mod debris;
mod doc_number;
mod form;
mod headings;
mod location_fields;
mod missing;
mod places;
mod punct;
mod structure;
mod table;
mod units;
mod wording;

use serde::{Deserialize, Serialize};

use crate::attachment::CellRef;
use crate::date::CalendarDate;
use crate::edit::Edit as DraftEdit;
use crate::export_options::ExportOptions;
use crate::meta_field::{FieldKind, MetaField};
use crate::model::{Draft, Node, NodeId, TextField};
use crate::rules::Rule;
use crate::sort::stable_sort_by;
use crate::template::{Deadlines, Template};
pub use places::Places;
pub use structure::DROPPED;

/// How much a finding matters: `Error` (错误) breaks a 规定 of the standard or the
/// regulation; `Warning` (提示) is a convention, a likely slip or a reminder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "提示",
        }
    }
}

/// One problem found in a draft or a plain-text report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule; written as its id, e.g. `doc-number-brackets`.
    pub rule: Rule,
    pub severity: Severity,
    pub location: Location,
    /// What is wrong and what is right, in Chinese.
    pub message: String,
    /// A one-click correction, when one is safe.
    pub fix: Option<Fix>,
}

/// Where a finding is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    rename_all = "snake_case",
    tag = "kind",
    try_from = "location_fields::LocationFields"
)]
pub enum Location {
    /// A stretch of text; `range` is `None` when the whole text is meant.
    Text {
        target: TextRef,
        range: Option<CharRange>,
    },
    /// A section of the draft as a whole (e.g. an empty part).
    Section { id: NodeId },
    /// The document as a whole (e.g. a missing part, a deadline).
    Document,
}

/// A piece of text a finding points into and a fix edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    rename_all = "snake_case",
    tag = "kind",
    try_from = "location_fields::TextRefFields"
)]
pub enum TextRef {
    /// A metadata field, in its form value ([`MetaField::get`]).
    Field { field: MetaField },
    /// A section title or a heading's title (`Title`), a paragraph or run-in text (`Text`).
    Node { id: NodeId, part: TextField },
    /// A line of a plain-text report, counted from 1.
    Line { line: usize },
    /// A cell of the draft's attached table.
    TableCell { cell: CellRef },
}

/// Character positions (Unicode scalar values, not bytes), end exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CharRange {
    pub start: usize,
    pub end: usize,
}

/// Replacements of character ranges in one text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    pub target: TextRef,
    /// Non-overlapping, in text order.
    pub edits: Vec<Edit>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub range: CharRange,
    /// The text the range held when the check ran; a fix whose text has changed since
    /// is refused rather than applied to the wrong characters.
    pub expected: String,
    pub replacement: String,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FixError {
    #[error("内容已修改，这条修改建议已过时，请重新检查")]
    Stale,
    /// Of several fixes made together (全部修正): some text they change has changed,
    /// possibly by the same fixes made a moment before.
    #[error("内容已修改，这些修改建议已过时（可能已经修正），请重新检查")]
    StaleAll,
    #[error("找不到要修改的段落或标题（编号 {0}），可能已被删除")]
    NotFound(NodeId),
    #[error("找不到要修改的表格单元格，表格可能已变动")]
    NoCell,
    #[error("这项修改不针对草稿中的文字")]
    NotDraftText,
    #[error("这项修改不针对纯文本中的行")]
    NotTextLine,
}

impl Fix {
    /// The first few edits as “old”→“new”, for a button's description.
    pub fn summary(&self) -> String {
        const SHOWN: usize = 3;
        let edits: Vec<String> = self
            .edits
            .iter()
            .take(SHOWN)
            .map(|e| format!("“{}”→“{}”", e.expected, e.replacement))
            .collect();
        let more = if self.edits.len() > SHOWN {
            "……"
        } else {
            ""
        };
        format!("{}{more}", edits.join("，"))
    }
}

/// How a draft's template sets up the checker: the dates its reports are due by and
/// the rules it turns off. The default is the regulation's dates and every rule, for a
/// plain-text report or a draft whose template is not at hand.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Setup {
    pub deadlines: Deadlines,
    pub disabled_rules: Vec<String>,
}

impl Setup {
    /// The checker as a template sets it up: its deadlines and the rules it turns off.
    pub fn of_template(template: &Template) -> Setup {
        Setup {
            deadlines: template.deadlines,
            disabled_rules: template.checker.disabled_rules.clone(),
        }
    }
}

/// Checks a draft; `today` dates the deadline reminders (the core has no clock). The
/// rules the draft ignores are left out, as are those `setup` turns off.
pub fn check_draft(draft: &Draft, today: CalendarDate, setup: &Setup) -> Vec<Finding> {
    let mut out = Vec::new();
    missing::check(draft, &draft.export, &mut out);
    missing::raise_required(draft, &mut out);
    structure::check(draft, &mut out);
    run(&units::Doc::from_draft(draft), today, setup, &mut out);
    kept(out, Some(draft), setup)
}

/// What the document written with `options` still lacks: the findings of the
/// [`Rule::is_absence`] rules, which [`check_draft`] finds with the draft's own options.
/// Cheap enough to run on every render.
pub fn missing(draft: &Draft, options: &ExportOptions, setup: &Setup) -> Vec<Finding> {
    let mut out = Vec::new();
    missing::check(draft, options, &mut out);
    kept(out, Some(draft), setup)
}

/// The findings about the draft's structure that validation used to warn about: what
/// the document lacks, and headings, paragraphs and fields the export writes empty or
/// drops characters of. Needs no date or template.
pub fn structure(draft: &Draft) -> Vec<Finding> {
    let mut out = Vec::new();
    missing::check(draft, &draft.export, &mut out);
    structure::check(draft, &mut out);
    kept(out, Some(draft), &Setup::default())
}

/// Checks a plain-text report, line by line; locations are [`TextRef::Line`]s.
pub fn check_text(text: &str, today: CalendarDate, setup: &Setup) -> Vec<Finding> {
    let mut out = Vec::new();
    run(&units::Doc::from_text(text), today, setup, &mut out);
    kept(out, None, setup)
}

/// The findings without the rules `setup` turns off and `draft` ignores, errors first;
/// within a severity, rules keep document order.
fn kept(mut findings: Vec<Finding>, draft: Option<&Draft>, setup: &Setup) -> Vec<Finding> {
    let ignored = draft.map_or(&[][..], |d| &d.ignored_rules);
    findings.retain(|f| {
        let id = f.rule.id();
        !setup.disabled_rules.iter().chain(ignored).any(|r| r == id)
    });
    let warning = |f: &Finding| f.severity != Severity::Error;
    stable_sort_by(&mut findings, |a, b| warning(a).cmp(&warning(b)));
    findings
}

fn run(doc: &units::Doc, today: CalendarDate, setup: &Setup, out: &mut Vec<Finding>) {
    form::check(doc, out);
    headings::check(doc, out);
    punct::check(doc, out);
    wording::check(doc, out);
    content::check(doc, today, &setup.deadlines, out);
    table::check(doc, out);
    debris::check(doc, out);
}

/// Applies a fix to a draft, changing only the ranges it names.
pub fn apply_fix(draft: &mut Draft, fix: &Fix) -> Result<(), FixError> {
    let edit = fix_edit(draft, fix)?;
    let target = fix.target;
    draft.apply(edit).map(drop).map_err(|_| match target {
        TextRef::Node { id, .. } => FixError::NotFound(id),
        _ => FixError::NoCell,
    })
}

/// A fix as the draft edit that makes it: the new text of the one text it changes.
/// Refused when that text has changed since the check.
pub fn fix_edit(draft: &Draft, fix: &Fix) -> Result<DraftEdit, FixError> {
    match fix.target {
        TextRef::Field { field } => {
            if !matches!(field.kind(), FieldKind::Text | FieldKind::Lines) {
                return Err(FixError::NotDraftText);
            }
            let value = apply_edits(&field.get(&draft.meta), &fix.edits)?;
            Ok(DraftEdit::SetMeta { field, value })
        }
        TextRef::Node { id, part } => {
            let current = node_text(draft, id, part).ok_or(FixError::NotFound(id))?;
            Ok(DraftEdit::SetText {
                id,
                field: part,
                text: apply_edits(current, &fix.edits)?,
            })
        }
        TextRef::TableCell { cell } => {
            let (number, current) = table_cell(draft, cell)?;
            let text = apply_edits(current, &fix.edits)?;
            Ok(DraftEdit::SetTableCell {
                number,
                column: cell.column,
                text,
            })
        }
        TextRef::Line { .. } => Err(FixError::NotDraftText),
    }
}

/// Several fixes (全部修正: every fix of one rule) as one draft edit, undone as one
/// step. The fixes of one text are merged into one new text computed from the text as
/// it is, so no fix shifts the places another one names; of two that overlap, the
/// earlier is made. Refused as a whole when any text has changed since the check.
pub fn fix_all_edit(draft: &Draft, fixes: &[Fix]) -> Result<DraftEdit, FixError> {
    let mut merged: Vec<Fix> = Vec::new();
    for fix in fixes {
        match merged.iter_mut().find(|m| m.target == fix.target) {
            Some(m) => m.edits.extend(fix.edits.iter().cloned()),
            None => merged.push(fix.clone()),
        }
    }
    merged
        .into_iter()
        .map(|mut fix| {
            stable_sort_by(&mut fix.edits, |a, b| {
                (a.range.start, a.range.end).cmp(&(b.range.start, b.range.end))
            });
            let mut done = 0;
            fix.edits.retain(|e| {
                let clear = e.range.start >= done;
                if clear {
                    done = e.range.end;
                }
                clear
            });
            fix_edit(draft, &fix)
        })
        .collect::<Result<Vec<_>, _>>()
        .map(DraftEdit::Batch)
        .map_err(|err| match err {
            FixError::Stale => FixError::StaleAll,
            other => other,
        })
}

/// The places a set of fixes changes, as 全部修正 counts them.
pub fn places(fixes: &[Fix]) -> usize {
    fixes.iter().map(|f| f.edits.len()).sum()
}

/// Characters of context shown on each side of a fix's first change.
const LABEL_CONTEXT: usize = 3;

/// A fix for a button: its first change in context, as the text reads now and after
/// (“…依法,行政…”→“…依法，行政…”), with the count when it makes more. Falls back to
/// [`Fix::summary`] when the text is not in the draft or has changed since the check.
pub fn fix_label(draft: &Draft, fix: &Fix) -> String {
    let in_context = |text: &str| -> Option<String> {
        let first = fix.edits.first()?;
        let chars: Vec<char> = text.chars().collect();
        let range = first.range;
        let held: String = chars.get(range.start..range.end)?.iter().collect();
        if held != first.expected {
            return None;
        }
        let from = range.start.saturating_sub(LABEL_CONTEXT);
        let to = (range.end + LABEL_CONTEXT).min(chars.len());
        let before: String = chars[from..range.start].iter().collect();
        let after: String = chars[range.end..to].iter().collect();
        let open = if from > 0 { "…" } else { "" };
        let close = if to < chars.len() { "…" } else { "" };
        let more = match fix.edits.len() {
            1 => String::new(),
            n => format!("（共{n}处）"),
        };
        Some(format!(
            "“{open}{before}{}{after}{close}”→“{open}{before}{}{after}{close}”{more}",
            first.expected, first.replacement
        ))
    };
    let label = match fix.target {
        TextRef::Field { field } => in_context(&field.get(&draft.meta)),
        TextRef::Node { id, part } => node_text(draft, id, part).and_then(in_context),
        TextRef::TableCell { cell } => table_cell(draft, cell)
            .ok()
            .and_then(|(_, text)| in_context(text)),
        TextRef::Line { .. } => None,
    };
    label.unwrap_or_else(|| fix.summary())
}

/// The plan item number of a table cell's row and the cell's text.
fn table_cell(draft: &Draft, cell: CellRef) -> Result<(String, &str), FixError> {
    let plan = draft.plan.as_ref().map(|state| &state.plan);
    let table = draft.attachment_table.as_ref().ok_or(FixError::NoCell)?;
    let number = table
        .rows(plan)
        .into_iter()
        .nth(cell.row)
        .ok_or(FixError::NoCell)?
        .number;
    let text = table.cell(&number, cell.column);
    Ok((number, text))
}

/// Applies a fix from [`check_text`] to the text it was found in and returns the new text.
pub fn apply_fix_to_text(text: &str, fix: &Fix) -> Result<String, FixError> {
    let TextRef::Line { line } = fix.target else {
        return Err(FixError::NotTextLine);
    };
    let mut out = String::with_capacity(text.len() + 16);
    let mut found = false;
    for (i, raw) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if i + 1 == line {
            let (content, cr) = match raw.strip_suffix('\r') {
                Some(content) => (content, "\r"),
                None => (raw, ""),
            };
            out.push_str(&apply_edits(content, &fix.edits)?);
            out.push_str(cr);
            found = true;
        } else {
            out.push_str(raw);
        }
    }
    if found {
        Ok(out)
    } else {
        Err(FixError::Stale)
    }
}

fn node_text(draft: &Draft, id: NodeId, part: TextField) -> Option<&str> {
    if let Some(section) = draft.sections.iter().find(|s| s.id == id) {
        return (part == TextField::Title).then_some(section.title.as_str());
    }
    match (draft.node(id)?, part) {
        (Node::Heading { title, .. }, TextField::Title) => Some(title),
        (Node::Heading { text, .. } | Node::Paragraph { text, .. }, TextField::Text) => Some(text),
        (Node::Paragraph { .. }, TextField::Title) => None,
    }
}

/// `text` with the edits applied, or [`FixError::Stale`] if a range no longer holds
/// its expected text.
fn apply_edits(text: &str, edits: &[Edit]) -> Result<String, FixError> {
    let mut offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    offsets.push(text.len());
    let byte = |char_index: usize| offsets.get(char_index).copied().ok_or(FixError::Stale);
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for edit in edits {
        let (start, end) = (byte(edit.range.start)?, byte(edit.range.end)?);
        if start < done || end < start || text[start..end] != edit.expected {
            return Err(FixError::Stale);
        }
        out.push_str(&text[done..start]);
        out.push_str(&edit.replacement);
        done = end;
    }
    out.push_str(&text[done..]);
    Ok(out)
}
