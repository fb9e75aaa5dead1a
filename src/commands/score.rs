//! The default command: score one resume with a full report, or many with
//! streamed output or a ranking.

use super::{
    NO_PROFILE, confinement_of, isolated, limits_of, profile_chosen, read_jd, scorer_for,
    terminal_width, timeout_of, write_stdout,
};
use crate::cli::{OutputFormat, ScoreArgs};
use ats_score::Analysis;
use ats_score::batch;
use ats_score::error::{Error, exit};
use ats_score::extract::{Deadline, Limits};
use ats_score::profile::Profile;
use ats_score::report::escape::{self, escape};
use ats_score::report::{self, Paint, Summary};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::path::Path;

/// The default command: score one resume or a batch.
pub fn score(args: &ScoreArgs) -> Result<i32, Error> {
    let stdin = |p: &Path| p.as_os_str() == "-";
    if args.resumes.iter().any(|r| stdin(r)) && args.profile.jd.as_deref().is_some_and(stdin) {
        eprintln!(
            "ats-score: error: standard input can hold the resume or the job posting, not both; save one of them to a file"
        );
        return Ok(exit::USAGE);
    }
    let single = args.resumes.len() == 1
        && (args.resumes[0].as_os_str() == "-" || !args.resumes[0].is_dir());
    if single {
        return isolated(&[&args.resumes[0]], &args.limits, || single_file(args));
    }
    if !profile_chosen(&args.profile) {
        eprintln!("ats-score: error: {NO_PROFILE}");
        return Ok(exit::USAGE);
    }
    many_files(args)
}

/// One resume: a full report (in the confined child, see [`isolated`]).
///
/// The file is read on the main thread while the profile compiles on
/// another (a tenth of a PDF run); both read standard input only one at a
/// time. A profile error is reported before any problem with the file, as
/// when they ran in turn.
fn single_file(args: &ScoreArgs) -> Result<i32, Error> {
    let path = &args.resumes[0];
    // One file may read its pages on every core; a batch reads a file per core.
    let limits = Limits {
        page_threads: std::thread::available_parallelism().map_or(1, |n| n.get().min(8)),
        ..limits_of(&args.limits)
    };
    let deadline = timeout_of(&args.limits).map(Deadline::after);
    let compile = || scorer_for(&args.profile, args.output.quiet, None);
    let read = || batch::read_file_here(path, deadline, &limits);
    let uses_stdin = path.as_os_str() == "-" || args.profile.jd.as_deref() == Some(Path::new("-"));
    let (scorer, read) = if uses_stdin {
        (compile(), read())
    } else {
        std::thread::scope(|s| {
            // If the system will not start a thread, compile here after.
            let compiling = std::thread::Builder::new().spawn_scoped(s, compile);
            let read = read();
            let scorer = match compiling {
                Ok(thread) => thread
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                Err(_) => compile(),
            };
            (scorer, read)
        })
    };
    let Some(scorer) = scorer? else {
        return Ok(exit::USAGE);
    };
    let (name, extracted) = read?;
    let analysis =
        ats_score::error::catch_panic(&name, || Ok(scorer.score_text(&name, &extracted)))?;
    if args.output.quiet {
        return Ok(min_score_status(
            args.min_score,
            analysis.breakdown.score,
            true,
        ));
    }
    for notice in &analysis.notices {
        eprintln!("ats-score: note: {}", escape(notice));
    }
    let width = terminal_width();
    let color = args.output.color.enabled();
    let paint = Paint { on: color };
    let profile = scorer.profile();
    // Markdown and HTML are read outside the terminal: a fixed width.
    let explained = |width| {
        args.explain
            .then(|| report::explain::render(&analysis, profile, width))
    };
    if args.explain
        && matches!(
            args.format,
            OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Csv
        )
    {
        eprintln!("ats-score: note: {EXPLAIN_ELSEWHERE}");
    }
    let text = match args.format {
        OutputFormat::Json => report::json::render(&analysis, profile),
        OutputFormat::Jsonl => report::json::render_line(&analysis, profile),
        OutputFormat::Csv => report::csv::header() + &report::csv::scored(&analysis),
        OutputFormat::Md => report::markdown::render(&analysis, profile, explained(100).as_deref()),
        OutputFormat::Html => report::html::render(&analysis, profile, explained(100).as_deref()),
        OutputFormat::Human => {
            let mut text = report::table::render(&analysis, profile, width, paint);
            if let Some(explain) = explained(width) {
                text.push('\n');
                text.push_str(&explain);
            }
            text
        }
    };
    let text = match args.format {
        OutputFormat::Human | OutputFormat::Md => escape::for_terminal(&text, color),
        _ => text.into(),
    };
    write_stdout(text.as_bytes())?;
    Ok(min_score_status(
        args.min_score,
        analysis.breakdown.score,
        false,
    ))
}

