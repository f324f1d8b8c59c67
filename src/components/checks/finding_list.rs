use std::rc::Rc;

use report_core::check::{Finding, Fix, Location, Places, Severity, TextRef};
use report_core::model::TextField;
use report_core::outline;
use report_core::rules::Rule;
use report_core::Edit;
use yew::prelude::*;

use crate::adapter::worker::Checked;
use crate::components::checks::finding_item::FindingItem;
use crate::components::shell::request_failed::RequestFailed;
use crate::hooks::{use_dispatch, Latest};
use crate::state::{Action, DraftAction};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The findings as the worker last found them.
    pub findings: Latest<Vec<Checked>>,
    /// Leave out what the document lacks ([`Rule::is_absence`]): the page lists it.
    pub absences_listed: bool,
}

#[cfg(feature = "render-count")]
thread_local! {
    static LIST_RENDERS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many times the list of findings has rendered in this page: the component tests
/// count that an answer changing nothing renders nothing (`render-count` feature).
#[cfg(feature = "render-count")]
pub fn list_renders() -> u64 {
    LIST_RENDERS.get()
}

/// The checker's counts and findings, each with its place. A component of its own so
/// that it renders only when the worker answers, not on every keystroke that
/// re-renders the panel around it.
#[function_component]
pub fn FindingList(props: &Props) -> Html {
    #[cfg(feature = "render-count")]
    LIST_RENDERS.set(LIST_RENDERS.get() + 1);
    let dispatch = use_dispatch();
    let failed = props.findings.failure.clone().map(|failure| {
        html! { <RequestFailed what="检查" {failure} /> }
    });
    let Some(answer) = props.findings.answer.as_ref() else {
        return match failed {
            Some(failed) => failed,
            None => html! { <p class="check-summary" role="status">{ "正在检查…" }</p> },
        };
    };
    let draft = &answer.draft;
    let checked: Vec<&Checked> = answer
        .value
        .iter()
        .filter(|c| !(props.absences_listed && c.finding.rule.is_absence()))
        .collect();
    let findings: Vec<&Finding> = checked.iter().map(|c| &c.finding).collect();
    let entries = outline::outline(draft);
    let places = Places::new(Some(draft), &entries);
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let fix_all = fix_all_offers(&findings);
    let keys = keys(&findings);
    let items = checked.iter().zip(keys).enumerate().map(|(index, (checked, key))| {
        let finding = &checked.finding;
        let place = finding.location.describe(&places);
        let fix_all = fix_all
            .iter()
            .find(|offer| offer.first == index)
            .map(|offer| offer.fixes.clone());
        html! {
            <FindingItem {key} finding={finding.clone()} {place} fix_label={checked.fix_label.clone()} {fix_all} />
        }
    });
    let ignored = draft.ignored_rules.len();
    let restore = (ignored > 0).then(|| {
        let dispatch = dispatch.clone();
        let restore = Callback::from(move |_| {
            dispatch.dispatch(Action::from(DraftAction::Apply(Edit::SetIgnoredRules(
                Vec::new(),
            ))))
        });
        html! {
            <p class="ignored-rules" title={draft.ignored_rules.join("、")}>
                { format!("已忽略 {ignored} 条规则 · ") }
                <button type="button" class="link" onclick={restore}>{ "恢复" }</button>
            </p>
        }
    });
    html! {
        <>
            { for failed }
            <p class="check-summary" role="status">
                { format!("{errors} 个错误，{} 个提示", findings.len() - errors) }
            </p>
            { for restore }
            <ul class="findings">{ for items }</ul>
        </>
    }
}

/// Keys that follow each finding from one answer to the next, so that a finding found
/// or fixed above the others does not render every item below it again: the rule, what
/// the finding is in, and its rank among the rule's findings there (its stretch of text
/// moves when the user types before it; the rank does not).
fn keys(findings: &[&Finding]) -> Vec<String> {
    let mut seen: Vec<(Rule, String)> = Vec::new();
    findings
        .iter()
        .map(|finding| {
            // Written out rather than through `Debug`, which would bring the derived
            // formatting of every location type into the first paint's wasm.
            let place = match &finding.location {
                Location::Text { target, .. } => match target {
                    TextRef::Field { field } => format!("f{}", field.label()),
                    TextRef::Node { id, part } => {
                        format!("n{id}{}", if *part == TextField::Title { "t" } else { "x" })
                    }
                    TextRef::Line { line } => format!("l{line}"),
                    TextRef::TableCell { cell } => format!("c{}.{}", cell.row, cell.column),
                },
                Location::Section { id } => format!("s{id}"),
                Location::Document => "d".into(),
            };
            let rank = seen
                .iter()
                .filter(|(rule, at)| *rule == finding.rule && *at == place)
                .count();
            let key = format!("{}:{place}:{rank}", finding.rule.id());
            seen.push((finding.rule, place));
            key
        })
        .collect()
}

/// 全部修正 for a rule with several fixable findings, offered on the first of them.
struct FixAllOffer {
    rule: Rule,
    /// The index of the rule's first fixable finding.
    first: usize,
    fixes: Rc<Vec<Fix>>,
}

fn fix_all_offers(findings: &[&Finding]) -> Vec<FixAllOffer> {
    let mut offers: Vec<FixAllOffer> = Vec::new();
    for (index, finding) in findings.iter().enumerate() {
        let Some(fix) = &finding.fix else { continue };
        match offers.iter_mut().find(|o| o.rule == finding.rule) {
            Some(offer) => Rc::make_mut(&mut offer.fixes).push(fix.clone()),
            None => offers.push(FixAllOffer {
                rule: finding.rule,
                first: index,
                fixes: Rc::new(vec![fix.clone()]),
            }),
        }
    }
    offers.retain(|o| o.fixes.len() > 1);
    offers
}

#[cfg(test)]
mod tests {
    use report_core::check::CharRange;

    use super::*;

    fn finding(rule: Rule, id: u64, start: usize) -> Finding {
        Finding {
            rule,
            severity: Severity::Warning,
            location: Location::Text {
                target: TextRef::Node {
                    id,
                    part: TextField::Text,
                },
                range: Some(CharRange {
                    start,
                    end: start + 1,
                }),
            },
            message: String::new(),
            fix: None,
        }
    }

    #[test]
    fn keys_are_unique_and_follow_a_finding_when_text_or_findings_come_before_it() {
        let before = [
            finding(Rule::DateFormat, 7, 3),
            finding(Rule::DateFormat, 7, 9),
            finding(Rule::DocNumberYear, 7, 9),
        ];
        let keys_before = keys(&before.iter().collect::<Vec<_>>());
        let mut unique = keys_before.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), keys_before.len(), "{keys_before:?}");

        // Two characters typed at the start of the paragraph, and a finding found in
        // another paragraph listed first.
        let after = [
            finding(Rule::DateFormat, 2, 0),
            finding(Rule::DateFormat, 7, 5),
            finding(Rule::DateFormat, 7, 11),
            finding(Rule::DocNumberYear, 7, 11),
        ];
        let keys_after = keys(&after.iter().collect::<Vec<_>>());
        assert_eq!(keys_after[1..], keys_before[..]);
        assert!(!keys_before.contains(&keys_after[0]));
    }
}
