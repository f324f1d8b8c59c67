//! Plan import on the real seeds and on bad input.

use report_core::docx::read::ReadError;
use report_core::plan::{self, PlanError};
use report_core::plan_items::{Comparator, PlanState, Status};
use report_core::report_text;
use report_core::sheet_read::SheetError;

const LINAN_PLAN: &str = include_str!("fixtures/plan-2023-linan-district-health-bureau.txt");
const QINGPU: &str =
    include_str!("fixtures/indicator-table-2023-qingpu-district-health-commission.txt");
const SHANGCHENG: &str = include_str!("fixtures/report-2023-shangcheng-district-health-bureau.txt");

#[test]
fn linan_plan_has_its_twenty_items() {
    let import = plan::parse_plan_text(LINAN_PLAN).unwrap();
    let plan = &import.plan;
    assert_eq!(plan.year, Some(2023));
    assert_eq!(
        plan.title,
        "杭州市临安区卫生健康局2023年法治政府建设工作要点"
    );
    let numbers: Vec<&str> = plan.items.iter().map(|i| i.number.as_str()).collect();
    let expected: Vec<String> = (1..=20).map(|n| n.to_string()).collect();
    assert_eq!(numbers, expected);
    let groups: Vec<&str> = [0, 3, 7, 10, 14, 17]
        .iter()
        .map(|&i| plan.items[i].group.as_str())
        .collect();
    assert_eq!(
        groups,
        [
            "强化法治建设主体责任落实",
            "打造法治化营商环境",
            "依法科学民主决策",
            "加强行政执法规范化建设",
            "依法预防化解矛盾纠纷",
            "夯实法治建设保障"
        ]
    );
    assert_eq!(plan.items[2].group, "强化法治建设主体责任落实");
    let first = &plan.items[0];
    assert_eq!(first.title, "深入学习贯彻落实习近平法治思想");
    assert_eq!(
        first.departments,
        ["局组织人事科", "局法制科", "各医疗卫生健康单位"]
    );
    // A body bracket (党委（党组）) stays in the body.
    assert!(first.body.contains("党委（党组）"));
    // Items broken across lines (and blank lines) are joined without a gap.
    assert!(
        plan.items[8].body.contains("制定主体关，规范发文程序"),
        "{}",
        plan.items[8].body
    );
    assert!(plan.items[1]
        .body
        .contains("院前医疗急救体系，提升全区急救水平"));
    assert!(plan.items[15].body.contains("纠错率、败诉率（低于6%）"));
    assert_eq!(
        plan.items[15].departments,
        ["局法制科", "局相关科室", "区卫生健康行政执法队"]
    );
    assert_eq!(
        plan.items[10].departments,
        ["区卫生健康行政执法队", "局法制科"]
    );
    // The notice before the plan is reported as skipped, with a reason.
    assert!(import
        .skipped
        .iter()
        .any(|s| s.text.contains("临卫发〔2023〕50号") && s.reason.contains("第一个条目之前")));
}

#[test]
fn linan_targets() {
    let plan = plan::parse_plan_text(LINAN_PLAN).unwrap().plan;
    let targets = |n: usize| -> Vec<(String, Comparator, Option<f64>, String)> {
        plan.items[n - 1]
            .targets
            .iter()
            .map(|t| (t.measure.clone(), t.comparator, t.value, t.text.clone()))
            .collect()
    };
    assert_eq!(
        targets(5),
        [(
            "依申请政务服务事项办件无证明率".into(),
            Comparator::AtLeast,
            Some(90.0),
            "90%以上".into()
        )]
    );
    assert_eq!(targets(12).len(), 3);
    assert_eq!(targets(12)[1].2, Some(30.5));
    let t16 = targets(16);
    assert_eq!(t16.len(), 3, "{t16:?}");
    assert_eq!((t16[0].1, t16[0].2), (Comparator::Below, None));
    assert_eq!(
        t16[1],
        (
            "败诉率".into(),
            Comparator::Below,
            Some(6.0),
            "低于6%".into()
        )
    );
    assert_eq!(t16[2].2, Some(100.0));
    assert_eq!(targets(17)[0].3, "全覆盖");
    // “12.4”国家宪法日 is a date, not a target; 宪法宣誓全覆盖 is one.
    assert_eq!(targets(20).len(), 1);
    // “4+X” is not a target either; 100%覆盖 is.
    assert_eq!(targets(10).len(), 1);
    assert!(targets(1).is_empty() && targets(7).is_empty());
}

#[test]
fn qingpu_indicator_table() {
    let import = plan::parse_plan_tsv(QINGPU).unwrap();
    let plan = &import.plan;
    assert_eq!(plan.items.len(), 62);
    assert_eq!(plan.year, Some(2023));
    assert_eq!(plan.items[0].number, "1");
    assert_eq!(plan.items[2].number, "6", "gaps are kept, never renumbered");
    let last: Vec<&str> = plan.items[58..].iter().map(|i| i.number.as_str()).collect();
    assert_eq!(last, ["九-1-1", "九-1-2", "九-2-1", "九-2-2"]);
    let row48 = plan.items.iter().find(|i| i.number == "48").unwrap();
    assert!(
        row48.text().ends_with("人民群众具有较高满意度"),
        "{}",
        row48.text()
    );
    assert_eq!(row48.departments, ["监督所"]);
    let row6 = plan.items.iter().find(|i| i.number == "6").unwrap();
    let texts: Vec<&str> = row6.targets.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(texts, ["不低于90%", "80%以上"]);
    let row65 = plan.items.iter().find(|i| i.number == "65").unwrap();
    assert_eq!(
        (row65.targets[0].value, row65.targets[0].unit.as_str()),
        (Some(40.0), "学时")
    );
    let row91 = plan.items.iter().find(|i| i.number == "91").unwrap();
    assert_eq!(row91.targets[0].comparator, Comparator::AtMost);
    assert!(import.skipped.iter().any(|s| s.text.starts_with("联络员")));
    // The same table found by content when read as bytes.
    assert_eq!(
        plan::parse_plan_bytes(QINGPU.as_bytes(), "table.txt")
            .unwrap()
            .plan,
        *plan
    );
}

#[test]
fn last_years_report_becomes_a_checklist() {
    let draft = report_text::draft_from_text(SHANGCHENG, 2000).unwrap();
    let import = plan::plan_from_report(&draft).unwrap();
    assert_eq!(import.plan.year, Some(2024));
    let titles: Vec<&str> = import.plan.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        ["重视法治制度建设", "树立全新法治思维", "加强法治建设指导"]
    );
    assert_eq!(import.plan.items[0].number, "一是");
    assert!(import.skipped[0].reason.contains("引导语"));
    let mut without = draft.clone();
    without.sections.retain(|s| !s.title.contains("主要安排"));
    assert_eq!(
        plan::plan_from_report(&without),
        Err(PlanError::NoNextYearSection)
    );
}

#[test]
fn fullwidth_mixed_brackets_and_page_debris() {
    let text = "２０２４年工作要点\n一、总体\n１．第一项。内容，\n— 2 —\n接续。【办公室，法制科】\n2、第二项。达到９５％以上。(执法队)\n-3-\n3.第三项。内容。[法制科/办公室]";
    let plan = plan::parse_plan_text(text).unwrap().plan;
    assert_eq!(plan.year, Some(2024));
    assert_eq!(plan.items.len(), 3);
    assert_eq!(plan.items[0].body, "内容，接续");
    assert_eq!(plan.items[0].departments, ["办公室", "法制科"]);
    assert_eq!(plan.items[1].departments, ["执法队"]);
    assert_eq!(plan.items[1].targets[0].value, Some(95.0));
    assert_eq!(plan.items[2].departments, ["法制科", "办公室"]);
}

