use serde_json::{json, Value};

use super::file::{MAX_SECTIONS, MAX_TEMPLATE_BYTES, MAX_TEXT_CHARS, TEMPLATE_VERSION};
use super::*;
use crate::attachment::ColumnSource;
use crate::validate;

fn full() -> Template {
    let mut t = Template::builtin("indicator-table").unwrap();
    t.sections[1].content = vec![
        OutlineNode::Heading {
            title: "强化法治建设主体责任落实".into(),
            text: String::new(),
            children: vec![OutlineNode::Paragraph {
                text: "{year}年，我局……".into(),
            }],
        },
        OutlineNode::Paragraph {
            text: "详见附件。".into(),
        },
    ];
    t.defaults = DocumentDefaults {
        issuer_name: "杭州市上城区卫生健康局".into(),
        issuer_mark: "杭州市上城区卫生健康局文件".into(),
        agency_code: "上卫".into(),
        recipients: "区委、区政府".into(),
        cc: "区委全面依法治区委员会办公室".into(),
        printer: "杭州市上城区卫生健康局办公室".into(),
        signers: vec!["张三".into()],
    };
    t.checker.disabled_rules = vec!["secrecy-review".into()];
    t.plan = Some(
        crate::plan::parse_plan_text("一、强化法治建设主体责任落实\n1.保护市场公平竞争。出台前100%审查。（局法制科、局办公室）")
            .unwrap()
            .plan,
    );
    t.deadlines.submit = MonthDay { month: 2, day: 28 };
    t
}

fn load_err(json: &str) -> String {
    from_json(json).unwrap_err().to_string()
}

/// The full template's JSON with `edit` applied.
fn edited(edit: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(&to_json(&full())).unwrap();
    edit(&mut v);
    v.to_string()
}

#[test]
fn every_builtin_loads_and_produces_a_draft_with_its_outline() {
    let builtins = Template::builtins();
    assert_eq!(builtins.len(), Template::builtin_ids().count());
    assert_eq!(builtins[0], Template::builtin_default());
    for (t, id) in builtins.iter().zip(Template::builtin_ids()) {
        assert_eq!(Template::builtin(id).as_ref(), Some(t));
        let d = t.new_draft("x".into(), 2024);
        assert_eq!(d.template, t.name);
        assert_eq!(d.export, t.export);
        let titles: Vec<_> = d.sections.iter().map(|s| s.title.clone()).collect();
        let expected: Vec<_> = t
            .sections
            .iter()
            .map(|s| fill_year(&s.title, 2024))
            .collect();
        assert_eq!(titles, expected, "{id}");
        assert!(d.meta.title.contains("2024年"), "{id}: {}", d.meta.title);
        assert!(
            d.sections
                .iter()
                .all(|s| !s.title.contains('{') && !s.guidance.contains('{')),
            "{id}"
        );
        assert!(d.ids().iter().all(|&id| id < d.next_id));
        assert!(validate::errors(&d).is_empty(), "{id}");
    }
    assert_eq!(Template::builtin("no-such"), None);
}

#[test]
fn thematic_builtin_follows_the_hangzhou_2018_outline() {
    let t = Template::builtin("thematic-2018").unwrap();
    let numbered: Vec<_> = t
        .sections
        .iter()
        .filter(|s| s.numbered)
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(
        numbered,
        [
            "健全机制，严格落实依法行政责任制",
            "以“最多跑一次”改革为核心，规范高效实施行政审批",
            "深化放管服改革，全面推进卫生健康综合执法",
            "宣教结合，做好卫生健康系统普法工作",
            "联动奖惩，推进卫生健康领域“信用杭州”建设",
            "存在问题及下一步主要工作思路",
        ]
    );
    assert!(t.sections[1].guidance.contains("第一责任人"));
    let d = t.new_draft("x".into(), 2024);
    let Node::Paragraph { text, .. } = &d.sections[0].children[0] else {
        panic!("the opening is a pre-filled paragraph");
    };
    assert!(text.starts_with("2024年，"), "{text}");
    assert!(!d.export.red_header);
    // The template's checker settings drop the rule it turns off, and only that one.
    let today = CalendarDate::new(2025, 2, 1).unwrap();
    let findings = crate::check::check_draft(&d, today, &Default::default());
    assert!(findings
        .iter()
        .any(|f| f.rule == crate::rules::Rule::RecipientsMissing));
    let kept = crate::check::check_draft(&d, today, &crate::check::Setup::of_template(&t));
    assert!(kept
        .iter()
        .all(|f| f.rule != crate::rules::Rule::RecipientsMissing));
    assert_eq!(kept.len(), findings.len() - 1);
}

