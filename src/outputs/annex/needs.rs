//! The internal annex's to-do list of training needs: per employee, what
//! expires when or is missing, and which training covers it.

use super::{Formats, add_table, excel_date};
use crate::view::{Detail, PlanView};
use rust_xlsxwriter::{Worksheet, XlsxError};

/// One row per unmet need (internal edition: names people).
pub fn to_do(sheet: &mut Worksheet, view: &PlanView, detail: &Detail, f: &Formats) -> Result<(), XlsxError> {
    let s = view.meta.language.strings();
    sheet.set_name(s.annex("sheet_needs"))?;
    let keys = [
        "col_employee_id",
        "col_name",
        "col_department",
        "col_need",
        "col_need_status",
        "col_valid_until",
        "col_covered_by",
    ];
    let headers: Vec<&str> = keys.iter().map(|k| s.annex(k)).collect();
    for (i, n) in detail.needs.iter().enumerate() {
        let r = 1 + i as u32;
        sheet.write_string(r, 0, &n.employee_id)?;
        if let Some(name) = &n.name {
            sheet.write_string(r, 1, name)?;
        }
        if let Some(department) = &n.department {
            sheet.write_string(r, 2, department)?;
        }
        sheet.write_string(r, 3, &n.need)?;
        sheet.write_string(r, 4, &n.status)?;
        if let Some(date) = n.valid_until {
            sheet.write_date_with_format(r, 5, &excel_date(date)?, &f.date)?;
        }
        sheet.write_string(r, 6, &n.covered_by)?;
    }
    add_table(sheet, 0, &headers, detail.needs.len() as u32)?;
    for (c, width) in [14, 26, 22, 18, 20, 12, 22].iter().enumerate() {
        sheet.set_column_width(c as u16, *width)?;
    }
    sheet.set_freeze_panes(1, 2)?;
    Ok(())
}
