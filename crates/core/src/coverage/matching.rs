//! Matching an item against the report: the phrases it shares with each sentence and the
//! paragraphs that hold them; the sentences that could answer each task are in `tasks`.

use std::borrow::Cow;

use crate::plan_items::{Decision, Target};
use crate::text::is_han;

use super::naming::{asks_for_study, names_no_work, sets_an_amount};
use super::report::{clauses, Report};
use super::tasks::{phrases_in, task_candidates, Candidate, Elsewhere, Paragraphs, UnitWords};
use super::weights::{bigram, han_bigrams, title_share_in, weight_in, weight_of, Bigram, Weights};
use super::{ratio, Span};

/// The shortest shared phrase that counts, in characters: two characters are as often
/// a coincidence as a word.
pub(super) const MIN_PHRASE: usize = 3;
/// A task is answered by a sentence holding this share of its weight: most of what it
/// asks for, named in one sentence, as a reviewer ticks a task off.
pub(super) const TASK_ANSWERED: f64 = 0.5;
/// A task is touched by a sentence holding this share of its weight: part of what it
/// asks for (one of two things it names).
pub(super) const TASK_TOUCHED: f64 = 0.25;
/// A task whose own words (not in the title or another task) hold this share of its
/// weight needs one of them matched to be answered.
pub(super) const OWN_WORDS: f64 = 0.3;
/// A numeric target whose words not in the title or another task hold this share of its
/// weight names work of its own (二级以上公立医院医疗责任保险参保率100% after the 调解
/// tasks), not the measure of another task (出庭应诉率100% after 落实负责人出庭应诉).
pub(super) const OWN_THING: f64 = 0.5;
/// A paragraph whose lead holds this share of the title's weight mentions the subject.
pub(super) const TITLE_PART: f64 = 0.4;
/// A task whose meaning-bearing words weigh less than this share of the item's is a
/// formula (`提升依法行政能力和水平`), not something to report on.
pub(super) const TASK_WEIGHT: f64 = 0.04;
/// A paragraph holding less than this share of an item's weight is about something
/// else: a short clause it happens to share (提高…满意度) is no account of the item.
pub(super) const EVIDENCE: f64 = 0.08;
/// An item found in one paragraph at this share or more is copied from the plan.
pub(super) const COPIED: f64 = 0.8;
/// A phrase an item shares with a sentence: where it is in the item, and where it
/// starts in the sentence (as matched) or, once grouped by paragraph, in the paragraph.
#[derive(Clone)]
pub(super) struct Phrase {
    pub(super) item: Span,
    pub(super) at: usize,
}

/// Shared phrases between an item and every report sentence that has one, as
/// (sentence, phrase), by sentence in order.
///
/// Common substrings are followed along diagonals: a match of item bigram j at sentence
/// position pos continues one of bigram j − 1 at pos − 1. Only bigrams of positive
/// weight that are looked up start a phrase; others may continue one (重大行政决策).
/// A phrase needs [`MIN_PHRASE`] characters and positive weight, or to be a term of the
/// item the sentence holds as a term too (`holds_term(sentence, span)`): the same two
/// characters inside another word are not the word.
pub(super) fn match_sentences(
    item: &[char],
    terms: &[Span],
    weights: &[f64],
    plan: &Weights,
    sentences: &[&[char]],
    holds_term: impl Fn(usize, Span) -> bool,
) -> Vec<(u32, Phrase)> {
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
        let too_short = span.len() < MIN_PHRASE
            && !(terms.contains(&span)
                && holds_term(s as usize, start_pos..start_pos + span.len()));
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
    // is a merge, not a lookup; the one pass over `active` also finds, in its order,
    // the diagonals that end at bigram j − 1.
    let mut active: Vec<(u32, u32, usize)> = Vec::new();
    let mut next: Vec<(u32, u32, usize)> = Vec::new();
    for j in 0..weights.len() {
        let (a, b) = (item[j], item[j + 1]);
        next.clear();
        let looked_up = (is_han(a) && is_han(b))
            .then(|| plan.pairs.get(&bigram(a, b)))
            .flatten()
            .filter(|pair| weights[j] > 0.0 && pair.looked_up);
        if let Some(pair) = looked_up {
            let mut before = active.iter().peekable();
            for &(s, pos) in plan.occurrences(pair) {
                let first = match pos.checked_sub(1) {
                    Some(last) => {
                        while let Some(&(s, pos, first)) =
                            before.next_if(|d| (d.0, d.1) < (s, last))
                        {
                            record(s, pos, first, j - 1);
                        }
                        before
                            .next_if(|d| (d.0, d.1) == (s, last))
                            .map_or(j, |d| d.2)
                    }
                    None => j,
                };
                next.push((s, pos, first));
            }
            for &(s, pos, first) in before {
                record(s, pos, first, j - 1);
            }
        } else {
            let continues = is_han(a) && is_han(b);
            for &(s, pos, first) in &active {
                let text = sentences[s as usize];
                let at = pos as usize + 1;
                if continues && text.get(at) == Some(&a) && text.get(at + 1) == Some(&b) {
                    next.push((s, pos + 1, first));
                } else {
                    record(s, pos, first, j - 1);
                }
            }
        }
        std::mem::swap(&mut active, &mut next);
    }
    for &(s, pos, first) in &active {
        record(s, pos, first, weights.len() - 1);
    }
    by_sentence(found, sentences.len())
}

