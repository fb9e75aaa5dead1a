//! Built-in parseability checks: what makes a real ATS drop or misfile text.
//! Unlike profile rules these do not depend on the role: a header-only email
//! or a two-column PDF hurts every application. They are reported as
//! warnings (category `parse`) and do not change the score, which measures
//! what the ATS did read; they say what it may not read.

mod integrity;

pub use integrity::MAX_REPEATS;

use crate::extract::{Extracted, Format, RegionKind};
use crate::model::{Evidence, Finding, Severity, Span};
use crate::normalize::Normalized;
use crate::sections::contact::Contact;
use crate::sections::{Section, SectionKind};

/// What the checks look at.
pub struct Input<'a> {
    pub extracted: &'a Extracted,
    pub norm: &'a Normalized,
    pub sections: &'a [Section],
    pub contact: &'a Contact,
    /// Spans of every profile term found (any tier but typo).
    pub term_spans: &'a [Span],
    pub evidence: &'a dyn Fn(Span) -> Evidence,
    /// Repeats of one term before `keyword-stuffing` fires.
    pub max_repeats: usize,
}

/// Every built-in check id, for `checks.disable` in profiles.
pub const IDS: &[&str] = &[
    "missing-email",
    "missing-phone",
    "contact-outside-body",
    "table-layout",
    "text-box",
    "images",
    "multi-column",
    "little-text",
    "unusual-headings",
    "missing-sections",
    "fancy-glyphs",
    "large-file",
    "long-resume",
    "misspelled-keyword",
    "hidden-text",
    "prompt-injection",
    "keyword-stuffing",
    "broken-characters",
    "ligature-loss",
    "digits-in-words",
    "letter-spaced",
    "homoglyphs",
    "zero-width",
];

/// Files above this size fail at several ATSs (their help pages say ~2.5 MB).
pub const MAX_BYTES: usize = 2_000_000;
/// More pages than this is long for an ATS-screened resume.
pub const MAX_PAGES: usize = 2;
/// About two pages of words, for formats without page numbers.
pub const MAX_WORDS: usize = 1100;
/// A PDF page with fewer words than this is probably an image with a stub.
pub const MIN_WORDS_PER_PAGE: usize = 25;

const MAX_EVIDENCE: usize = 5;

fn finding(
    id: &str,
    severity: Severity,
    message: String,
    fix: &str,
    evidence: Vec<Evidence>,
) -> Finding {
    Finding {
        id: id.into(),
        severity,
        category: "parse".into(),
        message,
        fix: fix.into(),
        evidence,
    }
}

/// Run every check; findings in a fixed order (reporters sort by severity).
pub fn run(input: &Input) -> Vec<Finding> {
    let mut out = Vec::new();
    contact(input, &mut out);
    regions(input, &mut out);
    pdf_layout(input, &mut out);
    headings(input, &mut out);
    glyphs(input, &mut out);
    size(input, &mut out);
    integrity::run(input, &mut out);
    out
}

/// Evidence for normalized spans, one per line.
fn evidence_for(input: &Input, spans: impl IntoIterator<Item = Span>) -> Vec<Evidence> {
    let mut out: Vec<Evidence> = Vec::new();
    for span in spans {
        let e = (input.evidence)(span);
        if !out.iter().any(|o| o.line == e.line) {
            out.push(e);
        }
        if out.len() == MAX_EVIDENCE {
            break;
        }
    }
    out
}

/// The kind of skippable region a normalized span lies in, if any.
fn region_of(input: &Input, span: Span) -> Option<RegionKind> {
    let raw = input.norm.raw_offset(span.start);
    input
        .extracted
        .layout
        .regions_at(raw)
        .map(|r| r.kind)
        .next()
}

fn contact(input: &Input, out: &mut Vec<Finding>) {
    let c = input.contact;
    if c.emails.is_empty() {
        out.push(finding(
            "missing-email",
            Severity::Warning,
            "No email address found".into(),
            "Put your email address in plain text at the top of the resume (not in an image, icon or page header)",
            Vec::new(),
        ));
    }
    if c.phones.is_empty() {
        out.push(finding(
            "missing-phone",
            Severity::Warning,
            "No phone number found".into(),
            "Add a phone number in plain text at the top, e.g. (415) 555-0142",
            Vec::new(),
        ));
    }
    let essentials: Vec<_> = c.emails.iter().chain(&c.phones).collect();
    let places: Vec<Option<RegionKind>> = essentials
        .iter()
        .map(|i| region_of(input, i.span))
        .collect();
    let hidden = places.iter().all(|p| {
        matches!(
            p,
            Some(RegionKind::Header | RegionKind::Footer | RegionKind::TextBox)
        )
    });
    if !essentials.is_empty() && hidden {
        let mut kinds: Vec<&str> = places.iter().flatten().map(|k| k.as_str()).collect();
        kinds.dedup();
        out.push(finding(
            "contact-outside-body",
            Severity::Warning,
            format!(
                "Your email and phone are only in a {}, which many ATSs do not read",
                kinds.join(" and ")
            ),
            "Move your name, email and phone into the body of the document, as its first lines",
            evidence_for(input, essentials.iter().map(|i| i.span)),
        ));
    }
}

