//! The `ats-score` binary: parse arguments, call the library, print, and map
//! errors to the documented exit codes. Nothing else lives here.

mod cli;

use ats_score::batch;
use ats_score::error::{Error, exit};
use ats_score::extract::Limits;
use ats_score::report::{self, Summary};
use ats_score::{Analysis, Scorer};
use clap::Parser;
use cli::{Cli, OutputFormat};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn main() -> ExitCode {
    // Panics are caught and reported as one clean line; the default hook
    // would print a backtrace hint the user cannot act on. With
    // RUST_BACKTRACE set (for a bug report) the default hook stays.
    if std::env::var_os("RUST_BACKTRACE").is_none() {
        std::panic::set_hook(Box::new(|_| {}));
    }
    let cli = Cli::parse();
    let code = match catch_unwind(AssertUnwindSafe(|| run(&cli))) {
        Ok(Ok(code)) => code,
        Ok(Err(e)) => {
            eprintln!("ats-score: error: {e}");
            e.exit_code()
        }
        Err(payload) => {
            let detail = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            eprintln!("ats-score: error: internal error: {detail} (please report this bug)");
            exit::INTERNAL
        }
    };
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}

fn run(cli: &Cli) -> Result<i32, Error> {
    let profile = match (&cli.profile, &cli.company, &cli.role) {
        (Some(path), _, _) => ats_score::profile::load_file(path)?,
        (None, Some(company), Some(role)) => ats_score::profile::resolve(company, role)?,
        _ => {
            eprintln!(
                "ats-score: error: choose a profile with --company and --role (built in: {}) or --profile FILE",
                ats_score::profile::embedded_ids().join(", ")
            );
            return Ok(exit::USAGE);
        }
    };
    let scorer = Arc::new(Scorer::new(profile)?);
    let timeout = (cli.timeout > 0.0).then(|| Duration::from_secs_f64(cli.timeout));
    let limits = ats_score::extract::Limits {
        max_bytes: (cli.max_size * 1e6) as u64,
        max_pages: cli.max_pages,
        max_unpacked: (cli.max_unpacked * 1e6) as u64,
        ..Default::default()
    };
    let single = cli.resumes.len() == 1
        && (cli.resumes[0] == "-" || !std::path::Path::new(&cli.resumes[0]).is_dir());
    if single {
        single_file(cli, &scorer, timeout, &limits)
    } else {
        many_files(cli, &scorer, timeout, &limits)
    }
}

/// One resume: a full report.
fn single_file(
    cli: &Cli,
    scorer: &Arc<Scorer>,
    timeout: Option<Duration>,
    limits: &Limits,
) -> Result<i32, Error> {
    let analysis = batch::score_file(scorer, &cli.resumes[0], timeout, limits)?;
    for notice in &analysis.notices {
        eprintln!("ats-score: note: {notice}");
    }
    let width = terminal_width();
    let profile = scorer.profile();
    let mut text = match cli.format {
        OutputFormat::Json => report::json::render(&analysis, profile),
        OutputFormat::Jsonl => report::json::render_line(&analysis, profile),
        OutputFormat::Csv => report::csv::header() + &report::csv::scored(&analysis),
        OutputFormat::Human => report::table::render(&analysis, profile, width),
    };
    if cli.explain && cli.format == OutputFormat::Human {
        text.push('\n');
        text.push_str(&report::explain::render(&analysis, profile, width));
    }
    write_stdout(text.as_bytes())?;
    Ok(min_score_status(cli.min_score, analysis.breakdown.score))
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
fn many_files(
    cli: &Cli,
    scorer: &Arc<Scorer>,
    timeout: Option<Duration>,
    limits: &Limits,
) -> Result<i32, Error> {
    let inputs = batch::discover(&cli.resumes, cli.glob.as_deref())?;
    let progress = if std::io::stderr().is_terminal() {
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
    match cli.format {
        OutputFormat::Csv => write_stdout(report::csv::header().as_bytes())?,
        OutputFormat::Json => write_stdout(b"[\n")?,
        _ => {}
    }
    let tally = Mutex::new(Tally::default());
    let profile = scorer.profile();
    let write_error: Mutex<Option<Error>> = Mutex::new(None);
    batch::run(
        scorer,
        inputs,
        cli.jobs.map(|j| j as usize),
        timeout,
        limits,
        |_, path, result: Result<Analysis, Error>| {
            let mut t = tally.lock().unwrap_or_else(|e| e.into_inner());
            match &result {
                Ok(a) => {
                    if cli.min_score.is_some_and(|m| a.breakdown.score < m) {
                        t.below_min += 1;
                    }
                }
                Err(e) => {
                    t.failed += 1;
                    progress.suspend(|| eprintln!("ats-score: error: {e}"));
                }
            }
            let out = match (&cli.format, &result) {
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
                (OutputFormat::Human, r) => {
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
    match cli.format {
        OutputFormat::Json => write_stdout(b"\n]\n")?,
        OutputFormat::Human => {
            write_stdout(report::table::ranking(&mut t.rows, terminal_width()).as_bytes())?
        }
        _ => {}
    }
    Ok(if t.failed > 0 {
        exit::BATCH_FAILURES
    } else if t.below_min > 0 {
        eprintln!(
            "ats-score: {} resume(s) scored below --min-score {}",
            t.below_min,
            cli.min_score.unwrap_or(0)
        );
        exit::BELOW_MIN_SCORE
    } else {
        exit::OK
    })
}

fn min_score_status(min: Option<u32>, score: u32) -> i32 {
    match min {
        Some(min) if score < min => {
            eprintln!("ats-score: score {score} is below --min-score {min}");
            exit::BELOW_MIN_SCORE
        }
        _ => exit::OK,
    }
}

/// Write to stdout; a closed pipe (`| head`) is the reader's choice, not an
/// error, so it is ignored.
fn write_stdout(bytes: &[u8]) -> Result<(), Error> {
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
/// request), else 80, so output in pipes and logs is stable.
fn terminal_width() -> u16 {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<u16>().ok())
        .map_or(80, |w| w.clamp(60, 200))
}
