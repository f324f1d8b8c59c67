//! The summary of a coverage run: counts, the rollup per responsible unit, achievements
//! outside the plan and warnings.

use crate::lexicon;
use crate::model::Draft;
use crate::plan_items::PlanState;

use super::report::Report;
use super::{DepartmentRollup, ItemCoverage, Status, Summary};

pub(super) fn summarize(
    draft: &Draft,
    state: &PlanState,
    items: &[ItemCoverage],
    report: &Report,
    matched_units: &[bool],
    mut warnings: Vec<String>,
) -> Summary {
    let count = |s: Status| items.iter().filter(|i| i.status == s).count();
    let mut departments: Vec<DepartmentRollup> = Vec::new();
    for item in items {
        for department in &item.departments {
            let at = match departments.iter().position(|d| &d.department == department) {
                Some(at) => at,
                None => {
                    departments.push(DepartmentRollup {
                        department: department.clone(),
                        items: Vec::new(),
                        uncovered: Vec::new(),
                    });
                    departments.len() - 1
                }
            };
            departments[at].items.push(item.number.clone());
            if matches!(item.status, Status::Missing | Status::Partial) {
                departments[at].uncovered.push(item.number.clone());
            }
        }
    }
    // A paragraph that opens with an item's title is about that item even when all it
    // says is boilerplate (and so covers nothing): it is not 成效 outside the plan.
    // Sorted, so the titles that start with a character are a run of them: each
    // position of a lead is compared with those alone.
    let mut titles: Vec<Vec<char>> = state
        .plan
        .items
        .iter()
        .map(|i| lexicon::matching_key(&i.title))
        .filter(|t| t.len() >= 4)
        .collect();
    titles.sort_unstable();
    titles.dedup();
    let holds_a_title = |lead: &[char]| {
        (0..lead.len()).any(|k| {
            let from = titles.partition_point(|t| t[0] < lead[k]);
            titles[from..]
                .iter()
                .take_while(|t| t[0] == lead[k])
                .any(|t| lead[k..].starts_with(t))
        })
    };
    let unmatched = report
        .units
        .iter()
        .zip(matched_units)
        .zip(&report.han)
        .filter(|((u, &matched), &han)| {
            !matched && u.counts && han >= 20 && {
                let lead: Vec<char> = lexicon::matching_key(u.heading)
                    .into_iter()
                    .chain(lexicon::matching_key(
                        u.text.split(['。', '；', ';']).next().unwrap_or_default(),
                    ))
                    .collect();
                !holds_a_title(&lead)
            }
        })
        .map(|((u, _), _)| u.to_ref())
        .collect();
    match state.plan.year {
        Some(year) if year != draft.report_year => warnings.push(format!(
            "计划年度（{year}年）与报告年度（{}年）不一致：各条目均按未覆盖计，请使用同一年度的工作要点",
            draft.report_year
        )),
        None => warnings.push("计划中没有注明年度，无法核对是否与报告年度一致".to_string()),
        _ => {}
    }
    if items.is_empty() {
        warnings.push("计划中没有条目".to_string());
    }
    Summary {
        covered: count(Status::Covered),
        partial: count(Status::Partial),
        missing: count(Status::Missing),
        not_applicable: count(Status::NotApplicable),
        departments,
        unmatched,
        warnings,
    }
}
