//! The code the first screen does not need, in a wasm chunk of its own (issue #17): the
//! components of [`crate::components::lazy`], the draft edits only they (or a question
//! answered first) ask for, and the reading of the template library, the built-in
//! templates and the 版本记录. (A first visit's draft comes from
//! [`report_core::template::default_draft`], no template read.)
//!
//! With the `split` feature, on wasm, every function declared with `in_chunk!` below is a
//! `wasm_split` split point: everything only their bodies reach is cut out of the linked
//! app by `wasm-split-cli` (the release build, `scripts/split-app.mjs`) into one chunk,
//! fetched the first time any of them is called. The app calls [`preload`] once the
//! first screen is up, so that what needs the chunk later finds it in. Once it is in,
//! [`loaded`] hands out its [`Entries`] without waiting: the components render and the
//! reducer edits synchronously.
//!
//! Without the feature (`trunk serve`, the component tests, native builds) everything is
//! in one module: the functions are `async` all the same, and ready at once.

use std::cell::Cell;
use std::rc::Rc;

use report_core::template::change_report_year;
use report_core::versions::Reason;
use report_core::{Draft, Template};
use yew::Html;

use crate::adapter::storage;
use crate::components::lazy::{self, LazyView};
use crate::state::{versions, AppState, DraftAction};

/// The chunk could not be fetched or instantiated (offline, with it not kept yet). The
/// loader logs the cause to the console.
#[derive(Debug)]
pub struct LoadFailed;

impl LoadFailed {
    /// For a notice when something the user asked for needs the chunk.
    pub const MESSAGE: &'static str = "这项功能的程序未能加载（可能已离线），请联网后重试";
}

#[cfg(all(target_arch = "wasm32", feature = "split"))]
impl From<wasm_split_helpers::SplitLoaderError> for LoadFailed {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        LoadFailed
    }
}

/// A function whose body is in the chunk: an `async fn` that loads the chunk (keeping its
/// [`Entries`], see [`fetch`]) and returns the body's value, or [`LoadFailed`]. With the
/// `split` feature the body is a `wasm_split` split point, `fallible` (a failed load is
/// an `Err`, where the default panics and a panic aborts the app; a failure is not kept,
/// the next call fetches again); without it, an `async fn` ready at once.
macro_rules! in_chunk {
    ($(#[$attr:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block) => {
        $(#[$attr])*
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, LoadFailed> {
            #[cfg(all(target_arch = "wasm32", feature = "split"))]
            #[wasm_split_helpers::wasm_split(lazy_ui, fallible)]
            fn $name($($arg: $ty),*) -> Result<$ret, LoadFailed> {
                Ok($body)
            }
            #[cfg(not(all(target_arch = "wasm32", feature = "split")))]
            async fn $name($($arg: $ty),*) -> Result<$ret, LoadFailed> {
                Ok($body)
            }
            fetch().await?;
            $name($($arg),*).await
        }
    };
}

/// What the chunk hands back once it is in: the functions called without waiting.
#[derive(Clone, Copy)]
pub struct Entries {
    /// Renders a component of the chunk ([`lazy::render`]).
    pub render: fn(&LazyView) -> Html,
    /// Makes an edit of the draft whose code is in the chunk
    /// ([`AppState::edit_in_chunk`]).
    pub edit: fn(&mut AppState, DraftAction),
}

/// The entries: in the split build only the chunk's code names them, so that what they
/// reach is cut out with it.
const ENTRIES: Entries = Entries {
    render: lazy::render,
    edit: AppState::edit_in_chunk,
};

/// The chunk's [`Entries`], read in the chunk: the split point [`fetch`] loads it by.
#[cfg(all(target_arch = "wasm32", feature = "split"))]
#[wasm_split_helpers::wasm_split(lazy_ui, fallible)]
fn entries() -> Result<Entries, LoadFailed> {
    Ok(ENTRIES)
}

#[cfg(not(all(target_arch = "wasm32", feature = "split")))]
async fn entries() -> Result<Entries, LoadFailed> {
    Ok(ENTRIES)
}

in_chunk! {
    /// The user's template library as stored.
    pub fn user_templates() -> Result<Vec<Template>, String> {
        storage::load_templates()
    }
}

in_chunk! {
    /// What a change of `draft`'s report year to `year` needs: the template the draft
    /// comes from (a built-in or one of the stored library, `None` when it is at hand no
    /// more), and how many of its titles the user typed and the change would replace.
    pub fn year_change(draft: Rc<Draft>, year: u16) -> (Option<Rc<Template>>, usize) {
        let user = storage::load_templates().unwrap_or_default();
        let template = Template::named(&user, &draft.template).cloned().map(Rc::new);
        let typed = change_report_year(&draft, template.as_deref(), year).typed.len();
        (template, typed)
    }
}

in_chunk! {
    /// Stores a snapshot of `draft` (see [`versions::take`]).
    pub fn take_snapshot(draft: Rc<Draft>, reason: Reason) -> Result<bool, String> {
        versions::take(&draft, reason, "")
    }
}

thread_local! {
    static LOADED: Cell<Option<Entries>> = const { Cell::new(None) };
}

/// The chunk's [`Entries`] without waiting: at once in the one module, else once the
/// chunk is in.
pub fn loaded() -> Option<Entries> {
    if cfg!(all(target_arch = "wasm32", feature = "split")) {
        LOADED.with(Cell::get)
    } else {
        Some(ENTRIES)
    }
}

/// Loads the chunk (or waits for the load under way) and keeps its entries.
pub async fn fetch() -> Result<Entries, LoadFailed> {
    let entries = entries().await?;
    LOADED.with(|cell| cell.set(Some(entries)));
    Ok(entries)
}
