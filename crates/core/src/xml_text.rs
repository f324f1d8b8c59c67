//! The characters XML 1.0 can carry: the one rule shared by every writer of XML (each
//! part of the .docx and the .xlsx, their document properties included), the preview
//! that shows what the file will hold, and the draft check that warns before export;
//! and the other way, reading XML back as the readers of Office parts and web pages need
//! it: its tags in order, an attribute of one, the text between them unescaped.

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

/// A start, end or empty-element tag of an XML (or HTML) text, as [`Tags`] finds it.
pub(crate) struct Tag<'x> {
    /// The qualified name: `w:p` for `<w:p>`.
    pub(crate) name: &'x str,
    /// `</c>`.
    pub(crate) closing: bool,
    /// `<c r="A1"/>`: an element opened and closed at once.
    pub(crate) empty: bool,
    /// The text between the previous tag and this one, still escaped: the content of
    /// the element this tag closes, when it has no child elements.
    pub(crate) before: &'x str,
    /// Everything between `<` and `>`.
    inside: &'x str,
}

impl<'x> Tag<'x> {
    /// `depth` after this tag, counting the open elements it belongs to: one more after a
    /// start tag, one fewer after an end tag (never below zero: a stray end tag ends
    /// nothing), the same after an empty element.
    pub(crate) fn nesting(&self, depth: usize) -> usize {
        match (self.empty, self.closing) {
            (true, _) => depth,
            (false, true) => depth.saturating_sub(1),
            (false, false) => depth + 1,
        }
    }

    /// The name without its namespace prefix: `c` for `<x:c r="A1">`.
    pub(crate) fn local_name(&self) -> &'x str {
        self.name.rsplit(':').next().unwrap_or(self.name)
    }

    /// The value of attribute `name`, still escaped, in either kind of quotes: matched as
    /// written (`w:val`) or, for a name without a prefix, by its local name, so that `id`
    /// finds `r:id` (never a namespace declaration).
    pub(crate) fn attribute(&self, name: &str) -> Option<&'x str> {
        let mut rest = self.inside.trim_start_matches('/');
        rest = rest.trim_start_matches(|c: char| !c.is_whitespace() && c != '/');
        loop {
            rest = rest.trim_start();
            let equals = rest.find('=')?;
            let attribute = rest[..equals].trim();
            rest = rest[equals + 1..].trim_start();
            let quote = rest.chars().next().filter(|q| matches!(q, '"' | '\''))?;
            let end = rest[1..].find(quote)? + 1;
            let value = &rest[1..end];
            rest = &rest[end + 1..];
            let (prefix, local) = attribute.rsplit_once(':').unwrap_or(("", attribute));
            if attribute == name || (local == name && prefix != "xmlns") {
                return Some(value);
            }
        }
    }
}

/// The tags of an XML (or HTML) text in order, each with the text before it: the one
/// scanner of every reader of Office parts and web pages. A `>` inside a quoted
/// attribute value does not end a tag, and a tag that never ends ends the scan; comments
/// are skipped whole (one may hold a `>`); declarations and processing instructions come
/// out as tags of no interest.
pub(crate) struct Tags<'x> {
    rest: &'x str,
}

impl<'x> Tags<'x> {
    pub(crate) fn new(xml: &'x str) -> Self {
        Tags { rest: xml }
    }

    /// Skips an HTML element's raw text (a script's, where `<` opens no tag) up to and
    /// including its end tag `</name>`, in any case; to the end when there is none.
    pub(crate) fn skip_raw_text(&mut self, name: &str) {
        let end = format!("</{name}");
        let bytes = self.rest.as_bytes();
        let at = (0..bytes.len())
            .find(|&i| {
                bytes[i..].len() >= end.len()
                    && bytes[i..i + end.len()].eq_ignore_ascii_case(end.as_bytes())
            })
            .unwrap_or(bytes.len());
        self.rest = &self.rest[at..];
        self.next();
    }

    /// The character data from here up to `end` (or the end of the text), consumed.
    pub(crate) fn text_until(&mut self, end: &str) -> &'x str {
        let at = self.rest.find(end).unwrap_or(self.rest.len());
        let text = &self.rest[..at];
        self.rest = &self.rest[at..];
        text
    }
}

impl<'x> Iterator for Tags<'x> {
    type Item = Tag<'x>;

