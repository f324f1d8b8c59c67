//! One component per file, grouped by feature (a folder per step or panel); the
//! helpers they share to find and open what a finding names are here, their hooks in
//! [`crate::hooks`]. Props derive `PartialEq`, so an unchanged part of the page is not
//! re-rendered while the user types elsewhere.

pub mod checks;
pub mod coverage;
pub mod drafts;
pub mod editor;
pub mod export;
pub mod lazy;
pub mod preview;
pub mod shell;

use std::ops::Deref;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use report_core::attachment::CellRef;
use report_core::check::{Location, TextRef};
use report_core::model::TextField;
use report_core::preview::Source;
use report_core::{Draft, MetaField, Node, NodeId, Target};
use wasm_bindgen::JsCast;
use yew::html::IntoPropValue;

use self::editor::{meta_input, report_year_input, table_row_editor};
use self::export::export_step;
use crate::state::{Action, Dispatch, NavAction, Step};

/// The open draft as a component's prop, compared by identity. `Rc<Draft>` compares two
/// drafts field by field (a `Draft` is not `Eq`: a plan's numeric target is an `f64`), a
/// walk through the report's text for each component that takes the draft, on every
/// keystroke. Identity misses no change: the reducer changes a draft through
/// `Rc::make_mut`, which copies a draft held anywhere else, and the props of the component
/// that rendered it hold it; so a draft is never changed under a component, and every
/// change is a new `Rc` (an equal copy renders once more, no harm). Derefs to the `Rc`:
/// `props.draft.clone()` is the `Rc<Draft>` to pass on.
pub struct SharedDraft(Rc<Draft>);

impl PartialEq for SharedDraft {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for SharedDraft {
    type Target = Rc<Draft>;

    fn deref(&self) -> &Rc<Draft> {
        &self.0
    }
}

impl IntoPropValue<SharedDraft> for Rc<Draft> {
    fn into_prop_value(self) -> SharedDraft {
        SharedDraft(self)
    }
}

/// A place the user edits something: a node, a form field or a cell of the table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Place {
    Node(NodeId),
    Field(MetaField),
    TableCell(CellRef),
}

impl From<Source> for Place {
    fn from(source: Source) -> Self {
        match source {
            Source::Node(id) => Place::Node(id),
            Source::Field(field) => Place::Field(field),
        }
    }
}

/// The one place a finding or a missing thing is edited, if it is one. Lines of a
/// plain-text report are not in the draft.
pub fn place_of(location: &Location) -> Option<Place> {
    let target = match location {
        Location::Document => return None,
        Location::Section { id } => return Some(Place::Node(*id)),
        Location::Text { target, .. } => target,
    };
    match *target {
        TextRef::Node { id, .. } => Some(Place::Node(id)),
        TextRef::Field { field } => Some(Place::Field(field)),
        TextRef::TableCell { cell } => Some(Place::TableCell(cell)),
        TextRef::Line { .. } => None,
    }
}

/// Opens `place`: the node in its section, or the form or table holding the field or
/// cell, with that focused.
pub fn open_place(dispatch: &Dispatch, place: Place) {
    let (step, element) = match place {
        Place::Node(id) => return dispatch.dispatch(Action::from(NavAction::JumpTo(id))),
        Place::Field(field) if MetaField::HEADER.contains(&field) => {
            (Step::Basics, meta_input::input_id(field))
        }
        Place::Field(field) => (Step::Closing, meta_input::input_id(field)),
        Place::TableCell(cell) => (Step::Table, table_row_editor::cell_id(cell)),
    };
    dispatch.dispatch(Action::from(NavAction::GoTo(step)));
    // The element exists once the step has rendered.
    Timeout::new(0, move || focus_element(&element)).forget();
}

/// The id of the element where `target` is edited, once its step has rendered; `None`
/// for what is not edited in one element (the plan, the draft's name).
pub fn element_of(draft: &Draft, target: &Target) -> Option<String> {
    match target {
        Target::Text {
            id,
            field: TextField::Text,
        } if draft.node(*id).is_some_and(Node::is_heading) => Some(format!("node-{id}-text")),
        Target::Text { id, .. } => Some(format!("node-{id}")),
        Target::Meta(field) => Some(meta_input::input_id(*field)),
        Target::TableCell { number, column } => {
            let plan = draft.plan.as_ref().map(|state| &state.plan);
            let row = draft
                .attachment_table
                .as_ref()?
                .rows(plan)
                .iter()
                .position(|r| r.number == *number)?;
            Some(table_row_editor::cell_id(CellRef {
                row,
                column: *column,
            }))
        }
        Target::SecrecyReviewed => Some(export_step::SECRECY_REVIEWED_ID.into()),
        Target::ReportYear => Some(report_year_input::REPORT_YEAR_ID.into()),
        Target::Plan | Target::Name | Target::IgnoredRules => None,
    }
}

/// Scrolls an element into the middle of the view and focuses it, a text area with the
/// caret at the end of its text (where typing on after Backspace or an undo goes).
pub fn focus_element(id: &str) {
    let Some(element) = gloo::utils::document().get_element_by_id(id) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
    if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let end = u32::try_from(area.value().encode_utf16().count()).unwrap_or(u32::MAX);
        let _ = area.set_selection_range(end, end);
    }
}
