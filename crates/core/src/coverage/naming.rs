//! What the words of a task or of a report's phrase name: a unit (who does the work, not
//! the work), an amount of work, the things a task lists, and what other work goes by (a
//! publication channel, a guiding thought).

use crate::plan_items::{Comparator, Target};
use crate::text::is_han;

use super::matching::{cuts_a_term, ParagraphMatch, Phrase, MIN_PHRASE};
use super::report::{Report, THROUGH};
use super::weights::{weight_in, weight_of, GENERIC_WORDS};
use super::{ratio, Span};

/// A paragraph names an item's subject when its lead (heading and first sentence) holds
/// this share of the title's weight.
pub(super) const TITLE_NAMED: f64 = 0.5;

/// Whether a sentence of the achievements parts holds most of the item's title: its
/// subject named in passing, by words that name work ([`names_no_work`]; `studies`: the
/// item asks for laws to be studied), and not by words that cut one of the item's
/// `terms` ([`cuts_a_term`]).
pub(super) fn subject_in_passing(
    matches: &[ParagraphMatch],
    report: &Report,
    weights: &[f64],
    title_len: usize,
    studies: bool,
    terms: &[Span],
) -> bool {
    let title = 0..title_len;
    let title_total = weight_of(weights, &title);
    matches
        .iter()
        .flat_map(|m| m.sentences.iter().map(move |s| (m.unit, s)))
        .any(|(unit, (s, phrases))| {
            let named = phrases
                .iter()
                .filter(|p| !cuts_a_term(p, terms) && !names_no_work(report, unit, p, studies))
                .map(|p| p.item.clone());
            report.sentences[*s].counts
                && ratio(weight_in(named, weights, &title), title_total) >= TITLE_NAMED
        })
}

/// How names of units end (…预防控制中心, …工作领导小组, …依法治区办): a unit a task
/// names is who does it or with whom, not what is done, and reports name the same units
/// about their other work.
const UNIT_ENDINGS: [&[char]; 12] = [
    &['中', '心'],
    &['委', '员', '会'],
    &['小', '组'],
    &['办', '公', '室'],
    &['医', '院'],
    &['卫', '生', '院'],
    &['治', '区', '办'],
    &['治', '县', '办'],
    &['治', '市', '办'],
    &['执', '法', '局'],
    &['执', '法', '大', '队'],
    &['监', '督', '所'],
];

/// Units of a target that counts work done (`开展跨部门联合抽查不少于5次`,
/// `培训不少于60学时`), as opposed to a rate, a time limit (`7个工作日内`) or a
/// duration (`不少于3个月`, `2周`).
const AMOUNT_UNITS: [&str; 11] = [
    "学时", "小时", "人次", "个", "家", "次", "期", "人", "件", "起", "项",
];

/// Whether a target sets an amount of work to do, at least so many times, hours or
/// things: the work itself is a task, which a report silent on it has left undone. A
/// rate (`审查率100%`, `全覆盖`) or a time limit measures how other tasks were done: not
/// reported, it is a target not reported, not a task undone.
pub(super) fn sets_an_amount(target: &Target) -> bool {
    matches!(target.comparator, Comparator::AtLeast | Comparator::Above)
        && AMOUNT_UNITS.contains(&target.unit.as_str())
}

/// Fewest things a task lists between 、 for it to be read as a list of its own tasks.
pub(super) const LISTED: usize = 3;

/// The things a task lists between 、, and after a 和 that follows the last 、
/// (`规范性文件、重大决策和合同` lists three); one, the whole task, when it lists none.
/// `terms`: where the item holds lexicon heads.
pub(super) fn list_members(chars: &[char], terms: &[Span], task: &Span) -> Vec<Span> {
    let mut ends: Vec<usize> = task.clone().filter(|&k| chars[k] == '、').collect();
    let last_and = ends
        .last()
        .and_then(|&last| (last + 1..task.end).find(|&k| joins_two_things(chars, terms, k)));
    ends.extend(last_and);
    ends.into_iter()
        .chain([task.end])
        .scan(task.start, |start, end| {
            let member = *start..end;
            *start = end + 1;
            Some(member)
        })
        .collect()
}

