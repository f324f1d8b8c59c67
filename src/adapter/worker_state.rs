//! The bookkeeping of the worker protocol (`adapter/worker.rs`) in plain Rust, so that
//! it is tested natively: which replies the page still awaits, and which revision of
//! the draft the worker holds.

use report_core::Draft;

/// Requests sent and not yet answered, each under an id of its own. Ids are never
/// reused, so a reply that comes after its request was given up (a timeout, a worker
/// replaced) finds nothing and is dropped instead of being taken for a later request.
pub struct Awaited<T> {
    next_id: u64,
    waiting: Vec<(u64, T)>,
}

impl<T> Default for Awaited<T> {
    fn default() -> Self {
        Awaited {
            next_id: 1,
            waiting: Vec::new(),
        }
    }
}

impl<T> Awaited<T> {
    /// Awaits a reply for `waiter`; the id goes with the request and comes back with
    /// its reply.
    pub fn add(&mut self, waiter: T) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        self.waiting.push((id, waiter));
        id
    }

    /// The waiter of the request `id`, once: `None` for a reply nobody awaits.
    pub fn take(&mut self, id: u64) -> Option<T> {
        let index = self
            .waiting
            .iter()
            .position(|(waiting, _)| *waiting == id)?;
        Some(self.waiting.swap_remove(index).1)
    }

    /// Every waiter, when the worker that was to answer them has failed.
    pub fn take_all(&mut self) -> Vec<T> {
        self.waiting.drain(..).map(|(_, waiter)| waiter).collect()
    }
}

/// Worker side: the draft the page last sent, under the page's revision number.
#[derive(Default)]
pub struct HeldDraft(Option<(u64, Draft)>);

impl HeldDraft {
    /// Keeps `draft` as `revision`; `None` (a draft that could not be read) leaves
    /// nothing held, so that an older draft is not taken for this revision.
    pub fn hold(&mut self, revision: u64, draft: Option<Draft>) {
        self.0 = draft.map(|draft| (revision, draft));
    }

    /// The draft of exactly `revision`, if held: never an older or a newer one.
    pub fn at(&self, revision: u64) -> Option<&Draft> {
        match &self.0 {
            Some((held, draft)) if *held == revision => Some(draft),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(title: &str) -> Draft {
        let mut draft = report_core::from_json(include_str!("warm_up_draft.json")).unwrap();
        draft.meta.title = title.into();
        draft
    }

    #[test]
    fn a_late_reply_is_not_taken_for_another_request() {
        let mut awaited = Awaited::default();
        let first = awaited.add("first export");
        // The first request timed out and was given up.
        assert_eq!(awaited.take(first), Some("first export"));
        let second = awaited.add("second export");
        assert_ne!(first, second);
        // The first request's reply arrives late: nobody takes it.
        assert_eq!(awaited.take(first), None);
        assert_eq!(awaited.take(second), Some("second export"));
        assert_eq!(awaited.take(second), None, "a reply is taken once");
    }

    #[test]
    fn replies_find_their_requests_in_any_order() {
        let mut awaited = Awaited::default();
        let plan = awaited.add("plan");
        let export = awaited.add("export");
        assert_eq!(awaited.take(export), Some("export"));
        assert_eq!(awaited.take(plan), Some("plan"));
    }

    #[test]
    fn a_failed_worker_releases_every_waiter_and_ids_go_on() {
        let mut awaited = Awaited::default();
        let ids = [awaited.add(1), awaited.add(2)];
        let mut released = awaited.take_all();
        released.sort_unstable();
        assert_eq!(released, [1, 2]);
        let next = awaited.add(3);
        assert!(!ids.contains(&next), "an id is never reused");
        assert_eq!(ids.map(|id| awaited.take(id)), [None, None]);
    }

    #[test]
    fn a_stale_draft_is_never_given_for_another_revision() {
        let mut held = HeldDraft::default();
        assert!(held.at(0).is_none(), "nothing held yet");
        held.hold(3, Some(draft("第三版")));
        assert_eq!(held.at(3).unwrap().meta.title, "第三版");
        assert!(
            held.at(4).is_none(),
            "typed since: the page must send the draft"
        );
        assert!(held.at(2).is_none());
        held.hold(4, Some(draft("第四版")));
        assert_eq!(held.at(4).unwrap().meta.title, "第四版");
        assert!(held.at(3).is_none(), "the older revision is gone");
    }

    #[test]
    fn an_unreadable_draft_leaves_nothing_held() {
        let mut held = HeldDraft::default();
        held.hold(3, Some(draft("第三版")));
        held.hold(4, None);
        assert!(held.at(3).is_none() && held.at(4).is_none());
    }
}
