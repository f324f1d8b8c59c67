//! The 公文 rule checker on the seed reports and on small cases per rule, and the
//! one-click fixes applied to drafts and text.

use report_core::check::{
    apply_fix, apply_fix_to_text, check_draft, check_text, fix_all_edit, fix_label, CharRange,
    Finding, Fix, FixError, Location, Setup, Severity, TextRef,
};
use report_core::meta_field::MetaField;
use report_core::model::{Draft, Node, TextField};
use report_core::report_text::draft_from_text;
use report_core::CalendarDate;
use report_core::{Edit, History};

const SHANGCHENG: &str = include_str!("fixtures/report-2023-shangcheng-district-health-bureau.txt");
const JIAXING: &str = include_str!("fixtures/report-2022-jiaxing-city-health-commission.txt");
const HANGZHOU: &str = include_str!("fixtures/report-2018-hangzhou-city-health-commission.txt");

fn today() -> CalendarDate {
    CalendarDate::new(2024, 2, 20).unwrap()
}

fn draft(name: &str) -> Draft {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    report_core::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn rule<'a>(findings: &'a [Finding], id: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.rule.id() == id).collect()
}

fn line_of(finding: &Finding) -> Option<usize> {
    match finding.location {
        Location::Text {
            target: TextRef::Line { line },
            ..
        } => Some(line),
        _ => None,
    }
}

/// A small report that passes every rule; cases below change one thing in it.
const CLEAN: &str = "\
关于2023年度法治政府建设工作情况的报告
区委、区政府：
2023年，我局坚持以习近平法治思想为指导，全面推进依法行政。
一、2023年推进法治政府建设的主要举措和成效
（一）强化法治建设主体责任落实
1.加强学习。全年党委理论学习中心组集中学法8次。
2.规范决策。重大行政决策合法性审查率100%。
（二）打造法治化营商环境
全年办理政务服务事项5404件，群众满意率99%。
二、2023年推进法治政府建设存在的不足和原因
一是行政执法“三项制度”落实缺乏细化的内部分工，流程清单不完善，原因是制度建设滞后。二是法治宣传形式单一，受众局限在系统内部，原因是新媒体运用不足。
三、2023年党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人主持党委会专题研究法治建设4次，带头出庭应诉2次。
四、2024年推进法治政府建设的主要安排
细化行政执法“三项制度”，创新法治宣传形式。
五、其他需要报告的情况
无其他需要报告的情况。
杭州市上城区卫生健康局
2024年2月20日
抄送：区委全面依法治区委员会办公室，杭州市卫生健康委员会。
杭州市上城区卫生健康局办公室
2024年2月20日印发
";

fn check_variant(from: &str, to: &str) -> Vec<Finding> {
    assert!(CLEAN.contains(from), "{from}");
    check_text(&CLEAN.replacen(from, to, 1), today(), &Setup::default())
}

/// Findings other than the reminders every document gets.
fn problems(findings: &[Finding]) -> Vec<&Finding> {
    let reminders = ["deadline-submit", "deadline-publish", "secrecy-review"];
    findings
        .iter()
        .filter(|f| !reminders.contains(&f.rule.id()))
        .collect()
}

#[test]
fn the_clean_report_has_only_reminders() {
    let findings = check_text(CLEAN, today(), &Setup::default());
    assert!(problems(&findings).is_empty(), "{:#?}", problems(&findings));
    for id in ["deadline-submit", "deadline-publish", "secrecy-review"] {
        assert_eq!(rule(&findings, id).len(), 1, "{id}");
    }
}

/// A template may set earlier dates than the regulation (a city collecting its
/// districts' reports first) and turn rules off; the checker follows it.
#[test]
fn a_template_sets_the_deadlines_and_the_rules() {
    let d = draft("draft-shangcheng-2023.json");
    let mut template = report_core::Template::builtin_default();
    template.deadlines.submit = report_core::template::MonthDay { month: 2, day: 15 };
    template.checker.disabled_rules = vec!["secrecy-review".into()];
    let findings = check_draft(&d, today(), &Setup::of_template(&template));
    let submit = &rule(&findings, "deadline-submit")[0].message;
    assert!(
        submit.starts_with("已超过报送截止日期2024年2月15日5天")
            && submit.contains("模板要求2月15日前报送（规定为3月1日前）"),
        "{submit}"
    );
    let publish = &rule(&findings, "deadline-publish")[0].message;
    assert!(publish.contains("规定第二十四条"), "{publish}");
    assert!(rule(&findings, "secrecy-review").is_empty());
    let by_regulation = check_draft(&d, today(), &Setup::default());
    assert_eq!(rule(&by_regulation, "secrecy-review").len(), 1);
    assert_eq!(findings.len(), by_regulation.len() - 1);
}

#[test]
fn a_draft_that_records_its_secrecy_review_is_not_reminded() {
    let mut d = draft("draft-jiaxing-2022.json");
    assert_eq!(
        rule(
            &check_draft(&d, today(), &Setup::default()),
            "secrecy-review"
        )
        .len(),
        1
    );
    d.secrecy_reviewed = true;
    assert!(rule(
        &check_draft(&d, today(), &Setup::default()),
        "secrecy-review"
    )
    .is_empty());
}

