//! Tasks a reviewer ticks off on their own within an item, whatever the rest of it the
//! report tells: a sub-task the plan numbers or adds with 并, a thing it quotes, each part
//! of a whole a task lists (三项制度's three), a document a task makes.

use crate::lexicon::Normalizer;

use super::matching::ParagraphMatch;
use super::naming::{own_words_of_members, things_of_task};
use super::report::{MatchText, Report, CLAUSE_ENDS};
use super::targets::positions_of;
use super::weights::{han_bigrams, Bigram};
use super::Span;

/// The achievements sentences of the paragraphs `by_unit`, as matching sees them
/// ([`crate::lexicon::matching_key`]): each paragraph's run of the report's sentences,
/// which are in paragraph order, as `by_unit` is.
pub(super) fn told_of_item(report: &Report, by_unit: &[ParagraphMatch]) -> String {
    let keys = report.sentence_keys();
    by_unit
        .iter()
        .flat_map(|m| {
            let start = report.sentences.partition_point(|s| s.unit < m.unit);
            (start..report.sentences.len()).take_while(move |&s| report.sentences[s].unit == m.unit)
        })
        .filter(|&s| report.sentences[s].counts)
        .map(|s| keys[s].as_str())
        .collect()
}

/// Whether the item's achievements (`told`, [`told_of_item`]) name every one of a task's
/// `things` by its own words whole ([`own_words_of_members`], two characters or more),
/// wherever each is told. `text`: the item's own text, `matched` its match text.
pub(super) fn every_thing_told_whole(
    text: &str,
    matched: &MatchText,
    things: &[Span],
    told: &str,
) -> bool {
    own_words_of_members(&matched.chars, things)
        .iter()
        .all(|words| {
            // An empty member (、、 in the plan) is no thing told.
            if words.len() < 2 {
                return false;
            }
            let words: String =
                crate::lexicon::matching_key(matched.slice(text, matched.original(words)))
                    .into_iter()
                    .collect();
            words.chars().count() >= 2 && told.contains(&words)
        })
}

/// Whether the item's achievements name both of two things a task joins, or at least
/// half the things it lists, each by a word (a character pair) of its own: not one all of
/// them share ([`own_words_of_members`]). A task of one thing is always told here.
/// `chars`: the item's words; `things`: a task's, [`super::naming::things_of_task`];
/// `told`: whether the achievements of the paragraphs on the item hold a pair.
pub(super) fn most_things_told(
    chars: &[char],
    things: &[Span],
    told: impl Fn(Bigram) -> bool,
) -> bool {
    let named = |m: &Span| han_bigrams(&chars[m.clone()]).any(|(_, pair)| told(pair));
    let named_count = own_words_of_members(chars, things)
        .iter()
        .filter(|m| named(m))
        .count();
    match things.len() {
        1 => true,
        2 => named_count == 2,
        n => 2 * named_count >= n,
    }
}

/// The names of the parts of lexicon wholes ([`Normalizer::parts`]) that `tasks` ask for
/// and the item's achievements (`told`) do not tell: a task asks for every part when it
/// names the whole, for those it names when it names two or more. Naming the whole
/// tells every part.
pub(super) fn untold_parts<'n, 't>(
    normalizer: &'n Normalizer,
    tasks: &[&str],
    told: impl Fn() -> &'t str,
) -> Vec<&'n str> {
    let names = |text: &str, words: &[String]| words.iter().any(|w| text.contains(w.as_str()));
    let mut asked: Vec<(&str, &[String])> = Vec::new();
    for task in tasks {
        let task: String = crate::lexicon::matching_key(task).into_iter().collect();
        for whole in normalizer.parts() {
            let all = task.contains(&whole.head);
            if all || whole.parts.iter().filter(|p| names(&task, p)).count() >= 2 {
                for part in whole.parts.iter().filter(|p| all || names(&task, p)) {
                    if !asked
                        .iter()
                        .any(|(head, p)| *head == whole.head && *p == part)
                    {
                        asked.push((&whole.head, part));
                    }
                }
            }
        }
    }
    asked
        .into_iter()
        .filter(|(head, part)| !told().contains(head) && !names(told(), part))
        .map(|(_, part)| part[0].as_str())
        .collect()
}

