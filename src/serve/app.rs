//! The application's state: the folder it serves, the archive, the token
//! that guards its forms, and one open [`Session`] per plan shown.

use crate::live::{Context, Session};
use crate::model::{Edition, Language};
use crate::pipeline::BuildError;
use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// How `serve` was started.
#[derive(Debug, Clone)]
pub struct Options {
    /// A plan folder, or a folder with plan folders under it (a batch root).
    pub root: PathBuf,
    /// The archive builds write into.
    pub out: PathBuf,
    /// The address to listen on: the loopback address unless asked.
    pub bind: IpAddr,
    /// The port; 0: any free one.
    pub port: u16,
    /// Open the browser on the application.
    pub open: bool,
}

impl Options {
    /// `root` served on the loopback address, the archive in `out`.
    pub fn local(root: PathBuf, out: PathBuf) -> Self {
        Self { root, out, bind: IpAddr::V4(Ipv4Addr::LOCALHOST), port: 0, open: false }
    }

    pub(super) fn address(&self) -> SocketAddr {
        SocketAddr::new(self.bind, self.port)
    }
}

/// Why the application did not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The folder to serve is not there.
    #[error("{0}: not a folder")]
    NoRoot(PathBuf),
    /// The batch settings or layout at the root cannot be used.
    #[error("the batch settings cannot be used")]
    Batch(BuildError),
    /// The address cannot be listened on (taken, not ours).
    #[error("{0}")]
    Bind(std::io::Error),
    /// The async runtime did not start.
    #[error("{0}")]
    Runtime(std::io::Error),
    /// The system gave no randomness for the token that guards the forms.
    #[error("the system's random number generator is not available: {0}")]
    Random(String),
}

impl StartError {
    /// The reason in the user's language.
    pub fn describe(&self, m: &crate::i18n::Messages) -> String {
        use crate::problem::fill;
        match self {
            StartError::NoRoot(path) => fill(&m.serve_no_root, &[("folder", &path.display().to_string())]),
            StartError::Batch(error) => error.describe(m),
            StartError::Bind(error) if error.kind() == std::io::ErrorKind::AddrInUse => {
                m.serve_port_taken.clone()
            }
            StartError::Bind(error) => fill(&m.serve_failed, &[("detail", &error.to_string())]),
            StartError::Runtime(error) => fill(&m.serve_failed, &[("detail", &error.to_string())]),
            StartError::Random(detail) => fill(&m.serve_failed, &[("detail", detail)]),
        }
    }
}

/// The running application.
pub struct App {
    /// The folder served, canonical: no path leaves it.
    pub(super) root: PathBuf,
    /// The archive, canonical once it exists.
    pub(super) out: PathBuf,
    /// What every plan shares: layout, fonts, Typst's cache, the batch.
    pub(super) context: Context,
    /// Proves a request comes from one of our pages.
    pub(super) token: String,
    /// The `Host` values requests may carry: the loopback names with our port.
    pub(super) hosts: Vec<String>,
    /// One session per plan folder and edition shown.
    sessions: Mutex<HashMap<(PathBuf, Edition), Shared>>,
    /// One build at a time: a build takes both cores.
    pub(super) building: tokio::sync::Mutex<()>,
}

impl App {
    /// The application for `options`, listening on `address`.
    pub fn new(options: Options, address: SocketAddr) -> Result<Self, StartError> {
        let root = options.root.canonicalize().map_err(|_| StartError::NoRoot(options.root.clone()))?;
        if !root.is_dir() {
            return Err(StartError::NoRoot(options.root));
        }
        let out = if options.out.is_absolute() { options.out.clone() } else { cwd().join(&options.out) };
        let context = Context::new(&root, out.clone()).map_err(StartError::Batch)?;
        let port = address.port();
        let mut hosts =
            vec![format!("127.0.0.1:{port}"), format!("localhost:{port}"), format!("[::1]:{port}")];
        if !address.ip().is_loopback() {
            hosts.push(match address.ip() {
                IpAddr::V4(ip) => format!("{ip}:{port}"),
                IpAddr::V6(ip) => format!("[{ip}]:{port}"),
            });
        }
        Ok(Self {
            root,
            out,
            context,
            token: token()?,
            hosts,
            sessions: Mutex::default(),
            building: tokio::sync::Mutex::new(()),
        })
    }

