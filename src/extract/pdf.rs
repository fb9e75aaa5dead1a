//! PDF through pdf-extract (which sits on lopdf). We drive it page by page so
//! evidence can name the page, and through a device that also records where
//! each glyph sits, so we can tell a two-column layout (which many ATSs read
//! straight across, mixing the columns) from a single column. Encryption is
//! checked first so a password-protected file gets its own clear message.

use super::hidden::{self, PageMarks};
use super::{ColumnPage, Deadline, Extracted, Format, Hidden, Layout, Link};
use crate::error::{Error, Result};
use pdf_extract::{
    ColorSpace, Document, MediaBox, OutputDev, OutputError, Path, PlainTextOutput, Transform,
};
use std::collections::HashSet;

pub(super) fn extract(
    name: &str,
    bytes: &[u8],
    deadline: Option<Deadline>,
    limits: &super::Limits,
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
    let mut doc = Document::load_mem(bytes).map_err(|e| corrupt(describe(&e)))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(Error::Encrypted { path: name.into() });
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(corrupt("it has no pages".into()));
    }
    super::limits::check_pdf(name, &doc, pages.len(), limits)?;
    let mut text = String::new();
    let mut page_starts = Vec::with_capacity(pages.len());
    let mut columns = Vec::new();
    let mut hidden_text: Vec<Hidden> = Vec::new();
    for (&number, &page_id) in &pages {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        page_starts.push(text.len());
        let mut page = String::new();
        let mut glyphs = Vec::new();
        let mut width = 612.0;
        if let Some(d) = deadline.filter(Deadline::passed) {
            return Err(timeout(d));
        }
        let marks = hidden::scan(&doc, page_id).unwrap_or_default();
        let mut hidden_runs: Vec<(&'static str, String)> = Vec::new();
        {
            let mut dev = Recorder {
                text: PlainTextOutput::new(&mut page),
                glyphs: &mut glyphs,
                page_width: &mut width,
                deadline,
                expired: false,
                calls: 0,
                marks: &marks,
                index: 0,
                media: [0.0, 0.0, 612.0, 792.0],
                hidden: &mut hidden_runs,
            };
            let result = pdf_extract::output_doc_page(&doc, &mut dev, number);
            if let (true, Some(d)) = (dev.expired, deadline) {
                return Err(timeout(d));
            }
            result.map_err(|e| corrupt(format!("page {number}: {e}")))?;
        }
        let column = detect_columns(&glyphs, width);
        if let Some(c) = column {
            page = columns_text(&glyphs, c.gutter_x);
        }
        let page_start = text.len();
        text.push_str(page.trim_start_matches('\n'));
        hidden_text.extend(
            hidden_runs
                .into_iter()
                .filter(|(_, t)| !t.trim().is_empty())
                .map(|(reason, t)| Hidden {
                    text: t.trim().to_string(),
                    reason: reason.into(),
                    page: Some(number as usize),
                    at: page_start,
                }),
        );
        if let Some(c) = column {
            columns.push(ColumnPage {
                page: page_starts.len(),
                ..c
            });
        }
    }
    let images = count_images(&doc, pages.values().copied());
    let links = pages
        .iter()
        .flat_map(|(&number, &page)| {
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
            columns,
            hidden: hidden_text,
            links,
            ..Layout::default()
        },
    })
}

/// lopdf's messages are terse ("invalid file header"); keep them but say
/// what they mean for the user.
fn describe(e: &pdf_extract::Error) -> String {
    format!("the file is damaged or not a complete PDF ({e})")
}

/// Where one glyph sits on the page, in points (y grows upward).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Glyph {
    x: f64,
    y: f64,
    end: f64,
    size: f64,
    text: char,
}

/// Forwards everything to pdf-extract's plain-text device and records glyph
/// positions on the side.
struct Recorder<'a, 'b> {
    text: PlainTextOutput<&'a mut String>,
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
    /// The page's media box: llx, lly, urx, ury.
    media: [f64; 4],
    /// Hidden passages found so far: (reason, text).
    hidden: &'b mut Vec<(&'static str, String)>,
}

/// Glyphs smaller than this (in points) cannot be read on a printed page.
const TINY: f64 = 4.0;

