//! Plain text and Markdown. Resumes saved as text come in UTF-8, UTF-16 (from
//! Windows "Unicode" saves) or Windows-1252; we read all three rather than
//! reject a file a human can read.

use super::{Extracted, Format};
use crate::error::Result;

/// True when the bytes are not text: NUL bytes (outside UTF-16) or many
/// control characters.
pub(super) fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    controls * 20 > sample.len()
}

pub(super) fn extract(bytes: &[u8]) -> Result<Extracted> {
    let mut notices = Vec::new();
    let (text, encoding) = if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        (text.into_owned(), enc)
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_owned(), encoding_rs::UTF_8),
            Err(_) => {
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
                (text.into_owned(), encoding_rs::WINDOWS_1252)
            }
        }
    };
    if encoding == encoding_rs::WINDOWS_1252 {
        notices.push("the text is not valid UTF-8; read it as Windows-1252".to_string());
    }
    Ok(Extracted {
        format: Format::Text,
        text,
        page_starts: Vec::new(),
        notices,
        layout: Default::default(),
    })
}
