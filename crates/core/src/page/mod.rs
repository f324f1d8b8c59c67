//! The page of a GB/T 9704-2012 document: the measures and texts the .docx writer and
//! the preview both print by.

pub(crate) mod measures;
pub(crate) mod text;

pub use measures::{profile_page, ProfilePage};

/// The font roles of GB/T 9704.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FontRole {
    /// 小标宋: 发文机关标志 and 标题.
    XiaoBiaoSong,
    /// 仿宋: body text and most elements.
    FangSong,
    /// 黑体: level-1 headings.
    HeiTi,
    /// 楷体: level-2 headings and the 签发人's name.
    KaiTi,
    /// 宋体: page numbers.
    SongTi,
}
