//! Typed errors of the library. Each variant carries what the user needs to
//! act (the file, the problem, the valid choices) and maps to one documented
//! exit code, so scripts can tell "fix your file" from "fix your command".

use thiserror::Error;

/// Exit codes, documented in the README. Kept here, next to the errors that
/// produce them, so the table and the code cannot drift apart.
pub mod exit {
    /// Scored, and at or above `--min-score` (if given).
    pub const OK: i32 = 0;
    /// Scored, but below `--min-score` (or, for `diff --fail-on-drop`, the
    /// new version scored lower).
    pub const BELOW_MIN_SCORE: i32 = 1;
    /// Bad command line (clap's own code).
    pub const USAGE: i32 = 2;
    /// The input could not be read: missing, a directory, unreadable, empty.
    pub const INPUT: i32 = 3;
    /// The input is a format ats-score does not read (legacy .doc, image, binary).
    pub const UNSUPPORTED: i32 = 4;
    /// A PDF/DOCX that is corrupt, encrypted or has no text layer.
    pub const UNREADABLE: i32 = 5;
    /// Profile problem: unknown company/role, invalid profile file.
    pub const PROFILE: i32 = 6;
    /// The file took longer than `--timeout` to read.
    pub const TIMEOUT: i32 = 7;
    /// A batch finished, but at least one file could not be scored (each one
    /// is reported in the output).
    pub const BATCH_FAILURES: i32 = 8;
    /// The file is over a safety limit (size, pages, unpacked size, nesting,
    /// memory).
    pub const LIMIT: i32 = 9;
    /// A bug in ats-score or a library it uses (a caught panic).
    pub const INTERNAL: i32 = 70;
}

#[derive(Debug, Error)]
pub enum Error {
    #[error("{path}: no such file")]
    NotFound { path: String },

    #[error("{path}: is a directory, not a resume file")]
    IsDirectory { path: String },

    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },

    #[error("{path}: the file is empty")]
    Empty { path: String },

    #[error("{path}: holds no words, only spaces, line breaks or symbols")]
    Blank { path: String },

    #[error("{path}: {what} is not supported: {hint}")]
    Unsupported {
        path: String,
        what: String,
        hint: String,
    },

    #[error("{path}: cannot read {format}: {detail}")]
    Corrupt {
        path: String,
        format: &'static str,
        detail: String,
    },

    #[error(
        "{path}: the {format} is password-protected; save an unprotected copy (an ATS cannot open it either)"
    )]
    Encrypted { path: String, format: &'static str },

    #[error(
        "{path}: no text found ({detail}); it looks scanned or image-only, and an ATS will read nothing: export it from the original document instead"
    )]
    NoText { path: String, detail: String },

    #[error(
        "{path}: gave up after {seconds} s (--timeout); the file is unusually slow to read, which an ATS may also fail on"
    )]
    Timeout { path: String, seconds: f64 },

    #[error("{path}: {what} ({flag})")]
    Limit {
        path: String,
        what: String,
        /// The flag that raises the limit, or why no flag is needed.
        flag: &'static str,
    },

    #[error(
        "{path}: reading it needed more than {megabytes} MB of memory (--max-memory); no real resume does, so the file is damaged or built to exhaust memory"
    )]
    OutOfMemory { path: String, megabytes: u64 },

    #[error(
        "{path}: its structure nests too deeply to read (the reader ran out of stack); no real resume nests like this"
    )]
    TooDeep { path: String },

    #[error("{path}: is a {kind}, not a regular file")]
    NotRegular { path: String, kind: &'static str },

    #[error("{path}: no PDF, DOCX or text files found")]
    NothingFound { path: String },

    #[error("invalid --glob '{glob}': {detail}")]
    BadGlob { glob: String, detail: String },

    #[error("invalid {what} '{value}': use lower-case letters, digits and '-'")]
    BadName { what: &'static str, value: String },

    #[error("'{id}' names no profile: write company/role, e.g. {examples}")]
    NoRoleInId { id: String, examples: String },

    #[error("unknown company '{company}'{suggestion}; available: {available}")]
    UnknownCompany {
        company: String,
        suggestion: String,
        available: String,
    },

    #[error(
        "no '{role}' profile for company '{company}'{suggestion}; available roles: {available}"
    )]
    UnknownRole {
        company: String,
        role: String,
        suggestion: String,
        available: String,
    },

    #[error("{path}:{line}:{column}: {message}")]
    ProfileSyntax {
        path: String,
        line: u64,
        column: u64,
        message: String,
    },

    #[error("{path}: {message}")]
    ProfileInvalid { path: String, message: String },

    /// An error already reported as text, with its exit code: what a
    /// worker process sends back, or an input's error shown again.
    #[error("{message}")]
    Reported { code: i32, message: String },

    #[error("{what}: {detail} (this is a bug in ats-score; please report it)")]
    Internal { what: String, detail: String },
}

