//! Disclosure: what one edition of the plan may show, decided once, figure
//! by figure, between aggregation and the view.
//!
//! The internal edition shows everything. The council edition (for the
//! works council, the union delegation, the employees and the upload to the
//! FOD WASO) hides every figure about fewer than `min_group_size` employees
//! of a group defined by who they are (gender, age band, department,
//! status, education level, risk group, in- and outflow, the standing of
//! the training accounts, the social balance's cells), every figure derived
//! from such a group, and what would let a reader work one out from the
//! totals around it (secondary suppression, see [`crate::privacy`]).
//!
//! Every such figure leaves this stage as a typed [`Cell`], so the view can
//! only format what it is given: it cannot pair a mask with the wrong row.
//! Verdicts (the checklist, the points of attention) come from aggregation,
//! judged once on all figures; this stage withholds the part of a verdict
//! that rests on a withheld group and never judges again.
//!
//! Figures about the training offer (registrations, hours and budget per
//! training, totals per kind of training, suppliers) describe what the
//! employer offers, not a group of people, and pass through as they are
//! ([`Public`]). Rows per employee pass only into the internal edition
//! ([`Personal`]).

mod breakdowns;
mod comparison;
pub(crate) mod gap;
mod groups;
mod linked;
mod money;
pub(crate) mod needs;
pub(crate) mod usage;
mod verdicts;
mod versions;
mod workforce;

#[cfg(test)]
mod attack;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_breakdowns;
#[cfg(test)]
mod tests_gap;
#[cfg(test)]
mod tests_usage;

pub use comparison::Comparison;
pub use groups::{GroupCells, Participation};
pub use money::{BalanceCells, DepartmentBudget, Standings};
pub use verdicts::{Check, Verdict, Verdicts};
pub use versions::{SinceDraft, Versions};
pub use workforce::{AgeRow, CountCells, Flow, RiskGroupCells, Workforce};

use crate::aggregate::accounts::Account;
use crate::aggregate::budget::Supplier;
use crate::aggregate::deadlines::Deadline;
use crate::aggregate::key_figures::{KeyFigure, NotCompared, YearOverYear};
use crate::aggregate::legal::LegalFrame;
use crate::aggregate::readiness::AspectScore;
use crate::aggregate::{Figures, TrainingFigures, TrainingUsage};
use crate::model::{
    AnnualPlan, Branding, Consultation, Edition, Employee, Organisation, Participation as Registration, Plan,
    Settings, Strategy, Training,
};

/// One figure as an edition may show it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<T> {
    /// The figure itself.
    Shown(T),
    /// A count of people in a group smaller than the minimum group size:
    /// the reader may learn that it is small, not how small.
    Small,
    /// Withheld with a small group: a second figure that would give one
    /// away, or a figure derived from one (its FTE, share, rate, hours).
    Hidden,
}

impl<T> Cell<T> {
    /// Whether the edition shows the figure.
    pub fn is_shown(&self) -> bool {
        matches!(self, Cell::Shown(_))
    }
}

/// How one edition withholds figures: nothing (internal), or groups below
/// `k` people and what gives them away (council).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rule {
    /// The minimum group size; `None` shows everything.
    pub k: Option<u32>,
}

impl Rule {
    /// A count of people: shown, or withheld as small (below `k`) or as
    /// hidden with a small one (it is not small then, and saying so would
    /// mislead).
    pub fn count(self, n: u32, withheld: bool) -> Cell<u32> {
        match self.k {
            // A zero is withheld only with its group (the participants of a
            // hidden group): "< k" would say it is not zero, so it is "•".
            Some(_) if withheld && n == 0 => Cell::Hidden,
            Some(k) if withheld && n < k => Cell::Small,
            Some(_) if withheld => Cell::Hidden,
            _ => Cell::Shown(n),
        }
    }

    /// A figure derived from a group (its FTE, share, rate, hours, amount).
    pub fn derived<T>(self, value: T, withheld: bool) -> Cell<T> {
        if withheld && self.k.is_some() { Cell::Hidden } else { Cell::Shown(value) }
    }

