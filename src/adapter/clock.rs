//! Time and identity from the browser (`SystemTime` panics on wasm32-unknown-unknown).

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The time of a keystroke, for grouping typing into undo steps.
pub fn keystroke_ms() -> u64 {
    now_ms() as u64
}

/// Runs `task` when the page is next idle (between frames, with no input waiting), or
/// after `timeout_ms` at the latest; at once where the browser has no idle callbacks
/// (Safari).
pub fn when_idle(timeout_ms: u32, task: impl FnOnce() + 'static) {
    let task = Rc::new(Cell::new(Some(task)));
    let run = move || {
        if let Some(task) = task.take() {
            task()
        }
    };
    let window = gloo::utils::window();
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(timeout_ms);
    let scheduled = js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false)
        && window
            .request_idle_callback_with_options(
                Closure::once_into_js(run.clone()).unchecked_ref(),
                &options,
            )
            .is_ok();
    if !scheduled {
        run();
    }
}

/// The report year proposed for a new draft today (see
/// [`report_core::date::default_report_year`]).
pub fn default_report_year() -> u16 {
    report_core::date::default_report_year(today())
}

/// A storage id that is unique across tabs: time plus randomness, base 36.
pub fn new_id() -> String {
    let random = (js_sys::Math::random() * 2f64.powi(40)) as u64;
    format!("d{}{}", to_base36(now_ms() as u64), to_base36(random))
}

fn to_base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// An RFC 3339 timestamp in the user's local time, as `2024-02-27 16:30`.
pub fn local_time_label(rfc3339: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(rfc3339));
    if date.get_time().is_nan() {
        return String::new();
    }
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// How far the user's clock is ahead of UTC, in milliseconds.
pub fn utc_offset_ms() -> f64 {
    -js_sys::Date::new_0().get_timezone_offset() * 60_000.0
}

/// Today's date on the user's clock, for deadline reminders.
pub fn today() -> report_core::CalendarDate {
    let date = js_sys::Date::new_0();
    let year = u16::try_from(date.get_full_year()).unwrap_or(2025);
    let (month, day) = (date.get_month() + 1, date.get_date());
    report_core::CalendarDate::new(year, month as u8, day as u8)
        .unwrap_or_else(|| report_core::CalendarDate::new(year, 1, 1).expect("1 January exists"))
}
