//! GB/T 9704-2012 numbers in twips, per layout profile (see shared/docs/gongwen-format.md §1–2).

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

    pub(crate) fn page(self) -> Page {
        match self {
            LayoutProfile::Portable => Page {
                top: 2098,
                bottom: 1984,
                line_pitch: 579,
                run_spacing: -5,
                char_space: None,
                zi: 315,
            },
            LayoutProfile::WordGrid => Page {
                top: 2098,
                bottom: 1984,
                line_pitch: 579,
                run_spacing: 0,
                char_space: Some(-849),
                zi: 316,
            },
            LayoutProfile::PrintAccurate => Page {
                top: 1960,
                bottom: 1847,
                line_pitch: 592,
                run_spacing: -5,
                char_space: None,
                zi: 315,
            },
        }
    }
}

/// Page geometry of one profile, in twips (1/20 pt).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Page {
    pub top: i32,
    pub bottom: i32,
    /// Exact line height of 3号 text and the grid pitch.
    pub line_pitch: i32,
    /// Character spacing of 3号 runs, in twentieths of a point.
    pub run_spacing: i32,
    /// `docGrid/@charSpace` when the grid is `linesAndChars`.
    pub char_space: Option<i32>,
    /// One 3号 字 (character) of the line.
    pub zi: i32,
}

pub(crate) const PAGE_WIDTH: u32 = 11906;
pub(crate) const PAGE_HEIGHT: u32 = 16838;
pub(crate) const MARGIN_LEFT: i32 = 1587;
pub(crate) const MARGIN_RIGHT: i32 = 1474;
/// 版心 width: 156 mm.
pub(crate) const TEXT_WIDTH: i32 = 8845;
/// Footer distance from the page edge: puts the page-number dash 7 mm below the 版心.
pub(crate) const FOOTER: i32 = 1418;
/// One 4号 字, for the 版记 and page numbers.
pub(crate) const ZI_4: i32 = 280;

/// Half-points (`w:sz`) of the sizes used.
pub(crate) const SIZE_2: usize = 44;
pub(crate) const SIZE_3: usize = 32;
pub(crate) const SIZE_4: usize = 28;

/// Width of a text in 字: half-width characters count one half.
pub(crate) fn width_in_zi(text: &str) -> f64 {
    text.chars()
        .map(|c| if (c as u32) < 0x2E80 { 0.5 } else { 1.0 })
        .sum()
}
