use std::rc::Rc;

use report_core::model::REPORT_YEARS;
use report_core::template::change_report_year;
use report_core::{Draft, Template};
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::adapter::chunk::{in_chunk, LoadFailed};
use crate::adapter::storage;
use crate::components::SharedDraft;
use crate::hooks::use_dispatch;
use crate::state::{Action, DraftAction, Notice, SessionAction};

/// The id of the 报告年度 input, for its label and for undo to show it.
pub const REPORT_YEAR_ID: &str = "report-year";

#[derive(Properties, PartialEq)]
pub struct Props {
    pub draft: SharedDraft,
}

in_chunk! {
    /// What a change of `draft`'s report year to `year` needs: the template the draft
    /// comes from (a built-in or one of the stored library, `None` when it is at hand no
    /// more), and how many of its titles the user typed and the change would replace.
    fn year_change(draft: Rc<Draft>, year: u16) -> (Option<Rc<Template>>, usize) {
        let user = storage::load_templates().unwrap_or_default();
        let template = Template::named(&user, &draft.template).cloned().map(Rc::new);
        let typed = change_report_year(&draft, template.as_deref(), year).typed.len();
        (template, typed)
    }
}

/// 报告年度: a new year moves the titles the template wrote for the old one at once
/// (the deadlines follow from the year); when texts the user typed name the old year,
/// they are asked first whether those move too. One undoable step either way. The
/// draft's template is looked up in the chunk ([`year_change`]), loaded first if it is
/// not in yet.
#[function_component]
pub fn ReportYearInput(props: &Props) -> Html {
    let dispatch = use_dispatch();
    // A year waiting for the answer about typed texts, with how many there are.
    let asking = use_state(|| None::<(u16, usize, Option<Rc<Template>>)>);
    let old = props.draft.report_year;
    let input_ref = use_node_ref();
    // A cancelled question leaves the year as it was, in the input too.
    let cancel = {
        let (asking, input_ref) = (asking.clone(), input_ref.clone());
        Callback::from(move |_: ()| {
            asking.set(None);
            if let Some(input) = input_ref.cast::<HtmlInputElement>() {
                input.set_value(&old.to_string());
            }
        })
    };
    let onchange = {
        let draft = props.draft.clone();
        let (asking, dispatch) = (asking.clone(), dispatch.clone());
        move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let year = match input.value().trim().parse::<u16>() {
                Ok(year) if REPORT_YEARS.contains(&year) => year,
                _ => {
                    input.set_value(&draft.report_year.to_string());
                    dispatch.dispatch(Action::from(SessionAction::Notify(Notice::error(format!(
                        "报告年度应为 {}—{} 之间的年份",
                        REPORT_YEARS.start(),
                        REPORT_YEARS.end()
                    )))));
                    return;
                }
            };
            let (draft, asking, dispatch) = (draft.clone(), asking.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let change = async {
                    crate::state::load_chunk_edits().await?;
                    year_change(draft.clone(), year).await
                };
                match change.await {
                    Ok((template, 0)) => {
                        dispatch.dispatch(Action::from(DraftAction::SetReportYear {
                            year,
                            with_typed: false,
                            template,
                        }))
                    }
                    Ok((template, typed)) => asking.set(Some((year, typed, template))),
                    Err(LoadFailed) => {
                        input.set_value(&draft.report_year.to_string());
                        dispatch.dispatch(Action::from(SessionAction::Notify(Notice::error(
                            format!("报告年度未能修改：{}", LoadFailed::MESSAGE),
                        ))));
                    }
                }
            });
        }
    };
    // The question takes the focus (the input is disabled meanwhile), so that Escape
    // cancels it and Enter answers it at once.
    let first_answer = use_node_ref();
    {
        let first_answer = first_answer.clone();
        use_effect_with(asking.is_some(), move |asking| {
            if let Some(button) = asking.then(|| first_answer.cast::<HtmlElement>()).flatten() {
                let _ = button.focus();
            }
        });
    }
    let question = (*asking).clone().map(|(year, typed, template)| {
        let answer = |with_typed: bool| {
            let (asking, dispatch, template) = (asking.clone(), dispatch.clone(), template.clone());
            Callback::from(move |_| {
                asking.set(None);
                dispatch.dispatch(Action::from(DraftAction::SetReportYear {
                    year,
                    with_typed,
                    template: template.clone(),
                }));
            })
        };
        let on_key = {
            let cancel = cancel.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Escape" {
                    e.prevent_default();
                    cancel.emit(());
                }
            })
        };
        let on_cancel = cancel.reform(|_: MouseEvent| ());
        html! {
            <div class="year-question" role="alertdialog" aria-labelledby="year-question-text" onkeydown={on_key}>
                <p id="year-question-text">
                    { format!("改为{year}年度后，标题和各部分标题随之更新。另有 {typed} 处您输入的文字含有{old}年或{}年，是否一并改为{year}年、{}年？",
                        old + 1, year + 1) }
                </p>
                <button type="button" ref={first_answer.clone()} onclick={answer(true)}>{ "一并修改" }</button>
                <button type="button" onclick={answer(false)}>{ "只改标题，保留我输入的文字" }</button>
                <button type="button" onclick={on_cancel}>{ "取消" }</button>
            </div>
        }
    });
    html! {
        <div class="field">
            <label for={REPORT_YEAR_ID}>{ "报告年度" }</label>
            <input id={REPORT_YEAR_ID} ref={input_ref} type="number" min={REPORT_YEARS.start().to_string()} max={REPORT_YEARS.end().to_string()}
                aria-describedby="report-year-hint" value={old.to_string()} {onchange} disabled={asking.is_some()} />
            <small id="report-year-hint">{ "报告所述的年度（如2023年度报告在2024年初报送）；各部分标题和报送期限随之更新" }</small>
            { for question }
        </div>
    }
}
