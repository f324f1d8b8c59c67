//! Native timings (a benchmark, not a test): on the 30-page draft file the browser
//! benchmark writes, .docx export, the 公文 rule checker and the paged preview's layout;
//! on the inputs the wasm benchmark also uses, coverage of 100 plan items.
//! Usage: cargo bench -p report-drafter-core --bench native -- DRAFT.json [RUNS]

mod inputs;
mod summary;

use std::time::Instant;

use report_core::{check, CalendarDate, Draft};

/// Runs `work` `runs` times; see [`summary::summary`].
fn time_ms<T>(runs: usize, mut work: impl FnMut() -> T) -> String {
    summary::summary(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(work());
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect(),
    )
}

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let path = args.next().expect("usage: native DRAFT.json [RUNS]");
    let runs: usize = args
        .next()
        .map_or(50, |r| r.parse().expect("RUNS is a number"));
    let draft: Draft =
        report_core::from_json_bytes(&std::fs::read(&path).expect("cannot read the draft file"))
            .expect("not a draft file");
    let today = CalendarDate::new(2026, 2, 1).expect("a valid date");
    let export = time_ms(runs, || {
        report_core::docx::export(&draft, &draft.export, "2026-01-01T00:00:00Z")
            .expect("export failed")
    });
    let checker = time_ms(runs, || {
        check::check_draft(&draft, today, &Default::default())
    });
    let preview = time_ms(runs, || report_core::preview::layout(&draft));
    let (plan, report) = (inputs::hundred_item_plan(), inputs::long_report());
    let coverage = time_ms(runs, || report_core::coverage::compute(&report, &plan));
    let (distinct_plan, distinct_report) = (
        inputs::distinct_hundred_item_plan(),
        inputs::distinct_long_report(),
    );
    let distinct = time_ms(runs, || {
        report_core::coverage::compute(&distinct_report, &distinct_plan)
    });
    println!(
        "{{\"native_export_ms\":{export},\"native_check_ms\":{checker},\"native_preview_ms\":{preview},\"native_coverage_100_items_ms\":{coverage},\"report_chars\":{},\"native_coverage_100_distinct_items_ms\":{distinct},\"distinct_report_chars\":{}}}",
        report_core::outline::draft_chars(&report),
        report_core::outline::draft_chars(&distinct_report)
    );
}
