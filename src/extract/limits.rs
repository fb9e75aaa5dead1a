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
            let (depth, elements) = xml_shape(&xml);
            if elements > MAX_XML_ELEMENTS {
                return Err(over(
                    path,
                    format!("{name} has {elements} elements, more than {MAX_XML_ELEMENTS}"),
                    "real documents have a few thousand",
                ));
            }
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

/// Deepest element nesting in an XML document, and how many elements it
/// has, by a byte scan: `<name` opens (unless its tag ends in `/>`),
/// `</name` closes. Quoted attribute values, comments, CDATA sections,
/// declarations and processing instructions may hold `<`, `>` or `/>`
/// without counting: a depth check that read `w:x="/>"` as an empty
/// element could be walked past.
fn xml_shape(xml: &[u8]) -> (usize, usize) {
    let (mut depth, mut deepest, mut elements) = (0usize, 0usize, 0usize);
    let find = |from: usize, what: &[u8]| {
        xml.get(from..)
            .and_then(|rest| rest.windows(what.len()).position(|w| w == what))
            .map_or(xml.len(), |p| from + p + what.len())
    };
    let mut i = 0;
    while let Some(off) = xml.get(i..).and_then(|r| r.iter().position(|&b| b == b'<')) {
        let start = i + off + 1;
        let rest = &xml[start..];
        if rest.starts_with(b"!--") {
            i = find(start + 3, b"-->");
            continue;
        }
        if rest.starts_with(b"![CDATA[") {
            i = find(start + 8, b"]]>");
            continue;
        }
        if rest.starts_with(b"?") {
            i = find(start + 1, b"?>");
            continue;
        }
        // A tag: walk to its `>` outside quotes.
        let mut j = start;
        let mut quote: Option<u8> = None;
        while let Some(&c) = xml.get(j) {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, b'"' | b'\'') => quote = Some(c),
                (None, b'>') => break,
                _ => {}
            }
            j += 1;
        }
        match xml.get(start) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(b'!') => {}
            Some(_) if j > start && xml.get(j - 1) == Some(&b'/') => elements += 1,
            Some(_) => {
                elements += 1;
                depth += 1;
                deepest = deepest.max(depth);
            }
            None => {}
        }
        i = j + 1;
    }
    (deepest, elements)
}

/// Most elements in one DOCX part: a long resume has a few thousand, and
/// each costs the reader a few hundred bytes (ten million empty paragraphs
/// in an 89 KB file once took 2.4 GB).
pub const MAX_XML_ELEMENTS: usize = 500_000;

