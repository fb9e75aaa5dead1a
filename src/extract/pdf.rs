//! PDF through pdf-extract (which sits on lopdf). We drive it page by page so
//! evidence can name the page, through a device that records where each
//! glyph sits; the page's words, lines and reading order are then assembled
//! from the glyphs' positions (`assemble`), not from the order and spacing of
//! the content stream. Encryption is checked first so a password-protected
//! file gets its own clear message.

use super::assemble::{self, Glyph};
use super::hidden::{self, PageMarks};
use super::{ColumnPage, Deadline, Extracted, Format, Hidden, Layout, Link};
use super::{cmap, content};
use crate::error::{Error, Result};
use pdf_extract::{
    ColorSpace, Dictionary, Document, MediaBox, ObjectId, OutputDev, OutputError, Path, Stream,
    Transform,
};
use std::collections::HashSet;

pub(super) fn extract(
    name: &str,
    bytes: &[u8],
    deadline: Option<Deadline>,
    limits: &super::Limits,
) -> Result<Extracted> {
    read(name, bytes, deadline, limits, true)
}

/// `lean`: hand pdf-extract each page's text operations alone
/// ([`content::TextOnly`]) and compact ToUnicode maps ([`cmap::compact`]);
/// off only in the test that checks it changes nothing.
fn read(
    name: &str,
    bytes: &[u8],
    deadline: Option<Deadline>,
    limits: &super::Limits,
    lean: bool,
) -> Result<Extracted> {
    let timeout = |d: Deadline| Error::Timeout {
        path: name.into(),
        seconds: d.limit.as_secs_f64(),
    };
    let corrupt = |detail: String| Error::Corrupt {
        path: name.into(),
        format: "PDF",
        detail,
    };
    super::limits::check_object_streams(name, bytes, limits)?;
    let mut doc = Document::load_mem(bytes).map_err(|e| corrupt(describe(&e)))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(Error::Encrypted {
            path: name.into(),
            format: "PDF",
        });
    }
    // A page tree that loops lists a page more than once (lopdf stops the
    // walk, but after repeats): each page object is read once.
    let mut seen = HashSet::new();
    let pages: std::collections::BTreeMap<u32, ObjectId> = doc
        .page_iter()
        .filter(|id| seen.insert(*id))
        .enumerate()
        .map(|(i, id)| (i as u32 + 1, id))
        .collect();
    if pages.is_empty() {
        return Err(corrupt("it has no pages".into()));
    }
    for (id, decoded) in super::limits::check_pdf(name, &doc, &pages, limits)? {
        if let Ok(stream) = doc
            .get_object_mut(id)
            .and_then(pdf_extract::Object::as_stream_mut)
        {
            stream.dict.remove(b"Filter");
            stream.dict.remove(b"DecodeParms");
            stream.set_content(decoded);
        }
    }
    let pages: Vec<(u32, ObjectId)> = pages.into_iter().collect();
    // Each page's XObjects, read once: the forms check, whether the drawn
    // codes are known (forms) below, and the image count at the end.
    let xobjects: Vec<_> = pages
        .iter()
        .map(|&(_, page)| hidden::page_xobjects(&doc, page))
        .collect();
    super::limits::check_forms(name, &doc, &xobjects)?;
    for &(_, page_id) in &pages {
        skip_unneeded_font_programs(&mut doc, page_id);
    }
    // Each page is scanned for hidden text as drawn; pdf-extract then gets
    // its text operations alone (installed in between, as that needs the
    // document mutably).
    let prepared = each_page(&pages, limits.page_threads, |&(_, page)| {
        match doc.get_page_content(page) {
            Ok(content) => prepare_page(&doc, page, &content, lean),
            Err(_) => (PageMarks::default(), None, None),
        }
    });
    if lean {
        // The codes the pages draw, if every page was read here and none
        // draws forms (whose strings are not read here).
        let mut drawn = Some(cmap::Codes::default());
        for ((_, _, codes), page_xobjects) in prepared.iter().zip(&xobjects) {
            let forms = page_xobjects
                .iter()
                .any(|(_, _, subtype)| subtype == b"Form");
            match (codes, &mut drawn) {
                (Some(codes), Some(all)) if !forms => all.add(codes),
                _ => drawn = None,
            }
        }
        compact_to_unicode_maps(&mut doc, pages.iter().map(|p| p.1), drawn.as_ref());
    }
    let mut marks = Vec::with_capacity(pages.len());
    for (&(_, page), (scanned, text, _)) in pages.iter().zip(prepared) {
        match text {
            Some(text) => {
                let stream = doc.add_object(Stream::new(Dictionary::new(), text));
                if let Ok(page) = doc.get_dictionary_mut(page) {
                    page.set("Contents", stream);
                }
            }
            None => spell_out_quote_operators(&mut doc, page),
        }
        marks.push(scanned);
    }
    let numbered: Vec<(u32, &PageMarks)> = pages.iter().map(|p| p.0).zip(&marks).collect();
    let read = each_page(&numbered, limits.page_threads, |&(number, marks)| {
        draw_page(&doc, number, marks, deadline)
    });
    let mut text = String::new();
    let mut page_starts = Vec::with_capacity(pages.len());
    let mut columns = Vec::new();
    let mut hidden_text: Vec<Hidden> = Vec::new();
    let mut line_sizes: Vec<(usize, f64)> = Vec::new();
    for (&(number, _), page) in pages.iter().zip(read) {
        let page = match page {
            Ok(page) => page,
            Err(Failure::Expired(d)) => return Err(timeout(d)),
            Err(Failure::Drawing(e)) => return Err(corrupt(format!("page {number}: {e}"))),
        };
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        page_starts.push(text.len());
        let page_start = text.len();
        text.push_str(page.text.trim_start_matches('\n'));
        // The page's text went in without its leading blank lines.
        let trimmed = page.text.len() - page.text.trim_start_matches('\n').len();
        line_sizes.extend(
            page.sizes
                .iter()
                .filter(|&&(at, _)| at >= trimmed)
                .map(|&(at, size)| (page_start + at - trimmed, size)),
        );
        hidden_text.extend(
            page.hidden
                .into_iter()
                .filter(|(_, t)| !t.trim().is_empty())
                .map(|(reason, t)| Hidden {
                    text: t.trim().to_string(),
                    reason: reason.into(),
                    page: Some(number as usize),
                    at: page_start,
                }),
        );
        if let Some(c) = page.column {
            columns.push(ColumnPage {
                page: page_starts.len(),
                ..c
            });
        }
    }
    let (images, image_pages) = count_images(&pages, &xobjects);
    let links = pages
        .iter()
        .flat_map(|&(number, page)| {
            page_links(&doc, page).into_iter().map(move |uri| Link {
                uri,
                page: Some(number as usize),
            })
        })
        .take(MAX_LINKS)
        .collect();
    Ok(Extracted {
        format: Format::Pdf,
        text,
        page_starts,
        notices: Vec::new(),
        layout: Layout {
            images,
            image_pages,
            columns,
            hidden: hidden_text,
            links,
            headings: size_levels(&line_sizes),
            ..Layout::default()
        },
    })
}

