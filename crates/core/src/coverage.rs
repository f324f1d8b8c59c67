//! Did the report address every item of the year's plan? For each item a status with a
//! reason a clerk can check, its tasks and which report sentence answers each, the
//! report paragraphs that address it with the words they share, and a check of its
//! numeric targets.
//!
//! Both texts are first read through the domain lexicon ([`crate::lexicon`]), so that
//! an abbreviation and its expansion (放管服 / 简政放权、放管结合、优化服务) or two
//! names of one thing (出庭应诉 / 负责人出庭) are the same words. The report is read as
//! a person reads it: headings apart from paragraphs, paragraphs cut into sentences and
//! at 一是/二是. Each plan item is cut into its tasks (its sentences, and clauses that
//! start with a new verb); a task is answered when one sentence of the achievements
//! parts holds most of its weight; the item is 已覆盖 when all its tasks are answered
//! (or a paragraph is about the item and answers half of them), 部分覆盖 when some are.
//!
//! Words are matched as shared runs of three or more characters. Their weight says how
//! well they separate one plan item from the others (a contrast across the plan's own
//! items, times their rarity in the report), so a word every item uses (卫生健康领域)
//! weighs little and 习近平法治思想 weighs much for the one item about it. Generic verbs
//! (推进, 加强, 落实…) weigh nothing. Two-character words count beside a longer shared
//! phrase in the same sentence, and a lexicon head counts whatever its length.
//!
//! Why a dictionary of the plan's own words rather than a segmenter: a general Chinese
//! segmenter ships a dictionary of several megabytes (jieba's is about 5 MB) into a
//! browser bundle, and still splits domain names (重大执法决定法制审核) that matter most
//! here. The plan already holds every word worth looking for; matching its runs against
//! the report finds them at any length, and the lexicon (about 2 KB gzip) adds their
//! other names. See docs/coverage-lexicon.md; shared/docs/annual-report.md section 6
//! gives the reviewer's rules.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::lexicon::{self, FastMap, Normalizer};
use crate::model::{Draft, Node, NodeId, Section};
use crate::plan_items::{PlanState, Status, Target};
use crate::text::{fold_char, is_han};

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
    /// What the item asks for, task by task, and which sentence answers each.
    pub tasks: Vec<TaskCoverage>,
    /// Why the engine gave `computed`, in Chinese, short enough to check by reading.
    pub explanation: String,
}

/// One task of a plan item (a clause of its text) and the sentence that answers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TaskCoverage {
    /// The task in the plan's words.
    pub text: String,
    /// [`Status::Covered`] when answered, [`Status::Missing`] when not.
    pub status: Status,
    pub evidence: Option<TaskEvidence>,
}

/// The report sentence that answers a task.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TaskEvidence {
    pub paragraph_id: NodeId,
    pub section_index: usize,
    pub paragraph_index: usize,
    /// The whole sentence, in the report's words.
    pub sentence: String,
    /// The matched words: character ranges of `sentence`, `[start, end)`.
    pub highlights: Vec<CharRange>,
}

/// Characters `[start, end)` of a text, counted in chars (not bytes).
pub type CharRange = [usize; 2];

/// A report paragraph that addresses an item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub paragraph: ParagraphRef,
    /// The phrases it shares with the item.
    pub phrases: Vec<String>,
    /// Share of the item's weight found in it, 0–1.
    pub score: f64,
    /// Whether the user confirmed it.
    pub confirmed: bool,
    /// The sentences that hold the matches: character ranges of the paragraph's text.
    pub sentences: Vec<CharRange>,
    /// The matched words: character ranges of the paragraph's text.
    pub highlights: Vec<CharRange>,
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

