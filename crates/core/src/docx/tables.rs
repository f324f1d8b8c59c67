//! The document's two tables: the attached table and the 版记.

use docx_rs::{
    AlignmentType, BorderType, Run, SpecialIndentType, Tab, TabValueType, Table, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellBorder, TableCellBorderPosition,
    TableCellBorders, TableCellMargins, TableLayoutType, TablePositionProperty, TableRow,
    WidthType,
};

use super::build::Writer;
use super::layout::{TABLE_CELL_MARGIN, TABLE_LINE, TABLE_RULE};
use crate::page::measures::{
    CC_HANG, CC_LEFT, IMPRINT_LINE, IMPRINT_THICK, IMPRINT_THIN, MARGIN_LEFT, SIZE_4, SIZE_XIAO_4,
    TEXT_WIDTH, ZI_4,
};
use crate::page::{self, Align, FontRole as Role, Imprint};

/// Most columns a table may have in Word: a wider one is more than Word can hold, and it
/// does not open the file as written.
const WORD_MAX_COLUMNS: usize = 63;

/// The attached table as tables Word can hold, one under the other in the order of their
/// columns: one of at most [`WORD_MAX_COLUMNS`] columns each, every one spanning the
/// 版心 with its columns in the same proportions, so nothing the user wrote is lost. None
/// for a table without columns: its rows would hold no cell, which the schema forbids
/// (`w:tr` holds at least one `w:tc`).
pub(super) fn word_tables(table: &page::Table) -> Vec<page::Table> {
    let mut first = 0;
    table
        .columns
        .chunks(WORD_MAX_COLUMNS)
        .map(|columns| {
            let range = first..first + columns.len();
            first = range.end;
            let span = columns.iter().map(|c| c.width).sum::<i32>().max(1);
            let mut columns = columns.to_vec();
            for column in &mut columns {
                column.width = column.width * TEXT_WIDTH / span;
            }
            let spanned: i32 = columns.iter().map(|c| c.width).sum();
            if let Some(last) = columns.last_mut() {
                last.width += TEXT_WIDTH - spanned;
            }
            let rows = table
                .rows
                .iter()
                .map(|cells| {
                    cells
                        .get(range.clone())
                        .map_or_else(|| vec![String::new(); range.len()], <[String]>::to_vec)
                })
                .collect();
            page::Table { columns, rows }
        })
        .collect()
}

/// The attached table in 小四, which fits six columns in the 版心 where 3号 would
/// leave four characters a line: a 黑体 header row that repeats on every page (the
/// package step marks it `w:tblHeader`, which docx-rs lacks) and 仿宋 rows, one per
/// plan item, with single rules all round.
pub(super) fn attachment_table(w: &Writer, table: &page::Table) -> Table {
    let cell = |text: &str, width: i32, role: Role, align: AlignmentType| {
        let mut run = Run::new().size(SIZE_XIAO_4).fonts(w.fonts(role));
        for (i, line) in text.lines().enumerate() {
            if i > 0 {
                run = run.add_break(docx_rs::BreakType::TextWrapping);
            }
            run = run.add_text(line);
        }
        let paragraph = w.free(TABLE_LINE).align(align).add_run(run);
        TableCell::new()
            .width(width as usize, WidthType::Dxa)
            .vertical_align(docx_rs::VAlignType::Center)
            .add_paragraph(paragraph)
    };
    let header = TableRow::new(
        table
            .columns
            .iter()
            .map(|c| cell(&c.name, c.width, Role::HeiTi, AlignmentType::Center))
            .collect(),
    )
    .cant_split();
    let mut rows = vec![header];
    for cells in &table.rows {
        rows.push(TableRow::new(
            table
                .columns
                .iter()
                .zip(cells)
                .map(|(column, text)| {
                    let align = match column.align {
                        Align::Center => AlignmentType::Center,
                        Align::Left | Align::Right | Align::Justify => AlignmentType::Both,
                    };
                    cell(text, column.width, Role::FangSong, align)
                })
                .collect(),
        ));
    }
    Table::new(rows)
        .set_borders(ruled_all_round())
        .set_grid(table.columns.iter().map(|c| c.width as usize).collect())
        .width(TEXT_WIDTH as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(
            0,
            TABLE_CELL_MARGIN as usize,
            0,
            TABLE_CELL_MARGIN as usize,
        ))
}

/// Single black rules round a table and between all its cells.
pub(super) fn ruled_all_round() -> TableBorders {
    [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::with_empty(), |borders, position| {
        borders.set(rule(position, TABLE_RULE))
    })
}

/// A single black rule, `size` in eighths of a point, on one side of a table.
fn rule(position: TableBorderPosition, size: usize) -> TableBorder {
    TableBorder::new(position)
        .border_type(BorderType::Single)
        .size(size)
        .color("000000")
}

/// 版记: 抄送 and 印发机关/印发日期 between thick/thin/thick lines, as a table floating at
/// the bottom of the 版心 on the last page when `floating`, else in the flow of the text.
pub(super) fn imprint(w: &Writer, imprint: &Imprint, floating: bool) -> Table {
    let Imprint {
        cc,
        printer,
        print_date,
    } = imprint;
    let run = |text: &str| {
        Run::new()
            .add_text(text)
            .size(SIZE_4)
            .fonts(w.fonts(Role::FangSong))
    };
    let line = || w.free(IMPRINT_LINE);
    let mut rows = Vec::new();
    if !cc.is_empty() {
        let paragraph = line()
            .indent(
                Some(CC_LEFT * ZI_4),
                Some(SpecialIndentType::Hanging(CC_HANG * ZI_4)),
                Some(ZI_4),
                None,
            )
            .add_run(run(cc));
        rows.push(TableRow::new(vec![TableCell::new()
            .width(TEXT_WIDTH as usize, WidthType::Dxa)
            .add_paragraph(paragraph)]));
    }
    if !printer.is_empty() || !print_date.is_empty() {
        let paragraph = line()
            .indent(
                Some(ZI_4),
                Some(SpecialIndentType::FirstLine(0)),
                Some(0),
                None,
            )
            .add_tab(
                Tab::new()
                    .val(TabValueType::Right)
                    .pos((TEXT_WIDTH - ZI_4) as usize),
            )
            .add_run(run(printer).add_tab())
            .add_run(run(print_date));
        let mut cell = TableCell::new()
            .width(TEXT_WIDTH as usize, WidthType::Dxa)
            .add_paragraph(paragraph);
        if !rows.is_empty() {
            cell = cell.set_borders(
                TableCellBorders::with_empty().set(
                    TableCellBorder::new(TableCellBorderPosition::Top)
                        .border_type(BorderType::Single)
                        .size(IMPRINT_THIN)
                        .color("000000"),
                ),
            );
        }
        rows.push(TableRow::new(vec![cell]));
    }
    let table = Table::without_borders(rows)
        .set_borders(
            TableBorders::with_empty()
                .set(rule(TableBorderPosition::Top, IMPRINT_THICK))
                .set(rule(TableBorderPosition::Bottom, IMPRINT_THICK)),
        )
        .set_grid(vec![TEXT_WIDTH as usize])
        .width(TEXT_WIDTH as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0));
    if !floating {
        return table;
    }
    // Anchored to the page at the left margin: LibreOffice keeps a table of the 版心's
    // full width inline when it is anchored to the margin.
    table.position(
        TablePositionProperty::new()
            .horizontal_anchor("page")
            .position_x(MARGIN_LEFT)
            .vertical_anchor("margin")
            .position_y_alignment("bottom"),
    )
}
