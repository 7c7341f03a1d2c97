//! What the view may show. The internal edition shows everything; the
//! council edition hides every figure about fewer than `min_group_size`
//! employees of a group defined by who they are (gender, age, department,
//! statute, education, risk group, flow, training-account standing), plus
//! what would let a reader work such a figure out (see `crate::privacy`).
//! All masks are computed here, once, so the same figure is hidden in every
//! table it appears in.
//!
//! Figures per training (registrations, hours) describe the training offer,
//! not a group of employees, and stay visible in both editions.

use super::{Fmt, Num};
use crate::aggregate::attention::Subject;
use crate::aggregate::{Count, Figures, GroupParticipation};
use crate::model::{Edition, RiskGroup};
use crate::privacy::{self, MarginMasks, Mask};

/// Masks for a group table: heads, participants, and the figures derived
/// from them (FTE, share, rate, hours, hours per FTE).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GroupMasks {
    pub heads: Mask,
    pub participants: Mask,
    pub derived: Mask,
}

/// Masks for the workforce flow of the year before the plan.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FlowMasks {
    pub inflow: bool,
    pub outflow: bool,
    pub moves: bool,
    /// Per department: inflow, outflow, moved in, moved out.
    pub departments: Vec<[bool; 4]>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Disclosure {
    /// `None` in the internal edition.
    pub min_group_size: Option<u32>,
    /// Gender totals (men, women, X).
    pub genders: Mask,
    /// Age band × gender, with the "age unknown" row last.
    pub age: MarginMasks,
    pub departments: Mask,
    pub statutes: Mask,
    pub education: Mask,
    pub nationality_unknown: bool,
    pub flow: FlowMasks,
    pub risk_groups: Mask,
    pub participation_gender: GroupMasks,
    pub participation_age: GroupMasks,
    pub participation_risk: GroupMasks,
    /// Training accounts below, at and above the entitlement.
    pub accounts: Mask,
    /// Budget shared over departments, in the order of `Budget::by_department`.
    pub budget_departments: Mask,
    /// Social balance cells `[kind][gender]`.
    pub social_balance: Vec<Mask>,
    /// Participants of gender X in the social balance, all kinds together.
    pub x_participants: bool,
}

impl Disclosure {
    pub fn new(edition: Edition, min_group_size: u32, figures: &Figures) -> Self {
        match edition {
            Edition::Internal => Self::everything(figures),
            Edition::Council => Self::council(min_group_size, figures),
        }
    }

    /// A count of people; hidden, "< 5" when it is small itself and "•"
    /// when it only hides with a small one (it is not below 5 then, and
    /// saying so would mislead).
    pub fn count(&self, fmt: Fmt<'_>, n: u32, hidden: bool) -> Num {
        match self.min_group_size {
            Some(k) if hidden && n < k => fmt.hidden_count(k),
            Some(_) if hidden => fmt.hidden(),
            _ => fmt.count(n),
        }
    }

    /// A figure derived from a hidden group (its FTE, share, rate, hours), or
    /// the figure itself.
    pub fn derived(&self, fmt: Fmt<'_>, hidden: bool, figure: Num) -> Num {
        if hidden && self.min_group_size.is_some() { fmt.hidden() } else { figure }
    }

    fn everything(figures: &Figures) -> Self {
        let w = &figures.workforce;
        let bands = w.by_age_band.len() + 1;
        let none = |n: usize| vec![false; n];
        let group = |n: usize| GroupMasks { heads: none(n), participants: none(n), derived: none(n) };
        Self {
            min_group_size: None,
            genders: none(3),
            age: MarginMasks { cells: vec![none(3); bands], row_totals: none(bands), column_totals: none(3) },
            departments: none(w.by_department.len()),
            statutes: none(w.by_statute.len()),
            education: none(w.by_education.len()),
            nationality_unknown: false,
            flow: FlowMasks {
                departments: vec![[false; 4]; figures.flow.by_department.len()],
                ..FlowMasks::default()
            },
            risk_groups: none(figures.risk_groups.len()),
            participation_gender: group(3),
            participation_age: group(bands - 1),
            participation_risk: group(figures.participation.by_risk_group.len()),
            accounts: none(3),
            budget_departments: none(figures.budget.by_department.len()),
            social_balance: vec![none(3); 3],
            x_participants: false,
        }
    }

    fn council(k: u32, figures: &Figures) -> Self {
        let w = &figures.workforce;
        let p = &figures.participation;
        let mut age_cells: Vec<Vec<u32>> =
            w.by_age_band.iter().map(|band| band.iter().map(|c| c.heads).collect()).collect();
        age_cells.push(w.age_unknown.iter().map(|c| c.heads).collect());
        let age = privacy::table_with_margins(&age_cells, k);
        let genders = age.column_totals.clone();
        let band_heads = age.row_totals[..age.row_totals.len() - 1].to_vec();
        let risk_groups =
            privacy::primary(&figures.risk_groups.iter().map(|r| r.count.heads).collect::<Vec<_>>(), k);
        let a = &figures.accounts;
        let departments = privacy::rows(&heads(&w.by_department), k);
        Self {
            min_group_size: Some(k),
            budget_departments: budget_departments(figures, &departments),
            departments,
            statutes: privacy::rows(&heads(&w.by_statute), k),
            education: privacy::rows(&heads(&w.by_education), k),
            nationality_unknown: privacy::primary(&[w.nationality_unknown.heads], k)[0],
            flow: flow(figures, k),
            participation_gender: group(&p.by_gender, genders.clone(), k, true),
            participation_age: group(&p.by_age_band, band_heads, k, true),
            participation_risk: group(&p.by_risk_group, risk_groups.clone(), k, false),
            genders,
            age,
            risk_groups,
            accounts: privacy::rows(&[vec![a.below], vec![a.at], vec![a.above]], k),
            social_balance: social_balance(figures, k),
            x_participants: privacy::primary(&[x_participants(figures)], k)[0],
        }
    }
}