/// Scan a page for hidden text and, in the same pass over its content,
/// write its text operations alone ([`content::TextOnly`]) and note the
/// codes its strings may draw ([`cmap::Codes`]). Both are `None` when
/// `lean` is off or our reader leaves the stream to lopdf.
fn prepare_page(
    doc: &Document,
    page: ObjectId,
    content: &[u8],
    lean: bool,
) -> (PageMarks, Option<Vec<u8>>, Option<cmap::Codes>) {
    use content::Operand;
    let resources = hidden::PageResources::read(doc, page);
    let mut run = resources.as_ref().map(hidden::Run::new);
    let mut text = lean.then(|| content::TextOnly::new(content.len()));
    let mut codes = lean.then(cmap::Codes::default);
    let ours = content::each_operation_at(content, |operator, operands, at| {
        if let Some(run) = &mut run {
            run.step(operator, operands);
        }
        if let Some(text) = &mut text {
            text.step(content, operator, &at);
        }
        if let Some(codes) = &mut codes {
            match (operator, operands.last()) {
                ("Tj" | "'" | "\"", Some(Operand::Str(s))) => codes.add_shown(s),
                ("TJ", Some(Operand::Array(parts))) => {
                    for part in parts {
                        if let Operand::Str(s) = part {
                            codes.add_shown(s);
                        }
                    }
                }
                _ => {}
            }
        }
    });
    if ours.is_some() {
        let marks = run.and_then(hidden::Run::finish).unwrap_or_default();
        return (marks, text.map(content::TextOnly::finish), codes);
    }
    let marks = resources
        .and_then(|r| hidden::scan_with_lopdf(&r, content))
        .unwrap_or_default();
    (marks, None, None)
}

