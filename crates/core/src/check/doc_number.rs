//! 发文字号 (`嘉卫〔2023〕24号`): the rules on their form (found by [`doc_numbers`]).

use crate::rules::Rule;
use crate::text::is_han;

use crate::scan::doc_numbers;

use super::form::severity_of;
use super::units::Unit;
use super::{Finding, Severity};

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
