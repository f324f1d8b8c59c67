use report_core::check::{Finding, Severity};
use yew::prelude::*;

use super::{open_place, place_of, use_dispatch};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub finding: Finding,
    /// The place in words (`一、… › （二）… 第3段`); empty for the whole document.
    pub place: AttrValue,
}

/// One finding: severity, message, a link to its place and its one-click fix.
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
        let summary = fix.summary();
        let apply = Callback::from(move |_| dispatch.dispatch(Action::ApplyFix(fix.clone())));
        html! {
            <button type="button" class="fix" onclick={apply} title={summary.clone()}>
                { format!("一键修正：{summary}") }
            </button>
        }
    });
    html! {
        <li class={class} data-rule={finding.rule}>
            <span class="tag">{ tag }</span>
            { place }
            <p class="message">{ finding.message.clone() }</p>
            { for fix }
        </li>
    }
}
