//! Many resumes at once: find them, score them in parallel, and hand each
//! result to the caller as soon as it is ready.
//!
//! Career coaches score hundreds of resumes in one go, so a batch must not
//! stop at a bad file, must not stall on a slow one, must not die with a
//! hostile one (each file is read in a worker process, see
//! [`crate::isolate`]), and must not hold every report in memory: results
//! stream out through a callback and are dropped.
//! They come out in input order whatever the number of jobs, so the same
//! batch gives byte-identical output with `--jobs 1` and `--jobs 8`.

use crate::error::{Error, Result};
use crate::extract::{Deadline, Extracted, Limits};
use crate::isolate::{Confinement, Worker, verdict};
use crate::{Analysis, Scorer, read_input};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Extensions picked up when walking a directory without `--glob`.
pub const EXTENSIONS: &[&str] = &["pdf", "docx", "txt", "md"];

/// One input of a batch: a path to score, or a problem found while looking
/// (a missing path), which is reported like any failed file.
pub type Input = std::result::Result<PathBuf, Error>;

/// Expand the command line's paths: files as given (any extension), the
/// resume files under each directory (recursively, sorted, filtered by
/// `glob` or by [`EXTENSIONS`]).
pub fn discover(paths: &[PathBuf], glob: Option<&str>) -> Result<Vec<Input>> {
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
    let shown = crate::report::escape::path;
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" || !path.is_dir() {
            out.push(Ok(path.clone()));
            continue;
        }
        let wanted = |p: &Path, name: &std::ffi::OsStr| match &matcher {
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
                    let at = e.path().map_or_else(|| shown(path), shown);
                    let source = e
                        .into_io_error()
                        .unwrap_or_else(|| std::io::Error::other("filesystem loop"));
                    found.push(Err(Error::Io { path: at, source }));
                }
                Ok(e) if !wanted(e.path(), e.file_name()) => {}
                Ok(e) if e.file_type().is_file() => found.push(Ok(e.into_path())),
                // A link to a resume is scored (reading follows it); a
                // dangling link is reported.
                Ok(e) if e.path_is_symlink() => match std::fs::metadata(e.path()) {
                    Ok(meta) if meta.is_dir() => {}
                    Ok(_) => found.push(Ok(e.into_path())),
                    Err(source) => found.push(Err(Error::Io {
                        path: shown(e.path()),
                        source,
                    })),
                },
                Ok(e) if e.file_type().is_dir() => {}
                // A pipe, socket or device named like a resume: reading it
                // could block the batch, so it is reported, not read.
                Ok(e) => found.push(Err(Error::NotRegular {
                    path: shown(e.path()),
                    kind: crate::input::special_kind(&e.file_type()),
                })),
            }
        }
        if found.is_empty() {
            out.push(Err(Error::NothingFound { path: shown(path) }));
        }
        out.extend(found);
    }
    Ok(out)
}

/// Read and score one file on the calling thread; the PDF reader stops at
/// `deadline` if one is given. A parser stuck elsewhere is not interrupted
/// here: the process around it is ([`crate::isolate`]).
pub fn score_file_here(
    scorer: &Scorer,
    path: &Path,
    deadline: Option<Deadline>,
    limits: &Limits,
) -> Result<Analysis> {
    let (name, extracted) = read_file_here(path, deadline, limits)?;
    crate::error::catch_panic(&name, || Ok(scorer.score_text(&name, &extracted)))
}

/// The first half of [`score_file_here`]: read and extract one file, on the
/// calling thread, with no profile needed yet (so a caller can compile the
/// profile meanwhile). Gives the name to report the file by.
pub fn read_file_here(
    path: &Path,
    deadline: Option<Deadline>,
    limits: &Limits,
) -> Result<(String, Extracted)> {
    let shown = crate::report::escape::path(path);
    crate::error::catch_panic(&shown, || {
        let (name, bytes) = read_input(path, limits)?;
        let extracted = crate::extract::extract(&name, &bytes, deadline, limits)?;
        Ok((name, extracted))
    })
}

/// What a batch worker is asked to score.
#[derive(Debug, PartialEq, Eq)]
pub enum Request {
    /// A file by its path (any bytes the system allows in a name).
    Path(PathBuf),
    /// Standard input, read by the parent (a worker's own stdin is the
    /// pipe it is asked on).
    Stdin(Vec<u8>),
}

