//! Word's automatic numbering: the labels (`一、`, `（一）`, `1.`, `第一条`) Word shows
//! before a paragraph whose properties, or whose paragraph style, name a list in
//! `word/numbering.xml`. They are in no `w:t`, so the reader renders them here from the
//! list definitions and counters kept as the body is read in order.
//!
//! Hostile definitions cost labels, never the text: levels 0–8 only, counters saturate
//! at [`MAX_VALUE`], at most [`MAX_DEFINITIONS`] lists and styles are read, and a label
//! is cut at [`MAX_LABEL_CHARS`].

use std::collections::HashMap;

use crate::labels::chinese_numeral;
use crate::xml_text::{unescape, Tag, Tags};

/// Word's list levels: `w:ilvl` 0 to 8.
const LEVELS: usize = 9;

/// Counters and starts stop here, Word's own limit for a start value.
const MAX_VALUE: u32 = 32_767;

/// Abstract lists, lists and styles are each read up to this many; Word's own documents
/// hold dozens, a long report's a few hundred.
const MAX_DEFINITIONS: usize = 4096;

/// How many `w:basedOn` steps a style's numbering is looked for through.
const MAX_BASED_ON: usize = 16;

/// A label longer than this is cut: a real one is a few characters.
const MAX_LABEL_CHARS: usize = 32;

/// How a level writes its number (`w:numFmt`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Format {
    #[default]
    Decimal,
    /// 01, 02 … 10.
    DecimalZero,
    /// 一, 二 … 十一.
    Chinese,
    /// 甲, 乙 … 癸.
    HeavenlyStem,
    /// ① … ⑳.
    Circled,
    UpperLetter,
    LowerLetter,
    UpperRoman,
    LowerRoman,
    /// A bullet or no number at all: no label, as a bullet is not a heading's label.
    Unlabelled,
}

impl Format {
    fn of(name: &str) -> Format {
        match name {
            "decimalZero" => Format::DecimalZero,
            "chineseCounting" | "chineseCountingThousand" | "japaneseCounting" => Format::Chinese,
            "ideographTraditional" => Format::HeavenlyStem,
            "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => Format::Circled,
            "upperLetter" => Format::UpperLetter,
            "lowerLetter" => Format::LowerLetter,
            "upperRoman" => Format::UpperRoman,
            "lowerRoman" => Format::LowerRoman,
            "bullet" | "none" => Format::Unlabelled,
            _ => Format::Decimal,
        }
    }

    /// `n` written in this format; beyond a format's range, as Word does, in decimal.
    fn render(self, n: u32) -> String {
        const STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
        let index = n as usize;
        match self {
            Format::Unlabelled => String::new(),
            Format::DecimalZero => format!("{n:02}"),
            Format::Chinese => chinese_numeral(index),
            Format::HeavenlyStem if (1..=10).contains(&n) => STEMS[index - 1].to_string(),
            Format::Circled if (1..=20).contains(&n) => char::from_u32(0x245F + n)
                .map(String::from)
                .unwrap_or_else(|| n.to_string()),
            // Word's letters go A … Z, AA … ZZ, up to 780 (thirty Z).
            Format::UpperLetter | Format::LowerLetter if (1..=780).contains(&n) => {
                let base = if self == Format::UpperLetter {
                    b'A'
                } else {
                    b'a'
                };
                let letter = char::from(base + ((n - 1) % 26) as u8);
                std::iter::repeat_n(letter, (index - 1) / 26 + 1).collect()
            }
            Format::UpperRoman | Format::LowerRoman if (1..=3999).contains(&n) => {
                let roman = roman(n);
                if self == Format::LowerRoman {
                    roman.to_lowercase()
                } else {
                    roman
                }
            }
            _ => n.to_string(),
        }
    }
}

