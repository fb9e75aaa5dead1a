//! Replacement marks (U+FFFD) and control codes in the text layer: the
//! file lost characters, and an ATS sees gaps or junk where letters were.

use super::{Input, raw_evidence};
use crate::model::{CheckId, Finding, Severity};

/// U+FFFD and control characters: the text layer lost characters.
pub(super) fn run(input: &Input, out: &mut Vec<Finding>) {
    let raw = &input.extracted.text;
    let bad: Vec<usize> = raw
        .char_indices()
        .filter(|(_, c)| {
            *c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        })
        .map(|(i, _)| i)
        .collect();
    if bad.is_empty() {
        return;
    }
    out.push(Finding::check(
        CheckId::BrokenCharacters,
        Severity::Warning,
        format!(
            "{} character(s) in the text layer are replacement marks (\u{FFFD}) or control codes: an ATS sees gaps or junk where letters were",
            bad.len()
        ),
        "Export the document again from its source (or re-type the affected words); check with `ats-score extract`",
        raw_evidence(input, bad),
    ));
}

#[cfg(test)]
mod tests {
    use super::super::testing::{CLEAN, Doc, assert_fires, assert_quiet};
    use crate::model::CheckId;

    #[test]
    fn replacement_marks() {
        let text = CLEAN.replace("PostgreSQL", "Postgre\u{FFFD}\u{FFFD}L");
        let f = assert_fires(&Doc::text(&text), CheckId::BrokenCharacters);
        assert!(f.message.starts_with("2 character(s)"), "{}", f.message);
        // Tabs, form feeds and line ends are layout, not damage.
        let tabs = CLEAN
            .replace("Languages: ", "Languages:\t")
            .replace("SKILLS\n", "\x0cSKILLS\r\n");
        assert_quiet(&Doc::text(&tabs), CheckId::BrokenCharacters);
    }
}
