//! Rows of lines filled into pages of the 版心's height, the 版记 pinned to the bottom
//! of the last.

use std::collections::VecDeque;

use super::{Line, PreviewPage, Rule};
use crate::page::measures::{border_twips, IMPRINT_LINE, RED_LINE_SIZE, RED_LINE_SPACE};

/// LibreOffice's default widow and orphan control (the export sets none of its own):
/// a paragraph split across pages leaves at least two lines on each.
const MIN_SPLIT_LINES: usize = 2;

/// The red line's distance below its line box and its thickness, in twips.
const RED_LINE: (i32, i32) = (RED_LINE_SPACE as i32 * 20, border_twips(RED_LINE_SIZE));

/// A paragraph: rows of one height (an empty row for an empty paragraph), kept together
/// with the next block or not.
pub(super) struct Block {
    /// The lines of each row: usually one, two where a tab splits the row.
    pub rows: Vec<Vec<Line>>,
    pub row_height: i32,
    /// The red line drawn as the block's bottom border, which adds to its height.
    pub red_line: bool,
    pub keep_next: bool,
    /// Starts a new page, as an attachment does.
    pub page_break_before: bool,
}

impl Block {
    fn height(&self) -> i32 {
        self.rows.len() as i32 * self.row_height
            + if self.red_line {
                RED_LINE.0 + RED_LINE.1
            } else {
                0
            }
    }

    /// The least of the block that must share a page with what is kept with it.
    fn first_part_height(&self) -> i32 {
        let rows = self.rows.len();
        let first = if rows < 2 * MIN_SPLIT_LINES {
            rows
        } else {
            MIN_SPLIT_LINES
        };
        first as i32 * self.row_height
    }
}

/// The 版记 rows with their rules, laid out from its own top.
pub(super) struct Imprint {
    pub lines: Vec<Line>,
    pub rules: Vec<Rule>,
    pub height: i32,
}

impl Imprint {
    /// Whether it floats at the bottom of a page, with a line to spare for where Word
    /// or LibreOffice break its lines differently; a taller one cannot stay on one page
    /// and flows with the text instead.
    pub fn floats(&self, text_height: i32) -> bool {
        self.height + IMPRINT_LINE <= text_height
    }
}

/// Fills pages of `text_height` with the blocks, then pins the 版记 to the bottom of the
/// last page, or of a page of its own when it does not fit under the text, or flows it
/// on from the text when it does not float.
pub(super) fn paginate(
    blocks: Vec<Block>,
    imprint: Option<Imprint>,
    text_height: i32,
) -> Vec<PreviewPage> {
    let mut pages = Pager {
        pages: vec![PreviewPage {
            number: 1,
            lines: Vec::new(),
            rules: Vec::new(),
            imprint_only: false,
        }],
        y: 0,
        text_height,
    };
    let mut blocks = VecDeque::from(blocks);
    while !blocks.is_empty() {
        // A chain of keep-with-next blocks and the start of the block that ends it.
        let mut end = 0;
        let mut needed = 0;
        while blocks[end].keep_next && end + 1 < blocks.len() {
            needed += blocks[end].height();
            end += 1;
        }
        needed += blocks[end].first_part_height();
        if pages.y > 0 && (blocks[0].page_break_before || pages.y + needed > text_height) {
            pages.new_page();
        }
        for block in blocks.drain(..=end) {
            pages.place(block);
        }
    }
    match imprint {
        Some(imprint) if !imprint.floats(text_height) => pages.flow(imprint),
        Some(imprint) => {
            if pages.y > 0 && pages.y + imprint.height > text_height {
                pages.new_page();
                pages.current().imprint_only = true;
            }
            let top = text_height - imprint.height;
            let page = pages.current();
            page.lines
                .extend(imprint.lines.into_iter().map(|line| Line {
                    top: top + line.top,
                    ..line
                }));
            page.rules
                .extend(imprint.rules.into_iter().map(|rule| Rule {
                    top: top + rule.top,
                    ..rule
                }));
        }
        None => {}
    }
    pages.pages
}

struct Pager {
    pages: Vec<PreviewPage>,
    /// Filled height of the current page.
    y: i32,
    text_height: i32,
}

impl Pager {
    fn current(&mut self) -> &mut PreviewPage {
        self.pages.last_mut().expect("never empty")
    }

    fn new_page(&mut self) {
        let number = self.pages.len() + 1;
        self.pages.push(PreviewPage {
            number,
            lines: Vec::new(),
            rules: Vec::new(),
            imprint_only: false,
        });
        self.y = 0;
    }

    /// Places the 版记's lines below the text, each on the next page when it does not
    /// fit on this one, each rule with the line that follows it.
    fn flow(&mut self, imprint: Imprint) {
        let mut base = self.y;
        let mut rules = imprint.rules.into_iter().peekable();
        for line in imprint.lines {
            if self.y > 0 && base + line.top + line.height > self.text_height {
                self.new_page();
                base = -line.top;
            }
            while let Some(rule) = rules.next_if(|rule| rule.top <= line.top) {
                self.current().rules.push(Rule {
                    top: base + rule.top,
                    ..rule
                });
            }
            self.y = base + line.top + line.height;
            self.current().lines.push(Line {
                top: base + line.top,
                ..line
            });
        }
        for rule in rules {
            self.current().rules.push(Rule {
                top: base + rule.top,
                ..rule
            });
        }
    }

    /// Places a block's rows, splitting it across pages with widow and orphan control.
    fn place(&mut self, block: Block) {
        // A row of no height would fit any number of times.
        let height = block.row_height.max(1);
        let mut rows = block.rows.into_iter();
        let mut first_part = true;
        while rows.len() > 0 {
            let fit = usize::try_from((self.text_height - self.y) / height).unwrap_or(0);
            let mut take = fit.min(rows.len());
            if take < rows.len() {
                if first_part && take < MIN_SPLIT_LINES {
                    take = 0;
                }
                if rows.len() - take < MIN_SPLIT_LINES {
                    take = rows.len().saturating_sub(MIN_SPLIT_LINES);
                    if first_part && take < MIN_SPLIT_LINES {
                        take = 0;
                    }
                }
                if take == 0 && self.y == 0 {
                    // Nothing fits even on an empty page: overflow rather than loop.
                    take = fit.max(1).min(rows.len());
                }
            }
            for row in rows.by_ref().take(take) {
                let top = self.y;
                self.y += height;
                let lines = row.into_iter().map(|line| Line {
                    top,
                    height,
                    ..line
                });
                self.current().lines.extend(lines);
            }
            if rows.len() > 0 {
                self.new_page();
            }
            first_part = false;
        }
        if block.red_line {
            let (space, thickness) = RED_LINE;
            let top = self.y + space;
            self.current().rules.push(Rule {
                top,
                thickness,
                red: true,
            });
            self.y = top + thickness;
        }
    }
}