#[test]
fn items_numbered_with_a_closing_bracket_alone() {
    // `1）` under 一、 groups, as many 工作要点 number their tasks: every item read, none
    // taken as stray text after the one before.
    let text = "2024年全区卫生健康系统法治建设工作要点\n一、深入学习贯彻习近平法治思想\n1）纳入年度学习计划，全年集中学法不少于4次。（责任科室：办公室）\n2）落实领导干部应知应会法律法规清单制度。（责任科室：政策法规科）\n二、推进依法行政\n3) 严格落实重大行政决策程序。（责任科室：政策法规科）";
    let import = plan::parse_plan_text(text).unwrap();
    let items = &import.plan.items;
    let numbers: Vec<&str> = items.iter().map(|i| i.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3"]);
    assert_eq!(items[1].title, "落实领导干部应知应会法律法规清单制度");
    assert_eq!(items[1].group, "深入学习贯彻习近平法治思想");
    assert_eq!(items[2].departments, ["政策法规科"]);
    assert_eq!(
        import.skipped.len(),
        1,
        "only the title: {:?}",
        import.skipped
    );
}

#[test]
fn fields_on_lines_of_their_own_are_the_items_units() {
    // 责任单位 and 完成时限 a line each below the item, as plans laid out field by field
    // write them, or after the item's last sentence: units read, the deadline and the
    // role names kept out of the item's words.
    let text = "2023年法治建设工作要点\n一、加强学习\n1.深入学习贯彻习近平法治思想，全年集中学法不少于4次。\n责任单位：办公室\n完成时限：2023年12月\n2.严格落实重大行政决策程序\n牵头单位：法规科；配合单位：各科室\n3.加强合法性审核。责任科室：法规科；完成时限：长期坚持\n4.明确责任单位：各科室按职责分工落实规范性文件清理";
    let import = plan::parse_plan_text(text).unwrap();
    let items = &import.plan.items;
    assert_eq!(items.len(), 4, "{:?}", import.skipped);
    assert_eq!(items[0].departments, ["办公室"]);
    assert_eq!(
        items[0].title,
        "深入学习贯彻习近平法治思想，全年集中学法不少于4次"
    );
    assert_eq!(items[0].body, "");
    assert_eq!(items[1].title, "严格落实重大行政决策程序");
    assert_eq!(items[1].departments, ["法规科", "各科室"]);
    assert_eq!(items[2].title, "加强合法性审核");
    assert_eq!(items[2].departments, ["法规科"]);
    // A role named in the item's own words is not a field.
    assert!(items[3].departments.is_empty());
    assert_eq!(
        items[3].title,
        "明确责任单位：各科室按职责分工落实规范性文件清理"
    );
    assert_eq!(
        import.skipped.len(),
        1,
        "only the title: {:?}",
        import.skipped
    );
}

#[test]
fn an_item_headed_by_a_line_of_its_own_has_that_line_as_its_title() {
    // A heading line, the tasks, a 目标 line and a field line, item after item; a title,
    // an empty line and the preamble before them.
    let text = "互助土族自治县卫生健康局2022年法治政府建设工作要点\n\n为深入贯彻习近平法治思想，结合我局实际，\n制定本要点。\n\n一、深入学习贯彻习近平法治思想\n\n（一）学习贯彻习近平法治思想\n把习近平法治思想作为局党组理论学习中心组学习的重点内容，开展专题学习研讨。\n目标：全年专题学法不少于4次。\n责任股室：办公室\n\n（二）推进“八五”普法\n落实“谁执法谁普法”普法责任制。\n责任股室：政策法规股";
    let import = plan::parse_plan_text(text).unwrap();
    let plan = &import.plan;
    assert_eq!(
        plan.title,
        "互助土族自治县卫生健康局2022年法治政府建设工作要点"
    );
    let items: Vec<(&str, &str, &[String])> = plan
        .items
        .iter()
        .map(|i| (i.title.as_str(), i.body.as_str(), i.departments.as_slice()))
        .collect();
    assert_eq!(
        items,
        [
            (
                "学习贯彻习近平法治思想",
                "把习近平法治思想作为局党组理论学习中心组学习的重点内容，开展专题学习研讨。目标：全年专题学法不少于4次",
                &["办公室".to_string()][..]
            ),
            (
                "推进“八五”普法",
                "落实“谁执法谁普法”普法责任制",
                &["政策法规股".to_string()][..]
            ),
        ]
    );
    assert_eq!(plan.items[0].targets.len(), 1);
}

#[test]
fn units_in_a_pasted_tasks_column_beside_the_task_are_its_departments() {
    // 工作任务 | 责任单位 pasted from Word: the task with its label, a tab, the units.
    let text = "2024年法治政府建设工作要点\n工作任务\t责任单位\n一、加强党的领导\n1.深入学习贯彻习近平法治思想。（1）纳入年度学习计划；（2）开展专题学习。\t局办公室\n2.压实第一责任人职责。（1）年终述法。\t局办公室、人事科\t2024年12月底前\n3.推进普法。全年开展宣传活动\t不少于10场，覆盖率100%\n4.加强执法队伍建设。全年组织培训。\n\t执法队";
    let plan = plan::parse_plan_text(text).unwrap().plan;
    let units: Vec<&[String]> = plan
        .items
        .iter()
        .map(|i| i.departments.as_slice())
        .collect();
    assert_eq!(
        units,
        [
            &["局办公室".to_string()][..],
            &["局办公室".to_string(), "人事科".to_string()][..],
            &[][..],
            // The task's cell broken over two lines, its units on the second.
            &["执法队".to_string()][..]
        ]
    );
    assert_eq!(plan.items[0].title, "深入学习贯彻习近平法治思想");
    assert_eq!(plan.items[1].body, "（1）年终述法");
    // A cell that is no unit list (a target) stays part of the item's words.
    assert!(plan.items[2].body.contains("不少于10场"));
}

#[test]
fn a_two_column_table_without_its_header_is_a_table() {
    // 序号 | 重点任务 copied without the header row: a bare number, a tab, the task.
    let text = "2023年法治建设工作要点\n1\t深入学习贯彻习近平法治思想，全年集中学法不少于4次。\n2\t严格落实重大行政决策程序。\n3\t加强行政规范性文件合法性审核。";
    let plan = plan::parse_plan_text(text).unwrap().plan;
    let titles: Vec<&str> = plan.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "深入学习贯彻习近平法治思想，全年集中学法不少于4次",
            "严格落实重大行政决策程序",
            "加强行政规范性文件合法性审核"
        ]
    );
    // Word's list numbering (`1.<tab>item`) stays numbered paragraphs, as before.
    let list = plan::parse_plan_text("工作要点\n1.\t深入学习。\n2.\t严格落实程序。").unwrap();
    assert_eq!(list.plan.items.len(), 2);
    // A plan titled by its tasks (重点任务, 任务分解表) is named by that title.
    let tasks =
        plan::parse_plan_text("2025年法治建设重点任务\n1\t深入学习\n2\t严格落实程序").unwrap();
    assert_eq!(tasks.plan.title, "2025年法治建设重点任务");
}

#[test]
fn items_are_what_is_numbered_last() {
    // （一） subgroups over （1） items: the （1） lines are the items.
    let text = "2023年法治建设工作要点\n一、主要任务\n（一）加强学习\n（1）深入学习贯彻习近平法治思想。\n（2）落实应知应会清单。\n（二）规范执法\n（3）推行三项制度。";
    let plan = plan::parse_plan_text(text).unwrap().plan;
    let titles: Vec<(&str, &str)> = plan
        .items
        .iter()
        .map(|i| (i.group.as_str(), i.title.as_str()))
        .collect();
    assert_eq!(
        titles,
        [
            ("加强学习", "深入学习贯彻习近平法治思想"),
            ("加强学习", "落实应知应会清单"),
            ("规范执法", "推行三项制度")
        ]
    );
    // A subgroup with nothing numbered under it is a task of its own, not lost.
    let text = "2023年法治建设工作要点\n一、加强学习\n（一）深入学习。\n1.全年集中学法不少于4次。\n2.落实应知应会清单。\n二、规范执法\n（二）推行三项制度。（责任科室：法规科）\n（三）规范执法证件管理。\n1.开展执法证件年审。";
    let plan = plan::parse_plan_text(text).unwrap().plan;
    let items: Vec<(&str, &str, &str)> = plan
        .items
        .iter()
        .map(|i| (i.number.as_str(), i.group.as_str(), i.title.as_str()))
        .collect();
    assert_eq!(
        items,
        [
            ("1", "深入学习", "全年集中学法不少于4次"),
            ("2", "深入学习", "落实应知应会清单"),
            ("（二）", "规范执法", "推行三项制度"),
            ("1", "规范执法证件管理", "开展执法证件年审")
        ]
    );
    assert_eq!(plan.items[2].departments, ["法规科"]);
    // 1. tasks with （1） points of their own: the 1. lines are the items.
    let text = "2023年法治建设工作要点\n1.深入学习。\n（1）集中学法4次。\n（2）落实清单。\n2.严格落实重大行政决策程序。\n（1）编制目录。";
    let plan = plan::parse_plan_text(text).unwrap().plan;
    assert_eq!(plan.items.len(), 2);
    assert_eq!(plan.items[0].body, "（1）集中学法4次。（2）落实清单");
    // （一） items, one of them with points of its own: still the （一） lines.
    let text = "2023年法治建设工作要点\n（一）深入学习贯彻习近平法治思想。\n（1）集中学法4次。\n（2）落实清单。\n（二）严格落实重大行政决策程序。\n（三）推行三项制度。";
    let plan = plan::parse_plan_text(text).unwrap().plan;
    assert_eq!(plan.items.len(), 3);
    assert_eq!(plan.items[0].body, "（1）集中学法4次。（2）落实清单");
}

