//! Lines of at most so many 字, broken where Chinese line-breaking rules allow.

use crate::page::measures::zi_of;

/// Characters that may not start a line (GB/T 15834 and common 禁则).
pub(super) const NO_LINE_START: &str = "，。、；：？！）》」』”’〕】〉〗｝］%‰℃,.;:?!)]}";
/// Characters that may not end a line.
pub(super) const NO_LINE_END: &str = "（《「『“‘〔【〈〖｛［([{";

fn may_break_between(before: char, after: char) -> bool {
    let word = |c: char| c.is_ascii_graphic();
    !(NO_LINE_START.contains(after)
        || NO_LINE_END.contains(before)
        || (word(before) && word(after))
        // LibreOffice keeps a number with the closing punctuation before it ("。2022").
        || (NO_LINE_START.contains(before) && after.is_ascii_alphanumeric())
        || (before == after && matches!(before, '—' | '…')))
}

/// Breaks `text` into lines of at most `first` 字 (the first line) and `rest` 字, at the
/// last place the line-breaking rules allow; a run that cannot be broken is cut.
pub(super) fn break_line(text: &str, first: f64, rest: f64) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    // Widths in half 字, so that sums are exact.
    let half = |c: char| (zi_of(c) * 2.0) as u32;
    let mut capacity = (first * 2.0).max(2.0) as u32;
    let mut out = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut width = 0;
        let mut end = start;
        while end < chars.len() && width + half(chars[end]) <= capacity {
            width += half(chars[end]);
            end += 1;
        }
        if end == start {
            end = start + 1;
        } else if end < chars.len() {
            if let Some(at) = (start + 1..=end)
                .rev()
                .find(|&i| may_break_between(chars[i - 1], chars[i]))
            {
                end = at;
            }
        }
        out.push(chars[start..end].iter().collect());
        start = end;
        capacity = (rest * 2.0).max(2.0) as u32;
    }
    out
}
