//! The numbers only the writer uses: the attached table's
//! lines and rules, the font names (the page's own measures are in [`crate::page`]).

use crate::export_options::FontFamily;
use crate::page::FontRole;

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