    /// A count in a table withheld whole (see [`crate::privacy`]): every
    /// count is "•", zeros and small ones included, so none says anything.
    pub fn count_in(self, n: u32, withheld: bool, whole: bool) -> Cell<u32> {
        if whole && self.k.is_some() { Cell::Hidden } else { self.count(n, withheld) }
    }

    /// The cells to withhold in a table, as `council` computes them from
    /// `k`; none in the internal edition.
    pub fn mask(self, len: usize, council: impl FnOnce(u32) -> Vec<bool>) -> Vec<bool> {
        self.suppress(len, |k| crate::privacy::Suppression { hidden: council(k), whole: false }).hidden
    }

    /// [`Rule::mask`] for a table that may have to be withheld whole.
    pub fn suppress(
        self,
        len: usize,
        council: impl FnOnce(u32) -> crate::privacy::Suppression,
    ) -> crate::privacy::Suppression {
        match self.k {
            Some(k) => {
                let suppression = council(k);
                // Masks are computed from the very rows they cover.
                assert!(suppression.hidden.len() >= len, "a disclosure mask must cover its table");
                suppression
            }
            None => crate::privacy::Suppression { hidden: vec![false; len], whole: false },
        }
    }
}

/// A table of counts of people, for the note on one withheld whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Table {
    /// Age band × gender, and the gender table.
    AgeAndGender,
    /// Departments.
    Departments,
    /// Worker statuses.
    Statutes,
    /// Education levels.
    Education,
    /// In- and outflow.
    Flow,
    /// Participation by gender.
    ParticipationByGender,
    /// Participation by age band.
    ParticipationByAge,
    /// Training accounts by standing.
    Standings,
    /// The social balance's training section.
    SocialBalance,
}

/// What any edition shows: the plan's own words and the figures about the
/// training offer, which describe no group of people.
#[derive(Debug, Clone, Copy)]
pub struct Public<'p> {
    /// Name, enterprise number, joint committees, bodies.
    pub organisation: &'p Organisation,
    /// Year, language, reference date, ...
    pub settings: &'p Settings,
    /// Mission, vision, goals, needs.
    pub strategy: &'p Strategy,
    /// The annual plan's own words.
    pub annual: &'p AnnualPlan,
    /// The consultation as recorded.
    pub consultation: &'p Consultation,
    /// Logo, colours, font.
    pub branding: &'p Branding,
    /// Every training offered, in the workbook's order.
    pub trainings: &'p [Training],
    /// Per training, in the same order: registrations, hours, costs.
    pub usage: &'p [TrainingUsage],
    /// Size, thresholds and target of the training right.
    pub legal: &'p LegalFrame,
    /// Planned training effort against the target, per kind of training.
    pub training: &'p TrainingFigures,
    /// The budget: total, per FTE, per goal, not yet assigned.
    pub budget: PublicBudget<'p>,
    /// Who the plan buys training from.
    pub suppliers: &'p [Supplier],
    /// The consultation calendar.
    pub deadlines: &'p [Deadline],
    /// Scores of the readiness check, when the plan takes it.
    pub readiness: Option<&'p [AspectScore]>,
    /// The training accounts taken together.
    pub accounts: AccountTotals,
    /// Rows of the data left out (by rule or for a problem): a count of
    /// rows, about nobody in particular.
    pub left_out: u32,
    /// What the social balance's costs hold: wages, funds, subsidies.
    pub cost_basis: CostBasis,
    /// The job requirements (what is asked of whom: no figures).
    pub needs: &'p crate::model::needs::TrainingNeeds,
    /// Where last year's balances come from, when any carry over.
    pub carry_source: Option<&'p crate::model::CarrySource>,
}

/// What the social balance's costs hold, for the whole plan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CostBasis {
    /// Whether the gross cost holds the participants' wages.
    pub wages: crate::aggregate::social_balance::WageBasis,
    /// Training hours whose wage is unknown.
    pub hours_without_wage: f64,
    /// Whether `[costs]` gives the contributions to collective funds.
    pub funds_given: bool,
    /// Whether `[costs]` gives the subsidies received.
    pub subsidies_given: bool,
}

