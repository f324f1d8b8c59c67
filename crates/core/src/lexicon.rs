//! The coverage check's domain lexicon: abbreviations and their expansions, synonyms and
//! other ways of writing the vocabulary of 法治政府建设 and 卫生健康, as reviewable data
//! (`crates/core/lexicon/coverage-lexicon.txt`, documented in docs/coverage-lexicon.md).
//! A template can add entries of its own in the same line format.
//!
//! For matching, every term found in a text reads as its entry's head, longest term
//! first ([`Normalizer`]): `简政放权、放管结合、优化服务` and `放管服` then share words.
//! An `except` entry names the words a short term stands inside without meaning it
//! (医保 in 中医保健), where it is not read. A `parts` entry names the parts of a whole
//! that a reviewer ticks off one by one (三项制度: 公示, 全过程记录, 法制审核), which
//! matching, reading every part as the head, cannot tell apart.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::text::{clip, fold_char, is_han};

/// How much of a bad line or term an error message quotes.
const SHOWN_CHARS: usize = 30;

/// The built-in lexicon file.
pub const BUILTIN: &str = include_str!("../lexicon/coverage-lexicon.txt");
/// The lexicon format version this code reads.
pub const VERSION: u32 = 1;
/// Most terms a lexicon (built-in and a template's together) may hold: a city's
/// vocabulary is hundreds of terms; the bound keeps a hostile file's cost known.
pub const MAX_TERMS: usize = 20_000;
/// Longest term, in characters: the longest names in the field (重大执法决定法制审核制度…)
/// are under twenty; the matcher's cost per text position grows with this bound.
pub const MAX_TERM_CHARS: usize = 24;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    /// `syn`: the terms mean what the head means.
    Synonym,
    /// `abbr`: the head abbreviates the terms (its parts or its long form).
    Abbreviation,
    /// `except`: the head, a term of another entry, is no term inside the words listed
    /// (the entry's `terms`): 中医保健 holds 医保 and does not speak of 医疗保障.
    Exception,
    /// `parts`: the head is a whole whose parts are the terms, each written as its
    /// words separated by `/` (`全过程/全程/记录仪`), any of which names it. A task
    /// naming the head, or two of the parts, asks for each part it names; see
    /// [`Normalizer::parts`].
    Parts,
    /// `named`: the head, another entry's head, is a thing a report names when it did it
    /// (述法, 告知承诺制), not work it tells by its means; the entry has no terms. See
    /// [`Normalizer::named_in`].
    Named,
}

/// One line of a lexicon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub kind: EntryKind,
    pub head: String,
    pub terms: Vec<String>,
    /// 1-based line of the file (or of the template's list) it came from.
    pub line: usize,
}

/// A line that is not an entry, named by line and field.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("词表第{line}行“{field}”：{problem}")]
pub struct LexiconError {
    pub line: usize,
    /// 类型, 词头, 等号, 词, 版本 or 词数.
    pub field: &'static str,
    pub problem: String,
}

fn error(line: usize, field: &'static str, problem: String) -> LexiconError {
    LexiconError {
        line,
        field,
        problem,
    }
}

/// Characters matching does not see: spaces, quotes and book-title marks, so that
/// `“放管服”改革` reads 放管服改革.
pub fn is_ignored(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '“' | '”' | '‘' | '’' | '"' | '\'' | '《' | '》' | '〈' | '〉'
        )
}

/// A term as matching sees it: widths folded, ignored characters removed.
pub fn matching_key(text: &str) -> Vec<char> {
    text.chars()
        .map(fold_char)
        .filter(|&c| !is_ignored(c))
        .collect()
}

/// Reads a lexicon file: `version 1`, then entries, `#` comments and blank lines.
pub fn parse_file(text: &str) -> Result<Vec<Entry>, LexiconError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(k, line)| (k + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'));
    match lines.next() {
        Some((_, line)) if line == format!("version {VERSION}") => {}
        Some((n, line)) => {
            return Err(error(
                n,
                "版本",
                format!("应为“version {VERSION}”，实为“{}”", clip(line, SHOWN_CHARS)),
            ))
        }
        None => return Err(error(1, "版本", "文件中没有“version 1”行".into())),
    }
    parse_entries(lines)
}

/// Reads entries given as lines (a template's list: line numbers count from 1).
pub fn parse_lines(lines: &[String]) -> Result<Vec<Entry>, LexiconError> {
    parse_entries(
        lines
            .iter()
            .enumerate()
            .map(|(k, line)| (k + 1, line.trim()))
            .filter(|(_, line)| !line.is_empty() && !line.starts_with('#')),
    )
}

