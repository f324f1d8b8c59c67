//! 导入已有报告: a report read from a file ([`crate::report_text`]) becomes a new draft
//! on a template, each of its parts placed in the template's part of the same kind, with
//! an account of what went where for the user to see before the draft is created.

use serde::{Deserialize, Serialize};

use crate::model::{Draft, Metadata, Node, NodeId, Section};
use crate::template::Template;

/// A draft made from a report, not yet stored, and what went where.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportImport {
    pub draft: Draft,
    /// The report's parts in its order.
    pub parts: Vec<ImportedPart>,
}

/// One part of the imported report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedPart {
    /// Its title in the report; empty for the paragraphs before 一、.
    pub source_title: String,
    /// The template's part it went to, as titled in the new draft; `None` when the
    /// template has no part of its kind and it was kept as a part of its own at the end.
    pub placed_in: Option<String>,
    pub headings: usize,
    pub paragraphs: usize,
}

/// Builds a draft on `template` for the report's year from `report` (as
/// [`crate::report_text::draft_from_text`] reads one): a report part goes to the
/// template's part with the same key (the opening paragraphs to the unnumbered part, 主要举措和成效 to
/// `measures`, …), replacing what the template pre-fills there; a part the template
/// has no place for is kept, under its own title, after the template's parts. The
/// report's title and 主送机关 replace the template's when it has them.
pub fn import_report(report: &Draft, template: &Template, id: String) -> ReportImport {
    let mut draft = template.new_draft(id, report.report_year);
    let mut parts = Vec::new();
    let mut replaced: Vec<NodeId> = Vec::new();
    for source in &report.sections {
        let (headings, paragraphs) = count(&source.children);
        if source.title.is_empty() && source.children.is_empty() {
            continue;
        }
        let children: Vec<Node> = source
            .children
            .iter()
            .map(|node| node.clone().renumbered(&mut draft.next_id))
            .collect();
        let target = draft
            .sections
            .iter_mut()
            .find(|s| s.key == source.key && s.numbered == source.numbered);
        let placed_in = match target {
            Some(section) => {
                // The report's text takes the place of what the template pre-fills; a
                // second report part of the same kind follows the first.
                if !replaced.contains(&section.id) {
                    section.children.clear();
                    replaced.push(section.id);
                }
                section.children.extend(children);
                Some(section.title.clone())
            }
            None => {
                let id = draft.next_id;
                draft.next_id += 1;
                let section = Section {
                    id,
                    key: source.key.clone(),
                    title: source.title.clone(),
                    guidance: String::new(),
                    numbered: source.numbered,
                    children,
                };
                // Paragraphs before 一、 stay before it.
                if source.numbered {
                    draft.sections.push(section);
                } else {
                    draft.sections.insert(0, section);
                }
                None
            }
        };
        parts.push(ImportedPart {
            source_title: source.title.clone(),
            placed_in,
            headings,
            paragraphs,
        });
    }
    take_filled(&mut draft.meta, &report.meta);
    draft.name = format!("{}（导入）", draft.meta.title);
    ReportImport { draft, parts }
}

/// The report's own title block and frame (标题, 主送机关, and the 版头 and 版记 fields a
/// report copied as sent carries) over the template's, field by field where the report
/// has one: the report is the document, the template only its starting point.
fn take_filled(meta: &mut Metadata, report: &Metadata) {
    let texts = [
        (&mut meta.title, &report.title),
        (&mut meta.recipients, &report.recipients),
        (&mut meta.issuer_name, &report.issuer_name),
        (&mut meta.issuer_mark, &report.issuer_mark),
        (&mut meta.signature, &report.signature),
        (&mut meta.annotation, &report.annotation),
        (&mut meta.cc, &report.cc),
        (&mut meta.printer, &report.printer),
    ];
    for (field, value) in texts {
        if !value.is_empty() {
            field.clone_from(value);
        }
    }
    if !report.doc_number.display().is_empty() {
        meta.doc_number = report.doc_number.clone();
    }
    if !report.signers.is_empty() {
        meta.signers = report.signers.clone();
    }
    meta.date = report.date.or(meta.date);
    meta.print_date = report.print_date.or(meta.print_date);
}

