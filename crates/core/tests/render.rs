//! Exported files rendered by LibreOffice and measured in the PDF: page size, the text
//! block in the 版心, 22 lines a page and 28 characters a line, page numbers on the
//! outer side, the 版记 at the bottom of the last page, ink on the 版心 edges.
//!
//! Needs `soffice`, `pdftotext`, `pdfinfo` and `pdftoppm` (scripts/setup.sh installs
//! them). A missing tool fails the tests: it never skips them.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use report_core::docx;
use report_core::export_options::{ExportOptions, LayoutProfile};
use report_core::model::{Draft, Metadata, Node, Section};

mod pdf_tools;
use pdf_tools::{convert_to_pdf, run};

const MM_PER_PT: f64 = 25.4 / 72.0;
const NOW: &str = "2023-02-27T08:00:00Z";

/// Each case: file stem, draft, options. All are rendered in one LibreOffice run.
fn cases() -> Vec<(&'static str, Draft, ExportOptions)> {
    let jiaxing = report_core::from_json(include_str!("fixtures/draft-jiaxing-2022.json")).unwrap();
    let plain = ExportOptions {
        red_header: false,
        ..ExportOptions::default()
    };
    let mut signers = jiaxing.clone();
    signers.meta.signers = vec!["王伟荣".into(), "李明".into(), "欧阳晓红".into()];
    vec![
        ("jiaxing", jiaxing.clone(), ExportOptions::default()),
        ("signers", signers, ExportOptions::default()),
        ("body-portable", body_only(), plain.clone()),
        (
            "body-print",
            body_only(),
            ExportOptions {
                profile: LayoutProfile::PrintAccurate,
                ..plain
            },
        ),
        ("hostile", hostile(), ExportOptions::default()),
        (
            "long-cc",
            long_cc(jiaxing.clone()),
            ExportOptions::default(),
        ),
        ("attachment", with_table(jiaxing), ExportOptions::default()),
    ]
}

/// The 嘉兴 draft sent in copy to sixty 机关: a 版记 taller than a page.
fn long_cc(mut draft: Draft) -> Draft {
    draft.meta.cc = (0..60)
        .map(|i| format!("某某市第{i}人民政府办公室"))
        .collect::<Vec<_>>()
        .join("、");
    draft
}

/// The 嘉兴 draft with 青浦's indicator table attached, its rows the 青浦 plan.
fn with_table(mut draft: Draft) -> Draft {
    let template = report_core::Template::builtin("indicator-table").unwrap();
    let mut table = template
        .new_draft("t".into(), 2022)
        .attachment_table
        .unwrap();
    let qingpu =
        include_str!("fixtures/indicator-table-2023-qingpu-district-health-commission.txt");
    let plan = report_core::plan::parse_plan_tsv(qingpu).unwrap().plan;
    table.set_cell("6", 4, "全部办结".into()).unwrap();
    draft.plan = Some(report_core::plan_items::PlanState::new(plan).into());
    draft.meta.attachments = vec![table.title.clone()];
    draft.attachment_table = Some(table);
    draft
}

/// Control characters, characters outside GB2312, emoji, markup, a very long title and
/// empty sections: the file must still open.
fn hostile() -> Draft {
    let mut draft = report_core::Template::builtin_default().new_draft("hostile".into(), 2025);
    draft.meta.title = format!("关于<b>&\u{0}\u{1b}{}的报告😀", "法治政府建设".repeat(40));
    draft.meta.issuer_mark = "𠀀𪚥龘😀\u{7}文件".into();
    draft.meta.signers = vec!["王\u{8}伟荣".into()];
    draft.meta.cc = "]]><w:p>".into();
    draft.sections[1].children.push(Node::Paragraph {
        id: draft.next_id,
        text: "第一行\n\n第二行\t\u{b}\u{fffe}😀".into(),
    });
    draft.next_id += 1;
    draft
}

