use report_core::coverage::{CharRange, ItemCoverage};
use report_core::plan_items::Status;
use report_core::text::split_names;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::hooks::use_dispatch;
use crate::state::{Action, Decision, DraftAction, NavAction};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub item: ItemCoverage,
}

const STATUSES: [Status; 4] = [
    Status::Covered,
    Status::Partial,
    Status::Missing,
    Status::NotApplicable,
];

/// A text with the matched words (`highlights`, char ranges of it) marked.
fn marked(text: &str, highlights: &[CharRange]) -> Html {
    let chars: Vec<char> = text.chars().collect();
    let piece = |from: usize, to: usize| chars[from.min(to)..to].iter().collect::<String>();
    let mut parts = Vec::new();
    let mut at = 0;
    for &[start, end] in highlights {
        let (start, end) = (start.clamp(at, chars.len()), end.min(chars.len()));
        if start >= end {
            continue;
        }
        parts.push(html! { { piece(at, start) } });
        parts.push(html! { <mark>{ piece(start, end) }</mark> });
        at = end;
    }
    parts.push(html! { { piece(at, chars.len()) } });
    html! { <>{ for parts }</> }
}

/// The sentences of a paragraph that hold matches (char ranges of it), with their
/// highlights moved to each sentence; a paragraph confirmed by hand, without matches,
/// shows its beginning.
fn matched_sentences(text: &str, sentences: &[CharRange], highlights: &[CharRange]) -> Html {
    const SHOWN: usize = 90;
    let chars: Vec<char> = text.chars().collect();
    if sentences.is_empty() {
        let head: String = chars.iter().take(SHOWN).collect();
        let more = if chars.len() > SHOWN { "……" } else { "" };
        return html! { <span class="sentence">{ format!("{head}{more}") }</span> };
    }
    let shown = sentences.iter().take(2).map(|&[start, end]| {
        let end = end.min(chars.len());
        let sentence: String = chars[start.min(end)..end].iter().collect();
        let inside: Vec<CharRange> = highlights
            .iter()
            .filter(|h| h[0] >= start && h[1] <= end)
            .map(|h| [h[0] - start, h[1] - start])
            .collect();
        html! { <span class="sentence">{ marked(&sentence, &inside) }</span> }
    });
    html! { <>{ for shown }</> }
}