/// The things a reviewer ticks off one by one in a task: the [`LISTED`] or more it
/// lists ([`list_members`]), or the two it joins with 和 (`开展打击欺诈骗取医保基金和整治
/// 医疗乱象专项行动`: one told leaves the other undone); else the task, one thing.
pub(super) fn things_of_task(chars: &[char], terms: &[Span], task: &Span) -> Vec<Span> {
    let members = list_members(chars, terms, task);
    if members.len() >= LISTED {
        return members;
    }
    // Only a task that lists nothing else: 规范性文件、重大决策和合同 is a list of three,
    // and one of two things between 、 is not read as a pair.
    let joined: Vec<Span> = task
        .clone()
        .filter(|&k| joins_two_things(chars, terms, k))
        .map(|k| [task.start..k, k + 1..task.end])
        .collect::<Vec<_>>()
        .concat();
    if members.len() == 1 && joined.len() == 2 && joined.iter().all(|m| m.len() >= JOINED_THING) {
        joined
    } else {
        vec![task.clone()]
    }
}

/// Fewest characters of each of two things a task joins with 和 for it to be read as
/// two tasks (打击欺诈骗取医保基金 和 整治医疗乱象专项行动): a shorter side is too little
/// to be a task of its own.
const JOINED_THING: usize = 4;

/// What each of a task's `members` (the things it lists or joins) names of its own: the
/// member without its opening verb (全面推行), the words all of a list's members share
/// at the start (行政 of 行政处罚、行政许可、行政检查) and those shared at the end (卫生
/// of 学校卫生、公共场所卫生和生活饮用水卫生监督, where the last runs on into the list's
/// common tail, 监督; “一件事” of 新生儿出生“一件事”和公民身后“一件事”集成办理). A member
/// left with fewer than two characters keeps its words.
pub(super) fn own_words_of_members(chars: &[char], members: &[Span]) -> Vec<Span> {
    let text = |m: &Span| &chars[m.clone()];
    // The verb that opens a member is no word of the thing (全面推行告知承诺制, 规范行政处罚).
    let things: Vec<Span> = members
        .iter()
        .map(|m| {
            let mut start = m.start;
            while let Some(verb) = GENERIC_WORDS.iter().chain(&LEADING_VERBS).find(|verb| {
                let mut member = chars[start..m.end].iter();
                verb.chars().all(|c| member.next() == Some(&c))
            }) {
                start += verb.chars().count();
            }
            start..m.end
        })
        .collect();
    // A shared character alone is chance (医 of 医保基金 and 医疗服务): words are shared.
    let shared = |len: &dyn Fn(&[char], &[char]) -> usize, of: &[Span]| {
        of.split_first()
            .and_then(|(first, rest)| rest.iter().map(|m| len(text(first), text(m))).min())
            .filter(|&n| n >= 2)
            .unwrap_or(0)
    };
    let prefix = |a: &[char], b: &[char]| a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = |a: &[char], b: &[char]| {
        a.iter()
            .rev()
            .zip(b.iter().rev())
            .take_while(|(x, y)| x == y)
            .count()
    };
    let Some((last, before_last)) = things.split_last() else {
        return Vec::new();
    };
    // Two things may share a word that tells each apart (医疗保障基金 and 医疗服务), a
    // list's members a word none of them is named by.
    let head = if things.len() > 2 {
        shared(&prefix, &things)
    } else {
        0
    };
    // Of two things, the first's ending that the second holds (新生儿出生“一件事”和公民
    // 身后“一件事”集成办理).
    let tail = match before_last {
        [first] => (2..=text(first).len())
            .rev()
            .find(|&n| {
                let ending = &text(first)[text(first).len() - n..];
                text(last).windows(n).any(|w| w == ending)
            })
            .unwrap_or(0),
        _ => shared(&suffix, before_last),
    };
    let ending = before_last
        .first()
        .map_or(&[][..], |m| &text(m)[text(m).len() - tail..]);
    // The last member ends where it holds the shared ending last.
    let last_end = (tail > 0)
        .then(|| {
            text(last)
                .windows(tail)
                .rposition(|w| w == ending)
                .map(|k| last.start + k)
        })
        .flatten()
        .unwrap_or(last.end);
    things
        .iter()
        .zip(members)
        .map(|(thing, member)| {
            let end = if thing == last {
                last_end
            } else {
                thing.end - tail
            };
            let own = thing.start + head..end;
            if own.len() >= 2 {
                own
            } else {
                member.clone()
            }
        })
        .collect()
}

