//! PDF stream filters, decoded with a cap on what comes out.
//!
//! The limit on unpacked size (`--max-unpacked`) must count every byte the
//! reader would inflate, through every filter it follows: a bomb can hide
//! behind ASCII85 before Flate, behind a broken zlib header (lopdf retries
//! as raw deflate), or in LZW. Each decoder here stops one byte past its
//! cap, so measuring a bomb never costs more than the limit itself.
//!
//! lopdf reads Flate, LZW and ASCII85 but not ASCIIHex or RunLength; those
//! two are decoded here for it ([`decode`] is used to rewrite such streams
//! before the text is read), so a page written in hex is read, not called
//! scanned.

use std::io::{Read, Write};

/// The filter chain went past its cap.
#[derive(Debug, PartialEq, Eq)]
pub struct Over;

/// The stream's filters, in decoding order (`/Filter` as a name or an
/// array); `None` when a filter is not a name.
pub fn chain(dict: &pdf_extract::Dictionary) -> Option<Vec<Vec<u8>>> {
    match dict.get(b"Filter") {
        Err(_) => Some(Vec::new()),
        Ok(pdf_extract::Object::Name(n)) => Some(vec![n.clone()]),
        Ok(pdf_extract::Object::Array(a)) => a
            .iter()
            .map(|f| f.as_name().ok().map(<[u8]>::to_vec))
            .collect(),
        Ok(_) => None,
    }
}

/// A filter decoded here, by its name or abbreviation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Filter {
    Flate,
    Lzw,
    Ascii85,
    AsciiHex,
    RunLength,
}

impl Filter {
    fn of(name: &[u8]) -> Option<Filter> {
        Some(match name {
            b"FlateDecode" | b"Fl" => Filter::Flate,
            b"LZWDecode" | b"LZW" => Filter::Lzw,
            b"ASCII85Decode" | b"A85" => Filter::Ascii85,
            b"ASCIIHexDecode" | b"AHx" => Filter::AsciiHex,
            b"RunLengthDecode" | b"RL" => Filter::RunLength,
            _ => return None,
        })
    }

    /// Whether lopdf reads this filter by this name itself.
    fn lopdf_reads(name: &[u8]) -> bool {
        matches!(name, b"FlateDecode" | b"LZWDecode" | b"ASCII85Decode")
    }
}

/// Decode `content` through `filters`, stopping with [`Over`] once any
/// stage's output passes `cap` bytes. A filter it does not know (images'
/// DCT, JPX, CCITT, JBIG2) ends the chain: the bytes so far are what the
/// text reader could see. A decoding error keeps what came out before it,
/// as the readers do.
pub fn decode(
    filters: &[Vec<u8>],
    content: &[u8],
    early_change: bool,
    cap: u64,
) -> Result<Vec<u8>, Over> {
    let mut data = content.to_vec();
    for filter in filters {
        data = match Filter::of(filter) {
            Some(Filter::Flate) => flate(&data, cap)?,
            Some(Filter::Lzw) => lzw(&data, early_change, cap)?,
            Some(Filter::Ascii85) => ascii85(&data),
            Some(Filter::AsciiHex) => ascii_hex(&data),
            Some(Filter::RunLength) => run_length(&data, cap)?,
            None => break,
        };
        if data.len() as u64 > cap {
            return Err(Over);
        }
    }
    Ok(data)
}

/// How many bytes [`decode`] would give, without keeping them when it can:
/// a stream with no filter, a filter the text reader does not follow, or
/// Flate alone (most streams) is measured as it streams by, so checking a
/// page's fonts and images allocates nothing the size of them.
pub fn decoded_len(
    filters: &[Vec<u8>],
    content: &[u8],
    early_change: bool,
    cap: u64,
) -> Result<u64, Over> {
    let counted = |reader: &mut dyn Read| -> Result<u64, Over> {
        let n = std::io::copy(&mut reader.take(cap + 1), &mut std::io::sink()).unwrap_or(0);
        if n > cap { Err(Over) } else { Ok(n) }
    };
    match filters {
        [] => Ok(content.len() as u64),
        [first, ..] if Filter::of(first).is_none() => Ok(content.len() as u64),
        [only] if Filter::of(only) == Some(Filter::Flate) => {
            // As `flate`: zlib, and raw deflate when zlib gives nothing.
            let n = counted(&mut flate2::read::ZlibDecoder::new(content))?;
            if n == 0 && content.len() > 2 {
                return counted(&mut flate2::read::DeflateDecoder::new(&content[2..]));
            }
            Ok(n)
        }
        _ => decode(filters, content, early_change, cap).map(|d| d.len() as u64),
    }
}

