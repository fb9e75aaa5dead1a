//! The subcommands of the binary. Each reads its arguments, calls the
//! library and writes the result; the helpers here are what they share.

mod fit;
mod profiles;
mod score;

pub use fit::{fit, fit_worker};
pub use profiles::profiles;
pub use score::{batch_worker, score};

use crate::cli::{Cli, DiffFormat, LimitArgs, OutputArgs, ProfileArgs};
use ats_score::error::{Error, exit};
use ats_score::extract::{Deadline, Limits};
use ats_score::isolate::Confinement;
use ats_score::report::escape::{self, escape};
use ats_score::report::{self, Paint};
use ats_score::{Scorer, batch};
use clap::CommandFactory;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

/// `ats-score extract FILE`: the text as the scorer reads it, and
/// optionally the sections found in it.
pub fn extract(file: &Path, sections: bool, limits: &LimitArgs) -> Result<i32, Error> {
    isolated(&[file], limits, || {
        let deadline = timeout_of(limits).map(Deadline::after);
        let limits = limits_of(limits);
        let (_, extracted) = batch::read_file_here(file, deadline, &limits)?;
        for notice in &extracted.notices {
            eprintln!("ats-score: note: {}", escape(notice));
        }
        let found = sections.then(|| {
            ats_score::sections::detect(&ats_score::normalize::normalize(&extracted.text))
        });
        let text = report::extract::render(&extracted, found.as_deref());
        write_stdout(escape::for_terminal(&text, false).as_bytes())?;
        Ok(exit::OK)
    })
}

/// `ats-score diff OLD NEW`: what changed between two versions of a resume.
/// With `fail_on_drop`, a score that fell by more than that many points
/// exits 1, so a script or CI job can refuse a worse version.
pub fn diff(
    old: &Path,
    new: &Path,
    profile: &ProfileArgs,
    format: DiffFormat,
    fail_on_drop: Option<u32>,
    output: &OutputArgs,
    limits: &LimitArgs,
) -> Result<i32, Error> {
    isolated(&[old, new], limits, || {
        let Some(scorer) = scorer_for(profile, output.quiet, None)? else {
            return Ok(exit::USAGE);
        };
        let deadline = || timeout_of(limits).map(Deadline::after);
        let limits = limits_of(limits);
        let before = batch::score_file_here(&scorer, old, deadline(), &limits)?;
        let after = batch::score_file_here(&scorer, new, deadline(), &limits)?;
        let diff = report::diff::compare(&before, &after);
        if !output.quiet {
            let color = output.color.enabled();
            let text = match format {
                DiffFormat::Json => report::diff::render_json(&diff),
                DiffFormat::Human => {
                    report::diff::render(&diff, terminal_width(), Paint { on: color })
                }
            };
            write_stdout(escape::for_terminal(&text, color).as_bytes())?;
        }
        let dropped = fail_on_drop.is_some_and(|n| diff.score_change < -i64::from(n));
        Ok(if dropped {
            exit::BELOW_MIN_SCORE
        } else {
            exit::OK
        })
    })
}

/// `ats-score profile-from-jd POSTING`: a starting profile as YAML.
pub fn profile_from_jd(file: &Path, limits: &LimitArgs) -> Result<i32, Error> {
    isolated(&[file], limits, || {
        let (name, text) = read_jd(file)?;
        let p = ats_score::jd::profile(&name, &text)?;
        let yaml = serde_saphyr::to_string(&p).map_err(|e| Error::Internal {
            what: name.clone(),
            detail: format!("the profile does not serialize: {e}"),
        })?;
        let text = format!(
            "# Built by ats-score from {name}; edit freely, then use with --profile.\n{yaml}"
        );
        write_stdout(escape::for_terminal(&text, false).as_bytes())?;
        Ok(exit::OK)
    })
}

/// Run `work`, which reads `files`, in a confined child process
/// ([`ats_score::isolate::supervise`]) with the per-file deadline for each:
/// a file that aborts, exhausts memory or never ends gets its own error and
/// exit code instead of taking the process down with it. Must be called
/// before any thread starts.
pub fn isolated(
    files: &[&Path],
    limits: &LimitArgs,
    work: impl FnOnce() -> Result<i32, Error>,
) -> Result<i32, Error> {
    let shown: Vec<String> = files
        .iter()
        .map(|f| match f.as_os_str() == "-" {
            true => "<stdin>".to_string(),
            false => escape::path(f),
        })
        .collect();
    // A death names every file the child was reading (`diff` reads two).
    let shown = shown.join(" or ");
    let c = confinement_of(limits);
    #[cfg(unix)]
    {
        let deadline = c.timeout.map(|t| t * files.len() as u32);
        ats_score::isolate::supervise(&shown, &c, deadline, work)
    }
    #[cfg(not(unix))]
    {
        let _ = (shown, c);
        work()
    }
}

