use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// Typing pauses this long before the views derived from the draft (checks, coverage)
/// follow the text.
pub const SETTLE_MS: u32 = 400;

/// Coverage follows a little later than the checks: each takes several milliseconds on
/// a long report, and run in one task they could take the page past a frame.
pub const COVERAGE_SETTLE_MS: u32 = SETTLE_MS + 150;

/// `value` as it stood when it was last shown while `lagging` (typing has not paused),
/// `value` itself otherwise. For views that need not follow each key (the outline's
/// titles and counts) but must follow every other change (a section added, a draft
/// opened, an undo) as it happens; the caller's own pause (a [`use_settled`] revision)
/// renders it again when typing stops.
#[hook]
pub fn use_paused<T: Clone + 'static>(value: T, lagging: bool) -> T {
    let shown = use_mut_ref(|| value.clone());
    if !lagging {
        *shown.borrow_mut() = value;
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
