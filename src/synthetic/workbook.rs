//! Writing a generated company as the workbook and `plan.toml` a user would bring.

use super::{Company, Spec, TRAININGS};
use crate::config::fields::{
    EmployeeField as E, Field, ParticipationField as P, QuarterField as Q, TrainingField as T,
};
use crate::i18n::Localised;
use crate::model::Language;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

pub const WORKBOOK: &str = "gegevens.xlsx";

fn header<F: Field>(field: F, language: Language) -> &'static str {
    field.names()[language.index()]
}

fn date(d: jiff::civil::Date) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

fn headers(sheet: &mut Worksheet, names: &[&str], bold: &Format) -> Result<(), XlsxError> {
    for (c, name) in names.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *name, bold)?;
        sheet.set_column_width(c as u16, (name.chars().count() as f64 + 4.0).max(12.0))?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

pub fn write(company: &Company) -> Result<Vec<u8>, XlsxError> {
    let language = company.spec.language;
    let yes_no = |b: bool| if b { &language.strings().labels.yes } else { &language.strings().labels.no };
    let mut book = Workbook::new();
    let created = date(jiff::civil::Date::new(company.spec.year, 1, 15).unwrap_or_default())?;
    book.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&created));
    let bold = Format::new().set_bold();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    let fte_format = Format::new().set_num_format("0.00");
    let euro = Format::new().set_num_format("€ #,##0");
    let labels = &language.strings().labels;

    let sheet = book.add_worksheet();
    sheet.set_name(crate::config::fields::EMPLOYEES.name(language))?;
    let columns = [
        E::Id,
        E::Name,
        E::Gender,
        E::BirthDate,
        E::Fte,
        E::StartDate,
        E::EndDate,
        E::Department,
        E::PreviousDepartment,
        E::JobTitle,
        E::Statute,
        E::Education,
        E::Disability,
        E::Nationality,
        E::Bottleneck,
        E::JointCommittee,
        E::Language,
        E::HourlyWage,
    ];
    headers(sheet, &columns.map(|f| header(f, language)), &bold)?;
    sheet.set_column_width(1, 24)?;
    sheet.set_column_width(7, 24)?;
    sheet.set_column_width(8, 24)?;
    sheet.set_column_width(9, 26)?;
    use crate::import::vocabulary::{EDUCATION, GENDER, RISK_GROUP, STATUS, STATUTE, TRAINING_KIND};
    for (i, e) in company.employees.iter().enumerate() {
        let r = 1 + i as u32;
        sheet.write_number(r, 0, f64::from(e.id))?;
        sheet.write_string(r, 1, &e.name)?;
        sheet.write_string(r, 2, GENDER.word(e.gender, language))?;
        sheet.write_date_with_format(r, 3, &date(e.birth)?, &date_format)?;
        sheet.write_number_with_format(r, 4, e.fte, &fte_format)?;
        sheet.write_date_with_format(r, 5, &date(e.start)?, &date_format)?;
        if let Some(end) = e.end {
            sheet.write_date_with_format(r, 6, &date(end)?, &date_format)?;
        }
        sheet.write_string(r, 7, e.department)?;
        if let Some(previous) = e.previous_department {
            sheet.write_string(r, 8, previous)?;
        }
        sheet.write_string(r, 9, e.job.title)?;
        sheet.write_string(r, 10, STATUTE.word(e.job.statute, language))?;
        sheet.write_string(r, 11, EDUCATION.word(e.job.education, language))?;
        sheet.write_string(r, 12, yes_no(e.disability))?;
        sheet.write_string(r, 13, e.nationality)?;
        sheet.write_string(r, 14, yes_no(e.job.bottleneck))?;
        sheet.write_string(r, 15, super::joint_committee(e))?;
        sheet.write_string(r, 16, super::language_of(e, language).code())?;
        sheet.write_number_with_format(
            r,
            17,
            super::hourly_wage(e),
            &Format::new().set_num_format("€ #,##0.00"),
        )?;
    }

    let sheet = book.add_worksheet();
    sheet.set_name(crate::config::fields::TRAININGS.name(language))?;
    let columns = [
        T::Code,
        T::Title,
        T::Theme,
        T::Goal,
        T::TargetGroup,
        T::Kind,
        T::StartDate,
        T::EndDate,
        T::Language,
        T::Method,
        T::Duration,
        T::Provider,
        T::Budget,
        T::Evaluation,
        T::RiskGroups,
        T::Pillar,
        T::Delivers,
    ];
    headers(sheet, &columns.map(|f| header(f, language)), &bold)?;
    sheet.set_column_width(1, 40)?;
    sheet.set_column_width(4, 40)?;
    let year = company.spec.year;
    for (i, t) in TRAININGS.iter().enumerate() {
        let r = 1 + i as u32;
        sheet.write_string(r, 0, t.code)?;
        sheet.write_string(r, 1, t.title)?;
        sheet.write_string(r, 2, t.theme)?;
        if let Some(goal) = t.goal {
            sheet.write_string(r, 3, goal)?;
        }
        sheet.write_string(r, 4, t.target_group)?;
        sheet.write_string(r, 5, TRAINING_KIND.word(t.kind, language))?;
        let first = jiff::civil::Date::new(year, t.months.0, 1).unwrap_or_default();
        let last = jiff::civil::Date::new(year, t.months.1, 1).unwrap_or_default().last_of_month();
        sheet.write_date_with_format(r, 6, &date(first)?, &date_format)?;
        sheet.write_date_with_format(r, 7, &date(last)?, &date_format)?;
        sheet.write_string(r, 8, t.language)?;
        sheet.write_string(r, 9, t.method)?;
        sheet.write_number(r, 10, t.hours)?;
        sheet.write_string(r, 11, t.provider)?;
        if let Some(budget) = t.budget {
            sheet.write_number_with_format(r, 12, budget, &euro)?;
        }
        sheet.write_string(r, 13, t.evaluation)?;
        let groups: Vec<&str> = t.risk_groups.iter().map(|g| RISK_GROUP.word(*g, language)).collect();
        sheet.write_string(r, 14, groups.join(", "))?;
        sheet.write_string(r, 15, t.pillar.label(labels))?;
        if let Some(delivers) = super::needs::delivers(t.code) {
            sheet.write_string(r, 16, delivers)?;
        }
    }

    let sheet = book.add_worksheet();
    sheet.set_name(crate::config::fields::PARTICIPATIONS.name(language))?;
    let columns = [P::EmployeeId, P::TrainingCode, P::Hours, P::Status, P::Date, P::Cost];
    headers(sheet, &columns.map(|f| header(f, language)), &bold)?;
    for (i, p) in company.participations.iter().enumerate() {
        let r = 1 + i as u32;
        sheet.write_number(r, 0, f64::from(p.employee))?;
        sheet.write_string(r, 1, p.training)?;
        if let Some(hours) = p.hours {
            sheet.write_number(r, 2, hours)?;
        }
        sheet.write_string(r, 3, STATUS.word(p.status, language))?;
        if let Some(d) = p.date {
            sheet.write_date_with_format(r, 4, &date(d)?, &date_format)?;
        }
        if let Some(cost) = p.cost {
            sheet.write_number_with_format(r, 5, cost, &euro)?;
        }
    }
    let sheet = book.add_worksheet();
    sheet.set_name(crate::config::fields::QUARTERS.name(language))?;
    headers(sheet, &[header(Q::Quarter, language), header(Q::Fte, language)], &bold)?;
    for (i, (year, quarter, fte)) in super::quarterly_fte(company).into_iter().enumerate() {
        let r = 1 + i as u32;
        sheet.write_string(r, 0, format!("{year}-Q{quarter}"))?;
        sheet.write_number_with_format(r, 1, fte, &Format::new().set_num_format("0.0"))?;
    }
    balances(book.add_worksheet(), company, &bold)?;
    super::needs::write(&mut book, company, &bold, &date_format)?;
    book.save_to_buffer()
}