#[test]
fn shangcheng_half_width_heading_brackets_are_errors_with_fixes() {
    let findings = check_text(SHANGCHENG, today(), &Setup::default());
    let labels = rule(&findings, "heading-label-form");
    let lines: Vec<_> = labels.iter().filter_map(|f| line_of(f)).collect();
    assert_eq!(lines, [3, 8, 13, 17, 20]);
    assert!(labels.iter().all(|f| f.severity == Severity::Error));
    let fixed = apply_fix_to_text(SHANGCHENG, labels[0].fix.as_ref().unwrap()).unwrap();
    assert!(fixed.contains("\n（一）强化法治建设主体责任落实\n"));
    assert_eq!(
        fixed.len(),
        SHANGCHENG.len() + 4,
        "two 1-byte brackets became 3-byte ones"
    );
    // Numbering and levels are right; the half-width commas are one hint per paragraph.
    assert!(rule(&findings, "heading-number").is_empty());
    assert!(rule(&findings, "heading-level-skip").is_empty());
    let commas = rule(&findings, "halfwidth-punct");
    assert!(commas.iter().all(|f| f.severity == Severity::Warning));
    assert_eq!(line_of(commas[0]), Some(1));
    assert!(commas[0].message.contains("8处"), "{}", commas[0].message);
    // Mandated outline: parts one to four are present; 其他 is only a hint.
    let missing = rule(&findings, "section-missing");
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].severity, Severity::Warning);
}

#[test]
fn jiaxing_header_and_footer_lines_raise_no_errors() {
    let findings = check_text(JIAXING, today(), &Setup::default());
    let errors: Vec<_> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    // The body's half-width (一)(二) and the missing 第一责任人 part are real errors.
    let rules: Vec<_> = errors.iter().map(|f| (f.rule.id(), line_of(f))).collect();
    assert_eq!(
        rules,
        [
            ("heading-label-form", Some(17)),
            ("heading-label-form", Some(19)),
            ("section-missing", None)
        ]
    );
    assert!(errors[2].message.contains("第一责任人"));
    // The 版记 names are joined by 、 and lack the final 。: hints with fixes.
    let cc = rule(&findings, "cc-form");
    assert_eq!(cc.len(), 2);
    let fixed = cc.iter().fold(JIAXING.to_string(), |text, f| {
        apply_fix_to_text(&text, f.fix.as_ref().unwrap()).unwrap()
    });
    assert!(fixed.contains("抄送：省卫生健康委员会，市委依法治市办。"));
}

#[test]
fn old_organ_names_count_only_from_report_year_2019() {
    let findings = check_text(HANGZHOU, today(), &Setup::default());
    assert!(rule(&findings, "obsolete-organ").is_empty());
    let later = HANGZHOU.replacen("2018 年度法治政府", "2023 年度法治政府", 1);
    let findings = check_text(&later, today(), &Setup::default());
    let organs = rule(&findings, "obsolete-organ");
    assert!(organs.len() > 10, "{}", organs.len());
    // In the title it is an error; in the body a hint; cited titles in 《》 are left alone.
    assert_eq!(line_of(organs[0]), Some(1));
    assert_eq!(organs[0].severity, Severity::Error);
    assert!(organs[1..].iter().all(|f| f.severity == Severity::Warning));
    let cited = later
        .lines()
        .position(|l| l.contains("《杭州市卫生计生委重大行政决策工作细则》"))
        .unwrap()
        + 1;
    assert!(organs.iter().all(|f| line_of(f) != Some(cited)));
    let fix = organs[0].fix.as_ref().unwrap();
    assert_eq!(fix.edits[0].replacement, "卫生健康委");
}

#[test]
fn hangzhou_unpaired_marks_across_wrapped_lines() {
    let findings = check_text(HANGZHOU, today(), &Setup::default());
    let marks = rule(&findings, "unpaired-mark");
    let at: Vec<_> = marks
        .iter()
        .map(|f| (line_of(f), f.fix.is_some()))
        .collect();
    // 〔2018〕39 号 never closes its (; 以“最多跑一次“改革 has a wrong closer;
    // “网格化， is never closed. Pairs split over hard-wrapped lines are not reported.
    assert_eq!(
        at,
        [(Some(296), false), (Some(367), true), (Some(422), false)]
    );
    let title_lines: Vec<_> = findings
        .iter()
        .filter(|f| f.rule.id() == "title-missing")
        .collect();
    assert!(title_lines.is_empty(), "the two-line title is recognised");
}

#[test]
fn document_numbers_in_header_and_body() {
    let findings = check_variant(
        "区委、区政府：\n",
        "区委、区政府：\n根据浙卫发[2023]第05号文件要求，我局开展自查。\n",
    );
    let brackets = rule(&findings, "doc-number-brackets");
    assert_eq!(brackets.len(), 1);
    assert_eq!(
        brackets[0].severity,
        Severity::Warning,
        "a citation in the body is a hint"
    );
    let serial = rule(&findings, "doc-number-serial");
    assert_eq!(serial.len(), 1);
    let mut text = CLEAN.replacen(
        "区委、区政府：\n",
        "区委、区政府：\n根据浙卫发[2023]第05号文件要求，我局开展自查。\n",
        1,
    );
    for f in [brackets[0], serial[0]] {
        text = apply_fix_to_text(&text, f.fix.as_ref().unwrap()).unwrap();
    }
    assert!(text.contains("根据浙卫发〔2023〕5号文件"), "{text}");

    let header = format!("上卫【2024】008号\n{CLEAN}");
    let findings = check_text(&header, today(), &Setup::default());
    assert_eq!(
        rule(&findings, "doc-number-brackets")[0].severity,
        Severity::Error
    );
    assert_eq!(
        rule(&findings, "doc-number-serial")[0].severity,
        Severity::Error
    );
    assert!(rule(&findings, "doc-number-year").is_empty());
    let wrong_year = check_text(
        &format!("上卫〔2023〕8号\n{CLEAN}"),
        today(),
        &Setup::default(),
    );
    assert_eq!(
        rule(&wrong_year, "doc-number-year").len(),
        1,
        "issued 2024, numbered 2023"
    );
    // Court case numbers start with the bracketed year and are no 发文字号.
    let court = check_variant("带头出庭应诉2次", "带头出庭应诉（2023）浙0102行初12号等2次");
    assert!(rule(&court, "doc-number-brackets").is_empty());
}