fn roman(mut n: u32) -> String {
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

/// One level of an abstract list (`w:lvl`).
#[derive(Clone, Debug, Default)]
struct Level {
    /// `w:start`: the first number, 0 when not given (as the standard says).
    start: u32,
    format: Format,
    /// `w:lvlText`: `%1、`, `（%1）`, `%1.%2`, where `%n` is level `n`'s number.
    text: String,
    /// `w:lvlRestart`: the number is restarted only after a level above this one
    /// (1-based) is used; 0 never. Without it, after any shallower level.
    restart_after: Option<usize>,
    /// `w:suff="nothing"`: no space between the label and the text.
    joined: bool,
}

/// A list definition (`w:abstractNum`), its levels by `w:ilvl`.
#[derive(Clone, Debug, Default)]
struct AbstractList {
    levels: [Option<Level>; LEVELS],
    /// `w:styleLink`: the list style this definition defines.
    defines_style: Option<String>,
    /// `w:numStyleLink`: the list style whose definition numbers this one's lists, as
    /// Word writes a list that uses a list style (多级列表 linked to 标题 styles): it has
    /// no levels of its own.
    uses_style: Option<String>,
}

/// A list (`w:num`): the abstract list it numbers with and the levels whose start it
/// overrides (`w:lvlOverride/w:startOverride`).
#[derive(Clone, Debug, Default)]
struct List {
    abstract_id: Option<u32>,
    start_overrides: [Option<u32>; LEVELS],
}

/// What a paragraph style says of numbering: its own `w:numPr` and the style it is
/// based on.
#[derive(Clone, Debug, Default)]
struct Style {
    numbering: NumberProperties<String>,
    based_on: Option<String>,
}

/// What a paragraph's properties (or a style's) say of numbering: the style, `w:numId`
/// and `w:ilvl`, read from its tags as they come, ignoring the old properties of a
/// tracked change (`w:pPrChange`).
#[derive(Clone, Debug)]
pub(super) struct NumberProperties<S> {
    style: Option<S>,
    list: Option<u32>,
    level: Option<usize>,
    in_change: bool,
}

impl<S> Default for NumberProperties<S> {
    fn default() -> Self {
        NumberProperties {
            style: None,
            list: None,
            level: None,
            in_change: false,
        }
    }
}

impl<'x, S: From<&'x str>> NumberProperties<S> {
    /// Records `tag` if it is one of the properties read; whether it was.
    pub(super) fn read(&mut self, tag: &Tag<'x>) -> bool {
        let value = || tag.attribute("w:val");
        match (tag.name, tag.closing) {
            ("w:pPrChange", closing) if !tag.empty => self.in_change = !closing,
            ("w:pStyle" | "w:numId" | "w:ilvl", false) if self.in_change => {}
            ("w:pStyle", false) => self.style = value().map(S::from),
            ("w:numId", false) => self.list = value().and_then(|v| v.parse().ok()),
            // An out-of-range level (ilvl 99) is kept as such: it has no label.
            ("w:ilvl", false) => {
                self.level = value().map(|v| v.parse().unwrap_or(usize::MAX));
            }
            _ => return false,
        }
        true
    }
}

/// The automatic numbering of a document: its lists and its paragraph styles.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    abstract_lists: HashMap<u32, AbstractList>,
    /// The definition of each list style (`w:styleLink`), the first by id.
    style_definitions: HashMap<String, u32>,
    lists: HashMap<u32, List>,
    styles: HashMap<String, Style>,
    /// The paragraph style of a paragraph that names none (`w:default="1"`).
    default_style: Option<String>,
}

impl Numbering {
    /// Reads `word/numbering.xml` and `word/styles.xml` (either may be empty).
    pub(super) fn read(numbering_xml: &str, styles_xml: &str) -> Numbering {
        let mut numbering = Numbering::default();
        numbering.read_lists(numbering_xml);
        numbering.read_styles(styles_xml);
        for (&id, definition) in &numbering.abstract_lists {
            if let Some(style) = &definition.defines_style {
                let first = numbering
                    .style_definitions
                    .entry(style.clone())
                    .or_insert(id);
                *first = (*first).min(id);
            }
        }
        numbering
    }

