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
    /// The to-do list of training needs: what expires when or is missing,
    /// for whom, and which training covers it.
    pub(crate) needs: Vec<NeedDetail>,
}

/// One unmet need of one employee.
#[derive(Debug, Clone, Serialize)]
pub struct NeedDetail {
    /// Personnel number.
    pub employee_id: String,
    /// Name, when the workbook gives it.
    pub name: Option<String>,
    /// Department, when given.
    pub department: Option<String>,
    /// The certificate or competence.
    pub need: String,
    /// "Vervalt in mei" or "Ontbreekt".
    pub status: String,
    /// The certificate's last valid day, when there is one.
    pub valid_until: Option<jiff::civil::Date>,
    /// Codes of the trainings that cover it, "VEI-01"; empty when none.
    pub covered_by: String,
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
    let needs = need_details(disclosed, personal);
    Some(Detail { participations, accounts, needs })
}

/// The to-do list: every unmet need, in the order of the requirements.
fn need_details(disclosed: &Disclosed<'_>, personal: &crate::disclose::Personal<'_>) -> Vec<NeedDetail> {
    use crate::aggregate::needs::Status;
    use crate::model::needs::Need;
    let settings = disclosed.public.settings;
    let strings = settings.language.strings();
    let requirements = &disclosed.public.needs.requirements;
    personal
        .gaps
        .iter()
        .map(|g| {
            let e = &personal.employees[g.employee];
            let need = match &requirements[g.requirement].need {
                Need::Certificate(n) | Need::Competence(n) => n.clone(),
            };
            let status = match g.status {
                Status::Expiring(month) => strings
                    .annex("need_expires")
                    .replace("{month}", &strings.date.months[usize::from(month) - 1]),
                Status::Missing | Status::Valid => strings.annex("need_missing").to_string(),
            };
            let covered_by: Vec<&str> =
                g.covered_by.iter().map(|t| disclosed.public.trainings[*t].code.as_str()).collect();
            NeedDetail {
                employee_id: e.id.clone(),
                name: e.name.clone(),
                department: e.department.clone(),
                need,
                status,
                valid_until: g.valid_until,
                covered_by: covered_by.join(", "),
            }
        })
        .collect()
}