#[test]
fn dates() {
    let padded = check_variant("2024年2月20日\n抄送", "2024年02月20号\n抄送");
    let format = rule(&padded, "date-format");
    assert_eq!(format.len(), 1);
    assert_eq!(
        format[0].severity,
        Severity::Error,
        "成文日期 is a header element"
    );
    let edits = &format[0].fix.as_ref().unwrap().edits;
    assert_eq!(edits.len(), 2);
    assert_eq!(
        (edits[0].expected.as_str(), edits[1].replacement.as_str()),
        ("0", "日")
    );

    let body = check_variant("全年办理", "2023.6.5起全年办理");
    let dotted = rule(&body, "date-format");
    assert_eq!(dotted[0].severity, Severity::Warning);
    assert_eq!(
        dotted[0].fix.as_ref().unwrap().edits[0].replacement,
        "2023年6月5日"
    );
    // A year alone in Chinese numerals has no date to offer; a whole date has its fix.
    let chinese = check_variant("全年办理", "二〇二三年六月起全年办理");
    let year_only = rule(&chinese, "date-format");
    assert_eq!(year_only.len(), 1);
    assert!(year_only[0].fix.is_none());
    let chinese = check_variant("全年办理", "二〇二三年六月五日起全年办理");
    let whole = rule(&chinese, "date-format");
    assert_eq!(whole.len(), 1);
    assert_eq!(
        whole[0].fix.as_ref().unwrap().edits[0].replacement,
        "2023年6月5日"
    );
    // Not dates: ranges of years, decimals, version-like numbers.
    let fine = check_variant(
        "全年办理",
        "2017-2019年规划、3.5亿元、1.2.3版、12.4宪法日，全年办理",
    );
    assert!(rule(&fine, "date-format").is_empty());

    let early = check_variant("2024年2月20日印发", "2024年2月19日印发");
    assert_eq!(rule(&early, "date-order").len(), 1);
    let far = check_variant("2024年2月20日\n抄送", "2022年2月20日\n抄送");
    assert_eq!(rule(&far, "date-year").len(), 1);
}

#[test]
fn heading_sequence_levels_and_forms() {
    let skipped = check_variant("（二）打造法治化营商环境", "（四）打造法治化营商环境");
    let numbers = rule(&skipped, "heading-number");
    assert_eq!(numbers.len(), 1);
    assert!(
        numbers[0].message.contains("应为“（二）”"),
        "{}",
        numbers[0].message
    );

    let level = check_variant("（一）强化法治建设主体责任落实\n", "");
    assert_eq!(rule(&level, "heading-level-skip").len(), 1, "一、 then 1.");

    let dunhao = check_variant("2.规范决策", "2、规范决策");
    let form = rule(&dunhao, "heading-label-form");
    assert_eq!(form[0].fix.as_ref().unwrap().edits[0].replacement, "2.");

    // A closing bracket alone is a label to write in full, not a mark left unpaired: 2.
    // going on from 1., （1） below a 1. heading.
    let half = check_variant("2.规范决策", "2）规范决策");
    let form = rule(&half, "heading-label-form");
    assert_eq!(form[0].fix.as_ref().unwrap().edits[0].replacement, "2.");
    assert!(rule(&half, "unpaired-mark").is_empty());
    assert!(rule(&half, "heading-number").is_empty());
    let below = check_variant("2.规范决策", "2.规范决策\n1）目录管理");
    let form = rule(&below, "heading-label-form");
    assert_eq!(form[0].fix.as_ref().unwrap().edits[0].replacement, "（1）");
    assert!(rule(&below, "heading-level-skip").is_empty());

    let punct = check_variant("主要举措和成效\n", "主要举措和成效。\n");
    assert_eq!(rule(&punct, "heading-end-punct").len(), 1);

    let year = check_variant("四、2024年推进", "四、2023年推进");
    let years = rule(&year, "heading-year");
    assert_eq!(years[0].fix.as_ref().unwrap().edits[0].replacement, "2024");
}

#[test]
fn punctuation() {
    let mixed = check_variant(
        "全面推进依法行政。",
        "全面推进依法行政,时间10:30,金额1,000元(含税)...",
    );
    let half = rule(&mixed, "halfwidth-punct");
    assert_eq!(half.len(), 1);
    let replaced: Vec<_> = half[0]
        .fix
        .as_ref()
        .unwrap()
        .edits
        .iter()
        .map(|e| e.expected.as_str())
        .collect();
    assert_eq!(replaced, [",", ",", "(", ")"], "10:30 and 1,000 stay");
    assert_eq!(rule(&mixed, "ellipsis").len(), 1);

    let digits = check_variant("集中学法8次", "集中学法８次，覆盖率１００％");
    let wide = rule(&digits, "fullwidth-digit");
    assert_eq!(wide.len(), 2);
    assert_eq!(wide[1].fix.as_ref().unwrap().edits[0].replacement, "100%");

    let quotes = check_variant("“三项制度”落实缺乏", "“三项制度落实缺乏");
    assert_eq!(rule(&quotes, "unpaired-mark").len(), 1);
    let book = check_variant("创新法治宣传形式。", "创新法治宣传形式》。");
    assert_eq!(rule(&book, "unpaired-mark").len(), 1);
}

