//! Last year's report as this year's plan: the items of its section on next year's
//! plans.

use super::text::item_from_text;
use super::{PlanError, PlanImport, Skipped};
use crate::model::{Draft, Node, Section};
use crate::outline::push_node_lines;
use crate::plan_items::{extract_targets, Plan};

/// Last year's report as this year's checklist: the items of its section on next
/// year's plans (title with 下一年度, 主要安排, 下一步 or the following year). Headings
/// become items; without headings, each `一是……` of a paragraph does.
pub fn plan_from_report(draft: &Draft) -> Result<PlanImport, PlanError> {
    let next_year = format!("{}年", u32::from(draft.report_year) + 1);
    let is_next_year = |title: &str| {
        ["下一年度", "主要安排", "下一步", "工作思路"]
            .iter()
            .any(|w| title.contains(w))
            || (title.contains(&next_year) && title.contains("安排"))
    };
    let section: &Section = draft
        .sections
        .iter()
        .rev()
        .find(|s| is_next_year(&s.title))
        .ok_or(PlanError::NoNextYearSection)?;
    let mut items = Vec::new();
    let mut skipped = Vec::new();
    let mut paragraph_number = 0;
    // With headings, they are the plans and paragraphs around them are narrative (the
    // 杭州 2018 report reviews its problems, 一是…三是, before its （一）…（七）).
    let has_headings = section.children.iter().any(Node::is_heading);
    for node in &section.children {
        match node {
            Node::Heading {
                title,
                text,
                children,
                ..
            } => {
                let mut body = vec![text.clone()];
                push_node_lines(children, &mut body);
                let body: Vec<&str> = body
                    .iter()
                    .map(String::as_str)
                    .filter(|t| !t.is_empty())
                    .collect();
                let number = (items.len() + 1).to_string();
                let mut item = item_from_text(number, section.title.clone(), title, None);
                item.body = body.join("");
                item.targets = extract_targets(&item.text());
                items.push(item);
            }
            Node::Paragraph { text, .. } if has_headings => {
                paragraph_number += 1;
                skipped.push(Skipped {
                    line: paragraph_number,
                    text: text.clone(),
                    reason: "标题之外的叙述段落，不是具体安排".into(),
                });
            }
            Node::Paragraph { text, .. } => {
                paragraph_number += 1;
                let chunks = enumerated_chunks(text);
                if chunks.is_empty() {
                    let number = (items.len() + 1).to_string();
                    items.push(item_from_text(
                        number,
                        section.title.clone(),
                        &first_clause_as_title(text),
                        None,
                    ));
                    continue;
                }
                let lead = &text[..chunks[0].1];
                if !lead.trim().is_empty() {
                    skipped.push(Skipped {
                        line: paragraph_number,
                        text: lead.trim().to_string(),
                        reason: "引导语，不是具体安排".into(),
                    });
                }
                for (k, (number, start)) in chunks.iter().enumerate() {
                    let end = chunks.get(k + 1).map_or(text.len(), |c| c.1);
                    let chunk = &text[start + number.len()..end];
                    items.push(item_from_text(
                        number.clone(),
                        section.title.clone(),
                        &first_clause_as_title(chunk),
                        None,
                    ));
                }
            }
        }
    }
    if items.is_empty() {
        return Err(PlanError::NoItems);
    }
    Ok(PlanImport {
        plan: Plan {
            title: section.title.clone(),
            year: Some(draft.report_year + 1),
            items,
            terms: Vec::new(),
        },
        skipped,
    })
}

/// `一是重视制度建设,更好地统领工作。对照…` reads its title up to the first comma: ends
/// that clause with a full stop so [`item_from_text`] splits it there.
fn first_clause_as_title(text: &str) -> String {
    let text = text.trim();
    match text.find(['，', ',', '。', '；', ';']) {
        Some(end) => {
            let separator_len = text[end..].chars().next().map_or(1, char::len_utf8);
            format!("{}。{}", &text[..end], &text[end + separator_len..])
        }
        None => text.to_string(),
    }
}

/// Byte offsets of `一是` `二是` … in order, with the marker as written.
fn enumerated_chunks(text: &str) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for n in 1..=20 {
        let marker = format!("{}是", crate::labels::chinese_numeral(n));
        let from = out.last().map_or(0, |(m, at)| at + m.len());
        match text[from..].find(&marker) {
            Some(at) => out.push((marker, from + at)),
            None => break,
        }
    }
    out
}