#[test]
fn bad_input_gives_chinese_errors() {
    assert_eq!(plan::parse_plan_text(""), Err(PlanError::Empty));
    assert_eq!(plan::parse_plan_text(" \n\t\n"), Err(PlanError::Empty));
    assert_eq!(
        plan::parse_plan_text("只有一段说明，没有编号。"),
        Err(PlanError::NoItems)
    );
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    assert_eq!(
        plan::parse_plan_bytes(&garbage, "plan.txt"),
        Err(PlanError::Binary)
    );
    let err = plan::parse_plan_bytes(b"PK\x03\x04not really a zip", "plan.docx").unwrap_err();
    assert!(err.to_string().contains("Word"), "{err}");
    // A .doc, .wps or .xls (an OLE compound file) is named as such, whatever its name.
    let legacy: Vec<u8> = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        .into_iter()
        .chain(garbage.iter().copied())
        .collect();
    for name in ["要点.doc", "要点.xls", "要点.xlsx", "要点.txt"] {
        assert_eq!(
            plan::parse_plan_bytes(&legacy, name),
            Err(PlanError::Docx(ReadError::LegacyOffice)),
            "{name}"
        );
    }
    let too_big = "1.事项。".repeat(5 * 1024 * 1024 / 9 + 1);
    assert!(matches!(
        plan::parse_plan_text(&too_big),
        Err(PlanError::TooLarge(_))
    ));
    for err in [
        PlanError::Empty,
        PlanError::NoItems,
        PlanError::Binary,
        PlanError::TooLarge(1),
    ] {
        assert!(err
            .to_string()
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
    }
}

#[test]
fn a_workbook_without_a_readable_worksheet_is_refused_in_excel_terms() {
    let no_sheets = zip_of(&[("xl/workbook.xml", "<workbook/>")]);
    let err = plan::parse_plan_bytes(&no_sheets, "plan.xlsx").unwrap_err();
    assert_eq!(err, PlanError::Sheet(SheetError::NoWorksheet));
    assert!(err.to_string().contains("Excel"), "{err}");
    let empty = workbook(r#"<row r="3"><c r="B3" s="1"/></row>"#, "<sst/>");
    let err = plan::parse_plan_bytes(&empty, "plan.xlsx").unwrap_err();
    assert_eq!(
        err,
        PlanError::Sheet(SheetError::EmptySheet("任务分解".into()))
    );
    let err = plan::parse_plan_bytes(b"not a zip", "plan.xlsx").unwrap_err();
    assert_eq!(err, PlanError::Sheet(SheetError::NotZip));
    let docx_named_xlsx = zip_of(&[("word/document.xml", "<w:document/>")]);
    let err = plan::parse_plan_bytes(&docx_named_xlsx, "plan.xlsx").unwrap_err();
    assert_eq!(err, PlanError::Sheet(SheetError::NotWorkbook));
}

#[test]
fn a_plan_kept_in_excel_reads_as_its_table() {
    // Row 1 a merged title, row 2 the header, group rows merged across the table, the
    // 序号 numbers, 完成时限 a date (45657 in a date format) or text; strings shared,
    // rich or inline, as Excel and WPS write them.
    let rows = [
        r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"/><c r="E1" s="2"/></row>"#,
        r#"<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="s"><v>3</v></c><c r="D2" t="s"><v>4</v></c><c r="E2" t="s"><v>5</v></c></row>"#,
        r#"<row r="3"><c r="A3" t="s"><v>6</v></c><c r="B3" s="2"/><c r="C3" s="2"/></row>"#,
        r#"<row r="4"><c r="A4"><v>1</v></c><c r="B4" t="s"><v>7</v></c><c r="C4" t="s"><v>8</v></c><c r="D4" t="s"><v>9</v></c><c r="E4" s="1"><v>45657</v></c></row>"#,
        r#"<row r="5"><c r="A5"><v>2</v></c><c r="B5" t="inlineStr"><is><t>落实党政主要负责人履行推进法治建设第一责任人职责</t></is></c><c r="C5" t="s"><v>9</v></c><c r="E5" t="inlineStr"><is><t>2024年12月底前</t></is></c></row>"#,
        r#"<row r="7"><c r="A7" t="s"><v>10</v></c></row>"#,
        r#"<row r="8"><c r="A8"><v>3</v></c><c r="B8" t="s"><v>11</v></c><c r="C8" t="s"><v>12</v></c><c r="E8" t="s"><v>13</v></c></row>"#,
    ];
    let strings = [
        "2024年法治政府建设工作要点任务分解表",
        "序号",
        "工作任务",
        "责任单位",
        "配合单位",
        "完成时限",
        "一、深入学习贯彻习近平法治思想",
        "组织开展习近平法治思想专题学习。列入党委（党组）理论学习中心组学习内容。",
        "办公室",
        "法制科",
        "二、持续优化法治化营商环境",
        "<r><rPr><b/></rPr><t>深化“放管服”改革。</t></r><r><t xml:space=\"preserve\">推行“一件事”</t></r><r><t>集成办理。</t></r>",
        "审批科、执法队",
        "长期坚持",
    ];
    let sst: String = strings
        .iter()
        .map(|s| match s.starts_with("<r>") {
            true => format!("<si>{s}</si>"),
            false => format!("<si><t>{s}</t></si>"),
        })
        .collect();
    let bytes = workbook(&rows.concat(), &format!("<sst>{sst}</sst>"));
    let import = plan::parse_plan_bytes(&bytes, "工作要点.xlsx").unwrap();
    let plan = &import.plan;
    assert_eq!(plan.title, "2024年法治政府建设工作要点任务分解表");
    assert_eq!(plan.year, Some(2024));
    let items: Vec<(&str, &str, &str, Vec<&str>)> = plan
        .items
        .iter()
        .map(|i| {
            let departments = i.departments.iter().map(String::as_str).collect();
            (
                i.number.as_str(),
                i.group.as_str(),
                i.title.as_str(),
                departments,
            )
        })
        .collect();
    assert_eq!(
        items,
        [
            (
                "1",
                "深入学习贯彻习近平法治思想",
                "组织开展习近平法治思想专题学习",
                vec!["办公室"]
            ),
            (
                "2",
                "深入学习贯彻习近平法治思想",
                "落实党政主要负责人履行推进法治建设第一责任人职责",
                vec!["法制科"]
            ),
            (
                "3",
                "持续优化法治化营商环境",
                "深化“放管服”改革",
                vec!["审批科", "执法队"]
            ),
        ]
    );
    assert!(plan.items[2].body.contains("推行“一件事”集成办理"));
    // The same workbook under another name is known by its content; Excel rows are the
    // lines the skipped ones are counted by.
    let by_content = plan::parse_plan_bytes(&bytes, "upload").unwrap();
    assert_eq!(by_content, import);
    let header = import.skipped.iter().find(|s| s.reason == "表头").unwrap();
    assert_eq!(header.line, 2);
}

#[test]
fn a_sheet_of_one_column_reads_as_numbered_paragraphs() {
    let cell = |r: usize, text: &str| {
        format!(r#"<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{text}</t></is></c></row>"#)
    };
    let rows = [
        cell(1, "2024年法治政府建设工作要点"),
        cell(2, "一、深入学习贯彻习近平法治思想"),
        cell(
            3,
            "1.组织开展专题学习。列入理论学习中心组学习内容。（办公室）",
        ),
        cell(4, "2.落实第一责任人职责。（法制科、执法队）"),
    ];
    let import = plan::parse_plan_bytes(&workbook(&rows.concat(), "<sst/>"), "要点.xlsx").unwrap();
    let items: Vec<(&str, &str, &[String])> = import
        .plan
        .items
        .iter()
        .map(|i| {
            (
                i.number.as_str(),
                i.title.as_str(),
                i.departments.as_slice(),
            )
        })
        .collect();
    assert_eq!(
        items,
        [
            ("1", "组织开展专题学习", &["办公室".to_string()][..]),
            (
                "2",
                "落实第一责任人职责",
                &["法制科".to_string(), "执法队".to_string()][..]
            ),
        ]
    );
    assert_eq!(import.plan.items[0].group, "深入学习贯彻习近平法治思想");
}

/// A zip of `parts` (name, XML), deflated as Excel saves it.
fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, xml) in parts {
        zip.start_file(*name, options).unwrap();
        std::io::Write::write_all(&mut zip, xml.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// An .xlsx whose first visible sheet, 任务分解, has `rows` (a hidden sheet before it
/// has other rows); cell format 1 is a date (yyyy年m月d日).
fn workbook(rows: &str, shared_strings: &str) -> Vec<u8> {
    const NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let sheet = |rows: &str| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData><mergeCells count="1"><mergeCell ref="A1:E1"/></mergeCells></worksheet>"#
        )
    };
    let workbook = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{NS}"><workbookPr/><sheets><sheet name="旧版" sheetId="2" state="hidden" r:id="rId2"/><sheet name="任务分解" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    );
    let relationships = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{NS}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="{NS}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="{NS}/styles" Target="styles.xml"/></Relationships>"#
    );
    let styles = r#"<styleSheet><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="0"><alignment horizontal="center"/></xf></cellXfs></styleSheet>"#;
    zip_of(&[
        ("[Content_Types].xml", "<Types/>"),
        ("xl/workbook.xml", &workbook),
        ("xl/_rels/workbook.xml.rels", &relationships),
        ("xl/worksheets/sheet1.xml", &sheet(rows)),
        (
            "xl/worksheets/sheet2.xml",
            &sheet(r#"<row r="1"><c r="A1" t="inlineStr"><is><t>作废</t></is></c></row>"#),
        ),
        ("xl/sharedStrings.xml", shared_strings),
        ("xl/styles.xml", styles),
    ])
}

#[test]
fn two_thousand_items_and_a_near_limit_paste() {
    // Twenty groups of 100: numbering restarts under each 一、 heading, which plans do
    // too, and keeps labels within the 1–3 digits the label parser accepts.
    let mut text = String::from("2023年工作要点\n");
    for group in 1..=20 {
        text.push_str(&format!(
            "{}、第{group}组\n",
            report_core::labels::chinese_numeral(group)
        ));
        for n in 1..=100 {
            text.push_str(&format!(
                "{n}. 第{group}组第{n}项任务标题。正文说明，达到{n}%以上。（科室{}、办公室）\n",
                n % 7
            ));
        }
    }
    let start = std::time::Instant::now();
    let plan = plan::parse_plan_text(&text).unwrap().plan;
    assert_eq!(plan.items.len(), 2000);
    assert_eq!(plan.items[1999].number, "100");
    assert_eq!(plan.items[1999].group, "第20组");
    assert_eq!(plan.items[1999].targets[0].value, Some(100.0));
    // Just under the limit: about 4.9 MB of items parses in bounded time.
    let big = text.repeat(4_900_000 / text.len());
    assert!(big.len() < 5 * 1024 * 1024);
    let items = plan::parse_plan_text(&big).unwrap().plan.items.len();
    assert!(items >= 2000, "{items}");
    assert!(start.elapsed().as_secs() < 60);
}

#[test]
fn next_year_sections_with_headings_or_in_an_older_outline() {
    let text = "关于2023年度法治政府建设工作情况的报告\n一、2023年主要工作及成效\n全年办理案件12起。\n四、2024年推进法治政府建设的主要安排\n（一）加强制度建设。修订行政执法公示办法。\n（二）提升执法效能。案件办结率达到98%以上。";
    let draft = report_text::draft_from_text(text, 2000).unwrap();
    let plan = plan::plan_from_report(&draft).unwrap().plan;
    let items: Vec<(&str, &str, &str)> = plan
        .items
        .iter()
        .map(|i| (i.number.as_str(), i.title.as_str(), i.body.as_str()))
        .collect();
    assert_eq!(
        items,
        [
            ("1", "加强制度建设", "修订行政执法公示办法。"),
            ("2", "提升执法效能", "案件办结率达到98%以上。")
        ]
    );
    assert_eq!(plan.items[1].targets[0].value, Some(98.0));

    let hangzhou = include_str!("fixtures/report-2018-hangzhou-city-health-commission.txt");
    let draft = report_text::draft_from_text(hangzhou, 2000).unwrap();
    let import = plan::plan_from_report(&draft).unwrap();
    assert_eq!(import.plan.year, Some(2019));
    assert!(
        import.plan.title.contains("下一步主要工作思路"),
        "{}",
        import.plan.title
    );
    // Its (一)…(七) are the plans; the 一是…三是 on problems before them are not.
    let titles: Vec<&str> = import.plan.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles.len(), 7, "{titles:?}");
    assert_eq!(titles[0], "建立健全法治工作制度");
    assert_eq!(titles[6], "积极推进卫生计生领域“信用杭州”建设工作");
}

/// A cheap deterministic fuzz: prefixes of the seeds and characters swapped for the
/// ones the parsers look at never make import or coverage panic.
#[test]
fn mangled_seeds_never_panic() {
    let specials = [
        '（', '）', '(', ')', '。', '\t', '\n', '1', '.', '、', '%', '《', '》', '一', '是',
    ];
    for seed in [LINAN_PLAN, QINGPU, SHANGCHENG] {
        let chars: Vec<char> = seed.chars().collect();
        let mut texts: Vec<String> = (0..chars.len())
            .step_by(211)
            .map(|end| chars[..end].iter().collect())
            .collect();
        for (k, special) in specials.iter().enumerate() {
            let mut mangled = chars.clone();
            for i in (k..mangled.len()).step_by(13 + k) {
                mangled[i] = *special;
            }
            texts.push(mangled.into_iter().collect());
        }
        for text in &texts {
            let plan = plan::parse_plan_text(text).or_else(|_| plan::parse_plan_tsv(text));
            let draft = report_text::draft_from_text(text, 2023);
            if let (Ok(import), Ok(draft)) = (plan, draft) {
                let _ = plan::plan_from_report(&draft);
                let state = PlanState::new(import.plan);
                let _ = report_core::coverage::compute(&draft, &state);
            }
        }
    }
}

#[test]
fn an_item_corrected_by_hand_keeps_its_decision_and_rereads_targets() {
    let import = plan::parse_plan_text(
        "1.深化“放管服”改革。无证明率达到90%以上。（局办公室、法制科）\n2.推进合法性审查。（法制科）",
    )
    .unwrap();
    let mut state = PlanState::new(import.plan);
    state
        .decision_mut(0)
        .unwrap()
        .set_status(Some(Status::NotApplicable), "本级无此职能".into());
    assert!(state.edit_item(
        0,
        "深化“放管服”改革，办结率100%".into(),
        vec!["政务服务科".into()]
    ));
    let item = &state.plan.items[0];
    assert_eq!(item.departments, ["政务服务科"]);
    assert!(
        item.targets.iter().any(|t| t.value == Some(100.0)),
        "{:?}",
        item.targets
    );
    let decision = state.decision(item).expect("the decision follows the item");
    assert_eq!(decision.status, Some(Status::NotApplicable));
    assert!(state.decision(&state.plan.items[1]).is_none());
    assert!(!state.edit_item(5, "不存在".into(), Vec::new()));
}

#[cfg(feature = "gbk")]
#[test]
fn a_plan_saved_as_gbk_reads_like_the_utf8_one() {
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(LINAN_PLAN);
    assert!(
        !unmappable && std::str::from_utf8(&gbk).is_err(),
        "really GBK"
    );
    let from_gbk = plan::parse_plan_bytes(&gbk, "工作要点.txt").unwrap();
    let from_utf8 = plan::parse_plan_bytes(LINAN_PLAN.as_bytes(), "工作要点.txt").unwrap();
    assert_eq!(from_gbk, from_utf8);
    assert_eq!(from_gbk.plan.items.len(), 20);
}

#[test]
fn item_1000_after_a_multibyte_separator_is_refused_not_panicked_on() {
    for text in [
        "999.加强法治建设。\n1000、其他工作。\n",
        "999.加强法治建设。\n1000、\n",
    ] {
        assert!(
            matches!(
                report_core::plan::parse_plan_text(text),
                Err(report_core::plan::PlanError::TooManyItems(2))
            ),
            "{text:?}"
        );
    }
}

#[test]
fn items_numbered_again_in_every_group_get_unique_numbers() {
    let restarting = "2024年法治政府建设工作要点\n一、依法决策\n（一）严格合法性审查。\n（二）加强规范性文件管理。\n二、严格执法\n（一）落实三项制度。\n（二）开展案卷评查。\n（三）推行包容审慎监管。";
    let plan = plan::parse_plan_text(restarting).unwrap().plan;
    let numbers: Vec<&str> = plan.items.iter().map(|i| i.number.as_str()).collect();
    assert_eq!(
        numbers,
        ["一（一）", "一（二）", "二（一）", "二（二）", "二（三）"]
    );
    assert_eq!(plan.items[2].title, "落实三项制度");
    // Numbers that run on across groups are unique already and stay as written.
    let continuous = "一、依法决策\n（一）严格合法性审查。\n二、严格执法\n（二）落实三项制度。";
    let numbers: Vec<String> = plan::parse_plan_text(continuous)
        .unwrap()
        .plan
        .items
        .into_iter()
        .map(|i| i.number)
        .collect();
    assert_eq!(numbers, ["1", "2"]);
}

#[test]
fn target_names_start_where_a_word_starts() {
    let measure = |text: &str| {
        let targets = report_core::plan_items::extract_targets(text);
        assert_eq!(targets.len(), 1, "{text}: {targets:?}");
        targets[0].measure.clone()
    };
    // A long run is cut after a linking character, never mid-word.
    assert_eq!(
        measure("涉及市场主体经济活动的政策措施出台前公平竞争审查率100%"),
        "政策措施出台前公平竞争审查率"
    );
    // Without one the name stays whole, however long.
    assert_eq!(
        measure("许可事项承诺办理时限在法定时限基础上压缩50%以上"),
        "许可事项承诺办理时限在法定时限基础上压缩"
    );
    assert_eq!(
        measure("全市二级以上医疗机构医疗责任保险参保率100%"),
        "全市二级以上医疗机构医疗责任保险参保率"
    );
    // A short run is the name as it was.
    assert_eq!(
        measure("行政机关负责人出庭应诉率100%"),
        "行政机关负责人出庭应诉率"
    );
    // A cut leaves a name, not a stub of it.
    assert_eq!(
        measure("加强医疗机构依法执业监管和公立医院法律顾问配备率100%"),
        "公立医院法律顾问配备率"
    );
}

/// A 工作要点 kept as a Word table (序号 | 重点任务 | 责任单位 | 完成时限) and pasted:
/// one line of tab-separated cells per row, group rows spanning the table.
const WORD_TABLE_ROWS: &str = "一、深入学习贯彻习近平法治思想\n\
1\t认真落实党政主要负责人履行推进法治建设第一责任人职责。年底前完成述法。\t办公室、法规处\t2023年12月\n\
2\t开展法治专题学习，全年不少于4次。\t法规处\t全年\n\
一、\t推进严格规范公正文明执法\n\
3\t全面推行行政执法三项制度，\t执法队；办公室\t长期坚持\n\
\t重大执法决定法制审核率100%。\t\t\n";

fn word_table_items(text: &str) -> Vec<(String, String, String, String, Vec<String>)> {
    plan::parse_plan_text(text)
        .unwrap()
        .plan
        .items
        .into_iter()
        .map(|i| (i.number, i.group, i.title, i.body, i.departments))
        .collect()
}

#[test]
fn a_plan_pasted_from_a_word_table_has_one_item_per_row() {
    let with_header = format!(
        "2023年法治政府建设工作要点\n序号\t重点任务\t责任单位\t完成时限\n{WORD_TABLE_ROWS}"
    );
    let import = plan::parse_plan_text(&with_header).unwrap();
    assert_eq!(import.plan.title, "2023年法治政府建设工作要点");
    assert_eq!(import.plan.year, Some(2023));
    assert!(import
        .skipped
        .iter()
        .any(|s| s.reason == "表头" && s.text.starts_with("序号")));
    let items = word_table_items(&with_header);
    let text = |s: &str| s.to_string();
    assert_eq!(
        items,
        [
            (
                text("1"),
                text("深入学习贯彻习近平法治思想"),
                text("认真落实党政主要负责人履行推进法治建设第一责任人职责"),
                text("年底前完成述法"),
                vec![text("办公室"), text("法规处")]
            ),
            (
                text("2"),
                text("深入学习贯彻习近平法治思想"),
                text("开展法治专题学习，全年不少于4次"),
                String::new(),
                vec![text("法规处")]
            ),
            (
                text("3"),
                text("推进严格规范公正文明执法"),
                text("全面推行行政执法三项制度，重大执法决定法制审核率100%"),
                String::new(),
                vec![text("执法队"), text("办公室")]
            ),
        ],
        "the continuation row joins item 3; the 完成时限 cell is in no item"
    );
    let plan = plan::parse_plan_text(&with_header).unwrap().plan;
    assert_eq!(plan.items[2].targets[0].value, Some(100.0));
    // Without the header row the cells are read the same way; as a file too.
    assert_eq!(word_table_items(WORD_TABLE_ROWS), items);
    assert_eq!(
        plan::parse_plan_bytes(with_header.as_bytes(), "工作要点.txt")
            .unwrap()
            .plan,
        plan
    );
}

#[test]
fn word_table_numbers_may_be_full_width_or_end_in_a_point() {
    let plain = word_table_items(WORD_TABLE_ROWS);
    for (from, to) in [("1\t", "１\t"), ("2\t", "2.\t"), ("3\t", "３、\t")] {
        let variant = WORD_TABLE_ROWS.replacen(from, to, 1);
        assert_ne!(variant, WORD_TABLE_ROWS);
        assert_eq!(word_table_items(&variant), plain, "{to:?}");
    }
    // A deadline before the departments is still no department.
    let swapped = "1\t推进合法性审查。\t2023年6月底前\t法规处\n";
    assert_eq!(word_table_items(swapped)[0].4, ["法规处"]);
}

#[test]
fn a_huge_pasted_table_parses_in_bounded_time() {
    let mut text = String::from("序号\t重点任务\t责任单位\t完成时限\n");
    for n in 1..=10_000 {
        text.push_str(&format!("{n}\t第{n}项任务。\t办公室、法规处\t2023年12月\n"));
    }
    text.push_str(&format!("10001\t{}\t法规处\t全年\n", "法".repeat(350_000)));
    assert!(text.len() > 1_000_000 && text.len() < 5 * 1024 * 1024);
    let start = std::time::Instant::now();
    let plan = plan::parse_plan_text(&text).unwrap().plan;
    assert_eq!(plan.items.len(), 10_001);
    assert_eq!(plan.items[9_999].number, "10000");
    assert_eq!(plan.items[10_000].title.chars().count(), 350_000);
    // Headerless, the same rows: a lone 1 MB line after them does not panic either.
    let headerless = text.split_once('\n').unwrap().1.to_string() + &"\t".repeat(1 << 20);
    assert_eq!(
        plan::parse_plan_text(&headerless).unwrap().plan.items.len(),
        10_001
    );
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}

#[test]
fn word_list_numbering_is_still_read_as_numbered_items() {
    // Word's automatic numbering pastes as `1.<tab>`: one tab, no table.
    let list = "一、\t依法决策\n1.\t严格合法性审查，\n落实集体讨论。（法规处）\n2.\t加强规范性文件管理。（办公室）";
    let items = word_table_items(list);
    assert_eq!(items.len(), 2);
    assert!(items[0].2.ends_with("落实集体讨论"), "{:?}", items[0]);
    assert_eq!(items[1].4, ["办公室"]);
}

#[test]
fn a_group_row_may_hold_its_numeral_in_the_number_cell() {
    let rows = WORD_TABLE_ROWS
        .replace("一、深入学习", "一\t深入学习")
        .replace("一、\t推进", "二\t推进");
    assert_eq!(word_table_items(&rows), word_table_items(WORD_TABLE_ROWS));
    // Items numbered 一、二 themselves stay items, numbered 1, 2 as the same plan's
    // paragraphs 一、… 二、… are.
    for rows in [
        "一\t深入学习贯彻习近平法治思想。\t\t\n二\t推进严格执法。\t\t\n",
        // With their 、 and no department or deadline given.
        "一、\t深入学习贯彻习近平法治思想。\t\t\n二、\t推进严格执法。\t\t\n",
    ] {
        let items = word_table_items(rows);
        let numbers: Vec<&str> = items.iter().map(|i| i.0.as_str()).collect();
        assert_eq!(numbers, ["1", "2"], "{rows:?}");
    }
}

/// A .docx holding `paragraphs` and then `table`, if any, as docx-rs writes them.
fn docx_of(paragraphs: &[&str], table: Option<docx_rs::Table>) -> Vec<u8> {
    let mut docx = paragraphs.iter().fold(docx_rs::Docx::new(), |docx, text| {
        docx.add_paragraph(docx_rs::Paragraph::new().add_run(docx_rs::Run::new().add_text(*text)))
    });
    if let Some(table) = table {
        docx = docx.add_table(table);
    }
    let mut stored = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut stored).unwrap();
    // Deflated, as Word saves it: docx-rs stores a 10 000-row table over the size limit.
    let mut stored = zip::ZipArchive::new(stored).unwrap();
    let mut deflated = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..stored.len() {
        let mut part = stored.by_index(i).unwrap();
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        deflated
            .start_file(part.name().to_string(), options)
            .unwrap();
        std::io::copy(&mut part, &mut deflated).unwrap();
    }
    deflated.finish().unwrap().into_inner()
}

