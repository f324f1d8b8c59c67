//! The characters XML 1.0 can carry: the one rule shared by every writer of XML (each
//! part of the .docx and the .xlsx, their document properties included), the preview
//! that shows what the file will hold, and the draft check that warns before export.

/// Text as XML 1.0 allows it: control characters are dropped (NUL, U+0008, Word's
/// manual line break U+000B, and line breaks too: a run is one line), as are U+FFFE
/// and U+FFFF; tabs become spaces.
pub fn clean_text(text: &str) -> String {
    // Nearly all text is clean already, and copying it whole is much faster than
    // collecting it character by character.
    if is_clean(text) {
        return text.to_owned();
    }
    text.chars().filter_map(xml_char).collect()
}

/// Whether [`xml_char`] keeps every character of `text` as it is, read from the bytes:
/// every character it changes is one byte below 0x20 or 0x7F, or U+FFFE or U+FFFF
/// (three bytes each, which `str::contains` finds by searching for their last byte).
/// Decoding every character to ask took about 5 % of the export's instructions; a pass
/// over the bytes without an early exit compiles to vector code.
fn is_clean(text: &str) -> bool {
    let bytes = text.as_bytes();
    let controls = bytes
        .iter()
        .fold(false, |found, &b| found | (b < 0x20) | (b == 0x7f));
    // One character at a time: a pattern of both would decode every character.
    !controls && !text.contains('\u{fffe}') && !text.contains('\u{ffff}')
}

/// Text escaped for an XML text node or a quoted attribute value.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// Whether [`clean_text`] drops any character of `text` (a tab, which it keeps as a
/// space, does not count).
pub fn drops_characters(text: &str) -> bool {
    text.chars().any(|c| xml_char(c).is_none())
}

/// What [`clean_text`] writes for a character.
fn xml_char(c: char) -> Option<char> {
    match c {
        '\t' => Some(' '),
        '\u{0}'..='\u{1f}' | '\u{7f}' | '\u{fffe}' | '\u{ffff}' => None,
        c => Some(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_dropped_and_tabs_become_spaces() {
        let hostile = "关于\u{b}2022\u{8}年\0度\u{fffe}报告\u{ffff}\t（草稿）\u{7f}\r\n";
        assert_eq!(clean_text(hostile), "关于2022年度报告 （草稿）");
        assert!(drops_characters(hostile));
        assert!(!drops_characters("关于2022年度\t报告𠀀😀"));
        assert_eq!(clean_text("关于2022年度\t报告"), "关于2022年度 报告");
    }

    /// Each character the check must catch, alone in clean text, and its neighbours in
    /// UTF-8 that it must let through.
    #[test]
    fn one_changed_character_is_enough_to_clean_and_its_neighbours_are_kept() {
        for c in [
            '\0', '\u{8}', '\t', '\u{b}', '\u{1f}', '\u{7f}', '\u{fffe}', '\u{ffff}',
        ] {
            let expected: String =
                xml_char(c).map_or("关于报告".into(), |c| format!("关于{c}报告"));
            assert_eq!(clean_text(&format!("关于{c}报告")), expected, "{c:?}");
        }
        for kept in [
            "（）", "\u{fffd}", "\u{feff}", "\u{fffc}", " ~\u{80}", "𠀀😀",
        ] {
            assert_eq!(clean_text(kept), kept);
        }
    }

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape(r#"A&B <局> "甲" '乙'"#),
            "A&amp;B &lt;局&gt; &quot;甲&quot; &apos;乙&apos;"
        );
    }
}
