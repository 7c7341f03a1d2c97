//! The canonical sheets and columns, with the names users give them in
//! Dutch, French and English. Matching ignores case, accents, punctuation
//! and extra spaces.

use crate::model::Language;
use crate::text::fold;
use std::collections::HashMap;
use std::sync::LazyLock;

pub trait Field: Copy + Eq + std::fmt::Debug + 'static {
    const ALL: &'static [Self];
    fn index(self) -> usize;
    /// The field's key in `plan.toml` mappings (`birth_date`).
    fn key(self) -> &'static str;
    /// Dutch, French and English names first, then other common spellings.
    fn names(self) -> &'static [&'static str];
    fn required(self) -> bool;
    /// A field that may stand in for this required one (age for birth date).
    fn alternative(self) -> Option<Self>;

    fn keys() -> Vec<String> {
        Self::ALL.iter().map(|f| f.key().to_string()).collect()
    }
}

macro_rules! fields {
    ($name:ident { $($variant:ident $key:literal $([$req:ident $(or $alt:ident)?])? => [$($n:literal),+ $(,)?]),+ $(,)? }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($variant),+ }

        impl Field for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn index(self) -> usize { self as usize }
            fn key(self) -> &'static str {
                match self { $(Self::$variant => $key),+ }
            }
            fn names(self) -> &'static [&'static str] {
                match self { $(Self::$variant => &[$($n),+]),+ }
            }
            fn required(self) -> bool {
                match self { $(Self::$variant => fields!(@required $($req)?)),+ }
            }
            fn alternative(self) -> Option<Self> {
                match self { $(Self::$variant => fields!(@alternative $($($alt)?)?)),+ }
            }
        }
    };
    (@required required) => { true };
    (@required) => { false };
    (@alternative $alt:ident) => { Some(Self::$alt) };
    (@alternative) => { None };
}

fields!(EmployeeField {
    Id "id" [required] => ["Personeelsnummer", "Matricule", "Employee number", "personeelsnr", "pers nr",
        "werknemersnummer", "stamnummer", "numero de matricule", "numero de personnel", "employee id",
        "employeenumber", "employee no", "staff number"],
    Name "name" => ["Naam", "Nom", "Name", "volledige naam", "naam en voornaam", "nom et prenom", "nom complet",
        "full name", "employee name"],
    Gender "gender" [required] => ["Geslacht", "Sexe", "Gender", "sex", "genre", "m v x", "h f x"],
    BirthDate "birth_date" [required or Age] => ["Geboortedatum", "Date de naissance", "Birth date", "date of birth", "birthdate",
        "geboorte datum", "dob", "ne le"],
    Fte "fte" [required] => ["VTE", "ETP", "FTE", "voltijds equivalent", "voltijdse equivalent", "equivalent temps plein",
        "full time equivalent", "tewerkstellingsbreuk", "werkregime"],
    StartDate "start_date" => ["Datum in dienst", "Date d'entrée", "Start date", "indienstdatum", "datum indiensttreding",
        "in dienst", "date d entree en service", "date d entree", "hire date", "date of hire", "startdatum"],
    EndDate "end_date" => ["Datum uit dienst", "Date de sortie", "End date", "uitdienstdatum", "datum uitdiensttreding",
        "uit dienst", "date de fin de contrat", "termination date", "leaving date", "einddatum"],
    Department "department" => ["Afdeling", "Département", "Department", "dienst", "service", "afdeling dienst"],
    PreviousDepartment "previous_department" => ["Vorige afdeling", "Département précédent", "Previous department",
        "vorige dienst", "service precedent", "former department"],
    JobTitle "job_title" => ["Functie", "Fonction", "Job title", "functietitel", "poste", "job", "job role", "jobrole", "position"],
    Statute "statute" => ["Statuut", "Statut", "Worker status", "categorie", "werknemerscategorie", "employee category",
        "status"],
    Education "education" => ["Opleidingsniveau", "Niveau de formation", "Education level", "scholingsniveau",
        "onderwijsniveau", "niveau d etudes", "niveau de diplome", "diplomaniveau", "education"],
    Disability "disability" => ["Handicap", "Handicap", "Disability", "arbeidshandicap", "beperking", "met handicap",
        "travailleur handicape", "disabled"],
    Nationality "nationality" => ["Nationaliteit", "Nationalité", "Nationality", "citizenship", "nationaliteit code"],
    Age "age" => ["Leeftijd", "Âge", "Age", "leeftijd op referentiedatum", "age in years"],
    Bottleneck "bottleneck_occupation" => ["Knelpuntberoep", "Métier en pénurie", "Bottleneck occupation", "knelpuntfunctie", "knelpunt",
        "metier en penurie", "fonction critique", "shortage occupation"],
    Language "language" => ["Taal", "Langue", "Language", "voertaal", "langue de correspondance", "correspondence language"],
    JointCommittee "joint_committee" => ["Paritair comité", "Commission paritaire", "Joint committee", "pc", "cp",
        "paritair comite nr", "numero commission paritaire", "pc nummer"],
    HourlyWage "hourly_wage" => ["Uurloon", "Salaire horaire", "Hourly wage", "uurloonkost", "brutouurloon", "cout horaire",
        "hourly cost", "hourly rate"],
    AnnualSalary "annual_salary" => ["Jaarloon", "Salaire annuel", "Annual salary", "jaarloonkost", "brutojaarloon",
        "remuneration annuelle", "annual pay", "yearly salary"],
});