/// The command of a batch worker: this binary, the same arguments, and
/// [`ats_score::isolate::WORKER_ENV`] set (see `main`).
pub fn worker_command() -> std::io::Result<std::process::Command> {
    let mut command = std::process::Command::new(std::env::current_exe()?);
    command
        .args(std::env::args_os().skip(1))
        .env(ats_score::isolate::WORKER_ENV, "1");
    Ok(command)
}

pub fn confinement_of(limits: &LimitArgs) -> Confinement {
    Confinement {
        max_memory: (limits.max_memory * 1e6) as u64,
        timeout: timeout_of(limits),
    }
}

/// `ats-score completions SHELL`.
pub fn completions(shell: clap_complete::Shell) -> Result<i32, Error> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "ats-score", &mut out);
    write_stdout(&out)?;
    Ok(exit::OK)
}

/// `ats-score man`: the manual page, from the same declarations as `--help`,
/// with the sections a man page has and `--help` does not (EXIT STATUS,
/// ENVIRONMENT, FILES). Subcommands are named as pages of their own
/// (`ats-score-diff(1)`), so `--dir` writes those pages too: a page never
/// refers to one that was not made.
pub fn man(dir: Option<&Path>) -> Result<i32, Error> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let Some(dir) = dir else {
        write_stdout(&main_page(&cmd)?)?;
        return Ok(exit::OK);
    };
    let io = |e: std::io::Error| Error::Io {
        path: dir.display().to_string(),
        source: e,
    };
    std::fs::create_dir_all(dir).map_err(io)?;
    std::fs::write(dir.join("ats-score.1"), main_page(&cmd)?).map_err(io)?;
    fn pages(cmd: &clap::Command, dir: &Path) -> std::io::Result<()> {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            clap_mangen::Man::new(sub.clone()).generate_to(dir)?;
            pages(sub, dir)?;
        }
        Ok(())
    }
    pages(&cmd, dir).map_err(io)?;
    Ok(exit::OK)
}

/// The main page: clap's sections, then the ones written here.
fn main_page(cmd: &clap::Command) -> Result<Vec<u8>, Error> {
    let man = clap_mangen::Man::new(cmd.clone().after_help(None::<&str>));
    let mut out = Vec::new();
    let render = |out: &mut Vec<u8>| -> std::io::Result<()> {
        man.render_title(out)?;
        man.render_name_section(out)?;
        man.render_synopsis_section(out)?;
        man.render_description_section(out)?;
        man.render_options_section(out)?;
        man.render_subcommands_section(out)?;
        out.extend_from_slice(MAN_SECTIONS.as_bytes());
        man.render_version_section(out)
    };
    render(&mut out).map_err(|e| Error::Io {
        path: "<stdout>".into(),
        source: e,
    })?;
    Ok(out)
}

/// The main page's own sections, in roff.
const MAN_SECTIONS: &str = r#".SH EXAMPLES
.nf
ats\-score resume.pdf \-\-company apple \-\-role backend
ats\-score resume.docx \-c apple \-r backend \-\-format json | jq .score
ats\-score resume.pdf \-c apple \-r backend \-\-explain
ats\-score resume.pdf \-c apple \-r backend \-\-format html > report.html
ats\-score resumes/ \-c apple \-r backend \-\-format csv > scores.csv
ats\-score resume.pdf \-\-jd posting.txt
ats\-score diff old.pdf new.pdf \-c apple \-r backend \-\-fail\-on\-drop
ats\-score fit resume.pdf
ats\-score schema > report.schema.json
.fi
.SH "EXIT STATUS"
.TP
0
Scored (and at or above \-\-min\-score, if given).
.TP
1
Scored, but below \-\-min\-score; for diff \-\-fail\-on\-drop, the new version scored lower.
.TP
2
Usage error: a bad option or value, or no profile chosen.
.TP
3
The input cannot be read: missing, a directory, unreadable or empty.
.TP
4
Unsupported format (legacy .doc, an image, a binary file).
.TP
5
A corrupt or encrypted PDF or DOCX, or a scan with no text layer.
.TP
6
Profile error: an unknown company or role, or an invalid profile file.
.TP
7
Timed out (\-\-timeout).
.TP
8
A batch in which some files could not be scored (each is reported; the rest were).
.TP
9
Over a safety limit: \-\-max\-size, \-\-max\-pages, \-\-max\-unpacked, \-\-max\-memory, or nesting.
.TP
70
Internal error (a bug; the message says where).
.SH ENVIRONMENT
.TP
\fBATS_SCORE_PROFILES\fR
The directory of your own profiles, \fIcompany\fR/\fIrole\fR.yaml; one there takes the place of the built-in profile with the same id.
.TP
\fBXDG_CONFIG_HOME\fR
Without ATS_SCORE_PROFILES, profiles are read from $XDG_CONFIG_HOME/ats\-score/profiles (default ~/.config/ats\-score/profiles).
.TP
\fBNO_COLOR\fR
Set to anything but the empty string, no colors with \-\-color auto (the default).
.TP
\fBCOLUMNS\fR
The width of tables; without it, the terminal's width, else 80.
.TP
\fBTERM\fR
No colors when it is "dumb".
.SH FILES
.TP
\fI~/.config/ats\-score/profiles/\fR\fIcompany\fR/\fIrole\fR.yaml
Your profiles (see ENVIRONMENT); \fBats\-score profiles list\fR shows them beside the built-in ones, and \fBats\-score profiles validate\fR checks a file.
.SH NOTES
Nothing is sent anywhere: every profile and the skills taxonomy are built into the binary.
A report's JSON follows the schema that \fBats\-score schema\fR prints.
"#;

