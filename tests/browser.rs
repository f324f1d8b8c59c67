//! Component tests: the real app in headless Chromium, driven through the DOM.
#![cfg(target_arch = "wasm32")]

use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web::adapter::idb;
use web::components::checks::finding_list::list_renders;
use web::components::editor::node_editor::paragraph_renders;
use web::components::shell::outline_entry::entry_renders;
use web::state::persistence::{SAVE_DELAY_MS, SAVE_IDLE_WAIT_MS};
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

struct Mounted {
    root: Element,
    handle: Option<yew::AppHandle<web::App>>,
}

impl Mounted {
    /// A fresh app on empty storage (tests share one page), with the first visit's
    /// question of the report year answered with the year proposed.
    async fn new() -> Self {
        let app = Self::asking_the_year().await;
        app.click("开始起草").await;
        app
    }

    /// A fresh app on empty storage, asking the first visit's question.
    async fn asking_the_year() -> Self {
        clear_storage().await;
        Self::keep_storage().await
    }

    /// A fresh app on whatever storage the previous one left, like a reload.
    async fn keep_storage() -> Self {
        web::adapter::storage::open().await;
        let root = gloo::utils::document().create_element("div").unwrap();
        gloo::utils::body().append_child(&root).unwrap();
        let handle = yew::Renderer::<web::App>::with_root(root.clone()).render();
        settle().await;
        Mounted {
            root,
            handle: Some(handle),
        }
    }

    /// A fresh app that opens `draft`, stored as if the user had left it open.
    async fn with_draft(draft: &report_core::Draft) -> Self {
        put_records(&[
            (
                format!("report-drafter.v1.draft.{}", draft.id),
                report_core::to_json(draft, 0.0),
            ),
            ("report-drafter.v1.last-opened".into(), draft.id.clone()),
        ])
        .await;
        Self::keep_storage().await
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into().ok())
            .collect()
    }

    fn one(&self, selector: &str) -> Element {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
    }

    fn text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }

    fn button(&self, label: &str) -> HtmlElement {
        self.all("button")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default().contains(label))
            .unwrap_or_else(|| panic!("no button {label}; page: {}", self.text()))
            .dyn_into()
            .unwrap()
    }

    async fn click(&self, label: &str) {
        self.button(label).click();
        settle().await;
    }

    /// Clicks the first element matching a CSS selector.
    async fn click_first(&self, selector: &str) {
        self.one(selector)
            .dyn_into::<HtmlElement>()
            .unwrap()
            .click();
        settle().await;
    }

    async fn unmount(mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
        settle().await;
    }
}

/// Every stored record, read through a connection of its own, as a reload reads them.
async fn records() -> Vec<(String, String)> {
    idb::open().await.unwrap().all().await.unwrap()
}

async fn put_records(records: &[(String, String)]) {
    let changes: Vec<_> = records
        .iter()
        .map(|(key, text)| (key.clone(), Some(text.clone())))
        .collect();
    idb::open().await.unwrap().write(&changes).await.unwrap();
}

/// Empties IndexedDB and the old `localStorage` (tests share one page).
async fn clear_storage() {
    let database = idb::open().await.unwrap();
    let all: Vec<_> = database
        .all()
        .await
        .unwrap()
        .into_iter()
        .map(|(key, _)| (key, None))
        .collect();
    database.write(&all).await.unwrap();
    gloo::utils::window()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

async fn settle() {
    yew::scheduler::flush().await;
    TimeoutFuture::new(0).await;
    yew::scheduler::flush().await;
}

async fn type_into(element: &Element, text: &str) {
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        input.set_value(text);
    } else {
        element
            .dyn_ref::<HtmlTextAreaElement>()
            .unwrap()
            .set_value(text);
    }
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap();
    element.dispatch_event(&event).unwrap();
    settle().await;
}

async fn wait_for_autosave() {
    TimeoutFuture::new(SAVE_DELAY_MS + SAVE_IDLE_WAIT_MS + 300).await;
    settle().await;
}

async fn stored_drafts() -> Vec<String> {
    records()
        .await
        .into_iter()
        .filter(|(key, _)| key.starts_with("report-drafter.v1.draft."))
        .map(|(_, text)| text)
        .collect()
}

#[wasm_bindgen_test]
async fn a_first_visit_opens_a_draft_on_the_mandated_outline() {
    let app = Mounted::asking_the_year().await;
    // Nothing is stored until the year is chosen.
    assert!(stored_drafts().await.is_empty());
    app.click("开始起草").await;
    let outline = app.one("nav.outline").text_content().unwrap();
    for part in [
        "一、",
        "二、",
        "三、",
        "四、",
        "五、",
        "主要举措和成效",
        "不足和原因",
        "第一责任人",
        "主要安排",
        "其他需要报告的情况",
    ] {
        assert!(outline.contains(part), "outline lacks {part}: {outline}");
    }
    assert!(
        outline.contains("基本信息")
            && outline.contains("落款与版记")
            && outline.contains("检查与导出")
    );
    // The new draft is stored once the year is chosen.
    assert_eq!(stored_drafts().await.len(), 1);
    app.unmount().await;
}

#[wasm_bindgen_test]
async fn header_fields_autosave_and_survive_a_reload() {
    let app = Mounted::new().await;
    type_into(&app.one("#meta-issuername"), "嘉兴市卫生健康委员会").await;
    assert_eq!(
        app.one("[data-testid=save-status]").text_content().unwrap(),
        "未保存…"
    );
    wait_for_autosave().await;
    assert_eq!(
        app.one("[data-testid=save-status]").text_content().unwrap(),
        "已保存"
    );
    assert!(stored_drafts().await[0].contains("嘉兴市卫生健康委员会"));
    app.unmount().await;

    let reloaded = Mounted::keep_storage().await;
    let value = reloaded
        .one("#meta-issuername")
        .dyn_into::<HtmlInputElement>()
        .unwrap()
        .value();
    assert_eq!(value, "嘉兴市卫生健康委员会");
    reloaded.unmount().await;
}

