//! Bytes → raw text. The format is decided from the bytes, never from the file
//! name, because resumes arrive renamed, re-saved and mislabeled; when the name
//! and the bytes disagree we say so and trust the bytes.

mod assemble;
mod cmap;
mod content;
#[cfg(test)]
mod damage;
mod docx;
mod filters;
mod hidden;
pub mod limits;
mod pdf;
mod text;

pub use limits::Limits;

use crate::error::{Error, Result};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A readable input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Docx,
    Text,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Text => "text",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Format::Pdf => "PDF",
            Format::Docx => "DOCX",
            Format::Text => "plain text",
        }
    }
}

/// What extraction produced: the text an ATS would see, plus where pages start.
#[derive(Debug, Clone)]
pub struct Extracted {
    pub format: Format,
    pub text: String,
    /// Byte offsets in `text` where each page starts (PDF only; empty otherwise).
    pub page_starts: Vec<usize>,
    /// Things the user should know that are not errors (name/content mismatch,
    /// text decoded as Windows-1252, ...). The binary prints them on stderr.
    pub notices: Vec<String>,
    /// Where the text came from, for the parseability checks.
    pub layout: Layout,
}

/// Facts about the file's structure that decide whether a real ATS can read
/// it: many ATSs skip headers, footers, tables and text boxes, ignore images,
/// and read multi-column PDFs straight across.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Size of the file in bytes.
    pub bytes: usize,
    /// Parts of `text` that came from places an ATS may skip.
    pub regions: Vec<Region>,
    /// Pictures in the document (DOCX drawings, PDF image objects).
    pub images: usize,
    /// PDF pages (numbered from 1) that draw an image object: a page of
    /// little text is a scan only where a picture could hold the rest.
    pub image_pages: Vec<usize>,
    /// PDF pages that look laid out in columns.
    pub columns: Vec<ColumnPage>,
    /// Text a person cannot see (white, invisible, tiny, off the page, or
    /// hidden DOCX runs). It is kept out of `text`, so it never scores.
    pub hidden: Vec<Hidden>,
    /// Link targets (PDF URI link annotations), in page order. Contact data
    /// often exists only here: an envelope icon linked to `mailto:`, the
    /// word "LinkedIn" linked to a profile.
    pub links: Vec<Link>,
    /// Paragraphs the author styled as headings (DOCX outline levels, from
    /// the paragraph or its style): `(offset in text where the line starts,
    /// level)`, level 0 the top. Sections learn from them which level the
    /// resume's section headings use.
    pub headings: Vec<(usize, u8)>,
}

/// The target of a link in the document and the page it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub uri: String,
    pub page: Option<usize>,
}

/// A run of hidden text and why it counts as hidden.
#[derive(Debug, Clone, PartialEq)]
pub struct Hidden {
    pub text: String,
    /// "white text", "invisible text", "tiny text", "off the page",
    /// "hidden (vanish) run".
    pub reason: String,
    pub page: Option<usize>,
    /// Byte offset in the extracted text where it would have been.
    pub at: usize,
}

/// Where a part of the text lives in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionKind {
    Header,
    Footer,
    Table,
    TextBox,
}

impl RegionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RegionKind::Header => "page header",
            RegionKind::Footer => "page footer",
            RegionKind::Table => "table",
            RegionKind::TextBox => "text box",
        }
    }
}

/// A byte range `[start, end)` of the extracted text and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub kind: RegionKind,
    pub start: usize,
    pub end: usize,
}

/// A PDF page whose lines show two blocks of text side by side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ColumnPage {
    /// 1-based page number.
    pub page: usize,
    /// Text lines on the page, and how many have text on both sides of the
    /// gutter.
    pub lines: usize,
    pub split_lines: usize,
    /// Where the second column starts, in points from the left edge.
    pub gutter_x: f64,
}

impl Layout {
    /// The regions that contain raw byte offset `at`.
    pub fn regions_at(&self, at: usize) -> impl Iterator<Item = &Region> {
        self.regions
            .iter()
            .filter(move |r| r.start <= at && at < r.end)
    }
}

