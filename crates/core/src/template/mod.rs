//! Templates: what a draft starts from. A city commission hands its districts one file
//! with the outline and guidance, the header details, the layout, the checker settings
//! and the deadlines; a bureau saves its own draft as a template for next year.
//!
//! Templates are data, not code: the built-ins are template files in `templates/`, in
//! the same format a user imports (see `docs/template-format.md` and [`file`]).

pub mod file;
mod library;
mod report_year;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::attachment::{AttachmentTable, TableColumn};
use crate::date::CalendarDate;
use crate::export_options::ExportOptions;
use crate::model::{Draft, Metadata, Node, NodeId, Section};
use crate::plan_items::{Plan, PlanState};

pub use file::{from_json, from_json_bytes, to_json, TemplateError};
pub use library::{is_builtin_name, AddOutcome, LibraryError, TemplateLibrary};
pub(crate) use report_year::move_years;
pub use report_year::{change_report_year, YearChange};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// The name shown in the template list; unique within a [`TemplateLibrary`].
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Who made the template, e.g. 杭州市卫生健康委员会法规处.
    pub created_by: String,
    /// `None` when unknown (a template migrated from version 0).
    pub created: Option<CalendarDate>,
    /// Title of a new draft; `{year}` and `{next_year}` are filled in.
    pub title: String,
    pub sections: Vec<SectionTemplate>,
    /// Header and 版记 details every draft on this template starts with.
    #[serde(default)]
    pub defaults: DocumentDefaults,
    #[serde(default)]
    pub export: ExportOptions,
    /// The attached indicator table (青浦's 指标分解表), if the report has one.
    #[serde(default)]
    pub attachment_table: Option<TableTemplate>,
    /// The plan items every draft is checked against (a city's 工作要点 for its
    /// districts); a new draft starts with them and no coverage decisions.
    #[serde(default)]
    pub plan: Option<Plan>,
    #[serde(default)]
    pub checker: CheckerSettings,
    #[serde(default)]
    pub deadlines: Deadlines,
}

/// One outline part of the body. Texts may contain `{year}` and `{next_year}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionTemplate {
    /// Identifies the part for the checker (`measures`, `shortcomings`,
    /// `first_responsibility`, `next_year`, `other`; other keys are matched by wording).
    pub key: String,
    pub title: String,
    #[serde(default)]
    pub guidance: String,
    #[serde(default = "numbered_by_default")]
    pub numbered: bool,
    /// Pre-filled headings and boilerplate paragraphs a new draft starts with.
    #[serde(default)]
    pub content: Vec<OutlineNode>,
}

fn numbered_by_default() -> bool {
    true
}

/// A pre-filled heading or paragraph: a [`Node`] without an id (ids are per draft).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum OutlineNode {
    Heading {
        title: String,
        #[serde(default)]
        text: String,
        #[serde(default)]
        children: Vec<OutlineNode>,
    },
    Paragraph {
        text: String,
    },
}

/// Header and 版记 details; empty strings leave the field for the user.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DocumentDefaults {
    /// 发文机关全称; also the 发文机关署名 of a new draft.
    pub issuer_name: String,
    /// 发文机关标志, e.g. 嘉兴市卫生健康委员会文件.
    pub issuer_mark: String,
    /// 机关代字 of the 发文字号, e.g. 嘉卫.
    pub agency_code: String,
    /// 主送机关, without the closing colon.
    pub recipients: String,
    /// 抄送机关, without the closing full stop.
    pub cc: String,
    /// 印发机关
    pub printer: String,
    /// 签发人
    pub signers: Vec<String>,
}

/// An attached table whose rows are the plan's items (青浦's 指标分解表).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableTemplate {
    /// The attachment's title, also its entry in 附件说明.
    pub title: String,
    pub columns: Vec<TableColumn>,
}

impl TableTemplate {
    /// An empty table on the template's columns; `fill` fills the year placeholders.
    pub fn new_table(&self, fill: &dyn Fn(&str) -> String) -> AttachmentTable {
        AttachmentTable {
            title: fill(&self.title),
            columns: renamed(&self.columns, fill),
            entries: Vec::new(),
        }
    }

    /// A table's definition as a template: its columns, without the user's cells.
    pub fn of_table(table: &AttachmentTable, generic: &dyn Fn(&str) -> String) -> TableTemplate {
        TableTemplate {
            title: generic(&table.title),
            columns: renamed(&table.columns, generic),
        }
    }
}