#[wasm_bindgen_test]
async fn headings_are_numbered_by_position_and_can_be_moved_and_deleted() {
    let app = Mounted::new().await;
    app.click("主要举措和成效").await;
    app.click("＋ 标题 （一）").await;
    type_into(&app.all("input.heading-title")[0], "甲").await;
    app.click("＋ 标题 （二）").await;
    type_into(&app.all("input.heading-title")[1], "乙").await;
    let labels = |app: &Mounted| {
        app.all(".heading-line")
            .iter()
            .map(|h| h.text_content().unwrap())
            .collect::<Vec<_>>()
    };
    assert!(labels(&app)[0].starts_with("（一）") && labels(&app)[1].starts_with("（二）"));
    // Moving 乙 up renumbers both.
    app.click_first("[aria-label='上移标题（二）']").await;
    let titles: Vec<String> = app
        .all("input.heading-title")
        .iter()
        .map(|i| i.dyn_ref::<HtmlInputElement>().unwrap().value())
        .collect();
    assert_eq!(titles, ["乙", "甲"]);
    assert!(app
        .one("nav.outline")
        .text_content()
        .unwrap()
        .contains("（一）乙"));
    // Deleting a heading with text asks first.
    app.click_first("[aria-label='删除标题（一）']").await;
    assert_eq!(
        app.all("input.heading-title").len(),
        2,
        "nothing deleted before confirming"
    );
    app.click("确认删除").await;
    assert_eq!(app.all("input.heading-title").len(), 1);
    app.unmount().await;
}

/// Typing into a paragraph renders that paragraph's editor alone, not the other
/// paragraphs of its section, and no outline entry; the counts (the paragraph's, the
/// section's, the outline's) follow when typing pauses, and then of the outline only the
/// entries whose count changed render (its section and the headings above it). Typing a
/// heading's title renders no paragraph.
#[wasm_bindgen_test]
async fn typing_renders_only_the_edited_paragraph() {
    let draft = report_core::from_json(include_str!(
        "../crates/core/tests/fixtures/draft-shangcheng-2023.json"
    ))
    .unwrap();
    let app = Mounted::with_draft(&draft).await;
    app.click("2023年主要工作及成效").await;
    let areas = app.all("textarea.paragraph-text");
    assert!(areas.len() > 10, "{} paragraphs", areas.len());
    let middle = areas.len() / 2;
    let (renders, entries) = (paragraph_renders(), entry_renders());
    let counts = || {
        [
            ".node-foot .count",
            ".section-head .count",
            "nav.outline .total",
        ]
        .map(|selector| {
            let shown = app.all(selector);
            let shown = if selector.starts_with(".node-foot") {
                &shown[middle]
            } else {
                &shown[0]
            };
            shown.text_content().unwrap()
        })
    };
    let before = counts();
    type_into(&areas[middle], "新写的一段。").await;
    assert_eq!(paragraph_renders() - renders, 1);
    assert_eq!(
        entry_renders() - entries,
        0,
        "the outline waits for a pause"
    );
    assert_eq!(counts(), before, "the counts wait for a pause");
    checks_settle().await;
    let outline = app.all(".outline-entry").len();
    let rendered = entry_renders() - entries;
    assert!(
        (1..=3).contains(&rendered) && outline > 3,
        "{rendered} of {outline} outline entries rendered"
    );
    let after = counts();
    assert_eq!(after[0], "6字");
    assert!(
        before.iter().zip(&after).all(|(b, a)| b != a),
        "{before:?} → {after:?}"
    );
    assert_eq!(paragraphs(&app)[middle], "新写的一段。");
    let renders = paragraph_renders();
    type_into(&app.all("input.heading-title")[0], "新的标题").await;
    assert_eq!(paragraph_renders() - renders, 0);
    app.unmount().await;
}

/// Presses a key with Ctrl (and Shift) held on `target`; returns whether the page let the
/// browser's default action happen.
async fn press(target: &web_sys::EventTarget, key: &str, ctrl: bool, shift: bool) -> bool {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_ctrl_key(ctrl);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    let allowed = target.dispatch_event(&event).unwrap();
    settle().await;
    allowed
}

fn paragraphs(app: &Mounted) -> Vec<String> {
    app.all("textarea.paragraph-text")
        .iter()
        .map(|t| t.dyn_ref::<HtmlTextAreaElement>().unwrap().value())
        .collect()
}

