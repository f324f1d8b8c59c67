//! Inputs shared by the native benchmark (`benches/native.rs`), the wasm one
//! (`tests/speed.rs` in the web crate) and the scale test in `tests/coverage.rs`, which
//! include this file by path, so all of them work on the same data.
//!
//! Coverage is timed on two inputs of the budget's size (100 items, 30 000 characters).
//! The first repeats one plan and one report, so every item meets every match several
//! times: the worst case. The second is distinct text, as a real report is: five dev
//! pairs' plans and fourteen dev reports, each written by another bureau.

use report_core::plan;
use report_core::plan_items::{Plan, PlanItem, PlanState};
use report_core::{report_text, Draft};

const LINAN_PLAN: &str =
    include_str!("../tests/fixtures/plan-2023-linan-district-health-bureau.txt");
const SHANGCHENG: &str =
    include_str!("../tests/fixtures/report-2023-shangcheng-district-health-bureau.txt");

macro_rules! dev_file {
    ($pair:literal, $file:literal) => {
        include_str!(concat!(
            "../tests/fixtures/coverage-eval/dev/",
            $pair,
            "/",
            $file
        ))
    };
}

/// Five dev plans of 20 items each, from five bureaus.
const DEV_PLANS: [&str; 5] = [
    dev_file!("dev-01-jiaxing-city-2022", "plan.txt"),
    dev_file!("dev-02-wuhou-district-2021", "plan.txt"),
    dev_file!("dev-03-yichang-city-2024", "plan.txt"),
    dev_file!("dev-05-nanhai-district-2023", "plan.txt"),
    dev_file!("dev-06-qingdao-city-2022", "plan.txt"),
];

/// Fourteen dev reports (the five plans' among them): about 32 000 characters.
const DEV_REPORTS: [&str; 14] = [
    dev_file!("dev-01-jiaxing-city-2022", "report.txt"),
    dev_file!("dev-02-wuhou-district-2021", "report.txt"),
    dev_file!("dev-03-yichang-city-2024", "report.txt"),
    dev_file!("dev-05-nanhai-district-2023", "report.txt"),
    dev_file!("dev-06-qingdao-city-2022", "report.txt"),
    dev_file!("dev-07-jinshui-district-2025", "report.txt"),
    dev_file!("dev-08-mianyang-county-2021", "report.txt"),
    dev_file!("dev-09-tianshui-city-2023", "report.txt"),
    dev_file!("dev-10-panyu-district-2024", "report.txt"),
    dev_file!("dev-11-qidong-county-2022", "report.txt"),
    dev_file!("dev-12-qiqihar-city-2021", "report.txt"),
    dev_file!("dev-13-luyi-county-2023", "report.txt"),
    dev_file!("dev-14-guandu-district-2024", "report.txt"),
    dev_file!("dev-15-yubei-district-2022", "report.txt"),
];

/// 100 distinct plan items: the five dev plans' items, numbered apart.
pub fn distinct_hundred_item_plan() -> PlanState {
    let plans: Vec<Plan> = DEV_PLANS
        .iter()
        .map(|text| plan::parse_plan_text(text).expect("a dev plan parses").plan)
        .collect();
    let items = plans
        .iter()
        .enumerate()
        .flat_map(|(k, plan)| {
            plan.items.iter().map(move |item| PlanItem {
                number: format!("{k}-{}", item.number),
                ..item.clone()
            })
        })
        .collect();
    let first = plans.into_iter().next().expect("five plans");
    PlanState::new(Plan { items, ..first })
}

/// The fourteen dev reports as one draft of distinct text.
pub fn distinct_long_report() -> Draft {
    report_text::draft_from_text(&DEV_REPORTS.join("\n"), 2023).expect("the dev reports parse")
}

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
