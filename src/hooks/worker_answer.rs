use std::rc::Rc;

use report_core::coverage::CoverageReport;
use report_core::Draft;
use yew::prelude::*;

use super::{use_settled, COVERAGE_SETTLE_MS};
use crate::adapter::worker;

/// What the worker found about a draft, with the draft it looked at: the places it
/// names are in that draft's text, which may be older than the open one.
pub struct Answer<T> {
    pub draft: Rc<Draft>,
    pub value: T,
}

/// The latest answer of the worker, `None` before the first. Compared by identity:
/// comparing two answers field by field whenever a parent re-renders (every keystroke)
/// would cost what computing them in the worker saves.
pub struct Latest<T>(pub Option<Rc<Answer<T>>>);

impl<T> Clone for Latest<T> {
    fn clone(&self) -> Self {
        Latest(self.0.clone())
    }
}

impl<T> PartialEq for Latest<T> {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        }
    }
}

/// What `ask` answers about `draft` (the app's `revision` of it) and `inputs`, asked
/// again when typing has paused for `delay_ms` or `inputs` change; until a newer
/// answer comes, the last one stays, and a failed request keeps it too (the worker is
/// replaced for the next).
#[hook]
pub fn use_answer<T, I, F, Fut>(
    draft: Rc<Draft>,
    revision: u64,
    delay_ms: u32,
    inputs: I,
    ask: F,
) -> Latest<T>
where
    T: 'static,
    I: PartialEq + Clone + 'static,
    F: FnOnce(u64, Rc<Draft>, I) -> Fut + 'static,
    Fut: std::future::Future<Output = Result<T, String>> + 'static,
{
    let settled = use_settled(revision, delay_ms);
    let latest = use_state(|| None::<Rc<Answer<T>>>);
    {
        let latest = latest.clone();
        use_effect_with((settled, inputs), move |(settled, inputs)| {
            if *settled == revision {
                let inputs = inputs.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(value) = ask(revision, draft.clone(), inputs).await {
                        latest.set(Some(Rc::new(Answer { draft, value })));
                    }
                });
            }
        });
    }
    Latest((*latest).clone())
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
        let answer = self.0.as_ref()?;
        Some((&answer.draft, answer.value.as_ref()?))
    }
}
