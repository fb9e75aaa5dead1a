//! Isolation: documents from strangers are parsed in child processes with
//! hard limits, the way hardened document pipelines do it.
//!
//! Limits inside the reader (sizes, pages, nesting, deadlines) catch what
//! we foresaw; a child process catches the rest. A stack overflow or a
//! failed allocation aborts a process, and no `catch_unwind` can stop that;
//! a parser stuck in a loop ignores a deadline it never checks. In a child,
//! each of those ends one file's work with a clear error while the run goes
//! on, because the parent only waits, reads the child's end, and kills it
//! when its time is up.
//!
//! Two shapes, both here:
//! - [`supervise`]: one piece of work (one resume, a diff, an extract) runs
//!   in a forked copy of this process, which is as cheap as a process gets
//!   (no second start-up) and matters when the whole run is ten
//!   milliseconds.
//! - [`Worker`]: a batch re-executes the binary once per job slot and hands
//!   each worker one file at a time through a pipe ([`serve`] is the
//!   worker's side). A worker that dies is replaced; the others go on.
//!
//! Every child limits its own data memory (`--max-memory`), its CPU time
//! per file, and (on Linux) dies with its parent, so an orphan stuck in a
//! loop cannot burn a core after the run is over, and may not write files,
//! run programs or connect anywhere ([`sandbox_self`]).

use crate::error::Error;
use std::io::{Read, Write};
use std::time::Duration;

/// Set in the environment of a batch worker: the binary serves files on
/// standard input instead of parsing its command line's resumes.
pub const WORKER_ENV: &str = "ATS_SCORE_WORKER";

/// The limits a child runs under.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Confinement {
    /// Most data memory, in bytes (`--max-memory`).
    pub max_memory: u64,
    /// Wall-clock time for one file (`--timeout`); `None` is no limit.
    pub timeout: Option<Duration>,
}

/// Time a child gets past its deadline before it is killed, so the reader's
/// own deadline checks (which stop cleanly) usually win.
const GRACE: Duration = Duration::from_millis(250);

/// Largest message a worker may send: far above any report, small enough
/// that a garbled length cannot make the parent allocate without bound.
const MAX_FRAME: usize = 512 * 1024 * 1024;

/// Most of a child's stderr kept to tell how it died.
const TAIL: usize = 8 * 1024;

/// How a child process ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum End {
    /// It exited with this status.
    Exited(i32),
    /// A signal ended it (an abort, a crash, the CPU limit).
    Signaled(i32),
    /// It outlived its deadline and was killed.
    TimedOut,
}

/// What a child's death means for the file it was reading. `stderr` is the
/// end of what it printed: the runtime says there why it aborted.
pub fn verdict(path: &str, end: &End, stderr: &str, c: &Confinement) -> Error {
    let seconds = c.timeout.map_or(0.0, |t| t.as_secs_f64());
    let timed_out = Error::Timeout {
        path: path.into(),
        seconds,
    };
    if stderr.contains("has overflowed its stack") {
        return Error::TooDeep { path: path.into() };
    }
    if stderr.contains("memory allocation of") || stderr.contains("capacity overflow") {
        return Error::OutOfMemory {
            path: path.into(),
            megabytes: c.max_memory / 1_000_000,
        };
    }
    match end {
        End::TimedOut => timed_out,
        End::Signaled(s) if *s == SIGXCPU => timed_out,
        End::Signaled(s) => Error::Internal {
            what: path.into(),
            detail: format!("the reading process crashed ({})", signal_name(*s)),
        },
        End::Exited(code) => Error::Internal {
            what: path.into(),
            detail: format!("the reading process exited with status {code} before it answered"),
        },
    }
}

#[cfg(unix)]
const SIGXCPU: i32 = nix::sys::signal::Signal::SIGXCPU as i32;
#[cfg(not(unix))]
const SIGXCPU: i32 = 24;

fn signal_name(s: i32) -> String {
    #[cfg(unix)]
    if let Ok(sig) = nix::sys::signal::Signal::try_from(s) {
        return sig.as_str().to_string();
    }
    format!("signal {s}")
}

