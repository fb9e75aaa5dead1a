//! The default command: score one resume with a full report, or many with
//! streamed output or a ranking.

use super::{limits_of, scorer_for, terminal_width, timeout_of, write_stdout};
use crate::cli::{OutputFormat, ScoreArgs};
use ats_score::error::{Error, exit};
use ats_score::report::{self, Paint, Summary};
use ats_score::{Analysis, Scorer, batch};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::{Arc, Mutex};

/// The default command: score one resume or a batch.
pub fn score(args: &ScoreArgs) -> Result<i32, Error> {
    let Some(scorer) = scorer_for(&args.profile, args.output.quiet)? else {
        return Ok(exit::USAGE);
    };
    let scorer = Arc::new(scorer);
    let single = args.resumes.len() == 1
        && (args.resumes[0] == "-" || !std::path::Path::new(&args.resumes[0]).is_dir());
    if single {
        single_file(args, &scorer)
    } else {
        many_files(args, &scorer)
    }
}

/// One resume: a full report.
fn single_file(args: &ScoreArgs, scorer: &Arc<Scorer>) -> Result<i32, Error> {
    let analysis = batch::score_file(
        scorer,
        &args.resumes[0],
        timeout_of(&args.limits),
        &limits_of(&args.limits),
    )?;
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
}

/// Many resumes: streamed JSONL/CSV/JSON, or a ranking table at the end.
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
    let tally = Mutex::new(Tally::default());
    let profile = scorer.profile();
    let write_error: Mutex<Option<Error>> = Mutex::new(None);
    batch::run(
        scorer,
        inputs,
        args.jobs.map(|j| j as usize),
        timeout_of(&args.limits),
        &limits_of(&args.limits),
        |_, path, result: Result<Analysis, Error>| {
            let mut t = tally.lock().unwrap_or_else(|e| e.into_inner());
            match &result {
                Ok(a) => {
                    if args.min_score.is_some_and(|m| a.breakdown.score < m) {
                        t.below_min += 1;
                    }
                }
                Err(e) => {
                    t.failed += 1;
                    progress.suspend(|| eprintln!("ats-score: error: {e}"));
                }
            }
            let out = match (&format, &result) {
                _ if quiet => String::new(),
                (OutputFormat::Jsonl, Ok(a)) => report::json::render_line(a, profile),
                (OutputFormat::Jsonl, Err(e)) => {
                    format!("{}\n", report::json::error_value(path, e))
                }
                (OutputFormat::Csv, Ok(a)) => report::csv::scored(a),
                (OutputFormat::Csv, Err(e)) => report::csv::failed(path, e),
                (OutputFormat::Json, r) => {
                    let value = match r {
                        Ok(a) => serde_json::to_string_pretty(&report::json::build(a, profile))
                            .expect("report serializes"),
                        Err(e) => serde_json::to_string_pretty(&report::json::error_value(path, e))
                            .expect("error serializes"),
                    };
                    let sep = if t.wrote_json { ",\n" } else { "" };
                    t.wrote_json = true;
                    format!("{sep}{value}")
                }
                (_, r) => {
                    t.rows.push(Summary::of(path, r));
                    String::new()
                }
            };
            if !out.is_empty()
                && let Err(e) = progress.suspend(|| write_stdout(out.as_bytes()))
            {
                write_error
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .get_or_insert(e);
            }
            progress.inc(1);
        },
    )?;
    progress.finish_and_clear();
    if let Some(e) = write_error.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(e);
    }
    let mut t = tally.into_inner().unwrap_or_else(|e| e.into_inner());
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
