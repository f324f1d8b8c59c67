//! The root component: state, persistence and the page layout.

use yew::prelude::*;

use crate::components::checks::check_panel;
use crate::components::coverage::{coverage_glance, coverage_step};
use crate::components::drafts::{drafts_view, versions_panel};
use crate::components::editor::meta_form::MetaForm;
use crate::components::editor::report_year_input::ReportYearInput;
use crate::components::editor::section_editor::SectionEditor;
use crate::components::editor::table_step;
use crate::components::export::export_step;
use crate::components::lazy::{Lazy, LazyView};
use crate::components::preview::preview_pane;
use crate::components::shell::no_server_notices::NoServerNotices;
use crate::components::shell::notice_bar::NoticeBar;
use crate::components::shell::outline_nav::OutlineNav;
use crate::components::shell::top_bar::TopBar;
use crate::components::shell::year_prompt::YearPrompt;
use crate::components::{element_of, focus_element};
use crate::hooks::{use_paused, use_settled, SETTLE_MS};
use crate::state::persistence::{initial_state, load_library, use_persistence};
use crate::state::undo_keys::use_undo_keys;
use crate::state::{Action, CheckSetup, Dispatch, NavAction, PreviewMode, Step};

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let save_now = use_persistence(&state);
    let dispatcher = state.dispatcher();

    // The workers load as soon as the page has rendered, so that after load the app
    // makes no request and the first export starts at once. Not deferred to an idle
    // moment: that left a new build's service worker waiting after 保存并刷新 in the
    // update e2e test (BENCHMARKS.md, "The side panel's frames…").
    use_effect_with((), |_| crate::adapter::worker::warm_up());
    // The code not on the first screen (adapter::chunk) loads once the page has rendered,
    // as the workers do, with the user's template library it reads: so that the panels
    // and the checks that follow the library find both in when first opened.
    {
        let dispatcher = dispatcher.clone();
        use_effect_with((), move |_| load_library(&dispatcher));
    }
    // The revision once typing has paused: the draft the worker and the outline follow.
    let settled = use_settled(state.revision, SETTLE_MS);
    // The worker keeps the draft as it stands when typing pauses, as the checks do, so
    // that an export sends only the revision it wants.
    {
        let (revision, draft) = (state.revision, state.draft.clone());
        use_effect_with(settled, move |settled| {
            if *settled == revision {
                crate::adapter::worker::hold_draft(revision, &draft);
            }
        });
    }

    // The outline's titles and counts follow typing when it pauses: the whole outline
    // rendered, and its counts laid out, on each key cost the keystroke its time
    // (BENCHMARKS.md, "Counts and the outline follow typing pauses").
    let outline_draft = use_paused(
        state.draft.clone(),
        state.typed_revision == Some(state.revision) && settled != state.revision,
    );

    use_undo_keys(dispatcher.clone());
    {
        let dispatcher = dispatcher.clone();
        let draft = state.draft.clone();
        use_effect_with(state.focus.clone(), move |focus| {
            if let Some(target) = focus {
                if let Some(element) = element_of(&draft, target) {
                    focus_element(&element);
                }
                dispatcher.dispatch(Action::from(NavAction::Focused));
            }
        });
    }

    let setup = use_memo(
        (state.templates.clone(), state.draft.template.clone()),
        |(user, name)| CheckSetup::new(user.clone(), name.clone()),
    );

    let body = if state.show_versions {
        let props = yew::props!(versions_panel::Props {
            draft: state.draft.clone(),
            snapshot_pending: state.pending_snapshot.is_some(),
        });
        html! { <Lazy view={LazyView::Versions(props)} /> }
    } else if state.show_drafts {
        let props = yew::props!(drafts_view::Props {
            drafts: state.drafts.clone(),
            open_id: state.draft.id.clone(),
            save_now: save_now.clone(),
            draft: state.draft.clone(),
            templates: state.templates.clone(),
            template_clash: state.template_clash.clone(),
        });
        html! { <Lazy view={LazyView::Drafts(props)} /> }
    } else {
        let main = match state.step {
            Step::Basics => html! {
                <MetaForm title="基本信息" fields={report_core::MetaField::HEADER.to_vec()} meta={state.draft.meta.clone()}>
                    <ReportYearInput draft={state.draft.clone()} />
                </MetaForm>
            },
            Step::Closing => html! {
                <MetaForm title="落款与版记" fields={report_core::MetaField::CLOSING.to_vec()} meta={state.draft.meta.clone()} />
            },
            Step::Section(id) => {
                // Keyed: a section opened is a new editor, whose counts start from its text.
                html! { <SectionEditor key={id} draft={state.draft.clone()} section_id={id} /> }
            }
            Step::Coverage => {
                let props = yew::props!(coverage_step::Props {
                    draft: state.draft.clone(),
                    revision: state.revision,
                    drafts: state.drafts.clone(),
                });
                html! { <Lazy view={LazyView::CoverageStep(props)} /> }
            }
            Step::Table => {
                let props = yew::props!(table_step::Props {
                    draft: state.draft.clone()
                });
                html! { <Lazy view={LazyView::TableStep(props)} /> }
            }
            Step::Export => {
                let props = yew::props!(export_step::Props {
                    draft: state.draft.clone(),
                    revision: state.revision,
                    setup: setup.clone(),
                });
                html! { <Lazy view={LazyView::ExportStep(props)} /> }
            }
        };
        let mode = state.preview;
        // In 检查与导出 the findings are part of the step itself.
        let checks = state.show_checks && state.step != Step::Export;
        let layout = classes!(
            "workspace",
            (mode != PreviewMode::Hidden).then_some("with-preview"),
            checks.then_some("with-checks")
        );
        html! {
            <div class={layout}>
                <OutlineNav draft={outline_draft} step={state.step} />
                if mode != PreviewMode::Instead {
                    <main class="editor" id="editor">{ main }</main>
                }
                if mode != PreviewMode::Hidden {
                    <Lazy view={LazyView::Preview(yew::props!(preview_pane::Props { draft: state.draft.clone(), mode }))} />
                }
                if checks {
                    <aside class="side-panel" aria-label="检查结果">
                        <Lazy view={LazyView::Checks(yew::props!(check_panel::Props {
                            draft: state.draft.clone(),
                            revision: state.revision,
                            setup: setup.clone(),
                        }))} />
                        // The coverage step shows all of it.
                        if state.step != Step::Coverage {
                            <Lazy view={LazyView::CoverageGlance(yew::props!(coverage_glance::Props {
                                draft: state.draft.clone(),
                                revision: state.revision,
                            }))} />
                        }
                    </aside>
                }
            </div>
        }
    };

    html! {
        <ContextProvider<Dispatch> context={dispatcher}>
            <div class="app">
                <TopBar
                    draft_name={AttrValue::from(state.draft.shown_name().to_string())}
                    save={state.save.clone()}
                    unsaved={state.unsaved()}
                    show_drafts={state.show_drafts}
                    show_checks={state.show_checks}
                    show_versions={state.show_versions}
                    draft={state.draft.clone()}
                    preview={state.preview}
                    can_undo={state.history.can_undo()}
                    can_redo={state.history.can_redo()}
                />
                <NoticeBar notice={state.notice.clone()} save={state.save.clone()} draft={state.draft.clone()} />
                <NoServerNotices save_now={save_now.clone()} unsaved={state.unsaved()} save={state.save.clone()} />
                { body }
                if let Some(proposed) = state.ask_year {
                    <YearPrompt {proposed} />
                }
            </div>
        </ContextProvider<Dispatch>>
    }
}
