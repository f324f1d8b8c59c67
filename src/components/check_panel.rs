use std::rc::Rc;

use report_core::check::{Missing, Setup};
use report_core::Draft;
use yew::prelude::*;

use super::finding_list::FindingList;
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
/// where safe, a one-click fix. Shown beside the editor and in 检查与导出. The checks
/// follow the text when typing pauses.
#[function_component]
pub fn CheckPanel(props: &Props) -> Html {
    let draft = use_settled(props.draft.clone(), SETTLE_MS);
    html! {
        <section class="check-panel" aria-labelledby="check-title" data-testid="check-panel">
            <h3 id="check-title">{ "公文格式与内容检查" }</h3>
            <FindingList {draft} today={clock::today()} setup={props.setup.clone()} listed={props.listed.clone()} />
        </section>
    }
}
