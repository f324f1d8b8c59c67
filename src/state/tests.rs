//! The reducer's tests: edits, navigation and session events through `AppState::reduce`.

use super::*;
use report_core::check;
use report_core::model::{Direction, NewNode, Node, Parent, TextField};
use report_core::plan_items::Status;
use report_core::restructure::Restructure;
use report_core::rules::Rule;
use report_core::Edit;
use report_core::Template;

/// The node that takes the focus after the next render.
fn focused(s: &AppState) -> NodeId {
    match s.focus {
        Some(Target::Text { id, .. }) => id,
        ref other => panic!("no node is to be focused: {other:?}"),
    }
}

fn state() -> Rc<AppState> {
    let draft = Template::builtin_default().new_draft("a".into(), 2023);
    Rc::new(AppState::new(draft, Some("t:1".into()), Vec::new()))
}

#[test]
fn a_refused_draft_write_leaves_the_draft_unsaved_until_a_write_commits() {
    let s = state().reduce(Action::from(SessionAction::Saved {
        revision: 0,
        stamp: "t:2".into(),
        saved_at: String::new(),
    }));
    assert!(!s.unsaved());
    let refused = s.reduce(Action::from(SessionAction::DraftWriteRefused {
        id: "a".into(),
        message: "满".into(),
    }));
    assert!(refused.unsaved(), "every save path retries");
    assert_eq!(refused.save, SaveState::Failed("满".into()));
    let revision = refused.revision;
    let retried = refused.reduce(Action::from(SessionAction::Saved {
        revision,
        stamp: "t:3".into(),
        saved_at: String::new(),
    }));
    assert!(
        matches!(retried.save, SaveState::Failed(_)),
        "a retry not yet committed does not look saved"
    );
    let earlier = retried
        .clone()
        .reduce(Action::from(SessionAction::DraftWriteCommitted {
            id: "a".into(),
            stamp: "t:2".into(),
        }));
    assert!(matches!(earlier.save, SaveState::Failed(_)));
    let committed = retried.reduce(Action::from(SessionAction::DraftWriteCommitted {
        id: "a".into(),
        stamp: "t:3".into(),
    }));
    assert_eq!(committed.save, SaveState::Saved);
}

#[test]
fn a_refused_write_of_another_draft_is_told_and_leaves_the_open_one_saved() {
    let s = state().reduce(Action::from(SessionAction::DraftWriteRefused {
        id: "b".into(),
        message: "满".into(),
    }));
    assert!(!s.unsaved());
    assert_eq!(s.save, SaveState::Saved);
    assert!(s.notice.as_ref().is_some_and(|n| n.error));
}

#[test]
fn edits_bump_the_revision_and_mark_unsaved() {
    let s = state();
    let section = s.draft.sections[1].id;
    let s = s.reduce(Action::from(DraftAction::AddNode {
        parent: Parent::Section(section),
        kind: NewNode::Paragraph,
    }));
    assert_eq!(s.revision, 1);
    assert!(s.unsaved());
    let id = focused(&s);
    let s = s.reduce(Action::from(DraftAction::Typed {
        edit: Edit::SetText {
            id,
            field: TextField::Text,
            text: "保护市场公平竞争。".into(),
        },
        at_ms: 0,
    }));
    assert_eq!(s.revision, 2);
    let s = s.reduce(Action::from(SessionAction::Saved {
        revision: 2,
        stamp: "t:2".into(),
        saved_at: "2024-02-27T08:30:00Z".into(),
    }));
    assert!(!s.unsaved());
    assert_eq!(s.drafts[0].id, "a", "the list shows the saved draft first");
    let s = s.reduce(Action::from(DraftAction::Typed {
        edit: Edit::SetMeta {
            field: MetaField::Title,
            value: "新标题".into(),
        },
        at_ms: 0,
    }));
    assert_eq!(s.draft.meta.title, "新标题");
    assert!(s.unsaved());
}

