//! Renders the labeled evaluation resumes in `tests/eval/resumes/` to PDF and
//! DOCX, in the layouts that real resumes come in.
//!
//! Why this exists: `tests/eval/` is a hand-labeled set for measuring how well
//! keywords are found (precision and recall per match tier) and how well PDF
//! and DOCX text survives extraction. The labels describe the `.txt` sources;
//! this program renders each source into the formats its front matter asks
//! for, so every rendering carries exactly the labeled text, laid out the way
//! résumé builders, Word and LaTeX lay it out (sidebars, skill grids, running
//! headers, ligatures and end-of-line hyphenation, Symbol-font bullets, text
//! boxes, tables).
//!
//! ```text
//! cargo run --example gen_eval
//! ```
//!
//! The output is deterministic: lopdf writes no IDs, dates or `/Info`, every
//! DOCX is built on a fresh thread (docx-rs numbers paragraphs with a
//! thread-local counter, so no document depends on the ones built before it)
//! and its zip entries carry docx-rs's fixed dates. Renderings that a source no
//! longer asks for are deleted.
//!
//! Each source starts with a front-matter block:
//!
//! ```text
//! ---
//! layout: single | two-column | skills-table | header-contact | latex | word-export | textbox
//! formats: [txt, pdf, docx]   # txt is the source itself and is always present
//! bullets: "•"                # • ◦ ▪ – * ➤ : the bullet glyph of the renderings
//! order: columns | rows       # two-column only: content-stream order (default columns)
//! ---
//! ```
//!
//! After it, the markup of `examples/gen_fixtures.rs`: line 1 is the name,
//! line 2 the contact line (fields separated by " | "); a line with letters
//! but no lower-case letters is a section heading; a line starting with the
//! declared bullet glyph (or `- `) and a space is a bullet; other non-blank
//! lines are body text; blank lines separate blocks. Skills sections (a
//! heading containing "SKILLS") hold "Label: items" lines where a layout needs
//! them (skills-table).
//!
//! Layouts:
//! - `single`: one column, Helvetica (as `fixtures/resumes/*.pdf`); DOCX with
//!   one paragraph per line, bullets as "<glyph> " text.
//! - `two-column`: PDF with the name across the top, a sidebar (x 54–220:
//!   CONTACT from the contact line, then the SKILLS, TECHNICAL SKILLS,
//!   EDUCATION, LANGUAGES and CERTIFICATIONS sections) and a main column
//!   (x 240–558) on one 13 pt baseline grid, so rows of the two columns share
//!   baselines (as `fixtures/structure/two-column.pdf`). `order: columns`
//!   writes the sidebar's text objects before the main column's; `order:
//!   rows` writes them row by row (left, right, left, ...), as many design
//!   tools do. The main column continues on page 2 when it is long. DOCX: the
//!   same split as a borderless two-cell layout table.
//! - `skills-table`: skills "Label: items" lines as a two-column grid with
//!   cell borders in the PDF (label and items on the same baseline) and as a
//!   DOCX table.
//! - `header-contact`: name and contact line only in the running page header
//!   (PDF: drawn in the top margin of every page; DOCX: the default header).
//! - `latex`: a pdfTeX-like PDF: Times with a `/Differences` encoding that
//!   puts the ligature glyphs `/fi` and `/fl` at codes 12 and 13 (so "fi" and
//!   "fl" are written as single glyphs, which pdf-extract decodes as U+FB01 /
//!   U+FB02), justified lines written as `TJ` arrays whose word gaps are
//!   kerning offsets (no space characters) with pair kerns inside some words,
//!   words hyphenated at line ends (a small hyphenation table, including
//!   Ku-ber-netes, Post-greSQL and mi-cro-ser-vices, plus a vowel/consonant
//!   rule for other lower-case words), compounds broken after their own
//!   hyphen ("Objective-" / "C"), bullets as a separate Symbol glyph written
//!   before the item, bold job titles and skill labels. No DOCX.
//! - `word-export`: a Word-"Save as PDF"-like PDF: TrueType Arial with
//!   `/Widths` (not embedded), each bullet a separate text object in the
//!   Symbol font whose ToUnicode maps it to U+F0B7 (Word's private-use
//!   bullet), the text at a 0.5 in hanging indent, long lines split into two
//!   absolutely positioned chunks and skill labels in bold runs. DOCX: bullets
//!   are list numbering (Symbol U+F0B7), not text.
//! - `textbox`: DOCX with the contact line in one floating text box and the
//!   SKILLS section in another (DrawingML spliced in, as in gen_fixtures.rs).
//!
//! Bullet glyphs: •, – and * are drawn inline in WinAnsi (Helvetica); ◦ and ▪
//! as separate text objects in a Helvetica whose `/Differences` name them
//! `/openbullet` and `/blacksmallsquare`; ➤ from ZapfDingbats (a174). In the
//! latex layout • is Symbol's bullet, in word-export the TrueType Symbol one.
//!
//! PDF text must be encodable in Windows-1252 (the generator fails
//! otherwise); sources with other characters (CJK, ı, ğ) are txt/docx only.

use std::collections::BTreeSet;
use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use docx_rs::{
    AbstractNumbering, Docx, Header, IndentLevel, Level, LevelJc, LevelText, NumberFormat,
    Numbering, NumberingId, Paragraph, Run, RunFonts, SpecialIndentType, Start, Table, TableCell,
    TableRow, WidthType,
};
use lopdf::{Dictionary, Document, Object, Stream, dictionary};

#[path = "common/blocks.rs"]
mod blocks;
#[path = "common/pdfdoc.rs"]
mod pdfdoc;
#[path = "common/winansi.rs"]
mod winansi;
use blocks::Block;
use pdfdoc::{
    HELVETICA, HELVETICA_BOLD, PAGE_HEIGHT, PAGE_WIDTH, finish_pdf, pdf_literal, save_pdf, wrap_by,
};
use winansi::to_winansi;

// ---------------------------------------------------------------------------
// Front matter.
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    Single,
    TwoColumn,
    SkillsTable,
    HeaderContact,
    Latex,
    WordExport,
    TextBox,
}