/// A writer that refuses to grow past its cap.
struct Capped {
    out: Vec<u8>,
    cap: u64,
    over: bool,
}

impl Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if (self.out.len() + buf.len()) as u64 > self.cap {
            self.over = true;
            return Err(std::io::Error::other("over the cap"));
        }
        self.out.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn read_capped(reader: impl Read, cap: u64) -> Result<Vec<u8>, Over> {
    let mut out = Vec::new();
    // An error midway keeps what came out before it.
    let _ = reader.take(cap + 1).read_to_end(&mut out);
    if out.len() as u64 > cap {
        Err(Over)
    } else {
        Ok(out)
    }
}

/// Flate as lopdf reads it: zlib, and if that yields nothing, raw deflate
/// after the two header bytes.
fn flate(input: &[u8], cap: u64) -> Result<Vec<u8>, Over> {
    let out = read_capped(flate2::read::ZlibDecoder::new(input), cap)?;
    if out.is_empty() && input.len() > 2 {
        return read_capped(flate2::read::DeflateDecoder::new(&input[2..]), cap);
    }
    Ok(out)
}

fn lzw(input: &[u8], early_change: bool, cap: u64) -> Result<Vec<u8>, Over> {
    use weezl::{BitOrder, decode::Decoder};
    let mut decoder = if early_change {
        Decoder::with_tiff_size_switch(BitOrder::Msb, 8)
    } else {
        Decoder::new(BitOrder::Msb, 8)
    };
    let mut out = Capped {
        out: Vec::new(),
        cap,
        over: false,
    };
    let _ = decoder.into_stream(&mut out).decode_all(input);
    if out.over { Err(Over) } else { Ok(out.out) }
}

/// ASCII85 (it only shrinks: five characters make four bytes, `z` four).
fn ascii85(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let (mut group, mut count) = (0u64, 0usize);
    for &c in input {
        match c {
            b'~' => break,
            b'z' if count == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group = group * 85 + u64::from(c - b'!');
                count += 1;
                if count == 5 {
                    out.extend_from_slice(&(group as u32).to_be_bytes());
                    (group, count) = (0, 0);
                }
            }
            c if c.is_ascii_whitespace() => {}
            _ => break,
        }
    }
    if count > 1 {
        for _ in count..5 {
            group = group * 85 + 84;
        }
        out.extend_from_slice(&(group as u32).to_be_bytes()[..count - 1]);
    }
    out
}

/// ASCIIHex: pairs of hex digits, whitespace ignored, `>` ends it, an odd
/// last digit is followed by 0.
fn ascii_hex(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() / 2);
    let mut high: Option<u8> = None;
    for &c in input {
        let v = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            b'A'..=b'F' => c - b'A' + 10,
            b'>' => break,
            _ => continue,
        };
        match high.take() {
            Some(h) => out.push(h << 4 | v),
            None => high = Some(v),
        }
    }
    if let Some(h) = high {
        out.push(h << 4);
    }
    out
}

/// RunLength: a length byte n, then n+1 literal bytes (n < 128) or one byte
/// repeated 257-n times (n > 128); 128 ends it.
fn run_length(input: &[u8], cap: u64) -> Result<Vec<u8>, Over> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&n) = input.get(i) {
        match n {
            128 => break,
            0..=127 => {
                let end = (i + 2 + n as usize).min(input.len());
                out.extend_from_slice(&input[i + 1..end]);
                i = end;
            }
            _ => {
                let Some(&b) = input.get(i + 1) else { break };
                out.extend(std::iter::repeat_n(b, 257 - n as usize));
                i += 2;
            }
        }
        if out.len() as u64 > cap {
            return Err(Over);
        }
    }
    Ok(out)
}

/// Whether lopdf cannot follow this chain but [`decode`] can, so the stream
/// should be rewritten decoded before the text is read.
pub fn needs_rewrite(filters: &[Vec<u8>]) -> bool {
    filters
        .iter()
        .any(|f| Filter::of(f).is_some() && !Filter::lopdf_reads(f))
}

