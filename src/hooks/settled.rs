use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// Typing pauses this long before the views derived from the draft (checks, coverage)
/// follow the text.
pub const SETTLE_MS: u32 = 400;

/// Coverage follows a little later than the checks: each takes several milliseconds on
/// a long report, and run in one task they could take the page past a frame.
pub const COVERAGE_SETTLE_MS: u32 = SETTLE_MS + 150;

/// `value` (the app's `revision` of it) as it stood when typing last paused for
/// `delay_ms`, while the user is `typing`; otherwise `value` itself, at once. For views
/// that need not follow each key (the outline's titles and counts) but must follow every
/// other change (a section added, a draft opened, an undo) as it happens.
#[hook]
pub fn use_paused<T: Clone + 'static>(value: T, revision: u64, typing: bool, delay_ms: u32) -> T {
    let shown = use_mut_ref(|| value.clone());
    let refresh = use_force_update();
    if !typing {
        *shown.borrow_mut() = value.clone();
    }
    {
        let shown = shown.clone();
        use_effect_with(revision, move |_| {
            let timeout = typing.then(|| {
                Timeout::new(delay_ms, move || {
                    *shown.borrow_mut() = value;
                    refresh.force_update();
                })
            });
            move || drop(timeout)
        });
    }
    let shown = shown.borrow().clone();
    shown
}

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
            let timeout = Timeout::new(delay_ms, move || settled.set(value));
            move || drop(timeout)
        });
    }
    (*settled).clone()
}
