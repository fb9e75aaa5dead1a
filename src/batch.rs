//! Many resumes at once: find them, score them in parallel, and hand each
//! result to the caller as soon as it is ready.
//!
//! Career coaches score hundreds of resumes in one go, so a batch must not
//! stop at a bad file, must not stall on a slow one, and must not hold every
//! report in memory: results stream out through a callback and are dropped.

use crate::error::{Error, Result};
use crate::extract::{Deadline, Limits};
use crate::{Analysis, Scorer, read_input};
use rayon::prelude::*;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

/// Extensions picked up when walking a directory without `--glob`.
pub const EXTENSIONS: &[&str] = &["pdf", "docx", "txt", "md"];

/// One input of a batch: a path to score, or a problem found while looking
/// (a missing path), which is reported like any failed file.
pub type Input = std::result::Result<String, Error>;

/// Expand the command line's paths: files as given (any extension), the
/// resume files under each directory (recursively, sorted, filtered by
/// `glob` or by [`EXTENSIONS`]).
pub fn discover(paths: &[String], glob: Option<&str>) -> Result<Vec<Input>> {
    let matcher = match glob {
        Some(g) => Some(
            globset::GlobBuilder::new(g)
                .literal_separator(false)
                .build()
                .map_err(|e| Error::BadGlob {
                    glob: g.into(),
                    detail: e.kind().to_string(),
                })?
                .compile_matcher(),
        ),
        None => None,
    };
    let mut out = Vec::new();
    for path in paths {
        if path == "-" || !std::path::Path::new(path).is_dir() {
            out.push(Ok(path.clone()));
            continue;
        }
        let mut found: Vec<String> = walkdir::WalkDir::new(path)
            .follow_links(false)
            .into_iter()
            .filter_map(|entry| entry.ok())
            .filter(|e| e.file_type().is_file())
            .filter(|e| match &matcher {
                Some(m) => m.is_match(e.path()) || m.is_match(e.file_name()),
                None => e
                    .path()
                    .extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| EXTENSIONS.contains(&x.to_ascii_lowercase().as_str())),
            })
            .map(|e| e.path().display().to_string())
            .collect();
        found.sort();
        if found.is_empty() {
            out.push(Err(Error::NothingFound { path: path.clone() }));
        }
        out.extend(found.into_iter().map(Ok));
    }
    Ok(out)
}

/// Read and score one file, giving up after `timeout`.
///
/// With a timeout the work runs on its own thread so that a file stuck
/// inside a parser cannot hold the caller: the caller gets
/// [`Error::Timeout`] on time, and the PDF reader notices the deadline and
/// stops at its next glyph. (A parser stuck before it draws any text keeps
/// its thread until it returns; the batch moves on regardless.)
pub fn score_file(
    scorer: &Arc<Scorer>,
    path: &str,
    timeout: Option<Duration>,
    limits: &Limits,
) -> Result<Analysis> {
    let Some(limit) = timeout else {
        let (name, bytes) = read_input(path, limits)?;
        return scorer.score_bytes_with(&name, &bytes, None, limits);
    };
    let limits = *limits;
    let deadline = Deadline::after(limit);
    let (tx, rx) = mpsc::channel();
    let worker_scorer = Arc::clone(scorer);
    let worker_path = path.to_string();
    let spawned = std::thread::Builder::new()
        .name(format!("score {path}"))
        .spawn(move || {
            // A bug here must still reach the caller as an error with its
            // message, not as a silent end of the thread.
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                read_input(&worker_path, &limits).and_then(|(name, bytes)| {
                    worker_scorer.score_bytes_with(&name, &bytes, Some(deadline), &limits)
                })
            }))
            .unwrap_or_else(|payload| {
                Err(Error::Internal {
                    what: worker_path.clone(),
                    detail: crate::error::panic_message(payload.as_ref()),
                })
            });
            let _ = tx.send(result);
        });
    if let Err(e) = spawned {
        return Err(Error::Internal {
            what: path.into(),
            detail: format!("cannot start a thread: {e}"),
        });
    }
    match rx.recv_timeout(limit) {
        Ok(result) => result,
        Err(mpsc::RecvTimeoutError::Timeout) => Err(Error::Timeout {
            path: path.into(),
            seconds: limit.as_secs_f64(),
        }),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(Error::Internal {
            what: path.into(),
            detail: "the scoring thread stopped without a result".into(),
        }),
    }
}

/// Score every input on `jobs` threads (all cores when `None`), calling
/// `done(index, path, result)` from the worker threads as each finishes.
pub fn run<F>(
    scorer: &Arc<Scorer>,
    inputs: Vec<Input>,
    jobs: Option<usize>,
    timeout: Option<Duration>,
    limits: &Limits,
    done: F,
) -> Result<()>
where
    F: Fn(usize, &str, Result<Analysis>) + Sync,
{
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = jobs {
        builder = builder.num_threads(n.max(1));
    }
    let pool = builder.build().map_err(|e| Error::Internal {
        what: "batch".into(),
        detail: format!("cannot start worker threads: {e}"),
    })?;
    pool.install(|| {
        inputs
            .into_par_iter()
            .enumerate()
            .for_each(|(i, input)| match input {
                Ok(path) => {
                    let result = score_file(scorer, &path, timeout, limits);
                    done(i, &path, result);
                }
                Err(e) => {
                    let path = match &e {
                        Error::NotFound { path } | Error::NothingFound { path } => path.clone(),
                        _ => String::new(),
                    };
                    done(i, &path, Err(e));
                }
            });
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discovers_resumes_sorted_and_filtered() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/resumes");
        let found = discover(&[root.to_string()], None).unwrap();
        let names: Vec<String> = found
            .iter()
            .map(|p| p.as_ref().unwrap().rsplit('/').next().unwrap().to_string())
            .collect();
        assert_eq!(names.len(), 9);
        assert!(names.windows(2).all(|w| w[0] <= w[1]));
        let pdfs = discover(&[root.to_string()], Some("*.pdf")).unwrap();
        assert_eq!(pdfs.len(), 3);
    }

    #[test]
    fn empty_directory_is_reported() {
        let dir = std::env::temp_dir().join(format!("ats-empty-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let found = discover(&[dir.display().to_string()], None).unwrap();
        assert!(matches!(found[0], Err(Error::NothingFound { .. })));
        let _ = std::fs::remove_dir(&dir);
    }
}
