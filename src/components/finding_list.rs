use std::rc::Rc;

use report_core::check::{self, Setup, Severity};
use report_core::docx::Missing;
use report_core::{outline, CalendarDate, Draft};
use yew::prelude::*;

use super::finding_item::FindingItem;

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
    let items = findings.iter().map(|finding| {
        let place = finding.location.describe(Some(&props.draft), &entries);
        html! { <FindingItem finding={finding.clone()} place={place} /> }
    });
    html! {
        <>
            <p class="check-summary" role="status">
                { format!("{errors} 个错误，{} 个提示", findings.len() - errors) }
            </p>
            <ul class="findings">{ for items }</ul>
        </>
    }
}
