//! The sentences that could answer each task of an item: one sentence, or two that
//! follow each other, holding enough of the task's weight, with what their phrases name.

use std::borrow::Cow;
use std::cell::RefCell;

use crate::lexicon::FastMap;

use super::matching::{ItemWords, ParagraphMatch, Phrase, OWN_WORDS, TASK_ANSWERED, TASK_TOUCHED};
use super::naming::{listed_things, names_a_member, names_a_unit, qualifies_a_unit, VERB_CHARS};
use super::report::Report;
use super::weights::{weight_in, weight_of};
use super::{ratio, Span};

/// A sentence (or two that follow each other) that answers a task at least in part.
#[derive(Clone)]
pub(super) struct Candidate {
    /// Share of the task's weight it holds.
    pub(super) share: f64,
    /// The paragraph match it is in, its first sentence there, and how many it takes.
    pub(super) k: usize,
    pub(super) j: usize,
    pub(super) taken: usize,
    /// Its sentences, as indices of the report's sentences.
    pub(super) sentences: Span,
    /// It touches the task without telling it: it holds much of the task's weight but
    /// none of the task's own words (those not in the title or another task), its share
    /// cut to [`TASK_TOUCHED`]; or too little of it but for an item's own term the task
    /// shares with the title or another task, its share raised to [`TASK_TOUCHED`].
    pub(super) misses_own_words: bool,
    /// Its words in the task hold a term no other item holds ([`super::own_terms`]).
    pub(super) names_own_term: bool,
}

/// The phrases of a candidate's sentences that fall in `task`.
pub(super) fn phrases_in<'a>(
    m: &'a ParagraphMatch,
    c: &Candidate,
    task: &'a Span,
) -> impl Iterator<Item = &'a Phrase> + 'a {
    m.sentences[c.j..c.j + c.taken]
        .iter()
        .flat_map(|(_, p)| p)
        .filter(|p| p.item.start < task.end && task.start < p.item.end)
}

/// An item's paragraph matches as its tasks are looked for in them.
pub(super) struct Paragraphs<'a> {
    pub(super) by_unit: &'a [ParagraphMatch],
    /// The phrases of each of their sentences that name work ([`super::naming::names_no_work`]).
    pub(super) naming_work: &'a [Vec<Cow<'a, [Phrase]>>],
    pub(super) unit_words: &'a UnitWords<'a>,
}

/// Whether the item's words at a span name a unit or say which one ([`names_a_unit`],
/// [`qualifies_a_unit`]), remembered by span: an item's phrase is asked about in every
/// sentence and for every task that holds it, and the answer depends on the item's
/// words alone.
pub(super) struct UnitWords<'a> {
    chars: &'a [char],
    known: RefCell<FastMap<(u32, u32), bool>>,
}

