use std::rc::Rc;

use report_core::check::{Finding, Fix, Severity};
use yew::prelude::*;

use crate::components::{open_place, place_of};
use crate::hooks::use_dispatch;
use crate::state::{Action, DraftAction};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub finding: Finding,
    /// The place in words (`一、… › （二）… 第3段`); empty for the whole document.
    pub place: AttrValue,
    /// The fix's change in its context (see [`report_core::check::fix_label`]).
    #[prop_or_default]
    pub fix_label: AttrValue,
    /// On the first of several fixable findings of one rule: the fixes of them all,
    /// for 全部修正.
    #[prop_or_default]
    pub fix_all: Option<Rc<Vec<Fix>>>,
}

/// One finding: severity, message, a link to its place, its one-click fix and, on the
/// first of a rule's findings, the fix of them all; and a way to stop checking its rule
/// in this draft.
#[function_component]
pub fn FindingItem(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let finding = &props.finding;
    let (class, tag) = match finding.severity {
        Severity::Error => ("finding error", "错误"),
        Severity::Warning => ("finding warning", "提示"),
    };
    let place = if props.place.is_empty() {
        Html::default()
    } else if let Some(place) = place_of(&finding.location) {
        let dispatch = dispatch.clone();
        let jump = Callback::from(move |_| open_place(&dispatch, place));
        html! { <button type="button" class="link" onclick={jump}>{ props.place.clone() }</button> }
    } else {
        html! { <span class="place">{ props.place.clone() }</span> }
    };
    let fix = finding.fix.clone().map(|fix| {
        let label = props.fix_label.clone();
        let dispatch = dispatch.clone();
        let apply = Callback::from(move |_| {
            dispatch.dispatch(Action::from(DraftAction::ApplyFix(fix.clone())))
        });
        html! {
            <button type="button" class="fix" onclick={apply} title={label.clone()}>
                { format!("一键修正：{label}") }
            </button>
        }
    });
    let rule = finding.rule;
    let ignore = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::from(DraftAction::IgnoreRule(rule))))
    };
    let fix_all = props.fix_all.clone().map(|fixes| {
        let places = report_core::check::places(&fixes);
        let apply = Callback::from(move |_| {
            dispatch.dispatch(Action::from(DraftAction::FixAll(fixes.to_vec())))
        });
        html! {
            <button type="button" class="fix fix-all" onclick={apply}>
                { format!("全部修正（{places}处）") }
            </button>
        }
    });
    html! {
        <li class={class} data-rule={finding.rule.id()}>
            <span class="tag">{ tag }</span>
            { place }
            <p class="message">{ finding.message.clone() }</p>
            { for fix }
            { for fix_all }
            <button type="button" class="link ignore-rule" onclick={ignore}
                title={format!("本稿不再检查这一类问题（规则 {rule}），可在检查结果顶部恢复")}>
                { "本稿忽略此规则" }
            </button>
        </li>
    }
}
