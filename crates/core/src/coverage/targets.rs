//! Numeric targets: the figure the report gives for a target's measure, and whether it
//! meets the target.

use crate::lexicon::{self, Normalizer};
use crate::plan_items::Target;
use crate::text::decimal_value;

use super::matching::Phrase;
use super::report::{MatchText, Report};
use super::{Span, Status, TargetCheck, TargetOutcome, TaskCoverage, TaskEvidence};

/// Looks for the target's measure in the evidence texts (`matching_chars` of each
/// evidence paragraph) and the first figure after it in the same sentence (within 15
/// characters); `全覆盖` reads 100%, `零` + measure reads 0. The longest ending of the
/// measure (up to 6 characters, at least 3) found with a figure wins.
pub(super) fn check_target(
    target: &Target,
    texts: &[&[char]],
    normalizer: &Normalizer,
) -> TargetCheck {
    let not_reported = TargetCheck {
        target: target.clone(),
        outcome: TargetOutcome::NotReported,
        reported: None,
        quote: String::new(),
    };
    let key = measure_key(target, normalizer);
    if key.len() < 2 {
        return not_reported;
    }
    let longest = key.len().min(6);
    // A measure's last two characters suffice where the figure carries the target's
    // own unit right after it and that unit says what is counted (人均培训46学时 for
    // 执法人员年度培训不少于40学时); 次 or 件 count anything (研究重点工作23次 is not
    // 研究法治工作不少于2次), a percentage any rate.
    let unit_named = target.unit.chars().count() >= 2;
    let shortest = key.len().min(if unit_named { 2 } else { 3 });
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

/// A target's measure as matching reads it.
fn measure_key(target: &Target, normalizer: &Normalizer) -> Vec<char> {
    normalizer
        .apply(&lexicon::matching_key(&target.measure))
        .chars
}

/// Where `needle` (not empty) starts in `text`, in order.
pub(super) fn positions_of<'a>(
    text: &'a [char],
    needle: &'a [char],
) -> impl Iterator<Item = usize> + 'a {
    text.windows(needle.len())
        .enumerate()
        .filter(move |(_, w)| w[0] == needle[0] && *w == needle)
        .map(|(at, _)| at)
}

/// The figure reported for the measure `key` found in `text` at `starts` (in order).
pub(super) fn find_figure(
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
            let value = decimal_value(digits.trim_end_matches('.'));
            let after_digits = &window[start + digits.chars().count()..];
            let unit_ok = if key.len() < 3 {
                after_digits.starts_with(&target.unit.chars().collect::<Vec<char>>())
            } else {
                target.unit != "%" || after_digits.first() == Some(&'%') || value == Some(0.0)
            };
            if let (Some(value), true) = (value, unit_ok) {
                return Some((value, quote()));
            }
        }
        if window.iter().take(3).any(|&c| c == '零') {
            return Some((0.0, quote()));
        }
    }
    None
}

/// Characters of a target's measure that a target task must hold for the target to be
/// its own (完成率 of `完成率100%`): the end of the measure, as the check matches it.
pub(super) const FIGURE_MEASURE_CHARS: usize = 3;

