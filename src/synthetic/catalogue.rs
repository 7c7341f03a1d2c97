//! The fictional company behind the example data: a machine builder in
//! Ghent (joint committees 111 and 200) with its departments, jobs and a
//! year's training offer.

use crate::model::{EducationLevel, Pillar, RiskGroup, Statute, TrainingKind};

pub struct Job {
    pub title: &'static str,
    pub statute: Statute,
    pub education: EducationLevel,
    pub bottleneck: bool,
    pub weight: f64,
    /// A team leader or manager: audience of leadership trainings.
    pub leads: bool,
}

pub struct Department {
    pub name: &'static str,
    pub weight: f64,
    pub female_share: f64,
    pub jobs: &'static [Job],
}

const fn job(
    title: &'static str,
    statute: Statute,
    education: EducationLevel,
    bottleneck: bool,
    weight: f64,
    leads: bool,
) -> Job {
    Job { title, statute, education, bottleneck, weight, leads }
}

use EducationLevel::{High, Low, Medium};
use Statute::{BlueCollar as Blue, Manager, WhiteCollar as White};

#[rustfmt::skip]
pub const DEPARTMENTS: &[Department] = &[
    Department { name: "Productie", weight: 0.30, female_share: 0.12, jobs: &[
        job("Operator", Blue, Low, false, 0.55, false),
        job("CNC-operator", Blue, Medium, true, 0.18, false),
        job("Lasser", Blue, Medium, true, 0.15, false),
        job("Ploegleider", Blue, Medium, false, 0.09, true),
        job("Productieleider", Manager, High, false, 0.03, true),
    ] },
    Department { name: "Assemblage", weight: 0.14, female_share: 0.18, jobs: &[
        job("Monteur", Blue, Medium, true, 0.75, false),
        job("Ploegleider assemblage", Blue, Medium, false, 0.15, true),
        job("Verantwoordelijke assemblage", Manager, High, false, 0.10, true),
    ] },
    Department { name: "Logistiek", weight: 0.14, female_share: 0.2, jobs: &[
        job("Magazijnier", Blue, Low, false, 0.45, false),
        job("Heftruckchauffeur", Blue, Low, true, 0.25, false),
        job("Vrachtwagenchauffeur", Blue, Medium, true, 0.15, false),
        job("Logistiek coördinator", White, Medium, false, 0.15, true),
    ] },
    Department { name: "Technische dienst", weight: 0.11, female_share: 0.06, jobs: &[
        job("Elektromecanicien", Blue, Medium, true, 0.50, false),
        job("Onderhoudstechnicus", Blue, Medium, true, 0.30, false),
        job("Leerling elektromechanica", Blue, Low, true, 0.10, false),
        job("Technisch verantwoordelijke", Manager, High, false, 0.10, true),
    ] },
    Department { name: "Kwaliteit", weight: 0.06, female_share: 0.45, jobs: &[
        job("Kwaliteitscontroleur", White, Medium, false, 0.6, false),
        job("Labo-analist", White, High, true, 0.25, false),
        job("Kwaliteitsmanager", Manager, High, false, 0.15, true),
    ] },
    Department { name: "Engineering", weight: 0.07, female_share: 0.25, jobs: &[
        job("Ontwerper", White, High, true, 0.6, false),
        job("Projectingenieur", White, High, true, 0.3, false),
        job("Engineering manager", Manager, High, false, 0.1, true),
    ] },
    Department { name: "Verkoop en klantendienst", weight: 0.08, female_share: 0.55, jobs: &[
        job("Medewerker klantendienst", White, Medium, false, 0.55, false),
        job("Accountmanager", White, High, false, 0.35, false),
        job("Salesmanager", Manager, High, false, 0.10, true),
    ] },
    Department { name: "Administratie en financiën", weight: 0.05, female_share: 0.7, jobs: &[
        job("Administratief medewerker", White, Medium, false, 0.55, false),
        job("Boekhouder", White, High, true, 0.35, false),
        job("Financieel directeur", Manager, High, false, 0.10, true),
    ] },
    Department { name: "HR", weight: 0.025, female_share: 0.75, jobs: &[
        job("HR-medewerker", White, High, false, 0.5, false),
        job("Payrollspecialist", White, Medium, false, 0.3, false),
        job("HR-manager", Manager, High, false, 0.2, true),
    ] },
    Department { name: "IT", weight: 0.025, female_share: 0.2, jobs: &[
        job("Systeembeheerder", White, High, true, 0.6, false),
        job("Softwareontwikkelaar", White, High, true, 0.3, false),
        job("IT-manager", Manager, High, false, 0.1, true),
    ] },
];

