//! `ats-score fit`: which roles a resume fits. One resume gets a ranked
//! table or JSON; many are read in worker processes, as a scoring batch is,
//! and give a row each.

use super::{confinement_of, isolated, limits_of, terminal_width, timeout_of, write_stdout};
use crate::cli::{FitArgs, FitFormat};
use ats_score::batch;
use ats_score::error::{Error, exit};
use ats_score::extract::{Deadline, Limits};
use ats_score::fit::{Fitter, RoleFit};
use ats_score::report::escape::{self, escape};
use ats_score::report::fit as render;
use std::path::Path;

/// The `fit` command.
pub fn fit(args: &FitArgs) -> Result<i32, Error> {
    let single = args.resumes.len() == 1
        && (args.resumes[0].as_os_str() == "-" || !args.resumes[0].is_dir());
    if single {
        return isolated(&[&args.resumes[0]], &args.limits, || single_file(args));
    }
    many_files(args)
}

fn single_file(args: &FitArgs) -> Result<i32, Error> {
    let limits = Limits {
        page_threads: std::thread::available_parallelism().map_or(1, |n| n.get().min(8)),
        ..limits_of(&args.limits)
    };
    let fitter = Fitter::new(args.company.as_deref())?;
    let deadline = timeout_of(&args.limits).map(Deadline::after);
    let (name, extracted) = batch::read_file_here(&args.resumes[0], deadline, &limits)?;
    let fits = ats_score::error::catch_panic(&name, || Ok(fitter.fit(&name, &extracted)))?;
    if args.output.quiet {
        return Ok(exit::OK);
    }
    for notice in &extracted.notices {
        eprintln!("ats-score: note: {}", escape(notice));
    }
    let company = fitter.company();
    let text = match args.format {
        FitFormat::Human => escape::for_terminal(
            &render::table(&name, company, &fits, terminal_width()),
            false,
        )
        .into_owned(),
        FitFormat::Json => render::json(&name, company, &fits, true),
        FitFormat::Jsonl => render::json(&name, company, &fits, false),
        FitFormat::Csv => {
            let columns = fitter.columns();
            render::csv_header(&columns) + &render::csv_row(&name, &columns, &fits)
        }
    };
    write_stdout(text.as_bytes())?;
    Ok(exit::OK)
}

/// One file's part of a batch, made in the worker that read it.
#[derive(serde::Serialize, serde::Deserialize)]
struct Rendered {
    error: Option<String>,
    out: String,
    row: Option<render::Row>,
}

fn rendered(
    args: &FitArgs,
    fitter: &Fitter,
    path: &str,
    result: Result<Vec<RoleFit>, Error>,
) -> Rendered {
    let company = fitter.company();
    let columns = &fitter.columns();
    let out = match (args.format, &result) {
        _ if args.output.quiet => String::new(),
        (FitFormat::Json, Ok(f)) => render::json(path, company, f, true),
        (FitFormat::Jsonl, Ok(f)) => render::json(path, company, f, false),
        (FitFormat::Json | FitFormat::Jsonl, Err(e)) => {
            let v = ats_score::report::json::error_value(path, e);
            ats_score::report::json::to_string(&v, args.format == FitFormat::Json) + "\n"
        }
        (FitFormat::Csv, Ok(f)) => render::csv_row(path, columns, f),
        (FitFormat::Csv, Err(e)) => render::csv_error(path, columns, &escape(&e.to_string())),
        (FitFormat::Human, _) => String::new(),
    };
    // Only the human table needs the rows, at the end.
    let row = match &result {
        _ if args.format != FitFormat::Human => None,
        Ok(f) => Some(render::Row::of(path, f)),
        Err(e) => Some(render::Row {
            path: path.to_string(),
            top: Vec::new(),
            fits: false,
            error: Some(e.to_string()),
        }),
    };
    Rendered {
        error: result
            .as_ref()
            .err()
            .map(|e| escape(&e.to_string()).into_owned()),
        out,
        row,
    }
}