/// Words that say what is done, not what it is done to: they never make a match on
/// their own. Boilerplate nouns (习近平法治思想, 法治政府建设) are not listed: whether
/// they tell one item from another depends on the plan ([`Weights`]).
const GENERIC_WORDS: [&str; 45] = [
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
/// A pair found in more than this share of the report's paragraphs, and used by more
/// than one plan item, is boilerplate of this report: it tells no item apart.
const BOILERPLATE_SHARE: f64 = 0.4;
/// A pair found in more than this share of the sentences only extends phrases, unless
/// few items use it; this keeps matching fast on long reports.
const COMMON_SHARE: f64 = 0.1;
/// A pair used by at most this many plan items is what those items are about (a plan
/// names a subject in its own item and perhaps one neighbour): it keeps its weight however
/// often the report says it.
const SPECIFIC_ITEMS: usize = 2;
/// The shortest shared phrase that counts, in characters: two characters are as often
/// a coincidence as a word.
const MIN_PHRASE: usize = 3;
/// A paragraph names an item's subject when its lead (heading and first sentence) holds
/// this share of the title's weight.
const TITLE_NAMED: f64 = 0.5;
/// …and gives an account of it when it has this many Han characters beyond twice the title.
const ACCOUNT_CHARS: usize = 30;
/// A task is answered by a sentence holding this share of its weight: most of what it
/// asks for, named in one sentence, as a reviewer ticks a task off.
const TASK_ANSWERED: f64 = 0.5;
/// A task is touched by a sentence holding this share of its weight: part of what it
/// asks for (one of two things it names).
const TASK_TOUCHED: f64 = 0.25;
/// A paragraph holding this share of an item's weight, with half its tasks answered,
/// covers it.
const MOST_OF_ITEM: f64 = 0.35;
/// A paragraph whose lead holds this share of the title's weight mentions the subject.
const TITLE_PART: f64 = 0.4;
/// A task whose meaning-bearing words weigh less than this share of the item's is a
/// formula (`提升依法行政能力和水平`), not something to report on.
const TASK_WEIGHT: f64 = 0.04;
/// A paragraph holding less than this share of an item's weight is about something
/// else: a short clause it happens to share (提高…满意度) is no account of the item.
const EVIDENCE: f64 = 0.08;
/// Part of a task counts only in a paragraph holding this share of the item's weight:
/// one that addresses part of the item, not one that shares a term or two with it.
const SOME_OF_ITEM: f64 = 0.1;
/// An item found in one paragraph at this share or more is copied from the plan.
const COPIED: f64 = 0.8;
/// Fewer Han characters than this in the achievements parts is not a report.
const SHORT_REPORT: usize = 300;
/// Words of a sentence that says what is lacking or what is still to do, not what was
/// done: reports put these in 存在的不足 and 下一年度安排, but also at the end of a
/// paragraph or in a closing paragraph of the achievements part. Words that also tell
/// achievements (补短板, 加强薄弱环节, 尚未发生败诉) are not listed.
const SHORTCOMING_WORDS: [&str; 9] = [
    "不足",
    "差距",
    "有待",
    "仍需",
    "还需",
    "尚需",
    "认识到",
    "下一步",
    "明年",
];
/// The longest first sentence, in Han characters, that is read as a paragraph's run-in
/// title (`深入推进“放管服”改革。`): a title is a phrase without commas or figures, a
/// sentence of account is longer.
const RUN_IN_TITLE: usize = 25;
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

fn bigram(a: char, b: char) -> Bigram {
    (u64::from(a) << 32) | u64::from(b)
}

/// A text as matching sees it: widths folded, quotes and spaces dropped, citations of
/// the plan dropped, lexicon terms read as their heads. `origin[k]` is the range of
/// characters of the original text that matching character k stands for.
struct MatchText {
    chars: Vec<char>,
    origin: Vec<(u32, u32)>,
    /// Where it holds lexicon heads: words of the domain, whatever their length.
    terms: Vec<Span>,
}

impl MatchText {
    fn new(text: &str, plan_title: &[char], normalizer: &Normalizer) -> MatchText {
        let original: Vec<char> = text.chars().collect();
        let cited = plan_citations(&original, plan_title);
        let mut kept = Vec::with_capacity(original.len());
        let mut at = Vec::with_capacity(original.len());
        let mut citation = cited.iter().peekable();
        for (k, &c) in original.iter().enumerate() {
            while citation.next_if(|r| r.end <= k).is_some() {}
            if citation.peek().is_some_and(|r| r.contains(&k)) {
                continue;
            }
            let c = fold_char(c);
            if !lexicon::is_ignored(c) {
                kept.push(c);
                at.push(k as u32);
            }
        }
        let normalized = normalizer.apply(&kept);
        let origin = normalized
            .origin
            .iter()
            .map(|&(s, e)| (at[s as usize], at[e as usize - 1] + 1))
            .collect();
        MatchText {
            chars: normalized.chars,
            origin,
            terms: normalized.terms,
        }
    }

    /// The original characters that matching characters `span` stand for.
    fn original(&self, span: &Span) -> CharRange {
        [
            self.origin[span.start].0 as usize,
            self.origin[span.end - 1].1 as usize,
        ]
    }
}

/// Where a text cites the plan by its title (`研究部署《…工作要点》`, or the title
/// written out): naming the plan reports on none of its items. Ranges of `text`'s
/// characters; `plan_title` is as matching sees it (without normalization).
fn plan_citations(text: &[char], plan_title: &[char]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < text.len() {
        if text[k] == '《' {
            if let Some(close) = text[k..].iter().take(200).position(|&c| c == '》') {
                let inner: String = text[k + 1..k + close]
                    .iter()
                    .map(|&c| fold_char(c))
                    .filter(|&c| !lexicon::is_ignored(c))
                    .collect();
                let title: String = plan_title.iter().collect();
                let cites_plan = ["工作要点", "工作计划", "实施方案"]
                    .iter()
                    .any(|w| inner.ends_with(w))
                    || (!title.is_empty() && inner.contains(&title));
                if cites_plan {
                    out.push(k..k + close + 1);
                }
                k += close + 1;
                continue;
            }
        }
        let written_out =
            plan_title.len() >= 8 && text[k] == plan_title[0] && text[k..].starts_with(plan_title);
        if written_out {
            out.push(k..k + plan_title.len());
            k += plan_title.len();
        } else {
            k += 1;
        }
    }
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
    /// The heading the paragraph sits under.
    heading: &'a str,
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
            units.push(Unit {
                section_index,
                section,
                paragraph_index,
                id,
                text,
                heading,
                counts,
            });
        }
    }
    units
}

/// Where sentences end: at 。；！？, and before an enumeration (一是, 二是 … 十是) that
/// follows a mark, as a reader takes each 一是 as a point of its own. Ranges of `chars`.
fn sentences(chars: &[char]) -> Vec<Span> {
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let mut out = Vec::new();
    let mut start = 0;
    for k in 0..chars.len() {
        let ends_here = matches!(chars[k], '。' | '；' | ';' | '！' | '？');
        let enumeration_next = k + 2 < chars.len()
            && matches!(chars[k], '，' | '：' | ':' | ',')
            && numeral(chars[k + 1])
            && chars[k + 2] == '是';
        if ends_here || enumeration_next {
            if k + 1 > start {
                out.push(start..k + 1);
            }
            start = k + 1;
        }
    }
    if start < chars.len() {
        out.push(start..chars.len());
    }
    out
}

