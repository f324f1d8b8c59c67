//! Bytes to text: the encodings files from clerks' machines come in, and refusing what
//! is not text.

use std::borrow::Cow;

/// What to say when [`decode_text`] finds no text.
pub const NOT_TEXT: &str = "内容不是文本（既不是 UTF-8、UTF-16 也不是 GBK 编码的文字）";

/// The text of a file: UTF-8 (a byte-order mark dropped), UTF-16 (with a byte-order
/// mark, as Notepad's "Unicode" and Excel's "Unicode 文本" save it, or without one when
/// every other byte is zero) or, failing those and with the `gbk` feature, GB18030,
/// which covers the GBK files Windows Notepad and WPS save in China. `None` when the
/// bytes are none of these. Line breaks that are a lone CR (old Mac files) become LF.
/// (The web app decodes GBK in the browser before the bytes reach the core.)
pub fn decode_text(bytes: &[u8]) -> Option<Cow<'_, str>> {
    if let Some(little_endian) = utf16_order(bytes) {
        return decode_utf16(bytes, little_endian).map(|text| lone_cr_to_lf(Cow::Owned(text)));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => Some(Cow::Borrowed(text)),
        #[cfg(feature = "gbk")]
        Err(_) => encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes),
        #[cfg(not(feature = "gbk"))]
        Err(_) => None,
    };
    text.map(lone_cr_to_lf)
}

/// Whether bytes are UTF-16, and in which byte order (`true`: little-endian): a
/// byte-order mark, or, without one, zero bytes in most odd (or even) places of the
/// first 4 KB and almost none in the others, which is ASCII-heavy UTF-16 text.
pub fn utf16_order(bytes: &[u8]) -> Option<bool> {
    if bytes.starts_with(b"\xFF\xFE") {
        return Some(true);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some(false);
    }
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    // Too few characters to tell zeros of UTF-16 from a few stray bytes.
    if pairs < 8 {
        return None;
    }
    let zeros = |offset: usize| {
        sample
            .iter()
            .skip(offset)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    let mostly = |n: usize| n * 10 >= pairs * 4;
    let hardly = |n: usize| n * 20 <= pairs;
    match (mostly(odd) && hardly(even), mostly(even) && hardly(odd)) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    }
}

fn decode_utf16(bytes: &[u8], little_endian: bool) -> Option<String> {
    let has_mark = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    let body = if has_mark { &bytes[2..] } else { bytes };
    if body.len() % 2 != 0 {
        return None;
    }
    let units = body.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .ok()
}

/// `\r` not followed by `\n` turned into `\n`, so that CR-only files split into lines.
fn lone_cr_to_lf(text: Cow<'_, str>) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |at: usize| bytes.get(at + 1) != Some(&b'\n');
    if !memchr::memchr_iter(b'\r', bytes).any(lone) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Refuses bytes that are not text: control characters (other than tab, newline and
/// carriage return) or undecodable bytes in more than 1% of the first 64 KB.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let text = String::from_utf8_lossy(sample);
    let total = text.chars().count().max(1);
    let bad = text
        .chars()
        .filter(|&c| c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r')))
        .count();
    // A file cut in the middle of its last character has one replacement character.
    bad > 1 && bad * 100 > total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_or_without_a_mark_and_lone_crs_decode() {
        let utf16 = |text: &str, little: bool, mark: bool| -> Vec<u8> {
            let units = mark
                .then_some(0xFEFF)
                .into_iter()
                .chain(text.encode_utf16());
            units
                .flat_map(|u| {
                    if little {
                        u.to_le_bytes()
                    } else {
                        u.to_be_bytes()
                    }
                })
                .collect()
        };
        let table = "序号\t任务\r\n1\t推进法治\r\n";
        for (little, mark) in [(true, true), (false, true), (true, false), (false, false)] {
            assert_eq!(
                decode_text(&utf16(table, little, mark)).as_deref(),
                Some(table),
                "little-endian {little}, mark {mark}"
            );
        }
        // An unpaired surrogate is no text.
        assert_eq!(decode_text(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]), None);
        assert_eq!(decode_text(b"a\rb\r\nc\r").as_deref(), Some("a\nb\r\nc\n"));
        assert!(matches!(decode_text(b"a\r\nb"), Some(Cow::Borrowed(_))));
    }

    #[test]
    fn binary() {
        assert!(looks_binary(&[0, 1, 2, 3, 0xff, 0xfe, 0x50, 0x4b]));
        assert!(!looks_binary("正常的文本\t表格\n".as_bytes()));
    }

    #[test]
    fn utf8_and_gbk_files_decode_and_others_do_not() {
        assert_eq!(
            decode_text("\u{feff}１.计划".as_bytes()).unwrap(),
            "１.计划"
        );
        // "1.推进法治" as Windows saves it in China (GBK).
        let gbk = [0x31, 0x2e, 0xcd, 0xc6, 0xbd, 0xf8, 0xb7, 0xa8, 0xd6, 0xce];
        let expected = cfg!(feature = "gbk").then_some("1.推进法治");
        assert_eq!(decode_text(&gbk).as_deref(), expected);
        assert_eq!(decode_text(&[0x80, 0xff, 0x80]), None);
    }
}