/// The achievements sentence of an evidence paragraph (`units`) that holds a target
/// check's `quote`, and the measure and its figure as a phrase of it (the quote runs on
/// after the figure). The check matches the end of the measure; a longer measure
/// (案卷合格率) must have a word of the rest, before the ending found, in the sentence
/// too, or the figure may be another one's (学法考试合格率100% for 案卷合格率; 许可事项
/// 按期办结率100% for 信访事项按期办结率). `weights` are the item's weights of
/// the measure's character pairs where the item holds it: the word must then be one
/// that tells what is counted (法律顾问 of 区属医疗卫生机构法律顾问覆盖率), not one
/// every item shares (卫生 in 教学环境卫生…覆盖率100%).
fn sentence_of_figure(
    report: &Report,
    units: &[usize],
    quote: &str,
    measure: &[char],
    weights: Option<&[f64]>,
) -> Option<(usize, Phrase)> {
    let quote: Vec<char> = quote.chars().collect();
    if quote.is_empty() {
        return None;
    }
    let figure_end = quote
        .iter()
        .position(char::is_ascii_digit)
        .map_or(quote.len(), |start| {
            start
                + quote[start..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | '%'))
                    .count()
        });
    let (unit, at) = units.iter().find_map(|&unit| {
        let chars = &report.texts[unit].chars;
        let at = chars
            .windows(quote.len())
            .position(|w| w == quote.as_slice())?;
        Some((unit, at))
    })?;
    let s = report
        .sentences
        .iter()
        .position(|s| s.unit == unit && s.span.contains(&at))?;
    // The measure's ending the check found (项按期办结率 of 信访事项按期办结率), and the
    // rest before it.
    let matched = (FIGURE_MEASURE_CHARS..=measure.len())
        .rev()
        .find(|&k| quote.starts_with(&measure[measure.len() - k..]))
        .unwrap_or(FIGURE_MEASURE_CHARS);
    let rest = &measure[..measure.len() - matched.min(measure.len())];
    let sentence = report.sentence_chars(s);
    // The pairs of the rest.
    let pairs = rest.len().saturating_sub(1);
    let heaviest = weights.map_or(0.0, |w| w.iter().take(pairs).copied().fold(0.0, f64::max));
    let telling =
        |j: usize| weights.is_none_or(|w| 2.0 * w.get(j).copied().unwrap_or(0.0) >= heaviest);
    let names_rest = rest.len() < 2
        || rest
            .windows(2)
            .enumerate()
            .any(|(j, word)| telling(j) && sentence.windows(2).any(|w| w == word));
    (report.sentences[s].counts && names_rest).then(|| {
        let end = figure_end.min(report.sentences[s].span.end - at);
        (s, Phrase { item: 0..end, at })
    })
}

/// What an item's target tasks are read against: the report, the paragraphs shown as the
/// item's evidence, the item's text and weights as matching reads them, and its targets
/// as checked there.
pub(super) struct Figures<'a> {
    pub(super) report: &'a Report<'a>,
    pub(super) normalizer: &'a Normalizer,
    pub(super) evidence_units: &'a [usize],
    pub(super) item_text: &'a MatchText,
    pub(super) position_weights: &'a [f64],
    pub(super) targets: &'a [TargetCheck],
}