/// The clauses of a plan text: its sentences cut at commas, each a thing to report on
/// (`做好政府信息主动公开，依法规范办理依申请公开`). Ranges of `chars`, without the
/// marks that end them.
fn clauses(chars: &[char], within: Span) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut start = within.start;
    for k in within.clone() {
        if matches!(chars[k], '，' | ',' | '。' | '；' | ';' | '！' | '？') {
            out.push(start..k);
            start = k + 1;
        }
    }
    out.push(start..within.end);
    out.retain(|span| span.clone().any(|k| is_han(chars[k])));
    out
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
    /// Weight: how well the pair tells one plan item from the others, times its rarity
    /// in the report.
    weight: f64,
    /// Looked up to start a phrase. A pair common in the report that many items use
    /// only extends phrases, which keeps matching fast on long reports.
    looked_up: bool,
    /// Where it occurs in the report's sentences: (sentence, position), sorted.
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
    /// `sentences`: the report's sentences; `sentence_units[s]`: the paragraph of each.
    fn new(
        sentences: &[&[char]],
        sentence_units: &[usize],
        units: usize,
        items: &[Vec<char>],
    ) -> Weights {
        /// Documents holding the pair (a pair counts once per document: the last one
        /// counted is remembered).
        #[derive(Default)]
        struct Frequency {
            in_items: usize,
            last_item: Option<usize>,
            in_units: usize,
            last_unit: Option<usize>,
            in_sentences: usize,
            last_sentence: Option<usize>,
        }
        fn count(n: &mut usize, last: &mut Option<usize>, k: usize) {
            if *last != Some(k) {
                *last = Some(k);
                *n += 1;
            }
        }
        let mut frequencies: FastMap<Bigram, (Frequency, Vec<(u32, u32)>)> = FastMap::default();
        for (k, doc) in items.iter().enumerate() {
            for (_, b) in han_bigrams(doc) {
                let (f, _) = frequencies.entry(b).or_default();
                count(&mut f.in_items, &mut f.last_item, k);
            }
        }
        for (s, doc) in sentences.iter().enumerate() {
            for (pos, b) in han_bigrams(doc) {
                let Some((f, occurrences)) = frequencies.get_mut(&b) else {
                    continue;
                };
                count(&mut f.in_units, &mut f.last_unit, sentence_units[s]);
                count(&mut f.in_sentences, &mut f.last_sentence, s);
                occurrences.push((s as u32, pos as u32));
            }
        }
        let item_count = items.len() as f64;
        let unit_count = units as f64;
        let common_above = (sentences.len() as f64 * COMMON_SHARE).max(3.0);
        let boilerplate = (unit_count * BOILERPLATE_SHARE).max(3.0);
        let specific = SPECIFIC_ITEMS as f64;
        let pairs = frequencies
            .into_iter()
            .map(|(b, (f, occurrences))| {
                let contrast = ((item_count + 1.0) / (f.in_items as f64 + 0.5)).ln();
                let in_units = f.in_units as f64;
                let rarity = if in_units == 0.0 {
                    1.0
                } else {
                    ((unit_count + 1.0) / (in_units + 0.5)).ln() / (unit_count + 1.0).ln()
                };
                let is_specific = f.in_items as f64 <= specific;
                let weight = if in_units > boilerplate && !is_specific {
                    0.0
                } else if is_specific {
                    // What an item is about stays so however often the report says it.
                    contrast * rarity.clamp(0.5, 1.0)
                } else {
                    contrast * rarity.clamp(0.0, 1.0)
                };
                let looked_up = is_specific || f.in_sentences as f64 <= common_above;
                (
                    b,
                    Pair {
                        weight: weight.max(0.0),
                        looked_up,
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

    /// Weight of each bigram position of an item text (position j covers chars j, j+1);
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
                    self.pairs.get(&bigram(a, b)).map_or(0.0, |p| p.weight)
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

/// A phrase an item shares with a sentence: where it is in the item, and where it
/// starts in the sentence (as matched) or, once grouped by paragraph, in the paragraph.
#[derive(Clone)]
struct Phrase {
    item: Span,
    at: usize,
}

/// Shared phrases between an item and every report sentence that has one, grouped by
/// sentence in order.
///
/// Common substrings are followed along diagonals: a match of item bigram j at sentence
/// position pos continues one of bigram j − 1 at pos − 1. Only bigrams of positive
/// weight that are looked up start a phrase; others may continue one (重大行政决策).
/// A phrase needs [`MIN_PHRASE`] characters and positive weight.
fn match_sentences(
    item: &[char],
    terms: &[Span],
    weights: &[f64],
    pairs: &FastMap<Bigram, Pair>,
    sentences: &[&[char]],
) -> Vec<(usize, Vec<Phrase>)> {
    // (sentence, phrase) as found; grouped by sentence at the end.
    let mut found: Vec<(u32, Phrase)> = Vec::new();
    let mut record = |s: u32, end_pos: u32, first: usize, last: usize| {
        // A phrase may begin with a pair that is never looked up (common or of no
        // weight): walk back over characters the item and the sentence share.
        let text = sentences[s as usize];
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
        let span = first..last + 2;
        let too_short = span.len() < MIN_PHRASE && !terms.contains(&span);
        if too_short || !weights[first..last + 1].iter().any(|&w| w > 0.0) {
            return;
        }
        found.push((
            s,
            Phrase {
                item: first..last + 2,
                at: start_pos,
            },
        ));
    };
    // Active diagonals, sorted: (sentence, position of the last matched bigram, first
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
                .filter(|pair| weights[j] > 0.0 && pair.looked_up);
            if let Some(pair) = looked_up {
                let mut before = active.iter().peekable();
                for &(s, pos) in &pair.occurrences {
                    let first = match pos.checked_sub(1) {
                        Some(last) => {
                            while before.next_if(|d| (d.0, d.1) < (s, last)).is_some() {}
                            before
                                .next_if(|d| (d.0, d.1) == (s, last))
                                .map_or(j, |d| d.2)
                        }
                        None => j,
                    };
                    next.push((s, pos, first));
                }
            } else {
                next.extend(active.iter().filter_map(|&(s, pos, first)| {
                    let text = sentences[s as usize];
                    let at = pos as usize + 1;
                    (text.get(at) == Some(&a) && text.get(at + 1) == Some(&b)).then_some((
                        s,
                        pos + 1,
                        first,
                    ))
                }));
            }
        }
        let mut after = next.iter().peekable();
        for &(s, pos, first) in &active {
            while after.next_if(|d| (d.0, d.1) < (s, pos + 1)).is_some() {}
            if after.peek().is_none_or(|d| (d.0, d.1) != (s, pos + 1)) {
                record(s, pos, first, j - 1);
            }
        }
        std::mem::swap(&mut active, &mut next);
    }
    for &(s, pos, first) in &active {
        record(s, pos, first, weights.len() - 1);
    }
    found.sort_by_key(|(s, _)| *s);
    let mut matches: Vec<(usize, Vec<Phrase>)> = Vec::new();
    for (s, phrase) in found {
        match matches.last_mut() {
            Some((last, phrases)) if *last == s as usize => phrases.push(phrase),
            _ => matches.push((s as usize, vec![phrase])),
        }
    }
    matches
}

type Span = std::ops::Range<usize>;

/// Total weight of the item's bigram positions (`weights`) inside any of the phrases at
/// `spans` (character ranges of the item), clipped to `within`.
fn weight_in(spans: impl Iterator<Item = Span>, weights: &[f64], within: &Span) -> f64 {
    // Characters s..e hold the bigrams s..e − 1.
    let mut bigrams: Vec<Span> = spans
        .map(|s| s.start.max(within.start)..(s.end - 1).min(within.end.saturating_sub(1)))
        .filter(|b| b.start < b.end)
        .collect();
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

/// Total weight of the bigrams inside `span` of the item.
fn weight_of(weights: &[f64], span: &Span) -> f64 {
    weights[span.start.min(weights.len())..span.end.saturating_sub(1).min(weights.len())]
        .iter()
        .sum()
}

/// A report sentence: its paragraph and where it is in the paragraph's match text.
struct Sentence {
    unit: usize,
    span: Span,
    /// Whether it reports achievements: in an achievements part, and not a shortcoming
    /// or a plan ([`SHORTCOMING_WORDS`]).
    counts: bool,
}

/// What one paragraph holds of an item.
struct ParagraphMatch {
    unit: usize,
    /// Share of the item's weight.
    share: f64,
    /// Share of the weight of the item's title in the paragraph's lead.
    title_share: f64,
    /// The matches in its sentences: (sentence, phrases).
    sentences: Vec<(usize, Vec<Phrase>)>,
    /// How many of the item's tasks it answers best.
    answers: usize,
    /// How many of the item's tasks it is the best (partial) answer to.
    touches: usize,
}

/// A sentence (or two that follow each other) that answers a task at least in part.
#[derive(Clone)]
struct Candidate {
    /// Share of the task's weight it holds.
    share: f64,
    /// The paragraph match it is in, its first sentence there, and how many it takes.
    k: usize,
    j: usize,
    taken: usize,
    /// Its sentences, as indices of the report's sentences.
    sentences: Span,
}

/// The phrases of a candidate's sentences that fall in `task`.
fn phrases_in<'a>(
    m: &'a ParagraphMatch,
    c: &Candidate,
    task: &'a Span,
) -> impl Iterator<Item = &'a Phrase> + 'a {
    m.sentences[c.j..c.j + c.taken]
        .iter()
        .flat_map(|(_, p)| p)
        .filter(|p| p.item.start < task.end && task.start < p.item.end)
}

/// The two items whose tasks a character of the report answers most (share, item).
#[derive(Clone, Copy)]
struct Claims([(f64, usize); 2]);

impl Default for Claims {
    fn default() -> Claims {
        Claims([(0.0, usize::MAX); 2])
    }
}

impl Claims {
    fn add(&mut self, share: f64, item: usize) {
        let [first, second] = &mut self.0;
        if first.1 == item {
            first.0 = first.0.max(share);
        } else if second.1 == item {
            second.0 = second.0.max(share);
        } else if share > second.0 {
            *second = (share, item);
        }
        if second.0 > first.0 {
            std::mem::swap(first, second);
        }
    }

    /// The most an item other than `item` is answered here.
    fn best_besides(&self, item: usize) -> f64 {
        let [first, second] = self.0;
        if first.1 == item {
            second.0
        } else {
            first.0
        }
    }
}

/// An item's matches, before its status is decided.
struct ItemMatch {
    /// Whether a paragraph of the achievements parts repeats the item nearly whole and
    /// adds little to it.
    copied_verbatim: bool,
    position_weights: Vec<f64>,
    total: f64,
    title_len: usize,
    task_spans: Vec<Span>,
    by_unit: Vec<ParagraphMatch>,
    /// For each task, the sentences of the achievements parts that answer it in part.
    candidates: Vec<Vec<Candidate>>,
    /// A paragraph outside them (shortcomings, next year) that answers a task.
    mentioned_elsewhere: Option<usize>,
}

/// The sentences of the achievements parts holding at least [`TASK_TOUCHED`] of a task's
/// weight: one sentence, or two that follow each other (a task is often told over two).
/// A paragraph outside those parts that would answer it is noted in `elsewhere`.
fn task_candidates(
    terms: &[Span],
    task: &Span,
    by_unit: &[ParagraphMatch],
    report: &Report,
    weights: &[f64],
    elsewhere: &mut Option<usize>,
) -> Vec<Candidate> {
    let task_total = weight_of(weights, task);
    // The task's share found in these phrases; none unless they are anchored by a term
    // of the lexicon, a word of four characters or two of three (two-character words
    // join in only beside those: alone they are as often chance as meaning).
    let share_of = |phrases: &mut dyn Iterator<Item = &Phrase>| {
        let in_task: Vec<&Phrase> = phrases
            .filter(|p| p.item.start < task.end && task.start < p.item.end)
            .collect();
        let lengths = || {
            in_task
                .iter()
                .map(|p| p.item.end.min(task.end) - p.item.start.max(task.start))
        };
        let whole_term = in_task.iter().any(|p| {
            terms
                .iter()
                .any(|t| p.item.start <= t.start && t.end <= p.item.end)
        });
        let anchored =
            whole_term || lengths().any(|n| n >= 4) || lengths().filter(|&n| n >= 3).count() >= 2;
        if anchored {
            ratio(
                weight_in(in_task.into_iter().map(|p| p.item.clone()), weights, task),
                task_total,
            )
        } else {
            0.0
        }
    };
    let mut out = Vec::new();
    for (k, m) in by_unit.iter().enumerate() {
        for j in 0..m.sentences.len() {
            let (s, phrases) = &m.sentences[j];
            let overlaps = |p: &Phrase| p.item.start < task.end && task.start < p.item.end;
            let next_overlaps = m
                .sentences
                .get(j + 1)
                .is_some_and(|(_, more)| more.iter().any(overlaps));
            if !phrases.iter().any(overlaps) && !next_overlaps {
                continue;
            }
            let mut found = vec![(share_of(&mut phrases.iter()), 1)];
            if let Some((next, more)) = m.sentences.get(j + 1).filter(|n| n.0 == s + 1) {
                if next_overlaps && report.sentences[*next].counts {
                    found.push((share_of(&mut phrases.iter().chain(more)), 2));
                }
            }
            for (share, taken) in found {
                if share < TASK_TOUCHED {
                    continue;
                }
                if !report.sentences[*s].counts {
                    if share >= TASK_ANSWERED {
                        elsewhere.get_or_insert(m.unit);
                    }
                    continue;
                }
                out.push(Candidate {
                    share,
                    k,
                    j,
                    taken,
                    sentences: *s..s + taken,
                });
            }
        }
    }
    out
}

/// The report as matching sees it, shared by every item.
struct Report<'a> {
    units: Vec<Unit<'a>>,
    texts: Vec<MatchText>,
    /// Whether each paragraph reports achievements.
    unit_counts: Vec<bool>,
    sentences: Vec<Sentence>,
    /// Bigrams of each paragraph's lead (the heading above and its first sentence), sorted.
    leads: Vec<Vec<Bigram>>,
    /// Han characters of each paragraph.
    han: Vec<usize>,
}

impl<'a> Report<'a> {
    fn new(draft: &'a Draft, plan_title: &[char], normalizer: &Normalizer) -> Report<'a> {
        let units = report_units(draft);
        let texts: Vec<MatchText> = units
            .iter()
            .map(|u| MatchText::new(&u.text, plan_title, normalizer))
            .collect();
        let mut all = Vec::new();
        let mut leads = Vec::with_capacity(units.len());
        let mut unit_counts = Vec::with_capacity(units.len());
        for (k, (unit, text)) in units.iter().zip(&texts).enumerate() {
            let spans = sentences(&text.chars);
            let mut lead = normalizer.apply(&lexicon::matching_key(unit.heading)).chars;
            lead.push('。');
            let first = spans
                .first()
                .map(|s| &text.chars[s.clone()])
                .unwrap_or_default();
            let run_in_title = first.iter().filter(|&&c| is_han(c)).count() <= RUN_IN_TITLE
                && !first
                    .iter()
                    .any(|&c| c.is_ascii_digit() || matches!(c, '，' | ','));
            if run_in_title {
                lead.extend_from_slice(first);
            }
            let mut lead: Vec<Bigram> = han_bigrams(&lead).map(|(_, b)| b).collect();
            lead.sort_unstable();
            leads.push(lead);
            // A paragraph that opens on shortcomings or plans (嘉兴's closing
            // 同时，我们也清醒地认识到……) is not about achievements, whatever its part.
            let counts = unit.counts && !states_shortcoming(first);
            unit_counts.push(counts);
            all.extend(spans.into_iter().map(|span| Sentence {
                unit: k,
                counts: counts && !states_shortcoming(&text.chars[span.clone()]),
                span,
            }));
        }
        let han = texts
            .iter()
            .map(|t| t.chars.iter().filter(|&&c| is_han(c)).count())
            .collect();
        Report {
            units,
            texts,
            unit_counts,
            sentences: all,
            leads,
            han,
        }
    }

    fn sentence_chars(&self, s: usize) -> &[char] {
        let sentence = &self.sentences[s];
        &self.texts[sentence.unit].chars[sentence.span.clone()]
    }

    /// `taken` sentences from `s` in the report's words, with the matched phrases as
    /// ranges of them.
    fn task_evidence(&self, s: usize, taken: usize, phrases: &[Phrase]) -> TaskEvidence {
        let sentence = &self.sentences[s];
        let last = &self.sentences[s + taken - 1];
        let unit = &self.units[sentence.unit];
        let text = &self.texts[sentence.unit];
        let [start, _] = text.original(&sentence.span);
        let [_, end] = text.original(&last.span);
        let highlights = phrases
            .iter()
            .map(|p| {
                let [s, e] = text.original(&(p.at..p.at + p.item.len()));
                [s - start, e - start]
            })
            .collect();
        TaskEvidence {
            paragraph_id: unit.id,
            section_index: unit.section_index,
            paragraph_index: unit.paragraph_index,
            sentence: unit.text.chars().skip(start).take(end - start).collect(),
            highlights: merged(highlights),
        }
    }
}

/// Whether a sentence of the achievements parts holds most of the item's title: its
/// subject named in passing.
fn subject_in_passing(
    matches: &[ParagraphMatch],
    report: &Report,
    weights: &[f64],
    title_len: usize,
) -> bool {
    let title = 0..title_len;
    let title_total = weight_of(weights, &title);
    matches
        .iter()
        .flat_map(|m| &m.sentences)
        .any(|(s, phrases)| {
            report.sentences[*s].counts
                && ratio(
                    weight_in(phrases.iter().map(|p| p.item.clone()), weights, &title),
                    title_total,
                ) >= TITLE_NAMED
        })
}

/// Whether a sentence (as matching sees it) states a shortcoming or a plan.
fn states_shortcoming(sentence: &[char]) -> bool {
    (0..sentence.len()).any(|at| {
        SHORTCOMING_WORDS.iter().any(|w| {
            let mut rest = sentence[at..].iter();
            w.chars().all(|c| rest.next() == Some(&c))
        })
    })
}

/// Adds to a sentence's phrases the two-character words of the item it also holds, in
/// the tasks where it shares a longer phrase: most Chinese words have two characters,
/// and beside such a phrase they count (精简…材料 beside 医疗机构). `words`: where
/// each bigram of positive weight is in the item.
fn add_words(
    phrases: &mut Vec<Phrase>,
    words: &FastMap<Bigram, Vec<usize>>,
    tasks: &[Span],
    sentence: &[char],
) {
    let found = phrases.len();
    // Only in tasks with a phrase of their own here: words do not anchor on their own.
    let anchored: Vec<&Span> = tasks
        .iter()
        .filter(|t| {
            phrases[..found]
                .iter()
                .any(|p| p.item.start < t.end && t.start < p.item.end)
        })
        .collect();
    if anchored.is_empty() {
        return;
    }
    // A word inside a phrase found already is that phrase: it is not marked twice.
    for (at, b) in han_bigrams(sentence) {
        for &j in words.get(&b).into_iter().flatten() {
            let inside_phrase = phrases[..found]
                .iter()
                .any(|p| p.item.start <= j && j + 2 <= p.item.end);
            if !inside_phrase && anchored.iter().any(|t| t.start <= j && j + 2 <= t.end) {
                phrases.push(Phrase { item: j..j + 2, at });
            }
        }
    }
}

/// Ranges sorted and overlapping ones merged.
fn merged(mut ranges: Vec<CharRange>) -> Vec<CharRange> {
    ranges.sort_unstable();
    let mut out: Vec<CharRange> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r[0] <= last[1] => last[1] = last[1].max(r[1]),
            _ => out.push(r),
        }
    }
    out
}

/// The lexicon for this plan: the built-in entries and the plan's own terms. A bad
/// line of the plan's terms is named in a warning and the built-in lexicon used alone.
fn normalizer(state: &PlanState, warnings: &mut Vec<String>) -> Normalizer {
    let builtin = lexicon::builtin();
    if state.plan.terms.is_empty() {
        return Normalizer::new(builtin);
    }
    match lexicon::parse_lines(&state.plan.terms) {
        Ok(own) => Normalizer::new(builtin.iter().chain(&own)),
        Err(err) => {
            warnings.push(format!("计划附带的词表有误，未使用：{err}"));
            Normalizer::new(builtin)
        }
    }
}

/// Coverage of every item of the plan in the draft, with the user's decisions applied.
///
/// An item is covered when every task is answered by a sentence of the achievements
/// parts, or when a paragraph there names its subject (at least [`TITLE_NAMED`] of its
/// title's weight in its lead), gives an account of it and half its tasks are answered.
/// It is partial when some task is answered or a paragraph's lead names part of its
/// title; missing otherwise.
pub fn compute(draft: &Draft, state: &PlanState) -> CoverageReport {
    let plan = &state.plan;
    let mut warnings = Vec::new();
    let normalizer = normalizer(state, &mut warnings);
    let plan_title = lexicon::matching_key(&plan.title);
    let report = Report::new(draft, &plan_title, &normalizer);
    let units = &report.units;
    let items_text: Vec<MatchText> = plan
        .items
        .iter()
        .map(|i| MatchText::new(&i.text(), &[], &normalizer))
        .collect();
    let item_titles: Vec<usize> = plan
        .items
        .iter()
        .zip(&items_text)
        .map(|(i, text)| {
            let title_end = i.title.chars().count() as u32;
            text.origin.iter().take_while(|o| o.0 < title_end).count()
        })
        .collect();
    let sentence_chars: Vec<&[char]> = (0..report.sentences.len())
        .map(|s| report.sentence_chars(s))
        .collect();
    let sentence_units: Vec<usize> = report.sentences.iter().map(|s| s.unit).collect();
    let item_chars: Vec<Vec<char>> = items_text.iter().map(|t| t.chars.clone()).collect();
    let weights = Weights::new(&sentence_chars, &sentence_units, units.len(), &item_chars);

    // A report of another year reports on none of this plan's items, whatever topics
    // they share (shared/docs/annual-report.md section 6); the summary says why.
    let wrong_year = plan.year.is_some_and(|y| y != draft.report_year);
    let mut items = Vec::with_capacity(plan.items.len());
    let mut matched_units = vec![false; units.len()];
    // First every item's matches and the sentences that could answer each task, then
    // (knowing which sentences answer which items) the statuses.
    let mut matches: Vec<ItemMatch> = Vec::with_capacity(plan.items.len());
    for (i, item) in plan.items.iter().enumerate() {
        let decision = state.decision(item);
        let chars = &item_chars[i];
        let position_weights = weights.positions(chars);
        let whole = 0..chars.len();
        let total = weight_of(&position_weights, &whole);
        let title_len = item_titles[i].min(chars.len());
        let title_positions = title_len.saturating_sub(1).min(position_weights.len());
        // The title names the subject; the body, when there is one, says what to do.
        let body = (title_len + 1).min(chars.len())..chars.len();
        let meaningful = |t: &Span| weight_of(&position_weights, t) >= TASK_WEIGHT * total;
        let mut task_spans: Vec<Span> = clauses(chars, body)
            .into_iter()
            .filter(meaningful)
            .collect();
        if task_spans.is_empty() {
            task_spans = clauses(chars, 0..title_len)
                .into_iter()
                .filter(meaningful)
                .collect();
        }

        let mut words: FastMap<Bigram, Vec<usize>> = FastMap::default();
        for (j, b) in han_bigrams(chars) {
            if position_weights[j] > 0.0 {
                words.entry(b).or_default().push(j);
            }
        }
        // Matches by paragraph, sentences in order; rejected paragraphs left out.
        let mut by_unit: Vec<ParagraphMatch> = Vec::new();
        for (s, phrases) in match_sentences(
            chars,
            &items_text[i].terms,
            &position_weights,
            &weights.pairs,
            &sentence_chars,
        ) {
            let unit = report.sentences[s].unit;
            if decision.is_some_and(|d| d.rejected.contains(&units[unit].id)) {
                continue;
            }
            let offset = report.sentences[s].span.start;
            let mut phrases = phrases;
            phrases.iter_mut().for_each(|p| p.at += offset);
            match by_unit.last_mut() {
                Some(m) if m.unit == unit => m.sentences.push((s, phrases)),
                _ => by_unit.push(ParagraphMatch {
                    unit,
                    share: 0.0,
                    title_share: title_share_in(
                        &report.leads[unit],
                        &chars[..title_len],
                        &position_weights[..title_positions],
                    ),
                    sentences: vec![(s, phrases)],
                    answers: 0,
                    touches: 0,
                }),
            }
        }
        let share_of = |m: &ParagraphMatch| {
            let spans = m
                .sentences
                .iter()
                .flat_map(|(_, p)| p.iter().map(|p| p.item.clone()));
            ratio(weight_in(spans, &position_weights, &whole), total)
        };
        // Paragraphs that share only a phrase or two with the item are left out before
        // words are added (the costly part on long reports): words at most double what
        // the phrases hold, and a paragraph needs [`EVIDENCE`] to answer anything.
        by_unit.retain(|m| share_of(m) >= EVIDENCE / 2.0 || m.title_share >= TITLE_PART);
        for m in &mut by_unit {
            for (s, phrases) in &mut m.sentences {
                let offset = report.sentences[*s].span.start;
                let found = phrases.len();
                add_words(phrases, &words, &task_spans, sentence_chars[*s]);
                phrases[found..].iter_mut().for_each(|p| p.at += offset);
            }
            m.share = share_of(m);
        }

        let mut mentioned_elsewhere: Option<usize> = None;
        let candidates: Vec<Vec<Candidate>> = task_spans
            .iter()
            .map(|task| {
                task_candidates(
                    &items_text[i].terms,
                    task,
                    &by_unit,
                    &report,
                    &position_weights,
                    &mut mentioned_elsewhere,
                )
            })
            .collect();
        // Nothing added: the paragraph is little longer than the item.
        let item_han = chars.iter().filter(|&&c| is_han(c)).count();
        let copied_verbatim = by_unit.iter().any(|m| {
            report.unit_counts[m.unit]
                && m.share >= COPIED
                && 2 * report.han[m.unit] <= 3 * item_han
        });
        matches.push(ItemMatch {
            copied_verbatim,
            position_weights,
            total,
            title_len,
            task_spans,
            by_unit,
            candidates,
            mentioned_elsewhere,
        });
    }
    // For each character of each paragraph, the items whose tasks its words answer at
    // least in part, and how much.
    let mut claimed: Vec<Vec<Claims>> = vec![Vec::new(); units.len()];
    for (i, m) in matches.iter().enumerate() {
        for (task, candidates) in m.task_spans.iter().zip(&m.candidates) {
            for c in candidates {
                let unit = m.by_unit[c.k].unit;
                let claims = &mut claimed[unit];
                if claims.is_empty() {
                    *claims = vec![Claims::default(); report.texts[unit].chars.len()];
                }
                for p in phrases_in(&m.by_unit[c.k], c, task) {
                    for at in p.at..(p.at + p.item.len()).min(claims.len()) {
                        claims[at].add(c.share, i);
                    }
                }
            }
        }
    }
    // A "report" that repeats most of the plan's items nearly word for word is the plan
    // itself (or a copy of it): repeating an item says nothing of what was done.
    let copied_items = matches.iter().filter(|m| m.copied_verbatim).count();
    let the_plan_itself = copied_items >= 3 && 2 * copied_items >= matches.len();
    for ((i, item), m) in plan.items.iter().enumerate().zip(matches) {
        let decision = state.decision(item);
        let ItemMatch {
            copied_verbatim,
            position_weights,
            total,
            title_len,
            task_spans,
            mut by_unit,
            candidates,
            mentioned_elsewhere,
        } = m;
        let whole = 0..item_chars[i].len();
        // Each task's best sentence. Part of a task counts only when its words are not
        // all words that answer more of another item there: those are a phrase shared
        // with another subject (法治保障 in a sentence on 亚运), not an account of this one.
        let mut task_results: Vec<TaskCoverage> = Vec::with_capacity(task_spans.len());
        let mut candidate_units: Vec<usize> = Vec::new();
        for (task, candidates) in task_spans.iter().zip(candidates) {
            let best = candidates
                .into_iter()
                .filter(|c| by_unit[c.k].share >= EVIDENCE)
                .filter(|c| {
                    let unit = by_unit[c.k].unit;
                    let taken_by_another = |p: &Phrase| {
                        (p.at..p.at + p.item.len()).all(|at| {
                            claimed[unit]
                                .get(at)
                                .is_some_and(|cl| cl.best_besides(i) > c.share)
                        })
                    };
                    c.share >= TASK_ANSWERED
                        || by_unit[c.k].share >= SOME_OF_ITEM
                            && !phrases_in(&by_unit[c.k], c, task)
                                .filter(|p| p.item.len() >= MIN_PHRASE)
                                .all(taken_by_another)
                })
                .inspect(|c| candidate_units.push(c.k))
                // Two sentences must hold clearly more than one to be preferred to it.
                .max_by(|a, b| {
                    let value = |c: &Candidate| c.share / (1.0 + 0.2 * (c.taken - 1) as f64);
                    value(a)
                        .total_cmp(&value(b))
                        .then(b.sentences.start.cmp(&a.sentences.start))
                });
            let text = original_text(&item.text(), &items_text[i], task);
            match best {
                Some(Candidate {
                    share, k, j, taken, ..
                }) => {
                    let status = if share >= TASK_ANSWERED {
                        by_unit[k].answers += 1;
                        Status::Covered
                    } else {
                        by_unit[k].touches += 1;
                        Status::Partial
                    };
                    let sentences = &by_unit[k].sentences[j..j + taken];
                    let in_task: Vec<Phrase> = sentences
                        .iter()
                        .flat_map(|(_, p)| p)
                        .filter(|p| p.item.start < task.end && task.start < p.item.end)
                        .cloned()
                        .collect();
                    task_results.push(TaskCoverage {
                        text,
                        status,
                        evidence: Some(report.task_evidence(sentences[0].0, taken, &in_task)),
                    });
                }
                None => task_results.push(TaskCoverage {
                    text,
                    status: Status::Missing,
                    evidence: None,
                }),
            }
        }

        let mut found: Vec<&ParagraphMatch> = by_unit
            .iter()
            .enumerate()
            .filter(|(k, m)| {
                report.unit_counts[m.unit]
                    && (candidate_units.contains(k) || m.title_share >= TITLE_PART)
            })
            .map(|(_, m)| m)
            .collect();
        found.sort_by(|a, b| {
            b.answers
                .cmp(&a.answers)
                .then(b.touches.cmp(&a.touches))
                .then(b.share.total_cmp(&a.share))
                .then(a.unit.cmp(&b.unit))
        });
        let gives_account =
            |m: &ParagraphMatch| report.han[m.unit] >= 2 * title_len + ACCOUNT_CHARS;
        let named = found
            .iter()
            .find(|m| m.title_share >= TITLE_NAMED && gives_account(m));
        let best_title = found.iter().map(|m| m.title_share).fold(0.0, f64::max);
        // A clause that is a numeric target (`参考率、合格率达到100%`) is checked as a
        // target; the item's status follows its other tasks, when it has any.
        let is_target: Vec<bool> = task_results
            .iter()
            .map(|t| !crate::plan_items::extract_targets(&t.text).is_empty())
            .collect();
        let counted: Vec<&TaskCoverage> = if is_target.iter().all(|&t| t) {
            task_results.iter().collect()
        } else {
            task_results
                .iter()
                .zip(&is_target)
                .filter(|(_, &t)| !t)
                .map(|(t, _)| t)
                .collect()
        };
        let task_count = counted.len();
        let answered = counted
            .iter()
            .filter(|t| t.status == Status::Covered)
            .count();
        let touched = counted
            .iter()
            .filter(|t| t.status == Status::Partial)
            .count();
        let copied = found.first().is_some_and(|m| {
            m.share >= COPIED && !report.units[m.unit].text.contains(char::is_numeric)
        });
        let best_share = found.iter().map(|m| m.share).fold(0.0, f64::max);
        let mut computed = if wrong_year || (the_plan_itself && copied_verbatim) {
            Status::Missing
        } else if task_count > 0
            && (answered == task_count
                || named.is_some()
                || (best_share >= MOST_OF_ITEM && 2 * answered + touched >= task_count))
        {
            Status::Covered
        } else if answered > 0
            || best_title >= TITLE_PART
            || touched > 0
            || subject_in_passing(&by_unit, &report, &position_weights, title_len)
        {
            Status::Partial
        } else {
            Status::Missing
        };
        let all_spans = found
            .iter()
            .flat_map(|m| m.sentences.iter())
            .flat_map(|(_, p)| p.iter().map(|p| p.item.clone()));
        let score = ratio(weight_in(all_spans, &position_weights, &whole), total);

        // Every paragraph that answers a task is shown (deleting or rejecting them all
        // must leave the item uncovered), others up to [`MAX_EVIDENCE`].
        let shown = found
            .iter()
            .take_while(|m| m.answers + m.touches > 0)
            .count()
            .max(MAX_EVIDENCE);
        let mut evidence: Vec<Evidence> = found
            .iter()
            .take(shown)
            .map(|m| paragraph_evidence(&report, m))
            .collect();
        // The paragraph of each piece of evidence, in the same order.
        let mut evidence_units: Vec<usize> = found.iter().take(shown).map(|m| m.unit).collect();
        if let Some(decision) = decision {
            for &id in &decision.confirmed {
                match evidence.iter_mut().find(|e| e.paragraph.paragraph_id == id) {
                    Some(e) => e.confirmed = true,
                    None => {
                        if let Some(unit) = units.iter().position(|u| u.id == id) {
                            evidence_units.insert(0, unit);
                            evidence.insert(
                                0,
                                Evidence {
                                    paragraph: units[unit].to_ref(),
                                    phrases: Vec::new(),
                                    score: 0.0,
                                    confirmed: true,
                                    sentences: Vec::new(),
                                    highlights: Vec::new(),
                                },
                            );
                        }
                    }
                }
            }
        }
        let user_confirmed = evidence.iter().any(|e| e.confirmed);
        if user_confirmed {
            computed = Status::Covered;
        }
        for &unit in &evidence_units {
            matched_units[unit] = true;
        }
        let evidence_texts: Vec<&[char]> = evidence_units
            .iter()
            .map(|&unit| report.texts[unit].chars.as_slice())
            .collect();
        let targets: Vec<TargetCheck> = item
            .targets
            .iter()
            .map(|t| check_target(t, &evidence_texts, &normalizer))
            .collect();
        let explanation = if user_confirmed {
            "已人工确认证据段落".to_string()
        } else if wrong_year {
            format!(
                "报告是{}年的，与计划年度不一致，不能说明计划条目的完成情况",
                draft.report_year
            )
        } else if the_plan_itself && copied_verbatim {
            "报告中此项与计划原文几乎相同，没有写做了什么、成效如何".to_string()
        } else {
            explain(
                computed,
                &task_results,
                named.map(|m| &units[m.unit]),
                mentioned_elsewhere.map(|u| &units[u]),
            )
        };
        let status = decision.and_then(|d| d.status).unwrap_or(computed);
        let mut hints = Vec::new();
        if status == Status::Covered
            && targets
                .iter()
                .any(|t| t.outcome == TargetOutcome::NotReported)
        {
            hints.push("指标未报告".to_string());
        }
        if copied && status != Status::Missing {
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
            tasks: task_results,
            explanation,
        });
    }
    let achievement_han: usize = units
        .iter()
        .zip(&report.han)
        .filter(|(u, _)| u.counts)
        .map(|(_, &n)| n)
        .sum();
    if the_plan_itself {
        warnings.push(format!(
            "报告中有{copied_items}项条目与计划原文几乎相同：导入的可能是计划本身而不是报告，照抄的条目按未覆盖计"
        ));
    } else if !items.is_empty() && achievement_han < SHORT_REPORT {
        warnings.push(format!(
            "报告正文只有{achievement_han}个汉字，不像一份完整的年度报告：覆盖情况仅供参考"
        ));
    }
    let summary = summarize(draft, state, &items, &report, &matched_units, warnings);
    CoverageReport { items, summary }
}

