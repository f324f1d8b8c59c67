use std::rc::Rc;

use report_core::preview::{self, Source};
use yew::prelude::*;

use crate::components::open_place;
use crate::components::preview::preview_sheet::PreviewSheet;
use crate::components::SharedDraft;
use crate::hooks::use_dispatch;
use crate::state::{Action, NavAction, PreviewMode};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub draft: SharedDraft,
    pub mode: PreviewMode,
}

/// The draft as the exported document's A4 pages, laid out by the core; clicking a
/// line opens the place it is edited.
#[function_component]
pub fn PreviewPane(props: &Props) -> Html {
    let dispatch = use_dispatch();
    // Laid out again only when the draft changes, not on every render of the app.
    let laid_out = use_memo(props.draft.clone(), |draft| {
        let preview = preview::layout(draft);
        let pages: Vec<Rc<preview::PreviewPage>> = preview.pages.into_iter().map(Rc::new).collect();
        (preview.geometry, pages)
    });
    let mode = props.mode;
    let jump = Callback::from(move |source: Source| {
        if mode == PreviewMode::Instead {
            dispatch.dispatch(Action::from(NavAction::SetPreview(PreviewMode::Beside)));
        }
        open_place(&dispatch, source.into());
    });
    let (geometry, pages) = &*laid_out;
    let sheets = pages.iter().map(|page| {
        html! { <PreviewSheet key={page.number} page={page.clone()} geometry={*geometry} jump={jump.clone()} /> }
    });
    html! {
        <section class={classes!("preview-pane", (mode == PreviewMode::Instead).then_some("alone"))}
            aria-label="版式预览" data-testid="preview">
            <p class="preview-note">
                { format!("共{}页 · 按每页22行、每行28字排版，分页与导出的 Word 文件基本一致；点击任一行可跳转到编辑位置", pages.len()) }
            </p>
            { for sheets }
        </section>
    }
}