fn parse_entries<'a>(
    lines: impl Iterator<Item = (usize, &'a str)>,
) -> Result<Vec<Entry>, LexiconError> {
    let mut entries = Vec::new();
    // Where each term (as matching sees it) was first given.
    let mut seen: HashMap<Vec<char>, usize> = HashMap::new();
    let mut count = 0;
    for (n, line) in lines {
        let entry = parse_entry(n, line)?;
        for term in std::iter::once(&entry.head).chain(&entry.terms) {
            count += 1;
            if count > MAX_TERMS {
                return Err(error(n, "词数", format!("词表最多{MAX_TERMS}个词，请删减")));
            }
            // An exception's head is another entry's term, and its words are not terms;
            // a whole's parts are words any entry may also hold; a thing named is
            // another entry's head.
            if matches!(
                entry.kind,
                EntryKind::Exception | EntryKind::Parts | EntryKind::Named
            ) {
                continue;
            }
            let field = if term == &entry.head { "词头" } else { "词" };
            if let Some(first) = seen.insert(matching_key(term), n) {
                return Err(error(
                    n,
                    field,
                    format!(
                        "“{}”已在第{first}行出现，一个词只能属于一个条目",
                        clip(term, SHOWN_CHARS)
                    ),
                ));
            }
        }
        entries.push(entry);
    }
    Ok(entries)
}

fn parse_entry(n: usize, line: &str) -> Result<Entry, LexiconError> {
    let mut fields = line.split_whitespace();
    let kind = match fields.next() {
        Some("syn") => EntryKind::Synonym,
        Some("abbr") => EntryKind::Abbreviation,
        Some("except") => EntryKind::Exception,
        Some("parts") => EntryKind::Parts,
        Some("named") => EntryKind::Named,
        other => {
            return Err(error(
                n,
                "类型",
                format!(
                    "应为 syn（同义）、abbr（简称）、except（例外）、parts（组成部分）或 named（须点名），实为“{}”",
                    clip(other.unwrap_or_default(), SHOWN_CHARS)
                ),
            ))
        }
    };
    let head = fields
        .next()
        .ok_or_else(|| error(n, "词头", "缺少词头".into()))?;
    check_term(n, "词头", head)?;
    if kind == EntryKind::Named {
        if let Some(extra) = fields.next() {
            return Err(error(
                n,
                "词",
                format!(
                    "named 条目只有词头，其后不应有“{}”",
                    clip(extra, SHOWN_CHARS)
                ),
            ));
        }
        return Ok(Entry {
            kind,
            head: head.to_string(),
            terms: Vec::new(),
            line: n,
        });
    }
    match fields.next() {
        Some("=") => {}
        other => {
            return Err(error(
                n,
                "等号",
                format!(
                    "词头后应为“ = ”（前后有空格），实为“{}”",
                    clip(other.unwrap_or_default(), SHOWN_CHARS)
                ),
            ))
        }
    }
    let terms: Vec<String> = fields.map(str::to_string).collect();
    if terms.is_empty() {
        return Err(error(n, "词", "“=”后至少要有一个词".into()));
    }
    for term in &terms {
        if kind == EntryKind::Parts {
            for word in term.split('/') {
                check_term(n, "词", word)?;
            }
            continue;
        }
        check_term(n, "词", term)?;
        let (term_key, head_key) = (matching_key(term), matching_key(head));
        if term_key == head_key {
            return Err(error(
                n,
                "词",
                format!("“{}”与词头相同", clip(term, SHOWN_CHARS)),
            ));
        }
        if kind == EntryKind::Exception && offsets_of(&head_key, &term_key).next().is_none() {
            return Err(error(
                n,
                "词",
                format!(
                    "“{}”不含词头“{}”：except 条目列出含有词头的词",
                    clip(term, SHOWN_CHARS),
                    clip(head, SHOWN_CHARS)
                ),
            ));
        }
    }
    Ok(Entry {
        kind,
        head: head.to_string(),
        terms,
        line: n,
    })
}

/// Where `part` stands in `word`.
fn offsets_of<'a>(part: &'a [char], word: &'a [char]) -> impl Iterator<Item = usize> + 'a {
    word.windows(part.len().max(1))
        .enumerate()
        .filter(move |(_, window)| *window == part)
        .map(|(at, _)| at)
}