/// While the last change is typed text, views that follow typing pauses (the outline)
/// may lag; any other change (a node added, an undo) shows at once.
#[test]
fn typing_is_told_apart_from_other_changes() {
    let s = state();
    let section = s.draft.sections[1].id;
    let s = s.reduce(Action::from(DraftAction::AddNode {
        parent: Parent::Section(section),
        kind: NewNode::Paragraph,
    }));
    assert_ne!(s.typed_revision, Some(s.revision));
    let id = focused(&s);
    let typed = |s: Rc<AppState>, text: &str| {
        s.reduce(Action::from(DraftAction::Typed {
            edit: Edit::SetText {
                id,
                field: TextField::Text,
                text: text.into(),
            },
            at_ms: 0,
        }))
    };
    let s = typed(s, "保护");
    assert_eq!(s.typed_revision, Some(s.revision));
    let same = typed(s.clone(), "保护");
    assert_eq!(same.revision, s.revision, "the same text is no change");
    assert_eq!(same.typed_revision, Some(same.revision));
    let s = s.reduce(Action::from(DraftAction::Undo));
    assert_ne!(s.typed_revision, Some(s.revision));
    let s = s.reduce(Action::from(DraftAction::AddNode {
        parent: Parent::Section(section),
        kind: NewNode::Heading,
    }));
    assert_ne!(s.typed_revision, Some(s.revision));
}

#[test]
fn table_cells_are_edits_and_plan_columns_are_refused() {
    let draft = Template::builtin("indicator-table")
        .unwrap()
        .new_draft("a".into(), 2023);
    let s = Rc::new(AppState::new(draft, Some("t:1".into()), Vec::new()));
    let s = s.reduce(Action::from(DraftAction::Typed {
        edit: Edit::SetTableCell {
            number: "九-1-1".into(),
            column: 4,
            text: "已完成".into(),
        },
        at_ms: 0,
    }));
    assert_eq!(s.revision, 1);
    let table = s.draft.attachment_table.as_ref().unwrap();
    assert_eq!(table.cell("九-1-1", 4), "已完成");
    let after = s.clone().reduce(Action::from(DraftAction::Typed {
        edit: Edit::SetTableCell {
            number: "九-1-1".into(),
            column: 1,
            text: "改指标".into(),
        },
        at_ms: 0,
    }));
    assert_eq!((after.revision, &after.draft), (s.revision, &s.draft));
    assert!(after.notice.as_ref().is_some_and(|n| n.error));
}

#[test]
fn a_failed_edit_changes_nothing_but_says_so() {
    let s = state();
    let after = s
        .clone()
        .reduce(Action::from(DraftAction::Apply(Edit::Remove {
            id: 999,
            next_id: None,
        })));
    assert_eq!(after.draft, s.draft);
    assert_eq!(after.revision, s.revision);
    assert!(after.notice.as_ref().is_some_and(|n| n.error));
}

#[test]
fn jump_opens_the_section_holding_the_node() {
    let s = state();
    let section = s.draft.sections[2].id;
    let s = s.reduce(Action::from(DraftAction::AddNode {
        parent: Parent::Section(section),
        kind: NewNode::Heading,
    }));
    let heading = focused(&s);
    let s = s
        .reduce(Action::from(NavAction::Focused))
        .reduce(Action::from(NavAction::GoTo(Step::Basics)));
    let s = s.reduce(Action::from(NavAction::JumpTo(heading)));
    assert_eq!(s.step, Step::Section(section));
    assert_eq!(focused(&s), heading);
}

#[test]
fn a_checker_fix_changes_its_text_once_and_a_stale_one_is_refused() {
    let s = state();
    let section = s.draft.sections[1].id;
    let (s, id) = add_typed(s, section, "加强法制建设，完善其它制度。", 0);
    let today = report_core::CalendarDate::new(2024, 2, 1).unwrap();
    let fix = report_core::check::check_draft(&s.draft, today, &Default::default())
        .into_iter()
        .find(|f| f.rule == Rule::WordingFazhi)
        .and_then(|f| f.fix)
        .expect("法制建设 is found with a fix");
    let fixed = s.reduce(Action::from(DraftAction::ApplyFix(fix.clone())));
    let text = |s: &AppState| paragraph(s, id);
    assert_eq!(
        text(&fixed),
        "加强法治建设，完善其它制度。",
        "only 法制 changed"
    );
    assert_eq!(fixed.revision, 3, "a fix is an edit and is autosaved");
    let again = fixed
        .clone()
        .reduce(Action::from(DraftAction::ApplyFix(fix)));
    assert_eq!(text(&again), text(&fixed));
    assert_eq!(again.revision, fixed.revision);
    assert!(again
        .notice
        .as_ref()
        .is_some_and(|n| n.error && n.text.contains("过时")));
}