/// Verbs (and 严厉, the adverb before 打击) that open a plan's tasks besides
/// [`GENERIC_WORDS`], which weighing keeps.
const LEADING_VERBS: [&str; 7] = ["推行", "依托", "实行", "严厉", "打击", "发挥", "履行"];

/// Whether character `k` of a plan text is a 和 that joins two things: not one that
/// forms a word with its neighbour ([`WORDS_WITH_AND`]) or lies inside a lexicon head
/// (`terms`).
pub(super) fn joins_two_things(chars: &[char], terms: &[Span], k: usize) -> bool {
    // Whether `word` is in the text with its 和 at k.
    let at_k = |word: &&str| {
        let before = word.chars().take_while(|&c| c != '和').count();
        k.checked_sub(before).is_some_and(|start| {
            let mut text = chars[start..].iter();
            word.chars().all(|c| text.next() == Some(&c))
        })
    };
    chars[k] == '和'
        && !terms.iter().any(|t| t.contains(&k))
        && (READ_APART.iter().any(at_k) || !WORDS_WITH_AND.iter().any(at_k))
}

/// Words 和 forms with a neighbour (和谐社会, 行政和解, 缓和矛盾): such a 和 joins
/// nothing…
const WORDS_WITH_AND: [&str; 6] = ["和谐", "和平", "和解", "和睦", "缓和", "总和"];
/// …unless the neighbour belongs to the next or the previous word (法治和平安建设,
/// 数据汇总和分析).
const READ_APART: [&str; 2] = ["和平安", "汇总和"];

/// Whether `phrases` name at least half the things a task lists, or both of two things
/// it joins with 和 ([`things_of_task`]). A task that lists nothing is one thing, always
/// named.
/// `terms`: where the item holds lexicon heads.
pub(super) fn names_most_members(
    chars: &[char],
    terms: &[Span],
    task: &Span,
    phrases: &[Phrase],
) -> bool {
    let things = things_of_task(chars, terms, task);
    match things.len() {
        1 => true,
        // Each by words of its own, more than one two-character word (人员 of 医务人员
        // for 执法人员 is as often chance).
        2 => things.iter().all(|m| {
            m.clone()
                .filter(|&k| phrases.iter().any(|p| p.item.contains(&k)))
                .count()
                >= MIN_PHRASE
        }),
        _ => {
            let named = |m: &Span| {
                phrases
                    .iter()
                    .any(|p| p.item.end.min(m.end) >= p.item.start.max(m.start) + 2)
            };
            let own = own_words_of_members(chars, &things);
            2 * own.iter().filter(|m| named(m)).count() >= things.len()
        }
    }
}

/// Whether `phrases` name a whole thing of a task's list, `members` ([`listed_things`]:
/// `开展医疗美容机构专项检查` for `开展医疗美容、口腔诊疗、辅助生殖等…专项整治`): one of
/// the tasks the list holds is told. The first thing, which starts the task, may start
/// with a verb of [`VERB_CHARS`] the phrase leaves out; no other may (诊疗 does not name
/// 口腔诊疗), and a phrase of fewer than [`MIN_PHRASE`] characters names none. A phrase
/// holding a domain term of the item's (`terms`) that other items hold too names a thing
/// of many subjects (法制审核 of 执法决定 for the 合法性审查 of 决策) and names none here;
/// one the item alone holds (`own_terms`, [`super::own_terms`]: 医疗美容) names its thing.
pub(super) fn names_a_member<'p>(
    members: &[Span],
    terms: &[Span],
    own_terms: &[Span],
    mut phrases: impl Iterator<Item = &'p Phrase>,
) -> bool {
    let Some(task_start) = members.first().map(|m| m.start) else {
        return false;
    };
    phrases.any(|p| {
        p.item.len() >= MIN_PHRASE
            && !terms
                .iter()
                .any(|t| p.item.start < t.end && t.start < p.item.end && !own_terms.contains(t))
            && members.iter().any(|m| {
                let verb = if m.start == task_start { VERB_CHARS } else { 0 };
                m.len() >= MIN_PHRASE && p.item.start <= m.start + verb && p.item.end >= m.end
            })
    })
}