/// One unnumbered section holding one 1680-character paragraph of Han characters only,
/// so that every full line holds exactly 28 (punctuation rules can shorten lines).
fn body_only() -> Draft {
    let seed = include_str!("fixtures/draft-shangcheng-2023.json");
    let han: Vec<char> = seed
        .chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .collect();
    let text: String = han.iter().cycle().take(1680).collect();
    Draft {
        id: "body".into(),
        name: "body".into(),
        report_year: 2023,
        template: "test".into(),
        meta: Metadata::default(),
        sections: vec![Section {
            id: 1,
            key: "body".into(),
            title: String::new(),
            guidance: String::new(),
            numbered: false,
            children: vec![Node::Paragraph { id: 2, text }],
        }],
        export: ExportOptions::default(),
        plan: None,
        secrecy_reviewed: false,
        attachment_table: None,
        ignored_rules: Vec::new(),
        next_id: 3,
    }
}

/// Renders every case once and returns the folder holding `<stem>.docx` and `<stem>.pdf`.
fn rendered() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("render");
        std::fs::create_dir_all(&dir).unwrap();
        let mut files = Vec::new();
        for (stem, draft, options) in cases() {
            let path = dir.join(format!("{stem}.docx"));
            std::fs::write(&path, docx::export(&draft, &options, NOW).unwrap()).unwrap();
            let _ = std::fs::remove_file(dir.join(format!("{stem}.pdf")));
            files.push(path);
        }
        convert_to_pdf(&dir, &files);
        dir
    })
}

fn pdf(stem: &str) -> PathBuf {
    let path = rendered().join(format!("{stem}.pdf"));
    assert!(
        path.exists(),
        "LibreOffice did not produce {}",
        path.display()
    );
    path
}

/// A text line as pdftotext sees it, in millimetres from the page's top left.
#[derive(Debug)]
struct Line {
    page: usize,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    text: String,
}

fn attr(tag: &str, name: &str) -> f64 {
    let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
    tag[at..at + tag[at..].find('"').unwrap()].parse().unwrap()
}

fn lines(stem: &str) -> Vec<Line> {
    // Lossy: pdftotext writes the document's title into the head (not read here) in
    // CESU-8 when it holds a character beyond the BMP, such as the hostile title's 😀.
    let html = String::from_utf8_lossy(&run(Command::new("pdftotext")
        .arg("-bbox-layout")
        .arg(pdf(stem))
        .arg("-")))
    .into_owned();
    let mut out = Vec::new();
    let mut page = 0;
    for chunk in html.split('<').skip(1) {
        if chunk.starts_with("page ") {
            page += 1;
        } else if chunk.starts_with("line ") {
            out.push(Line {
                page,
                x0: attr(chunk, "xMin") * MM_PER_PT,
                y0: attr(chunk, "yMin") * MM_PER_PT,
                x1: attr(chunk, "xMax") * MM_PER_PT,
                y1: attr(chunk, "yMax") * MM_PER_PT,
                text: String::new(),
            });
        } else if chunk.starts_with("word ") {
            let text = &chunk[chunk.find('>').unwrap() + 1..];
            let text = text
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
            out.last_mut().unwrap().text.push_str(&text);
        }
    }
    out
}

fn info(stem: &str, key: &str) -> String {
    let text = String::from_utf8(run(Command::new("pdfinfo").arg(pdf(stem)))).unwrap();
    let line = text.lines().find(|l| l.starts_with(key)).unwrap();
    line[key.len() + 1..].trim().to_string()
}

fn pages(stem: &str) -> usize {
    info(stem, "Pages").parse().unwrap()
}

fn is_page_number(line: &Line) -> bool {
    line.text.starts_with('—') && line.text.ends_with('—')
}

const DPI: f64 = 300.0;

fn px(mm: f64) -> usize {
    (mm / 25.4 * DPI) as usize
}

fn mm(px: usize) -> f64 {
    px as f64 * 25.4 / DPI
}