/// A Word table cell holding one paragraph per sentence of `text`.
fn word_cell(text: &str) -> docx_rs::TableCell {
    text.split_inclusive('。')
        .fold(docx_rs::TableCell::new(), |cell, sentence| {
            cell.add_paragraph(
                docx_rs::Paragraph::new().add_run(docx_rs::Run::new().add_text(sentence)),
            )
        })
}

/// The rows of a four-column Word table as pasted (one line of tab-separated cells
/// each) made a Word table again: a row of fewer cells has its last one span the rest.
fn word_table(rows: &str) -> docx_rs::Table {
    docx_rs::Table::new(
        rows.lines()
            .map(|line| {
                let texts: Vec<&str> = line.split('\t').collect();
                let mut cells: Vec<docx_rs::TableCell> =
                    texts.iter().map(|text| word_cell(text)).collect();
                if let Some(last) = cells.pop() {
                    cells.push(last.grid_span(4 - texts.len() + 1));
                }
                docx_rs::TableRow::new(cells)
            })
            .collect(),
    )
}

#[test]
fn a_docx_plan_kept_as_a_word_table_reads_like_the_pasted_one() {
    let header = "序号\t重点任务\t责任单位\t完成时限\n";
    let title = "2023年法治政府建设工作要点";
    let docx = docx_of(
        &[title],
        Some(word_table(&format!("{header}{WORD_TABLE_ROWS}"))),
    );
    let pasted = format!("{title}\n{header}{WORD_TABLE_ROWS}");
    let plan = plan::parse_plan_docx(&docx).unwrap().plan;
    assert_eq!(plan.title, title);
    let items: Vec<_> = plan
        .items
        .into_iter()
        .map(|i| (i.number, i.group, i.title, i.body, i.departments))
        .collect();
    assert_eq!(items, word_table_items(&pasted));
    // The report import still reads the same file a cell paragraph to a line.
    let paragraphs = report_core::docx::read::paragraphs(&docx).unwrap();
    assert!(paragraphs.contains(&"年底前完成述法。".to_string()));
    assert!(paragraphs.contains(&"序号".to_string()));
    // A plan without a table reads as its text does.
    let no_table = docx_of(&LINAN_PLAN.lines().collect::<Vec<_>>(), None);
    assert_eq!(
        plan::parse_plan_docx(&no_table).unwrap(),
        plan::parse_plan_text(LINAN_PLAN).unwrap()
    );
}

