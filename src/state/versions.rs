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
/// before its interval. A refused write is reported through the storage's listener.
pub fn take(draft: &Draft, reason: Reason, name: &str) -> Result<bool, String> {
    let Some(versions) = with_snapshot(draft, reason, name)? else {
        return Ok(false);
    };
    storage::save_versions(&draft.id, &versions).map_err(|e| e.message().to_string())?;
    Ok(true)
}

/// Stores a snapshot the user named and settles once it is stored, so that it is
/// announced only then.
pub async fn take_named(draft: &Draft, name: &str) -> Result<(), String> {
    let Some(versions) = with_snapshot(draft, Reason::Named, name)? else {
        return Ok(());
    };
    storage::save_versions_and_wait(&draft.id, &versions)
        .await
        .map_err(|e| format!("版本“{}”未能保存：{}", name.trim(), e.message()))
}

/// The draft's snapshots with one of `draft` added and the older ones thinned; `None`
/// when no snapshot is due.
fn with_snapshot(draft: &Draft, reason: Reason, name: &str) -> Result<Option<Versions>, String> {
    let now = clock::now_ms();
    let mut versions = storage::load_versions(&draft.id)?;
    if reason == Reason::Pause && !versions.pause_snapshot_due(now) {
        return Ok(None);
    }
    if !versions.take(draft, now, reason, name) {
        return Ok(None);
    }
    versions.thin(now, clock::utc_offset_ms(), MAX_VERSIONS_BYTES);
    Ok(Some(versions))
}

/// Deletes the snapshot of draft `id` taken at `taken_ms`.
pub fn delete(id: &str, taken_ms: f64) -> Result<(), String> {
    let mut versions = storage::load_versions(id)?;
    versions.snapshots.retain(|s| s.taken_ms != taken_ms);
    versions.thin(clock::now_ms(), clock::utc_offset_ms(), MAX_VERSIONS_BYTES);
    storage::save_versions(id, &versions).map_err(|e| e.message().to_string())
}
