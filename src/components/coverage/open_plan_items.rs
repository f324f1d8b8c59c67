use report_core::plan_items::Status;
use yew::prelude::*;

use report_core::coverage::CoverageReport;

use crate::hooks::{use_dispatch, Latest};
use crate::state::{Action, NavAction, Step};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The coverage as the worker last computed it.
    pub coverage: Latest<Option<CoverageReport>>,
}

/// The plan's counts and the items the report does not answer yet, with a link to the
/// coverage step; nothing when there is no plan or before the first answer. A component
/// of its own so that it renders only when an answer comes, not on every keystroke.
#[function_component]
pub fn OpenPlanItems(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let Some((_, report)) = props.coverage.report() else {
        return Html::default();
    };
    let summary = &report.summary;
    let open =
        Callback::from(move |_| dispatch.dispatch(Action::from(NavAction::GoTo(Step::Coverage))));
    let open_items = report
        .items
        .iter()
        .filter(|i| matches!(i.status, Status::Missing | Status::Partial))
        .map(|i| {
            html! {
                <li class={i.status.key()} data-number={i.number.clone()}>
                    { format!("{}. {}", i.number, i.title) }
                    <span class="status">{ format!("（{}）", i.status.label()) }</span>
                </li>
            }
        });
    html! {
        <section class="coverage-glance" aria-labelledby="coverage-glance-title" data-testid="coverage-glance">
            <h3 id="coverage-glance-title">{ "计划覆盖" }</h3>
            <p class="check-summary" role="status">
                { format!(
                    "已覆盖 {}，部分覆盖 {}，未覆盖 {}",
                    summary.covered, summary.partial, summary.missing
                ) }
            </p>
            <ul class="open-items">{ for open_items }</ul>
            <button class="link" onclick={open}>{ "查看覆盖详情" }</button>
        </section>
    }
}
