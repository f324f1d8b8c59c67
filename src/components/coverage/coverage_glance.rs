use yew::prelude::*;

use crate::components::coverage::open_plan_items::OpenPlanItems;
use crate::components::SharedDraft;
use crate::hooks::use_coverage;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub draft: SharedDraft,
    /// The app state's revision of `draft`.
    pub revision: u64,
}

/// The plan's coverage beside the editor: the counts and the items the report does not
/// answer yet, following the text when typing pauses, so a paragraph written for an
/// item shows it covered without leaving the editor. Nothing when there is no plan.
#[function_component]
pub fn CoverageGlance(props: &Props) -> Html {
    let coverage = use_coverage(props.draft.clone(), props.revision);
    html! { <OpenPlanItems {coverage} /> }
}
