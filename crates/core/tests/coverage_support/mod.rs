//! What the coverage tests share: a one-item plan against a one-sentence report, and
//! an item-by-item table of a result for failure messages.

use report_core::coverage::{self, CoverageReport, ItemCoverage};
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
    one_item_with_terms(item, sentence, &[])
}

/// [`one_item`] with the plan's own lexicon lines `terms`.
pub fn one_item_with_terms(item: &str, sentence: &str, terms: &[&str]) -> CoverageReport {
    coverage_of(
        &one_item_plan(item),
        terms,
        &report_of(sentence, 2023),
        2023,
    )
}

/// A 2023 plan of one item, `item`.
pub fn one_item_plan(item: &str) -> String {
    format!("2023年工作要点\n一、总体\n1.{item}。（局法制科）")
}

/// A report of `year` whose achievements part is `achievements` (what follows it too,
/// where that holds another part's heading).
pub fn report_of(achievements: &str, year: u16) -> String {
    format!("{year}年度法治政府建设工作情况的报告\n一、{year}年主要举措和成效\n{achievements}\n")
}

/// The coverage of the plan written as `plan` with its own lexicon lines `terms` against
/// the report written as `report` for `year`.
pub fn coverage_of(plan: &str, terms: &[&str], report: &str, year: u16) -> CoverageReport {
    let mut state = PlanState::new(plan::parse_plan_text(plan).unwrap().plan);
    state.plan.terms = terms.iter().map(|t| t.to_string()).collect();
    let draft = report_text::draft_from_text(report, year).unwrap();
    coverage::compute(&draft, &state)
}

/// The item numbered `number` (as the plan writes it) in a result.
pub fn item_numbered<'a>(report: &'a CoverageReport, number: &str) -> &'a ItemCoverage {
    report
        .items
        .iter()
        .find(|i| i.number == number)
        .unwrap_or_else(|| panic!("no item {number}"))
}