#[test]
fn indicator_table_builtin_follows_the_qingpu_attachment() {
    let t = Template::builtin("indicator-table").unwrap();
    let table = t.attachment_table.as_ref().unwrap();
    let columns: Vec<_> = table
        .columns
        .iter()
        .map(|c| (c.name.as_str(), c.source, c.max_chars))
        .collect();
    assert_eq!(
        columns,
        [
            ("三级指标序号", ColumnSource::ItemNumber, None),
            ("三级指标内容", ColumnSource::ItemContent, None),
            ("具体分解内容", ColumnSource::Entry, None),
            ("责任部门", ColumnSource::ItemDepartments, None),
            ("已完成情况（200字以内）", ColumnSource::Entry, Some(200)),
            ("下一步举措（200字以内）", ColumnSource::Entry, Some(200)),
        ]
    );
    let d = t.new_draft("x".into(), 2023);
    assert_eq!(d.meta.attachments, ["2023年度法治政府建设指标分解表"]);
}

#[test]
fn new_draft_applies_defaults_content_and_layout() {
    let t = full();
    let d = t.new_draft("x".into(), 2023);
    let m = &d.meta;
    assert_eq!(m.issuer_name, "杭州市上城区卫生健康局");
    assert_eq!(m.signature, m.issuer_name);
    assert_eq!(m.issuer_mark, "杭州市上城区卫生健康局文件");
    assert_eq!(m.doc_number.agency_code, "上卫");
    assert_eq!((m.doc_number.year, m.doc_number.serial), (None, None));
    assert_eq!(m.recipients, "区委、区政府");
    assert_eq!(m.signers, ["张三"]);
    assert_eq!(m.date, None);
    let Node::Heading { children, .. } = &d.sections[1].children[0] else {
        panic!("a pre-filled heading");
    };
    assert_eq!(
        children[0],
        Node::Paragraph {
            id: children[0].id(),
            text: "2023年，我局……".into()
        }
    );
    assert_eq!(d.level_of(children[0].id()), Some(3));
    let mut ids = d.ids();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), d.ids().len());
    assert_eq!(d.next_id, ids.last().unwrap() + 1);
    let plan = d.plan.unwrap();
    assert_eq!(Some(&plan.plan), t.plan.as_ref());
    assert_eq!(plan.plan.items[0].departments, ["局法制科", "局办公室"]);
    assert!(plan.decisions.is_empty());
}

#[test]
fn round_trip() {
    for t in Template::builtins().iter().cloned().chain([full()]) {
        let json = to_json(&t);
        assert!(json.contains("\"format\": \"report-drafter.template\""));
        assert!(json.contains(&format!("\"version\": {TEMPLATE_VERSION}")));
        assert_eq!(from_json(&json), Ok(t.clone()));
        assert_eq!(from_json_bytes(json.as_bytes()), Ok(t));
    }
}