fields!(TrainingField {
    Code "code" [required] => ["Code", "Code", "Code", "opleidingscode", "code formation", "training code", "id"],
    Title "title" [required] => ["Titel", "Titre", "Title", "titel opleiding", "naam opleiding", "opleiding", "intitule",
        "formation", "training", "name"],
    Theme "theme" => ["Thema", "Thème", "Theme", "onderwerp", "sujet", "topic"],
    Goal "goal" => ["Doelstelling", "Objectif", "Goal", "strategische doelstelling", "doel", "objectif strategique",
        "strategic goal", "objective"],
    TargetGroup "target_group" => ["Doelgroep", "Groupe cible", "Target group", "public cible", "audience"],
    Kind "kind" [required] => ["Soort", "Type", "Kind", "formeel informeel", "aard", "type de formation", "nature",
        "training type", "type of training"],
    StartDate "start_date" => ["Startdatum", "Date de début", "Start date", "begindatum", "debut", "from"],
    EndDate "end_date" => ["Einddatum", "Date de fin", "End date", "fin", "to"],
    Language "language" => ["Taal", "Langue", "Language"],
    Method "method" => ["Leermethode", "Méthode", "Learning method", "methode", "werkvorm", "leervorm",
        "methode d apprentissage", "method", "format"],
    Registrations "registrations" => ["Inschrijvingen", "Inscriptions", "Registrations", "aantal inschrijvingen",
        "aantal deelnemers", "nombre d inscriptions", "nombre de participants", "enrolments", "enrollments"],
    Duration "duration_hours" [required] => ["Duur (uren)", "Durée (heures)", "Duration (hours)", "duur", "duurtijd", "uren",
        "aantal uren", "duree", "heures", "nombre d heures", "duration", "hours"],
    Provider "provider" => ["Opleidingscentrum", "Opérateur de formation", "Training provider", "aanbieder", "opleider",
        "leverancier", "opleidingsverstrekker", "centre de formation", "organisme de formation", "fournisseur",
        "provider", "supplier"],
    Budget "budget" => ["Budget", "Budget", "Budget", "budget eur", "budget euro", "kostprijs", "cout", "cost"],
    Evaluation "evaluation" => ["Evaluatiemethode", "Méthode d'évaluation", "Evaluation method", "evaluatie", "evaluation"],
    RiskGroups "risk_groups" => ["Risicogroep", "Groupe à risque", "Risk group", "risicogroepen", "groupes a risque",
        "risk groups"],
    Pillar "pillar" => ["Pijler", "Pilier", "Pillar"],
    Delivers "delivers" => ["Levert", "Délivre", "Delivers", "levert op", "certificaat na afloop"],
});

fields!(RequirementField {
    Job "job" => ["Functie", "Fonction", "Job title", "functietitel", "poste", "job"],
    Department "department" => ["Afdeling", "Département", "Department", "dienst", "service"],
    Certificate "certificate" => ["Certificaat", "Certificat", "Certificate", "attest vereist", "certification"],
    Competence "competence" => ["Competentie", "Compétence", "Competence", "vaardigheid", "skill"],
    Validity "validity_months" => ["Geldigheid (maanden)", "Validité (mois)", "Validity (months)", "geldigheid",
        "validite", "validity"],
    Mandatory "mandatory" => ["Verplicht", "Obligatoire", "Mandatory", "required"],
});