fn regions(input: &Input, out: &mut Vec<Finding>) {
    let layout = &input.extracted.layout;
    let in_tables: Vec<Span> = input
        .term_spans
        .iter()
        .copied()
        .filter(|s| region_of(input, *s) == Some(RegionKind::Table))
        .collect();
    let skills_table = input.sections.iter().any(|s| {
        s.kind == SectionKind::Skills
            && region_of(input, Span::new(s.span.start, s.span.start + 1))
                == Some(RegionKind::Table)
    });
    if in_tables.len() >= 3 || skills_table {
        out.push(finding(
            "table-layout",
            Severity::Warning,
            format!(
                "{} of your keywords are laid out in a table; many ATSs read tables cell by cell, out of order, or not at all",
                in_tables.len()
            ),
            "List skills as plain lines instead, e.g. \"Languages: Swift, Python, Go\"",
            evidence_for(input, in_tables),
        ));
    }
    let boxes: Vec<Span> = layout
        .regions
        .iter()
        .filter(|r| r.kind == RegionKind::TextBox)
        .map(|r| {
            Span::new(
                input.norm.norm_offset(r.start),
                input.norm.norm_offset(r.end),
            )
        })
        .filter(|s| {
            input.norm.text[s.start..s.end]
                .chars()
                .any(char::is_alphanumeric)
        })
        .collect();
    if !boxes.is_empty() {
        out.push(finding(
            "text-box",
            Severity::Warning,
            format!(
                "{} text box(es) hold text; many ATSs skip text boxes",
                boxes.len()
            ),
            "Move the text into the normal flow of the document",
            evidence_for(input, boxes),
        ));
    }
    if layout.images > 0 {
        out.push(finding(
            "images",
            Severity::Info,
            format!("The document contains {} image(s); an ATS reads no text in images", layout.images),
            "Make sure nothing you need read (name, contact, skills, logos with words) is only in an image; leave out photos",
            Vec::new(),
        ));
    }
}

/// Evidence pointing at the first line of a PDF page.
fn page_evidence(input: &Input, page: usize) -> Vec<Evidence> {
    let raw = input
        .extracted
        .page_starts
        .get(page - 1)
        .copied()
        .unwrap_or(0);
    let at = input
        .norm
        .norm_offset(raw)
        .min(input.norm.text.len().saturating_sub(1));
    evidence_for(input, [Span::new(at, at + 1)])
}

fn pdf_layout(input: &Input, out: &mut Vec<Finding>) {
    let ex = input.extracted;
    for c in &ex.layout.columns {
        out.push(finding(
            "multi-column",
            Severity::Warning,
            format!(
                "Page {} looks laid out in columns ({} of {} lines have a second column starting {:.0} pt from the left); many ATSs read straight across and mix the columns",
                c.page, c.split_lines, c.lines, c.gutter_x
            ),
            "Use a single-column layout; put skills and contact data in the main column",
            page_evidence(input, c.page),
        ));
    }
    if ex.format != Format::Pdf {
        return;
    }
    for (i, &start) in ex.page_starts.iter().enumerate() {
        let end = ex.page_starts.get(i + 1).copied().unwrap_or(ex.text.len());
        let words = ex.text[start..end].split_whitespace().count();
        if words < MIN_WORDS_PER_PAGE {
            out.push(finding(
                "little-text",
                Severity::Warning,
                format!(
                    "Page {} has only {words} words of text; the rest is probably an image or scan an ATS cannot read",
                    i + 1
                ),
                "Export the PDF from the original document (Save as PDF), so that all text can be selected",
                page_evidence(input, i + 1),
            ));
        }
    }
}

