//! Heading labels (一、 / （一） / 1. / （1））: writing them for a position, and
//! recognising typed ones at the start of a line of pasted or imported text, in every
//! bracket and punctuation variant real documents use.
//!
//! The draft model derives its numbers from position, so this is only for text that
//! comes from outside: reports and plans pasted or read from .txt/.docx files, and the
//! checker, which flags the non-standard variants (`canonical == false`).

/// Chinese numeral for 1..=99 (一, 十, 十一, 二十, 九十九); Arabic beyond that, which
/// no real report reaches but which must not panic either.
pub fn chinese_numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => DIGITS[n].to_string(),
        10..=99 => {
            let (tens, ones) = (n / 10, n % 10);
            let tens = if tens == 1 { "" } else { DIGITS[tens] };
            format!("{tens}十{}", DIGITS[ones])
        }
        _ => n.to_string(),
    }
}

/// The printed label of the `ordinal`-th (1-based) heading at `level`.
pub fn heading_label(level: u8, ordinal: usize) -> String {
    match level {
        1 => format!("{}、", chinese_numeral(ordinal)),
        2 => format!("（{}）", chinese_numeral(ordinal)),
        3 => format!("{ordinal}."),
        _ => format!("（{ordinal}）"),
    }
}

/// A heading label found at the start of a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label<'a> {
    /// 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）.
    pub level: u8,
    /// The number the label states (一 → 1, 十二 → 12).
    pub number: usize,
    /// The label exactly as written, including its punctuation.
    pub raw: &'a str,
    /// The text after the label, with leading whitespace removed.
    pub rest: &'a str,
    /// Whether `raw` is the GB/T 9704 form (`heading_label(level, number)`).
    pub canonical: bool,
}

/// The digits of Chinese numerals written digit by digit (`二〇二三`), 〇 and 零 both.
pub const CHINESE_DIGITS: &str = "〇零一二三四五六七八九";

/// Value of a Chinese numeral from 1 to 99 (一, 十, 十二, 二十, 九十九).
pub fn parse_chinese_numeral(text: &str) -> Option<usize> {
    let digit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c);
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        [one] if *one != '十' => digit(*one).filter(|&d| d > 0),
        ['十'] => Some(10),
        ['十', one] => digit(*one).filter(|&d| d > 0).map(|d| 10 + d),
        [tens, '十'] => digit(*tens).filter(|&d| d > 1).map(|d| d * 10),
        [tens, '十', one] => {
            let (tens, one) = (digit(*tens)?, digit(*one)?);
            (tens > 1 && one > 0).then_some(tens * 10 + one)
        }
        _ => None,
    }
}

fn is_open(c: char) -> bool {
    c == '(' || c == '（'
}

fn is_close(c: char) -> bool {
    c == ')' || c == '）'
}

/// The heading label at the start of `line`, if there is one.
///
/// Arabic numbers count as a label only when a separator follows directly and is not
/// part of a number (`1.5亿` and `2023年` are not labels), so ordinary sentences that
/// start with a figure are left alone.
pub fn parse_label(line: &str) -> Option<Label<'_>> {
    let trimmed = line.trim_start();
    if let Some(part) = part_label(trimmed) {
        return Some(part);
    }
    let mut chars = trimmed.char_indices().peekable();
    let (_, first) = *chars.peek()?;
    let bracketed = is_open(first);
    if bracketed {
        chars.next();
    }
    let digits_start = chars.peek()?.0;
    let arabic = chars.peek()?.1.is_ascii_digit();
    let mut digits_end = digits_start;
    while let Some(&(i, c)) = chars.peek() {
        let is_digit = if arabic {
            c.is_ascii_digit()
        } else {
            CHINESE_DIGITS.contains(c) || c == '十'
        };
        if !is_digit {
            break;
        }
        digits_end = i + c.len_utf8();
        chars.next();
    }
    let digits = &trimmed[digits_start..digits_end];
    let number = if arabic {
        digits
            .parse::<usize>()
            .ok()
            .filter(|&n| n > 0 && digits.len() <= 3)?
    } else {
        parse_chinese_numeral(digits)?
    };
    let (sep_index, separator) = chars.next()?;
    let mut label_end = sep_index + separator.len_utf8();
    // `1）` and `1)`, the closing bracket alone, are a common way to write （1） in lists
    // and plans: read as the bracketed label, and not canonical.
    let bracketed = bracketed || is_close(separator);
    if bracketed {
        if !is_close(separator) {
            return None;
        }
        // "（一）、" is a common mistake for "（一）": take the stray mark into the label.
        if let Some(&(i, c)) = chars.peek() {
            if matches!(c, '、' | '.' | '．') {
                label_end = i + c.len_utf8();
            }
        }
    } else {
        let allowed = if arabic { ".．、," } else { "、，,.．" };
        if !allowed.contains(separator) {
            return None;
        }
        if arabic {
            // A decimal point or a date ("1.5亿", "3.15") is not a label.
            if let Some(&(_, next)) = chars.peek() {
                if next.is_ascii_digit() {
                    return None;
                }
            }
        }
    }
    let level = match (bracketed, arabic) {
        (false, false) => 1,
        (true, false) => 2,
        (false, true) => 3,
        (true, true) => 4,
    };
    let raw = &trimmed[..label_end];
    Some(Label {
        level,
        number,
        raw,
        rest: trimmed[label_end..].trim_start(),
        canonical: raw == heading_label(level, number),
    })
}

