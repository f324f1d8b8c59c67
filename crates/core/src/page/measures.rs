//! GB/T 9704-2012 numbers in twips (1/20 pt), per layout profile, that the page's
//! composition, the .docx writer and the preview all rely on (see
//! docs/gongwen-format.md §1–2).

use crate::export_options::LayoutProfile;

/// Page geometry of one layout profile, in twips. Only the grid, the run spacing, the
/// top/bottom margins and the 1-字 width differ between profiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProfilePage {
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

/// The page geometry a profile writes.
pub fn profile_page(profile: LayoutProfile) -> ProfilePage {
    match profile {
        LayoutProfile::Portable => ProfilePage {
            top: 2098,
            bottom: 1984,
            line_pitch: 579,
            run_spacing: -5,
            char_space: None,
            zi: 315,
        },
        LayoutProfile::WordGrid => ProfilePage {
            top: 2098,
            bottom: 1984,
            line_pitch: 579,
            run_spacing: 0,
            char_space: Some(-849),
            zi: 316,
        },
        LayoutProfile::PrintAccurate => ProfilePage {
            top: 1960,
            bottom: 1847,
            line_pitch: 592,
            run_spacing: -5,
            char_space: None,
            zi: 315,
        },
    }
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
pub(crate) const SIZE_XIAO_4: usize = 24;

/// 3号 characters a body line holds: "一般每行排28个字" (GB/T 9704 5.2.3).
pub(crate) const LINE_ZI: f64 = 28.0;
/// One 2号 title line holds 8845 / 440 = 20 字.
pub(crate) const TITLE_LINE_ZI: f64 = 20.0;
/// Exact height of a 2号 title line.
pub(crate) const TITLE_LINE: i32 = 700;
/// Spacer above the 发文机关标志, calibrated in LibreOffice 7.4 so the mark's ink top
/// lands 35 mm below the 版心 top.
pub(crate) const MARK_SPACER: i32 = 1985;
/// The red line under the 发文字号: width in eighths of a point, distance below the
/// line box in points.
pub(crate) const RED_LINE_SIZE: usize = 12;
pub(crate) const RED_LINE_SPACE: usize = 5;
/// Exact height of a 4号 line of the 版记.
pub(crate) const IMPRINT_LINE: i32 = 550;
/// 版记 rules, in eighths of a point: first and last thick, between rows thin.
pub(crate) const IMPRINT_THICK: usize = 8;
pub(crate) const IMPRINT_THIN: usize = 6;
/// 抄送 is indented 4 字 of 4号, its first line hanging 3 字 back for "抄送：".
pub(crate) const CC_LEFT: i32 = 4;
pub(crate) const CC_HANG: i32 = 3;
/// 附件说明 lines are indented 5 字, the first hanging 3 字 back for "附件：".
pub(crate) const ATTACHMENT_LEFT: i32 = 5;
pub(crate) const ATTACHMENT_HANG: i32 = 3;

/// Twips of a border `w:sz` in eighths of a point.
pub(crate) const fn border_twips(eighths: usize) -> i32 {
    (eighths * 20 / 8) as i32
}

/// The 发文机关标志's size in points: as large as fits 96 % of the 版心 width, at most
/// 小初 (36 pt), and at least [`MIN_MARK_PT`].
pub(crate) fn mark_size_pt(mark: &str) -> f64 {
    let chars = width_in_zi(mark).max(1.0);
    (0.96 * f64::from(TEXT_WIDTH) / 20.0 / chars).clamp(MIN_MARK_PT, 36.0)
}

/// The least size of the 发文机关标志, in points: a mark of some hundreds of characters
/// wraps at this size rather than get a size of zero (a `w:sz` of 0, a line of no
/// height).
const MIN_MARK_PT: f64 = 1.0;

/// Exact height of the mark's line for a mark of `size_pt`.
pub(crate) fn mark_line(size_pt: f64) -> i32 {
    (size_pt * 20.0 * 1.05).round() as i32
}

/// Blank lines between the text and the 署名: room for the seal when sealed.
pub(crate) fn signature_blank_lines(sealed: bool) -> usize {
    if sealed {
        2
    } else {
        1
    }
}

/// Right indents of the 署名 and the 成文日期, in 字 (GB/T 9704 7.3.5): sealed, the
/// date 4 字 in and the 署名 centred on it; unsealed, the 署名 2 字 in and the date
/// starting 2 字 to the right of it. Neither indent leaves its line less room than its
/// own text: a 署名 longer than a line would otherwise push the date's indent past the
/// 版心 (a paragraph of negative width, one character a line in LibreOffice).
pub(crate) fn signature_indents(name: &str, date: &str, sealed: bool) -> (f64, f64) {
    let (wn, wd) = (width_in_zi(name), width_in_zi(date));
    let (name_right, date_right) = if sealed {
        (4.0 + (wd - wn) / 2.0, 4.0)
    } else if wd <= wn {
        (2.0, wn - wd)
    } else {
        (2.0 + 2.0 + wd - wn, 2.0)
    };
    let within_line = |right: f64, width: f64| right.min(LINE_ZI - width).max(0.0);
    (within_line(name_right, wn), within_line(date_right, wd))
}

/// Width of a character in 字. Half-width characters count one half, except the
/// punctuation the runs' `eastAsia` hint draws in the Chinese font (“” ‘’ — … ·).
pub(crate) fn zi_of(c: char) -> f64 {
    if (c as u32) < 0x2E80 && !matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·') {
        0.5
    } else {
        1.0
    }
}

/// Width of a text in 字.
pub(crate) fn width_in_zi(text: &str) -> f64 {
    text.chars().map(zi_of).sum()
}
