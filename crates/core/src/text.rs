//! Characters and short strings: the primitives every layer above reads text with
//! (Han characters, width folding, clipping for messages, lists of names, decimals,
//! the difference between two texts).

use std::borrow::Cow;

pub mod diff;

/// Whether a character is a Han ideograph: CJK Unified Ideographs, extension A and the
/// compatibility ideographs (`﨑`, which names and place names use).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// Folds full-width ASCII variants (digits, letters, `％`, `．`, `＋`) and the
/// ideographic space to their half-width forms. Chinese punctuation (`，。（）：；`) is
/// left alone: it carries meaning the parsers use.
pub fn fold_width(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// [`fold_width`] for one character.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '％' | '．' | '＋' | '－' | '／' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// `text` cut at `max_chars` characters, with an ellipsis when cut: for error messages
/// that quote a value from a file, which may be a 5 MB line.
pub fn clip(text: &str, max_chars: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max_chars) {
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
        None => Cow::Borrowed(text),
    }
}

/// The names in a list as clerks type them (signers, a plan item's departments):
/// separated by 、，, ；; / or spaces, each trimmed, empty ones dropped.
pub fn split_names(list: &str) -> Vec<String> {
    list.split(['、', '，', ',', '；', ';', '/', ' ', '\u{3000}'])
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(String::from)
        .collect()
}

/// `value` with `places` decimals (at most 6), as `format!("{value:.places$}")` writes
/// it but for exact ties (rounded away from zero here): the sizes and lengths the page
/// shows, in integer arithmetic, since formatting an `f64` brings Rust's float-printing
/// code (about 7 KB gzip) into the first paint.
pub fn decimal(value: f64, places: u32) -> String {
    let scale = 10u64.pow(places);
    let scaled = (value.abs() * scale as f64).round() as u64;
    let sign = if value.is_sign_negative() { "-" } else { "" };
    let whole = scaled / scale;
    if places == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = scaled % scale;
    format!("{sign}{whole}.{fraction:0width$}", width = places as usize)
}

/// The value of a decimal as plans write targets (`95`, `99.5`, `.5`, `5.`): ASCII
/// digits with at most one `.`, no sign, no exponent; `None` for anything else (`""`,
/// `"."`, `1.2.3`, full-width digits). The same value as `str::parse::<f64>` up to 15
/// significant digits (their integer divided by a power of ten, two exact numbers, is
/// rounded once); a fraction is read to about 17 significant digits, so longer numbers
/// come within a few units in the last place, never NaN. Rust's float parser and its
/// tables weigh about 15 KB gzip in the first paint, for values like these.
pub fn decimal_value(text: &str) -> Option<f64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = || whole.bytes().chain(fraction.bytes());
    if digits().next().is_none() || !digits().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut value = 0.0;
    for b in whole.bytes() {
        value = value * 10.0 + f64::from(b - b'0');
    }
    let mut places = 0;
    for b in fraction.bytes() {
        // Past 10^17 a further digit cannot change the rounded value much, and a long
        // fraction must not overflow the power of ten below.
        if value >= 1e17 {
            break;
        }
        value = value * 10.0 + f64::from(b - b'0');
        places += 1;
    }
    Some(value / 10f64.powi(places))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_characters_include_extension_a_and_compatibility_ideographs() {
        for c in ['法', '㐀', '﨑'] {
            assert!(is_han(c), "{c}");
        }
        for c in ['A', '，', '〇', '１'] {
            assert!(!is_han(c), "{c}");
        }
    }

    #[test]
    fn widths_fold_and_clipping_cuts() {
        assert_eq!(fold_width("９０％以上，（一）"), "90%以上，（一）");
        assert_eq!(clip("一二三四", 2), "一二…");
        assert_eq!(clip("一二", 2), "一二");
    }

    #[test]
    fn names_split_on_every_separator_clerks_use() {
        assert_eq!(
            split_names("区司法局、区卫健委，区财政局; 区教育局/区民政局  张三\u{3000}李四"),
            [
                "区司法局",
                "区卫健委",
                "区财政局",
                "区教育局",
                "区民政局",
                "张三",
                "李四"
            ]
        );
        assert!(split_names(" 、 ").is_empty());
    }

    #[test]
    fn decimals_are_written_as_float_formatting_writes_them() {
        for value in [
            0.0,
            0.04,
            0.4,
            1.0,
            9.96,
            12.345_678,
            254.0 / 1440.0 * 25.4,
            1023.9,
            1e6 / 3.0,
            -2.5e-3,
            -0.123,
            -7.0,
        ] {
            for places in 0..=3 {
                let expected = format!("{value:.prec$}", prec = places as usize);
                assert_eq!(decimal(value, places), expected, "{value} to {places}");
            }
        }
    }

    #[test]
    fn decimal_values_are_parsed_as_str_parse_parses_them() {
        for text in [
            "100",
            "99.5",
            "0.5",
            "95",
            "0",
            "00",
            "5.",
            ".5",
            "12.345678",
            "0.1",
            "1.1",
            "999999999999999",
            "3.14159265358979",
            "0.000001",
        ] {
            assert_eq!(decimal_value(text), text.parse::<f64>().ok(), "{text}");
        }
        for text in [
            "",
            ".",
            "1.2.3",
            "１００",
            "-1",
            "+1",
            "1e3",
            " 1",
            "1 ",
            "NaN",
            "1,000",
        ] {
            assert_eq!(decimal_value(text), None, "{text:?}");
        }
        // Very long digit strings: no panic, no overflow to NaN.
        let long = "9".repeat(400);
        assert_eq!(decimal_value(&long), Some(f64::INFINITY));
        let long_fraction = format!("0.{}", "3".repeat(400));
        let value = decimal_value(&long_fraction).unwrap();
        assert!((value - 1.0 / 3.0).abs() < 1e-15, "{value}");
        let tiny = format!("0.{}1", "0".repeat(400));
        assert_eq!(decimal_value(&tiny), Some(0.0));
        let both = format!("{}.{}", "1".repeat(30), "1".repeat(30));
        let value = decimal_value(&both).unwrap();
        let expected: f64 = both.parse().unwrap();
        assert!(
            (value - expected).abs() / expected < 1e-15,
            "{value} {expected}"
        );
    }
}
