//! Did the report address every item of the year's plan? For each item a status, a
//! score, the report paragraphs that address it with the phrases they share, and a
//! check of its numeric targets.
//!
//! Matching works on shared phrases: runs of three or more Han characters that occur in
//! both an item sentence and one report sentence. Each character pair (bigram) is
//! weighted by how rare it is among the report's paragraphs and the plan's items (an
//! IDF computed from the two texts themselves, no dictionary), so names such as
//! 《浙江省行政合法性审查工作规定》 or 天目医享 weigh much more than 行政 or 工作.
//! Generic verbs (推进, 加强, 落实…) and boilerplate (习近平法治思想, 法治政府建设, and
//! any pair found in a large share of the paragraphs) weigh nothing, so they never
//! create coverage by themselves. See shared/docs/annual-report.md section 6.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde::{Deserialize, Serialize};

use crate::import_text::{fold_char, is_han};
use crate::model::{Draft, Node, NodeId, Section};
use crate::plan::{PlanState, Target};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Covered,
    Partial,
    Missing,
    NotApplicable,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Covered => "已覆盖",
            Status::Partial => "部分覆盖",
            Status::Missing => "未覆盖",
            Status::NotApplicable => "不适用",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoverageReport {
    pub items: Vec<ItemCoverage>,
    pub summary: Summary,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemCoverage {
    /// Position of the item in the plan.
    pub index: usize,
    pub number: String,
    pub title: String,
    pub departments: Vec<String>,
    /// The status shown: the user's decision if there is one, else `computed`.
    pub status: Status,
    /// What the engine found, before the user's decision.
    pub computed: Status,
    /// Whether the user set the status by hand.
    pub decided: bool,
    /// The user's reason for a status set by hand.
    pub reason: String,
    /// Share of the item's meaning-bearing text found in the report, 0–1.
    pub score: f64,
    /// Best first.
    pub evidence: Vec<Evidence>,
    pub targets: Vec<TargetCheck>,
    /// Remarks for the reviewer, in Chinese.
    pub hints: Vec<String>,
}

/// A report paragraph that addresses an item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub paragraph: ParagraphRef,
    /// The phrases it shares with the item.
    pub phrases: Vec<String>,
    /// Share of the best-matched item sentence found in it, 0–1.
    pub score: f64,
    /// Whether the user confirmed it.
    pub confirmed: bool,
}