impl Request {
    pub fn encode(&self) -> Vec<u8> {
        match self {
            Request::Path(p) => {
                let mut out = vec![b'P'];
                out.extend_from_slice(p.as_os_str().as_encoded_bytes());
                out
            }
            Request::Stdin(bytes) => {
                let mut out = Vec::with_capacity(bytes.len() + 1);
                out.push(b'S');
                out.extend_from_slice(bytes);
                out
            }
        }
    }

    pub fn decode(mut bytes: Vec<u8>) -> Request {
        match bytes.first() {
            Some(b'S') => {
                bytes.remove(0);
                Request::Stdin(bytes)
            }
            _ => Request::Path(path_from_bytes(bytes.get(1..).unwrap_or_default())),
        }
    }
}

#[cfg(unix)]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

/// A worker's answer to its setup: ready, or the error (with its exit
/// code) that stops the run, such as an invalid profile.
pub fn encode_ready(result: &Result<()>) -> Vec<u8> {
    match result {
        Ok(()) => b"+".to_vec(),
        Err(e) => format!("-{}\t{e}", e.exit_code()).into_bytes(),
    }
}

fn decode_ready(reply: &[u8]) -> Result<()> {
    let Some(rest) = reply.strip_prefix(b"-") else {
        return Ok(());
    };
    let text = String::from_utf8_lossy(rest);
    let (code, message) = text.split_once('\t').unwrap_or(("70", &text));
    Err(Error::Reported {
        code: code.parse().unwrap_or(crate::error::exit::INTERNAL),
        message: message.to_string(),
    })
}

/// The worker processes of a batch.
pub struct Pool<'a, S> {
    /// Makes the command of one worker: this binary with
    /// [`crate::isolate::WORKER_ENV`] set.
    pub spawn: S,
    /// The first message each worker gets (see [`crate::isolate::serve`]).
    pub setup: &'a [u8],
    pub confinement: &'a Confinement,
    /// How many workers run at once.
    pub slots: usize,
}