impl<'a> UnitWords<'a> {
    pub(super) fn new(chars: &'a [char]) -> UnitWords<'a> {
        UnitWords {
            chars,
            known: RefCell::default(),
        }
    }

    fn of(&self, span: &Span) -> bool {
        *self
            .known
            .borrow_mut()
            .entry((span.start as u32, span.end as u32))
            .or_insert_with(|| names_a_unit(self.chars, span) || qualifies_a_unit(self.chars, span))
    }
}

/// Where the report tells a task outside its achievements (in its shortcomings or next
/// year's plans).
#[derive(Default)]
pub(super) struct Elsewhere {
    /// The first paragraph there that would answer the task ([`TASK_ANSWERED`]).
    pub(super) answered: Option<usize>,
    /// Whether a sentence there holds [`TASK_PLACED`] of it: enough to say the report
    /// places the task there (医疗责任保险覆盖面不广 for 推动…医疗责任保险全覆盖), not
    /// enough to say the item is told only there.
    pub(super) placed: bool,
    /// The largest share of the task a sentence there holds.
    pub(super) best: f64,
}

/// The share of a task's weight a sentence outside the achievements holds for the
/// report to place the task there.
const TASK_PLACED: f64 = 0.4;

/// The sentences of the achievements parts holding at least [`TASK_TOUCHED`] of a task's
/// weight: one sentence, or two that follow each other (a task is often told over two).
/// Paragraphs outside those parts that tell it are noted in `elsewhere`.
pub(super) fn task_candidates(
    item: ItemWords,
    task: &Span,
    paragraphs: Paragraphs,
    report: &Report,
    weights: &[f64],
    own_weights: &[f64],
    elsewhere: &mut Elsewhere,
) -> Vec<Candidate> {
    let ItemWords {
        chars,
        terms,
        own_terms,
    } = item;
    let Paragraphs {
        by_unit,
        naming_work,
        unit_words,
    } = paragraphs;
    let task_total = weight_of(weights, task);
    // A task that has words of its own (清理 in 开展行政规范性文件全面清理, beside the
    // 规范性文件 of the item's other tasks) is answered only where some of them are.
    let own_total = weight_of(own_weights, task);
    let has_own_words = own_total >= OWN_WORDS * task_total;
    // The task's share found in these phrases, and whether it was cut for missing the
    // task's own words; none unless they are anchored by a term of the lexicon, a word
    // of four characters or two of three (two-character words join in only beside
    // those: alone they are as often chance as meaning).
    // The item's own terms in this task: those that are words of the task's own, and
    // those it shares with the item's title or another task (法律顾问 of 发挥法律顾问作用:
    // 局机关和…法律顾问全覆盖).
    let (own_terms_here, shared_terms_here): (Vec<&Span>, Vec<&Span>) = own_terms
        .iter()
        .filter(|t| task.start <= t.start && t.end <= task.end)
        .partition(|t| weight_of(own_weights, t) > 0.0);
    let listed = listed_things(chars, terms, task);
    // `first` and `second`: the phrases of one sentence and of the next that fall in
    // the task, gathered once per sentence ([`in_task_of`]): each question below walks
    // them again.
    let share_of = |first: &[&Phrase], second: &[&Phrase], unit: usize| {
        let in_task = || first.iter().chain(second).copied();
        // A unit's name anchors only when the task is the unit itself, its name whole
        // (调整…领导小组): not a partner (会同…中心开展…), nor the end of another unit's
        // name (…安全生产工作领导小组 for …依法行政工作领导小组), nor the words that
        // say which unit without its ending (法治政府建设 of 法治政府建设领导小组 names
        // the report's subject, not the group).
        let anchors = |p: &Phrase| {
            p.item.end >= task.end && p.item.start <= task.start + VERB_CHARS
                || !unit_words.of(&p.item)
        };
        // Lengths of the phrases of three characters or more that anchor (shorter ones
        // never do: the unit checks are not asked for them).
        let lengths = || {
            in_task()
                .map(|p| (p, p.item.end.min(task.end) - p.item.start.max(task.start)))
                .filter(|&(p, n)| n >= 3 && anchors(p))
                .map(|(_, n)| n)
        };
        let whole_term = in_task().any(|p| {
            terms
                .iter()
                .any(|t| p.item.start <= t.start && t.end <= p.item.end)
        });
        // A phrase of four characters, or a second one of three (one pass: the unit
        // checks are the costly part).
        let mut threes = 0;
        let anchored = whole_term
            || lengths().any(|n| {
                threes += 1;
                n >= 4 || threes >= 2
            });
        if anchored {
            // A term inside a longer thing of the task's list, not at its end (医保 of 准入、
            // 医保定点、职称评审), names that thing: a phrase holding the term and not
            // going on past it (医保报销 in a sentence on 腐败整治) names another.
            let names_one_of = |here: &[&Span]| {
                whole_term
                    && in_task().any(|p| {
                        let whole_thing = |t: &&Span| {
                            listed
                                .iter()
                                .find(|m| m.start <= t.start && t.end <= m.end)
                                .is_none_or(|m| m.end == t.end || p.item.end > t.end)
                        };
                        holds_a_term_alone(
                            report,
                            unit,
                            p,
                            here.iter().copied().filter(whole_thing),
                        )
                    })
            };
            let names_own_term = names_one_of(&own_terms_here);
            let share = ratio(
                weight_in(in_task().map(|p| p.item.clone()), weights, task),
                task_total,
            );
            let misses_own_words = || {
                has_own_words
                    && weight_in(in_task().map(|p| p.item.clone()), own_weights, task) == 0.0
            };
            if share > TASK_TOUCHED && misses_own_words() {
                (
                    TASK_TOUCHED,
                    true,
                    names_own_term || names_one_of(&shared_terms_here),
                )
            } else if names_own_term {
                // The term the item alone holds touches its task, however little of
                // a long task it is (公众参与 of a list of five procedures).
                (share.max(TASK_TOUCHED), false, true)
            } else if share < TASK_TOUCHED && names_one_of(&shared_terms_here) {
                // The item named by its own term, one the task shares with its title or
                // another task, touches the task (担任局法律顾问, 审查合同19份) but does
                // not tell it: the term is too little of the task (局机关和县人民医院、县中医
                // 医院法律顾问全覆盖) to say the rest was done.
                (TASK_TOUCHED, true, true)
            } else if names_a_member(&listed, terms, own_terms, in_task()) {
                (share.max(TASK_TOUCHED), false, false)
            } else {
                (share, false, false)
            }
        } else {
            (0.0, false, false)
        }
    };
    let mut out = Vec::new();
    // The task's phrases in sentence j and in sentence j + 1 of the paragraph, reused.
    let (mut here, mut next): (Vec<&Phrase>, Vec<&Phrase>) = (Vec::new(), Vec::new());
    for (k, (m, naming_work)) in by_unit.iter().zip(naming_work).enumerate() {
        in_task_of(naming_work.first(), task, &mut next);
        for j in 0..m.sentences.len() {
            let (s, _) = &m.sentences[j];
            std::mem::swap(&mut here, &mut next);
            in_task_of(naming_work.get(j + 1), task, &mut next);
            if here.is_empty() && next.is_empty() {
                continue;
            }
            let with_next = m
                .sentences
                .get(j + 1)
                .filter(|(following, _)| {
                    *following == s + 1 && !next.is_empty() && report.sentences[*following].counts
                })
                .map(|_| (share_of(&here, &next, m.unit), 2));
            for ((share, misses_own_words, names_own_term), taken) in
                std::iter::once((share_of(&here, &[], m.unit), 1)).chain(with_next)
            {
                if share < TASK_TOUCHED {
                    continue;
                }
                if !report.sentences[*s].counts {
                    if share >= TASK_ANSWERED {
                        elsewhere.answered.get_or_insert(m.unit);
                    }
                    elsewhere.placed |= share >= TASK_PLACED;
                    elsewhere.best = elsewhere.best.max(share);
                    continue;
                }
                out.push(Candidate {
                    share,
                    k,
                    j,
                    taken,
                    sentences: *s..s + taken,
                    misses_own_words,
                    names_own_term,
                });
            }
        }
    }
    out
}

/// The phrases of a sentence (`phrases`, none when there is no such sentence) that fall
/// in `task`, in order, into `into`.
fn in_task_of<'a>(phrases: Option<&'a Cow<'a, [Phrase]>>, task: &Span, into: &mut Vec<&'a Phrase>) {
    into.clear();
    into.extend(
        phrases
            .into_iter()
            .flat_map(|p| p.iter())
            .filter(|p| p.item.start < task.end && task.start < p.item.end),
    );
}

