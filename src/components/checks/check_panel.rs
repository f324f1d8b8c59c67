use std::rc::Rc;

use yew::prelude::*;

use crate::adapter::{clock, worker};
use crate::components::checks::finding_list::FindingList;
use crate::components::SharedDraft;
use crate::hooks::{use_answer, SETTLE_MS};
use crate::state::CheckSetup;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub draft: SharedDraft,
    /// The app state's revision of `draft`.
    pub revision: u64,
    /// The checker as the draft's template sets it up.
    pub setup: Rc<CheckSetup>,
    /// The page lists what the document lacks above the panel (检查与导出): the panel
    /// leaves those findings out, so nothing is named twice.
    #[prop_or_default]
    pub absences_listed: bool,
}

/// The 公文 checker's findings on the open draft, errors first, each with its place and,
/// where safe, a one-click fix. Shown beside the editor and in 检查与导出. The checks
/// run in the worker and follow the text when typing pauses.
#[function_component]
pub fn CheckPanel(props: &Props) -> Html {
    let findings = use_answer(
        props.draft.clone(),
        props.revision,
        SETTLE_MS,
        (clock::today(), props.setup.clone()),
        |revision, draft, (today, setup)| async move {
            worker::check(revision, &draft, today, setup.get()).await
        },
    );
    html! {
        <section class="check-panel" aria-labelledby="check-title" data-testid="check-panel">
            <h3 id="check-title">{ "公文格式与内容检查" }</h3>
            <FindingList {findings} absences_listed={props.absences_listed} />
        </section>
    }
}