/// The budget's figures that concern no group of people.
#[derive(Debug, Clone, Copy)]
pub struct PublicBudget<'p> {
    /// Sum of the trainings' budgets.
    pub total: f64,
    /// Total per FTE of the active workforce.
    pub per_fte: Option<f64>,
    /// Per strategic goal id (`None`: trainings without a goal).
    pub by_goal: &'p [(Option<String>, f64)],
    /// Budget of trainings nobody is registered for yet.
    pub unassigned: f64,
}

/// The individual training accounts taken together, in days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AccountTotals {
    /// Employees with an account (employed during the plan year).
    pub count: u32,
    /// Days the employees are entitled to.
    pub entitled: f64,
    /// Days planned.
    pub planned: f64,
    /// Days followed.
    pub followed: f64,
    /// Days carried over from last year.
    pub carried: f64,
    /// Days of the right not yet followed.
    pub remaining: f64,
}

/// Rows per employee: only the internal edition has them.
#[derive(Debug, Clone, Copy)]
pub struct Personal<'p> {
    /// Every employee of the workbook.
    pub employees: &'p [Employee],
    /// Every registration, resolved to employees and trainings.
    pub registrations: &'p [Registration],
    /// The training account of everyone employed in the plan year.
    pub accounts: &'p [Account],
    /// Every unmet training need, employee by employee.
    pub gaps: &'p [crate::aggregate::needs::Gap],
}

/// One edition of the plan, every figure about a group of people typed as
/// what this edition may show.
#[derive(Debug, Clone)]
pub struct Disclosed<'p> {
    /// Which edition.
    pub edition: Edition,
    /// Groups smaller than this are withheld; `None` in the internal edition.
    pub min_group_size: Option<u32>,
    /// What every edition shows.
    pub public: Public<'p>,
    /// Rows per employee; `None` in the council edition.
    pub personal: Option<Personal<'p>>,
    /// Composition of the active workforce.
    pub workforce: Workforce,
    /// In-, out- and through-flow in the year before the plan.
    pub flow: Flow,
    /// The risk groups, in the order of `RiskGroup::ALL`.
    pub risk_groups: Vec<RiskGroupCells>,
    /// Participation per group.
    pub participation: Participation,
    /// Training accounts below, at and above the entitlement.
    pub standings: Standings,
    /// How far accounts fall short, and the groups furthest below.
    pub gap: gap::GapCells,
    /// Per training, in the plan's order: its registrations and hours as
    /// this edition may show them.
    pub usage: Vec<usage::UsageCells>,
    /// Per kind of training (formal, informal, initial): participations,
    /// participants and hours as this edition may show them.
    pub kinds: [usage::KindCells; 3],
    /// Whether the kinds' total hours are withheld with a kind's.
    pub kinds_total_withheld: bool,
    /// Training needs from certificates and competences.
    pub needs: needs::NeedsCells,
    /// The budget shared over departments, largest first.
    pub budget_by_department: Vec<DepartmentBudget>,
    /// The social balance's training cells, `[kind][gender]`.
    pub social_balance: [[BalanceCells; 3]; 3],
    /// Participants of gender X in the social balance, all kinds together.
    pub x_participants: Cell<u32>,
    /// The checklist and the points of attention, as this edition may state them.
    pub verdicts: Verdicts,
    /// This plan beside last year's, when the archive holds last year's.
    pub comparison: Option<Comparison>,
    /// Why last year's archived plan is not compared with, though it is there.
    pub not_compared: Option<NotCompared>,
    /// The key figures as this edition records them for next year.
    pub key_figures: Vec<KeyFigure>,
    /// Tables withheld whole: too small for any figure in them to be shown
    /// without giving a small group away.
    pub withheld_tables: Vec<Table>,
    /// Stage, version number, history and changes since the draft.
    pub versions: Versions,
}

