//! The plans and reports of the coverage evaluation set's dev split, written into .docx
//! files in the forms Word and WPS write (runs split anywhere, automatic numbering,
//! tables, tracked changes, soft breaks, fields, hidden text, text boxes), import with
//! the same plan items and the same report outline as the .txt they came from. A form
//! whose reading legitimately differs from the .txt states the difference as the text
//! it must read like.

mod support;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use report_core::labels::{chinese_numeral, parse_chinese_numeral, parse_label};
use report_core::model::{Draft, Node};
use report_core::plan;
use report_core::plan_items::Plan;
use report_core::report_text;
use report_core::xml_text::escape;

/// A plan/report pair of the dev split.
struct Pair {
    id: String,
    plan: String,
    report: String,
}

fn dev_pairs() -> Vec<Pair> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/coverage-eval/dev");
    let mut folders: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    folders.sort();
    folders
        .iter()
        .map(|folder| Pair {
            id: folder.file_name().unwrap().to_string_lossy().into_owned(),
            plan: fs::read_to_string(folder.join("plan.txt")).unwrap(),
            report: fs::read_to_string(folder.join("report.txt")).unwrap(),
        })
        .collect()
}

// ---------------------------------------------------------------------------------
// Labels, as the test takes them out of the text to make them Word's numbering.

/// The kinds of label a plan or report numbers its lines with, each given its own
/// level of the one list the test writes (its `w:ilvl`, in this order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// 第一部分
    Part,
    /// 一、
    Chinese,
    /// （一）
    Bracketed,
    /// 1. 1、 and a bare `1 ` over 1.1 items
    Decimal,
    /// 1.1, which shows the number of the [`Kind::Decimal`] level above it
    DecimalSub,
    /// （1）
    BracketedDecimal,
    /// ①
    Circled,
    /// 第一，
    Ordinal,
}

const KINDS: [Kind; 8] = [
    Kind::Part,
    Kind::Chinese,
    Kind::Bracketed,
    Kind::Decimal,
    Kind::DecimalSub,
    Kind::BracketedDecimal,
    Kind::Circled,
    Kind::Ordinal,
];

/// Word's list levels.
const LEVELS: usize = 9;

impl Kind {
    fn level(self) -> usize {
        self as usize
    }

    fn format(self) -> &'static str {
        match self {
            Kind::Decimal | Kind::DecimalSub | Kind::BracketedDecimal => "decimal",
            Kind::Circled => "decimalEnclosedCircle",
            _ => "chineseCounting",
        }
    }

    /// `n` as this kind's level shows it.
    fn render(self, n: u32) -> String {
        match self.format() {
            "decimal" => n.to_string(),
            "decimalEnclosedCircle" => char::from_u32(0x245F + n).unwrap().to_string(),
            _ => chinese_numeral(n as usize),
        }
    }
}

/// A label at the start of a line: its kind, how it is written around its number, the
/// numbers it shows by level, and the text after it.
#[derive(Clone, Debug)]
struct Typed<'t> {
    kind: Kind,
    /// What comes before and after the number (`（` and `）`): Word's `w:lvlText`.
    shape: (String, String),
    /// (level, number) for every number the label shows: one, or two for 1.1.
    numbers: Vec<(usize, u32)>,
    /// The label as written, without the space after it.
    raw: &'t str,
    rest: &'t str,
}

impl Typed<'_> {
    fn level(&self) -> usize {
        self.kind.level()
    }

    fn number(&self) -> u32 {
        self.numbers.last().unwrap().1
    }
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "〇零一二三四五六七八九十".contains(c)
}

/// A label of `kind` written `raw`, showing `numbers`, followed by `rest`.
fn shaped<'t>(kind: Kind, numbers: Vec<(usize, u32)>, raw: &'t str, rest: &'t str) -> Typed<'t> {
    let raw = raw.trim_end();
    let (prefix, suffix) = match kind {
        Kind::Circled => ("", &raw[raw.chars().next().unwrap().len_utf8()..]),
        Kind::DecimalSub => (
            "",
            raw.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.'),
        ),
        _ => {
            let first = raw.find(is_numeral).unwrap();
            let last = raw.rfind(is_numeral).unwrap();
            let last_len = raw[last..].chars().next().unwrap().len_utf8();
            (&raw[..first], &raw[last + last_len..])
        }
    };
    Typed {
        kind,
        shape: (prefix.to_string(), suffix.to_string()),
        numbers,
        raw,
        rest,
    }
}

