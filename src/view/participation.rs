use super::{Disclosure, Fmt, GroupMasks, Num};
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

pub fn view(plan: &Plan, figures: &Figures, fmt: Fmt<'_>, shown: &Disclosure) -> ParticipationView {
    let p = &figures.participation;
    let labels = &fmt.strings.labels;
    let row = |label: String, g: &GroupParticipation, masks: &GroupMasks, i: usize| {
        let (heads, participants, derived) = (masks.heads[i], masks.participants[i], masks.derived[i]);
        GroupRow {
            label,
            heads: shown.count(fmt, g.heads, heads),
            participants: shown.count(fmt, g.participants, participants),
            rate: shown.derived(fmt, derived, fmt.percent(g.rate())),
            hours: shown.derived(fmt, derived, fmt.hours(g.hours)),
            hours_per_fte: shown.derived(fmt, derived, fmt.maybe_decimal(g.hours_per_fte(), 1)),
        }
    };
    let genders = Gender::ALL
        .iter()
        .map(|&g| {
            row(g.label(labels).into(), &p.by_gender[g.index()], &shown.participation_gender, g.index())
        })
        .collect();
    let ages = plan
        .settings
        .age_bands
        .bands()
        .zip(&p.by_age_band)
        .enumerate()
        .map(|(i, (band, g))| row(band.label(), g, &shown.participation_age, i))
        .collect();
    let risks = RiskGroup::ALL
        .iter()
        .zip(&p.by_risk_group)
        .enumerate()
        .map(|(i, (group, g))| row(group.label(labels).into(), g, &shown.participation_risk, i))
        .collect();
    let everyone = GroupMasks { heads: vec![false], participants: vec![false], derived: vec![false] };
    ParticipationView {
        overall: row(labels.everyone.clone(), &p.overall, &everyone, 0),
        sections: vec![
            ParticipationSection { key: "gender", rows: genders },
            ParticipationSection { key: "age", rows: ages },
            ParticipationSection { key: "risk_group", rows: risks },
        ],
    }
}
