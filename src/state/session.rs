//! The session: drafts opened, saved and listed, conflicts with other tabs, notices,
//! the template library and snapshots, as storage and the page report them.

use std::rc::Rc;

use report_core::versions::Reason;
use report_core::{Draft, History, Template};

use super::{AppState, Notice, SaveState};
use crate::adapter::storage::DraftSummary;

pub enum SessionAction {
    /// A draft becomes the open one; `stamp` is `None` when it could not be stored.
    Open {
        draft: Draft,
        stamp: Option<String>,
        drafts: Vec<DraftSummary>,
    },
    DraftsListed(Vec<DraftSummary>),
    Saved {
        revision: u64,
        stamp: String,
        saved_at: String,
    },
    SaveFailed(String),
    /// IndexedDB refused a write of draft `id` after it counted as
    /// saved: if it is the open draft, it is unsaved again, so every save path retries.
    DraftWriteRefused {
        id: String,
        message: String,
    },
    /// IndexedDB committed the write of draft `id` made with `stamp`.
    DraftWriteCommitted {
        id: String,
        stamp: String,
    },
    Conflict,
    /// Resolves a conflict in favour of this tab: its next save overwrites the other's.
    KeepMine {
        stamp: Option<String>,
    },
    /// Another tab saved the open draft and this tab had nothing unsaved: take theirs.
    ReloadedFromOtherTab {
        draft: Draft,
        stamp: String,
    },
    Notify(Notice),
    DismissNotice,
    /// The template library as now stored; any pending name clash is settled by it.
    TemplatesListed(Vec<Template>),
    /// A template to add has a name in use: nothing was stored, the user is asked.
    TemplateNameTaken(Template),
    /// The user adds neither copy of a clashing template.
    CancelTemplateClash,
    /// Makes a snapshot's draft the open draft's text (after a snapshot of the current
    /// text, so the restore can be undone by restoring that one).
    RestoreVersion(Draft),
    /// The pending snapshot is stored (or could not be, and the user was told).
    SnapshotTaken,
}

impl AppState {
    pub(super) fn session(&mut self, action: SessionAction) {
        match action {
            SessionAction::Open {
                draft,
                stamp,
                drafts,
            } => {
                let kept = std::mem::replace(self, AppState::new(draft, stamp, drafts));
                // What belongs to the tab, not to the draft, stays.
                self.notice = kept.notice;
                self.show_checks = kept.show_checks;
                self.preview = kept.preview;
                self.templates = kept.templates;
                self.template_clash = kept.template_clash;
                // Distinct from any revision the old draft had, so effects keyed on it rerun.
                self.revision = kept.revision + 1;
                self.saved_revision = self.revision;
            }
            SessionAction::DraftsListed(drafts) => self.drafts = drafts,
            SessionAction::Saved {
                revision,
                stamp,
                saved_at,
            } => {
                self.saved_revision = revision;
                self.stamp = Some(stamp);
                // After a refusal only a committed write shows as saved (see DraftWriteCommitted).
                if !matches!(self.save, SaveState::Failed(_)) {
                    self.save = SaveState::Saved;
                }
                let summary = DraftSummary {
                    id: self.draft.id.clone(),
                    name: self.draft.name.clone(),
                    saved_at,
                    damaged: None,
                };
                self.drafts.retain(|d| d.id != summary.id);
                self.drafts.insert(0, summary);
            }
            SessionAction::SaveFailed(message) => self.save = SaveState::Failed(message),
            SessionAction::DraftWriteRefused { id, message } => {
                if id == self.draft.id {
                    self.save = SaveState::Failed(message);
                    // Any value but the current revision marks the draft unsaved.
                    self.saved_revision = self.revision.wrapping_sub(1);
                } else {
                    self.notice = Some(Notice::error(format!("另一份草稿未能保存：{message}")));
                }
            }
            SessionAction::DraftWriteCommitted { id, stamp } => {
                let latest = id == self.draft.id && self.stamp.as_deref() == Some(&stamp);
                if latest && !self.unsaved() && matches!(self.save, SaveState::Failed(_)) {
                    self.save = SaveState::Saved;
                }
            }
            SessionAction::Conflict => self.save = SaveState::Conflict,
            SessionAction::KeepMine { stamp } => {
                self.stamp = stamp;
                self.save = SaveState::Saved;
                // This tab's text differs from what is stored now, so it is unsaved.
                self.revision += 1;
            }
            SessionAction::ReloadedFromOtherTab { draft, stamp } => {
                self.draft = Rc::new(draft);
                self.history = History::default();
                self.stamp = Some(stamp);
                self.revision += 1;
                self.saved_revision = self.revision;
                self.save = SaveState::Saved;
                self.leave_a_missing_section();
            }
            SessionAction::Notify(notice) => self.notice = Some(notice),
            SessionAction::DismissNotice => self.notice = None,
            SessionAction::TemplatesListed(templates) => {
                self.templates = Rc::new(templates);
                self.template_clash = None;
            }
            SessionAction::TemplateNameTaken(template) => {
                self.template_clash = Some(Rc::new(template))
            }
            SessionAction::CancelTemplateClash => self.template_clash = None,
            SessionAction::RestoreVersion(mut draft) => {
                draft.id = self.draft.id.clone();
                let before = std::mem::replace(&mut self.draft, Rc::new(draft));
                self.pending_snapshot = Some((before, Reason::BeforeRestore));
                self.history = History::default();
                self.revision += 1;
                self.leave_a_missing_section();
            }
            SessionAction::SnapshotTaken => self.pending_snapshot = None,
        }
    }
}
