//! Templates on the committed fixture drafts: saving a draft as a template and starting
//! from it again, and starting next year's report from last year's.

use report_core::date::CalendarDate;
use report_core::model::{Draft, Node};
use report_core::next_year::{carried_over_plan, next_year_draft};
use report_core::template::{self, OutlineNode, Template};
use report_core::validate;

fn shangcheng() -> Draft {
    report_core::from_json(include_str!("fixtures/draft-shangcheng-2023.json")).unwrap()
}

fn jiaxing() -> Draft {
    report_core::from_json(include_str!("fixtures/draft-jiaxing-2022.json")).unwrap()
}

fn created() -> CalendarDate {
    CalendarDate::new(2024, 1, 8).unwrap()
}

/// Node texts without ids, which differ between drafts.
fn shape(nodes: &[Node]) -> Vec<String> {
    let mut out = Vec::new();
    for node in nodes {
        match node {
            Node::Heading {
                title,
                text,
                children,
                ..
            } => {
                out.push(format!("heading:{title}|{text}"));
                out.extend(shape(children).into_iter().map(|s| format!("  {s}")));
            }
            Node::Paragraph { text, .. } => out.push(format!("paragraph:{text}")),
        }
    }
    out
}

fn no_errors(d: &Draft) -> bool {
    validate::errors(d).is_empty()
}

#[test]
fn a_draft_saved_as_a_template_starts_the_same_draft_again() {
    for original in [shangcheng(), jiaxing()] {
        let t = Template::from_draft(&original, true, false, "上城区卫生健康局".into(), created());
        let t = template::from_json(&template::to_json(&t)).unwrap();
        assert_eq!(t.created, Some(created()));
        let again = t.new_draft("again".into(), original.report_year);
        assert_eq!(again.meta.title, original.meta.title);
        assert_eq!(again.export, original.export);
        for (a, o) in again.sections.iter().zip(&original.sections) {
            // A key the draft repeats (嘉兴's three `theme` parts) comes back as `theme-2`, …:
            // a template's keys differ.
            let base_key = a.key.split('-').next().unwrap_or_default();
            assert_eq!(
                (base_key, &a.title, &a.guidance, a.numbered),
                (o.key.as_str(), &o.title, &o.guidance, o.numbered)
            );
            assert_eq!(shape(&a.children), shape(&o.children));
        }
        assert_eq!(again.sections.len(), original.sections.len());
        let keys: std::collections::HashSet<&str> =
            again.sections.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys.len(), again.sections.len(), "{keys:?}");
        let (m, o) = (&again.meta, &original.meta);
        assert_eq!(
            (&m.issuer_name, &m.issuer_mark, &m.doc_number.agency_code),
            (&o.issuer_name, &o.issuer_mark, &o.doc_number.agency_code)
        );
        assert_eq!(
            (&m.recipients, &m.cc, &m.printer, &m.signers),
            (&o.recipients, &o.cc, &o.printer, &o.signers)
        );
        assert!(no_errors(&again));
    }
}

#[test]
fn a_template_from_a_draft_serves_other_years() {
    let original = shangcheng();
    let t = Template::from_draft(
        &original,
        false,
        false,
        "上城区卫生健康局".into(),
        created(),
    );
    assert_eq!(
        t.title,
        "杭州市上城区卫生健康局关于{year}年度法治政府建设工作情况的报告"
    );
    let next = t.sections.iter().find(|s| s.key == "next_year").unwrap();
    assert_eq!(next.title, "{next_year}年推进法治政府建设的主要安排");
    // Without body text only the headings stay, and their run-in text goes.
    let measures = t.sections.iter().find(|s| s.key == "measures").unwrap();
    assert_eq!(measures.content.len(), 5);
    assert!(measures.content.iter().all(|n| matches!(
        n,
        OutlineNode::Heading { text, children, .. } if text.is_empty() && children.is_empty()
    )));
    assert!(t.sections.iter().all(|s| s
        .content
        .iter()
        .all(|n| matches!(n, OutlineNode::Heading { .. }))));

    let d = t.new_draft("d".into(), 2025);
    assert_eq!(
        d.meta.title,
        "杭州市上城区卫生健康局关于2025年度法治政府建设工作情况的报告"
    );
    let titles: Vec<_> = d.sections.iter().map(|s| s.title.as_str()).collect();
    assert!(titles.contains(&"2025年主要工作及成效"), "{titles:?}");
    assert!(
        titles.contains(&"2026年推进法治政府建设的主要安排"),
        "{titles:?}"
    );
    assert!(no_errors(&d));
}

