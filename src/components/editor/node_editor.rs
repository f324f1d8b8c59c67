use report_core::model::{Direction, Parent, TextField, MAX_LEVEL};
use report_core::restructure::Restructure;
use report_core::{outline, Edit, Node, NodeId};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::adapter::clock::keystroke_ms;
use crate::components::editor::section_editor::{node_list, OpenDraft};
use crate::components::shell::confirm_delete::ConfirmDelete;
use crate::hooks::{use_dispatch, use_settled, SETTLE_MS};
use crate::state::{chunk_edits_loaded, Action, DraftAction};

/// The node is read from the open draft ([`OpenDraft`]) when the editor renders, so
/// listing a section's nodes copies none of their text.
#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: NodeId,
    /// The node's text and structure as a fingerprint: typing into one paragraph
    /// re-renders its editor and those of the headings above it, not the other
    /// paragraphs of the section.
    pub content: u64,
    /// The heading's number (`（一）`); empty for a paragraph.
    pub label: AttrValue,
    pub level: u8,
    pub first: bool,
    pub last: bool,
    /// A heading may stand where this node is (not in the unnumbered opening part, not
    /// below the deepest level).
    pub headings_allowed: bool,
}

#[cfg(feature = "render-count")]
thread_local! {
    static PARAGRAPH_RENDERS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many times a paragraph's editor has rendered in this page: the component tests
/// count that typing renders the edited paragraph alone. Only with the `render-count`
/// feature, which the component tests turn on; the app does not carry the counter.
#[cfg(feature = "render-count")]
pub fn paragraph_renders() -> u64 {
    PARAGRAPH_RENDERS.get()
}

/// A heading with its subtree, or a paragraph, with move and delete buttons.
#[function_component]
pub fn NodeEditor(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let confirming = use_state(|| false);
    let id = props.id;
    let draft = use_context::<OpenDraft>()
        .expect("node editors are listed by a section editor")
        .get();
    // A paragraph's count follows its text after a pause (see the section editor's); a
    // node turned into a paragraph shows its count at once.
    let count = match draft.node(id) {
        Some(Node::Paragraph { text, .. }) => Some(outline::char_count(text)),
        _ => None,
    };
    let count = use_settled(count, SETTLE_MS).or(count).unwrap_or_default();
    // Listed by its parent from the same draft, so it is there.
    let Some(node) = draft.node(id) else {
        return Html::default();
    };
    let set_text = |field: TextField| {
        let dispatch = dispatch.clone();
        move |text: String| {
            dispatch.dispatch(Action::from(DraftAction::Typed {
                edit: Edit::SetText { id, field, text },
                at_ms: keystroke_ms(),
            }))
        }
    };
    let mover = |direction: Direction| {
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            dispatch.dispatch(Action::from(DraftAction::MoveNode { id, direction }))
        })
    };
    let restructurer = |how: Restructure| {
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            dispatch.dispatch(Action::from(DraftAction::Restructure { id, how }))
        })
    };
    // In every text of the node: Alt+←/→ 升级/降级, Ctrl+Alt+0–4 a level.
    let on_structure_key = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(how) = structure_key(&e) {
                e.prevent_default();
                dispatch.dispatch(Action::from(DraftAction::Restructure { id, how }));
            }
        })
    };
    let on_paste = |field: TextField| {
        let dispatch = dispatch.clone();
        move |e: Event| {
            if let Some(action) = paste_action(&e, id, field) {
                e.prevent_default();
                dispatch.dispatch(action);
            }
        }
    };
    let kind = if node.is_heading() {
        "标题"
    } else {
        "段落"
    };
    let has_content = outline::node_chars(node) > 0;
    let remove = {
        let dispatch = dispatch.clone();
        let confirming = confirming.clone();
        Callback::from(move |_| {
            if has_content && !*confirming {
                confirming.set(true);
            } else {
                dispatch.dispatch(Action::from(DraftAction::Apply(Edit::Remove {
                    id,
                    next_id: None,
                })));
            }
        })
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |()| confirming.set(false))
    };
    let name = if props.label.is_empty() {
        kind.to_string()
    } else {
        format!("{kind}{}", props.label)
    };
    let tools = html! {
        <div class="node-tools" role="group" aria-label={format!("{name}操作")}>
            <button type="button" onclick={mover(Direction::Up)} disabled={props.first} aria-label={format!("上移{name}")}>{ "↑" }</button>
            <button type="button" onclick={mover(Direction::Down)} disabled={props.last} aria-label={format!("下移{name}")}>{ "↓" }</button>
            if node.is_heading() {
                <button type="button" onclick={restructurer(Restructure::ToParagraph)}
                    title="转为段落（Ctrl+Alt+0）：标题下的内容随之升一级">{ "转为段落" }</button>
            } else if props.headings_allowed {
                <button type="button" onclick={restructurer(Restructure::ToHeading)}
                    title="转为标题（Ctrl+Alt+2/3/4 直接设为（一）/1./（1）级）：其后的段落归入该标题">{ "转为标题" }</button>
            }
            <button type="button" onclick={restructurer(Restructure::Promote)} disabled={props.level <= 2}
                aria-label={format!("升级{name}")} title="升级（Alt+←）">{ "升级" }</button>
            <button type="button" onclick={restructurer(Restructure::Demote)} disabled={props.first}
                aria-label={format!("降级{name}")} title="降级（Alt+→）：归入前一个标题之下">{ "降级" }</button>
            if *confirming {
                <ConfirmDelete question={format!("删除{name}及其全部内容？")}
                    on_delete={remove} on_cancel={cancel} />
            } else {
                <button type="button" onclick={remove} aria-label={format!("删除{name}")}>{ "删除" }</button>
            }
        </div>
    };
    match node {
        Node::Paragraph { text, .. } => {
            #[cfg(feature = "render-count")]
            PARAGRAPH_RENDERS.set(PARAGRAPH_RENDERS.get() + 1);
            let set = set_text(TextField::Text);
            let on_key = {
                let dispatch = dispatch.clone();
                let on_structure_key = on_structure_key.clone();
                move |e: KeyboardEvent| {
                    let area = e.target_unchecked_into::<HtmlTextAreaElement>();
                    if let Some(action) = paragraph_key(&e, &area, id) {
                        e.prevent_default();
                        dispatch.dispatch(action);
                    } else {
                        on_structure_key.emit(e);
                    }
                }
            };
            html! {
                <div class="node paragraph">
                    <textarea id={format!("node-{id}")} class="paragraph-text" aria-label="段落" value={text.clone()}
                        placeholder="在此输入段落内容（粘贴多段文字会自动分段，带“（一）”等序号的行成为标题）"
                        onkeydown={on_key} onpaste={on_paste(TextField::Text)}
                        oninput={move |e: InputEvent| set(e.target_unchecked_into::<HtmlTextAreaElement>().value())} />
                    <div class="node-foot">
                        <span class="count">{ format!("{count}字") }</span>
                        { tools }
                    </div>
                </div>
            }
        }
        Node::Heading {
            title,
            text,
            children,
            ..
        } => {
            let set_title = set_text(TextField::Title);
            let set_run_in = set_text(TextField::Text);
            html! {
                <div class={classes!("node", "heading", format!("level-{}", props.level))}>
                    <div class="heading-line">
                        <span class="label">{ props.label.clone() }</span>
                        <input id={format!("node-{id}")} class="heading-title" aria-label={format!("标题{}", props.label)}
                            value={title.clone()} placeholder="标题" onpaste={on_paste(TextField::Title)} onkeydown={on_structure_key.clone()}
                            oninput={move |e: InputEvent| set_title(e.target_unchecked_into::<HtmlInputElement>().value())} />
                        { tools }
                    </div>
                    <textarea id={format!("node-{id}-text")} class="run-in-text" aria-label={format!("标题{}后同段正文（可选）", props.label)} value={text.clone()}
                        placeholder="（可选）接在标题后的同段正文，如“（一）标题。正文……”"
                        onpaste={on_paste(TextField::Text)} onkeydown={on_structure_key}
                        oninput={move |e: InputEvent| set_run_in(e.target_unchecked_into::<HtmlTextAreaElement>().value())} />
                    { node_list(&dispatch, children, Parent::Heading(id), props.level + 1, MAX_LEVEL) }
                </div>
            }
        }
    }
}

