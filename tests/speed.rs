//! The core's interactive work timed in wasm in headless Chromium (a benchmark, not a
//! test: ignored by `scripts/test.sh`, run by `scripts/bench.sh` with
//! `--include-ignored`). The inputs are the native benchmark's, so the figures compare.

#![cfg(target_arch = "wasm32")]

#[path = "../crates/core/benches/inputs.rs"]
mod inputs;
#[path = "../crates/core/benches/summary.rs"]
mod summary;

use report_core::{check, coverage, preview, CalendarDate};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Runs `work` `runs` times after as many untimed runs, which let the engine compile
/// the hot code with its optimising tier; see [`summary::summary`].
fn time_ms<T>(runs: usize, mut work: impl FnMut() -> T) -> String {
    for _ in 0..runs {
        std::hint::black_box(work());
    }
    summary::summary(
        (0..runs)
            .map(|_| {
                let start = now_ms();
                std::hint::black_box(work());
                now_ms() - start
            })
            .collect(),
    )
}

#[wasm_bindgen_test]
#[ignore = "a benchmark: scripts/bench.sh runs it"]
fn interactive_work_in_wasm() {
    const RUNS: usize = 50;
    let (plan, report) = (inputs::hundred_item_plan(), inputs::long_report());
    let today = CalendarDate::new(2024, 2, 1).expect("a valid date");
    let coverage = time_ms(RUNS, || coverage::compute(&report, &plan));
    let (distinct_plan, distinct_report) = (
        inputs::distinct_hundred_item_plan(),
        inputs::distinct_long_report(),
    );
    let distinct = time_ms(RUNS, || coverage::compute(&distinct_report, &distinct_plan));
    let checker = time_ms(RUNS, || {
        check::check_draft(&report, today, &Default::default())
    });
    let layout = time_ms(RUNS, || preview::layout(&report));
    // What the draft worker does per request, apart from messaging: read the draft the
    // page sent, then build and zip the .docx.
    let file = report_core::to_compact_json(&report, 0.0);
    let read = time_ms(RUNS, || {
        report_core::from_own_json(&file).expect("a draft file")
    });
    let export = time_ms(RUNS, || {
        report_core::docx::export(&report, &report.export, "2026-01-01T00:00:00Z")
            .expect("exported")
    });
    console_log!(
        "{{\"wasm_coverage_100_items_ms\":{coverage},\"wasm_check_ms\":{checker},\"wasm_preview_ms\":{layout},\"wasm_read_draft_file_ms\":{read},\"wasm_export_ms\":{export},\"report_chars\":{},\"wasm_coverage_100_distinct_items_ms\":{distinct},\"distinct_report_chars\":{}}}",
        report_core::outline::draft_chars(&report),
        report_core::outline::draft_chars(&distinct_report)
    );
}
