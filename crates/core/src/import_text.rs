//! Cleaning text that comes from outside (pastes, .txt, text read from a .docx) before
//! plans and reports are parsed from it: stray spaces, page-break debris, lines broken
//! in the middle of a sentence. Width folding is in [`crate::text`], decoding and
//! refusing what is not text in [`crate::decode`].

use crate::labels::parse_label;
use crate::text::fold_width;

/// Largest plan or report text accepted; a year's plan is about 20 KB.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

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

/// Lines of cleaned text: folded, squeezed, page numbers and empty lines dropped, and
/// lines broken in mid-sentence joined again. Each line keeps the 1-based number of the
/// input line it starts on.
///
/// A line joins the previous one unless an empty line comes between them (in text that
/// does not put one between most lines), it starts with a heading label or a plan's field
/// (`责任单位：…`, [`starts_with_field_role`]), or the previous
/// line ends a sentence (`。：；！？`) or a bracket, is a 一、 heading, or has none of
/// `，。；：` (a title, a signature or a date) and is not a full line of hard-wrapped text.
pub fn logical_lines(text: &str) -> Vec<(usize, String)> {
    logical_lines_split_at(text, &|_| false)
}

/// [`logical_lines`], where a line for which `starts_line` holds never joins the one
/// before it either: the plan reader's item labels that are no heading label (①, 1.1,
/// 第一，), which other text may start a wrapped line with (`1.5亿元`).
pub fn logical_lines_split_at(
    text: &str,
    starts_line: &dyn Fn(&str) -> bool,
) -> Vec<(usize, String)> {
    let mut lines: Vec<(usize, String)> = Vec::new();
    // Whether each kept line has an empty line before it; not one around a page number,
    // which is a page break's layout, not the writer's.
    let mut after_blank: Vec<bool> = Vec::new();
    // Whether each kept line is a table's row (cells split by tabs, which squeezing
    // removes; not a label typed with a tab after it, `（一）⇥积极普法`): a line of its
    // own.
    let mut rows: Vec<bool> = Vec::new();
    let (mut blank, mut page_break) = (false, false);
    for (number, raw) in text.lines().enumerate() {
        let line = squeeze_spaces(&fold_width(raw));
        if line.is_empty() {
            blank = true;
        } else if is_page_number(&line) {
            page_break = true;
        } else {
            lines.push((number + 1, line));
            after_blank.push(blank && !page_break);
            let mut cells = raw.split('\t');
            let first = cells.next().unwrap_or_default();
            let label_then_tab = cells.count() == 1
                && parse_label(first.trim()).is_some_and(|label| label.rest.is_empty());
            rows.push(raw.contains('\t') && !label_then_tab);
            (blank, page_break) = (false, false);
        }
    }
    // Text wrapped at the page width (杭州 2018: median 26 characters) has almost no
    // line longer than a printed one; text with one line per paragraph has many.
    let long = lines.iter().filter(|(_, l)| l.chars().count() > 40).count();
    let hard_wrapped = long * 10 < lines.len();
    // An empty line between two lines is a paragraph break the writer made (a plan's
    // title, an empty line, its preamble), unless the text puts one between most of
    // its lines (copied double-spaced), where it says nothing.
    let blanks_separate = after_blank.iter().filter(|&&b| b).count() * 2 < lines.len();
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut last: Option<Joined> = None;
    let mut last_row = false;
    for (((number, line), after_blank), row) in lines.into_iter().zip(after_blank).zip(rows) {
        let joins = out
            .last()
            .zip(last.as_ref())
            .is_some_and(|((_, previous), joined)| {
                (!blanks_separate || !after_blank)
                    && !row
                    && !last_row
                    && parse_label(&line).is_none()
                    && !starts_line(&line)
                    && !starts_with_field_role(&line)
                    && continues(previous, joined, hard_wrapped)
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
        last_row = row;
    }
    out
}

/// Whether `text` starts with a role plans name in a field of an item (责任单位, 牵头科室, 配合处室,
/// 完成时限, 时间节点…) and a colon. A body that mentions a role (`明确责任单位：…`) does not.
pub(crate) fn starts_with_field_role(text: &str) -> bool {
    let text = text.trim_start();
    // Roles are short: only the first characters are looked at, whatever follows.
    let Some((colon, _)) = text
        .char_indices()
        .take(ROLE_CHARS + 1)
        .find(|&(_, c)| matches!(c, '：' | ':'))
    else {
        return false;
    };
    let role = &text[..colon];
    let noun = FIELD_ROLE_PREFIXES
        .iter()
        .find_map(|prefix| role.strip_prefix(prefix))
        .unwrap_or(role);
    FIELD_ROLE_NOUNS.contains(&noun)
}

/// The longest role (配合单位, 时间节点 and the like).
const ROLE_CHARS: usize = 6;
/// What a field's role may start with: who does the work or when it is done.
const FIELD_ROLE_PREFIXES: [&str; 9] = [
    "责任", "牵头", "配合", "协办", "主办", "承办", "参与", "完成", "实施",
];
/// What a field's role is: a unit or a date.
const FIELD_ROLE_NOUNS: [&str; 9] = [
    "单位",
    "科室",
    "处室",
    "股室",
    "部门",
    "时限",
    "时间",
    "期限",
    "时间节点",
];

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
    // A 签发人 or 抄送 line of a report copied as sent is a field of its own, not the
    // start of the title or of the 印发 line below it; so is the 附件 note above the
    // 署名 (`附件：2025年…落实情况表`) and an attachment's own `附件` or `附件1` line.
    let attachment = previous.strip_prefix("附件").is_some_and(|rest| {
        rest.is_empty()
            || rest.starts_with(['：', ':'])
            || rest.starts_with(|c: char| c.is_ascii_digit())
    });
    let is_field = !full_width
        && (previous.starts_with("签发人") || previous.starts_with("抄送") || attachment);
    !ends_sentence
        && !is_top_heading
        && !is_heading
        && !is_field
        && (has_sentence_marks || full_width)
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
    fn lines_may_be_started_by_marks_of_the_callers_own() {
        let text = "加大投入，全年投入\n1.5亿元，建设中心。\n组织干部参加培训，\n①集中学法。";
        let lines = |starts_line: &dyn Fn(&str) -> bool| -> Vec<String> {
            logical_lines_split_at(text, starts_line)
                .into_iter()
                .map(|(_, l)| l)
                .collect()
        };
        assert_eq!(
            lines(&|_| false),
            [
                "加大投入，全年投入1.5亿元，建设中心。",
                "组织干部参加培训，①集中学法。"
            ]
        );
        assert_eq!(
            lines(&|line| line.starts_with('①')),
            [
                "加大投入，全年投入1.5亿元，建设中心。",
                "组织干部参加培训，",
                "①集中学法。"
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
    fn an_empty_line_ends_a_paragraph_unless_it_is_between_most_lines() {
        // Short lines (a plan's headings and fields) make the text look hard-wrapped, so
        // the 27-character title would be taken for a full wrapped line.
        let plan = "互助土族自治县卫生健康局2022年法治政府建设工作要点\n\n为深入贯彻习近平法治思想，\n制定本要点。\n\n（一）学习贯彻\n责任股室：办公室";
        let lines: Vec<String> = logical_lines(plan).into_iter().map(|(_, l)| l).collect();
        assert_eq!(
            lines,
            [
                "互助土族自治县卫生健康局2022年法治政府建设工作要点",
                "为深入贯彻习近平法治思想，制定本要点。",
                "（一）学习贯彻",
                "责任股室：办公室"
            ]
        );
        let joined = plan.replace("要点\n\n", "要点\n");
        assert_eq!(logical_lines(&joined).len(), 3);
    }

    /// The close of a report with a pasted 附件 table (dev-44 of the coverage set): the
    /// 附件 note, the 署名 and date, the attachment's own 附件 line, its title and each
    /// row are lines of their own, although the note has a colon and no full stop.
    #[test]
    fn the_attachment_note_and_table_rows_stand_alone() {
        let close = "五、其他需要报告的情况\n本年度无其他需要报告的情况，全委法治政府建设各项工作均按年初计划有序推进，取得了较好成效。\n\
            附件：2025年法治政府建设工作要点落实情况表\n常德市卫生健康委员会\n\
            2026年1月23日\n附件\n2025年法治政府建设工作要点落实情况表\n\
            序号\t工作任务\t落实情况\n1\t学习贯彻习近平法治思想\t专题学法6次，\n\
            2\t压实第一责任人职责\t已完成。";
        let lines: Vec<String> = logical_lines(close).into_iter().map(|(_, l)| l).collect();
        assert_eq!(lines.len(), 10, "{lines:#?}");
        assert_eq!(lines[4], "2026年1月23日");
        assert!(lines[8].ends_with("专题学法6次，"), "{lines:#?}");
    }

    #[test]
    fn squeezing_a_long_run_of_spaces_is_linear() {
        let spaces = " ".repeat(200_000);
        assert_eq!(
            squeeze_spaces(&format!("A{spaces}B{spaces}中{spaces}文")),
            "A B中文"
        );
        assert_eq!(squeeze_spaces("a \t b"), "a b");
    }

    #[test]
    fn first_years() {
        assert_eq!(first_year("关于印发2023年工作要点"), Some(2023));
        assert_eq!(first_year("12023年 1999年"), None);
        assert_eq!(first_year("责任清单（2021-2025年）"), None);
    }
}