/// `found` by sentence, and in each in the order found: a counting sort, linear in the
/// phrases and sentences (a comparison sort of every item's phrases was a fifth of the
/// engine's time on long reports).
fn by_sentence(found: Vec<(u32, Phrase)>, sentences: usize) -> Vec<(u32, Phrase)> {
    // Where each sentence's phrases go: counts, then running sums.
    let mut next = vec![0u32; sentences + 1];
    for (s, _) in &found {
        next[*s as usize + 1] += 1;
    }
    for k in 1..next.len() {
        next[k] += next[k - 1];
    }
    let mut order = vec![0u32; found.len()];
    for (k, (s, _)) in found.iter().enumerate() {
        order[next[*s as usize] as usize] = k as u32;
        next[*s as usize] += 1;
    }
    order.iter().map(|&k| found[k as usize].clone()).collect()
}

/// The leading entries of `list` for which `key` is the same as for the first one.
fn leading_run<T, K: PartialEq>(list: &[T], key: impl Fn(&T) -> K) -> (&[T], &[T]) {
    let run = list.first().map_or(0, |first| {
        let first = key(first);
        list.iter().take_while(|x| key(x) == first).count()
    });
    list.split_at(run)
}

/// What one paragraph holds of an item.
pub(super) struct ParagraphMatch {
    pub(super) unit: usize,
    /// Share of the item's weight.
    pub(super) share: f64,
    /// Share of the weight of the item's title in the paragraph's lead.
    pub(super) title_share: f64,
    /// The matches in its sentences: (sentence, phrases).
    pub(super) sentences: Vec<(usize, Vec<Phrase>)>,
    /// How many of the item's tasks it answers best.
    pub(super) answers: usize,
    /// How many of the item's tasks it is the best (partial) answer to.
    pub(super) touches: usize,
}

/// The two items whose tasks a character of the report answers most (share, item).
#[derive(Clone, Copy)]
pub(super) struct Claims([(f64, usize); 2]);

impl Default for Claims {
    fn default() -> Claims {
        Claims([(0.0, usize::MAX); 2])
    }
}