#[test]
fn a_docx_table_of_ten_thousand_rows_or_nested_tables_is_bounded() {
    let rows: String = (1..=10_000)
        .map(|n| format!("{n}\t第{n}项任务。\t办公室、法规处\t2023年12月\n"))
        .collect();
    let docx = docx_of(&[], Some(word_table(&rows)));
    let start = std::time::Instant::now();
    let plan = plan::parse_plan_docx(&docx).unwrap().plan;
    assert_eq!(plan.items.len(), 10_000);
    assert_eq!(plan.items[9_999].departments, ["办公室", "法规处"]);
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
    // A table in a cell gives its text to that cell: its rows make no lines of their own.
    let inner = word_table("甲\t乙\n丙\t丁");
    let outer = docx_rs::Table::new(vec![docx_rs::TableRow::new(vec![
        word_cell("1"),
        word_cell("推进合法性审查。").add_table(inner),
        word_cell("法规处"),
    ])]);
    let item = &plan::parse_plan_docx(&docx_of(&[], Some(outer)))
        .unwrap()
        .plan
        .items[0];
    assert_eq!(
        (
            item.number.as_str(),
            item.title.as_str(),
            item.body.as_str()
        ),
        ("1", "推进合法性审查", "甲乙丙丁")
    );
    assert_eq!(item.departments, ["法规处"]);
}

