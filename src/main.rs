//! The `ats-score` binary: parse arguments, hand them to a command in
//! `commands`, and turn errors and panics into one line on stderr and the
//! documented exit code. Nothing else lives here.

mod cli;
mod commands;

use ats_score::error::{Error, exit};
use clap::Parser;
use cli::{Cli, Command};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::ExitCode;

thread_local! {
    /// Where the last panic on this thread happened.
    static PANIC_AT: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

fn main() -> ExitCode {
    // Panics are caught and reported as one clean line; the default hook
    // would print a backtrace hint the user cannot act on. The hook keeps
    // where the panic happened, so the line can say it (for a bug report).
    std::panic::set_hook(Box::new(|info| {
        if let Some(at) = info.location() {
            PANIC_AT.with(|p| *p.borrow_mut() = Some(format!("{}:{}", at.file(), at.line())));
        }
    }));
    let cli = Cli::parse();
    let code = match catch_unwind(AssertUnwindSafe(|| run(&cli))) {
        Ok(Ok(code)) => code,
        Ok(Err(e)) => {
            eprintln!("ats-score: error: {e}");
            e.exit_code()
        }
        Err(payload) => {
            let detail = ats_score::error::panic_message(payload.as_ref());
            let at = PANIC_AT.with(|p| p.borrow_mut().take()).unwrap_or_default();
            eprintln!(
                "ats-score: error: internal error: {detail} at {at} (please report this bug)"
            );
            exit::INTERNAL
        }
    };
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}

fn run(cli: &Cli) -> Result<i32, Error> {
    match &cli.command {
        None => commands::score(&cli.score),
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
            output,
            limits,
        }) => commands::diff(old, new, profile, *format, output, limits),
        Some(Command::Profiles { command }) => commands::profiles(command),
        Some(Command::ProfileFromJd { file }) => commands::profile_from_jd(file),
        Some(Command::Completions { shell }) => commands::completions(*shell),
        Some(Command::Man) => commands::man(),
    }
}