/// The things of a task's list that [`names_a_member`] looks for: none unless it lists
/// [`LISTED`] or more; the last ends at 等 (what follows is the list's common tail).
pub(super) fn listed_things(chars: &[char], terms: &[Span], task: &Span) -> Vec<Span> {
    let mut members = list_members(chars, terms, task);
    if members.len() < LISTED {
        return Vec::new();
    }
    if let Some(last) = members.last_mut() {
        if let Some(k) = chars[last.clone()].iter().position(|&c| c == '等') {
            last.end = last.start + k;
        }
    }
    members
}

/// A task that is a unit's name may start with a verb of this many characters (调整, 设立).
pub(super) const VERB_CHARS: usize = 2;

/// Whether the item's words at `span` end as a unit's name does, after at least
/// [`UNIT_QUALIFIER`] characters that say which unit (进医院 names none).
pub(super) fn names_a_unit(chars: &[char], span: &Span) -> bool {
    let words = &chars[span.clone()];
    UNIT_ENDINGS
        .iter()
        .any(|ending| words.len() >= ending.len() + UNIT_QUALIFIER && words.ends_with(ending))
}

/// Characters before a unit's ending that name the unit (市中医医院, 区妇幼保健院).
const UNIT_QUALIFIER: usize = 2;

/// Whether the item's words at `span` are followed by a unit's ending, directly or
/// after [`UNIT_KIND`] characters at most (领导小组, 工作小组): they say which unit.
pub(super) fn qualifies_a_unit(chars: &[char], span: &Span) -> bool {
    followed_by_ending(chars, span.end, UNIT_KIND, &UNIT_ENDINGS)
}

/// Whether one of `endings` follows position `end` of `chars`, directly or after at most
/// `gap` Han characters. Inlined: asked of most phrases, with a constant gap and
/// endings (out of line it added 4 % to `compute`).
#[inline(always)]
fn followed_by_ending(chars: &[char], end: usize, gap: usize, endings: &[&[char]]) -> bool {
    (0..=gap).any(|n| {
        let from = end + n;
        chars
            .get(end..from)
            .is_some_and(|between| between.iter().all(|&c| is_han(c)))
            && endings
                .iter()
                .any(|ending| chars.get(from..from + ending.len()) == Some(*ending))
    })
}

/// Characters that may stand between the words that say which unit and its ending.
const UNIT_KIND: usize = 2;

/// Whether a phrase of report paragraph `unit` names what some other work goes by, not
/// that work: the channel it was published through or on (`通过委门户网站政务公开专栏向
/// 社会公开` 执法决定 and `在县政府信息公开网公示` are no 政务公开 work; `推出以案释法专栏`
/// is 以案释法 work), the thought that guides it (`坚持以习近平法治思想为指引，推进…` is no
/// study of it), or, unless the item `studies` ([`asks_for_study`]), a law read or taught
/// (专题学习《信访工作条例》 is no 信访 work). Such a phrase answers no task and names no
/// subject.
pub(super) fn names_no_work(report: &Report, unit: usize, p: &Phrase, studies: bool) -> bool {
    let clauses = &report.clauses[unit];
    let Some(clause) = clauses.get(clauses.partition_point(|c| c.span.end <= p.at)) else {
        return false;
    };
    let text = &report.texts[unit].chars;
    let end = p.at + p.item.len();
    // A channel published on is named by the words right before its ending: with words
    // between (信息均在网站公示) the phrase names what was published.
    let names_a_channel = || {
        (clause.through.is_some_and(|t| t + THROUGH.len() <= p.at)
            && followed_by_ending(text, end, CHANNEL_KIND, &CHANNEL_ENDINGS))
            || (clause.publishes && followed_by_ending(text, end, 0, &PUBLISHED_ON))
    };
    let in_a_studied_title = || {
        clause
            .studied
            .iter()
            .any(|t| t.start <= p.at && end <= t.end)
    };
    clause.names_guidance || names_a_channel() || !studies && in_a_studied_title()
}