    /// The address to open in a browser.
    pub fn url(&self) -> String {
        format!("http://{}/", self.hosts[0])
    }

    /// The token our pages send with every change (for tests).
    pub fn token(&self) -> &str {
        &self.token
    }

    /// The plan folder an id names, when it is a plan folder inside the
    /// root; ids are paths below the root with `~` between folders.
    pub(super) fn plan_folder(&self, id: &str) -> Option<PathBuf> {
        let parts: Vec<&str> = if id == ROOT_ID { Vec::new() } else { id.split('~').collect() };
        let unsafe_part =
            |p: &&str| p.is_empty() || p.starts_with('.') || p.contains(['/', '\\', ':']) || p.contains('\0');
        if parts.iter().any(unsafe_part) {
            return None;
        }
        let folder = parts.iter().fold(self.root.clone(), |path, part| path.join(part));
        let folder = folder.canonicalize().ok()?;
        let plan = folder.join(crate::config::PLAN_FILE);
        (folder.starts_with(&self.root) && plan.is_file()).then_some(folder)
    }

    /// The id of a plan folder under the root.
    pub(super) fn plan_id(&self, folder: &Path) -> String {
        let relative = folder.strip_prefix(&self.root).unwrap_or(folder);
        let parts: Vec<String> =
            relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        if parts.is_empty() { ROOT_ID.to_string() } else { parts.join("~") }
    }

    /// The open session of the plan in `folder`, showing `edition`. Each
    /// edition has its own, so two tabs never undo each other's choice.
    pub(super) fn session(&self, folder: &Path, edition: Edition) -> Shared {
        let mut sessions = self.sessions.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        sessions
            .entry((folder.to_path_buf(), edition))
            .or_insert_with(|| Arc::new(Mutex::new(Session::new(folder.to_path_buf(), edition))))
            .clone()
    }

    /// Reads the plan in `folder` again in every open session, after this
    /// application changed one of its files (a change within the same
    /// second may keep its size and time).
    pub(super) fn reread(&self, folder: &Path) {
        let open: Vec<Shared> = {
            let sessions = self.sessions.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            sessions.iter().filter(|((f, _), _)| f == folder).map(|(_, s)| s.clone()).collect()
        };
        for session in open {
            let mut session = session.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            session.refresh(&self.context, true);
        }
    }

    /// The archive as a canonical path, when it exists.
    pub(super) fn archive(&self) -> Option<PathBuf> {
        self.out.canonicalize().ok()
    }

    /// The language of pages about no plan: the root's plan's, else Dutch.
    pub(super) fn default_language(&self) -> Language {
        self.language_of(&self.root)
    }

    /// The language the plan in `folder` is written in, else Dutch.
    pub(super) fn language_of(&self, folder: &Path) -> Language {
        let path = folder.join(crate::config::PLAN_FILE);
        crate::files::read_regular(&path, crate::files::SETTINGS_FILE_LIMIT)
            .ok()
            .and_then(|bytes| crate::config::sniff_language(&String::from_utf8_lossy(&bytes)))
            .or_else(|| self.context.defaults().language)
            .unwrap_or(Language::Nl)
    }
}

/// A session the requests share.
type Shared = Arc<Mutex<Session>>;

/// The id of a plan folder that is the root itself.
const ROOT_ID: &str = "_";

fn cwd() -> PathBuf {
    std::env::current_dir().unwrap_or_default()
}

/// 32 random bytes as hex; without the system's randomness there is no
/// safe token, and the application does not start.
fn token() -> Result<String, StartError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| StartError::Random(e.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Opens `url` in the user's browser; the address is printed as well, so
/// nothing is lost when this fails.
pub(super) fn open_browser(url: &str) {
    let (program, args): (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    let _ = std::process::Command::new(program)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}
