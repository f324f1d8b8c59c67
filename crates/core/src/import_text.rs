//! Cleaning text that comes from outside (pastes, .txt, text read from a .docx) before
//! plans and reports are parsed from it: width folding, stray spaces, page-break
//! debris, lines broken in the middle of a sentence, and refusing what is not text.

use std::borrow::Cow;

use crate::labels::parse_label;

/// Largest plan or report text accepted; a year's plan is about 20 KB.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// Whether a character is a Han ideograph (CJK Unified Ideographs and extension A).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// Folds full-width ASCII variants (digits, letters, `％`, `．`, `＋`) and the
/// ideographic space to their half-width forms. Chinese punctuation (`，。（）：；`) is
/// left alone: it carries meaning the parsers use.
pub fn fold_width(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// [`fold_width`] for one character.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '％' | '．' | '＋' | '－' | '／' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// Removes whitespace except between two ASCII letters or digits (`12345 政务` loses its
/// space, `Word 2016` keeps it): PDF extraction scatters spaces through Chinese text.
/// One pass: a run of whitespace is decided when the character after it arrives.
pub fn squeeze_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut after_space = false;
    for c in line.trim().chars() {
        if c.is_whitespace() {
            after_space = true;
            continue;
        }
        let keeps = out
            .chars()
            .next_back()
            .is_some_and(|b| b.is_ascii_alphanumeric() && c.is_ascii_alphanumeric());
        if after_space && keeps {
            out.push(' ');
        }
        after_space = false;
        out.push(c);
    }
    out
}

/// `text` cut at `max_chars` characters, with an ellipsis when cut: for error messages
/// that quote a value from a file, which may be a 5 MB line.
pub fn clip(text: &str, max_chars: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max_chars) {
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
        None => Cow::Borrowed(text),
    }
}

/// A page number left by a page break: `— 3 —`, `-3-`, `- 12 -`, `3`, `第3页`, `3/10`.
pub fn is_page_number(line: &str) -> bool {
    let core: String = line
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '—' | '-' | '－' | '–' | '─'))
        .collect();
    let core = core
        .strip_prefix('第')
        .and_then(|c| c.strip_suffix('页'))
        .unwrap_or(&core);
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    match core.split_once('/') {
        Some((page, total)) => digits(page) && digits(total),
        None => digits(core),
    }
}

/// What to say when [`decode_text`] finds no text.
pub const NOT_TEXT: &str = "内容不是文本（既不是 UTF-8、UTF-16 也不是 GBK 编码的文字）";

/// The text of a file: UTF-8 (a byte-order mark dropped), UTF-16 (with a byte-order
/// mark, as Notepad's "Unicode" and Excel's "Unicode 文本" save it, or without one when
/// every other byte is zero) or, failing those and with the `gbk` feature, GB18030,
/// which covers the GBK files Windows Notepad and WPS save in China. `None` when the
/// bytes are none of these. Line breaks that are a lone CR (old Mac files) become LF.
/// (The web app decodes GBK in the browser before the bytes reach the core.)
pub fn decode_text(bytes: &[u8]) -> Option<Cow<'_, str>> {
    if let Some(little_endian) = utf16_order(bytes) {
        return decode_utf16(bytes, little_endian).map(|text| lone_cr_to_lf(Cow::Owned(text)));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => Some(Cow::Borrowed(text)),
        #[cfg(feature = "gbk")]
        Err(_) => encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes),
        #[cfg(not(feature = "gbk"))]
        Err(_) => None,
    };
    text.map(lone_cr_to_lf)
}

/// Whether bytes are UTF-16, and in which byte order (`true`: little-endian): a
/// byte-order mark, or, without one, zero bytes in most odd (or even) places of the
/// first 4 KB and almost none in the others, which is ASCII-heavy UTF-16 text.
pub fn utf16_order(bytes: &[u8]) -> Option<bool> {
    if bytes.starts_with(b"\xFF\xFE") {
        return Some(true);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some(false);
    }
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    // Too few characters to tell zeros of UTF-16 from a few stray bytes.
    if pairs < 8 {
        return None;
    }
    let zeros = |offset: usize| {
        sample
            .iter()
            .skip(offset)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    let mostly = |n: usize| n * 10 >= pairs * 4;
    let hardly = |n: usize| n * 20 <= pairs;
    match (mostly(odd) && hardly(even), mostly(even) && hardly(odd)) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    }
}