fields!(CertificateField {
    EmployeeId "employee_id" [required] => ["Personeelsnummer", "Matricule", "Employee number", "personeelsnr", "pers nr",
        "werknemersnummer", "stamnummer", "numero de matricule", "employee id", "employeenumber"],
    Certificate "certificate" [required] => ["Certificaat", "Certificat", "Certificate", "attest", "certification"],
    Obtained "obtained_on" => ["Behaald op", "Obtenu le", "Obtained on", "behaald", "date d obtention", "issued"],
    ValidUntil "valid_until" => ["Geldig tot", "Valable jusqu'au", "Valid until", "vervaldatum", "date d expiration",
        "expires", "expiry date"],
});

fields!(CompetenceField {
    EmployeeId "employee_id" [required] => ["Personeelsnummer", "Matricule", "Employee number", "personeelsnr", "pers nr",
        "werknemersnummer", "stamnummer", "numero de matricule", "employee id", "employeenumber"],
    Competence "competence" [required] => ["Competentie", "Compétence", "Competence", "vaardigheid", "skill"],
    Current "current_level" [required] => ["Huidig niveau", "Niveau actuel", "Current level", "huidig", "niveau"],
    Wanted "wanted_level" [required] => ["Gewenst niveau", "Niveau souhaité", "Desired level", "gewenst", "target level"],
});

fields!(ParticipationField {
    EmployeeId "employee_id" [required] => ["Personeelsnummer", "Matricule", "Employee number", "personeelsnr", "pers nr",
        "werknemersnummer", "stamnummer", "numero de matricule", "employee id", "employeenumber"],
    TrainingCode "training_code" [required] => ["Opleidingscode", "Code formation", "Training code", "code", "opleiding",
        "formation", "training"],
    Hours "hours" => ["Uren", "Heures", "Hours", "aantal uren", "nombre d heures", "duur", "duree"],
    Status "status" => ["Status", "Statut", "Status", "toestand", "etat", "state"],
    Date "date" => ["Datum", "Date", "Date"],
    Cost "cost" => ["Kosten", "Coût", "Cost", "kost", "kostprijs", "couts", "costs", "bedrag", "montant", "amount"],
});

fields!(BalanceField {
    EmployeeId "employee_id" [required] => ["Personeelsnummer", "Matricule", "Employee number", "personeelsnr", "pers nr",
        "werknemersnummer", "stamnummer", "numero de matricule", "employee id", "employeenumber"],
    Days "balance_days" [required] => ["Saldo (dagen)", "Solde (jours)", "Balance (days)", "saldo", "solde", "balance",
        "saldo dagen", "jours restants", "remaining days", "days"],
    Year "year" [required] => ["Jaar", "Année", "Year"],
});

fields!(QuarterField {
    Quarter "quarter" [required] => ["Kwartaal", "Trimestre", "Quarter", "periode", "period"],
    Year "year" => ["Jaar", "Année", "Year"],
    Fte "fte" [required] => ["VTE", "ETP", "FTE", "gemiddelde vte", "etp moyen", "average fte", "vte rsz",
        "etp onss"],
});

/// A sheet: its names and how its headers map to fields.
pub struct SheetSpec<F: Field> {
    /// The sheet's key in `plan.toml` (`[input.employees]`).
    pub key: &'static str,
    names: &'static [&'static str],
    pub optional: bool,
    /// Whether a workbook with a single, differently named sheet is taken
    /// as this sheet (a payroll export usually is one sheet of employees).
    pub takes_lone_sheet: bool,
    folded_names: Vec<String>,
    by_header: HashMap<String, F>,
}

impl<F: Field> SheetSpec<F> {
    fn new(
        key: &'static str,
        names: &'static [&'static str],
        optional: bool,
        takes_lone_sheet: bool,
    ) -> Self {
        let mut by_header = HashMap::new();
        for &field in F::ALL {
            for name in field.names() {
                by_header.entry(fold(name)).or_insert(field);
            }
        }
        let folded_names = names.iter().map(|n| fold(n)).collect();
        Self { key, names, optional, takes_lone_sheet, folded_names, by_header }
    }

    pub fn name(&self, language: Language) -> &'static str {
        self.names[language.index()]
    }

    pub fn matches_name(&self, sheet: &str) -> bool {
        let key = fold(sheet);
        self.folded_names.contains(&key)
    }

    pub fn field_for_header(&self, folded: &str) -> Option<F> {
        self.by_header.get(folded).copied()
    }
}