    fn next(&mut self) -> Option<Tag<'x>> {
        let mut open = self.rest.find('<')?;
        let start = self.rest;
        while self.rest[open..].starts_with("<!--") {
            let end = self.rest[open..].find("-->")? + open + 3;
            self.rest = &self.rest[end..];
            open = self.rest.find('<')?;
        }
        let length = tag_length(&self.rest.as_bytes()[open + 1..])?;
        // The text before: from where this call began, comments included, when there were
        // any (a comment in a run of text is rare and harmless).
        let before = &start[..start.len() - self.rest.len() + open];
        let inside = &self.rest[open + 1..open + 1 + length];
        self.rest = &self.rest[open + length + 2..];
        let name = inside
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or_default();
        Some(Tag {
            name,
            closing: inside.starts_with('/'),
            empty: inside.ends_with('/'),
            before,
            inside,
        })
    }
}

/// How many bytes of `tag` (what follows a `<`) come before its closing `>`.
fn tag_length(tag: &[u8]) -> Option<usize> {
    let mut quote = None;
    tag.iter().position(|&b| match quote {
        Some(q) => {
            if b == q {
                quote = None;
            }
            false
        }
        None if b == b'"' || b == b'\'' => {
            quote = Some(b);
            false
        }
        None => b == b'>',
    })
}

/// Character data with its entities decoded: XML's five, numeric ones, and the few
/// named ones a Chinese web page uses for spaces, quotes and dashes.
pub(crate) fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    // The longest entity read, `&#x10FFFF;`, ends within this many bytes of its `&`: the
    // `;` is looked for there only, so a million `&` without one cost a million steps.
    const LONGEST_ENTITY: usize = 10;
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let window = &rest.as_bytes()[..rest.len().min(LONGEST_ENTITY)];
        let Some(end) = window.iter().position(|&b| b == b';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" | "ensp" | "emsp" => Some(' '),
            "ldquo" => Some('“'),
            "rdquo" => Some('”'),
            "lsquo" => Some('‘'),
            "rsquo" => Some('’'),
            "mdash" => Some('—'),
            "hellip" => Some('…'),
            "middot" => Some('·'),
            _ => entity
                .strip_prefix("#x")
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
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

    #[test]
    fn the_scanner_skips_comments_whole_and_reads_entities() {
        let names: Vec<_> = Tags::new("<a><!-- <b> > --><c/><!-- unclosed <d>")
            .map(|tag| (tag.name, tag.closing, tag.empty))
            .collect();
        assert_eq!(names, [("a", false, false), ("c", false, true)]);
        assert_eq!(
            unescape("&ldquo;放管服&rdquo;&nbsp;&#x4E00;&#20108;&amp;&unknown;&"),
            "“放管服” 一二&&unknown;&"
        );
    }

    #[test]
    fn tags_come_with_their_names_attributes_and_the_text_before_them() {
        let xml = r#"<?xml version="1.0"?><x:c r="A1" t='s' s="2>3"><v>甲 &amp; &#x4E59;</v></x:c><row/>"#;
        let found: Vec<(&str, bool, bool, &str)> = Tags::new(xml)
            .map(|t| (t.local_name(), t.closing, t.empty, t.before))
            .collect();
        assert_eq!(
            found,
            [
                ("?xml", false, false, ""),
                ("c", false, false, ""),
                ("v", false, false, ""),
                ("v", true, false, "甲 &amp; &#x4E59;"),
                ("c", true, false, ""),
                ("row", false, true, ""),
            ]
        );
        let cell = Tags::new(xml).nth(1).unwrap();
        assert_eq!(cell.name, "x:c");
        assert_eq!(cell.attribute("r"), Some("A1"));
        assert_eq!(cell.attribute("t"), Some("s"));
        assert_eq!(cell.attribute("s"), Some("2>3"));
        assert_eq!(cell.attribute("x"), None);
        assert_eq!(
            unescape("甲 &amp; &#x4E59;&#20057;&bogus; & &"),
            "甲 & 乙乙&bogus; & &"
        );
        let id = r#"<sheet xmlns:id="n" name="计划" r:id="rId3"/>"#;
        assert_eq!(Tags::new(id).next().unwrap().attribute("id"), Some("rId3"));
        let qualified = r#"<w:ilvl w:val="2"/>"#;
        assert_eq!(
            Tags::new(qualified).next().unwrap().attribute("w:val"),
            Some("2")
        );
        assert_eq!(Tags::new("<a b=\"never closed>").count(), 0);
    }
}