/// `第一部分 主要举措和成效`, a part numbered in words: the first level, written as GB/T
/// 9704 does not (一、). The marks after it belong to the label.
fn part_label(trimmed: &str) -> Option<Label<'_>> {
    let (numeral, after) = trimmed.strip_prefix('第')?.split_once("部分")?;
    let number = parse_chinese_numeral(numeral)?;
    let rest = after.trim_start_matches([' ', '\u{3000}', '：', ':', '、', '，', '.', '．']);
    Some(Label {
        level: 1,
        number,
        raw: &trimmed[..trimmed.len() - rest.len()],
        rest,
        canonical: false,
    })
}

/// A heading line's title and run-in text: split after the first 。 that has text after
/// it, as a report's "（一）标题。正文" reads.
pub fn heading_parts(rest: &str) -> (String, String) {
    match rest.find('。') {
        Some(end) if end + '。'.len_utf8() < rest.len() => (
            rest[..end].to_string(),
            rest[end + '。'.len_utf8()..].to_string(),
        ),
        _ => (rest.to_string(), String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        let cases = [
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (21, "二十一"),
            (99, "九十九"),
            (100, "100"),
        ];
        for (n, want) in cases {
            assert_eq!(chinese_numeral(n), want, "{n}");
        }
    }

    #[test]
    fn labels_per_level() {
        assert_eq!(heading_label(1, 3), "三、");
        assert_eq!(heading_label(2, 12), "（十二）");
        assert_eq!(heading_label(3, 2), "2.");
        assert_eq!(heading_label(4, 5), "（5）");
    }

    fn label(line: &str) -> Option<(u8, usize, &str, bool)> {
        parse_label(line).map(|l| (l.level, l.number, l.rest, l.canonical))
    }

    #[test]
    fn chinese_numerals() {
        let cases = [
            ("一", 1),
            ("九", 9),
            ("十", 10),
            ("十一", 11),
            ("二十", 20),
            ("九十九", 99),
        ];
        for (text, value) in cases {
            assert_eq!(parse_chinese_numeral(text), Some(value), "{text}");
        }
        for bad in ["", "零", "一十", "十十", "二二", "百", "一二三"] {
            assert_eq!(parse_chinese_numeral(bad), None, "{bad}");
        }
    }

    #[test]
    fn canonical_labels_of_every_level() {
        assert_eq!(
            label("一、主要工作及成效"),
            Some((1, 1, "主要工作及成效", true))
        );
        assert_eq!(label("（十二）强化执法"), Some((2, 12, "强化执法", true)));
        assert_eq!(label("3. 推进立法"), Some((3, 3, "推进立法", true)));
        assert_eq!(label("（4）其他"), Some((4, 4, "其他", true)));
    }

    #[test]
    fn variants_are_recognised_and_marked() {
        // The 上城 seed's half-width brackets.
        assert_eq!(label("(一)深入学习"), Some((2, 1, "深入学习", false)));
        assert_eq!(label("（一）、深入学习"), Some((2, 1, "深入学习", false)));
        assert_eq!(label("2、加强监督"), Some((3, 2, "加强监督", false)));
        assert_eq!(label("5．加强监督"), Some((3, 5, "加强监督", false)));
        assert_eq!(label("(3)细则"), Some((4, 3, "细则", false)));
        assert_eq!(label("二，背景"), Some((1, 2, "背景", false)));
        // The closing bracket alone, as lists and plans write it.
        assert_eq!(
            label("1）把学习纳入计划"),
            Some((4, 1, "把学习纳入计划", false))
        );
        assert_eq!(label("12) 开展清理"), Some((4, 12, "开展清理", false)));
        assert_eq!(label("三）规范执法"), Some((2, 3, "规范执法", false)));
        // A part numbered in words.
        assert_eq!(
            label("第二部分 存在的不足和原因"),
            Some((1, 2, "存在的不足和原因", false))
        );
    }

    #[test]
    fn sentences_that_only_look_like_labels() {
        for line in [
            "2023年，我局坚持……",
            "1.5亿元投入",
            "一是加强学习",
            "一方面",
            "(注：略)",
            "（一",
            "",
            "12345. 太长的编号",
            "0. 零不是编号",
        ] {
            assert_eq!(parse_label(line), None, "{line}");
        }
    }
}
