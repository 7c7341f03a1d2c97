//! Annex sheets for the legal frame: the budget and suppliers, the social
//! balance sheet and the individual training accounts.

use super::{Formats, Shape, add_table, add_table_shaped, sum, write_num};
use crate::view::{Detail, PlanView};
use rust_xlsxwriter::{Worksheet, XlsxError};

type Result = std::result::Result<(), XlsxError>;

/// Budget by goal and by department, and the suppliers.
pub fn budget(sheet: &mut Worksheet, view: &PlanView, f: &Formats) -> Result {
    let s = view.meta.language.strings();
    sheet.set_name(s.annex("sheet_budget"))?;
    let b = &view.annual.budget;
    super::sheet_title(sheet, view, s.annex("sheet_budget"), f)?;
    let mut row = 1;
    let amounts: Vec<&crate::view::Num> = b.by_goal.iter().map(|r| &r.amount).collect();
    let bars = super::charts::Bars {
        sheet: s.annex("sheet_budget"),
        title: s.annex("chart_budget_per_goal"),
        series: s.annex("col_budget"),
        rows: (3, 2 + amounts.len() as u32),
        columns: (0, 1),
        at: (1, 5),
        number_format: "€ #,##0",
    };
    super::charts::bars(sheet, &bars, &amounts)?;
    for (title, rows) in [(s.annex("by_goal"), &b.by_goal), (s.annex("by_department"), &b.by_department)] {
        sheet.write_string_with_format(row, 0, title, &f.title)?;
        for (i, r) in rows.iter().enumerate() {
            let at = row + 2 + i as u32;
            sheet.write_string(at, 0, &r.label)?;
            write_num(sheet, at, 1, &r.amount, &f.euro)?;
            write_num(sheet, at, 2, &r.share, &f.percent)?;
        }
        let headers = [title, s.annex("col_budget"), s.annex("col_share")];
        // A total only where every amount is shown: one of shown amounts
        // would not be the total (withheld departments).
        let all_shown = rows.iter().all(|r| r.amount.value.is_some());
        let sums = [
            (1, &f.euro, sum(rows.iter().map(|r| &r.amount))),
            (2, &f.percent, sum(rows.iter().map(|r| &r.share))),
        ];
        let totals = all_shown.then_some((s.annex("col_total"), &sums[..]));
        row = add_table_shaped(
            sheet,
            row + 1,
            &headers,
            rows.len() as u32,
            &Shape { numbers: &[1, 2], totals },
        )? + 1;
    }
    sheet.write_string_with_format(row, 0, s.annex("suppliers"), &f.title)?;
    for (i, r) in view.annual.suppliers.iter().enumerate() {
        let at = row + 2 + i as u32;
        sheet.write_string(at, 0, &r.label)?;
        write_num(sheet, at, 1, &r.trainings, &f.count)?;
        write_num(sheet, at, 2, &r.hours, &f.hours)?;
        write_num(sheet, at, 3, &r.budget, &f.euro)?;
    }
    let headers =
        [s.annex("col_provider"), s.annex("col_trainings"), s.annex("col_hours"), s.annex("col_budget")];
    let suppliers = &view.annual.suppliers;
    let sums = [
        (1, &f.count, sum(suppliers.iter().map(|r| &r.trainings))),
        (2, &f.hours, sum(suppliers.iter().map(|r| &r.hours))),
        (3, &f.euro, sum(suppliers.iter().map(|r| &r.budget))),
    ];
    let sums = super::shown_sums(&sums, |c| c != 2 || suppliers.iter().all(|r| r.hours.value.is_some()));
    let shape = Shape { numbers: &[1, 2, 3], totals: Some((s.annex("col_total"), &sums)) };
    add_table_shaped(sheet, row + 1, &headers, view.annual.suppliers.len() as u32, &shape)?;
    sheet.set_column_width(0, 40)?;
    for c in 1..=3 {
        sheet.set_column_width(c, 14)?;
    }
    Ok(())
}