/// The label `line` starts with, as far as the test writes it as numbering.
fn typed_label(line: &str) -> Option<Typed<'_>> {
    let trimmed = line.trim_start();
    if let Some(label) = parse_label(trimmed) {
        let kind = match label.level {
            1 if label.raw.starts_with('第') => Kind::Part,
            1 => Kind::Chinese,
            2 => Kind::Bracketed,
            3 => Kind::Decimal,
            _ => Kind::BracketedDecimal,
        };
        let numbers = vec![(kind.level(), label.number as u32)];
        return Some(shaped(kind, numbers, label.raw, label.rest));
    }
    let digits = trimmed.find(|c: char| !c.is_ascii_digit()).unwrap_or(0);
    if (1..=3).contains(&digits) {
        let major: u32 = trimmed[..digits].parse().ok()?;
        let after = &trimmed[digits..];
        // 1.1 (`1.1 `, `1.1、`): the item of group 1.
        if let Some(minor_on) = after.strip_prefix('.') {
            let minor_digits = minor_on.find(|c: char| !c.is_ascii_digit())?;
            let minor: u32 = minor_on[..minor_digits].parse().ok()?;
            let separated = minor_on[minor_digits..].trim_start_matches(['、', '.']);
            let rest = separated.trim_start();
            let raw = &trimmed[..trimmed.len() - separated.len()];
            let numbers = vec![
                (Kind::Decimal.level(), major),
                (Kind::DecimalSub.level(), minor),
            ];
            return (minor_digits > 0).then(|| shaped(Kind::DecimalSub, numbers, raw, rest));
        }
        // A bare `1 ` over the 1.1 items of group 1.
        if after.starts_with(char::is_whitespace) && digits <= 2 {
            let rest = after.trim_start();
            let numbers = vec![(Kind::Decimal.level(), major)];
            return Some(shaped(Kind::Decimal, numbers, &trimmed[..digits], rest));
        }
        return None;
    }
    let first = trimmed.chars().next()?;
    if ('①'..='⑳').contains(&first) {
        let separated = trimmed[first.len_utf8()..].trim_start_matches(['、', '.']);
        let raw = &trimmed[..trimmed.len() - separated.len()];
        let numbers = vec![(Kind::Circled.level(), first as u32 - 0x245F)];
        return Some(shaped(Kind::Circled, numbers, raw, separated.trim_start()));
    }
    let after = trimmed.strip_prefix('第')?;
    let end = after.find(|c: char| !is_numeral(c))?;
    let number = parse_chinese_numeral(&after[..end])? as u32;
    let separated = after[end..].strip_prefix(['，', '、'])?;
    let raw = &trimmed[..trimmed.len() - separated.len()];
    let numbers = vec![(Kind::Ordinal.level(), number)];
    Some(shaped(Kind::Ordinal, numbers, raw, separated.trim_start()))
}

// ---------------------------------------------------------------------------------
// Word's automatic numbering for labelled lines.

/// How a paragraph names its list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NumberingVia {
    /// `w:numPr` in the paragraph's properties.
    Direct,
    /// A paragraph style per level that carries the `w:numPr` (标题 1, 标题 2 …).
    Style,
    /// [`NumberingVia::Style`], the list defined by a list style (`w:styleLink`) that
    /// the list's own definition only uses (`w:numStyleLink`), as Word writes a
    /// 多级列表 linked to heading styles.
    ListStyle,
}

/// A labelled line's place in the numbering: its list (`w:numId`) and level.
#[derive(Clone, Copy, Debug)]
struct Numbered {
    list: usize,
    level: usize,
}

/// Automatic numbering that shows the labels of a sequence of lines as written: one
/// list definition with a level per [`Kind`], a level restarting after a shallower one
/// only where the text restarts it, and a list that sets its start
/// (`w:startOverride`) wherever the text numbers otherwise than Word would count (a
/// gap, a restart the level does not make).
struct AutoNumbering {
    /// Each level's `w:lvlText` parts; the shape most of its labels have.
    shapes: Vec<(String, String)>,
    restarts: [bool; LEVELS],
    /// Each list's start overrides by level; list 1 (index 0) has none.
    lists: Vec<[Option<u32>; LEVELS]>,
    /// For each label given, its place, or `None` where it stays text.
    placed: Vec<Option<Numbered>>,
}

impl AutoNumbering {
    fn new(labels: &[Option<&Typed>]) -> AutoNumbering {
        let mut counts: Vec<HashMap<(String, String), usize>> = vec![HashMap::new(); LEVELS];
        for label in labels.iter().flatten() {
            *counts[label.level()]
                .entry(label.shape.clone())
                .or_default() += 1;
        }
        let shapes: Vec<(String, String)> = KINDS
            .iter()
            .map(|kind| {
                counts[kind.level()]
                    .iter()
                    .max_by_key(|(shape, count)| (**count, std::cmp::Reverse((*shape).clone())))
                    .map_or_else(
                        || (String::new(), ".".to_string()),
                        |(shape, _)| shape.clone(),
                    )
            })
            .chain(std::iter::repeat_n(
                (String::new(), ".".to_string()),
                LEVELS - KINDS.len(),
            ))
            .collect();
        let eligible: Vec<bool> = labels
            .iter()
            .map(|label| label.is_some_and(|l| l.shape == shapes[l.level()]))
            .collect();
        // A level restarts after a shallower one unless a line numbered past 1 follows one.
        let mut restarts = [true; LEVELS];
        let mut shallower_since = [false; LEVELS];
        for label in labels
            .iter()
            .zip(&eligible)
            .filter(|(_, e)| **e)
            .filter_map(|(l, _)| *l)
        {
            let level = label.level();
            if shallower_since[level] && label.number() != 1 {
                restarts[level] = false;
            }
            shallower_since[level] = false;
            for deeper in shallower_since.iter_mut().skip(level + 1) {
                *deeper = true;
            }
        }
        let mut numbering = AutoNumbering {
            shapes,
            restarts,
            lists: vec![[None; LEVELS]],
            placed: Vec::new(),
        };
        let mut values: Vec<[Option<u32>; LEVELS]> = vec![[None; LEVELS]];
        let mut current = 0;
        for (label, eligible) in labels.iter().zip(eligible) {
            let placed = label.filter(|_| eligible).map(|label| {
                let level = label.level();
                let mut counted = values[current];
                numbering.advance(current, &mut counted, level);
                if numbering.render(current, &counted, label) == label.raw {
                    values[current] = counted;
                } else {
                    let mut starts = [None; LEVELS];
                    for &(level, number) in &label.numbers {
                        starts[level] = Some(number);
                    }
                    numbering.lists.push(starts);
                    current = numbering.lists.len() - 1;
                    let mut counted = [None; LEVELS];
                    numbering.advance(current, &mut counted, level);
                    assert_eq!(numbering.render(current, &counted, label), label.raw);
                    values.push(counted);
                }
                Numbered {
                    list: current + 1,
                    level,
                }
            });
            numbering.placed.push(placed);
        }
        numbering
    }

