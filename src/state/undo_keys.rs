//! Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z (⌘ on a Mac) undo and redo the app's own edits.
//!
//! The browser's own undo is turned off in the page: it keeps one list for all fields,
//! so after a delete or a move it would edit whichever field was typed in last, and the
//! autosave would keep the damage. Its menu and context-menu forms arrive as
//! `beforeinput` events and are turned into the app's undo as well. The exception is a
//! field marked `data-native-undo` (a plan being pasted, a draft's new name): its text
//! is not part of the draft yet, so Ctrl+Z there undoes its own typing, as the user
//! expects, and never an edit of the draft elsewhere.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{InputEvent, KeyboardEvent};
use yew::prelude::*;

use super::{Action, AppState, DraftAction};

/// The history action of a key press with Ctrl or ⌘ held, if it is one.
pub fn history_action(key: &str, shift: bool) -> Option<Action> {
    match (key.to_ascii_lowercase().as_str(), shift) {
        ("z", false) => Some(Action::from(DraftAction::Undo)),
        ("z", true) | ("y", false) => Some(Action::from(DraftAction::Redo)),
        _ => None,
    }
}

/// The history action of a `beforeinput` event's `inputType`, if it is one.
pub fn history_input(input_type: &str) -> Option<Action> {
    match input_type {
        "historyUndo" => Some(Action::from(DraftAction::Undo)),
        "historyRedo" => Some(Action::from(DraftAction::Redo)),
        _ => None,
    }
}

/// Whether the event comes from a field that keeps the browser's own undo.
fn in_native_undo_field(e: &Event) -> bool {
    e.target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("[data-native-undo]").ok().flatten())
        .is_some()
}

/// Listens for undo and redo in the whole page while the app is mounted.
#[hook]
pub fn use_undo_keys(dispatcher: UseReducerDispatcher<AppState>) {
    use_effect_with((), move |_| {
        let document = gloo::utils::document();
        let keys = {
            let dispatcher = dispatcher.clone();
            EventListener::new_with_options(
                &document,
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |e: &Event| {
                    let Some(key) = e.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    if !(key.ctrl_key() || key.meta_key())
                        || key.alt_key()
                        || key.is_composing()
                        || in_native_undo_field(e)
                    {
                        return;
                    }
                    if let Some(action) = history_action(&key.key(), key.shift_key()) {
                        key.prevent_default();
                        dispatcher.dispatch(action);
                    }
                },
            )
        };
        let menu = EventListener::new_with_options(
            &document,
            "beforeinput",
            EventListenerOptions::enable_prevent_default(),
            move |e: &Event| {
                let Some(input) = e.dyn_ref::<InputEvent>() else {
                    return;
                };
                if in_native_undo_field(e) {
                    return;
                }
                if let Some(action) = history_input(&input.input_type()) {
                    input.prevent_default();
                    dispatcher.dispatch(action);
                }
            },
        );
        move || drop((keys, menu))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(action: Option<Action>) -> &'static str {
        match action {
            Some(Action::Draft(DraftAction::Undo)) => "undo",
            Some(Action::Draft(DraftAction::Redo)) => "redo",
            Some(_) => "other",
            None => "none",
        }
    }

    #[test]
    fn keys_and_input_types_that_undo_and_redo() {
        assert_eq!(name(history_action("z", false)), "undo");
        assert_eq!(name(history_action("Z", true)), "redo");
        assert_eq!(name(history_action("y", false)), "redo");
        assert_eq!(name(history_action("y", true)), "none");
        assert_eq!(name(history_action("s", false)), "none");
        assert_eq!(name(history_input("historyUndo")), "undo");
        assert_eq!(name(history_input("historyRedo")), "redo");
        assert_eq!(name(history_input("insertText")), "none");
    }
}