impl Claims {
    pub(super) fn add(&mut self, share: f64, item: usize) {
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
    pub(super) fn best_besides(&self, item: usize) -> f64 {
        let [first, second] = self.0;
        if first.1 == item {
            second.0
        } else {
            first.0
        }
    }
}

/// An item's matches, before its status is decided.
pub(super) struct ItemMatch {
    /// Whether a paragraph of the achievements parts repeats the item nearly whole and
    /// adds little to it.
    pub(super) copied_verbatim: bool,
    pub(super) position_weights: Vec<f64>,
    pub(super) total: f64,
    pub(super) title_len: usize,
    pub(super) task_spans: Vec<Span>,
    /// Which tasks are numeric targets (`参考率、合格率达到100%`).
    pub(super) is_target: Vec<bool>,
    /// The targets of each task that is an amount of work to do ([`sets_an_amount`]);
    /// empty for other tasks.
    pub(super) amounts: Vec<Vec<Target>>,
    pub(super) by_unit: Vec<ParagraphMatch>,
    /// For each task, the sentences of the achievements parts that answer it in part.
    pub(super) candidates: Vec<Vec<Candidate>>,
    /// A paragraph outside them (shortcomings, next year) that answers a task.
    pub(super) mentioned_elsewhere: Option<usize>,
    /// For each task, whether such a paragraph answers it.
    pub(super) told_elsewhere: Vec<bool>,
    /// For each task, whether the report places it there ([`Elsewhere::placed`]).
    pub(super) placed_elsewhere: Vec<bool>,
    /// For each task, the largest share of it a sentence there holds
    /// ([`Elsewhere::best`]).
    pub(super) best_elsewhere: Vec<f64>,
    /// The item asks for laws to be studied or taught ([`asks_for_study`]).
    pub(super) studies: bool,
    /// Which tasks are targets that name work of their own ([`OWN_THING`]).
    pub(super) own_target: Vec<bool>,
}

/// An item's words as matched: its characters and where it holds lexicon heads.
#[derive(Clone, Copy)]
pub(super) struct ItemWords<'a> {
    pub(super) chars: &'a [char],
    pub(super) terms: &'a [Span],
    /// The terms no other item holds ([`super::own_terms`]).
    pub(super) own_terms: &'a [Span],
}

/// Where each pair of positive weight is in an item, by the pair's id ([`Weights`]).
pub(super) struct WordPositions<'a> {
    /// For each pair id, where its positions start in `positions`, or `u32::MAX` when
    /// it is not in the item. One table for all items ([`WordSlots`]): the item's
    /// entries are set here and cleared on drop, rather than thousands filled per item.
    slot: &'a mut [u32],
    /// (pair id, position) as one number, id in the high half, sorted: each pair's
    /// positions are a run, in order. One list rather than one per pair: this is built
    /// for every item. As a `u64` it sorts with the sort the plan's pairs already use
    /// (a sort of tuples of its own weighed 14 KB in the draft worker).
    positions: Vec<u64>,
}

/// The table [`WordPositions`] borrows, one entry per pair of the plan, all `u32::MAX`
/// between items.
pub(super) struct WordSlots(Vec<u32>);

impl WordSlots {
    pub(super) fn new(weights: &Weights) -> WordSlots {
        WordSlots(vec![u32::MAX; weights.pairs.len()])
    }
}

impl<'a> WordPositions<'a> {
    fn new(
        chars: &[char],
        position_weights: &[f64],
        weights: &Weights,
        slots: &'a mut WordSlots,
    ) -> WordPositions<'a> {
        let mut positions: Vec<u64> = han_bigrams(chars)
            .filter(|&(j, _)| position_weights[j] > 0.0)
            .filter_map(|(j, b)| Some(u64::from(weights.pairs.get(&b)?.id) << 32 | j as u64))
            .collect();
        positions.sort_unstable();
        let slot = slots.0.as_mut_slice();
        for (k, &entry) in positions.iter().enumerate().rev() {
            slot[pair_id(entry) as usize] = k as u32;
        }
        WordPositions { slot, positions }
    }

    fn get(&self, id: u32) -> impl Iterator<Item = usize> + '_ {
        let start = self.slot.get(id as usize).map_or(u32::MAX, |&s| s);
        self.positions
            .get(start as usize..)
            .unwrap_or_default()
            .iter()
            .take_while(move |&&entry| pair_id(entry) == id)
            .map(|&entry| (entry & u64::from(u32::MAX)) as usize)
    }
}

/// The pair id of a [`WordPositions`] entry.
fn pair_id(entry: u64) -> u32 {
    (entry >> 32) as u32
}

impl Drop for WordPositions<'_> {
    fn drop(&mut self) {
        for &entry in &self.positions {
            self.slot[pair_id(entry) as usize] = u32::MAX;
        }
    }
}