fn headings(input: &Input, out: &mut Vec<Finding>) {
    let odd: Vec<&Section> = input
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Other)
        .collect();
    if !odd.is_empty() {
        let titles: Vec<String> = odd.iter().map(|s| format!("\"{}\"", s.title)).collect();
        out.push(finding(
            "unusual-headings",
            Severity::Warning,
            format!(
                "Section heading(s) {} are not ones an ATS recognises; what is under them may be filed nowhere",
                titles.join(", ")
            ),
            "Use standard headings: Summary, Experience, Skills, Projects, Education, Certifications",
            evidence_for(input, odd.iter().map(|s| Span::new(s.span.start, s.span.start + 1))),
        ));
    }
    let has = |k: SectionKind| input.sections.iter().any(|s| s.kind == k);
    let missing: Vec<&str> = [
        (SectionKind::Experience, "Experience"),
        (SectionKind::Skills, "Skills"),
        (SectionKind::Education, "Education"),
    ]
    .into_iter()
    .filter(|(k, _)| !has(*k))
    .map(|(_, name)| name)
    .collect();
    if !missing.is_empty() {
        out.push(finding(
            "missing-sections",
            Severity::Info,
            format!("No {} section heading found", missing.join(", ")),
            "Give each part of the resume a standard heading on its own line, so an ATS files it in the right field",
            Vec::new(),
        ));
    }
}

/// Characters that many ATSs cannot read or that hide letters: icon-font
/// private-use glyphs, "bold" letters from the Mathematical Alphanumeric
/// block, emoji and dingbats, and the replacement character. Word's symbol
/// bullets (U+F0B7 and friends) are common and harmless, so they pass.
fn is_fancy(c: char) -> bool {
    let harmless_bullets = ['\u{F0A7}', '\u{F0B7}', '\u{F076}', '\u{F0D8}', '\u{F0FC}'];
    matches!(c,
        '\u{E000}'..='\u{F8FF}'
        | '\u{F0000}'..='\u{10FFFF}'
        | '\u{1D400}'..='\u{1D7FF}'
        | '\u{1F000}'..='\u{1FAFF}'
        | '\u{2600}'..='\u{27BF}'
        | '\u{2B00}'..='\u{2BFF}'
        | '\u{FFFD}')
        && !harmless_bullets.contains(&c)
        && !matches!(c, '\u{2713}' | '\u{2714}' | '\u{27A2}' | '\u{27A4}')
}

fn glyphs(input: &Input, out: &mut Vec<Finding>) {
    let raw = &input.extracted.text;
    let fancy: Vec<(usize, char)> = raw.char_indices().filter(|(_, c)| is_fancy(*c)).collect();
    if fancy.is_empty() {
        return;
    }
    let mut examples: Vec<char> = fancy.iter().map(|&(_, c)| c).collect();
    examples.dedup();
    examples.truncate(5);
    let shown: Vec<String> = examples
        .iter()
        .map(|c| format!("U+{:04X}", *c as u32))
        .collect();
    let spans = fancy.iter().map(|&(at, _)| {
        let n = input
            .norm
            .norm_offset(at)
            .min(input.norm.text.len().saturating_sub(1));
        Span::new(n, n + 1)
    });
    out.push(finding(
        "fancy-glyphs",
        Severity::Warning,
        format!(
            "{} decorative or unusual character(s) ({}) that many ATSs cannot read; words in special fonts may be lost",
            fancy.len(),
            shown.join(", ")
        ),
        "Use plain letters and simple bullets; drop icon fonts, emoji and \"bold\" Unicode letters",
        evidence_for(input, spans),
    ));
}

fn size(input: &Input, out: &mut Vec<Finding>) {
    let ex = input.extracted;
    let bytes = ex.layout.bytes;
    if bytes > MAX_BYTES {
        out.push(finding(
            "large-file",
            Severity::Warning,
            format!(
                "The file is {:.1} MB; several ATSs reject uploads over about 2 MB",
                bytes as f64 / 1_000_000.0
            ),
            "Shrink it: remove or compress images and export again",
            Vec::new(),
        ));
    }
    let pages = ex.page_starts.len();
    if pages > MAX_PAGES {
        out.push(finding(
            "long-resume",
            Severity::Warning,
            format!(
                "The resume runs to {pages} pages; recruiters and ATS rankers favor one or two"
            ),
            "Cut older or less relevant roles to fit two pages",
            Vec::new(),
        ));
    } else if ex.format != Format::Pdf {
        let words = input.norm.text.split_whitespace().count();
        if words > MAX_WORDS {
            out.push(finding(
                "long-resume",
                Severity::Info,
                format!("About {words} words: likely more than two pages"),
                "Cut older or less relevant roles to fit two pages",
                Vec::new(),
            ));
        }
    }
}
