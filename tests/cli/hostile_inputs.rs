//! Generators for hostile input files: one function per case of the
//! security audit, each returning the file's bytes, so tests (and
//! `examples/hostile.rs`) build them in a temporary folder at test time and
//! nothing big is committed.
//!
//! Everything is written by hand: PDFs object by object with a correct xref
//! table ([`PdfWriter`]), DOCX files as zip archives ([`zip_archive`]), the
//! password-protected DOCX as an OLE2 compound file ([`cfb`]). Bombs are
//! built from one compressed chunk repeated ([`deflate_repeated`],
//! [`lzw_repeated_byte`]), so a stream that inflates to gigabytes costs
//! milliseconds to make, even in a debug build.
//!
//! Only std and flate2 are used (the LZW encoder is our own).

use flate2::Compression;
use flate2::write::DeflateEncoder;
use std::io::Write;

// ---------------------------------------------------------------------------
// The list
// ---------------------------------------------------------------------------

/// Every case as (file name, bytes), the extension telling its format.
pub fn all() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("normal.pdf", normal_pdf()),
        ("normal.docx", normal_docx()),
        ("form_self_loop.pdf", form_self_loop()),
        ("form_chain.pdf", form_chain()),
        ("form_chain_5000.pdf", form_chain_of(5_000)),
        ("cmap_deep.pdf", cmap_deep()),
        ("cmap_deep_strings.pdf", cmap_deep_strings()),
        ("type1_deep.pdf", type1_deep()),
        ("docx_nested_attr.docx", docx_nested_attr()),
        ("docx_nested_cdata.docx", docx_nested_cdata()),
        ("objstm_bomb.pdf", objstm_bomb()),
        ("a85_flate_bomb.pdf", a85_flate_bomb()),
        ("raw_deflate_bomb.pdf", raw_deflate_bomb()),
        ("lzw_bomb.pdf", lzw_bomb()),
        ("image_bomb.pdf", image_bomb()),
        ("contents_repeat.pdf", contents_repeat()),
        ("docx_empty_paras.docx", docx_empty_paras()),
        ("tiny_ops.pdf", tiny_ops()),
        ("parent_loop.pdf", parent_loop()),
        ("parent_self.pdf", parent_self()),
        ("bfrange_16m.pdf", bfrange_16m()),
        ("asciihex_content.pdf", asciihex_content()),
        ("utf16_document.docx", utf16_document()),
        ("no_rels.docx", no_rels()),
        ("encrypted.docx", encrypted()),
        ("whitespace.txt", whitespace()),
        ("pdf_magic_in_text.txt", pdf_magic_in_text()),
        ("big_text.txt", big_text()),
        ("big_text_8mb.txt", big_text_8mb()),
        ("big_posting.txt", big_posting()),
        ("long_term_profile.yaml", long_term_profile()),
        ("long_phrase_profile.yaml", long_phrase_profile()),
        ("many_terms_profile.yaml", many_terms_profile()),
        ("escape_in_text.txt", escape_in_text()),
        ("slow_pages.pdf", slow_pages(10, 240_000)),
    ]
}

// ---------------------------------------------------------------------------
// Checksums and compression
// ---------------------------------------------------------------------------

const ADLER_BASE: u64 = 65_521;

/// Adler-32 of `data` (the zlib trailer).
pub fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u64, 0u64);
    for chunk in data.chunks(5_000) {
        for &byte in chunk {
            a += u64::from(byte);
            b += a;
        }
        a %= ADLER_BASE;
        b %= ADLER_BASE;
    }
    ((b << 16) | a) as u32
}

/// Adler-32 of `A ++ B` from Adler-32 of `A`, Adler-32 of `B` and `B`'s
/// length, so a repeated chunk's checksum costs nothing.
pub fn adler32_append(first: u32, second: u32, second_len: u64) -> u32 {
    let (a1, b1) = (u64::from(first & 0xffff), u64::from(first >> 16));
    let (a2, b2) = (u64::from(second & 0xffff), u64::from(second >> 16));
    let a = (a1 + a2 + ADLER_BASE - 1) % ADLER_BASE;
    let b =
        (b1 + b2 + (second_len % ADLER_BASE) * ((a1 + ADLER_BASE - 1) % ADLER_BASE)) % ADLER_BASE;
    ((b << 16) | a) as u32
}

/// CRC-32 (IEEE, as zip uses) of `data`, continuing from `crc` (0 to start).
pub fn crc32_update(crc: u32, data: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, entry) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *entry = c;
        }
        t
    });
    let mut c = !crc;
    for &byte in data {
        c = table[((c ^ u32::from(byte)) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

/// Raw deflate (no zlib header) of `bytes`.
pub fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut e = DeflateEncoder::new(Vec::new(), Compression::best());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// Wrap raw deflate data in a zlib header and Adler-32 trailer.
pub fn zlib_wrap(raw: &[u8], adler: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len() + 6);
    out.extend_from_slice(&[0x78, 0xDA]);
    out.extend_from_slice(raw);
    out.extend_from_slice(&adler.to_be_bytes());
    out
}

/// Zlib (what PDF's /FlateDecode means) of `bytes`.
pub fn zlib(bytes: &[u8]) -> Vec<u8> {
    zlib_wrap(&deflate(bytes), adler32(bytes))
}

/// A compressed stream that inflates to a lot: what [`deflate_repeated`]
/// returns.
pub struct Bomb {
    /// Raw deflate data.
    pub deflate: Vec<u8>,
    /// How many bytes it inflates to.
    pub inflated_len: u64,
    /// Adler-32 of the inflated bytes (for a zlib trailer).
    pub adler: u32,
}

impl Bomb {
    /// The same data as a zlib stream (PDF's /FlateDecode).
    pub fn zlib(&self) -> Vec<u8> {
        zlib_wrap(&self.deflate, self.adler)
    }
}

/// Raw deflate of `prefix`, then `pattern` repeated to about `total` bytes
/// in all, then `suffix`.
///
/// The middle is one compressed chunk of `pattern`s (ended by a sync flush,
/// so it is whole bytes) written many times: each copy decodes to the same
/// bytes because the 32 KB window before it always holds the same
/// repetitions. One megabyte of input is compressed whatever `total` is.
pub fn deflate_repeated(prefix: &[u8], pattern: &[u8], total: u64, suffix: &[u8]) -> Bomb {
    assert!(!pattern.is_empty());
    const CHUNK_TARGET: usize = 1 << 20;
    let per_chunk = CHUNK_TARGET.div_ceil(pattern.len());
    let chunk = pattern.repeat(per_chunk);
    // The first part ends in at least 64 KB of whole patterns, so the window
    // before the first repeated chunk is like the window before the others.
    let mut first = prefix.to_vec();
    first.extend(pattern.repeat((64 * 1024usize).div_ceil(pattern.len())));
    let fixed = (first.len() + suffix.len()) as u64;
    let middle = total.saturating_sub(fixed);
    let reps = middle / chunk.len() as u64;
    let leftover = ((middle % chunk.len() as u64) / pattern.len() as u64) as usize;
    let mut tail = pattern.repeat(leftover);
    tail.extend_from_slice(suffix);

    if reps == 0 {
        // Too small to repeat anything: compress it as it is.
        let mut all = first;
        all.extend_from_slice(&tail);
        return Bomb {
            deflate: deflate(&all),
            inflated_len: all.len() as u64,
            adler: adler32(&all),
        };
    }

    let mut e = DeflateEncoder::new(Vec::new(), Compression::best());
    e.write_all(&first).unwrap();
    e.flush().unwrap();
    let first_len = e.get_ref().len();
    e.write_all(&chunk).unwrap();
    e.flush().unwrap();
    let repeated = e.get_ref()[first_len..].to_vec();
    e.write_all(&tail).unwrap();
    let whole = e.finish().unwrap();
    let end = &whole[first_len + repeated.len()..];

    let mut out = Vec::with_capacity(first_len + repeated.len() * reps as usize + end.len());
    out.extend_from_slice(&whole[..first_len]);
    let chunk_adler = adler32(&chunk);
    let mut adler = adler32(&first);
    for _ in 0..reps {
        out.extend_from_slice(&repeated);
        adler = adler32_append(adler, chunk_adler, chunk.len() as u64);
    }
    out.extend_from_slice(end);
    adler = adler32_append(adler, adler32(&tail), tail.len() as u64);
    Bomb {
        deflate: out,
        inflated_len: first.len() as u64 + reps * chunk.len() as u64 + tail.len() as u64,
        adler,
    }
}

/// ASCII85 (PDF's /ASCII85Decode) of `bytes`, with the `~>` end marker.
pub fn ascii85(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() * 5 / 4 + 80);
    let mut line = 0;
    let mut push = |out: &mut Vec<u8>, s: &[u8]| {
        out.extend_from_slice(s);
        line += s.len();
        if line >= 72 {
            out.push(b'\n');
            line = 0;
        }
    };
    for group in bytes.chunks(4) {
        let mut word = [0u8; 4];
        word[..group.len()].copy_from_slice(group);
        let mut n = u32::from_be_bytes(word);
        if group.len() == 4 && n == 0 {
            push(&mut out, b"z");
            continue;
        }
        let mut digits = [0u8; 5];
        for d in digits.iter_mut().rev() {
            *d = b'!' + (n % 85) as u8;
            n /= 85;
        }
        push(&mut out, &digits[..group.len() + 1]);
    }
    out.extend_from_slice(b"~>");
    out
}

/// ASCIIHex (PDF's /ASCIIHexDecode) of `bytes`, with the `>` end marker.
pub fn ascii_hex(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() * 2 + bytes.len() / 32 + 1);
    for (i, b) in bytes.iter().enumerate() {
        out.extend_from_slice(format!("{b:02X}").as_bytes());
        if i % 32 == 31 {
            out.push(b'\n');
        }
    }
    out.push(b'>');
    out
}

