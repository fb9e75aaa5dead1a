//! DOCX through docx-rs. We walk the document model ourselves because a
//! resume's words live in more places than body paragraphs: tables (skills
//! grids), content controls (templates), hyperlinks, tracked insertions, and
//! the header and footer (where templates put contact data). `w:tab`, `w:br`
//! and `w:cr` become separators so words on either side never glue together.

use super::{Extracted, Format};
use crate::error::{Error, Result};
use docx_rs::{
    DocumentChild, FooterChild, HeaderChild, InsertChild, Paragraph, ParagraphChild, Run, RunChild,
    StructuredDataTag, StructuredDataTagChild, Table, TableCellContent, TableChild, TableRowChild,
};
use std::io::Cursor;

/// True when the zip holds `word/document.xml`, the part every DOCX has.
pub(super) fn has_document_part(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes))
        .map(|mut z| z.by_name("word/document.xml").is_ok())
        .unwrap_or(false)
}

pub(super) fn extract(name: &str, bytes: &[u8]) -> Result<Extracted> {
    let docx = docx_rs::read_docx(bytes).map_err(|e| Error::Corrupt {
        path: name.into(),
        format: "DOCX",
        detail: format!("the file is damaged or not a Word document ({e})"),
    })?;
    let mut out = String::new();
    let section = &docx.document.section_property;
    for (_, header) in [&section.first_header, &section.header, &section.even_header]
        .into_iter()
        .flatten()
    {
        for child in &header.children {
            match child {
                HeaderChild::Paragraph(p) => paragraph(p, &mut out),
                HeaderChild::Table(t) => table(t, &mut out),
                HeaderChild::StructuredDataTag(s) => sdt(s, &mut out),
            }
        }
    }
    for child in &docx.document.children {
        match child {
            DocumentChild::Paragraph(p) => paragraph(p, &mut out),
            DocumentChild::Table(t) => table(t, &mut out),
            DocumentChild::StructuredDataTag(s) => sdt(s, &mut out),
            _ => {}
        }
    }
    for (_, footer) in [&section.first_footer, &section.footer, &section.even_footer]
        .into_iter()
        .flatten()
    {
        for child in &footer.children {
            match child {
                FooterChild::Paragraph(p) => paragraph(p, &mut out),
                FooterChild::Table(t) => table(t, &mut out),
                FooterChild::StructuredDataTag(s) => sdt(s, &mut out),
            }
        }
    }
    Ok(Extracted {
        format: Format::Docx,
        text: out,
        page_starts: Vec::new(),
        notices: Vec::new(),
    })
}

fn paragraph(p: &Paragraph, out: &mut String) {
    paragraph_children(&p.children, out);
    out.push('\n');
}

fn paragraph_children(children: &[ParagraphChild], out: &mut String) {
    for child in children {
        match child {
            ParagraphChild::Run(r) => run(r, out),
            ParagraphChild::Hyperlink(h) => paragraph_children(&h.children, out),
            ParagraphChild::Insert(ins) => {
                for c in &ins.children {
                    if let InsertChild::Run(r) = c {
                        run(r, out);
                    }
                }
            }
            ParagraphChild::StructuredDataTag(s) => sdt_inline(s, out),
            _ => {}
        }
    }
}

fn run(r: &Run, out: &mut String) {
    for child in &r.children {
        match child {
            RunChild::Text(t) => out.push_str(&t.text),
            RunChild::Tab(_) | RunChild::PTab(_) => out.push('\t'),
            RunChild::Break(_) | RunChild::CarriageReturn(_) => out.push('\n'),
            RunChild::Sym(_) => out.push('\u{2022}'),
            _ => {}
        }
    }
}

fn table(t: &Table, out: &mut String) {
    for TableChild::TableRow(row) in &t.rows {
        for TableRowChild::TableCell(cell) in &row.cells {
            for content in &cell.children {
                match content {
                    TableCellContent::Paragraph(p) => paragraph(p, out),
                    TableCellContent::Table(t) => table(t, out),
                    TableCellContent::StructuredDataTag(s) => sdt(s, out),
                    TableCellContent::TableOfContents(_) => {}
                }
            }
        }
    }
}

/// A block-level content control: its paragraphs are lines of their own.
fn sdt(s: &StructuredDataTag, out: &mut String) {
    for child in &s.children {
        match child {
            StructuredDataTagChild::Run(r) => run(r, out),
            StructuredDataTagChild::Paragraph(p) => paragraph(p, out),
            StructuredDataTagChild::Table(t) => table(t, out),
            StructuredDataTagChild::StructuredDataTag(s) => sdt(s, out),
            _ => {}
        }
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
}

/// An inline content control inside a paragraph: no line break after it.
fn sdt_inline(s: &StructuredDataTag, out: &mut String) {
    for child in &s.children {
        match child {
            StructuredDataTagChild::Run(r) => run(r, out),
            StructuredDataTagChild::StructuredDataTag(s) => sdt_inline(s, out),
            StructuredDataTagChild::Paragraph(p) => paragraph(p, out),
            StructuredDataTagChild::Table(t) => table(t, out),
            _ => {}
        }
    }
}
