//! Evidence: a span of the normalized text turned into what a user can find
//! in their own file (raw line, page, section, the original text around it).
//! Every match and finding shows one, so no warning arrives without proof.

use crate::extract::Extracted;
use crate::model::{Evidence, Span};
use crate::normalize::Normalized;
use crate::sections::{self, Section};

/// Longest snippet shown as evidence, in characters.
pub const SNIPPET_CHARS: usize = 70;

/// Evidence for a span: raw line number, page, section, and the original text
/// around it, with control characters removed so a hostile file cannot send
/// escape sequences to the user's terminal.
pub fn make(
    extracted: &Extracted,
    norm: &Normalized,
    sections: &[Section],
    span: Span,
) -> Evidence {
    let line = norm.raw_line(span.start);
    let raw_at = norm.raw_offset(span.start);
    let text = norm.raw_line_text(&extracted.text, line);
    let line_start = norm.raw_line_start(line);
    let column = extracted
        .text
        .get(line_start..raw_at.max(line_start))
        .map_or(0, |s| s.chars().count());
    Evidence {
        line,
        page: extracted.page_of(raw_at),
        section: sections::section_at(sections, span.start)
            .as_str()
            .to_string(),
        snippet: snippet(text, column),
    }
}

/// Evidence for up to `limit` spans, at most one per line: a finding shows
/// each line once, however many hits it holds. Shared by rules and checks.
pub fn one_per_line(
    evidence: &dyn Fn(Span) -> Evidence,
    spans: impl IntoIterator<Item = Span>,
    limit: usize,
) -> Vec<Evidence> {
    let mut out: Vec<Evidence> = Vec::new();
    for span in spans {
        let e = evidence(span);
        if !out.iter().any(|o| o.line == e.line) {
            out.push(e);
        }
        if out.len() == limit {
            break;
        }
    }
    out
}

/// The line with control characters blanked, cut to [`SNIPPET_CHARS`]
/// around `column` when longer, with runs of spaces collapsed.
pub fn snippet(line: &str, column: usize) -> String {
    let chars: Vec<char> = line
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let (start, end) = if chars.len() <= SNIPPET_CHARS {
        (0, chars.len())
    } else {
        let end = (column.min(chars.len()).saturating_sub(SNIPPET_CHARS / 3) + SNIPPET_CHARS)
            .min(chars.len());
        (end - SNIPPET_CHARS, end)
    };
    let body: String = chars[start..end].iter().collect();
    let mut out = body.split_whitespace().collect::<Vec<_>>().join(" ");
    if start > 0 {
        out.insert(0, '…');
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_whole_and_clean() {
        assert_eq!(
            snippet("Skills:\tSwift,  Go\x1b[31m", 0),
            "Skills: Swift, Go [31m"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let line = format!("{}Kubernetes{}", "a ".repeat(60), " b".repeat(60));
        let at = line.find("Kubernetes").unwrap();
        let s = snippet(&line, at);
        assert!(s.contains("Kubernetes"), "{s}");
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.chars().count() <= SNIPPET_CHARS + 2);
    }

    #[test]
    fn evidence_names_line_page_and_section() {
        let text = "Jordan\n\nSKILLS\nSwift, Go\n";
        let extracted = Extracted {
            format: crate::extract::Format::Pdf,
            text: text.into(),
            page_starts: vec![0, 8],
            notices: Vec::new(),
            layout: Default::default(),
        };
        let norm = crate::normalize::normalize(text);
        let sections = sections::detect(&norm);
        let at = norm.text.find("Go").unwrap();
        let e = make(&extracted, &norm, &sections, Span::new(at, at + 2));
        assert_eq!(e.line, 4);
        assert_eq!(e.page, Some(2));
        assert_eq!(e.section, "skills");
        assert_eq!(e.snippet, "Swift, Go");
    }
}
