//! The subcommands of the binary. Each reads its arguments, calls the
//! library and writes the result; the helpers here are what they share.

mod profiles;
mod score;

pub use profiles::profiles;
pub use score::score;

use crate::cli::{Cli, DiffFormat, LimitArgs, OutputArgs, ProfileArgs};
use ats_score::error::{Error, exit};
use ats_score::extract::Limits;
use ats_score::report::{self, Paint};
use ats_score::{Scorer, batch};
use clap::CommandFactory;
use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

/// `ats-score extract FILE`: the text as the scorer reads it, and
/// optionally the sections found in it.
pub fn extract(file: &str, sections: bool, limits: &LimitArgs) -> Result<i32, Error> {
    let limits = limits_of(limits);
    let (name, bytes) = ats_score::read_input(file, &limits)?;
    let extracted = ats_score::extract::extract(&name, &bytes, None, &limits)?;
    for notice in &extracted.notices {
        eprintln!("ats-score: note: {notice}");
    }
    let found = sections
        .then(|| ats_score::sections::detect(&ats_score::normalize::normalize(&extracted.text)));
    write_stdout(report::extract::render(&extracted, found.as_deref()).as_bytes())?;
    Ok(exit::OK)
}

/// `ats-score diff OLD NEW`: what changed between two versions of a resume.
pub fn diff(
    old: &str,
    new: &str,
    profile: &ProfileArgs,
    format: DiffFormat,
    output: &OutputArgs,
    limits: &LimitArgs,
) -> Result<i32, Error> {
    let Some(scorer) = scorer_for(profile, output.quiet)? else {
        return Ok(exit::USAGE);
    };
    let scorer = Arc::new(scorer);
    let (timeout, limits) = (timeout_of(limits), limits_of(limits));
    let before = batch::score_file(&scorer, old, timeout, &limits)?;
    let after = batch::score_file(&scorer, new, timeout, &limits)?;
    let diff = report::diff::compare(&before, &after);
    if !output.quiet {
        let text = match format {
            DiffFormat::Json => report::diff::render_json(&diff),
            DiffFormat::Human => report::diff::render(
                &diff,
                terminal_width(),
                Paint {
                    on: output.color.enabled(),
                },
            ),
        };
        write_stdout(text.as_bytes())?;
    }
    Ok(exit::OK)
}

/// `ats-score profile-from-jd POSTING`: a starting profile as YAML.
pub fn profile_from_jd(file: &str) -> Result<i32, Error> {
    let (name, text) = read_jd(file)?;
    let p = ats_score::jd::profile(&name, &text)?;
    let yaml = serde_saphyr::to_string(&p).expect("profile serializes");
    write_stdout(
        format!("# Built by ats-score from {name}; edit freely, then use with --profile.\n{yaml}")
            .as_bytes(),
    )?;
    Ok(exit::OK)
}

/// `ats-score completions SHELL`.
pub fn completions(shell: clap_complete::Shell) -> Result<i32, Error> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "ats-score", &mut out);
    write_stdout(&out)?;
    Ok(exit::OK)
}

/// `ats-score man`: the manual page, from the same declarations as `--help`.
pub fn man() -> Result<i32, Error> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(|e| Error::Io {
            path: "<stdout>".into(),
            source: e,
        })?;
    write_stdout(&out)?;
    Ok(exit::OK)
}

/// The profile chosen on the command line (with a job posting, if given),
/// compiled; `None` (after saying why) when none was chosen.
pub fn scorer_for(args: &ProfileArgs, quiet: bool) -> Result<Option<Scorer>, Error> {
    use ats_score::profile;
    let base = match (&args.profile, &args.company, &args.role) {
        (Some(path), _, _) => Some(profile::load_file(path)?),
        (None, Some(company), Some(role)) => {
            let (p, note) = profile::resolve_with_note(company, role)?;
            if let (Some(note), false) = (note, quiet) {
                eprintln!("ats-score: note: {note}");
            }
            Some(p)
        }
        _ => None,
    };
    let profile = match (base, &args.jd) {
        (base, Some(jd)) => {
            let (name, text) = read_jd(jd)?;
            match base {
                Some(b) => ats_score::jd::combine(b, &name, &text)?,
                None => ats_score::jd::profile(&name, &text)?,
            }
        }
        (Some(p), None) => p,
        (None, None) => {
            eprintln!(
                "ats-score: error: choose a profile with --company and --role (see `ats-score profiles list`), --profile FILE or --jd POSTING"
            );
            return Ok(None);
        }
    };
    Ok(Some(Scorer::new(profile)))
}

/// A job posting's name and text (at most 1 MB).
fn read_jd(path: &str) -> Result<(String, String), Error> {
    let limits = Limits {
        max_bytes: 1_000_000,
        ..Limits::default()
    };
    let (name, bytes) = ats_score::read_input(path, &limits)?;
    Ok((name, String::from_utf8_lossy(&bytes).into_owned()))
}

pub fn timeout_of(args: &LimitArgs) -> Option<Duration> {
    (args.timeout > 0.0).then(|| Duration::from_secs_f64(args.timeout))
}

pub fn limits_of(args: &LimitArgs) -> Limits {
    Limits {
        max_bytes: (args.max_size * 1e6) as u64,
        max_pages: args.max_pages as usize,
        max_unpacked: (args.max_unpacked * 1e6) as u64,
        ..Limits::default()
    }
}

/// Write to stdout; a closed pipe (`| head`) is the reader's choice, not an
/// error, so it is ignored.
pub fn write_stdout(bytes: &[u8]) -> Result<(), Error> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Io {
            path: "<stdout>".into(),
            source: e,
        }),
        _ => Ok(()),
    }
}

/// Width for tables: `$COLUMNS` when set (shells export it to scripts on
/// request), else the width of the terminal stdout is, else 80, so output
/// in pipes and logs is stable. Kept between 60 and 200 columns: narrower
/// tables are unreadable, wider lines too long to read.
pub fn terminal_width() -> u16 {
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok());
    let from_terminal =
        || terminal_size::terminal_size_of(std::io::stdout()).map(|(terminal_size::Width(w), _)| w);
    from_env
        .or_else(from_terminal)
        .map_or(80, |w| w.clamp(60, 200))
}

/// Ends the process with the timeout error if one file's work outlives its
/// limit: the single-file command scores on the main thread
/// ([`batch::score_file_here`]), where a parser stuck outside the PDF
/// reader's deadline checks could not otherwise be stopped. Dropping the
/// watchdog (the work is done) lets its thread go.
pub struct Watchdog {
    _done: std::sync::mpsc::Sender<()>,
}

impl Watchdog {
    pub fn start(path: &str, limit: Duration) -> Watchdog {
        let (done, wait) = std::sync::mpsc::channel::<()>();
        let error = Error::Timeout {
            path: path.into(),
            seconds: limit.as_secs_f64(),
        };
        // If the thread cannot start, the run goes on with the PDF
        // reader's own deadline checks only.
        let _ = std::thread::Builder::new()
            .name("watchdog".into())
            .spawn(move || {
                if let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(limit) {
                    eprintln!("ats-score: error: {error}");
                    std::process::exit(error.exit_code());
                }
            });
        Watchdog { _done: done }
    }
}
