//! What Word and web pages leave in copied text: zero-width characters, soft hyphens,
//! no-break spaces, tabs, form feeds (Word's page breaks) and list bullets. Found here
//! once, for the paste cleaner ([`crate::paste::clean_pasted`]) and the checker, which
//! flags what is already in a draft.

use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DebrisKind {
    ZeroWidth,
    SoftHyphen,
    NoBreakSpace,
    Tab,
    FormFeed,
    Bullet,
}

impl DebrisKind {
    /// In the order summaries list them.
    pub const ALL: [DebrisKind; 6] = [
        DebrisKind::ZeroWidth,
        DebrisKind::SoftHyphen,
        DebrisKind::NoBreakSpace,
        DebrisKind::Tab,
        DebrisKind::FormFeed,
        DebrisKind::Bullet,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DebrisKind::ZeroWidth => "零宽字符",
            DebrisKind::SoftHyphen => "软连字符",
            DebrisKind::NoBreakSpace => "不间断空格",
            DebrisKind::Tab => "制表符",
            DebrisKind::FormFeed => "分页符",
            DebrisKind::Bullet => "项目符号",
        }
    }
}

/// One piece of debris: its bytes in the text and what replaces them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Debris {
    pub bytes: Range<usize>,
    pub kind: DebrisKind,
    pub replacement: &'static str,
}

/// The debris in `text`, in order: zero-width characters and soft hyphens are removed,
/// no-break spaces become spaces, tabs spaces (removed at a line's start), form feeds
/// line breaks, and a bullet at a line's start is removed with the space after it.
pub fn find_debris(text: &str) -> Vec<Debris> {
    let mut out: Vec<Debris> = Vec::new();
    let mut line_start = true;
    let mut after_bullet = false;
    for (at, c) in text.char_indices() {
        let kind = match c {
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {
                Some(DebrisKind::ZeroWidth)
            }
            '\u{AD}' => Some(DebrisKind::SoftHyphen),
            '\u{A0}' | '\u{202F}' | '\u{2007}' => Some(DebrisKind::NoBreakSpace),
            '\t' => Some(DebrisKind::Tab),
            '\u{C}' => Some(DebrisKind::FormFeed),
            // Word's own bullet is a private-use character of the Symbol font.
            '•' | '●' | '▪' | '◦' | '\u{F0B7}' if line_start => Some(DebrisKind::Bullet),
            _ => None,
        };
        let end = at + c.len_utf8();
        // The space after a bullet goes with it.
        let bullet_space = after_bullet && matches!(c, ' ' | '\u{3000}');
        after_bullet = kind == Some(DebrisKind::Bullet);
        match kind {
            Some(kind) => out.push(Debris {
                bytes: at..end,
                kind,
                replacement: match kind {
                    DebrisKind::NoBreakSpace => " ",
                    DebrisKind::Tab if !line_start => " ",
                    DebrisKind::FormFeed => "\n",
                    _ => "",
                },
            }),
            None if bullet_space => {
                if let Some(bullet) = out.last_mut() {
                    bullet.bytes.end = end;
                }
            }
            None => {}
        }
        line_start = match kind {
            Some(DebrisKind::FormFeed) => true,
            Some(_) => line_start,
            None => c == '\n' || (line_start && c.is_whitespace()),
        };
    }
    out
}

/// How many pieces of each kind, in [`DebrisKind::ALL`] order, leaving out kinds not found.
pub fn count_by_kind(debris: &[Debris]) -> Vec<(DebrisKind, usize)> {
    DebrisKind::ALL
        .into_iter()
        .map(|kind| (kind, debris.iter().filter(|d| d.kind == kind).count()))
        .filter(|(_, count)| *count > 0)
        .collect()
}
