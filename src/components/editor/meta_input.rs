use report_core::{Edit, FieldKind, MetaField};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::adapter::clock::keystroke_ms;
use crate::hooks::use_dispatch;
use crate::state::{Action, DraftAction};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub field: MetaField,
    pub value: AttrValue,
}

/// The id of a field's input, for labels and for jumping to it.
pub fn input_id(field: MetaField) -> String {
    format!("meta-{field:?}").to_ascii_lowercase()
}

/// One labelled metadata field; re-renders only when its own value changes.
#[function_component]
pub fn MetaInput(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let field = props.field;
    let id = input_id(field);
    let hint_id = format!("{id}-hint");
    let set = move |value: String| {
        dispatch.dispatch(Action::from(DraftAction::Typed {
            edit: Edit::SetMeta { field, value },
            at_ms: keystroke_ms(),
        }))
    };
    let control = match field.kind() {
        FieldKind::Lines => html! {
            <textarea id={id.clone()} rows="3" aria-describedby={hint_id.clone()} value={props.value.clone()}
                oninput={move |e: InputEvent| set(e.target_unchecked_into::<HtmlTextAreaElement>().value())} />
        },
        FieldKind::Choice => {
            let options = field.options().into_iter().map(|(value, label)| {
                html! { <option value={value} selected={props.value == value}>{ label }</option> }
            });
            html! {
                <select id={id.clone()} aria-describedby={hint_id.clone()}
                    onchange={move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value())}>
                    { for options }
                </select>
            }
        }
        kind => {
            let input_type = match kind {
                FieldKind::Number => "number",
                FieldKind::Date => "date",
                _ => "text",
            };
            html! {
                <input id={id.clone()} type={input_type} aria-describedby={hint_id.clone()} value={props.value.clone()}
                    min={(kind == FieldKind::Number).then_some("0")}
                    oninput={move |e: InputEvent| set(e.target_unchecked_into::<HtmlInputElement>().value())} />
            }
        }
    };
    html! {
        <div class="field">
            <label for={id}>{ field.label() }</label>
            { control }
            <small id={hint_id}>{ field.hint() }</small>
        </div>
    }
}