/// Said when `--explain` is asked of a format that has no room for it.
const EXPLAIN_ELSEWHERE: &str = "--explain adds nothing to json, jsonl or csv: the JSON report's score_parts, groups and rules already hold the computation (use --format human, md or html to read it)";

/// What a batch remembers while it runs: small summaries, never reports.
#[derive(Default)]
struct Tally {
    rows: Vec<Summary>,
    failed: usize,
    below_min: usize,
    /// JSON array output: whether an element was already written.
    wrote_json: bool,
    /// The first error writing to stdout; the rest of the batch is not
    /// written after it.
    write_error: Option<Error>,
}

/// One file's part of a batch's output, made by the worker process that
/// scored it (or by the parent, for a file whose worker died), and sent
/// through the worker's pipe as JSON.
#[derive(serde::Serialize, serde::Deserialize)]
struct Rendered {
    /// The message for stderr when the file could not be scored.
    error: Option<String>,
    below_min: bool,
    /// JSONL or CSV text, or one JSON array element (without separator).
    out: String,
    /// For the ranking table.
    summary: Option<Summary>,
}

/// The output format of a batch: Markdown and HTML describe one resume, so
/// a batch gets the ranking.
fn batch_format(args: &ScoreArgs) -> OutputFormat {
    match args.format {
        OutputFormat::Md | OutputFormat::Html => OutputFormat::Human,
        f => f,
    }
}

/// One file's row of a batch, in the batch's format.
fn render(
    args: &ScoreArgs,
    profile: Option<&Profile>,
    path: &str,
    result: Result<Analysis, Error>,
) -> Rendered {
    let format = batch_format(args);
    let out = match (&format, &result, profile) {
        _ if args.output.quiet => String::new(),
        (OutputFormat::Jsonl, Ok(a), Some(p)) => report::json::render_line(a, p),
        (OutputFormat::Jsonl, Err(e), _) => {
            report::json::to_string(&report::json::error_value(path, e), false) + "\n"
        }
        (OutputFormat::Csv, Ok(a), _) => report::csv::scored(a),
        (OutputFormat::Csv, Err(e), _) => report::csv::failed(path, e),
        (OutputFormat::Json, Ok(a), Some(p)) => report::json::render_element(a, p),
        (OutputFormat::Json, Err(e), _) => report::json::render_error_element(path, e),
        _ => String::new(),
    };
    Rendered {
        error: result
            .as_ref()
            .err()
            .map(|e| escape(&e.to_string()).into_owned()),
        below_min: result
            .as_ref()
            .is_ok_and(|a| args.min_score.is_some_and(|m| a.breakdown.score < m)),
        summary: (format == OutputFormat::Human).then(|| Summary::of(path, &result)),
        out,
    }
}

/// A batch worker process (see `ats_score::isolate`): compile the profile
/// once, then read, score and render each file the parent sends, under the
/// memory and CPU limits. Its stdout is the pipe to the parent.
pub fn batch_worker(args: &ScoreArgs) -> i32 {
    let confinement = confinement_of(&args.limits);
    #[cfg(unix)]
    ats_score::isolate::confine_self(confinement.max_memory);
    let limits = limits_of(&args.limits);
    let scorer = std::cell::OnceCell::new();
    let setup = |message: Vec<u8>| {
        // `J` and the posting the parent read from `-` (maybe empty: the
        // worker must never read its own stdin, the parent's pipe), or `-`.
        let jd = message
            .strip_prefix(b"J")
            .map(|posting| String::from_utf8_lossy(posting).into_owned());
        let compiled = ats_score::error::catch_panic("the profile", || {
            scorer_for(&args.profile, true, jd)?.ok_or_else(|| Error::Reported {
                code: exit::USAGE,
                message: NO_PROFILE.into(),
            })
        });
        let ready = compiled.map(|s| {
            let _ = scorer.set(s);
        });
        batch::encode_ready(&ready)
    };
    let handle = |request: Vec<u8>| {
        #[cfg(unix)]
        ats_score::isolate::cpu_budget(confinement.timeout);
        let deadline = confinement.timeout.map(Deadline::after);
        let (name, result) = match (batch::Request::decode(request), scorer.get()) {
            (_, None) => (
                String::new(),
                Err(Error::Reported {
                    code: exit::INTERNAL,
                    message: "no profile".into(),
                }),
            ),
            (batch::Request::Path(path), Some(s)) => (
                escape::path(&path),
                batch::score_file_here(s, &path, deadline, &limits),
            ),
            (batch::Request::Stdin(bytes), Some(s)) => {
                let name = "<stdin>".to_string();
                let result = ats_score::error::catch_panic(&name, || {
                    s.score_bytes_with(&name, &bytes, deadline, &limits)
                });
                (name, result)
            }
        };
        let rendered = render(args, scorer.get().map(|s| s.profile()), &name, result);
        serde_json::to_vec(&rendered).unwrap_or_default()
    };
    match ats_score::isolate::serve(setup, handle) {
        Ok(()) => exit::OK,
        Err(_) => exit::INTERNAL,
    }
}

