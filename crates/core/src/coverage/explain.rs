//! What the user reads: evidence paragraphs with their matched words, and the reason
//! for a status in a sentence a clerk can check.

use super::matching::ParagraphMatch;
use super::report::{MatchText, Report, Unit};
use super::{merged, round2, Evidence, Span, Status, TaskCoverage};
use crate::text::clip;

/// The plan's own words for a span of its match text.
pub(super) fn original_text(text: &str, matched: &MatchText, span: &Span) -> String {
    matched.slice(text, matched.original(span)).to_string()
}

/// A paragraph as evidence: its sentences that hold matches and the matched words.
pub(super) fn paragraph_evidence(report: &Report, m: &ParagraphMatch) -> Evidence {
    let text = &report.texts[m.unit];
    let mut sentences = Vec::new();
    let mut highlights = Vec::new();
    let mut phrases: Vec<String> = Vec::new();
    let paragraph = &report.units[m.unit].text;
    for (s, found) in &m.sentences {
        let span = &report.sentences[*s].span;
        sentences.push(text.original(span));
        for p in found {
            let range = text.original(&(p.at..p.at + p.item.len()));
            highlights.push(range);
            let words = text.slice(paragraph, range);
            if !phrases.iter().any(|p| p == words) {
                phrases.push(words.to_string());
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

/// Where a paragraph is, as a clerk finds it.
pub(super) fn where_is(unit: &Unit) -> String {
    let section = if unit.section.title.is_empty() {
        "导语".into()
    } else {
        clip(&unit.section.title, 12)
    };
    format!("“{section}”第{}段", unit.paragraph_index + 1)
}

/// The paragraphs a reason names.
pub(super) struct Places<'u, 'a> {
    /// A paragraph given to the item (its title named, an account given).
    pub(super) named: Option<&'u Unit<'a>>,
    /// The paragraph holding most of the item.
    pub(super) fullest: Option<&'u Unit<'a>>,
    /// A paragraph outside the achievements that would answer a task.
    pub(super) elsewhere: Option<&'u Unit<'a>>,
}

/// Why an item has its status, in a sentence a clerk can check against the report.
pub(super) fn explain(status: Status, tasks: &[TaskCoverage], places: Places) -> String {
    let Places {
        named,
        fullest,
        elsewhere,
    } = places;
    let count = |status: Status| tasks.iter().filter(|t| t.status == status).count();
    let (answered, partly) = (count(Status::Covered), count(Status::Partial));
    // The first three tasks of a kind, quoted, and 等 when there are more.
    let listed = |status: Status| {
        let mut quoted: String = tasks
            .iter()
            .filter(|t| t.status == status)
            .take(3)
            .map(|t| format!("“{}”", clip(&t.text, 16)))
            .collect();
        if count(status) > 3 {
            quoted.push('等');
        }
        quoted
    };
    let mut tally = format!("{}项任务写到{answered}项", tasks.len());
    if partly > 0 {
        tally.push_str(&format!("，部分写到{}", listed(Status::Partial)));
    }
    if count(Status::Missing) > 0 {
        tally.push_str(&format!("；未写到{}", listed(Status::Missing)));
    }
    match status {
        Status::Covered if answered == tasks.len() => {
            format!("{}项任务均有叙述", tasks.len())
        }
        Status::Covered => format!(
            "{}，{tally}",
            match (named, fullest) {
                (Some(unit), _) => format!("{}专门叙述此项", where_is(unit)),
                (None, Some(unit)) => format!("{}用自己的话较完整地叙述了此项", where_is(unit)),
                (None, None) => "报告有较完整的叙述".to_string(),
            }
        ),
        Status::Partial if answered == 0 && partly == 0 => {
            format!("报告只顺带提到此项，{}项任务都未写到", tasks.len())
        }
        Status::Partial => tally,
        _ => match elsewhere {
            Some(unit) => format!("只在{}提到，主要举措和成效部分没有叙述", where_is(unit)),
            None if tasks.is_empty() => "条目没有可核对的具体任务".to_string(),
            None => "报告的主要举措和成效部分没有叙述此项".to_string(),
        },
    }
}

/// What an item's reason adds for the parts of a whole (`parts`) and the things reports
/// name when they did it (`things`, as matching reads them) that no achievements sentence
/// tells: `；其中“执法全过程记录”“医疗美容”未见叙述`, or nothing.
pub(super) fn untold_things<'a>(
    parts: &[&str],
    things: impl Iterator<Item = &'a [char]>,
) -> String {
    let mut untold: Vec<String> = parts.iter().map(|part| part.to_string()).collect();
    for thing in things {
        let thing: String = thing.iter().collect();
        if !untold.contains(&thing) {
            untold.push(thing);
        }
    }
    if untold.is_empty() {
        return String::new();
    }
    let named: String = untold.iter().map(|thing| format!("“{thing}”")).collect();
    format!("；其中{named}未见叙述")
}
