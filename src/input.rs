//! Reading a resume's bytes from a path or standard input, safely: only
//! regular files (a FIFO or device could block or never end), never more
//! than the size limit, and errors that name the file.

use crate::error::{Error, Result};
use crate::extract;
use crate::profile::io_error;

/// Read a resume from a path (`-` for stdin); returns how to name it in
/// messages, and its bytes.
pub fn read(path: &str, limits: &extract::Limits) -> Result<(String, Vec<u8>)> {
    use std::io::Read;
    let (name, reader): (String, Box<dyn Read>) = if path == "-" {
        ("<stdin>".into(), Box::new(std::io::stdin()))
    } else {
        let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
        let kind = meta.file_type();
        if kind.is_dir() {
            return Err(Error::IsDirectory { path: path.into() });
        }
        if !kind.is_file() {
            return Err(Error::NotRegular {
                path: path.into(),
                kind: special_kind(&kind),
            });
        }
        if meta.len() > limits.max_bytes {
            return Err(extract::too_large(path, meta.len(), limits));
        }
        let file = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
        (path.to_string(), Box::new(file))
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
fn special_kind(kind: &std::fs::FileType) -> &'static str {
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

    fn fixture(name: &str) -> String {
        format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
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
            read("/dev/null", &limits),
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
