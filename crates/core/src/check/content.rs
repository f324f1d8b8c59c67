//! Content required by 《法治政府建设与责任落实督察工作规定》: the template's parts
//! present and filled in, and the reminders before the report is sent and published.

use std::ops::Range;
use std::sync::OnceLock;

use crate::date::CalendarDate;
use crate::model::TextField;
use crate::template::{Deadlines, Template};

use super::units::{Doc, Role, Unit};
use super::{Finding, Location, Severity, TextRef};
use crate::rules::Rule;
use crate::text::is_han;

/// How a part of the mandated outline is recognised when a draft does not carry the
/// template's key: words in a level-1 heading, or (in thematic outlines, which fold
/// shortcomings and plans into a closing paragraph) words anywhere in the body.
pub struct Part {
    pub key: &'static str,
    heading_words: &'static [&'static str],
    body_words: &'static [&'static str],
}

/// Whether a draft's section with template key `key` is a part the regulation requires
/// (all but 其他需要报告的情况): leaving it without text is an error, not a hint.
pub(super) fn is_required_part(key: &str) -> bool {
    key != "other" && PARTS.iter().any(|p| p.key == key)
}

const PARTS: [Part; 5] = [
    Part {
        key: "measures",
        heading_words: &["成效", "举措", "主要工作"],
        body_words: &[],
    },
    Part {
        key: "shortcomings",
        heading_words: &["不足", "问题", "短板"],
        body_words: &["不足", "存在问题", "短板"],
    },
    Part {
        key: "first_responsibility",
        heading_words: &["第一责任人"],
        body_words: &["第一责任人"],
    },
    Part {
        key: "next_year",
        heading_words: &["安排", "计划", "打算", "下一步", "思路"],
        body_words: &["下一步", "今后"],
    },
    Part {
        key: "other",
        heading_words: &["其他需要报告"],
        body_words: &["其他需要报告"],
    },
];

/// Phrases that say nothing about a concrete shortcoming.
const BOILERPLATE: [&str; 10] = [
    "存在一些问题和不足",
    "存在一些不足",
    "存在一些问题",
    "还存在一定差距",
    "与上级要求相比",
    "与群众期盼相比",
    "有待进一步加强",
    "有待进一步提高",
    "还需进一步加强",
    "仍有差距",
];

/// Fewer characters of substance than this in the shortcomings part is a hint.
const THIN_SHORTCOMINGS: usize = 50;

/// The parts a level-1 heading stands for: by its template key, else by its words.
pub fn heading_parts<'a>(
    key: Option<&'a str>,
    title: &'a str,
) -> impl Iterator<Item = &'static Part> + 'a {
    let by_key = PARTS.iter().find(|p| Some(p.key) == key);
    PARTS.iter().filter(move |p| match by_key {
        Some(known) => p.key == known.key,
        None => p.heading_words.iter().any(|w| title.contains(w)),
    })
}

fn template() -> &'static Template {
    static TEMPLATE: OnceLock<Template> = OnceLock::new();
    TEMPLATE.get_or_init(Template::builtin_default)
}

pub fn check(doc: &Doc, today: CalendarDate, deadlines: &Deadlines, out: &mut Vec<Finding>) {
    parts(doc, out);
    due_dates(doc, today, deadlines, out);
    if doc.secrecy_reviewed {
        return;
    }
    out.push(Finding {
        rule: Rule::SecrecyReview,
        severity: Severity::Warning,
        location: Location::Document,
        message: "向社会公开前须经保密审查（规定第二十四条：涉及党和国家秘密的除外），请确认已完成"
            .into(),
        fix: None,
    });
}

/// Where a part was found: the units of its text, and its heading if it has one.
struct Found {
    heading: Option<usize>,
    content: Range<usize>,
}