// ---------------------------------------------------------------------------
// LZW (PDF's /LZWDecode: MSB first, 9 to 12 bit codes, EarlyChange 1)
// ---------------------------------------------------------------------------

const LZW_CLEAR: u16 = 256;
const LZW_EOD: u16 = 257;
const LZW_MAX_CODES: u16 = 4096;

/// Writes LZW codes and tracks the code width as entries are added.
struct LzwWriter {
    out: Vec<u8>,
    acc: u64,
    bits: u32,
    width: u32,
    next: u16,
}

impl LzwWriter {
    fn new() -> LzwWriter {
        let mut w = LzwWriter {
            out: Vec::new(),
            acc: 0,
            bits: 0,
            width: 9,
            next: 258,
        };
        w.emit(LZW_CLEAR);
        w
    }

    fn emit(&mut self, code: u16) {
        self.acc = (self.acc << self.width) | u64::from(code);
        self.bits += self.width;
        while self.bits >= 8 {
            self.bits -= 8;
            self.out.push((self.acc >> self.bits) as u8);
        }
        self.acc &= (1 << self.bits) - 1;
    }

    /// Record that a table entry was added after the code just emitted; no
    /// entry is added once the table is full (a decoder then stops adding
    /// too).
    fn add_entry(&mut self) -> bool {
        if self.next >= LZW_MAX_CODES {
            return false;
        }
        self.next += 1;
        // EarlyChange: widen one code before the width runs out.
        if u32::from(self.next) >= (1 << self.width) && self.width < 12 {
            self.width += 1;
        }
        true
    }

    fn finish(mut self) -> Vec<u8> {
        self.emit(LZW_EOD);
        if self.bits > 0 {
            self.out.push((self.acc << (8 - self.bits)) as u8);
        }
        self.out
    }
}

/// LZW-encode `bytes` the way PDF's /LZWDecode reads it.
pub fn lzw(bytes: &[u8]) -> Vec<u8> {
    let mut dict = std::collections::HashMap::<(u16, u8), u16>::new();
    let mut w = LzwWriter::new();
    let mut current: Option<u16> = None;
    for &b in bytes {
        let Some(prefix) = current else {
            current = Some(u16::from(b));
            continue;
        };
        if let Some(&code) = dict.get(&(prefix, b)) {
            current = Some(code);
            continue;
        }
        w.emit(prefix);
        let code = w.next;
        if w.add_entry() {
            dict.insert((prefix, b), code);
        }
        current = Some(u16::from(b));
    }
    if let Some(prefix) = current {
        w.emit(prefix);
    }
    w.finish()
}

/// LZW of `byte` repeated `total` times, exactly as [`lzw`] would write it
/// but without building the input: the codes are `byte`, 258, 259, ...
/// (each one byte longer than the last) until the table is full, then code
/// 4095 (3,839 bytes) over and over: about 2,560 bytes out per byte in.
pub fn lzw_repeated_byte(byte: u8, total: u64) -> Vec<u8> {
    let mut w = LzwWriter::new();
    let mut left = total;
    if left == 0 {
        return w.finish();
    }
    // Code for a run of `len` bytes: the byte itself, or the entry 256 + len.
    let code_for = |len: u64| {
        if len == 1 {
            u16::from(byte)
        } else {
            256 + len as u16
        }
    };
    let mut len = 1u64;
    loop {
        if left <= len {
            w.emit(code_for(left));
            break;
        }
        w.emit(code_for(len));
        left -= len;
        if w.add_entry() {
            len += 1;
        }
    }
    w.finish()
}

// ---------------------------------------------------------------------------
// PDF writer
// ---------------------------------------------------------------------------

/// Builds a PDF object by object and writes a correct cross-reference table.
/// Object numbers start at 1; [`PdfWriter::reserve`] hands out a number to
/// fill in later, for objects that point at each other.
#[derive(Default)]
pub struct PdfWriter {
    objects: Vec<Option<Vec<u8>>>,
}

impl PdfWriter {
    pub fn new() -> PdfWriter {
        PdfWriter::default()
    }

    /// A number for an object written later with [`set`](Self::set).
    pub fn reserve(&mut self) -> u32 {
        self.objects.push(None);
        self.objects.len() as u32
    }

    /// The body of object `id` (what goes between `obj` and `endobj`).
    pub fn set(&mut self, id: u32, body: impl Into<Vec<u8>>) {
        self.objects[id as usize - 1] = Some(body.into());
    }

    pub fn add(&mut self, body: impl Into<Vec<u8>>) -> u32 {
        let id = self.reserve();
        self.set(id, body);
        id
    }

    /// A stream object: `dict` is the dictionary's inside, without
    /// `/Length`, which is added.
    pub fn add_stream(&mut self, dict: &str, data: &[u8]) -> u32 {
        let id = self.reserve();
        self.set_stream(id, dict, data);
        id
    }

    pub fn set_stream(&mut self, id: u32, dict: &str, data: &[u8]) {
        self.set(id, stream_body(dict, data));
    }

    /// Header, objects, classic xref table and trailer. Objects never set
    /// are listed as free.
    pub fn finish(self, root: u32) -> Vec<u8> {
        let (mut out, offsets) = self.write_objects();
        let xref_at = out.len();
        writeln!(out, "xref\n0 {}\n0000000000 65535 f ", offsets.len() + 1).unwrap();
        for offset in &offsets {
            match offset {
                Some(at) => writeln!(out, "{at:010} 00000 n ").unwrap(),
                None => out.extend_from_slice(b"0000000000 00000 f \n"),
            }
        }
        write!(
            out,
            "trailer\n<< /Size {} /Root {root} 0 R >>\nstartxref\n{xref_at}\n%%EOF\n",
            offsets.len() + 1
        )
        .unwrap();
        out
    }

    /// Like [`finish`](Self::finish) but with a cross-reference stream,
    /// which can also list objects kept inside object streams:
    /// `compressed` holds (object, object stream, index in it).
    pub fn finish_xref_stream(mut self, root: u32, compressed: &[(u32, u32, u32)]) -> Vec<u8> {
        let xref_id = self.reserve();
        let size = xref_id as usize + 1;
        let (mut out, offsets) = self.write_objects();
        let xref_at = out.len();
        let mut rows = Vec::with_capacity(size * 7);
        let row = |rows: &mut Vec<u8>, kind: u8, a: u32, b: u16| {
            rows.push(kind);
            rows.extend_from_slice(&a.to_be_bytes());
            rows.extend_from_slice(&b.to_be_bytes());
        };
        row(&mut rows, 0, 0, 65_535);
        for id in 1..size as u32 {
            if id == xref_id {
                row(&mut rows, 1, xref_at as u32, 0);
            } else if let Some(&(_, stream, index)) = compressed.iter().find(|c| c.0 == id) {
                row(&mut rows, 2, stream, index as u16);
            } else {
                match offsets[id as usize - 1] {
                    Some(at) => row(&mut rows, 1, at as u32, 0),
                    None => row(&mut rows, 0, 0, 0),
                }
            }
        }
        writeln!(out, "{xref_id} 0 obj").unwrap();
        out.extend(stream_body(
            &format!("/Type /XRef /Size {size} /W [1 4 2] /Root {root} 0 R"),
            &rows,
        ));
        write!(out, "\nendobj\nstartxref\n{xref_at}\n%%EOF\n").unwrap();
        out
    }

