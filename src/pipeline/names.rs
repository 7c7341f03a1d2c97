use crate::model::Edition;
use crate::model::Plan;

/// `opleidingsplan-2027-voorbeeld-nv.pdf` and its siblings, in the plan's
/// language; the internal edition's names end in "-intern" (nl), "-interne"
/// (fr) or "-internal" (en), so the file to hand out is the plain one.
pub struct FileNames {
    pub pdf: String,
    pub annex: String,
    pub data: String,
}

impl FileNames {
    pub fn of(plan: &Plan, edition: Edition) -> Self {
        let names = &plan.settings.language.strings().document;
        let mut stem = format!(
            "{}-{}-{}",
            names.plan_file,
            plan.settings.year,
            crate::text::slug(&plan.organisation.name)
        );
        if edition == Edition::Internal {
            stem = format!("{stem}-{}", names.internal_file);
        }
        Self {
            pdf: format!("{stem}.pdf"),
            annex: format!("{stem}-{}.xlsx", names.annex_file),
            data: format!("{stem}-{}.json", names.data_file),
        }
    }
}