/// A term has two to [`MAX_TERM_CHARS`] characters as matching sees them, two of them
/// Chinese: a single character means too many things to be a term.
fn check_term(n: usize, field: &'static str, term: &str) -> Result<(), LexiconError> {
    let key = matching_key(term);
    let han = key.iter().filter(|&&c| is_han(c)).count();
    if key.len() > MAX_TERM_CHARS {
        Err(error(
            n,
            field,
            format!("“{}”超过{MAX_TERM_CHARS}个字", clip(term, SHOWN_CHARS)),
        ))
    } else if han < 2 {
        Err(error(
            n,
            field,
            format!("“{}”至少要有两个汉字", clip(term, SHOWN_CHARS)),
        ))
    } else {
        Ok(())
    }
}

/// The built-in entries. The file is checked by a test, so a failure here is a build
/// error in the making and reads as an empty lexicon rather than a panic.
pub fn builtin() -> &'static [Entry] {
    static ENTRIES: std::sync::OnceLock<Vec<Entry>> = std::sync::OnceLock::new();
    ENTRIES.get_or_init(|| parse_file(BUILTIN).unwrap_or_default())
}

/// A multiply-rotate hasher (as in rustc's FxHash) for the integer keys of the
/// matcher: std's SipHash costs several times more and needs no DoS resistance here.
#[derive(Default)]
pub(crate) struct IntHasher(u64);

impl Hasher for IntHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        bytes.iter().for_each(|&b| self.write_u64(u64::from(b)));
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<IntHasher>>;

/// The normalizer of the built-in lexicon, built once: coverage runs every time the
/// text pauses, and building the trie each time cost more than reading a short report.
pub fn builtin_normalizer() -> &'static Normalizer {
    static NORMALIZER: std::sync::OnceLock<Normalizer> = std::sync::OnceLock::new();
    NORMALIZER.get_or_init(|| Normalizer::new(builtin()))
}

/// Rewrites every term of a lexicon to its head, longest term first.
#[derive(Clone)]
pub struct Normalizer {
    /// Trie edges: (node, character) → node; node 0 is the root.
    edges: FastMap<(u32, char), u32>,
    /// Bit c is set when a term starts with character c: most positions of a text start
    /// none, and this answers them without hashing.
    firsts: Vec<u64>,
    /// For each node, the head a term ending there reads as (an index into `heads`).
    ends: Vec<Option<u32>>,
    heads: Vec<Vec<char>>,
    /// For a node that ends a term: the words it is not read inside (`except` entries).
    exceptions: FastMap<u32, Exceptions>,
    /// The wholes of `parts` entries, in order.
    parts: Vec<Whole>,
    /// The heads of `named` entries, as matching sees them.
    named: Vec<Vec<char>>,
}

/// A whole of a `parts` entry, as matching sees its words ([`matching_key`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Whole {
    pub head: String,
    /// Each part's words, its name first.
    pub parts: Vec<Vec<String>>,
}

/// The words a term is not read inside.
#[derive(Clone, Default)]
struct Exceptions {
    /// Each (where the term stands in a word, the word's length) once: a text position
    /// is looked up once per shape, however many words a hostile list gives.
    shapes: Vec<(usize, usize)>,
    words: std::collections::HashSet<Vec<char>>,
}

/// Text after [`Normalizer::apply`]: its characters, and for each the range of input
/// characters it stands for.
pub struct Normalized {
    pub chars: Vec<char>,
    /// `origin[k]`: input characters `origin[k].0..origin[k].1` gave output character k.
    pub origin: Vec<(u32, u32)>,
    /// Where the output holds a head (a term read as it, or the head itself): ranges of
    /// output characters, in order.
    pub terms: Vec<std::ops::Range<usize>>,
}

