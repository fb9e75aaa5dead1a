//! Many resumes at once: find them, score them in parallel, and hand each
//! result to the caller as soon as it is ready.
//!
//! Career coaches score hundreds of resumes in one go, so a batch must not
//! stop at a bad file, must not stall on a slow one, and must not hold every
//! report in memory: results stream out through a callback and are dropped.
//! They come out in input order whatever the number of jobs, so the same
//! batch gives byte-identical output with `--jobs 1` and `--jobs 8`.

use crate::error::{Error, Result};
use crate::extract::{Deadline, Extracted, Limits};
use crate::{Analysis, Scorer, read_input};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::Mutex;
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
        let wanted = |p: &std::path::Path, name: &std::ffi::OsStr| match &matcher {
            Some(m) => m.is_match(p) || m.is_match(name),
            None => p
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| EXTENSIONS.contains(&x.to_ascii_lowercase().as_str())),
        };
        let mut found: Vec<Input> = Vec::new();
        for entry in walkdir::WalkDir::new(path)
            .follow_links(false)
            .sort_by_file_name()
        {
            match entry {
                // A directory that cannot be read, a loop: an error row, so
                // nothing under it vanishes silently.
                Err(e) => {
                    let at = e
                        .path()
                        .map_or_else(|| path.clone(), |p| p.display().to_string());
                    let source = e
                        .into_io_error()
                        .unwrap_or_else(|| std::io::Error::other("filesystem loop"));
                    found.push(Err(Error::Io { path: at, source }));
                }
                Ok(e) if e.file_type().is_file() => {
                    if wanted(e.path(), e.file_name()) {
                        found.push(Ok(e.path().display().to_string()));
                    }
                }
                // A link to a resume is scored (reading follows it); a
                // dangling link is reported.
                Ok(e) if e.path_is_symlink() && wanted(e.path(), e.file_name()) => {
                    let shown = e.path().display().to_string();
                    match std::fs::metadata(e.path()) {
                        Ok(meta) if meta.is_dir() => {}
                        Ok(_) => found.push(Ok(shown)),
                        Err(source) => found.push(Err(Error::Io {
                            path: shown,
                            source,
                        })),
                    }
                }
                Ok(_) => {}
            }
        }
        if found.is_empty() {
            out.push(Err(Error::NothingFound { path: path.clone() }));
        }
        out.extend(found);
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
        return score_file_here(scorer, path, None, limits);
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
            // message and where it happened, not as a silent end of the
            // thread.
            let result = crate::error::catch_panic(&worker_path, || {
                read_input(&worker_path, &limits).and_then(|(name, bytes)| {
                    worker_scorer.score_bytes_with(&name, &bytes, Some(deadline), &limits)
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

/// Read and score one file on the calling thread; the PDF reader stops at
/// `deadline` if one is given, but a parser stuck elsewhere is not
/// interrupted, so a caller with a time limit keeps a watchdog of its own
/// (the single-file command does, and ends the process).
///
/// Why not always [`score_file`]'s own thread: the system allocator gives a
/// new thread its own heap, grown and trimmed in small steps, and on a
/// two-page PDF that was a quarter of the run (BENCHMARKS.md). A batch's
/// workers live long enough for that not to matter.
pub fn score_file_here(
    scorer: &Scorer,
    path: &str,
    deadline: Option<Deadline>,
    limits: &Limits,
) -> Result<Analysis> {
    let (name, extracted) = read_file_here(path, deadline, limits)?;
    crate::error::catch_panic(path, || Ok(scorer.score_text(&name, extracted)))
}

/// The first half of [`score_file_here`]: read and extract one file, on the
/// calling thread, with no profile needed yet (so a caller can compile the
/// profile meanwhile). Gives the name to report the file by.
pub fn read_file_here(
    path: &str,
    deadline: Option<Deadline>,
    limits: &Limits,
) -> Result<(String, Extracted)> {
    crate::error::catch_panic(path, || {
        let (name, bytes) = read_input(path, limits)?;
        let extracted = crate::extract::extract(&name, &bytes, deadline, limits)?;
        Ok((name, extracted))
    })
}

/// Score every input on `jobs` threads (all cores when `None`).
///
/// `render(path, result)` runs on the worker that scored the file, as soon
/// as it is done (turn the analysis into output there, so only the output is
/// kept); `emit(rendered)` then receives the outputs one at a time in input
/// order. A result that finishes early waits, as its rendered output only,
/// until those before it are out.
pub fn run<T, R, E>(
    scorer: &Arc<Scorer>,
    inputs: Vec<Input>,
    jobs: Option<usize>,
    timeout: Option<Duration>,
    limits: &Limits,
    render: R,
    emit: E,
) -> Result<()>
where
    T: Send,
    R: Fn(&str, Result<Analysis>) -> T + Sync,
    E: FnMut(T) + Send,
{
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = jobs {
        builder = builder.num_threads(n.max(1));
    }
    let pool = builder.build().map_err(|e| Error::Internal {
        what: "batch".into(),
        detail: format!("cannot start worker threads: {e}"),
    })?;
    let sink = Mutex::new(InOrder {
        next: 0,
        waiting: BTreeMap::new(),
        emit,
    });
    pool.install(|| {
        inputs.into_par_iter().enumerate().for_each(|(i, input)| {
            let rendered = match input {
                Ok(path) => {
                    let result = score_file(scorer, &path, timeout, limits);
                    render(&path, result)
                }
                Err(e) => {
                    let path = e.path().unwrap_or_default().to_string();
                    render(&path, Err(e))
                }
            };
            sink.lock()
                .unwrap_or_else(|e| e.into_inner())
                .put(i, rendered);
        });
    });
    Ok(())
}

/// Results that finished ahead of their turn, and where the turn is.
struct InOrder<T, E> {
    next: usize,
    waiting: BTreeMap<usize, T>,
    emit: E,
}

impl<T, E: FnMut(T)> InOrder<T, E> {
    fn put(&mut self, i: usize, value: T) {
        self.waiting.insert(i, value);
        while let Some(value) = self.waiting.remove(&self.next) {
            (self.emit)(value);
            self.next += 1;
        }
    }
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
    fn results_come_out_in_input_order() {
        let mut seen = Vec::new();
        let mut sink = InOrder {
            next: 0,
            waiting: BTreeMap::new(),
            emit: |v: usize| seen.push(v),
        };
        for i in [2, 0, 3, 1, 4] {
            sink.put(i, i);
        }
        assert_eq!(seen, [0, 1, 2, 3, 4]);
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_directories_and_dangling_links_are_errors() {
        let dir = tempfile_dir("walk");
        std::fs::write(dir.join("a.txt"), "Jordan").unwrap();
        std::os::unix::fs::symlink(dir.join("missing.txt"), dir.join("b.txt")).unwrap();
        std::os::unix::fs::symlink(dir.join("a.txt"), dir.join("c.txt")).unwrap();
        let found = discover(&[dir.display().to_string()], None).unwrap();
        let ok: Vec<bool> = found.iter().map(Result::is_ok).collect();
        assert_eq!(ok, [true, false, true], "{found:?}");
        assert_eq!(
            found[1].as_ref().unwrap_err().exit_code(),
            crate::error::exit::INPUT
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    fn tempfile_dir(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("ats-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
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