/// Where a paragraph is: its section (position and id) and its position among the
/// section's paragraphs (0-based, document order, headings with run-in text included).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParagraphRef {
    pub section_index: usize,
    pub section_id: NodeId,
    pub section_title: String,
    pub paragraph_index: usize,
    pub paragraph_id: NodeId,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetCheck {
    pub target: Target,
    pub outcome: TargetOutcome,
    /// The figure the report gives for the measure, if any.
    pub reported: Option<f64>,
    /// The report's words around that figure.
    pub quote: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetOutcome {
    Met,
    NotMet,
    /// A figure is stated but cannot be compared (a target relative to last year).
    Reported,
    NotReported,
}

impl TargetOutcome {
    pub fn label(self) -> &'static str {
        match self {
            TargetOutcome::Met => "已达标",
            TargetOutcome::NotMet => "未达标",
            TargetOutcome::Reported => "已报告数字",
            TargetOutcome::NotReported => "未报告",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub covered: usize,
    pub partial: usize,
    pub missing: usize,
    pub not_applicable: usize,
    /// Per responsible unit: its items and those not (fully) covered.
    pub departments: Vec<DepartmentRollup>,
    /// Report paragraphs on achievements that match no plan item.
    pub unmatched: Vec<ParagraphRef>,
    pub warnings: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepartmentRollup {
    pub department: String,
    /// Numbers of all its items.
    pub items: Vec<String>,
    /// Numbers of its items that are missing or partial.
    pub uncovered: Vec<String>,
}

/// Words that say what is done, not what it is done to, and the boilerplate of every
/// report: they never make a match on their own.
const GENERIC_WORDS: [&str; 52] = [
    "习近平法治思想",
    "习近平新时代中国特色社会主义思想",
    "法治政府建设",
    "法治建设",
    "法治政府",
    "中国特色社会主义",
    "新时代",
    "进一步",
    "推进",
    "加强",
    "深化",
    "落实",
    "完善",
    "健全",
    "开展",
    "建立",
    "强化",
    "全面",
    "深入",
    "持续",
    "积极",
    "提升",
    "提高",
    "推动",
    "实施",
    "严格",
    "规范",
    "依法",
    "贯彻",
    "坚持",
    "做好",
    "实现",
    "不断",
    "有效",
    "切实",
    "组织",
    "努力",
    "着力",
    "加快",
    "探索",
    "创新",
    "工作",
    "建设",
    "机制",
    "制度",
    "体系",
    "水平",
    "能力",
    "相关",
    "有关",
    "我局",
    "今年以来",
];
/// Characters that glue phrases together without meaning anything themselves.
const FUNCTION_CHARS: [char; 21] = [
    '的', '和', '及', '与', '在', '对', '为', '把', '将', '等', '了', '是', '按', '以', '其', '并',
    '或', '从', '向', '于', '中',
];
/// A pair found in more than this share of the report's paragraphs is boilerplate.
const BOILERPLATE_SHARE: f64 = 0.4;
/// A pair found in more than this share of the paragraphs only extends phrases.
const COMMON_SHARE: f64 = 0.1;
/// The shortest shared phrase that counts, in characters.
const MIN_PHRASE: usize = 3;
/// A paragraph names an item's subject when its lead (heading and first sentence) holds
/// this share of the title's weight.
const TITLE_NAMED: f64 = 0.5;
/// …and gives an account of it when it has this many Han characters beyond twice the title.
const ACCOUNT_CHARS: usize = 30;
/// A paragraph holding this share of an item's weight covers it even without its title.
const MOST_OF_ITEM: f64 = 0.35;
/// A paragraph holding this share of an item's weight addresses part of it.
const SOME_OF_ITEM: f64 = 0.1;
/// A paragraph whose lead holds this share of the title's weight mentions the subject.
const TITLE_PART: f64 = 0.4;
/// Below both this share of the item and [`TITLE_PART`] a paragraph is not evidence.
const EVIDENCE: f64 = 0.08;
/// Section titles of the parts that are not achievements: shortcomings and next year.
const NON_EVIDENCE_SECTIONS: [&str; 8] = [
    "不足",
    "存在问题",
    "问题和",
    "安排",
    "计划",
    "思路",
    "下一步",
    "今后",
];
const MAX_EVIDENCE: usize = 5;

type Bigram = u64;

/// A multiply-rotate hasher (as in rustc's FxHash) for the integer keys of the
/// matcher: std's SipHash costs several times more and needs no DoS resistance here.
#[derive(Default)]
struct IntHasher(u64);

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

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<IntHasher>>;

fn bigram(a: char, b: char) -> Bigram {
    (u64::from(a) << 32) | u64::from(b)
}

/// Text reduced to what matching sees: widths folded, quotes, book-title marks and spaces
/// removed (so `“放管服”改革` reads 放管服改革); other characters stay as they break runs.
fn matching_chars(text: &str) -> Vec<char> {
    // Room for every byte (a character takes at least one), so collecting never
    // reallocates: measurably faster than growing the vector as it fills.
    let mut chars = Vec::with_capacity(text.len());
    chars.extend(text.chars().map(fold_char).filter(|c| {
        !c.is_whitespace()
            && !matches!(
                c,
                '“' | '”' | '‘' | '’' | '"' | '\'' | '《' | '》' | '〈' | '〉'
            )
    }));
    chars
}

/// Removes citations of a plan by its title (`研究部署《…工作要点》`): naming the plan
/// reports on none of its items. `plan_title` is as matching sees it.
fn without_plan_citations(text: &str, plan_title: &str) -> String {
    if !text.contains('《') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('《') {
        let Some(close) = rest[open..].find('》') else {
            break;
        };
        let inner = &rest[open + '《'.len_utf8()..open + close];
        let inner_key: String = matching_chars(inner).into_iter().collect();
        let cites_plan = ["工作要点", "工作计划", "实施方案"]
            .iter()
            .any(|w| inner_key.ends_with(w))
            || (!plan_title.is_empty() && inner_key.contains(plan_title));
        out.push_str(&rest[..open]);
        if !cites_plan {
            out.push_str(&rest[open..open + close + '》'.len_utf8()]);
        }
        rest = &rest[open + close + '》'.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// A paragraph (or heading with run-in text) of the report, borrowed from the draft.
struct Unit<'a> {
    section_index: usize,
    section: &'a Section,
    paragraph_index: usize,
    id: NodeId,
    /// A heading's is its title and run-in text joined by 。.
    text: Cow<'a, str>,
    /// What the paragraph says it is about: the heading it sits under and its first
    /// sentence, as matching sees it. An item's title found here makes the paragraph an
    /// account of the item; found further in, it is a mention in passing.
    lead: Vec<char>,
    /// Whether the section reports achievements (not shortcomings or next year's plans).
    counts: bool,
}

impl Unit<'_> {
    /// The paragraph as the report shows it: with copies of its text and section title.
    fn to_ref(&self) -> ParagraphRef {
        ParagraphRef {
            section_index: self.section_index,
            section_id: self.section.id,
            section_title: self.section.title.clone(),
            paragraph_index: self.paragraph_index,
            paragraph_id: self.id,
            text: self.text.to_string(),
        }
    }
}

fn report_units(draft: &Draft) -> Vec<Unit<'_>> {
    /// (id, text, heading above) of every paragraph and run-in heading, in order.
    fn walk<'a>(
        nodes: &'a [Node],
        heading: &'a str,
        out: &mut Vec<(NodeId, Cow<'a, str>, &'a str)>,
    ) {
        for node in nodes {
            match node {
                Node::Paragraph { id, text } => out.push((*id, Cow::Borrowed(text), heading)),
                Node::Heading {
                    id,
                    title,
                    text,
                    children,
                } => {
                    if !text.trim().is_empty() {
                        out.push((*id, Cow::Owned(format!("{title}。{text}")), ""));
                    }
                    walk(children, title, out);
                }
            }
        }
    }
    let mut units = Vec::new();
    let mut paragraphs = Vec::new();
    for (section_index, section) in draft.sections.iter().enumerate() {
        let counts = !NON_EVIDENCE_SECTIONS
            .iter()
            .any(|w| section.title.contains(w));
        paragraphs.clear();
        walk(&section.children, "", &mut paragraphs);
        for (paragraph_index, (id, text, heading)) in paragraphs.drain(..).enumerate() {
            let first_sentence = text.split(['。', '；', ';']).next().unwrap_or_default();
            let mut lead = matching_chars(heading);
            lead.push('。');
            lead.extend(matching_chars(first_sentence));
            units.push(Unit {
                section_index,
                section,
                paragraph_index,
                id,
                text,
                lead,
                counts,
            });
        }
    }
    units
}

/// Share of the title's weight (bigram positions `weights`) found in a paragraph's lead
/// (its sorted bigrams): runs of at least two consecutive title bigrams that all occur
/// in the lead. A lead is one sentence, so that is nearly always the same phrase.
fn title_share_in(lead: &[Bigram], title: &[char], weights: &[f64]) -> f64 {
    let present =
        |j: usize| j < weights.len() && lead.binary_search(&bigram(title[j], title[j + 1])).is_ok();
    let total: f64 = weights.iter().sum();
    let mut found = 0.0;
    // Whether bigrams j − 1 and j are present, as j moves along the title.
    let (mut before, mut here) = (false, present(0));
    for (j, weight) in weights.iter().enumerate() {
        let after = present(j + 1);
        if here && (before || after) {
            found += weight;
        }
        (before, here) = (here, after);
    }
    ratio(found, total)
}

/// What matching needs to know about a character pair of the plan.
#[derive(Default)]
struct Pair {
    /// Weight: an IDF over the report paragraphs and plan items as documents.
    idf: f64,
    /// Found in more than [`COMMON_SHARE`] of the paragraphs: it extends a phrase but is
    /// not looked up to start one, which keeps matching fast on long reports.
    common: bool,
    /// Where it occurs in the paragraphs that report achievements: (paragraph, position),
    /// sorted.
    occurrences: Vec<(u32, u32)>,
}

/// The pairs of the plan's items and the generic words. Pairs found only in the report
/// never match anything, so they are not counted.
struct Weights {
    pairs: FastMap<Bigram, Pair>,
    /// The generic words, sorted by their first character, so a position is compared
    /// only with the words that start with its character.
    generic: Vec<Vec<char>>,
}

impl Weights {
    /// `counts[u]`: whether paragraph `u` reports achievements.
    fn new(units: &[Vec<char>], counts: &[bool], items: &[Vec<char>]) -> Weights {
        /// Documents holding the pair: paragraphs, paragraphs and items, and the last
        /// document counted (a pair counts once per document).
        #[derive(Default)]
        struct Frequency {
            in_units: usize,
            in_all: usize,
            last: Option<usize>,
        }
        let mut frequencies: FastMap<Bigram, (Frequency, Vec<(u32, u32)>)> = FastMap::default();
        for (k, doc) in items.iter().enumerate() {
            for (_, b) in han_bigrams(doc) {
                let (frequency, _) = frequencies.entry(b).or_default();
                if frequency.last != Some(k) {
                    frequency.last = Some(k);
                    frequency.in_all += 1;
                }
            }
        }
        for (u, doc) in units.iter().enumerate() {
            let k = items.len() + u;
            for (pos, b) in han_bigrams(doc) {
                let Some((frequency, occurrences)) = frequencies.get_mut(&b) else {
                    continue;
                };
                if frequency.last != Some(k) {
                    frequency.last = Some(k);
                    frequency.in_all += 1;
                    frequency.in_units += 1;
                }
                if counts[u] {
                    occurrences.push((u as u32, pos as u32));
                }
            }
        }
        let common_above = (units.len() as f64 * COMMON_SHARE).max(3.0);
        let documents = (units.len() + items.len()) as f64;
        let boilerplate = (units.len() as f64 * BOILERPLATE_SHARE).max(3.0);
        let pairs = frequencies
            .into_iter()
            .map(|(b, (frequency, occurrences))| {
                let in_units = frequency.in_units as f64;
                let idf = if in_units > boilerplate {
                    0.0
                } else {
                    ((documents + 1.0) / (frequency.in_all as f64 + 0.5))
                        .ln()
                        .max(0.0)
                };
                let common = in_units > common_above;
                (
                    b,
                    Pair {
                        idf,
                        common,
                        occurrences,
                    },
                )
            })
            .collect();
        let mut generic: Vec<Vec<char>> =
            GENERIC_WORDS.iter().map(|w| w.chars().collect()).collect();
        generic.sort_unstable_by_key(|w| w[0]);
        Weights { pairs, generic }
    }

    /// Weight of each bigram position of an item sentence (position j covers chars j, j+1);
    /// zero inside generic words, across function characters and outside Han text.
    fn positions(&self, chars: &[char]) -> Vec<f64> {
        let mut generic = vec![false; chars.len()];
        for start in 0..chars.len() {
            if !is_han(chars[start]) {
                continue;
            }
            let from = self.generic.partition_point(|w| w[0] < chars[start]);
            for word in self.generic[from..]
                .iter()
                .take_while(|w| w[0] == chars[start])
            {
                if chars[start..].starts_with(word) {
                    generic[start..start + word.len()]
                        .iter_mut()
                        .for_each(|g| *g = true);
                }
            }
        }
        (0..chars.len().saturating_sub(1))
            .map(|j| {
                let (a, b) = (chars[j], chars[j + 1]);
                let meaningless = !is_han(a)
                    || !is_han(b)
                    || generic[j]
                    || generic[j + 1]
                    || FUNCTION_CHARS.contains(&a)
                    || FUNCTION_CHARS.contains(&b);
                if meaningless {
                    0.0
                } else {
                    self.pairs.get(&bigram(a, b)).map_or(0.0, |p| p.idf)
                }
            })
            .collect()
    }
}

fn han_bigrams(chars: &[char]) -> impl Iterator<Item = (usize, Bigram)> + '_ {
    chars
        .windows(2)
        .enumerate()
        .filter(|(_, w)| is_han(w[0]) && is_han(w[1]))
        .map(|(j, w)| (j, bigram(w[0], w[1])))
}

/// Shared phrases between an item and every report paragraph that has one: for each
/// paragraph, which bigram positions of the item its phrases cover, and where they are.
///
/// Common substrings are followed along diagonals: a match of item bigram j at paragraph
/// position pos continues one of bigram j − 1 at pos − 1. Only bigrams of positive
/// weight that are not common are looked up, so common words cost little; zero-weight bigrams may continue
/// a phrase (重大行政决策) but never start one. A phrase needs [`MIN_PHRASE`] characters
/// and positive weight.
fn match_paragraphs(
    item: &[char],
    weights: &[f64],
    pairs: &FastMap<Bigram, Pair>,
    paragraphs: &[Vec<char>],
) -> Vec<(usize, Vec<Span>)> {
    // (paragraph, phrase) as found; grouped by paragraph at the end.
    let mut found: Vec<(u32, Span)> = Vec::new();
    let mut record = |unit: u32, end_pos: u32, first: usize, last: usize| {
        // A phrase may begin with a pair that is never looked up (common or of no
        // weight): walk back over characters the item and the paragraph share.
        let text = &paragraphs[unit as usize];
        let mut first = first;
        let mut start_pos = end_pos as usize - (last - first);
        while first > 0
            && start_pos > 0
            && item[first - 1] == text[start_pos - 1]
            && is_han(item[first - 1])
        {
            first -= 1;
            start_pos -= 1;
        }
        // Bigrams first..=last span the characters first..last + 2.
        let span = first..last + 1;
        if last + 2 - first < MIN_PHRASE || !weights[span.clone()].iter().any(|&w| w > 0.0) {
            return;
        }
        found.push((unit, first..last + 2));
    };
    // Active diagonals, sorted: (paragraph, position of the last matched bigram, first
    // item bigram). Occurrence lists are sorted the same way, so continuing a diagonal
    // and finding the ones that end are merges, not lookups.
    let mut active: Vec<(u32, u32, usize)> = Vec::new();
    let mut next: Vec<(u32, u32, usize)> = Vec::new();
    for j in 0..weights.len() {
        let (a, b) = (item[j], item[j + 1]);
        next.clear();
        if is_han(a) && is_han(b) {
            let looked_up = pairs
                .get(&bigram(a, b))
                .filter(|pair| weights[j] > 0.0 && !pair.common);
            if let Some(pair) = looked_up {
                let mut before = active.iter().peekable();
                for &(unit, pos) in &pair.occurrences {
                    let first = match pos.checked_sub(1) {
                        Some(last) => {
                            while before.next_if(|d| (d.0, d.1) < (unit, last)).is_some() {}
                            before
                                .next_if(|d| (d.0, d.1) == (unit, last))
                                .map_or(j, |d| d.2)
                        }
                        None => j,
                    };
                    next.push((unit, pos, first));
                }
            } else {
                next.extend(active.iter().filter_map(|&(unit, pos, first)| {
                    let text = &paragraphs[unit as usize];
                    let at = pos as usize + 1;
                    (text.get(at) == Some(&a) && text.get(at + 1) == Some(&b)).then_some((
                        unit,
                        pos + 1,
                        first,
                    ))
                }));
            }
        }
        let mut after = next.iter().peekable();
        for &(unit, pos, first) in &active {
            while after.next_if(|d| (d.0, d.1) < (unit, pos + 1)).is_some() {}
            if after.peek().is_none_or(|d| (d.0, d.1) != (unit, pos + 1)) {
                record(unit, pos, first, j - 1);
            }
        }
        std::mem::swap(&mut active, &mut next);
    }
    for &(unit, pos, first) in &active {
        record(unit, pos, first, weights.len() - 1);
    }
    found.sort_by_key(|(unit, _)| *unit);
    let mut matches: Vec<(usize, Vec<Span>)> = Vec::new();
    for (unit, span) in found {
        match matches.last_mut() {
            Some((last, spans)) if *last == unit as usize => spans.push(span),
            _ => matches.push((unit as usize, vec![span])),
        }
    }
    matches
}

/// How much of an item one paragraph holds.
struct ParagraphMatch {
    unit: usize,
    /// Share of the item's weight.
    share: f64,
    /// Share of the weight of the item's title.
    title_share: f64,
    /// Character ranges of the item found in the paragraph.
    spans: Vec<Span>,
}

type Span = std::ops::Range<usize>;

/// Total weight of the item's bigram positions (`weights`) inside any of the phrases at
/// `spans` (character ranges), added in position order.
fn weight_in(spans: impl Iterator<Item = Span>, weights: &[f64]) -> f64 {
    // Characters s..e hold the bigrams s..e − 1.
    let mut bigrams: Vec<Span> = spans.map(|s| s.start..s.end - 1).collect();
    bigrams.sort_by_key(|b| b.start);
    let mut total = 0.0;
    let mut done = 0;
    for b in bigrams {
        for weight in &weights[b.start.max(done)..b.end.max(done)] {
            total += weight;
        }
        done = done.max(b.end);
    }
    total
}

/// The distinct phrases of an item at these character ranges, in item order.
fn phrases_at(item: &[char], spans: &[Span]) -> Vec<String> {
    let mut spans = spans.to_vec();
    spans.sort_by_key(|s| (s.start, s.end));
    let mut phrases: Vec<&[char]> = Vec::new();
    for span in spans {
        let phrase = &item[span];
        if !phrases.contains(&phrase) {
            phrases.push(phrase);
        }
    }
    phrases.into_iter().map(|p| p.iter().collect()).collect()
}

/// Coverage of every item of the plan in the draft, with the user's decisions applied.
///
/// An item is covered when a paragraph of the achievements parts names its subject (at
/// least [`TITLE_NAMED`] of its title's weight) and gives an account of it (a paragraph
/// of some length), or when one paragraph holds [`MOST_OF_ITEM`] of the item's weight.
/// It is partial when a paragraph holds [`SOME_OF_ITEM`] of it or names part of its
/// title; missing otherwise.
pub fn compute(draft: &Draft, state: &PlanState) -> CoverageReport {
    let plan = &state.plan;
    let units = report_units(draft);
    let plan_title: String = matching_chars(&plan.title).into_iter().collect();
    let unit_chars: Vec<Vec<char>> = units
        .iter()
        .map(|u| matching_chars(&without_plan_citations(&u.text, &plan_title)))
        .collect();
    let item_titles: Vec<usize> = plan
        .items
        .iter()
        .map(|i| matching_chars(&i.title).len())
        .collect();
    let item_chars: Vec<Vec<char>> = plan
        .items
        .iter()
        .map(|i| matching_chars(&i.text()))
        .collect();
    let counts: Vec<bool> = units.iter().map(|u| u.counts).collect();
    let weights = Weights::new(&unit_chars, &counts, &item_chars);

    let unit_han: Vec<usize> = unit_chars
        .iter()
        .map(|chars| chars.iter().filter(|&&c| is_han(c)).count())
        .collect();
    let leads: Vec<Vec<Bigram>> = units
        .iter()
        .map(|u| {
            let mut lead: Vec<Bigram> = han_bigrams(&u.lead).map(|(_, b)| b).collect();
            lead.sort_unstable();
            lead
        })
        .collect();

    let mut items = Vec::with_capacity(plan.items.len());
    let mut matched_units = vec![false; units.len()];
    // The full text of paragraphs (with any citation of the plan) as matching sees it,
    // made when a target is first looked for in them.
    let mut evidence_chars: Vec<Option<Vec<char>>> = vec![None; units.len()];
    for (i, item) in plan.items.iter().enumerate() {
        let decision = state.decision(item);
        let chars = &item_chars[i];
        let position_weights = weights.positions(chars);
        let total: f64 = position_weights.iter().sum();
        let title_positions = item_titles[i].saturating_sub(1).min(position_weights.len());
        let mut found: Vec<ParagraphMatch> =
            match_paragraphs(chars, &position_weights, &weights.pairs, &unit_chars)
                .into_iter()
                .filter(|(unit, _)| {
                    !decision.is_some_and(|d| d.rejected.contains(&units[*unit].id))
                })
                .map(|(unit, spans)| ParagraphMatch {
                    unit,
                    share: ratio(weight_in(spans.iter().cloned(), &position_weights), total),
                    title_share: title_share_in(
                        &leads[unit],
                        &chars[..item_titles[i].min(chars.len())],
                        &position_weights[..title_positions],
                    ),
                    spans,
                })
                .filter(|m| m.share >= EVIDENCE || m.title_share >= TITLE_PART)
                .collect();
        found.sort_by(|a, b| b.share.total_cmp(&a.share).then(a.unit.cmp(&b.unit)));

        let gives_account =
            |m: &ParagraphMatch| unit_han[m.unit] >= 2 * item_titles[i] + ACCOUNT_CHARS;
        let named_with_account = found
            .iter()
            .any(|m| m.title_share >= TITLE_NAMED && gives_account(m));
        let best = found.first().map_or(0.0, |m| m.share);
        let best_title = found.iter().map(|m| m.title_share).fold(0.0, f64::max);
        let mut computed = if named_with_account || best >= MOST_OF_ITEM {
            Status::Covered
        } else if best >= SOME_OF_ITEM || best_title >= TITLE_PART {
            Status::Partial
        } else {
            Status::Missing
        };
        let all_spans = found.iter().flat_map(|m| m.spans.iter().cloned());
        let score = ratio(weight_in(all_spans, &position_weights), total);
        let copied_without_results = found
            .iter()
            .any(|m| m.share >= 0.6 && !units[m.unit].text.chars().any(|c| c.is_ascii_digit()));

        let mut evidence: Vec<Evidence> = found
            .iter()
            .take(MAX_EVIDENCE)
            .map(|m| Evidence {
                paragraph: units[m.unit].to_ref(),
                phrases: phrases_at(chars, &m.spans),
                score: round2(m.share),
                confirmed: false,
            })
            .collect();
        // The paragraph of each piece of evidence, in the same order.
        let mut evidence_units: Vec<usize> =
            found.iter().take(MAX_EVIDENCE).map(|m| m.unit).collect();
        if let Some(decision) = decision {
            for &id in &decision.confirmed {
                match evidence.iter_mut().find(|e| e.paragraph.paragraph_id == id) {
                    Some(e) => e.confirmed = true,
                    None => {
                        let unit = units.iter().position(|u| u.id == id);
                        if let Some(unit) = unit {
                            evidence_units.insert(0, unit);
                            evidence.insert(
                                0,
                                Evidence {
                                    paragraph: units[unit].to_ref(),
                                    phrases: Vec::new(),
                                    score: 0.0,
                                    confirmed: true,
                                },
                            );
                        }
                    }
                }
            }
            if evidence.iter().any(|e| e.confirmed) {
                computed = Status::Covered;
            }
        }
        for &unit in &evidence_units {
            matched_units[unit] = true;
            if !item.targets.is_empty() {
                evidence_chars[unit].get_or_insert_with(|| matching_chars(&units[unit].text));
            }
        }
        let evidence_texts: Vec<&[char]> = evidence_units
            .iter()
            .filter_map(|&unit| evidence_chars[unit].as_deref())
            .collect();
        let targets: Vec<TargetCheck> = item
            .targets
            .iter()
            .map(|t| check_target(t, &evidence_texts))
            .collect();
        let status = decision.and_then(|d| d.status).unwrap_or(computed);
        let mut hints = Vec::new();
        if status == Status::Covered
            && targets
                .iter()
                .any(|t| t.outcome == TargetOutcome::NotReported)
        {
            hints.push("指标未报告".to_string());
        }
        if copied_without_results && status != Status::Missing {
            hints.push("照抄计划表述，缺少成效数据".to_string());
        }
        items.push(ItemCoverage {
            index: i,
            number: item.number.clone(),
            title: item.title.clone(),
            departments: item.departments.clone(),
            status,
            computed,
            decided: decision.is_some_and(|d| d.status.is_some()),
            reason: decision.map(|d| d.reason.clone()).unwrap_or_default(),
            score: round2(score),
            evidence,
            targets,
            hints,
        });
    }
    let summary = summarize(draft, state, &items, &units, &matched_units);
    CoverageReport { items, summary }
}

fn ratio(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        (part / whole).min(1.0)
    } else {
        0.0
    }
}