impl Figures<'_> {
    /// A target task whose figure the target check finds in the item's evidence
    /// (完成率100%, in a sentence its words did not match or matched in part) is told
    /// there: the same figure the check reports, shown as that task's evidence, so that
    /// the task list and the target agree. Not one naming a thing reports name that the
    /// achievements never do (`unnamed_things`): 基本医疗保险覆盖率100% is no figure for
    /// 医疗责任保险覆盖率100%.
    pub(super) fn tell_target_tasks(
        &self,
        tasks: &mut [TaskCoverage],
        is_target: &[bool],
        task_spans: &[Span],
        unnamed_things: &[Option<&[char]>],
    ) {
        for (((task, _), span), _) in tasks
            .iter_mut()
            .zip(is_target)
            .zip(task_spans)
            .zip(unnamed_things)
            .filter(|(((task, &target), _), unnamed)| {
                target && unnamed.is_none() && task.status != Status::Covered
            })
        {
            // The targets whose whole measure the task holds (自查覆盖率 for 自查覆盖率100%,
            // not the item's other 覆盖率), or else those whose ending it holds.
            let holds_whole = |check: &&TargetCheck| task.text.contains(&check.target.measure);
            let (own, others): (Vec<&TargetCheck>, Vec<&TargetCheck>) =
                self.targets.iter().partition(holds_whole);
            let figure = if own.is_empty() { others } else { own }
                .into_iter()
                .find_map(|check| {
                    let measure: Vec<char> = check.target.measure.chars().collect();
                    let tail: String = measure
                        [measure.len().saturating_sub(FIGURE_MEASURE_CHARS)..]
                        .iter()
                        .collect();
                    let names_measure =
                        task.text.contains(&check.target.text) && task.text.contains(&tail);
                    if check.outcome == TargetOutcome::NotReported || !names_measure {
                        return None;
                    }
                    let measure = measure_key(&check.target, self.normalizer);
                    // The measure's weights where this task holds it.
                    let weights = (measure.len() >= 2)
                        .then(|| {
                            positions_of(self.item_text.chars.get(span.clone())?, &measure).next()
                        })
                        .flatten()
                        .map(|at| {
                            let from = (span.start + at).min(self.position_weights.len());
                            &self.position_weights[from..]
                        });
                    self.sentence_of_figure(check, &measure, weights)
                });
            if let Some((s, quote)) = figure {
                task.status = Status::Covered;
                task.evidence = Some(self.report.task_evidence(s, 1, &[quote]));
            }
        }
    }

    /// A target task that is all the item's achievements tell (none of its other tasks
    /// matched), matched by words of its measure in a sentence that names neither the
    /// item's subject nor what the measure counts (`names_subject`), is not the target
    /// reported unless a figure of the item's targets is given for its own measure: the
    /// words are another subject's (建议提案…全部按时办结 for 信访's 按时办结率100%,
    /// 许可事项按期办结率100% for 信访事项按期办结率100%, a 规范性文件's 合法性审核 for a
    /// 决策's 合法性审查率100%). Such a task is touched, not answered.
    pub(super) fn untell_words_of_other_subjects(
        &self,
        tasks: &mut [TaskCoverage],
        is_target: &[bool],
        names_subject: &[bool],
    ) {
        let rest_untold = is_target.iter().any(|&target| !target)
            && tasks
                .iter()
                .zip(is_target)
                .all(|(task, &target)| target || task.status == Status::Missing);
        let figure_given = || {
            self.targets.iter().any(|check| {
                check.outcome != TargetOutcome::NotReported
                    && self
                        .sentence_of_figure(
                            check,
                            &measure_key(&check.target, self.normalizer),
                            None,
                        )
                        .is_some()
            })
        };
        if !rest_untold || figure_given() {
            return;
        }
        for ((task, _), _) in
            tasks.iter_mut().zip(is_target).zip(names_subject).filter(
                |((task, &target), &named)| target && !named && task.status == Status::Covered,
            )
        {
            task.status = Status::Partial;
        }
    }

    fn sentence_of_figure(
        &self,
        check: &TargetCheck,
        measure: &[char],
        weights: Option<&[f64]>,
    ) -> Option<(usize, Phrase)> {
        sentence_of_figure(
            self.report,
            self.evidence_units,
            &check.quote,
            measure,
            weights,
        )
    }
}

/// Whether a figure follows matched words of a task (主动公开政府信息1260条, 宣传活动32场):
/// the report counts what the task asks for, an account of it rather than words shared
/// in passing. A counter may come between (开展宣传活动共32场).
pub(super) fn counts_matched_words(evidence: &TaskEvidence) -> bool {
    let chars: Vec<char> = evidence.sentence.chars().collect();
    evidence.highlights.iter().any(|&[_, end]| {
        chars
            .iter()
            .skip(end)
            .take(FIGURE_GAP + 1)
            .any(char::is_ascii_digit)
    })
}

/// Characters that may stand between counted words and their figure (共, 达).
const FIGURE_GAP: usize = 1;

#[cfg(test)]
mod tests {
    use crate::plan_items::Comparator;

    #[test]
    fn comparators() {
        assert!(Comparator::AtLeast.holds(100.0, 90.0));
        assert!(!Comparator::Below.holds(6.0, 6.0));
        assert!(Comparator::AtMost.holds(5.0, 5.0));
    }
}
