use crate::aggregate::accounts::Standing;
use crate::disclose::Disclosed;
use crate::i18n::Localised;
use jiff::civil::Date;
use serde::Serialize;

/// Row-level data for the XLSX annex: one row per participation. It is kept
/// out of the layout's JSON so the typeset document does not grow with the
/// workforce.
#[derive(Debug, Clone, Serialize)]
pub struct Detail {
    pub(crate) participations: Vec<ParticipationDetail>,
    /// Everyone employed in the plan year, with their training account.
    pub(crate) accounts: Vec<AccountDetail>,
}

/// One employee's individual training account for the plan year, in days.
#[derive(Debug, Clone, Serialize)]
pub struct AccountDetail {
    pub employee_id: String,
    pub name: Option<String>,
    pub department: Option<String>,
    pub fte: f64,
    pub employed_share: f64,
    pub entitled: f64,
    /// Days carried over from last year.
    pub carried: f64,
    pub planned: f64,
    pub followed: f64,
    pub remaining: f64,
    /// Planned days against the entitlement: "below", "at", "above", in words.
    pub standing: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ParticipationDetail {
    pub employee_id: String,
    pub name: Option<String>,
    pub department: Option<String>,
    pub training_code: String,
    pub training_title: String,
    pub kind: String,
    pub hours: f64,
    pub status: String,
    pub date: Option<Date>,
    pub cost: Option<f64>,
    /// Active on the reference date, i.e. counted in the plan's figures.
    pub active: bool,
}

/// The rows per employee of the internal edition; `None` for an edition
/// without personal data.
pub fn detail(disclosed: &Disclosed<'_>) -> Option<Detail> {
    let personal = disclosed.personal.as_ref()?;
    let settings = disclosed.public.settings;
    let labels = &settings.language.strings().labels;
    let trainings = disclosed.public.trainings;
    let on = settings.reference_date;
    let participations = personal
        .registrations
        .iter()
        .map(|p| {
            let e = &personal.employees[p.employee];
            let t = &trainings[p.training];
            ParticipationDetail {
                employee_id: e.id.clone(),
                name: e.name.clone(),
                department: e.department.clone(),
                training_code: t.code.clone(),
                training_title: t.title.clone(),
                kind: t.kind.label(labels).to_string(),
                hours: p.hours,
                status: p.status.label(labels).to_string(),
                date: p.date,
                cost: p.cost,
                active: e.is_active_on(on),
            }
        })
        .collect();
    let standing = &labels.standing;
    let accounts = personal
        .accounts
        .iter()
        .map(|a| {
            let e = &personal.employees[a.employee];
            AccountDetail {
                employee_id: e.id.clone(),
                name: e.name.clone(),
                department: e.department.clone(),
                fte: e.fte.get(),
                employed_share: a.employed_share,
                entitled: a.entitled,
                carried: a.carried,
                planned: a.planned,
                followed: a.followed,
                remaining: a.remaining,
                standing: match a.standing() {
                    Standing::Below => standing.below.clone(),
                    Standing::At => standing.at.clone(),
                    Standing::Above => standing.above.clone(),
                },
            }
        })
        .collect();
    Some(Detail { participations, accounts })
}