/// Issue 14's data loss: after a delete, Ctrl+Z must bring the paragraph back, never
/// edit the one typed last.
#[wasm_bindgen_test]
async fn ctrl_z_after_a_delete_puts_the_paragraph_back_and_leaves_the_other_alone() {
    let app = Mounted::new().await;
    app.click("主要举措和成效").await;
    assert!(
        app.button("撤销").get_attribute("disabled").is_some(),
        "nothing to undo yet"
    );
    app.click("＋ 段落").await;
    type_into(&app.all("textarea.paragraph-text")[0], "甲段内容。").await;
    app.click("＋ 段落").await;
    type_into(
        &app.all("textarea.paragraph-text")[1],
        "乙段是最后打字的内容。",
    )
    .await;
    app.click_first("[aria-label='删除段落']").await;
    // The confirmation takes the focus on 取消, as every delete confirmation does, so
    // that Enter keeps the paragraph; Escape answers it with no.
    let cancel = app.one(".node-tools .confirm button:not(.danger)");
    assert_eq!(cancel.text_content().as_deref(), Some("取消"));
    assert_eq!(
        gloo::utils::document().active_element().as_ref(),
        Some(&cancel),
        "the confirmation takes the focus on 取消"
    );
    press(&cancel, "Escape", false, false).await;
    assert_eq!(paragraphs(&app).len(), 2);
    assert!(!app.text().contains("确认删除"));
    app.click_first("[aria-label='删除段落']").await;
    app.click("确认删除").await;
    assert_eq!(paragraphs(&app), ["乙段是最后打字的内容。"]);

    let body: web_sys::EventTarget = gloo::utils::body().into();
    assert!(
        !press(&body, "z", true, false).await,
        "the browser's own undo is turned off"
    );
    assert_eq!(paragraphs(&app), ["甲段内容。", "乙段是最后打字的内容。"]);
    let focused = gloo::utils::document().active_element().unwrap();
    assert_eq!(
        focused.dyn_into::<HtmlTextAreaElement>().unwrap().value(),
        "甲段内容。",
        "the paragraph put back takes the focus"
    );
    // Redo by Ctrl+Shift+Z deletes it again; the button undoes that.
    assert!(!press(&body, "Z", true, true).await);
    assert_eq!(paragraphs(&app), ["乙段是最后打字的内容。"]);
    app.click("撤销").await;
    assert_eq!(paragraphs(&app), ["甲段内容。", "乙段是最后打字的内容。"]);
    // The undo is saved like any edit.
    wait_for_autosave().await;
    assert!(stored_drafts().await[0].contains("甲段内容。"));
    app.unmount().await;
}

/// What another tab's save does: it commits records to IndexedDB, then announces them.
async fn another_tab_writes(records: &[(String, String)]) {
    put_records(records).await;
    let changes: Vec<(&str, Option<&str>)> = records
        .iter()
        .map(|(key, text)| (key.as_str(), Some(text.as_str())))
        .collect();
    let channel = web_sys::BroadcastChannel::new("report-drafter.v1.changes").unwrap();
    channel
        .post_message(&serde_json::to_string(&changes).unwrap().into())
        .unwrap();
    channel.close();
    TimeoutFuture::new(50).await;
    settle().await;
}

async fn record(key: &str) -> Option<String> {
    records()
        .await
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, text)| text)
}

#[wasm_bindgen_test]
async fn the_header_names_the_draft_by_its_title_as_it_now_reads() {
    let app = Mounted::new().await;
    let header = || app.one(".draft-name").text_content().unwrap();
    type_into(
        &app.one("#meta-title"),
        "关于2025年度法治政府建设工作情况的报告",
    )
    .await;
    assert_eq!(header(), "关于2025年度法治政府建设工作情况的报告");
    type_into(
        &app.one("#meta-title"),
        "关于2025年度法治政府建设情况的报告",
    )
    .await;
    assert_eq!(header(), "关于2025年度法治政府建设情况的报告");
    // Without a title, the name in the list of drafts.
    type_into(&app.one("#meta-title"), " ").await;
    assert!(!header().trim().is_empty());
    assert!(!header().contains("关于2025年度"));
    app.unmount().await;
}

#[wasm_bindgen_test]
async fn another_tab_saving_the_same_draft_is_not_overwritten() {
    let app = Mounted::new().await;
    let key = records()
        .await
        .into_iter()
        .map(|(key, _)| key)
        .find(|k| k.contains(".stamp."))
        .expect("the draft has a stamp");
    // This tab has an unsaved edit when another tab saves.
    type_into(&app.one("#meta-title"), "本页的标题").await;
    another_tab_writes(&[(key.clone(), "other-tab:1".into())]).await;
    wait_for_autosave().await;
    assert!(
        app.text().contains("已在另一个标签页中修改"),
        "{}",
        app.text()
    );
    assert_eq!(
        record(&key).await.as_deref(),
        Some("other-tab:1"),
        "their save stands"
    );
    // Keeping this tab's version writes it.
    app.click("保留本页版本").await;
    wait_for_autosave().await;
    assert!(stored_drafts().await[0].contains("本页的标题"));
    assert_eq!(
        app.one("[data-testid=save-status]").text_content().unwrap(),
        "已保存"
    );

    // With nothing unsaved here, another tab's save is taken over as it is.
    let draft_key = key.replace(".stamp.", ".draft.");
    let theirs = record(&draft_key)
        .await
        .unwrap()
        .replace("本页的标题", "另一标签页的标题");
    another_tab_writes(&[(draft_key, theirs), (key.clone(), "other-tab:2".into())]).await;
    let title = app
        .one("#meta-title")
        .dyn_into::<HtmlInputElement>()
        .unwrap()
        .value();
    assert_eq!(title, "另一标签页的标题");
    assert_eq!(record(&key).await.as_deref(), Some("other-tab:2"));
    app.unmount().await;
}