    fn write_objects(self) -> (Vec<u8>, Vec<Option<usize>>) {
        let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
        let mut offsets = Vec::with_capacity(self.objects.len());
        for (i, body) in self.objects.into_iter().enumerate() {
            let Some(body) = body else {
                offsets.push(None);
                continue;
            };
            offsets.push(Some(out.len()));
            writeln!(out, "{} 0 obj", i + 1).unwrap();
            out.extend_from_slice(&body);
            out.extend_from_slice(b"\nendobj\n");
        }
        (out, offsets)
    }
}

/// `<< dict /Length n >> stream ... endstream`.
pub fn stream_body(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut out = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

/// The lines of the resume every PDF and DOCX case shows.
pub const RESUME_LINES: &[&str] = &[
    "Jordan Lee",
    "Software Engineer",
    "jordan.lee@example.com  (555) 010-2040  Seattle, WA",
    "Skills: Python, Kubernetes, Go, Java, PostgreSQL, Redis, Kafka, Docker",
    "Built REST APIs serving 40k requests per second with 25 ms p99 latency",
    "Designed microservices and system design reviews for 12 teams",
];

/// PDF literal string escaping for `(`, `)` and `\`.
fn pdf_string(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('(', "\\(")
        .replace(')', "\\)")
}

/// A text block showing [`RESUME_LINES`] in font `/F1`.
pub fn resume_text_ops() -> String {
    let mut ops = String::from("BT /F1 11 Tf 14 TL 72 720 Td\n");
    for line in RESUME_LINES {
        ops.push_str(&format!("({}) Tj T*\n", pdf_string(line)));
    }
    ops.push_str("ET\n");
    ops
}

/// `/Type /Font /Subtype /Type1 /BaseFont /Helvetica`, the standard font
/// that needs no embedding.
pub const HELVETICA: &str = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

/// A one-page PDF under construction: catalog 1, page tree 2, page 3, the
/// page's font `/F1` 4. The caller adds its objects and then
/// [`OnePage::finish`] writes the page.
pub struct OnePage {
    pub w: PdfWriter,
    pub catalog: u32,
    pub pages: u32,
    pub page: u32,
    pub font: u32,
}

impl OnePage {
    /// `font`: the body of the `/F1` font object.
    pub fn new(font: &str) -> OnePage {
        let mut w = PdfWriter::new();
        let catalog = w.reserve();
        let pages = w.reserve();
        let page = w.reserve();
        let font_id = w.reserve();
        w.set(catalog, format!("<< /Type /Catalog /Pages {pages} 0 R >>"));
        w.set(
            pages,
            format!("<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>"),
        );
        if !font.is_empty() {
            w.set(font_id, font.to_string());
        }
        OnePage {
            w,
            catalog,
            pages,
            page,
            font: font_id,
        }
    }

    /// Write the page: `resources` goes inside its /Resources dictionary
    /// after the font, `contents` is its /Contents value (`5 0 R`, `[...]`).
    pub fn page(&mut self, resources: &str, contents: &str) {
        let body = format!(
            "<< /Type /Page /Parent {} 0 R /MediaBox [0 0 612 792] \
             /Resources << /Font << /F1 {} 0 R >> {resources} >> /Contents {contents} >>",
            self.pages, self.font
        );
        self.w.set(self.page, body);
    }

    pub fn finish(self) -> Vec<u8> {
        let root = self.catalog;
        self.w.finish(root)
    }
}

/// A one-page PDF with the given font body and content stream bytes (no
/// filter) and nothing else.
fn plain_page(font: &str, content: &[u8]) -> Vec<u8> {
    let mut d = OnePage::new(font);
    let c = d.w.add_stream("", content);
    d.page("", &format!("{c} 0 R"));
    d.finish()
}

/// Control: a normal readable page, Helvetica, a few resume lines. Every
/// PDF case below is built on this one.
pub fn normal_pdf() -> Vec<u8> {
    plain_page(HELVETICA, resume_text_ops().as_bytes())
}

// ---------------------------------------------------------------------------
// PDF cases: recursion
// ---------------------------------------------------------------------------

/// `/Fx Do` on the page, where Fx is a Form XObject whose own content does
/// `/Fx Do` again and whose /Resources name itself as Fx. A reader that
/// follows forms without a depth limit or a visited set recurses until the
/// stack overflows (an abort no `catch_unwind` can stop).
pub fn form_self_loop() -> Vec<u8> {
    let mut d = OnePage::new(HELVETICA);
    let fx = d.w.reserve();
    let form = "BT /F1 11 Tf 72 500 Td (Loop) Tj ET\n/Fx Do\n";
    d.w.set_stream(
        fx,
        &format!(
            "/Type /XObject /Subtype /Form /BBox [0 0 612 792] \
             /Resources << /Font << /F1 {} 0 R >> /XObject << /Fx {fx} 0 R >> >>",
            d.font
        ),
        form.as_bytes(),
    );
    let content = format!("{}/Fx Do\n", resume_text_ops());
    let c = d.w.add_stream("", content.as_bytes());
    d.page(&format!("/XObject << /Fx {fx} 0 R >>"), &format!("{c} 0 R"));
    d.finish()
}

/// A chain of 1,000 Form XObjects, each drawing the next (`/Fx Do`, with
/// its own /Resources naming the next form). No loop, so a visited set does
/// not help: only a depth limit does. Recursing 1,000 forms deep, each a
/// full content-stream interpreter frame, overflows a thread's stack.
pub fn form_chain() -> Vec<u8> {
    form_chain_of(1_000)
}

/// A chain of `forms` Form XObjects, as [`form_chain`].
pub fn form_chain_of(forms: usize) -> Vec<u8> {
    let mut d = OnePage::new(HELVETICA);
    let ids: Vec<u32> = (0..forms).map(|_| d.w.reserve()).collect();
    for (i, &id) in ids.iter().enumerate() {
        let (next, draw) = match ids.get(i + 1) {
            Some(next) => (format!("/XObject << /Fx {next} 0 R >>"), "/Fx Do\n"),
            None => (String::new(), ""),
        };
        let content = format!("BT /F1 11 Tf 72 400 Td (Form {i}) Tj ET\n{draw}");
        d.w.set_stream(
            id,
            &format!(
                "/Type /XObject /Subtype /Form /BBox [0 0 612 792] \
                 /Resources << /Font << /F1 {} 0 R >> {next} >>",
                d.font
            ),
            content.as_bytes(),
        );
    }
    let content = format!("{}/Fx Do\n", resume_text_ops());
    let c = d.w.add_stream("", content.as_bytes());
    d.page(
        &format!("/XObject << /Fx {} 0 R >>", ids[0]),
        &format!("{c} 0 R"),
    );
    d.finish()
}

/// A ToUnicode CMap (one-byte codes, A–z mapped to themselves) with `junk`
/// among its definitions.
fn cmap_with(junk: &[u8]) -> Vec<u8> {
    let mut out = b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
/CMapName /Hostile def\n/CMapType 2 def\n\
1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
        .to_vec();
    out.extend_from_slice(junk);
    out.extend_from_slice(
        b"\n1 beginbfrange\n<20> <7E> <0020>\nendbfrange\nendcmap\n\
CMapName currentdict /CMap defineresource pop\nend\nend\n",
    );
    out
}

/// A page whose /F1 (Helvetica) has a /ToUnicode stream `cmap`.
fn page_with_to_unicode(cmap: &[u8]) -> Vec<u8> {
    let mut d = OnePage::new("");
    let to_unicode = d.w.add_stream("/Filter /FlateDecode", &zlib(cmap));
    d.w.set(
        d.font,
        format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode {to_unicode} 0 R >>"
        ),
    );
    let c = d.w.add_stream("", resume_text_ops().as_bytes());
    d.page("", &format!("{c} 0 R"));
    d.finish()
}

/// The page's font has a /ToUnicode CMap holding an array nested 100,000
/// deep (`[[[[...]]]]`, 200 KB, compressed to a few hundred bytes). A
/// recursive-descent CMap parser (adobe-cmap-parser, lopdf's) recurses once
/// per `[` and overflows the stack.
pub fn cmap_deep() -> Vec<u8> {
    const DEPTH: usize = 100_000;
    let mut junk = b"/Deep ".to_vec();
    junk.extend(std::iter::repeat_n(b'[', DEPTH));
    junk.extend(std::iter::repeat_n(b']', DEPTH));
    junk.extend_from_slice(b" def\n/DeepDict ");
    // And dictionaries: << /K << /K << ... >> >> >>, 20,000 deep.
    junk.extend("<< /K ".repeat(20_000).bytes());
    junk.extend_from_slice(b"1");
    junk.extend(" >>".repeat(20_000).bytes());
    junk.extend_from_slice(b" def");
    page_with_to_unicode(&cmap_with(&junk))
}