/// Last year's balances of the training right: days not taken at the end
/// of the year before the plan, for those employed then who had some left.
fn balances(sheet: &mut Worksheet, company: &Company, bold: &Format) -> Result<(), XlsxError> {
    use crate::config::fields::BalanceField as B;
    let language = company.spec.language;
    sheet.set_name(crate::config::fields::BALANCES.name(language))?;
    headers(sheet, &[B::EmployeeId, B::Days, B::Year].map(|f| header(f, language)), bold)?;
    let last_year = company.spec.year - 1;
    let rows = company.employees.iter().filter_map(|e| super::balance(e, last_year).map(|days| (e.id, days)));
    for (i, (id, days)) in rows.enumerate() {
        let r = 1 + i as u32;
        sheet.write_number(r, 0, f64::from(id))?;
        sheet.write_number(r, 1, days)?;
        sheet.write_number(r, 2, f64::from(last_year))?;
    }
    Ok(())
}

/// A complete `plan.toml` for a generated company.
pub fn plan_toml(spec: &Spec) -> String {
    format!(
        r#"# Plan folder of a fictional company, written by `opleidingsplan demo`.
# Keys are English; values are in the plan's language.

[organisation]
name = "{name}"
enterprise_number = "{number}"
registered_office = "{office}"
joint_committees = ["111", "200"]
works_council = true
union_delegation = true

[plan]
year = {year}
language = "{language}"
# reference_date = {prev}-12-31     # default: 31 December before the plan year
# training_days_per_fte = 5         # target of the individual training right
# hours_per_day = 7.6
# age_bands = [25, 35, 45, 50, 55]
# min_group_size = 5               # council edition: smaller groups are hidden
employee_summary = true            # also a one-page summary in plain words for all employees

[input]
workbook = "{workbook}"

[strategy]
mission = "Wij ontwerpen en bouwen op maat gemaakte machines voor de voedingsindustrie, veilig, betrouwbaar en met oog voor onderhoud."
vision = "In 2030 zijn we de referentie in Vlaanderen voor flexibele productielijnen, met vakmensen die we grotendeels zelf opleiden."
learning_vision = "Leren gebeurt vooral op de werkvloer: ervaren collega's geven hun vakmanschap door, leidinggevenden coachen en iedereen krijgt tijd om bij te leren. Formele opleidingen vullen aan waar een attest of specialistische kennis nodig is."
stakeholders = "Het opleidingsbeleid wordt voorbereid door een werkgroep met een operator, een technieker, een bediende, een ploegleider en de HR-verantwoordelijke. De ondernemingsraad geeft advies; de directie keurt het budget goed."
communication = "Het plan wordt voorgesteld op de personeelsvergadering in april, hangt uit in de refter en staat op het intranet. Elke medewerker bespreekt zijn opleidingen in het jaarlijkse POP-gesprek."

[strategy.needs]
individual = "Attesten voor veilig werken vernieuwen, digitale basisvaardigheden voor operatoren die weinig met een computer werken, Nederlands voor anderstalige collega's."
team = "De ploegen werken met het nieuwe MES; ploegleiders leren coachen in plaats van enkel op te volgen."
organisation = "Knelpuntfuncties (lassers, elektromecaniciens, ontwerpers) zelf opleiden, en kennis van ervaren collega's doorgeven voor zij met pensioen gaan."

[[strategy.goals]]
id = "D1"
title = "Veilig werken"
description = "Geen enkel arbeidsongeval met werkverlet en alle wettelijke attesten op orde."
measure = "Frequentiegraad arbeidsongevallen onder 5; alle VCA- en heftruckattesten geldig."

[[strategy.goals]]
id = "D2"
title = "Digitale productie en administratie"
description = "Het nieuwe MES en ERP worden door iedereen vlot gebruikt."
measure = "Alle operatoren registreren hun productie in het MES tegen eind {year}."

[[strategy.goals]]
id = "D3"
title = "Vakmanschap en knelpuntfuncties"
description = "Knelpuntfuncties vullen we zoveel mogelijk met eigen mensen."
measure = "Vier interne kandidaten doorgestroomd naar een knelpuntfunctie."

[[strategy.goals]]
id = "D4"
title = "Coachend leiderschap"
description = "Leidinggevenden ondersteunen de ontwikkeling van hun teamleden."
measure = "Elke leidinggevende voert met elk teamlid een POP-gesprek."

[[strategy.goals]]
id = "D5"
title = "Inclusie en duurzame inzetbaarheid"
description = "Iedereen kan zich blijven ontwikkelen, ongeacht leeftijd, beperking of taal."
measure = "Deelnamegraad van 50-plussers en van niet-EU-medewerkers minstens gelijk aan het gemiddelde."

[annual]
goals = [
  "Iedereen in productie, assemblage en logistiek heeft een geldig VCA-attest.",
  "Alle operatoren werken vlot met het MES; de administratie werkt in het nieuwe ERP.",
  "Vier interne kandidaten starten een traject naar een knelpuntfunctie.",
  "Elke leidinggevende voert een POP-gesprek met elk teamlid.",
]
forms_of_learning = "Klassikale opleiding voor attesten en specialistische kennis; leren op de werkvloer met peters en meters; e-learning voor digitale vaardigheden; coaching en intervisie voor leidinggevenden."
rules = [
  "Opleidingen die het plan voorziet, gelden als arbeidstijd en worden volledig door de werkgever betaald.",
  "Wie een opleiding van meer dan 80 uur volgt, tekent een scholingsbeding volgens de wettelijke regels.",
  "Een opleiding annuleren kan tot tien werkdagen vooraf, in overleg met de leidinggevende.",
  "Na elke formele opleiding bespreekt de deelnemer met zijn leidinggevende hoe hij het geleerde toepast.",
]
quality = "Elke opleiding heeft een evaluatiemethode. Externe aanbieders worden jaarlijks beoordeeld op tevredenheid, prijs en resultaat; de werkgroep opleiding bespreekt de evaluaties elk kwartaal."

[[annual.roles]]
role = "Directie"
responsibility = "Keurt het plan en het budget goed en bewaakt de strategische doelstellingen."

[[annual.roles]]
role = "HR-verantwoordelijke (VTO-coördinator)"
responsibility = "Stelt het plan op, kiest aanbieders, plant de opleidingen en volgt de opleidingsrekeningen op."

[[annual.roles]]
role = "Leidinggevenden"
responsibility = "Bepalen mee de behoeften van hun team, voeren de POP-gesprekken en zorgen dat het geleerde wordt toegepast."

[[annual.roles]]
role = "Ondernemingsraad"
responsibility = "Geeft advies over het ontwerp en volgt de uitvoering op."

[[actions]]
group = "aged_50_plus"
action = "Loopbaangesprek voor elke 50-plusser en het traject 'Werkbaar werk voor 50-plussers' (INC-01)."
owner = "HR-verantwoordelijke"
deadline = {year}-06-30
indicator = "Deelnamegraad van 50-plussers minstens gelijk aan het gemiddelde."

[[actions]]
group = "disability"
action = "Opleidingen op maat met redelijke aanpassingen (INC-03), afgesproken met elke medewerker en zijn leidinggevende."
owner = "Leidinggevenden, met de preventieadviseur"
deadline = {year}-09-30
indicator = "Elke medewerker met een handicap volgt minstens één opleiding."

[[actions]]
group = "non_eu_nationality"
action = "Nederlands op de werkvloer (INC-04) tijdens de werkuren, met een taalcoach in de ploeg."
owner = "Ploegleiders"
deadline = {year}-12-31
indicator = "Alle deelnemers halen niveau A2 op de interne test."

[[actions]]
group = "bottleneck_occupation"
action = "Interne trajecten naar lasser en elektromecanicien (VAK-01, VAK-03, VAK-06) met een peter of meter."
owner = "Technisch directeur"
deadline = {year}-12-31
indicator = "Vier interne kandidaten gestart."

[[actions]]
group = "gender"
action = "Opleidingen voor leidinggevenden staan open voor iedereen; bij gelijke geschiktheid gaat de plaats naar het ondervertegenwoordigde geslacht."
owner = "Directie"
deadline = {year}-12-31
indicator = "Deelnamegraad van mannen en vrouwen verschilt niet meer dan 10 procentpunten."

[consultation]
draft_sent = {year}-02-16
meeting = {year}-03-04
advice_date = {year}-03-04
advice = "De ondernemingsraad geeft een positief advies. Hij vraagt extra aandacht voor de deelname van medewerkers met een handicap en wil in september een tussentijdse stand van de opleidingsrekeningen."
response = "De directie neemt het advies over. In september bespreekt ze met de ondernemingsraad een tussentijdse stand van de opleidingsrekeningen en de deelname van medewerkers met een handicap; blijft die laag, dan volgt een bijgewerkt plan."
approved_by = "Marleen Claes, algemeen directeur"
fixed_on = {year}-03-20

[readiness]
applies = ["V1", "V2", "V4", "N1", "N2", "N4", "P1", "P2", "P4", "O3", "O5", "A1", "L2", "L3"]
"#,
        name = spec.organisation,
        number = spec.enterprise_number,
        office = spec.registered_office,
        year = spec.year,
        prev = spec.year - 1,
        language = spec.language.code(),
        workbook = WORKBOOK,
    )
}
