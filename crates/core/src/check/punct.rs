//! Punctuation of Chinese text: full-width marks, paired quotes and brackets,
//! the ellipsis "……", half-width digits.

use std::ops::Range;

use crate::labels::parse_label;
use crate::rules::Rule;
use crate::text::is_han;

use super::units::{Doc, Unit};
use super::{Finding, Severity};
use crate::scan::{char_at, is_chinese, next_visible, prev_visible};

pub fn check(doc: &Doc, out: &mut Vec<Finding>) {
    for unit in &doc.units {
        halfwidth(unit, out);
        ellipsis(unit, out);
        fullwidth_digits(unit, out);
    }
    pairs(doc, out);
}

fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

/// Half-width , ; : ? ! ( ) " and a sentence-final . in Chinese context, one finding
/// per unit with a fix for all of them. Labels are left to the heading rules.
fn halfwidth(unit: &Unit, out: &mut Vec<Finding>) {
    let text = unit.text;
    let label_end = label_end(text);
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut marks = String::new();
    let mut open_quote = true;
    for (i, c) in text.char_indices().skip_while(|&(i, _)| i < label_end) {
        // Only marks look at their neighbours: a run of 100 000 spaces is passed once.
        if c != '"' && c != '.' && full_width(c).is_none() {
            continue;
        }
        let before = prev_visible(text, i);
        let after = next_visible(text, i + c.len_utf8());
        let chinese = before.is_some_and(is_chinese) || after.is_some_and(is_chinese);
        let ascii = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        let replacement = match c {
            '"' => {
                let quote = if open_quote { '“' } else { '”' };
                open_quote = !open_quote;
                Some(quote).filter(|_| chinese)
            }
            '.' => {
                let dots = char_at(text, i + 1) == Some('.') || text[..i].ends_with('.');
                let end_of_sentence = before.is_some_and(is_han) && after.is_none_or(is_han);
                Some('。').filter(|_| end_of_sentence && !dots)
            }
            // Between two ASCII letters or digits (10:30, 1,000, Q&A?) it is not Chinese text.
            _ => full_width(c).filter(|_| chinese && !(ascii(before) && ascii(after))),
        };
        if let Some(r) = replacement {
            if !marks.contains(c) {
                marks.push(c);
            }
            edits.push((i..i + c.len_utf8(), r.to_string()));
        }
    }
    if let (Some(first), Some(last)) = (edits.first(), edits.last()) {
        let bytes = first.0.start..last.0.end;
        let listed: Vec<String> = marks.chars().map(|c| format!("“{c}”")).collect();
        let message = format!(
            "中文中应使用全角标点：这里有{}处半角标点{}",
            edits.len(),
            listed.join("")
        );
        let fix = unit.fix(edits);
        out.push(unit.finding(
            Rule::HalfwidthPunct,
            Severity::Warning,
            bytes,
            message,
            Some(fix),
        ));
    }
}

/// "..." "。。。" "…" "………" → "……".
fn ellipsis(unit: &Unit, out: &mut Vec<Finding>) {
    let text = unit.text;
    let mut i = 0;
    while i < text.len() {
        let Some(c) = char_at(text, i) else { break };
        let run = text[i..].chars().take_while(|&d| d == c).count();
        let bytes = i..i + run * c.len_utf8();
        let wrong = match c {
            '.' | '。' | '．' | '·' => run >= 3,
            '…' => run != 2,
            _ => false,
        };
        if wrong {
            let message = format!("省略号应为“……”（两个“…”），不写“{}”", &text[bytes.clone()]);
            let fix = unit.fix([(bytes.clone(), "……".to_string())]);
            out.push(unit.finding(
                Rule::Ellipsis,
                Severity::Warning,
                bytes.clone(),
                message,
                Some(fix),
            ));
        }
        i = bytes.end;
    }
}