fn parts<'a>(doc: &Doc<'a>, out: &mut Vec<Finding>) {
    let units = &doc.units;
    let headings: Vec<(usize, Option<&str>)> = units
        .iter()
        .enumerate()
        .filter_map(|(i, u)| match u.role {
            Role::Heading { level: 1, key, .. } => Some((i, key)),
            _ => None,
        })
        .collect();
    let body_end = units
        .iter()
        .rposition(|u| matches!(u.role, Role::Heading { .. } | Role::Body))
        .map_or(0, |i| i + 1);
    let content_of = |h: usize| {
        let end = headings
            .iter()
            .map(|h| h.0)
            .find(|&next| next > h)
            .unwrap_or(body_end);
        h + 1..end
    };
    let parts_of =
        |(h, key): (usize, Option<&'a str>)| heading_parts(key, units[h].heading_title());
    let template = template();
    for section in template.sections.iter().filter(|s| s.numbered) {
        let Some(part) = PARTS.iter().find(|p| p.key == section.key) else {
            continue;
        };
        let by_heading = headings
            .iter()
            .copied()
            .find(|&h| parts_of(h).any(|p| p.key == part.key))
            .map(|h| h.0);
        let thematic = || {
            if part.key == "measures" {
                return headings
                    .iter()
                    .copied()
                    .find(|&h| parts_of(h).next().is_none())
                    .map(|(h, _)| Found {
                        heading: Some(h),
                        content: content_of(h),
                    });
            }
            let i = units.iter().position(|u| {
                u.role == Role::Body && part.body_words.iter().any(|w| u.text.contains(w))
            })?;
            Some(Found {
                heading: None,
                content: i..i + 1,
            })
        };
        let found = by_heading
            .map(|h| Found {
                heading: Some(h),
                content: content_of(h),
            })
            .or_else(thematic);
        let severity = if is_required_part(part.key) {
            Severity::Error
        } else {
            Severity::Warning
        };
        let name = crate::template::fill_year(&section.title, doc.report_year.unwrap_or(0));
        let Some(found) = found else {
            out.push(Finding {
                rule: Rule::SectionMissing,
                severity,
                location: Location::Document,
                message: format!("缺少规定的内容“{name}”（《法治政府建设与责任落实督察工作规定》要求报告的部分）"),
                fix: None,
            });
            continue;
        };
        let text = &units[found.content.clone()];
        let location = || {
            found
                .heading
                .map_or(Location::Document, |h| heading_location(&units[h]))
        };
        let no_text = found.heading.is_some_and(|h| match units[h].target {
            TextRef::Node { id, .. } => doc.no_text.contains(&id),
            _ => false,
        });
        if no_text {
            // A draft's part with no text at all is named once, among what the
            // document lacks (`missing`).
            continue;
        }
        if substance(text, &[]) == 0 {
            out.push(Finding {
                rule: Rule::SectionEmpty,
                severity,
                location: location(),
                message: format!("“{name}”还没有实质内容"),
                fix: None,
            });
        } else if part.key == "shortcomings" && substance(text, &BOILERPLATE) < THIN_SHORTCOMINGS {
            out.push(Finding {
                rule: Rule::ShortcomingsThin,
                severity: Severity::Warning,
                location: location(),
                message:
                    "“存在的不足和原因”过于简略：应实事求是写明具体不足并分析原因，不要只写套话"
                        .into(),
                fix: None,
            });
        }
    }
}

/// A draft section as a whole; a heading line of plain text.
fn heading_location(unit: &Unit) -> Location {
    match unit.target {
        TextRef::Node {
            id,
            part: TextField::Title,
        } => Location::Section { id },
        target => Location::Text {
            target,
            range: None,
        },
    }
}

/// Han characters of `units` outside placeholders (【…】, XX, ××, 待补充) and `phrases`.
fn substance(units: &[Unit], phrases: &[&str]) -> usize {
    units
        .iter()
        .map(|u| {
            let mut text = u.text.to_string();
            for phrase in phrases.iter().chain(&["待补充", "XX", "××"]) {
                text = text.replace(phrase, "");
            }
            let mut depth = 0usize;
            text.chars()
                .filter(|&c| {
                    match c {
                        '【' => depth += 1,
                        '】' => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                    depth == 0 && is_han(c)
                })
                .count()
        })
        .sum()
}

/// Reminders of the 报送 and 公开 dates, counted from `today`. The regulation's dates
/// are quoted with their article; a template's own earlier dates are named as such.
/// A report whose dates fell in an earlier calendar year than `today` is an old one
/// (opened to read or to start from): a count of days since would only grow and say
/// nothing a clerk can act on, so its reminder names the date as past, uncounted.
fn due_dates(doc: &Doc, today: CalendarDate, deadlines: &Deadlines, out: &mut Vec<Finding>) {
    let Some(year) = doc.report_year else { return };
    let regulation = Deadlines::default();
    let reminders = [
        (
            Rule::DeadlineSubmit,
            deadlines.submit,
            regulation.submit,
            "报送",
            "每年3月1日前向本级党委和政府、上一级政府有关部门报告上一年度法治政府建设情况",
        ),
        (
            Rule::DeadlinePublish,
            deadlines.publish,
            regulation.publish,
            "公开",
            "每年4月1日前通过报刊、网站等向社会公开（规定第二十四条）",
        ),
    ];
    for (rule, due, by_regulation, what, basis) in reminders {
        let Some(due_date) = due.in_year(year + 1) else {
            continue;
        };
        let days = today.days_until(due_date);
        let when = match days {
            _ if today.year > due_date.year => {
                format!("{year}年度报告的{what}截止日期{due_date}已过")
            }
            1.. => format!("距{what}截止日期{due_date}还有{days}天"),
            0 => format!("今天（{due_date}）是{what}截止日期"),
            _ => format!("已超过{what}截止日期{due_date}{}天", -days),
        };
        let basis = if due == by_regulation {
            basis.to_string()
        } else {
            format!(
                "本报告所用模板要求{}月{}日前{what}（规定为{}月{}日前）",
                due.month, due.day, by_regulation.month, by_regulation.day
            )
        };
        out.push(Finding {
            rule,
            severity: Severity::Warning,
            location: Location::Document,
            message: format!("{when}：{basis}"),
            fix: None,
        });
    }
}