    fn read_lists(&mut self, xml: &str) {
        let mut abstract_list: Option<(u32, AbstractList)> = None;
        let mut level: Option<(usize, Level)> = None;
        let mut list: Option<(u32, List)> = None;
        let mut override_level: Option<usize> = None;
        for tag in Tags::new(xml) {
            let number = |name| tag.attribute(name).and_then(|v| v.parse::<u32>().ok());
            let value = || number("w:val");
            match (tag.name, tag.closing) {
                ("w:abstractNum", false) if !tag.empty => {
                    abstract_list =
                        number("w:abstractNumId").map(|id| (id, AbstractList::default()));
                }
                ("w:abstractNum", true) => {
                    if let Some((id, definition)) = abstract_list.take() {
                        if self.abstract_lists.len() < MAX_DEFINITIONS {
                            self.abstract_lists.insert(id, definition);
                        }
                    }
                }
                ("w:lvl", false) if abstract_list.is_some() && !tag.empty => {
                    level = number("w:ilvl")
                        .map(|ilvl| ilvl as usize)
                        .filter(|&ilvl| ilvl < LEVELS)
                        .map(|ilvl| (ilvl, Level::default()));
                }
                ("w:lvl", true) => {
                    if let (Some((ilvl, definition)), Some((_, list))) =
                        (level.take(), abstract_list.as_mut())
                    {
                        list.levels[ilvl] = Some(definition);
                    }
                }
                ("w:num", false) if !tag.empty => {
                    list = number("w:numId").map(|id| (id, List::default()));
                }
                ("w:num", true) => {
                    if let Some((id, definition)) = list.take() {
                        if self.lists.len() < MAX_DEFINITIONS {
                            self.lists.insert(id, definition);
                        }
                    }
                }
                ("w:styleLink" | "w:numStyleLink", false) if level.is_none() => {
                    if let Some((_, definition)) = abstract_list.as_mut() {
                        let style = tag.attribute("w:val").map(String::from);
                        if tag.name == "w:styleLink" {
                            definition.defines_style = style;
                        } else {
                            definition.uses_style = style;
                        }
                    }
                }
                ("w:abstractNumId", false) => {
                    if let (Some((_, list)), Some(id)) = (list.as_mut(), value()) {
                        list.abstract_id = Some(id);
                    }
                }
                ("w:lvlOverride", false) if !tag.empty => {
                    override_level = number("w:ilvl")
                        .map(|ilvl| ilvl as usize)
                        .filter(|&ilvl| ilvl < LEVELS);
                }
                ("w:lvlOverride", true) => override_level = None,
                ("w:startOverride", false) => {
                    if let (Some((_, list)), Some(ilvl)) = (list.as_mut(), override_level) {
                        list.start_overrides[ilvl] = tag.attribute("w:val").and_then(count);
                    }
                }
                (name, false) => {
                    if let Some((_, level)) = level.as_mut() {
                        read_level_property(level, name, &tag);
                    }
                }
                _ => {}
            }
        }
    }

    fn read_styles(&mut self, xml: &str) {
        let mut style: Option<(String, Style)> = None;
        for tag in Tags::new(xml) {
            match (tag.name, tag.closing) {
                ("w:style", false) => {
                    let paragraph = tag.attribute("w:type") == Some("paragraph");
                    let id = tag.attribute("w:styleId").filter(|_| paragraph);
                    if let Some(id) = id {
                        if tag.attribute("w:default") == Some("1") {
                            self.default_style = Some(id.to_string());
                        }
                    }
                    style = id
                        .filter(|_| !tag.empty)
                        .map(|id| (id.to_string(), Style::default()));
                }
                ("w:style", true) => {
                    if let Some((id, definition)) = style.take() {
                        if self.styles.len() < MAX_DEFINITIONS {
                            self.styles.insert(id, definition);
                        }
                    }
                }
                ("w:basedOn", false) => {
                    if let Some((_, style)) = style.as_mut() {
                        style.based_on = tag.attribute("w:val").map(String::from);
                    }
                }
                _ => {
                    if let Some((_, style)) = style.as_mut() {
                        style.numbering.read(&tag);
                    }
                }
            }
        }
    }

