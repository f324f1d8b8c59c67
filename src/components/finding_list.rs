use std::rc::Rc;

use report_core::check::{self, Finding, Missing, Setup, Severity};
use report_core::rules::Rule;
use report_core::{outline, CalendarDate, Draft};
use yew::prelude::*;

use super::finding_item::FindingItem;
use super::use_dispatch;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The draft as it stood when typing paused.
    pub draft: Rc<Draft>,
    pub today: CalendarDate,
    pub setup: Rc<Setup>,
    pub listed: Rc<Vec<Missing>>,
}

/// The checker's counts and findings, each with its place. A component of its own so
/// that it renders only when the paused draft changes, not on every keystroke that
/// re-renders the panel around it.
#[function_component]
pub fn FindingList(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let findings = use_memo(
        (
            props.draft.clone(),
            props.today,
            props.setup.clone(),
            props.listed.clone(),
        ),
        |(draft, today, setup, listed)| {
            let mut findings = check::check_draft(draft, *today, setup);
            findings.retain(|f| !f.repeats(listed));
            findings
        },
    );
    let entries = use_memo(props.draft.clone(), |draft| outline::outline(draft));
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let fix_all = fix_all_offers(&findings);
    let items = findings.iter().enumerate().map(|(index, finding)| {
        let place = finding.location.describe(Some(&props.draft), &entries);
        let fix_label = finding
            .fix
            .as_ref()
            .map(|fix| check::fix_label(&props.draft, fix))
            .unwrap_or_default();
        let fix_all = fix_all
            .iter()
            .find(|offer| offer.first == index)
            .map(|offer| offer.places);
        html! {
            <FindingItem finding={finding.clone()} {place} {fix_label} {fix_all} today={props.today} />
        }
    });
    let ignored = props.draft.ignored_rules.len();
    let restore = (ignored > 0).then(|| {
        let dispatch = dispatch.clone();
        let restore = Callback::from(move |_| dispatch.dispatch(Action::RestoreIgnoredRules));
        html! {
            <p class="ignored-rules" title={props.draft.ignored_rules.join("、")}>
                { format!("已忽略 {ignored} 条规则 · ") }
                <button type="button" class="link" onclick={restore}>{ "恢复" }</button>
            </p>
        }
    });
    html! {
        <>
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
    fixes: usize,
    /// The places all its fixes change.
    places: usize,
}

fn fix_all_offers(findings: &[Finding]) -> Vec<FixAllOffer> {
    let mut offers: Vec<FixAllOffer> = Vec::new();
    for (index, finding) in findings.iter().enumerate() {
        let Some(fix) = &finding.fix else { continue };
        match offers.iter_mut().find(|o| o.rule == finding.rule) {
            Some(offer) => {
                offer.fixes += 1;
                offer.places += fix.edits.len();
            }
            None => offers.push(FixAllOffer {
                rule: finding.rule,
                first: index,
                fixes: 1,
                places: fix.edits.len(),
            }),
        }
    }
    offers.retain(|o| o.fixes > 1);
    offers
}