/// Adds to a sentence's phrases the two-character words of the item it also holds, in
/// the tasks where it shares a longer phrase: most Chinese words have two characters,
/// and beside such a phrase they count (精简…材料 beside 医疗机构). `pairs`: the plan's
/// pairs in the sentence, as (position, pair id).
pub(super) fn add_words(
    phrases: &mut Vec<Phrase>,
    words: &WordPositions,
    tasks: &[Span],
    pairs: &[(u32, u32)],
) {
    // Only in tasks with a phrase of their own here: words do not anchor on their own.
    let anchored = |found: &[Phrase], j: usize| {
        tasks.iter().any(|t| {
            t.start <= j
                && j + 2 <= t.end
                && found
                    .iter()
                    .any(|p| p.item.start < t.end && t.start < p.item.end)
        })
    };
    // A word inside a phrase found already is that phrase: it is not marked twice. Words
    // go straight after the phrases (no list of their own to allocate and copy); only the
    // phrases found before are asked.
    let found = phrases.len();
    for &(at, id) in pairs {
        let at = at as usize;
        for j in words.get(id) {
            let inside_phrase = phrases[..found]
                .iter()
                .any(|p| p.item.start <= j && j + 2 <= p.item.end);
            if !inside_phrase && anchored(&phrases[..found], j) {
                phrases.push(Phrase { item: j..j + 2, at });
            }
        }
    }
}

