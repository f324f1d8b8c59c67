use std::cell::RefCell;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use report_core::model::{NewNode, Parent, TextField, MAX_LEVEL};
use report_core::{outline, Draft, Edit, Node, NodeId};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::adapter::clock::keystroke_ms;
use crate::components::editor::node_editor::NodeEditor;
use crate::components::SharedDraft;
use crate::hooks::{use_dispatch, use_settled, SETTLE_MS};
use crate::state::{Action, Dispatch, DraftAction};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub draft: SharedDraft,
    pub section_id: NodeId,
}

/// The open draft as the node editors read it when they render: one cell, filled with
/// the newest draft by the section editor before they render. A node editor holds no
/// draft of its own, so one that did not render again (Yew keeps its older props) keeps
/// no older draft alive. Compared by the cell: a newer draft re-renders no editor by
/// itself.
#[derive(Clone)]
pub struct OpenDraft(Rc<RefCell<Rc<Draft>>>);

impl PartialEq for OpenDraft {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl OpenDraft {
    pub fn get(&self) -> Rc<Draft> {
        self.0.borrow().clone()
    }
}

/// One outline part: its title, guidance, and its tree of headings and paragraphs.
#[function_component]
pub fn SectionEditor(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let open = use_memo((), {
        let draft = props.draft.clone();
        move |()| OpenDraft(Rc::new(RefCell::new(draft)))
    });
    *open.0.borrow_mut() = props.draft.clone();
    // The count follows the text when it has not changed for a moment, as the paragraphs'
    // do (after any change, typed or not): a count changed on each key cost the keystroke
    // a second layout (BENCHMARKS.md, "Counts and the outline follow typing pauses"). A
    // section opened shows its count at once (the app keys its editor by the section).
    let chars = use_settled(
        props
            .draft
            .section(props.section_id)
            .map_or(0, |s| outline::nodes_chars(&s.children)),
        SETTLE_MS,
    );
    let Ok(section) = props.draft.section(props.section_id) else {
        return html! { <p role="alert">{ "这一部分已不存在，请从左侧大纲选择。" }</p> };
    };
    let id = section.id;
    let label = outline::section_label(&props.draft, id);
    let on_title = {
        let dispatch = dispatch.clone();
        move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            dispatch.dispatch(Action::from(DraftAction::Typed {
                edit: Edit::SetText {
                    id,
                    field: TextField::Title,
                    text,
                },
                at_ms: keystroke_ms(),
            }));
        }
    };
    let max_level = if section.numbered { MAX_LEVEL } else { 1 };
    html! {
        <ContextProvider<OpenDraft> context={(*open).clone()}>
        <section class="section-editor" aria-labelledby={format!("node-{id}")}>
            <div class="section-head">
                <span class="label">{ label }</span>
                <input id={format!("node-{id}")} class="section-title" aria-label="部分标题"
                    value={section.title.clone()} oninput={on_title} />
                <span class="count">{ format!("{chars}字") }</span>
            </div>
            <details class="guidance" open=true>
                <summary>{ "写作提示" }</summary>
                <p>{ section.guidance.clone() }</p>
            </details>
            { node_list(&dispatch, &section.children, Parent::Section(id), 2, max_level) }
        </section>
        </ContextProvider<OpenDraft>>
    }
}

/// The children of a section or heading (`nodes`, in the open draft), with buttons to
/// add to them. Headings at `level` may be added while `level <= max_level`.
pub fn node_list(
    dispatch: &Dispatch,
    nodes: &[Node],
    parent: Parent,
    level: u8,
    max_level: u8,
) -> Html {
    let labels = outline::sibling_labels(nodes, level);
    let last = nodes.len().saturating_sub(1);
    let editors = nodes.iter().enumerate().map(|(i, node)| {
        let label = labels
            .iter()
            .find(|(id, _)| *id == node.id())
            .map(|(_, l)| l.clone())
            .unwrap_or_default();
        html! {
            <NodeEditor key={node.id()} id={node.id()} content={fingerprint(node)} label={label} {level}
                first={i == 0} last={i == last} headings_allowed={level <= max_level} />
        }
    });
    let add = |kind: NewNode| {
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            dispatch.dispatch(Action::from(DraftAction::AddNode { parent, kind }))
        })
    };
    let next_heading = report_core::labels::heading_label(level, labels.len() + 1);
    html! {
        <div class="node-list">
            { for editors }
            <div class="add-buttons">
                <button type="button" onclick={add(NewNode::Paragraph)}>{ "＋ 段落" }</button>
                if level <= max_level {
                    <button type="button" onclick={add(NewNode::Heading)}>{ format!("＋ 标题 {next_heading}") }</button>
                }
            </div>
        </div>
    }
}

/// A node's text and structure as one number, which changes when any of it does.
fn fingerprint(node: &Node) -> u64 {
    fn feed(node: &Node, hasher: &mut DefaultHasher) {
        match node {
            Node::Heading {
                id,
                title,
                text,
                children,
            } => {
                (0u8, id, title, text, children.len()).hash(hasher);
                for child in children {
                    feed(child, hasher);
                }
            }
            Node::Paragraph { id, text } => (1u8, id, text).hash(hasher),
        }
    }
    let mut hasher = DefaultHasher::new();
    feed(node, &mut hasher);
    hasher.finish()
}