#[test]
fn a_plan_is_set_decided_on_and_replaced_without_losing_decisions() {
    let plan = |text: &str| report_core::plan::parse_plan_text(text).unwrap().plan;
    let s = state().reduce(Action::from(DraftAction::SetPlan(plan(
        "1.推进合法性审查。（法制科）\n2.开展普法宣传。（宣传科）",
    ))));
    assert_eq!(s.revision, 1);
    let s = s.reduce(Action::from(DraftAction::Decide {
        index: 1,
        decision: Decision::Status(Some(Status::NotApplicable), "本级不承担".into()),
    }));
    assert_eq!(s.revision, 2);
    // A re-import with an extra item keeps the decision on item 2.
    let s = s.reduce(Action::from(DraftAction::SetPlan(plan(
        "1.推进合法性审查。（法制科）\n2.开展普法宣传。（宣传科）\n3.加强执法监督。（监督所）",
    ))));
    let state = s.draft.plan.as_ref().unwrap();
    assert_eq!(state.plan.items.len(), 3);
    let decision = state.decision(&state.plan.items[1]).unwrap();
    assert_eq!(decision.status, Some(Status::NotApplicable));
    assert_eq!(decision.reason, "本级不承担");
    // A decision on an item that does not exist changes nothing.
    let same = s.clone().reduce(Action::from(DraftAction::Decide {
        index: 9,
        decision: Decision::Confirm(1),
    }));
    assert_eq!(same.revision, s.revision);
}

#[test]
fn a_keystroke_copies_the_draft_but_shares_its_plan() {
    let plan = report_core::plan::parse_plan_text(
        "1.推进合法性审查。（法制科）\n2.开展普法宣传。（宣传科）",
    )
    .unwrap()
    .plan;
    let s = state().reduce(Action::from(DraftAction::SetPlan(plan)));
    let section = s.draft.sections[1].id;
    let s = s.reduce(Action::from(DraftAction::AddNode {
        parent: Parent::Section(section),
        kind: NewNode::Paragraph,
    }));
    let id = focused(&s);
    // The page's components hold the draft they rendered, so the reducer's change copies it.
    let rendered = s.draft.clone();
    let typed = s.reduce(Action::from(DraftAction::Typed {
        edit: Edit::SetText {
            id,
            field: TextField::Text,
            text: "法".into(),
        },
        at_ms: 0,
    }));
    assert!(!Rc::ptr_eq(&typed.draft, &rendered));
    // The plan, which typing never changes, is not copied with it.
    assert!(Rc::ptr_eq(
        typed.draft.plan.as_ref().unwrap(),
        rendered.plan.as_ref().unwrap()
    ));
}

#[test]
fn a_paragraph_for_a_missing_item_is_added_to_the_achievements_and_opened() {
    let plan = report_core::plan::parse_plan_text("1.推进合法性审查。（法制科）")
        .unwrap()
        .plan;
    let s = state().reduce(Action::from(DraftAction::SetPlan(plan)));
    let measures = s
        .draft
        .sections
        .iter()
        .find(|x| x.key == "measures")
        .unwrap()
        .id;
    let s = s.reduce(Action::from(DraftAction::AddParagraphFor(0)));
    assert_eq!(s.step, Step::Section(measures));
    let id = focused(&s);
    let section = s.draft.section(measures).unwrap();
    assert_eq!(section.children.last().map(|n| n.id()), Some(id));
    assert!(s
        .notice
        .as_ref()
        .unwrap()
        .text
        .contains("第1项“推进合法性审查”"));
    assert_eq!(s.revision, 2);
}

#[test]
fn the_preview_mode_survives_opening_another_draft() {
    let s = state().reduce(Action::from(NavAction::SetPreview(PreviewMode::Instead)));
    assert_eq!(s.preview, PreviewMode::Instead);
    let other = Template::builtin_default().new_draft("b".into(), 2024);
    let s = s.reduce(Action::from(SessionAction::Open {
        draft: other,
        stamp: None,
        drafts: vec![],
    }));
    assert_eq!(s.preview, PreviewMode::Instead);
}

#[test]
fn opening_another_draft_resets_save_state_and_keeps_revisions_moving() {
    let s = state().reduce(Action::from(DraftAction::Typed {
        edit: Edit::SetMeta {
            field: MetaField::Title,
            value: "x".into(),
        },
        at_ms: 0,
    }));
    let s = s.reduce(Action::from(SessionAction::Conflict));
    let other = Template::builtin_default().new_draft("b".into(), 2024);
    let s = s.reduce(Action::from(SessionAction::Open {
        draft: other,
        stamp: None,
        drafts: vec![],
    }));
    assert_eq!(s.draft.id, "b");
    assert_eq!(s.save, SaveState::Saved);
    assert!(!s.unsaved());
    assert!(s.revision > 1);
}