    /// The definition a list numbers with: its abstract list's, or the one defining the
    /// list style that abstract list uses (one step: a style that uses a style is not
    /// followed).
    fn definition(&self, list: &List) -> Option<(u32, &AbstractList)> {
        let id = list.abstract_id?;
        let definition = self.abstract_lists.get(&id)?;
        let Some(style) = &definition.uses_style else {
            return Some((id, definition));
        };
        let id = *self.style_definitions.get(style)?;
        Some((id, self.abstract_lists.get(&id)?))
    }

    /// Counters for reading the body, all lists unstarted.
    pub(super) fn counters(&self) -> Counters<'_> {
        Counters {
            numbering: self,
            values: HashMap::new(),
        }
    }

    /// The list and level a paragraph is numbered with, if any: its own `w:numPr`
    /// first, then its style's and those the style is based on.
    fn list_and_level(&self, paragraph: &NumberProperties<&str>) -> Option<(u32, usize)> {
        let mut list = paragraph.list;
        let mut level = paragraph.level;
        let mut style_id = paragraph.style.or(self.default_style.as_deref());
        for _ in 0..MAX_BASED_ON {
            if list.is_some() && level.is_some() {
                break;
            }
            let Some(style) = style_id.and_then(|id| self.styles.get(id)) else {
                break;
            };
            list = list.or(style.numbering.list);
            level = level.or(style.numbering.level);
            style_id = style.based_on.as_deref();
        }
        let list = list.filter(|&id| id != 0)?;
        let level = level.unwrap_or(0);
        (level < LEVELS).then_some((list, level))
    }
}

/// Reads a property of a `w:lvl` being defined.
fn read_level_property(level: &mut Level, name: &str, tag: &Tag) {
    let value = tag.attribute("w:val");
    match name {
        "w:start" => level.start = value.and_then(count).unwrap_or(0),
        "w:numFmt" => level.format = value.map(Format::of).unwrap_or_default(),
        "w:lvlText" => {
            level.text = unescape(value.unwrap_or_default())
                .chars()
                .take(MAX_LABEL_CHARS)
                .collect();
        }
        "w:lvlRestart" => level.restart_after = value.and_then(count).map(|n| n as usize),
        "w:suff" => level.joined = value == Some("nothing"),
        _ => {}
    }
}

/// A number as a count: digits only, saturating at [`MAX_VALUE`].
fn count(text: &str) -> Option<u32> {
    let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    digits.then(|| text.parse().map_or(MAX_VALUE, |n: u32| n.min(MAX_VALUE)))
}

/// Which counters a list uses: all lists of one abstract list continue one another,
/// except one that overrides a start, which counts on its own from that start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Counted {
    Shared(u32),
    Own(u32),
}

/// The lists' counters while the body is read: the number each level last showed.
pub(super) struct Counters<'n> {
    numbering: &'n Numbering,
    values: HashMap<Counted, [Option<u32>; LEVELS]>,
}

