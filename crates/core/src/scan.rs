//! Character classes and small scanners shared by the rules and the readers (no regex: std
//! only): dates are found by [`crate::date::written_dates`].

use std::ops::Range;

use crate::text::is_han;

/// Full-width punctuation of Chinese text.
pub fn is_cjk_punct(c: char) -> bool {
    "，。、；：？！“”‘’（）《》〈〉〔〕【】…—·".contains(c)
}

/// Han or Chinese punctuation: the context in which marks must be full-width.
pub fn is_chinese(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

/// Punctuation that may not end a title or a stand-alone heading.
pub fn is_trailing_punct(c: char) -> bool {
    "。，、；：！？.,;:!?".contains(c)
}

/// The nearest character before byte `at` that is not whitespace.
pub fn prev_visible(text: &str, at: usize) -> Option<char> {
    text[..at].chars().rev().find(|c| !c.is_whitespace())
}

/// The nearest character from byte `at` on that is not whitespace.
pub fn next_visible(text: &str, at: usize) -> Option<char> {
    text[at..].chars().find(|c| !c.is_whitespace())
}

/// Byte index after skipping whitespace from `at`.
pub fn skip_spaces(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map_or(text.len(), |(i, _)| at + i)
}

/// The run of ASCII digits starting at byte `at` (empty when there is none).
pub fn digits_at(text: &str, at: usize) -> &str {
    let len = text[at..].bytes().take_while(u8::is_ascii_digit).count();
    &text[at..at + len]
}

/// The character starting at byte `at`, if any.
pub fn char_at(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// A four-digit year (1900–2099) written before 年, e.g. `2023年` or `2023 年`:
/// the year and the byte range of its digits.
pub fn years(text: &str) -> impl Iterator<Item = (u16, std::ops::Range<usize>)> + '_ {
    text.char_indices().filter_map(move |(i, c)| {
        if !c.is_ascii_digit() || text[..i].ends_with(|p: char| p.is_ascii_digit()) {
            return None;
        }
        let digits = digits_at(text, i);
        let after = skip_spaces(text, i + digits.len());
        let year: u16 = digits.parse().ok()?;
        (digits.len() == 4 && (1900..2100).contains(&year) && char_at(text, after) == Some('年'))
            .then_some((year, i..i + 4))
    })
}

/// Matches of several literal terms, longest first where they overlap, in text order.
pub fn find_terms<'t, T: Copy>(
    text: &str,
    terms: &'t [(&'t str, T)],
) -> Vec<(std::ops::Range<usize>, T)> {
    let mut hits: Vec<(std::ops::Range<usize>, T)> = terms
        .iter()
        .flat_map(|&(term, tag)| {
            text.match_indices(term)
                .map(move |(i, m)| (i..i + m.len(), tag))
        })
        .collect();
    hits.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut done = 0;
    hits.retain(|(r, _)| {
        let keep = r.start >= done;
        if keep {
            done = r.end;
        }
        keep
    });
    hits
}

/// Byte ranges inside 《…》 (titles of laws and documents are cited as written).
pub fn quoted_titles(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut open = None;
    for (i, c) in text.char_indices() {
        match c {
            '《' => open = Some(i),
            '》' => {
                if let Some(start) = open.take() {
                    out.push(start..i + c.len_utf8());
                }
            }
            _ => {}
        }
    }
    out
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_before_nian() {
        let found: Vec<u16> = years("关于 2022 年度，12023年，2024年3月，1999 件")
            .map(|y| y.0)
            .collect();
        assert_eq!(found, [2022, 2024]);
    }

    #[test]
    fn overlapping_terms_take_the_longest() {
        let hits = find_terms("市卫生计生委和计生委", &[("计生委", 1), ("卫生计生委", 2)]);
        let tags: Vec<_> = hits.iter().map(|h| h.1).collect();
        assert_eq!(tags, [2, 1]);
    }
}
