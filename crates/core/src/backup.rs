//! The backup of everything: all drafts with their 版本记录 and the user's templates in
//! one file, and reading it back, all or nothing.
//!
//! `{"format": "report-drafter.backup", "version": 1, "saved_at": …,
//!   "drafts": [{"file": DRAFT FILE, "versions": VERSIONS FILE}, …],
//!   "templates": [TEMPLATE FILE, …]}`: every entry is a whole file of its own kind, so
//! it is read, and migrated, by the same code as that file alone.

use serde::Deserialize;

use crate::format;
use crate::model::Draft;
use crate::template::{self, Template};
use crate::versions::Versions;

pub const BACKUP_FORMAT: &str = "report-drafter.backup";
pub const BACKUP_VERSION: u64 = 1;
/// Larger files are refused before they are read: years of drafts with their history
/// stay well below this.
pub const MAX_BACKUP_BYTES: usize = 100 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    #[error("文件过大（{0} 字节，上限 100 MB），不是本程序的完整备份文件")]
    TooLarge(usize),
    #[error("文件不完整，可能在下载或复制时被截断")]
    Truncated,
    #[error("内容不是本程序的完整备份文件：{0}")]
    Unreadable(String),
    #[error("格式标识为“{0}”，不是本程序的完整备份文件")]
    WrongFormat(String),
    #[error("备份文件来自更新的程序版本（第 {0} 版），请先升级本程序")]
    Newer(u64),
    #[error("第 {index} 份草稿无法读取：{problem}")]
    Draft { index: usize, problem: String },
    #[error("第 {index} 个模板无法读取：{problem}")]
    Template { index: usize, problem: String },
}

/// A draft with its snapshots, as backed up.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftWithVersions {
    pub draft: Draft,
    pub versions: Versions,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    pub drafts: Vec<DraftWithVersions>,
    pub templates: Vec<Template>,
}

pub fn to_json(drafts: &[DraftWithVersions], templates: &[Template], saved_at_ms: f64) -> String {
    let drafts: Vec<String> = drafts
        .iter()
        .map(|d| {
            format!(
                r#"{{"file":{},"versions":{}}}"#,
                format::to_compact_json(&d.draft, saved_at_ms),
                d.versions.to_json()
            )
        })
        .collect();
    let templates: Vec<String> = templates.iter().map(template::to_json).collect();
    format!(
        r#"{{"format":"{BACKUP_FORMAT}","version":{BACKUP_VERSION},"saved_at":"{}","drafts":[{}],"templates":[{}]}}"#,
        crate::date::rfc3339_from_unix_ms(saved_at_ms),
        drafts.join(","),
        templates.join(",")
    )
}

/// Reads a backup of everything, a file a user brings in (its drafts and templates with
/// faults named by field); any problem refuses the whole file.
pub fn from_json_bytes(bytes: &[u8]) -> Result<Backup, BackupError> {
    read(bytes, format::from_json, template::from_json)
}

/// [`from_json_bytes`] for a backup this program wrote itself ([`to_json`]: the import
/// worker's answer), read without path tracking (see [`format::from_own_json`]).
pub fn from_own_json(text: &str) -> Result<Backup, BackupError> {
    read(
        text.as_bytes(),
        format::from_own_json,
        template::file::from_own_json,
    )
}