impl Normalizer {
    /// From entries in order: a term given again later reads as the later head (a
    /// template's entries come after the built-in ones and win). An exception applies to
    /// its term wherever the term is given, so a template's can guard a built-in term.
    pub fn new<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> Normalizer {
        let mut normalizer = Normalizer {
            edges: FastMap::default(),
            firsts: Vec::new(),
            ends: vec![None],
            heads: Vec::new(),
            exceptions: FastMap::default(),
            parts: Vec::new(),
            named: Vec::new(),
        };
        let mut exceptions = Vec::new();
        for entry in entries {
            match entry.kind {
                EntryKind::Exception => {
                    exceptions.push(entry);
                    continue;
                }
                EntryKind::Parts => {
                    let key = |word: &str| matching_key(word).into_iter().collect();
                    normalizer.parts.push(Whole {
                        head: key(&entry.head),
                        parts: entry
                            .terms
                            .iter()
                            .map(|part| part.split('/').map(key).collect())
                            .collect(),
                    });
                    continue;
                }
                EntryKind::Named => {
                    // An empty head (entries built in code skip the parser's checks)
                    // would be found in every text.
                    let head = matching_key(&entry.head);
                    if !head.is_empty() {
                        normalizer.named.push(head);
                    }
                    continue;
                }
                EntryKind::Synonym | EntryKind::Abbreviation => {}
            }
            let head = normalizer.heads.len() as u32;
            normalizer.heads.push(matching_key(&entry.head));
            for term in std::iter::once(&entry.head).chain(&entry.terms) {
                normalizer.insert(&matching_key(term), head);
            }
        }
        for entry in exceptions {
            let term = matching_key(&entry.head);
            let Some(node) = normalizer.term_node(&term) else {
                continue;
            };
            let exceptions = normalizer.exceptions.entry(node).or_default();
            for word in &entry.terms {
                let word = matching_key(word);
                for shape in offsets_of(&term, &word).map(|at| (at, word.len())) {
                    if !exceptions.shapes.contains(&shape) {
                        exceptions.shapes.push(shape);
                    }
                }
                exceptions.words.insert(word);
            }
        }
        normalizer
    }

    /// The wholes whose parts a reviewer ticks off one by one (`parts` entries): a task
    /// that lists them is done where each part it names is told.
    pub fn parts(&self) -> &[Whole] {
        &self.parts
    }

