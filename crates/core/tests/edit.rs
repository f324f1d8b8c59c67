//! Draft edits and their history: every edit's inverse puts the draft back exactly (as
//! serialized), and applying the inverse's inverse makes the edit again.

use report_core::check::{check_draft, fix_edit, Setup};
use report_core::edit::{Edit, Target};
use report_core::history::{History, MAX_STEPS, TYPING_PAUSE_MS};
use report_core::meta_field::MetaField;
use report_core::model::{Direction, Draft, EditError, NewNode, Node, NodeId, Parent, TextField};
use report_core::plan::parse_plan_tsv;
use report_core::plan_items::{PlanState, Status};
use report_core::rules::Rule;
use report_core::{CalendarDate, Template};

/// The 上城 report, with the 青浦 indicator table attached and its plan imported, so
/// every kind of content is there to edit.
fn draft() -> Draft {
    let path = format!(
        "{}/tests/fixtures/draft-shangcheng-2023.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut d = report_core::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    let with_table = Template::builtin("indicator-table")
        .unwrap()
        .new_draft("t".into(), 2023);
    d.attachment_table = with_table.attachment_table;
    let qingpu =
        include_str!("fixtures/indicator-table-2023-qingpu-district-health-commission.txt");
    d.plan = Some(PlanState::new(parse_plan_tsv(qingpu).unwrap().plan).into());
    let table = d.attachment_table.as_mut().unwrap();
    for number in ["6", "7", "8"] {
        table
            .set_cell(number, 4, format!("第{number}项已完成"))
            .unwrap();
    }
    d.meta.attachments = vec!["  附件一 ".into()];
    d
}

fn json(d: &Draft) -> String {
    report_core::to_json(d, 0.0)
}

fn text(d: &Draft, id: NodeId) -> &str {
    match d.node(id) {
        Some(Node::Paragraph { text, .. }) => text,
        other => panic!("no paragraph {id}: {other:?}"),
    }
}

/// Applies `edit` to a copy of `before`; its inverse restores `before` exactly and
/// the inverse of that makes the edit again. Returns the edited draft.
fn round_trip(before: &Draft, edit: Edit) -> Draft {
    let mut d = before.clone();
    let inverse = d
        .apply(edit.clone())
        .unwrap_or_else(|e| panic!("{edit:?}: {e}"))
        .unwrap_or_else(|| panic!("{edit:?} changed nothing"));
    let after = d.clone();
    assert_ne!(json(&after), json(before), "{edit:?} changed the draft");
    let redo = d
        .apply(inverse)
        .unwrap()
        .expect("the undo changes the draft");
    assert_eq!(json(&d), json(before), "undoing {edit:?}");
    d.apply(redo).unwrap().expect("the redo changes the draft");
    assert_eq!(json(&d), json(&after), "redoing {edit:?}");
    after
}

#[test]
fn every_edit_is_undone_exactly_and_redone() {
    let d = draft();
    let measures = d.sections[1].id;
    let heading = d.sections[1].children[0].id();
    let middle = d.sections[1].children[1].children()[1].id();
    let plan_state = |f: &dyn Fn(&mut PlanState)| {
        let mut state = d.plan.clone().unwrap();
        f(std::rc::Rc::make_mut(&mut state));
        Edit::SetPlan(Some(state))
    };
    let edits = vec![
        Edit::SetText {
            id: middle,
            field: TextField::Text,
            text: "改写后的段落。".into(),
        },
        Edit::SetText {
            id: heading,
            field: TextField::Title,
            text: "新标题".into(),
        },
        Edit::SetText {
            id: heading,
            field: TextField::Text,
            text: "同段正文。".into(),
        },
        Edit::SetText {
            id: measures,
            field: TextField::Title,
            text: "主要举措".into(),
        },
        Edit::SetMeta {
            field: MetaField::Title,
            value: "关于2023年度法治政府建设工作情况的报告".into(),
        },
        // Form values that do not read back as stored: the trimmed attachment line and
        // the signers split on 、 come back exactly as they were.
        Edit::SetMeta {
            field: MetaField::Attachments,
            value: "附件二".into(),
        },
        Edit::SetMeta {
            field: MetaField::Signers,
            value: "张三、李四".into(),
        },
        Edit::SetMeta {
            field: MetaField::Date,
            value: "2024-01-15".into(),
        },
        Edit::Rename("上城区2023年度报告（二稿）".into()),
        Edit::add(&d, Parent::Section(measures), NewNode::Paragraph).unwrap(),
        Edit::add(&d, Parent::Heading(heading), NewNode::Heading).unwrap(),
        Edit::Remove {
            id: middle,
            next_id: None,
        },
        Edit::Remove {
            id: heading,
            next_id: None,
        },
        Edit::move_by(&d, middle, Direction::Up).unwrap().unwrap(),
        Edit::move_by(&d, heading, Direction::Down)
            .unwrap()
            .unwrap(),
        Edit::SetTableCell {
            number: "1".into(),
            column: 5,
            text: "下一步举措".into(),
        },
        // Clearing the only cell of the middle row drops its entry; undo puts it back
        // in its place, not at the end.
        Edit::SetTableCell {
            number: "7".into(),
            column: 4,
            text: String::new(),
        },
        plan_state(&|state| {
            let decision = state.decision_mut(0).unwrap();
            decision.set_status(Some(Status::NotApplicable), "本级不承担".into());
        }),
        plan_state(&|state| {
            state.decision_mut(1).unwrap().confirm(middle);
        }),
        Edit::SetPlan(None),
        Edit::SetSecrecyReviewed(true),
        Edit::ignore_rule(&d, "halfwidth-punct").unwrap(),
        Edit::SetReportYear(2024),
        Edit::SetGuidance {
            id: measures,
            text: "写明2024年的主要举措。".into(),
        },
        Edit::Batch(vec![
            Edit::SetText {
                id: middle,
                field: TextField::Text,
                text: "合并的".into(),
            },
            Edit::add(&d, Parent::Section(measures), NewNode::Paragraph).unwrap(),
        ]),
    ];
    for edit in edits {
        round_trip(&d, edit);
    }
}

#[test]
fn a_checker_fix_is_a_text_edit_undone_exactly() {
    let d = draft();
    let today = CalendarDate::new(2024, 2, 20).unwrap();
    let fixes: Vec<_> = check_draft(&d, today, &Setup::default())
        .into_iter()
        .filter_map(|f| f.fix)
        .collect();
    assert!(fixes.len() >= 3, "the 上城 report has fixes: {fixes:?}");
    for fix in fixes {
        let edit = fix_edit(&d, &fix).unwrap();
        assert!(
            matches!(
                edit,
                Edit::SetText { .. } | Edit::SetMeta { .. } | Edit::SetTableCell { .. }
            ),
            "{edit:?}"
        );
        round_trip(&d, edit);
    }
}

#[test]
fn edits_that_change_nothing_return_no_inverse() {
    let mut d = draft();
    let p = d.sections[0].children[0].id();
    let same = text(&d, p).to_string();
    let first = d.sections[1].children[0].id();
    let unchanged = [
        Edit::SetText {
            id: p,
            field: TextField::Text,
            text: same,
        },
        Edit::Move {
            id: first,
            index: 0,
        },
        Edit::SetSecrecyReviewed(false),
        Edit::Rename(d.name.clone()),
        Edit::Batch(Vec::new()),
    ];
    for edit in unchanged {
        assert_eq!(d.apply(edit.clone()), Ok(None), "{edit:?}");
    }
    assert_eq!(Edit::move_by(&d, first, Direction::Up), Ok(None));
}

#[test]
fn a_refused_edit_changes_nothing() {
    let d = draft();
    let paragraph = d.sections[0].children[0].id();
    let intro = d.sections[0].id;
    let measures = d.sections[1].id;
    let deep = Node::Heading {
        id: 900,
        title: "二级".into(),
        text: String::new(),
        children: vec![Node::Heading {
            id: 901,
            title: "三级".into(),
            text: String::new(),
            children: vec![Node::Heading {
                id: 902,
                title: "四级".into(),
                text: String::new(),
                children: vec![Node::Heading {
                    id: 903,
                    title: "五级".into(),
                    text: String::new(),
                    children: Vec::new(),
                }],
            }],
        }],
    };
    let refused = [
        (
            Edit::add(&d, Parent::Section(intro), NewNode::Heading).unwrap(),
            EditError::NotAHeading,
        ),
        (
            Edit::Insert {
                parent: Parent::Section(measures),
                index: 0,
                node: deep,
            },
            EditError::TooDeep,
        ),
        (
            Edit::Insert {
                parent: Parent::Section(measures),
                index: 0,
                node: Node::Paragraph {
                    id: paragraph,
                    text: "重复编号".into(),
                },
            },
            EditError::IdInUse(paragraph),
        ),
        (
            Edit::SetText {
                id: paragraph,
                field: TextField::Title,
                text: "x".into(),
            },
            EditError::NotAHeading,
        ),
        (
            Edit::Remove {
                id: 999,
                next_id: None,
            },
            EditError::NotFound(999),
        ),
        // The first edit of a batch is taken back when the second fails.
        (
            Edit::Batch(vec![
                Edit::SetText {
                    id: paragraph,
                    field: TextField::Text,
                    text: "半途".into(),
                },
                Edit::Remove {
                    id: 999,
                    next_id: None,
                },
            ]),
            EditError::NotFound(999),
        ),
    ];
    for (edit, error) in refused {
        let mut edited = d.clone();
        assert_eq!(edited.apply(edit.clone()), Err(error), "{edit:?}");
        assert_eq!(json(&edited), json(&d), "{edit:?} left the draft as it was");
    }
}

/// The bug of issue 14: 甲 and 乙 typed, 甲 deleted. Undo brings 甲 back where it was,
/// with its text, and leaves 乙 alone; redo deletes it again.
#[test]
fn undo_after_a_delete_restores_the_paragraph_in_place_and_touches_nothing_else() {
    let mut d = draft();
    let mut history = History::default();
    let section = d.sections[1].id;
    let before_any = json(&d);
    let add = |d: &mut Draft, history: &mut History| {
        let edit = Edit::add(d, Parent::Section(section), NewNode::Paragraph).unwrap();
        let Edit::Insert { ref node, .. } = edit else {
            unreachable!()
        };
        let id = node.id();
        let place = history.apply(d, edit).unwrap();
        assert_eq!(place, Some(Target::node(d, id)), "the new paragraph");
        id
    };
    let type_into = |d: &mut Draft, history: &mut History, id, typed: &str, at: u64| {
        let mut text = String::new();
        for (i, c) in typed.chars().enumerate() {
            text.push(c);
            let edit = Edit::SetText {
                id,
                field: TextField::Text,
                text: text.clone(),
            };
            history.apply_typing(d, edit, at + 100 * i as u64).unwrap();
        }
    };
    let jia = add(&mut d, &mut history);
    type_into(&mut d, &mut history, jia, "甲段内容。", 10_000);
    let yi = add(&mut d, &mut history);
    type_into(&mut d, &mut history, yi, "乙段是最后打字的内容。", 20_000);
    let typed = d.clone();
    let index_of_jia = d.sections[1].children.len() - 2;
    assert_eq!(d.sections[1].children[index_of_jia].id(), jia);

    history
        .apply(
            &mut d,
            Edit::Remove {
                id: jia,
                next_id: None,
            },
        )
        .unwrap();
    assert!(d.node(jia).is_none());
    let place = history.undo(&mut d).unwrap();
    assert_eq!(
        place,
        Some(Target::Text {
            id: jia,
            field: TextField::Text
        })
    );
    assert_eq!(json(&d), json(&typed));
    assert_eq!(d.sections[1].children[index_of_jia].id(), jia);
    assert_eq!(text(&d, jia), "甲段内容。");
    assert_eq!(text(&d, yi), "乙段是最后打字的内容。");

    assert!(history.can_redo());
    history.redo(&mut d).unwrap();
    assert!(d.node(jia).is_none());
    assert_eq!(text(&d, yi), "乙段是最后打字的内容。");

    // Undo all the way: the typing of each paragraph is one step, each add another.
    let mut steps = 0;
    while history.undo(&mut d).unwrap().is_some() {
        steps += 1;
    }
    assert_eq!(steps, 5);
    assert_eq!(json(&d), before_any, "next_id is back too");
}

#[test]
fn typing_is_one_step_until_a_pause_or_another_text() {
    let mut d = draft();
    let mut history = History::default();
    let p = d.sections[0].children[0].id();
    let q = d.sections[1].children[0].children()[0].id();
    let original = text(&d, p).to_string();
    let set = |id, text: &str| Edit::SetText {
        id,
        field: TextField::Text,
        text: text.into(),
    };
    history.apply_typing(&mut d, set(p, "a"), 0).unwrap();
    history.apply_typing(&mut d, set(p, "ab"), 500).unwrap();
    history
        .apply_typing(&mut d, set(p, "abc"), 500 + TYPING_PAUSE_MS - 1)
        .unwrap();
    // A pause starts a new step.
    let later = 500 + 2 * TYPING_PAUSE_MS;
    history.apply_typing(&mut d, set(p, "abcd"), later).unwrap();
    // Another paragraph is another step, and so is coming back.
    history
        .apply_typing(&mut d, set(q, "q"), later + 1)
        .unwrap();
    history
        .apply_typing(&mut d, set(p, "abcde"), later + 2)
        .unwrap();

    history.undo(&mut d).unwrap();
    assert_eq!(text(&d, p), "abcd");
    history.undo(&mut d).unwrap();
    assert_ne!(text(&d, q), "q");
    history.undo(&mut d).unwrap();
    assert_eq!(text(&d, p), "abc");
    history.undo(&mut d).unwrap();
    assert_eq!(text(&d, p), original);
    assert!(!history.can_undo());

    // Typing after an undo does not join the step before it.
    history.redo(&mut d).unwrap();
    assert_eq!(text(&d, p), "abc");
    history.apply_typing(&mut d, set(p, "abcX"), 600).unwrap();
    assert!(!history.can_redo(), "a new edit drops what was undone");
    history.undo(&mut d).unwrap();
    assert_eq!(text(&d, p), "abc");
}

#[test]
fn an_action_between_keystrokes_ends_the_typing_step() {
    let mut d = draft();
    let mut history = History::default();
    let p = d.sections[0].children[0].id();
    let set = |text: &str| Edit::SetText {
        id: p,
        field: TextField::Text,
        text: text.into(),
    };
    history.apply_typing(&mut d, set("a"), 0).unwrap();
    history
        .apply(&mut d, Edit::SetSecrecyReviewed(true))
        .unwrap();
    history.apply_typing(&mut d, set("ab"), 10).unwrap();
    history.undo(&mut d).unwrap();
    assert_eq!(text(&d, p), "a");
    assert!(d.secrecy_reviewed);
}

#[test]
fn the_history_is_bounded() {
    let mut d = draft();
    let mut history = History::default();
    let p = d.sections[0].children[0].id();
    for i in 0..MAX_STEPS + 50 {
        let edit = Edit::SetText {
            id: p,
            field: TextField::Text,
            text: format!("第{i}稿"),
        };
        history.apply(&mut d, edit).unwrap();
    }
    let mut undone = 0;
    while history.undo(&mut d).unwrap().is_some() {
        undone += 1;
    }
    assert_eq!(undone, MAX_STEPS);
    assert_eq!(text(&d, p), "第49稿");
}

#[test]
fn a_history_that_does_not_fit_the_draft_is_dropped() {
    let mut d = draft();
    let mut history = History::default();
    let p = d.sections[0].children[0].id();
    history
        .apply(
            &mut d,
            Edit::Remove {
                id: p,
                next_id: None,
            },
        )
        .unwrap();
    // Another draft, where that paragraph's id is taken.
    let mut other = draft();
    assert!(history.undo(&mut other).is_err());
    assert!(!history.can_undo() && !history.can_redo());
}

#[test]
fn a_new_report_year_moves_the_template_texts_and_asks_about_typed_ones() {
    let template = Template::builtin_default();
    let mut d = template.new_draft("y".into(), 2023);
    let measures = d.sections[1].id;
    let typed = d
        .add_node(Parent::Section(measures), NewNode::Paragraph)
        .unwrap();
    d.set_text(
        typed,
        TextField::Text,
        "2023年，我局推进依法行政，2024年继续。".into(),
    )
    .unwrap();
    // A section title the user rewrote counts as typed.
    let rewritten = d.sections[4].id;
    d.set_text(rewritten, TextField::Title, "四、2024年工作打算".into())
        .unwrap();
    let before = json(&d);
    let today = CalendarDate::new(2024, 2, 20).unwrap();
    let deadline = |d: &Draft| {
        check_draft(d, today, &Setup::default())
            .into_iter()
            .find(|f| f.rule == Rule::DeadlineSubmit)
            .map(|f| f.message)
            .unwrap()
    };
    let due_2023 = deadline(&d);

    let change = report_core::template::change_report_year(&d, Some(&template), 2024);
    assert_eq!(change.typed.len(), 2, "{:?}", change.typed);
    let fresh = template.new_draft("n".into(), 2024);
    let mut kept = d.clone();
    let mut history = History::default();
    history
        .apply(&mut kept, change.clone().into_edit(false))
        .unwrap();
    assert_eq!(kept.report_year, 2024);
    assert_eq!(kept.meta.title, fresh.meta.title);
    for (moved, new) in kept.sections.iter().zip(&fresh.sections) {
        assert_eq!(moved.guidance, new.guidance);
    }
    for (moved, new) in kept.sections.iter().zip(&fresh.sections).take(4) {
        assert_eq!(moved.title, new.title);
    }
    assert_eq!(kept.sections[4].title, "四、2024年工作打算");
    assert_eq!(text(&kept, typed), "2023年，我局推进依法行政，2024年继续。");
    let due_2024 = deadline(&kept);
    assert_ne!(due_2024, due_2023);
    assert!(due_2024.contains("2025"), "{due_2024}");
    history.undo(&mut kept).unwrap();
    assert_eq!(
        json(&kept),
        before,
        "one undo puts the year and the texts back"
    );

    let mut moved = d.clone();
    moved.apply(change.into_edit(true)).unwrap();
    assert_eq!(
        text(&moved, typed),
        "2024年，我局推进依法行政，2025年继续。"
    );
    assert_eq!(moved.sections[4].title, "四、2025年工作打算");

    // Without the template every text naming the year is the user's to decide; only
    // the guidance, which the user does not edit, follows.
    let unknown = report_core::template::change_report_year(&d, None, 2024);
    assert!(unknown
        .derived
        .iter()
        .all(|e| matches!(e, Edit::SetGuidance { .. })));
    assert!(unknown.typed.len() > 2);
}