/// Words of an item that asks for laws to be studied or taught (学习, 普法, 培训…), and
/// 法治教育: compared as arrays, with no text built (asked of every item).
const STUDY_WORDS: [[char; 2]; 9] = [
    ['学', '习'],
    ['学', '法'],
    ['普', '法'],
    ['宣', '传'],
    ['宣', '讲'],
    ['解', '读'],
    ['培', '训'],
    ['讲', '授'],
    ['宣', '贯'],
];
const LAW_EDUCATION: [char; 4] = ['法', '治', '教', '育'];

/// Whether an item's words ask for laws to be studied or taught (组织学习《民法典》).
pub(super) fn asks_for_study(chars: &[char]) -> bool {
    chars
        .windows(2)
        .any(|w| STUDY_WORDS.contains(&[w[0], w[1]]))
        || chars.windows(4).any(|w| w == LAW_EDUCATION)
}

/// Characters that may stand between the words a channel goes by and its ending
/// (普法宣传|微信|公众号).
const CHANNEL_KIND: usize = 2;

/// A channel's ending and the verb that says something was published there, which
/// name a channel without 通过 (在县政府信息公开网公示 is no 政务公开 work).
const PUBLISHED_ON: [&[char]; 6] = [
    &['网', '公', '示'],
    &['网', '公', '布'],
    &['网', '站', '公', '示'],
    &['网', '站', '公', '布'],
    &['平', '台', '公', '示'],
    &['平', '台', '公', '布'],
];

/// How names of the places a report publishes in end (政务公开专栏, 政府信息公开平台).
const CHANNEL_ENDINGS: [&[char]; 6] = [
    &['专', '栏'],
    &['栏', '目'],
    &['平', '台'],
    &['网', '站'],
    &['公', '众', '号'],
    &['小', '程', '序'],
];

#[cfg(test)]
mod tests {
    use super::super::span_of;
    use super::*;

    #[test]
    fn a_members_own_words_leave_out_what_all_members_share() {
        let own = |text: &str| {
            let chars: Vec<char> = text.chars().collect();
            let task = 0..chars.len();
            let things = things_of_task(&chars, &[], &task);
            own_words_of_members(&chars, &things)
                .into_iter()
                .map(|m| chars[m].iter().collect::<String>())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            own("加强学校卫生、公共场所卫生和生活饮用水卫生监督"),
            ["学校", "公共场所", "生活饮用水"]
        );
        assert_eq!(
            own("规范行政处罚、行政许可、行政检查"),
            ["处罚", "许可", "检查"]
        );
        assert_eq!(
            own("实现新生儿出生一件事和公民身后一件事集成办理"),
            ["新生儿出生", "公民身后"]
        );
        // Left with the opening verb alone, a member keeps its words.
        assert_eq!(
            own("全面推行告知承诺制和涉企经营许可事项告知承诺制"),
            ["全面推行告知承诺制", "涉企经营许可事项"]
        );
    }

    #[test]
    fn a_whole_thing_of_a_list_is_named_but_not_by_a_term_other_items_hold() {
        let task: Vec<char> = "开展医疗美容、口腔诊疗、合法性审查等专项整治"
            .chars()
            .collect();
        let whole = 0..task.len();
        let terms = [span_of(&task, "合法性审查")];
        for (words, named) in [
            ("开展医疗美容", true),
            ("口腔诊疗", true),
            ("医疗美容", true),
            ("口腔", false),
            ("诊疗", false),
            ("腔诊疗", false),
            ("合法性审查", false),
        ] {
            assert_eq!(
                names_a_member(
                    &listed_things(&task, &terms, &whole),
                    &terms,
                    &[],
                    phrases(&task, &[words]).iter()
                ),
                named,
                "{words}"
            );
            // A term the item alone holds names its thing.
            assert_eq!(
                names_a_member(
                    &listed_things(&task, &terms, &whole),
                    &terms,
                    &terms,
                    phrases(&task, &[words]).iter()
                ),
                named || words == "合法性审查",
                "{words}, the item's own term"
            );
        }
    }

