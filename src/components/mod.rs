//! One component per file, grouped by feature (a folder per step or panel); the hooks
//! and helpers they share are here. Props derive `PartialEq`, so an unchanged part of
//! the page is not re-rendered while the user types elsewhere.

pub mod checks;
pub mod coverage;
pub mod drafts;
pub mod editor;
pub mod export;
pub mod preview;
pub mod shell;

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use report_core::attachment::CellRef;
use report_core::check::{Location, TextRef};
use report_core::coverage::CoverageReport;
use report_core::model::TextField;
use report_core::preview::Source;
use report_core::{Draft, MetaField, Node, NodeId, Target};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use self::editor::{meta_input, report_year_input, table_row_editor};
use self::export::export_step;
use crate::adapter::worker::{self, OfficeFile};
use crate::adapter::{clock, files};
use crate::state::persistence::download_backup;
use crate::state::{Action, Dispatch, Notice, Step};

/// The dispatcher from the root's context.
#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().expect("components are rendered inside App")
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
        Place::Node(id) => return dispatch.dispatch(Action::JumpTo(id)),
        Place::Field(field) if MetaField::HEADER.contains(&field) => {
            (Step::Basics, meta_input::input_id(field))
        }
        Place::Field(field) => (Step::Closing, meta_input::input_id(field)),
        Place::TableCell(cell) => (Step::Table, table_row_editor::cell_id(cell)),
    };
    dispatch.dispatch(Action::GoTo(step));
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

/// An Office file made in the worker and downloaded: the callback takes the app state's
/// revision of the draft, the draft and the file name without its extension; the flag is
/// true while one is being made (a second click meanwhile does nothing), and a failure is
/// a notice led by `failure`.
#[hook]
pub fn use_file_download(
    kind: OfficeFile,
    failure: &'static str,
) -> (Callback<(u64, Rc<Draft>, String)>, bool) {
    let dispatch = use_dispatch();
    let busy = use_state(|| false);
    let start = {
        let busy = busy.clone();
        Callback::from(move |(revision, draft, name): (u64, Rc<Draft>, String)| {
            if *busy {
                return;
            }
            busy.set(true);
            let (busy, dispatch) = (busy.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = worker::export_file(kind, revision, &draft, clock::now_ms())
                    .await
                    .and_then(|bytes| {
                        files::download(
                            &files::safe_file_name(&name, kind.extension()),
                            kind.mime(),
                            &bytes,
                        )
                    });
                busy.set(false);
                if let Err(message) = result {
                    dispatch.dispatch(Action::Notify(Notice::error(format!(
                        "{failure}：{message}"
                    ))));
                }
            });
        })
    };
    (start, *busy)
}

/// What the worker found about a draft, with the draft it looked at: the places it
/// names are in that draft's text, which may be older than the open one.
pub struct Answer<T> {
    pub draft: Rc<Draft>,
    pub value: T,
}

/// The latest answer of the worker, `None` before the first. Compared by identity:
/// comparing two answers field by field whenever a parent re-renders (every keystroke)
/// would cost what computing them in the worker saves.
pub struct Latest<T>(pub Option<Rc<Answer<T>>>);

impl<T> Clone for Latest<T> {
    fn clone(&self) -> Self {
        Latest(self.0.clone())
    }
}

impl<T> PartialEq for Latest<T> {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        }
    }
}

/// What `ask` answers about `draft` (the app's `revision` of it) and `inputs`, asked
/// again when typing has paused for `delay_ms` or `inputs` change; until a newer
/// answer comes, the last one stays, and a failed request keeps it too (the worker is
/// replaced for the next).
#[hook]
pub fn use_answer<T, I, F, Fut>(
    draft: Rc<Draft>,
    revision: u64,
    delay_ms: u32,
    inputs: I,
    ask: F,
) -> Latest<T>
where
    T: 'static,
    I: PartialEq + Clone + 'static,
    F: FnOnce(u64, Rc<Draft>, I) -> Fut + 'static,
    Fut: std::future::Future<Output = Result<T, String>> + 'static,
{
    let settled = use_settled(revision, delay_ms);
    let latest = use_state(|| None::<Rc<Answer<T>>>);
    {
        let latest = latest.clone();
        use_effect_with((settled, inputs), move |(settled, inputs)| {
            if *settled == revision {
                let inputs = inputs.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(value) = ask(revision, draft.clone(), inputs).await {
                        latest.set(Some(Rc::new(Answer { draft, value })));
                    }
                });
            }
        });
    }
    Latest((*latest).clone())
}

/// The coverage of the plan of `draft` (the app's `revision` of it), computed in the
/// worker when typing has paused for [`COVERAGE_SETTLE_MS`]; the answer is `None`
/// without a plan.
#[hook]
pub fn use_coverage(draft: Rc<Draft>, revision: u64) -> Latest<Option<CoverageReport>> {
    use_answer(
        draft,
        revision,
        COVERAGE_SETTLE_MS,
        (),
        |revision, draft, ()| async move { worker::coverage(revision, &draft).await },
    )
}

impl Latest<Option<CoverageReport>> {
    /// The latest coverage report, with the draft it was computed on.
    pub fn report(&self) -> Option<(&Rc<Draft>, &CoverageReport)> {
        let answer = self.0.as_ref()?;
        Some((&answer.draft, answer.value.as_ref()?))
    }
}

/// A click handler that downloads `draft` as a backup file, or says why it cannot.
#[hook]
pub fn use_backup_download(draft: Rc<Draft>) -> Callback<MouseEvent> {
    let dispatch = use_dispatch();
    Callback::from(move |_| {
        if let Err(message) = download_backup(&draft) {
            dispatch.dispatch(Action::Notify(Notice::error(message)));
        }
    })
}

/// Typing pauses this long before the views derived from the draft (checks, coverage)
/// follow the text.
pub const SETTLE_MS: u32 = 400;

/// Coverage follows a little later than the checks: each takes several milliseconds on
/// a long report, and run in one task they could take the page past a frame.
pub const COVERAGE_SETTLE_MS: u32 = SETTLE_MS + 150;

/// `value` once it has stayed the same for `delay_ms`: derived views that are costly to
/// compute (checks, coverage) follow the draft when typing pauses, not on every key.
/// The first value is returned at once.
#[hook]
pub fn use_settled<T: Clone + PartialEq + 'static>(value: T, delay_ms: u32) -> T {
    let settled = use_state_eq(|| value.clone());
    {
        let settled = settled.clone();
        use_effect_with(value, move |value| {
            let value = value.clone();
            let timeout =
                gloo::timers::callback::Timeout::new(delay_ms, move || settled.set(value));
            move || drop(timeout)
        });
    }
    (*settled).clone()
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
