//! 发文字号 (`嘉卫〔2023〕24号`): finding them in text and the rules on their form.

use std::ops::Range;

use crate::rules::Rule;
use crate::text::is_han;

use super::form::severity_of;
use super::scan::{char_at, digits_at, prev_visible, skip_spaces};
use super::units::Unit;
use super::{Finding, Severity};

/// A document number such as `嘉卫〔2023〕24号` or a mistaken `浙卫发[2023]第05号`.
pub struct DocNumber {
    pub open: Range<usize>,
    pub close: Range<usize>,
    /// The year when it has four digits.
    pub year: Option<u16>,
    pub year_bytes: Range<usize>,
    pub di: Option<Range<usize>>,
    pub serial: Range<usize>,
}

const OPENERS: &str = "〔[【(（［〖";
const CLOSERS: &str = "〕]】)）］〗";

/// The document numbers cited in `text`: a Han agency code, a bracketed year, a serial, 号.
pub fn doc_numbers(text: &str) -> impl Iterator<Item = DocNumber> + '_ {
    text.char_indices()
        .filter(|&(_, c)| OPENERS.contains(c))
        .filter_map(|(i, open)| {
            if !prev_visible(text, i).is_some_and(is_han) {
                return None;
            }
            let y = skip_spaces(text, i + open.len_utf8());
            let year = digits_at(text, y);
            if !(2..=4).contains(&year.len()) {
                return None;
            }
            let c = skip_spaces(text, y + year.len());
            let close = char_at(text, c).filter(|&ch| CLOSERS.contains(ch))?;
            let mut s = skip_spaces(text, c + close.len_utf8());
            let di = (char_at(text, s) == Some('第')).then(|| s..s + '第'.len_utf8());
            if let Some(di) = &di {
                s = skip_spaces(text, di.end);
            }
            let serial = digits_at(text, s);
            let after = skip_spaces(text, s + serial.len());
            (!serial.is_empty() && char_at(text, after) == Some('号')).then(|| DocNumber {
                open: i..i + open.len_utf8(),
                close: c..c + close.len_utf8(),
                year: year.parse().ok().filter(|_| year.len() == 4),
                year_bytes: y..y + year.len(),
                di,
                serial: s..s + serial.len(),
            })
        })
}

pub(super) fn doc_number_form(unit: &Unit, out: &mut Vec<Finding>) {
    let text = unit.text;
    let severity = severity_of(unit);
    for n in doc_numbers(text) {
        let whole = n.open.start..n.serial.end;
        let written = &text[whole.clone()];
        if &text[n.open.clone()] != "〔" || &text[n.close.clone()] != "〕" {
            let fix = unit.fix([
                (n.open.clone(), "〔".to_string()),
                (n.close.clone(), "〕".to_string()),
            ]);
            out.push(unit.finding(
                Rule::DocNumberBrackets,
                severity,
                whole.clone(),
                format!("发文字号“{written}”的年份应使用六角括号“〔〕”，不用“[]”“【】”或圆括号"),
                Some(fix),
            ));
        }
        if n.year.is_none() {
            out.push(unit.finding(
                Rule::DocNumberYear,
                severity,
                n.year_bytes.clone(),
                format!("发文字号“{written}”的年份应写全四位数字，如“〔2023〕”"),
                None,
            ));
        }
        let zeros = text[n.serial.clone()]
            .bytes()
            .take_while(|b| *b == b'0')
            .count();
        let zeros = zeros.min(n.serial.len() - 1);
        if n.di.is_some() || zeros > 0 {
            let mut edits = Vec::new();
            if let Some(di) = &n.di {
                edits.push((di.clone(), String::new()));
            }
            if zeros > 0 {
                edits.push((n.serial.start..n.serial.start + zeros, String::new()));
            }
            out.push(unit.finding(
                Rule::DocNumberSerial,
                severity,
                whole,
                format!(
                    "发文字号“{written}”的序号不加“第”，不编虚位（如“24号”，不写“第24号”“024号”）"
                ),
                Some(unit.fix(edits)),
            ));
        }
    }
}

/// A draft's 机关代字 holds only the code; year and serial have their own fields.
pub(super) fn agency_code(unit: &Unit, out: &mut Vec<Finding>) {
    let code = unit.trimmed();
    if let Some((i, _)) = unit.text[code.clone()]
        .char_indices()
        .find(|(_, c)| !is_han(*c))
    {
        let junk = code.start + i..code.end;
        out.push(unit.finding(
            Rule::DocNumberAgency,
            Severity::Error,
            junk.clone(),
            format!(
                "机关代字只填代字本身（如“嘉卫”），“{}”不要写在这里：年份和序号在各自的栏内填写，括号和“号”自动生成",
                &unit.text[junk.clone()]
            ),
            Some(unit.fix([(junk, String::new())])),
        ));
    }
}