/// The plan's own words for a span of its match text.
fn original_text(text: &str, matched: &MatchText, span: &Span) -> String {
    let [start, end] = matched.original(span);
    text.chars().skip(start).take(end - start).collect()
}

/// A paragraph as evidence: its sentences that hold matches and the matched words.
fn paragraph_evidence(report: &Report, m: &ParagraphMatch) -> Evidence {
    let text = &report.texts[m.unit];
    let mut sentences = Vec::new();
    let mut highlights = Vec::new();
    let mut phrases: Vec<String> = Vec::new();
    let paragraph: Vec<char> = report.units[m.unit].text.chars().collect();
    for (s, found) in &m.sentences {
        let span = &report.sentences[*s].span;
        sentences.push(text.original(span));
        for p in found {
            let range = text.original(&(p.at..p.at + p.item.len()));
            highlights.push(range);
            let words: String = paragraph[range[0]..range[1]].iter().collect();
            if !phrases.contains(&words) {
                phrases.push(words);
            }
        }
    }
    Evidence {
        paragraph: report.units[m.unit].to_ref(),
        phrases,
        score: round2(m.share),
        confirmed: false,
        sentences,
        highlights: merged(highlights),
    }
}

/// The first `n` characters of a text, with an ellipsis when cut.
fn clip(text: &str, n: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(n).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// Where a paragraph is, as a clerk finds it.
fn where_is(unit: &Unit) -> String {
    let section = if unit.section.title.is_empty() {
        "导语".to_string()
    } else {
        clip(&unit.section.title, 12)
    };
    format!("“{section}”第{}段", unit.paragraph_index + 1)
}

/// Why an item has its status, in a sentence a clerk can check against the report.
fn explain(
    status: Status,
    tasks: &[TaskCoverage],
    named: Option<&Unit>,
    elsewhere: Option<&Unit>,
) -> String {
    let answered = tasks.iter().filter(|t| t.status == Status::Covered).count();
    let unanswered: Vec<String> = tasks
        .iter()
        .filter(|t| t.status != Status::Covered)
        .take(3)
        .map(|t| format!("“{}”", clip(&t.text, 16)))
        .collect();
    let more = if tasks.len() - answered > 3 {
        "等"
    } else {
        ""
    };
    match status {
        Status::Covered if answered == tasks.len() => {
            format!("{}项任务均有叙述", tasks.len())
        }
        Status::Covered => format!(
            "{}，{}项任务写到{answered}项；未写到{}{more}",
            named.map_or_else(
                || "报告有较完整的叙述".to_string(),
                |unit| format!("{}专门叙述此项", where_is(unit))
            ),
            tasks.len(),
            unanswered.join("")
        ),
        Status::Partial if answered == 0 => {
            format!("报告只顺带提到此项，{}项任务都未写到", tasks.len())
        }
        Status::Partial => format!(
            "{}项任务写到{answered}项；未写到{}{more}",
            tasks.len(),
            unanswered.join("")
        ),
        _ => match elsewhere {
            Some(unit) => format!("只在{}提到，主要举措和成效部分没有叙述", where_is(unit)),
            None if tasks.is_empty() => "条目没有可核对的具体任务".to_string(),
            None => "报告的主要举措和成效部分没有叙述此项".to_string(),
        },
    }
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
    report: &Report,
    matched_units: &[bool],
    mut warnings: Vec<String>,
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
        .map(|i| lexicon::matching_key(&i.title))
        .filter(|t| t.len() >= 4)
        .collect();
    titles.sort_unstable();
    titles.dedup();
    let unmatched = report
        .units
        .iter()
        .zip(matched_units)
        .zip(&report.han)
        .filter(|((u, &matched), &han)| {
            let lead: Vec<char> = lexicon::matching_key(u.heading)
                .into_iter()
                .chain(lexicon::matching_key(
                    u.text.split(['。', '；', ';']).next().unwrap_or_default(),
                ))
                .collect();
            !matched
                && u.counts
                && han >= 20
                && !titles
                    .iter()
                    .any(|t| positions_of(&lead, t).next().is_some())
        })
        .map(|((u, _), _)| u.to_ref())
        .collect();
    match state.plan.year {
        Some(year) if year != draft.report_year => warnings.push(format!(
            "计划年度（{year}年）与报告年度（{}年）不一致：各条目均按未覆盖计，请使用同一年度的工作要点",
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
fn check_target(target: &Target, texts: &[&[char]], normalizer: &Normalizer) -> TargetCheck {
    let not_reported = TargetCheck {
        target: target.clone(),
        outcome: TargetOutcome::NotReported,
        reported: None,
        quote: String::new(),
    };
    let key: Vec<char> = normalizer
        .apply(&lexicon::matching_key(&target.measure))
        .chars;
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
            // Zero needs no unit: 败诉率为0 is 0%.
            let value = digits.trim_end_matches('.').parse::<f64>();
            let unit_ok = target.unit != "%"
                || window.get(start + digits.chars().count()) == Some(&'%')
                || value == Ok(0.0);
            if let (Ok(value), true) = (value, unit_ok) {
                return Some((value, quote()));
            }
        }
        if window.iter().take(3).any(|&c| c == '零') {
            return Some((0.0, quote()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan_items::Comparator;

    #[test]
    fn plan_citations_are_dropped_but_other_titles_stay() {
        let text = "研究部署《临安区卫生健康局2023年法治政府建设工作要点》，贯彻《杭州市优化营商环境条例》。";
        let normalizer = Normalizer::new(&[]);
        let matched = MatchText::new(text, &[], &normalizer);
        let kept: String = matched.chars.iter().collect();
        assert_eq!(kept, "研究部署，贯彻杭州市优化营商环境条例。");
        let title = lexicon::matching_key("临安区卫生健康局2023年法治政府建设工作要点");
        let written_out = MatchText::new(
            "印发临安区卫生健康局2023年法治政府建设工作要点。",
            &title,
            &normalizer,
        );
        assert_eq!(written_out.chars.iter().collect::<String>(), "印发。");
    }

    #[test]
    fn sentences_end_at_marks_and_before_enumerations() {
        let chars: Vec<char> = "全年办案12件，一是查处无证行医；二是整改。三是"
            .chars()
            .collect();
        let found: Vec<String> = sentences(&chars)
            .into_iter()
            .map(|s| chars[s].iter().collect())
            .collect();
        assert_eq!(
            found,
            ["全年办案12件，", "一是查处无证行医；", "二是整改。", "三是"]
        );
    }

    #[test]
    fn clauses_are_cut_at_commas_and_sentence_ends() {
        let chars: Vec<char> =
            "深化减证便民行动，无证明率90%以上。全面推广电子证照应用；推进互通共享"
                .chars()
                .collect();
        let found: Vec<String> = clauses(&chars, 0..chars.len())
            .into_iter()
            .map(|s| chars[s].iter().collect())
            .collect();
        assert_eq!(
            found,
            [
                "深化减证便民行动",
                "无证明率90%以上",
                "全面推广电子证照应用",
                "推进互通共享"
            ]
        );
    }

    #[test]
    fn comparators() {
        assert!(Comparator::AtLeast.holds(100.0, 90.0));
        assert!(!Comparator::Below.holds(6.0, 6.0));
        assert!(Comparator::AtMost.holds(5.0, 5.0));
    }
}