/// A worker of a `fit` batch: compile every role once, then fit each file
/// the parent sends.
pub fn fit_worker(args: &FitArgs) -> i32 {
    let confinement = confinement_of(&args.limits);
    #[cfg(unix)]
    ats_score::isolate::confine_self(confinement.max_memory);
    let limits = limits_of(&args.limits);
    let fitter = std::cell::OnceCell::new();
    let setup = |_message: Vec<u8>| {
        let ready =
            ats_score::error::catch_panic("the profiles", || Fitter::new(args.company.as_deref()))
                .map(|f| {
                    let _ = fitter.set(f);
                });
        batch::encode_ready(&ready)
    };
    let handle = |request: Vec<u8>| {
        #[cfg(unix)]
        ats_score::isolate::cpu_budget(confinement.timeout);
        let deadline = confinement.timeout.map(Deadline::after);
        let Some(f) = fitter.get() else {
            return Vec::new();
        };
        let (name, result) = match batch::Request::decode(request) {
            batch::Request::Path(path) => {
                let read = batch::read_file_here(&path, deadline, &limits);
                let name = escape::path(&path);
                let result = read.and_then(|(n, extracted)| {
                    ats_score::error::catch_panic(&n, || Ok(f.fit(&n, &extracted)))
                });
                (name, result)
            }
            batch::Request::Stdin(bytes) => {
                let name = "<stdin>".to_string();
                let result = ats_score::error::catch_panic(&name, || {
                    let extracted = ats_score::extract::extract(&name, &bytes, deadline, &limits)?;
                    Ok(f.fit(&name, &extracted))
                });
                (name, result)
            }
        };
        let out = rendered(args, f, &name, result);
        serde_json::to_vec(&out).unwrap_or_default()
    };
    match ats_score::isolate::serve(setup, handle) {
        Ok(()) => exit::OK,
        Err(_) => exit::INTERNAL,
    }
}

fn many_files(args: &FitArgs) -> Result<i32, Error> {
    let inputs = batch::discover(&args.resumes, args.batch.glob.as_deref())?;
    // The parent needs the columns for the CSV header, and checks the
    // company before any worker starts.
    let fitter = Fitter::new(args.company.as_deref())?;
    let columns = fitter.columns();
    let stdin = if args.resumes.iter().any(|p| p.as_os_str() == "-") {
        Some(ats_score::read_input(Path::new("-"), &limits_of(&args.limits))?.1)
    } else {
        None
    };
    let quiet = args.output.quiet;
    if !quiet && args.format == FitFormat::Csv {
        write_stdout(render::csv_header(&columns).as_bytes())?;
    }
    let answer = |path: &str, reply: Result<Vec<u8>, Error>| {
        reply
            .and_then(|bytes| {
                serde_json::from_slice::<Rendered>(&bytes).map_err(|e| Error::Internal {
                    what: path.into(),
                    detail: format!("a worker's answer does not parse: {e}"),
                })
            })
            .unwrap_or_else(|e| rendered(args, &fitter, path, Err(e)))
    };
    let jobs = args.batch.jobs();
    let mut rows = Vec::new();
    let mut failed = 0;
    let mut first = true;
    let mut write_error = None;
    batch::run(
        inputs,
        stdin,
        batch::Pool {
            spawn: super::worker_command,
            setup: b"-",
            confinement: &confinement_of(&args.limits),
            slots: jobs,
        },
        answer,
        |r: Rendered| {
            if let Some(message) = &r.error {
                failed += 1;
                eprintln!("ats-score: error: {message}");
            }
            rows.extend(r.row);
            if r.out.is_empty() || write_error.is_some() {
                return;
            }
            // A JSON array opens with its first element, so a batch that
            // fails before any row leaves no half-written array.
            let out = match (args.format, first) {
                (FitFormat::Json, true) => format!("[\n{}", r.out.trim_end()),
                (FitFormat::Json, false) => format!(",\n{}", r.out.trim_end()),
                _ => r.out,
            };
            first = false;
            if let Err(e) = write_stdout(out.as_bytes()) {
                write_error = Some(e);
            }
        },
    )?;
    if let Some(e) = write_error {
        return Err(e);
    }
    if !quiet {
        match args.format {
            FitFormat::Json if first => write_stdout(b"[]\n")?,
            FitFormat::Json => write_stdout(b"\n]\n")?,
            FitFormat::Human => {
                let table = render::batch_table(&rows, terminal_width());
                write_stdout(escape::for_terminal(&table, false).as_bytes())?
            }
            _ => {}
        }
    }
    Ok(if failed > 0 {
        exit::BATCH_FAILURES
    } else {
        exit::OK
    })
}