/// Enter at the end of a paragraph starts the next one; Backspace in an empty one
/// removes it. Either is one undoable edit.
fn paragraph_key(e: &KeyboardEvent, area: &HtmlTextAreaElement, id: NodeId) -> Option<Action> {
    // Key code 229 is a key the input method handles: Safari ends the composition before
    // the Enter that commits it arrives, so `is_composing` alone would let that Enter
    // also start a new paragraph.
    const INPUT_METHOD_KEY: u32 = 229;
    if e.is_composing()
        || e.key_code() == INPUT_METHOD_KEY
        || e.shift_key()
        || e.ctrl_key()
        || e.alt_key()
        || e.meta_key()
    {
        return None;
    }
    let value = area.value();
    let caret = area.selection_start().ok().flatten();
    let collapsed = caret == area.selection_end().ok().flatten();
    let at_end = collapsed && caret == u32::try_from(value.encode_utf16().count()).ok();
    match e.key().as_str() {
        "Enter" if at_end => Some(Action::from(DraftAction::BreakAfter(id))),
        "Backspace" if value.is_empty() => Some(Action::from(DraftAction::RemoveEmpty(id))),
        _ => None,
    }
}

/// Alt+← 升级, Alt+→ 降级, Ctrl+Alt+0 转为段落, Ctrl+Alt+2–4 a heading at that level
/// (Ctrl+Alt+1 is answered with why not). The digit is read from the key's place, since
/// Ctrl+Alt changes the character on some layouts.
fn structure_key(e: &KeyboardEvent) -> Option<Restructure> {
    if e.is_composing() || e.shift_key() || e.meta_key() || !e.alt_key() {
        return None;
    }
    if e.ctrl_key() {
        let digit = e.code().strip_prefix("Digit")?.parse::<u8>().ok()?;
        return (digit <= MAX_LEVEL).then_some(Restructure::Level(digit));
    }
    match e.key().as_str() {
        "ArrowLeft" => Some(Restructure::Promote),
        "ArrowRight" => Some(Restructure::Demote),
        _ => None,
    }
}