#[test]
fn a_name_clash_waits_for_the_user_and_a_new_listing_settles_it() {
    let mine = Template {
        name: "上城区模板".into(),
        ..Template::builtin_default()
    };
    let s = state().reduce(Action::from(SessionAction::TemplatesListed(vec![
        mine.clone()
    ])));
    assert_eq!(s.templates.as_slice(), std::slice::from_ref(&mine));
    let s = s.reduce(Action::from(SessionAction::TemplateNameTaken(mine.clone())));
    assert_eq!(s.template_clash.as_deref(), Some(&mine));
    assert_eq!(
        s.templates.len(),
        1,
        "nothing is added while the user is asked"
    );
    assert_eq!(s.revision, 0, "the draft is not edited");
    let cancelled = s
        .clone()
        .reduce(Action::from(SessionAction::CancelTemplateClash));
    assert_eq!(cancelled.template_clash, None);
    assert_eq!(cancelled.templates, s.templates);
    let renamed = Template {
        name: "上城区模板 (2)".into(),
        ..mine.clone()
    };
    let s = s.reduce(Action::from(SessionAction::TemplatesListed(vec![
        mine, renamed,
    ])));
    assert_eq!(s.template_clash, None);
    assert_eq!(s.templates.len(), 2);
}

#[test]
fn opening_a_draft_keeps_the_template_library() {
    let mine = Template {
        name: "上城区模板".into(),
        ..Template::builtin_default()
    };
    let s = state()
        .reduce(Action::from(SessionAction::TemplatesListed(vec![
            mine.clone()
        ])))
        .reduce(Action::from(SessionAction::TemplateNameTaken(mine.clone())));
    let s = s.reduce(Action::from(SessionAction::Open {
        draft: mine.new_draft("b".into(), 2024),
        stamp: None,
        drafts: vec![],
    }));
    assert_eq!(s.draft.template, "上城区模板");
    assert_eq!(s.templates.as_slice(), std::slice::from_ref(&mine));
    assert_eq!(s.template_clash.as_deref(), Some(&mine));
}

#[test]
fn a_reload_from_another_tab_replaces_the_draft_without_marking_it_unsaved() {
    let s = state();
    let mut theirs = (*s.draft).clone();
    theirs.meta.title = "另一标签页".into();
    let s = s.reduce(Action::from(SessionAction::ReloadedFromOtherTab {
        draft: theirs,
        stamp: "other:1".into(),
    }));
    assert_eq!(s.draft.meta.title, "另一标签页");
    assert_eq!(s.stamp.as_deref(), Some("other:1"));
    assert!(!s.unsaved());
}

/// Adds a paragraph to `section` and types `text` into it.
fn add_typed(s: Rc<AppState>, section: NodeId, text: &str, at_ms: u64) -> (Rc<AppState>, NodeId) {
    let s = s.reduce(Action::from(DraftAction::AddNode {
        parent: Parent::Section(section),
        kind: NewNode::Paragraph,
    }));
    let id = focused(&s);
    let s = s.reduce(Action::from(DraftAction::Typed {
        edit: Edit::SetText {
            id,
            field: TextField::Text,
            text: text.into(),
        },
        at_ms,
    }));
    (s.reduce(Action::from(NavAction::Focused)), id)
}

fn paragraph(s: &AppState, id: NodeId) -> String {
    match s.draft.node(id) {
        Some(report_core::Node::Paragraph { text, .. }) => text.clone(),
        other => panic!("no paragraph {id}: {other:?}"),
    }
}

fn json(s: &AppState) -> String {
    report_core::to_json(&s.draft, 0.0)
}

