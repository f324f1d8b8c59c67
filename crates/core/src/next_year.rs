//! Starting the new report from last year's: every January a bureau keeps its header
//! details and outline and writes the body afresh.

use crate::attachment::AttachmentTable;
use crate::model::{Draft, Metadata, Section};
use crate::plan::plan_from_report;
use crate::plan_items::{Plan, PlanState};
use crate::template::move_years;

/// Next year's draft from `draft`: the report year, the years in the title, name,
/// section titles, guidance and attachment names, and the 发文字号 year move on by one;
/// the header and 版记 details stay; the body is emptied to its sections (titles and
/// guidance kept); 成文日期, 印发日期 and the 发文字号 serial, which belong to one
/// document, are cleared, and so is the 保密审查. Last year's 下一年度主要安排 becomes
/// the plan the new report is checked against ([`carried_over_plan`]).
pub fn next_year_draft(draft: &Draft, new_id: String) -> Draft {
    let year = draft.report_year;
    let advance = |s: &str| advance_years(s, year);
    let meta = &draft.meta;
    let mut doc_number = meta.doc_number.clone();
    doc_number.year = doc_number.year.map(|y| y.saturating_add(1));
    doc_number.serial = None;
    let sections: Vec<Section> = draft
        .sections
        .iter()
        .map(|s| Section {
            title: advance(&s.title),
            guidance: advance(&s.guidance),
            children: Vec::new(),
            ..s.clone()
        })
        .collect();
    let next_id = sections.iter().map(|s| s.id).max().map_or(1, |max| max + 1);
    Draft {
        id: new_id,
        name: advance(&draft.name),
        report_year: year.saturating_add(1),
        template: draft.template.clone(),
        meta: Metadata {
            title: advance(&meta.title),
            doc_number,
            attachments: meta.attachments.iter().map(|a| advance(a)).collect(),
            date: None,
            print_date: None,
            ..meta.clone()
        },
        sections,
        export: draft.export.clone(),
        plan: carried_over_plan(draft).map(|plan| PlanState::new(plan).into()),
        secrecy_reviewed: false,
        // The same table for the new year, empty: last year's cells report on last year.
        attachment_table: draft.attachment_table.as_ref().map(|t| AttachmentTable {
            title: advance(&t.title),
            columns: t.columns.clone(),
            entries: Vec::new(),
        }),
        // Rules are ignored for one draft (本稿), not for the reports after it.
        ignored_rules: Vec::new(),
        next_id,
    }
}

/// The plan items of last year's 下一年度主要安排, the checklist of the new report;
/// `None` when that part is missing or holds no items (the UI can call
/// [`plan_from_report`] itself to say why).
pub fn carried_over_plan(draft: &Draft) -> Option<Plan> {
    plan_from_report(draft)
        .ok()
        .map(|import| import.plan)
        .filter(|plan| !plan.items.is_empty())
}

/// The report year and the year after, each one year on (see [`move_years`]).
fn advance_years(s: &str, report_year: u16) -> String {
    move_years(s, report_year, report_year.saturating_add(1))
}