#[wasm_bindgen_test]
async fn drafts_can_be_created_renamed_duplicated_and_deleted() {
    let app = Mounted::new().await;
    app.click("草稿列表").await;
    app.click("新建草稿").await;
    assert_eq!(stored_drafts().await.len(), 2);
    app.click("草稿列表").await;
    app.click_first("button[aria-label^='重命名']").await;
    type_into(&app.one("form.rename input"), "临安区2025年报告").await;
    app.click("确定").await;
    wait_for_autosave().await;
    assert!(app
        .one("[data-testid=drafts]")
        .text_content()
        .unwrap()
        .contains("临安区2025年报告"));
    app.click_first("button[aria-label^='复制']").await;
    assert_eq!(stored_drafts().await.len(), 3);
    assert!(app.text().contains("（副本）"));
    app.click_first("button[aria-label^='删除']").await;
    assert_eq!(stored_drafts().await.len(), 3, "asks before deleting");
    // The question takes the focus on 取消, and Escape answers it with no.
    let cancel = app.one(".drafts .confirm button:not(.danger)");
    assert_eq!(cancel.text_content().unwrap(), "取消");
    assert_eq!(
        gloo::utils::document().active_element().as_ref(),
        Some(&cancel),
        "the confirmation takes the focus"
    );
    press(&cancel, "Escape", false, false).await;
    assert!(!app.text().contains("确认删除"));
    assert_eq!(stored_drafts().await.len(), 3, "Escape deletes nothing");
    app.click_first("button[aria-label^='删除']").await;
    app.click("确认删除").await;
    assert_eq!(stored_drafts().await.len(), 2);
    app.unmount().await;
}

#[wasm_bindgen_test]
async fn the_preview_shows_the_pages_follows_typing_and_jumps_to_the_source() {
    let app = Mounted::new().await;
    type_into(
        &app.one("#meta-title"),
        "关于2023年度法治政府建设工作情况的报告",
    )
    .await;
    app.click("主要举措和成效").await;
    app.click("＋ 段落").await;
    let paragraph = app.one("textarea.paragraph-text");
    type_into(&paragraph, "全年开展法治培训十二次。").await;
    app.click("并排预览").await;
    let page1 = || {
        app.one("[data-testid=preview] .preview-page")
            .text_content()
            .unwrap()
    };
    assert!(
        page1().contains("关于2023年度法治政府建设工作情况的报告"),
        "{}",
        page1()
    );
    assert!(page1().contains("全年开展法治培训十二次。"), "{}", page1());
    assert!(page1().contains("— 1 —"), "{}", page1());
    // The editor stays beside the preview, and the preview follows what is typed.
    type_into(&paragraph, "全年开展法治培训十五次。").await;
    assert!(page1().contains("全年开展法治培训十五次。"), "{}", page1());
    assert!(!page1().contains("十二次"));

    // Clicking a line of the preview opens the step holding it and focuses its editor.
    app.click("基本信息").await;
    assert!(app.all("textarea.paragraph-text").is_empty());
    let line = app
        .all("[data-testid=preview] .preview-line")
        .into_iter()
        .find(|l| l.text_content().unwrap().contains("十五次"))
        .expect("the paragraph's line");
    line.dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
    let focused = gloo::utils::document().active_element().unwrap();
    assert!(focused.id().starts_with("node-"), "{}", focused.id());
    assert_eq!(
        focused.dyn_into::<HtmlTextAreaElement>().unwrap().value(),
        "全年开展法治培训十五次。"
    );

    // Instead of the editor: the editor goes, and a click on the title brings it back
    // with the title field focused.
    app.click("仅预览").await;
    assert!(app.all("#editor").is_empty());
    let title = app.one("[data-testid=preview] .preview-line.title");
    title.dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
    TimeoutFuture::new(10).await;
    assert_eq!(
        gloo::utils::document().active_element().unwrap().id(),
        "meta-title"
    );
    app.unmount().await;
}

async fn stored_templates() -> Option<String> {
    records()
        .await
        .into_iter()
        .find(|(key, _)| key == "report-drafter.v1.templates")
        .map(|(_, text)| text)
}

/// Waits for file reads (asynchronous in the browser) to show in the page.
async fn wait_for(app: &Mounted, text: &str) {
    for _ in 0..100 {
        if app.text().contains(text) {
            return;
        }
        TimeoutFuture::new(20).await;
        settle().await;
    }
    panic!("never shown: {text}; page: {}", app.text());
}

/// The files a user picks or drops.
fn files(name: &str, text: &str) -> web_sys::DataTransfer {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let file = web_sys::File::new_with_str_sequence(&parts, name).unwrap();
    let transfer = web_sys::DataTransfer::new().unwrap();
    transfer.items().add_with_file(&file).unwrap();
    transfer
}

async fn pick_template_file(app: &Mounted, name: &str, text: &str) {
    let input: HtmlInputElement = app.one("#template-file").dyn_into().unwrap();
    input.set_files(Some(&files(name, text).files().unwrap()));
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
}

async fn drop_file(app: &Mounted, name: &str, text: &str) {
    let init = web_sys::DragEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_data_transfer(Some(&files(name, text)));
    let event = web_sys::DragEvent::new_with_event_init_dict("drop", &init).unwrap();
    app.one("main.drafts-view").dispatch_event(&event).unwrap();
    settle().await;
}