#[test]
fn a_numbered_docx_plan_with_a_small_table_stays_numbered_paragraphs() {
    let table = word_table("序号\t指标\t目标值\n1\t公立医院法律顾问配备率\t100%");
    let docx = docx_of(&LINAN_PLAN.lines().collect::<Vec<_>>(), Some(table));
    let import = plan::parse_plan_docx(&docx).unwrap();
    assert_eq!(
        import.plan.items,
        plan::parse_plan_text(LINAN_PLAN).unwrap().plan.items
    );
    let skipped: Vec<&str> = import.skipped.iter().map(|s| s.text.as_str()).collect();
    assert!(skipped.ends_with(&["序号指标目标值", "1公立医院法律顾问配备率100%"]));
}

#[test]
fn role_labels_and_deadlines_in_a_department_list_are_not_units() {
    let import = plan::parse_plan_text(
        "2024年工作要点\n\
         1.推进严格规范公正文明执法。（牵头处室：办公室；配合：综合监督执法队、医政科）\n\
         2.开展行政执法案卷评查。（责任科室：法规科，完成时限：2024年12月底前）\n\
         3.落实公平竞争审查制度。（法规科，2024年6月底前）\n\
         4.推进医养结合。（老年健康科）\n",
    )
    .unwrap();
    let departments: Vec<Vec<String>> = import
        .plan
        .items
        .iter()
        .map(|i| i.departments.clone())
        .collect();
    assert_eq!(
        departments,
        [
            vec!["办公室", "综合监督执法队", "医政科"],
            vec!["法规科"],
            vec!["法规科"],
            vec!["老年健康科"],
        ]
    );
    assert_eq!(import.plan.items[1].title, "开展行政执法案卷评查");
}

