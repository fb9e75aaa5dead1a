//! Cyrillic or Greek letters inside otherwise Latin words ("Jаva" with a
//! Cyrillic а): invisible to people, fatal to a keyword search.

use super::{Input, raw_evidence};
use crate::model::{CheckId, Finding, Severity};

/// Cyrillic or Greek letters inside otherwise Latin words ("Jаva" with a
/// Cyrillic а): invisible to people, fatal to a keyword search.
pub(super) fn run(input: &Input, out: &mut Vec<Finding>) {
    let raw = &input.extracted.text;
    let mut hits = Vec::new();
    let mut examples = Vec::new();
    for (start, word) in words_with_offsets(raw) {
        let latin = word.chars().filter(|c| c.is_ascii_alphabetic()).count();
        let foreign = word
            .chars()
            .filter(|&c| matches!(c, '\u{0370}'..='\u{03FF}' | '\u{0400}'..='\u{04FF}'))
            .count();
        if latin >= 2 && foreign >= 1 {
            hits.push(start);
            let quoted = format!("\"{word}\"");
            if examples.len() < 3 && !examples.contains(&quoted) {
                examples.push(quoted);
            }
        }
    }
    if hits.is_empty() {
        return;
    }
    out.push(Finding::check(
        CheckId::Homoglyphs,
        Severity::Error,
        format!(
            "Words mix Latin letters with look-alike Cyrillic or Greek ones ({}): they look right but no ATS search will find them",
            examples.join(", ")
        ),
        "Retype these words on a Latin keyboard layout",
        raw_evidence(input, hits),
    ));
}

fn words_with_offsets(raw: &str) -> impl Iterator<Item = (usize, &str)> {
    raw.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - raw.as_ptr() as usize, w))
}

#[cfg(test)]
mod tests {
    use super::super::testing::{CLEAN, Doc, assert_fires, assert_quiet};
    use crate::model::{CheckId, Severity};

    #[test]
    fn cyrillic_inside_latin() {
        // "Pуthon" with a Cyrillic у.
        let text = CLEAN.replace("Python", "P\u{0443}thon");
        let f = assert_fires(&Doc::text(&text), CheckId::Homoglyphs);
        assert_eq!(f.severity, Severity::Error);
        // A name written wholly in Cyrillic is not a trick.
        let name = CLEAN.replace("Jordan Pell", "Jordan Pell (Иван Петров)");
        assert_quiet(&Doc::text(&name), CheckId::Homoglyphs);
    }
}