/// Two decimals; `+ 0.0` turns the −0.0 of an empty float sum into 0.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0 + 0.0
}

fn summarize(
    draft: &Draft,
    state: &PlanState,
    items: &[ItemCoverage],
    units: &[Unit],
    matched_units: &[bool],
) -> Summary {
    let count = |s: Status| items.iter().filter(|i| i.status == s).count();
    let mut departments: Vec<DepartmentRollup> = Vec::new();
    for item in items {
        for department in &item.departments {
            let at = match departments.iter().position(|d| &d.department == department) {
                Some(at) => at,
                None => {
                    departments.push(DepartmentRollup {
                        department: department.clone(),
                        items: Vec::new(),
                        uncovered: Vec::new(),
                    });
                    departments.len() - 1
                }
            };
            departments[at].items.push(item.number.clone());
            if matches!(item.status, Status::Missing | Status::Partial) {
                departments[at].uncovered.push(item.number.clone());
            }
        }
    }
    // A paragraph that opens with an item's title is about that item even when all it
    // says is boilerplate (and so covers nothing): it is not 成效 outside the plan.
    let mut titles: Vec<Vec<char>> = state
        .plan
        .items
        .iter()
        .map(|i| matching_chars(&i.title))
        .filter(|t| t.len() >= 4)
        .collect();
    titles.sort_unstable();
    titles.dedup();
    let unmatched = units
        .iter()
        .zip(matched_units)
        .filter(|(u, &matched)| {
            !matched
                && u.counts
                && u.text.chars().filter(|&c| is_han(c)).count() >= 20
                && !titles
                    .iter()
                    .any(|t| positions_of(&u.lead, t).next().is_some())
        })
        .map(|(u, _)| u.to_ref())
        .collect();
    let mut warnings = Vec::new();
    match state.plan.year {
        Some(year) if year != draft.report_year => warnings.push(format!(
            "计划年度（{year}年）与报告年度（{}年）不一致：覆盖情况仅供参考，请使用同一年度的工作要点",
            draft.report_year
        )),
        None => warnings.push("计划中没有注明年度，无法核对是否与报告年度一致".to_string()),
        _ => {}
    }
    if items.is_empty() {
        warnings.push("计划中没有条目".to_string());
    }
    Summary {
        covered: count(Status::Covered),
        partial: count(Status::Partial),
        missing: count(Status::Missing),
        not_applicable: count(Status::NotApplicable),
        departments,
        unmatched,
        warnings,
    }
}

