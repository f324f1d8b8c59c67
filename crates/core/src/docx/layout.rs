//! The layout profiles, and the numbers only the writer uses: the attached table's
//! lines and rules, the font names (the page's own measures are in [`crate::page`]).

use serde::{Deserialize, Serialize};

use super::FontFamily;
use crate::page::FontRole;

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

/// Exact height of a 小四 line in the attached table (1.3 times the size).
pub(crate) const TABLE_LINE: i32 = 312;
/// Cell margins of the attached table, left and right: a quarter 小四 字.
pub(crate) const TABLE_CELL_MARGIN: i32 = 60;
/// The attached table's rules, in eighths of a point (½ pt).
pub(crate) const TABLE_RULE: usize = 4;

/// The font name written for a role.
pub(crate) fn font_name(role: FontRole, family: FontFamily) -> &'static str {
    match (role, family) {
        (FontRole::XiaoBiaoSong, _) => "方正小标宋简体",
        (FontRole::FangSong, FontFamily::Gb2312) => "仿宋_GB2312",
        (FontRole::FangSong, FontFamily::Plain) => "仿宋",
        (FontRole::KaiTi, FontFamily::Gb2312) => "楷体_GB2312",
        (FontRole::KaiTi, FontFamily::Plain) => "楷体",
        (FontRole::HeiTi, _) => "黑体",
        (FontRole::SongTi, _) => "宋体",
    }
}
