//! What the coverage tests share: a one-item plan against a one-sentence report, and
//! an item-by-item table of a result for failure messages.

use report_core::coverage::{self, CoverageReport};
use report_core::plan;
use report_core::plan_items::{PlanState, Status};
use report_core::report_text;

pub fn status_name(s: Status) -> &'static str {
    match s {
        Status::Covered => "covered",
        Status::Partial => "partial",
        Status::Missing => "missing",
        Status::NotApplicable => "not_applicable",
    }
}

pub fn table(report: &CoverageReport) -> String {
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
            ) + &format!(
                "      {}\n{}",
                i.explanation,
                i.tasks
                    .iter()
                    .map(|t| format!(
                        "      - {} {} <= {}\n",
                        status_name(t.status),
                        t.text,
                        t.evidence.as_ref().map_or("", |e| e.sentence.as_str())
                    ))
                    .collect::<String>()
            )
        })
        .collect()
}

/// A one-item plan of `item` and a report whose achievements part is `sentence`.
pub fn one_item(item: &str, sentence: &str) -> CoverageReport {
    let plan = plan::parse_plan_text(&format!("2023年工作要点\n一、总体\n1.{item}。（局法制科）"))
        .unwrap()
        .plan;
    let report =
        format!("2023年度法治政府建设工作情况的报告\n一、2023年主要举措和成效\n{sentence}\n");
    let draft = report_text::draft_from_text(&report, 2023).unwrap();
    coverage::compute(&draft, &PlanState::new(plan))
}