/// Limits a child puts on itself as it starts: data memory, no core dumps
/// (an abort must not write a file the size of its memory), and, on Linux,
/// death with its parent.
#[cfg(unix)]
pub fn confine_self(max_memory: u64) {
    use nix::sys::resource::{Resource, setrlimit};
    // Data memory rather than address space on Linux: thread stacks and
    // allocator arenas reserve address space they never use, and the limit
    // is meant for what a file makes us allocate.
    #[cfg(target_os = "linux")]
    let memory = Resource::RLIMIT_DATA;
    #[cfg(not(target_os = "linux"))]
    let memory = Resource::RLIMIT_AS;
    // A limit the system refuses leaves the child as it was; the other
    // limits (time, the reader's own) still hold.
    let _ = setrlimit(memory, max_memory, max_memory);
    let _ = setrlimit(Resource::RLIMIT_CORE, 0, 0);
    #[cfg(any(target_os = "linux", target_os = "android"))]
    let _ = nix::sys::prctl::set_pdeathsig(nix::sys::signal::Signal::SIGKILL);
    sandbox_self();
}

/// What a child may not do, on Linux, through Landlock: write, create or
/// remove any file, run a program, or open a TCP connection. A child only
/// reads the files it is given and prints to the pipes it was started with
/// (opened before, so still usable). Whether the kernel enforced it comes
/// back; an older kernel enforces what it knows, or nothing, and the other
/// limits still hold.
#[cfg(target_os = "linux")]
pub fn sandbox_self() -> bool {
    use landlock::{ABI, Access, AccessFs, AccessNet, Ruleset, RulesetAttr, RulesetStatus};
    let abi = ABI::V5;
    let restricted = Ruleset::default()
        .handle_access(AccessFs::from_write(abi) | AccessFs::Execute)
        .and_then(|r| r.handle_access(AccessNet::from_all(abi)))
        .and_then(|r| r.create())
        .and_then(|r| r.restrict_self());
    matches!(restricted, Ok(s) if s.ruleset != RulesetStatus::NotEnforced)
}

#[cfg(not(target_os = "linux"))]
pub fn sandbox_self() -> bool {
    false
}

/// Give the next file `timeout` more seconds of CPU (the soft limit is
/// raised to what is used plus the budget): a file that keeps a core busy
/// past it is ended by the kernel even if its parent is gone.
#[cfg(unix)]
pub fn cpu_budget(timeout: Option<Duration>) {
    use nix::sys::resource::{RLIM_INFINITY, Resource, UsageWho, getrlimit, getrusage, setrlimit};
    // The hard limit stays as it is (an unprivileged process cannot raise
    // it, and a batch system may have set one); the soft one moves under it.
    let hard = getrlimit(Resource::RLIMIT_CPU).map_or(RLIM_INFINITY, |(_, hard)| hard);
    let soft = match (timeout, getrusage(UsageWho::RUSAGE_SELF)) {
        (Some(t), Ok(usage)) => {
            let used = usage.user_time().tv_sec() + usage.system_time().tv_sec();
            u64::try_from(used).unwrap_or(0) + t.as_secs() + 2
        }
        _ => RLIM_INFINITY,
    };
    let _ = setrlimit(Resource::RLIMIT_CPU, soft.min(hard), hard);
}

/// Run `work` in a forked child confined by `c` and return its exit status;
/// the child's stdout and stdin are this process's, and its stderr lines
/// that start with `ats-score` pass through as they come. `what` names the
/// work in errors; `deadline` is its whole time.
///
/// Must be called while this process has one thread (at the start of a
/// command): a fork copies only the calling thread, so a lock another
/// thread held would stay locked in the child forever.
#[cfg(unix)]
#[allow(unsafe_code)]
pub fn supervise(
    what: &str,
    c: &Confinement,
    deadline: Option<Duration>,
    work: impl FnOnce() -> Result<i32, Error>,
) -> Result<i32, Error> {
    use nix::unistd::{ForkResult, fork};
    let fail = |detail: String| Error::Internal {
        what: what.into(),
        detail,
    };
    let (reader, writer) = std::io::pipe().map_err(|e| fail(format!("cannot make a pipe: {e}")))?;
    // SAFETY: the caller guarantees this process has a single thread, so
    // the child starts with no lock held and may run ordinary code.
    match unsafe { fork() } {
        Err(e) => Err(fail(format!("cannot start a process: {e}"))),
        Ok(ForkResult::Child) => {
            drop(reader);
            let code = if nix::unistd::dup2_stderr(&writer).is_ok() {
                drop(writer);
                confine_self(c.max_memory);
                cpu_budget(deadline);
                match crate::error::catch_panic(what, work) {
                    Ok(code) => code,
                    Err(e) => {
                        let shown = crate::report::escape::escape(&e.to_string()).into_owned();
                        eprintln!("ats-score: error: {shown}");
                        e.exit_code()
                    }
                }
            } else {
                crate::error::exit::INTERNAL
            };
            let _ = std::io::stdout().flush();
            std::process::exit(code)
        }
        Ok(ForkResult::Parent { child }) => {
            drop(writer);
            // One thread does it all, so the parent costs nothing more than
            // the fork: it relays the child's stderr as it comes, and the
            // end of that stream is the child's exit.
            let (watched, tail) = watch_stderr(reader, deadline.map(|d| d + GRACE));
            // Out of time, or the watch failed (then nothing would bound
            // the wait below): the child is stopped.
            let timed_out = watched == Watch::TimedOut;
            if watched != Watch::Ended {
                let _ = nix::sys::signal::kill(child, nix::sys::signal::Signal::SIGKILL);
            }
            let end = match end_of(nix::sys::wait::waitpid(child, None)) {
                _ if timed_out => End::TimedOut,
                end => end,
            };
            match end {
                End::Exited(code) => {
                    // What the child printed that was not ours (rare) still
                    // reaches the user once it is over.
                    if !tail.trim().is_empty() {
                        eprint!("{tail}");
                    }
                    Ok(code)
                }
                end => Err(verdict(what, &end, &tail, c)),
            }
        }
    }
}

