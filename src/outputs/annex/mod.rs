//! The XLSX annex: the plan's figures as numbers a spreadsheet can work
//! with, the full training list and the participations, built from the same
//! view as the PDF.

mod charts;
mod legal;
mod needs;
mod sheets;

use super::{Context, FileNames, Made, Output, OutputError, OutputFile, OutputKind};
use crate::view::{Detail, Num, PlanView};
use jiff::civil::Date;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Table, TableColumn, TableStyle,
    Workbook, Worksheet, XlsxError,
};

/// Number formats shared by every sheet.
pub(crate) struct Formats {
    pub title: Format,
    pub count: Format,
    pub fte: Format,
    pub decimal: Format,
    pub hours: Format,
    pub percent: Format,
    pub euro: Format,
    pub date: Format,
}

impl Formats {
    fn new() -> Self {
        Self {
            title: Format::new().set_bold().set_font_size(13).set_font_color(Color::RGB(0x1B4F72)),
            count: Format::new().set_num_format("#,##0"),
            fte: Format::new().set_num_format("#,##0.00"),
            decimal: Format::new().set_num_format("#,##0.0"),
            hours: Format::new().set_num_format("#,##0.0"),
            percent: Format::new().set_num_format("0.0%"),
            euro: Format::new().set_num_format("€ #,##0.00"),
            date: Format::new().set_num_format("dd/mm/yyyy").set_align(FormatAlign::Left),
        }
    }
}

/// The annex output.
pub struct Annex;

impl Output for Annex {
    fn kind(&self) -> OutputKind {
        OutputKind::Annex
    }

    fn file_name(&self, names: &FileNames) -> String {
        names.file(Some(&names.words.annex_file), "xlsx")
    }

    fn render(&self, context: &Context<'_>, _: &[OutputFile]) -> Result<Made, OutputError> {
        let bytes = build(context.view, context.detail, context.date)?;
        Ok(Made { files: vec![self.file(context, bytes)], ..Made::default() })
    }
}

/// Builds the annex workbook in memory.
/// `detail` (a row per participation and per employee) is given for the
/// internal edition only.
pub fn build(view: &PlanView, detail: Option<&Detail>, date: Date) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let properties = DocProperties::new()
        .set_title(&view.meta.title)
        .set_author(&view.organisation.name)
        .set_company(&view.organisation.name)
        .set_creation_datetime(&excel_date(date)?);
    workbook.set_properties(&properties);
    // Level 3 instead of 6: a third less time for the internal annex of a
    // large employer (200,000 rows: 1.2 s instead of 1.8 s) for a file 14%
    // larger; the council annex stays a few dozen kB either way.
    workbook.set_zip_compression_level(3);
    let formats = Formats::new();
    sheets::key_figures(workbook.add_worksheet(), view, &formats)?;
    sheets::composition(workbook.add_worksheet(), view, &formats)?;
    sheets::trainings(workbook.add_worksheet(), view, &formats)?;
    sheets::effort(workbook.add_worksheet(), view, &formats)?;
    legal::budget(workbook.add_worksheet(), view, &formats)?;
    sheets::participation(workbook.add_worksheet(), view, &formats)?;
    legal::social_balance(workbook.add_worksheet(), view, &formats)?;
    if let Some(detail) = detail {
        sheets::participations(workbook.add_worksheet(), view, detail, &formats)?;
        legal::accounts(workbook.add_worksheet(), view, detail, &formats)?;
        if !detail.needs.is_empty() {
            needs::to_do(workbook.add_worksheet(), view, detail, &formats)?;
        }
    }
    let (header, footer) = page_furniture(view);
    for sheet in workbook.worksheets_mut() {
        // Printed, each sheet fits the width of a landscape page, and says
        // whose plan, which edition and which page it is; its first row
        // (a table's header, or the first section's title on sheets that
        // stack tables) stays in view and heads every printed page.
        sheet.set_landscape().set_print_fit_to_pages(1, 0).set_header(&header).set_footer(&footer);
        sheet.set_repeat_rows(0, 0)?;
    }
    workbook.save_to_buffer()
}

/// The printed header (organisation, title, edition) and footer (sheet,
/// page of pages) of every sheet, in Excel's header codes.
fn page_furniture(view: &PlanView) -> (String, String) {
    let strings = view.meta.language.strings();
    // A literal "&" is written "&&" in a header.
    let code = |text: &str| text.replace('&', "&&");
    let edition = strings.layout(&format!("/pdf/edition/{}/name", view.meta.edition.key()));
    let header =
        format!("&L{}&C{}&R{}", code(&view.organisation.name), code(&view.meta.title), code(edition));
    let pages = strings.layout("/pdf/page_of").replace("{page}", "&P").replace("{total}", "&N");
    (header, format!("&L&A&R{pages}"))
}

