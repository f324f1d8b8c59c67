use report_core::model::REPORT_YEARS;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::hooks::use_dispatch;
use crate::state::persistence::{new_draft, open_new};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The year proposed (before July last year's report, from July this year's).
    pub proposed: u16,
}

/// A first visit asks which year the report is about before any draft is stored.
#[function_component]
pub fn YearPrompt(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let year = use_state(|| props.proposed);
    let input = use_node_ref();
    {
        let input = input.clone();
        use_effect_with((), move |_| {
            if let Some(input) = input.cast::<HtmlInputElement>() {
                let _ = input.focus();
                input.select();
            }
        });
    }
    let valid = REPORT_YEARS.contains(&*year);
    let on_input = {
        let year = year.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            year.set(value.trim().parse().unwrap_or(0));
        })
    };
    let on_submit = {
        let year = year.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if REPORT_YEARS.contains(&*year) {
                open_new(&dispatch, new_draft(*year));
            }
        })
    };
    html! {
        <div class="modal-backdrop">
            <form class="modal" role="dialog" aria-modal="true" aria-labelledby="year-prompt-title" onsubmit={on_submit}>
                <h2 id="year-prompt-title">{ "开始起草年度报告" }</h2>
                <label for="first-year">{ "这份报告是哪一年度的？" }</label>
                <div class="row-actions">
                    <input id="first-year" ref={input} type="number" min={REPORT_YEARS.start().to_string()}
                        max={REPORT_YEARS.end().to_string()} value={props.proposed.to_string()} oninput={on_input}
                        aria-invalid={(!valid).to_string()} data-native-undo="" />
                    <span>{ "年度" }</span>
                    <button type="submit" class="primary" disabled={!valid}>{ "开始起草" }</button>
                </div>
                <p class="hint">{ format!(
                    "年度报告在次年年初报送，如 {} 年度的报告于 {} 年初报送。报告年度以后可在“基本信息”中修改；已有报告可在“草稿列表”中导入。",
                    *year, year.saturating_add(1)
                ) }</p>
                if !valid {
                    <p class="import-error" role="alert">{ format!("请填写 {} 至 {} 之间的年份", REPORT_YEARS.start(), REPORT_YEARS.end()) }</p>
                }
            </form>
        </div>
    }
}
