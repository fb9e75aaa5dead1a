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
    // The match's length in raw characters, within its line.
    let raw_end = norm
        .raw_offset(span.end.saturating_sub(1))
        .saturating_add(1)
        .min(line_start + text.len())
        .max(raw_at);
    let len = extracted
        .text
        .get(raw_at..raw_end)
        .map_or(0, |s| s.chars().count());
    Evidence {
        line,
        page: extracted.page_of(raw_at),
        section: sections::section_at(sections, span.start)
            .as_str()
            .to_string(),
        snippet: snippet(text, column, len),
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
/// around the match at `column` (`len` characters) when longer, on word
/// boundaries, with runs of spaces collapsed. The match itself is never cut:
/// "Tailwind CS…" would hide the very word the evidence is for.
pub fn snippet(line: &str, column: usize, len: usize) -> String {
    let chars: Vec<char> = line
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let (start, end) = window(&chars, column, len, SNIPPET_CHARS);
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

/// The range of `chars`, at most `max` long, to show around the match at
/// `at` (`len` characters long): about a third of the room before the match
/// and the rest after, then shrunk to whole words. A match longer than
/// `max` is shown from its start.
pub fn window(chars: &[char], at: usize, len: usize, max: usize) -> (usize, usize) {
    let n = chars.len();
    if n <= max {
        return (0, n);
    }
    let at = at.min(n);
    let len = len.min(n - at);
    let room = max.saturating_sub(len);
    let mut start = at.saturating_sub(room / 3);
    let mut end = (start + max).min(n);
    start = end.saturating_sub(max).min(start);
    let match_end = (at + len).min(end);
    // Shrink to word boundaries, never into the match, and keep at least
    // something when one word fills the window.
    let is_space = |i: usize| chars.get(i).is_some_and(|c| c.is_whitespace());
    if start > 0
        && !is_space(start - 1)
        && let Some(s) = (start..at.max(start)).find(|&i| is_space(i))
    {
        start = s + 1;
    }
    if end < n
        && !is_space(end)
        && let Some(e) = (match_end..end).rev().find(|&i| is_space(i))
    {
        end = e;
    }
    (start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_whole_and_clean() {
        assert_eq!(
            snippet("Skills:\tSwift,  Go\x1b[31m", 0, 6),
            "Skills: Swift, Go [31m"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let line = format!("{}Kubernetes{}", "a ".repeat(60), " b".repeat(60));
        let at = line.find("Kubernetes").unwrap();
        let s = snippet(&line, at, 10);
        assert!(s.contains("Kubernetes"), "{s}");
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.chars().count() <= SNIPPET_CHARS + 2);
    }

    #[test]
    fn cuts_fall_between_words_and_never_in_the_match() {
        let line = "Built dashboards with React, TypeScript and Tailwind CSS for the internal analytics platform used by sales";
        for needle in ["Tailwind CSS", "Built", "sales", "analytics platform"] {
            let at = line[..line.find(needle).unwrap()].chars().count();
            let s = snippet(line, at, needle.chars().count());
            assert!(s.contains(needle), "{needle}: {s}");
            assert!(s.chars().count() <= SNIPPET_CHARS + 2, "{s}");
            let words: Vec<&str> = line.split(' ').collect();
            for w in s.trim_matches('…').split(' ') {
                assert!(words.contains(&w), "{w:?} is cut in {s:?}");
            }
        }
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
