//! Reading a resume's bytes from a path or standard input, safely: only
//! regular files, never more than the size limit, and errors that name
//! the file.

use crate::error::{Error, Result};
use crate::extract;
use crate::profile::io_error;
use std::path::Path;

/// Read a resume from a path (`-` for stdin); returns how to name it in
/// messages (escaped, see [`crate::report::escape::path`]), and its bytes.
///
/// Only regular files: a named pipe, socket or device could block or never
/// end (standard input, `-`, is the way to pipe a resume in).
pub fn read(path: &Path, limits: &extract::Limits) -> Result<(String, Vec<u8>)> {
    use std::io::Read;
    let (name, reader): (String, Box<dyn Read>) = if path.as_os_str() == "-" {
        ("<stdin>".into(), Box::new(std::io::stdin()))
    } else {
        let name = crate::report::escape::path(path);
        let meta = std::fs::metadata(path).map_err(|e| io_error(&name, e))?;
        let kind = meta.file_type();
        if kind.is_dir() {
            return Err(Error::IsDirectory { path: name });
        }
        if !kind.is_file() {
            return Err(Error::NotRegular {
                path: name,
                kind: special_kind(&kind),
            });
        }
        if meta.len() > limits.max_bytes {
            return Err(extract::too_large(&name, meta.len(), limits));
        }
        let file = std::fs::File::open(path).map_err(|e| io_error(&name, e))?;
        (name, Box::new(file))
    };
    let mut bytes = Vec::new();
    reader
        .take(limits.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(&name, e))?;
    if bytes.len() as u64 > limits.max_bytes {
        return Err(extract::too_large(&name, bytes.len() as u64, limits));
    }
    Ok((name, bytes))
}

/// What kind of special file this is, for the error message.
pub(crate) fn special_kind(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "device";
        }
    }
    let _ = kind;
    "special file"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Limits;

    fn fixture(name: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(name)
    }

    #[test]
    fn reads_a_file_whole() {
        let (name, bytes) = read(&fixture("resumes/weak.txt"), &Limits::default()).unwrap();
        assert!(name.ends_with("weak.txt"));
        assert!(bytes.starts_with(b"Jordan Pell\n"));
    }

    #[test]
    fn refuses_what_is_not_a_regular_file() {
        let limits = Limits::default();
        assert!(matches!(
            read(&fixture("resumes"), &limits),
            Err(Error::IsDirectory { .. })
        ));
        assert!(matches!(
            read(&fixture("no-such.pdf"), &limits),
            Err(Error::NotFound { .. })
        ));
        #[cfg(unix)]
        assert!(matches!(
            read(Path::new("/dev/null"), &limits),
            Err(Error::NotRegular { kind: "device", .. })
        ));
    }

    #[test]
    fn refuses_files_over_the_limit() {
        let limits = Limits {
            max_bytes: 10,
            ..Limits::default()
        };
        let e = read(&fixture("resumes/weak.txt"), &limits).unwrap_err();
        assert_eq!(e.exit_code(), crate::error::exit::LIMIT);
    }
}
