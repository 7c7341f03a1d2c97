use super::{Fmt, Num};
use crate::aggregate::{Figures, GroupParticipation};
use crate::i18n::Localised;
use crate::model::{Gender, Plan, RiskGroup};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct ParticipationView {
    pub overall: GroupRow,
    /// By gender, by age band and by risk group, in that order.
    pub sections: Vec<ParticipationSection>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ParticipationSection {
    /// `gender`, `age` or `risk_group`; the layout names the section.
    pub key: &'static str,
    pub rows: Vec<GroupRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupRow {
    pub label: String,
    pub heads: Num,
    pub participants: Num,
    pub rate: Num,
    pub hours: Num,
    pub hours_per_fte: Num,
}

pub fn view(plan: &Plan, figures: &Figures, fmt: Fmt<'_>) -> ParticipationView {
    let p = &figures.participation;
    let labels = &fmt.strings.labels;
    let row = |label: String, g: &GroupParticipation| GroupRow {
        label,
        heads: fmt.count(g.heads),
        participants: fmt.count(g.participants),
        rate: fmt.percent(g.rate()),
        hours: fmt.hours(g.hours),
        hours_per_fte: fmt.maybe_decimal(g.hours_per_fte(), 1),
    };
    let genders = Gender::ALL.iter().map(|&g| row(g.label(labels).into(), &p.by_gender[g.index()])).collect();
    let ages =
        plan.settings.age_bands.bands().zip(&p.by_age_band).map(|(band, g)| row(band.label(), g)).collect();
    let risks = RiskGroup::ALL
        .iter()
        .zip(&p.by_risk_group)
        .map(|(group, g)| row(group.label(labels).into(), g))
        .collect();
    ParticipationView {
        overall: row(labels.everyone.clone(), &p.overall),
        sections: vec![
            ParticipationSection { key: "gender", rows: genders },
            ParticipationSection { key: "age", rows: ages },
            ParticipationSection { key: "risk_group", rows: risks },
        ],
    }
}