/// One page as a grey-scale bitmap: (width, pixels), one byte per pixel.
fn bitmap(stem: &str, page: usize) -> (usize, Vec<u8>) {
    let page = page.to_string();
    let pgm = run(Command::new("pdftoppm")
        .args([
            "-gray",
            "-r",
            &DPI.to_string(),
            "-singlefile",
            "-f",
            &page,
            "-l",
            &page,
        ])
        .arg(pdf(stem)));
    let mut fields = pgm.splitn(5, |b| b.is_ascii_whitespace());
    assert_eq!(fields.next(), Some(&b"P5"[..]));
    let mut number = || -> usize {
        std::str::from_utf8(fields.next().unwrap())
            .unwrap()
            .parse()
            .unwrap()
    };
    let (width, _height, _max) = (number(), number(), number());
    (width, fields.next().unwrap().to_vec())
}

/// Dark pixels in row `y` between `x0` and `x1` mm.
fn dark(bitmap: &(usize, Vec<u8>), y: usize, x0: f64, x1: f64) -> usize {
    let (width, pixels) = bitmap;
    (px(x0)..px(x1))
        .filter(|&x| pixels[y * width + x] < 128)
        .count()
}

/// Top and bottom of the ink in the 版心 columns, above the page number, in mm.
fn ink(stem: &str, page: usize) -> (f64, f64) {
    let bitmap = bitmap(stem, page);
    // Page numbers start 7 mm below the 版心 (262 mm): stop 3 mm short of them.
    let rows: Vec<usize> = (0..px(266.0))
        .filter(|&y| dark(&bitmap, y, 28.0, 184.0) > 0)
        .collect();
    (mm(rows[0]), mm(*rows.last().unwrap()))
}

/// Top of the page number's dashes: the first row with a long dark run below the 版心
/// (and below the 版记's last rule, which lies on the 版心 bottom).
fn dash_top(stem: &str, page: usize) -> f64 {
    let bitmap = bitmap(stem, page);
    let row = (px(264.0)..px(290.0))
        .find(|&y| dark(&bitmap, y, 20.0, 190.0) > px(5.0))
        .expect("a page-number dash");
    mm(row)
}

fn near(value: f64, target: f64, tolerance: f64, what: &str) {
    assert!(
        (value - target).abs() <= tolerance,
        "{what}: {value:.2} mm, want {target} ± {tolerance}"
    );
}

#[test]
fn hostile_text_opens_in_libreoffice() {
    assert!(pages("hostile") >= 2, "a 240-character title and the body");
    let text: String = lines("hostile").iter().map(|l| l.text.as_str()).collect();
    assert!(text.contains("第二行"), "{text}");
    assert!(
        text.contains("抄送：]]><w:p>。"),
        "markup stays text: {text}"
    );
}

/// A 版记 taller than a page flows across pages: every 机关 and the 印发 line are
/// printed inside the 版心, and every page keeps its number.
#[test]
fn a_version_record_taller_than_a_page_loses_nothing() {
    let all = lines("long-cc");
    let text: String = all
        .iter()
        .filter(|l| !is_page_number(l))
        .map(|l| l.text.as_str())
        .collect();
    for i in 0..60 {
        let organ = format!("某某市第{i}人民政府办公室");
        assert!(text.contains(&organ), "{organ} lost: {text}");
    }
    assert!(text.contains("2023年2月27日印发"), "{text}");
    for line in all.iter().filter(|l| !is_page_number(l)) {
        assert!(
            line.x0 >= 27.0 && line.x1 <= 185.0 && line.y0 >= 36.0 && line.y1 <= 263.0,
            "outside the 版心: {line:?}"
        );
    }
    for page in 1..=pages("long-cc") {
        assert!(
            all.iter().any(|l| l.page == page && is_page_number(l)),
            "page {page} has no number"
        );
    }
}