/// Like [`cmap_deep`] but the nesting is inside one literal string:
/// `((((...))))` 100,000 deep, which PDF allows (balanced parentheses need
/// no escape). Parsers that read nested strings by recursion overflow.
pub fn cmap_deep_strings() -> Vec<u8> {
    const DEPTH: usize = 100_000;
    let mut junk = b"/DeepString ".to_vec();
    junk.extend(std::iter::repeat_n(b'(', DEPTH));
    junk.extend(std::iter::repeat_n(b')', DEPTH));
    junk.extend_from_slice(b" def");
    page_with_to_unicode(&cmap_with(&junk))
}

/// An embedded Type1 font program (/FontFile with /Length1 /Length2
/// /Length3) whose cleartext part has a procedure nested 100,000 deep
/// (`{ { { ... } } }`) and an array nested 100,000 deep. The font dictionary
/// has no /Encoding, so pdf-extract parses the program to find the built-in
/// encoding (type1-encoding-parser, a recursive pom parser): it recurses per
/// level and overflows the stack. The page's text uses the font (Tf + Tj).
pub fn type1_deep() -> Vec<u8> {
    const DEPTH: usize = 100_000;
    let mut clear = b"%!PS-AdobeFont-1.0: Hostile-Deep 001.000\n\
%%Title: Hostile-Deep\n\
11 dict begin\n\
/FontInfo 2 dict dup begin /FullName (Hostile Deep) readonly def end readonly def\n\
/FontName /Hostile-Deep def\n\
/PaintType 0 def\n/FontType 1 def\n\
/FontMatrix [0.001 0 0 0.001 0 0] readonly def\n\
/FontBBox {0 -200 1000 900} readonly def\n\
/Deep "
        .to_vec();
    clear.extend("{ ".repeat(DEPTH).bytes());
    clear.extend("} ".repeat(DEPTH).bytes());
    clear.extend_from_slice(b"def\n/DeepArray ");
    clear.extend("[ ".repeat(DEPTH).bytes());
    clear.extend("] ".repeat(DEPTH).bytes());
    clear.extend_from_slice(
        b"def\n/Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\n\
dup 65 /A put\ndup 97 /a put\nreadonly def\n\
currentdict end\ncurrentfile eexec\n",
    );
    // The encrypted part: what is in it does not matter to the parser that
    // chokes on the cleartext; 4 random-looking bytes of "lenIV" and a few
    // hundred more.
    let binary: Vec<u8> = (0..512u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    let trailer = {
        let mut t = "0000000000000000000000000000000000000000000000000000000000000000\n"
            .repeat(8)
            .into_bytes();
        t.extend_from_slice(b"cleartomark\n");
        t
    };
    let mut program = clear.clone();
    program.extend_from_slice(&binary);
    program.extend_from_slice(&trailer);

    let mut d = OnePage::new("");
    let file = d.w.add_stream(
        &format!(
            "/Length1 {} /Length2 {} /Length3 {} /Filter /FlateDecode",
            clear.len(),
            binary.len(),
            trailer.len()
        ),
        &zlib(&program),
    );
    let descriptor = d.w.add(format!(
        "<< /Type /FontDescriptor /FontName /Hostile-Deep /Flags 32 \
         /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 \
         /CapHeight 700 /StemV 80 /FontFile {file} 0 R >>"
    ));
    let widths = vec!["600"; 95].join(" ");
    // No /Encoding: the reader takes the encoding from the program.
    d.w.set(
        d.font,
        format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /Hostile-Deep /FirstChar 32 \
             /LastChar 126 /Widths [{widths}] /FontDescriptor {descriptor} 0 R >>"
        ),
    );
    let c = d.w.add_stream("", resume_text_ops().as_bytes());
    d.page("", &format!("{c} 0 R"));
    d.finish()
}

// ---------------------------------------------------------------------------
// PDF cases: decompression bombs
// ---------------------------------------------------------------------------

/// A page whose /Contents is [the resume text, `bomb`]: `bomb_dict` and
/// `bomb_data` make the second stream.
fn page_with_bomb(bomb_dict: &str, bomb_data: &[u8]) -> Vec<u8> {
    let mut d = OnePage::new(HELVETICA);
    let text = d.w.add_stream("", resume_text_ops().as_bytes());
    let bomb = d.w.add_stream(bomb_dict, bomb_data);
    d.page("", &format!("[{text} 0 R {bomb} 0 R]"));
    d.finish()
}

/// An object stream (/Type /ObjStm, FlateDecode) that inflates to about
/// 3 GB: the page's font object lives in it, followed by 3 GB of spaces
/// (a 3 MB file). The cross-reference stream lists the font as compressed
/// in it. lopdf inflates every object stream while loading the document,
/// before any limit of ours can look at it.
pub fn objstm_bomb() -> Vec<u8> {
    let mut d = OnePage::new("");
    let font = d.font;
    let objects = HELVETICA.as_bytes();
    let index = format!("{font} 0 ");
    let bomb = deflate_repeated(
        &[index.as_bytes(), objects, b"\n"].concat(),
        b" ",
        3_000_000_000,
        b"\n",
    );
    let objstm = d.w.add_stream(
        &format!(
            "/Type /ObjStm /N 1 /First {} /Filter /FlateDecode",
            index.len()
        ),
        &bomb.zlib(),
    );
    let c = d.w.add_stream("", resume_text_ops().as_bytes());
    d.page("", &format!("{c} 0 R"));
    let root = d.catalog;
    d.w.finish_xref_stream(root, &[(font, objstm, 0)])
}

/// Page content with /Filter [/ASCII85Decode /FlateDecode] that inflates to
/// about 2 GB of spaces (a 2.5 MB file). A size check that only inflates
/// streams whose bytes are zlib (not ASCII85 text) never sees it.
pub fn a85_flate_bomb() -> Vec<u8> {
    let bomb = deflate_repeated(b"", b" ", 2_000_000_000, b"");
    page_with_bomb(
        "/Filter [/ASCII85Decode /FlateDecode]",
        &ascii85(&bomb.zlib()),
    )
}

/// Page content marked /FlateDecode that is raw deflate behind a bad
/// two-byte zlib header (`00 00`), inflating to about 2 GB of spaces (a
/// 2 MB file). A zlib decoder fails at once, so a size check by zlib counts
/// nothing; lopdf then retries as raw deflate after the two bytes and
/// inflates it all.
pub fn raw_deflate_bomb() -> Vec<u8> {
    let bomb = deflate_repeated(b"", b" ", 2_000_000_000, b"");
    let mut data = vec![0x00, 0x00];
    data.extend_from_slice(&bomb.deflate);
    page_with_bomb("/Filter /FlateDecode", &data)
}

/// Page content with /Filter /LZWDecode that decodes to about 2 GB of
/// spaces (about 780 KB of codes: once the table is full each 12-bit code
/// stands for 3,839 bytes). Size checks that only count Flate streams pass
/// it as 780 KB.
pub fn lzw_bomb() -> Vec<u8> {
    page_with_bomb(
        "/Filter /LZWDecode",
        &lzw_repeated_byte(b' ', 2_000_000_000),
    )
}

/// An image XObject (/Subtype /Image, FlateDecode, 33,000 × 33,334 gray,
/// 1.1 GB inflated, a 1.1 MB file) drawn with `/Im1 Do`. Size checks skip
/// images ("the text reader never inflates them"), but pdf-extract's `Do`
/// inflates any XObject and runs it as a content stream.
pub fn image_bomb() -> Vec<u8> {
    const W: u64 = 33_000;
    const H: u64 = 33_334;
    let bomb = deflate_repeated(b"", &[0], W * H, b"");
    assert_eq!(bomb.inflated_len, W * H);
    let mut d = OnePage::new(HELVETICA);
    let image = d.w.add_stream(
        &format!(
            "/Type /XObject /Subtype /Image /Width {W} /Height {H} \
             /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode"
        ),
        &bomb.zlib(),
    );
    let content = format!("{}q 200 0 0 200 300 100 cm /Im1 Do Q\n", resume_text_ops());
    let c = d.w.add_stream("", content.as_bytes());
    d.page(
        &format!("/XObject << /Im1 {image} 0 R >>"),
        &format!("{c} 0 R"),
    );
    d.finish()
}

