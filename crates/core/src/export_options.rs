//! How a draft is exported: layout profile, font names, red 版头, sealing, empty parts. Saved with
//! the draft, so it belongs to the model; the .docx writer reads it.

use serde::{Deserialize, Serialize};

/// How the 22 × 28 grid is written. Only the grid, the run spacing, the top/bottom
/// margins and the 1-字 width differ between profiles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LayoutProfile {
    /// Line grid and exact 28.95 pt lines with −0.25 pt run spacing: 22 × 28 in
    /// LibreOffice (measured) and, by the arithmetic, in Word and WPS.
    #[default]
    Portable,
    /// Word's own line-and-character grid (what 页面设置 shows as 22 行 × 28 字).
    WordGrid,
    /// Top/bottom margins of 34.58/32.58 mm and 29.6 pt lines, so the ink of line 1
    /// and line 22 sits on the 版心 edges.
    PrintAccurate,
}

impl LayoutProfile {
    pub const ALL: [LayoutProfile; 3] = [
        LayoutProfile::Portable,
        LayoutProfile::WordGrid,
        LayoutProfile::PrintAccurate,
    ];

    pub fn label(self) -> &'static str {
        match self {
            LayoutProfile::Portable => "通用（WPS、Word、LibreOffice 均为每页22行、每行28字）",
            LayoutProfile::WordGrid => "Word 网格（页面设置中显示22行×28字）",
            LayoutProfile::PrintAccurate => "打印精确（上下边距34.58/32.58毫米）",
        }
    }

    /// The value used on the command line and in templates.
    pub fn key(self) -> &'static str {
        match self {
            LayoutProfile::Portable => "portable",
            LayoutProfile::WordGrid => "word-grid",
            LayoutProfile::PrintAccurate => "print-accurate",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// Which family of Chinese font names the file asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FontFamily {
    /// 仿宋_GB2312 / 楷体_GB2312, as most 公文 templates name them.
    #[default]
    Gb2312,
    /// 仿宋 / 楷体, which also hold characters outside GB2312.
    Plain,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportOptions {
    pub profile: LayoutProfile,
    pub fonts: FontFamily,
    /// The red 版头 with 发文机关标志, 发文字号 and 签发人; off for the version published online.
    pub red_header: bool,
    /// Whether the printout will be sealed (盖章), which places 署名 and 成文日期 differently.
    pub sealed: bool,
    /// What is written for a numbered part with no text. Absent from files when it is
    /// the default, so drafts and templates that do not choose are written as before.
    #[serde(default, skip_serializing_if = "EmptyParts::is_default")]
    pub empty_parts: EmptyParts,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            profile: LayoutProfile::Portable,
            fonts: FontFamily::Gb2312,
            red_header: true,
            sealed: true,
            empty_parts: EmptyParts::default(),
        }
    }
}

/// What the exported document does with a numbered part that has no text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmptyParts {
    /// 保留标题: the heading is printed alone.
    #[default]
    KeepHeading,
    /// 写"无": the heading is followed by a paragraph "无。".
    WriteNone,
    /// 不导出该部分: the part is left out and the parts after it are numbered on.
    Omit,
}

impl EmptyParts {
    pub const ALL: [EmptyParts; 3] = [
        EmptyParts::WriteNone,
        EmptyParts::Omit,
        EmptyParts::KeepHeading,
    ];

    pub fn key(self) -> &'static str {
        match self {
            EmptyParts::KeepHeading => "keep_heading",
            EmptyParts::WriteNone => "write_none",
            EmptyParts::Omit => "omit",
        }
    }

    pub fn from_key(key: &str) -> Option<EmptyParts> {
        Self::ALL.into_iter().find(|e| e.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            EmptyParts::KeepHeading => "保留标题",
            EmptyParts::WriteNone => "写“无”",
            EmptyParts::Omit => "不导出该部分",
        }
    }

    pub fn is_default(&self) -> bool {
        *self == EmptyParts::default()
    }
}
