use super::{Formats, Shape, add_table, add_table_shaped, excel_date, sum, write_num, write_opt};
use crate::i18n::Strings;
use crate::view::{CountRow, Detail, Num, PlanView};
use rust_xlsxwriter::{Chart, ChartType, Worksheet, XlsxError};

type Result = std::result::Result<(), XlsxError>;

fn strings(view: &PlanView) -> &'static Strings {
    view.meta.language.strings()
}

/// Who the edition is for and, in the council edition, how small groups
/// are hidden: the same words as on the PDF's cover and in its intro.
fn edition_notes(view: &PlanView) -> Vec<String> {
    let s = strings(view);
    let edition = view.meta.edition.key();
    let body = s.layout(&format!("/pdf/consultation/{}", view.organisation.consultation_body.key()));
    let k = view.meta.min_group_size.unwrap_or_default().to_string();
    let audience = s.layout(&format!("/pdf/edition/{edition}/audience"));
    let mut notes = vec![audience.replace("{body}", body).replace("{k}", &k)];
    if view.meta.min_group_size.is_some() {
        notes.push(s.layout("/pdf/protection/text").replace("{k}", &k));
    }
    notes
}

/// One figure per row: label, value (a number with its format), unit.
pub fn key_figures(sheet: &mut Worksheet, view: &PlanView, f: &Formats) -> Result {
    let s = strings(view);
    sheet.set_name(s.annex("sheet_key_figures"))?;
    let w = &view.workforce;
    let t = &view.training_right;
    let rows: Vec<(&str, &Num, &rust_xlsxwriter::Format)> = vec![
        ("headcount", &w.headcount, &f.count),
        ("fte", &w.fte, &f.fte),
        ("female_share", &w.female_share, &f.percent),
        ("average_age", &w.average_age, &f.decimal),
        ("trainings", &view.trainings.count, &f.count),
        ("participations", &t.participations, &f.count),
        ("planned_hours", &t.hours, &f.hours),
        ("planned_days", &t.days, &f.decimal),
        ("days_per_fte", &t.days_per_fte, &f.fte),
        // Two decimals, as the PDF gives a weighted target (4,58).
        ("target_days_per_fte", &t.target_days_per_fte, &f.fte),
        ("attainment", &t.attainment, &f.percent),
        ("budget", &t.budget, &f.euro),
        ("budget_per_fte", &t.budget_per_fte, &f.euro),
        ("participation_rate", &view.participation.overall.rate, &f.percent),
        ("size_fte", &view.legal.size_fte, &f.fte),
        ("accounts_below", &view.legal.accounts.below, &f.count),
        ("accounts_at", &view.legal.accounts.at, &f.count),
        ("accounts_above", &view.legal.accounts.above, &f.count),
    ];
    let headers = [s.annex("col_figure"), s.annex("col_value")];
    for (row, (key, num, format)) in (1..).zip(&rows) {
        sheet.write_string(row, 0, s.annex(key))?;
        write_num(sheet, row, 1, num, format)?;
    }
    let next = add_table(sheet, 0, &headers, rows.len() as u32)?;
    let o = &view.organisation;
    let facts = [
        (s.annex("organisation"), o.name.clone()),
        (s.annex("enterprise_number"), o.enterprise_number.clone()),
        (s.annex("plan_year"), view.meta.year.to_string()),
        (s.annex("reference_date"), view.meta.reference_date.short.clone()),
        (s.annex("mandatory"), s.labels.yes_no(view.legal.mandatory).to_string()),
        (s.annex("edition"), s.layout(&format!("/pdf/edition/{}/name", view.meta.edition.key())).to_string()),
    ];
    for (i, (label, value)) in facts.iter().enumerate() {
        sheet.write_string(next + 1 + i as u32, 0, *label)?;
        sheet.write_string(next + 1 + i as u32, 1, value)?;
    }
    // Wrapped over the two columns, so the sheet still prints one page wide.
    let wrapped = rust_xlsxwriter::Format::new().set_text_wrap().set_align(rust_xlsxwriter::FormatAlign::Top);
    for (row, line) in (next + 2 + facts.len() as u32..).zip(edition_notes(view)) {
        sheet.merge_range(row, 0, row, 1, &line, &wrapped)?;
        let lines = line.chars().count().div_ceil(62).max(1);
        sheet.set_row_height(row, 15.0 * lines as f64)?;
    }
    sheet.set_column_width(0, 42)?;
    sheet.set_column_width(1, 18)?;
    sheet.set_freeze_panes(1, 0)?;
    // Printed, the header row heads every page.
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}

