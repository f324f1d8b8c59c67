//! An item's status from its matches: each task's best sentence, the paragraphs shown as
//! evidence, the targets checked, and the reason given.

use std::cell::OnceCell;

use crate::lexicon::Normalizer;
use crate::plan_items::{Decision, PlanItem};

use super::explain::{explain, original_text, paragraph_evidence, untold_things, Places};
use super::matching::{
    Claims, ItemMatch, ParagraphMatch, Phrase, COPIED, EVIDENCE, MIN_PHRASE, TASK_ANSWERED,
    TITLE_PART,
};
use super::naming::{names_most_members, subject_in_passing, things_of_task, TITLE_NAMED};
use super::report::{MatchText, Report};
use super::set_apart::{
    adds_a_task, every_thing_told_whole, listed_only_elsewhere, most_things_told,
    opens_numbered_subtask, quoted_only_elsewhere, told_of_item, unmade_document, unnamed_thing,
    untold_parts,
};
use super::targets::{check_target, counts_matched_words, Figures, FIGURE_MEASURE_CHARS};
use super::tasks::{holds_a_term_alone, phrases_in, Candidate};
use super::weights::{weight_in, weight_of, Weights};
use super::{
    ratio, round2, Evidence, ItemCoverage, Status, TargetCheck, TargetOutcome, TaskCoverage,
};

/// A paragraph holding this share of an item's weight covers it when the tasks answered
/// or told in other words hold half the weight of its tasks.
pub(super) const MOST_OF_ITEM: f64 = 0.35;
/// Part of a task counts only in a paragraph holding this share of the item's weight:
/// one that addresses part of the item, not one that shares a term or two with it.
pub(super) const SOME_OF_ITEM: f64 = 0.1;
/// A paragraph whose lead names an item's subject (`TITLE_NAMED`) gives an account of it
/// when it has this many Han characters beyond twice the title.
const ACCOUNT_CHARS: usize = 30;
/// A later task's share in the achievements sentence shown for it (one, or two that
/// follow each other) that says the item was begun, whatever its first task: nearly
/// told (the five procedures of a 规划's making, while the year's 决策事项目录 is left to
/// next year).
const BEGUN: f64 = 0.45;
pub(super) const MAX_EVIDENCE: usize = 5;

/// What deciding an item's status needs to know besides the item.
pub(super) struct Context<'a> {
    pub(super) report: &'a Report<'a>,
    /// Which items the words of each paragraph answer ([`super::matching::claims`]).
    pub(super) claimed: &'a [Vec<Claims>],
    pub(super) normalizer: &'a Normalizer,
    pub(super) weights: &'a Weights,
    /// The report is of another year than the plan.
    pub(super) wrong_year: bool,
    /// The "report" repeats most items word for word: it is the plan itself.
    pub(super) the_plan_itself: bool,
    pub(super) report_year: u16,
}

