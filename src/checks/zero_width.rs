//! Zero-width characters inside words: "Kuber\u{200B}netes" looks whole but
//! is two words to a search.

use super::{Input, raw_evidence};
use crate::model::{CheckId, Finding, Severity};

/// Zero-width characters inside words: "Kuber\u{200B}netes" looks whole but
/// is two words to a search.
pub(super) fn run(input: &Input, out: &mut Vec<Finding>) {
    let raw = &input.extracted.text;
    let hits: Vec<usize> = raw
        .char_indices()
        .filter(|(_, c)| {
            matches!(
                c,
                '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
            )
        })
        .map(|(i, _)| i)
        .filter(|&i| i > 0)
        .collect();
    if hits.is_empty() {
        return;
    }
    out.push(Finding::check(
        CheckId::ZeroWidth,
        Severity::Warning,
        format!(
            "{} invisible zero-width character(s) split words: many ATSs see two fragments instead of one keyword",
            hits.len()
        ),
        "Delete and retype the affected words (copying from web pages often brings these characters)",
        raw_evidence(input, hits),
    ));
}

#[cfg(test)]
mod tests {
    use super::super::testing::{CLEAN, Doc, assert_fires, assert_quiet};
    use crate::model::CheckId;

    #[test]
    fn zero_width_inside_a_word() {
        let text = CLEAN.replace("PostgreSQL", "Postgre\u{200B}SQL");
        let f = assert_fires(&Doc::text(&text), CheckId::ZeroWidth);
        assert!(f.message.starts_with("1 invisible"), "{}", f.message);
        // A byte-order mark at the very start of a file is harmless.
        let bom = format!("\u{FEFF}{CLEAN}");
        assert_quiet(&Doc::text(&bom), CheckId::ZeroWidth);
    }
}