#[test]
fn a_plan_numbered_only_with_bracketed_digits_has_its_items() {
    let flat = plan::parse_plan_text(
        "某县卫生健康局2025年法治政府建设工作要点\n\
         （1）深入学习贯彻习近平法治思想。\n\
         （2）落实党政主要负责人述法制度。\n\
         （3）全面推行证明事项告知承诺制。\n",
    )
    .unwrap();
    let numbers: Vec<&str> = flat.plan.items.iter().map(|i| i.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3"]);
    assert_eq!(flat.plan.items[2].title, "全面推行证明事项告知承诺制");

    let grouped = plan::parse_plan_text(
        "一、加强学法\n（1）中心组学法。\n（2）会前学法。\n\
         二、严格执法\n（1）落实三项制度。\n",
    )
    .unwrap();
    let numbers: Vec<(&str, &str)> = grouped
        .plan
        .items
        .iter()
        .map(|i| (i.number.as_str(), i.group.as_str()))
        .collect();
    assert_eq!(
        numbers,
        [
            ("一（1）", "加强学法"),
            ("一（2）", "加强学法"),
            ("二（1）", "严格执法")
        ]
    );
}

#[test]
fn a_unit_with_a_year_in_its_name_is_no_deadline_in_a_headerless_table() {
    let import = plan::parse_plan_text(
        "1\t推进医养结合服务\t老年健康科\t2024年12月底前\n2\t开展案卷评查\t法规科\t全年\n",
    )
    .unwrap();
    let departments: Vec<Vec<String>> = import
        .plan
        .items
        .iter()
        .map(|i| i.departments.clone())
        .collect();
    assert_eq!(departments, [vec!["老年健康科"], vec!["法规科"]]);
}

/// A 责任单位 cell with one unit a line (Alt+Enter in Excel, a paragraph each in a Word
/// cell) or a unit on the row below lists several units; spaces that fill a cell
/// (`办 公 室`) or set off a role (`审批科 （牵头）`) do not.
#[test]
fn units_on_lines_of_their_own_in_a_cell_are_several() {
    let table = "序号\t工作任务\t责任单位\n\
                 1\t推进“一网通办”\t审批科 执法队\n\
                 2\t规范行政执法\t办 公 室\n\
                 \t\t医政科\n\
                 3\t加强法律顾问工作\t法规科 （牵头）\n";
    let plan = plan::parse_plan_text(table).unwrap().plan;
    let units: Vec<Vec<String>> = plan.items.iter().map(|i| i.departments.clone()).collect();
    assert_eq!(
        units,
        [
            vec!["审批科".to_string(), "执法队".to_string()],
            vec!["办公室".to_string(), "医政科".to_string()],
            vec!["法规科（牵头）".to_string()],
        ]
    );
}

/// Each item's number, group and title.
fn numbered_items(import: &plan::PlanImport) -> Vec<(&str, &str, &str)> {
    import
        .plan
        .items
        .iter()
        .map(|i| (i.number.as_str(), i.group.as_str(), i.title.as_str()))
        .collect()
}

const CIRCLED_PLAN: &str = "某区卫生健康局2024年法治政府建设工作要点\n\n\
    一、深入学习贯彻习近平法治思想\n\
    ①将习近平法治思想纳入党组理论学习中心组学习内容，全年专题学习不少于4次。\n\
    ②组织全体干部参加法治理论培训，参训率100%。\n\
    二、健全依法决策机制\n\
    ①严格落实重大行政决策程序，重大决策合法性审查率100%。\n\
    ②完善法律顾问制度，发挥法律顾问作用。";

#[test]
fn items_numbered_with_circled_digits_under_groups() {
    let import = plan::parse_plan_text(CIRCLED_PLAN).unwrap();
    assert_eq!(
        numbered_items(&import),
        [
            (
                "一①",
                "深入学习贯彻习近平法治思想",
                "将习近平法治思想纳入党组理论学习中心组学习内容，全年专题学习不少于4次"
            ),
            (
                "一②",
                "深入学习贯彻习近平法治思想",
                "组织全体干部参加法治理论培训，参训率100%"
            ),
            (
                "二①",
                "健全依法决策机制",
                "严格落实重大行政决策程序，重大决策合法性审查率100%"
            ),
            (
                "二②",
                "健全依法决策机制",
                "完善法律顾问制度，发挥法律顾问作用"
            ),
        ]
    );
    assert_eq!(import.plan.year, Some(2024));
    // The same plan in a .docx file.
    let docx = docx_of(&CIRCLED_PLAN.lines().collect::<Vec<_>>(), None);
    assert_eq!(
        plan::parse_plan_docx(&docx).unwrap().plan.items,
        import.plan.items
    );
    // Numbers that run on across groups stay as written; a point wrapped mid-sentence
    // (`…内容，`) does not swallow the next one.
    let running = "一、加强学习\n①将法治思想纳入学习内容，\n全年学习4次。\n②组织干部参加培训，\n③开展旁听庭审。\n二、依法决策\n④落实决策程序。";
    let import = plan::parse_plan_text(running).unwrap();
    assert_eq!(
        numbered_items(&import),
        [
            ("1", "加强学习", "将法治思想纳入学习内容，全年学习4次"),
            ("2", "加强学习", "组织干部参加培训，"),
            ("3", "加强学习", "开展旁听庭审"),
            ("4", "依法决策", "落实决策程序"),
        ]
    );
    // Under 1. items ① lines are points of the task, as before.
    let points = "一、加强学习\n1.深入学习。\n①中心组学法4次。\n②全员培训。\n2.落实述法。";
    let import = plan::parse_plan_text(points).unwrap();
    assert_eq!(import.plan.items.len(), 2);
    assert_eq!(import.plan.items[0].body, "①中心组学法4次。②全员培训");
}

#[test]
fn items_numbered_decimally_under_numbered_groups() {
    let text = "某区卫生健康局2024年法治政府建设工作要点\n\n\
        1 深入学习贯彻习近平法治思想\n\
        1.1 将习近平法治思想纳入党组理论学习中心组学习内容，全年专题学习不少于4次。（办公室）\n\
        1.2、组织全体干部参加法治理论培训，\n参训率100%。\n\
        2、健全依法决策机制\n\
        2.1．严格落实重大行政决策程序。\n\
        ２.２ 完善法律顾问制度。\n\
        2.2.1 聘请法律顾问。\n\
        3.健全执法制度\n\
        3.1 推行三项制度。";
    let import = plan::parse_plan_text(text).unwrap();
    assert_eq!(
        numbered_items(&import),
        [
            (
                "1.1",
                "深入学习贯彻习近平法治思想",
                "将习近平法治思想纳入党组理论学习中心组学习内容，全年专题学习不少于4次"
            ),
            (
                "1.2",
                "深入学习贯彻习近平法治思想",
                "组织全体干部参加法治理论培训，参训率100%"
            ),
            ("2.1", "健全依法决策机制", "严格落实重大行政决策程序"),
            ("2.2", "健全依法决策机制", "完善法律顾问制度"),
            ("3.1", "健全执法制度", "推行三项制度"),
        ]
    );
    assert_eq!(import.plan.items[0].departments, ["办公室"]);
    // A third level is points of its item.
    assert_eq!(import.plan.items[3].body, "2.2.1聘请法律顾问");
    // Without group lines, a new first number starts a group all the same.
    let flat = "2024年工作要点\n1.1 深入学习。\n1.2 全员培训。\n2.1 落实决策程序。";
    let import = plan::parse_plan_text(flat).unwrap();
    let numbers: Vec<&str> = import
        .plan
        .items
        .iter()
        .map(|i| i.number.as_str())
        .collect();
    assert_eq!(numbers, ["1.1", "1.2", "2.1"]);
}

#[test]
fn a_figure_at_a_line_start_is_no_decimal_label() {
    // A wrapped sentence going on with `1.5亿元` joins its line, and the one 1.x line of a
    // plan numbered 1. is no item.
    let text = "2024年工作要点\n1.加大投入，全年投入资金\n1.5亿元，建设3个中心。\n2.落实述法。\n1.2万人次参加培训。";
    let import = plan::parse_plan_text(text).unwrap();
    assert_eq!(
        numbered_items(&import),
        [
            ("1", "", "加大投入，全年投入资金1.5亿元，建设3个中心"),
            ("2", "", "落实述法"),
        ]
    );
    assert_eq!(import.plan.items[1].body, "1.2万人次参加培训");
}

#[test]
fn items_numbered_in_words_when_nothing_else_is_numbered() {
    let text = "某区卫生健康局2024年法治政府建设工作要点\n\
        第一，深入学习贯彻习近平法治思想。将习近平法治思想纳入学习内容，全年专题学习不少于4次。（办公室）\n\
        第二、健全依法决策机制。严格落实重大行政决策程序。\n\
        第三，完善法律顾问制度，发挥法律顾问作用。";
    let import = plan::parse_plan_text(text).unwrap();
    assert_eq!(
        numbered_items(&import),
        [
            ("1", "", "深入学习贯彻习近平法治思想"),
            ("2", "", "健全依法决策机制"),
            ("3", "", "完善法律顾问制度，发挥法律顾问作用"),
        ]
    );
    assert_eq!(import.plan.items[0].departments, ["办公室"]);
    assert_eq!(import.plan.items[1].body, "严格落实重大行政决策程序");
    // Under 1. items they are a task's points.
    let points = "2024年工作要点\n1.深入学习。\n第一，中心组学法。\n第二，全员培训。\n2.落实述法。";
    assert_eq!(plan::parse_plan_text(points).unwrap().plan.items.len(), 2);
}

#[test]
fn a_title_set_over_two_lines_keeps_both() {
    let items = "一、总体要求\n1.深入学习贯彻习近平法治思想。（办公室）";
    for (preamble, title) in [
        (
            "嘉兴市卫生健康委员会\n2022年法治政府建设工作要点",
            "嘉兴市卫生健康委员会2022年法治政府建设工作要点",
        ),
        (
            "嘉兴市卫生健康委员会2022年法治政府\n建设工作要点",
            "嘉兴市卫生健康委员会2022年法治政府建设工作要点",
        ),
        // The 版头 and the 发文字号 above a title are no part of it, nor is a notice.
        (
            "嘉兴市卫生健康委员会文件\n嘉卫〔2022〕5号\n2022年法治政府建设工作要点",
            "2022年法治政府建设工作要点",
        ),
        (
            "各处室：\n现将工作要点印发给你们，请认真贯彻落实。\n2022年法治政府建设工作要点",
            "2022年法治政府建设工作要点",
        ),
    ] {
        let plan = plan::parse_plan_text(&format!("{preamble}\n{items}"))
            .unwrap()
            .plan;
        assert_eq!(plan.title, title, "{preamble:?}");
        assert_eq!(plan.year, Some(2022));
    }
}

#[test]
fn labels_typed_with_a_tab_after_them_are_numbered_paragraphs_not_a_table() {
    // `1<tab>` over `1.1<tab>` items: the groups look like the rows of a table copied
    // without its header, the items say it is none.
    let plan = "2024年工作要点\n1\t深入学习贯彻习近平法治思想\n1.1\t开展专题学法不少于4次。（办公室）\n1.2\t组织年度学法考试。（人事科）\n2\t推进严格规范公正文明执法\n2.1\t落实行政执法三项制度。（执法队）";
    let items = word_table_items(plan);
    let numbers: Vec<&str> = items.iter().map(|i| i.0.as_str()).collect();
    assert_eq!(numbers, ["1.1", "1.2", "2.1"]);
    assert_eq!(items[2].1, "推进严格规范公正文明执法");
}

#[test]
fn a_header_row_names_its_number_column_in_a_short_cell() {
    // An item that mentions 统一编号 before the table is no header row.
    let plan = "2025年工作要点\n一、\t坚持党的领导\n（一）\t学习贯彻习近平法治思想。（办公室）\n（二）\t落实统一登记、统一编号、统一印发制度。\t（政策法规处）\n（三）\t推进严格执法。（执法处）";
    let items = word_table_items(plan);
    let numbers: Vec<&str> = items.iter().map(|i| i.0.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3"]);
    let table = "2025年工作要点\n序 号\t工作任务\t责任单位\n1\t落实统一编号制度。\t办公室";
    let items = word_table_items(table);
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].4, ["办公室"]);
}