/// The coverage of item `i` from its matches; marks the paragraphs shown as its evidence
/// in `matched_units`.
pub(super) fn decide(
    context: &Context,
    i: usize,
    item: &PlanItem,
    item_text: &MatchText,
    decision: Option<&Decision>,
    m: ItemMatch,
    matched_units: &mut [bool],
) -> ItemCoverage {
    let Context {
        report,
        claimed,
        normalizer,
        weights,
        wrong_year,
        the_plan_itself,
        report_year,
    } = *context;
    let units = &report.units;
    let ItemMatch {
        copied_verbatim,
        position_weights,
        total,
        title_len,
        task_spans,
        is_target,
        amounts,
        mut by_unit,
        candidates,
        mentioned_elsewhere,
        told_elsewhere,
        placed_elsewhere,
        best_elsewhere,
        studies,
        own_target,
    } = m;
    let whole = 0..item_text.chars.len();
    // Each task's best sentence. Part of a task counts only when its words are not
    // all words that answer more of another item there: those are a phrase shared
    // with another subject (法治保障 in a sentence on 亚运), not an account of this one.
    let mut task_results: Vec<TaskCoverage> = Vec::with_capacity(task_spans.len());
    // Which paragraph matches hold a sentence that answers a task at least in part.
    let mut candidate_units = vec![false; by_unit.len()];
    // Tasks touched by a sentence that names the item's subject.
    let mut touched_on_subject = 0;
    // Tasks touched but not told: only by their shared words, none of their own (the
    // title's subject or another task told again: 执法公示、执法全过程记录 for a task
    // that adds 法制审核), or by few of the things they list.
    let mut touched_not_told = vec![false; task_spans.len()];
    // The achievements sentences of the paragraphs on the item, as matching sees them:
    // where the things a task lists, the parts of a whole and the documents the item's
    // tasks ask for are looked for (built only for an item that asks for such).
    let told_cell: OnceCell<String> = OnceCell::new();
    // Each task's share in the achievements sentence shown for it; 0 for none.
    let mut shown_share = vec![0.0; task_spans.len()];
    // Whether the sentence shown for each task names what the task is about.
    let mut names_subject = vec![false; task_spans.len()];
    for (t, ((task, candidates), not_told)) in task_spans
        .iter()
        .zip(candidates)
        .zip(&mut touched_not_told)
        .enumerate()
    {
        // A paragraph whose run-in title holds at least half a task (深化清廉医院建设。) is
        // about that task, though the rest of it tells another item's work (its 法律顾问).
        let titles = |c: &Candidate| {
            c.taken == 1 && c.share >= TASK_ANSWERED && report.is_title_sentence(c.sentences.start)
        };
        // A term only this item holds is the item named, even in a paragraph about
        // something else (在监管中对轻微违法行为依法不予处罚 closing a 双随机 paragraph).
        let in_passing = |c: &Candidate| by_unit[c.k].share < SOME_OF_ITEM && !titles(c);
        let best = candidates
            .into_iter()
            .filter(|c| by_unit[c.k].share >= EVIDENCE || c.names_own_term || titles(c))
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
                    || (!in_passing(c) || c.names_own_term)
                        && !phrases_in(&by_unit[c.k], c, task)
                            .filter(|p| p.item.len() >= MIN_PHRASE)
                            .all(taken_by_another)
            })
            .inspect(|c| candidate_units[c.k] = true)
            // Two sentences must hold clearly more than one to be preferred to it.
            .max_by(|a, b| {
                let value = |c: &Candidate| c.share / (1.0 + 0.2 * (c.taken - 1) as f64);
                value(a)
                    .total_cmp(&value(b))
                    .then(b.sentences.start.cmp(&a.sentences.start))
            });
        let text = original_text(&item.text(), item_text, task);
        match best {
            Some(Candidate {
                share,
                k,
                j,
                taken,
                misses_own_words,
                ..
            }) => {
                shown_share[t] = share;
                *not_told = misses_own_words;
                // Said in a paragraph about something else, a task is touched at most.
                let mut status = if share >= TASK_ANSWERED && by_unit[k].share >= EVIDENCE {
                    Status::Covered
                } else {
                    Status::Partial
                };
                let sentences = &by_unit[k].sentences[j..j + taken];
                let in_task: Vec<Phrase> = sentences
                    .iter()
                    .flat_map(|(_, p)| p)
                    .filter(|p| p.item.start < task.end && task.start < p.item.end)
                    .cloned()
                    .collect();
                // The sentence names the item's subject: a domain term of the task, or
                // words of the item's title (顺带抽查了医疗废物 for 深化医疗废物专项整治).
                // A term beside other terms in its clause serves their subject
                // (法制审核 in 执法公示、全过程记录、法制审核制度).
                let unit = by_unit[k].unit;
                let names_term = in_task
                    .iter()
                    .any(|p| holds_a_term_alone(report, unit, p, &item_text.terms));
                let names_title = sentences
                    .iter()
                    .flat_map(|(_, p)| p)
                    .any(|p| p.item.end <= title_len && p.item.len() >= MIN_PHRASE);
                // Whether the sentence names what the task is about, not only an act
                // and its rate (按期办结 of 按期办结率100%): the title's words, a term of
                // the task, or a run of the task's words before the measure's ending
                // (国家随机监督抽查任务 of …任务完成率100%).
                let rate_starts = (task.start..task.end)
                    .find(|&at| item_text.chars[at].is_ascii_digit())
                    .unwrap_or(task.end)
                    .saturating_sub(FIGURE_MEASURE_CHARS);
                names_subject[t] = names_title
                    || names_term
                    || in_task.iter().any(|p| {
                        p.item.end.min(rate_starts).saturating_sub(p.item.start) >= 2 * MIN_PHRASE
                    });
                let things = things_of_task(&item_text.chars, &item_text.terms, task);
                // A task listing things the achievements tell each in a sentence of its
                // own (欺诈骗保 in one paragraph, 非法行医 and 非法医疗美容 in another) is
                // answered, though no one sentence holds it.
                if status == Status::Partial
                    && things.len() > 1
                    && by_unit[k].share >= EVIDENCE
                    && !placed_elsewhere[t]
                    && every_thing_told_whole(
                        &item.text(),
                        item_text,
                        &things,
                        told_cell.get_or_init(|| told_of_item(report, &by_unit)),
                    )
                {
                    status = Status::Covered;
                }
                // A task answered by one of the things it lists or joins (新生儿出生
                // “一件事” for it and 公民身后“一件事”) is answered only where the item's
                // achievements name most of them, each by words of its own.
                if status == Status::Covered {
                    // Whether an achievements sentence of a paragraph on the item holds
                    // the pair (`by_unit` is in paragraph order).
                    let told = |pair| {
                        weights.pairs.get(&pair).is_some_and(|pair| {
                            weights.occurrences(pair).iter().any(|&(s, _)| {
                                let sentence = &report.sentences[s as usize];
                                sentence.counts
                                    && by_unit
                                        .binary_search_by_key(&sentence.unit, |m| m.unit)
                                        .is_ok()
                            })
                        })
                    };
                    if things.len() > 1 && !most_things_told(&item_text.chars, &things, told) {
                        status = Status::Partial;
                        *not_told = true;
                    }
                }
                // A task that lists things (公众参与、专家论证、风险评估…) is told in other
                // words only where most of them are named: naming one or two leaves the
                // others undone.
                if status == Status::Partial
                    && !names_most_members(&item_text.chars, &item_text.terms, task, &in_task)
                {
                    *not_told = true;
                }
                let evidence = report.task_evidence(sentences[0].0, taken, &in_task);
                if status == Status::Covered {
                    by_unit[k].answers += 1;
                } else {
                    by_unit[k].touches += 1;
                }
                // Not a task told in the shortcomings or plans (see `touched`).
                if status == Status::Partial
                    && !told_elsewhere[t]
                    && (names_term || names_title || counts_matched_words(&evidence))
                {
                    touched_on_subject += 1;
                }
                task_results.push(TaskCoverage {
                    text,
                    status,
                    evidence: Some(evidence),
                });
            }
            None => task_results.push(TaskCoverage {
                text,
                status: Status::Missing,
                evidence: None,
            }),
        }
    }

    // A task naming a thing the plan quotes (推进…高频事项“跨省通办”) that the report
    // names only where it tells what is not done or planned is not done: words the
    // achievements share with the rest of the task are about other work (the same
    // licences made 掌上办).
    // Such a task is set apart: left undone, the item is partial however fully a
    // paragraph tells the rest.
    let quoted_elsewhere: Vec<bool> = task_results
        .iter_mut()
        .map(|task| {
            let elsewhere = quoted_only_elsewhere(report, normalizer, &task.text);
            if elsewhere {
                task.status = Status::Missing;
                task.evidence = None;
            }
            elsewhere
        })
        .collect();
    let mut found: Vec<&ParagraphMatch> = by_unit
        .iter()
        .enumerate()
        .filter(|(k, m)| {
            report.unit_counts[m.unit] && (candidate_units[*k] || m.title_share >= TITLE_PART)
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
    let gives_account = |m: &ParagraphMatch| report.han[m.unit] >= 2 * title_len + ACCOUNT_CHARS;
    let named = found
        .iter()
        .find(|m| m.title_share >= TITLE_NAMED && gives_account(m));
    let best_title = found.iter().map(|m| m.title_share).fold(0.0, f64::max);
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
        .map(|m| paragraph_evidence(report, m))
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
    let evidence_texts: Vec<&[char]> = evidence_units
        .iter()
        .map(|&unit| report.texts[unit].chars.as_slice())
        .collect();
    let targets: Vec<TargetCheck> = item
        .targets
        .iter()
        .map(|t| check_target(t, &evidence_texts, normalizer))
        .collect();
    // The thing each task names that reports name when they did it (述法, the lexicon's
    // `named` heads) and no achievements sentence names: not done, whatever else matches.
    let unnamed_things: Vec<Option<&[char]>> = task_spans
        .iter()
        .map(|span| unnamed_thing(report, normalizer, item_text, span))
        .collect();
    let figures = Figures {
        report,
        normalizer,
        evidence_units: &evidence_units,
        item_text,
        position_weights: &position_weights,
        targets: &targets,
    };
    figures.tell_target_tasks(&mut task_results, &is_target, &task_spans, &unnamed_things);
    figures.untell_words_of_other_subjects(&mut task_results, &is_target, &names_subject);
    // A clause that is a numeric target (`参考率、合格率达到100%`) is checked as a
    // target. One the report answers is a task done, as a reviewer ticks off a figure
    // given (执法记录仪配备全覆盖); one it does not answer is a target not reported
    // (a hint), not a task left undone: the status follows the other tasks (unless it
    // names a thing never named, or work of its own left to next year: below).
    // A target that sets an amount of work (跨部门联合抽查不少于5次) is that work: when
    // no sentence tells any of it, nor a paragraph shown as the item's evidence its
    // figure, it is a task undone (read where the targets are checked: only there, a
    // figure the 指标未报告 hint does not see would not answer it either).
    let amount_undone = |t: usize| {
        !amounts[t].is_empty()
            && task_results[t].status == Status::Missing
            && amounts[t].iter().all(|a| {
                check_target(a, &evidence_texts, normalizer).outcome == TargetOutcome::NotReported
            })
    };
    // A task the achievements do not tell: not matched, or touched without being told
    // (学校卫生监督覆盖率100% touched by the item's 卫生监督).
    let untold = |t: usize| task_results[t].status == Status::Missing || touched_not_told[t];
    // A task the achievements only touch that a sentence of the shortcomings or plans
    // holds more of than the sentence shown for it (常年法律顾问 in the achievements, 推行
    // 总法律顾问制度 in the plans; 执法人员法律知识培训 学时 in the shortcomings): the words
    // shared are about other work, so it counts as placed there like an untold one. A
    // plan that carries on work done (继续推进…) in the plan's own words can read as
    // such: a known cost.
    let told_best_elsewhere =
        |t: usize| task_results[t].status == Status::Partial && shown_share[t] < best_elsewhere[t];
    // A target naming work of its own that the achievements do not tell and the report
    // places in its shortcomings or next year's plans (医疗责任保险参保率100%; 推进…医疗
    // 责任保险全覆盖 among the plans) is that work not done, like a numbered sub-task.
    let own_target_undone =
        |t: usize| own_target[t] && placed_elsewhere[t] && (untold(t) || told_best_elsewhere(t));
    // A target naming a thing the achievements never name (医疗责任保险参保率100%,
    // 公职律师不少于2名) counts as a task, as a target of its own left to next year does:
    // it asks for that thing, not for a figure the status may pass over, nor for words
    // the report shares with it (保险参保率100%).
    let names_unnamed = |t: usize| unnamed_things[t].is_some();
    let only_targets = is_target.iter().all(|&t| t);
    let counted: Vec<usize> = (0..task_results.len())
        .filter(|&t| {
            only_targets
                || !is_target[t]
                || task_results[t].status == Status::Covered
                || amount_undone(t)
                || own_target_undone(t)
                || names_unnamed(t)
        })
        .collect();
    let task_count = counted.len();
    // A target the report gives a figure for is part of the item done, even when the
    // status follows the other tasks.
    let target_answered = task_results
        .iter()
        .zip(&is_target)
        .any(|(t, &target)| target && t.status == Status::Covered);
    let with_status = |status: Status| {
        let task_results = &task_results;
        counted
            .iter()
            .filter(move |&&t| task_results[t].status == status)
    };
    let answered = with_status(Status::Covered).count();
    // A task the report itself tells in its shortcomings or next year's plans (a
    // sentence there would answer it) is not done: words of it in the achievements are
    // about something else (another 目录 published), as a reviewer reads them.
    let touched = with_status(Status::Partial)
        .filter(|&&t| !told_elsewhere[t])
        .count();
    // Tasks weigh what their words weigh, how well those tell the item from the plan's
    // other items: a task that names a thing of its own (医疗责任保险全覆盖,
    // 八五普法中期评估) counts for more than one that restates the subject in general
    // words (严厉查处违法违规行为, 压缩办理时限), as a reviewer misses the first, not
    // the second.
    let weight_of_task = |&t: &usize| weight_of(&position_weights, &task_spans[t]);
    let task_weight: f64 = counted.iter().map(weight_of_task).sum();
    let answered_weight: f64 = with_status(Status::Covered).map(weight_of_task).sum();
    // Tasks touched and told: a paragraph holding most of the item makes up for those,
    // as a task told in other words; not for a task whose own words (what it adds to
    // the item's subject) are all missing, nor for a list mostly unnamed.
    let told_weight: f64 = with_status(Status::Partial)
        .filter(|&&t| !touched_not_told[t])
        .map(weight_of_task)
        .sum();
    // A task after the item's opening clause that the achievements do not tell and the
    // report places in its shortcomings or next year's plans (平安医院建设 only in the
    // plans) is work the report says is not done: the rest told makes the item partial,
    // not covered, even by a paragraph that names the item (重点领域监管有力 for
    // 加强重点领域监督执法, with 职业卫生 only in the plans). The opening clause is
    // exempt: it states the item's goal (优化营商环境), which next year's plans carry
    // on (持续优化…) when its means are done.
    let planned_not_done =
        |t: usize| t > 0 && placed_elsewhere[t] && (untold(t) || told_best_elsewhere(t));
    let listed_elsewhere = |t: usize| listed_only_elsewhere(report, item_text, &task_spans[t]);
    // A sub-task the plan numbers itself (（2）加强法律顾问队伍建设) or adds with 并
    // (并编制卫生健康领域增值服务事项清单) is one a reviewer ticks off on its own: left
    // untold, the item is partial however much of the rest the paragraph holds; so is a
    // target of its own left to next year, a later task the report places there, one
    // listing a thing or a later one quoting a name (“跨省通办”) the report has only in
    // its shortcomings or plans (a thing reports name, never named, keeps it partial
    // however its tasks are answered: `names_unnamed`, asked with the parts below).
    // Asked only when the rest would make the item covered, once, the cheap checks
    // first: the last one reads the report.
    let set_apart_cell: OnceCell<bool> = OnceCell::new();
    let set_apart_undone = || {
        *set_apart_cell.get_or_init(|| {
            counted.iter().any(|&t| {
                (opens_numbered_subtask(&task_results[t].text)
                    || t > 0 && adds_a_task(&task_results[t].text))
                    && untold(t)
                    || own_target_undone(t)
                    || planned_not_done(t)
                    || t > 0 && quoted_elsewhere[t]
            }) || counted.iter().any(|&t| listed_elsewhere(t).is_some())
        })
    };
    let told = || {
        told_cell
            .get_or_init(|| told_of_item(report, &by_unit))
            .as_str()
    };
    let asking: Vec<&str> = counted
        .iter()
        .filter(|&&t| task_results[t].status != Status::Missing)
        .map(|&t| task_results[t].text.as_str())
        .collect();
    // A task listing the parts of a whole a reviewer ticks off one by one (公众参与、专家
    // 论证、风险评估…; 三项制度) is not done while a part it names is told nowhere in the
    // achievements of the paragraphs on the item: one sentence telling the others, which
    // matching reads as the whole, leaves that part undone.
    // A title naming the whole (全面落实行政执法“三项制度”) asks for every part, however
    // the tasks after it share them out (执法全过程记录 a task of its own, touched only);
    // a title that is itself a task asks only as that task.
    let title_is_a_task = task_results.iter().any(|t| t.text == item.title);
    let asking_with_title: Vec<&str> = asking
        .iter()
        .copied()
        .chain((!title_is_a_task).then_some(item.title.as_str()))
        .collect();
    let untold_parts = untold_parts(normalizer, &asking_with_title, told);
    // A task that makes a document (制定…不予处罚清单, 梳理并公布…目录) is not done while
    // the paragraphs on the item name no such document: applying the policy, told at
    // length, is not the list made.
    let mut unmade_documents: Vec<&str> = Vec::new();
    for document in asking.iter().filter_map(|task| unmade_document(task, told)) {
        if !unmade_documents.contains(&document) {
            unmade_documents.push(document);
        }
    }
    let copied = found.first().is_some_and(|m| {
        m.share >= COPIED && !report.units[m.unit].text.contains(char::is_numeric)
    });
    // The paragraph holding most of the item: where a clerk checks an item told in the
    // report's own words rather than task by task.
    let fullest = found.iter().max_by(|a, b| a.share.total_cmp(&b.share));
    let best_share = fullest.map_or(0.0, |m| m.share);
    // An item whose opening clause, its subject, the report tells in its shortcomings
    // or next year's plans (规范性文件 only in 下一步) and does not tell is not begun
    // unless a task is answered: words the achievements share with its other tasks are
    // about another subject (the 合法性审查 of a 决策, the training of 医务人员).
    let subject_placed_elsewhere = told_elsewhere.first() == Some(&true)
        && task_results
            .first()
            .is_some_and(|t| t.status == Status::Missing);
    // A title naming a thing reports name when they did it (信访 of 推进信访工作法治化)
    // that no achievements sentence names is not named by the words the achievements
    // share with it, in a paragraph's lead or in passing: those are about other work
    // (医共体法治化管理).
    let title_names_unnamed_thing =
        || unnamed_thing(report, normalizer, item_text, &(0..title_len)).is_some();
    let mut computed = if wrong_year || (the_plan_itself && copied_verbatim) {
        Status::Missing
    } else if task_count > 0
        && untold_parts.is_empty()
        && unmade_documents.is_empty()
        && !counted.iter().any(|&t| names_unnamed(t))
        && (answered == task_count
            || named.is_some() && !set_apart_undone()
            || (best_share >= MOST_OF_ITEM
                && 2.0 * (answered_weight + told_weight) >= task_weight
                && !set_apart_undone()))
    {
        Status::Covered
    } else if answered > 0
        || target_answered
        // A later task nearly told is the item begun, however its subject is placed,
        // unless the title names a thing reports name that the achievements never do.
        || counted.iter().any(|&t| {
            t > 0
                && task_results[t].status == Status::Partial
                && !touched_not_told[t]
                && !told_elsewhere[t]
                && shown_share[t] >= BEGUN
        }) && !title_names_unnamed_thing()
        || !subject_placed_elsewhere
            && (touched >= 2
                || touched_on_subject > 0
                || !title_names_unnamed_thing()
                    && (best_title >= TITLE_PART
                        // Nor is the subject named in passing when the report places
                        // the item there.
                        || mentioned_elsewhere.is_none()
                            && subject_in_passing(
                                &by_unit,
                                report,
                                &position_weights,
                                title_len,
                                studies,
                                &item_text.terms,
                            )))
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
    if user_confirmed {
        computed = Status::Covered;
    }
    for &unit in &evidence_units {
        matched_units[unit] = true;
    }

    let explanation = if user_confirmed {
        "已人工确认证据段落".to_string()
    } else if wrong_year {
        format!(
            "报告是{}年的，与计划年度不一致，不能说明计划条目的完成情况",
            report_year
        )
    } else if the_plan_itself && copied_verbatim {
        "报告中此项与计划原文几乎相同，没有写做了什么、成效如何".to_string()
    } else {
        let mut explanation = explain(
            computed,
            &task_results,
            Places {
                named: named.map(|m| &units[m.unit]),
                fullest: fullest.map(|m| &units[m.unit]),
                elsewhere: mentioned_elsewhere.map(|u| &units[u]),
            },
        );
        if computed == Status::Partial {
            let things = counted.iter().filter_map(|&t| unnamed_things[t]);
            explanation.push_str(&untold_things(&untold_parts, things));
            for document in unmade_documents {
                explanation.push_str(&format!("；未见所要制定的{document}"));
            }
            // A thing of a list set apart, which the task list does not show (its task
            // may read as told).
            if set_apart_cell.get() == Some(&true) {
                if let Some(thing) = counted.iter().find_map(|&t| listed_elsewhere(t)) {
                    let thing = original_text(&item.text(), item_text, &thing);
                    explanation.push_str(&format!("；其中“{thing}”只见于存在的不足或下一步安排"));
                }
            }
        }
        explanation
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
    ItemCoverage {
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
    }
}