#[test]
fn undo_after_a_delete_puts_the_paragraph_back_and_focuses_it() {
    let s = state();
    let section = s.draft.sections[1].id;
    let (s, jia) = add_typed(s, section, "甲段内容。", 1_000);
    let (s, yi) = add_typed(s, section, "乙段是最后打字的内容。", 9_000);
    let typed = json(&s);
    let s = s.reduce(Action::from(NavAction::GoTo(Step::Basics)));
    let s = s.reduce(Action::from(DraftAction::Apply(Edit::Remove {
        id: jia,
        next_id: None,
    })));
    assert!(s.draft.node(jia).is_none());
    let deleted = s.revision;

    let s = s.reduce(Action::from(DraftAction::Undo));
    assert_eq!(json(&s), typed, "the draft is as before the delete");
    let children = &s.draft.section(section).unwrap().children;
    assert_eq!(children[children.len() - 2].id(), jia, "甲 is in its place");
    assert_eq!(paragraph(&s, jia), "甲段内容。");
    assert_eq!(paragraph(&s, yi), "乙段是最后打字的内容。");
    assert_eq!(s.step, Step::Section(section), "its section opens");
    assert_eq!(
        s.focus,
        Some(Target::Text {
            id: jia,
            field: TextField::Text
        })
    );
    assert!(s.revision > deleted && s.unsaved(), "the undo is autosaved");

    let s = s
        .reduce(Action::from(NavAction::Focused))
        .reduce(Action::from(DraftAction::Redo));
    assert!(s.draft.node(jia).is_none());
    assert_eq!(paragraph(&s, yi), "乙段是最后打字的内容。");
    assert!(!s.history.can_redo() && s.history.can_undo());
}

#[test]
fn undo_takes_back_a_move_and_a_fix_exactly() {
    let s = state();
    let section = s.draft.sections[1].id;
    let (s, first) = add_typed(s, section, "加强法制建设。", 1_000);
    let (s, second) = add_typed(s, section, "完善制度。", 9_000);
    let before = json(&s);
    let moved = s.reduce(Action::from(DraftAction::MoveNode {
        id: second,
        direction: Direction::Up,
    }));
    let order = |s: &AppState| -> Vec<NodeId> {
        let children = &s.draft.section(section).unwrap().children;
        children.iter().map(|n| n.id()).collect()
    };
    assert_eq!(order(&moved)[..2], [second, first]);
    let s = moved.reduce(Action::from(DraftAction::Undo));
    assert_eq!(json(&s), before);
    assert_eq!(
        s.focus,
        Some(Target::Text {
            id: second,
            field: TextField::Text
        }),
        "the moved paragraph takes the focus"
    );

    let today = report_core::CalendarDate::new(2024, 2, 1).unwrap();
    let fix = report_core::check::check_draft(&s.draft, today, &Default::default())
        .into_iter()
        .find(|f| f.rule == Rule::WordingFazhi)
        .and_then(|f| f.fix)
        .expect("法制建设 is found with a fix");
    let fixed = s
        .reduce(Action::from(NavAction::Focused))
        .reduce(Action::from(DraftAction::ApplyFix(fix)));
    assert_eq!(paragraph(&fixed, first), "加强法治建设。");
    let s = fixed.reduce(Action::from(DraftAction::Undo));
    assert_eq!(json(&s), before);
    assert_eq!(paragraph(&s, second), "完善制度。");
    let s = s.reduce(Action::from(DraftAction::Redo));
    assert_eq!(paragraph(&s, first), "加强法治建设。");
}

#[test]
fn typing_is_undone_by_pauses_and_fields_take_their_step() {
    let s = state();
    let set = |s: Rc<AppState>, value: &str, at_ms| {
        s.reduce(Action::from(DraftAction::Typed {
            edit: Edit::SetMeta {
                field: MetaField::Printer,
                value: value.into(),
            },
            at_ms,
        }))
    };
    let s = set(s, "区卫", 1_000);
    let s = set(s, "区卫健", 1_200);
    let s = set(s, "区卫健局办公室", 9_000);
    let s = s.reduce(Action::from(NavAction::GoTo(Step::Basics)));
    let s = s.reduce(Action::from(DraftAction::Undo));
    assert_eq!(s.draft.meta.printer, "区卫健");
    assert_eq!(s.step, Step::Closing, "印发机关 is in 落款与版记");
    assert_eq!(s.focus, Some(Target::Meta(MetaField::Printer)));
    let s = s.reduce(Action::from(DraftAction::Undo));
    assert_eq!(s.draft.meta.printer, "");
    assert!(!s.history.can_undo());
}

#[test]
fn with_nothing_to_undo_nothing_changes() {
    let s = state();
    let after = s
        .clone()
        .reduce(Action::from(DraftAction::Undo))
        .reduce(Action::from(DraftAction::Redo));
    assert_eq!(after.revision, s.revision);
    assert_eq!(after.draft, s.draft);
    assert_eq!(after.notice, None);
}

