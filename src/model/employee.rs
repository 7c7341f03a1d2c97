use super::{Nationality, RiskGroup, age_on};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Full-time equivalent of one employee's work regime, in (0, 1].
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Fte(f64);

impl Fte {
    pub const FULL_TIME: Fte = Fte(1.0);

    pub fn new(value: f64) -> Option<Self> {
        (value > 0.0 && value <= 1.0).then_some(Self(value))
    }

    pub fn get(self) -> f64 {
        self.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Male,
    Female,
    X,
}

impl Gender {
    pub const ALL: [Gender; 3] = [Gender::Male, Gender::Female, Gender::X];

    pub fn index(self) -> usize {
        self as usize
    }
}

/// Worker status under Belgian labour law.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Statute {
    /// A manual worker (arbeider, ouvrier).
    BlueCollar,
    /// An employee in mainly intellectual work (bediende, employé).
    WhiteCollar,
    /// A manager (kaderlid, cadre).
    Manager,
}

impl Statute {
    pub(crate) const ALL: [Statute; 3] = [Statute::BlueCollar, Statute::WhiteCollar, Statute::Manager];
}

/// The highest level of education an employee completed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EducationLevel {
    /// At most lower secondary education.
    Low,
    /// Upper secondary education.
    Medium,
    /// Higher education: college or university.
    High,
}

impl EducationLevel {
    pub(crate) const ALL: [EducationLevel; 3] =
        [EducationLevel::Low, EducationLevel::Medium, EducationLevel::High];
}

/// What the export tells about an employee's age.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Birth {
    /// The birth date.
    Date(Date),
    /// Exports that give an age instead of a birth date: the age is taken
    /// as on the plan's reference date.
    AgeOnReference(u16),
}

/// One employee as the HR export describes them.
#[derive(Debug, Clone)]
pub struct Employee {
    /// The personnel number, unique in the employees sheet; participations
    /// refer to it.
    pub id: String,
    /// The employee's name, when the export gives it; only the internal
    /// edition shows it.
    pub name: Option<String>,
    pub(crate) gender: Gender,
    /// `None` when the export gives neither a birth date nor an age.
    pub birth: Option<Birth>,
    pub(crate) fte: Fte,
    pub(crate) start_date: Option<Date>,
    pub(crate) end_date: Option<Date>,
    pub(crate) department: Option<String>,
    /// The department before a move during the year before the plan, when
    /// the data records it (for the workforce flow).
    pub(crate) previous_department: Option<String>,
    /// The job title, when the export gives it.
    pub(crate) job_title: Option<String>,
    pub(crate) statute: Option<Statute>,
    pub(crate) education: Option<EducationLevel>,
    pub(crate) disability: bool,
    pub(crate) nationality: Option<Nationality>,
    pub(crate) bottleneck_occupation: bool,
    /// The language to write to the employee in (`Taal`), when the
    /// workbook gives one we write in; else the plan's.
    pub(crate) language: Option<super::Language>,
    /// The joint committee the employee falls under (`Paritair comité`),
    /// when the workbook gives it: a sector's growth path applies per
    /// committee.
    pub(crate) joint_committee: Option<String>,
    /// What an hour of the employee's work costs, when the workbook gives
    /// it: the social balance's gross training cost includes the wages of
    /// the hours in training.
    pub(crate) wage: Option<Wage>,
}

/// An employee's pay as the export gives it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Wage {
    /// The cost of one hour (`Uurloon`).
    Hourly(f64),
    /// The cost of a year at the employee's work regime (`Jaarloon`).
    Annual(f64),
}

impl Employee {
    /// The wage cost of `hours` of training, when the pay is known. An
    /// annual salary is spread over the hours a year at the employee's
    /// regime holds: `full_time_hours` × FTE.
    pub(crate) fn wage_cost(&self, hours: f64, full_time_hours: f64) -> Option<f64> {
        match self.wage? {
            Wage::Hourly(rate) => Some(rate * hours),
            Wage::Annual(salary) => {
                let year = full_time_hours * self.fte.get();
                (year > 0.0).then(|| salary / year * hours)
            }
        }
    }

    /// In service on `on`: started on or before it and not left before it.
    pub(crate) fn is_active_on(&self, on: Date) -> bool {
        self.start_date.is_none_or(|start| start <= on) && self.end_date.is_none_or(|end| end >= on)
    }

    pub(crate) fn age_on(&self, on: Date) -> Option<u16> {
        match self.birth? {
            Birth::Date(birth) => age_on(birth, on),
            Birth::AgeOnReference(age) => Some(age),
        }
    }

    /// Whether the employee belongs to `group` on the reference date `on`.
    /// An unknown age or nationality never places someone in a group.
    pub(crate) fn is_in(&self, group: RiskGroup, on: Date) -> bool {
        match group {
            RiskGroup::Aged50Plus => self.age_on(on).is_some_and(|age| age >= 50),
            RiskGroup::Disability => self.disability,
            RiskGroup::NonEuNationality => self.nationality.is_some_and(|c| !c.is_eu()),
            RiskGroup::BottleneckOccupation => self.bottleneck_occupation,
        }
    }
}

#[cfg(test)]
pub(crate) fn employee_fixture(id: &str, gender: Gender, birth: Date, fte: f64) -> Employee {
    Employee {
        id: id.to_string(),
        name: None,
        gender,
        birth: Some(Birth::Date(birth)),
        fte: Fte::new(fte).expect("test FTE in range"),
        start_date: None,
        end_date: None,
        department: None,
        previous_department: None,
        job_title: None,
        statute: None,
        education: None,
        disability: false,
        nationality: None,
        bottleneck_occupation: false,
        language: None,
        joint_committee: None,
        wage: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn fte_is_in_zero_one() {
        assert!(Fte::new(0.0).is_none());
        assert!(Fte::new(1.0001).is_none());
        assert!(Fte::new(f64::NAN).is_none());
        assert_eq!(Fte::new(0.5).map(Fte::get), Some(0.5));
    }

    #[test]
    fn active_includes_both_boundaries() {
        let on = date(2026, 12, 31);
        let mut e = employee_fixture("1", Gender::Female, date(1990, 1, 1), 1.0);
        assert!(e.is_active_on(on));
        e.start_date = Some(on);
        e.end_date = Some(on);
        assert!(e.is_active_on(on));
        e.end_date = Some(date(2026, 12, 30));
        assert!(!e.is_active_on(on));
        e.end_date = None;
        e.start_date = Some(date(2027, 1, 1));
        assert!(!e.is_active_on(on));
    }

    #[test]
    fn risk_groups_follow_the_reference_date() {
        let on = date(2026, 12, 31);
        let mut e = employee_fixture("1", Gender::Male, date(1976, 12, 31), 1.0);
        assert!(e.is_in(RiskGroup::Aged50Plus, on));
        assert!(!e.is_in(RiskGroup::Aged50Plus, date(2026, 12, 30)));
        e.nationality = Some(Nationality::Country(crate::model::Country::parse("MA").unwrap()));
        assert!(e.is_in(RiskGroup::NonEuNationality, on));
        e.nationality = Some(Nationality::Country(crate::model::Country::parse("NL").unwrap()));
        assert!(!e.is_in(RiskGroup::NonEuNationality, on));
        e.nationality = None;
        assert!(!e.is_in(RiskGroup::NonEuNationality, on));
    }
}
