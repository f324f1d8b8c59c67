use std::rc::Rc;

use report_core::check::{Finding, Fix, Places, Severity};
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

/// The checker's counts and findings, each with its place. A component of its own so
/// that it renders only when the worker answers, not on every keystroke that
/// re-renders the panel around it.
#[function_component]
pub fn FindingList(props: &Props) -> Html {
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
    let items = checked.iter().enumerate().map(|(index, checked)| {
        let finding = &checked.finding;
        let place = finding.location.describe(&places);
        let fix_all = fix_all
            .iter()
            .find(|offer| offer.first == index)
            .map(|offer| offer.fixes.clone());
        html! {
            <FindingItem finding={finding.clone()} {place} fix_label={checked.fix_label.clone()} {fix_all} />
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
