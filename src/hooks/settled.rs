use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// Typing pauses this long before the views derived from the draft (checks, coverage)
/// follow the text.
pub const SETTLE_MS: u32 = 400;

/// Coverage follows a little later than the checks: each takes several milliseconds on
/// a long report, and run in one task they could take the page past a frame.
pub const COVERAGE_SETTLE_MS: u32 = SETTLE_MS + 150;

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