fn select(app: &Mounted, selector: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = app.one(selector).dyn_into().unwrap();
    select.set_value(value);
    assert_eq!(select.value(), value, "{selector} offers {value}");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_new_draft_starts_on_the_chosen_built_in_template_and_year() {
    let app = Mounted::new().await;
    app.click("草稿列表").await;
    let table = report_core::Template::builtin("indicator-table").unwrap();
    select(&app, "#new-template", &table.name);
    type_into(&app.one("#new-year"), "2024").await;
    app.click("新建草稿").await;
    let drafts: Vec<report_core::Draft> = stored_drafts()
        .await
        .iter()
        .map(|text| report_core::from_json(text).unwrap())
        .collect();
    let made = drafts
        .iter()
        .find(|d| d.template == table.name)
        .expect("a draft on the indicator table template");
    assert_eq!(made.report_year, 2024);
    assert_eq!(made.meta.attachments, ["2024年度法治政府建设指标分解表"]);
    app.unmount().await;
}

#[wasm_bindgen_test]
async fn template_import_names_a_bad_field_changes_nothing_and_asks_on_a_clash() {
    let app = Mounted::new().await;
    app.click("草稿列表").await;
    let mine = report_core::Template {
        name: "上城区模板".into(),
        ..report_core::Template::builtin_default()
    };
    let good = report_core::template::to_json(&mine);

    // A wrongly typed field, dropped onto the page: named in the message, nothing stored.
    let mut bad: serde_json::Value = serde_json::from_str(&good).unwrap();
    bad["template"]["sections"][2]["title"] = serde_json::json!(5);
    let before = records().await;
    drop_file(&app, "bad.template.json", &bad.to_string()).await;
    wait_for(&app, "bad.template.json").await;
    let notice = app.one("[data-testid=notice]").text_content().unwrap();
    assert!(
        notice.contains("template.sections[2].title") && notice.contains("模板库没有任何改动"),
        "{notice}"
    );
    assert_eq!(records().await, before, "a bad file changes no storage");
    assert_eq!(stored_templates().await, None);

    // A good file, picked: in the library and the picker.
    pick_template_file(&app, "good.template.json", &good).await;
    wait_for(&app, "已从“good.template.json”导入模板").await;
    assert!(stored_templates().await.unwrap().contains("上城区模板"));
    assert!(app
        .one("[data-testid=templates]")
        .text_content()
        .unwrap()
        .contains("上城区模板"));
    select(&app, "#new-template", "上城区模板");

    // The same name again: nothing changes until the user chooses.
    let before = records().await;
    pick_template_file(&app, "again.template.json", &good).await;
    wait_for(&app, "模板库中已有名为“上城区模板”的模板").await;
    assert_eq!(records().await, before);
    app.button("仅替换同名模板");
    app.click("保留两者（自动改名）").await;
    let listed = app.one("[data-testid=templates]").text_content().unwrap();
    assert!(listed.contains("上城区模板 (2)"), "{listed}");
    let library = stored_templates().await.unwrap();
    assert!(library.contains("上城区模板 (2)"));

    // A built-in's name is never replaced: only keeping both is offered.
    let builtin = report_core::template::to_json(&report_core::Template::builtin_default());
    pick_template_file(&app, "builtin.template.json", &builtin).await;
    wait_for(&app, "内置模板不能替换").await;
    assert!(!app.text().contains("仅替换同名模板"));
    app.click("取消").await;
    assert_eq!(stored_templates().await.unwrap(), library);

    // Deleting asks first.
    app.click_first("button[aria-label='删除模板“上城区模板 (2)”']")
        .await;
    assert_eq!(
        stored_templates().await.unwrap(),
        library,
        "asks before deleting"
    );
    app.click("确认删除").await;
    let library = stored_templates().await.unwrap();
    assert!(library.contains("上城区模板") && !library.contains("上城区模板 (2)"));
    app.unmount().await;
}

#[wasm_bindgen_test]
async fn table_cells_are_limited_counted_and_autosaved() {
    clear_storage().await;
    let mut draft = report_core::Template::builtin("indicator-table")
        .unwrap()
        .new_draft("table".into(), 2023);
    let qingpu = report_core::fixtures::INDICATOR_TABLE_QINGPU_2023;
    let plan = report_core::plan::parse_plan_tsv(qingpu).unwrap().plan;
    draft.plan = Some(report_core::plan_items::PlanState::new(plan).into());
    let app = Mounted::with_draft(&draft).await;
    app.click("附件表格").await;
    // Row 3 is item 6; column 4 is 已完成情况（200字以内）.
    let cell = app.one("#table-2-4");
    assert_eq!(cell.get_attribute("maxlength").as_deref(), Some("200"));
    assert!(app.text().contains("审批办"), "plan columns are shown");
    type_into(&cell, "网上可办率98%").await;
    assert_eq!(app.one("#table-2-4-count").text_content().unwrap(), "8/200");
    wait_for_autosave().await;
    let stored = report_core::from_json(&stored_drafts().await[0]).unwrap();
    let table = stored.attachment_table.unwrap();
    assert_eq!(table.cell("6", 4), "网上可办率98%");

    // Text over the limit (from a pasted backup, say) is kept; the check names the
    // cell and its place leads back to it.
    type_into(&cell, &"字".repeat(201)).await;
    app.click("检查与导出").await;
    let finding = app.one("[data-rule=table-cell-length]");
    let place: HtmlElement = finding
        .query_selector("button.link")
        .unwrap()
        .expect("the finding links to its cell")
        .dyn_into()
        .unwrap();
    assert_eq!(place.text_content().unwrap(), "附件表格第3行第5列");
    place.click();
    settle().await;
    let focused = gloo::utils::document().active_element().map(|e| e.id());
    assert_eq!(focused.as_deref(), Some("table-2-4"));
    app.unmount().await;
}

#[wasm_bindgen_test]
async fn the_export_step_names_each_missing_thing_once_and_leads_to_it() {
    let app = Mounted::new().await;
    type_into(&app.one("#meta-title"), "").await;
    app.click("检查与导出").await;
    let missing = app.one("[data-testid=missing]").text_content().unwrap();
    assert!(missing.contains("标题未填写"), "{missing}");
    assert!(missing.contains("部分没有内容"), "{missing}");
    // The checker below says the same about the title and the empty parts; it leaves
    // those out here, and keeps what the list does not say.
    let rules: Vec<String> = app
        .all("[data-testid=check-panel] li.finding")
        .iter()
        .filter_map(|f| f.get_attribute("data-rule"))
        .collect();
    assert!(!rules.is_empty());
    for repeated in ["title-missing", "section-empty"] {
        assert!(!rules.iter().any(|r| r == repeated), "{rules:?}");
    }
    assert_eq!(app.all("[data-testid=check-panel]").len(), 1);

    // A missing thing leads to its field, ready for typing.
    app.click("标题未填写").await;
    assert!(app.all("[data-testid=missing]").is_empty());
    let focused = gloo::utils::document().active_element().map(|e| e.id());
    assert_eq!(focused.as_deref(), Some("meta-title"));
    app.unmount().await;
}

#[wasm_bindgen_test]
async fn the_checks_follow_the_templates_deadlines_and_rules() {
    clear_storage().await;
    web::adapter::storage::open().await;
    let mut template = report_core::Template::builtin_default();
    template.name = "市卫健委下发模板".into();
    template.deadlines.submit = report_core::template::MonthDay { month: 2, day: 15 };
    template.checker.disabled_rules = vec!["secrecy-review".into()];
    web::adapter::storage::save_templates(std::slice::from_ref(&template)).unwrap();
    let app = Mounted::with_draft(&template.new_draft("city".into(), 2023)).await;
    app.click("检查与导出").await;
    let deadlines = app.one("[data-testid=deadlines]").text_content().unwrap();
    assert!(deadlines.contains("2024年2月15日"), "{deadlines}");
    let submit = app
        .one("[data-rule=deadline-submit]")
        .text_content()
        .unwrap();
    assert!(
        submit.contains("截止日期2024年2月15日") && submit.contains("模板要求2月15日前报送"),
        "{submit}"
    );
    assert!(app.all("[data-rule=secrecy-review]").is_empty());
    app.unmount().await;
}

/// The worker's export, step for step (the draft posted as compact JSON, read back,
/// exported with its own options at the posted time), gives in wasm the very bytes the
/// native core gives: the digest the core's native test checks.
#[wasm_bindgen_test]
fn the_worker_exports_the_bytes_the_native_core_does() {
    let draft = report_core::from_json(report_core::fixtures::DRAFT_JIAXING_2022_TABLE).unwrap();
    // 2023-02-27T08:00:00Z, the native test's time.
    let now_ms = 1_677_484_800_000.0;
    let posted = report_core::from_own_json(&report_core::to_compact_json(&draft, now_ms)).unwrap();
    let now = report_core::date::rfc3339_from_unix_ms(now_ms);
    let bytes = report_core::docx::export(&posted, &posted.export, &now).unwrap();
    assert_eq!(
        format!("{} {:08x}", bytes.len(), crc32fast::hash(&bytes)),
        report_core::fixtures::DRAFT_JIAXING_2022_TABLE_DOCX_DIGEST.trim()
    );
}

/// Waits for the checks to follow the draft (they run when typing pauses).
async fn checks_settle() {
    TimeoutFuture::new(web::hooks::SETTLE_MS + 200).await;
    settle().await;
}

fn rule_findings(app: &Mounted, rule: &str) -> usize {
    app.all(&format!("[data-testid=check-panel] li[data-rule={rule}]"))
        .len()
}

/// A draft on the default outline with half-width commas in two paragraphs.
fn draft_with_commas() -> report_core::Draft {
    let mut d = report_core::Template::builtin_default().new_draft("commas".into(), 2023);
    let measures = report_core::Parent::Section(d.sections[1].id);
    for text in ["我局坚持依法,行政。", "2023年，全面规范,执法。"] {
        let id = d
            .add_node(measures, report_core::NewNode::Paragraph)
            .unwrap();
        d.set_text(id, report_core::TextField::Text, text.into())
            .unwrap();
    }
    d
}

/// Typing that changes no finding renders no list of findings when the checks follow it;
/// typing that adds one renders the list with it, and so does renaming a part, whose
/// name the findings' places show.
#[wasm_bindgen_test]
async fn an_answer_that_changes_no_finding_renders_nothing() {
    let mut draft = draft_with_commas();
    let measures = report_core::Parent::Section(draft.sections[1].id);
    for text in ["全年办理案件。", "全年开展培训。"] {
        let id = draft
            .add_node(measures, report_core::NewNode::Paragraph)
            .unwrap();
        draft
            .set_text(id, report_core::TextField::Text, text.into())
            .unwrap();
    }
    let app = Mounted::with_draft(&draft).await;
    app.click(&draft.sections[1].title).await;
    app.click("格式检查").await;
    checks_settle().await;
    assert_eq!(rule_findings(&app, "halfwidth-punct"), 2);
    let area = |text: &str| {
        app.all("textarea.paragraph-text")
            .into_iter()
            .find(|a| a.dyn_ref::<HtmlTextAreaElement>().unwrap().value() == text)
            .unwrap()
    };
    // An answer that adds a finding comes within the wait below.
    let renders = list_renders();
    type_into(&area("全年办理案件。"), "全年办理案件,12件。").await;
    checks_settle().await;
    assert!(list_renders() > renders);
    assert_eq!(rule_findings(&app, "halfwidth-punct"), 3);
    // One that changes none renders nothing.
    let renders = list_renders();
    type_into(&area("全年开展培训。"), "全年开展培训6期。").await;
    checks_settle().await;
    assert_eq!(list_renders() - renders, 0);
    assert_eq!(rule_findings(&app, "halfwidth-punct"), 3);
    // The same findings about a renamed part are shown with its new name.
    let title = app.one("input.section-title");
    type_into(&title, "主要举措和成效（修改）").await;
    checks_settle().await;
    assert!(list_renders() > renders);
    assert_eq!(rule_findings(&app, "halfwidth-punct"), 3);
    let places = app.one("[data-testid=check-panel]").text_content().unwrap();
    assert!(places.contains("主要举措和成效（修改）"), "{places}");
    app.unmount().await;
}

#[wasm_bindgen_test]
async fn fix_all_and_ignoring_a_rule_are_one_undo_each() {
    let app = Mounted::with_draft(&draft_with_commas()).await;
    // The checks beside the editor, which stay in view when the undo opens the part
    // it changed.
    app.click("格式检查").await;
    app.click("检查与导出").await;
    assert_eq!(rule_findings(&app, "halfwidth-punct"), 2);
    let label = app
        .one("li[data-rule=halfwidth-punct] button.fix")
        .text_content()
        .unwrap();
    assert!(label.contains("依法,行政。”→“…"), "{label}");

    app.click("全部修正（2处）").await;
    checks_settle().await;
    assert_eq!(rule_findings(&app, "halfwidth-punct"), 0);
    app.click("撤销").await;
    checks_settle().await;
    assert_eq!(
        rule_findings(&app, "halfwidth-punct"),
        2,
        "one undo brings both back"
    );

    let ignore: HtmlElement = app
        .one("li[data-rule=halfwidth-punct] button.ignore-rule")
        .dyn_into()
        .unwrap();
    ignore.click();
    settle().await;
    checks_settle().await;
    assert_eq!(rule_findings(&app, "halfwidth-punct"), 0);
    assert!(app.text().contains("已忽略 1 条规则"), "{}", app.text());
    app.click("恢复").await;
    checks_settle().await;
    assert_eq!(rule_findings(&app, "halfwidth-punct"), 2);
    assert!(!app.text().contains("已忽略"));
    app.unmount().await;
}

#[wasm_bindgen_test]
async fn a_new_report_year_renames_the_parts_and_asks_about_typed_text() {
    let app = Mounted::with_draft(&draft_with_commas()).await;
    let fresh = report_core::Template::builtin_default().new_draft("n".into(), 2024);
    let change_year = || async {
        let year = app.one("#report-year");
        year.dyn_ref::<HtmlInputElement>()
            .unwrap()
            .set_value("2024");
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let change = web_sys::Event::new_with_event_init_dict("change", &init).unwrap();
        year.dispatch_event(&change).unwrap();
        settle().await;
    };
    change_year().await;
    // The question takes the focus; Escape cancels it and changes nothing.
    let focused = gloo::utils::document().active_element().unwrap();
    assert_eq!(focused.text_content().as_deref(), Some("一并修改"));
    press(&focused, "Escape", false, false).await;
    assert!(!app.text().contains("另有"));
    let year = app.one("#report-year");
    let input = year.dyn_ref::<HtmlInputElement>().unwrap();
    assert_eq!(input.value(), "2023", "the input shows the year kept");
    assert!(!input.disabled());
    assert!(app
        .text()
        .contains("2023年推进法治政府建设的主要举措和成效"));
    change_year().await;
    assert!(
        app.text().contains("另有 1 处您输入的文字含有2023年"),
        "{}",
        app.text()
    );
    app.click("只改标题").await;
    assert!(
        app.text().contains(&fresh.sections[1].title),
        "{}",
        app.text()
    );
    app.click(&fresh.sections[1].title).await;
    assert!(paragraphs(&app).contains(&"2023年，全面规范,执法。".to_string()));
    app.click("撤销").await;
    assert_eq!(
        app.one("#report-year")
            .dyn_ref::<HtmlInputElement>()
            .unwrap()
            .value(),
        "2023",
        "one undo puts the year back and shows it"
    );
    app.unmount().await;
}

#[wasm_bindgen_test]
async fn a_corrupt_record_is_listed_as_unreadable_and_never_written_over() {
    clear_storage().await;
    let corrupt = r#"{"format":"report-drafter.draft","version":3,"draft":{"id":"bad""#;
    put_records(&[("report-drafter.v1.draft.bad".into(), corrupt.into())]).await;
    let app = Mounted::keep_storage().await;
    // With no readable draft the app asks for the year of a first one.
    app.click("开始起草").await;
    app.click("草稿列表").await;
    let list = app.one("[data-testid=drafts]").text_content().unwrap();
    assert!(list.contains("无法读取的草稿 bad"), "{list}");
    assert!(list.contains("无法读取："), "{list}");
    app.button("下载原始数据");
    app.click("返回编辑").await;
    type_into(&app.one("#meta-title"), "另一份草稿照常保存").await;
    wait_for_autosave().await;
    let stored = records().await;
    let bad = stored
        .iter()
        .find(|(key, _)| key == "report-drafter.v1.draft.bad")
        .map(|(_, text)| text.as_str());
    assert_eq!(bad, Some(corrupt), "the corrupt record is left as it was");
    app.unmount().await;
}

/// Runs a script in the page and waits for the promise it returns.
async fn run_script(script: &str) -> wasm_bindgen::JsValue {
    let promise: js_sys::Promise = js_sys::eval(script).unwrap().unchecked_into();
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap()
}

#[wasm_bindgen_test]
async fn an_open_that_stalls_starts_the_app_unstored_and_says_so() {
    clear_storage().await;
    run_script(
        "window.realIdbOpen = IDBFactory.prototype.open;
         IDBFactory.prototype.open = function () { return {}; };
         Promise.resolve()",
    )
    .await;
    let app = Mounted::keep_storage().await;
    run_script("IDBFactory.prototype.open = window.realIdbOpen; Promise.resolve()").await;
    wait_for(&app, "不会被保存").await;
    assert!(app.text().contains("下载备份文件"), "{}", app.text());
    app.unmount().await;
}

#[wasm_bindgen_test]
async fn another_page_upgrading_the_database_stops_saving_and_asks_for_a_reload() {
    let app = Mounted::new().await;
    // What a newer version of the app does in another tab.
    run_script(
        "new Promise((done, failed) => {
           const request = indexedDB.open('report-drafter', 2);
           request.onsuccess = () => { request.result.close(); done(); };
           request.onerror = () => failed(request.error);
           request.onblocked = () => failed('blocked: the open connection did not close');
         })",
    )
    .await;
    wait_for(&app, "重新载入本页").await;
    type_into(&app.one("#meta-title"), "升级后输入的标题").await;
    wait_for_autosave().await;
    assert_eq!(
        app.one("[data-testid=save-status]").text_content().unwrap(),
        "保存失败"
    );
    app.unmount().await;
    run_script(
        "new Promise((done, failed) => {
           const request = indexedDB.deleteDatabase('report-drafter');
           request.onsuccess = () => done();
           request.onerror = () => failed(request.error);
         })",
    )
    .await;
}