fn decode_utf16(bytes: &[u8], little_endian: bool) -> Option<String> {
    let has_mark = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    let body = if has_mark { &bytes[2..] } else { bytes };
    if body.len() % 2 != 0 {
        return None;
    }
    let units = body.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .ok()
}

/// `\r` not followed by `\n` turned into `\n`, so that CR-only files split into lines.
fn lone_cr_to_lf(text: Cow<'_, str>) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |at: usize| bytes.get(at + 1) != Some(&b'\n');
    if !memchr::memchr_iter(b'\r', bytes).any(lone) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Refuses bytes that are not text: control characters (other than tab, newline and
/// carriage return) or undecodable bytes in more than 1% of the first 64 KB.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let text = String::from_utf8_lossy(sample);
    let total = text.chars().count().max(1);
    let bad = text
        .chars()
        .filter(|&c| c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r')))
        .count();
    // A file cut in the middle of its last character has one replacement character.
    bad > 1 && bad * 100 > total
}

/// Lines of cleaned text: folded, squeezed, page numbers and empty lines dropped, and
/// lines broken in mid-sentence joined again. Each line keeps the 1-based number of the
/// input line it starts on.
///
/// A line joins the previous one unless it starts with a heading label, or the previous
/// line ends a sentence (`。：；！？`) or a bracket, is a 一、 heading, or has none of
/// `，。；：` (a title, a signature or a date) and is not a full line of hard-wrapped text.
pub fn logical_lines(text: &str) -> Vec<(usize, String)> {
    let lines: Vec<(usize, String)> = text
        .lines()
        .enumerate()
        .map(|(number, raw)| (number + 1, squeeze_spaces(&fold_width(raw))))
        .filter(|(_, line)| !line.is_empty() && !is_page_number(line))
        .collect();
    // Text wrapped at the page width (杭州 2018: median 26 characters) has almost no
    // line longer than a printed one; text with one line per paragraph has many.
    let long = lines.iter().filter(|(_, l)| l.chars().count() > 40).count();
    let hard_wrapped = long * 10 < lines.len();
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut last: Option<Joined> = None;
    for (number, line) in lines {
        let joins = out
            .last()
            .zip(last.as_ref())
            .is_some_and(|((_, previous), joined)| {
                parse_label(&line).is_none() && continues(previous, joined, hard_wrapped)
            });
        match (out.last_mut(), last.as_mut()) {
            (Some((_, previous)), Some(joined)) if joins => {
                joined.add(&line);
                previous.push_str(&line);
            }
            _ => {
                last = Some(Joined::new(&line));
                out.push((number, line));
            }
        }
    }
    out
}

/// What [`continues`] needs to know of a logical line, kept up to date as physical
/// lines join it, so that joining stays linear in the length of the text (a hostile
/// file of 300 000 short lines once took minutes, rescanning the growing line).
struct Joined {
    /// The level of the label the line starts with, if it has one.
    label_level: Option<u8>,
    chars: usize,
    sentence_marks: bool,
    full_stop: bool,
}

impl Joined {
    fn new(line: &str) -> Self {
        let mut joined = Joined {
            label_level: parse_label(line).map(|l| l.level),
            chars: 0,
            sentence_marks: false,
            full_stop: false,
        };
        joined.add(line);
        joined
    }

    fn add(&mut self, line: &str) {
        self.chars += line.chars().count();
        self.sentence_marks |= line.contains(['，', '。', '；', '：', ',', ';', ':']);
        self.full_stop |= line.contains(['。', '！', '？']);
    }
}

/// Characters from which a line without punctuation counts as wrapped, not as a title.
const FULL_LINE: usize = 22;
/// The longest line taken for a heading: 公文 headings are a phrase or two (the longest
/// in the seeds, with their label, are about 30 characters); a longer labelled line
/// without a full stop is a paragraph that goes on.
const HEADING_CHARS: usize = 40;

fn continues(previous: &str, joined: &Joined, hard_wrapped: bool) -> bool {
    // A closing bracket ends the line too: plan items end with their departments.
    let ends_sentence =
        previous.ends_with(['。', '：', ':', '；', '！', '？', '）', ')', '】', ']']);
    let is_top_heading = joined.label_level == Some(1);
    let has_sentence_marks = joined.sentence_marks;
    // In hard-wrapped text a line near the page width (28 characters) without
    // punctuation is cut mid-sentence (`…推动改革的能力仍` / `然不足`), not a title.
    let full_width = hard_wrapped && joined.chars >= FULL_LINE;
    // A labelled line without a full stop that is no longer than a heading is one, as
    // a reader sees it: `（四）严执法、护健康，执法效能稳步提升` is followed by its
    // paragraph, not continued by it. (A plan item's next lines still join it: the plan
    // reader adds unlabelled lines to the item above.)
    let is_heading = joined.label_level.is_some()
        && !joined.full_stop
        && joined.chars <= HEADING_CHARS
        && !full_width;
    !ends_sentence && !is_top_heading && !is_heading && (has_sentence_marks || full_width)
}

/// The first `YYYY年` (or `YYYY 年度`) in `text` with a plausible year, 2000–2099.
pub fn first_year(text: &str) -> Option<u16> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len().saturating_sub(4)).find_map(|i| {
        // The end of a range (`2021-2025年`) names no single year.
        let starts_number =
            i == 0 || !(chars[i - 1].is_ascii_digit() || "-—–至~".contains(chars[i - 1]));
        let digits = &chars[i..i + 4];
        if !starts_number || !digits.iter().all(char::is_ascii_digit) || chars[i + 4] != '年' {
            return None;
        }
        let year: u16 = digits.iter().collect::<String>().parse().ok()?;
        (2000..2100).contains(&year).then_some(year)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_and_spaces() {
        assert_eq!(fold_width("９０％以上，（一）"), "90%以上，（一）");
        assert_eq!(squeeze_spaces(" 2023 年 8 月 16 日 "), "2023年8月16日");
        assert_eq!(squeeze_spaces("80% 以上"), "80%以上");
        assert_eq!(squeeze_spaces("Word 2016 版"), "Word 2016版");
    }

    #[test]
    fn page_numbers() {
        for debris in ["— 3 —", "-3-", "- 12 -", "3", "第3页", "3/10"] {
            assert!(is_page_number(debris), "{debris}");
        }
        for text in ["2023年", "一、总体要求", "12.4", ""] {
            assert!(!is_page_number(text), "{text}");
        }
    }

    #[test]
    fn broken_lines_are_joined_and_labels_start_new_lines() {
        let text = "9.加强管理。严把制定主体\n\n— 3 —\n关，规范程序。\n10.强化审查。\n二、打造环境\n第二行";
        let lines: Vec<String> = logical_lines(text).into_iter().map(|(_, l)| l).collect();
        assert_eq!(
            lines,
            [
                "9.加强管理。严把制定主体关，规范程序。",
                "10.强化审查。",
                "二、打造环境",
                "第二行"
            ]
        );
    }

    #[test]
    fn a_run_in_heading_ending_with_a_comma_is_not_joined_with_its_paragraph() {
        let text =
            "（四）严执法、护健康，执法效能稳步提升\n全年办结案件120件。\n1.一是查处，\n二是整改。";
        let lines: Vec<String> = logical_lines(text).into_iter().map(|(_, l)| l).collect();
        assert_eq!(
            lines,
            [
                "（四）严执法、护健康，执法效能稳步提升",
                "全年办结案件120件。",
                "1.一是查处，",
                "二是整改。"
            ]
        );
        // A long labelled line without a full stop is a paragraph going on.
        let long = format!("（一）{}\n续完。", "加强执法监督，".repeat(8));
        assert_eq!(logical_lines(&long).len(), 1);
    }

    #[test]
    fn hard_wrapped_text_is_joined_at_full_lines_only() {
        let wrapped = "一、健全机制\n\n系统上下运用法治思维和法治方式推动改革的能力仍\n\n然不足，有待提高。\n\n杭州市卫生健康委员会\n\n2019年2月1日";
        let lines: Vec<String> = logical_lines(wrapped).into_iter().map(|(_, l)| l).collect();
        assert_eq!(
            lines,
            [
                "一、健全机制",
                "系统上下运用法治思维和法治方式推动改革的能力仍然不足，有待提高。",
                "杭州市卫生健康委员会",
                "2019年2月1日"
            ]
        );
        // With paragraphs on one line each, a long line without punctuation is a title.
        let paragraphs = format!("关于印发《杭州市临安区卫生健康局2023年法治政府建设工作要点》的通知\n局机关各科室：\n{}", "正文很长的一段，".repeat(10));
        assert_eq!(logical_lines(&paragraphs).len(), 3);
    }

    #[test]
    fn utf16_with_or_without_a_mark_and_lone_crs_decode() {
        let utf16 = |text: &str, little: bool, mark: bool| -> Vec<u8> {
            let units = mark
                .then_some(0xFEFF)
                .into_iter()
                .chain(text.encode_utf16());
            units
                .flat_map(|u| {
                    if little {
                        u.to_le_bytes()
                    } else {
                        u.to_be_bytes()
                    }
                })
                .collect()
        };
        let table = "序号\t任务\r\n1\t推进法治\r\n";
        for (little, mark) in [(true, true), (false, true), (true, false), (false, false)] {
            assert_eq!(
                decode_text(&utf16(table, little, mark)).as_deref(),
                Some(table),
                "little-endian {little}, mark {mark}"
            );
        }
        // An unpaired surrogate is no text.
        assert_eq!(decode_text(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]), None);
        assert_eq!(decode_text(b"a\rb\r\nc\r").as_deref(), Some("a\nb\r\nc\n"));
        assert!(matches!(decode_text(b"a\r\nb"), Some(Cow::Borrowed(_))));
    }

    #[test]
    fn squeezing_a_long_run_of_spaces_is_linear_and_clipping_cuts() {
        let spaces = " ".repeat(200_000);
        assert_eq!(
            squeeze_spaces(&format!("A{spaces}B{spaces}中{spaces}文")),
            "A B中文"
        );
        assert_eq!(squeeze_spaces("a \t b"), "a b");
        assert_eq!(clip("一二三四", 2), "一二…");
        assert_eq!(clip("一二", 2), "一二");
    }

    #[test]
    fn binary_and_years() {
        assert!(looks_binary(&[0, 1, 2, 3, 0xff, 0xfe, 0x50, 0x4b]));
        assert!(!looks_binary("正常的文本\t表格\n".as_bytes()));
    }

    #[test]
    fn utf8_and_gbk_files_decode_and_others_do_not() {
        assert_eq!(
            decode_text("\u{feff}１.计划".as_bytes()).unwrap(),
            "１.计划"
        );
        // "1.推进法治" as Windows saves it in China (GBK).
        let gbk = [0x31, 0x2e, 0xcd, 0xc6, 0xbd, 0xf8, 0xb7, 0xa8, 0xd6, 0xce];
        let expected = cfg!(feature = "gbk").then_some("1.推进法治");
        assert_eq!(decode_text(&gbk).as_deref(), expected);
        assert_eq!(decode_text(&[0x80, 0xff, 0x80]), None);
        assert_eq!(first_year("关于印发2023年工作要点"), Some(2023));
        assert_eq!(first_year("12023年 1999年"), None);
        assert_eq!(first_year("责任清单（2021-2025年）"), None);
    }
}
