//! 版本记录: the snapshots kept of each draft, how old automatic ones thin out, and
//! the difference between two versions, part by part.
//!
//! A snapshot holds the whole draft file ([`crate::format`]), so it is read, and
//! migrated, like any backup. Snapshots taken by hand carry a name and stay until the
//! user deletes them; automatic ones (after a pause in editing, before an import, a
//! restore, a next-year conversion or a bulk fix) thin out with age and give way to the
//! size cap. Nothing here knows a clock: callers pass the time.

use serde::{Deserialize, Serialize};

use crate::format;
use crate::meta_field::MetaField;
use crate::model::Draft;
use crate::outline::push_node_lines;
use crate::text::diff::{self as text_diff, Op};

pub const VERSIONS_FORMAT: &str = "report-drafter.versions";
pub const VERSIONS_VERSION: u64 = 1;

/// At most one automatic snapshot per this long while editing goes on.
pub const AUTO_INTERVAL_MS: f64 = 5.0 * 60_000.0;
/// Bytes of snapshots kept per draft; the oldest automatic ones go first beyond it.
pub const MAX_VERSIONS_BYTES: usize = 10 * 1024 * 1024;

const DAY_MS: f64 = 24.0 * 3_600_000.0;
/// Automatic snapshots older than this keep one per week, younger ones one per day.
const DAILY_FOR_DAYS: f64 = 30.0;

/// Why a snapshot was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// After a pause in editing.
    Pause,
    /// By hand, with a name.
    Named,
    BeforeImport,
    BeforeRestore,
    /// Before 报告年度 was changed (section titles and deadlines move with it). Stored
    /// under its first name by the build that called it a next-year conversion.
    #[serde(alias = "before_next_year")]
    BeforeYearChange,
    BeforeFixAll,
}

impl Reason {
    pub fn label(self) -> &'static str {
        match self {
            Reason::Pause => "自动保存",
            Reason::Named => "手动保存",
            Reason::BeforeImport => "导入前",
            Reason::BeforeRestore => "恢复版本前",
            Reason::BeforeYearChange => "更改报告年度前",
            Reason::BeforeFixAll => "全部修正前",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// Milliseconds since the Unix epoch.
    pub taken_ms: f64,
    pub reason: Reason,
    /// The user's name for it; empty for an automatic snapshot.
    #[serde(default)]
    pub name: String,
    /// Characters added plus removed since the snapshot before it.
    pub changed_chars: usize,
    /// The draft file as [`format::to_compact_json`] writes it.
    pub file: String,
}

impl Snapshot {
    pub fn is_named(&self) -> bool {
        self.reason == Reason::Named
    }

    /// The draft of the snapshot: a file this program wrote ([`format::from_own_json`]).
    pub fn draft(&self) -> Result<Draft, format::LoadError> {
        format::from_own_json(&self.file)
    }
}

/// A draft's snapshots, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Versions {
    pub snapshots: Vec<Snapshot>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VersionsError {
    #[error("版本记录内容无法识别：{0}")]
    Unreadable(String),
    #[error("版本记录的格式标识为“{0}”，不是本程序的版本记录")]
    WrongFormat(String),
    #[error("版本记录来自更新的程序版本（第 {0} 版），请先升级本程序")]
    Newer(u64),
}

/// The stored form: `{"format", "version", "snapshots": […]}`. The snapshots are a field
/// of their own rather than [`Versions`] flattened in: `#[serde(flatten)]` reads through
/// serde's buffering deserializer, which the first paint would carry for this alone.
#[derive(Serialize, Deserialize)]
struct Envelope<S> {
    format: String,
    version: u64,
    snapshots: S,
}

impl Versions {
    pub fn from_json(text: &str) -> Result<Versions, VersionsError> {
        #[derive(Deserialize)]
        struct Head {
            format: String,
            version: u64,
        }
        let head: Head =
            serde_json::from_str(text).map_err(|e| VersionsError::Unreadable(e.to_string()))?;
        if head.format != VERSIONS_FORMAT {
            return Err(VersionsError::WrongFormat(head.format));
        }
        if head.version > VERSIONS_VERSION {
            return Err(VersionsError::Newer(head.version));
        }
        let envelope: Envelope<Vec<Snapshot>> =
            serde_json::from_str(text).map_err(|e| VersionsError::Unreadable(e.to_string()))?;
        Ok(Versions {
            snapshots: envelope.snapshots,
        })
    }