impl Error {
    /// The file the error is about, when it is about one.
    pub fn path(&self) -> Option<&str> {
        match self {
            Error::NotFound { path }
            | Error::IsDirectory { path }
            | Error::Io { path, .. }
            | Error::Empty { path }
            | Error::Blank { path }
            | Error::Unsupported { path, .. }
            | Error::Corrupt { path, .. }
            | Error::Encrypted { path, .. }
            | Error::NoText { path, .. }
            | Error::Timeout { path, .. }
            | Error::Limit { path, .. }
            | Error::OutOfMemory { path, .. }
            | Error::TooDeep { path }
            | Error::NotRegular { path, .. }
            | Error::NothingFound { path }
            | Error::ProfileSyntax { path, .. }
            | Error::ProfileInvalid { path, .. } => Some(path),
            Error::BadGlob { .. }
            | Error::BadName { .. }
            | Error::NoRoleInId { .. }
            | Error::UnknownCompany { .. }
            | Error::UnknownRole { .. }
            | Error::Reported { .. }
            | Error::Internal { .. } => None,
        }
    }

    /// The documented exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::NotFound { .. }
            | Error::IsDirectory { .. }
            | Error::Io { .. }
            | Error::Empty { .. }
            | Error::Blank { .. }
            | Error::NothingFound { .. }
            | Error::NotRegular { .. } => exit::INPUT,
            Error::Limit { .. } | Error::OutOfMemory { .. } | Error::TooDeep { .. } => exit::LIMIT,
            Error::Timeout { .. } => exit::TIMEOUT,
            Error::Unsupported { .. } => exit::UNSUPPORTED,
            Error::Corrupt { .. } | Error::Encrypted { .. } | Error::NoText { .. } => {
                exit::UNREADABLE
            }
            Error::BadGlob { .. } => exit::USAGE,
            Error::BadName { .. }
            | Error::NoRoleInId { .. }
            | Error::UnknownCompany { .. }
            | Error::UnknownRole { .. }
            | Error::ProfileSyntax { .. }
            | Error::ProfileInvalid { .. } => exit::PROFILE,
            Error::Internal { .. } => exit::INTERNAL,
            Error::Reported { code, .. } => *code,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

thread_local! {
    /// Where the last panic on this thread happened, kept by the hook that
    /// [`keep_panic_locations`] installs. A panic is caught on the thread
    /// that panicked, so the catcher finds it here.
    static PANIC_AT: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Replace the default panic hook (which prints a backtrace hint the user
/// cannot act on) with one that only remembers where the panic happened, so
/// [`catch_panic`] can put it in the error for the bug report. The binary
/// calls this once; the library never prints.
pub fn keep_panic_locations() {
    std::panic::set_hook(Box::new(|info| {
        if let Some(at) = info.location() {
            let at = format!("{}:{}", at.file(), at.line());
            PANIC_AT.with(|p| *p.borrow_mut() = Some(at));
        }
    }));
}

/// Run `f`; a panic in it becomes [`Error::Internal`] about `what`, with the
/// panic's message and (with [`keep_panic_locations`]) its location, on
/// whatever thread it runs.
pub fn catch_panic<T>(what: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let message = panic_message(payload.as_ref());
        let detail = match PANIC_AT.with(|p| p.borrow_mut().take()) {
            Some(at) => format!("{message} at {at}"),
            None => message,
        };
        Err(Error::Internal {
            what: what.into(),
            detail,
        })
    })
}

/// The message of a caught panic, for the error that reports it.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_internal_error_with_its_location() {
        keep_panic_locations();
        let r: Result<()> = std::thread::spawn(|| catch_panic("f.pdf", || panic!("boom")))
            .join()
            .unwrap();
        let e = r.unwrap_err();
        assert_eq!(e.exit_code(), exit::INTERNAL);
        let text = e.to_string();
        assert!(text.starts_with("f.pdf: boom at src/error.rs:"), "{text}");
        let _ = std::panic::take_hook();
    }
}
