//! Navigation and focus: which step, panel and text are shown. The draft is not changed.

use report_core::NodeId;

use super::{AppState, PreviewMode, Step};
use report_core::Target;

pub enum NavAction {
    GoTo(Step),
    /// Opens the step holding `node` and focuses it.
    JumpTo(NodeId),
    Focused,
    ShowDrafts(bool),
    SetPreview(PreviewMode),
    ShowChecks(bool),
    ShowVersions(bool),
}

impl AppState {
    pub(super) fn navigate(&mut self, action: NavAction) {
        match action {
            NavAction::GoTo(step) => {
                self.step = step;
                self.show_drafts = false;
                self.show_versions = false;
            }
            NavAction::JumpTo(id) => {
                self.step = self.step_of(id);
                self.focus = Some(Target::node(&self.draft, id));
                self.show_drafts = false;
                self.show_versions = false;
            }
            NavAction::Focused => self.focus = None,
            NavAction::ShowDrafts(show) => {
                self.show_drafts = show;
                if show {
                    self.show_versions = false;
                }
            }
            NavAction::SetPreview(mode) => self.preview = mode,
            NavAction::ShowChecks(show) => self.show_checks = show,
            NavAction::ShowVersions(show) => {
                self.show_versions = show;
                if show {
                    self.show_drafts = false;
                }
            }
        }
    }
}
