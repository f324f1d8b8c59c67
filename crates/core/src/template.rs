//! Templates: the outline and guidance a draft starts from. Outlines are data, not code;
//! the built-in default is the JSON file `templates/annual-report.json`.

use serde::{Deserialize, Serialize};

use crate::model::{Draft, Metadata, Section};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub name: String,
    pub description: String,
    /// Title of a new draft; `{year}` and `{next_year}` are filled in.
    pub title: String,
    pub sections: Vec<SectionTemplate>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionTemplate {
    pub key: String,
    /// May contain `{year}` and `{next_year}`.
    pub title: String,
    pub guidance: String,
    #[serde(default = "numbered_by_default")]
    pub numbered: bool,
}

fn numbered_by_default() -> bool {
    true
}

const ANNUAL_REPORT_JSON: &str = include_str!("../templates/annual-report.json");

impl Template {
    /// The mandated five-part outline of the annual report, with an opening paragraph.
    pub fn builtin_default() -> Template {
        serde_json::from_str(ANNUAL_REPORT_JSON)
            .expect("templates/annual-report.json is checked by the test suite")
    }

    /// A new draft on this template for the given report year.
    pub fn new_draft(&self, id: String, report_year: u16) -> Draft {
        let fill = |s: &str| fill_year(s, report_year);
        let title = fill(&self.title);
        let sections: Vec<Section> = self
            .sections
            .iter()
            .zip(1..)
            .map(|(s, id)| Section {
                id,
                key: s.key.clone(),
                title: fill(&s.title),
                guidance: fill(&s.guidance),
                numbered: s.numbered,
                children: Vec::new(),
            })
            .collect();
        Draft {
            id,
            name: title.clone(),
            report_year,
            template: self.name.clone(),
            meta: Metadata {
                title,
                ..Metadata::default()
            },
            next_id: sections.len() as u64 + 1,
            sections,
            export: crate::docx::ExportOptions::default(),
            plan: None,
            secrecy_reviewed: false,
        }
    }
}

/// Replaces `{year}` and `{next_year}` placeholders.
pub fn fill_year(s: &str, year: u16) -> String {
    s.replace("{next_year}", &(u32::from(year) + 1).to_string())
        .replace("{year}", &year.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_template_is_the_mandated_outline() {
        let t = Template::builtin_default();
        let numbered: Vec<_> = t.sections.iter().filter(|s| s.numbered).collect();
        assert_eq!(numbered.len(), 5);
        let must_contain = [
            "成效",
            "不足和原因",
            "第一责任人",
            "主要安排",
            "其他需要报告的情况",
        ];
        for (s, word) in numbered.iter().zip(must_contain) {
            assert!(s.title.contains(word), "{} lacks {word}", s.title);
            assert!(!s.guidance.is_empty());
        }
    }

    #[test]
    fn new_draft_fills_in_the_years() {
        let d = Template::builtin_default().new_draft("a".into(), 2023);
        assert_eq!(d.meta.title, "关于2023年度法治政府建设工作情况的报告");
        assert_eq!(d.name, d.meta.title);
        let next = d.sections.iter().find(|s| s.key == "next_year").unwrap();
        assert!(next.title.starts_with("2024年"), "{}", next.title);
        assert!(d
            .sections
            .iter()
            .all(|s| !s.title.contains('{') && !s.guidance.contains('{')));
        assert!(d.ids().iter().all(|&id| id < d.next_id));
    }
}