/// One content stream that inflates to 40 MB (of spaces; under the 64 MB
/// limit when counted once) listed 80 times in the page's /Contents array:
/// 3.2 GB once the page's content is put together (a 40 KB file).
pub fn contents_repeat() -> Vec<u8> {
    let bomb = deflate_repeated(b"", b" ", 40_000_000, b"\n");
    let mut d = OnePage::new(HELVETICA);
    let text = d.w.add_stream("", resume_text_ops().as_bytes());
    let big = d.w.add_stream("/Filter /FlateDecode", &bomb.zlib());
    let refs = vec![format!("{big} 0 R"); 80].join(" ");
    d.page("", &format!("[{text} 0 R {refs}]"));
    d.finish()
}

/// A page content stream (Flate, 60 MB inflated, under the 64 MB limit; a
/// file of about 60 KB) of 10 million `(a)Tj ` text operators after the
/// resume text. Every operator costs the reader an allocation (an
/// operation, its operand vector, the string, a glyph), so the 60 MB become
/// gigabytes of heap and seconds of work.
pub fn tiny_ops() -> Vec<u8> {
    let mut prefix = resume_text_ops().into_bytes();
    prefix.extend_from_slice(b"BT /F1 1 Tf 72 100 Td\n");
    let bomb = deflate_repeated(&prefix, b"(a)Tj ", 60_000_000, b"\nET\n");
    let mut d = OnePage::new(HELVETICA);
    let c = d.w.add_stream("/Filter /FlateDecode", &bomb.zlib());
    d.page("", &format!("{c} 0 R"));
    d.finish()
}

/// `pages` pages, each drawing the resume and then `ops` one-letter text
/// operators, every page's stream the same Flate-compressed object (10 KB
/// for any count). Within the per-page operator limit and the document's,
/// it still takes a second or more to read: `--timeout` needs work that
/// outlasts it on any machine. Past the document's budget (ten pages of
/// 240,000) it once took a gigabyte, each page at the per-page limit.
pub fn slow_pages(pages: usize, ops: u64) -> Vec<u8> {
    let mut prefix = resume_text_ops().into_bytes();
    prefix.extend_from_slice(b"BT /F1 1 Tf 72 100 Td\n");
    let stream = deflate_repeated(&prefix, b"(a)Tj ", ops * 6, b"\nET\n");
    let mut w = PdfWriter::new();
    let catalog = w.reserve();
    let tree = w.reserve();
    let font = w.add(HELVETICA);
    let content = w.add_stream("/Filter /FlateDecode", &stream.zlib());
    let kids: Vec<u32> = (0..pages)
        .map(|_| {
            w.add(format!(
                "<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 612 792] \
                 /Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>"
            ))
        })
        .collect();
    let refs: Vec<String> = kids.iter().map(|k| format!("{k} 0 R")).collect();
    w.set(
        tree,
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            refs.join(" ")
        ),
    );
    w.set(catalog, format!("<< /Type /Catalog /Pages {tree} 0 R >>"));
    w.finish(catalog)
}

// ---------------------------------------------------------------------------
// PDF cases: structure
// ---------------------------------------------------------------------------

/// The page tree loops: the root Pages node A has Kids [page, B] and B (a
/// Pages node whose /Parent is A) has Kids [A]. A walk of the tree without
/// a visited set never ends (or yields the page over and over).
pub fn parent_loop() -> Vec<u8> {
    let mut d = OnePage::new(HELVETICA);
    let b = d.w.reserve();
    d.w.set(
        d.pages,
        format!("<< /Type /Pages /Kids [{} 0 R {b} 0 R] /Count 2 >>", d.page),
    );
    d.w.set(
        b,
        format!(
            "<< /Type /Pages /Parent {} 0 R /Kids [{} 0 R] /Count 1 >>",
            d.pages, d.pages
        ),
    );
    let c = d.w.add_stream("", resume_text_ops().as_bytes());
    d.page("", &format!("{c} 0 R"));
    d.finish()
}

/// The root Pages node lists itself among its Kids: /Kids [page, itself].
pub fn parent_self() -> Vec<u8> {
    let mut d = OnePage::new(HELVETICA);
    d.w.set(
        d.pages,
        format!(
            "<< /Type /Pages /Kids [{} 0 R {} 0 R] /Count 2 >>",
            d.page, d.pages
        ),
    );
    let c = d.w.add_stream("", resume_text_ops().as_bytes());
    d.page("", &format!("{c} 0 R"));
    d.finish()
}

/// The page's font has a ToUnicode CMap with a 3-byte code space and one
/// `beginbfrange <000000> <FFFFFF> <0041> endbfrange`: 16.7 million codes
/// in 200 bytes. A reader that expands ranges into a map builds 16.7
/// million entries (a gigabyte and seconds).
pub fn bfrange_16m() -> Vec<u8> {
    let cmap = b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
/CMapName /Hostile-16M def\n/CMapType 2 def\n\
1 begincodespacerange\n<000000> <FFFFFF>\nendcodespacerange\n\
1 beginbfrange\n<000000> <FFFFFF> <0041>\nendbfrange\n\
endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    page_with_to_unicode(cmap)
}

/// A normal readable page whose only content stream is /ASCIIHexDecode
/// (the resume text in hex). Not hostile, but lopdf cannot decode that
/// filter: a reader that gets no text calls the page a scan.
pub fn asciihex_content() -> Vec<u8> {
    let mut d = OnePage::new(HELVETICA);
    let c = d.w.add_stream(
        "/Filter /ASCIIHexDecode",
        &ascii_hex(resume_text_ops().as_bytes()),
    );
    d.page("", &format!("{c} 0 R"));
    d.finish()
}