/// `work` on every page, in page order, on up to `threads` threads: the
/// pages are cut into that many runs, the first read on the calling
/// thread. (Pages are independent once the document is prepared; a
/// two-page resume on two cores takes about the time of one page.)
fn each_page<P: Sync, T: Send>(
    pages: &[P],
    threads: usize,
    work: impl Fn(&P) -> T + Sync,
) -> Vec<T> {
    let threads = threads.clamp(1, pages.len().max(1));
    if threads == 1 {
        return pages.iter().map(&work).collect();
    }
    let run = pages.len().div_ceil(threads);
    std::thread::scope(|s| {
        let mut chunks = pages.chunks(run);
        let first = chunks.next().unwrap_or_default();
        // A thread the system will not start leaves its pages to this one.
        let others: Vec<_> = chunks
            .map(|chunk| {
                std::thread::Builder::new()
                    .spawn_scoped(s, || chunk.iter().map(&work).collect::<Vec<T>>())
                    .map_err(|_| chunk)
            })
            .collect();
        let mut out: Vec<T> = first.iter().map(&work).collect();
        for other in others {
            let joined = match other {
                Ok(thread) => thread.join(),
                Err(chunk) => Ok(chunk.iter().map(&work).collect()),
            };
            match joined {
                Ok(done) => out.extend(done),
                // A panic on a page thread goes on as a panic here, where
                // the caller's guard turns it into an error for this file.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        out
    })
}

/// One page as read: its text, the hidden runs found on it, and its
/// columns if it has them.
struct PageRead {
    text: String,
    hidden: Vec<(&'static str, String)>,
    column: Option<ColumnPage>,
    /// Where each one-column line starts in `text`, and its font size.
    sizes: Vec<(usize, f64)>,
}

/// Lines set larger than the body text, as outline levels (the largest size
/// level 0): a PDF's counterpart of DOCX heading styles. The body size is
/// the one most lines use; sizes count to the half point.
fn size_levels(line_sizes: &[(usize, f64)]) -> Vec<(usize, u8)> {
    let half = |s: f64| (s * 2.0).round() as i64;
    let mut counts = std::collections::BTreeMap::<i64, usize>::new();
    for &(_, s) in line_sizes {
        *counts.entry(half(s)).or_default() += 1;
    }
    let Some((&body, _)) = counts
        .iter()
        .max_by_key(|&(size, n)| (n, std::cmp::Reverse(*size)))
    else {
        return Vec::new();
    };
    // Larger by a seventh or more: 11.5 pt headings over 10 pt text, not
    // 10.5 pt bold.
    let level: std::collections::HashMap<i64, u8> = counts
        .keys()
        .rev()
        .copied()
        .filter(|&s| s * 7 >= body * 8)
        .enumerate()
        .map(|(i, s)| (s, u8::try_from(i).unwrap_or(u8::MAX)))
        .collect();
    line_sizes
        .iter()
        .filter_map(|&(at, s)| Some((at, *level.get(&half(s))?)))
        .collect()
}

/// Why a page could not be read.
enum Failure {
    Expired(Deadline),
    Drawing(OutputError),
}

/// Draw one page through pdf-extract and assemble its text. The scan's
/// marks are per character code, in drawing order; if pdf-extract drew a
/// different number of codes, they do not line up and the page is read
/// again without them.
fn draw_page(
    doc: &Document,
    number: u32,
    scanned: &PageMarks,
    deadline: Option<Deadline>,
) -> Result<PageRead, Failure> {
    if let Some(d) = deadline.filter(Deadline::passed) {
        return Err(Failure::Expired(d));
    }
    let mut glyphs = Vec::new();
    let mut width = 612.0;
    let mut hidden: Vec<(&'static str, String)> = Vec::new();
    let unmarked = PageMarks::default();
    for marks in [scanned, &unmarked] {
        glyphs.clear();
        hidden.clear();
        let mut dev = Recorder {
            glyphs: &mut glyphs,
            page_width: &mut width,
            deadline,
            expired: false,
            calls: 0,
            marks,
            index: 0,
            drift: 0.0,
            media: [0.0, 0.0, 612.0, 792.0],
            hidden: &mut hidden,
        };
        let result = pdf_extract::output_doc_page(doc, &mut dev, number);
        if let (true, Some(d)) = (dev.expired, deadline) {
            return Err(Failure::Expired(d));
        }
        result.map_err(Failure::Drawing)?;
        if marks.marks.is_empty() || dev.index == marks.marks.len() {
            break;
        }
    }
    let (text, column, sizes) = assemble::page_text_sized(&glyphs, width);
    Ok(PageRead {
        text,
        hidden,
        column,
        sizes,
    })
}

/// Rewrite the "next line and show" operators, `'` and `"`, as the
/// operators they stand for (`T*` and `Tj`, with `Tw` and `Tc` for `"`).
/// pdf-extract skips them, so a page written with them (Ghostscript's
/// `ps2pdf` output of enscript listings) read as one line. A page whose
/// content cannot be decoded is left alone: pdf-extract reports it.
fn spell_out_quote_operators(doc: &mut Document, page: pdf_extract::ObjectId) {
    use pdf_extract::content::{Content, Operation};
    let Ok(bytes) = doc.get_page_content(page) else {
        return;
    };
    // The operators follow their string operand: `(text)'`, `<hex> '`.
    // Decoding a large page costs as much as reading it, so look first.
    let follows_string = |i: usize| {
        bytes[..i]
            .iter()
            .rev()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|&b| b == b')' || b == b'>')
    };
    if !bytes
        .iter()
        .enumerate()
        .any(|(i, &b)| (b == b'\'' || b == b'"') && follows_string(i))
    {
        return;
    }
    let Ok(content) = Content::decode(&bytes) else {
        return;
    };
    if !content
        .operations
        .iter()
        .any(|op| op.operator == "'" || op.operator == "\"")
    {
        return;
    }
    let mut operations = Vec::with_capacity(content.operations.len() + 8);
    for op in content.operations {
        match (op.operator.as_str(), op.operands.as_slice()) {
            ("'", [text]) => {
                operations.push(Operation::new("T*", vec![]));
                operations.push(Operation::new("Tj", vec![text.clone()]));
            }
            ("\"", [word, chars, text]) => {
                operations.push(Operation::new("Tw", vec![word.clone()]));
                operations.push(Operation::new("Tc", vec![chars.clone()]));
                operations.push(Operation::new("T*", vec![]));
                operations.push(Operation::new("Tj", vec![text.clone()]));
            }
            _ => operations.push(op),
        }
    }
    if let Ok(encoded) = (Content { operations }).encode() {
        let _ = doc.change_page_content(page, encoded);
    }
}

/// Leave out (in memory) embedded font programs pdf-extract would unpack
/// for nothing, on every page that uses the font:
/// - a Type1 font's program when the font has an `/Encoding` (a name or a
///   dictionary): it is parsed only to find the built-in encoding, which
///   pdf-extract reads only for a font without one (37% of a LaTeX
///   resume's run, by callgrind);
/// - a TrueType font's program (`FontFile2`), which it inflates and drops
///   unread (LibreOffice and Word embed one per font).
fn skip_unneeded_font_programs(doc: &mut Document, page: ObjectId) {
    use pdf_extract::Object;
    let Ok(fonts) = doc.get_page_fonts(page) else {
        return;
    };
    let has_encoding = |f: &Dictionary| {
        matches!(
            f.get(b"Encoding").ok().and_then(|e| hidden::deref(doc, e)),
            Some(Object::Name(_) | Object::Dictionary(_))
        )
    };
    // A Type1 program pdf-extract would parse, nested deeper than its
    // recursive parser can go, is left out too: the font's encoding still
    // reads the text, if there is one.
    let too_deep = |f: &Dictionary| {
        f.get(b"FontDescriptor")
            .ok()
            .and_then(|d| hidden::deref_ref(doc, d))
            .and_then(|d| d.as_dict().ok())
            .and_then(|d| d.get(b"FontFile").ok())
            .and_then(|p| hidden::deref_ref(doc, p))
            .and_then(|p| p.as_stream().ok())
            .is_some_and(|p| {
                let bytes = p
                    .decompressed_content()
                    .unwrap_or_else(|_| p.content.clone());
                super::limits::syntax_depth(&bytes) > super::limits::MAX_SYNTAX_DEPTH
            })
    };
    let unneeded: Vec<(ObjectId, &'static [u8])> = fonts
        .values()
        .filter_map(|f| {
            let program: &'static [u8] = match f.get(b"Subtype").and_then(Object::as_name) {
                Ok(b"Type1") if has_encoding(f) || too_deep(f) => b"FontFile",
                Ok(b"TrueType") => b"FontFile2",
                _ => return None,
            };
            let descriptor = f.get(b"FontDescriptor").and_then(Object::as_reference);
            descriptor.ok().map(|d| (d, program))
        })
        .collect();
    for (id, program) in unneeded {
        if let Ok(Object::Dictionary(d)) = doc.get_object_mut(id) {
            d.remove(program);
        }
    }
}

/// Rewrite (in memory) every ToUnicode map the pages' fonts use as its
/// compact equivalent ([`cmap::compact`]), once per document, keeping only
/// the codes the pages may draw when those are known: pdf-extract parses
/// each map again on every page, slowly, token by token.
fn compact_to_unicode_maps(
    doc: &mut Document,
    pages: impl Iterator<Item = ObjectId>,
    drawn: Option<&cmap::Codes>,
) {
    use pdf_extract::Object;
    let mut maps = std::collections::BTreeSet::new();
    for page in pages {
        let Ok(fonts) = doc.get_page_fonts(page) else {
            continue;
        };
        maps.extend(
            fonts
                .values()
                .filter_map(|f| f.get(b"ToUnicode").and_then(Object::as_reference).ok()),
        );
    }
    for id in maps {
        let Ok(Object::Stream(stream)) = doc.get_object_mut(id) else {
            continue;
        };
        // The bytes pdf-extract would read: inflated, or as stored.
        let bytes = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        if let Some(compact) = cmap::compact(&bytes, drawn) {
            stream.set_plain_content(compact);
        } else if cmap::too_costly(&bytes) {
            // A map pdf-extract cannot parse within bounds (nested past its
            // recursion, ranges of millions of codes) maps nothing: the
            // font's encoding reads the text.
            stream.set_plain_content(EMPTY_CMAP.to_vec());
        }
    }
}

/// A ToUnicode map that maps nothing, in place of one too deep to parse.
const EMPTY_CMAP: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap \
/CMapName /Empty def 1 begincodespacerange <00> <FF> endcodespacerange \
endcmap CMapName currentdict /CMap defineresource pop end end";

/// lopdf's messages are terse ("invalid file header"); keep them but say
/// what they mean for the user.
fn describe(e: &pdf_extract::Error) -> String {
    format!("the file is damaged or not a complete PDF ({e})")
}

/// Records every visible glyph with its position, and hidden ones as hidden
/// passages.
struct Recorder<'b> {
    glyphs: &'b mut Vec<Glyph>,
    page_width: &'b mut f64,
    /// Checked every [`DEADLINE_EVERY`] glyphs; once passed, every call fails
    /// so pdf-extract unwinds out of the page at once.
    deadline: Option<Deadline>,
    expired: bool,
    /// Calls so far, to look at the clock only every [`DEADLINE_EVERY`].
    calls: usize,
    /// Color and render-mode marks for this page's character codes.
    marks: &'b PageMarks,
    /// Character codes drawn so far on this page (the index into `marks`).
    index: usize,
    /// How far (in text space) pdf-extract's positions on the current line
    /// run behind the true widths.
    drift: f64,
    /// The page's media box: llx, lly, urx, ury.
    media: [f64; 4],
    /// Hidden passages found so far: (reason, text).
    hidden: &'b mut Vec<(&'static str, String)>,
}

/// Glyphs smaller than this (in points) cannot be read on a printed page.
const TINY: f64 = 4.0;

impl Recorder<'_> {
    /// Why the glyph at (x, y) of this size cannot be seen, if it cannot:
    /// painted invisibly or in the colour of what is behind it (from the
    /// content scan), tiny, or outside the page.
    fn hidden_reason(&mut self, i: usize, x: f64, y: f64, size: f64) -> Option<&'static str> {
        if let Some(reason) = self.marks.marks.get(i).copied().flatten() {
            return Some(reason);
        }
        if let Some(reason) = self.marks.blends_in(i, x, y) {
            return Some(reason);
        }
        if self.marks.under_image(i, x, y) {
            return Some("under an image");
        }
        if size < TINY {
            return Some("tiny text");
        }
        let [llx, lly, urx, ury] = self.media;
        // A page number or footer set a little past the edge is a layout
        // slip a reader never misses, not hidden text: only glyphs two
        // lines or more outside the page count.
        let slack = (2.0 * size).max(2.0);
        if x < llx - slack || x > urx + slack || y < lly - slack || y > ury + slack {
            return Some("off the page");
        }
        None
    }

    /// Fail every call once the deadline has passed, so pdf-extract unwinds
    /// out of the page at once; cheap enough for every glyph and path.
    fn check_deadline(&mut self) -> Result<(), OutputError> {
        self.calls += 1;
        if !self.expired
            && self.calls.is_multiple_of(DEADLINE_EVERY)
            && self.deadline.is_some_and(|d| d.passed())
        {
            self.expired = true;
        }
        if self.expired {
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        Ok(())
    }
}

