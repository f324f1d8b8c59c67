//! Reports and plans whose headings and items Word numbers itself (automatic
//! numbering: the labels are in `word/numbering.xml`, not in the text) import with the
//! labels Word shows.

mod support;

use report_core::outline::outline;
use report_core::plan;
use report_core::report_text;

/// The numbering part of a document whose headings are numbered 一、/（一）/1. by list 1,
/// as WPS writes it (its styles named by number, `1` for 标题 1), and whose plain list
/// 2 numbers items 1. 2. … under the same definition's second level.
const NUMBERING: &str = r#"
<w:abstractNum w:abstractNumId="0"><w:nsid w:val="1A2B3C4D"/><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="1"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="2"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="3"/><w:lvlText w:val="%3."/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
"#;

const STYLES: &str = r#"
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:pPr><w:keepNext/><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="3"><w:name w:val="heading 3"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
"#;

fn paragraph(properties: &str, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr>{properties}<w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
    )
}

fn styled(style: &str, text: &str) -> String {
    paragraph(&format!(r#"<w:pStyle w:val="{style}"/>"#), text)
}

fn listed(list: u32, level: u32, text: &str) -> String {
    paragraph(
        &format!(r#"<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{list}"/></w:numPr>"#),
        text,
    )
}

/// A .docx of `body`'s paragraphs with [`NUMBERING`] and [`STYLES`].
fn docx(body: &[String]) -> Vec<u8> {
    support::docx(&body.concat(), NUMBERING, STYLES)
}

#[test]
fn a_report_with_word_numbered_headings_keeps_its_outline() {
    let body = [
        styled("a", "关于2024年法治政府建设情况的报告"),
        styled(
            "a",
            "2024年，我局坚持以习近平法治思想为指导，现将有关情况报告如下。",
        ),
        styled("1", "主要举措和成效"),
        styled("2", "加强组织领导"),
        styled("a", "局党委专题研究法治建设工作4次。"),
        styled("3", "落实第一责任人职责"),
        styled("3", "开展集中学法"),
        styled("2", "推进依法行政"),
        styled("3", "规范行政执法"),
        styled("1", "存在的不足"),
        styled("a", "法治宣传的针对性有待增强。"),
        styled("1", "下一年度主要安排"),
        styled("2", "深化法治宣传"),
    ];
    let draft = report_text::draft_from_file(&docx(&body), "2024年法治政府建设情况报告.docx", 2024)
        .unwrap();
    let headings: Vec<String> = outline(&draft)
        .into_iter()
        .filter(|entry| !entry.label.is_empty() || entry.level > 1)
        .map(|entry| format!("{}{}", entry.label, entry.title))
        .collect();
    assert_eq!(
        headings,
        [
            "一、主要举措和成效",
            "（一）加强组织领导",
            "1.落实第一责任人职责",
            "2.开展集中学法",
            "（二）推进依法行政",
            "1.规范行政执法",
            "二、存在的不足",
            "三、下一年度主要安排",
            "（一）深化法治宣传",
        ]
    );
    assert_eq!(draft.report_year, 2024);
}

#[test]
fn a_plan_with_word_numbered_items_keeps_its_numbers() {
    let body = [
        styled("a", "2025年法治政府建设工作要点"),
        listed(2, 0, "加强党对法治建设的领导"),
        listed(
            2,
            1,
            "深入学习贯彻习近平法治思想。将其列入党委理论学习中心组学习内容。（牵头单位：办公室）",
        ),
        listed(2, 2, "每季度至少开展一次集中学习。"),
        listed(
            2,
            1,
            "落实法治建设第一责任人职责。主要负责人年终述法。（牵头单位：办公室、法规科）",
        ),
        listed(2, 0, "推进严格规范公正文明执法"),
        listed(
            2,
            1,
            "全面推行行政执法三项制度。执法公示率达到100%。（牵头单位：执法队）",
        ),
    ];
    let import = plan::parse_plan_bytes(&docx(&body), "2025年工作要点.docx").unwrap();
    let plan = import.plan;
    assert_eq!(plan.year, Some(2025));
    let items: Vec<(&str, &str, &str)> = plan
        .items
        .iter()
        .map(|item| {
            (
                item.group.as_str(),
                item.number.as_str(),
                item.title.as_str(),
            )
        })
        .collect();
    assert_eq!(
        items,
        [
            ("加强党对法治建设的领导", "1", "深入学习贯彻习近平法治思想"),
            ("加强党对法治建设的领导", "2", "落实法治建设第一责任人职责"),
            ("推进严格规范公正文明执法", "1", "全面推行行政执法三项制度"),
        ]
    );
    assert_eq!(plan.items[2].departments, ["执法队"]);
}