/// An item's matches in the report: its tasks, the paragraphs that share phrases with
/// it and, for each task, the sentences of the achievements parts that could answer it.
/// `item`: its words; `title_end`: where its title ends, in matching characters;
/// `sentence_chars`: the report's sentences; `slots`: the table of the item's words.
pub(super) fn match_item(
    item: ItemWords,
    title_end: usize,
    decision: Option<&Decision>,
    report: &Report,
    weights: &Weights,
    sentence_chars: &[&[char]],
    slots: &mut WordSlots,
) -> ItemMatch {
    let ItemWords { chars, terms, .. } = item;
    let position_weights = weights.positions(chars);
    let whole = 0..chars.len();
    let total = weight_of(&position_weights, &whole);
    let title_len = title_end.min(chars.len());
    let title_positions = title_len.saturating_sub(1).min(position_weights.len());
    // The title names the subject; the body, when there is one, says what to do.
    let body = (title_len + 1).min(chars.len())..chars.len();
    let meaningful = |t: &Span| weight_of(&position_weights, t) >= TASK_WEIGHT * total;
    let targets_of =
        |t: &Span| crate::plan_items::extract_targets(&chars[t.clone()].iter().collect::<String>());
    let mut task_spans: Vec<Span> = clauses(chars, body)
        .into_iter()
        .filter(meaningful)
        .collect();
    let mut targets: Vec<Vec<Target>> = task_spans.iter().map(targets_of).collect();
    // A body of rates alone measures the work its title names (深入推进“双随机、一公开”
    // 监管。随机抽查事项覆盖率100%…): the title is the task they measure. A clause that
    // sets other targets (推进…医疗责任保险全覆盖) is work of its own.
    let rates_only = targets.iter().all(|t| {
        !t.is_empty()
            && t.iter()
                .all(|t| t.unit == "%" && t.text.contains(|c: char| c.is_ascii_digit()))
    });
    if rates_only {
        let title_tasks: Vec<Span> = clauses(chars, 0..title_len)
            .into_iter()
            .filter(meaningful)
            .collect();
        targets.splice(0..0, title_tasks.iter().map(targets_of));
        task_spans.splice(0..0, title_tasks);
    }
    let is_target: Vec<bool> = targets.iter().map(|t| !t.is_empty()).collect();
    let amounts: Vec<Vec<Target>> = targets
        .into_iter()
        .map(|t| {
            if !t.is_empty() && t.iter().all(sets_an_amount) {
                t
            } else {
                Vec::new()
            }
        })
        .collect();

    let words = WordPositions::new(chars, &position_weights, weights, slots);
    let share_in = |phrases: &mut dyn Iterator<Item = &Phrase>| {
        ratio(
            weight_in(phrases.map(|p| p.item.clone()), &position_weights, &whole),
            total,
        )
    };
    // Matches by paragraph, sentences in order; rejected paragraphs left out, and those
    // that share only a phrase or two with the item (before words are added, the costly
    // part on long reports: words at most double what the phrases hold, and a paragraph
    // needs [`EVIDENCE`] to answer anything).
    let found = match_sentences(
        chars,
        terms,
        &position_weights,
        weights,
        sentence_chars,
        |s, span| report.holds_term(s, span),
    );
    let mut by_unit: Vec<ParagraphMatch> = Vec::new();
    let mut rest = &found[..];
    while !rest.is_empty() {
        let (paragraph, after) = leading_run(rest, |(s, _)| report.sentences[*s as usize].unit);
        rest = after;
        let unit = report.sentences[paragraph[0].0 as usize].unit;
        if decision.is_some_and(|d| d.rejected.contains(&report.units[unit].id)) {
            continue;
        }
        let title_share = title_share_in(
            &report.leads[unit],
            &chars[..title_len],
            &position_weights[..title_positions],
        );
        let share = share_in(&mut paragraph.iter().map(|(_, p)| p));
        // A term only this item holds names it, however little of the item it is.
        let names_own_term = || {
            paragraph.iter().any(|(_, p)| {
                item.own_terms
                    .iter()
                    .any(|t| p.item.start <= t.start && t.end <= p.item.end)
            })
        };
        if share < EVIDENCE / 2.0 && title_share < TITLE_PART && !names_own_term() {
            continue;
        }
        // Sized up front: one entry per sentence, a run of the paragraph's phrases.
        let runs = 1 + paragraph.windows(2).filter(|w| w[0].0 != w[1].0).count();
        let mut sentences = Vec::with_capacity(runs);
        let mut in_paragraph = paragraph;
        while !in_paragraph.is_empty() {
            let (sentence, after) = leading_run(in_paragraph, |(s, _)| *s);
            in_paragraph = after;
            let s = sentence[0].0 as usize;
            let offset = report.sentences[s].span.start;
            let phrases = sentence
                .iter()
                .map(|(_, p)| Phrase {
                    item: p.item.clone(),
                    at: p.at + offset,
                })
                .collect();
            sentences.push((s, phrases));
        }
        by_unit.push(ParagraphMatch {
            unit,
            share: 0.0,
            title_share,
            sentences,
            answers: 0,
            touches: 0,
        });
    }
    for m in &mut by_unit {
        for (s, phrases) in &mut m.sentences {
            let offset = report.sentences[*s].span.start;
            let found = phrases.len();
            add_words(phrases, &words, &task_spans, weights.pairs_in_sentence(*s));
            phrases[found..].iter_mut().for_each(|p| p.at += offset);
        }
        m.share = share_in(&mut m.sentences.iter().flat_map(|(_, p)| p));
    }

    let mut mentioned_elsewhere: Option<usize> = None;
    // The weights of the words each task does not share with the title or another task.
    // A numeric target (出庭应诉率100%) is no other task but the measure of one: the
    // words it repeats (出庭应诉 of 执行负责人出庭应诉制度) stay that task's own.
    // The character pairs of the title, and of each task that is not a target (pairs
    // starting in it, the last one reaching past it), sorted: looked up, not searched.
    let pair_at = |k: usize| (k + 2 <= chars.len()).then(|| bigram(chars[k], chars[k + 1]));
    let mut title_pairs: Vec<Bigram> = (0..title_len).filter_map(pair_at).collect();
    title_pairs.sort_unstable();
    let mut task_pairs: Vec<(Bigram, usize)> = task_spans
        .iter()
        .enumerate()
        .filter(|&(u, _)| !is_target[u])
        .flat_map(|(u, other)| (other.start..other.end).filter_map(move |k| Some((pair_at(k)?, u))))
        .collect();
    task_pairs.sort_unstable();
    task_pairs.dedup();
    let mut own_weights = position_weights.clone();
    // Which tasks are targets naming work of their own: their words not in another task,
    // nor in the title where the title is not the whole item (an item of one sentence is
    // its own title).
    let mut own_target = vec![false; task_spans.len()];
    for (t, task) in task_spans.iter().enumerate() {
        let mut target_own = 0.0;
        for j in task.start..task.end.saturating_sub(1).min(own_weights.len()) {
            let pair = bigram(chars[j], chars[j + 1]);
            let in_title = title_pairs.binary_search(&pair).is_ok();
            let in_another_task = || {
                let from = task_pairs.partition_point(|&(p, _)| p < pair);
                task_pairs[from..]
                    .iter()
                    .take_while(|&&(p, _)| p == pair)
                    .any(|&(_, u)| u != t)
            };
            if is_target[t] {
                let in_another_task = in_another_task();
                if !(in_another_task || in_title && title_len <= task.start) {
                    target_own += position_weights[j];
                }
                if in_title || in_another_task {
                    own_weights[j] = 0.0;
                }
            } else if in_title || in_another_task() {
                own_weights[j] = 0.0;
            }
        }
        own_target[t] =
            is_target[t] && target_own >= OWN_THING * weight_of(&position_weights, task);
    }
    // Each sentence's phrases that name work ([`names_no_work`]) and are not a piece of
    // one of the item's terms ([`piece_of_a_term`]), found once for all the item's
    // tasks.
    let studies = asks_for_study(chars);
    let naming_work: Vec<Vec<Cow<[Phrase]>>> = by_unit
        .iter()
        .map(|m| {
            m.sentences
                .iter()
                .map(|(_, phrases)| {
                    let no_work = |p: &Phrase| {
                        piece_of_a_term(p, terms) || names_no_work(report, m.unit, p, studies)
                    };
                    if phrases.iter().any(no_work) {
                        Cow::Owned(phrases.iter().filter(|p| !no_work(p)).cloned().collect())
                    } else {
                        Cow::Borrowed(phrases.as_slice())
                    }
                })
                .collect()
        })
        .collect();
    let unit_words = UnitWords::new(chars);
    let mut told_elsewhere = Vec::with_capacity(task_spans.len());
    let mut placed_elsewhere = Vec::with_capacity(task_spans.len());
    let mut best_elsewhere = Vec::with_capacity(task_spans.len());
    let candidates: Vec<Vec<Candidate>> = task_spans
        .iter()
        .map(|task| {
            let mut elsewhere = Elsewhere::default();
            let found = task_candidates(
                item,
                task,
                Paragraphs {
                    by_unit: &by_unit,
                    naming_work: &naming_work,
                    unit_words: &unit_words,
                },
                report,
                &position_weights,
                &own_weights,
                &mut elsewhere,
            );
            told_elsewhere.push(elsewhere.answered.is_some());
            placed_elsewhere.push(elsewhere.placed);
            best_elsewhere.push(elsewhere.best);
            mentioned_elsewhere = mentioned_elsewhere.or(elsewhere.answered);
            found
        })
        .collect();
    // Nothing added: the paragraph is little longer than the item.
    let item_han = chars.iter().filter(|&&c| is_han(c)).count();
    let copied_verbatim = by_unit.iter().any(|m| {
        report.unit_counts[m.unit] && m.share >= COPIED && 2 * report.han[m.unit] <= 3 * item_han
    });
    ItemMatch {
        copied_verbatim,
        position_weights,
        total,
        title_len,
        task_spans,
        is_target,
        amounts,
        by_unit,
        candidates,
        mentioned_elsewhere,
        told_elsewhere,
        placed_elsewhere,
        best_elsewhere,
        studies,
        own_target,
    }
}