/// What `edition` may show of `plan`, its `figures` and their comparison
/// with last year's (`year_over_year`, from the same edition's archive).
pub fn disclose<'p>(
    plan: &'p Plan,
    figures: &'p Figures,
    edition: Edition,
    year_over_year: Option<&YearOverYear>,
) -> Disclosed<'p> {
    let rule = Rule { k: (edition == Edition::Council).then_some(plan.settings.min_group_size) };
    let mut whole = Vec::new();
    let linked = linked::linked(figures, rule);
    if linked.whole {
        whole.extend([Table::AgeAndGender, Table::ParticipationByGender, Table::ParticipationByAge]);
    }
    let workforce = workforce::workforce(plan, figures, rule, &linked, &mut whole);
    let participation = groups::participation(figures, &workforce, rule, &linked);
    let mut verdicts = verdicts::verdicts(figures, &participation);
    if plan.settings.stage(&plan.consultation) == crate::model::Stage::Draft {
        verdicts.for_draft();
    } else {
        verdicts.for_final();
    }
    let departments: Vec<(&Option<String>, bool)> =
        workforce.departments.iter().map(|(name, cells)| (name, !cells.heads.is_shown())).collect();
    let budget_by_department = money::budget_by_department(figures, &departments, rule);
    let standings = money::standings(figures, rule, &mut whole);
    let (kinds, kinds_total_withheld) = usage::kinds(figures, rule);
    let mut disclosed = Disclosed {
        gap: gap::gap(figures, rule, &standings),
        usage: usage::usage(plan, figures, rule),
        kinds,
        kinds_total_withheld,
        needs: needs::needs(figures, rule),
        edition,
        min_group_size: rule.k,
        public: public(plan, figures),
        personal: (edition == Edition::Internal).then_some(Personal {
            employees: &plan.employees,
            registrations: &plan.participations,
            accounts: &figures.accounts.accounts,
            gaps: &figures.needs.gaps,
        }),
        flow: workforce::flow(figures, rule, &mut whole),
        risk_groups: workforce::risk_groups(figures, rule),
        standings,
        budget_by_department,
        social_balance: money::social_balance(figures, rule, &mut whole),
        x_participants: money::x_participants(figures, rule),
        workforce,
        participation,
        verdicts,
        comparison: None,
        not_compared: None,
        key_figures: Vec::new(),
        withheld_tables: Vec::new(),
        versions: Versions { stage: plan.settings.stage(&plan.consultation), ..Versions::default() },
    };
    whole.sort_by_key(|t| *t as u8);
    whole.dedup();
    disclosed.withheld_tables = whole;

    disclosed.comparison = year_over_year.map(|yoy| comparison::comparison(&disclosed, yoy));
    disclosed.key_figures = comparison::key_figures(&disclosed, &figures.key_figures);
    disclosed
}

fn public<'p>(plan: &'p Plan, figures: &'p Figures) -> Public<'p> {
    let a = &figures.accounts;
    Public {
        organisation: &plan.organisation,
        settings: &plan.settings,
        strategy: &plan.strategy,
        annual: &plan.annual,
        consultation: &plan.consultation,
        branding: &plan.branding,
        trainings: &plan.trainings,
        usage: &figures.usage,
        legal: &figures.legal,
        training: &figures.training,
        budget: PublicBudget {
            total: figures.budget.total,
            per_fte: figures.budget.per_fte,
            by_goal: &figures.budget.by_goal,
            unassigned: figures.budget.unassigned,
        },
        suppliers: &figures.suppliers,
        deadlines: &figures.deadlines,
        readiness: figures.readiness.as_deref(),
        left_out: plan.left_out,
        carry_source: plan.carry_over.as_ref().map(|c| &c.source),
        needs: &plan.needs,
        cost_basis: CostBasis {
            wages: figures.social_balance.wages,
            hours_without_wage: figures.social_balance.hours_without_wage,
            funds_given: figures.social_balance.funds_given,
            subsidies_given: figures.social_balance.subsidies_given,
        },
        accounts: AccountTotals {
            count: a.accounts.len() as u32,
            entitled: a.entitled,
            planned: a.planned,
            followed: a.followed,
            carried: a.carried,
            remaining: a.remaining,
        },
    }
}