/// Looks for the target's measure in the evidence texts (`matching_chars` of each
/// evidence paragraph) and the first figure after it in the same sentence (within 15
/// characters); `全覆盖` reads 100%, `零` + measure reads 0. The longest ending of the
/// measure (up to 6 characters, at least 3) found with a figure wins.
fn check_target(target: &Target, texts: &[&[char]]) -> TargetCheck {
    let not_reported = TargetCheck {
        target: target.clone(),
        outcome: TargetOutcome::NotReported,
        reported: None,
        quote: String::new(),
    };
    let key: Vec<char> = matching_chars(&target.measure);
    if key.len() < 2 {
        return not_reported;
    }
    let longest = key.len().min(6);
    let shortest = key.len().min(3);
    // Every ending of the key ends with the shortest one: find that once per text, and
    // the longer endings only where it is.
    let tail = &key[key.len() - shortest..];
    let tails: Vec<Vec<usize>> = texts
        .iter()
        .map(|text| positions_of(text, tail).collect())
        .collect();
    for len in (shortest..=longest).rev() {
        let suffix = &key[key.len() - len..];
        for (text, tail_at) in texts.iter().zip(&tails) {
            let starts = tail_at
                .iter()
                .filter_map(|&at| at.checked_sub(len - shortest))
                .filter(|&at| text[at..].starts_with(suffix));
            if let Some(found) = find_figure(text, starts, suffix, target) {
                let outcome = match (target.value, found.0) {
                    (Some(goal), value) if target.comparator.holds(value, goal) => {
                        TargetOutcome::Met
                    }
                    (Some(_), _) => TargetOutcome::NotMet,
                    (None, _) => TargetOutcome::Reported,
                };
                return TargetCheck {
                    target: target.clone(),
                    outcome,
                    reported: Some(found.0),
                    quote: found.1,
                };
            }
        }
    }
    not_reported
}

