use report_core::{MetaField, Metadata};
use yew::prelude::*;

use crate::components::editor::meta_input::MetaInput;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub title: AttrValue,
    pub fields: Vec<MetaField>,
    pub meta: Metadata,
    /// Fields before the metadata ones (the 报告年度 in 基本信息).
    #[prop_or_default]
    pub children: Html,
}

/// A step made of metadata fields (基本信息, 落款与版记).
#[function_component]
pub fn MetaForm(props: &Props) -> Html {
    let inputs = props.fields.iter().map(|&field| {
        html! { <MetaInput key={field.label()} {field} value={field.get(&props.meta)} /> }
    });
    html! {
        <section class="meta-form" aria-labelledby="step-title">
            <h2 id="step-title">{ props.title.clone() }</h2>
            <div class="fields">{ props.children.clone() }{ for inputs }</div>
        </section>
    }
}
