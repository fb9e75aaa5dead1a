//! Zero-width characters inside words: "Kuber\u{200B}netes" looks whole but
//! is two words to a search.

use super::{Input, raw_evidence};
use crate::model::{CheckId, Finding, Severity};

/// Zero-width characters inside words: "Kuber\u{200B}netes" looks whole but
/// is two words to a search.
pub(super) fn run(input: &Input, out: &mut Vec<Finding>) {
    let raw = &input.extracted.text;
    let zero_width = |c: char| {
        matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
    };
    // Only between two letters or digits does one split a word; beside a
    // space or punctuation (web pages put them there as break hints) it
    // changes nothing a search sees. Runs of them count once.
    let hits: Vec<usize> = raw
        .char_indices()
        .filter(|&(i, c)| {
            zero_width(c) && {
                // The first of a run, so the look ahead past the run is
                // paid once per run (a hostile file may hold millions).
                let before = raw[..i].chars().next_back();
                !before.is_some_and(zero_width)
                    && before.is_some_and(char::is_alphanumeric)
                    && raw[i + c.len_utf8()..]
                        .chars()
                        .find(|&c| !zero_width(c))
                        .is_some_and(char::is_alphanumeric)
            }
        })
        .map(|(i, _)| i)
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
        // Found on real resumes: zero-width spaces at word boundaries,
        // where they split nothing.
        let edges = format!("{CLEAN}Go,\u{200B} Rust \u{200B}Kafka\u{200B}\n\u{200B}Redis\n");
        assert_quiet(&Doc::text(&edges), CheckId::ZeroWidth);
        // A run inside a word counts once.
        let run = CLEAN.replace("PostgreSQL", "Postgre\u{200B}\u{200C}SQL");
        let f = assert_fires(&Doc::text(&run), CheckId::ZeroWidth);
        assert!(f.message.starts_with("1 invisible"), "{}", f.message);
    }
}