/// How often (in glyphs) the recorder looks at the clock.
const DEADLINE_EVERY: usize = 256;

impl OutputDev for Recorder<'_> {
    fn begin_page(
        &mut self,
        page_num: u32,
        media_box: &MediaBox,
        art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        *self.page_width = (media_box.urx - media_box.llx).abs().max(1.0);
        self.media = [media_box.llx, media_box.lly, media_box.urx, media_box.ury];
        let _ = (page_num, art_box);
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        self.check_deadline()?;
        let i = self.index;
        self.index += 1;
        let mut m = [trm.m11, trm.m12, trm.m21, trm.m22, trm.m31, trm.m32];
        if m.iter().any(|v| !v.is_finite()) {
            return Ok(());
        }
        // Where the page scan knows the glyph's true width and pdf-extract
        // used another, the glyph and every one after it on the line stand
        // off by the difference so far: move them back.
        if self.marks.moved.get(i).copied().unwrap_or(false) {
            self.drift = 0.0;
            // The spacing after the last glyph did not move this one.
            if let Some(last) = self.glyphs.last_mut() {
                last.end = last.ink_end;
            }
        }
        m[4] += self.drift * m[0];
        m[5] += self.drift * m[1];
        let width = match self.marks.widths.get(i).copied().flatten() {
            Some(w) if (w / 1000.0 - width).abs() > 1e-6 => {
                self.drift += (w / 1000.0 - width) * font_size;
                w / 1000.0
            }
            _ => width,
        };
        // The font size on the page: the text matrix's area scale, which
        // rotation and flipping leave alone (the product of the two axes'
        // components, used before, is 0 for text at 45°).
        let size = font_size * (m[0] * m[3] - m[1] * m[2]).abs().sqrt();
        let (x, y) = (m[4], m[5]);
        if let Some(reason) = self.hidden_reason(i, x, y, size) {
            match self.hidden.last_mut() {
                Some((r, text)) if *r == reason => text.push_str(char),
                _ => self.hidden.push((reason, char.to_string())),
            }
            return Ok(());
        }
        let char = self.marks.texts.get(i).copied().flatten().unwrap_or(char);
        // The glyph's width and the spacing after it, in text space;
        // shared among the letters of a ligature.
        let letters = char.chars().count().max(1) as f64;
        let (share, gap) = (width * font_size / letters, spacing / letters);
        for (k, c) in char.chars().enumerate() {
            let mut origin = m;
            origin[4] += (share + gap) * k as f64 * m[0];
            origin[5] += (share + gap) * k as f64 * m[1];
            self.glyphs
                .extend(Glyph::place(origin, font_size, share, gap, c));
        }
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        // Each text-showing operator starts a word; keep hidden passages
        // from different operators apart.
        if let Some((_, text)) = self.hidden.last_mut()
            && !text.ends_with(' ')
        {
            text.push(' ');
        }
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn stroke(
        &mut self,
        ctm: &Transform,
        cs: &ColorSpace,
        color: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        let _ = (ctm, cs, color, path);
        self.check_deadline()
    }
    fn fill(
        &mut self,
        ctm: &Transform,
        cs: &ColorSpace,
        color: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        let _ = (ctm, cs, color, path);
        self.check_deadline()
    }
}