#[test]
fn wording() {
    let text = check_variant(
        "全面推进依法行政。",
        "全面推进法制建设和其它工作，截止11月底完成。妥否，请批示。",
    );
    let fazhi = rule(&text, "wording-fazhi");
    assert_eq!(
        fazhi[0].fix.as_ref().unwrap().edits[0].replacement,
        "法治建设"
    );
    assert_eq!(rule(&text, "wording-qita").len(), 1);
    assert_eq!(rule(&text, "wording-jiezhi").len(), 1);
    let request = rule(&text, "request-phrase");
    assert_eq!(request.len(), 1, "the longest phrase, once");
    assert_eq!(request[0].severity, Severity::Error);
    // 法制审核 and 截止日期 are correct usage.
    let fine = check_variant(
        "全面推进依法行政。",
        "完善重大执法决定法制审核，明确截止日期。",
    );
    assert!(problems(&fine).is_empty(), "{:#?}", problems(&fine));

    let relative = check_variant("全年办理", "今年以来、去年同期、目前共办理");
    let words = rule(&relative, "relative-time");
    let fixes: Vec<_> = words
        .iter()
        .map(|f| f.fix.as_ref().map(|x| x.edits[0].replacement.clone()))
        .collect();
    assert_eq!(fixes, [Some("2023年".into()), Some("2022年".into()), None]);
}

#[test]
fn debris_left_in_a_draft_is_flagged_and_fixed_as_the_paste_cleaner_cleans() {
    let mut d = draft("draft-shangcheng-2023.json");
    let clean_findings = check_draft(&d, today(), &Setup::default());
    assert!(rule(&clean_findings, "text-debris").is_empty());
    let id = d
        .sections
        .iter()
        .flat_map(|s| &s.children)
        .find_map(|n| match n {
            Node::Paragraph { id, .. } => Some(*id),
            _ => None,
        })
        .unwrap();
    let dirty = "•\u{3000}依法\u{200B}决策\u{AD}，严格\u{A0}执法。\t全年办案12件。\u{C}";
    d.set_text(id, TextField::Text, dirty.into()).unwrap();
    let findings = check_draft(&d, today(), &Setup::default());
    let debris = rule(&findings, "text-debris");
    assert_eq!(debris.len(), 1, "{debris:#?}");
    assert_eq!(debris[0].severity, Severity::Warning);
    for kind in [
        "零宽字符 1 个",
        "软连字符 1 个",
        "不间断空格 1 个",
        "制表符 1 个",
        "分页符 1 个",
        "项目符号 1 个",
    ] {
        assert!(
            debris[0].message.contains(kind),
            "{kind}: {}",
            debris[0].message
        );
    }
    // The fix leaves the text as a paste of it would have been cleaned.
    apply_fix(&mut d, debris[0].fix.as_ref().unwrap()).unwrap();
    let Some(Node::Paragraph { text, .. }) = d.node(id) else {
        panic!("the paragraph is there");
    };
    assert_eq!(text, &report_core::paste::clean_pasted(dirty).text);
    assert_eq!(text, "依法决策，严格 执法。 全年办案12件。\n");
    assert!(rule(&check_draft(&d, today(), &Setup::default()), "text-debris").is_empty());
    // Plain-text reports are checked too.
    let text = check_variant("全面推进依法行政。", "全面推进依法\u{200B}行政。");
    assert_eq!(rule(&text, "text-debris").len(), 1);
}

#[test]
fn title_recipients_cc_and_attachments() {
    let title = check_variant("工作情况的报告\n", "工作情况的汇报。\n");
    let form = rule(&title, "title-form");
    assert_eq!(form.len(), 2);
    assert!(form.iter().all(|f| f.severity == Severity::Error));
    let no_year = check_variant("关于2023年度法治政府", "关于法治政府");
    assert_eq!(rule(&no_year, "title-year").len(), 1);

    let colon = check_variant("区委、区政府：", "区委、区政府:");
    assert_eq!(
        rule(&colon, "recipients-colon")[0]
            .fix
            .as_ref()
            .unwrap()
            .edits[0]
            .replacement,
        "："
    );
    let none = check_variant("区委、区政府：", "区委、区政府");
    assert_eq!(rule(&none, "recipients-colon").len(), 1);

    let cc = check_variant("杭州市卫生健康委员会。", "杭州市卫生健康委员会");
    assert_eq!(rule(&cc, "cc-form").len(), 1);

    let note = "无其他需要报告的情况。\n附件：1. 工作台账。\n3. 统计表\n";
    let attached = check_variant("无其他需要报告的情况。\n", note);
    let notes = rule(&attached, "attachment-note");
    let messages: Vec<_> = notes.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(notes.len(), 2, "{messages:?}");
    let lone = check_variant(
        "无其他需要报告的情况。\n",
        "详见附件2。\n附件：1. 工作台账\n",
    );
    assert_eq!(
        rule(&lone, "attachment-note").len(),
        2,
        "numbered lone attachment; cites 附件2"
    );
}