/// Full-width digits ０-９ (and ％ after them) → half-width.
fn fullwidth_digits(unit: &Unit, out: &mut Vec<Finding>) {
    let text = unit.text;
    let is_wide = |c: char| ('０'..='９').contains(&c);
    let mut i = 0;
    while i < text.len() {
        let Some(c) = char_at(text, i) else { break };
        if !is_wide(c) {
            i += c.len_utf8();
            continue;
        }
        let len: usize = text[i..]
            .chars()
            .take_while(|&d| is_wide(d) || d == '％' || d == '．')
            .map(char::len_utf8)
            .sum();
        let bytes = i..i + len;
        let narrow: String = text[bytes.clone()]
            .chars()
            .map(|d| match d {
                '％' => '%',
                '．' => '.',
                d => char::from_u32(d as u32 - '０' as u32 + '0' as u32).unwrap_or(d),
            })
            .collect();
        let message = format!(
            "数字应使用半角阿拉伯数字：“{}”应为“{narrow}”",
            &text[bytes.clone()]
        );
        let fix = unit.fix([(bytes.clone(), narrow)]);
        out.push(unit.finding(
            Rule::FullwidthDigit,
            Severity::Warning,
            bytes.clone(),
            message,
            Some(fix),
        ));
        i = bytes.end;
    }
}

/// The closer of an opening mark; round brackets pair in either width (the width is
/// `halfwidth-punct`'s business).
fn closer_of(open: char) -> Option<char> {
    Some(match open {
        '“' => '”',
        '‘' => '’',
        '《' => '》',
        '〈' => '〉',
        '（' | '(' => '）',
        '〔' => '〕',
        '【' => '】',
        _ => return None,
    })
}

fn is_closer(c: char) -> bool {
    "”’》〉）)〕】".contains(c)
}

/// An opening mark waiting for its closer.
struct Open {
    unit: usize,
    at: usize,
    mark: char,
    /// A sentence ended after it: a second “ then starts a new quotation rather than
    /// being a mistyped ”.
    sentence_since: bool,
}

/// Where a line's heading label ends (0 without one): labels are left to the heading
/// rules, which also write a half-bracketed `1）` in full.
fn label_end(text: &str) -> usize {
    parse_label(text).map_or(0, |l| {
        l.raw.as_ptr() as usize - text.as_ptr() as usize + l.raw.len()
    })
}

/// Quotes, 书名号 and brackets closed within their paragraph (hard-wrapped lines of
/// plain text count as one paragraph).
fn pairs(doc: &Doc, out: &mut Vec<Finding>) {
    let mut open: Vec<Open> = Vec::new();
    for (index, unit) in doc.units.iter().enumerate() {
        let label_end = label_end(unit.text);
        for (i, c) in unit.text.char_indices().skip_while(|&(i, _)| i < label_end) {
            let top = open.last().map(|o| (o.mark, o.sentence_since));
            if matches!(c, '。' | '！' | '？') {
                open.iter_mut().for_each(|o| o.sentence_since = true);
            } else if (c == '“' || c == '‘') && top == Some((c, false)) {
                // A second opening quote where the closing one belongs (以“最多跑一次“改革).
                let right = closer_of(c).unwrap_or(c);
                open.pop();
                out.push(unit.finding(
                    Rule::UnpairedMark,
                    Severity::Error,
                    i..i + c.len_utf8(),
                    format!("引号方向错误：这里应为后引号“{right}”"),
                    Some(unit.fix([(i..i + c.len_utf8(), right.to_string())])),
                ));
            } else if closer_of(c).is_some() {
                if top == Some((c, true)) {
                    let previous = open.pop().expect("top exists");
                    unclosed(&doc.units[previous.unit], previous.at, previous.mark, out);
                }
                open.push(Open {
                    unit: index,
                    at: i,
                    mark: c,
                    sentence_since: false,
                });
            } else if is_closer(c) {
                let matches = |o: &Open| {
                    closer_of(o.mark).is_some_and(|cl| cl == c || (c == ')' && cl == '）'))
                };
                match open.iter().rposition(matches) {
                    Some(at) => {
                        for o in open.drain(at..).skip(1) {
                            unclosed(&doc.units[o.unit], o.at, o.mark, out);
                        }
                    }
                    None => out.push(unit.finding(
                        Rule::UnpairedMark,
                        Severity::Error,
                        i..i + c.len_utf8(),
                        format!("“{c}”没有对应的前半个标点"),
                        None,
                    )),
                }
            }
        }
        if !unit.joins_next {
            for o in open.drain(..) {
                unclosed(&doc.units[o.unit], o.at, o.mark, out);
            }
        }
    }
}

fn unclosed(unit: &Unit, at: usize, open: char, out: &mut Vec<Finding>) {
    let close = closer_of(open).unwrap_or(open);
    out.push(unit.finding(
        Rule::UnpairedMark,
        Severity::Error,
        at..at + open.len_utf8(),
        format!("“{open}”没有对应的“{close}”，标点应成对使用"),
        None,
    ));
}
