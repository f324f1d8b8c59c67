//! Reading the text of a web page: a report or a plan saved from the government website
//! where it was published (.html, .htm), so that a city can check the reports its
//! districts have published, and a clerk can start from last year's. Block elements make
//! lines and table cells are separated by tabs, as copying the page gives it; what a page
//! holds besides text (its head, scripts, styles, navigation, forms) is left out. The text
//! read becomes a report's or a plan's lines, never HTML again.

use std::borrow::Cow;

use crate::date::is_date_line;
use crate::decode::decode_text;
use crate::xml_text::{unescape, Tags};

/// The text of a file a plan or a report is read from: a web page, or one saved as one
/// file, as the text of the document it publishes ([`document_text`]); any other file
/// decoded as it is ([`decode_text`]). `None` when the bytes are no text.
pub fn file_text(bytes: &[u8]) -> Option<Cow<'_, str>> {
    let text = match page_of_web_archive(bytes) {
        Some(page) => Cow::Owned(decode_text(&page)?.into_owned()),
        None => decode_text(bytes)?,
    };
    Some(match is_html(&text) {
        true => Cow::Owned(document_text(&text)),
        false => text,
    })
}

/// Whether decoded text is a web page: it starts with a tag, and a doctype or an `html`
/// element comes within its first characters.
fn is_html(text: &str) -> bool {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let head: String = start.chars().take(1024).collect();
    let head = head.to_ascii_lowercase();
    start.starts_with('<') && (head.contains("<!doctype html") || head.contains("<html"))
}

/// A page saved as one file (.mhtml, .mht: a browser's 网页，单个文件, or Word's 单个文件
/// 网页): the bytes of the page itself, decoded from the first `text/html` part of the
/// MIME archive (quoted-printable or base64), its pictures and styles left in the archive.
/// `None` for anything else.
fn page_of_web_archive(bytes: &[u8]) -> Option<Vec<u8>> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    if !head.contains("mime-version:") || !head.contains("multipart/related") {
        return None;
    }
    let lowercase = header_parameter(&head, "boundary")?;
    // The boundary as the header writes it: it is matched exactly.
    let at = bytes
        .windows(lowercase.len())
        .position(|w| w.eq_ignore_ascii_case(lowercase.as_bytes()))?;
    let boundary = [b"--", &bytes[at..at + lowercase.len()]].concat();
    let mut parts = split_at_boundary(bytes, &boundary).skip(1);
    parts.find_map(|part| {
        let (headers, body) = split_headers(part)?;
        let headers = String::from_utf8_lossy(headers).to_ascii_lowercase();
        let content_type = header_value(&headers, "content-type")?;
        if !content_type.starts_with("text/html") {
            return None;
        }
        Some(
            match header_value(&headers, "content-transfer-encoding").as_deref() {
                Some("quoted-printable") => quoted_printable(body),
                Some("base64") => base64(body),
                _ => body.to_vec(),
            },
        )
    })
}

/// The value of `name=` in a header's parameters, quoted or not.
fn header_parameter(headers: &str, name: &str) -> Option<String> {
    let rest = &headers[headers.find(&format!("{name}="))? + name.len() + 1..];
    let value = match rest.strip_prefix('"') {
        Some(quoted) => &quoted[..quoted.find('"')?],
        None => rest.split([';', '\r', '\n', ' ', '\t']).next()?,
    };
    (!value.is_empty()).then(|| value.to_string())
}

/// A header's value (up to its first `;`), the header named at a line's start.
fn header_value(headers: &str, name: &str) -> Option<String> {
    headers.lines().find_map(|line| {
        let value = line.strip_prefix(name)?.strip_prefix(':')?;
        Some(value.split(';').next()?.trim().to_string())
    })
}

/// The parts of a MIME body between lines starting with `boundary`.
fn split_at_boundary<'b>(bytes: &'b [u8], boundary: &'b [u8]) -> impl Iterator<Item = &'b [u8]> {
    let mut rest = bytes;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let at = rest
            .windows(boundary.len())
            .position(|w| w == boundary)
            .unwrap_or(rest.len());
        let part = &rest[..at];
        rest = &rest[(at + boundary.len()).min(rest.len())..];
        Some(part)
    })
}

