//! 版本记录 of the drafts: snapshots stored beside each draft (see
//! [`report_core::versions`]), taken after a pause in editing, before the changes that
//! ask for one, and by hand.

use report_core::versions::{Reason, Versions, MAX_VERSIONS_BYTES};
use report_core::Draft;

use crate::adapter::{clock, storage};

/// Editing that stops this long is a pause: an automatic snapshot follows, at most one
/// per [`report_core::versions::AUTO_INTERVAL_MS`].
pub const PAUSE_MS: u32 = 10_000;

/// Stores a snapshot of `draft`, thinning the older ones. Returns whether one was taken:
/// an automatic one is not when nothing changed since the latest, nor a pause snapshot
/// before its interval.
pub fn take(draft: &Draft, reason: Reason, name: &str) -> Result<bool, String> {
    let now = clock::now_ms();
    let mut versions = storage::load_versions(&draft.id)?;
    if reason == Reason::Pause && !versions.pause_snapshot_due(now) {
        return Ok(false);
    }
    if !versions.take(draft, now, reason, name) {
        return Ok(false);
    }
    store(&draft.id, versions, now)?;
    Ok(true)
}

/// Deletes the snapshot of draft `id` taken at `taken_ms`.
pub fn delete(id: &str, taken_ms: f64) -> Result<(), String> {
    let mut versions = storage::load_versions(id)?;
    versions.snapshots.retain(|s| s.taken_ms != taken_ms);
    store(id, versions, clock::now_ms())
}

fn store(id: &str, mut versions: Versions, now: f64) -> Result<(), String> {
    versions.thin(now, clock::utc_offset_ms(), MAX_VERSIONS_BYTES);
    storage::save_versions(id, &versions).map_err(|e| e.message().to_string())
}