impl Extracted {
    /// 1-based page number of a byte offset, for PDFs.
    pub fn page_of(&self, offset: usize) -> Option<usize> {
        if self.page_starts.is_empty() {
            return None;
        }
        Some(self.page_starts.partition_point(|&s| s <= offset).max(1))
    }
}

/// When to give up on a file, and the limit to name in the message.
#[derive(Debug, Clone, Copy)]
pub struct Deadline {
    pub at: std::time::Instant,
    pub limit: std::time::Duration,
}

impl Deadline {
    pub fn after(limit: std::time::Duration) -> Deadline {
        Deadline {
            at: std::time::Instant::now() + limit,
            limit,
        }
    }

    pub fn passed(&self) -> bool {
        std::time::Instant::now() >= self.at
    }
}

/// What the first bytes say a file is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Detected {
    Readable(Format),
    /// A password-protected Office document.
    Encrypted,
    Unsupported {
        what: &'static str,
        hint: &'static str,
    },
}

/// Decide the format from content, not the name.
fn detect(bytes: &[u8]) -> Detected {
    if looks_pdf(bytes) {
        return Detected::Readable(Format::Pdf);
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") && encrypted_ooxml(bytes) {
        return Detected::Encrypted;
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return if docx::has_document_part(bytes) {
            Detected::Readable(Format::Docx)
        } else {
            Detected::Unsupported {
                what: "a zip archive without word/document.xml (not a DOCX)",
                hint: "open it in a word processor and save as .docx or PDF",
            }
        };
    }
    const MAGIC: &[(&[u8], &str, &str)] = &[
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "a legacy Word .doc (OLE2) file",
            "save it as .docx or PDF; many ATSs also read .doc badly",
        ),
        (b"\x89PNG", "a PNG image", IMAGE_HINT),
        (b"\xFF\xD8\xFF", "a JPEG image", IMAGE_HINT),
        (b"GIF8", "a GIF image", IMAGE_HINT),
        (b"II*\x00", "a TIFF image", IMAGE_HINT),
        (b"MM\x00*", "a TIFF image", IMAGE_HINT),
        (b"{\\rtf", "an RTF document", "save it as .docx or PDF"),
        (
            b"\x50\x4B\x05\x06",
            "an empty zip archive",
            "save the resume as .docx or PDF",
        ),
    ];
    for (magic, what, hint) in MAGIC {
        if bytes.starts_with(magic) {
            return Detected::Unsupported { what, hint };
        }
    }
    if text::looks_binary(bytes) {
        return Detected::Unsupported {
            what: "binary data (not PDF, DOCX or text)",
            hint: "export the resume as PDF, DOCX or plain text",
        };
    }
    Detected::Readable(Format::Text)
}

/// A PDF: `%PDF-` at the start, or (as readers allow) later in the first
/// kilobyte behind other bytes, if the file also has a PDF's end
/// (`startxref` or `%%EOF` in its last kilobyte). A text resume that
/// mentions "%PDF-1.7" near its top is text.
fn looks_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    let has = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).any(|w| w == needle);
    bytes.starts_with(b"%PDF-")
        || (has(head, b"%PDF-") && (has(tail, b"startxref") || has(tail, b"%%EOF")))
}

/// An OLE2 compound file that holds an encrypted Office document: Word
/// saves a password-protected .docx this way, with streams named
/// `EncryptionInfo` and `EncryptedPackage` (UTF-16 in its directory).
fn encrypted_ooxml(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(name.len()).any(|w| w == name.as_slice())
}

const IMAGE_HINT: &str = "an ATS reads no text from images; export the resume as PDF or DOCX";

/// The format a file name claims, if its extension is one we know.
fn claimed_format(name: &str) -> Option<Format> {
    let ext = std::path::Path::new(name)
        .extension()?
        .to_str()?
        .to_ascii_lowercase();
    match ext.as_str() {
        "pdf" => Some(Format::Pdf),
        "docx" => Some(Format::Docx),
        "txt" | "md" | "markdown" | "text" => Some(Format::Text),
        _ => None,
    }
}

