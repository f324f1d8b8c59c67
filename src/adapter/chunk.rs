//! The code the first screen does not need, in a wasm chunk of its own (issue #17): the
//! components of [`crate::components::lazy`], the draft edits only they (or a question
//! answered first) ask for (`AppState::edit_in_chunk`), and the reading of the template
//! library, the built-in templates and the 版本记录. A first visit's draft needs none of it
//! ([`report_core::template::default_draft`]).
//!
//! With the `split` feature, on wasm, every function declared with [`in_chunk!`] is a
//! `wasm_split` split point of one module: everything only their bodies reach is cut out
//! of the linked app by `wasm-split-cli` (the release build, `scripts/split-app.mjs`)
//! into one chunk, fetched the first time any of them is called. The app reads the
//! template library in it once the page has rendered, so that what needs it later finds
//! it in. The entry points called without waiting (the components' renderer, the
//! reducer's edits) are kept where they are used once a split point has handed them out.
//!
//! Without the feature (`trunk serve`, the component tests, native builds) everything is
//! in one module: the functions are `async` all the same, and ready at once.

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

/// Whether the app is split: the chunk's entry points are kept once handed out, where
/// the one module has them at once.
pub const SPLIT: bool = cfg!(all(target_arch = "wasm32", feature = "split"));

/// A function whose body is in the chunk: an `async fn` returning the body's value, or
/// [`LoadFailed`]. With the `split` feature a `wasm_split` split point, `fallible` (a
/// failed load is an `Err`, where the default panics and a panic aborts the app; a
/// failure is not kept, the next call fetches again); without it, ready at once.
macro_rules! in_chunk {
    ($(#[$attr:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block) => {
        $(#[$attr])*
        #[cfg(all(target_arch = "wasm32", feature = "split"))]
        #[wasm_split_helpers::wasm_split(lazy_ui, fallible)]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::adapter::chunk::LoadFailed> {
            Ok($body)
        }

        $(#[$attr])*
        #[cfg(not(all(target_arch = "wasm32", feature = "split")))]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::adapter::chunk::LoadFailed> {
            Ok($body)
        }
    };
}

pub(crate) use in_chunk;