/// One plan item: its status with the evidence, targets and the user's decisions.
#[function_component]
pub fn CoverageItem(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let editing = use_state(|| false);
    let (title_ref, departments_ref) = (use_node_ref(), use_node_ref());
    let item = &props.item;
    let index = item.index;

    let decide = {
        let dispatch = dispatch.clone();
        move |decision: Decision| {
            dispatch.dispatch(Action::from(DraftAction::Decide { index, decision }))
        }
    };
    let on_status = {
        let (decide, reason) = (decide.clone(), item.reason.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let status = STATUSES.into_iter().find(|s| s.key() == value);
            decide(Decision::Status(status, reason.clone()));
        })
    };
    let on_reason = {
        let (decide, status) = (decide.clone(), item.decided.then_some(item.status));
        Callback::from(move |e: Event| {
            let reason = e.target_unchecked_into::<HtmlInputElement>().value();
            decide(Decision::Status(status, reason));
        })
    };
    let evidence = item.evidence.iter().map(|evidence| {
        let id = evidence.paragraph.paragraph_id;
        let jump = {
            let dispatch = dispatch.clone();
            Callback::from(move |_| dispatch.dispatch(Action::from(NavAction::JumpTo(id))))
        };
        let (confirm, reject) = {
            let (a, b) = (decide.clone(), decide.clone());
            (
                Callback::from(move |_| a(Decision::Confirm(id))),
                Callback::from(move |_| b(Decision::Reject(id))),
            )
        };
        html! {
            <li class="evidence">
                <button type="button" class="link" onclick={jump}>
                    { format!("{} 第{}段", evidence.paragraph.section_title, evidence.paragraph.paragraph_index + 1) }
                </button>
                <span class="snippet">{ matched_sentences(&evidence.paragraph.text, &evidence.sentences, &evidence.highlights) }</span>
                if evidence.confirmed {
                    <span class="confirmed">{ "已确认" }</span>
                } else {
                    <button type="button" onclick={confirm}>{ "确认" }</button>
                }
                <button type="button" onclick={reject}>{ "不是此项" }</button>
            </li>
        }
    });
    let targets = item.targets.iter().map(|check| {
        let quote = if check.quote.is_empty() {
            String::new()
        } else {
            format!("（报告：“{}”）", check.quote)
        };
        html! { <li>{ format!("{}：{}{quote}", check.target.text, check.outcome.label()) }</li> }
    });
    let tasks = item.tasks.iter().map(|task| {
        let answer = match &task.evidence {
            Some(e) => html! { <span class="answer">{ marked(&e.sentence, &e.highlights) }</span> },
            None => html! { <span class="answer none">{ "未见叙述" }</span> },
        };
        html! {
            <li class={classes!("task", task.status.key())}>
                <span class="task-status">{ task.status.label() }</span>
                <span class="task-text">{ task.text.clone() }</span>
                { answer }
            </li>
        }
    });
    let add_paragraph = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            dispatch.dispatch(Action::from(DraftAction::AddParagraphFor(index)))
        })
    };
    let editor = if *editing {
        let save = {
            let (dispatch, editing) = (dispatch.clone(), editing.clone());
            let (title_ref, departments_ref) = (title_ref.clone(), departments_ref.clone());
            Callback::from(move |_| {
                let value = |r: &NodeRef| {
                    r.cast::<HtmlInputElement>()
                        .map(|i| i.value())
                        .unwrap_or_default()
                };
                let departments = split_names(&value(&departments_ref));
                dispatch.dispatch(Action::from(DraftAction::EditPlanItem {
                    index,
                    title: value(&title_ref).trim().to_string(),
                    departments,
                }));
                editing.set(false);
            })
        };
        let cancel = {
            let editing = editing.clone();
            Callback::from(move |_| editing.set(false))
        };
        html! {
            <div class="item-editor">
                <label>{ "任务" }<input ref={title_ref} value={item.title.clone()} data-native-undo="" /></label>
                <label>{ "责任单位（用“、”分隔）" }<input ref={departments_ref} value={item.departments.join("、")} data-native-undo="" /></label>
                <button type="button" onclick={save}>{ "保存修改" }</button>
                <button type="button" onclick={cancel}>{ "取消" }</button>
            </div>
        }
    } else {
        Html::default()
    };
    let start_edit = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(true))
    };
    let selected = item.decided.then_some(item.status);
    html! {
        <li class={classes!("coverage-item", item.status.key())} data-number={item.number.clone()}>
            <div class="item-head">
                <span class="number">{ item.number.clone() }</span>
                <span class="item-title">{ item.title.clone() }</span>
                <span class="status">{ item.status.label() }{ if item.decided { "（人工）" } else { "" } }</span>
            </div>
            if !item.departments.is_empty() {
                <p class="departments">{ format!("责任单位：{}", item.departments.join("、")) }</p>
            }
            if !item.targets.is_empty() { <ul class="targets">{ for targets }</ul> }
            if !item.explanation.is_empty() { <p class="explanation">{ item.explanation.clone() }</p> }
            if !item.tasks.is_empty() {
                <details class="tasks">
                    <summary>{ format!("任务（{}项）", item.tasks.len()) }</summary>
                    <ul>{ for tasks }</ul>
                </details>
            }
            if !item.hints.is_empty() { <p class="hint">{ item.hints.join("；") }</p> }
            if !item.evidence.is_empty() { <ul class="evidence-list">{ for evidence }</ul> }
            <div class="item-actions">
                <label>{ "状态" }
                    <select onchange={on_status}>
                        <option value="" selected={selected.is_none()}>{ format!("自动（{}）", item.computed.label()) }</option>
                        { for STATUSES.iter().map(|s| html! {
                            <option value={s.key()} selected={selected == Some(*s)}>{ s.label() }</option>
                        }) }
                    </select>
                </label>
                if item.decided {
                    <label>{ "理由" }<input value={item.reason.clone()} onchange={on_reason} placeholder="例如：本级无此职能" data-native-undo="" /></label>
                }
                if matches!(item.status, Status::Missing | Status::Partial) {
                    <button type="button" onclick={add_paragraph}>{ "为此项添加段落" }</button>
                }
                <button type="button" onclick={start_edit}>{ "修改任务" }</button>
            </div>
            { editor }
        </li>
    }
}