#[test]
fn content_parts_and_deadlines() {
    let empty = check_variant(
        "主要负责人主持党委会专题研究法治建设4次，带头出庭应诉2次。\n",
        "",
    );
    let found = rule(&empty, "section-empty");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(line_of(found[0]), Some(12));

    let thin = check_variant(
        "一是行政执法“三项制度”落实缺乏细化的内部分工，流程清单不完善，原因是制度建设滞后。二是法治宣传形式单一，受众局限在系统内部，原因是新媒体运用不足。",
        "与上级要求相比，还存在一些不足，有待进一步加强。",
    );
    assert_eq!(rule(&thin, "shortcomings-thin").len(), 1);

    let missing = check_variant("三、2023年党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人主持党委会专题研究法治建设4次，带头出庭应诉2次。\n", "");
    let part = rule(&missing, "section-missing");
    assert_eq!(part[0].severity, Severity::Error);
    assert!(part[0].message.contains("第一责任人"));

    // Parts headed 第一部分…, or by lines of their own in a report that labels none, are
    // the parts they name.
    let numbered: String = ["一", "二", "三", "四", "五"]
        .iter()
        .fold(CLEAN.to_string(), |text, n| {
            text.replacen(&format!("\n{n}、"), &format!("\n第{n}部分 "), 1)
        });
    assert!(!numbered.contains("\n一、"), "every part relabelled");
    let numbered_findings = check_text(&numbered, today(), &Setup::default());
    assert!(rule(&numbered_findings, "section-missing").is_empty());
    // …and their labels are written as GB/T 9704 numbers the first level.
    let forms = rule(&numbered_findings, "heading-label-form");
    assert_eq!(forms.len(), 5);
    let fixed = apply_fix_to_text(&numbered, forms[0].fix.as_ref().unwrap()).unwrap();
    assert!(fixed.contains("\n一、2023年推进法治政府建设的主要举措和成效"));
    let plain: String = ["一", "二", "三", "四", "五"]
        .iter()
        .fold(CLEAN.to_string(), |text, n| {
            text.replacen(&format!("\n{n}、"), "\n", 1)
        });
    let plain = check_text(&plain, today(), &Setup::default());
    assert!(rule(&plain, "section-missing").is_empty());

    let findings = check_text(CLEAN, today(), &Setup::default());
    assert!(rule(&findings, "deadline-submit")[0]
        .message
        .starts_with("距报送截止日期2024年3月1日还有10天"));
    let late = check_text(
        CLEAN,
        CalendarDate::new(2024, 4, 3).unwrap(),
        &Setup::default(),
    );
    assert!(rule(&late, "deadline-publish")[0]
        .message
        .starts_with("已超过公开截止日期2024年4月1日2天"));
    // Late in the year the dates fell in, still counted; a year on, an old report.
    let year_end = CalendarDate::new(2024, 12, 31).unwrap();
    assert!(rule(
        &check_text(CLEAN, year_end, &Setup::default()),
        "deadline-submit"
    )[0]
    .message
    .starts_with("已超过报送截止日期2024年3月1日305天"));
    let old = check_text(
        CLEAN,
        CalendarDate::new(2026, 12, 3).unwrap(),
        &Setup::default(),
    );
    for (id, message) in [
        (
            "deadline-submit",
            "2023年度报告的报送截止日期2024年3月1日已过：",
        ),
        (
            "deadline-publish",
            "2023年度报告的公开截止日期2024年4月1日已过：",
        ),
    ] {
        let found = &rule(&old, id)[0].message;
        assert!(found.starts_with(message), "{found}");
        assert!(!found.contains('天'), "no count of days: {found}");
    }
}

#[test]
fn seed_drafts_have_no_false_errors() {
    let shangcheng = check_draft(
        &draft("draft-shangcheng-2023.json"),
        today(),
        &Setup::default(),
    );
    assert!(
        shangcheng.iter().all(|f| f.severity == Severity::Warning),
        "{shangcheng:#?}"
    );
    // Its 其他需要报告的情况 section has no text: it is among what the document lacks,
    // located as a section, and said once.
    let empty = rule(&shangcheng, "section-no-text");
    assert_eq!(empty[0].location, Location::Section { id: 6 });
    assert!(rule(&shangcheng, "section-empty").is_empty());

    let jiaxing = check_draft(
        &draft("draft-jiaxing-2022.json"),
        today(),
        &Setup::default(),
    );
    let errors: Vec<_> = jiaxing
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.rule.id())
        .collect();
    assert_eq!(
        errors,
        ["section-missing"],
        "only the missing 第一责任人 part"
    );
    // 抄送 is stored without its 。, which the exporter adds: only the separators are a hint.
    let cc = rule(&jiaxing, "cc-form");
    assert_eq!(cc.len(), 1);
    assert!(cc[0].message.contains("逗号"));
}

fn set_field(d: &mut Draft, field: MetaField, value: &str) {
    field.set(&mut d.meta, value);
}