/// The workforce tables one under the other, with a chart of FTE per department.
pub fn composition(sheet: &mut Worksheet, view: &PlanView, f: &Formats) -> Result {
    let s = strings(view);
    let name = s.annex("sheet_composition");
    sheet.set_name(name)?;
    let w = &view.workforce;
    super::sheet_title(sheet, view, name, f)?;
    let mut row = 1;
    row = count_table(sheet, row, s.annex("by_gender"), s.annex("col_gender"), &w.genders, s, f)?;
    // Age bands: heads per gender.
    sheet.write_string_with_format(row, 0, s.annex("by_age"), &f.title)?;
    let headers = [
        s.annex("col_age"),
        s.annex("col_male"),
        s.annex("col_female"),
        s.annex("col_x"),
        s.annex("col_total"),
        s.annex("col_fte"),
    ];
    let bands: Vec<_> = w.age_bands.iter().chain(&w.age_unknown).collect();
    for (i, band) in bands.iter().enumerate() {
        let r = row + 2 + i as u32;
        sheet.write_string(r, 0, &band.label)?;
        for (c, num) in [&band.male, &band.female, &band.x, &band.total].into_iter().enumerate() {
            write_num(sheet, r, c as u16 + 1, num, &f.count)?;
        }
        write_num(sheet, r, 5, &band.fte, &f.fte)?;
    }
    row = add_table(sheet, row + 1, &headers, bands.len() as u32)? + 1;
    let departments_row = row;
    row = count_table(sheet, row, s.annex("by_department"), s.annex("col_department"), &w.departments, s, f)?;
    row = count_table(sheet, row, s.annex("by_statute"), s.annex("col_statute"), &w.statutes, s, f)?;
    row = count_table(sheet, row, s.annex("by_education"), s.annex("col_education"), &w.education, s, f)?;
    // Risk groups.
    sheet.write_string_with_format(row, 0, s.annex("by_risk_group"), &f.title)?;
    let headers = [
        s.annex("col_group"),
        s.annex("col_heads"),
        s.annex("col_fte"),
        s.annex("col_share"),
        s.annex("col_targeted"),
    ];
    for (i, r) in view.risk_groups.iter().enumerate() {
        let at = row + 2 + i as u32;
        sheet.write_string(at, 0, &r.label)?;
        write_num(sheet, at, 1, &r.heads, &f.count)?;
        write_num(sheet, at, 2, &r.fte, &f.fte)?;
        write_num(sheet, at, 3, &r.share, &f.percent)?;
        write_num(sheet, at, 4, &r.targeted, &f.count)?;
    }
    add_table(sheet, row + 1, &headers, view.risk_groups.len() as u32)?;
    department_chart(sheet, name, departments_row + 2, w.departments.len() as u32, s)?;
    sheet.set_column_width(0, 30)?;
    for c in 1..=5 {
        sheet.set_column_width(c, 12)?;
    }
    Ok(())
}

/// Title, then a table of groups: label, heads, FTE, share. Returns the next free row.
fn count_table(
    sheet: &mut Worksheet,
    row: u32,
    title: &str,
    group_header: &str,
    rows: &[CountRow],
    s: &Strings,
    f: &Formats,
) -> std::result::Result<u32, XlsxError> {
    sheet.write_string_with_format(row, 0, title, &f.title)?;
    for (i, r) in rows.iter().enumerate() {
        let at = row + 2 + i as u32;
        sheet.write_string(at, 0, &r.label)?;
        write_num(sheet, at, 1, &r.heads, &f.count)?;
        write_num(sheet, at, 2, &r.fte, &f.fte)?;
        write_num(sheet, at, 3, &r.share, &f.percent)?;
    }
    let headers = [group_header, s.annex("col_heads"), s.annex("col_fte"), s.annex("col_share")];
    Ok(add_table(sheet, row + 1, &headers, rows.len() as u32)? + 1)
}

