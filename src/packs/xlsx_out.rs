//! A pack as an Excel workbook: instructions on top, what the pack was made from, then the
//! table. Current columns are locked (the sheet is protected without a password) and only
//! the `new_*` cells can be typed in; `new_rag` offers a red/amber/green/blue drop-down.
//! Every value is written as text, so a ref such as `1.10` stays `1.10`.

use super::csv_out::cell;
use super::{Column, INSTRUCTIONS, Pack};
use rust_xlsxwriter::{
    Color, DataValidation, Format, FormatAlign, FormatBorder, ProtectionOptions, Workbook,
    Worksheet, XlsxError,
};

/// The sheet's name.
pub const SHEET: &str = "Update pack";

/// The workbook's bytes.
pub fn to_xlsx(pack: &Pack) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET)?;
    let last_column = (Column::ALL.len() - 1) as u16;
    let top = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    sheet.merge_range(0, 0, 0, last_column, INSTRUCTIONS, &top)?;
    sheet.set_row_height(0, 48)?;
    let mut row: u32 = 1;
    for line in pack.meta.lines() {
        sheet.write_string(row, 0, line)?;
        row += 1;
    }
    let header_row = row;
    write_header(sheet, header_row)?;
    write_rows(sheet, pack, header_row + 1)?;
    if !pack.rows.is_empty() {
        let last_row = header_row + pack.rows.len() as u32;
        let col = column_number(Column::NewRag);
        let choices = DataValidation::new()
            .allow_list_strings(&["red", "amber", "green", "blue"])?
            .set_input_message("Choose red, amber, green or blue (complete).")?;
        sheet.add_data_validation(header_row + 1, col, last_row, col, &choices)?;
    }
    sheet.set_freeze_panes(header_row + 1, 0)?;
    sheet.protect_with_options(&ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::new()
    });
    workbook.save_to_buffer()
}

fn column_number(column: Column) -> u16 {
    Column::ALL.iter().position(|c| *c == column).unwrap_or(0) as u16
}

fn width(column: Column) -> f64 {
    match column {
        Column::Ref | Column::Rag => 8.0,
        Column::Due | Column::NewRag | Column::NewDue | Column::Check => 13.0,
        Column::Theme => 28.0,
        Column::Action | Column::Progress | Column::NewProgress => 48.0,
    }
}

fn write_header(sheet: &mut Worksheet, row: u32) -> Result<(), XlsxError> {
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xD9D9D9))
        .set_border(FormatBorder::Thin);
    for column in Column::ALL {
        let col = column_number(column);
        sheet.set_column_width(col, width(column))?;
        sheet.write_string_with_format(row, col, column.header(), &header)?;
    }
    Ok(())
}

fn write_rows(sheet: &mut Worksheet, pack: &Pack, first: u32) -> Result<(), XlsxError> {
    let current = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let fill_in = Format::new()
        .set_unlocked()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(0xFFF2CC))
        .set_border(FormatBorder::Thin);
    for (i, pack_row) in pack.rows.iter().enumerate() {
        let row = first + i as u32;
        for column in Column::ALL {
            let col = column_number(column);
            if column.is_new() {
                sheet.write_blank(row, col, &fill_in)?;
            } else {
                sheet.write_string_with_format(row, col, cell(pack_row, column), &current)?;
            }
        }
    }
    Ok(())
}