    pub fn to_json(&self) -> String {
        let envelope = Envelope {
            format: VERSIONS_FORMAT.into(),
            version: VERSIONS_VERSION,
            snapshots: &self.snapshots,
        };
        serde_json::to_string(&envelope).unwrap_or_default()
    }

    pub fn bytes(&self) -> usize {
        self.snapshots.iter().map(|s| s.file.len()).sum()
    }

    /// Whether an automatic snapshot is due at `now_ms`: none was taken in the last
    /// [`AUTO_INTERVAL_MS`].
    pub fn pause_snapshot_due(&self, now_ms: f64) -> bool {
        self.snapshots
            .iter()
            .filter(|s| s.reason == Reason::Pause)
            .all(|s| now_ms - s.taken_ms >= AUTO_INTERVAL_MS)
    }

    /// Adds a snapshot of `draft`. An automatic one whose text is that of the latest
    /// snapshot is not taken (returns `false`); a named one always is. Its time is its id
    /// (the history panel restores and deletes by it), so a second snapshot in the same
    /// millisecond, or after the clock went back, is stamped just after the latest one.
    pub fn take(&mut self, draft: &Draft, taken_ms: f64, reason: Reason, name: &str) -> bool {
        let taken_ms = match self.snapshots.last() {
            Some(latest) if taken_ms <= latest.taken_ms => latest.taken_ms + 1.0,
            _ => taken_ms,
        };
        let latest = self.snapshots.last().and_then(|s| s.draft().ok());
        let changed_chars = latest.as_ref().map_or_else(
            || report_chars(draft),
            |latest| changed_chars(latest, draft),
        );
        if reason != Reason::Named && latest.is_some() && changed_chars == 0 {
            return false;
        }
        self.snapshots.push(Snapshot {
            taken_ms,
            reason,
            name: name.trim().to_string(),
            changed_chars,
            file: format::to_compact_json(draft, taken_ms),
        });
        true
    }

    /// Thins the automatic snapshots: all from the last day, then the newest of each
    /// day for [`DAILY_FOR_DAYS`], then the newest of each week; then drops the oldest
    /// automatic ones until the rest fit in `max_bytes`. Named snapshots stay.
    /// `utc_offset_ms` places day boundaries at the user's midnight.
    pub fn thin(&mut self, now_ms: f64, utc_offset_ms: f64, max_bytes: usize) {
        let day = |ms: f64| ((ms + utc_offset_ms) / DAY_MS).floor() as i64;
        let today = day(now_ms);
        let bucket = |s: &Snapshot| -> Option<i64> {
            let age_days = today - day(s.taken_ms);
            if s.is_named() || age_days < 1 {
                None
            } else if (age_days as f64) <= DAILY_FOR_DAYS {
                Some(day(s.taken_ms))
            } else {
                Some(-1 - day(s.taken_ms).div_euclid(7))
            }
        };
        // Newest first, keeping the first automatic snapshot met in each bucket (a
        // bucket's snapshots are consecutive: they are in time order).
        let mut keep = vec![true; self.snapshots.len()];
        let mut last = None;
        for (index, snapshot) in self.snapshots.iter().enumerate().rev() {
            if let Some(here) = bucket(snapshot) {
                keep[index] = last != Some(here);
                last = Some(here);
            }
        }
        let mut kept = keep.into_iter();
        self.snapshots.retain(|_| kept.next().unwrap_or(true));
        while self.bytes() > max_bytes {
            let Some(oldest) = self.snapshots.iter().position(|s| !s.is_named()) else {
                break;
            };
            self.snapshots.remove(oldest);
        }
    }
}

/// One part of the report as text: 基本信息, each section, 落款与版记.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub title: String,
    pub text: String,
}

