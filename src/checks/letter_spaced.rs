//! Letter-spaced words ("E X P E R I E N C E"): an ATS sees single letters,
//! not the word, so headings and keywords written this way are lost.

use super::{Input, raw_evidence};
use crate::model::{CheckId, Finding, Severity};

/// "E X P E R I E N C E": an ATS sees single letters, not the word.
pub(super) fn run(input: &Input, out: &mut Vec<Finding>) {
    let raw = &input.extracted.text;
    let mut hits = Vec::new();
    let mut examples = Vec::new();
    let mut offset = 0;
    for line in raw.split_inclusive('\n') {
        let tokens: Vec<&str> = line.split_whitespace().collect();
        let mut run = 0;
        let mut best = 0;
        for t in &tokens {
            if t.chars().count() == 1 && t.chars().all(char::is_alphabetic) {
                run += 1;
                best = best.max(run);
            } else {
                run = 0;
            }
        }
        if best >= 4 {
            hits.push(offset);
            if examples.len() < 2 {
                examples.push(format!("\"{}\"", line.trim()));
            }
        }
        offset += line.len();
    }
    if hits.is_empty() {
        return;
    }
    out.push(Finding::check(
        CheckId::LetterSpaced,
        Severity::Warning,
        format!(
            "Letter-spaced words ({}): an ATS reads single letters, so headings and keywords written this way are not recognised",
            examples.join(", ")
        ),
        "Write words normally and use character spacing (tracking) in the font settings instead of spaces",
        raw_evidence(input, hits),
    ));
}

#[cfg(test)]
mod tests {
    use super::super::testing::{CLEAN, Doc, assert_fires, assert_quiet};
    use crate::model::CheckId;

    #[test]
    fn spaced_heading() {
        let text = CLEAN.replace("SKILLS\n", "S K I L L S\n");
        let f = assert_fires(&Doc::text(&text), CheckId::LetterSpaced);
        assert!(f.message.contains("\"S K I L L S\""), "{}", f.message);
        // Initials and short runs are ordinary.
        let initials = CLEAN.replace("Jordan Pell", "J. R. R. Pell, A B C");
        assert_quiet(&Doc::text(&initials), CheckId::LetterSpaced);
    }
}
