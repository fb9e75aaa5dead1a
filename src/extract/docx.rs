//! DOCX through docx-rs. We walk the document model ourselves because a
//! resume's words live in more places than body paragraphs: tables (skills
//! grids), content controls (templates), hyperlinks, tracked insertions, text
//! boxes, and the header and footer (where templates put contact data). Each
//! of those places is remembered as a [`Region`], because many ATSs skip them.
//! `w:tab`, `w:br` and `w:cr` become separators so words on either side never
//! glue together.

use super::{Extracted, Format, Hidden, Layout, Region, RegionKind};
use crate::error::{Error, Result};
use docx_rs::{
    DocumentChild, DrawingData, FooterChild, HeaderChild, InsertChild, Paragraph, ParagraphChild,
    Run, RunChild, StructuredDataTag, StructuredDataTagChild, Table, TableCellContent, TableChild,
    TableRowChild, TextBoxContentChild,
};
use std::io::Cursor;

/// True when the zip holds `word/document.xml`, the part every DOCX has.
pub(super) fn has_document_part(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes))
        .map(|mut z| z.by_name("word/document.xml").is_ok())
        .unwrap_or(false)
}

/// The DOCX rebuilt with its UTF-16 XML parts as UTF-8 and an empty
/// `word/_rels/document.xml.rels` if it has none; `None` when nothing
/// needed repair (or the zip cannot be read: the first error stands). The
/// caller has already bounded the unpacked size.
fn repaired(bytes: &[u8]) -> Option<Vec<u8>> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut changed = false;
    let mut has_rels = false;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).ok()?;
        let name = entry.name().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).ok()?;
        has_rels |= name == "word/_rels/document.xml.rels";
        if (name.ends_with(".xml") || name.ends_with(".rels"))
            && let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(&data)
            && encoding != encoding_rs::UTF_8
        {
            let (text, _) = encoding.decode_without_bom_handling(&data[bom..]);
            let text = text.replacen("encoding=\"UTF-16\"", "encoding=\"UTF-8\"", 1);
            data = text
                .replacen("encoding='UTF-16'", "encoding='UTF-8'", 1)
                .into_bytes();
            changed = true;
        }
        out.start_file(name, stored).ok()?;
        out.write_all(&data).ok()?;
    }
    if !has_rels {
        out.start_file("word/_rels/document.xml.rels", stored)
            .ok()?;
        out.write_all(
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>"#,
        )
        .ok()?;
        changed = true;
    }
    changed.then(|| out.finish().ok().map(Cursor::into_inner))?
}

pub(super) fn extract(name: &str, bytes: &[u8], limits: &super::Limits) -> Result<Extracted> {
    super::limits::check_docx(name, bytes, limits)?;
    // Word reads what the reader refuses in two cases, so they are repaired
    // and read again: parts saved as UTF-16, and no relationships part.
    let docx = docx_rs::read_docx(bytes)
        .or_else(|e| {
            repaired(bytes)
                .and_then(|r| docx_rs::read_docx(&r).ok())
                .ok_or(e)
        })
        .map_err(|e| Error::Corrupt {
            path: name.into(),
            format: "DOCX",
            detail: format!("the file is damaged or not a Word document ({e})"),
        })?;
    let mut w = Walker {
        outline: outline_levels(&docx.styles),
        ..Walker::default()
    };
    let section = &docx.document.section_property;
    let headers = [&section.first_header, &section.header, &section.even_header];
    for (_, header) in headers.into_iter().flatten() {
        w.region(RegionKind::Header, |w| {
            for child in &header.children {
                match child {
                    HeaderChild::Paragraph(p) => w.paragraph(p),
                    HeaderChild::Table(t) => w.table(t),
                    HeaderChild::StructuredDataTag(s) => w.sdt(s),
                }
            }
        });
    }
    for child in &docx.document.children {
        match child {
            DocumentChild::Paragraph(p) => w.paragraph(p),
            DocumentChild::Table(t) => w.table(t),
            DocumentChild::StructuredDataTag(s) => w.sdt(s),
            _ => {}
        }
    }
    let footers = [&section.first_footer, &section.footer, &section.even_footer];
    for (_, footer) in footers.into_iter().flatten() {
        w.region(RegionKind::Footer, |w| {
            for child in &footer.children {
                match child {
                    FooterChild::Paragraph(p) => w.paragraph(p),
                    FooterChild::Table(t) => w.table(t),
                    FooterChild::StructuredDataTag(s) => w.sdt(s),
                }
            }
        });
    }
    Ok(Extracted {
        format: Format::Docx,
        text: w.out,
        page_starts: Vec::new(),
        notices: Vec::new(),
        layout: Layout {
            regions: w.regions,
            images: w.images,
            hidden: w.hidden,
            headings: w.headings,
            ..Layout::default()
        },
    })
}