/// Where `needle` (not empty) starts in `text`, in order.
fn positions_of<'a>(text: &'a [char], needle: &'a [char]) -> impl Iterator<Item = usize> + 'a {
    text.windows(needle.len())
        .enumerate()
        .filter(move |(_, w)| w[0] == needle[0] && *w == needle)
        .map(|(at, _)| at)
}

/// The figure reported for the measure `key` found in `text` at `starts` (in order).
fn find_figure(
    text: &[char],
    starts: impl Iterator<Item = usize>,
    key: &[char],
    target: &Target,
) -> Option<(f64, String)> {
    let stem = key.strip_suffix(&['率']).unwrap_or(key);
    for at in starts {
        let after = at + key.len();
        if at > 0 && text[at - 1] == '零'
            || (at + 1 < text.len() && text[at] == '零' && text[at + 1..].starts_with(stem))
        {
            return Some((0.0, text[at.saturating_sub(1)..after].iter().collect()));
        }
        let window_end = (after..text.len())
            .take(15)
            .take_while(|&k| !matches!(text[k], '。' | '；' | ';'))
            .last()
            .map_or(after, |k| k + 1);
        let window = &text[after..window_end];
        let quote = || text[at..window_end].iter().collect::<String>();
        if window.windows(3).any(|w| w == ['全', '覆', '盖']) {
            return Some((100.0, quote()));
        }
        if let Some(start) = window.iter().position(char::is_ascii_digit) {
            let digits: String = window[start..]
                .iter()
                .take_while(|c| c.is_ascii_digit() || **c == '.')
                .collect();
            let unit_ok =
                target.unit != "%" || window.get(start + digits.chars().count()) == Some(&'%');
            if let (Ok(value), true) = (digits.trim_end_matches('.').parse::<f64>(), unit_ok) {
                return Some((value, quote()));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Comparator;

    #[test]
    fn plan_citations_are_removed_but_other_titles_stay() {
        let text = "研究部署《临安区卫生健康局2023年法治政府建设工作要点》，贯彻《杭州市优化营商环境条例》。";
        let out = without_plan_citations(text, "");
        assert_eq!(out, "研究部署，贯彻《杭州市优化营商环境条例》。");
    }

    #[test]
    fn comparators() {
        assert!(Comparator::AtLeast.holds(100.0, 90.0));
        assert!(!Comparator::Below.holds(6.0, 6.0));
        assert!(Comparator::AtMost.holds(5.0, 5.0));
    }
}