/// Headings and paragraphs in `nodes` and below.
fn count(nodes: &[Node]) -> (usize, usize) {
    nodes.iter().fold((0, 0), |(h, p), node| {
        let (below_h, below_p) = count(node.children());
        match node {
            Node::Heading { .. } => (h + 1 + below_h, p + below_p),
            Node::Paragraph { .. } => (h + below_h, p + 1),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report_text::draft_from_text;
    use crate::validate::errors;

    const SHANGCHENG: &str =
        include_str!("../tests/fixtures/report-2023-shangcheng-district-health-bureau.txt");

    #[test]
    fn each_part_of_a_real_report_goes_to_its_part_of_the_outline() {
        let report = draft_from_text(SHANGCHENG, 2000).unwrap();
        let template = Template::builtin_default();
        let import = import_report(&report, &template, "new".into());
        let d = &import.draft;
        assert_eq!(d.report_year, report.report_year);
        assert_eq!(d.template, template.name);
        // This report has no title line: the template's title for its year stands.
        assert_eq!(report.meta.title, "");
        assert_eq!(d.meta.title, "关于2023年度法治政府建设工作情况的报告");
        // The template's outline, in its order, with nothing added.
        let keys: Vec<&str> = d.sections.iter().map(|s| s.key.as_str()).collect();
        let template_keys: Vec<&str> = template.sections.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, template_keys);
        assert!(import.parts.iter().all(|p| p.placed_in.is_some()));
        // Every heading and paragraph of the report is in the draft, in order.
        let texts = |d: &Draft| -> Vec<String> {
            fn walk(nodes: &[Node], out: &mut Vec<String>) {
                for n in nodes {
                    match n {
                        Node::Heading { title, text, .. } => out.push(format!("{title}{text}")),
                        Node::Paragraph { text, .. } => out.push(text.clone()),
                    }
                    walk(n.children(), out);
                }
            }
            let mut out = Vec::new();
            for s in &d.sections {
                walk(&s.children, &mut out);
            }
            out
        };
        assert_eq!(texts(d), texts(&report));
        let (h, p) = count(
            &report
                .sections
                .iter()
                .flat_map(|s| s.children.clone())
                .collect::<Vec<_>>(),
        );
        let summed = import
            .parts
            .iter()
            .fold((0, 0), |(a, b), x| (a + x.headings, b + x.paragraphs));
        assert_eq!(summed, (h, p));
        assert!(h > 0 && p > 0);
        // Ids are unique and below next_id, and the draft is valid.
        let mut ids = d.ids();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n);
        assert!(ids.iter().all(|&id| id < d.next_id));
        assert!(errors(d).is_empty());
    }

    #[test]
    fn the_frame_of_a_report_copied_as_sent_replaces_the_templates() {
        let text = "石家庄市卫生健康委员会文件\n石卫〔2025〕7号\n签发人：张明\n关于2024年度法治政府建设工作情况的报告\n市委、市政府：\n开头一段。\n一、主要举措和成效\n甲段。\n石家庄市卫生健康委员会\n2025年2月18日\n抄送：省卫生健康委。\n石家庄市卫生健康委员会办公室 2025年2月19日印发\n";
        let report = draft_from_text(text, 2000).unwrap();
        let template = Template::builtin_default();
        let fresh = template.new_draft("fresh".into(), 2024);
        let d = import_report(&report, &template, "new".into()).draft;
        assert_eq!(d.meta.issuer_mark, "石家庄市卫生健康委员会文件");
        assert_eq!(d.meta.doc_number.display(), "石卫〔2025〕7号");
        assert_eq!(d.meta.signers, ["张明"]);
        assert_eq!(d.meta.signature, "石家庄市卫生健康委员会");
        assert_eq!(d.meta.date, crate::date::CalendarDate::new(2025, 2, 18));
        assert_eq!(d.meta.cc, "省卫生健康委");
        assert_eq!(d.meta.printer, "石家庄市卫生健康委员会办公室");
        // What the report does not say stays the template's.
        assert_eq!(d.meta.secrecy, fresh.meta.secrecy);
        assert_eq!(d.meta.copy_number, fresh.meta.copy_number);
        assert!(errors(&d).is_empty());
    }

    #[test]
    fn a_part_the_template_lacks_is_kept_at_the_end_and_named_unplaced() {
        let text = "关于2024年度法治政府建设工作情况的报告\n开头一段。\n一、主要举措和成效\n（一）甲\n乙段。\n二、专项工作情况\n丙段。\n";
        let report = draft_from_text(text, 2000).unwrap();
        let import = import_report(&report, &Template::builtin_default(), "new".into());
        let summary: Vec<(String, Option<bool>, usize, usize)> = import
            .parts
            .iter()
            .map(|p| {
                (
                    p.source_title.clone(),
                    p.placed_in.as_ref().map(|_| true),
                    p.headings,
                    p.paragraphs,
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (String::new(), Some(true), 0, 1),
                ("主要举措和成效".to_string(), Some(true), 1, 1),
                ("专项工作情况".to_string(), None, 0, 1),
            ]
        );
        let last = import.draft.sections.last().unwrap();
        assert_eq!(last.title, "专项工作情况");
        assert!(matches!(&last.children[..], [Node::Paragraph { text, .. }] if text == "丙段。"));
        assert_eq!(import.draft.report_year, 2024);
        assert_eq!(
            import.draft.name,
            "关于2024年度法治政府建设工作情况的报告（导入）"
        );
    }
}