#[test]
fn another_draft_starts_with_an_empty_history() {
    let s = state();
    let section = s.draft.sections[1].id;
    let (s, _) = add_typed(s, section, "内容", 0);
    assert!(s.history.can_undo());
    let other = Template::builtin_default().new_draft("b".into(), 2024);
    let opened = s.clone().reduce(Action::from(SessionAction::Open {
        draft: other.clone(),
        stamp: None,
        drafts: vec![],
    }));
    assert!(!opened.history.can_undo());
    let reloaded = s.reduce(Action::from(SessionAction::ReloadedFromOtherTab {
        draft: other,
        stamp: "other:1".into(),
    }));
    assert!(!reloaded.history.can_undo());
}

#[test]
fn plan_decisions_and_table_cells_are_undone() {
    let draft = Template::builtin("indicator-table")
        .unwrap()
        .new_draft("a".into(), 2023);
    let s = Rc::new(AppState::new(draft, None, Vec::new()));
    let plan = report_core::plan::parse_plan_text("1.推进合法性审查。（法制科）")
        .unwrap()
        .plan;
    let s = s.reduce(Action::from(DraftAction::SetPlan(plan)));
    let decided = s.clone().reduce(Action::from(DraftAction::Decide {
        index: 0,
        decision: Decision::Status(Some(Status::NotApplicable), "本级不承担".into()),
    }));
    let undone = decided.reduce(Action::from(DraftAction::Undo));
    assert_eq!(undone.draft, s.draft);
    assert_eq!(undone.step, Step::Coverage);
    let s = undone.reduce(Action::from(DraftAction::Typed {
        edit: Edit::SetTableCell {
            number: "1".into(),
            column: 4,
            text: "已完成".into(),
        },
        at_ms: 0,
    }));
    let s = s.reduce(Action::from(DraftAction::Undo));
    assert_eq!(s.draft.attachment_table.as_ref().unwrap().cell("1", 4), "");
    assert_eq!(s.step, Step::Table);
    // Undo all the way takes the plan away again.
    let s = s.reduce(Action::from(DraftAction::Undo));
    assert!(s.draft.plan.is_none());
}

#[test]
fn enter_backspace_and_a_structured_paste_are_one_undo_each() {
    let s = state();
    let section = s.draft.sections[1].id;
    let (s, first) = add_typed(s, section, "第一段。", 0);
    let typed = json(&s);
    let s = s.reduce(Action::from(DraftAction::BreakAfter(first)));
    let second = focused(&s);
    assert_eq!(paragraph(&s, second), "");
    let children = |s: &AppState| -> Vec<NodeId> {
        let section = s.draft.section(section).unwrap();
        section.children.iter().map(|n| n.id()).collect()
    };
    assert_eq!(children(&s), [first, second]);
    // Backspace in the empty paragraph removes it and goes back to the first.
    let s = s.reduce(Action::from(DraftAction::RemoveEmpty(second)));
    assert_eq!(children(&s), [first]);
    assert_eq!(focused(&s), first);
    let s = s
        .reduce(Action::from(DraftAction::Undo))
        .reduce(Action::from(DraftAction::Undo));
    assert_eq!(json(&s), typed);
    // A paragraph with text is not removed by Backspace.
    let same = s
        .clone()
        .reduce(Action::from(DraftAction::RemoveEmpty(first)));
    assert_eq!(same.draft, s.draft);

    let s = s.reduce(Action::from(DraftAction::Paste {
        id: first,
        field: TextField::Text,
        before: "第一段。".into(),
        pasted: "\u{200B}依法决策。\r\n严格执法。\r\n（一）强化\u{A0}保障\r\n落实责任。\r\n".into(),
        after: String::new(),
    }));
    let section_nodes = &s.draft.section(section).unwrap().children;
    assert_eq!(section_nodes.len(), 3, "{section_nodes:?}");
    assert_eq!(paragraph(&s, first), "第一段。依法决策。");
    assert!(section_nodes[2].is_heading());
    let notice = s.notice.clone().expect("the cleaning is reported");
    assert!(notice.text.contains("零宽字符 1 个") && notice.text.contains("不间断空格 1 个"));
    let s = s.reduce(Action::from(DraftAction::Undo));
    assert_eq!(json(&s), typed, "one undo takes the whole paste back");
    assert_eq!(
        focused(&s),
        first,
        "the paragraph pasted into takes the focus"
    );
}

