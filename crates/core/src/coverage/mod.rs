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
//! (or a paragraph is about the item and answers tasks holding half their weight),
//! 部分覆盖 when some are.
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
//! other names. See docs/coverage-lexicon.md; docs/annual-report.md section 3
//! gives the reviewer's rules.

mod explain;
mod matching;
mod naming;
mod report;
mod set_apart;
mod status;
mod studied;
mod summary;
pub mod table;
mod targets;
mod tasks;
mod weights;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::lexicon::{self, Normalizer};
use crate::model::{Draft, NodeId};
use crate::plan_items::{PlanState, Status, Target};

use matching::ItemMatch;
use report::{MatchText, Report};
use weights::Weights;

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

/// Fewer Han characters than this in the achievements parts is not a report.
const SHORT_REPORT: usize = 300;
type Span = std::ops::Range<usize>;

/// `words` in `text`, as a span of its characters: tests write tasks and phrases as text.
#[cfg(test)]
fn span_of(text: &[char], words: &str) -> Span {
    let words: Vec<char> = words.chars().collect();
    let start = targets::positions_of(text, &words)
        .next()
        .expect("the words are in the text");
    start..start + words.len()
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
fn normalizer(state: &PlanState, warnings: &mut Vec<String>) -> Cow<'static, Normalizer> {
    if state.plan.terms.is_empty() {
        return Cow::Borrowed(lexicon::builtin_normalizer());
    }
    match lexicon::parse_lines(&state.plan.terms) {
        Ok(own) => Cow::Owned(Normalizer::new(lexicon::builtin().iter().chain(&own))),
        Err(err) => {
            warnings.push(format!("计划附带的词表有误，未使用：{err}"));
            Cow::Borrowed(lexicon::builtin_normalizer())
        }
    }
}

fn ratio(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        (part / whole).min(1.0)
    } else {
        0.0
    }
}

/// For each item, where it holds a lexicon head that no other item of the plan holds and
/// the plan's title does not: the domain term that tells it from the others (出庭应诉,
/// 公众参与), as a reviewer recognises the item from that term said in passing, in a
/// paragraph about something else. A head several items share (卫生健康) tells none.
fn own_terms(items: &[MatchText], plan_title: &MatchText) -> Vec<Vec<Span>> {
    fn head<'t>(text: &'t MatchText, t: &Span) -> &'t [char] {
        &text.chars[t.clone()]
    }
    // Per head: how many items hold it, and the last one counted (an item holding a head
    // twice counts once; no sort of the heads, whose instantiation weighed KBs).
    let mut holders: lexicon::FastMap<&[char], (usize, usize)> = lexicon::FastMap::default();
    for (k, text) in items.iter().enumerate() {
        for t in &text.terms {
            let (count, last) = holders.entry(head(text, t)).or_insert((0, usize::MAX));
            if *last != k {
                *last = k;
                *count += 1;
            }
        }
    }
    for t in &plan_title.terms {
        holders
            .entry(head(plan_title, t))
            .or_insert((0, usize::MAX))
            .0 += 2;
    }
    items
        .iter()
        .map(|text| {
            text.terms
                .iter()
                .filter(|t| {
                    holders
                        .get(&head(text, t))
                        .is_some_and(|&(count, _)| count == 1)
                })
                .cloned()
                .collect()
        })
        .collect()
}

/// Two decimals; `+ 0.0` turns the −0.0 of an empty float sum into 0.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0 + 0.0
}

/// Coverage of every item of the plan in the draft, with the user's decisions applied.
///
/// An item is covered when every task is answered by a sentence of the achievements
/// parts, when a paragraph there names its subject (most of its title's weight in its
/// lead) and gives an account of it, or when a paragraph holds most of the item and the
/// tasks answered or told in other words hold half the weight of its tasks (a task
/// weighs what its words tell the item from the plan's other items; a numeric target
/// the report answers counts as a task, and so does one that sets an amount of work
/// the report is silent on, as a task undone). It is partial
/// when some task or numeric target is answered, a paragraph's lead names part of its
/// title, or part of a task is told in a sentence that names the item's subject or
/// gives a figure for the words it shares (or parts of two tasks are), a lexicon term
/// no other item holds counting wherever it is said ([`own_terms`]); missing
/// otherwise ([`status::decide`]). Words shared with the report alone do not make an
/// item partial, nor does a unit's name the task only mentions (会同…中心开展…).
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
    let own_terms = own_terms(&items_text, &MatchText::new(&plan.title, &[], &normalizer));
    let weights = Weights::new(&sentence_chars, &sentence_units, units.len(), &item_chars);

    // First every item's matches and the sentences that could answer each task, then
    // (knowing which sentences answer which items) the statuses.
    let mut slots = matching::WordSlots::new(&weights);
    let matches: Vec<ItemMatch> = plan
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            matching::match_item(
                matching::ItemWords {
                    chars: &item_chars[i],
                    terms: &items_text[i].terms,
                    own_terms: &own_terms[i],
                },
                item_titles[i],
                state.decision(item),
                &report,
                &weights,
                &sentence_chars,
                &mut slots,
            )
        })
        .collect();
    let claimed = matching::claims(&matches, &report);
    // A "report" that repeats most of the plan's items nearly word for word is the plan
    // itself (or a copy of it): repeating an item says nothing of what was done.
    let copied_items = matches.iter().filter(|m| m.copied_verbatim).count();
    let the_plan_itself = copied_items >= 3 && 2 * copied_items >= matches.len();
    let context = status::Context {
        report: &report,
        claimed: &claimed,
        normalizer: &normalizer,
        weights: &weights,
        // A report of another year reports on none of this plan's items, whatever
        // topics they share (docs/annual-report.md section 3); the summary says why.
        wrong_year: plan.year.is_some_and(|y| y != draft.report_year),
        the_plan_itself,
        report_year: draft.report_year,
    };
    let mut matched_units = vec![false; units.len()];
    let items: Vec<ItemCoverage> = plan
        .items
        .iter()
        .enumerate()
        .zip(matches)
        .map(|((i, item), m)| {
            let decision = state.decision(item);
            status::decide(
                &context,
                i,
                item,
                &items_text[i],
                decision,
                m,
                &mut matched_units,
            )
        })
        .collect();
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
    let summary = summary::summarize(draft, state, &items, &report, &matched_units, warnings);
    CoverageReport { items, summary }
}
