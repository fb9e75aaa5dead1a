//! `ats-score extract`: the text exactly as ats-score (and, roughly, an ATS)
//! reads it, so a user can see what got lost or scrambled, optionally with
//! the detected sections marked.

use crate::extract::Extracted;
use crate::sections::Section;

/// The extracted text, control characters removed; with `sections`, a
/// marker line before the first line of each detected section.
pub fn render(extracted: &Extracted, sections: Option<&[Section]>) -> String {
    let mut out = String::with_capacity(extracted.text.len() + 256);
    for (i, line) in extracted.text.lines().enumerate() {
        if let Some(sections) = sections {
            for s in sections.iter().filter(|s| s.line == i + 1) {
                let title = if s.title.is_empty() {
                    "(top)"
                } else {
                    &s.title
                };
                out.push_str(&format!("──── {}: {title} ────\n", s.kind.as_str()));
            }
        }
        out.extend(
            line.chars()
                .map(|c| if c.is_control() && c != '\t' { ' ' } else { c }),
        );
        out.push('\n');
    }
    out
}
