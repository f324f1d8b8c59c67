//! App state in one `Reducible`, changed only through [`Action`]s.
//!
//! The reducer is pure: storage, files and time are the callers' business (see
//! [`persistence`]), so every transition is testable natively.

mod action;
pub mod backup_all;
mod edits;
pub mod library;
mod navigation;
pub mod persistence;
mod session;
pub mod undo_keys;
pub mod versions;

use std::cell::OnceCell;
use std::rc::Rc;

use report_core::check::Setup;
use report_core::versions::Reason;
use report_core::{Draft, History, MetaField, NodeId, Target, Template};
use yew::{Reducible, UseReducerDispatcher};

use crate::adapter::storage::DraftSummary;
pub use action::{Action, Decision, DraftAction, NavAction, SessionAction};
pub use edits::{chunk_edits_loaded, load_chunk_edits};

/// The steps a clerk walks through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Basics,
    Section(NodeId),
    Closing,
    /// 计划覆盖: the year's plan and how the report covers it.
    Coverage,
    /// 附件表格: the attached table's cells; offered only when the draft has a table.
    Table,
    Export,
}

/// Where the paged preview shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PreviewMode {
    #[default]
    Hidden,
    /// Beside the editor.
    Beside,
    /// In the editor's place.
    Instead,
}

/// Whether the open draft's latest edits are in storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// Storage refused; the draft lives on in memory. The message says why.
    Failed(String),
    /// Another tab saved this draft while this one had unsaved edits.
    Conflict,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub error: bool,
    pub text: String,
}

impl Notice {
    pub fn error(text: impl Into<String>) -> Self {
        Notice {
            error: true,
            text: text.into(),
        }
    }
    pub fn info(text: impl Into<String>) -> Self {
        Notice {
            error: false,
            text: text.into(),
        }
    }
}

/// Components below the root reach the dispatcher through context; it never changes,
/// so taking it does not re-render them.
pub type Dispatch = UseReducerDispatcher<AppState>;

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub draft: Rc<Draft>,
    /// Undo and redo of the open draft's edits; it starts empty with each draft opened.
    pub history: History,
    /// Bumped by every edit of the open draft.
    pub revision: u64,
    /// The revision last written to storage.
    pub saved_revision: u64,
    /// The revision the last typed text made: while it is the draft's revision, the last
    /// change was typed text, and views that follow typing pauses may lag.
    pub typed_revision: Option<u64>,
    pub save: SaveState,
    /// The storage stamp this tab last loaded or wrote for the open draft (see
    /// [`crate::adapter::storage::save_draft`]); `None` before it is first stored.
    pub stamp: Option<String>,
    pub drafts: Vec<DraftSummary>,
    pub show_drafts: bool,
    pub step: Step,
    /// A text to scroll to and focus after the next render.
    pub focus: Option<Target>,
    pub notice: Option<Notice>,
    /// Whether the checker's findings are shown beside the editor.
    pub show_checks: bool,
    pub preview: PreviewMode,
    /// The user's own templates as stored (the built-ins are not stored).
    pub templates: Rc<Vec<Template>>,
    /// A template being added whose name is taken, until the user chooses to keep both
    /// or to replace the one of that name.
    pub template_clash: Option<Rc<Template>>,
    /// On a first visit, the report year proposed for the first draft: the draft shown
    /// is not stored until the user has chosen the year.
    pub ask_year: Option<u16>,
    /// Whether the 版本记录 panel shows in the editor's place.
    pub show_versions: bool,
    /// The draft as it was before a change that takes a snapshot first (an import, a
    /// bulk fix, a new report year, a restore), until the snapshot is stored.
    pub pending_snapshot: Option<(Rc<Draft>, Reason)>,
}

impl AppState {
    pub fn new(draft: Draft, stamp: Option<String>, drafts: Vec<DraftSummary>) -> Self {
        AppState {
            step: Step::Basics,
            draft: Rc::new(draft),
            history: History::default(),
            revision: 0,
            saved_revision: 0,
            typed_revision: None,
            save: SaveState::Saved,
            stamp,
            drafts,
            show_drafts: false,
            focus: None,
            notice: None,
            show_checks: false,
            preview: PreviewMode::Hidden,
            templates: Rc::default(),
            template_clash: None,
            ask_year: None,
            show_versions: false,
            pending_snapshot: None,
        }
    }

    pub fn unsaved(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// The step that shows `id`: its section's step, or 基本信息 when it is not in the body.
    fn step_of(&self, id: NodeId) -> Step {
        self.draft
            .sections
            .iter()
            .find(|s| s.id == id || contains(&s.children, id))
            .map_or(Step::Basics, |s| Step::Section(s.id))
    }
}

fn contains(nodes: &[report_core::Node], id: NodeId) -> bool {
    nodes
        .iter()
        .any(|n| n.id() == id || contains(n.children(), id))
}

/// The checker as the open draft's template sets it up, worked out when first asked
/// for: the built-in templates it may come from are parsed then, not in the first
/// render (the side panel and 检查与导出 ask for it; the editor does not).
pub struct CheckSetup {
    templates: Rc<Vec<Template>>,
    template_name: String,
    setup: OnceCell<Setup>,
}

impl CheckSetup {
    pub fn new(templates: Rc<Vec<Template>>, template_name: String) -> Self {
        CheckSetup {
            templates,
            template_name,
            setup: OnceCell::new(),
        }
    }

    /// The draft keeps only its template's name; one no longer at hand leaves the
    /// regulation's dates and rules.
    pub fn get(&self) -> &Setup {
        self.setup.get_or_init(|| {
            Template::named(&self.templates, &self.template_name)
                .map(Setup::of_template)
                .unwrap_or_default()
        })
    }
}

/// Two setups are the same when they come from the same template library (by identity,
/// as the state replaces it whole) and the same template name.
impl PartialEq for CheckSetup {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.templates, &other.templates) && self.template_name == other.template_name
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        match action {
            Action::Draft(action) => state.edit_draft(action),
            Action::Nav(action) => state.navigate(action),
            Action::Session(action) => state.session(*action),
        }
        Rc::new(state)
    }
}

impl AppState {
    /// Goes to 基本信息 when the open step's section is not in the draft any more.
    fn leave_a_missing_section(&mut self) {
        if let Step::Section(id) = self.step {
            if self.draft.section(id).is_err() {
                self.step = Step::Basics;
            }
        }
    }

    /// Opens the step holding `target` and focuses it.
    fn show(&mut self, target: Target) {
        self.step = match &target {
            Target::Text { id, .. } => self.step_of(*id),
            Target::Meta(field) if MetaField::HEADER.contains(field) => Step::Basics,
            Target::Meta(_) => Step::Closing,
            Target::TableCell { .. } => Step::Table,
            Target::Plan => Step::Coverage,
            Target::SecrecyReviewed => Step::Export,
            Target::ReportYear => Step::Basics,
            Target::Name | Target::IgnoredRules => self.step,
        };
        self.show_drafts = target == Target::Name;
        // The checker shows what an undone or redone 忽略 changed.
        self.show_checks |= target == Target::IgnoredRules;
        self.focus = Some(target);
    }
}

#[cfg(test)]
mod tests;