#[test]
fn builtins_read_as_user_files_too_and_own_writes_read_back() {
    for (t, (_, json)) in Template::builtins().iter().zip(BUILTINS) {
        assert_eq!(
            from_json(json).as_ref(),
            Ok(t),
            "the reader that names faults"
        );
    }
    let json = to_json(&full());
    assert_eq!(file::from_own_json(&json), Ok(full()));
    let damaged = json.replace("\"title\"", "\"titel\"");
    assert_eq!(file::from_own_json(&damaged), Err(TemplateError::Damaged));
    assert!(matches!(
        from_json(&damaged),
        Err(TemplateError::Field { .. })
    ));
    assert_eq!(
        TemplateError::Damaged.to_string(),
        "模板内容已损坏：有字段缺失、多余或类型不对"
    );
}

#[test]
fn version_0_templates_are_migrated() {
    let v0 = json!({
        "format": "report-drafter.template",
        "version": 0,
        "template": {
            "name": "旧模板",
            "description": "",
            "title": "关于{year}年度法治政府建设工作情况的报告",
            "sections": [{ "key": "measures", "title": "主要举措和成效", "guidance": "写成效" }]
        }
    });
    let t = from_json(&v0.to_string()).unwrap();
    // A library stored by an earlier release is read by the own reader, migrated alike.
    assert_eq!(file::from_own_json(&v0.to_string()).as_ref(), Ok(&t));
    assert_eq!((t.created_by.as_str(), t.created), ("", None));
    assert_eq!(t.defaults, DocumentDefaults::default());
    assert_eq!(t.deadlines, Deadlines::default());
    assert!(t.sections[0].numbered);
    // Without the migration a version 1 file must say who made it.
    let mut v1 = v0;
    v1["version"] = 1.into();
    assert_eq!(load_err(&v1.to_string()), "字段“template.created_by”缺失");
}

#[test]
fn envelope_faults_have_specific_messages() {
    let good = to_json(&full());
    assert_eq!(load_err(""), "文件是空的");
    assert!(load_err("PK\u{3}\u{4}").starts_with("文件不是有效的 JSON 格式（第 1 行"));
    assert!(load_err(&good[..good.find("\"sections\"").unwrap()]).starts_with("文件不完整"));
    assert_eq!(load_err("[]"), "这不是报告模板文件：缺少格式标识 format");
    let draft = crate::format::to_json(
        &Template::builtin_default().new_draft("d".into(), 2023),
        0.0,
    );
    assert_eq!(
        load_err(&draft),
        "这不是报告模板文件：格式标识为“report-drafter.draft”，应为“report-drafter.template”"
    );
    assert_eq!(
        load_err(&edited(|v| v["version"] = "1".into())),
        "模板文件缺少版本号 version，或版本号不是非负整数"
    );
    assert_eq!(
        load_err(&edited(|v| v["version"] = 2.into())),
        "此模板由更新版本的起草助手生成（文件版本 2，本程序只能读取版本 1 及以下），请使用新版本打开"
    );
    assert_eq!(
        load_err(&edited(|v| {
            v.as_object_mut().unwrap().remove("template");
        })),
        "模板文件缺少模板内容 template"
    );
    let huge = " ".repeat(MAX_TEMPLATE_BYTES + 1);
    assert_eq!(
        load_err(&huge),
        format!("文件过大（{} 字节），模板文件最大 2 MB", huge.len())
    );
    assert_eq!(
        from_json_bytes(huge.as_bytes()),
        Err(TemplateError::TooLarge(huge.len()))
    );
}

/// A change to a template's JSON that makes it invalid.
type Edit = dyn FnOnce(&mut Value);

