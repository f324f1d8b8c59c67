use std::rc::Rc;

use report_core::check::{self, Setup, Severity};
use report_core::docx::Missing;
use report_core::{outline, Draft};
use yew::prelude::*;

use super::finding_item::FindingItem;
use super::{use_settled, SETTLE_MS};
use crate::adapter::clock;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub draft: Rc<Draft>,
    /// The checker as the draft's template sets it up.
    pub setup: Rc<Setup>,
    /// What the page already lists as missing for the export; findings saying the same
    /// are left out, so nothing is named twice.
    #[prop_or_default]
    pub listed: Rc<Vec<Missing>>,
}

/// The 公文 checker's findings on the open draft, errors first, each with its place and,
/// where safe, a one-click fix. Shown beside the editor and in 检查与导出.
#[function_component]
pub fn CheckPanel(props: &Props) -> Html {
    let draft = use_settled(props.draft.clone(), SETTLE_MS);
    let today = clock::today();
    let findings = use_memo(
        (
            draft.clone(),
            today,
            props.setup.clone(),
            props.listed.clone(),
        ),
        |(draft, today, setup, listed)| {
            let mut findings = check::check_draft(draft, *today, setup);
            findings.retain(|f| !f.repeats(listed));
            findings
        },
    );
    let entries = use_memo(draft.clone(), |draft| outline::outline(draft));
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let items = findings.iter().map(|finding| {
        let place = finding.location.describe(Some(&draft), &entries);
        html! { <FindingItem finding={finding.clone()} place={place} /> }
    });
    html! {
        <section class="check-panel" aria-labelledby="check-title" data-testid="check-panel">
            <h3 id="check-title">{ "公文格式与内容检查" }</h3>
            <p class="check-summary" role="status">
                { format!("{errors} 个错误，{} 个提示", findings.len() - errors) }
            </p>
            <ul class="findings">{ for items }</ul>
        </section>
    }
}