impl Layout {
    fn parse(s: &str) -> Result<Layout> {
        Ok(match s {
            "single" => Layout::Single,
            "two-column" => Layout::TwoColumn,
            "skills-table" => Layout::SkillsTable,
            "header-contact" => Layout::HeaderContact,
            "latex" => Layout::Latex,
            "word-export" => Layout::WordExport,
            "textbox" => Layout::TextBox,
            _ => bail!("unknown layout {s:?}"),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bullet {
    Dot,
    OpenCircle,
    SmallSquare,
    EnDash,
    Asterisk,
    Arrow,
}

impl Bullet {
    fn parse(s: &str) -> Result<Bullet> {
        Ok(match s {
            "•" => Bullet::Dot,
            "◦" => Bullet::OpenCircle,
            "▪" => Bullet::SmallSquare,
            "–" => Bullet::EnDash,
            "*" => Bullet::Asterisk,
            "➤" => Bullet::Arrow,
            _ => bail!("unknown bullet glyph {s:?}"),
        })
    }

    fn glyph(self) -> char {
        match self {
            Bullet::Dot => '•',
            Bullet::OpenCircle => '◦',
            Bullet::SmallSquare => '▪',
            Bullet::EnDash => '–',
            Bullet::Asterisk => '*',
            Bullet::Arrow => '➤',
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    Columns,
    Rows,
}

#[derive(Debug, Clone, Copy)]
struct FrontMatter {
    layout: Layout,
    pdf: bool,
    docx: bool,
    bullet: Bullet,
    order: Order,
}

/// Splits `---` front matter from the resume text and parses it.
fn split_front_matter(text: &str) -> Result<(FrontMatter, &str)> {
    let rest = text
        .strip_prefix("---\n")
        .context("the file must start with a `---` front-matter line")?;
    let end = rest
        .find("\n---\n")
        .context("no closing `---` line after the front matter")?;
    let (head, body) = (&rest[..end], &rest[end + 5..]);
    let (mut layout, mut formats, mut bullet, mut order) = (None, None, None, None);
    for line in head.lines() {
        let line = line.split(" #").next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let (key, value) = line
            .split_once(':')
            .with_context(|| format!("front matter line without `key:`: {line:?}"))?;
        let value = value.trim();
        match key.trim() {
            "layout" => layout = Some(Layout::parse(value)?),
            "formats" => {
                let list = value
                    .strip_prefix('[')
                    .and_then(|v| v.strip_suffix(']'))
                    .context("formats must be a [list]")?;
                let items: Vec<&str> = list.split(',').map(str::trim).collect();
                for item in &items {
                    if !matches!(*item, "txt" | "pdf" | "docx") {
                        bail!("unknown format {item:?}");
                    }
                }
                if !items.contains(&"txt") {
                    bail!("formats must include txt (the source is the txt rendering)");
                }
                formats = Some((items.contains(&"pdf"), items.contains(&"docx")));
            }
            "bullets" => {
                let glyph = value.trim_matches('"');
                bullet = Some(Bullet::parse(glyph)?);
            }
            "order" => {
                order = Some(match value {
                    "columns" => Order::Columns,
                    "rows" => Order::Rows,
                    _ => bail!("order must be columns or rows, not {value:?}"),
                })
            }
            other => bail!("unknown front-matter key {other:?}"),
        }
    }
    let layout = layout.context("front matter has no layout")?;
    let (pdf, docx) = formats.context("front matter has no formats")?;
    if order.is_some() && layout != Layout::TwoColumn {
        bail!("order is only meaningful for the two-column layout");
    }
    if layout == Layout::Latex && docx {
        bail!("the latex layout has no DOCX rendering");
    }
    if layout == Layout::TextBox && pdf {
        bail!("the textbox layout is a DOCX layout; it has no PDF rendering");
    }
    let fm = FrontMatter {
        layout,
        pdf,
        docx,
        bullet: bullet.context("front matter has no bullets")?,
        order: order.unwrap_or(Order::Columns),
    };
    Ok((fm, body))
}

// ---------------------------------------------------------------------------
// Resume markup.
// ---------------------------------------------------------------------------

/// Bullets are the front matter's glyph or "- ".
fn parse_resume(text: &str, bullet: Bullet) -> Result<Vec<Block>> {
    blocks::parse_resume(text, &[&format!("{} ", bullet.glyph()), "- "])
}

fn is_skills_heading(heading: &str) -> bool {
    heading.contains("SKILLS")
}

/// Sections that go into the sidebar of the two-column layout.
const SIDEBAR_SECTIONS: [&str; 5] = [
    "SKILLS",
    "TECHNICAL SKILLS",
    "EDUCATION",
    "LANGUAGES",
    "CERTIFICATIONS",
];

/// The two-column split of [`blocks::split_columns`], without blank space
/// at the foot of the sidebar or the head of the main column.
fn split_columns(blocks: &[Block]) -> Result<(String, Vec<Block>, Vec<Block>)> {
    let (name, mut left, mut right) = blocks::split_columns(blocks, &SIDEBAR_SECTIONS)?;
    while left.last() == Some(&Block::Gap) {
        left.pop();
    }
    while right.first() == Some(&Block::Gap) {
        right.remove(0);
    }
    Ok((name, left, right))
}

// ---------------------------------------------------------------------------
// Standard-14 font metrics (from the Adobe AFM files, as pdf-extract uses them).
// ---------------------------------------------------------------------------

/// Times-Roman advance widths (1/1000 em) for WinAnsi codes 0x20..=0xFF, from the
/// Adobe AFM metrics (0 = no glyph in WinAnsiEncoding).
#[rustfmt::skip]
const TIMES_ROMAN: [u16; 224] = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
    921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
    556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
    333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541, 0,
    500, 0, 333, 500, 444, 1000, 500, 500, 333, 1000, 556, 333, 889, 0, 611, 0,
    0, 333, 333, 444, 444, 350, 500, 1000, 333, 980, 389, 333, 722, 0, 444, 722,
    250, 333, 500, 500, 500, 500, 200, 500, 333, 760, 276, 500, 564, 333, 760, 333,
    400, 564, 300, 300, 333, 500, 453, 250, 333, 300, 310, 500, 750, 750, 750, 444,
    722, 722, 722, 722, 722, 722, 889, 667, 611, 611, 611, 611, 333, 333, 333, 333,
    722, 722, 722, 722, 722, 722, 722, 564, 722, 722, 722, 722, 722, 722, 556, 500,
    444, 444, 444, 444, 444, 444, 667, 444, 444, 444, 444, 444, 278, 278, 278, 278,
    500, 500, 500, 500, 500, 500, 500, 564, 500, 500, 500, 500, 500, 500, 500, 500,
];

/// Times-Bold advance widths (1/1000 em) for WinAnsi codes 0x20..=0xFF, from the
/// Adobe AFM metrics (0 = no glyph in WinAnsiEncoding).
#[rustfmt::skip]
const TIMES_BOLD: [u16; 224] = [
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278,
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500,
    930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
    611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500,
    333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,
    556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520, 0,
    500, 0, 333, 500, 500, 1000, 500, 500, 333, 1000, 556, 333, 1000, 0, 667, 0,
    0, 333, 333, 500, 500, 350, 500, 1000, 333, 1000, 389, 333, 722, 0, 444, 722,
    250, 333, 500, 500, 500, 500, 220, 500, 333, 747, 300, 500, 570, 333, 747, 333,
    400, 570, 300, 300, 333, 556, 540, 250, 333, 300, 330, 500, 750, 750, 750, 500,
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 389, 389, 389, 389,
    722, 722, 778, 778, 778, 778, 778, 570, 778, 722, 722, 722, 722, 722, 611, 556,
    500, 500, 500, 500, 500, 500, 722, 444, 444, 444, 444, 444, 278, 278, 278, 278,
    500, 556, 500, 500, 500, 500, 500, 570, 500, 556, 556, 556, 556, 500, 556, 500,
];

// ---------------------------------------------------------------------------
// PDF fonts, encodings and metrics.
// ---------------------------------------------------------------------------

/// The fonts the layouts use. Each is a resource of its own; a document
/// only gets the ones it uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Font {
    /// Helvetica, WinAnsiEncoding (standard 14).
    Helv,
    HelvBold,
    /// Times-Roman, WinAnsiEncoding with `/fi` `/fl` at codes 12 and 13.
    Times,
    TimesBold,
    /// TrueType ArialMT with `/Widths`, not embedded (Word export).
    Arial,
    ArialBold,
    /// TrueType Symbol whose ToUnicode maps the bullet to U+F0B7 (Word).
    SymbolWord,
    /// Standard-14 Symbol, built-in encoding (LaTeX-style bullet).
    Symbol,
    /// Standard-14 ZapfDingbats (➤ is code 0xE4, glyph a174).
    Zapf,
    /// Helvetica with `/Differences` naming `/openbullet` (code 1) and
    /// `/blacksmallsquare` (code 2), for ◦ and ▪.
    BulletNames,
}

impl Font {
    fn resource(self) -> &'static str {
        match self {
            Font::Helv => "F1",
            Font::HelvBold => "F2",
            Font::Times => "T1",
            Font::TimesBold => "T2",
            Font::Arial => "A1",
            Font::ArialBold => "A2",
            Font::SymbolWord => "S1",
            Font::Symbol => "S2",
            Font::Zapf => "Z1",
            Font::BulletNames => "B1",
        }
    }

    /// Advance width of one code in 1/1000 em.
    fn width(self, code: u8) -> f64 {
        let table = |t: &[u16; 224]| {
            if code >= 0x20 {
                f64::from(t[usize::from(code - 0x20)])
            } else {
                0.0
            }
        };
        match self {
            Font::Helv | Font::Arial => table(&HELVETICA),
            Font::HelvBold | Font::ArialBold => table(&HELVETICA_BOLD),
            Font::Times if code == LIG_FI || code == LIG_FL => 556.0,
            Font::TimesBold if code == LIG_FI || code == LIG_FL => 556.0,
            Font::Times => table(&TIMES_ROMAN),
            Font::TimesBold => table(&TIMES_BOLD),
            Font::SymbolWord | Font::Symbol => 460.0,
            Font::Zapf => 917.0,
            Font::BulletNames => 354.0,
        }
    }

    fn text_width(self, size: f64, bytes: &[u8]) -> f64 {
        bytes.iter().map(|&b| self.width(b)).sum::<f64>() * size / 1000.0
    }

    fn dictionary(self, doc: &mut Document) -> Dictionary {
        let winansi = |base: &str| {
            dictionary! {
                "Type" => "Font",
                "Subtype" => "Type1",
                "BaseFont" => base.to_owned(),
                "Encoding" => "WinAnsiEncoding",
            }
        };
        let ligatures = |base: &str| {
            dictionary! {
                "Type" => "Font",
                "Subtype" => "Type1",
                "BaseFont" => base.to_owned(),
                "Encoding" => dictionary! {
                    "Type" => "Encoding",
                    "BaseEncoding" => "WinAnsiEncoding",
                    "Differences" => vec![
                        i64::from(LIG_FI).into(),
                        Object::Name(b"fi".to_vec()),
                        Object::Name(b"fl".to_vec()),
                    ],
                },
            }
        };
        match self {
            Font::Helv => winansi("Helvetica"),
            Font::HelvBold => winansi("Helvetica-Bold"),
            Font::Times => ligatures("Times-Roman"),
            Font::TimesBold => ligatures("Times-Bold"),
            Font::Arial | Font::ArialBold => {
                let (name, table, flags, stem) = if self == Font::Arial {
                    ("ArialMT", &HELVETICA, 32, 80)
                } else {
                    ("Arial-BoldMT", &HELVETICA_BOLD, 32 | 262_144, 140)
                };
                let descriptor = doc.add_object(dictionary! {
                    "Type" => "FontDescriptor",
                    "FontName" => name,
                    "Flags" => flags,
                    "FontBBox" => vec![(-665).into(), (-325).into(), 2000.into(), 1006.into()],
                    "ItalicAngle" => 0,
                    "Ascent" => 905,
                    "Descent" => -212,
                    "CapHeight" => 716,
                    "StemV" => stem,
                });
                let widths: Vec<Object> = table.iter().map(|&w| i64::from(w).into()).collect();
                dictionary! {
                    "Type" => "Font",
                    "Subtype" => "TrueType",
                    "BaseFont" => name,
                    "FirstChar" => 32,
                    "LastChar" => 255,
                    "Widths" => widths,
                    "Encoding" => "WinAnsiEncoding",
                    "FontDescriptor" => descriptor,
                }
            }
            Font::SymbolWord => {
                let descriptor = doc.add_object(dictionary! {
                    "Type" => "FontDescriptor",
                    "FontName" => "Symbol",
                    "Flags" => 4,
                    "FontBBox" => vec![0.into(), (-220).into(), 1113.into(), 1005.into()],
                    "ItalicAngle" => 0,
                    "Ascent" => 1005,
                    "Descent" => -220,
                    "CapHeight" => 693,
                    "StemV" => 85,
                });
                let cmap = b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
1 begincodespacerange\n<00> <FF>\nendcodespacerange\n\
1 beginbfchar\n<B7> <F0B7>\nendbfchar\nendcmap\n\
CMapName currentdict /CMap defineresource pop\nend\nend\n"
                    .to_vec();
                let to_unicode = doc.add_object(Stream::new(Dictionary::new(), cmap));
                dictionary! {
                    "Type" => "Font",
                    "Subtype" => "TrueType",
                    "BaseFont" => "Symbol",
                    "FirstChar" => 183,
                    "LastChar" => 183,
                    "Widths" => vec![460.into()],
                    "FontDescriptor" => descriptor,
                    "ToUnicode" => to_unicode,
                }
            }
            Font::Symbol => dictionary! {
                "Type" => "Font",
                "Subtype" => "Type1",
                "BaseFont" => "Symbol",
            },
            Font::Zapf => dictionary! {
                "Type" => "Font",
                "Subtype" => "Type1",
                "BaseFont" => "ZapfDingbats",
            },
            Font::BulletNames => dictionary! {
                "Type" => "Font",
                "Subtype" => "Type1",
                "BaseFont" => "Helvetica",
                "Encoding" => dictionary! {
                    "Type" => "Encoding",
                    "BaseEncoding" => "WinAnsiEncoding",
                    "Differences" => vec![
                        1.into(),
                        Object::Name(b"openbullet".to_vec()),
                        Object::Name(b"blacksmallsquare".to_vec()),
                    ],
                },
                "FirstChar" => 1,
                "LastChar" => 2,
                "Widths" => vec![354.into(), 354.into()],
            },
        }
    }
}

/// Codes of the ligature glyphs in the Times fonts' `/Differences`
/// (where OT1-encoded TeX fonts keep them).
const LIG_FI: u8 = 12;
const LIG_FL: u8 = 13;

/// WinAnsi bytes with every "fi" and "fl" replaced by its ligature code.
fn with_ligatures(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1)) {
            (b'f', Some(b'i')) => {
                out.push(LIG_FI);
                i += 2;
            }
            (b'f', Some(b'l')) => {
                out.push(LIG_FL);
                i += 2;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// `BT /F size Tf x y Td (text) Tj ET`: one positioned text object.
fn text_object(font: Font, size: f64, x: f64, y: f64, bytes: &[u8]) -> Vec<u8> {
    let mut op = format!("BT /{} {} Tf {:.2} {:.2} Td ", font.resource(), size, x, y).into_bytes();
    op.extend_from_slice(&pdf_literal(bytes));
    op.extend_from_slice(b" Tj ET\n");
    op
}

/// Greedy word wrap on spaces in one font and size.
fn wrap(font: Font, size: f64, bytes: &[u8], first_width: f64, rest_width: f64) -> Vec<Vec<u8>> {
    wrap_by(bytes, first_width, rest_width, |b| font.text_width(size, b))
}

/// How a layout draws the bullet glyph: inline in the body font, or as a
/// separate text object in a font of its own.
#[derive(Debug, Clone, Copy)]
enum BulletDraw {
    Inline(u8),
    Glyph(Font, u8),
}

fn bullet_draw(bullet: Bullet, layout: Layout) -> BulletDraw {
    match (bullet, layout) {
        (Bullet::Dot, Layout::WordExport) => BulletDraw::Glyph(Font::SymbolWord, 0xB7),
        (Bullet::Dot, Layout::Latex) => BulletDraw::Glyph(Font::Symbol, 0xB7),
        (Bullet::EnDash, Layout::Latex) => BulletDraw::Glyph(Font::Times, 0x96),
        (Bullet::Asterisk, Layout::Latex) => BulletDraw::Glyph(Font::Times, b'*'),
        (Bullet::Dot, _) => BulletDraw::Inline(0x95),
        (Bullet::EnDash, _) => BulletDraw::Inline(0x96),
        (Bullet::Asterisk, _) => BulletDraw::Inline(b'*'),
        (Bullet::OpenCircle, _) => BulletDraw::Glyph(Font::BulletNames, 1),
        (Bullet::SmallSquare, _) => BulletDraw::Glyph(Font::BulletNames, 2),
        (Bullet::Arrow, _) => BulletDraw::Glyph(Font::Zapf, 0xE4),
    }
}

/// Collects page content streams and the fonts they use.
#[derive(Default)]
struct PdfPages {
    pages: Vec<Vec<u8>>,
    fonts: BTreeSet<Font>,
}

impl PdfPages {
    /// Appends `ops` to page `page` (0-based), creating pages as needed.
    fn push(&mut self, page: usize, ops: &[u8]) {
        while self.pages.len() <= page {
            self.pages.push(Vec::new());
        }
        self.pages[page].extend_from_slice(ops);
    }

    fn text(&mut self, page: usize, font: Font, size: f64, x: f64, y: f64, bytes: &[u8]) {
        self.fonts.insert(font);
        self.push(page, &text_object(font, size, x, y, bytes));
    }

    /// Serializes the pages into a PDF with a classic xref table.
    fn finish(self) -> Result<Vec<u8>> {
        let mut doc = Document::with_version("1.7");
        let pages_id = doc.new_object_id();
        let mut font_dict = Dictionary::new();
        for font in &self.fonts {
            let dict = font.dictionary(&mut doc);
            let id = doc.add_object(dict);
            font_dict.set(font.resource(), id);
        }
        let resources_id = doc.add_object(dictionary! { "Font" => font_dict });
        finish_pdf(&mut doc, pages_id, resources_id, self.pages);
        save_pdf(&mut doc)
    }
}

// ---------------------------------------------------------------------------
// Lines made of pieces, and a page flow that places them.
// ---------------------------------------------------------------------------

/// One text object of a line: font, size, x, bytes.
#[derive(Debug, Clone)]
struct Piece {
    font: Font,
    size: f64,
    x: f64,
    bytes: Vec<u8>,
}

fn piece(font: Font, size: f64, x: f64, bytes: Vec<u8>) -> Piece {
    Piece {
        font,
        size,
        x,
        bytes,
    }
}

/// Wrapped lines of plain text starting at `x`.
fn body_lines(font: Font, size: f64, x: f64, width: f64, text: &[u8]) -> Vec<Vec<Piece>> {
    wrap(font, size, text, width, width)
        .into_iter()
        .map(|line| vec![piece(font, size, x, line)])
        .collect()
}

/// Wrapped lines of a bullet: the glyph at `x`, the text hanging after it.
fn bullet_lines(
    draw: BulletDraw,
    font: Font,
    size: f64,
    x: f64,
    width: f64,
    text: &[u8],
) -> Vec<Vec<Piece>> {
    match draw {
        BulletDraw::Inline(glyph) => {
            let mut bytes = vec![glyph, b' '];
            bytes.extend_from_slice(text);
            let hang = font.text_width(size, &[glyph, b' ']);
            wrap(font, size, &bytes, width, width - hang)
                .into_iter()
                .enumerate()
                .map(|(i, line)| {
                    let x = if i == 0 { x } else { x + hang };
                    vec![piece(font, size, x, line)]
                })
                .collect()
        }
        BulletDraw::Glyph(glyph_font, code) => {
            let hang = 1.2 * size;
            let glyph_size = if glyph_font == Font::Zapf {
                0.8 * size
            } else {
                size
            };
            wrap(font, size, text, width - hang, width - hang)
                .into_iter()
                .enumerate()
                .map(|(i, line)| {
                    let mut pieces = Vec::new();
                    if i == 0 {
                        pieces.push(piece(glyph_font, glyph_size, x, vec![code]));
                    }
                    pieces.push(piece(font, size, x + hang, line));
                    pieces
                })
                .collect()
        }
    }
}

/// Places lines top to bottom, page after page.
struct Flow {
    out: PdfPages,
    page: usize,
    /// Top of the next line box.
    y: f64,
    /// Where the body starts on every page, and where it must end.
    top: f64,
    bottom: f64,
    started: bool,
}

impl Flow {
    fn new(top: f64, bottom: f64) -> Flow {
        Flow {
            out: PdfPages::default(),
            page: 0,
            y: top,
            top,
            bottom,
            started: false,
        }
    }

    fn ensure_room(&mut self, needed: f64) {
        if self.y - needed < self.bottom && self.started {
            self.page += 1;
            self.y = self.top;
            self.started = false;
        }
    }

    fn space(&mut self, points: f64) {
        if self.started {
            self.y -= points;
        }
    }

    /// Reserves one line box; returns its page and baseline.
    fn next_line(&mut self, size: f64, leading: f64) -> (usize, f64) {
        self.ensure_room(leading);
        let baseline = self.y - size;
        self.y -= leading;
        self.started = true;
        (self.page, baseline)
    }

    /// Places one line of pieces (the first piece's size sets the baseline).
    fn line(&mut self, pieces: &[Piece], leading: f64) {
        let size = pieces.iter().map(|p| p.size).fold(0.0, f64::max);
        let (page, baseline) = self.next_line(size, leading);
        for p in pieces {
            self.out.text(page, p.font, p.size, p.x, baseline, &p.bytes);
        }
    }

    fn lines(&mut self, lines: Vec<Vec<Piece>>, leading: f64) {
        for line in lines {
            self.line(&line, leading);
        }
    }

    fn pages(&self) -> usize {
        self.page + 1
    }
}

// ---------------------------------------------------------------------------
// single, skills-table and header-contact PDFs (Helvetica).
// ---------------------------------------------------------------------------

const MARGIN: f64 = 54.0;
const TEXT_WIDTH: f64 = PAGE_WIDTH - 2.0 * MARGIN;
const BODY_SIZE: f64 = 10.0;
const BODY_LEADING: f64 = 13.0;
const BULLET_INDENT: f64 = 8.0;
/// Top of the body under a running header (header-contact layout).
const HEADER_BODY_TOP: f64 = PAGE_HEIGHT - 84.0;
/// Skills grid (skills-table PDF): label cell and items cell.
const GRID_LABEL_WIDTH: f64 = 124.0;
const GRID_PAD: f64 = 4.0;

fn flow_pdf(blocks: &[Block], fm: FrontMatter) -> Result<(Vec<u8>, usize)> {
    let running_header = fm.layout == Layout::HeaderContact;
    let top = if running_header {
        HEADER_BODY_TOP
    } else {
        PAGE_HEIGHT - MARGIN
    };
    let mut f = Flow::new(top, MARGIN);
    let draw = bullet_draw(fm.bullet, fm.layout);
    let (mut name, mut contact) = (Vec::new(), Vec::new());
    let mut in_skills = false;
    let mut in_grid = false;
    for block in blocks {
        let grid_row = matches!(block, Block::Body(t) if fm.layout == Layout::SkillsTable
            && in_skills && t.contains(": "));
        if in_grid && !grid_row {
            f.space(4.0);
        }
        in_grid = grid_row;
        match block {
            Block::Name(text) => {
                let bytes = to_winansi(text)?;
                if running_header {
                    name = bytes;
                } else {
                    f.line(&[piece(Font::HelvBold, 16.0, MARGIN, bytes)], 21.0);
                }
            }
            Block::Contact(text) if running_header => contact = to_winansi(text)?,
            Block::Contact(text) | Block::Body(text) if !grid_row => {
                let lines = body_lines(
                    Font::Helv,
                    BODY_SIZE,
                    MARGIN,
                    TEXT_WIDTH,
                    &to_winansi(text)?,
                );
                f.lines(lines, BODY_LEADING);
            }
            Block::Body(text) | Block::Contact(text) => skills_grid_row(&mut f, text)?,
            Block::Heading(text) => {
                in_skills = is_skills_heading(text);
                f.ensure_room(4.0 + 17.0 + 2.0 * BODY_LEADING);
                f.space(4.0);
                f.line(
                    &[piece(Font::HelvBold, 12.0, MARGIN, to_winansi(text)?)],
                    17.0,
                );
            }
            Block::Bullet(text) => {
                let x = MARGIN + BULLET_INDENT;
                let lines = bullet_lines(
                    draw,
                    Font::Helv,
                    BODY_SIZE,
                    x,
                    TEXT_WIDTH - BULLET_INDENT,
                    &to_winansi(text)?,
                );
                f.lines(lines, BODY_LEADING);
            }
            Block::Gap => f.space(6.0),
        }
    }
    let pages = f.pages();
    let mut out = f.out;
    if running_header {
        // The running header: name and contact line in the top margin of
        // every page, written first in each page's content stream.
        out.fonts.insert(Font::HelvBold);
        out.fonts.insert(Font::Helv);
        for page in &mut out.pages {
            let mut ops = text_object(Font::HelvBold, 11.0, MARGIN, PAGE_HEIGHT - 40.0, &name);
            ops.extend(text_object(
                Font::Helv,
                9.0,
                MARGIN,
                PAGE_HEIGHT - 53.0,
                &contact,
            ));
            ops.extend_from_slice(
                format!(
                    "0.5 w {MARGIN} {y:.2} m {x2} {y:.2} l S\n",
                    y = PAGE_HEIGHT - 60.0,
                    x2 = PAGE_WIDTH - MARGIN
                )
                .as_bytes(),
            );
            ops.append(page);
            *page = ops;
        }
    }
    Ok((out.finish()?, pages))
}

/// One "Label: items" line of a skills section as a bordered grid row: the
/// bold label in the left cell and the items in the right cell, starting on
/// the same baseline.
fn skills_grid_row(f: &mut Flow, text: &str) -> Result<()> {
    let (label, items) = text
        .split_once(": ")
        .with_context(|| format!("skills line without \"label: \": {text:?}"))?;
    let label_x = MARGIN + GRID_PAD;
    let items_x = MARGIN + GRID_LABEL_WIDTH + GRID_PAD;
    let label_lines = wrap(
        Font::HelvBold,
        BODY_SIZE,
        &to_winansi(label)?,
        GRID_LABEL_WIDTH - 2.0 * GRID_PAD,
        GRID_LABEL_WIDTH - 2.0 * GRID_PAD,
    );
    let items_width = TEXT_WIDTH - GRID_LABEL_WIDTH - 2.0 * GRID_PAD;
    let item_lines = wrap(
        Font::Helv,
        BODY_SIZE,
        &to_winansi(items)?,
        items_width,
        items_width,
    );
    let rows = label_lines.len().max(item_lines.len());
    let height = rows as f64 * BODY_LEADING + 2.0 * GRID_PAD;
    f.ensure_room(height);
    f.started = true;
    let (page, top) = (f.page, f.y);
    let bottom = top - height;
    let divider = MARGIN + GRID_LABEL_WIDTH;
    f.out.push(
        page,
        format!(
            "0.5 w 0.6 G {MARGIN} {bottom:.2} {TEXT_WIDTH} {height:.2} re S \
             {divider} {bottom:.2} m {divider} {top:.2} l S 0 G\n"
        )
        .as_bytes(),
    );
    for i in 0..rows {
        let baseline = top - GRID_PAD - BODY_SIZE - i as f64 * BODY_LEADING;
        if let Some(line) = label_lines.get(i) {
            f.out
                .text(page, Font::HelvBold, BODY_SIZE, label_x, baseline, line);
        }
        if let Some(line) = item_lines.get(i) {
            f.out
                .text(page, Font::Helv, BODY_SIZE, items_x, baseline, line);
        }
    }
    f.y = bottom;
    Ok(())
}

// ---------------------------------------------------------------------------
// two-column PDF.
// ---------------------------------------------------------------------------

const SIDEBAR_X: f64 = MARGIN;
const SIDEBAR_WIDTH: f64 = 166.0;
const MAIN_X: f64 = 240.0;
const MAIN_WIDTH: f64 = PAGE_WIDTH - MARGIN - MAIN_X;
/// One baseline grid for both columns, so their rows share baselines.
const GRID: f64 = 13.0;
const COLUMN_HEADING_SIZE: f64 = 11.0;
const COLUMN_BODY_SIZE: f64 = 9.5;

/// A placed line of one column.
struct ColumnLine {
    page: usize,
    row: usize,
    column: usize,
    ops: Vec<u8>,
}

struct Column {
    index: usize,
    x: f64,
    width: f64,
    /// Baseline of row 0 on page 1 (later pages start at the top margin).
    first_top: f64,
    page: usize,
    rows: usize,
    blank: bool,
    draw: BulletDraw,
    lines: Vec<ColumnLine>,
    fonts: BTreeSet<Font>,
}

impl Column {
    fn new(index: usize, x: f64, width: f64, first_top: f64, draw: BulletDraw) -> Column {
        Column {
            index,
            x,
            width,
            first_top,
            page: 0,
            rows: 0,
            blank: true,
            draw,
            lines: Vec::new(),
            fonts: BTreeSet::new(),
        }
    }

    fn top(&self, page: usize) -> f64 {
        if page == 0 {
            self.first_top
        } else {
            PAGE_HEIGHT - MARGIN - COLUMN_HEADING_SIZE
        }
    }

    fn place(&mut self, pieces: Vec<Piece>) -> Result<()> {
        let mut baseline = self.top(self.page) - self.rows as f64 * GRID;
        if baseline < MARGIN {
            self.page += 1;
            self.rows = 0;
            baseline = self.top(self.page);
        }
        let mut ops = Vec::new();
        for p in pieces {
            let end = p.x + p.font.text_width(p.size, &p.bytes);
            if end > self.x + self.width + 0.01 {
                bail!(
                    "{:?} ends at x = {end:.1}, past the column edge {:.1}",
                    String::from_utf8_lossy(&p.bytes),
                    self.x + self.width
                );
            }
            self.fonts.insert(p.font);
            ops.extend(text_object(p.font, p.size, p.x, baseline, &p.bytes));
        }
        self.lines.push(ColumnLine {
            page: self.page,
            row: self.rows,
            column: self.index,
            ops,
        });
        self.rows += 1;
        self.blank = false;
        Ok(())
    }

    fn block(&mut self, block: &Block) -> Result<()> {
        let lines = match block {
            Block::Name(text) | Block::Heading(text) => vec![vec![piece(
                Font::HelvBold,
                COLUMN_HEADING_SIZE,
                self.x,
                to_winansi(text)?,
            )]],
            Block::Contact(text) | Block::Body(text) => body_lines(
                Font::Helv,
                COLUMN_BODY_SIZE,
                self.x,
                self.width,
                &to_winansi(text)?,
            ),
            Block::Bullet(text) => bullet_lines(
                self.draw,
                Font::Helv,
                COLUMN_BODY_SIZE,
                self.x + BULLET_INDENT,
                self.width - BULLET_INDENT,
                &to_winansi(text)?,
            ),
            Block::Gap => {
                if !self.blank {
                    self.rows += 1;
                    self.blank = true;
                }
                return Ok(());
            }
        };
        for line in lines {
            self.place(line)?;
        }
        Ok(())
    }
}

fn two_column_pdf(blocks: &[Block], fm: FrontMatter) -> Result<(Vec<u8>, usize)> {
    let (name, left, right) = split_columns(blocks)?;
    let draw = bullet_draw(fm.bullet, fm.layout);
    let name_baseline = PAGE_HEIGHT - MARGIN - 16.0;
    let top = name_baseline - 2.0 * GRID;
    let mut columns = [
        Column::new(0, SIDEBAR_X, SIDEBAR_WIDTH, top, draw),
        Column::new(1, MAIN_X, MAIN_WIDTH, top, draw),
    ];
    for (column, column_blocks) in columns.iter_mut().zip([&left, &right]) {
        for block in column_blocks {
            column.block(block)?;
        }
    }
    if columns[0].page > 0 {
        bail!("the sidebar runs past page 1; shorten the sidebar sections");
    }
    let mut out = PdfPages::default();
    out.text(
        0,
        Font::HelvBold,
        16.0,
        MARGIN,
        name_baseline,
        &to_winansi(&name)?,
    );
    let [left, right] = columns;
    out.fonts.extend(left.fonts.iter().chain(&right.fonts));
    let mut lines: Vec<ColumnLine> = left.lines.into_iter().chain(right.lines).collect();
    match fm.order {
        // One text frame after the other: sidebar, then main column.
        Order::Columns => lines.sort_by_key(|l| (l.page, l.column, l.row)),
        // Row by row across the page, as design tools often write them.
        Order::Rows => lines.sort_by_key(|l| (l.page, l.row, l.column)),
    }
    for line in &lines {
        out.push(line.page, &line.ops);
    }
    let pages = out.pages.len();
    Ok((out.finish()?, pages))
}

// ---------------------------------------------------------------------------
// latex PDF: Times, ligatures, justified TJ lines, hyphenation.
// ---------------------------------------------------------------------------

const TEX_MARGIN: f64 = 72.0;
const TEX_WIDTH: f64 = PAGE_WIDTH - 2.0 * TEX_MARGIN;
const TEX_SIZE: f64 = 11.0;
const TEX_LEADING: f64 = 13.6;
const TEX_BULLET_HANG: f64 = 16.0;

/// Hyphenation points (TeX-style, US English) for the words the sources
/// use; a line may end with the part before any `-` followed by a hyphen.
/// Keys are lower case; the point positions apply to the word as written.
const HYPHENATION: &[&str] = &[
    "ar-chi-tec-ture",
    "au-to-scal-ing",
    "back-ground",
    "cer-ti-fi-ca-tion",
    "check-out",
    "col-lab-o-ra-tion",
    "col-lec-tor",
    "com-mu-ni-ca-tion",
    "con-fig-ured",
    "con-flict",
    "con-nec-tion",
    "con-ver-sions",
    "con-tainer-ised",
    "dif-fer-ences",
    "de-ployed",
    "de-ploy-ment",
    "de-tec-tion",
    "de-sign",
    "dis-trib-uted",
    "doc-u-ment",
    "doc-u-ments",
    "ef-fi-cient",
    "en-cryp-tion",
    "en-gi-neer",
    "en-gi-neer-ing",
    "en-vi-ron-ments",
    "frame-work",
    "fi-nan-cial",
    "gar-bage",
    "iden-tity",
    "im-ple-men-ta-tion",
    "in-fra-struc-ture",
    "in-sti-tu-tional",
    "in-stru-ment",
    "in-te-gra-tions",
    "in-ter-nal",
    "in-con-sis-tent",
    "ku-ber-netes",
    "la-tency",
    "man-age-ment",
    "mar-ket-place",
    "mes-sage",
    "mes-sages",
    "mi-cro-ser-vices",
    "mi-gra-tions",
    "mi-grated",
    "mon-godb",
    "mul-ti-plex-ing",
    "no-ti-fi-ca-tion",
    "no-ti-fi-ca-tions",
    "op-ti-miza-tion",
    "or-ches-tra-tion",
    "par-ti-tion-ing",
    "pay-ments",
    "per-for-mance",
    "per-mis-sions",
    "plat-form",
    "plat-forms",
    "post-gresql",
    "pres-ence",
    "pric-ing",
    "pro-cess-ing",
    "pro-fil-ing",
    "pro-to-col",
    "pro-to-cols",
    "py-thon",
    "rab-bitmq",
    "re-con-cil-i-a-tion",
    "rec-on-cil-i-a-tion",
    "ref-er-ence",
    "reg-u-lated",
    "re-li-a-bil-ity",
    "re-quests",
    "repli-ca-tion",
    "re-search",
    "rout-ing",
    "sce-nar-ios",
    "se-cu-rity",
    "se-ri-al-iz-able",
    "ser-vice",
    "ser-vices",
    "set-tle-ment",
    "sim-u-la-tion",
    "sub-mis-sion",
    "sys-tem",
    "sys-tems",
    "through-put",
    "trad-ing",
    "trans-ac-tions",
    "tun-ing",
    "un-re-li-able",
    "val-i-da-tion",
    "ver-i-fi-ca-tion",
    "ver-i-fied",
    "web-hooks",
];

/// Pair kerns of Times-Roman (AFM KPX, 1/1000 em; negative pulls together).
const KERNS: &[(u8, u8, i32)] = &[
    (b'T', b'o', -80),
    (b'T', b'e', -70),
    (b'T', b'a', -80),
    (b'T', b'r', -35),
    (b'V', b'a', -111),
    (b'W', b'o', -80),
    (b'W', b'e', -92),
    (b'W', b'a', -80),
    (b'Y', b'o', -110),
    (b'A', b'V', -135),
    (b'P', b'.', -111),
    (b'y', b'.', -65),
    (b'r', b',', -40),
    (b'r', b'.', -55),
    (b'v', b'e', -15),
];

fn kern(a: u8, b: u8) -> i32 {
    KERNS
        .iter()
        .find(|(x, y, _)| *x == a && *y == b)
        .map_or(0, |(_, _, k)| *k)
}

/// One word of a LaTeX line (text as written, before ligatures).
#[derive(Debug, Clone)]
struct TexWord {
    font: Font,
    text: String,
}

impl TexWord {
    fn bytes(&self) -> Result<Vec<u8>> {
        Ok(with_ligatures(&to_winansi(&self.text)?))
    }

    fn width(&self, size: f64) -> Result<f64> {
        let bytes = self.bytes()?;
        let kerns: i32 = bytes.windows(2).map(|w| kern(w[0], w[1])).sum();
        Ok(self.font.text_width(size, &bytes) + f64::from(kerns) * size / 1000.0)
    }
}

/// Where `word` may be broken at a line end: byte offsets after which a
/// hyphen can be added, or after an existing hyphen (offset includes it).
fn break_points(word: &str) -> Vec<(usize, bool)> {
    let mut points = Vec::new();
    // After an explicit hyphen inside the word ("fine-grained", "Objective-C").
    for (i, c) in word.char_indices() {
        if c == '-' && i > 0 && i + 1 < word.len() {
            points.push((i + 1, false));
        }
    }
    let start = word.find(|c: char| c.is_alphanumeric()).unwrap_or(0);
    let end = word
        .rfind(|c: char| c.is_alphanumeric())
        .map_or(word.len(), |i| i + 1);
    let core = &word[start..end.max(start)];
    let lower = core.to_lowercase();
    let mut listed = false;
    for entry in HYPHENATION {
        if entry.replace('-', "") == lower {
            listed = true;
            let mut offset = 0;
            let parts: Vec<&str> = entry.split('-').collect();
            for part in &parts[..parts.len() - 1] {
                offset += part.len();
                points.push((start + offset, true));
            }
        }
    }
    // Other plain lower-case words of six letters or more, as a stand-in
    // for TeX's patterns: break before a consonant between two vowels
    // (re-quests) or between two consonants after a vowel (ser-vices,
    // lan-guages), never inside th/ch/sh/ph/ck/ng/qu, keeping at least three
    // letters on each side.
    let plain = core.len() >= 6 && core.bytes().all(|b| b.is_ascii_lowercase());
    if !listed && plain {
        let b = core.as_bytes();
        let vowel = |c: u8| b"aeiouy".contains(&c);
        let digraph = |x: u8, y: u8| {
            matches!(
                (x, y),
                (b't' | b'c' | b's' | b'p' | b'w', b'h')
                    | (b'c', b'k')
                    | (b'n', b'g')
                    | (b'q', b'u')
            )
        };
        for i in 3..b.len().saturating_sub(2) {
            let v_cv = vowel(b[i - 1]) && !vowel(b[i - 2]) && !vowel(b[i]) && vowel(b[i + 1]);
            let vc_cv = vowel(b[i - 2])
                && !vowel(b[i - 1])
                && !vowel(b[i])
                && vowel(b[i + 1])
                && !digraph(b[i - 1], b[i]);
            if (v_cv || vc_cv) && !digraph(b[i], b[i + 1]) && b.len() - i >= 3 {
                points.push((start + i, true));
            }
        }
    }
    points.sort_unstable();
    points.dedup();
    points
}

/// Breaks words into lines of at most `width`, hyphenating where a word
/// does not fit. Returns the lines and, per line, whether it ends a paragraph.
fn tex_lines(
    words: Vec<TexWord>,
    first_width: f64,
    width: f64,
    size: f64,
) -> Result<Vec<Vec<TexWord>>> {
    let space = Font::Times.width(b' ') * size / 1000.0;
    let mut lines: Vec<Vec<TexWord>> = Vec::new();
    let mut current: Vec<TexWord> = Vec::new();
    let mut current_width = 0.0;
    let mut queue: std::collections::VecDeque<TexWord> = words.into();
    while let Some(word) = queue.pop_front() {
        let limit = if lines.is_empty() { first_width } else { width };
        let gap = if current.is_empty() { 0.0 } else { space };
        let w = word.width(size)?;
        if current.is_empty() || current_width + gap + w <= limit {
            current_width += gap + w;
            current.push(word);
            continue;
        }
        // Try the longest prefix that fits, with its hyphen.
        let mut split = None;
        for (at, add_hyphen) in break_points(&word.text).into_iter().rev() {
            let mut head = word.text[..at].to_owned();
            if add_hyphen {
                head.push('-');
            }
            let head = TexWord {
                font: word.font,
                text: head,
            };
            // After an explicit hyphen any remainder may go to the next line
            // ("Objective-" / "C"); a hyphen we add needs two letters after it.
            let tail_min = if add_hyphen { 2 } else { 1 };
            if current_width + gap + head.width(size)? <= limit
                && at >= 2
                && word.text.len() - at >= tail_min
            {
                split = Some((head, word.text[at..].to_owned()));
                break;
            }
        }
        match split {
            Some((head, tail)) => {
                current.push(head);
                lines.push(std::mem::take(&mut current));
                queue.push_front(TexWord {
                    font: word.font,
                    text: tail,
                });
            }
            None => {
                lines.push(std::mem::take(&mut current));
                queue.push_front(word);
            }
        }
        current_width = 0.0;
    }
    if !current.is_empty() {
        lines.push(current);
    }
    Ok(lines)
}

/// One line as a `TJ` array: words separated by kerning offsets (no space
/// glyphs), pair kerns inside words, font switches between runs.
fn tex_line_ops(line: &[TexWord], x: f64, y: f64, size: f64, gap: f64) -> Result<Vec<u8>> {
    let mut ops = Vec::new();
    let mut font = line.first().map_or(Font::Times, |w| w.font);
    ops.extend_from_slice(
        format!("BT /{} {} Tf {:.2} {:.2} Td [", font.resource(), size, x, y).as_bytes(),
    );
    for (i, word) in line.iter().enumerate() {
        if word.font != font {
            font = word.font;
            ops.extend_from_slice(format!("] TJ /{} {} Tf [", font.resource(), size).as_bytes());
        }
        if i > 0 {
            ops.extend_from_slice(format!("{:.0} ", -gap * 1000.0 / size).as_bytes());
        }
        let bytes = word.bytes()?;
        let mut start = 0;
        for j in 1..=bytes.len() {
            let k = if j < bytes.len() {
                kern(bytes[j - 1], bytes[j])
            } else {
                0
            };
            if j == bytes.len() || k != 0 {
                ops.extend(pdf_literal(&bytes[start..j]));
                if k != 0 {
                    ops.extend_from_slice(format!(" {} ", -k).as_bytes());
                }
                start = j;
            }
        }
        ops.push(b' ');
    }
    ops.extend_from_slice(b"] TJ ET\n");
    Ok(ops)
}

/// Splits a paragraph into words, the leading label (up to the first word
/// ending in ':' for skills lines, or up to the first ',' of a job header
/// with " — ") in bold.
fn tex_words(text: &str, bold_label: bool) -> Vec<TexWord> {
    let label_end = if !bold_label {
        None
    } else if text.contains(" — ") {
        text.split(' ').position(|w| w.ends_with(','))
    } else {
        text.split(' ')
            .position(|w| w.ends_with(':'))
            .filter(|&i| i < 4)
    };
    text.split(' ')
        .filter(|w| !w.is_empty())
        .enumerate()
        .map(|(i, w)| TexWord {
            font: if label_end.is_some_and(|end| i <= end) {
                Font::TimesBold
            } else {
                Font::Times
            },
            text: w.to_owned(),
        })
        .collect()
}

/// Sets a paragraph justified (all lines but the last) at `x`.
fn tex_paragraph(f: &mut Flow, words: Vec<TexWord>, x: f64, width: f64) -> Result<()> {
    let space = Font::Times.width(b' ') * TEX_SIZE / 1000.0;
    let lines = tex_lines(words, width, width, TEX_SIZE)?;
    let count = lines.len();
    for (i, line) in lines.into_iter().enumerate() {
        let natural: f64 = line
            .iter()
            .map(|w| w.width(TEX_SIZE))
            .sum::<Result<f64>>()?
            + space * (line.len().saturating_sub(1)) as f64;
        let gaps = line.len().saturating_sub(1);
        let mut gap = space;
        if i + 1 < count && gaps > 0 {
            let stretched = space + (width - natural) / gaps as f64;
            // Very loose lines stay ragged, as TeX would report them underfull.
            if stretched <= 4.0 * space {
                gap = stretched;
            }
        }
        for w in &line {
            f.out.fonts.insert(w.font);
        }
        let (page, baseline) = f.next_line(TEX_SIZE, TEX_LEADING);
        let ops = tex_line_ops(&line, x, baseline, TEX_SIZE, gap)?;
        f.out.push(page, &ops);
    }
    Ok(())
}

fn latex_pdf(blocks: &[Block], fm: FrontMatter) -> Result<(Vec<u8>, usize)> {
    let mut f = Flow::new(PAGE_HEIGHT - 60.0, 60.0);
    let draw = bullet_draw(fm.bullet, fm.layout);
    let mut in_skills = false;
    for block in blocks {
        match block {
            Block::Name(text) | Block::Contact(text) => {
                let (font, size, leading) = if matches!(block, Block::Name(_)) {
                    (Font::TimesBold, 17.0, 22.0)
                } else {
                    (Font::Times, 10.0, 14.0)
                };
                let bytes = with_ligatures(&to_winansi(text)?);
                let x = (PAGE_WIDTH - font.text_width(size, &bytes)) / 2.0;
                f.line(&[piece(font, size, x, bytes)], leading);
            }
            Block::Heading(text) => {
                in_skills = is_skills_heading(text);
                f.ensure_room(8.0 + 16.0 + 2.0 * TEX_LEADING);
                f.space(8.0);
                let bytes = with_ligatures(&to_winansi(text)?);
                let (page, baseline) = f.next_line(11.5, 16.0);
                f.out
                    .text(page, Font::TimesBold, 11.5, TEX_MARGIN, baseline, &bytes);
                f.out.push(
                    page,
                    format!(
                        "0.4 w {TEX_MARGIN} {y:.2} m {x2} {y:.2} l S\n",
                        y = baseline - 3.5,
                        x2 = TEX_MARGIN + TEX_WIDTH
                    )
                    .as_bytes(),
                );
            }
            Block::Body(text) => {
                let bold = in_skills || text.contains(" — ");
                tex_paragraph(&mut f, tex_words(text, bold), TEX_MARGIN, TEX_WIDTH)?;
            }
            Block::Bullet(text) => {
                let x = TEX_MARGIN + TEX_BULLET_HANG;
                let width = TEX_WIDTH - TEX_BULLET_HANG;
                // The bullet glyph is a text object of its own, on the
                // first line's baseline, written before the item's text
                // (LaTeX boxes the list label in front of the paragraph).
                f.ensure_room(TEX_LEADING);
                f.started = true;
                let (font, code) = match draw {
                    BulletDraw::Glyph(font, code) => (font, code),
                    BulletDraw::Inline(code) => (Font::Times, code),
                };
                let (page, first_baseline) = (f.page, f.y - TEX_SIZE);
                f.out.text(
                    page,
                    font,
                    TEX_SIZE,
                    TEX_MARGIN + 5.0,
                    first_baseline,
                    &[code],
                );
                tex_paragraph(&mut f, tex_words(text, false), x, width)?;
            }
            Block::Gap => f.space(3.0),
        }
    }
    let pages = f.pages();
    Ok((f.out.finish()?, pages))
}

// ---------------------------------------------------------------------------
// word-export PDF: Arial TrueType, Symbol bullets as separate objects.
// ---------------------------------------------------------------------------

const WORD_MARGIN: f64 = 72.0;
const WORD_WIDTH: f64 = PAGE_WIDTH - 2.0 * WORD_MARGIN;
const WORD_SIZE: f64 = 10.5;
const WORD_LEADING: f64 = 13.5;
/// Bullet at 0.25 in, text at a 0.5 in hanging indent (Word's list defaults).
const WORD_BULLET_X: f64 = WORD_MARGIN + 18.0;
const WORD_TEXT_X: f64 = WORD_MARGIN + 36.0;

/// A Word line as runs: splits off a bold label (`label_end` bytes) and
/// splits long lines into two chunks at a space near the middle (the space
/// stays at the end of the first chunk), each positioned absolutely.
fn word_runs(x: f64, line: &[u8], label_end: Option<usize>) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut x = x;
    let mut rest = line;
    if let Some(end) = label_end.filter(|&e| e < line.len()) {
        let label = &line[..end];
        pieces.push(piece(Font::ArialBold, WORD_SIZE, x, label.to_vec()));
        x += Font::ArialBold.text_width(WORD_SIZE, label);
        rest = &line[end..];
    }
    if rest.len() > 60 {
        let middle = rest.len() / 2;
        if let Some(space) = rest[middle..].iter().position(|&b| b == b' ') {
            let cut = middle + space + 1;
            let first = &rest[..cut];
            pieces.push(piece(Font::Arial, WORD_SIZE, x, first.to_vec()));
            x += Font::Arial.text_width(WORD_SIZE, first);
            rest = &rest[cut..];
        }
    }
    pieces.push(piece(Font::Arial, WORD_SIZE, x, rest.to_vec()));
    pieces
}

/// Byte length of the bold label of a line: "Label:" in skills sections,
/// the job title before the first ", " in job headers.
fn word_label_end(text: &str, in_skills: bool) -> Option<usize> {
    if in_skills {
        text.find(": ").map(|i| i + 1)
    } else if text.contains(" — ") {
        text.find(", ")
    } else {
        None
    }
}

fn word_export_pdf(blocks: &[Block], fm: FrontMatter) -> Result<(Vec<u8>, usize)> {
    let mut f = Flow::new(PAGE_HEIGHT - WORD_MARGIN, WORD_MARGIN);
    let draw = bullet_draw(fm.bullet, fm.layout);
    let mut in_skills = false;
    for block in blocks {
        match block {
            Block::Name(text) => {
                f.line(
                    &[piece(Font::ArialBold, 20.0, WORD_MARGIN, to_winansi(text)?)],
                    26.0,
                );
            }
            Block::Contact(text) | Block::Body(text) => {
                let bytes = to_winansi(text)?;
                let label = match word_label_end(text, in_skills) {
                    Some(end) => Some(to_winansi(&text[..end])?.len()),
                    None => None,
                };
                for (i, line) in wrap(Font::Arial, WORD_SIZE, &bytes, WORD_WIDTH, WORD_WIDTH)
                    .into_iter()
                    .enumerate()
                {
                    let runs = word_runs(WORD_MARGIN, &line, if i == 0 { label } else { None });
                    f.line(&runs, WORD_LEADING);
                }
            }
            Block::Heading(text) => {
                in_skills = is_skills_heading(text);
                f.ensure_room(8.0 + 18.0 + 2.0 * WORD_LEADING);
                f.space(8.0);
                f.line(
                    &[piece(Font::ArialBold, 12.0, WORD_MARGIN, to_winansi(text)?)],
                    18.0,
                );
            }
            Block::Bullet(text) => {
                let bytes = to_winansi(text)?;
                let lines = wrap(
                    Font::Arial,
                    WORD_SIZE,
                    &bytes,
                    WORD_WIDTH - 36.0,
                    WORD_WIDTH - 36.0,
                );
                for (i, line) in lines.into_iter().enumerate() {
                    let mut runs = Vec::new();
                    if i == 0 {
                        let (font, code) = match draw {
                            BulletDraw::Glyph(font, code) => (font, code),
                            BulletDraw::Inline(code) => (Font::Arial, code),
                        };
                        runs.push(piece(font, WORD_SIZE, WORD_BULLET_X, vec![code]));
                    }
                    runs.extend(word_runs(WORD_TEXT_X, &line, None));
                    f.line(&runs, WORD_LEADING);
                }
            }
            Block::Gap => f.space(6.0),
        }
    }
    let pages = f.pages();
    Ok((f.out.finish()?, pages))
}

// ---------------------------------------------------------------------------
// DOCX rendering.
// ---------------------------------------------------------------------------

fn has_cjk(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF))
}

/// A run of text; docx-rs sizes are in half-points.
fn docx_run(text: &str, half_points: usize) -> Run {
    let run = Run::new().add_text(text).size(half_points);
    if has_cjk(text) {
        run.fonts(RunFonts::new().east_asia("SimSun"))
    } else {
        run
    }
}

/// The paragraph for one block (`None` for a blank line); bullets are text
/// paragraphs starting with the glyph and a space.
fn docx_paragraph(block: &Block, bullet: Bullet) -> Option<Paragraph> {
    Some(match block {
        Block::Name(text) => Paragraph::new().add_run(docx_run(text, 32).bold()),
        Block::Heading(text) => Paragraph::new().add_run(docx_run(text, 24).bold()),
        Block::Contact(text) | Block::Body(text) => Paragraph::new().add_run(docx_run(text, 20)),
        Block::Bullet(text) => {
            Paragraph::new().add_run(docx_run(&format!("{} {text}", bullet.glyph()), 20))
        }
        Block::Gap => return None,
    })
}

fn pack_docx(docx: Docx) -> Result<Vec<u8>> {
    let mut cursor = Cursor::new(Vec::new());
    docx.build().pack(&mut cursor).context("packing DOCX")?;
    Ok(cursor.into_inner())
}

fn plain_docx(blocks: &[Block], bullet: Bullet) -> Result<Vec<u8>> {
    let docx = blocks
        .iter()
        .filter_map(|b| docx_paragraph(b, bullet))
        .fold(Docx::new(), Docx::add_paragraph);
    pack_docx(docx)
}

/// Name and contact line only in the default page header.
fn header_contact_docx(blocks: &[Block], bullet: Bullet) -> Result<Vec<u8>> {
    let in_header = |b: &&Block| matches!(b, Block::Name(_) | Block::Contact(_));
    let header = blocks
        .iter()
        .filter(in_header)
        .filter_map(|b| docx_paragraph(b, bullet))
        .fold(Header::new(), Header::add_paragraph);
    let docx = blocks
        .iter()
        .filter(|b| !in_header(b))
        .filter_map(|b| docx_paragraph(b, bullet))
        .fold(Docx::new().header(header), Docx::add_paragraph);
    pack_docx(docx)
}

/// The "Label: items" lines of skills sections as a two-column table.
fn skills_table_docx(blocks: &[Block], bullet: Bullet) -> Result<Vec<u8>> {
    const LABEL_WIDTH: usize = 2600;
    const ITEMS_WIDTH: usize = 6760;
    let cell = |text: &str, width: usize, bold: bool| {
        let run = docx_run(text, 20);
        let run = if bold { run.bold() } else { run };
        TableCell::new()
            .add_paragraph(Paragraph::new().add_run(run))
            .width(width, WidthType::Dxa)
    };
    let mut docx = Docx::new();
    let mut rows = Vec::new();
    let mut in_skills = false;
    for block in blocks {
        if let Block::Heading(heading) = block {
            in_skills = is_skills_heading(heading);
        }
        if let (true, Block::Body(text)) = (in_skills, block)
            && let Some((label, items)) = text.split_once(": ")
        {
            rows.push(TableRow::new(vec![
                cell(label, LABEL_WIDTH, true),
                cell(items, ITEMS_WIDTH, false),
            ]));
            continue;
        }
        if !rows.is_empty() {
            let table =
                Table::new(std::mem::take(&mut rows)).set_grid(vec![LABEL_WIDTH, ITEMS_WIDTH]);
            docx = docx.add_table(table);
        }
        if let Some(paragraph) = docx_paragraph(block, bullet) {
            docx = docx.add_paragraph(paragraph);
        }
    }
    if !rows.is_empty() {
        bail!("the skills table must not be the last thing in the resume");
    }
    pack_docx(docx)
}

/// The two-column split as a borderless one-row layout table.
fn two_column_docx(blocks: &[Block], bullet: Bullet) -> Result<Vec<u8>> {
    const LEFT: usize = 3200;
    const RIGHT: usize = 6160;
    let (name, left, right) = split_columns(blocks)?;
    let cell = |blocks: &[Block], width: usize| {
        blocks
            .iter()
            .filter_map(|b| docx_paragraph(b, bullet))
            .fold(
                TableCell::new().width(width, WidthType::Dxa),
                TableCell::add_paragraph,
            )
    };
    let table = Table::without_borders(vec![TableRow::new(vec![
        cell(&left, LEFT),
        cell(&right, RIGHT),
    ])])
    .set_grid(vec![LEFT, RIGHT]);
    let docx = Docx::new()
        .add_paragraph(Paragraph::new().add_run(docx_run(&name, 32).bold()))
        .add_table(table);
    pack_docx(docx)
}

/// Bullets as Word list numbering with the Symbol bullet U+F0B7, as Word
/// saves them; the bullet is not part of the paragraph text.
fn word_export_docx(blocks: &[Block], bullet: Bullet) -> Result<Vec<u8>> {
    let level = Level::new(
        0,
        Start::new(1),
        NumberFormat::new("bullet"),
        LevelText::new("\u{F0B7}"),
        LevelJc::new("left"),
    )
    .indent(Some(720), Some(SpecialIndentType::Hanging(360)), None, None)
    .fonts(RunFonts::new().ascii("Symbol").hi_ansi("Symbol"));
    let mut docx = Docx::new()
        .add_abstract_numbering(AbstractNumbering::new(1).add_level(level))
        .add_numbering(Numbering::new(1, 1));
    for block in blocks {
        let paragraph = match block {
            Block::Bullet(text) => Paragraph::new()
                .add_run(docx_run(text, 21))
                .numbering(NumberingId::new(1), IndentLevel::new(0)),
            other => match docx_paragraph(other, bullet) {
                Some(p) => p,
                None => continue,
            },
        };
        docx = docx.add_paragraph(paragraph);
    }
    pack_docx(docx)
}

fn text_box_placeholder(id: usize) -> String {
    format!("@@TEXT-BOX-{id}@@")
}

/// The contact line in one floating text box and the skills section
/// (heading and lines) in another. docx-rs cannot write text boxes, so the
/// document is built with placeholder runs that are replaced by DrawingML.
fn textbox_docx(blocks: &[Block], bullet: Bullet) -> Result<Vec<u8>> {
    let mut boxes: Vec<Vec<(String, bool)>> = vec![Vec::new(), Vec::new()];
    let mut docx = Docx::new();
    let mut in_skills = false;
    for block in blocks {
        if let Block::Heading(heading) = block {
            let was = in_skills;
            in_skills = is_skills_heading(heading);
            if in_skills && !was {
                let placeholder = Run::new().add_text(text_box_placeholder(2));
                docx = docx.add_paragraph(Paragraph::new().add_run(placeholder));
            }
        }
        match block {
            Block::Contact(text) => {
                boxes[0].push((text.clone(), false));
                let placeholder = Run::new().add_text(text_box_placeholder(1));
                docx = docx.add_paragraph(Paragraph::new().add_run(placeholder));
            }
            Block::Heading(text) if in_skills => boxes[1].push((text.clone(), true)),
            Block::Body(text) if in_skills => boxes[1].push((text.clone(), false)),
            Block::Bullet(text) if in_skills => {
                boxes[1].push((format!("{} {text}", bullet.glyph()), false))
            }
            Block::Gap if in_skills => {}
            other => {
                if let Some(p) = docx_paragraph(other, bullet) {
                    docx = docx.add_paragraph(p);
                }
            }
        }
    }
    if boxes[1].is_empty() {
        bail!("the textbox layout needs a SKILLS section");
    }
    let mut xml = docx.build();
    let mut document = String::from_utf8(std::mem::take(&mut xml.document))?;
    for (i, paragraphs) in boxes.iter().enumerate() {
        let id = i + 1;
        let placeholder = text_box_placeholder(id);
        let at = document
            .find(&placeholder)
            .with_context(|| format!("placeholder {placeholder} not found"))?;
        let start = document[..at]
            .rfind("<w:r>")
            .context("no <w:r> before placeholder")?;
        let end = at
            + document[at..]
                .find("</w:r>")
                .context("no </w:r> after placeholder")?
            + 6;
        document = format!(
            "{}{}{}",
            &document[..start],
            text_box_run(id, paragraphs),
            &document[end..]
        );
    }
    xml.document = document.into_bytes();
    let mut cursor = Cursor::new(Vec::new());
    xml.pack(&mut cursor).context("packing DOCX")?;
    Ok(cursor.into_inner())
}

/// A `w:r` holding a borderless floating text box, 6.5 in wide, with one
/// paragraph per `(text, bold)`: `mc:AlternateContent` with a `wps` text box
/// and a VML fallback, as Word writes it (see gen_fixtures.rs).
fn text_box_run(id: usize, paragraphs: &[(String, bool)]) -> String {
    const WIDTH_EMU: usize = 5_943_600;
    const LINE_EMU: usize = 201_168; // 0.22 in
    let height_emu = LINE_EMU * paragraphs.len().max(1) + 91_440;
    let height_pt = height_emu as f64 / 12_700.0;
    let body: String = paragraphs
        .iter()
        .map(|(text, bold)| {
            let escaped = text
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            let b = if *bold { "<w:b />" } else { "" };
            format!(
                "<w:p><w:r><w:rPr>{b}<w:sz w:val=\"20\" /><w:szCs w:val=\"20\" /></w:rPr>\
                 <w:t xml:space=\"preserve\">{escaped}</w:t></w:r></w:p>"
            )
        })
        .collect();
    let z = 251_659_264 + id;
    format!(
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>\
         <wp:anchor distT=\"0\" distB=\"0\" distL=\"114300\" distR=\"114300\" simplePos=\"0\" \
         relativeHeight=\"{z}\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\">\
         <wp:simplePos x=\"0\" y=\"0\" />\
         <wp:positionH relativeFrom=\"column\"><wp:posOffset>0</wp:posOffset></wp:positionH>\
         <wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>0</wp:posOffset></wp:positionV>\
         <wp:extent cx=\"{WIDTH_EMU}\" cy=\"{height_emu}\" />\
         <wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\" /><wp:wrapTopAndBottom />\
         <wp:docPr id=\"{id}\" name=\"Text Box {id}\" /><wp:cNvGraphicFramePr />\
         <a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">\
         <a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">\
         <wps:wsp><wps:cNvSpPr txBox=\"1\" />\
         <wps:spPr><a:xfrm><a:off x=\"0\" y=\"0\" /><a:ext cx=\"{WIDTH_EMU}\" cy=\"{height_emu}\" /></a:xfrm>\
         <a:prstGeom prst=\"rect\"><a:avLst /></a:prstGeom><a:noFill /><a:ln><a:noFill /></a:ln></wps:spPr>\
         <wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx>\
         <wps:bodyPr rot=\"0\" vert=\"horz\" wrap=\"square\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" \
         anchor=\"t\" anchorCtr=\"0\"><a:noAutofit /></wps:bodyPr></wps:wsp>\
         </a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>\
         <mc:Fallback><w:pict><v:shape id=\"Text Box {id}\" type=\"#_x0000_t202\" \
         style=\"position:absolute;margin-left:0;margin-top:0;width:468pt;height:{height_pt:.1}pt;z-index:{z}\" \
         filled=\"f\" stroked=\"f\"><v:textbox inset=\"0,0,0,0\"><w:txbxContent>{body}</w:txbxContent>\
         </v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
}

fn render_docx(blocks: &[Block], fm: FrontMatter) -> Result<Vec<u8>> {
    // A fresh thread per document: docx-rs numbers paragraphs with a
    // thread-local counter, so each document starts from the same state.
    std::thread::scope(|scope| {
        scope
            .spawn(|| match fm.layout {
                Layout::Single | Layout::Latex => plain_docx(blocks, fm.bullet),
                Layout::HeaderContact => header_contact_docx(blocks, fm.bullet),
                Layout::SkillsTable => skills_table_docx(blocks, fm.bullet),
                Layout::TwoColumn => two_column_docx(blocks, fm.bullet),
                Layout::WordExport => word_export_docx(blocks, fm.bullet),
                Layout::TextBox => textbox_docx(blocks, fm.bullet),
            })
            .join()
            .map_err(|_| anyhow!("DOCX rendering panicked"))?
    })
}

fn render_pdf(blocks: &[Block], fm: FrontMatter) -> Result<(Vec<u8>, usize)> {
    match fm.layout {
        Layout::Single | Layout::SkillsTable | Layout::HeaderContact => flow_pdf(blocks, fm),
        Layout::TwoColumn => two_column_pdf(blocks, fm),
        Layout::Latex => latex_pdf(blocks, fm),
        Layout::WordExport => word_export_pdf(blocks, fm),
        Layout::TextBox => bail!("the textbox layout has no PDF rendering"),
    }
}

// ---------------------------------------------------------------------------
// Driver.
// ---------------------------------------------------------------------------

/// Writes `bytes` to `path` (or deletes `path` when the source no longer asks
/// for that rendering).
fn update(path: &Path, bytes: Option<&[u8]>, note: &str) -> Result<()> {
    match bytes {
        Some(bytes) => {
            fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))?;
            println!("wrote {} ({} bytes{note})", path.display(), bytes.len());
        }
        None if path.exists() => {
            fs::remove_file(path).with_context(|| format!("removing {}", path.display()))?;
            println!("removed {} (not in its source's formats)", path.display());
        }
        None => {}
    }
    Ok(())
}