#[test]
fn field_errors_name_the_path_and_the_problem() {
    let cases: Vec<(Box<Edit>, String)> = vec![
        (
            Box::new(|v| {
                v["template"].as_object_mut().unwrap().remove("name");
            }),
            "字段“template.name”缺失".into(),
        ),
        (
            Box::new(|v| v["template"]["sections"] = "一、二、".into()),
            "字段“template.sections”的类型不对，应为列表".into(),
        ),
        (
            Box::new(|v| v["template"]["sections"][2]["title"] = 3.into()),
            "字段“template.sections[2].title”的类型不对，应为文本".into(),
        ),
        (
            Box::new(|v| v["template"]["export"]["red_header"] = "是".into()),
            "字段“template.export.red_header”的类型不对，应为true 或 false".into(),
        ),
        (
            Box::new(|v| v["template"]["export"]["profile"] = "a4".into()),
            "字段“template.export.profile”的取值“a4”无法识别".into(),
        ),
        (
            Box::new(|v| v["template"]["defaults"]["seal"] = "公章".into()),
            "字段“template.defaults.seal”无法识别（本程序不认识这个字段）".into(),
        ),
        (
            Box::new(|v| v["template"]["deadlines"]["submit"]["month"] = 300.into()),
            "字段“template.deadlines.submit.month”的取值超出允许范围".into(),
        ),
        (
            Box::new(|v| v["template"]["created"] = "2024-02-30".into()),
            "字段“template.created”有误：“2024-02-30”不是有效日期（应为 YYYY-MM-DD）".into(),
        ),
        (
            Box::new(|v| {
                v["template"]["sections"][1]["content"][0]["heading"]["children"][0] =
                    json!({ "table": {} })
            }),
            "字段“template.sections[1].content[0].heading.children[0]”的取值“table”无法识别"
                .into(),
        ),
        (
            Box::new(|v| v["template"]["name"] = " ".into()),
            "字段“template.name”不能为空".into(),
        ),
        (
            Box::new(|v| v["template"]["sections"] = json!([])),
            "字段“template.sections”不能为空：模板至少要有一个部分".into(),
        ),
        (
            Box::new(|v| {
                let one = v["template"]["sections"][1].clone();
                v["template"]["sections"] = Value::Array(vec![one; MAX_SECTIONS + 1]);
            }),
            "字段“template.sections”有 201 项，最多 200 项".into(),
        ),
        (
            Box::new(|v| v["template"]["sections"][3]["guidance"] = "字".repeat(MAX_TEXT_CHARS + 1).into()),
            "字段“template.sections[3].guidance”过长（50001 字，最多 50000 字）".into(),
        ),
        (
            Box::new(|v| {
                v["template"]["sections"][1]["content"][0]["heading"]["children"][0] =
                    json!({ "paragraph": { "text": "字".repeat(MAX_TEXT_CHARS + 1) } })
            }),
            "字段“template.sections[1].content[0].heading.children[0].paragraph.text”过长（50001 字，最多 50000 字）".into(),
        ),
        (
            Box::new(|v| {
                v["template"]["sections"][0]["content"] =
                    json!([{ "heading": { "title": "导语标题" } }])
            }),
            "字段“template.sections[0].content[0].heading”不能出现在不编号的部分（如导语）中，只能是段落".into(),
        ),
        (
            Box::new(|v| {
                let mut node = json!({ "heading": { "title": "第五级" } });
                for _ in 0..3 {
                    node = json!({ "heading": { "title": "上一级", "children": [node] } });
                }
                v["template"]["sections"][1]["content"] = json!([node]);
            }),
            "字段“template.sections[1].content[0].heading.children[0].heading.children[0].heading.children[0].heading”超过四级标题（一、（一）1.（1））".into(),
        ),
        (
            Box::new(|v| v["template"]["checker"]["disabled_rules"] = json!(["H1"])),
            "字段“template.checker.disabled_rules[0]”的取值“H1”不是已知的检查规则".into(),
        ),
        (
            Box::new(|v| v["template"]["deadlines"]["publish"] = json!({ "month": 2, "day": 29 })),
            "字段“template.deadlines.publish”不是每年都有的日期（2月29日）".into(),
        ),
        (
            Box::new(|v| v["template"]["attachment_table"]["columns"] = json!([])),
            "字段“template.attachment_table.columns”不能为空".into(),
        ),
        (
            Box::new(|v| v["template"]["attachment_table"]["columns"][4]["max_chars"] = 0.into()),
            "字段“template.attachment_table.columns[4].max_chars”必须大于 0".into(),
        ),
        (
            Box::new(|v| v["template"]["attachment_table"]["columns"][4]["max_chars"] = 60_000.into()),
            "字段“template.attachment_table.columns[4].max_chars”过大（60000，最多 50000）".into(),
        ),
        (
            Box::new(|v| v["template"]["plan"]["items"][0]["departments"] = "局法制科".into()),
            "字段“template.plan.items[0].departments”的类型不对，应为列表".into(),
        ),
        (
            Box::new(|v| v["template"]["plan"]["items"][0]["body"] = "字".repeat(MAX_TEXT_CHARS + 1).into()),
            "字段“template.plan.items[0].body”过长（50001 字，最多 50000 字）".into(),
        ),
        (
            Box::new(|v| {
                v["template"]["plan"]["terms"] =
                    json!(["syn 天目医享 = 乡村医疗优质共享", "syn 共富 共同富裕"])
            }),
            "字段“template.plan.terms[1]”（等号）词头后应为“ = ”（前后有空格），实为“共同富裕”".into(),
        ),
        (
            Box::new(|v| v["template"]["defaults"]["signers"] = json!(vec!["张三"; 1001])),
            "字段“template.defaults.signers”有 1001 项，最多 1000 项".into(),
        ),
    ];
    for (edit, message) in cases {
        assert_eq!(load_err(&edited(edit)), message);
    }
}