/// Columns with their names passed through `rename` (years filled in or made generic).
fn renamed(columns: &[TableColumn], rename: &dyn Fn(&str) -> String) -> Vec<TableColumn> {
    columns
        .iter()
        .map(|c| TableColumn {
            name: rename(&c.name),
            ..c.clone()
        })
        .collect()
}

/// Which checker rules a template turns off (ids of [`crate::rules::Rule`]), for
/// outlines the regulation's wording does not fit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CheckerSettings {
    pub disabled_rules: Vec<String>,
}

/// When the report on a year is due, in the following year: 报送 by 3月1日 and 公开
/// by 4月1日 under the regulation; provinces may set other dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadlines {
    pub submit: MonthDay,
    pub publish: MonthDay,
}

impl Default for Deadlines {
    fn default() -> Self {
        Deadlines {
            submit: MonthDay { month: 3, day: 1 },
            publish: MonthDay { month: 4, day: 1 },
        }
    }
}

impl Deadlines {
    /// The date the report on `report_year` must be sent by.
    pub fn submit_by(&self, report_year: u16) -> Option<CalendarDate> {
        self.submit.in_year(report_year + 1)
    }

    /// The date the report on `report_year` must be published by.
    pub fn publish_by(&self, report_year: u16) -> Option<CalendarDate> {
        self.publish.in_year(report_year + 1)
    }
}

/// A day of every year; 2月29日 is refused when loading, since most years lack it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthDay {
    pub month: u8,
    pub day: u8,
}

impl MonthDay {
    pub fn in_year(self, year: u16) -> Option<CalendarDate> {
        CalendarDate::new(year, self.month, self.day)
    }
}

/// The built-in templates, by the id the command line uses (`builtin:<id>`).
const BUILTINS: [(&str, &str); 3] = [
    (
        "annual-report",
        include_str!("../../templates/annual-report.json"),
    ),
    (
        "thematic-2018",
        include_str!("../../templates/thematic-2018.json"),
    ),
    (
        "indicator-table",
        include_str!("../../templates/indicator-table.json"),
    ),
];

impl Template {
    /// The mandated five-part outline of the annual report, with an opening paragraph.
    pub fn builtin_default() -> Template {
        Self::builtin("annual-report").expect("the default is a built-in")
    }