/// The profile chosen on the command line (with a job posting, if given),
/// compiled; `None` (after saying why) when none was chosen. `stdin_jd` is
/// the posting when the parent process already read it from `-`.
pub fn scorer_for(
    args: &ProfileArgs,
    quiet: bool,
    stdin_jd: Option<String>,
) -> Result<Option<Scorer>, Error> {
    use ats_score::profile;
    let base = match (&args.profile, &args.company, &args.role) {
        (Some(path), _, _) => Some(profile::load_file(path)?),
        (None, Some(company), Some(role)) => {
            let (p, note) = profile::resolve_with_note(company, role)?;
            if let (Some(note), false) = (note, quiet) {
                eprintln!("ats-score: note: {}", escape(&note));
            }
            Some(p)
        }
        _ => None,
    };
    let posting = match (&args.jd, &args.jd_text) {
        (Some(_), _) if stdin_jd.is_some() => {
            Some(("<stdin>".to_string(), stdin_jd.unwrap_or_default()))
        }
        (Some(jd), _) => Some(read_jd(jd)?),
        (None, Some(text)) => Some(jd_text(text)?),
        (None, None) => None,
    };
    let profile = match (base, posting) {
        (base, Some((name, text))) => match base {
            Some(b) => ats_score::jd::combine(b, &name, &text)?,
            None => ats_score::jd::profile(&name, &text)?,
        },
        (Some(p), None) => p,
        (None, None) => {
            eprintln!("ats-score: error: {NO_PROFILE}");
            return Ok(None);
        }
    };
    let scorer = Scorer::new(profile);
    Ok(Some(match args.as_of {
        Some(month) => scorer.as_of(month),
        None => scorer,
    }))
}

/// Said when no profile was chosen.
pub const NO_PROFILE: &str = "choose a profile with --company and --role (see `ats-score profiles list`), --profile FILE, --jd POSTING or --jd-text TEXT";

/// Whether the command line chose a profile at all.
pub fn profile_chosen(args: &ProfileArgs) -> bool {
    args.profile.is_some()
        || args.jd.is_some()
        || args.jd_text.is_some()
        || (args.company.is_some() && args.role.is_some())
}

/// The posting given with `--jd-text`, held to the limits of a posting
/// file: not blank, at most [`MAX_JD_BYTES`].
fn jd_text(text: &str) -> Result<(String, String), Error> {
    let name = "--jd-text".to_string();
    if text.trim().is_empty() {
        return Err(Error::Blank { path: name });
    }
    if text.len() as u64 > MAX_JD_BYTES {
        return Err(Error::Reported {
            code: exit::LIMIT,
            message: format!(
                "--jd-text: the posting is {} bytes, over the {MAX_JD_BYTES}-byte limit of a posting",
                text.len()
            ),
        });
    }
    Ok((name, text.to_string()))
}

/// Most bytes of a job posting.
pub const MAX_JD_BYTES: u64 = 1_000_000;

/// A job posting's name and text (at most [`MAX_JD_BYTES`]).
pub fn read_jd(path: &Path) -> Result<(String, String), Error> {
    let limits = Limits {
        max_bytes: MAX_JD_BYTES,
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