/// Small readable pages whose content goes through each filter other than
/// Flate, alone and chained: seeds for the fuzz targets.
pub fn filter_seeds() -> Vec<(&'static str, Vec<u8>)> {
    let ops = resume_text_ops().into_bytes();
    let run_length: Vec<u8> = ops
        .chunks(128)
        .flat_map(|c| std::iter::once(c.len() as u8 - 1).chain(c.iter().copied()))
        .chain([128])
        .collect();
    let cases: [(&'static str, &str, Vec<u8>); 4] = [
        ("seed_lzw.pdf", "/Filter /LZWDecode", lzw(&ops)),
        (
            "seed_a85_flate.pdf",
            "/Filter [/ASCII85Decode /FlateDecode]",
            ascii85(&zlib(&ops)),
        ),
        ("seed_runlength.pdf", "/Filter /RunLengthDecode", run_length),
        (
            "seed_hex_lzw.pdf",
            "/Filter [/ASCIIHexDecode /LZWDecode]",
            ascii_hex(&lzw(&ops)),
        ),
    ];
    cases
        .into_iter()
        .map(|(name, filter, data)| {
            let mut d = OnePage::new(HELVETICA);
            let c = d.w.add_stream(filter, &data);
            d.page("", &format!("{c} 0 R"));
            (name, d.finish())
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Zip, DOCX and CFB writers
// ---------------------------------------------------------------------------

/// One file in a zip archive, already compressed.
pub struct ZipEntry {
    pub name: String,
    /// 0 stored, 8 deflate.
    pub method: u16,
    pub data: Vec<u8>,
    pub crc: u32,
    pub size: u64,
}

impl ZipEntry {
    /// `bytes` deflated.
    pub fn deflated(name: &str, bytes: &[u8]) -> ZipEntry {
        ZipEntry {
            name: name.into(),
            method: 8,
            data: deflate(bytes),
            crc: crc32_update(0, bytes),
            size: bytes.len() as u64,
        }
    }
}

/// A zip archive of `entries` (no zip64: every size under 4 GB).
pub fn zip_archive(entries: &[ZipEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let le16 = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
    let le32 = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());
    const DOS_DATE: u16 = (44 << 9) | (1 << 5) | 1; // 2024-01-01
    for e in entries {
        let offset = out.len() as u32;
        le32(&mut out, 0x0403_4b50);
        le16(&mut out, 20);
        le16(&mut out, 0);
        le16(&mut out, e.method);
        le16(&mut out, 0);
        le16(&mut out, DOS_DATE);
        le32(&mut out, e.crc);
        le32(&mut out, e.data.len() as u32);
        le32(&mut out, e.size as u32);
        le16(&mut out, e.name.len() as u16);
        le16(&mut out, 0);
        out.extend_from_slice(e.name.as_bytes());
        out.extend_from_slice(&e.data);

        le32(&mut central, 0x0201_4b50);
        le16(&mut central, 20);
        le16(&mut central, 20);
        le16(&mut central, 0);
        le16(&mut central, e.method);
        le16(&mut central, 0);
        le16(&mut central, DOS_DATE);
        le32(&mut central, e.crc);
        le32(&mut central, e.data.len() as u32);
        le32(&mut central, e.size as u32);
        le16(&mut central, e.name.len() as u16);
        le16(&mut central, 0);
        le16(&mut central, 0);
        le16(&mut central, 0);
        le16(&mut central, 0);
        le32(&mut central, 0);
        le32(&mut central, offset);
        central.extend_from_slice(e.name.as_bytes());
    }
    let central_at = out.len() as u32;
    out.extend_from_slice(&central);
    le32(&mut out, 0x0605_4b50);
    le16(&mut out, 0);
    le16(&mut out, 0);
    le16(&mut out, entries.len() as u16);
    le16(&mut out, entries.len() as u16);
    le32(&mut out, central.len() as u32);
    le32(&mut out, central_at);
    le16(&mut out, 0);
    out
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>"#;

const DOCUMENT_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#;

const DOCUMENT_TAIL: &str = "<w:sectPr/></w:body></w:document>";

/// [`RESUME_LINES`] as WordprocessingML paragraphs.
pub fn resume_paragraphs() -> String {
    RESUME_LINES
        .iter()
        .map(|l| format!("<w:p><w:r><w:t xml:space=\"preserve\">{l}</w:t></w:r></w:p>"))
        .collect()
}

/// A minimal DOCX: [Content_Types].xml, _rels/.rels, word/document.xml
/// (`document`, as given) and, if `rels`, word/_rels/document.xml.rels.
pub fn docx_with(document: ZipEntry, rels: bool) -> Vec<u8> {
    let mut entries = vec![
        ZipEntry::deflated("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ZipEntry::deflated("_rels/.rels", PACKAGE_RELS.as_bytes()),
        document,
    ];
    if rels {
        entries.push(ZipEntry::deflated(
            "word/_rels/document.xml.rels",
            DOCUMENT_RELS.as_bytes(),
        ));
    }
    zip_archive(&entries)
}

/// A DOCX whose body is `body` (WordprocessingML inside <w:body>).
fn docx_body(body: &str) -> Vec<u8> {
    let xml = format!("{DOCUMENT_HEAD}{body}{DOCUMENT_TAIL}");
    docx_with(
        ZipEntry::deflated("word/document.xml", xml.as_bytes()),
        true,
    )
}

/// Control: a normal minimal DOCX with the resume lines.
pub fn normal_docx() -> Vec<u8> {
    docx_body(&resume_paragraphs())
}

/// Tables nested 5,000 deep (`<w:tbl><w:tr><w:tc>` repeated: 15,000
/// elements deep) where each opening tag carries `w:x="/>"`. A byte scan
/// that takes the first `>` as the end of the tag sees `/>` and counts
/// every opening as self-closing, so the depth limit reads ~0 while the
/// real XML reader (docx-rs, recursive per table) overflows its stack.
pub fn docx_nested_attr() -> Vec<u8> {
    const DEPTH: usize = 5_000;
    let mut body = resume_paragraphs();
    body.push_str(&r#"<w:tbl w:x="/>"><w:tr w:x="/>"><w:tc w:x="/>">"#.repeat(DEPTH));
    body.push_str("<w:p><w:r><w:t>deep</w:t></w:r></w:p>");
    body.push_str(&"</w:tc></w:tr></w:tbl>".repeat(DEPTH));
    body.push_str("<w:p/>");
    docx_body(&body)
}

/// Tables nested 5,000 deep where each cell opens with a CDATA section
/// holding four `</x>`: a byte scan that skips `<!...` only up to the first
/// `>` then counts three of the `</x>` inside the CDATA as closing tags,
/// cancelling the three openings, so the depth limit reads ~3.
pub fn docx_nested_cdata() -> Vec<u8> {
    const DEPTH: usize = 5_000;
    let mut body = resume_paragraphs();
    body.push_str(&"<w:tbl><w:tr><w:tc><![CDATA[</x></x></x></x>]]>".repeat(DEPTH));
    body.push_str("<w:p><w:r><w:t>deep</w:t></w:r></w:p>");
    body.push_str(&"</w:tc></w:tr></w:tbl>".repeat(DEPTH));
    body.push_str("<w:p/>");
    docx_body(&body)
}

/// A DOCX (about 60 KB) whose document.xml holds 10 million empty `<w:p/>`
/// paragraphs: 60 MB, just under the 64 MB unpacked limit, compressed
/// about 1,000:1. Each becomes a Paragraph struct in docx-rs: gigabytes.
pub fn docx_empty_paras() -> Vec<u8> {
    let prefix = format!("{DOCUMENT_HEAD}{}", resume_paragraphs());
    let bomb = deflate_repeated(
        prefix.as_bytes(),
        b"<w:p/>",
        60_000_000 + prefix.len() as u64,
        DOCUMENT_TAIL.as_bytes(),
    );
    // The CRC is of the bytes as inflated: recompute it the same way they
    // were laid out (prefix, patterns, tail).
    let paras = (bomb.inflated_len as usize - prefix.len() - DOCUMENT_TAIL.len()) / 6;
    let mut crc = crc32_update(0, prefix.as_bytes());
    let block = b"<w:p/>".repeat(10_000);
    for _ in 0..paras / 10_000 {
        crc = crc32_update(crc, &block);
    }
    crc = crc32_update(crc, &b"<w:p/>".repeat(paras % 10_000));
    crc = crc32_update(crc, DOCUMENT_TAIL.as_bytes());
    let document = ZipEntry {
        name: "word/document.xml".into(),
        method: 8,
        data: bomb.deflate,
        crc,
        size: bomb.inflated_len,
    };
    docx_with(document, true)
}

/// A normal small DOCX whose word/document.xml is UTF-16LE with a BOM and
/// `encoding="UTF-16"` (legal XML, and what some exporters write). A reader
/// that assumes UTF-8 reads no text, or a depth scan of bytes sees NULs.
pub fn utf16_document() -> Vec<u8> {
    let xml = format!(
        "{}{}{DOCUMENT_TAIL}",
        DOCUMENT_HEAD.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\""),
        "<w:p><w:r><w:t>Jordan Lee Software Engineer Python</w:t></w:r></w:p>".to_string()
            + &resume_paragraphs()
    );
    let mut bytes = vec![0xFF, 0xFE];
    for unit in xml.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    docx_with(ZipEntry::deflated("word/document.xml", &bytes), true)
}

/// A normal DOCX missing word/_rels/document.xml.rels (Word opens it; a
/// reader that requires the part fails on a perfectly readable file).
pub fn no_rels() -> Vec<u8> {
    let xml = format!("{DOCUMENT_HEAD}{}{DOCUMENT_TAIL}", resume_paragraphs());
    docx_with(
        ZipEntry::deflated("word/document.xml", xml.as_bytes()),
        false,
    )
}

/// An OLE2 compound file (CFB v3, 512-byte sectors) holding `streams` as
/// (name, bytes). Each stream is padded to at least 4,096 bytes so none
/// goes in the mini stream; layout: header, FAT (sector 0), directory
/// (sector 1), then the streams in order.
pub fn cfb(streams: &[(&str, Vec<u8>)]) -> Vec<u8> {
    const SECTOR: usize = 512;
    const FREE: u32 = 0xFFFF_FFFF;
    const END: u32 = 0xFFFF_FFFE;
    const FATSECT: u32 = 0xFFFF_FFFD;
    const NOSTREAM: u32 = 0xFFFF_FFFF;
    assert!(streams.len() <= 3, "one directory sector holds 4 entries");
    let padded: Vec<Vec<u8>> = streams
        .iter()
        .map(|(_, data)| {
            let mut d = data.clone();
            let len = d.len().max(4096).div_ceil(SECTOR) * SECTOR;
            d.resize(len, 0);
            d
        })
        .collect();
    // FAT: sector 0 is the FAT, 1 the directory, then each stream's chain.
    let mut fat = vec![FATSECT, END];
    let mut starts = Vec::new();
    for d in &padded {
        let start = fat.len() as u32;
        starts.push(start);
        let n = d.len() / SECTOR;
        for i in 0..n {
            fat.push(if i + 1 == n {
                END
            } else {
                start + i as u32 + 1
            });
        }
    }
    assert!(fat.len() <= SECTOR / 4, "one FAT sector");
    fat.resize(SECTOR / 4, FREE);

    let le16 = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
    let le32 = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());

    let mut header = Vec::with_capacity(SECTOR);
    header.extend_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    header.extend_from_slice(&[0; 16]); // CLSID
    le16(&mut header, 0x003E); // minor version
    le16(&mut header, 0x0003); // major version 3
    le16(&mut header, 0xFFFE); // byte order
    le16(&mut header, 9); // sector shift: 512
    le16(&mut header, 6); // mini sector shift: 64
    header.extend_from_slice(&[0; 6]);
    le32(&mut header, 0); // directory sectors (0 in v3)
    le32(&mut header, 1); // FAT sectors
    le32(&mut header, 1); // first directory sector
    le32(&mut header, 0); // transaction signature
    le32(&mut header, 4096); // mini stream cutoff
    le32(&mut header, END); // first mini FAT sector
    le32(&mut header, 0); // mini FAT sectors
    le32(&mut header, END); // first DIFAT sector
    le32(&mut header, 0); // DIFAT sectors
    le32(&mut header, 0); // DIFAT[0]: the FAT is sector 0
    for _ in 1..109 {
        le32(&mut header, FREE);
    }
    assert_eq!(header.len(), SECTOR);

    // Directory: root, then the streams. Siblings are a red-black tree
    // ordered by name length, then upper-cased name; a chain of black
    // right siblings in that order is a valid (if unbalanced) one.
    let mut order: Vec<usize> = (0..streams.len()).collect();
    order.sort_by_key(|&i| {
        let name = streams[i].0;
        (name.encode_utf16().count(), name.to_uppercase())
    });
    let entry = |name: &str, kind: u8, left: u32, right: u32, child: u32, start: u32, size: u64| {
        let mut e = Vec::with_capacity(128);
        let units: Vec<u16> = name.encode_utf16().collect();
        for u in &units {
            e.extend_from_slice(&u.to_le_bytes());
        }
        e.resize(64, 0);
        let name_len = if name.is_empty() {
            0
        } else {
            (units.len() as u16 + 1) * 2
        };
        e.extend_from_slice(&name_len.to_le_bytes());
        e.push(kind);
        e.push(1); // black
        e.extend_from_slice(&left.to_le_bytes());
        e.extend_from_slice(&right.to_le_bytes());
        e.extend_from_slice(&child.to_le_bytes());
        e.extend_from_slice(&[0; 16]); // CLSID
        e.extend_from_slice(&[0; 4]); // state bits
        e.extend_from_slice(&[0; 16]); // creation, modification times
        e.extend_from_slice(&start.to_le_bytes());
        e.extend_from_slice(&size.to_le_bytes());
        assert_eq!(e.len(), 128);
        e
    };
    let mut directory = Vec::with_capacity(SECTOR);
    let first_child = order.first().map_or(NOSTREAM, |&i| i as u32 + 1);
    directory.extend(entry(
        "Root Entry",
        5,
        NOSTREAM,
        NOSTREAM,
        first_child,
        END,
        0,
    ));
    for (i, (name, data)) in streams.iter().enumerate() {
        let pos = order.iter().position(|&o| o == i).unwrap();
        let right = order.get(pos + 1).map_or(NOSTREAM, |&o| o as u32 + 1);
        directory.extend(entry(
            name,
            2,
            NOSTREAM,
            right,
            NOSTREAM,
            starts[i],
            data.len().max(4096) as u64,
        ));
    }
    while directory.len() < SECTOR {
        directory.extend(entry("", 0, NOSTREAM, NOSTREAM, NOSTREAM, 0, 0));
    }

    let mut out = header;
    for x in fat {
        le32(&mut out, x);
    }
    out.extend(directory);
    for d in padded {
        out.extend(d);
    }
    out
}

/// What Word writes for a password-protected .docx: not a zip but an OLE2
/// compound file (D0 CF 11 E0 ...) holding "EncryptionInfo" (agile
/// encryption, version 4.4, its XML descriptor) and "EncryptedPackage"
/// (the size of the zip, then ciphertext). Magic-byte detection takes it
/// for a legacy .doc and gives the wrong advice.
pub fn encrypted() -> Vec<u8> {
    let mut info = Vec::new();
    info.extend_from_slice(&4u16.to_le_bytes());
    info.extend_from_slice(&4u16.to_le_bytes());
    info.extend_from_slice(&0x40u32.to_le_bytes());
    info.extend_from_slice(
        br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/><dataIntegrity encryptedHmacKey="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" encryptedHmacValue="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="/><keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA==" encryptedVerifierHashInput="AAAAAAAAAAAAAAAAAAAAAA==" encryptedVerifierHashValue="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" encryptedKeyValue="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="/></keyEncryptor></keyEncryptors></encryption>"#,
    );
    let plain_size: u64 = 8_000;
    let mut package = plain_size.to_le_bytes().to_vec();
    package.extend((0..8_192u32).map(|i| (i.wrapping_mul(2_246_822_519) >> 23) as u8));
    cfb(&[("EncryptionInfo", info), ("EncryptedPackage", package)])
}

// ---------------------------------------------------------------------------
// Text cases
// ---------------------------------------------------------------------------

/// Only spaces, tabs and newlines (4 KB): no text at all.
pub fn whitespace() -> Vec<u8> {
    let unit = b"    \t  \n\t\t \n\n   \t\r\n";
    unit.repeat(4096 / unit.len() + 1)
}

/// A plain-text resume whose first KB says "%PDF-1.7" in the middle of a
/// line. A detector that looks for `%PDF-` anywhere in the first 1,024
/// bytes (as PDF readers tolerate junk before the header) reads it as a
/// broken PDF.
pub fn pdf_magic_in_text() -> Vec<u8> {
    "Jordan Lee\nSoftware Engineer\njordan.lee@example.com | (555) 010-2040 | Seattle, WA\n\n\
SUMMARY\nBackend engineer with 8 years of Python, Go and Kubernetes.\n\n\
EXPERIENCE\nSenior Software Engineer, Docu Corp (2019 - present)\n\
- Wrote a parser for %PDF-1.7 files that handled 2M documents a day\n\
- Built REST APIs in Go serving 40k requests per second at 25 ms p99\n\
- Cut PostgreSQL query time by 60% with new indexes and partitioning\n\n\
SKILLS\nPython, Go, Java, Kubernetes, Docker, AWS, PostgreSQL, Redis, Kafka\n\n\
EDUCATION\nBS in Computer Science, University of Washington, 2016\n"
        .as_bytes()
        .to_vec()
}

/// A deterministic pseudo-random sequence (an LCG), for varied text.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

const SKILLS: &[&str] = &[
    "Python",
    "Kubernetes",
    "AWS",
    "PostgreSQL",
    "Go",
    "Java",
    "REST APIs",
    "Docker",
    "Redis",
    "Kafka",
    "gRPC",
    "GraphQL",
    "Terraform",
    "MySQL",
    "MongoDB",
    "microservices",
    "system design",
    "OAuth",
    "JWT",
    "Node.js",
    "RabbitMQ",
    "CI/CD",
    "Linux",
    "Swift",
];

const VERBS: &[&str] = &[
    "Built",
    "Designed",
    "Led",
    "Migrated",
    "Scaled",
    "Optimized",
    "Automated",
    "Shipped",
    "Rewrote",
    "Owned",
];

const THINGS: &[&str] = &[
    "a payments service",
    "the search backend",
    "an event pipeline",
    "the billing platform",
    "a feature-flag system",
    "the public API gateway",
    "an internal data warehouse",
    "the notification service",
    "a rate limiter",
    "the identity service",
];

const RESULTS: &[&str] = &[
    "cutting p99 latency from 180 ms to 25 ms",
    "serving 40k requests per second",
    "saving $1.2M a year in AWS spend",
    "for 30M monthly users",
    "raising uptime to 99.99%",
    "reducing on-call pages by 70%",
    "processing 4 TB of data a day",
    "shortening deploys from 2 hours to 9 minutes",
];

const COMPANIES: &[&str] = &[
    "Northwind Systems",
    "Contoso Cloud",
    "Fabrikam Data",
    "Globex Payments",
    "Initech Labs",
    "Umbrella Analytics",
    "Stark Logistics",
    "Wayne Media",
];

/// A realistic resume of about `target` bytes: a header, summary and
/// skills, then job after job of varied bullets full of keywords.
pub fn resume_text(target: usize) -> Vec<u8> {
    let mut rng = Lcg(0x5eed);
    let mut out = String::with_capacity(target + 1024);
    out.push_str(
        "Jordan Lee\nSoftware Engineer\njordan.lee@example.com | (555) 010-2040 | \
         linkedin.com/in/jordanlee | Seattle, WA\n\nSUMMARY\n\
         Backend engineer with 12 years building distributed systems in Python, Go and Java \
         on Kubernetes and AWS, with deep PostgreSQL and REST API design experience.\n\n\
         SKILLS\n",
    );
    out.push_str(&SKILLS.join(", "));
    out.push_str("\n\nEXPERIENCE\n");
    let mut year = 2025;
    while out.len() < target {
        let title = rng.pick(&[
            "Senior Software Engineer",
            "Staff Engineer",
            "Backend Engineer",
            "Software Engineer II",
            "Platform Engineer",
        ]);
        let company = rng.pick(COMPANIES);
        out.push_str(&format!("\n{title}, {company} ({} - {year})\n", year - 2));
        year -= 1;
        for _ in 0..6 + rng.next() % 5 {
            let line = format!(
                "- {} {} in {} and {} on {}, {}\n",
                rng.pick(VERBS),
                rng.pick(THINGS),
                rng.pick(SKILLS),
                rng.pick(SKILLS),
                rng.pick(SKILLS),
                rng.pick(RESULTS)
            );
            out.push_str(&line);
        }
    }
    out.push_str("\nEDUCATION\nBS in Computer Science, University of Washington\n");
    out.into_bytes()
}

/// A 1.4 MB realistic plain-text resume: many keyword hits, many lines,
/// each matcher and check run over all of it.
pub fn big_text() -> Vec<u8> {
    resume_text(1_400_000)
}

/// The same at 8 MB (under the 20 MB input limit).
pub fn big_text_8mb() -> Vec<u8> {
    resume_text(8_000_000)
}

/// A 1 MB job posting (`--jd`; just under its 1,000,000-byte limit):
/// repeated, varied requirement lines, so every skill is found thousands
/// of times.
pub fn big_posting() -> Vec<u8> {
    const MAX_POSTING: usize = 1_000_000;
    let mut rng = Lcg(0x10b);
    let mut out = String::from(
        "Senior Backend Engineer\nContoso Cloud, Seattle, WA (hybrid)\n\n\
         About the role\nYou will design and run the services behind our payments platform.\n\n\
         Requirements\n",
    );
    let templates: &[&str] = &[
        "{n}+ years of experience with {a} and {b}",
        "BS in Computer Science or equivalent experience",
        "Strong knowledge of {a}, {b} and {c}",
        "Experience designing REST APIs and microservices at scale",
        "Hands-on experience running {a} in production on {b}",
        "Familiarity with {a} is a plus",
        "Excellent communication skills and attention to detail",
        "Proven track record of system design for high-traffic services",
        "Deep understanding of {a} internals and performance tuning",
        "Experience with message queues such as {a} or {b}",
    ];
    loop {
        let t = templates[rng.next() % templates.len()];
        let line = t
            .replace("{n}", &(2 + rng.next() % 9).to_string())
            .replace("{a}", rng.pick(SKILLS))
            .replace("{b}", rng.pick(SKILLS))
            .replace("{c}", rng.pick(SKILLS));
        if out.len() + line.len() + 3 > MAX_POSTING {
            break;
        }
        out.push_str("- ");
        out.push_str(&line);
        out.push('\n');
    }
    out.into_bytes()
}

/// A resume with terminal escape sequences (clear screen, an OSC 8
/// hyperlink to http://evil, red color), a right-to-left override (U+202E)
/// and Markdown that would load a tracking image or show a link if a
/// report echoes the text unescaped into a terminal, HTML or Markdown.
pub fn escape_in_text() -> Vec<u8> {
    "Jordan Lee\x1b[2J\nSoftware Engineer\n\
jordan.lee@example.com | (555) 010-2040 | Seattle, WA\n\n\
SUMMARY\nBackend engineer with 8 years of Python, Go and Kubernetes. \
\x1b]8;;http://evil\x07link\x1b]8;;\x07 \x1b[31mred text\x1b[0m\n\n\
EXPERIENCE\nSenior Software Engineer, Northwind Systems (2019 - present)\n\
- Built REST APIs in Go serving 40k requests per second \u{202E}fdp.exe\u{202C}\n\
- Ran Kafka ![](https://tracker.example/t.png) and Redis for PostgreSQL change feeds\n\
- Wrote docs, see [click](https://evil.example)\n\n\
SKILLS\nPython, Go, Java, Kubernetes, Docker, AWS, PostgreSQL, Redis, Kafka\n\n\
EDUCATION\nBS in Computer Science, University of Washington\n"
        .as_bytes()
        .to_vec()
}

// ---------------------------------------------------------------------------
// Profiles
// ---------------------------------------------------------------------------

/// A profile's YAML around `groups` (already indented YAML for the
/// `groups:` list).
fn profile_yaml(id: &str, name: &str, groups: &str) -> Vec<u8> {
    format!(
        "id: {id}\nname: {name}\nsources:\n  - \"generated by tests/cli/hostile_inputs.rs\"\n\
scoring:\n  keywords: 75\n  rules: 25\n\
groups:\n{groups}\
rules:\n  - id: quantified\n    category: tip\n    severity: warning\n    \
message: Too few numbers\n    fix: Add numbers\n    check:\n      quantified:\n        min: 3\n"
    )
    .into_bytes()
}

/// A valid profile whose one keyword term is a single 50 KB word (`k`
/// repeated 50,000 times). Work that is quadratic in a term's length (or
/// in a run of one repeated letter) takes minutes on it; the report also
/// echoes the whole term.
pub fn long_term_profile() -> Vec<u8> {
    let term = "k".repeat(50_000);
    let groups = format!(
        "  - id: long\n    name: Long\n    weight: 10\n    terms:\n      - term: \"{term}\"\n  \
         - id: python\n    name: Python\n    weight: 1\n    terms:\n      - term: Python\n"
    );
    profile_yaml("hostile/long-term", "Hostile — one 50 KB term", &groups)
}

/// Like [`long_term_profile`] but the 50 KB term is a phrase of thousands
/// of real skill words: it puts the whole phrase into every report.
pub fn long_phrase_profile() -> Vec<u8> {
    let mut rng = Lcg(50);
    let mut term = String::new();
    while term.len() < 50_000 {
        if !term.is_empty() {
            term.push(' ');
        }
        term.push_str(&rng.pick(SKILLS).to_lowercase().replace(['/', '.'], ""));
    }
    let groups = format!(
        "  - id: long\n    name: Long\n    weight: 10\n    terms:\n      - term: \"{term}\"\n  \
         - id: python\n    name: Python\n    weight: 1\n    terms:\n      - term: Python\n"
    );
    profile_yaml("hostile/long-phrase", "Hostile — one 50 KB phrase", &groups)
}

/// A valid profile (about 830 KB, under the 1 MiB profile limit) with
/// 38,000 distinct keyword terms in 38 groups: made-up words, and the real
/// skills first. The matcher's automaton, the per-term work and the report
/// all grow with it.
pub fn many_terms_profile() -> Vec<u8> {
    const TERMS: usize = 38_000;
    const GROUPS: usize = 38;
    let consonants = b"bcdfghjklmnprstvwz";
    let vowels = b"aeiou";
    // Syllables "ba", "be", ...: three of them make 729,000 distinct words.
    let syllables: Vec<String> = consonants
        .iter()
        .flat_map(|&c| {
            vowels
                .iter()
                .map(move |&v| String::from_utf8(vec![c, v]).unwrap())
        })
        .collect();
    let mut terms: Vec<String> = SKILLS.iter().map(|s| format!("\"{s}\"")).collect();
    let n = syllables.len();
    let mut i = 0usize;
    while terms.len() < TERMS {
        let (a, b, c) = (i % n, (i / n) % n, (i / n / n) % n);
        terms.push(format!("{}{}{}", syllables[a], syllables[b], syllables[c]));
        i += 7; // a spread of words, not all starting alike
    }
    let mut groups = String::with_capacity(TERMS * 22);
    for (g, chunk) in terms.chunks(TERMS / GROUPS).enumerate() {
        groups.push_str(&format!(
            "  - id: g{g}\n    name: Group {g}\n    weight: 1\n    terms:\n"
        ));
        for t in chunk {
            groups.push_str("      - term: ");
            groups.push_str(t);
            groups.push('\n');
        }
    }
    profile_yaml("hostile/many-terms", "Hostile — 38,000 terms", &groups)
}
