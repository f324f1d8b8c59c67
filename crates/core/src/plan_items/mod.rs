//! The year's plan (工作要点) as the draft saves it: its items with their numeric
//! targets, and the user's coverage decisions on them. Reading a plan from a file is
//! [`crate::plan`]'s work; judging a report against it, [`crate::coverage`]'s.

mod targets;

use serde::{Deserialize, Serialize};

use crate::node_id::NodeId;
use crate::text::fold_width;
pub use targets::extract_targets;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The plan's title as found in the document; may be empty.
    pub title: String,
    /// The year the plan is for, when the document states it.
    pub year: Option<u16>,
    pub items: Vec<PlanItem>,
    /// Vocabulary the coverage check reads besides the built-in lexicon: lines in the
    /// lexicon's entry format (docs/coverage-lexicon.md), e.g. a city's own reforms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanItem {
    /// The number as written: `5`, `九-1-1`, `一是`. Never renumbered.
    pub number: String,
    /// The group heading the item sits under (`强化法治建设主体责任落实`); may be empty.
    pub group: String,
    /// The item's first sentence, without its full stop.
    pub title: String,
    /// The rest of the item, departments excluded.
    pub body: String,
    /// Responsible units, lead unit first.
    pub departments: Vec<String>,
    pub targets: Vec<Target>,
}

impl PlanItem {
    /// Title and body as one text.
    pub fn text(&self) -> String {
        if self.body.is_empty() {
            self.title.clone()
        } else {
            format!("{}。{}", self.title, self.body)
        }
    }
}

/// A numeric target of an item, such as `无证明率90%以上`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// What is measured: the Chinese phrase before the figure (`无证明率`).
    pub measure: String,
    pub comparator: Comparator,
    /// `None` for a target relative to last year (`低于上一年度`).
    pub value: Option<f64>,
    /// `%`, `学时`, `小时` …; empty for a bare count or a relative target.
    pub unit: String,
    /// The target as written: `90%以上`, `低于6%`, `全覆盖`.
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// 以上, 不低于, 不少于, 达到, or a bare figure: at least the value.
    AtLeast,
    /// 高于, 超过.
    Above,
    /// 不高于, 不超过, 以下, 以内, 内.
    AtMost,
    /// 低于, 少于.
    Below,
}

impl Comparator {
    pub fn holds(self, actual: f64, target: f64) -> bool {
        match self {
            Comparator::AtLeast => actual >= target,
            Comparator::Above => actual > target,
            Comparator::AtMost => actual <= target,
            Comparator::Below => actual < target,
        }
    }
}

/// How far the report covers a plan item: computed by [`crate::coverage`] or set by
/// the user ([`Decision::status`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Covered,
    Partial,
    Missing,
    NotApplicable,
}

impl Status {
    /// The status as JSON, the command line and the app's form values write it.
    pub fn key(self) -> &'static str {
        match self {
            Status::Covered => "covered",
            Status::Partial => "partial",
            Status::Missing => "missing",
            Status::NotApplicable => "not_applicable",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Covered => "已覆盖",
            Status::Partial => "部分覆盖",
            Status::Missing => "未覆盖",
            Status::NotApplicable => "不适用",
        }
    }
}

/// The plan with the user's decisions, saved with the draft.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanState {
    pub plan: Plan,
    pub decisions: Vec<Decision>,
}

/// What the user decided about one item. Keyed by number and title, not by position, so
/// decisions survive a re-import of the plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub number: String,
    pub title: String,
    /// A status set by hand; overrides the computed one.
    pub status: Option<Status>,
    /// Why the user set the status; for 不适用 it is what reviewers read.
    pub reason: String,
    /// Report paragraphs the user confirmed as evidence for the item.
    pub confirmed: Vec<NodeId>,
    /// Report paragraphs the user rejected as evidence for the item.
    pub rejected: Vec<NodeId>,
}

impl Decision {
    fn concerns(&self, item: &PlanItem) -> bool {
        self.number == item.number && key_title(&self.title) == key_title(&item.title)
    }

    /// Marks a paragraph as evidence (and no longer rejected).
    pub fn confirm(&mut self, paragraph: NodeId) {
        self.rejected.retain(|&id| id != paragraph);
        if !self.confirmed.contains(&paragraph) {
            self.confirmed.push(paragraph);
        }
    }

    /// Marks a paragraph as not evidence (and no longer confirmed).
    pub fn reject(&mut self, paragraph: NodeId) {
        self.confirmed.retain(|&id| id != paragraph);
        if !self.rejected.contains(&paragraph) {
            self.rejected.push(paragraph);
        }
    }

    /// Sets or clears (`None`) the status by hand.
    pub fn set_status(&mut self, status: Option<Status>, reason: String) {
        self.status = status;
        self.reason = reason;
    }
}

fn key_title(title: &str) -> String {
    fold_width(title)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

impl PlanState {
    pub fn new(plan: Plan) -> PlanState {
        PlanState {
            plan,
            decisions: Vec::new(),
        }
    }

    /// The decision on an item, if the user made one.
    pub fn decision(&self, item: &PlanItem) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.concerns(item))
    }

    /// The decision on the item at `index`, created empty on first use; `None` when
    /// there is no such item.
    pub fn decision_mut(&mut self, index: usize) -> Option<&mut Decision> {
        let item = self.plan.items.get(index)?;
        let at = match self.decisions.iter().position(|d| d.concerns(item)) {
            Some(at) => at,
            None => {
                self.decisions.push(Decision {
                    number: item.number.clone(),
                    title: item.title.clone(),
                    ..Decision::default()
                });
                self.decisions.len() - 1
            }
        };
        self.decisions.get_mut(at)
    }

    /// Replaces the plan by a re-imported one; decisions on items that are still there
    /// apply to them again, the others are kept in case the item comes back.
    /// A plan read from a document has no vocabulary of its own: the terms the old plan
    /// had (from the template) stay.
    pub fn replace_plan(&mut self, mut plan: Plan) {
        if plan.terms.is_empty() {
            plan.terms = std::mem::take(&mut self.plan.terms);
        }
        self.plan = plan;
    }

    /// Corrects an item by hand (a misread title or department list); its decision
    /// follows it. Targets are re-read from the corrected title and body.
    pub fn edit_item(&mut self, index: usize, title: String, departments: Vec<String>) -> bool {
        let Some(item) = self.plan.items.get(index) else {
            return false;
        };
        let decision = self.decisions.iter().position(|d| d.concerns(item));
        let item = &mut self.plan.items[index];
        item.title = title;
        item.departments = departments;
        item.targets = extract_targets(&item.text());
        if let Some(at) = decision {
            self.decisions[at].title = item.title.clone();
        }
        true
    }
}