/// At most this many links are read from a document (a resume has a
/// handful; a hostile file may have millions of annotations).
const MAX_LINKS: usize = 200;
/// Longer link targets are not contact data and are not kept.
const MAX_URI_BYTES: usize = 2048;

/// The URI targets of a page's link annotations. Anything malformed is
/// skipped: links are a bonus, never a reason to refuse a file.
fn page_links(doc: &Document, page: pdf_extract::ObjectId) -> Vec<String> {
    let deref = |o: &pdf_extract::Object| hidden::deref(doc, o);
    let Ok(page) = doc.get_dictionary(page) else {
        return Vec::new();
    };
    let Some(pdf_extract::Object::Array(annots)) = page.get(b"Annots").ok().and_then(deref) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for annot in annots.iter().take(MAX_LINKS) {
        let Some(pdf_extract::Object::Dictionary(annot)) = deref(annot) else {
            continue;
        };
        let is_link =
            matches!(annot.get(b"Subtype"), Ok(pdf_extract::Object::Name(n)) if n == b"Link");
        let Some(pdf_extract::Object::Dictionary(action)) =
            annot.get(b"A").ok().filter(|_| is_link).and_then(deref)
        else {
            continue;
        };
        let is_uri = matches!(action.get(b"S"), Ok(pdf_extract::Object::Name(n)) if n == b"URI");
        let uri = match action.get(b"URI").ok().filter(|_| is_uri).and_then(deref) {
            Some(pdf_extract::Object::String(bytes, _)) if bytes.len() <= MAX_URI_BYTES => {
                String::from_utf8_lossy(&bytes)
                    .chars()
                    .filter(|c| !c.is_control())
                    .collect::<String>()
            }
            _ => continue,
        };
        let uri = uri.trim().to_string();
        if !uri.is_empty() && !out.contains(&uri) {
            out.push(uri);
        }
    }
    out
}

