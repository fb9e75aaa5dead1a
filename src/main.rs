//! The `ats-score` binary: parse arguments, call the library, print, and map
//! errors to the documented exit codes. Nothing else lives here.

mod cli;

use ats_score::batch;
use ats_score::error::{Error, exit};
use ats_score::extract::Limits;
use ats_score::report::{self, Paint, Summary};
use ats_score::{Analysis, Scorer};
use clap::{CommandFactory, Parser};
use cli::{
    Cli, Command, DiffFormat, LimitArgs, OutputFormat, ProfileArgs, ProfileFormat, ProfilesCommand,
    ScoreArgs,
};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Duration;

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
        None => score(&cli.score),
        Some(Command::Extract {
            file,
            sections,
            limits,
        }) => {
            let limits = limits_of(limits);
            let (name, bytes) = ats_score::read_input(file, &limits)?;
            let extracted = ats_score::extract::extract(&name, &bytes, None, &limits)?;
            for notice in &extracted.notices {
                eprintln!("ats-score: note: {notice}");
            }
            let found = sections.then(|| {
                ats_score::sections::detect(&ats_score::normalize::normalize(&extracted.text))
            });
            write_stdout(report::extract::render(&extracted, found.as_deref()).as_bytes())?;
            Ok(exit::OK)
        }
        Some(Command::Diff {
            old,
            new,
            profile,
            format,
            output,
            limits,
        }) => {
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
        Some(Command::Profiles { command }) => profiles(command),
        Some(Command::ProfileFromJd { file }) => {
            let (name, text) = read_jd(file)?;
            let p = ats_score::profile::jd::profile(&name, &text)?;
            let yaml = serde_saphyr::to_string(&p).expect("profile serializes");
            write_stdout(format!("# Built by ats-score from {name}; edit freely, then use with --profile.\n{yaml}").as_bytes())?;
            Ok(exit::OK)
        }
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "ats-score", &mut out);
            write_stdout(&out)?;
            Ok(exit::OK)
        }
        Some(Command::Man) => {
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
    }
}

/// The profile chosen on the command line (with a job posting, if given),
/// compiled; `None` (after saying why) when none was chosen.
fn scorer_for(args: &ProfileArgs, quiet: bool) -> Result<Option<Scorer>, Error> {
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
                Some(b) => profile::jd::combine(b, &name, &text)?,
                None => profile::jd::profile(&name, &text)?,
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
    Scorer::new(profile).map(Some)
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

/// `ats-score profiles ...`.
fn profiles(command: &ProfilesCommand) -> Result<i32, Error> {
    use ats_score::profile::{self, Profile, registry};
    match command {
        ProfilesCommand::List => {
            let mut t = report::new_table(
                terminal_width(),
                &["Company", "Role", "Terms", "Rules", "From", "Extends"],
            );
            for id in registry::ids() {
                let (company, role) = id.split_once('/').unwrap_or((&id, ""));
                let (terms, rules, extends) = match registry::find(&id)
                    .map(|(path, text)| Profile::from_yaml(&path, &text))
                {
                    Some(Ok(p)) => (
                        p.groups
                            .iter()
                            .map(|g| g.terms.len())
                            .sum::<usize>()
                            .to_string(),
                        p.rules.len().to_string(),
                        p.extends.unwrap_or_default(),
                    ),
                    Some(Err(e)) => ("invalid".into(), String::new(), e.to_string()),
                    None => continue,
                };
                let from = if registry::is_user(&id) {
                    "user"
                } else {
                    "built in"
                };
                t.add_row(vec![
                    company.to_string(),
                    role.to_string(),
                    terms,
                    rules,
                    from.into(),
                    extends,
                ]);
            }
            write_stdout(format!("{t}\n").as_bytes())?;
            if let Some(dir) = registry::user_dir() {
                eprintln!("ats-score: note: your profiles go in {}", dir.display());
            }
            Ok(exit::OK)
        }
        ProfilesCommand::Show { id, format } => {
            let (company, role) = id.split_once('/').unwrap_or((id.as_str(), ""));
            let p = if company == "base" {
                profile::check_name("role", role)?;
                let (path, text) = registry::find(id).ok_or_else(|| Error::UnknownRole {
                    company: "base".into(),
                    role: role.into(),
                    suggestion: String::new(),
                    available: registry::ids()
                        .iter()
                        .filter_map(|i| i.strip_prefix("base/"))
                        .collect::<Vec<_>>()
                        .join(", "),
                })?;
                Profile::from_yaml(&path, &text)?
            } else {
                profile::resolve(company, role)?
            };
            let text = match format {
                ProfileFormat::Json => {
                    serde_json::to_string_pretty(&p).expect("profile serializes") + "\n"
                }
                ProfileFormat::Yaml => serde_saphyr::to_string(&p).expect("profile serializes"),
            };
            write_stdout(text.as_bytes())?;
            Ok(exit::OK)
        }
        ProfilesCommand::Validate { files } => {
            let mut code = exit::OK;
            for file in files {
                match profile::load_file(file) {
                    Ok(p) => {
                        let terms: usize = p.groups.iter().map(|g| g.terms.len()).sum();
                        println!(
                            "{}: valid ({} groups, {terms} terms, {} rules)",
                            file.display(),
                            p.groups.len(),
                            p.rules.len()
                        );
                    }
                    Err(e) => {
                        eprintln!("ats-score: error: {e}");
                        code = e.exit_code();
                    }
                }
            }
            Ok(code)
        }
    }
}

fn timeout_of(args: &LimitArgs) -> Option<Duration> {
    (args.timeout > 0.0).then(|| Duration::from_secs_f64(args.timeout))
}

fn limits_of(args: &LimitArgs) -> Limits {
    Limits {
        max_bytes: (args.max_size * 1e6) as u64,
        max_pages: args.max_pages,
        max_unpacked: (args.max_unpacked * 1e6) as u64,
        ..Limits::default()
    }
}

/// The default command: score one resume or a batch.
fn score(args: &ScoreArgs) -> Result<i32, Error> {
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