#[test]
fn a_restructure_is_one_undo_and_keeps_the_node_in_focus() {
    let s = state();
    let section = s.draft.sections[1].id;
    let (s, first) = add_typed(s, section, "加强领导", 0);
    let typed = json(&s);
    let s = s.reduce(Action::from(DraftAction::Restructure {
        id: first,
        how: Restructure::ToHeading,
    }));
    assert!(s.draft.node(first).is_some_and(Node::is_heading));
    assert_eq!(
        s.focus,
        Some(Target::Text {
            id: first,
            field: TextField::Title
        })
    );
    // Refused: a heading directly in a section cannot go higher.
    let refused = s.clone().reduce(Action::from(DraftAction::Restructure {
        id: first,
        how: Restructure::Promote,
    }));
    assert_eq!(refused.draft, s.draft);
    assert!(refused
        .notice
        .as_ref()
        .is_some_and(|n| n.text.contains("不能再升级")));
    let s = s
        .reduce(Action::from(NavAction::Focused))
        .reduce(Action::from(DraftAction::Undo));
    assert_eq!(json(&s), typed);
    assert_eq!(focused(&s), first);
}

fn shangcheng() -> Rc<AppState> {
    let draft = report_core::from_json(report_core::fixtures::DRAFT_SHANGCHENG_2023).unwrap();
    Rc::new(AppState::new(draft, None, Vec::new()))
}

/// 全部修正 of `rule` as the check panel offers it: the fixes the checker (in the
/// worker) finds in the draft of `s`.
fn fix_all_of(s: &AppState, rule: Rule) -> Action {
    let today = report_core::CalendarDate::new(2024, 2, 20).unwrap();
    let fixes = check::check_draft(&s.draft, today, &Setup::default())
        .into_iter()
        .filter(|f| f.rule == rule)
        .filter_map(|f| f.fix)
        .collect();
    Action::from(DraftAction::FixAll(fixes))
}

#[test]
fn changes_that_snapshot_first_ask_for_one_and_a_restore_replaces_the_text() {
    let s = shangcheng();
    let before = s.draft.clone();
    let fix_all = fix_all_of(&s, Rule::HalfwidthPunct);
    let fixed = s.reduce(fix_all);
    assert_eq!(
        fixed.pending_snapshot,
        Some((before.clone(), Reason::BeforeFixAll))
    );
    let fixed = fixed.reduce(Action::from(SessionAction::SnapshotTaken));
    assert_eq!(fixed.pending_snapshot, None);
    // Nothing left to fix: no change, no snapshot.
    let again = fixed
        .clone()
        .reduce(fix_all_of(&fixed, Rule::HalfwidthPunct));
    assert_eq!(again.pending_snapshot, None);

    let mut old = (*before).clone();
    old.id = "another-id".into();
    let restored = fixed
        .clone()
        .reduce(Action::from(SessionAction::RestoreVersion(old)));
    assert_eq!(restored.draft.sections, before.sections);
    assert_eq!(
        restored.draft.id, fixed.draft.id,
        "the open draft keeps its id"
    );
    assert_eq!(
        restored.pending_snapshot,
        Some((fixed.draft.clone(), Reason::BeforeRestore))
    );
    assert!(restored.unsaved(), "the restore is autosaved");
    assert!(!restored.history.can_undo());
}

#[test]
fn a_second_quick_fix_all_is_refused_in_the_plural() {
    let s = shangcheng();
    let section = s.draft.sections[1].id;
    let (s, _) = add_typed(s, section, "新增内容,依法行政,规范执法。", 0);
    let fixed = s.clone().reduce(fix_all_of(&s, Rule::HalfwidthPunct));
    // The same button again, before the checker has answered about the fixed text.
    let again = fixed.clone().reduce(fix_all_of(&s, Rule::HalfwidthPunct));
    assert_eq!(json(&again), json(&fixed));
    let notice = again.notice.clone().expect("the refusal is told");
    assert!(
        notice.error && notice.text.contains("这些修改建议已过时"),
        "{notice:?}"
    );
}