/// Many resumes: streamed JSONL/CSV/JSON, or a ranking table at the end,
/// in input order whatever `--jobs` is; each file read in a worker process.
fn many_files(args: &ScoreArgs) -> Result<i32, Error> {
    let inputs = batch::discover(&args.resumes, args.batch.glob.as_deref())?;
    let quiet = args.output.quiet;
    if args.explain && !quiet {
        eprintln!(
            "ats-score: note: --explain describes one resume's score: run it on one file (a batch's JSON reports hold score_parts, groups and rules)"
        );
    }
    // Standard input can be read once, here, and handed on.
    let resume_stdin = args.resumes.iter().any(|p| p.as_os_str() == "-");
    let jd_stdin = args.profile.jd.as_deref() == Some(Path::new("-"));
    if resume_stdin && jd_stdin {
        return Err(Error::Reported {
            code: exit::USAGE,
            message:
                "standard input can be read only once: give the job posting or the resume as a file"
                    .into(),
        });
    }
    let stdin = if resume_stdin {
        Some(ats_score::read_input(Path::new("-"), &limits_of(&args.limits))?.1)
    } else {
        None
    };
    let setup = match jd_stdin {
        true => [b"J".as_slice(), read_jd(Path::new("-"))?.1.as_bytes()].concat(),
        false => b"-".to_vec(),
    };
    let progress = if std::io::stderr().is_terminal() && !quiet {
        let bar =
            ProgressBar::with_draw_target(Some(inputs.len() as u64), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} resumes, {eta} left")
        {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let format = batch_format(args);
    // The workers compile the profile (and report its errors); its note,
    // such as a fallback to the base role, is said once, here.
    if let (Some(company), Some(role), false) = (&args.profile.company, &args.profile.role, quiet)
        && let Ok((_, Some(note))) = ats_score::profile::resolve_with_note(company, role)
    {
        eprintln!("ats-score: note: {}", escape(&note));
    }
    let answer = |path: &str, reply: Result<Vec<u8>, Error>| {
        let rendered = reply.and_then(|bytes| {
            serde_json::from_slice::<Rendered>(&bytes).map_err(|e| Error::Internal {
                what: path.into(),
                detail: format!("a worker's answer does not parse: {e}"),
            })
        });
        rendered.unwrap_or_else(|e| render(args, None, path, Err(e)))
    };
    let jobs = args.batch.jobs();
    let mut t = Tally::default();
    let mut wrote_header = false;
    let mut header = || {
        if !quiet && !wrote_header {
            wrote_header = true;
            match format {
                OutputFormat::Csv => write_stdout(report::csv::header().as_bytes()),
                OutputFormat::Json => write_stdout(b"[\n"),
                _ => Ok(()),
            }
        } else {
            Ok(())
        }
    };
    batch::run(
        inputs,
        stdin,
        batch::Pool {
            spawn: super::worker_command,
            setup: &setup,
            confinement: &confinement_of(&args.limits),
            slots: jobs,
        },
        answer,
        |r: Rendered| {
            progress.inc(1);
            if let Err(e) = header() {
                t.write_error.get_or_insert(e);
            }
            if let Some(message) = &r.error {
                t.failed += 1;
                progress.suspend(|| eprintln!("ats-score: error: {message}"));
            }
            t.below_min += usize::from(r.below_min);
            t.rows.extend(r.summary);
            if r.out.is_empty() || t.write_error.is_some() {
                return;
            }
            let out = if format == OutputFormat::Json {
                let sep = if t.wrote_json { ",\n" } else { "" };
                t.wrote_json = true;
                format!("{sep}{}", r.out)
            } else {
                r.out
            };
            if let Err(e) = progress.suspend(|| write_stdout(out.as_bytes())) {
                t.write_error = Some(e);
            }
        },
    )?;
    progress.finish_and_clear();
    if let Some(e) = t.write_error.take() {
        return Err(e);
    }
    if !quiet {
        match format {
            OutputFormat::Json => write_stdout(b"\n]\n")?,
            OutputFormat::Human => {
                let table = report::table::ranking(&mut t.rows, terminal_width());
                write_stdout(escape::for_terminal(&table, false).as_bytes())?
            }
            _ => {}
        }
    }
    Ok(if t.failed > 0 {
        exit::BATCH_FAILURES
    } else if t.below_min > 0 {
        if !quiet {
            eprintln!(
                "ats-score: {} resume(s) scored below --min-score {}",
                t.below_min,
                args.min_score.unwrap_or(0)
            );
        }
        exit::BELOW_MIN_SCORE
    } else {
        exit::OK
    })
}

fn min_score_status(min: Option<u32>, score: u32, quiet: bool) -> i32 {
    match min {
        Some(min) if score < min => {
            if !quiet {
                eprintln!("ats-score: score {score} is below --min-score {min}");
            }
            exit::BELOW_MIN_SCORE
        }
        _ => exit::OK,
    }
}