fn heads<T>(rows: &[(T, Count)]) -> Vec<Vec<u32>> {
    rows.iter().map(|(_, c)| vec![c.heads]).collect()
}

/// Participants of gender X in the social balance, all kinds together.
pub fn x_participants(figures: &Figures) -> u32 {
    let x = crate::model::Gender::X.index();
    figures.social_balance.cells.iter().map(|row| row[x].participants).sum()
}

/// Masks for the participation of some groups, given their heads mask.
/// `additive` when the groups add up to the whole (gender, age), so the
/// participants and hours columns need protecting against the totals.
fn group(groups: &[GroupParticipation], heads: Mask, k: u32, additive: bool) -> GroupMasks {
    let participants_counts: Vec<u32> = groups.iter().map(|g| g.participants).collect();
    let mut participants: Mask =
        privacy::primary(&participants_counts, k).iter().zip(&heads).map(|(p, h)| *p || *h).collect();
    if additive {
        privacy::protect(&mut participants, &participants_counts);
    }
    let mut derived: Mask = participants.iter().zip(&heads).map(|(p, h)| *p || *h).collect();
    if additive {
        // Hours add up too; whole hours are enough to compare.
        let hours: Vec<u32> = groups.iter().map(|g| g.hours.round() as u32).collect();
        privacy::protect(&mut derived, &hours);
    }
    GroupMasks { heads, participants, derived }
}

/// A department's share of the budget is hidden with the department; the
/// shares add up to the assigned budget, so one hidden share takes another.
fn budget_departments(figures: &Figures, departments: &Mask) -> Mask {
    let workforce = &figures.workforce.by_department;
    let amounts = &figures.budget.by_department;
    let mut hidden: Mask = amounts
        .iter()
        .map(|(name, _)| match workforce.iter().position(|(d, _)| d == name) {
            Some(i) => departments[i],
            // Only people who have left: too few to know, hidden.
            None => true,
        })
        .collect();
    let values: Vec<u32> = amounts.iter().map(|(_, amount)| amount.round() as u32).collect();
    privacy::protect(&mut hidden, &values);
    hidden
}

/// In- and outflow: the year's start and end headcounts are shown, so in −
/// out is known and one of the two cannot be hidden alone. Per department,
/// each column adds up to its total.
fn flow(figures: &Figures, k: u32) -> FlowMasks {
    let f = &figures.flow;
    let mut totals = privacy::primary(&[f.inflow.heads, f.outflow.heads], k);
    privacy::protect(&mut totals, &[f.inflow.heads, f.outflow.heads]);
    let columns: [Vec<u32>; 4] = [
        f.by_department.iter().map(|(_, d)| d.inflow).collect(),
        f.by_department.iter().map(|(_, d)| d.outflow).collect(),
        f.by_department.iter().map(|(_, d)| d.moved_in).collect(),
        f.by_department.iter().map(|(_, d)| d.moved_out).collect(),
    ];
    let mut departments = vec![[false; 4]; f.by_department.len()];
    for (c, values) in columns.iter().enumerate() {
        let mut hidden = privacy::primary(values, k);
        privacy::protect(&mut hidden, values);
        for (row, h) in departments.iter_mut().zip(hidden) {
            row[c] = h;
        }
    }
    FlowMasks {
        inflow: totals[0],
        outflow: totals[1],
        moves: f.moves.is_some_and(|m| privacy::primary(&[m], k)[0]),
        departments,
    }
}

/// Per kind of training: men, women and X add up to the kind's participants
/// (shown with the training right), so X counts, though never printed per
/// kind, take part in the protection.
fn social_balance(figures: &Figures, k: u32) -> Vec<Mask> {
    figures
        .social_balance
        .cells
        .iter()
        .map(|row| {
            let counts: Vec<u32> = row.iter().map(|c| c.participants).collect();
            let mut hidden = privacy::primary(&counts, k);
            privacy::protect(&mut hidden, &counts);
            hidden
        })
        .collect()
}

impl Disclosure {
    /// Whether a group's participation may be shown and judged (a point of
    /// attention or a checklist verdict about a hidden group would reveal
    /// what its hidden figures say).
    pub fn shows(&self, subject: Subject) -> bool {
        match subject {
            Subject::Gender(g) => !self.participation_gender.derived.get(g.index()).copied().unwrap_or(false),
            Subject::RiskGroup(r) => {
                let i = RiskGroup::ALL.iter().position(|x| *x == r);
                !i.and_then(|i| self.participation_risk.derived.get(i).copied()).unwrap_or(false)
            }
        }
    }
}
