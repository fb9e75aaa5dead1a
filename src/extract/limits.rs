//! Resource limits for reading files from strangers. A recruiter scores what
//! applicants send, so a file must not be able to exhaust memory (zip and
//! Flate bombs), blow the stack (deeply nested XML), or keep a batch busy
//! (thousands of pages). Every check runs before the third-party reader sees
//! the file, and every breach is an [`Error::Limit`] that names the flag to
//! raise.

use crate::error::{Error, Result};
use std::io::Read;

/// The limits, with defaults far above any real resume.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input file, in bytes (`--max-size`).
    pub max_bytes: u64,
    /// Most pages in a PDF (`--max-pages`).
    pub max_pages: usize,
    /// Most bytes a DOCX may unpack to, or a PDF's compressed streams may
    /// inflate to (`--max-unpacked`).
    pub max_unpacked: u64,
    /// Most entries in a DOCX zip.
    pub max_entries: usize,
    /// Deepest element nesting in a DOCX XML part.
    pub max_xml_depth: usize,
    /// Most threads one file's pages are read on. One by default: a batch
    /// already reads a file per core; a single file may use them all.
    pub page_threads: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: 20 * MB,
            max_pages: 50,
            max_unpacked: 64 * MB,
            max_entries: 2_000,
            max_xml_depth: 256,
            page_threads: 1,
        }
    }
}

pub const MB: u64 = 1_000_000;

fn over(path: &str, what: String, flag: &'static str) -> Error {
    Error::Limit {
        path: path.into(),
        what,
        flag,
    }
}

/// A DOCX's zip must hold few entries, unpack to a bounded size (counted by
/// actually inflating, since a bomb's headers can lie), and have no XML
/// nested deeper than the reader can recurse through.
pub(super) fn check_docx(path: &str, bytes: &[u8], limits: &Limits) -> Result<()> {
    let corrupt = |detail: String| Error::Corrupt {
        path: path.into(),
        format: "DOCX",
        detail,
    };
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| corrupt(format!("not a readable zip ({e})")))?;
    if zip.len() > limits.max_entries {
        return Err(over(
            path,
            format!(
                "the DOCX has {} parts, more than {}",
                zip.len(),
                limits.max_entries
            ),
            "a real document has a few dozen",
        ));
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let mut entry = zip
            .by_index(i)
            .map_err(|e| corrupt(format!("part {i} cannot be read ({e})")))?;
        let name = entry.name().to_string();
        let budget = limits.max_unpacked - total;
        let mut limited = (&mut entry).take(budget + 1);
        let size = if name.ends_with(".xml") || name.ends_with(".rels") {
            let mut xml = Vec::new();
            limited
                .read_to_end(&mut xml)
                .map_err(|e| corrupt(format!("{name} cannot be unpacked ({e})")))?;
            let depth = xml_depth(&xml);
            if depth > limits.max_xml_depth {
                return Err(over(
                    path,
                    format!(
                        "{name} nests elements {depth} deep, more than {}",
                        limits.max_xml_depth
                    ),
                    "real documents nest a few dozen deep",
                ));
            }
            xml.len() as u64
        } else {
            std::io::copy(&mut limited, &mut std::io::sink())
                .map_err(|e| corrupt(format!("{name} cannot be unpacked ({e})")))?
        };
        total += size;
        if total > limits.max_unpacked {
            return Err(over(
                path,
                format!(
                    "the DOCX unpacks to more than {} MB",
                    limits.max_unpacked / MB
                ),
                "--max-unpacked",
            ));
        }
    }
    Ok(())
}

/// Deepest element nesting in an XML document, by a byte scan: `<name` opens
/// (unless it ends in `/>`), `</name` closes; declarations, comments and
/// processing instructions do not count.
fn xml_depth(xml: &[u8]) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = xml[i..].iter().position(|&b| b == b'<') {
        let start = i + off + 1;
        let end = xml[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(xml.len(), |p| start + p);
        if xml[start..].starts_with(b"!--") {
            // A comment may hold anything, `<` and `>` included.
            let close = xml[start..]
                .windows(3)
                .position(|w| w == b"-->")
                .map_or(xml.len(), |p| start + p + 3);
            i = close;
            if i >= xml.len() {
                break;
            }
            continue;
        }
        match xml.get(start) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(b'?' | b'!') => {}
            Some(_) if end > start && xml[end - 1] == b'/' => {}
            Some(_) => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            None => {}
        }
        i = end.min(xml.len());
        if i >= xml.len() {
            break;
        }
    }
    deepest
}

/// A PDF's Flate-compressed streams must inflate to a bounded total, and it
/// must not have more pages than a resume could.
pub(super) fn check_pdf(
    path: &str,
    doc: &pdf_extract::Document,
    pages: usize,
    limits: &Limits,
) -> Result<()> {
    if pages > limits.max_pages {
        return Err(over(
            path,
            format!("the PDF has {pages} pages, more than {}", limits.max_pages),
            "--max-pages",
        ));
    }
    let mut total: u64 = 0;
    for object in doc.objects.values() {
        let Ok(stream) = object.as_stream() else {
            continue;
        };
        // Images are never inflated by the text reader, so they cannot hurt.
        if stream
            .dict
            .get(b"Subtype")
            .is_ok_and(|t| t.as_name().is_ok_and(|n| n == b"Image"))
        {
            continue;
        }
        let flate = match stream.dict.get(b"Filter") {
            Ok(pdf_extract::Object::Name(n)) => n == b"FlateDecode",
            Ok(pdf_extract::Object::Array(a)) => a
                .iter()
                .any(|f| f.as_name().is_ok_and(|n| n == b"FlateDecode")),
            _ => false,
        };
        if !flate {
            total += stream.content.len() as u64;
            continue;
        }
        let budget = limits.max_unpacked.saturating_sub(total);
        let mut inflater =
            flate2::read::ZlibDecoder::new(stream.content.as_slice()).take(budget + 1);
        // A stream that fails to inflate is the reader's problem to report;
        // count what came out before the failure.
        total += std::io::copy(&mut inflater, &mut std::io::sink()).unwrap_or(0);
        if total > limits.max_unpacked {
            return Err(over(
                path,
                format!(
                    "the PDF's compressed streams inflate to more than {} MB",
                    limits.max_unpacked / MB
                ),
                "--max-unpacked",
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_of_xml() {
        assert_eq!(
            xml_depth(b"<?xml version='1.0'?><a><b/><c><d></d></c></a>"),
            3
        );
        assert_eq!(xml_depth(b"<!-- <x><y><z> --><a></a>"), 1);
        let deep = "<a>".repeat(1000) + &"</a>".repeat(1000);
        assert_eq!(xml_depth(deep.as_bytes()), 1000);
    }
}