    /// Counts a line at `level` of list `list` into `values`, as Word counts.
    fn advance(&self, list: usize, values: &mut [Option<u32>; LEVELS], level: usize) {
        let start = self.lists[list][level].unwrap_or(1);
        values[level] = Some(values[level].map_or(start, |v| v + 1));
        for (value, restarts) in values.iter_mut().zip(self.restarts).skip(level + 1) {
            if restarts {
                *value = None;
            }
        }
    }

    /// The label Word shows for a line counted to `values`.
    fn render(&self, list: usize, values: &[Option<u32>; LEVELS], label: &Typed) -> String {
        let value = |level: usize| values[level].or(self.lists[list][level]).unwrap_or(1);
        let (prefix, suffix) = &self.shapes[label.level()];
        let number = match label.kind {
            Kind::DecimalSub => format!(
                "{}.{}",
                Kind::Decimal.render(value(Kind::Decimal.level())),
                value(label.level())
            ),
            kind => kind.render(value(kind.level())),
        };
        format!("{prefix}{number}{suffix}")
    }

    fn level_text(&self, kind: Kind) -> String {
        let (prefix, suffix) = &self.shapes[kind.level()];
        let number = match kind {
            Kind::DecimalSub => format!("%{}.%{}", Kind::Decimal.level() + 1, kind.level() + 1),
            _ => format!("%{}", kind.level() + 1),
        };
        escape(&format!("{prefix}{number}{suffix}"))
    }

    /// `word/numbering.xml`'s content.
    fn numbering_xml(&self, via: NumberingVia) -> String {
        let levels: String = KINDS
            .iter()
            .map(|&kind| {
                let restart = if self.restarts[kind.level()] {
                    ""
                } else {
                    r#"<w:lvlRestart w:val="0"/>"#
                };
                format!(
                    r#"<w:lvl w:ilvl="{}" w15:tentative="1"><w:start w:val="1"/><w:numFmt w:val="{}"/>{restart}<w:lvlText w:val="{}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>"#,
                    kind.level(),
                    kind.format(),
                    self.level_text(kind)
                )
            })
            .collect();
        let (definitions, numbered_definition) = match via {
            NumberingVia::ListStyle => (
                format!(
                    r#"<w:abstractNum w:abstractNumId="0"><w:nsid w:val="5A1B2C3D"/><w:multiLevelType w:val="multilevel"/><w:styleLink w:val="PlanList"/>{levels}</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:nsid w:val="5A1B2C3E"/><w:multiLevelType w:val="multilevel"/><w:numStyleLink w:val="PlanList"/></w:abstractNum>"#
                ),
                1,
            ),
            _ => (
                format!(
                    r#"<w:abstractNum w:abstractNumId="0"><w:nsid w:val="5A1B2C3D"/><w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>"#
                ),
                0,
            ),
        };
        let lists: String = self
            .lists
            .iter()
            .enumerate()
            .map(|(i, starts)| {
                let overrides: String = starts
                    .iter()
                    .enumerate()
                    .filter_map(|(level, start)| {
                        start.map(|start| {
                            format!(
                                r#"<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride>"#
                            )
                        })
                    })
                    .collect();
                format!(
                    r#"<w:num w:numId="{}"><w:abstractNumId w:val="{numbered_definition}"/>{overrides}</w:num>"#,
                    i + 1
                )
            })
            .collect();
        definitions + &lists
    }

