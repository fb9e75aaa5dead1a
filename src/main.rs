//! The `ats-score` binary: parse arguments, call the library, print, and map
//! errors to the documented exit codes. Nothing else lives here.

mod cli;

use ats_score::error::{Error, exit};
use ats_score::report;
use clap::Parser;
use cli::{Cli, OutputFormat};
use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::ExitCode;

fn main() -> ExitCode {
    // Panics are caught and reported as one clean line; the default hook
    // would print a backtrace hint the user cannot act on.
    std::panic::set_hook(Box::new(|_| {}));
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
    let scorer = ats_score::Scorer::new(profile)?;
    let (name, bytes) = ats_score::read_input(&cli.resume)?;
    let analysis = scorer.score_bytes(&name, &bytes)?;
    for notice in &analysis.notices {
        eprintln!("ats-score: note: {notice}");
    }
    let width = terminal_width();
    let mut text = match cli.format {
        OutputFormat::Json => report::json::render(&analysis, scorer.profile()),
        OutputFormat::Human => report::table::render(&analysis, scorer.profile(), width),
    };
    if cli.explain && cli.format == OutputFormat::Human {
        text.push('\n');
        text.push_str(&report::explain::render(&analysis, scorer.profile(), width));
    }
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        // A closed pipe (`| head`) is the reader's choice, not an error.
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(Error::Io {
                path: "<stdout>".into(),
                source: e,
            });
        }
    }
    let score = analysis.breakdown.score;
    match cli.min_score {
        Some(min) if score < min => {
            eprintln!("ats-score: score {score} is below --min-score {min}");
            Ok(exit::BELOW_MIN_SCORE)
        }
        _ => Ok(exit::OK),
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
