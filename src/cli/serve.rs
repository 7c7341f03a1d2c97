use super::exit;
use crate::model::Language;
use crate::serve::Options;
use crate::terminal::{say, tell};
use std::net::IpAddr;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// A plan folder, or a folder with plan folders under it.
    #[arg(value_name = "FOLDER", default_value = ".")]
    folder: PathBuf,
    /// The port to listen on (default: a free one).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Do not open the browser.
    #[arg(long)]
    no_open: bool,
    /// Listen on this address instead of this computer's loopback address.
    /// Anyone who can reach it sees the plans' personal data: use it only on
    /// a network you trust.
    #[arg(long, value_name = "ADDRESS")]
    bind: Option<IpAddr>,
    /// The archive the build buttons write into, as `build --out`.
    #[arg(long, default_value = "output", value_name = "DIR")]
    out: PathBuf,
    /// Language of the messages in this terminal.
    #[arg(long, value_enum)]
    lang: Option<Language>,
}

/// Serves the plans in a browser until Ctrl+C.
pub fn run(args: Args) -> u8 {
    let language = args.lang.unwrap_or(Language::En);
    let m = &language.strings().messages;
    let mut options = Options::local(args.folder, args.out);
    options.port = args.port;
    options.open = !args.no_open;
    if let Some(bind) = args.bind {
        if !bind.is_loopback() {
            tell!("{}{}{}", m.warning, m.separator, m.serve_bind_warning);
        }
        options.bind = bind;
    }
    let started = crate::serve::run(options, |url| {
        say!("{}", crate::problem::fill(&m.serve_listening, &[("url", url)]));
    });
    match started {
        Ok(()) => exit::OK,
        Err(error) => {
            tell!("{}{}{}", m.error, m.separator, error.describe(m));
            exit::USAGE
        }
    }
}