#[test]
fn a_table_numbered_with_labels_numbers_its_items_as_paragraphs_would() {
    let table = |numbers: [&str; 4]| {
        format!(
            "2024年工作要点\n序号\t工作任务\t责任单位\n一、加强党的领导\t\t\n{}\t深入学习贯彻习近平法治思想。\t办公室\n{}\t落实第一责任人职责。\t办公室\n二、严格执法\t\t\n{}\t落实三项制度。\t执法队\n{}\t开展专项整治。\t执法队",
            numbers[0], numbers[1], numbers[2], numbers[3]
        )
    };
    let numbers_of =
        |text: &str| -> Vec<String> { word_table_items(text).into_iter().map(|i| i.0).collect() };
    // （一） restarting in every group, typed or shown by Word's numbering (its 、 kept),
    // as the same paragraphs are numbered.
    let paragraphs = "2024年工作要点\n一、加强党的领导\n（一）深入学习贯彻习近平法治思想。（办公室）\n（二）落实第一责任人职责。（办公室）\n二、严格执法\n（一）落实三项制度。（执法队）\n（二）开展专项整治。（执法队）";
    let restarting = ["一（一）", "一（二）", "二（一）", "二（二）"];
    assert_eq!(numbers_of(paragraphs), restarting);
    assert_eq!(
        numbers_of(&table(["（一）", "（二）", "（一）", "（二）"])),
        restarting
    );
    // Numbers that go on across groups are unique already: 1, 2, 3, 4, as are ① and 一.
    let continuing = ["1", "2", "3", "4"];
    for labels in [
        ["（一）", "（二）", "（三）", "（四）"],
        ["①", "②", "③", "④"],
        ["一", "二", "三", "四"],
        ["1.", "2.", "3.", "4."],
    ] {
        assert_eq!(numbers_of(&table(labels)), continuing, "{labels:?}");
    }
    // 1.1 as written, under groups written `1 …` in a row of their own.
    let decimal = "2024年工作要点\n序号\t工作任务\t责任单位\n1 加强党的领导\t\t\n1.1\t深入学习。\t办公室\n2 严格执法\t\t\n2.1\t落实三项制度。\t执法队";
    let items = word_table_items(decimal);
    let numbers: Vec<(&str, &str)> = items.iter().map(|i| (i.0.as_str(), i.1.as_str())).collect();
    assert_eq!(numbers, [("1.1", "加强党的领导"), ("2.1", "严格执法")]);
    // Numbers no label reads stay as written.
    assert_eq!(
        numbers_of(&table(["九-1-1", "九-1-2", "九-2-1", "九-2-2"])),
        ["九-1-1", "九-1-2", "九-2-1", "九-2-2"]
    );
}

/// A plan table copied out of Excel or WPS quotes every cell that holds line breaks
/// (`"1.…；⏎2.…"`, `""` for a quote in it): each such cell is one cell, its lines joined,
/// as the .xlsx reader reads the workbook itself (dev-42 of the coverage set).
#[test]
fn cells_a_spreadsheet_quoted_as_it_copied_them_are_one_cell_each() {
    let copied = "闵行区卫健委2025年法治政府建设工作要点\n\
        序号\t工作任务\t具体举措\t责任科室\t完成时限\n\
        一、加强党对法治建设的领导\t\t\t\t\n\
        1\t深入学习贯彻习近平法治思想\t\"1.纳入中心组学习计划，全年专题学法不少于4次；\n\
        2.组织学法考试，参考率达到100%。\"\t办公室\t2025年12月\n\
        2\t压实第一责任人职责\t\"主要负责人在年终述职中专题述法，落实\"\"述法\"\"评议。\"\t\"办公室\n\
        组织人事科\"\t2025年12月\n";
    let import = plan::parse_plan_text(copied).unwrap();
    assert_eq!(
        numbered_items(&import),
        [
            ("1", "加强党对法治建设的领导", "深入学习贯彻习近平法治思想"),
            ("2", "加强党对法治建设的领导", "压实第一责任人职责"),
        ]
    );
    let items = &import.plan.items;
    assert!(
        items[0].text().contains("不少于4次；2.组织学法考试"),
        "{}",
        items[0].text()
    );
    assert!(
        items[1].text().contains("落实\"述法\"评议"),
        "{}",
        items[1].text()
    );
    assert_eq!(items[1].departments, ["办公室", "组织人事科"]);
    assert_eq!(items[0].targets.len(), 2, "{:?}", items[0].targets);
    // The same table saved as .tsv reads the same.
    let saved = plan::parse_plan_bytes(copied.as_bytes(), "要点.tsv").unwrap();
    assert_eq!(numbered_items(&saved), numbered_items(&import));
    // A line that opens with a quotation of its own is no quoted cell.
    let quoted_title = "1\t\"双随机\"监管\t执法队\n2\t推进政务公开\t办公室\n";
    let plan = plan::parse_plan_text(quoted_title).unwrap().plan;
    assert_eq!(plan.items[0].title, "\"双随机\"监管");
}

/// 一、 blocks whose numbered lines restart at 1 and which name their departments once,
/// after their last numbered line, are items with their tasks (dev-43 of the coverage
/// set); blocks whose numbered lines each name theirs are groups of items.
#[test]
fn blocks_given_their_departments_once_are_items_with_tasks() {
    let tasks = "某县卫生健康局2020年法治政府建设工作要点\n\
        一、深入学习贯彻习近平总书记关于全面依法治国的重要论述\n\
        1.列入局党组理论学习中心组学习内容，全年集体学法不少于4次。\n\
        2.组织干部职工参加学法用法考试。\n\
        （责任股室：办公室）\n\
        二、落实第一责任人职责\n\
        1.局主要负责人在年终述职时一并述法。\n\
        2.将法治建设纳入年度考核。\n\
        （责任股室：办公室、人事股）\n\
        三、推行证明事项告知承诺制\n\
        1.梳理公布告知承诺制证明事项清单。\n\
        （责任股室：行政审批股）\n";
    let import = plan::parse_plan_text(tasks).unwrap();
    assert_eq!(
        numbered_items(&import),
        [
            (
                "1",
                "",
                "深入学习贯彻习近平总书记关于全面依法治国的重要论述"
            ),
            ("2", "", "落实第一责任人职责"),
            ("3", "", "推行证明事项告知承诺制"),
        ]
    );
    let items = &import.plan.items;
    assert!(
        items[1].text().contains("2.将法治建设纳入年度考核"),
        "{}",
        items[1].text()
    );
    assert_eq!(items[1].departments, ["办公室", "人事股"]);
    assert_eq!(items[0].targets.len(), 1);
    // Each numbered line with its own departments: groups of items.
    let groups = tasks
        .replace("。\n2.", "。（办公室）\n2.")
        .replace("。\n（责任股室", "。（办公室）\n（责任股室");
    let import = plan::parse_plan_text(&groups).unwrap();
    assert_eq!(import.plan.items.len(), 5, "{:?}", numbered_items(&import));
}

#[test]
fn a_section_heading_above_the_items_is_no_title() {
    // A plan whose tasks are a table under 二、重点任务, after a 总体要求 in prose, its
    // groups rows of （一）.
    let plan = "柳州市卫生健康委员会2020年法治政府建设工作要点\n一、总体要求\n以习近平法治思想为指导，确保各项目标任务如期完成。\n二、重点任务\n序号\t工作任务\t责任科室\n（一）加强党的领导\n1\t深入学习贯彻习近平法治思想。\t办公室\n（二）推进依法决策\n2\t严格落实重大行政决策程序。\t政策法规科";
    let plan = plan::parse_plan_text(plan).unwrap().plan;
    let groups: Vec<&str> = plan.items.iter().map(|i| i.group.as_str()).collect();
    assert_eq!(groups, ["加强党的领导", "推进依法决策"]);
    assert_eq!(plan.title, "柳州市卫生健康委员会2020年法治政府建设工作要点");
}