impl Counters<'_> {
    /// The label of the next paragraph, whose properties are `paragraph`, advancing
    /// its list; `None` for a paragraph without a number or whose level shows none.
    /// The label ends with the space that separates it from the text where one is due
    /// (not after `w:suff="nothing"`): Word's tab after a label is a space here, since a
    /// tab in a line is a table's column separator to the readers of this text.
    pub(super) fn label(&mut self, paragraph: &NumberProperties<&str>) -> Option<String> {
        let numbering = self.numbering;
        let (list_id, ilvl) = numbering.list_and_level(paragraph)?;
        let list = numbering.lists.get(&list_id)?;
        let (abstract_id, definition) = numbering.definition(list)?;
        let level = definition.levels[ilvl].as_ref()?;
        let counted = if list.start_overrides.iter().any(Option::is_some) {
            Counted::Own(list_id)
        } else {
            Counted::Shared(abstract_id)
        };
        let values = self.values.entry(counted).or_default();
        let start = |l: usize| {
            list.start_overrides[l]
                .or_else(|| definition.levels[l].as_ref().map(|level| level.start))
                .unwrap_or(0)
        };
        values[ilvl] = Some(values[ilvl].map_or(start(ilvl), |v| (v + 1).min(MAX_VALUE)));
        for (deeper, value) in values.iter_mut().enumerate().skip(ilvl + 1) {
            let restart_after = definition.levels[deeper]
                .as_ref()
                .and_then(|level| level.restart_after)
                .map_or(deeper, |after| after.min(deeper));
            if ilvl < restart_after {
                *value = None;
            }
        }
        if level.format == Format::Unlabelled {
            return None;
        }
        let mut label = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            let placeholder = chars
                .peek()
                .and_then(|d| d.to_digit(10))
                .map(|d| d as usize);
            match placeholder.filter(|&d| c == '%' && (1..=LEVELS).contains(&d)) {
                Some(d) => {
                    chars.next();
                    let format = definition.levels[d - 1]
                        .as_ref()
                        .map_or(Format::Decimal, |level| level.format);
                    label.push_str(&format.render(values[d - 1].unwrap_or_else(|| start(d - 1))));
                }
                None => label.push(c),
            }
        }
        if let Some((cut, _)) = label.char_indices().nth(MAX_LABEL_CHARS) {
            label.truncate(cut);
        }
        // A label ending in Chinese punctuation (一、 （一）) is followed directly by the
        // text, as Chinese is typed; any other (1. ① 第一条) by a space.
        let punctuated = label
            .chars()
            .last()
            .is_some_and(|c| matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}'));
        if !level.joined && !punctuated {
            label.push(' ');
        }
        (!label.trim().is_empty()).then_some(label)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{scan, Tables};
    use super::*;

    /// A paragraph numbered with list `list` at level `level` (`None`: not numbered).
    fn p(numbered: Option<(u32, u32)>, text: &str) -> String {
        let properties = numbered.map_or(String::new(), |(list, level)| {
            format!(
                r#"<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{list}"/></w:numPr></w:pPr>"#
            )
        });
        format!("<w:p>{properties}<w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    fn styled(style: &str, text: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    }

    fn lvl(ilvl: u32, start: &str, format: &str, text: &str) -> String {
        format!(
            r#"<w:lvl w:ilvl="{ilvl}" w15:tentative="1"><w:start w:val="{start}"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="420" w:hanging="420"/></w:pPr></w:lvl>"#
        )
    }

    fn abstract_list(id: u32, levels: &[String]) -> String {
        format!(
            r#"<w:abstractNum w:abstractNumId="{id}"><w:multiLevelType w:val="multilevel"/>{}</w:abstractNum>"#,
            levels.concat()
        )
    }

    fn list(id: u32, abstract_id: u32, overrides: &str) -> String {
        format!(
            r#"<w:num w:numId="{id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>"#
        )
    }

    /// The 一、/（一）/1./（1） list of a Chinese report, as abstract list 0.
    fn report_levels() -> String {
        abstract_list(
            0,
            &[
                lvl(0, "1", "chineseCounting", "%1、"),
                lvl(1, "1", "chineseCounting", "（%2）"),
                lvl(2, "1", "decimal", "%3."),
                lvl(3, "1", "decimal", "（%4）"),
            ],
        )
    }

    fn read(body: &[String], numbering: &str, styles: &str) -> Vec<String> {
        let numbering = format!(r#"<?xml version="1.0"?><w:numbering>{numbering}</w:numbering>"#);
        let styles = format!("<w:styles>{styles}</w:styles>");
        let body = format!(
            "<w:document><w:body>{}</w:body></w:document>",
            body.concat()
        );
        scan(
            &body,
            Tables::CellParagraphs,
            &Numbering::read(&numbering, &styles),
        )
    }

    #[test]
    fn a_text_box_inside_a_numbered_paragraph_keeps_both_apart() {
        let numbering = report_levels() + &list(1, 0, "");
        let text_box = format!(
            "<w:r><w:drawing><wps:txbx><w:txbxContent>{}</w:txbxContent></wps:txbx></w:drawing></w:r>",
            p(None, "框内")
        );
        let body = [
            p(Some((1, 0)), "总体情况"),
            format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>主要</w:t></w:r>{text_box}<w:r><w:t>举措</w:t></w:r></w:p>"#
            ),
        ];
        assert_eq!(
            read(&body, &numbering, ""),
            ["一、总体情况", "框内", "二、主要举措"]
        );
    }

    #[test]
    fn a_paragraph_whose_mark_was_deleted_takes_no_number_of_its_own() {
        // Run into the paragraph after it, it is numbered as that one is, once.
        let numbering = report_levels() + &list(1, 0, "");
        let deleted_mark = r#"<w:rPr><w:del w:id="1" w:author="甲"/></w:rPr>"#;
        let body = [
            p(Some((1, 2)), "甲"),
            format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr>{deleted_mark}</w:pPr><w:r><w:t>乙，</w:t></w:r></w:p>"#
            ),
            p(Some((1, 2)), "续乙"),
            format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr>{deleted_mark}</w:pPr><w:r><w:t>丙。</w:t></w:r></w:p>"#
            ),
            p(None, "正文"),
            p(Some((1, 2)), "丁"),
        ];
        assert_eq!(
            read(&body, &numbering, ""),
            ["1. 甲", "2. 乙，续乙", "丙。正文", "3. 丁"]
        );
    }

    #[test]
    fn chinese_and_decimal_levels_nest_and_restart_below_a_shallower_one() {
        let numbering = report_levels() + &list(1, 0, "");
        let body = [
            p(Some((1, 0)), "总体情况"),
            p(Some((1, 1)), "组织领导"),
            p(Some((1, 2)), "甲"),
            p(Some((1, 2)), "乙"),
            p(None, "正文"),
            p(Some((1, 1)), "制度建设"),
            p(Some((1, 2)), "丙"),
            p(Some((1, 0)), "存在问题"),
            p(Some((1, 3)), "丁"),
            p(Some((1, 1)), "问题"),
        ];
        assert_eq!(
            read(&body, &numbering, ""),
            [
                "一、总体情况",
                "（一）组织领导",
                "1. 甲",
                "2. 乙",
                "正文",
                "（二）制度建设",
                "1. 丙",
                "二、存在问题",
                "（1）丁",
                "（一）问题",
            ]
        );
    }

    #[test]
    fn a_level_text_shows_the_numbers_of_the_levels_it_names() {
        let numbering = abstract_list(
            3,
            &[
                lvl(0, "1", "decimal", "第%1章"),
                lvl(1, "1", "decimal", "%1.%2"),
                lvl(2, "1", "lowerLetter", "%1.%2.%3)"),
            ],
        ) + &list(4, 3, "");
        let body = [
            p(Some((4, 1)), "先于第一章"),
            p(Some((4, 0)), "甲"),
            p(Some((4, 1)), "乙"),
            p(Some((4, 2)), "丙"),
            p(Some((4, 1)), "丁"),
            p(Some((4, 0)), "戊"),
            p(Some((4, 1)), "己"),
        ];
        assert_eq!(
            read(&body, &numbering, ""),
            [
                "1.1 先于第一章",
                "第1章 甲",
                "1.1 乙",
                "1.1.a) 丙",
                "1.2 丁",
                "第2章 戊",
                "2.1 己",
            ]
        );
    }

    #[test]
    fn lists_of_one_definition_continue_unless_one_overrides_a_start() {
        let restart = r#"<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>"#;
        let from_five = r#"<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>"#;
        let numbering = abstract_list(0, &[lvl(0, "1", "decimal", "%1.")])
            + &list(1, 0, "")
            + &list(2, 0, restart)
            + &list(3, 0, "")
            + &list(4, 0, from_five);
        let body = [
            p(Some((1, 0)), "甲"),
            p(Some((1, 0)), "乙"),
            p(Some((2, 0)), "丙"),
            p(Some((2, 0)), "丁"),
            p(Some((3, 0)), "戊"),
            p(Some((4, 0)), "己"),
        ];
        assert_eq!(
            read(&body, &numbering, ""),
            ["1. 甲", "2. 乙", "1. 丙", "2. 丁", "3. 戊", "5. 己"]
        );
    }

    #[test]
    fn a_list_that_uses_a_list_style_numbers_with_the_style_s_definition() {
        // Word's 多级列表 linked to heading styles: definition 0 defines the list style,
        // definition 1 only uses it; lists of both continue one count.
        let defining = report_levels().replace(
            "<w:multiLevelType",
            r#"<w:styleLink w:val="ReportList"/><w:multiLevelType"#,
        );
        let using = r#"<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/><w:numStyleLink w:val="ReportList"/></w:abstractNum>"#;
        let numbering = defining + using + &list(1, 0, "") + &list(2, 1, "");
        let body = [
            p(Some((2, 0)), "总体情况"),
            p(Some((2, 1)), "学法"),
            p(Some((1, 0)), "主要举措"),
        ];
        assert_eq!(
            read(&body, &numbering, ""),
            ["一、总体情况", "（一）学法", "二、主要举措"]
        );
        // A style used but defined nowhere numbers nothing.
        let numbering = using.to_string() + &list(2, 1, "");
        assert_eq!(read(&body[..1], &numbering, ""), ["总体情况"]);
    }

    #[test]
    fn list_zero_and_bullets_show_no_label() {
        let numbering = abstract_list(
            0,
            &[
                lvl(0, "1", "chineseCounting", "%1、"),
                lvl(1, "1", "bullet", "\u{F06C}"),
                lvl(2, "1", "none", ""),
            ],
        ) + &list(1, 0, "");
        let styles = r#"<w:style w:type="paragraph" w:styleId="1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>"#;
        let unnumbered = r#"<w:p><w:pPr><w:pStyle w:val="1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>不编号</w:t></w:r></w:p>"#;
        let body = [
            p(Some((1, 0)), "甲"),
            p(Some((1, 1)), "要点"),
            p(Some((1, 2)), "无编号"),
            p(Some((0, 0)), "编号为零"),
            unnumbered.to_string(),
            styled("1", "乙"),
        ];
        assert_eq!(
            read(&body, &numbering, styles),
            ["一、甲", "要点", "无编号", "编号为零", "不编号", "二、乙"]
        );
    }

    #[test]
    fn a_paragraph_style_numbers_through_the_styles_it_is_based_on() {
        let numbering = report_levels() + &list(7, 0, "");
        let styles = [
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="1"><w:basedOn w:val="a"/><w:pPr><w:keepNext/><w:numPr><w:numId w:val="7"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="2"><w:basedOn w:val="1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Mine"><w:basedOn w:val="2"/><w:pPr><w:pPrChange w:id="1"><w:pPr><w:numPr><w:ilvl w:val="3"/></w:numPr></w:pPr></w:pPrChange></w:pPr></w:style>"#,
            r#"<w:style w:type="character" w:styleId="2Char"><w:basedOn w:val="1"/></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style>"#,
        ]
        .concat();
        // A tracked change's old properties are not the paragraph's.
        let changed = r#"<w:p><w:pPr><w:pStyle w:val="Mine"/><w:pPrChange w:id="2"><w:pPr><w:pStyle w:val="1"/><w:numPr><w:ilvl w:val="2"/><w:numId w:val="0"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>丙</w:t></w:r></w:p>"#;
        let body = [
            styled("1", "总体情况"),
            styled("2", "甲"),
            styled("Mine", "乙"),
            changed.to_string(),
            styled("a", "正文"),
            p(None, "正文"),
            styled("Loop", "正文"),
            styled("2Char", "正文"),
            styled("1", "存在问题"),
        ];
        assert_eq!(
            read(&body, &numbering, &styles),
            [
                "一、总体情况",
                "（一）甲",
                "（二）乙",
                "（三）丙",
                "正文",
                "正文",
                "正文",
                "正文",
                "二、存在问题"
            ]
        );
    }

    #[test]
    fn a_numbered_table_cell_starts_its_row_line() {
        let numbering = report_levels() + &list(1, 0, "");
        let cell = |inner: &str| format!("<w:tc>{inner}</w:tc>");
        let row = |number: &str, task: &str| {
            format!(
                "<w:tr>{}{}</w:tr>",
                cell(&format!(
                    r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr></w:pPr>{}</w:p>"#,
                    if number.is_empty() {
                        String::new()
                    } else {
                        format!("<w:r><w:t>{number}</w:t></w:r>")
                    }
                )),
                cell(&p(None, task))
            )
        };
        let xml = format!(
            "<w:body><w:tbl>{}{}</w:tbl></w:body>",
            row("", "建立制度"),
            row("", "完善机制")
        );
        assert_eq!(
            scan(&xml, Tables::RowPerLine, &Numbering::read(&numbering, "")),
            ["1.\t建立制度", "2.\t完善机制"]
        );
    }

    #[test]
    fn formats_render_as_word_shows_them() {
        let cases = [
            ("decimal", 12, "12"),
            ("decimalZero", 7, "07"),
            ("decimalZero", 12, "12"),
            ("chineseCounting", 11, "十一"),
            ("chineseCountingThousand", 20, "二十"),
            ("japaneseCounting", 3, "三"),
            ("ideographTraditional", 10, "癸"),
            ("ideographTraditional", 11, "11"),
            ("decimalEnclosedCircle", 1, "①"),
            ("decimalEnclosedCircle", 20, "⑳"),
            ("decimalEnclosedCircle", 21, "21"),
            ("upperLetter", 28, "BB"),
            ("lowerLetter", 1, "a"),
            ("lowerLetter", 781, "781"),
            ("upperRoman", 1994, "MCMXCIV"),
            ("lowerRoman", 4, "iv"),
            ("lowerRoman", 4000, "4000"),
            ("cardinalText", 3, "3"),
            ("bullet", 1, ""),
        ];
        for (format, n, shown) in cases {
            assert_eq!(Format::of(format).render(n), shown, "{format} {n}");
        }
    }

    #[test]
    fn hostile_definitions_cost_labels_not_text() {
        let numbering = abstract_list(
            0,
            &[
                lvl(0, "99999999999999999999", "decimal", "%1."),
                lvl(1, "53", "upperLetter", &"%2%2%2%2".repeat(10)),
                lvl(9, "1", "decimal", "%9%10"),
            ],
        ) + &list(1, 0, "")
            + &list(2, 9, "")
            + r#"<w:num w:numId="3"><w:lvlOverride w:ilvl="99"><w:startOverride w:val="4"/></w:lvlOverride></w:num><w:num/><w:abstractNum><w:lvl>"#;
        let body = [
            p(Some((1, 0)), "甲"),
            p(Some((1, 0)), "乙"),
            p(Some((1, 1)), "丙"),
            p(Some((1, 99)), "丁"),
            p(Some((2, 0)), "戊"),
            p(Some((3, 0)), "己"),
            p(Some((99, 0)), "庚"),
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="x"/><w:numId w:val="-1"/></w:numPr></w:pPr><w:r><w:t>辛</w:t></w:r></w:p>"#.into(),
        ];
        let lines = read(
            &body,
            &numbering,
            "<w:style w:type=\"paragraph\" w:styleId=",
        );
        assert_eq!(lines[0], "32767. 甲");
        assert_eq!(lines[1], "32767. 乙", "a counter saturates");
        assert_eq!(lines[2], format!("{} 丙", "A".repeat(MAX_LABEL_CHARS)));
        assert_eq!(lines[3..], ["丁", "戊", "己", "庚", "辛"]);
        for garbage in [
            "",
            "<",
            "<w:numbering><w:abstractNum w:abstractNumId=\"1\"",
            "<<>>&#;",
        ] {
            let lines = read(&body[..1], garbage, garbage);
            assert_eq!(lines, ["甲"]);
        }
    }
}