    /// The things a report names when it did it (`named` entries) that `head` (as
    /// matching sees it) is or holds (信访 of 信访工作法治化): a task naming one is not
    /// done while the report's achievements never name it, whatever else they tell.
    pub fn named_in<'a>(&'a self, head: &'a [char]) -> impl Iterator<Item = &'a [char]> + 'a {
        self.named
            .iter()
            .filter(|named| head.windows(named.len()).any(|w| w == named.as_slice()))
            .map(Vec::as_slice)
    }

    /// The node where `term` ends, if it is a term.
    fn term_node(&self, term: &[char]) -> Option<u32> {
        let mut node = 0;
        for &c in term {
            node = *self.edges.get(&(node, c))?;
        }
        self.ends[node as usize].map(|_| node)
    }

    /// Whether the term ending at `node`, found at `chars[at]`, stands inside one of the
    /// words it is not read in.
    fn excepted(&self, chars: &[char], at: usize, node: u32) -> bool {
        self.exceptions.get(&node).is_some_and(|exceptions| {
            exceptions.shapes.iter().any(|&(offset, len)| {
                at.checked_sub(offset)
                    .and_then(|start| chars.get(start..start + len))
                    .is_some_and(|text| exceptions.words.contains(text))
            })
        })
    }

    fn insert(&mut self, term: &[char], head: u32) {
        if let Some(&first) = term.first() {
            let bit = first as usize;
            if self.firsts.len() <= bit / 64 {
                self.firsts.resize(bit / 64 + 1, 0);
            }
            self.firsts[bit / 64] |= 1 << (bit % 64);
        }
        let mut node = 0;
        for &c in term {
            node = match self.edges.get(&(node, c)) {
                Some(&next) => next,
                None => {
                    let next = self.ends.len() as u32;
                    self.ends.push(None);
                    self.edges.insert((node, c), next);
                    next
                }
            };
        }
        self.ends[node as usize] = Some(head);
    }

    /// The head of the longest term starting at `chars[at]` that is not excepted there,
    /// and the term's length.
    fn longest_at(&self, chars: &[char], at: usize) -> Option<(u32, usize)> {
        let bit = chars[at] as usize;
        let starts_a_term = self
            .firsts
            .get(bit / 64)
            .is_some_and(|word| word & (1 << (bit % 64)) != 0);
        if !starts_a_term {
            return None;
        }
        let mut node = 0;
        let mut found = None;
        for (k, &c) in chars[at..].iter().take(MAX_TERM_CHARS).enumerate() {
            match self.edges.get(&(node, c)) {
                Some(&next) => node = next,
                None => break,
            }
            if let Some(head) = self.ends[node as usize] {
                if !self.excepted(chars, at, node) {
                    found = Some((head, k + 1));
                }
            }
        }
        found
    }

    /// `chars` with every term replaced by its head.
    pub fn apply(&self, chars: &[char]) -> Normalized {
        let mut out = Normalized {
            chars: Vec::with_capacity(chars.len()),
            origin: Vec::with_capacity(chars.len()),
            terms: Vec::new(),
        };
        let mut at = 0;
        while at < chars.len() {
            match self.longest_at(chars, at) {
                Some((head, len)) => {
                    let head = &self.heads[head as usize];
                    out.terms
                        .push(out.chars.len()..out.chars.len() + head.len());
                    out.chars.extend_from_slice(head);
                    out.origin.extend(std::iter::repeat_n(
                        (at as u32, (at + len) as u32),
                        head.len(),
                    ));
                    at += len;
                }
                None => {
                    out.chars.push(chars[at]);
                    out.origin.push((at as u32, at as u32 + 1));
                    at += 1;
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_file_parses() {
        let entries = parse_file(BUILTIN).unwrap();
        assert!(entries.len() >= 40, "{}", entries.len());
        assert_eq!(builtin().len(), entries.len());
    }

    #[test]
    fn errors_name_the_line_and_the_field() {
        let cases = [
            ("syn 政务公开 = 信息公开", 1, "版本"),
            ("version 2\n", 1, "版本"),
            ("version 1\n\n同义 政务公开 = 信息公开", 3, "类型"),
            ("version 1\nsyn", 2, "词头"),
            ("version 1\nsyn 政务公开 信息公开", 2, "等号"),
            ("version 1\nsyn 政务公开 =", 2, "词"),
            ("version 1\nsyn 政务公开 = 公", 2, "词"),
            ("version 1\nsyn 政务公开 = “政务公开”", 2, "词"),
            (
                "version 1\nsyn 政务公开 = 信息公开\nsyn 信息公开 = 公开信息",
                3,
                "词头",
            ),
            (
                "version 1\nsyn 政务公开 = 信息公开\nsyn 公开工作 = 信息公开",
                3,
                "词",
            ),
            ("version 1\nexcept 医保 = 中医药", 2, "词"),
            ("version 1\nexcept 医保 = 医保", 2, "词"),
            ("version 1\nexcept 医保 中医保健", 2, "等号"),
            ("version 1\nparts 三项制度 = 公示/示 全过程", 2, "词"),
            ("version 1\nparts 三项制度 = 公示//公开", 2, "词"),
        ];
        for (text, line, field) in cases {
            let err = parse_file(text).unwrap_err();
            assert_eq!((err.line, err.field), (line, field), "{text}: {err}");
        }
        let long = format!("version 1\nsyn 政务公开 = {}", "公".repeat(5000));
        let message = parse_file(&long).unwrap_err().to_string();
        assert!(message.starts_with("词表第2行“词”"), "{message}");
        assert!(message.chars().count() < 80, "{message}");
        let many = format!("version 1\nexcept 医保 = {}", "中医保健 ".repeat(MAX_TERMS));
        let err = parse_file(&many).unwrap_err();
        assert_eq!((err.line, err.field), (2, "词数"), "{err}");
    }

    #[test]
    fn a_term_is_not_read_inside_the_words_excepted() {
        let entries = parse_file(
            "version 1\nsyn 医疗保障 = 医保\nabbr 三项制度 = 全过程记录\nabbr 重大行政决策 = 重大决策\n\
             except 医保 = 中医保健 就医保障\nexcept 全过程记录 = 决策全过程记录",
        )
        .unwrap();
        let normalizer = Normalizer::new(&entries);
        let read = |text: &str| -> String {
            let chars: Vec<char> = text.chars().collect();
            normalizer.apply(&chars).chars.iter().collect()
        };
        assert_eq!(
            read("推广中医保健，加强医保基金监管"),
            "推广中医保健，加强医疗保障基金监管"
        );
        assert_eq!(read("设立就医保障专班"), "设立就医保障专班");
        // The word excepted may begin inside a term read before it.
        assert_eq!(
            read("实现重大决策全过程记录，执法全过程记录"),
            "实现重大行政决策全过程记录，执法三项制度"
        );
        // At the text's edges the word does not fit, and the term reads.
        assert_eq!(read("医保"), "医疗保障");
        // A template's exception guards a built-in term.
        let own = parse_lines(&["except 医保 = 兽医保健".to_string()]).unwrap();
        let normalizer = Normalizer::new(entries.iter().chain(&own));
        let chars: Vec<char> = "兽医保健".chars().collect();
        assert_eq!(
            normalizer.apply(&chars).chars.iter().collect::<String>(),
            "兽医保健"
        );
    }

    #[test]
    fn a_thing_named_is_a_head_alone_and_reads_nothing() {
        let entries = parse_file("version 1\nabbr 述法 = 年终述法\nnamed 述法").unwrap();
        assert_eq!(entries[1].kind, EntryKind::Named);
        assert!(entries[1].terms.is_empty());
        let normalizer = Normalizer::new(&entries);
        let key = |text: &str| matching_key(text);
        let named = |text: &str| {
            let head = key(text);
            normalizer
                .named_in(&head)
                .map(<[char]>::to_vec)
                .collect::<Vec<_>>()
        };
        assert_eq!(named("述法"), [key("述法")]);
        assert_eq!(named("主要负责人述法制度"), [key("述法")]);
        assert!(named("述职").is_empty());
        let chars: Vec<char> = "开展年终述法".chars().collect();
        assert_eq!(
            normalizer.apply(&chars).chars.iter().collect::<String>(),
            "开展述法"
        );
        let wrong = parse_file("version 1\nnamed 述法 = 年终述法").unwrap_err();
        assert_eq!((wrong.line, wrong.field), (2, "词"));
    }

    #[test]
    fn a_whole_lists_its_parts_words_and_reads_nothing() {
        let entries = parse_file(
            "version 1\nabbr 三项制度 = 执法公示 全过程记录\n\
             parts 三项制度 = 执法公示/公示 全过程记录/“记录仪”",
        )
        .unwrap();
        let normalizer = Normalizer::new(&entries);
        let key = |words: &[&str]| -> Vec<String> { words.iter().map(|w| w.to_string()).collect() };
        assert_eq!(
            normalizer.parts(),
            [Whole {
                head: "三项制度".to_string(),
                parts: vec![key(&["执法公示", "公示"]), key(&["全过程记录", "记录仪"])],
            }]
        );
        // Its words are read by no entry of their own: 公示 stays 公示.
        let text: Vec<char> = "落实执法公示和公示".chars().collect();
        assert_eq!(
            normalizer.apply(&text).chars.iter().collect::<String>(),
            "落实三项制度和公示"
        );
    }

    #[test]
    fn terms_read_as_their_head_longest_first() {
        let entries = parse_file(
            "version 1\nabbr 三项制度 = 执法公示 重大执法决定法制审核\nsyn 合法性审查 = 法制审核",
        )
        .unwrap();
        let normalizer = Normalizer::new(&entries);
        let text: Vec<char> = "落实重大执法决定法制审核和法制审核".chars().collect();
        let out = normalizer.apply(&text);
        assert_eq!(
            out.chars.iter().collect::<String>(),
            "落实三项制度和合法性审查"
        );
        assert_eq!(out.origin[2], (2, 12));
        assert_eq!(out.origin[6], (12, 13));
        assert_eq!(out.terms, [2..6, 7..12]);
    }

    #[test]
    fn ten_thousand_terms_load_and_apply_in_bounded_time() {
        let lines: Vec<String> = (0..2_500)
            .map(|k| {
                let word = |j: u32| -> String {
                    [k as u32 / 100, k as u32 % 100, j]
                        .iter()
                        .map(|d| char::from_u32(0x4E00 + d).unwrap_or('一'))
                        .collect()
                };
                format!(
                    "syn 词{} = 甲{} 乙{} 丙{}",
                    word(0),
                    word(1),
                    word(2),
                    word(3)
                )
            })
            .collect();
        // As many exception words on the one term the text repeats.
        let mut lines = lines;
        lines.push(format!(
            "except 甲一一丁 = {}",
            (0..2_500)
                .map(|k| {
                    let other = char::from_u32(0x4E00 + k).unwrap_or('一');
                    let before: String = std::iter::repeat_n(other, k as usize % 20).collect();
                    format!("{before}甲一一丁{other}")
                })
                .collect::<Vec<_>>()
                .join(" ")
        ));
        let start = std::time::Instant::now();
        let entries = parse_lines(&lines).unwrap();
        let normalizer = Normalizer::new(&entries);
        let text: Vec<char> = "甲一一丁二乙丙".repeat(200_000).chars().collect();
        let out = normalizer.apply(&text);
        assert!(out.chars.len() >= text.len() / 2);
        // Generous: the point is that it ends, not a timing.
        assert!(start.elapsed().as_secs() < 20);
    }
}
