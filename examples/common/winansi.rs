//! WinAnsiEncoding (Windows-1252) for the fixture generators: the standard-14
//! PDF fonts they use can only show these bytes. Shared by gen_fixtures.rs
//! and gen_eval.rs.

use anyhow::{Result, anyhow};

/// Encodes one character as a WinAnsiEncoding (Windows-1252) byte.
pub fn winansi_byte(c: char) -> Option<u8> {
    let code = c as u32;
    match code {
        0x20..=0x7E | 0xA0..=0xFF => Some(code as u8),
        _ => Some(match c {
            '€' => 0x80,
            '‚' => 0x82,
            'ƒ' => 0x83,
            '„' => 0x84,
            '…' => 0x85,
            '†' => 0x86,
            '‡' => 0x87,
            'ˆ' => 0x88,
            '‰' => 0x89,
            'Š' => 0x8A,
            '‹' => 0x8B,
            'Œ' => 0x8C,
            'Ž' => 0x8E,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '˜' => 0x98,
            '™' => 0x99,
            'š' => 0x9A,
            '›' => 0x9B,
            'œ' => 0x9C,
            'ž' => 0x9E,
            'Ÿ' => 0x9F,
            _ => return None,
        }),
    }
}

pub fn to_winansi(text: &str) -> Result<Vec<u8>> {
    text.chars()
        .map(|c| {
            winansi_byte(c).ok_or_else(|| anyhow!("{c:?} is not in WinAnsiEncoding: {text:?}"))
        })
        .collect()
}