/// The first row of a sheet that stacks several tables: what the sheet
/// is and whose, frozen and printed on every page (the tables' own
/// headers sit below it).
pub(crate) fn sheet_title(
    sheet: &mut Worksheet,
    view: &PlanView,
    name: &str,
    f: &Formats,
) -> Result<(), XlsxError> {
    let title = format!("{name} · {} · {}", view.organisation.name, view.meta.year);
    sheet.write_string_with_format(0, 0, &title, &f.title)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

pub(crate) fn excel_date(date: Date) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8)
}

/// A native Excel table (styled header, banded rows, filter buttons) over
/// `rows` data rows starting at `first_row`; returns the next free row.
pub(crate) fn add_table(
    sheet: &mut Worksheet,
    first_row: u32,
    headers: &[&str],
    rows: u32,
) -> Result<u32, XlsxError> {
    add_table_shaped(sheet, first_row, headers, rows, &Shape::default())
}

/// A totalled column: its index, its number format and its total.
pub(crate) type Sum<'a> = (u16, &'a Format, f64);

/// Which columns of a table hold numbers (their headers align right) and
/// which are totalled.
#[derive(Default)]
pub(crate) struct Shape<'a> {
    /// Columns of numbers.
    pub numbers: &'a [u16],
    /// A totals row under the table: its label and, per column it adds up,
    /// the number format and the total (the formula's cached result, which
    /// a spreadsheet that does not recalculate on opening shows). The
    /// totals are `SUBTOTAL(109, …)` formulas, so they follow the table's
    /// filters. Only for columns without withheld cells: a total of the
    /// shown cells would not be the total.
    pub totals: Option<(&'a str, &'a [Sum<'a>])>,
}

/// [`add_table`] with numbers aligned right and a totals row.
pub(crate) fn add_table_shaped(
    sheet: &mut Worksheet,
    first_row: u32,
    headers: &[&str],
    rows: u32,
    shape: &Shape<'_>,
) -> Result<u32, XlsxError> {
    // Explicit colours as well as the table style: LibreOffice ignores Excel table styles.
    let header_format = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_font_color(Color::White)
        .set_background_color(Color::RGB(0x1F4E79))
        .set_border_bottom(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    let summed = |c: u16| shape.totals.is_some_and(|(_, sums)| sums.iter().any(|(s, _, _)| *s == c));
    let columns: Vec<TableColumn> = headers
        .iter()
        .enumerate()
        .map(|(c, h)| {
            let c = c as u16;
            let mut format = header_format.clone();
            if shape.numbers.contains(&c) || summed(c) {
                format = format.set_align(FormatAlign::Right);
            }
            TableColumn::new().set_header(*h).set_header_format(format)
        })
        .collect();
    let table = Table::new().set_columns(&columns).set_style(TableStyle::Medium2);
    let last_row = first_row + rows.max(1);
    sheet.add_table(first_row, 0, last_row, headers.len() as u16 - 1, &table)?;
    let Some((label, sums)) = shape.totals else { return Ok(last_row + 1) };
    let total_row = last_row + 1;
    let bold = Format::new().set_bold().set_border_top(FormatBorder::Thin);
    sheet.write_string_with_format(total_row, 0, label, &bold)?;
    for (c, number, total) in sums {
        let column = rust_xlsxwriter::utility::column_number_to_name(*c);
        let formula = format!("SUBTOTAL(109,{column}{}:{column}{})", first_row + 2, last_row + 1);
        let formula = rust_xlsxwriter::Formula::new(formula).set_result(total.to_string());
        let format = (*number).clone().set_bold().set_border_top(FormatBorder::Thin);
        sheet.write_formula_with_format(total_row, *c, formula, &format)?;
    }
    Ok(total_row + 1)
}

/// The shown values of `nums` added up: a totals row's cached result.
pub(crate) fn sum<'a>(nums: impl IntoIterator<Item = &'a Num>) -> f64 {
    nums.into_iter().filter_map(|n| n.value).sum()
}

/// The totals of `sums` whose column shows every value (`shown`): a total
/// of the shown values of a column with withheld ones would not be its
/// total, and the total would give the withheld ones away.
pub(crate) fn shown_sums<'a>(sums: &[Sum<'a>], shown: impl Fn(u16) -> bool) -> Vec<Sum<'a>> {
    sums.iter().copied().filter(|(c, _, _)| shown(*c)).collect()
}

/// A figure as a number with `format`, or its text when it has no value.
pub(crate) fn write_num(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    num: &Num,
    format: &Format,
) -> Result<(), XlsxError> {
    match num.value {
        Some(value) => sheet.write_number_with_format(row, col, value, format)?,
        // "< 5", "•" or "–": right-aligned like the numbers around it.
        None => sheet.write_string_with_format(
            row,
            col,
            &num.text,
            &Format::new().set_align(FormatAlign::Right),
        )?,
    };
    Ok(())
}

pub(crate) fn write_opt(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: Option<&str>,
) -> Result<(), XlsxError> {
    if let Some(text) = text {
        sheet.write_string(row, col, text)?;
    }
    Ok(())
}
