use std::rc::Rc;

use report_core::coverage::CoverageReport;
use report_core::Draft;
use yew::prelude::*;

use super::{use_settled, COVERAGE_SETTLE_MS};
use crate::adapter::worker;

/// What the worker found about a draft, with the draft it looked at (or an earlier one
/// that differs from it only in text and got the same answer, see [`use_answer`]): the
/// places it names are in that draft, which may be older than the open one.
pub struct Answer<T> {
    pub draft: Rc<Draft>,
    pub value: T,
}

/// The latest answer of the worker, `None` before the first, and why the latest request
/// failed, if it did. Answers are compared by identity: comparing two answers field by
/// field whenever a parent re-renders (every keystroke) would cost what computing them
/// in the worker saves.
pub struct Latest<T> {
    pub answer: Option<Rc<Answer<T>>>,
    pub failure: Option<Failure>,
}

/// A request the worker did not answer: why, and a way to ask again.
#[derive(Clone)]
pub struct Failure {
    pub message: AttrValue,
    pub retry: Callback<()>,
}

impl PartialEq for Failure {
    /// The retry callback is made anew on each render; the message tells failures apart.
    fn eq(&self, other: &Self) -> bool {
        self.message == other.message
    }
}

impl<T> Clone for Latest<T> {
    fn clone(&self) -> Self {
        Latest {
            answer: self.answer.clone(),
            failure: self.failure.clone(),
        }
    }
}

impl<T> PartialEq for Latest<T> {
    fn eq(&self, other: &Self) -> bool {
        let same_answer = match (&self.answer, &other.answer) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        };
        same_answer && self.failure == other.failure
    }
}

/// What `ask` answers about `draft` (the app's `revision` of it) and `inputs`, asked
/// again when typing has paused for `delay_ms` or `inputs` change; until a newer
/// answer comes, the last one stays. A failed request keeps it too (the worker is
/// replaced for the next) and is reported with a retry, which asks again at once.
///
/// An answer equal to the last one, about a draft that differs from the last one's only
/// in its text ([`Draft::same_but_text`]: typing), keeps the last one, whose places
/// read the same: nothing is rendered again. Most typing pauses change no finding, and
/// rendering the panels anew was a third of handling an answer, on the main thread
/// between keystrokes (BENCHMARKS.md).
#[hook]
pub fn use_answer<T, I, F, Fut>(
    draft: Rc<Draft>,
    revision: u64,
    delay_ms: u32,
    inputs: I,
    ask: F,
) -> Latest<T>
where
    T: PartialEq + 'static,
    I: PartialEq + Clone + 'static,
    F: FnOnce(u64, Rc<Draft>, I) -> Fut + 'static,
    Fut: std::future::Future<Output = Result<T, String>> + 'static,
{
    let settled = use_settled(revision, delay_ms);
    // The answer shown, in a cell rather than a state, so that a request's future compares
    // the next answer with the one shown now, not with the one shown when it was asked.
    let shown = use_mut_ref(|| None::<Rc<Answer<T>>>);
    let render = use_force_update();
    let failed = use_state_eq(|| None::<AttrValue>);
    // Bumped by a retry, so the request is made again for the same revision.
    let attempt = use_state(|| 0u32);
    {
        let shown = shown.clone();
        let failed = failed.clone();
        use_effect_with((settled, inputs, *attempt), move |(settled, inputs, _)| {
            if *settled == revision {
                let inputs = inputs.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    match ask(revision, draft.clone(), inputs).await {
                        Ok(value) => {
                            failed.set(None);
                            let unchanged = shown.borrow().as_ref().is_some_and(|last| {
                                last.value == value && last.draft.same_but_text(&draft)
                            });
                            if !unchanged {
                                *shown.borrow_mut() = Some(Rc::new(Answer { draft, value }));
                                render.force_update();
                            }
                        }
                        Err(message) => failed.set(Some(message.into())),
                    }
                });
            }
        });
    }
    let failure = (*failed).clone().map(|message| Failure {
        message,
        retry: Callback::from(move |()| attempt.set(*attempt + 1)),
    });
    let answer = shown.borrow().clone();
    Latest { answer, failure }
}

/// The coverage of the plan of `draft` (the app's `revision` of it), computed in the
/// worker when typing has paused for [`COVERAGE_SETTLE_MS`]; the answer is `None`
/// without a plan.
#[hook]
pub fn use_coverage(draft: Rc<Draft>, revision: u64) -> Latest<Option<CoverageReport>> {
    use_answer(
        draft,
        revision,
        COVERAGE_SETTLE_MS,
        (),
        |revision, draft, ()| async move { worker::coverage(revision, &draft).await },
    )
}

impl Latest<Option<CoverageReport>> {
    /// The latest coverage report, with the draft it was computed on.
    pub fn report(&self) -> Option<(&Rc<Draft>, &CoverageReport)> {
        let answer = self.answer.as_ref()?;
        Some((&answer.draft, answer.value.as_ref()?))
    }
}