impl Recorder<'_, '_> {
    /// Why the glyph at (x, y) of this size cannot be seen, if it cannot:
    /// painted white (not on a dark shape) or invisibly (from the content
    /// scan), tiny, or outside the page.
    fn hidden_reason(&mut self, x: f64, y: f64, size: f64) -> Option<&'static str> {
        let i = self.index;
        self.index += 1;
        let painted = self.marks.marks.get(i).copied().flatten();
        match painted {
            Some("white text") if self.marks.dark.iter().any(|r| r.contains(x, y)) => {}
            Some(reason) => return Some(reason),
            None => {}
        }
        if self.marks.under_image(i, x, y) {
            return Some("under an image");
        }
        if size < TINY {
            return Some("tiny text");
        }
        let [llx, lly, urx, ury] = self.media;
        let slack = 2.0;
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

impl OutputDev for Recorder<'_, '_> {
    fn begin_page(
        &mut self,
        page_num: u32,
        media_box: &MediaBox,
        art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        *self.page_width = (media_box.urx - media_box.llx).abs().max(1.0);
        self.media = [media_box.llx, media_box.lly, media_box.urx, media_box.ury];
        self.text.begin_page(page_num, media_box, art_box)
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        self.text.end_page()
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
        // The font size in page units, as pdf-extract's own device computes
        // it (the transform applied to a size×size vector).
        let vx = font_size * trm.m11 + font_size * trm.m21;
        let vy = font_size * trm.m12 + font_size * trm.m22;
        let size = (vx * vy).abs().sqrt();
        let (x, y) = (trm.m31, trm.m32);
        if let Some(reason) = self.hidden_reason(x, y, size) {
            match self.hidden.last_mut() {
                Some((r, text)) if *r == reason => text.push_str(char),
                _ => self.hidden.push((reason, char.to_string())),
            }
            return Ok(());
        }
        for text in char.chars().filter(|c| !c.is_whitespace()) {
            self.glyphs.push(Glyph {
                x,
                y,
                end: x + width * size,
                size,
                text,
            });
        }
        self.text
            .output_character(trm, width, spacing, font_size, char)
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        // Each text-showing operator starts a word; keep hidden passages
        // from different operators apart.
        if let Some((_, text)) = self.hidden.last_mut()
            && !text.ends_with(' ')
        {
            text.push(' ');
        }
        self.text.begin_word()
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        self.text.end_word()
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        self.text.end_line()
    }
    fn stroke(
        &mut self,
        ctm: &Transform,
        cs: &ColorSpace,
        color: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        self.check_deadline()?;
        self.text.stroke(ctm, cs, color, path)
    }
    fn fill(
        &mut self,
        ctm: &Transform,
        cs: &ColorSpace,
        color: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        self.check_deadline()?;
        self.text.fill(ctm, cs, color, path)
    }
}

/// Gap (in points) that separates two runs of text on one baseline.
const MIN_GAP: f64 = 18.0;
/// How far a run may start from the gutter and still begin the column.
const GUTTER_SLACK: f64 = 12.0;

/// Glyphs grouped into baselines (top to bottom), each sorted left to right.
fn baselines(glyphs: &[Glyph]) -> Vec<Vec<Glyph>> {
    let mut sorted = glyphs.to_vec();
    sorted.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<Glyph>> = Vec::new();
    for g in sorted {
        match lines.last_mut() {
            Some(line) if (line[0].y - g.y).abs() <= 1.5 => line.push(g),
            _ => lines.push(vec![g]),
        }
    }
    for line in &mut lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    lines
}

/// A line split at wide gaps into runs of text.
fn runs(line: &[Glyph]) -> Vec<&[Glyph]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..line.len() {
        if line[i].x - line[i - 1].end >= MIN_GAP {
            out.push(&line[start..i]);
            start = i;
        }
    }
    if !line.is_empty() {
        out.push(&line[start..]);
    }
    out
}

/// Two independent blocks of text side by side: many baselines have a run
/// that starts at the same x in the middle of the page (the second column's
/// left edge), and on several of them text stands left of it too.
/// Right-aligned dates (which start at varying x near the right margin),
/// centered headings and short key/value tables do not qualify.
fn detect_columns(glyphs: &[Glyph], page_width: f64) -> Option<ColumnPage> {
    let lines = baselines(glyphs);
    if lines.len() < 8 {
        return None;
    }
    let band = |x: f64| x > page_width * 0.2 && x < page_width * 0.7;
    // Where runs start in the middle band: after a wide gap, or a line's
    // only text.
    let starts: Vec<f64> = lines
        .iter()
        .flat_map(|l| runs(l).into_iter().map(|r| r[0].x))
        .filter(|&x| band(x))
        .collect();
    let (gutter, _) = starts
        .iter()
        .map(|&s| {
            (
                s,
                starts
                    .iter()
                    .filter(|&&o| (o - s).abs() <= GUTTER_SLACK)
                    .count(),
            )
        })
        .max_by_key(|&(_, n)| n)?;
    // Snap to the leftmost start near the mode (bullets sit left of text).
    let gutter = starts
        .iter()
        .copied()
        .filter(|&s| (s - gutter).abs() <= GUTTER_SLACK)
        .fold(f64::MAX, f64::min);
    let at_gutter = |r: &[Glyph]| (r[0].x - gutter).abs() <= GUTTER_SLACK;
    let (mut column_lines, mut split_lines) = (0, 0);
    for line in &lines {
        let rs = runs(line);
        if rs.iter().any(|r| at_gutter(r)) {
            column_lines += 1;
            if rs[0][0].x < gutter - GUTTER_SLACK {
                split_lines += 1;
            }
        }
    }
    let columns = split_lines >= 3 && column_lines as f64 >= lines.len() as f64 * 0.35;
    columns.then_some(ColumnPage {
        page: 0,
        lines: lines.len(),
        split_lines,
        gutter_x: gutter.round(),
    })
}

