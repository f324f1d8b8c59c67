//! What the user does, and what the page tells the state: the reducer's input, by what
//! it is. Each group is handled in its own module: edits of the draft in
//! [`super::edits`], navigation and focus in [`super::navigation`], the session (open,
//! save, lists, notices, answers of storage) in [`super::session`].

pub use super::edits::{Decision, DraftAction};
pub use super::navigation::NavAction;
pub use super::session::SessionAction;

pub enum Action {
    /// Changes the open draft's text or settings.
    Draft(DraftAction),
    /// Changes what is shown and focused; the draft stays as it is.
    Nav(NavAction),
    /// Opens, saves and lists drafts and templates, and tells the user. Boxed: it may
    /// carry whole drafts, and every other action would be as large.
    Session(Box<SessionAction>),
}

impl From<DraftAction> for Action {
    fn from(action: DraftAction) -> Action {
        Action::Draft(action)
    }
}

impl From<NavAction> for Action {
    fn from(action: NavAction) -> Action {
        Action::Nav(action)
    }
}

impl From<SessionAction> for Action {
    fn from(action: SessionAction) -> Action {
        Action::Session(Box::new(action))
    }
}