fn main() -> Result<()> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/eval/resumes");
    let mut sources: Vec<PathBuf> = fs::read_dir(&dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    sources.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    sources.sort();
    if sources.is_empty() {
        bail!("no .txt resumes in {}", dir.display());
    }
    for source in &sources {
        let stem = source
            .file_stem()
            .and_then(|s| s.to_str())
            .context("source file name is not UTF-8")?;
        let numbered = stem.len() > 3
            && stem.as_bytes()[..2].iter().all(u8::is_ascii_digit)
            && stem.as_bytes()[2] == b'-';
        if !numbered {
            bail!("{stem}: source names must look like NN-slug.txt");
        }
        let text =
            fs::read_to_string(source).with_context(|| format!("reading {}", source.display()))?;
        let (fm, body) =
            split_front_matter(&text).with_context(|| format!("front matter of {stem}"))?;
        let blocks = parse_resume(body, fm.bullet).with_context(|| format!("parsing {stem}"))?;
        let pdf = if fm.pdf {
            Some(render_pdf(&blocks, fm).with_context(|| format!("rendering {stem}.pdf"))?)
        } else {
            None
        };
        let note = pdf
            .as_ref()
            .map(|(_, pages)| format!(", {pages} page{}", if *pages == 1 { "" } else { "s" }))
            .unwrap_or_default();
        update(
            &source.with_extension("pdf"),
            pdf.as_ref().map(|(b, _)| b.as_slice()),
            &note,
        )?;
        let docx = if fm.docx {
            Some(render_docx(&blocks, fm).with_context(|| format!("rendering {stem}.docx"))?)
        } else {
            None
        };
        update(&source.with_extension("docx"), docx.as_deref(), "")?;
    }
    Ok(())
}