/// A part's headers and its body, split at the first empty line.
fn split_headers(part: &[u8]) -> Option<(&[u8], &[u8])> {
    let crlf = part
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|at| (at, 4));
    let lf = part.windows(2).position(|w| w == b"\n\n").map(|at| (at, 2));
    let (at, len) = match (crlf, lf) {
        (Some(c), Some(l)) => c.min(l),
        (found, None) | (None, found) => found?,
    };
    Some((&part[..at], &part[at + len..]))
}

/// Quoted-printable: `=` and two hex digits is a byte, `=` at a line's end joins lines.
fn quoted_printable(body: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(body.len());
    let mut k = 0;
    while k < body.len() {
        match body[k] {
            b'=' if body[k + 1..].starts_with(b"\r\n") => k += 3,
            b'=' if body[k + 1..].starts_with(b"\n") => k += 2,
            b'=' => match (
                body.get(k + 1).and_then(|&b| hex(b)),
                body.get(k + 2).and_then(|&b| hex(b)),
            ) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    k += 3;
                }
                _ => {
                    out.push(b'=');
                    k += 1;
                }
            },
            byte => {
                out.push(byte);
                k += 1;
            }
        }
    }
    out
}

/// Base64, whatever lies between its characters (line breaks) skipped.
fn base64(body: &[u8]) -> Vec<u8> {
    let value = |b: u8| match b {
        b'A'..=b'Z' => Some(b - b'A'),
        b'a'..=b'z' => Some(b - b'a' + 26),
        b'0'..=b'9' => Some(b - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(body.len() / 4 * 3);
    let (mut bits, mut count) = (0u32, 0);
    for sextet in body
        .iter()
        .take_while(|&&b| b != b'=')
        .filter_map(|&b| value(b))
    {
        bits = bits << 6 | u32::from(sextet);
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    out
}

/// Elements whose content is not the document's text.
const NOT_TEXT: [&str; 8] = [
    "head", "script", "style", "noscript", "template", "nav", "select", "button",
];

/// Elements whose content is raw text, where a `<` opens no tag: skipped to their end tag.
const RAW_TEXT: [&str; 2] = ["script", "style"];

/// Elements that start and end a line.
const BLOCKS: [&str; 21] = [
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "dd",
    "dt",
    "hr",
];

/// The text of the document a page publishes, one line per paragraph (see
/// [`document_lines`]).
fn document_text(html: &str) -> String {
    document_lines(&html_lines(html)).join("\n")
}

/// The lines of a page's text, in order: whitespace inside a line collapsed to one space,
/// lines trimmed, empty ones left out.
fn html_lines(html: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut hidden = 0usize;
    let mut tags = Tags::new(html);
    loop {
        let text = tags.text_until("<");
        if hidden == 0 {
            push_text(&mut line, &unescape(text));
        }
        let Some(tag) = tags.next() else { break };
        let name = tag.name.to_ascii_lowercase();
        let name = name.as_str();
        if RAW_TEXT.contains(&name) && !tag.closing && !tag.empty {
            tags.skip_raw_text(name);
            continue;
        }
        // HTML lets a page leave out `</head>`: its body ends the head whatever was left
        // open there.
        if name == "body" && !tag.closing {
            hidden = 0;
            continue;
        }
        if NOT_TEXT.contains(&name) && !tag.empty {
            hidden = tag.nesting(hidden);
            continue;
        }
        if hidden > 0 {
            continue;
        }
        if BLOCKS.contains(&name) {
            end_line(&mut lines, &mut line);
        } else if matches!(name, "td" | "th") && tag.closing {
            line.push('\t');
        }
    }
    end_line(&mut lines, &mut line);
    lines
}

/// Character data as a browser shows it: any run of whitespace is one space.
fn push_text(line: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_whitespace() && c != '\u{3000}' {
            if !line.is_empty() && !line.ends_with([' ', '\t']) {
                line.push(' ');
            }
        } else {
            line.push(c);
        }
    }
}

fn end_line(lines: &mut Vec<String>, line: &mut String) {
    let text = line.trim_end_matches([' ', '\t']).trim_start_matches(' ');
    if !text.trim().is_empty() {
        lines.push(text.to_string());
    }
    line.clear();
}

/// The lines of the document a page publishes, without the site around it (menus,
/// breadcrumbs, links to other documents, the footer), which are short lines that end
/// no sentence: from the document's title (a short line naming 法治 work and a 报告,
/// 要点, 计划 or 方案), the last one before the first line that ends a sentence, or that
/// line when no title comes before it; to the last line ending a sentence, or the date
/// alone after it (the 成文日期 below the 署名). A page without a sentence is kept whole.
fn document_lines(lines: &[String]) -> &[String] {
    let Some(first_sentence) = lines.iter().position(|line| ends_sentence(line)) else {
        return lines;
    };
    let start = lines[..first_sentence]
        .iter()
        .rposition(|line| is_title(line))
        .unwrap_or(first_sentence);
    let last_sentence = lines
        .iter()
        .rposition(|line| ends_sentence(line))
        .unwrap_or(start);
    let end = lines[last_sentence..]
        .iter()
        .rposition(|line| is_date_line(line))
        .map_or(last_sentence, |at| last_sentence + at);
    &lines[start..=end]
}

fn ends_sentence(line: &str) -> bool {
    let mut line = line.trim_end_matches(['”', '’']);
    // A plan item's tail naming its units (…出庭应诉率100%。（局法制科，各单位）) is after
    // the sentence it closes.
    if line.ends_with(['）', ')']) {
        if let Some(open) = line.rfind(['（', '(']) {
            line = line[..open].trim_end_matches(['”', '’']);
        }
    }
    line.ends_with(['。', '！', '？', '；'])
}

fn is_title(line: &str) -> bool {
    line.chars().count() <= 60
        && (line.contains("法治") || line.contains("依法行政"))
        && ["报告", "要点", "计划", "方案"]
            .iter()
            .any(|kind| line.contains(kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A report as a district's website publishes it: the site's head, scripts, menu and
    /// breadcrumb before the article, its links and footer after.
    const PAGE: &str = r##"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>关于2023年法治政府建设情况的报告_区卫生健康局</title>
<style>p { text-indent: 2em } a > b {}</style>
<script>if (a < b && c > d) { document.write("<p>不是正文</p>"); }</script></head>
<body><nav><ul><li><a href="/">首页</a></li><li>政务公开</li></ul></nav>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 法治政府建设</div>
<!-- 正文 <p>注释</p> -->
<div class="article"><h1>关于2023年法治政府建设情况的报告</h1>
<p>&nbsp;&nbsp;　　2023年，我局坚持以习近平法治思想为指导，
全面推进依法行政。</p>
<P>一、主要举措和成效</P>
<table><tr><td>指标</td><td>目标</td><td>完成</td></tr><tr><td>审核率</td><td>100%</td><td>100%</td></tr></table>
<p>区卫生健康局<br>2024年2月20日</p></div>
<div class="links"><ul><li><a href="#">2022年法治政府建设年度报告</a></li></ul></div>
<div class="footer">主办单位：区人民政府办公室　更新日期：2024年3月1日</div>
</body></html>"##;

    #[test]
    fn a_published_page_gives_the_document_alone() {
        assert!(is_html(PAGE));
        assert_eq!(
            document_text(PAGE).lines().collect::<Vec<_>>(),
            [
                "关于2023年法治政府建设情况的报告",
                "　　2023年，我局坚持以习近平法治思想为指导， 全面推进依法行政。",
                "一、主要举措和成效",
                "指标\t目标\t完成",
                "审核率\t100%\t100%",
                "区卫生健康局",
                "2024年2月20日",
            ]
        );
    }

    #[test]
    fn a_page_without_a_title_or_a_date_is_kept_whole() {
        let page = "<html><body><p>第一段</p><div>第二段</div><ul><li>甲</li><li>乙</li></ul></body></html>";
        assert_eq!(document_text(page), "第一段\n第二段\n甲\n乙");
    }

    #[test]
    fn only_text_that_starts_as_a_page_is_one() {
        assert!(is_html("\u{feff}  <!doctype HTML><p>x"));
        assert!(is_html(
            "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
        ));
        assert!(!is_html("2023年法治政府建设年度报告\n正文写到<html>标签"));
        assert!(!is_html("<报告>"));
    }

    #[test]
    fn broken_pages_end_where_their_text_does() {
        assert_eq!(
            document_text("<html><body><p>正文</p><script>var a = '<p>"),
            "正文"
        );
        assert_eq!(document_text("<html><p>甲<!-- 未闭合的注释 <p>乙"), "甲");
        let deep = format!("<html>{}<p>丙</p>", "<nav>".repeat(10_000));
        assert_eq!(document_text(&deep), "");
        assert_eq!(document_text("<html><p>丁</nav></nav><p>戊"), "丁\n戊");
        let no_end_of_head = "<html><head><title>标题</title><meta charset=gbk><body><p>己</p>";
        assert_eq!(document_text(no_end_of_head), "己");
    }

    #[test]
    fn a_single_file_page_gives_its_html_part() {
        // As Chrome saves one: quoted-printable, soft line breaks, a picture part after.
        let archive = "From: <Saved by Blink>\r\nSubject: =?utf-8?Q?=E6=8A=A5=E5=91=8A?=\r\n\
            MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\
            \tboundary=\"----MultipartBoundary--Ab12----\"\r\n\r\n\
            ------MultipartBoundary--Ab12----\r\nContent-Type: text/html\r\n\
            Content-Transfer-Encoding: quoted-printable\r\n\r\n\
            <html><body><p class=3D\"a\">=E7=94=B2=E4=B9=99=\r\n=E4=B8=99</p></body></html>\r\n\
            ------MultipartBoundary--Ab12----\r\nContent-Type: image/png\r\n\
            Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n\
            ------MultipartBoundary--Ab12------\r\n";
        let page = page_of_web_archive(archive.as_bytes()).unwrap();
        assert_eq!(
            String::from_utf8(page).unwrap(),
            "<html><body><p class=\"a\">甲乙丙</p></body></html>\r\n"
        );
        // As Internet Explorer and Word save one: base64, an unquoted boundary.
        let archive = "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=NextPart_01\n\n\
            --NextPart_01\nContent-Location: file:///C:/a.htm\nContent-Transfer-Encoding: base64\n\
            Content-Type: text/html; charset=\"utf-8\"\n\nPGh0bWw+PHA+5LiB\nPC9wPjwvaHRtbD4=\n--NextPart_01--\n";
        let page = page_of_web_archive(archive.as_bytes()).unwrap();
        assert_eq!(String::from_utf8(page).unwrap(), "<html><p>丁</p></html>");
    }

    #[test]
    fn what_is_no_web_archive_is_left_alone() {
        assert_eq!(
            page_of_web_archive("<html><p>甲</p></html>".as_bytes()),
            None
        );
        assert_eq!(
            page_of_web_archive(b"MIME-Version: 1.0\nContent-Type: text/plain\n\n"),
            None
        );
        let no_boundary = b"MIME-Version: 1.0\nContent-Type: multipart/related\n\n--x\n";
        assert_eq!(page_of_web_archive(no_boundary), None);
        let truncated = b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n--b\nContent-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n\n<p>=E7=9";
        assert_eq!(page_of_web_archive(truncated).unwrap(), b"<p>\xE7=9");
        let mut garbage = b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=".to_vec();
        garbage.extend([0xFF, 0xFE, b'\n', b'\n']);
        assert_eq!(page_of_web_archive(&garbage), None);
    }
}