/// Verbs that make a document (制定, 梳理并公布).
const MAKING: [&str; 12] = [
    "制定", "编制", "梳理", "出台", "修订", "印发", "公布", "建立", "完善", "更新", "调整", "发布",
];

/// Documents a task makes, each with the words a report names it by: a list is told as
/// a 目录 or a 任务分工 too (列明普法任务).
const DOCUMENTS: [&[&str]; 5] = [LISTS, &["指南"], &["细则"], &["基准", "标准"], &["办法"]];

/// The document `task` makes (a word of [`DOCUMENTS`] after a word of [`MAKING`]) when
/// the item's achievements (`told`) name no such document.
pub(super) fn unmade_document<'t>(task: &str, told: impl Fn() -> &'t str) -> Option<&'static str> {
    let made = &task[MAKING.iter().filter_map(|verb| task.find(verb)).min()?..];
    DOCUMENTS.iter().find_map(|words| {
        let (at, named) = words.iter().find_map(|w| made.find(w).map(|at| (at, *w)))?;
        let counted = words == &LISTS && list_counted(&made[..at], told());
        (!counted && !words.iter().any(|w| told().contains(w))).then_some(named)
    })
}

/// The words a report names a list by ([`DOCUMENTS`]' first).
const LISTS: &[&str] = &["清单", "目录", "名录", "分工", "列明"];

/// Characters of what a list holds (证明事项 of 证明事项清单) that a count must follow.
const LISTED_CHARS: usize = 4;

/// Whether a clause of `told` makes the list by counting what it holds (梳理公布实行告知承诺制的
/// 证明事项8项 for 证明事项清单), though the report does not say 清单: a verb of making, then
/// the last [`LISTED_CHARS`] characters of what the task lists (`before`, the task's words
/// before the list's name), then a figure counting them (项, 个, 类, 条).
fn list_counted(before: &str, told: &str) -> bool {
    let listed: Vec<char> = before.chars().collect();
    let listed: String = listed[listed.len().saturating_sub(LISTED_CHARS)..]
        .iter()
        .collect();
    if listed.chars().count() < 2 {
        return false;
    }
    told.split(CLAUSE_ENDS).any(|clause| {
        // Most clauses never hold what the list holds: one search spares one per
        // verb of making.
        if !clause.contains(&listed) {
            return false;
        }
        let Some(verb) = MAKING.iter().filter_map(|verb| clause.find(verb)).min() else {
            return false;
        };
        let Some(thing) = clause[verb..].find(&listed) else {
            return false;
        };
        let after: Vec<char> = clause[verb + thing + listed.len()..].chars().collect();
        matches!(after.as_slice(), [digit, ..] if digit.is_ascii_digit())
            && after
                .iter()
                .find(|c| !c.is_ascii_digit())
                .is_some_and(|unit| "项个类条".contains(*unit))
    })
}

/// Whether a sentence of the report holds `name` (as matching sees it) among those that
/// report achievements (`counts`) or among the others: the shortcomings, next year's
/// plans and the preamble's opening guidance. An empty name is held nowhere.
fn named_in_sentences(report: &Report, name: &[char], counts: bool) -> bool {
    !name.is_empty()
        && (0..report.sentences.len()).any(|s| {
            report.sentences[s].counts == counts
                && positions_of(report.sentence_chars(s), name)
                    .next()
                    .is_some()
        })
}

/// Whether `name` is in the report's shortcomings or plans and in none of its
/// achievements. Those few sentences are read first: most names are not there.
fn named_only_elsewhere(report: &Report, name: &[char]) -> bool {
    named_in_sentences(report, name, false) && !named_in_sentences(report, name, true)
}