/// The draft's texts, part by part, one line per field, heading or paragraph.
pub fn parts(draft: &Draft) -> Vec<Part> {
    let fields = |title: &str, fields: &[MetaField]| Part {
        title: title.into(),
        text: fields
            .iter()
            .map(|f| format!("{}：{}", f.label(), f.get(&draft.meta)))
            .collect::<Vec<_>>()
            .join("\n"),
    };
    let mut out = vec![fields("基本信息", &MetaField::HEADER)];
    for section in &draft.sections {
        let mut lines = Vec::new();
        push_node_lines(&section.children, &mut lines);
        out.push(Part {
            title: section.title.clone(),
            text: lines.join("\n"),
        });
    }
    out.push(fields("落款与版记", &MetaField::CLOSING));
    out
}

fn report_chars(draft: &Draft) -> usize {
    parts(draft).iter().map(|p| p.text.chars().count()).sum()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Same,
    Added,
    Removed,
}

/// A part's difference: its text in runs, each kept, added or removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartDiff {
    pub title: String,
    pub runs: Vec<(Change, String)>,
}

impl PartDiff {
    pub fn changed(&self) -> bool {
        self.runs.iter().any(|(change, _)| *change != Change::Same)
    }

    pub fn changed_chars(&self) -> usize {
        self.runs
            .iter()
            .filter(|(change, _)| *change != Change::Same)
            .map(|(_, text)| text.chars().count())
            .sum()
    }
}

/// The difference from `old` to `new`, part by part, character by character. Parts are
/// matched by title (a section renamed shows as removed and added); the order is
/// `new`'s, with parts only `old` has after them.
pub fn diff(old: &Draft, new: &Draft) -> Vec<PartDiff> {
    let old_parts = parts(old);
    let new_parts = parts(new);
    let text_of = |parts: &[Part], title: &str| {
        parts
            .iter()
            .find(|p| p.title == title)
            .map(|p| p.text.clone())
            .unwrap_or_default()
    };
    let titles = new_parts.iter().map(|p| p.title.clone()).chain(
        old_parts
            .iter()
            .filter(|p| !new_parts.iter().any(|n| n.title == p.title))
            .map(|p| p.title.clone()),
    );
    titles
        .map(|title| PartDiff {
            runs: diff_text(&text_of(&old_parts, &title), &text_of(&new_parts, &title)),
            title,
        })
        .collect()
}

/// Characters added plus removed from `old` to `new`.
pub fn changed_chars(old: &Draft, new: &Draft) -> usize {
    diff(old, new).iter().map(PartDiff::changed_chars).sum()
}

/// Character diffs of changed lines longer than this together are shown as the old
/// lines removed and the new added: Myers' algorithm is quadratic in the worst case,
/// and runs on the main thread.
const MAX_CHAR_DIFF: usize = 4_000;

/// Lines first (fast for long texts), then characters within each changed block.
fn diff_text(old: &str, new: &str) -> Vec<(Change, String)> {
    let mut runs = Runs::default();
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    // The lines removed and added since the last kept ones: `old_lines[block.0..o]`
    // and `new_lines[block.1..n]`, shown when the next kept lines (or the end) come.
    let (mut o, mut n, mut block) = (0, 0, (0, 0));
    let line_runs = text_diff::diff(&old_lines, &new_lines);
    for (op, len) in line_runs.into_iter().chain([(Op::Equal, 0)]) {
        match op {
            Op::Delete => o += len,
            Op::Insert => n += len,
            Op::Equal => {
                let removed = old_lines[block.0..o].concat();
                let added = new_lines[block.1..n].concat();
                if !removed.is_empty()
                    && !added.is_empty()
                    && removed.chars().count() + added.chars().count() <= MAX_CHAR_DIFF
                {
                    runs.push_diff(&removed, &added);
                } else {
                    runs.push(Change::Removed, &removed);
                    runs.push(Change::Added, &added);
                }
                runs.push(Change::Same, &old_lines[o..o + len].concat());
                o += len;
                n += len;
                block = (o, n);
            }
        }
    }
    runs.0
}