/// A paste the app handles itself: text that holds several lines or characters to
/// clean. A plain single line is left to the browser, which keeps the caret after it;
/// so is any paste before the chunk holding the paste reader is in (rare: it loads
/// once the page has rendered), pasted as it is rather than lost.
fn paste_action(e: &Event, id: NodeId, field: TextField) -> Option<Action> {
    if !chunk_edits_loaded() {
        return None;
    }
    let pasted = e
        .dyn_ref::<web_sys::ClipboardEvent>()?
        .clipboard_data()?
        .get_data("text/plain")
        .ok()?;
    let several_lines = pasted.trim().contains(['\n', '\r']);
    if !several_lines && report_core::paste::clean_pasted(&pasted).removed.is_empty() {
        return None;
    }
    let target = e.target()?;
    let (value, start, end) = if let Some(area) = target.dyn_ref::<HtmlTextAreaElement>() {
        let (start, end) = (area.selection_start(), area.selection_end());
        (area.value(), start.ok().flatten(), end.ok().flatten())
    } else {
        let input = target.dyn_ref::<HtmlInputElement>()?;
        let (start, end) = (input.selection_start(), input.selection_end());
        (input.value(), start.ok().flatten(), end.ok().flatten())
    };
    // The caret is counted in UTF-16 units, as JavaScript counts.
    let units: Vec<u16> = value.encode_utf16().collect();
    let offset = |at: Option<u32>| at.map_or(units.len(), |at| (at as usize).min(units.len()));
    let start = offset(start);
    let end = offset(end).max(start);
    Some(Action::from(DraftAction::Paste {
        id,
        field,
        before: String::from_utf16_lossy(&units[..start]),
        pasted,
        after: String::from_utf16_lossy(&units[end..]),
    }))
}
