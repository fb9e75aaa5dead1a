//! The default command: score one resume with a full report, or many with
//! streamed output or a ranking.

use super::{Watchdog, limits_of, scorer_for, terminal_width, timeout_of, write_stdout};
use crate::cli::{OutputFormat, ScoreArgs};
use ats_score::error::{Error, exit};
use ats_score::extract::{Deadline, Limits};
use ats_score::report::{self, Paint, Summary};
use ats_score::{Analysis, Scorer, batch};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::Arc;

/// The default command: score one resume or a batch.
pub fn score(args: &ScoreArgs) -> Result<i32, Error> {
    let single = args.resumes.len() == 1
        && (args.resumes[0] == "-" || !std::path::Path::new(&args.resumes[0]).is_dir());
    if single {
        return single_file(args);
    }
    let Some(scorer) = scorer_for(&args.profile, args.output.quiet)? else {
        return Ok(exit::USAGE);
    };
    many_files(args, &Arc::new(scorer))
}

/// One resume: a full report.
///
/// The file is read on the main thread while the profile compiles on
/// another (a tenth of a PDF run); both read standard input only one at a
/// time. A profile error is reported before any problem with the file, as
/// when they ran in turn.
fn single_file(args: &ScoreArgs) -> Result<i32, Error> {
    let path = &args.resumes[0];
    let timeout = timeout_of(&args.limits);
    let watchdog = timeout.map(|limit| Watchdog::start(path, limit));
    // One file may read its pages on every core; a batch reads a file per core.
    let limits = Limits {
        page_threads: std::thread::available_parallelism().map_or(1, |n| n.get().min(8)),
        ..limits_of(&args.limits)
    };
    let deadline = timeout.map(Deadline::after);
    let compile = || scorer_for(&args.profile, args.output.quiet);
    let read = || batch::read_file_here(path, deadline, &limits);
    let (scorer, read) = if path == "-" || args.profile.jd.as_deref() == Some("-") {
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
    let analysis = read.and_then(|(name, extracted)| {
        ats_score::error::catch_panic(path, || Ok(scorer.score_text(&name, extracted)))
    });
    drop(watchdog);
    let analysis = analysis?;
    if args.output.quiet {
        return Ok(min_score_status(
            args.min_score,
            analysis.breakdown.score,
            true,
        ));
    }
    for notice in &analysis.notices {
        eprintln!("ats-score: note: {notice}");
    }
    let width = terminal_width();
    let paint = Paint {
        on: args.output.color.enabled(),
    };
    let profile = scorer.profile();
    let mut text = match args.format {
        OutputFormat::Json => report::json::render(&analysis, profile),
        OutputFormat::Jsonl => report::json::render_line(&analysis, profile),
        OutputFormat::Csv => report::csv::header() + &report::csv::scored(&analysis),
        OutputFormat::Md => report::markdown::render(&analysis, profile),
        OutputFormat::Html => report::html::render(&analysis, profile),
        OutputFormat::Human => report::table::render(&analysis, profile, width, paint),
    };
    if args.explain && args.format == OutputFormat::Human {
        text.push('\n');
        text.push_str(&report::explain::render(&analysis, profile, width));
    }
    write_stdout(text.as_bytes())?;
    Ok(min_score_status(
        args.min_score,
        analysis.breakdown.score,
        false,
    ))
}

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

/// One file's part of a batch's output, made on the worker that scored it.
struct Rendered {
    /// The message for stderr when the file could not be scored.
    error: Option<String>,
    below_min: bool,
    /// JSONL or CSV text, or one JSON array element (without separator).
    out: String,
    /// For the ranking table.
    summary: Option<Summary>,
}

/// Many resumes: streamed JSONL/CSV/JSON, or a ranking table at the end,
/// in input order whatever `--jobs` is.
fn many_files(args: &ScoreArgs, scorer: &Arc<Scorer>) -> Result<i32, Error> {
    let inputs = batch::discover(&args.resumes, args.glob.as_deref())?;
    let quiet = args.output.quiet;
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
    // Markdown and HTML describe one resume; a batch gets the ranking.
    let format = match args.format {
        OutputFormat::Md | OutputFormat::Html => OutputFormat::Human,
        f => f,
    };
    if !quiet {
        match format {
            OutputFormat::Csv => write_stdout(report::csv::header().as_bytes())?,
            OutputFormat::Json => write_stdout(b"[\n")?,
            _ => {}
        }
    }
    let profile = scorer.profile();
    let render = |path: &str, result: Result<Analysis, Error>| {
        progress.inc(1);
        let out = match (&format, &result) {
            _ if quiet => String::new(),
            (OutputFormat::Jsonl, Ok(a)) => report::json::render_line(a, profile),
            (OutputFormat::Jsonl, Err(e)) => format!("{}\n", report::json::error_value(path, e)),
            (OutputFormat::Csv, Ok(a)) => report::csv::scored(a),
            (OutputFormat::Csv, Err(e)) => report::csv::failed(path, e),
            (OutputFormat::Json, Ok(a)) => {
                serde_json::to_string_pretty(&report::json::build(a, profile))
                    .expect("report serializes")
            }
            (OutputFormat::Json, Err(e)) => {
                serde_json::to_string_pretty(&report::json::error_value(path, e))
                    .expect("error serializes")
            }
            _ => String::new(),
        };
        Rendered {
            error: result.as_ref().err().map(ToString::to_string),
            below_min: result
                .as_ref()
                .is_ok_and(|a| args.min_score.is_some_and(|m| a.breakdown.score < m)),
            summary: (format == OutputFormat::Human).then(|| Summary::of(path, &result)),
            out,
        }
    };
    let mut t = Tally::default();
    batch::run(
        scorer,
        inputs,
        args.jobs.map(|j| j as usize),
        timeout_of(&args.limits),
        &limits_of(&args.limits),
        render,
        |r: Rendered| {
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
                write_stdout(report::table::ranking(&mut t.rows, terminal_width()).as_bytes())?
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