#[test]
fn several_signers_are_right_aligned_with_later_names_under_the_first() {
    let lines = lines("signers");
    let find = |needle: &str| {
        lines
            .iter()
            .find(|l| l.page == 1 && l.text.contains(needle))
            .unwrap_or_else(|| panic!("{needle} on page 1: {lines:#?}"))
    };
    let (first, second) = (find("签发人："), find("欧阳晓红"));
    assert!(first.text.contains("王伟荣"), "{first:?}");
    assert!(second.y0 > first.y1, "the third name is on the next line");
    // 1 字 of 3号 is 16 pt = 5.64 mm: the widest line ends 1 字 inside the 版心's right
    // edge (184 mm), and the names start 4 字 (签发人：) after the label.
    let zi = 16.0 * MM_PER_PT;
    near(
        first.x1,
        184.0 - zi,
        1.0,
        "right end of the first signer line",
    );
    near(
        second.x0,
        first.x0 + 4.0 * zi,
        1.0,
        "later names under the first name",
    );
    let number = find("嘉卫〔2023〕24号");
    near(
        number.y0,
        second.y0,
        1.0,
        "发文字号 on the last line of names",
    );
}

#[test]
fn a4_pages() {
    for stem in ["jiaxing", "body-portable", "body-print"] {
        assert!(
            info(stem, "Page size").starts_with("595.3"),
            "{stem}: {}",
            info(stem, "Page size")
        );
        assert!(info(stem, "Page size").contains("841.89"));
    }
}

#[test]
fn text_block_fills_the_ban_xin_with_22_lines_of_28() {
    for stem in ["body-portable", "body-print"] {
        let all = lines(stem);
        let page1: Vec<&Line> = all
            .iter()
            .filter(|l| l.page == 1 && !is_page_number(l))
            .collect();
        assert_eq!(page1.len(), 22, "{stem}: lines on a full page");
        near(
            page1.iter().map(|l| l.x0).fold(f64::MAX, f64::min),
            28.0,
            1.0,
            "left edge",
        );
        near(
            page1.iter().map(|l| l.x1).fold(0.0, f64::max),
            184.0,
            1.0,
            "right edge",
        );
        // The first line is indented 2 字; every other line on the page is full.
        assert_eq!(
            page1[0].text.chars().count(),
            26,
            "{stem}: {}",
            page1[0].text
        );
        for line in &page1[1..] {
            assert_eq!(line.text.chars().count(), 28, "{stem}: {}", line.text);
        }
    }
}

#[test]
fn print_accurate_ink_sits_on_the_ban_xin_edges() {
    let (top, bottom) = ink("body-print", 1);
    near(top, 37.0, 1.5, "top ink");
    near(bottom, 262.0, 1.5, "bottom ink");
}

#[test]
fn the_model_report_keeps_the_ban_xin_and_full_pages() {
    let all = lines("jiaxing");
    let count = pages("jiaxing");
    assert!(count >= 3, "{count} pages");
    for line in all.iter().filter(|l| !is_page_number(l)) {
        assert!(
            line.x0 >= 27.0 && line.x1 <= 185.0,
            "outside the 版心: {line:?}"
        );
        assert!(
            line.y0 >= 36.0 && line.y1 <= 263.0,
            "outside the 版心: {line:?}"
        );
    }
    // Pages between the first and the last hold 22 lines. One may end short only where
    // the next page opens with a 一、 heading that is kept with its first lines.
    let body = |page| {
        all.iter()
            .filter(move |l| l.page == page && !is_page_number(l))
    };
    for page in 2..count {
        let next_opens_with_heading = body(page + 1).next().is_some_and(|l| {
            let label: String = l
                .text
                .chars()
                .take_while(|c| "一二三四五六七八九十".contains(*c))
                .collect();
            !label.is_empty() && l.text[label.len()..].starts_with('、')
        });
        let lines = body(page).count();
        if next_opens_with_heading {
            assert!((20..=22).contains(&lines), "page {page}: {lines} lines");
        } else {
            assert_eq!(lines, 22, "page {page}");
        }
    }
    let full = all.iter().filter(|l| l.text.chars().count() == 28).count();
    assert!(full > 50, "{full} full lines of 28");
    assert!(
        all.iter()
            .all(|l| l.text.chars().all(|c| !c.is_ascii()) <= (l.text.chars().count() <= 28)),
        "no line of full-width characters holds more than 28"
    );
    // The mark's ink top 35 mm below the 版心 top.
    near(ink("jiaxing", 1).0, 37.0 + 35.0, 1.5, "发文机关标志");
}

