//! Undo and redo of a draft's edits: two stacks of inverse [`Edit`]s.
//!
//! Typing into one text is one step until the typist pauses or turns to another text
//! or action; the caller says when each keystroke happened, so the history needs no
//! clock. Steps are shared (`Rc`), so a copy of the history (the app keeps one per
//! state) costs a pointer per step, not the texts.

use std::rc::Rc;

use crate::edit::{Edit, Target};
use crate::model::{Draft, EditError};

/// Steps kept for undo; the oldest are dropped beyond this.
pub const MAX_STEPS: usize = 200;

/// Typing after a pause this long starts a new step.
pub const TYPING_PAUSE_MS: u64 = 1500;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    /// Inverses of the edits made, the latest last.
    undo: Vec<Rc<Edit>>,
    /// Inverses of the steps undone, the latest last.
    redo: Vec<Rc<Edit>>,
    /// The text the latest step typed into and when it last did, while more typing
    /// there still joins that step.
    typing: Option<(Target, u64)>,
}

impl History {
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies an edit as a step of its own. Returns where the draft changed (see
    /// [`Edit::changed_place`]), `None` when it did not.
    pub fn apply(&mut self, draft: &mut Draft, edit: Edit) -> Result<Option<Target>, EditError> {
        self.typing = None;
        let Some(inverse) = draft.apply(edit)? else {
            return Ok(None);
        };
        let place = inverse.changed_place(draft);
        self.push(inverse);
        Ok(place)
    }

    /// Applies typing at `at_ms` (any clock in milliseconds): it joins the latest step
    /// when that typed into the same text less than [`TYPING_PAUSE_MS`] before.
    /// Returns the text typed into, `None` when the draft did not change.
    pub fn apply_typing(
        &mut self,
        draft: &mut Draft,
        edit: Edit,
        at_ms: u64,
    ) -> Result<Option<Target>, EditError> {
        let Some(inverse) = draft.apply(edit)? else {
            return Ok(None);
        };
        let target = inverse.typed_target();
        let joins = match (&self.typing, &target) {
            (Some((open, last)), Some(target)) => {
                open == target && at_ms.saturating_sub(*last) < TYPING_PAUSE_MS
            }
            _ => false,
        };
        // The step holds the text from before the first keystroke; this one's inverse
        // is not needed.
        if !joins {
            self.push(inverse);
        }
        self.typing = target.clone().map(|target| (target, at_ms));
        Ok(target)
    }

    /// Takes back the latest step. Returns where the draft changed, `None` when there
    /// was nothing to undo.
    pub fn undo(&mut self, draft: &mut Draft) -> Result<Option<Target>, EditError> {
        self.typing = None;
        let Some(step) = self.undo.pop() else {
            return Ok(None);
        };
        let redo = self.replay(draft, step)?;
        let place = redo.as_ref().and_then(|r| r.changed_place(draft));
        self.redo.extend(redo.map(Rc::new));
        Ok(place)
    }

    /// Makes the latest undone step again. Returns where the draft changed, `None` when
    /// there was nothing to redo.
    pub fn redo(&mut self, draft: &mut Draft) -> Result<Option<Target>, EditError> {
        self.typing = None;
        let Some(step) = self.redo.pop() else {
            return Ok(None);
        };
        let undo = self.replay(draft, step)?;
        let place = undo.as_ref().and_then(|u| u.changed_place(draft));
        self.undo.extend(undo.map(Rc::new));
        Ok(place)
    }

    /// Applies a stored step. One that no longer fits the draft means the history does
    /// not belong to it: both stacks are dropped rather than applied to the wrong text.
    fn replay(&mut self, draft: &mut Draft, step: Rc<Edit>) -> Result<Option<Edit>, EditError> {
        draft.apply(Rc::unwrap_or_clone(step)).inspect_err(|_| {
            self.undo.clear();
            self.redo.clear();
        })
    }

    fn push(&mut self, inverse: Edit) {
        self.redo.clear();
        self.undo.push(Rc::new(inverse));
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
    }
}