/// Runs of text, neighbours of the same kind joined.
#[derive(Default)]
struct Runs(Vec<(Change, String)>);

impl Runs {
    fn push(&mut self, kind: Change, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.0.last_mut() {
            Some((last, run)) if *last == kind => run.push_str(text),
            _ => self.0.push((kind, text.to_string())),
        }
    }

    /// `old` to `new` character by character.
    fn push_diff(&mut self, old: &str, new: &str) {
        let old: Vec<char> = old.chars().collect();
        let new: Vec<char> = new.chars().collect();
        let (mut o, mut n) = (0, 0);
        for (op, len) in text_diff::diff(&old, &new) {
            let (kind, text) = match op {
                Op::Equal => (Change::Same, &old[o..o + len]),
                Op::Delete => (Change::Removed, &old[o..o + len]),
                Op::Insert => (Change::Added, &new[n..n + len]),
            };
            self.push(kind, &text.iter().collect::<String>());
            if op != Op::Insert {
                o += len;
            }
            if op != Op::Delete {
                n += len;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NewNode, Parent, TextField};
    use crate::Template;

    const HOUR: f64 = 3_600_000.0;

    fn draft_with(text: &str) -> Draft {
        let mut draft = Template::builtin_default().new_draft("a".into(), 2024);
        let section = draft.sections[1].id;
        let id = draft
            .add_node(Parent::Section(section), NewNode::Paragraph)
            .unwrap();
        draft.set_text(id, TextField::Text, text.into()).unwrap();
        draft
    }

    #[test]
    fn snapshots_taken_in_one_millisecond_keep_distinct_times() {
        let mut versions = Versions::default();
        assert!(versions.take(&draft_with("甲。"), 5_000.0, Reason::Pause, ""));
        assert!(versions.take(&draft_with("乙。"), 5_000.0, Reason::BeforeImport, ""));
        assert!(versions.take(&draft_with("乙。"), 4_000.0, Reason::Named, "报局长审阅稿"));
        let times: Vec<f64> = versions.snapshots.iter().map(|s| s.taken_ms).collect();
        assert_eq!(times, [5_000.0, 5_001.0, 5_002.0]);
    }

    #[test]
    fn a_year_change_snapshot_stored_under_its_first_name_still_loads() {
        let reason: Reason = serde_json::from_str("\"before_next_year\"").unwrap();
        assert_eq!(reason, Reason::BeforeYearChange);
        assert_eq!(
            serde_json::to_string(&reason).unwrap(),
            "\"before_year_change\""
        );
    }

    #[test]
    fn the_diff_shows_added_and_removed_text_in_its_section_only() {
        let old = draft_with("全年组织学法4次。");
        let new = draft_with("全年组织集中学法6次。");
        let parts = diff(&old, &new);
        let changed: Vec<&PartDiff> = parts.iter().filter(|p| p.changed()).collect();
        assert_eq!(changed.len(), 1, "{parts:?}");
        assert_eq!(changed[0].title, old.sections[1].title);
        let runs = &changed[0].runs;
        assert!(runs.contains(&(Change::Added, "集中".into())), "{runs:?}");
        assert!(runs.contains(&(Change::Removed, "4".into())), "{runs:?}");
        assert!(runs.contains(&(Change::Added, "6".into())), "{runs:?}");
        assert_eq!(changed_chars(&old, &new), 4);
        assert_eq!(changed_chars(&old, &old), 0);
    }

    #[test]
    fn long_rewritten_texts_are_diffed_by_line_in_bounded_time() {
        let old: String = (0..300)
            .map(|i| format!("第{i}段，依法行政工作稳步推进，制度建设不断完善。\n"))
            .collect();
        let new: String = (0..300)
            .map(|i| format!("第{i}条，法治政府建设全面加强，执法监督持续深化！\n"))
            .collect();
        let started = std::time::Instant::now();
        let runs = diff_text(&old, &new);
        assert!(started.elapsed().as_secs() < 2, "{:?}", started.elapsed());
        let text = |kind: Change| -> String {
            runs.iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, t)| t.as_str())
                .collect()
        };
        assert_eq!(text(Change::Removed), old);
        assert_eq!(text(Change::Added), new);
        // A small change inside a long text is still shown by the character.
        let edited = old.replacen("第5段", "第5节", 1);
        let runs = diff_text(&old, &edited);
        assert!(runs.contains(&(Change::Removed, "段".into())), "{runs:?}");
        assert!(runs.contains(&(Change::Added, "节".into())), "{runs:?}");
    }