fn department_chart(sheet: &mut Worksheet, sheet_name: &str, first: u32, count: u32, s: &Strings) -> Result {
    if count == 0 {
        return Ok(());
    }
    let last = first + count - 1;
    let mut chart = Chart::new(ChartType::Bar);
    chart
        .add_series()
        .set_name(s.annex("col_fte"))
        .set_categories((sheet_name, first, 0, last, 0))
        .set_values((sheet_name, first, 2, last, 2));
    chart.title().set_name(s.annex("chart_fte_per_department"));
    chart.legend().set_hidden();
    chart.y_axis().set_reverse();
    chart.set_width(560).set_height(24 * count.max(8) + 80);
    sheet.insert_chart(0, 7, &chart)?;
    Ok(())
}

/// Every training with every field of the plan template.
pub fn trainings(sheet: &mut Worksheet, view: &PlanView, f: &Formats) -> Result {
    let s = strings(view);
    sheet.set_name(s.annex("sheet_trainings"))?;
    let keys = [
        "col_code",
        "col_title",
        "col_theme",
        "col_goal",
        "col_target_group",
        "col_kind",
        "col_start",
        "col_end",
        "col_language",
        "col_method",
        "col_registrations",
        "col_duration",
        "col_provider",
        "col_budget",
        "col_evaluation",
        "col_risk_groups",
        "col_pillar",
        "col_participations",
        "col_completed",
        "col_hours",
    ];
    let headers: Vec<&str> = keys.iter().map(|k| s.annex(k)).collect();
    let rows = view.trainings.groups.iter().flat_map(|g| &g.trainings);
    let mut count = 0;
    // Long texts wrap within their column rather than run under the next.
    let wrap = rust_xlsxwriter::Format::new().set_text_wrap().set_align(rust_xlsxwriter::FormatAlign::Top);
    let wrapped = |sheet: &mut Worksheet, r: u32, c: u16, text: Option<&str>| match text {
        Some(text) => sheet.write_string_with_format(r, c, text, &wrap).map(|_| ()),
        None => Ok(()),
    };
    for (i, t) in rows.enumerate() {
        let r = 1 + i as u32;
        sheet.write_string(r, 0, &t.code)?;
        wrapped(sheet, r, 1, Some(&t.title))?;
        write_opt(sheet, r, 2, t.theme.as_deref())?;
        write_opt(sheet, r, 3, t.goal.as_deref())?;
        wrapped(sheet, r, 4, t.target_group.as_deref())?;
        sheet.write_string(r, 5, &t.kind_label)?;
        for (c, date) in [(6, &t.start), (7, &t.end)] {
            if let Some(date) = date.as_ref().and_then(|d| d.iso.parse::<jiff::civil::Date>().ok()) {
                sheet.write_date_with_format(r, c, &excel_date(date)?, &f.date)?;
            }
        }
        write_opt(sheet, r, 8, t.language.as_deref())?;
        wrapped(sheet, r, 9, t.method.as_deref())?;
        write_num(sheet, r, 10, &t.registrations, &f.count)?;
        write_num(sheet, r, 11, &t.duration, &f.hours)?;
        wrapped(sheet, r, 12, t.provider.as_deref())?;
        write_num(sheet, r, 13, &t.budget, &f.euro)?;
        wrapped(sheet, r, 14, t.evaluation.as_deref())?;
        wrapped(sheet, r, 15, Some(&t.risk_groups.join(", ")))?;
        write_opt(sheet, r, 16, t.pillar.as_deref())?;
        write_num(sheet, r, 17, &t.participations, &f.count)?;
        write_num(sheet, r, 18, &t.completed, &f.count)?;
        write_num(sheet, r, 19, &t.hours, &f.hours)?;
        count += 1;
    }
    let total = s.annex("col_total");
    let all: Vec<_> = view.trainings.groups.iter().flat_map(|g| &g.trainings).collect();
    let sums = [
        (13, &f.euro, sum(all.iter().map(|t| &t.budget))),
        (17, &f.count, sum(all.iter().map(|t| &t.participations))),
        (18, &f.count, sum(all.iter().map(|t| &t.completed))),
        (19, &f.hours, sum(all.iter().map(|t| &t.hours))),
    ];
    let complete = |c: u16| {
        all.iter().all(|t| match c {
            17 => t.participations.value.is_some(),
            18 => t.completed.value.is_some(),
            19 => t.hours.value.is_some(),
            _ => true,
        })
    };
    let sums = super::shown_sums(&sums, complete);
    let shape = Shape { numbers: &[10, 11, 13, 17, 18, 19], totals: Some((total, &sums)) };
    add_table_shaped(sheet, 0, &headers, count, &shape)?;
    let widths = [10, 28, 14, 9, 24, 11, 11, 11, 8, 16, 12, 8, 18, 11, 20, 16, 12, 11, 10, 10];
    for (c, width) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, *width)?;
    }
    sheet.set_freeze_panes(1, 2)?;
    sheet.set_repeat_rows(0, 0)?;
    // Twenty columns: on A3 they print one page wide at a size one can read.
    sheet.set_paper_size(8);
    Ok(())
}

