use std::rc::Rc;

use report_core::attachment::CellRef;
use report_core::attachment::{ColumnSource, TableColumn};
use report_core::Edit;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::adapter::clock::keystroke_ms;
use crate::hooks::use_dispatch;
use crate::state::{Action, DraftAction};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The row's position, for element ids.
    pub index: usize,
    pub columns: Rc<Vec<TableColumn>>,
    /// The plan item's number, which keys the row's cells.
    pub number: String,
    /// One text per column, as printed.
    pub cells: Vec<String>,
}

/// The id of a cell's text area, for labels and for jumping to it.
pub fn cell_id(cell: CellRef) -> String {
    format!("table-{}-{}", cell.row, cell.column)
}

/// One row of the attached table; re-renders only when its own cells change.
#[function_component]
pub fn TableRowEditor(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let id = |column: usize| {
        cell_id(CellRef {
            row: props.index,
            column,
        })
    };
    let fields = props
        .columns
        .iter()
        .zip(&props.cells)
        .enumerate()
        .map(|(column, (definition, text))| {
            if definition.source != ColumnSource::Entry {
                return html! {
                    <div class="table-cell plan-cell">
                        <span class="cell-name">{ definition.name.clone() }</span>
                        <span class="cell-text">{ text.clone() }</span>
                    </div>
                };
            }
            let dispatch = dispatch.clone();
            let number = props.number.clone();
            let oninput = move |e: InputEvent| {
                let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
                dispatch.dispatch(Action::from(DraftAction::Typed { edit: Edit::SetTableCell {
                    number: number.clone(),
                    column,
                    text,
                }, at_ms: keystroke_ms() }));
            };
            let chars = text.chars().count();
            let counter = definition.max_chars.map(|max| {
                let over = chars > max as usize;
                html! {
                    <small id={format!("{}-count", id(column))} class={classes!("cell-count", over.then_some("over"))} aria-live="polite">
                        { format!("{chars}/{max}") }
                    </small>
                }
            });
            html! {
                <div class="table-cell entry-cell">
                    <label for={id(column)}>{ definition.name.clone() }</label>
                    <textarea id={id(column)} rows="3" value={text.clone()}
                        maxlength={definition.max_chars.map(|m| m.to_string())}
                        aria-describedby={definition.max_chars.map(|_| format!("{}-count", id(column)))}
                        {oninput} />
                    { for counter }
                </div>
            }
        });
    html! {
        <li class="table-row">
            { for fields }
        </li>
    }
}