    #[test]
    fn a_renamed_section_shows_as_removed_and_added() {
        let old = draft_with("内容。");
        let mut new = old.clone();
        new.sections[1].title = "改名后的部分".into();
        let parts = diff(&old, &new);
        let renamed = parts.iter().find(|p| p.title == "改名后的部分").unwrap();
        assert_eq!(renamed.runs, [(Change::Added, "内容。".into())]);
        let gone = parts.last().unwrap();
        assert_eq!(gone.title, old.sections[1].title);
        assert_eq!(gone.runs, [(Change::Removed, "内容。".into())]);
    }

    #[test]
    fn an_unchanged_automatic_snapshot_is_not_taken_but_a_named_one_is() {
        let mut versions = Versions::default();
        let draft = draft_with("甲");
        assert!(versions.take(&draft, 0.0, Reason::Pause, ""));
        assert!(!versions.take(&draft, HOUR, Reason::Pause, ""));
        assert!(versions.take(&draft, HOUR, Reason::Named, " 报局长审阅稿 "));
        assert_eq!(versions.snapshots[1].name, "报局长审阅稿");
        assert_eq!(versions.snapshots[1].changed_chars, 0);
        assert!(versions.take(&draft_with("甲乙"), 2.0 * HOUR, Reason::BeforeImport, ""));
        assert_eq!(versions.snapshots[2].changed_chars, 1);
        assert_eq!(versions.snapshots[2].draft().unwrap(), draft_with("甲乙"));
    }

    #[test]
    fn a_pause_snapshot_is_due_once_per_interval() {
        let mut versions = Versions::default();
        assert!(versions.pause_snapshot_due(0.0));
        versions.take(&draft_with("甲"), 0.0, Reason::Pause, "");
        versions.take(&draft_with("乙"), 60_000.0, Reason::BeforeFixAll, "");
        assert!(!versions.pause_snapshot_due(AUTO_INTERVAL_MS - 1.0));
        assert!(versions.pause_snapshot_due(AUTO_INTERVAL_MS));
    }

    /// Snapshots every `every_hours` over `days` days before `now`, texts all different.
    fn history(now: f64, days: f64, every_hours: f64) -> Versions {
        let mut versions = Versions::default();
        let mut at = now - days * DAY_MS;
        let mut n = 0;
        while at <= now {
            versions.take(&draft_with(&n.to_string()), at, Reason::Pause, "");
            at += every_hours * HOUR;
            n += 1;
        }
        versions
    }