#[test]
fn page_numbers_alternate_sides_one_zi_from_the_edge() {
    let all = lines("jiaxing");
    let count = pages("jiaxing");
    for page in 1..=count {
        let number = all
            .iter()
            .find(|l| l.page == page && is_page_number(l))
            .unwrap_or_else(|| panic!("page {page} has no number"));
        assert_eq!(number.text, format!("—{page}—"));
        // Dash top 7 mm below the 版心 (262 mm); 1 字 of 4号 is 4.94 mm.
        near(dash_top("jiaxing", page), 269.0, 1.0, "page-number dash");
        if page % 2 == 1 {
            near(number.x1, 184.0 - 4.94, 1.0, "odd page number right edge");
        } else {
            near(number.x0, 28.0 + 4.94, 1.0, "even page number left edge");
        }
    }
}

#[test]
fn imprint_at_the_bottom_of_the_last_page() {
    let all = lines("jiaxing");
    let last = pages("jiaxing");
    let cc = all
        .iter()
        .find(|l| l.text.starts_with("抄送："))
        .expect("抄送 line");
    let printed = all
        .iter()
        .find(|l| l.text.ends_with("印发"))
        .expect("印发 line");
    assert_eq!((cc.page, printed.page), (last, last));
    assert!(cc.y1 < printed.y0, "抄送 above 印发");
    near(printed.y1, 259.0, 3.5, "印发 line near the 版心 bottom");
    let printer = all
        .iter()
        .find(|l| l.page == last && l.text == "嘉兴市卫生健康委员会办公室")
        .expect("印发机关");
    near(printer.x0, 28.0 + 4.94, 1.0, "印发机关 1 字 in");
    near(printed.x1, 184.0 - 4.94, 1.0, "印发日期 1 字 in");
}

/// The text pdftotext reads on one page.
fn page_text(stem: &str, page: usize) -> String {
    let page = page.to_string();
    String::from_utf8(run(Command::new("pdftotext")
        .args(["-f", &page, "-l", &page])
        .arg(pdf(stem))
        .arg("-")))
    .unwrap()
}

#[test]
fn the_attached_table_repeats_its_header_on_every_page() {
    let all = lines("attachment");
    let last = pages("attachment");
    let date = all
        .iter()
        .find(|l| l.text.contains("2023年2月27日"))
        .expect("成文日期");
    let label = all.iter().find(|l| l.text == "附件").expect("附件 label");
    assert!(label.page > date.page, "the attachment starts a new page");
    near(label.x0, 28.0, 1.0, "label 顶格");
    let title = all
        .iter()
        .find(|l| l.page == label.page && l.text.contains("指标分解表"))
        .expect("attachment title");
    assert!(title.y0 > label.y1, "title below the label");
    assert!(last >= label.page + 2, "the 青浦 table fills several pages");
    for page in label.page..=last {
        let text = page_text("attachment", page);
        for header in ["三级指标", "已完成情况", "下一步举措"] {
            assert!(text.contains(header), "page {page} lacks {header}:\n{text}");
        }
    }
    let filled = all
        .iter()
        .find(|l| l.text == "全部办结")
        .expect("a filled cell");
    assert!(filled.page >= label.page);
    let cc = all
        .iter()
        .find(|l| l.text.starts_with("抄送："))
        .expect("抄送 line");
    assert_eq!(cc.page, last, "the 版记 after the attachment");
}
