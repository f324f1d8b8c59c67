//! Inputs shared by the native benchmark (`benches/native.rs`), the wasm one
//! (`tests/speed.rs` in the web crate) and the scale test in `tests/coverage.rs`, which
//! include this file by path, so all of them work on the same data.

use report_core::plan;
use report_core::plan_items::{Plan, PlanItem, PlanState};
use report_core::{report_text, Draft};

const LINAN_PLAN: &str =
    include_str!("../tests/fixtures/plan-2023-linan-district-health-bureau.txt");
const SHANGCHENG: &str =
    include_str!("../tests/fixtures/report-2023-shangcheng-district-health-bureau.txt");

/// 100 plan items: the 临安 plan's 20, five times over, numbered apart.
pub fn hundred_item_plan() -> PlanState {
    let base = plan::parse_plan_text(LINAN_PLAN)
        .expect("the 临安 plan parses")
        .plan;
    let items = (0..5)
        .flat_map(|copy| {
            base.items.iter().map(move |item| PlanItem {
                number: format!("{copy}-{}", item.number),
                ..item.clone()
            })
        })
        .collect();
    PlanState::new(Plan { items, ..base })
}

/// The 上城 report eight times over: about 32 000 characters, so every item has eight
/// times the matches a real report gives.
pub fn long_report() -> Draft {
    report_text::draft_from_text(&[SHANGCHENG; 8].join("\n"), 2023).expect("the 上城 report parses")
}