#[test]
fn a_plan_with_ten_thousand_terms_loads() {
    let mut t = full();
    let word = |k: u32, j: u32| -> String {
        [k / 64, k % 64, j]
            .iter()
            .map(|d| char::from_u32(0x4E00 + d).unwrap_or('一'))
            .collect()
    };
    if let Some(plan) = &mut t.plan {
        plan.terms = (0..2_500)
            .map(|k| {
                format!(
                    "syn {} = {} {} {}",
                    word(k, 0),
                    word(k, 1),
                    word(k, 2),
                    word(k, 3)
                )
            })
            .collect();
    }
    let loaded = from_json(&to_json(&t)).unwrap();
    assert_eq!(loaded.plan.map(|p| p.terms.len()), Some(2_500));
}

#[test]
fn arbitrary_bytes_never_panic() {
    let good = to_json(&full());
    for end in (0..good.len())
        .filter(|&i| good.is_char_boundary(i))
        .step_by(3)
    {
        let _ = from_json(&good[..end]);
    }
    let mut bytes = good.into_bytes();
    for i in (0..bytes.len()).step_by(5) {
        let original = bytes[i];
        bytes[i] = b"{}[]\",:0a"[i % 9];
        let _ = from_json_bytes(&bytes);
        bytes[i] = original;
    }
}

#[test]
fn years_become_placeholders_only_as_whole_four_digit_numbers() {
    assert_eq!(
        year_placeholders(
            "2023年主要工作，2024年安排，12023号，2022年，〔2024〕",
            2023
        ),
        "{year}年主要工作，{next_year}年安排，12023号，2022年，〔{next_year}〕"
    );
    assert_eq!(
        fill_year(&year_placeholders("2023—2024", 2023), 2030),
        "2030—2031"
    );
}

#[test]
fn the_default_draft_file_is_the_default_templates_draft() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_DRAFT_FILE);
    let json = crate::format::to_compact_json(&Template::builtin_default().year_free_draft(), 0.0);
    if std::env::var_os("REWRITE_DEFAULT_DRAFT").is_some() {
        std::fs::write(&path, &json).unwrap();
    }
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        json,
        "{DEFAULT_DRAFT_FILE} is not the default template's draft: run this test with REWRITE_DEFAULT_DRAFT=1"
    );
    for year in [2020, 2024, 2031] {
        assert_eq!(
            default_draft("d".into(), year),
            Template::builtin_default().new_draft("d".into(), year)
        );
    }
}