/// Collects text and remembers where each part came from.
#[derive(Default)]
struct Walker {
    out: String,
    regions: Vec<Region>,
    images: usize,
    /// Runs a reader cannot see, kept out of `out`.
    hidden: Vec<Hidden>,
    /// Text boxes found inside runs; emitted after their paragraph so the
    /// paragraph's own words stay together.
    pending_boxes: Vec<Vec<TextBoxContentChild>>,
    /// Outline level of each paragraph style that has one (or inherits
    /// one), by style id.
    outline: std::collections::HashMap<String, u8>,
    /// Where heading paragraphs start in `out`, with their outline level.
    headings: Vec<(usize, u8)>,
    /// Depth of containers that may paint a dark background behind their
    /// text: a shaded paragraph or table cell, a text box or shape (whose
    /// fill docx-rs does not expose). White text there is a design (a
    /// colored header band), not hidden text.
    backdrop: usize,
}

impl Walker {
    /// Run `f` and record the text it adds as a region of `kind`.
    fn region(&mut self, kind: RegionKind, f: impl FnOnce(&mut Walker)) {
        let start = self.out.len();
        f(self);
        if self.out.len() > start {
            self.regions.push(Region {
                kind,
                start,
                end: self.out.len(),
            });
        }
    }

    fn paragraph(&mut self, p: &Paragraph) {
        let shaded = p
            .property
            .shading
            .as_ref()
            .is_some_and(|s| dark_fill(&s.fill));
        let level = p.property.outline_lvl.as_ref().map(|o| o.v).or_else(|| {
            let style = p.property.style.as_ref()?;
            self.outline.get(&style.val).map(|&l| usize::from(l))
        });
        // Level 9 is Word's "body text".
        if let Some(level) = level.filter(|&l| l < 9) {
            self.headings.push((self.out.len(), level as u8));
        }
        self.backdrop += usize::from(shaded);
        self.paragraph_children(&p.children);
        self.backdrop -= usize::from(shaded);
        self.out.push('\n');
        for children in std::mem::take(&mut self.pending_boxes) {
            self.backdrop += 1;
            self.region(RegionKind::TextBox, |w| {
                for child in &children {
                    match child {
                        TextBoxContentChild::Paragraph(p) => w.paragraph(p),
                        TextBoxContentChild::Table(t) => w.table(t),
                    }
                }
            });
            self.backdrop -= 1;
        }
    }

    fn paragraph_children(&mut self, children: &[ParagraphChild]) {
        for child in children {
            match child {
                ParagraphChild::Run(r) => self.run(r),
                ParagraphChild::Hyperlink(h) => self.paragraph_children(&h.children),
                ParagraphChild::Insert(ins) => {
                    for c in &ins.children {
                        if let InsertChild::Run(r) = c {
                            self.run(r);
                        }
                    }
                }
                ParagraphChild::StructuredDataTag(s) => self.sdt_inline(s),
                _ => {}
            }
        }
    }

    fn run(&mut self, r: &Run) {
        if let Some(reason) = hidden_reason(r).filter(|&why| !(why == WHITE && self.backdrop > 0)) {
            let mut text = String::new();
            for child in &r.children {
                if let RunChild::Text(t) = child {
                    text.push_str(&t.text);
                }
            }
            if !text.trim().is_empty() {
                match self.hidden.last_mut() {
                    // Neighbouring hidden runs are one hidden passage.
                    Some(h) if h.at == self.out.len() && h.reason == reason => {
                        h.text.push_str(&text)
                    }
                    _ => self.hidden.push(Hidden {
                        text,
                        reason: reason.into(),
                        page: None,
                        at: self.out.len(),
                    }),
                }
            }
            return;
        }
        for child in &r.children {
            match child {
                RunChild::Text(t) => self.out.push_str(&t.text),
                RunChild::Tab(_) | RunChild::PTab(_) => self.out.push('\t'),
                RunChild::Break(_) | RunChild::CarriageReturn(_) => self.out.push('\n'),
                RunChild::Sym(_) => self.out.push('\u{2022}'),
                RunChild::Drawing(d) => match &d.data {
                    Some(DrawingData::Pic(_)) => self.images += 1,
                    Some(DrawingData::TextBox(tb)) => self.pending_boxes.push(tb.children.clone()),
                    None => {}
                },
                _ => {}
            }
        }
    }

    fn table(&mut self, t: &Table) {
        self.region(RegionKind::Table, |w| {
            for TableChild::TableRow(row) in &t.rows {
                for TableRowChild::TableCell(cell) in &row.cells {
                    // The cell's shading is private in docx-rs; its
                    // serialized form carries the fill.
                    let shaded = serde_json::to_value(&cell.property)
                        .is_ok_and(|v| v["shading"]["fill"].as_str().is_some_and(dark_fill));
                    w.backdrop += usize::from(shaded);
                    for content in &cell.children {
                        match content {
                            TableCellContent::Paragraph(p) => w.paragraph(p),
                            TableCellContent::Table(t) => w.table(t),
                            TableCellContent::StructuredDataTag(s) => w.sdt(s),
                            TableCellContent::TableOfContents(_) => {}
                        }
                    }
                    w.backdrop -= usize::from(shaded);
                }
            }
        });
    }

