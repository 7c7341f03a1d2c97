use crate::model::{EducationLevel, Gender, ParticipationStatus, Pillar, RiskGroup, Statute, TrainingKind};
use serde::Deserialize;
use std::collections::BTreeMap;

/// Names of the domain's codes in one language.
#[derive(Debug, Deserialize)]
pub struct Labels {
    pub yes: String,
    pub no: String,
    pub unknown: String,
    /// "All employees", the reference row of participation tables.
    pub everyone: String,
    /// A count of people below the minimum group size: "< {k}".
    pub hidden_count: String,
    /// Another figure about such a group.
    pub hidden: String,
    /// A figure the data does not record, e.g. "onbekend".
    pub unrecorded: String,
    pub gender: BTreeMap<Gender, String>,
    pub risk_group: BTreeMap<RiskGroup, String>,
    pub training_kind: BTreeMap<TrainingKind, String>,
    pub pillar: BTreeMap<Pillar, String>,
    pub status: BTreeMap<ParticipationStatus, String>,
    pub statute: BTreeMap<Statute, String>,
    pub education: BTreeMap<EducationLevel, String>,
    /// Planned days against the entitlement.
    pub standing: StandingLabels,
    /// Steps of the consultation calendar (`draft_sent`, `advice`, `fixed`, `upload`).
    pub steps: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
pub struct StandingLabels {
    pub below: String,
    pub at: String,
    pub above: String,
}

impl Labels {
    pub fn yes_no(&self, value: bool) -> &str {
        if value { &self.yes } else { &self.no }
    }
}

/// A code with a name in every language.
pub trait Localised: Copy + Ord + 'static {
    fn table(labels: &Labels) -> &BTreeMap<Self, String>;

    fn label(self, labels: &Labels) -> &str {
        Self::table(labels).get(&self).map_or("?", String::as_str)
    }
}

macro_rules! localised {
    ($($ty:ty => $field:ident),* $(,)?) => {$(
        impl Localised for $ty {
            fn table(labels: &Labels) -> &BTreeMap<Self, String> {
                &labels.$field
            }
        }
    )*};
}

localised! {
    Gender => gender,
    RiskGroup => risk_group,
    TrainingKind => training_kind,
    Pillar => pillar,
    ParticipationStatus => status,
    Statute => statute,
    EducationLevel => education,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    fn complete<T: Localised + std::fmt::Debug>(all: &[T], labels: &Labels) {
        for value in all {
            assert_ne!(value.label(labels), "?", "{value:?} has no label");
        }
    }

    #[test]
    fn every_code_has_a_label_in_every_language() {
        for language in Language::ALL {
            let labels = &language.strings().labels;
            complete(&Gender::ALL, labels);
            complete(&RiskGroup::ALL, labels);
            complete(&TrainingKind::ALL, labels);
            complete(&Pillar::ALL, labels);
            complete(
                &[
                    ParticipationStatus::Planned,
                    ParticipationStatus::Completed,
                    ParticipationStatus::Cancelled,
                ],
                labels,
            );
            complete(&Statute::ALL, labels);
            complete(&EducationLevel::ALL, labels);
        }
    }
}