/// Whether phrase `p` of paragraph `unit` holds one of the item's `terms` whole, and that
/// term is the only lexicon term of its clause: in `动员公众参与爱国卫生运动` 公众参与
/// serves another subject.
pub(super) fn holds_a_term_alone<'t>(
    report: &Report,
    unit: usize,
    p: &Phrase,
    terms: impl IntoIterator<Item = &'t Span>,
) -> bool {
    terms.into_iter().any(|t| {
        p.item.start <= t.start
            && t.end <= p.item.end
            && alone_in_clause(report, unit, p.at + (t.start - p.item.start), t.len())
    })
}

/// Whether the term at `at` (`len` characters) of paragraph `unit` is the only lexicon
/// term of its clause. The paragraph's terms are in order and apart
/// ([`crate::lexicon::Normalized::terms`]): those of the clause are a run of them, found
/// by halving, as the clause is.
fn alone_in_clause(report: &Report, unit: usize, at: usize, len: usize) -> bool {
    let clauses = &report.clauses[unit];
    let clause = clauses
        .get(clauses.partition_point(|c| c.span.end <= at))
        .map_or(at..at + len, |c| c.span.clone());
    let terms = &report.texts[unit].terms;
    terms[terms.partition_point(|t| t.end <= clause.start)..]
        .iter()
        .take_while(|t| t.start < clause.end)
        .all(|t| t.start == at && t.len() == len)
}