/// Whether the report names a thing `task` quotes (“跨省通办”, a quote the task's end
/// cuts off too) in its shortcomings or plans and nowhere in its achievements.
pub(super) fn quoted_only_elsewhere(report: &Report, normalizer: &Normalizer, task: &str) -> bool {
    task.split('“').skip(1).any(|rest| {
        let quoted = rest.split_once('”').map_or(rest, |(name, _)| name);
        let name = normalizer
            .apply(&crate::lexicon::matching_key(quoted))
            .chars;
        named_only_elsewhere(report, &name)
    })
}

/// The words of a thing `task` lists or joins (学校卫生监督 of 公共场所、生活饮用水和
/// 学校卫生监督: the last thing runs on into a tail the others do not share), its own
/// ([`own_words_of_members`]), that the report names in its shortcomings or plans and
/// in no achievements sentence: the thing is told as not done.
pub(super) fn listed_only_elsewhere(
    report: &Report,
    item: &MatchText,
    task: &Span,
) -> Option<Span> {
    let things = things_of_task(&item.chars, &item.terms, task);
    // Things that read the same once the lexicon has read them are not told apart by
    // their words: 行政执法公示、执法全过程记录、法制审核 are each 三项制度, a whole
    // whose parts `untold_parts` asks for.
    let text = |m: &Span| &item.chars[m.clone()];
    if things.len() < 2
        || things
            .iter()
            .enumerate()
            .any(|(k, a)| things[k + 1..].iter().any(|b| text(a) == text(b)))
    {
        return None;
    }
    own_words_of_members(&item.chars, &things)
        .into_iter()
        .filter(|own| own.len() >= 2)
        .find(|own| named_only_elsewhere(report, &item.chars[own.clone()]))
}

/// The thing reports name when they did it (述法, 告知承诺制: the lexicon's `named` heads,
/// [`Normalizer::named_in`], alone or inside a longer term: 信访 of 信访工作法治化) that the
/// item's words `task` name and no achievements sentence of the report names: the rest of
/// the item told at length does not tell it.
pub(super) fn unnamed_thing<'a>(
    report: &Report,
    normalizer: &'a Normalizer,
    item: &'a MatchText,
    task: &Span,
) -> Option<&'a [char]> {
    item.terms
        .iter()
        .filter(|term| task.start <= term.start && term.end <= task.end)
        .flat_map(|term| normalizer.named_in(&item.chars[term.clone()]))
        .find(|named| !named_in_sentences(report, named, true))
}

/// Whether a task opens with 并 as "and also" (并修订完善裁量基准), not as part of a word
/// (并联审批, 并行, 并案处理).
pub(super) fn adds_a_task(task: &str) -> bool {
    let mut chars = task.trim_start().chars();
    chars.next() == Some('并') && chars.next().is_some_and(|c| !"联行购案轨列存".contains(c))
}

/// Whether a task starts with the plan's own sub-task number: （1）, (1), ①, or 1. and 1、
/// (not a figure: 1.5亿元).
pub(super) fn opens_numbered_subtask(task: &str) -> bool {
    let task = task.trim_start();
    let mut chars = task.chars();
    match chars.next() {
        Some('（' | '(') => chars.next().is_some_and(|c| c.is_ascii_digit()),
        Some(c) if c.is_ascii_digit() => {
            let mut after = task
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .chars();
            matches!(after.next(), Some('.' | '．' | '、'))
                && after.next().is_some_and(|c| !c.is_ascii_digit())
        }
        Some(c) => ('①'..='⑳').contains(&c),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn and_also_adds_a_task_but_not_inside_a_word() {
        assert!(adds_a_task("并修订完善卫生健康行政处罚裁量基准"));
        assert!(adds_a_task(" 并编制卫生健康领域增值服务事项清单"));
        assert!(!adds_a_task("并联审批医疗机构设置和执业登记"));
        assert!(!adds_a_task("并案处理"));
        assert!(!adds_a_task("修订完善裁量基准"));
        assert!(!adds_a_task("并"));
    }
}