/// How watching a child's stderr ended.
#[cfg(unix)]
#[derive(Debug, PartialEq, Eq)]
enum Watch {
    /// The stream ended: the child exited.
    Ended,
    TimedOut,
    /// The pipe could not be watched.
    Failed,
}

/// Relay a child's stderr ([`route_line`]) until it ends (the child
/// exited) or `limit` passes; says which, and gives the tail kept.
#[cfg(unix)]
fn watch_stderr(mut reader: std::io::PipeReader, limit: Option<Duration>) -> (Watch, String) {
    use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
    use std::os::fd::AsFd;
    let started = std::time::Instant::now();
    let (mut tail, mut line, mut buf) = (String::new(), Vec::new(), [0u8; 4096]);
    let timed_out = loop {
        let timeout = match limit {
            None => PollTimeout::NONE,
            Some(l) => {
                let left = l.saturating_sub(started.elapsed());
                if left.is_zero() {
                    break Watch::TimedOut;
                }
                let ms = i32::try_from(left.as_millis() + 1).unwrap_or(i32::MAX);
                PollTimeout::try_from(ms).unwrap_or(PollTimeout::MAX)
            }
        };
        let mut fds = [PollFd::new(reader.as_fd(), PollFlags::POLLIN)];
        match poll(&mut fds, timeout) {
            Ok(0) | Err(nix::errno::Errno::EINTR) => continue,
            Err(_) => break Watch::Failed,
            Ok(_) => {}
        }
        match reader.read(&mut buf) {
            Ok(0) => break Watch::Ended,
            Ok(n) => {
                for &b in &buf[..n] {
                    line.push(b);
                    if b == b'\n' {
                        route_line(&line, true, &mut tail);
                        line.clear();
                    }
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => break Watch::Failed,
        }
    };
    if !line.is_empty() {
        route_line(&line, true, &mut tail);
    }
    (timed_out, tail)
}

#[cfg(unix)]
fn end_of(status: nix::Result<nix::sys::wait::WaitStatus>) -> End {
    use nix::sys::wait::WaitStatus;
    match status {
        Ok(WaitStatus::Exited(_, code)) => End::Exited(code),
        Ok(WaitStatus::Signaled(_, sig, _)) => End::Signaled(sig as i32),
        // Stopped or continued cannot be seen without asking; anything
        // else is a child we lost track of.
        _ => End::Signaled(0),
    }
}

/// Read a worker's stderr to its end, keeping its tail ([`route_line`]).
fn read_stderr(reader: impl Read) -> String {
    use std::io::BufRead;
    let mut tail = String::new();
    let mut lines = std::io::BufReader::new(reader);
    let mut line = Vec::new();
    // Lines are read whole up to a bound; a longer one is kept in part and
    // the rest drained, so the worker never writes to a closed pipe.
    while let Ok(n) = (&mut lines).take(64 * 1024).read_until(b'\n', &mut line) {
        if n == 0 {
            break;
        }
        route_line(&line, false, &mut tail);
        line.clear();
    }
    tail
}

/// One line of a child's stderr. With `relay`, the child's own messages
/// (lines starting `ats-score`) go to our stderr; the rest (the runtime's
/// last words before an abort) is kept in `tail`, up to [`TAIL`] bytes of
/// its end, to tell how the child died.
fn route_line(line: &[u8], relay: bool, tail: &mut String) {
    if relay && line.starts_with(b"ats-score") {
        let _ = std::io::stderr().write_all(line);
        return;
    }
    tail.push_str(&String::from_utf8_lossy(line));
    if tail.len() > TAIL {
        let cut = (tail.len() - TAIL / 2..tail.len())
            .find(|&i| tail.is_char_boundary(i))
            .unwrap_or(tail.len());
        tail.drain(..cut);
    }
}

/// Write one message: its length (4 bytes, little-endian), then its bytes.
pub fn write_frame(w: &mut impl Write, bytes: &[u8]) -> std::io::Result<()> {
    let len = u32::try_from(bytes.len())
        .map_err(|_| std::io::Error::other("message too large for the pipe"))?;
    w.write_all(&len.to_le_bytes())?;
    w.write_all(bytes)?;
    w.flush()
}

/// Read one message; `None` at a clean end of the stream.
pub fn read_frame(r: &mut impl Read) -> std::io::Result<Option<Vec<u8>>> {
    let mut len = [0u8; 4];
    match r.read_exact(&mut len) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let len = u32::from_le_bytes(len) as usize;
    if len > MAX_FRAME {
        return Err(std::io::Error::other(format!("message of {len} bytes")));
    }
    let mut bytes = vec![0u8; len];
    r.read_exact(&mut bytes)?;
    Ok(Some(bytes))
}

/// The worker's side of a batch: answer each message on stdin with
/// `handle`'s reply on stdout, until stdin ends. The first message is the
/// setup (what the parent read from standard input for the worker, if
/// anything), answered by `setup`.
pub fn serve(
    setup: impl FnOnce(Vec<u8>) -> Vec<u8>,
    mut handle: impl FnMut(Vec<u8>) -> Vec<u8>,
) -> std::io::Result<()> {
    let mut input = std::io::stdin().lock();
    let mut output = std::io::stdout().lock();
    let Some(first) = read_frame(&mut input)? else {
        return Ok(());
    };
    write_frame(&mut output, &setup(first))?;
    while let Some(request) = read_frame(&mut input)? {
        write_frame(&mut output, &handle(request))?;
    }
    Ok(())
}

/// A batch worker process, seen from the parent.
pub struct Worker {
    child: std::process::Child,
    stdin: Option<std::process::ChildStdin>,
    replies: std::sync::mpsc::Receiver<std::io::Result<Vec<u8>>>,
    stderr: Option<std::thread::JoinHandle<String>>,
}

impl Worker {
    /// Start `command` (this binary, with [`WORKER_ENV`] set) and send it
    /// `setup`; its first reply is read with [`Worker::call`]'s rules by
    /// [`Worker::ready`].
    pub fn spawn(mut command: std::process::Command, setup: &[u8]) -> std::io::Result<Worker> {
        use std::process::Stdio;
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let (Some(mut stdin), Some(mut stdout), Some(stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(std::io::Error::other("the worker has no pipes"));
        };
        let (tx, replies) = std::sync::mpsc::channel();
        // A thread the system will not start is an error for this worker,
        // not a panic that would leave the batch waiting.
        let threads = std::thread::Builder::new()
            .spawn(move || {
                loop {
                    match read_frame(&mut stdout) {
                        Ok(Some(reply)) => {
                            if tx.send(Ok(reply)).is_err() {
                                break;
                            }
                        }
                        Ok(None) => break,
                        Err(e) => {
                            let _ = tx.send(Err(e));
                            break;
                        }
                    }
                }
            })
            .and_then(|_| std::thread::Builder::new().spawn(move || read_stderr(stderr)));
        let stderr = match threads {
            Ok(stderr) => stderr,
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(e);
            }
        };
        // A worker that died at once is seen on its first reply.
        let _ = write_frame(&mut stdin, setup);
        Ok(Worker {
            child,
            stdin: Some(stdin),
            replies,
            stderr: Some(stderr),
        })
    }

    /// The reply to the setup message.
    pub fn ready(&mut self, deadline: Option<Duration>) -> Result<Vec<u8>, (End, String)> {
        self.reply(deadline)
    }

    /// Send one request and wait for its reply, at most `deadline` (plus a
    /// short grace). When the worker dies or is killed on the way, it is
    /// reaped and its end and last words come back; it must then be
    /// replaced.
    pub fn call(
        &mut self,
        request: &[u8],
        deadline: Option<Duration>,
    ) -> Result<Vec<u8>, (End, String)> {
        let sent = match self.stdin.as_mut() {
            Some(stdin) => write_frame(stdin, request),
            None => Err(std::io::Error::other("the worker is gone")),
        };
        if sent.is_err() {
            return Err(self.reap(false));
        }
        self.reply(deadline)
    }

    fn reply(&mut self, deadline: Option<Duration>) -> Result<Vec<u8>, (End, String)> {
        let got = match deadline {
            Some(d) => self
                .replies
                .recv_timeout(d + GRACE)
                .map_err(|e| matches!(e, std::sync::mpsc::RecvTimeoutError::Timeout)),
            None => self.replies.recv().map_err(|_| false),
        };
        match got {
            Ok(Ok(reply)) => Ok(reply),
            Ok(Err(_)) | Err(false) => Err(self.reap(false)),
            Err(true) => Err(self.reap(true)),
        }
    }

    /// End the worker (killing it if `kill`), wait for it, and say how it
    /// ended.
    fn reap(&mut self, kill: bool) -> (End, String) {
        self.stdin = None;
        if kill {
            let _ = self.child.kill();
        }
        let status = self.child.wait();
        let tail = self
            .stderr
            .take()
            .and_then(|t| t.join().ok())
            .unwrap_or_default();
        let end = if kill {
            End::TimedOut
        } else {
            match status {
                Ok(s) => end_of_status(s),
                Err(_) => End::Signaled(0),
            }
        };
        (end, tail)
    }
}

fn end_of_status(s: std::process::ExitStatus) -> End {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = s.signal() {
            return End::Signaled(sig);
        }
    }
    End::Exited(s.code().unwrap_or(-1))
}

impl Drop for Worker {
    fn drop(&mut self) {
        // Closing stdin ends a worker between files; one still busy is
        // killed, since nobody will read its answer.
        self.stdin = None;
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip_and_end_cleanly() {
        let mut buf = Vec::new();
        write_frame(&mut buf, b"hello").unwrap();
        write_frame(&mut buf, b"").unwrap();
        let mut r = &buf[..];
        assert_eq!(read_frame(&mut r).unwrap().unwrap(), b"hello");
        assert_eq!(read_frame(&mut r).unwrap().unwrap(), b"");
        assert!(read_frame(&mut r).unwrap().is_none());
        let huge = (u32::MAX).to_le_bytes();
        assert!(read_frame(&mut &huge[..]).is_err());
    }

    /// Landlock binds the calling thread (and what it starts), so a thread
    /// of the test process can try it without binding the others.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_sandboxed_child_cannot_write_or_run_programs() {
        let dir = std::env::temp_dir().join(format!("ats-sandbox-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let inside = dir.clone();
        let (enforced, wrote, ran, read) = std::thread::spawn(move || {
            let enforced = sandbox_self();
            let wrote = std::fs::write(inside.join("x.txt"), b"x").is_ok();
            let ran = std::process::Command::new("/bin/true").status().is_ok();
            let read = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).is_ok();
            (enforced, wrote, ran, read)
        })
        .join()
        .unwrap();
        assert!(read, "reading must stay allowed");
        if enforced {
            assert!(!wrote && !ran);
        }
        // The rest of the process is not bound.
        assert!(std::fs::write(dir.join("y.txt"), b"y").is_ok());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn deaths_are_named_by_their_cause() {
        let c = Confinement {
            max_memory: 1_000_000_000,
            timeout: Some(Duration::from_secs(10)),
        };
        let code = |end: End, tail: &str| verdict("f.pdf", &end, tail, &c).exit_code();
        use crate::error::exit;
        assert_eq!(
            code(End::Signaled(6), "memory allocation of 4096 bytes failed\n"),
            exit::LIMIT
        );
        assert_eq!(
            code(
                End::Signaled(6),
                "\nthread 'main' has overflowed its stack\nfatal runtime error: stack overflow\n"
            ),
            exit::LIMIT
        );
        assert_eq!(code(End::TimedOut, ""), exit::TIMEOUT);
        assert_eq!(code(End::Signaled(SIGXCPU), ""), exit::TIMEOUT);
        assert_eq!(code(End::Signaled(11), ""), exit::INTERNAL);
        let text = verdict("f.pdf", &End::Signaled(11), "", &c).to_string();
        assert!(text.contains("crashed (SIGSEGV)"), "{text}");
    }
}