#[test]
fn next_year_keeps_the_header_advances_the_years_and_empties_the_body() {
    let last = shangcheng();
    let d = next_year_draft(&last, "new".into());
    assert_eq!(d.id, "new");
    assert_eq!(d.report_year, 2024);
    assert_eq!(
        d.meta.title,
        "杭州市上城区卫生健康局关于2024年度法治政府建设工作情况的报告"
    );
    assert_eq!(d.name, "上城区卫生健康局2024年法治政府建设年度报告");
    let titles: Vec<_> = d.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "导语",
            "2024年主要工作及成效",
            "2024年推进法治政府建设存在的不足和原因",
            "2024年党政主要负责人履行推进法治建设第一责任人、加强法治政府建设的有关情况",
            "2025年推进法治政府建设的主要安排",
            "其他需要报告的情况",
        ]
    );
    assert!(d.sections.iter().all(|s| s.children.is_empty()));
    for (new, old) in d.sections.iter().zip(&last.sections) {
        assert_eq!(
            (new.id, &new.key, new.numbered),
            (old.id, &old.key, old.numbered)
        );
    }
    let (m, o) = (&d.meta, &last.meta);
    assert_eq!(m.doc_number.display(), "上卫〔2025〕号");
    assert_eq!(o.doc_number.display(), "上卫〔2024〕8号");
    assert_eq!((m.date, m.print_date), (None, None));
    assert_eq!(
        (&m.issuer_name, &m.issuer_mark, &m.signers, &m.signature),
        (&o.issuer_name, &o.issuer_mark, &o.signers, &o.signature)
    );
    assert_eq!(
        (&m.recipients, &m.cc, &m.printer),
        (&o.recipients, &o.cc, &o.printer)
    );
    assert_eq!(d.export, last.export);
    assert!(d.ids().iter().all(|&id| id < d.next_id));
    assert!(no_errors(&d));
    // Last year's 2024年…主要安排 is this year's checklist, without decisions.
    let plan = d.plan.as_ref().unwrap();
    assert_eq!(plan.plan.year, Some(2024));
    let titles: Vec<_> = plan.plan.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        ["重视法治制度建设", "树立全新法治思维", "加强法治建设指导"]
    );
    assert!(plan.decisions.is_empty());
    assert!(!d.secrecy_reviewed);
    // The new draft saves and loads like any other.
    assert_eq!(
        report_core::from_json(&report_core::to_json(&d, 0.0)),
        Ok(d)
    );
}

#[test]
fn next_year_on_a_thematic_red_header_report() {
    let last = jiaxing();
    let d = next_year_draft(&last, "new".into());
    assert_eq!(d.report_year, 2023);
    assert_eq!(d.meta.title, "关于2023年度法治政府建设工作的报告");
    assert_eq!(d.meta.doc_number.display(), "嘉卫〔2024〕号");
    assert_eq!(d.meta.signers, ["王伟荣"]);
    assert_eq!(d.meta.recipients, "中共嘉兴市委、嘉兴市人民政府");
    let titles: Vec<_> = d.sections.iter().map(|s| &s.title).collect();
    let old: Vec<_> = last.sections.iter().map(|s| &s.title).collect();
    assert_eq!(titles, old, "thematic titles carry no year");
    assert!(d.sections.iter().all(|s| s.children.is_empty()));
    assert!(no_errors(&d));
    // The closing paragraph's 下一步 is carried over as it stands.
    assert_eq!(d.plan.map(|p| p.plan.year), Some(Some(2023)));
}

#[test]
fn next_year_without_a_plan_part_carries_no_checklist() {
    let mut last = shangcheng();
    last.sections.retain(|s| s.key != "next_year");
    assert_eq!(carried_over_plan(&last), None);
    assert_eq!(next_year_draft(&last, "new".into()).plan, None);
}

#[test]
fn plan_items_go_into_a_template_and_out_into_new_drafts() {
    let with_plan = next_year_draft(&shangcheng(), "d".into());
    let items = with_plan.plan.as_deref().cloned().unwrap().plan;
    let t = Template::from_draft(
        &with_plan,
        false,
        true,
        "杭州市卫生健康委员会".into(),
        created(),
    );
    assert_eq!(t.plan.as_ref(), Some(&items));
    let t = template::from_json(&template::to_json(&t)).unwrap();
    let d = t.new_draft("n".into(), 2024);
    let state = d.plan.unwrap();
    assert_eq!(state.plan, items);
    assert!(state.decisions.is_empty());
    let without = Template::from_draft(&with_plan, false, false, "x".into(), created());
    assert_eq!(without.plan, None);
}

#[test]
fn the_documented_example_loads() {
    // The repository's documentation, read when the test runs: the crate does not
    // carry the docs, it only has to agree with them.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/template-format.md");
    let doc = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let start = doc.find("```json\n").unwrap() + "```json\n".len();
    let end = start + doc[start..].find("\n```").unwrap();
    let t = template::from_json(&doc[start..end]).unwrap();
    assert_eq!(t.defaults.agency_code, "上卫");
    assert_eq!(t.deadlines.submit_by(2023), CalendarDate::new(2024, 2, 25));
    let d = t.new_draft("d".into(), 2023);
    assert_eq!(d.meta.doc_number.agency_code, "上卫");
    assert!(no_errors(&d));
}