/// Image objects drawn on the pages (each counted once).
/// Distinct image objects the pages draw, and the pages (numbered from 1)
/// that draw at least one, from each page's XObjects.
fn count_images(
    pages: &[(u32, ObjectId)],
    xobjects: &[Vec<hidden::XObject>],
) -> (usize, Vec<usize>) {
    let mut seen = HashSet::new();
    let mut image_pages = Vec::new();
    for (&(number, _), page_xobjects) in pages.iter().zip(xobjects) {
        let mut any = false;
        for (_, id, subtype) in page_xobjects {
            if subtype == b"Image" {
                seen.insert(*id);
                any = true;
            }
        }
        if any {
            image_pages.push(number as usize);
        }
    }
    (seen.len(), image_pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Giving pdf-extract the text operations alone, and reading pages on
    /// several threads, change nothing it reads: on every PDF in the
    /// repository (the producer matrix, the generated fixtures, the damaged
    /// and hostile ones) the text, pages, hidden text and columns are the
    /// same as from whole pages read one after the other.
    #[test]
    fn text_only_pages_read_as_whole_pages() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let one = super::super::Limits::default();
        let three = super::super::Limits {
            page_threads: 3,
            ..one
        };
        let (mut files, mut same_error) = (0, 0);
        for dir in ["fixtures", "tests/eval/resumes"] {
            for entry in walkdir::WalkDir::new(root.join(dir)).into_iter().flatten() {
                if entry.path().extension().is_none_or(|e| e != "pdf") {
                    continue;
                }
                let bytes = std::fs::read(entry.path()).expect("read");
                let name = entry.path().display().to_string();
                let run = |lean, limits| {
                    crate::error::catch_panic(&name, || read(&name, &bytes, None, limits, lean))
                        .map(|e| (e.text, e.page_starts, format!("{:?}", e.layout)))
                        .map_err(|e| e.to_string())
                };
                let whole = run(false, &one);
                assert_eq!(run(true, &three), whole, "{name}, three threads");
                match (run(true, &one), whole) {
                    (Ok(ours), Ok(whole)) => {
                        files += 1;
                        assert_eq!(ours, whole, "{name}");
                    }
                    (Err(_), Err(_)) => same_error += 1,
                    (ours, whole) => panic!("{name}: text only {ours:?}, whole page {whole:?}"),
                }
            }
        }
        assert!(
            files > 150 && same_error > 0,
            "{files} read, {same_error} refused"
        );
    }
}