#[test]
fn draft_rules_know_what_the_exporter_adds() {
    let mut d = draft("draft-shangcheng-2023.json");
    set_field(&mut d, MetaField::AgencyCode, "上卫〔2024〕");
    set_field(&mut d, MetaField::Recipients, "区委、区政府:");
    set_field(&mut d, MetaField::Cc, "区委依法治区办，市卫生健康委；");
    set_field(&mut d, MetaField::Attachments, "1.工作台账\n统计表");
    let findings = check_draft(&d, today(), &Setup::default());
    let agency = rule(&findings, "doc-number-agency");
    assert_eq!(
        agency[0].fix.as_ref().unwrap().edits[0].expected,
        "〔2024〕"
    );
    let colon = rule(&findings, "recipients-colon");
    assert_eq!(
        colon[0].fix.as_ref().unwrap().edits[0].replacement,
        "",
        "the exporter adds ："
    );
    let cc = rule(&findings, "cc-form");
    assert_eq!(cc.len(), 1);
    let attachments = rule(&findings, "attachment-note");
    assert_eq!(
        attachments.len(),
        1,
        "numbers are generated; only the typed one is wrong"
    );
    assert_eq!(
        attachments[0].location,
        Location::Text {
            target: TextRef::Field {
                field: MetaField::Attachments
            },
            range: Some(CharRange { start: 0, end: 2 })
        }
    );
    for f in [agency[0], colon[0], cc[0], attachments[0]] {
        apply_fix(&mut d, f.fix.as_ref().unwrap()).unwrap();
    }
    assert_eq!(d.meta.doc_number.agency_code, "上卫");
    assert_eq!(d.meta.recipients, "区委、区政府");
    assert_eq!(d.meta.cc, "区委依法治区办，市卫生健康委");
    assert_eq!(d.meta.attachments, ["工作台账", "统计表"]);
    let after = check_draft(&d, today(), &Setup::default());
    for id in [
        "doc-number-agency",
        "recipients-colon",
        "cc-form",
        "attachment-note",
    ] {
        assert!(rule(&after, id).is_empty(), "{id}");
    }
}

/// 检查与导出 lists what the document lacks above the other findings: those are the
/// findings of the absence rules, each problem found once, so no two findings say the
/// same field or section is empty.
#[test]
fn what_the_document_lacks_is_found_once() {
    let mut d = report_core::Template::builtin_default().new_draft("x".into(), 2023);
    set_field(&mut d, MetaField::Recipients, "");
    for title in ["", "关于2023年度法治政府建设工作情况的报告"] {
        set_field(&mut d, MetaField::Title, title);
        let findings = check_draft(&d, today(), &Setup::default());
        let absent: Vec<&Finding> = findings.iter().filter(|f| f.rule.is_absence()).collect();
        let missing = report_core::check::missing(&d, &d.export, &Setup::default());
        // The same problems, where the checker names the missing title and required
        // parts as 错误 (so it lists them first) and 检查与导出 as 提示.
        let said = |fs: Vec<&Finding>| {
            let mut said: Vec<String> = fs
                .iter()
                .map(|f| format!("{:?} {:?} {}", f.rule, f.location, f.message))
                .collect();
            said.sort();
            said
        };
        assert_eq!(said(absent.clone()), said(missing.iter().collect()));
        assert!(missing.iter().all(|f| f.severity == Severity::Warning));
        let title_missing = rule(&findings, "title-missing");
        assert_eq!(title_missing.len(), usize::from(title.is_empty()));
        assert!(title_missing.iter().all(|f| f.severity == Severity::Error));
        let required_parts = rule(&findings, "section-no-text")
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        assert_eq!(required_parts, 4, "all but 其他需要报告的情况");
        assert_eq!(rule(&findings, "recipients-missing").len(), 1);
        // The five empty parts are named by the absence rule only.
        assert_eq!(rule(&findings, "section-no-text").len(), 5, "{findings:#?}");
        assert!(rule(&findings, "section-empty").is_empty(), "{findings:#?}");
        for (i, f) in absent.iter().enumerate() {
            assert!(
                absent[i + 1..].iter().all(|g| g.location != f.location),
                "{f:?} twice"
            );
        }
    }

    // A part holding only a placeholder has text, so it is not missing for the export,
    // but it still has no substance: that finding, among the others, is the only one to
    // say so.
    let shortcomings = d
        .sections
        .iter()
        .find(|s| s.key == "shortcomings")
        .unwrap()
        .id;
    let paragraph = d
        .add_node(
            report_core::model::Parent::Section(shortcomings),
            report_core::model::NewNode::Paragraph,
        )
        .unwrap();
    d.set_text(paragraph, TextField::Text, "【待补充】".into())
        .unwrap();
    let at_shortcomings: Vec<Finding> = check_draft(&d, today(), &Setup::default())
        .into_iter()
        .filter(|f| f.location == Location::Section { id: shortcomings })
        .collect();
    assert_eq!(at_shortcomings.len(), 1, "{at_shortcomings:#?}");
    assert_eq!(at_shortcomings[0].rule.id(), "section-empty");
    assert!(!at_shortcomings[0].rule.is_absence());
}

#[test]
fn typed_labels_in_a_draft() {
    let mut d = draft("draft-shangcheng-2023.json");
    let measures = d.sections.iter().position(|s| s.key == "measures").unwrap();
    let Node::Heading {
        id: heading,
        children,
        ..
    } = &mut d.sections[measures].children[0]
    else {
        panic!("the first child of 一、 is （一）");
    };
    let heading = *heading;
    children.push(Node::Paragraph {
        id: 900,
        text: "1.加强学习。正文".into(),
    });
    children.push(Node::Paragraph {
        id: 901,
        text: "3、规范决策。正文".into(),
    });
    d.set_text(
        heading,
        TextField::Title,
        "(一)强化法治建设主体责任落实".into(),
    )
    .unwrap();
    let findings = check_draft(&d, today(), &Setup::default());
    let typed = rule(&findings, "heading-typed-label");
    assert_eq!(typed.len(), 1);
    let number = rule(&findings, "heading-number");
    assert_eq!(number.len(), 1);
    assert!(number[0].message.contains("应为“2.”"));
    let form = rule(&findings, "heading-label-form");
    assert_eq!(
        form[0].location,
        Location::Text {
            target: TextRef::Node {
                id: 901,
                part: TextField::Text
            },
            range: Some(CharRange { start: 0, end: 2 }),
        }
    );
    apply_fix(&mut d, typed[0].fix.as_ref().unwrap()).unwrap();
    let Some(Node::Heading { title, .. }) = d.node(heading) else {
        panic!()
    };
    assert_eq!(title, "强化法治建设主体责任落实");
}

