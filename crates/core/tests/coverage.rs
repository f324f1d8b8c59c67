//! The coverage engine against real documents and hand labels.

use report_core::coverage::{self, TargetOutcome};
use report_core::model::{Draft, Node};
use report_core::plan;
use report_core::plan_items::{self, PlanState, Status};
use report_core::report_text;
use serde_json::Value;

mod coverage_support;

use coverage_support::{item_numbered, one_item, one_item_with_terms, status_name, table};

#[path = "../benches/inputs.rs"]
mod inputs;

const LINAN_PLAN: &str = include_str!("fixtures/plan-2023-linan-district-health-bureau.txt");
const SHANGCHENG: &str = include_str!("fixtures/report-2023-shangcheng-district-health-bureau.txt");
const HANGZHOU_2018: &str =
    include_str!("fixtures/report-2018-hangzhou-city-health-commission.txt");
const LABELS: &str = include_str!("fixtures/coverage-linan-shangcheng.json");

fn linan() -> PlanState {
    PlanState::new(plan::parse_plan_text(LINAN_PLAN).unwrap().plan)
}

fn shangcheng() -> Draft {
    shangcheng_with(SHANGCHENG)
}

/// The 上城 report as `text` gives it (the fixture changed by a test).
fn shangcheng_with(text: &str) -> Draft {
    report_text::draft_from_text(text, 2000).unwrap()
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

#[test]
fn targets_agree_with_the_hand_labels() {
    let report = coverage::compute(&shangcheng(), &linan());
    let labels: Value = serde_json::from_str(LABELS).unwrap();
    for (item, label) in report.items.iter().zip(labels["items"].as_array().unwrap()) {
        let expected: Vec<&str> = label["targets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        let found: Vec<&str> = item
            .targets
            .iter()
            .map(|t| match t.outcome {
                TargetOutcome::Met => "met",
                TargetOutcome::NotMet => "not_met",
                TargetOutcome::Reported => "reported",
                TargetOutcome::NotReported => "not_reported",
            })
            .collect();
        assert_eq!(found, expected, "item {}: {:?}", item.number, item.targets);
    }
    assert_eq!(report.items[9].targets[0].reported, Some(100.0));
    assert!(report.items[4].hints.contains(&"指标未报告".to_string()));
}

/// The draft without the paragraphs (and run-in headings) with these ids.
fn without(draft: &Draft, ids: &[u64]) -> Draft {
    fn prune(nodes: &mut Vec<Node>, ids: &[u64]) {
        nodes.retain(|n| !ids.contains(&n.id()));
        for node in nodes {
            if let Node::Heading { children, .. } = node {
                prune(children, ids);
            }
        }
    }
    let mut out = draft.clone();
    for section in &mut out.sections {
        prune(&mut section.children, ids);
    }
    out
}

#[test]
fn deleting_the_evidence_makes_an_item_missing() {
    let draft = shangcheng();
    let plan = linan();
    let before = coverage::compute(&draft, &plan);
    for number in ["7", "15"] {
        let item = item_numbered(&before, number);
        assert_eq!(item.status, Status::Covered);
        let ids: Vec<u64> = item
            .evidence
            .iter()
            .map(|e| e.paragraph.paragraph_id)
            .collect();
        let after = coverage::compute(&without(&draft, &ids), &plan);
        let item = item_numbered(&after, number);
        assert_eq!(
            item.status,
            Status::Missing,
            "item {number}: {:?}",
            item.evidence
        );
    }
}

#[test]
fn a_report_of_another_year_gets_a_warning() {
    let hangzhou = report_text::draft_from_text(HANGZHOU_2018, 2000).unwrap();
    assert_eq!(hangzhou.report_year, 2018);
    let report = coverage::compute(&hangzhou, &linan());
    assert!(
        report
            .summary
            .warnings
            .iter()
            .any(|w| w.contains("2023年") && w.contains("2018年") && w.contains("不一致")),
        "{:?}",
        report.summary.warnings
    );
    let same_year = coverage::compute(&shangcheng(), &linan());
    assert!(
        same_year.summary.warnings.is_empty(),
        "{:?}",
        same_year.summary.warnings
    );
}

/// An achievements paragraph on work no plan item asks for (病媒生物防制) after the line
/// that opens `三是落实国家工作人员学法用法制度`.
const UNASKED: &str = "全年开展病媒生物防制集中行动4次，清理卫生死角1200余处。";

#[test]
fn department_rollup_and_unmatched_paragraphs() {
    let line = SHANGCHENG
        .lines()
        .find(|l| l.starts_with("三是落实国家工作人员学法用法制度"))
        .unwrap();
    let text = SHANGCHENG.replacen(line, &format!("{line}\n{UNASKED}"), 1);
    let report = coverage::compute(&shangcheng_with(&text), &linan());
    let s = &report.summary;
    assert_eq!(s.covered + s.partial + s.missing + s.not_applicable, 20);
    let legal = s
        .departments
        .iter()
        .find(|d| d.department == "局法制科")
        .unwrap();
    for item in &report.items {
        let listed = legal.items.contains(&item.number);
        assert_eq!(listed, item.departments.iter().any(|d| d == "局法制科"));
        let uncovered = matches!(item.status, Status::Missing | Status::Partial);
        assert_eq!(legal.uncovered.contains(&item.number), listed && uncovered);
    }
    assert!(
        s.unmatched.iter().any(|p| p.text.contains("病媒生物防制")),
        "{:?}",
        s.unmatched
    );
    // Unmatched paragraphs are cited by no item and come from the achievements parts.
    for p in &s.unmatched {
        assert!(report
            .items
            .iter()
            .all(|i| i.evidence.iter().all(|e| e.paragraph != *p)));
        assert!(!p.section_title.contains("不足") && !p.section_title.contains("安排"));
    }
}

#[test]
fn decisions_apply_and_survive_a_reimport() {
    let draft = shangcheng();
    let mut state = linan();
    let before = coverage::compute(&draft, &state);
    let paragraph_of_5 = before.items[4].evidence[0].paragraph.paragraph_id;
    state
        .decision_mut(1)
        .unwrap()
        .set_status(Some(Status::NotApplicable), "临安特有的改革任务".into());
    for e in &before.items[6].evidence {
        state
            .decision_mut(6)
            .unwrap()
            .reject(e.paragraph.paragraph_id);
    }
    state.decision_mut(18).unwrap().confirm(paragraph_of_5);
    // Re-importing the plan keeps the decisions: they are keyed by number and title.
    state.replace_plan(plan::parse_plan_text(LINAN_PLAN).unwrap().plan);
    let after = coverage::compute(&draft, &state);
    assert_eq!(after.items[1].status, Status::NotApplicable);
    assert_eq!(after.items[1].computed, Status::Missing);
    assert!(after.items[1].decided && after.items[1].reason == "临安特有的改革任务");
    assert_eq!(after.items[6].status, Status::Missing);
    assert!(after.items[6].evidence.is_empty());
    assert_eq!(after.items[18].status, Status::Covered);
    assert!(after.items[18].evidence[0].confirmed);
    assert_eq!(after.summary.not_applicable, 1);
}

/// A small plan and report written for this test only, never used to tune the engine.
#[test]
fn synthetic_plan_and_report() {
    let plan_text = "2022年依法行政工作计划\n一、执法\n1.推进“互联网+监管”平台建设。上线“阳光执法”监管平台，接入率达到95%以上。（执法科）\n2.深化医疗废物专项整治。开展医疗废物处置专项检查，整改率100%。（监督所、执法科）\n3.开展中医药文化宣传。举办中医药文化节，编印《中医药常识手册》。（中医科）\n4.加强母婴安全管理。落实孕产妇五色分级管理，孕产妇死亡率低于8/10万。（妇幼科）";
    let report_text = "关于2022年度法治政府建设工作情况的报告\n一、2022年主要工作及成效\n（一）推进“互联网+监管”平台建设。“阳光执法”监管平台于6月上线，全区187家医疗机构接入率达到92%。\n（二）深化法治政府建设。我局坚持以习近平法治思想为指导，深入推进、全面加强、持续深化、切实落实各项工作，不断完善、健全机制。\n（三）研究部署《2022年依法行政工作计划》。局党委专题研究部署《2022年依法行政工作计划》，逐项落实各项任务。\n（四）规范执法。在医疗机构日常检查中顺带抽查了医疗废物的暂存情况。执法人员按规定着装，持证上岗，全年办理案件二十余起，各类文书规范完整，群众反映良好。\n二、2022年推进法治政府建设存在的不足和原因\n中医药文化宣传形式单一。\n三、2023年推进法治政府建设的主要安排\n举办中医药文化节，编印《中医药常识手册》。";
    let state = PlanState::new(plan::parse_plan_text(plan_text).unwrap().plan);
    let draft = report_text::draft_from_text(report_text, 2000).unwrap();
    assert_eq!((state.plan.year, draft.report_year), (Some(2022), 2022));
    let report = coverage::compute(&draft, &state);
    let statuses: Vec<Status> = report.items.iter().map(|i| i.status).collect();
    assert_eq!(
        statuses,
        [
            Status::Covered,
            Status::Partial,
            Status::Missing,
            Status::Missing
        ],
        "{}",
        table(&report)
    );
    // 92% against 95%以上: reported and not met.
    assert_eq!(report.items[0].targets[0].outcome, TargetOutcome::NotMet);
    assert_eq!(report.items[0].targets[0].reported, Some(92.0));
    // Boilerplate and a citation of the plan by title cover nothing and are unmatched.
    let unmatched: Vec<&str> = report
        .summary
        .unmatched
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert!(
        unmatched.iter().any(|t| t.starts_with("深化法治政府建设")),
        "{unmatched:?}"
    );
    assert!(
        unmatched.iter().any(|t| t.starts_with("研究部署")),
        "{unmatched:?}"
    );
}

/// Scale: 100 items against a 30 000-character report all get a result. How long it
/// takes is measured by the benchmarks (`benches/native.rs`, `tests/speed.rs`).
#[test]
fn a_hundred_items_against_thirty_thousand_characters() {
    let (state, draft) = (inputs::hundred_item_plan(), inputs::long_report());
    assert!(report_core::outline::draft_chars(&draft) >= 30_000);
    let report = coverage::compute(&draft, &state);
    assert_eq!(report.items.len(), 100);
    // Each copy of an item finds the same evidence in every copy of the report.
    let covered = |copy: &str| {
        report
            .items
            .iter()
            .filter(|i| i.number.starts_with(copy) && i.status == Status::Covered)
            .count()
    };
    assert!(covered("0-") > 0);
    assert_eq!(covered("0-"), covered("4-"));
}

/// Scale on distinct text (five bureaus' plans, fourteen reports): every item gets a
/// result, and each plan's items find their own report's evidence among the others.
#[test]
fn a_hundred_distinct_items_against_fourteen_reports() {
    let (state, draft) = (
        inputs::distinct_hundred_item_plan(),
        inputs::distinct_long_report(),
    );
    assert!(report_core::outline::draft_chars(&draft) >= 30_000);
    let report = coverage::compute(&draft, &state);
    assert_eq!(report.items.len(), 100);
    for plan in ["0-", "1-", "2-", "3-", "4-"] {
        let addressed = report
            .items
            .iter()
            .filter(|i| i.number.starts_with(plan) && i.status != Status::Missing)
            .count();
        assert!(addressed >= 10, "plan {plan}: {addressed} of 20 addressed");
    }
}

/// The .docx paths: a plan and a report written as .docx by the app's own export are
/// read back through the docx reader and give the same results as the text.
#[test]
fn plans_and_reports_read_from_docx() {
    let options = report_core::export_options::ExportOptions::default();
    let now = "2024-02-27T08:30:00Z";

    let report_draft = shangcheng();
    let report_docx = report_core::docx::export(&report_draft, &options, now).unwrap();
    let from_docx = report_text::draft_from_docx(&report_docx, 2000).unwrap();
    assert_eq!(from_docx.report_year, 2023);
    let statuses = |draft: &Draft| -> Vec<Status> {
        coverage::compute(draft, &linan())
            .items
            .iter()
            .map(|i| i.status)
            .collect()
    };
    assert_eq!(statuses(&from_docx), statuses(&report_draft));

    // The plan's lines as the paragraphs of a .docx, as Word holds a pasted plan.
    let mut plan_draft = report_core::Template::builtin_default().new_draft("plan".into(), 2023);
    for line in LINAN_PLAN.lines().filter(|l| !l.trim().is_empty()) {
        plan_draft.sections[0].children.push(Node::Paragraph {
            id: plan_draft.next_id,
            text: line.to_string(),
        });
        plan_draft.next_id += 1;
    }
    let plan_docx = report_core::docx::export(&plan_draft, &options, now).unwrap();
    let from_docx = plan::parse_plan_docx(&plan_docx).unwrap().plan;
    let from_text = plan::parse_plan_text(LINAN_PLAN).unwrap().plan;
    assert_eq!(from_docx.items.len(), 20);
    for (a, b) in from_docx.items.iter().zip(&from_text.items) {
        assert_eq!(
            (&a.number, &a.title, &a.departments),
            (&b.number, &b.title, &b.departments)
        );
        assert_eq!(a.targets, b.targets);
    }
}

#[test]
fn the_plan_given_as_the_report_covers_nothing_and_says_why() {
    let as_report = report_text::draft_from_text(LINAN_PLAN, 2023).unwrap();
    let report = coverage::compute(&as_report, &linan());
    assert_eq!(report.summary.missing, 20, "{}", table(&report));
    assert!(
        report
            .summary
            .warnings
            .iter()
            .any(|w| w.contains("计划本身")),
        "{:?}",
        report.summary.warnings
    );
    assert!(report
        .items
        .iter()
        .all(|i| i.explanation.contains("计划原文")));
}

#[test]
fn a_report_of_only_the_plans_title_covers_nothing_and_says_why() {
    let title_only =
        report_text::draft_from_text("杭州市临安区卫生健康局 2023 年法治政府建设工作要点", 2023)
            .unwrap();
    let report = coverage::compute(&title_only, &linan());
    assert_eq!(report.summary.missing, 20, "{}", table(&report));
    assert!(
        report
            .summary
            .warnings
            .iter()
            .any(|w| w.contains("不像一份完整的年度报告")),
        "{:?}",
        report.summary.warnings
    );
}

#[test]
fn a_plans_own_terms_join_the_lexicon() {
    let item = "推进天目医享改革";
    let sentence = "乡村医疗优质共享改革全面铺开，全年服务群众3200人次。";
    assert_eq!(one_item(item, sentence).items[0].status, Status::Missing);
    let with_terms = |terms: &[&str]| one_item_with_terms(item, sentence, terms);
    let found = with_terms(&["syn 天目医享 = 乡村医疗优质共享"]);
    assert_eq!(found.items[0].status, Status::Covered, "{}", table(&found));
    // A bad line is named in a warning, and the built-in lexicon still works.
    let found = with_terms(&["syn 天目医享 乡村医疗优质共享"]);
    assert!(found.summary.warnings.iter().any(|w| w.contains("第1行")));
}

/// A plan's own `except` line keeps a built-in term from being read inside a local word:
/// 兽医保健 (veterinary care) holds 医保 and is no account of 医疗保障.
#[test]
fn a_plans_own_exception_guards_a_builtin_term() {
    let item = "加强医保基金监管";
    let sentence = "全年开展兽医保健培训12场，培训人员300人次。";
    let with_terms = |terms: &[&str]| one_item_with_terms(item, sentence, terms);
    let found = with_terms(&[]);
    assert_ne!(found.items[0].status, Status::Missing, "{}", table(&found));
    let found = with_terms(&["except 医保 = 兽医保健"]);
    assert_eq!(found.items[0].status, Status::Missing, "{}", table(&found));
}

/// A plan's own `parts` line: a city names a whole its districts tick off part by part,
/// and an item listing its parts is partial while one is told nowhere.
#[test]
fn a_plans_own_whole_asks_for_each_part() {
    let item = "深化“双随机、一公开”监管，随机抽取检查对象、随机选派执法人员、抽查结果及时公开";
    let sentence =
        "全年从监管对象库中随机抽取检查对象326户、随机选派执法人员开展检查，任务完成率100%。";
    let with_terms = |terms: &[&str]| one_item_with_terms(item, sentence, terms);
    let found = with_terms(&[]);
    assert_eq!(found.items[0].status, Status::Covered, "{}", table(&found));
    let found = with_terms(&["parts 双随机一公开 = 随机抽取 随机选派 结果公开/及时公开/结果公示"]);
    assert_eq!(found.items[0].status, Status::Partial, "{}", table(&found));
    assert!(
        found.items[0].explanation.contains("“结果公开”未见叙述"),
        "{}",
        found.items[0].explanation
    );
}

#[test]
fn tasks_say_which_sentence_answers_them() {
    let found = one_item(
        "全面落实行政执法“三项制度”。配齐执法记录设备，规范执法案卷，开展案卷交叉评查",
        "（一）严执法、护健康，执法效能稳步提升\n严格执行行政执法公示、执法全过程记录、重大执法决定法制审核制度，全年公示执法信息1200条。为执法大队新配执法记录设备32台。",
    );
    let item = &found.items[0];
    let texts: Vec<&str> = item.tasks.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(
        texts,
        ["配齐执法记录设备", "规范执法案卷", "开展案卷交叉评查"]
    );
    assert_eq!(item.tasks[0].status, Status::Covered);
    let evidence = item.tasks[0].evidence.as_ref().unwrap();
    assert_eq!(evidence.sentence, "为执法大队新配执法记录设备32台。");
    let marked: String = evidence
        .highlights
        .iter()
        .map(|&[s, e]| {
            evidence
                .sentence
                .chars()
                .skip(s)
                .take(e - s)
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("/");
    assert_eq!(marked, "执法记录设备");
    assert_eq!(item.tasks[2].status, Status::Missing);
    assert_eq!(item.computed, Status::Partial, "{}", table(&found));
    assert!(
        item.explanation.starts_with("3项任务写到1项"),
        "{}",
        item.explanation
    );
    // Evidence is whole sentences with the matched words marked, never fragments.
    let e = &item.evidence[0];
    for &[s, end] in &e.highlights {
        assert!(s < end && end <= e.paragraph.text.chars().count());
    }
}

#[test]
fn hostile_sizes_end_in_bounded_time() {
    let items = (1..=2000)
        .map(|n| plan_items::PlanItem {
            number: n.to_string(),
            title: format!("推进第{n}项改革任务"),
            body: format!("完成率达到{}%以上", n % 100),
            targets: plan_items::extract_targets(&format!("完成率达到{}%以上", n % 100)),
            ..plan_items::PlanItem::default()
        })
        .collect();
    let plan = plan_items::Plan {
        year: Some(2023),
        items,
        ..plan_items::Plan::default()
    };
    let paragraph = "全年推进各项改革任务，完成率达到百分之百，群众满意度持续提升。";
    let body = paragraph.repeat(5_000_000 / paragraph.len() / 4);
    let report = format!(
        "2023年度报告\n一、2023年主要举措和成效\n{}",
        [body.as_str(); 4].join("\n")
    );
    assert!(report.len() > 4_000_000);
    let draft = report_text::draft_from_text(&report, 2023).unwrap();
    // It ends, without a panic, with a result for every item; how long it takes is
    // not asserted (a debug build on a shared machine says little about that).
    let found = coverage::compute(&draft, &PlanState::new(plan));
    assert_eq!(found.items.len(), 2000);
    let summary = &found.summary;
    assert_eq!(summary.covered + summary.partial + summary.missing, 2000);
}

/// An item called 已覆盖 though not every task is ticked off (the report tells it in its
/// own words, in one paragraph holding most of it) names that paragraph, so that the
/// clerk can check it (dev-01 item 1 of the evaluation set, labelled covered).
#[test]
fn an_item_told_in_the_reports_own_words_names_the_paragraph_that_tells_it() {
    let pair = "tests/fixtures/coverage-eval/dev/dev-01-jiaxing-city-2022";
    let read = |name: &str| {
        std::fs::read_to_string(format!("{}/{pair}/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    };
    let plan = plan::parse_plan_text(&read("plan.txt")).unwrap().plan;
    let draft = report_text::draft_from_text(&read("report.txt"), plan.year.unwrap()).unwrap();
    let found = coverage::compute(&draft, &PlanState::new(plan));
    let item = &found.items[0];
    let ticked = item
        .tasks
        .iter()
        .filter(|t| t.status == Status::Covered)
        .count();
    assert_eq!(item.computed, Status::Covered, "{}", table(&found));
    assert!(ticked < item.tasks.len(), "{}", item.explanation);
    let (place, tally) = item
        .explanation
        .split_once("用自己的话较完整地叙述了此项，")
        .unwrap();
    assert!(place.starts_with('“') && place.ends_with('段'), "{place}");
    assert!(tally.contains("项任务写到"), "{tally}");
}