/// A PDF must not have more pages than a resume could, and its streams
/// must decode to a bounded total, counted through every filter the reader
/// follows ([`super::filters`]), images included, and a content stream as
/// many times as pages list it. Streams the reader cannot decode on its own
/// (ASCIIHex, RunLength) come back decoded, to be put in its place.
pub(super) fn check_pdf(
    path: &str,
    doc: &pdf_extract::Document,
    pages: &std::collections::BTreeMap<u32, pdf_extract::ObjectId>,
    limits: &Limits,
) -> Result<Vec<(pdf_extract::ObjectId, Vec<u8>)>> {
    use super::filters;
    if pages.len() > limits.max_pages {
        return Err(over(
            path,
            format!(
                "the PDF has {} pages, more than {}",
                pages.len(),
                limits.max_pages
            ),
            "--max-pages",
        ));
    }
    let too_much = || {
        over(
            path,
            format!(
                "the PDF's streams decode to more than {} MB",
                limits.max_unpacked / MB
            ),
            "--max-unpacked",
        )
    };
    // How many times pages draw each content stream, past the first.
    let mut repeats: std::collections::HashMap<pdf_extract::ObjectId, u64> =
        std::collections::HashMap::new();
    for &page in pages.values() {
        for id in doc.get_page_contents(page) {
            *repeats.entry(id).or_insert(0) += 1;
        }
    }
    let mut total: u64 = 0;
    let mut rewrites = Vec::new();
    // Operators all pages draw, and the most a content stream's bytes
    // could hold, counted only when that bound is over the budget.
    let mut drawn: u64 = 0;
    let mut bound: u64 = 0;
    let mut uncounted = Vec::new();
    for (id, object) in &doc.objects {
        let Ok(stream) = object.as_stream() else {
            continue;
        };
        let budget = limits.max_unpacked.saturating_sub(total);
        let Some(chain) = filters::chain(&stream.dict) else {
            total += stream.content.len() as u64;
            continue;
        };
        let early = filters::early_change(&stream.dict);
        let rewrite = filters::needs_rewrite(&chain);
        // Measured as it streams by unless kept (rewritten for the reader).
        let (length, decoded) = if rewrite {
            let decoded =
                filters::decode(&chain, &stream.content, early, budget).map_err(|_| too_much())?;
            (decoded.len() as u64, Some(decoded))
        } else {
            let n = filters::decoded_len(&chain, &stream.content, early, budget)
                .map_err(|_| too_much())?;
            (n, None)
        };
        let times = repeats.get(id).copied().unwrap_or(1).max(1);
        // An operator takes two bytes at least, so only a content stream
        // that long can hold too many; only then is it decoded and counted.
        if repeats.contains_key(id) {
            if length >= 2 * MAX_PAGE_OPERATORS as u64 {
                let ops = match &decoded {
                    Some(d) => operator_count(d),
                    None => stream_operators(stream, budget).ok_or_else(too_much)?,
                };
                if ops > MAX_PAGE_OPERATORS {
                    return Err(over(
                        path,
                        format!("a page draws {ops} operators, more than {MAX_PAGE_OPERATORS}"),
                        "a dense resume page draws a few thousand",
                    ));
                }
                drawn = drawn.saturating_add((ops as u64).saturating_mul(times));
            } else {
                bound = bound.saturating_add((length / 2).saturating_mul(times));
                uncounted.push((*id, times));
            }
        }
        total = total.saturating_add(length.saturating_mul(times));
        if total > limits.max_unpacked {
            return Err(too_much());
        }
        if let Some(decoded) = decoded {
            rewrites.push((*id, decoded));
        }
    }
    if drawn.saturating_add(bound) > MAX_DOCUMENT_OPERATORS {
        for (id, times) in uncounted {
            let Some(Ok(stream)) = doc.objects.get(&id).map(|o| o.as_stream()) else {
                continue;
            };
            let ops = stream_operators(stream, limits.max_unpacked).ok_or_else(too_much)?;
            drawn = drawn.saturating_add((ops as u64).saturating_mul(times));
        }
        if drawn > MAX_DOCUMENT_OPERATORS {
            return Err(over(
                path,
                format!("its pages draw {drawn} operators, more than {MAX_DOCUMENT_OPERATORS}"),
                "a dense resume page draws a few thousand",
            ));
        }
    }
    Ok(rewrites)
}

/// Most operators in one content stream. The reader holds a page's
/// operators all at once, at about 600 bytes each (room for four operands
/// is reserved for each), so a million took 600 MB; a dense real page
/// draws under 20,000 (the densest fixture, XeLaTeX's moderncv, 18,500).
pub const MAX_PAGE_OPERATORS: usize = 250_000;

/// Most operators all pages draw together, a page drawn twice counted
/// twice: each page's text is kept until the document is assembled, so
/// ten pages at the page limit still took a gigabyte. Fifty dense pages
/// draw under a million.
pub const MAX_DOCUMENT_OPERATORS: u64 = 2_000_000;

/// Operators in a stream, decoded through its filters within `budget`
/// bytes; `None` past the budget or for data that does not decode.
fn stream_operators(stream: &pdf_extract::Stream, budget: u64) -> Option<usize> {
    use super::filters;
    match filters::chain(&stream.dict) {
        None => Some(operator_count(&stream.content)),
        Some(chain) => {
            let early = filters::early_change(&stream.dict);
            filters::decode(&chain, &stream.content, early, budget)
                .ok()
                .map(|d| operator_count(&d))
        }
    }
}

