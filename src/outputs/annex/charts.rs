//! Native charts of the annex, drawn by the spreadsheet from the very cells
//! of its tables: an analyst who filters or edits the table sees the chart
//! follow. A chart is drawn only when every value it covers is shown: a
//! withheld cell ("•", "< 5") would be drawn as zero.

use crate::view::Num;
use rust_xlsxwriter::{Chart, ChartType, Worksheet, XlsxError};

/// A horizontal bar chart.
pub(crate) struct Bars<'a> {
    /// The sheet's name, which the chart's ranges name.
    pub sheet: &'a str,
    /// Its title.
    pub title: &'a str,
    /// The series' name.
    pub series: &'a str,
    /// First and last row of the data.
    pub rows: (u32, u32),
    /// The column of the labels and of the values.
    pub columns: (u16, u16),
    /// Where the chart's top-left corner goes.
    pub at: (u32, u16),
    /// Number format of the values on the axis ("0%").
    pub number_format: &'a str,
}

/// Inserts `bars` when every value in `values` is shown.
pub(crate) fn bars(sheet: &mut Worksheet, bars: &Bars<'_>, values: &[&Num]) -> Result<(), XlsxError> {
    let (first, last) = bars.rows;
    if values.is_empty() || values.iter().any(|v| v.value.is_none()) || last < first {
        return Ok(());
    }
    let mut chart = Chart::new(ChartType::Bar);
    chart
        .add_series()
        .set_name(bars.series)
        .set_categories((bars.sheet, first, bars.columns.0, last, bars.columns.0))
        .set_values((bars.sheet, first, bars.columns.1, last, bars.columns.1));
    chart.title().set_name(bars.title);
    chart.legend().set_hidden();
    // The first row on top, as in the table.
    chart.y_axis().set_reverse();
    // Bars start at zero: an axis from the smallest value exaggerates.
    chart.x_axis().set_num_format(bars.number_format).set_min(0.0);
    let count = last - first + 1;
    chart.set_width(560).set_height(24 * count.max(4) + 80);
    sheet.insert_chart(bars.at.0, bars.at.1, &chart)?;
    Ok(())
}
