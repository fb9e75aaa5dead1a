//! PDF through pdf-extract (which sits on lopdf). We drive it page by page so
//! evidence can name the page, and we check encryption ourselves so that a
//! password-protected file gets its own clear message rather than a parser
//! error.

use super::{Extracted, Format};
use crate::error::{Error, Result};
use pdf_extract::{Document, OutputDev, PlainTextOutput};

pub(super) fn extract(name: &str, bytes: &[u8]) -> Result<Extracted> {
    let corrupt = |detail: String| Error::Corrupt {
        path: name.into(),
        format: "PDF",
        detail,
    };
    let mut doc = Document::load_mem(bytes).map_err(|e| corrupt(describe(&e)))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(Error::Encrypted { path: name.into() });
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(corrupt("it has no pages".into()));
    }
    let mut text = String::new();
    let mut page_starts = Vec::with_capacity(pages.len());
    for &number in pages.keys() {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        page_starts.push(text.len());
        let mut page = String::new();
        {
            let mut out = PlainTextOutput::new(&mut page);
            let dev: &mut dyn OutputDev = &mut out;
            pdf_extract::output_doc_page(&doc, dev, number)
                .map_err(|e| corrupt(format!("page {number}: {e}")))?;
        }
        text.push_str(page.trim_start_matches('\n'));
    }
    Ok(Extracted {
        format: Format::Pdf,
        text,
        page_starts,
        notices: Vec::new(),
    })
}

/// lopdf's messages are terse ("invalid file header"); keep them but say
/// what they mean for the user.
fn describe(e: &pdf_extract::Error) -> String {
    format!("the file is damaged or not a complete PDF ({e})")
}
