//! The `ats-score` binary: parse arguments, hand them to a command in
//! `commands`, and turn errors and panics into one line on stderr and the
//! documented exit code. Nothing else lives here.

#![forbid(unsafe_code)]

mod cli;
mod commands;

use ats_score::error::Error;
use clap::Parser;
use cli::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    // Panics are caught and reported as one clean line that says where
    // they happened (for a bug report), on whichever thread they happen.
    ats_score::error::keep_panic_locations();
    let cli = Cli::parse();
    if std::env::var_os(ats_score::isolate::WORKER_ENV).is_some() {
        // Started by a batch: serve files on stdin (see `isolate`).
        let code = match &cli.command {
            Some(Command::Fit(args)) => commands::fit_worker(args),
            _ => commands::batch_worker(&cli.score),
        };
        return ExitCode::from(u8::try_from(code).unwrap_or(1));
    }
    let code = match ats_score::error::catch_panic("internal error", || run(&cli)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!(
                "ats-score: error: {}",
                ats_score::report::escape::escape(&e.to_string())
            );
            e.exit_code()
        }
    };
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}

fn run(cli: &Cli) -> Result<i32, Error> {
    match &cli.command {
        None => commands::score(&cli.score),
        Some(Command::Fit(args)) => commands::fit(args),
        Some(Command::Extract {
            file,
            sections,
            limits,
        }) => commands::extract(file, *sections, limits),
        Some(Command::Diff {
            old,
            new,
            profile,
            format,
            fail_on_drop,
            output,
            limits,
        }) => commands::diff(old, new, profile, *format, *fail_on_drop, output, limits),
        Some(Command::Profiles { command }) => commands::profiles(command),
        Some(Command::ProfileFromJd { file, limits }) => commands::profile_from_jd(file, limits),
        Some(Command::Completions { shell }) => commands::completions(*shell),
        Some(Command::Man { dir }) => commands::man(dir.as_deref()),
        Some(Command::Schema) => {
            commands::write_stdout(ats_score::report::json::SCHEMA.as_bytes())?;
            Ok(ats_score::error::exit::OK)
        }
    }
}