    #[test]
    fn a_duration_is_no_amount_of_work() {
        for (task, amount) in [
            ("开展跨部门联合抽查不少于5次", true),
            ("组织执法人员培训不少于60学时", true),
            ("建成示范点不少于3个", true),
            ("整改公示期不少于3个月", false),
            ("集中宣传不少于2周", false),
        ] {
            let targets = crate::plan_items::extract_targets(task);
            assert_eq!(targets.len(), 1, "{task}");
            assert_eq!(sets_an_amount(&targets[0]), amount, "{task}");
        }
    }

    #[test]
    fn a_he_of_a_word_or_a_lexicon_head_joins_nothing() {
        let joins = |text: &str, terms: &[&str]| {
            let chars: Vec<char> = text.chars().collect();
            let terms: Vec<Span> = terms.iter().map(|t| span_of(&chars, t)).collect();
            let k = chars.iter().position(|&c| c == '和').unwrap();
            joins_two_things(&chars, &terms, k)
        };
        assert!(joins("开展打击欺诈骗取医保基金和整治医疗乱象专项行动", &[]));
        for word in [
            "构建和谐医患关系",
            "推进行政和解工作",
            "缓和医患矛盾",
            "维护地区和平稳定",
        ] {
            assert!(!joins(word, &[]), "{word}");
        }
        // A neighbour of the next or the previous word leaves the 和 a conjunction.
        assert!(joins("推进法治和平安建设", &[]));
        assert!(joins("做好数据汇总和分析", &[]));
        assert!(!joins("推进调解和仲裁机制建设", &["调解和仲裁"]));
    }

    #[test]
    fn words_before_a_units_ending_say_which_unit() {
        for (task, words, says_which_unit) in [
            ("调整局法治政府建设领导小组", "法治政府建设", true),
            ("会同市疾病预防控制中心开展监测", "疾病预防控制", true),
            ("调整局法治政府建设领导小组", "调整局", false),
            ("推进法治政府建设示范创建", "法治政府建设", false),
        ] {
            let chars: Vec<char> = task.chars().collect();
            let span = span_of(&chars, words);
            assert_eq!(
                qualifies_a_unit(&chars, &span),
                says_which_unit,
                "{task}: {words}"
            );
        }
    }

    /// The phrases of `task` at `words`, as matched.
    fn phrases(task: &[char], words: &[&str]) -> Vec<Phrase> {
        words
            .iter()
            .map(|w| Phrase {
                item: span_of(task, w),
                at: 0,
            })
            .collect()
    }

    #[test]
    fn two_things_joined_by_and_are_both_named_or_not_told() {
        let task: Vec<char> = "开展打击欺诈骗取医保基金和整治医疗乱象专项行动"
            .chars()
            .collect();
        let whole = 0..task.len();
        let told = |words: &[&str]| names_most_members(&task, &[], &whole, &phrases(&task, words));
        assert!(!told(&["整治医疗乱象专项行动"]));
        assert!(told(&["打击欺诈", "整治医疗乱象专项行动"]));
        // One two-character word of the other thing is as often chance.
        assert!(!told(&["基金", "整治医疗乱象专项行动"]));
        // Three things (、 then 和) are a list, not a pair: most of them named.
        let list: Vec<char> = "局机关规范性文件、重大决策和合同在出台前均经法制机构审核"
            .chars()
            .collect();
        let whole = 0..list.len();
        let told = |words: &[&str]| names_most_members(&list, &[], &whole, &phrases(&list, words));
        assert!(told(&["规范性文件", "重大决策"]));
        assert!(!told(&["规范性文件"]));
        // A 和 of a word (和解) joins nothing: the task is one thing.
        let one: Vec<char> = "推进医疗纠纷人民调解和解工作机制建设".chars().collect();
        let whole = 0..one.len();
        assert!(names_most_members(
            &one,
            &[],
            &whole,
            &phrases(&one, &["医疗纠纷人民调解"])
        ));
    }
}