pub static EMPLOYEES: LazyLock<SheetSpec<EmployeeField>> = LazyLock::new(|| {
    SheetSpec::new(
        "employees",
        &[
            "Medewerkers",
            "Travailleurs",
            "Employees",
            "werknemers",
            "personeel",
            "personeelsbestand",
            "personnel",
            "staff",
            "workforce",
        ],
        false,
        true,
    )
});

pub static TRAININGS: LazyLock<SheetSpec<TrainingField>> = LazyLock::new(|| {
    SheetSpec::new(
        "trainings",
        &["Opleidingen", "Formations", "Trainings", "opleidingsaanbod", "training"],
        false,
        false,
    )
});

pub static PARTICIPATIONS: LazyLock<SheetSpec<ParticipationField>> = LazyLock::new(|| {
    SheetSpec::new(
        "participations",
        &[
            "Deelnames",
            "Participations",
            "Participations",
            "inschrijvingen",
            "deelnemers",
            "inscriptions",
            "registrations",
            "enrolments",
        ],
        true,
        false,
    )
});

pub static QUARTERS: LazyLock<SheetSpec<QuarterField>> = LazyLock::new(|| {
    SheetSpec::new(
        "quarterly_fte",
        &[
            "VTE per kwartaal",
            "ETP par trimestre",
            "Quarterly FTE",
            "kwartalen",
            "rsz",
            "trimestres",
            "onss",
            "quarters",
        ],
        true,
        false,
    )
});

pub static BALANCES: LazyLock<SheetSpec<BalanceField>> = LazyLock::new(|| {
    SheetSpec::new(
        "training_balance",
        &[
            "Opleidingssaldo",
            "Solde de formation",
            "Training balance",
            "saldo opleidingsdagen",
            "solde formation",
            "training balances",
        ],
        true,
        false,
    )
});

pub static REQUIREMENTS: LazyLock<SheetSpec<RequirementField>> = LazyLock::new(|| {
    SheetSpec::new(
        "job_requirements",
        &[
            "Functievereisten",
            "Exigences de fonction",
            "Job requirements",
            "vereisten",
            "exigences",
            "requirements",
        ],
        true,
        false,
    )
});

pub static CERTIFICATES: LazyLock<SheetSpec<CertificateField>> = LazyLock::new(|| {
    SheetSpec::new(
        "certificates",
        &["Certificaten", "Certificats", "Certificates", "attesten", "certifications"],
        true,
        false,
    )
});

pub static COMPETENCES: LazyLock<SheetSpec<CompetenceField>> = LazyLock::new(|| {
    SheetSpec::new(
        "competences",
        &["Competenties", "Compétences", "Competences", "vaardigheden", "skills"],
        true,
        false,
    )
});

#[cfg(test)]
mod tests {
    use super::*;

    fn no_clashes<F: Field>() {
        let mut seen: HashMap<String, F> = HashMap::new();
        for &field in F::ALL {
            for name in field.names() {
                if let Some(other) = seen.insert(fold(name), field) {
                    assert_eq!(other, field, "header {name:?} names both {other:?} and {field:?}");
                }
            }
        }
    }

    #[test]
    fn header_names_are_unambiguous_per_sheet() {
        no_clashes::<EmployeeField>();
        no_clashes::<TrainingField>();
        no_clashes::<ParticipationField>();
        no_clashes::<QuarterField>();
        no_clashes::<BalanceField>();
        no_clashes::<RequirementField>();
        no_clashes::<CertificateField>();
        no_clashes::<CompetenceField>();
    }

    #[test]
    fn headers_match_in_any_language_and_spelling() {
        let spec = &*EMPLOYEES;
        assert_eq!(spec.field_for_header(&fold(" vte ")), Some(EmployeeField::Fte));
        assert_eq!(spec.field_for_header(&fold("Date d’entrée")), Some(EmployeeField::StartDate));
        assert_eq!(spec.field_for_header(&fold("NATIONALITE")), Some(EmployeeField::Nationality));
        assert_eq!(TRAININGS.field_for_header(&fold("Duur(uren)")), Some(TrainingField::Duration));
        assert!(spec.matches_name("MEDEWERKERS"));
        assert!(PARTICIPATIONS.matches_name("Participations"));
    }
}
