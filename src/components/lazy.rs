//! The components that are not on the first screen (the preview, the side panel, the
//! steps other than the editor's, the drafts and versions pages), in the chunk of
//! [`crate::adapter::chunk`], so that the first paint does not wait for their code (issue #17).
//!
//! [`Lazy`] stands where such a component goes: once the chunk is in, it renders the
//! component through the chunk's [`render`] synchronously, so the component keeps its
//! state across renders as it did in the one module; until then a placeholder, or, when
//! the load failed, a message with 重试.

use std::cell::Cell;

use yew::prelude::*;

use crate::adapter::chunk::{in_chunk, LoadFailed, SPLIT};

use crate::components::checks::check_panel::{self, CheckPanel};
use crate::components::coverage::coverage_glance::{self, CoverageGlance};
use crate::components::coverage::coverage_step::{self, CoverageStep};
use crate::components::drafts::drafts_view::{self, DraftsView};
use crate::components::drafts::versions_panel::{self, VersionsPanel};
use crate::components::editor::table_step::{self, TableStep};
use crate::components::export::export_step::{self, ExportStep};
use crate::components::preview::preview_pane::{self, PreviewPane};
use crate::state::PreviewMode;

/// A component of the chunk with its props. The props are built in the main module (by
/// `yew::props!`), the component only in the chunk.
#[derive(PartialEq)]
pub enum LazyView {
    Preview(preview_pane::Props),
    Checks(check_panel::Props),
    CoverageStep(coverage_step::Props),
    CoverageGlance(coverage_glance::Props),
    ExportStep(export_step::Props),
    TableStep(table_step::Props),
    Drafts(drafts_view::Props),
    Versions(versions_panel::Props),
}

/// Renders the component of `view`, in the chunk. Props are passed on field by field, as
/// a `Props` is not `Clone`.
fn render(view: &LazyView) -> Html {
    match view {
        LazyView::Preview(p) => html! { <PreviewPane draft={p.draft.clone()} mode={p.mode} /> },
        LazyView::Checks(p) => html! {
            <CheckPanel draft={p.draft.clone()} revision={p.revision} setup={p.setup.clone()}
                absences_listed={p.absences_listed} />
        },
        LazyView::CoverageStep(p) => {
            html! { <CoverageStep draft={p.draft.clone()} revision={p.revision} drafts={p.drafts.clone()} /> }
        }
        LazyView::CoverageGlance(p) => {
            html! { <CoverageGlance draft={p.draft.clone()} revision={p.revision} /> }
        }
        LazyView::ExportStep(p) => {
            html! { <ExportStep draft={p.draft.clone()} revision={p.revision} setup={p.setup.clone()} /> }
        }
        LazyView::TableStep(p) => html! { <TableStep draft={p.draft.clone()} /> },
        LazyView::Drafts(p) => html! {
            <DraftsView drafts={p.drafts.clone()} open_id={p.open_id.clone()} save_now={p.save_now.clone()}
                draft={p.draft.clone()} templates={p.templates.clone()} template_clash={p.template_clash.clone()} />
        },
        LazyView::Versions(p) => {
            html! { <VersionsPanel draft={p.draft.clone()} snapshot_pending={p.snapshot_pending} /> }
        }
    }
}

type Render = fn(&LazyView) -> Html;

in_chunk! {
    /// [`render`], handed out by the chunk: only the chunk's code names it, so that what it
    /// reaches is cut out with it.
    fn render_entry() -> Render {
        render
    }
}

thread_local! {
    static LOADED: Cell<Option<Render>> = const { Cell::new(None) };
}

/// [`render`] without waiting: at once in the one module, else once the chunk is in.
fn loaded() -> Option<Render> {
    if SPLIT {
        LOADED.with(Cell::get)
    } else {
        Some(render)
    }
}

/// Loads the chunk (or waits for the load under way) and keeps its renderer and the
/// reducer's edits, which its components ask for.
async fn fetch() -> Result<Render, LoadFailed> {
    let render = render_entry().await?;
    crate::state::load_chunk_edits().await?;
    LOADED.with(|cell| cell.set(Some(render)));
    Ok(render)
}

enum Load {
    Pending,
    Failed,
    Ready(Render),
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: LazyView,
}

/// A component of the chunk: rendered at once when the chunk is in; until then a
/// placeholder where it goes, or, when the load failed, a message with 重试.
#[function_component]
pub fn Lazy(props: &Props) -> Html {
    let load = use_state(|| loaded().map_or(Load::Pending, Load::Ready));
    let attempt = use_state(|| 0_u32);
    {
        let load = load.clone();
        use_effect_with(*attempt, move |_| {
            if !matches!(*load, Load::Ready(_)) {
                if matches!(*load, Load::Failed) {
                    load.set(Load::Pending);
                }
                wasm_bindgen_futures::spawn_local(async move {
                    load.set(fetch().await.map_or(Load::Failed, Load::Ready));
                });
            }
        });
    }
    let message = match *load {
        Load::Ready(render) => return render(&props.view),
        Load::Pending => html! { <p class="lazy-loading" aria-busy="true">{ "加载中…" }</p> },
        Load::Failed => {
            let retry = Callback::from(move |_| attempt.set(*attempt + 1));
            html! {
                <p class="lazy-loading" role="alert">
                    { "这部分界面加载失败（可能已离线）。" }
                    <button type="button" onclick={retry}>{ "重试" }</button>
                </p>
            }
        }
    };
    // Where the component goes, so that the page keeps its layout.
    match &props.view {
        LazyView::Preview(p) => html! {
            <section class={classes!("preview-pane", (p.mode == PreviewMode::Instead).then_some("alone"))}
                aria-label="版式预览">
                { message }
            </section>
        },
        LazyView::Checks(_) => {
            html! { <section class="check-panel">{ message }</section> }
        }
        // Below the check panel, which tells of the load already.
        LazyView::CoverageGlance(_) => Html::default(),
        _ => message,
    }
}