#[wasm_bindgen_test]
async fn a_record_with_a_sound_wrapper_around_an_unreadable_draft_is_listed_as_unreadable() {
    clear_storage().await;
    let hollow = r#"{"format":"report-drafter.draft","version":3,"saved_at":"2025-01-01T00:00:00Z","draft":{"name":"只剩名称的草稿"}}"#;
    put_records(&[("report-drafter.v1.draft.hollow".into(), hollow.into())]).await;
    let app = Mounted::keep_storage().await;
    app.click("开始起草").await;
    app.click("草稿列表").await;
    let list = app.one("[data-testid=drafts]").text_content().unwrap();
    assert!(list.contains("无法读取的草稿 hollow"), "{list}");
    assert!(!list.contains("只剩名称的草稿"), "{list}");
    app.button("下载原始数据");
    app.unmount().await;
}

/// Answers "已回答" on every request but the first, which fails as a broken worker does.
#[yew::function_component]
fn FailsOnce() -> yew::Html {
    use yew::prelude::*;
    let calls = use_mut_ref(|| 0u32);
    let draft = use_memo((), |()| {
        report_core::Template::builtin_default().new_draft("x".into(), 2023)
    });
    let latest = web::hooks::use_answer(draft, 0, 0, (), move |_, _, ()| {
        *calls.borrow_mut() += 1;
        let first = *calls.borrow() == 1;
        async move {
            if first {
                Err("后台处理程序出错".to_string())
            } else {
                Ok("已回答")
            }
        }
    });
    html! {
        <>
            if let Some(failure) = latest.failure {
                <web::components::shell::request_failed::RequestFailed what="检查" {failure} />
            }
            { for latest.answer.map(|a| a.value) }
        </>
    }
}

