//! Debris copied from Word or web pages that is still in the text (pasted before the
//! cleaner existed, or typed): invisible in the editor, it reaches the .docx. Found by
//! the paste cleaner's own rules ([`crate::debris`]), and fixed as the cleaner would.

use crate::debris::{count_by_kind, find_debris};

use super::units::Doc;
use super::{Finding, Severity};
use crate::rules::Rule;

pub fn check(doc: &Doc, out: &mut Vec<Finding>) {
    for unit in &doc.units {
        let debris = find_debris(unit.text);
        let (Some(first), Some(last)) = (debris.first(), debris.last()) else {
            continue;
        };
        let found: Vec<String> = count_by_kind(&debris)
            .into_iter()
            .map(|(kind, count)| format!("{} {count} 个", kind.label()))
            .collect();
        out.push(
            unit.finding(
                Rule::TextDebris,
                Severity::Warning,
                first.bytes.start..last.bytes.end,
                format!(
                    "含有从 Word 或网页带来的隐藏字符或格式：{}，会原样进入 Word 文件",
                    found.join("、")
                ),
                Some(
                    unit.fix(
                        debris
                            .iter()
                            .map(|d| (d.bytes.clone(), d.replacement.to_string())),
                    ),
                ),
            ),
        );
    }
}
