//! A plan kept open while it is written: its files watched, its preview
//! typeset again when one of them changes. `serve` keeps one per plan it
//! shows, `watch` one for its plan; both build through the same
//! [`pipeline::preview`] as a build would.

mod stamp;

pub use stamp::Stamp;

use crate::batch::BatchConfig;
use crate::config::sources::BatchContext;
use crate::model::{Edition, Stage};
use crate::outputs::pdf::{CachePolicy, RenderError, Resources, Typeset};
use crate::pipeline::{self, BuildError, Prepared, PreviewJob};
use crate::problem::Problems;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// What every open plan of a process shares.
pub struct Context {
    /// The archive builds go into.
    pub out: PathBuf,
    /// The batch root and its settings, when the plans are part of one.
    pub(crate) batch: Option<(PathBuf, BatchConfig)>,
    /// The layout and fonts; Typst's cache is kept between documents, so
    /// a small edit typesets again in a fraction of the first time.
    pub resources: Resources,
}

impl Context {
    /// The context of plans under `root`: a batch root as `batch` reads it
    /// (its `batch.toml`, `layouts/` and `rules/`, each optional) unless
    /// `root` is a plan folder itself.
    pub fn new(root: &Path, out: PathBuf) -> Result<Self, BuildError> {
        let bundled = Resources::bundled(CachePolicy::KeepUntilExit);
        if root.join(crate::config::PLAN_FILE).exists() {
            return Ok(Self { out, batch: None, resources: bundled });
        }
        let batch = crate::batch::read_config(root).map_err(BuildError::Problems)?;
        let resources = match &batch.layout {
            Some(dir) => bundled
                .overlaid(dir)
                .map_err(|source| BuildError::LayoutFolder { path: dir.clone(), source })?,
            None => bundled,
        };
        Ok(Self { out, batch: Some((root.to_path_buf(), batch)), resources })
    }

    /// The batch's defaults for its plans (none outside a batch).
    pub(crate) fn defaults(&self) -> &crate::config::Defaults {
        static NONE: std::sync::LazyLock<crate::config::Defaults> =
            std::sync::LazyLock::new(Default::default);
        self.batch.as_ref().map_or(&*NONE, |(_, b)| &b.defaults)
    }

    /// Runs `work` with the batch as a build sees it.
    pub(crate) fn with_batch<T>(&self, work: impl FnOnce(Option<&BatchContext<'_>>) -> T) -> T {
        match &self.batch {
            Some((root, batch)) => {
                let context = BatchContext {
                    root,
                    defaults: &batch.defaults,
                    toml: &batch.bytes,
                    layout: batch.layout.as_deref(),
                };
                work(Some(&context))
            }
            None => work(None),
        }
    }
}

/// One plan kept open.
pub struct Session {
    /// The plan folder.
    pub folder: PathBuf,
    /// The edition shown.
    pub edition: Edition,
    /// Draft or final; `None`: as the plan says.
    pub stage: Option<Stage>,
    /// Goes up by one each time what is shown changes.
    pub revision: u64,
    /// The files as last read.
    stamp: Option<Stamp>,
    /// Files in the plan folder that are not the plan's (the preview PDF
    /// `watch` writes there): their changes are not the plan's.
    ignored: Vec<PathBuf>,
    /// What the files gave.
    pub state: State,
}

/// What a plan's files give.
pub enum State {
    /// Not read yet.
    Unread,
    /// A plan typeset.
    Shown(Box<Shown>),
    /// Problems in the data or `plan.toml`: every one of them.
    Problems(Problems),
    /// The layout or the fonts failed (a layout file of the plan's own):
    /// said in the reader's language where it is shown.
    Failed(BuildError),
}

/// A plan typeset, its pages drawn on demand.
pub struct Shown {
    /// Everything derived from the input.
    pub prepared: Prepared,
    /// The laid-out pages.
    pub typeset: Typeset,
    /// Each page as SVG, drawn when first asked for.
    svgs: Vec<OnceLock<String>>,
}

impl Shown {
    /// Page `number` (1-based) as SVG.
    pub fn page_svg(&self, number: usize) -> Option<&str> {
        let page = self.typeset.document.pages().get(number.checked_sub(1)?)?;
        let slot = self.svgs.get(number - 1)?;
        Some(slot.get_or_init(|| typst_svg::svg(page, &typst_svg::SvgOptions::default())))
    }

    /// How many pages there are.
    pub fn pages(&self) -> usize {
        self.typeset.document.pages().len()
    }

    /// The PDF of these pages, as `build` would write it (without the
    /// files a built PDF carries).
    pub fn pdf(&self) -> Result<Vec<u8>, RenderError> {
        let plan = &self.prepared.plan;
        let ident = format!("{}/{}/preview", plan.organisation.enterprise_number, plan.settings.year);
        let identity = crate::outputs::pdf::PdfIdentity { ident, date: plan.settings.metadata_date() };
        crate::outputs::pdf::export_pdf(&self.typeset.document, &identity)
    }
}

/// Reads and validates the plan in `folder` as a build would, without
/// typesetting it: for a list of plans.
pub fn check(folder: &Path, context: &Context) -> Result<Prepared, BuildError> {
    context.with_batch(|batch| {
        let job = PreviewJob {
            folder,
            out: &context.out,
            batch,
            resources: &context.resources,
            edition: Edition::Council,
            stage: None,
        };
        pipeline::check(&job).map(|(prepared, _)| prepared)
    })
}

impl Session {
    /// A session on the plan in `folder`, nothing read yet.
    pub fn new(folder: PathBuf, edition: Edition) -> Self {
        Self {
            folder,
            edition,
            stage: None,
            revision: 0,
            stamp: None,
            ignored: Vec::new(),
            state: State::Unread,
        }
    }

    /// Leaves `file` out of what is watched.
    pub fn ignore(&mut self, file: PathBuf) {
        self.ignored.push(file);
    }

    /// Reads the plan again when one of its files changed since the last
    /// time (or `force`); `true` when what is shown changed.
    pub fn refresh(&mut self, context: &Context, force: bool) -> bool {
        let stamp = Stamp::of(&self.folder, context, &self.ignored);
        if !force && self.stamp.as_ref() == Some(&stamp) && !matches!(self.state, State::Unread) {
            return false;
        }
        self.stamp = Some(stamp);
        self.state = self.read(context);
        self.revision += 1;
        true
    }

    fn read(&self, context: &Context) -> State {
        let result = context.with_batch(|batch| {
            pipeline::preview(&PreviewJob {
                folder: &self.folder,
                out: &context.out,
                batch,
                resources: &context.resources,
                edition: self.edition,
                stage: self.stage,
            })
        });
        match result {
            Ok(preview) => {
                let svgs = (0..preview.typeset.document.pages().len()).map(|_| OnceLock::new()).collect();
                State::Shown(Box::new(Shown { prepared: preview.prepared, typeset: preview.typeset, svgs }))
            }
            Err(BuildError::Problems(problems)) => State::Problems(problems),
            Err(other) => State::Failed(other),
        }
    }
}