/// For each character of each paragraph, the items whose tasks its words answer at
/// least in part, and how much.
pub(super) fn claims(matches: &[ItemMatch], report: &Report) -> Vec<Vec<Claims>> {
    let mut claimed: Vec<Vec<Claims>> = vec![Vec::new(); report.units.len()];
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
    claimed
}

/// Whether phrase `p` holds part of one of the item's `terms` and not the whole of it: a
/// term the report names reads as the term's head, so the report names another thing
/// (务公开 of 政务公开 in 院务公开). The title's subject named in passing is not named
/// by such words ([`super::naming::subject_in_passing`]).
pub(super) fn cuts_a_term(p: &Phrase, terms: &[Span]) -> bool {
    terms.iter().any(|t| {
        p.item.start < t.end
            && t.start < p.item.end
            && !(p.item.start <= t.start && t.end <= p.item.end)
    })
}

/// The shortest piece of a term that names another thing by itself.
const TERM_PIECE: usize = 3;

/// Whether phrase `p` is a piece of one of the item's `terms` that answers no task: one
/// of [`TERM_PIECE`] characters or more inside the term that stops before its end (公平
/// 竞争 of 公平竞争审查 in 维护公平竞争的医疗市场秩序). Narrower than [`cuts_a_term`]: a
/// task is told by a term's ending (论证 of 专家论证 in 召开论证会) or by a short opening
/// word beside other words of the task (最多 of 最多跑一次 in 到窗口最多一次即可办结), as
/// reports write it.
pub(super) fn piece_of_a_term(p: &Phrase, terms: &[Span]) -> bool {
    p.item.len() >= TERM_PIECE
        && terms
            .iter()
            .any(|t| t.start <= p.item.start && p.item.end < t.end)
}