    /// Every built-in template, the default first. Parsed once: the app asks for them
    /// whenever it renders a template picker.
    pub fn builtins() -> &'static [Template] {
        static ALL: OnceLock<Vec<Template>> = OnceLock::new();
        ALL.get_or_init(|| {
            (0..BUILTINS.len())
                .map(|index| parsed_builtin(index).clone())
                .collect()
        })
    }

    /// The ids of the built-ins, in the order of [`Template::builtins`].
    pub fn builtin_ids() -> impl Iterator<Item = &'static str> {
        BUILTINS.iter().map(|(id, _)| *id)
    }

    /// A built-in by id, e.g. `annual-report`.
    pub fn builtin(id: &str) -> Option<Template> {
        Self::builtin_ids()
            .position(|builtin_id| builtin_id == id)
            .map(|index| parsed_builtin(index).clone())
    }

    /// The template a draft names: a built-in, else one of the user's. A draft keeps
    /// only its template's name, so one deleted since is not found.
    pub fn named<'a>(user: &'a [Template], name: &str) -> Option<&'a Template> {
        let builtins = (0..BUILTINS.len()).map(|index| -> &'a Template { parsed_builtin(index) });
        builtins.chain(user).find(|t| t.name == name)
    }

    /// A new draft on this template for the given report year: its outline with the
    /// pre-filled content, its header details, its layout and its plan items.
    pub fn new_draft(&self, id: String, report_year: u16) -> Draft {
        self.draft_filled_by(id, report_year, &|s| fill_year(s, report_year))
    }

    /// [`Self::new_draft`] with `{year}` and `{next_year}` left in its texts (its id and
    /// report year stand in, as a draft file needs them): what [`default_draft`] fills in,
    /// written to [`DEFAULT_DRAFT_FILE`].
    pub fn year_free_draft(&self) -> Draft {
        let year = *crate::model::REPORT_YEARS.start();
        self.draft_filled_by("default".into(), year, &str::to_string)
    }

    fn draft_filled_by(
        &self,
        id: String,
        report_year: u16,
        fill: &dyn Fn(&str) -> String,
    ) -> Draft {
        let title = fill(&self.title);
        let mut next_id: NodeId = 1;
        let sections: Vec<Section> = self
            .sections
            .iter()
            .map(|s| {
                let id = take_id(&mut next_id);
                Section {
                    id,
                    key: s.key.clone(),
                    title: fill(&s.title),
                    guidance: fill(&s.guidance),
                    numbered: s.numbered,
                    children: draft_nodes(&s.content, fill, &mut next_id),
                }
            })
            .collect();
        let d = &self.defaults;
        let meta = Metadata {
            issuer_name: d.issuer_name.clone(),
            issuer_mark: d.issuer_mark.clone(),
            doc_number: crate::model::DocNumber {
                agency_code: d.agency_code.clone(),
                ..Default::default()
            },
            signers: d.signers.clone(),
            title: title.clone(),
            recipients: d.recipients.clone(),
            signature: d.issuer_name.clone(),
            attachments: self
                .attachment_table
                .iter()
                .map(|t| fill(&t.title))
                .collect(),
            cc: d.cc.clone(),
            printer: d.printer.clone(),
            ..Metadata::default()
        };
        Draft {
            id,
            name: title,
            report_year,
            template: self.name.clone(),
            meta,
            sections,
            export: self.export.clone(),
            plan: self.plan.clone().map(|plan| PlanState::new(plan).into()),
            secrecy_reviewed: false,
            attachment_table: self.attachment_table.as_ref().map(|t| t.new_table(fill)),
            ignored_rules: Vec::new(),
            next_id,
        }
    }

    /// The draft's outline and settings as a template: its sections (with their
    /// headings, and with the paragraphs too when `with_body_text`), header details,
    /// layout, and its plan's items when `with_plan` (coverage decisions stay with the
    /// draft). The report year and the year after become `{year}` and `{next_year}`, so
    /// the template serves any year.
    pub fn from_draft(
        draft: &Draft,
        with_body_text: bool,
        with_plan: bool,
        created_by: String,
        created: CalendarDate,
    ) -> Template {
        let year = draft.report_year;
        let generic = |s: &str| year_placeholders(s, year);
        let meta = &draft.meta;
        Template {
            name: draft.name.clone(),
            description: format!("由草稿“{}”保存的模板", draft.name),
            created_by,
            created: Some(created),
            title: generic(&meta.title),
            sections: draft
                .sections
                .iter()
                .zip(unique_keys(&draft.sections))
                .map(|(s, key)| SectionTemplate {
                    key,
                    title: generic(&s.title),
                    guidance: generic(&s.guidance),
                    numbered: s.numbered,
                    content: outline_nodes(&s.children, with_body_text, &generic),
                })
                .collect(),
            defaults: DocumentDefaults {
                issuer_name: meta.issuer_name.clone(),
                issuer_mark: meta.issuer_mark.clone(),
                agency_code: meta.doc_number.agency_code.clone(),
                recipients: meta.recipients.clone(),
                cc: meta.cc.clone(),
                printer: meta.printer.clone(),
                signers: meta.signers.clone(),
            },
            export: draft.export.clone(),
            attachment_table: draft
                .attachment_table
                .as_ref()
                .map(|t| TableTemplate::of_table(t, &generic)),
            plan: draft
                .plan
                .as_ref()
                .filter(|_| with_plan)
                .map(|state| state.plan.clone()),
            checker: CheckerSettings::default(),
            deadlines: Deadlines::default(),
        }
    }
}

/// The built-in at `index` of [`BUILTINS`], parsed when first asked for: a new draft on
/// the default template, or a draft's deadlines, need only their own (the app's first
/// visit parses one template, not all).
fn parsed_builtin(index: usize) -> &'static Template {
    static PARSED: [OnceLock<Template>; BUILTINS.len()] =
        [const { OnceLock::new() }; BUILTINS.len()];
    PARSED[index].get_or_init(|| load_builtin(BUILTINS[index].1))
}

/// The built-ins are this program's own files, read without path tracking; a test reads
/// them with [`from_json`], which names a faulty field.
fn load_builtin(json: &str) -> Template {
    file::from_own_json(json)
        .unwrap_or_else(|err| panic!("a built-in template fails to load: {err}"))
}