/// Training effort by kind of training and by strategic goal.
pub fn effort(sheet: &mut Worksheet, view: &PlanView, f: &Formats) -> Result {
    let s = strings(view);
    sheet.set_name(s.annex("sheet_effort"))?;
    super::sheet_title(sheet, view, s.annex("sheet_effort"), f)?;
    sheet.write_string_with_format(1, 0, s.annex("by_kind"), &f.title)?;
    let headers = [
        s.annex("col_kind"),
        s.annex("col_trainings"),
        s.annex("col_participations"),
        s.annex("col_participants"),
        s.annex("col_hours"),
        s.annex("col_days"),
        s.annex("col_share_hours"),
    ];
    let kinds = &view.training_right.by_kind;
    for (i, k) in kinds.iter().enumerate() {
        let r = 3 + i as u32;
        sheet.write_string(r, 0, &k.label)?;
        write_num(sheet, r, 1, &k.trainings, &f.count)?;
        write_num(sheet, r, 2, &k.participations, &f.count)?;
        write_num(sheet, r, 3, &k.participants, &f.count)?;
        write_num(sheet, r, 4, &k.hours, &f.hours)?;
        write_num(sheet, r, 5, &k.days, &f.decimal)?;
        write_num(sheet, r, 6, &k.share_of_hours, &f.percent)?;
    }
    let total = s.annex("col_total");
    let sums = [
        (1, &f.count, sum(kinds.iter().map(|k| &k.trainings))),
        (2, &f.count, sum(kinds.iter().map(|k| &k.participations))),
        (4, &f.hours, sum(kinds.iter().map(|k| &k.hours))),
        (5, &f.decimal, sum(kinds.iter().map(|k| &k.days))),
    ];
    // Participants are not added up: one person may take part in several kinds.
    let complete = |c: u16| match c {
        2 => kinds.iter().all(|k| k.participations.value.is_some()),
        4 | 5 => kinds.iter().all(|k| k.hours.value.is_some()),
        _ => true,
    };
    let sums = super::shown_sums(&sums, complete);
    let shape = Shape { numbers: &[1, 2, 3, 4, 5, 6], totals: Some((total, &sums)) };
    let row = add_table_shaped(sheet, 2, &headers, kinds.len() as u32, &shape)? + 1;
    sheet.write_string_with_format(row, 0, s.annex("by_goal"), &f.title)?;
    let headers = [
        s.annex("col_goal"),
        s.annex("col_title"),
        s.annex("col_trainings"),
        s.annex("col_hours"),
        s.annex("col_budget"),
    ];
    let goals = &view.strategy.goals;
    for (i, g) in goals.iter().enumerate() {
        let r = row + 2 + i as u32;
        sheet.write_string(r, 0, &g.id)?;
        sheet.write_string(r, 1, &g.title)?;
        write_num(sheet, r, 2, &g.trainings, &f.count)?;
        write_num(sheet, r, 3, &g.hours, &f.hours)?;
        write_num(sheet, r, 4, &g.budget, &f.euro)?;
    }
    // Trainings without a goal, as the budget sheet has them: the table
    // adds up to every training's hours and budget.
    let unassigned = view.trainings.groups.iter().find(|g| g.id.is_none());
    let mut count = goals.len() as u32;
    let mut totals = [
        sum(goals.iter().map(|g| &g.trainings)),
        sum(goals.iter().map(|g| &g.hours)),
        sum(goals.iter().map(|g| &g.budget)),
    ];
    if let Some(group) = unassigned {
        let r = row + 2 + count;
        let no_goal = [
            group.trainings.len() as f64,
            sum(group.trainings.iter().map(|t| &t.hours)),
            sum(group.trainings.iter().map(|t| &t.budget)),
        ];
        sheet.write_string(r, 1, s.layout("/pdf/trainings/no_goal"))?;
        let hours_shown = group.trainings.iter().all(|t| t.hours.value.is_some());
        for (c, (value, format)) in no_goal.iter().zip([&f.count, &f.hours, &f.euro]).enumerate() {
            if c == 1 && !hours_shown {
                // A sum over a withheld training's hours would give them away.
                sheet.write_string_with_format(
                    r,
                    3,
                    "•",
                    &rust_xlsxwriter::Format::new().set_align(rust_xlsxwriter::FormatAlign::Right),
                )?;
                continue;
            }
            sheet.write_number_with_format(r, 2 + c as u16, *value, format)?;
            totals[c] += value;
        }
        count += 1;
    }
    let mut row = row;
    if count > 0 {
        let total = s.annex("col_total");
        let sums = [(2, &f.count, totals[0]), (3, &f.hours, totals[1]), (4, &f.euro, totals[2])];
        let hours_complete = goals.iter().all(|g| g.hours.value.is_some())
            && unassigned.is_none_or(|g| g.trainings.iter().all(|t| t.hours.value.is_some()));
        let sums = super::shown_sums(&sums, |c| c != 3 || hours_complete);
        let shape = Shape { numbers: &[2, 3, 4], totals: Some((total, &sums)) };
        row = add_table_shaped(sheet, row + 1, &headers, count, &shape)? + 1;
    }
    target_chart(sheet, view, row, f)?;
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 40)?;
    for c in 2..=6 {
        sheet.set_column_width(c, 13)?;
    }
    Ok(())
}