/// Score every input in the `pool`'s worker processes; `stdin` is what the
/// parent read from standard input for an input named `-`.
///
/// `answer(name, reply)` turns a worker's reply, or the error that ended
/// it, into what `emit` receives; `emit` gets them one at a time in input
/// order. A worker that dies (or is killed at its deadline) gives its file
/// an error row and is replaced; the batch goes on. A worker that refuses
/// its setup (an invalid profile) stops the run before any file, with that
/// error.
pub fn run<T, A, E, S>(
    inputs: Vec<Input>,
    stdin: Option<Vec<u8>>,
    pool: Pool<'_, S>,
    answer: A,
    emit: E,
) -> Result<()>
where
    T: Send,
    A: Fn(&str, Result<Vec<u8>>) -> T + Sync,
    E: FnMut(T) + Send,
    S: Fn() -> std::io::Result<std::process::Command> + Sync,
{
    let Pool {
        spawn,
        setup,
        confinement,
        slots,
    } = pool;
    let start_worker = || -> Result<Worker> {
        let fail = |e: std::io::Error| Error::Internal {
            what: "batch".into(),
            detail: format!("cannot start a worker process: {e}"),
        };
        let mut worker = Worker::spawn(spawn().map_err(fail)?, setup).map_err(fail)?;
        match worker.ready(confinement.timeout) {
            Ok(reply) => decode_ready(&reply).map(|()| worker),
            Err((end, tail)) => Err(verdict("starting a worker", &end, &tail, confinement)),
        }
    };
    let slots = slots.clamp(1, inputs.iter().filter(|i| i.is_ok()).count().max(1));
    // A panic starting a worker is that worker's failure, not a lost thread.
    let start = || crate::error::catch_panic("starting a worker", start_worker);
    let next = AtomicUsize::new(0);
    let sink = Mutex::new(InOrder {
        next: 0,
        waiting: BTreeMap::new(),
        emit,
    });
    let (inputs, stdin, answer, sink, next, start) =
        (&inputs, &stdin, &answer, &sink, &next, &start);
    // One file's row, whatever happens on the way.
    let row = |worker: &mut Option<Worker>, input: &Input| -> T {
        let Ok(path) = input else {
            let e = input.as_ref().err();
            let path = e.and_then(Error::path).unwrap_or_default();
            return answer(
                path,
                Err(e.map_or_else(|| internal("no input"), clone_error)),
            );
        };
        let name = if path.as_os_str() == "-" {
            "<stdin>".to_string()
        } else {
            crate::report::escape::path(path)
        };
        let request = match (path.as_os_str() == "-", stdin) {
            (true, Some(bytes)) => Request::Stdin(bytes.clone()),
            _ => Request::Path(path.clone()),
        };
        let reply = match worker.take().map_or_else(start, Ok) {
            Err(e) => Err(e),
            Ok(mut w) => match w.call(&request.encode(), confinement.timeout) {
                Ok(reply) => {
                    *worker = Some(w);
                    Ok(reply)
                }
                Err((end, tail)) => Err(verdict(&name, &end, &tail, confinement)),
            },
        };
        answer(&name, reply)
    };
    let mut fatal = None;
    std::thread::scope(|s| {
        // Every slot's worker is ready before the first file, so a profile
        // error stops the run before any output. Each slot starts its own:
        // a worker dies with the thread that started it (Linux's
        // parent-death signal follows the thread), so that thread must be
        // the one that uses it. Each slot says how its start went, then
        // waits to be told to go; a slot that could not be started, or
        // said nothing, is not waited for.
        let (said, hear) = std::sync::mpsc::channel::<Option<Error>>();
        let mut gos = Vec::new();
        for _ in 0..slots {
            let (go, wait) = std::sync::mpsc::channel::<bool>();
            let said = said.clone();
            let slot = std::thread::Builder::new().spawn_scoped(s, move || {
                let mut worker = match start() {
                    Ok(w) => {
                        let _ = said.send(None);
                        Some(w)
                    }
                    Err(e) => {
                        let _ = said.send(Some(e));
                        None
                    }
                };
                drop(said);
                if wait.recv() != Ok(true) {
                    return;
                }
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(input) = inputs.get(i) else { break };
                    let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        row(&mut worker, input)
                    }))
                    .unwrap_or_else(|p| {
                        let detail = crate::error::panic_message(p.as_ref());
                        answer("", Err(internal(&detail)))
                    });
                    lock(sink).put(i, out);
                }
            });
            if slot.is_ok() {
                gos.push(go);
            }
        }
        drop(said);
        for _ in 0..gos.len() {
            match hear.recv() {
                Ok(Some(e)) => {
                    fatal.get_or_insert(e);
                }
                Ok(None) => {}
                Err(_) => break,
            }
        }
        if gos.is_empty() {
            fatal.get_or_insert(internal("cannot start a thread for the batch"));
        }
        for go in &gos {
            let _ = go.send(fatal.is_none());
        }
    });
    match fatal {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

fn internal(detail: &str) -> Error {
    Error::Internal {
        what: "batch".into(),
        detail: detail.into(),
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The error of an input that could not be scored, for its row (inputs are
/// shared by the slots, errors are not `Clone`).
fn clone_error(e: &Error) -> Error {
    Error::Reported {
        code: e.exit_code(),
        message: e.to_string(),
    }
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
        let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/resumes"));
        let found = discover(std::slice::from_ref(&root), None).unwrap();
        let names: Vec<String> = found
            .iter()
            .map(|p| {
                p.as_ref()
                    .unwrap()
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(names.len(), 9);
        assert!(names.windows(2).all(|w| w[0] <= w[1]));
        let pdfs = discover(&[root], Some("*.pdf")).unwrap();
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
        nix::unistd::mkfifo(&dir.join("d.pdf"), nix::sys::stat::Mode::S_IRWXU).unwrap();
        let found = discover(std::slice::from_ref(&dir), None).unwrap();
        let ok: Vec<bool> = found.iter().map(Result::is_ok).collect();
        assert_eq!(ok, [true, false, true, false], "{found:?}");
        assert!(matches!(found[3], Err(Error::NotRegular { .. })));
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
        let found = discover(std::slice::from_ref(&dir), None).unwrap();
        assert!(matches!(found[0], Err(Error::NothingFound { .. })));
        let _ = std::fs::remove_dir(&dir);
    }
}
