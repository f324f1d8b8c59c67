//! The coverage engine against real documents and hand labels.

use report_core::coverage::{self, CoverageReport, Status, TargetOutcome};
use report_core::model::{Draft, Node};
use report_core::plan::{self, PlanState};
use report_core::report_text;
use serde_json::Value;

const LINAN_PLAN: &str = include_str!("fixtures/plan-2023-linan-district-health-bureau.txt");
const SHANGCHENG: &str = include_str!("fixtures/report-2023-shangcheng-district-health-bureau.txt");
const HANGZHOU_2018: &str =
    include_str!("fixtures/report-2018-hangzhou-city-health-commission.txt");
const LABELS: &str = include_str!("fixtures/coverage-linan-shangcheng.json");

fn linan() -> PlanState {
    PlanState::new(plan::parse_plan_text(LINAN_PLAN).unwrap().plan)
}

fn shangcheng() -> Draft {
    report_text::draft_from_text(SHANGCHENG, 2000).unwrap()
}

fn status_name(s: Status) -> &'static str {
    match s {
        Status::Covered => "covered",
        Status::Partial => "partial",
        Status::Missing => "missing",
        Status::NotApplicable => "not_applicable",
    }
}

fn table(report: &CoverageReport) -> String {
    report
        .items
        .iter()
        .map(|i| {
            format!(
                "{:>3} {:<8} {:.2} {} | {}\n",
                i.number,
                status_name(i.status),
                i.score,
                i.title,
                i.evidence
                    .iter()
                    .map(|e| format!(
                        "[{}:{} {:.2} {}]",
                        e.paragraph.section_index,
                        e.paragraph.paragraph_index,
                        e.score,
                        e.phrases.join("/")
                    ))
                    .collect::<Vec<_>>()
                    .join(" ")
            )
        })
        .collect()
}

#[test]
fn agrees_with_the_hand_labels() {
    let report = coverage::compute(&shangcheng(), &linan());
    let labels: Value = serde_json::from_str(LABELS).unwrap();
    let labels = labels["items"].as_array().unwrap();
    assert_eq!(report.items.len(), labels.len());
    let mut disagreements = Vec::new();
    for (item, label) in report.items.iter().zip(labels) {
        assert_eq!(item.number, label["number"].as_str().unwrap());
        if status_name(item.status) != label["status"].as_str().unwrap() {
            disagreements.push(format!(
                "item {}: engine {}, label {}",
                item.number,
                status_name(item.status),
                label["status"]
            ));
        }
    }
    assert!(
        disagreements.is_empty(),
        "{disagreements:#?}\n{}",
        table(&report)
    );
}
