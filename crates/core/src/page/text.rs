//! The texts the page prints that the draft does not hold as they are: labels, the
//! punctuation GB/T 9704 adds, the lines of a balanced title.

use super::measures::{width_in_zi, zi_of, TEXT_WIDTH};
use crate::model::Metadata;
use crate::xml_text::clean_text;

/// Splits text into the fewest lines of at most `max_zi` 字, of near-equal width
/// (the 梯形 a long 公文 title takes).
pub(crate) fn balanced_lines(text: &str, max_zi: f64) -> Vec<String> {
    let total = width_in_zi(text);
    let lines = (total / max_zi).ceil().max(1.0);
    let target = total / lines;
    let mut out = vec![String::new()];
    let mut width = 0.0;
    for c in text.chars() {
        let w = zi_of(c);
        let last = out.len() as f64 >= lines;
        if !last && width + w / 2.0 > target {
            out.push(String::new());
            width = 0.0;
        }
        out.last_mut().expect("never empty").push(c);
        width += w;
    }
    out
}

/// A heading label followed by run-in text ends in a full stop: "（一）标题。".
pub(crate) fn run_in_label(label: &str) -> String {
    ensure_suffix(label, "。", &['。', '！', '？', '：', '；'])
}

/// Non-empty lines of a text, each its own paragraph.
pub(crate) fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// The 附件说明 paragraphs: "附件：1. 名称", then "2. 名称" …; no numbers for one attachment.
pub(crate) fn attachment_items(attachments: &[String]) -> Vec<String> {
    let names = attachment_names(attachments);
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let numbered = if names.len() > 1 {
                format!("{}. {name}", i + 1)
            } else {
                name.to_string()
            };
            if i == 0 {
                format!("附件：{numbered}")
            } else {
                numbered
            }
        })
        .collect()
}

/// The label of an attachment: "附件", or "附件2" when the 附件说明 lists several and
/// this one second (GB/T 9704 7.3.7).
pub(crate) fn attachment_label(attachments: &[String], title: &str) -> String {
    let names = attachment_names(attachments);
    match names
        .iter()
        .position(|name| *name == attachment_name(title))
    {
        Some(at) if names.len() > 1 => format!("附件{}", at + 1),
        _ => "附件".to_string(),
    }
}

/// The attachments the 附件说明 lists, in its order: the empty ones left out.
fn attachment_names(attachments: &[String]) -> Vec<&str> {
    attachments
        .iter()
        .map(|a| attachment_name(a))
        .filter(|a| !a.is_empty())
        .collect()
}

/// An attachment's name as the 附件说明 lists it: trimmed, with no closing punctuation.
fn attachment_name(text: &str) -> &str {
    text.trim()
        .trim_end_matches(['。', '.', '；', ';', '，', ','])
}

/// Where the 签发人 go (GB/T 9704 7.2.6): two names a line, later lines aligned under
/// the first name, the block 居右空一字; 发文字号 shares the last line.
pub(crate) struct SignerLayout {
    /// The names of each line, joined by a full-width space.
    pub lines: Vec<String>,
    /// Where "签发人：" starts on the first line, in twips from the 版心's left edge.
    pub label_left: i32,
    /// Where the names start on every line.
    pub names_left: i32,
}

pub(crate) const SIGNER_LABEL: &str = "签发人：";

/// The layout of the draft's 签发人 for a page whose 字 is `zi` twips; `None` without any.
pub(crate) fn signer_layout(meta: &Metadata, zi: i32) -> Option<SignerLayout> {
    let names: Vec<String> = meta
        .signers
        .iter()
        .map(|s| clean_text(s.trim()))
        .filter(|s| !s.is_empty())
        .collect();
    let lines: Vec<String> = names.chunks(2).map(|pair| pair.join("　")).collect();
    let widest = lines.iter().map(|l| width_in_zi(l)).fold(0.0, f64::max);
    let twips = |zi_count: f64| (zi_count * f64::from(zi)).ceil() as i32;
    // An absurdly long name cannot push the label past the left edge.
    let names_left = (TEXT_WIDTH - zi - twips(widest)).max(twips(width_in_zi(SIGNER_LABEL)));
    (!lines.is_empty()).then(|| SignerLayout {
        lines,
        label_left: names_left - twips(width_in_zi(SIGNER_LABEL)),
        names_left,
    })
}

/// 主送机关 ending in a full-width colon, if any.
pub(crate) fn recipients_text(meta: &Metadata) -> Option<String> {
    let recipients = meta.recipients.trim();
    (!recipients.is_empty()).then(|| ensure_suffix(recipients, "：", &[':', '：']))
}

/// 附注 in full-width parentheses, if any.
pub(crate) fn annotation_text(meta: &Metadata) -> Option<String> {
    let note = meta.annotation.trim();
    (!note.is_empty()).then(|| format!("（{}）", note.trim_matches(['（', '）', '(', ')'])))
}

/// 版记 texts: "抄送：…。", the 印发机关 and "…印发"; empty strings where not filled in.
pub(crate) fn imprint_texts(meta: &Metadata) -> (String, String, String) {
    let cc = clean_text(meta.cc.trim());
    let cc = if cc.is_empty() {
        cc
    } else {
        let cc = ensure_suffix(&cc, "。", &['。']);
        if cc.starts_with("抄送") {
            cc
        } else {
            format!("抄送：{cc}")
        }
    };
    let printer = clean_text(meta.printer.trim());
    let print_date = meta
        .print_date
        .map(|d| format!("{d}印发"))
        .unwrap_or_default();
    (cc, printer, print_date)
}

/// `text` ending in `suffix`, unless it already ends in one of `enders`.
fn ensure_suffix(text: &str, suffix: &str, enders: &[char]) -> String {
    if text.ends_with(enders) {
        text.to_string()
    } else {
        format!("{text}{suffix}")
    }
}
