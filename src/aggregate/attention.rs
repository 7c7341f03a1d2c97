//! Points of attention for equal opportunities: a group that takes part
//! much less than the workforce as a whole, and a risk group no training
//! is aimed at.

use super::{ParticipationFigures, RiskGroupFigures};
use crate::model::{Gender, RiskGroup};

/// A group of employees the plan judges the participation of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// Everyone of one gender.
    Gender(Gender),
    /// Everyone in one risk group.
    RiskGroup(RiskGroup),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Concern {
    LowParticipation { rate: f64, overall: f64 },
    NoTargetedTraining,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Attention {
    pub subject: Subject,
    pub concern: Concern,
}

/// The points of attention; `rule` is the plan's participation rule (a
/// group taking part less than `rule` times as often as everyone).
pub fn points(
    participation: &ParticipationFigures,
    risk_groups: &[RiskGroupFigures],
    rule: f64,
) -> Vec<Attention> {
    let mut points = Vec::new();
    let Some(overall) = participation.overall.rate() else { return points };
    let low = |group: &super::GroupParticipation| {
        group.rate().filter(|rate| group.heads > 0 && *rate < rule * overall)
    };
    for gender in Gender::ALL {
        if let Some(rate) = low(&participation.by_gender[gender.index()]) {
            let concern = Concern::LowParticipation { rate, overall };
            points.push(Attention { subject: Subject::Gender(gender), concern });
        }
    }
    for (i, group) in RiskGroup::ALL.iter().enumerate() {
        let subject = Subject::RiskGroup(*group);
        if let Some(rate) = low(&participation.by_risk_group[i]) {
            points.push(Attention { subject, concern: Concern::LowParticipation { rate, overall } });
        }
        let figures = &risk_groups[i];
        if figures.count.heads > 0 && figures.targeted_trainings == 0 {
            points.push(Attention { subject, concern: Concern::NoTargetedTraining });
        }
    }
    points
}
