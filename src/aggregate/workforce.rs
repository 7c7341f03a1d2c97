use crate::model::{EducationLevel, Employee, Gender, Plan, RiskGroup, Statute};

/// Heads and FTE of a group of employees.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Count {
    /// Number of employees.
    pub heads: u32,
    /// Their full-time equivalents added up.
    pub fte: f64,
}

impl Count {
    pub(crate) fn add(&mut self, employee: &Employee) {
        self.heads += 1;
        self.fte += employee.fte.get();
    }
}

/// Composition of the active workforce on the reference date.
#[derive(Debug, Clone)]
pub struct Workforce {
    /// All active employees.
    pub total: Count,
    /// Indexed by `Gender::index`.
    pub by_gender: [Count; 3],
    /// Per age band, split by gender (indexed by `Gender::index`).
    pub by_age_band: Vec<[Count; 3]>,
    /// Employees without a birth date, by gender.
    pub age_unknown: [Count; 3],
    /// Largest department first; `None` is "department not filled in".
    pub by_department: Vec<(Option<String>, Count)>,
    /// Per statute in the order of `Statute::ALL`, then `None` (statute not
    /// filled in) when anyone lacks one.
    pub by_statute: Vec<(Option<Statute>, Count)>,
    /// Per education level in the order of `EducationLevel::ALL`, then `None`
    /// (level not filled in) when anyone lacks one.
    pub by_education: Vec<(Option<EducationLevel>, Count)>,
    pub(crate) average_age: Option<f64>,
    /// Active employees whose nationality the data does not give: the
    /// non-EU figure rests on the others.
    pub(crate) nationality_unknown: Count,
}

pub fn composition(plan: &Plan, active: &[bool]) -> Workforce {
    let on = plan.settings.reference_date;
    let bands = &plan.settings.age_bands;
    let mut w = Workforce {
        total: Count::default(),
        by_gender: [Count::default(); 3],
        by_age_band: vec![[Count::default(); 3]; bands.len()],
        age_unknown: [Count::default(); 3],
        by_department: Vec::new(),
        by_statute: Vec::new(),
        by_education: Vec::new(),
        average_age: None,
        nationality_unknown: Count::default(),
    };
    let mut departments: std::collections::HashMap<Option<&str>, Count> = Default::default();
    let mut statutes = [Count::default(); 4];
    let mut educations = [Count::default(); 4];
    let (mut age_sum, mut age_known) = (0u64, 0u32);
    for e in active_employees(plan, active) {
        let g = e.gender.index();
        w.total.add(e);
        w.by_gender[g].add(e);
        match e.age_on(on) {
            Some(age) => {
                w.by_age_band[bands.index_of(age)][g].add(e);
                age_sum += u64::from(age);
                age_known += 1;
            }
            None => w.age_unknown[g].add(e),
        }
        departments.entry(e.department.as_deref()).or_default().add(e);
        if e.nationality.is_none() {
            w.nationality_unknown.add(e);
        }
        statutes[e.statute.map_or(3, |s| s as usize)].add(e);
        educations[e.education.map_or(3, |s| s as usize)].add(e);
    }
    w.average_age = (age_known > 0).then(|| age_sum as f64 / f64::from(age_known));
    let mut by_department: Vec<_> =
        departments.into_iter().map(|(d, c)| (d.map(str::to_string), c)).collect();
    // Largest first; the unnamed group last; ties by name for stable output.
    by_department.sort_by(|(da, a), (db, b)| (da.is_none(), b.heads, da).cmp(&(db.is_none(), a.heads, db)));
    w.by_department = by_department;
    w.by_statute = with_unknown(&Statute::ALL, &statutes);
    w.by_education = with_unknown(&EducationLevel::ALL, &educations);
    w
}

/// Every code in order, plus "unknown" only when someone has no code.
fn with_unknown<T: Copy>(all: &[T], counts: &[Count; 4]) -> Vec<(Option<T>, Count)> {
    let mut rows: Vec<_> = all.iter().zip(counts).map(|(&t, &c)| (Some(t), c)).collect();
    if counts[3].heads > 0 {
        rows.push((None, counts[3]));
    }
    rows
}

pub fn active_employees<'p>(plan: &'p Plan, active: &'p [bool]) -> impl Iterator<Item = &'p Employee> {
    plan.employees.iter().zip(active).filter(|(_, a)| **a).map(|(e, _)| e)
}

/// The active employees in one of the law's risk groups on the reference
/// date.
#[derive(Debug, Clone)]
pub struct RiskGroupFigures {
    pub(crate) group: RiskGroup,
    /// Heads and FTE of the group.
    pub count: Count,
    /// Share of the active headcount.
    pub(crate) share: Option<f64>,
    /// Trainings that name this group as a target.
    pub(crate) targeted_trainings: u32,
    /// Whether the data records who belongs to the group; when not, its
    /// size is unknown (and reads 0 here).
    pub(crate) recorded: bool,
}

pub fn risk_groups(plan: &Plan, active: &[bool], workforce: &Workforce) -> Vec<RiskGroupFigures> {
    let on = plan.settings.reference_date;
    RiskGroup::ALL
        .iter()
        .map(|&group| {
            let mut count = Count::default();
            for e in active_employees(plan, active).filter(|e| e.is_in(group, on)) {
                count.add(e);
            }
            let targeted = plan.trainings.iter().filter(|t| t.risk_groups.contains(&group)).count();
            RiskGroupFigures {
                group,
                count,
                share: super::ratio(f64::from(count.heads), f64::from(workforce.total.heads)),
                targeted_trainings: targeted as u32,
                recorded: !plan.unrecorded.contains(&group),
            }
        })
        .collect()
}

impl Workforce {
    pub(crate) fn gender(&self, gender: Gender) -> Count {
        self.by_gender[gender.index()]
    }
}