    /// A block-level content control: its paragraphs are lines of their own.
    fn sdt(&mut self, s: &StructuredDataTag) {
        for child in &s.children {
            match child {
                StructuredDataTagChild::Run(r) => self.run(r),
                StructuredDataTagChild::Paragraph(p) => self.paragraph(p),
                StructuredDataTagChild::Table(t) => self.table(t),
                StructuredDataTagChild::StructuredDataTag(s) => self.sdt(s),
                _ => {}
            }
        }
        if !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    /// An inline content control inside a paragraph: no line break after it.
    fn sdt_inline(&mut self, s: &StructuredDataTag) {
        for child in &s.children {
            match child {
                StructuredDataTagChild::Run(r) => self.run(r),
                StructuredDataTagChild::StructuredDataTag(s) => self.sdt_inline(s),
                StructuredDataTagChild::Paragraph(p) => self.paragraph(p),
                StructuredDataTagChild::Table(t) => self.table(t),
                _ => {}
            }
        }
    }
}

/// Why a run is invisible to a reader: `w:vanish`, a near-white color, or a
/// size under 4 pt. docx-rs keeps color and size private but serializes
/// them (a hex string, half-points), which is how we read them.
fn hidden_reason(r: &Run) -> Option<&'static str> {
    let p = &r.run_property;
    if p.vanish.is_some() || p.spec_vanish.is_some() {
        return Some("hidden (vanish) run");
    }
    if let Some(color) = &p.color
        && let Ok(serde_json::Value::String(hex)) = serde_json::to_value(color)
        && near_white(&hex)
    {
        return Some(WHITE);
    }
    if let Some(sz) = &p.sz
        && let Ok(serde_json::Value::Number(n)) = serde_json::to_value(sz)
        && n.as_u64().is_some_and(|half_points| half_points < 8)
    {
        return Some("tiny text");
    }
    None
}

/// The outline level of every paragraph style, its own or the one it is
/// based on (a custom "Section Title" based on Heading 1); styles without
/// one are left out.
fn outline_levels(styles: &docx_rs::Styles) -> std::collections::HashMap<String, u8> {
    // docx-rs keeps `basedOn` private; its serialized form is the id.
    let own: std::collections::HashMap<&str, (Option<usize>, Option<String>)> = styles
        .styles
        .iter()
        .map(|s| {
            let base = s
                .based_on
                .as_ref()
                .and_then(|b| match serde_json::to_value(b) {
                    Ok(serde_json::Value::String(id)) => Some(id),
                    _ => None,
                });
            (
                s.style_id.as_str(),
                (s.paragraph_property.outline_lvl.as_ref().map(|o| o.v), base),
            )
        })
        .collect();
    let mut out = std::collections::HashMap::new();
    for &id in own.keys() {
        // Follow `basedOn` a few steps; a loop in a hostile file ends here.
        let mut at = id;
        for _ in 0..8 {
            match own.get(at) {
                Some((Some(level), _)) if *level < 9 => {
                    out.insert(id.to_string(), *level as u8);
                    break;
                }
                Some((None, Some(base))) => at = base.as_str(),
                _ => break,
            }
        }
    }
    out
}

const WHITE: &str = "white text";

/// The channels of a `RRGGBB` color; `None` for `auto` and malformed
/// values (checked with `get`, so a multi-byte character cannot split).
fn rgb(hex: &str) -> Option<[u8; 3]> {
    if hex.len() != 6 {
        return None;
    }
    let channel = |i: usize| {
        hex.get(2 * i..2 * i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
    };
    Some([channel(0)?, channel(1)?, channel(2)?])
}

/// A fill dark enough that white text on it reads well (relative luminance
/// under one half).
fn dark_fill(hex: &str) -> bool {
    rgb(hex).is_some_and(|[r, g, b]| {
        0.2126 * f64::from(r) + 0.7152 * f64::from(g) + 0.0722 * f64::from(b) < 128.0
    })
}

/// `FFFFFF`-like colors: every channel at 0xF0 or above.
fn near_white(hex: &str) -> bool {
    rgb(hex).is_some_and(|c| c.iter().all(|&v| v >= 0xF0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colors() {
        assert!(near_white("FFFFFF") && near_white("f5f5f5"));
        assert!(!near_white("1F3864") && !near_white("auto"));
        assert!(dark_fill("1F3864") && !dark_fill("FFFF00") && !dark_fill("auto"));
        // Six bytes that are not six hex digits: no slice inside a character.
        assert!(!near_white("ééé") && !dark_fill("ééé"));
    }
}