/// Read `bytes` (named `name` for messages) into text.
///
/// PDF and DOCX parsers are third-party code that can panic on odd files; a
/// panic is caught here and becomes an error naming the file, so one bad
/// resume never takes the process (or a batch) down.
///
/// `deadline`, when set, stops a PDF that takes too long: the glyph device
/// checks it as text comes out and abandons the file with
/// [`Error::Timeout`].
pub fn extract(
    name: &str,
    bytes: &[u8],
    deadline: Option<Deadline>,
    limits: &Limits,
) -> Result<Extracted> {
    if bytes.len() as u64 > limits.max_bytes {
        return Err(too_large(name, bytes.len() as u64, limits));
    }
    if bytes.is_empty() {
        return Err(Error::Empty { path: name.into() });
    }
    let format = match detect(bytes) {
        Detected::Readable(f) => f,
        Detected::Encrypted => {
            return Err(Error::Encrypted {
                path: name.into(),
                format: "DOCX",
            });
        }
        Detected::Unsupported { what, hint } => {
            return Err(Error::Unsupported {
                path: name.into(),
                what: what.into(),
                hint: hint.into(),
            });
        }
    };
    let mut notices = Vec::new();
    if let Some(claimed) = claimed_format(name)
        && claimed != format
    {
        notices.push(format!(
            "{name}: the name says {} but the contents are {}; reading it as {}",
            claimed.label(),
            format.label(),
            format.label()
        ));
    }
    let guarded = catch_unwind(AssertUnwindSafe(|| match format {
        Format::Pdf => pdf::extract(name, bytes, deadline, limits),
        Format::Docx => docx::extract(name, bytes, limits),
        Format::Text => text::extract(bytes),
    }));
    let mut out = match guarded {
        Ok(result) => result?,
        Err(payload) => {
            let detail = crate::error::panic_message(payload.as_ref());
            return Err(Error::Corrupt {
                path: name.into(),
                format: format.label(),
                detail: format!("the {} reader crashed ({detail})", format.label()),
            });
        }
    };
    out.notices.splice(0..0, notices);
    out.layout.bytes = bytes.len();
    if format == Format::Text && !out.text.chars().any(char::is_alphanumeric) {
        return Err(Error::Blank { path: name.into() });
    }
    if format != Format::Text {
        let letters = out.text.chars().filter(|c| c.is_alphanumeric()).count();
        if letters < MIN_TEXT_CHARS {
            return Err(Error::NoText {
                path: name.into(),
                detail: format!("{letters} letters or digits in the whole file"),
            });
        }
    }
    Ok(out)
}

/// The error for a file over `--max-size`.
pub fn too_large(name: &str, size: u64, limits: &Limits) -> Error {
    Error::Limit {
        path: name.into(),
        what: format!(
            "the file is {:.1} MB, over the {} MB limit",
            size as f64 / limits::MB as f64,
            limits.max_bytes / limits::MB
        ),
        flag: "--max-size",
    }
}

/// Below this many letters and digits a PDF/DOCX has no usable text layer: a
/// one-page resume has thousands.
const MIN_TEXT_CHARS: usize = 40;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_content_not_name() {
        assert_eq!(detect(b"%PDF-1.7\n..."), Detected::Readable(Format::Pdf));
        assert_eq!(detect(b"hello resume"), Detected::Readable(Format::Text));
        // A text resume may mention the PDF header; a PDF behind junk ends
        // like one.
        assert_eq!(
            detect(b"Wrote a parser for %PDF-1.7 files\n"),
            Detected::Readable(Format::Text)
        );
        assert_eq!(
            detect(b"junk\n%PDF-1.4\n1 0 obj\nstartxref\n9\n%%EOF\n"),
            Detected::Readable(Format::Pdf)
        );
        assert!(matches!(
            detect(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"),
            Detected::Unsupported { .. }
        ));
        assert!(matches!(
            detect(b"\x89PNG\r\n"),
            Detected::Unsupported { .. }
        ));
    }

    #[test]
    fn page_of_maps_offsets() {
        let e = Extracted {
            format: Format::Pdf,
            text: String::new(),
            page_starts: vec![0, 100, 250],
            notices: vec![],
            layout: Layout::default(),
        };
        assert_eq!(e.page_of(0), Some(1));
        assert_eq!(e.page_of(99), Some(1));
        assert_eq!(e.page_of(100), Some(2));
        assert_eq!(e.page_of(999), Some(3));
    }
}