/// Who a training is meant for.
#[derive(Clone, Copy)]
pub enum Audience {
    Everyone,
    BlueCollar,
    WhiteCollar,
    Departments(&'static [&'static str]),
    Jobs(&'static [&'static str]),
    Leaders,
    Aged50Plus,
    Disability,
    NonEu,
    /// Started in the last two years.
    Newcomers,
}

pub struct CatalogueTraining {
    pub code: &'static str,
    pub title: &'static str,
    pub theme: &'static str,
    pub goal: Option<&'static str>,
    pub target_group: &'static str,
    pub kind: TrainingKind,
    /// Months of the plan year, first and last (1-12).
    pub months: (i8, i8),
    pub language: &'static str,
    pub method: &'static str,
    pub hours: f64,
    pub provider: &'static str,
    pub budget: Option<f64>,
    pub evaluation: &'static str,
    pub risk_groups: &'static [RiskGroup],
    pub pillar: Pillar,
    pub audience: Audience,
    /// Share of the audience that registers.
    pub uptake: f64,
}

macro_rules! training {
    ($code:literal, $title:literal, $theme:literal, $goal:expr, $target:literal, $kind:ident, $months:expr,
     $method:literal, $hours:literal, $provider:literal, $budget:expr, $evaluation:literal, $risks:expr,
     $pillar:ident, $audience:expr, $uptake:literal) => {
        CatalogueTraining {
            code: $code,
            title: $title,
            theme: $theme,
            goal: $goal,
            target_group: $target,
            kind: TrainingKind::$kind,
            months: $months,
            language: "Nederlands",
            method: $method,
            hours: $hours,
            provider: $provider,
            budget: $budget,
            evaluation: $evaluation,
            risk_groups: $risks,
            pillar: Pillar::$pillar,
            audience: $audience,
            uptake: $uptake,
        }
    };
}

use Audience as A;
use RiskGroup::{Aged50Plus, BottleneckOccupation as Bottleneck, Disability, NonEuNationality as NonEu};

const PRODUCTION: &[&str] = &["Productie", "Assemblage"];
const WORKSHOP: &[&str] = &["Productie", "Assemblage", "Technische dienst", "Logistiek"];