/// The training section of the social balance sheet: one row per item code.
pub fn social_balance(sheet: &mut Worksheet, view: &PlanView, f: &Formats) -> Result {
    let s = view.meta.language.strings();
    sheet.set_name(s.annex("sheet_social_balance"))?;
    let labels = &s.labels;
    let mut row = 1;
    for r in &view.social_balance.rows {
        for (gender, cells) in
            [(crate::model::Gender::Male, &r.men), (crate::model::Gender::Female, &r.women)]
        {
            let gender = crate::i18n::Localised::label(gender, labels);
            let measures = [
                (&cells.participants, s.annex("col_participants"), &f.count),
                (&cells.hours, s.annex("col_hours"), &f.hours),
                (&cells.cost, s.annex("col_net_cost"), &f.euro),
            ];
            for (coded, measure, format) in measures {
                write_code(sheet, row, coded.code)?;
                sheet.write_string(row, 1, &r.label)?;
                sheet.write_string(row, 2, gender)?;
                sheet.write_string(row, 3, measure)?;
                write_num(sheet, row, 4, &coded.value, format)?;
                row += 1;
            }
        }
    }
    // Formal training's net cost in its parts (58031-58033, 58131-58133).
    let formal = view.social_balance.rows.iter().find(|r| r.kind == crate::model::TrainingKind::Formal);
    for item in &view.social_balance.formal_items {
        let measure = s.layout(&format!("/pdf/social_balance/item_{}", item.key));
        for (gender, coded) in
            [(crate::model::Gender::Male, &item.men), (crate::model::Gender::Female, &item.women)]
        {
            write_code(sheet, row, coded.code)?;
            sheet.write_string(row, 1, formal.map_or("", |r| r.label.as_str()))?;
            sheet.write_string(row, 2, crate::i18n::Localised::label(gender, labels))?;
            sheet.write_string(row, 3, measure)?;
            write_num(sheet, row, 4, &coded.value, &f.euro)?;
            row += 1;
        }
    }
    let headers = [
        s.annex("col_code"),
        s.annex("col_kind"),
        s.annex("col_gender"),
        s.annex("col_measure"),
        s.annex("col_value"),
    ];
    let next = add_table(sheet, 0, &headers, row - 1)?;
    sheet.write_string(next + 1, 0, s.annex("social_balance_basis"))?;
    sheet.set_column_width(0, 8)?;
    sheet.set_column_width(1, 14)?;
    sheet.set_column_width(2, 12)?;
    sheet.set_column_width(3, 16)?;
    sheet.set_column_width(4, 14)?;
    sheet.set_freeze_panes(1, 0)?;
    // Printed, the header row heads every page.
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}

/// One row per employee employed in the plan year (internal: names people).
pub fn accounts(sheet: &mut Worksheet, view: &PlanView, detail: &Detail, f: &Formats) -> Result {
    let s = view.meta.language.strings();
    sheet.set_name(s.annex("sheet_accounts"))?;
    let keys = [
        "col_employee_id",
        "col_name",
        "col_department",
        "col_fte",
        "col_employed_share",
        "col_entitled",
        "col_carried",
        "col_planned_days",
        "col_followed_days",
        "col_remaining",
        "col_standing",
    ];
    let headers: Vec<&str> = keys.iter().map(|k| s.annex(k)).collect();
    for (i, a) in detail.accounts.iter().enumerate() {
        let r = 1 + i as u32;
        sheet.write_string(r, 0, &a.employee_id)?;
        if let Some(name) = &a.name {
            sheet.write_string(r, 1, name)?;
        }
        if let Some(department) = &a.department {
            sheet.write_string(r, 2, department)?;
        }
        sheet.write_number_with_format(r, 3, a.fte, &f.fte)?;
        sheet.write_number_with_format(r, 4, a.employed_share, &f.percent)?;
        sheet.write_number_with_format(r, 5, a.entitled, &f.fte)?;
        sheet.write_number_with_format(r, 6, a.carried, &f.fte)?;
        sheet.write_number_with_format(r, 7, a.planned, &f.fte)?;
        sheet.write_number_with_format(r, 8, a.followed, &f.fte)?;
        sheet.write_number_with_format(r, 9, a.remaining, &f.fte)?;
        sheet.write_string(r, 10, &a.standing)?;
    }
    let a = &detail.accounts;
    let total = |value: fn(&crate::view::AccountDetail) -> f64| a.iter().map(value).sum::<f64>();
    let sums = [
        (5, &f.fte, total(|a| a.entitled)),
        (6, &f.fte, total(|a| a.carried)),
        (7, &f.fte, total(|a| a.planned)),
        (8, &f.fte, total(|a| a.followed)),
        (9, &f.fte, total(|a| a.remaining)),
    ];
    let shape = Shape { numbers: &[3, 4, 5, 6, 7, 8, 9], totals: Some((s.annex("col_total"), &sums)) };
    add_table_shaped(sheet, 0, &headers, detail.accounts.len() as u32, &shape)?;
    let widths = [14, 26, 22, 8, 12, 12, 12, 12, 12, 12, 18];
    for (c, width) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, *width)?;
    }
    sheet.set_freeze_panes(1, 2)?;
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}

/// An item code of the social balance, as the number it is.
fn write_code(sheet: &mut Worksheet, row: u32, code: &str) -> Result {
    match code.parse::<f64>() {
        Ok(number) => sheet.write_number_with_format(
            row,
            0,
            number,
            &rust_xlsxwriter::Format::new().set_num_format("0"),
        )?,
        Err(_) => sheet.write_string(row, 0, code)?,
    };
    Ok(())
}