/// Planned training days per FTE against the target, as a table of two
/// rows and a chart of them.
fn target_chart(sheet: &mut Worksheet, view: &PlanView, row: u32, f: &Formats) -> Result {
    let s = strings(view);
    let t = &view.training_right;
    sheet.write_string_with_format(row, 0, s.annex("days_against_target"), &f.title)?;
    let rows = [
        (s.annex("days_per_fte"), &t.days_per_fte),
        (s.annex("target_days_per_fte"), &t.target_days_per_fte),
    ];
    for (i, (label, num)) in rows.iter().enumerate() {
        let r = row + 2 + i as u32;
        sheet.write_string(r, 0, *label)?;
        // Days per FTE and the target to two decimals, as in the PDF.
        write_num(sheet, r, 1, num, &f.fte)?;
    }
    let headers = [s.annex("col_figure"), s.annex("col_value")];
    add_table_shaped(sheet, row + 1, &headers, 2, &Shape { numbers: &[1], totals: None })?;
    let bars = super::charts::Bars {
        sheet: s.annex("sheet_effort"),
        title: s.annex("days_against_target"),
        series: s.annex("col_value"),
        rows: (row + 2, row + 3),
        columns: (0, 1),
        at: (row, 4),
        number_format: "0.0",
    };
    super::charts::bars(sheet, &bars, &[&t.days_per_fte, &t.target_days_per_fte])
}