/// The text of a run, with spaces where glyphs stand apart.
fn run_text(run: &[Glyph]) -> String {
    let mut out = String::new();
    for (i, g) in run.iter().enumerate() {
        if i > 0 && g.x - run[i - 1].end > 0.15 * g.size.max(1.0) {
            out.push(' ');
        }
        out.push(g.text);
    }
    out
}

/// A page laid out in columns, as text read column by column: lines that
/// span the page above the columns (the name), then the left column top to
/// bottom, then the right column, then spanning lines below. pdf-extract
/// writes glyphs in drawing order, which for many templates interleaves the
/// columns line by line.
fn columns_text(glyphs: &[Glyph], gutter: f64) -> String {
    let lines = baselines(glyphs);
    let (mut above, mut left, mut right, mut below) = (vec![], vec![], vec![], vec![]);
    let mut seen_column = false;
    for line in &lines {
        let mut spanning = Vec::new();
        let mut in_column = false;
        for run in runs(line) {
            let start = run[0].x;
            let end = run[run.len() - 1].end;
            if start >= gutter - GUTTER_SLACK {
                right.push(run_text(run));
                in_column = true;
            } else if end <= gutter + GUTTER_SLACK {
                left.push(run_text(run));
                in_column = true;
            } else {
                spanning.push(run_text(run));
            }
        }
        seen_column |= in_column;
        for text in spanning {
            match (seen_column, in_column) {
                (false, _) => above.push(text),
                _ => below.push(text),
            }
        }
    }
    let mut out = String::new();
    for part in [above, left, right, below] {
        for line in part {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// At most this many links are read from a document (a resume has a
/// handful; a hostile file may have millions of annotations).
const MAX_LINKS: usize = 200;
/// Longer link targets are not contact data and are not kept.
const MAX_URI_BYTES: usize = 2048;

/// The URI targets of a page's link annotations. Anything malformed is
/// skipped: links are a bonus, never a reason to refuse a file.
fn page_links(doc: &Document, page: pdf_extract::ObjectId) -> Vec<String> {
    let deref = |o: &pdf_extract::Object| -> Option<pdf_extract::Object> {
        match o {
            pdf_extract::Object::Reference(id) => doc.get_object(*id).ok().cloned(),
            other => Some(other.clone()),
        }
    };
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
fn count_images(doc: &Document, pages: impl Iterator<Item = pdf_extract::ObjectId>) -> usize {
    let mut seen = HashSet::new();
    for page in pages {
        for (_, id, subtype) in hidden::page_xobjects(doc, page) {
            if subtype == b"Image" {
                seen.insert(id);
            }
        }
    }
    seen.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(y: f64, runs: &[(f64, f64)]) -> Vec<Glyph> {
        runs.iter()
            .flat_map(|&(start, end)| {
                let n = ((end - start) / 5.0) as usize;
                (0..n).map(move |i| Glyph {
                    x: start + i as f64 * 5.0,
                    y,
                    end: start + i as f64 * 5.0 + 5.0,
                    size: 10.0,
                    text: if start < 240.0 { 'l' } else { 'r' },
                })
            })
            .collect()
    }

    #[test]
    fn two_columns_detected() {
        let glyphs: Vec<Glyph> = (0..20)
            .flat_map(|i| line(700.0 - i as f64 * 13.0, &[(54.0, 200.0), (240.0, 550.0)]))
            .collect();
        let c = detect_columns(&glyphs, 612.0).unwrap();
        assert_eq!(c.split_lines, 20);
        assert_eq!(c.gutter_x, 240.0);
        // Read column by column: every left line before any right line.
        let text = columns_text(&glyphs, c.gutter_x);
        let first_right = text.find('r').unwrap();
        assert!(!text[first_right..].contains('l'), "{text}");
    }

    #[test]
    fn right_aligned_dates_are_not_columns() {
        let glyphs: Vec<Glyph> = (0..20)
            .flat_map(|i| {
                let runs: &[(f64, f64)] = if i % 4 == 0 {
                    &[(54.0, 250.0), (490.0, 558.0)]
                } else {
                    &[(54.0, 558.0)]
                };
                line(700.0 - i as f64 * 13.0, runs)
            })
            .collect();
        assert_eq!(detect_columns(&glyphs, 612.0), None);
    }
}