#[test]
fn report_year_changes_reach_title_and_headings() {
    let mut d = draft("draft-shangcheng-2023.json");
    d.report_year = 2024;
    let findings = check_draft(&d, today(), &Setup::default());
    let title = rule(&findings, "title-year");
    assert_eq!(title.len(), 1);
    // 一、二、三 name 2023 (now the previous year); 四、 names 2024 (now the report year).
    assert_eq!(rule(&findings, "heading-year").len(), 4);
    apply_fix(&mut d, title[0].fix.as_ref().unwrap()).unwrap();
    assert_eq!(
        d.meta.title,
        "杭州市上城区卫生健康局关于2024年度法治政府建设工作情况的报告"
    );
}

#[test]
fn fixes_change_only_their_range_and_refuse_stale_text() {
    let mut d = draft("draft-shangcheng-2023.json");
    let findings = check_draft(&d, today(), &Setup::default());
    let commas = rule(&findings, "halfwidth-punct")[0].fix.clone().unwrap();
    let TextRef::Node { id, part } = commas.target else {
        panic!()
    };
    let text = |d: &Draft| match d.node(id) {
        Some(Node::Paragraph { text, .. }) => text.clone(),
        _ => panic!(),
    };
    let before = text(&d);
    let mut stale = d.clone();
    stale.set_text(id, part, format!("新增，{before}")).unwrap();
    assert_eq!(apply_fix(&mut stale, &commas), Err(FixError::Stale));

    apply_fix(&mut d, &commas).unwrap();
    let after = text(&d);
    assert_eq!(after.chars().count(), before.chars().count());
    let changed: Vec<_> = before
        .chars()
        .zip(after.chars())
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(i, _)| i)
        .collect();
    let ranges: Vec<_> = commas.edits.iter().map(|e| e.range.start).collect();
    assert_eq!(changed, ranges);
    assert!(!after.contains(','));
    // Applying it twice is refused: the text no longer holds ",".
    assert_eq!(apply_fix(&mut d, &commas), Err(FixError::Stale));
    // A line fix is not for a draft, a node fix not for text.
    let line = rule(
        &check_text(SHANGCHENG, today(), &Setup::default()),
        "heading-label-form",
    )[0]
    .fix
    .clone()
    .unwrap();
    assert_eq!(apply_fix(&mut d, &line), Err(FixError::NotDraftText));
    assert_eq!(
        apply_fix_to_text(SHANGCHENG, &commas),
        Err(FixError::NotTextLine)
    );
}

#[test]
fn overlong_table_cells_are_errors_and_stay_in_the_draft() {
    let mut d = report_core::Template::builtin("indicator-table")
        .unwrap()
        .new_draft("d".into(), 2023);
    let qingpu =
        include_str!("fixtures/indicator-table-2023-qingpu-district-health-commission.txt");
    let plan = report_core::plan::parse_plan_tsv(qingpu).unwrap().plan;
    d.plan = Some(report_core::plan_items::PlanState::new(plan).into());
    let table = d.attachment_table.as_mut().unwrap();
    table.set_cell("6", 4, "字".repeat(201)).unwrap();
    table.set_cell("7", 5, "字".repeat(200)).unwrap();
    let findings = check_draft(&d, today(), &Setup::default());
    let over = rule(&findings, "table-cell-length");
    assert_eq!(over.len(), 1, "{over:#?}");
    assert_eq!(over[0].severity, Severity::Error);
    assert!(over[0].message.contains("序号“6”") && over[0].message.contains("201"));
    // It points at the cell: the row of item 6 among the printed rows, and column 4.
    let row = d
        .attachment_table
        .as_ref()
        .unwrap()
        .rows(d.plan.as_ref().map(|state| &state.plan))
        .iter()
        .position(|r| r.number == "6")
        .unwrap();
    let cell = report_core::attachment::CellRef { row, column: 4 };
    assert_eq!(
        over[0].location,
        Location::Text {
            target: TextRef::TableCell { cell },
            range: None
        }
    );
    let cell_chars = |d: &Draft| {
        d.attachment_table
            .as_ref()
            .unwrap()
            .cell("6", 4)
            .chars()
            .count()
    };
    assert_eq!(cell_chars(&d), 201);

    // A fix aimed at a cell edits that cell, and refuses text that has changed.
    let fix = report_core::check::Fix {
        target: TextRef::TableCell { cell },
        edits: vec![report_core::check::Edit {
            range: CharRange { start: 0, end: 2 },
            expected: "字字".into(),
            replacement: "文".into(),
        }],
    };
    apply_fix(&mut d, &fix).unwrap();
    assert_eq!(cell_chars(&d), 200);
    assert_eq!(apply_fix(&mut d, &fix), Err(FixError::Stale));
}