/// Participation rate and hours per group.
pub fn participation(sheet: &mut Worksheet, view: &PlanView, f: &Formats) -> Result {
    let s = strings(view);
    sheet.set_name(s.annex("sheet_participation"))?;
    let headers = [
        s.annex("col_breakdown"),
        s.annex("col_group"),
        s.annex("col_heads"),
        s.annex("col_participants"),
        s.annex("col_rate"),
        s.annex("col_hours"),
        s.annex("col_hours_per_fte"),
    ];
    let p = &view.participation;
    let overall = std::iter::once(("total", &p.overall));
    let by_group = p.sections.iter().flat_map(|sec| sec.rows.iter().map(move |r| (sec.key.key(), r)));
    let mut count = 0;
    for (i, (key, g)) in overall.chain(by_group).enumerate() {
        let r = 1 + i as u32;
        sheet.write_string(r, 0, s.annex(&format!("breakdown_{key}")))?;
        sheet.write_string(r, 1, &g.label)?;
        write_num(sheet, r, 2, &g.heads, &f.count)?;
        write_num(sheet, r, 3, &g.participants, &f.count)?;
        write_num(sheet, r, 4, &g.rate, &f.percent)?;
        write_num(sheet, r, 5, &g.hours, &f.hours)?;
        write_num(sheet, r, 6, &g.hours_per_fte, &f.decimal)?;
        count += 1;
    }
    add_table(sheet, 0, &headers, count)?;
    // The rates of the first sections (gender, age, risk groups) as bars.
    let charted: Vec<&Num> =
        p.sections.iter().take(3).flat_map(|sec| sec.rows.iter().map(|r| &r.rate)).collect();
    let name = s.annex("sheet_participation");
    let bars = super::charts::Bars {
        sheet: name,
        title: s.annex("chart_participation"),
        series: s.annex("col_rate"),
        rows: (2, 1 + charted.len() as u32),
        columns: (1, 4),
        at: (0, 8),
        number_format: "0%",
    };
    super::charts::bars(sheet, &bars, &charted)?;
    sheet.set_column_width(0, 18)?;
    sheet.set_column_width(1, 30)?;
    for c in 2..=6 {
        sheet.set_column_width(c, 13)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    // Printed, the header row heads every page.
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}

/// One row per participation (internal: it names employees).
pub fn participations(sheet: &mut Worksheet, view: &PlanView, detail: &Detail, f: &Formats) -> Result {
    let s = strings(view);
    sheet.set_name(s.annex("sheet_participations"))?;
    let keys = [
        "col_employee_id",
        "col_name",
        "col_department",
        "col_code",
        "col_title",
        "col_kind",
        "col_hours",
        "col_status",
        "col_date",
        "col_cost",
        "col_active",
    ];
    let headers: Vec<&str> = keys.iter().map(|k| s.annex(k)).collect();
    let labels = &s.labels;
    for (i, p) in detail.participations.iter().enumerate() {
        let r = 1 + i as u32;
        sheet.write_string(r, 0, &p.employee_id)?;
        write_opt(sheet, r, 1, p.name.as_deref())?;
        write_opt(sheet, r, 2, p.department.as_deref())?;
        sheet.write_string(r, 3, &p.training_code)?;
        sheet.write_string(r, 4, &p.training_title)?;
        sheet.write_string(r, 5, &p.kind)?;
        sheet.write_number_with_format(r, 6, p.hours, &f.hours)?;
        sheet.write_string(r, 7, &p.status)?;
        if let Some(date) = p.date {
            sheet.write_date_with_format(r, 8, &excel_date(date)?, &f.date)?;
        }
        if let Some(cost) = p.cost {
            sheet.write_number_with_format(r, 9, cost, &f.euro)?;
        }
        sheet.write_string(r, 10, labels.yes_no(p.active))?;
    }
    let total = s.annex("col_total");
    let hours = detail.participations.iter().map(|p| p.hours).sum();
    let cost = detail.participations.iter().filter_map(|p| p.cost).sum();
    let sums = [(6, &f.hours, hours), (9, &f.euro, cost)];
    let shape = Shape { numbers: &[6, 9], totals: Some((total, &sums)) };
    add_table_shaped(sheet, 0, &headers, detail.participations.len() as u32, &shape)?;
    let widths = [14, 26, 18, 10, 36, 12, 8, 12, 12, 12, 10];
    for (c, width) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}
