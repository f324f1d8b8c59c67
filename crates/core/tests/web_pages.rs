//! Reports and plans saved from the government website where they were published
//! (.html): read as the same document their text is, without the site around them.

use report_core::plan;
use report_core::report_text;

const LINAN_PLAN: &str = include_str!("fixtures/plan-2023-linan-district-health-bureau.txt");
const SHANGCHENG: &str = include_str!("fixtures/report-2023-shangcheng-district-health-bureau.txt");

/// `text` as a district website publishes it: one `<p>` per line (entities escaped,
/// indents as `&nbsp;`), inside a page with a head, a script, a menu, a breadcrumb,
/// links to other years' documents and a footer with a date of its own.
fn published(text: &str, charset: &str) -> String {
    let paragraphs: String = text
        .lines()
        .map(|line| {
            let escaped = line
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            format!("<p style=\"text-indent:2em\">&nbsp;&nbsp;{escaped}</p>\n")
        })
        .collect();
    format!(
        r##"<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>政务公开_杭州市上城区人民政府</title>
<script type="text/javascript">var n = 1; if (n < 2) {{ document.write('<div>'); }}</script></head>
<body><div class="top"><nav><a href="/">首页</a> <a href="/zwgk/">政务公开</a></nav></div>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 法治政府建设</div>
<div class="wz"><table class="info"><tr><td>发布日期：2024-03-25</td><td>来源：区卫生健康局</td></tr></table>
<div class="content">
{paragraphs}</div></div>
<div class="xgwz"><ul><li><a href="#">2022年度法治政府建设工作报告</a></li></ul></div>
<div class="foot">主办单位：杭州市上城区人民政府办公室<br>2024年3月25日更新</div>
</body></html>"##
    )
}

#[test]
fn a_published_report_reads_as_its_text() {
    // As published: its title above, its 署名 and 成文日期 below (the seed is the body).
    let report = format!(
        "上城区卫生健康局2023年法治政府建设年度报告\n{SHANGCHENG}\n上城区卫生健康局\n2024年3月20日\n"
    );
    let page = published(&report, "utf-8");
    let from_page = report_text::draft_from_file(page.as_bytes(), "报告.html", 2023).unwrap();
    let from_text = report_text::draft_from_text(&report, 2023).unwrap();
    assert!(from_page.meta.title.ends_with("法治政府建设年度报告"));
    assert!(from_page.meta.date.is_some());
    assert_eq!(from_page.meta, from_text.meta);
    assert_eq!(from_page.report_year, from_text.report_year);
    assert_eq!(from_page.sections, from_text.sections);
}

#[test]
fn a_body_without_title_or_date_loses_only_the_site() {
    let page = published(SHANGCHENG, "utf-8");
    let from_page = report_text::draft_from_file(page.as_bytes(), "报告.html", 2023).unwrap();
    let from_text = report_text::draft_from_text(SHANGCHENG, 2023).unwrap();
    assert_eq!(from_page.meta, from_text.meta);
    assert_eq!(from_page.sections, from_text.sections);
}

#[test]
fn a_published_plan_reads_as_its_text() {
    let page = published(LINAN_PLAN, "utf-8");
    let from_page = plan::parse_plan_bytes(page.as_bytes(), "工作要点.htm").unwrap();
    let from_text = plan::parse_plan_text(LINAN_PLAN).unwrap();
    assert_eq!(from_page.plan, from_text.plan);
    assert_eq!(from_page.plan.items.len(), 20);
}

#[cfg(feature = "gbk")]
#[test]
fn a_page_in_gb2312_reads_like_the_utf8_one() {
    let page = published(SHANGCHENG, "gb2312");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&page);
    assert!(!unmappable);
    let from_gbk = report_text::draft_from_file(&gbk, "报告.html", 2023).unwrap();
    let from_utf8 = report_text::draft_from_file(page.as_bytes(), "报告.html", 2023).unwrap();
    assert_eq!(from_gbk.sections, from_utf8.sections);
}

/// `page` as a browser saves it as one file (网页，单个文件): a MIME archive whose first
/// part is the page in quoted-printable, lines of at most 76 characters.
fn web_archive(page: &[u8]) -> Vec<u8> {
    let mut encoded = String::new();
    let mut line = 0;
    for &byte in page {
        let piece = match byte {
            b'\n' => {
                encoded.push_str("\r\n");
                line = 0;
                continue;
            }
            b'=' | 0x80.. => format!("={byte:02X}"),
            _ => (byte as char).to_string(),
        };
        if line + piece.len() > 75 {
            encoded.push_str("=\r\n");
            line = 0;
        }
        line += piece.len();
        encoded.push_str(&piece);
    }
    format!(
        "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\
         \ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--q1w2----\"\r\n\r\n\
         ------MultipartBoundary--q1w2----\r\nContent-Type: text/html\r\n\
         Content-Transfer-Encoding: quoted-printable\r\n\r\n{encoded}\r\n\
         ------MultipartBoundary--q1w2----\r\nContent-Type: text/css\r\n\r\np {{}}\r\n\
         ------MultipartBoundary--q1w2------\r\n"
    )
    .into_bytes()
}

#[test]
fn a_page_saved_as_one_file_reads_like_the_page() {
    let page = published(SHANGCHENG, "utf-8");
    let archive = web_archive(page.as_bytes());
    let from_archive = report_text::draft_from_file(&archive, "报告.mhtml", 2023).unwrap();
    let from_page = report_text::draft_from_file(page.as_bytes(), "报告.html", 2023).unwrap();
    assert_eq!(from_archive.sections, from_page.sections);
    let plan_page = published(LINAN_PLAN, "utf-8");
    let plan = plan::parse_plan_bytes(&web_archive(plan_page.as_bytes()), "要点.mht").unwrap();
    assert_eq!(plan.plan.items.len(), 20);
}