#[test]
fn fix_all_is_one_step_and_fixes_of_an_older_text_are_refused() {
    let today = report_core::CalendarDate::new(2024, 2, 20).unwrap();
    let halfwidth = |s: &AppState| -> usize {
        check::check_draft(&s.draft, today, &Setup::default())
            .iter()
            .filter(|f| f.rule == Rule::HalfwidthPunct)
            .count()
    };
    let s = shangcheng();
    let section = s.draft.sections[1].id;
    let (s, typed) = add_typed(s, section, "新增内容,依法行政。", 0);
    // Found before more typing moved that paragraph's comma: stale, refused as a whole.
    let stale = fix_all_of(&s, Rule::HalfwidthPunct);
    let s = s.reduce(Action::from(DraftAction::Typed {
        edit: Edit::SetText {
            id: typed,
            field: TextField::Text,
            text: "新增的内容,依法行政,".into(),
        },
        at_ms: 1,
    }));
    let before = json(&s);
    let refused = s.clone().reduce(stale);
    assert_eq!(json(&refused), before, "nothing is fixed");
    assert_eq!(refused.revision, s.revision);
    let notice = refused.notice.clone().expect("the refusal is told");
    assert!(notice.error && notice.text.contains("已过时"), "{notice:?}");

    let found = halfwidth(&s);
    assert!(found > 1, "{found} findings");
    let fix_all = fix_all_of(&s, Rule::HalfwidthPunct);
    let fixed = s.reduce(fix_all);
    assert_eq!(halfwidth(&fixed), 0);
    assert_eq!(paragraph(&fixed, typed), "新增的内容，依法行政，");
    let notice = fixed.notice.clone().expect("the fixes are counted");
    assert!(!notice.error, "{notice:?}");
    let undone = fixed.reduce(Action::from(DraftAction::Undo));
    assert_eq!(json(&undone), before, "one undo takes every fix back");
    let redone = undone.reduce(Action::from(DraftAction::Redo));
    assert_eq!(halfwidth(&redone), 0);
    // With nothing left to fix, nothing changes.
    let again = redone
        .clone()
        .reduce(fix_all_of(&redone, Rule::HalfwidthPunct));
    assert_eq!(again.revision, redone.revision);
}

#[test]
fn an_ignored_rule_is_one_undoable_step_and_can_be_restored() {
    let s = shangcheng().reduce(Action::from(DraftAction::IgnoreRule(Rule::HalfwidthPunct)));
    assert_eq!(s.draft.ignored_rules, ["halfwidth-punct"]);
    assert_eq!(s.revision, 1, "ignoring is an edit and is autosaved");
    let same = s
        .clone()
        .reduce(Action::from(DraftAction::IgnoreRule(Rule::HalfwidthPunct)));
    assert_eq!(same.revision, s.revision, "a rule is ignored once");
    let s = s.reduce(Action::from(DraftAction::IgnoreRule(Rule::WordingFazhi)));
    let restored = s
        .clone()
        .reduce(Action::from(DraftAction::Apply(Edit::SetIgnoredRules(
            Vec::new(),
        ))));
    assert!(restored.draft.ignored_rules.is_empty());
    let undone = restored.reduce(Action::from(DraftAction::Undo));
    assert_eq!(undone.draft.ignored_rules, s.draft.ignored_rules);
    let undone = undone
        .reduce(Action::from(NavAction::ShowChecks(false)))
        .reduce(Action::from(DraftAction::Undo));
    assert_eq!(undone.draft.ignored_rules, ["halfwidth-punct"]);
    assert!(
        undone.show_checks,
        "the checker shows what the undo changed"
    );
}

#[test]
fn a_new_report_year_is_one_step_with_or_without_the_typed_texts() {
    let s = state();
    let section = s.draft.sections[1].id;
    let (s, typed) = add_typed(s, section, "2023年，我局推进依法行政。", 0);
    let before = json(&s);
    let titles = |s: &AppState| -> Vec<String> {
        s.draft.sections.iter().map(|x| x.title.clone()).collect()
    };
    let fresh = Template::builtin_default().new_draft("n".into(), 2024);
    let expected: Vec<String> = fresh.sections.iter().map(|x| x.title.clone()).collect();
    let template = Some(Rc::new(Template::builtin_default()));

    let kept = s.clone().reduce(Action::from(DraftAction::SetReportYear {
        year: 2024,
        with_typed: false,
        template: template.clone(),
    }));
    assert_eq!(kept.draft.report_year, 2024);
    assert_eq!(titles(&kept), expected);
    assert_eq!(paragraph(&kept, typed), "2023年，我局推进依法行政。");
    let undone = kept.reduce(Action::from(DraftAction::Undo));
    assert_eq!(json(&undone), before);
    assert_eq!(undone.step, Step::Basics, "the undo shows the year");
    assert_eq!(undone.focus, Some(Target::ReportYear));

    let moved = s.reduce(Action::from(DraftAction::SetReportYear {
        year: 2024,
        with_typed: true,
        template,
    }));
    assert_eq!(paragraph(&moved, typed), "2024年，我局推进依法行政。");
    assert_eq!(json(&moved.reduce(Action::from(DraftAction::Undo))), before);
}