/// Operators in a content stream, by a byte scan: runs of letters (and the
/// quote operators) outside strings, hex strings and comments.
fn operator_count(content: &[u8]) -> usize {
    let (mut count, mut i) = (0usize, 0usize);
    let mut in_word = false;
    while let Some(&c) = content.get(i) {
        match c {
            b'(' => {
                // A string, with nesting and escapes.
                let mut depth = 0usize;
                while let Some(&b) = content.get(i) {
                    match b {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                in_word = false;
            }
            b'<' if content.get(i + 1) != Some(&b'<') => {
                i += content[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .unwrap_or(content.len() - i);
                in_word = false;
            }
            b'%' => {
                i += content[i..]
                    .iter()
                    .position(|&b| b == b'\n' || b == b'\r')
                    .unwrap_or(content.len() - i);
                in_word = false;
            }
            b'/' => {
                // A name: its letters are not an operator.
                i += 1;
                while content.get(i).is_some_and(|b| b.is_ascii_alphanumeric()) {
                    i += 1;
                }
                in_word = false;
                continue;
            }
            c if c.is_ascii_alphabetic() || c == b'\'' || c == b'"' || c == b'*' => {
                if !in_word {
                    count += 1;
                    in_word = true;
                }
            }
            _ => in_word = false,
        }
        i += 1;
    }
    count
}

/// Object streams are unpacked by the reader as it loads the file, before
/// any check on the loaded document can run, so they are measured first,
/// from the raw bytes: each `/ObjStm` stream's data decoded through the
/// filters its dictionary names, capped at the unpacked-size limit.
pub(super) fn check_object_streams(path: &str, bytes: &[u8], limits: &Limits) -> Result<()> {
    let find =
        |from: usize, what: &[u8]| memchr::memmem::find(bytes.get(from..)?, what).map(|p| from + p);
    let mut total: u64 = 0;
    let mut at = 0;
    while let Some(marker) = find(at, b"/ObjStm") {
        at = marker + 7;
        let Some(keyword) = find(at, b"stream") else {
            break;
        };
        // The dictionary around the marker names the filters, in order.
        let dict = &bytes[marker.saturating_sub(512)..keyword];
        let dict = match dict.windows(3).rposition(|w| w == b"obj") {
            Some(p) => &dict[p..],
            None => dict,
        };
        let mut named: Vec<(usize, Vec<u8>)> = Vec::new();
        for f in [
            "FlateDecode",
            "LZWDecode",
            "ASCII85Decode",
            "ASCIIHexDecode",
            "RunLengthDecode",
        ] {
            let mut from = 0;
            while let Some(p) = dict[from..]
                .windows(f.len() + 1)
                .position(|w| w[0] == b'/' && &w[1..] == f.as_bytes())
            {
                named.push((from + p, f.as_bytes().to_vec()));
                from += p + 1;
            }
        }
        named.sort();
        let chain: Vec<Vec<u8>> = named.into_iter().map(|(_, f)| f).collect();
        let mut data = keyword + 6;
        if bytes.get(data) == Some(&b'\r') {
            data += 1;
        }
        if bytes.get(data) == Some(&b'\n') {
            data += 1;
        }
        let budget = limits.max_unpacked.saturating_sub(total);
        let decoded = super::filters::decode(&chain, &bytes[data.min(bytes.len())..], true, budget)
            .map_err(|_| {
                over(
                    path,
                    format!(
                        "the PDF's object streams decode to more than {} MB",
                        limits.max_unpacked / MB
                    ),
                    "--max-unpacked",
                )
            })?;
        total += decoded.len() as u64;
        at = keyword + 6;
    }
    Ok(())
}

/// Deepest form nesting the reader is given: real documents nest forms a
/// few deep; pdf-extract draws a form by recursion, so a form that draws
/// itself, or a chain of thousands, would overflow its stack.
pub const MAX_FORM_DEPTH: usize = 32;

/// Deepest bracket nesting in a font's ToUnicode map or Type1 program: the
/// parsers pdf-extract uses recurse on each level.
pub const MAX_SYNTAX_DEPTH: usize = 256;

/// Forms must not draw themselves or nest deeper than [`MAX_FORM_DEPTH`],
/// from any page (`xobjects`: each page's, as [`super::hidden::page_xobjects`]
/// reads them).
pub(super) fn check_forms(
    path: &str,
    doc: &pdf_extract::Document,
    xobjects: &[Vec<super::hidden::XObject>],
) -> Result<()> {
    use pdf_extract::{Object, ObjectId};
    use std::collections::HashMap;
    /// Each form's depth, once known (a form drawn from many places is
    /// walked once).
    fn depth(
        doc: &pdf_extract::Document,
        id: ObjectId,
        path: &mut Vec<ObjectId>,
        known: &mut HashMap<ObjectId, usize>,
    ) -> Option<usize> {
        if let Some(&d) = known.get(&id) {
            return Some(d);
        }
        if path.contains(&id) || path.len() >= MAX_FORM_DEPTH {
            return None;
        }
        path.push(id);
        let mut deepest = 0;
        let xobjects = doc
            .get_object(id)
            .and_then(Object::as_stream)
            .ok()
            .and_then(|s| s.dict.get(b"Resources").ok())
            .and_then(|r| super::hidden::deref_ref(doc, r))
            .and_then(|r| r.as_dict().ok())
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|x| super::hidden::deref_ref(doc, x))
            .and_then(|x| x.as_dict().ok());
        for (_, child) in xobjects.into_iter().flat_map(|x| x.iter()) {
            let Ok(child) = child.as_reference() else {
                continue;
            };
            let is_form = doc
                .get_object(child)
                .and_then(Object::as_stream)
                .is_ok_and(|s| {
                    s.dict
                        .get(b"Subtype")
                        .is_ok_and(|t| t.as_name().is_ok_and(|n| n == b"Form"))
                });
            if is_form {
                deepest = deepest.max(depth(doc, child, path, known)? + 1);
            }
        }
        path.pop();
        known.insert(id, deepest);
        Some(deepest)
    }
    let mut known = HashMap::new();
    for (_, id, subtype) in xobjects.iter().flatten() {
        if subtype == b"Form" && depth(doc, *id, &mut Vec::new(), &mut known).is_none() {
            return Err(over(
                path,
                format!(
                    "its form XObjects draw themselves or nest more than {MAX_FORM_DEPTH} deep"
                ),
                "no real resume does this",
            ));
        }
    }
    Ok(())
}

/// Deepest nesting of `[ ]`, `{ }`, `<< >>` and `( )` in PostScript-like
/// syntax (a CMap, a Type1 program), with `\` escapes in strings.
pub(super) fn syntax_depth(bytes: &[u8]) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(&c) = bytes.get(i) {
        match c {
            b'\\' => i += 1,
            b'%' => {
                // A comment runs to the end of the line.
                while bytes.get(i).is_some_and(|&b| b != b'\n' && b != b'\r') {
                    i += 1;
                }
            }
            b'[' | b'{' | b'(' => depth += 1,
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                depth += 1;
                i += 1;
            }
            b']' | b'}' | b')' => depth = depth.saturating_sub(1),
            b'>' if bytes.get(i + 1) == Some(&b'>') => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            _ => {}
        }
        deepest = deepest.max(depth);
        i += 1;
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_are_counted_outside_strings_and_names() {
        assert_eq!(
            operator_count(b"BT /F1 12 Tf 72 700 Td (Hello Tj world) Tj ET"),
            5
        );
        assert_eq!(
            operator_count(b"q 1 0 0 1 0 0 cm <414243> Tj % Tj Tj\nQ"),
            4
        );
        assert_eq!(operator_count(&b"(a)Tj ".repeat(1000)), 1000);
    }

    #[test]
    fn depth_of_postscript_syntax() {
        assert_eq!(syntax_depth(b"<< /A [1 2 [3]] /B (x(y)z) >>"), 3);
        assert_eq!(syntax_depth(b"(a\\(b) % [[[[ comment\n[x]"), 1);
        assert_eq!(syntax_depth(&b"[".repeat(10_000)), 10_000);
    }

    #[test]
    fn depth_of_xml() {
        let depth = |xml: &str| xml_shape(xml.as_bytes()).0;
        assert_eq!(depth("<?xml version='1.0'?><a><b/><c><d></d></c></a>"), 3);
        assert_eq!(xml_shape(b"<a><b/><c><d></d></c></a>").1, 4);
        assert_eq!(depth("<!-- <x><y><z> --><a></a>"), 1);
        let deep = "<a>".repeat(1000) + &"</a>".repeat(1000);
        assert_eq!(depth(&deep), 1000);
        // Not fooled by a quoted `/>` or by closings inside CDATA.
        let attr = r#"<w:tbl w:x="/>">"#.repeat(500);
        assert_eq!(depth(&attr), 500);
        let cdata = "<a><![CDATA[</x></x>]]>".repeat(500);
        assert_eq!(depth(&cdata), 500);
        assert_eq!(depth("<a b='>'><c d=\"x>y\"/></a>"), 1);
    }
}