#[wasm_bindgen_test]
async fn a_failed_request_to_the_worker_says_so_and_can_be_retried() {
    let root = gloo::utils::document().create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    let handle = yew::Renderer::<FailsOnce>::with_root(root.clone()).render();
    settle().await;
    settle().await;
    let text = root.text_content().unwrap();
    assert!(
        text.contains("检查未能完成（后台处理程序出错），请重试。"),
        "{text}"
    );
    let retry: HtmlElement = root
        .query_selector("[role=alert] button")
        .unwrap()
        .expect("a retry button")
        .dyn_into()
        .unwrap();
    retry.click();
    settle().await;
    settle().await;
    assert_eq!(root.text_content().unwrap(), "已回答");
    handle.destroy();
    root.remove();
}

#[derive(yew::Properties, PartialEq)]
struct SectionProps {
    draft: std::rc::Rc<report_core::Draft>,
}

/// The editor of the draft's first numbered part, as the app renders it.
#[yew::function_component]
fn FirstPart(props: &SectionProps) -> yew::Html {
    use yew::prelude::*;
    let state = use_reducer(|| web::state::AppState::new((*props.draft).clone(), None, Vec::new()));
    let section_id = props.draft.sections[1].id;
    html! {
        <ContextProvider<web::state::Dispatch> context={state.dispatcher()}>
            <web::components::editor::section_editor::SectionEditor draft={props.draft.clone()} {section_id} />
        </ContextProvider<web::state::Dispatch>>
    }
}