    #[test]
    fn thinning_keeps_today_then_one_a_day_for_a_month_then_one_a_week() {
        // Noon, in a zone eight hours ahead of UTC.
        let offset = 8.0 * HOUR;
        let now = 20_000.0 * DAY_MS + 12.0 * HOUR - offset;
        let mut versions = history(now, 100.0, 6.0);
        versions.snapshots[10].reason = Reason::Named;
        versions.snapshots[10].name = "报局长审阅稿".into();
        let named = versions.snapshots[10].clone();
        let before = versions.snapshots.len();
        versions.thin(now, offset, usize::MAX);
        let day = |ms: f64| ((ms + offset) / DAY_MS).floor() as i64;
        let today = day(now);
        let ages: Vec<i64> = versions
            .snapshots
            .iter()
            .filter(|s| !s.is_named())
            .map(|s| today - day(s.taken_ms))
            .collect();
        // Today's: 00:00, 06:00, 12:00 local.
        assert_eq!(ages.iter().filter(|&&a| a == 0).count(), 3, "{ages:?}");
        for age in 1..=30 {
            assert_eq!(ages.iter().filter(|&&a| a == age).count(), 1, "day {age}");
        }
        let weeks: Vec<i64> = versions
            .snapshots
            .iter()
            .filter(|s| !s.is_named() && today - day(s.taken_ms) > 30)
            .map(|s| day(s.taken_ms).div_euclid(7))
            .collect();
        let mut distinct = weeks.clone();
        distinct.dedup();
        assert_eq!(weeks, distinct, "one per week after a month");
        assert!((10..=12).contains(&weeks.len()), "{weeks:?}");
        assert!(versions.snapshots.contains(&named), "named snapshots stay");
        assert!(versions.snapshots.len() < before / 5);
        // The newest of each day is the one kept.
        let kept_yesterday = versions
            .snapshots
            .iter()
            .find(|s| today - day(s.taken_ms) == 1)
            .unwrap();
        assert_eq!(
            ((kept_yesterday.taken_ms + offset) / HOUR).rem_euclid(24.0),
            18.0
        );
    }

    #[test]
    fn the_size_cap_drops_the_oldest_automatic_snapshots_never_a_named_one() {
        let now = 1000.0 * DAY_MS;
        let mut versions = history(now, 0.5, 1.0);
        versions.snapshots[0].reason = Reason::Named;
        let each = versions.snapshots[1].file.len();
        let count = versions.snapshots.len();
        versions.thin(now, 0.0, each * 4);
        assert!(versions.bytes() <= each * 4 + 16);
        assert!(versions.snapshots[0].is_named());
        assert_eq!(
            versions.snapshots.last().unwrap().taken_ms,
            now,
            "the newest stay"
        );
        assert!(versions.snapshots.len() < count);
        // With only named snapshots left, the cap cannot drop anything.
        versions.snapshots.retain(Snapshot::is_named);
        versions.thin(now, 0.0, 0);
        assert_eq!(versions.snapshots.len(), 1);
    }

    #[test]
    fn the_stored_form_round_trips_and_refuses_what_it_cannot_read() {
        let mut versions = Versions::default();
        versions.take(&draft_with("甲"), 5.0, Reason::Named, "初稿");
        let json = versions.to_json();
        assert_eq!(Versions::from_json(&json).unwrap(), versions);
        // The shape earlier releases stored, so their snapshots still load.
        assert!(json.starts_with(&format!(
            r#"{{"format":"{VERSIONS_FORMAT}","version":1,"snapshots":[{{"#
        )));
        assert!(matches!(
            Versions::from_json(&json[..json.len() / 2]),
            Err(VersionsError::Unreadable(_))
        ));
        let newer = json.replace("\"version\":1", "\"version\":9");
        assert_eq!(Versions::from_json(&newer), Err(VersionsError::Newer(9)));
        let other = json.replace(VERSIONS_FORMAT, "something-else");
        assert!(matches!(
            Versions::from_json(&other),
            Err(VersionsError::WrongFormat(_))
        ));
    }
}
