use std::rc::Rc;

use report_core::page::{FontRole, Part};
use report_core::preview::{Align, Geometry, PreviewPage, Source};
use report_core::text::decimal;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub page: Rc<PreviewPage>,
    pub geometry: Geometry,
    pub jump: Callback<Source>,
}

/// One A4 page. Lines are placed where the core's layout puts them: the numbers go in
/// as CSS custom properties through the CSSOM, since the CSP forbids style attributes.
#[function_component]
pub fn PreviewSheet(props: &Props) -> Html {
    let sheet = use_node_ref();
    {
        let sheet = sheet.clone();
        use_effect_with(
            (props.page.clone(), props.geometry),
            move |(page, geometry)| {
                if let Some(sheet) = sheet.cast::<HtmlElement>() {
                    place(&sheet, page, geometry);
                }
            },
        );
    }
    let page = &props.page;
    let lines = page.lines.iter().map(|line| {
        let jump = props.jump.clone();
        let source = line.source;
        let runs = line.runs.iter().map(|run| {
            html! { <span class={font_class(run.font)}>{ run.text.clone() }</span> }
        });
        html! {
            <div class={classes!("preview-line", kind_class(line.kind), align_class(line.align))}
                onclick={move |_| jump.emit(source)}>
                { for runs }
            </div>
        }
    });
    let rules = page
        .rules
        .iter()
        .map(|rule| html! { <div class={classes!("preview-rule", rule.red.then_some("red"))} /> });
    let side = if page.number % 2 == 1 { "odd" } else { "even" };
    html! {
        <article class={classes!("preview-page", side)} ref={sheet} aria-label={format!("第{}页", page.number)}>
            <div class="ban-xin">
                { for lines }
                { for rules }
            </div>
            <div class="page-number">{ page.page_number_text() }</div>
        </article>
    }
}

fn mm(twips: i32) -> String {
    format!("{}mm", decimal(f64::from(twips) * 25.4 / 1440.0, 2))
}

fn pt(twips: i32) -> String {
    format!("{}pt", decimal(f64::from(twips) / 20.0, 2))
}

/// Sets the page's geometry and each line's and rule's place, in the order rendered.
fn place(sheet: &HtmlElement, page: &PreviewPage, geometry: &Geometry) {
    let set = |element: &HtmlElement, name: &str, value: String| {
        let _ = element.style().set_property(name, &value);
    };
    set(sheet, "--page-width", mm(geometry.page_width));
    set(sheet, "--page-height", mm(geometry.page_height));
    set(sheet, "--margin-top", mm(geometry.margin_top));
    set(sheet, "--margin-left", mm(geometry.margin_left));
    set(sheet, "--text-width", mm(geometry.text_width));
    set(sheet, "--text-height", mm(geometry.text_height));
    set(sheet, "--footer", mm(geometry.footer));
    set(sheet, "--run-spacing", pt(geometry.run_spacing));
    let Some(ban_xin) = sheet.first_element_child() else {
        return;
    };
    let children = ban_xin.children();
    let element = |i: usize| {
        children
            .item(i as u32)
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    };
    for (i, line) in page.lines.iter().enumerate() {
        if let Some(e) = element(i) {
            set(&e, "--top", mm(line.top));
            set(&e, "--height", mm(line.height));
            set(&e, "--left", mm(line.left));
            set(&e, "--right", mm(line.right));
            set(
                &e,
                "--size",
                format!("{}pt", decimal(line.size as f64 / 2.0, 1)),
            );
        }
    }
    for (i, rule) in page.rules.iter().enumerate() {
        if let Some(e) = element(page.lines.len() + i) {
            set(&e, "--top", mm(rule.top));
            set(&e, "--thickness", mm(rule.thickness));
        }
    }
}

fn kind_class(kind: Part) -> String {
    match kind {
        Part::Mark => "mark".into(),
        Part::DocNumber => "doc-number".into(),
        Part::Signer => "signer".into(),
        Part::Title => "title".into(),
        Part::Recipients => "recipients".into(),
        Part::Heading(level) => format!("heading level-{level}"),
        Part::Body => "body".into(),
        Part::Attachment => "attachment".into(),
        Part::Signature => "signature".into(),
        Part::Date => "date".into(),
        Part::Note => "note".into(),
        Part::Imprint => "imprint".into(),
        Part::AttachmentPage => "attachment-page".into(),
    }
}

fn align_class(align: Align) -> &'static str {
    match align {
        Align::Left => "align-left",
        Align::Center => "align-center",
        Align::Right => "align-right",
        Align::Justify => "align-justify",
    }
}

fn font_class(font: FontRole) -> &'static str {
    match font {
        FontRole::XiaoBiaoSong => "font-xiaobiaosong",
        FontRole::FangSong => "font-fangsong",
        FontRole::HeiTi => "font-heiti",
        FontRole::KaiTi => "font-kaiti",
        FontRole::SongTi => "font-songti",
    }
}