/// The fixable findings of each rule, by rule, in the order first found.
fn fixes_by_rule(findings: &[Finding]) -> Vec<(&'static str, Vec<Fix>)> {
    let mut by_rule: Vec<(&'static str, Vec<Fix>)> = Vec::new();
    for finding in findings {
        let Some(fix) = finding.fix.clone() else {
            continue;
        };
        match by_rule
            .iter_mut()
            .find(|(rule, _)| *rule == finding.rule.id())
        {
            Some((_, fixes)) => fixes.push(fix),
            None => by_rule.push((finding.rule.id(), vec![fix])),
        }
    }
    by_rule
}

#[test]
fn fix_all_clears_a_rule_in_one_step_and_one_undo_restores_the_text() {
    let original = draft_from_text(SHANGCHENG, 2023).unwrap();
    let findings = check_draft(&original, today(), &Setup::default());
    let by_rule = fixes_by_rule(&findings);
    let commas = &by_rule
        .iter()
        .find(|(rule, _)| *rule == "halfwidth-punct")
        .expect("the 上城 text has half-width punctuation")
        .1;
    assert!(commas.len() > 1, "{} findings", commas.len());
    for (rule, fixes) in &by_rule {
        let mut d = original.clone();
        let mut history = History::default();
        let edit = fix_all_edit(&d, fixes).unwrap();
        history.apply(&mut d, edit).unwrap();
        let left: Vec<_> = check_draft(&d, today(), &Setup::default())
            .into_iter()
            .filter(|f| f.rule.id() == *rule && f.fix.is_some())
            .collect();
        assert!(left.is_empty(), "{rule}: {left:?}");
        history.undo(&mut d).unwrap();
        assert_eq!(d, original, "one undo restores the text before {rule}");
        assert!(!history.can_undo());
    }
}

#[test]
fn fix_all_merges_fixes_of_one_text_and_refuses_a_stale_one() {
    let mut d = draft("draft-shangcheng-2023.json");
    let fix = rule(
        &check_draft(&d, today(), &Setup::default()),
        "halfwidth-punct",
    )[0]
    .fix
    .clone()
    .unwrap();
    let TextRef::Node { id, part } = fix.target else {
        panic!("{fix:?}")
    };
    // The same text's changes split over two fixes, the later one first: both are made
    // from the text as it is, as if they were one fix.
    let (head, tail) = fix.edits.split_at(fix.edits.len() / 2);
    let halves = [
        Fix {
            target: fix.target,
            edits: tail.to_vec(),
        },
        Fix {
            target: fix.target,
            edits: head.to_vec(),
        },
    ];
    let mut whole = d.clone();
    apply_fix(&mut whole, &fix).unwrap();
    let mut split = d.clone();
    split.apply(fix_all_edit(&d, &halves).unwrap()).unwrap();
    assert_eq!(split, whole);

    let before = match d.node(id) {
        Some(Node::Paragraph { text, .. }) => text.clone(),
        other => panic!("{other:?}"),
    };
    d.set_text(id, part, format!("新增，{before}")).unwrap();
    // Several fixes refused together are named together (a second quick 全部修正 too).
    assert_eq!(fix_all_edit(&d, &halves), Err(FixError::StaleAll));
}

#[test]
fn a_fix_label_shows_the_change_in_its_context() {
    let d = draft_from_text(
        "关于2023年度法治政府建设工作情况的报告\n我局坚持依法,行政,规范执法。\n",
        2023,
    )
    .unwrap();
    let fix = rule(
        &check_draft(&d, today(), &Setup::default()),
        "halfwidth-punct",
    )[0]
    .fix
    .clone()
    .unwrap();
    assert_eq!(
        fix_label(&d, &fix),
        "“…持依法,行政,…”→“…持依法，行政,…”（共2处）"
    );
    // Once the text has changed, the label falls back to the bare changes.
    let mut changed = d.clone();
    let TextRef::Node { id, part } = fix.target else {
        panic!("{fix:?}")
    };
    changed.set_text(id, part, "另写的内容。".into()).unwrap();
    assert_eq!(fix_label(&changed, &fix), fix.summary());
}

#[test]
fn a_draft_ignores_its_ignored_rules_and_gets_them_back() {
    let mut d = draft("draft-shangcheng-2023.json");
    let mut history = History::default();
    let count = |d: &Draft, id: &str| rule(&check_draft(d, today(), &Setup::default()), id).len();
    let commas = count(&d, "halfwidth-punct");
    assert!(commas > 0);
    let others = check_draft(&d, today(), &Setup::default()).len() - commas;
    let ignore = Edit::ignore_rule(&d, "halfwidth-punct").unwrap();
    history.apply(&mut d, ignore).unwrap();
    assert_eq!(count(&d, "halfwidth-punct"), 0);
    assert_eq!(check_draft(&d, today(), &Setup::default()).len(), others);
    assert_eq!(
        Edit::ignore_rule(&d, "halfwidth-punct"),
        None,
        "ignored once"
    );
    history.undo(&mut d).unwrap();
    assert!(d.ignored_rules.is_empty());
    assert_eq!(count(&d, "halfwidth-punct"), commas);
}

/// The web app's worker checks the draft and sends the findings to the page as JSON:
/// they read back as they were, places and fixes included.
#[test]
fn findings_read_back_from_json_as_the_worker_sends_them() {
    let findings = check_draft(
        &draft_from_text(SHANGCHENG, 2023).unwrap(),
        today(),
        &Setup::default(),
    );
    assert!(findings.iter().any(|f| f.fix.is_some()));
    assert!(findings
        .iter()
        .any(|f| matches!(f.location, Location::Text { .. })));
    let json = serde_json::to_string(&findings).unwrap();
    assert_eq!(
        serde_json::from_str::<Vec<Finding>>(&json).unwrap(),
        findings
    );
}