/// A backup, each of its drafts read by `draft` and each template by `template`.
fn read(
    bytes: &[u8],
    draft: fn(&str) -> Result<Draft, format::LoadError>,
    template: fn(&str) -> Result<Template, template::TemplateError>,
) -> Result<Backup, BackupError> {
    #[derive(Deserialize)]
    struct Head {
        format: String,
        version: u64,
    }
    #[derive(Deserialize)]
    struct Entry {
        file: serde_json::Value,
        versions: Option<serde_json::Value>,
    }
    #[derive(Deserialize)]
    struct Body {
        drafts: Vec<Entry>,
        templates: Vec<serde_json::Value>,
    }
    if bytes.len() > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge(bytes.len()));
    }
    let unreadable = |e: serde_json::Error| {
        if e.is_eof() {
            BackupError::Truncated
        } else {
            BackupError::Unreadable(e.to_string())
        }
    };
    let head: Head = serde_json::from_slice(bytes).map_err(unreadable)?;
    if head.format != BACKUP_FORMAT {
        return Err(BackupError::WrongFormat(head.format));
    }
    if head.version > BACKUP_VERSION {
        return Err(BackupError::Newer(head.version));
    }
    let body: Body = serde_json::from_slice(bytes).map_err(unreadable)?;
    let drafts = body
        .drafts
        .into_iter()
        .enumerate()
        .map(|(index, entry)| {
            let problem = |problem: String| BackupError::Draft {
                index: index + 1,
                problem,
            };
            let draft = draft(&entry.file.to_string()).map_err(|e| problem(e.to_string()))?;
            let versions = match entry.versions {
                Some(versions) => Versions::from_json(&versions.to_string())
                    .map_err(|e| problem(e.to_string()))?,
                None => Versions::default(),
            };
            Ok(DraftWithVersions { draft, versions })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let templates = body
        .templates
        .iter()
        .enumerate()
        .map(|(index, file)| {
            template(&file.to_string()).map_err(|e| BackupError::Template {
                index: index + 1,
                problem: e.to_string(),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Backup { drafts, templates })
}

/// `name`, or when a draft already has it, `name（恢复）`, `name（恢复 2）`, …: restoring
/// keeps both.
pub fn free_draft_name(name: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(name) {
        return name.to_string();
    }
    std::iter::once(format!("{name}（恢复）"))
        .chain((2..).map(|n| format!("{name}（恢复 {n}）")))
        .find(|candidate| !taken(candidate))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::versions::Reason;

    fn sample() -> (Vec<DraftWithVersions>, Vec<Template>) {
        let template = Template {
            name: "上城区模板".into(),
            ..Template::builtin_default()
        };
        let draft = template.new_draft("a".into(), 2024);
        let mut versions = Versions::default();
        versions.take(&draft, 1_000.0, Reason::Named, "报局长审阅稿");
        let other = Template::builtin_default().new_draft("b".into(), 2023);
        (
            vec![
                DraftWithVersions { draft, versions },
                DraftWithVersions {
                    draft: other,
                    versions: Versions::default(),
                },
            ],
            vec![template],
        )
    }

    #[test]
    fn a_backup_round_trips_drafts_versions_and_templates() {
        let (drafts, templates) = sample();
        let json = to_json(&drafts, &templates, 5_000.0);
        let backup = from_json_bytes(json.as_bytes()).unwrap();
        assert_eq!(backup.drafts, drafts);
        assert_eq!(backup.templates, templates);
        // As the import worker hands it to the page: written again, read without paths.
        let own = from_own_json(&to_json(&backup.drafts, &backup.templates, 0.0)).unwrap();
        assert_eq!((own.drafts, own.templates), (drafts, templates));
    }

    #[test]
    fn a_truncated_newer_foreign_or_huge_file_is_refused_by_name() {
        let (drafts, templates) = sample();
        let json = to_json(&drafts, &templates, 5_000.0);
        for cut in [json.len() / 3, json.len() - 1] {
            assert_eq!(
                from_json_bytes(&json.as_bytes()[..cut]),
                Err(BackupError::Truncated),
                "cut at {cut}"
            );
        }
        let newer = json.replacen("\"version\":1", "\"version\":2", 1);
        assert_eq!(
            from_json_bytes(newer.as_bytes()),
            Err(BackupError::Newer(2))
        );
        let draft_file = format::to_json(&drafts[0].draft, 0.0);
        assert!(matches!(
            from_json_bytes(draft_file.as_bytes()),
            Err(BackupError::WrongFormat(_))
        ));
        let huge = vec![b' '; MAX_BACKUP_BYTES + 1];
        assert_eq!(
            from_json_bytes(&huge),
            Err(BackupError::TooLarge(MAX_BACKUP_BYTES + 1))
        );
        assert!(matches!(
            from_json_bytes("不是 JSON".as_bytes()),
            Err(BackupError::Unreadable(_))
        ));
        let bad_draft = json.replacen("\"report_year\":2024", "\"report_year\":1800", 1);
        let err = from_json_bytes(bad_draft.as_bytes()).unwrap_err();
        assert!(matches!(err, BackupError::Draft { index: 1, .. }), "{err}");
    }

    #[test]
    fn a_taken_draft_name_keeps_both() {
        let taken = ["年度报告".to_string(), "年度报告（恢复）".to_string()];
        let is_taken = |name: &str| taken.iter().any(|t| t == name);
        assert_eq!(free_draft_name("新报告", is_taken), "新报告");
        assert_eq!(free_draft_name("年度报告", is_taken), "年度报告（恢复 2）");
    }
}