    /// `word/styles.xml`'s content: 正文 and, numbering through styles, a style per
    /// level (and the list style).
    fn styles_xml(&self, via: NumberingVia) -> String {
        let mut styles = NORMAL_STYLE.to_string();
        if via != NumberingVia::Direct {
            for level in 0..KINDS.len() {
                styles.push_str(&format!(
                    r#"<w:style w:type="paragraph" w:styleId="L{level}"><w:name w:val="List Level {level}"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="{level}"/></w:pPr></w:style>"#
                ));
            }
        }
        if via == NumberingVia::ListStyle {
            styles.push_str(r#"<w:style w:type="numbering" w:styleId="PlanList"><w:name w:val="PlanList"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>"#);
        }
        styles
    }

    /// The paragraph properties that number a paragraph at `numbered`.
    fn properties(numbered: Numbered, via: NumberingVia) -> String {
        let Numbered { list, level } = numbered;
        let direct =
            format!(r#"<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{list}"/></w:numPr>"#);
        match via {
            NumberingVia::Direct => direct,
            // A list that sets its start is named in the paragraph, over its style's.
            _ if list != 1 => format!(r#"<w:pStyle w:val="L{level}"/>{direct}"#),
            _ => format!(r#"<w:pStyle w:val="L{level}"/>"#),
        }
    }
}

const NORMAL_STYLE: &str = r#"<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:style>"#;

// ---------------------------------------------------------------------------------
// Paragraphs and runs.

/// One run of `text`, as Word writes a plain one.
fn run(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    format!(
        r#"<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
        escape(text)
    )
}

fn paragraph(properties: &str, content: &str) -> String {
    format!(
        r#"<w:p><w:pPr>{properties}<w:spacing w:line="560" w:lineRule="exact"/></w:pPr>{content}</w:p>"#
    )
}

/// `text` in runs of one to seven characters, as editing leaves a paragraph: each with
/// its own properties, spelling marks and a bookmark between some of them, spaces kept.
fn split_runs(text: &str) -> String {
    const SIZES: [usize; 6] = [3, 5, 1, 7, 2, 4];
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut at = 0;
    for (i, size) in SIZES.iter().cycle().enumerate() {
        if at >= chars.len() {
            break;
        }
        let chunk: String = chars[at..(at + size).min(chars.len())].iter().collect();
        at += size;
        let properties = match i % 3 {
            0 => {
                r#"<w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/><w:sz w:val="32"/><w:szCs w:val="32"/>"#
            }
            1 => r#"<w:rFonts w:hint="eastAsia"/><w:b/><w:lang w:val="en-US" w:eastAsia="zh-CN"/>"#,
            _ => r#"<w:color w:val="000000"/><w:kern w:val="0"/>"#,
        };
        let around = match i % 4 {
            0 => (
                r#"<w:proofErr w:type="spellStart"/>"#,
                r#"<w:proofErr w:type="spellEnd"/>"#,
            ),
            1 => (
                r#"<w:bookmarkStart w:id="7" w:name="_Toc2023"/>"#,
                r#"<w:bookmarkEnd w:id="7"/>"#,
            ),
            2 => (r#"<w:proofErr w:type="gramStart"/>"#, ""),
            _ => ("", r#"<w:proofErr w:type="gramEnd"/>"#),
        };
        out.push_str(&format!(
            r#"{}<w:r w:rsidR="00A1B2C3"><w:rPr>{properties}</w:rPr><w:t xml:space="preserve">{}</w:t></w:r>{}"#,
            around.0,
            escape(&chunk),
            around.1
        ));
    }
    out
}

/// Where a line may be cut in two: after a 。 inside it (not at its end), at the first
/// one past `from` characters.
fn sentence_cut(line: &str, from: usize) -> Option<usize> {
    line.char_indices()
        .skip(from)
        .find(|&(i, c)| c == '。' && i + c.len_utf8() < line.trim_end().len())
        .map(|(i, c)| i + c.len_utf8())
}

/// Where a title line is cut in two as Word users set it over two lines: before 关于 or
/// the year, after the unit's name.
fn title_cut(line: &str) -> Option<usize> {
    let year = line
        .find("20")
        .filter(|&at| line[at..].chars().nth(4) == Some('年'));
    [line.find("关于"), year]
        .into_iter()
        .flatten()
        .filter(|&at| line[..at].chars().count() >= 2)
        .min()
}

/// The index of the document's title line: the first naming a 报告 or a plan.
fn title_line(lines: &[&str]) -> Option<usize> {
    lines.iter().position(|line| {
        !line.contains('。')
            && ["报告", "要点", "计划", "方案", "清单"]
                .iter()
                .any(|w| line.contains(w))
    })
}

// ---------------------------------------------------------------------------------
// The forms.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// One `w:p` per line, one plain run each.
    Plain,
    /// Each line over several runs, with run properties, spelling marks, bookmarks.
    SplitRuns,
    /// A typed label followed by a tab, as users type `一、⇥加强…`.
    LabelThenTab,
    /// The labels made Word's automatic numbering.
    Numbered(NumberingVia),
    /// Tracked changes left in the file: insertions, deletions, moves, and paragraph
    /// marks deleted so that a paragraph runs into the next.
    TrackedChanges,
    /// The title over two paragraphs.
    TitleInTwoParagraphs,
    /// Soft line breaks (`w:br`): in the title and, after a sentence, inside long
    /// paragraphs.
    SoftBreaks,
    /// Fields (`w:fldSimple`, a field code's `w:instrText`, a PAGE field) and hidden
    /// text (`w:vanish`), which is not read: Word neither prints nor shows it.
    FieldsAndHiddenText,
    /// The title in a text box, DrawingML with its VML fallback.
    TitleInTextBox,
    /// The plan as a Word table: 序号 | 工作任务 | 责任单位 | 完成时限.
    Table(NumberCells, GroupRows),
}

impl Form {
    /// Whether the form fits a plan that is a table already: the forms that number or
    /// break its lines are a paragraph plan's, and the table forms rebuild a table out
    /// of such a plan's items.
    fn fits_a_table(self) -> bool {
        matches!(
            self,
            Form::Plain
                | Form::SplitRuns
                | Form::TrackedChanges
                | Form::TitleInTwoParagraphs
                | Form::FieldsAndHiddenText
                | Form::TitleInTextBox
        )
    }
}

/// How a plan table writes its 序号 cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NumberCells {
    /// The item's label as the text writes it, less a closing 、 or . (`1`, `（一）`, `一`).
    AsWritten,
    /// 1, 2, 3 … down the table, whatever the text's labels.
    Sequential,
    /// Empty, numbered by Word's automatic numbering in the cell's paragraph.
    Automatic,
}

/// How a plan table writes a group heading (一、…).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum GroupRows {
    /// A row of one cell across the table (`w:gridSpan`).
    Merged,
    /// The heading in the first cell, the others empty.
    FirstCell,
}

const TEXT_FORMS: [Form; 11] = [
    Form::Plain,
    Form::SplitRuns,
    Form::LabelThenTab,
    Form::Numbered(NumberingVia::Direct),
    Form::Numbered(NumberingVia::Style),
    Form::Numbered(NumberingVia::ListStyle),
    Form::TrackedChanges,
    Form::TitleInTwoParagraphs,
    Form::SoftBreaks,
    Form::FieldsAndHiddenText,
    Form::TitleInTextBox,
];

const TABLE_FORMS: [Form; 6] = [
    Form::Table(NumberCells::AsWritten, GroupRows::Merged),
    Form::Table(NumberCells::AsWritten, GroupRows::FirstCell),
    Form::Table(NumberCells::Sequential, GroupRows::Merged),
    Form::Table(NumberCells::Sequential, GroupRows::FirstCell),
    Form::Table(NumberCells::Automatic, GroupRows::Merged),
    Form::Table(NumberCells::Automatic, GroupRows::FirstCell),
];

/// A document written in a form: its .docx, and the text a report in it must read like
/// (the .txt, or the .txt with the form's documented difference; a plan must read as
/// its .txt in every form).
struct Written {
    docx: Vec<u8>,
    reads_like: String,
}

const TRACKED: &str = r#"w:author="张三" w:date="2024-01-08T09:30:00Z""#;

/// `text` (a .txt, one paragraph a line) written as a .docx in `form` (any but a table).
fn write_text(text: &str, form: Form) -> Written {
    let lines: Vec<&str> = text.lines().collect();
    let title = title_line(&lines);
    let mut reads_like = text.to_string();
    let mut numbering = String::new();
    let mut styles = NORMAL_STYLE.to_string();
    let mut body = String::new();
    match form {
        Form::Plain | Form::SplitRuns | Form::LabelThenTab => {
            for line in &lines {
                let content = match (form, typed_label(line)) {
                    (Form::SplitRuns, _) => split_runs(line),
                    (Form::LabelThenTab, Some(label)) => {
                        format!("{}<w:r><w:tab/></w:r>{}", run(label.raw), run(label.rest))
                    }
                    _ => run(line),
                };
                body.push_str(&paragraph("", &content));
            }
        }
        Form::Numbered(via) => {
            let labels: Vec<Option<Typed>> = lines.iter().map(|line| typed_label(line)).collect();
            let auto = AutoNumbering::new(&labels.iter().map(Option::as_ref).collect::<Vec<_>>());
            for ((line, label), placed) in lines.iter().zip(&labels).zip(&auto.placed) {
                body.push_str(&match (label, placed) {
                    (Some(label), Some(numbered)) => {
                        paragraph(&AutoNumbering::properties(*numbered, via), &run(label.rest))
                    }
                    _ => paragraph("", &run(line)),
                });
            }
            // The form numbers lines, or it would be Form::Plain again.
            let placed = auto.placed.iter().flatten().count();
            assert!(placed > 0 || labels.iter().all(Option::is_none));
            numbering = auto.numbering_xml(via);
            styles = auto.styles_xml(via);
        }
        Form::TrackedChanges => {
            let mut id = 100;
            let mut next_id = || {
                id += 1;
                id
            };
            for (i, line) in lines.iter().enumerate() {
                let half = line
                    .char_indices()
                    .nth(line.chars().count() / 2)
                    .map_or(0, |(at, _)| at);
                match (i % 4, sentence_cut(line, 0)) {
                    // A deleted paragraph mark: the paragraph runs into the next one.
                    (0, Some(cut)) => {
                        let deleted_mark = format!(
                            r#"<w:rPr><w:del w:id="{}" {TRACKED}/></w:rPr>"#,
                            next_id()
                        );
                        body.push_str(&paragraph(&deleted_mark, &run(&line[..cut])));
                        body.push_str(&paragraph("", &run(&line[cut..])));
                    }
                    // Text inserted, text deleted (in w:delText and, as some writers do, in
                    // w:t), a deleted tab.
                    (1, _) => body.push_str(&paragraph(
                        "",
                        &format!(
                            r#"{}<w:del w:id="{}" {TRACKED}><w:r><w:delText>删去的文字</w:delText></w:r><w:r><w:tab/><w:t>删去</w:t></w:r></w:del><w:ins w:id="{}" {TRACKED}>{}</w:ins>"#,
                            run(&line[..half]),
                            next_id(),
                            next_id(),
                            run(&line[half..])
                        ),
                    )),
                    // Text moved here from elsewhere: read where it is now, not where it was.
                    (2, _) => body.push_str(&paragraph(
                        "",
                        &format!(
                            r#"<w:moveFromRangeStart w:id="{a}" {TRACKED} w:name="move1"/><w:moveFrom w:id="{b}" {TRACKED}><w:r><w:t>移走的文字</w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="{a}"/>{}<w:moveToRangeStart w:id="{c}" {TRACKED} w:name="move1"/><w:moveTo w:id="{d}" {TRACKED}>{}</w:moveTo><w:moveToRangeEnd w:id="{c}"/>"#,
                            run(&line[..half]),
                            run(&line[half..]),
                            a = next_id(),
                            b = next_id(),
                            c = next_id(),
                            d = next_id(),
                        ),
                    )),
                    // A whole paragraph deleted, its mark too: nothing of it is read.
                    (3, _) => {
                        let deleted_mark = format!(
                            r#"<w:rPr><w:del w:id="{}" {TRACKED}/></w:rPr>"#,
                            next_id()
                        );
                        let deleted = format!(
                            r#"<w:del w:id="{}" {TRACKED}><w:r><w:delText>整段删去的文字。</w:delText></w:r></w:del>"#,
                            next_id()
                        );
                        body.push_str(&paragraph(&deleted_mark, &deleted));
                        body.push_str(&paragraph("", &run(line)));
                    }
                    _ => body.push_str(&paragraph("", &run(line))),
                }
            }
        }
        Form::TitleInTwoParagraphs | Form::SoftBreaks => {
            reads_like.clear();
            for (i, line) in lines.iter().enumerate() {
                let title_at = (Some(i) == title).then(|| title_cut(line)).flatten();
                let sentence_at = (form == Form::SoftBreaks && line.chars().count() > 80)
                    .then(|| sentence_cut(line, 40))
                    .flatten();
                match (form, title_at, sentence_at) {
                    (Form::TitleInTwoParagraphs, Some(cut), _) => {
                        body.push_str(&paragraph("", &run(&line[..cut])));
                        body.push_str(&paragraph("", &run(&line[cut..])));
                    }
                    (Form::SoftBreaks, Some(cut), _) | (Form::SoftBreaks, None, Some(cut)) => {
                        body.push_str(&paragraph(
                            "",
                            &format!(
                                "{}<w:r><w:br/></w:r>{}",
                                run(&line[..cut]),
                                run(&line[cut..])
                            ),
                        ));
                        // The documented difference: a soft break is a line break, so a
                        // report's paragraph broken after a sentence reads as two (a plan
                        // item broken so stays one item).
                        reads_like.push_str(&format!("{}\n{}\n", &line[..cut], &line[cut..]));
                        continue;
                    }
                    _ => body.push_str(&paragraph("", &run(line))),
                }
                reads_like.push_str(line);
                reads_like.push('\n');
            }
        }
        Form::FieldsAndHiddenText => {
            for (i, line) in lines.iter().enumerate() {
                let chars = line.chars().count();
                let (a, b) = (
                    line.char_indices()
                        .nth(chars / 3)
                        .map_or(line.len(), |(at, _)| at),
                    line.char_indices()
                        .nth(2 * chars / 3)
                        .map_or(line.len(), |(at, _)| at),
                );
                let content = match i % 3 {
                    0 => format!(
                        r#"{}<w:fldSimple w:instr=" DOCPROPERTY  Company  \* MERGEFORMAT ">{}</w:fldSimple>{}"#,
                        run(&line[..a]),
                        run(&line[a..b]),
                        run(&line[b..])
                    ),
                    1 => format!(
                        r#"{}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "http://www.gov.cn/" \o "中国政府网" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}<w:r><w:fldChar w:fldCharType="end"/></w:r>{}"#,
                        run(&line[..a]),
                        run(&line[a..b]),
                        run(&line[b..])
                    ),
                    _ => format!(
                        r#"{}<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的修改意见：此处再核实。</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
                        run(&line[..a]),
                        escape(&line[a..])
                    ),
                };
                body.push_str(&paragraph("", &content));
                if i % 7 == 6 {
                    // A page number typed into the body between paragraphs, as a footer
                    // pasted in leaves it: a PAGE field whose code is never text.
                    body.push_str(&paragraph(
                        r#"<w:jc w:val="center"/>"#,
                        r#"<w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE   \* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r>"#,
                    ));
                }
            }
        }
        Form::TitleInTextBox => {
            for (i, line) in lines.iter().enumerate() {
                if Some(i) != title {
                    body.push_str(&paragraph("", &run(line)));
                    continue;
                }
                let in_box = format!(
                    "<w:txbxContent>{}</w:txbxContent>",
                    paragraph(r#"<w:jc w:val="center"/>"#, &run(line))
                );
                body.push_str(&paragraph(
                    "",
                    &format!(
                        r#"<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wps:wsp><wps:txbx>{in_box}</wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{in_box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"#
                    ),
                ));
            }
        }
        Form::Table(..) => unreachable!("a table is written from the plan's items"),
    }
    Written {
        docx: support::docx(&body, &numbering, &styles),
        reads_like,
    }
}

// ---------------------------------------------------------------------------------
// Plans as tables.

/// A plan's row in the table: its group heading's label and title when it opens one,
/// else an item.
enum TableRow<'t> {
    Group(Typed<'t>),
    Item {
        label: Typed<'t>,
        task: String,
        departments: String,
    },
}

/// The plan's rows, from its items as the text reads them and their labels as the text
/// writes them; `None` when an item's label is not found.
fn table_rows<'t>(text: &'t str, plan: &Plan) -> Option<(Vec<&'t str>, Vec<TableRow<'t>>)> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let squeezed = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    let mut rows = Vec::new();
    let mut preamble_end = None;
    let mut at = 0;
    let mut group = String::new();
    for item in &plan.items {
        let title: String = squeezed(&item.title).chars().take(8).collect();
        // The item's line, not the heading of its group, which may start with the same
        // words (二、深化“放管服”改革，优化营商环境 over 4.深化“放管服”改革。…).
        let found = (at..lines.len()).find(|&i| {
            typed_label(lines[i]).is_some_and(|l| {
                squeezed(l.rest).starts_with(&title)
                    && squeezed(l.rest).trim_end_matches('。') != squeezed(&item.group)
            })
        })?;
        if item.group != group {
            group = item.group.clone();
            let heading = (at..found).rev().find(|&i| {
                typed_label(lines[i])
                    .is_some_and(|l| squeezed(l.rest).trim_end_matches('。') == squeezed(&group))
            });
            if let Some(heading) = heading {
                preamble_end.get_or_insert(heading);
                rows.push(TableRow::Group(typed_label(lines[heading]).unwrap()));
            }
        }
        preamble_end.get_or_insert(found);
        let task = if item.body.is_empty() {
            format!("{}。", item.title)
        } else {
            format!("{}。{}", item.title, item.body)
        };
        rows.push(TableRow::Item {
            label: typed_label(lines[found]).unwrap(),
            task,
            departments: item.departments.join("、"),
        });
        at = found + 1;
    }
    Some((lines[..preamble_end.unwrap_or(0)].to_vec(), rows))
}

fn cell(width: u32, properties: &str, content: &str) -> String {
    format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{properties}</w:tcPr>{content}</w:tc>"#
    )
}

const WIDTHS: [u32; 4] = [900, 5200, 1800, 1400];

fn table_row(cells: &[String]) -> String {
    let cells: String = cells
        .iter()
        .zip(WIDTHS)
        .map(|(content, width)| cell(width, "", content))
        .collect();
    format!(r#"<w:tr><w:trPr><w:jc w:val="center"/></w:trPr>{cells}</w:tr>"#)
}

/// A plan of tab-separated rows with its rows as a Word table's, its other lines as
/// paragraphs before and after the table.
fn write_rows_as_table(text: &str) -> Vec<u8> {
    let mut body = String::new();
    let mut in_table = false;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let row = line.contains('\t');
        if row && !in_table {
            body.push_str(r#"<w:tbl><w:tblPr><w:tblW w:w="9300" w:type="dxa"/><w:tblLook w:val="04A0"/></w:tblPr>"#);
        }
        if !row && in_table {
            body.push_str("</w:tbl>");
        }
        in_table = row;
        if row {
            let cells: String = line
                .split('\t')
                .map(|content| cell(1800, "", &paragraph("", &run(content))))
                .collect();
            body.push_str(&format!("<w:tr>{cells}</w:tr>"));
        } else {
            body.push_str(&paragraph("", &run(line)));
        }
    }
    if in_table {
        body.push_str("</w:tbl>");
    }
    support::docx(&body, "", NORMAL_STYLE)
}

/// The plan as a Word table under its preamble's paragraphs; the plan it must read as.
fn write_table(
    text: &str,
    plan: &Plan,
    numbers: NumberCells,
    groups: GroupRows,
) -> Option<(Vec<u8>, Plan)> {
    let (preamble, rows) = table_rows(text, plan)?;
    let mut expected = plan.clone();
    let mut body: String = preamble
        .iter()
        .map(|line| paragraph("", &run(line)))
        .collect();
    let labels: Vec<Option<&Typed>> = rows
        .iter()
        .map(|row| match row {
            TableRow::Group(label) | TableRow::Item { label, .. } => Some(label),
        })
        .collect();
    let auto = AutoNumbering::new(&labels);
    let year = plan.year.unwrap_or(2024);
    let mut grid = r#"<w:tbl><w:tblPr><w:tblW w:w="9300" w:type="dxa"/><w:tblBorders><w:top w:val="single" w:sz="4"/></w:tblBorders><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>"#.to_string();
    for width in WIDTHS {
        grid.push_str(&format!(r#"<w:gridCol w:w="{width}"/>"#));
    }
    grid.push_str("</w:tblGrid>");
    body.push_str(&grid);
    body.push_str(&table_row(
        &["序号", "工作任务", "责任单位", "完成时限"]
            .map(|h| paragraph(r#"<w:jc w:val="center"/>"#, &run(h))),
    ));
    let mut item = 0;
    for (row, placed) in rows.iter().zip(&auto.placed) {
        let numbered = |label: &Typed, text: &str| match (numbers, placed) {
            (NumberCells::Automatic, Some(numbered)) => paragraph(
                &AutoNumbering::properties(*numbered, NumberingVia::Direct),
                &run(text),
            ),
            _ => paragraph("", &run(&format!("{}{text}", label.raw))),
        };
        match row {
            TableRow::Group(label) => {
                let heading = numbered(label, label.rest);
                body.push_str(&match groups {
                    GroupRows::Merged => format!(
                        "<w:tr>{}</w:tr>",
                        cell(WIDTHS.iter().sum(), r#"<w:gridSpan w:val="4"/>"#, &heading)
                    ),
                    GroupRows::FirstCell => table_row(&[
                        heading,
                        paragraph("", ""),
                        paragraph("", ""),
                        paragraph("", ""),
                    ]),
                });
            }
            TableRow::Item {
                label,
                task,
                departments,
            } => {
                item += 1;
                let number = match numbers {
                    NumberCells::AsWritten => {
                        paragraph("", &run(label.raw.trim_end_matches(['、', '.', '．'])))
                    }
                    NumberCells::Sequential => {
                        expected.items[item - 1].number = item.to_string();
                        paragraph("", &run(&item.to_string()))
                    }
                    NumberCells::Automatic => numbered(label, ""),
                };
                body.push_str(&table_row(&[
                    number,
                    paragraph("", &run(task)),
                    paragraph("", &run(departments)),
                    paragraph("", &run(&format!("{year}年12月底前"))),
                ]));
            }
        }
    }
    body.push_str("</w:tbl>");
    let docx = support::docx(
        &body,
        &auto.numbering_xml(NumberingVia::Direct),
        NORMAL_STYLE,
    );
    Some((docx, expected))
}

// ---------------------------------------------------------------------------------
// Comparing.

/// The first difference between two plans, if any.
fn plan_difference(expected: &Plan, read: &Plan) -> Option<String> {
    if expected.title != read.title || expected.year != read.year {
        return Some(format!(
            "title/year: expected {:?} {:?}, read {:?} {:?}",
            expected.title, expected.year, read.title, read.year
        ));
    }
    let count = expected.items.len().max(read.items.len());
    (0..count).find_map(|i| {
        let (e, r) = (expected.items.get(i), read.items.get(i));
        (e != r).then(|| {
            format!(
                "item {} of {} (read {}):\n  expected {e:?}\n  read     {r:?}",
                i + 1,
                expected.items.len(),
                read.items.len()
            )
        })
    })
}

/// A report's draft as lines: its metadata, then its sections, headings and paragraphs
/// in order, each with its depth.
fn outline_lines(draft: &Draft) -> Vec<String> {
    fn add(out: &mut Vec<String>, nodes: &[Node], depth: usize) {
        for node in nodes {
            match node {
                Node::Heading {
                    title,
                    text,
                    children,
                    ..
                } => {
                    out.push(format!("{depth} heading {title} | {text}"));
                    add(out, children, depth + 1);
                }
                Node::Paragraph { text, .. } => out.push(format!("{depth} paragraph {text}")),
            }
        }
    }
    let mut out = vec![
        format!("year {} name {}", draft.report_year, draft.name),
        format!("meta {:?}", draft.meta),
    ];
    for section in &draft.sections {
        out.push(format!(
            "section {} {} numbered {}",
            section.key, section.title, section.numbered
        ));
        add(&mut out, &section.children, 1);
    }
    out
}

fn outline_difference(expected: &Draft, read: &Draft) -> Option<String> {
    let (expected, read) = (outline_lines(expected), outline_lines(read));
    let count = expected.len().max(read.len());
    (0..count).find_map(|i| {
        let (e, r) = (expected.get(i), read.get(i));
        (e != r).then(|| {
            format!(
                "line {} of the outline:\n  expected {e:?}\n  read     {r:?}",
                i + 1
            )
        })
    })
}

fn plan_of(bytes: &[u8], name: &str) -> Result<Plan, String> {
    plan::parse_plan_bytes(bytes, name)
        .map(|import| import.plan)
        .map_err(|e| e.to_string())
}

#[test]
fn plans_and_reports_read_the_same_from_every_docx_form() {
    let pairs = dev_pairs();
    assert!(pairs.len() >= 38, "the dev split has {} pairs", pairs.len());
    let mut failures = Vec::new();
    let mut checked = 0;
    for pair in &pairs {
        let plan = plan_of(pair.plan.as_bytes(), "plan.txt").unwrap();
        // A table copied from a spreadsheet quotes its cells of several lines; a .docx
        // holds such a cell whole.
        let plan_text = plan::spreadsheet_cells_joined(&pair.plan);
        let fallback_year = plan.year.unwrap_or_default();
        let report_of = |bytes: &[u8], name| {
            report_text::draft_from_file(bytes, name, fallback_year).map_err(|e| e.to_string())
        };
        // A plan pasted from a table: its rows' cells are tab-separated (序号, 工作任务,
        // 责任单位…; dev-64's 工作任务 and 责任科室 alone).
        let a_table = plan_text.lines().any(|line| line.contains('\t'));
        if a_table {
            let difference = match plan_of(&write_rows_as_table(&plan_text), "x.docx") {
                Ok(read) => plan_difference(&plan, &read),
                Err(err) => Some(format!("not read: {err}")),
            };
            failures.extend(difference.map(|d| format!("{} plan, RowsAsTable: {d}", pair.id)));
            checked += 1;
        }
        for form in TEXT_FORMS {
            // A plan reads as its text in every form that fits it: a soft break inside an
            // item leaves it one item.
            if !a_table || form.fits_a_table() {
                let written = write_text(&plan_text, form);
                let difference = match plan_of(&written.docx, "x.docx") {
                    Ok(read) => plan_difference(&plan, &read),
                    Err(err) => Some(format!("not read: {err}")),
                };
                failures.extend(difference.map(|d| format!("{} plan, {form:?}: {d}", pair.id)));
                checked += 1;
            }

            let written = write_text(&pair.report, form);
            let expected = report_of(written.reads_like.as_bytes(), "report.txt").unwrap();
            let difference = match report_of(&written.docx, "x.docx") {
                Ok(read) => outline_difference(&expected, &read),
                Err(err) => Some(format!("not read: {err}")),
            };
            failures.extend(difference.map(|d| format!("{} report, {form:?}: {d}", pair.id)));
            checked += 1;
        }
        for form in TABLE_FORMS.iter().copied().filter(|_| !a_table) {
            let Form::Table(numbers, groups) = form else {
                unreachable!()
            };
            let Some((docx, expected)) = write_table(&plan_text, &plan, numbers, groups) else {
                failures.push(format!(
                    "{} plan, {form:?}: an item's label is not in the text",
                    pair.id
                ));
                continue;
            };
            let difference = match plan_of(&docx, "x.docx") {
                Ok(read) => plan_difference(&expected, &read),
                Err(err) => Some(format!("not read: {err}")),
            };
            failures.extend(difference.map(|d| format!("{} plan, {form:?}: {d}", pair.id)));
            checked += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} documents read otherwise than their text:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