#[rustfmt::skip]
pub const TRAININGS: &[CatalogueTraining] = &[
    training!("VEI-01", "VCA-basisveiligheid", "Veiligheid", Some("D1"), "Operatoren, monteurs en technici zonder geldig VCA-attest", Formal, (2, 3), "Klassikaal", 8.0, "Syntra Midden-Vlaanderen", Some(3200.0), "Examen met attest", &[], ProfessionalField, A::Departments(WORKSHOP), 0.22),
    training!("VEI-02", "VCA-VOL voor leidinggevenden", "Veiligheid", Some("D1"), "Ploegleiders en verantwoordelijken", Formal, (3, 4), "Klassikaal", 16.0, "Syntra Midden-Vlaanderen", Some(2400.0), "Examen met attest", &[], ProfessionalField, A::Leaders, 0.5),
    training!("VEI-03", "Heftruck: attest en opfrissing", "Veiligheid", Some("D1"), "Magazijniers en heftruckchauffeurs", Formal, (4, 4), "Praktijkopleiding", 7.0, "VDAB", Some(2100.0), "Praktijktest", &[Bottleneck], ProfessionalField, A::Departments(&["Logistiek"]), 0.6),
    training!("VEI-04", "EHBO op de werkvloer", "Veiligheid", Some("D1"), "Aangeduide hulpverleners per ploeg", Formal, (5, 6), "Klassikaal", 12.0, "Rode Kruis Vlaanderen", Some(1800.0), "Attest hulpverlener", &[], ProfessionalField, A::Everyone, 0.08),
    training!("VEI-05", "Toolbox veiligheid", "Veiligheid", Some("D1"), "Alle arbeiders, maandelijks een halfuur", Informal, (1, 12), "Toolboxmeeting op de werkvloer", 6.0, "Intern (preventieadviseur)", None, "Aanwezigheid en korte quiz", &[], ProfessionalField, A::BlueCollar, 0.55),
    training!("VEI-06", "Brandbestrijding en evacuatie", "Veiligheid", Some("D1"), "Leden van de interventieploeg", Formal, (9, 9), "Praktijkoefening", 4.0, "Brandweerzone Centrum", Some(1500.0), "Evaluatie van de oefening", &[], ProfessionalField, A::Everyone, 0.06),
    training!("DIG-01", "Werken met het MES op de productievloer", "Digitalisering", Some("D2"), "Alle operatoren en monteurs", Informal, (2, 6), "On-the-job met superusers", 6.0, "Intern (superusers)", None, "Observatie door de superuser", &[], Strategy, A::Departments(PRODUCTION), 0.5),
    training!("DIG-02", "Excel voor gevorderden", "Digitalisering", Some("D2"), "Bedienden die rapporten opmaken", Formal, (3, 5), "Webinar", 12.0, "Cevora", None, "Praktijkopdracht", &[], ProfessionalField, A::Departments(&["Administratie en financiën", "Verkoop en klantendienst", "Kwaliteit"]), 0.3),
    training!("DIG-03", "Samenwerken in Teams en SharePoint", "Digitalisering", Some("D2"), "Alle bedienden", Informal, (1, 3), "E-learning", 4.0, "Intern (IT)", Some(900.0), "Zelftest in de e-learning", &[], Strategy, A::WhiteCollar, 0.35),
    training!("DIG-04", "Phishing en cyberveiligheid", "Digitalisering", Some("D2"), "Alle medewerkers met een e-mailadres", Informal, (10, 10), "E-learning", 2.0, "Intern (IT)", Some(1500.0), "Phishingsimulatie na drie maanden", &[], Strategy, A::WhiteCollar, 0.7),
    training!("DIG-05", "Digitale basisvaardigheden", "Digitalisering", Some("D2"), "Operatoren die weinig met een computer werken, in het bijzonder 50-plussers", Formal, (9, 11), "Klassikaal in kleine groepen", 16.0, "VDAB", None, "Praktijkopdracht", &[Aged50Plus], Career, A::Aged50Plus, 0.22),
    training!("DIG-06", "ERP: aankoop en planning", "Digitalisering", Some("D2"), "Planners en administratieve medewerkers", Formal, (5, 6), "Klassikaal", 14.0, "Softwareleverancier", Some(4200.0), "Test na de opleiding", &[], Strategy, A::Jobs(&["Logistiek coördinator", "Administratief medewerker", "Boekhouder"]), 0.6),
    training!("VAK-01", "TIG-lassen voor gevorderden", "Vakmanschap", Some("D3"), "Lassers", Formal, (2, 4), "Praktijkopleiding", 40.0, "Opleidingscentrum Metaal Gent", Some(6400.0), "Lasproef (certificaat)", &[Bottleneck], ProfessionalField, A::Jobs(&["Lasser"]), 0.6),
    training!("VAK-02", "CNC-programmeren", "Vakmanschap", Some("D3"), "CNC-operatoren", Formal, (3, 5), "Klassikaal en praktijk", 32.0, "Syntra Midden-Vlaanderen", Some(5200.0), "Praktijkproef", &[Bottleneck], ProfessionalField, A::Jobs(&["CNC-operator", "Operator"]), 0.12),
    training!("VAK-03", "Elektrische veiligheid BA4/BA5", "Vakmanschap", Some("D3"), "Elektromecaniciens en onderhoudstechnici", Formal, (1, 2), "Klassikaal", 16.0, "Volta", Some(2600.0), "Examen met attest", &[Bottleneck], ProfessionalField, A::Departments(&["Technische dienst"]), 0.6),
    training!("VAK-04", "Hydrauliek en pneumatiek", "Vakmanschap", Some("D3"), "Technische dienst", Formal, (10, 11), "Klassikaal en praktijk", 24.0, "Volta", Some(3100.0), "Praktijkproef", &[Bottleneck], ProfessionalField, A::Departments(&["Technische dienst"]), 0.4),
    training!("VAK-05", "Peter- en meterschap voor nieuwe collega's", "Vakmanschap", Some("D3"), "Nieuwe medewerkers in een knelpuntfunctie", Informal, (1, 12), "Leren op de werkplek", 20.0, "Intern (peters en meters)", None, "Evaluatiegesprek na drie maanden", &[Bottleneck], Career, A::Newcomers, 0.5),
    training!("VAK-06", "Duaal leren elektromechanica", "Vakmanschap", Some("D3"), "Leerlingen elektromechanica", Initial, (1, 6), "Duaal leren: school en werkplek", 160.0, "Technisch instituut (duaal)", None, "Evaluatie door school en mentor", &[Bottleneck], Career, A::Jobs(&["Leerling elektromechanica"]), 1.0),
    training!("VAK-07", "Probleemoplossing met 8D", "Kwaliteit", Some("D3"), "Kwaliteitsdienst en ploegleiders", Formal, (4, 5), "Workshop", 14.0, "Sirris", Some(2800.0), "Toepassing op een echt probleem", &[], Strategy, A::Departments(&["Kwaliteit"]), 0.6),
    training!("VAK-08", "Technische tekeningen lezen", "Vakmanschap", Some("D3"), "Operatoren en monteurs die willen doorgroeien", Formal, (9, 10), "Klassikaal", 12.0, "Intern (engineering)", Some(600.0), "Test na de opleiding", &[Bottleneck], Career, A::Jobs(&["Operator", "Monteur", "Magazijnier"]), 0.1),
    training!("LEI-01", "Coachend leidinggeven", "Leiderschap", Some("D4"), "Ploegleiders en managers", Formal, (2, 6), "Klassikaal (drie dagen)", 21.0, "Leiderschapsacademie Gent", Some(7800.0), "360°-feedback na zes maanden", &[], Strategy, A::Leaders, 0.45),
    training!("LEI-02", "POP-gesprekken voeren", "Leiderschap", Some("D4"), "Alle leidinggevenden", Formal, (1, 2), "Workshop", 7.0, "Intern (HR)", None, "Aantal gevoerde POP-gesprekken", &[], Strategy, A::Leaders, 0.8),
    training!("LEI-03", "Intervisie voor ploegleiders", "Leiderschap", Some("D4"), "Ploegleiders", Informal, (1, 12), "Intervisie (zes sessies)", 12.0, "Intern (HR)", None, "Tevredenheidsbevraging", &[], Career, A::Jobs(&["Ploegleider", "Ploegleider assemblage"]), 0.8),
    training!("LEI-04", "Feedback geven en ontvangen", "Leiderschap", Some("D4"), "Alle bedienden", Formal, (10, 10), "Webinar", 3.0, "Cevora", None, "Tevredenheidsbevraging", &[], Career, A::WhiteCollar, 0.25),
    training!("LEI-05", "Onthaaltraject", "Onthaal", Some("D4"), "Nieuwe medewerkers", Informal, (1, 12), "Onthaaldag en begeleiding", 8.0, "Intern (HR)", None, "Onthaalbevraging", &[], Career, A::Newcomers, 0.7),
    training!("INC-01", "Werkbaar werk voor 50-plussers", "Duurzame inzetbaarheid", Some("D5"), "Medewerkers van 50 jaar en ouder", Formal, (3, 3), "Workshop", 7.0, "Externe preventiedienst", Some(1400.0), "Tevredenheidsbevraging", &[Aged50Plus], Career, A::Aged50Plus, 0.3),
    training!("INC-02", "Loopbaanbegeleiding", "Duurzame inzetbaarheid", Some("D5"), "Medewerkers die hun loopbaan willen heroriënteren", Informal, (1, 12), "Individuele coaching", 8.0, "Erkend loopbaancentrum", None, "Eigen loopbaanplan", &[Aged50Plus], Career, A::Aged50Plus, 0.12),
    training!("INC-03", "Werken met een beperking: aanpassingen op maat", "Inclusie", Some("D5"), "Medewerkers met een handicap en hun leidinggevende", Informal, (2, 12), "Jobcoaching", 6.0, "GTB", Some(500.0), "Opvolggesprek", &[Disability], Career, A::Disability, 0.8),
    training!("INC-04", "Nederlands op de werkvloer", "Inclusie", Some("D5"), "Anderstalige medewerkers", Formal, (9, 12), "Klassikaal en op de werkplek", 40.0, "Huis van het Nederlands Gent", None, "Taaltest (ERK-niveau)", &[NonEu], Career, A::NonEu, 0.6),
    training!("INC-05", "Generaties op de werkvloer", "Inclusie", Some("D5"), "Alle ploegen", Formal, (11, 11), "Workshop", 3.0, "Inclusie vzw", Some(1200.0), "Tevredenheidsbevraging", &[Aged50Plus], Career, A::Everyone, 0.12),
    training!("COM-01", "Klantgericht communiceren", "Communicatie", None, "Klantendienst en accountmanagers", Formal, (4, 5), "Klassikaal", 14.0, "Cevora", None, "Rollenspel", &[], ProfessionalField, A::Departments(&["Verkoop en klantendienst"]), 0.5),
    training!("COM-02", "Frans voor de klantendienst", "Communicatie", None, "Klantendienst", Formal, (9, 12), "Klassikaal", 30.0, "Syntra Midden-Vlaanderen", Some(2200.0), "Taaltest", &[], ProfessionalField, A::Jobs(&["Medewerker klantendienst"]), 0.4),
];