/// `/DecodeParms /EarlyChange` (LZW), default on.
pub fn early_change(dict: &pdf_extract::Dictionary) -> bool {
    dict.get(b"DecodeParms")
        .and_then(pdf_extract::Object::as_dict)
        .and_then(|p| p.get(b"EarlyChange"))
        .and_then(pdf_extract::Object::as_i64)
        .map_or(true, |v| v != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<Vec<u8>> {
        list.iter().map(|s| s.as_bytes().to_vec()).collect()
    }

    #[test]
    fn every_filter_is_capped() {
        let zeros = vec![0u8; 1_000_000];
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(&zeros).unwrap();
        let zlib = z.finish().unwrap();
        let flate = names(&["FlateDecode"]);
        assert_eq!(
            decode(&flate, &zlib, true, 2_000_000).unwrap().len(),
            1_000_000
        );
        assert_eq!(decode(&flate, &zlib, true, 999_999), Err(Over));
        // Raw deflate behind a broken zlib header.
        let mut d = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        d.write_all(&zeros).unwrap();
        let mut raw = b"\x00\x00".to_vec();
        raw.extend(d.finish().unwrap());
        assert_eq!(decode(&flate, &raw, true, 999_999), Err(Over));
        // Hex in front of Flate.
        let hex: String = zlib.iter().map(|b| format!("{b:02x}")).collect();
        let chain = names(&["ASCIIHexDecode", "FlateDecode"]);
        assert_eq!(decode(&chain, hex.as_bytes(), true, 999_999), Err(Over));
        assert_eq!(
            decode(&chain, hex.as_bytes(), true, 1_000_000)
                .unwrap()
                .len(),
            1_000_000
        );
        // Each pair makes 128 bytes.
        let rl = [129u8, 7].repeat(10_000);
        assert_eq!(
            decode(&names(&["RunLengthDecode"]), &rl, true, 1_279_999),
            Err(Over)
        );
        assert_eq!(
            decode(&names(&["RunLengthDecode"]), &rl, true, 1_280_000)
                .unwrap()
                .len(),
            1_280_000
        );
        let mut lzw = weezl::encode::Encoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8);
        let packed = lzw.encode(&zeros).unwrap();
        assert_eq!(decode(&names(&["LZWDecode"]), &packed, true, 10), Err(Over));
        assert_eq!(
            decode(&names(&["LZWDecode"]), &packed, true, 2_000_000)
                .unwrap()
                .len(),
            1_000_000
        );
    }

    #[test]
    fn lengths_match_decoding() {
        let text = b"BT /F1 12 Tf (Jordan Lee) Tj ET ".repeat(300);
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(&text).unwrap();
        let zlib = z.finish().unwrap();
        let hex: String = zlib.iter().map(|b| format!("{b:02x}")).collect();
        for (chain, data) in [
            (names(&[]), text.clone()),
            (names(&["FlateDecode"]), zlib.clone()),
            (names(&["ASCIIHexDecode", "FlateDecode"]), hex.into_bytes()),
            (names(&["DCTDecode"]), zlib.clone()),
        ] {
            let full = decode(&chain, &data, true, 1 << 20).unwrap().len() as u64;
            assert_eq!(
                decoded_len(&chain, &data, true, 1 << 20),
                Ok(full),
                "{chain:?}"
            );
            // A filter the reader decodes is capped; raw bytes are what they are.
            let capped = chain.first().is_some_and(|f| f != b"DCTDecode");
            assert_eq!(decoded_len(&chain, &data, true, full - 1).is_err(), capped);
        }
    }

    #[test]
    fn text_filters_decode() {
        assert_eq!(ascii_hex(b"48 65 6c6C 6f>"), b"Hello");
        assert_eq!(ascii_hex(b"4>"), b"\x40");
        assert_eq!(ascii85(b"87cURD]i,\"Ebo80~>"), b"Hello World!");
        assert_eq!(ascii85(b"z~>"), [0, 0, 0, 0]);
        assert_eq!(
            run_length(&[2, b'a', b'b', b'c', 254, b'x', 128], 100).unwrap(),
            b"abcxxx"
        );
    }
}
