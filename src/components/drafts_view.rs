use report_core::format::MAX_DRAFT_BYTES;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::draft_row::DraftRow;
use super::use_dispatch;
use crate::adapter::storage::DraftSummary;
use crate::adapter::{clock, files};
use crate::state::persistence::{new_draft, open_new, restore_backup};
use crate::state::{Action, Notice};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub drafts: Vec<DraftSummary>,
    pub open_id: AttrValue,
    /// Saves the open draft before another one replaces it.
    pub save_now: Callback<()>,
}

/// The list of drafts: create, restore from a backup file, and per-draft actions.
#[function_component]
pub fn DraftsView(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let year = use_state(|| clock::current_year() - 1);
    let on_year = {
        let year = year.clone();
        Callback::from(move |e: InputEvent| {
            if let Ok(y) = e
                .target_unchecked_into::<HtmlInputElement>()
                .value()
                .parse::<u16>()
            {
                if (1990..=2999).contains(&y) {
                    year.set(y);
                }
            }
        })
    };
    let create = {
        let dispatch = dispatch.clone();
        let save_now = props.save_now.clone();
        let year = *year;
        Callback::from(move |_| {
            save_now.emit(());
            open_new(&dispatch, new_draft(year));
        })
    };
    let restore = {
        let dispatch = dispatch.clone();
        let save_now = props.save_now.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|list| list.get(0)) else {
                return;
            };
            input.set_value("");
            let name = file.name();
            let dispatch = dispatch.clone();
            let save_now = save_now.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match files::read_bytes(file, MAX_DRAFT_BYTES).await {
                    Ok(bytes) => {
                        save_now.emit(());
                        restore_backup(&dispatch, &name, &bytes);
                    }
                    Err(message) => dispatch.dispatch(Action::Notify(Notice::error(format!(
                        "{message}。现有草稿没有任何改动。"
                    )))),
                }
            });
        })
    };
    let rows = props.drafts.iter().map(|summary| {
        html! {
            <DraftRow key={summary.id.clone()} summary={summary.clone()}
                is_open={summary.id == props.open_id.as_str()} open_id={props.open_id.clone()}
                save_now={props.save_now.clone()} />
        }
    });
    html! {
        <main class="drafts-view" aria-labelledby="drafts-title">
            <h2 id="drafts-title">{ "草稿列表" }</h2>
            <div class="drafts-actions">
                <label for="new-year">{ "报告年度" }</label>
                <input id="new-year" type="number" min="1990" max="2999" value={year.to_string()} oninput={on_year} />
                <button type="button" onclick={create}>{ "新建草稿" }</button>
                <label class="file-button" for="restore-file">{ "从备份文件恢复…" }</label>
                <input id="restore-file" class="visually-hidden" type="file" accept=".json,application/json" onchange={restore} />
            </div>
            <p class="hint">{ "恢复备份总是新建一份草稿，不会覆盖现有草稿。" }</p>
            <ul class="drafts" data-testid="drafts">{ for rows }</ul>
        </main>
    }
}