fn take_id(next_id: &mut NodeId) -> NodeId {
    *next_id += 1;
    *next_id - 1
}

fn draft_nodes(
    nodes: &[OutlineNode],
    fill: &dyn Fn(&str) -> String,
    next_id: &mut NodeId,
) -> Vec<Node> {
    nodes
        .iter()
        .map(|node| match node {
            OutlineNode::Heading {
                title,
                text,
                children,
            } => Node::Heading {
                id: take_id(next_id),
                title: fill(title),
                text: fill(text),
                children: draft_nodes(children, fill, next_id),
            },
            OutlineNode::Paragraph { text } => Node::Paragraph {
                id: take_id(next_id),
                text: fill(text),
            },
        })
        .collect()
}

/// The template form of draft nodes; without body text only the headings' titles stay.
fn outline_nodes(
    nodes: &[Node],
    with_body_text: bool,
    generic: &dyn Fn(&str) -> String,
) -> Vec<OutlineNode> {
    nodes
        .iter()
        .filter_map(|node| match node {
            Node::Heading {
                title,
                text,
                children,
                ..
            } => Some(OutlineNode::Heading {
                title: generic(title),
                text: if with_body_text {
                    generic(text)
                } else {
                    String::new()
                },
                children: outline_nodes(children, with_body_text, generic),
            }),
            Node::Paragraph { text, .. } => with_body_text.then(|| OutlineNode::Paragraph {
                text: generic(text),
            }),
        })
        .collect()
}

/// The default template's [`Template::year_free_draft`] as a draft file, made by the test
/// `the_default_draft_file_is_the_default_templates_draft` (which rewrites it when run
/// with `REWRITE_DEFAULT_DRAFT=1`).
pub const DEFAULT_DRAFT_FILE: &str = "templates/annual-report.draft.json";

/// A new draft on the default template ([`Template::builtin_default`]) for the report on
/// `report_year`, read from [`DEFAULT_DRAFT_FILE`] rather than from the template: reading a
/// draft is code the app's first screen has anyway, reading a template is not (issue #17:
/// the first visit starts a draft before the rest of the app's code is in).
pub fn default_draft(id: String, report_year: u16) -> Draft {
    let json = fill_year(
        include_str!("../../templates/annual-report.draft.json"),
        report_year,
    );
    let mut draft = crate::format::from_own_json(&json)
        .unwrap_or_else(|err| panic!("the default draft fails to load: {err}"));
    draft.id = id;
    draft.report_year = report_year;
    draft
}

/// Replaces `{year}` and `{next_year}` placeholders.
pub fn fill_year(s: &str, year: u16) -> String {
    s.replace("{next_year}", &(u32::from(year) + 1).to_string())
        .replace("{year}", &year.to_string())
}

/// The sections' keys, each once: an imported report may have two parts of one kind
/// (`measures`), and a template's keys must differ. A repeated key gets `-2`, `-3`, ….
fn unique_keys(sections: &[crate::model::Section]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    sections
        .iter()
        .map(|s| {
            let key = (1..)
                .map(|n| match n {
                    1 => s.key.clone(),
                    n => format!("{}-{n}", s.key),
                })
                .find(|key| !seen.contains(key))
                .unwrap_or_default();
            seen.insert(key.clone());
            key
        })
        .collect()
}

/// The inverse of [`fill_year`]: `year` becomes `{year}`, the year after `{next_year}`.
fn year_placeholders(s: &str, year: u16) -> String {
    map_years(s, |found| {
        if found == u32::from(year) {
            Some("{year}".into())
        } else if found == u32::from(year) + 1 {
            Some("{next_year}".into())
        } else {
            None
        }
    })
}

/// `s` with every four-digit number (a run of exactly four ASCII digits, so `12023`
/// and `2023.5` parts stay) replaced where `replace` says so.
pub(crate) fn map_years(s: &str, replace: impl Fn(u32) -> Option<String>) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let digits = rest[start..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len() - start);
        let run = &rest[start..start + digits];
        out.push_str(&rest[..start]);
        let replacement = (digits == 4)
            .then(|| run.parse().ok().and_then(&replace))
            .flatten();
        out.push_str(replacement.as_deref().unwrap_or(run));
        rest = &rest[start + digits..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
