//! The coverage engine against real documents and hand labels.

use report_core::coverage::{self, CoverageReport, TargetOutcome};
use report_core::model::{Draft, Node};
use report_core::plan;
use report_core::plan_items::{self, PlanState, Status};
use report_core::report_text;
use serde_json::Value;

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
        let item = before.items.iter().find(|i| i.number == number).unwrap();
        assert_eq!(item.status, Status::Covered);
        let ids: Vec<u64> = item
            .evidence
            .iter()
            .map(|e| e.paragraph.paragraph_id)
            .collect();
        let after = coverage::compute(&without(&draft, &ids), &plan);
        let item = after.items.iter().find(|i| i.number == number).unwrap();
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

#[test]
fn department_rollup_and_unmatched_paragraphs() {
    let report = coverage::compute(&shangcheng(), &linan());
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
    assert!(!s.unmatched.is_empty());
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

/// A one-item plan of `item` and a report whose achievements part is `sentence`.
fn one_item(item: &str, sentence: &str) -> CoverageReport {
    let plan = plan::parse_plan_text(&format!("2023年工作要点\n一、总体\n1.{item}。（局法制科）"))
        .unwrap()
        .plan;
    let report =
        format!("2023年度法治政府建设工作情况的报告\n一、2023年主要举措和成效\n{sentence}\n");
    let draft = report_text::draft_from_text(&report, 2023).unwrap();
    coverage::compute(&draft, &PlanState::new(plan))
}

/// Reports tell 谁执法谁普法 by its means, the officers explaining the law while they
/// inspect, as a reviewer reads it (dev-16, 23, 26 and 27 of the evaluation set).
#[test]
fn officers_explaining_the_law_as_they_inspect_is_who_enforces_educates() {
    for sentence in [
        "各级执法人员在检查中同步讲解卫生健康法律法规，全年现场普法4100余次。",
        "执法人员在检查现场边查边讲，全年发放宣传资料1.2万份。",
        "监督员在执法检查中向从业人员讲解法律条文，做到执法即普法。",
        "把执法同时作为普法的过程，全年开展现场普法86次。",
    ] {
        let found = one_item("落实“谁执法谁普法”普法责任制", sentence);
        let item = &found.items[0];
        assert_eq!(
            item.status,
            Status::Covered,
            "{sentence}: {}",
            item.explanation
        );
    }
}

#[test]
fn every_lexicon_entry_matches_through_the_engine() {
    let entries = report_core::lexicon::parse_file(report_core::lexicon::BUILTIN).unwrap();
    let mut failures = Vec::new();
    for entry in &entries {
        for term in &entry.terms {
            for (plan_word, report_word) in [(&entry.head, term), (term, &entry.head)] {
                let found = one_item(
                    &format!("深入推进{plan_word}"),
                    &format!("全年我局{report_word}，共办理32件，群众普遍认可。"),
                );
                let item = &found.items[0];
                let highlighted = item.tasks.iter().any(|t| {
                    t.evidence.as_ref().is_some_and(|e| {
                        e.highlights.iter().any(|&[s, e2]| {
                            let words: String = e.sentence.chars().skip(s).take(e2 - s).collect();
                            report_core::lexicon::matching_key(&words)
                                == report_core::lexicon::matching_key(report_word)
                        })
                    })
                });
                if item.status != Status::Covered || !highlighted {
                    failures.push(format!(
                        "line {}: plan {plan_word} / report {report_word}: {:?} {}",
                        entry.line, item.status, item.explanation
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
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
    let mut state = PlanState::new(
        plan::parse_plan_text(&format!("2023年工作要点\n一、总体\n1.{item}。（局法制科）"))
            .unwrap()
            .plan,
    );
    state.plan.terms = vec!["syn 天目医享 = 乡村医疗优质共享".into()];
    let report =
        format!("2023年度法治政府建设工作情况的报告\n一、2023年主要举措和成效\n{sentence}\n");
    let draft = report_text::draft_from_text(&report, 2023).unwrap();
    let found = coverage::compute(&draft, &state);
    assert_eq!(found.items[0].status, Status::Covered, "{}", table(&found));
    // A bad line is named in a warning, and the built-in lexicon still works.
    state.plan.terms = vec!["syn 天目医享 乡村医疗优质共享".into()];
    let found = coverage::compute(&draft, &state);
    assert!(found.summary.warnings.iter().any(|w| w.contains("第1行")));
}

#[test]
fn a_unit_named_about_other_work_answers_no_task() {
    for (plan, report, status) in [
        // The partner unit of a task, named in the report about something else.
        (
            "加强职业健康监管。会同市疾病预防控制中心开展职业病危害因素监测",
            "市疾病预防控制中心全年完成核酸检测46万人份，全市未发生规模性疫情。",
            Status::Missing,
        ),
        // Another unit whose name ends as the task's unit does.
        (
            "健全工作机制。调整局依法行政工作领导小组",
            "年内调整了局安全生产工作领导小组，全年未发生安全生产事故。",
            Status::Missing,
        ),
        // A task that is the unit itself is answered by its name.
        (
            "健全工作机制。调整局依法行政工作领导小组",
            "根据人员变动调整了局依法行政工作领导小组，明确法规科承担日常工作。",
            Status::Covered,
        ),
    ] {
        let found = one_item(plan, report);
        assert_eq!(
            found.items[0].computed,
            status,
            "{report}\n{}",
            table(&found)
        );
    }
}

/// Coverage of a two-item plan (重大行政决策, then 爱国卫生 with `second_body`) in a
/// report of one paragraph.
fn decision_item_in(second_body: &str, paragraph: &str) -> Status {
    let plan = plan::parse_plan_text(&format!(
        "2023年工作要点\n一、总体\n1.严格执行重大行政决策程序。落实公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序。（局法制科）\n2.深入开展爱国卫生运动。{second_body}。（局疾控科）"
    ))
    .unwrap()
    .plan;
    let report =
        format!("2023年度法治政府建设工作情况的报告\n一、2023年主要举措和成效\n{paragraph}\n");
    let draft = report_text::draft_from_text(&report, 2023).unwrap();
    coverage::compute(&draft, &PlanState::new(plan)).items[0].computed
}

#[test]
fn a_term_only_one_item_holds_names_it_in_a_paragraph_about_something_else() {
    let closing = "全区开展城乡环境卫生整治行动1200余次，病媒生物密度持续下降，创建卫生村86个。三是重大事项听取民意。";
    // 听取民意 reads as 公众参与, which only the first item holds: part of it is told.
    assert_eq!(
        decision_item_in("开展城乡环境卫生整治", closing),
        Status::Partial
    );
    // When another item holds 公众参与 too, the term names neither.
    assert_eq!(
        decision_item_in("鼓励公众参与城乡环境卫生整治", closing),
        Status::Missing
    );
    // Beside another subject's term in its clause, it serves that subject.
    assert_eq!(
        decision_item_in(
            "开展城乡环境卫生整治",
            "广泛动员公众参与爱国卫生运动，全区开展城乡环境卫生整治行动1200余次，病媒生物密度持续下降。"
        ),
        Status::Missing
    );
}

#[test]
fn an_amount_of_work_the_report_is_silent_on_is_a_task_undone() {
    let status = |item: &str, sentence: &str| one_item(item, sentence).items[0].computed;
    let random_checks =
        "加强事中事后监管。深入推进“双随机、一公开”监管，开展跨部门联合抽查不少于5次";
    let told =
        "全年随机抽取检查对象657户次，随机选派执法人员，“双随机、一公开”抽查结果全部向社会公开。";
    // Nothing on the joint inspections: the work the target counts is not done.
    assert_eq!(status(random_checks, told), Status::Partial);
    // Told, with or without its figure, the item is covered.
    for joint in [
        "会同市场监管部门开展跨部门联合抽查6次。",
        "会同市场监管部门开展跨部门联合抽查。",
    ] {
        assert_eq!(
            status(random_checks, &format!("{told}{joint}")),
            Status::Covered,
            "{joint}"
        );
    }
    // A rate measures how the other tasks were done: not reported, it leaves them done.
    assert_eq!(
        status(
            "加强事中事后监管。深入推进“双随机、一公开”监管，抽查结果公示率100%",
            told
        ),
        Status::Covered
    );
    // An amount given its figure is reported, though its words are too short to match.
    let training = "提升执法人员素质。开展法律培训，人均不少于60学时";
    assert_eq!(
        status(training, "全年开展法律培训12期，执法人员人均68学时。"),
        Status::Covered
    );
    assert_eq!(
        status(training, "全年开展法律培训12期，执法人员参加考试。"),
        Status::Partial
    );
}

#[test]
fn the_thought_that_guides_other_work_is_no_study_of_it() {
    let status = |sentence: &str| {
        one_item(
            "深入学习贯彻习近平法治思想。把习近平法治思想纳入委党组理论学习中心组年度学习计划",
            sentence,
        )
        .items[0]
            .computed
    };
    assert_eq!(
        status("委坚持以习近平法治思想为指引，推进健康城区建设，选取3个重大建设项目试点开展健康影响评估。"),
        Status::Missing
    );
    assert_ne!(
        status("委党组理论学习中心组围绕习近平法治思想开展专题学习5次。"),
        Status::Missing
    );
}

#[test]
fn a_channel_something_else_is_published_through_is_no_work_on_its_name() {
    let status = |sentence: &str| {
        one_item(
            "推进政务公开。做好政务公开工作，及时更新政府信息公开指南",
            sentence,
        )
        .items[0]
            .computed
    };
    // Penalty decisions posted through the 政务公开 column: the channel, not the work.
    assert_eq!(
        status("作出的行政处罚决定均在作出之日起7个工作日内通过委门户网站政务公开专栏向社会公开。"),
        Status::Missing
    );
    // Opening the column is work on it.
    assert_ne!(
        status("在委门户网站开设政务公开专栏，集中发布卫生健康政策文件86件。"),
        Status::Missing
    );
}

#[test]
fn a_term_beside_other_terms_in_its_clause_serves_their_subject() {
    let status = |sentence: &str| {
        one_item(
            "加强规范性文件管理。落实规范性文件合法性审核和备案审查制度，开展规范性文件全面清理",
            sentence,
        )
        .items[0]
            .computed
    };
    // 法制审核 as one of the three 执法 systems: no word on 规范性文件.
    assert_eq!(
        status("执法大队严格落实执法公示、全过程记录、法制审核制度，全年作出行政处罚决定126件。"),
        Status::Missing
    );
    // Named on its own, it tells part of the task.
    assert_eq!(
        status("局机关严格落实法制审核制度，全年召开专题会议4次。"),
        Status::Partial
    );
}

#[test]
fn one_thing_of_a_list_told_whole_is_part_of_the_task() {
    let status = |item: &str, sentence: &str| one_item(item, sentence).items[0].computed;
    // 医疗美容 of three fields, told with its own work: part of the item.
    assert_eq!(
        status(
            "开展医疗美容、口腔诊疗、辅助生殖等重点领域专项整治",
            "开展医疗美容机构专项检查，查处超范围执业案件47件，吊销1家机构执业许可证。"
        ),
        Status::Partial
    );
}

#[test]
fn one_of_two_things_a_task_joins_leaves_the_other_undone() {
    let status = |sentence: &str| {
        one_item(
            "深入整治医疗乱象。开展打击欺诈骗取医保基金和整治医疗乱象专项行动",
            sentence,
        )
        .items[0]
            .computed
    };
    assert_eq!(
        status("深入整治医疗乱象，开展整治医疗乱象专项行动，检查医疗机构186家，立案查处11件。"),
        Status::Partial
    );
    // A two-character word of the other thing, said of something else, does not tell it.
    assert_eq!(
        status("深入整治医疗乱象，开展整治医疗乱象专项行动，检查医疗机构186家，立案查处11件，专项基金全部到位。"),
        Status::Partial
    );
    assert_eq!(
        status("深入整治医疗乱象，开展打击欺诈骗取医保基金专项检查，追回基金120万元；开展整治医疗乱象专项行动，检查医疗机构186家，立案查处11件。"),
        Status::Covered
    );
}

#[test]
fn the_preambles_opening_sentence_reports_nothing_done() {
    // The item's status from a report with `opening` before its first heading and
    // `body` under it.
    let status = |opening: &str, body: &str| {
        let plan = plan::parse_plan_text(
            "2023年工作要点\n一、总体\n1.开展法治政府建设示范创建。争创市级法治政府建设示范项目1个。（局法制科）",
        )
        .unwrap()
        .plan;
        let report = format!(
            "2023年度法治政府建设工作情况的报告\n{opening}\n一、2023年主要举措和成效\n{body}\n"
        );
        let draft = report_text::draft_from_text(&report, 2023).unwrap();
        coverage::compute(&draft, &PlanState::new(plan)).items[0].computed
    };
    let body = "全年办理行政处罚案件32件，罚没款86万元。";
    let guided = "2023年，局党组坚持以习近平法治思想为指导，推动法治政府建设示范创建取得新成效。";
    let ends = "现将有关情况报告如下：";
    assert_eq!(status(&format!("{guided}{ends}"), body), Status::Missing);
    // What the preamble reports after it counts.
    assert_ne!(
        status(
            &format!(
                "{guided}全年争创市级法治政府建设示范项目1个，获市委依法治市办通报表扬。{ends}"
            ),
            body
        ),
        Status::Missing
    );
    // A paragraph that does not end the preamble so is no preamble: before the first
    // heading, its first sentence reports the work…
    assert_ne!(status(&format!("{ends}{guided}"), body), Status::Missing);
    // …and so does a paragraph of the body that introduces an account.
    assert_ne!(
        status(
            "现将有关情况报告如下。",
            &format!("{guided}现将自查情况报告如下：{body}")
        ),
        Status::Missing
    );
}

#[test]
fn a_figure_for_part_of_a_task_makes_the_item_partial() {
    let report = |sentence: &str| {
        one_item(
            "推进政务公开。主动公开卫生健康领域政府信息，规范办理政府信息公开申请，按时答复率100%",
            sentence,
        )
        .items[0]
            .computed
    };
    // The report counts what the task asks for: part of the item is done.
    assert_eq!(
        report("全年召开专题会议4次。在门户网站主动公开政府信息1260条。"),
        Status::Partial
    );
    // The same words without a count of them are words in passing.
    assert_eq!(
        report("全年召开专题会议4次。门户网站主动公开政府信息栏目改版。"),
        Status::Missing
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

#[test]
fn a_task_the_report_places_in_its_shortcomings_is_not_touched_in_passing() {
    // The item's status from a report whose achievements part is `done` and whose
    // shortcomings part is `shortcoming`.
    let status = |done: &str, shortcoming: &str| {
        let plan = plan::parse_plan_text(
            "2021年工作要点\n（一）严格落实重大行政决策程序，编制年度重大行政决策事项目录并向社会公布。（责任科室：法规科）",
        )
        .unwrap()
        .plan;
        let report = format!(
            "2021年度法治政府建设工作情况的报告\n一、2021年主要举措和成效\n{done}\n二、存在的不足和原因\n{shortcoming}\n"
        );
        let draft = report_text::draft_from_text(&report, 2021).unwrap();
        coverage::compute(&draft, &PlanState::new(plan)).items[0].computed
    };
    let other_list = "编制《卫生健康领域轻微违法行为不予行政处罚事项目录》并向社会公布，对14家首次轻微违法单位不予处罚。";
    let list_not_begun = "一是重大行政决策事项目录编制工作尚未开展。";
    // Another list published touches the task of publishing the decisions' list…
    assert_eq!(
        status(other_list, "一是执法装备配备不足。"),
        Status::Partial
    );
    // …but not when the report itself says that list is not begun.
    assert_eq!(status(other_list, list_not_begun), Status::Missing);
    // The other task, told, is still done.
    assert_eq!(
        status(
            "全年作出重大行政决策2项，均经合法性审查和集体讨论决定。",
            list_not_begun
        ),
        Status::Partial
    );
}

#[test]
fn an_item_the_report_places_in_its_shortcomings_is_not_named_in_passing() {
    let status = |shortcoming: &str| {
        let plan = plan::parse_plan_text(
            "2021年工作要点\n一、总体\n1.加强执法队伍建设。推进执法人员轮岗交流，组织执法人员法律知识培训不少于40学时。（责任科室：法规科）",
        )
        .unwrap()
        .plan;
        let report = format!(
            "2021年度法治政府建设工作情况的报告\n一、2021年主要举措和成效\n全市卫生健康系统加强执法队伍建设，全年办理卫生行政案件2150起，罚没款1991万元。\n二、存在的不足和原因\n{shortcoming}\n"
        );
        let draft = report_text::draft_from_text(&report, 2021).unwrap();
        coverage::compute(&draft, &PlanState::new(plan)).items[0].computed
    };
    // The item's subject named in passing makes it partial…
    assert_eq!(status("一是执法装备配备不足。"), Status::Partial);
    // …unless the report says where it stands: not done.
    assert_eq!(status("一是执法人员轮岗交流推进较慢。"), Status::Missing);
}