#[wasm_bindgen_test]
async fn node_editors_that_do_not_render_again_keep_no_older_draft() {
    use report_core::model::{NewNode, Parent, TextField};
    let mut draft = report_core::Template::builtin_default().new_draft("x".into(), 2023);
    let section = Parent::Section(draft.sections[1].id);
    let mut paragraphs = Vec::new();
    for text in ["甲段。", "乙段。"] {
        let id = draft.add_node(section, NewNode::Paragraph).unwrap();
        draft.set_text(id, TextField::Text, text.into()).unwrap();
        paragraphs.push(id);
    }
    let older = std::rc::Rc::new(draft.clone());
    let root = gloo::utils::document().create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    let mut handle = yew::Renderer::<FirstPart>::with_root_and_props(
        root.clone(),
        SectionProps {
            draft: older.clone(),
        },
    )
    .render();
    settle().await;
    // Typing into 乙 makes a newer draft; 甲's editor does not render again.
    draft
        .set_text(paragraphs[1], TextField::Text, "乙段，改了。".into())
        .unwrap();
    handle.update(SectionProps {
        draft: std::rc::Rc::new(draft),
    });
    settle().await;
    let texts: Vec<String> = (0..2)
        .map(|i| {
            root.query_selector_all("textarea.paragraph-text")
                .unwrap()
                .item(i)
                .unwrap()
                .dyn_into::<HtmlTextAreaElement>()
                .unwrap()
                .value()
        })
        .collect();
    assert_eq!(texts, ["甲段。", "乙段，改了。"]);
    assert_eq!(
        std::rc::Rc::strong_count(&older),
        1,
        "only the test holds the older draft"
    );
    handle.destroy();
    root.remove();
}
